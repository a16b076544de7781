/* test_msg.c: the message catalogue (src/doc/msg.h, messages.def): every
 * message exists in both languages with the same printf conversions for
 * each argument, English says nothing in Chinese and Chinese nothing in
 * English beyond a few named terms, and the language follows msg_set_chinese
 * and the locale variables.  The environment values are synthetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "doc/msg.h"
#include "doc/text.h"

/* The ids by name, for the failure messages. */
static const char *const names[M_COUNT] = {
#define X(id, en, zh) [M_##id] = #id,
#include "doc/messages.def"
#undef X
};

static const char *lang(bool zh)
{
	return zh ? "Chinese" : "English";
}

/* ---- printf conversions ---- */

#define MAX_ARGS 32

/* The conversion of each argument of a format: types[1..nargs], as the
 * length modifier and conversion letter ("s", "d", "zu", "ld"). */
struct args {
	int nargs;
	char types[MAX_ARGS + 1][4];
};

static bool has(const char *set, char c)
{
	return c && strchr(set, c);
}

/* Digits at *p, then '$': the position they give, *p past the '$'.
 * Otherwise 0 and *p unchanged. */
static int position(const char **p)
{
	const char *s = *p;
	int n = 0;

	while (*s >= '0' && *s <= '9')
		n = n * 10 + (*s++ - '0');
	if (s == *p || *s != '$')
		return 0;
	*p = s + 1;
	return n;
}

/* Give argument pos the type t.  The same argument may be used twice, as
 * %n$ allows, but only with one type.  On error, false with err set. */
static bool give(struct args *a, int pos, const char *t, char *err, size_t errsz)
{
	if (pos < 1 || pos > MAX_ARGS) {
		snprintf(err, errsz, "argument %d out of range", pos);
		return false;
	}
	if (a->types[pos][0] && strcmp(a->types[pos], t) != 0) {
		snprintf(err, errsz, "argument %d is both %%%s and %%%s", pos,
			 a->types[pos], t);
		return false;
	}
	strcpy(a->types[pos], t);
	if (pos > a->nargs)
		a->nargs = pos;
	return true;
}

/* Read the conversions of fmt, resolving %n$, as POSIX printf would.
 * False, with err saying why, on what printf would not take, on mixing
 * numbered and unnumbered arguments and on a numbered argument left out. */
static bool conversions(const char *fmt, struct args *a, char *err, size_t errsz)
{
	int next = 0;
	bool numbered = false, unnumbered = false;

	memset(a, 0, sizeof *a);
	for (const char *p = fmt; (p = strchr(p, '%')) != NULL;) {
		char type[4] = "";
		size_t tl = 0;
		int pos;

		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		pos = position(&p);
		if (pos) numbered = true; else unnumbered = true;
		while (has("-+ #0'", *p))
			p++;
		/* A width or precision from an argument is an int argument. */
		for (int part = 0; part < 2; part++) {
			if (part == 1) {
				if (*p != '.')
					break;
				p++;
			}
			if (*p == '*') {
				int star;
				p++;
				star = position(&p);
				if (star) numbered = true; else unnumbered = true;
				if (!give(a, star ? star : ++next, "*", err, errsz))
					return false;
			}
			while (*p >= '0' && *p <= '9')
				p++;
		}
		while (has("hlLjzt", *p) && tl < 2)
			type[tl++] = *p++;
		/* %n writes through its argument: no message may have one. */
		if (!has("diouxXeEfFgGaAcsp", *p)) {
			snprintf(err, errsz, "'%%' not followed by a conversion (at \"%.10s\")", p);
			return false;
		}
		type[tl++] = *p++;
		type[tl] = '\0';
		if (!give(a, pos ? pos : ++next, type, err, errsz))
			return false;
	}
	if (numbered && unnumbered) {
		snprintf(err, errsz, "numbered and unnumbered arguments mixed");
		return false;
	}
	for (int i = 1; i <= a->nargs; i++)
		if (!a->types[i][0]) {
			snprintf(err, errsz, "argument %d is never converted", i);
			return false;
		}
	return true;
}

/* Messages shown with msg() as plain text, never used as a format, whose
 * '%' is the character itself: the reason amount.c gives for a rate
 * without '%', and the legend entry of the '%' key (keys.c).  As formats
 * they would read "%' a" and "% c" as conversions. */
