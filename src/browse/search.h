/* search.h: matching a search against the text of rows and sections,
 * case-insensitively (text_contains), and counting its occurrences. */
#ifndef BUDGET_SEARCH_H
#define BUDGET_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/model.h"

/* How often q occurs in the row's code, labels, cells (as printed) and
 * text fields; 0 when it does not. */
size_t search_row(const struct row *r, const char *q);

/* How often q occurs in the section's title, paragraphs, text tables,
 * terms and figure labels and notes (not in its sub-sections). */
size_t search_section(const struct section *s, const char *q);

#endif
