/* city.c: the department level and the aggregates of a set. */
#include "report/city.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/defaults.h"
#include "doc/msg.h"
#include "doc/util.h"
#include "report/compare.h"
#include "report/render.h"

/* The department table's columns. */
enum { DC_TOTAL, DC_PRIOR, DC_CHANGE, DC_RATE, DC_NOTE, DC_COUNT };
static const char *const dept_keys[DC_COUNT] = { "total", "prior", "change", "rate", "note" };

struct builder {
	const struct docset *set;
	struct document *city;
	long long unit;			/* the city's unit, in 元 */
	struct table *tables;
	size_t ntables, cap;
};

/* ---- amounts in the city's unit ----------------------------------------------------- */

/* v, in a table of unit `unit`, in the city's unit; false when the unit is
 * unknown or the amount would leave the range. */
static bool convert(const struct builder *b, const char *unit, amount_t v, amount_t *out)
{
	long long size;
	if (!defaults_unit_size(unit, &size) || size % b->unit)
		return false;
	long long k = size / b->unit;
	if (v > AMOUNT_LIMIT / k || v < -AMOUNT_LIMIT / k)
		return false;
	*out = v * k;
	return true;
}

/* The smallest unit of the set's documents and tables, which every other
 * converts to exactly. */
static long long smallest_unit(const struct docset *set, const char **name)
{
	long long best = 0, size;
	*name = NULL;
	for (size_t i = 0; i < set->ndocs; i++) {
		const struct document *d = set->docs[i];
		for (size_t t = 0; t <= d->ntables; t++) {
			const char *u = t < d->ntables ? d->tables[t].unit : d->unit;
			if (u && defaults_unit_size(u, &size) && (!best || size < best)) {
				best = size;
				*name = u;
			}
		}
	}
	return best ? best : 1;
}

/* ---- building tables ------------------------------------------------------------------ */

static struct table *new_table(struct builder *b)
{
	b->tables = da_grow(b->tables, b->ntables, &b->cap, sizeof *b->tables);
	struct table *t = &b->tables[b->ntables++];
	memset(t, 0, sizeof *t);
	return t;
}

static struct column *new_columns(struct document *a, struct side *s, size_t n)
{
	s->columns = model_alloc(a, (n ? n : 1) * sizeof *s->columns);
	s->ncolumns = n;
	for (size_t i = 0; i < n; i++)
		s->columns[i].unit_column = -1;
	return s->columns;
}

static void name_column(struct document *a, struct side *s, const char *title)
{
	s->labels = model_alloc(a, sizeof *s->labels);
	s->nlabels = 1;
	s->labels[0].key = defaults_name_key;	/* as the loader names it */
	s->labels[0].title = model_strdup(a, title);
	s->labels[0].type = COL_TEXT;
	s->labels[0].unit_column = -1;
}

static struct row *new_row(struct document *a, struct side *s, const char *name, size_t ncells)
{
	struct row *r = model_alloc(a, sizeof *r);
	r->side = s;
	r->labels = model_alloc(a, sizeof *r->labels);
	r->labels[0] = name ? model_strdup(a, name) : NULL;
	r->cells = model_alloc(a, (ncells ? ncells : 1) * sizeof *r->cells);
	for (size_t i = 0; i < ncells; i++)
		r->cells[i].n = CELL_BLANK;
	return r;
}


/* ---- the department level ----------------------------------------------------------- */

struct dept_total {
	bool has;
	amount_t amount;
	const struct row *row;
};

static struct dept_total total_of(const struct builder *b, const struct document *d)
{
	struct dept_total t = { false, 0, NULL };
	int col;
	amount_t v;
	if (model_document_total(d, &t.row, &col, &v))
		t.has = convert(b, t.row->side->table->unit, v, &t.amount);
	return t;
}

