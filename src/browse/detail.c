/* detail.c: the detail pane's text for a row or a section. */
#include "browse/detail.h"

#include <string.h>

#include "doc/classify.h"
#include "doc/msg.h"
#include "doc/text.h"
#include "report/compare.h"
#include "report/render.h"

static void heading(struct lines *out, const char *text)
{
	lines_add(out, STYLE_PLAIN, NULL, "");
	lines_add(out, STYLE_HEADING, NULL, text);
}

/* "label：text" wrapped, continuation lines under the text. */
static void labelled(struct lines *out, enum line_style style, const char *label,
		     const char *text, int width)
{
	struct sbuf b = { 0 };
	sbuf_addf(&b, msg(M_LABELLED), label);
	lines_add_hanging(out, style, b.s, text, 2, width);
	sbuf_free(&b);
}

/* A row named as the table prints it: code, then its labels. */
static void row_name(const struct row *r, struct sbuf *b)
{
	if (r->code)
		sbuf_addf(b, "%s  ", r->code);
	size_t before = b->len;
	model_row_labels(r, b);
	if (b->len == before)
		sbuf_add(b, msg(M_DETAIL_NO_NAME));
}

/* The path of the row from the top, by code and name with the code's
 * level, or by names: "201 一般公共服务支出（类） › 20103 …". */
static void path(const struct row *r, struct sbuf *b)
{
	if (r->parent) {
		path(r->parent, b);
		sbuf_addf(b, " %s ", render_glyph(GLYPH_PATH));
	}
	if (r->code)
		sbuf_addf(b, "%s ", r->code);
	const char *name = model_row_name(r);
	sbuf_add(b, *name ? name : "~");
	const char *level = classify_level_name(r->code);
	if (level)
		sbuf_addf(b, msg(M_DETAIL_LEVEL), level);
}

/* The row's text fields, each under its title. */
static void texts(const struct row *r, int width, struct lines *out)
{
	const struct table *t = r->side->table;
	for (size_t i = 0; r->texts && i < t->ntexts; i++) {
		if (!r->texts[i])
			continue;
		heading(out, t->texts[i].title);
		lines_add_wrapped(out, STYLE_TEXT, r->texts[i], 2, width);
	}
}

struct linked_ctx {
	struct lines *out;
	int width;
	const struct table *last;	/* the table of the previous line */
};

/* One line of another table that belongs to the row: its labels and its
 * main amount, then its text and quantity cells, each labelled. */
static void linked_line(const struct row *r, void *ctx)
{
	struct linked_ctx *lc = ctx;
	const struct side *s = r->side;
	const struct table *t = s->table;
	struct sbuf b = { 0 };
	if (t != lc->last) {
		sbuf_addf(&b, "%s  %s", t->label, t->title);
		heading(lc->out, b.s);
		sbuf_clear(&b);
		lc->last = t;
	}
	sbuf_addf(&b, "%s ", render_glyph(GLYPH_BULLET));
	model_row_labels(r, &b);
	if (s->main >= 0) {
		sbuf_add(&b, "  ");
		render_cell(r, (size_t)s->main, &b);
	}
	lines_add_wrapped(lc->out, STYLE_TEXT, b.s, 2, lc->width);
	/* Descend into a group of lines: its own lines are what is bought. */
	for (const struct row *c = r->child; c; c = c->next)
		linked_line(c, ctx);
	for (size_t i = 0; i < s->ncolumns; i++) {
		const struct column *c = &s->columns[i];
		if (c->type == COL_AMOUNT || (c->type == COL_TEXT && !r->cells[i].s))
			continue;
		/* A unit column is said with its quantity. */
		bool unit_of = false;
		for (size_t k = 0; k < s->ncolumns; k++)
			unit_of |= s->columns[k].unit_column == (int)i;
		if (unit_of)
			continue;
		sbuf_clear(&b);
		render_cell(r, i, &b);
		if (c->type == COL_QUANTITY && c->unit_column >= 0 && r->cells[c->unit_column].s)
			sbuf_addf(&b, " %s", r->cells[c->unit_column].s);
		if (!b.len)
			continue;
		struct sbuf label = { 0 };
		render_column_heading(c, "/", &label);
		struct sbuf line = { 0 };
		sbuf_addf(&line, msg(M_LABELLED), label.s);
		lines_add_hanging(lc->out, STYLE_TEXT, line.s, b.s, 4, lc->width);
		sbuf_free(&line);
		sbuf_free(&label);
	}
	sbuf_free(&b);
}

