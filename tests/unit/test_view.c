/* test_view.c: the browser without a terminal.  Keys go to the view as
 * keys.h codes, the screen is drawn into a grid and read back as text, as
 * tig's tests diff a screen dump. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "browse/detail.h"
#include "browse/draw.h"
#include "browse/grid.h"
#include "browse/keys.h"
#include "browse/layout.h"
#include "doc/loader.h"
#include "report/render.h"
#include "report/snapshot.h"
#include "doc/text.h"
#include "browse/view.h"

#define DATA "data/budget.yaml"
#define FIXED_TIME ((time_t)1577870400)	/* 2020-01-01 09:20:00 UTC */

static time_t fixed_clock(void)
{
	return FIXED_TIME;
}

static char snapdir[64];

#define PRIOR "tests/fixtures/prior-2019.yaml"

static struct document *load(const char *path)
{
	struct loader_error err;
	struct document *doc = loader_load(path, &err);
	if (!doc)
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.message);
	return doc;
}

/* A view of path compared with old (NULL: with its stated figures),
 * comparing from the start when compare is set, as --compare does. */
static struct view *open_compared(const char *path, const char *old, bool compare,
				  int cols, int rows)
{
	struct view_options opt = {
		.snapshot_dir = snapdir, .clock = fixed_clock, .compare = compare,
	};
	struct view *v = view_new(load(path), old ? load(old) : NULL, &opt);
	view_resize(v, cols, rows);
	return v;
}

static struct view *open_view(const char *path, int cols, int rows)
{
	return open_compared(path, NULL, false, cols, rows);
}

/* The whole screen as text, rows joined by newlines (caller frees). */
static char *screen(struct view *v)
{
	struct grid g = { 0 };
	struct sbuf b = { 0 };
	draw_view(v, &g);
	for (int y = 0; y < g.rows; y++) {
		grid_row_text(&g, y, &b);
		sbuf_add(&b, "\n");
	}
	grid_free(&g);
	return sbuf_take(&b);
}

static void assert_screen_has(struct view *v, const char *want)
{
	char *s = screen(v);
	if (!strstr(s, want))
		fail_msg("screen lacks \"%s\":\n%s", want, s);
	free(s);
}

static void assert_screen_lacks(struct view *v, const char *want)
{
	char *s = screen(v);
	if (strstr(s, want))
		fail_msg("screen has \"%s\":\n%s", want, s);
	free(s);
}

static const char *selected_code(const struct view *v)
{
	const struct vnode *vn = view_selected(v);
	assert_non_null(vn);
	assert_non_null(vn->row);
	return vn->row->code ? vn->row->code : "";
}

static const char *selected_name(const struct view *v)
{
	const struct vnode *vn = view_selected(v);
	assert_non_null(vn);
	return vn->row ? vn->row->name : vn->sec->title;
}

/* Go to table n through the navigator, and back to the main pane. */
static void open_table(struct view *v, int n)
{
	char digits[8];
	v->focus = PANE_NAV;
	snprintf(digits, sizeof digits, "%d", n);
	view_type(v, digits);
	view_key(v, K_ENTER);
	assert_non_null(view_item(v)->table);
	assert_int_equal(view_item(v)->table->number, n);
	assert_int_equal(v->focus, PANE_MAIN);
}

/* Is the row with this code on the visible list? */
static bool visible(const struct view *v, const char *code)
{
	const struct item *it = view_item(v);
	for (size_t i = 0; i < it->nvis; i++)
		if (it->vis[i].row && it->vis[i].row->code &&
		    strcmp(it->vis[i].row->code, code) == 0)
			return true;
	return false;
}

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	strcpy(snapdir, "/tmp/budget-test-view-XXXXXX");
	if (!mkdtemp(snapdir))
		return -1;
	return text_init() ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", snapdir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *read_file(const char *path);

/* ---- items and trees --------------------------------------------------------- */

static void test_items(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	struct sbuf label = { 0 }, total = { 0 };
	assert_int_equal(v->nitems, 17);	/* three parts, fourteen tables */
	assert_non_null(v->items[0].part);
	view_item_label(v, 8, &label, &total);
	assert_string_equal(label.s, "表6 一般公共预算支出预算表（按功能分类科目）");
	assert_string_equal(total.s, "3676.98");
	label.len = total.len = 0;
	view_item_label(v, 4, &label, &total);	/* 表2: the source is incomplete */
	assert_string_equal(total.s, "incomplete");
	sbuf_free(&label);
	sbuf_free(&total);
	view_free(v);
}

static void test_expand_collapse(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	open_table(v, 6);
	/* Opened one level deep: 合计 and the 类 under it. */
	assert_int_equal(view_item(v)->nvis, 6);
	assert_false(visible(v, "20103"));
	view_key(v, 'j');
	assert_string_equal(selected_code(v), "201");
	view_key(v, 'l');
	assert_true(visible(v, "20103"));
	assert_false(visible(v, "2010301"));
	view_key(v, K_DOWN);
	view_key(v, K_ENTER);
	assert_true(visible(v, "2010301"));
	view_key(v, ' ');		/* open already: to the first child */
	assert_string_equal(selected_code(v), "2010301");
	assert_screen_has(v, "2010301");
	assert_screen_has(v, "1667.86");
	view_key(v, 'h');		/* a leaf: to its parent */
	assert_string_equal(selected_code(v), "20103");
	view_key(v, K_LEFT);		/* open: close it */
	assert_false(visible(v, "2010301"));
	assert_string_equal(selected_code(v), "20103");
	/* Collapsed rows still show their totals. */
	assert_screen_has(v, "2537.30");
	view_free(v);
}

