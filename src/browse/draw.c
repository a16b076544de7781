/* draw.c: the screen of a view, as a grid. */
#include "browse/draw.h"

#include "browse/detail.h"
#include "browse/lang.h"
#include "report/render.h"
#include "report/render_compare.h"

#define BAR_WIDE 10		/* inner cells of a share bar */
#define BAR_NARROW 5

/* ---- pieces ------------------------------------------------------------------ */

void draw_bar(bool has_rate, int64_t rate, int inner, struct sbuf *out)
{
	if (!has_rate) {
		sbuf_pad(out, inner + 2);
		return;
	}
	/* Clamped first: rate * inner must not overflow. */
	if (rate < 0)
		rate = 0;
	if (rate > 10000)
		rate = 10000;
	int64_t fill = (rate * inner + 5000) / 10000;
	sbuf_add(out, "[");
	for (int i = 0; i < inner; i++)
		sbuf_add(out, i < fill ? "#" : " ");
	sbuf_add(out, "]");
}

/* A pane's title row: left text, and right text when there is room. */
static void title_row(struct grid *g, const struct rect *r, bool focused,
		      const char *left, const char *right)
{
	int style = focused ? SS_PANE_FOCUS : SS_PANE_TITLE;
	int rw = right ? text_width(right) : 0;
	struct sbuf b = { 0 };

	grid_fill(g, r->x, r->y, r->w, style);
	if (rw && rw + 4 <= r->w / 2) {
		grid_put(g, r->x + r->w - rw - 1, r->y, rw, style, right);
		sbuf_add_fit(&b, left, r->w - rw - 3, false);
	} else {
		sbuf_add_fit(&b, left, r->w - 1, false);
	}
	grid_put(g, r->x + 1, r->y, r->w - 1, style, b.s);
	sbuf_free(&b);
}

static void select_row(struct grid *g, const struct rect *r, int y, bool focused)
{
	grid_flag(g, r->x, y, r->w, focused ? CELL_SELECTED : CELL_SELECTED_DIM);
}

/* ---- navigator ---------------------------------------------------------------- */

static void draw_nav(struct view *v, struct grid *g)
{
	const struct rect *r = &v->lay.pane[PANE_NAV];
	struct sbuf label = { 0 }, total = { 0 }, line = { 0 }, pos = { 0 };
	bool focused = v->focus == PANE_NAV;

	sbuf_addf(&pos, "%zu/%zu", v->nitems ? v->cur + 1 : 0, v->nitems);
	title_row(g, r, focused, TR(v->opt.zh, "Contents", "目录"), pos.s);
	for (int row = 0; row < r->h - 1; row++) {
		size_t i = v->nav_top + (size_t)row;
		int y = r->y + 1 + row;
		if (i >= v->nitems)
			break;
		label.len = total.len = line.len = 0;
		sbuf_add(&label, "");
		sbuf_add(&total, "");
		sbuf_add(&line, " ");
		view_item_label(v, i, &label, &total);
		int tw = text_width(total.s);
		int lw = r->w - 2 - (tw ? tw + 1 : 0);
		if (lw < 6) {
			lw = r->w - 2;
			tw = 0;
		}
		sbuf_add_fit(&line, label.s, lw, false);
		if (tw) {
			sbuf_add(&line, " ");
			sbuf_add(&line, total.s);
		}
		grid_put(g, r->x, y, r->w, v->items[i].part ? STYLE_HEADING : STYLE_PLAIN,
			 line.s);
		if (tw && v->items[i].table && v->items[i].table->incomplete)
			grid_put(g, r->x + 1 + lw + 1, y, tw, STYLE_WARN, total.s);
		if (i == v->cur)
			select_row(g, r, y, focused);
	}
	sbuf_free(&label);
	sbuf_free(&total);
	sbuf_free(&line);
	sbuf_free(&pos);
}

/* ---- main pane ------------------------------------------------------------------- */

