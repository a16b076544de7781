/* test_check.c: reconciliation on small synthetic documents (made up for
 * these tests, not real budgets), and on data/budget.yaml. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/check.h"
#include "doc/loader.h"
#include "doc/text.h"

/* A synthetic document: header, then `body` (tables: and maybe more). */
#define HEAD "schema: 1\n" \
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成测试}\n"

static struct document *load(const char *text)
{
	struct loader_error err;
	struct document *doc = loader_load_string("t.yaml", text, strlen(text), &err);
	if (!doc)
		fail_msg("load: %d:%d: %s", err.line, err.col, err.message);
	return doc;
}

/* The only finding at line, which must exist. */
static const struct finding *at_line(const struct check_report *rep, int line)
{
	const struct finding *found = NULL;
	for (size_t i = 0; i < rep->n; i++)
		if (rep->v[i].line == line) {
			if (found)
				fail_msg("two findings at line %d", line);
			found = &rep->v[i];
		}
	if (!found)
		fail_msg("no finding at line %d", line);
	return found;
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

/* Line numbers below count from the first line of HEAD (2 lines). */
static const char tree_doc[] = HEAD
	"tables:\n"					/* 3 */
	"  - number: 1\n"				/* 4 */
	"    title: 合成表\n"
	"    kind: other\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: a, title: 甲, type: amount}\n"
	"      - {key: b, title: 乙, type: amount}\n"	/* 10 */
	"    rows:\n"
	"      - name: 合计\n"				/* 12 */
	"        values: [10.00, 5.01]\n"
	"        children:\n"
	"          - {name: 其中：一, of_which: true, values: [3.00, 1.00]}\n"	/* 15 */
	"          - {name: 二, of_which: true, values: [7.00, 4.00]}\n"
	"          - {name: 子一, values: [4.00, 2.00]}\n"			/* 17 */
	"          - {name: 子二, values: [6.00, 3.00]}\n"
	"      - name: 空行\n"				/* 19 */
	"        values: [~, ~]\n"
	"        children:\n"
	"          - {name: 空子, values: [~, 0.00]}\n";

/* Ordinary children and 其中 children are two separate sums; a wrong cell
 * fails on the parent's line, in that column only. */
static void test_tree_sums(void **state)
{
	(void)state;
	struct document *doc = load(tree_doc);
	struct check_report rep;
	check_document(doc, &rep);
	/* 合计: 2 columns x (ordinary, 其中); 空行: column b only (a is all blank). */
	assert_int_equal(rep.checks, 5);
	assert_int_equal(rep.failed, 2);
	assert_int_equal(rep.passed, 3);
	for (size_t i = 0; i < rep.n; i++) {
		const struct finding *f = &rep.v[i];
		if (f->status != CHECK_FAIL)
			continue;
		assert_int_equal(f->line, 12);
		assert_int_equal(f->table, 1);
		contains(f->message, "表1 合计 [乙]: expected 5.00");
		contains(f->message, "found 5.01, difference +0.01");
	}
	const struct row *total = doc->tables[0].rows;
	assert_int_equal(check_row_status(&rep, total), CHECK_FAIL);
	assert_int_equal(check_row_status(&rep, total->child), CHECK_NONE);
	assert_int_equal(check_row_status(&rep, total->next), CHECK_PASS);
	assert_int_equal(check_status_code(&rep), 1);
	check_report_free(&rep);
	model_free(doc);
}

static const char sum_of_doc[] = HEAD
	"tables:\n"
	"  - number: 3\n"
	"    title: 合成表\n"
	"    kind: expenditure\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: total, title: 合计, type: amount, sum_of: [basic, project]}\n"
	"      - {key: basic, title: 小计, group: [基本], type: amount}\n"
	"      - {key: project, title: 小计, group: [项目], type: amount}\n"
	"    rows:\n"
	"      - {name: 甲, values: [3.00, 1.00, 2.00]}\n"	/* 13 */
	"      - {name: 乙, values: [3.00, 1.00, 1.99]}\n"	/* 14 */
	"      - {name: 丙, values: [~, ~, ~]}\n";

static void test_sum_of(void **state)
{
	(void)state;
	struct document *doc = load(sum_of_doc);
	struct check_report rep;
	check_document(doc, &rep);
	assert_int_equal(rep.checks, 2);	/* 丙 is blank throughout */
	assert_int_equal(at_line(&rep, 13)->status, CHECK_PASS);
	const struct finding *f = at_line(&rep, 14);
	assert_int_equal(f->status, CHECK_FAIL);
	/* Repeated titles are told apart by their group. */
	assert_string_equal(f->message, "表3 乙 [合计]: expected 2.99 (基本/小计 + 项目/小计), "
			    "found 3.00, difference +0.01");
	check_report_free(&rep);
	model_free(doc);
}

/* A blank parent over children that hold amounts is compared as 0. */
static void test_blank_parent(void **state)
{
	(void)state;
	struct document *doc = load(HEAD
		"tables:\n"
		"  - number: 1\n"
		"    title: 合成表\n"
		"    kind: other\n"
		"    name_title: 项目\n"
		"    columns: [{key: a, title: 甲, type: amount}]\n"
		"    rows:\n"
		"      - name: 合计\n"				/* 10 */
		"        values: [~]\n"
		"        children: [{name: 子, values: [0.50]}]\n");
	struct check_report rep;
	check_document(doc, &rep);
	const struct finding *f = at_line(&rep, 10);
	assert_int_equal(f->status, CHECK_FAIL);
	assert_string_equal(f->message, "表1 合计: expected 0.50 (the one row under it), "
			    "found blank, difference -0.50");
	check_report_free(&rep);
	model_free(doc);
}

static const char ident_doc[] = HEAD
	"narrative:\n"
	"  - title: 第三部分\n"
	"    figures:\n"
	"      - {id: whole, label: 总额, value: 10.00, change: 1.50}\n"	/* 6 */
	"      - {id: part_a, label: 甲, value: 4.00, change: 1.00}\n"
	"      - {id: part_b, label: 乙, value: 6.00}\n"			/* 8 */
	"tables:\n"
	"  - number: 1\n"
	"    title: 汇总\n"
	"    kind: other\n"
	"    name_title: 项目\n"
	"    columns: [{key: a, title: 甲, type: amount}]\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [10.00]}\n"			/* 16 */
	"  - number: 2\n"
	"    title: 不完整表\n"
	"    kind: other\n"
	"    name_title: 项目\n"
	"    incomplete: 源表只有一行\n"
	"    columns: [{key: a, title: 甲, type: amount}]\n"
	"    rows:\n"
	"      - {id: one, name: 一行, values: [10.00]}\n"
	"  - number: 13\n"
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
	"          - {name: 一, values: [A01, 1.00]}\n"
	"          - {name: 二, values: [C02, 6.00]}\n"
	"          - {name: 三, values: [A03, 2.00]}\n"
	"identities:\n"
	"  - label: 表1 = 表2\n"					/* 43 */
	"    left: {table: 1, row: total}\n"
	"    right: {table: 2, row: one}\n"
	"  - label: 表1 = 表2 总计\n"					/* 46 */
	"    left: {table: 1, row: total}\n"
	"    right: {table: 2, row: total}\n"
	"  - label: 表1 = 没有的行\n"					/* 49 */
	"    left: {table: 1, row: total}\n"
	"    right: {table: 1, row: nothing}\n"
	"  - label: 没有的表\n"						/* 52 */
	"    left: {table: 1, row: total}\n"
	"    right: {table: 9, row: total}\n"
	"  - label: 货物\n"						/* 55 */
	"    left: {table: 13, row: goods}\n"
	"    right: {table: 13, lines: {where: code, prefix: A}}\n"
	"  - label: 全部\n"						/* 58 */
	"    left: {table: 13, row: total}\n"
	"    right: {table: 13, lines: {}}\n"
	"  - label: 变化\n"						/* 61 */
	"    left: {figure: whole, field: change}\n"
	"    right: [{figure: part_a, field: change}, {figure: part_b, field: change}]\n"
	"  - label: 总额 = 各部分\n"					/* 64 */
	"    left: {figure: whole}\n"
	"    right: [{figure: part_a}, {figure: part_b}, {table: 13, row: goods}]\n"
	"    known: 源文件如此\n";

static void test_identities(void **state)
{
	(void)state;
	struct document *doc = load(ident_doc);
	struct check_report rep;
	check_document(doc, &rep);
	const struct finding *f = at_line(&rep, 43);
	assert_int_equal(f->status, CHECK_PASS);
	assert_int_equal(f->nrows, 2);		/* both rows are flagged */
	f = at_line(&rep, 46);
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表1 合计 = 表2 row 'total': not checkable: "
			    "表2 is incomplete in the source: 源表只有一行 — 表1 = 表2 总计");
	f = at_line(&rep, 49);
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "not checkable: 表1 has no row 'nothing'");
	f = at_line(&rep, 52);
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "not checkable: the document has no 表9");
	f = at_line(&rep, 55);
	assert_int_equal(f->status, CHECK_PASS);
	contains(f->message, "expected 3.00 (表13 lines whose 品目编号 begins with \"A\")");
	assert_int_equal(at_line(&rep, 58)->status, CHECK_PASS);
	f = at_line(&rep, 61);
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	contains(f->message, "figure part_b states no change");
	f = at_line(&rep, 64);
	assert_int_equal(f->status, CHECK_KNOWN);
	contains(f->message, "expected 13.00");
	contains(f->message, "found 10.00, difference -3.00");
	contains(f->message, "(known fault of the source: 源文件如此)");
	/* Figures whose value an identity uses get no check of their own;
	 * whole and part_a state no rate, so neither has a rate check. */
	for (size_t i = 0; i < rep.n; i++)
		assert_true(rep.v[i].line >= 16);
	/* A row's status is the worst of every finding that names it. */
	assert_int_equal(check_row_status(&rep, doc->tables[0].rows), CHECK_UNCHECKABLE);
	assert_int_equal(check_row_status(&rep, doc->tables[1].rows), CHECK_PASS);
	const struct row *goods = doc->tables[2].rows->child;
	assert_int_equal(check_row_status(&rep, goods), CHECK_KNOWN);
	assert_ptr_equal(check_row_worst(&rep, goods), at_line(&rep, 64));
	assert_int_equal(check_row_status(&rep, goods->next->next), CHECK_NONE);
	assert_int_equal(rep.known, 1);
	assert_int_equal(rep.failed, 0);
	assert_int_equal(check_status_code(&rep), 0);
	check_report_free(&rep);
	model_free(doc);
}

