/* detail.c: the detail pane's text for a row or a section. */
#include "browse/detail.h"

#include <string.h>

#include "doc/classify.h"
#include "browse/lang.h"
#include "doc/text.h"

bool detail_amount(const struct row *r, amount_t *out)
{
	int c = model_first_amount(r->table);
	if (c < 0 || r->cells[c].blank)
		return false;
	*out = r->cells[c].amount;
	return true;
}

const struct row *detail_share_base(const struct row *r)
{
	if (r->parent)
		return r->parent;
	return r->table->rows;
}

bool detail_share(const struct row *r, const struct row *base, int64_t *rate)
{
	amount_t a, b;
	if (!base || !detail_amount(r, &a) || !detail_amount(base, &b))
		return false;
	return rate_of(a, b, rate);
}

bool detail_table_total(const struct table *t, amount_t *out)
{
	return t->rows && !t->incomplete && detail_amount(t->rows, out);
}

size_t detail_project_lines(const struct document *doc, const struct row *project,
			    enum table_kind kind,
			    void (*fn)(const struct row *line, void *ctx), void *ctx)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->ntables; i++) {
		const struct table *t = &doc->tables[i];
		if (t->kind != kind || t == project->table)
			continue;
		for (const struct row *r = t->rows; r; r = model_next_row(r)) {
			if (!r->child || strcmp(r->name, project->name) != 0)
				continue;
			for (const struct row *c = r->child; c; c = c->next, n++)
				if (fn)
					fn(c, ctx);
		}
	}
	return n;
}

/* "label：text" wrapped, continuation lines indented. */
static void labelled(struct lines *out, enum line_style style, const char *label,
		     const char *text, int indent, int width)
{
	struct sbuf b = { 0 };
	sbuf_addf(&b, "%s：%s", label, text);
	lines_add_wrapped(out, style, b.s, indent, width);
	sbuf_free(&b);
}

/* "广州市信访局 › 运行保障类 › 运行经费": the path of names, for tables whose
 * tree is not a classification by code. */
static void name_path(const struct row *r, struct sbuf *b)
{
	if (r->parent) {
		name_path(r->parent, b);
		sbuf_add(b, " › ");
	}
	sbuf_add(b, *r->name ? r->name : "…");
}

static void heading(struct lines *out, const char *text)
{
	lines_add(out, STYLE_PLAIN, NULL, "");
	lines_add(out, STYLE_HEADING, NULL, text);
}

static void cell_text(const struct column *col, const struct cell *c, bool zh,
		      struct sbuf *b)
{
	char buf[AMOUNT_BUFSZ];
	if (c->blank)
		sbuf_add(b, TR(zh, "(blank)", "（空）"));
	else if (col->type == COL_AMOUNT)
		sbuf_add(b, amount_format(c->amount, buf, sizeof buf));
	else
		sbuf_add(b, c->text);
}

static void columns(const struct row *r, bool zh, int width, struct lines *out)
{
	const struct table *t = r->table;
	struct sbuf b = { 0 };
	for (size_t i = 0; i < t->ncolumns; i++) {
		sbuf_pad(&b, 2);
		render_column_heading(&t->columns[i], " / ", &b);
		sbuf_add(&b, "：");
		cell_text(&t->columns[i], &r->cells[i], zh, &b);
		lines_add_wrapped(out, STYLE_TEXT, b.s + 2, 2, width);
		b.len = 0;
		b.s[0] = '\0';
	}
	sbuf_free(&b);
}

/* "45.36%", or a dash when there is no share. */
static void share_line(const struct row *r, const struct row *base,
		       const char *label, int width, struct lines *out)
{
	char buf[AMOUNT_BUFSZ];
	int64_t rate;
	struct sbuf b = { 0 };
	sbuf_addf(&b, "%s：%s", label, detail_share(r, base, &rate) ?
		  rate_format(rate, 2, buf, sizeof buf) : "—");
	lines_add_wrapped(out, STYLE_TEXT, b.s, 2, width);
	sbuf_free(&b);
}

