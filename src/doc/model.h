/* model.h: one department budget document.  A document has a narrative (a
 * tree of sections with the figures the text states) and tables.  A table
 * has one or more sides (the trees a disclosure prints side by side, such as
 * 收入 | 支出); a side has a code column, label columns (one name column, or
 * several, or none), data columns and a tree of rows.  Everything of a
 * document lives in one arena and is freed at once by model_free.
 *
 * Nothing here knows what any table means: roles, totals, links and labels
 * are what the file declares (budget.yaml(5)). */
#ifndef BUDGET_MODEL_H
#define BUDGET_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc/amount.h"
#include "doc/strmap.h"
#include "doc/text.h"

enum column_type {
	COL_AMOUNT,		/* money, hundredths of the table's unit */
	COL_QUANTITY,		/* a count or measure with a unit, never money */
	COL_TEXT,
	COL_RATE,		/* hundredths of a percent (derived tables only) */
};

/* A data column, or a label column (type COL_TEXT). */
struct column {
	const char *key;		/* unique in its side */
	const char *title;		/* heading as printed */
	const char **group;		/* spanning headings, outermost first */
	size_t ngroup;
	enum column_type type;
	const char *unit;		/* COL_QUANTITY: the unit of every value, or NULL */
	int unit_column;		/* COL_QUANTITY: the text column giving each
					 * row's unit, or -1 */
	int places;			/* COL_QUANTITY: decimal places (0: counts) */
	bool right;			/* COL_TEXT printed right-aligned (a figure as text) */
	bool sign;			/* COL_AMOUNT: a change, "+" before a rise */
	bool not_summed;		/* rows do not add up to their parent in this
					 * column (a change of a whole, not of its
					 * parts): the checks leave it */
	size_t *sum_of;			/* columns this one is the sum of */
	size_t nsum_of;
	int line;			/* position in the file, 1-based */
};

/* One cell: an amount, quantity or rate (n), or a text (s).  A blank cell,
 * which the source leaves empty, is CELL_BLANK or NULL: never zero. */
union cell {
	int64_t n;
	const char *s;
};
#define CELL_BLANK INT64_MIN
/* A number that does not exist at all (a compared row with no prior year):
 * shown as a dash, not as blank. */
#define CELL_ABSENT (INT64_MIN + 1)

struct side;

struct row {
	const char *id;			/* NULL when none */
	const char *code;		/* NULL when none; leading zeros kept */
	const char **labels;		/* one per label column; NULL entries are blank */
	union cell *cells;		/* one per data column */
	const char **texts;		/* one per text field of the table, or NULL */
	const char *known;		/* why the source's own figures fail this
					 * row's sums (a known fault), or NULL */
	const struct row *link;		/* the row this one belongs to (a project), or NULL */
	struct row *parent;		/* NULL for top-level rows */
	struct row *child, *last_child, *next;
	struct side *side;
	uint32_t index;			/* document order within its table, all sides */
	uint32_t nchildren;
	int line, col;			/* position in the file, 1-based */
	int print_line;			/* the printed line (rows side by side) */
	uint16_t depth;			/* 0 for top-level rows */
	bool of_which;			/* a 其中 breakdown of the parent */
	bool total_after;		/* printed below its children */
};

enum nest_mode { NEST_NONE, NEST_CODE, NEST_LABELS };

struct side {
	const char *id;			/* NULL for the one side of a plain table */
	const char *title;		/* heading over the side, or NULL */
	const char *group;		/* spanning heading over several sides, or NULL */
	const char *code_title;		/* NULL: the side has no code column */
	struct column *labels;		/* label columns (a name column is one) */
	size_t nlabels;
	struct column *columns;		/* data columns */
	size_t ncolumns;
	struct strmap column_keys;	/* key → 1 + index, for lookups (empty for
					 * MODEL_SCAN_MAX columns or fewer) */
	struct row *rows, *last_row;	/* top-level rows in order */
	size_t nrows;
	const char *total_id;		/* the declared total row's id, or NULL */
	const struct row *total;	/* the side's total row, or NULL */
	int main;			/* the main amount column, or -1 */
	const char *role;		/* what it holds, for aggregates, or NULL */
	int *key;			/* text columns that tell rows apart across
					 * years (key:), besides names */
	size_t nkey;
	enum nest_mode nest;
	struct table *table;
	size_t index;			/* position among the table's sides */
};

/* A text field rows may carry besides their cells (项目内容, 绩效目标). */
struct text_field {
	const char *key;
	const char *title;
};

