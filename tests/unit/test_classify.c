/* Classification: nesting flat code lists by prefix, levels and paths.
 * The tables here are synthetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "doc/classify.h"
#include "doc/loader.h"

/* Build a synthetic one-table document whose rows have the given codes,
 * listed flat under one 合计 row. */
static struct document *with_codes(const char *const *codes, size_t n)
{
	struct sbuf b = { 0 };
	sbuf_add(&b, "schema: 1\n"
		 "document: {department: 合成, year: 2020, unit: 万元, title: 合成}\n"
		 "tables:\n"
		 "- number: 1\n  title: t\n  kind: function\n  nest: code\n"
		 "  code_title: 编码\n  name_title: 名称\n"
		 "  columns: [{key: a, title: a, type: amount}]\n"
		 "  rows:\n  - name: 合计\n    values: [0]\n    children:\n");
	for (size_t i = 0; i < n; i++)
		sbuf_addf(&b, "    - {code: \"%s\", name: n%zu, values: [0]}\n", codes[i], i);
	struct loader_error err;
	struct document *doc = loader_load_string("synthetic", b.s, b.len, &err);
	sbuf_free(&b);
	assert_non_null(doc);
	return doc;
}

static const char *parent_code(struct document *doc, const char *code)
{
	struct row *r = model_find_code(doc, NULL, code);
	assert_non_null(r);
	return r->parent && r->parent->code ? r->parent->code : "(none)";
}

static void test_nests_by_prefix(void **state)
{
	(void)state;
	static const char *const codes[] = { "201", "20103", "2010301", "2010308",
					     "206", "20605", "2060503" };
	struct document *doc = with_codes(codes, 7);
	assert_string_equal(parent_code(doc, "201"), "(none)");
	assert_string_equal(parent_code(doc, "20103"), "201");
	assert_string_equal(parent_code(doc, "2010308"), "20103");
	assert_string_equal(parent_code(doc, "2060503"), "20605");
	struct row *r = model_find_code(doc, NULL, "2010308");
	assert_int_equal(r->depth, 3);
	assert_int_equal(model_find_code(doc, NULL, "201")->nchildren, 1);
	assert_int_equal(model_find_code(doc, NULL, "20103")->nchildren, 2);
	model_free(doc);
}

static void test_missing_parent_hangs_from_nearest_ancestor(void **state)
{
	(void)state;
	/* 20805 is absent: 2080501 hangs from 208. 221 absent: 22102 stays. */
	static const char *const codes[] = { "208", "2080501", "22102", "2210201" };
	struct document *doc = with_codes(codes, 4);
	assert_string_equal(parent_code(doc, "2080501"), "208");
	assert_string_equal(parent_code(doc, "22102"), "(none)");
	assert_string_equal(parent_code(doc, "2210201"), "22102");
	model_free(doc);
}

static void test_source_order_is_kept(void **state)
{
	(void)state;
	/* Economic classes as the seed's 表9 lists them: 310 before 303. */
	static const char *const codes[] = { "301", "30101", "310", "31002",
					     "303", "30302" };
	struct document *doc = with_codes(codes, 6);
	const struct table *t = model_find_table(doc, 1);
	const struct row *top = t->rows->child;
	assert_string_equal(top->code, "301");
	assert_string_equal(top->next->code, "310");
	assert_string_equal(top->next->next->code, "303");
	assert_null(top->next->next->next);
	model_free(doc);
}

static void test_levels_and_path(void **state)
{
	(void)state;
	assert_string_equal(classify_level_name("201"), "类");
	assert_string_equal(classify_level_name("20103"), "款");
	assert_string_equal(classify_level_name("2010301"), "项");
	assert_null(classify_level_name("161001"));
	assert_null(classify_level_name(NULL));

	static const char *const codes[] = { "201", "20103", "2010301" };
	struct document *doc = with_codes(codes, 3);
	struct sbuf b = { 0 };
	sbuf_add(&b, "path: ");
	classify_code_path(model_find_code(doc, NULL, "2010301"), &b);
	assert_string_equal(b.s, "path: 201 › 20103 › 2010301");
	sbuf_free(&b);
	model_free(doc);
}

int main(void)
{
	text_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nests_by_prefix),
		cmocka_unit_test(test_missing_parent_hangs_from_nearest_ancestor),
		cmocka_unit_test(test_source_order_is_kept),
		cmocka_unit_test(test_levels_and_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
