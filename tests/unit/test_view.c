/* test_view.c: the browser without a terminal.  A view is opened on a real
 * document, driven with keys (keys.h codes, as the front end sends them),
 * mouse events and resizes, and inspected through its fields, its current
 * item, its status and detail lines and the grid it draws into.  Each test
 * sets its language in its setup and gets a fresh temporary folder, removed
 * afterwards, for the files it writes (snapshots, copies of documents).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "browse/draw.h"
#include "browse/grid.h"
#include "browse/keys.h"
#include "browse/layout.h"
#include "browse/view.h"
#include "doc/docset.h"
#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/text.h"
#include "doc/util.h"
#include "report/city.h"
#include "report/compare.h"
#include "fixture.h"

#define DATA "data/budget.yaml"			/* 广州市信访局 2020, 表1..表14 */
#define JIANGSU "data/jiangsu/zxbgt-2019.yaml"	/* 公开01表..公开12表 */
#define PRIOR "tests/fixtures/prior-2019.yaml"	/* a prior year for DATA */

/* Snapshots are stamped 2020-01-01 09:20:00 (TZ is UTC, see main). */
#define FIXED_TIME ((time_t)1577870400)
#define FIXED_STAMP "20200101-092000"

/* The items of DATA: three narrative parts, then 表1..表14. */
#define DATA_PARTS 3
#define DATA_ITEM(n) (DATA_PARTS + (n) - 1)	/* the item of 表n */

/* ---- fixture: language and a temporary folder ---------------------------------- */

static char tmpdir[64];

static void remove_tree(const char *path)
{
	DIR *d = opendir(path);
	if (d) {
		struct dirent *e;
		char sub[512];
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
			struct stat st;
			if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
				remove_tree(sub);
			else
				remove(sub);
		}
		closedir(d);
	}
	rmdir(path);
}

