/* compare.c: matching a budget against the prior year. */
#define _XOPEN_SOURCE 700
#include "report/compare.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "doc/strmap.h"
#include "doc/util.h"

/* ---- names ------------------------------------------------------------- */

static bool is_space(wchar_t c)
{
	return c == L' ' || c == L'\t' || c == L'\n' || c == 0x3000;
}

/* Full-width forms U+FF01..FF5E are ASCII shifted by 0xFEE0. */
static wchar_t fold_width(wchar_t c)
{
	return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
}

static bool is_numeral(wchar_t c)
{
	return wcschr(L"一二三四五六七八九十", c) || (c >= L'0' && c <= L'9');
}

/* Length of a leading enumerator: "一、", "(一)", "1.", "其中:" (already
 * folded to half-width), or 0. */
static size_t enumerator_len(const wchar_t *s)
{
	if (wcsncmp(s, L"其中:", 3) == 0)
		return 3;
	size_t i = s[0] == L'(' ? 1 : 0;
	size_t start = i;
	while (s[i] && is_numeral(s[i]))
		i++;
	if (i == start)
		return 0;
	if (start && s[i] == L')')
		return i + 1;
	if (!start && (s[i] == L'、' || s[i] == L'.'))
		return i + 1;
	return 0;
}

char *compare_normalise(const char *name)
{
	size_t n = strlen(name);
	wchar_t *w = xmalloc((n + 1) * sizeof *w);
	size_t len = 0;
	for (const char *p = name; *p;) {
		wchar_t c;
		size_t k = text_decode(p, &c);
		if (!k) {
			c = 0xFFFD;	/* an invalid byte, as everywhere else */
			k = 1;
		}
		p += k;
		c = fold_width(c);
		if (!is_space(c))
			w[len++] = c;
	}
	w[len] = 0;
	size_t skip;
	const wchar_t *s = w;
	while ((skip = enumerator_len(s)))
		s += skip;
	/* An invalid byte grows to the three bytes of U+FFFD. */
	char *out = xmalloc(n * 3 + MB_CUR_MAX + 1);
	size_t o = 0;
	mbstate_t st = { 0 };
	for (; *s; s++) {
		size_t k = wcrtomb(out + o, *s, &st);
		o += k == (size_t)-1 ? 0 : k;
	}
	out[o] = '\0';
	free(w);
	return out;
}

/* ---- matching ------------------------------------------------------------ */

static void alloc_rows(struct cmp_table *ct)
{
	size_t n = ct->cur->nall ? ct->cur->nall : 1, cols = ct->cur->ncolumns + 1;
	ct->rows = xcalloc(n, sizeof *ct->rows);
	ct->old_column = xmalloc(cols * sizeof *ct->old_column);
	for (size_t i = 0; i < cols; i++)
		ct->old_column[i] = -1;
	for (size_t i = 0; i < ct->cur->nall; i++) {
		ct->rows[i].has_prior = xcalloc(cols, sizeof *ct->rows[i].has_prior);
		ct->rows[i].prior_amount = xcalloc(cols, sizeof *ct->rows[i].prior_amount);
	}
}

/* The unclaimed prior table of t's kind: the one with t's number, or else
 * (second pass, exact = false) the only unclaimed one of that kind. */
static const struct table *match_table(const struct document *old,
				       const struct table *t, const bool *claimed,
				       bool exact)
{
	const struct table *only = NULL;
	size_t same_kind = 0;
	for (size_t i = 0; i < old->ntables; i++) {
		const struct table *o = &old->tables[i];
		if (o->kind != t->kind || claimed[i])
			continue;
		if (o->number == t->number)
			return o;
		only = o;
		same_kind++;
	}
	return !exact && same_kind == 1 ? only : NULL;
}

/* Pair each current table with at most one prior table, and each prior
 * table with at most one current table; list the prior tables left over. */
static void match_tables(struct comparison *c)
{
	const struct document *old = c->old;
	bool *claimed = xcalloc(old->ntables + 1, sizeof *claimed);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < c->cur->ntables; i++) {
			struct cmp_table *ct = &c->tables[i];
			if (ct->old)
				continue;
			ct->old = match_table(old, ct->cur, claimed, pass == 0);
			if (ct->old)
				claimed[ct->old - old->tables] = true;
		}
	c->old_unmatched = xcalloc(old->ntables + 1, sizeof *c->old_unmatched);
	for (size_t i = 0; i < old->ntables; i++)
		if (!claimed[i]) {
			c->old_unmatched[c->nold_unmatched++] = &old->tables[i];
			c->counts.dropped += old->tables[i].nall;
		}
	free(claimed);
}

/* Column of o matching column i of t: same key, else same normalised title. */
static int match_column(const struct table *t, size_t i, const struct table *o)
{
	int k = model_column_index(o, t->columns[i].key);
	if (k >= 0 && o->columns[k].type == COL_AMOUNT)
		return k;
	char *want = compare_normalise(t->columns[i].title);
	k = -1;
	for (size_t j = 0; j < o->ncolumns && k < 0; j++) {
		char *have = compare_normalise(o->columns[j].title);
		if (o->columns[j].type == COL_AMOUNT && strcmp(want, have) == 0)
			k = (int)j;
		free(have);
	}
	free(want);
	return k;
}

