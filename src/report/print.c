/* print.c: --print snapshots of one view or the whole document. */
#include "report/print.h"

#include <stdlib.h>
#include <string.h>

#include "doc/msg.h"
#include "doc/util.h"
#include "report/render.h"

/* Crop every line to width columns: --width is a promise about the output.
 * Lines of figures were laid out to fit; what is left is text. */
static void crop_lines(struct lines *ls, size_t from, int width)
{
	if (width <= 0)
		return;
	for (size_t i = from; i < ls->n; i++) {
		if (text_width(ls->v[i].text) <= width)
			continue;
		size_t size = 3 * strlen(ls->v[i].text) + 16;	/* room for U+FFFD */
		char *out = xmalloc(size);
		text_crop(out, size, ls->v[i].text, width);
		free(ls->v[i].text);
		ls->v[i].text = out;
	}
}

void print_table(const struct table *t, const struct print_opts *o, struct lines *out)
{
	if (!o->cmp) {
		render_table(t, o->width, out);
		return;
	}
	const struct table *d = compare_derive(o->cmp, t, o->column);
	render_table(d, o->width, out);
	print_compared_summary(d, o->width, out);
}

void print_compared_summary(const struct table *d, int width, struct lines *out)
{
	struct sbuf b = { 0 };
	compare_table_summary(d, &b);
	lines_add_wrapped(out, STYLE_META, b.s, 0, width > 0 ? width : 1000);
	sbuf_free(&b);
}

bool print_compares(const struct table *t, const char *column)
{
	for (size_t i = 0; column && i < t->nsides; i++)
		if (model_amount_column(&t->sides[i], column) >= 0)
			return true;
	return !column;
}

bool print_refuse_column(const struct table *t, const struct comparison *cmp,
			 const char *column, struct print_error *err)
{
	if (!cmp || print_compares(t, column))
		return false;
	snprintf(err->message, sizeof err->message, msg(M_PRINT_NO_COLUMN), t->label, column);
	return true;
}

static void print_all(const struct document *doc, const struct print_opts *o,
		      struct lines *out)
{
	if (!o->cmp) {
		render_document(doc, o->width, out);
		return;
	}
	struct comparison *c = o->cmp;
	render_document_head(doc, out);
	for (size_t i = 0; i < c->ntables; i++) {
		const struct table *t = c->tables[i].cur ? c->tables[i].cur : c->tables[i].old;
		if (!print_compares(t, o->column))
			continue;
		lines_add(out, STYLE_PLAIN, NULL, "");
		print_table(t, o, out);
	}
	struct sbuf b = { 0 };
	compare_summary(c, &c->counts, &b);
	lines_add(out, STYLE_PLAIN, NULL, "");
	lines_add(out, STYLE_META, NULL, b.s);
	sbuf_free(&b);
}

bool print_view(const struct document *doc, const char *view, const struct print_opts *o,
		struct lines *out, struct print_error *err)
{
	const struct table *t;
	const struct section *s;
	size_t from = out->n;
	if (strcmp(view, "all") == 0) {
		print_all(doc, o, out);
	} else if ((t = model_find_table(doc, view))) {
		if (print_refuse_column(t, o->cmp, o->column, err))
			return false;
		print_table(t, o, out);
	} else if ((s = model_find_section(doc, view))) {
		render_section(s, o->width, out);
	} else {
		snprintf(err->message, sizeof err->message, msg(M_PRINT_NO_VIEW), view, doc->path);
		return false;
	}
	crop_lines(out, from, o->width);
	return true;
}

void print_list(const struct document *doc, FILE *f)
{
	/* Sections are indented by depth under their parts. */
	for (const struct section *s = doc->parts; s; s = model_next_section(s))
		if (s->id)
			fprintf(f, "%s\t%*s%s\n", s->id, 2 * s->depth, "", s->title);
	for (size_t i = 0; i < doc->ntables; i++)
		fprintf(f, "%s\t%s  %s\n", doc->tables[i].id, doc->tables[i].label,
			doc->tables[i].title);
}