/* The prior total a department states for itself, or false. */
static bool stated_total(const struct builder *b, const struct document *d, amount_t *out)
{
	const struct row *row;
	int col;
	amount_t v;
	if (!model_document_total(d, &row, &col, &v))
		return false;
	for (const struct section *s = d->parts; s; s = model_next_section(s))
		for (size_t i = 0; i < s->nfigures; i++) {
			const struct figure *f = &s->figures[i];
			amount_t p;
			if (f->ref.row == row && f->ref.column == col && !f->quantity &&
			    compare_figure_prior(f, row, col, &p))
				return convert(b, row->side->table->unit, p, out);
		}
	return false;
}

static void dept_cells(struct row *r, const struct dept_total *now, bool has_prior,
		       amount_t prior, enum msg_id note, struct document *a)
{
	r->cells[DC_TOTAL].n = now ? (now->has ? now->amount : CELL_BLANK) : CELL_ABSENT;
	r->cells[DC_PRIOR].n = has_prior ? prior : CELL_ABSENT;
	r->cells[DC_CHANGE].n = r->cells[DC_RATE].n = CELL_ABSENT;
	if (now && now->has && has_prior) {
		int64_t rate;
		r->cells[DC_CHANGE].n = now->amount - prior;
		if (rate_of(now->amount - prior, prior, &rate))
			r->cells[DC_RATE].n = rate;
	}
	r->cells[DC_NOTE].s = note ? model_strdup(a, msg(note)) : NULL;
}

/* A year's row: the sums of its departments. */
static void year_sums(struct row *y)
{
	/* A sum that left the range is no sum: shown blank, not short. */
	bool now = false, before = false, now_over = false, before_over = false;
	amount_t t = 0, p = 0;
	for (const struct row *r = y->child; r; r = r->next) {
		if (r->cells[DC_TOTAL].n != CELL_BLANK && r->cells[DC_TOTAL].n != CELL_ABSENT) {
			now = true;
			now_over |= !now_over && !amount_add(t, r->cells[DC_TOTAL].n, &t);
		}
		if (r->cells[DC_PRIOR].n != CELL_BLANK && r->cells[DC_PRIOR].n != CELL_ABSENT) {
			before = true;
			before_over |= !before_over && !amount_add(p, r->cells[DC_PRIOR].n, &p);
		}
	}
	struct dept_total total = { now && !now_over, t, NULL };
	dept_cells(y, &total, before && !before_over, p, 0, NULL);
}

/* The regions of a year's documents ("" for those that name none). */
static void regions_of(const struct docset *set, size_t first, size_t n, struct strmap *out)
{
	for (size_t i = first; i < first + n; i++) {
		const char *r = set->docs[i]->region ? set->docs[i]->region : "";
		if (!strmap_get(out, r))
			strmap_put(out, r, (void *)1);
	}
}

static bool in_regions(const struct strmap *m, const struct document *d)
{
	return strmap_get(m, d->region ? d->region : "") != NULL;
}

/* Departments of year y and, against the year before, the ones dropped
 * since, in department order.  A department is new, or dropped, only
 * where the set has its region's files of both years; elsewhere it
 * compares with the prior-year total it states. */
