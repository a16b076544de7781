/* test_loader.c: the loader (src/doc/loader.c over src/doc/yread.c).  Good
 * files build the model the schema describes (schema 1, as the old
 * budget.yaml(5) has it, and schema 2, as the transcribers' working spec
 * has it); bad files fail with FILE:LINE:COL (1-based) and a message
 * naming what is wrong, and free everything they built.
 *
 * Every YAML text here is synthetic: made up for the test, in the shape of
 * the disclosures, not transcribed from any of them.  Only the last test
 * reads the real files under data/, and skips when they are not there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "doc/classify.h"
#include "doc/defaults.h"
#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/text.h"
#include "doc/yread.h"

#define N(a) (sizeof (a) / sizeof (a)[0])
#define REPLACEMENT TEXT_REPLACEMENT

/* ---- helpers ---------------------------------------------------------- */

static struct document *load(const char *text, struct loader_error *err)
{
	return loader_load_string("t.yaml", text, strlen(text), err);
}

static struct document *must_load(const char *text)
{
	struct loader_error err;
	struct document *doc = load(text, &err);
	if (!doc)
		fail_msg("load failed: %d:%d: %s", err.line, err.col, err.message);
	return doc;
}

/* Line and column (1-based; columns in characters, as libyaml counts) of
 * the first occurrence of `at` in text. */
static void position_of(const char *text, const char *at, int *line, int *col)
{
	const char *p = strstr(text, at);
	if (!p)
		fail_msg("no \"%s\" in the text", at);
	*line = 1;
	*col = 1;
	for (const char *q = text; q < p; q++) {
		if (*q == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)*q & 0xC0) != 0x80) {
			++*col;
		}
	}
}

/* The load fails at line:col with a message containing every part
 * (NULL-terminated); the error names the file. */
static void fails_at_v(const char *text, size_t len, int line, int col, va_list ap)
{
	struct loader_error err;
	struct document *doc = loader_load_string("t.yaml", text, len, &err);
	if (doc) {
		model_free(doc);
		fail_msg("loaded; expected an error at %d:%d", line, col);
	}
	bool ok = err.line == line && err.col == col;
	const char *part, *missing = NULL;
	while ((part = va_arg(ap, const char *)))
		if (!strstr(err.message, part) && !missing)
			missing = part;
	if (!ok || missing)
		fail_msg("got  %d:%d: %s\nwant %d:%d: ...%s...", err.line, err.col,
			 err.message, line, col, missing ? missing : "");
	assert_string_equal(err.file, "t.yaml");
}

static void fails_at(const char *text, int line, int col, ...)
{
	va_list ap;
	va_start(ap, col);
	fails_at_v(text, strlen(text), line, col, ap);
	va_end(ap);
}

/* Fails at the first occurrence of `at` in the text. */
static void fails_where(const char *text, const char *at, ...)
{
	int line, col;
	va_list ap;
	position_of(text, at, &line, &col);
	va_start(ap, at);
	fails_at_v(text, strlen(text), line, col, ap);
	va_end(ap);
}

/* base with its first `from` replaced by `to` (malloc'd). */
static char *edit(const char *base, const char *from, const char *to)
{
	const char *at = strstr(base, from);
	if (!at)
		fail_msg("no \"%s\" to edit", from);
	size_t n = strlen(base) - strlen(from) + strlen(to) + 1;
	char *s = malloc(n);
	snprintf(s, n, "%.*s%s%s", (int)(at - base), base, to, at + strlen(from));
	return s;
}

/* An edit of base that fails at the first occurrence of `at` in the
 * edited text, with a message containing every part. */
struct bad {
	const char *from, *to, *at;
	const char *part[3];
};

static void bad_edits(const char *base, const struct bad *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct bad *c = &cases[i];
		char *text = edit(base, c->from, c->to);
		int line, col;
		position_of(text, c->at, &line, &col);
		struct loader_error err;
		struct document *doc = load(text, &err);
		bool ok = !doc && err.line == line && err.col == col;
		for (int j = 0; j < 3 && ok && c->part[j]; j++)
			ok = strstr(err.message, c->part[j]) != NULL;
		if (!ok)
			print_error("case %zu (%s → %s): got %d:%d: %s\n  want %d:%d: %s\n", i,
				    c->from, c->to, doc ? 0 : err.line, doc ? 0 : err.col,
				    doc ? "(loaded)" : err.message, line, col, c->part[0]);
		model_free(doc);
		free(text);
		assert_true(ok);
	}
}

static const struct row *row_id(const struct document *doc, const char *table,
				const char *id)
{
	const struct table *t = model_find_table(doc, table);
	assert_non_null(t);
	const struct row *r = model_find_row_id(t, id);
	if (!r)
		fail_msg("no row %s in %s", id, table);
	return r;
}

/* ---- schema 1 ---------------------------------------------------------- */

/* Synthetic schema 1: one function-class table, flat under 总计, nested by
 * code; the schema 1 text fields on the top row. */
static const char schema1[] =
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
	"        content: 项目内容甲\n"
	"        goals: 绩效目标乙\n"
	"        note: 备注丙\n"
	"        children:\n"
	"          - {code: \"201\", name: 类, values: [10.00, 4.00, 6.00]}\n"
	"          - {code: \"20103\", name: 款, values: [10.00, 4.00, 6.00]}\n"
	"          - {code: \"2010301\", name: 项一, values: [4.00, 4.00, 0.00]}\n"
	"          - {code: \"2010399\", name: 项二, values: [6.00, ~, 6.00]}\n";

static void test_schema1_builds_tree(void **state)
{
	(void)state;
	struct document *doc = must_load(schema1);
	assert_int_equal(doc->schema, 1);
	assert_string_equal(doc->department, "测试部门");
	assert_int_equal(doc->year, 2021);
	assert_string_equal(doc->unit, "万元");
	assert_int_equal(doc->ntables, 1);

	const struct table *t = &doc->tables[0];
	char label[32];
	snprintf(label, sizeof label, defaults_schema1_label, 3);
	assert_string_equal(t->id, "t3");
	assert_string_equal(t->label, label);
	assert_string_equal(t->label, "表3");
	assert_int_equal(t->number, 3);
	assert_string_equal(t->kind, "expenditure");
	assert_string_equal(t->unit, "万元");
	assert_ptr_equal(model_find_table(doc, "t3"), t);
	assert_ptr_equal(model_find_table(doc, "表3"), t);
	assert_ptr_equal(model_find_table(doc, "3"), t);
	assert_null(model_find_table(doc, "4"));

	/* One side, no id; a name column is one label column keyed "name". */
	assert_int_equal(t->nsides, 1);
	const struct side *s = &t->sides[0];
	assert_null(s->id);
	assert_string_equal(s->code_title, "编码");
	assert_int_equal(s->nlabels, 1);
	assert_string_equal(s->labels[0].key, defaults_name_key);
	assert_string_equal(s->labels[0].title, "名称");
	assert_int_equal(s->ncolumns, 3);
	assert_int_equal(s->columns[0].nsum_of, 2);
	assert_int_equal(s->columns[0].sum_of[0], 1);
	assert_int_equal(s->columns[0].sum_of[1], 2);
	assert_int_equal(s->main, 0);
	assert_int_equal(s->nest, NEST_CODE);

	/* The tree: 总计 › 201 › 20103 › {2010301, 2010399}. */
	assert_int_equal(s->nrows, 1);
	const struct row *top = s->rows;
	assert_string_equal(model_row_name(top), "总计");
	assert_int_equal(top->nchildren, 1);
	const struct row *r = model_find_code(doc, t, "2010399");
	assert_non_null(r);
	assert_string_equal(model_row_name(r), "项二");
	assert_string_equal(r->parent->code, "20103");
	assert_string_equal(r->parent->parent->code, "201");
	assert_ptr_equal(r->parent->parent->parent, top);
	assert_int_equal(r->depth, 3);
	assert_int_equal(r->parent->nchildren, 2);
	assert_int_equal(r->cells[0].n, 600);
	assert_true(r->cells[1].n == CELL_BLANK);
	assert_int_equal(r->cells[2].n, 600);
	assert_int_equal(model_find_code(doc, t, "2010301")->cells[0].n, 400);
	/* Schema 1: the table's total is its first row. */
	assert_ptr_equal(t->total, top);
	assert_ptr_equal(s->total, top);
	/* Printed lines follow in display order. */
	assert_int_equal(top->print_line, 1);
	assert_int_equal(r->print_line, 5);
	assert_int_equal(t->nall, 5);
	model_free(doc);
}

static void test_schema1_text_fields(void **state)
{
	(void)state;
	struct document *doc = must_load(schema1);
	const struct table *t = &doc->tables[0];
	/* The schema's own fields, from defaults.c. */
	assert_int_equal(t->ntexts, defaults_schema1_ntexts);
	for (size_t i = 0; i < t->ntexts; i++) {
		assert_string_equal(t->texts[i].key, defaults_schema1_texts[i].key);
		assert_string_equal(t->texts[i].title, defaults_schema1_texts[i].title);
	}
	const struct row *top = t->sides[0].rows;
	assert_string_equal(model_row_text(top, "content"), "项目内容甲");
	assert_string_equal(model_row_text(top, "goals"), "绩效目标乙");
	assert_string_equal(model_row_text(top, "note"), "备注丙");
	assert_null(model_row_text(top->child, "content"));
	model_free(doc);
}

static void test_schema1_errors(void **state)
{
	(void)state;
	static const struct bad cases[] = {
		/* The closed list of kinds (schema 2 opens it). */
		{ "kind: expenditure", "kind: expenses", "expenses",
		  { "unknown table kind 'expenses'" } },
		/* Schema 2's keys are unknown in schema 1, at the key. */
		{ "    title: 支出总体情况表\n", "    title: 支出总体情况表\n    id: t3\n", "id: t3",
		  { "unknown key 'id' in a table" } },
		{ "    title: 支出总体情况表\n", "    title: 支出总体情况表\n    label: 表3\n",
		  "label: 表3", { "unknown key 'label' in a table" } },
		{ "    code_title: 编码\n", "    sides: []\n", "sides",
		  { "unknown key 'sides' in a table" } },
		{ "    name_title: 名称\n", "    labels: [{key: a, title: a}]\n", "labels",
		  { "unknown key 'labels' in a table" } },
		{ "    code_title: 编码\n", "    texts: [{key: a, title: a}]\n", "texts",
		  { "unknown key 'texts' in a table" } },
		{ "    code_title: 编码\n", "    total: total\n", "total: total",
		  { "unknown key 'total' in a table" } },
		{ "{code: \"201\",", "{line: 2, code: \"201\",", "line: 2",
		  { "unknown key 'line' in a row" } },
		{ "{code: \"201\",", "{link: {table: 3, row: total}, code: \"201\",", "link",
		  { "unknown key 'link' in a row" } },
		{ "{code: \"201\",", "{labels: [a], code: \"201\",", "labels",
		  { "unknown key 'labels' in a row" } },
		{ "type: amount}\n      - {key: project",
		  "type: amount, unit: 台}\n      - {key: project", "unit: 台",
		  { "unknown key 'unit' in a column" } },
		{ "title: 合成数据}", "title: 合成数据, region: 某省}", "region",
		  { "unknown key 'region' in document" } },
		/* Schema 1 has only amount and text columns, and nest: code. */
		{ "title: 基本支出, type: amount", "title: 基本支出, type: quantity", "quantity",
		  { "column type must be 'amount' or 'text'" } },
		{ "nest: code", "nest: labels", "labels", { "nest must be 'code'" } },
		/* A row key outside the schema's text fields: they are listed. */
		{ "        note: 备注丙\n", "        remark: 备注丙\n", "remark",
		  { "unknown key 'remark' in a row", "content, goals, note" } },
		/* Schema 1 requires number, and names on rows. */
		{ "  - number: 3\n    title", "  - title", "title: 支出",
		  { "a table lacks the required key 'number'" } },
		{ "{code: \"201\", name: 类, ", "{code: \"201\", ", "{code: \"201\"",
		  { "a row lacks the required key 'name'" } },
	};
	bad_edits(schema1, cases, N(cases));

	/* The list of expected keys names no schema 2 key. */
	char *text = edit(schema1, "    code_title: 编码\n", "    sides: []\n");
	struct loader_error err;
	assert_null(load(text, &err));
	const char *expected = strstr(err.message, "expected one of:");
	assert_non_null(expected);
	assert_null(strstr(expected, "sides"));
	assert_null(strstr(expected, "label"));
	assert_null(strstr(expected, "texts"));
	assert_non_null(strstr(expected, "name_title"));
	free(text);
}

/* ---- schema 2 ---------------------------------------------------------- */

/* Synthetic schema 2 with one of everything: a table printed as two sides
 * with declared lines, a table nested by code with text fields and a key
 * column, a side without a name column, quantities and links, a
 * procurement table of four label columns nested by labels, figures of
 * every kind, and identities. */
