/* export.c: CSV and TSV.  Rows come in the order of the text snapshot;
 * amounts are plain decimals with two places; UTF-8. */
#include "report/export.h"

#include <stdlib.h>
#include <string.h>

#include "doc/flatten.h"
#include "doc/msg.h"
#include "doc/util.h"
#include "report/render.h"

/* One record being built. */
struct record {
	enum export_format fmt;
	struct sbuf line;
	size_t nfields;
	FILE *f;
};

/* A text a spreadsheet would take for a formula (OWASP's rule): one that
 * begins with = + - @, a tab or a carriage return. */
static bool formula_like(const char *s)
{
	return *s && strchr("=+-@\t\r", *s);
}

/* RFC 4180: a field holding a separator, quote or line break is quoted,
 * with quotes doubled.  TSV has no quoting, so those become spaces.  A
 * text (not a figure) that looks like a formula gets a leading '. */
static void field_as(struct record *rec, const char *s, bool text)
{
	bool csv = rec->fmt == EXPORT_CSV;
	if (rec->nfields++)
		sbuf_add(&rec->line, csv ? "," : "\t");
	if (!s)
		return;
	struct sbuf v = { 0 };
	if (text && formula_like(s))
		sbuf_add(&v, "'");
	sbuf_add(&v, s);
	const char *p = v.s;
	if (!csv) {
		for (; *p; p++)
			sbuf_addn(&rec->line, strchr("\t\r\n", *p) ? " " : p, 1);
	} else if (!strpbrk(p, ",\"\r\n")) {
		sbuf_add(&rec->line, p);
	} else {
		sbuf_add(&rec->line, "\"");
		for (; *p; p++) {
			if (*p == '"')
				sbuf_add(&rec->line, "\"");	/* doubled */
			sbuf_addn(&rec->line, p, 1);
		}
		sbuf_add(&rec->line, "\"");
	}
	sbuf_free(&v);
}

static void field(struct record *rec, const char *s)
{
	field_as(rec, s, true);
}

static void field_num(struct record *rec, size_t n)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%zu", n);
	field_as(rec, buf, false);
}

static void end_record(struct record *rec)
{
	sbuf_add(&rec->line, rec->fmt == EXPORT_CSV ? "\r\n" : "\n");
	fputs(rec->line.s, rec->f);
	sbuf_clear(&rec->line);
	rec->nfields = 0;
}

/* A cell as the text snapshot shows it ("—" where it does not exist
 * becomes an empty field); figures are not texts. */
static void cell_field(struct record *rec, const struct row *r, size_t col)
{
	const struct column *c = &r->side->columns[col];
	if (c->type != COL_TEXT && (r->cells[col].n == CELL_ABSENT ||
				    r->cells[col].n == CELL_BLANK)) {
		field(rec, NULL);
		return;
	}
	struct sbuf b = { 0 };
	render_cell(r, col, &b);
	/* A quantity with its unit ("2台") is text to a spreadsheet, and its
	 * unit comes from the file: the formula rule holds for it too. */
	field_as(rec, b.s, (c->type == COL_TEXT && !c->right) || c->type == COL_QUANTITY);
	sbuf_free(&b);
}

/* The snapshot's rows, all sides, with each row's record number. */
struct flat_tree {
	struct flat flat;
	size_t *pos;		/* per row->index: record number, from 1 */
};

static void flat_tree(const struct table *t, struct flat_tree *ft)
{
	ft->flat = (struct flat){ 0 };
	flatten_table(t, &ft->flat);
	ft->pos = xcalloc(t->nall + 1, sizeof *ft->pos);
	for (size_t i = 0; i < ft->flat.n; i++)
		ft->pos[ft->flat.v[i].row->index] = i + 1;
}

static void flat_tree_free(struct flat_tree *ft)
{
	flatten_free(&ft->flat);
	free(ft->pos);
}