/* Lookups over one table's rows, built once per comparison. */
struct row_index {
	struct strmap by_code;		/* code → rows */
	struct strmap by_name;		/* normalised name → rows */
};

static void index_rows(const struct table *t, struct row_index *ix)
{
	memset(ix, 0, sizeof *ix);
	for (const struct row *r = t->rows; r; r = model_next_row(r)) {
		if (r->code && *r->code)
			strmap_put(&ix->by_code, r->code, (void *)r);
		char *name = compare_normalise(r->name);
		strmap_put(&ix->by_name, name, (void *)r);
		free(name);
	}
}

static void index_free(struct row_index *ix)
{
	strmap_free(&ix->by_code);
	strmap_free(&ix->by_name);
}

/* The first unmatched prior row with r's code, or (names = true) with its
 * normalised name.  Unit codes repeat down a table (161001): a repeated
 * code only matches together with the name. */
static const struct row *match_row(const struct row_index *old_ix,
				   const struct row_index *cur_ix, const struct row *r,
				   const char *name, const bool *taken, bool names)
{
	const struct row *p;
	size_t pos = 0;
	if (!names && r->code && *r->code) {
		bool unique = strmap_count(&old_ix->by_code, r->code) == 1 &&
			      strmap_count(&cur_ix->by_code, r->code) == 1;
		while ((p = strmap_next(&old_ix->by_code, r->code, &pos))) {
			if (taken[p->index])
				continue;
			char *other = unique ? NULL : compare_normalise(p->name);
			bool ok = unique || strcmp(other, name) == 0;
			free(other);
			if (ok)
				return p;
		}
		return NULL;
	}
	while (names && (p = strmap_next(&old_ix->by_name, name, &pos)))
		if (!taken[p->index])
			return p;
	return NULL;
}

static void compare_with_file(struct cmp_table *ct)
{
	const struct table *t = ct->cur, *o = ct->old;
	bool *taken = xcalloc(o->nall + 1, sizeof *taken);
	int *cols = ct->old_column;
	struct row_index old_ix, cur_ix;
	index_rows(o, &old_ix);
	index_rows(t, &cur_ix);
	for (size_t i = 0; i < t->ncolumns; i++)
		if (t->columns[i].type == COL_AMOUNT)
			cols[i] = match_column(t, i, o);
	/* Codes first across the whole table, then names, so that a name
	 * match never takes a row that a later code would have matched. */
	for (int pass = 0; pass < 2; pass++)
		for (const struct row *r = t->rows; r; r = model_next_row(r)) {
			struct cmp_row *cr = &ct->rows[r->index];
			if (cr->prior)
				continue;
			char *name = compare_normalise(r->name);
			const struct row *p = match_row(&old_ix, &cur_ix, r, name, taken, pass);
			free(name);
			if (!p)
				continue;
			taken[p->index] = true;
			cr->prior = p;
			cr->how = pass ? MATCH_NAME : MATCH_CODE;
			for (size_t i = 0; i < t->ncolumns; i++)
				if (cols[i] >= 0 && !p->cells[cols[i]].blank) {
					cr->has_prior[i] = true;
					cr->prior_amount[i] = p->cells[cols[i]].amount;
				}
		}
	ct->dropped = xcalloc(o->nall + 1, sizeof *ct->dropped);
	for (const struct row *p = o->rows; p; p = model_next_row(p))
		if (!taken[p->index])
			ct->dropped[ct->ndropped++] = p;
	index_free(&old_ix);
	index_free(&cur_ix);
	free(taken);
}

/* Count how the rows of ct matched, into ct and the document total. */
static void count_matches(struct comparison *c, struct cmp_table *ct)
{
	struct cmp_counts *n = &ct->counts;
	for (const struct row *r = ct->cur->rows; r; r = model_next_row(r)) {
		enum match_how how = ct->rows[r->index].how;
		n->by_code += how == MATCH_CODE;
		n->by_name += how == MATCH_NAME;
		n->stated += how == MATCH_STATED;
		n->added += how == MATCH_NONE && c->old;
	}
	n->dropped = ct->ndropped;
	c->counts.by_code += n->by_code;
	c->counts.by_name += n->by_name;
	c->counts.stated += n->stated;
	c->counts.added += n->added;
	c->counts.dropped += n->dropped;
}

/* Stated mode: each figure with a change and a reference gives its cell a
 * prior-year figure of value - change; nothing else has one. */
