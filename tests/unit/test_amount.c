/* test_amount.c: exact amounts and rates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "doc/amount.h"

static void parses(const char *text, amount_t want)
{
	amount_t got = -1;
	const char *why = NULL;

	if (!amount_parse(text, &got, &why))
		fail_msg("\"%s\" rejected: %s", text, why);
	if (got != want)
		fail_msg("\"%s\" gave %lld, want %lld", text, (long long)got,
			 (long long)want);
}

/* Rejected, with *out left alone and, when want_why is given, that reason. */
static void rejects(const char *text, const char *want_why)
{
	amount_t got = 12345;
	const char *why = NULL;

	if (amount_parse(text, &got, &why))
		fail_msg("\"%s\" accepted as %lld", text, (long long)got);
	assert_int_equal(got, 12345);
	assert_non_null(why);
	if (want_why)
		assert_string_equal(why, want_why);
}

static void test_parse_good(void **state)
{
	(void)state;
	parses("3676.98", 367698);
	parses("-149.98", -14998);
	parses("-3", -300);
	parses("22.1", 2210);
	parses("+0.50", 50);
	parses("0", 0);
	parses("0.00", 0);
	parses("-0", 0);
	parses("-0.00", 0);
	parses("0.05", 5);
	parses("-0.05", -5);
	parses("000123", 12300);
	parses("999999999999.99", AMOUNT_LIMIT);
	parses("-999999999999.99", -AMOUNT_LIMIT);
	parses("0000000000000999999999999.99", AMOUNT_LIMIT);
}

static void test_parse_bad(void **state)
{
	(void)state;
	rejects("", "empty");
	rejects("1.234", "more than two decimal places");
	rejects("0.001", "more than two decimal places");
	rejects("1.", "no digits after the decimal point");
	rejects(".5", "not a number");
	rejects("+", "not a number");
	rejects("-", "not a number");
	rejects("--1", "not a number");
	rejects("+-1", "not a number");
	rejects("1,234.00", "not a number");
	rejects(" 1", "not a number");
	rejects("1 ", "not a number");
	rejects("1e5", "not a number");
	rejects("0x10", "not a number");
	rejects("1.2.3", "not a number");
	rejects("1.x", "no digits after the decimal point");
	rejects("abc", "not a number");
	rejects("nan", "not a number");
	rejects("inf", "not a number");
	rejects("\xef\xbc\x91", "not a number");	/* fullwidth 1 */
	rejects("~", "not a number");
}

static void test_parse_limit(void **state)
{
	(void)state;
	rejects("1000000000000", "too large");
	rejects("1000000000000.00", "too large");
	rejects("-1000000000000", "too large");
	rejects("9999999999999", "too large");
	/* Far beyond int64_t: must stop before overflowing. */
	rejects("99999999999999999999999999999999", "too large");
	rejects("-99999999999999999999999999999999.99", "too large");
	rejects("18446744073709551616", "too large");
}

static void formats(amount_t a, const char *want)
{
	char buf[AMOUNT_BUFSZ];

	assert_string_equal(amount_format(a, buf, sizeof buf), want);
}

static void test_format(void **state)
{
	(void)state;
	formats(367698, "3676.98");
	formats(-14998, "-149.98");
	formats(0, "0.00");
	formats(5, "0.05");
	formats(-5, "-0.05");
	formats(2210, "22.10");
	formats(-300, "-3.00");
	formats(AMOUNT_LIMIT, "999999999999.99");
	formats(-AMOUNT_LIMIT, "-999999999999.99");
	/* Outside the limit but must still be exact and not overflow. */
	formats(INT64_MIN, "-92233720368547758.08");
	formats(INT64_MAX, "92233720368547758.07");
}

static void test_format_round_trip(void **state)
{
	static const amount_t values[] = {
		0, 1, -1, 9, 10, 99, 100, -100, 101, 123456, -987654321,
		AMOUNT_LIMIT, -AMOUNT_LIMIT, AMOUNT_LIMIT - 1,
	};
	char buf[AMOUNT_BUFSZ];
	amount_t back;
	const char *why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof values / sizeof values[0]; i++) {
		amount_format(values[i], buf, sizeof buf);
		assert_true(amount_parse(buf, &back, &why));
		assert_int_equal(back, values[i]);
	}
}

