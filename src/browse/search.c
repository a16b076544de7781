/* search.c: what / finds in a row or a section. */
#include "browse/search.h"

#include "doc/text.h"

bool search_row(const struct row *r, const char *q)
{
	const struct table *t = r->table;
	char buf[AMOUNT_BUFSZ];
	if (text_contains(r->name, q) || (r->code && text_contains(r->code, q)) ||
	    (r->content && text_contains(r->content, q)) ||
	    (r->goals && text_contains(r->goals, q)) ||
	    (r->note && text_contains(r->note, q)))
		return true;
	for (size_t i = 0; i < t->ncolumns; i++) {
		const struct cell *c = &r->cells[i];
		if (c->blank)
			continue;
		if (t->columns[i].type == COL_TEXT ? text_contains(c->text, q) :
		    text_contains(amount_format(c->amount, buf, sizeof buf), q))
			return true;
	}
	return false;
}

bool search_section(const struct section *s, const char *q)
{
	if (text_contains(s->title, q))
		return true;
	for (size_t i = 0; i < s->nparagraphs; i++)
		if (text_contains(s->paragraphs[i], q))
			return true;
	for (size_t i = 0; i < s->ntables; i++) {
		const struct text_table *tt = &s->tables[i];
		if (tt->title && text_contains(tt->title, q))
			return true;
		for (size_t j = 0; j < tt->nrows; j++)
			for (size_t k = 0; k < tt->ncolumns; k++)
				if (text_contains(tt->rows[j][k], q))
					return true;
	}
	for (size_t i = 0; i < s->nterms; i++)
		if (text_contains(s->terms[i].term, q) ||
		    text_contains(s->terms[i].definition, q))
			return true;
	for (size_t i = 0; i < s->nfigures; i++)
		if (text_contains(s->figures[i].label, q) ||
		    (s->figures[i].note && text_contains(s->figures[i].note, q)))
			return true;
	return false;
}
