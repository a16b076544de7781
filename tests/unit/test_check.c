/* test_check.c: reconciliation (report/check.h).  Every document here is
 * synthetic: small budget files made up for these tests in schema 2
 * (notes/schema2.md), loaded with loader_load_string; they are not real
 * budgets.  Messages are checked in English (msg_set_chinese(false) before
 * each test) and, in one test, in Chinese. */
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
#include "doc/strmap.h"
#include "doc/text.h"
#include "report/check.h"
#include "report/compare.h"
#include "fixture.h"

/* ---- helpers ------------------------------------------------------------- */

/* The header of every synthetic document: lines 1 and 2. */
#define HEAD "schema: 2\n" \
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成测试}\n"

static struct document *load(const char *text)
{
	return fixture_text_ok("t.yaml", text);
}

/* The 1-based line of text on which needle first occurs. */
static int line_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	if (!p)
		fail_msg("the document lacks \"%s\"", needle);
	int line = 1;
	for (const char *q = text; q < p; q++)
		line += *q == '\n';
	return line;
}

/* The only finding at line, which must exist. */
static const struct finding *at_line(const struct check_report *rep, int line)
{
	const struct finding *found = NULL;
	for (size_t i = 0; i < rep->n; i++)
		if (rep->v[i].line == line) {
			if (found)
				fail_msg("two findings at line %d: \"%s\" and \"%s\"", line,
					 found->message, rep->v[i].message);
			found = &rep->v[i];
		}
	if (!found)
		fail_msg("no finding at line %d", line);
	return found;
}

/* The only finding whose message contains needle, which must exist. */
static const struct finding *find(const struct check_report *rep, const char *needle)
{
	const struct finding *found = NULL;
	for (size_t i = 0; i < rep->n; i++)
		if (strstr(rep->v[i].message, needle)) {
			if (found)
				fail_msg("two findings with \"%s\": \"%s\" and \"%s\"", needle,
					 found->message, rep->v[i].message);
			found = &rep->v[i];
		}
	if (!found)
		fail_msg("no finding with \"%s\"", needle);
	return found;
}

/* How many findings contain needle. */
static size_t count_with(const struct check_report *rep, const char *needle)
{
	size_t n = 0;
	for (size_t i = 0; i < rep->n; i++)
		n += strstr(rep->v[i].message, needle) != NULL;
	return n;
}

static size_t count(const struct check_report *rep, enum check_status st)
{
	size_t n = 0;
	for (size_t i = 0; i < rep->n; i++)
		n += rep->v[i].status == st;
	return n;
}

static void contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("\"%s\" lacks \"%s\"", hay, needle);
}

static void lacks(const char *hay, const char *needle)
{
	if (strstr(hay, needle))
		fail_msg("\"%s\" has \"%s\"", hay, needle);
}

/* The counters agree with the findings, whatever the document. */
static void consistent(const struct check_report *rep)
{
	assert_int_equal(rep->checks, rep->n);
	assert_int_equal(rep->checks, rep->passed + rep->failed + rep->known + rep->uncheckable);
	assert_int_equal(count(rep, CHECK_PASS), rep->passed);
	assert_int_equal(count(rep, CHECK_FAIL), rep->failed);
	assert_int_equal(count(rep, CHECK_KNOWN), rep->known);
	assert_int_equal(count(rep, CHECK_UNCHECKABLE), rep->uncheckable);
	assert_int_equal(count(rep, CHECK_NONE), 0);
}

/* Does the finding concern row r? */
static bool concerns(const struct finding *f, const struct row *r)
{
	for (size_t i = 0; i < f->nrows; i++)
		if (f->rows[i] == r)
			return true;
	return false;
}

static char *print_report(const struct document *doc, const struct check_report *rep)
{
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);
	assert_non_null(mem);
	check_print(doc, rep, mem);
	fclose(mem);
	return out;
}

static char *summary(const struct check_report *rep)
{
	struct sbuf b = { 0 };
	check_summary(rep, &b);
	return sbuf_take(&b);
}

/* ---- tree sums ----------------------------------------------------------- */

/* One table, two amount columns: 合计 over ordinary and 其中 children;
 * 空行 blank over a blank child (no check in 甲) and a 0.00 child (乙);
 * 空父 blank over a child that holds 0.50. */
static const char tree_doc[] = HEAD
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 合成表\n"
	"    kind: other\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: a, title: 甲, type: amount}\n"
	"      - {key: b, title: 乙, type: amount}\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        values: [10.00, 5.01]\n"
	"        children:\n"
	"          - {name: 其中：一, of_which: true, values: [3.00, 1.00]}\n"
	"          - {name: 二, of_which: true, values: [7.00, 4.00]}\n"
	"          - {name: 子一, values: [4.00, 2.00]}\n"
	"          - {name: 子二, values: [6.00, 3.00]}\n"
	"      - name: 空行\n"
	"        values: [~, ~]\n"
	"        children:\n"
	"          - {name: 空子, values: [~, 0.00]}\n"
	"      - name: 空父\n"
	"        values: [~, 1.00]\n"
	"        children:\n"
	"          - {name: 子, values: [0.50, 1.00]}\n";

/* Ordinary children and 其中 children are two separate sums; a wrong cell
 * fails on the parent's line, in that column only; blank cells count as
 * 0, but a blank cell over blank children is no check at all. */
static void test_tree_sums(void **state)
{
	(void)state;
	struct document *doc = load(tree_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	/* 合计: 2 columns x (ordinary, 其中); 空行: 乙 only; 空父: both. */
	assert_int_equal(rep.checks, 7);
	assert_int_equal(rep.failed, 3);
	assert_int_equal(rep.passed, 4);
	int total = line_of(tree_doc, "- name: 合计");
	assert_string_equal(find(&rep, "表1 合计 [甲]: expected 10.00 (the sum of the 2")->message,
			    "表1 合计 [甲]: expected 10.00 (the sum of the 2 rows under it), found 10.00");
	const struct finding *f = find(&rep, "合计 [乙]: expected 5.00 (the sum of the 2 rows");
	assert_int_equal(f->status, CHECK_FAIL);
	assert_int_equal(f->line, total);
	assert_ptr_equal(f->table, &doc->tables[0]);
	assert_string_equal(f->message, "表1 合计 [乙]: expected 5.00 (the sum of the 2 rows under it), "
			    "found 5.01, difference +0.01");
	f = find(&rep, "合计 [乙]: expected 5.00 (the sum of its 2 其中 rows)");
	assert_int_equal(f->status, CHECK_FAIL);
	assert_int_equal(f->line, total);
	assert_string_equal(f->message, "表1 合计 [乙]: expected 5.00 (the sum of its 2 其中 rows), "
			    "found 5.01, difference +0.01");
	assert_int_equal(find(&rep, "合计 [甲]: expected 10.00 (the sum of its 2 其中")->status,
			 CHECK_PASS);
	/* A blank cell over a 0.00 child adds up; over a blank child it is
	 * not a check. */
	f = at_line(&rep, line_of(tree_doc, "- name: 空行"));
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "表1 空行 [乙]: expected 0.00 (the one row under it), "
			    "found blank");
	assert_int_equal(count_with(&rep, "空行 [甲]"), 0);
	f = find(&rep, "空父 [甲]");
	assert_int_equal(f->status, CHECK_FAIL);
	assert_string_equal(f->message, "表1 空父 [甲]: expected 0.50 (the one row under it), "
			    "found blank, difference -0.50");
	const struct row *top = doc->tables[0].sides[0].rows;
	assert_int_equal(check_row_status(&rep, top), CHECK_FAIL);
	assert_int_equal(check_row_status(&rep, top->child), CHECK_NONE);
	assert_int_equal(check_row_status(&rep, top->next), CHECK_PASS);
	assert_int_equal(check_status_code(&rep), 1);
	check_report_free(&rep);
	model_free(doc);
}

/* A column declared the sum of others, on every row. */
static const char sum_of_doc[] = HEAD
	"tables:\n"
	"  - id: t3\n"
	"    label: 表3\n"
	"    title: 合成表\n"
	"    kind: expenditure\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: total, title: 合计, type: amount, sum_of: [basic, project]}\n"
	"      - {key: basic, title: 小计, group: [基本], type: amount}\n"
	"      - {key: project, title: 小计, group: [项目], type: amount}\n"
	"    rows:\n"
	"      - {name: 甲, values: [3.00, 1.00, 2.00]}\n"
	"      - {name: 乙, values: [3.00, 1.00, 1.99]}\n"
	"      - {name: 丙, values: [~, ~, ~]}\n"
	"      - {name: 丁, values: [2.00, ~, 2.00]}\n";

