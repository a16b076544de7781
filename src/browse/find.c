/* find.c: places, the history of them, and getting to them: jumps (:),
 * search (/ n N), the next failing check (!), back (Backspace). */
#include <stdlib.h>
#include <string.h>

#include "browse/pane.h"
#include "browse/search.h"
#include "doc/msg.h"
#include "doc/util.h"
#include "report/compare.h"

#define MAX_HISTORY 200

/* ---- places and history --------------------------------------------------------- */

struct place view_here(const struct view *v)
{
	const struct item *it = view_item(v);
	return (struct place){ v->at, v->cur, compare_origin_row(item_row(it)), item_section(it) };
}

void view_history_push(struct view *v)
{
	struct place p = view_here(v);
	if (v->nhistory) {
		const struct place *last = &v->history[v->nhistory - 1];
		if (last->doc == p.doc && last->item == p.item && last->row == p.row &&
		    last->sec == p.sec)
			return;
	}
	if (v->nhistory == MAX_HISTORY) {
		memmove(v->history, v->history + 1, (MAX_HISTORY - 1) * sizeof *v->history);
		v->nhistory--;
	}
	DA_PUSH(v->history, v->nhistory, v->caphistory, p);
}

void view_select_item(struct view *v, size_t i)
{
	if (i == v->cur || !view_item_listed(v, i))
		return;
	view_history_push(v);
	v->cur = i;
	view_show_tables(v);
}

void view_go(struct view *v, struct place p, bool remember)
{
	if (remember)
		view_history_push(v);
	view_open_document(v, p.doc);
	v->cur = p.item < v->nitems ? p.item : 0;
	view_show_tables(v);
	struct item *it = view_item(v);
	if (p.row)
		item_reveal_row(it, item_shown_row(it, p.row));
	else if (p.sec)
		item_reveal_section(it, p.sec);
	it->detail_top = 0;
}

/* Items are a document's parts, then its tables (view_build): where a
 * table or a section is, in any document, shown or not. */
static size_t nparts(const struct document *doc)
{
	size_t n = 0;
	for (const struct section *s = doc->parts; s; s = s->next)
		n++;
	return n;
}

size_t view_item_of_table(const struct view *v, const struct table *t)
{
	if (t->doc == v->doc)
		for (size_t i = 0; i < v->nitems; i++)
			if (v->items[i].table == t)
				return i;
	return t->doc != v->doc ? nparts(t->doc) + (size_t)(t - t->doc->tables) : 0;
}

size_t view_item_of_section(const struct view *v, const struct section *s)
{
	while (s->parent)
		s = s->parent;
	size_t i = 0;
	for (const struct section *p = v->doc->parts; p && p != s; p = p->next)
		i++;
	return i;
}

size_t view_step_item(const struct view *v, size_t i, int step)
{
	size_t j = i + (size_t)step;	/* step -1 from 0 wraps past the end */
	return j < view_nlisted(v) ? j : i;
}

void view_go_back(struct view *v)
{
	if (!v->nhistory) {
		view_message(v, "%s", msg(M_VIEW_NO_EARLIER));
		return;
	}
	struct place p = v->history[--v->nhistory];
	view_go(v, p, false);
}

/* ---- jumps ------------------------------------------------------------------------- */

/* The first section, in document order, whose title holds text. */
static const struct section *section_titled(const struct document *doc, const char *text)
{
	for (const struct section *s = doc->parts; s; s = model_next_section(s))
		if (text_contains(s->title, text))
			return s;
	return NULL;
}

static const struct table *table_titled(const struct document *doc, const char *text)
{
	for (size_t i = 0; i < doc->ntables; i++)
		if (text_contains(doc->tables[i].title, text))
			return &doc->tables[i];
	return NULL;
}

static void go_table(struct view *v, const struct table *t)
{
	view_history_push(v);
	v->cur = view_item_of_table(v, t);
	view_show_tables(v);
	v->focus = PANE_MAIN;
}

