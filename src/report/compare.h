/* compare.h: a document against the prior year.  The prior year is either
 * a second budget file (matched table by kind, row by code, then by
 * normalised name) or the prior-year figures the document itself states
 * (a figure's value minus its stated change).  Absent is never zero. */
#ifndef BUDGET_COMPARE_H
#define BUDGET_COMPARE_H

#include <stdbool.h>

#include "doc/model.h"
#include "doc/text.h"

enum match_how {
	MATCH_NONE,		/* new this year (file), or no stated figure */
	MATCH_CODE,		/* same code (and name, where codes repeat) */
	MATCH_NAME,		/* by normalised name only */
	MATCH_STATED,		/* the document states this row's prior figure */
};

struct cmp_row {
	const struct row *prior;	/* matched prior-year row, or NULL */
	enum match_how how;
	bool *has_prior;		/* per column of the current table */
	amount_t *prior_amount;
};

/* How many rows matched, and how. */
struct cmp_counts {
	size_t by_code, by_name, stated, added, dropped;
};

struct cmp_table {
	const struct table *cur;
	const struct table *old;	/* NULL: no prior table (or stated mode) */
	struct cmp_row *rows;		/* indexed by row->index */
	int *old_column;		/* per current column: prior column or -1 */
	const struct row **dropped;	/* prior rows that match nothing */
	size_t ndropped;
	struct cmp_counts counts;
};

struct comparison {
	const struct document *cur;
	const struct document *old;	/* NULL: the document's stated figures */
	struct cmp_table *tables;	/* parallel to cur->tables */
	const struct table **old_unmatched;	/* prior tables no current one matches */
	size_t nold_unmatched;
	struct cmp_counts counts;	/* over all tables; rows of unmatched
					 * prior tables count as dropped */
};

/* Compare cur with old, or with cur's own stated prior-year figures when
 * old is NULL. */
void compare_build(struct comparison *c, const struct document *cur,
		   const struct document *old);
void compare_free(struct comparison *c);

/* The comparison of one row of cur. */
const struct cmp_row *compare_row(const struct comparison *c, const struct row *r);
/* The comparison of one table of cur. */
const struct cmp_table *compare_table(const struct comparison *c, const struct table *t);

/* What compare_cells writes for a value that does not exist. */
#define COMPARE_ABSENT "—"

/* Format a row's comparison in column col: this year, prior year, change
 * and rate, each COMPARE_ABSENT ("—") where it does not exist (no prior, or a zero prior
 * for the rate).  Each buffer holds AMOUNT_BUFSZ bytes. */
void compare_cells(const struct comparison *c, const struct row *r, size_t col,
		   char *cur, char *prior, char *change, char *rate);

/* Exact change and rate of a row in column col.  Returns false when the
 * row has no prior figure; *has_rate is false when the prior is zero. */
bool compare_change(const struct comparison *c, const struct row *r, size_t col,
		    amount_t *change, int64_t *rate, bool *has_rate);

/* The prior amount of a dropped prior row p of t (compare_table(c, t)->
 * dropped) in t's column col; false when that column has no prior
 * counterpart or p's cell is blank. */
bool compare_dropped_amount(const struct comparison *c, const struct table *t,
			    const struct row *p, size_t col, amount_t *out);

/* A short mark of how the row was matched: "", "按名称", "新增", "—". */
const char *compare_mark(const struct comparison *c, const struct row *r);

/* "N rows matched by code, N by name, N new, N dropped" (file mode) or
 * "N rows with a stated prior-year figure" (stated mode), for counts of c
 * (the whole document, or one of its tables); in Chinese when chinese. */
void compare_summary(const struct comparison *c, const struct cmp_counts *counts,
		     bool chinese, struct sbuf *out);

/* A name with spaces removed, full-width ASCII folded to half-width and
 * leading enumerators (一、 （一） 1. 其中：) dropped; caller frees. */
char *compare_normalise(const char *name);

#endif
