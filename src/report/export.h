/* export.h: tables for a spreadsheet, as CSV (RFC 4180) or TSV.  The rows
 * are those of the --print snapshot, in its order, with row, parent, level
 * (and side) columns so that the tree survives a round trip, the label
 * columns, and a flag for 其中 rows so that a spreadsheet sum never counts
 * a breakdown twice.  A compared table is exported like any other. */
#ifndef BUDGET_EXPORT_H
#define BUDGET_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "doc/model.h"
#include "report/compare.h"
#include "report/print.h"

enum export_format {
	EXPORT_CSV,		/* RFC 4180: quoted where needed, CRLF line ends */
	EXPORT_TSV,		/* tab-separated, LF; tabs and line breaks in a
				 * field become spaces, nothing is quoted */
};

struct export_opts {
	enum export_format format;
	bool bom;		/* a UTF-8 byte-order mark first, for Excel */
	struct comparison *cmp;	/* compare with the prior year, or NULL */
	const char *column;	/* the compared column (print_opts) */
	bool department;	/* long form: the department first in each record
				 * (several departments at once) */
};

/* "csv" or "tsv" to a format; false for anything else. */
bool export_format_parse(const char *name, enum export_format *out);

/* One table: a header record, then one record per row. */
void export_table(const struct table *t, const struct export_opts *o, FILE *f);

/* Every table in long form, one record per cell: table, row, parent,
 * level, side, code, name, column, value. */
void export_document(const struct document *doc, const struct export_opts *o, FILE *f);

/* Long form, for several documents in turn: the header record (when
 * header is true), then the records of doc's tables: all of them, or the
 * one VIEW names (none when doc has no such table). */
void export_long_form(const struct document *doc, const char *view, bool header,
		      const struct export_opts *o, FILE *f);

/* Write VIEW of doc: a table or "all".  False, with *err set, when VIEW is
 * a narrative part or names nothing. */
bool export_view(const struct document *doc, const char *view, const struct export_opts *o,
		 FILE *f, struct print_error *err);

#endif
