/* test_amount.c: exact amounts, quantities and rates (src/doc/amount.h):
 * parsing with its reasons for refusal, formatting, rounding and checked
 * addition.  All inputs are synthetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "doc/amount.h"
#include "doc/msg.h"

/* The multiple sign 倍 of "16倍". */
#define TIMES "\xE5\x80\x8D"

static void parses_places(const char *text, amount_t want, int want_places)
{
	amount_t got = -1;
	int places = -1;
	amount_why why = -1;

	if (!amount_parse(text, &got, &places, &why))
		fail_msg("\"%s\" refused: %s", text, msg_in(why, false));
	if (got != want)
		fail_msg("\"%s\" gave %lld, want %lld", text, (long long)got,
			 (long long)want);
	if (places != want_places)
		fail_msg("\"%s\" gave %d places, want %d", text, places, want_places);
}

/* Refused for the reason want_why (what *out holds then is not promised). */
static void refuses(const char *text, amount_why want_why)
{
	amount_t got = 12345;
	int places = 7;
	amount_why why = -1;

	if (amount_parse(text, &got, &places, &why))
		fail_msg("\"%s\" accepted as %lld", text, (long long)got);
	if (why != want_why)
		fail_msg("\"%s\" refused as \"%s\", want \"%s\"", text,
			 msg_in(why, false), msg_in(want_why, false));
}

static void test_parse_plain(void **state)
{
	(void)state;
	parses_places("3676.98", 367698, 2);
	parses_places("-149.98", -14998, 2);
	parses_places("-3", -300, 0);
	parses_places("+3", 300, 0);
	parses_places("22.1", 2210, 1);
	parses_places("-22.1", -2210, 1);
	parses_places("+0.50", 50, 2);
	parses_places("0.05", 5, 2);
	parses_places("-0.05", -5, 2);
	parses_places("7", 700, 0);
	parses_places("10", 1000, 0);
	parses_places("100.5", 10050, 1);
}

/* A zero leads only a number whose whole part is zero. */
static void test_parse_zero(void **state)
{
	(void)state;
	parses_places("0", 0, 0);
	parses_places("-0", 0, 0);
	parses_places("0.00", 0, 2);
	parses_places("-0.00", 0, 2);
	parses_places("0.5", 50, 1);
	parses_places("-0.5", -50, 1);
	refuses("01.5", M_NUM_LEADING_ZERO);
	refuses("000.00", M_NUM_LEADING_ZERO);	/* "1,000.00" split by YAML */
	refuses("00", M_NUM_LEADING_ZERO);
	refuses("-01", M_NUM_LEADING_ZERO);
	refuses("+00.5", M_NUM_LEADING_ZERO);
	refuses("000123", M_NUM_LEADING_ZERO);
	refuses("0,100", M_NUM_LEADING_ZERO);
}

/* Thousands separators exactly as the documents print them. */
static void test_parse_separators(void **state)
{
	(void)state;
	parses_places("13,297.11", 1329711, 2);
	parses_places("1,000,000.00", 100000000, 2);
	parses_places("1,000", 100000, 0);
	parses_places("-1,000.5", -100050, 1);
	parses_places("999,999", 99999900, 0);
	parses_places("999,999,999,999.99", AMOUNT_LIMIT, 2);
	refuses("1,00.00", M_NUM_BAD_SEPARATOR);
	refuses("1,0000", M_NUM_BAD_SEPARATOR);
	refuses("12,34", M_NUM_BAD_SEPARATOR);
	refuses("1234,567", M_NUM_BAD_SEPARATOR);
	refuses("1,000,00", M_NUM_BAD_SEPARATOR);
	refuses("1,,000", M_NUM_BAD_SEPARATOR);
	refuses("1,", M_NUM_BAD_SEPARATOR);
	refuses("1,000,", M_NUM_BAD_SEPARATOR);
	/* Not starting with a digit at all, like ".5". */
	refuses(",100", M_NUM_NOT_A_NUMBER);
	refuses("-,100", M_NUM_NOT_A_NUMBER);
	/* Separators belong to the whole part only. */
	refuses("1.00,0", M_NUM_NOT_A_NUMBER);
	refuses("1.000,00", M_NUM_TOO_MANY_PLACES);
	refuses("1,000.0,0", M_NUM_NOT_A_NUMBER);
}

