/* test_compare.c: a budget against the prior year (report/compare.h).
 * Apart from the last test, which pairs the real Jiangsu budgets
 * data/jiangsu/zxbgt-2019.yaml and zxbgt-2018.yaml, every document here is
 * synthetic: small budget files made up for these tests in schema 2
 * (notes/schema2.md), loaded with loader_load_string; they are not real
 * budgets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/strmap.h"
#include "doc/text.h"
#include "report/compare.h"
#include "report/render.h"
#include "fixture.h"

/* ---- helpers ------------------------------------------------------------- */

static const struct table *derive(struct comparison *c, const struct table *t,
				  const char *column)
{
	const struct table *d = compare_derive(c, t, column);
	assert_non_null(d);
	return d;
}

static void release(struct comparison *c)
{
	compare_free(c);
}

static void build(struct comparison *c, const struct document *cur, const struct document *old)
{
	struct compare_error err;
	if (!compare_build(c, cur, old, &err))
		fail_msg("compare_build: %s", err.message);
}

static const struct row *row_id(const struct document *doc, const char *table, const char *id)
{
	const struct row *r = model_find_row_id(model_find_table(doc, table), id);
	if (!r)
		fail_msg("no row %s in %s", id, table);
	return r;
}

static const struct row *row_code(const struct document *doc, const char *table,
				  const char *code)
{
	const struct row *r = model_find_code(doc, model_find_table(doc, table), code);
	if (!r)
		fail_msg("no row %s in %s", code, table);
	return r;
}

/* The first row of side s in document order named name (its labels joined
 * by " · "), or NULL. */
static const struct row *named_in(const struct side *s, const char *name)
{
	for (const struct row *r = s->rows; r; r = model_next_row(r)) {
		struct sbuf b = { 0 };
		model_row_labels(r, &b);
		bool same = b.s && !strcmp(b.s, name);
		sbuf_free(&b);
		if (same)
			return r;
	}
	return NULL;
}

static const struct row *named(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->nsides; i++) {
		const struct row *r = named_in(&t->sides[i], name);
		if (r)
			return r;
	}
	fail_msg("no row named %s in %s", name, t->label);
	return NULL;
}

/* The derived row standing for row r of the current document, or for a
 * prior row (dropped). */
static const struct row *derived_of(const struct table *d, const struct row *r)
{
	for (size_t i = 0; i < d->nsides; i++)
		for (const struct row *x = d->sides[i].rows; x; x = model_next_row(x)) {
			const struct derived_row *dr = compare_derived_row(x);
			if (dr->cur == r || (!dr->cur && dr->prior == r))
				return x;
		}
	fail_msg("no derived row for line %d", r->line);
	return NULL;
}

/* The derived rows of side s as "name[mark]" joined by spaces, with their
 * depth as leading dots: dropped rows are marked "-", new ones "+". */
static char *outline(const struct side *s)
{
	struct sbuf b = { 0 };
	sbuf_add(&b, "");
	for (const struct row *x = s->rows; x; x = model_next_row(x)) {
		const struct derived_row *dr = compare_derived_row(x);
		if (b.len)
			sbuf_add(&b, " ");
		for (int i = 0; i < x->depth; i++)
			sbuf_add(&b, ".");
		model_row_labels(x, &b);
		if (!dr->cur)
			sbuf_add(&b, "-");
		else if (!dr->prior)
			sbuf_add(&b, "+");
	}
	return sbuf_take(&b);
}

/* The cell of derived row x in the column keyed key, as a number. */
static int64_t num(const struct row *x, const char *key)
{
	int k = model_column_index(x->side, key);
	if (k < 0)
		fail_msg("no derived column %s", key);
	return x->cells[k].n;
}

/* The text cell of derived row x in the column keyed key (NULL: blank). */
static const char *text(const struct row *x, const char *key)
{
	int k = model_column_index(x->side, key);
	if (k < 0)
		fail_msg("no derived column %s", key);
	return x->cells[k].s;
}

/* The keys of the columns of a derived side, joined by spaces. */
static char *column_keys(const struct side *s)
{
	struct sbuf b = { 0 };
	sbuf_add(&b, "");
	for (size_t i = 0; i < s->ncolumns; i++)
		sbuf_addf(&b, "%s%s", i ? " " : "", s->columns[i].key);
	return sbuf_take(&b);
}

static void expect_keys(const struct side *s, const char *want)
{
	char *got = column_keys(s);
	assert_string_equal(got, want);
	free(got);
}

static void expect_outline(const struct side *s, const char *want)
{
	char *got = outline(s);
	assert_string_equal(got, want);
	free(got);
}

/* ---- the guard ------------------------------------------------------------- */

/* A one-table document of a department, year and unit, with one amount. */
static struct document *one_table(const char *name, const char *department, int year,
				  const char *unit, const char *amount)
{
	char text[1024];
	snprintf(text, sizeof text,
		 "schema: 2\n"
		 "document: {department: %s, year: %d, unit: %s, title: 合成}\n"
		 "tables:\n"
		 "  - id: t1\n"
		 "    label: 表1\n"
		 "    title: 汇总\n"
		 "    kind: summary\n"
		 "    name_title: 项目\n"
		 "    columns: [{key: amount, title: 金额, type: amount}]\n"
		 "    rows:\n"
		 "      - {id: total, name: 合计, values: [%s]}\n"
		 "      - {id: other, name: 其他, values: [~]}\n",
		 department, year, unit, amount);
	return fixture_text_ok(name, text);
}

static void refused(const struct document *cur, const struct document *old, const char *want)
{
	struct comparison c;
	struct compare_error err;
	assert_false(compare_build(&c, cur, old, &err));
	assert_string_equal(err.message, want);
	assert_null(strchr(err.message, '\n'));
}

/* Another department, a year that is not the one before, or a unit that
 * does not convert exactly: refused, with one line naming both. */
static void test_build_refuses(void **state)
{
	(void)state;
	struct document *cur = one_table("now.yaml", "测试局", 2020, "万元", "120.00");
	struct document *old = one_table("other.yaml", "别的局", 2019, "万元", "100.00");
	refused(cur, old, "other.yaml is another department (别的局, 2019), not the prior year "
		"of 测试局 (2020)");
	model_free(old);
	old = one_table("y2018.yaml", "测试局", 2018, "万元", "100.00");
	refused(cur, old, "y2018.yaml is not the year before: 测试局 2018 against 测试局 2020");
	model_free(old);
	old = one_table("y2020.yaml", "测试局", 2020, "万元", "100.00");
	refused(cur, old, "y2020.yaml is not the year before: 测试局 2020 against 测试局 2020");
	model_free(old);
	old = one_table("y2021.yaml", "测试局", 2021, "万元", "100.00");
	refused(cur, old, "y2021.yaml is not the year before: 测试局 2021 against 测试局 2020");
	model_free(old);
	/* 1234550.00 元 is 123.455 万元: not a whole number of hundredths. */
	old = one_table("yuan.yaml", "测试局", 2019, "元", "1234550.00");
	refused(cur, old, "yuan.yaml:11:1: 1234550.00 元 does not convert exactly to 万元: "
		"not compared");
	model_free(old);
	old = one_table("cents.yaml", "测试局", 2019, "元", "1000000.01");
	refused(cur, old, "cents.yaml:11:1: 1000000.01 元 does not convert exactly to 万元: "
		"not compared");
	model_free(old);
	old = one_table("usd.yaml", "测试局", 2019, "美元", "100.00");
	refused(cur, old, "usd.yaml is in 美元, this document in 万元: no exact conversion is "
		"known");
	model_free(old);
	/* In Chinese, too. */
	msg_set_chinese(true);
	old = one_table("other.yaml", "别的局", 2019, "万元", "100.00");
	refused(cur, old, "other.yaml 是另一个部门（别的局，2019年），不是测试局（2020年）的上年");
	model_free(old);
	msg_set_chinese(false);
	model_free(cur);
}

/* Prior amounts in 元 against 万元 that convert exactly are scaled. */
static void test_unit_conversion(void **state)
{
	(void)state;
	struct document *cur = one_table("now.yaml", "测试局", 2020, "万元", "130.00");
	struct document *old = one_table("yuan.yaml", "测试局", 2019, "元", "1234500.00");
	struct comparison c;
	build(&c, cur, old);
	assert_int_equal(c.tables[0].scale_num, 1);
	assert_int_equal(c.tables[0].scale_den, 10000);
	const struct row *total = row_id(cur, "t1", "total");
	amount_t prior, change;
	int64_t rate;
	bool has_rate;
	assert_true(compare_prior(&c, total, 0, &prior));
	assert_int_equal(prior, 12345);		/* 123.45 万元 */
	assert_true(compare_change(&c, total, 0, &change, &rate, &has_rate));
	assert_int_equal(change, 655);
	assert_true(has_rate);
	assert_int_equal(rate, 531);		/* 6.55 / 123.45 = 5.31% */
	const struct table *d = derive(&c, &cur->tables[0], NULL);
	const struct row *x = derived_of(d, total);
	assert_int_equal(num(x, "prior"), 12345);
	assert_int_equal(num(x, "change"), 655);
	release(&c);
	model_free(old);
	/* The other way round: 万元 against 元 scales up. */
	struct document *yuan = one_table("yuan2020.yaml", "测试局", 2020, "元", "1300000.00");
	old = one_table("wan.yaml", "测试局", 2019, "万元", "123.45");
	build(&c, yuan, old);
	assert_int_equal(c.tables[0].scale_num, 10000);
	assert_int_equal(c.tables[0].scale_den, 1);
	assert_true(compare_prior(&c, row_id(yuan, "t1", "total"), 0, &prior));
	assert_int_equal(prior, 123450000);	/* 1234500.00 元 */
	release(&c);
	model_free(old);
	model_free(yuan);
	model_free(cur);
}

