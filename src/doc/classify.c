/* classify.c: classification trees from code prefixes and label columns. */
#include "doc/classify.h"

#include <stdlib.h>
#include <string.h>

#include "doc/defaults.h"
#include "doc/strmap.h"
#include "doc/util.h"

/* The nearest earlier row whose code is a proper prefix of code: the
 * longest prefix present in seen, which maps each code to the latest row
 * with it.  The loader refuses codes longer than CLASSIFY_MAX_CODE bytes,
 * so this is bounded; a longer code (a row built otherwise) does not
 * nest. */
static struct row *nearest_ancestor(const struct strmap *seen, const char *code)
{
	char prefix[CLASSIFY_MAX_CODE + 1];
	size_t n = strlen(code);
	if (n > CLASSIFY_MAX_CODE)
		return NULL;
	memcpy(prefix, code, n + 1);
	while (--n > 0) {
		prefix[n] = '\0';
		struct row **latest = strmap_get(seen, prefix);
		if (latest)
			return *latest;
	}
	return NULL;
}

/* The rows of one sibling list, in order. */
static struct row **list_of(struct side *s, struct row *parent, size_t *n)
{
	*n = parent ? parent->nchildren : s->nrows;
	struct row **list = xmalloc((*n ? *n : 1) * sizeof *list);
	size_t i = 0;
	for (struct row *r = parent ? parent->child : s->rows; r; r = r->next)
		list[i++] = r;
	return list;
}

/* Rebuild a sibling list with each row under up[i] (or where it was). */
static void relink(struct side *s, struct row *parent, struct row **list,
		   struct row **up, size_t n)
{
	if (parent) {
		parent->child = parent->last_child = NULL;
		parent->nchildren = 0;
	} else {
		s->rows = s->last_row = NULL;
		s->nrows = 0;
	}
	for (size_t i = 0; i < n; i++)
		model_append_row(s, up[i] ? up[i] : parent, list[i]);
}

static void nest_code_list(struct side *s, struct row *parent)
{
	size_t n;
	struct row **list = list_of(s, parent, &n);
	if (n < 2) {
		free(list);
		return;
	}
	/* seen maps a code to its slot in latest, which holds the latest row
	 * with that code: a repeated code takes the rows after it. */
	struct row **up = xcalloc(n, sizeof *up), **latest = xcalloc(n, sizeof *latest);
	struct strmap seen = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (!list[i]->code || !*list[i]->code)
			continue;
		up[i] = nearest_ancestor(&seen, list[i]->code);
		struct row **slot = strmap_get(&seen, list[i]->code);
		if (!slot) {
			slot = &latest[i];
			strmap_put(&seen, list[i]->code, slot);
		}
		*slot = list[i];
	}
	relink(s, parent, list, up, n);
	strmap_free(&seen);
	free(latest);
	free(up);
	free(list);
}

/* The position of a row's first non-blank label (nlabels when none). */
static size_t level_of(const struct row *r)
{
	size_t i = 0;
	while (i < r->side->nlabels && (!r->labels[i] || !*r->labels[i]))
		i++;
	return i;
}

/* A stack of the latest row at each level keeps this linear. */
static void nest_label_list(struct side *s, struct row *parent)
{
	size_t n;
	struct row **list = list_of(s, parent, &n);
	if (n < 2) {
		free(list);
		return;
	}
	struct row **up = xcalloc(n, sizeof *up);
	struct row **stack = xmalloc(n * sizeof *stack);
	size_t *levels = xmalloc(n * sizeof *levels), depth = 0;
	for (size_t i = 0; i < n; i++) {
		size_t level = level_of(list[i]);
		while (depth && levels[depth - 1] >= level)
			depth--;
		up[i] = depth ? stack[depth - 1] : NULL;
		stack[depth] = list[i];
		levels[depth++] = level;
	}
	relink(s, parent, list, up, n);
	free(levels);
	free(stack);
	free(up);
	free(list);
}

/* Children first: a row's own list is nested before the row moves. */
static void nest_below(struct side *s, struct row *parent,
		       void (*nest)(struct side *, struct row *))
{
	for (struct row *r = parent ? parent->child : s->rows; r; r = r->next)
		nest_below(s, r, nest);
	nest(s, parent);
}

void classify_nest_by_code(struct side *s)
{
	nest_below(s, NULL, nest_code_list);
}

void classify_nest_by_labels(struct side *s)
{
	nest_below(s, NULL, nest_label_list);
}

const char *classify_level_name(const char *code)
{
	return code ? defaults_code_level(strlen(code)) : NULL;
}

