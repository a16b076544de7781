/* util.h: allocation that cannot fail silently, and one growable array. */
#ifndef BUDGET_UTIL_H
#define BUDGET_UTIL_H

#include <stddef.h>

/* Called before the program dies of memory exhaustion, e.g. to restore the
 * terminal.  NULL by default. */
extern void (*util_fail_hook)(void);

/* Run the hook (first, so a restored terminal shows the message), print
 * "budget: message" to stderr, exit with status 3.  The one exit of the
 * core: there is nothing to return to when memory has run out. */
_Noreturn void util_fail(const char *message);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Make room for one more element in an array of n elements of size
 * `size` with capacity *cap, doubling as vis's da_reserve does; returns
 * the (possibly moved) array. */
void *da_grow(void *v, size_t n, size_t *cap, size_t size);

/* Append x to the array v of n elements and capacity cap (all lvalues). */
#define DA_PUSH(v, n, cap, x) do { \
		(v) = da_grow((v), (n), &(cap), sizeof *(v)); \
		(v)[(n)++] = (x); \
	} while (0)

#endif
