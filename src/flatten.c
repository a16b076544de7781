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

struct walk {
	flatten_open_fn is_open;
	void *ctx;
	flatten_order_fn order;
	void *order_ctx;
	struct flat *out;
};

static void walk_list(const struct row *first, size_t n, const struct walk *w);

static void visit(const struct row *r, const struct walk *w)
{
	bool open = r->child && (!w->is_open || w->is_open(r, w->ctx));
	if (!r->total_after)
		push(w->out, r);
	if (open)
		walk_list(r->child, r->nchildren, w);
	if (r->total_after)
		push(w->out, r);
}

/* Insertion sort keeps ties in document order; sibling lists are short. */
static void sort_siblings(const struct row **v, size_t n, const struct walk *w)
{
	for (size_t i = 1; i < n; i++) {
		const struct row *r = v[i];
		size_t j = i;
		while (j > 0 && !v[j - 1]->of_which &&
		       (r->of_which || w->order(r, v[j - 1], w->order_ctx) < 0)) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = r;
	}
}

static void walk_list(const struct row *first, size_t n, const struct walk *w)
{
	if (!w->order) {
		for (const struct row *r = first; r; r = r->next)
			visit(r, w);
		return;
	}
	const struct row **v = xmalloc((n ? n : 1) * sizeof *v);
	size_t k = 0;
	for (const struct row *r = first; r && k < n; r = r->next)
		v[k++] = r;
	sort_siblings(v, k, w);
	for (size_t i = 0; i < k; i++)
		visit(v[i], w);
	free(v);
}

void flatten_table_sorted(const struct table *t, flatten_open_fn is_open, void *ctx,
			  flatten_order_fn order, void *order_ctx, struct flat *out)
{
	struct walk w = { is_open, ctx, order, order_ctx, out };
	out->n = 0;
	walk_list(t->rows, t->nrows, &w);
}

void flatten_table(const struct table *t, flatten_open_fn is_open, void *ctx,
		   struct flat *out)
{
	flatten_table_sorted(t, is_open, ctx, NULL, NULL, out);
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
