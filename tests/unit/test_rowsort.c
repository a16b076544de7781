/* test_rowsort.c: sibling orders (src/report/rowsort.c) through
 * flatten_side: by name, by amount in a side's main column or a chosen
 * one, reversed; on a compared table by |change| and |rate|.  Missing
 * values go last either way, 其中 rows stay first, ties keep document
 * order.
 *
 * The documents are synthetic: small schema 2 files made up for these
 * tests (not real budgets), loaded with loader_load_string. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/text.h"
#include "report/compare.h"
#include "report/rowsort.h"
#include "fixture.h"

/* 表1: under 合计, two 其中 rows (the second late in the list), rows with
 * the same code (201), rows without a code, a blank row, ties in the main
 * column 乙 (not the first column), children to sort as well.  表2: two
 * sides, the second with its main column second.  表3 is compared with
 * the prior year below. */
static const char doc_text[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成测试}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 排序\n"
	"    kind: sort\n"
	"    code_title: 编码\n"
	"    name_title: 名称\n"
	"    main: b\n"
	"    columns:\n"
	"      - {key: a, title: 甲列, type: amount}\n"
	"      - {key: b, title: 乙列, type: amount}\n"
	"      - {key: t, title: 说明, type: text}\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        values: [100.00, 100.00, ~]\n"
	"        children:\n"
	"          - {name: 其中：专项, of_which: true, values: [1.00, 1.00, ~]}\n"
	"          - {code: \"203\", name: 丙, values: [5.00, 30.00, ~]}\n"
	"          - code: \"201\"\n"
	"            name: 乙\n"
	"            values: [20.00, 10.00, 说明]\n"
	"            children:\n"
	"              - {code: \"20101\", name: 子一, values: [9.00, 1.00, ~]}\n"
	"              - {code: \"20102\", name: 子二, values: [11.00, 9.00, ~]}\n"
	"          - {name: 未列, values: [~, ~, ~]}\n"
	"          - {code: \"202\", name: 甲, values: [-40.00, 10.00, ~]}\n"
	"          - {code: \"201\", name: 阿, values: [20.00, -50.00, ~]}\n"
	"          - {name: 无码, values: [0.00, 0.00, ~]}\n"
	"          - {name: 其中：另一, of_which: true, values: [99.00, 99.00, ~]}\n"
	"  - id: t2\n"
	"    label: 表2\n"
	"    title: 两方\n"
	"    kind: two\n"
	"    sides:\n"
	"      - id: income\n"
	"        name_title: 收入\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - {name: 甲, values: [1.00]}\n"
	"          - {name: 乙, values: [3.00]}\n"
	"          - {name: 丙, values: [2.00]}\n"
	"      - id: use\n"
	"        name_title: 支出\n"
	"        main: basic\n"
	"        columns:\n"
	"          - {key: amount, title: 金额, type: amount}\n"
	"          - {key: basic, title: 基本, type: amount}\n"
	"        rows:\n"
	"          - {name: 子, values: [9.00, 1.00]}\n"
	"          - {name: 丑, values: [1.00, 9.00]}\n"
	"          - {name: 寅, values: [5.00, 5.00]}\n"
	"  - id: t3\n"
	"    label: 表3\n"
	"    title: 对比\n"
	"    kind: compared\n"
	"    code_title: 编码\n"
	"    name_title: 名称\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {code: \"1\", name: 甲, values: [10.00]}\n"
	"      - {code: \"2\", name: 乙, values: [30.00]}\n"
	"      - {code: \"3\", name: 丙, values: [12.00]}\n"
	"      - {code: \"4\", name: 丁, values: [7.00]}\n"
	"      - {code: \"5\", name: 戊, values: [0.00]}\n"
	"      - {code: \"7\", name: 庚, values: [3.00]}\n";

/* 表3 one year earlier: 甲 -10.00 (-50%), 乙 +5.00 (+20%), 丙 +8.00
 * (+200%), 丁 new, 戊 from 0.00 (no rate), 己 dropped, 庚 -10.00
 * (-76.92%). */
static const char old_text[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成测试}\n"
	"tables:\n"
	"  - id: t3\n"
	"    label: 表3\n"
	"    title: 对比\n"
	"    kind: compared\n"
	"    code_title: 编码\n"
	"    name_title: 名称\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {code: \"1\", name: 甲, values: [20.00]}\n"
	"      - {code: \"2\", name: 乙, values: [25.00]}\n"
	"      - {code: \"3\", name: 丙, values: [4.00]}\n"
	"      - {code: \"5\", name: 戊, values: [0.00]}\n"
	"      - {code: \"6\", name: 己, values: [50.00]}\n"
	"      - {code: \"7\", name: 庚, values: [13.00]}\n";

static struct document *doc, *old;

