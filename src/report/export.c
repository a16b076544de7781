/* export.c: CSV and TSV.  Rows come from flatten_table, as in the text
 * snapshot; amounts are plain decimals with two places; UTF-8, no BOM. */
#include "report/export.h"

#include <stdlib.h>
#include <string.h>

#include "doc/flatten.h"
#include "report/print.h"
#include "report/render.h"
#include "report/render_compare.h"
#include "doc/text.h"
#include "doc/util.h"

/* One record being built. */
struct record {
	enum export_format fmt;
	struct sbuf line;
	size_t nfields;
};

/* RFC 4180: a field holding a separator, quote or line break is quoted,
 * with quotes doubled.  TSV has no quoting, so those become spaces. */
static void field(struct record *rec, const char *s)
{
	bool csv = rec->fmt == EXPORT_CSV;
	if (rec->nfields++)
		sbuf_add(&rec->line, csv ? "," : "\t");
	if (!s)
		return;
	if (!csv) {
		for (; *s; s++)
			sbuf_addn(&rec->line, strchr("\t\r\n", *s) ? " " : s, 1);
		return;
	}
	if (!strpbrk(s, ",\"\r\n")) {
		sbuf_add(&rec->line, s);
		return;
	}
	sbuf_add(&rec->line, "\"");
	for (; *s; s++) {
		if (*s == '"')
			sbuf_add(&rec->line, "\"");	/* doubled */
		sbuf_addn(&rec->line, s, 1);
	}
	sbuf_add(&rec->line, "\"");
}

static void field_num(struct record *rec, size_t n)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%zu", n);
	field(rec, buf);
}

static void end_record(struct record *rec, FILE *f)
{
	sbuf_add(&rec->line, rec->fmt == EXPORT_CSV ? "\r\n" : "\n");
	fputs(rec->line.s, f);
	rec->line.len = 0;
	rec->line.s[0] = '\0';
	rec->nfields = 0;
}

/* A column's heading with its spanning headings, in place of what b held:
 * "财政拨款/小计". */
static void heading(const struct column *c, struct sbuf *b)
{
	b->len = 0;
	render_column_heading(c, "/", b);
}

/* A cell as text: a plain decimal, the text, or NULL when blank. */
static const char *cell_text(const struct column *col, const struct cell *c,
			     char *buf, size_t size)
{
	if (c->blank)
		return NULL;
	return col->type == COL_AMOUNT ? amount_format(c->amount, buf, size) : c->text;
}

/* The snapshot's rows with, per row, its 1-based record number's parent
 * (0 at the top level).  pos maps row->index to the record number. */
struct flat_tree {
	struct flat flat;
	size_t *pos;
};

static void flat_tree(const struct table *t, struct flat_tree *ft)
{
	ft->flat = (struct flat){ 0 };
	flatten_table(t, NULL, NULL, &ft->flat);
	ft->pos = xcalloc(t->nall, sizeof *ft->pos);
	for (size_t i = 0; i < ft->flat.n; i++)
		ft->pos[ft->flat.v[i].row->index] = i + 1;
}

static size_t parent_of(const struct flat_tree *ft, const struct row *r)
{
	return r->parent ? ft->pos[r->parent->index] : 0;
}

static void flat_tree_free(struct flat_tree *ft)
{
	flatten_free(&ft->flat);
	free(ft->pos);
}

/* The structure fields every record starts with. */
static void row_fields(struct record *rec, const struct flat_tree *ft, size_t i)
{
	const struct row *r = ft->flat.v[i].row;
	field_num(rec, i + 1);
	if (r->parent)
		field_num(rec, parent_of(ft, r));
	else
		field(rec, NULL);
	field_num(rec, (size_t)ft->flat.v[i].depth);
	field(rec, r->code);
	field(rec, r->name);
}

/* Which of content, goals and note some row of t has. */
static void text_columns(const struct table *t, bool has[3])
{
	has[0] = has[1] = has[2] = false;
	for (const struct row *r = t->rows; r; r = model_next_row(r)) {
		has[0] |= r->content != NULL;
		has[1] |= r->goals != NULL;
		has[2] |= r->note != NULL;
	}
}

static const char *const text_names[3] = { "content", "goals", "note" };

static const char *row_text(const struct row *r, int k)
{
	return k == 0 ? r->content : k == 1 ? r->goals : r->note;
}

