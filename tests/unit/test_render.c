/* test_render.c: tables as lines of text (src/report/render.c, lines.c).
 *
 * Every document here is synthetic: small schema 2 files made up for these
 * tests, not real budgets, loaded with loader_load_string.  Each test puts
 * the run in English and Unicode glyphs first (reset), and says when it
 * asks for Chinese or --ascii. */
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
#include "report/print.h"
#include "report/render.h"
#include "fixture.h"

/* ---- the synthetic documents ---------------------------------------------- */

/* One side: a code column, a name tree three levels deep, three amount
 * columns of which two share a spanning heading; a blank cell and a 0.00. */
static const char one_text[] =
	"schema: 2\n"
	"document: {department: X, year: 2020, unit: 万元, title: 合成}\n"
	"tables:\n"
	"  - id: t3\n"
	"    label: 表3\n"
	"    number: 3\n"
	"    title: title\n"
	"    kind: k3\n"
	"    code_title: 编码\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: total, title: 合计, type: amount}\n"
	"      - {key: basic, title: 基本, group: [财政拨款资金], type: amount}\n"
	"      - {key: project, title: 项目, group: [财政拨款资金], type: amount}\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        values: [1234.50, 1000.00, 234.50]\n"
	"        children:\n"
	"          - code: \"201\"\n"
	"            name: 一般公共服务\n"
	"            values: [1234.50, 1000.00, 234.50]\n"
	"            children:\n"
	"              - {code: \"20101\", name: 人大事务, values: [34.50, ~, 0.00]}\n"
	"              - {code: \"20102\", name: 政协事务, values: [1200.00, 1000.00, 234.50]}\n";

/* Three sides, as 收入 | 支出 are printed: the two 支出 sides under one
 * group heading; the totals declared on line 15 of two sides; the sides
 * have three, one and two rows besides. */
static const char sides_text[] =
	"schema: 2\n"
	"document: {department: X, year: 2020, unit: 万元, title: 合成}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 收支\n"
	"    kind: k1\n"
	"    sides:\n"
	"      - id: income\n"
	"        title: 收入\n"
	"        name_title: 项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - id: income_total\n"
	"            name: 收入总计\n"
	"            total_after: true\n"
	"            line: 15\n"
	"            values: [30.00]\n"
	"            children:\n"
	"              - {name: 一、拨款, line: 1, values: [10.00]}\n"
	"              - {name: 二、其他, values: [15.00]}\n"
	"              - {name: 三、结转, values: [5.00]}\n"
	"      - id: function\n"
	"        title: 功能\n"
	"        group: 支出\n"
	"        name_title: 项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - id: exp_total\n"
	"            name: 支出总计\n"
	"            total_after: true\n"
	"            line: 15\n"
	"            values: [30.00]\n"
	"            children:\n"
	"              - {name: 一、服务, line: 1, values: [30.00]}\n"
	"      - id: use\n"
	"        title: 用途\n"
	"        group: 支出\n"
	"        name_title: 项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - {name: 基本, line: 1, values: [20.00]}\n"
	"          - {name: 项目, values: [10.00]}\n";

/* One wide side: a long name, five amount columns (84 columns in all, 89
 * with its long code heading); the main column is the LAST one, so that
 * leaving columns out from the right has to step over it. */
static const char wide_text[] =
	"schema: 2\n"
	"document: {department: X, year: 2020, unit: 万元, title: 合成}\n"
	"tables:\n"
	"  - id: t6\n"
	"    label: 表6\n"
	"    title: 宽表\n"
	"    kind: k6\n"
	"    code_title: 功能科目编码\n"
	"    name_title: 科目名称\n"
	"    main: c\n"
	"    columns:\n"
	"      - {key: total, title: 总计, type: amount}\n"
	"      - {key: basic, title: 基本支出, type: amount}\n"
	"      - {key: a, title: 甲类, group: [项目支出], type: amount}\n"
	"      - {key: b, title: 乙类, group: [项目支出], type: amount}\n"
	"      - {key: c, title: 丙类, type: amount}\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        values: [123456.78, 100000.00, 20000.00, 3456.78, 0.00]\n"
	"        children:\n"
	"          - {code: \"2010301\", name: 行政运行一般公共服务支出,\n"
	"             values: [123456.78, 100000.00, 20000.00, 3456.78, 0.00]}\n";

/* Tables of other shapes: four label columns nested by labels; no name
 * column with quantities (fixed units, places); a quantity whose unit is
 * in a text column; text fields, a note, an incomplete source and a table
 * unit of its own; a name with a bidi override. */
static const char misc_text[] =
	"schema: 2\n"
	"document: {department: X, year: 2020, unit: 万元, title: 合成}\n"
	"tables:\n"
	"  - id: t12\n"
	"    label: 表12\n"
	"    title: 采购\n"
	"    kind: k12\n"
	"    labels:\n"
	"      - {key: category, title: 大类}\n"
	"      - {key: project, title: 专项}\n"
	"      - {key: econ, title: 经济科目}\n"
	"      - {key: item, title: 物品}\n"
	"    nest: labels\n"
	"    columns:\n"
	"      - {key: method, title: 形式, type: text}\n"
	"      - {key: total, title: 总计, type: amount}\n"
	"    rows:\n"
	"      - {labels: [合计, ~, ~, ~], values: [~, 12.00]}\n"
	"      - {labels: [一、货物, ~, ~, ~], values: [~, 12.00]}\n"
	"      - {labels: [~, 办公, ~, ~], values: [~, 12.00]}\n"
	"      - {labels: [~, ~, 办公设备, 电脑], values: [集中采购, 12.00]}\n"
	"  - id: t9\n"
	"    label: 表9\n"
	"    title: 三公\n"
	"    kind: k9\n"
	"    columns:\n"
	"      - {key: total, title: 合计, type: amount}\n"
	"      - {key: abroad, title: 出国, group: [三公], type: amount}\n"
	"      - {key: cars, title: 车辆, group: [三公], type: quantity, unit: 辆}\n"
	"      - {key: area, title: 面积, type: quantity, places: 2, unit: 平方米}\n"
	"    rows:\n"
	"      - {id: total, values: [3.50, 0.00, 46, 5221.7]}\n"
	"  - id: t10\n"
	"    label: 表10\n"
	"    title: 项目\n"
	"    kind: k10\n"
	"    unit: 元\n"
	"    note: 本表无政府性基金。\n"
	"    incomplete: 缺第二页\n"
	"    texts:\n"
	"      - {key: content, title: 项目内容}\n"
	"      - {key: goals, title: 绩效目标}\n"
	"    name_title: 项目名称\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        values: [100.00]\n"
	"        children:\n"
	"          - name: 信访\n"
	"            values: [100.00]\n"
	"            content: 用于信访接待大厅的日常运行与维护，保障群众来访秩序，"
	"确保接访大厅安全、有序，全年无重大事故发生，群众满意度持续提高。\n"
	"            goals: Keep the hall open every working day of the year without exception.\n"
	"  - id: t13\n"
	"    label: 表13\n"
	"    title: 不可见\n"
	"    kind: k13\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: a, title: 金额, type: amount}\n"
	"      - {key: u, title: 单位, type: text}\n"
	"      - {key: q, title: 数量, type: quantity, unit_column: u}\n"
	"    rows:\n"
	"      - {name: \"甲\\u202E乙\", values: [1.00, \"台\\u200B\", 2]}\n"
	"      - {name: 丙, values: [~, ~, ~]}\n";

/* The prior year of sides_text (same department, 2019) for a compared
 * table: 一、服务 was 20.00 and 二、旧项 is gone this year. */