static bool is_plain_text(enum msg_id id)
{
	return id == M_RATE_NO_PERCENT || id == M_LEGEND_PERCENT;
}

static size_t count_char(const char *s, char c)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == c;
	return n;
}

static void test_conversions_match(void **state)
{
	char err[128];
	struct args en, zh;
	int with_args = 0;

	(void)state;
	for (int id = 0; id < M_COUNT; id++) {
		const char *e = msg_in(id, false), *z = msg_in(id, true);

		if (is_plain_text(id)) {
			assert_true(strchr(e, '%') && strchr(z, '%'));
			assert_int_equal(count_char(e, '%'), count_char(z, '%'));
			continue;
		}
		if (!conversions(e, &en, err, sizeof err))
			fail_msg("M_%s in English: %s", names[id], err);
		if (!conversions(z, &zh, err, sizeof err))
			fail_msg("M_%s in Chinese: %s", names[id], err);
		if (en.nargs != zh.nargs)
			fail_msg("M_%s: %d arguments in English, %d in Chinese",
				 names[id], en.nargs, zh.nargs);
		for (int i = 1; i <= en.nargs; i++)
			if (strcmp(en.types[i], zh.types[i]) != 0)
				fail_msg("M_%s: argument %d is %%%s in English, %%%s in Chinese",
					 names[id], i, en.types[i], zh.types[i]);
		with_args += en.nargs > 0;
	}
	/* The parser does see conversions (it is not vacuously happy). */
	assert_true(with_args > 50);
}

/* The parser itself, on formats whose answer is known. */
static void test_conversion_parser(void **state)
{
	static const char *const wrong[] = {
		"%s and %2$s",		/* mixed */
		"%2$s only",		/* argument 1 left out */
		"%1$s %1$d",		/* one argument, two types */
		"%' a%q",		/* no conversion letter */
		"%zq", "50%", "%n", "%5",
	};
	char err[128];
	struct args a;

	(void)state;
	assert_true(conversions("%s and %zu, %ld%%, %d", &a, err, sizeof err));
	assert_int_equal(a.nargs, 4);
	assert_string_equal(a.types[1], "s");
	assert_string_equal(a.types[2], "zu");
	assert_string_equal(a.types[3], "ld");
	assert_string_equal(a.types[4], "d");
	assert_true(conversions("%2$s中有未知的键“%1$s”（可用的键：%3$d）", &a,
				err, sizeof err));
	assert_int_equal(a.nargs, 3);
	assert_string_equal(a.types[1], "s");
	assert_string_equal(a.types[2], "s");
	assert_string_equal(a.types[3], "d");
	assert_true(conversions("100%% plain", &a, err, sizeof err));
	assert_int_equal(a.nargs, 0);
	assert_true(conversions("%-*.*s|%05d|%1d", &a, err, sizeof err));
	assert_int_equal(a.nargs, 5);
	assert_string_equal(a.types[1], "*");
	assert_string_equal(a.types[2], "*");
	assert_string_equal(a.types[3], "s");
	assert_string_equal(a.types[4], "d");
	assert_string_equal(a.types[5], "d");
	for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++)
		if (conversions(wrong[i], &a, err, sizeof err))
			fail_msg("\"%s\" taken as a format", wrong[i]);
}

/* ---- every message ---- */

static void test_no_empty_message(void **state)
{
	(void)state;
	for (int id = 0; id < M_COUNT; id++)
		for (int zh = 0; zh < 2; zh++) {
			const char *s = msg_in(id, zh);
			if (!s || !*s)
				fail_msg("M_%s is empty in %s", names[id], lang(zh));
			/* Valid UTF-8, nothing invisible, no control but '\n'. */
			if (!text_is_clean(s, strlen(s), true))
				fail_msg("M_%s in %s holds what cannot be shown",
					 names[id], lang(zh));
		}
}

static bool is_han(wchar_t c)
{
	return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* Chinese punctuation: CJK symbols and fullwidth forms. */
static bool is_cjk_punct(wchar_t c)
{
	return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
}

static bool in_list(const char *word, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(word, *list) == 0)
			return true;
	return false;
}