static int setup(void **state)
{
	(void)state;
	if (!text_init())
		return -1;
	msg_set_chinese(false);
	doc = fixture_text("t.yaml", doc_text);
	old = fixture_text("old.yaml", old_text);
	return doc && old ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	model_free(doc);
	model_free(old);
	return 0;
}

static int reset(void **state)
{
	(void)state;
	msg_set_chinese(false);
	return 0;
}

static const struct side *side_of(const struct document *d, const char *table, size_t i)
{
	const struct table *t = model_find_table(d, table);
	assert_non_null(t);
	assert_true(i < t->nsides);
	return &t->sides[i];
}

/* The names of the rows of s at `depth`, in the order sorted by mode,
 * joined by spaces. */
static void sorted(const struct side *s, enum sort_mode mode, bool reverse, int column,
		   int depth, char *out, size_t size)
{
	struct rowsort rs = { mode, reverse, column };
	struct flat f = { 0 };
	flatten_side(s, NULL, NULL, rowsort_order(&rs), &rs, &f);
	out[0] = '\0';
	for (size_t i = 0; i < f.n; i++)
		if (f.v[i].depth == depth) {
			if (out[0])
				strncat(out, " ", size - strlen(out) - 1);
			strncat(out, model_row_name(f.v[i].row), size - strlen(out) - 1);
		}
	flatten_free(&f);
}

static void expect(const struct side *s, enum sort_mode mode, bool reverse, int column,
		   int depth, const char *want)
{
	char got[512];
	sorted(s, mode, reverse, column, depth, got, sizeof got);
	assert_string_equal(got, want);
}

/* ---- a plain table ------------------------------------------------------------ */

static void test_document_order(void **state)
{
	(void)state;
	struct rowsort rs = { SORT_NONE, false, -1 };
	assert_null(rowsort_order(&rs));
	rs.reverse = true;
	assert_null(rowsort_order(&rs));
	const struct side *s = side_of(doc, "t1", 0);
	expect(s, SORT_NONE, false, -1, 1, "其中：专项 丙 乙 未列 甲 阿 无码 其中：另一");
}

/* By name: by code, then by name; rows without a code first; reversed
 * the other way round; 其中 rows stay first, in document order. */
static void test_by_name(void **state)
{
	(void)state;
	const struct side *s = side_of(doc, "t1", 0);
	/* 无码 and 未列 have no code: by name (U+65E0 before U+672A); the two
	 * 201s by name (乙 U+4E59 before 阿 U+963F). */
	expect(s, SORT_NAME, false, -1, 1, "其中：专项 其中：另一 无码 未列 乙 阿 甲 丙");
	expect(s, SORT_NAME, true, -1, 1, "其中：专项 其中：另一 丙 甲 阿 乙 未列 无码");
	/* Children are sorted too, under their parent. */
	expect(s, SORT_NAME, true, -1, 2, "子二 子一");
}

/* By amount: biggest first in the side's main column (乙列, not the
 * first); ties (乙 and 甲, 10.00) in document order; the blank row last. */
static void test_by_amount_in_main_column(void **state)
{
	(void)state;
	const struct side *s = side_of(doc, "t1", 0);
	assert_int_equal(s->main, 1);
	expect(s, SORT_AMOUNT, false, -1, 1, "其中：专项 其中：另一 丙 乙 甲 无码 阿 未列");
	/* Reversed: smallest first, the tie still in document order, and the
	 * blank row still last. */
	expect(s, SORT_AMOUNT, true, -1, 1, "其中：专项 其中：另一 阿 无码 乙 甲 丙 未列");
	expect(s, SORT_AMOUNT, false, -1, 2, "子二 子一");
	expect(s, SORT_AMOUNT, true, -1, 2, "子一 子二");
	/* Sorting hides nothing and keeps each row's depth. */
	struct rowsort rs = { SORT_AMOUNT, false, -1 };
	struct flat f = { 0 };
	flatten_side(s, NULL, NULL, rowsort_order(&rs), &rs, &f);
	assert_int_equal(f.n, 11);
	for (size_t i = 0; i < f.n; i++)
		assert_int_equal(f.v[i].depth, f.v[i].row->depth);
	/* A row's children follow it. */
	for (size_t i = 0; i < f.n; i++)
		if (!strcmp(model_row_name(f.v[i].row), "乙")) {
			assert_string_equal(model_row_name(f.v[i + 1].row), "子二");
			assert_string_equal(model_row_name(f.v[i + 2].row), "子一");
		}
	flatten_free(&f);
}

/* By a chosen column (甲列): 乙 and 阿 tie at 20.00 in document order; a
 * text column has no values, so everything ties: document order. */
