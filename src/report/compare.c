/* compare.c: pairing a budget with the prior year, and the compared tables
 * derived from the pairs. */
#include "report/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "doc/defaults.h"
#include "doc/msg.h"
#include "doc/strmap.h"
#include "doc/util.h"
#include "report/render.h"

/* ---- names ---------------------------------------------------------------- */

static bool is_space(wchar_t c)
{
	return c == L' ' || c == L'\t' || c == L'\n' || c == 0x3000;
}

/* Full-width forms U+FF01..FF5E are ASCII shifted by 0xFEE0. */
static wchar_t fold_width(wchar_t c)
{
	return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
}

static bool is_numeral(wchar_t c)
{
	const char *p = defaults_numerals;
	while (*p) {
		wchar_t n;
		size_t k = text_decode(p, &n);
		if (!k)
			break;
		if (n == c)
			return true;
		p += k;
	}
	return false;
}

/* A name as code points, spaces dropped and widths folded. */
static wchar_t *decode_name(const char *name, size_t *len)
{
	size_t n = strlen(name);
	wchar_t *w = xmalloc((n + 1) * sizeof *w);
	*len = 0;
	for (const char *p = name; *p;) {
		wchar_t c;
		size_t k = text_decode(p, &c);
		if (!k) {
			c = 0xFFFD;	/* an invalid byte, as everywhere else */
			k = 1;
		}
		p += k;
		c = fold_width(c);
		if (!is_space(c))
			w[(*len)++] = c;
	}
	w[*len] = 0;
	return w;
}

/* Does s begin with the UTF-8 word? */
static size_t starts_with_word(const wchar_t *s, const char *word)
{
	size_t i = 0;
	while (*word) {
		wchar_t c;
		size_t k = text_decode(word, &c);
		if (!k || s[i] != fold_width(c))
			return 0;
		word += k;
		i++;
	}
	return i;
}

/* Length of a leading enumerator: "一、", "(一)", "1.", "其中:" (already
 * folded to half-width), or 0. */
static size_t enumerator_len(const wchar_t *s)
{
	for (const char *const *w = defaults_name_prefixes; *w; w++) {
		size_t n = starts_with_word(s, *w);
		if (n)
			return n;
	}
	size_t i = s[0] == L'(' ? 1 : 0;
	size_t start = i;
	while (s[i] && is_numeral(s[i]))
		i++;
	if (i == start)
		return 0;
	if (start && s[i] == L')')
		return i + 1;
	if (!start && (s[i] == 0x3001 /* 、 */ || s[i] == L'.'))
		return i + 1;
	return 0;
}

char *compare_normalise(const char *name)
{
	size_t len, skip;
	wchar_t *w = decode_name(name, &len);
	const wchar_t *s = w;
	while ((skip = enumerator_len(s)))
		s += skip;
	struct sbuf b = { 0 };
	sbuf_add(&b, "");
	for (; *s; s++) {
		char u[4];
		sbuf_addn(&b, u, text_encode((uint32_t)*s, u));
	}
	free(w);
	return sbuf_take(&b);
}

/* The name a row is matched by: its labels, then its key columns. */
static char *row_key(const struct row *r)
{
	struct sbuf b = { 0 };
	const struct side *s = r->side;
	sbuf_add(&b, "");
	for (size_t i = 0; i < s->nlabels; i++) {
		char *n = compare_normalise(r->labels[i] ? r->labels[i] : "");
		sbuf_addf(&b, "%s\x1f", n);
		free(n);
	}
	for (size_t i = 0; i < s->nkey; i++) {
		const char *v = r->cells[s->key[i]].s;
		char *n = compare_normalise(v ? v : "");
		sbuf_addf(&b, "%s\x1f", n);
		free(n);
	}
	return sbuf_take(&b);
}

/* Is the key all separators: a row with no name and no key text? */
static bool key_empty(const char *k)
{
	for (; *k; k++)
		if (*k != '\x1f')
			return false;
	return true;
}

/* ---- queues of candidates ------------------------------------------------------ */

/* Prior rows by key, each list taken from its front: a row once taken is
 * never a candidate again, so skipping taken rows is linear overall. */
struct queue {
	const struct row **v;
	size_t n, cap, head;
};

struct queues {
	struct strmap keys;	/* key → 1 + queue index */
	struct queue *q;
	size_t n, cap;
};

static void queues_put(struct queues *qs, const char *key, const struct row *r)
{
	size_t i = (size_t)strmap_get(&qs->keys, key);
	if (!i) {
		DA_PUSH(qs->q, qs->n, qs->cap, ((struct queue){ 0 }));
		i = qs->n;
		strmap_put(&qs->keys, key, (void *)i);
	}
	struct queue *q = &qs->q[i - 1];
	DA_PUSH(q->v, q->n, q->cap, r);
}

/* The first prior row under key not yet taken, or NULL. */
static const struct row *queues_first(struct queues *qs, const char *key, const bool *taken)
{
	size_t i = (size_t)strmap_get(&qs->keys, key);
	if (!i)
		return NULL;
	struct queue *q = &qs->q[i - 1];
	while (q->head < q->n && taken[q->v[q->head]->index])
		q->head++;
	return q->head < q->n ? q->v[q->head] : NULL;
}

