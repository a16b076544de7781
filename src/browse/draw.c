/* draw.c: the screen of a view, as a grid: the panes where the layout
 * puts them, the borders between them, the status line. */
#include "browse/draw.h"

#include "browse/pane.h"
#include "doc/msg.h"
#include "report/render.h"

/* Focus shows as a marker too, so that it shows without colour. */
#define FOCUS_MARK "* "

/* Is there room for the right text of a pane's title? */
static bool right_fits(const struct rect *r, int rw)
{
	return rw && rw + 4 <= r->w / 2;
}

int draw_title_room(const struct view *v, enum pane_id p, const char *right)
{
	const struct rect *r = &v->lay.pane[p];
	int rw = right ? text_width(right) : 0;
	int room = r->w - 1 - (v->focus == p ? (int)text_width(FOCUS_MARK) : 0);
	if (right_fits(r, rw))
		room -= rw + 2;
	return room > 0 ? room : 0;
}

void draw_title(const struct view *v, struct grid *g, enum pane_id p, const char *left,
		const char *right)
{
	const struct rect *r = &v->lay.pane[p];
	bool focused = v->focus == p;
	int style = focused ? SS_PANE_FOCUS : SS_PANE_TITLE;
	int rw = right ? text_width(right) : 0;
	struct sbuf b = { 0 };

	grid_fill(g, r->x, r->y, r->w, style);
	sbuf_add(&b, focused ? FOCUS_MARK : "");
	if (right_fits(r, rw))
		grid_put(g, r->x + r->w - rw - 1, r->y, rw, style, right);
	sbuf_add_fit(&b, left, draw_title_room(v, p, right), false);
	grid_put(g, r->x + 1, r->y, r->w - 1, style, b.s);
	sbuf_free(&b);
}

void draw_selected(struct grid *g, int x, int y, int w, bool focused)
{
	grid_flag(g, x, y, w, focused ? CELL_SELECTED : CELL_SELECTED_DIM);
}

/* The longest key hints that fit in `room` columns, or "" (narrowest last). */
static const char *status_hints(const struct view *v, int room)
{
	static const enum msg_id hints[] = { M_HINTS_WIDE, M_HINTS_80, M_HINTS_NARROW,
					     M_HINTS_TINY };
	if (v->help)
		return text_width(msg(M_HINTS_HELP)) <= room ? msg(M_HINTS_HELP) : "";
	for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
		if (text_width(msg(hints[i])) <= room)
			return msg(hints[i]);
	return "";
}

static void draw_status(struct view *v, struct grid *g)
{
	const struct rect *r = &v->lay.status;
	struct sbuf left = { 0 }, fit = { 0 };

	if (v->prompt.kind) {
		draw_prompt(v, g);
		return;
	}
	grid_fill(g, r->x, r->y, r->w, SS_STATUS);
	if (v->message)
		sbuf_addf(&left, "%s  ", v->message);
	view_status(v, &left);
	if (left.len && left.s[left.len - 1] != ' ')
		sbuf_add(&left, "  ");
	sbuf_addf(&left, "%s %d %s", v->doc->department, v->doc->year, v->doc->unit);
	if (v->opt.no_utf8)
		sbuf_add(&left, msg(M_VIEW_NO_UTF8));
	/* What the status says comes first; the key hints take what is left. */
	int lw = text_width(left.s);
	if (lw > r->w - 2)
		lw = r->w - 2;
	const char *hints = status_hints(v, r->w - lw - 4);
	int hw = text_width(hints);
	if (hw)
		grid_put(g, r->x + r->w - hw - 1, r->y, hw, SS_STATUS, hints);
	sbuf_add_fit(&fit, left.s, lw > 0 ? lw : 0, false);
	int mw = v->message ? text_width(v->message) : 0;
	grid_put(g, r->x + 1, r->y, lw > 0 ? lw : 0, SS_STATUS, fit.s);
	for (int x = r->x + 1; x < r->x + 1 + mw && x < r->x + 1 + lw; x++)
		grid_at(g, x, r->y)->style = SS_MESSAGE;
	sbuf_free(&left);
	sbuf_free(&fit);
}

static void draw_too_small(struct view *v, struct grid *g)
{
	struct sbuf b = { 0 };
	const char *lines[3];
	sbuf_addf(&b, "%dx%d < %dx%d", v->cols, v->rows, LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	lines[0] = msg(M_VIEW_TOO_SMALL);
	lines[1] = b.s;
	lines[2] = msg(M_VIEW_TOO_SMALL_QUIT);
	for (int i = 0; i < 3; i++) {
		int y = v->rows / 2 - 1 + i;
		int w = text_width(lines[i]);
		int x = (v->cols - w) / 2;
		grid_put(g, x < 0 ? 0 : x, y < 0 ? 0 : y, v->cols, i ? STYLE_PLAIN : STYLE_WARN,
			 lines[i]);
	}
	sbuf_free(&b);
}

static void draw_borders(struct view *v, struct grid *g)
{
	for (int i = 0; i < 2; i++) {
		const struct rect *r = &v->lay.border[i];
		for (int y = r->y; y < r->y + r->h && r->w; y++)
			grid_put(g, r->x, y, 1, SS_BORDER, v->opt.no_utf8 ? "|"
								     : render_glyph(GLYPH_BORDER));
	}
}

void draw_view(struct view *v, struct grid *g)
{
	grid_resize(g, v->cols, v->rows);
	if (v->lay.mode == LAYOUT_TOO_SMALL) {
		draw_too_small(v, g);
		return;
	}
	if (v->help) {
		draw_help(v, g);
		draw_status(v, g);
		return;
	}
	if (layout_shown(&v->lay, PANE_NAV))
		draw_nav(v, g);
	if (layout_shown(&v->lay, PANE_MAIN))
		draw_main(v, g);
	if (layout_shown(&v->lay, PANE_DETAIL))
		draw_detail(v, g);
	draw_borders(v, g);
	draw_status(v, g);
}
