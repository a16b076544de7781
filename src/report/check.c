/* check.c: reconciliation.  Every check becomes one finding whose message
 * says what was expected, what was found and the difference, so that the
 * CLI and the browser show the same words.  No I/O but check_print. */
#include "report/check.h"

#include <stdlib.h>
#include <string.h>

#include "report/render.h"
#include "doc/text.h"
#include "doc/util.h"

/* ---- rows a finding concerns -------------------------------------------- */

struct rowlist {
	const struct row **v;
	size_t n, cap;
};

static void rowlist_add(struct rowlist *l, const struct row *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == r)
			return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = r;
}

/* ---- findings ------------------------------------------------------------ */

/* Append a finding made of msg (taken) and rows (taken).  A failure of a
 * check the data marks as known becomes CHECK_KNOWN and says why. */
static void add_finding(struct check_report *rep, enum check_status st, int line,
			int table, struct rowlist *rows, const char *known,
			struct sbuf *msg)
{
	if (st == CHECK_FAIL && known) {
		st = CHECK_KNOWN;
		sbuf_addf(msg, " (known fault of the source: %s)", known);
	}
	if (rep->n == rep->cap) {
		rep->cap = rep->cap ? rep->cap * 2 : 64;
		rep->v = xrealloc(rep->v, rep->cap * sizeof *rep->v);
	}
	/* Notes and known-fault texts may hold newlines; a finding is one line. */
	for (size_t i = 0; i < msg->len; i++)
		if (msg->s[i] == '\n')
			msg->s[i] = ' ';
	struct finding *f = &rep->v[rep->n++];
	*f = (struct finding){ st, line, table, rows->n ? rows->v[0] : NULL,
			       sbuf_take(msg), rows->v, rows->n };
	*rows = (struct rowlist){ 0 };
	rep->checks++;
	switch (st) {
	case CHECK_PASS: rep->passed++; break;
	case CHECK_KNOWN: rep->known++; break;
	case CHECK_UNCHECKABLE: rep->uncheckable++; break;
	default: rep->failed++; break;
	}
}

/* "expected E (basis), found F, difference ±D"; found_blank shows a blank
 * cell as such rather than as 0.00.  Returns whether the two agree. */
static bool compare(struct sbuf *m, amount_t expected, const char *basis,
		    amount_t found, bool found_blank)
{
	char e[AMOUNT_BUFSZ], f[AMOUNT_BUFSZ], d[AMOUNT_BUFSZ];
	amount_format(expected, e, sizeof e);
	sbuf_addf(m, "expected %s (%s), found %s", e, basis,
		  found_blank ? "blank" : amount_format(found, f, sizeof f));
	if (found == expected)
		return true;
	/* Both sides are within twice AMOUNT_LIMIT, so this cannot overflow. */
	sbuf_addf(m, ", difference %s%s", found > expected ? "+" : "",
		  amount_format(found - expected, d, sizeof d));
	return false;
}

/* ---- naming rows, columns and figures ------------------------------------ */

static void row_desc(struct sbuf *b, const struct row *r)
{
	sbuf_addf(b, "表%d ", r->table->number);
	if (r->code)
		sbuf_addf(b, "%s ", r->code);
	sbuf_add(b, *r->name ? r->name : "(unnamed row)");
}

/* " [group/title]", left out when the table has one amount column. */
static void col_desc(struct sbuf *b, const struct table *t, size_t c)
{
	size_t amounts = 0;
	for (size_t i = 0; i < t->ncolumns; i++)
		amounts += t->columns[i].type == COL_AMOUNT;
	if (amounts <= 1)
		return;
	sbuf_add(b, " [");
	render_column_heading(&t->columns[c], "/", b);
	sbuf_add(b, "]");
}

static void figure_desc(struct sbuf *b, const struct figure *f)
{
	sbuf_addf(b, "figure %s (%s)", f->id, f->label);
}

