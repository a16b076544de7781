/* rowsort.h: orders for the rows of a table: by name, by amount, by change
 * against the prior year, by rate of change.  Biggest first, so staff see
 * the largest movers at the top, or the other way round; rows with nothing
 * to compare go last either way.  A compared table (compare.h) sorts by
 * its own 增减 and 增减率 columns. */
#ifndef BUDGET_ROWSORT_H
#define BUDGET_ROWSORT_H

#include <stdbool.h>

#include "doc/flatten.h"

enum sort_mode {
	SORT_NONE,		/* document order */
	SORT_NAME,
	SORT_AMOUNT,
	SORT_CHANGE,		/* |change|: a compared table's */
	SORT_RATE,		/* |rate| */
	SORT_COUNT
};

struct rowsort {
	enum sort_mode mode;
	bool reverse;		/* smallest (or last by name) first */
	int column;		/* SORT_AMOUNT of a plain table: the column, or -1
				 * for each side's main one */
};

/* The flatten order for s (NULL for SORT_NONE); pass s as its context. */
flatten_order_fn rowsort_order(const struct rowsort *s);

/* The mode's name in the run's language. */
const char *rowsort_name(enum sort_mode mode);

#endif