static const char full2[] =
	"schema: 2\n"
	"document:\n"
	"  department: 合成部门\n"
	"  year: 2021\n"
	"  unit: 万元\n"
	"  title: 合成部门2021年预算\n"
	"  region: 合成省\n"
	"  source: 合成来源\n"
	"narrative:\n"
	"  - id: part1\n"
	"    title: 一、说明\n"
	"    see: [t05, 表1-1, \"9\"]\n"
	"    paragraphs: [\"第一段。\", \"第二段\\n续行。\"]\n"
	"    figures:\n"
	"      - id: total\n"
	"        label: 支出合计\n"
	"        value: \"1,000.00\"\n"
	"        change: -10.5\n"
	"        rate: \"-1.04%\"\n"
	"        prior: 1010.50\n"
	"        ref: {table: 公开05表, row: total}\n"
	"        known: {rate: 源文小数点错位, value: 源文笔误}\n"
	"      - {id: share_a, label: 占比, value: 600, share: \"60%\", share_of: {figure: total}}\n"
	"      - {id: share_b, label: 占比二, value: 10, share: \"33.3%\",\n"
	"         share_of: {table: t1_1, side: income, row: a}}\n"
	"      - {id: cars, label: 车辆, quantity: 46, unit: 辆}\n"
	"      - {id: fresh, label: 新增项目, change: 209, new: true, comparable: false}\n"
	"      - {id: unstated, label: 未列数额, value: ~}\n"
	"      - {id: by_id, label: 甲, value: 1000, ref: {table: t05, row: total}}\n"
	"      - {id: by_number, label: 乙, value: 1000, ref: {table: 5, row: total, column: amount}}\n"
	"      - {id: by_side, label: 丙, value: 25, ref: {table: t1_1, side: spend, row: x}}\n"
	"tables:\n"
	"  - id: t1_1\n"
	"    label: 表1-1\n"
	"    title: 收支总表\n"
	"    kind: income_expenditure\n"
	"    sides:\n"
	"      - id: income\n"
	"        title: 收入\n"
	"        name_title: 收入项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        total: income_total\n"
	"        rows:\n"
	"          - id: income_total\n"
	"            name: 收入合计\n"
	"            total_after: true\n"
	"            line: 6\n"
	"            values: [30.00]\n"
	"            children:\n"
	"              - {id: a, name: 一、甲, values: [10.00]}\n"
	"              - {id: b, name: 二、乙, line: 3, values: [20.00]}\n"
	"              - {id: c, name: 三、丙, values: [0.00]}\n"
	"      - id: spend\n"
	"        title: 支出\n"
	"        group: 支出\n"
	"        name_title: 支出项目\n"
	"        columns:\n"
	"          - {key: planned, title: 计划, type: amount}\n"
	"          - {key: amount, title: 金额, type: amount}\n"
	"        main: amount\n"
	"        role: basic_project\n"
	"        rows:\n"
	"          - {id: x, name: 一、基本支出, values: [1, 25.00]}\n"
	"          - {id: y, name: 二、项目支出, values: [2, 5.00], of_which: true}\n"
	"          - {id: spend_total, name: 支出合计, line: 6, values: [3, 30.00]}\n"
	"        total: spend_total\n"
	"  - id: t05\n"
	"    label: 公开05表\n"
	"    number: 5\n"
	"    title: 财政拨款支出预算表\n"
	"    kind: fiscal_function\n"
	"    role: fiscal_function\n"
	"    unit: 元\n"
	"    note: 合成注释\n"
	"    texts:\n"
	"      - {key: content, title: 项目内容}\n"
	"      - {key: goals, title: 绩效目标}\n"
	"    code_title: 科目编码\n"
	"    name_title: 科目名称\n"
	"    nest: code\n"
	"    columns:\n"
	"      - {key: amount, title: 金额, type: amount}\n"
	"      - {key: item_code, title: 项目编码, type: text}\n"
	"    key: [item_code]\n"
	"    total: total\n"
	"    rows:\n"
	"      - id: total\n"
	"        name: 合计\n"
	"        values: [1000.00, ~]\n"
	"        children:\n"
	"          - {code: \"201\", name: 一般公共服务支出, values: [1000.00, ~]}\n"
	"          - {code: \"20103\", name: 政府办公厅, values: [1000.00, ~]}\n"
	"          - id: running\n"
	"            code: \"2010301\"\n"
	"            name: 行政运行\n"
	"            values: [600.00, A01]\n"
	"            content: 日常运转\n"
	"            goals: 正常运转\n"
	"          - {id: project, code: \"2010350\", name: 事业运行, values: [400.00, B01],\n"
	"             goals: 按期完成, known: 源文合计不符}\n"
	"  - id: t09\n"
	"    label: 公开09表\n"
	"    number: 9\n"
	"    title: 三公经费\n"
	"    kind: sangong\n"
	"    columns:\n"
	"      - {key: total, title: 合计, type: amount, sum_of: [abroad, reception]}\n"
	"      - {key: abroad, title: 因公出国（境）费, type: amount, group: [“三公”经费]}\n"
	"      - {key: reception, title: 公务接待费, type: amount, group: “三公”经费}\n"
	"    rows:\n"
	"      - {id: total, values: [3.00, 1.00, 2.00]}\n"
	"  - id: t10\n"
	"    label: 附表\n"
	"    title: 项目明细\n"
	"    kind: projects\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: unit, title: 计量单位, type: text}\n"
	"      - {key: count, title: 数量, type: quantity, unit_column: unit}\n"
	"      - {key: cars, title: 车辆, type: quantity, unit: 辆}\n"
	"      - {key: area, title: 面积, type: quantity, unit: 平方米, places: 2}\n"
	"      - {key: amount, title: 金额, type: amount}\n"
	"    rows:\n"
	"      - {id: p1, name: 运行保障, values: [台, 12, 3, \"5,221.74\", 600.00],\n"
	"         link: {table: t05, row: running}}\n"
	"      - {id: p2, name: 事业发展, values: [套, 1, ~, 0.5, 400.00],\n"
	"         link: {table: 公开05表, row: project}}\n"
	"  - id: t12\n"
	"    label: 公开12表\n"
	"    number: 12\n"
	"    title: 政府采购预算表\n"
	"    kind: procurement\n"
	"    labels:\n"
	"      - {key: category, title: 采购品目大类}\n"
	"      - {key: project, title: 专项名称}\n"
	"      - {key: econ, title: 经济科目}\n"
	"      - {key: item, title: 采购物品名称}\n"
	"    nest: labels\n"
	"    columns:\n"
	"      - {key: method, title: 采购组织形式, type: text}\n"
	"      - {key: total, title: 总计, type: amount}\n"
	"    total: total\n"
	"    rows:\n"
	"      - id: total\n"
	"        labels: [合计, ~, ~, ~]\n"
	"        values: [~, 100.00]\n"
	"        children:\n"
	"          - {id: goods, labels: [一、货物A, ~, ~, ~], values: [~, 60.00]}\n"
	"          - {id: p1, labels: [~, 办公经费, 办公设备购置, ~], values: [~, 40.00]}\n"
	"          - {id: i1, labels: [~, ~, ~, 计算机], values: [分散采购, 40.00]}\n"
	"          - {id: p2, labels: [~, 会议专项, 会议费, ~], values: [~, 10.00]}\n"
	"          - {id: i2, labels: [~, ~, ~, 会议服务], values: [分散采购, 10.00]}\n"
	"          - {id: p3, labels: [~, 会议专项, 培训费, ~], values: [~, 10.00]}\n"
	"          - {id: e3, labels: [~, ~, 印刷费, ~], values: [~, 10.00]}\n"
	"          - {id: i3, labels: [~, ~, ~, 培训服务], values: [分散采购, 10.00]}\n"
	"          - {id: services, labels: [三、服务C, ~, ~, ~], values: [~, 40.00]}\n"
	"          - {id: p4, labels: [~, 会议专项, 会议费, ~], values: [~, 40.00]}\n"
	"          - {id: i4, labels: [~, ~, ~, 会议服务], values: [分散采购, 40.00]}\n"
	"identities:\n"
	"  - label: 合计 = 各明细\n"
	"    left: {table: t12, row: total}\n"
	"    right: {table: t12, lines: {}}\n"
	"  - label: 货物 = 货物明细\n"
	"    left: {table: 公开12表, row: goods}\n"
	"    right: {table: \"12\", column: total, lines: {under: goods}}\n"
	"  - label: 合计 = A 类项目\n"
	"    left: {table: t05, row: total}\n"
	"    right: {table: t05, lines: {where: item_code, prefix: \"A\"}}\n"
	"  - label: 变动\n"
	"    left: {figure: total, field: change}\n"
	"    right: [{figure: share_a}, {figure: cars, field: prior}]\n"
	"    known: 源文如此\n"
	"  - label: 缺表\n"
	"    left: {table: t99, row: total}\n"
	"    right: {table: t05, row: nope}\n";

static void test_schema2_document(void **state)
{
	(void)state;
	struct document *doc = must_load(full2);
	assert_int_equal(doc->schema, 2);
	assert_string_equal(doc->department, "合成部门");
	assert_string_equal(doc->title, "合成部门2021年预算");
	assert_string_equal(doc->region, "合成省");
	assert_string_equal(doc->source, "合成来源");
	assert_int_equal(doc->ntables, 5);
	const struct section *part = doc->parts;
	assert_non_null(part);
	assert_string_equal(part->id, "part1");
	assert_int_equal(part->nparagraphs, 2);
	assert_string_equal(part->paragraphs[1], "第二段\n续行。");
	/* see: by id, label and number. */
	assert_int_equal(part->nsee, 3);
	assert_ptr_equal(part->see_tables[0], model_find_table(doc, "t05"));
	assert_ptr_equal(part->see_tables[1], model_find_table(doc, "t1_1"));
	assert_ptr_equal(part->see_tables[2], model_find_table(doc, "t09"));
	model_free(doc);

	/* see: names tables of the file (reported at the entry that does
	 * not). */
	static const struct bad cases[] = {
		{ "see: [t05, 表1-1, \"9\"]", "see: [t05, 表1-2]", "表1-2",
		  { "see names '表1-2', which is not a table of the file" } },
		{ "see: [t05, 表1-1, \"9\"]", "see: [t05, 表1-1, \"8\"]", "\"8\"",
		  { "see names '8'" } },
	};
	bad_edits(full2, cases, N(cases));
}

static void test_sides_and_lines(void **state)
{
	(void)state;
	struct document *doc = must_load(full2);
	const struct table *t = model_find_table(doc, "t1_1");
	assert_non_null(t);
	assert_int_equal(t->nsides, 2);
	const struct side *in = &t->sides[0], *out = &t->sides[1];
	assert_string_equal(in->id, "income");
	assert_string_equal(in->title, "收入");
	assert_null(in->group);
	assert_string_equal(out->id, "spend");
	assert_string_equal(out->group, "支出");
	assert_string_equal(out->role, "basic_project");
	assert_int_equal(in->index, 0);
	assert_int_equal(out->index, 1);
	assert_ptr_equal(in->table, t);
	assert_ptr_equal(out->table, t);
	assert_ptr_equal(model_find_side(t, "spend"), out);
	assert_ptr_equal(model_find_side(t, NULL), in);
	assert_null(model_find_side(t, "nope"));

	/* Rows belong to their side; ids are unique over the table. */
	const struct row *a = row_id(doc, "t1_1", "a"), *b = row_id(doc, "t1_1", "b"),
			 *c = row_id(doc, "t1_1", "c"), *it = row_id(doc, "t1_1", "income_total");
	const struct row *x = row_id(doc, "t1_1", "x"), *y = row_id(doc, "t1_1", "y"),
			 *st = row_id(doc, "t1_1", "spend_total");
	assert_ptr_equal(a->side, in);
	assert_ptr_equal(x->side, out);
	assert_ptr_equal(a->parent, it);
	assert_true(it->total_after);
	assert_true(y->of_which);
	assert_false(x->of_which);

	/* Declared lines kept, the others following in display order: the
	 * total_after row comes after its children. */
	assert_int_equal(a->print_line, 1);
	assert_int_equal(b->print_line, 3);
	assert_int_equal(c->print_line, 4);
	assert_int_equal(it->print_line, 6);
	assert_int_equal(x->print_line, 1);
	assert_int_equal(y->print_line, 2);
	assert_int_equal(st->print_line, 6);

	/* Totals per side; the table's is its first side's. */
	assert_ptr_equal(in->total, it);
	assert_ptr_equal(out->total, st);
	assert_ptr_equal(t->total, it);
	/* main: names the amount column; by default the first amount. */
	assert_int_equal(in->main, 0);
	assert_int_equal(out->main, 1);
	assert_int_equal(model_amount_column(out, NULL), 1);
	/* Rows are numbered over the table, side after side. */
	assert_int_equal(t->nall, 7);
	assert_int_equal(it->index, 0);
	assert_int_equal(c->index, 3);
	assert_int_equal(x->index, 4);
	assert_int_equal(st->index, 6);
	/* Number optional. */
	assert_int_equal(t->number, 0);
	model_free(doc);
}

/* Synthetic: one side whose declared lines are given by the caller. */
static char *lines_doc(const char *a_line, const char *b_line, const char *c_line)
{
	char *s = malloc(2048);
	snprintf(s, 2048,
		 "schema: 2\n"
		 "document: {department: 合成, year: 2021, unit: 万元, title: 合成}\n"
		 "tables:\n"
		 "  - id: t1\n"
		 "    label: 表1\n"
		 "    title: 收支\n"
		 "    kind: k\n"
		 "    sides:\n"
		 "      - id: one\n"
		 "        name_title: 项目\n"
		 "        columns: [{key: a, title: 金额, type: amount}]\n"
		 "        rows:\n"
		 "          - {name: 甲, %svalues: [1]}\n"
		 "          - name: 合计\n"
		 "            total_after: true\n"
		 "            %svalues: [1]\n"
		 "            children:\n"
		 "              - {name: 乙, %svalues: [1]}\n", a_line, c_line, b_line);
	return s;
}

static void test_line_not_after(void **state)
{
	(void)state;
	/* Display order 甲, 乙, 合计 (total_after). */
	char *ok = lines_doc("line: 2, ", "", "line: 9\n            ");
	struct document *doc = must_load(ok);
	const struct side *s = &doc->tables[0].sides[0];
	assert_int_equal(s->rows->print_line, 2);
	assert_int_equal(s->rows->next->child->print_line, 3);
	assert_int_equal(s->rows->next->print_line, 9);
	model_free(doc);
	free(ok);

	/* 乙 declares line 2, which 甲 has: the error is at 乙's row. */
	char *bad = lines_doc("line: 2, ", "line: 2, ", "");
	fails_where(bad, "{name: 乙", "line 2 is not after the line of the row before it", NULL);
	free(bad);
	/* 合计 (total_after) declares a line above its child's. */
	bad = lines_doc("", "line: 5, ", "line: 4\n            ");
	fails_where(bad, "name: 合计", "line 4 is not after", NULL);
	free(bad);
	/* line counts from 1. */
	bad = lines_doc("line: 0, ", "", "");
	fails_where(bad, "0, values", "line '0' must be a whole number from 1", NULL);
	free(bad);
}

