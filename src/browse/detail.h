/* detail.h: what the detail pane says about a row or a section.  A row
 * opens onto its story: its text fields (项目内容, 绩效目标) first, then the
 * lines of other tables that belong to it (procurement, purchased
 * services), labelled; then its path by names, its figures (the zero ones
 * folded into one line), its shares, its check, and how it pairs with the
 * prior year when compared.  A section's text comes with its references
 * to tables, which Enter follows. */
#ifndef BUDGET_DETAIL_H
#define BUDGET_DETAIL_H

#include "doc/model.h"
#include "report/check.h"
#include "report/lines.h"

/* Describe r, a row of a table as shown (perhaps a compared one), in lines
 * of at most width columns; rep gives its check (NULL: not checked). */
void detail_row(const struct document *doc, const struct row *r,
		const struct check_report *rep, int width, struct lines *out);

/* Describe a narrative section: its own text, wrapped to width. */
void detail_section(const struct section *s, int width, struct lines *out);

#endif