struct table {
	const char *id;			/* unique in the document */
	const char *label;		/* as printed: 表3, 公开05表, 表1-1 */
	int number;			/* 0 when the file gives none */
	const char *title;
	const char *kind;		/* what the table is (pairs tables across years) */
	const char *role;		/* what it holds, for aggregates, or NULL */
	const char *unit;
	const char *incomplete;		/* how the source is incomplete, or NULL */
	const char *note;
	const char *meta;		/* more for the department/year/unit line
					 * (a compared table: the prior year), or NULL */
	const char *total_id;		/* the declared total row's id, or NULL */
	const struct row *total;	/* the table's total row, or NULL */
	struct text_field *texts;
	size_t ntexts;
	struct side *sides;		/* at least one */
	size_t nsides;
	size_t nall;			/* rows of all sides */
	struct strmap row_ids;		/* row id → row */
	int line;
	struct document *doc;
	const void *derived;		/* a compared table: its comparison
					 * (report/compare.h), or NULL */
};

struct text_table {
	const char *title;		/* or NULL */
	const char **columns;
	size_t ncolumns;
	const char ***rows;		/* nrows arrays of ncolumns strings */
	size_t nrows;
};

/* A reference to a table cell, a table's lines, or a figure, as named in
 * the file; resolved once the whole document is read. */
enum ref_kind { REF_CELL, REF_LINES, REF_FIGURE };
enum figure_field { FIELD_VALUE, FIELD_CHANGE, FIELD_PRIOR };

struct cell_ref {
	enum ref_kind kind;
	const char *table_name;		/* id, label or number as written */
	const char *side_name;		/* or NULL */
	const char *row_id;		/* REF_CELL; REF_LINES: `under`, or NULL */
	const char *column_key;		/* or NULL: the side's main amount column */
	const char *where;		/* REF_LINES: text column to match, or NULL */
	const char *prefix;		/* REF_LINES: what that text begins with */
	const char *figure_id;		/* REF_FIGURE */
	enum figure_field field;	/* REF_FIGURE */
	int line, col;
	/* Resolved; NULL or -1 where the document lacks what is named. */
	const struct table *table;
	const struct side *side;
	const struct row *row;
	int column;
	const struct figure *figure;
};

/* The checks a figure can fail; `known` excuses one of them. */
enum figure_check {
	FC_VALUE, FC_CHANGE, FC_RATE, FC_SHARE, FC_PRIOR, FC_COUNT
};

/* A figure the narrative states: a value (money or a quantity), a change
 * against the prior year, a rate, a share, and the cell it speaks of. */
struct figure {
	const char *id;
	const char *label;
	const char *unit;
	bool has_value, has_change, has_rate, has_share, has_prior;
	bool value_blank;		/* the text names the item, leaves the value out */
	bool quantity;			/* value is a quantity, not money */
	int quantity_places;
	amount_t value, change, prior;
	int64_t rate, share;		/* hundredths of a percent */
	int rate_places, share_places;	/* places printed; -2: a whole multiple (倍) */
	bool is_new;			/* new this year: no prior year */
	bool not_comparable;		/* the years are not comparable */
	struct cell_ref ref;		/* kind REF_CELL; table_name NULL: none */
	struct cell_ref share_of;	/* what the share is of */
	const char *note;
	const char *known[FC_COUNT];	/* why the source fails that check, or NULL */
	int line, value_line, change_line, rate_line, share_line, prior_line;
	struct section *section;
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
	const char **see;		/* tables the section speaks of, as named */
	const struct table **see_tables;	/* the same, resolved */
	size_t nsee;
	struct section *child, *last_child, *next, *parent;
	size_t index;			/* document order among all sections */
	int depth;
	int line;
};

/* A sum of refs. */
struct identity_side {
	struct cell_ref *refs;
	size_t nrefs;
};

/* A declared identity: left must equal right. */
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
	int schema;
	const char *department;
	const char *title;
	const char *unit;
	const char *region;		/* or NULL */
	int year;
	const char *source;		/* or NULL */
	struct section *parts, *last_part;	/* narrative, top level */
	struct table *tables;		/* in document order */
	size_t ntables;
	struct identity *identities;
	size_t nidentities;
	struct strmap figures;		/* figure id → figure */
	const struct row **linking;	/* the rows with a link, by the row they
					 * link to, then in document order
					 * (model_index_links) */
	size_t nlinking;
	struct strmap table_index;	/* "i:" id, "l:" label, "n:" number → table
					 * (model_index_tables) */
	struct cell_ref total;		/* the department's total as declared
					 * (document: total:); table_name NULL: none */
	struct arena *arena;
};