/* Several departments: a department by name (the city level first), or a
 * code in any of them, the city's aggregates first. */
static bool jump_elsewhere(struct view *v, const char *text)
{
	for (size_t k = 1; k < view_ndocuments(v); k++)
		if (text_contains(view_document(v, k)->department, text)) {
			view_history_push(v);
			view_open_document(v, k);
			return true;
		}
	for (size_t k = 0; k < view_ndocuments(v); k++) {
		const struct row *r = model_find_code(view_document(v, k), NULL, text);
		if (r && k != v->at) {
			view_go(v, view_place_of_row(v, r), true);
			v->focus = PANE_MAIN;
			return true;
		}
	}
	return false;
}

void view_jump(struct view *v, const char *text)
{
	const struct item *it = view_item(v);
	const struct row *r = NULL;
	const struct section *s;
	const struct table *t;

	while (*text == ' ')
		text++;
	if (!*text)
		return;
	/* A table's own name first, then a code (here first), then a section
	 * by id or title, then a table by title. */
	if ((t = model_find_table(v->doc, text))) {
		go_table(v, t);
	} else if ((r = it->table && it->table->doc == v->doc ?
			 model_find_code(v->doc, it->table, text) : NULL) ||
		   (r = model_find_code(v->doc, NULL, text))) {
		view_go(v, view_place_of_row(v, r), true);
		v->focus = PANE_MAIN;
	} else if ((s = model_find_section(v->doc, text)) || (s = section_titled(v->doc, text))) {
		view_go(v, (struct place){ v->at, view_item_of_section(v, s), NULL, s }, true);
		v->focus = PANE_MAIN;
	} else if ((t = table_titled(v->doc, text))) {
		go_table(v, t);
	} else if (!jump_elsewhere(v, text)) {
		view_message(v, msg(M_VIEW_NO_JUMP), text);
	}
	view_relayout(v);
}

/* ---- search -------------------------------------------------------------------------- */

/* Every match in navigator order, each item's rows or sections in
 * document order; the occurrences are counted for the status line. */
static size_t find_matches(struct view *v)
{
	size_t cap = 0, occurrences = 0;
	free(v->matches);
	v->matches = NULL;
	v->nmatches = 0;
	/* Every document of the view, in turn: items are parts, then tables. */
	for (size_t d = 0; d < view_ndocuments(v); d++) {
		const struct document *doc = view_document(v, d);
		size_t item = 0;
		for (const struct section *part = doc->parts; part; part = part->next, item++)
			for (const struct section *sec = part; sec;
			     sec = model_next_section(sec)) {
				if (sec != part && sec->depth == 0)
					break;
				size_t n = search_section(sec, v->query);
				occurrences += n;
				if (n)
					DA_PUSH(v->matches, v->nmatches, cap,
						((struct place){ d, item, NULL, sec }));
			}
		for (size_t t = 0; t < doc->ntables; t++, item++)
			for (const struct row *r = model_first_row(&doc->tables[t]); r;
			     r = model_next_in_table(r)) {
				size_t n = search_row(r, v->query);
				occurrences += n;
				if (n)
					DA_PUSH(v->matches, v->nmatches, cap,
						((struct place){ d, item, r, NULL }));
			}
	}
	return occurrences;
}

/* The first line of the detail lines holding the active search, or -1. */
static long first_hit(const struct view *v, const struct lines *ls)
{
	for (size_t i = 0; v->query && i < ls->n; i++)
		if (text_contains(ls->v[i].text, v->query))
			return (long)i;
	return -1;
}

