/* strmap.c: string-keyed multimap. */
#include "doc/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/util.h"

static size_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;	/* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

static void insert(struct strmap *m, char *key, void *value)
{
	size_t i = hash(key) & (m->cap - 1);
	while (m->v[i].key)
		i = (i + 1) & (m->cap - 1);
	m->v[i] = (struct strmap_entry){ key, value };
	m->n++;
}

/* Keep the table at most half full.  Re-inserting in old slot order would
 * break insertion order among equal keys, so rehash walks each probe run
 * from its start: entries are taken in the order a lookup would see them. */
static void grow(struct strmap *m)
{
	struct strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->v = xcalloc(m->cap, sizeof *m->v);
	m->n = 0;
	if (!old.cap)
		return;
	size_t start = 0;
	while (old.v[start].key)	/* begin just after an empty slot */
		start = (start + 1) & (old.cap - 1);
	for (size_t k = 1; k <= old.cap; k++) {
		struct strmap_entry *e = &old.v[(start + k) & (old.cap - 1)];
		if (e->key)
			insert(m, e->key, e->value);
	}
	free(old.v);
}

void strmap_put(struct strmap *m, const char *key, void *value)
{
	if (2 * (m->n + 1) > m->cap)
		grow(m);
	insert(m, xstrdup(key), value);
}

void *strmap_next(const struct strmap *m, const char *key, size_t *pos)
{
	if (!m->cap)
		return NULL;
	size_t start = hash(key) & (m->cap - 1);
	for (size_t k = *pos; k < m->cap; k++) {
		const struct strmap_entry *e = &m->v[(start + k) & (m->cap - 1)];
		if (!e->key)
			return NULL;
		if (strcmp(e->key, key) == 0) {
			*pos = k + 1;
			return e->value;
		}
	}
	return NULL;
}

size_t strmap_count(const struct strmap *m, const char *key)
{
	size_t pos = 0, n = 0;
	while (strmap_next(m, key, &pos))
		n++;
	return n;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	memset(m, 0, sizeof *m);
}