static void queues_free(struct queues *qs)
{
	for (size_t i = 0; i < qs->n; i++)
		free(qs->q[i].v);
	free(qs->q);
	strmap_free(&qs->keys);
	memset(qs, 0, sizeof *qs);
}

/* ---- pairing ------------------------------------------------------------------ */

/* The prior side a current side pairs with: the same id, or the same place. */
static const struct side *pair_side(const struct table *old, const struct side *s)
{
	if (!old)
		return NULL;
	if (s->id) {
		const struct side *o = model_find_side(old, s->id);
		if (o)
			return o;
	}
	return s->index < old->nsides ? &old->sides[s->index] : NULL;
}

static void take(struct cmp_table *ct, const struct row *r, const struct row *p,
		 enum match_how how)
{
	ct->prior[r->index] = p;
	ct->how[r->index] = how;
	ct->taken[p->index] = true;
}

/* Codes identify a row wherever it stands, where each names one row in
 * both years; a repeated code (a unit code on every line) does not. */
static void pair_by_code(struct cmp_table *ct, const struct side *s, const struct side *o)
{
	struct strmap cur = { 0 }, old = { 0 };
	for (const struct row *r = s->rows; r; r = model_next_row(r))
		if (r->code && *r->code)
			strmap_put(&cur, r->code, (void *)r);
	for (const struct row *p = o->rows; p; p = model_next_row(p))
		if (p->code && *p->code)
			strmap_put(&old, p->code, (void *)p);
	for (const struct row *r = s->rows; r; r = model_next_row(r)) {
		if (!r->code || !*r->code || strmap_count(&cur, r->code) != 1 ||
		    strmap_count(&old, r->code) != 1)
			continue;
		const struct row *p = strmap_get(&old, r->code);
		if (!ct->taken[p->index])
			take(ct, r, p, MATCH_CODE);
	}
	strmap_free(&cur);
	strmap_free(&old);
}

/* Ids are the file's own names for rows; kept from year to year, they pair. */
static void pair_by_id(struct cmp_table *ct, const struct side *s, const struct side *o)
{
	for (const struct row *r = s->rows; r; r = model_next_row(r)) {
		if (!r->id || ct->prior[r->index])
			continue;
		const struct row *p = model_find_row_id(ct->old, r->id);
		if (p && p->side == o && !ct->taken[p->index])
			take(ct, r, p, MATCH_ID);
	}
}

/* "parent\x1fkey": a row's key among the children of a parent (the prior
 * parent's index, or "-" at the top). */
static char *place_key(const struct row *parent, const char *key)
{
	struct sbuf b = { 0 };
	if (parent)
		sbuf_addf(&b, "%u\x1e%s", (unsigned)parent->index, key);
	else
		sbuf_addf(&b, "-\x1e%s", key);
	return sbuf_take(&b);
}

/* Names, then positions, among the children of the parent's counterpart;
 * parents come first in document order, so their pairs are known. */
static void pair_in_parent(struct cmp_table *ct, const struct side *s, const struct side *o)
{
	struct queues named = { 0 }, unnamed = { 0 };
	for (const struct row *p = o->rows; p; p = model_next_row(p)) {
		char *k = row_key(p);
		bool empty = key_empty(k) && !(p->code && *p->code);
		char *pk = place_key(p->parent, empty ? "" : k);
		queues_put(empty ? &unnamed : &named, pk, p);
		free(pk);
		free(k);
	}
	for (const struct row *r = s->rows; r; r = model_next_row(r)) {
		if (ct->prior[r->index])
			continue;
		const struct row *parent = NULL;
		if (r->parent && !(parent = ct->prior[r->parent->index]))
			continue;	/* a new parent's children are new */
		if (parent && parent->side != o)
			continue;
		char *k = row_key(r);
		bool empty = key_empty(k) && !(r->code && *r->code);
		char *pk = place_key(parent, empty ? "" : k);
		const struct row *p = queues_first(empty ? &unnamed : &named, pk, ct->taken);
		if (p)
			take(ct, r, p, empty ? MATCH_POSITION : MATCH_NAME);
		free(pk);
		free(k);
	}
	queues_free(&named);
	queues_free(&unnamed);
}

static void count_pairs(struct cmp_table *ct, bool file)
{
	struct cmp_counts *n = &ct->counts;
	if (ct->cur)
		for (const struct row *r = model_first_row(ct->cur); r; r = model_next_in_table(r))
			switch (ct->how[r->index]) {
			case MATCH_CODE: n->by_code++; break;
			case MATCH_ID: n->by_id++; break;
			case MATCH_NAME: n->by_name++; break;
			case MATCH_POSITION: n->by_position++; break;
			case MATCH_STATED: n->stated++; break;
			case MATCH_NONE: n->added += file; break;
			}
	if (ct->old)
		for (const struct row *p = model_first_row(ct->old); p; p = model_next_in_table(p))
			n->dropped += !ct->taken[p->index];
}

static void pair_table(struct cmp_table *ct)
{
	for (size_t i = 0; ct->cur && i < ct->cur->nsides; i++) {
		const struct side *s = &ct->cur->sides[i], *o = pair_side(ct->old, s);
		if (!o)
			continue;
		pair_by_code(ct, s, o);
		pair_by_id(ct, s, o);
		pair_in_parent(ct, s, o);
	}
}

