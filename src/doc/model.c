/* model.c: the document tree and its arena. */
#include "doc/model.h"

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
};

#define BLOCK_SIZE (64 * 1024)

static void *arena_alloc(struct arena *a, size_t size)
{
	size_t align = _Alignof(max_align_t);
	size = (size + align - 1) / align * align;
	struct block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t cap = size > BLOCK_SIZE ? size : BLOCK_SIZE;
		b = xmalloc(sizeof *b + cap);
		b->next = a->head;
		b->used = 0;
		b->size = cap;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

struct document *model_new(const char *path)
{
	struct arena *a = xcalloc(1, sizeof *a);
	struct document *doc = arena_alloc(a, sizeof *doc);
	doc->arena = a;
	doc->file = model_strdup(doc, path ? path : "");
	/* The path is shown in headers and messages: no control characters. */
	char *clean = text_sanitize(doc->file, false);
	doc->path = model_strdup(doc, clean);
	free(clean);
	return doc;
}

void model_free(struct document *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->ntables; i++)
		strmap_free(&doc->tables[i].row_ids);
	struct arena *a = doc->arena;
	for (struct block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *model_alloc(struct document *doc, size_t size)
{
	return arena_alloc(doc->arena, size);
}

const char *model_strdup(struct document *doc, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = arena_alloc(doc->arena, n);
	memcpy(p, s, n);
	return p;
}

/* A moved subtree keeps its shape; its depths follow the new parent. */
static void set_depth(struct row *r, int depth)
{
	r->depth = depth;
	for (struct row *c = r->child; c; c = c->next)
		set_depth(c, depth + 1);
}

void model_append_row(struct table *t, struct row *parent, struct row *r)
{
	r->table = t;
	r->parent = parent;
	r->next = NULL;
	struct row **first = parent ? &parent->child : &t->rows;
	struct row **last = parent ? &parent->last_child : &t->last_row;
	if (*last)
		(*last)->next = r;
	else
		*first = r;
	*last = r;
	if (parent)
		parent->nchildren++;
	else
		t->nrows++;
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

void model_index_rows(struct table *t)
{
	size_t i = 0;
	for (struct row *r = t->rows; r; r = model_next_row(r))
		r->index = i++;
	t->nall = i;
}

struct table *model_find_table(const struct document *doc, int number)
{
	for (size_t i = 0; i < doc->ntables; i++)
		if (doc->tables[i].number == number)
			return &doc->tables[i];
	return NULL;
}

static struct row *find_code_in(const struct table *t, const char *code)
{
	for (struct row *r = t->rows; r; r = model_next_row(r))
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
	size_t pos = 0;
	return strmap_next(&t->row_ids, id, &pos);
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
	for (struct section *s = doc->parts; s; s = model_next_section(s))
		for (size_t i = 0; i < s->nfigures; i++)
			if (strcmp(s->figures[i].id, id) == 0)
				return &s->figures[i];
	return NULL;
}

int model_column_index(const struct table *t, const char *key)
{
	for (size_t i = 0; i < t->ncolumns; i++)
		if (strcmp(t->columns[i].key, key) == 0)
			return (int)i;
	return -1;
}

int model_first_amount(const struct table *t)
{
	for (size_t i = 0; i < t->ncolumns; i++)
		if (t->columns[i].type == COL_AMOUNT)
			return (int)i;
	return -1;
}

int model_amount_column(const struct table *t, const char *key)
{
	int col = key ? model_column_index(t, key) : model_first_amount(t);
	return col >= 0 && t->columns[col].type == COL_AMOUNT ? col : -1;
}

static const char *const kind_names[KIND_COUNT] = {
	[KIND_OTHER] = "other",
	[KIND_INCOME_EXPENDITURE] = "income_expenditure",
	[KIND_INCOME] = "income",
	[KIND_EXPENDITURE] = "expenditure",
	[KIND_FISCAL_SUMMARY] = "fiscal_summary",
	[KIND_NONTAX_INCOME] = "nontax_income",
	[KIND_FUNCTION] = "function",
	[KIND_FUND_EXPENDITURE] = "fund_expenditure",
	[KIND_BASIC] = "basic",
	[KIND_ECONOMIC] = "economic",
	[KIND_PROJECTS] = "projects",
	[KIND_TRANSFERS] = "transfers",
	[KIND_SANGONG] = "sangong",
	[KIND_PROCUREMENT] = "procurement",
	[KIND_SERVICES] = "services",
};

bool model_kind_parse(const char *name, enum table_kind *out)
{
	for (int k = 0; k < KIND_COUNT; k++)
		if (strcmp(kind_names[k], name) == 0) {
			*out = (enum table_kind)k;
			return true;
		}
	return false;
}
