/* model.h: one department budget document as a tree.  Everything of a
 * document lives in one arena and is freed at once by model_free. */
#ifndef BUDGET_MODEL_H
#define BUDGET_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/amount.h"
#include "doc/strmap.h"

enum table_kind {
	KIND_OTHER,
	KIND_INCOME_EXPENDITURE,	/* 收支总体情况表 */
	KIND_INCOME,			/* 收入总体情况表 */
	KIND_EXPENDITURE,		/* 支出总体情况表 */
	KIND_FISCAL_SUMMARY,		/* 财政拨款收支总体情况表 */
	KIND_NONTAX_INCOME,		/* 非税收入预算表 */
	KIND_FUNCTION,			/* 一般公共预算支出（功能分类） */
	KIND_FUND_EXPENDITURE,		/* 政府性基金预算支出 */
	KIND_BASIC,			/* 基本支出 */
	KIND_ECONOMIC,			/* 基本支出（经济分类） */
	KIND_PROJECTS,			/* 项目支出 */
	KIND_TRANSFERS,			/* 转移支付 */
	KIND_SANGONG,			/* 行政经费及“三公”经费 */
	KIND_PROCUREMENT,		/* 政府采购 */
	KIND_SERVICES,			/* 政府购买服务 */
	KIND_COUNT
};

enum column_type { COL_AMOUNT, COL_TEXT };

struct column {
	const char *key;		/* unique in its table */
	const char *title;		/* heading as printed */
	const char **group;		/* spanning headings, outermost first */
	size_t ngroup;
	enum column_type type;
	size_t *sum_of;			/* column indexes this one is the sum of */
	size_t nsum_of;
	int line;			/* position in the file, 1-based */
};

/* One cell: an amount or a text; blank when the source leaves it empty. */
struct cell {
	bool blank;
	amount_t amount;		/* amount columns */
	const char *text;		/* text columns (NULL when blank) */
};

struct row {
	const char *id;			/* NULL when none */
	const char *code;		/* NULL when none; leading zeros kept */
	const char *name;
	struct cell *cells;		/* one per table column */
	const char *content;		/* 项目内容, or NULL */
	const char *goals;		/* 绩效目标, or NULL */
	const char *note;		/* or NULL */
	bool of_which;			/* a 其中 breakdown of the parent */
	bool total_after;		/* printed below its children */
	struct row *parent;		/* NULL for top-level rows */
	struct row *child, *last_child, *next;
	size_t nchildren;
	int depth;			/* 0 for top-level rows */
	int line, col;			/* position in the file, 1-based */
	size_t index;			/* position in document order in its table */
	struct table *table;
	const char *known;		/* NULL, or why the source's own figures fail
					 * a check of this row (a known fault) */
};

struct table {
	int number;
	const char *title;
	enum table_kind kind;
	const char *unit;
	const char *code_title;		/* NULL: the table has no code column */
	const char *name_title;
	bool nest_by_code;
	const char *incomplete;		/* NULL, or how the source is incomplete */
	const char *note;
	struct column *columns;
	size_t ncolumns;
	struct row *rows, *last_row;	/* top-level rows in order */
	size_t nrows;			/* top-level rows */
	size_t nall;			/* all rows; row->index < nall */
	struct strmap row_ids;		/* row id → row, for model_find_row_id */
	int line;
	struct document *doc;
};

struct text_table {
	const char *title;		/* or NULL */
	const char **columns;
	size_t ncolumns;
	const char ***rows;		/* nrows arrays of ncolumns strings */
	size_t nrows;
};

/* A figure the narrative states, with its stated change against the prior
 * year, and the table cell it speaks of. */
struct figure {
	const char *id;
	const char *label;
	amount_t value;
	const char *unit;
	bool has_change;
	amount_t change;
	bool has_rate;
	int64_t rate;			/* hundredths of a percent */
	int rate_places;		/* places printed in the source */
	int ref_table;			/* 0 when no reference */
	const char *ref_row;		/* row id */
	const char *ref_column;		/* column key, or NULL: first amount */
	const char *note;
	int line;
	struct section *section;
	const char *known;		/* NULL, or why the source's claim is wrong */
	int value_line, rate_line;	/* lines of `value` and `rate` (0: absent) */
};

