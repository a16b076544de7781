/* test_text.c: UTF-8 decoding, what counts as control or invisible,
 * sanitising, display width, cropping, wrapping (with the Chinese
 * line-breaking rules), search and the string buffer (src/doc/text.h).
 * All inputs are synthetic. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "doc/text.h"

#define FFFD "\xEF\xBF\xBD"
/* The visible form of an invisible character: ‹ and › around its code. */
#define CODE(hex) "\xE2\x80\xB9" "U+" hex "\xE2\x80\xBA"

/* wcwidth needs a UTF-8 LC_CTYPE. */
static int setup(void **state)
{
	(void)state;
	return text_init() ? 0 : -1;
}

/* ---- decoding ---- */

static void decodes(const char *s, size_t want_len, wchar_t want)
{
	wchar_t wc = 0;
	size_t n = text_decode(s, &wc);

	if (n != want_len)
		fail_msg("decoding %02x...: %zu bytes, want %zu",
			 (unsigned char)s[0], n, want_len);
	assert_int_equal(wc, want);
}

static void refused(const char *s)
{
	wchar_t wc;
	size_t n = text_decode(s, &wc);

	if (n != 0)
		fail_msg("%02x %02x... decoded as U+%04X (%zu bytes)",
			 (unsigned char)s[0], (unsigned char)s[1], (unsigned)wc, n);
}

/* RFC 3629 strictly, and the same in any locale: run once in C.UTF-8 and
 * once in the C locale, where mbrtowc would refuse every non-ASCII byte. */
static void decode_cases(void)
{
	decodes("a", 1, L'a');
	decodes("\x7f", 1, 0x7F);
	decodes("\xC2\x80", 2, 0x80);
	decodes("\xC2\xAD", 2, 0xAD);
	decodes("\xDF\xBF", 2, 0x7FF);
	decodes("\xE0\xA0\x80", 3, 0x800);
	decodes("\xE5\xB9\xBF", 3, 0x5E7F);		/* 广 */
	decodes("\xED\x9F\xBF", 3, 0xD7FF);		/* just below the surrogates */
	decodes("\xEE\x80\x80", 3, 0xE000);		/* just above */
	decodes("\xEF\xBF\xBD", 3, 0xFFFD);
	decodes("\xEF\xBF\xBF", 3, 0xFFFF);
	decodes("\xF0\x90\x80\x80", 4, 0x10000);
	decodes("\xF0\x9F\x98\x80", 4, 0x1F600);
	decodes("\xF4\x8F\xBF\xBF", 4, 0x10FFFF);
	decodes("\xE5\xB9\xBF" "x", 3, 0x5E7F);	/* stops at its end */
	/* Overlong forms. */
	refused("\xC0\xAF");
	refused("\xC1\xBF");
	refused("\xE0\x80\xAF");
	refused("\xE0\x9F\xBF");
	refused("\xF0\x80\x80\xAF");
	refused("\xF0\x8F\xBF\xBF");
	/* Surrogates. */
	refused("\xED\xA0\x80");
	refused("\xED\xBF\xBF");
	/* Beyond U+10FFFF, and bytes that never start a character. */
	refused("\xF4\x90\x80\x80");
	refused("\xF5\x80\x80\x80");
	refused("\xF7\xBF\xBF\xBF");
	refused("\xF8\x88\x80\x80\x80");
	refused("\xFE");
	refused("\xFF");
	refused("\x80");
	refused("\xBF\xBF");
	/* Truncated: by the end of the string (a NUL) or by another byte. */
	refused("\xC2");
	refused("\xE5\xB9");
	refused("\xF0\x9F\x98");
	refused("\xE5" "x");
	refused("\xE5\xB9" "x");
	refused("\xF0\x9F\x98" "a");
	refused("\xE5\xB9\xC2\xAD");
}

static void test_decode(void **state)
{
	/* A NUL inside a sequence ends it: nothing after it is read. */
	static const char cut[] = "\xE5\0\xB9\xBF";

	(void)state;
	decode_cases();
	refused(cut);
	assert_non_null(setlocale(LC_CTYPE, "C"));
	decode_cases();
	refused(cut);
	assert_true(text_init());
}

/* ---- classes ---- */

