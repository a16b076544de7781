/* city.h: many departments as one document of their own, which prints,
 * exports, checks and browses as any other.  Its first table is the
 * department level: each department's declared total, by year, against
 * the same department in the prior year's set (or the total it states for
 * the prior year); departments new or dropped since are marked.  Then, for
 * every role the files declare (budget.yaml(5)), one table per year sums
 * that role across the departments, whatever each calls or numbers its
 * table: rows pair by code, then id, then name; a row that breaks down no
 * further lists the departments it comes from, each linked to its own row.
 * Amounts are in the smallest unit of the year's files, converted exactly.
 * A department whose files lack the role is named in the table's note. */
#ifndef BUDGET_CITY_H
#define BUDGET_CITY_H

#include "doc/docset.h"
#include "doc/model.h"

/* The city document of the set (which must outlive it); free it with
 * model_free. */
struct document *city_build(const struct docset *set);

/* The department a row of the city document speaks of (a department
 * row: the document its link leads to), or NULL. */
const struct document *city_row_department(const struct row *r);

#endif