/* The why of an incomplete table, as every not-checkable finding says it. */
static void incomplete_desc(struct sbuf *b, const struct table *t)
{
	sbuf_addf(b, "表%d is incomplete in the source: %s", t->number, t->incomplete);
}

static amount_t cell_amount(const struct cell *c)
{
	return c->blank ? 0 : c->amount;
}

/* ---- tree sums and row identities ------------------------------------------ */

/* A running sum of cells; blank cells add nothing. */
struct total {
	amount_t sum;
	bool any;		/* some cell was not blank */
	bool overflow;		/* the sum left AMOUNT_LIMIT */
};

static void total_add(struct total *t, amount_t v, bool blank)
{
	if (blank)
		return;
	t->any = true;
	if (!t->overflow && !amount_add(t->sum, v, &t->sum))
		t->overflow = true;
}

/* The check that r's cell in column c equals its parts (expected, built as
 * `basis` says).  why_not: the check cannot be made, and why. */
static void check_cell(struct check_report *rep, const struct row *r, size_t c,
		       const struct total *expected, const char *basis,
		       const char *why_not)
{
	const struct cell *cell = &r->cells[c];
	if (cell->blank && !expected->any)
		return;		/* nothing printed, nothing to add up */
	struct sbuf m = { 0 };
	struct rowlist rows = { 0 };
	enum check_status st = CHECK_FAIL;
	rowlist_add(&rows, r);
	row_desc(&m, r);
	col_desc(&m, r->table, c);
	sbuf_add(&m, ": ");
	if (why_not) {
		sbuf_addf(&m, "not checkable (%s): %s", basis, why_not);
		st = CHECK_UNCHECKABLE;
	} else if (expected->overflow) {
		sbuf_addf(&m, "not checkable: the %s exceeds the largest amount", basis);
		st = CHECK_UNCHECKABLE;
	} else if (compare(&m, expected->sum, basis, cell_amount(cell), cell->blank)) {
		st = CHECK_PASS;
	}
	add_finding(rep, st, r->line, r->table->number, &rows, r->known, &m);
}

/* Tree sums: r equals the sum of its ordinary children, and separately of
 * its 其中 (of_which) children, in every amount column. */
static void check_children(struct check_report *rep, const struct row *r,
			   bool of_which)
{
	const struct table *t = r->table;
	size_t n = 0;
	for (const struct row *c = r->child; c; c = c->next)
		n += c->of_which == of_which;
	if (!n)
		return;
	char buf[64];
	const char *basis = of_which ? "its 其中 row" : "the one row under it";
	if (n > 1) {
		snprintf(buf, sizeof buf, of_which ? "sum of its %zu 其中 rows"
			 : "sum of the %zu rows under it", n);
		basis = buf;
	}
	/* Rows may be missing from an incomplete table, so no sum over them
	 * proves anything. */
	struct sbuf why = { 0 };
	if (t->incomplete)
		incomplete_desc(&why, t);
	for (size_t i = 0; i < t->ncolumns; i++) {
		if (t->columns[i].type != COL_AMOUNT)
			continue;
		struct total sum = { 0 };
		for (const struct row *c = r->child; c; c = c->next)
			if (c->of_which == of_which)
				total_add(&sum, c->cells[i].amount, c->cells[i].blank);
		check_cell(rep, r, i, &sum, basis, why.s);
	}
	sbuf_free(&why);
}

/* Row identities: a column declared as the sum of others (sum_of). */
static void check_sum_of(struct check_report *rep, const struct row *r)
{
	const struct table *t = r->table;
	for (size_t i = 0; i < t->ncolumns; i++) {
		const struct column *col = &t->columns[i];
		if (!col->nsum_of)
			continue;
		struct total sum = { 0 };
		struct sbuf basis = { 0 };
		for (size_t j = 0; j < col->nsum_of; j++) {
			const struct cell *c = &r->cells[col->sum_of[j]];
			total_add(&sum, c->amount, c->blank);
			if (j)
				sbuf_add(&basis, " + ");
			render_column_heading(&t->columns[col->sum_of[j]], "/", &basis);
		}
		check_cell(rep, r, i, &sum, basis.s, NULL);
		sbuf_free(&basis);
	}
}

