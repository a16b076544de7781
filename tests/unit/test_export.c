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

#include "report/export.h"
#include "doc/loader.h"
#include "doc/text.h"

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

/* Its prior year: 01 matched by code, 收入总计 by name, 丁 dropped. */
static const char old_text[] =
	"schema: 1\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成测试}\n"
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
	"    rows:\n"
	"      - name: 收入总计\n"
	"        total_after: true\n"
	"        values: [2.00, 1.00]\n"
	"        children:\n"
	"          - {code: \"01\", name: 甲, values: [0.50, ~]}\n"
	"          - {code: \"03\", name: 丁, values: [1.25, 0.25]}\n"
	"  - number: 2\n"
	"    title: 空表\n"
	"    kind: other\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows: []\n";

static struct document *doc, *old;

static int setup(void **state)
{
	(void)state;
	struct loader_error err;
	doc = loader_load_string("t.yaml", doc_text, strlen(doc_text), &err);
	if (!doc)
		fprintf(stderr, "load: %d:%d: %s\n", err.line, err.col, err.message);
	old = loader_load_string("old.yaml", old_text, strlen(old_text), &err);
	if (!old)
		fprintf(stderr, "load old: %d:%d: %s\n", err.line, err.col, err.message);
	return doc && old ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	model_free(doc);
	model_free(old);
	return 0;
}

/* What export_view writes compared (cmp not NULL) in column, and its status. */
static char *export_compared(const char *view, enum export_format fmt,
			     const struct comparison *cmp, const char *column, int *status)
{
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);
	*status = export_view(doc, view, fmt, cmp, column, mem);
	fclose(mem);
	return out;
}

/* What export_view writes, and its status. */
static char *export(const char *view, enum export_format fmt, int *status)
{
	return export_compared(view, fmt, NULL, NULL, status);
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

/* Compared: the rows of the snapshot, values as the text shows them but
 * empty for "—", then the dropped prior rows without parent or level. */
static void test_compared(void **state)
{
	(void)state;
	struct comparison cmp;
	int status;
	compare_build(&cmp, doc, old);
	char *out = export_compared("1", EXPORT_CSV, &cmp, NULL, &status);
	assert_int_equal(status, 0);
	assert_string_equal(out,
		"row,parent,level,code,name,合计 本年,合计 上年,合计 增减,合计 增减率,说明\r\n"
		"1,3,1,01,\"甲, \"\"乙\"\"\",1.00,0.50,+0.50,100.00%,\r\n"
		"2,3,1,02,丙,2.00,,,,新增\r\n"
		"3,,0,,收入总计,3.00,2.00,+1.00,50.00%,按名称\r\n"
		"4,,0,,支出,0.00,,,,新增\r\n"
		"5,,,03,丁,,1.25,,,取消\r\n");
	free(out);
	out = export_compared("1", EXPORT_TSV, &cmp, "b", &status);
	assert_int_equal(status, 0);
	assert_string_equal(out,
		"row\tparent\tlevel\tcode\tname\t财政拨款/小计 本年\t财政拨款/小计 上年\t"
		"财政拨款/小计 增减\t财政拨款/小计 增减率\t说明\n"
		"1\t3\t1\t01\t甲, \"乙\"\t\t\t\t\t\n"
		"2\t3\t1\t02\t丙\t-0.50\t\t\t\t新增\n"
		"3\t\t0\t\t收入总计\t1.50\t1.00\t+0.50\t50.00%\t按名称\n"
		"4\t\t0\t\t支出\t0.00\t\t\t\t新增\n"
		"5\t\t\t03\t丁\t\t0.25\t\t\t取消\n");
	free(out);
	/* A column the table lacks, or a text column: refused. */
	out = export_compared("1", EXPORT_CSV, &cmp, "t", &status);
	assert_int_equal(status, 2);
	assert_string_equal(out, "");
	free(out);
	/* 'all': five records per row, dropped rows too; 表2 has no rows. */
	out = export_compared("all", EXPORT_CSV, &cmp, NULL, &status);
	assert_int_equal(status, 0);
	const char *want_end =
		"1,5,,,03,丁,合计 增减率,\r\n"
		"1,5,,,03,丁,说明,取消\r\n";
	size_t n = strlen(out), w = strlen(want_end), records = 0;
	assert_true(n > w);
	assert_string_equal(out + n - w, want_end);
	for (const char *p = out; (p = strstr(p, "\r\n")); p += 2)
		records++;
	assert_int_equal(records, 1 + 5 * 5);
	free(out);
	compare_free(&cmp);
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
		cmocka_unit_test(test_compared),
		cmocka_unit_test(test_bad_views),
		cmocka_unit_test(test_format_parse),
	};
	/* The loader keeps CJK text only under a UTF-8 locale. */
	text_init();
	return cmocka_run_group_tests(tests, setup, teardown);
}
