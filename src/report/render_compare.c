/* render_compare.c: compared tables as lines of text. */
#include "report/render_compare.h"

#include <string.h>

#define GAP 2

const char *const render_compare_heads[5] = { "本年", "上年", "增减", "增减率", "说明" };

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static void measure(struct compare_layout *lay, const char *v[5])
{
	for (int i = 0; i < 5; i++)
		lay->w[i] = max_int(lay->w[i], text_width(v[i]));
}

void render_compare_layout(const struct comparison *c, const struct table *t,
			   size_t col, int max_width, struct compare_layout *lay)
{
	memset(lay, 0, sizeof *lay);
	lay->col = col;
	render_layout(t, 0, &lay->base);
	measure(lay, (const char **)render_compare_heads);
	for (const struct row *r = t->rows; r; r = model_next_row(r)) {
		char a[AMOUNT_BUFSZ], b[AMOUNT_BUFSZ], d[AMOUNT_BUFSZ], p[AMOUNT_BUFSZ];
		compare_cells(c, r, col, a, b, d, p);
		const char *v[5] = { a, b, d, p, compare_mark(c, r) };
		measure(lay, v);
	}
	const struct cmp_table *ct = compare_table(c, t);
	for (size_t i = 0; i < ct->ndropped; i++) {
		lay->base.name_w = max_int(lay->base.name_w,
					   text_width(ct->dropped[i]->name) + 2);
		if (ct->dropped[i]->code) {
			int w = text_width(ct->dropped[i]->code);
			lay->base.code_min = max_int(lay->base.code_min, w);
			lay->base.code_w = max_int(lay->base.code_w, w);
		}
	}
	int others = 0;
	for (int i = 0; i < 5; i++)
		others += GAP + lay->w[i];
	render_layout_squeeze(&lay->base, others, max_width);
	lay->width = lay->base.width;
}

void render_compare_layout_free(struct compare_layout *lay)
{
	render_layout_free(&lay->base);
}

/* Code, name and the five compared cells. */
static void compose(const struct compare_layout *lay, const char *code,
		    const char *name, const char *v[5], struct sbuf *out)
{
	if (lay->base.code_w) {
		sbuf_add_fit(out, code ? code : "", lay->base.code_w, false);
		sbuf_pad(out, GAP);
	}
	sbuf_add_fit(out, name, lay->base.name_w, false);
	for (int i = 0; i < 5; i++) {
		sbuf_pad(out, GAP);
		sbuf_add_fit(out, v[i], lay->w[i], i < 4);
	}
}

void render_compare_head_titles(const struct table *t, const struct compare_layout *lay,
				struct sbuf *out)
{
	const char *v[5];
	memcpy(v, render_compare_heads, sizeof v);
	compose(lay, t->code_title, t->name_title, v, out);
	sbuf_trim_end(out);
}

/* The head lines of a compared table. */
static void render_compare_head(const struct comparison *c, const struct table *t,
				const struct compare_layout *lay, struct lines *out)
{
	struct sbuf b = { 0 };
	sbuf_addf(&b, "表%d  %s  （与上年对比：%s）", t->number, t->title,
		  t->columns[lay->col].title);
	lines_add_trimmed(out, STYLE_TITLE, NULL, &b);
	render_doc_meta(t->doc, &b);
	if (c->old)
		sbuf_addf(&b, "  上年：%s（%d）", c->old->path, c->old->year);
	else
		sbuf_add(&b, "  上年：本文件所述上年数");
	lines_add_trimmed(out, STYLE_META, NULL, &b);
	render_compare_head_titles(t, lay, &b);
	lines_add_trimmed(out, STYLE_HEADING, NULL, &b);
	for (int i = 0; i < lay->width; i++)
		sbuf_add(&b, "-");
	lines_add_trimmed(out, STYLE_RULE, NULL, &b);
	sbuf_free(&b);
}

void render_compare_row(const struct comparison *c, const struct compare_layout *lay,
			const struct row *r, int depth, int marker, struct sbuf *out)
{
	char a[AMOUNT_BUFSZ], b[AMOUNT_BUFSZ], d[AMOUNT_BUFSZ], p[AMOUNT_BUFSZ];
	compare_cells(c, r, lay->col, a, b, d, p);
	const char *v[5] = { a, b, d, p, compare_mark(c, r) };
	struct sbuf name = { 0 };
	sbuf_pad(&name, depth * 2);
	if (marker) {
		char m[3] = { (char)(r->child ? marker : ' '), ' ', '\0' };
		sbuf_add(&name, m);
	}
	sbuf_add(&name, r->name);
	compose(lay, r->code, name.s, v, out);
	sbuf_free(&name);
}

void render_compare_dropped(const struct comparison *c, const struct table *t,
			    const struct compare_layout *lay, const struct row *p,
			    struct sbuf *out)
{
	char b[AMOUNT_BUFSZ] = COMPARE_ABSENT;
	amount_t a;
	if (compare_dropped_amount(c, t, p, lay->col, &a))
		amount_format(a, b, sizeof b);
	const char *v[5] = { COMPARE_ABSENT, b, COMPARE_ABSENT, COMPARE_ABSENT, "取消" };
	compose(lay, p->code, p->name, v, out);
}

/* The rows of f compared, then the prior rows that match nothing (取消),
 * then the summary line. */
static void render_compare_rows(const struct comparison *c, const struct table *t,
				const struct compare_layout *lay, const struct flat *f,
				struct lines *out)
{
	struct sbuf b = { 0 };
	for (size_t i = 0; i < f->n; i++) {
		const struct row *r = f->v[i].row;
		render_compare_row(c, lay, r, f->v[i].depth, 0, &b);
		lines_add_trimmed(out, r->child ? STYLE_TOTAL : STYLE_ROW, r, &b);
	}
	const struct cmp_table *ct = compare_table(c, t);
	for (size_t i = 0; i < ct->ndropped; i++) {
		render_compare_dropped(c, t, lay, ct->dropped[i], &b);
		lines_add_trimmed(out, STYLE_WARN, NULL, &b);
	}
	compare_summary(c, &ct->counts, false, &b);
	lines_add_trimmed(out, STYLE_META, NULL, &b);
	sbuf_free(&b);
}

void render_compare_table_flat(const struct comparison *c, const struct table *t,
			       size_t col, int max_width, const struct flat *f,
			       struct lines *out)
{
	struct compare_layout lay;
	render_compare_layout(c, t, col, max_width, &lay);
	render_compare_head(c, t, &lay, out);
	render_compare_rows(c, t, &lay, f, out);
	render_compare_layout_free(&lay);
}

void render_compare_table(const struct comparison *c, const struct table *t,
			  size_t col, int max_width, struct lines *out)
{
	struct flat f = { 0 };
	flatten_table(t, NULL, NULL, &f);
	render_compare_table_flat(c, t, col, max_width, &f, out);
	flatten_free(&f);
}

void render_compare_unmatched(const struct comparison *c, struct lines *out)
{
	for (size_t i = 0; i < c->nold_unmatched; i++) {
		const struct table *o = c->old_unmatched[i];
		struct sbuf b = { 0 };
		sbuf_addf(&b, "取消  上年表%d %s：本年无对应的表（%zu 行）", o->number,
			  o->title, o->nall);
		lines_add(out, STYLE_WARN, NULL, b.s);
		sbuf_free(&b);
	}
}
