/* render.c: tables, rows and narrative as lines of text. */
#include "report/render.h"

#include <stdlib.h>
#include <string.h>

#include "doc/util.h"

#define GAP 2			/* spaces between columns */
#define INDENT 2		/* name indent per tree level */
#define TEXT_WIDTH 80		/* paragraph width when none is given */
#define MIN_NAME 8
#define SCREEN_NAME 20		/* name width the browser keeps before more columns */

/* ---- lines -------------------------------------------------------------- */

void lines_add(struct lines *ls, enum line_style style, const struct row *row,
	       const char *text)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 64;
		ls->v = xrealloc(ls->v, ls->cap * sizeof *ls->v);
	}
	ls->v[ls->n++] = (struct line){ xstrdup(text), style, row };
}

struct wrap_ctx {
	struct lines *ls;
	enum line_style style;
	int indent;
	const char *prefix;	/* on the first line; later lines align under it */
	int prefix_w;
	bool first;
};

static void add_wrapped_line(const char *line, void *ctx)
{
	struct wrap_ctx *w = ctx;
	struct sbuf b = { 0 };
	sbuf_pad(&b, w->indent);
	if (w->first)
		sbuf_add(&b, w->prefix);
	else
		sbuf_pad(&b, w->prefix_w);
	sbuf_add(&b, line);
	lines_add(w->ls, w->style, NULL, b.s);
	sbuf_free(&b);
	w->first = false;
}

void lines_add_hanging(struct lines *ls, enum line_style style, const char *prefix,
		       const char *text, int indent, int width)
{
	struct wrap_ctx w = { ls, style, indent, prefix, text_width(prefix), true };
	int cols = width - indent - w.prefix_w;
	text_wrap(text, cols < 10 ? 10 : cols, add_wrapped_line, &w);
}

void lines_add_wrapped(struct lines *ls, enum line_style style, const char *text,
		       int indent, int width)
{
	lines_add_hanging(ls, style, "", text, indent, width);
}

void lines_write(const struct lines *ls, FILE *f)
{
	for (size_t i = 0; i < ls->n; i++) {
		fputs(ls->v[i].text, f);
		fputc('\n', f);
	}
}

void lines_free(struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->v[i].text);
	free(ls->v);
	ls->v = NULL;
	ls->n = ls->cap = 0;
}

/* ---- layout --------------------------------------------------------------- */

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static int cell_width(const struct column *c, const struct cell *cell)
{
	char buf[AMOUNT_BUFSZ];
	if (cell->blank)
		return 0;
	if (c->type == COL_AMOUNT)
		return (int)strlen(amount_format(cell->amount, buf, sizeof buf));
	return text_width(cell->text);
}

/* Width of a group heading that spans columns [i, j). */
static int span_width(const struct table_layout *lay, size_t i, size_t j)
{
	int w = 0;
	for (size_t k = i; k < j; k++)
		w += lay->col_w[k] + (k > i ? GAP : 0);
	return w;
}

/* The end of the run of columns from i that share group heading `level`. */
static size_t span_end(const struct table *t, size_t i, size_t level)
{
	const struct column *c = &t->columns[i];
	size_t j = i + 1;
	for (; j < t->ncolumns; j++) {
		const struct column *d = &t->columns[j];
		if (d->ngroup <= level)
			break;
		bool same = true;
		for (size_t l = 0; l <= level && same; l++)
			same = strcmp(c->group[l], d->group[l]) == 0;
		if (!same)
			break;
	}
	return j;
}

/* Widen the last column of any span whose heading is wider than the span. */
static void fit_groups(const struct table *t, struct table_layout *lay)
{
	for (size_t level = 0;; level++) {
		bool any = false;
		for (size_t i = 0; i < t->ncolumns;) {
			if (t->columns[i].ngroup <= level) {
				i++;
				continue;
			}
			any = true;
			size_t j = span_end(t, i, level);
			int need = text_width(t->columns[i].group[level]);
			int have = span_width(lay, i, j);
			if (need > have)
				lay->col_w[j - 1] += need - have;
			i = j;
		}
		if (!any)
			break;
	}
}

static int name_width(const struct row *r)
{
	return r->depth * INDENT + text_width(r->name);
}