static void test_by_chosen_column(void **state)
{
	(void)state;
	const struct side *s = side_of(doc, "t1", 0);
	expect(s, SORT_AMOUNT, false, 0, 1, "其中：专项 其中：另一 乙 阿 丙 无码 甲 未列");
	expect(s, SORT_AMOUNT, true, 0, 1, "其中：专项 其中：另一 甲 无码 丙 乙 阿 未列");
	expect(s, SORT_AMOUNT, false, 0, 2, "子二 子一");
	expect(s, SORT_AMOUNT, false, 2, 1, "其中：专项 其中：另一 丙 乙 未列 甲 阿 无码");
	expect(s, SORT_AMOUNT, true, 2, 1, "其中：专项 其中：另一 丙 乙 未列 甲 阿 无码");
	/* A column the side lacks: its main one. */
	expect(s, SORT_AMOUNT, false, 9, 1, "其中：专项 其中：另一 丙 乙 甲 无码 阿 未列");
}

/* Each side by its own main column: 支出's is 基本, its second. */
static void test_each_side_its_main_column(void **state)
{
	(void)state;
	expect(side_of(doc, "t2", 0), SORT_AMOUNT, false, -1, 0, "乙 丙 甲");
	expect(side_of(doc, "t2", 1), SORT_AMOUNT, false, -1, 0, "丑 寅 子");
	expect(side_of(doc, "t2", 1), SORT_AMOUNT, true, -1, 0, "子 寅 丑");
	/* A chosen column applies to every side that has it. */
	expect(side_of(doc, "t2", 1), SORT_AMOUNT, false, 0, 0, "子 寅 丑");
}

/* ---- a compared table -------------------------------------------------------------- */

static const struct side *compared(struct comparison *c)
{
	struct compare_error err;
	assert_true(compare_build(c, doc, old, &err));
	const struct table *d = compare_derive(c, model_find_table(doc, "t3"), NULL);
	assert_non_null(d);
	assert_non_null(d->derived);
	return &d->sides[0];
}

/* |change|, biggest first: 甲 and 庚 tie at 10.00 (a fall each) in
 * document order; 丁 (new) and 己 (dropped) have none: last, either way. */
static void test_by_change(void **state)
{
	(void)state;
	struct comparison c;
	const struct side *s = compared(&c);
	expect(s, SORT_NONE, false, -1, 0, "甲 乙 丙 丁 戊 己 庚");
	expect(s, SORT_CHANGE, false, -1, 0, "甲 庚 丙 乙 戊 丁 己");
	expect(s, SORT_CHANGE, true, -1, 0, "戊 乙 丙 甲 庚 丁 己");
	compare_free(&c);
}

/* |rate|: 丙 200%, 庚 76.92%, 甲 50%, 乙 20%; 戊 (from 0.00) has no rate,
 * nor have 丁 and 己: last. */
static void test_by_rate(void **state)
{
	(void)state;
	struct comparison c;
	const struct side *s = compared(&c);
	expect(s, SORT_RATE, false, -1, 0, "丙 庚 甲 乙 丁 戊 己");
	expect(s, SORT_RATE, true, -1, 0, "乙 甲 庚 丙 丁 戊 己");
	compare_free(&c);
}

/* By amount, a compared table sorts by this year's figure: the dropped
 * row has none. */
static void test_compared_by_amount(void **state)
{
	(void)state;
	struct comparison c;
	const struct side *s = compared(&c);
	expect(s, SORT_AMOUNT, false, -1, 0, "乙 丙 甲 丁 庚 戊 己");
	expect(s, SORT_AMOUNT, true, -1, 0, "戊 庚 丁 甲 丙 乙 己");
	/* By name there too. */
	expect(s, SORT_NAME, false, -1, 0, "甲 乙 丙 丁 戊 己 庚");
	compare_free(&c);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(rowsort_name(SORT_NONE), "document order");
	assert_string_equal(rowsort_name(SORT_NAME), "name");
	assert_string_equal(rowsort_name(SORT_AMOUNT), "amount");
	assert_string_equal(rowsort_name(SORT_CHANGE), "change");
	assert_string_equal(rowsort_name(SORT_RATE), "rate");
	assert_string_equal(rowsort_name(SORT_COUNT), "");
	msg_set_chinese(true);
	assert_string_equal(rowsort_name(SORT_NONE), "原序");
	assert_string_equal(rowsort_name(SORT_AMOUNT), "金额");
	assert_string_equal(rowsort_name(SORT_RATE), "增减率");
}

#define T(f) cmocka_unit_test_setup(f, reset)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_document_order),
		T(test_by_name),
		T(test_by_amount_in_main_column),
		T(test_by_chosen_column),
		T(test_each_side_its_main_column),
		T(test_by_change),
		T(test_by_rate),
		T(test_compared_by_amount),
		T(test_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
