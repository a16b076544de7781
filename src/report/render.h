/* render.h: tables and narrative as lines of text.  The one row formatter
 * and the one table composer behind --print, snapshots, the browser's grid
 * and the tests: a compared table is a table too (compare.h derives it),
 * so it is laid out by the same code.
 *
 * A line of a table is its sides side by side, as the disclosure prints
 * them (收入 | 支出); each side's part is its fields, code, labels and data
 * columns, joined by RENDER_GAP spaces.  A figure is never cut: when a
 * line is too wide, names give way first, then whole columns are left out,
 * and the output says which. */
#ifndef BUDGET_RENDER_H
#define BUDGET_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/flatten.h"
#include "doc/model.h"
#include "report/lines.h"

#define RENDER_GAP 2		/* spaces between fields */
#define RENDER_INDENT 2		/* a name's indent per tree level */

/* How wide each field of one side is. */
struct side_layout {
	const struct side *side;
	int code_w;		/* 0: no code column */
	int code_min;		/* the widest code: the heading may give way to it */
	int *label_w;		/* per label column */
	int *col_w;		/* per data column; -1: left out */
	int indent;		/* a lone name column's indent per tree level */
	int tree_w;		/* the most of the name column the tree takes
				 * (indentation and the open marker) */
	int width;
};

struct table_layout {
	const struct table *table;
	struct side_layout *sides;
	size_t nsides;
	bool stacked;		/* sides one below the other, not side by side */
	int width;		/* the widest line of the rows and headings */
	size_t nleft_out;	/* data columns left out so that lines fit */
};

/* Glyphs that terminals in a Chinese locale may draw two columns wide
 * (— · › │ →) have ASCII stand-ins; --ascii chooses them. */
enum glyph {
	GLYPH_ABSENT,		/* a value that does not exist: — */
	GLYPH_BULLET,		/* · */
	GLYPH_PATH,		/* between the steps of a path: › */
	GLYPH_ARROW,		/* a reference to a table: → */
	GLYPH_BORDER,		/* between panes: │ */
	GLYPH_MORE_LEFT,	/* more columns to the left: ‹ */
	GLYPH_MORE_RIGHT,	/* and to the right: › */
	GLYPH_COUNT
};
void render_set_ascii(bool ascii);
bool render_is_ascii(void);
const char *render_glyph(enum glyph g);
/* Between the sides of a table printed side by side. */
const char *render_side_separator(void);

/* Measure t, its widths taken over all its rows so that they do not change
 * as rows are opened; a side is as wide as its title, sides under a group
 * as wide as the group, columns under a spanning heading as wide as it.
 * max_width > 0: lines must fit, so sides that do not fit side by side
 * stack, then in each side headings wider than their columns (spanning
 * headings, the side's title and group) give way, cropped, the code
 * heading gives way to the codes, names and text columns narrow to 8
 * columns, columns beyond the main one are left out, and last names
 * narrow to a character and its '~', in that order: a figure is never
 * cut. */
void render_layout(const struct table *t, int max_width, struct table_layout *lay);
void render_layout_free(struct table_layout *lay);
/* Fit a measured side into max_width (render_layout does this for each). */
void render_side_fit(struct side_layout *sl, int max_width);
/* Measure a side's natural widths with names indented indent columns a
 * level (the screen spends less on indentation when names need it). */
void render_measure_side(const struct side *s, int indent, struct side_layout *sl);

/* The heading lines of a table as lay shows it, then a rule. */
void render_headings(const struct table_layout *lay, struct lines *out);
/* One side's column-title line alone (the browser's heading). */
void render_side_titles(const struct side_layout *sl, struct sbuf *out);

/* One side's part of a line: r (NULL: blank) at depth, with an open or
 * closed marker before its name when marker is not 0. */
void render_side_row(const struct side_layout *sl, const struct row *r, int depth,
		     int marker, struct sbuf *out);

/* One side of a table's rows aligned with the others: which row of each
 * side stands on each printed line. */
/* Sides aligned line by line, sparsely (a table may have many sides with
 * few rows each): per side, the line of each of its rows, increasing. */
struct aligned {
	size_t nsides, nlines;
	size_t **line;		/* per side, per index into its flat: the line */
	size_t *nrows;		/* per side */
};

/* Align the flats of the sides of a table (one per side) by the rows'
 * printed lines, or, with sequential, by their place in each flat. */
void render_align(const struct flat *flats, size_t nsides, bool sequential,
		  struct aligned *out);
/* The index into side s's flat of its row on line l, or -1. */
long render_aligned_at(const struct aligned *a, size_t s, size_t l);
void render_aligned_free(struct aligned *a);

/* The title, meta and warning lines above a table's headings. */
void render_table_top(const struct table *t, struct lines *out);
/* A table as --print shows it, with the rows of each side's flat (the
 * rows as expanded in the browser), or all of them (flats NULL). */
void render_table_rows(const struct table *t, int max_width, const struct flat *flats,
		       bool sequential, struct lines *out);
/* A whole table fully expanded, as --print shows it. */
void render_table(const struct table *t, int max_width, struct lines *out);

/* A narrative section's own text: title, paragraphs, tables, terms and
 * figures, without its sub-sections. */
void render_section_text(const struct section *s, int width, struct lines *out);
/* A narrative section and its sub-sections. */
void render_section(const struct section *s, int width, struct lines *out);
/* The document header lines: its title and its department, year and unit. */
void render_document_head(const struct document *doc, struct lines *out);
/* The whole document in its order: narrative, then every table. */
void render_document(const struct document *doc, int max_width, struct lines *out);

/* A column's heading with its spanning headings, outermost first, joined
 * by sep: "财政拨款/小计". */
void render_column_heading(const struct column *c, const char *sep, struct sbuf *out);
/* "部门：广州市信访局  年度：2020  单位：万元" in the run's language. */
void render_doc_meta(const struct document *doc, struct sbuf *out);
/* A cell as text: an amount with two places, a quantity with its places
 * and unit, a rate, a text; "" when blank, render_absent() when absent. */
void render_cell(const struct row *r, size_t col, struct sbuf *out);

#endif
