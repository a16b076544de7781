/* Renderer: rows line up by display width, not bytes; a narrow layout
 * crops names with the mark and never splits a character.  Uses the real
 * data file and a synthetic one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "doc/loader.h"
#include "report/render.h"

static struct document *doc;

static int setup(void **state)
{
	(void)state;
	struct loader_error err;
	doc = loader_load("data/budget.yaml", &err);
	return doc ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	model_free(doc);
	return 0;
}

/* Display column at which the byte offset `at` of s begins. */
static int column_of(const char *s, size_t at)
{
	char buf[4096];
	memcpy(buf, s, at);
	buf[at] = '\0';
	return text_width(buf);
}

static void test_rows_align_by_display_width(void **state)
{
	(void)state;
	struct lines ls = { 0 };
	render_table(model_find_table(doc, 6), 0, &ls);
	int end = -1, rows = 0;
	for (size_t i = 0; i < ls.n; i++) {
		if (!ls.v[i].row)
			continue;
		/* The first amount (总计) ends at the same column on every row. */
		char buf[AMOUNT_BUFSZ];
		const char *amt = amount_format(ls.v[i].row->cells[0].amount, buf, sizeof buf);
		const char *at = strstr(ls.v[i].text, amt);
		assert_non_null(at);
		int col = column_of(ls.v[i].text, (size_t)(at - ls.v[i].text)) + (int)strlen(amt);
		if (end < 0)
			end = col;
		assert_int_equal(col, end);
		rows++;
	}
	assert_int_equal(rows, 21);
	lines_free(&ls);
}

static void test_narrow_layout_crops_names(void **state)
{
	(void)state;
	const struct table *t = model_find_table(doc, 6);
	struct table_layout lay;
	render_layout(t, 90, &lay);
	assert_int_equal(lay.width, 90);
	const struct row *r = model_find_code(doc, t, "2010399");
	struct sbuf b = { 0 };
	render_row(&lay, r, r->depth, 0, &b);
	assert_int_equal(text_width(b.s), 90);
	/* The long name is cut with the mark and stays valid UTF-8. */
	assert_non_null(strstr(b.s, TEXT_CROP_MARK));
	assert_true(text_is_clean(b.s, false));
	assert_non_null(strstr(b.s, "765.44"));
	sbuf_free(&b);
	render_layout_free(&lay);
}

static void test_every_width_keeps_characters_whole(void **state)
{
	(void)state;
	const struct table *t = model_find_table(doc, 10);
	for (int w = 40; w <= 200; w += 7) {
		struct table_layout lay;
		render_layout(t, w, &lay);
		for (const struct row *r = t->rows; r; r = model_next_row(r)) {
			struct sbuf b = { 0 };
			render_row(&lay, r, r->depth, '+', &b);
			assert_int_equal(text_width(b.s), lay.width);
			assert_true(text_is_clean(b.s, false));
			sbuf_free(&b);
		}
		render_layout_free(&lay);
	}
}

static void test_print_output_has_no_escapes(void **state)
{
	(void)state;
	struct lines ls = { 0 };
	render_document(doc, 0, &ls);
	assert_true(ls.n > 300);
	for (size_t i = 0; i < ls.n; i++)
		assert_true(text_is_clean(ls.v[i].text, false));
	lines_free(&ls);
}

static void test_total_after_prints_below_children(void **state)
{
	(void)state;
	struct lines ls = { 0 };
	render_table(model_find_table(doc, 1), 0, &ls);
	size_t items = 0, subtotal = 0, total = 0;
	for (size_t i = 0; i < ls.n; i++) {
		if (strstr(ls.v[i].text, "一、财政拨款"))
			items = i;
		if (strstr(ls.v[i].text, "本年收入合计"))
			subtotal = i;
		if (strstr(ls.v[i].text, "收入总计"))
			total = i;
	}
	assert_true(items && items < subtotal && subtotal < total);
	lines_free(&ls);
}

/* Found by fuzzing: rows with codes in a table that names no code column. */
static void test_codes_without_code_title(void **state)
{
	(void)state;
	static const char text[] =
		"schema: 1\n"
		"document: {department: 合成, year: 2020, unit: 万元, title: 合成}\n"
		"tables:\n"
		"- {number: 1, title: t, kind: other, name_title: 名称,\n"
		"   columns: [{key: a, title: 金额, type: amount}],\n"
		"   rows: [{code: \"201\", name: 甲, values: [1.00]}]}\n";
	struct loader_error err;
	struct document *d = loader_load_string("synthetic", text, sizeof text - 1, &err);
	assert_non_null(d);
	struct lines ls = { 0 };
	render_table(&d->tables[0], 0, &ls);
	assert_non_null(strstr(ls.v[ls.n - 1].text, "201"));
	assert_non_null(strstr(ls.v[ls.n - 1].text, "1.00"));
	lines_free(&ls);
	model_free(d);
}

/* With a width, project text wraps inside it: cropping a paragraph would
 * lose words.  The code heading gives way before names do. */
static void test_width_wraps_text_and_squeezes_code(void **state)
{
	(void)state;
	struct lines ls = { 0 };
	render_table(model_find_table(doc, 10), 80, &ls);
	size_t text = 0;
	for (size_t i = 0; i < ls.n; i++)
		if (ls.v[i].style == STYLE_TEXT) {
			assert_true(text_width(ls.v[i].text) <= 80);
			text++;
		}
	assert_true(text > 10);
	lines_free(&ls);

	struct table_layout lay;
	render_layout(model_find_table(doc, 6), 90, &lay);
	assert_int_equal(lay.code_w, 7);	/* 2010301, not 科目编码's 8 */
	assert_int_equal(lay.width, 90);
	render_layout_free(&lay);
}

int main(void)
{
	text_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_align_by_display_width),
		cmocka_unit_test(test_narrow_layout_crops_names),
		cmocka_unit_test(test_every_width_keeps_characters_whole),
		cmocka_unit_test(test_print_output_has_no_escapes),
		cmocka_unit_test(test_total_after_prints_below_children),
		cmocka_unit_test(test_codes_without_code_title),
		cmocka_unit_test(test_width_wraps_text_and_squeezes_code),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