/* Pair each current table with at most one prior table: the same id, else
 * the only unclaimed one of its kind; the prior tables left over follow. */
static void pair_tables(struct comparison *c)
{
	const struct document *cur = c->cur, *old = c->old;
	size_t nold = old ? old->ntables : 0;
	bool *claimed = xcalloc(nold + 1, sizeof *claimed);
	c->tables = xcalloc(cur->ntables + nold + 1, sizeof *c->tables);
	for (size_t i = 0; i < cur->ntables; i++)
		c->tables[i].cur = &cur->tables[i];
	for (size_t i = 0; old && i < cur->ntables; i++) {
		const struct table *o = model_find_table(old, cur->tables[i].id);
		if (o && !claimed[o - old->tables] && !strcmp(o->id, cur->tables[i].id)) {
			c->tables[i].old = o;
			claimed[o - old->tables] = true;
		}
	}
	/* Else by kind, where the prior year has one table of it left. */
	struct strmap by_kind = { 0 };
	for (size_t j = 0; j < nold; j++)
		if (!claimed[j])
			strmap_put(&by_kind, old->tables[j].kind, (void *)&old->tables[j]);
	for (size_t i = 0; old && i < cur->ntables; i++) {
		struct cmp_table *ct = &c->tables[i];
		if (ct->old || strmap_count(&by_kind, ct->cur->kind) != 1)
			continue;
		const struct table *only = strmap_get(&by_kind, ct->cur->kind);
		if (!claimed[only - old->tables]) {
			ct->old = only;
			claimed[only - old->tables] = true;
		}
	}
	strmap_free(&by_kind);
	c->ntables = cur->ntables;
	c->old_only = xcalloc(nold + 1, sizeof *c->old_only);
	for (size_t j = 0; j < nold; j++)
		if (!claimed[j]) {
			c->tables[c->ntables++].old = &old->tables[j];
			c->old_only[j] = c->ntables;
		}
	free(claimed);
}

/* ---- the prior year's amounts ------------------------------------------------------ */

/* Units: a prior table in another unit converts only exactly.  Each pair
 * converts from the prior table's unit to the current table's (a prior
 * table alone: to the current document's). */
static bool pair_units(struct comparison *c, struct cmp_table *ct, struct compare_error *err)
{
	const char *from = ct->old->unit, *to = ct->cur ? ct->cur->unit : c->cur->unit;
	long long a, b;
	ct->scale_num = ct->scale_den = 1;
	if (!strcmp(from, to))
		return true;
	if (!defaults_unit_size(from, &a) || !defaults_unit_size(to, &b)) {
		snprintf(err->message, sizeof err->message, msg(M_CMP_UNIT_UNKNOWN),
			 c->old->path, from, to);
		return false;
	}
	if (a >= b)
		ct->scale_num = a / b;
	else
		ct->scale_den = b / a;
	/* Every prior amount must come out whole in hundredths. */
	for (const struct row *p = model_first_row(ct->old); p; p = model_next_in_table(p))
		for (size_t k = 0; k < p->side->ncolumns; k++) {
			int64_t v;
			if (p->side->columns[k].type != COL_AMOUNT || !model_cell_number(p, k, &v))
				continue;
			if (v % ct->scale_den ||
			    (v > 0 ? v > AMOUNT_LIMIT / ct->scale_num
				   : v < -AMOUNT_LIMIT / ct->scale_num)) {
				char buf[AMOUNT_BUFSZ];
				snprintf(err->message, sizeof err->message, msg(M_CMP_UNIT_INEXACT),
					 c->old->path, p->line, amount_format(v, buf, sizeof buf),
					 from, to);
				return false;
			}
		}
	return true;
}

/* A prior cell's value in the current table's unit: amounts convert,
 * counts and measures do not. */
static int64_t scaled(const struct cmp_table *ct, const struct column *col, int64_t v)
{
	if (col->type != COL_AMOUNT)
		return v;
	return v / ct->scale_den * ct->scale_num;
}

/* The prior side's column that pairs with column col of s: the same key,
 * else the same normalised title; -1 when none. */
static int pair_column(const struct side *s, size_t col, const struct side *o)
{
	const struct column *c = &s->columns[col];
	int k = model_column_index(o, c->key);
	if (k >= 0 && o->columns[k].type == c->type)
		return k;
	char *want = compare_normalise(c->title);
	k = -1;
	for (size_t j = 0; j < o->ncolumns && k < 0; j++) {
		char *have = compare_normalise(o->columns[j].title);
		if (o->columns[j].type == c->type && strcmp(want, have) == 0)
			k = (int)j;
		free(have);
	}
	free(want);
	return k;
}

/* The key of a table cell in the index of stated figures. */
static void cell_key(const struct row *r, int col, char *buf, size_t size)
{
	snprintf(buf, size, "%p/%u/%d", (const void *)r->side->table, (unsigned)r->index, col);
}

/* Index the figures of the document by the cell they state, once. */
static void index_stated(struct comparison *c)
{
	char key[64];
	for (const struct section *s = c->cur->parts; s; s = model_next_section(s))
		for (size_t i = 0; i < s->nfigures; i++) {
			const struct figure *f = &s->figures[i];
			if (!f->ref.row || f->ref.column < 0 || f->quantity)
				continue;
			cell_key(f->ref.row, f->ref.column, key, sizeof key);
			strmap_put(&c->stated, key, (void *)f);
		}
}