/* A synthetic document (made up for these tests) of a year and unit with
 * one table t1 that may declare its own unit (NULL: none) and holds an
 * amount column and a quantity column in 辆. */
static struct document *unit_table(const char *name, int year, const char *doc_unit,
				   const char *table_unit, const char *amount, const char *cars)
{
	char text[1024], unit[64] = "";
	if (table_unit)
		snprintf(unit, sizeof unit, "    unit: %s\n", table_unit);
	snprintf(text, sizeof text,
		 "schema: 2\n"
		 "document: {department: 测试局, year: %d, unit: %s, title: 合成}\n"
		 "tables:\n"
		 "  - id: t1\n"
		 "    label: 表1\n"
		 "    title: 汇总\n"
		 "    kind: summary\n"
		 "%s"
		 "    name_title: 项目\n"
		 "    columns:\n"
		 "      - {key: amount, title: 金额, type: amount}\n"
		 "      - {key: cars, title: 车辆, type: quantity, unit: 辆}\n"
		 "    rows:\n"
		 "      - {id: total, name: 合计, values: [%s, %s]}\n",
		 year, doc_unit, unit, amount, cars);
	return fixture_text_ok(name, text);
}

/* A table's own unit counts: each pair converts from the prior table's
 * unit to the current table's, whatever the documents' units; counts and
 * measures (quantity columns) are never scaled. */
static void test_table_units(void **state)
{
	(void)state;
	struct document *cur = unit_table("now.yaml", 2020, "万元", NULL, "130.00", "5");
	struct comparison c;
	amount_t prior;
	/* A prior document in 元 whose t1 is in 万元: no conversion. */
	struct document *old = unit_table("before.yaml", 2019, "元", "万元", "100.00", "3");
	build(&c, cur, old);
	assert_int_equal(c.tables[0].scale_num, 1);
	assert_int_equal(c.tables[0].scale_den, 1);
	const struct row *total = row_id(cur, "t1", "total");
	assert_true(compare_prior(&c, total, 0, &prior));
	assert_int_equal(prior, 10000);		/* 100.00 万元 */
	const struct table *d = derive(&c, &cur->tables[0], NULL);
	assert_int_equal(num(derived_of(d, total), "prior"), 10000);
	assert_int_equal(num(derived_of(d, total), "change"), 3000);
	assert_true(compare_prior(&c, total, 1, &prior));
	assert_int_equal(prior, 300);		/* 3 辆 */
	release(&c);
	model_free(old);
	/* A prior table in 元 (the document's unit): converted, but its
	 * quantity column is not. */
	old = unit_table("yuan.yaml", 2019, "元", NULL, "1000000.00", "3");
	build(&c, cur, old);
	assert_int_equal(c.tables[0].scale_den, 10000);
	assert_true(compare_prior(&c, total, 0, &prior));
	assert_int_equal(prior, 10000);		/* 1000000.00 元 */
	assert_true(compare_prior(&c, total, 1, &prior));
	assert_int_equal(prior, 300);		/* still 3 辆 */
	amount_t change;
	int64_t rate;
	bool has_rate;
	assert_true(compare_change(&c, total, 1, &change, &rate, &has_rate));
	assert_int_equal(change, 200);
	assert_true(has_rate);
	assert_int_equal(rate, 6667);		/* 2 / 3 */
	release(&c);
	model_free(old);
	model_free(cur);
	/* A current table in 元 in a 万元 document, against a prior in 元: no
	 * conversion either. */
	cur = unit_table("now.yaml", 2020, "万元", "元", "1300000.00", "5");
	old = unit_table("yuan.yaml", 2019, "元", NULL, "1000000.00", "3");
	build(&c, cur, old);
	assert_int_equal(c.tables[0].scale_num, 1);
	assert_int_equal(c.tables[0].scale_den, 1);
	assert_true(compare_prior(&c, row_id(cur, "t1", "total"), 0, &prior));
	assert_int_equal(prior, 100000000);	/* 1000000.00 元 */
	release(&c);
	model_free(old);
	/* The prior table's own unit is what must convert exactly. */
	old = unit_table("inexact.yaml", 2019, "万元", "元", "1234550.00", "3");
	build(&c, cur, old);
	assert_true(compare_prior(&c, row_id(cur, "t1", "total"), 0, &prior));
	assert_int_equal(prior, 123455000);
	release(&c);
	model_free(old);
	model_free(cur);
	cur = unit_table("now.yaml", 2020, "万元", NULL, "130.00", "5");
	old = unit_table("inexact.yaml", 2019, "万元", "元", "1234550.00", "3");
	refused(cur, old, "inexact.yaml:14:1: 1234550.00 元 does not convert exactly to 万元: "
		"not compared");
	model_free(old);
	model_free(cur);
}

/* ---- pairing tables ------------------------------------------------------------- */

#define ONE_ROW(id, label, title, kind, amount) \
	"  - {id: " id ", label: " label ", title: " title ", kind: " kind ", name_title: 项目,\n" \
	"     columns: [{key: amount, title: 金额, type: amount}],\n" \
	"     rows: [{name: 合计, values: [" amount "]}]}\n"

static const char tables_cur[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成2020}\n"
	"tables:\n"
	ONE_ROW("t1", "表1", "甲表", "alpha", "1.00")
	ONE_ROW("t2", "表2", "乙表", "beta", "2.00")
	ONE_ROW("t3", "表3", "丙表", "gamma", "3.00");

static const char tables_old[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成2019}\n"
	"tables:\n"
	ONE_ROW("x2", "表二", "乙表旧", "beta", "20.00")
	ONE_ROW("t1", "表一", "甲表旧", "renamed", "10.00")
	ONE_ROW("y3", "表三", "丙表旧", "gamma", "30.00")
	ONE_ROW("z3", "表四", "丙表另", "gamma", "31.00");

/* Tables pair by id, then by kind where one prior table alone has it; the
 * prior tables nothing pairs with follow, their rows all dropped. */
static void test_tables_pair(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", tables_cur);
	struct document *old = fixture_text_ok("before.yaml", tables_old);
	struct comparison c;
	build(&c, cur, old);
	assert_int_equal(c.ntables, 5);
	/* By id, whatever the kind. */
	assert_ptr_equal(compare_table(&c, &cur->tables[0])->old, model_find_table(old, "t1"));
	/* By kind: the only prior beta. */
	assert_ptr_equal(compare_table(&c, &cur->tables[1])->old, model_find_table(old, "x2"));
	/* Two prior gammas: neither is the one. */
	assert_null(compare_table(&c, &cur->tables[2])->old);
	const struct cmp_table *y3 = compare_table(&c, model_find_table(old, "y3"));
	const struct cmp_table *z3 = compare_table(&c, model_find_table(old, "z3"));
	assert_non_null(y3);
	assert_non_null(z3);
	assert_null(y3->cur);
	assert_ptr_equal(y3, &c.tables[3]);
	assert_ptr_equal(z3, &c.tables[4]);
	assert_int_equal(y3->counts.dropped, 1);
	/* A paired prior table is not listed again: only its current one. */
	assert_null(compare_table(&c, model_find_table(old, "t1")));
	assert_null(compare_table(&c, model_find_table(old, "x2")));
	assert_int_equal(c.counts.by_name, 2);
	assert_int_equal(c.counts.added, 1);
	assert_int_equal(c.counts.dropped, 2);
	/* A prior-only table derives with every row dropped. */
	const struct table *d = derive(&c, model_find_table(old, "y3"), NULL);
	assert_string_equal(d->label, "表三");
	const struct row *x = d->sides[0].rows;
	assert_non_null(x);
	assert_null(x->next);
	const struct derived_row *dr = compare_derived_row(x);
	assert_null(dr->cur);
	assert_ptr_equal(dr->prior, model_find_table(old, "y3")->sides[0].rows);
	assert_int_equal(dr->how, MATCH_NONE);
	assert_int_equal(num(x, "cur"), CELL_ABSENT);
	assert_int_equal(num(x, "prior"), 3000);
	assert_int_equal(num(x, "change"), CELL_ABSENT);
	assert_string_equal(text(x, "note"), "dropped");
	struct sbuf b = { 0 };
	compare_table_summary(d, &b);
	assert_string_equal(b.s, "0 rows matched by code, 0 by id, 0 by name, 0 by position, "
			    "0 new, 1 dropped");
	sbuf_free(&b);
	/* A table of this year that pairs with nothing: every row new. */
	d = derive(&c, &cur->tables[2], NULL);
	dr = compare_derived_row(d->sides[0].rows);
	assert_non_null(dr->cur);
	assert_null(dr->prior);
	assert_string_equal(text(d->sides[0].rows, "note"), "new");
	release(&c);
	model_free(old);
	model_free(cur);
}

/* Sides pair by id, else by their place. */
static const char sides_cur[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成2020}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 收支\n"
	"    kind: summary\n"
	"    sides:\n"
	"      - {id: income, title: 收入, name_title: 项目,\n"
	"         columns: [{key: amount, title: 金额, type: amount}],\n"
	"         rows: [{name: 合计, values: [10.00]}]}\n"
	"      - {id: spend, title: 支出, name_title: 项目,\n"
	"         columns: [{key: amount, title: 金额, type: amount}],\n"
	"         rows: [{name: 合计, values: [20.00]}]}\n"
	"      - {id: use, title: 用途, name_title: 项目,\n"
	"         columns: [{key: amount, title: 金额, type: amount}],\n"
	"         rows: [{name: 合计, values: [30.00]}]}\n";