static void main_title(struct view *v, struct grid *g, const struct rect *r)
{
	const struct item *it = view_item(v);
	struct sbuf label = { 0 }, total = { 0 }, pos = { 0 };

	/* Compared: the column first, where cropping does not reach it. */
	if (view_comparison(v))
		sbuf_addf(&label, "表%d（与上年对比：%s）%s", it->table->number,
			  it->table->columns[it->sort.col].title, it->table->title);
	else
		view_item_label(v, v->cur, &label, &total);
	if (it->table && it->table->incomplete)
		sbuf_addf(&label, "（%s）", TR(v->opt.zh, "incomplete", "不完整"));
	if (it->nvis)
		sbuf_addf(&pos, "%zu/%zu", it->cursor + 1, it->nvis);
	title_row(g, r, v->focus == PANE_MAIN, label.s, pos.s);
	sbuf_free(&label);
	sbuf_free(&total);
	sbuf_free(&pos);
}

static char marker(const struct item *it, const struct vnode *vn)
{
	const void *n = item_node(vn);
	if (!item_has_children(it, n))
		return ' ';
	return item_is_open(it, n) ? '-' : '+';
}

/* After the bar, a row whose checks do not all pass is flagged: ! fails
 * (in the warning style; a known fault of the source in the plain one),
 * ? cannot be checked. */
static void check_flag(const struct view *v, const struct row *r, struct grid *g,
		       int x, int y)
{
	switch (view_row_status(v, r)) {
	case CHECK_FAIL: grid_put(g, x, y, 1, STYLE_WARN, "!"); break;
	case CHECK_KNOWN: grid_put(g, x, y, 1, STYLE_META, "!"); break;
	case CHECK_UNCHECKABLE: grid_put(g, x, y, 1, STYLE_META, "?"); break;
	default: break;
	}
}

/* A table against the prior year, as --print --compare lays it out: the
 * rows on screen, then the prior rows that match nothing (取消). */
static void draw_compared(struct view *v, struct grid *g, const struct rect *r)
{
	const struct item *it = view_item(v);
	const struct comparison *c = view_comparison(v);
	const struct cmp_table *ct = compare_table(c, it->table);
	struct compare_layout lay;
	struct sbuf b = { 0 };

	render_compare_layout(c, it->table, it->sort.col, r->w - 1, &lay);
	render_compare_head_titles(it->table, &lay, &b);
	grid_put(g, r->x + 1, r->y + 1, r->w - 1, STYLE_HEADING, b.s ? b.s : "");
	for (int row = 0; row < r->h - 2; row++) {
		size_t i = it->top + (size_t)row;
		int y = r->y + 2 + row;
		b.len = 0;
		sbuf_add(&b, "");
		if (i < it->nvis) {
			const struct vnode *vn = &it->vis[i];
			render_compare_row(c, &lay, vn->row, vn->depth, marker(it, vn), &b);
			grid_put(g, r->x + 1, y, r->w - 1,
				 vn->row->child ? STYLE_TOTAL : STYLE_ROW, b.s);
			if (i == it->cursor)
				select_row(g, r, y, v->focus == PANE_MAIN);
		} else if (i - it->nvis < ct->ndropped) {
			render_compare_dropped(c, it->table, &lay, ct->dropped[i - it->nvis], &b);
			grid_put(g, r->x + 1, y, r->w - 1, STYLE_WARN, b.s);
		}
	}
	render_compare_layout_free(&lay);
	sbuf_free(&b);
}

static void draw_table(struct view *v, struct grid *g, const struct rect *r)
{
	const struct item *it = view_item(v);
	const struct table *t = it->table;
	bool bars = v->bars && model_first_amount(t) >= 0;
	int inner = r->w >= 60 ? BAR_WIDE : BAR_NARROW;
	int bar_w = bars ? inner + 4 : 0;	/* [bar], check flag, space */
	struct table_layout lay;
	struct sbuf b = { 0 };
	int rows = r->h - 2;

	render_layout_fit(t, r->w - 1 - bar_w, &lay);
	sbuf_pad(&b, bar_w);
	render_head_titles(t, &lay, &b);
	grid_put(g, r->x + 1, r->y + 1, r->w - 1, STYLE_HEADING, b.s);
	if (!it->nvis)
		grid_put(g, r->x + 1, r->y + 2, r->w - 1, STYLE_META,
			 TR(v->opt.zh, "(no rows)", "（无数据行）"));
	for (int row = 0; row < rows; row++) {
		size_t i = it->top + (size_t)row;
		int y = r->y + 2 + row;
		if (i >= it->nvis)
			break;
		const struct vnode *vn = &it->vis[i];
		int x = r->x + 1;
		if (bars) {
			int64_t rate;
			bool has = detail_share(vn->row, detail_share_base(vn->row), &rate);
			b.len = 0;
			sbuf_add(&b, "");
			draw_bar(has, rate, inner, &b);
			grid_put(g, x, y, bar_w, SS_BAR, b.s);
			check_flag(v, vn->row, g, x + inner + 2, y);
			x += bar_w;
		}
		b.len = 0;
		sbuf_add(&b, "");
		render_row(&lay, vn->row, vn->depth, marker(it, vn), &b);
		grid_put(g, x, y, r->x + r->w - x,
			 vn->row->child ? STYLE_TOTAL : STYLE_ROW, b.s);
		if (i == it->cursor)
			select_row(g, r, y, v->focus == PANE_MAIN);
	}
	render_layout_free(&lay);
	sbuf_free(&b);
}