static void test_sum_of(void **state)
{
	(void)state;
	struct document *doc = load(sum_of_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	assert_int_equal(rep.checks, 3);	/* 丙 is blank throughout */
	assert_int_equal(at_line(&rep, line_of(sum_of_doc, "name: 甲"))->status, CHECK_PASS);
	/* A blank part counts as 0. */
	assert_int_equal(at_line(&rep, line_of(sum_of_doc, "name: 丁"))->status, CHECK_PASS);
	const struct finding *f = at_line(&rep, line_of(sum_of_doc, "name: 乙"));
	assert_int_equal(f->status, CHECK_FAIL);
	/* Repeated titles are told apart by their group. */
	assert_string_equal(f->message, "表3 乙 [合计]: expected 2.99 (基本/小计 + 项目/小计), "
			    "found 3.00, difference +0.01");
	assert_int_equal(rep.failed, 1);
	check_report_free(&rep);
	model_free(doc);
}

/* Rows may be missing from an incomplete table: its sums prove nothing,
 * and say which table is incomplete and how. */
static const char incomplete_doc[] = HEAD
	"tables:\n"
	"  - id: t2\n"
	"    label: 表2\n"
	"    title: 合成表\n"
	"    kind: income\n"
	"    name_title: 项目\n"
	"    incomplete: 缺行\n"
	"    columns: [{key: a, title: 甲, type: amount}]\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        values: [9.00]\n"
	"        children: [{name: 子, values: [1.00]}, {name: 子二, values: [1.00]}]\n"
	"      - name: 单\n"
	"        values: [9.00]\n"
	"        children: [{name: 子, values: [1.00]}]\n";

static void test_incomplete_table(void **state)
{
	(void)state;
	struct document *doc = load(incomplete_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	assert_int_equal(rep.checks, 2);
	assert_int_equal(rep.uncheckable, 2);
	const struct finding *f = at_line(&rep, line_of(incomplete_doc, "- name: 合计"));
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表2 合计: cannot be checked against the sum of the 2 rows "
			    "under it: 表2 is incomplete in the source (缺行)");
	f = at_line(&rep, line_of(incomplete_doc, "- name: 单"));
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "表2 单: cannot be checked");
	contains(f->message, "one row under it: 表2 is incomplete in the source (缺行)");
	assert_int_equal(check_status_code(&rep), 0);
	assert_int_equal(check_row_status(&rep, doc->tables[0].sides[0].rows), CHECK_UNCHECKABLE);
	check_report_free(&rep);
	model_free(doc);
}

/* An incomplete table whose rows have one child each: the basis reads
 * "against the one row under it" and "against its 其中 row", with no
 * doubled article.  Synthetic, like every document here. */
static const char incomplete_one_doc[] = HEAD
	"tables:\n"
	"  - id: t2\n"
	"    label: 表2\n"
	"    title: 合成表\n"
	"    kind: income\n"
	"    name_title: 项目\n"
	"    incomplete: 缺行\n"
	"    columns: [{key: a, title: 甲, type: amount}]\n"
	"    rows:\n"
	"      - name: 单\n"
	"        values: [9.00]\n"
	"        children: [{name: 子, values: [1.00]}]\n"
	"      - name: 其中父\n"
	"        values: [9.00]\n"
	"        children: [{name: 其中：子, of_which: true, values: [1.00]}]\n"
	"      - name: 两其中\n"
	"        values: [9.00]\n"
	"        children: [{name: 其中：甲, of_which: true, values: [1.00]},\n"
	"                   {name: 乙, of_which: true, values: [1.00]}]\n"
	"  - id: t3\n"
	"    label: 表3\n"
	"    title: 合成大表\n"
	"    kind: other\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 甲, type: amount}]\n"
	"    rows:\n"
	"      - name: 大\n"
	"        values: [1.00]\n"
	"        children: [{name: 子, values: [999999999999.99]},\n"
	"                   {name: 子二, values: [999999999999.99]}]\n";

static void test_incomplete_one_child(void **state)
{
	(void)state;
	struct document *doc = load(incomplete_one_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	assert_int_equal(rep.checks, 4);
	assert_int_equal(rep.uncheckable, 4);
	const struct finding *f = at_line(&rep, line_of(incomplete_one_doc, "- name: 单"));
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表2 单: cannot be checked against the one row under it: "
			    "表2 is incomplete in the source (缺行)");
	f = at_line(&rep, line_of(incomplete_one_doc, "- name: 其中父"));
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表2 其中父: cannot be checked against its 其中 row: "
			    "表2 is incomplete in the source (缺行)");
	f = at_line(&rep, line_of(incomplete_one_doc, "- name: 两其中"));
	assert_string_equal(f->message, "表2 两其中: cannot be checked against the sum of its 2 "
			    "其中 rows: 表2 is incomplete in the source (缺行)");
	/* A sum beyond the largest amount: the same basis, one article. */
	f = at_line(&rep, line_of(incomplete_one_doc, "- name: 大"));
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表3 大: cannot be checked: the sum of the 2 rows under it "
			    "exceeds the largest amount");
	for (size_t i = 0; i < rep.n; i++)
		lacks(rep.v[i].message, "the the ");
	check_report_free(&rep);

	msg_set_chinese(true);
	check_document(doc, NULL, &rep);
	assert_string_equal(at_line(&rep, line_of(incomplete_one_doc, "- name: 其中父"))->message,
			    "表2 其中父：表2 来源不完整（缺行），无法与其“其中”行核对");
	assert_string_equal(at_line(&rep, line_of(incomplete_one_doc, "- name: 大"))->message,
			    "表3 大：无法核对：其下 2 行之和超过最大金额");
	check_report_free(&rep);
	msg_set_chinese(false);
	model_free(doc);
}

/* ---- declared identities --------------------------------------------------- */

/* Figures that only identities use (no ref), a plain table t1, an
 * incomplete t2, a procurement table t3 with 其中 rows and a two-level
 * tree, and t4 in 元. */
static const char ident_doc[] = HEAD
	"narrative:\n"
	"  - title: 说明\n"
	"    figures:\n"
	"      - {id: whole, label: 总额, value: 10.00, change: 1.50, prior: 8.50}\n"
	"      - {id: part_a, label: 甲, value: 4.00, change: 1.00, prior: 2.50}\n"
	"      - {id: part_b, label: 乙, value: 6.00, change: 0.50}\n"
	"      - {id: yuan, label: 元数, value: 10.00, unit: 元}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [10.00]}\n"
	"  - id: t2\n"
	"    label: 表2\n"
	"    title: 不完整表\n"
	"    kind: part\n"
	"    incomplete: 源表只有一行\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: one, name: 一行, values: [10.00]}\n"
	"  - id: t3\n"
	"    label: 表3\n"
	"    title: 采购\n"
	"    kind: procurement\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: code, title: 品目编号, type: text}\n"
	"      - {key: total, title: 金额, type: amount}\n"
	"    rows:\n"
	"      - id: total\n"
	"        name: 合计\n"
	"        values: [~, 9.00]\n"
	"        children:\n"
	"          - {id: goods, name: 其中：货物, of_which: true, values: [~, 3.00]}\n"
	"          - {name: 服务, of_which: true, values: [~, 6.00]}\n"
	"          - id: first\n"
	"            name: 一\n"
	"            values: [~, 3.00]\n"
	"            children:\n"
	"              - {name: 甲项, values: [A01, 1.00]}\n"
	"              - {name: 乙项, values: [C01, 2.00]}\n"
	"          - {name: 二, values: [C02, 4.00]}\n"
	"          - {name: 三, values: [A03, 2.00]}\n"
	"  - id: t4\n"
	"    label: 表4\n"
	"    title: 元表\n"
	"    kind: yuan\n"
	"    unit: 元\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [100000.00]}\n"
	"identities:\n"
	"  - label: 表1 = 表3\n"
	"    left: {table: t1, row: total}\n"
	"    right: {table: t3, row: total}\n"
	"  - label: 货物\n"
	"    left: {table: t3, row: goods}\n"
	"    right: {table: t3, lines: {where: code, prefix: A}}\n"
	"  - label: 全部\n"
	"    left: {table: t3, row: total}\n"
	"    right: {table: t3, lines: {}}\n"
	"  - label: 其下\n"
	"    left: {table: t3, row: first}\n"
	"    right: {table: t3, lines: {under: first}}\n"
	"  - label: 服务另算\n"
	"    left: {table: t3, row: goods}\n"
	"    right: {table: t3, lines: {where: code, prefix: C}}\n"
	"  - label: 变化\n"
	"    left: {figure: whole, field: change}\n"
	"    right: [{figure: part_a, field: change}, {figure: part_b, field: change}]\n"
	"  - label: 上年\n"
	"    left: {figure: whole, field: prior}\n"
	"    right: [{figure: part_a, field: prior}, {figure: part_b}]\n"
	"  - label: 上年缺\n"
	"    left: {figure: whole, field: prior}\n"
	"    right: [{figure: part_a, field: prior}, {figure: part_b, field: prior}]\n"
	"  - label: 总额 = 表1\n"
	"    left: {figure: whole}\n"
	"    right: {table: t1, row: total}\n"
	"  - label: 总额 = 各部分\n"
	"    left: {figure: whole}\n"
	"    right: [{figure: part_a}, {figure: part_b}, {table: t3, row: goods}]\n"
	"    known: 源文件如此\n"
	"  - label: 没有的行\n"
	"    left: {table: t1, row: total}\n"
	"    right: {table: t1, row: nothing}\n"
	"  - label: 没有的表\n"
	"    left: {table: t1, row: total}\n"
	"    right: {table: t9, row: total}\n"
	"  - label: 没有的上级\n"
	"    left: {table: t3, row: total}\n"
	"    right: {table: t3, lines: {under: nothing}}\n"
	"  - label: 不完整\n"
	"    left: {table: t1, row: total}\n"
	"    right: {table: t2, row: total}\n"
	"  - label: 不完整明细\n"
	"    left: {table: t1, row: total}\n"
	"    right: {table: t2, lines: {}}\n"
	"  - label: 不完整有行\n"
	"    left: {table: t1, row: total}\n"
	"    right: {table: t2, row: one}\n"
	"  - label: 元 = 万元\n"
	"    left: {table: t4, row: total}\n"
	"    right: {table: t1, row: total}\n"
	"  - label: 元数 = 万元\n"
	"    left: {figure: yuan}\n"
	"    right: {table: t1, row: total}\n";