static void test_is_control(void **state)
{
	static const wchar_t controls[] = {
		0x00, 0x01, L'\a', L'\t', L'\r', 0x1B, 0x1F, 0x7F, 0x80, 0x85,
		0x9B, 0x9F,
	};
	static const wchar_t shown[] = {
		L' ', L'a', L'~', 0xA0, 0xAD, 0x4E2D, 0x3000, 0xFFFD, 0x202E,
	};

	(void)state;
	for (size_t i = 0; i < sizeof controls / sizeof controls[0]; i++) {
		assert_true(text_is_control(controls[i], false));
		assert_true(text_is_control(controls[i], true));
	}
	for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
		assert_false(text_is_control(shown[i], false));
		assert_false(text_is_control(shown[i], true));
	}
	assert_true(text_is_control(L'\n', false));
	assert_false(text_is_control(L'\n', true));
}

static void test_is_invisible(void **state)
{
	static const wchar_t invisible[] = {
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E,	/* bidi embeddings, overrides */
		0x2066, 0x2067, 0x2068, 0x2069,		/* bidi isolates */
		0x200E, 0x200F, 0x061C,			/* LRM, RLM, ALM */
		0x200B, 0x200C, 0x200D, 0x2060,		/* zero width, word joiner */
		0x2028, 0x2029,				/* line and paragraph separator */
		0xFEFF, 0x00AD,				/* BOM, soft hyphen */
		0xE0001, 0xE0041,			/* tags */
	};
	static const wchar_t visible[] = {
		L' ', L'a', L'Z', L'~', 0xA0, 0xAC, 0xAE,
		0x4E2D, 0x6587, 0x3000, 0x3001, 0xFF0C, 0xFF08,	/* 中文　、，（ */
		0x2010, 0x2027, 0x202F, 0x200A, 0x2039, 0x203A,
		0xFFFD, 0xFFFC, 0x1F600, 0x5E7F,
	};

	(void)state;
	for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++)
		if (!text_is_invisible(invisible[i]))
			fail_msg("U+%04X taken as visible", (unsigned)invisible[i]);
	for (size_t i = 0; i < sizeof visible / sizeof visible[0]; i++)
		if (text_is_invisible(visible[i]))
			fail_msg("U+%04X taken as invisible", (unsigned)visible[i]);
}

/* ---- sanitising ---- */

static void sanitizes(const char *s, bool keep_newlines, const char *want)
{
	char *got = text_sanitize(s, keep_newlines);
	char *again;

	assert_string_equal(got, want);
	/* Clean exactly when nothing changes; the result is clean, shows as
	 * wide as the original and does not change again. */
	assert_int_equal(text_is_clean(s, strlen(s), keep_newlines),
			 strcmp(s, want) == 0);
	assert_true(text_is_clean(got, strlen(got), keep_newlines));
	assert_int_equal(text_width(got), text_width(s));
	again = text_sanitize(got, keep_newlines);
	assert_string_equal(again, got);
	free(again);
	free(got);
}

static void test_sanitize(void **state)
{
	(void)state;
	sanitizes("", false, "");
	sanitizes("plain text", false, "plain text");
	sanitizes("广州市信访局（万元）", false, "广州市信访局（万元）");
	sanitizes("e\xcc\x81", false, "e\xcc\x81");
	sanitizes(FFFD, false, FFFD);
	sanitizes("\xf0\x9f\x98\x80", false, "\xf0\x9f\x98\x80");
	/* Controls. */
	sanitizes("\x1b[31mred\x1b[0m", false, FFFD "[31mred" FFFD "[0m");
	sanitizes("ding\a", false, "ding" FFFD);
	sanitizes("a\tb", false, "a" FFFD "b");
	sanitizes("a\tb", true, "a" FFFD "b");
	sanitizes("a\rb", true, "a" FFFD "b");
	sanitizes("a\r\nb", true, "a" FFFD "\nb");
	sanitizes("del\x7f", false, "del" FFFD);
	sanitizes("\xc2\x9b" "31m", false, FFFD "31m");	/* C1 CSI */
	sanitizes("\xc2\x80\xc2\x9f\xc2\xa0", false, FFFD FFFD "\xc2\xa0");
	/* Newlines only when kept. */
	sanitizes("a\nb", false, "a" FFFD "b");
	sanitizes("a\nb", true, "a\nb");
	sanitizes("\n\n", true, "\n\n");
	/* Invalid UTF-8: each byte. */
	sanitizes("\xff", false, FFFD);
	sanitizes("a\xe5\xb9", false, "a" FFFD FFFD);
	sanitizes("\xe5\xb9" "x", false, FFFD FFFD "x");
	sanitizes("\xc0\xaf", false, FFFD FFFD);
	sanitizes("\xe0\x80\xaf", false, FFFD FFFD FFFD);
	sanitizes("\xed\xa0\x80", false, FFFD FFFD FFFD);
	sanitizes("\xf4\x90\x80\x80", false, FFFD FFFD FFFD FFFD);
	sanitizes("\xf8\x88\x80\x80\x80", false, FFFD FFFD FFFD FFFD FFFD);
	sanitizes("\x80" "广", false, FFFD "广");
	/* Invisible: shown by their code. */
	sanitizes("abc\xE2\x80\xAE" "fdp.exe", false, "abc" CODE("202E") "fdp.exe");
	sanitizes("\xE2\x81\xA6x\xE2\x81\xA9", false, CODE("2066") "x" CODE("2069"));
	sanitizes("a\xE2\x80\x8E" "b\xE2\x80\x8F", false, "a" CODE("200E") "b" CODE("200F"));
	sanitizes("预\xE2\x80\x8B算\xE2\x80\x8C\xE2\x80\x8D", false,
		  "预" CODE("200B") "算" CODE("200C") CODE("200D"));
	sanitizes("a\xE2\x80\xA8" "b\xE2\x80\xA9", true, "a" CODE("2028") "b" CODE("2029"));
	sanitizes("\xEF\xBB\xBF" "schema", false, CODE("FEFF") "schema");
	sanitizes("co\xC2\xAD" "op", false, "co" CODE("00AD") "op");
	sanitizes("\xF3\xA0\x80\x81", false, CODE("E0001"));
}

