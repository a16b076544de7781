/* amount.h: exact money.  Amounts are integer hundredths of the document's
 * unit; rates are integer hundredths of a percent.  No floating point. */
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

/* Parse "3676.98", "-3", "22.1", "+0.50" into hundredths.  Returns true on
 * success; on failure sets *why to a static message and returns false. */
bool amount_parse(const char *text, amount_t *out, const char **why);

/* Format as the disclosure prints it: always two places ("3676.98",
 * "-149.98", "0.00").  Returns buf. */
char *amount_format(amount_t a, char *buf, size_t size);

/* Parse a stated rate "4.57%", "-100%", "113.86%".  *rate gets hundredths of
 * a percent, *places the number of decimal places printed (0..2). */
bool rate_parse(const char *text, int64_t *rate, int *places, const char **why);

/* Rate of change num/den in hundredths of a percent, rounded half away from
 * zero.  Returns false when den is zero (no rate exists). */
bool rate_of(amount_t num, amount_t den, int64_t *rate);

/* Round a rate in hundredths of a percent to `places` (0..2) printed
 * places, half away from zero; the result stays in hundredths. */
int64_t rate_round(int64_t rate, int places);

/* Format a rate in hundredths of a percent with `places` places and a
 * trailing '%': "4.57%", "-100%", "113.9%".  Returns buf. */
char *rate_format(int64_t rate, int places, char *buf, size_t size);

/* Checked addition: false (and *out untouched) if the sum leaves the limit. */
bool amount_add(amount_t a, amount_t b, amount_t *out);

#endif
