/* rowsort.c: sibling orders for the browser and snapshots. */
#include "report/rowsort.h"

#include <string.h>

#include "doc/msg.h"
#include "report/compare.h"

static int by_name(const struct row *a, const struct row *b, void *ctx)
{
	const struct rowsort *s = ctx;
	int c = strcmp(a->code ? a->code : "", b->code ? b->code : "");
	if (!c)
		c = strcmp(model_row_name(a), model_row_name(b));
	return s->reverse ? -c : c;
}

/* Descending (ascending when reversed); a missing value sorts after every
 * present one either way. */
static int order(const struct rowsort *s, bool has_a, int64_t a, bool has_b, int64_t b)
{
	if (has_a != has_b)
		return has_a ? -1 : 1;
	int c = a > b ? -1 : a < b;
	return s->reverse ? -c : c;
}

static int64_t magnitude(int64_t v)
{
	return v < 0 ? -v : v;
}

/* The column a row is sorted by in this mode, or -1. */
static int sort_column(const struct rowsort *s, const struct row *r)
{
	const struct side *side = r->side;
	if (side->table->derived) {
		enum derived_figure f = s->mode == SORT_CHANGE ? DF_CHANGE :
					s->mode == SORT_RATE ? DF_RATE : DF_CUR;
		return compare_column_of(side, f);
	}
	if (s->column >= 0 && (size_t)s->column < side->ncolumns)
		return s->column;
	return side->main;
}

static int by_value(const struct row *a, const struct row *b, void *ctx)
{
	const struct rowsort *s = ctx;
	int ca = sort_column(s, a), cb = sort_column(s, b);
	int64_t x = 0, y = 0;
	bool has_x = ca >= 0 && model_cell_number(a, (size_t)ca, &x);
	bool has_y = cb >= 0 && model_cell_number(b, (size_t)cb, &y);
	if ((s->mode == SORT_CHANGE || s->mode == SORT_RATE) && a->side->table->derived) {
		x = magnitude(x);
		y = magnitude(y);
	}
	return order(s, has_x, x, has_y, y);
}

flatten_order_fn rowsort_order(const struct rowsort *s)
{
	switch (s->mode) {
	case SORT_NAME: return by_name;
	case SORT_AMOUNT:
	case SORT_CHANGE:
	case SORT_RATE: return by_value;
	default: return NULL;
	}
}

const char *rowsort_name(enum sort_mode mode)
{
	static const enum msg_id names[SORT_COUNT] = {
		M_SORT_NONE, M_SORT_NAME, M_SORT_AMOUNT, M_SORT_CHANGE, M_SORT_RATE,
	};
	return mode < SORT_COUNT ? msg(names[mode]) : "";
}