static void test_is_clean(void **state)
{
	static const char nul[] = "a\0b";
	char ascii[1001];

	(void)state;
	assert_true(text_is_clean("", 0, false));
	assert_true(text_is_clean("abc", 3, false));
	assert_true(text_is_clean("广州市", strlen("广州市"), false));
	/* Only the n bytes count. */
	assert_true(text_is_clean("abc\x1b", 3, false));
	assert_false(text_is_clean("abc\x1b", 4, false));
	assert_true(text_is_clean("广州", 3, false));
	assert_false(text_is_clean("广州", 2, false));	/* a cut character */
	assert_false(text_is_clean("广州", 4, false));
	/* An embedded NUL is never clean. */
	assert_false(text_is_clean(nul, 3, false));
	assert_false(text_is_clean(nul, 3, true));
	assert_true(text_is_clean(nul, 1, false));
	/* Newlines. */
	assert_false(text_is_clean("a\nb", 3, false));
	assert_true(text_is_clean("a\nb", 3, true));
	assert_false(text_is_clean("a\tb", 3, true));
	/* Invisible and invalid. */
	assert_false(text_is_clean("a\xE2\x80\xAE", 4, false));
	assert_false(text_is_clean("\xC2\xAD", 2, true));
	assert_false(text_is_clean("\xff", 1, false));
	assert_false(text_is_clean("\xc0\xaf", 2, false));
	assert_true(text_is_clean("\xC2\xA0", 2, false));
	/* The ASCII fast path still looks at every byte. */
	memset(ascii, 'a', sizeof ascii - 1);
	ascii[sizeof ascii - 1] = '\0';
	assert_true(text_is_clean(ascii, 1000, false));
	ascii[999] = '\x7f';
	assert_false(text_is_clean(ascii, 1000, false));
	assert_true(text_is_clean(ascii, 999, false));
	ascii[999] = 'a';
	ascii[0] = '\x1b';
	assert_false(text_is_clean(ascii, 1000, false));
	ascii[0] = 'a';
	ascii[500] = '\x80';
	assert_false(text_is_clean(ascii, 1000, false));
}

