/* compare.h: a document against the prior year.  The prior year is either
 * a second budget file or the prior-year figures the document itself
 * states (a figure's value minus its stated change).  Absent is never zero.
 *
 * Tables pair by id, then by kind; sides by id, then by place.  Rows pair
 * by code first; then by id; then by normalised name (or labels) among the
 * children of the parent's counterpart; then, for rows with neither name
 * nor code, by position among those children.  Every pair says how it was
 * made.
 *
 * A comparison is shown as a derived table (compare_derive): for each
 * side, the compared column's 本年, 上年, 增减, 增减率, the changes the
 * document states beside them when it states any, and a 说明 column; the
 * prior rows that match nothing stand where they stood, marked 取消.  The
 * renderer, the exporter and the browser show it like any other table. */
#ifndef BUDGET_COMPARE_H
#define BUDGET_COMPARE_H

#include <stdbool.h>

#include "doc/model.h"
#include "doc/text.h"

enum match_how {
	MATCH_NONE,		/* new this year (file), or no stated figure */
	MATCH_CODE,		/* same code (and name, where codes repeat) */
	MATCH_ID,		/* the same row id in both files */
	MATCH_NAME,		/* the same normalised name under the same parent */
	MATCH_POSITION,		/* unnamed rows, by their place under the parent */
	MATCH_STATED,		/* the document states this row's prior figure */
};

/* How many rows matched, and how. */
struct cmp_counts {
	size_t by_code, by_id, by_name, by_position, stated, added, dropped;
};

/* A current table with its prior counterpart, or a prior table nothing of
 * this year matches (cur NULL). */
struct cmp_table {
	const struct table *cur, *old;
	const struct row **prior;	/* per row of cur (row->index): its match */
	enum match_how *how;		/* per row of cur */
	bool *taken;			/* per row of old: matched */
	struct cmp_counts counts;
	struct derived_cache *cache;	/* tables derived from this pair */
	int64_t scale_num, scale_den;	/* old amounts × num / den: the cur unit */
};

struct comparison {
	const struct document *cur;
	const struct document *old;	/* NULL: the document's stated figures */
	struct cmp_table *tables;	/* one per table of cur, then the prior
					 * tables that match none */
	size_t ntables;
	size_t *old_only;		/* per table of old: 1 + its place in tables
					 * when it pairs with none, else 0 */
	struct cmp_counts counts;	/* over all tables */
	struct strmap stated;		/* cell → the figure stating it */
	struct document *arena;		/* holds the derived tables */
};

/* Why a comparison cannot be made, as one line (for main to print). */
struct compare_error {
	char message[512];
};

/* Compare cur with old, or with cur's own stated prior-year figures when
 * old is NULL.  False, with *err set, when old is another department, not
 * the year before, or in a unit that does not convert exactly. */
bool compare_build(struct comparison *c, const struct document *cur,
		   const struct document *old, struct compare_error *err);
void compare_free(struct comparison *c);

/* The pairing of a table of cur, or of a prior-only table. */
const struct cmp_table *compare_table(const struct comparison *c, const struct table *t);

/* Derived rows: what each row of a compared table stands for. */
struct derived_row {
	const struct row *cur;		/* the row this year, or NULL (dropped) */
	const struct row *prior;	/* its prior-year match, or NULL (new) */
	enum match_how how;
	bool renamed, moved, recoded;	/* the pair differs so */
	bool differs;			/* a stated change or rate differs from
					 * the one computed */
	const struct figure *stated;	/* the figure stating it, or NULL */
};

/* What a derived table's `derived` points at. */
struct derivation {
	const struct comparison *cmp;
	const struct cmp_table *pair;
	struct derived_row *rows;	/* per row of the derived table */
	int *column;			/* per side: the compared column of the
					 * current (or prior) side, or -1 */
	size_t nstated;			/* rows with a stated prior-year figure */
};

/* The table shown when t (a table of cur, or a prior-only table) is
 * compared in its column keyed `column` (NULL, or where a side lacks it:
 * the side's default, its main amount column unless the document states
 * changes only in another).  Built once and kept in the comparison. */
const struct table *compare_derive(struct comparison *c, const struct table *t,
				   const char *column);

/* The derivation of a derived table, or NULL for a plain one. */
const struct derivation *compare_derivation(const struct table *t);
/* The row of a derived table as it stands for. */
const struct derived_row *compare_derived_row(const struct row *r);
/* The document's own row a row stands for: of a derived table, this
 * year's row (NULL for a dropped one); of a plain table, r itself; NULL
 * for NULL. */
const struct row *compare_origin_row(const struct row *r);

/* The figures of a derived side: which of its columns holds them, or -1
 * (a column nothing fills is left out). */
enum derived_figure { DF_CUR, DF_PRIOR, DF_CHANGE, DF_RATE };
int compare_column_of(const struct side *derived, enum derived_figure which);

/* The compared column a side of t defaults to (see compare_derive), or -1. */
int compare_default_column(const struct comparison *c, const struct side *s);

/* Exact change and rate of row r of cur in column col against its prior
 * year.  False when it has none; *has_rate is false for a zero prior. */
bool compare_change(const struct comparison *c, const struct row *r, size_t col,
		    amount_t *change, int64_t *rate, bool *has_rate);

/* The prior amount figure f states for row r's cell in column col: its
 * prior, or its value (or else the cell's) less its change; false when it
 * states none. */
bool compare_figure_prior(const struct figure *f, const struct row *r, int col,
			  amount_t *out);

/* A row's prior amount in column col of its side; false when none. */
bool compare_prior(const struct comparison *c, const struct row *r, size_t col,
		   amount_t *out);

/* "N rows matched by code, N by id, N by name, N by position, N new, N
 * dropped" (file mode) or "N rows with a stated prior-year figure", for
 * counts of c (the document, one table, or a derivation's). */
void compare_summary(const struct comparison *c, const struct cmp_counts *counts,
		     struct sbuf *out);

/* The summary of a derived table: its pair's counts, and in stated mode
 * the rows with a stated figure in the compared column. */
void compare_table_summary(const struct table *t, struct sbuf *out);

/* A name with spaces removed, full-width ASCII folded to half-width and
 * leading enumerators (一、 （一） 1. 其中：) dropped; caller frees. */
char *compare_normalise(const char *name);

#endif
