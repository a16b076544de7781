/* item.c: a navigator item's tree: open state, visible lines, cursor. */
#include "browse/item.h"

#include <stdlib.h>
#include <string.h>

#include "doc/util.h"
#include "report/compare.h"

/* ---- nodes ------------------------------------------------------------------ */

static bool is_open(const struct row *r, void *ctx)
{
	const struct item *it = ctx;
	return it->open[r->index];
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

/* Sections are numbered in document order, so a part's are consecutive. */
static size_t section_index(const struct item *it, const struct section *s)
{
	return s->index - it->part->index;
}

static int section_depth(const struct item *it, const struct section *s)
{
	return s->depth - it->part->depth;
}

/* ---- lines ------------------------------------------------------------------- */

size_t item_nlines(const struct item *it)
{
	if (!it->table)
		return it->nsvis;
	if (it->single)
		return it->nsides ? it->sides[it->side].flat.n : 0;
	return it->lines.nlines;
}

size_t item_cursor_line(const struct item *it)
{
	if (!it->table)
		return it->scursor;
	const struct side_view *sv = it->nsides ? &it->sides[it->side] : NULL;
	if (!sv || !sv->flat.n)
		return 0;
	return it->single ? sv->cursor : sv->line[sv->cursor];
}

const struct flat_row *item_at(const struct item *it, size_t s, size_t l)
{
	if (!it->table || s >= it->nsides)
		return NULL;
	if (it->single)
		return s == it->side && l < it->sides[s].flat.n ? &it->sides[s].flat.v[l] : NULL;
	if (l >= it->lines.nlines)
		return NULL;
	long at = render_aligned_at(&it->lines, s, l);
	return at >= 0 ? &it->sides[s].flat.v[at] : NULL;
}

void item_set_single(struct item *it, bool single)
{
	it->single = single;
}

const struct row *item_row(const struct item *it)
{
	if (!it->table || !it->nsides)
		return NULL;
	const struct side_view *sv = &it->sides[it->side];
	return sv->flat.n ? sv->flat.v[sv->cursor].row : NULL;
}

const struct section *item_section(const struct item *it)
{
	return !it->table && it->nsvis ? it->svis[it->scursor].sec : NULL;
}

/* The index in side s's flat of row r, or -1. */
static long find_in(const struct side_view *sv, const struct row *r)
{
	for (size_t i = 0; i < sv->flat.n; i++)
		if (sv->flat.v[i].row == r)
			return (long)i;
	return -1;
}

static void walk_sections(struct item *it, const struct section *s)
{
	struct section_line sl = { s, section_depth(it, s) };
	DA_PUSH(it->svis, it->nsvis, it->capsvis, sl);
	if (it->open[section_index(it, s)])
		for (const struct section *c = s->child; c; c = c->next)
			walk_sections(it, c);
}

/* Per side, the row the cursor was on, to find it again. */
static const struct row **remember(const struct item *it)
{
	const struct row **sel = xcalloc(it->nsides + 1, sizeof *sel);
	for (size_t s = 0; s < it->nsides; s++)
		if (it->sides[s].flat.n)
			sel[s] = it->sides[s].flat.v[it->sides[s].cursor].row;
	return sel;
}

/* Put each side's cursor back on its row, or its nearest visible ancestor. */
static void restore(struct item *it, const struct row **sel)
{
	const struct table *t = it->shown;
	long *pos = xmalloc((t->nall + 1) * sizeof *pos);
	for (size_t s = 0; s < it->nsides; s++) {
		struct side_view *sv = &it->sides[s];
		for (size_t i = 0; i <= t->nall; i++)
			pos[i] = -1;
		for (size_t i = 0; i < sv->flat.n; i++)
			pos[sv->flat.v[i].row->index] = (long)i;
		sv->cursor = 0;
		for (const struct row *r = sel[s]; r; r = r->parent)
			if (pos[r->index] >= 0) {
				sv->cursor = (size_t)pos[r->index];
				break;
			}
	}
	free(pos);
}

void item_refresh(struct item *it)
{
	if (!it->table) {
		const struct section *sel = item_section(it);
		it->nsvis = 0;
		if (it->part)
			walk_sections(it, it->part);
		it->scursor = 0;
		for (const struct section *s = sel; s; s = s == it->part ? NULL : s->parent) {
			size_t i;
			for (i = 0; i < it->nsvis && it->svis[i].sec != s; i++)
				;
			if (i < it->nsvis) {
				it->scursor = i;
				break;
			}
		}
		return;
	}
	const struct row **sel = remember(it);
	flatten_order_fn order = rowsort_order(&it->sort);
	struct flat *flats = xcalloc(it->nsides + 1, sizeof *flats);
	for (size_t s = 0; s < it->nsides; s++) {
		struct side_view *sv = &it->sides[s];
		sv->flat.n = 0;
		flatten_side(&it->shown->sides[s], is_open, it, order, &it->sort, &sv->flat);
		flats[s] = sv->flat;
	}
	render_aligned_free(&it->lines);
	render_align(flats, it->nsides, order != NULL, &it->lines);
	for (size_t s = 0; s < it->nsides; s++) {
		struct side_view *sv = &it->sides[s];
		free(sv->line);
		sv->line = xcalloc(sv->flat.n + 1, sizeof *sv->line);
		for (size_t k = 0; k < sv->flat.n; k++)
			sv->line[k] = it->lines.line[s][k];
	}
	free(flats);
	restore(it, sel);
	free(sel);
	/* The active side must have rows when any side has. */
	if (!it->sides[it->side].flat.n)
		item_switch_side(it, 1);
}

/* ---- set-up -------------------------------------------------------------------- */

static void setup_sides(struct item *it)
{
	const struct table *t = it->shown;
	it->nsides = t->nsides;
	it->sides = xcalloc(t->nsides + 1, sizeof *it->sides);
	it->nopen = t->nall;
	it->open = xcalloc(t->nall + 1, sizeof *it->open);
}

void item_init_table(struct item *it, const struct table *t)
{
	memset(it, 0, sizeof *it);
	it->table = it->shown = t;
	it->sort = (struct rowsort){ SORT_NONE, false, -1 };
	setup_sides(it);
	item_open_to_depth(it, 1);
}

void item_init_part(struct item *it, const struct section *part)
{
	size_t n = 0;
	memset(it, 0, sizeof *it);
	it->part = part;
	for (const struct section *s = part; s; s = next_in_part(s, part))
		n++;
	it->nopen = n;
	it->sections = xcalloc(n + 1, sizeof *it->sections);
	it->open = xcalloc(n + 1, sizeof *it->open);
	n = 0;
	for (const struct section *s = part; s; s = next_in_part(s, part))
		it->sections[n++] = s;
	item_open_to_depth(it, 1);
}

static void free_sides(struct item *it)
{
	for (size_t s = 0; s < it->nsides; s++) {
		flatten_free(&it->sides[s].flat);
		free(it->sides[s].line);
	}
	free(it->sides);
	it->sides = NULL;
	it->nsides = 0;
	render_aligned_free(&it->lines);
}

/* Forget the widths measured in slot k. */
static void forget_measures(struct item *it, int k)
{
	const struct table *t = it->measured_for[k];
	for (size_t i = 0; i <= RENDER_INDENT; i++) {
		if (!it->measured[k][i])
			continue;
		struct table_layout lay = { t, it->measured[k][i], t->nsides, false, 0, 0 };
		render_layout_free(&lay);
		it->measured[k][i] = NULL;
	}
	it->measured_for[k] = NULL;
}

void item_measure(const struct item *it, size_t side, int indent, struct side_layout *out)
{
	struct item *own = (struct item *)it;	/* the cache is not the item's state */
	int k = it->shown != it->table;
	if (it->measured_for[k] != it->shown)
		forget_measures(own, k);
	own->measured_for[k] = it->shown;
	if (!it->measured[k][indent]) {
		own->measured[k][indent] = xcalloc(it->shown->nsides + 1, sizeof **it->measured[k]);
		for (size_t i = 0; i < it->shown->nsides; i++)
			render_measure_side(&it->shown->sides[i], indent, &own->measured[k][indent][i]);
	}
	const struct side_layout *m = &it->measured[k][indent][side];
	const struct side *s = m->side;
	*out = *m;
	out->label_w = xmalloc((s->nlabels + 1) * sizeof *out->label_w);
	out->col_w = xmalloc((s->ncolumns + 1) * sizeof *out->col_w);
	memcpy(out->label_w, m->label_w, s->nlabels * sizeof *out->label_w);
	memcpy(out->col_w, m->col_w, s->ncolumns * sizeof *out->col_w);
}

void item_free(struct item *it)
{
	forget_measures(it, 0);
	forget_measures(it, 1);
	free_sides(it);
	free(it->open);
	free(it->sections);
	free(it->svis);
	free(it->column);
}

void item_show(struct item *it, const struct table *shown)
{
	if (!it->table || shown == it->shown)
		return;
	const struct table *base = it->table;
	bool *base_open = xcalloc(base->nall + 1, sizeof *base_open);
	const struct row *sel = item_row(it) ? compare_origin_row(item_row(it)) : NULL;
	size_t side = it->side;
	for (const struct row *r = model_first_row(it->shown); r; r = model_next_in_table(r)) {
		const struct row *o = compare_origin_row(r);
		if (o && o->side->table == base)
			base_open[o->index] = it->open[r->index];
	}
	free_sides(it);
	free(it->open);
	it->shown = shown;
	setup_sides(it);
	for (const struct row *r = model_first_row(shown); r; r = model_next_in_table(r)) {
		const struct row *o = compare_origin_row(r);
		it->open[r->index] = r->child && o && o->side->table == base && base_open[o->index];
	}
	/* The column window restarts: the columns are others now. */
	it->side = side < it->nsides ? side : 0;
	item_refresh(it);
	if (sel)
		item_reveal_row(it, item_shown_row(it, sel));
	free(base_open);
}

/* ---- movement ---------------------------------------------------------------------- */

static size_t moved(size_t pos, long delta, size_t n)
{
	long p = (long)pos + delta;
	if (n == 0 || p < 0)
		return 0;
	return p >= (long)n ? n - 1 : (size_t)p;
}

bool item_move(struct item *it, long delta)
{
	size_t *cur, n;
	if (!it->table) {
		cur = &it->scursor;
		n = it->nsvis;
	} else {
		if (!it->nsides)
			return false;
		cur = &it->sides[it->side].cursor;
		n = it->sides[it->side].flat.n;
	}
	size_t old = *cur;
	*cur = moved(*cur, delta, n);
	if (*cur != old)
		it->detail_top = 0;
	return *cur != old;
}

void item_select_line(struct item *it, size_t l)
{
	if (!it->table) {
		if (l < it->nsvis && l != it->scursor) {
			it->scursor = l;
			it->detail_top = 0;
		}
		return;
	}
	if (it->single) {
		struct side_view *sv = &it->sides[it->side];
		if (l < sv->flat.n && l != sv->cursor) {
			sv->cursor = l;
			it->detail_top = 0;
		}
		return;
	}
	for (size_t k = 0; k < it->nsides; k++) {
		size_t s = (it->side + k) % it->nsides;
		long at = l < it->lines.nlines ? render_aligned_at(&it->lines, s, l) : -1;
		if (at >= 0) {
			if (s != it->side || (size_t)at != it->sides[s].cursor)
				it->detail_top = 0;
			it->side = s;
			it->sides[s].cursor = (size_t)at;
			return;
		}
	}
}

bool item_switch_side(struct item *it, int step)
{
	if (!it->table || it->nsides < 2)
		return false;
	/* The cursor's line as printed, whether or not the sides show one at
	 * a time. */
	const struct side_view *cur = &it->sides[it->side];
	size_t line = cur->flat.n ? cur->line[cur->cursor] : 0;
	for (size_t k = 1; k < it->nsides; k++) {
		size_t s = (it->side + (step > 0 ? k : it->nsides - k)) % it->nsides;
		if (!it->sides[s].flat.n)
			continue;
		it->side = s;
		/* The row on the same line, or the nearest one above it. */
		struct side_view *sv = &it->sides[s];
		size_t best = 0;
		for (size_t i = 0; i < sv->flat.n && sv->line[i] <= line; i++)
			best = i;
		sv->cursor = best;
		it->detail_top = 0;
		return true;
	}
	return false;
}

/* ---- the tree ------------------------------------------------------------------------ */

bool item_has_children(const struct item *it)
{
	const struct row *r = item_row(it);
	const struct section *s = item_section(it);
	return r ? r->child != NULL : s ? s->child != NULL : false;
}

bool item_is_open(const struct item *it)
{
	const struct row *r = item_row(it);
	const struct section *s = item_section(it);
	return r ? it->open[r->index] : s ? it->open[section_index(it, s)] : false;
}

void item_set_open(struct item *it, bool open)
{
	const struct row *r = item_row(it);
	const struct section *s = item_section(it);
	if (r)
		it->open[r->index] = open && r->child;
	else if (s)
		it->open[section_index(it, s)] = open && s->child;
	item_refresh(it);
}

bool item_to_child(struct item *it)
{
	const struct row *r = item_row(it);
	const struct section *s = item_section(it);
	if (r && r->child) {
		long i = find_in(&it->sides[it->side], r->child);
		if (i >= 0) {
			it->sides[it->side].cursor = (size_t)i;
			return true;
		}
	} else if (s && s->child) {
		for (size_t i = 0; i < it->nsvis; i++)
			if (it->svis[i].sec == s->child) {
				it->scursor = i;
				return true;
			}
	}
	return false;
}

bool item_to_parent(struct item *it)
{
	const struct row *r = item_row(it);
	const struct section *s = item_section(it);
	if (r && r->parent) {
		long i = find_in(&it->sides[it->side], r->parent);
		if (i >= 0) {
			it->sides[it->side].cursor = (size_t)i;
			return true;
		}
	} else if (s && s != it->part && s->parent) {
		for (size_t i = 0; i < it->nsvis; i++)
			if (it->svis[i].sec == s->parent) {
				it->scursor = i;
				return true;
			}
	}
	return false;
}

/* Every node with its depth and children, in one walk. */
struct node_info {
	int depth;
	bool children;
};

static struct node_info *nodes(const struct item *it)
{
	struct node_info *v = xcalloc(it->nopen + 1, sizeof *v);
	if (it->table) {
		for (const struct row *r = model_first_row(it->shown); r; r = model_next_in_table(r))
			v[r->index] = (struct node_info){ r->depth, r->child != NULL };
	} else {
		for (size_t i = 0; i < it->nopen; i++)
			v[i] = (struct node_info){ section_depth(it, it->sections[i]),
						   it->sections[i]->child != NULL };
	}
	return v;
}

void item_open_to_depth(struct item *it, int d)
{
	struct node_info *v = nodes(it);
	for (size_t i = 0; i < it->nopen; i++)
		it->open[i] = v[i].children && v[i].depth < d;
	free(v);
	item_refresh(it);
}

bool item_level_more(struct item *it)
{
	struct node_info *v = nodes(it);
	int d = -1;
	for (size_t i = 0; i < it->nopen; i++)
		if (v[i].children && !it->open[i] && (d < 0 || v[i].depth < d))
			d = v[i].depth;
	for (size_t i = 0; d >= 0 && i < it->nopen; i++)
		if (v[i].depth == d)
			it->open[i] = v[i].children;
	free(v);
	if (d >= 0)
		item_refresh(it);
	return d >= 0;
}

void item_level_less(struct item *it)
{
	struct node_info *v = nodes(it);
	int d = -1;
	for (size_t i = 0; i < it->nopen; i++)
		if (it->open[i] && v[i].depth > d)
			d = v[i].depth;
	for (size_t i = 0; i < it->nopen; i++)
		if (v[i].depth == d)
			it->open[i] = false;
	free(v);
	item_refresh(it);
}

int item_depth_shown(const struct item *it)
{
	int d = 0;
	if (it->table) {
		for (size_t s = 0; s < it->nsides; s++)
			for (size_t i = 0; i < it->sides[s].flat.n; i++)
				if (it->sides[s].flat.v[i].depth > d)
					d = it->sides[s].flat.v[i].depth;
	} else {
		for (size_t i = 0; i < it->nsvis; i++)
			if (it->svis[i].depth > d)
				d = it->svis[i].depth;
	}
	return d;
}

void item_reveal_row(struct item *it, const struct row *r)
{
	if (!r || !it->table)
		return;
	for (const struct row *a = r->parent; a; a = a->parent)
		it->open[a->index] = true;
	item_refresh(it);
	it->side = r->side->index;
	long i = find_in(&it->sides[it->side], r);
	if (i >= 0)
		it->sides[it->side].cursor = (size_t)i;
}

void item_reveal_section(struct item *it, const struct section *s)
{
	if (it->table || !s)
		return;
	for (const struct section *a = s->parent; a && a != it->part->parent; a = a->parent)
		it->open[section_index(it, a)] = true;
	item_refresh(it);
	for (size_t i = 0; i < it->nsvis; i++)
		if (it->svis[i].sec == s)
			it->scursor = i;
}

const struct row *item_shown_row(const struct item *it, const struct row *r)
{
	if (!r || it->shown == it->table)
		return r;
	for (const struct row *d = model_first_row(it->shown); d; d = model_next_in_table(d))
		if (compare_origin_row(d) == r)
			return d;
	return NULL;
}

void item_key(const struct item *it, const void *node, struct sbuf *b)
{
	if (it->table) {
		const struct row *r = node;
		if (r->parent)
			item_key(it, r->parent, b);
		sbuf_addf(b, "%s\x1f%s\x1f", r->side->id ? r->side->id : "", r->code ? r->code : "");
		model_row_labels(r, b);
		sbuf_add(b, "\x1e");
	} else {
		const struct section *s = node;
		if (s != it->part && s->parent)
			item_key(it, s->parent, b);
		sbuf_addf(b, "%s\x1e", s->title);
	}
}