/* Does the figure give the prior year's amount (its own, or by a change)? */
static bool states_prior(const struct figure *f)
{
	return f->has_prior || (f->has_change && !f->not_comparable);
}

/* The figure that states row r's figures in column col: the first that
 * gives the prior year's amount, else the first at all; or NULL. */
static const struct figure *stated_for(const struct comparison *c, const struct row *r,
				       int col)
{
	char key[64];
	size_t pos = 0;
	const struct figure *f;
	cell_key(r, col, key, sizeof key);
	while ((f = strmap_next(&c->stated, key, &pos)))
		if (states_prior(f))
			return f;
	return strmap_get(&c->stated, key);
}

bool compare_figure_prior(const struct figure *f, const struct row *r, int col,
			  amount_t *out)
{
	amount_t v;
	if (f->has_prior) {
		*out = f->prior;
		return true;
	}
	if (!f->has_change || f->not_comparable)
		return false;
	if (f->has_value)
		v = f->value;
	else if (!model_cell_number(r, (size_t)col, &v))
		return false;
	return amount_add(v, -f->change, out);
}

bool compare_prior(const struct comparison *c, const struct row *r, size_t col,
		   amount_t *out)
{
	const struct cmp_table *ct = compare_table(c, r->side->table);
	if (!c->old) {
		const struct figure *f = stated_for(c, r, (int)col);
		return f && compare_figure_prior(f, r, (int)col, out);
	}
	const struct row *p = ct ? ct->prior[r->index] : NULL;
	if (!p)
		return false;
	int oc = pair_column(r->side, col, p->side);
	int64_t v;
	if (oc < 0)
		return false;
	if (!model_cell_number(p, (size_t)oc, &v))
		v = 0;		/* a blank cell of a row that exists is nothing */
	*out = scaled(ct, &p->side->columns[oc], v);
	return true;
}

bool compare_change(const struct comparison *c, const struct row *r, size_t col,
		    amount_t *change, int64_t *rate, bool *has_rate)
{
	amount_t prior, now;
	if (!compare_prior(c, r, col, &prior))
		return false;
	if (!model_cell_number(r, col, &now))
		now = 0;
	/* Beyond the largest amount there is no change to show. */
	if (!amount_add(now, -prior, change))
		return false;
	*has_rate = rate_of(*change, prior, rate);
	return true;
}

/* ---- building ---------------------------------------------------------------------- */

bool compare_build(struct comparison *c, const struct document *cur,
		   const struct document *old, struct compare_error *err)
{
	memset(c, 0, sizeof *c);
	c->cur = cur;
	c->old = old;
	if (old && strcmp(old->department, cur->department)) {
		snprintf(err->message, sizeof err->message, msg(M_CMP_OTHER_DEPARTMENT),
			 old->path, old->department, old->year, cur->department, cur->year);
		return false;
	}
	if (old && old->year != cur->year - 1) {
		snprintf(err->message, sizeof err->message, msg(M_CMP_NOT_PRIOR_YEAR),
			 old->path, old->department, old->year, cur->department, cur->year);
		return false;
	}
	c->arena = model_new("");
	index_stated(c);
	pair_tables(c);
	for (size_t i = 0; old && i < c->ntables; i++) {
		c->tables[i].scale_num = c->tables[i].scale_den = 1;
		if (c->tables[i].old && !pair_units(c, &c->tables[i], err)) {
			compare_free(c);
			return false;
		}
	}
	for (size_t i = 0; i < c->ntables; i++) {
		struct cmp_table *ct = &c->tables[i];
		size_t ncur = ct->cur ? ct->cur->nall : 0, nold = ct->old ? ct->old->nall : 0;
		ct->prior = xcalloc(ncur + 1, sizeof *ct->prior);
		ct->how = xcalloc(ncur + 1, sizeof *ct->how);
		ct->taken = xcalloc(nold + 1, sizeof *ct->taken);
		if (ct->cur && ct->old)
			pair_table(ct);
	}
	for (size_t i = 0; !old && i < cur->ntables; i++) {
		struct cmp_table *ct = &c->tables[i];
		for (const struct row *r = model_first_row(ct->cur); r; r = model_next_in_table(r))
			for (size_t k = 0; k < r->side->ncolumns; k++) {
				amount_t p;
				if (r->side->columns[k].type == COL_AMOUNT &&
				    compare_prior(c, r, k, &p)) {
					ct->how[r->index] = MATCH_STATED;
					break;
				}
			}
	}
	for (size_t i = 0; i < c->ntables; i++) {
		struct cmp_table *ct = &c->tables[i];
		count_pairs(ct, old != NULL);
		c->counts.by_code += ct->counts.by_code;
		c->counts.by_id += ct->counts.by_id;
		c->counts.by_name += ct->counts.by_name;
		c->counts.by_position += ct->counts.by_position;
		c->counts.stated += ct->counts.stated;
		c->counts.added += ct->counts.added;
		c->counts.dropped += ct->counts.dropped;
	}
	return true;
}

/* Tables derived from a pair, one per compared column. */
struct derived_cache {
	struct derived_cache *next;
	char *column;			/* as asked for; NULL: the defaults */
	const struct table *table;
	struct derivation *d;
};