static void test_levels(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	open_table(v, 6);
	view_key(v, '0');
	assert_int_equal(view_item(v)->nvis, 1);
	view_key(v, '+');
	assert_int_equal(view_item(v)->nvis, 6);
	view_key(v, '+');
	assert_true(visible(v, "20103"));
	assert_false(visible(v, "2010301"));
	view_key(v, '*');
	assert_int_equal(view_item(v)->nvis, view_item(v)->nnodes);
	view_key(v, '-');
	assert_false(visible(v, "2010301"));
	assert_true(visible(v, "20103"));
	view_key(v, '2');
	assert_true(visible(v, "20103"));
	assert_false(visible(v, "2010301"));
	view_free(v);
}

/* Expansion belongs to each table and stays while moving around. */
static void test_state_per_table(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	open_table(v, 6);
	view_key(v, '*');
	view_key(v, 'G');
	const char *last = selected_code(v);
	view_key(v, ']');
	assert_int_equal(view_item(v)->table->number, 7);
	view_key(v, '[');
	assert_int_equal(view_item(v)->table->number, 6);
	assert_int_equal(view_item(v)->nvis, view_item(v)->nnodes);
	assert_string_equal(selected_code(v), last);
	view_free(v);
}

/* total_after rows (表1) come after their children; the cursor follows. */
static void test_total_after(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	open_table(v, 1);
	view_key(v, '*');
	const struct item *it = view_item(v);
	long total = -1, child = -1;
	for (size_t i = 0; i < it->nvis; i++) {
		if (strcmp(it->vis[i].row->name, "收入总计") == 0)
			total = (long)i;
		if (strcmp(it->vis[i].row->name, "本年收入合计") == 0)
			child = (long)i;
	}
	assert_true(child >= 0 && total > child);
	view_free(v);
}

/* ---- movement and scrolling --------------------------------------------------- */

static void test_scroll(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 40, 12);
	open_table(v, 9);
	view_key(v, '*');
	struct item *it = view_item(v);
	size_t h = (size_t)view_main_rows(v);
	assert_true(it->nvis > h);
	view_key(v, 'G');
	assert_int_equal(it->cursor, it->nvis - 1);
	assert_true(it->top + h > it->cursor && it->top <= it->cursor);
	assert_int_equal(it->top, it->nvis - h);
	view_key(v, K_PGUP);
	assert_true(it->cursor >= it->top && it->cursor < it->top + h);
	view_key(v, 'g');
	assert_int_equal(it->cursor, 0);
	assert_int_equal(it->top, 0);
	view_key(v, K_PGDN);
	assert_true(it->cursor > 0 && it->cursor < it->top + h);
	view_key(v, 'k');
	view_key(v, K_UP);
	assert_true(it->cursor >= it->top);
	view_free(v);
}

static void test_history(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	open_table(v, 6);
	view_key(v, 'j');
	view_type(v, ":2010308\n");
	assert_string_equal(selected_code(v), "2010308");
	view_key(v, ']');
	assert_int_equal(view_item(v)->table->number, 7);
	view_key(v, K_BACKSPACE);
	assert_int_equal(view_item(v)->table->number, 6);
	assert_string_equal(selected_code(v), "2010308");
	view_key(v, K_BACKSPACE);
	assert_string_equal(selected_code(v), "201");
	view_free(v);
}

static void test_focus(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	assert_int_equal(v->focus, PANE_MAIN);
	view_key(v, K_TAB);
	assert_int_equal(v->focus, PANE_DETAIL);
	view_key(v, K_TAB);
	assert_int_equal(v->focus, PANE_NAV);
	view_key(v, 'd');		/* hide the detail pane */
	view_key(v, K_TAB);
	assert_int_equal(v->focus, PANE_MAIN);
	view_key(v, K_TAB);
	assert_int_equal(v->focus, PANE_NAV);
	view_key(v, 't');		/* hide the navigator: focus leaves it */
	assert_int_equal(v->focus, PANE_MAIN);
	assert_false(layout_shown(&v->lay, PANE_NAV));
	view_key(v, 'z');
	assert_int_equal(v->lay.pane[PANE_MAIN].w, 80);
	assert_int_equal(v->lay.pane[PANE_MAIN].h, 23);
	view_free(v);
}

/* ---- jump and search ----------------------------------------------------------- */

static void test_jump(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	open_table(v, 6);
	view_key(v, '0');		/* everything closed */
	view_type(v, ":2010308\n");
	assert_int_equal(view_item(v)->table->number, 6);
	assert_string_equal(selected_code(v), "2010308");
	assert_true(visible(v, "2010301"));
	assert_screen_has(v, "201 › 20103 › 2010308");
	view_type(v, ":9999\n");
	assert_string_equal(v->message, "no row with code 9999");
	assert_string_equal(selected_code(v), "2010308");
	view_type(v, ":duties\n");	/* a section id */
	assert_string_equal(selected_name(v), "一、部门主要职责");
	view_free(v);
}

