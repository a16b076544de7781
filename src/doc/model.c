/* model.c: the document tree and its arena. */
#include "doc/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/text.h"
#include "doc/util.h"

/* The arena is a list of blocks; a document is built once and dropped whole,
 * so nothing is ever freed on its own. */
struct block {
	struct block *next;
	size_t used, size;
	_Alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block *head;
	size_t next;		/* the size of the next ordinary block */
};

#define BLOCK_FIRST 4096	/* a document's first block; each next one doubles */
#define BLOCK_SIZE (32 * 1024)	/* up to this */
/* Nothing in a document needs more than a pointer's or an int64's alignment. */
#define MODEL_ALIGN (_Alignof(int64_t) > _Alignof(void *) ? _Alignof(int64_t) : _Alignof(void *))

static void *arena_alloc(struct arena *a, size_t size, size_t align)
{
	struct block *b = a->head;
	size_t at = b ? (b->used + align - 1) / align * align : 0;
	if (!b || at > b->size || b->size - at < size) {
		/* A large piece gets a block of its own, behind the current
		 * one, so the current block's free room is not wasted. */
		size_t next = a->next ? a->next : BLOCK_FIRST;
		bool alone = size > next / 4;
		size_t cap = alone ? size : next;
		if (!alone)
			a->next = next < BLOCK_SIZE ? 2 * next : BLOCK_SIZE;
		struct block *nb = xmalloc(sizeof *nb + cap);
		nb->used = 0;
		nb->size = cap;
		if (b && alone) {
			nb->next = b->next;
			b->next = nb;
		} else {
			nb->next = b;
			a->head = nb;
		}
		b = nb;
		at = 0;
	}
	void *p = b->data + at;
	b->used = at + size;
	memset(p, 0, size);
	return p;
}

struct document *model_new(const char *path)
{
	return model_new_sized(path, 0);
}

struct document *model_new_sized(const char *path, size_t expect)
{
	struct arena *a = xcalloc(1, sizeof *a);
	/* A first block of the size expected: a thousand documents then waste
	 * only the tail of a small last block each. */
	if (expect > BLOCK_FIRST) {
		a->head = xmalloc(sizeof *a->head + expect);
		a->head->next = NULL;
		a->head->used = 0;
		a->head->size = expect;
	}
	struct document *doc = arena_alloc(a, sizeof *doc, MODEL_ALIGN);
	doc->arena = a;
	doc->file = model_strdup(doc, path ? path : "");
	/* The path is shown in headers and messages: nothing invisible. */
	char *clean = text_sanitize(doc->file, false);
	doc->path = model_strdup(doc, clean);
	free(clean);
	return doc;
}