/* ---- width ---- */

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("广州市信访局"), 12);
	assert_int_equal(text_width("2020年广州"), 10);
	assert_int_equal(text_width("\xe3\x80\x80"), 2);	/* U+3000 */
	assert_int_equal(text_width("（万元）"), 8);
	/* Combining marks take no column. */
	assert_int_equal(text_width("e\xcc\x81"), 1);
	assert_int_equal(text_width("caf" "e\xcc\x81" "s"), 5);
	/* U+FFFD itself, and invalid bytes as their U+FFFD, one each. */
	assert_int_equal(text_width(FFFD), 1);
	assert_int_equal(text_width("\xff"), 1);
	assert_int_equal(text_width("a\xff\xfe" "b"), 4);
	assert_int_equal(text_width("\xe5\xb9"), 2);		/* cut 广 */
	assert_int_equal(text_width("\xc0\xaf"), 2);		/* overlong '/' */
	assert_int_equal(text_width("\xed\xa0\x80"), 3);	/* surrogate */
	assert_int_equal(text_width("\xf4\x90\x80\x80"), 4);	/* > U+10FFFF */
	/* Controls, as their U+FFFD. */
	assert_int_equal(text_width("\x1b[31m"), 5);
	assert_int_equal(text_width("\t\n\a\x7f"), 4);
	assert_int_equal(text_width("\xc2\x9b"), 1);		/* C1 CSI */
	/* Invisible: as wide as "‹U+202E›". */
	assert_int_equal(text_width(CODE("202E")), 8);
	assert_int_equal(text_width("\xE2\x80\xAE"), 8);
	assert_int_equal(text_width("\xE2\x80\x8B"), 8);
	assert_int_equal(text_width("\xE2\x80\xA8"), 8);
	assert_int_equal(text_width("\xC2\xAD"), 8);
	assert_int_equal(text_width("\xEF\xBB\xBF"), 8);
	assert_int_equal(text_width("\xF3\xA0\x80\x81"), 9);	/* U+E0001 */
	assert_int_equal(text_width("广\xE2\x80\x8F" "a"), 11);
}

/* ---- cropping ---- */

/* Crop s to cols into a roomy buffer; check the copy and the width. */
static void crops(const char *s, int cols, const char *want, int want_width)
{
	char out[64];

	memset(out, 'X', sizeof out);
	assert_int_equal(text_crop(out, sizeof out, s, cols), want_width);
	assert_string_equal(out, want);
	assert_int_equal(text_width(out), want_width);
	if (cols > 0)
		assert_true(want_width <= cols);
}

static void test_crop(void **state)
{
	(void)state;
	crops("abc", 5, "abc", 3);
	crops("abc", 3, "abc", 3);
	crops("abc", 2, "a~", 2);
	crops("abc", 1, "~", 1);
	crops("abc", 0, "", 0);
	crops("abc", -3, "", 0);
	crops("", 0, "", 0);
	crops("", 4, "", 0);
	crops("广州市", 6, "广州市", 6);
	crops("广州市", 7, "广州市", 6);
	crops("广州市", 5, "广州~", 5);
	/* 广州 would leave no room for the mark: 州 is dropped. */
	crops("广州市", 4, "广~", 3);
	crops("广州市", 3, "广~", 3);
	crops("广州市", 2, "~", 1);
	crops("广州市", 1, "~", 1);
	crops("a广州", 4, "a广~", 4);
	crops("a广州", 3, "a~", 2);
	/* A combining mark stays with its base. */
	crops("e\xcc\x81x", 2, "e\xcc\x81x", 2);
	crops("e\xcc\x81xy", 2, "e\xcc\x81~", 2);
	/* The copy is sanitised. */
	crops("a\x1b[31mb", 20, "a" FFFD "[31mb", 7);
	crops("a\x1b[31mb", 3, "a" FFFD "~", 3);
	crops("\xff\xfe", 2, FFFD FFFD, 2);
	crops("x\xc2\x9by", 3, "x" FFFD "y", 3);
	crops("a\xE2\x80\xAE" "b", 10, "a" CODE("202E") "b", 10);
}

static void test_crop_small_buffer(void **state)
{
	char out[8];

	(void)state;
	/* Room for 3 bytes and the NUL: cut by bytes, still marked. */
	memset(out, 'X', sizeof out);
	assert_int_equal(text_crop(out, 4, "abcdef", 10), 3);
	assert_string_equal(out, "ab~");
	assert_int_equal(out[4], 'X');
	/* A 3-byte character does not fit 3 bytes with the mark. */
	memset(out, 'X', sizeof out);
	assert_int_equal(text_crop(out, 4, "广州", 10), 1);
	assert_string_equal(out, "~");
	memset(out, 'X', sizeof out);
	assert_int_equal(text_crop(out, 4, "广", 10), 2);
	assert_string_equal(out, "广");
	memset(out, 'X', sizeof out);
	assert_int_equal(text_crop(out, 1, "abc", 10), 0);
	assert_string_equal(out, "");
	assert_int_equal(out[1], 'X');
	memset(out, 'X', sizeof out);
	assert_int_equal(text_crop(out, 0, "abc", 10), 0);
	assert_int_equal(out[0], 'X');
}