static void test_search(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	open_table(v, 10);
	view_key(v, '0');
	view_type(v, "/信息化\n");
	assert_non_null(v->query);
	assert_true(v->nmatches >= 4);
	/* From the cursor on, in 表10 the first is 信息化建设开发经费, which
	 * was inside a closed subtree and is now shown. */
	assert_string_equal(selected_name(v), "信息化建设开发经费");
	char want[64];
	snprintf(want, sizeof want, "match %zu of %zu", v->match + 1, v->nmatches);
	assert_string_equal(v->message, want);
	assert_screen_has(v, want);
	size_t first = v->match;
	view_key(v, 'n');
	assert_int_equal(v->match, (first + 1) % v->nmatches);
	assert_string_equal(selected_name(v), "信息化运维服务经费");
	view_key(v, 'N');
	assert_int_equal(v->match, first);
	/* Wrapping around both ways. */
	for (size_t i = 0; i < v->nmatches; i++)
		view_key(v, 'n');
	assert_int_equal(v->match, first);
	/* Case-insensitive, codes too. */
	view_type(v, "/c0206\n");
	assert_int_equal(v->nmatches, 1);
	assert_string_equal(selected_name(v), "广州市信访局 2020 年度信息系统运行维护项目");
	view_type(v, "/no such thing\n");
	assert_string_equal(v->message, "no match for no such thing");
	view_free(v);
}

static void test_search_narrative(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	view_type(v, "/云信访\n");
	assert_true(v->nmatches >= 1);
	assert_null(view_item(v)->table);	/* found in the narrative first */
	assert_non_null(view_selected(v)->sec);
	view_free(v);
}

/* ---- the prompt ------------------------------------------------------------------- */

static void test_prompt(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	view_type(v, "/信息");
	assert_int_equal(v->prompt, '/');
	assert_screen_has(v, "/信息");
	/* A resize while the prompt is open keeps it, and what was typed. */
	view_resize(v, 40, 12);
	assert_int_equal(v->prompt, '/');
	assert_screen_has(v, "/信息");
	view_key(v, K_BACKSPACE);
	assert_string_equal(v->input.s, "信");
	view_type(v, "息化");
	view_key(v, K_CTRL('u'));
	assert_string_equal(v->input.s, "");
	view_type(v, "信息化");
	view_key(v, K_ENTER);
	assert_int_equal(v->prompt, 0);
	assert_true(v->nmatches > 0);
	view_key(v, ':');
	view_key(v, K_ESC);
	assert_int_equal(v->prompt, 0);
	/* Control characters never reach the input. */
	view_key(v, '/');
	view_key(v, 0x1b5b);		/* not a control: accepted */
	view_key(v, 0x07);
	view_key(v, 0x9b);
	assert_int_equal(text_is_clean(v->input.s, false), true);
	view_key(v, K_ESC);
	/* An invalid byte typed is U+FFFD; the characters around it stay. */
	view_type(v, "/a\xff信");
	assert_string_equal(v->input.s, "a" TEXT_REPLACEMENT "信");
	view_key(v, K_ESC);
	view_free(v);
}

/* ---- detail ------------------------------------------------------------------------- */

static bool lines_have(const struct lines *ls, const char *want)
{
	for (size_t i = 0; i < ls->n; i++)
		if (strstr(ls->v[i].text, want))
			return true;
	return false;
}

static void test_detail_project(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	struct lines ls = { 0 };
	view_type(v, "/信息化运维服务经费\n");
	assert_int_equal(view_item(v)->table->number, 10);
	view_detail_lines(v, 60, &ls);
	assert_true(lines_have(&ls, "绩效目标"));
	assert_true(lines_have(&ls, "维护广州市信访局信息业务系统"));
	assert_true(lines_have(&ls, "项目内容"));
	assert_true(lines_have(&ls, "Procurement (表13)"));
	assert_true(lines_have(&ls, "C0206 运行维护服务"));
	assert_true(lines_have(&ls, "122.03"));
	assert_true(lines_have(&ls, "Purchased services (表14)"));
	assert_true(lines_have(&ls, "系统运维管理"));
	for (size_t i = 0; i < ls.n; i++)
		assert_true(text_width(ls.v[i].text) <= 60);
	lines_free(&ls);
	view_free(v);
}

static void test_detail_shares(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	struct lines ls = { 0 };
	open_table(v, 6);
	view_type(v, ":2010301\n");
	view_detail_lines(v, 70, &ls);
	assert_true(lines_have(&ls, "201 › 20103 › 2010301"));
	/* 1667.86 / 2537.30 = 65.734...% ; 1667.86 / 3676.98 = 45.359...% */
	assert_true(lines_have(&ls, "65.73%"));
	assert_true(lines_have(&ls, "45.36%"));
	assert_true(lines_have(&ls, "基本支出：1645.76"));
	assert_true(lines_have(&ls, "部门项目支出：22.10"));
	lines_free(&ls);
	view_free(v);
}

static void test_bar(void **state)
{
	(void)state;
	struct sbuf b = { 0 };
	draw_bar(true, 6573, 10, &b);
	assert_string_equal(b.s, "[#######   ]");
	b.len = 0;
	draw_bar(true, 450, 10, &b);		/* 0.45 of a cell: rounds down */
	assert_string_equal(b.s, "[          ]");
	b.len = 0;
	draw_bar(true, 500, 10, &b);		/* half a cell: rounds up */
	assert_string_equal(b.s, "[#         ]");
	b.len = 0;
	draw_bar(true, 25000, 5, &b);		/* over 100%: full */
	assert_string_equal(b.s, "[#####]");
	b.len = 0;
	draw_bar(true, -100, 5, &b);
	assert_string_equal(b.s, "[     ]");
	b.len = 0;
	draw_bar(true, INT64_MAX, 10, &b);	/* rate * inner would overflow */
	assert_string_equal(b.s, "[##########]");
	b.len = 0;
	draw_bar(true, INT64_MIN, 10, &b);
	assert_string_equal(b.s, "[          ]");
	b.len = 0;
	draw_bar(false, 0, 5, &b);
	assert_string_equal(b.s, "       ");
	sbuf_free(&b);
}