/* ---- building (the loader, the comparison) ---------------------------- */

/* An empty document owning a fresh arena; path is kept for display. */
struct document *model_new(const char *path);
/* The same, its arena's first block about the size it will need (the
 * loader knows the file's). */
struct document *model_new_sized(const char *path, size_t expect);
/* Free a document and everything in it. */
void model_free(struct document *doc);

/* Allocate zeroed memory / copy a string in the document's arena. */
void *model_alloc(struct document *doc, size_t size);
const char *model_strdup(struct document *doc, const char *s);
const char *model_strndup(struct document *doc, const char *s, size_t n);

/* Append a row under parent (or at the side's top level when NULL). */
void model_append_row(struct side *s, struct row *parent, struct row *r);

/* Put r under parent (NULL: the top level) right after `after`, one of
 * parent's rows, or first when after is NULL. */
void model_insert_row(struct side *s, struct row *parent, struct row *after,
		      struct row *r);

/* Below this many entries a lookup scans (a side's columns, a document's
 * tables) rather than keep a map: documents hold many small ones. */
#define MODEL_SCAN_MAX 16

/* Index the tables by id, label and number for model_find_table, once
 * the tables are in place (not when they are few). */
void model_index_tables(struct document *doc);

/* Number the rows of t in document order, side after side, and lay out
 * their printed lines; done once the tree is final. */
void model_index_rows(struct table *t);

/* ---- reading ---------------------------------------------------------- */

/* Depth-first traversal of a side in document order: the row after r, or
 * NULL.  (Children come after their row, whatever total_after says.) */
struct row *model_next_row(const struct row *r);
/* The first row of a table in document order (its first side's first). */
struct row *model_first_row(const struct table *t);
/* The row after r across the table's sides. */
struct row *model_next_in_table(const struct row *r);

/* The table a name stands for: its id, its printed label (公开05表), or its
 * number ("5"); NULL when none. */
struct table *model_find_table(const struct document *doc, const char *name);
/* The side of t with this id (NULL: the first side), or NULL. */
struct side *model_find_side(const struct table *t, const char *id);
/* The first row in document order with this code, in t or in any table
 * (t NULL), or NULL. */
struct row *model_find_code(const struct document *doc, const struct table *t,
			    const char *code);
/* The row of t with this id, or NULL. */
struct row *model_find_row_id(const struct table *t, const char *id);
/* The figure with this id, or NULL. */
struct figure *model_find_figure(const struct document *doc, const char *id);
/* The section with this id, or NULL. */
struct section *model_find_section(const struct document *doc, const char *id);
/* Depth-first traversal of sections in document order. */
struct section *model_next_section(const struct section *s);

/* Index of the data column of s with this key, or -1. */
int model_column_index(const struct side *s, const char *key);
/* The amount column with this key (NULL: the side's main one), or -1. */
int model_amount_column(const struct side *s, const char *key);
/* The first amount column of s, or -1. */
int model_first_amount(const struct side *s);

/* The row's display name: its deepest non-blank label ("" when none). */
const char *model_row_name(const struct row *r);
/* Append the row's labels joined by " · ", or "" when it has none. */
void model_row_labels(const struct row *r, struct sbuf *out);
/* The row's text field with this key, or NULL. */
const char *model_row_text(const struct row *r, const char *key);

/* A cell's number when the column holds numbers and the cell is neither
 * blank nor absent. */
bool model_cell_number(const struct row *r, size_t col, int64_t *out);

/* The total of a table as declared (its total row's main amount); false
 * when it declares none, is incomplete, or the cell is blank. */
bool model_table_total(const struct table *t, amount_t *out);
/* The department's total as the document declares it: its row, column
 * and amount; false when it declares none or the cell is blank. */
bool model_document_total(const struct document *doc, const struct row **row, int *col,
			  amount_t *out);
/* The row r is a share of: its parent, or for a top-level row its side's
 * (or table's) total row when r is not that row; NULL when none. */
const struct row *model_share_base(const struct row *r);
/* r's share of base in its side's main column, hundredths of a percent;
 * false when either amount is missing or the base is zero. */
bool model_share(const struct row *r, const struct row *base, int64_t *rate);

/* Index the rows that link to others (once the links are set), for
 * model_linked_rows. */
void model_index_links(struct document *doc);
/* Calls fn for each row of doc that links to target (link:), in document
 * order; returns how many. */
size_t model_linked_rows(const struct document *doc, const struct row *target,
			 void (*fn)(const struct row *r, void *ctx), void *ctx);

#endif
