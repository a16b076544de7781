/* view.c: the browser's state, the actions no pane takes as its own, and
 * the way keys reach the panes. */
#include "browse/view.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browse/detail.h"
#include "browse/pane.h"
#include "doc/msg.h"
#include "doc/util.h"
#include "report/snapshot.h"

#define WHEEL_STEP 3

/* ---- items ------------------------------------------------------------------ */

struct item *view_item(const struct view *v)
{
	return &v->items[v->cur];
}

size_t view_nlisted(const struct view *v)
{
	return v->comparing ? v->nitems : v->nitems - v->nprior;
}

bool view_item_listed(const struct view *v, size_t i)
{
	return i < view_nlisted(v);
}

void view_show_tables(struct view *v)
{
	/* The current item now; each other one when it becomes current: a
	 * compared table is built when first looked at, and a province's
	 * tables are many and long. */
	if (v->cur >= v->nitems)
		return;
	struct item *it = &v->items[v->cur];
	it->visited = true;
	if (!it->table)
		return;
	const char *col = it->column ? it->column : v->opt.column;
	item_show(it, v->comparing ? compare_derive(v->cmp, it->table, col) : it->table);
}

void view_build(struct view *v)
{
	size_t n = v->doc->ntables;
	for (const struct section *s = v->doc->parts; s; s = s->next)
		n++;
	struct compare_error err;
	v->cmp = xcalloc(1, sizeof *v->cmp);
	if (!compare_build(v->cmp, v->doc, v->old, &err))
		compare_build(v->cmp, v->doc, NULL, &err);	/* refused before us */
	for (size_t i = 0; i < v->cmp->ntables; i++)
		n += !v->cmp->tables[i].cur;
	v->items = xcalloc(n + 1, sizeof *v->items);
	v->nitems = v->nprior = 0;
	for (const struct section *s = v->doc->parts; s; s = s->next)
		item_init_part(&v->items[v->nitems++], s);
	for (size_t i = 0; i < v->doc->ntables; i++)
		item_init_table(&v->items[v->nitems++], &v->doc->tables[i]);
	/* Tables only the prior year has come last, listed while comparing. */
	for (size_t i = 0; i < v->cmp->ntables; i++)
		if (!v->cmp->tables[i].cur) {
			item_init_table(&v->items[v->nitems++], v->cmp->tables[i].old);
			v->nprior++;
		}
	/* The city's checks are many and never change: made once. */
	if (v->doc == v->city && v->city) {
		if (!v->city_checked) {
			check_document(v->city, NULL, &v->city_checks);
			v->city_checked = true;
		}
		v->checks = v->city_checks;
	} else {
		check_document(v->doc, v->old ? v->cmp : NULL, &v->checks);
	}
}

void view_free_build(struct item *items, size_t nitems, struct comparison *cmp)
{
	for (size_t i = 0; i < nitems; i++)
		item_free(&items[i]);
	free(items);
	if (cmp)
		compare_free(cmp);
	free(cmp);
}

void view_unbuild(struct view *v)
{
	view_free_build(v->items, v->nitems, v->cmp);
	v->items = NULL;
	v->nitems = v->nprior = 0;
	v->cmp = NULL;
	if (v->doc != v->city || !v->city)
		check_report_free(&v->checks);
	v->checks = (struct check_report){ 0 };
}

/* ---- messages --------------------------------------------------------------- */

void view_message(struct view *v, const char *fmt, ...)
{
	va_list ap;
	struct sbuf b = { 0 };

	va_start(ap, fmt);
	sbuf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(v->message);
	v->message = sbuf_take(&b);
}

static void clear_message(struct view *v)
{
	free(v->message);
	v->message = NULL;
}

const char *view_empty_text(void)
{
	return msg(M_VIEW_EMPTY);
}

/* ---- creation ---------------------------------------------------------------- */

/* What the tables are compared with, for the status line. */
static void compare_message(struct view *v)
{
	if (v->old)
		view_message(v, msg(M_VIEW_COMPARE_FILE), v->old->path, v->old->year);
	else
		view_message(v, "%s", msg(M_VIEW_COMPARE_STATED));
}

