/* text.c: UTF-8 measured in display columns, cropped, sanitised, wrapped;
 * and a growable string buffer. */
#define _XOPEN_SOURCE 700	/* wcwidth, nl_langinfo, strnlen */

#include "doc/text.h"

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "doc/msg.h"
#include "doc/util.h"


/* ---- characters ---- */

size_t text_decode(const char *s, wchar_t *wc)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c;
	size_t n;

	if (p[0] < 0x80) {
		*wc = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		c = p[0] & 0x1F;
		n = 2;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		c = p[0] & 0x0F;
		n = 3;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		c = p[0] & 0x07;
		n = 4;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)	/* a NUL ends it here too */
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	/* Overlong forms, surrogates, beyond U+10FFFF. */
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	*wc = (wchar_t)c;
	return n;
}

bool text_is_control(wchar_t wc, bool keep_newlines)
{
	if (wc == L'\n')
		return !keep_newlines;
	return wc < 0x20 || (wc >= 0x7F && wc <= 0x9F);
}

bool text_is_invisible(wchar_t wc)
{
	/* Unicode 14 general category Cf, then Zl and Zp. */
	static const uint32_t ranges[][2] = {
		{ 0xAD, 0xAD }, { 0x600, 0x605 }, { 0x61C, 0x61C }, { 0x6DD, 0x6DD },
		{ 0x70F, 0x70F }, { 0x890, 0x891 }, { 0x8E2, 0x8E2 }, { 0x180E, 0x180E },
		{ 0x200B, 0x200F }, { 0x2028, 0x202E }, { 0x2060, 0x2064 },
		{ 0x2066, 0x206F }, { 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB },
		{ 0x110BD, 0x110BD }, { 0x110CD, 0x110CD }, { 0x13430, 0x13438 },
		{ 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A }, { 0xE0001, 0xE0001 },
		{ 0xE0020, 0xE007F },
	};
	uint32_t c = (uint32_t)wc;
	if (c < 0xAD)
		return false;
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (c >= ranges[i][0] && c <= ranges[i][1])
			return true;
	return false;
}

/* How a character is shown. */
enum shown_as { AS_ITSELF, AS_REPLACEMENT, AS_CODE };

/* The character at s (not at its NUL) as it is shown: returns its length in
 * bytes.  An invalid byte stands alone. */
static size_t shown(const char *s, bool keep_newlines, wchar_t *wc, enum shown_as *as)
{
	size_t n = text_decode(s, wc);

	if (n == 0 || text_is_control(*wc, keep_newlines))
		*as = AS_REPLACEMENT;
	else if (text_is_invisible(*wc))
		*as = AS_CODE;
	else
		*as = AS_ITSELF;
	return n ? n : 1;
}

/* The visible form of an invisible character: "‹U+202E›". */
static int code_form(wchar_t wc, char *buf, size_t size)
{
	snprintf(buf, size, "\xE2\x80\xB9U+%04X\xE2\x80\xBA", (unsigned)wc);
	return (int)strlen(buf) - 4;	/* ‹ and › take three bytes, one column */
}

/* Width of the character at s (not at its NUL); its length goes to *len. */
static int char_width(const char *s, size_t *len)
{
	wchar_t wc;
	enum shown_as as;
	char buf[16];
	int w;

	*len = shown(s, false, &wc, &as);
	if (as == AS_REPLACEMENT)
		return 1;
	if (as == AS_CODE)
		return code_form(wc, buf, sizeof buf);
	if (wc < 0x80)
		return 1;
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	int width = 0;
	size_t n;

	for (; *s; s += n)
		width += char_width(s, &n);
	return width;
}

char *text_sanitize(const char *s, bool keep_newlines)
{
	struct sbuf b = {0};
	wchar_t wc;
	enum shown_as as;
	char buf[16];
	size_t n;

	sbuf_add(&b, "");
	for (; *s; s += n) {
		n = shown(s, keep_newlines, &wc, &as);
		if (as == AS_REPLACEMENT) {
			sbuf_add(&b, TEXT_REPLACEMENT);
		} else if (as == AS_CODE) {
			code_form(wc, buf, sizeof buf);
			sbuf_add(&b, buf);
		} else {
			sbuf_addn(&b, s, n);
		}
	}
	return sbuf_take(&b);
}

bool text_is_clean(const char *s, size_t len, bool keep_newlines)
{
	const char *end = s + len;
	wchar_t wc;
	enum shown_as as;

	while (s < end) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c < 0x7F) {
			s++;
			continue;
		}
		if (c == '\0')
			return false;
		/* A character cut off by the end is not clean; and the decoder
		 * must not read past it. */
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (need > (size_t)(end - s))
			return false;
		s += shown(s, keep_newlines, &wc, &as);
		if (as != AS_ITSELF || s > end)
			return false;
	}
	return true;
}