static void draw_part(struct view *v, struct grid *g, const struct rect *r)
{
	const struct item *it = view_item(v);
	struct sbuf b = { 0 };

	for (int row = 0; row < r->h - 1; row++) {
		size_t i = it->top + (size_t)row;
		int y = r->y + 1 + row;
		if (i >= it->nvis)
			break;
		const struct vnode *vn = &it->vis[i];
		b.len = 0;
		sbuf_add(&b, "");
		sbuf_pad(&b, vn->depth * 2);
		sbuf_addf(&b, "%c %s", marker(it, vn), vn->sec->title);
		grid_put(g, r->x + 1, y, r->w - 1,
			 vn->depth == 0 ? STYLE_TITLE : STYLE_HEADING, b.s);
		if (i == it->cursor)
			select_row(g, r, y, v->focus == PANE_MAIN);
	}
	sbuf_free(&b);
}

static void draw_main(struct view *v, struct grid *g)
{
	const struct rect *r = &v->lay.pane[PANE_MAIN];
	main_title(v, g, r);
	if (!v->nitems)
		grid_put(g, r->x + 1, r->y + 1, r->w - 1, STYLE_META, view_empty_text(v));
	else if (view_comparison(v))
		draw_compared(v, g, r);
	else if (view_item(v)->table)
		draw_table(v, g, r);
	else
		draw_part(v, g, r);
}

/* ---- detail pane -------------------------------------------------------------------- */

static void draw_detail(struct view *v, struct grid *g)
{
	const struct rect *r = &v->lay.pane[PANE_DETAIL];
	struct item *it = view_item(v);
	const struct vnode *vn = view_selected(v);
	struct lines ls = { 0 };
	struct sbuf title = { 0 };
	int rows = r->h - 1;

	view_detail_lines(v, r->w - 2, &ls);
	if (it->detail_top > (int)ls.n - rows)
		it->detail_top = (int)ls.n - rows;
	if (it->detail_top < 0)
		it->detail_top = 0;
	sbuf_add(&title, TR(v->opt.zh, "Detail", "详情"));
	if (vn && vn->row)
		sbuf_addf(&title, "：%s%s%s", vn->row->code ? vn->row->code : "",
			  vn->row->code ? " " : "", vn->row->name);
	else if (vn)
		sbuf_addf(&title, "：%s", vn->sec->title);
	struct sbuf pos = { 0 };
	if ((int)ls.n > rows)
		sbuf_addf(&pos, "%d%%", (int)((it->detail_top + rows) * 100 / (int)ls.n));
	title_row(g, r, v->focus == PANE_DETAIL, title.s, pos.len ? pos.s : NULL);
	for (int row = 0; row < rows; row++) {
		size_t i = (size_t)it->detail_top + (size_t)row;
		if (i >= ls.n)
			break;
		grid_put(g, r->x + 1, r->y + 1 + row, r->w - 1, ls.v[i].style, ls.v[i].text);
	}
	lines_free(&ls);
	sbuf_free(&title);
	sbuf_free(&pos);
}

/* ---- status line, help, too small ------------------------------------------------------- */

