/* view.c: the browser's state and what each action does to it. */
#include "browse/view.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "browse/detail.h"
#include "browse/carry.h"
#include "browse/item.h"
#include "browse/lang.h"
#include "doc/loader.h"
#include "browse/search.h"
#include "report/snapshot.h"
#include "doc/util.h"

#define MAX_HISTORY 200
#define WHEEL_STEP 3
#define TO_END (LONG_MAX / 4)

/* Point each table's sort at the comparison, or at none, and re-sort the
 * tables whose order depends on it. */
static void sorts_follow_comparison(struct view *v)
{
	for (size_t i = 0; i < v->nitems; i++) {
		struct item *it = &v->items[i];
		if (!it->table)
			continue;
		it->sort.cmp = v->comparing ? &v->cmp : NULL;
		if (it->sort.mode == SORT_CHANGE || it->sort.mode == SORT_RATE)
			item_refresh(it);
	}
}

/* The amount column --column names, in each table that has it. */
static void choose_columns(struct view *v)
{
	for (size_t i = 0; v->opt.column && i < v->nitems; i++) {
		struct item *it = &v->items[i];
		int col = it->table ? model_amount_column(it->table, v->opt.column) : -1;
		if (col >= 0)
			it->sort.col = (size_t)col;
	}
}

/* One item per part and per table.  A document with neither still gets
 * one, empty (no table, no part, no lines), for view_item to return;
 * nitems is 0 then. */
static void items_build(struct view *v)
{
	size_t n = v->doc->ntables;
	for (const struct section *s = v->doc->parts; s; s = s->next)
		n++;
	v->items = xcalloc(n ? n : 1, sizeof *v->items);
	v->nitems = 0;
	for (const struct section *s = v->doc->parts; s; s = s->next)
		item_init_part(&v->items[v->nitems++], s);
	for (size_t i = 0; i < v->doc->ntables; i++)
		item_init_table(&v->items[v->nitems++], &v->doc->tables[i]);
	choose_columns(v);
	sorts_follow_comparison(v);
}

static void items_free(struct view *v)
{
	for (size_t i = 0; i < v->nitems; i++)
		item_free(&v->items[i]);
	free(v->items);
	v->items = NULL;
	v->nitems = 0;
}

struct item *view_item(const struct view *v)
{
	return &v->items[v->cur];
}

const struct vnode *view_selected(const struct view *v)
{
	const struct item *it = view_item(v);
	return it->nvis ? &it->vis[it->cursor] : NULL;
}

/* ---- messages --------------------------------------------------------------- */