struct term {
	const char *term;
	const char *definition;
};

struct section {
	const char *id;			/* or NULL */
	const char *title;
	const char **paragraphs;
	size_t nparagraphs;
	struct text_table *tables;
	size_t ntables;
	struct figure *figures;
	size_t nfigures;
	struct term *terms;
	size_t nterms;
	struct section *child, *last_child, *next, *parent;
	int depth;
	int line;
};

/* One term of an identity side: a table cell, the sum of a table's lines
 * (rows without ordinary children), or a figure the narrative states. */
enum ref_kind { REF_CELL, REF_LINES, REF_FIGURE };

struct cell_ref {
	enum ref_kind kind;
	int table;			/* REF_CELL, REF_LINES: table number */
	const char *row;		/* REF_CELL: row id (may be absent from the table) */
	const char *column;		/* amount column key, or NULL: the first */
	const char *where;		/* REF_LINES: text column to match, or NULL: every line */
	const char *prefix;		/* REF_LINES: what that text begins with */
	const char *figure;		/* REF_FIGURE: figure id */
	bool change;			/* REF_FIGURE: its stated change, not its value */
	int line;
};

/* A sum of refs. */
struct identity_side {
	struct cell_ref *refs;
	size_t nrefs;
};

/* A declared identity (top-level `identities:`): left must equal right. */
struct identity {
	const char *label;
	struct identity_side left, right;
	const char *known;		/* NULL, or why the source fails it */
	int line;
};

struct arena;

struct document {
	const char *file;		/* the file it was loaded from, as given */
	const char *path;		/* the same, sanitised for display */
	const char *department;
	const char *title;
	const char *unit;
	int year;
	const char *source;		/* or NULL */
	struct section *parts, *last_part;	/* narrative, top level */
	struct table *tables;		/* array in document order */
	size_t ntables;
	struct identity *identities;	/* cross-table identities, in file order */
	size_t nidentities;
	struct arena *arena;
};

/* An empty document owning a fresh arena; path is kept for display. */
struct document *model_new(const char *path);
/* Free a document and everything in it. */
void model_free(struct document *doc);

/* Allocate zeroed memory / copy a string in the document's arena. */
void *model_alloc(struct document *doc, size_t size);
const char *model_strdup(struct document *doc, const char *s);

/* Append a row under parent (or at the table's top level when NULL). */
void model_append_row(struct table *t, struct row *parent, struct row *r);

/* Number the rows of t in document order (row->index, t->nall); done by
 * the loader once the tree is final. */
void model_index_rows(struct table *t);

/* Depth-first traversal in document order: the row after r, or NULL.
 * (Children come after their row, whatever total_after says.) */
struct row *model_next_row(const struct row *r);

/* The table with this number, or NULL. */
struct table *model_find_table(const struct document *doc, int number);
/* The first row in document order with this code, in any table (t NULL)
 * or in t, or NULL. */
struct row *model_find_code(const struct document *doc, const struct table *t,
			    const char *code);
/* The row of t with this id, or NULL. */
struct row *model_find_row_id(const struct table *t, const char *id);
/* The figure with this id, anywhere in the narrative, or NULL. */
struct figure *model_find_figure(const struct document *doc, const char *id);
/* The section with this id, or NULL. */
struct section *model_find_section(const struct document *doc, const char *id);
/* Index of the column with this key, or -1. */
int model_column_index(const struct table *t, const char *key);
/* Index of the first amount column, or -1 when the table has none. */
int model_first_amount(const struct table *t);
/* Index of the amount column with this key (NULL: the first amount
 * column), or -1 when there is no such amount column. */
int model_amount_column(const struct table *t, const char *key);
/* Depth-first traversal of sections in document order. */
struct section *model_next_section(const struct section *s);

/* The kind named in the file ("income_expenditure"). */
bool model_kind_parse(const char *name, enum table_kind *out);

#endif