/* ---- cropping ---- */

/* Length in bytes of the longest prefix of s that is at most cols wide and
 * at most max bytes long; its width goes to *width. */
static size_t fitting_prefix(const char *s, int cols, size_t max, int *width)
{
	size_t len = 0, n;
	int w;

	*width = 0;
	while (s[len]) {
		w = char_width(s + len, &n);
		if (*width + w > cols || len + n > max)
			break;
		*width += w;
		len += n;
	}
	return len;
}

int text_crop(char *out, size_t outsz, const char *s, int cols)
{
	const size_t mark = strlen(TEXT_CROP_MARK);
	char *clean;
	size_t len;
	int width = 0;

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	if (cols <= 0)
		return 0;
	/* Cropping the sanitised text keeps the copy free of controls. */
	clean = text_sanitize(s, false);
	len = fitting_prefix(clean, cols, outsz - 1, &width);
	if (clean[len] == '\0') {
		memcpy(out, clean, len + 1);
	} else if (outsz > mark) {
		/* The mark takes one column. */
		len = fitting_prefix(clean, cols - 1, outsz - 1 - mark, &width);
		memcpy(out, clean, len);
		memcpy(out + len, TEXT_CROP_MARK, mark + 1);
		width++;
	} else {
		width = 0;	/* no room even for the mark */
	}
	free(clean);
	return width;
}

/* ---- wrapping ---- */

/* Pass the n bytes at s to emit as a string.  s is inside the caller's own
 * copy, so it is terminated in place for the call. */
static void emit_line(char *s, size_t n,
		      void (*emit)(const char *line, void *ctx), void *ctx)
{
	char saved = s[n];

	s[n] = '\0';
	emit(s, ctx);
	s[n] = saved;
}

/* Line-breaking rules of Chinese typesetting (禁则): closing punctuation
 * never starts a line and opening brackets never end one. */
static bool starts_with_any(const char *p, const char *const *set)
{
	for (; *set; set++)
		if (strncmp(p, *set, strlen(*set)) == 0)
			return true;
	return false;
}

static bool may_break_between(const char *before, const char *after)
{
	static const char *const closing[] = { "，", "。", "、", "；", "：", "？", "！",
		"）", "」", "』", "》", "】", "”", "’", "…", "％", ")", ",", ".", ";",
		":", "?", "!", "%", NULL };
	static const char *const opening[] = { "（", "「", "『", "《", "【", "“", "‘",
		"(", NULL };
	return !starts_with_any(after, closing) && !starts_with_any(before, opening);
}

/* Wrap the n bytes at s, which hold no '\n'. */
static void wrap_paragraph(char *s, size_t n, int cols,
			   void (*emit)(const char *line, void *ctx), void *ctx)
{
	char *end = s + n;

	while (s < end) {
		char *p, *prev = s, *cut = NULL, *next = NULL;
		int width = 0, prev_width = 0, w;
		size_t len = 0;

		/* Find the last break point before the line overflows at p. */
		for (p = s; p < end; p += len) {
			w = char_width(p, &len);
			if (*p == ' ' && (p == s || p[-1] != ' ')) {
				/* Before a run of spaces; the run is dropped. */
				cut = next = p;
				while (next < end && *next == ' ')
					next++;
			} else if (p > s && p[-1] != ' ' && w > 0 &&
				   (w == 2 || prev_width == 2) &&
				   may_break_between(prev, p)) {
				/* Next to a wide character. */
				cut = next = p;
			}
			if (width + w > cols)
				break;
			width += w;
			if (w > 0)
				prev_width = w;
			prev = p;
		}
		if (p == end) {
			emit_line(s, (size_t)(end - s), emit, ctx);
			return;
		}
		if (cut == NULL || cut == s) {
			/* No break point: cut the word, but take at least the
			 * character at p should even that one not fit. */
			cut = next = p == s ? p + len : p;
		}
		emit_line(s, (size_t)(cut - s), emit, ctx);
		s = next;
	}
}

void text_wrap(const char *s, int cols,
	       void (*emit)(const char *line, void *ctx), void *ctx)
{
	char *clean = text_sanitize(s, true);
	char *p = clean, *nl;

	/* Every '\n' ends a line; a final one does not start another. */
	while (*p) {
		nl = strchr(p, '\n');
		if (!nl) {
			wrap_paragraph(p, strlen(p), cols, emit, ctx);
			break;
		}
		if (nl == p)
			emit("", ctx);
		else
			wrap_paragraph(p, (size_t)(nl - p), cols, emit, ctx);
		p = nl + 1;
	}
	free(clean);
}

/* ---- search ---- */