static const char sides_old[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成2019}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 收支\n"
	"    kind: summary\n"
	"    sides:\n"
	"      - {id: spend, title: 支出, name_title: 项目,\n"
	"         columns: [{key: amount, title: 金额, type: amount}],\n"
	"         rows: [{name: 合计, values: [2.00]}]}\n"
	"      - {id: income, title: 收入, name_title: 项目,\n"
	"         columns: [{key: amount, title: 金额, type: amount}],\n"
	"         rows: [{name: 合计, values: [1.00]}]}\n"
	"      - {id: usage, title: 用途, name_title: 项目,\n"
	"         columns: [{key: amount, title: 金额, type: amount}],\n"
	"         rows: [{name: 合计, values: [3.00]}]}\n";

static void test_sides_pair(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", sides_cur);
	struct document *old = fixture_text_ok("before.yaml", sides_old);
	struct comparison c;
	build(&c, cur, old);
	const struct table *t = &cur->tables[0], *o = &old->tables[0];
	const struct cmp_table *ct = compare_table(&c, t);
	assert_ptr_equal(ct->prior[t->sides[0].rows->index], o->sides[1].rows);
	assert_ptr_equal(ct->prior[t->sides[1].rows->index], o->sides[0].rows);
	assert_ptr_equal(ct->prior[t->sides[2].rows->index], o->sides[2].rows);
	const struct table *d = derive(&c, t, NULL);
	assert_int_equal(d->nsides, 3);
	assert_string_equal(d->sides[1].title, "支出");
	assert_int_equal(num(d->sides[0].rows, "prior"), 100);
	assert_int_equal(num(d->sides[1].rows, "prior"), 200);
	assert_int_equal(num(d->sides[2].rows, "prior"), 300);
	release(&c);
	model_free(old);
	model_free(cur);
}

/* ---- pairing rows ---------------------------------------------------------------- */

static const char tree_cur[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成2020}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 功能表\n"
	"    kind: function\n"
	"    code_title: 编码\n"
	"    name_title: 名称\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    total: total\n"
	"    rows:\n"
	"      - id: total\n"
	"        name: 合计\n"
	"        values: [100.00]\n"
	"        children:\n"
	"          - code: \"201\"\n"
	"            name: 一、一般公共服务支出\n"
	"            values: [60.00]\n"
	"            children:\n"
	"              - {code: \"20101\", name: 人大事务, values: [10.00]}\n"
	"              - {code: \"20102\", name: （一）政协 事务, values: [20.00]}\n"
	"              - {code: \"20104\", name: 改名事务, values: [5.00]}\n"
	"              - {code: \"20106\", name: 空项, values: [~]}\n"
	"              - {code: \"20199\", name: 其他, values: [25.00]}\n"
	"          - code: \"205\"\n"
	"            name: 教育支出\n"
	"            values: [30.00]\n"
	"            children:\n"
	"              - {code: \"20508\", name: 进修及培训, values: [30.00]}\n"
	"          - name: 新类\n"
	"            values: [10.00]\n"
	"            children:\n"
	"              - {name: 行政运行, values: [10.00]}\n";

static const char tree_old[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成2019}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 功能表\n"
	"    kind: function\n"
	"    code_title: 编码\n"
	"    name_title: 名称\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    total: total\n"
	"    rows:\n"
	"      - id: total\n"
	"        name: 合计\n"
	"        values: [83.00]\n"
	"        children:\n"
	"          - code: \"201\"\n"
	"            name: 一般公共服务支出\n"
	"            values: [70.00]\n"
	"            children:\n"
	"              - {code: \"20101\", name: 人大事务, values: [~]}\n"
	"              - {code: \"20102\", name: 政协事务, values: [0.00]}\n"
	"              - {code: \"20103\", name: 政府办公厅, values: [7.00]}\n"
	"              - {code: \"20104\", name: 旧名事务, values: [4.00]}\n"
	"              - {code: \"20106\", name: 空项, values: [~]}\n"
	"              - {code: \"20105\", name: 其他, values: [20.00]}\n"
	"              - {code: \"20508\", name: 进修及培训, values: [39.00]}\n"
	"          - code: \"205\"\n"
	"            name: 教育支出\n"
	"            values: [5.00]\n"
	"            children:\n"
	"              - {code: \"20501\", name: 教育管理, values: [5.00]}\n"
	"          - {name: 行政运行, values: [5.00]}\n"
	"          - name: 旧类\n"
	"            values: [3.00]\n"
	"            children:\n"
	"              - {name: 旧项, values: [3.00]}\n";

/* A code that names one row in each year pairs them wherever they stand
 * (a row that moved is marked); other rows pair by normalised name under
 * their parent's counterpart; a new parent's rows are new. */
static void test_rows_by_code_and_name(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", tree_cur);
	struct document *old = fixture_text_ok("before.yaml", tree_old);
	struct comparison c;
	build(&c, cur, old);
	const struct cmp_table *ct = compare_table(&c, &cur->tables[0]);
	const struct row *r;
	/* By id (the total) and by code. */
	r = row_id(cur, "t1", "total");
	assert_int_equal(ct->how[r->index], MATCH_ID);
	assert_ptr_equal(ct->prior[r->index], row_id(old, "t1", "total"));
	r = row_code(cur, "t1", "201");
	assert_int_equal(ct->how[r->index], MATCH_CODE);
	assert_ptr_equal(ct->prior[r->index], row_code(old, "t1", "201"));
	/* Moved: 20508 stood under 201 last year. */
	r = row_code(cur, "t1", "20508");
	assert_int_equal(ct->how[r->index], MATCH_CODE);
	assert_ptr_equal(ct->prior[r->index], row_code(old, "t1", "20508"));
	/* Another code, the same name under the same parent. */
	r = row_code(cur, "t1", "20199");
	assert_int_equal(ct->how[r->index], MATCH_NAME);
	assert_ptr_equal(ct->prior[r->index], row_code(old, "t1", "20105"));
	/* A new parent's rows are new, though a row of that name stood
	 * elsewhere (under 合计) last year. */
	const struct row *fresh = named(&cur->tables[0], "新类");
	assert_int_equal(ct->how[fresh->index], MATCH_NONE);
	assert_null(ct->prior[fresh->child->index]);
	assert_int_equal(ct->how[fresh->child->index], MATCH_NONE);
	assert_false(ct->taken[named(&old->tables[0], "行政运行")->index]);
	assert_true(ct->taken[row_code(old, "t1", "20105")->index]);
	assert_int_equal(ct->counts.by_code, 7);	/* 201 20101 20102 20104 20106 205 20508 */
	assert_int_equal(ct->counts.by_id, 1);
	assert_int_equal(ct->counts.by_name, 1);
	assert_int_equal(ct->counts.by_position, 0);
	assert_int_equal(ct->counts.added, 2);
	assert_int_equal(ct->counts.dropped, 5);	/* 20103 20501 行政运行 旧类 旧项 */

	const struct table *d = derive(&c, &cur->tables[0], NULL);
	const struct derived_row *dr = compare_derived_row(derived_of(d, row_code(cur, "t1", "20508")));
	assert_true(dr->moved);
	assert_false(dr->renamed);
	assert_false(dr->recoded);
	assert_string_equal(text(derived_of(d, dr->cur), "note"), "by code");
	dr = compare_derived_row(derived_of(d, row_code(cur, "t1", "20104")));
	assert_true(dr->renamed);	/* 旧名事务 → 改名事务 */
	assert_false(dr->moved);
	assert_string_equal(text(derived_of(d, dr->cur), "note"), "by code");
	dr = compare_derived_row(derived_of(d, row_code(cur, "t1", "20199")));
	assert_int_equal(dr->how, MATCH_NAME);
	assert_true(dr->recoded);
	assert_false(dr->moved);
	assert_false(dr->renamed);
	assert_string_equal(text(derived_of(d, dr->cur), "note"), "by name");
	/* Spaces and enumerators aside, the names are the same: no mark. */
	dr = compare_derived_row(derived_of(d, row_code(cur, "t1", "20102")));
	assert_false(dr->renamed);
	assert_null(text(derived_of(d, dr->cur), "note"));
	dr = compare_derived_row(derived_of(d, row_code(cur, "t1", "201")));
	assert_false(dr->renamed);
	assert_false(dr->moved);
	release(&c);
	model_free(old);
	model_free(cur);
}

/* Codes that repeat (a unit code on every line) do not pair rows; names
 * do.  Rows with neither name nor code pair by position. */
static const char repeat_cur[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成2020}\n"
	"tables:\n"
	"  - id: t13\n"
	"    label: 表13\n"
	"    title: 单位\n"
	"    kind: units\n"
	"    code_title: 单位编码\n"
	"    name_title: 项目\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        values: [30.00]\n"
	"        children:\n"
	"          - {code: \"001\", name: 办公厅, values: [10.00]}\n"
	"          - {code: \"001\", name: 信息中心, values: [20.00]}\n"
	"  - id: t9\n"
	"    label: 表9\n"
	"    title: 三公\n"
	"    kind: sangong\n"
	"    columns: [{key: total, title: 合计, type: amount}, {key: abroad, title: 出国, type: amount}]\n"
	"    rows:\n"
	"      - {values: [5.00, 1.00]}\n"
	"      - {values: [6.00, 2.00]}\n"
	"      - {values: [7.00, 3.00]}\n";