static int setup(bool chinese)
{
	msg_set_chinese(chinese);
	snprintf(tmpdir, sizeof tmpdir, "/tmp/budget-test-view-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int setup_en(void **state)
{
	(void)state;
	return setup(false);
}

static int setup_zh(void **state)
{
	(void)state;
	return setup(true);
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(tmpdir);
	msg_set_chinese(false);
	return 0;
}

/* name inside the temporary folder. */
static void tmp_path(char out[static 256], const char *name)
{
	snprintf(out, 256, "%s/%s", tmpdir, name);
}

/* ---- files ------------------------------------------------------------------------- */

static char *slurp(const char *path)
{
	char *text = fixture_slurp(path);
	if (!text)
		fail_msg("cannot read %s", path);
	return text;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* Copy from to to, with the one occurrence of old replaced by new (a
 * synthetic variant of a real document). */
static void copy_replacing(const char *from, const char *to, const char *old, const char *new)
{
	char *text = slurp(from);
	char *at = strstr(text, old);
	assert_non_null(at);
	assert_null(strstr(at + 1, old));	/* unique: the change is the one meant */
	struct sbuf b = { 0 };
	sbuf_addn(&b, text, (size_t)(at - text));
	sbuf_add(&b, new);
	sbuf_add(&b, at + strlen(old));
	write_text(to, b.s);
	sbuf_free(&b);
	free(text);
}

static void copy_file(const char *from, const char *to)
{
	char *text = slurp(from);
	write_text(to, text);
	free(text);
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* ---- views ---------------------------------------------------------------------------- */

static time_t fixed_clock(void)
{
	return FIXED_TIME;
}

/* A view of path (compared, on c, with the prior-year file old, or with
 * its stated figures when old is NULL) in a cols x rows terminal. */
static struct view *open_view(const char *path, const char *old, int cols, int rows)
{
	struct view_options opt = { 0 };
	opt.snapshot_dir = tmpdir;
	opt.clock = fixed_clock;
	struct view *v = view_new(fixture_file_ok(path), old ? fixture_file_ok(old) : NULL, &opt);
	assert_non_null(v);
	view_resize(v, cols, rows);
	return v;
}

static void press(struct view *v, int key, int times)
{
	for (int i = 0; i < times; i++)
		view_key(v, key);
}

/* :text Enter, and /text Enter. */
static void jump(struct view *v, const char *text)
{
	view_key(v, ':');
	view_type(v, text);
	view_key(v, K_ENTER);
}

static void search(struct view *v, const char *text)
{
	view_key(v, '/');
	view_type(v, text);
	view_key(v, K_ENTER);
}

/* ---- what the view shows ---------------------------------------------------------------- */

/* The current item: its table's label or its part's title. */
static const char *item_name(const struct view *v)
{
	const struct item *it = view_item(v);
	return it->table ? it->table->label : it->part ? it->part->title : "";
}

/* The selected row's name (or the selected section's title). */
static const char *selected(const struct view *v)
{
	const struct item *it = view_item(v);
	const struct row *r = item_row(it);
	const struct section *s = item_section(it);
	return r ? model_row_name(r) : s ? s->title : "";
}

static const char *selected_code(const struct view *v)
{
	const struct row *r = item_row(view_item(v));
	assert_non_null(r);
	return r->code ? r->code : "";
}

static void assert_message(const struct view *v, const char *want)
{
	if (!v->message || strcmp(v->message, want) != 0)
		fail_msg("message is \"%s\", not \"%s\"", v->message ? v->message : "(none)", want);
}

static char *status_text(const struct view *v)
{
	struct sbuf b = { 0 };
	view_status(v, &b);
	sbuf_add(&b, "");
	return sbuf_take(&b);
}

/* Row y of a drawn grid (caller frees). */
static char *grid_line(const struct grid *g, int y)
{
	struct sbuf b = { 0 };
	grid_row_text(g, y, &b);
	sbuf_add(&b, "");
	return sbuf_take(&b);
}

/* The whole screen, rows joined by newlines (caller frees). */
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

/* The screen row holding text inside rectangle r (the part of each row
 * the pane covers), or -1. */
static int pane_row_with(struct view *v, enum pane_id p, const char *text)
{
	struct grid g = { 0 };
	const struct rect r = v->lay.pane[p];
	int found = -1;
	draw_view(v, &g);
	for (int y = r.y; y < r.y + r.h && found < 0; y++) {
		struct sbuf b = { 0 };
		for (int x = r.x; x < r.x + r.w; x++)
			sbuf_add(&b, grid_at(&g, x, y)->text);
		if (b.s && strstr(b.s, text))
			found = y;
		sbuf_free(&b);
	}
	grid_free(&g);
	return found;
}

/* The codes of the visible rows of depth d on the active side, in order,
 * joined by spaces. */
static char *codes_at_depth(const struct view *v, int d)
{
	const struct item *it = view_item(v);
	const struct flat *f = &it->sides[it->side].flat;
	struct sbuf b = { 0 };
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].depth == d)
			sbuf_addf(&b, "%s%s", b.len ? " " : "", f->v[i].row->code);
	sbuf_add(&b, "");
	return sbuf_take(&b);
}

/* The shown row of the current item named name, or NULL. */
static const struct row *shown_row(const struct view *v, const char *name)
{
	const struct item *it = view_item(v);
	for (const struct row *r = model_first_row(it->shown); r; r = model_next_in_table(r))
		if (!strcmp(model_row_name(r), name))
			return r;
	return NULL;
}

/* ---- 1, 2: the start and the panes ------------------------------------------------------ */

static void test_start(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	assert_int_equal(v->focus, PANE_NAV);
	assert_int_equal(v->cur, 0);
	assert_ptr_equal(view_item(v)->part, v->doc->parts);
	assert_ptr_equal(item_section(view_item(v)), v->doc->parts);
	assert_int_equal(v->nitems, DATA_PARTS + 14);
	/* The navigator has the focus mark and the first of 17 selected; the
	 * main pane lists the first part and its sections. */
	struct grid g = { 0 };
	draw_view(v, &g);
	char *top = grid_line(&g, 0);
	assert_non_null(strstr(top, "* Contents"));
	assert_non_null(strstr(top, "1/17"));
	assert_non_null(strstr(top, "第一部分 部门概况"));
	free(top);
	char *line = grid_line(&g, 2);
	assert_non_null(strstr(line, "一、部门主要职责"));
	free(line);
	const struct rect *nav = &v->lay.pane[PANE_NAV];
	assert_true(grid_at(&g, nav->x + 1, nav->y + 1)->flags & CELL_SELECTED);
	grid_free(&g);
	view_free(v);
}

static void test_tab_cycles_panes(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	static const enum pane_id order[] = { PANE_MAIN, PANE_DETAIL, PANE_NAV, PANE_MAIN };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		view_key(v, K_TAB);
		assert_int_equal(v->focus, order[i]);
	}
	view_key(v, K_BTAB);
	assert_int_equal(v->focus, PANE_NAV);
	/* With the detail pane hidden, Tab skips it. */
	view_key(v, 'd');
	assert_false(v->show_detail);
	view_key(v, K_TAB);
	assert_int_equal(v->focus, PANE_MAIN);
	view_key(v, K_TAB);
	assert_int_equal(v->focus, PANE_NAV);
	view_free(v);
}

/* view_type types '\t' as Tab, as the front end reads it. */
static void test_type_tab_is_tab(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	view_type(v, "\t");
	assert_int_equal(v->focus, PANE_MAIN);
	view_free(v);
}

/* ---- 3, 4: moving in the main pane ------------------------------------------------------ */

static void test_down_past_part_goes_on(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	view_key(v, K_TAB);
	press(v, K_DOWN, 2);
	assert_int_equal(v->cur, 0);
	assert_string_equal(selected(v), "二、部门机构设置");
	view_key(v, K_DOWN);	/* past the last section: the next part */
	assert_int_equal(v->cur, 1);
	assert_string_equal(item_name(v), "第二部分 部门主要工作任务和目标");
	assert_int_equal(v->focus, PANE_MAIN);
	/* The last part goes on to the first table. */
	jump(v, "part3");
	view_key(v, K_END);
	view_key(v, K_DOWN);
	assert_string_equal(item_name(v), "表1");
	assert_int_equal(v->cur, DATA_ITEM(1));
	/* A table does not: Down on its last row stays. */
	view_key(v, K_END);
	size_t line = item_cursor_line(view_item(v));
	view_key(v, K_DOWN);
	assert_string_equal(item_name(v), "表1");
	assert_int_equal(item_cursor_line(view_item(v)), line);
	view_free(v);
}

static void test_left_at_root_to_nav(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表3");
	assert_int_equal(v->focus, PANE_MAIN);
	assert_string_equal(selected(v), "总计");
	view_key(v, K_DOWN);
	assert_string_equal(selected_code(v), "201");
	view_key(v, 'h');	/* to the parent */
	assert_string_equal(selected(v), "总计");
	assert_true(item_is_open(view_item(v)));
	view_key(v, K_LEFT);	/* closes it */
	assert_false(item_is_open(view_item(v)));
	assert_int_equal(item_nlines(view_item(v)), 1);
	assert_int_equal(v->focus, PANE_MAIN);
	view_key(v, K_LEFT);	/* at the root: back to the navigator */
	assert_int_equal(v->focus, PANE_NAV);
	assert_string_equal(item_name(v), "表3");
	view_free(v);
}

/* ---- 5: jumps -------------------------------------------------------------------------------- */

static void test_jump_table(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表12");
	assert_string_equal(item_name(v), "表12");
	assert_int_equal(v->cur, DATA_ITEM(12));
	assert_int_equal(v->focus, PANE_MAIN);
	assert_null(v->message);
	jump(v, "5");	/* a table number */
	assert_string_equal(item_name(v), "表5");
	view_free(v);

	v = open_view(JIANGSU, NULL, 80, 24);
	jump(v, "公开05表");
	assert_string_equal(item_name(v), "公开05表");
	jump(v, "12");
	assert_string_equal(item_name(v), "公开12表");
	assert_int_equal(view_item(v)->table->number, 12);
	view_free(v);
}

/* find.c tries a section's title before a table's, so 三公, in both a
 * section title (五、“三公”经费预算情况) and 表12's, goes to the section;
 * words only a table's title holds go to the first such table. */
static void test_jump_title(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "政府采购预算");
	assert_string_equal(item_name(v), "表13");
	jump(v, "三公");
	assert_string_equal(item_name(v), "第三部分 部门预算安排情况说明");
	assert_string_equal(selected(v), "五、“三公”经费预算情况");
	view_free(v);

	v = open_view(JIANGSU, NULL, 80, 24);
	jump(v, "收支预算总表");	/* 公开01表, before 公开04表 财政拨款收支预算总表 */
	assert_string_equal(item_name(v), "公开01表");
	view_free(v);
}

static void test_jump_code(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	/* From a part: the first table in document order holding it, its
	 * parents opened. */
	jump(v, "2010301");
	assert_string_equal(item_name(v), "表3");
	assert_string_equal(selected_code(v), "2010301");
	assert_string_equal(selected(v), "行政运行");
	assert_int_equal(v->focus, PANE_MAIN);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "2010301") > 0, 1);
	/* From a table holding it: that table. */
	jump(v, "表6");
	jump(v, "2010301");
	assert_string_equal(item_name(v), "表6");
	assert_string_equal(selected_code(v), "2010301");
	view_free(v);
}

static void test_jump_unknown(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表3");
	view_key(v, K_DOWN);
	jump(v, "nowhere");
	assert_string_equal(item_name(v), "表3");
	assert_string_equal(selected_code(v), "201");
	assert_message(v, "no table, code or section nowhere");
	assert_screen_has(v, "no table, code or section nowhere");
	view_free(v);
}

