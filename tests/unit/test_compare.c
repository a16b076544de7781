/* Comparison with the prior year: the document's own six statements from
 * data/budget.yaml alone, and matching against the synthetic prior year in
 * tests/fixtures/prior-2019.yaml. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "report/compare.h"
#include "doc/loader.h"
#include "two_years.h"

/* The formatted change and rate of table t's row id (or code) in column 0. */
static void cells(const struct comparison *c, int t, const char *id, const char *code,
		  char *change, char *rate)
{
	char a[AMOUNT_BUFSZ], b[AMOUNT_BUFSZ];
	const struct table *tab = model_find_table(cur, t);
	const struct row *r = id ? model_find_row_id(tab, id) : model_find_code(cur, tab, code);
	assert_non_null(r);
	compare_cells(c, r, 0, a, b, change, rate);
}

static void expect(const struct comparison *c, int t, const char *id, const char *code,
		   const char *change, const char *rate)
{
	char d[AMOUNT_BUFSZ], p[AMOUNT_BUFSZ];
	cells(c, t, id, code, d, p);
	assert_string_equal(d, change);
	assert_string_equal(p, rate);
}

static void test_stated_statements_reproduced(void **state)
{
	(void)state;
	struct comparison c;
	compare_build(&c, cur, NULL);
	expect(&c, 1, "expenditure_total", NULL, "+160.81", "4.57%");
	expect(&c, 1, "income_total", NULL, "+160.81", "4.57%");
	expect(&c, 12, "sangong", NULL, "+13.47", "113.86%");
	expect(&c, 12, "abroad", NULL, "-3.00", "-100.00%");
	expect(&c, 12, "vehicles", NULL, "+16.36", "246.39%");
	expect(&c, 12, "reception", NULL, "+0.11", "5.02%");
	expect(&c, 12, "admin", NULL, "-149.98", "-49.45%");
	/* No stated prior year: shown as absent, never guessed. */
	expect(&c, 12, "vehicle_purchase", NULL, "—", "—");
	expect(&c, 6, NULL, "2010301", "—", "—");
	assert_null(c.old);
	assert_int_equal(c.counts.added, 0);
	compare_free(&c);
}

static void test_matching_against_prior_file(void **state)
{
	(void)state;
	struct comparison c;
	compare_build(&c, cur, old);
	const struct table *t3 = model_find_table(cur, 3);
	const struct cmp_table *ct = compare_table(&c, t3);
	assert_ptr_equal(ct->old, model_find_table(old, 3));
	/* Same code, older name: matched by code. */
	const struct cmp_row *r = compare_row(&c, model_find_code(cur, t3, "20805"));
	assert_int_equal(r->how, MATCH_CODE);
	/* Another code, same name: matched by name, and marked. */
	const struct row *xf = model_find_code(cur, t3, "2010308");
	assert_int_equal(compare_row(&c, xf)->how, MATCH_NAME);
	assert_string_equal(compare_mark(&c, xf), "按名称");
	/* Only this year: new, and its prior is absent, not zero. */
	const struct row *sci = model_find_code(cur, t3, "206");
	assert_int_equal(compare_row(&c, sci)->how, MATCH_NONE);
	assert_false(compare_row(&c, sci)->has_prior[0]);
	assert_string_equal(compare_mark(&c, sci), "新增");
	/* Only last year: dropped. */
	assert_int_equal(ct->ndropped, 1);
	assert_string_equal(ct->dropped[0]->code, "2010302");
	assert_int_equal(ct->counts.dropped, 1);
	assert_int_equal(ct->counts.by_name, 2);	/* 总计 (no code) and 信访事务 */
	struct sbuf b = { 0 };
	compare_summary(&c, &ct->counts, false, &b);
	assert_string_equal(b.s, "9 rows matched by code, 2 by name, 10 new, 1 dropped");
	b.len = 0;
	compare_summary(&c, &ct->counts, true, &b);
	assert_string_equal(b.s, "按编码匹配 9 行，按名称 2 行，新增 10 行，取消 1 行");
	sbuf_free(&b);
	compare_free(&c);
}

static void test_rates_round_half_away_from_zero(void **state)
{
	(void)state;
	struct comparison c;
	compare_build(&c, cur, old);
	expect(&c, 3, NULL, "2010301", "+243.86", "17.13%");	/* 17.125 */
	expect(&c, 3, NULL, "2210203", "+243.58", "80.13%");	/* 80.125 */
	expect(&c, 3, NULL, "2010308", "-29.12", "-21.88%");	/* -21.875 */
	expect(&c, 3, NULL, "2080506", "+62.49", "—");		/* zero prior */
	expect(&c, 3, NULL, "2080501", "—", "—");		/* absent prior */
	compare_free(&c);
}

