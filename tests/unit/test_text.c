/* test_text.c: display width, cropping, sanitising, wrapping, search and
 * the string buffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc/text.h"

#define FFFD "\xEF\xBF\xBD"

static int setup(void **state)
{
	(void)state;
	return text_init() ? 0 : -1;
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("广州市信访局"), 12);
	assert_int_equal(text_width("2020年广州"), 10);
	assert_int_equal(text_width("\xe3\x80\x80"), 2);	/* U+3000 */
	assert_int_equal(text_width("（万元）"), 8);
	/* e + combining acute. */
	assert_int_equal(text_width("e\xcc\x81"), 1);
	assert_int_equal(text_width("caf" "e\xcc\x81" "s"), 5);
	/* Invalid bytes count one each, as their U+FFFD. */
	assert_int_equal(text_width("\xff"), 1);
	assert_int_equal(text_width("a\xff\xfe" "b"), 4);
	assert_int_equal(text_width("\xe5\xb9"), 2);	/* cut 广 */
	assert_int_equal(text_width("\xc0\xaf"), 2);	/* overlong '/' */
	assert_int_equal(text_width("\xed\xa0\x80"), 3);	/* surrogate */
	assert_int_equal(text_width("\xf4\x90\x80\x80"), 4);	/* > U+10FFFF */
	/* Controls count one, as their U+FFFD. */
	assert_int_equal(text_width("\x1b[31m"), 5);
	assert_int_equal(text_width("\t\n\a\x7f"), 4);
	assert_int_equal(text_width("\xc2\x9b"), 1);	/* C1 CSI */
	/* Valid but unprintable (wcwidth -1): one column too. */
	assert_int_equal(text_width("\xe2\x80\xa8"), 1);	/* U+2028 */
}

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

static void sanitizes(const char *s, bool keep_newlines, const char *want)
{
	char *got = text_sanitize(s, keep_newlines);

	assert_string_equal(got, want);
	/* Clean exactly when nothing changed, and the result is clean. */
	assert_int_equal(text_is_clean(s, keep_newlines), strcmp(s, want) == 0);
	assert_true(text_is_clean(got, keep_newlines));
	assert_int_equal(text_width(got), text_width(s));
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
	sanitizes("\x1b[31mred\x1b[0m", false, FFFD "[31mred" FFFD "[0m");
	sanitizes("ding\a", false, "ding" FFFD);
	sanitizes("a\tb", false, "a" FFFD "b");
	sanitizes("a\tb", true, "a" FFFD "b");
	sanitizes("a\rb", true, "a" FFFD "b");
	sanitizes("a\nb", false, "a" FFFD "b");
	sanitizes("a\nb", true, "a\nb");
	sanitizes("del\x7f", false, "del" FFFD);
	sanitizes("\xc2\x9b" "31m", false, FFFD "31m");	/* C1 CSI */
	sanitizes("\xc2\x80\xc2\x9f\xc2\xa0", false, FFFD FFFD "\xc2\xa0");
	sanitizes("\xff", false, FFFD);
	sanitizes("a\xe5\xb9", false, "a" FFFD FFFD);
	sanitizes("\xe5\xb9" "x", false, FFFD FFFD "x");
	sanitizes("\xc0\xaf", false, FFFD FFFD);
	sanitizes("\xe0\x80\xaf", false, FFFD FFFD FFFD);
	sanitizes("\xed\xa0\x80", false, FFFD FFFD FFFD);
	sanitizes("\xf4\x90\x80\x80", false, FFFD FFFD FFFD FFFD);
	sanitizes("\xf8\x88\x80\x80\x80", false, FFFD FFFD FFFD FFFD FFFD);
	sanitizes("\x80" "广", false, FFFD "广");
}

/* The lines text_wrap emitted, joined by '|'. */
struct lines {
	char text[512];
	int count;
	int cols;
};