/* For every width: the copy fits, is clean, is a whole-character prefix of
 * the sanitised text (plus the mark when cut), and is the longest such. */
static void test_crop_properties(void **state)
{
	static const char *const texts[] = {
		"广州市信访局（万元）", "e\xcc\x81\xcc\x82x广y", "a\xE2\x80\xAE" "b",
		"2020年收支总预算3676.98万元", "\x1b[2J\xff" "中", "plain words",
	};
	char out[128];

	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *clean = text_sanitize(texts[i], false);
		int full = text_width(clean);

		for (int cols = 0; cols <= full + 2; cols++) {
			int w = text_crop(out, sizeof out, texts[i], cols);
			size_t len = strlen(out);

			assert_int_equal(w, text_width(out));
			assert_true(w <= cols);
			assert_true(text_is_clean(out, len, false));
			if (cols >= full) {
				assert_string_equal(out, clean);
				continue;
			}
			if (cols == 0) {
				assert_string_equal(out, "");
				continue;
			}
			/* Cut: the mark at the end, a prefix before it. */
			assert_true(len >= 1 && out[len - 1] == '~');
			len--;
			assert_memory_equal(out, clean, len);
			assert_true(text_is_clean(clean, len, false));
			/* One character more would not have fitted. */
			wchar_t wc;
			size_t n = text_decode(clean + len, &wc);
			assert_true(n > 0);
			char wider[128];
			memcpy(wider, clean, len + n);
			wider[len + n] = '\0';
			assert_true(text_width(wider) + 1 > cols);
		}
		free(clean);
	}
}

/* ---- wrapping ---- */

/* The lines text_wrap emitted, joined by '|'. */
struct lines {
	char text[1024];
	int count;
	int cols;
};

static void collect(const char *line, void *ctx)
{
	struct lines *l = ctx;

	if (l->count++)
		strcat(l->text, "|");
	strcat(l->text, line);
	assert_true(text_width(line) <= l->cols);
	assert_true(text_is_clean(line, strlen(line), false));
}

static void wraps(const char *s, int cols, const char *want, int want_count)
{
	struct lines l = {"", 0, cols};

	text_wrap(s, cols, collect, &l);
	assert_string_equal(l.text, want);
	assert_int_equal(l.count, want_count);
}

static void test_wrap_latin(void **state)
{
	(void)state;
	wraps("", 10, "", 0);
	wraps("short", 10, "short", 1);
	wraps("the quick brown fox", 10, "the quick|brown fox", 2);
	wraps("the quick brown fox", 9, "the quick|brown fox", 2);
	wraps("aaaa bbbb cccc", 4, "aaaa|bbbb|cccc", 3);
	wraps("aaaa    bbbb", 6, "aaaa|bbbb", 2);
	wraps("ab abcdefghijk", 5, "ab|abcde|fghij|k", 4);
	wraps("abcdefghijkl", 5, "abcde|fghij|kl", 3);
	wraps("  indented text", 10, "  indented|text", 2);
	wraps("caf" "e\xcc\x81" "s cafe\xcc\x81", 5,
	      "caf" "e\xcc\x81" "s|cafe\xcc\x81", 2);
}

static void test_wrap_newlines(void **state)
{
	(void)state;
	wraps("a\nb", 10, "a|b", 2);
	wraps("a\n\nb", 10, "a||b", 3);
	wraps("a\n", 10, "a", 1);
	wraps("\n", 10, "", 1);
	wraps("\na", 10, "|a", 2);
	wraps("one two\nthree", 5, "one|two|three", 3);
	/* Other controls are shown as U+FFFD, not passed on. */
	wraps("a\tb\x1b", 10, "a" FFFD "b" FFFD, 1);
	wraps("a\xE2\x80\xAE" "b", 20, "a" CODE("202E") "b", 1);
}

static void test_wrap_cjk(void **state)
{
	(void)state;
	wraps("广州市信访局", 4, "广州|市信|访局", 3);
	wraps("广州市信访局", 5, "广州|市信|访局", 3);
	wraps("2020年广州", 5, "2020|年广|州", 3);
	wraps("广州abc", 3, "广|州|abc", 3);
	wraps("预算 budget", 6, "预算|budget", 2);
	wraps("收入 3676.98万元", 8, "收入|3676.98|万元", 3);
	wraps("广州", 2, "广|州", 2);
}