/* The Chinese that English messages show on purpose, each a term of the
 * documents (or an example of what a user types or reads in them): */
static const char *const chinese_in_english[] = {
	"倍",		/* the multiple sign of "16倍" (rates) */
	"辆",		/* a unit, the example of "unit: 辆" */
	"其中",		/* "of which", the breakdown rows */
	"收入", "支出",	/* the two sides of a side-by-side table */
	"表",		/* table labels: "→ 表N", "表6", ":表12" */
	"公开",		/* table labels as printed: "公开05表" */
	"三公",		/* a section searched with ":三公" */
	"说明",		/* the name of the compared table's note column */
	"增减", "增减率",	/* the names of the compared table's columns */
	"部门预算公开",	/* the name of what the program reads, in --help */
	NULL,
};

/* The first Chinese of s not excused, copied to found (false when there
 * is none): a run of Han characters not in the list above, or any Chinese
 * punctuation. */
static bool chinese_run(const char *s, char *found, size_t size)
{
	size_t n, len = 0;
	wchar_t wc;

	/* On to the NUL, so that a run at the very end is looked at. */
	for (const char *p = s;; p += n) {
		n = *p ? text_decode(p, &wc) : 1;
		assert_true(n > 0);
		if (*p && is_cjk_punct(wc)) {
			assert_true(n < size);
			memcpy(found, p, n);
			found[n] = '\0';
			return true;
		}
		if (*p && is_han(wc)) {
			assert_true(len + n < size);
			memcpy(found + len, p, n);
			len += n;
			continue;
		}
		if (len) {
			found[len] = '\0';
			if (!in_list(found, chinese_in_english))
				return true;
			len = 0;
		}
		if (!*p)
			return false;
	}
}

static void test_english_has_no_chinese(void **state)
{
	char run[64];

	(void)state;
	for (int id = 0; id < M_COUNT; id++) {
		const char *s = msg_in(id, false);
		if (chinese_run(s, run, sizeof run))
			fail_msg("M_%s: \"%s\" in English: %s", names[id], run, s);
	}
}

/* The check catches a whole run, not a listed part of it. */
static void test_chinese_check(void **state)
{
	static const struct { const char *s, *run; } caught[] = {
		{ "the 部门 of", "部门" },
		{ "at the end: 表格", "表格" },	/* 表 is listed, 表格 is not */
		{ "其中的 rows", "其中的" },
		{ "a list，with a comma", "，" },
		{ "（brackets）", "（" },
	};
	char run[64];

	(void)state;
	assert_false(chinese_run("16倍, → 表N, 其中 rows (收入 | 支出), 增减率",
				 run, sizeof run));
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++) {
		if (!chinese_run(caught[i].s, run, sizeof run))
			fail_msg("nothing caught in \"%s\"", caught[i].s);
		assert_string_equal(run, caught[i].run);
	}
}

/* The English a Chinese message may contain: names that are the same in
 * every language because a user types them or a file holds them. */
static const char *const english_in_chinese[] = {
	/* formats, encodings, standards, and what the file may hold */
	"YAML", "csv", "tsv", "UTF-8", "ASCII", "RFC", "NUL", "FIFO", "MiB",
	"Excel", "MIT",
	/* the program and its manual pages: budget(1), budget.yaml(5) */
	"budget", "budget.yaml",
	/* keys of the budget file (budget.yaml(5)) and their values */
	"schema", "document", "tables", "texts", "sides", "rows", "values",
	"id", "ref", "known", "value", "quantity", "unit", "unit_column",
	"places", "text", "share_of", "sum_of", "labels", "name_title", "name",
	"nest", "main", "where", "prefix", "lines", "field", "key", "total",
	"see", "true", "false",
	/* values of options: --color=auto, --print=all, part1 */
	"auto", "always", "never", "all", "city", "part1",
	/* Unicode notation (U+2028) and its YAML escape (\\u2028) */
	"U", "u",
	/* file names: *.yaml */
	".yaml",
	/* the environment */
	"TERM", "NO_COLOR", "BUDGET_ASCII", "LC_ALL", "LC_MESSAGES", "LANG", "zh",
	/* the name of a signal, as the shell reports it */
	"SIGPIPE",
	/* keys, as printed on them or as the hints name them */
	"Tab", "Esc", "Enter", "Backspace", "C-c", "C-u", "c", "p", "q", "s", "R",
	/* N as a placeholder (第 N 张表, 128+N), and (C) of the copyright */
	"N", "C",
	NULL,
};