static void collect(const char *line, void *ctx)
{
	struct lines *l = ctx;

	if (l->count++)
		strcat(l->text, "|");
	strcat(l->text, line);
	/* Below the contract's 2 columns, a wide character overflows. */
	assert_true(text_width(line) <= (l->cols < 2 ? 2 : l->cols));
	assert_true(text_is_clean(line, false));
}

static void wraps(const char *s, int cols, const char *want, int want_count)
{
	struct lines l = {"", 0, cols};

	text_wrap(s, cols, collect, &l);
	assert_string_equal(l.text, want);
	assert_int_equal(l.count, want_count);
}

/* 禁则: closing punctuation never starts a line, opening brackets never end one. */
static void test_wrap_line_breaking_rules(void **state)
{
	(void)state;
	wraps("中文，中文", 4, "中|文，|中文", 3);
	wraps("中文（中文）", 6, "中文|（中|文）", 3);
	wraps("甲乙丙。丁", 6, "甲乙|丙。丁", 2);
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
	/* Narrow cols: a wide character still goes somewhere. */
	wraps("广州", 1, "广|州", 2);
}

struct joined {
	char text[1024];
	int lines;
	int widest;
};

static void join(const char *line, void *ctx)
{
	struct joined *j = ctx;
	int w = text_width(line);

	strcat(j->text, line);
	j->lines++;
	if (w > j->widest)
		j->widest = w;
	assert_true(w <= 10);
}

static void test_wrap_paragraph(void **state)
{
	static const char paragraph[] =
		"广州市信访局是负责全市信访工作的市政府工作部门，"
		"2020年收支总预算3676.98万元，比上年增加160.81万元，"
		"增长4.57%。";
	struct joined j = {"", 0, 0};

	(void)state;
	text_wrap(paragraph, 10, join, &j);
	assert_string_equal(j.text, paragraph);
	assert_int_equal(j.widest, 10);
	assert_true(j.lines >= (text_width(paragraph) + 9) / 10);
}

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
	assert_true(text_contains("Straße ÄRGER", "äRger"));
	assert_true(text_contains("ΑΒΓ", "βγ"));
	assert_true(text_contains("a\xff" "b", "\xff" "B"));
	assert_false(text_contains("a\xfe" "b", "\xff" "b"));
	/* A match only at character boundaries: 广 is e5 b9 bf. */
	assert_false(text_contains("广", "\xb9\xbf"));
}

static void test_sbuf(void **state)
{
	struct sbuf b = {0};
	char *s;
	int i;

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
	for (i = 0; i < 1000; i++)
		sbuf_addf(&b, "%04d", i);
	assert_int_equal(b.len, 16 + 4000);
	assert_memory_equal(b.s + b.len - 8, "09980999", 8);
	s = sbuf_take(&b);
	assert_null(b.s);
	assert_int_equal(b.len, 0);
	assert_int_equal(strlen(s), 16 + 4000);
	free(s);

	sbuf_add(&b, "x");
	sbuf_free(&b);
	assert_null(b.s);
	sbuf_free(&b);
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
	fits("abcdef", 4, false, "|abc~|");
	fits("广州市", 6, false, "|广州市|");
	fits("广州市", 5, false, "|广州~|");
	fits("广州市", 4, false, "|广~ |");
	fits("广州市", 4, true, "| 广~|");
	fits("", 3, true, "|   |");
	fits("abc", 0, false, "||");
	fits("\x1b[2J", 6, false, "|" FFFD "[2J  |");
	fits("\xff\xff\xff\xff", 3, false, "|" FFFD FFFD "~|");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_crop),
		cmocka_unit_test(test_crop_small_buffer),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_wrap_latin),
		cmocka_unit_test(test_wrap_newlines),
		cmocka_unit_test(test_wrap_cjk),
		cmocka_unit_test(test_wrap_paragraph),
		cmocka_unit_test(test_wrap_line_breaking_rules),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_sbuf),
		cmocka_unit_test(test_sbuf_add_fit),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
