/* layout.h: where the panes go for a terminal size.  Side by side when the
 * terminal is wide, stacked when it is narrow; a hidden pane gets an empty
 * rectangle.  Pure arithmetic, so the tests can try every size. */
#ifndef BUDGET_LAYOUT_H
#define BUDGET_LAYOUT_H

#include <stdbool.h>

/* The smallest terminal the browser draws in. */
#define LAYOUT_MIN_COLS 40
#define LAYOUT_MIN_ROWS 12

enum pane_id { PANE_NAV, PANE_MAIN, PANE_DETAIL, PANE_COUNT };

struct rect {
	int x, y, w, h;		/* w == 0 or h == 0: not shown */
};

enum layout_mode {
	LAYOUT_TOO_SMALL,
	LAYOUT_WIDE,		/* navigator | main | detail */
	LAYOUT_MEDIUM,		/* navigator | main over detail */
	LAYOUT_NARROW,		/* all stacked; the navigator only when focused */
};

struct layout {
	enum layout_mode mode;
	struct rect pane[PANE_COUNT];
	struct rect border[2];	/* vertical lines between panes side by side */
	struct rect status;	/* the bottom line */
};

/* What the user asked for. */
struct layout_request {
	int cols, rows;
	bool show_nav, show_detail;
	bool zoom;		/* the focused pane fills the screen */
	enum pane_id focus;
	bool fold_nav;		/* the main pane needs the navigator's room:
				 * it shows only while focused */
};

/* Place the panes for a request. */
void layout_compute(const struct layout_request *req, struct layout *out);

/* True when the pane has room on screen. */
bool layout_shown(const struct layout *lay, enum pane_id p);

/* The pane at (x, y), or PANE_COUNT when none. */
enum pane_id layout_pane_at(const struct layout *lay, int x, int y);

#endif
