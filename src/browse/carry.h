/* carry.h: which rows are open, where each cursor is, and each table's
 * sort and compared column, remembered by content so that they survive a
 * reload of the documents (R) and a department left and opened again. */
#ifndef BUDGET_CARRY_H
#define BUDGET_CARRY_H

#include <stddef.h>

#include "browse/item.h"
#include "doc/strmap.h"

struct carry_item {
	char *key;		/* the item's table id or part */
	char *cursor;		/* key of its selected node, or NULL */
	size_t cursor_line;	/* where it was: looked at first */
	struct rowsort sort;
	char *column;
	size_t side;
};

struct carry {
	struct strmap open;	/* keys of the open nodes */
	struct strmap by_key;	/* item key -> its carry_item */
	struct carry_item *items;
	size_t nitems;
	char *cur;		/* key of the item shown, or NULL */
};

/* Remember the open nodes and cursors of n items, cur being shown. */
void carry_save(const struct item *items, size_t n, size_t cur, struct carry *c);

/* Apply to the items of the reloaded or reopened documents: nodes with the same key
 * open, cursors on the same nodes, the same sort, side and column.
 * Returns the item to show (the one shown before, else cur). */
size_t carry_restore(const struct carry *c, struct item *items, size_t n, size_t cur);

/* Free what was remembered. */
void carry_free(struct carry *c);

#endif