/* The finding of the identity labelled label (at its line). */
static const struct finding *identity(const struct check_report *rep, const char *label)
{
	char needle[128];
	snprintf(needle, sizeof needle, "  - label: %s\n", label);
	return at_line(rep, line_of(ident_doc, needle));
}

static const struct row *row_id(const struct document *doc, const char *table, const char *id)
{
	const struct row *r = model_find_row_id(model_find_table(doc, table), id);
	if (!r)
		fail_msg("no row %s in %s", id, table);
	return r;
}

/* Cells and lines: {} (every line), {where, prefix}, {under: id}; 其中
 * subtrees are not lines, and a line is a row without ordinary children. */
static void test_identities_cells_and_lines(void **state)
{
	(void)state;
	struct document *doc = load(ident_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	/* 3 tree sums of t3 and 18 identities; no figure has a check of its
	 * own (no ref, and identities use their values). */
	assert_int_equal(rep.checks, 3 + 18);
	assert_int_equal(count_with(&rep, "figure yuan (元数): "), 0);
	const struct finding *f = identity(&rep, "表1 = 表3");
	assert_int_equal(f->status, CHECK_FAIL);
	assert_string_equal(f->message, "表1 合计: expected 9.00 (表3 合计), found 10.00, "
			    "difference +1.00 — 表1 = 表3");
	assert_ptr_equal(f->table, &doc->tables[0]);
	assert_int_equal(f->nrows, 2);		/* both rows are flagged */
	assert_true(concerns(f, row_id(doc, "t1", "total")));
	assert_true(concerns(f, row_id(doc, "t3", "total")));
	f = identity(&rep, "货物");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "表3 其中：货物: expected 3.00 (表3 lines whose 品目编号 "
			    "begins with \"A\"), found 3.00 — 货物");
	/* 甲项 1 + 乙项 2 + 二 4 + 三 2: not 一 (it has children), not the 其中 rows. */
	f = identity(&rep, "全部");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "表3 合计: expected 9.00 (表3 all lines), found 9.00 — 全部");
	f = identity(&rep, "其下");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "表3 一: expected 3.00 (表3 lines under 一), found 3.00 — 其下");
	/* C01 2 + C02 4 = 6, not 3. */
	f = identity(&rep, "服务另算");
	assert_int_equal(f->status, CHECK_FAIL);
	contains(f->message, "expected 6.00 (表3 lines whose 品目编号 begins with \"C\"), "
		 "found 3.00, difference -3.00");
	/* A cell of an incomplete table is printed: it is checked. */
	assert_int_equal(identity(&rep, "不完整有行")->status, CHECK_PASS);
	check_report_free(&rep);
	model_free(doc);
}

/* Figure terms: value (the default), change and prior; a known fault of
 * the source turns the failure into a known one and says why. */
static void test_identities_figures(void **state)
{
	(void)state;
	struct document *doc = load(ident_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	const struct finding *f = identity(&rep, "变化");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure whole (总额) change: expected 1.50 (figure part_a "
			    "(甲) change + figure part_b (乙) change), found 1.50 — 变化");
	assert_null(f->table);		/* only figures: the narrative */
	assert_int_equal(f->nrows, 0);
	/* 2.50 (a prior) + 6.00 (b value) = 8.50. */
	f = identity(&rep, "上年");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure whole (总额) prior year: expected 8.50 (figure "
			    "part_a (甲) prior year + figure part_b (乙)), found 8.50 — 上年");
	f = identity(&rep, "上年缺");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "cannot be checked: figure part_b states no prior-year figure");
	f = identity(&rep, "总额 = 表1");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure whole (总额): expected 10.00 (表1 合计), found 10.00 "
			    "— 总额 = 表1");
	assert_ptr_equal(f->table, &doc->tables[0]);	/* the right side's table */
	f = identity(&rep, "总额 = 各部分");
	assert_int_equal(f->status, CHECK_KNOWN);
	assert_string_equal(f->message, "figure whole (总额): expected 13.00 (figure part_a (甲) + "
			    "figure part_b (乙) + 表3 其中：货物), found 10.00, difference -3.00 "
			    "— 总额 = 各部分 (known fault of the source: 源文件如此)");
	check_report_free(&rep);
	model_free(doc);
}

/* What is missing, incomplete or in another unit makes an identity not
 * checkable, and the finding says why. */
static void test_identities_not_checkable(void **state)
{
	(void)state;
	struct document *doc = load(ident_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	const struct finding *f = identity(&rep, "没有的行");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表1 合计 = 表1 row 'nothing': cannot be checked: 表1 has "
			    "no row 'nothing' — 没有的行");
	f = identity(&rep, "没有的表");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表1 合计 = t9: cannot be checked: the document has no "
			    "table t9 — 没有的表");
	f = identity(&rep, "没有的上级");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "cannot be checked: 表3 has no row 'nothing' — 没有的上级");
	f = identity(&rep, "不完整");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表1 合计 = 表2 row 'total': cannot be checked: 表2 is "
			    "incomplete in the source (源表只有一行) — 不完整");
	f = identity(&rep, "不完整明细");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表1 合计 = 表2 all lines: cannot be checked: 表2 is "
			    "incomplete in the source (源表只有一行) — 不完整明细");
	f = identity(&rep, "元 = 万元");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表4 合计 = 表1 合计: cannot be checked: it adds 万元 to 元 "
			    "— 元 = 万元");
	f = identity(&rep, "元数 = 万元");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "cannot be checked: it adds 万元 to 元 — 元数 = 万元");
	/* 不完整, 不完整明细, 没有的行, 没有的表, 没有的上级, 上年缺 and the two
	 * unit mismatches. */
	assert_int_equal(rep.uncheckable, 8);
	assert_int_equal(rep.failed, 2);
	assert_int_equal(rep.known, 1);
	assert_int_equal(check_status_code(&rep), 1);
	check_report_free(&rep);
	model_free(doc);
}

/* lines: {under: ID} naming a row the table lacks is described as the
 * lines under that id, not as all lines. */
static void test_lines_under_missing_row(void **state)
{
	(void)state;
	struct document *doc = load(ident_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	const struct finding *f = identity(&rep, "没有的上级");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表3 合计 = 表3 lines under nothing: cannot be checked: "
			    "表3 has no row 'nothing' — 没有的上级");
	lacks(f->message, "all lines");
	check_report_free(&rep);
	msg_set_chinese(true);
	check_document(doc, NULL, &rep);
	contains(identity(&rep, "没有的上级")->message, "表3 nothing下的各明细行");
	check_report_free(&rep);
	msg_set_chinese(false);
	model_free(doc);
}

/* ---- figures ------------------------------------------------------------------ */

/* Figures against the cell they name (ref); t1 has two amount columns, so
 * every cell names its column. */
static const char value_doc[] = HEAD
	"narrative:\n"
	"  - title: 说明\n"
	"    figures:\n"
	"      - {id: ok, label: 合计, value: 129.60, ref: {table: t1, row: total}}\n"
	"      - id: bad\n"
	"        label: 合计错\n"
	"        value: 129.61\n"
	"        ref: {table: t1, row: total}\n"
	"      - {id: yuan, label: 元, value: 129.60, unit: 元, ref: {table: t1, row: total}}\n"
	"      - {id: blank, label: 空, value: 0.00, ref: {table: t1, row: empty}}\n"
	"      - {id: blank2, label: 空二, value: 1.00, ref: {table: t1, row: empty}}\n"
	"      - {id: noref, label: 无表, value: 3.00, note: 无表可查}\n"
	"      - {id: other, label: 乙列, value: 2.00, ref: {table: t1, row: total, column: b}}\n"
	"      - {id: dropped, label: 未列, value: ~, ref: {table: t1, row: total}}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}, {key: b, title: 其他, type: amount}]\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [129.60, 2.00]}\n"
	"      - {id: empty, name: 空, values: [~, ~]}\n";