/* True when hay starts with needle, ignoring case; *len gets the bytes of
 * hay covered.  Invalid bytes match only themselves. */
static bool starts_with_len(const char *hay, const char *needle, size_t *len)
{
	wchar_t h, n;
	size_t hn, nn;
	const char *start = hay;

	while (*needle) {
		if (!*hay)
			return false;
		hn = text_decode(hay, &h);
		nn = text_decode(needle, &n);
		if (hn == 0 || nn == 0) {
			/* A stray byte matches only the same stray byte, never
			 * the first byte of a character. */
			if (hn != nn || *hay != *needle)
				return false;
			hn = nn = 1;
		} else if (towlower((wint_t)h) != towlower((wint_t)n)) {
			return false;
		}
		hay += hn;
		needle += nn;
	}
	*len = (size_t)(hay - start);
	return true;
}

static bool starts_with(const char *hay, const char *needle)
{
	size_t len;
	return starts_with_len(hay, needle, &len);
}

bool text_match_at(const char *hay, const char *needle, size_t *len)
{
	return *needle && starts_with_len(hay, needle, len);
}

size_t text_count(const char *hay, const char *needle)
{
	size_t n = 0, len;
	if (!*needle)
		return 0;
	while (*hay) {
		if (starts_with_len(hay, needle, &len) && len) {
			n++;
			hay += len;
			continue;
		}
		wchar_t wc;
		size_t k = text_decode(hay, &wc);
		hay += k ? k : 1;
	}
	return n;
}

bool text_contains(const char *hay, const char *needle)
{
	wchar_t wc;
	size_t n;

	for (;; hay += n) {
		if (starts_with(hay, needle))
			return true;
		if (!*hay)
			return false;
		n = text_decode(hay, &wc);
		n = n ? n : 1;
	}
}

/* ---- locale ---- */

static bool codeset_is_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);

	return strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0;
}

bool text_init(void)
{
	static const char *const fallbacks[] = {
		"C.UTF-8", "C.utf8", "en_US.UTF-8",
	};
	size_t i;

	if (setlocale(LC_CTYPE, "") && codeset_is_utf8())
		return true;
	for (i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++)
		if (setlocale(LC_CTYPE, fallbacks[i]) && codeset_is_utf8())
			return true;
	return false;
}

/* ---- string buffer ---- */

/* Make room for n more bytes and the NUL. */
static void sbuf_reserve(struct sbuf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 64;

	if (n >= SIZE_MAX / 2 - b->len)
		util_fail(msg(M_OUT_OF_MEMORY));
	if (b->len + n < b->cap)
		return;
	while (cap <= b->len + n)
		cap *= 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void sbuf_addn(struct sbuf *b, const char *s, size_t n)
{
	sbuf_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sbuf_add(struct sbuf *b, const char *s)
{
	sbuf_addn(b, s, strlen(s));
}

void sbuf_addf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sbuf_vaddf(b, fmt, ap);
	va_end(ap);
}

void sbuf_vaddf(struct sbuf *b, const char *fmt, va_list ap)
{
	va_list again;
	char small[256];	/* most pieces fit: one formatting pass */
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n < 0)	/* past INT_MAX bytes: no room for it either */
		util_fail(msg(M_OUT_OF_MEMORY));
	if ((size_t)n < sizeof small) {
		sbuf_addn(b, small, (size_t)n);
	} else {
		sbuf_reserve(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

void sbuf_pad(struct sbuf *b, int n)
{
	if (n <= 0)
		return;
	sbuf_reserve(b, (size_t)n);
	memset(b->s + b->len, ' ', (size_t)n);
	b->len += (size_t)n;
	b->s[b->len] = '\0';
}

void sbuf_add_fit(struct sbuf *b, const char *s, int cols, bool right_align)
{
	/* Sanitising turns one byte into at most a visible form such as
	 * "‹U+00AD›" (14 bytes at the most); the mark and NUL come on top. */
	size_t size = 14 * strlen(s) + sizeof TEXT_CROP_MARK;
	char *fit = xmalloc(size);
	int pad = cols - text_crop(fit, size, s, cols);

	if (right_align)
		sbuf_pad(b, pad);
	sbuf_add(b, fit);
	if (!right_align)
		sbuf_pad(b, pad);
	free(fit);
}

void sbuf_clear(struct sbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void sbuf_trim_end(struct sbuf *b)
{
	while (b->len && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
}

char *sbuf_take(struct sbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void sbuf_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void text_drop_partial(char *s)
{
	size_t n = strlen(s), i = n;
	while (i > 0 && n - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (!i)
		return;
	unsigned char c = (unsigned char)s[i - 1];
	size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (c >= 0xC0 && n - (i - 1) < want)
		s[i - 1] = '\0';
}

size_t text_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
