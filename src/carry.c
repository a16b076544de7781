/* carry.c: the browser's tree state carried over a reload, matched by
 * content (codes and names), since the reloaded rows live elsewhere. */
#include "carry.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

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
	s->ncursor = n;
	for (size_t i = 0; i < n; i++) {
		const struct item *it = &items[i];
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
	qsort(s->open, s->nopen, sizeof *s->open, cmp_str);
	s->cur = xstrdup(s->cursor[cur]);
}

static bool saved_open(const struct carry *s, const char *key)
{
	return bsearch(&key, s->open, s->nopen, sizeof *s->open, cmp_str) != NULL;
}

size_t carry_restore(const struct carry *s, struct item *items, size_t n, size_t cur)
{
	for (size_t i = 0; i < n; i++) {
		struct item *it = &items[i];
		struct sbuf ik = { 0 };
		bool seen = false;
		place_key(it, &ik);
		sbuf_add(&ik, "\x1d");
		/* Items the old document had keep their open nodes. */
		for (size_t k = 0; k < s->ncursor && !seen; k++)
			seen = strncmp(s->cursor[k], ik.s, ik.len) == 0;
		sbuf_free(&ik);
		if (!seen)
			continue;
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
			if (strcmp(s->cur, key) == 0)
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
	for (size_t i = 0; i < s->ncursor; i++)
		free(s->cursor[i]);
	free(s->open);
	free(s->cursor);
	free(s->cur);
}
