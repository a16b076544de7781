/* item.h: one entry of the navigator (a table or a narrative part) with
 * its own tree state: which rows or sections are open, the visible lines,
 * the cursor, the scroll, the sort, the columns in view.
 *
 * A table item shows either the table or, when comparing, the table
 * derived from it (compare.h); its lines are the sides' visible rows
 * aligned as printed (render_align), and the cursor is a row of the active
 * side.  A part item's lines are its sections. */
#ifndef BUDGET_ITEM_H
#define BUDGET_ITEM_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/flatten.h"
#include "doc/model.h"
#include "report/render.h"
#include "report/rowsort.h"

/* One side of a shown table: its visible rows, the row selected on it,
 * each row's line, and the first data column in view. */
struct side_view {
	struct flat flat;
	size_t cursor;			/* index into flat */
	size_t *line;			/* per flat index: its line */
	size_t first_col;
};

/* A visible section of a part. */
struct section_line {
	const struct section *sec;
	int depth;
};

struct item {
	const struct table *table;	/* the document's table, or NULL */
	const struct table *shown;	/* what the main pane shows: the table,
					 * or the compared table derived from it */
	const struct section *part;	/* a narrative part, or NULL */
	bool *open;			/* per row of shown (index), or per section */
	size_t nopen;
	/* Tables. */
	struct side_view *sides;
	size_t nsides, side;		/* side: the active one */
	struct aligned lines;
	bool single;			/* the sides do not fit side by side: the
					 * lines are the active side's rows */
	/* Parts. */
	const struct section **sections;	/* in document order */
	struct section_line *svis;
	size_t nsvis, capsvis, scursor;
	size_t top;			/* first line on screen */
	int detail_top;			/* first line of the detail pane */
	struct rowsort sort;
	char *column;			/* the compared column's key, or NULL */
	bool visited;			/* has been shown: only then can it differ
					 * from a fresh item (keys act on the one
					 * shown) */
	/* The natural widths of the sides, measured once per indent
	 * (RENDER_INDENT + 1 of them) rather than at every key, for the
	 * table [0] and for the compared table last shown [1], which c
	 * toggles between: measuring reads every row (table.c). */
	struct side_layout *measured[2][RENDER_INDENT + 1];
	const struct table *measured_for[2];
};

/* Set up it for a table (open one level) or a narrative part. */
void item_init_table(struct item *it, const struct table *t);
void item_init_part(struct item *it, const struct section *part);
/* Free what the item holds (not the item). */
void item_free(struct item *it);
/* The natural widths of the shown table's side at an indent: a copy of
 * what was measured once (free it with the layout it goes into). */
void item_measure(const struct item *it, size_t side, int indent, struct side_layout *out);

/* Show another table in it (the plain table, or one derived from it),
 * keeping what is open and where the cursor is, row for row. */
void item_show(struct item *it, const struct table *shown);

/* Rebuild the visible lines after the open state or the sort changed,
 * keeping the cursor on its row or on its nearest visible ancestor. */
void item_refresh(struct item *it);

/* Lines the main pane lists, and the one the cursor is on. */
size_t item_nlines(const struct item *it);
size_t item_cursor_line(const struct item *it);

/* Show the sides one at a time (the screen is too narrow for all) or
 * side by side, their rows aligned as printed. */
void item_set_single(struct item *it, bool single);

/* The selected row (tables) or section (parts), or NULL. */
const struct row *item_row(const struct item *it);
const struct section *item_section(const struct item *it);
/* The row of side s on line l, or NULL. */
const struct flat_row *item_at(const struct item *it, size_t s, size_t l);

/* Move the cursor by delta rows of the active side (or sections); false
 * when it could not move at all (at the top or the bottom already). */
bool item_move(struct item *it, long delta);
/* Put the cursor on line l: the active side's row there, or another
 * side's. */
void item_select_line(struct item *it, size_t l);
/* Switch the active side by step (a side with rows); false when none. */
bool item_switch_side(struct item *it, int step);

/* Does the selected node have children, and are they shown? */
bool item_has_children(const struct item *it);
bool item_is_open(const struct item *it);
/* Open or close the selected node. */
void item_set_open(struct item *it, bool open);
/* Go to the selected node's first child (true) or its parent (true); false
 * when there is none. */
bool item_to_child(struct item *it);
bool item_to_parent(struct item *it);

/* Open every node above depth d, close the others. */
void item_open_to_depth(struct item *it, int d);
/* Open the shallowest level that has closed nodes; false when all are open. */
bool item_level_more(struct item *it);
/* Close the deepest open level. */
void item_level_less(struct item *it);
/* How deep the tree is open: the deepest visible level (0: the top only). */
int item_depth_shown(const struct item *it);

/* Open the ancestors of a row of shown (or a section) and select it. */
void item_reveal_row(struct item *it, const struct row *r);
void item_reveal_section(struct item *it, const struct section *s);

/* The row of shown that stands for r, a row of the document's table (r
 * itself when shown is the table), or NULL. */
const struct row *item_shown_row(const struct item *it, const struct row *r);

/* Append a key that names the node by content, not by address (codes and
 * names, or titles, from the top down): the same node after a reload. */
void item_key(const struct item *it, const void *node, struct sbuf *b);

#endif