static bool is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* Skip a quoted span starting at p (“…”, '…' or "…"), or return p. */
static const char *skip_quoted(const char *p)
{
	static const char *const pairs[][2] = {
		{ "\xE2\x80\x9C", "\xE2\x80\x9D" },	/* “ ” */
		{ "\xE2\x80\x98", "\xE2\x80\x99" },	/* ‘ ’ */
		{ "'", "'" }, { "\"", "\"" },
	};

	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		size_t n = strlen(pairs[i][0]);
		if (strncmp(p, pairs[i][0], n) == 0) {
			const char *end = strstr(p + n, pairs[i][1]);
			return end ? end + strlen(pairs[i][1]) : p;
		}
	}
	return p;
}

/* The first word of s that is English and not excused, copied to word
 * (false when there is none): conversions, options ("--print=VIEW",
 * "-p"), anything quoted and <URLs> are left out. */
static bool english_word(const char *s, char *word, size_t size)
{
	for (const char *p = s; *p;) {
		const char *q = skip_quoted(p);
		if (q != p) {
			p = q;
			continue;
		}
		if (*p == '%') {
			/* A conversion: up to and including its letter. */
			p++;
			while (*p && !has("diouxXeEfFgGaAcsp%", *p))
				p++;
			if (*p)
				p++;
			continue;
		}
		if (strncmp(p, "<http", 5) == 0) {
			while (*p && *p != '>')
				p++;
			continue;
		}
		if (!is_word_char(*p)) {
			p++;
			continue;
		}
		const char *start = p;
		if (*p == '-') {
			/* An option, with its value: "--format=csv", "-p". */
			while (is_word_char(*p) || *p == '=')
				p++;
			continue;
		}
		while (is_word_char(*p))
			p++;
		size_t n = (size_t)(p - start);
		while (n && (start[n - 1] == '.' || start[n - 1] == '-'))
			n--;
		bool letters = false;
		for (size_t i = 0; i < n; i++)
			letters |= (start[i] | 0x20) >= 'a' && (start[i] | 0x20) <= 'z';
		if (!letters)
			continue;
		assert_true(n < size);
		memcpy(word, start, n);
		word[n] = '\0';
		if (!in_list(word, english_in_chinese))
			return true;
	}
	return false;
}

static void test_chinese_has_no_english(void **state)
{
	char word[64];

	(void)state;
	for (int id = 0; id < M_COUNT; id++) {
		const char *s = msg_in(id, true);
		if (english_word(s, word, sizeof word))
			fail_msg("M_%s: English word \"%s\" in: %s", names[id], word, s);
	}
}

/* The word check excuses only what it says it does. */
static void test_word_check(void **state)
{
	static const char *const excused[] = {
		"见 budget.yaml(5)，--print=VIEW 或 -p，“rows”，'all'，%zu 项",
		"<https://example.org/x> UTF-8 C-c，\"quoted words\"",
		"3676.98 万元，4.57%% 与 16倍，%2$s 和 %1$ld",
	};
	static const struct { const char *s, *word; } caught[] = {
		{ "文件 is empty", "is" },
		{ "无法读取：file", "file" },
		{ "%s 不是 amount", "amount" },
		{ "表 row 3", "row" },
		{ "example.org 网站", "example.org" },
		{ "“引号”之后 then", "then" },
		{ "CSV 格式", "CSV" },	/* the list is case-sensitive */
	};
	char word[64];

	(void)state;
	for (size_t i = 0; i < sizeof excused / sizeof excused[0]; i++)
		if (english_word(excused[i], word, sizeof word))
			fail_msg("\"%s\" not excused in \"%s\"", word, excused[i]);
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++) {
		if (!english_word(caught[i].s, word, sizeof word))
			fail_msg("nothing caught in \"%s\"", caught[i].s);
		assert_string_equal(word, caught[i].word);
	}
}

/* ---- the language of the run ---- */