static void shares(const struct row *r, bool zh, int width, struct lines *out)
{
	struct sbuf label = { 0 };
	const struct row *base = detail_share_base(r);
	if (model_first_amount(r->table) < 0)
		return;
	if (r->parent) {
		sbuf_add(&label, TR(zh, "Share of parent", "占上级"));
		if (r->parent->code)
			sbuf_addf(&label, " %s", r->parent->code);
		sbuf_addf(&label, " %s", r->parent->name);
		share_line(r, base, label.s, width, out);
	}
	if (r->table->rows && r->table->rows != r)
		share_line(r, r->table->rows, TR(zh, "Share of table total",
						 "占全表合计"), width, out);
	sbuf_free(&label);
}

/* How r was matched with the prior year. */
static const char *match_text(const struct comparison *c, const struct row *r, bool zh)
{
	switch (compare_row(c, r)->how) {
	case MATCH_CODE: return TR(zh, "Prior-year row, by code", "上年对应行（按编码）");
	case MATCH_NAME: return TR(zh, "Prior-year row, by name", "上年对应行（按名称）");
	case MATCH_STATED: return TR(zh, "Prior-year figure stated by the document",
				     "上年数为本文件所述");
	case MATCH_NONE: break;
	}
	if (c->old)
		return TR(zh, "New this year (新增)", "本年新增");
	return TR(zh, "The document states no prior-year figure for this row",
		  "本文件未述该行上年数");
}

/* Every amount column of r: 本年, 上年, 增减 and 增减率. */
static void compared(const struct comparison *c, const struct row *r, bool zh,
		     int width, struct lines *out)
{
	const struct table *t = r->table;
	const struct row *p = compare_row(c, r)->prior;
	struct sbuf b = { 0 }, head = { 0 };
	char cur[AMOUNT_BUFSZ], prior[AMOUNT_BUFSZ], change[AMOUNT_BUFSZ], rate[AMOUNT_BUFSZ];
	heading(out, TR(zh, "Against the prior year", "与上年对比"));
	sbuf_add(&b, match_text(c, r, zh));
	if (p)
		sbuf_addf(&b, "：%s%s%s", p->code ? p->code : "", p->code ? " " : "", p->name);
	lines_add_wrapped(out, STYLE_TEXT, b.s, 2, width);
	for (size_t i = 0; i < t->ncolumns; i++) {
		if (t->columns[i].type != COL_AMOUNT)
			continue;
		compare_cells(c, r, i, cur, prior, change, rate);
		head.len = 0;
		sbuf_add(&head, "");
		render_column_heading(&t->columns[i], " / ", &head);
		sbuf_add(&head, "：");
		b.len = 0;
		sbuf_addf(&b, "本年 %s · 上年 %s · 增减 %s · 增减率 %s", cur, prior, change, rate);
		lines_add_hanging(out, STYLE_TEXT, head.s, b.s, 2, width);
	}
	sbuf_free(&b);
	sbuf_free(&head);
}

static const char *status_name(enum check_status s, bool zh)
{
	switch (s) {
	case CHECK_PASS: return TR(zh, "adds up", "通过");
	case CHECK_KNOWN: return TR(zh, "known fault of the source", "来源已知错误");
	case CHECK_UNCHECKABLE: return TR(zh, "cannot be checked", "无法核对");
	case CHECK_FAIL: return TR(zh, "FAILS", "不符");
	case CHECK_NONE: break;
	}
	return TR(zh, "no check concerns this row", "无相关核对");
}

struct lines_ctx {
	struct lines *out;
	bool zh;
	int width;
};

/* One procurement or service line: its name and amount, then its text
 * cells. */
static void project_line(const struct row *r, void *ctx)
{
	struct lines_ctx *lc = ctx;
	const struct table *t = r->table;
	struct sbuf b = { 0 };
	char buf[AMOUNT_BUFSZ];
	amount_t a;
	sbuf_addf(&b, "· %s", r->name);
	if (detail_amount(r, &a))
		sbuf_addf(&b, "  %s", amount_format(a, buf, sizeof buf));
	lines_add_wrapped(lc->out, STYLE_TEXT, b.s, 2, lc->width);
	b.len = 0;
	b.s[0] = '\0';
	for (size_t i = 0; i < t->ncolumns; i++) {
		const struct cell *c = &r->cells[i];
		if (t->columns[i].type != COL_TEXT || c->blank || !*c->text)
			continue;
		sbuf_addf(&b, "%s%s", b.len ? " / " : "", c->text);
	}
	if (b.len)
		lines_add_wrapped(lc->out, STYLE_TEXT, b.s, 4, lc->width);
	sbuf_free(&b);
}

