/* docset.h: many budget files at once.  Files and directories (their
 * *.yaml files, recursively, in name order) are loaded one by one; a file
 * that fails keeps its one-line error and the others still load.  The
 * documents form year sets: those of one year, the newest year first. */
#ifndef BUDGET_DOCSET_H
#define BUDGET_DOCSET_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/model.h"
#include "doc/strmap.h"

struct docset {
	struct document **docs;		/* newest year first; within a year by
					 * department, then by path */
	size_t ndocs, capdocs;
	char **errors;			/* "FILE:LINE:COL: message", one per file
					 * that did not load */
	size_t nerrors, caperrors;
	size_t nfiles;			/* files tried */
	char **roots;			/* the paths given, to load them again */
	size_t nroots, caproots;
	struct strmap seen;		/* files loaded, by device and inode: a file
					 * named twice (FILE inside DIR) loads once */
};

/* Load a file, or a directory's *.yaml files; a path that cannot be read
 * at all has its error recorded.  The path is kept in roots. */
void docset_add(struct docset *set, const char *path);
/* Order the documents by year (newest first), department and path; done
 * once every path is added. */
void docset_sort(struct docset *set);
/* Free the documents, the errors and the paths given. */
void docset_free(struct docset *set);

/* The documents of one year: [*first, *first + n); n == 0 when none. */
size_t docset_year(const struct docset *set, int year, size_t *first);
/* The document of that department in the documents [first, first + n),
 * or NULL. */
struct document *docset_find(const struct docset *set, size_t first, size_t n,
			     const char *department);

#endif
