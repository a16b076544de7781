/* item.h: one entry of the navigator (a narrative part or a table) with
 * its own tree state: which rows or sections are open, the visible lines
 * in display order, the cursor and the scroll.  A node is a table row or
 * a narrative section, by the item's kind. */
#ifndef BUDGET_ITEM_H
#define BUDGET_ITEM_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/flatten.h"
#include "doc/model.h"
#include "report/rowsort.h"
#include "doc/text.h"

/* One visible line of the main pane: a table row or a narrative section. */
struct vnode {
	const struct row *row;		/* a table row, or NULL */
	const struct section *sec;	/* a narrative section, or NULL */
	int depth;
};

/* One entry of the navigator with its own tree state.  A zeroed item (no
 * table, no part) has no lines; the view uses one when a document has no
 * items. */
struct item {
	const struct table *table;	/* a table, or NULL */
	const struct section *part;	/* a narrative part, or NULL */
	const void **nodes;		/* every row or section, in document order */
	bool *open;			/* per node: are its children shown */
	size_t nnodes;
	struct vnode *vis;		/* the visible lines, in display order */
	size_t nvis, capvis;
	size_t cursor, top;		/* selected line, first line on screen */
	int detail_top;			/* first line of the detail pane */
	struct rowsort sort;		/* a table's sibling order; sort.col is
					 * also the amount column compared */
};

/* Set up it for a table (in document order, its first amount column
 * chosen), or for a narrative part, open one level deep. */
void item_init_table(struct item *it, const struct table *t);
void item_init_part(struct item *it, const struct section *part);
/* Free what the item holds (not the item). */
void item_free(struct item *it);

/* The node a visible line shows. */
const void *item_node(const struct vnode *vn);
/* The node's parent in the item, or NULL at the top. */
const void *item_parent(const struct item *it, const void *n);
/* Does the node have children? */
bool item_has_children(const struct item *it, const void *n);
/* Its depth below the item's top (0 at the top). */
int item_depth(const struct item *it, const void *n);
/* Its position in it->nodes. */
size_t item_index(const struct item *it, const void *n);
/* Are its children shown? */
bool item_is_open(const struct item *it, const void *n);
/* Its index among the visible lines, or -1. */
long item_find(const struct item *it, const void *n);

/* Rebuild the visible lines after the open state or the sort changed,
 * keeping the cursor on its node or on its nearest visible ancestor. */
void item_refresh(struct item *it);
/* Open every node above depth d, close the others. */
void item_open_to_depth(struct item *it, int d);
/* Open the shallowest level that has closed nodes; false when all are open. */
bool item_level_more(struct item *it);
/* Close the deepest open level. */
void item_level_less(struct item *it);
/* Open the node's ancestors and put the cursor on it. */
void item_reveal(struct item *it, const void *n);

/* Append a key that names the node by content, not by address (codes and
 * names, or titles, from the top down): the same node after a reload. */
void item_key(const struct item *it, const void *n, struct sbuf *b);

#endif