/* Figures: value against the cell, rate at the precision printed. */
static char *figure_doc(const char *figures)
{
	static const char tables[] =
		"tables:\n"
		"  - number: 1\n"
		"    title: 汇总\n"
		"    kind: other\n"
		"    name_title: 项目\n"
		"    columns: [{key: a, title: 甲, type: amount}]\n"
		"    rows:\n"
		"      - {id: total, name: 合计, values: [129.60]}\n";
	size_t n = strlen(HEAD) + strlen(figures) + strlen(tables) + 64;
	char *s = malloc(n);
	snprintf(s, n, "%snarrative:\n  - title: 说明\n    figures:\n%s%s", HEAD,
		 figures, tables);
	return s;
}

/* The status of the single check at line 6 of a one-figure document. */
static enum check_status figure_status(const char *figure, int line, char **message)
{
	char *text = figure_doc(figure);
	struct document *doc = load(text);
	struct check_report rep;
	check_document(doc, &rep);
	const struct finding *f = at_line(&rep, line);
	enum check_status st = f->status;
	if (message)
		*message = strdup(f->message);
	check_report_free(&rep);
	model_free(doc);
	free(text);
	return st;
}

static void test_figure_rate_precision(void **state)
{
	(void)state;
	char *m;
	/* 29.60 / 100.00 = 29.6%: "30%" agrees, "29.6%" too, "29.60%" too. */
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 129.60, change: 29.60,\n"
				       "         rate: \"30%\"}\n", 7, NULL), CHECK_PASS);
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 129.60, change: 29.60,\n"
				       "         rate: \"29.6%\"}\n", 7, NULL), CHECK_PASS);
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 129.60, change: 29.60,\n"
				       "         rate: \"29.61%\"}\n", 7, NULL), CHECK_FAIL);
	/* 29.15% prints as 29%, not 30%. */
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 129.15, change: 29.15,\n"
				       "         rate: \"30%\"}\n", 7, &m), CHECK_FAIL);
	assert_string_equal(m, "figure x (甲) rate: expected 29% (change 29.15 on a prior "
			    "year of 100.00), found 30%, difference +1.00 percentage points");
	free(m);
	/* 2949.51 / 10000.00 = 29.4951%: rounded once it is 29%; rounding to
	 * 29.50% first and then to 30% would be wrong. */
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 12949.51, change: 2949.51,\n"
				       "         rate: \"29%\"}\n", 7, NULL), CHECK_PASS);
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 12949.51, change: 2949.51,\n"
				       "         rate: \"30%\"}\n", 7, NULL), CHECK_FAIL);
	/* Half away from zero, below zero too: -0.05 / 10.00 = -0.5% -> -1%. */
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 9.95, change: -0.05,\n"
				       "         rate: \"-1%\"}\n", 7, NULL), CHECK_PASS);
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 9.95, change: -0.05,\n"
				       "         rate: \"0%\"}\n", 7, NULL), CHECK_FAIL);
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 0.00, change: -3,\n"
				       "         rate: \"-100%\"}\n", 7, NULL), CHECK_PASS);
	/* No prior year: nothing to rate against. */
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 5.00, change: 5.00,\n"
				       "         rate: \"100%\"}\n", 7, &m), CHECK_UNCHECKABLE);
	contains(m, "the prior year (value - change) is 0.00");
	free(m);
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 5.00,\n"
				       "         rate: \"1%\"}\n", 7, &m), CHECK_UNCHECKABLE);
	contains(m, "no change is stated");
	free(m);
}