/* ---- 6: search ---------------------------------------------------------------------------------- */

static void test_search_steps(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	/* The project's name: its row in 表10, and its lines in 表13 and 表14. */
	search(v, "信息化运维服务经费");
	assert_string_equal(item_name(v), "表10");
	assert_string_equal(selected(v), "信息化运维服务经费");
	assert_int_equal(v->nmatches, 3);
	assert_int_equal(v->match, 0);
	assert_message(v, "match 1 of 3 (3 occurrences)");
	assert_int_equal(v->focus, PANE_MAIN);
	view_key(v, 'n');
	assert_string_equal(item_name(v), "表13");
	assert_message(v, "match 2 of 3");
	view_key(v, 'n');
	assert_string_equal(item_name(v), "表14");
	assert_message(v, "match 3 of 3");
	view_key(v, 'n');
	assert_string_equal(item_name(v), "表10");
	assert_message(v, "search wrapped: match 1 of 3");
	view_key(v, 'N');
	assert_string_equal(item_name(v), "表14");
	assert_message(v, "search wrapped: match 3 of 3");
	view_key(v, 'N');
	assert_string_equal(item_name(v), "表13");
	assert_message(v, "match 2 of 3");
	/* No match: the place stays. */
	search(v, "no such words");
	assert_string_equal(item_name(v), "表13");
	assert_message(v, "no match for no such words");
	view_free(v);
}

static void test_search_project_text(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	search(v, "WEB");	/* only in the project's 项目内容 */
	assert_string_equal(item_name(v), "表10");
	assert_string_equal(selected(v), "信息化运维服务经费");
	assert_int_equal(v->nmatches, 1);
	assert_message(v, "match 1 of 1 (2 occurrences)");
	/* The detail pane is scrolled so its first line holds the hit. */
	const struct item *it = view_item(v);
	assert_true(it->detail_top > 0);
	struct lines ls = { 0 };
	view_detail_lines(v, view_detail_width(v), &ls);
	assert_true((size_t)it->detail_top < ls.n);
	assert_non_null(strstr(ls.v[it->detail_top].text, "WEB"));
	for (int i = 0; i < it->detail_top; i++)
		assert_null(strstr(ls.v[i].text, "WEB"));
	lines_free(&ls);
	assert_int_equal(pane_row_with(v, PANE_DETAIL, "WEB"), v->lay.pane[PANE_DETAIL].y + 1);
	view_free(v);
}

static void test_search_marks_cells(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	search(v, "web");	/* case does not matter */
	struct grid g = { 0 };
	draw_view(v, &g);
	int y = v->lay.pane[PANE_DETAIL].y + 1, marked = 0, words = 0;
	for (int x = 0; x < g.cols; x++) {
		const struct grid_cell *c = grid_at(&g, x, y);
		if (c->flags & CELL_MATCH) {
			marked++;
			assert_non_null(strchr("WEB", c->text[0]));
		}
		if (!strcmp(c->text, "W") && x + 2 < g.cols && !strcmp(grid_at(&g, x + 1, y)->text, "E")) {
			words++;
			assert_true(c->flags & CELL_MATCH);
			assert_true(grid_at(&g, x + 2, y)->flags & CELL_MATCH);
			assert_false(grid_at(&g, x - 1, y)->flags & CELL_MATCH);
			assert_false(grid_at(&g, x + 3, y)->flags & CELL_MATCH);
		}
	}
	assert_int_equal(words, 2);
	assert_int_equal(marked, 6);
	/* Nothing else on screen is marked. */
	int elsewhere = 0;
	for (int yy = 0; yy < g.rows; yy++)
		for (int x = 0; x < g.cols && yy != y; x++)
			elsewhere += (grid_at(&g, x, yy)->flags & CELL_MATCH) != 0;
	assert_int_equal(elsewhere, 0);
	grid_free(&g);
	view_free(v);
}

/* ---- 7: failing checks ------------------------------------------------------------------------- */

static void test_next_failing(void **state)
{
	(void)state;
	char path[256];
	tmp_path(path, "failing.yaml");
	/* Synthetic: data/budget.yaml with 表9's 30302 退休费 0.01 higher, so
	 * its parent 303 no longer equals the sum of its children. */
	copy_replacing(DATA, path, "\"[50905]离退休费\", 209.78]", "\"[50905]离退休费\", 209.79]");
	struct view *v = open_view(path, NULL, 80, 24);
	assert_int_equal(v->checks.failed, 1);
	view_key(v, '!');
	assert_string_equal(item_name(v), "表9");
	assert_string_equal(selected_code(v), "303");
	assert_string_equal(selected(v), "对个人和家庭的补助");
	assert_int_equal(v->focus, PANE_MAIN);
	assert_null(v->message);
	char *st = status_text(v);
	assert_true(starts_with(st, "1 check"));	/* the count of failing checks */
	free(st);
	/* Again: the only one, found again from the top. */
	view_key(v, '!');
	assert_string_equal(selected_code(v), "303");
	assert_message(v, "failing checks wrapped to the first");
	view_free(v);
}

static void test_next_failing_none(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	assert_int_equal(v->checks.failed, 0);
	jump(v, "表4");
	view_key(v, '!');
	assert_string_equal(item_name(v), "表4");
	assert_message(v, "no check fails");
	view_free(v);
}

/* ---- 8, 9: columns and sides --------------------------------------------------------------- */

/* The main pane's title row (caller frees). */
static char *main_title(struct view *v)
{
	struct grid g = { 0 };
	draw_view(v, &g);
	char *t = grid_line(&g, v->lay.pane[PANE_MAIN].y);
	grid_free(&g);
	return t;
}

/* 表13 has 12 data columns, more than 80 columns show: the window moves
 * one column a key, as far as its last column and back. */
static void test_column_window(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表13");
	const struct side_view *sv = &view_item(v)->sides[0];
	char *title = main_title(v);
	assert_non_null(strstr(title, " 1-"));
	assert_non_null(strstr(title, "/12›"));
	free(title);
	view_key(v, '<');
	assert_int_equal(sv->first_col, 0);
	assert_message(v, "the first column is in view");
	view_key(v, '>');
	assert_int_equal(sv->first_col, 1);
	assert_null(v->message);
	title = main_title(v);
	assert_non_null(strstr(title, "‹2-"));
	free(title);
	/* On to the end: one column a key until the last is in view. */
	size_t steps = 1;
	while (steps < 12) {
		view_key(v, '>');
		if (v->message)
			break;
		steps++;
		assert_int_equal(sv->first_col, steps);
	}
	assert_message(v, "the last column is in view");
	assert_true(steps > 2 && steps < 12);
	assert_int_equal(sv->first_col, steps);
	char want[32];
	snprintf(want, sizeof want, "‹%zu-12/12 ", steps + 1);
	title = main_title(v);
	assert_non_null(strstr(title, want));
	free(title);
	view_key(v, '>');
	assert_int_equal(sv->first_col, steps);
	assert_message(v, "the last column is in view");
	/* And back to the start. */
	view_key(v, '<');
	assert_int_equal(sv->first_col, steps - 1);
	assert_null(v->message);
	press(v, '<', (int)steps - 1);
	assert_int_equal(sv->first_col, 0);
	assert_null(v->message);
	view_key(v, '<');
	assert_int_equal(sv->first_col, 0);
	assert_message(v, "the first column is in view");
	view_free(v);
}