static void test_parse_refused(void **state)
{
	(void)state;
	refuses("", M_NUM_EMPTY);
	refuses("1.234", M_NUM_TOO_MANY_PLACES);
	refuses("0.001", M_NUM_TOO_MANY_PLACES);
	refuses("13,297.115", M_NUM_TOO_MANY_PLACES);
	refuses("1.", M_NUM_NO_DIGITS_AFTER_POINT);
	refuses("1.x", M_NUM_NO_DIGITS_AFTER_POINT);
	refuses(".5", M_NUM_NOT_A_NUMBER);
	refuses("+", M_NUM_NOT_A_NUMBER);
	refuses("-", M_NUM_NOT_A_NUMBER);
	refuses("--1", M_NUM_NOT_A_NUMBER);
	refuses("+-1", M_NUM_NOT_A_NUMBER);
	refuses(" 1", M_NUM_NOT_A_NUMBER);
	refuses("1 ", M_NUM_NOT_A_NUMBER);
	refuses("1.2.3", M_NUM_NOT_A_NUMBER);
	refuses("1.2x", M_NUM_NOT_A_NUMBER);
	refuses("abc", M_NUM_NOT_A_NUMBER);
	refuses("~", M_NUM_NOT_A_NUMBER);
	refuses("\xef\xbc\x91", M_NUM_NOT_A_NUMBER);	/* fullwidth １ */
	refuses("1万", M_NUM_NOT_A_NUMBER);
	/* What strtod and YAML would take as numbers. */
	refuses("1e5", M_NUM_NOT_A_NUMBER);
	refuses("1.5e3", M_NUM_NOT_A_NUMBER);
	refuses("1E-2", M_NUM_NOT_A_NUMBER);
	refuses("0x10", M_NUM_NOT_A_NUMBER);
	refuses("0o17", M_NUM_NOT_A_NUMBER);
	refuses("NaN", M_NUM_NOT_A_NUMBER);
	refuses("nan", M_NUM_NOT_A_NUMBER);
	refuses(".nan", M_NUM_NOT_A_NUMBER);
	refuses("inf", M_NUM_NOT_A_NUMBER);
	refuses(".inf", M_NUM_NOT_A_NUMBER);
	refuses("-.inf", M_NUM_NOT_A_NUMBER);
	refuses("1_000", M_NUM_NOT_A_NUMBER);
}

static void test_parse_limit(void **state)
{
	(void)state;
	parses_places("999999999999.99", AMOUNT_LIMIT, 2);
	parses_places("-999999999999.99", -AMOUNT_LIMIT, 2);
	parses_places("999999999999", AMOUNT_LIMIT - 99, 0);
	parses_places("999999999999.9", AMOUNT_LIMIT - 9, 1);
	refuses("1000000000000", M_NUM_TOO_LARGE);
	refuses("1000000000000.00", M_NUM_TOO_LARGE);
	refuses("-1000000000000", M_NUM_TOO_LARGE);
	refuses("1,000,000,000,000", M_NUM_TOO_LARGE);
	refuses("9999999999999", M_NUM_TOO_LARGE);
	/* Far beyond int64_t: must stop before overflowing. */
	refuses("99999999999999999999999999999999", M_NUM_TOO_LARGE);
	refuses("-99999999999999999999999999999999.99", M_NUM_TOO_LARGE);
	refuses("18446744073709551616", M_NUM_TOO_LARGE);
	refuses("9223372036854775807", M_NUM_TOO_LARGE);
	refuses("92233720368547758.08", M_NUM_TOO_LARGE);
}

/* places may be NULL, as the loader passes it for plain values. */
static void test_parse_null_places(void **state)
{
	amount_t got = 0;
	amount_why why = -1;

	(void)state;
	assert_true(amount_parse("1.5", &got, NULL, &why));
	assert_int_equal(got, 150);
	assert_false(amount_parse("1.555", &got, NULL, &why));
	assert_int_equal(why, M_NUM_TOO_MANY_PLACES);
}

static void formats(amount_t a, const char *want)
{
	char buf[AMOUNT_BUFSZ];

	assert_ptr_equal(amount_format(a, buf, sizeof buf), buf);
	assert_string_equal(buf, want);
}