static void rate_parses(const char *text, int64_t want, int want_places)
{
	int64_t rate = -1;
	int places = -1;
	const char *why = NULL;

	if (!rate_parse(text, &rate, &places, &why))
		fail_msg("\"%s\" rejected: %s", text, why);
	assert_int_equal(rate, want);
	assert_int_equal(places, want_places);
}

static void rate_rejects(const char *text)
{
	int64_t rate = 777;
	int places = 7;
	const char *why = NULL;

	if (rate_parse(text, &rate, &places, &why))
		fail_msg("\"%s\" accepted as %lld", text, (long long)rate);
	assert_int_equal(rate, 777);
	assert_int_equal(places, 7);
	assert_non_null(why);
}

static void test_rate_parse(void **state)
{
	(void)state;
	rate_parses("4.57%", 457, 2);
	rate_parses("-100%", -10000, 0);
	rate_parses("113.86%", 11386, 2);
	rate_parses("113.9%", 11390, 1);
	rate_parses("0%", 0, 0);
	rate_parses("+0.5%", 50, 1);
	rate_parses("-0.05%", -5, 2);
	rate_rejects("");
	rate_rejects("%");
	rate_rejects("-%");
	rate_rejects("4.57");
	rate_rejects("4.571%");
	rate_rejects("4.57 %");
	rate_rejects("4.57%%");
	rate_rejects("%4.57");
	rate_rejects("4.%");
	rate_rejects("1000000000000%");
}

static void rate_is(amount_t num, amount_t den, int64_t want)
{
	int64_t rate = -999999;

	if (!rate_of(num, den, &rate))
		fail_msg("rate_of(%lld, %lld) failed", (long long)num,
			 (long long)den);
	if (rate != want)
		fail_msg("rate_of(%lld, %lld) = %lld, want %lld",
			 (long long)num, (long long)den, (long long)rate,
			 (long long)want);
}

static void test_rate_of(void **state)
{
	int64_t rate = 42;

	(void)state;
	rate_is(1, 8, 1250);		/* 12.5% exactly */
	rate_is(-1, 8, -1250);
	rate_is(1, 3, 3333);
	rate_is(2, 3, 6667);
	rate_is(-2, 3, -6667);
	rate_is(2, -3, -6667);
	rate_is(-2, -3, 6667);
	rate_is(1, 200000, 0);		/* 0.05 hundredths */
	rate_is(1, 20000, 1);		/* 0.5 hundredths: away from zero */
	rate_is(-1, 20000, -1);
	rate_is(1, -20000, -1);
	rate_is(3, 20000, 2);		/* 1.5 */
	rate_is(-3, 20000, -2);
	rate_is(0, 5, 0);
	rate_is(0, -5, 0);
	rate_is(16081, 351617, 457);	/* 160.81 of 3516.17: 4.57% */
	rate_is(-14998, 14998, -10000);
	rate_is(AMOUNT_LIMIT, 1, AMOUNT_LIMIT * 10000);
	rate_is(-AMOUNT_LIMIT, 1, -AMOUNT_LIMIT * 10000);
	rate_is(1, AMOUNT_LIMIT, 0);
	assert_false(rate_of(5, 0, &rate));
	assert_false(rate_of(0, 0, &rate));
	assert_int_equal(rate, 42);
}

static void test_rate_round(void **state)
{
	(void)state;
	assert_int_equal(rate_round(2915, 0), 2900);
	assert_int_equal(rate_round(2949, 0), 2900);
	assert_int_equal(rate_round(2950, 0), 3000);
	assert_int_equal(rate_round(-2950, 0), -3000);
	assert_int_equal(rate_round(-2949, 0), -2900);
	assert_int_equal(rate_round(50, 0), 100);
	assert_int_equal(rate_round(-50, 0), -100);
	assert_int_equal(rate_round(-49, 0), 0);
	assert_int_equal(rate_round(-4550, 1), -4550);
	assert_int_equal(rate_round(-4555, 1), -4560);
	assert_int_equal(rate_round(4555, 1), 4560);
	assert_int_equal(rate_round(4554, 1), 4550);
	assert_int_equal(rate_round(-4554, 1), -4550);
	assert_int_equal(rate_round(457, 2), 457);
	assert_int_equal(rate_round(-457, 2), -457);
	assert_int_equal(rate_round(0, 0), 0);
}