static void test_figure_value(void **state)
{
	(void)state;
	char *m;
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 129.60,\n"
				       "         ref: {table: 1, row: total}}\n", 6, NULL),
			 CHECK_PASS);
	/* The value's own line, in a block mapping. */
	assert_int_equal(figure_status("      - id: x\n        label: 甲\n"
				       "        value: 129.61\n"
				       "        ref: {table: 1, row: total}\n", 8, &m), CHECK_FAIL);
	assert_string_equal(m, "figure x (甲): expected 129.60 (表1 合计), found 129.61, "
			    "difference +0.01");
	free(m);
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 129.61, known: 原文有误,\n"
				       "         ref: {table: 1, row: total}}\n", 6, NULL),
			 CHECK_KNOWN);
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 129.60, unit: 元,\n"
				       "         ref: {table: 1, row: total}}\n", 6, &m),
			 CHECK_UNCHECKABLE);
	contains(m, "stated in 元, 表1 is in 万元");
	free(m);
	assert_int_equal(figure_status("      - {id: x, label: 甲, value: 3, note: 无表可查}\n",
				       6, &m), CHECK_UNCHECKABLE);
	contains(m, "no ref");
	contains(m, "无表可查");
	free(m);
}

/* Rows of an incomplete table may be missing: their sums prove nothing. */
static void test_incomplete_table(void **state)
{
	(void)state;
	struct document *doc = load(HEAD
		"tables:\n"
		"  - number: 2\n"
		"    title: 合成表\n"
		"    kind: income\n"
		"    name_title: 项目\n"
		"    incomplete: 缺行\n"
		"    columns: [{key: a, title: 甲, type: amount}]\n"
		"    rows:\n"
		"      - name: 合计\n"				/* 11 */
		"        values: [9.00]\n"
		"        children: [{name: 子, values: [1.00]}]\n");
	struct check_report rep;
	check_document(doc, &rep);
	const struct finding *f = at_line(&rep, 11);
	assert_int_equal(f->status, CHECK_UNCHECKABLE);
	assert_string_equal(f->message, "表2 合计: not checkable (the one row under it): "
			    "表2 is incomplete in the source: 缺行");
	assert_int_equal(check_status_code(&rep), 0);
	check_report_free(&rep);
	model_free(doc);
}

