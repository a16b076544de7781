/* docs.c: a view of several departments: the city document (the
 * department level and the aggregates) and each department's own,
 * one at a time, with the way between them. */
#include <stdlib.h>
#include <string.h>

#include "browse/carry.h"
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
	v->left = xcalloc(set->ndocs + 1, sizeof *v->left);
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

void view_forget_left(struct view *v)
{
	struct parked *p = &v->city_parked;
	view_free_build(p->items, p->nitems, p->cmp);
	*p = (struct parked){ 0 };
	for (size_t k = 0; v->left && k < view_ndocuments(v); k++)
		carry_free(&v->left[k]);
	free(v->left);
	v->left = NULL;
}

/* Put the city's build aside as it is, and take it back. */
static void park_city(struct view *v)
{
	v->city_parked = (struct parked){ v->items, v->nitems, v->nprior, v->cur, v->nav_top,
					  v->cmp };
	v->items = NULL;
	v->nitems = v->nprior = 0;
	v->cmp = NULL;
	v->checks = (struct check_report){ 0 };
}

static void unpark_city(struct view *v)
{
	struct parked *p = &v->city_parked;
	v->items = p->items;
	v->nitems = p->nitems;
	v->nprior = p->nprior;
	v->cur = p->cur;
	v->nav_top = p->nav_top;
	v->cmp = p->cmp;
	v->checks = v->city_checks;
	*p = (struct parked){ 0 };
}

void view_open_document(struct view *v, size_t k)
{
	if (!v->set || k >= view_ndocuments(v) || k == v->at)
		return;
	/* Come back to a document as it was left: open rows, cursors, sorts,
	 * the table shown (as ncdu keeps the selection going back up).  The
	 * city waits built; a department is built again, its state carried. */
	if (v->at == 0) {
		park_city(v);
	} else {
		carry_free(&v->left[v->at]);
		carry_save(v->items, v->nitems, v->cur, &v->left[v->at]);
		view_unbuild(v);
	}
	view_enter_document(v, k);
	view_relayout(v);
}

void view_enter_document(struct view *v, size_t k)
{
	v->at = k;
	v->doc = view_document(v, k);
	v->old = k ? (struct document *)set_prior(v->set, v->doc) : NULL;
	if (k == 0 && v->city_parked.items) {
		unpark_city(v);
	} else {
		view_build(v);
		v->cur = v->left[k].items ? carry_restore(&v->left[k], v->items, v->nitems, 0) : 0;
		v->nav_top = 0;
	}
	view_show_tables(v);
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