static void test_labels_nest(void **state)
{
	(void)state;
	struct document *doc = must_load(full2);
	const struct table *t = model_find_table(doc, "公开12表");
	assert_non_null(t);
	const struct side *s = &t->sides[0];
	assert_int_equal(s->nlabels, 4);
	assert_string_equal(s->labels[0].key, "category");
	assert_string_equal(s->labels[3].title, "采购物品名称");
	assert_int_equal(s->nest, NEST_LABELS);
	assert_int_equal(s->ncolumns, 2);
	assert_int_equal(s->main, 1);

	const struct row *total = row_id(doc, "t12", "total");
	const struct row *goods = row_id(doc, "t12", "goods"), *services = row_id(doc, "t12", "services");
	assert_int_equal(s->nrows, 1);
	assert_ptr_equal(goods->parent, total);
	assert_ptr_equal(services->parent, total);
	assert_int_equal(total->nchildren, 2);
	/* 专项名称 rows under their 采购品目大类, items under them. */
	static const struct {
		const char *id, *parent;
		int depth;
	} want[] = {
		{ "p1", "goods", 2 }, { "i1", "p1", 3 }, { "p2", "goods", 2 },
		{ "i2", "p2", 3 }, { "p3", "goods", 2 }, { "e3", "p3", 3 },
		{ "i3", "e3", 4 }, { "p4", "services", 2 }, { "i4", "p4", 3 },
	};
	for (size_t i = 0; i < N(want); i++) {
		const struct row *r = row_id(doc, "t12", want[i].id);
		assert_ptr_equal(r->parent, row_id(doc, "t12", want[i].parent));
		assert_int_equal(r->depth, want[i].depth);
	}
	assert_int_equal(goods->nchildren, 3);
	/* The merged 会议专项, written on both rows it spans, stays on both;
	 * the same labels under another parent are another row. */
	const struct row *p2 = row_id(doc, "t12", "p2"), *p3 = row_id(doc, "t12", "p3"),
			 *p4 = row_id(doc, "t12", "p4");
	assert_string_equal(p2->labels[1], "会议专项");
	assert_string_equal(p3->labels[1], "会议专项");
	assert_string_equal(p4->labels[1], "会议专项");
	assert_null(p2->labels[0]);
	assert_null(p2->labels[3]);
	assert_string_equal(model_row_name(p2), "会议费");
	assert_string_equal(model_row_name(row_id(doc, "t12", "i2")), "会议服务");
	struct sbuf b = { 0 };
	model_row_labels(p3, &b);
	assert_string_equal(b.s, "会议专项 · 培训费");
	sbuf_free(&b);
	assert_string_equal(row_id(doc, "t12", "i1")->cells[0].s, "分散采购");
	assert_null(goods->cells[0].s);
	assert_int_equal(goods->cells[1].n, 6000);
	/* Document order of the final tree. */
	assert_int_equal(row_id(doc, "t12", "i4")->index, 11);
	model_free(doc);
}

static void test_side_without_names(void **state)
{
	(void)state;
	struct document *doc = must_load(full2);
	const struct table *t = model_find_table(doc, "9");
	assert_non_null(t);
	assert_string_equal(t->id, "t09");
	const struct side *s = &t->sides[0];
	assert_int_equal(s->nlabels, 0);
	assert_null(s->code_title);
	assert_int_equal(s->nrows, 1);
	const struct row *r = s->rows;
	assert_string_equal(r->id, "total");
	assert_string_equal(model_row_name(r), "");
	assert_int_equal(r->cells[0].n, 300);
	assert_int_equal(r->cells[1].n, 100);
	assert_int_equal(r->cells[2].n, 200);
	/* group: one heading or a list of them. */
	assert_int_equal(s->columns[1].ngroup, 1);
	assert_string_equal(s->columns[1].group[0], "“三公”经费");
	assert_int_equal(s->columns[2].ngroup, 1);
	assert_string_equal(s->columns[2].group[0], "“三公”经费");
	assert_int_equal(s->columns[0].nsum_of, 2);
	/* One side, no total declared: nothing is the total. */
	assert_null(t->total);
	model_free(doc);

	/* Such a row takes no name, and needs none. */
	char *text = edit(full2, "{id: total, values: [3.00", "{id: total, name: 合计, values: [3.00");
	fails_where(text, "合计, values: [3.00",
		    "this side has no name column (name_title): a row has no name", NULL);
	free(text);
}

static void test_table_names(void **state)
{
	(void)state;
	struct document *doc = must_load(full2);
	const struct table *t05 = &doc->tables[1];
	assert_string_equal(t05->id, "t05");
	assert_string_equal(t05->label, "公开05表");
	assert_int_equal(t05->number, 5);
	assert_string_equal(t05->kind, "fiscal_function");
	assert_string_equal(t05->role, "fiscal_function");
	assert_string_equal(t05->unit, "元");
	assert_string_equal(t05->note, "合成注释");
	assert_string_equal(doc->tables[0].unit, "万元");	/* the document's */
	/* By id, by label, by number. */
	assert_ptr_equal(model_find_table(doc, "t05"), t05);
	assert_ptr_equal(model_find_table(doc, "公开05表"), t05);
	assert_ptr_equal(model_find_table(doc, "5"), t05);
	assert_ptr_equal(model_find_table(doc, "表1-1"), &doc->tables[0]);
	assert_ptr_equal(model_find_table(doc, "附表"), &doc->tables[3]);
	assert_ptr_equal(model_find_table(doc, "12"), &doc->tables[4]);
	/* Tables without a number are not found by 0. */
	assert_null(model_find_table(doc, "0"));
	assert_null(model_find_table(doc, "7"));
	assert_null(model_find_table(doc, "t5"));
	assert_null(model_find_table(doc, ""));
	model_free(doc);

	/* Ids and labels each name one table; numbers too.  Reported at the
	 * later table's id, label or number. */
	static const struct bad dup[] = {
		{ "  - id: t05\n    label: 公开05表\n", "  - id: t1_1\n    label: 公开05表\n",
		  "t1_1\n    label: 公开05表", { "two tables are named 't1_1'" } },
		{ "    label: 公开09表\n", "    label: 公开05表\n", "公开05表\n    number: 9",
		  { "two tables are named '公开05表'" } },
		/* An id that is another table's label, and the other way round. */
		{ "  - id: t09\n    label: 公开09表\n", "  - id: t09\n    label: t1_1\n",
		  "t1_1\n    number: 9", { "two tables are named 't1_1'" } },
		{ "    label: 公开09表\n", "    label: t05\n", "t05\n    number: 9",
		  { "two tables are named 't05'" } },
		{ "    number: 9\n", "    number: 5\n", "5\n    title: 三公",
		  { "duplicate table number 5" } },
	};
	bad_edits(full2, dup, N(dup));
	static const struct bad cases[] = {
		{ "    number: 9\n", "    number: 100\n", "100\n    title: 三公",
		  { "table number '100' must be a whole number from 1 to 99" } },
		{ "  - id: t09\n", "  - id: T09\n", "T09",
		  { "table id 'T09' must be lower-case letters, digits and '_'" } },
		/* Schema 2 kinds are free, but IDs. */
		{ "kind: sangong", "kind: 三公", "三公\n", { "kind '三公' must be lower-case" } },
	};
	bad_edits(full2, cases, N(cases));
}

static void test_code_nest_and_texts(void **state)
{
	(void)state;
	struct document *doc = must_load(full2);
	const struct table *t = model_find_table(doc, "t05");
	const struct side *s = &t->sides[0];
	const struct row *total = row_id(doc, "t05", "total"), *running = row_id(doc, "t05", "running"),
			 *project = row_id(doc, "t05", "project");
	assert_int_equal(total->nchildren, 1);
	assert_string_equal(running->parent->code, "20103");
	assert_ptr_equal(project->parent, running->parent);
	assert_int_equal(project->depth, 3);
	assert_ptr_equal(model_find_code(doc, NULL, "2010350"), project);
	assert_string_equal(project->known, "源文合计不符");
	/* Text fields declared with texts:, on rows. */
	assert_int_equal(t->ntexts, 2);
	assert_string_equal(t->texts[1].title, "绩效目标");
	assert_string_equal(model_row_text(running, "content"), "日常运转");
	assert_string_equal(model_row_text(running, "goals"), "正常运转");
	assert_null(model_row_text(project, "content"));
	assert_string_equal(model_row_text(project, "goals"), "按期完成");
	assert_null(model_row_text(total, "goals"));
	assert_null(model_row_text(running, "note"));
	/* key: the text columns that tell rows apart. */
	assert_int_equal(s->nkey, 1);
	assert_int_equal(s->key[0], 1);
	assert_string_equal(running->cells[1].s, "A01");
	assert_null(total->cells[1].s);
	assert_ptr_equal(t->total, total);
	assert_ptr_equal(s->total, total);
	model_free(doc);

	/* Schema 2 has no default text fields: schema 1's note is unknown
	 * here, and the message lists the declared ones. */
	static const struct bad cases[] = {
		{ "            goals: 正常运转\n", "            note: 正常运转\n", "note: 正常",
		  { "unknown key 'note' in a row", "link, content, goals)" } },
		{ "            goals: 正常运转\n", "            goals: 正常运转\n            goals: 又一\n",
		  "goals: 又一", { "duplicate key 'goals' in a row" } },
		{ "      - {key: goals, title: 绩效目标}\n", "      - {key: content, title: 又一}\n",
		  "content, title: 又一", { "duplicate text field 'content'" } },
		{ "    texts:\n      - {key: content", "    textz:\n      - {key: content", "textz",
		  { "unknown key 'textz' in a table" } },
		/* texts come before the columns and rows that use them. */
		{ "    texts:\n      - {key: content, title: 项目内容}\n      - {key: goals, title: 绩效目标}\n"
		  "    code_title: 科目编码\n",
		  "    code_title: 科目编码\n    texts:\n      - {key: content, title: 项目内容}\n"
		  "      - {key: goals, title: 绩效目标}\n",
		  "- {key: content, title: 项目内容", { "texts must come before" } },
		/* key: text columns only, each named where it is written. */
		{ "    key: [item_code]\n", "    key: [amount]\n", "amount]",
		  { "key names 'amount', which is not a text column" } },
		{ "    key: [item_code]\n", "    key: [nope]\n", "nope]", { "key names 'nope'" } },
		{ "    key: [item_code]\n", "    key: [item_code,\n      nope]\n", "nope]",
		  { "key names 'nope'" } },
		/* main: an amount column. */
		{ "    key: [item_code]\n", "    main: item_code\n", "id: t05",
		  { "main names 'item_code', which is not an amount column" } },
	};
	bad_edits(full2, cases, N(cases));
}

static void test_quantities(void **state)
{
	(void)state;
	struct document *doc = must_load(full2);
	const struct side *s = &model_find_table(doc, "附表")->sides[0];
	assert_int_equal(s->columns[1].type, COL_QUANTITY);
	assert_int_equal(s->columns[1].unit_column, 0);
	assert_null(s->columns[1].unit);
	assert_int_equal(s->columns[1].places, 0);
	assert_string_equal(s->columns[2].unit, "辆");
	assert_int_equal(s->columns[2].unit_column, -1);
	assert_int_equal(s->columns[3].places, 2);
	assert_int_equal(s->columns[4].type, COL_AMOUNT);
	assert_int_equal(s->main, 4);
	const struct row *p1 = row_id(doc, "t10", "p1"), *p2 = row_id(doc, "t10", "p2");
	assert_string_equal(p1->cells[0].s, "台");
	assert_int_equal(p1->cells[1].n, 1200);
	assert_int_equal(p1->cells[2].n, 300);
	assert_int_equal(p1->cells[3].n, 522174);
	assert_true(p2->cells[2].n == CELL_BLANK);
	assert_int_equal(p2->cells[3].n, 50);
	model_free(doc);

	static const struct bad cases[] = {
		{ "type: quantity, unit: 辆}", "type: amount, unit: 辆}", "{key: cars",
		  { "unit, unit_column and places are for quantity columns" } },
		{ "unit: 平方米, places: 2}", "unit: 平方米, places: 3}", "3}",
		  { "places '3' must be a whole number from 0 to 2" } },
		{ "title: 面积, type: quantity", "title: 面积, type: count", "count, unit",
		  { "column type must be 'amount', 'quantity' or 'text'" } },
		{ "\"5,221.74\"", "5221.745", "5221.745", { "more than two decimal places" } },
	};
	bad_edits(full2, cases, N(cases));
	/* More places than the column allows: at the value; a bad
	 * unit_column: at its key. */
	static const struct bad at_value[] = {
		{ "[台, 12, 3,", "[台, 12, \"1,000.5\",", "\"1,000.5\"",
		  { "车辆 is a quantity with 0 decimal places" } },
		{ "[台, 12, 3,", "[台, 12.5, 3,", "12.5", { "数量 is a quantity with 0 decimal places" } },
		{ "type: quantity, unit_column: unit}", "type: quantity, unit_column: amount}",
		  "amount}\n      - {key: cars", { "unit_column 'amount' is not a text column" } },
	};
	bad_edits(full2, at_value, N(at_value));
}

