/* strmap.c: string-keyed multimap: open addressing over distinct keys, a
 * chain of values per key. */
#include "doc/strmap.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "doc/msg.h"
#include "doc/util.h"

#define NONE UINT32_MAX
#define POOL_FIRST 64		/* the pool's first block; each next one doubles */
#define POOL_BLOCK 4096		/* up to this */

/* A seed per run: keys made to collide under one seed do not under
 * another, so no file can crowd the table (a hash flood). */
static uint32_t seed(void)
{
	static uint32_t value;
	static bool ready;
	if (!ready) {
		FILE *f = fopen("/dev/urandom", "rb");
		if (!f || fread(&value, sizeof value, 1, f) != 1)
			value = (uint32_t)time(NULL) ^ (uint32_t)getpid() * 2654435761u;
		if (f)
			fclose(f);
		ready = true;
	}
	return value;
}

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u ^ seed();	/* FNV-1a, seeded */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	/* Every bit of h into the low ones, which pick the slot. */
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

/* The slot holding key, or the empty slot where it would go. */
static struct strmap_slot *find(const struct strmap *m, const char *key, uint32_t h)
{
	size_t i = h & (m->cap - 1);
	while (m->slots[i].key &&
	       (m->slots[i].hash != h || strcmp(m->slots[i].key, key) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static void grow(struct strmap *m)
{
	struct strmap_slot *old = m->slots;
	size_t oldcap = m->cap;
	/* Most maps are small (one per side of every table, a few keys
	 * each): the table starts at four slots. */
	m->cap = oldcap ? oldcap * 2 : 4;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].hash) = old[i];
	free(old);
}

/* A copy of key in the pool, which is freed whole. */
static const char *pool_copy(struct strmap *m, const char *key)
{
	size_t n = strlen(key) + 1;
	if (!m->npool || m->pool_size - m->pool_used < n) {
		/* Small maps are many (one per side of every table): small
		 * blocks first. */
		size_t size = !m->npool ? POOL_FIRST : m->pool_size < POOL_BLOCK ? 2 * m->pool_size
										   : POOL_BLOCK;
		if (size < n)
			size = n;
		DA_PUSH(m->pool, m->npool, m->cappool, xmalloc(size));
		m->pool_used = 0;
		m->pool_size = size;
	}
	char *p = m->pool[m->npool - 1] + m->pool_used;
	memcpy(p, key, n);
	m->pool_used += n;
	return p;
}

void strmap_put(struct strmap *m, const char *key, void *value)
{
	if (2 * (m->nkeys + 1) > m->cap)
		grow(m);
	if (m->nvals >= NONE - 1)
		util_fail(msg(M_OUT_OF_MEMORY));	/* 4 billion values: no room */
	uint32_t h = hash(key), v = (uint32_t)m->nvals;
	if (m->nvals == m->capvals) {	/* from four values, doubling */
		m->capvals = m->capvals ? 2 * m->capvals : 4;
		m->vals = xrealloc(m->vals, m->capvals * sizeof *m->vals);
	}
	m->vals[m->nvals++] = (struct strmap_value){ value, NONE };
	struct strmap_slot *s = find(m, key, h);
	if (!s->key) {
		*s = (struct strmap_slot){ pool_copy(m, key), h, v, v, 0 };
		m->nkeys++;
	} else {
		m->vals[s->tail].next = v;
		s->tail = v;
	}
	s->count++;
}

static const struct strmap_slot *lookup(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	const struct strmap_slot *s = find(m, key, hash(key));
	return s->key ? s : NULL;
}

void *strmap_next(const struct strmap *m, const char *key, size_t *pos)
{
	uint32_t v;
	if (*pos == 0) {
		const struct strmap_slot *s = lookup(m, key);
		if (!s)
			return NULL;
		v = s->head;
	} else {
		v = m->vals[*pos - 1].next;
	}
	if (v == NONE)
		return NULL;
	*pos = (size_t)v + 1;
	return m->vals[v].value;
}

void *strmap_get(const struct strmap *m, const char *key)
{
	size_t pos = 0;
	return strmap_next(m, key, &pos);
}

size_t strmap_count(const struct strmap *m, const char *key)
{
	const struct strmap_slot *s = lookup(m, key);
	return s ? s->count : 0;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->npool; i++)
		free(m->pool[i]);
	free(m->pool);
	free(m->slots);
	free(m->vals);
	memset(m, 0, sizeof *m);
}
