/* lines.c: lines of text with a style. */
#include "report/lines.h"

#include <stdlib.h>

#include "doc/util.h"

void lines_add(struct lines *ls, enum line_style style, const struct row *row,
	       const char *text)
{
	DA_PUSH(ls->v, ls->n, ls->cap, ((struct line){ xstrdup(text), style, row, NULL }));
}

struct wrap_ctx {
	struct lines *ls;
	enum line_style style;
	int indent;
	const char *prefix;	/* on the first line; later lines align under it */
	int prefix_w;
	bool first;
};

static void add_wrapped_line(const char *line, void *ctx)
{
	struct wrap_ctx *w = ctx;
	struct sbuf b = { 0 };
	sbuf_pad(&b, w->indent);
	if (w->first)
		sbuf_add(&b, w->prefix);
	else
		sbuf_pad(&b, w->prefix_w);
	sbuf_add(&b, line);
	lines_add(w->ls, w->style, NULL, b.s);
	sbuf_free(&b);
	w->first = false;
}

void lines_add_hanging(struct lines *ls, enum line_style style, const char *prefix,
		       const char *text, int indent, int width)
{
	struct wrap_ctx w = { ls, style, indent, prefix, text_width(prefix), true };
	int cols = width - indent - w.prefix_w;
	text_wrap(text, cols < 10 ? 10 : cols, add_wrapped_line, &w);
}

void lines_add_wrapped(struct lines *ls, enum line_style style, const char *text,
		       int indent, int width)
{
	lines_add_hanging(ls, style, "", text, indent, width);
}

void lines_add_trimmed(struct lines *ls, enum line_style style,
		       const struct row *row, struct sbuf *b)
{
	sbuf_trim_end(b);
	lines_add(ls, style, row, b->s ? b->s : "");
	sbuf_clear(b);
}

void lines_write(const struct lines *ls, FILE *f)
{
	for (size_t i = 0; i < ls->n; i++) {
		fputs(ls->v[i].text, f);
		fputc('\n', f);
	}
}

void lines_free(struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->v[i].text);
	free(ls->v);
	ls->v = NULL;
	ls->n = ls->cap = 0;
}