static const char repeat_old[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成2019}\n"
	"tables:\n"
	"  - id: t13\n"
	"    label: 表13\n"
	"    title: 单位\n"
	"    kind: units\n"
	"    code_title: 单位编码\n"
	"    name_title: 项目\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - name: 合计\n"
	"        values: [20.00]\n"
	"        children:\n"
	"          - {code: \"001\", name: 信息中心, values: [15.00]}\n"
	"          - {code: \"001\", name: 办公厅, values: [5.00]}\n"
	"  - id: t9\n"
	"    label: 表9\n"
	"    title: 三公\n"
	"    kind: sangong\n"
	"    columns: [{key: total, title: 合计, type: amount}, {key: abroad, title: 出国, type: amount}]\n"
	"    rows:\n"
	"      - {values: [4.00, 1.00]}\n"
	"      - {values: [5.00, 1.00]}\n";

static void test_rows_repeated_codes_and_positions(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", repeat_cur);
	struct document *old = fixture_text_ok("before.yaml", repeat_old);
	struct comparison c;
	build(&c, cur, old);
	const struct table *t13 = &cur->tables[0], *o13 = &old->tables[0];
	const struct cmp_table *ct = compare_table(&c, t13);
	const struct row *office = named(t13, "办公厅"), *info = named(t13, "信息中心");
	assert_int_equal(ct->how[office->index], MATCH_NAME);
	assert_ptr_equal(ct->prior[office->index], named(o13, "办公厅"));
	assert_int_equal(ct->how[info->index], MATCH_NAME);
	assert_ptr_equal(ct->prior[info->index], named(o13, "信息中心"));
	assert_int_equal(ct->counts.by_code, 0);
	/* Unnamed rows: first with first, second with second; the third is new. */
	const struct table *t9 = &cur->tables[1], *o9 = &old->tables[1];
	ct = compare_table(&c, t9);
	const struct row *a = t9->sides[0].rows;
	assert_int_equal(ct->how[a->index], MATCH_POSITION);
	assert_ptr_equal(ct->prior[a->index], o9->sides[0].rows);
	assert_int_equal(ct->how[a->next->index], MATCH_POSITION);
	assert_ptr_equal(ct->prior[a->next->index], o9->sides[0].rows->next);
	assert_int_equal(ct->how[a->next->next->index], MATCH_NONE);
	assert_int_equal(ct->counts.by_position, 2);
	assert_int_equal(ct->counts.added, 1);
	const struct table *d = derive(&c, t9, NULL);
	const struct row *x = d->sides[0].rows;
	assert_int_equal(compare_derived_row(x)->how, MATCH_POSITION);
	assert_string_equal(text(x, "note"), "by position");
	assert_int_equal(num(x, "prior"), 400);
	assert_int_equal(num(x, "change"), 100);
	assert_string_equal(text(x->next->next, "note"), "new");
	/* Another column, by key. */
	d = derive(&c, t9, "abroad");
	x = d->sides[0].rows;
	assert_int_equal(num(x->next, "cur"), 200);
	assert_int_equal(num(x->next, "prior"), 100);
	assert_int_equal(num(x->next, "rate"), 10000);
	release(&c);
	model_free(old);
	model_free(cur);
}

/* The procurement case: the same labels (专项会议 / 会议费, 会议服务) under
 * two parents pair each with its own parent's row, never across. */
static const char procurement_cur[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成2020}\n"
	"tables:\n"
	"  - id: t12\n"
	"    label: 表12\n"
	"    title: 采购\n"
	"    kind: procurement\n"
	"    labels:\n"
	"      - {key: category, title: 品目}\n"
	"      - {key: project, title: 专项}\n"
	"      - {key: econ, title: 科目}\n"
	"      - {key: item, title: 物品}\n"
	"    nest: labels\n"
	"    columns: [{key: total, title: 总计, type: amount}]\n"
	"    rows:\n"
	"      - id: total\n"
	"        labels: [合计, ~, ~, ~]\n"
	"        values: [100.00]\n"
	"        children:\n"
	"          - {id: goods, labels: [一、货物A, ~, ~, ~], values: [30.00]}\n"
	"          - {labels: [~, 专项会议, 会议费, ~], values: [30.00]}\n"
	"          - {labels: [~, ~, ~, 印刷品], values: [30.00]}\n"
	"          - {id: services, labels: [三、服务C, ~, ~, ~], values: [70.00]}\n"
	"          - {labels: [~, 业务经费, 培训费, ~], values: [20.00]}\n"
	"          - {labels: [~, ~, ~, 会议服务], values: [20.00]}\n"
	"          - {labels: [~, 专项会议, 会议费, ~], values: [50.00]}\n"
	"          - {labels: [~, ~, ~, 会议服务], values: [50.00]}\n";

static const char procurement_old[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成2019}\n"
	"tables:\n"
	"  - id: t12\n"
	"    label: 表12\n"
	"    title: 采购\n"
	"    kind: procurement\n"
	"    labels:\n"
	"      - {key: category, title: 品目}\n"
	"      - {key: project, title: 专项}\n"
	"      - {key: econ, title: 科目}\n"
	"      - {key: item, title: 物品}\n"
	"    nest: labels\n"
	"    columns: [{key: total, title: 总计, type: amount}]\n"
	"    rows:\n"
	"      - id: total\n"
	"        labels: [合计, ~, ~, ~]\n"
	"        values: [90.00]\n"
	"        children:\n"
	"          - {id: goods, labels: [一、货物A, ~, ~, ~], values: [25.00]}\n"
	"          - {labels: [~, 专项会议, 会议费, ~], values: [25.00]}\n"
	"          - {labels: [~, ~, ~, 印刷品], values: [15.00]}\n"
	"          - {labels: [~, ~, ~, 其他货物], values: [10.00]}\n"
	"          - {id: services, labels: [三、服务C, ~, ~, ~], values: [65.00]}\n"
	"          - {labels: [~, 专项会议, 会议费, ~], values: [45.00]}\n"
	"          - {labels: [~, ~, ~, 会议服务], values: [45.00]}\n"
	"          - {labels: [~, 业务经费, 培训费, ~], values: [20.00]}\n"
	"          - {labels: [~, ~, ~, 会议服务], values: [20.00]}\n";

/* Every derived row with both years: its parent's pair is its prior's
 * parent, and its labels are the same.  Returns how many pairs. */
static size_t pairs_within_parents(const struct table *d)
{
	size_t n = 0;
	for (size_t s = 0; s < d->nsides; s++)
		for (const struct row *x = d->sides[s].rows; x; x = model_next_row(x)) {
			const struct derived_row *dr = compare_derived_row(x);
			if (!dr->cur || !dr->prior)
				continue;
			n++;
			assert_false(dr->moved);
			if (!x->parent) {
				assert_null(dr->cur->parent);
				assert_null(dr->prior->parent);
			} else {
				const struct derived_row *pr = compare_derived_row(x->parent);
				assert_ptr_equal(pr->cur, dr->cur->parent);
				assert_ptr_equal(pr->prior, dr->prior->parent);
			}
			const struct side *cs = dr->cur->side, *ps = dr->prior->side;
			assert_int_equal(cs->nlabels, ps->nlabels);
			for (size_t i = 0; i < cs->nlabels; i++) {
				const char *a = dr->cur->labels[i], *b = dr->prior->labels[i];
				if (!a || !b)
					assert_true(a == b);
				else
					assert_string_equal(a, b);
			}
		}
	return n;
}

static void test_rows_same_labels_two_parents(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", procurement_cur);
	struct document *old = fixture_text_ok("before.yaml", procurement_old);
	struct comparison c;
	build(&c, cur, old);
	const struct table *t = &cur->tables[0];
	const struct cmp_table *ct = compare_table(&c, t);
	const struct row *goods = row_id(cur, "t12", "goods"), *services = row_id(cur, "t12", "services");
	const struct row *ogoods = row_id(old, "t12", "goods"), *oservices = row_id(old, "t12", "services");
	/* 专项会议 · 会议费 under 货物, and under 服务. */
	const struct row *g = goods->child, *s = services->child->next;
	assert_string_equal(model_row_name(s), "会议费");
	assert_ptr_equal(ct->prior[g->index], ogoods->child);
	assert_ptr_equal(ct->prior[s->index], oservices->child);
	assert_int_equal(ct->how[s->index], MATCH_NAME);
	/* 会议服务 under each 会议费 / 培训费. */
	assert_ptr_equal(ct->prior[s->child->index], oservices->child->child);
	assert_ptr_equal(ct->prior[services->child->child->index], oservices->child->next->child);
	const struct table *d = derive(&c, t, NULL);
	assert_int_equal(pairs_within_parents(d), 9);
	/* 其他货物 dropped, in place after 印刷品. */
	expect_outline(&d->sides[0], "合计 .一、货物A ..专项会议 · 会议费 ...印刷品 ...其他货物- "
		       ".三、服务C ..业务经费 · 培训费 ...会议服务 ..专项会议 · 会议费 ...会议服务");
	release(&c);
	model_free(old);
	model_free(cur);
}

/* ---- the derived table ------------------------------------------------------------- */