/* 禁则: closing punctuation never starts a line, opening brackets never end
 * one; the character before them goes along instead. */
static void test_wrap_line_breaking_rules(void **state)
{
	(void)state;
	wraps("中文，中文", 4, "中|文，|中文", 3);
	wraps("中文。中文", 4, "中|文。|中文", 3);
	wraps("中文（中文）", 6, "中文|（中|文）", 3);
	wraps("甲乙丙。丁", 6, "甲乙|丙。丁", 2);
	wraps("甲乙丙、丁", 6, "甲乙|丙、丁", 2);
	wraps("甲乙《丙》", 6, "甲乙|《丙》", 2);
	wraps("增长4.57%。", 8, "增长|4.57%。", 2);
}

static const char *const closing[] = {
	"，", "。", "、", "；", "：", "？", "！", "）", "》", "”", "…", "%", NULL,
};
static const char *const opening[] = { "（", "《", "“", NULL };

static bool starts_with_any(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (strncmp(s, *set, strlen(*set)) == 0)
			return true;
	return false;
}

static bool ends_with_any(const char *s, const char *const *set)
{
	size_t n = strlen(s);

	for (; *set; set++) {
		size_t k = strlen(*set);
		if (n >= k && strcmp(s + n - k, *set) == 0)
			return true;
	}
	return false;
}

struct rules {
	char text[1024];
	int cols;
};

static void check_rules(const char *line, void *ctx)
{
	struct rules *r = ctx;

	if (text_width(line) > r->cols)
		fail_msg("\"%s\" is wider than %d", line, r->cols);
	if (starts_with_any(line, closing))
		fail_msg("at %d columns, \"%s\" starts with closing punctuation",
			 r->cols, line);
	if (ends_with_any(line, opening))
		fail_msg("at %d columns, \"%s\" ends with an opening bracket",
			 r->cols, line);
	strcat(r->text, line);
}

/* A paragraph with every kind of punctuation, wrapped at every width wide
 * enough for its longest unbreakable run ("3676.98", "4.57%。": 7 columns);
 * nothing is lost and no rule is broken. */
static void test_wrap_paragraph(void **state)
{
	static const char paragraph[] =
		"本单位（部门）2021年收入预算为3676.98万元，比上年增加160.81万元，"
		"增长4.57%。其中：财政拨款收入3000.00万元（含“三公”经费），"
		"占81.59%；事业收入……主要用于《预算法》规定的支出？是的！"
		"一、二、三；甲：乙。";

	(void)state;
	for (int cols = 8; cols <= 60; cols++) {
		struct rules r = {"", cols};

		text_wrap(paragraph, cols, check_rules, &r);
		assert_string_equal(r.text, paragraph);
	}
}

/* ---- search ---- */

static void test_contains(void **state)
{
	(void)state;
	assert_true(text_contains("xabcx", "ABC"));
	assert_true(text_contains("XABCX", "abc"));
	assert_true(text_contains("abc", "abc"));
	assert_true(text_contains("abc", "c"));
	assert_false(text_contains("xabcx", "abd"));
	assert_false(text_contains("ab", "abc"));
	assert_true(text_contains("abc", ""));
	assert_true(text_contains("", ""));
	assert_false(text_contains("", "a"));
	assert_true(text_contains("2020年广州市信访局部门预算", "信访局"));
	assert_false(text_contains("2020年广州市信访局部门预算", "信访办"));
	assert_true(text_contains("预算Budget", "bUDGET"));
	assert_true(text_contains("Straße ÄRGER", "äRger"));
	assert_true(text_contains("ΑΒΓ", "βγ"));
	assert_true(text_contains("a\xff" "b", "\xff" "B"));
	assert_false(text_contains("a\xfe" "b", "\xff" "b"));
	/* Only at character boundaries: 广 is e5 b9 bf. */
	assert_false(text_contains("广", "\xb9\xbf"));
	assert_false(text_contains("广州", "\xbf\xe5"));
}

static void matches_at(const char *hay, const char *needle, size_t want_len)
{
	size_t len = 12345;

	if (!text_match_at(hay, needle, &len))
		fail_msg("\"%s\" does not start with \"%s\"", hay, needle);
	assert_int_equal(len, want_len);
}