void export_table(const struct table *t, enum export_format fmt, FILE *f)
{
	struct record rec = { fmt, { 0 }, 0 };
	struct sbuf h = { 0 };
	struct flat_tree ft;
	bool has[3];
	char buf[AMOUNT_BUFSZ];
	text_columns(t, has);
	static const char *const head[] = { "row", "parent", "level", "code", "name" };
	for (size_t i = 0; i < 5; i++)
		field(&rec, head[i]);
	for (size_t i = 0; i < t->ncolumns; i++) {
		heading(&t->columns[i], &h);
		field(&rec, h.s);
	}
	for (int k = 0; k < 3; k++)
		if (has[k])
			field(&rec, text_names[k]);
	end_record(&rec, f);
	flat_tree(t, &ft);
	for (size_t i = 0; i < ft.flat.n; i++) {
		const struct row *r = ft.flat.v[i].row;
		row_fields(&rec, &ft, i);
		for (size_t c = 0; c < t->ncolumns; c++)
			field(&rec, cell_text(&t->columns[c], &r->cells[c], buf, sizeof buf));
		for (int k = 0; k < 3; k++)
			if (has[k])
				field(&rec, row_text(r, k));
		end_record(&rec, f);
	}
	flat_tree_free(&ft);
	sbuf_free(&h);
	sbuf_free(&rec.line);
}

/* One long-form record: the row's structure, then a column and a value. */
static void long_record(struct record *rec, const struct flat_tree *ft, size_t i,
			const char *column, const char *value, FILE *f)
{
	field_num(rec, (size_t)ft->flat.v[i].row->table->number);
	row_fields(rec, ft, i);
	field(rec, column);
	field(rec, value);
	end_record(rec, f);
}

void export_document(const struct document *doc, enum export_format fmt, FILE *f)
{
	struct record rec = { fmt, { 0 }, 0 };
	struct sbuf h = { 0 };
	char buf[AMOUNT_BUFSZ];
	static const char *const head[] = { "table", "row", "parent", "level", "code",
					    "name", "column", "value" };
	for (size_t i = 0; i < 8; i++)
		field(&rec, head[i]);
	end_record(&rec, f);
	for (size_t n = 0; n < doc->ntables; n++) {
		const struct table *t = &doc->tables[n];
		struct flat_tree ft;
		flat_tree(t, &ft);
		for (size_t i = 0; i < ft.flat.n; i++) {
			const struct row *r = ft.flat.v[i].row;
			for (size_t c = 0; c < t->ncolumns; c++) {
				heading(&t->columns[c], &h);
				long_record(&rec, &ft, i, h.s, cell_text(&t->columns[c],
					    &r->cells[c], buf, sizeof buf), f);
			}
			for (int k = 0; k < 3; k++)
				if (row_text(r, k))
					long_record(&rec, &ft, i, text_names[k], row_text(r, k), f);
		}
		flat_tree_free(&ft);
	}
	sbuf_free(&h);
	sbuf_free(&rec.line);
}

/* ---- compared with the prior year ---------------------------------------------- */


/* Heading k of the compared columns: "合计 本年" ... "合计 增减率", "说明". */
static void compared_heading(const struct table *t, size_t col, int k, struct sbuf *h)
{
	heading(&t->columns[col], h);
	if (k == 4)
		h->len = 0;
	sbuf_addf(h, "%s%s", h->len ? " " : "", render_compare_heads[k]);
}

/* The five compared values of a row: as compare_cells formats them, NULL
 * where the text shows COMPARE_ABSENT, then the mark. */
struct compared {
	char buf[4][AMOUNT_BUFSZ];
	const char *v[5];
};

static void compared_values(const struct comparison *c, const struct row *r, size_t col,
			    struct compared *out)
{
	compare_cells(c, r, col, out->buf[0], out->buf[1], out->buf[2], out->buf[3]);
	for (int i = 0; i < 4; i++)
		out->v[i] = strcmp(out->buf[i], COMPARE_ABSENT) == 0 ? NULL : out->buf[i];
	out->v[4] = compare_mark(c, r);
}

/* The same for a prior row of t that matches nothing: its prior amount. */
static void dropped_values(const struct comparison *c, const struct table *t,
			   const struct row *p, size_t col, struct compared *out)
{
	amount_t a;
	memset(out->v, 0, sizeof out->v);
	if (compare_dropped_amount(c, t, p, col, &a))
		out->v[1] = amount_format(a, out->buf[1], sizeof out->buf[1]);
	out->v[4] = "取消";
}

/* The structure fields of a dropped row: number, no parent, no level. */
static void dropped_fields(struct record *rec, size_t number, const struct row *p)
{
	field_num(rec, number);
	field(rec, NULL);
	field(rec, NULL);
	field(rec, p->code);
	field(rec, p->name);
}

