/* strmap.h: a string-keyed multimap.  Each distinct key holds a list of
 * values in the order they were put, so that "the first unmatched row in
 * document order" is one lookup, and putting the n-th value under a key
 * costs the same as the first (no probe run grows with duplicates). */
#ifndef BUDGET_STRMAP_H
#define BUDGET_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap_slot {
	const char *key;	/* in the map's own key pool */
	uint32_t hash;
	uint32_t head, tail;	/* first and last value, indexes into vals */
	uint32_t count;
};

struct strmap_value {
	void *value;
	uint32_t next;		/* the next value under the same key, or UINT32_MAX */
};

struct strmap {
	struct strmap_slot *slots;
	size_t cap, nkeys;
	struct strmap_value *vals;
	size_t nvals, capvals;
	char **pool;		/* blocks holding the keys */
	size_t npool, cappool, pool_used, pool_size;
};

/* Add key → value (key is copied); equal keys keep every value, in order. */
void strmap_put(struct strmap *m, const char *key, void *value);

/* Iterate the values under key: start with *pos = 0; each call returns the
 * next value in insertion order, or NULL when there are no more. */
void *strmap_next(const struct strmap *m, const char *key, size_t *pos);

/* The first value under key, or NULL. */
void *strmap_get(const struct strmap *m, const char *key);

/* How many values are stored under key. */
size_t strmap_count(const struct strmap *m, const char *key);

void strmap_free(struct strmap *m);

#endif