static void test_derive_columns_and_values(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", tree_cur);
	struct document *old = fixture_text_ok("before.yaml", tree_old);
	struct comparison c;
	build(&c, cur, old);
	const struct table *base = &cur->tables[0];
	const struct table *d = derive(&c, base, NULL);
	/* No figures: no stated columns; new and dropped rows: a note. */
	expect_keys(&d->sides[0], "cur prior change rate note");
	const struct side *s = &d->sides[0];
	assert_string_equal(s->columns[0].title, "This year");
	assert_string_equal(s->columns[1].title, "Prior year");
	assert_string_equal(s->columns[2].title, "Change");
	assert_string_equal(s->columns[3].title, "Rate");
	assert_string_equal(s->columns[4].title, "Note");
	assert_int_equal(s->columns[3].type, COL_RATE);
	assert_int_equal(s->columns[4].type, COL_TEXT);
	assert_true(s->columns[2].sign);
	/* The compared column's heading spans the figures. */
	assert_int_equal(s->columns[0].ngroup, 1);
	assert_string_equal(s->columns[0].group[0], "金额");
	assert_string_equal(d->title, "功能表  (against the prior year: 金额)");
	assert_string_equal(d->meta, "  Prior year: before.yaml (2019)");
	assert_string_equal(d->label, "表1");
	assert_ptr_equal(compare_derivation(d)->cmp, &c);
	assert_ptr_equal(compare_derivation(d)->pair, compare_table(&c, base));
	assert_int_equal(compare_derivation(d)->column[0], 0);
	assert_null(compare_derivation(base));
	/* Built once: the same table for the same column. */
	assert_ptr_equal(compare_derive(&c, base, NULL), d);
	assert_ptr_equal(d->total, derived_of(d, row_id(cur, "t1", "total")));

	const struct row *x = derived_of(d, row_id(cur, "t1", "total"));
	assert_int_equal(num(x, "cur"), 10000);
	assert_int_equal(num(x, "prior"), 8300);
	assert_int_equal(num(x, "change"), 1700);
	assert_int_equal(num(x, "rate"), 2048);		/* 17 / 83 = 20.48% */
	x = derived_of(d, row_code(cur, "t1", "201"));
	assert_int_equal(num(x, "change"), -1000);
	assert_int_equal(num(x, "rate"), -1429);
	/* A blank prior cell shows blank and counts as nothing: no rate. */
	x = derived_of(d, row_code(cur, "t1", "20101"));
	assert_int_equal(num(x, "prior"), CELL_BLANK);
	assert_int_equal(num(x, "change"), 1000);
	assert_int_equal(num(x, "rate"), CELL_ABSENT);
	/* A zero prior: a change, no rate. */
	x = derived_of(d, row_code(cur, "t1", "20102"));
	assert_int_equal(num(x, "prior"), 0);
	assert_int_equal(num(x, "change"), 2000);
	assert_int_equal(num(x, "rate"), CELL_ABSENT);
	/* Blank in both years: nothing to show. */
	x = derived_of(d, row_code(cur, "t1", "20106"));
	assert_int_equal(num(x, "cur"), CELL_BLANK);
	assert_int_equal(num(x, "prior"), CELL_BLANK);
	assert_int_equal(num(x, "change"), CELL_BLANK);
	assert_int_equal(num(x, "rate"), CELL_BLANK);
	/* New: no prior year at all, shown as absent (—), not as zero. */
	x = derived_of(d, named(base, "新类"));
	assert_int_equal(num(x, "cur"), 1000);
	assert_int_equal(num(x, "prior"), CELL_ABSENT);
	assert_int_equal(num(x, "change"), CELL_ABSENT);
	assert_int_equal(num(x, "rate"), CELL_ABSENT);
	assert_string_equal(text(x, "note"), "new");
	assert_int_equal(compare_derived_row(x)->how, MATCH_NONE);
	assert_null(compare_derived_row(x)->prior);
	/* Dropped: last year only. */
	x = derived_of(d, row_code(old, "t1", "20103"));
	assert_int_equal(num(x, "cur"), CELL_ABSENT);
	assert_int_equal(num(x, "prior"), 700);
	assert_int_equal(num(x, "change"), CELL_ABSENT);
	assert_string_equal(text(x, "note"), "dropped");
	assert_null(compare_derived_row(x)->cur);
	release(&c);
	model_free(old);
	model_free(cur);
}

/* Dropped rows stand under their former parent's counterpart, after their
 * nearest earlier sibling (first when none); a dropped parent keeps its
 * dropped children. */
static void test_derive_dropped_in_place(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", tree_cur);
	struct document *old = fixture_text_ok("before.yaml", tree_old);
	struct comparison c;
	build(&c, cur, old);
	const struct table *d = derive(&c, &cur->tables[0], NULL);
	expect_outline(&d->sides[0], "合计 .一、一般公共服务支出 ..人大事务 ..（一）政协 事务 "
		       "..政府办公厅- ..改名事务 ..空项 ..其他 .教育支出 ..教育管理- ..进修及培训 "
		       ".行政运行- .旧类- ..旧项- .新类+ ..行政运行+");
	const struct row *x = derived_of(d, named(&old->tables[0], "旧项"));
	assert_ptr_equal(x->parent, derived_of(d, named(&old->tables[0], "旧类")));
	assert_int_equal(d->nall, 16);
	struct sbuf b = { 0 };
	compare_table_summary(d, &b);
	assert_string_equal(b.s, "7 rows matched by code, 1 by id, 1 by name, 0 by position, "
			    "2 new, 5 dropped");
	sbuf_free(&b);
	release(&c);
	model_free(old);
	model_free(cur);
}

/* Printed lines of two-sided tables, this year and last.  表1: 旧项 stood
 * on line 5 last year, between 甲 (1) and 支出合计 (6); this year 支出合计
 * is on line 2, beside 收入合计.  表2: 前项 was first (line 1, 合计 now
 * is on 1); 旧尾 followed 合计's subtree (its last row, 子二, is on 3
 * now) on line 8, and 尾 is on 4; the other side did not change. */
static const char lines_cur[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成2020}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 收支\n"
	"    kind: summary\n"
	"    sides:\n"
	"      - {id: a, title: 收入, name_title: 项目,\n"
	"         columns: [{key: v, title: 金额, type: amount}],\n"
	"         rows: [{name: 收入合计, line: 2, values: [1.00]}]}\n"
	"      - {id: b, title: 支出, name_title: 项目,\n"
	"         columns: [{key: v, title: 金额, type: amount}],\n"
	"         rows: [{name: 甲, line: 1, values: [0.00]},\n"
	"                {name: 支出合计, line: 2, values: [1.00]}]}\n"
	"  - id: t2\n"
	"    label: 表2\n"
	"    title: 树\n"
	"    kind: summary\n"
	"    sides:\n"
	"      - id: a\n"
	"        title: 收入\n"
	"        name_title: 项目\n"
	"        columns: [{key: v, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - name: 合计\n"
	"            line: 1\n"
	"            values: [3.00]\n"
	"            children:\n"
	"              - {name: 子一, line: 2, values: [1.00]}\n"
	"              - {name: 子二, line: 3, values: [2.00]}\n"
	"          - {name: 尾, line: 4, values: [4.00]}\n"
	"      - {id: b, title: 支出, name_title: 项目,\n"
	"         columns: [{key: v, title: 金额, type: amount}],\n"
	"         rows: [{name: 乙, line: 1, values: [5.00]},\n"
	"                {name: 丙, line: 4, values: [6.00]}]}\n";

static const char lines_old[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成2019}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 收支\n"
	"    kind: summary\n"
	"    sides:\n"
	"      - {id: a, title: 收入, name_title: 项目,\n"
	"         columns: [{key: v, title: 金额, type: amount}],\n"
	"         rows: [{name: 收入合计, line: 2, values: [1.00]}]}\n"
	"      - {id: b, title: 支出, name_title: 项目,\n"
	"         columns: [{key: v, title: 金额, type: amount}],\n"
	"         rows: [{name: 甲, line: 1, values: [0.00]},\n"
	"                {name: 旧项, line: 5, values: [1.00]},\n"
	"                {name: 支出合计, line: 6, values: [1.00]}]}\n"
	"  - id: t2\n"
	"    label: 表2\n"
	"    title: 树\n"
	"    kind: summary\n"
	"    sides:\n"
	"      - id: a\n"
	"        title: 收入\n"
	"        name_title: 项目\n"
	"        columns: [{key: v, title: 金额, type: amount}]\n"
	"        rows:\n"
	"          - {name: 前项, line: 1, values: [9.00]}\n"
	"          - name: 合计\n"
	"            line: 2\n"
	"            values: [3.00]\n"
	"            children:\n"
	"              - {name: 子一, line: 3, values: [1.00]}\n"
	"              - {name: 子二, line: 4, values: [2.00]}\n"
	"          - {name: 旧尾, line: 8, values: [7.00]}\n"
	"          - {name: 尾, line: 9, values: [4.00]}\n"
	"      - {id: b, title: 支出, name_title: 项目,\n"
	"         columns: [{key: v, title: 金额, type: amount}],\n"
	"         rows: [{name: 乙, line: 1, values: [5.00]},\n"
	"                {name: 丙, line: 4, values: [6.00]}]}\n";

/* The printed line of the first line of ls holding s, or -1. */
static long line_with(const struct lines *ls, const char *s)
{
	for (size_t i = 0; i < ls->n; i++)
		if (strstr(ls->v[i].text, s))
			return (long)i;
	return -1;
}

/* A dropped row takes a printed line that keeps its side's lines in order
 * (its own when that does, else the line of the row it follows), so the
 * rows this year puts on one line still share it. */