static void test_format(void **state)
{
	(void)state;
	formats(367698, "3676.98");
	formats(-14998, "-149.98");
	formats(0, "0.00");
	formats(1, "0.01");
	formats(5, "0.05");
	formats(-5, "-0.05");
	formats(-99, "-0.99");
	formats(-100, "-1.00");
	formats(2210, "22.10");
	formats(-300, "-3.00");
	formats(100000000, "1000000.00");	/* never with separators */
	formats(AMOUNT_LIMIT, "999999999999.99");
	formats(-AMOUNT_LIMIT, "-999999999999.99");
	/* Outside the limit, yet exact and without overflow. */
	formats(INT64_MIN, "-92233720368547758.08");
	formats(INT64_MAX, "92233720368547758.07");
	formats(INT64_MIN + 1, "-92233720368547758.07");
}

static void test_format_round_trip(void **state)
{
	static const amount_t values[] = {
		0, 1, -1, 9, 10, 99, 100, -100, 101, 123456, -987654321,
		AMOUNT_LIMIT, -AMOUNT_LIMIT, AMOUNT_LIMIT - 1, -AMOUNT_LIMIT + 1,
	};
	char buf[AMOUNT_BUFSZ];
	amount_t back;
	int places;
	amount_why why;

	(void)state;
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		amount_format(values[i], buf, sizeof buf);
		assert_true(amount_parse(buf, &back, &places, &why));
		assert_int_equal(back, values[i]);
		assert_int_equal(places, 2);
	}
}

static void quantity_formats(int64_t q, int places, const char *want)
{
	char buf[AMOUNT_BUFSZ];

	assert_ptr_equal(quantity_format(q, places, buf, sizeof buf), buf);
	assert_string_equal(buf, want);
}

static void test_quantity_format(void **state)
{
	(void)state;
	quantity_formats(4600, 0, "46");
	quantity_formats(0, 0, "0");
	quantity_formats(-4600, 0, "-46");
	quantity_formats(5220, 1, "52.2");
	quantity_formats(-5220, 1, "-52.2");
	quantity_formats(50, 1, "0.5");
	quantity_formats(-50, 1, "-0.5");
	quantity_formats(0, 1, "0.0");
	quantity_formats(522174, 2, "5221.74");
	quantity_formats(5, 2, "0.05");
	quantity_formats(-5, 2, "-0.05");
	quantity_formats(0, 2, "0.00");
	quantity_formats(AMOUNT_LIMIT, 2, "999999999999.99");
	quantity_formats(INT64_MIN, 2, "-92233720368547758.08");
	quantity_formats(INT64_MIN + 8, 0, "-92233720368547758");
}

/* Each quantity parsed with its places prints back as written. */
static void test_quantity_round_trip(void **state)
{
	static const char *const written[] = {
		"46", "0", "-3", "52.2", "0.5", "-0.5", "5221.74", "0.05", "-0.05",
		"999999999999.99",
	};
	char buf[AMOUNT_BUFSZ];
	amount_t q;
	int places;
	amount_why why;

	(void)state;
	for (size_t i = 0; i < sizeof written / sizeof written[0]; i++) {
		assert_true(amount_parse(written[i], &q, &places, &why));
		assert_string_equal(quantity_format(q, places, buf, sizeof buf),
				    written[i]);
	}
}

static void rate_parses(const char *text, int64_t want, int want_places)
{
	int64_t rate = -1;
	int places = -1;
	amount_why why = -1;

	if (!rate_parse(text, &rate, &places, &why))
		fail_msg("\"%s\" refused: %s", text, msg_in(why, false));
	if (rate != want)
		fail_msg("\"%s\" gave %lld, want %lld", text, (long long)rate,
			 (long long)want);
	assert_int_equal(places, want_places);
}

static void rate_refuses(const char *text, amount_why want_why)
{
	int64_t rate = 777;
	int places = 7;
	amount_why why = -1;

	if (rate_parse(text, &rate, &places, &why))
		fail_msg("\"%s\" accepted as %lld", text, (long long)rate);
	if (why != want_why)
		fail_msg("\"%s\" refused as \"%s\", want \"%s\"", text,
			 msg_in(why, false), msg_in(want_why, false));
}

