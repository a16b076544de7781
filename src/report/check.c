/* check.c: reconciliation.  Every check becomes one finding whose message
 * says what was expected, what was found and the difference, so that the
 * CLI and the browser show the same words.  No I/O but check_print. */
#include "report/check.h"

#include <stdlib.h>
#include <string.h>

#include "doc/msg.h"
#include "doc/strmap.h"
#include "doc/text.h"
#include "doc/util.h"
#include "report/render.h"

/* ---- rows a finding concerns -------------------------------------------- */

/* A handful at most: checking for a duplicate by scanning is cheap. */
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
	DA_PUSH(l->v, l->n, l->cap, r);
}

/* ---- findings ------------------------------------------------------------ */

/* Append a finding made of msg (taken) and rows (taken).  A failure of a
 * check the data marks as known becomes CHECK_KNOWN and says why. */
static void add_finding(struct check_report *rep, enum check_status st, int line,
			const struct table *t, struct rowlist *rows, const char *known,
			struct sbuf *m)
{
	if (st == CHECK_FAIL && known) {
		st = CHECK_KNOWN;
		sbuf_addf(m, msg(M_CHK_KNOWN), known);
	}
	/* Notes and known-fault texts may hold newlines; a finding is one line. */
	for (size_t i = 0; i < m->len; i++)
		if (m->s[i] == '\n')
			m->s[i] = ' ';
	struct finding f = { st, line, t, sbuf_take(m), rows->v, rows->n };
	DA_PUSH(rep->v, rep->n, rep->cap, f);
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
	sbuf_addf(m, msg(M_CHK_EXPECTED), e, basis,
		  found_blank ? msg(M_CHK_BLANK) : amount_format(found, f, sizeof f));
	if (found == expected)
		return true;
	/* Both sides are within twice AMOUNT_LIMIT, so this cannot overflow. */
	sbuf_addf(m, msg(M_CHK_DIFFERENCE), found > expected ? "+" : "",
		  amount_format(found - expected, d, sizeof d));
	return false;
}

/* ---- naming rows, columns and figures ------------------------------------ */

static void row_desc(struct sbuf *b, const struct row *r)
{
	const struct table *t = r->side->table;
	sbuf_addf(b, "%s ", t->label);
	if (t->nsides > 1 && r->side->title)
		sbuf_addf(b, "%s ", r->side->title);
	if (r->code)
		sbuf_addf(b, "%s ", r->code);
	size_t before = b->len;
	model_row_labels(r, b);
	if (b->len == before)
		sbuf_add(b, msg(M_CHK_UNNAMED_ROW));
}

/* " [group/title]", left out when the side has one amount column. */
static void col_desc(struct sbuf *b, const struct side *s, size_t c)
{
	size_t amounts = 0;
	/* Two are enough to know: a finding per cell must not count them all. */
	for (size_t i = 0; i < s->ncolumns && amounts < 2; i++)
		amounts += s->columns[i].type == COL_AMOUNT;
	if (amounts <= 1)
		return;
	sbuf_add(b, " [");
	render_column_heading(&s->columns[c], "/", b);
	sbuf_add(b, "]");
}

static void figure_desc(struct sbuf *b, const struct figure *f)
{
	sbuf_addf(b, msg(M_CHK_FIGURE), f->id, f->label);
}

/* Why checks of an incomplete table cannot be made, in budget terms. */
static void incomplete_desc(struct sbuf *b, const struct table *t)
{
	sbuf_addf(b, msg(M_CHK_INCOMPLETE), t->label, t->incomplete);
}

static amount_t cell_amount(const struct row *r, size_t col)
{
	int64_t v;
	return model_cell_number(r, col, &v) ? v : 0;
}

static bool cell_blank(const struct row *r, size_t col)
{
	return r->cells[col].n == CELL_BLANK;
}

/* ---- tree sums and row identities ------------------------------------------ */

/* A running sum of cells; blank cells add nothing. */
struct total {
	amount_t sum;
	bool any;		/* some cell was not blank */
	bool overflow;		/* the sum left AMOUNT_LIMIT */
};

