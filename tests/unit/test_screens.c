/* test_screens.c: whole-screen goldens, as tig's tests keep them.  Each
 * scenario opens a document in a view of a fixed size and language, types
 * its keys, draws the view into a grid and compares every row of it with
 * tests/screens/NAME.txt.  UPDATE=1 rewrites the files (review the diff).
 * A substring check cannot see two panes overlapping or a last line that
 * never scrolls into view; a whole screen can.  Each screen also speaks
 * one language: no word of the other language's catalogue is on it,
 * unless the document itself has that word.  A doc ending in '/' is a
 * set of departments (its city level first). */
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
#include "doc/docset.h"
#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/util.h"
#include "report/city.h"
#include "report/render.h"
#include "fixture.h"

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
	/* Several departments: the city level, an aggregate, a department. */
	{ "city-80x24", "data/", NULL, 80, 24, false, "", { 0 } },
	{ "city-80x24.zh", "data/", NULL, 80, 24, true, "\t", { 0 } },
	{ "city-aggregate-80x24", "data/", NULL, 80, 24, false, ":2010301\n", { 0 } },
	{ "city-department-80x24.zh", "data/", NULL, 80, 24, true, "\tjjjj\n", { 0 } },
};

static struct view *open_view(const struct scenario *s)
{
	struct loader_error err;
	if (s->doc[strlen(s->doc) - 1] == '/') {
		struct docset *set = xcalloc(1, sizeof *set);
		docset_add(set, s->doc);
		docset_sort(set);
		assert_int_equal(set->nerrors, 0);
		struct view_options opt = { 0 };
		opt.snapshot_dir = "/nonexistent";
		return view_new_set(set, city_build(set), &opt);
	}
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

/* ---- one language per screen -------------------------------------------------- */

static bool is_cjk(const unsigned char *p)
{
	return p[0] >= 0xE4 && p[0] <= 0xE9;	/* U+4000..U+9FFF, three bytes */
}

/* Every run of two or more Chinese characters in s (for the English
 * screens), or every ASCII word of four or more letters (for the Chinese
 * ones), that the document's text lacks: none may be on the screen. */
static size_t foreign_words(const char *screen, const char *message, bool cjk,
			    const char *doc_text, const char *name)
{
	size_t found = 0;
	const unsigned char *p = (const unsigned char *)message;
	while (*p) {
		const unsigned char *start = p;
		if (cjk)
			while (is_cjk(p))
				p += 3;
		else
			while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
				p++;
		size_t n = (size_t)(p - start);
		if (n >= (cjk ? 6u : 4u)) {
			char word[256];
			snprintf(word, sizeof word, "%.*s", (int)n, (const char *)start);
			bool whole = true;
			const char *at = strstr(screen, word);
			/* An English word counts only as a whole word. */
			if (at && !cjk) {
				char before = at > screen ? at[-1] : ' ', after = at[n];
				whole = !((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
					  (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z'));
			}
			/* Keys are named as printed on them, in both languages. */
			static const char *const keys[] = { "Enter", "Space", "Right", "Left",
				"Down", "Home", "PgUp", "PgDn", "Backspace", "Esc", "Tab", NULL };
			for (const char *const *k = keys; *k && !cjk; k++)
				if (!strcmp(word, *k))
					whole = false;
			if (at && whole && !strstr(doc_text, word)) {
				print_error("screen %s has '%s' of the other language\n", name, word);
				found++;
			}
		}
		if (p == start)
			p++;
	}
	return found;
}

/* The text of the scenario's files, for what the document itself says. */
static char *fixture_slurp(const char *path);
static void doc_text(const char *path, struct sbuf *out)
{
	if (path[strlen(path) - 1] != '/') {
		char *t = fixture_slurp(path);
		sbuf_add(out, t ? t : "");
		free(t);
		return;
	}
	struct docset set = { 0 };
	docset_add(&set, path);
	for (size_t i = 0; i < set.ndocs; i++) {
		char *t = fixture_slurp(set.docs[i]->file);
		sbuf_add(out, t ? t : "");
		free(t);
	}
	docset_free(&set);
}

static size_t other_language(const struct scenario *s, const char *screen)
{
	struct sbuf text = { 0 };
	size_t found = 0;
	doc_text(s->doc, &text);
	if (s->old)
		doc_text(s->old, &text);
	for (int id = 0; id < M_COUNT; id++) {
		const char *other = msg_in((enum msg_id)id, !s->zh);
		if (strcmp(other, msg_in((enum msg_id)id, s->zh)))
			found += foreign_words(screen, other, !s->zh, text.s, s->name);
	}
	sbuf_free(&text);
	return found;
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
		failed += other_language(s, got.s) > 0;
		char *want = fixture_slurp(path);
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