void render_layout(const struct table *t, int max_width, struct table_layout *lay)
{
	memset(lay, 0, sizeof *lay);
	lay->ncols = t->ncolumns;
	lay->col_w = xcalloc(t->ncolumns ? t->ncolumns : 1, sizeof *lay->col_w);
	if (t->code_title)
		lay->code_w = text_width(t->code_title);
	lay->name_w = text_width(t->name_title);
	for (size_t i = 0; i < t->ncolumns; i++)
		lay->col_w[i] = text_width(t->columns[i].title);
	for (const struct row *r = t->rows; r; r = model_next_row(r)) {
		if (r->code)
			lay->code_min = max_int(lay->code_min, text_width(r->code));
		lay->name_w = max_int(lay->name_w, name_width(r));
		for (size_t i = 0; i < t->ncolumns; i++)
			lay->col_w[i] = max_int(lay->col_w[i],
						cell_width(&t->columns[i], &r->cells[i]));
	}
	lay->code_w = max_int(lay->code_w, lay->code_min);
	if (lay->code_w)	/* a cropped heading keeps a character and its mark */
		lay->code_min = max_int(lay->code_min, 4);
	fit_groups(t, lay);
	/* Room for the open/closed marker the browser puts before names. */
	lay->name_w += 2;
	int others = 0;
	for (size_t i = 0; i < t->ncolumns; i++)
		others += GAP + lay->col_w[i];
	render_layout_squeeze(lay, others, max_width);
}

void render_layout_squeeze(struct table_layout *lay, int others, int max_width)
{
	int over = (lay->code_w ? lay->code_w + GAP : 0) + others + lay->name_w - max_width;
	if (max_width > 0 && over > 0 && lay->code_w > lay->code_min) {
		int cut = over < lay->code_w - lay->code_min ? over : lay->code_w - lay->code_min;
		lay->code_w -= cut;
		over -= cut;
	}
	if (max_width > 0 && over > 0)
		lay->name_w = max_int(MIN_NAME, lay->name_w - over);
	lay->width = (lay->code_w ? lay->code_w + GAP : 0) + others + lay->name_w;
}

void render_layout_free(struct table_layout *lay)
{
	free(lay->col_w);
	lay->col_w = NULL;
}

void render_layout_fit(const struct table *t, int max_width, struct table_layout *lay)
{
	render_layout(t, 0, lay);
	/* Decide on columns as if the code heading gave way; squeeze after. */
	int code = lay->code_w ? lay->code_min + GAP : 0, rest = code;
	int first = model_first_amount(t);
	/* More columns only while names stay readable. */
	int want = lay->name_w < SCREEN_NAME ? lay->name_w : SCREEN_NAME;
	bool full = false;	/* once one does not fit, none after it */
	for (size_t i = 0; i < t->ncolumns; i++) {
		bool keep = t->columns[i].type == COL_AMOUNT && !full &&
			    ((int)i == first ||
			     rest + GAP + lay->col_w[i] + want <= max_width);
		if (keep)
			rest += GAP + lay->col_w[i];
		else
			lay->col_w[i] = -1;
		if (!keep && t->columns[i].type == COL_AMOUNT && (int)i > first)
			full = true;
	}
	render_layout_squeeze(lay, rest - code, max_width);
}

/* ---- tables ----------------------------------------------------------------- */

void render_column_heading(const struct column *c, const char *sep, struct sbuf *out)
{
	for (size_t i = 0; i < c->ngroup; i++)
		sbuf_addf(out, "%s%s", c->group[i], sep);
	sbuf_add(out, c->title);
}

void render_doc_meta(const struct document *doc, struct sbuf *out)
{
	sbuf_addf(out, "部门：%s  年度：%d  单位：%s", doc->department, doc->year,
		  doc->unit);
}

/* One heading line: the group headings at `level` (or the column titles
 * when level == ngroup max), centred over their spans. */
static void head_line(const struct table *t, const struct table_layout *lay,
		      size_t level, bool titles, struct sbuf *b)
{
	if (lay->code_w) {
		sbuf_add_fit(b, titles && t->code_title ? t->code_title : "", lay->code_w, false);
		sbuf_pad(b, GAP);
	}
	sbuf_add_fit(b, titles ? t->name_title : "", lay->name_w, false);
	for (size_t i = 0; i < t->ncolumns;) {
		const struct column *c = &t->columns[i];
		size_t j = i + 1;
		const char *label = "";
		if (titles && lay->col_w[i] < 0) {
			i++;		/* not shown (render_layout_fit) */
			continue;
		}
		if (titles)
			label = c->title;
		else if (c->ngroup > level) {
			j = span_end(t, i, level);
			label = c->group[level];
		}
		int w = span_width(lay, i, j);
		int pad = w - text_width(label);
		sbuf_pad(b, GAP);
		if (titles && c->type == COL_AMOUNT) {
			sbuf_add_fit(b, label, w, true);
		} else {
			sbuf_pad(b, pad > 0 && !titles ? pad / 2 : 0);
			sbuf_add_fit(b, label, w - (pad > 0 && !titles ? pad / 2 : 0), false);
		}
		i = j;
	}
}

