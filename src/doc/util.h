/* util.h: allocation that cannot fail silently. */
#ifndef BUDGET_UTIL_H
#define BUDGET_UTIL_H

#include <stddef.h>

/* Called before the program dies of memory exhaustion, e.g. to restore the
 * terminal.  NULL by default. */
extern void (*util_fail_hook)(void);

/* Run the hook (first, so a restored terminal shows the message), print
 * "budget: message" to stderr, exit with status 3. */
_Noreturn void util_fail(const char *message);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
