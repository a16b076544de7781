/* yread.c: libyaml events, one at a time. */
#include "doc/yread.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "doc/msg.h"
#include "doc/text.h"
#include "doc/util.h"

bool yread_fail(struct yread *r, yaml_mark_t m, const char *message)
{
	if (r->failed)
		return false;
	r->failed = true;
	r->line = (int)m.line + 1;
	r->col = (int)m.column + 1;
	/* libyaml ends a file without a final newline with one of its own:
	 * a place past the end is the end. */
	int line, col;
	yread_position(r, r->len, &line, &col);
	if (r->line > line || (r->line == line && r->col > col)) {
		r->line = line;
		r->col = col;
	}
	/* Cut, if at all, between characters. */
	text_crop(r->message, sizeof r->message, message, INT_MAX / 2);
	return false;
}

/* The input as libyaml's reader decodes it (yaml_parser_determine_encoding):
 * UTF-16 after its byte-order mark, else UTF-8, a leading UTF-8 mark
 * skipped.  Marks count from after the byte-order mark. */
enum encoding { ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE };

static size_t skip_bom(const unsigned char *s, size_t len, enum encoding *enc)
{
	*enc = ENC_UTF8;
	if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		*enc = ENC_UTF16LE;
		return 2;
	}
	if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		*enc = ENC_UTF16BE;
		return 2;
	}
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

/* The character at s[i] (i < len): its code point, and its width in bytes
 * as the reader takes it (at least 1, never beyond len).  Only what comes
 * before a reader error is ever counted, and the reader decoded all of
 * that, so the lead byte (or the surrogate) tells the width. */
static size_t char_at(const unsigned char *s, size_t i, size_t len, enum encoding enc,
		      unsigned long *cp)
{
	size_t left = len - i, w;
	if (enc == ENC_UTF8) {
		unsigned char c = s[i];
		w = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 :
		    (c & 0xF8) == 0xF0 ? 4 : 1;
		if (w > left)
			w = 1;
		if (w == 1) {
			*cp = c < 0x80 ? c : 0xFFFD;	/* a stray byte breaks no line */
			return 1;
		}
		*cp = c & (0x7F >> w);
		for (size_t k = 1; k < w; k++)
			*cp = *cp << 6 | (s[i + k] & 0x3F);
		return w;
	}
	if (left < 2) {
		*cp = 0xFFFD;
		return left;
	}
	bool le = enc == ENC_UTF16LE;
	unsigned long u = le ? (unsigned long)s[i] | (unsigned long)s[i + 1] << 8
			     : (unsigned long)s[i] << 8 | s[i + 1];
	*cp = u;
	if (u >= 0xD800 && u <= 0xDBFF && left >= 4) {
		unsigned long l = le ? (unsigned long)s[i + 2] | (unsigned long)s[i + 3] << 8
				     : (unsigned long)s[i + 2] << 8 | s[i + 3];
		if (l >= 0xDC00 && l <= 0xDFFF) {
			*cp = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
			return 4;
		}
	}
	return 2;
}

/* A line breaks at LF, CR and CR LF (one break), as editors and libyaml
 * both count; a column is a character, whatever its width.  (libyaml
 * also breaks at NEL, LS and PS, which editors do not: yread_open refuses
 * them, so no position ever comes after one.) */
void yread_position(const struct yread *r, size_t offset, int *line, int *col)
{
	const unsigned char *s = (const unsigned char *)r->text;
	enum encoding enc;
	*line = 1;
	*col = 1;
	if (offset > r->len)
		offset = r->len;
	for (size_t i = skip_bom(s, r->len, &enc); i < offset;) {
		unsigned long c, next;
		size_t n = char_at(s, i, r->len, enc, &c);
		if (c == '\r' && i + n < r->len) {
			size_t m = char_at(s, i + n, r->len, enc, &next);
			if (next == '\n')
				n += m;
		}
		if (c == '\n' || c == '\r') {
			++*line;
			*col = 1;
		} else {
			++*col;
		}
		i += n;
	}
}

/* libyaml's own error: a reader error (bad encoding, a control character)
 * has only an offset, the others a mark. */
static void parser_error(struct yread *r)
{
	const yaml_parser_t *p = &r->parser;
	char message[400];
	snprintf(message, sizeof message, msg(M_YAML_SYNTAX),
		 p->problem ? p->problem : msg(M_YAML_UNREADABLE),
		 p->context ? " " : "", p->context ? p->context : "");
	if (p->error == YAML_READER_ERROR) {
		yaml_mark_t m = { 0, 0, 0 };
		int line, col;
		yread_position(r, p->problem_offset, &line, &col);
		m.line = (size_t)line - 1;
		m.column = (size_t)col - 1;
		yread_fail(r, m, message);
	} else {
		yread_fail(r, p->problem ? p->problem_mark : p->context_mark, message);
	}
}