static void test_figure_value(void **state)
{
	(void)state;
	struct document *doc = load(value_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	const struct row *total = row_id(doc, "t1", "total");
	const struct finding *f = at_line(&rep, line_of(value_doc, "{id: ok,"));
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure ok (合计): expected 129.60 (表1 合计 [金额]), "
			    "found 129.60");
	assert_true(concerns(f, total));
	assert_ptr_equal(f->table, &doc->tables[0]);
	/* At the value's own line, in a block mapping. */
	f = at_line(&rep, line_of(value_doc, "value: 129.61"));
	assert_int_equal(f->status, CHECK_FAIL);
	assert_string_equal(f->message, "figure bad (合计错): expected 129.60 (表1 合计 [金额]), "
			    "found 129.61, difference +0.01");
	f = at_line(&rep, line_of(value_doc, "{id: yuan,"));
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "figure yuan (元): cannot be checked: stated in 元, 表1 is "
			    "in 万元");
	/* A blank cell is 0, and the finding says it is blank. */
	f = at_line(&rep, line_of(value_doc, "{id: blank,"));
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure blank (空): expected 0.00 (表1 空 [金额], blank), "
			    "found 0.00");
	f = at_line(&rep, line_of(value_doc, "{id: blank2,"));
	assert_int_equal(f->status, CHECK_FAIL);
	contains(f->message, "expected 0.00 (表1 空 [金额], blank), found 1.00, difference +1.00");
	f = at_line(&rep, line_of(value_doc, "{id: noref,"));
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "no ref");
	contains(f->message, "; note: 无表可查");
	assert_int_equal(f->nrows, 0);
	f = at_line(&rep, line_of(value_doc, "{id: other,"));
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure other (乙列): expected 2.00 (表1 合计 [其他]), "
			    "found 2.00");
	/* A value the text leaves out is not checked. */
	assert_int_equal(count_with(&rep, "figure dropped"), 0);
	assert_int_equal(rep.checks, 7);
	assert_int_equal(rep.failed, 2);
	check_report_free(&rep);
	model_free(doc);
}

/* Rates against change / (value - change), at the precision printed; the
 * value is the stated one, or the ref cell's. */
static const char rate_doc[] = HEAD
	"narrative:\n"
	"  - title: 说明\n"
	"    figures:\n"
	"      - {id: r30, label: 甲, value: 129.60, change: 29.60, rate: \"30%\"}\n"
	"      - {id: r296, label: 甲, value: 129.60, change: 29.60, rate: \"29.6%\"}\n"
	"      - {id: r2960, label: 甲, value: 129.60, change: 29.60, rate: \"29.60%\"}\n"
	"      - {id: r2961, label: 甲, value: 129.60, change: 29.60, rate: \"29.61%\"}\n"
	"      - {id: r2915, label: 甲, value: 129.15, change: 29.15, rate: \"30%\"}\n"
	"      - {id: r29, label: 甲, value: 129.15, change: 29.15, rate: \"29%\"}\n"
	"      - {id: neg1, label: 减, value: 9.95, change: -0.05, rate: \"-1%\"}\n"
	"      - {id: neg0, label: 减, value: 9.95, change: -0.05, rate: \"0%\"}\n"
	"      - {id: gone, label: 无, value: 0.00, change: -3, rate: \"-100%\"}\n"
	"      - {id: x16, label: 倍, value: 1703.00, change: 1603.00, rate: \"16倍\"}\n"
	"      - {id: x17, label: 倍, value: 1703.00, change: 1603.00, rate: \"17倍\"}\n"
	"      - {id: zero, label: 零, value: 5.00, change: 5.00, rate: \"100%\"}\n"
	"      - {id: nochange, label: 未变, value: 5.00, rate: \"1%\"}\n"
	"      - {id: cell, label: 格, change: 29.60, rate: \"30%\", ref: {table: t1, row: total}}\n"
	"      - {id: blank, label: 空, change: 1.00, rate: \"1%\", ref: {table: t1, row: empty}}\n"
	"      - id: lined\n"
	"        label: 行\n"
	"        value: 129.60\n"
	"        change: 29.60\n"
	"        rate: \"31%\"\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [129.60]}\n"
	"      - {id: empty, name: 空, values: [~]}\n";

/* The one finding of figure id on its `what` ("rate", "share"). */
static const struct finding *figure_finding(const struct check_report *rep, const char *id,
					    const char *what)
{
	char needle[64], kind[32];
	snprintf(needle, sizeof needle, "figure %s (", id);
	snprintf(kind, sizeof kind, ") %s: ", what);
	const struct finding *found = NULL;
	for (size_t i = 0; i < rep->n; i++)
		if (strstr(rep->v[i].message, needle) && strstr(rep->v[i].message, kind)) {
			if (found)
				fail_msg("two %s findings for %s", what, id);
			found = &rep->v[i];
		}
	if (!found)
		fail_msg("no %s finding for %s", what, id);
	return found;
}

static const struct finding *rate_of_figure(const struct check_report *rep, const char *id)
{
	return figure_finding(rep, id, "rate");
}

static void test_figure_rates(void **state)
{
	(void)state;
	struct document *doc = load(rate_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	/* 29.60 / 100.00 = 29.6%: "30%", "29.6%" and "29.60%" agree. */
	assert_int_equal(rate_of_figure(&rep, "r30")->status, CHECK_PASS);
	assert_string_equal(rate_of_figure(&rep, "r30")->message, "figure r30 (甲) rate: expected "
			    "30% (change 29.60 on a prior year of 100.00), found 30%");
	assert_int_equal(rate_of_figure(&rep, "r296")->status, CHECK_PASS);
	assert_int_equal(rate_of_figure(&rep, "r2960")->status, CHECK_PASS);
	assert_int_equal(rate_of_figure(&rep, "r2961")->status, CHECK_FAIL);
	contains(rate_of_figure(&rep, "r2961")->message, "expected 29.60%");
	/* 29.15% prints as 29%, not 30%. */
	const struct finding *f = rate_of_figure(&rep, "r2915");
	assert_int_equal(f->status, CHECK_FAIL);
	assert_string_equal(f->message, "figure r2915 (甲) rate: expected 29% (change 29.15 on a "
			    "prior year of 100.00), found 30%, difference +1.00 percentage points");
	assert_int_equal(f->line, line_of(rate_doc, "{id: r2915,"));
	assert_int_equal(rate_of_figure(&rep, "r29")->status, CHECK_PASS);
	/* Half away from zero, below zero too: -0.05 / 10.00 = -0.5% -> -1%. */
	assert_int_equal(rate_of_figure(&rep, "neg1")->status, CHECK_PASS);
	assert_int_equal(rate_of_figure(&rep, "neg0")->status, CHECK_FAIL);
	assert_int_equal(rate_of_figure(&rep, "gone")->status, CHECK_PASS);
	/* 1603.00 / 100.00 = 1603%, which printed as a multiple is 16倍. */
	f = rate_of_figure(&rep, "x16");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure x16 (倍) rate: expected 16倍 (change 1603.00 on a "
			    "prior year of 100.00), found 16倍");
	f = rate_of_figure(&rep, "x17");
	assert_int_equal(f->status, CHECK_FAIL);
	contains(f->message, "expected 16倍");
	contains(f->message, "found 17倍, difference +100.00 percentage points");
	/* No prior year, or no change: no rate to check against. */
	f = rate_of_figure(&rep, "zero");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "figure zero (零) rate: cannot be checked: change 5.00 on a "
			    "prior year of 0.00, so no rate exists");
	f = rate_of_figure(&rep, "nochange");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "no change is stated, so the prior year is unknown");
	/* No value stated: the ref cell's (129.60) is the value. */
	f = rate_of_figure(&rep, "cell");
	assert_int_equal(f->status, CHECK_PASS);
	contains(f->message, "change 29.60 on a prior year of 100.00");
	f = rate_of_figure(&rep, "blank");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "no value is stated or named");
	/* A block mapping: the rate's own line. */
	f = rate_of_figure(&rep, "lined");
	assert_int_equal(f->status, CHECK_FAIL);
	assert_int_equal(f->line, line_of(rate_doc, "rate: \"31%\""));
	check_report_free(&rep);
	model_free(doc);
}

/* Shares: value / share_of (a figure or a cell), at the places printed. */
static const char share_doc[] = HEAD
	"narrative:\n"
	"  - title: 说明\n"
	"    figures:\n"
	"      - {id: base, label: 基数, value: 129.60, ref: {table: t1, row: total}}\n"
	"      - {id: nobase, label: 无基数, change: 1.00}\n"
	"      - {id: fig, label: 份, value: 32.40, share: \"25%\", share_of: {figure: base}}\n"
	"      - {id: figbad, label: 份, value: 32.40, share: \"25.1%\", share_of: {figure: base}}\n"
	"      - {id: cell, label: 格, value: 30.00, share: \"23%\", share_of: {table: t1, row: total}}\n"
	"      - {id: cell2, label: 格, value: 30.00, share: \"23.15%\", share_of: {table: t1, row: total}}\n"
	"      - {id: cellbad, label: 格, value: 30.00, share: \"24%\", share_of: {table: t1, row: total}}\n"
	"      - {id: tiny, label: 微, value: 0.04, share: \"0%\", share_of: {table: t1, row: total}}\n"
	"      - {id: none, label: 零, value: 0.00, share: \"0%\", share_of: {figure: base}}\n"
	"      - {id: nought, label: 非零, value: 1.00, share: \"0%\", share_of: {figure: base}}\n"
	"      - {id: zerobase, label: 零基, value: 1.00, share: \"1%\", share_of: {table: t1, row: zero}}\n"
	"      - {id: nobasev, label: 无基, value: 1.00, share: \"1%\", share_of: {figure: nobase}}\n"
	"      - {id: byref, label: 引, share: \"25%\", ref: {table: t1, row: quarter},\n"
	"         share_of: {table: t1, row: total}}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [129.60]}\n"
	"      - {id: quarter, name: 四分之一, values: [32.40]}\n"
	"      - {id: zero, name: 零, values: [0.00]}\n";

static const struct finding *share_of_figure(const struct check_report *rep, const char *id)
{
	return figure_finding(rep, id, "share");
}