static void check_table(struct check_report *rep, const struct table *t)
{
	for (const struct row *r = t->rows; r; r = model_next_row(r)) {
		check_sum_of(rep, r);
		check_children(rep, r, false);
		check_children(rep, r, true);
	}
}

/* ---- terms of identities ----------------------------------------------------- */

/* What one term of an identity comes to. */
struct term_value {
	amount_t amount;
	const char *unit;
	struct sbuf desc;	/* how the report names the term */
	struct sbuf why;	/* non-empty: the term cannot be evaluated */
};

static bool has_ordinary_children(const struct row *r)
{
	for (const struct row *c = r->child; c; c = c->next)
		if (!c->of_which)
			return true;
	return false;
}

/* Sum the lines among first and its siblings' subtrees; 其中 rows are a
 * second breakdown, so their subtrees are left out. */
static void sum_lines(const struct row *first, const struct cell_ref *ref,
		      int col, int where, struct total *sum)
{
	for (const struct row *r = first; r; r = r->next) {
		if (r->of_which)
			continue;
		if (has_ordinary_children(r)) {
			sum_lines(r->child, ref, col, where, sum);
			continue;
		}
		const struct cell *w = where >= 0 ? &r->cells[where] : NULL;
		if (w && (w->blank || strncmp(w->text, ref->prefix, strlen(ref->prefix)) != 0))
			continue;
		total_add(sum, r->cells[col].amount, r->cells[col].blank);
	}
}

static void eval_lines(const struct table *t, const struct cell_ref *ref,
		       int col, struct term_value *v)
{
	int where = ref->where ? model_column_index(t, ref->where) : -1;
	struct total sum = { 0 };
	if (where >= 0)
		sbuf_addf(&v->desc, "表%d lines whose %s begins with \"%s\"", t->number,
			  t->columns[where].title, ref->prefix);
	else
		sbuf_addf(&v->desc, "表%d all lines", t->number);
	col_desc(&v->desc, t, (size_t)col);
	if (t->incomplete) {
		incomplete_desc(&v->why, t);
		return;
	}
	sum_lines(t->rows, ref, col, where, &sum);
	if (sum.overflow)
		sbuf_addf(&v->why, "the lines of 表%d add up beyond the largest amount",
			  t->number);
	v->amount = sum.sum;
}

static void eval_cell(const struct table *t, const struct cell_ref *ref, int col,
		      struct term_value *v, struct rowlist *rows)
{
	const struct row *r = model_find_row_id(t, ref->row);
	if (!r) {
		sbuf_addf(&v->desc, "表%d row '%s'", t->number, ref->row);
		col_desc(&v->desc, t, (size_t)col);
		if (t->incomplete)
			incomplete_desc(&v->why, t);
		else
			sbuf_addf(&v->why, "表%d has no row '%s'", t->number, ref->row);
		return;
	}
	row_desc(&v->desc, r);
	col_desc(&v->desc, t, (size_t)col);
	v->amount = cell_amount(&r->cells[col]);
	rowlist_add(rows, r);
}

static void eval_figure(const struct document *doc, const struct cell_ref *ref,
			struct term_value *v)
{
	const struct figure *f = model_find_figure(doc, ref->figure);
	if (!f) {		/* the loader refuses this; kept safe anyway */
		sbuf_addf(&v->desc, "figure %s", ref->figure);
		sbuf_addf(&v->why, "there is no figure '%s'", ref->figure);
		return;
	}
	figure_desc(&v->desc, f);
	v->unit = f->unit;
	if (ref->change)
		sbuf_add(&v->desc, " change");
	if (ref->change && !f->has_change)
		sbuf_addf(&v->why, "figure %s states no change", f->id);
	v->amount = ref->change ? f->change : f->value;
}