static void compare_with_stated(struct comparison *c)
{
	const struct document *doc = c->cur;
	for (const struct section *s = doc->parts; s; s = model_next_section(s))
		for (size_t i = 0; i < s->nfigures; i++) {
			const struct figure *f = &s->figures[i];
			const struct table *t = f->ref_table ? model_find_table(doc, f->ref_table) : NULL;
			const struct row *r = t ? model_find_row_id(t, f->ref_row) : NULL;
			if (!f->has_change || !r)
				continue;
			int col = model_amount_column(t, f->ref_column);
			struct cmp_row *cr = &c->tables[t - doc->tables].rows[r->index];
			amount_t prior;
			if (col < 0 || cr->has_prior[col] ||
			    !amount_add(f->value, -f->change, &prior))
				continue;
			cr->how = MATCH_STATED;
			cr->has_prior[col] = true;
			cr->prior_amount[col] = prior;
		}
}

void compare_build(struct comparison *c, const struct document *cur,
		   const struct document *old)
{
	memset(c, 0, sizeof *c);
	c->cur = cur;
	c->old = old;
	c->tables = xcalloc(cur->ntables + 1, sizeof *c->tables);
	for (size_t i = 0; i < cur->ntables; i++) {
		c->tables[i].cur = &cur->tables[i];
		alloc_rows(&c->tables[i]);
	}
	if (old)
		match_tables(c);
	for (size_t i = 0; i < cur->ntables; i++)
		if (c->tables[i].old)
			compare_with_file(&c->tables[i]);
	if (!old)
		compare_with_stated(c);
	for (size_t i = 0; i < cur->ntables; i++)
		count_matches(c, &c->tables[i]);
}

void compare_free(struct comparison *c)
{
	for (size_t i = 0; c->tables && i < c->cur->ntables; i++) {
		struct cmp_table *ct = &c->tables[i];
		for (size_t j = 0; j < ct->cur->nall; j++) {
			free(ct->rows[j].has_prior);
			free(ct->rows[j].prior_amount);
		}
		free(ct->rows);
		free(ct->old_column);
		free(ct->dropped);
	}
	free(c->tables);
	free(c->old_unmatched);
	memset(c, 0, sizeof *c);
}

/* ---- results ----------------------------------------------------------------- */

const struct cmp_table *compare_table(const struct comparison *c, const struct table *t)
{
	return &c->tables[t - c->cur->tables];
}

const struct cmp_row *compare_row(const struct comparison *c, const struct row *r)
{
	return &compare_table(c, r->table)->rows[r->index];
}

bool compare_change(const struct comparison *c, const struct row *r, size_t col,
		    amount_t *change, int64_t *rate, bool *has_rate)
{
	const struct cmp_row *cr = compare_row(c, r);
	/* Beyond the largest amount there is no change to show. */
	if (!cr->has_prior[col] || r->cells[col].blank ||
	    !amount_add(r->cells[col].amount, -cr->prior_amount[col], change))
		return false;
	*has_rate = rate_of(*change, cr->prior_amount[col], rate);
	return true;
}

void compare_cells(const struct comparison *c, const struct row *r, size_t col,
		   char *cur, char *prior, char *change, char *rate)
{
	const struct cmp_row *cr = compare_row(c, r);
	amount_t d;
	int64_t pct;
	bool has_rate;
	strcpy(cur, COMPARE_ABSENT);
	strcpy(prior, COMPARE_ABSENT);
	strcpy(change, COMPARE_ABSENT);
	strcpy(rate, COMPARE_ABSENT);
	if (!r->cells[col].blank)
		amount_format(r->cells[col].amount, cur, AMOUNT_BUFSZ);
	if (cr->has_prior[col])
		amount_format(cr->prior_amount[col], prior, AMOUNT_BUFSZ);
	if (!compare_change(c, r, col, &d, &pct, &has_rate))
		return;
	amount_format(d, change + (d > 0), AMOUNT_BUFSZ - 1);
	if (d > 0)
		change[0] = '+';
	if (has_rate)
		rate_format(pct, 2, rate, AMOUNT_BUFSZ);
}

bool compare_dropped_amount(const struct comparison *c, const struct table *t,
			    const struct row *p, size_t col, amount_t *out)
{
	int oc = compare_table(c, t)->old_column[col];
	if (oc < 0 || p->cells[oc].blank)
		return false;
	*out = p->cells[oc].amount;
	return true;
}

const char *compare_mark(const struct comparison *c, const struct row *r)
{
	switch (compare_row(c, r)->how) {
	case MATCH_CODE:
	case MATCH_STATED:
		return "";
	case MATCH_NAME:
		return "按名称";
	default:
		return c->old ? "新增" : "";
	}
}

void compare_summary(const struct comparison *c, const struct cmp_counts *n,
		     bool chinese, struct sbuf *out)
{
	if (c->old && chinese)
		sbuf_addf(out, "按编码匹配 %zu 行，按名称 %zu 行，新增 %zu 行，取消 %zu 行",
			  n->by_code, n->by_name, n->added, n->dropped);
	else if (c->old)
		sbuf_addf(out, "%zu rows matched by code, %zu by name, %zu new, %zu dropped",
			  n->by_code, n->by_name, n->added, n->dropped);
	else if (chinese)
		sbuf_addf(out, "%zu 行有本文件所述的上年数", n->stated);
	else
		sbuf_addf(out, "%zu rows with a stated prior-year figure", n->stated);
}