static const char sides_old_text[] =
	"schema: 2\n"
	"document: {department: X, year: 2019, unit: 万元, title: 合成}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 收支\n"
	"    kind: k1\n"
	"    sides:\n"
	"      - id: income\n"
	"        title: 收入\n"
	"        name_title: 项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - id: income_total\n"
	"            name: 收入总计\n"
	"            total_after: true\n"
	"            line: 15\n"
	"            values: [30.00]\n"
	"            children:\n"
	"              - {name: 一、拨款, line: 1, values: [10.00]}\n"
	"              - {name: 二、其他, values: [15.00]}\n"
	"              - {name: 三、结转, values: [5.00]}\n"
	"      - id: function\n"
	"        title: 功能\n"
	"        group: 支出\n"
	"        name_title: 项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - id: exp_total\n"
	"            name: 支出总计\n"
	"            total_after: true\n"
	"            line: 15\n"
	"            values: [30.00]\n"
	"            children:\n"
	"              - {name: 一、服务, line: 1, values: [20.00]}\n"
	"              - {name: 二、旧项, line: 9, values: [10.00]}\n"
	"      - id: use\n"
	"        title: 用途\n"
	"        group: 支出\n"
	"        name_title: 项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - {name: 基本, line: 1, values: [20.00]}\n"
	"          - {name: 项目, values: [10.00]}\n";

/* Headings wider than what they stand over: 表1's spanning heading over
 * two narrow columns (and a third column beside); 表2's two levels of
 * spanning headings over the columns after the main one; 表3's side title
 * and side group wider than their sides. */
static const char heads_text[] =
	"schema: 2\n"
	"document: {department: X, year: 2020, unit: 万元, title: 合成}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 组\n"
	"    kind: k1\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: a, title: 甲, group: [很长很长的分组标题], type: amount}\n"
	"      - {key: b, title: 乙, group: [很长很长的分组标题], type: amount}\n"
	"      - {key: c, title: 丙, type: amount}\n"
	"    rows:\n"
	"      - {name: 甲, values: [1.00, 2.00, 3.00]}\n"
	"  - id: t2\n"
	"    label: 表2\n"
	"    title: 层\n"
	"    kind: k2\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: total, title: 总计, type: amount}\n"
	"      - {key: a, title: 甲类, group: [项目支出, 专项], type: amount}\n"
	"      - {key: b, title: 乙类, group: [项目支出, 专项], type: amount}\n"
	"    rows:\n"
	"      - {name: 合计, values: [1234.56, 1000.00, 234.56]}\n"
	"  - id: t3\n"
	"    label: 表3\n"
	"    title: 收支\n"
	"    kind: k3\n"
	"    sides:\n"
	"      - id: income\n"
	"        title: 一般公共预算财政拨款收入\n"
	"        name_title: 项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows: [{name: 甲, line: 1, values: [10.00]}]\n"
	"      - id: use\n"
	"        title: 用途\n"
	"        group: 一般公共预算财政拨款支出合计\n"
	"        name_title: 项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows: [{name: 基本, line: 1, values: [20.00]}]\n";

static struct document *one, *sides, *wide, *misc, *sides_old, *heads;

static int setup(void **state)
{
	(void)state;
	/* CJK widths need a UTF-8 LC_CTYPE. */
	if (!text_init())
		return -1;
	msg_set_chinese(false);
	one = fixture_text("one.yaml", one_text);
	sides = fixture_text("sides.yaml", sides_text);
	wide = fixture_text("wide.yaml", wide_text);
	misc = fixture_text("misc.yaml", misc_text);
	sides_old = fixture_text("sides-2019.yaml", sides_old_text);
	heads = fixture_text("heads.yaml", heads_text);
	return one && sides && wide && misc && sides_old && heads ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	model_free(one);
	model_free(sides);
	model_free(wide);
	model_free(misc);
	model_free(sides_old);
	model_free(heads);
	return 0;
}

/* Before each test: English, Unicode glyphs. */
static int reset(void **state)
{
	(void)state;
	msg_set_chinese(false);
	render_set_ascii(false);
	return 0;
}

/* ---- helpers ---------------------------------------------------------------- */

static const struct table *table(const struct document *d, const char *id)
{
	const struct table *t = model_find_table(d, id);
	assert_non_null(t);
	return t;
}

/* The lines joined by '\n', each followed by one (caller frees). */
static char *joined(const struct lines *ls)
{
	struct sbuf b = { 0 };
	sbuf_add(&b, "");
	for (size_t i = 0; i < ls->n; i++)
		sbuf_addf(&b, "%s\n", ls->v[i].text);
	return sbuf_take(&b);
}

/* The index of the first line at or after `from` containing s, or -1. */
static long find(const struct lines *ls, size_t from, const char *s)
{
	for (size_t i = from; i < ls->n; i++)
		if (strstr(ls->v[i].text, s))
			return (long)i;
	return -1;
}

static long find_style(const struct lines *ls, enum line_style style)
{
	for (size_t i = 0; i < ls->n; i++)
		if (ls->v[i].style == style)
			return (long)i;
	return -1;
}

/* The display column at which the first s of line begins, or -1. */
static int column_of(const char *line, const char *s)
{
	const char *at = strstr(line, s);
	if (!at)
		return -1;
	char *head = strndup(line, (size_t)(at - line));
	int w = text_width(head);
	free(head);
	return w;
}

/* The display column just after the first s of line, or -1. */
static int end_of(const char *line, const char *s)
{
	int c = column_of(line, s);
	return c < 0 ? -1 : c + text_width(s);
}

static int widest(const struct lines *ls)
{
	int w = 0;
	for (size_t i = 0; i < ls->n; i++)
		if (text_width(ls->v[i].text) > w)
			w = text_width(ls->v[i].text);
	return w;
}

static void expect_cell(const struct row *r, size_t col, const char *want)
{
	struct sbuf b = { 0 };
	sbuf_add(&b, "");
	render_cell(r, col, &b);
	assert_string_equal(b.s, want);
	sbuf_free(&b);
}

/* ---- one side ------------------------------------------------------------------ */

/* The whole of a small table: title, meta, the group centred over its two
 * columns, titles, rule, rows with indented names and right-aligned
 * amounts, a blank cell left empty beside a 0.00. */
static void test_one_side_lines(void **state)
{
	(void)state;
	struct lines ls = { 0 };
	render_table(table(one, "t3"), 0, &ls);
	char *got = joined(&ls);
	assert_string_equal(got,
		"表3  title\n"
		"Department: X  Year: 2020  Unit: 万元\n"
		"                                   财政拨款资金\n"
		"编码   项目                 合计     基本    项目\n"
		"-------------------------------------------------\n"
		"       合计              1234.50  1000.00  234.50\n"
		"201      一般公共服务    1234.50  1000.00  234.50\n"
		"20101      人大事务        34.50             0.00\n"
		"20102      政协事务      1200.00  1000.00  234.50\n");
	free(got);
	/* Styles: title, meta, two headings, rule, a total (it has children),
	 * another, then plain rows, each tagged with its row. */
	static const enum line_style styles[] = {
		STYLE_TITLE, STYLE_META, STYLE_HEADING, STYLE_HEADING, STYLE_RULE,
		STYLE_TOTAL, STYLE_TOTAL, STYLE_ROW, STYLE_ROW,
	};
	assert_int_equal(ls.n, sizeof styles / sizeof *styles);
	for (size_t i = 0; i < ls.n; i++) {
		assert_int_equal(ls.v[i].style, styles[i]);
		if (i < 5)
			assert_null(ls.v[i].row);
		else
			assert_non_null(ls.v[i].row);
	}
	assert_string_equal(model_row_name(ls.v[7].row), "人大事务");
	lines_free(&ls);
	assert_int_equal(ls.n, 0);
}

/* The same table measured: the properties the lines above show, stated
 * one by one so that a failure says which. */
