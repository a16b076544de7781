/* ynode.h: a YAML stream read with libyaml's event API into a small tree
 * of scalars, sequences and mappings that keep their positions.  Bounded:
 * nesting depth is capped and aliases are refused, so no input can make
 * the reader run away. */
#ifndef BUDGET_YNODE_H
#define BUDGET_YNODE_H

#include <stdbool.h>
#include <stddef.h>

#define YNODE_MAX_DEPTH 64

enum ynode_type { YNODE_SCALAR, YNODE_SEQUENCE, YNODE_MAPPING };

struct ynode {
	enum ynode_type type;
	int line, col;			/* 1-based */
	char *value;			/* scalars */
	bool plain;			/* an unquoted scalar */
	struct ynode **items;		/* mappings: key, value, key, value... */
	size_t nitems;
	size_t cap;
};

struct ynode_error {
	int line, col;
	char message[256];
};

/* Parse exactly one YAML document from text.  Returns its root, or NULL
 * with *err set. */
struct ynode *ynode_parse(const char *text, size_t len, struct ynode_error *err);

/* Free a tree from ynode_parse. */
void ynode_free(struct ynode *n);

/* True for a plain scalar that YAML reads as null: "", "~", "null". */
bool ynode_is_null(const struct ynode *n);

/* A short English name for the node's type ("a mapping"). */
const char *ynode_type_name(const struct ynode *n);

#endif
