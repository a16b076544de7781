/* search.h: matching a search against the text of rows and sections,
 * case-insensitively (text_contains). */
#ifndef BUDGET_SEARCH_H
#define BUDGET_SEARCH_H

#include <stdbool.h>

#include "doc/model.h"

/* Does q occur in the row's name, code, any cell (amounts as printed),
 * project content, goals or note? */
bool search_row(const struct row *r, const char *q);

/* Does q occur in the section's title, paragraphs, text tables, terms, or
 * figure labels and notes (not in its sub-sections)? */
bool search_section(const struct section *s, const char *q);

#endif
