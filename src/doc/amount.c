/* amount.c: exact money in integer hundredths; no floating point. */
#include "doc/amount.h"

#include <stdio.h>
#include <string.h>

#include "doc/msg.h"

static bool fail(amount_why *why, enum msg_id message)
{
	*why = message;
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Parse the n bytes at s as [+-]digits[.d[d]], the digits optionally in
 * groups of three after a comma as printed, into hundredths limited to
 * AMOUNT_LIMIT; *places gets the number of decimals written. */
static bool parse_decimal(const char *s, size_t n, int64_t *out, int *places,
			  amount_why *why)
{
	const char *end = s + n;
	bool negative = false, grouped = false;
	int64_t whole = 0, frac = 0;
	int nfrac = 0, group = 0;

	if (s == end)
		return fail(why, M_NUM_EMPTY);
	if (*s == '+' || *s == '-')
		negative = *s++ == '-';
	if (s == end || !is_digit(*s))
		return fail(why, M_NUM_NOT_A_NUMBER);
	/* A zero leads only "0" and "0.5": "01.5" and "000.00" are refused,
	 * the latter being what "1,000.00" becomes when YAML splits it. */
	if (*s == '0' && s + 1 < end && (is_digit(s[1]) || s[1] == ','))
		return fail(why, M_NUM_LEADING_ZERO);
	for (; s < end && (is_digit(*s) || *s == ','); s++) {
		if (*s == ',') {
			/* A separator follows one to three digits, then every
			 * three: 13,297 and 1,000,000, never 1,00 or ,100. */
			if ((grouped ? group != 3 : group < 1 || group > 3))
				return fail(why, M_NUM_BAD_SEPARATOR);
			grouped = true;
			group = 0;
			continue;
		}
		int d = *s - '0';
		/* whole * 10 + d > AMOUNT_LIMIT / 100, tested before it can
		 * overflow. */
		if (whole > (AMOUNT_LIMIT / 100 - d) / 10)
			return fail(why, M_NUM_TOO_LARGE);
		whole = whole * 10 + d;
		group++;
	}
	if (grouped && group != 3)
		return fail(why, M_NUM_BAD_SEPARATOR);
	if (s < end && *s == '.') {
		for (s++; s < end && is_digit(*s); s++) {
			if (nfrac == 2)
				return fail(why, M_NUM_TOO_MANY_PLACES);
			frac = frac * 10 + (*s - '0');
			nfrac++;
		}
		if (nfrac == 0)
			return fail(why, M_NUM_NO_DIGITS_AFTER_POINT);
	}
	if (s != end)
		return fail(why, M_NUM_NOT_A_NUMBER);
	if (nfrac == 1)
		frac *= 10;
	*out = negative ? -(whole * 100 + frac) : whole * 100 + frac;
	*places = nfrac;
	return true;
}

bool amount_parse(const char *text, amount_t *out, int *places, amount_why *why)
{
	int p;
	return parse_decimal(text, strlen(text), out, places ? places : &p, why);
}

char *amount_format(amount_t a, char *buf, size_t size)
{
	/* Quotient and remainder, rather than -a, so that no value overflows. */
	long long whole = a / 100, cents = a % 100;

	snprintf(buf, size, "%s%lld.%02lld", a < 0 ? "-" : "",
		 whole < 0 ? -whole : whole, cents < 0 ? -cents : cents);
	return buf;
}

char *quantity_format(int64_t q, int places, char *buf, size_t size)
{
	long long whole = q / 100, frac = q % 100;
	const char *sign = q < 0 ? "-" : "";

	whole = whole < 0 ? -whole : whole;
	frac = frac < 0 ? -frac : frac;
	if (places <= 0)
		snprintf(buf, size, "%s%lld", sign, whole);
	else if (places == 1)
		snprintf(buf, size, "%s%lld.%lld", sign, whole, frac / 10);
	else
		snprintf(buf, size, "%s%lld.%02lld", sign, whole, frac);
	return buf;
}

/* The multiple sign of "16倍", in UTF-8. */
#define TIMES "\xE5\x80\x8D"

bool rate_parse(const char *text, int64_t *rate, int *places, amount_why *why)
{
	size_t n = strlen(text), t = sizeof TIMES - 1;

	if (n == 0)
		return fail(why, M_NUM_EMPTY);
	if (n > t && memcmp(text + n - t, TIMES, t) == 0) {
		int p;
		if (!parse_decimal(text, n - t, rate, &p, why))
			return false;
		if (p)
			return fail(why, M_RATE_TIMES_WHOLE);
		if (*rate > AMOUNT_LIMIT / 100 || *rate < -AMOUNT_LIMIT / 100)
			return fail(why, M_NUM_TOO_LARGE);
		*rate *= 100;	/* 16倍 = 1600% */
		*places = RATE_TIMES;
		return true;
	}
	if (text[n - 1] != '%')
		return fail(why, M_RATE_NO_PERCENT);
	return parse_decimal(text, n - 1, rate, places, why);
}

/* n / d rounded half away from zero, for d > 0. */
static int64_t div_round(int64_t n, int64_t d)
{
	int64_t q = n / d, r = n % d;

	if (2 * (r < 0 ? -r : r) >= d)
		q += n < 0 ? -1 : 1;
	return q;
}

/* Within AMOUNT_LIMIT, num * 10000 cannot overflow. */
/* Hundredths of a percent in one unit of the last printed place. */
static int64_t place_unit(int places)
{
	switch (places) {
	case RATE_TIMES: return 10000;
	case 1: return 10;
	case 2: return 1;
	default: return 100;
	}
}

int64_t rate_round(int64_t rate, int places)
{
	int64_t unit = place_unit(places);

	return div_round(rate, unit) * unit;
}

bool rate_of_places(amount_t num, amount_t den, int places, int64_t *rate)
{
	if (den == 0)
		return false;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	int64_t unit = place_unit(places);
	*rate = div_round(num * 10000, den * unit) * unit;
	return true;
}

bool rate_of(amount_t num, amount_t den, int64_t *rate)
{
	return rate_of_places(num, den, 2, rate);	/* to the hundredth of a percent */
}

char *rate_format(int64_t rate, int places, char *buf, size_t size)
{
	int64_t r = rate_round(rate, places);
	const char *sign = r < 0 ? "-" : "";
	long long whole = r / 100, frac = r % 100;

	whole = whole < 0 ? -whole : whole;
	frac = frac < 0 ? -frac : frac;
	if (places == RATE_TIMES)
		snprintf(buf, size, "%s%lld" TIMES, sign, whole / 100);
	else if (places <= 0)
		snprintf(buf, size, "%s%lld%%", sign, whole);
	else if (places == 1)
		snprintf(buf, size, "%s%lld.%lld%%", sign, whole, frac / 10);
	else
		snprintf(buf, size, "%s%lld.%02lld%%", sign, whole, frac);
	return buf;
}

bool amount_add(amount_t a, amount_t b, amount_t *out)
{
	amount_t sum;

	/* The first test keeps a + b from overflowing, the second bounds the
	 * other side. */
	if (b > 0 ? a > AMOUNT_LIMIT - b : a < -AMOUNT_LIMIT - b)
		return false;
	sum = a + b;
	if (sum > AMOUNT_LIMIT || sum < -AMOUNT_LIMIT)
		return false;
	*out = sum;
	return true;
}