static void test_rate_parse(void **state)
{
	(void)state;
	rate_parses("4.57%", 457, 2);
	rate_parses("-100%", -10000, 0);
	rate_parses("30%", 3000, 0);
	rate_parses("113.86%", 11386, 2);
	rate_parses("113.9%", 11390, 1);
	rate_parses("0%", 0, 0);
	rate_parses("0.00%", 0, 2);
	rate_parses("+0.5%", 50, 1);
	rate_parses("-0.05%", -5, 2);
	rate_parses("999999999999.99%", AMOUNT_LIMIT, 2);
	/* A whole multiple: 16倍 is 1600%. */
	rate_parses("16" TIMES, 160000, RATE_TIMES);
	rate_parses("1" TIMES, 10000, RATE_TIMES);
	rate_parses("0" TIMES, 0, RATE_TIMES);
	rate_parses("-2" TIMES, -20000, RATE_TIMES);
	rate_parses("9999999999" TIMES, INT64_C(99999999990000), RATE_TIMES);
}

static void test_rate_parse_refused(void **state)
{
	(void)state;
	rate_refuses("", M_NUM_EMPTY);
	rate_refuses("%", M_NUM_EMPTY);
	rate_refuses("-%", M_NUM_NOT_A_NUMBER);
	rate_refuses("4.57", M_RATE_NO_PERCENT);
	rate_refuses("30", M_RATE_NO_PERCENT);
	rate_refuses("%4.57", M_RATE_NO_PERCENT);
	rate_refuses("4.571%", M_NUM_TOO_MANY_PLACES);
	rate_refuses("4.57 %", M_NUM_NOT_A_NUMBER);
	rate_refuses("4.57%%", M_NUM_NOT_A_NUMBER);
	rate_refuses("4.%", M_NUM_NO_DIGITS_AFTER_POINT);
	rate_refuses("04.5%", M_NUM_LEADING_ZERO);
	rate_refuses("1e2%", M_NUM_NOT_A_NUMBER);
	rate_refuses("4.57\xef\xbc\x85", M_RATE_NO_PERCENT);	/* fullwidth ％ */
	rate_refuses("1000000000000%", M_NUM_TOO_LARGE);
	rate_refuses("1.5" TIMES, M_RATE_TIMES_WHOLE);
	rate_refuses("16.0" TIMES, M_RATE_TIMES_WHOLE);
	rate_refuses("16 " TIMES, M_NUM_NOT_A_NUMBER);
	rate_refuses("16" TIMES "%", M_NUM_NOT_A_NUMBER);
	rate_refuses("016" TIMES, M_NUM_LEADING_ZERO);
	/* 10^10 times would be 10^12 percent: beyond the limit. */
	rate_refuses("10000000000" TIMES, M_NUM_TOO_LARGE);
	rate_refuses("-10000000000" TIMES, M_NUM_TOO_LARGE);
	rate_refuses("1000000000000" TIMES, M_NUM_TOO_LARGE);
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
	int64_t rate;

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
	rate_is(-1, -20000, 1);
	rate_is(3, 20000, 2);		/* 1.5 */
	rate_is(-3, 20000, -2);
	rate_is(1, 20001, 0);		/* just under a half */
	rate_is(-1, 20001, 0);
	rate_is(0, 5, 0);
	rate_is(0, -5, 0);
	rate_is(16081, 351617, 457);	/* 160.81 of 3516.17: 4.57% */
	rate_is(-14998, 14998, -10000);
	rate_is(1600, 100, 160000);	/* 16 times */
	rate_is(AMOUNT_LIMIT, 1, AMOUNT_LIMIT * 10000);
	rate_is(-AMOUNT_LIMIT, 1, -AMOUNT_LIMIT * 10000);
	rate_is(AMOUNT_LIMIT, -1, -AMOUNT_LIMIT * 10000);
	rate_is(1, AMOUNT_LIMIT, 0);
	rate_is(AMOUNT_LIMIT, AMOUNT_LIMIT, 10000);
	assert_false(rate_of(5, 0, &rate));
	assert_false(rate_of(-5, 0, &rate));
	assert_false(rate_of(0, 0, &rate));
}

static void rate_places_is(amount_t num, amount_t den, int places, int64_t want)
{
	int64_t rate = -999999;

	if (!rate_of_places(num, den, places, &rate))
		fail_msg("rate_of_places(%lld, %lld, %d) failed", (long long)num,
			 (long long)den, places);
	if (rate != want)
		fail_msg("rate_of_places(%lld, %lld, %d) = %lld, want %lld",
			 (long long)num, (long long)den, places, (long long)rate,
			 (long long)want);
}

/* Rounded once, straight from the amounts to the places printed: never
 * first to hundredths and then again (29.4951% is 29.50% at two places,
 * but 29%, not 30%, at none). */
