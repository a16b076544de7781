/* amount.c: exact money in integer hundredths; no floating point. */
#include "doc/amount.h"

#include <stdio.h>
#include <string.h>

static bool fail(const char **why, const char *message)
{
	*why = message;
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Parse the n bytes at s as [+-]digits[.d[d]] into hundredths, limited to
 * AMOUNT_LIMIT; *places gets the number of decimals written. */
static bool parse_decimal(const char *s, size_t n, int64_t *out, int *places,
			  const char **why)
{
	const char *end = s + n;
	bool negative = false;
	int64_t whole = 0, frac = 0;
	int nfrac = 0;

	if (s == end)
		return fail(why, "empty");
	if (*s == '+' || *s == '-')
		negative = *s++ == '-';
	if (s == end || !is_digit(*s))
		return fail(why, "not a number");
	for (; s < end && is_digit(*s); s++) {
		int d = *s - '0';

		/* whole * 10 + d > AMOUNT_LIMIT / 100, tested before it can
		 * overflow. */
		if (whole > (AMOUNT_LIMIT / 100 - d) / 10)
			return fail(why, "too large");
		whole = whole * 10 + d;
	}
	if (s < end && *s == '.') {
		for (s++; s < end && is_digit(*s); s++) {
			if (nfrac == 2)
				return fail(why, "more than two decimal places");
			frac = frac * 10 + (*s - '0');
			nfrac++;
		}
		if (nfrac == 0)
			return fail(why, "no digits after the decimal point");
	}
	if (s != end)
		return fail(why, "not a number");
	if (nfrac == 1)
		frac *= 10;
	*out = negative ? -(whole * 100 + frac) : whole * 100 + frac;
	*places = nfrac;
	return true;
}

bool amount_parse(const char *text, amount_t *out, const char **why)
{
	int places;

	return parse_decimal(text, strlen(text), out, &places, why);
}

char *amount_format(amount_t a, char *buf, size_t size)
{
	/* Quotient and remainder, rather than -a, so that no value overflows. */
	long long whole = a / 100, cents = a % 100;

	snprintf(buf, size, "%s%lld.%02lld", a < 0 ? "-" : "",
		 whole < 0 ? -whole : whole, cents < 0 ? -cents : cents);
	return buf;
}

bool rate_parse(const char *text, int64_t *rate, int *places, const char **why)
{
	size_t n = strlen(text);

	if (n == 0)
		return fail(why, "empty");
	if (text[n - 1] != '%')
		return fail(why, "no '%' at the end");
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
bool rate_of(amount_t num, amount_t den, int64_t *rate)
{
	if (den == 0)
		return false;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	*rate = div_round(num * 10000, den);
	return true;
}

/* Hundredths in one unit of the last printed place; places outside 0..2
 * are taken as the nearest of them. */
static int64_t place_unit(int places)
{
	return places <= 0 ? 100 : places == 1 ? 10 : 1;
}

int64_t rate_round(int64_t rate, int places)
{
	int64_t unit = place_unit(places);

	return div_round(rate, unit) * unit;
}

char *rate_format(int64_t rate, int places, char *buf, size_t size)
{
	int64_t r = rate_round(rate, places);
	const char *sign = r < 0 ? "-" : "";
	long long whole = r / 100, frac = r % 100;

	whole = whole < 0 ? -whole : whole;
	frac = frac < 0 ? -frac : frac;
	if (places <= 0)
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