static void test_match_at(void **state)
{
	size_t len = 0;

	(void)state;
	matches_at("ABCdef", "abc", 3);
	matches_at("abc", "ABC", 3);
	matches_at("信访局预算", "信访", 6);
	matches_at("ΑΒΓ", "αβ", 4);
	/* The bytes of hay, not of needle: KELVIN SIGN (3 bytes) is 'k'. */
	matches_at("\xE2\x84\xAA" "m", "km", 4);
	assert_false(text_match_at("xabc", "abc", &len));
	assert_false(text_match_at("ab", "abc", &len));
	assert_false(text_match_at("", "a", &len));
	/* An empty needle matches nothing here. */
	assert_false(text_match_at("abc", "", &len));
	assert_false(text_match_at("广州", "州", &len));
}

static void test_count(void **state)
{
	(void)state;
	assert_int_equal(text_count("abc", "abc"), 1);
	assert_int_equal(text_count("abcABCaBc", "abc"), 3);
	assert_int_equal(text_count("xyz", "abc"), 0);
	assert_int_equal(text_count("", "a"), 0);
	assert_int_equal(text_count("abc", ""), 0);
	assert_int_equal(text_count("预算Budget预算budget", "BUDGET"), 2);
	assert_int_equal(text_count("预算Budget预算budget", "预算"), 2);
	assert_int_equal(text_count("支出支出支出", "支出"), 3);
	/* Overlapping occurrences count once each, left to right. */
	assert_int_equal(text_count("aaaa", "aa"), 2);
	assert_int_equal(text_count("aaa", "aa"), 1);
	assert_int_equal(text_count("aaaaa", "aa"), 2);
	assert_int_equal(text_count("中中中", "中中"), 1);
	assert_int_equal(text_count("ababa", "aba"), 1);
	/* No match across the middle of a character. */
	assert_int_equal(text_count("广广", "\xbf\xe5"), 0);
}

/* ---- the string buffer ---- */

static void test_sbuf(void **state)
{
	struct sbuf b = {0};
	char *s;

	(void)state;
	s = sbuf_take(&b);
	assert_string_equal(s, "");
	free(s);

	sbuf_add(&b, "abc");
	sbuf_addn(&b, "defgh", 2);
	sbuf_addf(&b, "[%d|%s]", 42, "广");
	sbuf_pad(&b, 3);
	sbuf_pad(&b, 0);
	sbuf_pad(&b, -2);
	assert_string_equal(b.s, "abcde[42|广]   ");
	assert_int_equal(b.len, strlen(b.s));
	for (int i = 0; i < 1000; i++)
		sbuf_addf(&b, "%04d", i);
	assert_int_equal(b.len, 16 + 4000);
	assert_memory_equal(b.s + b.len - 8, "09980999", 8);
	/* One piece longer than sbuf_addf's first try. */
	sbuf_addf(&b, "%0600d|", 7);
	assert_int_equal(b.len, 16 + 4000 + 601);
	assert_memory_equal(b.s + b.len - 3, "07|", 3);
	assert_int_equal(b.s[16 + 4000], '0');
	s = sbuf_take(&b);
	assert_null(b.s);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	assert_int_equal(strlen(s), 16 + 4000 + 601);
	free(s);

	sbuf_add(&b, "x");
	sbuf_free(&b);
	assert_null(b.s);
	sbuf_free(&b);
}

static void test_sbuf_clear(void **state)
{
	struct sbuf b = {0};
	char *storage;
	size_t cap;

	(void)state;
	sbuf_clear(&b);		/* nothing to clear yet */
	assert_int_equal(b.len, 0);
	sbuf_add(&b, "some text to throw away");
	storage = b.s;
	cap = b.cap;
	sbuf_clear(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.s, "");
	assert_ptr_equal(b.s, storage);
	assert_int_equal(b.cap, cap);
	sbuf_add(&b, "new");
	assert_string_equal(b.s, "new");
	assert_int_equal(b.len, 3);
	sbuf_free(&b);
}

static void trims(const char *s, const char *want)
{
	struct sbuf b = {0};

	sbuf_add(&b, s);
	sbuf_trim_end(&b);
	assert_string_equal(b.s, want);
	assert_int_equal(b.len, strlen(want));
	sbuf_free(&b);
}

static void test_sbuf_trim_end(void **state)
{
	struct sbuf b = {0};

	(void)state;
	trims("", "");
	trims("abc", "abc");
	trims("abc   ", "abc");
	trims("   ", "");
	trims(" a b ", " a b");
	trims("广州  ", "广州");
	/* Only spaces. */
	trims("a\t", "a\t");
	trims("a\n", "a\n");
	trims("a\xe3\x80\x80", "a\xe3\x80\x80");	/* U+3000 */
	sbuf_trim_end(&b);	/* an empty buffer */
	assert_int_equal(b.len, 0);
}

