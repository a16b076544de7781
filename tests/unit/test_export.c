/* test_export.c: tables as CSV and TSV (src/report/export.c).
 *
 * Every document here is synthetic: small schema 2 files made up for these
 * tests (not real budgets), loaded with loader_load_string; the prior year
 * is the same made-up department one year earlier. */
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
#include "report/export.h"
#include "report/render.h"
#include "fixture.h"

/* 表1: a code column, a name tree with a total printed below its rows
 * (total_after), a spanning heading, a text column and a text field; a
 * name and a text that need quoting.  表2: formula-looking texts and
 * negative amounts, 其中 rows, a name with a comma (and an = inside).  表3: two sides.  表4: no rows.  表5: four
 * label columns (one titled "") and a quantity.  表6: no name column. */
static const char doc_text[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成测试}\n"
	"narrative: [{id: part1, title: 第一部分}]\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    number: 1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    texts: [{key: content, title: 项目内容}]\n"
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
	"  - id: t2\n"
	"    label: 表2\n"
	"    number: 2\n"
	"    title: 公式\n"
	"    kind: formulas\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: a, title: 金额, type: amount}\n"
	"      - {key: t, title: 备注, type: text}\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        values: [-3.00, \"=HYPERLINK(\\\"http://x\\\")\"]\n"
	"        children:\n"
	"          - {name: \"+1\", of_which: true, values: [-1.00, \"+1\"]}\n"
	"          - {name: \"-x\", values: [-2.00, \"-x\"]}\n"
	"          - {name: \"@a\", values: [~, \"@a\"]}\n"
	"          - {name: \"a=b,c\", values: [0.00, \"x-1\"]}\n"
	"  - id: t3\n"
	"    label: 表3\n"
	"    number: 3\n"
	"    title: 两方\n"
	"    kind: two\n"
	"    sides:\n"
	"      - id: income\n"
	"        title: 收入\n"
	"        name_title: 收入项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - {name: 收入合计, values: [5.00], line: 3, total_after: true,\n"
	"             children: [{name: 拨款, values: [5.00], line: 1}]}\n"
	"      - id: use\n"
	"        title: 支出\n"
	"        code_title: 科目\n"
	"        name_title: 支出项目\n"
	"        columns:\n"
	"          - {key: amount, title: 金额, type: amount}\n"
	"          - {key: basic, title: 基本, group: [其中], type: amount}\n"
	"        rows:\n"
	"          - {code: \"301\", name: 工资, values: [5.00, 4.00], line: 1}\n"
	"  - id: t4\n"
	"    label: 表4\n"
	"    number: 4\n"
	"    title: 空表\n"
	"    kind: empty\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows: []\n"
	"  - id: t5\n"
	"    label: 表5\n"
	"    number: 5\n"
	"    title: 采购\n"
	"    kind: procurement\n"
	"    labels:\n"
	"      - {key: category, title: 大类}\n"
	"      - {key: project, title: \"\"}\n"
	"      - {key: econ, title: 经济科目}\n"
	"      - {key: item, title: 物品}\n"
	"    nest: labels\n"
	"    columns:\n"
	"      - {key: n, title: 数量, type: quantity, unit: 台}\n"
	"      - {key: total, title: 总计, type: amount}\n"
	"    rows:\n"
	"      - {labels: [一、货物, ~, ~, ~], values: [~, 12.00]}\n"
	"      - {labels: [~, 办公, ~, ~], values: [~, 12.00]}\n"
	"      - {labels: [~, ~, 办公设备, 电脑], values: [2, 12.00]}\n"
	"  - id: t6\n"
	"    label: 表6\n"
	"    number: 6\n"
	"    title: 三公\n"
	"    kind: sangong\n"
	"    columns:\n"
	"      - {key: total, title: 合计, type: amount}\n"
	"      - {key: abroad, title: 出国, group: [“三公”经费], type: amount}\n"
	"    rows:\n"
	"      - {id: total, values: [3.50, 0.00]}\n";

/* Its prior year (2019): 01 matches by code (renamed), 收入总计 by name,
 * 丁 is dropped; 丙 and 支出 are new.  Only 表1. */
