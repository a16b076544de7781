/* amount.h: exact money and figures.  Amounts are integer hundredths of the
 * document's unit; quantities (counts, areas) are hundredths too, with the
 * places they are printed with; rates are integer hundredths of a percent.
 * No floating point anywhere. */
#ifndef BUDGET_AMOUNT_H
#define BUDGET_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t amount_t;

/* Largest magnitude accepted, in hundredths.  Small enough that the
 * ×10000 of rate arithmetic cannot overflow; sums of cells can still leave
 * it, so they go through amount_add. */
#define AMOUNT_LIMIT INT64_C(99999999999999)   /* 999,999,999,999.99 */

/* Enough for any formatted amount or rate plus NUL. */
#define AMOUNT_BUFSZ 32

/* Places of a rate printed as a whole multiple ("16倍": 1600%). */
#define RATE_TIMES (-2)

/* Why a number was refused (a message id of msg.h). */
typedef int amount_why;

/* Parse "3676.98", "-3", "22.1", "+0.50" or, with thousands separators as
 * printed, "13,297.11" into hundredths; *places gets the decimals written
 * (0..2).  Leading zeros ("01.5", "000.00"), exponents, more places and
 * anything beyond AMOUNT_LIMIT are refused: false, with *why set. */
bool amount_parse(const char *text, amount_t *out, int *places, amount_why *why);

/* Format as the disclosure prints it: always two places ("3676.98",
 * "-149.98", "0.00").  Returns buf. */
char *amount_format(amount_t a, char *buf, size_t size);

/* Format a quantity held in hundredths with `places` places (0..2): "46",
 * "5221.74".  Returns buf. */
char *quantity_format(int64_t q, int places, char *buf, size_t size);

/* Parse a stated rate "4.57%", "-100%", "113.86%", or a whole multiple
 * "16倍".  *rate gets hundredths of a percent, *places the decimal places
 * printed (0..2), or RATE_TIMES for a multiple. */
bool rate_parse(const char *text, int64_t *rate, int *places, amount_why *why);

/* Rate of change num/den in hundredths of a percent, rounded half away from
 * zero.  Returns false when den is zero (no rate exists). */
bool rate_of(amount_t num, amount_t den, int64_t *rate);

/* The rate of num to den rounded once, half away from zero, straight to
 * `places` printed places (as rate_round; a stated rate is checked against
 * it); false when den is zero. */
bool rate_of_places(amount_t num, amount_t den, int places, int64_t *rate);

/* Round a rate in hundredths of a percent to `places` printed places (0..2
 * or RATE_TIMES), half away from zero; the result stays in hundredths. */
int64_t rate_round(int64_t rate, int places);

/* Format a rate in hundredths of a percent with `places` places and a
 * trailing '%' ("4.57%", "-100%", "113.9%"), or as a multiple ("16倍").
 * Returns buf. */
char *rate_format(int64_t rate, int places, char *buf, size_t size);

/* Checked addition: false (and *out untouched) if the sum leaves the limit. */
bool amount_add(amount_t a, amount_t b, amount_t *out);

#endif
