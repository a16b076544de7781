/* carry.h: which rows are open, where each cursor is, and each table's
 * sort and compared column, remembered by content so that they survive a
 * reload of the document (R). */
#ifndef BUDGET_CARRY_H
#define BUDGET_CARRY_H

#include <stddef.h>

#include "browse/item.h"

struct carry {
	char **open;		/* sorted keys of the open nodes */
	size_t nopen;
	char *cur;		/* key of the current item's selected node; NULL
				 * when there were no items (an empty document) */
	char **cursor;		/* per old item: key of its selected node */
	size_t ncursor;
	enum sort_mode *sort;	/* per old item: its sort */
	char **column;		/* per old item: key of its column, or NULL */
};

/* Remember the open nodes and cursors of n items, cur being shown. */
void carry_save(const struct item *items, size_t n, size_t cur, struct carry *c);

/* Apply to the items of the reloaded document: nodes with the same key
 * open, cursors on the same nodes, the same sort and column (by key).
 * Returns the item to show (the one holding the old selection, else cur). */
size_t carry_restore(const struct carry *c, struct item *items, size_t n, size_t cur);

/* Free what was remembered. */
void carry_free(struct carry *c);

#endif