/* The rows of 公开01表's side s, fully open. */
static size_t side_rows(const struct view *v, size_t s)
{
	return view_item(v)->sides[s].flat.n;
}

static void test_sides_next(void **state)
{
	(void)state;
	struct view *v = open_view(JIANGSU, NULL, 80, 24);
	jump(v, "公开01表");
	view_key(v, '*');
	struct item *it = view_item(v);
	assert_int_equal(it->nsides, 3);
	assert_true(it->single);	/* they do not fit side by side */
	assert_int_equal(it->side, 0);
	assert_int_equal(item_nlines(it), side_rows(v, 0));
	assert_int_equal(item_nlines(it), 8);
	assert_screen_has(v, "收入 (1/3 { })");
	assert_screen_has(v, "一、财政拨款");
	assert_screen_lacks(v, "一、一般公共服务支出");

	view_key(v, '}');
	assert_int_equal(it->side, 1);
	assert_int_equal(item_nlines(it), side_rows(v, 1));
	assert_int_equal(item_nlines(it), 23);
	assert_ptr_equal(item_row(it)->side, &it->shown->sides[1]);
	assert_screen_has(v, "支出 · 功能分类 (2/3 { })");
	/* The row printed on the cursor's line: 当年收入小计 | 当年支出小计. */
	assert_string_equal(item_row(it)->labels[0], "当年支出小计");
	assert_screen_has(v, "当年支出小计");
	assert_screen_lacks(v, "一、财政拨款");

	view_key(v, '}');
	assert_int_equal(it->side, 2);
	assert_int_equal(item_nlines(it), side_rows(v, 2));
	assert_int_equal(item_nlines(it), 3);
	assert_screen_has(v, "支出 · 支出用途 (3/3 { })");
	assert_screen_has(v, "三、单位预留机动经费");

	view_key(v, '}');	/* wraps */
	assert_int_equal(it->side, 0);
	assert_int_equal(item_nlines(it), 8);

	/* A one-sided table says so. */
	jump(v, "公开05表");
	view_key(v, '}');
	assert_message(v, "this table has one side");
	view_free(v);
}

/* { goes to the previous side, wrapping, on a table with three sides. */
static void test_sides_prev(void **state)
{
	(void)state;
	struct view *v = open_view(JIANGSU, NULL, 80, 24);
	jump(v, "公开01表");
	struct item *it = view_item(v);
	view_key(v, '{');	/* wraps back to the last side */
	assert_int_equal(it->side, 2);
	view_key(v, '{');
	assert_int_equal(it->side, 1);
	view_key(v, '{');
	assert_int_equal(it->side, 0);
	view_free(v);
}

static void test_sides_side_by_side(void **state)
{
	(void)state;
	struct view *v = open_view(JIANGSU, NULL, 250, 40);
	jump(v, "公开01表");
	view_key(v, '*');
	struct item *it = view_item(v);
	assert_false(it->single);
	/* The lines are the sides' rows aligned as printed: the longest side's
	 * 23, and every side has rows on screen. */
	assert_int_equal(item_nlines(it), it->lines.nlines);
	assert_int_equal(item_nlines(it), 23);
	int y = pane_row_with(v, PANE_MAIN, "收入");
	assert_true(y > 0);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "支出 · 功能分类"), y);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "支出 · 支出用途"), y);
	int row = pane_row_with(v, PANE_MAIN, "一、财政拨款");
	assert_true(row > y);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "一、一般公共服务支出"), row);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "一、基本支出"), row);
	assert_screen_lacks(v, "(1/3 { })");
	/* } still moves the cursor to the next side. */
	view_key(v, '}');
	assert_int_equal(it->side, 1);
	assert_int_equal(item_nlines(it), 23);
	view_free(v);
}

/* ---- 10, 11: sort and shares --------------------------------------------------------------- */

static void test_sort(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表3");
	struct item *it = view_item(v);
	char *c = codes_at_depth(v, 1);
	assert_string_equal(c, "201 206 208 210 221");	/* document order */
	free(c);

	view_key(v, 's');
	assert_int_equal(it->sort.mode, SORT_NAME);
	c = codes_at_depth(v, 1);
	assert_string_equal(c, "201 206 208 210 221");	/* by code, then name */
	free(c);
	c = status_text(v);
	assert_string_equal(c, "sort: name");
	free(c);

	view_key(v, 'S');
	assert_true(it->sort.reverse);
	c = codes_at_depth(v, 1);
	assert_string_equal(c, "221 210 208 206 201");
	free(c);
	c = status_text(v);
	assert_string_equal(c, "sort: name, reversed");
	free(c);
	view_key(v, 'S');
	assert_false(it->sort.reverse);

	view_key(v, 's');
	assert_int_equal(it->sort.mode, SORT_AMOUNT);
	c = codes_at_depth(v, 1);
	assert_string_equal(c, "201 221 208 206 210");	/* 2537.30 748.90 298.28 60.58 31.92 */
	free(c);
	view_key(v, 'S');
	c = codes_at_depth(v, 1);
	assert_string_equal(c, "210 206 208 221 201");
	free(c);

	/* Change and rate need a comparison: back to document order. */
	view_key(v, 's');
	assert_int_equal(it->sort.mode, SORT_NONE);
	c = status_text(v);
	assert_string_equal(c, "");
	free(c);
	/* The cursor stays on its row through every order. */
	assert_string_equal(selected(v), "总计");

	/* Comparing, the cycle goes on to change and rate. */
	view_key(v, 'c');
	press(v, 's', 3);
	assert_int_equal(it->sort.mode, SORT_CHANGE);
	view_key(v, 's');
	assert_int_equal(it->sort.mode, SORT_RATE);
	view_free(v);
}

