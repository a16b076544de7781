/* lines.h: what the text renderer makes: lines of plain text, each with a
 * style tag for the screen to colour and the table row it shows, never an
 * escape sequence.  --print writes them, snapshots save them, the browser's
 * detail and help panes draw them. */
#ifndef BUDGET_LINES_H
#define BUDGET_LINES_H

#include <stdio.h>

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
	STYLE_WARN,		/* incomplete source, failed checks, dropped rows */
	STYLE_COUNT
};

struct line {
	char *text;
	enum line_style style;
	const struct row *row;	/* the table row a line shows, or NULL */
	const struct table *link;	/* a table the line refers to (→ 表N), or NULL */
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
void lines_add_trimmed(struct lines *ls, enum line_style style,
		       const struct row *row, struct sbuf *b);
/* Write the lines to f, one per line. */
void lines_write(const struct lines *ls, FILE *f);
void lines_free(struct lines *ls);

#endif