static void test_links(void **state)
{
	(void)state;
	struct document *doc = must_load(full2);
	const struct row *p1 = row_id(doc, "t10", "p1"), *p2 = row_id(doc, "t10", "p2");
	const struct row *running = row_id(doc, "t05", "running");
	assert_ptr_equal(p1->link, running);
	assert_ptr_equal(p2->link, row_id(doc, "t05", "project"));
	assert_null(running->link);
	assert_int_equal(model_linked_rows(doc, running, NULL, NULL), 1);
	model_free(doc);

	static const struct bad cases[] = {
		{ "link: {table: t05, row: running}", "link: {table: t05, row: runing}",
		  "{table: t05, row: runing}", { "'link' refers to row 'runing', which 公开05表" } },
		{ "link: {table: t05, row: running}", "link: {table: t50, row: running}",
		  "{table: t50", { "'link' refers to table 't50'" } },
		{ "link: {table: t05, row: running}", "link: {table: t05}", "{table: t05}",
		  { "lacks the required key 'row'" } },
		{ "link: {table: t05, row: running}", "link: {figure: cars}", "{figure: cars}",
		  { "names a figure or a table cell" } },
	};
	bad_edits(full2, cases, N(cases));
}

static void test_totals(void **state)
{
	(void)state;
	/* Resolution is checked in test_sides_and_lines; here what fails. */
	/* Reported at the total that names a row the table (or the side)
	 * does not have. */
	static const struct bad at_total[] = {
		{ "    total: total\n    rows:\n      - id: total\n        labels",
		  "    total: grand\n    rows:\n      - id: total\n        labels", "grand",
		  { "total names row 'grand', which 公开12表 does not have" } },
		/* A side's total must be on that side. */
		{ "        total: spend_total\n", "        total: income_total\n",
		  "income_total\n  - id: t05", { "total names row 'income_total'" } },
	};
	bad_edits(full2, at_total, N(at_total));
	static const struct bad cases[] = {
		{ "        total: income_total\n", "        total: Income\n", "Income",
		  { "total 'Income' must be lower-case" } },
	};
	bad_edits(full2, cases, N(cases));
}

static void test_figures(void **state)
{
	(void)state;
	struct document *doc = must_load(full2);
	const struct figure *f = model_find_figure(doc, "total");
	assert_non_null(f);
	assert_string_equal(f->label, "支出合计");
	assert_true(f->has_value && f->has_change && f->has_rate && f->has_prior);
	assert_false(f->has_share);
	assert_int_equal(f->value, 100000);
	assert_int_equal(f->change, -1050);
	assert_int_equal(f->rate, -104);
	assert_int_equal(f->rate_places, 2);
	assert_int_equal(f->prior, 101050);
	assert_string_equal(f->unit, "万元");
	assert_ptr_equal(f->section, doc->parts);
	/* known: a reason per check. */
	assert_string_equal(f->known[FC_RATE], "源文小数点错位");
	assert_string_equal(f->known[FC_VALUE], "源文笔误");
	assert_null(f->known[FC_CHANGE]);
	assert_null(f->known[FC_SHARE]);
	assert_null(f->known[FC_PRIOR]);
	/* ref by label, row id, default (main) column. */
	const struct table *t05 = model_find_table(doc, "t05");
	assert_ptr_equal(f->ref.table, t05);
	assert_ptr_equal(f->ref.row, row_id(doc, "t05", "total"));
	assert_ptr_equal(f->ref.side, &t05->sides[0]);
	assert_int_equal(f->ref.column, 0);
	/* The same cell by id and by number. */
	const struct figure *by_id = model_find_figure(doc, "by_id"),
			    *by_number = model_find_figure(doc, "by_number");
	assert_ptr_equal(by_id->ref.table, t05);
	assert_ptr_equal(by_number->ref.table, t05);
	assert_ptr_equal(by_number->ref.row, f->ref.row);
	assert_int_equal(by_number->ref.column, 0);
	const struct figure *by_side = model_find_figure(doc, "by_side");
	assert_ptr_equal(by_side->ref.side, &model_find_table(doc, "t1_1")->sides[1]);
	assert_int_equal(by_side->ref.column, 1);

	/* Shares, of a figure or of a cell. */
	const struct figure *sa = model_find_figure(doc, "share_a"), *sb = model_find_figure(doc, "share_b");
	assert_true(sa->has_share);
	assert_int_equal(sa->share, 6000);
	assert_int_equal(sa->share_places, 0);
	assert_int_equal(sa->share_of.kind, REF_FIGURE);
	assert_ptr_equal(sa->share_of.figure, f);
	assert_int_equal(sb->share, 3330);
	assert_int_equal(sb->share_places, 1);
	assert_int_equal(sb->share_of.kind, REF_CELL);
	assert_ptr_equal(sb->share_of.row, row_id(doc, "t1_1", "a"));
	assert_string_equal(sb->share_of.side->id, "income");

	/* A quantity; new and not comparable; a value named but not given. */
	const struct figure *cars = model_find_figure(doc, "cars");
	assert_true(cars->quantity && cars->has_value);
	assert_int_equal(cars->value, 4600);
	assert_int_equal(cars->quantity_places, 0);
	assert_string_equal(cars->unit, "辆");
	const struct figure *fresh = model_find_figure(doc, "fresh");
	assert_true(fresh->is_new);
	assert_true(fresh->not_comparable);
	assert_true(fresh->has_change);
	assert_false(fresh->has_value);
	assert_int_equal(fresh->change, 20900);
	assert_false(f->is_new);
	assert_false(f->not_comparable);
	const struct figure *unstated = model_find_figure(doc, "unstated");
	assert_true(unstated->value_blank);
	assert_false(unstated->has_value);
	assert_null(unstated->ref.table_name);
	assert_null(model_find_figure(doc, "nope"));
	model_free(doc);
}

/* Synthetic: one figure whose mapping is given, after a one-row table. */
static char *figure_doc(const char *figure)
{
	char *s = malloc(2048);
	snprintf(s, 2048,
		 "schema: 2\n"
		 "document: {department: 合成, year: 2021, unit: 万元, title: 合成}\n"
		 "narrative:\n"
		 "  - title: 说明\n"
		 "    figures:\n"
		 "      - {id: base, label: 基数, value: 10}\n"
		 "      - %s\n"
		 "tables:\n"
		 "  - {id: t1, label: 表1, title: 表, kind: k, name_title: 名称,\n"
		 "     columns: [{key: a, title: 金额, type: amount}, {key: s, title: 说明, type: text}],\n"
		 "     rows: [{id: r, name: 甲, values: [10, x]}]}\n", figure);
	return s;
}

static void test_figure_errors(void **state)
{
	(void)state;
	/* Each case replaces the figure {id: f, ...} of figure_doc. */
	static const struct {
		const char *figure, *at, *part;
	} cases[] = {
		{ "{id: f, label: 甲, ref: {table: t1, row: r}}", "{id: f",
		  "figure 'f' states no value, quantity, change or share" },
		{ "{id: f, label: 甲, known: {value: 因为}}", "{id: f", "states no value" },
		{ "{id: f, label: 甲, value: 1, share: \"10%\"}", "{id: f",
		  "figure 'f' states a share: share_of must say of what" },
		{ "{id: f, label: 甲, quantity: 3}", "{id: f", "figure 'f' is a quantity: it needs its unit" },
		{ "{id: f, label: 甲, value: 1, quantity: 3, unit: 辆}", "{id: f",
		  "figure 'f' has both a value and a quantity" },
		{ "{id: f, value: 1}", "{id: f", "a figure lacks the required key 'label'" },
		{ "{label: 甲, value: 1}", "{label", "a figure lacks the required key 'id'" },
		{ "{id: f, label: 甲, value: 1, rate: \"4.57\"}", "\"4.57\"",
		  "rate '4.57' is not a rate: no '%' at the end" },
		{ "{id: f, label: 甲, value: 1, rate: \"1.5倍\"}", "\"1.5倍\"",
		  "a multiple (倍) must be a whole number" },
		{ "{id: f, label: 甲, value: 1, share: \"4.567%\", share_of: {figure: base}}", "\"4.567%\"",
		  "more than two decimal places" },
		{ "{id: f, label: 甲, value: 1, known: {ratio: 因为}}", "ratio",
		  "unknown key 'ratio' in known (expected one of: value, change, rate, share, prior)" },
		{ "{id: f, label: 甲, value: 1, known: 因为}", "因为}",
		  "known must be a mapping, found a scalar" },
		{ "{id: f, label: 甲, value: 1, new: 1}", "1}", "new must be true or false" },
		{ "{id: f, label: 甲, value: 1, ref: {table: t1, row: nope}}", "{table: t1, row: nope",
		  "'f' refers to row 'nope', which 表1 does not have" },
		{ "{id: f, label: 甲, value: 1, ref: {table: 表9, row: r}}", "{table: 表9",
		  "'f' refers to table '表9'" },
		{ "{id: f, label: 甲, value: 1, ref: {table: t1, row: r, column: s}}", "{table: t1, row: r,",
		  "'f' refers to column 's', which is not an amount column of 表1" },
		{ "{id: f, label: 甲, value: 1, ref: {table: t1, side: b, row: r}}", "{table: t1, side",
		  "'f' refers to side 'b', which 表1 does not have" },
		{ "{id: f, label: 甲, value: 1, share: \"1%\", share_of: {figure: nope}}", "{figure: nope",
		  "no figure 'nope' in the narrative" },
		{ "{id: f, label: 甲, value: 1, ref: {figure: base}}", "{figure: base",
		  "names a figure or a table cell, not both" },
	};
	for (size_t i = 0; i < N(cases); i++) {
		char *text = figure_doc(cases[i].figure);
		int line, col;
		position_of(text, cases[i].at, &line, &col);
		fails_at(text, line, col, cases[i].part, NULL);
		free(text);
	}
	/* A duplicate figure id: at the second id. */
	char *dup = figure_doc("{id: base, label: 甲, value: 1}");
	int line, col;
	position_of(dup, "base, label: 甲", &line, &col);
	fails_at(dup, line, col, "duplicate figure id 'base'", NULL);
	free(dup);
	/* What does load: a change alone; a share with its base. */
	char *text = figure_doc("{id: f, label: 甲, change: -3}");
	model_free(must_load(text));
	free(text);
	text = figure_doc("{id: f, label: 甲, share: \"50%\", share_of: {table: 表1, row: r}}");
	struct document *doc = must_load(text);
	assert_ptr_equal(model_find_figure(doc, "f")->share_of.row, row_id(doc, "t1", "r"));
	model_free(doc);
	free(text);
}

static void test_errors_narrative(void **state)
{
	(void)state;
	static const char *const head =
		"schema: 2\n"
		"document: {department: 合成, year: 2021, unit: 万元, title: 合成}\n";
	static const char *const tail =
		"tables:\n"
		"  - {id: t1, label: 表1, title: 表, kind: k, name_title: 名称,\n"
		"     columns: [{key: a, title: a, type: amount}], rows: [{name: a, values: [1]}]}\n";
	char text[1024];
	/* A duplicate section id: at the second id, nested or not. */
	snprintf(text, sizeof text, "%snarrative:\n"
		 "  - {title: 甲, id: a}\n"
		 "  - title: 乙\n"
		 "    sections: [{title: 丙, id: b}, {title: 丁, id: a}]\n%s", head, tail);
	fails_where(text, "a}]", "duplicate section id 'a'", NULL);
	/* A narrative table's rows before its columns: at the rows key. */
	snprintf(text, sizeof text, "%snarrative:\n"
		 "  - title: 甲\n"
		 "    tables: [{title: 小表, rows: [[x]], columns: [甲]}]\n%s", head, tail);
	fails_where(text, "rows: [[x]]", "'rows' must come after 'columns'", NULL);
	/* Each see entry names a table, by id or label: at the one that does
	 * not. */
	snprintf(text, sizeof text, "%snarrative:\n"
		 "  - {title: 甲, see: [t1, 表1]}\n"
		 "  - {title: 乙, see: [t1, 表2]}\n%s", head, tail);
	fails_where(text, "表2]", "see names '表2'", NULL);
}

static void test_identities(void **state)
{
	(void)state;
	struct document *doc = must_load(full2);
	assert_int_equal(doc->nidentities, 5);
	const struct table *t12 = model_find_table(doc, "t12"), *t05 = model_find_table(doc, "t05");
	const struct identity *id = &doc->identities[0];
	assert_string_equal(id->label, "合计 = 各明细");
	assert_int_equal(id->left.nrefs, 1);
	assert_int_equal(id->left.refs[0].kind, REF_CELL);
	assert_ptr_equal(id->left.refs[0].row, row_id(doc, "t12", "total"));
	assert_int_equal(id->right.refs[0].kind, REF_LINES);
	assert_ptr_equal(id->right.refs[0].table, t12);
	assert_null(id->right.refs[0].row_id);
	assert_int_equal(id->right.refs[0].column, 1);
	/* lines: {under: id}, the table by label and by number. */
	id = &doc->identities[1];
	assert_ptr_equal(id->left.refs[0].table, t12);
	assert_int_equal(id->right.refs[0].kind, REF_LINES);
	assert_ptr_equal(id->right.refs[0].table, t12);
	assert_string_equal(id->right.refs[0].row_id, "goods");
	assert_ptr_equal(id->right.refs[0].row, row_id(doc, "t12", "goods"));
	/* lines: {where, prefix}. */
	id = &doc->identities[2];
	assert_string_equal(id->right.refs[0].where, "item_code");
	assert_string_equal(id->right.refs[0].prefix, "A");
	assert_ptr_equal(id->right.refs[0].table, t05);
	/* Figures, with fields; a list of terms; known. */
	id = &doc->identities[3];
	assert_int_equal(id->left.refs[0].kind, REF_FIGURE);
	assert_int_equal(id->left.refs[0].field, FIELD_CHANGE);
	assert_ptr_equal(id->left.refs[0].figure, model_find_figure(doc, "total"));
	assert_int_equal(id->right.nrefs, 2);
	assert_int_equal(id->right.refs[0].field, FIELD_VALUE);
	assert_int_equal(id->right.refs[1].field, FIELD_PRIOR);
	assert_ptr_equal(id->right.refs[1].figure, model_find_figure(doc, "cars"));
	assert_string_equal(id->known, "源文如此");
	/* A missing table or row makes the identity uncheckable, not the
	 * file unreadable. */
	id = &doc->identities[4];
	assert_null(id->left.refs[0].table);
	assert_ptr_equal(id->right.refs[0].table, t05);
	assert_null(id->right.refs[0].row);
	model_free(doc);

	static const struct bad cases[] = {
		{ "lines: {under: goods}", "lines: {under: goods, over: x}", "over",
		  { "unknown key 'over' in lines" } },
		{ "lines: {where: item_code, prefix: \"A\"}", "lines: {where: item_code}",
		  "{where", { "lines takes both 'where' and 'prefix', or neither" } },
		{ "lines: {where: item_code, prefix: \"A\"}", "lines: {where: amount, prefix: \"A\"}",
		  "{table: t05, lines", { "where 'amount' is not a text column of 公开05表" } },
		{ "right: {table: t12, lines: {}}", "right: {table: t12, row: total, lines: {}}",
		  "{table: t12, row: total, lines", { "names exactly one of 'row' and 'lines'" } },
		{ "right: {table: t12, lines: {}}", "right: []", "[]",
		  { "an identity side must be a term or a non-empty list of terms" } },
		{ "right: {table: t12, lines: {}}", "right: {row: total}", "{row: total}",
		  { "an identity term needs 'table' or 'figure'" } },
		{ "{figure: cars, field: prior}", "{figure: cars, field: rate}", "rate}",
		  { "field must be 'value', 'change' or 'prior'" } },
		{ "{figure: cars, field: prior}", "{figure: cars, table: t05}", "{figure: cars, table",
		  { "names a figure or a table, not both" } },
		{ "{figure: share_a}", "{figure: none}", "{figure: none}", { "no figure 'none'" } },
		{ "    left: {table: t12, row: total}\n", "", "label: 合计 = 各明细",
		  { "an identity lacks the required key 'left'" } },
	};
	bad_edits(full2, cases, N(cases));
}