void model_free(struct document *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->ntables; i++) {
		struct table *t = &doc->tables[i];
		strmap_free(&t->row_ids);
		for (size_t s = 0; s < t->nsides; s++)
			strmap_free(&t->sides[s].column_keys);
	}
	strmap_free(&doc->figures);
	strmap_free(&doc->table_index);
	struct arena *a = doc->arena;
	for (struct block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *model_alloc(struct document *doc, size_t size)
{
	return arena_alloc(doc->arena, size, MODEL_ALIGN);
}

const char *model_strndup(struct document *doc, const char *s, size_t n)
{
	char *p = arena_alloc(doc->arena, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

const char *model_strdup(struct document *doc, const char *s)
{
	return model_strndup(doc, s, strlen(s));
}

/* A moved subtree keeps its shape; its depths follow the new parent. */
static void set_depth(struct row *r, int depth)
{
	r->depth = (uint16_t)depth;
	for (struct row *c = r->child; c; c = c->next)
		set_depth(c, depth + 1);
}

void model_append_row(struct side *s, struct row *parent, struct row *r)
{
	r->side = s;
	r->parent = parent;
	r->next = NULL;
	struct row **first = parent ? &parent->child : &s->rows;
	struct row **last = parent ? &parent->last_child : &s->last_row;
	if (*last)
		(*last)->next = r;
	else
		*first = r;
	*last = r;
	if (parent)
		parent->nchildren++;
	else
		s->nrows++;
	set_depth(r, parent ? parent->depth + 1 : 0);
}

void model_insert_row(struct side *s, struct row *parent, struct row *after,
		      struct row *r)
{
	struct row **first = parent ? &parent->child : &s->rows;
	struct row **last = parent ? &parent->last_child : &s->last_row;
	r->side = s;
	r->parent = parent;
	r->next = after ? after->next : *first;
	if (after)
		after->next = r;
	else
		*first = r;
	if (*last == after)
		*last = r;
	if (parent)
		parent->nchildren++;
	else
		s->nrows++;
	set_depth(r, parent ? parent->depth + 1 : 0);
}

struct row *model_next_row(const struct row *r)
{
	if (r->child)
		return r->child;
	for (; r; r = r->parent)
		if (r->next)
			return r->next;
	return NULL;
}

struct row *model_first_row(const struct table *t)
{
	for (size_t i = 0; i < t->nsides; i++)
		if (t->sides[i].rows)
			return t->sides[i].rows;
	return NULL;
}

struct row *model_next_in_table(const struct row *r)
{
	struct row *n = model_next_row(r);
	if (n)
		return n;
	const struct table *t = r->side->table;
	for (size_t i = r->side->index + 1; i < t->nsides; i++)
		if (t->sides[i].rows)
			return t->sides[i].rows;
	return NULL;
}

void model_index_rows(struct table *t)
{
	uint32_t i = 0;
	for (struct row *r = model_first_row(t); r; r = model_next_in_table(r))
		r->index = i++;
	t->nall = i;
}

/* ---- finding ------------------------------------------------------------ */

static void index_put(struct document *doc, char kind, const char *name, struct table *t)
{
	struct sbuf k = { 0 };
	sbuf_addf(&k, "%c:%s", kind, name);
	if (!strmap_get(&doc->table_index, k.s))	/* the first keeps its name */
		strmap_put(&doc->table_index, k.s, t);
	sbuf_free(&k);
}

void model_index_tables(struct document *doc)
{
	strmap_free(&doc->table_index);
	if (doc->ntables <= MODEL_SCAN_MAX)
		return;
	for (size_t i = 0; i < doc->ntables; i++) {
		struct table *t = &doc->tables[i];
		char n[16];
		if (t->id)
			index_put(doc, 'i', t->id, t);
		if (t->label)
			index_put(doc, 'l', t->label, t);
		snprintf(n, sizeof n, "%d", t->number);
		if (t->number > 0)
			index_put(doc, 'n', n, t);
	}
}

struct table *model_find_table(const struct document *doc, const char *name)
{
	if (!name || !*name)
		return NULL;
	if (doc->table_index.nkeys) {
		/* An id first, then a label, then a number ("05" is 5). */
		struct sbuf k = { 0 };
		struct table *t;
		sbuf_addf(&k, "i:%s", name);
		t = strmap_get(&doc->table_index, k.s);
		if (!t) {
			k.s[0] = 'l';
			t = strmap_get(&doc->table_index, k.s);
		}
		char *end;
		long n = strtol(name, &end, 10);
		if (!t && !*end && n > 0 && n < 100) {
			sbuf_clear(&k);
			sbuf_addf(&k, "n:%ld", n);
			t = strmap_get(&doc->table_index, k.s);
		}
		sbuf_free(&k);
		return t;
	}
	for (size_t i = 0; i < doc->ntables; i++)
		if (strcmp(doc->tables[i].id, name) == 0)
			return &doc->tables[i];
	for (size_t i = 0; i < doc->ntables; i++)
		if (strcmp(doc->tables[i].label, name) == 0)
			return &doc->tables[i];
	char *end;
	long n = strtol(name, &end, 10);
	if (*end || n <= 0)
		return NULL;
	for (size_t i = 0; i < doc->ntables; i++)
		if (doc->tables[i].number == n)
			return &doc->tables[i];
	return NULL;
}

struct side *model_find_side(const struct table *t, const char *id)
{
	if (!id)
		return t->nsides ? &t->sides[0] : NULL;
	for (size_t i = 0; i < t->nsides; i++)
		if (t->sides[i].id && strcmp(t->sides[i].id, id) == 0)
			return &t->sides[i];
	return NULL;
}

static struct row *find_code_in(const struct table *t, const char *code)
{
	for (struct row *r = model_first_row(t); r; r = model_next_in_table(r))
		if (r->code && strcmp(r->code, code) == 0)
			return r;
	return NULL;
}

struct row *model_find_code(const struct document *doc, const struct table *t,
			    const char *code)
{
	if (t)
		return find_code_in(t, code);
	for (size_t i = 0; i < doc->ntables; i++) {
		struct row *r = find_code_in(&doc->tables[i], code);
		if (r)
			return r;
	}
	return NULL;
}

struct row *model_find_row_id(const struct table *t, const char *id)
{
	return strmap_get(&t->row_ids, id);
}

struct section *model_next_section(const struct section *s)
{
	if (s->child)
		return s->child;
	for (; s; s = s->parent)
		if (s->next)
			return s->next;
	return NULL;
}

struct section *model_find_section(const struct document *doc, const char *id)
{
	for (struct section *s = doc->parts; s; s = model_next_section(s))
		if (s->id && strcmp(s->id, id) == 0)
			return s;
	return NULL;
}

struct figure *model_find_figure(const struct document *doc, const char *id)
{
	return strmap_get(&doc->figures, id);
}

int model_column_index(const struct side *s, const char *key)
{
	if (!s->column_keys.nkeys) {	/* few columns, or a side made outside the loader */
		for (size_t i = 0; i < s->ncolumns; i++)
			if (s->columns[i].key && !strcmp(s->columns[i].key, key))
				return (int)i;
		return -1;
	}
	size_t v = (size_t)strmap_get(&s->column_keys, key);
	return v ? (int)(v - 1) : -1;
}

int model_first_amount(const struct side *s)
{
	for (size_t i = 0; i < s->ncolumns; i++)
		if (s->columns[i].type == COL_AMOUNT)
			return (int)i;
	return -1;
}

int model_amount_column(const struct side *s, const char *key)
{
	int col = key ? model_column_index(s, key) : s->main;
	return col >= 0 && s->columns[col].type == COL_AMOUNT ? col : -1;
}

/* ---- rows ------------------------------------------------------------------ */

const char *model_row_name(const struct row *r)
{
	for (size_t i = r->side->nlabels; i-- > 0;)
		if (r->labels[i] && *r->labels[i])
			return r->labels[i];
	return "";
}

void model_row_labels(const struct row *r, struct sbuf *out)
{
	bool first = true;
	for (size_t i = 0; i < r->side->nlabels; i++) {
		if (!r->labels[i] || !*r->labels[i])
			continue;
		if (!first)
			sbuf_add(out, " · ");
		sbuf_add(out, r->labels[i]);
		first = false;
	}
}

const char *model_row_text(const struct row *r, const char *key)
{
	const struct table *t = r->side->table;
	if (!r->texts)
		return NULL;
	for (size_t i = 0; i < t->ntexts; i++)
		if (strcmp(t->texts[i].key, key) == 0)
			return r->texts[i];
	return NULL;
}

bool model_cell_number(const struct row *r, size_t col, int64_t *out)
{
	const struct column *c = &r->side->columns[col];
	if (c->type == COL_TEXT || r->cells[col].n == CELL_BLANK ||
	    r->cells[col].n == CELL_ABSENT)
		return false;
	*out = r->cells[col].n;
	return true;
}

/* The row's amount in its side's main column. */
static bool main_amount(const struct row *r, amount_t *out)
{
	int c = r->side->main;
	return c >= 0 && model_cell_number(r, (size_t)c, out);
}

bool model_table_total(const struct table *t, amount_t *out)
{
	return t->total && !t->incomplete && main_amount(t->total, out);
}

bool model_document_total(const struct document *doc, const struct row **row, int *col,
			  amount_t *out)
{
	const struct cell_ref *t = &doc->total;
	if (!t->table_name || !t->row || t->column < 0)
		return false;
	*row = t->row;
	*col = t->column;
	return model_cell_number(t->row, (size_t)t->column, out);
}

const struct row *model_share_base(const struct row *r)
{
	if (r->parent)
		return r->parent;
	const struct row *total = r->side->total ? r->side->total : r->side->table->total;
	return total && total != r && total->side == r->side ? total : NULL;
}

bool model_share(const struct row *r, const struct row *base, int64_t *rate)
{
	amount_t a, b;
	if (!base || !main_amount(r, &a) || !main_amount(base, &b))
		return false;
	return rate_of(a, b, rate);
}

/* By the row linked to, then by place in the document: table, then row. */
static int by_link(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a, *y = *(const struct row *const *)b;
	if (x->link != y->link)
		return (uintptr_t)x->link < (uintptr_t)y->link ? -1 : 1;
	if (x->side->table != y->side->table)
		return x->side->table < y->side->table ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

void model_index_links(struct document *doc)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->ntables; i++)
		for (const struct row *r = model_first_row(&doc->tables[i]); r;
		     r = model_next_in_table(r))
			n += r->link != NULL;
	doc->linking = model_alloc(doc, (n ? n : 1) * sizeof *doc->linking);
	doc->nlinking = 0;
	for (size_t i = 0; i < doc->ntables; i++)
		for (const struct row *r = model_first_row(&doc->tables[i]); r;
		     r = model_next_in_table(r))
			if (r->link)
				doc->linking[doc->nlinking++] = r;
	if (n)
		qsort(doc->linking, n, sizeof *doc->linking, by_link);
}

size_t model_linked_rows(const struct document *doc, const struct row *target,
			 void (*fn)(const struct row *r, void *ctx), void *ctx)
{
	size_t lo = 0, hi = doc->nlinking, n = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((uintptr_t)doc->linking[mid]->link < (uintptr_t)target)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < doc->nlinking && doc->linking[lo]->link == target; lo++, n++)
		if (fn)
			fn(doc->linking[lo], ctx);
	return n;
}