/* Evaluate one term; rows collects the table rows it names. */
static void eval_term(const struct document *doc, const struct cell_ref *ref,
		      struct term_value *v, struct rowlist *rows)
{
	if (ref->kind == REF_FIGURE) {
		eval_figure(doc, ref, v);
		return;
	}
	const struct table *t = model_find_table(doc, ref->table);
	int col = t ? model_amount_column(t, ref->column) : -1;
	if (!t || col < 0) {
		sbuf_addf(&v->desc, "表%d", ref->table);
		if (t)		/* the loader refuses this; kept safe anyway */
			sbuf_addf(&v->why, "表%d has no such amount column", ref->table);
		else
			sbuf_addf(&v->why, "the document has no 表%d", ref->table);
		return;
	}
	v->unit = t->unit;
	if (ref->kind == REF_LINES)
		eval_lines(t, ref, col, v);
	else
		eval_cell(t, ref, col, v, rows);
}

/* A side's sum and description; why gets the first reason it cannot be
 * evaluated.  *unit is the unit of the terms so far (NULL: none yet). */
static amount_t eval_side(const struct document *doc, const struct identity_side *s,
			  struct sbuf *desc, struct sbuf *why, const char **unit,
			  struct rowlist *rows)
{
	amount_t sum = 0;
	for (size_t i = 0; i < s->nrefs; i++) {
		struct term_value v = { 0 };
		eval_term(doc, &s->refs[i], &v, rows);
		sbuf_addf(desc, "%s%s", i ? " + " : "", v.desc.s);
		if (!why->len && v.why.len)
			sbuf_add(why, v.why.s);
		if (!why->len && v.unit && *unit && strcmp(v.unit, *unit) != 0)
			sbuf_addf(why, "it adds %s to %s", v.unit, *unit);
		if (v.unit && !*unit)
			*unit = v.unit;
		if (!why->len && !amount_add(sum, v.amount, &sum))
			sbuf_add(why, "the terms add up beyond the largest amount");
		sbuf_free(&v.desc);
		sbuf_free(&v.why);
	}
	return sum;
}

/* The first table a side names, for the finding's table field. */
static int side_table(const struct identity_side *s)
{
	for (size_t i = 0; i < s->nrefs; i++)
		if (s->refs[i].kind != REF_FIGURE)
			return s->refs[i].table;
	return 0;
}

/* Cross-table identities: left = right, as the data declares them. */
static void check_identity(struct check_report *rep, const struct document *doc,
			   const struct identity *id)
{
	struct sbuf left = { 0 }, right = { 0 }, why = { 0 }, m = { 0 };
	struct rowlist rows = { 0 };
	const char *unit = NULL;
	amount_t l = eval_side(doc, &id->left, &left, &why, &unit, &rows);
	amount_t r = eval_side(doc, &id->right, &right, &why, &unit, &rows);
	enum check_status st = CHECK_FAIL;
	if (why.len) {
		sbuf_addf(&m, "%s = %s: not checkable: %s", left.s, right.s, why.s);
		st = CHECK_UNCHECKABLE;
	} else {
		sbuf_addf(&m, "%s: ", left.s);
		if (compare(&m, r, right.s, l, false))
			st = CHECK_PASS;
	}
	sbuf_addf(&m, " — %s", id->label);
	int table = side_table(&id->left);
	add_finding(rep, st, id->line, table ? table : side_table(&id->right),
		    &rows, id->known, &m);
	sbuf_free(&left);
	sbuf_free(&right);
	sbuf_free(&why);
}

/* ---- stated figures ---------------------------------------------------------- */