/* ---- errors: keys, types, amounts --------------------------------------- */

/* Synthetic schema 2 with one table nested by code, for error edits. */
static const char base2[] =
	"schema: 2\n"
	"document: {department: 合成部门, year: 2021, unit: 万元, title: 合成数据}\n"
	"tables:\n"
	"  - id: t05\n"
	"    label: 公开05表\n"
	"    number: 5\n"
	"    title: 支出表\n"
	"    kind: fiscal_function\n"
	"    code_title: 编码\n"
	"    name_title: 名称\n"
	"    nest: code\n"
	"    columns:\n"
	"      - {key: amount, title: 金额, type: amount}\n"
	"      - {key: basic, title: 基本, type: amount}\n"
	"      - {key: project, title: 项目, type: amount}\n"
	"    total: total\n"
	"    rows:\n"
	"      - id: total\n"
	"        name: 合计\n"
	"        values: [10.00, 4.00, 6.00]\n"
	"        children:\n"
	"          - {code: \"201\", name: 类, values: [10.00, 4.00, 6.00]}\n"
	"          - {id: running, code: \"2010301\", name: 项一, values: [4.00, 4.00, 0.00]}\n"
	"          - {code: \"2010399\", name: 项二, values: [6.00, ~, 6.00]}\n";

static void test_base_loads(void **state)
{
	(void)state;
	struct document *doc = must_load(base2);
	assert_int_equal(row_id(doc, "t05", "running")->cells[2].n, 0);
	model_free(doc);
}

/* A text field's key is any length where it is declared, and rows use it
 * by that whole key (keys are cut only in messages). */
static void test_long_text_key(void **state)
{
	(void)state;
	char key[91], decl[160], use[200];
	memset(key, 'k', sizeof key - 1);
	key[sizeof key - 1] = '\0';
	snprintf(decl, sizeof decl, "    texts: [{key: %s, title: 说明}]\n    code_title: 编码\n", key);
	snprintf(use, sizeof use, "{id: running, %s: 合成说明, ", key);
	char *one = edit(base2, "    code_title: 编码\n", decl);
	char *text = edit(one, "{id: running, ", use);
	struct document *doc = must_load(text);
	assert_string_equal(model_row_text(row_id(doc, "t05", "running"), key), "合成说明");
	model_free(doc);
	free(text);
	free(one);
}

static void test_errors_keys_and_types(void **state)
{
	(void)state;
	static const struct bad cases[] = {
		/* Unknown key: at the key, naming it and what is expected. */
		{ "        name: 合计\n", "        name: 合计\n        nmae: x\n", "nmae",
		  { "unknown key 'nmae' in a row", "(expected one of: id, code, name, values" } },
		{ "    title: 支出表\n", "    title: 支出表\n    titel: 又一\n", "titel",
		  { "unknown key 'titel' in a table" } },
		{ "{key: basic, title: 基本, type: amount}", "{key: basic, title: 基本, typ: amount}",
		  "typ:", { "unknown key 'typ' in a column" } },
		{ "schema: 2\n", "schema: 2\nversion: 1\n", "version",
		  { "unknown key 'version' in the top level" } },
		/* Duplicate key: at the second one. */
		{ "        name: 合计\n", "        name: 合计\n        name: again\n", "name: again",
		  { "duplicate key 'name' in a row" } },
		{ "    kind: fiscal_function\n", "    kind: fiscal_function\n    kind: other\n",
		  "kind: other", { "duplicate key 'kind' in a table" } },
		/* Required key missing: at the mapping that lacks it. */
		{ "    title: 支出表\n", "", "id: t05", { "a table lacks the required key 'title'" } },
		{ "    label: 公开05表\n", "", "id: t05", { "a table lacks the required key 'label'" } },
		{ "  - id: t05\n", "  - ", "label: 公开05表", { "a table lacks the required key 'id'" } },
		{ "{code: \"201\", name: 类, values: [10.00, 4.00, 6.00]}", "{code: \"201\", name: 类}",
		  "{code: \"201\"", { "a row lacks the required key 'values'" } },
		{ "{code: \"201\", name: 类, ", "{code: \"201\", ", "{code: \"201\"",
		  { "a row lacks the required key 'name'" } },
		{ "{key: basic, title: 基本, type: amount}", "{key: basic, type: amount}", "{key: basic",
		  { "a column lacks the required key 'title'" } },
		{ " year: 2021,", "", "{department", { "document lacks the required key 'year'" } },
		{ "    rows:\n", "    rowz: []\n    rows:\n", "rowz", { "unknown key 'rowz'" } },
		/* Wrong type: a mapping or a list where a scalar is needed. */
		{ "title: 支出表", "title: {text: 支出表}", "{text", { "title must be a scalar, found a mapping" } },
		{ "name: 合计", "name: [合计]", "[合计]", { "name must be a scalar, found a sequence" } },
		{ "values: [10.00, 4.00, 6.00]\n", "values: 10.00\n", "10.00\n",
		  { "values must be a sequence, found a scalar" } },
		{ "    columns:\n", "    columns: {}\n    columnz:\n", "{}",
		  { "columns must be a sequence, found a mapping" } },
		{ "tables:\n", "tables: {}\ntablez:\n", "{}", { "tables must be a sequence, found a mapping" } },
		{ "document: {", "document: [", "[", { "document must be a mapping, found a sequence" } },
		{ "{code: \"201\",", "{? [a]: 1, code: \"201\",", "[a]", { "a key in a row must be a scalar" } },
		{ "year: 2021", "year: 21", "21,", { "year '21' must be a whole number from 1900 to 9999" } },
		{ "id: running", "id: Running", "Running",
		  { "row id 'Running' must be lower-case letters, digits and '_'" } },
		{ "{code: \"201\",", "{of_which: yes please, code: \"201\",", "yes please",
		  { "of_which must be true or false" } },
		{ "nest: code", "nest: codes", "codes", { "nest must be 'code' or 'labels'" } },
		{ "nest: code", "nest: labels", "id: t05", { "nest: labels needs at least two label columns" } },
		{ "    name_title: 名称\n", "    name_title: 名称\n    labels: [{key: a, title: a}]\n",
		  "[{key: a", { "a side has name_title or labels, not both" } },
		{ "        children:\n", "        labels: [a]\n        children:\n", "[a]",
		  { "labels needs the side's label columns" } },
		{ "        children:\n          - {code",
		  "        children:\n          - {children: [], code", "children: [], code",
		  { "'children' must come after 'values'" } },
		{ "{code: \"201\",", "{total_after: 1, code: \"201\",", "1, code",
		  { "total_after must be true or false" } },
	};
	bad_edits(base2, cases, N(cases));
	/* Found once the key is read: at the second row id, the second
	 * column key. */
	static const struct bad dups[] = {
		{ "{code: \"2010399\",", "{id: running, code: \"2010399\",",
		  "running, code: \"2010399\"", { "duplicate row id 'running' in 公开05表" } },
		{ "{key: basic,", "{key: amount,", "amount, title: 基本",
		  { "duplicate column key 'amount'" } },
	};
	bad_edits(base2, dups, N(dups));

	/* sum_of, on a table that has it. */
	char *sums = edit(base2, "{key: amount, title: 金额, type: amount}",
			  "{key: amount, title: 金额, type: amount, sum_of: [basic, project]}");
	model_free(must_load(sums));
	static const struct bad sum_cases[] = {
		{ "sum_of: [basic, project]", "sum_of: [basic, nope]", "nope",
		  { "sum_of names 'nope', which is not another amount column" } },
		{ "sum_of: [basic, project]", "sum_of: [amount, project]", "amount, project",
		  { "sum_of names 'amount'" } },
		{ "sum_of: [basic, project]", "sum_of: [basic, basic]", "basic, basic",
		  { "sum_of names a column twice" } },
		{ "type: amount, sum_of: [basic, project]", "type: text, sum_of: [basic, project]",
		  "{key: amount", { "sum_of is only for amount columns" } },
	};
	bad_edits(sums, sum_cases, N(sum_cases));
	free(sums);

	/* Codes nest at any length up to CLASSIFY_MAX_CODE bytes; a longer
	 * code is refused at the code, the message naming the limit. */
	char code[CLASSIFY_MAX_CODE + 2], to[128], part[128];
	memset(code, '9', sizeof code - 1);
	code[sizeof code - 1] = '\0';
	memcpy(code, "201", 3);
	snprintf(to, sizeof to, "{code: \"%.*s\",", CLASSIFY_MAX_CODE, code);
	char *text = edit(base2, "{code: \"2010399\",", to);
	struct document *doc = must_load(text);
	const struct row *r = model_find_code(doc, NULL, "201");
	assert_non_null(r);
	assert_int_equal(r->nchildren, 2);
	assert_int_equal(strlen(r->last_child->code), CLASSIFY_MAX_CODE);
	model_free(doc);
	free(text);
	snprintf(to, sizeof to, "{code: \"%s\",", code);
	text = edit(base2, "{code: \"2010399\",", to);
	snprintf(part, sizeof part, "code is too long: a code has at most %d bytes, this one has %d",
		 CLASSIFY_MAX_CODE, CLASSIFY_MAX_CODE + 1);
	fails_where(text, to + 7, part, NULL);
	free(text);
}

static void test_errors_amounts(void **state)
{
	(void)state;
	static const struct bad cases[] = {
		{ "[4.00, 4.00, 0.00]", "[4.001, 4.00, 0.00]", "4.001",
		  { "金额 '4.001' is not an amount: more than two decimal places",
		    "like 3676.98 or \"13,297.11\"" } },
		{ "[4.00, 4.00, 0.00]", "[4.00, 1e3, 0.00]", "1e3",
		  { "基本 '1e3' is not an amount: not a number" } },
		{ "[4.00, 4.00, 0.00]", "[4.00, 4.00, .nan]", ".nan",
		  { "项目 '.nan' is not an amount: not a number" } },
		{ "[4.00, 4.00, 0.00]", "[4.00, 4.00, .inf]", ".inf", { "not a number" } },
		{ "[4.00, 4.00, 0.00]", "[99999999999999999999, 4.00, 0.00]", "9999",
		  { "is not an amount: too large" } },
		{ "[4.00, 4.00, 0.00]", "[1000000000000.00, 4.00, 0.00]", "1000000000000",
		  { "too large" } },
		{ "[4.00, 4.00, 0.00]", "[01.5, 4.00, 0.00]", "01.5",
		  { "'01.5' is not an amount: a leading zero", "quote it as \"1,000.00\"" } },
		{ "[4.00, 4.00, 0.00]", "[\"1,00.00\", 4.00, 0.00]", "\"1,00.00\"",
		  { "a thousands separator out of place" } },
		{ "[4.00, 4.00, 0.00]", "[4., 4.00, 0.00]", "4.,", { "no digits after the decimal point" } },
		{ "[4.00, 4.00, 0.00]", "[\"\", 4.00, 0.00]", "\"\"", { "empty" } },
		{ "[4.00, 4.00, 0.00]", "[four, 4.00, 0.00]", "four", { "not a number" } },
		{ "[4.00, 4.00, 0.00]", "[[4], 4.00, 0.00]", "[4]",
		  { "金额 must be a scalar, found a sequence" } },
		/* The one values count is exact: fewer or more. */
		{ "[4.00, 4.00, 0.00]", "[4.00, 4.00]", "[4.00, 4.00]",
		  { "values has 2 cells but 公开05表 has 3 columns" } },
		{ "[4.00, 4.00, 0.00]", "[]", "[]", { "values has 0 cells but 公开05表 has 3 columns" } },
		{ "[4.00, 4.00, 0.00]", "[4.00, 4.00, 0.00, 1.00]", "[4.00, 4.00, 0.00, 1.00]",
		  { "values has ", "公开05表 has 3 columns" } },
	};
	bad_edits(base2, cases, N(cases));

	/* Amounts as printed: separators when quoted, signs, one place. */
	char *text = edit(base2, "[4.00, 4.00, 0.00]", "[\"1,234,567.8\", -4, +0.5]");
	struct document *doc = must_load(text);
	const struct row *r = row_id(doc, "t05", "running");
	assert_int_equal(r->cells[0].n, 123456780);
	assert_int_equal(r->cells[1].n, -400);
	assert_int_equal(r->cells[2].n, 50);
	model_free(doc);
	free(text);

	/* Too many values: the message says how many were given, whatever
	 * they are. */
	text = edit(base2, "[4.00, 4.00, 0.00]", "[4.00, 4.00, 0.00, 1.00]");
	fails_where(text, "[4.00, 4.00, 0.00, 1.00]", "values has 4 cells", NULL);
	free(text);
	text = edit(base2, "[4.00, 4.00, 0.00]", "[4.00, 4.00, 0.00, [1, [2]], {a: b}, bad]");
	fails_where(text, "[4.00, 4.00, 0.00, [1", "values has 6 cells but 公开05表 has 3", NULL);
	free(text);
	/* Schema 1: the table is named in the message as its label will be,
	 * here and for a duplicate row id. */
	text = edit(schema1, "[4.00, 4.00, 0.00]", "[4.00, 4.00]");
	fails_where(text, "[4.00, 4.00]", "values has 2 cells but 表3 has 3 columns", NULL);
	free(text);
	text = edit(schema1, "{code: \"201\",", "{id: total, code: \"201\",");
	fails_where(text, "total, code", "duplicate row id 'total' in 表3", NULL);
	free(text);
}