static void total_add(struct total *t, const struct row *r, size_t col)
{
	int64_t v;
	if (!model_cell_number(r, col, &v))
		return;
	t->any = true;
	if (!t->overflow && !amount_add(t->sum, v, &t->sum))
		t->overflow = true;
}

static bool summed(const struct column *c)
{
	return !c->not_summed && (c->type == COL_AMOUNT || (c->type == COL_QUANTITY && c->unit));
}

/* The check that r's cell in column c equals its parts (expected, built as
 * `basis` says).  why_not: the check cannot be made, and why. */
static void check_cell(struct check_report *rep, const struct row *r, size_t c,
		       const struct total *expected, const char *basis,
		       const char *why_not)
{
	if (cell_blank(r, c) && !expected->any)
		return;		/* nothing printed, nothing to add up */
	struct sbuf m = { 0 };
	struct rowlist rows = { 0 };
	enum check_status st = CHECK_FAIL;
	rowlist_add(&rows, r);
	row_desc(&m, r);
	col_desc(&m, r->side, c);
	sbuf_add(&m, msg(M_CHK_COLON));
	if (why_not) {
		sbuf_addf(&m, msg(M_CHK_NOT_CHECKABLE_BECAUSE), basis, why_not);
		st = CHECK_UNCHECKABLE;
	} else if (expected->overflow) {
		sbuf_addf(&m, msg(M_CHK_OVERFLOW), basis);
		st = CHECK_UNCHECKABLE;
	} else if (compare(&m, expected->sum, basis, cell_amount(r, c), cell_blank(r, c))) {
		st = CHECK_PASS;
	}
	add_finding(rep, st, r->line, r->side->table, &rows, r->known, &m);
}

/* Tree sums: r equals the sum of its ordinary children, and separately of
 * its 其中 (of_which) children, in every column that adds up. */
static void check_children(struct check_report *rep, const struct row *r, bool of_which)
{
	const struct side *s = r->side;
	size_t n = 0;
	for (const struct row *c = r->child; c; c = c->next)
		n += c->of_which == of_which;
	if (!n)
		return;
	struct sbuf basis = { 0 }, why = { 0 };
	if (n == 1)
		sbuf_add(&basis, msg(of_which ? M_CHK_ONE_OF_WHICH : M_CHK_ONE_UNDER));
	else
		sbuf_addf(&basis, msg(of_which ? M_CHK_SUM_OF_WHICH : M_CHK_SUM_UNDER), n);
	/* Rows may be missing from an incomplete table, so no sum over them
	 * proves anything. */
	if (s->table->incomplete)
		incomplete_desc(&why, s->table);
	for (size_t i = 0; i < s->ncolumns; i++) {
		if (!summed(&s->columns[i]))
			continue;
		struct total sum = { 0 };
		for (const struct row *c = r->child; c; c = c->next)
			if (c->of_which == of_which)
				total_add(&sum, c, i);
		check_cell(rep, r, i, &sum, basis.s, why.s);
	}
	sbuf_free(&basis);
	sbuf_free(&why);
}

/* Row identities: a column declared as the sum of others (sum_of). */
static void check_sum_of(struct check_report *rep, const struct row *r)
{
	const struct side *s = r->side;
	for (size_t i = 0; i < s->ncolumns; i++) {
		const struct column *col = &s->columns[i];
		if (!col->nsum_of)
			continue;
		struct total sum = { 0 };
		struct sbuf basis = { 0 };
		for (size_t j = 0; j < col->nsum_of; j++) {
			total_add(&sum, r, col->sum_of[j]);
			if (j)
				sbuf_add(&basis, " + ");
			render_column_heading(&s->columns[col->sum_of[j]], "/", &basis);
		}
		check_cell(rep, r, i, &sum, basis.s, NULL);
		sbuf_free(&basis);
	}
}

