/* flatten.c: visible rows of a side's tree, in display order. */
#include "doc/flatten.h"

#include <stdlib.h>
#include <string.h>

#include "doc/util.h"

struct walk {
	flatten_open_fn is_open;
	void *ctx;
	flatten_order_fn order;
	void *order_ctx;
	struct flat *out;
};

static void walk_list(const struct row *first, size_t n, const struct walk *w);

static void push(struct flat *f, const struct row *r)
{
	DA_PUSH(f->v, f->n, f->cap, ((struct flat_row){ r, r->depth }));
}

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

/* Merge sort: stable, so ties keep document order, and n log n however
 * long a sibling list is. */
static void merge_sort(const struct row **v, const struct row **tmp, size_t n,
		       const struct walk *w)
{
	if (n < 2)
		return;
	size_t half = n / 2, i = 0, j = half, k = 0;
	merge_sort(v, tmp, half, w);
	merge_sort(v + half, tmp, n - half, w);
	while (i < half && j < n)
		tmp[k++] = w->order(v[j], v[i], w->order_ctx) < 0 ? v[j++] : v[i++];
	while (i < half)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

/* Of_which rows first, in document order, as breakdowns of the parent;
 * then the other rows in order. */
static void sort_siblings(const struct row **v, size_t n, const struct walk *w)
{
	const struct row **tmp = xmalloc((n ? n : 1) * sizeof *tmp);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i]->of_which)
			tmp[k++] = v[i];
	size_t breakdowns = k;
	for (size_t i = 0; i < n; i++)
		if (!v[i]->of_which)
			tmp[k++] = v[i];
	memcpy(v, tmp, n * sizeof *v);
	merge_sort(v + breakdowns, tmp, n - breakdowns, w);
	free(tmp);
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

void flatten_side(const struct side *s, flatten_open_fn is_open, void *ctx,
		  flatten_order_fn order, void *order_ctx, struct flat *out)
{
	struct walk w = { is_open, ctx, order, order_ctx, out };
	walk_list(s->rows, s->nrows, &w);
}

void flatten_table(const struct table *t, struct flat *out)
{
	out->n = 0;
	for (size_t i = 0; i < t->nsides; i++)
		flatten_side(&t->sides[i], NULL, NULL, NULL, NULL, out);
}

void flatten_free(struct flat *f)
{
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}

const struct row *flatten_assign_lines(struct side *s)
{
	struct flat f = { 0 };
	const struct row *bad = NULL;
	int line = 0;
	flatten_side(s, NULL, NULL, NULL, NULL, &f);
	for (size_t i = 0; i < f.n && !bad; i++) {
		struct row *r = (struct row *)f.v[i].row;
		if (r->print_line && r->print_line <= line)
			bad = r;
		line = r->print_line ? r->print_line : line + 1;
		r->print_line = line;
	}
	flatten_free(&f);
	return bad;
}
