/* text.h: UTF-8 text measured in display columns, cropped without ever
 * splitting a character, sanitised so no control character reaches a
 * terminal, and a growable string buffer. */
#ifndef BUDGET_TEXT_H
#define BUDGET_TEXT_H

#include <stdbool.h>
#include <stddef.h>

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
/* Append n spaces. */
void sbuf_pad(struct sbuf *b, int n);
/* Append s fitted to exactly `cols` columns: cropped with the mark when too
 * wide, padded with spaces on the right (or the left when right_align). */
void sbuf_add_fit(struct sbuf *b, const char *s, int cols, bool right_align);
/* Drop trailing spaces. */
void sbuf_trim_end(struct sbuf *b);
/* Take the buffer's string (caller frees) and reset the buffer. */
char *sbuf_take(struct sbuf *b);
/* Free the buffer's storage. */
void sbuf_free(struct sbuf *b);

/* Decode the character at s (not at its NUL) into *wc.  Returns its length
 * in bytes, or 0 when the byte at s does not start a valid character (the
 * caller then takes that one byte as U+FFFD). */
#include <wchar.h>
size_t text_decode(const char *s, wchar_t *wc);

/* True for what is never shown as itself: C0 and C1 controls and DEL, and
 * '\n' unless keep_newlines. */
bool text_is_control(wchar_t wc, bool keep_newlines);

/* The UTF-8 of U+FFFD, shown in place of what cannot be shown. */
#define TEXT_REPLACEMENT "\xEF\xBF\xBD"

/* Display width of a UTF-8 string: wide (CJK) characters count 2, combining
 * characters 0, invalid bytes and control characters 1 (they are shown as
 * U+FFFD).  Needs an LC_CTYPE UTF-8 locale (text_init). */
int text_width(const char *s);

/* Copy into out (of size outsz) the longest prefix of s that fits in cols
 * columns; if s had to be cut, the copy ends with TEXT_CROP_MARK and still
 * fits in cols.  Never splits a character.  Returns the width copied. */
int text_crop(char *out, size_t outsz, const char *s, int cols);

/* A copy of s (malloc'd) in which invalid UTF-8, C0/C1 control characters
 * and DEL are replaced by U+FFFD; with keep_newlines, '\n' is kept. */
char *text_sanitize(const char *s, bool keep_newlines);

/* True if s holds nothing text_sanitize would replace. */
bool text_is_clean(const char *s, bool keep_newlines);

/* Split a paragraph into lines of at most cols columns (cols >= 2), breaking
 * at spaces for Latin text and between any two CJK characters; '\n' forces a
 * break.  Calls emit(line, ctx) for each line (line is NUL-terminated and
 * only valid during the call). */
void text_wrap(const char *s, int cols,
	       void (*emit)(const char *line, void *ctx), void *ctx);

/* Case-insensitive substring search over UTF-8 (ASCII letters and, via
 * towlower, other cased letters).  Returns true when needle occurs in hay. */
bool text_contains(const char *hay, const char *needle);

/* Make sure LC_CTYPE is a UTF-8 locale: keeps the user's if it is one,
 * else tries C.UTF-8.  Returns false when no UTF-8 locale could be set. */
bool text_init(void);

#endif
