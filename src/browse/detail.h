/* detail.h: what the detail pane says about a row or a section: the row's
 * code path, every column in full, its shares, its check status, a
 * project's content and goals, its comparison with the prior year, and
 * the procurement (表13) and purchased-
 * service (表14) lines that belong to it; a section's text. */
#ifndef BUDGET_DETAIL_H
#define BUDGET_DETAIL_H

#include <stdbool.h>
#include <stdint.h>

#include "report/check.h"
#include "report/compare.h"
#include "doc/model.h"
#include "report/render.h"

/* The amount a row's shares are measured in: its first amount column.
 * False when the table has none or the cell is blank. */
bool detail_amount(const struct row *r, amount_t *out);

/* The row r is a share of: its parent, or for a top-level row the
 * table's total (its first top-level row); NULL when none. */
const struct row *detail_share_base(const struct row *r);

/* r's share of base in hundredths of a percent; false when either amount
 * is missing or base is zero. */
bool detail_share(const struct row *r, const struct row *base, int64_t *rate);

/* The table's total as the navigator shows it: the first amount of its
 * first top-level row; false when it has none. */
bool detail_table_total(const struct table *t, amount_t *out);

/* The rows of kind tables (表13, 表14) that belong to a project: the
 * children of the group rows whose name is the project's name.  Calls
 * fn for each; returns how many. */
size_t detail_project_lines(const struct document *doc, const struct row *project,
			    enum table_kind kind,
			    void (*fn)(const struct row *line, void *ctx), void *ctx);

/* Describe r in lines of at most width columns; status is its --check
 * status (NULL: the document was not checked), finding the message of its
 * worst finding or NULL; cmp, when not NULL, adds every amount column of r
 * compared with the prior year. */
void detail_row(const struct document *doc, const struct row *r,
		const enum check_status *status, const char *finding,
		const struct comparison *cmp, bool zh, int width, struct lines *out);

/* Describe a narrative section: its own text, wrapped to width. */
void detail_section(const struct section *s, bool zh, int width, struct lines *out);

#endif
