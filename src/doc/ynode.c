/* ynode.c: libyaml events to a position-keeping tree. */
#include "doc/ynode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "doc/util.h"

struct reader {
	yaml_parser_t parser;
	struct ynode_error *err;
	int depth;
};

static bool fail_at(struct reader *rd, yaml_mark_t m, const char *msg)
{
	rd->err->line = (int)m.line + 1;
	rd->err->col = (int)m.column + 1;
	snprintf(rd->err->message, sizeof rd->err->message, "%s", msg);
	return false;
}

static bool next_event(struct reader *rd, yaml_event_t *ev)
{
	if (yaml_parser_parse(&rd->parser, ev))
		return true;
	yaml_parser_t *p = &rd->parser;
	yaml_mark_t m = p->problem ? p->problem_mark : p->context_mark;
	char msg[256];
	snprintf(msg, sizeof msg, "YAML syntax: %s%s%s",
		 p->problem ? p->problem : "unreadable input",
		 p->context ? " " : "", p->context ? p->context : "");
	return fail_at(rd, m, msg);
}

static struct ynode *node_new(enum ynode_type type, yaml_mark_t m)
{
	struct ynode *n = xcalloc(1, sizeof *n);
	n->type = type;
	n->line = (int)m.line + 1;
	n->col = (int)m.column + 1;
	return n;
}

static void node_push(struct ynode *parent, struct ynode *child)
{
	if (parent->nitems == parent->cap) {
		parent->cap = parent->cap ? parent->cap * 2 : 8;
		parent->items = xrealloc(parent->items,
					 parent->cap * sizeof *parent->items);
	}
	parent->items[parent->nitems++] = child;
}

static struct ynode *read_node(struct reader *rd, yaml_event_t *ev);

/* Read the items of a collection until its end event. */
static bool read_items(struct reader *rd, struct ynode *coll, yaml_event_type_t end)
{
	for (;;) {
		yaml_event_t ev;
		if (!next_event(rd, &ev))
			return false;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			return true;
		}
		struct ynode *child = read_node(rd, &ev);
		yaml_event_delete(&ev);
		if (!child)
			return false;
		node_push(coll, child);
	}
}

/* Build the node that starts with ev (which the caller deletes). */
static struct ynode *read_node(struct reader *rd, yaml_event_t *ev)
{
	struct ynode *n = NULL;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = node_new(YNODE_SCALAR, ev->start_mark);
		n->value = xmalloc(ev->data.scalar.length + 1);
		memcpy(n->value, ev->data.scalar.value, ev->data.scalar.length);
		n->value[ev->data.scalar.length] = '\0';
		if (strlen(n->value) != ev->data.scalar.length) {
			fail_at(rd, ev->start_mark, "a NUL character in a scalar");
			ynode_free(n);
			return NULL;
		}
		n->plain = ev->data.scalar.plain_implicit &&
			   ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return n;
	case YAML_ALIAS_EVENT:
		fail_at(rd, ev->start_mark,
			"aliases (*name) are not allowed in a budget file");
		return NULL;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		break;
	default:
		fail_at(rd, ev->start_mark, "unexpected YAML event");
		return NULL;
	}
	if (rd->depth >= YNODE_MAX_DEPTH) {
		fail_at(rd, ev->start_mark, "nesting deeper than 64 levels");
		return NULL;
	}
	bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
	n = node_new(seq ? YNODE_SEQUENCE : YNODE_MAPPING, ev->start_mark);
	rd->depth++;
	bool ok = read_items(rd, n, seq ? YAML_SEQUENCE_END_EVENT
				       : YAML_MAPPING_END_EVENT);
	rd->depth--;
	if (!ok) {
		ynode_free(n);
		return NULL;
	}
	return n;
}

/* Expect an event of the given type and drop it. */
static bool expect(struct reader *rd, yaml_event_type_t type, const char *msg)
{
	yaml_event_t ev;
	if (!next_event(rd, &ev))
		return false;
	bool ok = ev.type == type;
	if (!ok)
		fail_at(rd, ev.start_mark, msg);
	yaml_event_delete(&ev);
	return ok;
}

static struct ynode *read_stream(struct reader *rd)
{
	if (!expect(rd, YAML_STREAM_START_EVENT, "not a YAML stream"))
		return NULL;
	yaml_event_t ev;
	if (!next_event(rd, &ev))
		return NULL;
	if (ev.type != YAML_DOCUMENT_START_EVENT) {
		fail_at(rd, ev.start_mark, "the file is empty: expected a YAML document");
		yaml_event_delete(&ev);
		return NULL;
	}
	yaml_event_delete(&ev);
	if (!next_event(rd, &ev))
		return NULL;
	struct ynode *root = read_node(rd, &ev);
	yaml_event_delete(&ev);
	if (!root)
		return NULL;
	if (!expect(rd, YAML_DOCUMENT_END_EVENT, "expected the end of the document") ||
	    !expect(rd, YAML_STREAM_END_EVENT,
		    "more than one YAML document: a budget file holds exactly one")) {
		ynode_free(root);
		return NULL;
	}
	return root;
}

struct ynode *ynode_parse(const char *text, size_t len, struct ynode_error *err)
{
	struct reader rd = { .err = err };
	if (!yaml_parser_initialize(&rd.parser))
		util_fail("out of memory");
	yaml_parser_set_input_string(&rd.parser, (const unsigned char *)text, len);
	struct ynode *root = read_stream(&rd);
	yaml_parser_delete(&rd.parser);
	return root;
}

void ynode_free(struct ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nitems; i++)
		ynode_free(n->items[i]);
	free(n->items);
	free(n->value);
	free(n);
}

bool ynode_is_null(const struct ynode *n)
{
	return n->type == YNODE_SCALAR && n->plain &&
	       (!*n->value || strcmp(n->value, "~") == 0 ||
		strcmp(n->value, "null") == 0 || strcmp(n->value, "Null") == 0 ||
		strcmp(n->value, "NULL") == 0);
}

const char *ynode_type_name(const struct ynode *n)
{
	switch (n->type) {
	case YNODE_SCALAR: return "a scalar";
	case YNODE_SEQUENCE: return "a sequence";
	default: return "a mapping";
	}
}
