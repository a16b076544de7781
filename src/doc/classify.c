/* classify.c: building classification trees from code prefixes. */
#include "doc/classify.h"

#include <stdlib.h>
#include <string.h>

#include "doc/strmap.h"
#include "doc/util.h"

/* The nearest earlier row whose code is a proper prefix of code: the
 * longest prefix present in seen. */
static struct row *nearest_ancestor(const struct strmap *seen, const char *code)
{
	char prefix[64];
	size_t n = strlen(code);
	if (n >= sizeof prefix)
		return NULL;
	memcpy(prefix, code, n + 1);
	while (--n > 0) {
		prefix[n] = '\0';
		size_t pos = 0;
		struct row *r = strmap_next(seen, prefix, &pos);
		if (r)
			return r;
	}
	return NULL;
}

/* Nest one sibling list (the children of parent, or the top level): find
 * each row's new parent among the rows before it, then rebuild the lists
 * in order. */
static void nest_list(struct table *t, struct row *parent)
{
	size_t n = parent ? parent->nchildren : t->nrows;
	if (n < 2)
		return;
	struct row **list = xmalloc(n * sizeof *list);
	struct row **up = xcalloc(n, sizeof *up);
	struct strmap seen = { 0 };
	size_t i = 0;
	for (struct row *r = parent ? parent->child : t->rows; r; r = r->next)
		list[i++] = r;
	for (i = 0; i < n; i++) {
		if (!list[i]->code || !*list[i]->code)
			continue;
		up[i] = nearest_ancestor(&seen, list[i]->code);
		size_t pos = 0;
		if (!strmap_next(&seen, list[i]->code, &pos))
			strmap_put(&seen, list[i]->code, list[i]);
	}
	if (parent) {
		parent->child = parent->last_child = NULL;
		parent->nchildren = 0;
	} else {
		t->rows = t->last_row = NULL;
		t->nrows = 0;
	}
	for (i = 0; i < n; i++)
		model_append_row(t, up[i] ? up[i] : parent, list[i]);
	strmap_free(&seen);
	free(up);
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