struct view *view_new(struct document *doc, struct document *old,
		      const struct view_options *opt)
{
	struct view *v = xcalloc(1, sizeof *v);
	keys_init();
	v->doc = doc;
	v->old = old;
	v->opt = *opt;
	v->show_nav = v->show_detail = v->bars = true;
	v->focus = PANE_NAV;
	v->comparing = opt->compare;
	view_build(v);
	view_show_tables(v);
	view_remember_files(v);
	view_resize(v, 80, 24);
	if (v->comparing)
		compare_message(v);
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
	view_unbuild(v);
	forget_search(v);
	free(v->history);
	free(v->message);
	sbuf_free(&v->prompt.input);
	if (v->set) {
		view_forget_left(v);
		check_report_free(&v->city_checks);
		model_free(v->city);
		docset_free(v->set);
		free(v->set);
	} else {
		model_free(v->doc);
		model_free(v->old);
	}
	free(v);
}

/* ---- layout and scrolling ------------------------------------------------------ */

void view_relayout(struct view *v)
{
	struct layout_request req = {
		v->cols, v->rows, v->show_nav, v->show_detail, v->zoom, v->focus, false,
	};
	layout_compute(&req, &v->lay);
	/* A table too wide for the room beside the navigator (once bars and
	 * indentation gave way) gets the navigator's room: the navigator
	 * shows only while it has the focus. */
	if (layout_shown(&v->lay, PANE_NAV) && v->focus != PANE_NAV &&
	    !main_fits(v, view_item(v), v->lay.pane[PANE_MAIN].w - 1)) {
		req.fold_nav = true;
		layout_compute(&req, &v->lay);
	}
	/* A pane that is not on screen cannot have the focus. */
	if (v->lay.mode != LAYOUT_TOO_SMALL && !layout_shown(&v->lay, v->focus) &&
	    !(v->focus == PANE_NAV && v->show_nav)) {
		v->focus = PANE_MAIN;
		req.focus = v->focus;
		layout_compute(&req, &v->lay);
	}
}

int view_pane_rows(const struct view *v, enum pane_id p)
{
	int h = v->lay.pane[p].h - 1;
	return h > 1 ? h : 1;
}

int view_main_rows(const struct view *v)
{
	const struct rect *r = &v->lay.pane[PANE_MAIN];
	const struct item *it = view_item(v);
	/* A table has its column headings, and its sides' titles when several
	 * are shown. */
	int heads = it->table ? 1 + (it->nsides > 1) : 0;
	int h = r->h - 1 - heads;
	return h > 1 ? h : 1;
}

int view_page(const struct view *v)
{
	int h = v->focus == PANE_MAIN ? view_main_rows(v) : view_pane_rows(v, v->focus);
	return h > 1 ? h - 1 : 1;
}

/* The first of n lines to show in h rows, from top, so that line cur is
 * shown and the rows are filled when the lines can fill them. */
static size_t scrolled(size_t top, size_t cur, size_t h, size_t n)
{
	if (cur < top)
		top = cur;
	if (cur >= top + h)
		top = cur - h + 1;
	if (top + h > n)
		top = n > h ? n - h : 0;
	return top;
}

static void fit_main(struct view *v)
{
	struct item *it = view_item(v);
	item_set_single(it, !main_sides_fit(v, it));
	it->top = scrolled(it->top, item_cursor_line(it), (size_t)view_main_rows(v),
			   item_nlines(it));
}

static void fit_nav(struct view *v)
{
	size_t h = (size_t)view_pane_rows(v, PANE_NAV), shown = view_nlisted(v);
	size_t at = v->cur < shown ? v->cur : 0;
	v->nav_top = scrolled(v->nav_top, at, h, shown);
}

int view_detail_width(const struct view *v)
{
	int w = v->lay.pane[PANE_DETAIL].w - 2;
	return w < 10 ? 10 : w;
}

void view_detail_lines(const struct view *v, int width, struct lines *out)
{
	const struct item *it = view_item(v);
	const struct row *r = item_row(it);
	const struct section *s = item_section(it);
	if (r)
		detail_row(v->doc, r, &v->checks, width, out);
	else if (s)
		detail_section(s, width, out);
}

