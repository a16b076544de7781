/* flatten.h: a table's tree as the flat list of its visible rows, each
 * with its depth, as htop does; drawing, scrolling and printing then work
 * on a plain array.  Expansion state belongs to the caller (the view). */
#ifndef BUDGET_FLATTEN_H
#define BUDGET_FLATTEN_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/model.h"

struct flat_row {
	const struct row *row;
	int depth;
};

struct flat {
	struct flat_row *v;
	size_t n, cap;
};

/* Says whether a row's children are shown. */
typedef bool (*flatten_open_fn)(const struct row *r, void *ctx);

/* Replace out's contents with the visible rows of t in display order: a
 * row's children follow it, except for a total_after row, whose children
 * come before it (as the disclosure prints 本年收入合计 below its items).
 * A NULL is_open shows everything. */
void flatten_table(const struct table *t, flatten_open_fn is_open, void *ctx,
		   struct flat *out);

/* Orders siblings: negative when a comes before b. */
typedef int (*flatten_order_fn)(const struct row *a, const struct row *b, void *ctx);

/* flatten_table with the siblings of every level sorted by order (stable:
 * ties keep document order).  Of_which rows stay first under their
 * parent, as breakdowns of it; a NULL order is document order. */
void flatten_table_sorted(const struct table *t, flatten_open_fn is_open, void *ctx,
			  flatten_order_fn order, void *order_ctx, struct flat *out);

void flatten_free(struct flat *f);

#endif
