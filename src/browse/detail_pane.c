/* detail_pane.c: the detail pane: what detail.c says of the selected row
 * or section, scrolled; Enter follows a reference to a table on screen. */
#include <limits.h>

#include "browse/pane.h"
#include "doc/msg.h"

/* The first reference to a table among the lines on screen. */
static void follow(struct view *v)
{
	struct item *it = view_item(v);
	struct lines ls = { 0 };
	int rows = view_pane_rows(v, PANE_DETAIL);
	view_detail_lines(v, view_detail_width(v), &ls);
	for (int i = it->detail_top; i < (int)ls.n && i < it->detail_top + rows; i++)
		if (ls.v[i].link) {
			const struct table *t = ls.v[i].link;
			const struct row *r = ls.v[i].row;
			struct place p = { view_document_index(v, t->doc), view_item_of_table(v, t),
					   r, NULL };
			view_go(v, p, true);
			v->focus = PANE_MAIN;
			view_relayout(v);
			lines_free(&ls);
			return;
		}
	view_message(v, "%s", msg(M_VIEW_NO_LINK));
	lines_free(&ls);
}

int detail_do(struct view *v, enum action a, int key)
{
	struct item *it = view_item(v);
	(void)key;
	switch (a) {
	case ACT_UP: it->detail_top--; break;
	case ACT_DOWN: it->detail_top++; break;
	case ACT_PAGE_UP: it->detail_top -= view_page(v); break;
	case ACT_PAGE_DOWN: it->detail_top += view_page(v); break;
	case ACT_HOME: it->detail_top = 0; break;
	case ACT_END: it->detail_top = INT_MAX / 2; break;
	case ACT_EXPAND:
		follow(v);	/* it may be another item now */
		return VIEW_REDRAW;
	case ACT_COLLAPSE:
		v->focus = PANE_MAIN;
		view_relayout(v);
		break;
	default: return PANE_PASS;
	}
	if (it->detail_top < 0)
		it->detail_top = 0;
	return VIEW_REDRAW;
}

void draw_detail(struct view *v, struct grid *g)
{
	const struct rect *r = &v->lay.pane[PANE_DETAIL];
	struct item *it = view_item(v);
	const struct row *row = item_row(it);
	const struct section *sec = item_section(it);
	struct lines ls = { 0 };
	struct sbuf title = { 0 }, pos = { 0 };
	int rows = view_pane_rows(v, PANE_DETAIL);

	view_detail_lines(v, view_detail_width(v), &ls);
	/* Scrolled as view_fit scrolls it: the same lines at the same width. */
	if (it->detail_top > (int)ls.n - rows)
		it->detail_top = (int)ls.n - rows;
	if (it->detail_top < 0)
		it->detail_top = 0;
	sbuf_add(&title, msg(M_VIEW_DETAIL));
	if (row) {
		sbuf_add(&title, msg(M_CHK_COLON));
		if (row->code)
			sbuf_addf(&title, "%s ", row->code);
		model_row_labels(row, &title);
	} else if (sec) {
		sbuf_addf(&title, "%s%s", msg(M_CHK_COLON), sec->title);
	}
	if ((int)ls.n > rows)
		sbuf_addf(&pos, "%d%%", (it->detail_top + rows) * 100 / (int)ls.n);
	draw_title(v, g, PANE_DETAIL, title.s, pos.len ? pos.s : NULL);
	for (int i = 0; i < rows; i++) {
		size_t k = (size_t)it->detail_top + (size_t)i;
		if (k >= ls.n)
			break;
		grid_put(g, r->x + 1, r->y + 1 + i, r->w - 1, ls.v[k].style, ls.v[k].text);
		grid_mark(g, r->x + 1, r->y + 1 + i, r->w - 1, v->query);
	}
	lines_free(&ls);
	sbuf_free(&title);
	sbuf_free(&pos);
}