/* Messages about a table name it by what is known of it when the error
 * is found, never by a null pointer: the label once read, else the id,
 * the number, or "this table". */
static void test_errors_name_the_table(void **state)
{
	(void)state;
	static const char *const head =
		"schema: 2\n"
		"document: {department: 合成, year: 2021, unit: 万元, title: 合成}\n"
		"tables:\n";
	static const struct {
		const char *table, *at, *part;
	} cases[] = {
		{ "  - {id: t1, title: 表, kind: k, name_title: 名称, columns: [{key: a, title: a, "
		  "type: amount}], rows: [{name: a, values: [1, 2]}], label: 表1}",
		  "[1, 2]", "values has 2 cells but t1 has 1 columns" },
		{ "  - {number: 7, title: 表, kind: k, name_title: 名称, columns: [{key: a, title: a, "
		  "type: amount}], rows: [{id: r, name: a, values: [1]}, {id: r, name: b, values: [2]}], "
		  "id: t1, label: 表1}",
		  "r, name: b", "duplicate row id 'r' in table number 7" },
		{ "  - {title: 表, kind: k, name_title: 名称, columns: [{key: a, title: a, "
		  "type: amount}], rows: [{name: a, values: []}], id: t1, label: 表1}",
		  "[]}]", "values has 0 cells but this table has 1 columns" },
	};
	char text[1024];
	for (size_t i = 0; i < N(cases); i++) {
		snprintf(text, sizeof text, "%s%s\n", head, cases[i].table);
		fails_where(text, cases[i].at, cases[i].part, NULL);
		struct loader_error err;
		assert_null(load(text, &err));
		assert_null(strstr(err.message, "(null)"));
	}
	/* In Chinese too. */
	msg_set_chinese(true);
	snprintf(text, sizeof text, "%s%s\n", head, cases[2].table);
	fails_where(text, cases[2].at, "values 有 0 个单元格，但本表有 1 列", NULL);
	snprintf(text, sizeof text, "%s%s\n", head, cases[1].table);
	fails_where(text, cases[1].at, "编号为 7 的表中行 id“r”重复", NULL);
	msg_set_chinese(false);
}

static void test_unquoted_thousands(void **state)
{
	(void)state;
	/* In a flow list YAML splits an unquoted 1,000.00 into "1" and
	 * "000.00": with three columns the count even matches, so the error
	 * must come from the "000.00", and say to quote it. */
	char *text = edit(base2, "[4.00, 4.00, 0.00]", "[1,000.00, 4.00]");
	fails_where(text, "000.00, 4.00]", "基本 '000.00' is not an amount: a leading zero",
		    "quote it as \"1,000.00\"", NULL);
	free(text);
	/* Quoted, it is one amount. */
	text = edit(base2, "[4.00, 4.00, 0.00]", "[\"1,000.00\", 4.00, 0.00]");
	struct document *doc = must_load(text);
	assert_int_equal(row_id(doc, "t05", "running")->cells[0].n, 100000);
	model_free(doc);
	free(text);
}

static void test_errors_order(void **state)
{
	(void)state;
	static const char *const head =
		"schema: 2\n"
		"document: {department: 合成, year: 2021, unit: 万元, title: 合成}\n"
		"tables:\n";
	char text[2048];
	/* rows before columns: at the key that comes too early. */
	snprintf(text, sizeof text, "%s"
		 "  - {id: t1, label: 表1, title: 表, kind: k, name_title: 名称,\n"
		 "     rows: [{name: a, values: [1]}], columns: [{key: a, title: a, type: amount}]}\n",
		 head);
	fails_where(text, "rows: [{name", "'rows' must come after 'columns'", NULL);
	/* key before columns, likewise; name_title after rows. */
	snprintf(text, sizeof text, "%s"
		 "  - {id: t1, label: 表1, title: 表, kind: k, name_title: 名称, key: [a],\n"
		 "     columns: [{key: a, title: a, type: text}], rows: [{name: a, values: [x]}]}\n",
		 head);
	fails_where(text, "key: [a]", "'key' must come after 'columns'", NULL);
	snprintf(text, sizeof text, "%s"
		 "  - {id: t1, label: 表1, title: 表, kind: k, columns: [{key: a, title: a, type: text}],\n"
		 "     rows: [{values: [x]}], name_title: 名称}\n", head);
	fails_where(text, "名称}", "'name_title' must come before 'rows'", NULL);
	/* sides and columns do not mix. */
	snprintf(text, sizeof text, "%s"
		 "  - {id: t1, label: 表1, title: 表, kind: k, name_title: 名称,\n"
		 "     sides: [{id: s, columns: [{key: a, title: a, type: amount}], rows: []}]}\n", head);
	fails_where(text, "[{id: s", "'sides': a table with sides declares its columns", NULL);
	snprintf(text, sizeof text, "%s"
		 "  - {id: t1, label: 表1, title: 表, kind: k, sides: [], name_title: 名称}\n", head);
	fails_where(text, "名称}", "'name_title': a table with sides", NULL);
	snprintf(text, sizeof text, "%s  - {id: t1, label: 表1, title: 表, kind: k, sides: []}\n", head);
	fails_where(text, "{id: t1", "sides must list at least one side", NULL);
	snprintf(text, sizeof text, "%s  - {id: t1, label: 表1, title: 表, kind: k}\n", head);
	fails_where(text, "{id: t1", "a table lacks the required key 'columns'", NULL);
	snprintf(text, sizeof text, "%s"
		 "  - {id: t1, label: 表1, title: 表, kind: k, columns: [{key: a, title: a, type: text}]}\n",
		 head);
	fails_where(text, "{id: t1", "a table lacks the required key 'rows'", NULL);
	snprintf(text, sizeof text, "%s"
		 "  - {id: t1, label: 表1, title: 表, kind: k, sides: [\n"
		 "      {id: s, columns: [{key: a, title: a, type: amount}], rows: []},\n"
		 "      {id: s, columns: [{key: a, title: a, type: amount}], rows: []}]}\n", head);
	fails_where(text, "s, columns: [{key: a, title: a, type: amount}], rows: []}]}",
		    "duplicate side id 's'", NULL);
	snprintf(text, sizeof text, "%s"
		 "  - {id: t1, label: 表1, title: 表, kind: k, sides: [\n"
		 "      {columns: [{key: a, title: a, type: amount}], rows: []}]}\n", head);
	fails_where(text, "{columns", "a side lacks the required key 'id'", NULL);

	/* schema first; then document before tables. */
	fails_at("document: {department: 合成, year: 2021, unit: 万元, title: 合成}\nschema: 2\n"
		 "tables: []\n", 1, 1, "schema must be the first key of the file", NULL);
	fails_at("schema: 2\ntables: []\n"
		 "document: {department: 合成, year: 2021, unit: 万元, title: 合成}\n",
		 2, 9, "document must come before tables", NULL);
	fails_at("schema: 2\n"
		 "document: {department: 合成, year: 2021, unit: 万元, title: 合成}\n",
		 1, 1, "the top level lacks the required key 'tables'", NULL);
	/* Versions. */
	fails_at("schema: 3\n", 1, 9, "schema version 3 is not supported", NULL);
	fails_at("schema: 0\n", 1, 9, "schema version 0 is not supported", NULL);
	fails_at("# 注释\n\nschema: 3\n", 3, 9, "schema version 3", NULL);
	fails_at("schema: two\n", 1, 9, "schema 'two' must be a whole number", NULL);
	fails_at("schema: 1001\n", 1, 9, "schema '1001' must be a whole number from 0 to 1000", NULL);
	fails_at("schema: [2]\n", 1, 9, "schema must be a scalar, found a sequence", NULL);
	fails_at("[schema, 2]\n", 1, 1, "the top level must be a mapping, found a sequence", NULL);
	fails_at("just text\n", 1, 1, "the top level must be a mapping, found a scalar", NULL);
}

/* ---- errors: YAML ------------------------------------------------------ */

static void test_errors_yaml(void **state)
{
	(void)state;
	/* Aliases are refused where they are used; anchors name nothing. */
	char *text = edit(base2, "{code: \"201\", name: 类,", "{code: &c \"201\", name: *c,");
	fails_where(text, "*c", "aliases (*name) are not allowed", NULL);
	free(text);
	/* Syntax errors, at libyaml's mark, wherever they are met first. */
	text = edit(base2, "        name: 合计\n", "        name: 合计: 又\n");
	fails_where(text, ": 又", "YAML syntax: mapping values are not allowed", NULL);
	free(text);
	text = edit(base2, "{code: \"201\", name: 类,", "{code: \"201\", name: 类,,");
	fails_where(text, ", values", "YAML syntax: did not find expected node content", NULL);
	free(text);
	/* A structure seen before its syntax error is reported as such. */
	text = edit(base2, "title: 合成数据}", "title: [unclosed}");
	fails_where(text, "[unclosed", "title must be a scalar, found a sequence", NULL);
	free(text);
	fails_at("schema: 2\n- x\n", 2, 1, "YAML syntax: did not find expected key", NULL);
	fails_at("schema: 2\ndocument: {department: \"甲\n", 3, 1,
		 "YAML syntax: found unexpected end of stream while scanning a quoted scalar", NULL);
	fails_at("schema: 2\n\tdocument: 1\n", 2, 1, "YAML syntax: found a tab character", NULL);
	fails_at("schema: 2\ndocument: @x\n", 2, 11, "YAML syntax: found character that cannot start",
		 NULL);
	/* Empty: nothing, or nothing but comments. */
	fails_at("", 1, 1, "the file is empty", NULL);
	fails_at("# only a comment\n\n", 3, 1, "the file is empty", NULL);
	/* Exactly one document. */
	text = malloc(sizeof base2 + 64);
	snprintf(text, sizeof base2 + 64, "%s---\nschema: 2\n", base2);
	fails_where(text, "---", "more than one YAML document", NULL);
	free(text);
	text = malloc(sizeof base2 + 64);
	snprintf(text, sizeof base2 + 64, "---\n%s...\n# 又一个\n---\nschema: 1\n", base2);
	fails_where(text, "---\nschema: 1", "more than one YAML document", NULL);
	free(text);
	/* A NUL written as an escape: the scalar is refused, not cut short. */
	text = edit(base2, "name: 合计", "name: \"合\\0计\"");
	fails_where(text, "\"合", "a NUL character in a scalar", NULL);
	free(text);
	text = edit(base2, "title: 合成数据}", "title: \"合成\\x00\"}");
	fails_where(text, "\"合成\\x00", "a NUL character in a scalar", NULL);
	free(text);
	/* A raw NUL byte is a control character, at its place. */
	static const char raw[] = "schema: 2\ndoc\0ument: 1\n";
	struct loader_error err;
	assert_null(loader_load_string("t.yaml", raw, sizeof raw - 1, &err));
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 4);
	assert_non_null(strstr(err.message, "control characters are not allowed"));
}

