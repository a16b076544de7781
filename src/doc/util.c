/* util.c: allocation that cannot fail silently. */
#include "doc/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/msg.h"

void (*util_fail_hook)(void);

_Noreturn void util_fail(const char *message)
{
	void (*hook)(void) = util_fail_hook;

	/* The hook restores the terminal, so it runs first or the message
	 * would be drawn on a screen about to be cleared; it is unset first
	 * so that a hook which itself fails cannot loop. */
	util_fail_hook = NULL;
	if (hook)
		hook();
	fprintf(stderr, "budget: %s\n", message);
	exit(3);
}

static void *check(void *p)
{
	if (!p)
		util_fail(msg(M_OUT_OF_MEMORY));
	return p;
}

/* Zero sizes are bumped to 1 so that NULL always means failure. */
void *xmalloc(size_t n)
{
	return check(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
	return check(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
	return check(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

void *da_grow(void *v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	size_t c = *cap ? *cap * 2 : 16;
	if (c > SIZE_MAX / size)
		util_fail(msg(M_OUT_OF_MEMORY));
	*cap = c;
	return xrealloc(v, c * size);
}