const yaml_event_t *yread_peek(struct yread *r)
{
	if (r->failed)
		return NULL;
	if (r->have)
		return &r->event;
	if (!yaml_parser_parse(&r->parser, &r->event)) {
		parser_error(r);
		return NULL;
	}
	r->have = true;
	const yaml_event_t *e = &r->event;
	switch (e->type) {
	case YAML_ALIAS_EVENT:
		yread_fail(r, e->start_mark, msg(M_YAML_ALIAS));
		return NULL;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (r->depth >= YREAD_MAX_DEPTH) {
			yread_fail(r, e->start_mark, msg(M_YAML_TOO_DEEP));
			return NULL;
		}
		r->depth++;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		r->depth--;
		break;
	case YAML_SCALAR_EVENT:
		if (strlen((const char *)e->data.scalar.value) != e->data.scalar.length) {
			yread_fail(r, e->start_mark, msg(M_YAML_NUL));
			return NULL;
		}
		break;
	default:
		break;
	}
	return e;
}

void yread_take(struct yread *r)
{
	if (r->have) {
		yaml_event_delete(&r->event);
		r->have = false;
	}
}

/* Read one event of the given type and drop it. */
static bool expect(struct yread *r, yaml_event_type_t type, enum msg_id message)
{
	const yaml_event_t *e = yread_peek(r);
	if (!e)
		return false;
	if (e->type != type)
		return yread_fail(r, e->start_mark, msg(message));
	yread_take(r);
	return true;
}

/* The first NEL (U+0085), LS (U+2028) or PS (U+2029) in the input: libyaml
 * ends a line there, editors do not, so a comment could hide a key from
 * the eye that the reader then takes.  Its offset, or len when none. */
static size_t hidden_break(const unsigned char *s, size_t len, unsigned long *which)
{
	enum encoding enc;
	size_t i = skip_bom(s, len, &enc);
	if (enc == ENC_UTF8) {
		for (; i + 1 < len; i++) {
			if (s[i] == 0xC2 && s[i + 1] == 0x85) {
				*which = 0x85;
				return i;
			}
			if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
			    (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
				*which = s[i + 2] == 0xA8 ? 0x2028 : 0x2029;
				return i;
			}
		}
		return len;
	}
	for (unsigned long c; i < len; i += char_at(s, i, len, enc, &c))
		if (char_at(s, i, len, enc, &c) && (c == 0x85 || c == 0x2028 || c == 0x2029)) {
			*which = c;
			return i;
		}
	return len;
}

bool yread_open(struct yread *r, const char *text, size_t len)
{
	memset(r, 0, sizeof *r);
	r->text = text;
	r->len = len;
	unsigned long which;
	size_t at = hidden_break((const unsigned char *)text, len, &which);
	if (at < len) {
		char message[200];
		int line, col;
		yread_position(r, at, &line, &col);
		snprintf(message, sizeof message, msg(M_YAML_HIDDEN_BREAK), which, which);
		yaml_mark_t m = { 0, (size_t)line - 1, (size_t)col - 1 };
		yread_fail(r, m, message);
		if (!yaml_parser_initialize(&r->parser))
			util_fail(msg(M_OUT_OF_MEMORY));
		return false;
	}
	if (!yaml_parser_initialize(&r->parser))
		util_fail(msg(M_OUT_OF_MEMORY));
	yaml_parser_set_input_string(&r->parser, (const unsigned char *)text, len);
	if (!expect(r, YAML_STREAM_START_EVENT, M_YAML_NOT_A_STREAM))
		return false;
	const yaml_event_t *e = yread_peek(r);
	if (!e)
		return false;
	if (e->type != YAML_DOCUMENT_START_EVENT)
		return yread_fail(r, e->start_mark, msg(M_YAML_EMPTY));
	yread_take(r);
	return true;
}

bool yread_finish(struct yread *r)
{
	return expect(r, YAML_DOCUMENT_END_EVENT, M_YAML_DOCUMENT_END) &&
	       expect(r, YAML_STREAM_END_EVENT, M_YAML_ONE_DOCUMENT);
}

void yread_close(struct yread *r)
{
	yread_take(r);
	yaml_parser_delete(&r->parser);
}
