/* print.h: --print snapshots. */
#ifndef BUDGET_PRINT_H
#define BUDGET_PRINT_H

#include <stdio.h>

#include "report/compare.h"
#include "doc/model.h"

/* How to print: lines fitted to width columns (0: no limit); with cmp,
 * tables are compared with the prior year in the amount column whose key
 * is column (NULL: each table's first amount column). */
struct print_opts {
	int width;
	const struct comparison *cmp;
	const char *column;
};

/* The column to compare in t (model_amount_column), or -1 after a one-line
 * message on stderr. */
int print_compared_column(const struct table *t, const char *key);

/* The table number VIEW names ("6"), or 0 when it names no table. */
int print_table_number(const char *view);

/* Render VIEW ("all", a table number, or a section id) of doc to f.
 * Returns 0, or 2 after a one-line message on stderr when VIEW or the
 * column names nothing in the document. */
int print_view(const struct document *doc, const char *view,
	       const struct print_opts *opts, FILE *f);

#endif
