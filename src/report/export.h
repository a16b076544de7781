/* export.h: tables for a spreadsheet, as CSV (RFC 4180) or TSV.  The rows
 * are those of the --print snapshot, in its order, with row, parent, level
 * and code columns so that the tree survives a round trip. */
#ifndef BUDGET_EXPORT_H
#define BUDGET_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "report/compare.h"
#include "doc/model.h"

enum export_format {
	EXPORT_CSV,		/* RFC 4180: quoted where needed, CRLF line ends */
	EXPORT_TSV,		/* tab-separated, LF; tabs and line breaks in a
				 * field become spaces, nothing is quoted */
};

/* "csv" or "tsv" to a format; false for anything else. */
bool export_format_parse(const char *name, enum export_format *out);

/* One table: a header row "row,parent,level,code,name,<column headings>"
 * (+ content, goals, note when a row has them), then one record per row. */
void export_table(const struct table *t, enum export_format fmt, FILE *f);

/* Every table in long form, one record per cell:
 * "table,row,parent,level,code,name,column,value". */
void export_document(const struct document *doc, enum export_format fmt, FILE *f);

/* One table compared in amount column col, with the rows of
 * `--print=N --compare` in its order: a header row "row,parent,level,code,
 * name,<column> 本年,<column> 上年,<column> 增减,<column> 增减率,说明", one
 * record per row with the values as the text shows them (empty for "—"),
 * then the prior rows that match nothing, without parent or level, 说明
 * 取消. */
void export_table_compared(const struct comparison *c, const struct table *t,
			   size_t col, enum export_format fmt, FILE *f);

/* Every table compared, in long form: "table,row,parent,level,code,name,
 * column,value", five records per row of export_table_compared.  The
 * column compared is the one keyed column (tables without it are left
 * out), or each table's first amount column when column is NULL. */
void export_document_compared(const struct comparison *c, const char *column,
			      enum export_format fmt, FILE *f);

/* Write VIEW of doc: a table number or "all", compared with the prior year
 * in the column keyed column when cmp is not NULL.  Returns 0, or 2 after
 * a one-line message on stderr when VIEW is a narrative part, names
 * nothing, or its table has no such column. */
int export_view(const struct document *doc, const char *view, enum export_format fmt,
		const struct comparison *cmp, const char *column, FILE *f);

#endif