static void test_shares(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 120, 40);
	jump(v, "表3");
	assert_int_equal(v->shares, SHARES_BARS);
	int y = pane_row_with(v, PANE_MAIN, "一般公共服务支出");
	assert_true(y > 0);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "[###"), y);	/* 69% of 总计 */
	assert_int_equal(pane_row_with(v, PANE_MAIN, "69.0%"), -1);
	view_key(v, '%');
	assert_int_equal(v->shares, SHARES_PERCENT);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "69.0%"), y);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "[#"), -1);
	view_key(v, '%');
	assert_int_equal(v->shares, SHARES_BOTH);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "[#######   ]   69.0%"), y);
	view_key(v, '%');
	assert_int_equal(v->shares, SHARES_BARS);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "69.0%"), -1);
	/* b hides them; % shows them again. */
	view_key(v, 'b');
	assert_false(v->bars);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "[#"), -1);
	view_key(v, '%');
	assert_true(v->bars);
	assert_int_equal(v->shares, SHARES_PERCENT);
	view_free(v);
}

/* At 60 columns and more the bars mode draws the wide bar. */
static void test_wide_bars(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 120, 40);
	jump(v, "表3");
	assert_true(v->lay.pane[PANE_MAIN].w > 61);
	int y = pane_row_with(v, PANE_MAIN, "一般公共服务支出");
	assert_true(y > 0);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "[#######   ]"), y);
	view_free(v);
}

/* ---- 12: comparing ---------------------------------------------------------------------------- */

static void test_compare_stated(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表12");
	view_key(v, '*');
	assert_false(v->comparing);
	view_key(v, 'c');
	assert_true(v->comparing);
	assert_message(v, "compared with the prior-year figures stated");
	const struct item *it = view_item(v);
	assert_non_null(it->shown->derived);
	assert_ptr_not_equal(it->shown, it->table);
	char *st = status_text(v);
	assert_string_equal(st, "6 rows with a stated prior-year figure");
	free(st);
	/* 公务用车购置费: 18.00 this year, no stated prior figure. */
	const struct row *r = shown_row(v, "1. 公务用车购置费");
	assert_non_null(r);
	const struct derived_row *d = compare_derived_row(r);
	assert_non_null(d);
	assert_non_null(d->cur);
	assert_null(d->prior);
	int64_t x;
	int cur = compare_column_of(r->side, DF_CUR), prior = compare_column_of(r->side, DF_PRIOR);
	assert_true(cur >= 0 && prior >= 0);
	assert_true(model_cell_number(r, (size_t)cur, &x));
	assert_int_equal(x, 1800);
	assert_false(model_cell_number(r, (size_t)prior, &x));
	int y = pane_row_with(v, PANE_MAIN, "1. 公务用车购");
	assert_true(y > 0);
	struct grid g = { 0 };
	draw_view(v, &g);
	char *line = grid_line(&g, y);
	const char *after = strstr(line, "18.00");
	assert_non_null(after);
	for (int i = 0; i < 3; i++) {	/* 上年, 增减, 增减率: absent */
		after = strstr(after, "—");
		assert_non_null(after);
		after += strlen("—");
	}
	assert_null(strstr(line, "0.00"));
	free(line);
	grid_free(&g);
	/* Another with a stated figure. */
	r = shown_row(v, "行政经费");
	assert_non_null(r);
	assert_true(model_cell_number(r, (size_t)prior, &x));
	assert_int_equal(x, 30327);

	view_key(v, 'c');
	assert_false(v->comparing);
	assert_message(v, "comparison off");
	assert_ptr_equal(view_item(v)->shown, view_item(v)->table);
	view_free(v);
}

static void test_compare_column(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表12");
	view_key(v, 'c');
	struct item *it = view_item(v);
	assert_non_null(strstr(it->shown->title, "合计"));
	view_key(v, 'C');
	assert_string_equal(it->column, "general_public");
	assert_message(v, "column: 一般公共预算");
	assert_non_null(strstr(it->shown->title, "一般公共预算"));
	assert_non_null(it->shown->derived);
	/* The document states no prior figures for that column. */
	char *st = status_text(v);
	assert_string_equal(st, "0 rows with a stated prior-year figure");
	free(st);
	view_key(v, 'C');
	assert_message(v, "column: 政府性基金预算");
	assert_non_null(strstr(it->shown->title, "政府性基金预算"));
	view_free(v);
}

static void test_compare_file(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, PRIOR, 120, 40);
	/* A table only the prior year has is listed only while comparing. */
	assert_int_equal(v->nprior, 1);
	assert_false(view_item_listed(v, v->nitems - 1));
	jump(v, "表3");
	view_key(v, '*');
	view_key(v, 'c');
	assert_message(v, "compared with tests/fixtures/prior-2019.yaml (2019)");
	assert_true(view_item_listed(v, v->nitems - 1));
	assert_screen_has(v, "表15 上年专有的合成表");
	/* 2010302 is the prior year's only: it stands where it stood, dropped. */
	const struct row *r = shown_row(v, "一般行政管理事务");
	assert_non_null(r);
	const struct derived_row *d = compare_derived_row(r);
	assert_null(d->cur);
	assert_non_null(d->prior);
	assert_string_equal(r->code, "2010302");
	int y = pane_row_with(v, PANE_MAIN, "2010302");
	assert_true(y > 0);
	assert_int_equal(pane_row_with(v, PANE_MAIN, "12.00"), y);
	/* Marked D (dropped) before its code. */
	struct grid g = { 0 };
	draw_view(v, &g);
	char *line = grid_line(&g, y);
	char *code = strstr(line, "2010302");
	while (code > line && code[-1] == ' ')
		code--;
	assert_true(code > line && code[-1] == 'D');
	free(line);
	grid_free(&g);
	char *st = status_text(v);
	assert_non_null(strstr(st, "dropped"));
	assert_non_null(strstr(st, "1 dropped"));
	free(st);
	view_key(v, 'c');
	assert_false(view_item_listed(v, v->nitems - 1));
	view_free(v);
}

/* ---- 13: reload ----------------------------------------------------------------------------------- */

static void test_reload(void **state)
{
	(void)state;
	char path[256];
	tmp_path(path, "budget.yaml");
	copy_file(DATA, path);
	struct view *v = open_view(path, NULL, 80, 24);
	jump(v, "30302");
	assert_string_equal(item_name(v), "表9");
	assert_string_equal(selected_code(v), "30302");
	view_key(v, 'R');
	assert_message(v, "the files have not changed");
	assert_screen_has(v, "209.78");

	/* Synthetic change: another figure, one byte longer. */
	copy_replacing(DATA, path, "\"[50905]离退休费\", 209.78]", "\"[50905]离退休费\", 1209.78]");
	const struct document *before = v->doc;
	view_key(v, 'R');
	assert_message(v, "reloaded");
	assert_ptr_not_equal(v->doc, before);
	assert_string_equal(item_name(v), "表9");
	assert_string_equal(selected_code(v), "30302");
	assert_int_equal(v->focus, PANE_MAIN);
	int64_t x;
	assert_true(model_cell_number(item_row(view_item(v)), 1, &x));
	assert_int_equal(x, 120978);
	assert_screen_has(v, "1209.78");
	assert_int_equal(v->checks.failed, 1);	/* its parent no longer adds up */
	view_key(v, 'R');
	assert_message(v, "the files have not changed");
	view_free(v);
}

