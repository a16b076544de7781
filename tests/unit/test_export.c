/* test_export.c: CSV and TSV of tables, on a small synthetic document
 * (made up for these tests, not a real budget). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export.h"
#include "loader.h"
#include "text.h"

static const char doc_text[] =
	"schema: 1\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成测试}\n"
	"narrative: [{id: part1, title: 第一部分}]\n"
	"tables:\n"
	"  - number: 1\n"
	"    title: 汇总\n"
	"    kind: other\n"
	"    code_title: 编码\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: a, title: 合计, type: amount}\n"
	"      - {key: b, title: 小计, group: [财政拨款], type: amount}\n"
	"      - {key: t, title: 说明, type: text}\n"
	"    rows:\n"
	"      - name: 收入总计\n"
	"        total_after: true\n"
	"        values: [3.00, 1.50, ~]\n"
	"        children:\n"
	"          - {code: \"01\", name: \"甲, \\\"乙\\\"\", values: [1.00, ~, \"a\\nb\"]}\n"
	"          - {code: \"02\", name: 丙, values: [2.00, -0.50, ~], content: 内容}\n"
	"      - {name: 支出, values: [0.00, 0.00, ~]}\n"
	"  - number: 2\n"
	"    title: 空表\n"
	"    kind: other\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows: []\n";

static struct document *doc;

static int setup(void **state)
{
	(void)state;
	struct loader_error err;
	doc = loader_load_string("t.yaml", doc_text, strlen(doc_text), &err);
	if (!doc)
		fprintf(stderr, "load: %d:%d: %s\n", err.line, err.col, err.message);
	return doc ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	model_free(doc);
	return 0;
}

/* What export_view writes, and its status. */
static char *export(const char *view, enum export_format fmt, int *status)
{
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);
	*status = export_view(doc, view, fmt, mem);
	fclose(mem);
	return out;
}

/* Rows in snapshot order (children before a total_after row), parent as a
 * record number, RFC 4180 quoting, CRLF, blank cells empty. */
static void test_csv_table(void **state)
{
	(void)state;
	int status;
	char *out = export("1", EXPORT_CSV, &status);
	assert_int_equal(status, 0);
	assert_string_equal(out,
		"row,parent,level,code,name,合计,财政拨款/小计,说明,content\r\n"
		"1,3,1,01,\"甲, \"\"乙\"\"\",1.00,,\"a\nb\",\r\n"
		"2,3,1,02,丙,2.00,-0.50,,内容\r\n"
		"3,,0,,收入总计,3.00,1.50,,\r\n"
		"4,,0,,支出,0.00,0.00,,\r\n");
	free(out);
}

/* No quoting in TSV: line breaks (and tabs) in a field become spaces. */
static void test_tsv_table(void **state)
{
	(void)state;
	int status;
	char *out = export("1", EXPORT_TSV, &status);
	assert_int_equal(status, 0);
	assert_string_equal(out,
		"row\tparent\tlevel\tcode\tname\t合计\t财政拨款/小计\t说明\tcontent\n"
		"1\t3\t1\t01\t甲, \"乙\"\t1.00\t\ta b\t\n"
		"2\t3\t1\t02\t丙\t2.00\t-0.50\t\t内容\n"
		"3\t\t0\t\t收入总计\t3.00\t1.50\t\t\n"
		"4\t\t0\t\t支出\t0.00\t0.00\t\t\n");
	free(out);
}

static void test_empty_table(void **state)
{
	(void)state;
	int status;
	char *out = export("2", EXPORT_CSV, &status);
	assert_int_equal(status, 0);
	assert_string_equal(out, "row,parent,level,code,name,金额\r\n");
	free(out);
}

/* 'all' is one CSV in long form: a record per cell, text columns too. */
static void test_all_long_form(void **state)
{
	(void)state;
	int status;
	char *out = export("all", EXPORT_CSV, &status);
	assert_int_equal(status, 0);
	const char *want_start =
		"table,row,parent,level,code,name,column,value\r\n"
		"1,1,3,1,01,\"甲, \"\"乙\"\"\",合计,1.00\r\n"
		"1,1,3,1,01,\"甲, \"\"乙\"\"\",财政拨款/小计,\r\n"
		"1,1,3,1,01,\"甲, \"\"乙\"\"\",说明,\"a\nb\"\r\n"
		"1,2,3,1,02,丙,合计,2.00\r\n"
		"1,2,3,1,02,丙,财政拨款/小计,-0.50\r\n"
		"1,2,3,1,02,丙,说明,\r\n"
		"1,2,3,1,02,丙,content,内容\r\n";
	assert_memory_equal(out, want_start, strlen(want_start));
	/* 1 header + 4 rows x 3 cells + 1 content; 表2 has no rows. */
	size_t records = 0;
	for (const char *p = out; (p = strstr(p, "\r\n")); p += 2)
		records++;
	assert_int_equal(records, 1 + 4 * 3 + 1);
	free(out);
}

static void test_bad_views(void **state)
{
	(void)state;
	static const char *const views[] = { "part1", "9", "0", "nothing", "" };
	for (size_t i = 0; i < sizeof views / sizeof *views; i++) {
		int status;
		char *out = export(views[i], EXPORT_CSV, &status);
		assert_int_equal(status, 2);
		assert_string_equal(out, "");
		free(out);
	}
}

static void test_format_parse(void **state)
{
	(void)state;
	enum export_format f;
	assert_true(export_format_parse("csv", &f));
	assert_int_equal(f, EXPORT_CSV);
	assert_true(export_format_parse("tsv", &f));
	assert_int_equal(f, EXPORT_TSV);
	assert_false(export_format_parse("CSV", &f));
	assert_false(export_format_parse("xlsx", &f));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_table),
		cmocka_unit_test(test_tsv_table),
		cmocka_unit_test(test_empty_table),
		cmocka_unit_test(test_all_long_form),
		cmocka_unit_test(test_bad_views),
		cmocka_unit_test(test_format_parse),
	};
	/* The loader keeps CJK text only under a UTF-8 locale. */
	text_init();
	return cmocka_run_group_tests(tests, setup, teardown);
}
