/* nav.c: the navigator (目录): the narrative parts and the tables, the
 * selected one's total, a ! on a table with a failing check. */
#include <stdlib.h>
#include <string.h>

#include "browse/pane.h"
#include "doc/msg.h"
#include "doc/util.h"
#include "report/render.h"

/* A digit in the navigator: table N, two digits making one number when
 * that table exists (1 then 4: 表14). */
static void digit(struct view *v, int d)
{
	char buf[16];
	int n = v->digits * 10 + d;
	const struct table *t = NULL;
	snprintf(buf, sizeof buf, "%d", n);
	if (v->digits)
		t = model_find_table(v->doc, buf);
	if (!t) {
		n = d;
		snprintf(buf, sizeof buf, "%d", n);
		t = model_find_table(v->doc, buf);
	}
	if (!t) {
		view_message(v, msg(M_VIEW_NO_TABLE), buf);
		v->digits = 0;
		return;
	}
	view_select_item(v, view_item_of_table(v, t));
	v->digits = n;
}

int nav_do(struct view *v, enum action a, int key)
{
	/* The listed items are the first n (view_nlisted). */
	size_t n = view_nlisted(v), at = v->cur < n ? v->cur : 0;
	long to = -1;
	int flags = VIEW_REDRAW;
	switch (a) {
	case ACT_UP: to = (long)at - 1; break;
	case ACT_DOWN: to = (long)at + 1; break;
	case ACT_PAGE_UP: to = (long)at - view_page(v); break;
	case ACT_PAGE_DOWN: to = (long)at + view_page(v); break;
	case ACT_HOME: to = 0; break;
	case ACT_END: to = (long)n - 1; break;
	case ACT_EXPAND:
		v->focus = PANE_MAIN;
		view_relayout(v);
		break;
	case ACT_COLLAPSE:
		/* A department of a set: back up to all of them. */
		if (v->set && v->at) {
			view_history_push(v);
			view_open_document(v, 0);
			view_message(v, "%s", msg(M_VIEW_TO_CITY));
		}
		break;
	case ACT_DIGIT:
		if (key >= '0' && key <= '9')
			digit(v, key - '0');
		break;
	default: flags = PANE_PASS; break;
	}
	if (to >= 0 || a == ACT_UP || a == ACT_PAGE_UP) {
		if (to < 0)
			to = 0;
		if (n && (size_t)to >= n)
			to = (long)n - 1;
		if (n)
			view_select_item(v, (size_t)to);
	}
	return flags;
}

void draw_nav(struct view *v, struct grid *g)
{
	const struct rect *r = &v->lay.pane[PANE_NAV];
	size_t n = view_nlisted(v), at = v->cur < n ? v->cur : 0;
	struct sbuf label = { 0 }, pos = { 0 }, total = { 0 };
	bool focused = v->focus == PANE_NAV;

	sbuf_addf(&pos, "%zu/%zu", n ? at + 1 : 0, n);
	draw_title(v, g, PANE_NAV, msg(M_VIEW_CONTENTS), pos.s);
	for (int row = 0; row < r->h - 1; row++) {
		size_t k = v->nav_top + (size_t)row;
		int y = r->y + 1 + row;
		if (k >= n)
			break;
		const struct item *it = &v->items[k];
		bool failing;
		sbuf_clear(&label);
		sbuf_clear(&total);
		view_item_label(v, k, &label, &failing);
		/* The label gets the room; the total shows for the selected
		 * entry only, when it fits beside it. */
		amount_t a;
		char buf[AMOUNT_BUFSZ];
		if (k == v->cur && it->table && model_table_total(it->table, &a))
			sbuf_add(&total, amount_format(a, buf, sizeof buf));
		if (k == v->cur && it->table && it->table->incomplete)
			sbuf_add(&total, msg(M_VIEW_INCOMPLETE));
		int tw = total.len ? text_width(total.s) : 0;
		int lw = r->w - 2 - (tw ? tw + 1 : 0);
		if (lw < 12) {
			lw = r->w - 2;
			tw = 0;
		}
		if (failing)
			grid_put(g, r->x, y, 1, STYLE_WARN, "!");
		struct sbuf fit = { 0 };
		sbuf_add_fit(&fit, label.s, lw, false);
		grid_put(g, r->x + 1, y, lw, it->part ? STYLE_HEADING : STYLE_PLAIN, fit.s);
		sbuf_free(&fit);
		if (tw)
			grid_put(g, r->x + r->w - tw - 1, y, tw,
				 it->table && it->table->incomplete ? STYLE_WARN : STYLE_META,
				 total.s);
		if (k == v->cur)
			draw_selected(g, r->x, y, r->w, focused);
	}
	sbuf_free(&label);
	sbuf_free(&total);
	sbuf_free(&pos);
}