/* Every data column in full: figures that are not zero one to a line,
 * the zero ones and the blank ones folded into one line each. */
static void columns(const struct row *r, int width, struct lines *out)
{
	const struct side *s = r->side;
	struct sbuf b = { 0 }, zero = { 0 }, blank = { 0 };
	for (size_t i = 0; i < s->ncolumns; i++) {
		const struct column *c = &s->columns[i];
		int64_t v;
		struct sbuf *fold = NULL;
		if (c->type == COL_TEXT ? !r->cells[i].s : r->cells[i].n == CELL_BLANK)
			fold = &blank;
		else if (c->type != COL_TEXT && model_cell_number(r, i, &v) && v == 0)
			fold = &zero;
		if (fold) {
			if (fold->len)
				sbuf_add(fold, msg(M_LIST_SEPARATOR));
			render_column_heading(c, "/", fold);
			continue;
		}
		sbuf_clear(&b);
		render_cell(r, i, &b);
		struct sbuf head = { 0 };
		render_column_heading(c, " / ", &head);
		labelled(out, STYLE_TEXT, head.s, b.s, width);
		sbuf_free(&head);
	}
	if (zero.len)
		labelled(out, STYLE_META, msg(M_DETAIL_ZERO), zero.s, width);
	if (blank.len)
		labelled(out, STYLE_META, msg(M_DETAIL_BLANK), blank.s, width);
	sbuf_free(&b);
	sbuf_free(&zero);
	sbuf_free(&blank);
}

/* "45.36%", or a dash when there is no share. */
static void share_line(const struct row *r, const struct row *base, const char *label,
		       int width, struct lines *out)
{
	char buf[AMOUNT_BUFSZ];
	int64_t rate;
	labelled(out, STYLE_TEXT, label, model_share(r, base, &rate) ?
		 rate_format(rate, 2, buf, sizeof buf) : render_glyph(GLYPH_ABSENT), width);
}

static void shares(const struct row *r, int width, struct lines *out)
{
	const struct row *base = model_share_base(r);
	const struct row *total = r->side->total ? r->side->total : r->side->table->total;
	struct sbuf label = { 0 };
	if (r->side->main < 0)
		return;
	if (r->parent) {
		sbuf_add(&label, msg(M_DETAIL_SHARE_OF_PARENT));
		sbuf_add(&label, " ");
		row_name(r->parent, &label);
		share_line(r, base, label.s, width, out);
	}
	if (total && total != r && total != r->parent && total->side == r->side)
		share_line(r, total, msg(M_DETAIL_SHARE_OF_TOTAL), width, out);
	sbuf_free(&label);
}

static const char *status_name(enum check_status s)
{
	switch (s) {
	case CHECK_PASS: return msg(M_DETAIL_CHECK_PASS);
	case CHECK_KNOWN: return msg(M_DETAIL_CHECK_KNOWN);
	case CHECK_UNCHECKABLE: return msg(M_DETAIL_CHECK_UNCHECKABLE);
	case CHECK_FAIL: return msg(M_DETAIL_CHECK_FAIL);
	case CHECK_NONE: break;
	}
	return msg(M_DETAIL_CHECK_NONE);
}

static void check(const struct check_report *rep, const struct row *r, int width,
		  struct lines *out)
{
	const struct finding *f = check_row_worst(rep, r);
	enum check_status st = f ? f->status : CHECK_NONE;
	struct sbuf b = { 0 };
	sbuf_add(&b, status_name(st));
	if (f && st != CHECK_PASS)
		sbuf_addf(&b, "%s%s", msg(M_CHK_COLON), f->message);
	labelled(out, st == CHECK_FAIL ? STYLE_WARN : STYLE_TEXT, msg(M_DETAIL_CHECK), b.s, width);
	sbuf_free(&b);
}

/* How a compared row pairs with the prior year, and what the document
 * states of it. */
