/* setreport.h: --print, --format and --check on several departments at
 * once: the city document (city.h), then each department in turn, each
 * compared (when asked) with the same department a year before in the set,
 * or else with the prior-year figures it states. */
#ifndef BUDGET_SETREPORT_H
#define BUDGET_SETREPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "doc/docset.h"
#include "report/check.h"
#include "report/export.h"
#include "report/print.h"

/* The same department a year before d, in the set, or NULL. */
const struct document *set_prior(const struct docset *set, const struct document *d);

/* Compare d with its prior year: the document a year before in the set,
 * else the figures d states; false (err set) when the pair is refused. */
bool set_compare(const struct docset *set, const struct document *d, struct comparison *c,
		 struct compare_error *err);

/* VIEW of the set: "all" (the city document, then every department),
 * "city" (the city document), a view of the city document, or else that
 * view of every department that has it.  compare: each department against
 * its prior year.  False, with *err set, when nothing has VIEW. */
bool set_print(const struct docset *set, const struct document *city, const char *view,
	       const struct print_opts *o, bool compare, struct lines *out,
	       struct print_error *err);

/* The same as CSV or TSV in long form, a department column first. */
bool set_export(const struct docset *set, const struct document *city, const char *view,
		const struct export_opts *o, bool compare, FILE *f, struct print_error *err);

/* Check every department (against its prior year in the set when
 * compare), then the set: the city document's sums, and no department
 * twice in one year.  Prints each file's findings, then one summary for
 * all; returns the worst status (check_status_code), 2 at the least when
 * a department's pair with its prior year was refused (said in a line). */
int set_check(const struct docset *set, const struct document *city, bool compare, FILE *f);

#endif