/* ---- screens ------------------------------------------------------------------------- */

/* Every row of the grid fits and holds no control character. */
static void assert_screen_sane(struct view *v)
{
	struct grid g = { 0 };
	struct sbuf b = { 0 };
	draw_view(v, &g);
	for (int y = 0; y < g.rows; y++) {
		b.len = 0;
		sbuf_add(&b, "");
		grid_row_text(&g, y, &b);
		assert_true(text_width(b.s) <= g.cols);
		assert_true(text_is_clean(b.s, false));
	}
	sbuf_free(&b);
	grid_free(&g);
}

static void test_screens(void **state)
{
	(void)state;
	static const int sizes[][2] = {
		{ 40, 12 }, { 41, 13 }, { 69, 20 }, { 70, 24 }, { 80, 24 },
		{ 119, 30 }, { 120, 40 }, { 200, 60 }, { 39, 12 }, { 80, 11 },
	};
	/* Plain, then compared with the prior-year file and sorted. */
	for (int pass = 0; pass < 2; pass++) {
		struct view *v = open_compared(DATA, pass ? PRIOR : NULL, pass, 80, 24);
		for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
			view_resize(v, sizes[s][0], sizes[s][1]);
			for (size_t i = 0; i < v->nitems; i++) {
				v->cur = i;
				view_key(v, '*');
				if (pass && s == 0)
					view_type(v, "sss");
				view_key(v, 'G');
				assert_screen_sane(v);
				view_key(v, K_TAB);
				assert_screen_sane(v);
				view_key(v, K_TAB);
				assert_screen_sane(v);
				view_key(v, K_TAB);
			}
		}
		view_free(v);
	}
}

static void test_narrow(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 40, 12);
	open_table(v, 6);
	view_type(v, "jljl");
	view_key(v, 'j');
	assert_string_equal(selected_code(v), "2010301");
	assert_screen_has(v, "2010301");
	assert_screen_has(v, "1667.86");
	/* Names are cropped by display columns, with the mark. */
	assert_screen_has(v, "~");
	assert_screen_has(v, "广州市信访局");	/* status line */
	view_free(v);
}

static void test_too_small(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 39, 12);
	assert_int_equal(v->lay.mode, LAYOUT_TOO_SMALL);
	assert_screen_has(v, "terminal too small");
	assert_int_equal(view_key(v, 'j'), 0);
	view_resize(v, 40, 12);
	assert_screen_lacks(v, "terminal too small");
	view_resize(v, 80, 11);
	assert_int_equal(view_key(v, 'q') & VIEW_QUIT, VIEW_QUIT);
	view_free(v);
}