static void test_reload_fifo(void **state)
{
	(void)state;
	char path[256];
	tmp_path(path, "budget.yaml");
	copy_file(DATA, path);
	struct view *v = open_view(path, NULL, 80, 24);
	jump(v, "表9");
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkfifo(path, 0600), 0);
	/* A reload that opened the FIFO for reading would wait for a writer
	 * forever: the alarm ends the test instead. */
	alarm(10);
	view_key(v, 'R');
	alarm(0);
	assert_non_null(v->message);
	assert_true(starts_with(v->message, "not reloaded: "));
	assert_non_null(strstr(v->message, "not a regular file (FIFO)"));
	assert_string_equal(item_name(v), "表9");
	assert_int_equal(v->doc->ntables, 14);
	view_free(v);
}

/* ---- 14: the prompt ------------------------------------------------------------------------------ */

/* ---- 14: several departments ---------------------------------------------------------------- */

/* Files or directories as a set (a NULL-ended list): the city (the
 * department level), then each department. */
static struct view *open_set(const char *const *paths)
{
	struct docset *set = xcalloc(1, sizeof *set);
	for (; *paths; paths++)
		docset_add(set, *paths);
	docset_sort(set);
	assert_int_equal(set->nerrors, 0);
	struct view_options opt = { 0 };
	opt.snapshot_dir = tmpdir;
	opt.clock = fixed_clock;
	struct view *v = view_new_set(set, city_build(set), &opt);
	view_resize(v, 80, 24);
	return v;
}

static const char *department(const struct view *v)
{
	return view_document(v, v->at)->department;
}

static void focus_nav(struct view *v)
{
	for (int i = 0; i < 3 && v->focus != PANE_NAV; i++)
		view_key(v, K_TAB);
	assert_int_equal(v->focus, PANE_NAV);
}

/* A department left and opened again is as it was left (its table's open
 * rows and cursor), and the city's cursor is still on the department the
 * way back came from. */
static void test_department_kept(void **state)
{
	(void)state;
	struct view *v = open_set((const char *const[]){ DATA, JIANGSU, NULL });
	view_key(v, K_TAB);
	press(v, K_DOWN, 3);	/* 2020, 广州市信访局, 2019, 江苏省政协办公厅 */
	assert_string_equal(selected(v), "江苏省政协办公厅");
	view_key(v, K_ENTER);
	assert_string_equal(department(v), "江苏省政协办公厅");
	jump(v, "公开07表");
	assert_string_equal(item_name(v), "公开07表");
	press(v, K_DOWN, 2);
	view_key(v, K_ENTER);	/* open or close the row under the cursor */
	press(v, K_DOWN, 1);
	char *was = xstrdup(selected(v));
	size_t lines = item_nlines(view_item(v));

	view_key(v, 'c');	/* compared from here on, the city too */
	focus_nav(v);
	view_key(v, K_LEFT);	/* back up to all departments */
	assert_int_equal(v->at, 0);
	assert_string_equal(selected(v), "江苏省政协办公厅");
	assert_ptr_not_equal(view_item(v)->shown, view_item(v)->table);
	view_key(v, 'c');
	assert_ptr_equal(view_item(v)->shown, view_item(v)->table);
	assert_string_equal(selected(v), "江苏省政协办公厅");
	view_key(v, K_TAB);
	view_key(v, K_ENTER);
	assert_string_equal(department(v), "江苏省政协办公厅");
	jump(v, "公开07表");
	assert_string_equal(selected(v), was);
	assert_int_equal(item_nlines(view_item(v)), lines);
	free(was);
	view_free(v);
}

/* R in a set: the files read again and the sums made again; the
 * department shown stays shown, on the same row; a file that no longer
 * loads is named in the status and left out. */
static void test_reload_set(void **state)
{
	(void)state;
	char a[256], b[256];
	tmp_path(a, "a.yaml");
	tmp_path(b, "b.yaml");
	copy_file(DATA, a);
	copy_file(JIANGSU, b);
	struct view *v = open_set((const char *const[]){ tmpdir, NULL });
	assert_int_equal(view_ndocuments(v), 3);
	view_key(v, K_TAB);
	press(v, K_DOWN, 1);	/* 2020, 广州市信访局 */
	assert_string_equal(selected(v), "广州市信访局");
	view_key(v, K_ENTER);
	jump(v, "30302");
	assert_string_equal(item_name(v), "表9");

	/* Synthetic change: another figure. */
	copy_replacing(DATA, a, "\"[50905]离退休费\", 209.78]", "\"[50905]离退休费\", 1209.78]");
	view_key(v, 'R');
	assert_message(v, "reloaded: 2 files, the sums made again");
	assert_string_equal(department(v), "广州市信访局");
	assert_string_equal(item_name(v), "表9");
	assert_string_equal(selected_code(v), "30302");
	int64_t x;
	assert_true(model_cell_number(item_row(view_item(v)), 1, &x));
	assert_int_equal(x, 120978);
	focus_nav(v);
	view_key(v, K_LEFT);
	assert_int_equal(v->at, 0);
	assert_string_equal(selected(v), "广州市信访局");

	/* The file broken: left out, and said. */
	write_text(a, "schema: 2\nthis is not a budget\n");
	view_key(v, 'R');
	assert_message(v, "1 of 2 files did not load (budget --check names them)");
	assert_int_equal(view_ndocuments(v), 2);
	assert_string_equal(view_document(v, 1)->department, "江苏省政协办公厅");
	view_free(v);
}

static void test_prompt(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	assert_false(view_cancel_prompt(v));
	view_key(v, ':');
	assert_int_equal(v->prompt.kind, ':');
	view_type(v, "表12");
	assert_string_equal(v->prompt.input.s, "表12");
	struct grid g = { 0 };
	draw_view(v, &g);
	char *last = grid_line(&g, g.rows - 1);
	assert_string_equal(last, ":表12");
	free(last);
	assert_int_equal(g.cursor_y, g.rows - 1);
	assert_int_equal(g.cursor_x, 1 + 4);	/* 表 is two columns wide */
	grid_free(&g);
	press(v, K_BACKSPACE, 2);
	assert_string_equal(v->prompt.input.s, "表");
	view_key(v, K_BACKSPACE);	/* the whole of 表, three bytes */
	assert_string_equal(v->prompt.input.s, "");
	assert_int_equal(v->prompt.kind, ':');
	view_type(v, "j");	/* typed, not moved */
	assert_string_equal(v->prompt.input.s, "j");
	assert_int_equal(v->cur, 0);
	assert_true(view_cancel_prompt(v));
	assert_int_equal(v->prompt.kind, 0);
	assert_false(view_cancel_prompt(v));
	assert_int_equal(v->cur, 0);
	/* Esc closes it too, and nothing is jumped to. */
	view_key(v, '/');
	view_type(v, "表");
	view_key(v, K_ESC);
	assert_int_equal(v->prompt.kind, 0);
	assert_null(v->query);
	/* Backspace on an empty prompt closes it. */
	view_key(v, ':');
	view_key(v, K_BACKSPACE);
	assert_int_equal(v->prompt.kind, 0);
	assert_int_equal(v->cur, 0);
	assert_int_equal(v->focus, PANE_NAV);
	view_free(v);
}