static void test_known_row(void **state)
{
	(void)state;
	struct document *doc = load(HEAD
		"tables:\n"
		"  - number: 1\n"
		"    title: 合成表\n"
		"    kind: other\n"
		"    name_title: 项目\n"
		"    columns: [{key: a, title: 甲, type: amount}]\n"
		"    rows:\n"
		"      - name: 合计\n"				/* 10 */
		"        known: 源表合计少 0.01\n"
		"        values: [0.99]\n"
		"        children: [{name: 子, values: [1.00]}]\n");
	struct check_report rep;
	check_document(doc, &rep);
	const struct finding *f = at_line(&rep, 10);
	assert_int_equal(f->status, CHECK_KNOWN);
	contains(f->message, "difference -0.01 (known fault of the source: 源表合计少 0.01)");
	assert_int_equal(check_row_status(&rep, doc->tables[0].rows), CHECK_KNOWN);
	assert_int_equal(check_status_code(&rep), 0);
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);
	check_print(doc, &rep, mem);
	fclose(mem);
	assert_string_equal(out, "t.yaml:10: 表1 合计: expected 1.00 (the one row under it), "
			    "found 0.99, difference -0.01 (known fault of the source: "
			    "源表合计少 0.01)\n"
			    "1 checks, 0 passed, 0 failed, 0 not checkable, 1 known faults\n");
	free(out);
	check_report_free(&rep);
	model_free(doc);
}