static void test_derive_dropped_keeps_lines(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", lines_cur);
	struct document *old = fixture_text_ok("before.yaml", lines_old);
	struct comparison c;
	build(&c, cur, old);
	for (size_t i = 0; i < cur->ntables; i++) {
		const struct table *d = derive(&c, &cur->tables[i], NULL);
		for (size_t s = 0; s < d->nsides; s++) {
			int last = -1;
			for (const struct row *x = d->sides[s].rows; x; x = model_next_row(x)) {
				if (x->print_line < last)
					fail_msg("%s side %zu: %s on line %d after line %d", d->label, s,
						 model_row_name(x), x->print_line, last);
				last = x->print_line;
			}
		}
	}
	const struct table *d1 = derive(&c, &cur->tables[0], NULL);
	const struct table *o1 = &old->tables[0];
	assert_int_equal(derived_of(d1, named(o1, "旧项"))->print_line,
			 derived_of(d1, named(&cur->tables[0], "甲"))->print_line);
	struct lines ls = { 0 };
	render_table(d1, 0, &ls);
	long total = line_with(&ls, "收入合计");
	assert_true(total > 0);
	assert_non_null(strstr(ls.v[total].text, "支出合计"));
	assert_int_equal(line_with(&ls, "旧项"), line_with(&ls, "甲") + 1);
	assert_int_equal(total, line_with(&ls, "旧项") + 1);
	lines_free(&ls);

	const struct table *d2 = derive(&c, &cur->tables[1], NULL);
	render_table(d2, 0, &ls);
	/* 前项 before all (合计 | 乙 stay together), 旧尾 after 子二, and
	 * 尾 | 丙 together. */
	long first = line_with(&ls, "前项"), top = line_with(&ls, "合计");
	assert_true(first > 0);
	assert_int_equal(top, first + 1);
	assert_non_null(strstr(ls.v[top].text, "乙"));
	assert_int_equal(line_with(&ls, "旧尾"), line_with(&ls, "子二") + 1);
	long tail = line_with(&ls, "旧尾") + 1;
	assert_true(tail > 0 && (size_t)tail < ls.n);
	assert_true(!strncmp(ls.v[tail].text, "尾 ", strlen("尾 ")));
	assert_non_null(strstr(ls.v[tail].text, "丙"));
	lines_free(&ls);
	release(&c);
	model_free(old);
	model_free(cur);
}

/* The Note column only when some row has a note. */
static void test_derive_no_note(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", tables_cur);
	struct document *old = fixture_text_ok("before.yaml", tables_old);
	struct comparison c;
	build(&c, cur, old);
	const struct table *d = derive(&c, &cur->tables[0], NULL);
	expect_keys(&d->sides[0], "cur prior change rate");
	assert_int_equal(model_column_index(&d->sides[0], "note"), -1);
	d = derive(&c, &cur->tables[2], NULL);
	expect_keys(&d->sides[0], "cur prior change rate note");
	release(&c);
	model_free(old);
	model_free(cur);
}

/* ---- stated figures ------------------------------------------------------------------- */