/* ---- 15: the detail pane scrolls to its end -------------------------------------------------- */

static void test_detail_end_visible(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	search(v, "信息化运维服务经费");
	view_key(v, K_TAB);
	assert_int_equal(v->focus, PANE_DETAIL);
	view_key(v, K_END);
	struct lines ls = { 0 };
	view_detail_lines(v, view_detail_width(v), &ls);
	assert_true(ls.n > (size_t)v->lay.pane[PANE_DETAIL].h);
	const char *end = ls.v[ls.n - 1].text;
	assert_non_null(strstr(end, "Check: adds up"));
	const struct rect *r = &v->lay.pane[PANE_DETAIL];
	/* The last line is the pane's last row, in the drawn grid. */
	assert_int_equal(pane_row_with(v, PANE_DETAIL, "Check: adds up"), r->y + r->h - 1);
	assert_int_equal(view_item(v)->detail_top, (int)ls.n - (r->h - 1));
	assert_screen_has(v, "100%");
	/* The project's 表14 line is above, scrolled away; Home brings the top. */
	assert_int_equal(pane_row_with(v, PANE_DETAIL, "服务外包"), -1);
	view_key(v, K_HOME);
	assert_int_equal(view_item(v)->detail_top, 0);
	assert_int_equal(pane_row_with(v, PANE_DETAIL, "Check: adds up"), -1);
	lines_free(&ls);
	view_free(v);
}

/* ---- 16: the mouse ------------------------------------------------------------------------------- */

static void test_mouse_click(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	const struct rect nav = v->lay.pane[PANE_NAV];
	/* The navigator's line of 表3 (after the three parts and 表1, 表2). */
	view_mouse(v, MOUSE_CLICK, nav.x + 2, nav.y + 1 + DATA_ITEM(3));
	assert_string_equal(item_name(v), "表3");
	assert_int_equal(v->focus, PANE_NAV);
	/* A click in the main pane focuses it and selects the line. */
	int y = pane_row_with(v, PANE_MAIN, "科学技术支出");
	assert_true(y > 0);
	view_mouse(v, MOUSE_CLICK, v->lay.pane[PANE_MAIN].x + 4, y);
	assert_int_equal(v->focus, PANE_MAIN);
	assert_string_equal(selected_code(v), "206");
	assert_false(item_is_open(view_item(v)));
	/* A click on the selected row opens it. */
	view_mouse(v, MOUSE_CLICK, v->lay.pane[PANE_MAIN].x + 4, y);
	assert_true(item_is_open(view_item(v)));
	assert_string_equal(selected_code(v), "206");
	/* Below the last item of the navigator: nothing changes. */
	view_mouse(v, MOUSE_CLICK, nav.x + 2, nav.y + nav.h - 1);
	assert_string_equal(item_name(v), "表3");
	view_free(v);
}

static void test_mouse_wheel(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表3");
	view_key(v, '*');
	view_key(v, K_TAB);	/* to the detail pane */
	assert_int_equal(v->focus, PANE_DETAIL);
	const struct rect main = v->lay.pane[PANE_MAIN];
	struct item *it = view_item(v);
	assert_int_equal(item_cursor_line(it), 0);
	view_mouse(v, MOUSE_WHEEL_DOWN, main.x + 5, main.y + 3);
	assert_int_equal(item_cursor_line(it), 3);
	assert_int_equal(v->focus, PANE_DETAIL);	/* the wheel does not take the focus */
	view_mouse(v, MOUSE_WHEEL_DOWN, main.x + 5, main.y + 3);
	assert_int_equal(item_cursor_line(it), 6);
	view_mouse(v, MOUSE_WHEEL_UP, main.x + 5, main.y + 3);
	assert_int_equal(item_cursor_line(it), 3);
	/* Over the navigator it moves the selection there. */
	const struct rect nav = v->lay.pane[PANE_NAV];
	view_mouse(v, MOUSE_WHEEL_DOWN, nav.x + 1, nav.y + 2);
	assert_string_equal(item_name(v), "表6");
	view_free(v);
}

/* ---- 17, 18: help and a small terminal ------------------------------------------------------ */

static void test_help(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	view_key(v, '?');
	assert_int_equal(v->help, 1);
	assert_screen_has(v, "budget: keys (? again: what the symbols mean)");
	view_key(v, '?');
	assert_int_equal(v->help, 2);
	assert_screen_has(v, "budget: what the symbols mean (? again: close)");
	view_key(v, '?');
	assert_int_equal(v->help, 0);
	assert_screen_has(v, "Contents");
	/* q closes the help and does not quit. */
	view_key(v, '?');
	int flags = view_key(v, 'q');
	assert_int_equal(v->help, 0);
	assert_false(flags & VIEW_QUIT);
	view_key(v, K_F1);
	assert_int_equal(v->help, 1);
	view_key(v, K_ESC);
	assert_int_equal(v->help, 0);
	/* Outside the help q quits. */
	assert_true(view_key(v, 'q') & VIEW_QUIT);
	view_free(v);
}

static void test_help_swallows_keys(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表13");
	view_key(v, '?');
	view_key(v, 'c');
	view_key(v, '>');
	view_key(v, ']');
	view_key(v, 's');
	view_key(v, ':');
	assert_int_equal(v->help, 1);
	assert_false(v->comparing);
	assert_int_equal(view_item(v)->sides[0].first_col, 0);
	assert_string_equal(item_name(v), "表13");
	assert_int_equal(view_item(v)->sort.mode, SORT_NONE);
	assert_int_equal(v->prompt.kind, 0);
	/* j scrolls the help, not the table. */
	view_key(v, 'j');
	assert_int_equal(v->help_top, 1);
	assert_int_equal(item_cursor_line(view_item(v)), 0);
	view_free(v);
}