void render_head_titles(const struct table *t, const struct table_layout *lay,
			struct sbuf *out)
{
	head_line(t, lay, 0, true, out);
	sbuf_trim_end(out);
}

void lines_add_trimmed(struct lines *out, enum line_style style,
		       const struct row *row, struct sbuf *b)
{
	sbuf_trim_end(b);
	lines_add(out, style, row, b->s ? b->s : "");
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* The title, meta and column-heading lines of a table. */
static void render_table_head(const struct table *t, const struct table_layout *lay,
			      struct lines *out)
{
	struct sbuf b = { 0 };
	sbuf_addf(&b, "表%d  %s", t->number, t->title);
	lines_add_trimmed(out, STYLE_TITLE, NULL, &b);
	render_doc_meta(t->doc, &b);
	if (strcmp(t->unit, t->doc->unit) != 0)
		sbuf_addf(&b, "（本表单位：%s）", t->unit);
	lines_add_trimmed(out, STYLE_META, NULL, &b);
	if (t->incomplete) {
		sbuf_addf(&b, "来源不完整：%s", t->incomplete);
		lines_add_trimmed(out, STYLE_WARN, NULL, &b);
	}
	size_t levels = 0;
	for (size_t i = 0; i < t->ncolumns; i++)
		levels = t->columns[i].ngroup > levels ? t->columns[i].ngroup : levels;
	for (size_t level = 0; level < levels; level++) {
		head_line(t, lay, level, false, &b);
		lines_add_trimmed(out, STYLE_HEADING, NULL, &b);
	}
	head_line(t, lay, 0, true, &b);
	lines_add_trimmed(out, STYLE_HEADING, NULL, &b);
	for (int i = 0; i < lay->width; i++)
		sbuf_add(&b, "-");
	lines_add_trimmed(out, STYLE_RULE, NULL, &b);
	sbuf_free(&b);
}

void render_row(const struct table_layout *lay, const struct row *r, int depth,
		int marker, struct sbuf *out)
{
	const struct table *t = r->table;
	if (lay->code_w) {
		sbuf_add_fit(out, r->code ? r->code : "", lay->code_w, false);
		sbuf_pad(out, GAP);
	}
	struct sbuf name = { 0 };
	sbuf_pad(&name, depth * INDENT);
	if (marker) {
		char m[3] = { (char)(r->child ? marker : ' '), ' ', '\0' };
		sbuf_add(&name, m);
	}
	sbuf_add(&name, r->name);
	sbuf_add_fit(out, name.s, lay->name_w, false);
	sbuf_free(&name);
	for (size_t i = 0; i < t->ncolumns; i++) {
		const struct cell *c = &r->cells[i];
		char buf[AMOUNT_BUFSZ];
		if (lay->col_w[i] < 0)
			continue;	/* not shown (render_layout_fit) */
		sbuf_pad(out, GAP);
		if (c->blank)
			sbuf_pad(out, lay->col_w[i]);
		else if (t->columns[i].type == COL_AMOUNT)
			sbuf_add_fit(out, amount_format(c->amount, buf, sizeof buf),
				     lay->col_w[i], true);
		else
			sbuf_add_fit(out, c->text, lay->col_w[i], false);
	}
}

static void labelled(struct lines *out, const char *label, const char *text,
		     int indent, int width)
{
	struct sbuf b = { 0 };
	sbuf_addf(&b, "%s：", label);
	lines_add_hanging(out, STYLE_TEXT, b.s, text, indent, width);
	sbuf_free(&b);
}

/* The rows of f, each followed by its content/goals/note as paragraphs
 * indented under its name and wrapped at width. */
static void render_rows(const struct table_layout *lay, const struct flat *f,
			int width, struct lines *out)
{
	struct sbuf b = { 0 };
	for (size_t i = 0; i < f->n; i++) {
		const struct row *r = f->v[i].row;
		render_row(lay, r, f->v[i].depth, 0, &b);
		lines_add_trimmed(out, r->child ? STYLE_TOTAL : STYLE_ROW, r, &b);
		int indent = (lay->code_w ? lay->code_w + GAP : 0) +
			     (f->v[i].depth + 1) * INDENT;
		if (r->content)
			labelled(out, "项目内容", r->content, indent, width);
		if (r->goals)
			labelled(out, "绩效目标", r->goals, indent, width);
		if (r->note)
			labelled(out, "备注", r->note, indent, width);
	}
	sbuf_free(&b);
}

void render_table_flat(const struct table *t, int max_width, const struct flat *f,
		       struct lines *out)
{
	struct table_layout lay;
	render_layout(t, max_width, &lay);
	render_table_head(t, &lay, out);
	/* Paragraphs wrap to the table's width, or to --width when the table
	 * is wider: a cropped paragraph would lose words mid-line. */
	int text_w = lay.width < 40 ? 40 : lay.width;
	if (max_width > 0 && text_w > max_width)
		text_w = max_width;
	render_rows(&lay, f, text_w, out);
	if (t->note) {
		struct sbuf b = { 0 };
		sbuf_addf(&b, "注：%s", t->note);
		lines_add_wrapped(out, STYLE_META, b.s, 0, text_w);
		sbuf_free(&b);
	}
	render_layout_free(&lay);
}

void render_table(const struct table *t, int max_width, struct lines *out)
{
	struct flat f = { 0 };
	flatten_table(t, NULL, NULL, &f);
	render_table_flat(t, max_width, &f, out);
	flatten_free(&f);
}

/* ---- narrative -------------------------------------------------------------- */

static void render_figure(const struct figure *f, int width, struct lines *out)
{
	char v[AMOUNT_BUFSZ], c[AMOUNT_BUFSZ], r[AMOUNT_BUFSZ];
	struct sbuf b = { 0 };
	sbuf_addf(&b, "· %s %s%s", f->label, amount_format(f->value, v, sizeof v), f->unit);
	if (f->has_change)
		sbuf_addf(&b, "，较上年%s%s", f->change >= 0 ? "+" : "",
			  amount_format(f->change, c, sizeof c));
	if (f->has_rate)
		sbuf_addf(&b, "（%s%s）", f->rate >= 0 ? "+" : "",
			  rate_format(f->rate, f->rate_places, r, sizeof r));
	if (f->ref_table)
		sbuf_addf(&b, " → 表%d", f->ref_table);
	lines_add_wrapped(out, STYLE_TEXT, b.s, 2, width);
	sbuf_free(&b);
}

static void render_text_table(const struct text_table *tt, int width,
			      struct lines *out)
{
	if (tt->title)
		lines_add_wrapped(out, STYLE_HEADING, tt->title, 2, width);
	for (size_t i = 0; i < tt->nrows; i++) {
		bool first = true;
		for (size_t j = 0; j < tt->ncolumns; j++) {
			if (!*tt->rows[i][j])
				continue;
			struct sbuf b = { 0 };
			sbuf_addf(&b, "%s %s：", first ? "·" : " ",
				  *tt->columns[j] ? tt->columns[j] : "项目");
			lines_add_hanging(out, STYLE_TEXT, b.s, tt->rows[i][j], 2, width);
			sbuf_free(&b);
			first = false;
		}
	}
}

static void render_section_body(const struct section *s, int width,
				struct lines *out)
{
	lines_add(out, s->depth == 0 ? STYLE_TITLE : STYLE_HEADING, NULL, s->title);
	for (size_t i = 0; i < s->nparagraphs; i++)
		lines_add_wrapped(out, STYLE_TEXT, s->paragraphs[i], 2, width);
	for (size_t i = 0; i < s->ntables; i++)
		render_text_table(&s->tables[i], width, out);
	for (size_t i = 0; i < s->nterms; i++) {
		struct sbuf b = { 0 };
		sbuf_addf(&b, "%zu. %s：", i + 1, s->terms[i].term);
		lines_add_hanging(out, STYLE_TEXT, b.s, s->terms[i].definition, 2, width);
		sbuf_free(&b);
	}
	for (size_t i = 0; i < s->nfigures; i++)
		render_figure(&s->figures[i], width, out);
}

void render_section_text(const struct section *s, int width, struct lines *out)
{
	render_section_body(s, width > 0 ? width : TEXT_WIDTH, out);
}

void render_section(const struct section *s, int width, struct lines *out)
{
	if (width <= 0)
		width = TEXT_WIDTH;
	render_section_body(s, width, out);
	for (const struct section *c = s->child; c; c = c->next) {
		lines_add(out, STYLE_PLAIN, NULL, "");
		render_section(c, width, out);
	}
}

void render_document(const struct document *doc, int max_width, struct lines *out)
{
	struct sbuf b = { 0 };
	lines_add(out, STYLE_TITLE, NULL, doc->title);
	render_doc_meta(doc, &b);
	lines_add(out, STYLE_META, NULL, b.s);
	sbuf_free(&b);
	for (const struct section *s = doc->parts; s; s = s->next) {
		lines_add(out, STYLE_PLAIN, NULL, "");
		render_section(s, max_width, out);
	}
	for (size_t i = 0; i < doc->ntables; i++) {
		lines_add(out, STYLE_PLAIN, NULL, "");
		render_table(&doc->tables[i], max_width, out);
	}
}