static void department_rows(struct builder *b, struct side *s, struct row *parent, int year)
{
	const struct docset *set = b->set;
	struct document *a = b->city;
	size_t first, pfirst;
	size_t n = docset_year(set, year, &first), np = docset_year(set, year - 1, &pfirst);
	struct strmap now_regions = { 0 }, prior_regions = { 0 };
	regions_of(set, first, n, &now_regions);
	regions_of(set, pfirst, np, &prior_regions);
	size_t i = first, j = pfirst;
	while (i < first + n || j < pfirst + np) {
		const struct document *d = i < first + n ? set->docs[i] : NULL;
		const struct document *p = j < pfirst + np ? set->docs[j] : NULL;
		/* A department twice this year: the second copy pairs with
		 * nothing (the first took last year's). */
		bool again = d && i > first && !strcmp(set->docs[i - 1]->department, d->department);
		int c = !d ? 1 : !p || again ? -1 : strcmp(d->department, p->department);
		struct row *r = NULL;
		if (c > 0) {		/* only last year: dropped, if its region is here */
			if (in_regions(&now_regions, p)) {
				struct dept_total pt = total_of(b, p);
				r = new_row(a, s, p->department, DC_COUNT);
				dept_cells(r, NULL, pt.has, pt.amount, M_CMP_DROPPED, a);
				r->link = pt.row;
			}
			j++;
		} else {
			struct dept_total now = total_of(b, d);
			amount_t prior = 0;
			bool has_prior = false;
			enum msg_id note = 0;
			if (c == 0) {
				struct dept_total pt = total_of(b, p);
				has_prior = pt.has;
				prior = pt.amount;
				j++;
			} else if (again) {
				note = M_CITY_TWICE;
			} else if (in_regions(&prior_regions, d)) {
				note = M_CMP_NEW;
			} else if ((has_prior = stated_total(b, d, &prior))) {
				note = M_CITY_STATED;
			}
			if (!now.row && !again)
				note = M_CITY_NO_TOTAL;
			r = new_row(a, s, d->department, DC_COUNT);
			dept_cells(r, &now, has_prior, prior, note, a);
			r->link = now.row;
			i++;
			/* The same department twice in one year: both stay,
			 * marked (--check refuses it). */
			if (i < first + n && !strcmp(set->docs[i]->department, d->department))
				r->cells[DC_NOTE].s = model_strdup(a, msg(M_CITY_TWICE));
		}
		if (r)
			model_append_row(s, parent, r);
	}
	strmap_free(&now_regions);
	strmap_free(&prior_regions);
}

static void department_table(struct builder *b, const char *unit)
{
	struct document *a = b->city;
	struct table *t = new_table(b);
	t->id = "departments";
	t->label = model_strdup(a, msg(M_CITY_DEPARTMENTS_LABEL));
	t->title = model_strdup(a, msg(M_CITY_DEPARTMENTS_TITLE));
	t->kind = "departments";
	t->unit = unit;
	t->nsides = 1;
	t->sides = model_alloc(a, sizeof *t->sides);
	struct side *s = &t->sides[0];
	s->main = DC_TOTAL;
	name_column(a, s, msg(M_CITY_DEPARTMENT));
	struct column *c = new_columns(a, s, DC_COUNT);
	static const enum msg_id titles[DC_COUNT] = {
		M_CITY_TOTAL, M_CMP_PRIOR_YEAR, M_CMP_CHANGE, M_CMP_RATE, M_CMP_NOTE,
	};
	for (int i = 0; i < DC_COUNT; i++) {
		c[i].key = dept_keys[i];
		c[i].title = model_strdup(a, msg(titles[i]));
		c[i].type = i == DC_RATE ? COL_RATE : i == DC_NOTE ? COL_TEXT : COL_AMOUNT;
		c[i].sign = i == DC_CHANGE;
		/* A year's change is its total's, new and dropped departments
		 * included: not the sum of the changes listed under it. */
		c[i].not_summed = i == DC_CHANGE;
	}
	/* One row per year, newest first, its departments under it. */
	for (size_t i = 0; i < b->set->ndocs;) {
		int year = b->set->docs[i]->year;
		char label[64];
		snprintf(label, sizeof label, msg(M_CITY_YEAR), year);
		struct row *y = new_row(a, s, label, DC_COUNT);
		model_append_row(s, NULL, y);
		department_rows(b, s, y, year);
		year_sums(y);
		size_t first;
		i += docset_year(b->set, year, &first);
	}
}

/* ---- aggregates by role ----------------------------------------------------------- */