static void rate_formats(int64_t rate, int places, const char *want)
{
	char buf[AMOUNT_BUFSZ];

	assert_string_equal(rate_format(rate, places, buf, sizeof buf), want);
}

static void test_rate_format(void **state)
{
	(void)state;
	rate_formats(457, 2, "4.57%");
	rate_formats(-10000, 0, "-100%");
	rate_formats(11386, 2, "113.86%");
	rate_formats(-5, 2, "-0.05%");
	rate_formats(0, 2, "0.00%");
	rate_formats(0, 0, "0%");
	rate_formats(11390, 1, "113.9%");
	rate_formats(-10, 1, "-0.1%");
	/* Not yet rounded to its places: rounded first. */
	rate_formats(11386, 1, "113.9%");
	rate_formats(11386, 0, "114%");
	rate_formats(5, 1, "0.1%");
	rate_formats(-5, 1, "-0.1%");
	rate_formats(-4, 1, "0.0%");
	rate_formats(-49, 0, "0%");
	rate_formats(-50, 0, "-1%");
	rate_formats(AMOUNT_LIMIT * 10000, 2, "9999999999999900.00%");
}

static void test_rate_round_trip(void **state)
{
	static const char *const rates[] = {
		"4.57%", "-100%", "113.86%", "113.9%", "0%", "0.0%", "0.00%",
		"-0.05%", "-0.5%", "12.5%", "999999999999.99%",
	};
	char buf[AMOUNT_BUFSZ];
	int64_t rate;
	int places;
	const char *why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof rates / sizeof rates[0]; i++) {
		assert_true(rate_parse(rates[i], &rate, &places, &why));
		assert_string_equal(rate_format(rate, places, buf, sizeof buf),
				    rates[i]);
	}
}

static void test_add(void **state)
{
	amount_t sum = 7;

	(void)state;
	assert_true(amount_add(367698, -14998, &sum));
	assert_int_equal(sum, 352700);
	assert_true(amount_add(AMOUNT_LIMIT, 0, &sum));
	assert_int_equal(sum, AMOUNT_LIMIT);
	assert_true(amount_add(AMOUNT_LIMIT - 1, 1, &sum));
	assert_int_equal(sum, AMOUNT_LIMIT);
	assert_true(amount_add(AMOUNT_LIMIT, -AMOUNT_LIMIT, &sum));
	assert_int_equal(sum, 0);
	assert_true(amount_add(-AMOUNT_LIMIT, 0, &sum));
	assert_int_equal(sum, -AMOUNT_LIMIT);

	sum = 7;
	assert_false(amount_add(AMOUNT_LIMIT, 1, &sum));
	assert_false(amount_add(1, AMOUNT_LIMIT, &sum));
	assert_false(amount_add(-AMOUNT_LIMIT, -1, &sum));
	assert_false(amount_add(AMOUNT_LIMIT, AMOUNT_LIMIT, &sum));
	assert_false(amount_add(-AMOUNT_LIMIT, -AMOUNT_LIMIT, &sum));
	/* Far outside the limit: no overflow on the way to "no". */
	assert_false(amount_add(INT64_MAX, 1, &sum));
	assert_false(amount_add(INT64_MIN, -1, &sum));
	assert_false(amount_add(INT64_MIN, 1, &sum));
	assert_false(amount_add(1, INT64_MIN, &sum));
	assert_false(amount_add(INT64_MAX, INT64_MAX, &sum));
	assert_int_equal(sum, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_parse_limit),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_rate_parse),
		cmocka_unit_test(test_rate_of),
		cmocka_unit_test(test_rate_round),
		cmocka_unit_test(test_rate_format),
		cmocka_unit_test(test_rate_round_trip),
		cmocka_unit_test(test_add),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
