/* docs.c: a view of several departments: the city document (the
 * department level and the aggregates) and each department's own,
 * one at a time, with the way between them. */
#include <string.h>

#include "browse/pane.h"
#include "doc/msg.h"
#include "doc/util.h"
#include "report/setreport.h"

struct view *view_new_set(struct docset *set, struct document *city,
			  const struct view_options *opt)
{
	struct view *v = view_new(city, NULL, opt);
	v->set = set;
	v->city = city;
	v->at = 0;
	/* view_new checked the city as any document: those are the city's. */
	v->city_checks = v->checks;
	v->city_checked = true;
	if (set->nerrors)
		view_message(v, msg(M_VIEW_NOT_LOADED), set->nerrors, set->nfiles);
	return v;
}

size_t view_ndocuments(const struct view *v)
{
	return v->set ? v->set->ndocs + 1 : 1;
}

struct document *view_document(const struct view *v, size_t k)
{
	if (!v->set)
		return v->doc;
	return k ? v->set->docs[k - 1] : v->city;
}

void view_open_document(struct view *v, size_t k)
{
	if (!v->set || k >= view_ndocuments(v) || k == v->at)
		return;
	view_unbuild(v);
	v->at = k;
	v->doc = view_document(v, k);
	v->old = k ? (struct document *)set_prior(v->set, v->doc) : NULL;
	view_build(v);
	v->cur = 0;
	view_show_tables(v);
	v->nav_top = 0;
	view_relayout(v);
}

size_t view_document_index(const struct view *v, const struct document *doc)
{
	for (size_t k = 0; k < view_ndocuments(v); k++)
		if (view_document(v, k) == doc)
			return k;
	return v->at;
}

struct place view_place_of_row(const struct view *v, const struct row *r)
{
	const struct table *t = r->side->table;
	return (struct place){ view_document_index(v, t->doc), view_item_of_table(v, t), r,
			       NULL };
}