void view_message(struct view *v, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	free(v->message);
	v->message = xmalloc((size_t)(n > 0 ? n : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(v->message, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
	va_end(ap);
}

static void clear_message(struct view *v)
{
	free(v->message);
	v->message = NULL;
}

/* ---- checks ------------------------------------------------------------------ */

static void run_checks(struct view *v)
{
	check_document(v->doc, &v->checks);
}

static void free_checks(struct view *v)
{
	check_report_free(&v->checks);
}

enum check_status view_row_status(const struct view *v, const struct row *r)
{
	return check_row_status(&v->checks, r);
}

/* ---- creation ---------------------------------------------------------------- */

static void remember_file(struct view *v)
{
	struct stat st;
	v->mtime = (struct timespec){ 0, 0 };
	v->size = -1;
	if (strcmp(v->doc->file, "-") != 0 && stat(v->doc->file, &st) == 0) {
		v->mtime = st.st_mtim;
		v->size = st.st_size;
	}
}

struct view *view_new(struct document *doc, struct document *old,
		      const struct view_options *opt)
{
	struct view *v = xcalloc(1, sizeof *v);
	v->doc = doc;
	v->old = old;
	v->opt = *opt;
	v->show_nav = v->show_detail = v->bars = true;
	v->focus = PANE_MAIN;
	v->comparing = opt->compare;
	compare_build(&v->cmp, v->doc, v->old);
	items_build(v);
	v->cur = 0;
	run_checks(v);
	remember_file(v);
	view_resize(v, 80, 24);
	return v;
}

static void forget_search(struct view *v)
{
	free(v->query);
	free(v->matches);
	v->query = NULL;
	v->matches = NULL;
	v->nmatches = v->match = 0;
}

void view_free(struct view *v)
{
	if (!v)
		return;
	items_free(v);
	free_checks(v);
	forget_search(v);
	free(v->history);
	free(v->message);
	sbuf_free(&v->input);
	compare_free(&v->cmp);
	model_free(v->doc);
	model_free(v->old);
	free(v);
}

/* ---- layout and scrolling ------------------------------------------------------ */

static void relayout(struct view *v)
{
	struct layout_request req = {
		v->cols, v->rows, v->show_nav, v->show_detail, v->zoom, v->focus,
	};
	layout_compute(&req, &v->lay);
}

int view_main_rows(const struct view *v)
{
	const struct rect *r = &v->lay.pane[PANE_MAIN];
	int h = r->h - 1 - (view_item(v)->table ? 1 : 0);
	return h > 1 ? h : 1;
}

static int pane_rows(const struct view *v, enum pane_id p)
{
	int h = v->lay.pane[p].h - 1;
	return h > 1 ? h : 1;
}

const struct comparison *view_comparison(const struct view *v)
{
	const struct table *t = view_item(v)->table;
	return v->comparing && t && model_first_amount(t) >= 0 ? &v->cmp : NULL;
}

/* Lines the main pane lists after the rows: when comparing, the prior
 * rows that match nothing (取消), which the cursor does not visit. */
static size_t trailer_lines(const struct view *v)
{
	const struct comparison *c = view_comparison(v);
	return c ? compare_table(c, view_item(v)->table)->ndropped : 0;
}

/* Keep the cursor on screen and the screen full; on the last row, show
 * the trailer below it too, as far as the cursor stays on screen. */
static void fit_main(struct view *v)
{
	struct item *it = view_item(v);
	size_t h = (size_t)view_main_rows(v), n = it->nvis + trailer_lines(v);
	size_t last_top = n > h ? n - h : 0;
	if (it->nvis && it->cursor >= it->nvis)
		it->cursor = it->nvis - 1;
	if (it->cursor < it->top)
		it->top = it->cursor;
	if (it->cursor >= it->top + h)
		it->top = it->cursor - h + 1;
	if (it->top > last_top)
		it->top = last_top;
	if (it->nvis && it->cursor == it->nvis - 1 && it->top < last_top)
		it->top = it->cursor < last_top ? it->cursor : last_top;
}

static void fit_nav(struct view *v)
{
	size_t h = (size_t)pane_rows(v, PANE_NAV);
	if (v->cur < v->nav_top)
		v->nav_top = v->cur;
	if (v->cur >= v->nav_top + h)
		v->nav_top = v->cur - h + 1;
	if (v->nav_top + h > v->nitems)
		v->nav_top = v->nitems > h ? v->nitems - h : 0;
}

void view_detail_lines(const struct view *v, int width, struct lines *out)
{
	const struct vnode *vn = view_selected(v);
	if (width < 10)
		width = 10;
	if (!vn)
		return;
	if (vn->sec) {
		detail_section(vn->sec, v->opt.zh, width, out);
		return;
	}
	enum check_status status = check_row_status(&v->checks, vn->row);
	const struct finding *worst = check_row_worst(&v->checks, vn->row);
	detail_row(v->doc, vn->row, &status, worst ? worst->message : NULL,
		   view_comparison(v), v->opt.zh, width, out);
}

static int detail_count(const struct view *v)
{
	struct lines ls = { 0 };
	view_detail_lines(v, v->lay.pane[PANE_DETAIL].w, &ls);
	int n = (int)ls.n;
	lines_free(&ls);
	return n;
}

static void fit_detail(struct view *v)
{
	struct item *it = view_item(v);
	int max = detail_count(v) - pane_rows(v, PANE_DETAIL);
	if (it->detail_top > max)
		it->detail_top = max;
	if (it->detail_top < 0)
		it->detail_top = 0;
}

void view_resize(struct view *v, int cols, int rows)
{
	v->cols = cols;
	v->rows = rows;
	relayout(v);
	fit_main(v);
	fit_nav(v);
}

/* ---- places and history --------------------------------------------------------- */

static struct place here(const struct view *v)
{
	const struct vnode *vn = view_selected(v);
	return (struct place){ v->cur, vn ? item_node(vn) : NULL };
}

static void history_push(struct view *v)
{
	struct place p = here(v);
	if (v->nhistory && v->history[v->nhistory - 1].item == p.item &&
	    v->history[v->nhistory - 1].node == p.node)
		return;
	if (v->nhistory == MAX_HISTORY) {
		memmove(v->history, v->history + 1, (MAX_HISTORY - 1) * sizeof *v->history);
		v->nhistory--;
	}
	if (v->nhistory == v->caphistory) {
		v->caphistory = v->caphistory ? v->caphistory * 2 : 16;
		v->history = xrealloc(v->history, v->caphistory * sizeof *v->history);
	}
	v->history[v->nhistory++] = p;
}

/* Show item i, remembering where we were. */
static void select_item(struct view *v, size_t i)
{
	if (i == v->cur || i >= v->nitems)
		return;
	history_push(v);
	v->cur = i;
	fit_main(v);
	fit_nav(v);
}

/* Go to a place: its item, its node made visible and selected. */
static void go_place(struct view *v, struct place p, bool remember)
{
	if (remember)
		history_push(v);
	v->cur = p.item;
	struct item *it = view_item(v);
	if (p.node)
		item_reveal(it, p.node);
	it->detail_top = 0;
	fit_main(v);
	fit_nav(v);
}

static size_t item_of_table(const struct view *v, const struct table *t)
{
	for (size_t i = 0; i < v->nitems; i++)
		if (v->items[i].table == t)
			return i;
	return 0;
}

static size_t item_of_section(const struct view *v, const struct section *s)
{
	while (s->parent)
		s = s->parent;
	for (size_t i = 0; i < v->nitems; i++)
		if (v->items[i].part == s)
			return i;
	return 0;
}

static void go_back(struct view *v)
{
	if (!v->nhistory) {
		view_message(v, "%s", TR(v->opt.zh, "no earlier place", "没有更早的位置"));
		return;
	}
	struct place p = v->history[--v->nhistory];
	go_place(v, p, false);
}

/* ---- trees ------------------------------------------------------------------------ */

static void expand(struct view *v)
{
	struct item *it = view_item(v);
	const struct vnode *vn = view_selected(v);
	if (!vn)
		return;
	const void *n = item_node(vn);
	if (!item_has_children(it, n)) {
		if (v->show_detail)
			v->focus = PANE_DETAIL;
		relayout(v);
		return;
	}
	if (!item_is_open(it, n)) {
		it->open[item_index(it, n)] = true;
		item_refresh(it);
		return;
	}
	/* Already open: go to the first child (before a total_after row,
	 * its children are listed above it). */
	const void *first = it->table ? (const void *)((const struct row *)n)->child
				      : (const void *)((const struct section *)n)->child;
	long i = item_find(it, first);
	if (i >= 0)
		it->cursor = (size_t)i;
}

static void collapse(struct view *v)
{
	struct item *it = view_item(v);
	const struct vnode *vn = view_selected(v);
	if (!vn)
		return;
	const void *n = item_node(vn);
	if (item_has_children(it, n) && item_is_open(it, n)) {
		it->open[item_index(it, n)] = false;
		item_refresh(it);
		return;
	}
	const void *p = item_parent(it, n);
	long i = p ? item_find(it, p) : -1;
	if (i >= 0)
		it->cursor = (size_t)i;
}

static void level_more(struct view *v)
{
	if (!item_level_more(view_item(v)))
		view_message(v, "%s", TR(v->opt.zh, "everything is open", "已全部展开"));
}

/* ---- movement ------------------------------------------------------------------------ */

static size_t moved(size_t pos, long delta, size_t n)
{
	long p = (long)pos + delta;
	if (n == 0 || p < 0)
		return 0;
	return p >= (long)n ? n - 1 : (size_t)p;
}

/* Move within the focused pane by delta lines (TO_END: as far as it goes). */
static void move(struct view *v, long delta)
{
	struct item *it = view_item(v);
	switch (v->focus) {
	case PANE_NAV:
		select_item(v, moved(v->cur, delta, v->nitems));
		break;
	case PANE_MAIN: {
		size_t old = it->cursor;
		it->cursor = moved(it->cursor, delta, it->nvis);
		if (it->cursor != old)
			it->detail_top = 0;
		break;
	}
	case PANE_DETAIL: {
		long top = it->detail_top + delta;
		it->detail_top = top > INT_MAX / 2 ? INT_MAX / 2 :
				 top < 0 ? 0 : (int)top;
		fit_detail(v);
		break;
	}
	case PANE_COUNT:
		break;
	}
}

static int page(const struct view *v)
{
	int h = v->focus == PANE_MAIN ? view_main_rows(v) : pane_rows(v, v->focus);
	return h > 1 ? h - 1 : 1;
}

static bool pane_available(const struct view *v, enum pane_id p)
{
	switch (p) {
	case PANE_NAV: return v->show_nav;
	case PANE_DETAIL: return v->show_detail;
	default: return true;
	}
}

static void cycle_focus(struct view *v, int step)
{
	int p = v->focus;
	do
		p = (p + step + PANE_COUNT) % PANE_COUNT;
	while (!pane_available(v, (enum pane_id)p));
	v->focus = (enum pane_id)p;
	relayout(v);
}

/* A digit in the navigator: table N, two digits making one number when
 * that table exists (1 then 4: 表14). */
static void digit_in_nav(struct view *v, int d, int before)
{
	int n = before * 10 + d;
	const struct table *t = before ? model_find_table(v->doc, n) : NULL;
	if (!t) {
		n = d;
		t = model_find_table(v->doc, n);
	}
	if (!t) {
		view_message(v, TR(v->opt.zh, "no table %d", "没有表%d"), n);
		return;
	}
	select_item(v, item_of_table(v, t));
	v->digits = n;
}

/* ---- jump and search ------------------------------------------------------------------ */

static void jump(struct view *v, const char *text)
{
	const struct item *it = view_item(v);
	const struct row *r = NULL;
	const struct section *s;

	while (*text == ' ')
		text++;
	if (!*text)
		return;
	if (it->table)
		r = model_find_code(v->doc, it->table, text);
	if (!r)
		r = model_find_code(v->doc, NULL, text);
	if (r) {
		go_place(v, (struct place){ item_of_table(v, r->table), r }, true);
		v->focus = PANE_MAIN;
	} else if ((s = model_find_section(v->doc, text))) {
		go_place(v, (struct place){ item_of_section(v, s), s }, true);
		v->focus = PANE_MAIN;
	} else {
		view_message(v, TR(v->opt.zh, "no row with code %s", "没有编码为 %s 的行"),
			     text);
	}
	relayout(v);
}

static void add_match(struct view *v, size_t item, const void *node, size_t *cap)
{
	if (v->nmatches == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		v->matches = xrealloc(v->matches, *cap * sizeof *v->matches);
	}
	v->matches[v->nmatches++] = (struct place){ item, node };
}

/* Every match in navigator order, each item's nodes in document order. */
static void find_matches(struct view *v)
{
	size_t cap = 0;
	free(v->matches);
	v->matches = NULL;
	v->nmatches = 0;
	for (size_t i = 0; i < v->nitems; i++) {
		const struct item *it = &v->items[i];
		for (size_t j = 0; j < it->nnodes; j++) {
			bool hit = it->table ? search_row(it->nodes[j], v->query)
					     : search_section(it->nodes[j], v->query);
			if (hit)
				add_match(v, i, it->nodes[j], &cap);
		}
	}
}

static void show_match(struct view *v)
{
	go_place(v, v->matches[v->match], true);
	if (v->focus == PANE_NAV)
		v->focus = PANE_MAIN;
	relayout(v);
	view_message(v, TR(v->opt.zh, "match %zu of %zu", "第 %zu 个匹配，共 %zu 个"),
		     v->match + 1, v->nmatches);
}

static void search(struct view *v, const char *text)
{
	if (!*text)
		return;
	forget_search(v);
	v->query = xstrdup(text);
	find_matches(v);
	if (!v->nmatches) {
		view_message(v, TR(v->opt.zh, "no match for %s", "没有找到 %s"), text);
		return;
	}
	/* The first match at or after the cursor, as vi searches. */
	struct place p = here(v);
	const struct item *it = view_item(v);
	size_t at = p.node ? item_index(it, p.node) : 0;
	v->match = 0;
	for (size_t i = 0; i < v->nmatches; i++) {
		const struct place *m = &v->matches[i];
		if (m->item > p.item ||
		    (m->item == p.item && item_index(it, m->node) >= at)) {
			v->match = i;
			break;
		}
	}
	show_match(v);
}

static void step_match(struct view *v, int step)
{
	if (!v->query) {
		view_message(v, "%s", TR(v->opt.zh, "no search yet: press / to search",
					 "尚未搜索：按 / 搜索"));
		return;
	}
	if (!v->nmatches) {
		view_message(v, TR(v->opt.zh, "no match for %s", "没有找到 %s"), v->query);
		return;
	}
	v->match = (v->match + v->nmatches + (size_t)(step > 0 ? 1 : v->nmatches - 1))
		   % v->nmatches;
	show_match(v);
}

/* ---- snapshots -------------------------------------------------------------------------- */

/* The rows of it as the main pane lists them. */
static void visible_rows(const struct item *it, struct flat *f)
{
	for (size_t i = 0; i < it->nvis; i++) {
		if (f->n == f->cap) {
			f->cap = f->cap ? f->cap * 2 : 64;
			f->v = xrealloc(f->v, f->cap * sizeof *f->v);
		}
		f->v[f->n++] = (struct flat_row){ it->vis[i].row, it->vis[i].depth };
	}
}

/* p: the rows as expanded; P (full): all of them, in the same order. */
static void snapshot(struct view *v, bool full)
{
	const struct item *it = view_item(v);
	struct flat f = { 0 };
	struct snapshot s = {
		.doc = v->doc, .table = it->table, .part = it->part, .search = v->query,
		.when = v->opt.clock ? v->opt.clock() : time(NULL),
		.cmp = view_comparison(v), .col = it->sort.col, .sort = it->sort.mode,
	};
	const char *dir = v->opt.snapshot_dir;
	char *error, *path;

	if (!v->nitems) {
		view_message(v, "%s", view_empty_text(v));
		return;
	}
	if (!dir)
		dir = getenv("BUDGET_SNAPSHOT_DIR");
	if (!dir || !*dir)
		dir = ".";
	if (it->table && !full) {
		visible_rows(it, &f);
		s.rows = &f;
	} else if (it->table && it->sort.mode != SORT_NONE) {
		flatten_table_sorted(it->table, NULL, NULL, rowsort_order(&it->sort),
				     (void *)&it->sort, &f);
		s.rows = &f;
	}
	path = snapshot_save(&s, dir, &error);
	if (path)
		view_message(v, TR(v->opt.zh, "wrote %s", "已写入 %s"), path);
	else
		view_message(v, "%s", error);
	free(path);
	free(error);
	flatten_free(&f);
}

/* ---- reload ------------------------------------------------------------------------------ */

static void reload(struct view *v)
{
	struct stat st;
	struct loader_error err;
	struct carry saved;

	if (strcmp(v->doc->file, "-") == 0) {
		view_message(v, "%s", TR(v->opt.zh, "standard input cannot be reloaded",
					 "标准输入无法重新载入"));
		return;
	}
	if (stat(v->doc->file, &st) != 0) {
		view_message(v, TR(v->opt.zh, "cannot reload %s", "无法重新载入 %s"),
			     v->doc->path);
		return;
	}
	/* To the nanosecond: a file rewritten within the second it was
	 * loaded in has changed too. */
	if (st.st_mtim.tv_sec == v->mtime.tv_sec &&
	    st.st_mtim.tv_nsec == v->mtime.tv_nsec && st.st_size == v->size) {
		view_message(v, "%s", TR(v->opt.zh, "the file has not changed",
					 "文件未改变"));
		return;
	}
	struct document *doc = loader_load(v->doc->file, &err);
	if (!doc) {
		view_message(v, TR(v->opt.zh, "not reloaded: %s:%d:%d: %s",
				   "未重新载入：%s:%d:%d: %s"),
			     err.file, err.line, err.col, err.message);
		return;
	}
	carry_save(v->items, v->nitems, v->cur, &saved);
	size_t old_cur = v->cur;
	items_free(v);
	free_checks(v);
	compare_free(&v->cmp);
	model_free(v->doc);
	v->doc = doc;
	compare_build(&v->cmp, v->doc, v->old);
	items_build(v);
	v->cur = old_cur < v->nitems ? old_cur : 0;
	v->cur = carry_restore(&saved, v->items, v->nitems, v->cur);
	carry_free(&saved);
	run_checks(v);
	remember_file(v);
	v->nhistory = 0;
	if (v->query) {
		char *q = xstrdup(v->query);
		forget_search(v);
		v->query = q;
		find_matches(v);
	}
	fit_main(v);
	fit_nav(v);
	view_message(v, "%s", TR(v->opt.zh, "reloaded", "已重新载入"));
}

/* ---- comparison and sort -------------------------------------------------------------------- */

static void toggle_compare(struct view *v)
{
	v->comparing = !v->comparing;
	sorts_follow_comparison(v);
	if (!v->comparing)
		view_message(v, "%s", TR(v->opt.zh, "comparison off", "已取消对比"));
	else if (v->old)
		view_message(v, TR(v->opt.zh, "compared with %s (%d)", "与 %s（%d）对比"),
			     v->old->path, v->old->year);
	else
		view_message(v, "%s", TR(v->opt.zh,
					 "compared with the prior-year figures stated",
					 "与本文件所述上年数对比"));
}

/* C: the table's next amount column, for comparing and sorting. */
static void next_column(struct view *v)
{
	struct item *it = view_item(v);
	const struct table *t = it->table;
	if (!t || model_first_amount(t) < 0) {
		view_message(v, "%s", TR(v->opt.zh, "no amount column here",
					 "此处没有金额列"));
		return;
	}
	size_t c = it->sort.col;
	do
		c = (c + 1) % t->ncolumns;
	while (t->columns[c].type != COL_AMOUNT);
	it->sort.col = c;
	if (it->sort.mode >= SORT_AMOUNT)
		item_refresh(it);
	view_message(v, TR(v->opt.zh, "column: %s", "金额列：%s"), t->columns[c].title);
}

/* s: document order, name, amount, change, rate, and round again. */
static void next_sort(struct view *v)
{
	struct item *it = view_item(v);
	if (!it->table) {
		view_message(v, "%s", TR(v->opt.zh, "only tables are sorted",
					 "只有表格可以排序"));
		return;
	}
	it->sort.mode = (enum sort_mode)((it->sort.mode + 1) % SORT_COUNT);
	if (it->sort.mode >= SORT_AMOUNT && model_first_amount(it->table) < 0)
		it->sort.mode = SORT_NONE;
	item_refresh(it);
}

void view_status(const struct view *v, struct sbuf *out)
{
	const struct item *it = view_item(v);
	const struct comparison *c = view_comparison(v);
	const char *col = it->table && it->sort.col < it->table->ncolumns ?
			  it->table->columns[it->sort.col].title : "";
	enum sort_mode mode = it->table ? it->sort.mode : SORT_NONE;
	/* The sort first: it is short, and the line may be cropped. */
	if (mode != SORT_NONE)
		sbuf_addf(out, TR(v->opt.zh, "sort: %s", "排序：%s"),
			  rowsort_name(mode, v->opt.zh));
	if (!c && mode >= SORT_CHANGE)
		sbuf_addf(out, TR(v->opt.zh, " (not comparing: by amount of %s)",
				  "（未对比：按%s金额）"), col);
	else if (!c && mode == SORT_AMOUNT)
		sbuf_addf(out, TR(v->opt.zh, " of %s", "（%s）"), col);
	if (!c)
		return;
	sbuf_addf(out, TR(v->opt.zh, "%scompare %s: ", "%s对比 %s："),
		  mode != SORT_NONE ? "  " : "", col);
	compare_summary(c, &compare_table(c, it->table)->counts, v->opt.zh, out);
}

/* ---- actions ------------------------------------------------------------------------------ */

static void toggle_pane(struct view *v, enum pane_id p)
{
	bool *show = p == PANE_NAV ? &v->show_nav : &v->show_detail;
	*show = !*show;
	if (!*show && v->focus == p)
		v->focus = PANE_MAIN;
	if (*show && v->lay.mode == LAYOUT_NARROW && p == PANE_NAV)
		v->focus = PANE_NAV;	/* folded away unless focused */
	relayout(v);
}

static void open_prompt(struct view *v, int kind)
{
	v->prompt = kind;
	v->input.len = 0;
	if (v->input.s)
		v->input.s[0] = '\0';
}

int view_do(struct view *v, enum action a, int key)
{
	struct item *it = view_item(v);
	int digits = v->digits;

	v->digits = 0;
	switch (a) {
	case ACT_NONE: return 0;
	case ACT_UP: move(v, -1); break;
	case ACT_DOWN: move(v, 1); break;
	case ACT_PAGE_UP: move(v, -page(v)); break;
	case ACT_PAGE_DOWN: move(v, page(v)); break;
	case ACT_HOME: move(v, -TO_END); break;
	case ACT_END: move(v, TO_END); break;
	case ACT_EXPAND:
		if (v->focus == PANE_NAV) {
			v->focus = PANE_MAIN;
			relayout(v);
		} else if (v->focus == PANE_MAIN) {
			expand(v);
		}
		break;
	case ACT_COLLAPSE:
		if (v->focus == PANE_DETAIL) {
			v->focus = PANE_MAIN;
			relayout(v);
		} else if (v->focus == PANE_MAIN) {
			collapse(v);
		}
		break;
	case ACT_LEVEL_MORE: level_more(v); break;
	case ACT_LEVEL_LESS: item_level_less(it); break;
	case ACT_EXPAND_ALL: item_open_to_depth(it, INT_MAX); break;
	case ACT_DIGIT:
		if (key < '0' || key > '9')
			break;
		if (v->focus == PANE_NAV)
			digit_in_nav(v, key - '0', digits);
		else
			item_open_to_depth(it, key - '0');
		break;
	case ACT_PREV_TABLE: select_item(v, v->cur ? v->cur - 1 : 0); break;
	case ACT_NEXT_TABLE: select_item(v, v->cur + 1 < v->nitems ? v->cur + 1 : v->cur); break;
	case ACT_FOCUS_NEXT: cycle_focus(v, 1); break;
	case ACT_FOCUS_PREV: cycle_focus(v, -1); break;
	case ACT_BACK: go_back(v); break;
	case ACT_JUMP: open_prompt(v, ':'); break;
	case ACT_SEARCH: open_prompt(v, '/'); break;
	case ACT_MATCH_NEXT: step_match(v, 1); break;
	case ACT_MATCH_PREV: step_match(v, -1); break;
	case ACT_TOGGLE_BARS: v->bars = !v->bars; break;
	case ACT_TOGGLE_NAV: toggle_pane(v, PANE_NAV); break;
	case ACT_TOGGLE_DETAIL: toggle_pane(v, PANE_DETAIL); break;
	case ACT_ZOOM: v->zoom = !v->zoom; relayout(v); break;
	case ACT_COMPARE: toggle_compare(v); break;
	case ACT_COMPARE_COLUMN: next_column(v); break;
	case ACT_SORT: next_sort(v); break;
	case ACT_SNAPSHOT: snapshot(v, false); break;
	case ACT_SNAPSHOT_ALL: snapshot(v, true); break;
	case ACT_RELOAD: reload(v); break;
	case ACT_REDRAW: break;
	case ACT_HELP: v->help = true; v->help_top = 0; break;
	case ACT_QUIT: return VIEW_QUIT | VIEW_REDRAW;
	case ACT_COUNT: return 0;
	}
	fit_main(v);
	fit_nav(v);
	return VIEW_REDRAW;
}

/* ---- keys ------------------------------------------------------------------------------------ */

/* Append a code point to the prompt's input as UTF-8. */
static void input_add(struct sbuf *b, int cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	sbuf_addn(b, u, n);
}

/* Drop the last UTF-8 character of the input. */
static void input_pop(struct sbuf *b)
{
	while (b->len && ((unsigned char)b->s[b->len - 1] & 0xC0) == 0x80)
		b->len--;
	if (b->len)
		b->len--;
	if (b->s)
		b->s[b->len] = '\0';
}

/* A key that is a character the prompt can hold: a code point, not a
 * surrogate, not a control. */
static bool printable(int key)
{
	return key >= 0 && key < 0x110000 && !(key >= 0xD800 && key < 0xE000) &&
	       !text_is_control((wchar_t)key, false);
}

static int prompt_key(struct view *v, int key)
{
	if (key == K_ENTER) {
		char *text = xstrdup(v->input.s ? v->input.s : "");
		int kind = v->prompt;
		v->prompt = 0;
		if (kind == ':')
			jump(v, text);
		else
			search(v, text);
		free(text);
	} else if (key == K_ESC || key == K_CTRL('c') || key == K_CTRL('g')) {
		v->prompt = 0;
	} else if (key == K_BACKSPACE) {
		if (!v->input.len)
			v->prompt = 0;
		input_pop(&v->input);
	} else if (key == K_CTRL('u')) {
		v->input.len = 0;
		if (v->input.s)
			v->input.s[0] = '\0';
	} else if (printable(key) && v->input.len < 256) {
		input_add(&v->input, key);
	}
	return VIEW_REDRAW;
}

static int help_key(struct view *v, int key)
{
	switch (keys_action(key)) {
	case ACT_UP: v->help_top--; break;
	case ACT_DOWN: v->help_top++; break;
	case ACT_PAGE_UP: v->help_top -= v->rows - 2; break;
	case ACT_PAGE_DOWN: v->help_top += v->rows - 2; break;
	case ACT_HOME: v->help_top = 0; break;
	case ACT_END: v->help_top = INT_MAX / 2; break;
	case ACT_HELP: case ACT_QUIT: v->help = false; break;
	default:
		if (key == K_ESC)
			v->help = false;
		break;
	}
	if (v->help_top < 0)
		v->help_top = 0;
	return VIEW_REDRAW;
}

int view_key(struct view *v, int key)
{
	if (v->prompt)
		return prompt_key(v, key);
	clear_message(v);
	if (v->lay.mode == LAYOUT_TOO_SMALL)
		return keys_action(key) == ACT_QUIT ? VIEW_QUIT : 0;
	if (v->help)
		return help_key(v, key);
	return view_do(v, keys_action(key), key);
}

int view_type(struct view *v, const char *utf8)
{
	int flags = 0;
	const char *s = utf8;
	while (*s) {
		/* An invalid byte is typed as U+FFFD. */
		wchar_t wc;
		size_t n = text_decode(s, &wc);
		int cp = n ? (int)wc : 0xFFFD;
		s += n ? n : 1;
		flags |= view_key(v, cp == '\n' ? K_ENTER : cp);
		if (flags & VIEW_QUIT)
			break;
	}
	return flags;
}

/* ---- mouse -------------------------------------------------------------------------------------- */

int view_mouse(struct view *v, enum mouse_kind kind, int x, int y)
{
	if (v->prompt || v->lay.mode == LAYOUT_TOO_SMALL)
		return 0;
	if (v->help) {
		v->help_top += kind == MOUSE_WHEEL_UP ? -WHEEL_STEP :
			       kind == MOUSE_WHEEL_DOWN ? WHEEL_STEP : 0;
		if (v->help_top < 0)
			v->help_top = 0;
		return VIEW_REDRAW;
	}
	enum pane_id p = layout_pane_at(&v->lay, x, y);
	if (p == PANE_COUNT)
		return 0;
	clear_message(v);
	if (kind != MOUSE_CLICK) {
		enum pane_id old = v->focus;
		v->focus = p;
		move(v, kind == MOUSE_WHEEL_UP ? -WHEEL_STEP : WHEEL_STEP);
		v->focus = old;
		fit_main(v);
		fit_nav(v);
		return VIEW_REDRAW;
	}
	if (v->focus != p) {
		v->focus = p;
		relayout(v);
	}
	const struct rect *r = &v->lay.pane[p];
	int line = y - r->y - 1;
	struct item *it = view_item(v);
	if (p == PANE_NAV && line >= 0 && v->nav_top + (size_t)line < v->nitems) {
		select_item(v, v->nav_top + (size_t)line);
	} else if (p == PANE_MAIN) {
		line -= it->table ? 1 : 0;
		size_t i = it->top + (size_t)(line < 0 ? 0 : line);
		if (line >= 0 && i < it->nvis) {
			/* A click on the selected row opens or closes it. */
			if (i == it->cursor) {
				const void *n = item_node(&it->vis[i]);
				if (item_has_children(it, n)) {
					it->open[item_index(it, n)] = !it->open[item_index(it, n)];
					item_refresh(it);
				}
			} else {
				it->cursor = i;
				it->detail_top = 0;
			}
		}
	}
	fit_main(v);
	fit_nav(v);
	return VIEW_REDRAW;
}

/* ---- navigator labels ------------------------------------------------------------------------------ */

const char *view_empty_text(const struct view *v)
{
	return TR(v->opt.zh, "this document has no tables or narrative",
		  "本文件没有表格，也没有正文");
}

void view_item_label(const struct view *v, size_t i, struct sbuf *label,
		     struct sbuf *total)
{
	const struct item *it = &v->items[i];
	char buf[AMOUNT_BUFSZ];
	amount_t a;

	if (!it->table && !it->part) {
		sbuf_add(label, v->doc->title);
		return;
	}
	if (it->part) {
		sbuf_add(label, it->part->title);
		return;
	}
	sbuf_addf(label, "表%d %s", it->table->number, it->table->title);
	if (it->table->incomplete)
		sbuf_add(total, TR(v->opt.zh, "incomplete", "不完整"));
	else if (detail_table_total(it->table, &a))
		sbuf_add(total, amount_format(a, buf, sizeof buf));
}
