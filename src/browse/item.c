/* item.c: a navigator item's tree: open state and visible lines. */
#include "browse/item.h"

#include <stdlib.h>

#include "doc/util.h"

/* ---- nodes: table rows or narrative sections ---------------------------- */

const void *item_node(const struct vnode *vn)
{
	return vn->row ? (const void *)vn->row : (const void *)vn->sec;
}

const void *item_parent(const struct item *it, const void *n)
{
	if (it->table)
		return ((const struct row *)n)->parent;
	return n == it->part ? NULL : ((const struct section *)n)->parent;
}

bool item_has_children(const struct item *it, const void *n)
{
	if (it->table)
		return ((const struct row *)n)->child != NULL;
	return ((const struct section *)n)->child != NULL;
}

int item_depth(const struct item *it, const void *n)
{
	if (it->table)
		return ((const struct row *)n)->depth;
	return ((const struct section *)n)->depth - it->part->depth;
}

/* The node's position in it->nodes. */
size_t item_index(const struct item *it, const void *n)
{
	if (it->table)
		return ((const struct row *)n)->index;
	for (size_t i = 0; i < it->nnodes; i++)
		if (it->nodes[i] == n)
			return i;
	return 0;
}

/* The section after s in document order, staying inside part. */
static const struct section *next_in_part(const struct section *s,
					  const struct section *part)
{
	if (s->child)
		return s->child;
	for (; s && s != part; s = s->parent)
		if (s->next)
			return s->next;
	return NULL;
}

/* ---- items ----------------------------------------------------------------- */

static bool is_open(const struct row *r, void *ctx)
{
	const struct item *it = ctx;
	return it->open[r->index];
}

static void vis_push(struct item *it, const struct row *r, const struct section *s,
		     int depth)
{
	if (it->nvis == it->capvis) {
		it->capvis = it->capvis ? it->capvis * 2 : 64;
		it->vis = xrealloc(it->vis, it->capvis * sizeof *it->vis);
	}
	it->vis[it->nvis++] = (struct vnode){ r, s, depth };
}

static void walk_sections(struct item *it, const struct section *s)
{
	vis_push(it, NULL, s, item_depth(it, s));
	if (it->open[item_index(it, s)])
		for (const struct section *c = s->child; c; c = c->next)
			walk_sections(it, c);
}

long item_find(const struct item *it, const void *n)
{
	for (size_t i = 0; i < it->nvis; i++)
		if (item_node(&it->vis[i]) == n)
			return (long)i;
	return -1;
}

/* Rebuild the visible lines after the open state changed, keeping the
 * cursor on its node, or on its nearest ancestor still visible. */
void item_refresh(struct item *it)
{
	const void *sel = it->nvis ? item_node(&it->vis[it->cursor]) : NULL;

	it->nvis = 0;
	if (it->table) {
		struct flat f = { 0 };
		flatten_table_sorted(it->table, is_open, it, rowsort_order(&it->sort),
				     &it->sort, &f);
		for (size_t i = 0; i < f.n; i++)
			vis_push(it, f.v[i].row, NULL, f.v[i].depth);
		flatten_free(&f);
	} else if (it->part) {
		walk_sections(it, it->part);
	}
	it->cursor = 0;
	for (const void *n = sel; n; n = item_parent(it, n)) {
		long i = item_find(it, n);
		if (i >= 0) {
			it->cursor = (size_t)i;
			break;
		}
	}
}

/* Open every node above depth d, close the others. */
void item_open_to_depth(struct item *it, int d)
{
	for (size_t i = 0; i < it->nnodes; i++)
		it->open[i] = item_has_children(it, it->nodes[i]) &&
			      item_depth(it, it->nodes[i]) < d;
	item_refresh(it);
}

void item_init_table(struct item *it, const struct table *t)
{
	int col = model_first_amount(t);
	it->table = t;
	it->sort = (struct rowsort){ SORT_NONE, col < 0 ? 0 : (size_t)col, NULL };
	it->nnodes = t->nall;
	it->nodes = xcalloc(t->nall, sizeof *it->nodes);
	it->open = xcalloc(t->nall, sizeof *it->open);
	for (const struct row *r = t->rows; r; r = model_next_row(r))
		it->nodes[r->index] = r;
	item_open_to_depth(it, 1);
}

void item_init_part(struct item *it, const struct section *part)
{
	size_t n = 0;
	it->part = part;
	for (const struct section *s = part; s; s = next_in_part(s, part))
		n++;
	it->nnodes = n;
	it->nodes = xcalloc(n, sizeof *it->nodes);
	it->open = xcalloc(n, sizeof *it->open);
	n = 0;
	for (const struct section *s = part; s; s = next_in_part(s, part))
		it->nodes[n++] = s;
	item_open_to_depth(it, 1);
}

void item_free(struct item *it)
{
	free(it->nodes);
	free(it->open);
	free(it->vis);
}

/* The shallowest depth with a closed node that has children, or -1. */
static int shallowest_closed(const struct item *it)
{
	int d = -1;
	for (size_t i = 0; i < it->nnodes; i++) {
		int nd = item_depth(it, it->nodes[i]);
		if (item_has_children(it, it->nodes[i]) && !it->open[i] &&
		    (d < 0 || nd < d))
			d = nd;
	}
	return d;
}

/* The deepest depth with an open node, or -1. */
static int deepest_open(const struct item *it)
{
	int d = -1;
	for (size_t i = 0; i < it->nnodes; i++) {
		int nd = item_depth(it, it->nodes[i]);
		if (it->open[i] && nd > d)
			d = nd;
	}
	return d;
}

bool item_level_more(struct item *it)
{
	int d = shallowest_closed(it);
	if (d < 0)
		return false;
	for (size_t i = 0; i < it->nnodes; i++)
		if (item_depth(it, it->nodes[i]) == d)
			it->open[i] = item_has_children(it, it->nodes[i]);
	item_refresh(it);
	return true;
}

void item_level_less(struct item *it)
{
	int d = deepest_open(it);
	for (size_t i = 0; i < it->nnodes; i++)
		if (item_depth(it, it->nodes[i]) == d)
			it->open[i] = false;
	item_refresh(it);
}

bool item_is_open(const struct item *it, const void *n)
{
	return it->open[item_index(it, n)];
}

void item_reveal(struct item *it, const void *n)
{
	for (const void *a = item_parent(it, n); a; a = item_parent(it, a))
		it->open[item_index(it, a)] = true;
	item_refresh(it);
	long i = item_find(it, n);
	if (i >= 0)
		it->cursor = (size_t)i;
}

/* A key naming a node independently of where it lives in memory: the
 * codes and names (or titles) of the path down to it. */
void item_key(const struct item *it, const void *n, struct sbuf *b)
{
	const void *p = item_parent(it, n);
	if (p)
		item_key(it, p, b);
	if (it->table) {
		const struct row *r = n;
		sbuf_addf(b, "%s\x1f%s\x1e", r->code ? r->code : "", r->name);
	} else {
		sbuf_addf(b, "%s\x1e", ((const struct section *)n)->title);
	}
}

