/* strmap.h: a string-keyed multimap (open addressing, linear probing).
 * Entries with equal keys come back in the order they were put, which is
 * what matching "the first unmatched row in document order" needs. */
#ifndef BUDGET_STRMAP_H
#define BUDGET_STRMAP_H

#include <stddef.h>

struct strmap_entry {
	char *key;		/* owned copy */
	void *value;
};

struct strmap {
	struct strmap_entry *v;
	size_t cap, n;
};

/* Add key → value; equal keys are kept side by side, not replaced. */
void strmap_put(struct strmap *m, const char *key, void *value);

/* Iterate the values under key: start with *pos = 0; each call returns the
 * next value in insertion order, or NULL when there are no more. */
void *strmap_next(const struct strmap *m, const char *key, size_t *pos);

/* How many values are stored under key. */
size_t strmap_count(const struct strmap *m, const char *key);

void strmap_free(struct strmap *m);

#endif
