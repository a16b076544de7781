/* text.h: UTF-8 text measured in display columns, cropped without ever
 * splitting a character, sanitised so that nothing invisible or controlling
 * reaches a terminal, a file or a spreadsheet, and a growable string
 * buffer. */
#ifndef BUDGET_TEXT_H
#define BUDGET_TEXT_H

#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Shown where text was cut to fit: ASCII, so its width is 1 everywhere. */
#define TEXT_CROP_MARK "~"

/* A growable NUL-terminated byte string. */
struct sbuf {
	char *s;
	size_t len, cap;
};

/* Append bytes / a string / printf output; memory failure ends the program. */
void sbuf_addn(struct sbuf *b, const char *s, size_t n);
void sbuf_add(struct sbuf *b, const char *s);
void sbuf_addf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The same with a va_list (which it uses up). */
void sbuf_vaddf(struct sbuf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Append n spaces. */
void sbuf_pad(struct sbuf *b, int n);
/* Append s fitted to exactly `cols` columns: cropped with the mark when too
 * wide, padded with spaces on the right (or the left when right_align). */
void sbuf_add_fit(struct sbuf *b, const char *s, int cols, bool right_align);
/* Drop trailing spaces. */
void sbuf_trim_end(struct sbuf *b);
/* Empty the buffer, keeping its storage (s is "" afterwards). */
void sbuf_clear(struct sbuf *b);
/* Take the buffer's string (caller frees) and reset the buffer. */
char *sbuf_take(struct sbuf *b);
/* Free the buffer's storage. */
void sbuf_free(struct sbuf *b);

/* Decode the UTF-8 character at s (not at its NUL) into *wc, strictly
 * (RFC 3629: no overlong forms, surrogates or code points above U+10FFFF),
 * whatever the locale.  Returns its length in bytes, or 0 when the byte at
 * s does not start a valid character (the caller then takes that one byte
 * as U+FFFD). */
#include <wchar.h>
size_t text_decode(const char *s, wchar_t *wc);

/* True for what is never shown as itself because it controls a terminal:
 * C0 and C1 controls and DEL, and '\n' unless keep_newlines.  Shown as
 * U+FFFD. */
bool text_is_control(wchar_t wc, bool keep_newlines);

/* True for what would be invisible or would reorder text: the format
 * characters (Unicode Cf: bidi controls, zero-width spaces and joiners,
 * the byte-order mark...) and the line and paragraph separators U+2028
 * and U+2029.  Shown visibly, as "‹U+202E›". */
bool text_is_invisible(wchar_t wc);

/* The UTF-8 of U+FFFD, shown in place of what cannot be shown. */
#define TEXT_REPLACEMENT "\xEF\xBF\xBD"

/* Display width of a UTF-8 string as it is shown: wide (CJK) characters
 * count 2, combining characters 0, invalid bytes and control characters 1
 * (they are shown as U+FFFD), invisible ones the width of their visible
 * form.  Needs an LC_CTYPE UTF-8 locale (text_init) for wcwidth. */
int text_width(const char *s);

/* A code point in UTF-8: its bytes in out, their count. */
size_t text_encode(uint32_t cp, char out[4]);

/* Drop a character cut off at the end of s (by a snprintf that ran out of
 * room), so that s ends between characters. */
void text_drop_partial(char *s);

/* Copy into out (of size outsz) the longest prefix of s that fits in cols
 * columns; if s had to be cut, the copy ends with TEXT_CROP_MARK and still
 * fits in cols.  Never splits a character.  Returns the width copied. */
int text_crop(char *out, size_t outsz, const char *s, int cols);

/* A copy of s (malloc'd) as it may be shown anywhere: invalid UTF-8, C0/C1
 * control characters and DEL replaced by U+FFFD, invisible characters by
 * their visible form ‹U+XXXX›; with keep_newlines, '\n' is kept.  The one
 * sanitiser: the loader passes every text of a file through it, and every
 * output passes what it prints through it again. */
char *text_sanitize(const char *s, bool keep_newlines);

/* True if the n bytes at s hold nothing text_sanitize would change (and no
 * NUL).  Fast on ASCII, so the loader can skip the copy. */
bool text_is_clean(const char *s, size_t n, bool keep_newlines);

/* Split a paragraph into lines of at most cols columns (cols >= 2), breaking
 * at spaces for Latin text and between any two CJK characters; '\n' forces a
 * break.  Calls emit(line, ctx) for each line (line is NUL-terminated and
 * only valid during the call). */
void text_wrap(const char *s, int cols,
	       void (*emit)(const char *line, void *ctx), void *ctx);

/* Case-insensitive substring search over UTF-8 (ASCII letters and, via
 * towlower, other cased letters).  Returns true when needle occurs in hay. */
bool text_contains(const char *hay, const char *needle);
/* Does needle occur at the very start of hay, as text_contains matches?
 * *len gets the bytes of hay it covers. */
bool text_match_at(const char *hay, const char *needle, size_t *len);
/* How many times needle occurs in hay, the occurrences not overlapping. */
size_t text_count(const char *hay, const char *needle);

/* Make sure LC_CTYPE is a UTF-8 locale: keeps the user's if it is one,
 * else tries C.UTF-8.  Returns false when no UTF-8 locale could be set. */
bool text_init(void);

#endif
