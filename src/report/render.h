/* render.h: lays views out as lines of plain text.  The one renderer
 * behind the screen, --print snapshots and the tests: lines carry a style
 * tag for the screen to colour, and never an escape sequence. */
#ifndef BUDGET_RENDER_H
#define BUDGET_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/flatten.h"
#include "doc/model.h"
#include "doc/text.h"

enum line_style {
	STYLE_PLAIN,
	STYLE_TITLE,		/* a table's or part's title */
	STYLE_META,		/* department / year / unit line, notes */
	STYLE_HEADING,		/* column headings, section headings */
	STYLE_RULE,
	STYLE_ROW,		/* a table row */
	STYLE_TOTAL,		/* a row that has children (a subtotal) */
	STYLE_TEXT,		/* paragraphs, project content and goals */
	STYLE_WARN,		/* incomplete source, failed checks */
};

struct line {
	char *text;
	enum line_style style;
	const struct row *row;	/* the table row a line shows, or NULL */
};

struct lines {
	struct line *v;
	size_t n, cap;
};

/* Append a line (text is copied). */
void lines_add(struct lines *ls, enum line_style style, const struct row *row,
	       const char *text);
/* Append every line of a wrapped paragraph, each prefixed by indent spaces. */
void lines_add_wrapped(struct lines *ls, enum line_style style, const char *text,
		       int indent, int width);
/* The same with a first-line prefix ("绩效目标："); later lines align
 * under the text that follows it. */
void lines_add_hanging(struct lines *ls, enum line_style style, const char *prefix,
		       const char *text, int indent, int width);
/* Append b's text without its trailing spaces (noise in snapshots and
 * goldens), then empty b for the next line. */
void lines_add_trimmed(struct lines *out, enum line_style style,
		       const struct row *row, struct sbuf *b);
/* Write the lines to f, one per line. */
#include <stdio.h>
void lines_write(const struct lines *ls, FILE *f);
void lines_free(struct lines *ls);

/* Column widths of a table, measured over all its rows so they do not
 * change as rows are expanded. */
struct table_layout {
	int code_w;		/* 0: no code column */
	int code_min;		/* the widest code: the heading may give way to it */
	int name_w;
	int *col_w;		/* per column */
	size_t ncols;
	int width;		/* total line width */
};

/* Measure t.  max_width > 0 narrows the code column's heading (to the
 * widest code) and then the name column (to no less than 8 columns) so
 * that a line fits; 0 means no limit. */
void render_layout(const struct table *t, int max_width, struct table_layout *lay);
void render_layout_free(struct table_layout *lay);
/* Fit lay's code and name columns into max_width beside `others` columns
 * of data (their widths and gaps), as render_layout does, and set width. */
void render_layout_squeeze(struct table_layout *lay, int others, int max_width);
/* Measure t for a screen max_width columns wide: code, name and as many
 * amount columns as fit (at least the first); the other columns get a
 * width of -1 and are left out by render_row and render_head_titles. */
void render_layout_fit(const struct table *t, int max_width, struct table_layout *lay);
/* The column-title heading line alone, for the columns lay shows. */
void render_head_titles(const struct table *t, const struct table_layout *lay,
			struct sbuf *out);
/* One row as it stands in the table: code, indented name (with an open /
 * closed marker when it has children and marker is set), cells. */
void render_row(const struct table_layout *lay, const struct row *r, int depth,
		int marker, struct sbuf *out);

/* A table as --print shows it, but with only the rows of f (a snapshot of
 * the rows as expanded in the browser). */
void render_table_flat(const struct table *t, int max_width, const struct flat *f,
		       struct lines *out);
/* A whole table fully expanded, as --print shows it. */
void render_table(const struct table *t, int max_width, struct lines *out);
/* A narrative section's own text: title, paragraphs, tables, terms and
 * figures, without its sub-sections. */
void render_section_text(const struct section *s, int width, struct lines *out);
/* A narrative section and its sub-sections. */
void render_section(const struct section *s, int width, struct lines *out);
/* The whole document in its order: narrative, then every table. */
void render_document(const struct document *doc, int max_width, struct lines *out);

/* Append a column's heading with its spanning headings, outermost first,
 * joined by sep: "财政拨款/小计". */
void render_column_heading(const struct column *c, const char *sep, struct sbuf *out);

/* The document header: department, year, unit. */
void render_doc_meta(const struct document *doc, struct sbuf *out);

#endif
