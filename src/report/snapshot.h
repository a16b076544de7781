/* snapshot.h: the browser's view saved to a text file.  The body comes
 * from the same renderer as --print, so a fully expanded table saves
 * exactly the lines `budget --print=N` prints (compared: those of
 * `budget --print=N --compare`); a header says what, whose and when.  A
 * file is always new: an existing one is never overwritten. */
#ifndef BUDGET_SNAPSHOT_H
#define BUDGET_SNAPSHOT_H

#include <stdbool.h>
#include <time.h>

#include "report/compare.h"
#include "doc/flatten.h"
#include "doc/model.h"
#include "report/render.h"
#include "report/rowsort.h"

struct snapshot {
	const struct document *doc;
	const struct table *table;	/* the table shown, or NULL */
	const struct section *part;	/* the narrative part shown, or NULL */
	const struct flat *rows;	/* the table's rows as expanded; NULL: all */
	const char *search;		/* the active search, or NULL */
	time_t when;
	const struct comparison *cmp;	/* compare the table, or NULL */
	size_t col;			/* the amount column compared */
	enum sort_mode sort;		/* the order rows are in, for the header */
};

/* The snapshot as lines: the header, a blank line, then the body. */
void snapshot_render(const struct snapshot *s, struct lines *out);

/* The file name for a snapshot: "budget-table6-20200101-093000.txt" (or
 * "-part1-"), with "-N" before ".txt" when attempt N > 1. */
void snapshot_name(const struct snapshot *s, int attempt, struct sbuf *out);

/* Write the snapshot to a new file in dir.  Returns the path written
 * (caller frees), or NULL with *error set to a message (caller frees). */
char *snapshot_save(const struct snapshot *s, const char *dir, char **error);

#endif