static void project_lines(const struct document *doc, const struct row *r,
			  enum table_kind kind, const char *title, bool zh,
			  int width, struct lines *out)
{
	struct lines_ctx lc = { out, zh, width };
	if (!detail_project_lines(doc, r, kind, NULL, NULL))
		return;
	for (size_t i = 0; i < doc->ntables; i++)
		if (doc->tables[i].kind == kind) {
			struct sbuf b = { 0 };
			sbuf_addf(&b, zh ? "%s（表%d）" : "%s (表%d)", title,
				  doc->tables[i].number);
			heading(out, b.s);
			sbuf_free(&b);
			break;
		}
	detail_project_lines(doc, r, kind, project_line, &lc);
}

void detail_row(const struct document *doc, const struct row *r,
		const enum check_status *status, const char *finding,
		const struct comparison *cmp, bool zh, int width, struct lines *out)
{
	struct sbuf b = { 0 };
	const char *level = classify_level_name(r->code);

	if (r->code)
		sbuf_addf(&b, "%s  ", r->code);
	sbuf_add(&b, *r->name ? r->name : TR(zh, "(no name)", "（无名称）"));
	lines_add_wrapped(out, STYLE_TITLE, b.s, 0, width);
	b.len = 0;
	b.s[0] = '\0';
	sbuf_addf(&b, "表%d  %s", r->table->number, r->table->title);
	lines_add_wrapped(out, STYLE_META, b.s, 0, width);
	b.len = 0;
	b.s[0] = '\0';
	if (r->table->nest_by_code) {
		classify_code_path(r, &b);
		if (level && b.len)
			sbuf_addf(&b, "（%s）", level);
	} else {
		name_path(r, &b);
	}
	if (b.len)
		labelled(out, STYLE_TEXT, TR(zh, "Path", "路径"), b.s, 2, width);
	if (r->of_which)
		lines_add_wrapped(out, STYLE_META, TR(zh,
			"A breakdown (其中) of its parent, not part of its ordinary sum.",
			"“其中”行：上级的分项，不计入上级的普通合计。"), 2, width);
	heading(out, TR(zh, "Columns", "各列"));
	columns(r, zh, width, out);
	shares(r, zh, width, out);
	if (status) {
		b.len = 0;
		b.s[0] = '\0';
		sbuf_add(&b, status_name(*status, zh));
		if (finding && *status != CHECK_PASS)
			sbuf_addf(&b, "：%s", finding);
		labelled(out, *status == CHECK_FAIL ? STYLE_WARN : STYLE_TEXT,
			 TR(zh, "Check", "核对"), b.s, 2, width);
	}
	if (cmp)
		compared(cmp, r, zh, width, out);
	if (r->content) {
		heading(out, "项目内容");
		lines_add_wrapped(out, STYLE_TEXT, r->content, 2, width);
	}
	if (r->goals) {
		heading(out, "绩效目标");
		lines_add_wrapped(out, STYLE_TEXT, r->goals, 2, width);
	}
	if (r->note) {
		heading(out, TR(zh, "Note", "备注"));
		lines_add_wrapped(out, STYLE_TEXT, r->note, 2, width);
	}
	if (r->table->kind == KIND_PROJECTS || r->content || r->goals) {
		project_lines(doc, r, KIND_PROCUREMENT, TR(zh, "Procurement", "政府采购"),
			      zh, width, out);
		project_lines(doc, r, KIND_SERVICES,
			      TR(zh, "Purchased services", "政府购买服务"), zh, width, out);
	}
	sbuf_free(&b);
}

void detail_section(const struct section *s, bool zh, int width, struct lines *out)
{
	size_t n = 0;
	render_section_text(s, width, out);
	for (const struct section *c = s->child; c; c = c->next)
		n++;
	if (n) {
		struct sbuf b = { 0 };
		lines_add(out, STYLE_PLAIN, NULL, "");
		if (zh)
			sbuf_addf(&b, "（下设 %zu 节）", n);
		else
			sbuf_addf(&b, "(%zu sub-section%s)", n,
				  n == 1 ? "" : "s");
		lines_add(out, STYLE_META, NULL, b.s);
		sbuf_free(&b);
	}
}