static const char old_text[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成测试}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    number: 1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
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
	"          - {code: \"03\", name: 丁, values: [1.25, 0.25]}\n";

/* A document stating its own prior year: 合计 fell by 1.00, -25%. */
static const char stated_text[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成测试}\n"
	"narrative:\n"
	"  - id: part1\n"
	"    title: 第一部分\n"
	"    figures:\n"
	"      - {id: f1, label: 合计, value: 3.00, change: -1.00, rate: \"-25%\",\n"
	"         ref: {table: t1, row: total}}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 所述\n"
	"    kind: stated\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [3.00],\n"
	"         children: [{name: \"-其他\", values: [3.00]}]}\n";

static struct document *doc, *old, *stated;

static int setup(void **state)
{
	(void)state;
	/* The loader keeps CJK text only under a UTF-8 locale. */
	if (!text_init())
		return -1;
	msg_set_chinese(false);
	doc = fixture_text("t.yaml", doc_text);
	old = fixture_text("old.yaml", old_text);
	stated = fixture_text("stated.yaml", stated_text);
	return doc && old && stated ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	model_free(doc);
	model_free(old);
	model_free(stated);
	return 0;
}

static int reset(void **state)
{
	(void)state;
	msg_set_chinese(false);
	render_set_ascii(false);
	return 0;
}

/* ---- helpers ------------------------------------------------------------- */

struct out {
	char *s;
	size_t len;
	FILE *f;
};

static void out_open(struct out *o)
{
	o->s = NULL;
	o->len = 0;
	o->f = open_memstream(&o->s, &o->len);
	assert_non_null(o->f);
}

static char *out_close(struct out *o)
{
	fclose(o->f);
	return o->s;
}

static const struct table *table(const struct document *d, const char *id)
{
	const struct table *t = model_find_table(d, id);
	assert_non_null(t);
	return t;
}