/* Whether an identity uses f's value: then that identity is its check. */
static bool figure_in_identity(const struct document *doc, const struct figure *f)
{
	for (size_t i = 0; i < doc->nidentities; i++) {
		const struct identity *id = &doc->identities[i];
		const struct identity_side *sides[] = { &id->left, &id->right };
		for (size_t s = 0; s < 2; s++)
			for (size_t j = 0; j < sides[s]->nrefs; j++) {
				const struct cell_ref *ref = &sides[s]->refs[j];
				if (ref->kind == REF_FIGURE && !ref->change &&
				    strcmp(ref->figure, f->id) == 0)
					return true;
			}
	}
	return false;
}

/* The stated value against the table cell the figure names. */
static void check_figure_value(struct check_report *rep, const struct document *doc,
			       const struct figure *f)
{
	struct sbuf m = { 0 };
	struct rowlist rows = { 0 };
	enum check_status st = CHECK_UNCHECKABLE;
	if (!f->ref_table && figure_in_identity(doc, f))
		return;
	figure_desc(&m, f);
	sbuf_add(&m, ": ");
	const struct table *t = f->ref_table ? model_find_table(doc, f->ref_table) : NULL;
	const struct row *r = t ? model_find_row_id(t, f->ref_row) : NULL;
	int col = r ? model_amount_column(t, f->ref_column) : -1;
	if (!f->ref_table) {
		sbuf_add(&m, "not checkable: it names no table cell (no ref) and no identity uses it");
		if (f->note)
			sbuf_addf(&m, "; note: %s", f->note);
	} else if (col < 0) {	/* the loader refuses this; kept safe anyway */
		sbuf_addf(&m, "not checkable: 表%d has no such cell", f->ref_table);
	} else if (strcmp(f->unit, t->unit) != 0) {
		sbuf_addf(&m, "not checkable: stated in %s, 表%d is in %s", f->unit,
			  t->number, t->unit);
	} else {
		struct sbuf basis = { 0 };
		const struct cell *c = &r->cells[col];
		row_desc(&basis, r);
		col_desc(&basis, t, (size_t)col);
		if (c->blank)
			sbuf_add(&basis, ", blank");
		rowlist_add(&rows, r);
		st = compare(&m, cell_amount(c), basis.s, f->value, false)
		     ? CHECK_PASS : CHECK_FAIL;
		sbuf_free(&basis);
	}
	add_finding(rep, st, f->value_line, 0, &rows, f->known, &m);
}

/* The stated rate against change / (value - change), rounded once, half
 * away from zero, to the places the source printed: "30%" agrees with
 * 29.6% but not with 29.15%. */
static void check_figure_rate(struct check_report *rep, const struct figure *f)
{
	struct sbuf m = { 0 };
	struct rowlist rows = { 0 };
	enum check_status st = CHECK_UNCHECKABLE;
	amount_t prior;
	int64_t unit = 1, q;	/* hundredths of a percent per printed place */
	char stated[AMOUNT_BUFSZ], want[AMOUNT_BUFSZ], a[AMOUNT_BUFSZ], b[AMOUNT_BUFSZ];
	for (int p = f->rate_places; p < 2; p++)
		unit *= 10;
	rate_format(f->rate, f->rate_places, stated, sizeof stated);
	figure_desc(&m, f);
	sbuf_add(&m, " rate: ");
	if (!f->has_change) {
		sbuf_add(&m, "not checkable: no change is stated, so the prior year is unknown");
	} else if (!amount_add(f->value, -f->change, &prior)) {
		sbuf_add(&m, "not checkable: value - change exceeds the largest amount");
	} else if (!rate_of(f->change, prior * unit, &q)) {
		sbuf_addf(&m, "not checkable: the prior year (value - change) is %s, "
			  "so no rate exists", amount_format(prior, a, sizeof a));
	} else {
		/* q counts units of the printed place; prior * unit stays far
		 * below INT64_MAX since amount_add bounds |prior| by AMOUNT_LIMIT. */
		int64_t expected = q * unit, diff = f->rate - expected;
		sbuf_addf(&m, "expected %s (change %s on a prior year of %s), found %s",
			  rate_format(expected, f->rate_places, want, sizeof want),
			  amount_format(f->change, a, sizeof a),
			  amount_format(prior, b, sizeof b), stated);
		st = CHECK_PASS;
		if (diff) {
			sbuf_addf(&m, ", difference %s%s percentage points", diff > 0 ? "+" : "",
				  amount_format(diff, a, sizeof a));
			st = CHECK_FAIL;
		}
	}
	add_finding(rep, st, f->rate_line ? f->rate_line : f->line, 0, &rows, f->known, &m);
}