struct aggregate {
	struct builder *b;
	struct table *t;
	struct side *s;
	struct strmap keys;		/* pairing keys → aggregate rows */
	/* Per aggregate row, by creation order (row->index until the rows are
	 * numbered at the end). */
	struct row_tally {
		size_t taken;		/* 1 + the last department that added to it */
		size_t departments;	/* how many did */
		size_t broken_down;	/* how many gave it a 其中 breakdown */
		size_t last_breakdown;	/* 1 + the last of those */
		bool overflow;		/* its sum left the range: blank for good */
	} *tally;
	size_t nrows, captally;
	struct sbuf left_out;		/* departments not included */
	size_t included;
};

/* A document's side with the role, or NULL. */
static const struct side *side_with_role(const struct document *d, const char *role)
{
	for (size_t i = 0; i < d->ntables; i++) {
		const struct table *t = &d->tables[i];
		for (size_t k = 0; k < t->nsides; k++) {
			const char *r = t->sides[k].role ? t->sides[k].role : t->role;
			if (r && !strcmp(r, role))
				return &t->sides[k];
		}
	}
	return NULL;
}

static void key_of(struct sbuf *k, const void *parent, const char *kind, const char *v)
{
	sbuf_clear(k);
	sbuf_addf(k, "%p|%s|%s", parent, kind, v);
}

/* The aggregate row under parent with that key, unless this department
 * (number dept) already added to it: one row of a department per row. */
static struct row *find_key(struct aggregate *g, struct sbuf *k, const struct row *parent,
			    const char *kind, const char *v, size_t dept)
{
	if (!v)
		return NULL;
	key_of(k, parent, kind, v);
	struct row *x = strmap_get(&g->keys, k->s);
	return x && g->tally[x->index].taken != dept + 1 ? x : NULL;
}

static void put_key(struct aggregate *g, struct sbuf *k, const struct row *parent,
		    const char *kind, const char *v, struct row *r)
{
	if (!v)
		return;
	key_of(k, parent, kind, v);
	if (!strmap_get(&g->keys, k->s))
		strmap_put(&g->keys, k->s, r);
}

/* Does r break down into parts that add up to it (rows not 其中)? */
static bool has_parts(const struct row *r)
{
	for (const struct row *c = r->child; c; c = c->next)
		if (!c->of_which)
			return true;
	return false;
}

/* The aggregate row a department's row r adds to, under parent: its
 * side's declared total, its code (where no sibling shares it), its id,
 * its name, else a new one. */
static struct row *pair(struct aggregate *g, const struct row *r, struct row *parent,
			bool code_unique, size_t dept, struct sbuf *k)
{
	struct document *a = g->b->city;
	char *name = compare_normalise(model_row_name(r));
	const char *named = *name ? name : NULL, *code = code_unique ? r->code : NULL;
	struct row *x = NULL;
	/* A 其中 breakdown pairs only with breakdowns: its amount is already
	 * in its parent's, a part's is not. */
	const char *id = r->of_which ? "id-of" : "id", *nm = r->of_which ? "name-of" : "name",
		   *cd = r->of_which ? "code-of" : "code";
	if (r == r->side->total)
		x = find_key(g, k, NULL, "total", "", dept);
	if (!x)
		x = find_key(g, k, parent, cd, code, dept);
	if (!x)
		x = find_key(g, k, parent, id, r->id, dept);
	if (!x)
		x = find_key(g, k, parent, nm, named, dept);
	if (!x) {
		x = new_row(a, g->s, model_row_name(r), 1);
		x->code = r->code ? model_strdup(a, r->code) : NULL;
		x->id = r->id ? model_strdup(a, r->id) : NULL;
		x->of_which = r->of_which;
		x->total_after = r->total_after;
		x->index = (uint32_t)g->nrows;	/* numbered again once all are made */
		g->tally = da_grow(g->tally, g->nrows, &g->captally, sizeof *g->tally);
		g->tally[g->nrows++] = (struct row_tally){ 0, 0, 0, 0, false };
		model_append_row(g->s, parent, x);
	} else if (!x->code && r->code) {
		x->code = model_strdup(a, r->code);
	}
	struct row_tally *t = &g->tally[x->index];
	t->taken = dept + 1;
	t->departments++;
	if (r->of_which && parent && g->tally[parent->index].last_breakdown != dept + 1) {
		g->tally[parent->index].last_breakdown = dept + 1;
		g->tally[parent->index].broken_down++;
	}
	if (r == r->side->total)
		put_key(g, k, NULL, "total", "", x);
	put_key(g, k, parent, cd, code, x);
	put_key(g, k, parent, id, r->id, x);
	put_key(g, k, parent, nm, named, x);
	free(name);
	return x;
}