static bool any_code(const struct table *t)
{
	for (size_t i = 0; i < t->nsides; i++)
		if (t->sides[i].code_title)
			return true;
	for (const struct row *r = model_first_row(t); r; r = model_next_in_table(r))
		if (r->code)
			return true;
	return false;
}

/* The structure fields every record starts with. */
static void row_fields(struct record *rec, const struct flat_tree *ft, size_t i,
		       bool sides, bool codes)
{
	const struct row *r = ft->flat.v[i].row;
	field_num(rec, i + 1);
	if (r->parent)
		field_num(rec, ft->pos[r->parent->index]);
	else
		field(rec, NULL);
	field_num(rec, (size_t)ft->flat.v[i].depth);
	if (sides)
		field(rec, r->side->id ? r->side->id : r->side->title);
	if (codes)
		field(rec, r->code);
}

/* A column heading with its spanning headings: "财政拨款/小计". */
static void heading_field(struct record *rec, const struct column *c)
{
	struct sbuf h = { 0 };
	render_column_heading(c, "/", &h);
	field(rec, h.s);
	sbuf_free(&h);
}

/* One table, wide: one record per row.  Sides take turns; a side's
 * columns are titled with the side first when there are several. */
static void export_wide(const struct table *t, struct record *rec)
{
	bool sides = t->nsides > 1, codes = any_code(t), of_which = false;
	size_t nlabels = 0;
	struct flat_tree ft;
	for (size_t s = 0; s < t->nsides; s++)
		if (t->sides[s].nlabels > nlabels)
			nlabels = t->sides[s].nlabels;
	for (const struct row *r = model_first_row(t); r; r = model_next_in_table(r))
		of_which |= r->of_which;
	field(rec, msg(M_CSV_ROW));
	field(rec, msg(M_CSV_PARENT));
	field(rec, msg(M_CSV_LEVEL));
	if (sides)
		field(rec, msg(M_CSV_SIDE));
	if (codes)
		field(rec, t->nsides == 1 && t->sides[0].code_title ? t->sides[0].code_title
								    : msg(M_CSV_CODE));
	/* Label columns: the first side's titles (one side: its own). */
	for (size_t i = 0; i < nlabels; i++) {
		const struct side *s = &t->sides[0];
		field(rec, i < s->nlabels && *s->labels[i].title ? s->labels[i].title
								: msg(M_CSV_NAME));
	}
	for (size_t s = 0; s < t->nsides; s++)
		for (size_t i = 0; i < t->sides[s].ncolumns; i++) {
			if (!sides) {
				heading_field(rec, &t->sides[s].columns[i]);
				continue;
			}
			struct sbuf h = { 0 };
			sbuf_addf(&h, "%s/", t->sides[s].title ? t->sides[s].title : t->sides[s].id);
			render_column_heading(&t->sides[s].columns[i], "/", &h);
			field(rec, h.s);
			sbuf_free(&h);
		}
	if (of_which)
		field(rec, msg(M_CSV_OF_WHICH));
	for (size_t i = 0; i < t->ntexts; i++)
		field(rec, t->texts[i].title);
	end_record(rec);
	flat_tree(t, &ft);
	for (size_t i = 0; i < ft.flat.n; i++) {
		const struct row *r = ft.flat.v[i].row;
		row_fields(rec, &ft, i, sides, codes);
		for (size_t k = 0; k < nlabels; k++)
			field(rec, k < r->side->nlabels ? r->labels[k] : NULL);
		for (size_t s = 0; s < t->nsides; s++)
			for (size_t k = 0; k < t->sides[s].ncolumns; k++) {
				if (&t->sides[s] == r->side)
					cell_field(rec, r, k);
				else
					field(rec, NULL);
			}
		if (of_which)
			field(rec, r->of_which ? "1" : NULL);
		for (size_t k = 0; k < t->ntexts; k++)
			field(rec, r->texts ? r->texts[k] : NULL);
		end_record(rec);
	}
	flat_tree_free(&ft);
}