static void draw_prompt(struct view *v, struct grid *g)
{
	const struct rect *r = &v->lay.status;
	const char *in = v->input.s ? v->input.s : "";
	char lead[2] = { (char)v->prompt, '\0' };

	/* Show the end of what was typed when it is wider than the line. */
	while (*in && text_width(in) > r->w - 2) {
		wchar_t wc;
		size_t n = text_decode(in, &wc);
		in += n ? n : 1;
	}
	grid_fill(g, r->x, r->y, r->w, SS_PROMPT);
	grid_put(g, r->x, r->y, 1, SS_PROMPT, lead);
	int w = grid_put(g, r->x + 1, r->y, r->w - 2, SS_PROMPT, in);
	g->cursor_x = r->x + 1 + w;
	g->cursor_y = r->y;
}

/* The longest key hints that fit in `room` columns, or "" (narrowest last). */
static const char *status_hints(const struct view *v, int room)
{
	static const char *const en[] = {
		"Tab:pane /:search :code c:compare s:sort p:save ?:help q:quit",
		"/:search c:compare p:save ?:help q:quit", "?:help q:quit", NULL };
	static const char *const zh[] = {
		"Tab:窗格 /:搜索 :编码 c:对比 s:排序 p:快照 ?:帮助 q:退出",
		"/:搜索 c:对比 p:快照 ?:帮助 q:退出", "?:帮助 q:退出", NULL };
	static const char *const help_en[] = { "q Esc ?: close help", NULL };
	static const char *const help_zh[] = { "q Esc ?：关闭帮助", NULL };
	const char *const *h = v->help ? (v->opt.zh ? help_zh : help_en)
				       : (v->opt.zh ? zh : en);
	for (; *h; h++)
		if (text_width(*h) <= room)
			return *h;
	return "";
}

static void draw_status(struct view *v, struct grid *g)
{
	const struct rect *r = &v->lay.status;
	struct sbuf left = { 0 }, fit = { 0 };

	if (v->prompt) {
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
		sbuf_add(&left, TR(v->opt.zh, "  [no UTF-8 locale]",
				   "  [无 UTF-8 区域设置]"));
	int lw = text_width(left.s);
	const char *hints = status_hints(v, r->w - 1 - lw - 2);
	int hw = text_width(hints);
	if (hw)
		grid_put(g, r->x + r->w - hw - 1, r->y, hw, SS_STATUS, hints);
	else
		lw = r->w - 1;
	sbuf_add_fit(&fit, left.s, lw, false);
	int mw = v->message ? text_width(v->message) : 0;
	grid_put(g, r->x + 1, r->y, lw, SS_STATUS, fit.s);
	if (mw)
		for (int x = r->x + 1; x < r->x + 1 + mw && x < r->x + 1 + lw; x++)
			grid_at(g, x, r->y)->style = SS_MESSAGE;
	sbuf_free(&left);
	sbuf_free(&fit);
}

static void draw_help(struct view *v, struct grid *g)
{
	struct lines ls = { 0 };
	struct rect r = { 0, 0, v->cols, v->rows - 1 };
	int rows = r.h - 1;

	keys_help(v->opt.zh, v->cols - 2, &ls);
	if (v->help_top > (int)ls.n - rows)
		v->help_top = (int)ls.n - rows;
	if (v->help_top < 0)
		v->help_top = 0;
	title_row(g, &r, true, TR(v->opt.zh, "budget: help", "budget：帮助"), NULL);
	for (int row = 0; row < rows; row++) {
		size_t i = (size_t)v->help_top + (size_t)row;
		if (i >= ls.n)
			break;
		grid_put(g, 1, 1 + row, v->cols - 1, ls.v[i].style, ls.v[i].text);
	}
	lines_free(&ls);
}

static void draw_too_small(struct view *v, struct grid *g)
{
	struct sbuf b = { 0 };
	const char *lines[3];
	sbuf_addf(&b, "%dx%d < %dx%d", v->cols, v->rows, LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	lines[0] = TR(v->opt.zh, "terminal too small", "终端太小");
	lines[1] = b.s;
	lines[2] = TR(v->opt.zh, "q: quit", "q：退出");
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
			grid_put(g, r->x, y, 1, SS_BORDER, v->opt.no_utf8 ? "|" : "│");
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
