/* rowsort.h: orders for the rows of a table: by name, by amount, by change
 * against the prior year, by rate of change.  Biggest first, so staff see
 * the largest movers at the top; rows with nothing to compare go last. */
#ifndef BUDGET_ROWSORT_H
#define BUDGET_ROWSORT_H

#include "report/compare.h"
#include "doc/flatten.h"

enum sort_mode {
	SORT_NONE,		/* document order */
	SORT_NAME,
	SORT_AMOUNT,
	SORT_CHANGE,		/* |change|, needs a comparison */
	SORT_RATE,		/* |rate|, needs a comparison */
	SORT_COUNT
};

struct rowsort {
	enum sort_mode mode;
	size_t col;				/* amount column */
	const struct comparison *cmp;		/* for SORT_CHANGE / SORT_RATE */
};

/* The flatten order for s (NULL for SORT_NONE); pass s as its context. */
flatten_order_fn rowsort_order(const struct rowsort *s);

/* The mode's name, in English or Chinese. */
const char *rowsort_name(enum sort_mode mode, bool chinese);

#endif
