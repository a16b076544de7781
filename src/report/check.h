/* check.h: reconciliation.  Proves that a document adds up (tree sums,
 * 其中 breakdowns, row identities, declared identities, the figures,
 * rates and shares the narrative states, and, against the prior year's
 * file, the changes it states), or says exactly where it does not.
 * Results are values, in budget terms and in the run's language: the CLI
 * prints them, the browser flags rows with them. */
#ifndef BUDGET_CHECK_H
#define BUDGET_CHECK_H

#include <stdio.h>

#include "doc/model.h"
#include "report/compare.h"

enum check_status {
	CHECK_NONE,		/* no check concerns this row */
	CHECK_PASS,
	CHECK_KNOWN,		/* fails, and the data marks it as a known fault of the source */
	CHECK_UNCHECKABLE,	/* cannot be checked; the finding says why */
	CHECK_FAIL,
};

struct finding {
	enum check_status status;
	int line;		/* line in the budget file the finding points at */
	const struct table *table;	/* the table concerned, or NULL (narrative) */
	char *message;		/* "表N ROW: expected …, found …, difference …" */
	const struct row **rows;	/* every row concerned */
	size_t nrows;
};

/* checks = passed + failed + known + uncheckable: a failure marked as a
 * known fault of the source counts in known, not in failed. */
struct check_report {
	struct finding *v;
	size_t n, cap;
	size_t checks, passed, failed, known, uncheckable;
	size_t cross_year;	/* stated changes checked against the prior file */
	const char *prior_path;	/* that file, or NULL */
	/* For check_row_worst in constant time: per table of doc, per
	 * row->index, 1 + the index in v of the row's worst finding (0: none). */
	const struct document *doc;
	size_t **worst;
	size_t *failures;	/* per table of doc: its findings that fail */
};

/* Run every check on doc; with cmp (a comparison with a prior-year file),
 * the stated changes are also checked against that file.  The report is
 * overwritten: free it first if it held one. */
void check_document(const struct document *doc, const struct comparison *cmp,
		    struct check_report *rep);

/* The worst status of the checks that concern r (FAIL > UNCHECKABLE >
 * KNOWN > PASS > NONE), and that worst finding (or NULL). */
enum check_status check_row_status(const struct check_report *rep, const struct row *r);
const struct finding *check_row_worst(const struct check_report *rep, const struct row *r);

/* How many findings of a table fail (not counting known faults). */
size_t check_table_failures(const struct check_report *rep, const struct table *t);

/* Print the findings that did not pass as FILE:LINE: message (FILE:
 * message for what no line of a file holds). */
void check_print_findings(const struct document *doc, const struct check_report *rep,
			  FILE *f);
/* The same, then the summary line (check_summary). */
void check_print(const struct document *doc, const struct check_report *rep, FILE *f);
/* "N checks, N passed, N failed, N not checkable[, N known faults][, N
 * stated changes checked against OLD]". */
void check_summary(const struct check_report *rep, struct sbuf *out);

/* Exit status for the report: 1 when a check failed (not counting known
 * faults), else 0. */
int check_status_code(const struct check_report *rep);

/* Free the findings and zero the report. */
void check_report_free(struct check_report *rep);

#endif