/* How many rows under each parent have each code: a code shared by
 * siblings (a unit's code on each of its projects) tells nothing apart. */
static void count_codes(const struct side *s, struct strmap *counts, struct sbuf *k)
{
	for (const struct row *r = s->rows; r; r = model_next_row(r))
		if (r->code) {
			key_of(k, r->parent, "code", r->code);
			if (!strmap_get(counts, k->s))
				strmap_put(counts, k->s, (void *)1);
			else
				strmap_put(counts, k->s, (void *)2);
		}
}

/* Add v to an aggregate row's amount, which may still be blank.  A sum
 * that leaves the range shows nothing, and stays so: a later department's
 * amount must not start it again from zero. */
static void add_to(struct aggregate *g, struct row *x, amount_t v)
{
	union cell *c = &x->cells[0];
	struct row_tally *t = &g->tally[x->index];
	if (t->overflow)
		return;
	if (c->n == CELL_BLANK || c->n == CELL_ABSENT)
		c->n = 0;
	if (!amount_add(c->n, v, &c->n)) {
		c->n = CELL_BLANK;
		t->overflow = true;
	}
}

/* Add one department's side to the aggregate. */
static bool add_department(struct aggregate *g, const struct document *d, const struct side *s,
			   size_t dept)
{
	int col = model_amount_column(s, NULL);
	const char *unit = s->table->unit;
	long long size;
	if (col < 0 || !defaults_unit_size(unit, &size))
		return false;
	struct row **of = xcalloc(s->table->nall + 1, sizeof *of);
	struct sbuf k = { 0 };
	struct strmap codes = { 0 };
	struct document *a = g->b->city;
	bool ok = true;
	const char **name = model_alloc(a, sizeof *name);
	name[0] = d->department;
	count_codes(s, &codes, &k);
	for (const struct row *r = s->rows; r; r = model_next_row(r)) {
		struct row *parent = r->parent ? of[r->parent->index] : NULL;
		bool unique = false;
		if (r->code) {
			key_of(&k, r->parent, "code", r->code);
			unique = strmap_count(&codes, k.s) == 1;
		}
		struct row *x = pair(g, r, parent, unique, dept, &k);
		of[r->index] = x;
		amount_t v, cv;
		bool has = model_cell_number(r, (size_t)col, &v);
		if (has && !convert(g->b, unit, v, &cv)) {
			ok = false;
			has = false;
		}
		if (has)
			add_to(g, x, cv);
		/* Where the department's figures break down no further, it
		 * shows by name. */
		if (has && !has_parts(r)) {
			/* One per leaf of every department: lean, its name the
			 * department's own (the set outlives the city). */
			struct row *dr = model_alloc(a, sizeof *dr);
			dr->side = g->s;
			dr->labels = name;
			dr->cells = model_alloc(a, sizeof *dr->cells);
			dr->cells[0].n = cv;
			dr->link = r;
			model_append_row(g->s, x, dr);
		}
	}
	strmap_free(&codes);
	sbuf_free(&k);
	free(of);
	return ok;
}

/* A 其中 breakdown adds up to its row only where every department that
 * adds to the row gives one: elsewhere the breakdowns are left out (the
 * note says so).  True when any was. */