/* The detail pane scrolls within its lines, counted at the width it draws
 * them: one function for both. */
static void fit_detail(struct view *v)
{
	struct item *it = view_item(v);
	/* At the top (most keys put it there) nothing can be past the end:
	 * the lines need not be made just to find that out. */
	if (it->detail_top <= 0) {
		it->detail_top = 0;
		return;
	}
	struct lines ls = { 0 };
	view_detail_lines(v, view_detail_width(v), &ls);
	int max = (int)ls.n - view_pane_rows(v, PANE_DETAIL);
	lines_free(&ls);
	if (it->detail_top > max)
		it->detail_top = max;
	if (it->detail_top < 0)
		it->detail_top = 0;
}

void view_fit(struct view *v)
{
	if (!view_item_listed(v, v->cur))
		v->cur = 0;
	view_show_tables(v);
	view_relayout(v);
	fit_main(v);
	fit_nav(v);
	if (layout_shown(&v->lay, PANE_DETAIL))
		fit_detail(v);
}

void view_resize(struct view *v, int cols, int rows)
{
	v->cols = cols;
	v->rows = rows;
	view_relayout(v);
	view_fit(v);
}

/* ---- the view's own actions ---------------------------------------------------------- */

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
	view_relayout(v);
}

static void toggle_pane(struct view *v, enum pane_id p)
{
	bool *show = p == PANE_NAV ? &v->show_nav : &v->show_detail;
	*show = !*show;
	if (!*show && v->focus == p)
		v->focus = PANE_MAIN;
	if (*show && v->lay.mode == LAYOUT_NARROW && p == PANE_NAV)
		v->focus = PANE_NAV;	/* folded away unless focused */
	view_relayout(v);
}

static void set_comparing(struct view *v, bool on)
{
	v->comparing = on;
	view_show_tables(v);
	view_relayout(v);
	if (!on) {
		if (!view_item_listed(v, v->cur))
			v->cur = 0;
		view_message(v, "%s", msg(M_VIEW_COMPARE_OFF));
	} else {
		compare_message(v);
	}
}

/* C: the table's next amount column of its active side, for comparing and
 * sorting. */
static void next_column(struct view *v)
{
	struct item *it = view_item(v);
	const struct side *s = it->table && it->nsides ? &it->table->sides[it->side] : NULL;
	int now = -1;
	if (!s || model_first_amount(s) < 0) {
		view_message(v, "%s", msg(M_VIEW_NO_AMOUNT_COLUMN));
		return;
	}
	if (it->column)
		now = model_column_index(s, it->column);
	else if (v->comparing)
		now = compare_default_column(v->cmp, s);
	else
		now = it->sort.column >= 0 ? it->sort.column : s->main;
	size_t c = now < 0 ? 0 : (size_t)now;
	do
		c = (c + 1) % s->ncolumns;
	while (s->columns[c].type != COL_AMOUNT);
	free(it->column);
	it->column = xstrdup(s->columns[c].key);
	it->sort.column = (int)c;
	if (v->comparing)
		item_show(it, compare_derive(v->cmp, it->table, it->column));
	else
		item_refresh(it);
	struct sbuf h = { 0 };
	render_column_heading(&s->columns[c], "/", &h);
	view_message(v, msg(M_VIEW_COLUMN), h.s);
	sbuf_free(&h);
}

static void next_sort(struct view *v, bool reverse)
{
	struct item *it = view_item(v);
	if (!it->table) {
		view_message(v, "%s", msg(M_VIEW_ONLY_TABLES_SORT));
		return;
	}
	if (reverse) {
		it->sort.reverse = !it->sort.reverse;
		if (it->sort.mode == SORT_NONE)
			it->sort.mode = SORT_NAME;
	} else {
		it->sort.mode = (enum sort_mode)((it->sort.mode + 1) % SORT_COUNT);
		/* Change and rate need a comparison to sort by. */
		if (!v->comparing && it->sort.mode >= SORT_CHANGE)
			it->sort.mode = SORT_NONE;
	}
	item_refresh(it);
}