static void test_one_side_geometry(void **state)
{
	(void)state;
	const struct table *t = table(one, "t3");
	struct lines ls = { 0 };
	struct table_layout lay;
	render_layout(t, 0, &lay);
	render_table(t, 0, &ls);
	long rule = find_style(&ls, STYLE_RULE);
	assert_true(rule > 0);
	/* The rule is as wide as the widest line, and as the layout. */
	assert_int_equal(text_width(ls.v[rule].text), widest(&ls));
	assert_int_equal(text_width(ls.v[rule].text), lay.width);
	assert_false(lay.stacked);
	assert_int_equal(lay.nleft_out, 0);
	/* Code column as wide as the widest code; names with the marker room. */
	assert_int_equal(lay.sides[0].code_w, 5);
	assert_int_equal(lay.sides[0].label_w[0], 2 + 2 * 1 + text_width("一般公共服务"));
	/* Names: two columns more per level, after the code column. */
	int name_at = lay.sides[0].code_w + RENDER_GAP;
	assert_int_equal(column_of(ls.v[rule + 1].text, "合计"), name_at);
	assert_int_equal(column_of(ls.v[rule + 2].text, "一般公共服务"), name_at + 2);
	assert_int_equal(column_of(ls.v[rule + 3].text, "人大事务"), name_at + 4);
	/* Amounts end where their column's title ends: right-aligned. */
	const char *titles = ls.v[rule - 1].text;
	int total_end = end_of(titles, "合计");
	assert_int_equal(end_of(ls.v[rule + 1].text, "1234.50"), total_end);
	assert_int_equal(end_of(ls.v[rule + 3].text, "34.50"), total_end);
	assert_int_equal(end_of(ls.v[rule + 4].text, "1200.00"), total_end);
	/* The last column's title (项目) ends the titles line. */
	int project_end = text_width(titles);
	assert_int_equal(project_end, lay.width);
	assert_int_equal(end_of(ls.v[rule + 3].text, "0.00"), project_end);
	/* The group is centred over its two columns: as much room on each
	 * side, give or take one. */
	int from = column_of(titles, "基本") - (lay.sides[0].col_w[1] - text_width("基本"));
	int left = column_of(ls.v[rule - 2].text, "财政拨款资金") - from;
	int right = project_end - end_of(ls.v[rule - 2].text, "财政拨款资金");
	assert_true(left >= 0 && right >= 0);
	assert_true(left == right || left + 1 == right);
	/* A blank cell prints nothing, not 0.00. */
	const char *blank = ls.v[rule + 3].text;
	assert_null(strstr(blank, "1000.00"));
	assert_int_equal(text_width(blank), lay.width);
	render_layout_free(&lay);
	lines_free(&ls);
}

/* The meta line in the run's language, the table's own unit after it. */
static void test_meta_in_both_languages(void **state)
{
	(void)state;
	struct lines ls = { 0 };
	render_table_top(table(one, "t3"), &ls);
	assert_int_equal(ls.n, 2);
	assert_string_equal(ls.v[0].text, "表3  title");
	assert_int_equal(ls.v[0].style, STYLE_TITLE);
	assert_string_equal(ls.v[1].text, "Department: X  Year: 2020  Unit: 万元");
	assert_int_equal(ls.v[1].style, STYLE_META);
	lines_free(&ls);

	msg_set_chinese(true);
	render_table_top(table(one, "t3"), &ls);
	assert_string_equal(ls.v[1].text, "部门：X  年度：2020  单位：万元");
	lines_free(&ls);
	/* 表10 is in 元, not the document's 万元; its source is incomplete. */
	render_table_top(table(misc, "t10"), &ls);
	assert_int_equal(ls.n, 3);
	assert_string_equal(ls.v[1].text, "部门：X  年度：2020  单位：万元（本表单位：元）");
	assert_string_equal(ls.v[2].text, "来源不完整：缺第二页");
	assert_int_equal(ls.v[2].style, STYLE_WARN);
	lines_free(&ls);

	msg_set_chinese(false);
	struct sbuf b = { 0 };
	render_doc_meta(one, &b);
	assert_string_equal(b.s, "Department: X  Year: 2020  Unit: 万元");
	sbuf_free(&b);
}

/* ---- sides ---------------------------------------------------------------------- */

/* Three sides side by side: " | " between them, side titles over each,
 * the group 支出 over the last two (separator included), rows on their
 * printed lines: the totals of line 15 on one line, blanks where a side
 * has no row on a line. */
static void test_sides_side_by_side(void **state)
{
	(void)state;
	const struct table *t = table(sides, "t1");
	struct lines ls = { 0 };
	render_table(t, 0, &ls);
	char *got = joined(&ls);
	assert_string_equal(got,
		"表1  收支\n"
		"Department: X  Year: 2020  Unit: 万元\n"
		"                                     支出\n"
		"       收入         |        功能         |     用途\n"
		"项目           金额 | 项目           金额 | 项目     金额\n"
		"---------------------------------------------------------\n"
		"  一、拨款    10.00 |   一、服务    30.00 | 基本    20.00\n"
		"  二、其他    15.00 |                     | 项目    10.00\n"
		"  三、结转     5.00 |                     |\n"
		"收入总计      30.00 | 支出总计      30.00 |\n");
	free(got);
	/* Each line is tagged with its first row: the income side's. */
	long totals = find(&ls, 0, "收入总计");
	assert_int_equal(totals, (long)ls.n - 1);
	assert_string_equal(model_row_name(ls.v[totals].row), "收入总计");
	assert_int_equal(ls.v[totals].style, STYLE_TOTAL);
	/* The separators stand in one column on every line of rows. */
	struct table_layout lay;
	render_layout(t, 0, &lay);
	assert_int_equal(lay.nsides, 3);
	assert_false(lay.stacked);
	assert_int_equal(lay.width, lay.sides[0].width + 3 + lay.sides[1].width + 3 +
			 lay.sides[2].width);
	assert_string_equal(render_side_separator(), " | ");
	for (long i = find_style(&ls, STYLE_HEADING) + 1; i < (long)ls.n; i++) {
		if (ls.v[i].style == STYLE_RULE)
			continue;
		assert_int_equal(column_of(ls.v[i].text, " | "), lay.sides[0].width);
	}
	/* 支出 is centred over 功能 | 用途 (their widths and a separator). */
	int span = lay.sides[1].width + 3 + lay.sides[2].width;
	int at = column_of(ls.v[2].text, "支出") - (lay.sides[0].width + 3);
	assert_int_equal(at, (span - text_width("支出")) / 2);
	render_layout_free(&lay);
	lines_free(&ls);
}

/* Too narrow for the sides together: one under the other, each with its
 * headings and rule; each fits. */
static void test_sides_stack_when_narrow(void **state)
{
	(void)state;
	const struct table *t = table(sides, "t1");
	struct table_layout lay;
	render_layout(t, 57, &lay);	/* exactly wide enough */
	assert_false(lay.stacked);
	render_layout_free(&lay);
	render_layout(t, 56, &lay);
	assert_true(lay.stacked);
	assert_int_equal(lay.width, lay.sides[0].width);	/* the widest side */
	render_layout_free(&lay);

	struct lines ls = { 0 };
	render_table(t, 50, &ls);
	size_t rules = 0;
	for (size_t i = 0; i < ls.n; i++) {
		assert_null(strstr(ls.v[i].text, " | "));
		assert_true(text_width(ls.v[i].text) <= 50);
		rules += ls.v[i].style == STYLE_RULE;
	}
	assert_int_equal(rules, 3);
	/* Side after side, each row once. */
	long a = find(&ls, 0, "收入总计"), b = find(&ls, 0, "功能"),
	     c = find(&ls, 0, "支出总计"), d = find(&ls, 0, "用途"), e = find(&ls, 0, "项目    10.00");
	assert_true(a > 0 && a < b && b < c && c < d && d < e);
	assert_string_equal(ls.v[a].text, "收入总计      30.00");
	assert_int_equal(find(&ls, (size_t)a + 1, "收入总计"), -1);
	lines_free(&ls);
}

/* ---- --width ------------------------------------------------------------------------ */

/* Does s stand in line whole, between spaces (or the line's ends)? */
static bool has_field(const char *line, const char *s)
{
	size_t n = strlen(s);
	for (const char *at = line; (at = strstr(at, s)); at++)
		if ((at == line || at[-1] == ' ') && (at[n] == '\0' || at[n] == ' '))
			return true;
	return false;
}

static bool is_row_line(const struct line *l)
{
	return l->style == STYLE_ROW || l->style == STYLE_TOTAL;
}

/* What a wide table looks like at width w: no line wider, every amount of
 * every shown column whole on its row's line, the main column always
 * there.  Returns how many columns were left out. */
