/* render_compare.h: a table laid out against the prior year: this year,
 * prior year, change (增减) and rate (增减率) of one amount column. */
#ifndef BUDGET_RENDER_COMPARE_H
#define BUDGET_RENDER_COMPARE_H

#include "report/compare.h"
#include "report/render.h"

/* The compared columns' headings: this year, prior year, change, rate and
 * how the row was matched. */
extern const char *const render_compare_heads[5];

/* Widths of the compared columns, measured over all rows of the table and
 * its dropped prior rows. */
struct compare_layout {
	struct table_layout base;	/* code and name columns */
	size_t col;			/* the compared amount column */
	int w[5];			/* this year, prior, change, rate, mark */
	int width;
};

/* Measure t compared in column col; max_width > 0 narrows names. */
void render_compare_layout(const struct comparison *c, const struct table *t,
			   size_t col, int max_width, struct compare_layout *lay);
void render_compare_layout_free(struct compare_layout *lay);

/* The column-heading line alone: code, name, 本年, 上年, 增减, 增减率, 说明. */
void render_compare_head_titles(const struct table *t, const struct compare_layout *lay,
				struct sbuf *out);
/* One row compared; marker as in render_row. */
void render_compare_row(const struct comparison *c, const struct compare_layout *lay,
			const struct row *r, int depth, int marker, struct sbuf *out);
/* A prior-year row of t that matches nothing (取消): its prior amount. */
void render_compare_dropped(const struct comparison *c, const struct table *t,
			    const struct compare_layout *lay, const struct row *p,
			    struct sbuf *out);
/* A table compared, head and summary included, with only the rows of f
 * (a snapshot of the rows as the browser shows them). */
void render_compare_table_flat(const struct comparison *c, const struct table *t,
			       size_t col, int max_width, const struct flat *f,
			       struct lines *out);
/* A whole table compared and fully expanded, as --print --compare shows it. */
void render_compare_table(const struct comparison *c, const struct table *t,
			  size_t col, int max_width, struct lines *out);

/* One line for each prior-year table that no table of the document
 * matches: all its rows are dropped (取消). */
void render_compare_unmatched(const struct comparison *c, struct lines *out);

#endif