static bool drop_partial_breakdowns(struct aggregate *g, struct row *first)
{
	bool dropped = false;
	for (struct row *r = first; r; r = r->next) {
		if (r->link)
			continue;	/* a department's own row */
		const struct row_tally *t = &g->tally[r->index];
		if (t->broken_down && t->broken_down != t->departments) {
			struct row **at = &r->child;
			r->last_child = NULL;
			r->nchildren = 0;
			for (struct row *c = r->child; c; c = c->next)
				if (!c->of_which) {
					*at = c;
					at = &c->next;
					r->last_child = c;
					r->nchildren++;
				}
			*at = NULL;
			dropped = true;
		}
		dropped |= drop_partial_breakdowns(g, r->child);
	}
	return dropped;
}

/* Children with codes in code order, the departments after them in set
 * order; children without codes as they came. */
static int by_code(const void *pa, const void *pb)
{
	const struct row *a = *(struct row *const *)pa, *b = *(struct row *const *)pb;
	bool da = a->link != NULL, db = b->link != NULL;
	if (da != db)
		return da ? 1 : -1;
	if (!da) {
		int c = strcmp(a->code, b->code);
		if (c)
			return c;
	}
	return a->line < b->line ? -1 : a->line > b->line;
}

static void sort_children(struct side *s, struct row *parent)
{
	struct row **v = NULL;
	size_t n = 0, cap = 0;
	bool coded = true;
	struct row *first = parent ? parent->child : s->rows;
	for (struct row *c = first; c; c = c->next) {
		c->line = (int)n;	/* the order they came in, for ties */
		coded &= c->link != NULL || c->code != NULL;
		DA_PUSH(v, n, cap, c);
	}
	if (coded && n > 1) {
		qsort(v, n, sizeof *v, by_code);
		for (size_t i = 0; i < n; i++)
			v[i]->next = i + 1 < n ? v[i + 1] : NULL;
		if (parent) {
			parent->child = v[0];
			parent->last_child = v[n - 1];
		} else {
			s->rows = v[0];
			s->last_row = v[n - 1];
		}
	}
	for (size_t i = 0; i < n; i++) {
		v[i]->line = 0;
		if (v[i]->child)
			sort_children(s, v[i]);
	}
	free(v);
}

static void aggregate_table(struct builder *b, const char *role, int year, size_t first,
			    size_t n, const char *unit)
{
	struct document *a = b->city;
	const struct side *model = NULL;
	for (size_t i = first; i < first + n && !model; i++)
		model = side_with_role(b->set->docs[i], role);
	struct table *t = new_table(b);
	struct aggregate g = { b, t, NULL, { 0 }, NULL, 0, 0, { 0 }, 0 };	/* tally NULL */
	char buf[96];
	snprintf(buf, sizeof buf, "%s-%d", role, year);
	t->id = model_strdup(a, buf);
	t->kind = t->id;
	t->role = model_strdup(a, role);
	t->unit = unit;
	t->nsides = 1;
	t->sides = model_alloc(a, sizeof *t->sides);
	g.s = &t->sides[0];
	g.s->main = 0;
	g.s->nest = NEST_CODE;
	g.s->code_title = model->code_title ? model_strdup(a, model->code_title) : NULL;
	g.s->role = t->role;
	name_column(a, g.s, model->nlabels ? model->labels[model->nlabels - 1].title
					   : msg(M_CITY_DEPARTMENT));
	struct column *c = new_columns(a, g.s, 1);
	c[0].key = "amount";
	c[0].title = model_strdup(a, msg(M_CITY_AMOUNT));
	c[0].type = COL_AMOUNT;
	for (size_t i = first; i < first + n; i++) {
		const struct document *d = b->set->docs[i];
		const struct side *s = side_with_role(d, role);
		if (s && add_department(&g, d, s, i)) {
			g.included++;
			continue;
		}
		sbuf_addf(&g.left_out, "%s%s", g.left_out.len ? msg(M_LIST_SEPARATOR) : "",
			  d->department);
	}
	bool partial = drop_partial_breakdowns(&g, g.s->rows);
	sort_children(g.s, NULL);
	/* The title: the first department's own, with the year and count. */
	struct sbuf title = { 0 };
	sbuf_add(&title, model->table->title);
	if (model->title && model->table->nsides > 1)
		sbuf_addf(&title, " %s %s", render_glyph(GLYPH_BULLET), model->title);
	snprintf(buf, sizeof buf, msg(M_CITY_AGGREGATE_OF), year, g.included);
	sbuf_add(&title, buf);
	t->title = model_strdup(a, title.s);
	sbuf_free(&title);
	if (g.left_out.len || partial) {
		struct sbuf note = { 0 };
		if (g.left_out.len)
			sbuf_addf(&note, msg(M_CITY_NOT_INCLUDED), g.left_out.s);
		if (partial)
			sbuf_addf(&note, "%s%s", note.len ? " " : "", msg(M_CITY_PARTIAL_BREAKDOWN));
		t->note = model_strdup(a, note.s);
		sbuf_free(&note);
	}
	sbuf_free(&g.left_out);
	strmap_free(&g.keys);
	free(g.tally);
}