static size_t check_fits(const struct table *t, int w)
{
	struct lines ls = { 0 };
	struct table_layout lay;
	render_layout(t, w, &lay);
	render_table(t, w, &ls);
	const struct side_layout *sl = &lay.sides[0];
	const struct side *s = sl->side;
	assert_true(sl->col_w[s->main] > 0);
	size_t rows = 0;
	for (size_t i = 0; i < ls.n; i++) {
		const struct line *l = &ls.v[i];
		if (text_width(l->text) > w)
			fail_msg("width %d: line %zu is %d wide: %s", w, i,
				 text_width(l->text), l->text);
		if (!is_row_line(l))
			continue;
		rows++;
		/* Names may be cropped; what follows them never is. */
		const char *after = strstr(l->text, TEXT_CROP_MARK);
		if (after)
			assert_null(strstr(after + 1, TEXT_CROP_MARK));
		char buf[AMOUNT_BUFSZ];
		for (size_t k = 0; k < s->ncolumns; k++) {
			const char *a = amount_format(l->row->cells[k].n, buf, sizeof buf);
			if (sl->col_w[k] < 0)
				continue;
			if (!has_field(l->text, a))
				fail_msg("width %d: %s lost from %s", w, a, l->text);
		}
	}
	assert_int_equal(rows, 2);
	size_t n = lay.nleft_out;
	render_layout_free(&lay);
	lines_free(&ls);
	return n;
}

/* The code heading gives way to the codes, then names narrow to 8
 * columns; only then are columns left out, from the right, never the main
 * one (丙类, the last). */
static void test_width_narrows_names_then_columns(void **state)
{
	(void)state;
	const struct table *t = table(wide, "t6");
	struct table_layout lay;
	render_layout(t, 0, &lay);
	const struct side_layout *sl = &lay.sides[0];
	assert_int_equal(lay.width, 89);
	assert_int_equal(sl->code_w, 12);
	assert_int_equal(sl->label_w[0], 2 + 2 + 24);
	render_layout_free(&lay);

	render_layout(t, 84, &lay);	/* the code heading gives way first */
	assert_int_equal(lay.width, 84);
	assert_int_equal(lay.sides[0].code_w, 7);
	assert_int_equal(lay.sides[0].label_w[0], 28);
	render_layout_free(&lay);

	render_layout(t, 70, &lay);	/* then the names */
	assert_int_equal(lay.width, 70);
	assert_int_equal(lay.sides[0].label_w[0], 14);
	assert_int_equal(lay.nleft_out, 0);
	render_layout_free(&lay);

	/* Names down to 8 past the tree's indentation and marker (4): 12,
	 * and everything still fits. */
	render_layout(t, 68, &lay);
	assert_int_equal(lay.width, 68);
	assert_int_equal(lay.sides[0].label_w[0], 12);
	assert_int_equal(lay.nleft_out, 0);
	render_layout_free(&lay);

	render_layout(t, 67, &lay);	/* one column less: 乙类, not 丙类 */
	sl = &lay.sides[0];
	assert_int_equal(sl->label_w[0], 12);
	assert_int_equal(lay.nleft_out, 1);
	assert_int_equal(sl->col_w[3], -1);
	assert_true(sl->col_w[4] > 0);
	assert_true(lay.width <= 67);
	render_layout_free(&lay);

	render_layout(t, 30, &lay);	/* all but the main one */
	sl = &lay.sides[0];
	assert_int_equal(lay.nleft_out, 4);
	for (int k = 0; k < 4; k++)
		assert_int_equal(sl->col_w[k], -1);
	assert_int_equal(sl->col_w[4], 4);
	render_layout_free(&lay);

	for (int w = 40; w <= 90; w++)
		check_fits(t, w);
	assert_int_equal(check_fits(t, 68), 0);
	assert_int_equal(check_fits(t, 54), 2);
}

/* What was left out is said, in column order, with spanning headings, in
 * the run's language; nothing is said when nothing was. */
static void test_width_says_what_is_not_shown(void **state)
{
	(void)state;
	const struct table *t = table(wide, "t6");
	struct lines ls = { 0 };
	render_table(t, 68, &ls);
	assert_int_equal(find(&ls, 0, "not shown"), -1);
	lines_free(&ls);

	render_table(t, 67, &ls);
	assert_string_equal(ls.v[ls.n - 1].text, "(not shown: 项目支出/乙类)");
	assert_int_equal(ls.v[ls.n - 1].style, STYLE_META);
	lines_free(&ls);

	render_table(t, 50, &ls);
	assert_string_equal(ls.v[ls.n - 1].text, "(not shown: 项目支出/甲类, 项目支出/乙类)");
	/* The heading of a column left out is not printed either. */
	long rule = find_style(&ls, STYLE_RULE);
	assert_null(strstr(ls.v[rule - 1].text, "甲类"));
	assert_non_null(strstr(ls.v[rule - 1].text, "丙类"));
	lines_free(&ls);

	msg_set_chinese(true);
	render_table(t, 50, &ls);
	assert_string_equal(ls.v[ls.n - 1].text, "（未显示：项目支出/甲类、项目支出/乙类）");
	lines_free(&ls);

	/* Wrapped to the width when it is long. */
	msg_set_chinese(false);
	render_table(t, 40, &ls);
	long at = find(&ls, 0, "(not shown: 基本支出, 项目支出/甲类");
	assert_true(at > 0);
	assert_true((size_t)at + 2 == ls.n);
	assert_true(text_width(ls.v[at].text) <= 40);
	assert_non_null(strstr(ls.v[at + 1].text, "乙类)"));
	lines_free(&ls);
}

/* --print at a width: the same lines, each within the width. */
static void test_print_view_keeps_its_width(void **state)
{
	(void)state;
	struct print_opts o = { 50, NULL, NULL };
	struct print_error err;
	struct lines ls = { 0 };
	assert_true(print_view(wide, "t6", &o, &ls, &err));
	for (size_t i = 0; i < ls.n; i++)
		assert_true(text_width(ls.v[i].text) <= 50);
	assert_true(find(&ls, 0, "123456.78") > 0);
	assert_true(find(&ls, 0, "(not shown: 项目支出/甲类, 项目支出/乙类)") > 0);
	lines_free(&ls);
	assert_false(print_view(wide, "t99", &o, &ls, &err));
	assert_int_equal(ls.n, 0);
}

/* ---- headings wider than their columns ------------------------------------------ */

/* The lines of a table laid out at width w (0: none) that its layout
 * makes: headings, rule and rows (the title and meta lines are cropped by
 * print). */
static bool is_laid_out(const struct line *l)
{
	return l->style == STYLE_HEADING || l->style == STYLE_RULE || is_row_line(l);
}

/* At width w every laid-out line of t fits, and every figure of every
 * column shown (not text) stands whole on its row's line. */
static void expect_fits(const struct table *t, int w)
{
	struct lines ls = { 0 };
	struct table_layout lay;
	render_layout(t, w, &lay);
	render_table(t, w, &ls);
	for (size_t i = 0; i < ls.n; i++) {
		const struct line *l = &ls.v[i];
		if (w > 0 && is_laid_out(l) && text_width(l->text) > w)
			fail_msg("width %d: line %zu is %d wide: %s", w, i, text_width(l->text),
				 l->text);
		if (!is_row_line(l))
			continue;
		const struct side *s = l->row->side;
		const struct side_layout *sl = &lay.sides[s->index];
		for (size_t k = 0; k < s->ncolumns; k++) {
			struct sbuf b = { 0 };
			render_cell(l->row, k, &b);
			/* Text columns are cut as names are. */
			if (sl->col_w[k] >= 0 && s->columns[k].type != COL_TEXT && b.s &&
			    !has_field(l->text, b.s))
				fail_msg("width %d: %s lost from %s", w, b.s, l->text);
			sbuf_free(&b);
		}
	}
	render_layout_free(&lay);
	lines_free(&ls);
}

