/* flatten.h: a side's tree as the flat list of its visible rows, each with
 * its depth, as htop does; drawing, scrolling and printing then work on a
 * plain array.  Expansion state belongs to the caller (the view). */
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

/* Orders siblings: negative when a comes before b. */
typedef int (*flatten_order_fn)(const struct row *a, const struct row *b, void *ctx);

/* Append to out the visible rows of side s in display order: a row's
 * children follow it, except for a total_after row, whose children come
 * before it (as the disclosure prints 本年收入合计 below its items).  A
 * NULL is_open shows everything.  With order, the siblings of every level
 * are sorted (stable: ties keep document order); of_which rows stay first
 * under their parent, as breakdowns of it. */
void flatten_side(const struct side *s, flatten_open_fn is_open, void *ctx,
		  flatten_order_fn order, void *order_ctx, struct flat *out);

/* Every row of every side of t, fully expanded, side after side. */
void flatten_table(const struct table *t, struct flat *out);

void flatten_free(struct flat *f);

/* Give every row of s its printed line: its declared `line`, or the line
 * after the previous row's in display order.  Returns the first row whose
 * declared line is not after the previous row's, or NULL. */
const struct row *flatten_assign_lines(struct side *s);

#endif