/* One table of doc exported with these options (caller frees). */
static char *export_of(const struct document *d, const char *id, enum export_format fmt,
		       struct comparison *cmp, const char *column)
{
	struct out o;
	struct export_opts opts = { fmt, false, cmp, column, false };
	out_open(&o);
	export_table(table(d, id), &opts, o.f);
	return out_close(&o);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* ---- one table, wide ------------------------------------------------------- */

/* Records in the snapshot's order (a total_after row after its rows), the
 * parent as a record number, levels, the code column under its title,
 * spanning headings joined by '/', the text field's title last; RFC 4180
 * quoting of commas, quotes and line breaks; CRLF; blank cells empty. */
static void test_csv_table(void **state)
{
	(void)state;
	char *out = export_of(doc, "t1", EXPORT_CSV, NULL, NULL);
	assert_string_equal(out,
		"row,parent,level,编码,项目,合计,财政拨款/小计,说明,项目内容\r\n"
		"1,3,1,01,\"甲, \"\"乙\"\"\",1.00,,\"a\nb\",\r\n"
		"2,3,1,02,丙,2.00,-0.50,,内容\r\n"
		"3,,0,,收入总计,3.00,1.50,,\r\n"
		"4,,0,,支出,0.00,0.00,,\r\n");
	/* Every record ends in CRLF; the only bare LF is inside the quotes. */
	assert_int_equal(count(out, "\r\n"), 5);
	assert_int_equal(count(out, "\n"), 6);
	free(out);
}

/* TSV: nothing is quoted; line breaks and tabs in a field become spaces;
 * LF ends records. */
static void test_tsv_table(void **state)
{
	(void)state;
	char *out = export_of(doc, "t1", EXPORT_TSV, NULL, NULL);
	assert_string_equal(out,
		"row\tparent\tlevel\t编码\t项目\t合计\t财政拨款/小计\t说明\t项目内容\n"
		"1\t3\t1\t01\t甲, \"乙\"\t1.00\t\ta b\t\n"
		"2\t3\t1\t02\t丙\t2.00\t-0.50\t\t内容\n"
		"3\t\t0\t\t收入总计\t3.00\t1.50\t\t\n"
		"4\t\t0\t\t支出\t0.00\t0.00\t\t\n");
	assert_null(strchr(out, '\r'));
	free(out);
	/* The loader never lets a tab or CR into a text (it shows them as
	 * U+FFFD), so they are put into a cell here by hand. */
	const struct table *t = table(doc, "t1");
	union cell *c = &t->sides[0].rows->child->cells[2];
	const char *was = c->s;
	c->s = "x\ty\r\nz";
	out = export_of(doc, "t1", EXPORT_TSV, NULL, NULL);
	assert_non_null(strstr(out, "\t1.00\t\tx y  z\t\n"));
	free(out);
	out = export_of(doc, "t1", EXPORT_CSV, NULL, NULL);
	assert_non_null(strstr(out, ",1.00,,\"x\ty\r\nz\",\r\n"));
	free(out);
	c->s = was;
}

/* The header's optional parts: a side column and side-prefixed headings
 * only with several sides; a code column when any side has codes; the
 * of_which flag only when some row is 其中; one column per label column
 * ("name" where the title is empty); none without a name column. */
static void test_header_shapes(void **state)
{
	(void)state;
	char *out = export_of(doc, "t3", EXPORT_CSV, NULL, NULL);
	assert_string_equal(out,
		"row,parent,level,side,code,收入项目,收入/金额,支出/金额,支出/其中/基本\r\n"
		"1,2,1,income,,拨款,5.00,,\r\n"
		"2,,0,income,,收入合计,5.00,,\r\n"
		"3,,0,use,301,工资,,5.00,4.00\r\n");
	free(out);
	out = export_of(doc, "t4", EXPORT_CSV, NULL, NULL);
	assert_string_equal(out, "row,parent,level,项目,金额\r\n");
	free(out);
	out = export_of(doc, "t5", EXPORT_CSV, NULL, NULL);
	assert_string_equal(out,
		"row,parent,level,大类,name,经济科目,物品,数量,总计\r\n"
		"1,,0,一、货物,,,,,12.00\r\n"
		"2,1,1,,办公,,,,12.00\r\n"
		"3,2,2,,,办公设备,电脑,2台,12.00\r\n");
	free(out);
	out = export_of(doc, "t6", EXPORT_CSV, NULL, NULL);
	assert_string_equal(out,
		"row,parent,level,合计,“三公”经费/出国\r\n"
		"1,,0,3.50,0.00\r\n");
	free(out);
	/* of_which only where a row is 其中 (表2, not 表1). */
	out = export_of(doc, "t2", EXPORT_CSV, NULL, NULL);
	assert_non_null(strstr(out, "row,parent,level,项目,金额,备注,of_which\r\n"));
	free(out);
	out = export_of(doc, "t1", EXPORT_CSV, NULL, NULL);
	assert_null(strstr(out, "of_which"));
	free(out);
}

/* The record order is the snapshot's: the rows in the order --print
 * prints them, side after side. */
static void test_record_order(void **state)
{
	(void)state;
	static const char *const ids[] = { "t1", "t2", "t3", "t5" };
	for (size_t n = 0; n < sizeof ids / sizeof *ids; n++) {
		const struct table *t = table(doc, ids[n]);
		struct flat f = { 0 };
		flatten_table(t, &f);
		char *out = export_of(doc, ids[n], EXPORT_TSV, NULL, NULL);
		const char *line = strchr(out, '\n') + 1;
		for (size_t i = 0; i < f.n; i++, line = strchr(line, '\n') + 1) {
			char want[32];
			snprintf(want, sizeof want, "%zu\t", i + 1);
			assert_memory_equal(line, want, strlen(want));
			/* The row's name on its own record. */
			const char *name = model_row_name(f.v[i].row);
			const char *end = strchr(line, '\n');
			const char *at = strstr(line, name);
			assert_true(at && at < end);
		}
		assert_int_equal(*line, '\0');
		flatten_free(&f);
		free(out);
	}
}

/* OWASP: a text a spreadsheet would run as a formula gets a leading ',
 * names and text cells alike; figures never do, -3.00 included. */
static void test_formula_cells(void **state)
{
	(void)state;
	char *out = export_of(doc, "t2", EXPORT_CSV, NULL, NULL);
	assert_string_equal(out,
		"row,parent,level,项目,金额,备注,of_which\r\n"
		"1,,0,合计,-3.00,\"'=HYPERLINK(\"\"http://x\"\")\",\r\n"
		"2,1,1,'+1,-1.00,'+1,1\r\n"
		"3,1,1,'-x,-2.00,'-x,\r\n"
		"4,1,1,'@a,,'@a,\r\n"
		"5,1,1,\"a=b,c\",0.00,x-1,\r\n");
	free(out);
	out = export_of(doc, "t2", EXPORT_TSV, NULL, NULL);
	assert_non_null(strstr(out, "1\t\t0\t合计\t-3.00\t'=HYPERLINK(\"http://x\")\t\n"));
	free(out);
	/* A leading tab or carriage return (put in by hand: the loader would
	 * show them as U+FFFD). */
	const struct table *t = table(doc, "t2");
	union cell *c = &t->sides[0].rows->cells[1];
	const char *was = c->s;
	c->s = "\tlead";
	out = export_of(doc, "t2", EXPORT_CSV, NULL, NULL);
	assert_non_null(strstr(out, "1,,0,合计,-3.00,'\tlead,\r\n"));
	free(out);
	out = export_of(doc, "t2", EXPORT_TSV, NULL, NULL);
	assert_non_null(strstr(out, "\t-3.00\t' lead\t"));
	free(out);
	c->s = "\rx";
	out = export_of(doc, "t2", EXPORT_CSV, NULL, NULL);
	assert_non_null(strstr(out, ",-3.00,\"'\rx\",\r\n"));
	free(out);
	c->s = was;
}

/* A figure printed as text (a stated rate, right-aligned) is a figure:
 * "-25%" stays as it is, like the amounts beside it. */
static void test_stated_rate_is_not_a_formula(void **state)
{
	(void)state;
	struct comparison cmp;
	struct compare_error err;
	assert_true(compare_build(&cmp, stated, NULL, &err));
	char *out = export_of(stated, "t1", EXPORT_CSV, &cmp, NULL);
	assert_string_equal(out,
		"row,parent,level,项目,金额/This year,金额/Prior year,金额/Change,"
		"金额/Rate,金额/Stated rate\r\n"
		"1,,0,合计,3.00,4.00,-1.00,-25.00%,-25%\r\n"
		"2,1,1,'-其他,3.00,,,,\r\n");
	free(out);
	compare_free(&cmp);
}

/* --bom: EF BB BF before anything else, in both forms; nothing without. */
static void test_bom(void **state)
{
	(void)state;
	struct export_opts opts = { EXPORT_CSV, true, NULL, NULL, false };
	struct out o;
	out_open(&o);
	export_table(table(doc, "t4"), &opts, o.f);
	char *s = out_close(&o);
	assert_string_equal(s, "\xEF\xBB\xBFrow,parent,level,项目,金额\r\n");
	free(s);
	out_open(&o);
	export_document(doc, &opts, o.f);
	s = out_close(&o);
	assert_memory_equal(s, "\xEF\xBB\xBFtable,row,", 13);
	assert_int_equal(count(s, "\xEF\xBB\xBF"), 1);
	free(s);
	opts.format = EXPORT_TSV;
	out_open(&o);
	export_table(table(doc, "t4"), &opts, o.f);
	s = out_close(&o);
	assert_string_equal(s, "\xEF\xBB\xBFrow\tparent\tlevel\t项目\t金额\n");
	free(s);
	opts.bom = false;
	out_open(&o);
	export_table(table(doc, "t4"), &opts, o.f);
	s = out_close(&o);
	assert_int_equal(s[0], 'r');
	free(s);
}

/* ---- the long form ------------------------------------------------------------ */

/* 'all': one record per cell (and per text field a row has), with table,
 * row, parent, level, side, code, name, column, value; labels joined. */
static void test_long_form(void **state)
{
	(void)state;
	struct export_opts opts = { EXPORT_CSV, false, NULL, NULL, false };
	struct out o;
	out_open(&o);
	export_document(doc, &opts, o.f);
	char *out = out_close(&o);
	const char *want_start =
		"table,row,parent,level,side,code,name,column,value\r\n"
		"表1,1,3,1,,01,\"甲, \"\"乙\"\"\",合计,1.00\r\n"
		"表1,1,3,1,,01,\"甲, \"\"乙\"\"\",财政拨款/小计,\r\n"
		"表1,1,3,1,,01,\"甲, \"\"乙\"\"\",说明,\"a\nb\"\r\n"
		"表1,2,3,1,,02,丙,合计,2.00\r\n"
		"表1,2,3,1,,02,丙,财政拨款/小计,-0.50\r\n"
		"表1,2,3,1,,02,丙,说明,\r\n"
		"表1,2,3,1,,02,丙,项目内容,内容\r\n"
		"表1,3,,0,,,收入总计,合计,3.00\r\n";
	assert_memory_equal(out, want_start, strlen(want_start));
	/* Sides by id, codes, labels joined by " · ", formulas quoted. */
	assert_non_null(strstr(out, "\r\n表3,1,2,1,income,,拨款,金额,5.00\r\n"));
	assert_non_null(strstr(out, "\r\n表3,3,,0,use,301,工资,其中/基本,4.00\r\n"));
	assert_non_null(strstr(out, "\r\n表5,3,2,2,,,办公设备 · 电脑,数量,2台\r\n"));
	assert_non_null(strstr(out, "\r\n表2,3,1,1,,,'-x,备注,'-x\r\n"));
	assert_non_null(strstr(out, "\r\n表2,1,,0,,,合计,金额,-3.00\r\n"));
	assert_non_null(strstr(out, "\r\n表6,1,,0,,,,“三公”经费/出国,0.00\r\n"));
	/* 1 header; 表1 4 rows × 3 cells + 1 text; 表2 5 × 2; 表3 2 + 1 × 2;
	 * 表4 none; 表5 3 × 2; 表6 2. */
	assert_int_equal(count(out, "\r\n"), 1 + 13 + 10 + 4 + 0 + 6 + 2);
	free(out);
	/* TSV and Chinese headings. */
	msg_set_chinese(true);
	opts.format = EXPORT_TSV;
	out_open(&o);
	export_document(doc, &opts, o.f);
	out = out_close(&o);
	assert_memory_equal(out, "表\t序号\t上级\t层级\t方\t编码\t名称\t列\t数值\n",
			    strlen("表\t序号\t上级\t层级\t方\t编码\t名称\t列\t数值\n"));
	assert_non_null(strstr(out, "\n表1\t1\t3\t1\t\t01\t甲, \"乙\"\t说明\ta b\n"));
	free(out);
}

/* ---- compared ------------------------------------------------------------------ */

/* A compared table: the derived columns under the compared column's
 * headings, an empty field where the text shows "—", the dropped row 丁
 * where it stood (after 01, under 收入总计), notes. */
static void test_compared_table(void **state)
{
	(void)state;
	struct comparison cmp;
	struct compare_error err;
	assert_true(compare_build(&cmp, doc, old, &err));
	char *out = export_of(doc, "t1", EXPORT_CSV, &cmp, NULL);
	assert_string_equal(out,
		"row,parent,level,编码,项目,合计/This year,合计/Prior year,合计/Change,"
		"合计/Rate,Note\r\n"
		"1,4,1,01,\"甲, \"\"乙\"\"\",1.00,0.50,+0.50,100.00%,by code\r\n"
		"2,4,1,03,丁,,1.25,,,dropped\r\n"
		"3,4,1,02,丙,2.00,,,,new\r\n"
		"4,,0,,收入总计,3.00,2.00,+1.00,50.00%,\r\n"
		"5,,0,,支出,0.00,,,,new\r\n");
	free(out);
	/* The text of the same table shows dashes where the fields are empty. */
	const struct table *d = compare_derive(&cmp, table(doc, "t1"), NULL);
	struct lines ls = { 0 };
	render_table(d, 0, &ls);
	bool dash = false;
	for (size_t i = 0; i < ls.n; i++)
		dash |= strstr(ls.v[i].text, "丙") && strstr(ls.v[i].text, "—");
	assert_true(dash);
	lines_free(&ls);
	/* Another column: its headings; its blank prior cell stays empty. */
	out = export_of(doc, "t1", EXPORT_TSV, &cmp, "b");
	assert_string_equal(out,
		"row\tparent\tlevel\t编码\t项目\t财政拨款/小计/This year\t"
		"财政拨款/小计/Prior year\t财政拨款/小计/Change\t财政拨款/小计/Rate\tNote\n"
		"1\t4\t1\t01\t甲, \"乙\"\t\t\t\t\tby code\n"
		"2\t4\t1\t03\t丁\t\t0.25\t\t\tdropped\n"
		"3\t4\t1\t02\t丙\t-0.50\t\t\t\tnew\n"
		"4\t\t0\t\t收入总计\t1.50\t1.00\t+0.50\t50.00%\t\n"
		"5\t\t0\t\t支出\t0.00\t\t\t\tnew\n");
	free(out);
	/* No "—" ever reaches a field. */
	out = export_of(doc, "t1", EXPORT_CSV, &cmp, NULL);
	assert_null(strstr(out, "—"));
	free(out);
	compare_free(&cmp);
}

/* The long form compared: five records a row, the dropped row's too. */
static void test_compared_long_form(void **state)
{
	(void)state;
	struct comparison cmp;
	struct compare_error err;
	assert_true(compare_build(&cmp, doc, old, &err));
	struct export_opts opts = { EXPORT_CSV, false, &cmp, NULL, false };
	struct out o;
	out_open(&o);
	export_document(doc, &opts, o.f);
	char *out = out_close(&o);
	const char *want =
		"表1,2,4,1,,03,丁,合计/This year,\r\n"
		"表1,2,4,1,,03,丁,合计/Prior year,1.25\r\n"
		"表1,2,4,1,,03,丁,合计/Change,\r\n"
		"表1,2,4,1,,03,丁,合计/Rate,\r\n"
		"表1,2,4,1,,03,丁,Note,dropped\r\n"
		"表1,3,4,1,,02,丙,合计/This year,2.00\r\n";
	assert_non_null(strstr(out, want));
	assert_null(strstr(out, "—"));
	/* 表1 has 5 rows of 5 columns; the new tables have a Note each. */
	size_t t1 = 0;
	for (const char *p = out; (p = strstr(p, "\r\n表1,")); p += 2)
		t1++;
	assert_int_equal(t1, 5 * 5);
	assert_non_null(strstr(out, "\r\n表2,3,1,1,,,'-x,Note,new\r\n"));
	free(out);
	compare_free(&cmp);
}

/* A compared column some tables lack: as --print, the whole document
 * leaves those tables out and one of them named is refused. */
static void test_compared_column_lacking(void **state)
{
	(void)state;
	struct comparison cmp;
	struct compare_error err;
	assert_true(compare_build(&cmp, doc, old, &err));
	struct export_opts opts = { EXPORT_CSV, false, &cmp, "b", false };
	struct print_error perr;
	struct out o;
	out_open(&o);
	assert_false(export_view(doc, "t2", &opts, o.f, &perr));
	free(out_close(&o));
	assert_string_equal(perr.message, "表2 has no amount column 'b'");
	out_open(&o);
	export_document(doc, &opts, o.f);
	char *out = out_close(&o);
	assert_non_null(strstr(out, "\r\n表1,"));
	assert_null(strstr(out, "\r\n表2,"));
	free(out);
	compare_free(&cmp);
}

/* In Chinese: the structure headings and the derived ones (the comparison
 * made in Chinese, as the run would make it). */
static void test_chinese_headings(void **state)
{
	(void)state;
	msg_set_chinese(true);
	char *out = export_of(doc, "t3", EXPORT_CSV, NULL, NULL);
	assert_memory_equal(out, "序号,上级,层级,方,编码,收入项目,", strlen("序号,上级,层级,方,编码,收入项目,"));
	free(out);
	out = export_of(doc, "t2", EXPORT_CSV, NULL, NULL);
	assert_non_null(strstr(out, "序号,上级,层级,项目,金额,备注,其中\r\n"));
	free(out);
	out = export_of(doc, "t5", EXPORT_CSV, NULL, NULL);
	assert_non_null(strstr(out, "序号,上级,层级,大类,名称,经济科目,物品,数量,总计\r\n"));
	free(out);
	struct comparison cmp;
	struct compare_error err;
	assert_true(compare_build(&cmp, doc, old, &err));
	out = export_of(doc, "t1", EXPORT_CSV, &cmp, NULL);
	assert_string_equal(out,
		"序号,上级,层级,编码,项目,合计/本年,合计/上年,合计/增减,合计/增减率,说明\r\n"
		"1,4,1,01,\"甲, \"\"乙\"\"\",1.00,0.50,+0.50,100.00%,按编码\r\n"
		"2,4,1,03,丁,,1.25,,,取消\r\n"
		"3,4,1,02,丙,2.00,,,,新增\r\n"
		"4,,0,,收入总计,3.00,2.00,+1.00,50.00%,\r\n"
		"5,,0,,支出,0.00,,,,新增\r\n");
	free(out);
	compare_free(&cmp);
}

/* ---- views and formats ----------------------------------------------------------- */

static void test_views(void **state)
{
	(void)state;
	struct export_opts opts = { EXPORT_CSV, false, NULL, NULL, false };
	struct print_error err;
	struct out o;
	/* A table by id, label or number; 'all' is the long form. */
	static const char *const good[] = { "t4", "表4", "4" };
	for (size_t i = 0; i < 3; i++) {
		out_open(&o);
		assert_true(export_view(doc, good[i], &opts, o.f, &err));
		char *s = out_close(&o);
		assert_string_equal(s, "row,parent,level,项目,金额\r\n");
		free(s);
	}
	out_open(&o);
	assert_true(export_view(doc, "all", &opts, o.f, &err));
	char *s = out_close(&o);
	assert_memory_equal(s, "table,row,parent", 16);
	free(s);
	/* A narrative part, or nothing: refused, nothing written. */
	out_open(&o);
	assert_false(export_view(doc, "part1", &opts, o.f, &err));
	s = out_close(&o);
	assert_string_equal(s, "");
	assert_non_null(strstr(err.message, "part1"));
	assert_non_null(strstr(err.message, "narrative"));
	free(s);
	static const char *const bad[] = { "9", "0", "nothing", "" };
	for (size_t i = 0; i < 4; i++) {
		out_open(&o);
		err.message[0] = '\0';
		assert_false(export_view(doc, bad[i], &opts, o.f, &err));
		s = out_close(&o);
		assert_string_equal(s, "");
		assert_non_null(strstr(err.message, "t.yaml"));
		free(s);
	}
}

static void test_format_parse(void **state)
{
	(void)state;
	enum export_format f = EXPORT_TSV;
	assert_true(export_format_parse("csv", &f));
	assert_int_equal(f, EXPORT_CSV);
	assert_true(export_format_parse("tsv", &f));
	assert_int_equal(f, EXPORT_TSV);
	assert_false(export_format_parse("CSV", &f));
	assert_false(export_format_parse("xlsx", &f));
	assert_false(export_format_parse("", &f));
	assert_int_equal(f, EXPORT_TSV);
}

#define T(f) cmocka_unit_test_setup(f, reset)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_csv_table),
		T(test_tsv_table),
		T(test_header_shapes),
		T(test_record_order),
		T(test_formula_cells),
		T(test_stated_rate_is_not_a_formula),
		T(test_bom),
		T(test_long_form),
		T(test_compared_table),
		T(test_compared_long_form),
		T(test_compared_column_lacking),
		T(test_chinese_headings),
		T(test_views),
		T(test_format_parse),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