static void test_parent_compares_its_own_amounts(void **state)
{
	(void)state;
	struct comparison c;
	compare_build(&c, cur, old);
	/* 201's prior is its own 1700.00, not the sum of matched children. */
	expect(&c, 3, NULL, "201", "+837.30", "49.25%");
	compare_free(&c);
}

static const struct row *find_name(const struct table *t, const char *name)
{
	for (const struct row *r = t->rows; r; r = model_next_row(r))
		if (strcmp(r->name, name) == 0)
			return r;
	fail_msg("no row %s", name);
	return NULL;
}

static void test_projects_new_dropped_and_renamed(void **state)
{
	(void)state;
	struct comparison c;
	compare_build(&c, cur, old);
	const struct table *t10 = model_find_table(cur, 10);
	const struct cmp_table *ct = compare_table(&c, t10);
	assert_int_equal(ct->ndropped, 1);
	assert_string_equal(ct->dropped[0]->name, "信访宣传经费");
	const struct row *x = find_name(t10, "xcbm");
	assert_int_equal(compare_row(&c, x)->how, MATCH_NONE);
	/* "信息化运维 服务经费" in the prior file: the same normalised name. */
	const struct row *ops = find_name(t10, "信息化运维服务经费");
	char a[AMOUNT_BUFSZ], b[AMOUNT_BUFSZ], d[AMOUNT_BUFSZ], p[AMOUNT_BUFSZ];
	compare_cells(&c, ops, 0, a, b, d, p);
	assert_string_equal(b, "190.00");
	assert_string_equal(d, "-67.97");
	assert_string_equal(p, "-35.77%");
	compare_free(&c);
}

/* A synthetic document with one-row tables of kind `other`. */
static struct document *synthetic(const char *name, int year, const int *numbers, size_t n)
{
	struct sbuf b = { 0 };
	sbuf_addf(&b, "schema: 1\ndocument: {department: 合成, year: %d, unit: 万元, "
		  "title: 合成}\ntables:\n", year);
	for (size_t i = 0; i < n; i++)
		sbuf_addf(&b, "- {number: %d, title: t, kind: other, name_title: n, "
			  "columns: [{key: a, title: a, type: amount}], "
			  "rows: [{name: 甲, values: [1.00]}]}\n", numbers[i]);
	struct loader_error err;
	struct document *doc = loader_load_string(name, b.s, b.len, &err);
	sbuf_free(&b);
	assert_non_null(doc);
	return doc;
}

static void test_tables_pair_one_to_one(void **state)
{
	(void)state;
	static const int now[] = { 1, 2 }, before[] = { 5 }, unmatched[] = { 7, 8 };
	struct document *a = synthetic("now", 2020, now, 2);
	struct document *b = synthetic("before", 2019, before, 1);
	struct comparison c;
	compare_build(&c, a, b);
	/* The one prior table of the kind goes to one current table only. */
	assert_ptr_equal(c.tables[0].old, &b->tables[0]);
	assert_null(c.tables[1].old);
	assert_int_equal(c.counts.added, 1);
	assert_int_equal(c.nold_unmatched, 0);
	compare_free(&c);
	model_free(b);
	/* Two prior tables of the kind and no number in common: neither is
	 * "the only one", so both are listed as unmatched, their rows dropped. */
	b = synthetic("before", 2019, unmatched, 2);
	compare_build(&c, a, b);
	assert_null(c.tables[0].old);
	assert_int_equal(c.nold_unmatched, 2);
	assert_int_equal(c.counts.dropped, 2);
	compare_free(&c);
	model_free(b);
	model_free(a);
}

static void test_normalise(void **state)
{
	(void)state;
	const char *cases[][2] = {
		{ "其中：（一）因公出国（境）费", "因公出国(境)费" },
		{ "一、一般公共服务支出", "一般公共服务支出" },
		{ "社会保障和就业支 出", "社会保障和就业支出" },
		{ "1. 公务用车购置费", "公务用车购置费" },
		{ "ＡＢＣ　１２", "ABC12" },
		{ "xcbm", "xcbm" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *n = compare_normalise(cases[i][0]);
		assert_string_equal(n, cases[i][1]);
		free(n);
	}
}

int main(void)
{
	text_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stated_statements_reproduced),
		cmocka_unit_test(test_matching_against_prior_file),
		cmocka_unit_test(test_rates_round_half_away_from_zero),
		cmocka_unit_test(test_parent_compares_its_own_amounts),
		cmocka_unit_test(test_projects_new_dropped_and_renamed),
		cmocka_unit_test(test_tables_pair_one_to_one),
		cmocka_unit_test(test_normalise),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
