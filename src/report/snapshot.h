/* snapshot.h: the browser's view saved to a text file.  The body comes
 * from the same renderer as --print, so a fully expanded table saves
 * exactly the lines `budget --print=N` prints (compared: those of
 * `budget --print=N --compare`); a header says what, whose and when.  A
 * file is always new: an existing one is never overwritten. */
#ifndef BUDGET_SNAPSHOT_H
#define BUDGET_SNAPSHOT_H

#include <stdbool.h>
#include <time.h>

#include "doc/flatten.h"
#include "doc/model.h"
#include "report/lines.h"
#include "report/rowsort.h"

struct snapshot {
	const struct document *doc;
	const struct table *table;	/* the table shown (plain or compared), or NULL */
	const struct section *part;	/* the narrative part shown, or NULL */
	const struct flat *rows;	/* per side, its rows as shown; NULL: all */
	bool sequential;		/* rows are sorted: lines follow their order */
	const char *search;		/* the active search, or NULL */
	time_t when;
	enum sort_mode sort;		/* the order rows are in, for the header */
	bool reverse;			/* that order reversed */
};

/* The snapshot as lines: the header, a blank line, then the body. */
void snapshot_render(const struct snapshot *s, struct lines *out);

/* The file name for a snapshot: "budget-t06-20200101-093000.txt" (the
 * table's id, or the part's), with "-N" before ".txt" when attempt N > 1. */
void snapshot_name(const struct snapshot *s, int attempt, struct sbuf *out);

/* Write the snapshot to a new file in dir.  Returns the path written
 * (caller frees), or NULL with *error set to a message (caller frees). */
char *snapshot_save(const struct snapshot *s, const char *dir, char **error);

#endif