static void test_figure_shares(void **state)
{
	(void)state;
	struct document *doc = load(share_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	const struct row *total = row_id(doc, "t1", "total");
	/* 32.40 / 129.60 = 25%. */
	const struct finding *f = share_of_figure(&rep, "fig");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure fig (份) share: expected 25% (32.40 of 129.60, "
			    "figure base (基数)), found 25%");
	assert_int_equal(f->line, line_of(share_doc, "{id: fig,"));
	f = share_of_figure(&rep, "figbad");
	assert_int_equal(f->status, CHECK_FAIL);
	contains(f->message, "expected 25.0% (32.40 of 129.60, figure base (基数)), found 25.1%, "
		 "difference +0.10 percentage points");
	/* 30.00 / 129.60 = 23.148%: 23% and 23.15% agree, 24% does not. */
	f = share_of_figure(&rep, "cell");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure cell (格) share: expected 23% (30.00 of 129.60, "
			    "表1 合计), found 23%");
	assert_true(concerns(f, total));
	assert_int_equal(share_of_figure(&rep, "cell2")->status, CHECK_PASS);
	f = share_of_figure(&rep, "cellbad");
	assert_int_equal(f->status, CHECK_FAIL);
	contains(f->message, "found 24%, difference +1.00 percentage points");
	/* 0%: nothing, or too little to print. */
	assert_int_equal(share_of_figure(&rep, "tiny")->status, CHECK_PASS);
	assert_int_equal(share_of_figure(&rep, "none")->status, CHECK_PASS);
	f = share_of_figure(&rep, "nought");
	assert_int_equal(f->status, CHECK_FAIL);	/* 1.00 / 129.60 = 0.77% -> 1% */
	contains(f->message, "expected 1% (1.00 of 129.60, figure base (基数)), found 0%");
	/* A zero base, or a base with no amount: not checkable. */
	f = share_of_figure(&rep, "zerobase");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "cannot be checked: 1.00 of 0.00, 表1 零, so no rate exists");
	f = share_of_figure(&rep, "nobasev");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "cannot be checked: what it is a share of has no amount");
	/* No value stated: the ref cell's. */
	f = share_of_figure(&rep, "byref");
	assert_int_equal(f->status, CHECK_PASS);
	contains(f->message, "expected 25% (32.40 of 129.60, 表1 合计)");
	check_report_free(&rep);
	model_free(doc);
}

/* A stated rate is checked against the rate rounded once, straight from
 * the amounts to the places printed, never first to hundredths of a
 * percent.  Synthetic figures, made up for this test. */
static const char once_doc[] = HEAD
	"narrative:\n"
	"  - title: 说明\n"
	"    figures:\n"
	"      - {id: x, label: 甲, value: 12949.51, change: 2949.51, rate: \"29%\"}\n"
	"      - {id: x30, label: 甲, value: 12949.51, change: 2949.51, rate: \"30%\"}\n"
	"      - {id: x1, label: 甲, value: 12949.51, change: 2949.51, rate: \"29.5%\"}\n"
	"      - {id: neg, label: 减, value: 7050.49, change: -2949.51, rate: \"-29%\"}\n"
	"      - {id: s231, label: 份, value: 30.00, share: \"23.1%\", share_of: {table: t1, row: total}}\n"
	"      - {id: s232, label: 份, value: 30.00, share: \"23.2%\", share_of: {table: t1, row: total}}\n"
	"      - {id: sx, label: 倍份, value: 1499.95, share: \"1倍\", share_of: {table: t1, row: thousand}}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [129.60]}\n"
	"      - {id: thousand, name: 千, values: [1000.00]}\n";

