/* loader.c: walk the YAML tree against the schema of budget.yaml(5) and
 * build the model.  Every key is checked: an unknown key is an error that
 * names it, so a typo never silently drops data. */
#include "doc/loader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/classify.h"
#include "doc/text.h"
#include "doc/util.h"
#include "doc/ynode.h"

struct loader {
	struct document *doc;
	struct loader_error *err;
};

/* Record the first error, at node n, and return false. */
static bool loader_error(struct loader *ld, const struct ynode *n,
			 const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static bool loader_error(struct loader *ld, const struct ynode *n,
			 const char *fmt, ...)
{
	char raw[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	char *clean = text_sanitize(raw, false);
	snprintf(ld->err->message, sizeof ld->err->message, "%s", clean);
	free(clean);
	ld->err->line = n ? n->line : 0;
	ld->err->col = n ? n->col : 0;
	return false;
}

/* ---- mappings and their keys ------------------------------------------ */

/* The value of key in mapping m, or NULL. */
static const struct ynode *get(const struct ynode *m, const char *key)
{
	for (size_t i = 0; i + 1 < m->nitems; i += 2)
		if (m->items[i]->type == YNODE_SCALAR &&
		    strcmp(m->items[i]->value, key) == 0)
			return m->items[i + 1];
	return NULL;
}

static bool in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

/* n must be a mapping whose keys are all in `allowed` (each at most once)
 * and that has every key in `required`.  what names the mapping. */
static bool check_mapping(struct loader *ld, const struct ynode *n, const char *what,
			  const char *const *allowed, const char *const *required)
{
	if (n->type != YNODE_MAPPING)
		return loader_error(ld, n, "%s must be a mapping, found %s",
				    what, ynode_type_name(n));
	for (size_t i = 0; i + 1 < n->nitems; i += 2) {
		const struct ynode *k = n->items[i];
		if (k->type != YNODE_SCALAR)
			return loader_error(ld, k, "a key in %s must be a scalar", what);
		if (!in_list(allowed, k->value)) {
			char expected[256] = "";
			for (const char *const *a = allowed; *a; a++)
				snprintf(expected + strlen(expected),
					 sizeof expected - strlen(expected),
					 "%s%s", a == allowed ? "" : ", ", *a);
			return loader_error(ld, k, "unknown key '%s' in %s (expected one of: %s)",
					    k->value, what, expected);
		}
		for (size_t j = 0; j < i; j += 2)
			if (strcmp(n->items[j]->value, k->value) == 0)
				return loader_error(ld, k, "duplicate key '%s' in %s",
						    k->value, what);
	}
	for (; required && *required; required++)
		if (!get(n, *required))
			return loader_error(ld, n, "%s lacks the required key '%s'",
					    what, *required);
	return true;
}

static bool expect_type(struct loader *ld, const struct ynode *n,
			enum ynode_type type, const char *what)
{
	if (n->type == type)
		return true;
	static const char *names[] = { "a scalar", "a sequence", "a mapping" };
	return loader_error(ld, n, "%s must be %s, found %s", what, names[type],
			    ynode_type_name(n));
}

/* ---- scalars ------------------------------------------------------------ */

/* A text scalar, copied into the document and sanitised; NULL on error. */
static const char *text_of(struct loader *ld, const struct ynode *n,
			   const char *what, bool multiline)
{
	if (!expect_type(ld, n, YNODE_SCALAR, what))
		return NULL;
	char *clean = text_sanitize(n->value, multiline);
	const char *s = model_strdup(ld->doc, clean);
	free(clean);
	return s;
}

/* Optional text: *out stays NULL when key is absent or null. */
static bool opt_text(struct loader *ld, const struct ynode *m, const char *key,
		     const char **out, bool multiline)
{
	const struct ynode *n = get(m, key);
	if (!n || ynode_is_null(n))
		return true;
	return (*out = text_of(ld, n, key, multiline)) != NULL;
}

static bool req_text(struct loader *ld, const struct ynode *m, const char *key,
		     const char **out)
{
	const struct ynode *n = get(m, key);
	if (ynode_is_null(n)) {		/* "name: ~" is an empty name, as ~ is a blank cell */
		*out = "";
		return true;
	}
	return (*out = text_of(ld, n, key, false)) != NULL;
}

static bool parse_amount(struct loader *ld, const struct ynode *n, const char *what,
			 amount_t *out)
{
	const char *why;
	if (!expect_type(ld, n, YNODE_SCALAR, what))
		return false;
	if (!amount_parse(n->value, out, &why))
		return loader_error(ld, n, "%s '%s' is not an amount: %s "
				    "(expected a decimal with at most two places, like 3676.98)",
				    what, n->value, why);
	return true;
}

static bool parse_int(struct loader *ld, const struct ynode *n, const char *what,
		      long lo, long hi, int *out)
{
	if (!expect_type(ld, n, YNODE_SCALAR, what))
		return false;
	char *end;
	errno = 0;
	long v = strtol(n->value, &end, 10);
	if (!*n->value || *end || errno || v < lo || v > hi)
		return loader_error(ld, n, "%s '%s' must be a whole number from %ld to %ld",
				    what, n->value, lo, hi);
	*out = (int)v;
	return true;
}

static bool parse_bool(struct loader *ld, const struct ynode *m, const char *key,
		       bool *out)
{
	const struct ynode *n = get(m, key);
	if (!n)
		return true;
	if (n->type == YNODE_SCALAR && n->plain) {
		if (!strcmp(n->value, "true") || !strcmp(n->value, "yes")) {
			*out = true;
			return true;
		}
		if (!strcmp(n->value, "false") || !strcmp(n->value, "no")) {
			*out = false;
			return true;
		}
	}
	return loader_error(ld, n, "%s must be true or false", key);
}

/* An identifier: [a-z0-9_]+, used for keys, ids and references. */
static bool parse_ident(struct loader *ld, const struct ynode *n, const char *what,
			const char **out)
{
	if (!expect_type(ld, n, YNODE_SCALAR, what))
		return false;
	const char *s = n->value;
	bool ok = *s != '\0';
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			ok = false;
	if (!ok)
		return loader_error(ld, n, "%s '%s' must be lower-case letters, digits "
				    "and '_'", what, n->value);
	*out = model_strdup(ld->doc, n->value);
	return true;
}

/* A sequence of text scalars into an arena array. */
static bool text_list(struct loader *ld, const struct ynode *n, const char *what,
		      const char ***out, size_t *count, bool multiline)
{
	if (!expect_type(ld, n, YNODE_SEQUENCE, what))
		return false;
	*out = model_alloc(ld->doc, (n->nitems ? n->nitems : 1) * sizeof **out);
	*count = n->nitems;
	for (size_t i = 0; i < n->nitems; i++)
		if (!((*out)[i] = text_of(ld, n->items[i], what, multiline)))
			return false;
	return true;
}

/* ---- narrative ------------------------------------------------------------ */

static bool load_text_table(struct loader *ld, const struct ynode *n,
			    struct text_table *tt)
{
	static const char *const keys[] = { "title", "columns", "rows", NULL };
	static const char *const req[] = { "columns", "rows", NULL };
	if (!check_mapping(ld, n, "a narrative table", keys, req) ||
	    !opt_text(ld, n, "title", &tt->title, false) ||
	    !text_list(ld, get(n, "columns"), "columns", &tt->columns,
		       &tt->ncolumns, false))
		return false;
	const struct ynode *rows = get(n, "rows");
	if (!expect_type(ld, rows, YNODE_SEQUENCE, "rows"))
		return false;
	tt->nrows = rows->nitems;
	tt->rows = model_alloc(ld->doc, (rows->nitems + 1) * sizeof *tt->rows);
	for (size_t i = 0; i < rows->nitems; i++) {
		size_t ncells;
		if (!text_list(ld, rows->items[i], "a narrative table row",
			       &tt->rows[i], &ncells, true))
			return false;
		if (ncells != tt->ncolumns)
			return loader_error(ld, rows->items[i], "this row has %zu cells "
					    "but the table has %zu columns",
					    ncells, tt->ncolumns);
	}
	return true;
}

static bool load_ref(struct loader *ld, const struct ynode *n, struct figure *f)
{
	static const char *const keys[] = { "table", "row", "column", NULL };
	static const char *const req[] = { "table", "row", NULL };
	const struct ynode *col = get(n, "column");
	return check_mapping(ld, n, "ref", keys, req) &&
	       parse_int(ld, get(n, "table"), "table", 1, 99, &f->ref_table) &&
	       parse_ident(ld, get(n, "row"), "row", &f->ref_row) &&
	       (!col || parse_ident(ld, col, "column", &f->ref_column));
}

static bool load_figure(struct loader *ld, const struct ynode *n, struct figure *f)
{
	static const char *const keys[] = { "id", "label", "value", "unit", "change",
					    "rate", "ref", "note", "known", NULL };
	static const char *const req[] = { "id", "label", "value", NULL };
	if (!check_mapping(ld, n, "a figure", keys, req) ||
	    !parse_ident(ld, get(n, "id"), "figure id", &f->id) ||
	    !req_text(ld, n, "label", &f->label) ||
	    !parse_amount(ld, get(n, "value"), "value", &f->value) ||
	    !opt_text(ld, n, "unit", &f->unit, false) ||
	    !opt_text(ld, n, "note", &f->note, true) ||
	    !opt_text(ld, n, "known", &f->known, true))
		return false;
	f->line = n->line;
	f->value_line = get(n, "value")->line;
	if (!f->unit)
		f->unit = ld->doc->unit;
	const struct ynode *v;
	if ((v = get(n, "change"))) {
		f->has_change = true;
		if (!parse_amount(ld, v, "change", &f->change))
			return false;
	}
	if ((v = get(n, "rate"))) {
		const char *why;
		f->has_rate = true;
		f->rate_line = v->line;
		if (!expect_type(ld, v, YNODE_SCALAR, "rate"))
			return false;
		if (!rate_parse(v->value, &f->rate, &f->rate_places, &why))
			return loader_error(ld, v, "rate '%s' is not a rate: %s "
					    "(expected a percentage like \"4.57%%\")",
					    v->value, why);
	}
	if ((v = get(n, "ref")) && !load_ref(ld, v, f))
		return false;
	return true;
}

static bool load_term(struct loader *ld, const struct ynode *n, struct term *t)
{
	static const char *const keys[] = { "term", "definition", NULL };
	return check_mapping(ld, n, "a glossary term", keys, keys) &&
	       req_text(ld, n, "term", &t->term) &&
	       (t->definition = text_of(ld, get(n, "definition"), "definition", true));
}

/* Allocate an array for a sequence node's items. */
static void *array_for(struct loader *ld, const struct ynode *seq, size_t size,
		       size_t *count)
{
	*count = seq->nitems;
	return model_alloc(ld->doc, (seq->nitems ? seq->nitems : 1) * size);
}

static bool load_sections(struct loader *ld, const struct ynode *seq,
			  struct section *parent);

static bool load_section(struct loader *ld, const struct ynode *n, struct section *s)
{
	static const char *const keys[] = { "title", "id", "paragraphs", "tables",
					    "figures", "terms", "sections", NULL };
	static const char *const req[] = { "title", NULL };
	const struct ynode *v;
	if (!check_mapping(ld, n, "a section", keys, req) ||
	    !req_text(ld, n, "title", &s->title))
		return false;
	s->line = n->line;
	if ((v = get(n, "id")) && !parse_ident(ld, v, "section id", &s->id))
		return false;
	if ((v = get(n, "paragraphs")) &&
	    !text_list(ld, v, "paragraphs", &s->paragraphs, &s->nparagraphs, true))
		return false;
	if ((v = get(n, "tables"))) {
		if (!expect_type(ld, v, YNODE_SEQUENCE, "tables"))
			return false;
		s->tables = array_for(ld, v, sizeof *s->tables, &s->ntables);
		for (size_t i = 0; i < v->nitems; i++)
			if (!load_text_table(ld, v->items[i], &s->tables[i]))
				return false;
	}
	if ((v = get(n, "figures"))) {
		if (!expect_type(ld, v, YNODE_SEQUENCE, "figures"))
			return false;
		s->figures = array_for(ld, v, sizeof *s->figures, &s->nfigures);
		for (size_t i = 0; i < v->nitems; i++) {
			s->figures[i].section = s;
			if (!load_figure(ld, v->items[i], &s->figures[i]))
				return false;
		}
	}
	if ((v = get(n, "terms"))) {
		if (!expect_type(ld, v, YNODE_SEQUENCE, "terms"))
			return false;
		s->terms = array_for(ld, v, sizeof *s->terms, &s->nterms);
		for (size_t i = 0; i < v->nitems; i++)
			if (!load_term(ld, v->items[i], &s->terms[i]))
				return false;
	}
	return !(v = get(n, "sections")) || load_sections(ld, v, s);
}

static bool load_sections(struct loader *ld, const struct ynode *seq,
			  struct section *parent)
{
	if (!expect_type(ld, seq, YNODE_SEQUENCE, "sections"))
		return false;
	for (size_t i = 0; i < seq->nitems; i++) {
		struct section *s = model_alloc(ld->doc, sizeof *s);
		s->parent = parent;
		s->depth = parent ? parent->depth + 1 : 0;
		struct section **first = parent ? &parent->child : &ld->doc->parts;
		struct section **last = parent ? &parent->last_child : &ld->doc->last_part;
		if (*last)
			(*last)->next = s;
		else
			*first = s;
		*last = s;
		if (!load_section(ld, seq->items[i], s))
			return false;
	}
	return true;
}

/* ---- tables ---------------------------------------------------------------- */

static bool load_column(struct loader *ld, const struct table *t,
			const struct ynode *n, struct column *c)
{
	static const char *const keys[] = { "key", "title", "group", "type", "sum_of", NULL };
	static const char *const req[] = { "key", "title", "type", NULL };
	const struct ynode *v;
	if (!check_mapping(ld, n, "a column", keys, req) ||
	    !parse_ident(ld, get(n, "key"), "column key", &c->key) ||
	    !req_text(ld, n, "title", &c->title))
		return false;
	c->line = n->line;
	for (const struct column *o = t->columns; o < c; o++)
		if (strcmp(o->key, c->key) == 0)
			return loader_error(ld, get(n, "key"), "duplicate column key '%s'",
					    c->key);
	v = get(n, "type");
	if (v->type == YNODE_SCALAR && strcmp(v->value, "amount") == 0)
		c->type = COL_AMOUNT;
	else if (v->type == YNODE_SCALAR && strcmp(v->value, "text") == 0)
		c->type = COL_TEXT;
	else
		return loader_error(ld, v, "column type must be 'amount' or 'text'");
	if ((v = get(n, "group"))) {
		if (v->type == YNODE_SCALAR) {
			c->group = model_alloc(ld->doc, sizeof *c->group);
			c->ngroup = 1;
			if (!(c->group[0] = text_of(ld, v, "group", false)))
				return false;
		} else if (!text_list(ld, v, "group", &c->group, &c->ngroup, false)) {
			return false;
		}
	}
	return true;
}

/* sum_of names columns, so it is resolved once all columns are known. */
static bool resolve_sum_of(struct loader *ld, struct table *t, const struct ynode *cols)
{
	for (size_t i = 0; i < t->ncolumns; i++) {
		const struct ynode *v = get(cols->items[i], "sum_of");
		if (!v)
			continue;
		struct column *c = &t->columns[i];
		if (!expect_type(ld, v, YNODE_SEQUENCE, "sum_of"))
			return false;
		if (c->type != COL_AMOUNT)
			return loader_error(ld, v, "sum_of is only for amount columns");
		c->sum_of = array_for(ld, v, sizeof *c->sum_of, &c->nsum_of);
		for (size_t j = 0; j < v->nitems; j++) {
			const struct ynode *k = v->items[j];
			int idx = k->type == YNODE_SCALAR ? model_column_index(t, k->value) : -1;
			if (idx < 0 || (size_t)idx == i ||
			    t->columns[idx].type != COL_AMOUNT)
				return loader_error(ld, k, "sum_of names '%s', which is not "
						    "another amount column of this table",
						    k->type == YNODE_SCALAR ? k->value : "?");
			c->sum_of[j] = (size_t)idx;
		}
	}
	return true;
}

static bool load_cells(struct loader *ld, const struct table *t,
		       const struct ynode *v, struct row *r)
{
	if (!expect_type(ld, v, YNODE_SEQUENCE, "values"))
		return false;
	if (v->nitems != t->ncolumns)
		return loader_error(ld, v, "values has %zu cells but table %d has %zu "
				    "columns", v->nitems, t->number, t->ncolumns);
	r->cells = model_alloc(ld->doc, (t->ncolumns ? t->ncolumns : 1) * sizeof *r->cells);
	for (size_t i = 0; i < t->ncolumns; i++) {
		const struct ynode *c = v->items[i];
		struct cell *cell = &r->cells[i];
		const char *title = t->columns[i].title;
		if (ynode_is_null(c)) {
			cell->blank = true;
		} else if (t->columns[i].type == COL_AMOUNT) {
			if (!parse_amount(ld, c, title, &cell->amount))
				return false;
		} else if (!(cell->text = text_of(ld, c, title, true))) {
			return false;
		}
	}
	return true;
}

static bool load_rows(struct loader *ld, struct table *t, const struct ynode *seq,
		      struct row *parent);

static bool load_row(struct loader *ld, struct table *t, const struct ynode *n,
		     struct row *r)
{
	static const char *const keys[] = { "id", "code", "name", "values", "content",
					    "goals", "note", "of_which", "total_after",
					    "children", "known", NULL };
	static const char *const req[] = { "name", "values", NULL };
	const struct ynode *v;
	if (!check_mapping(ld, n, "a row", keys, req) ||
	    !req_text(ld, n, "name", &r->name) ||
	    !opt_text(ld, n, "code", &r->code, false) ||
	    !opt_text(ld, n, "content", &r->content, true) ||
	    !opt_text(ld, n, "goals", &r->goals, true) ||
	    !opt_text(ld, n, "note", &r->note, true) ||
	    !opt_text(ld, n, "known", &r->known, true) ||
	    !parse_bool(ld, n, "of_which", &r->of_which) ||
	    !parse_bool(ld, n, "total_after", &r->total_after) ||
	    !load_cells(ld, t, get(n, "values"), r))
		return false;
	if ((v = get(n, "id"))) {
		if (!parse_ident(ld, v, "row id", &r->id))
			return false;
		if (model_find_row_id(t, r->id))
			return loader_error(ld, v, "duplicate row id '%s' in table %d",
					    r->id, t->number);
		strmap_put(&t->row_ids, r->id, r);
	}
	return !(v = get(n, "children")) || load_rows(ld, t, v, r);
}

static bool load_rows(struct loader *ld, struct table *t, const struct ynode *seq,
		      struct row *parent)
{
	if (!expect_type(ld, seq, YNODE_SEQUENCE, parent ? "children" : "rows"))
		return false;
	for (size_t i = 0; i < seq->nitems; i++) {
		struct row *r = model_alloc(ld->doc, sizeof *r);
		r->line = seq->items[i]->line;
		r->col = seq->items[i]->col;
		/* Appended first so that duplicate ids can be found. */
		model_append_row(t, parent, r);
		if (!load_row(ld, t, seq->items[i], r))
			return false;
	}
	return true;
}

static bool load_table(struct loader *ld, const struct ynode *n, struct table *t)
{
	static const char *const keys[] = { "number", "title", "kind", "unit",
					    "code_title", "name_title", "nest",
					    "incomplete", "note", "columns", "rows", NULL };
	static const char *const req[] = { "number", "title", "kind", "name_title",
					   "columns", "rows", NULL };
	const struct ynode *v;
	t->doc = ld->doc;
	t->line = n->line;
	if (!check_mapping(ld, n, "a table", keys, req) ||
	    !parse_int(ld, get(n, "number"), "table number", 1, 99, &t->number) ||
	    !req_text(ld, n, "title", &t->title) ||
	    !req_text(ld, n, "name_title", &t->name_title) ||
	    !opt_text(ld, n, "unit", &t->unit, false) ||
	    !opt_text(ld, n, "code_title", &t->code_title, false) ||
	    !opt_text(ld, n, "incomplete", &t->incomplete, true) ||
	    !opt_text(ld, n, "note", &t->note, true))
		return false;
	if (!t->unit)
		t->unit = ld->doc->unit;
	v = get(n, "kind");
	if (v->type != YNODE_SCALAR || !model_kind_parse(v->value, &t->kind))
		return loader_error(ld, v, "unknown table kind '%s' (see budget.yaml(5))",
				    v->type == YNODE_SCALAR ? v->value : "?");
	if ((v = get(n, "nest"))) {
		if (v->type != YNODE_SCALAR || strcmp(v->value, "code") != 0)
			return loader_error(ld, v, "nest must be 'code'");
		t->nest_by_code = true;
	}
	const struct ynode *cols = get(n, "columns");
	if (!expect_type(ld, cols, YNODE_SEQUENCE, "columns"))
		return false;
	t->columns = array_for(ld, cols, sizeof *t->columns, &t->ncolumns);
	for (size_t i = 0; i < cols->nitems; i++)
		if (!load_column(ld, t, cols->items[i], &t->columns[i]))
			return false;
	if (!resolve_sum_of(ld, t, cols) || !load_rows(ld, t, get(n, "rows"), NULL))
		return false;
	if (t->nest_by_code)
		classify_nest_by_code(t);
	model_index_rows(t);
	return true;
}

static bool load_tables(struct loader *ld, const struct ynode *seq)
{
	struct document *doc = ld->doc;
	if (!expect_type(ld, seq, YNODE_SEQUENCE, "tables"))
		return false;
	doc->tables = array_for(ld, seq, sizeof *doc->tables, &doc->ntables);
	for (size_t i = 0; i < seq->nitems; i++) {
		if (!load_table(ld, seq->items[i], &doc->tables[i]))
			return false;
		for (size_t j = 0; j < i; j++)
			if (doc->tables[j].number == doc->tables[i].number)
				return loader_error(ld, get(seq->items[i], "number"),
						    "duplicate table number %d",
						    doc->tables[i].number);
	}
	return true;
}

/* ---- cross references -------------------------------------------------------- */

/* Figures name tables, rows and columns; check that they exist and that
 * figure and section ids are unique. */
static bool check_figure_ref(struct loader *ld, const struct figure *f)
{
	const struct document *doc = ld->doc;
	struct ynode at = { .line = f->line, .col = 1 };
	const struct table *t = model_find_table(doc, f->ref_table);
	if (!t)
		return loader_error(ld, &at, "figure '%s' refers to table %d, "
				    "which the file does not have", f->id, f->ref_table);
	if (!model_find_row_id(t, f->ref_row))
		return loader_error(ld, &at, "figure '%s' refers to row '%s', "
				    "which table %d does not have",
				    f->id, f->ref_row, t->number);
	if (model_amount_column(t, f->ref_column) < 0)
		return loader_error(ld, &at, "figure '%s' refers to column '%s', "
				    "which is not an amount column of table %d",
				    f->id, f->ref_column ? f->ref_column : "(first amount)",
				    t->number);
	return true;
}

/* Figures name tables, rows and columns; check that they exist and that
 * figure and section ids are unique. */
static bool check_references(struct loader *ld)
{
	struct strmap sections = { 0 }, figures = { 0 };
	bool ok = true;
	for (struct section *s = ld->doc->parts; s && ok; s = model_next_section(s)) {
		size_t pos = 0;
		if (s->id && strmap_next(&sections, s->id, &pos))
			ok = loader_error(ld, &(struct ynode){ .line = s->line, .col = 1 },
					  "duplicate section id '%s'", s->id);
		else if (s->id)
			strmap_put(&sections, s->id, s);
		for (size_t i = 0; i < s->nfigures && ok; i++) {
			const struct figure *f = &s->figures[i];
			pos = 0;
			if (strmap_next(&figures, f->id, &pos))
				ok = loader_error(ld, &(struct ynode){ .line = f->line, .col = 1 },
						  "duplicate figure id '%s'", f->id);
			strmap_put(&figures, f->id, (void *)f);
			if (ok && f->ref_table)
				ok = check_figure_ref(ld, f);
		}
	}
	strmap_free(&sections);
	strmap_free(&figures);
	return ok;
}

/* ---- identities ------------------------------------------------------------------ */

/* The lines of a table a REF_LINES term sums: every line, or those whose
 * text in column `where` begins with `prefix`. */
static bool load_lines(struct loader *ld, const struct ynode *n, struct cell_ref *ref)
{
	static const char *const keys[] = { "where", "prefix", NULL };
	const struct ynode *where = get(n, "where"), *prefix = get(n, "prefix");
	ref->kind = REF_LINES;
	if (!check_mapping(ld, n, "lines", keys, NULL))
		return false;
	if (!where != !prefix)
		return loader_error(ld, n, "lines takes both 'where' and 'prefix', or neither");
	return !where || (parse_ident(ld, where, "where", &ref->where) &&
			  (ref->prefix = text_of(ld, prefix, "prefix", false)));
}

/* A term naming a figure. */
static bool load_figure_ref(struct loader *ld, const struct ynode *n, struct cell_ref *ref)
{
	const struct ynode *v = get(n, "figure");
	ref->kind = REF_FIGURE;
	if (get(n, "table") || get(n, "row") || get(n, "column") || get(n, "lines"))
		return loader_error(ld, n, "an identity term names a figure or a table, not both");
	if (!parse_ident(ld, v, "figure", &ref->figure))
		return false;
	if (!model_find_figure(ld->doc, ref->figure))
		return loader_error(ld, v, "no figure '%s' in the narrative", ref->figure);
	if (!(v = get(n, "field")))
		return true;
	if (v->type != YNODE_SCALAR ||
	    (strcmp(v->value, "value") != 0 && strcmp(v->value, "change") != 0))
		return loader_error(ld, v, "field must be 'value' or 'change'");
	ref->change = strcmp(v->value, "change") == 0;
	return true;
}

/* One term of an identity side.  Columns are checked when the table
 * exists, since a wrong key is a typo; a table or row the document lacks
 * is not an error: the checker reports the identity as not checkable. */
static bool load_cell_ref(struct loader *ld, const struct ynode *n, struct cell_ref *ref)
{
	static const char *const keys[] = { "table", "row", "column", "lines",
					    "figure", "field", NULL };
	const struct ynode *v, *row, *lines;
	if (!check_mapping(ld, n, "an identity term", keys, NULL))
		return false;
	ref->line = n->line;
	if (get(n, "figure"))
		return load_figure_ref(ld, n, ref);
	if ((v = get(n, "field")))
		return loader_error(ld, v, "field is only for a figure term");
	if (!(v = get(n, "table")))
		return loader_error(ld, n, "an identity term needs 'table' or 'figure'");
	row = get(n, "row");
	lines = get(n, "lines");
	if (!row == !lines)
		return loader_error(ld, n, "an identity term on a table names exactly one "
				    "of 'row' and 'lines'");
	if (!parse_int(ld, v, "table", 1, 99, &ref->table) ||
	    (row && !parse_ident(ld, row, "row", &ref->row)) ||
	    (lines && !load_lines(ld, lines, ref)) ||
	    ((v = get(n, "column")) && !parse_ident(ld, v, "column", &ref->column)))
		return false;
	const struct table *t = model_find_table(ld->doc, ref->table);
	if (!t)
		return true;
	int c = ref->column ? model_column_index(t, ref->column) : model_first_amount(t);
	if (c < 0 || t->columns[c].type != COL_AMOUNT)
		return loader_error(ld, v ? v : n, "column '%s' is not an amount column of "
				    "table %d", ref->column ? ref->column : "(first amount)",
				    t->number);
	int w = ref->where ? model_column_index(t, ref->where) : 0;
	if (w < 0 || (ref->where && t->columns[w].type != COL_TEXT))
		return loader_error(ld, get(lines, "where"), "where '%s' is not a text column "
				    "of table %d", ref->where, t->number);
	return true;
}

/* A side is one term or a list of terms that are summed. */
static bool load_side(struct loader *ld, const struct ynode *n,
		      struct identity_side *side)
{
	if (n->type == YNODE_MAPPING) {
		side->refs = model_alloc(ld->doc, sizeof *side->refs);
		side->nrefs = 1;
		return load_cell_ref(ld, n, side->refs);
	}
	if (n->type != YNODE_SEQUENCE || n->nitems == 0)
		return loader_error(ld, n, "an identity side must be a term or a non-empty "
				    "list of terms");
	side->refs = array_for(ld, n, sizeof *side->refs, &side->nrefs);
	for (size_t i = 0; i < n->nitems; i++)
		if (!load_cell_ref(ld, n->items[i], &side->refs[i]))
			return false;
	return true;
}

/* Loaded after the tables and figures they name. */
static bool load_identities(struct loader *ld, const struct ynode *seq)
{
	static const char *const keys[] = { "label", "left", "right", "known", NULL };
	static const char *const req[] = { "label", "left", "right", NULL };
	struct document *doc = ld->doc;
	if (!expect_type(ld, seq, YNODE_SEQUENCE, "identities"))
		return false;
	doc->identities = array_for(ld, seq, sizeof *doc->identities, &doc->nidentities);
	for (size_t i = 0; i < seq->nitems; i++) {
		const struct ynode *n = seq->items[i];
		struct identity *id = &doc->identities[i];
		if (!check_mapping(ld, n, "an identity", keys, req) ||
		    !req_text(ld, n, "label", &id->label) ||
		    !opt_text(ld, n, "known", &id->known, true) ||
		    !load_side(ld, get(n, "left"), &id->left) ||
		    !load_side(ld, get(n, "right"), &id->right))
			return false;
		id->line = n->line;
	}
	return true;
}

/* ---- top level ----------------------------------------------------------------- */

static bool load_header(struct loader *ld, const struct ynode *n)
{
	static const char *const keys[] = { "department", "year", "unit", "title",
					    "source", NULL };
	static const char *const req[] = { "department", "year", "unit", "title", NULL };
	struct document *doc = ld->doc;
	return check_mapping(ld, n, "document", keys, req) &&
	       req_text(ld, n, "department", &doc->department) &&
	       parse_int(ld, get(n, "year"), "year", 1900, 9999, &doc->year) &&
	       req_text(ld, n, "unit", &doc->unit) &&
	       req_text(ld, n, "title", &doc->title) &&
	       opt_text(ld, n, "source", &doc->source, true);
}

static bool load_root(struct loader *ld, const struct ynode *root)
{
	static const char *const keys[] = { "schema", "document", "narrative", "tables",
					    "identities", NULL };
	static const char *const req[] = { "schema", "document", "tables", NULL };
	int version;
	const struct ynode *v;
	if (!check_mapping(ld, root, "the top level", keys, req))
		return false;
	v = get(root, "schema");
	if (!parse_int(ld, v, "schema", 0, 1000, &version))
		return false;
	if (version != 1)
		return loader_error(ld, v, "schema version %d is not supported "
				    "(this budget reads version 1)", version);
	return load_header(ld, get(root, "document")) &&
	       (!(v = get(root, "narrative")) || load_sections(ld, v, NULL)) &&
	       load_tables(ld, get(root, "tables")) &&
	       check_references(ld) &&
	       (!(v = get(root, "identities")) || load_identities(ld, v));
}

static void set_file(struct loader_error *err, const char *name)
{
	char *clean = text_sanitize(name, false);
	snprintf(err->file, sizeof err->file, "%s", clean);
	free(clean);
}

struct document *loader_load_string(const char *name, const char *text,
				    size_t len, struct loader_error *err)
{
	memset(err, 0, sizeof *err);
	set_file(err, name);
	struct ynode_error yerr;
	struct ynode *root = ynode_parse(text, len, &yerr);
	if (!root) {
		err->line = yerr.line;
		err->col = yerr.col;
		char *clean = text_sanitize(yerr.message, false);
		snprintf(err->message, sizeof err->message, "%s", clean);
		free(clean);
		return NULL;
	}
	struct loader ld = { .doc = model_new(name), .err = err };
	bool ok = load_root(&ld, root);
	ynode_free(root);
	if (!ok) {
		model_free(ld.doc);
		return NULL;
	}
	return ld.doc;
}

/* Read the whole file, refusing anything over LOADER_MAX_BYTES. */
static char *read_file(const char *path, size_t *len, struct loader_error *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		snprintf(err->message, sizeof err->message, "cannot open: %s",
			 strerror(errno));
		return NULL;
	}
	size_t cap = 64 * 1024, n = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap || n > LOADER_MAX_BYTES)
			break;
		cap *= 2;
		buf = xrealloc(buf, cap + 1);
	}
	bool bad = ferror(f), big = n > LOADER_MAX_BYTES;
	if (f != stdin)
		fclose(f);
	if (bad || big) {
		snprintf(err->message, sizeof err->message, big
			 ? "the file is larger than %u MiB" : "cannot read the file",
			 LOADER_MAX_BYTES >> 20);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

struct document *loader_load(const char *path, struct loader_error *err)
{
	memset(err, 0, sizeof *err);
	set_file(err, path);
	size_t len;
	char *text = read_file(path, &len, err);
	if (!text)
		return NULL;
	struct document *doc = loader_load_string(path, text, len, err);
	free(text);
	return doc;
}

void loader_error_print(const struct loader_error *err, FILE *f)
{
	fprintf(f, "%s:%d:%d: %s\n", err->file, err->line ? err->line : 1,
		err->col ? err->col : 1, err->message);
}
