/* Loader: good files load, bad files fail with FILE:LINE:COL and a message
 * that names what is wrong.  All inputs here are synthetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "doc/loader.h"
#include "doc/text.h"

/* A minimal synthetic budget with one flat function-class table. */
static const char good[] =
	"schema: 1\n"
	"document: {department: 测试部门, year: 2021, unit: 万元, title: 合成数据}\n"
	"tables:\n"
	"  - number: 3\n"
	"    title: 支出总体情况表\n"
	"    kind: expenditure\n"
	"    code_title: 编码\n"
	"    name_title: 名称\n"
	"    nest: code\n"
	"    columns:\n"
	"      - {key: total, title: 合计, type: amount, sum_of: [basic, project]}\n"
	"      - {key: basic, title: 基本支出, type: amount}\n"
	"      - {key: project, title: 项目支出, type: amount}\n"
	"    rows:\n"
	"      - name: 总计\n"
	"        id: total\n"
	"        values: [10.00, 4.00, 6.00]\n"
	"        children:\n"
	"          - {code: \"201\", name: 类, values: [10.00, 4.00, 6.00]}\n"
	"          - {code: \"20103\", name: 款, values: [10.00, 4.00, 6.00]}\n"
	"          - {code: \"2010301\", name: 项一, values: [4.00, 4.00, 0.00]}\n"
	"          - {code: \"2010399\", name: 项二, values: [6.00, ~, 6.00]}\n";

static struct document *load(const char *text, struct loader_error *err)
{
	return loader_load_string("t.yaml", text, strlen(text), err);
}

static void test_good_file_builds_tree(void **state)
{
	(void)state;
	struct loader_error err;
	struct document *doc = load(good, &err);
	assert_non_null(doc);
	assert_string_equal(doc->department, "测试部门");
	assert_int_equal(doc->year, 2021);
	struct table *t = model_find_table(doc, 3);
	assert_non_null(t);
	assert_int_equal(t->nrows, 1);
	struct row *r = model_find_code(doc, NULL, "2010399");
	assert_non_null(r);
	assert_string_equal(r->parent->code, "20103");
	assert_string_equal(r->parent->parent->code, "201");
	assert_int_equal(r->depth, 3);
	assert_true(r->cells[1].blank);
	assert_int_equal(r->cells[2].amount, 600);
	assert_int_equal(t->columns[0].nsum_of, 2);
	assert_int_equal(t->columns[0].sum_of[1], 2);
	model_free(doc);
}

/* Replace the first occurrence of `from` in good with `to` and load it. */
static struct document *load_edit(const char *from, const char *to,
				  struct loader_error *err)
{
	static char buf[4096];
	const char *at = strstr(good, from);
	assert_non_null(at);
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - good), good, to,
		 at + strlen(from));
	return load(buf, err);
}

struct bad_case {
	const char *from, *to;
	int line, col;
	const char *message_part;
};

static const struct bad_case bad_cases[] = {
	{ "values: [10.00, 4.00, 6.00]\n        children",
	  "valeus: [10.00, 4.00, 6.00]\n        children", 17, 9, "unknown key 'valeus'" },
	{ "[4.00, 4.00, 0.00]", "[4.001, 4.00, 0.00]", 21, 50, "more than two" },
	{ "[4.00, 4.00, 0.00]", "[4.00, 4.00]", 21, 49, "2 cells but table 3 has 3" },
	{ "[4.00, 4.00, 0.00]", "[4.00, 1e3, 0.00]", 21, 56, "not an amount" },
	{ "[4.00, 4.00, 0.00]", "[99999999999999999999, 4.00, 0.00]", 21, 50, "too large" },
	{ "kind: expenditure", "kind: expenses", 6, 11, "unknown table kind 'expenses'" },
	{ "year: 2021", "year: twenty", 2, 36, "year 'twenty'" },
	{ "sum_of: [basic, project]", "sum_of: [basic, nope]", 11, 63, "sum_of names 'nope'" },
	{ "schema: 1", "schema: 2", 1, 9, "schema version 2" },
	{ "    title: 支出总体情况表\n", "", 4, 5, "lacks the required key 'title'" },
	{ "name: 总计", "name: 总计\n        name: again", 16, 9, "duplicate key 'name'" },
	{ "{code: \"201\",", "{code: \"201\", id: x, note: &a n, of_which: *a,", 19, 56, "aliases" },
	{ "title: 合成数据}", "title: [unclosed}", 2, 68, "YAML syntax" },
};

static void test_bad_files_report_position(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const struct bad_case *c = &bad_cases[i];
		struct loader_error err;
		struct document *doc = load_edit(c->from, c->to, &err);
		if (doc || err.line != c->line || err.col != c->col ||
		    !strstr(err.message, c->message_part))
			print_error("case %zu: got %d:%d: %s\n", i, err.line, err.col,
				    doc ? "(loaded)" : err.message);
		assert_null(doc);
		assert_string_equal(err.file, "t.yaml");
		assert_int_equal(err.line, c->line);
		assert_int_equal(err.col, c->col);
		assert_non_null(strstr(err.message, c->message_part));
	}
}

static void test_empty_and_multi_document(void **state)
{
	(void)state;
	struct loader_error err;
	assert_null(load("", &err));
	assert_non_null(strstr(err.message, "empty"));
	assert_null(load("schema: 1\n---\nschema: 1\n", &err));
	assert_non_null(strstr(err.message, "more than one YAML document"));
	assert_int_equal(err.line, 2);
}

static void test_depth_is_capped(void **state)
{
	(void)state;
	char deep[400];
	size_t n = 0;
	for (int i = 0; i < 100; i++)
		deep[n++] = '[';
	deep[n] = '\0';
	struct loader_error err;
	assert_null(load(deep, &err));
	assert_non_null(strstr(err.message, "deeper than 64"));
}

static void test_control_characters_are_sanitised(void **state)
{
	(void)state;
	struct loader_error err;
	struct document *doc = load_edit("测试部门", "测试\\e[31m部门", &err);
	assert_null(doc);	/* \e is not an escape in a plain scalar: fine */
	doc = load_edit("{department: 测试部门,", "{department: \"测试\\e[31m部门\",", &err);
	assert_non_null(doc);
	assert_null(strchr(doc->department, '\x1b'));
	assert_true(text_is_clean(doc->department, false));
	model_free(doc);
}

static void test_missing_file(void **state)
{
	(void)state;
	struct loader_error err;
	assert_null(loader_load("/nonexistent/budget.yaml", &err));
	assert_string_equal(err.file, "/nonexistent/budget.yaml");
	assert_non_null(strstr(err.message, "cannot open"));
}

static void test_real_data_loads(void **state)
{
	(void)state;
	struct loader_error err;
	struct document *doc = loader_load("data/budget.yaml", &err);
	if (!doc)
		loader_error_print(&err, stderr);
	assert_non_null(doc);
	assert_int_equal(doc->ntables, 14);
	struct row *r = model_find_code(doc, model_find_table(doc, 6), "2010301");
	assert_non_null(r);
	assert_string_equal(r->name, "行政运行");
	assert_int_equal(r->cells[0].amount, 166786);
	assert_string_equal(r->parent->code, "20103");
	model_free(doc);
}

int main(void)
{
	text_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_file_builds_tree),
		cmocka_unit_test(test_bad_files_report_position),
		cmocka_unit_test(test_empty_and_multi_document),
		cmocka_unit_test(test_depth_is_capped),
		cmocka_unit_test(test_control_characters_are_sanitised),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_real_data_loads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