static void test_too_small(void **state)
{
	(void)state;
	struct view *v = open_view(DATA, NULL, 30, 10);
	assert_int_equal(v->lay.mode, LAYOUT_TOO_SMALL);
	assert_screen_has(v, "terminal too small");
	assert_screen_has(v, "30x10 < 40x12");
	assert_screen_has(v, "q: quit");
	assert_screen_lacks(v, "Contents");
	/* Keys do nothing but quit. */
	assert_int_equal(view_key(v, 'j'), 0);
	assert_int_equal(view_key(v, ']'), 0);
	assert_int_equal(v->cur, 0);
	assert_true(view_key(v, 'q') & VIEW_QUIT);
	/* Grown again: the panes come back. */
	view_resize(v, 40, 12);
	assert_int_equal(v->lay.mode != LAYOUT_TOO_SMALL, 1);
	assert_screen_lacks(v, "terminal too small");
	view_free(v);
}

/* ---- 19: snapshots ------------------------------------------------------------------------------- */

static void test_snapshot(void **state)
{
	(void)state;
	char first[256], second[256], want[300];
	tmp_path(first, "budget-t12-" FIXED_STAMP ".txt");
	tmp_path(second, "budget-t12-" FIXED_STAMP "-2.txt");
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表12");
	view_key(v, 'p');
	snprintf(want, sizeof want, "wrote %s", first);
	assert_message(v, want);
	char *text = slurp(first);
	assert_true(starts_with(text, "Snapshot: 2020年广州市信访局部门预算\n"));
	assert_non_null(strstr(text, "Table: 表12  财政拨款安排的行政经费及“三公”经费预算表\n"));
	assert_non_null(strstr(text, "Time: 2020-01-01 09:20:00\n"));
	assert_non_null(strstr(text, "行政经费"));
	/* In the same second: a new name, the first file untouched. */
	view_key(v, 'p');
	snprintf(want, sizeof want, "wrote %s", second);
	assert_message(v, want);
	assert_true(exists(second));
	char *again = slurp(first);
	assert_string_equal(again, text);
	free(again);
	free(text);
	view_free(v);
}

static void test_snapshot_never_overwrites(void **state)
{
	(void)state;
	char taken[256], want[300];
	tmp_path(taken, "budget-t13-" FIXED_STAMP ".txt");
	write_text(taken, "someone else's file\n");
	struct view *v = open_view(DATA, NULL, 80, 24);
	jump(v, "表13");
	view_key(v, 'p');
	char path[256];
	tmp_path(path, "budget-t13-" FIXED_STAMP "-2.txt");
	snprintf(want, sizeof want, "wrote %s", path);
	assert_message(v, want);
	char *text = slurp(taken);
	assert_string_equal(text, "someone else's file\n");
	free(text);
	/* A folder that cannot take it: a message, no file. */
	v->opt.snapshot_dir = "/nonexistent/budget-test";
	view_key(v, 'p');
	assert_non_null(v->message);
	assert_null(strstr(v->message, "wrote"));
	assert_non_null(strstr(v->message, "/nonexistent/budget-test/budget-t13-" FIXED_STAMP ".txt"));
	view_free(v);
}

/* ---- 20, 21: an empty document, and Chinese ----------------------------------------------- */

static void test_empty_document(void **state)
{
	(void)state;
	char path[256];
	tmp_path(path, "empty.yaml");
	write_text(path,
		   "# Synthetic: the header fields only, no narrative and no tables.\n"
		   "schema: 2\n"
		   "document:\n"
		   "  department: 测试局\n"
		   "  year: 2020\n"
		   "  unit: 万元\n"
		   "  title: 空文件\n"
		   "tables: []\n");
	struct view *v = open_view(path, NULL, 80, 24);
	assert_int_equal(v->nitems, 0);
	assert_null(view_item(v)->table);
	assert_null(view_item(v)->part);
	assert_null(item_row(view_item(v)));
	assert_null(item_section(view_item(v)));
	assert_screen_has(v, view_empty_text());
	assert_screen_has(v, "this document has no tables or narrative");
	assert_screen_has(v, "Contents     0/0");
	assert_screen_has(v, "测试局 2020 万元");
	/* Keys find nothing to act on, and say so where it matters. */
	press(v, K_DOWN, 3);
	view_key(v, K_TAB);
	view_key(v, K_END);
	view_key(v, '>');
	view_key(v, '!');
	assert_message(v, "no check fails");
	search(v, "x");
	assert_message(v, "no match for x");
	view_key(v, 'p');
	assert_message(v, "this document has no tables or narrative");
	jump(v, "1");
	assert_message(v, "no table, code or section 1");
	assert_int_equal(v->cur, 0);
	view_free(v);
}

static void test_chinese(void **state)
{
	(void)state;
	assert_true(msg_is_chinese());
	struct view *v = open_view(DATA, NULL, 80, 24);
	struct grid g = { 0 };
	draw_view(v, &g);
	char *top = grid_line(&g, 0);
	assert_non_null(strstr(top, "* 目录"));
	assert_non_null(strstr(top, "深度 1"));
	free(top);
	grid_free(&g);
	jump(v, "nowhere");
	assert_message(v, "没有名为 nowhere 的表、编码或章节");
	jump(v, "表12");
	view_key(v, 'c');
	assert_message(v, "与本文件所述上年数对比");
	assert_screen_has(v, "与本文件所述上年数对比");
	view_key(v, 's');
	char *st = status_text(v);
	assert_string_equal(st, "排序：名称  6 行有本文件所述的上年数");
	free(st);
	assert_screen_has(v, "排序：名称");
	view_free(v);
}

int main(void)
{
	text_init();
	/* Snapshot names and times are local time: make them UTC. */
	setenv("TZ", "UTC", 1);
	tzset();
#define T(f) cmocka_unit_test_setup_teardown(f, setup_en, teardown)
	const struct CMUnitTest tests[] = {
		T(test_start),
		T(test_tab_cycles_panes),
		T(test_type_tab_is_tab),
		T(test_down_past_part_goes_on),
		T(test_left_at_root_to_nav),
		T(test_jump_table),
		T(test_jump_title),
		T(test_jump_code),
		T(test_jump_unknown),
		T(test_search_steps),
		T(test_search_project_text),
		T(test_search_marks_cells),
		T(test_next_failing),
		T(test_next_failing_none),
		T(test_column_window),
		T(test_sides_next),
		T(test_sides_prev),
		T(test_sides_side_by_side),
		T(test_sort),
		T(test_shares),
		T(test_wide_bars),
		T(test_compare_stated),
		T(test_compare_column),
		T(test_compare_file),
		T(test_reload),
		T(test_reload_fifo),
		T(test_department_kept),
		T(test_reload_set),
		T(test_prompt),
		T(test_detail_end_visible),
		T(test_mouse_click),
		T(test_mouse_wheel),
		T(test_help),
		T(test_help_swallows_keys),
		T(test_too_small),
		T(test_snapshot),
		T(test_snapshot_never_overwrites),
		T(test_empty_document),
		cmocka_unit_test_setup_teardown(test_chinese, setup_zh, teardown),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