static void test_set_chinese(void **state)
{
	bool was = msg_is_chinese();

	(void)state;
	msg_set_chinese(true);
	assert_true(msg_is_chinese());
	for (int id = 0; id < M_COUNT; id++)
		assert_string_equal(msg(id), msg_in(id, true));
	assert_string_equal(msg(M_NUM_EMPTY), "为空");
	msg_set_chinese(false);
	assert_false(msg_is_chinese());
	for (int id = 0; id < M_COUNT; id++)
		assert_string_equal(msg(id), msg_in(id, false));
	assert_string_equal(msg(M_NUM_EMPTY), "empty");
	/* Out of range: an empty string, never a stray pointer. */
	assert_string_equal(msg(M_COUNT), "");
	assert_string_equal(msg((enum msg_id)-1), "");
	assert_string_equal(msg_in(M_COUNT, true), "");
	assert_string_equal(msg_in((enum msg_id)-1, false), "");
	msg_set_chinese(was);
}

static const char *const locale_vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
static char *saved_vars[3];

static int save_locale_vars(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		const char *v = getenv(locale_vars[i]);
		saved_vars[i] = v ? strdup(v) : NULL;
	}
	return 0;
}

static int restore_locale_vars(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		if (saved_vars[i])
			setenv(locale_vars[i], saved_vars[i], 1);
		else
			unsetenv(locale_vars[i]);
		free(saved_vars[i]);
		saved_vars[i] = NULL;
	}
	return 0;
}

/* Set the three variables (NULL: unset) and ask. */
static bool chinese_with(const char *lc_all, const char *lc_messages, const char *lang_)
{
	const char *values[] = { lc_all, lc_messages, lang_ };

	for (int i = 0; i < 3; i++) {
		if (values[i])
			assert_int_equal(setenv(locale_vars[i], values[i], 1), 0);
		else
			assert_int_equal(unsetenv(locale_vars[i]), 0);
	}
	return msg_locale_is_chinese();
}

static void test_locale_is_chinese(void **state)
{
	(void)state;
	assert_false(chinese_with(NULL, NULL, NULL));
	/* LANG alone. */
	assert_true(chinese_with(NULL, NULL, "zh_CN.UTF-8"));
	assert_true(chinese_with(NULL, NULL, "zh_TW"));
	assert_true(chinese_with(NULL, NULL, "zh"));
	assert_false(chinese_with(NULL, NULL, "en_US.UTF-8"));
	assert_false(chinese_with(NULL, NULL, "C"));
	assert_false(chinese_with(NULL, NULL, "C.UTF-8"));
	/* LC_MESSAGES before LANG. */
	assert_true(chinese_with(NULL, "zh_CN.UTF-8", "en_US.UTF-8"));
	assert_false(chinese_with(NULL, "en_US.UTF-8", "zh_CN.UTF-8"));
	assert_false(chinese_with(NULL, "C", "zh_CN.UTF-8"));
	/* LC_ALL before both. */
	assert_true(chinese_with("zh_CN.UTF-8", "en_US.UTF-8", "en_US.UTF-8"));
	assert_false(chinese_with("C", "zh_CN.UTF-8", "zh_CN.UTF-8"));
	assert_false(chinese_with("en_GB.UTF-8", NULL, "zh_CN.UTF-8"));
	assert_true(chinese_with("zh_HK", NULL, NULL));
	/* An empty variable counts as unset. */
	assert_true(chinese_with("", "", "zh_CN.UTF-8"));
	assert_true(chinese_with("", "zh_CN.UTF-8", "en_US.UTF-8"));
	assert_false(chinese_with("", "", "en_US.UTF-8"));
	assert_false(chinese_with("", "", ""));
	/* Only the start says: zh, not a "zh" later on. */
	assert_false(chinese_with(NULL, NULL, "en_US.zh"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conversion_parser),
		cmocka_unit_test(test_conversions_match),
		cmocka_unit_test(test_no_empty_message),
		cmocka_unit_test(test_english_has_no_chinese),
		cmocka_unit_test(test_chinese_check),
		cmocka_unit_test(test_word_check),
		cmocka_unit_test(test_chinese_has_no_english),
		cmocka_unit_test(test_set_chinese),
		cmocka_unit_test_setup_teardown(test_locale_is_chinese,
						save_locale_vars, restore_locale_vars),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