/* A spanning heading wider than the columns under it widens them when
 * there is room, and gives way (cropped, with '~') when there is not,
 * before a column is left out; it never widens what is left past the
 * width, so a figure is never cut. */
static void test_spanning_heading_gives_way(void **state)
{
	(void)state;
	const struct table *t = table(heads, "t1");
	struct table_layout lay;
	struct lines ls = { 0 };
	render_layout(t, 0, &lay);
	int natural = lay.width;
	/* 项目 and the marker, 甲 and 乙 under the heading's 18, 丙. */
	assert_int_equal(natural, 6 + 2 + 18 + 2 + 4);
	render_layout_free(&lay);
	render_table(t, 0, &ls);
	assert_non_null(strstr(ls.v[2].text, "很长很长的分组标题"));
	lines_free(&ls);
	for (int w = 12; w <= natural + 2; w++)
		expect_fits(t, w);

	/* At 20: 丙 gives way (24 columns with the heading narrowed to its
	 * columns), 甲 and 乙 stay, and the heading takes the 2 columns left. */
	render_layout(t, 20, &lay);
	assert_int_equal(lay.nleft_out, 1);
	assert_true(lay.sides[0].col_w[0] > 0 && lay.sides[0].col_w[1] > 0);
	assert_int_equal(lay.sides[0].col_w[2], -1);
	assert_int_equal(lay.width, 20);
	render_layout_free(&lay);
	render_table(t, 20, &ls);
	long rule = find_style(&ls, STYLE_RULE);
	assert_int_equal(rule, 4);
	assert_string_equal(ls.v[2].text, "        很长很长的~");
	assert_string_equal(ls.v[rule + 1].text, "甲      1.00    2.00");
	assert_string_equal(ls.v[ls.n - 1].text, "(not shown: 丙)");
	lines_free(&ls);

	/* Printed at 20 (print crops what is still too wide): the figures
	 * whole, as the real 表6 at --width=34 did not print 3676.98. */
	struct print_opts o = { 20, NULL, NULL };
	struct print_error err;
	assert_true(print_view(heads, "t1", &o, &ls, &err));
	for (size_t i = 0; i < ls.n; i++)
		assert_true(text_width(ls.v[i].text) <= 20);
	long row = find(&ls, 0, "1.00");
	assert_true(row > 0);
	assert_true(has_field(ls.v[row].text, "1.00") && has_field(ls.v[row].text, "2.00"));
	lines_free(&ls);
}

/* Spanning headings are printed only over the columns shown: when every
 * column under them is left out, their lines go with them, not left
 * blank. */
static void test_no_empty_heading_line(void **state)
{
	(void)state;
	const struct table *t = table(heads, "t2");
	struct lines ls = { 0 };
	/* All shown: two heading lines, the titles, the rule. */
	render_table(t, 0, &ls);
	long rule = find_style(&ls, STYLE_RULE);
	assert_int_equal(rule, 5);
	assert_non_null(strstr(ls.v[2].text, "项目支出"));
	assert_non_null(strstr(ls.v[3].text, "专项"));
	lines_free(&ls);
	/* 乙类 left out, 甲类 still under both headings. */
	render_table(t, 26, &ls);
	rule = find_style(&ls, STYLE_RULE);
	assert_int_equal(rule, 5);
	assert_non_null(strstr(ls.v[2].text, "项目支出"));
	assert_non_null(strstr(ls.v[3].text, "专项"));
	assert_true(find(&ls, 0, "(not shown: 项目支出/专项/") > 0);
	lines_free(&ls);
	/* Both left out: only the titles above the rule. */
	for (int w = 16; w <= 22; w++) {
		render_table(t, w, &ls);
		rule = find_style(&ls, STYLE_RULE);
		assert_int_equal(rule, 3);
		for (long i = 2; i < rule; i++)
			if (!ls.v[i].text[0])
				fail_msg("width %d: heading line %ld is empty", w, i);
		assert_non_null(strstr(ls.v[2].text, "总计"));
		assert_true(find(&ls, 0, "1234.56") > 0);
		lines_free(&ls);
	}
}

/* A side is as wide as its title, and the sides under a group as wide as
 * the group, when no width is given: neither is cut.  With a width, the
 * title and the group are cropped (with '~') before any figure. */
static void test_side_title_and_group_fit(void **state)
{
	(void)state;
	const struct table *t = table(heads, "t3");
	struct table_layout lay;
	struct lines ls = { 0 };
	render_layout(t, 0, &lay);
	assert_false(lay.stacked);
	assert_int_equal(lay.sides[0].width, text_width("一般公共预算财政拨款收入"));
	assert_int_equal(lay.sides[1].width, text_width("一般公共预算财政拨款支出合计"));
	render_layout_free(&lay);
	render_table(t, 0, &ls);
	for (size_t i = 0; i < ls.n; i++)
		assert_null(strstr(ls.v[i].text, TEXT_CROP_MARK));
	long group = find(&ls, 0, "一般公共预算财政拨款支出合计");
	long titles = find(&ls, 0, "一般公共预算财政拨款收入");
	assert_true(group > 0 && titles == group + 1);
	assert_non_null(strstr(ls.v[titles].text, "用途"));
	/* The figures still end where their side does. */
	long row = find(&ls, 0, "10.00");
	assert_int_equal(end_of(ls.v[row].text, "10.00"), text_width("一般公共预算财政拨款收入"));
	assert_int_equal(end_of(ls.v[row].text, "20.00"), text_width(ls.v[row].text));
	assert_int_equal(text_width(ls.v[row].text), 24 + 3 + 28);
	lines_free(&ls);

	/* Too narrow side by side: stacked, and each side takes its headings'
	 * room as far as the width allows. */
	render_layout(t, 40, &lay);
	assert_true(lay.stacked);
	assert_int_equal(lay.sides[0].width, 24);
	assert_int_equal(lay.sides[1].width, 28);
	render_layout_free(&lay);
	render_table(t, 40, &ls);
	for (size_t i = 0; i < ls.n; i++)
		if (is_laid_out(&ls.v[i]))
			assert_null(strstr(ls.v[i].text, TEXT_CROP_MARK));
	lines_free(&ls);
	render_table(t, 20, &ls);
	long title = find(&ls, 0, "一般公共预算财政拨~");
	assert_true(title > 0);
	assert_string_equal(ls.v[title].text, "一般公共预算财政拨~");
	assert_true(find(&ls, (size_t)title + 1, "一般公共预算财政拨~") > title);
	assert_true(find(&ls, 0, "10.00") > 0 && find(&ls, 0, "20.00") > 0);
	lines_free(&ls);
	for (int w = 14; w <= 60; w++)
		expect_fits(t, w);
}

/* When names at their narrowest and the main column alone are still too
 * wide (表12: four label columns), names narrow further, to a character
 * and the '~', rather than cut the figures; then every table here fits
 * every width from 25 up (表12's four names at 3 and its 12.00). */
static void test_names_give_way_to_figures(void **state)
{
	(void)state;
	const struct table *t = table(misc, "t12");
	struct table_layout lay;
	render_layout(t, 30, &lay);
	assert_true(lay.width <= 30);
	assert_int_equal(lay.nleft_out, 1);	/* 形式 */
	for (size_t i = 0; i < 4; i++)
		assert_true(lay.sides[0].label_w[i] >= 3);
	render_layout_free(&lay);
	const struct document *docs[] = { one, sides, wide, misc, heads };
	for (size_t d = 0; d < sizeof docs / sizeof *docs; d++)
		for (size_t i = 0; i < docs[d]->ntables; i++)
			for (int w = 25; w <= 100; w++)
				expect_fits(&docs[d]->tables[i], w);
}

/* ---- other shapes -------------------------------------------------------------------- */

/* Four label columns print as four columns, each under its title, not as
 * an indented tree; nest: labels made the tree. */