/* more: figures besides those of stated_cur. */
#define STATED_CUR(more) \
	"schema: 2\n" \
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成2020}\n" \
	"narrative:\n" \
	"  - title: 说明\n" \
	"    figures:\n" \
	"      - {id: f_total, label: 合计, value: 130.00, change: 30.00, rate: \"30%\",\n" \
	"         ref: {table: t1, row: total}}\n" \
	"      - {id: f_a, label: 甲, change: -5.00, rate: \"-8%\", ref: {table: t1, row: a}}\n" \
	"      - {id: f_b, label: 乙, value: 50.00, prior: 49.00, ref: {table: t1, row: b}}\n" \
	"      - {id: f_d, label: 丁, change: 1.00, ref: {table: t1, row: d}}\n" \
	"      - {id: f_e, label: 戊, value: 10.00, rate: \"20%\", ref: {table: t1, row: e}}\n" \
	"      - {id: f_basic, label: 基本, change: 1.00, ref: {table: t2, row: total, column: basic}}\n" \
	more \
	"tables:\n" \
	"  - id: t1\n" \
	"    label: 表1\n" \
	"    title: 汇总\n" \
	"    kind: summary\n" \
	"    name_title: 项目\n" \
	"    columns: [{key: amount, title: 金额, type: amount}]\n" \
	"    rows:\n" \
	"      - id: total\n" \
	"        name: 合计\n" \
	"        values: [130.00]\n" \
	"        children:\n" \
	"          - {id: a, name: 甲, values: [60.00]}\n" \
	"          - {id: b, name: 乙, values: [50.00]}\n" \
	"          - {id: d, name: 丁, values: [10.00]}\n" \
	"          - {id: e, name: 戊, values: [10.00]}\n" \
	"  - id: t2\n" \
	"    label: 表2\n" \
	"    title: 分列\n" \
	"    kind: split\n" \
	"    name_title: 项目\n" \
	"    columns:\n" \
	"      - {key: total, title: 合计, type: amount}\n" \
	"      - {key: basic, title: 基本支出, type: amount}\n" \
	"    rows:\n" \
	"      - {id: total, name: 合计, values: [10.00, 4.00]}\n" \
	"  - id: t3\n" \
	"    label: 表3\n" \
	"    title: 文字\n" \
	"    kind: words\n" \
	"    name_title: 项目\n" \
	"    columns: [{key: what, title: 说明, type: text}]\n" \
	"    rows:\n" \
	"      - {name: 甲, values: [无]}\n"

static const char stated_cur[] = STATED_CUR("");

static const char stated_old[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成2019}\n"
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
	"          - {id: a, name: 甲, values: [65.00]}\n"
	"          - {id: b, name: 乙, values: [19.00]}\n"
	"          - {id: d, name: 丁, values: [8.00]}\n"
	"          - {id: e, name: 戊, values: [8.00]}\n"
	"  - id: t2\n"
	"    label: 表2\n"
	"    title: 分列\n"
	"    kind: split\n"
	"    name_title: 项目\n"
	"    columns:\n"
	"      - {key: total, title: 合计, type: amount}\n"
	"      - {key: basic, title: 基本支出, type: amount}\n"
	"    rows:\n"
	"      - {id: total, name: 合计, values: [9.00, 3.00]}\n";

/* With no prior file, the prior year is what the document states: a
 * figure's prior, or its value (else its cell) less its change. */
static void test_stated_mode(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", stated_cur);
	struct comparison c;
	build(&c, cur, NULL);
	assert_null(c.old);
	const struct table *t1 = &cur->tables[0];
	const struct cmp_table *ct = compare_table(&c, t1);
	amount_t prior, change;
	int64_t rate;
	bool has_rate;
	assert_true(compare_prior(&c, row_id(cur, "t1", "total"), 0, &prior));
	assert_int_equal(prior, 10000);		/* 130 - 30 */
	assert_true(compare_prior(&c, row_id(cur, "t1", "a"), 0, &prior));
	assert_int_equal(prior, 6500);		/* the cell's 60 + 5 */
	assert_true(compare_prior(&c, row_id(cur, "t1", "b"), 0, &prior));
	assert_int_equal(prior, 4900);		/* stated */
	assert_true(compare_change(&c, row_id(cur, "t1", "b"), 0, &change, &rate, &has_rate));
	assert_int_equal(change, 100);
	assert_true(has_rate);
	assert_int_equal(rate, 204);		/* 1 / 49 = 2.04% */
	/* A rate alone tells no prior year. */
	assert_false(compare_prior(&c, row_id(cur, "t1", "e"), 0, &prior));
	assert_false(compare_change(&c, row_id(cur, "t1", "e"), 0, &change, &rate, &has_rate));
	assert_int_equal(ct->how[row_id(cur, "t1", "total")->index], MATCH_STATED);
	assert_int_equal(ct->how[row_id(cur, "t1", "e")->index], MATCH_NONE);
	assert_int_equal(ct->counts.stated, 4);		/* total a b d */
	assert_int_equal(ct->counts.added, 0);		/* nothing is new without a file */

	const struct table *d = derive(&c, t1, NULL);
	/* The stated change is the prior year here: only the rate is shown. */
	expect_keys(&d->sides[0], "cur prior change rate stated_rate");
	assert_string_equal(d->meta, "  Prior year: as this document states it");
	const struct row *x = derived_of(d, row_id(cur, "t1", "a"));
	assert_int_equal(num(x, "prior"), 6500);
	assert_int_equal(num(x, "change"), -500);
	assert_int_equal(num(x, "rate"), -769);
	assert_string_equal(text(x, "stated_rate"), "-8%");
	assert_int_equal(compare_derived_row(x)->how, MATCH_STATED);
	assert_ptr_equal(compare_derived_row(x)->stated, model_find_figure(cur, "f_a"));
	assert_false(compare_derived_row(x)->differs);	/* -7.69% is -8% as printed */
	x = derived_of(d, row_id(cur, "t1", "e"));
	assert_int_equal(num(x, "prior"), CELL_ABSENT);
	assert_string_equal(text(x, "stated_rate"), "20%");
	assert_int_equal(compare_derivation(d)->nstated, 4);
	struct sbuf b = { 0 };
	compare_table_summary(d, &b);
	assert_string_equal(b.s, "4 rows with a stated prior-year figure");
	sbuf_clear(&b);
	compare_summary(&c, &c.counts, &b);
	assert_string_equal(b.s, "5 rows with a stated prior-year figure");	/* and t2 */
	sbuf_clear(&b);
	/* t2 is compared in basic, the one column with a stated change. */
	const struct table *d2 = derive(&c, &cur->tables[1], NULL);
	assert_int_equal(compare_derivation(d2)->column[0], 1);
	assert_int_equal(num(d2->sides[0].rows, "prior"), 300);
	assert_int_equal(compare_derivation(d2)->nstated, 1);
	/* In the main column nothing is stated. */
	const struct table *d3 = derive(&c, &cur->tables[1], "total");
	assert_int_equal(compare_derivation(d3)->column[0], 0);
	assert_int_equal(num(d3->sides[0].rows, "prior"), CELL_ABSENT);
	assert_int_equal(compare_derivation(d3)->nstated, 0);
	compare_table_summary(d3, &b);
	assert_string_equal(b.s, "0 rows with a stated prior-year figure");
	sbuf_free(&b);
	release(&c);
	model_free(cur);
}

/* With a prior file, the stated change and rate stand beside the computed
 * ones; where they differ at the places printed, the row says so. */
static void test_stated_beside_computed(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", stated_cur);
	struct document *old = fixture_text_ok("before.yaml", stated_old);
	struct comparison c;
	build(&c, cur, old);
	const struct table *d = derive(&c, &cur->tables[0], NULL);
	expect_keys(&d->sides[0], "cur prior change rate stated_change stated_rate note");
	const struct side *s = &d->sides[0];
	assert_string_equal(s->columns[4].title, "Stated change");
	assert_string_equal(s->columns[5].title, "Stated rate");
	/* 合计: 30.00 and 30% as computed. */
	const struct row *x = derived_of(d, row_id(cur, "t1", "total"));
	assert_int_equal(num(x, "stated_change"), 3000);
	assert_string_equal(text(x, "stated_rate"), "30%");
	assert_false(compare_derived_row(x)->differs);
	assert_null(text(x, "note"));
	/* 甲: -5.00 and -8% against -7.69%: the same as printed. */
	x = derived_of(d, row_id(cur, "t1", "a"));
	assert_int_equal(num(x, "change"), -500);
	assert_false(compare_derived_row(x)->differs);
	/* 乙 states a prior year, no change: nothing beside. */
	x = derived_of(d, row_id(cur, "t1", "b"));
	assert_int_equal(num(x, "prior"), 1900);	/* the file's, not the stated 49 */
	assert_int_equal(num(x, "stated_change"), CELL_BLANK);
	assert_null(text(x, "stated_rate"));
	/* 丁: a stated change of 1.00 against 2.00 computed. */
	x = derived_of(d, row_id(cur, "t1", "d"));
	assert_int_equal(num(x, "change"), 200);
	assert_int_equal(num(x, "stated_change"), 100);
	assert_true(compare_derived_row(x)->differs);
	assert_string_equal(text(x, "note"), "≠ stated");
	/* 戊: a stated 20% against 25% computed. */
	x = derived_of(d, row_id(cur, "t1", "e"));
	assert_int_equal(num(x, "rate"), 2500);
	assert_true(compare_derived_row(x)->differs);
	assert_string_equal(text(x, "note"), "≠ stated");
	/* In file mode rows are paired, not stated. */
	assert_int_equal(compare_derived_row(x)->how, MATCH_ID);
	assert_int_equal(compare_derivation(d)->nstated, 4);	/* total a b d */
	/* t2 in basic: a stated change, no stated rate. */
	const struct table *d2 = derive(&c, &cur->tables[1], NULL);
	expect_keys(&d2->sides[0], "cur prior change rate stated_change");
	assert_string_equal(d2->title, "分列  (against the prior year: 基本支出)");
	assert_int_equal(num(d2->sides[0].rows, "prior"), 300);
	assert_int_equal(num(d2->sides[0].rows, "stated_change"), 100);
	assert_false(compare_derived_row(d2->sides[0].rows)->differs);
	/* In the main column: no stated columns. */
	const struct table *d3 = derive(&c, &cur->tables[1], "total");
	assert_true(d3 != d2);
	expect_keys(&d3->sides[0], "cur prior change rate");
	assert_string_equal(d3->title, "分列  (against the prior year: 合计)");
	assert_int_equal(num(d3->sides[0].rows, "change"), 100);
	assert_int_equal(num(d3->sides[0].rows, "rate"), 1111);
	/* A column the side lacks: its default. */
	assert_int_equal(compare_derivation(derive(&c, &cur->tables[1], "nothing"))->column[0], 1);
	release(&c);
	model_free(old);
	model_free(cur);
}

/* Synthetic documents (made up for these tests): a rate of 29.4951% is
 * stated "29%" on row x, and wrongly "30%" on row y; in stated mode, row
 * b has a figure with a rate and no prior before the one that gives its
 * prior; row c has only a change that is not comparable. */
static const char once_cur[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2020, unit: 万元, title: 合成2020}\n"
	"narrative:\n"
	"  - title: 说明\n"
	"    figures:\n"
	"      - {id: fx, label: 甲, value: 12949.51, change: 2949.51, rate: \"29%\",\n"
	"         ref: {table: t1, row: x}}\n"
	"      - {id: fy, label: 乙, value: 12949.51, rate: \"30%\", ref: {table: t1, row: y}}\n"
	"      - {id: r, label: 丙, value: 60.00, rate: \"20%\", ref: {table: t1, row: b}}\n"
	"      - {id: p, label: 丙, value: 60.00, prior: 50.00, ref: {table: t1, row: b}}\n"
	"      - {id: nc, label: 丁, change: 3.00, comparable: false, ref: {table: t1, row: c}}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: x, name: 甲, values: [12949.51]}\n"
	"      - {id: y, name: 乙, values: [12949.51]}\n"
	"      - {id: b, name: 丙, values: [60.00]}\n"
	"      - {id: c, name: 丁, values: [10.00]}\n";

static const char once_old[] =
	"schema: 2\n"
	"document: {department: 测试局, year: 2019, unit: 万元, title: 合成2019}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 汇总\n"
	"    kind: summary\n"
	"    name_title: 项目\n"
	"    columns: [{key: amount, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {id: x, name: 甲, values: [10000.00]}\n"
	"      - {id: y, name: 乙, values: [10000.00]}\n"
	"      - {id: b, name: 丙, values: [50.00]}\n"
	"      - {id: c, name: 丁, values: [8.00]}\n";

/* A stated rate differs only when the rate rounded once to its places
 * does: 2949.51 on 10000.00 is 29% (though 29.50% at two places). */
static void test_stated_rate_rounded_once(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", once_cur);
	struct document *old = fixture_text_ok("before.yaml", once_old);
	struct comparison c;
	build(&c, cur, old);
	const struct table *d = derive(&c, &cur->tables[0], NULL);
	const struct row *x = derived_of(d, row_id(cur, "t1", "x"));
	assert_int_equal(num(x, "prior"), 1000000);
	assert_int_equal(num(x, "change"), 294951);
	assert_int_equal(num(x, "rate"), 2950);
	assert_string_equal(text(x, "stated_rate"), "29%");
	assert_false(compare_derived_row(x)->differs);
	x = derived_of(d, row_id(cur, "t1", "y"));
	assert_string_equal(text(x, "stated_rate"), "30%");
	assert_true(compare_derived_row(x)->differs);
	assert_string_equal(text(x, "note"), "≠ stated");
	release(&c);
	/* In stated mode too: the prior year is the value less the change. */
	build(&c, cur, NULL);
	d = derive(&c, &cur->tables[0], NULL);
	x = derived_of(d, row_id(cur, "t1", "x"));
	assert_int_equal(num(x, "prior"), 1000000);
	assert_false(compare_derived_row(x)->differs);
	release(&c);
	model_free(old);
	model_free(cur);
}

/* With no prior file, a cell's prior year comes from the first figure on
 * it that gives one, not merely the first figure. */
static void test_stated_picks_prior(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", once_cur);
	struct comparison c;
	build(&c, cur, NULL);
	const struct row *b = row_id(cur, "t1", "b");
	amount_t prior;
	assert_true(compare_prior(&c, b, 0, &prior));
	assert_int_equal(prior, 5000);
	amount_t change;
	int64_t rate;
	bool has_rate;
	assert_true(compare_change(&c, b, 0, &change, &rate, &has_rate));
	assert_int_equal(change, 1000);
	assert_int_equal(rate, 2000);
	assert_int_equal(compare_table(&c, &cur->tables[0])->how[b->index], MATCH_STATED);
	const struct table *d = derive(&c, &cur->tables[0], NULL);
	const struct row *x = derived_of(d, b);
	assert_int_equal(num(x, "prior"), 5000);
	assert_ptr_equal(compare_derived_row(x)->stated, model_find_figure(cur, "p"));
	/* A change that is not comparable gives no prior year. */
	assert_false(compare_prior(&c, row_id(cur, "t1", "c"), 0, &prior));
	release(&c);
	model_free(cur);
}

/* Only figures that give a prior year count as stated rows: not a change
 * that is not comparable, nor a rate alone. */
static void test_stated_count(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", once_cur);
	struct comparison c;
	build(&c, cur, NULL);
	const struct table *d = derive(&c, &cur->tables[0], NULL);
	/* x (a change) and b (a prior); not y (a rate), not c. */
	assert_int_equal(compare_derivation(d)->nstated, 2);
	assert_ptr_equal(compare_derived_row(derived_of(d, row_id(cur, "t1", "c")))->stated,
			 model_find_figure(cur, "nc"));
	struct sbuf sb = { 0 };
	compare_table_summary(d, &sb);
	assert_string_equal(sb.s, "2 rows with a stated prior-year figure");
	sbuf_free(&sb);
	release(&c);
	model_free(cur);
	/* The non-comparable change alone: nothing stated (a synthetic
	 * document, made up for this test). */
	cur = fixture_text_ok("now.yaml",
		"schema: 2\n"
		"document: {department: 测试局, year: 2020, unit: 万元, title: 合成2020}\n"
		"narrative:\n"
		"  - title: 说明\n"
		"    figures:\n"
		"      - {id: nc, label: 丁, change: 3.00, comparable: false, ref: {table: t1, row: c}}\n"
		"tables:\n"
		"  - id: t1\n"
		"    label: 表1\n"
		"    title: 汇总\n"
		"    kind: summary\n"
		"    name_title: 项目\n"
		"    columns: [{key: amount, title: 金额, type: amount}]\n"
		"    rows:\n"
		"      - {id: c, name: 丁, values: [10.00]}\n");
	build(&c, cur, NULL);
	d = derive(&c, &cur->tables[0], NULL);
	assert_int_equal(compare_derivation(d)->nstated, 0);
	compare_table_summary(d, &sb);
	assert_string_equal(sb.s, "0 rows with a stated prior-year figure");
	sbuf_free(&sb);
	release(&c);
	model_free(cur);
}

/* The main column, unless the document states changes only in another. */
static void test_default_column(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", stated_cur);
	struct comparison c;
	build(&c, cur, NULL);
	assert_int_equal(compare_default_column(&c, &cur->tables[0].sides[0]), 0);
	assert_int_equal(compare_default_column(&c, &cur->tables[1].sides[0]), 1);
	/* No amount column at all. */
	assert_int_equal(compare_default_column(&c, &cur->tables[2].sides[0]), -1);
	const struct table *d = derive(&c, &cur->tables[2], NULL);
	assert_int_equal(compare_derivation(d)->column[0], -1);
	assert_string_equal(d->title, "文字  (against the prior year)");
	assert_int_equal(num(d->sides[0].rows, "cur"), CELL_ABSENT);
	release(&c);
	model_free(cur);
	/* Stated in the main column too: the main column. */
	cur = fixture_text_ok("now.yaml", STATED_CUR(
		"      - {id: f_main, label: 合计二, change: 1.00, ref: {table: t2, row: total}}\n"));
	build(&c, cur, NULL);
	assert_int_equal(compare_default_column(&c, &cur->tables[1].sides[0]), 0);
	release(&c);
	model_free(cur);
}

/* Which derived column holds which figure. */
static void test_column_of(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", stated_cur);
	struct document *old = fixture_text_ok("before.yaml", stated_old);
	struct comparison c;
	build(&c, cur, old);
	const struct table *d = derive(&c, &cur->tables[0], NULL);
	const struct side *s = &d->sides[0];
	assert_int_equal(compare_column_of(s, DF_CUR), 0);
	assert_int_equal(compare_column_of(s, DF_PRIOR), 1);
	assert_int_equal(compare_column_of(s, DF_CHANGE), 2);
	assert_int_equal(compare_column_of(s, DF_RATE), 3);
	/* A plain table has none. */
	assert_int_equal(compare_column_of(&cur->tables[0].sides[0], DF_CUR), -1);
	assert_int_equal(compare_column_of(&cur->tables[0].sides[0], DF_RATE), -1);
	release(&c);
	model_free(old);
	model_free(cur);
}

/* ---- summaries and figures ------------------------------------------------------------ */

static void test_summaries(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", tree_cur);
	struct document *old = fixture_text_ok("before.yaml", tree_old);
	struct comparison c;
	build(&c, cur, old);
	struct sbuf b = { 0 };
	compare_summary(&c, &c.counts, &b);
	assert_string_equal(b.s, "7 rows matched by code, 1 by id, 1 by name, 0 by position, "
			    "2 new, 5 dropped");
	sbuf_clear(&b);
	struct cmp_counts n = { 1, 2, 3, 4, 5, 6, 7 };
	compare_summary(&c, &n, &b);
	assert_string_equal(b.s, "1 rows matched by code, 2 by id, 3 by name, 4 by position, "
			    "6 new, 7 dropped");
	sbuf_clear(&b);
	msg_set_chinese(true);
	compare_summary(&c, &c.counts, &b);
	assert_string_equal(b.s, "按编码匹配 7 行，按标识 1 行，按名称 1 行，按位置 0 行，新增 2 行，"
			    "取消 5 行");
	sbuf_clear(&b);
	/* A table derived in Chinese is headed in Chinese. */
	const struct table *d = derive(&c, &cur->tables[0], NULL);
	assert_string_equal(d->sides[0].columns[0].title, "本年");
	assert_string_equal(d->sides[0].columns[3].title, "增减率");
	assert_string_equal(text(derived_of(d, named(&cur->tables[0], "新类")), "note"), "新增");
	compare_table_summary(d, &b);
	assert_string_equal(b.s, "按编码匹配 7 行，按标识 1 行，按名称 1 行，按位置 0 行，新增 2 行，"
			    "取消 5 行");
	sbuf_clear(&b);
	msg_set_chinese(false);
	release(&c);
	build(&c, cur, NULL);
	compare_summary(&c, &c.counts, &b);
	assert_string_equal(b.s, "0 rows with a stated prior-year figure");
	sbuf_clear(&b);
	msg_set_chinese(true);
	n.stated = 3;
	compare_summary(&c, &n, &b);
	assert_string_equal(b.s, "3 行有本文件所述的上年数");
	sbuf_free(&b);
	msg_set_chinese(false);
	release(&c);
	model_free(old);
	model_free(cur);
}

/* Exact change and rate against the prior file; absent is never zero. */
static void test_change_and_prior(void **state)
{
	(void)state;
	struct document *cur = fixture_text_ok("now.yaml", tree_cur);
	struct document *old = fixture_text_ok("before.yaml", tree_old);
	struct comparison c;
	build(&c, cur, old);
	amount_t prior = -1, change = -1;
	int64_t rate = -1;
	bool has_rate = true;
	const struct row *r = row_code(cur, "t1", "201");
	assert_true(compare_prior(&c, r, 0, &prior));
	assert_int_equal(prior, 7000);
	assert_true(compare_change(&c, r, 0, &change, &rate, &has_rate));
	assert_int_equal(change, -1000);
	assert_true(has_rate);
	assert_int_equal(rate, -1429);		/* -10 / 70 = -14.2857% */
	/* A parent compares its own amounts, not its matched children's. */
	r = row_id(cur, "t1", "total");
	assert_true(compare_change(&c, r, 0, &change, &rate, &has_rate));
	assert_int_equal(change, 1700);
	/* A blank prior cell of a row that exists: 0, so no rate. */
	r = row_code(cur, "t1", "20101");
	assert_true(compare_prior(&c, r, 0, &prior));
	assert_int_equal(prior, 0);
	assert_true(compare_change(&c, r, 0, &change, &rate, &has_rate));
	assert_int_equal(change, 1000);
	assert_false(has_rate);
	/* A blank cell this year counts as 0 too. */
	r = row_code(cur, "t1", "20106");
	assert_true(compare_change(&c, r, 0, &change, &rate, &has_rate));
	assert_int_equal(change, 0);
	assert_false(has_rate);
	/* New: none. */
	r = named(&cur->tables[0], "新类");
	assert_false(compare_prior(&c, r, 0, &prior));
	assert_false(compare_change(&c, r, 0, &change, &rate, &has_rate));
	release(&c);
	model_free(old);
	model_free(cur);
}

static void test_normalise(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "其中：（一）因公出国（境）费", "因公出国(境)费" },
		{ "其中:会议费", "会议费" },
		{ "一、一般公共服务支出", "一般公共服务支出" },
		{ "十一、其他支出", "其他支出" },
		{ "（一）政协事务", "政协事务" },
		{ "(二)人大事务", "人大事务" },
		{ "1.一般公共预算", "一般公共预算" },
		{ "2、政府性基金", "政府性基金" },
		{ "社会保障和就业支 出", "社会保障和就业支出" },
		{ "1. 公务用车购置费", "公务用车购置费" },
		{ "ＡＢＣ　１２", "ABC12" },
		{ "一般公共服务", "一般公共服务" },
		{ "2019年预算", "2019年预算" },
		{ "xcbm", "xcbm" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *n = compare_normalise(cases[i][0]);
		assert_string_equal(n, cases[i][1]);
		free(n);
	}
}