static void pairing(const struct row *r, int width, struct lines *out)
{
	const struct derived_row *d = compare_derived_row(r);
	const struct derivation *dv = r->side->table->derived;
	struct sbuf b = { 0 };
	static const enum msg_id how[] = {
		[MATCH_NONE] = M_DETAIL_MATCH_NONE, [MATCH_CODE] = M_DETAIL_MATCH_CODE,
		[MATCH_ID] = M_DETAIL_MATCH_ID, [MATCH_NAME] = M_DETAIL_MATCH_NAME,
		[MATCH_POSITION] = M_DETAIL_MATCH_POSITION, [MATCH_STATED] = M_DETAIL_MATCH_STATED,
	};
	heading(out, msg(M_DETAIL_AGAINST_PRIOR));
	if (!d->cur)
		sbuf_add(&b, msg(M_DETAIL_DROPPED));
	else if (!dv->cmp->old)
		sbuf_add(&b, msg(d->stated ? M_DETAIL_MATCH_STATED : M_DETAIL_NOT_STATED));
	else
		sbuf_add(&b, msg(how[d->how]));
	if (d->prior && d->cur) {
		sbuf_add(&b, msg(M_CHK_COLON));
		row_name(d->prior, &b);
	}
	lines_add_wrapped(out, STYLE_TEXT, b.s, 2, width);
	if (d->renamed || d->moved || d->recoded) {
		sbuf_clear(&b);
		sbuf_add(&b, msg(d->moved ? M_DETAIL_MOVED : d->renamed ? M_DETAIL_RENAMED
							     : M_DETAIL_RECODED));
		lines_add_wrapped(out, STYLE_META, b.s, 2, width);
	}
	if (d->stated) {
		char c[AMOUNT_BUFSZ], rt[AMOUNT_BUFSZ];
		const struct figure *f = d->stated;
		sbuf_clear(&b);
		sbuf_addf(&b, msg(M_DETAIL_STATED), f->label,
			  f->has_change ? amount_format(f->change, c, sizeof c) : render_glyph(GLYPH_ABSENT),
			  f->has_rate ? rate_format(f->rate, f->rate_places, rt, sizeof rt)
				      : render_glyph(GLYPH_ABSENT));
		lines_add_wrapped(out, d->differs ? STYLE_WARN : STYLE_TEXT, b.s, 2, width);
		if (d->differs)
			lines_add_wrapped(out, STYLE_WARN, msg(M_DETAIL_DIFFERS), 2, width);
	}
	if (!d->cur && d->prior) {
		/* A dropped row: what it was. */
		const struct side *ps = d->prior->side;
		for (size_t i = 0; i < ps->ncolumns; i++) {
			if (ps->columns[i].type != COL_AMOUNT)
				continue;
			struct sbuf head = { 0 };
			sbuf_clear(&b);
			render_cell(d->prior, i, &b);
			if (!b.len)
				continue;
			sbuf_add(&head, msg(M_CMP_PRIOR_YEAR));
			sbuf_add(&head, " ");
			render_column_heading(&ps->columns[i], " / ", &head);
			labelled(out, STYLE_TEXT, head.s, b.s, width);
			sbuf_free(&head);
		}
	}
	sbuf_free(&b);
}

void detail_row(const struct document *doc, const struct row *r,
		const struct check_report *rep, int width, struct lines *out)
{
	struct sbuf b = { 0 };
	const struct derived_row *d = compare_derived_row(r);
	const struct row *o = compare_origin_row(r);
	const struct table *t = r->side->table;
	row_name(r, &b);
	lines_add_wrapped(out, STYLE_TITLE, b.s, 0, width);
	sbuf_clear(&b);
	sbuf_addf(&b, "%s  %s", t->label, d ? (o ? o->side->table->title : t->title) : t->title);
	if (t->nsides > 1 && r->side->title)
		sbuf_addf(&b, " %s %s", render_glyph(GLYPH_BULLET), r->side->title);
	lines_add_wrapped(out, STYLE_META, b.s, 0, width);
	if (o) {
		texts(o, width, out);
		struct linked_ctx lc = { out, width, NULL };
		model_linked_rows(doc, o, linked_line, &lc);
	}
	if (d)
		pairing(r, width, out);
	heading(out, msg(M_DETAIL_FIGURES));
	sbuf_clear(&b);
	path(r, &b);
	labelled(out, STYLE_TEXT, msg(M_DETAIL_PATH), b.s, width);
	if (r->of_which)
		lines_add_wrapped(out, STYLE_META, msg(M_DETAIL_OF_WHICH), 2, width);
	columns(r, width, out);
	shares(r, width, out);
	if (rep && o)
		check(rep, o, width, out);
	sbuf_free(&b);
}

void detail_section(const struct section *s, int width, struct lines *out)
{
	size_t n = 0;
	render_section_text(s, width, out);
	for (const struct section *c = s->child; c; c = c->next)
		n++;
	if (n) {
		struct sbuf b = { 0 };
		lines_add(out, STYLE_PLAIN, NULL, "");
		sbuf_addf(&b, msg(M_DETAIL_SUBSECTIONS), n);
		lines_add(out, STYLE_META, NULL, b.s);
		sbuf_free(&b);
	}
}