/* Show the current match, with its first hit in the detail pane on screen. */
static void show_match(struct view *v, bool wrapped, size_t occurrences)
{
	view_go(v, v->matches[v->match], true);
	if (v->focus == PANE_NAV)
		v->focus = PANE_MAIN;
	view_relayout(v);
	struct lines ls = { 0 };
	view_detail_lines(v, view_detail_width(v), &ls);
	long hit = first_hit(v, &ls);
	int rows = view_pane_rows(v, PANE_DETAIL);
	if (hit >= rows)
		view_item(v)->detail_top = (int)hit;
	lines_free(&ls);
	if (occurrences)
		view_message(v, msg(wrapped ? M_VIEW_MATCH_WRAPPED_COUNT : M_VIEW_MATCH_COUNT),
			     v->match + 1, v->nmatches, occurrences);
	else
		view_message(v, msg(wrapped ? M_VIEW_MATCH_WRAPPED : M_VIEW_MATCH),
			     v->match + 1, v->nmatches);
}

void view_refind(struct view *v)
{
	if (v->query)
		find_matches(v);
	if (v->match >= v->nmatches)
		v->match = 0;
}

/* The index of the first match at or after place p, in navigator order. */
static size_t match_from(const struct view *v, struct place p)
{
	const struct item *it = &v->items[p.item];
	for (size_t i = 0; i < v->nmatches; i++) {
		const struct place *m = &v->matches[i];
		if (m->doc != p.doc) {
			if (m->doc > p.doc)
				return i;
			continue;
		}
		if (m->item > p.item)
			return i;
		if (m->item < p.item)
			continue;
		if (it->table && p.row && m->row && m->row->index >= p.row->index)
			return i;
		if (it->part && p.sec && m->sec && m->sec->index >= p.sec->index)
			return i;
		if (!p.row && !p.sec)
			return i;
	}
	return 0;
}

void view_search(struct view *v, const char *text)
{
	if (!*text)
		return;
	free(v->query);
	v->query = xstrdup(text);
	size_t occurrences = find_matches(v);
	if (!v->nmatches) {
		view_message(v, msg(M_VIEW_NO_MATCH), text);
		return;
	}
	/* The first match at or after the cursor, as vi searches. */
	v->match = match_from(v, view_here(v));
	show_match(v, false, occurrences);
}

void view_step_match(struct view *v, int step)
{
	if (!v->query) {
		view_message(v, "%s", msg(M_VIEW_NO_SEARCH));
		return;
	}
	if (!v->nmatches) {
		view_message(v, msg(M_VIEW_NO_MATCH), v->query);
		return;
	}
	bool wrapped = step > 0 ? v->match + 1 == v->nmatches : v->match == 0;
	v->match = (v->match + v->nmatches + (size_t)(step > 0 ? 1 : v->nmatches - 1))
		   % v->nmatches;
	show_match(v, wrapped, 0);
}

/* ---- failing checks ------------------------------------------------------------------------ */

void view_next_failing(struct view *v)
{
	struct place here = view_here(v);
	struct place first = { v->at, 0, NULL, NULL }, next = first;
	bool have_first = false, have_next = false;
	for (size_t i = 0; i < v->nitems && !have_next; i++) {
		const struct item *it = &v->items[i];
		if (!it->table || it->table->doc != v->doc)
			continue;
		for (const struct row *r = model_first_row(it->table); r;
		     r = model_next_in_table(r)) {
			if (check_row_status(&v->checks, r) != CHECK_FAIL)
				continue;
			struct place p = { v->at, i, r, NULL };
			if (!have_first) {
				first = p;
				have_first = true;
			}
			if (i > here.item || (i == here.item &&
			    (!here.row || r->index > here.row->index))) {
				next = p;
				have_next = true;
				break;
			}
		}
	}
	if (!have_first) {
		view_message(v, "%s", msg(M_VIEW_NONE_FAILING));
		return;
	}
	view_go(v, have_next ? next : first, true);
	v->focus = PANE_MAIN;
	view_relayout(v);
	if (!have_next)
		view_message(v, "%s", msg(M_VIEW_FAILING_WRAPPED));
}