void compare_free(struct comparison *c)
{
	for (size_t i = 0; c->tables && i < c->ntables; i++) {
		struct cmp_table *ct = &c->tables[i];
		for (struct derived_cache *d = ct->cache, *next; d; d = next) {
			next = d->next;
			free(d->d->rows);
			free(d->column);
			free(d);
		}
		free(ct->prior);
		free(ct->how);
		free(ct->taken);
	}
	free(c->tables);
	free(c->old_only);
	strmap_free(&c->stated);
	model_free(c->arena);
	memset(c, 0, sizeof *c);
}

const struct cmp_table *compare_table(const struct comparison *c, const struct table *t)
{
	/* The pairs stand in the current document's order, then the prior
	 * tables that pair with none: found by place, not by a search. */
	const struct document *cur = c->cur, *old = c->old;
	if (cur && t >= cur->tables && t < cur->tables + cur->ntables)
		return &c->tables[t - cur->tables];
	if (old && c->old_only && t >= old->tables && t < old->tables + old->ntables) {
		size_t k = c->old_only[t - old->tables];
		return k ? &c->tables[k - 1] : NULL;
	}
	return NULL;
}

/* ---- derived tables ------------------------------------------------------------------ */

/* The columns of a derived side, in order. */
enum { D_CUR, D_PRIOR, D_CHANGE, D_RATE, D_STATED_CHANGE, D_STATED_RATE, D_NOTE, D_COUNT };

static const char *const derived_keys[D_COUNT] = {
	"cur", "prior", "change", "rate", "stated_change", "stated_rate", "note",
};

int compare_default_column(const struct comparison *c, const struct side *s)
{
	if (s->main < 0)
		return -1;
	/* The main column, unless the document states changes only in others. */
	int first = -1;
	bool main_stated = false;
	for (const struct row *r = s->rows; r; r = model_next_row(r))
		for (size_t k = 0; k < s->ncolumns; k++) {
			const struct figure *f;
			if (s->columns[k].type != COL_AMOUNT ||
			    !(f = stated_for(c, r, (int)k)) || !(f->has_change || f->has_prior))
				continue;
			if ((int)k == s->main)
				main_stated = true;
			else if (first < 0)
				first = (int)k;
		}
	return main_stated || first < 0 ? s->main : first;
}

/* Build state of one derivation. */
struct builder {
	struct comparison *c;
	struct cmp_table *pair;
	struct table *t;		/* the derived table */
	struct derived_row *info;	/* in creation order, with their rows */
	struct row **rows;
	size_t n, cap, capr;
	struct row **of_cur;		/* per row of cur: its derived row */
	struct row **of_old;		/* per row of old: its derived row */
};

static struct row *new_row(struct builder *b, struct side *ds, const struct row *src,
			   struct derived_row info)
{
	struct row *d = model_alloc(b->c->arena, sizeof *d);
	d->id = src->id;
	d->code = src->code;
	d->of_which = src->of_which;
	d->total_after = src->total_after;
	d->print_line = src->print_line;
	d->line = src->line;
	d->col = src->col;
	d->side = ds;
	d->cells = model_alloc(b->c->arena, D_COUNT * sizeof *d->cells);
	if (src->side->nlabels == ds->nlabels) {
		d->labels = src->labels;
	} else {
		d->labels = model_alloc(b->c->arena, (ds->nlabels ? ds->nlabels : 1) *
					sizeof *d->labels);
		for (size_t i = 0; i < ds->nlabels && i < src->side->nlabels; i++)
			d->labels[i] = src->labels[i];
	}
	b->info = da_grow(b->info, b->n, &b->cap, sizeof *b->info);
	b->rows = da_grow(b->rows, b->n, &b->capr, sizeof *b->rows);
	b->info[b->n] = info;
	b->rows[b->n++] = d;
	return d;
}

static void copy_tree(struct builder *b, struct side *ds, const struct row *r,
		      struct row *parent)
{
	const struct cmp_table *ct = b->pair;
	struct derived_row info = { r, ct->prior[r->index], ct->how[r->index],
				    false, false, false, false, NULL };
	if (info.prior) {
		char *a = row_key(r), *p = row_key(info.prior);
		info.renamed = strcmp(a, p) != 0;
		free(a);
		free(p);
		info.recoded = (r->code || info.prior->code) &&
			       (!r->code || !info.prior->code || strcmp(r->code, info.prior->code));
		const struct row *pp = r->parent ? ct->prior[r->parent->index] : NULL;
		info.moved = pp != info.prior->parent;
	}
	struct row *d = new_row(b, ds, r, info);
	model_append_row(ds, parent, d);
	b->of_cur[r->index] = d;
	for (const struct row *k = r->child; k; k = k->next)
		copy_tree(b, ds, k, d);
}

/* The printed line of a dropped row d just placed: its prior line when
 * that keeps its side's lines in order (not before the row it follows,
 * before the row after it), else the line of the row it follows (the
 * last row of its earlier sibling's subtree, or its parent), so that
 * render_align never splits rows that stand on one line.  One with no row
 * before it takes a line before the row after it. */
static int dropped_line(const struct row *d, const struct row *after)
{
	const struct row *prev = after ? after : d->parent;
	while (after && prev->last_child)
		prev = prev->last_child;
	const struct row *next = model_next_row(d);
	int own = d->print_line;
	if ((!prev || prev->print_line <= own) && (!next || own < next->print_line))
		return own;
	if (prev)
		return prev->print_line;
	return next->print_line > 0 ? next->print_line - 1 : 0;
}

