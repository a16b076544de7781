/* yread.c: libyaml events, one at a time. */
#include "doc/yread.h"

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
	snprintf(r->message, sizeof r->message, "%s", message);
	return false;
}

void yread_position(const struct yread *r, size_t offset, int *line, int *col)
{
	*line = 1;
	*col = 1;
	if (offset > r->len)
		offset = r->len;
	for (size_t i = 0; i < offset;) {
		wchar_t wc;
		size_t n = text_decode(r->text + i, &wc);
		if (r->text[i] == '\n') {
			++*line;
			*col = 1;
		} else {
			++*col;
		}
		i += n ? n : 1;
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

bool yread_open(struct yread *r, const char *text, size_t len)
{
	memset(r, 0, sizeof *r);
	r->text = text;
	r->len = len;
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