static void check_figures(struct check_report *rep, const struct document *doc)
{
	for (const struct section *s = doc->parts; s; s = model_next_section(s))
		for (size_t i = 0; i < s->nfigures; i++) {
			check_figure_value(rep, doc, &s->figures[i]);
			if (s->figures[i].has_rate)
				check_figure_rate(rep, &s->figures[i]);
		}
}

/* ---- the report ------------------------------------------------------------------ */

/* The browser asks for every row it draws: index the worst finding of
 * each row once, rather than search all findings each time. */
static void index_rows(struct check_report *rep, const struct document *doc)
{
	rep->doc = doc;
	rep->worst = xcalloc(doc->ntables, sizeof *rep->worst);
	for (size_t t = 0; t < doc->ntables; t++)
		rep->worst[t] = xcalloc(doc->tables[t].nall, sizeof **rep->worst);
	for (size_t i = 0; i < rep->n; i++)
		for (size_t j = 0; j < rep->v[i].nrows; j++) {
			const struct row *r = rep->v[i].rows[j];
			size_t *w = &rep->worst[r->table - doc->tables][r->index];
			if (!*w || rep->v[i].status > rep->v[*w - 1].status)
				*w = i + 1;
		}
}

void check_document(const struct document *doc, struct check_report *rep)
{
	*rep = (struct check_report){ 0 };
	/* Narrative, tables, identities: the order they come in a budget file. */
	check_figures(rep, doc);
	for (size_t i = 0; i < doc->ntables; i++)
		check_table(rep, &doc->tables[i]);
	for (size_t i = 0; i < doc->nidentities; i++)
		check_identity(rep, doc, &doc->identities[i]);
	index_rows(rep, doc);
}

const struct finding *check_row_worst(const struct check_report *rep,
				      const struct row *r)
{
	if (!rep->worst || r->table->doc != rep->doc)
		return NULL;
	size_t w = rep->worst[r->table - rep->doc->tables][r->index];
	return w ? &rep->v[w - 1] : NULL;
}

enum check_status check_row_status(const struct check_report *rep,
				   const struct row *r)
{
	const struct finding *f = check_row_worst(rep, r);
	return f ? f->status : CHECK_NONE;
}

void check_print(const struct document *doc, const struct check_report *rep, FILE *f)
{
	for (size_t i = 0; i < rep->n; i++)
		if (rep->v[i].status != CHECK_PASS)
			fprintf(f, "%s:%d: %s\n", doc->path, rep->v[i].line,
				rep->v[i].message);
	fprintf(f, "%zu checks, %zu passed, %zu failed, %zu not checkable",
		rep->checks, rep->passed, rep->failed, rep->uncheckable);
	if (rep->known)
		fprintf(f, ", %zu known faults", rep->known);
	fputc('\n', f);
}

int check_status_code(const struct check_report *rep)
{
	return rep->failed ? 1 : 0;
}

void check_report_free(struct check_report *rep)
{
	for (size_t i = 0; i < rep->n; i++) {
		free(rep->v[i].message);
		free(rep->v[i].rows);
	}
	for (size_t t = 0; rep->worst && t < rep->doc->ntables; t++)
		free(rep->worst[t]);
	free(rep->worst);
	free(rep->v);
	*rep = (struct check_report){ 0 };
}