static void test_rates_rounded_once(void **state)
{
	(void)state;
	struct document *doc = load(once_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	/* 2949.51 / 10000.00 = 29.4951%: 29%, though 29.50% at two places. */
	const struct finding *f = rate_of_figure(&rep, "x");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure x (甲) rate: expected 29% (change 2949.51 on a "
			    "prior year of 10000.00), found 29%");
	f = rate_of_figure(&rep, "x30");
	assert_int_equal(f->status, CHECK_FAIL);
	contains(f->message, "expected 29% (change 2949.51 on a prior year of 10000.00), found 30%, "
		 "difference +1.00 percentage points");
	assert_int_equal(rate_of_figure(&rep, "x1")->status, CHECK_PASS);
	/* -2949.51 / 10000.00 = -29.4951%: -29%. */
	assert_int_equal(rate_of_figure(&rep, "neg")->status, CHECK_PASS);
	/* 30.00 / 129.60 = 23.148%: 23.1%, though 23.15% at two places. */
	f = share_of_figure(&rep, "s231");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure s231 (份) share: expected 23.1% (30.00 of 129.60, "
			    "表1 合计), found 23.1%");
	f = share_of_figure(&rep, "s232");
	assert_int_equal(f->status, CHECK_FAIL);
	contains(f->message, "expected 23.1%");
	/* 1499.95 / 1000.00 = 149.995%: 1倍, though 150.00% at two places. */
	f = share_of_figure(&rep, "sx");
	assert_int_equal(f->status, CHECK_PASS);
	contains(f->message, "expected 1倍");
	assert_int_equal(rep.failed, 2);
	check_report_free(&rep);
	model_free(doc);
}

/* A figure's rate finding names the figure's row, so a failing rate flags
 * it; a figure with no ref flags none.  Synthetic, made up for this test. */
static const char rate_row_doc[] = HEAD
	"narrative:\n"
	"  - title: 说明\n"
	"    figures:\n"
	"      - {id: bad, label: 合计, change: 29.60, rate: \"31%\", ref: {table: t1, row: total}}\n"
	"      - {id: good, label: 甲, value: 60.00, change: 10.00, rate: \"20%\", ref: {table: t1, row: a}}\n"
	"      - {id: loose, label: 乙, value: 60.00, change: 10.00, rate: \"21%\"}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [129.60]}\n"
	"      - {id: a, name: 甲, values: [60.00]}\n"
	"      - {id: b, name: 乙, values: [69.60]}\n";

static void test_rate_flags_row(void **state)
{
	(void)state;
	struct document *doc = load(rate_row_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	const struct row *total = row_id(doc, "t1", "total"), *a = row_id(doc, "t1", "a");
	const struct finding *f = rate_of_figure(&rep, "bad");
	assert_int_equal(f->status, CHECK_FAIL);
	assert_int_equal(f->nrows, 1);
	assert_true(concerns(f, total));
	assert_ptr_equal(f->table, &doc->tables[0]);
	assert_int_equal(check_row_status(&rep, total), CHECK_FAIL);
	assert_ptr_equal(check_row_worst(&rep, total), f);
	f = rate_of_figure(&rep, "good");
	assert_int_equal(f->status, CHECK_PASS);
	assert_true(concerns(f, a));
	assert_int_equal(check_row_status(&rep, a), CHECK_PASS);
	f = rate_of_figure(&rep, "loose");
	assert_int_equal(f->status, CHECK_FAIL);
	assert_int_equal(f->nrows, 0);
	assert_int_equal(check_row_status(&rep, row_id(doc, "t1", "b")), CHECK_NONE);
	assert_int_equal(check_table_failures(&rep, &doc->tables[0]), 1);
	check_report_free(&rep);
	model_free(doc);
}

/* ---- known faults ------------------------------------------------------------------ */

/* A figure's known fault excuses the one check it names, not the others. */
static const char known_doc[] = HEAD
	"narrative:\n"
	"  - title: 说明\n"
	"    figures:\n"
	"      - id: kn\n"
	"        label: 已知\n"
	"        value: 129.00\n"
	"        change: 29.60\n"
	"        rate: \"99%\"\n"
	"        ref: {table: t1, row: total}\n"
	"        known: {rate: 源文有误}\n"
	"      - id: kv\n"
	"        label: 值已知\n"
	"        value: 129.00\n"
	"        change: 29.00\n"
	"        rate: \"29%\"\n"
	"        ref: {table: t1, row: total}\n"
	"        known: {value: 源文少印 0.60}\n"
	"      - id: ks\n"
	"        label: 份已知\n"
	"        value: 64.80\n"
	"        share: \"40%\"\n"
	"        share_of: {table: t1, row: total}\n"
	"        ref: {table: t1, row: total}\n"
	"        known: {share: 源文如此}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [129.60]}\n";

static void test_known_one_check(void **state)
{
	(void)state;
	struct document *doc = load(known_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	/* kn: its value is wrong and fails; its rate is excused. */
	const struct finding *f = at_line(&rep, line_of(known_doc, "value: 129.00\n        change: 29.60"));
	assert_int_equal(f->status, CHECK_FAIL);
	assert_string_equal(f->message, "figure kn (已知): expected 129.60 (表1 合计), found 129.00, "
			    "difference -0.60");
	lacks(f->message, "known fault");
	f = at_line(&rep, line_of(known_doc, "rate: \"99%\""));
	assert_int_equal(f->status, CHECK_KNOWN);
	assert_string_equal(f->message, "figure kn (已知) rate: expected 30% (change 29.60 on a "
			    "prior year of 99.40), found 99%, difference +69.00 percentage points "
			    "(known fault of the source: 源文有误)");
	/* kv: the value is excused, its rate (29.00 / 100.00) passes. */
	f = at_line(&rep, line_of(known_doc, "value: 129.00\n        change: 29.00"));
	assert_int_equal(f->status, CHECK_KNOWN);
	contains(f->message, "difference -0.60 (known fault of the source: 源文少印 0.60)");
	assert_int_equal(at_line(&rep, line_of(known_doc, "rate: \"29%\""))->status, CHECK_PASS);
	/* ks: 64.80 / 129.60 = 50%, excused; its value is checked. */
	f = at_line(&rep, line_of(known_doc, "share: \"40%\""));
	assert_int_equal(f->status, CHECK_KNOWN);
	contains(f->message, "expected 50%");
	assert_int_equal(at_line(&rep, line_of(known_doc, "value: 64.80"))->status, CHECK_FAIL);
	assert_int_equal(rep.checks, 6);
	assert_int_equal(rep.known, 3);
	assert_int_equal(rep.failed, 2);
	assert_int_equal(rep.passed, 1);
	assert_int_equal(check_status_code(&rep), 1);
	check_report_free(&rep);
	model_free(doc);
}

/* A row's known fault excuses its sums, and is printed with them. */
static const char known_row_doc[] = HEAD
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 合成表\n"
	"    kind: other\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 甲, type: amount}]\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        known: 源表合计少 0.01\n"
	"        values: [0.99]\n"
	"        children: [{name: 子, values: [1.00]}]\n"
	"      - name: 另一\n"
	"        values: [2.00]\n"
	"        children: [{name: 子, values: [2.00]}]\n";

static void test_known_row(void **state)
{
	(void)state;
	struct document *doc = load(known_row_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	const struct finding *f = at_line(&rep, line_of(known_row_doc, "- name: 合计"));
	assert_int_equal(f->status, CHECK_KNOWN);
	assert_string_equal(f->message, "表1 合计: expected 1.00 (the one row under it), found 0.99, "
			    "difference -0.01 (known fault of the source: 源表合计少 0.01)");
	assert_int_equal(check_row_status(&rep, doc->tables[0].sides[0].rows), CHECK_KNOWN);
	assert_int_equal(check_status_code(&rep), 0);
	assert_int_equal(check_table_failures(&rep, &doc->tables[0]), 0);
	char *out = print_report(doc, &rep);
	assert_string_equal(out, "t.yaml:11: 表1 合计: expected 1.00 (the one row under it), "
			    "found 0.99, difference -0.01 (known fault of the source: "
			    "源表合计少 0.01)\n"
			    "2 checks, 1 passed, 0 failed, 0 not checkable, 1 known fault\n");
	free(out);
	check_report_free(&rep);
	model_free(doc);
}

/* ---- the report ---------------------------------------------------------------------- */

/* Passed findings are counted, not printed; the summary line follows. */
static void test_summary_and_print(void **state)
{
	(void)state;
	struct document *doc = load(tree_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	char *s = summary(&rep);
	assert_string_equal(s, "7 checks, 4 passed, 3 failed, 0 not checkable");
	free(s);
	char *out = print_report(doc, &rep);
	assert_string_equal(out,
		"t.yaml:13: 表1 合计 [乙]: expected 5.00 (the sum of the 2 rows under it), found 5.01, "
		"difference +0.01\n"
		"t.yaml:13: 表1 合计 [乙]: expected 5.00 (the sum of its 2 其中 rows), found 5.01, "
		"difference +0.01\n"
		"t.yaml:24: 表1 空父 [甲]: expected 0.50 (the one row under it), found blank, "
		"difference -0.50\n"
		"7 checks, 4 passed, 3 failed, 0 not checkable\n");
	free(out);
	assert_int_equal(check_status_code(&rep), 1);
	assert_null(rep.prior_path);
	assert_int_equal(rep.cross_year, 0);
	/* Freed, the report is empty and can be freed again. */
	check_report_free(&rep);
	assert_int_equal(rep.n, 0);
	assert_int_equal(rep.checks, 0);
	assert_null(rep.v);
	check_report_free(&rep);
	model_free(doc);

	/* Nothing fails: status 0; a document with no checks at all. */
	doc = load(HEAD
		"tables:\n"
		"  - {id: t1, label: 表1, title: 空表, kind: other, name_title: 项目,\n"
		"     columns: [{key: a, title: 甲, type: amount}],\n"
		"     rows: [{name: 一, values: [1.00]}]}\n");
	check_document(doc, NULL, &rep);
	consistent(&rep);
	s = summary(&rep);
	assert_string_equal(s, "0 checks, 0 passed, 0 failed, 0 not checkable");
	free(s);
	assert_int_equal(check_status_code(&rep), 0);
	assert_int_equal(check_row_status(&rep, doc->tables[0].sides[0].rows), CHECK_NONE);
	assert_null(check_row_worst(&rep, doc->tables[0].sides[0].rows));
	check_report_free(&rep);
	model_free(doc);
}

/* Rows concerned by several checks: the worst wins, whatever the order
 * (FAIL > UNCHECKABLE > KNOWN > PASS > NONE). */
static const char worst_doc[] = HEAD
	"narrative:\n"
	"  - title: 说明\n"
	"    figures:\n"
	"      - {id: one, label: 一, value: 1.00}\n"
	"      - {id: nine, label: 九, value: 9.00}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: p, name: 甲, values: [1.00]}\n"
	"      - {id: q, name: 乙, values: [2.00]}\n"
	"      - {id: r, name: 丙, values: [3.00]}\n"
	"      - {id: s, name: 丁, values: [4.00]}\n"
	"      - {id: t, name: 戊, values: [5.00]}\n"
	"  - id: t2\n"
	"    label: 表2\n"
	"    title: 明细\n"
	"    kind: detail\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        values: [3.00]\n"
	"        children: [{name: 子, values: [1.00]}]\n"
	"      - name: 已知\n"
	"        known: 源表如此\n"
	"        values: [3.00]\n"
	"        children: [{name: 子, values: [1.00]}]\n"
	"identities:\n"
	"  - label: 甲已知\n"
	"    left: {table: t1, row: p}\n"
	"    right: {figure: nine}\n"
	"    known: 源文如此\n"
	"  - label: 甲通过\n"
	"    left: {table: t1, row: p}\n"
	"    right: {figure: one}\n"
	"  - label: 乙无法\n"
	"    left: {table: t1, row: q}\n"
	"    right: {table: t1, row: missing}\n"
	"  - label: 乙已知\n"
	"    left: {table: t1, row: q}\n"
	"    right: {figure: nine}\n"
	"    known: 源文如此\n"
	"  - label: 丙不符\n"
	"    left: {table: t1, row: r}\n"
	"    right: {figure: nine}\n"
	"  - label: 丙无法\n"
	"    left: {table: t1, row: r}\n"
	"    right: {table: t9, row: x}\n"
	"  - label: 丁\n"
	"    left: {table: t1, row: s}\n"
	"    right: {table: t1, row: s}\n";

static const struct finding *worst_identity(const struct check_report *rep, const char *label)
{
	char needle[128];
	snprintf(needle, sizeof needle, "  - label: %s\n", label);
	return at_line(rep, line_of(worst_doc, needle));
}

static void test_row_status_worst(void **state)
{
	(void)state;
	struct document *doc = load(worst_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	const struct row *p = row_id(doc, "t1", "p"), *q = row_id(doc, "t1", "q"),
			 *r = row_id(doc, "t1", "r"), *s = row_id(doc, "t1", "s"),
			 *t = row_id(doc, "t1", "t");
	assert_int_equal(worst_identity(&rep, "甲通过")->status, CHECK_PASS);
	assert_int_equal(check_row_status(&rep, p), CHECK_KNOWN);
	assert_ptr_equal(check_row_worst(&rep, p), worst_identity(&rep, "甲已知"));
	assert_int_equal(check_row_status(&rep, q), CHECK_UNCHECKABLE);
	assert_ptr_equal(check_row_worst(&rep, q), worst_identity(&rep, "乙无法"));
	assert_int_equal(check_row_status(&rep, r), CHECK_FAIL);
	assert_ptr_equal(check_row_worst(&rep, r), worst_identity(&rep, "丙不符"));
	assert_int_equal(check_row_status(&rep, s), CHECK_PASS);
	assert_int_equal(check_row_status(&rep, t), CHECK_NONE);
	assert_null(check_row_worst(&rep, t));
	assert_null(check_row_worst(&rep, NULL));
	/* 丁 names its row twice: one row concerned. */
	assert_int_equal(worst_identity(&rep, "丁")->nrows, 1);

	/* The rows of a derived (compared) table stand for their rows. */
	struct comparison c;
	struct compare_error err;
	assert_true(compare_build(&c, doc, NULL, &err));
	const struct table *d = compare_derive(&c, &doc->tables[0], NULL);
	assert_non_null(d);
	size_t seen = 0;
	for (const struct row *x = d->sides[0].rows; x; x = model_next_row(x)) {
		const struct derived_row *dr = compare_derived_row(x);
		assert_non_null(dr->cur);
		assert_int_equal(check_row_status(&rep, x), check_row_status(&rep, dr->cur));
		assert_ptr_equal(check_row_worst(&rep, x), check_row_worst(&rep, dr->cur));
		seen++;
	}
	assert_int_equal(seen, 5);
	compare_free(&c);

	/* Rows of another document are no concern of this report. */
	struct document *other = load(worst_doc);
	assert_int_equal(check_row_status(&rep, row_id(other, "t1", "r")), CHECK_NONE);
	model_free(other);
	check_report_free(&rep);
	model_free(doc);
}

/* Failures per table: known faults are not failures. */
static void test_table_failures(void **state)
{
	(void)state;
	struct document *doc = load(worst_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	/* t1: 丙不符 (甲已知 and 乙已知 are known faults). */
	assert_int_equal(check_table_failures(&rep, &doc->tables[0]), 1);
	/* t2: 合计 (已知 is a known fault). */
	assert_int_equal(check_table_failures(&rep, &doc->tables[1]), 1);
	assert_int_equal(rep.failed, 2);
	assert_int_equal(rep.known, 3);
	assert_int_equal(rep.uncheckable, 2);
	assert_int_equal(rep.passed, 2);
	assert_int_equal(check_row_status(&rep, doc->tables[1].sides[0].rows->next), CHECK_KNOWN);
	check_report_free(&rep);
	model_free(doc);

	doc = load(known_row_doc);
	check_document(doc, NULL, &rep);
	assert_int_equal(check_table_failures(&rep, &doc->tables[0]), 0);
	check_report_free(&rep);
	model_free(doc);
}

/* A table of two sides: checks name the side, and flag the second side's
 * rows. */
static const char sides_doc[] = HEAD
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 收支总表\n"
	"    kind: summary\n"
	"    sides:\n"
	"      - id: income\n"
	"        title: 收入\n"
	"        name_title: 项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        total: income_total\n"
	"        rows:\n"
	"          - id: income_total\n"
	"            name: 收入合计\n"
	"            values: [10.00]\n"
	"            children: [{name: 拨款, values: [10.00]}]\n"
	"      - id: spend\n"
	"        title: 支出\n"
	"        name_title: 项目\n"
	"        columns: [{key: amount, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - id: spend_total\n"
	"            name: 支出合计\n"
	"            values: [10.00]\n"
	"            children: [{name: 基本, values: [4.00]}, {name: 项目, values: [5.00]}]\n"
	"identities:\n"
	"  - label: 收入 = 支出\n"
	"    left: {table: t1, side: income, row: income_total}\n"
	"    right: {table: t1, side: spend, row: spend_total}\n";

static void test_two_sides(void **state)
{
	(void)state;
	struct document *doc = load(sides_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	const struct table *t = &doc->tables[0];
	assert_int_equal(t->nsides, 2);
	const struct finding *f = at_line(&rep, line_of(sides_doc, "- id: spend_total"));
	assert_int_equal(f->status, CHECK_FAIL);
	assert_string_equal(f->message, "表1 支出 支出合计: expected 9.00 (the sum of the 2 rows under "
			    "it), found 10.00, difference +1.00");
	assert_int_equal(f->nrows, 1);
	assert_ptr_equal(f->rows[0]->side, &t->sides[1]);
	assert_ptr_equal(f->table, t);
	f = at_line(&rep, line_of(sides_doc, "- id: income_total"));
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "表1 收入 收入合计: expected 10.00 (the one row under it), "
			    "found 10.00");
	f = at_line(&rep, line_of(sides_doc, "  - label: 收入 = 支出"));
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "表1 收入 收入合计: expected 10.00 (表1 支出 支出合计), "
			    "found 10.00 — 收入 = 支出");
	assert_int_equal(check_row_status(&rep, t->sides[1].rows), CHECK_FAIL);
	assert_int_equal(check_row_status(&rep, t->sides[0].rows), CHECK_PASS);
	assert_int_equal(check_row_status(&rep, t->sides[1].rows->child), CHECK_NONE);
	assert_int_equal(check_table_failures(&rep, t), 1);
	check_report_free(&rep);
	model_free(doc);
}

/* The findings in Chinese: 应为 … 实为 … 相差. */
static void test_chinese(void **state)
{
	(void)state;
	msg_set_chinese(true);
	struct document *doc = load(tree_doc);
	struct check_report rep;
	check_document(doc, NULL, &rep);
	for (size_t i = 0; i < rep.n; i++)
		lacks(rep.v[i].message, "expected");
	const struct finding *f = find(&rep, "合计 [乙]：应为 5.00（其下 2 行之和）");
	assert_int_equal(f->status, CHECK_FAIL);
	assert_string_equal(f->message, "表1 合计 [乙]：应为 5.00（其下 2 行之和），实为 5.01，"
			    "相差 +0.01");
	assert_string_equal(find(&rep, "合计 [乙]：应为 5.00（其 2 个“其中”行之和）")->message,
			    "表1 合计 [乙]：应为 5.00（其 2 个“其中”行之和），实为 5.01，相差 +0.01");
	assert_string_equal(find(&rep, "空父 [甲]")->message,
			    "表1 空父 [甲]：应为 0.50（其下一行），实为 空白，相差 -0.50");
	char *s = summary(&rep);
	assert_string_equal(s, "共 7 项核对，4 项通过，3 项不符，0 项无法核对");
	free(s);
	check_report_free(&rep);
	model_free(doc);

	doc = load(incomplete_doc);
	check_document(doc, NULL, &rep);
	assert_string_equal(at_line(&rep, line_of(incomplete_doc, "- name: 合计"))->message,
			    "表2 合计：表2 来源不完整（缺行），无法与其下 2 行之和核对");
	assert_string_equal(at_line(&rep, line_of(incomplete_doc, "- name: 单"))->message,
			    "表2 单：表2 来源不完整（缺行），无法与其下一行核对");
	check_report_free(&rep);
	model_free(doc);

	doc = load(value_doc);
	check_document(doc, NULL, &rep);
	assert_string_equal(at_line(&rep, line_of(value_doc, "value: 129.61"))->message,
			    "数据 bad（合计错）：应为 129.60（表1 合计 [金额]），实为 129.61，相差 +0.01");
	check_report_free(&rep);
	model_free(doc);

	doc = load(known_doc);
	check_document(doc, NULL, &rep);
	f = at_line(&rep, line_of(known_doc, "rate: \"99%\""));
	assert_int_equal(f->status, CHECK_KNOWN);
	assert_string_equal(f->message, "数据 kn（已知）的增减率：应为 30%（增减 29.60，上年 99.40），"
			    "实为 99%，相差 +69.00 个百分点（来源已知错误：源文有误）");
	s = summary(&rep);
	assert_string_equal(s, "共 6 项核对，1 项通过，2 项不符，0 项无法核对，3 项为来源已知错误");
	free(s);
	check_report_free(&rep);
	model_free(doc);
	msg_set_chinese(false);
}

/* ---- against the prior year's file ----------------------------------------------------- */

static const char cur_doc[] = HEAD
	"narrative:\n"
	"  - title: 说明\n"
	"    figures:\n"
	"      - {id: good, label: 合计, value: 120.00, change: 20.00, rate: \"20%\",\n"
	"         ref: {table: t1, row: total}}\n"
	"      - {id: badc, label: 甲, change: 5.00, ref: {table: t1, row: a}}\n"
	"      - {id: badr, label: 乙, value: 60.00, rate: \"10%\", ref: {table: t1, row: b}}\n"
	"      - {id: prio, label: 乙上年, value: 60.00, prior: 50.00, ref: {table: t1, row: b}}\n"
	"      - {id: priobad, label: 乙上年错, value: 60.00, prior: 40.00, ref: {table: t1, row: b}}\n"
	"      - {id: nocp, label: 新行, change: 10.00, ref: {table: t1, row: fresh}}\n"
	"      - {id: isnew, label: 新行新, change: 10.00, new: true, ref: {table: t1, row: fresh}}\n"
	"      - {id: notnew, label: 称新, change: 60.00, new: true, ref: {table: t1, row: a}}\n"
	"      - {id: noncmp, label: 不可比, change: 999.00, comparable: false, ref: {table: t1, row: a}}\n"
	"      - {id: kc, label: 已知, change: 7.00, known: {change: 源文有误}, ref: {table: t1, row: a}}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - id: total\n"
	"        name: 合计\n"
	"        values: [120.00]\n"
	"        children:\n"
	"          - {id: a, name: 甲, values: [60.00]}\n"
	"          - {id: b, name: 乙, values: [60.00]}\n"
	"      - {id: fresh, name: 新行, values: [10.00]}\n";

static const char prior_doc[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成测试2019}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - id: total\n"
	"        name: 合计\n"
	"        values: [100.00]\n"
	"        children:\n"
	"          - {id: a, name: 甲, values: [50.00]}\n"
	"          - {id: b, name: 乙, values: [50.00]}\n";

/* The cross-year finding of figure id: the one that names the prior file. */
static const struct finding *cross(const struct check_report *rep, const char *id,
				   const char *what)
{
	char needle[128];
	snprintf(needle, sizeof needle, "figure %s (", id);
	const struct finding *found = NULL;
	for (size_t i = 0; i < rep->n; i++) {
		const char *m = rep->v[i].message;
		if (strstr(m, needle) && strstr(m, what) &&
		    (strstr(m, "prior file") || strstr(m, "prior-2019.yaml"))) {
			if (found)
				fail_msg("two cross-year findings for %s", id);
			found = &rep->v[i];
		}
	}
	if (!found)
		fail_msg("no cross-year finding for %s (%s)", id, what);
	return found;
}

static void test_cross_year(void **state)
{
	(void)state;
	struct document *doc = load(cur_doc);
	struct document *old = fixture_text_ok("prior-2019.yaml", prior_doc);
	struct comparison c;
	struct compare_error err;
	assert_true(compare_build(&c, doc, old, &err));
	struct check_report rep;
	check_document(doc, &c, &rep);
	consistent(&rep);
	char want[512];
	int la = line_of(prior_doc, "{id: a,"), lb = line_of(prior_doc, "{id: b,");
	int ltotal = line_of(prior_doc, "- id: total");
	const struct finding *f = cross(&rep, "good", " change ");
	assert_int_equal(f->status, CHECK_PASS);
	snprintf(want, sizeof want, "figure good (合计) change against the prior file: expected "
		 "20.00 (this year's value less prior-2019.yaml:%d 100.00), found 20.00", ltotal);
	assert_string_equal(f->message, want);
	assert_true(concerns(f, row_id(doc, "t1", "total")));
	f = cross(&rep, "good", " rate ");
	assert_int_equal(f->status, CHECK_PASS);
	/* A stated change that disagrees fails, naming the prior file's cell. */
	f = cross(&rep, "badc", " change ");
	assert_int_equal(f->status, CHECK_FAIL);
	snprintf(want, sizeof want, "figure badc (甲) change against the prior file: expected 10.00 "
		 "(this year's value less prior-2019.yaml:%d 50.00), found 5.00, difference -5.00",
		 la);
	assert_string_equal(f->message, want);
	assert_int_equal(f->line, line_of(cur_doc, "{id: badc,"));
	/* A rate with no stated change, against the prior file. */
	f = cross(&rep, "badr", " rate ");
	assert_int_equal(f->status, CHECK_FAIL);
	snprintf(want, sizeof want, "figure badr (乙) rate against the prior file: expected 20%% "
		 "(change 10.00 on a prior year of 50.00 (prior-2019.yaml:%d 50.00)), found 10%%, "
		 "difference -10.00 percentage points", lb);
	assert_string_equal(f->message, want);
	/* Stated prior-year values. */
	f = cross(&rep, "prio", " prior year ");
	assert_int_equal(f->status, CHECK_PASS);
	snprintf(want, sizeof want, "figure prio (乙上年) prior year against the prior file: "
		 "expected 50.00 (prior-2019.yaml:%d 50.00), found 50.00", lb);
	assert_string_equal(f->message, want);
	f = cross(&rep, "priobad", " prior year ");
	assert_int_equal(f->status, CHECK_FAIL);
	contains(f->message, "found 40.00, difference -10.00");
	/* No counterpart: not checkable, unless the text says it is new. */
	f = cross(&rep, "nocp", "counterpart");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "figure nocp (新行) against prior-2019.yaml: cannot be "
			    "checked: that file has no counterpart of this cell");
	f = cross(&rep, "isnew", "counterpart");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "figure isnew (新行新) against prior-2019.yaml: new this "
			    "year, as the document says, and that file has no counterpart");
	/* Said to be new, but there last year. */
	f = cross(&rep, "notnew", "new this year");
	assert_int_equal(f->status, CHECK_FAIL);
	snprintf(want, sizeof want, "figure notnew (称新) is said to be new this year, but the "
		 "prior file has prior-2019.yaml:%d 50.00", la);
	assert_string_equal(f->message, want);
	/* Not comparable: no check at all. */
	assert_int_equal(count_with(&rep, "figure noncmp"), 0);
	/* A known fault of the change. */
	f = cross(&rep, "kc", " change ");
	assert_int_equal(f->status, CHECK_KNOWN);
	contains(f->message, "found 7.00, difference -3.00 (known fault of the source: 源文有误)");
	/* Six figures with a counterpart had their changes checked: good,
	 * badc, badr, prio, priobad, kc. */
	assert_int_equal(rep.cross_year, 6);
	assert_string_equal(rep.prior_path, "prior-2019.yaml");
	assert_int_equal(rep.checks, 17);
	char *s = summary(&rep);
	assert_string_equal(s, "17 checks, 10 passed, 4 failed, 2 not checkable, 1 known fault, "
			    "6 stated changes checked against prior-2019.yaml");
	free(s);
	assert_int_equal(check_status_code(&rep), 1);
	char *out = print_report(doc, &rep);
	snprintf(want, sizeof want, "t.yaml:%d: figure badc (甲) change against the prior file: ",
		 line_of(cur_doc, "{id: badc,"));
	contains(out, want);
	contains(out, ", 6 stated changes checked against prior-2019.yaml\n");
	free(out);
	check_report_free(&rep);

	/* In Chinese, too. */
	msg_set_chinese(true);
	check_document(doc, &c, &rep);
	f = find(&rep, "数据 badc（甲）的增减与上年文件核对");
	snprintf(want, sizeof want, "数据 badc（甲）的增减与上年文件核对：应为 10.00（本年数减 "
		 "prior-2019.yaml:%d 50.00），实为 5.00，相差 -5.00", la);
	assert_string_equal(f->message, want);
	s = summary(&rep);
	contains(s, "，6 项所述增减已与 prior-2019.yaml 核对");
	free(s);
	check_report_free(&rep);
	msg_set_chinese(false);
	compare_free(&c);

	/* Against the document's own stated figures nothing is cross-checked. */
	assert_true(compare_build(&c, doc, NULL, &err));
	check_document(doc, &c, &rep);
	assert_int_equal(rep.cross_year, 0);
	assert_null(rep.prior_path);
	assert_int_equal(rep.checks, 7);
	s = summary(&rep);
	lacks(s, "stated changes");
	free(s);
	check_report_free(&rep);
	compare_free(&c);
	model_free(old);
	model_free(doc);
}

/* A figure said to be new, with no counterpart in the prior file, passes
 * with a message of its own, in Chinese too. */
static void test_cross_year_new_chinese(void **state)
{
	(void)state;
	struct document *doc = load(cur_doc);
	struct document *old = fixture_text_ok("prior-2019.yaml", prior_doc);
	struct comparison c;
	struct compare_error err;
	assert_true(compare_build(&c, doc, old, &err));
	struct check_report rep;
	msg_set_chinese(true);
	check_document(doc, &c, &rep);
	consistent(&rep);
	const struct finding *f = find(&rep, "数据 isnew（");
	assert_int_equal(f->status, CHECK_PASS);
	assert_string_equal(f->message, "数据 isnew（新行新）与 prior-2019.yaml 核对：本文件称本年新增，"
			    "该文件中也没有对应的单元格");
	assert_true(concerns(f, row_id(doc, "t1", "fresh")));
	/* Not said to be new: not checkable. */
	f = find(&rep, "数据 nocp（");
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "数据 nocp（新行）与 prior-2019.yaml 核对：无法核对，"
			    "该文件中没有对应的单元格");
	check_report_free(&rep);
	msg_set_chinese(false);
	compare_free(&c);
	model_free(old);
	model_free(doc);
}

/* ---- the real documents ----------------------------------------------------------------- */

/* The real documents reconcile: nothing fails, also against the prior
 * year's file; what cannot be checked says so rather than passing. */
static void test_real_documents(void **state)
{
	(void)state;
	struct document *doc = fixture_file_ok("data/budget.yaml");
	struct check_report rep;
	check_document(doc, NULL, &rep);
	consistent(&rep);
	assert_int_equal(rep.failed, 0);
	assert_true(rep.passed > 600);
	assert_true(rep.uncheckable > 0);
	check_report_free(&rep);
	model_free(doc);

	doc = fixture_file_ok("data/jiangsu/zxbgt-2019.yaml");
	struct document *old = fixture_file_ok("data/jiangsu/zxbgt-2018.yaml");
	struct comparison c;
	struct compare_error err;
	assert_true(compare_build(&c, doc, old, &err));
	check_document(doc, &c, &rep);
	consistent(&rep);
	assert_int_equal(rep.failed, 0);
	assert_true(rep.cross_year > 10);
	assert_string_equal(rep.prior_path, "data/jiangsu/zxbgt-2018.yaml");
	assert_int_equal(check_status_code(&rep), 0);
	check_report_free(&rep);
	compare_free(&c);
	model_free(old);
	model_free(doc);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, fixture_english, fixture_english)

int main(void)
{
	/* The loader keeps CJK text only under a UTF-8 locale. */
	text_init();
	msg_set_chinese(false);
	const struct CMUnitTest tests[] = {
		TEST(test_tree_sums),
		TEST(test_sum_of),
		TEST(test_incomplete_table),
		TEST(test_incomplete_one_child),
		TEST(test_identities_cells_and_lines),
		TEST(test_identities_figures),
		TEST(test_identities_not_checkable),
		TEST(test_lines_under_missing_row),
		TEST(test_figure_value),
		TEST(test_figure_rates),
		TEST(test_figure_shares),
		TEST(test_rates_rounded_once),
		TEST(test_rate_flags_row),
		TEST(test_known_one_check),
		TEST(test_known_row),
		TEST(test_summary_and_print),
		TEST(test_row_status_worst),
		TEST(test_table_failures),
		TEST(test_two_sides),
		TEST(test_chinese),
		TEST(test_cross_year),
		TEST(test_cross_year_new_chinese),
		TEST(test_real_documents),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
