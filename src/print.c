/* print.c: --print snapshots of one view or the whole document. */
#include "print.h"

#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "text.h"
#include "util.h"

/* A table number written as digits, or 0. */
static int table_number(const char *view)
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

int print_view(const struct document *doc, const char *view, int width, FILE *f)
{
	struct lines ls = { 0 };
	int n = table_number(view);
	const struct section *s;
	if (strcmp(view, "all") == 0) {
		render_document(doc, width, &ls);
	} else if (n) {
		const struct table *t = model_find_table(doc, n);
		if (!t) {
			fprintf(stderr, "budget: %s has no table %d\n", doc->path, n);
			return 2;
		}
		render_table(t, width, &ls);
	} else if ((s = model_find_section(doc, view))) {
		render_section(s, width, &ls);
	} else {
		fprintf(stderr, "budget: no view '%s' in %s (try a table number, "
			"a section id such as part1, or 'all')\n", view, doc->path);
		return 2;
	}
	crop_lines(&ls, width);
	lines_write(&ls, f);
	lines_free(&ls);
	return 0;
}
