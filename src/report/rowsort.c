/* rowsort.c: sibling orders for the browser and snapshots. */
#include "report/rowsort.h"

#include <string.h>

static int by_name(const struct row *a, const struct row *b, void *ctx)
{
	(void)ctx;
	int c = strcmp(a->code ? a->code : "", b->code ? b->code : "");
	return c ? c : strcmp(a->name, b->name);
}

/* Descending; a missing value sorts after every present one. */
static int desc(bool has_a, amount_t a, bool has_b, amount_t b)
{
	if (has_a != has_b)
		return has_a ? -1 : 1;
	return a > b ? -1 : a < b;
}

static amount_t magnitude(amount_t v)
{
	return v < 0 ? -v : v;
}

static int by_amount(const struct row *a, const struct row *b, void *ctx)
{
	const struct rowsort *s = ctx;
	const struct cell *x = &a->cells[s->col], *y = &b->cells[s->col];
	return desc(!x->blank, x->amount, !y->blank, y->amount);
}

/* SORT_CHANGE compares |change|, SORT_RATE |rate|. */
static int by_movement(const struct row *a, const struct row *b, void *ctx)
{
	const struct rowsort *s = ctx;
	amount_t ca = 0, cb = 0;
	int64_t ra = 0, rb = 0;
	bool rate_a = false, rate_b = false;
	bool has_a = compare_change(s->cmp, a, s->col, &ca, &ra, &rate_a);
	bool has_b = compare_change(s->cmp, b, s->col, &cb, &rb, &rate_b);
	if (s->mode == SORT_RATE)
		return desc(has_a && rate_a, magnitude(ra), has_b && rate_b, magnitude(rb));
	return desc(has_a, magnitude(ca), has_b, magnitude(cb));
}

flatten_order_fn rowsort_order(const struct rowsort *s)
{
	switch (s->mode) {
	case SORT_NAME: return by_name;
	case SORT_AMOUNT: return by_amount;
	case SORT_CHANGE:
	case SORT_RATE: return s->cmp ? by_movement : by_amount;
	default: return NULL;
	}
}

const char *rowsort_name(enum sort_mode mode, bool chinese)
{
	static const char *const en[SORT_COUNT] = { "document order", "name", "amount",
						    "change", "rate" };
	static const char *const zh[SORT_COUNT] = { "原序", "名称", "金额", "增减", "增减率" };
	return mode < SORT_COUNT ? (chinese ? zh : en)[mode] : "";
}
