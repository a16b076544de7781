/* defaults.h: what the program knows without a file saying it, kept as
 * data (defaults.c) rather than in the code that uses it: the schema 1
 * conventions (its text fields, its kinds, how its tables are labelled),
 * and the levels of the national classification codes. */
#ifndef BUDGET_DEFAULTS_H
#define BUDGET_DEFAULTS_H

#include <stdbool.h>
#include <stddef.h>

/* The key of a side's one name column (a side with name_title). */
extern const char defaults_name_key[];

/* The text fields rows of a schema 1 table may carry. */
struct default_text {
	const char *key, *title;
};
extern const struct default_text defaults_schema1_texts[];
extern const size_t defaults_schema1_ntexts;

/* Is name one of the kinds schema 1 lists? */
bool defaults_schema1_kind(const char *name);

/* How a schema 1 table is labelled: printf of its number ("表%d"). */
extern const char defaults_schema1_label[];

/* The level a classification code of this many characters names: "类"
 * (3), "款" (5), "项" (7); NULL when none. */
const char *defaults_code_level(size_t length);

/* What a name may begin with that is numbering, not name, as the
 * disclosures print it ("一、", "（三）", "2.", "其中："): the numerals, in
 * UTF-8, and the words dropped before comparing names across years. */
extern const char defaults_numerals[];
extern const char *const defaults_name_prefixes[];

/* A unit of money and its size in yuan (元 1, 万元 10000); false when the
 * unit is not known. */
bool defaults_unit_size(const char *unit, long long *yuan);

#endif
