/* check.h: reconciliation.  Proves that a document adds up (tree sums,
 * row identities, cross-table identities, stated figures), or says exactly
 * where it does not.  Results are values: the CLI prints them, the browser
 * flags rows with them. */
#ifndef BUDGET_CHECK_H
#define BUDGET_CHECK_H

#include <stdio.h>

#include "doc/model.h"

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
	int table;		/* table number, 0 for the narrative */
	const struct row *row;	/* the row concerned, or NULL */
	char *message;		/* "表N ROW: expected …, found …, difference …" */
	const struct row **rows;	/* every row concerned (row is rows[0]) */
	size_t nrows;
};

/* checks = passed + failed + known + uncheckable: a failure marked as a
 * known fault of the source counts in known, not in failed. */
struct check_report {
	struct finding *v;
	size_t n, cap;
	size_t checks, passed, failed, known, uncheckable;
	/* For check_row_worst in constant time: per table of doc, per
	 * row->index, 1 + the index in v of the row's worst finding (0: none). */
	const struct document *doc;
	size_t **worst;
};

/* Run every check on doc; the report (overwritten: free it first if it
 * held one) gets one finding per check, in file order of the checks. */
void check_document(const struct document *doc, struct check_report *rep);

/* The worst status of the checks that concern r (FAIL > UNCHECKABLE >
 * KNOWN > PASS > NONE). */
enum check_status check_row_status(const struct check_report *rep,
				   const struct row *r);

/* The finding of the worst status among those concerning r, or NULL: what
 * the browser shows for a flagged row. */
const struct finding *check_row_worst(const struct check_report *rep,
				      const struct row *r);

/* Print the findings that did not pass as FILE:LINE: message, then the
 * summary line "N checks, N passed, N failed, N not checkable" (followed
 * by ", N known faults" when the data marks some failures as known). */
void check_print(const struct document *doc, const struct check_report *rep, FILE *f);

/* Exit status for the report: 1 when a check failed (not counting known
 * faults), else 0. */
int check_status_code(const struct check_report *rep);

/* Free the findings and zero the report. */
void check_report_free(struct check_report *rep);

#endif