void export_table_compared(const struct comparison *c, const struct table *t,
			   size_t col, enum export_format fmt, FILE *f)
{
	struct record rec = { fmt, { 0 }, 0 };
	const struct cmp_table *ct = compare_table(c, t);
	struct sbuf h = { 0 };
	struct flat_tree ft;
	struct compared v;
	static const char *const head[] = { "row", "parent", "level", "code", "name" };
	for (size_t i = 0; i < 5; i++)
		field(&rec, head[i]);
	for (int k = 0; k < 5; k++) {
		compared_heading(t, col, k, &h);
		field(&rec, h.s);
	}
	end_record(&rec, f);
	flat_tree(t, &ft);
	for (size_t i = 0; i < ft.flat.n + ct->ndropped; i++) {
		if (i < ft.flat.n) {
			row_fields(&rec, &ft, i);
			compared_values(c, ft.flat.v[i].row, col, &v);
		} else {
			const struct row *p = ct->dropped[i - ft.flat.n];
			dropped_fields(&rec, i + 1, p);
			dropped_values(c, t, p, col, &v);
		}
		for (int k = 0; k < 5; k++)
			field(&rec, v.v[k]);
		end_record(&rec, f);
	}
	flat_tree_free(&ft);
	sbuf_free(&h);
	sbuf_free(&rec.line);
}

/* The long-form records of one table compared in column col. */
static void long_compared(struct record *rec, const struct comparison *c,
			  const struct table *t, size_t col, FILE *f)
{
	const struct cmp_table *ct = compare_table(c, t);
	struct sbuf h = { 0 };
	struct flat_tree ft;
	struct compared v;
	flat_tree(t, &ft);
	for (size_t i = 0; i < ft.flat.n + ct->ndropped; i++) {
		const struct row *p = i < ft.flat.n ? NULL : ct->dropped[i - ft.flat.n];
		if (p)
			dropped_values(c, t, p, col, &v);
		else
			compared_values(c, ft.flat.v[i].row, col, &v);
		for (int k = 0; k < 5; k++) {
			field_num(rec, (size_t)t->number);
			if (p)
				dropped_fields(rec, i + 1, p);
			else
				row_fields(rec, &ft, i);
			compared_heading(t, col, k, &h);
			field(rec, h.s);
			field(rec, v.v[k]);
			end_record(rec, f);
		}
	}
	flat_tree_free(&ft);
	sbuf_free(&h);
}

void export_document_compared(const struct comparison *c, const char *column,
			      enum export_format fmt, FILE *f)
{
	struct record rec = { fmt, { 0 }, 0 };
	static const char *const head[] = { "table", "row", "parent", "level", "code",
					    "name", "column", "value" };
	for (size_t i = 0; i < 8; i++)
		field(&rec, head[i]);
	end_record(&rec, f);
	for (size_t n = 0; n < c->cur->ntables; n++) {
		const struct table *t = &c->cur->tables[n];
		int col = model_amount_column(t, column);
		if (col >= 0)
			long_compared(&rec, c, t, (size_t)col, f);
	}
	sbuf_free(&rec.line);
}

/* ---- views ------------------------------------------------------------------------ */

bool export_format_parse(const char *name, enum export_format *out)
{
	if (strcmp(name, "csv") == 0)
		*out = EXPORT_CSV;
	else if (strcmp(name, "tsv") == 0)
		*out = EXPORT_TSV;
	else
		return false;
	return true;
}

/* One table, compared when asked; 2 when it has no such column. */
static int export_one(const struct table *t, enum export_format fmt,
		      const struct comparison *cmp, const char *column, FILE *f)
{
	if (!cmp) {
		export_table(t, fmt, f);
		return 0;
	}
	int col = print_compared_column(t, column);
	if (col < 0)
		return 2;
	export_table_compared(cmp, t, (size_t)col, fmt, f);
	return 0;
}

int export_view(const struct document *doc, const char *view, enum export_format fmt,
		const struct comparison *cmp, const char *column, FILE *f)
{
	int n = print_table_number(view);
	if (strcmp(view, "all") == 0) {
		if (cmp)
			export_document_compared(cmp, column, fmt, f);
		else
			export_document(doc, fmt, f);
		return 0;
	}
	if (n) {
		const struct table *t = model_find_table(doc, n);
		if (!t) {
			fprintf(stderr, "budget: %s has no table %d\n", doc->path, n);
			return 2;
		}
		return export_one(t, fmt, cmp, column, f);
	}
	if (model_find_section(doc, view))
		fprintf(stderr, "budget: '%s' is narrative text: --format exports tables "
			"(a table number or 'all'); use --print=%s without --format\n",
			view, view);
	else
		fprintf(stderr, "budget: no view '%s' in %s (try a table number or 'all')\n",
			view, doc->path);
	return 2;
}