static void test_nesting_depth(void **state)
{
	(void)state;
	/* Events are pulled one at a time: a text that is nothing but
	 * nesting stops at its first collection, however deep it goes. */
	char deep[20001];
	memset(deep, '[', sizeof deep - 1);
	deep[sizeof deep - 1] = '\0';
	fails_at(deep, 1, 1, "the top level must be a mapping, found a sequence", NULL);

	/* Sections nest as a mapping and a list per level: 31 levels are 63
	 * collections, the sections list of the last the 64th; a section
	 * in it would open the 65th, and is refused where it opens. */
	struct sbuf b = { 0 };
	for (int levels = 30; levels <= 31; levels++) {
		sbuf_clear(&b);
		sbuf_add(&b, "schema: 2\n"
			 "document: {department: 合成, year: 2021, unit: 万元, title: 合成}\n"
			 "narrative:\n");
		for (int i = 0; i < levels; i++)
			sbuf_addf(&b, "%*s- title: s%d\n%*s  sections:\n", 2 + 4 * i, "", i,
				  2 + 4 * i, "");
		sbuf_addf(&b, "%*s- {title: leaf, paragraphs: [p]}\n", 2 + 4 * levels, "");
		sbuf_add(&b, "tables: []\n");
		struct loader_error err;
		struct document *doc = loader_load_string("t.yaml", b.s, b.len, &err);
		if (levels == 30) {
			if (!doc)
				fail_msg("%d:%d: %s", err.line, err.col, err.message);
			const struct section *sec = doc->parts;
			while (sec->child)
				sec = sec->child;
			assert_string_equal(sec->title, "leaf");
			assert_int_equal(sec->depth, 30);
			assert_int_equal(sec->nparagraphs, 1);
			model_free(doc);
		} else {
			assert_null(doc);
			int line, col;
			position_of(b.s, "{title: leaf", &line, &col);
			assert_int_equal(err.line, line);
			assert_int_equal(err.col, col);
			assert_non_null(strstr(err.message, "nesting deeper than 64 levels"));
		}
	}

	/* Rows nested by children: each level is a mapping and a list, so
	 * the cap on the reader's nesting bounds the rows' too.  30 levels
	 * load (a row at depth 29 is the 63rd collection, its values the
	 * 64th); a 31st is refused at that row. */
	for (int levels = 30; levels <= 31; levels++) {
		sbuf_clear(&b);
		sbuf_add(&b, "schema: 2\n"
			 "document: {department: 合成, year: 2021, unit: 万元, title: 合成}\n"
			 "tables:\n"
			 "  - id: t1\n    label: 表1\n    title: 深\n    kind: k\n    name_title: 名称\n"
			 "    columns: [{key: a, title: a, type: amount}]\n"
			 "    rows:\n");
		for (int i = 0; i < levels; i++)
			sbuf_addf(&b, "%*s- name: r%d\n%*s  values: [1]\n%*s  children:\n",
				  6 + 4 * i, "", i, 6 + 4 * i, "", 6 + 4 * i, "");
		sbuf_addf(&b, "%*s- {name: leaf, values: [1]}\n", 6 + 4 * levels, "");
		struct loader_error err;
		struct document *doc = loader_load_string("t.yaml", b.s, b.len, &err);
		if (levels == 30) {
			/* The leaf is a flow mapping at depth 30, at collection 65. */
			assert_null(doc);
			char at[32];
			snprintf(at, sizeof at, "{name: leaf");
			int line, col;
			position_of(b.s, at, &line, &col);
			assert_int_equal(err.line, line);
			assert_int_equal(err.col, col);
			assert_non_null(strstr(err.message, "nesting deeper than 64 levels"));
		} else {
			assert_null(doc);
			int line, col;
			position_of(b.s, "- name: r30", &line, &col);
			assert_int_equal(err.line, line);
			assert_int_equal(err.col, col + 2);
			assert_non_null(strstr(err.message, "nesting deeper than 64 levels"));
		}
	}
	/* 29 levels of children under the top row, the leaf at depth 29, load. */
	sbuf_clear(&b);
	sbuf_add(&b, "schema: 2\n"
		 "document: {department: 合成, year: 2021, unit: 万元, title: 合成}\n"
		 "tables:\n"
		 "  - id: t1\n    label: 表1\n    title: 深\n    kind: k\n    name_title: 名称\n"
		 "    columns: [{key: a, title: a, type: amount}]\n"
		 "    rows:\n");
	for (int i = 0; i < 29; i++)
		sbuf_addf(&b, "%*s- name: r%d\n%*s  values: [1]\n%*s  children:\n",
			  6 + 4 * i, "", i, 6 + 4 * i, "", 6 + 4 * i, "");
	sbuf_addf(&b, "%*s- name: leaf\n%*s  values: [1]\n", 6 + 4 * 29, "", 6 + 4 * 29, "");
	struct loader_error err;
	struct document *doc = loader_load_string("t.yaml", b.s, b.len, &err);
	if (!doc)
		fail_msg("%d:%d: %s", err.line, err.col, err.message);
	const struct row *r = doc->tables[0].sides[0].rows;
	while (r->child)
		r = r->child;
	assert_string_equal(model_row_name(r), "leaf");
	assert_int_equal(r->depth, 29);
	model_free(doc);
	sbuf_free(&b);
}

/* The first `upto` bytes of the UTF-8 s (SIZE_MAX: all of it) as UTF-16,
 * big-endian when be, after a byte-order mark, into out of size bytes;
 * returns how many bytes that is (out NULL: only counts them). */
static size_t utf16(const char *s, size_t upto, bool be, char *out, size_t size)
{
	size_t n = 0, len = strlen(s);
	unsigned units[2];
	if (upto > len)
		upto = len;
	if (out) {
		assert_true(size >= 2);
		out[n] = be ? '\xfe' : '\xff';
		out[n + 1] = be ? '\xff' : '\xfe';
	}
	n += 2;
	for (size_t i = 0; i < upto;) {
		wchar_t wc;
		size_t k = text_decode(s + i, &wc);
		assert_true(k > 0);
		i += k;
		size_t nu = 1;
		units[0] = (unsigned)wc;
		if (wc >= 0x10000) {
			units[0] = 0xD800 + (((unsigned)wc - 0x10000) >> 10);
			units[1] = 0xDC00 + (((unsigned)wc - 0x10000) & 0x3FF);
			nu = 2;
		}
		for (size_t u = 0; u < nu; u++, n += 2)
			if (out) {
				assert_true(n + 2 <= size);
				out[n + !be] = (char)(units[u] >> 8);
				out[n + be] = (char)(units[u] & 0xFF);
			}
	}
	return n;
}

/* Load len bytes that must fail at line:col with a message part. */
static void bytes_fail_at(const char *text, size_t len, int line, int col, const char *part)
{
	struct loader_error err;
	struct document *doc = loader_load_string("t.yaml", text, len, &err);
	if (doc) {
		model_free(doc);
		fail_msg("loaded");
	}
	if (err.line != line || err.col != col || !strstr(err.message, part))
		fail_msg("got %d:%d: %s\nwant %d:%d: ...%s...", err.line, err.col, err.message,
			 line, col, part);
}

static void test_bad_bytes_positions(void **state)
{
	(void)state;
	/* libyaml reports a reader error with a byte offset only: the
	 * position is computed from the text, in characters. */
	static const char bad_utf8[] =
		"schema: 2\n"
		"document:\n"
		"  department: 合成部门\n"
		"  year: 2021\n"
		"  title: 合成\xff乱码\n"
		"  unit: 万元\n";
	bytes_fail_at(bad_utf8, sizeof bad_utf8 - 1, 5, 12, "invalid leading UTF-8 octet");
	static const char ascii[] = "schema: 2\n\n\n\n  title: ab\xc0\x80\n";
	bytes_fail_at(ascii, sizeof ascii - 1, 5, 12, "UTF-8");
	static const char control[] =
		"schema: 2\n"
		"document:\n"
		"  department: 合成部门\n"
		"  unit: 万\x01元\n";
	bytes_fail_at(control, sizeof control - 1, 4, 10, "control characters are not allowed");
	static const char escape[] = "schema: 2\ndocument: {title: \"合\x1b[31m成\"}\n";
	bytes_fail_at(escape, sizeof escape - 1, 2, 21, "control characters are not allowed");
	static const char c1[] = "schema: 2\ndocument: {title: 合\xc2\x9b成}\n";
	bytes_fail_at(c1, sizeof c1 - 1, 2, 20, "control characters are not allowed");
	static const char incomplete[] = "schema: 2\ndocument:\n  unit: 万\xe5\x90";
	bytes_fail_at(incomplete, sizeof incomplete - 1, 3, 10, "incomplete UTF-8 octet sequence");
	static const char crlf[] = "schema: 2\r\ndocument:\r\n  department: \xff\r\n";
	bytes_fail_at(crlf, sizeof crlf - 1, 3, 15, "invalid leading UTF-8 octet");

	/* Far into the file, beyond libyaml's first buffer: still exact. */
	struct sbuf b = { 0 };
	sbuf_add(&b, "schema: 2\n");
	for (int i = 0; i < 700; i++)
		sbuf_add(&b, "# 注释注释注释注释注释注释注释注释注释注释注释注释\n");
	sbuf_add(&b, "document:\n  title: 甲乙丙\xfe\n");
	bytes_fail_at(b.s, b.len, 703, 13, "invalid leading UTF-8 octet");
	sbuf_free(&b);
	/* libyaml breaks lines at a lone CR too, at CR LF once, and at NEL
	 * (U+0085), LS (U+2028) and PS (U+2029): the computed position counts
	 * them so, and agrees with libyaml's own mark for another error at
	 * the same place ('@' cannot start a token). */
	static const char cr[] = "schema: 2\rdocument:\r  department: \xff\r";
	bytes_fail_at(cr, sizeof cr - 1, 3, 15, "invalid leading UTF-8 octet");
	static const char *const breaks[] = { "\n", "\r", "\r\n" };
	for (size_t i = 0; i < N(breaks); i++) {
		const char *nl = breaks[i];
		char text[256];
		for (int at = 0; at < 2; at++) {
			int n = snprintf(text, sizeof text,
					 "schema: 2%sdocument:%s  # 注释%s%s  department: %s%s", nl, nl,
					 nl, nl, at ? "@x" : "\xff", nl);
			bytes_fail_at(text, (size_t)n, 5, 15,
				      at ? "cannot start any token" : "invalid leading UTF-8 octet");
		}
	}
	/* Mixed, in a quoted scalar and a block scalar too. */
	static const char mixed[] =
		"schema: 2\r\rdocument:\r\n  title: \"a\rb\r\n" "c\"\n  unit: |\r    x\n"
		"    y\r  region: \xff\n";
	bytes_fail_at(mixed, sizeof mixed - 1, 10, 11, "invalid leading UTF-8 octet");
	/* NEL, LS and PS, which libyaml would take for line breaks and
	 * editors do not, are refused where they stand, even in a comment
	 * (where they would hide a key from the eye) or a quoted name. */
	static const char *const hidden[][2] = {
		{ "\xc2\x85", "U+0085" }, { "\xe2\x80\xa8", "U+2028" }, { "\xe2\x80\xa9", "U+2029" },
	};
	for (size_t i = 0; i < N(hidden); i++) {
		char text[256];
		int n = snprintf(text, sizeof text, "schema: 2\n# 注释%syear: 2099\n", hidden[i][0]);
		bytes_fail_at(text, (size_t)n, 2, 5, hidden[i][1]);
		n = snprintf(text, sizeof text, "schema: 2\ndocument: {title: \"a%sb\"}\n", hidden[i][0]);
		bytes_fail_at(text, (size_t)n, 2, 21, hidden[i][1]);
	}
	/* A byte-order mark is not counted. */
	static const char bom[] = "\xef\xbb\xbfschema: 2\ndocument: {unit: \x01}\n";
	bytes_fail_at(bom, sizeof bom - 1, 2, 18, "control characters are not allowed");
	static const char bom_line1[] = "\xef\xbb\xbfschema: \xff\n";
	bytes_fail_at(bom_line1, sizeof bom_line1 - 1, 1, 9, "invalid leading UTF-8 octet");
	/* UTF-16, either byte order, after its byte-order mark: counted in
	 * characters, a surrogate pair one of them. */
	static const char *const utf8 = "schema: 2\r\ndocument:\r  title: 合\xf0\x9f\x98\x80\x01\n";
	for (int be = 0; be < 2; be++) {
		char text[256];
		size_t n = utf16(utf8, SIZE_MAX, be, text, sizeof text);
		bytes_fail_at(text, n, 3, 12, "control characters are not allowed");
	}
	static const char lone_low[] = { '\xff', '\xfe', 'a', 0, '\n', 0, 'b', 0,
					 '\x00', '\xdc', 'c', 0 };
	bytes_fail_at(lone_low, sizeof lone_low, 2, 2, "unexpected low surrogate area");
}

/* The positions computed for reader errors are libyaml's own: at every
 * scalar of a text with every kind of line break it allows (LF, CR, CR
 * LF), in every encoding,
 * yread_position at the scalar's first byte gives the scalar's mark. */
static void test_positions_agree_with_marks(void **state)
{
	(void)state;
	static const char text[] =
		"# 注释\ra1: v1\r\nb2: 值2\n" "c3: v3\r" "d4: v4\r\n"
		"e5: 'q1\rq2\r\n\r\nq3'\nf6: \"w1\n" "w2\"\rg7: |\r  l1\r\n  l2\n"
		"h8: [x1,\rx2,\r\n x3]\r\ni9: {k1: 文字\xf0\x9f\x98\x80, k2: z}\n";
	static const char *const scalars[] = { "a1", "v1", "b2", "值2", "c3", "v3", "d4", "v4",
		"e5", "'q1", "f6", "\"w1", "g7", "|", "h8", "x1", "x2", "x3", "i9", "k1", "文字", "k2",
		"z}" };
	char buf[1024];
	for (int enc = 0; enc < 4; enc++) {
		/* 0: UTF-8, 1: UTF-8 with a byte-order mark, 2, 3: UTF-16LE, BE. */
		const char *in = text;
		size_t len = sizeof text - 1;
		if (enc == 1) {
			len = (size_t)snprintf(buf, sizeof buf, "\xef\xbb\xbf%s", text);
			in = buf;
		} else if (enc >= 2) {
			len = utf16(text, SIZE_MAX, enc == 3, buf, sizeof buf);
			in = buf;
		}
		struct yread r;
		assert_true(yread_open(&r, in, len));
		size_t found = 0;
		const yaml_event_t *e;
		while ((e = yread_peek(&r)) && e->type != YAML_DOCUMENT_END_EVENT) {
			if (e->type == YAML_SCALAR_EVENT) {
				assert_true(found < N(scalars));
				const char *at = strstr(text, scalars[found]);
				assert_non_null(at);
				size_t off = (size_t)(at - text);
				if (enc == 1)
					off += 3;
				else if (enc >= 2)
					off = utf16(text, off, enc == 3, NULL, 0);
				int line, col;
				yread_position(&r, off, &line, &col);
				if (line != (int)e->start_mark.line + 1 ||
				    col != (int)e->start_mark.column + 1)
					fail_msg("encoding %d, %s: computed %d:%d, libyaml %d:%d", enc,
						 scalars[found], line, col, (int)e->start_mark.line + 1,
						 (int)e->start_mark.column + 1);
				found++;
			}
			yread_take(&r);
		}
		assert_false(r.failed);
		assert_int_equal(found, N(scalars));
		yread_close(&r);
	}
}

/* ---- sanitising -------------------------------------------------------- */