static void test_label_columns(void **state)
{
	(void)state;
	const struct table *t = table(misc, "t12");
	assert_int_equal(t->sides[0].nlabels, 4);
	struct lines ls = { 0 };
	render_table(t, 0, &ls);
	char *got = joined(&ls);
	assert_string_equal(got,
		"表12  采购\n"
		"Department: X  Year: 2020  Unit: 万元\n"
		"大类        专项  经济科目  物品  形式       总计\n"
		"-------------------------------------------------\n"
		"合计                                        12.00\n"
		"一、货物                                    12.00\n"
		"            办公                            12.00\n"
		"                  办公设备  电脑  集中采购  12.00\n");
	free(got);
	long rule = find_style(&ls, STYLE_RULE);
	const char *titles = ls.v[rule - 1].text;
	assert_int_equal(column_of(ls.v[rule + 3].text, "办公"), column_of(titles, "专项"));
	assert_int_equal(column_of(ls.v[rule + 4].text, "办公设备"), column_of(titles, "经济科目"));
	assert_int_equal(column_of(ls.v[rule + 4].text, "电脑"), column_of(titles, "物品"));
	assert_int_equal(column_of(ls.v[rule + 4].text, "集中采购"), column_of(titles, "形式"));
	/* 一、货物 and 办公 have children now. */
	assert_int_equal(ls.v[rule + 2].style, STYLE_TOTAL);
	assert_int_equal(ls.v[rule + 3].style, STYLE_TOTAL);
	assert_int_equal(ls.v[rule + 4].style, STYLE_ROW);
	lines_free(&ls);
}

/* A side without a name column: just its figures.  Quantities with their
 * places (5221.7 written, 2 places: 5221.70) and fixed unit; a unit from
 * a text column is not repeated. */
static void test_no_name_column_and_quantities(void **state)
{
	(void)state;
	const struct table *t = table(misc, "t9");
	assert_int_equal(t->sides[0].nlabels, 0);
	struct lines ls = { 0 };
	render_table(t, 0, &ls);
	char *got = joined(&ls);
	assert_string_equal(got,
		"表9  三公\n"
		"Department: X  Year: 2020  Unit: 万元\n"
		"         三公\n"
		"合计  出国  车辆           面积\n"
		"-------------------------------\n"
		"3.50  0.00  46辆  5221.70平方米\n");
	free(got);
	lines_free(&ls);
	const struct row *r = t->sides[0].rows;
	expect_cell(r, 2, "46辆");
	expect_cell(r, 3, "5221.70平方米");

	t = table(misc, "t13");
	r = t->sides[0].rows;
	expect_cell(r, 2, "2");
	render_table(t, 0, &ls);
	long row = find(&ls, 0, "1.00");
	assert_true(row > 0);
	assert_non_null(strstr(ls.v[row].text, "     2"));
	assert_null(strstr(ls.v[row].text, "2台"));
	lines_free(&ls);
}

/* Text fields: "title: text" paragraphs wrapped under the row's name (one
 * level deeper), within the width; the note below the table. */
static void test_text_fields_note_and_incomplete(void **state)
{
	(void)state;
	const struct table *t = table(misc, "t10");
	struct lines ls = { 0 };
	render_table(t, 0, &ls);
	char *got = joined(&ls);
	assert_string_equal(got,
		"表10  项目\n"
		"Department: X  Year: 2020  Unit: 万元 (unit of this table: 元)\n"
		"Incomplete in the source: 缺第二页\n"
		"项目名称      金额\n"
		"------------------\n"
		"合计        100.00\n"
		"  信访      100.00\n"
		"    项目内容: 用于信访接待大厅的日常运行\n"
		"              与维护，保障群众来访秩序，\n"
		"              确保接访大厅安全、有序，全\n"
		"              年无重大事故发生，群众满意\n"
		"              度持续提高。\n"
		"    绩效目标: Keep the hall open every\n"
		"              working day of the year\n"
		"              without exception.\n"
		"Note: 本表无政府性基金。\n");
	free(got);
	long name = find(&ls, 0, "信访 "), text = find(&ls, 0, "项目内容");
	assert_int_equal(text, name + 1);
	assert_int_equal(column_of(ls.v[text].text, "项目内容"),
			 column_of(ls.v[name].text, "信访") + RENDER_INDENT);
	for (long i = text; i < (long)ls.n - 1; i++) {
		assert_int_equal(ls.v[i].style, STYLE_TEXT);
		assert_null(ls.v[i].row);
	}
	assert_int_equal(ls.v[2].style, STYLE_WARN);
	assert_int_equal(ls.v[ls.n - 1].style, STYLE_META);
	lines_free(&ls);

	/* Chinese: "项目内容：", "注：", wrapped within a width of 30. */
	msg_set_chinese(true);
	render_table(t, 30, &ls);
	assert_true(find(&ls, 0, "    项目内容：用于") > 0);
	assert_string_equal(ls.v[ls.n - 1].text, "注：本表无政府性基金。");
	for (size_t i = 0; i < ls.n; i++)
		if (ls.v[i].style == STYLE_TEXT)
			assert_true(text_width(ls.v[i].text) <= 30);
	/* No word of the paragraphs is lost in the wrapping: the text lines
	 * without their spaces hold both texts without theirs. */
	struct sbuf all = { 0 };
	for (size_t i = 0; i < ls.n; i++)
		for (const char *p = ls.v[i].style == STYLE_TEXT ? ls.v[i].text : ""; *p; p++)
			if (*p != ' ')
				sbuf_addn(&all, p, 1);
	const struct row *r = t->sides[0].rows->child;
	for (size_t k = 0; k < 2; k++) {
		struct sbuf want = { 0 };
		sbuf_addf(&want, "%s：", t->texts[k].title);
		for (const char *p = r->texts[k]; *p; p++)
			if (*p != ' ')
				sbuf_addn(&want, p, 1);
		assert_non_null(strstr(all.s, want.s));
		sbuf_free(&want);
	}
	sbuf_free(&all);
	lines_free(&ls);
}

/* A blank cell (~) prints nothing; 0.00 prints 0.00; a whole blank row
 * keeps its name. */
static void test_blank_is_not_zero(void **state)
{
	(void)state;
	const struct table *t = table(one, "t3");
	const struct row *r = model_find_code(one, t, "20101");
	assert_non_null(r);
	assert_int_equal(r->cells[1].n, CELL_BLANK);
	expect_cell(r, 1, "");
	expect_cell(r, 2, "0.00");
	const struct table *t13 = table(misc, "t13");
	const struct row *blank = t13->sides[0].rows->next;
	expect_cell(blank, 0, "");
	expect_cell(blank, 1, "");
	expect_cell(blank, 2, "");
	struct lines ls = { 0 };
	render_table(t13, 0, &ls);
	assert_string_equal(ls.v[ls.n - 1].text, "丙");
	lines_free(&ls);
}

/* Nothing invisible reaches a line: the bidi override in a name, and a
 * zero-width space in a text, show as their visible forms, and the columns
 * still line up. */
static void test_nothing_invisible(void **state)
{
	(void)state;
	const struct table *t = table(misc, "t13");
	struct lines ls = { 0 };
	render_table(t, 0, &ls);
	long row = find(&ls, 0, "‹U+202E›");
	assert_true(row > 0);
	assert_non_null(strstr(ls.v[row].text, "甲‹U+202E›乙"));
	assert_non_null(strstr(ls.v[row].text, "台‹U+200B›"));
	assert_int_equal(text_width(ls.v[row].text), text_width(ls.v[row - 1].text));
	for (size_t i = 0; i < ls.n; i++) {
		const char *s = ls.v[i].text;
		assert_true(text_is_clean(s, strlen(s), false));
		assert_null(strstr(s, "\xE2\x80\xAE"));		/* U+202E itself */
		assert_null(strstr(s, "\xE2\x80\x8B"));		/* U+200B */
	}
	lines_free(&ls);
	/* Every table of every document. */
	const struct document *docs[] = { one, sides, wide, misc };
	for (size_t d = 0; d < 4; d++) {
		render_document(docs[d], 0, &ls);
		for (size_t i = 0; i < ls.n; i++)
			assert_true(text_is_clean(ls.v[i].text, strlen(ls.v[i].text), false));
		lines_free(&ls);
	}
}

/* ---- alignment ---------------------------------------------------------------------- */

