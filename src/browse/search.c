/* search.c: what / finds in a row or a section. */
#include "browse/search.h"

#include "doc/text.h"
#include "report/render.h"

static size_t count(const char *s, const char *q)
{
	return s ? text_count(s, q) : 0;
}

size_t search_row(const struct row *r, const char *q)
{
	const struct side *s = r->side;
	size_t n = count(r->code, q);
	struct sbuf b = { 0 };
	for (size_t i = 0; i < s->nlabels; i++)
		n += count(r->labels[i], q);
	for (size_t i = 0; i < s->ncolumns; i++) {
		sbuf_clear(&b);
		render_cell(r, i, &b);
		n += count(b.s, q);
	}
	for (size_t i = 0; r->texts && i < s->table->ntexts; i++)
		n += count(r->texts[i], q);
	sbuf_free(&b);
	return n;
}

size_t search_section(const struct section *s, const char *q)
{
	size_t n = count(s->title, q);
	for (size_t i = 0; i < s->nparagraphs; i++)
		n += count(s->paragraphs[i], q);
	for (size_t i = 0; i < s->ntables; i++) {
		const struct text_table *tt = &s->tables[i];
		n += count(tt->title, q);
		for (size_t j = 0; j < tt->nrows; j++)
			for (size_t k = 0; k < tt->ncolumns; k++)
				n += count(tt->rows[j][k], q);
	}
	for (size_t i = 0; i < s->nterms; i++)
		n += count(s->terms[i].term, q) + count(s->terms[i].definition, q);
	for (size_t i = 0; i < s->nfigures; i++)
		n += count(s->figures[i].label, q) + count(s->figures[i].note, q);
	return n;
}