/* Passed findings are counted, not printed. */
static void test_print(void **state)
{
	(void)state;
	struct document *doc = load(tree_doc);
	struct check_report rep;
	check_document(doc, &rep);
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);
	check_print(doc, &rep, mem);
	fclose(mem);
	assert_string_equal(out,
		"t.yaml:12: 表1 合计 [乙]: expected 5.00 (sum of the 2 rows under it), found 5.01, "
		"difference +0.01\n"
		"t.yaml:12: 表1 合计 [乙]: expected 5.00 (sum of its 2 其中 rows), found 5.01, "
		"difference +0.01\n"
		"5 checks, 3 passed, 2 failed, 0 not checkable\n");
	free(out);
	check_report_free(&rep);
	model_free(doc);
}

/* Mistakes in identities that are typos, not gaps in the source. */
static void test_identity_load_errors(void **state)
{
	(void)state;
	static const char tables[] = HEAD
		"tables:\n"
		"  - number: 1\n"
		"    title: 汇总\n"
		"    kind: other\n"
		"    name_title: 项目\n"
		"    columns: [{key: a, title: 甲, type: amount}, {key: t, title: 文, type: text}]\n"
		"    rows: [{id: total, name: 合计, values: [1.00, x]}]\n"
		"identities:\n"
		"  - label: 甲\n"
		"    left: {table: 1, row: total}\n";		/* 12 */
	static const struct { const char *right; int line; const char *what; } cases[] = {
		{ "{table: 1, row: total, column: zz}", 13, "not an amount column" },
		{ "{table: 1, row: total, column: t}", 13, "not an amount column" },
		{ "{table: 1, row: total, lines: {}}", 13, "exactly one of" },
		{ "{table: 1}", 13, "exactly one of" },
		{ "{row: total}", 13, "needs 'table' or 'figure'" },
		{ "{figure: nope}", 13, "no figure 'nope'" },
		{ "{table: 1, lines: {where: a, prefix: x}}", 13, "not a text column" },
		{ "{table: 1, lines: {where: t}}", 13, "both 'where' and 'prefix'" },
		{ "[]", 13, "non-empty list" },
		{ "{table: 1, row: total, colour: a}", 13, "unknown key 'colour'" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char text[2048];
		struct loader_error err;
		snprintf(text, sizeof text, "%s    right: %s\n", tables, cases[i].right);
		struct document *doc = loader_load_string("t.yaml", text, strlen(text), &err);
		if (doc)
			fail_msg("case %zu loaded", i);
		assert_int_equal(err.line, cases[i].line);
		contains(err.message, cases[i].what);
	}
}

/* The real document reconciles: nothing fails, and what cannot be
 * checked (its incomplete 表2) says so rather than passing. */
static void test_seed(void **state)
{
	(void)state;
	struct loader_error err;
	struct document *doc = loader_load("data/budget.yaml", &err);
	if (!doc)
		fail_msg("%s:%d: %s", err.file, err.line, err.message);
	struct check_report rep;
	check_document(doc, &rep);
	assert_int_equal(rep.failed, 0);
	assert_true(rep.passed > 600);
	assert_int_equal(rep.checks, rep.passed + rep.failed + rep.known + rep.uncheckable);
	assert_int_equal(count(&rep, CHECK_UNCHECKABLE), rep.uncheckable);
	size_t table2 = 0;
	for (size_t i = 0; i < rep.n; i++)
		if (rep.v[i].status == CHECK_UNCHECKABLE &&
		    strstr(rep.v[i].message, "表2 is incomplete in the source"))
			table2++;
	assert_true(table2 >= 2);
	check_report_free(&rep);
	model_free(doc);
}

int main(void)
{
	/* The loader keeps CJK text only under a UTF-8 locale. */
	text_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_sums),
		cmocka_unit_test(test_sum_of),
		cmocka_unit_test(test_blank_parent),
		cmocka_unit_test(test_identities),
		cmocka_unit_test(test_figure_rate_precision),
		cmocka_unit_test(test_figure_value),
		cmocka_unit_test(test_incomplete_table),
		cmocka_unit_test(test_known_row),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_identity_load_errors),
		cmocka_unit_test(test_seed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