static void fits(const char *s, int cols, bool right, const char *want)
{
	struct sbuf b = {0};

	sbuf_add(&b, "|");
	sbuf_add_fit(&b, s, cols, right);
	sbuf_add(&b, "|");
	assert_string_equal(b.s, want);
	if (cols >= 0)
		assert_int_equal(text_width(b.s), cols + 2);
	sbuf_free(&b);
}

static void test_sbuf_add_fit(void **state)
{
	(void)state;
	fits("ab", 4, false, "|ab  |");
	fits("ab", 4, true, "|  ab|");
	fits("abcd", 4, true, "|abcd|");
	fits("abcdef", 4, false, "|abc~|");
	fits("abcdef", 4, true, "|abc~|");
	fits("广州市", 6, false, "|广州市|");
	fits("广州市", 5, false, "|广州~|");
	fits("广州市", 4, false, "|广~ |");
	fits("广州市", 4, true, "| 广~|");
	fits("广州市", 7, true, "| 广州市|");
	fits("", 3, true, "|   |");
	fits("", 3, false, "|   |");
	fits("abc", 0, false, "||");
	fits("\x1b[2J", 6, false, "|" FFFD "[2J  |");
	fits("\xff\xff\xff\xff", 3, false, "|" FFFD FFFD "~|");
	fits("a\xE2\x80\x8B" "b", 12, true, "|  a" CODE("200B") "b|");
}

/* Three faults the first version of these tests found. */

/* Text that fits keeps its visible forms whole: "‹U+00AD›" is 12 bytes
 * for the 2 of a soft hyphen. */
static void test_fit_visible_forms(void **state)
{
	(void)state;
	struct sbuf b = { 0 };
	sbuf_add_fit(&b, "\xC2\xAD", 20, false);
	assert_string_equal(b.s, "\xE2\x80\xB9U+00AD\xE2\x80\xBA            ");
	sbuf_clear(&b);
	sbuf_add_fit(&b, "\xE2\x80\xAE", 10, true);
	assert_string_equal(b.s, "  \xE2\x80\xB9U+202E\xE2\x80\xBA");
	sbuf_free(&b);
}

/* A character cut off by the end of the bytes given is not clean, and
 * nothing past them is read (valgrind sees to that: the copy is exact). */
static void test_is_clean_stays_inside(void **state)
{
	(void)state;
	char *b = malloc(2);
	memcpy(b, "\xE5\xB9", 2);
	assert_false(text_is_clean(b, 2, false));
	free(b);
	b = malloc(3);
	memcpy(b, "\xE5\xB9\xBF", 3);	/* 广, whole */
	assert_true(text_is_clean(b, 3, false));
	free(b);
}

/* A stray byte in what is searched for matches only the same stray byte. */
static void test_stray_byte_matches_itself(void **state)
{
	(void)state;
	size_t len = 99;
	assert_false(text_contains("\xE5\xB9\xBF", "\xE5"));
	assert_false(text_match_at("\xE5\xB9\xBF", "\xE5", &len));
	assert_int_equal(text_count("\xE5\xB9\xBF\xE5\xB9\xBF", "\xE5"), 0);
	assert_true(text_contains("a\xE5z", "\xE5"));
	assert_int_equal(text_count("\xE5 \xE5", "\xE5"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_is_control),
		cmocka_unit_test(test_is_invisible),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_is_clean),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_crop),
		cmocka_unit_test(test_crop_small_buffer),
		cmocka_unit_test(test_crop_properties),
		cmocka_unit_test(test_wrap_latin),
		cmocka_unit_test(test_wrap_newlines),
		cmocka_unit_test(test_wrap_cjk),
		cmocka_unit_test(test_wrap_line_breaking_rules),
		cmocka_unit_test(test_wrap_paragraph),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_match_at),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_sbuf),
		cmocka_unit_test(test_sbuf_clear),
		cmocka_unit_test(test_sbuf_trim_end),
		cmocka_unit_test(test_sbuf_add_fit),
		cmocka_unit_test(test_fit_visible_forms),
		cmocka_unit_test(test_is_clean_stays_inside),
		cmocka_unit_test(test_stray_byte_matches_itself),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