/* p: the rows as expanded; P (full): all of them, in the same order. */
static void snapshot(struct view *v, bool full)
{
	struct item *it = view_item(v);
	struct flat *rows = NULL;
	struct snapshot s = {
		.doc = v->doc, .table = it->shown, .part = it->part, .search = v->query,
		.when = v->opt.clock ? v->opt.clock() : time(NULL), .sort = it->sort.mode,
		.reverse = it->sort.reverse,
		.sequential = it->sort.mode != SORT_NONE,
	};
	const char *dir = v->opt.snapshot_dir;
	char *error, *path;

	if (!v->nitems) {
		view_message(v, "%s", view_empty_text());
		return;
	}
	if (!dir)
		dir = getenv("BUDGET_SNAPSHOT_DIR");
	if (!dir || !*dir)
		dir = ".";
	if (it->table) {
		rows = xcalloc(it->nsides + 1, sizeof *rows);
		for (size_t i = 0; i < it->nsides; i++) {
			if (full)
				flatten_side(&it->shown->sides[i], NULL, NULL,
					     rowsort_order(&it->sort), &it->sort, &rows[i]);
			else
				rows[i] = it->sides[i].flat;
		}
		s.rows = rows;
	}
	path = snapshot_save(&s, dir, &error);
	if (path)
		view_message(v, msg(M_VIEW_WROTE), path);
	else
		view_message(v, "%s", error);
	free(path);
	free(error);
	for (size_t i = 0; full && rows && i < it->nsides; i++)
		flatten_free(&rows[i]);
	free(rows);
}

static void toggle_help(struct view *v)
{
	v->help = 1;
	v->help_top = 0;
}

/* What the view does with an action no pane took. */
static int view_do(struct view *v, enum action a)
{
	switch (a) {
	case ACT_PREV_TABLE: view_select_item(v, view_step_item(v, v->cur, -1)); break;
	case ACT_NEXT_TABLE: view_select_item(v, view_step_item(v, v->cur, 1)); break;
	case ACT_FOCUS_NEXT: cycle_focus(v, 1); break;
	case ACT_FOCUS_PREV: cycle_focus(v, -1); break;
	case ACT_BACK: view_go_back(v); break;
	case ACT_JUMP: prompt_open(v, ':'); break;
	case ACT_SEARCH: prompt_open(v, '/'); break;
	case ACT_MATCH_NEXT: view_step_match(v, 1); break;
	case ACT_MATCH_PREV: view_step_match(v, -1); break;
	case ACT_NEXT_FAILING: view_next_failing(v); break;
	case ACT_TOGGLE_BARS: v->bars = !v->bars; break;
	case ACT_SHARES:
		v->shares = (enum shares_mode)((v->shares + 1) % SHARES_COUNT);
		v->bars = true;
		break;
	case ACT_TOGGLE_NAV: toggle_pane(v, PANE_NAV); break;
	case ACT_TOGGLE_DETAIL: toggle_pane(v, PANE_DETAIL); break;
	case ACT_ZOOM: v->zoom = !v->zoom; view_relayout(v); break;
	case ACT_COMPARE: set_comparing(v, !v->comparing); break;
	case ACT_COMPARE_COLUMN: next_column(v); break;
	case ACT_SORT: next_sort(v, false); break;
	case ACT_SORT_REVERSE: next_sort(v, true); break;
	case ACT_SNAPSHOT: snapshot(v, false); break;
	case ACT_SNAPSHOT_ALL: snapshot(v, true); break;
	case ACT_RELOAD: view_reload(v); break;
	case ACT_REDRAW: break;
	case ACT_HELP: toggle_help(v); break;
	case ACT_QUIT: return VIEW_QUIT | VIEW_REDRAW;
	default: return 0;	/* a pane's action, not for the focused pane */
	}
	return VIEW_REDRAW;
}

/* ---- keys ------------------------------------------------------------------------- */

static int pane_do(struct view *v, enum action a, int key)
{
	switch (v->focus) {
	case PANE_NAV: return nav_do(v, a, key);
	case PANE_MAIN: return main_do(v, a, key);
	case PANE_DETAIL: return detail_do(v, a, key);
	default: return PANE_PASS;
	}
}