/* Rows made up for render_align: only their printed lines matter. */
static struct row rows_a[3], rows_b[3];

static void make_flats(struct flat *f, const int *la, size_t na, const int *lb, size_t nb)
{
	static struct flat_row va[3], vb[3];
	for (size_t i = 0; i < na; i++) {
		rows_a[i] = (struct row){ .print_line = la[i] };
		va[i] = (struct flat_row){ &rows_a[i], 0 };
	}
	for (size_t i = 0; i < nb; i++) {
		rows_b[i] = (struct row){ .print_line = lb[i] };
		vb[i] = (struct flat_row){ &rows_b[i], 0 };
	}
	f[0] = (struct flat){ va, na, 3 };
	f[1] = (struct flat){ vb, nb, 3 };
}

static void expect_aligned(const struct aligned *al, const long *want, size_t nlines)
{
	assert_int_equal(al->nsides, 2);
	assert_int_equal(al->nlines, nlines);
	for (size_t i = 0; i < 2 * nlines; i++) {
		long got = render_aligned_at(al, i % 2, i / 2);
		if (got != want[i])
			fail_msg("line %zu side %zu: %ld, want %ld", i / 2, i % 2, got, want[i]);
	}
}

static void test_align(void **state)
{
	(void)state;
	struct flat f[2];
	struct aligned al;
	/* By printed line: A on 1, 1, 3 (two rows of one side on one line,
	 * as a sorted or compared side may have), B on 1, 2, 3. */
	static const int la[] = { 1, 1, 3 }, lb[] = { 1, 2, 3 };
	make_flats(f, la, 3, lb, 3);
	render_align(f, 2, false, &al);
	static const long by_line[] = { 0, 0, 1, -1, -1, 1, 2, 2 };
	expect_aligned(&al, by_line, 4);
	render_aligned_free(&al);
	assert_null(al.line);
	/* Sequential: by place, whatever the lines say. */
	render_align(f, 2, true, &al);
	static const long by_place[] = { 0, 0, 1, 1, 2, 2 };
	expect_aligned(&al, by_place, 3);
	render_aligned_free(&al);
	/* Lines with a gap, sides of different lengths: A on 2, 15; B on 15.
	 * A's 2 stands alone, 15 with 15; no line for the lines between. */
	static const int la2[] = { 2, 15 }, lb2[] = { 15 };
	make_flats(f, la2, 2, lb2, 1);
	render_align(f, 2, false, &al);
	static const long gap[] = { 0, -1, 1, 0 };
	expect_aligned(&al, gap, 2);
	render_aligned_free(&al);
	render_align(f, 2, true, &al);
	static const long seq[] = { 0, 0, 1, -1 };
	expect_aligned(&al, seq, 2);
	render_aligned_free(&al);
	/* A side with no rows at all. */
	make_flats(f, la2, 2, lb2, 0);
	render_align(f, 2, false, &al);
	static const long alone[] = { 0, -1, 1, -1 };
	expect_aligned(&al, alone, 2);
	render_aligned_free(&al);
	make_flats(f, la2, 0, lb2, 0);
	render_align(f, 2, false, &al);
	assert_int_equal(al.nlines, 0);
	render_aligned_free(&al);
}

/* Many sides of one row each cost as many lines as rows, not rows times
 * sides: the alignment is sparse (a hostile file may have 100,000 sides). */
static void test_align_many_sides(void **state)
{
	(void)state;
	enum { SIDES = 50000 };
	struct row *rows = calloc(SIDES, sizeof *rows);
	struct flat_row *v = calloc(SIDES, sizeof *v);
	struct flat *f = calloc(SIDES, sizeof *f);
	for (size_t s = 0; s < SIDES; s++) {
		rows[s].print_line = (int)s;	/* every row its own line */
		v[s] = (struct flat_row){ &rows[s], 0 };
		f[s] = (struct flat){ &v[s], 1, 1 };
	}
	struct aligned al;
	render_align(f, SIDES, false, &al);
	assert_int_equal(al.nlines, SIDES);
	assert_int_equal(render_aligned_at(&al, 123, 123), 0);
	assert_int_equal(render_aligned_at(&al, 123, 124), -1);
	render_aligned_free(&al);
	free(rows);
	free(v);
	free(f);
}

/* The same through render_table_rows: sorted rows of the sides (the
 * browser's flats) go sequentially, line after line. */
static void test_table_rows_sequential(void **state)
{
	(void)state;
	const struct table *t = table(sides, "t1");
	struct flat f[3] = { { 0 } };
	for (size_t i = 0; i < 3; i++)
		flatten_side(&t->sides[i], NULL, NULL, NULL, NULL, &f[i]);
	struct lines ls = { 0 };
	render_table_rows(t, 0, f, true, &ls);
	long first = find_style(&ls, STYLE_RULE) + 1;
	/* Sequential: the nth rows of the sides share a line, whatever their
	 * printed lines: the second has 二、其他 | 支出总计 | 项目. */
	assert_non_null(strstr(ls.v[first + 1].text, "二、其他"));
	assert_non_null(strstr(ls.v[first + 1].text, "支出总计"));
	assert_non_null(strstr(ls.v[first + 1].text, "项目    10.00"));
	assert_int_equal(ls.n, (size_t)first + 4);
	lines_free(&ls);
	/* Not sequential: as render_table prints them. */
	struct lines all = { 0 };
	render_table_rows(t, 0, f, false, &ls);
	render_table(t, 0, &all);
	char *a = joined(&ls), *b = joined(&all);
	assert_string_equal(a, b);
	free(a);
	free(b);
	lines_free(&ls);
	lines_free(&all);
	/* Only the rows a flat holds: 收入总计 closed (its children hidden). */
	flatten_free(&f[0]);
	f[0] = (struct flat){ 0 };
	struct flat_row fr = { t->sides[0].rows, 0 };
	f[0].v = &fr;
	f[0].n = f[0].cap = 1;
	render_table_rows(t, 0, f, false, &ls);
	assert_int_equal(find(&ls, 0, "一、拨款"), -1);
	long total = find(&ls, 0, "收入总计");
	assert_true(total > 0);
	assert_non_null(strstr(ls.v[total].text, "支出总计"));
	lines_free(&ls);
	for (size_t i = 1; i < 3; i++)
		flatten_free(&f[i]);
}

/* One side's part of a line, with the browser's open/closed marker. */
static void test_side_row_marker(void **state)
{
	(void)state;
	const struct table *t = table(one, "t3");
	struct table_layout lay;
	render_layout(t, 0, &lay);
	struct sbuf b = { 0 };
	const struct row *top = t->sides[0].rows;
	render_side_row(&lay.sides[0], top, 0, '+', &b);
	assert_string_equal(b.s, "       + 合计            1234.50  1000.00  234.50");
	sbuf_clear(&b);
	const struct row *leaf = model_find_code(one, t, "20102");
	render_side_row(&lay.sides[0], leaf, 2, '+', &b);
	assert_string_equal(b.s, "20102        政协事务    1200.00  1000.00  234.50");
	sbuf_clear(&b);
	/* A blank part is as wide as the side. */
	render_side_row(&lay.sides[0], NULL, 0, 0, &b);
	assert_int_equal(text_width(b.s), lay.width);
	sbuf_clear(&b);
	render_side_titles(&lay.sides[0], &b);
	assert_string_equal(b.s, "编码   项目                 合计     基本    项目");
	sbuf_free(&b);
	render_layout_free(&lay);
}

/* A side measured with another indent (the screen's, when names need the
 * room), then fitted: names one column a level; the fit narrows names
 * before it leaves a column out, as render_layout does. */