/* The prior rows that match nothing, where they stood: under their
 * parent's counterpart, after their nearest earlier sibling shown. */
static void place_dropped(struct builder *b, struct side *ds, const struct row *first,
			  struct row *target, const struct row **old_match)
{
	struct row *after = NULL;
	for (const struct row *p = first; p; p = p->next) {
		struct row *d;
		if (b->pair->taken[p->index]) {
			d = b->of_cur[old_match[p->index]->index];
			if (d->parent == target)
				after = d;
		} else {
			struct derived_row info = { NULL, p, MATCH_NONE, false, false, false,
						    false, NULL };
			d = new_row(b, ds, p, info);
			model_insert_row(ds, target, after, d);
			d->print_line = dropped_line(d, after);
			b->of_old[p->index] = d;
			after = d;
		}
		place_dropped(b, ds, p->child, d, old_match);
	}
}

/* A derived side's columns: the compared column's figures under its
 * heading, with the stated ones where the document states any. */
static void derived_columns(struct builder *b, struct side *ds, const struct column *c,
			    bool stated_change, bool stated_rate)
{
	struct document *a = b->c->arena;
	static const enum msg_id titles[D_COUNT] = {
		M_CMP_THIS_YEAR, M_CMP_PRIOR_YEAR, M_CMP_CHANGE, M_CMP_RATE,
		M_CMP_STATED_CHANGE, M_CMP_STATED_RATE, M_CMP_NOTE,
	};
	const char **group = NULL;
	size_t ngroup = 0;
	if (c) {
		ngroup = c->ngroup + 1;
		group = model_alloc(a, ngroup * sizeof *group);
		for (size_t i = 0; i < c->ngroup; i++)
			group[i] = c->group[i];
		group[c->ngroup] = c->title;
	}
	ds->columns = model_alloc(a, D_COUNT * sizeof *ds->columns);
	ds->ncolumns = D_COUNT;
	for (int i = 0; i < D_COUNT; i++) {
		struct column *dc = &ds->columns[i];
		dc->key = derived_keys[i];
		dc->title = model_strdup(a, msg(titles[i]));
		dc->unit_column = -1;
		dc->type = i == D_RATE ? COL_RATE : i == D_NOTE || i == D_STATED_RATE ? COL_TEXT
										: COL_AMOUNT;
		dc->right = i == D_STATED_RATE;
		dc->sign = i == D_CHANGE || i == D_STATED_CHANGE;
		if (i != D_NOTE) {
			dc->group = group;
			dc->ngroup = ngroup;
		}
	}
	/* Columns nothing fills are left out from the start. */
	if (!stated_change)
		ds->columns[D_STATED_CHANGE].key = NULL;
	if (!stated_rate)
		ds->columns[D_STATED_RATE].key = NULL;
}

/* Where a derived column's cell was filled (its D_ place). */
static size_t derived_index(const char *key)
{
	for (size_t i = 0; i < D_COUNT; i++)
		if (!strcmp(derived_keys[i], key))
			return i;
	return 0;
}

/* Drop the derived columns marked unused (key NULL). */
static void squeeze_columns(struct side *ds)
{
	size_t k = 0;
	for (size_t i = 0; i < ds->ncolumns; i++)
		if (ds->columns[i].key)
			ds->columns[k++] = ds->columns[i];
	ds->ncolumns = k;	/* few: model_column_index scans them */
}

static void note_text(struct builder *b, const struct derived_row *info, struct sbuf *out)
{
	bool file = b->c->old != NULL;
	if (!info->cur)
		sbuf_add(out, msg(M_CMP_DROPPED));
	else if (!info->prior && file)
		sbuf_add(out, msg(M_CMP_NEW));
	else if (info->how == MATCH_POSITION)
		sbuf_add(out, msg(M_CMP_BY_POSITION));
	else if ((info->how == MATCH_CODE || info->how == MATCH_ID) && (info->renamed || info->moved))
		sbuf_add(out, msg(info->how == MATCH_CODE ? M_CMP_BY_CODE : M_CMP_BY_ID));
	else if (info->how == MATCH_NAME && (info->recoded || info->moved))
		sbuf_add(out, msg(M_CMP_BY_NAME));
	if (info->differs)
		sbuf_addf(out, "%s%s", out->len ? " " : "", msg(M_CMP_DIFFERS));
}

/* The cells of one derived row in the compared column col (of the row's
 * own side: the current one, or the prior one for a dropped row). */
