/* export.c: CSV and TSV.  Rows come from flatten_table, as in the text
 * snapshot; amounts are plain decimals with two places; UTF-8, no BOM. */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "flatten.h"
#include "text.h"
#include "util.h"

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

/* A column's heading with its spanning headings: "财政拨款/小计". */
static void heading(const struct column *c, struct sbuf *b)
{
	b->len = 0;
	for (size_t i = 0; i < c->ngroup; i++)
		sbuf_addf(b, "%s/", c->group[i]);
	sbuf_add(b, c->title);
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

int export_view(const struct document *doc, const char *view,
		enum export_format fmt, FILE *f)
{
	char *end;
	long n = strtol(view, &end, 10);
	if (strcmp(view, "all") == 0) {
		export_document(doc, fmt, f);
		return 0;
	}
	if (*view && !*end) {
		const struct table *t = n > 0 && n < 100 ? model_find_table(doc, (int)n) : NULL;
		if (!t) {
			fprintf(stderr, "budget: %s has no table %s\n", doc->path, view);
			return 2;
		}
		export_table(t, fmt, f);
		return 0;
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