static void start(const struct export_opts *o, FILE *f)
{
	if (o->bom)
		fputs("\xEF\xBB\xBF", f);
}

void export_table(const struct table *t, const struct export_opts *o, FILE *f)
{
	struct record rec = { o->format, { 0 }, 0, f };
	start(o, f);
	export_wide(o->cmp ? compare_derive(o->cmp, t, o->column) : t, &rec);
	sbuf_free(&rec.line);
}

/* The long-form records of one table. */
static void export_long(const struct table *t, bool department, struct record *rec)
{
	struct flat_tree ft;
	struct sbuf name = { 0 };
	flat_tree(t, &ft);
	for (size_t i = 0; i < ft.flat.n; i++) {
		const struct row *r = ft.flat.v[i].row;
		sbuf_clear(&name);
		model_row_labels(r, &name);
		for (size_t k = 0; k < r->side->ncolumns + t->ntexts; k++) {
			size_t x = k - r->side->ncolumns;	/* a text field, past the columns */
			const char *text = k < r->side->ncolumns || !r->texts ? NULL : r->texts[x];
			if (k >= r->side->ncolumns && !text)
				continue;	/* no record for a text the row lacks */
			if (department)
				field(rec, t->doc->department);
			field(rec, t->label);
			row_fields(rec, &ft, i, true, true);
			field(rec, name.s ? name.s : "");
			if (k < r->side->ncolumns) {
				heading_field(rec, &r->side->columns[k]);
				cell_field(rec, r, k);
			} else {
				field(rec, t->texts[x].title);
				field(rec, text);
			}
			end_record(rec);
		}
	}
	sbuf_free(&name);
	flat_tree_free(&ft);
}

void export_long_form(const struct document *doc, const char *view, bool header,
		      const struct export_opts *o, FILE *f)
{
	struct record rec = { o->format, { 0 }, 0, f };
	static const enum msg_id head[] = { M_CSV_TABLE, M_CSV_ROW, M_CSV_PARENT, M_CSV_LEVEL,
					    M_CSV_SIDE, M_CSV_CODE, M_CSV_NAME, M_CSV_COLUMN,
					    M_CSV_VALUE };
	if (header) {
		start(o, f);
		if (o->department)
			field(&rec, msg(M_CSV_DEPARTMENT));
		for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
			field(&rec, msg(head[i]));
		end_record(&rec);
	}
	const struct table *only = view ? model_find_table(doc, view) : NULL;
	if (view && !only) {
		sbuf_free(&rec.line);
		return;
	}
	if (!o->cmp) {
		for (size_t n = 0; n < doc->ntables; n++)
			if (!only || only == &doc->tables[n])
				export_long(&doc->tables[n], o->department, &rec);
	} else {
		for (size_t n = 0; n < o->cmp->ntables; n++) {
			const struct cmp_table *ct = &o->cmp->tables[n];
			const struct table *t = ct->cur ? ct->cur : ct->old;
			if ((!only || only == t) && print_compares(t, o->column))
				export_long(compare_derive(o->cmp, t, o->column), o->department,
					    &rec);
		}
	}
	sbuf_free(&rec.line);
}

void export_document(const struct document *doc, const struct export_opts *o, FILE *f)
{
	export_long_form(doc, NULL, true, o, f);
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

bool export_view(const struct document *doc, const char *view, const struct export_opts *o,
		 FILE *f, struct print_error *err)
{
	const struct table *t;
	if (strcmp(view, "all") == 0) {
		export_document(doc, o, f);
		return true;
	}
	if ((t = model_find_table(doc, view))) {
		if (print_refuse_column(t, o->cmp, o->column, err))
			return false;
		export_table(t, o, f);
		return true;
	}
	if (model_find_section(doc, view))
		snprintf(err->message, sizeof err->message, msg(M_EXPORT_NARRATIVE), view, view);
	else
		snprintf(err->message, sizeof err->message, msg(M_PRINT_NO_VIEW), view, doc->path);
	return false;
}
