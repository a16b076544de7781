/* carry.c: the browser's tree state carried over a reload, matched by
 * content (codes and names), since the reloaded rows live elsewhere. */
#include "browse/carry.h"

#include <stdlib.h>
#include <string.h>

#include "doc/util.h"

/* The item's own key: its table number or part id. */
static void place_key(const struct item *it, struct sbuf *b)
{
	if (it->table)
		sbuf_addf(b, "table %d", it->table->number);
	else
		sbuf_addf(b, "part %s", it->part->id ? it->part->id : it->part->title);
}

/* The key of node n of item it (n NULL: of the item alone). */
static char *key_of(const struct item *it, const void *n)
{
	struct sbuf b = { 0 };
	place_key(it, &b);
	sbuf_add(&b, "\x1d");
	if (n)
		item_key(it, n, &b);
	return sbuf_take(&b);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void carry_save(const struct item *items, size_t n, size_t cur, struct carry *s)
{
	size_t cap = 0;
	memset(s, 0, sizeof *s);
	s->cursor = xcalloc(n, sizeof *s->cursor);
	s->sort = xcalloc(n, sizeof *s->sort);
	s->column = xcalloc(n, sizeof *s->column);
	s->ncursor = n;
	for (size_t i = 0; i < n; i++) {
		const struct item *it = &items[i];
		s->sort[i] = it->sort.mode;
		if (it->table && it->sort.col < it->table->ncolumns)
			s->column[i] = xstrdup(it->table->columns[it->sort.col].key);
		for (size_t j = 0; j < it->nnodes; j++) {
			if (!it->open[j])
				continue;
			if (s->nopen == cap) {
				cap = cap ? cap * 2 : 64;
				s->open = xrealloc(s->open, cap * sizeof *s->open);
			}
			s->open[s->nopen++] = key_of(it, it->nodes[j]);
		}
		s->cursor[i] = key_of(it, it->nvis ? item_node(&it->vis[it->cursor]) : NULL);
	}
	if (s->nopen)	/* open is NULL then, which qsort must not see */
		qsort(s->open, s->nopen, sizeof *s->open, cmp_str);
	s->cur = n ? xstrdup(s->cursor[cur]) : NULL;
}

static bool saved_open(const struct carry *s, const char *key)
{
	return s->nopen &&
	       bsearch(&key, s->open, s->nopen, sizeof *s->open, cmp_str) != NULL;
}

/* The old item it was, or -1 when the old document had none like it. */
static long old_item(const struct carry *s, const struct item *it)
{
	struct sbuf ik = { 0 };
	long found = -1;
	place_key(it, &ik);
	sbuf_add(&ik, "\x1d");
	for (size_t k = 0; k < s->ncursor && found < 0; k++)
		if (strncmp(s->cursor[k], ik.s, ik.len) == 0)
			found = (long)k;
	sbuf_free(&ik);
	return found;
}

/* The old item's sort, and its column when the table still has it. */
static void restore_sort(const struct carry *s, size_t k, struct item *it)
{
	int col = it->table && s->column[k] ? model_amount_column(it->table, s->column[k]) : -1;
	it->sort.mode = s->sort[k];
	if (col >= 0)
		it->sort.col = (size_t)col;
}

size_t carry_restore(const struct carry *s, struct item *items, size_t n, size_t cur)
{
	for (size_t i = 0; i < n; i++) {
		struct item *it = &items[i];
		/* Items the old document had keep their open nodes. */
		long was = old_item(s, it);
		if (was < 0)
			continue;
		restore_sort(s, (size_t)was, it);
		for (size_t j = 0; j < it->nnodes; j++) {
			char *key = key_of(it, it->nodes[j]);
			it->open[j] = item_has_children(it, it->nodes[j]) && saved_open(s, key);
			free(key);
		}
		item_refresh(it);
		for (size_t j = 0; j < it->nvis; j++) {
			char *key = key_of(it, item_node(&it->vis[j]));
			bool hit = false;
			for (size_t k = 0; k < s->ncursor && !hit; k++)
				hit = strcmp(s->cursor[k], key) == 0;
			if (hit)
				it->cursor = j;
			if (s->cur && strcmp(s->cur, key) == 0)
				cur = i;
			free(key);
		}
	}
	return cur;
}

void carry_free(struct carry *s)
{
	for (size_t i = 0; i < s->nopen; i++)
		free(s->open[i]);
	for (size_t i = 0; i < s->ncursor; i++) {
		free(s->cursor[i]);
		free(s->column[i]);
	}
	free(s->open);
	free(s->cursor);
	free(s->sort);
	free(s->column);
	free(s->cur);
}