/* Every role of a year's documents, in the order they first appear. */
static void year_aggregates(struct builder *b, int year, const char *unit)
{
	size_t first, n = docset_year(b->set, year, &first);
	struct strmap seen = { 0 };
	for (size_t i = first; i < first + n; i++) {
		const struct document *d = b->set->docs[i];
		for (size_t t = 0; t < d->ntables; t++)
			for (size_t k = 0; k < d->tables[t].nsides; k++) {
				const struct side *s = &d->tables[t].sides[k];
				const char *role = s->role ? s->role : d->tables[t].role;
				if (!role || strmap_get(&seen, role))
					continue;
				strmap_put(&seen, role, (void *)1);
				aggregate_table(b, role, year, first, n, unit);
			}
	}
	strmap_free(&seen);
}

/* ---- the city document ------------------------------------------------------------- */

struct document *city_build(const struct docset *set)
{
	struct builder b = { set, model_new(""), 1, NULL, 0, 0 };
	struct document *a = b.city;
	const char *unit_name;
	b.unit = smallest_unit(set, &unit_name);
	const char *unit = model_strdup(a, unit_name ? unit_name : "");
	char buf[128];
	a->schema = 2;
	a->file = "";
	a->path = model_strdup(a, msg(M_CITY_PATH));
	a->department = model_strdup(a, msg(M_CITY_ALL));
	a->unit = unit;
	a->year = set->ndocs ? set->docs[0]->year : 0;
	snprintf(buf, sizeof buf, msg(M_CITY_TITLE), set->ndocs);
	a->title = model_strdup(a, buf);
	department_table(&b, unit);
	for (size_t i = 0; i < set->ndocs;) {
		size_t first, n = docset_year(set, set->docs[i]->year, &first);
		year_aggregates(&b, set->docs[i]->year, unit);
		i += n;
	}
	/* Labels once all are made: the department level, then 汇总1, 汇总2… */
	for (size_t i = 1; i < b.ntables; i++) {
		snprintf(buf, sizeof buf, msg(M_CITY_AGGREGATE_LABEL), i);
		b.tables[i].label = model_strdup(a, buf);
	}
	a->tables = model_alloc(a, (b.ntables ? b.ntables : 1) * sizeof *a->tables);
	memcpy(a->tables, b.tables, b.ntables * sizeof *b.tables);
	a->ntables = b.ntables;
	free(b.tables);
	model_index_tables(a);
	for (size_t i = 0; i < a->ntables; i++) {
		struct table *t = &a->tables[i];
		t->doc = a;
		for (size_t k = 0; k < t->nsides; k++) {
			t->sides[k].table = t;
			t->sides[k].index = k;
		}
		model_index_rows(t);
	}
	model_index_links(a);
	return a;
}

const struct document *city_row_department(const struct row *r)
{
	return r && r->link ? r->link->side->table->doc : NULL;
}
