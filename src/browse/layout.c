/* layout.c: pane rectangles for a terminal size. */
#include "browse/layout.h"

#include <string.h>

#define WIDE_COLS 150		/* from here the detail pane sits at the right, the
				 * table keeping some 80 columns */
#define MEDIUM_COLS 70		/* from here the navigator sits at the left */

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static struct rect rect(int x, int y, int w, int h)
{
	if (w <= 0 || h <= 0)
		return (struct rect){ x, y, 0, 0 };
	return (struct rect){ x, y, w, h };
}

/* The navigator at the left of the content area; returns the x where the
 * rest begins. */
static int left_nav(const struct layout_request *req, int h, struct layout *out)
{
	if (!req->show_nav || (req->fold_nav && req->focus != PANE_NAV))
		return 0;
	int w = clamp(req->cols / 4, 20, 32);
	out->pane[PANE_NAV] = rect(0, 0, w, h);
	out->border[0] = rect(w, 0, 1, h);
	return w + 1;
}

/* Main above detail in the rectangle (x, y, w, h). */
static void stack_main_detail(const struct layout_request *req, int x, int y,
			      int w, int h, int detail_h, struct layout *out)
{
	if (!req->show_detail)
		detail_h = 0;
	out->pane[PANE_MAIN] = rect(x, y, w, h - detail_h);
	out->pane[PANE_DETAIL] = rect(x, y + h - detail_h, w, detail_h);
}

void layout_compute(const struct layout_request *req, struct layout *out)
{
	int h = req->rows - 1;

	memset(out, 0, sizeof *out);
	out->status = rect(0, req->rows - 1, req->cols, 1);
	if (req->cols < LAYOUT_MIN_COLS || req->rows < LAYOUT_MIN_ROWS) {
		out->mode = LAYOUT_TOO_SMALL;
		return;
	}
	if (req->zoom) {
		out->mode = req->cols >= WIDE_COLS ? LAYOUT_WIDE :
			    req->cols >= MEDIUM_COLS ? LAYOUT_MEDIUM : LAYOUT_NARROW;
		out->pane[req->focus] = rect(0, 0, req->cols, h);
		return;
	}
	if (req->cols >= WIDE_COLS) {
		out->mode = LAYOUT_WIDE;
		int x = left_nav(req, h, out);
		int dw = req->show_detail ? clamp(req->cols * 3 / 10, 36, 64) : 0;
		int mw = req->cols - x - (dw ? dw + 1 : 0);
		out->pane[PANE_MAIN] = rect(x, 0, mw, h);
		if (dw) {
			out->border[1] = rect(x + mw, 0, 1, h);
			out->pane[PANE_DETAIL] = rect(x + mw + 1, 0, dw, h);
		}
	} else if (req->cols >= MEDIUM_COLS) {
		out->mode = LAYOUT_MEDIUM;
		int x = left_nav(req, h, out);
		/* The detail pane, when focused, is the one being read. */
		int dh = req->focus == PANE_DETAIL ? clamp(h * 3 / 5, 4, h - 4) : clamp(h * 2 / 5, 4, 16);
		stack_main_detail(req, x, 0, req->cols - x, h, dh, out);
	} else {
		/* Narrow: the navigator is folded away unless it has the focus
		 * (the main pane's title names the table). */
		out->mode = LAYOUT_NARROW;
		int y = 0;
		if (req->show_nav && req->focus == PANE_NAV) {
			y = h / 2;
			out->pane[PANE_NAV] = rect(0, 0, req->cols, y);
		}
		stack_main_detail(req, 0, y, req->cols, h - y,
				  clamp((h - y) / 3, 3, 12), out);
	}
}

bool layout_shown(const struct layout *lay, enum pane_id p)
{
	return lay->pane[p].w > 0 && lay->pane[p].h > 0;
}

enum pane_id layout_pane_at(const struct layout *lay, int x, int y)
{
	for (int p = 0; p < PANE_COUNT; p++) {
		const struct rect *r = &lay->pane[p];
		if (x >= r->x && x < r->x + r->w && y >= r->y && y < r->y + r->h)
			return (enum pane_id)p;
	}
	return PANE_COUNT;
}