int view_key(struct view *v, int key)
{
	if (v->prompt.kind)
		return prompt_key(v, key);
	if (v->lay.mode == LAYOUT_TOO_SMALL)
		return keys_action(key) == ACT_QUIT ? VIEW_QUIT : 0;
	if (v->help)
		return help_key(v, key);
	enum action a = keys_action(key);
	if (a == ACT_NONE)
		return 0;
	int digits = v->digits;
	clear_message(v);
	v->digits = 0;
	if (a == ACT_DIGIT && v->focus == PANE_NAV)
		v->digits = digits;	/* two digits make one table number */
	int flags = pane_do(v, a, key);
	if (flags == PANE_PASS)
		flags = view_do(v, a);
	view_fit(v);
	return flags | VIEW_REDRAW;
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
		flags |= view_key(v, cp == '\n' ? K_ENTER : cp == '\t' ? K_TAB : cp);
		if (flags & VIEW_QUIT)
			break;
	}
	return flags;
}

/* ---- mouse ----------------------------------------------------------------------------- */

int view_mouse(struct view *v, enum mouse_kind kind, int x, int y)
{
	if (v->prompt.kind || v->lay.mode == LAYOUT_TOO_SMALL)
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
		enum action a = kind == MOUSE_WHEEL_UP ? ACT_UP : ACT_DOWN;
		v->focus = p;
		for (int i = 0; i < WHEEL_STEP; i++)
			pane_do(v, a, 0);
		v->focus = old;
		view_fit(v);
		return VIEW_REDRAW;
	}
	if (v->focus != p) {
		v->focus = p;
		view_relayout(v);
	}
	const struct rect *r = &v->lay.pane[p];
	int line = y - r->y - 1;
	struct item *it = view_item(v);
	if (p == PANE_NAV && line >= 0) {
		if (v->nav_top + (size_t)line < view_nlisted(v))
			view_select_item(v, v->nav_top + (size_t)line);
	} else if (p == PANE_MAIN) {
		line -= view_main_rows(v) < r->h - 1 ? r->h - 1 - view_main_rows(v) : 0;
		size_t l = it->top + (size_t)(line < 0 ? 0 : line);
		if (line >= 0 && l < item_nlines(it)) {
			/* A click on the selected row opens or closes it. */
			if (l == item_cursor_line(it) && item_has_children(it))
				item_set_open(it, !item_is_open(it));
			else
				item_select_line(it, l);
		}
	}
	view_fit(v);
	return VIEW_REDRAW;
}

/* ---- status and labels --------------------------------------------------------------- */

void view_status(const struct view *v, struct sbuf *out)
{
	const struct item *it = view_item(v);
	/* The sort first: it is short, and the line may be cropped. */
	if (it->table && it->sort.mode != SORT_NONE)
		sbuf_addf(out, msg(it->sort.reverse ? M_VIEW_SORT_REVERSED : M_VIEW_SORT),
			  rowsort_name(it->sort.mode));
	if (v->checks.failed) {
		if (out->len)
			sbuf_add(out, "  ");
		sbuf_addf(out, msg(v->checks.failed == 1 ? M_VIEW_FAILING_ONE : M_VIEW_FAILING),
			  v->checks.failed);
	}
	/* The comparison's counts last: the longest. */
	if (it->table && v->comparing && it->shown->derived) {
		if (out->len)
			sbuf_add(out, "  ");
		compare_table_summary(it->shown, out);
	}
}

void view_item_label(const struct view *v, size_t i, struct sbuf *label, bool *failing)
{
	const struct item *it = &v->items[i];
	*failing = false;
	if (!it->table && !it->part) {
		sbuf_add(label, v->doc->title);
		return;
	}
	if (it->part) {
		sbuf_add(label, it->part->title);
		return;
	}
	sbuf_addf(label, "%s %s", it->table->label, it->table->title);
	*failing = it->table->doc == v->doc && check_table_failures(&v->checks, it->table) > 0;
}