static void fill_row(struct builder *b, struct row *d, struct derived_row *info, int col,
		     const int *where)
{
	union cell *v = d->cells;
	struct comparison *c = b->c;
	amount_t now = 0, prior = 0, change;
	int64_t rate;
	bool has_now = false, has_prior = false;
	for (int i = 0; i < D_COUNT; i++)
		v[i].n = CELL_ABSENT;
	v[D_STATED_CHANGE].n = CELL_BLANK;
	v[D_NOTE].s = NULL;
	v[D_STATED_RATE].s = NULL;
	if (col < 0)
		return;
	if (info->cur) {
		has_now = model_cell_number(info->cur, (size_t)col, &now);
		v[D_CUR].n = has_now ? now : CELL_BLANK;
		if (compare_prior(c, info->cur, (size_t)col, &prior)) {
			int64_t raw;
			has_prior = true;
			/* A blank prior cell shows blank; it counts as nothing. */
			bool blank = c->old && info->prior &&
				     (where[0] < 0 || !model_cell_number(info->prior,
									(size_t)where[0], &raw));
			v[D_PRIOR].n = blank ? CELL_BLANK : prior;
		}
	} else if (where[1] >= 0) {
		int64_t raw;
		v[D_PRIOR].n = model_cell_number(info->prior, (size_t)where[1], &raw)
			       ? scaled(b->pair, &info->prior->side->columns[where[1]], raw)
			       : CELL_BLANK;
	}
	if (has_prior) {
		if (!has_now && v[D_PRIOR].n == CELL_BLANK) {
			v[D_CHANGE].n = v[D_RATE].n = CELL_BLANK;
		} else if (amount_add(now, -prior, &change)) {
			v[D_CHANGE].n = change;
			if (rate_of(change, prior, &rate))
				v[D_RATE].n = rate;
		}
	}
	const struct figure *f = info->cur ? stated_for(c, info->cur, col) : NULL;
	if (f) {
		char buf[AMOUNT_BUFSZ];
		info->stated = f;
		if (f->has_change) {
			v[D_STATED_CHANGE].n = f->change;
			if (v[D_CHANGE].n != CELL_ABSENT && v[D_CHANGE].n != CELL_BLANK &&
			    v[D_CHANGE].n != f->change)
				info->differs = true;
		}
		if (f->has_rate) {
			int64_t at;
			v[D_STATED_RATE].s = model_strdup(c->arena, rate_format(f->rate,
							  f->rate_places, buf, sizeof buf));
			if (v[D_RATE].n != CELL_ABSENT && v[D_RATE].n != CELL_BLANK &&
			    rate_of_places(v[D_CHANGE].n, prior, f->rate_places, &at) &&
			    at != f->rate)
				info->differs = true;
		}
	}
	struct sbuf note = { 0 };
	note_text(b, info, &note);
	if (note.len)
		v[D_NOTE].s = model_strdup(c->arena, note.s);
	sbuf_free(&note);
}

/* The derived table's title, with what is compared after it, and the
 * meta it adds: where the prior year comes from. */
static void derived_heads(struct builder *b, const struct table *base, const int *cols)
{
	struct sbuf s = { 0 };
	struct comparison *c = b->c;
	const struct side *first = &base->sides[0];
	sbuf_add(&s, base->title);
	if (cols[0] >= 0) {
		struct sbuf h = { 0 };
		render_column_heading(&first->columns[cols[0]], "/", &h);
		sbuf_addf(&s, msg(M_CMP_TITLE), h.s);
		sbuf_free(&h);
	} else {
		sbuf_add(&s, msg(M_CMP_TITLE_PLAIN));
	}
	b->t->title = model_strdup(c->arena, s.s);
	sbuf_clear(&s);
	if (c->old)
		sbuf_addf(&s, msg(M_CMP_META_FILE), c->old->path, c->old->year);
	else
		sbuf_add(&s, msg(M_CMP_META_STATED));
	b->t->meta = model_strdup(c->arena, s.s);
	sbuf_free(&s);
}

