/* pane.h: the browser's panes, each a file with its own key handling and
 * drawing (as tig's views are): the navigator (nav.c), the table or
 * narrative in the main pane (table.c), the detail pane (detail_pane.c),
 * the prompt (prompt.c) and the help (help.c).  A handler returns the
 * VIEW_ flags of what it did, or PANE_PASS for an action that is not its
 * own, which the view then handles (view.c).  Also the view's own jobs the
 * panes share: places and history, jumps and search (find.c), reloading
 * (reload.c).  Private to src/browse. */
#ifndef BUDGET_PANE_H
#define BUDGET_PANE_H

#include "browse/grid.h"
#include "browse/view.h"

#define PANE_PASS (-1)

int nav_do(struct view *v, enum action a, int key);
int main_do(struct view *v, enum action a, int key);
int detail_do(struct view *v, enum action a, int key);
int prompt_key(struct view *v, int key);
int help_key(struct view *v, int key);

void draw_nav(struct view *v, struct grid *g);
void draw_main(struct view *v, struct grid *g);
void draw_detail(struct view *v, struct grid *g);
void draw_prompt(struct view *v, struct grid *g);
void draw_help(struct view *v, struct grid *g);

/* A pane's title row: the focus marker and left text, and right text when
 * there is room. */
void draw_title(const struct view *v, struct grid *g, enum pane_id p, const char *left,
		const char *right);
/* The columns draw_title gives the left text. */
int draw_title_room(const struct view *v, enum pane_id p, const char *right);
/* Flag the cells of the selected row. */
void draw_selected(struct grid *g, int x, int y, int w, bool focused);

/* Does the item's table keep its names' room and the columns it wants in
 * width columns (bars and indentation may give way)? */
bool main_fits(const struct view *v, const struct item *it, int width);
/* Do all sides of the item's table fit side by side in the main pane? */
bool main_sides_fit(const struct view *v, const struct item *it);

/* Open the prompt of that kind (':' or '/'). */
void prompt_open(struct view *v, int kind);

/* Lay the panes out again (after a focus, size or visibility change). */
void view_relayout(struct view *v);
/* Lines a pane shows below its title. */
int view_pane_rows(const struct view *v, enum pane_id p);
/* One page of the focused pane. */
int view_page(const struct view *v);

/* Where the cursor is; remember it; go to another place; show item i. */
struct place view_here(const struct view *v);
void view_history_push(struct view *v);
void view_go(struct view *v, struct place p, bool remember);
void view_select_item(struct view *v, size_t i);
/* The item of a table or section of the document, or of none (0). */
size_t view_item_of_table(const struct view *v, const struct table *t);
size_t view_item_of_section(const struct view *v, const struct section *s);
/* The view's number for a document (view_document), and the place of a
 * row of any of its documents. */
size_t view_document_index(const struct view *v, const struct document *doc);
struct place view_place_of_row(const struct view *v, const struct row *r);
/* Free what is kept of the documents not shown: the city's parked build
 * and each department's tree state (a set only). */
void view_forget_left(struct view *v);
/* Show document k of a set, the view's build of the one before gone (left
 * or unbuilt): as it was left (its kept tree state, or the city parked). */
void view_enter_document(struct view *v, size_t k);
/* Free a build's items and comparison (view_unbuild, and a parked one). */
void view_free_build(struct item *items, size_t nitems, struct comparison *cmp);
/* Step to the previous or next listed item from i; returns i when none. */
size_t view_step_item(const struct view *v, size_t i, int step);

/* :TEXT, /TEXT, n and N, !, Backspace. */
void view_jump(struct view *v, const char *text);
void view_search(struct view *v, const char *text);
void view_step_match(struct view *v, int step);
void view_next_failing(struct view *v);
void view_go_back(struct view *v);

/* The matches of the active search found again (after a reload). */
void view_refind(struct view *v);

/* R: both files again, when they changed. */
void view_reload(struct view *v);
/* Note how the files are now, to tell later whether they changed. */
void view_remember_files(struct view *v);
/* Build the items of the documents and what depends on them; the caller
 * then sets cur and shows it (view_show_tables). */
void view_build(struct view *v);
/* Free what view_build made. */
void view_unbuild(struct view *v);

/* The current item shows its table, or its compared table when comparing;
 * each other one does when it becomes current. */
void view_show_tables(struct view *v);

#endif