/* ---- the real pair ---------------------------------------------------------------------- */

/* 江苏省政协办公厅 2019 against 2018: in the procurement table (公开12表),
 * no row pairs with a row under another parent or of other labels. */
static void test_real_procurement(void **state)
{
	(void)state;
	struct document *cur = fixture_file_ok("data/jiangsu/zxbgt-2019.yaml");
	struct document *old = fixture_file_ok("data/jiangsu/zxbgt-2018.yaml");
	struct comparison c;
	build(&c, cur, old);
	const struct table *t12 = model_find_table(cur, "t12");
	assert_non_null(t12);
	assert_ptr_equal(compare_table(&c, t12)->old, model_find_table(old, "t12"));
	const struct table *d = derive(&c, t12, NULL);
	assert_true(pairs_within_parents(d) >= 10);
	/* Both 省政协专项会议 · 会议费 rows pair, each under its own category. */
	size_t meetings = 0;
	for (const struct row *x = d->sides[0].rows; x; x = model_next_row(x)) {
		const struct derived_row *dr = compare_derived_row(x);
		if (!dr->cur || !dr->prior || !dr->cur->labels[1] ||
		    strcmp(dr->cur->labels[1], "省政协专项会议"))
			continue;
		meetings++;
		assert_string_equal(dr->prior->parent->labels[0], dr->cur->parent->labels[0]);
	}
	assert_int_equal(meetings, 2);
	release(&c);
	model_free(old);
	model_free(cur);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, fixture_english, fixture_english)

int main(void)
{
	/* The loader keeps CJK text only under a UTF-8 locale. */
	text_init();
	msg_set_chinese(false);
	const struct CMUnitTest tests[] = {
		TEST(test_build_refuses),
		TEST(test_unit_conversion),
		TEST(test_table_units),
		TEST(test_tables_pair),
		TEST(test_sides_pair),
		TEST(test_rows_by_code_and_name),
		TEST(test_rows_repeated_codes_and_positions),
		TEST(test_rows_same_labels_two_parents),
		TEST(test_derive_columns_and_values),
		TEST(test_derive_dropped_in_place),
		TEST(test_derive_dropped_keeps_lines),
		TEST(test_derive_no_note),
		TEST(test_stated_mode),
		TEST(test_stated_beside_computed),
		TEST(test_stated_rate_rounded_once),
		TEST(test_stated_picks_prior),
		TEST(test_stated_count),
		TEST(test_default_column),
		TEST(test_column_of),
		TEST(test_summaries),
		TEST(test_change_and_prior),
		TEST(test_normalise),
		TEST(test_real_procurement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