static void check_table(struct check_report *rep, const struct table *t)
{
	for (const struct row *r = model_first_row(t); r; r = model_next_in_table(r)) {
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
static void sum_lines(const struct row *first, const struct cell_ref *ref, int where,
		      struct total *sum)
{
	for (const struct row *r = first; r; r = r->next) {
		if (r->of_which)
			continue;
		if (has_ordinary_children(r)) {
			sum_lines(r->child, ref, where, sum);
			continue;
		}
		const char *w = where >= 0 ? r->cells[where].s : NULL;
		if (where >= 0 && (!w || strncmp(w, ref->prefix, strlen(ref->prefix)) != 0))
			continue;
		total_add(sum, r, (size_t)ref->column);
	}
}

static void eval_lines(const struct cell_ref *ref, struct term_value *v, struct rowlist *rows)
{
	const struct table *t = ref->table;
	const struct side *s = ref->side;
	int where = ref->where ? model_column_index(s, ref->where) : -1;
	struct total sum = { 0 };
	if (where >= 0)
		sbuf_addf(&v->desc, msg(M_CHK_LINES_WHERE), t->label, s->columns[where].title,
			  ref->prefix);
	else if (ref->row_id)	/* a row the table lacks goes by its id */
		sbuf_addf(&v->desc, msg(M_CHK_LINES_UNDER), t->label,
			  ref->row ? model_row_name(ref->row) : ref->row_id);
	else
		sbuf_addf(&v->desc, msg(M_CHK_LINES_ALL), t->label);
	col_desc(&v->desc, s, (size_t)ref->column);
	if (t->incomplete) {
		incomplete_desc(&v->why, t);
		return;
	}
	if (ref->row_id && !ref->row) {
		sbuf_addf(&v->why, msg(M_CHK_NO_ROW), t->label, ref->row_id);
		return;
	}
	if (ref->row) {
		rowlist_add(rows, ref->row);
		sum_lines(ref->row->child, ref, where, &sum);
	} else {
		sum_lines(s->rows, ref, where, &sum);
	}
	if (sum.overflow)
		sbuf_addf(&v->why, msg(M_CHK_LINES_OVERFLOW), t->label);
	v->amount = sum.sum;
}

static void eval_cell(const struct cell_ref *ref, struct term_value *v, struct rowlist *rows)
{
	const struct table *t = ref->table;
	const struct row *r = ref->row;
	if (!r) {
		sbuf_addf(&v->desc, msg(M_CHK_ROW_ID), t->label, ref->row_id);
		if (t->incomplete)
			incomplete_desc(&v->why, t);
		else
			sbuf_addf(&v->why, msg(M_CHK_NO_ROW), t->label, ref->row_id);
		return;
	}
	row_desc(&v->desc, r);
	col_desc(&v->desc, r->side, (size_t)ref->column);
	v->amount = cell_amount(r, (size_t)ref->column);
	rowlist_add(rows, r);
}

static void eval_figure(const struct cell_ref *ref, struct term_value *v)
{
	const struct figure *f = ref->figure;
	figure_desc(&v->desc, f);
	v->unit = f->unit;
	switch (ref->field) {
	case FIELD_CHANGE:
		sbuf_add(&v->desc, msg(M_CHK_FIELD_CHANGE));
		if (!f->has_change)
			sbuf_addf(&v->why, msg(M_CHK_NO_CHANGE), f->id);
		v->amount = f->change;
		break;
	case FIELD_PRIOR:
		sbuf_add(&v->desc, msg(M_CHK_FIELD_PRIOR));
		if (!f->has_prior)
			sbuf_addf(&v->why, msg(M_CHK_NO_PRIOR), f->id);
		v->amount = f->prior;
		break;
	case FIELD_VALUE:
		if (!f->has_value)
			sbuf_addf(&v->why, msg(M_CHK_NO_VALUE), f->id);
		v->amount = f->value;
		break;
	}
}

/* Evaluate one term; rows collects the table rows it names. */
static void eval_term(const struct cell_ref *ref, struct term_value *v, struct rowlist *rows)
{
	if (ref->kind == REF_FIGURE) {
		eval_figure(ref, v);
		return;
	}
	if (!ref->table) {
		sbuf_add(&v->desc, ref->table_name);
		sbuf_addf(&v->why, msg(M_CHK_NO_TABLE), ref->table_name);
		return;
	}
	v->unit = ref->table->unit;
	if (ref->kind == REF_LINES)
		eval_lines(ref, v, rows);
	else
		eval_cell(ref, v, rows);
}

/* A side's sum and description; why gets the first reason it cannot be
 * evaluated.  *unit is the unit of the terms so far (NULL: none yet). */
static amount_t eval_side(const struct identity_side *s, struct sbuf *desc,
			  struct sbuf *why, const char **unit, struct rowlist *rows)
{
	amount_t sum = 0;
	for (size_t i = 0; i < s->nrefs; i++) {
		struct term_value v = { 0 };
		eval_term(&s->refs[i], &v, rows);
		sbuf_addf(desc, "%s%s", i ? " + " : "", v.desc.s ? v.desc.s : "");
		if (!why->len && v.why.len)
			sbuf_add(why, v.why.s);
		if (!why->len && v.unit && *unit && strcmp(v.unit, *unit) != 0)
			sbuf_addf(why, msg(M_CHK_UNITS), v.unit, *unit);
		if (v.unit && !*unit)
			*unit = v.unit;
		if (!why->len && !amount_add(sum, v.amount, &sum))
			sbuf_add(why, msg(M_CHK_TERMS_OVERFLOW));
		sbuf_free(&v.desc);
		sbuf_free(&v.why);
	}
	return sum;
}

/* The first table a side names, for the finding's table. */
static const struct table *side_table(const struct identity_side *s)
{
	for (size_t i = 0; i < s->nrefs; i++)
		if (s->refs[i].kind != REF_FIGURE && s->refs[i].table)
			return s->refs[i].table;
	return NULL;
}

/* Cross-table identities: left = right, as the data declares them. */
static void check_identity(struct check_report *rep, const struct identity *id)
{
	struct sbuf left = { 0 }, right = { 0 }, why = { 0 }, m = { 0 };
	struct rowlist rows = { 0 };
	const char *unit = NULL;
	amount_t l = eval_side(&id->left, &left, &why, &unit, &rows);
	amount_t r = eval_side(&id->right, &right, &why, &unit, &rows);
	enum check_status st = CHECK_FAIL;
	if (why.len) {
		sbuf_addf(&m, msg(M_CHK_IDENTITY_UNCHECKABLE), left.s, right.s, why.s);
		st = CHECK_UNCHECKABLE;
	} else {
		sbuf_addf(&m, "%s%s", left.s, msg(M_CHK_COLON));
		if (compare(&m, r, right.s, l, false))
			st = CHECK_PASS;
	}
	/* The dash glyph, so that --ascii writes "-". */
	sbuf_addf(&m, " %s %s", render_glyph(GLYPH_ABSENT), id->label);
	const struct table *t = side_table(&id->left);
	add_finding(rep, st, id->line, t ? t : side_table(&id->right), &rows, id->known, &m);
	sbuf_free(&left);
	sbuf_free(&right);
	sbuf_free(&why);
}

/* ---- stated figures ---------------------------------------------------------- */

/* The figures whose values identities use: those identities are their checks. */
static void figures_in_identities(const struct document *doc, struct strmap *used)
{
	for (size_t i = 0; i < doc->nidentities; i++) {
		const struct identity *id = &doc->identities[i];
		const struct identity_side *sides[] = { &id->left, &id->right };
		for (size_t s = 0; s < 2; s++)
			for (size_t j = 0; j < sides[s]->nrefs; j++) {
				const struct cell_ref *ref = &sides[s]->refs[j];
				if (ref->kind == REF_FIGURE && ref->field == FIELD_VALUE)
					strmap_put(used, ref->figure_id, (void *)ref);
			}
	}
}

/* The figure's value: stated, or the cell it names; false when neither. */
static bool figure_value(const struct figure *f, amount_t *out)
{
	if (f->has_value) {
		*out = f->value;
		return true;
	}
	if (f->ref.row && f->ref.column >= 0)
		return model_cell_number(f->ref.row, (size_t)f->ref.column, out);
	return false;
}

/* The stated value against the table cell the figure names. */
static void check_figure_value(struct check_report *rep, const struct figure *f,
			       const struct strmap *used)
{
	struct sbuf m = { 0 };
	struct rowlist rows = { 0 };
	enum check_status st = CHECK_UNCHECKABLE;
	if (!f->has_value || (!f->ref.table && strmap_get(used, f->id)))
		return;
	figure_desc(&m, f);
	sbuf_add(&m, msg(M_CHK_COLON));
	const struct row *r = f->ref.row;
	if (!f->ref.table) {
		sbuf_add(&m, msg(M_CHK_FIGURE_NO_REF));
		if (f->note)
			sbuf_addf(&m, msg(M_CHK_NOTE), f->note);
	} else if (strcmp(f->unit, f->ref.table->unit) != 0 &&
		   f->ref.side->columns[f->ref.column].type == COL_AMOUNT) {
		sbuf_addf(&m, msg(M_CHK_FIGURE_UNIT), f->unit, f->ref.table->label,
			  f->ref.table->unit);
	} else {
		struct sbuf basis = { 0 };
		row_desc(&basis, r);
		col_desc(&basis, r->side, (size_t)f->ref.column);
		if (cell_blank(r, (size_t)f->ref.column))
			sbuf_add(&basis, msg(M_CHK_BLANK_CELL));
		rowlist_add(&rows, r);
		st = compare(&m, cell_amount(r, (size_t)f->ref.column), basis.s, f->value, false)
		     ? CHECK_PASS : CHECK_FAIL;
		sbuf_free(&basis);
	}
	add_finding(rep, st, f->value_line ? f->value_line : f->line, f->ref.table, &rows,
		    f->known[FC_VALUE], &m);
}

/* A stated rate against num / den, rounded once, half away from zero, to
 * the places printed: "30%" agrees with 29.6% but not with 29.15%.
 * Appends "expected R (why), found S[, difference D]"; true when equal. */
static bool check_rate_value(struct sbuf *m, int64_t stated, int places, amount_t num,
			     amount_t den, const char *why, enum check_status *st)
{
	char want[AMOUNT_BUFSZ], found[AMOUNT_BUFSZ], d[AMOUNT_BUFSZ];
	int64_t expected;
	if (!rate_of_places(num, den, places, &expected)) {
		sbuf_addf(m, msg(M_CHK_NO_RATE), why);
		*st = CHECK_UNCHECKABLE;
		return false;
	}
	int64_t diff = stated - expected;
	sbuf_addf(m, msg(M_CHK_RATE_EXPECTED), rate_format(expected, places, want, sizeof want),
		  why, rate_format(stated, places, found, sizeof found));
	*st = CHECK_PASS;
	if (diff) {
		sbuf_addf(m, msg(M_CHK_RATE_DIFFERENCE), diff > 0 ? "+" : "",
			  amount_format(diff, d, sizeof d));
		*st = CHECK_FAIL;
	}
	return !diff;
}

/* The stated rate against change / (value - change). */
static void check_figure_rate(struct check_report *rep, const struct figure *f)
{
	struct sbuf m = { 0 }, why = { 0 };
	struct rowlist rows = { 0 };
	enum check_status st = CHECK_UNCHECKABLE;
	amount_t value, prior;
	char a[AMOUNT_BUFSZ], b[AMOUNT_BUFSZ];
	figure_desc(&m, f);
	sbuf_add(&m, msg(M_CHK_RATE));
	if (f->ref.kind == REF_CELL && f->ref.row)	/* a failing rate flags its row */
		rowlist_add(&rows, f->ref.row);
	if (!f->has_change) {
		sbuf_add(&m, msg(M_CHK_RATE_NO_CHANGE));
	} else if (!figure_value(f, &value)) {
		sbuf_add(&m, msg(M_CHK_RATE_NO_VALUE));
	} else if (!amount_add(value, -f->change, &prior)) {
		sbuf_add(&m, msg(M_CHK_RATE_OVERFLOW));
	} else {
		sbuf_addf(&why, msg(M_CHK_RATE_BASIS), amount_format(f->change, a, sizeof a),
			  amount_format(prior, b, sizeof b));
		check_rate_value(&m, f->rate, f->rate_places, f->change, prior, why.s, &st);
	}
	add_finding(rep, st, f->rate_line ? f->rate_line : f->line, f->ref.table, &rows,
		    f->known[FC_RATE], &m);
	sbuf_free(&why);
}

/* What a share is of: a figure's value, or a cell. */
static bool share_base(const struct cell_ref *ref, amount_t *out, struct sbuf *desc)
{
	if (ref->kind == REF_FIGURE) {
		figure_desc(desc, ref->figure);
		return figure_value(ref->figure, out);
	}
	if (!ref->row)
		return false;
	row_desc(desc, ref->row);
	col_desc(desc, ref->row->side, (size_t)ref->column);
	*out = cell_amount(ref->row, (size_t)ref->column);
	return true;
}

/* The stated share against value / base, at the places printed. */
static void check_figure_share(struct check_report *rep, const struct figure *f)
{
	struct sbuf m = { 0 }, base = { 0 };
	struct rowlist rows = { 0 };
	enum check_status st = CHECK_UNCHECKABLE;
	amount_t value, of;
	figure_desc(&m, f);
	sbuf_add(&m, msg(M_CHK_SHARE));
	if (!figure_value(f, &value)) {
		sbuf_add(&m, msg(M_CHK_SHARE_NO_VALUE));
	} else if (!share_base(&f->share_of, &of, &base)) {
		sbuf_add(&m, msg(M_CHK_SHARE_NO_BASE));
	} else {
		struct sbuf why = { 0 };
		char a[AMOUNT_BUFSZ], b[AMOUNT_BUFSZ];
		sbuf_addf(&why, msg(M_CHK_SHARE_BASIS), amount_format(value, a, sizeof a),
			  amount_format(of, b, sizeof b), base.s);
		check_rate_value(&m, f->share, f->share_places, value, of, why.s, &st);
		sbuf_free(&why);
		if (f->share_of.row)
			rowlist_add(&rows, f->share_of.row);
	}
	add_finding(rep, st, f->share_line ? f->share_line : f->line, f->ref.table, &rows,
		    f->known[FC_SHARE], &m);
	sbuf_free(&base);
}

static void check_figures(struct check_report *rep, const struct document *doc)
{
	struct strmap used = { 0 };
	figures_in_identities(doc, &used);
	for (const struct section *s = doc->parts; s; s = model_next_section(s))
		for (size_t i = 0; i < s->nfigures; i++) {
			const struct figure *f = &s->figures[i];
			check_figure_value(rep, f, &used);
			if (f->has_rate)
				check_figure_rate(rep, f);
			if (f->has_share)
				check_figure_share(rep, f);
		}
	strmap_free(&used);
}

/* ---- against the prior year's own file ----------------------------------------- */

/* A stated change (or prior, or rate) against the prior file's cell that
 * the comparison pairs with the figure's cell. */
static void check_against(struct check_report *rep, const struct comparison *cmp,
			  const struct figure *f)
{
	const struct row *r = f->ref.row;
	if (!r || f->ref.column < 0 || f->quantity || f->not_comparable ||
	    !(f->has_change || f->has_prior || f->has_rate))
		return;
	const struct cmp_table *ct = compare_table(cmp, r->side->table);
	const struct row *p = ct ? ct->prior[r->index] : NULL;
	struct sbuf m = { 0 }, basis = { 0 };
	struct rowlist rows = { 0 };
	amount_t old, value;
	char a[AMOUNT_BUFSZ], b[AMOUNT_BUFSZ];
	rowlist_add(&rows, r);
	figure_desc(&m, f);
	if (!p || !compare_prior(cmp, r, (size_t)f->ref.column, &old)) {
		/* New this year: rightly absent. */
		enum check_status st = f->is_new ? CHECK_PASS : CHECK_UNCHECKABLE;
		sbuf_addf(&m, msg(f->is_new ? M_CHK_X_NEW : M_CHK_X_NO_CELL), cmp->old->path);
		add_finding(rep, st, f->change_line ? f->change_line : f->line, r->side->table,
			    &rows, NULL, &m);
		return;
	}
	sbuf_addf(&basis, "%s:%d %s", cmp->old->path, p->line, amount_format(old, a, sizeof a));
	if (f->is_new) {
		sbuf_addf(&m, msg(M_CHK_X_NOT_NEW), basis.s);
		add_finding(rep, old ? CHECK_FAIL : CHECK_PASS, f->line, r->side->table, &rows,
			    f->known[FC_CHANGE], &m);
		sbuf_free(&basis);
		return;
	}
	rep->cross_year++;
	if (f->has_prior) {
		struct sbuf pm = { 0 };
		figure_desc(&pm, f);
		sbuf_add(&pm, msg(M_CHK_X_PRIOR));
		enum check_status st = compare(&pm, old, basis.s, f->prior, false)
				       ? CHECK_PASS : CHECK_FAIL;
		struct rowlist pr = { 0 };
		rowlist_add(&pr, r);
		add_finding(rep, st, f->prior_line ? f->prior_line : f->line, r->side->table,
			    &pr, f->known[FC_PRIOR], &pm);
	}
	if (!figure_value(f, &value) || !amount_add(value, -old, &value)) {
		sbuf_free(&m);
		sbuf_free(&basis);
		free(rows.v);
		return;
	}
	amount_t change = value;	/* this year's value less the prior file's */
	if (f->has_change) {
		struct sbuf why = { 0 };
		sbuf_addf(&why, msg(M_CHK_X_CHANGE_BASIS), basis.s);
		sbuf_add(&m, msg(M_CHK_X_CHANGE));
		enum check_status st = compare(&m, change, why.s, f->change, false)
				       ? CHECK_PASS : CHECK_FAIL;
		add_finding(rep, st, f->change_line ? f->change_line : f->line,
			    r->side->table, &rows, f->known[FC_CHANGE], &m);
		sbuf_free(&why);
	} else {
		sbuf_free(&m);
		free(rows.v);
	}
	if (f->has_rate) {
		struct sbuf rm = { 0 }, why = { 0 };
		struct rowlist rr = { 0 };
		enum check_status st;
		rowlist_add(&rr, r);
		figure_desc(&rm, f);
		sbuf_add(&rm, msg(M_CHK_X_RATE));
		sbuf_addf(&why, msg(M_CHK_RATE_BASIS), amount_format(change, a, sizeof a),
			  amount_format(old, b, sizeof b));
		sbuf_addf(&why, " (%s)", basis.s);
		check_rate_value(&rm, f->rate, f->rate_places, change, old, why.s, &st);
		add_finding(rep, st, f->rate_line ? f->rate_line : f->line, r->side->table,
			    &rr, f->known[FC_RATE], &rm);
		sbuf_free(&why);
	}
	sbuf_free(&basis);
}

static void check_cross_year(struct check_report *rep, const struct document *doc,
			     const struct comparison *cmp)
{
	rep->prior_path = cmp->old->path;
	for (const struct section *s = doc->parts; s; s = model_next_section(s))
		for (size_t i = 0; i < s->nfigures; i++)
			check_against(rep, cmp, &s->figures[i]);
}

/* ---- the report ------------------------------------------------------------------ */

static size_t table_index(const struct document *doc, const struct table *t)
{
	return (size_t)(t - doc->tables);
}

/* The browser asks for every row it draws: index the worst finding of
 * each row once, rather than search all findings each time. */
static void index_rows(struct check_report *rep, const struct document *doc)
{
	rep->doc = doc;
	rep->worst = xcalloc(doc->ntables + 1, sizeof *rep->worst);
	rep->failures = xcalloc(doc->ntables + 1, sizeof *rep->failures);
	for (size_t t = 0; t < doc->ntables; t++)
		rep->worst[t] = xcalloc(doc->tables[t].nall + 1, sizeof **rep->worst);
	for (size_t i = 0; i < rep->n; i++)
		if (rep->v[i].status == CHECK_FAIL && rep->v[i].table &&
		    rep->v[i].table->doc == doc)
			rep->failures[table_index(doc, rep->v[i].table)]++;
	for (size_t i = 0; i < rep->n; i++)
		for (size_t j = 0; j < rep->v[i].nrows; j++) {
			const struct row *r = rep->v[i].rows[j];
			const struct table *t = r->side->table;
			if (t->doc != doc)
				continue;
			size_t *w = &rep->worst[table_index(doc, t)][r->index];
			if (!*w || rep->v[i].status > rep->v[*w - 1].status)
				*w = i + 1;
		}
}

void check_document(const struct document *doc, const struct comparison *cmp,
		    struct check_report *rep)
{
	*rep = (struct check_report){ 0 };
	/* Narrative, tables, identities: the order they come in a budget file. */
	check_figures(rep, doc);
	for (size_t i = 0; i < doc->ntables; i++)
		check_table(rep, &doc->tables[i]);
	for (size_t i = 0; i < doc->nidentities; i++)
		check_identity(rep, &doc->identities[i]);
	if (cmp && cmp->old)
		check_cross_year(rep, doc, cmp);
	index_rows(rep, doc);
}

const struct finding *check_row_worst(const struct check_report *rep, const struct row *r)
{
	r = r ? compare_origin_row(r) : NULL;
	if (!rep->worst || !r || r->side->table->doc != rep->doc)
		return NULL;
	size_t w = rep->worst[table_index(rep->doc, r->side->table)][r->index];
	return w ? &rep->v[w - 1] : NULL;
}

enum check_status check_row_status(const struct check_report *rep, const struct row *r)
{
	const struct finding *f = check_row_worst(rep, r);
	return f ? f->status : CHECK_NONE;
}

size_t check_table_failures(const struct check_report *rep, const struct table *t)
{
	if (!rep->failures || t->doc != rep->doc)
		return 0;
	return rep->failures[table_index(rep->doc, t)];
}

void check_summary(const struct check_report *rep, struct sbuf *out)
{
	sbuf_addf(out, msg(M_CHK_SUMMARY), rep->checks, rep->passed, rep->failed,
		  rep->uncheckable);
	if (rep->known)
		sbuf_addf(out, msg(rep->known == 1 ? M_CHK_SUMMARY_KNOWN_ONE : M_CHK_SUMMARY_KNOWN),
			  rep->known);
	if (rep->prior_path)
		sbuf_addf(out, msg(M_CHK_SUMMARY_CROSS), rep->cross_year, rep->prior_path);
}

void check_print_findings(const struct document *doc, const struct check_report *rep, FILE *f)
{
	for (size_t i = 0; i < rep->n; i++) {
		const struct finding *x = &rep->v[i];
		if (x->status == CHECK_PASS)
			continue;
		if (x->line)
			fprintf(f, "%s:%d: %s\n", doc->path, x->line, x->message);
		else	/* made by the program, not read from a file */
			fprintf(f, "%s: %s\n", doc->path, x->message);
	}
}

void check_print(const struct document *doc, const struct check_report *rep, FILE *f)
{
	struct sbuf b = { 0 };
	check_print_findings(doc, rep, f);
	check_summary(rep, &b);
	fprintf(f, "%s\n", b.s);
	sbuf_free(&b);
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
	free(rep->failures);
	free(rep->v);
	*rep = (struct check_report){ 0 };
}
