/* print.h: --print snapshots of one view or the whole document. */
#ifndef BUDGET_PRINT_H
#define BUDGET_PRINT_H

#include <stdio.h>

#include "doc/model.h"
#include "report/compare.h"
#include "report/lines.h"

/* How to print: lines fitted to width columns (0: no limit); with cmp,
 * tables are compared with the prior year in the amount column whose key
 * is column (NULL, or where a table lacks it: each side's default). */
struct print_opts {
	int width;
	struct comparison *cmp;
	const char *column;
};

/* Why a view cannot be printed, as one line (for main to print). */
struct print_error {
	char message[512];
};


/* Is t compared in column (NULL: each side's main one)?  Tables without
 * the chosen column are left out of a whole document compared, and
 * refused when named: print_refuse_column says so in err.  The same rule
 * for --print and --format. */
bool print_compares(const struct table *t, const char *column);
bool print_refuse_column(const struct table *t, const struct comparison *cmp,
			 const char *column, struct print_error *err);

/* A table as printed: plain, or compared (with its comparison summary). */
void print_table(const struct table *t, const struct print_opts *o, struct lines *out);
/* What a compared table's pairing found, the line after it (width 0: no
 * width; snapshots end with it too). */
void print_compared_summary(const struct table *d, int width, struct lines *out);

/* Render VIEW ("all", a table, or a section id) of doc as lines.  Returns
 * false, with *err set, when VIEW names nothing in the document. */
bool print_view(const struct document *doc, const char *view, const struct print_opts *o,
		struct lines *out, struct print_error *err);

/* --list: every view of doc, one a line: its name for --print, a tab, and
 * what it is (a section's title; a table's label and title). */
void print_list(const struct document *doc, FILE *f);

#endif
