/* test_screens.c: whole-screen goldens, as tig's tests keep them.  Each
 * scenario opens a document in a view of a fixed size and language, types
 * its keys, draws the view into a grid and compares every row of it with
 * tests/screens/NAME.txt.  UPDATE=1 rewrites the files (review the diff).
 * A substring check cannot see two panes overlapping or a last line that
 * never scrolls into view; a whole screen can. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "browse/draw.h"
#include "browse/view.h"
#include "doc/loader.h"
#include "doc/msg.h"
#include "report/render.h"

struct scenario {
	const char *name;
	const char *doc, *old;	/* old: a prior-year file, or NULL */
	int cols, rows;
	bool zh;
	const char *keys;	/* typed as UTF-8; \n is Enter, \t is Tab */
	int special[8];		/* then these keys (keys.h codes), 0-terminated */
};

static const struct scenario scenarios[] = {
	{ "first-80x24", "data/budget.yaml", NULL, 80, 24, false, "", { 0 } },
	{ "first-80x24.zh", "data/budget.yaml", NULL, 80, 24, true, "", { 0 } },
	{ "first-40x12", "data/budget.yaml", NULL, 40, 12, false, "", { 0 } },
	{ "first-120x40.zh", "data/budget.yaml", NULL, 120, 40, true, "", { 0 } },
	{ "t3-depth3-80x24", "data/budget.yaml", NULL, 80, 24, false, ":表3\n3", { 0 } },
	{ "t3-depth3-120x40.zh", "data/budget.yaml", NULL, 120, 40, true, ":表3\n3", { 0 } },
	{ "t3-depth3-40x12", "data/budget.yaml", NULL, 40, 12, false, ":表3\n3", { 0 } },
	/* 运行经费's goals after one Enter on it. */
	{ "project-80x24.zh", "data/budget.yaml", NULL, 80, 24, true, ":表10\n*/运行经费\n\n", { 0 } },
	{ "project-80x24", "data/budget.yaml", NULL, 80, 24, false, ":表10\n*/运行经费\n\n", { 0 } },
	{ "project-120x40", "data/budget.yaml", NULL, 120, 40, false, ":表10\n*/运行经费\n\n", { 0 } },
	/* 表12 compared, 公务用车购置费 whole. */
	{ "t12-compare-80x24.zh", "data/budget.yaml", NULL, 80, 24, true, ":表12\n*c", { 0 } },
	{ "t12-compare-80x24", "data/budget.yaml", NULL, 80, 24, false, ":表12\n*c", { 0 } },
	{ "t12-compare-40x12", "data/budget.yaml", NULL, 40, 12, false, ":表12\n*c", { 0 } },
	{ "t3-compare-file-120x40", "data/budget.yaml", "tests/fixtures/prior-2019.yaml",
	  120, 40, false, ":表3\n*c", { 0 } },
	/* 表13 moved right until its 品目 columns and a C-code item show. */
	{ "t13-columns-80x24", "data/budget.yaml", NULL, 80, 24, false, ":表13\n*>>", { 0 } },
	/* The detail scrolled to the hit inside a project's text. */
	{ "search-web-80x24", "data/budget.yaml", NULL, 80, 24, false, "/WEB\n", { 0 } },
	{ "sides-80x24.zh", "data/jiangsu/zxbgt-2019.yaml", NULL, 80, 24, true, ":公开01表\n*",
	  { 0 } },
	{ "sides-120x40", "data/jiangsu/zxbgt-2019.yaml", NULL, 120, 40, false, ":公开01表\n*",
	  { 0 } },
	{ "labels-80x24", "data/jiangsu/zxbgt-2019.yaml", NULL, 80, 24, false, ":公开12表\n*",
	  { 0 } },
	{ "procurement-compare-120x40.zh", "data/jiangsu/zxbgt-2019.yaml",
	  "data/jiangsu/zxbgt-2018.yaml", 120, 40, true, ":公开12表\n*c", { 0 } },
	{ "help-80x24", "data/budget.yaml", NULL, 80, 24, false, "?", { 0 } },
	{ "help-80x24.zh", "data/budget.yaml", NULL, 80, 24, true, "?", { 0 } },
	{ "legend-80x24", "data/budget.yaml", NULL, 80, 24, false, "??", { 0 } },
	{ "too-small-30x10", "data/budget.yaml", NULL, 30, 10, false, "", { 0 } },
};

static struct view *open_view(const struct scenario *s)
{
	struct loader_error err;
	struct document *doc = loader_load(s->doc, &err);
	struct document *old = s->old ? loader_load(s->old, &err) : NULL;
	assert_non_null(doc);
	struct view_options opt = { 0 };
	opt.snapshot_dir = "/nonexistent";
	return view_new(doc, old, &opt);
}

static void screen_text(struct view *v, struct sbuf *out)
{
	struct grid g = { 0 };
	draw_view(v, &g);
	for (int y = 0; y < g.rows; y++) {
		grid_row_text(&g, y, out);
		sbuf_add(out, "\n");
	}
	grid_free(&g);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct sbuf b = { 0 };
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_addn(&b, buf, n);
	fclose(f);
	sbuf_add(&b, "");
	return sbuf_take(&b);
}

static void test_scenarios(void **state)
{
	(void)state;
	bool update = getenv("UPDATE") && !strcmp(getenv("UPDATE"), "1");
	size_t failed = 0;
	for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
		const struct scenario *s = &scenarios[i];
		msg_set_chinese(s->zh);
		struct view *v = open_view(s);
		view_resize(v, s->cols, s->rows);
		view_type(v, s->keys);
		for (const int *k = s->special; *k; k++)
			view_key(v, *k);
		struct sbuf got = { 0 };
		screen_text(v, &got);
		char path[256];
		snprintf(path, sizeof path, "tests/screens/%s.txt", s->name);
		if (update) {
			FILE *f = fopen(path, "wb");
			assert_non_null(f);
			fputs(got.s, f);
			fclose(f);
		}
		char *want = slurp(path);
		if (!want || strcmp(want, got.s) != 0) {
			print_error("screen %s differs from %s:\n%s\n", s->name, path, got.s);
			failed++;
		}
		free(want);
		sbuf_free(&got);
		view_free(v);
	}
	msg_set_chinese(false);
	assert_int_equal(failed, 0);
}

int main(void)
{
	text_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scenarios),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
