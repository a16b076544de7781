/* check.h: reconciliation.  Proves that a document adds up (tree sums,
 * row identities, cross-table identities, stated figures), or says exactly
 * where it does not.  Results are values: the CLI prints them, the browser
 * flags rows with them. */
#ifndef BUDGET_CHECK_H
#define BUDGET_CHECK_H

#include <stdio.h>

#include "model.h"

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
};

struct check_report {
	struct finding *v;
	size_t n, cap;
	size_t checks, passed, failed, known, uncheckable;
};

/* Run every check on doc; the report holds one finding per check. */
void check_document(const struct document *doc, struct check_report *rep);

/* The worst status of the checks that concern r (FAIL > UNCHECKABLE >
 * KNOWN > PASS > NONE). */
enum check_status check_row_status(const struct check_report *rep,
				   const struct row *r);

/* Print the findings that did not pass as FILE:LINE: message, then the
 * summary line "N checks, N passed, N failed, N not checkable". */
void check_print(const struct document *doc, const struct check_report *rep, FILE *f);

void check_report_free(struct check_report *rep);

#endif