static void test_measure_side_indent(void **state)
{
	(void)state;
	const struct table *t = table(one, "t3");
	struct side_layout sl;
	render_measure_side(&t->sides[0], 1, &sl);
	assert_int_equal(sl.indent, 1);
	assert_int_equal(sl.code_w, 5);
	/* 一般公共服务 at depth 1 is the widest name: 1 + 12, and the marker. */
	assert_int_equal(sl.label_w[0], 1 + 12 + 2);
	assert_int_equal(sl.width, 5 + 2 + 15 + 2 + 7 + 2 + 7 + 2 + 6);
	struct sbuf b = { 0 };
	render_side_row(&sl, model_find_code(one, t, "20101"), 2, 0, &b);
	assert_int_equal(column_of(b.s, "人大事务"), 5 + 2 + 2);
	assert_int_equal(text_width(b.s), sl.width);
	sbuf_free(&b);
	/* 3 less: from the names only, which keep 8 past the tree (depth 2
	 * at indent 1, and the marker: 12). */
	render_side_fit(&sl, 45);
	assert_int_equal(sl.width, 45);
	assert_int_equal(sl.label_w[0], 12);
	for (size_t k = 0; k < 3; k++)
		assert_true(sl.col_w[k] > 0);
	render_side_fit(&sl, 30);	/* names at 12, then 项目, then 基本 */
	assert_int_equal(sl.label_w[0], 12);
	assert_int_equal(sl.col_w[2], -1);
	assert_int_equal(sl.col_w[1], -1);
	assert_true(sl.col_w[0] > 0);
	assert_true(sl.width <= 30);
	free(sl.label_w);
	free(sl.col_w);
}

/* ---- cells and glyphs --------------------------------------------------------------- */

/* render_cell for every kind of column, built by hand (a rate exists only
 * in a compared table). */
static void test_render_cell(void **state)
{
	(void)state;
	struct column cols[] = {
		{ .key = "a", .title = "a", .type = COL_AMOUNT, .unit_column = -1 },
		{ .key = "c", .title = "c", .type = COL_AMOUNT, .sign = true, .unit_column = -1 },
		{ .key = "q", .title = "q", .type = COL_QUANTITY, .places = 1, .unit = "台",
		  .unit_column = -1 },
		{ .key = "r", .title = "r", .type = COL_RATE, .unit_column = -1 },
		{ .key = "t", .title = "t", .type = COL_TEXT, .unit_column = -1 },
	};
	struct side s = { .columns = cols, .ncolumns = 5, .main = 0 };
	union cell cells[5];
	struct row r = { .cells = cells, .side = &s };
	cells[0].n = 367698;
	cells[1].n = 16081;
	cells[2].n = 4650;
	cells[3].n = 457;
	cells[4].s = "说明";
	expect_cell(&r, 0, "3676.98");
	expect_cell(&r, 1, "+160.81");
	expect_cell(&r, 2, "46.5台");
	expect_cell(&r, 3, "4.57%");
	expect_cell(&r, 4, "说明");
	cells[0].n = -300;
	cells[1].n = -300;
	cells[3].n = -10000;
	cells[4].s = NULL;
	expect_cell(&r, 0, "-3.00");
	expect_cell(&r, 1, "-3.00");
	expect_cell(&r, 3, "-100.00%");
	expect_cell(&r, 4, "");
	cells[0].n = 0;
	cells[1].n = 0;		/* no sign on no change */
	cells[2].n = 0;
	cells[3].n = 0;
	expect_cell(&r, 0, "0.00");
	expect_cell(&r, 1, "0.00");
	expect_cell(&r, 2, "0.0台");
	expect_cell(&r, 3, "0.00%");
	/* Blank: nothing; absent: a dash, ASCII with --ascii. */
	for (size_t k = 0; k < 4; k++) {
		cells[k].n = CELL_BLANK;
		expect_cell(&r, k, "");
		cells[k].n = CELL_ABSENT;
		expect_cell(&r, k, "—");
	}
	render_set_ascii(true);
	for (size_t k = 0; k < 4; k++)
		expect_cell(&r, k, "-");
	render_set_ascii(false);
	/* A quantity whose unit is another column's: no unit of its own. */
	cols[2].unit_column = 4;
	cells[2].n = 200;
	expect_cell(&r, 2, "2.0");
}

static void test_glyphs(void **state)
{
	(void)state;
	static const char *const unicode[GLYPH_COUNT] = { "—", "·", "›", "→", "│", "‹", "›" };
	static const char *const plain[GLYPH_COUNT] = { "-", ".", ">", "->", "|", "<", ">" };
	assert_false(render_is_ascii());
	for (int g = 0; g < GLYPH_COUNT; g++)
		assert_string_equal(render_glyph((enum glyph)g), unicode[g]);
	render_set_ascii(true);
	assert_true(render_is_ascii());
	for (int g = 0; g < GLYPH_COUNT; g++) {
		assert_string_equal(render_glyph((enum glyph)g), plain[g]);
		/* What --ascii promises: one column each, plain ASCII. */
		for (const char *p = plain[g]; *p; p++)
			assert_true((unsigned char)*p < 0x80);
	}
	assert_string_equal(render_glyph(GLYPH_COUNT), "");
	render_set_ascii(false);
	assert_string_equal(render_glyph(GLYPH_ABSENT), "—");
}

/* ---- a compared table is a table ------------------------------------------------------ */

/* compare_derive's table through the same renderer: the compared column's
 * heading spans its figures, absent figures show as dashes (ASCII with
 * --ascii), the dropped row stands where it stood and the totals of line
 * 15 still share a line. */
static void test_compared_table(void **state)
{
	(void)state;
	struct comparison c;
	struct compare_error err;
	assert_true(compare_build(&c, sides, sides_old, &err));
	const struct table *d = compare_derive(&c, table(sides, "t1"), NULL);
	assert_non_null(d);
	struct lines ls = { 0 };
	render_table(d, 0, &ls);
	assert_string_equal(ls.v[0].text, "表1  收支  (against the prior year: 金额)");
	assert_non_null(strstr(ls.v[1].text, "Prior year: sides-2019.yaml (2019)"));
	long rule = find_style(&ls, STYLE_RULE);
	assert_non_null(strstr(ls.v[rule - 1].text, "This year  Prior year  Change"));
	assert_int_equal(text_width(ls.v[rule].text), widest(&ls));
	long served = find(&ls, 0, "一、服务");
	assert_non_null(strstr(ls.v[served].text, "30.00       20.00  +10.00  50.00%"));
	long dropped = find(&ls, 0, "二、旧项");
	assert_true(dropped > served);
	assert_non_null(strstr(ls.v[dropped].text, "—       10.00       —       —  dropped"));
	long totals = find(&ls, 0, "收入总计");
	assert_int_equal(totals, dropped + 1);
	assert_non_null(strstr(ls.v[totals].text, "支出总计"));
	/* The sides' separators stand in one column on every line. */
	int sep = column_of(ls.v[rule - 1].text, " | ");
	assert_true(sep > 0);
	for (long i = rule + 1; i < (long)ls.n; i++)
		assert_int_equal(column_of(ls.v[i].text, " | "), sep);
	lines_free(&ls);
	render_set_ascii(true);
	render_table(d, 0, &ls);
	dropped = find(&ls, 0, "二、旧项");
	assert_non_null(strstr(ls.v[dropped].text, "-       10.00       -       -  dropped"));
	assert_null(strstr(ls.v[dropped].text, "—"));
	lines_free(&ls);
	compare_free(&c);
}

#define T(f) cmocka_unit_test_setup(f, reset)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_one_side_lines),
		T(test_one_side_geometry),
		T(test_meta_in_both_languages),
		T(test_sides_side_by_side),
		T(test_sides_stack_when_narrow),
		T(test_width_narrows_names_then_columns),
		T(test_width_says_what_is_not_shown),
		T(test_print_view_keeps_its_width),
		T(test_spanning_heading_gives_way),
		T(test_no_empty_heading_line),
		T(test_side_title_and_group_fit),
		T(test_names_give_way_to_figures),
		T(test_label_columns),
		T(test_no_name_column_and_quantities),
		T(test_text_fields_note_and_incomplete),
		T(test_blank_is_not_zero),
		T(test_nothing_invisible),
		T(test_align),
		T(test_align_many_sides),
		T(test_table_rows_sequential),
		T(test_side_row_marker),
		T(test_measure_side_indent),
		T(test_render_cell),
		T(test_glyphs),
		T(test_compared_table),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
