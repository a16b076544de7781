/* classify.c: building classification trees from code prefixes. */
#include "classify.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

bool classify_is_ancestor(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n > 0 && n < strlen(b) && strncmp(a, b, n) == 0;
}

/* The row of list[0..n) with the longest code that is a proper prefix of
 * code, or NULL. */
static struct row *nearest_ancestor(struct row **list, size_t n, const char *code)
{
	struct row *best = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *c = list[i]->code;
		if (c && classify_is_ancestor(c, code) &&
		    (!best || strlen(c) > strlen(best->code)))
			best = list[i];
	}
	return best;
}

/* Nest one sibling list (the children of parent, or the top level).  Rows
 * only move under earlier rows, so one pass in order is enough. */
static void nest_list(struct table *t, struct row *parent)
{
	size_t n = parent ? parent->nchildren : t->nrows;
	if (n < 2)
		return;
	struct row **list = xmalloc(n * sizeof *list);
	size_t i = 0;
	for (struct row *r = parent ? parent->child : t->rows; r; r = r->next)
		list[i++] = r;
	for (i = 1; i < n; i++) {
		if (!list[i]->code)
			continue;
		struct row *up = nearest_ancestor(list, i, list[i]->code);
		if (up) {
			model_detach_row(list[i]);
			model_append_row(t, up, list[i]);
		}
	}
	free(list);
}

static void nest_below(struct table *t, struct row *parent)
{
	struct row *first = parent ? parent->child : t->rows;
	for (struct row *r = first; r; r = r->next)
		nest_below(t, r);
	nest_list(t, parent);
}

void classify_nest_by_code(struct table *t)
{
	nest_below(t, NULL);
}

const char *classify_level_name(const char *code)
{
	switch (code ? strlen(code) : 0) {
	case 3: return "类";
	case 5: return "款";
	case 7: return "项";
	default: return NULL;
	}
}

static void path_up(const struct row *r, struct sbuf *out, bool *first)
{
	if (!r)
		return;
	path_up(r->parent, out, first);
	if (!r->code || !*r->code)
		return;
	if (!*first)
		sbuf_add(out, " › ");
	sbuf_add(out, r->code);
	*first = false;
}

void classify_code_path(const struct row *r, struct sbuf *out)
{
	bool first = true;
	path_up(r, out, &first);
}