static void test_rate_of_places(void **state)
{
	int64_t rate;

	(void)state;
	/* 2949.51 on 10000.00: 29.4951%. */
	rate_places_is(294951, 1000000, 0, 2900);
	rate_places_is(294951, 1000000, 1, 2950);
	rate_places_is(294951, 1000000, 2, 2950);
	rate_places_is(-294951, 1000000, 0, -2900);
	rate_places_is(-294951, 1000000, 1, -2950);
	rate_places_is(294951, -1000000, 0, -2900);
	rate_places_is(-294951, -1000000, 0, 2900);
	/* 30.00 of 129.60: 23.148%, which is 23.1%, not 23.2%. */
	rate_places_is(3000, 12960, 1, 2310);
	rate_places_is(3000, 12960, 2, 2315);
	rate_places_is(3000, 12960, 0, 2300);
	/* Half away from zero, below zero too: 1/8 is 12.5%. */
	rate_places_is(1, 8, 0, 1300);
	rate_places_is(-1, 8, 0, -1300);
	rate_places_is(1, -8, 0, -1300);
	rate_places_is(1, 8, 1, 1250);
	rate_places_is(1, 2000, 1, 10);		/* 0.05% -> 0.1% */
	rate_places_is(-1, 2000, 1, -10);
	rate_places_is(1, 20000, 2, 1);		/* 0.005% -> 0.01% */
	rate_places_is(-1, 20000, 2, -1);
	rate_places_is(1, 20001, 2, 0);		/* just under a half */
	rate_places_is(-1, 20001, 2, 0);
	rate_places_is(-1, 2001, 1, 0);
	rate_places_is(0, 5, 0, 0);
	/* Whole multiples: 1603% is 16倍; 1650% rounds to 17倍. */
	rate_places_is(160300, 10000, RATE_TIMES, 160000);
	rate_places_is(165000, 10000, RATE_TIMES, 170000);
	rate_places_is(-165000, 10000, RATE_TIMES, -170000);
	rate_places_is(164999, 10000, RATE_TIMES, 160000);
	/* 149.995% is 150.00% at two places, but 1倍 as a multiple. */
	rate_places_is(149995, 100000, RATE_TIMES, 10000);
	rate_places_is(149995, 100000, 2, 15000);
	/* At the limit, no overflow. */
	rate_places_is(AMOUNT_LIMIT, AMOUNT_LIMIT, 0, 10000);
	rate_places_is(AMOUNT_LIMIT, 1, 2, AMOUNT_LIMIT * 10000);
	rate_places_is(1, AMOUNT_LIMIT, RATE_TIMES, 0);
	/* No rate exists on nothing. */
	assert_false(rate_of_places(5, 0, 0, &rate));
	assert_false(rate_of_places(-5, 0, 2, &rate));
	assert_false(rate_of_places(0, 0, RATE_TIMES, &rate));
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
	assert_int_equal(rate_round(0, 0), 0);
	assert_int_equal(rate_round(-4550, 1), -4550);
	assert_int_equal(rate_round(-4555, 1), -4560);
	assert_int_equal(rate_round(4555, 1), 4560);
	assert_int_equal(rate_round(4554, 1), 4550);
	assert_int_equal(rate_round(-4554, 1), -4550);
	assert_int_equal(rate_round(5, 1), 10);
	assert_int_equal(rate_round(-5, 1), -10);
	assert_int_equal(rate_round(457, 2), 457);
	assert_int_equal(rate_round(-457, 2), -457);
	/* Multiples round to a whole 100%. */
	assert_int_equal(rate_round(160000, RATE_TIMES), 160000);
	assert_int_equal(rate_round(15000, RATE_TIMES), 20000);
	assert_int_equal(rate_round(-15000, RATE_TIMES), -20000);
	assert_int_equal(rate_round(14999, RATE_TIMES), 10000);
	assert_int_equal(rate_round(-14999, RATE_TIMES), -10000);
	assert_int_equal(rate_round(4999, RATE_TIMES), 0);
	assert_int_equal(rate_round(5000, RATE_TIMES), 10000);
}

static void rate_formats(int64_t rate, int places, const char *want)
{
	char buf[AMOUNT_BUFSZ];

	assert_ptr_equal(rate_format(rate, places, buf, sizeof buf), buf);
	assert_string_equal(buf, want);
}

