/* flatten.c: visible rows of a table tree, in display order. */
#include "flatten.h"

#include <stdlib.h>

#include "util.h"

static void push(struct flat *f, const struct row *r)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->v = xrealloc(f->v, f->cap * sizeof *f->v);
	}
	f->v[f->n++] = (struct flat_row){ r, r->depth };
}

static void walk(const struct row *first, flatten_open_fn is_open, void *ctx,
		 struct flat *out)
{
	for (const struct row *r = first; r; r = r->next) {
		bool open = r->child && (!is_open || is_open(r, ctx));
		if (!r->total_after)
			push(out, r);
		if (open)
			walk(r->child, is_open, ctx, out);
		if (r->total_after)
			push(out, r);
	}
}

void flatten_table(const struct table *t, flatten_open_fn is_open, void *ctx,
		   struct flat *out)
{
	out->n = 0;
	walk(t->rows, is_open, ctx, out);
}

long flatten_find(const struct flat *f, const struct row *r)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].row == r)
			return (long)i;
	return -1;
}

void flatten_free(struct flat *f)
{
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}