static struct derivation *derive(struct comparison *c, struct cmp_table *ct,
				 const char *column, const struct table **out)
{
	const struct table *base = ct->cur ? ct->cur : ct->old;
	struct builder b = { c, ct, NULL, NULL, NULL, 0, 0, 0, NULL, NULL };
	struct table *t = model_alloc(c->arena, sizeof *t);
	struct derivation *d = model_alloc(c->arena, sizeof *d);
	b.t = t;
	*t = (struct table){ .id = base->id, .label = base->label, .number = base->number,
			     .kind = base->kind, .role = base->role, .unit = base->unit,
			     .incomplete = base->incomplete, .note = base->note,
			     .line = base->line, .doc = (struct document *)c->cur };
	t->nsides = base->nsides;
	t->sides = model_alloc(c->arena, (t->nsides ? t->nsides : 1) * sizeof *t->sides);
	d->cmp = c;
	d->pair = ct;
	d->column = model_alloc(c->arena, (t->nsides ? t->nsides : 1) * sizeof *d->column);
	b.of_cur = xcalloc((ct->cur ? ct->cur->nall : 0) + 1, sizeof *b.of_cur);
	b.of_old = xcalloc((ct->old ? ct->old->nall : 0) + 1, sizeof *b.of_old);
	const struct row **old_match = xcalloc((ct->old ? ct->old->nall : 0) + 1,
					       sizeof *old_match);
	if (ct->cur)
		for (const struct row *r = model_first_row(ct->cur); r; r = model_next_in_table(r))
			if (ct->prior[r->index])
				old_match[ct->prior[r->index]->index] = r;
	int (*where)[2] = xcalloc(t->nsides ? t->nsides : 1, sizeof *where);
	for (size_t i = 0; i < t->nsides; i++) {
		const struct side *bs = &base->sides[i];
		const struct side *os = ct->cur ? pair_side(ct->old, bs) : bs;
		struct side *ds = &t->sides[i];
		int col = -1;
		if (column)
			col = model_amount_column(bs, column);
		if (col < 0)
			col = ct->cur ? compare_default_column(c, bs) : bs->main;
		d->column[i] = col;
		where[i][0] = os && col >= 0 && ct->cur ? pair_column(bs, (size_t)col, os) : -1;
		where[i][1] = ct->cur ? where[i][0] : col;
		*ds = (struct side){ .id = bs->id, .title = bs->title, .group = bs->group,
				     .code_title = bs->code_title, .labels = bs->labels,
				     .nlabels = bs->nlabels, .role = bs->role, .table = t,
				     .index = i, .nest = bs->nest, .main = 0 };
		bool stated_change = false, stated_rate = false;
		for (const struct row *r = ct->cur ? bs->rows : NULL; r && col >= 0;
		     r = model_next_row(r)) {
			const struct figure *f = stated_for(c, r, col);
			stated_change |= f && f->has_change;
			stated_rate |= f && f->has_rate;
		}
		/* Stated mode takes the prior year from the stated change: only
		 * the stated rate can tell more than the computed one. */
		derived_columns(&b, ds, col >= 0 ? &bs->columns[col] : NULL,
				stated_change && c->old, stated_rate);
		if (ct->cur)
			for (const struct row *r = bs->rows; r; r = r->next)
				copy_tree(&b, ds, r, NULL);
		if (os)
			place_dropped(&b, ds, os->rows, NULL, old_match);
	}
	model_index_rows(t);
	d->rows = xcalloc(t->nall + 1, sizeof *d->rows);
	for (size_t i = 0; i < b.n; i++) {
		struct row *r = b.rows[i];
		fill_row(&b, r, &b.info[i], d->column[r->side->index], where[r->side->index]);
		d->rows[r->index] = b.info[i];
		d->nstated += b.info[i].stated && states_prior(b.info[i].stated);
	}
	/* Columns no row fills are left out, now that every cell is known:
	 * which sides have notes, in one pass over the rows. */
	bool *notes = xcalloc(t->nsides + 1, sizeof *notes);
	for (size_t k = 0; k < b.n; k++)
		if (b.rows[k]->cells[D_NOTE].s)
			notes[b.rows[k]->side->index] = true;
	for (size_t i = 0; i < t->nsides; i++) {
		if (!notes[i])
			t->sides[i].columns[D_NOTE].key = NULL;
		squeeze_columns(&t->sides[i]);
	}
	free(notes);
	for (size_t i = 0; i < b.n; i++) {
		struct row *r = b.rows[i];
		const struct side *s = r->side;
		if (s->ncolumns == D_COUNT)
			continue;
		union cell *cells = model_alloc(c->arena, D_COUNT * sizeof *cells);
		for (size_t k = 0; k < s->ncolumns; k++)
			cells[k] = r->cells[derived_index(s->columns[k].key)];
		r->cells = cells;
	}
	derived_heads(&b, base, d->column);
	for (size_t i = 0; i < t->nsides; i++) {
		const struct side *bs = &base->sides[i];
		if (bs->total && ct->cur)
			t->sides[i].total = b.of_cur[bs->total->index];
	}
	if (base->total && ct->cur)
		t->total = b.of_cur[base->total->index];
	t->derived = d;
	free(where);
	free(old_match);
	free(b.of_cur);
	free(b.of_old);
	free(b.info);
	free(b.rows);
	*out = t;
	return d;
}

const struct table *compare_derive(struct comparison *c, const struct table *t,
				   const char *column)
{
	struct cmp_table *ct = (struct cmp_table *)compare_table(c, t);
	if (!ct)
		return NULL;
	for (struct derived_cache *d = ct->cache; d; d = d->next)
		if ((!d->column && !column) || (d->column && column && !strcmp(d->column, column)))
			return d->table;
	struct derived_cache *e = xcalloc(1, sizeof *e);
	e->column = column ? xstrdup(column) : NULL;
	e->d = derive(c, ct, column, &e->table);
	e->next = ct->cache;
	ct->cache = e;
	return e->table;
}

const struct derivation *compare_derivation(const struct table *t)
{
	return t->derived;
}

const struct derived_row *compare_derived_row(const struct row *r)
{
	const struct derivation *d = r->side->table->derived;
	return d ? &d->rows[r->index] : NULL;
}

const struct row *compare_origin_row(const struct row *r)
{
	const struct derived_row *d = r ? compare_derived_row(r) : NULL;
	return d ? d->cur : r;
}

void compare_table_summary(const struct table *t, struct sbuf *out)
{
	const struct derivation *d = t->derived;
	struct cmp_counts n = d->pair->counts;
	n.stated = d->nstated;
	compare_summary(d->cmp, &n, out);
}

void compare_summary(const struct comparison *c, const struct cmp_counts *n,
		     struct sbuf *out)
{
	if (c->old)
		sbuf_addf(out, msg(M_CMP_SUMMARY_FILE), n->by_code, n->by_id, n->by_name,
			  n->by_position, n->added, n->dropped);
	else
		sbuf_addf(out, msg(M_CMP_SUMMARY_STATED), n->stated);
}

int compare_column_of(const struct side *s, enum derived_figure which)
{
	static const int place[] = { D_CUR, D_PRIOR, D_CHANGE, D_RATE };
	if (!s->table->derived)
		return -1;
	return model_column_index(s, derived_keys[place[which]]);
}
