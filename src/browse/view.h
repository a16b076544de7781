/* view.h: the browser's state, without curses.  A view holds one document
 * (and the prior year's, when given), the navigator's items, the focused
 * pane, the search, the history and the prompt.  Keys come in as actions
 * (keys.h), as tig's requests do; each pane handles its own (pane.h) and
 * what none of them takes is the view's.  The tests drive a view without a
 * terminal; draw.h turns it into a grid. */
#ifndef BUDGET_VIEW_H
#define BUDGET_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "browse/item.h"
#include "browse/keys.h"
#include "browse/layout.h"
#include "doc/model.h"
#include "doc/docset.h"
#include "report/check.h"
#include "report/compare.h"

/* A place to come back to: a document of the view (view_document), an
 * item and a row or section of it. */
struct place {
	size_t doc;
	size_t item;
	const struct row *row;		/* a row of the item's table (not a derived one) */
	const struct section *sec;
};

struct view_options {
	bool no_utf8;			/* no UTF-8 locale could be set */
	const char *snapshot_dir;	/* NULL: $BUDGET_SNAPSHOT_DIR, else "." */
	time_t (*clock)(void);		/* snapshot times; NULL: time() */
	bool compare;			/* start comparing with the prior year */
	const char *column;		/* key of the amount column to compare first,
					 * where a table has it; NULL: the defaults */
};

/* What handling a key did: the screen must be drawn again, the program
 * ends.  0: nothing changed. */
enum { VIEW_REDRAW = 1, VIEW_QUIT = 2 };

/* A mouse event, in screen cells. */
enum mouse_kind { MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

/* How shares show in the main pane. */
enum shares_mode { SHARES_BARS, SHARES_PERCENT, SHARES_BOTH, SHARES_COUNT };

/* The prompt's line editor. */
struct prompt {
	int kind;			/* 0, ':' or '/' while open */
	struct sbuf input;
};

/* The files as loaded, to see whether they changed (R). */
struct file_stamp {
	struct timespec mtime;
	off_t size;
	bool known;
};

/* A document's items and comparison put aside as they are (docs.c). */
struct parked {
	struct item *items;		/* NULL: nothing parked */
	size_t nitems, nprior, cur, nav_top;
	struct comparison *cmp;
};

struct view {
	struct document *doc;		/* the document shown; owned (freed by
					 * view_free) unless the view has a set */
	struct document *old;		/* the prior-year file, or NULL to compare
					 * with doc's stated figures; owned as doc */
	/* Several departments: the set and its city document (city.h), both
	 * owned; doc is one of them, document number at (0: the city, k: the
	 * set's document k - 1). */
	struct docset *set;
	struct document *city;
	size_t at;
	struct check_report city_checks;	/* the city's, made once */
	struct parked city_parked;	/* the city's, while a department is
					 * shown: going back up is frequent, and
					 * the city is the largest to build */
	struct carry *left;		/* per department number: its tree state
					 * when it was last left (carry.h) */
	bool city_checked;
	struct comparison *cmp;		/* doc against old */
	bool comparing;			/* tables are shown against the prior year */
	struct check_report checks;	/* every check of doc (and against old) */
	struct item *items;		/* at least one (see view_item) */
	size_t nitems, cur;		/* cur: the item shown in the main pane */
	size_t nprior;			/* items of prior-only tables, last, shown
					 * only when comparing */
	size_t nav_top;
	enum pane_id focus;
	bool show_nav, show_detail, zoom, bars;
	enum shares_mode shares;
	int help;			/* 0, or the help page shown (1, 2) */
	int help_top;
	int cols, rows;
	struct layout lay;		/* for cols x rows */
	struct prompt prompt;
	char *query;			/* the active search, or NULL */
	struct place *matches;
	size_t nmatches, match;		/* match: index of the current one */
	struct place *history;
	size_t nhistory, caphistory;
	char *message;			/* for the status line, or NULL */
	int digits;			/* table number typed in the navigator */
	struct view_options opt;
	struct file_stamp stamp, old_stamp;
};

/* A view of doc, compared (c) with old or, when old is NULL, with the
 * prior-year figures doc states; it takes both over.  A comparison with
 * old that cannot be made (compare_build) is for the caller to refuse
 * first.  Shows the first item, the navigator focused. */
struct view *view_new(struct document *doc, struct document *old,
		      const struct view_options *opt);
/* A view of a set of departments: the city document first (city.h); it
 * takes both over. */
struct view *view_new_set(struct docset *set, struct document *city,
			  const struct view_options *opt);
/* Free the view and its documents. */
void view_free(struct view *v);

/* Documents a view can show (1, or the city and each department), and
 * document k of them. */
size_t view_ndocuments(const struct view *v);
struct document *view_document(const struct view *v, size_t k);
/* Show document k instead (its first item; the navigator focused). */
void view_open_document(struct view *v, size_t k);

/* The terminal is now cols x rows. */
void view_resize(struct view *v, int cols, int rows);
/* Handle a key (keys.h codes); returns VIEW_ flags. */
int view_key(struct view *v, int key);
/* Feed every character of a UTF-8 string as a key (for scripts and tests). */
int view_type(struct view *v, const char *utf8);
/* Handle a mouse event at (x, y). */
int view_mouse(struct view *v, enum mouse_kind kind, int x, int y);
/* Cancel an open prompt (Ctrl-C, which reaches the program as a signal);
 * false when none was open. */
bool view_cancel_prompt(struct view *v);

/* The current item (an empty one, with no table or part, when the
 * document has none). */
struct item *view_item(const struct view *v);
/* How many items the navigator lists now: the first ones, since the
 * items of prior-only tables come last (view_build) and are listed only
 * while comparing.  Item i is listed when i < view_nlisted. */
size_t view_nlisted(const struct view *v);
/* Is item i listed in the navigator now? */
bool view_item_listed(const struct view *v, size_t i);

/* Rows the main pane lists: its height less its title and headings. */
int view_main_rows(const struct view *v);
/* The width the detail pane wraps its lines to (10 at the least). */
int view_detail_width(const struct view *v);
/* Lines of the detail pane for the selected line, at width columns. */
void view_detail_lines(const struct view *v, int width, struct lines *out);
/* Keep the scroll positions of every pane inside what they show. */
void view_fit(struct view *v);

/* The status line's own text, after the message: the sort, the failing
 * checks, the comparison's counts. */
void view_status(const struct view *v, struct sbuf *out);
/* The navigator label of item i ("表6 …"), and whether a check of it fails. */
void view_item_label(const struct view *v, size_t i, struct sbuf *label, bool *failing);
/* What the main pane says when the document has no items. */
const char *view_empty_text(void);

/* Set the status-line message (printf style). */
void view_message(struct view *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