/* Synthetic: names with escapes as YAML writes them. */
static const char dirty[] =
	"schema: 2\n"
	"document: {department: \"合成\\e[2J部门\", year: 2021, unit: 万元, title: \"标\\u202E题\"}\n"
	"narrative:\n"
	"  - title: \"说\\u200B明\"\n"
	"    paragraphs: [\"第一行\\n第二行\\e[0m\"]\n"
	"    figures: [{id: f, label: \"数\\x9b据\", value: 1}]\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: \"表\\u2066一\"\n"
	"    title: 表\n"
	"    kind: k\n"
	"    name_title: \"名\\e称\"\n"
	"    columns: [{key: a, title: a, type: amount}, {key: s, title: s, type: text}]\n"
	"    rows:\n"
	"      - {name: \"红\\e[31m字\", values: [1, \"文\\e]0;x\\a本\"]}\n"
	"      - {name: \"C1\\x85\\x9b2J\", values: [1, ~]}\n"
	"      - {name: \"反\\u202E转\", values: [1, ~]}\n"
	"      - {name: \"零\\u200B宽\", values: [1, ~]}\n"
	"      - {name: \"换\\n行\", values: [1, ~]}\n"
	"      - {name: \"\\uFEFF开头\", values: [1, ~]}\n";

static void test_sanitised_names(void **state)
{
	(void)state;
	struct document *doc = must_load(dirty);
	assert_string_equal(doc->department, "合成" REPLACEMENT "[2J部门");
	assert_string_equal(doc->title, "标‹U+202E›题");
	assert_string_equal(doc->parts->title, "说‹U+200B›明");
	/* Multi-line text keeps its newlines, nothing else. */
	assert_string_equal(doc->parts->paragraphs[0], "第一行\n第二行" REPLACEMENT "[0m");
	assert_string_equal(doc->parts->figures[0].label, "数" REPLACEMENT "据");
	const struct table *t = &doc->tables[0];
	assert_string_equal(t->label, "表‹U+2066›一");
	assert_string_equal(t->sides[0].labels[0].title, "名" REPLACEMENT "称");
	const struct row *r = t->sides[0].rows;
	assert_string_equal(model_row_name(r), "红" REPLACEMENT "[31m字");
	assert_string_equal(r->cells[1].s, "文" REPLACEMENT "]0;x" REPLACEMENT "本");
	r = r->next;
	assert_string_equal(model_row_name(r), "C1" REPLACEMENT REPLACEMENT "2J");
	r = r->next;
	assert_string_equal(model_row_name(r), "反‹U+202E›转");
	r = r->next;
	assert_string_equal(model_row_name(r), "零‹U+200B›宽");
	r = r->next;
	assert_string_equal(model_row_name(r), "换" REPLACEMENT "行");
	r = r->next;
	assert_string_equal(model_row_name(r), "‹U+FEFF›开头");
	/* Nothing stored would be changed by sanitising again. */
	for (r = model_first_row(t); r; r = model_next_in_table(r))
		assert_true(text_is_clean(model_row_name(r), strlen(model_row_name(r)), false));
	model_free(doc);
}

static void test_sanitised_messages(void **state)
{
	(void)state;
	/* A key with an escape, quoted back in the message: made visible. */
	char *text = edit(base2, "    title: 支出表\n", "    title: 支出表\n    \"ti\\etle\\u202E\": x\n");
	struct loader_error err;
	assert_null(load(text, &err));
	assert_non_null(strstr(err.message, "unknown key 'ti" REPLACEMENT "tle‹U+202E›'"));
	assert_null(strchr(err.message, '\x1b'));
	assert_true(text_is_clean(err.message, strlen(err.message), false));
	free(text);
	/* A bad amount quoted back. */
	text = edit(base2, "[4.00, 4.00, 0.00]", "[\"4\\e[1m\", 4.00, 0.00]");
	assert_null(load(text, &err));
	assert_true(text_is_clean(err.message, strlen(err.message), false));
	assert_non_null(strstr(err.message, "'4" REPLACEMENT "[1m'"));
	free(text);
}

static void test_sanitised_file_name(void **state)
{
	(void)state;
	struct loader_error err;
	assert_null(loader_load_string("坏\x1b[2J名\xe2\x80\xae.yaml", "", 0, &err));
	assert_string_equal(err.file, "坏" REPLACEMENT "[2J名‹U+202E›.yaml");
	assert_null(loader_load("/nonexistent/\x1b]0;x\x07\xff.yaml", &err));
	assert_string_equal(err.file, "/nonexistent/" REPLACEMENT "]0;x" REPLACEMENT REPLACEMENT ".yaml");
	struct sbuf b = { 0 };
	loader_error_format(&err, &b);
	assert_true(text_is_clean(b.s, b.len, false));
	sbuf_free(&b);
	/* The document keeps the name as given, and a clean one to show. */
	struct document *doc = loader_load_string("a\x1b.yaml", base2, strlen(base2), &err);
	assert_non_null(doc);
	assert_string_equal(doc->file, "a\x1b.yaml");
	assert_string_equal(doc->path, "a" REPLACEMENT ".yaml");
	model_free(doc);
}

static void test_error_format(void **state)
{
	(void)state;
	struct loader_error err;
	char *text = edit(base2, "[4.00, 4.00, 0.00]", "[4.001, 4.00, 0.00]");
	assert_null(loader_load_string("dir/b.yaml", text, strlen(text), &err));
	int line, col;
	position_of(text, "4.001", &line, &col);
	struct sbuf b = { 0 }, want = { 0 };
	sbuf_addf(&want, "dir/b.yaml:%d:%d: %s", line, col, err.message);
	sbuf_add(&b, "> ");
	loader_error_format(&err, &b);
	assert_string_equal(b.s + 2, want.s);
	assert_null(strchr(b.s, '\n'));
	sbuf_free(&b);
	sbuf_free(&want);
	free(text);
}

/* ---- files ------------------------------------------------------------- */

/* A fresh temporary folder, removed by the caller. */
static void temp_dir(char *dir, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, size, "%s/test_loader.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(dir));
}

static void test_missing_file(void **state)
{
	(void)state;
	struct loader_error err;
	assert_null(loader_load("/nonexistent/budget.yaml", &err));
	assert_string_equal(err.file, "/nonexistent/budget.yaml");
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, 1);
	assert_non_null(strstr(err.message, "cannot open"));
	assert_non_null(strstr(err.message, strerror(ENOENT)));
}

static void test_directory(void **state)
{
	(void)state;
	char dir[512];
	temp_dir(dir, sizeof dir);
	struct loader_error err;
	assert_null(loader_load(dir, &err));
	assert_string_equal(err.file, dir);
	assert_non_null(strstr(err.message, "is a directory"));
	assert_int_equal(err.line, 1);
	rmdir(dir);
}

static void test_fifo(void **state)
{
	(void)state;
	/* Never opened for writing: a loader that blocked would hang here,
	 * so the alarm ends the test (and fails it) instead. */
	char dir[512], path[600];
	temp_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/pipe.yaml", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	alarm(10);
	struct loader_error err;
	struct document *doc = loader_load(path, &err);
	alarm(0);
	unlink(path);
	rmdir(dir);
	assert_null(doc);
	assert_string_equal(err.file, path);
	assert_non_null(strstr(err.message, "not a regular file (FIFO)"));
}

/* The message for a file over LOADER_MAX_BYTES. */
static const char *too_large(void)
{
	static char m[64];
	snprintf(m, sizeof m, "the file is larger than %u MiB", LOADER_MAX_BYTES >> 20);
	return m;
}

static void test_file_size_limit(void **state)
{
	(void)state;
	assert_string_equal(too_large(), "the file is larger than 16 MiB");
	char dir[512], path[600];
	temp_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/big.yaml", dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	/* One byte over: refused before it is read (the file is sparse). */
	assert_int_equal(ftruncate(fd, (off_t)LOADER_MAX_BYTES + 1), 0);
	struct loader_error err;
	assert_null(loader_load(path, &err));
	assert_non_null(strstr(err.message, too_large()));
	assert_int_equal(err.line, 1);
	/* At the limit: read, and parsed up to the first NUL of the hole. */
	static const char head[] = "schema: 2\nx: 1\n";
	assert_int_equal(write(fd, head, sizeof head - 1), (ssize_t)(sizeof head - 1));
	assert_int_equal(ftruncate(fd, (off_t)LOADER_MAX_BYTES), 0);
	close(fd);
	assert_null(loader_load(path, &err));
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 1);
	assert_non_null(strstr(err.message, "control characters are not allowed"));
	unlink(path);
	rmdir(dir);
}

static void test_regular_file(void **state)
{
	(void)state;
	char dir[512], path[600];
	temp_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/b.yaml", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(base2, f);
	fclose(f);
	struct loader_error err;
	struct document *doc = loader_load(path, &err);
	assert_non_null(doc);
	assert_string_equal(doc->file, path);
	assert_int_equal(doc->ntables, 1);
	model_free(doc);
	/* A failure in a file is reported under the file's name. */
	f = fopen(path, "w");
	fputs("schema: 9\n", f);
	fclose(f);
	assert_null(loader_load(path, &err));
	assert_string_equal(err.file, path);
	assert_non_null(strstr(err.message, "schema version 9"));
	unlink(path);
	rmdir(dir);
}

static void test_standard_input(void **state)
{
	(void)state;
	/* "-" reads standard input: a pipe holding the file. */
	int p[2];
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], base2, strlen(base2)), (ssize_t)strlen(base2));
	close(p[1]);
	int saved = dup(STDIN_FILENO);
	assert_true(saved >= 0);
	assert_true(dup2(p[0], STDIN_FILENO) >= 0);
	close(p[0]);
	struct loader_error err;
	struct document *doc = loader_load("-", &err);
	dup2(saved, STDIN_FILENO);
	close(saved);
	if (!doc)
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.message);
	assert_string_equal(doc->file, "-");
	assert_ptr_equal(model_find_table(doc, "5"), &doc->tables[0]);
	model_free(doc);
}

/* Standard input that is a pipe holding n bytes (a writer process). */
static pid_t stdin_of(size_t n, int *saved)
{
	int p[2];
	assert_int_equal(pipe(p), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		static char chunk[65536];
		close(p[0]);
		memset(chunk, ' ', sizeof chunk);
		for (size_t done = 0; done < n;) {
			size_t k = n - done < sizeof chunk ? n - done : sizeof chunk;
			ssize_t w = write(p[1], chunk, k);
			if (w <= 0)
				_exit(1);
			done += (size_t)w;
		}
		_exit(0);
	}
	close(p[1]);
	*saved = dup(STDIN_FILENO);
	assert_true(*saved >= 0);
	assert_true(dup2(p[0], STDIN_FILENO) >= 0);
	close(p[0]);
	return pid;
}

static void test_standard_input_limit(void **state)
{
	(void)state;
	/* A pipe has no size to look at: what is read is counted.  One byte
	 * over the limit is refused; at the limit, the spaces are read and
	 * the text is found empty. */
	for (int over = 1; over >= 0; over--) {
		int saved, status;
		pid_t pid = stdin_of((size_t)LOADER_MAX_BYTES + (size_t)over, &saved);
		struct loader_error err;
		struct document *doc = loader_load("-", &err);
		dup2(saved, STDIN_FILENO);
		close(saved);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_null(doc);
		assert_non_null(strstr(err.message, over ? too_large() : "the file is empty"));
	}
}

/* ---- real files (not synthetic; skipped without them) ------------------ */

static void test_real_files(void **state)
{
	(void)state;
	if (access("data/budget.yaml", R_OK) != 0 ||
	    access("data/jiangsu/zxbgt-2019.yaml", R_OK) != 0)
		skip();
	struct loader_error err;
	struct document *doc = loader_load("data/budget.yaml", &err);
	if (!doc)
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.message);
	assert_int_equal(doc->schema, 2);
	const struct table *t1 = model_find_table(doc, "t1");
	assert_non_null(t1);
	assert_int_equal(t1->nsides, 2);
	assert_int_equal(model_find_row_id(t1, "income_total")->print_line, 15);
	assert_int_equal(model_find_row_id(t1, "expenditure_year_total")->print_line, 10);
	model_free(doc);
	doc = loader_load("data/jiangsu/zxbgt-2019.yaml", &err);
	if (!doc)
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.message);
	const struct table *t12 = model_find_table(doc, "公开12表");
	assert_non_null(t12);
	const struct row *goods = model_find_row_id(t12, "goods");
	assert_non_null(goods);
	assert_string_equal(goods->parent->id, "total");
	assert_int_equal(goods->nchildren, 2);
	model_free(doc);
}

int main(void)
{
	text_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema1_builds_tree),
		cmocka_unit_test(test_schema1_text_fields),
		cmocka_unit_test(test_schema1_errors),
		cmocka_unit_test(test_schema2_document),
		cmocka_unit_test(test_sides_and_lines),
		cmocka_unit_test(test_line_not_after),
		cmocka_unit_test(test_labels_nest),
		cmocka_unit_test(test_side_without_names),
		cmocka_unit_test(test_table_names),
		cmocka_unit_test(test_code_nest_and_texts),
		cmocka_unit_test(test_quantities),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_figure_errors),
		cmocka_unit_test(test_errors_narrative),
		cmocka_unit_test(test_identities),
		cmocka_unit_test(test_base_loads),
		cmocka_unit_test(test_long_text_key),
		cmocka_unit_test(test_errors_keys_and_types),
		cmocka_unit_test(test_errors_amounts),
		cmocka_unit_test(test_errors_name_the_table),
		cmocka_unit_test(test_unquoted_thousands),
		cmocka_unit_test(test_errors_order),
		cmocka_unit_test(test_errors_yaml),
		cmocka_unit_test(test_nesting_depth),
		cmocka_unit_test(test_bad_bytes_positions),
		cmocka_unit_test(test_positions_agree_with_marks),
		cmocka_unit_test(test_sanitised_names),
		cmocka_unit_test(test_sanitised_messages),
		cmocka_unit_test(test_sanitised_file_name),
		cmocka_unit_test(test_error_format),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_file_size_limit),
		cmocka_unit_test(test_regular_file),
		cmocka_unit_test(test_standard_input),
		cmocka_unit_test(test_standard_input_limit),
		cmocka_unit_test(test_real_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