static void test_help(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	struct lines en = { 0 }, zh = { 0 };
	view_key(v, '?');
	assert_true(v->help);
	assert_screen_has(v, "move down");
	view_key(v, 'G');
	assert_screen_has(v, "quit");
	view_key(v, 'q');		/* closes the help, does not quit */
	assert_false(v->help);
	/* Every action is in the help, in both languages, and each of its
	 * keys is bound to it. */
	keys_help(false, 200, &en);
	keys_help(true, 200, &zh);
#define X(name, k, label, e, z) \
	assert_true(lines_have(&en, e)); \
	assert_true(lines_have(&zh, z)); \
	{ \
		char list[64], *tok, *save; \
		strcpy(list, k); \
		for (tok = strtok_r(list, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) { \
			assert_true(keys_parse(tok) >= 0); \
			assert_int_equal(keys_action(keys_parse(tok)), ACT_##name); \
		} \
	}
	BUDGET_ACTIONS(X)
#undef X
	lines_free(&en);
	lines_free(&zh);
	view_free(v);
}

/* budget(1) lists every key with the help's own words. */
static void test_man_keys(void **state)
{
	(void)state;
	char *man = read_file("man/budget.1");
	struct sbuf plain = { 0 }, want = { 0 };
	for (const char *p = man; *p; p++) {
		if (p[0] == '\\' && p[1] == '-')
			continue;	/* "\-" is a minus sign */
		sbuf_addn(&plain, p, 1);
	}
#define X(name, k, label, e, z) \
	want.len = 0; \
	sbuf_addf(&want, "\n.B %s\n%s\n", label ? label : k, e); \
	if (!strstr(plain.s, want.s)) \
		fail_msg("man/budget.1 lacks the key entry:%s", want.s);
	BUDGET_ACTIONS(X)
#undef X
	sbuf_free(&plain);
	sbuf_free(&want);
	free(man);
}

/* ---- snapshots --------------------------------------------------------------------------- */

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	struct sbuf b = { 0 };
	char buf[4096];
	size_t n;
	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_addn(&b, buf, n);
	fclose(f);
	return sbuf_take(&b);
}

static char *joined(const struct lines *ls)
{
	struct sbuf b = { 0 };
	for (size_t i = 0; i < ls->n; i++) {
		sbuf_add(&b, ls->v[i].text);
		sbuf_add(&b, "\n");
	}
	return sbuf_take(&b);
}

static void test_snapshot(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	char path[256], path2[256];
	struct lines ls = { 0 };

	open_table(v, 6);
	view_key(v, '*');
	view_key(v, 'p');
	snprintf(path, sizeof path, "%s/budget-table6-20200101-092000.txt", snapdir);
	assert_non_null(v->message);
	assert_non_null(strstr(v->message, path));
	char *text = read_file(path);
	/* Header, blank line, then exactly what --print=6 prints. */
	assert_non_null(strstr(text, "部门：广州市信访局  年度：2020  单位：万元\n"));
	assert_non_null(strstr(text, "表：表6  一般公共预算支出预算表（按功能分类科目）\n"));
	assert_non_null(strstr(text, "时间：2020-01-01 09:20:00\n"));
	char *body = strstr(text, "\n\n");
	assert_non_null(body);
	render_table(view_item(v)->table, 0, &ls);
	char *want = joined(&ls);
	assert_string_equal(body + 2, want);
	assert_null(strchr(text, '\x1b'));
	free(text);

	/* Same second: a new name, the first file untouched. */
	view_key(v, '2');
	view_type(v, "/行政运行\n");
	view_key(v, 'p');
	snprintf(path2, sizeof path2, "%s/budget-table6-20200101-092000-2.txt", snapdir);
	text = read_file(path2);
	assert_non_null(strstr(text, "搜索：行政运行\n"));
	/* Only the rows on screen: 合计, the 类, 201's 款 and its open 项. */
	assert_non_null(strstr(text, "2010301"));
	assert_null(strstr(text, "2080501"));
	free(text);
	text = read_file(path);
	assert_string_equal(strstr(text, "\n\n") + 2, want);
	free(text);

	/* P: the whole table, whatever is open. */
	view_key(v, 'P');
	snprintf(path2, sizeof path2, "%s/budget-table6-20200101-092000-3.txt", snapdir);
	text = read_file(path2);
	assert_string_equal(strstr(text, "\n\n") + 2, want);
	free(text);
	free(want);
	lines_free(&ls);
	view_free(v);
}

static void test_snapshot_refuses(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	v->opt.snapshot_dir = "/nonexistent/dir";
	view_key(v, 'p');
	assert_non_null(v->message);
	assert_non_null(strstr(v->message, "cannot create"));
	view_free(v);
}

/* ---- reload ------------------------------------------------------------------------------ */

static void copy_file(const char *from, const char *to, const char *extra)
{
	char *text = read_file(from);
	FILE *f = fopen(to, "w");
	assert_non_null(f);
	fputs(text, f);
	fputs(extra, f);
	fclose(f);
	free(text);
}

static void test_reload(void **state)
{
	(void)state;
	char path[256];
	snprintf(path, sizeof path, "%s/copy.yaml", snapdir);
	copy_file(DATA, path, "");
	struct view *v = open_view(path, 80, 24);
	open_table(v, 6);
	view_type(v, ":2010308\n");
	view_key(v, 'R');
	assert_string_equal(v->message, "the file has not changed");
	copy_file(DATA, path, "# changed\n");
	v->mtime.tv_sec--;		/* as if written a second later */
	view_key(v, 'R');
	assert_string_equal(v->message, "reloaded");
	assert_int_equal(view_item(v)->table->number, 6);
	assert_string_equal(selected_code(v), "2010308");
	assert_true(visible(v, "2010301"));
	assert_false(visible(v, "2080501"));
	/* A broken file leaves the view as it was. */
	copy_file(DATA, path, "tables: oops\n");
	v->mtime.tv_sec--;
	view_key(v, 'R');
	assert_non_null(strstr(v->message, "not reloaded"));
	assert_string_equal(selected_code(v), "2010308");
	view_free(v);
}

/* A file rewritten to the same size within the second it was loaded in
 * has changed too: the time is compared to the nanosecond. */
static void test_reload_same_second(void **state)
{
	(void)state;
	char path[256];
	snprintf(path, sizeof path, "%s/same.yaml", snapdir);
	copy_file(DATA, path, "# before\n");
	struct view *v = open_view(path, 80, 24);
	struct timespec loaded = v->mtime;
	copy_file(DATA, path, "# after!\n");
	struct timespec times[2] = {
		{ loaded.tv_sec, UTIME_OMIT },
		{ loaded.tv_sec, (loaded.tv_nsec + 1) % 1000000000 },
	};
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	view_key(v, 'R');
	assert_string_equal(v->message, "reloaded");
	view_key(v, 'R');
	assert_string_equal(v->message, "the file has not changed");
	view_free(v);
}

/* A file whose name holds a control character is shown with U+FFFD but
 * reloaded by its real name. */
static void test_reload_odd_name(void **state)
{
	(void)state;
	char path[256];
	snprintf(path, sizeof path, "%s/odd\x01name.yaml", snapdir);
	copy_file(DATA, path, "");
	struct view *v = open_view(path, 80, 24);
	copy_file(DATA, path, "# changed\n");
	v->mtime.tv_sec--;
	view_key(v, 'R');
	assert_string_equal(v->message, "reloaded");
	assert_non_null(strstr(v->doc->path, "odd" TEXT_REPLACEMENT "name"));
	view_free(v);
}

/* ---- a document with no tables and no narrative ---------------------------------------------- */

static const char empty_doc[] =
	"schema: 1\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 空文件}\n"
	"tables: []\n";

/* Every key, a click and the wheel on every pane, at two sizes: the
 * screen stays sane and says why it is empty; q still quits. */
static void test_empty_document(void **state)
{
	(void)state;
	static const char keys[] = "jkhl+-*1[]bcCsRpPtdz\t\tgG?";
	struct view_options opt = { .snapshot_dir = snapdir, .clock = fixed_clock };
	struct loader_error err;
	struct document *doc = loader_load_string("empty.yaml", empty_doc,
						  strlen(empty_doc), &err);
	assert_non_null(doc);
	assert_int_equal(doc->ntables, 0);
	struct view *v = view_new(doc, NULL, &opt);
	assert_int_equal(v->nitems, 0);
	assert_null(view_selected(v));
	assert_screen_has(v, "this document has no tables or narrative");
	assert_screen_has(v, "0/0");
	assert_screen_has(v, "空文件");
	for (int size = 0; size < 2; size++) {
		view_resize(v, size ? 40 : 120, size ? 12 : 30);
		for (const char *k = keys; *k; k++) {
			view_key(v, *k);
			assert_screen_sane(v);
		}
		view_key(v, 'q');	/* out of the help */
		for (int p = 0; p < PANE_COUNT; p++) {
			const struct rect *r = &v->lay.pane[p];
			view_mouse(v, MOUSE_CLICK, r->x + 1, r->y + 2);
			view_mouse(v, MOUSE_WHEEL_DOWN, r->x + 1, r->y + 2);
			assert_screen_sane(v);
		}
		view_type(v, "/信息\n");
		assert_string_equal(v->message, "no match for 信息");
		view_type(v, ":2010301\n");
		view_key(v, K_BACKSPACE);
		view_key(v, K_TAB);
		view_type(v, "6");
		assert_screen_sane(v);
		view_key(v, K_TAB);
		view_key(v, K_TAB);
	}
	view_key(v, 'p');
	assert_string_equal(v->message, "this document has no tables or narrative");
	assert_true(view_key(v, 'q') & VIEW_QUIT);
	view_free(v);
}

/* R from a document to an empty one and back. */
static void test_reload_empty(void **state)
{
	(void)state;
	char path[256];
	snprintf(path, sizeof path, "%s/emptied.yaml", snapdir);
	copy_file(DATA, path, "");
	struct view *v = open_view(path, 80, 24);
	open_table(v, 6);
	view_type(v, "*");
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(empty_doc, f);
	fclose(f);
	v->mtime.tv_sec--;
	view_key(v, 'R');
	assert_string_equal(v->message, "reloaded");
	assert_int_equal(v->nitems, 0);
	assert_screen_has(v, "this document has no tables or narrative");
	assert_screen_sane(v);
	copy_file(DATA, path, "");
	v->mtime.tv_sec--;
	view_key(v, 'R');
	assert_string_equal(v->message, "reloaded");
	assert_true(v->nitems > 0);
	assert_screen_lacks(v, "this document has no tables or narrative");
	assert_screen_sane(v);
	view_free(v);
}

/* ---- comparison and sort ------------------------------------------------------------------- */

/* Codes (or names) of the visible rows at depth 1, in order, joined. */
static void depth1(const struct view *v, char *out, size_t size)
{
	const struct item *it = view_item(v);
	out[0] = '\0';
	for (size_t i = 0; i < it->nvis; i++)
		if (it->vis[i].depth == 1) {
			const struct row *r = it->vis[i].row;
			strncat(out, r->code ? r->code : r->name, size - strlen(out) - 2);
			strncat(out, " ", size - strlen(out) - 1);
		}
}

static void assert_status_has(const struct view *v, const char *want)
{
	struct sbuf b = { 0 };
	sbuf_add(&b, "");
	view_status(v, &b);
	if (!strstr(b.s, want))
		fail_msg("status \"%s\" lacks \"%s\"", b.s, want);
	sbuf_free(&b);
}

/* c: the main pane shows 本年, 上年, 增减 and 增减率 of the first amount
 * column, against the figures the document states; c again: as before. */
static void test_compare_toggle(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	open_table(v, 12);
	assert_screen_lacks(v, "113.86%");
	assert_null(view_comparison(v));
	view_key(v, 'c');
	assert_true(v->comparing);
	assert_non_null(view_comparison(v));
	/* “三公”经费总额 25.30 against 11.83 (its figure less its stated change). */
	assert_screen_has(v, "113.86%");
	assert_screen_has(v, "增减率");
	assert_screen_has(v, "-49.45%");
	assert_status_has(v, "compare 合计: 6 rows with a stated prior-year figure");
	view_key(v, 'c');
	assert_false(v->comparing);
	assert_screen_lacks(v, "113.86%");
	assert_screen_has(v, "一般公共预算");
	view_free(v);
}

/* C: the next amount column of the table, round to the first again. */
static void test_compare_column(void **state)
{
	(void)state;
	struct view *v = open_compared(DATA, NULL, true, 120, 30);
	open_table(v, 12);
	assert_screen_has(v, "（与上年对比：合计）");
	assert_screen_has(v, "113.86%");
	view_key(v, 'C');
	assert_int_equal(view_item(v)->sort.col, 1);
	assert_string_equal(v->message, "column: 一般公共预算");
	assert_screen_has(v, "（与上年对比：一般公共预算）");
	/* The document states its prior-year figures for 合计 only. */
	assert_screen_lacks(v, "113.86%");
	assert_status_has(v, "compare 一般公共预算: ");
	assert_screen_has(v, "25.30     —     —       —");
	view_type(v, "CCC");
	assert_int_equal(view_item(v)->sort.col, 0);
	assert_screen_has(v, "113.86%");
	/* Each table keeps its own column. */
	view_key(v, 'C');
	view_key(v, '[');
	assert_int_equal(view_item(v)->table->number, 11);
	assert_int_equal(view_item(v)->sort.col, (size_t)model_first_amount(view_item(v)->table));
	view_key(v, ']');
	assert_int_equal(view_item(v)->sort.col, 1);
	view_free(v);
}

/* s: document order, name, amount, change, rate and round again. */
static void test_sort(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	char got[256];
	open_table(v, 3);
	view_key(v, '*');
	view_type(v, ":2210203\n");
	depth1(v, got, sizeof got);
	assert_string_equal(got, "201 206 208 210 221 ");
	view_key(v, 's');
	assert_status_has(v, "sort: name");
	view_key(v, 's');
	depth1(v, got, sizeof got);
	assert_string_equal(got, "201 221 208 206 210 ");
	assert_status_has(v, "sort: amount of 合计");
	/* The cursor stays on its row. */
	assert_string_equal(selected_code(v), "2210203");
	/* Without a comparison, change and rate sort by amount, and say so. */
	view_key(v, 's');
	depth1(v, got, sizeof got);
	assert_string_equal(got, "201 221 208 206 210 ");
	assert_status_has(v, "sort: change (not comparing: by amount of 合计)");
	view_key(v, 's');
	assert_status_has(v, "sort: rate");
	view_key(v, 's');
	depth1(v, got, sizeof got);
	assert_string_equal(got, "201 206 208 210 221 ");
	/* Sorting by amount in another column: 基本支出. */
	view_type(v, "ssC");
	depth1(v, got, sizeof got);
	assert_string_equal(got, "201 221 208 210 206 ");
	view_free(v);
}

/* With a prior-year file: sorted by change, the rows that have none last;
 * the main pane lists the dropped prior rows (取消) after the rows. */
static void test_compare_file(void **state)
{
	(void)state;
	struct view *v = open_compared(DATA, PRIOR, true, 160, 40);
	struct lines ls = { 0 };
	char got[256];
	open_table(v, 3);
	view_key(v, '*');
	assert_status_has(v, "compare 合计: 9 rows matched by code, 2 by name, 10 new, 1 dropped");
	assert_screen_has(v, "新增");
	assert_screen_has(v, "按名称");
	assert_screen_has(v, "取消");
	assert_screen_has(v, "一般行政管理事务");
	view_type(v, "sss");
	/* |change|: 201 +837.30, 221 +148.90, 208 +98.28; 206 and 210 are new. */
	depth1(v, got, sizeof got);
	assert_string_equal(got, "201 221 208 206 210 ");
	assert_status_has(v, "sort: change");
	view_key(v, 's');	/* |rate|: 201 49.25%, 208 49.14%, 221 24.82% */
	depth1(v, got, sizeof got);
	assert_string_equal(got, "201 208 221 206 210 ");
	/* The detail pane compares every amount column. */
	view_type(v, ":2210203\n");
	view_detail_lines(v, 200, &ls);
	assert_true(lines_have(&ls, "Prior-year row, by code：2210203 购房补贴"));
	assert_true(lines_have(&ls, "合计：本年 547.58 · 上年 304.00 · 增减 +243.58 · 增减率 80.13%"));
	assert_true(lines_have(&ls, "基本支出：本年 547.58 · 上年 304.00"));
	assert_true(lines_have(&ls, "项目支出：本年 0.00"));
	lines_free(&ls);
	view_key(v, 'c');
	view_detail_lines(v, 200, &ls);
	assert_false(lines_have(&ls, "增减率"));
	lines_free(&ls);
	view_free(v);
}

/* The 取消 rows come into view at the last row, also on a small screen. */
static void test_compare_scroll(void **state)
{
	(void)state;
	struct view *v = open_compared(DATA, PRIOR, true, 80, 24);
	open_table(v, 3);
	view_type(v, "t*");
	assert_screen_lacks(v, "取消");
	view_key(v, 'G');
	assert_string_equal(selected_code(v), "2210203");
	assert_screen_has(v, "取消");
	assert_screen_has(v, "新增");
	view_free(v);
}

/* Snapshots compared: p with the table fully open and P both save the
 * lines of --print=N --compare[=OLD]. */
static void test_compare_snapshot(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	char path[256];
	open_table(v, 12);
	view_type(v, "*c");
	view_key(v, 'p');
	snprintf(path, sizeof path, "%s/budget-table12-20200101-092000.txt", snapdir);
	char *text = read_file(path);
	char *want = read_file("tests/golden/12-compare.txt");
	assert_string_equal(strstr(text, "\n\n") + 2, want);
	free(text);
	free(want);
	view_free(v);

	v = open_compared(DATA, PRIOR, true, 80, 24);
	open_table(v, 3);
	view_key(v, 'P');
	snprintf(path, sizeof path, "%s/budget-table3-20200101-092000.txt", snapdir);
	text = read_file(path);
	want = read_file("tests/golden/3-compare-file.txt");
	assert_string_equal(strstr(text, "\n\n") + 2, want);
	free(text);
	/* As expanded and sorted: the open rows, in the sorted order. */
	view_type(v, "0lss");
	view_key(v, 'p');
	snprintf(path, sizeof path, "%s/budget-table3-20200101-092000-2.txt", snapdir);
	text = read_file(path);
	assert_non_null(strstr(text, "排序：金额\n"));
	char *a = strstr(text, "\n221 "), *b = strstr(text, "\n208 ");
	assert_true(a && b && a < b);
	assert_null(strstr(text, "2010301"));
	assert_non_null(strstr(text, "取消"));
	free(text);
	free(want);
	view_free(v);
}

/* R rebuilds the comparison against the reloaded document; the sort and
 * the column stay. */
static void test_compare_reload(void **state)
{
	(void)state;
	char path[256];
	snprintf(path, sizeof path, "%s/compare.yaml", snapdir);
	copy_file(DATA, path, "");
	struct view *v = open_compared(path, NULL, true, 120, 30);
	open_table(v, 12);
	view_type(v, "sCCCC");
	copy_file(DATA, path, "# changed\n");
	v->mtime.tv_sec--;
	view_key(v, 'R');
	assert_string_equal(v->message, "reloaded");
	assert_ptr_equal(v->cmp.cur, v->doc);
	assert_int_equal(view_item(v)->sort.mode, SORT_NAME);
	assert_screen_has(v, "113.86%");
	assert_status_has(v, "6 rows with a stated prior-year figure");
	view_free(v);
}

/* ---- mouse and layout ---------------------------------------------------------------------- */

static void test_mouse(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, 80, 24);
	const struct rect *nav = &v->lay.pane[PANE_NAV];
	view_mouse(v, MOUSE_CLICK, nav->x + 2, nav->y + 1 + 8);	/* 表6 */
	assert_int_equal(view_item(v)->table->number, 6);
	assert_int_equal(v->focus, PANE_NAV);
	const struct rect *m = &v->lay.pane[PANE_MAIN];
	view_mouse(v, MOUSE_CLICK, m->x + 5, m->y + 2 + 1);	/* 201 */
	assert_int_equal(v->focus, PANE_MAIN);
	assert_string_equal(selected_code(v), "201");
	view_mouse(v, MOUSE_CLICK, m->x + 5, m->y + 2 + 1);	/* again: opens */
	assert_true(visible(v, "20103"));
	view_mouse(v, MOUSE_WHEEL_DOWN, m->x + 5, m->y + 5);
	assert_int_equal(view_item(v)->cursor, 1 + 3);
	view_free(v);
}