static void test_rate_format(void **state)
{
	(void)state;
	rate_formats(457, 2, "4.57%");
	rate_formats(-10000, 0, "-100%");
	rate_formats(3000, 0, "30%");
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
	rate_formats(-4, 1, "0.0%");	/* no "-0.0%" */
	rate_formats(-49, 0, "0%");
	rate_formats(-50, 0, "-1%");
	rate_formats(AMOUNT_LIMIT * 10000, 2, "9999999999999900.00%");
	rate_formats(-AMOUNT_LIMIT * 10000, 0, "-9999999999999900%");
	/* Multiples. */
	rate_formats(160000, RATE_TIMES, "16" TIMES);
	rate_formats(-160000, RATE_TIMES, "-16" TIMES);
	rate_formats(155000, RATE_TIMES, "16" TIMES);
	rate_formats(10000, RATE_TIMES, "1" TIMES);
	rate_formats(4999, RATE_TIMES, "0" TIMES);
	rate_formats(-4999, RATE_TIMES, "0" TIMES);
	rate_formats(-5000, RATE_TIMES, "-1" TIMES);
}

static void test_rate_round_trip(void **state)
{
	static const char *const rates[] = {
		"4.57%", "-100%", "113.86%", "113.9%", "0%", "0.0%", "0.00%",
		"-0.05%", "-0.5%", "12.5%", "30%", "999999999999.99%",
		"16" TIMES, "-3" TIMES, "0" TIMES,
	};
	char buf[AMOUNT_BUFSZ];
	int64_t rate;
	int places;
	amount_why why;

	(void)state;
	for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++) {
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
	assert_true(amount_add(-367698, 14998, &sum));
	assert_int_equal(sum, -352700);
	assert_true(amount_add(AMOUNT_LIMIT, 0, &sum));
	assert_int_equal(sum, AMOUNT_LIMIT);
	assert_true(amount_add(AMOUNT_LIMIT - 1, 1, &sum));
	assert_int_equal(sum, AMOUNT_LIMIT);
	assert_true(amount_add(-AMOUNT_LIMIT + 1, -1, &sum));
	assert_int_equal(sum, -AMOUNT_LIMIT);
	assert_true(amount_add(AMOUNT_LIMIT, -AMOUNT_LIMIT, &sum));
	assert_int_equal(sum, 0);
	assert_true(amount_add(-AMOUNT_LIMIT, 0, &sum));
	assert_int_equal(sum, -AMOUNT_LIMIT);

	sum = 7;
	assert_false(amount_add(AMOUNT_LIMIT, 1, &sum));
	assert_false(amount_add(1, AMOUNT_LIMIT, &sum));
	assert_false(amount_add(-AMOUNT_LIMIT, -1, &sum));
	assert_false(amount_add(-1, -AMOUNT_LIMIT, &sum));
	assert_false(amount_add(AMOUNT_LIMIT, AMOUNT_LIMIT, &sum));
	assert_false(amount_add(-AMOUNT_LIMIT, -AMOUNT_LIMIT, &sum));
	/* Far outside the limit: no overflow on the way to "no". */
	assert_false(amount_add(INT64_MAX, 1, &sum));
	assert_false(amount_add(INT64_MIN, -1, &sum));
	assert_false(amount_add(INT64_MIN, 1, &sum));
	assert_false(amount_add(1, INT64_MIN, &sum));
	assert_false(amount_add(INT64_MAX, 0, &sum));
	assert_false(amount_add(0, INT64_MIN, &sum));
	assert_false(amount_add(INT64_MAX, INT64_MAX, &sum));
	assert_false(amount_add(INT64_MIN, INT64_MIN, &sum));
	assert_int_equal(sum, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_plain),
		cmocka_unit_test(test_parse_zero),
		cmocka_unit_test(test_parse_separators),
		cmocka_unit_test(test_parse_refused),
		cmocka_unit_test(test_parse_limit),
		cmocka_unit_test(test_parse_null_places),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_quantity_format),
		cmocka_unit_test(test_quantity_round_trip),
		cmocka_unit_test(test_rate_parse),
		cmocka_unit_test(test_rate_parse_refused),
		cmocka_unit_test(test_rate_of),
		cmocka_unit_test(test_rate_of_places),
		cmocka_unit_test(test_rate_round),
		cmocka_unit_test(test_rate_format),
		cmocka_unit_test(test_rate_round_trip),
		cmocka_unit_test(test_add),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
