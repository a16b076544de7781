/* print.c: --print snapshots of one view or the whole document. */
#include "report/print.h"

#include <stdlib.h>
#include <string.h>

#include "report/render.h"
#include "report/render_compare.h"
#include "doc/text.h"
#include "doc/util.h"

int print_table_number(const char *view)
{
	char *end;
	long n = strtol(view, &end, 10);
	return *view && !*end && n > 0 && n < 100 ? (int)n : 0;
}

/* Crop every line to width columns: --width is a promise about the output. */
static void crop_lines(struct lines *ls, int width)
{
	if (width <= 0)
		return;
	for (size_t i = 0; i < ls->n; i++) {
		if (text_width(ls->v[i].text) <= width)
			continue;
		size_t size = 3 * strlen(ls->v[i].text) + 2;	/* room for U+FFFD */
		char *out = xmalloc(size);
		text_crop(out, size, ls->v[i].text, width);
		free(ls->v[i].text);
		ls->v[i].text = out;
	}
}

int print_compared_column(const struct table *t, const char *key)
{
	int col = model_amount_column(t, key);
	if (col < 0)
		fprintf(stderr, "budget: table %d has no amount column '%s'\n",
			t->number, key ? key : "(any)");
	return col;
}

/* One table, compared when asked. */
static bool print_table(const struct table *t, const struct print_opts *o,
			struct lines *ls)
{
	if (!o->cmp) {
		render_table(t, o->width, ls);
		return true;
	}
	int col = print_compared_column(t, o->column);
	if (col >= 0)
		render_compare_table(o->cmp, t, (size_t)col, o->width, ls);
	return col >= 0;
}

static bool print_all(const struct document *doc, const struct print_opts *o,
		      struct lines *ls)
{
	if (!o->cmp) {
		render_document(doc, o->width, ls);
		return true;
	}
	for (size_t i = 0; i < doc->ntables; i++) {
		const struct table *t = &doc->tables[i];
		/* Tables without the chosen column are left out of a compare. */
		if (o->column && model_column_index(t, o->column) < 0)
			continue;
		if (i)
			lines_add(ls, STYLE_PLAIN, NULL, "");
		if (!print_table(t, o, ls))
			return false;
	}
	struct sbuf b = { 0 };
	compare_summary(o->cmp, &o->cmp->counts, false, &b);
	lines_add(ls, STYLE_PLAIN, NULL, "");
	render_compare_unmatched(o->cmp, ls);
	lines_add(ls, STYLE_META, NULL, b.s);
	sbuf_free(&b);
	return true;
}

int print_view(const struct document *doc, const char *view,
	       const struct print_opts *opts, FILE *f)
{
	struct lines ls = { 0 };
	int n = print_table_number(view);
	const struct section *s;
	bool ok = true;
	if (strcmp(view, "all") == 0) {
		ok = print_all(doc, opts, &ls);
	} else if (n) {
		const struct table *t = model_find_table(doc, n);
		if (!t) {
			fprintf(stderr, "budget: %s has no table %d\n", doc->path, n);
			return 2;
		}
		ok = print_table(t, opts, &ls);
	} else if ((s = model_find_section(doc, view))) {
		render_section(s, opts->width, &ls);
	} else {
		fprintf(stderr, "budget: no view '%s' in %s (try a table number, "
			"a section id such as part1, or 'all')\n", view, doc->path);
		return 2;
	}
	if (ok) {
		crop_lines(&ls, opts->width);
		lines_write(&ls, f);
	}
	lines_free(&ls);
	return ok ? 0 : 2;
}