static bool overlap(const struct rect *a, const struct rect *b)
{
	return a->w && b->w && a->x < b->x + b->w && b->x < a->x + a->w &&
	       a->y < b->y + b->h && b->y < a->y + a->h;
}

static void test_layout(void **state)
{
	(void)state;
	for (int cols = 40; cols <= 220; cols += 3)
		for (int rows = 12; rows <= 70; rows += 5)
			for (int flags = 0; flags < 32; flags++) {
				struct layout_request req = {
					cols, rows, flags & 1, flags & 2, flags & 4,
					(enum pane_id)((flags >> 3) % PANE_COUNT),
				};
				struct layout lay;
				if (req.zoom && !req.show_nav && req.focus == PANE_NAV)
					continue;
				layout_compute(&req, &lay);
				assert_true(lay.mode != LAYOUT_TOO_SMALL);
				for (int p = 0; p < PANE_COUNT; p++) {
					const struct rect *r = &lay.pane[p];
					if (!r->w)
						continue;
					assert_true(r->x >= 0 && r->y >= 0);
					assert_true(r->x + r->w <= cols);
					assert_true(r->y + r->h <= rows - 1);
					for (int q = p + 1; q < PANE_COUNT; q++)
						assert_false(overlap(r, &lay.pane[q]));
				}
				if (!req.zoom || req.focus == PANE_MAIN)
					assert_true(layout_shown(&lay, PANE_MAIN));
				assert_int_equal(lay.status.y, rows - 1);
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_expand_collapse),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_state_per_table),
		cmocka_unit_test(test_total_after),
		cmocka_unit_test(test_scroll),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_focus),
		cmocka_unit_test(test_jump),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_search_narrative),
		cmocka_unit_test(test_prompt),
		cmocka_unit_test(test_detail_project),
		cmocka_unit_test(test_detail_shares),
		cmocka_unit_test(test_bar),
		cmocka_unit_test(test_screens),
		cmocka_unit_test(test_narrow),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_man_keys),
		cmocka_unit_test(test_snapshot),
		cmocka_unit_test(test_snapshot_refuses),
		cmocka_unit_test(test_reload),
		cmocka_unit_test(test_reload_same_second),
		cmocka_unit_test(test_reload_odd_name),
		cmocka_unit_test(test_empty_document),
		cmocka_unit_test(test_reload_empty),
		cmocka_unit_test(test_compare_toggle),
		cmocka_unit_test(test_compare_column),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_compare_file),
		cmocka_unit_test(test_compare_scroll),
		cmocka_unit_test(test_compare_snapshot),
		cmocka_unit_test(test_compare_reload),
		cmocka_unit_test(test_mouse),
		cmocka_unit_test(test_layout),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
