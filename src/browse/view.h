/* view.h: the browser's state, without curses.  A view holds one document,
 * the navigator's items (narrative parts and tables), each item's own
 * expansion state, cursor, scroll, sort and compared column, the
 * comparison with the prior year, the focused pane, the search, the
 * history and the prompt.  Keys come in as actions (keys.h), as tig's
 * requests do, so the tests drive a view without a terminal; draw.h turns
 * a view into a grid. */
#ifndef BUDGET_VIEW_H
#define BUDGET_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "report/check.h"
#include "report/compare.h"
#include "browse/item.h"
#include "browse/keys.h"
#include "browse/layout.h"
#include "doc/model.h"
#include "doc/text.h"

/* A place to come back to: an item and a row or section of it. */
struct place {
	size_t item;
	const void *node;
};

struct view_options {
	bool zh;			/* help and messages in Chinese */
	bool no_utf8;			/* no UTF-8 locale could be set */
	const char *snapshot_dir;	/* NULL: $BUDGET_SNAPSHOT_DIR, else "." */
	time_t (*clock)(void);		/* snapshot times; NULL: time() */
	bool compare;			/* start comparing with the prior year */
	const char *column;		/* key of the amount column to compare
					 * first, where a table has it; NULL:
					 * each table's first */
};

/* What handling a key did. */
enum { VIEW_REDRAW = 1, VIEW_QUIT = 2 };

/* A mouse event, in screen cells. */
enum mouse_kind { MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

struct view {
	struct document *doc;		/* owned: freed by view_free */
	struct document *old;		/* owned: the prior-year file, or NULL to
					 * compare with doc's stated figures */
	struct comparison cmp;		/* doc against old, rebuilt on reload */
	bool comparing;			/* tables are shown against the prior year */
	struct check_report checks;	/* every check of doc, for row status */
	struct item *items;		/* at least one (see view_item) */
	size_t nitems, cur;		/* the item shown in the main pane */
	size_t nav_top;
	enum pane_id focus;
	bool show_nav, show_detail, zoom, bars, help;
	int help_top;
	int cols, rows;
	struct layout lay;		/* for cols x rows */
	int prompt;			/* 0, ':' or '/' while a prompt is open */
	struct sbuf input;		/* what was typed in the prompt */
	char *query;			/* the active search, or NULL */
	struct place *matches;
	size_t nmatches, match;		/* match: index of the current one */
	struct place *history;
	size_t nhistory, caphistory;
	char *message;			/* for the status line, or NULL */
	int digits;			/* table number typed in the navigator */
	struct view_options opt;
	struct timespec mtime;		/* the file as loaded, to see changes */
	off_t size;
};

/* A view of doc, compared (c) with old or, when old is NULL, with the
 * prior-year figures doc states; it takes both over.  Shows the first item. */
struct view *view_new(struct document *doc, struct document *old,
		      const struct view_options *opt);
/* Free the view and its documents. */
void view_free(struct view *v);

/* The terminal is now cols x rows. */
void view_resize(struct view *v, int cols, int rows);
/* Handle a key (keys.h codes); returns VIEW_ flags. */
int view_key(struct view *v, int key);
/* Feed every character of a UTF-8 string as a key (for scripts and tests). */
int view_type(struct view *v, const char *utf8);
/* Do an action as if its key was pressed in the focused pane. */
int view_do(struct view *v, enum action a, int key);
/* Handle a mouse event at (x, y). */
int view_mouse(struct view *v, enum mouse_kind kind, int x, int y);

/* The current item (an empty one, with no table or part, when nitems is
 * 0), and its selected line (NULL when it has none). */
struct item *view_item(const struct view *v);
const struct vnode *view_selected(const struct view *v);

/* The --check status of a row (the worst check concerning it). */
enum check_status view_row_status(const struct view *v, const struct row *r);

/* The comparison the main pane shows: when comparing and the current item
 * is a table with an amount column; else NULL. */
const struct comparison *view_comparison(const struct view *v);

/* The current table's comparison summary and sort, for the status line
 * (nothing for a narrative part). */
void view_status(const struct view *v, struct sbuf *out);

/* Rows the main pane lists: its height less its title and headings. */
int view_main_rows(const struct view *v);

/* Lines of the detail pane for the selected line, at width columns. */
void view_detail_lines(const struct view *v, int width, struct lines *out);

/* The navigator label of item i ("表6 …") and its total ("3676.98",
 * "不完整", or ""); for the empty item of a document with no items
 * (nitems 0, i 0), the document's title. */
void view_item_label(const struct view *v, size_t i, struct sbuf *label,
		     struct sbuf *total);

/* What the main pane says when the document has no items. */
const char *view_empty_text(const struct view *v);

/* Set the status-line message (printf style). */
void view_message(struct view *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
