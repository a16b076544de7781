/* print.h: --print snapshots. */
#ifndef BUDGET_PRINT_H
#define BUDGET_PRINT_H

#include <stdio.h>

#include "model.h"

/* Render VIEW ("all", a table number, or a section id) of doc to f, with
 * lines fitted to width columns (0: no limit).  Returns 0, or 2 after a
 * one-line message on stderr when VIEW names nothing in the document. */
int print_view(const struct document *doc, const char *view, int width, FILE *f);

#endif
