/* Sorting siblings: by amount, by change and rate against the synthetic
 * prior year, with 其中 rows kept first and ties in document order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "doc/loader.h"
#include "report/rowsort.h"
#include "two_years.h"

/* Codes (or names) of the rows at depth 1, in flattened order, joined. */
static void depth1(const struct flat *f, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].depth == 1) {
			const struct row *r = f->v[i].row;
			strncat(out, r->code ? r->code : r->name, size - strlen(out) - 2);
			strncat(out, " ", size - strlen(out) - 1);
		}
}

static void test_sort_by_amount(void **state)
{
	(void)state;
	struct rowsort s = { SORT_AMOUNT, 0, NULL };
	struct flat f = { 0 };
	char got[512];
	flatten_table_sorted(model_find_table(cur, 3), NULL, NULL, rowsort_order(&s), &s, &f);
	depth1(&f, got, sizeof got);
	assert_string_equal(got, "201 221 208 206 210 ");
	assert_int_equal(f.n, 21);	/* sorting hides nothing */
	flatten_free(&f);
}

static void test_of_which_rows_stay_first(void **state)
{
	(void)state;
	struct rowsort s = { SORT_AMOUNT, 0, NULL };
	struct flat f = { 0 };
	char got[512];
	flatten_table_sorted(model_find_table(cur, 13), NULL, NULL, rowsort_order(&s), &s, &f);
	depth1(&f, got, sizeof got);
	/* 货物类 84.88, 工程类 0.00, 服务类 564.83 are breakdowns: they keep
	 * their place ahead of the unit row, in document order. */
	assert_string_equal(got, "其中：货物类 工程类 服务类 161001 ");
	flatten_free(&f);
}

static void test_sort_by_change_and_rate(void **state)
{
	(void)state;
	struct comparison c;
	compare_build(&c, cur, old);
	struct rowsort s = { SORT_CHANGE, 0, &c };
	struct flat f = { 0 };
	char got[512];
	const struct table *t3 = model_find_table(cur, 3);
	flatten_table_sorted(t3, NULL, NULL, rowsort_order(&s), &s, &f);
	depth1(&f, got, sizeof got);
	/* |change|: 201 +837.30, 221 +148.90, 208 +98.28; then no prior. */
	assert_string_equal(got, "201 221 208 206 210 ");
	s.mode = SORT_RATE;
	flatten_table_sorted(t3, NULL, NULL, rowsort_order(&s), &s, &f);
	depth1(&f, got, sizeof got);
	/* |rate|: 201 49.25%, 208 49.14%, 221 24.82%. */
	assert_string_equal(got, "201 208 221 206 210 ");
	flatten_free(&f);
	compare_free(&c);
}

static void test_no_sort_is_document_order(void **state)
{
	(void)state;
	struct rowsort s = { SORT_NONE, 0, NULL };
	struct flat a = { 0 }, b = { 0 };
	const struct table *t = model_find_table(cur, 9);
	assert_null(rowsort_order(&s));
	flatten_table(t, NULL, NULL, &a);
	flatten_table_sorted(t, NULL, NULL, NULL, NULL, &b);
	assert_int_equal(a.n, b.n);
	for (size_t i = 0; i < a.n; i++) {
		assert_ptr_equal(a.v[i].row, b.v[i].row);
		assert_int_equal(a.v[i].depth, b.v[i].depth);
	}
	flatten_free(&a);
	flatten_free(&b);
	assert_string_equal(rowsort_name(SORT_RATE, true), "增减率");
}

int main(void)
{
	text_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_by_amount),
		cmocka_unit_test(test_of_which_rows_stay_first),
		cmocka_unit_test(test_sort_by_change_and_rate),
		cmocka_unit_test(test_no_sort_is_document_order),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
