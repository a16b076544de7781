/* defaults.c: the data behind defaults.h. */
#include "doc/defaults.h"

#include <string.h>

const char defaults_name_key[] = "name";

const struct default_text defaults_schema1_texts[] = {
	{ "content", "项目内容" },
	{ "goals", "绩效目标" },
	{ "note", "备注" },
};
const size_t defaults_schema1_ntexts =
	sizeof defaults_schema1_texts / sizeof defaults_schema1_texts[0];

/* Schema 1's closed list of kinds, which schema 2 opens. */
static const char *const schema1_kinds[] = {
	"other", "income_expenditure", "income", "expenditure", "fiscal_summary",
	"nontax_income", "function", "fund_expenditure", "basic", "economic",
	"projects", "transfers", "sangong", "procurement", "services",
};

bool defaults_schema1_kind(const char *name)
{
	for (size_t i = 0; i < sizeof schema1_kinds / sizeof schema1_kinds[0]; i++)
		if (strcmp(schema1_kinds[i], name) == 0)
			return true;
	return false;
}

const char defaults_schema1_label[] = "表%d";

/* 政府收支分类科目: function codes nest 类 (3 digits) › 款 (5) › 项 (7),
 * economic codes 类 (3) › 款 (5). */
static const struct {
	size_t length;
	const char *name;
} code_levels[] = { { 3, "类" }, { 5, "款" }, { 7, "项" } };

const char *defaults_code_level(size_t length)
{
	for (size_t i = 0; i < sizeof code_levels / sizeof code_levels[0]; i++)
		if (code_levels[i].length == length)
			return code_levels[i].name;
	return NULL;
}

const char defaults_numerals[] = "一二三四五六七八九十0123456789";
const char *const defaults_name_prefixes[] = { "其中:", NULL };

static const struct {
	const char *unit;
	long long yuan;
} units[] = { { "元", 1 }, { "千元", 1000 }, { "万元", 10000 }, { "亿元", 100000000 } };

bool defaults_unit_size(const char *unit, long long *yuan)
{
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strcmp(units[i].unit, unit) == 0) {
			*yuan = units[i].yuan;
			return true;
		}
	return false;
}
