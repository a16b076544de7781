/* loader.c: the schema of budget.yaml(5), walked over libyaml's events.
 * Every key is checked: an unknown key is an error that names it, so a
 * typo never silently drops data.  Names that point elsewhere (sum_of,
 * references, links, totals) are kept as written and resolved once what
 * they name has been read. */
#include "doc/loader.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc/classify.h"
#include "doc/defaults.h"
#include "doc/flatten.h"
#include "doc/msg.h"
#include "doc/text.h"
#include "doc/util.h"
#include "doc/yread.h"

/* A row's `link:`, resolved once every table is read. */
struct pending_link {
	struct row *row;
	struct cell_ref ref;
};

/* Where a name that is checked once more of the file is read (a total,
 * a see entry, a figure or side id) was written, for the message.  Found
 * by the pointer the document keeps, which is the name's own copy. */
struct written {
	const char *name;
	int line, col;
};

struct loader {
	struct document *doc;
	struct yread rd;
	int schema;
	char key[256];			/* the key just read, cut to KEY_SHOWN
					 * columns for messages */
	struct sbuf other;		/* the whole of a key map_next gave as
					 * MAP_OTHER (a table's text field) */
	int key_line, key_col;		/* where it was */
	struct pending_link *links;
	size_t nlinks, caplinks;
	struct written *written;
	size_t nwritten, capwritten;
	struct strmap table_names;	/* table id or label → 1 + its index */
	bool numbers[100];		/* table numbers taken (1 to 99) */
	struct strmap interned;		/* short strings kept once (keep) */
	struct strmap text_keys;	/* the current table's text fields: key →
					 * 1 + index */
	char table_desc[64];		/* see table_desc */
};

/* ---- errors -------------------------------------------------------------- */

/* Record the first error at line:col and return false.  The message is
 * sanitised: it may quote the file. */
static bool fail_at(struct loader *ld, int line, int col, enum msg_id fmt, ...)
{
	if (ld->rd.failed)
		return false;
	char raw[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, msg(fmt), ap);
	text_drop_partial(raw);
	va_end(ap);
	yaml_mark_t m = { 0, (size_t)(line > 0 ? line - 1 : 0), (size_t)(col > 0 ? col - 1 : 0) };
	char *clean = text_sanitize(raw, false);
	yread_fail(&ld->rd, m, clean);
	free(clean);
	return false;
}

/* Strings up to this many bytes are kept once per document. */
#define INTERN_MAX 63
/* A key is quoted in messages up to this many columns. */
#define KEY_SHOWN 80

#define LINE(e) ((int)(e)->start_mark.line + 1)
#define COL(e) ((int)(e)->start_mark.column + 1)

/* Remember where name was written, for a message about it later: it
 * comes back as a copy of its own, so that written_at tells it from the
 * same name written elsewhere (short strings are kept once: keep). */
static const char *remember(struct loader *ld, const char *name, int line, int col)
{
	if (!name)
		return NULL;
	const char *own = model_strdup(ld->doc, name);
	struct written w = { own, line, col };
	DA_PUSH(ld->written, ld->nwritten, ld->capwritten, w);
	return own;
}

/* Where name was written; *line and *col are left as they are when it
 * was not remembered.  Linear, but only ever asked for a message. */
static void written_at(const struct loader *ld, const char *name, int *line, int *col)
{
	for (size_t i = 0; i < ld->nwritten; i++)
		if (ld->written[i].name == name) {
			*line = ld->written[i].line;
			*col = ld->written[i].col;
			return;
		}
}

/* How a message names table t, never NULL: its label once it is known.
 * Before that (schema 1 builds its label, 表N, when the table ends; schema
 * 2 may give the label after the rows) the same 表N from the number in
 * schema 1, else the id, the number, or "this table". */
static const char *table_desc(struct loader *ld, const struct table *t)
{
	if (t->label)
		return t->label;
	if (ld->schema < 2 && t->number > 0)
		snprintf(ld->table_desc, sizeof ld->table_desc, defaults_schema1_label,
			 t->number);
	else if (t->id)
		return t->id;
	else if (t->number > 0)
		snprintf(ld->table_desc, sizeof ld->table_desc, msg(M_TABLE_NUMBERED),
			 t->number);
	else
		return msg(M_THIS_TABLE);
	return ld->table_desc;
}

/* The next event, which must start a value of `what`: NULL on error. */
static const yaml_event_t *value(struct loader *ld)
{
	return yread_peek(&ld->rd);
}

static const char *event_name(const yaml_event_t *e)
{
	switch (e->type) {
	case YAML_SCALAR_EVENT: return msg(M_A_SCALAR);
	case YAML_SEQUENCE_START_EVENT: return msg(M_A_SEQUENCE);
	case YAML_MAPPING_START_EVENT: return msg(M_A_MAPPING);
	default: return msg(M_SOMETHING_ELSE);
	}
}

static bool is_null(const yaml_event_t *e)
{
	if (e->type != YAML_SCALAR_EVENT || e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *v = (const char *)e->data.scalar.value;
	return !*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") ||
	       !strcmp(v, "NULL");
}

/* ---- collections ---------------------------------------------------------- */

struct map {
	const char *what;
	const char *const *keys;	/* NULL-terminated */
	uint64_t v2only;		/* keys only schema 2 has */
	uint64_t seen;
	bool other;			/* keys outside `keys` go to the caller */
	int line, col;
};

enum { MAP_END = -1, MAP_ERROR = -2, MAP_OTHER = -3 };

static bool begin(struct loader *ld, yaml_event_type_t type, const char *what,
		  int *line, int *col)
{
	const yaml_event_t *e = value(ld);
	if (!e)
		return false;
	if (e->type != type)
		return fail_at(ld, LINE(e), COL(e), M_MUST_BE, what,
			       type == YAML_MAPPING_START_EVENT ? msg(M_A_MAPPING)
							       : msg(M_A_SEQUENCE),
			       event_name(e));
	if (line) {
		*line = LINE(e);
		*col = COL(e);
	}
	yread_take(&ld->rd);
	return true;
}

static bool map_begin(struct loader *ld, struct map *m)
{
	m->seen = 0;
	return begin(ld, YAML_MAPPING_START_EVENT, m->what, &m->line, &m->col);
}

/* The keys a mapping accepts in this schema, for messages. */
static void expected_keys(const struct loader *ld, const struct map *m, struct sbuf *b)
{
	for (int i = 0; m->keys[i]; i++) {
		if (ld->schema < 2 && (m->v2only >> i & 1))
			continue;
		sbuf_addf(b, "%s%s", b->len ? ", " : "", m->keys[i]);
	}
}

/* The next key of a mapping: its index in m->keys, MAP_OTHER (the key is
 * in ld->other) when m->other and it is not one of them, MAP_END after
 * the mapping's end, MAP_ERROR. */
static int map_next(struct loader *ld, struct map *m)
{
	const yaml_event_t *e = value(ld);
	if (!e)
		return MAP_ERROR;
	if (e->type == YAML_MAPPING_END_EVENT) {
		yread_take(&ld->rd);
		return MAP_END;
	}
	if (e->type != YAML_SCALAR_EVENT) {
		fail_at(ld, LINE(e), COL(e), M_KEY_NOT_SCALAR, m->what);
		return MAP_ERROR;
	}
	const char *k = (const char *)e->data.scalar.value;
	int line = LINE(e), col = COL(e);
	size_t n = strlen(k);
	if (n < KEY_SHOWN)	/* fewer bytes than columns: no crop to measure */
		memcpy(ld->key, k, n + 1);
	else
		text_crop(ld->key, sizeof ld->key, k, KEY_SHOWN);
	ld->key_line = line;
	ld->key_col = col;
	int i;
	for (i = 0; m->keys[i]; i++)
		if (strcmp(m->keys[i], k) == 0 && !(ld->schema < 2 && (m->v2only >> i & 1)))
			break;
	if (!m->keys[i] && m->other) {
		sbuf_clear(&ld->other);
		sbuf_add(&ld->other, k);
		yread_take(&ld->rd);
		return MAP_OTHER;
	}
	if (!m->keys[i]) {
		struct sbuf b = { 0 };
		expected_keys(ld, m, &b);
		fail_at(ld, line, col, M_UNKNOWN_KEY, ld->key, m->what, b.s);
		sbuf_free(&b);
		return MAP_ERROR;
	}
	if (m->seen >> i & 1) {
		fail_at(ld, line, col, M_DUPLICATE_KEY, ld->key, m->what);
		return MAP_ERROR;
	}
	m->seen |= (uint64_t)1 << i;
	yread_take(&ld->rd);
	return i;
}

static bool map_has(const struct map *m, int key)
{
	return m->seen >> key & 1;
}

/* Every key of `required` (indexes, ending with -1) was given. */
static bool map_require(struct loader *ld, const struct map *m, const int *required)
{
	for (; *required >= 0; required++)
		if (!map_has(m, *required))
			return fail_at(ld, m->line, m->col, M_REQUIRED_KEY, m->what,
				       m->keys[*required]);
	return true;
}

static bool seq_begin(struct loader *ld, const char *what, int *line, int *col)
{
	return begin(ld, YAML_SEQUENCE_START_EVENT, what, line, col);
}

/* True while the sequence has another item (left unread); false at its
 * end (consumed) or on an error (ld->rd.failed). */
static bool seq_next(struct loader *ld)
{
	const yaml_event_t *e = value(ld);
	if (!e)
		return false;
	if (e->type == YAML_SEQUENCE_END_EVENT) {
		yread_take(&ld->rd);
		return false;
	}
	return true;
}

#define OK(ld) (!(ld)->rd.failed)

/* ---- scalars ------------------------------------------------------------ */

/* The scalar that comes next, left unread; NULL after an error. */
static const yaml_event_t *scalar(struct loader *ld, const char *what)
{
	const yaml_event_t *e = value(ld);
	if (!e)
		return NULL;
	if (e->type != YAML_SCALAR_EVENT) {
		fail_at(ld, LINE(e), COL(e), M_MUST_BE, what, msg(M_A_SCALAR), event_name(e));
		return NULL;
	}
	return e;
}

/* A copy of s in the document, once per document for a short one: names,
 * codes and keys repeat from row to row (a third of a file's strings). */
static const char *keep(struct loader *ld, const char *s, size_t n)
{
	if (n > INTERN_MAX)
		return model_strndup(ld->doc, s, n);
	char key[INTERN_MAX + 1];
	memcpy(key, s, n);
	key[n] = '\0';
	const char *kept = strmap_get(&ld->interned, key);
	if (!kept) {
		kept = model_strndup(ld->doc, s, n);
		strmap_put(&ld->interned, key, (void *)kept);
	}
	return kept;
}

/* The text of a scalar, copied into the document as it may be shown (the
 * one sanitiser, text_sanitize); NULL on error. */
static const char *text_of(struct loader *ld, const char *what, bool multiline)
{
	const yaml_event_t *e = scalar(ld, what);
	if (!e)
		return NULL;
	const char *v = (const char *)e->data.scalar.value;
	size_t n = e->data.scalar.length;
	const char *s;
	if (text_is_clean(v, n, multiline)) {
		s = keep(ld, v, n);
	} else {
		char *clean = text_sanitize(v, multiline);
		s = keep(ld, clean, strlen(clean));
		free(clean);
	}
	yread_take(&ld->rd);
	return s;
}

/* Text, where null (~) leaves *out as it was when_null says: NULL or "". */
static bool text_or_null(struct loader *ld, const char *what, const char **out, bool multiline,
			 const char *when_null)
{
	const yaml_event_t *e = value(ld);
	if (!e)
		return false;
	if (is_null(e)) {
		yread_take(&ld->rd);
		if (when_null)
			*out = when_null;
		return true;
	}
	return (*out = text_of(ld, what, multiline)) != NULL;
}

/* Text that may be null (~): *out stays NULL then. */
static bool opt_text(struct loader *ld, const char *what, const char **out, bool multiline)
{
	return text_or_null(ld, what, out, multiline, NULL);
}

/* Text where null means empty ("name: ~" is an empty name). */
static bool req_text(struct loader *ld, const char *what, const char **out)
{
	return text_or_null(ld, what, out, false, "");
}

/* An amount; a leading zero gets a hint, as it is what YAML makes of an
 * unquoted "1,000.00" in a flow list. */
static bool amount_value(struct loader *ld, const char *what, amount_t *out, int *places,
			 int *line)
{
	const yaml_event_t *e = scalar(ld, what);
	if (!e)
		return false;
	amount_why why;
	const char *v = (const char *)e->data.scalar.value;
	if (line)
		*line = LINE(e);
	if (!amount_parse(v, out, places, &why))
		return fail_at(ld, LINE(e), COL(e),
			       why == M_NUM_LEADING_ZERO ? M_NOT_AN_AMOUNT_ZERO : M_NOT_AN_AMOUNT,
			       what, v, msg((enum msg_id)why));
	yread_take(&ld->rd);
	return true;
}

static bool int_value(struct loader *ld, const char *what, long lo, long hi, int *out)
{
	const yaml_event_t *e = scalar(ld, what);
	if (!e)
		return false;
	const char *v = (const char *)e->data.scalar.value;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (!*v || *end || errno || n < lo || n > hi)
		return fail_at(ld, LINE(e), COL(e), M_NOT_A_WHOLE_NUMBER, what, v, lo, hi);
	*out = (int)n;
	yread_take(&ld->rd);
	return true;
}

static bool bool_value(struct loader *ld, const char *what, bool *out)
{
	const yaml_event_t *e = scalar(ld, what);
	if (!e)
		return false;
	const char *v = (const char *)e->data.scalar.value;
	if (e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		if (!strcmp(v, "true") || !strcmp(v, "yes")) {
			*out = true;
			yread_take(&ld->rd);
			return true;
		}
		if (!strcmp(v, "false") || !strcmp(v, "no")) {
			*out = false;
			yread_take(&ld->rd);
			return true;
		}
	}
	return fail_at(ld, LINE(e), COL(e), M_NOT_A_BOOL, what);
}

static bool is_ident(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* An identifier: [a-z0-9_]+, for keys, ids and references. */
static bool ident(struct loader *ld, const char *what, const char **out)
{
	const yaml_event_t *e = scalar(ld, what);
	if (!e)
		return false;
	const char *v = (const char *)e->data.scalar.value;
	if (!is_ident(v))
		return fail_at(ld, LINE(e), COL(e), M_NOT_AN_IDENT, what, v);
	*out = keep(ld, v, strlen(v));
	yread_take(&ld->rd);
	return true;
}

/* A table name as written: an id, a printed label or a number. */
static bool table_name(struct loader *ld, const char **out)
{
	if (ld->schema < 2) {
		int n;
		const yaml_event_t *e = scalar(ld, "table");
		if (!e || !int_value(ld, "table", 1, 99, &n))
			return false;
		char buf[16];
		snprintf(buf, sizeof buf, "%d", n);
		*out = model_strdup(ld->doc, buf);
		return true;
	}
	return (*out = text_of(ld, "table", false)) != NULL;
}

/* A list of text scalars into an arena array; with where, each is
 * remembered where it was written. */
static bool text_list_where(struct loader *ld, const char *what, const char ***out,
			    size_t *count, bool multiline, bool where)
{
	const char **v = NULL;
	size_t n = 0, cap = 0;
	if (!seq_begin(ld, what, NULL, NULL))
		return false;
	while (seq_next(ld)) {
		const yaml_event_t *e = value(ld);
		if (!e)
			break;
		int line = LINE(e), col = COL(e);
		const char *s = text_of(ld, what, multiline);
		if (!s)
			break;
		if (where)
			s = remember(ld, s, line, col);
		DA_PUSH(v, n, cap, s);
	}
	if (OK(ld)) {
		*out = model_alloc(ld->doc, (n ? n : 1) * sizeof **out);
		if (n)
			memcpy(*out, v, n * sizeof *v);
		*count = n;
	}
	free(v);
	return OK(ld);
}

static bool text_list(struct loader *ld, const char *what, const char ***out,
		      size_t *count, bool multiline)
{
	return text_list_where(ld, what, out, count, multiline, false);
}

/* One text, or a list of them (a column's spanning headings). */
static bool text_or_list(struct loader *ld, const char *what, const char ***out,
			 size_t *count)
{
	const yaml_event_t *e = value(ld);
	if (!e)
		return false;
	if (e->type == YAML_SEQUENCE_START_EVENT)
		return text_list(ld, what, out, count, false);
	*out = model_alloc(ld->doc, sizeof **out);
	*count = 1;
	return ((*out)[0] = text_of(ld, what, false)) != NULL;
}

/* ---- narrative ------------------------------------------------------------ */

static bool load_text_table(struct loader *ld, struct text_table *tt)
{
	static const char *const keys[] = { "title", "columns", "rows", NULL };
	enum { TITLE, COLUMNS, ROWS };
	struct map m = { msg(M_WHAT_TEXT_TABLE), keys, 0, 0, false, 0, 0 };
	int k;
	if (!map_begin(ld, &m))
		return false;
	while ((k = map_next(ld, &m)) >= 0) {
		switch (k) {
		case TITLE:
			opt_text(ld, "title", &tt->title, false);
			break;
		case COLUMNS:
			text_list(ld, "columns", &tt->columns, &tt->ncolumns, false);
			break;
		case ROWS: {
			if (!map_has(&m, COLUMNS))
				return fail_at(ld, ld->key_line, ld->key_col, M_AFTER, "rows",
					       "columns");
			const char ***rows = NULL;
			size_t n = 0, cap = 0;
			if (!seq_begin(ld, "rows", NULL, NULL))
				break;
			while (seq_next(ld)) {
				const yaml_event_t *e = value(ld);
				int line = LINE(e), col = COL(e);
				const char **cells;
				size_t ncells;
				if (!text_list(ld, msg(M_WHAT_TEXT_TABLE_ROW), &cells, &ncells, true))
					break;
				if (ncells != tt->ncolumns) {
					fail_at(ld, line, col, M_ROW_CELLS, ncells, tt->ncolumns);
					break;
				}
				DA_PUSH(rows, n, cap, cells);
			}
			tt->rows = model_alloc(ld->doc, (n ? n : 1) * sizeof *tt->rows);
			if (n)
				memcpy(tt->rows, rows, n * sizeof *rows);
			tt->nrows = n;
			free(rows);
			break;
		}
		}
		if (!OK(ld))
			return false;
	}
	static const int req[] = { COLUMNS, ROWS, -1 };
	return k == MAP_END && map_require(ld, &m, req);
}

/* One of a list of words (NULL-terminated): its index in *out.  Words
 * whose bit is set in v2only exist from schema 2 on; anything else fails
 * with message bad. */
static bool one_of(struct loader *ld, const char *what, const char *const *words,
		   unsigned v2only, enum msg_id bad, int *out)
{
	const yaml_event_t *s = scalar(ld, what);
	if (!s)
		return false;
	const char *v = (const char *)s->data.scalar.value;
	for (int i = 0; words[i]; i++)
		if (!strcmp(v, words[i]) && (ld->schema >= 2 || !(v2only & 1u << i))) {
			*out = i;
			yread_take(&ld->rd);
			return true;
		}
	return fail_at(ld, LINE(s), COL(s), bad);
}

/* A reference to a table cell (a figure's ref, a share's base, a link). */
static bool load_ref(struct loader *ld, const char *what, struct cell_ref *ref,
		     bool figure_allowed)
{
	static const char *const keys[] = { "table", "row", "column", "side", "figure", NULL };
	enum { TABLE, ROW, COLUMN, SIDE, FIGURE };
	struct map m = { what, keys, 1u << SIDE | 1u << FIGURE, 0, false, 0, 0 };
	int k;
	if (!map_begin(ld, &m))
		return false;
	ref->kind = REF_CELL;
	ref->line = m.line;
	ref->col = m.col;
	while ((k = map_next(ld, &m)) >= 0) {
		switch (k) {
		case TABLE: table_name(ld, &ref->table_name); break;
		case ROW: ident(ld, "row", &ref->row_id); break;
		case COLUMN: ident(ld, "column", &ref->column_key); break;
		case SIDE: ident(ld, "side", &ref->side_name); break;
		case FIGURE: ident(ld, "figure", &ref->figure_id); break;
		}
		if (!OK(ld))
			return false;
	}
	if (k != MAP_END)
		return false;
	if (map_has(&m, FIGURE)) {
		if (!figure_allowed || map_has(&m, TABLE) || map_has(&m, ROW))
			return fail_at(ld, m.line, m.col, M_REF_FIGURE_OR_TABLE);
		ref->kind = REF_FIGURE;
		return true;
	}
	static const int req[] = { TABLE, ROW, -1 };
	return map_require(ld, &m, req);
}

/* A figure's `known`: in schema 1 one text for all its checks, in schema
 * 2 a mapping from the check to its reason. */
static bool load_figure_known(struct loader *ld, struct figure *f)
{
	if (ld->schema < 2) {
		const char *why = NULL;
		if (!opt_text(ld, "known", &why, true))
			return false;
		for (int i = 0; i < FC_COUNT; i++)
			f->known[i] = why;
		return true;
	}
	static const char *const keys[] = { "value", "change", "rate", "share", "prior", NULL };
	struct map m = { msg(M_WHAT_KNOWN), keys, 0, 0, false, 0, 0 };
	int k;
	if (!map_begin(ld, &m))
		return false;
	while ((k = map_next(ld, &m)) >= 0)
		if (!(f->known[k] = text_of(ld, keys[k], true)))
			return false;
	return k == MAP_END;
}

static bool load_figure(struct loader *ld, struct figure *f)
{
	static const char *const keys[] = { "id", "label", "value", "unit", "change", "rate",
		"ref", "note", "known", "quantity", "prior", "share", "share_of", "new",
		"comparable", NULL };
	enum { ID, LABEL, VALUE, UNIT, CHANGE, RATE, REF, NOTE, KNOWN, QUANTITY, PRIOR,
	       SHARE, SHARE_OF, NEW, COMPARABLE };
	struct map m = { msg(M_WHAT_FIGURE), keys, 0, 0, false, 0, 0 };
	m.v2only = 1u << QUANTITY | 1u << PRIOR | 1u << SHARE | 1u << SHARE_OF |
		   1u << NEW | 1u << COMPARABLE;
	int k, places;
	if (!map_begin(ld, &m))
		return false;
	f->line = m.line;
	while ((k = map_next(ld, &m)) >= 0) {
		const yaml_event_t *e = value(ld);
		if (!e)
			return false;
		switch (k) {
		case ID: {
			int line = LINE(e), col = COL(e);	/* e is gone once read */
			if (ident(ld, msg(M_WHAT_FIGURE_ID), &f->id))
				f->id = remember(ld, f->id, line, col);
			break;
		}
		case LABEL: req_text(ld, "label", &f->label); break;
		case VALUE:
			f->value_line = LINE(e);
			if (ld->schema >= 2 && is_null(e)) {
				f->value_blank = true;
				yread_take(&ld->rd);
			} else if (amount_value(ld, "value", &f->value, NULL, NULL)) {
				f->has_value = true;
			}
			break;
		case QUANTITY:
			f->value_line = LINE(e);
			if (amount_value(ld, "quantity", &f->value, &places, NULL)) {
				f->has_value = f->quantity = true;
				f->quantity_places = places;
			}
			break;
		case UNIT: opt_text(ld, "unit", &f->unit, false); break;
		case CHANGE:
			f->change_line = LINE(e);
			f->has_change = amount_value(ld, "change", &f->change, NULL, NULL);
			break;
		case PRIOR:
			f->prior_line = LINE(e);
			f->has_prior = amount_value(ld, "prior", &f->prior, NULL, NULL);
			break;
		case RATE:
		case SHARE: {
			const yaml_event_t *s = scalar(ld, keys[k]);
			amount_why why;
			int64_t *v = k == RATE ? &f->rate : &f->share;
			int *p = k == RATE ? &f->rate_places : &f->share_places;
			if (!s)
				return false;
			if (!rate_parse((const char *)s->data.scalar.value, v, p, &why))
				return fail_at(ld, LINE(s), COL(s), M_NOT_A_RATE, keys[k],
					       (const char *)s->data.scalar.value,
					       msg((enum msg_id)why));
			*(k == RATE ? &f->rate_line : &f->share_line) = LINE(s);
			*(k == RATE ? &f->has_rate : &f->has_share) = true;
			yread_take(&ld->rd);
			break;
		}
		case REF: load_ref(ld, "ref", &f->ref, false); break;
		case SHARE_OF: load_ref(ld, "share_of", &f->share_of, true); break;
		case NOTE: opt_text(ld, "note", &f->note, true); break;
		case KNOWN: load_figure_known(ld, f); break;
		case NEW: bool_value(ld, "new", &f->is_new); break;
		case COMPARABLE: {
			bool comparable = true;
			if (bool_value(ld, "comparable", &comparable))
				f->not_comparable = !comparable;
			break;
		}
		}
		if (!OK(ld))
			return false;
	}
	if (k != MAP_END)
		return false;
	if (ld->schema < 2) {
		static const int req[] = { ID, LABEL, VALUE, -1 };
		if (!map_require(ld, &m, req))
			return false;
	} else {
		static const int req[] = { ID, LABEL, -1 };
		if (!map_require(ld, &m, req))
			return false;
		if (!f->has_value && !f->value_blank && !f->has_change && !f->has_share)
			return fail_at(ld, m.line, m.col, M_FIGURE_STATES_NOTHING, f->id);
		if (map_has(&m, VALUE) && map_has(&m, QUANTITY))
			return fail_at(ld, m.line, m.col, M_FIGURE_VALUE_AND_QUANTITY, f->id);
		if (f->quantity && !map_has(&m, UNIT))
			return fail_at(ld, m.line, m.col, M_QUANTITY_NEEDS_UNIT, f->id);
		if (f->has_share && !map_has(&m, SHARE_OF))
			return fail_at(ld, m.line, m.col, M_SHARE_NEEDS_BASE, f->id);
	}
	if (!f->unit)
		f->unit = ld->doc->unit;
	return true;
}

static bool load_term(struct loader *ld, struct term *t)
{
	static const char *const keys[] = { "term", "definition", NULL };
	struct map m = { msg(M_WHAT_TERM), keys, 0, 0, false, 0, 0 };
	int k;
	if (!map_begin(ld, &m))
		return false;
	while ((k = map_next(ld, &m)) >= 0) {
		if (k == 0)
			req_text(ld, "term", &t->term);
		else
			t->definition = text_of(ld, "definition", true);
		if (!OK(ld))
			return false;
	}
	static const int req[] = { 0, 1, -1 };
	return k == MAP_END && map_require(ld, &m, req);
}

/* A list of mappings into an arena array of n elements of `size`, each
 * read by fn.  After an error the elements read so far, the failed one
 * too, are still handed over, so that model_free frees what they hold. */
static bool load_array(struct loader *ld, const char *what, size_t size, void **out,
		       size_t *count, bool (*fn)(struct loader *, void *, void *), void *ctx)
{
	char *v = NULL;
	size_t n = 0, cap = 0;
	if (!seq_begin(ld, what, NULL, NULL))
		return false;
	while (seq_next(ld)) {
		v = da_grow(v, n, &cap, size);
		memset(v + n * size, 0, size);
		n++;
		if (!fn(ld, v + (n - 1) * size, ctx))
			break;
	}
	*out = model_alloc(ld->doc, (n ? n : 1) * size);
	if (n)
		memcpy(*out, v, n * size);
	*count = n;
	free(v);
	return OK(ld);
}

static bool figure_item(struct loader *ld, void *p, void *section)
{
	struct figure *f = p;
	f->section = section;
	return load_figure(ld, f);
}

static bool term_item(struct loader *ld, void *p, void *ctx)
{
	(void)ctx;
	return load_term(ld, p);
}

static bool text_table_item(struct loader *ld, void *p, void *ctx)
{
	(void)ctx;
	return load_text_table(ld, p);
}

static bool load_sections(struct loader *ld, struct section *parent);

static bool load_section(struct loader *ld, struct section *s)
{
	static const char *const keys[] = { "title", "id", "paragraphs", "tables",
		"figures", "terms", "sections", "see", NULL };
	enum { TITLE, ID, PARAGRAPHS, TABLES, FIGURES, TERMS, SECTIONS, SEE };
	struct map m = { msg(M_WHAT_SECTION), keys, 1u << SEE, 0, false, 0, 0 };
	int k;
	if (!map_begin(ld, &m))
		return false;
	s->line = m.line;
	while ((k = map_next(ld, &m)) >= 0) {
		switch (k) {
		case TITLE: req_text(ld, "title", &s->title); break;
		case ID: {
			const yaml_event_t *e = value(ld);
			if (!e)
				return false;
			int line = LINE(e), col = COL(e);
			if (ident(ld, msg(M_WHAT_SECTION_ID), &s->id))
				s->id = remember(ld, s->id, line, col);
			break;
		}
		case PARAGRAPHS: {
			const yaml_event_t *e = value(ld);
			if (e && is_null(e))	/* "paragraphs:" with none */
				yread_take(&ld->rd);
			else
				text_list(ld, "paragraphs", &s->paragraphs, &s->nparagraphs, true);
			break;
		}
		case TABLES:
			load_array(ld, "tables", sizeof *s->tables, (void **)&s->tables,
				   &s->ntables, text_table_item, NULL);
			break;
		case FIGURES:
			load_array(ld, "figures", sizeof *s->figures, (void **)&s->figures,
				   &s->nfigures, figure_item, s);
			break;
		case TERMS:
			load_array(ld, "terms", sizeof *s->terms, (void **)&s->terms,
				   &s->nterms, term_item, NULL);
			break;
		case SECTIONS: load_sections(ld, s); break;
		case SEE: text_list_where(ld, "see", &s->see, &s->nsee, false, true); break;
		}
		if (!OK(ld))
			return false;
	}
	static const int req[] = { TITLE, -1 };
	return k == MAP_END && map_require(ld, &m, req);
}

static bool load_sections(struct loader *ld, struct section *parent)
{
	if (!seq_begin(ld, "sections", NULL, NULL))
		return false;
	while (seq_next(ld)) {
		struct section *s = model_alloc(ld->doc, sizeof *s);
		s->parent = parent;
		s->depth = parent ? parent->depth + 1 : 0;
		struct section **first = parent ? &parent->child : &ld->doc->parts;
		struct section **last = parent ? &parent->last_child : &ld->doc->last_part;
		if (*last)
			(*last)->next = s;
		else
			*first = s;
		*last = s;
		if (!load_section(ld, s))
			return false;
	}
	return OK(ld);
}

/* ---- columns -------------------------------------------------------------- */

/* A key as written, where it was written. */
struct keypos {
	const char *key;
	int line, col;
};

/* A list of keys (sum_of), each with its place for messages. */
static bool key_list(struct loader *ld, struct keypos **out, size_t *count)
{
	struct keypos *v = NULL;
	size_t n = 0, cap = 0;
	if (!seq_begin(ld, "sum_of", NULL, NULL))
		return false;
	while (seq_next(ld)) {
		const yaml_event_t *e = scalar(ld, "sum_of");
		struct keypos k = { NULL, 0, 0 };
		if (!e)
			break;
		k.line = LINE(e);
		k.col = COL(e);
		if (!(k.key = text_of(ld, "sum_of", false)))
			break;
		DA_PUSH(v, n, cap, k);
	}
	*out = v;
	*count = n;
	return OK(ld);
}

/* Columns are read into a growing array, then copied into the arena. */
struct column_list {
	struct column *v;
	size_t n, cap;
	/* Per column: its sum_of keys, resolved once all are read. */
	struct keypos **sum_keys;
	size_t *nsum_keys;
	struct keypos *unit_keys;	/* key NULL: none */
};

/* One column; *key says where its key was written. */
static bool load_column(struct loader *ld, struct column_list *cl, struct column *c,
			bool label, struct keypos *key)
{
	static const char *const keys[] = { "key", "title", "group", "type", "sum_of",
					    "unit", "unit_column", "places", NULL };
	enum { KEY, TITLE, GROUP, TYPE, SUM_OF, UNIT, UNIT_COLUMN, PLACES };
	struct map m = { msg(label ? M_WHAT_LABEL_COLUMN : M_WHAT_COLUMN), keys,
			 1u << UNIT | 1u << UNIT_COLUMN | 1u << PLACES, 0, false, 0, 0 };
	size_t i = cl->n;
	int k;
	if (!map_begin(ld, &m))
		return false;
	c->line = m.line;
	c->unit_column = -1;
	c->type = COL_TEXT;
	while ((k = map_next(ld, &m)) >= 0) {
		const yaml_event_t *e = value(ld);
		if (!e)
			return false;
		switch (k) {
		case KEY:
			key->line = LINE(e);
			key->col = COL(e);
			ident(ld, msg(M_WHAT_COLUMN_KEY), &c->key);
			key->key = c->key;
			break;
		case TITLE: req_text(ld, "title", &c->title); break;
		case GROUP: text_or_list(ld, "group", &c->group, &c->ngroup); break;
		case TYPE: {
			static const char *const types[] = { "amount", "text", "quantity", NULL };
			static const enum column_type as[] = { COL_AMOUNT, COL_TEXT, COL_QUANTITY };
			int t;
			if (!one_of(ld, "type", types, 1u << 2,
				    ld->schema >= 2 ? M_COLUMN_TYPE2 : M_COLUMN_TYPE1, &t))
				return false;
			c->type = as[t];
			break;
		}
		case SUM_OF:
			key_list(ld, &cl->sum_keys[i], &cl->nsum_keys[i]);
			break;
		case UNIT: opt_text(ld, "unit", &c->unit, false); break;
		case UNIT_COLUMN:
			cl->unit_keys[i].line = LINE(e);
			cl->unit_keys[i].col = COL(e);
			ident(ld, "unit_column", &cl->unit_keys[i].key);
			break;
		case PLACES: int_value(ld, "places", 0, 2, &c->places); break;
		}
		if (!OK(ld))
			return false;
	}
	if (k != MAP_END)
		return false;
	static const int req[] = { KEY, TITLE, TYPE, -1 };
	static const int req_label[] = { KEY, TITLE, -1 };
	if (!map_require(ld, &m, label ? req_label : req))
		return false;
	if (label && c->type != COL_TEXT)
		return fail_at(ld, m.line, m.col, M_LABEL_IS_TEXT);
	if ((map_has(&m, UNIT) || map_has(&m, UNIT_COLUMN) || map_has(&m, PLACES)) &&
	    c->type != COL_QUANTITY)
		return fail_at(ld, m.line, m.col, M_UNIT_FOR_QUANTITY);
	if (map_has(&m, SUM_OF) && c->type != COL_AMOUNT)
		return fail_at(ld, m.line, m.col, M_SUM_OF_AMOUNT);
	return true;
}

static void column_list_grow(struct column_list *cl)
{
	size_t cap = cl->cap;
	cl->v = da_grow(cl->v, cl->n, &cl->cap, sizeof *cl->v);
	if (cl->cap != cap) {
		cl->sum_keys = xrealloc(cl->sum_keys, cl->cap * sizeof *cl->sum_keys);
		cl->nsum_keys = xrealloc(cl->nsum_keys, cl->cap * sizeof *cl->nsum_keys);
		cl->unit_keys = xrealloc(cl->unit_keys, cl->cap * sizeof *cl->unit_keys);
		for (size_t i = cap; i < cl->cap; i++) {
			cl->sum_keys[i] = NULL;
			cl->nsum_keys[i] = 0;
			cl->unit_keys[i] = (struct keypos){ NULL, 0, 0 };
		}
	}
	memset(&cl->v[cl->n], 0, sizeof *cl->v);
}

static void column_list_free(struct column_list *cl)
{
	for (size_t i = 0; i < cl->cap; i++)
		free(cl->sum_keys[i]);
	free(cl->v);
	free(cl->sum_keys);
	free(cl->nsum_keys);
	free(cl->unit_keys);
}

/* Are the n indexes (each below limit) all different?  Linear. */
static bool distinct(const size_t *v, size_t n, size_t limit)
{
	bool *seen = xcalloc(limit, sizeof *seen), ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		ok = !seen[v[i]];
		seen[v[i]] = true;
	}
	free(seen);
	return ok;
}

/* Resolve sum_of and unit_column by key, each key looked up once. */
static bool resolve_columns(struct loader *ld, struct side *s, struct column_list *cl)
{
	for (size_t i = 0; i < cl->n; i++) {
		struct column *c = &s->columns[i];
		const struct keypos *uk = &cl->unit_keys[i];
		if (uk->key) {
			int u = model_column_index(s, uk->key);
			if (u < 0 || s->columns[u].type != COL_TEXT)
				return fail_at(ld, uk->line, uk->col, M_UNIT_COLUMN_NOT_TEXT,
					       uk->key);
			c->unit_column = u;
		}
		if (!cl->nsum_keys[i])
			continue;
		c->sum_of = model_alloc(ld->doc, cl->nsum_keys[i] * sizeof *c->sum_of);
		c->nsum_of = cl->nsum_keys[i];
		/* Each key once (distinct, after the loop). */
		for (size_t j = 0; j < cl->nsum_keys[i]; j++) {
			const struct keypos *k = &cl->sum_keys[i][j];
			int idx = model_column_index(s, k->key);
			if (idx < 0 || (size_t)idx == i || s->columns[idx].type != COL_AMOUNT)
				return fail_at(ld, k->line, k->col, M_SUM_OF_NAMES, k->key);
			c->sum_of[j] = (size_t)idx;
		}
		if (!distinct(c->sum_of, c->nsum_of, s->ncolumns))
			return fail_at(ld, cl->sum_keys[i][0].line, cl->sum_keys[i][0].col,
				       M_SUM_OF_TWICE);
	}
	return true;
}

/* A side's data columns (or label columns): keys unique, looked up in a
 * map, so that neither this nor sum_of is quadratic. */
static bool load_columns(struct loader *ld, struct side *s, bool labels)
{
	struct column_list cl = { 0 };
	struct strmap keys = { 0 };
	if (!seq_begin(ld, labels ? "labels" : "columns", NULL, NULL))
		return false;
	while (seq_next(ld)) {
		column_list_grow(&cl);
		struct column *c = &cl.v[cl.n];
		struct keypos key = { NULL, 0, 0 };
		if (!load_column(ld, &cl, c, labels, &key))
			break;
		if (strmap_get(&keys, c->key)) {
			fail_at(ld, key.line, key.col, M_DUPLICATE_COLUMN, c->key);
			break;
		}
		strmap_put(&keys, c->key, (void *)(cl.n + 1));
		cl.n++;
	}
	if (OK(ld)) {
		struct column *v = model_alloc(ld->doc, (cl.n ? cl.n : 1) * sizeof *v);
		if (cl.n)
			memcpy(v, cl.v, cl.n * sizeof *v);
		if (labels) {
			s->labels = v;
			s->nlabels = cl.n;
			strmap_free(&keys);
		} else {
			s->columns = v;
			s->ncolumns = cl.n;
			if (cl.n > MODEL_SCAN_MAX)
				s->column_keys = keys;
			else
				strmap_free(&keys);	/* few: model_column_index scans */
			resolve_columns(ld, s, &cl);
		}
	} else {
		strmap_free(&keys);
	}
	column_list_free(&cl);
	return OK(ld);
}

/* ---- rows ------------------------------------------------------------------- */

/* Read past one value: a scalar, or a collection and all it holds. */
static bool skip_value(struct loader *ld)
{
	int depth = 0;
	do {
		const yaml_event_t *e = value(ld);
		if (!e)
			return false;
		if (e->type == YAML_SEQUENCE_START_EVENT || e->type == YAML_MAPPING_START_EVENT)
			depth++;
		else if (e->type == YAML_SEQUENCE_END_EVENT || e->type == YAML_MAPPING_END_EVENT)
			depth--;
		yread_take(&ld->rd);
	} while (depth > 0);
	return true;
}

static bool load_cells(struct loader *ld, struct side *s, struct row *r)
{
	const struct table *t = s->table;
	int line, col;
	size_t n = 0;
	if (!seq_begin(ld, "values", &line, &col))
		return false;
	r->cells = model_alloc(ld->doc, (s->ncolumns ? s->ncolumns : 1) * sizeof *r->cells);
	while (seq_next(ld)) {
		const yaml_event_t *e = value(ld);
		if (n == s->ncolumns) {
			/* Too many: the message says how many there are. */
			do {
				if (!skip_value(ld))
					return false;
				n++;
			} while (seq_next(ld));
			return OK(ld) && fail_at(ld, line, col, M_VALUES_COUNT, n,
						 table_desc(ld, t), s->ncolumns);
		}
		const struct column *c = &s->columns[n];
		union cell *cell = &r->cells[n];
		if (is_null(e)) {
			if (c->type == COL_TEXT)
				cell->s = NULL;
			else
				cell->n = CELL_BLANK;
			yread_take(&ld->rd);
		} else if (c->type == COL_TEXT) {
			cell->s = text_of(ld, c->title, true);
		} else {
			int places, vline = LINE(e), vcol = COL(e);	/* e is gone once read */
			amount_t a;
			if (!amount_value(ld, c->title, &a, &places, NULL))
				return false;
			if (c->type == COL_QUANTITY && places > c->places)
				return fail_at(ld, vline, vcol, M_QUANTITY_PLACES,
					       c->title, c->places);
			cell->n = a;
		}
		if (!OK(ld))
			return false;
		n++;
	}
	if (OK(ld) && n != s->ncolumns)
		return fail_at(ld, line, col, M_VALUES_COUNT, n, table_desc(ld, t), s->ncolumns);
	return OK(ld);
}

/* `labels: [..]`: one text or ~ per label column. */
static bool load_labels(struct loader *ld, struct side *s, struct row *r)
{
	int line, col;
	size_t n = 0;
	if (!seq_begin(ld, "labels", &line, &col))
		return false;
	while (seq_next(ld)) {
		if (n == s->nlabels)
			return fail_at(ld, line, col, M_LABELS_COUNT, s->nlabels);
		if (!opt_text(ld, "labels", &r->labels[n], false))
			return false;
		n++;
	}
	if (OK(ld) && n != s->nlabels)
		return fail_at(ld, line, col, M_LABELS_COUNT, s->nlabels);
	return OK(ld);
}

/* The index of the current table's text field (content, goals, ...)
 * with this key, or -1. */
static int text_field(const struct loader *ld, const char *key)
{
	return (int)(size_t)strmap_get(&ld->text_keys, key) - 1;
}

static bool load_rows(struct loader *ld, struct side *s, struct row *parent);

static bool load_row(struct loader *ld, struct side *s, struct row *r)
{
	static const char *const keys[] = { "id", "code", "name", "values", "of_which",
		"total_after", "children", "known", "labels", "line", "link", NULL };
	enum { ID, CODE, NAME, VALUES, OF_WHICH, TOTAL_AFTER, CHILDREN, KNOWN, LABELS,
	       LINE_, LINK };
	struct table *t = s->table;
	struct map m = { msg(M_WHAT_ROW), keys, 0, 0, true, 0, 0 };
	m.v2only = 1u << LABELS | 1u << LINE_ | 1u << LINK;
	int k;
	if (!map_begin(ld, &m))
		return false;
	r->line = m.line;
	r->col = m.col;
	r->labels = model_alloc(ld->doc, (s->nlabels ? s->nlabels : 1) * sizeof *r->labels);
	while ((k = map_next(ld, &m)) != MAP_END && k != MAP_ERROR) {
		const yaml_event_t *e = value(ld);
		if (!e)
			return false;
		switch (k) {
		case MAP_OTHER: {
			int f = text_field(ld, ld->other.s);
			if (f < 0) {
				struct sbuf b = { 0 };
				expected_keys(ld, &m, &b);
				for (size_t i = 0; i < t->ntexts; i++)
					sbuf_addf(&b, ", %s", t->texts[i].key);
				fail_at(ld, ld->key_line, ld->key_col, M_UNKNOWN_KEY, ld->key, m.what, b.s);
				sbuf_free(&b);
				return false;
			}
			if (!r->texts)
				r->texts = model_alloc(ld->doc, t->ntexts * sizeof *r->texts);
			if (r->texts[f])
				return fail_at(ld, ld->key_line, ld->key_col, M_DUPLICATE_KEY, ld->key,
					       m.what);
			if (!opt_text(ld, ld->key, &r->texts[f], true))
				return false;
			break;
		}
		case ID: {
			int line = LINE(e), col = COL(e);	/* e is gone once read */
			if (!ident(ld, msg(M_WHAT_ROW_ID), &r->id))
				return false;
			if (model_find_row_id(t, r->id))
				return fail_at(ld, line, col, M_DUPLICATE_ROW_ID, r->id,
					       table_desc(ld, t));
			strmap_put(&t->row_ids, r->id, r);
			break;
		}
		case CODE: {
			/* Nesting looks up each prefix of a code: bounded. */
			int line = LINE(e), col = COL(e);
			if (opt_text(ld, "code", &r->code, false) && r->code &&
			    strlen(r->code) > CLASSIFY_MAX_CODE)
				return fail_at(ld, line, col, M_CODE_TOO_LONG, CLASSIFY_MAX_CODE,
					       strlen(r->code));
			break;
		}
		case NAME:
			if (s->nlabels != 1 || (ld->schema >= 2 && s->labels[0].key != defaults_name_key))
				return fail_at(ld, LINE(e), COL(e), ld->schema >= 2 && s->nlabels > 1 ?
					       M_NAME_WITH_LABELS : M_NAME_WITHOUT_COLUMN);
			req_text(ld, "name", &r->labels[0]);
			break;
		case LABELS:
			if (s->nlabels < 1 || s->labels[0].key == defaults_name_key)
				return fail_at(ld, LINE(e), COL(e), M_LABELS_WITHOUT_COLUMNS);
			load_labels(ld, s, r);
			break;
		case VALUES: load_cells(ld, s, r); break;
		case OF_WHICH: bool_value(ld, "of_which", &r->of_which); break;
		case TOTAL_AFTER: bool_value(ld, "total_after", &r->total_after); break;
		case KNOWN: opt_text(ld, "known", &r->known, true); break;
		case LINE_: int_value(ld, "line", 1, 1000000, &r->print_line); break;
		case LINK: {
			struct pending_link pl = { r, { 0 } };
			if (load_ref(ld, "link", &pl.ref, false))
				DA_PUSH(ld->links, ld->nlinks, ld->caplinks, pl);
			break;
		}
		case CHILDREN:
			if (!map_has(&m, VALUES))
				return fail_at(ld, ld->key_line, ld->key_col, M_AFTER, "children",
					       "values");
			load_rows(ld, s, r);
			break;
		}
		if (!OK(ld))
			return false;
	}
	if (k != MAP_END)
		return false;
	static const int req1[] = { NAME, VALUES, -1 };
	static const int req2[] = { VALUES, -1 };
	if (!map_require(ld, &m, ld->schema < 2 ? req1 : req2))
		return false;
	if (ld->schema >= 2 && s->nlabels == 1 && s->labels[0].key == defaults_name_key &&
	    !map_has(&m, NAME))
		return fail_at(ld, m.line, m.col, M_REQUIRED_KEY, m.what, "name");
	if (ld->schema >= 2 && s->nlabels > 0 && s->labels[0].key != defaults_name_key &&
	    !map_has(&m, LABELS))
		return fail_at(ld, m.line, m.col, M_REQUIRED_KEY, m.what, "labels");
	return true;
}

/* Each level of rows is a list and a mapping, so the reader's cap on
 * nesting (YREAD_MAX_DEPTH) bounds this recursion. */
static bool load_rows(struct loader *ld, struct side *s, struct row *parent)
{
	if (!seq_begin(ld, parent ? "children" : "rows", NULL, NULL))
		return false;
	while (seq_next(ld)) {
		struct row *r = model_alloc(ld->doc, sizeof *r);
		/* Appended first so that a failed load still frees cleanly. */
		model_append_row(s, parent, r);
		if (!load_row(ld, s, r))
			return false;
	}
	return OK(ld);
}

/* ---- sides and tables ----------------------------------------------------- */

/* Keys a side has, whether in `sides:` or directly in a one-sided table. */
enum side_key { S_CODE_TITLE, S_NAME_TITLE, S_LABELS, S_NEST, S_COLUMNS, S_ROWS,
		S_TOTAL, S_MAIN, S_ROLE, S_KEY, S_COUNT };

/* The name column of a side that has name_title. */
static void name_column(struct loader *ld, struct side *s, const char *title)
{
	s->labels = model_alloc(ld->doc, sizeof *s->labels);
	s->labels[0] = (struct column){ .key = defaults_name_key, .title = title,
					.type = COL_TEXT, .unit_column = -1 };
	s->nlabels = 1;
}

/* key: the text columns that tell a side's rows apart across years. */
static bool load_key(struct loader *ld, struct side *s)
{
	const char **keys;
	size_t n;
	const yaml_event_t *e = value(ld);
	if (!e)
		return false;
	int line = LINE(e), col = COL(e);	/* the list, if a key is not found */
	/* Each key remembered where it was written: a bad one is named there. */
	if (!text_list_where(ld, "key", &keys, &n, false, true))
		return false;
	s->key = model_alloc(ld->doc, (n ? n : 1) * sizeof *s->key);
	s->nkey = n;
	for (size_t i = 0; i < n; i++) {
		int c = model_column_index(s, keys[i]);
		if (c < 0 || s->columns[c].type != COL_TEXT) {
			written_at(ld, keys[i], &line, &col);
			return fail_at(ld, line, col, M_KEY_NOT_TEXT, keys[i]);
		}
		s->key[i] = c;
	}
	return true;
}

/* A side's key k (enum side_key); seen says which were read before it. */
static bool side_key(struct loader *ld, struct side *s, int k, uint64_t *seen,
		     const char **main_key)
{
	const yaml_event_t *e = value(ld);
	if (!e)
		return false;
	if (k == S_ROWS || k == S_KEY) {
		if (!(*seen >> S_COLUMNS & 1))
			return fail_at(ld, ld->key_line, ld->key_col, M_AFTER, ld->key, "columns");
	} else if (*seen >> S_ROWS & 1 && k != S_TOTAL && k != S_ROLE) {
		return fail_at(ld, LINE(e), COL(e), M_BEFORE_ROWS, ld->key);
	}
	*seen |= (uint64_t)1 << k;
	switch (k) {
	case S_CODE_TITLE: return opt_text(ld, "code_title", &s->code_title, false);
	case S_NAME_TITLE: {
		const char *title;
		if (*seen >> S_LABELS & 1)
			return fail_at(ld, LINE(e), COL(e), M_NAME_OR_LABELS);
		if (!req_text(ld, "name_title", &title))
			return false;
		name_column(ld, s, title);
		return true;
	}
	case S_LABELS:
		if (*seen >> S_NAME_TITLE & 1)
			return fail_at(ld, LINE(e), COL(e), M_NAME_OR_LABELS);
		return load_columns(ld, s, true);
	case S_NEST: {
		static const char *const modes[] = { "code", "labels", NULL };
		static const enum nest_mode as[] = { NEST_CODE, NEST_LABELS };
		int n;
		if (!one_of(ld, "nest", modes, 1u << 1, ld->schema >= 2 ? M_NEST2 : M_NEST1, &n))
			return false;
		s->nest = as[n];
		return true;
	}
	case S_COLUMNS: return load_columns(ld, s, false);
	case S_ROWS: return load_rows(ld, s, NULL);
	case S_TOTAL: {
		int line = LINE(e), col = COL(e);	/* e is gone once read */
		if (!ident(ld, "total", &s->total_id))
			return false;
		s->total_id = remember(ld, s->total_id, line, col);
		return true;
	}
	case S_MAIN: return ident(ld, "main", main_key);
	case S_ROLE: return ident(ld, "role", &s->role);
	case S_KEY: return load_key(ld, s);
	}
	return false;
}

/* What is known once a side's rows are read: the tree, its printed lines,
 * its main column. */
static bool finish_side(struct loader *ld, struct side *s, const char *main_key,
			int line, int col)
{
	if (s->nest == NEST_CODE)
		classify_nest_by_code(s);
	else if (s->nest == NEST_LABELS)
		classify_nest_by_labels(s);
	if (s->nest == NEST_LABELS && s->nlabels < 2)
		return fail_at(ld, line, col, M_NEST_LABELS_NEEDS);
	const struct row *bad = flatten_assign_lines(s);
	if (bad)
		return fail_at(ld, bad->line, bad->col, M_LINE_NOT_AFTER, bad->print_line);
	s->main = main_key ? model_amount_column(s, main_key) : model_first_amount(s);
	if (main_key && s->main < 0)
		return fail_at(ld, line, col, M_MAIN_NOT_AMOUNT, main_key);
	return true;
}

static bool load_side(struct loader *ld, void *p, void *table)
{
	static const char *const keys[] = { "code_title", "name_title", "labels", "nest",
		"columns", "rows", "total", "main", "role", "key", "id", "title", "group", NULL };
	enum { ID = S_COUNT, TITLE, GROUP };
	struct side *s = p;
	struct map m = { msg(M_WHAT_SIDE), keys, 0, 0, false, 0, 0 };
	const char *main_key = NULL;
	uint64_t seen = 0;
	int k;
	s->table = table;
	if (!map_begin(ld, &m))
		return false;
	while ((k = map_next(ld, &m)) >= 0) {
		const yaml_event_t *e = value(ld);
		if (!e)
			return false;
		int line = LINE(e), col = COL(e);	/* e is gone once read */
		if (k == ID) {
			if (ident(ld, msg(M_WHAT_SIDE_ID), &s->id))
				s->id = remember(ld, s->id, line, col);
		} else if (k == TITLE) {
			opt_text(ld, "title", &s->title, false);
		} else if (k == GROUP) {
			opt_text(ld, "group", &s->group, false);
		} else {
			side_key(ld, s, k, &seen, &main_key);
		}
		if (!OK(ld))
			return false;
	}
	static const int req[] = { ID, S_COLUMNS, S_ROWS, -1 };
	return k == MAP_END && map_require(ld, &m, req) &&
	       finish_side(ld, s, main_key, m.line, m.col);
}

/* The sides were read into a growing array and have moved since: their
 * rows point at them again. */
static void adopt_rows(struct table *t)
{
	for (size_t i = 0; i < t->nsides; i++)
		for (struct row *r = t->sides[i].rows; r; r = model_next_row(r))
			r->side = &t->sides[i];
}

static bool load_texts(struct loader *ld, struct table *t)
{
	struct text_field *v = NULL;
	size_t n = 0, cap = 0;
	if (!seq_begin(ld, "texts", NULL, NULL))
		return false;
	while (seq_next(ld)) {
		static const char *const keys[] = { "key", "title", NULL };
		struct map m = { msg(M_WHAT_TEXT_FIELD), keys, 0, 0, false, 0, 0 };
		struct text_field f = { 0 };
		int k, line = 0, col = 0;	/* where the key was written */
		if (!map_begin(ld, &m))
			break;
		while ((k = map_next(ld, &m)) >= 0) {
			const yaml_event_t *e = value(ld);
			if (!e)
				break;
			if (k == 0) {
				line = LINE(e);
				col = COL(e);
				ident(ld, "key", &f.key);
			} else {
				req_text(ld, "title", &f.title);
			}
			if (!OK(ld))
				break;
		}
		static const int req[] = { 0, 1, -1 };
		if (k != MAP_END || !map_require(ld, &m, req))
			break;
		if (strmap_get(&ld->text_keys, f.key)) {
			fail_at(ld, line, col, M_DUPLICATE_TEXT_FIELD, f.key);
			break;
		}
		strmap_put(&ld->text_keys, f.key, (void *)(n + 1));
		DA_PUSH(v, n, cap, f);
	}
	if (OK(ld)) {
		t->texts = model_alloc(ld->doc, (n ? n : 1) * sizeof *t->texts);
		if (n)
			memcpy(t->texts, v, n * sizeof *v);
		t->ntexts = n;
	}
	free(v);
	return OK(ld);
}

/* Schema 1 tables carry the schema's own text fields (defaults.h). */
static void default_texts(struct loader *ld, struct table *t)
{
	t->ntexts = defaults_schema1_ntexts;
	t->texts = model_alloc(ld->doc, t->ntexts * sizeof *t->texts);
	for (size_t i = 0; i < t->ntexts; i++) {
		t->texts[i] = (struct text_field){ defaults_schema1_texts[i].key,
						   defaults_schema1_texts[i].title };
		strmap_put(&ld->text_keys, t->texts[i].key, (void *)(i + 1));
	}
}

/* Ids and labels are names users type: each names one table.  name, of
 * table t, was just read at line:col: no earlier table may have it. */
static bool table_name_unique(struct loader *ld, const struct table *t, const char *name,
			      int line, int col)
{
	void *self = (void *)((size_t)(t - ld->doc->tables) + 1);
	void *other = strmap_get(&ld->table_names, name);
	if (other && other != self)
		return fail_at(ld, line, col, M_DUPLICATE_TABLE, name);
	if (!other)
		strmap_put(&ld->table_names, name, self);
	return true;
}

static bool load_table(struct loader *ld, struct table *t)
{
	static const char *const keys[] = { "code_title", "name_title", "labels", "nest",
		"columns", "rows", "total", "main", "role", "key", "number", "title", "kind",
		"unit", "incomplete", "note", "id", "label", "texts", "sides", NULL };
	enum { NUMBER = S_COUNT, TITLE, KIND, UNIT, INCOMPLETE, NOTE, ID, LABEL, TEXTS, SIDES };
	struct map m = { msg(M_WHAT_TABLE), keys, 0, 0, false, 0, 0 };
	m.v2only = 1u << S_LABELS | 1u << S_TOTAL | 1u << S_MAIN | 1u << S_ROLE |
		   1u << S_KEY | 1u << ID | 1u << LABEL | 1u << TEXTS | 1u << SIDES;
	struct side *one = NULL;
	const char *main_key = NULL;
	uint64_t seen = 0;
	int k;
	strmap_free(&ld->text_keys);	/* each table has its own text fields */
	t->doc = ld->doc;
	if (!map_begin(ld, &m))
		return false;
	t->line = m.line;
	if (ld->schema < 2)
		default_texts(ld, t);
	while ((k = map_next(ld, &m)) >= 0) {
		const yaml_event_t *e = value(ld);
		if (!e)
			return false;
		int line = LINE(e), col = COL(e);	/* e is gone once read */
		if (k == S_TOTAL) {	/* the table's total, whatever its sides */
			if (ident(ld, "total", &t->total_id))
				t->total_id = remember(ld, t->total_id, line, col);
		} else if (k == S_ROLE) {
			ident(ld, "role", &t->role);
		} else if (k < S_COUNT) {
			if (map_has(&m, SIDES))
				return fail_at(ld, line, col, M_SIDES_OR_COLUMNS, ld->key);
			if (!one) {
				one = model_alloc(ld->doc, sizeof *one);
				one->table = t;
				t->sides = one;
				t->nsides = 1;
			}
			side_key(ld, one, k, &seen, &main_key);
		} else switch (k) {
		case NUMBER:
			if (int_value(ld, msg(M_WHAT_TABLE_NUMBER), 1, 99, &t->number)) {
				if (ld->numbers[t->number])
					return fail_at(ld, line, col, M_DUPLICATE_TABLE_NUMBER,
						       t->number);
				ld->numbers[t->number] = true;
			}
			break;
		case TITLE: req_text(ld, "title", &t->title); break;
		case KIND:
			if (ld->schema >= 2) {
				ident(ld, "kind", &t->kind);
			} else {
				const yaml_event_t *s = scalar(ld, "kind");
				if (!s)
					return false;
				const char *v = (const char *)s->data.scalar.value;
				if (!defaults_schema1_kind(v))
					return fail_at(ld, LINE(s), COL(s), M_UNKNOWN_KIND, v);
				t->kind = model_strdup(ld->doc, v);
				yread_take(&ld->rd);
			}
			break;
		case UNIT: opt_text(ld, "unit", &t->unit, false); break;
		case INCOMPLETE: opt_text(ld, "incomplete", &t->incomplete, true); break;
		case NOTE: opt_text(ld, "note", &t->note, true); break;
		case ID:
			if (ident(ld, msg(M_WHAT_TABLE_ID), &t->id))
				table_name_unique(ld, t, t->id, line, col);
			break;
		case LABEL:
			if (req_text(ld, "label", &t->label))
				table_name_unique(ld, t, t->label, line, col);
			break;
		case TEXTS:
			if (one || map_has(&m, SIDES))
				return fail_at(ld, line, col, M_TEXTS_FIRST);
			load_texts(ld, t);
			break;
		case SIDES:
			if (one)
				return fail_at(ld, line, col, M_SIDES_OR_COLUMNS, "sides");
			if (load_array(ld, "sides", sizeof *t->sides, (void **)&t->sides,
				       &t->nsides, load_side, t))
				adopt_rows(t);
			break;
		}
		if (!OK(ld))
			return false;
	}
	if (k != MAP_END)
		return false;
	static const int req1[] = { NUMBER, TITLE, KIND, S_NAME_TITLE, S_COLUMNS, S_ROWS, -1 };
	static const int req2[] = { ID, LABEL, TITLE, KIND, -1 };
	if (!map_require(ld, &m, ld->schema < 2 ? req1 : req2))
		return false;
	if (!one && !map_has(&m, SIDES))
		return fail_at(ld, m.line, m.col, M_REQUIRED_KEY, m.what, "columns");
	if (one && !(seen >> S_ROWS & 1))
		return fail_at(ld, m.line, m.col, M_REQUIRED_KEY, m.what, "rows");
	if (map_has(&m, SIDES) && t->nsides == 0)
		return fail_at(ld, m.line, m.col, M_NO_SIDES);
	if (one && !finish_side(ld, one, main_key, m.line, m.col))
		return false;
	if (ld->schema < 2) {
		char buf[32];
		snprintf(buf, sizeof buf, "t%d", t->number);
		t->id = model_strdup(ld->doc, buf);
		snprintf(buf, sizeof buf, defaults_schema1_label, t->number);
		t->label = model_strdup(ld->doc, buf);
	}
	if (!t->unit)
		t->unit = ld->doc->unit;
	struct strmap side_ids = { 0 };
	for (size_t i = 0; i < t->nsides; i++) {
		t->sides[i].index = i;
		if (!t->sides[i].id)
			continue;
		if (strmap_get(&side_ids, t->sides[i].id)) {
			int line = m.line, col = m.col;
			written_at(ld, t->sides[i].id, &line, &col);
			strmap_free(&side_ids);
			return fail_at(ld, line, col, M_DUPLICATE_SIDE, t->sides[i].id);
		}
		strmap_put(&side_ids, t->sides[i].id, &t->sides[i]);
	}
	strmap_free(&side_ids);
	model_index_rows(t);
	return true;
}

static bool table_item(struct loader *ld, void *p, void *ctx)
{
	struct document *doc = ctx;
	struct table *t = p;
	/* The arrays are still growing: ids are checked against the tables
	 * read so far through the caller's copy. */
	doc->ntables = (size_t)(t - doc->tables);
	return load_table(ld, t);
}

static bool load_tables(struct loader *ld)
{
	struct document *doc = ld->doc;
	struct table *v = NULL;
	size_t n = 0, cap = 0;
	if (!seq_begin(ld, "tables", NULL, NULL))
		return false;
	while (seq_next(ld)) {
		size_t oldcap = cap;
		v = da_grow(v, n, &cap, sizeof *v);
		if (cap != oldcap)	/* rows point at their sides' tables */
			for (size_t i = 0; i < n; i++)
				for (size_t s = 0; s < v[i].nsides; s++)
					v[i].sides[s].table = &v[i];
		memset(&v[n], 0, sizeof v[n]);
		doc->tables = v;
		n++;		/* a table that fails still goes to model_free */
		if (!table_item(ld, &v[n - 1], doc))
			break;
	}
	/* Into the arena, with the sides pointing at their tables' new place. */
	doc->tables = model_alloc(doc, (n ? n : 1) * sizeof *doc->tables);
	if (n)
		memcpy(doc->tables, v, n * sizeof *v);
	doc->ntables = n;
	free(v);
	v = doc->tables;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < v[i].nsides; j++)
			v[i].sides[j].table = &v[i];
	model_index_tables(doc);
	return OK(ld);
}

/* ---- references -------------------------------------------------------------- */

/* Resolve a ref's table, side, row and column; what it names must exist
 * unless `lenient` (identity terms: a missing table or row makes the
 * identity not checkable, not the file unreadable). */
static bool resolve_ref(struct loader *ld, struct cell_ref *ref, const char *who,
			bool lenient)
{
	const struct document *doc = ld->doc;
	ref->column = -1;
	if (ref->kind == REF_FIGURE) {
		ref->figure = model_find_figure(doc, ref->figure_id);
		if (!ref->figure)
			return fail_at(ld, ref->line, ref->col, M_NO_FIGURE, ref->figure_id);
		return true;
	}
	ref->table = model_find_table(doc, ref->table_name);
	if (!ref->table)
		return lenient || fail_at(ld, ref->line, ref->col, M_REF_NO_TABLE, who,
					  ref->table_name);
	if (ref->row_id) {
		ref->row = model_find_row_id(ref->table, ref->row_id);
		if (!ref->row && !lenient)
			return fail_at(ld, ref->line, ref->col, M_REF_NO_ROW, who,
				       ref->row_id, table_desc(ld, ref->table));
	}
	if (ref->side_name) {
		ref->side = model_find_side(ref->table, ref->side_name);
		if (!ref->side)
			return fail_at(ld, ref->line, ref->col, M_REF_NO_SIDE, who,
				       ref->side_name, table_desc(ld, ref->table));
		if (ref->row && ref->row->side != ref->side)
			return fail_at(ld, ref->line, ref->col, M_REF_ROW_SIDE, who,
				       ref->row_id, ref->side_name);
	} else {
		ref->side = ref->row ? ref->row->side : &ref->table->sides[0];
	}
	ref->column = model_amount_column(ref->side, ref->column_key);
	if (ref->column < 0 && (ref->column_key || ref->kind == REF_LINES || ref->row))
		return fail_at(ld, ref->line, ref->col, M_REF_NO_COLUMN, who,
			       ref->column_key ? ref->column_key : msg(M_MAIN_COLUMN),
			       table_desc(ld, ref->table));
	if (ref->where) {
		int w = model_column_index(ref->side, ref->where);
		if (w < 0 || ref->side->columns[w].type != COL_TEXT)
			return fail_at(ld, ref->line, ref->col, M_WHERE_NOT_TEXT, ref->where,
				       table_desc(ld, ref->table));
	}
	return true;
}

/* Totals and links name rows; figures name cells, figures and tables. */
static bool resolve(struct loader *ld)
{
	struct document *doc = ld->doc;
	for (size_t i = 0; i < doc->ntables; i++) {
		struct table *t = &doc->tables[i];
		for (size_t j = 0; j < t->nsides; j++) {
			struct side *s = &t->sides[j];
			if (!s->total_id)
				continue;
			const struct row *r = model_find_row_id(t, s->total_id);
			if (!r || r->side != s) {
				int line = t->line, col = 1;
				written_at(ld, s->total_id, &line, &col);
				return fail_at(ld, line, col, M_TOTAL_NO_ROW, s->total_id,
					       table_desc(ld, t));
			}
			s->total = r;
		}
		if (t->total_id) {
			t->total = model_find_row_id(t, t->total_id);
			if (!t->total) {
				int line = t->line, col = 1;
				written_at(ld, t->total_id, &line, &col);
				return fail_at(ld, line, col, M_TOTAL_NO_ROW, t->total_id,
					       table_desc(ld, t));
			}
		} else if (ld->schema < 2) {
			t->total = t->sides[0].rows;	/* schema 1: the first row */
		} else if (t->nsides && t->sides[0].total) {
			t->total = t->sides[0].total;
		}
		if (t->nsides == 1 && !t->sides[0].total)
			t->sides[0].total = t->total;
	}
	for (size_t i = 0; i < ld->nlinks; i++) {
		struct pending_link *pl = &ld->links[i];
		if (!resolve_ref(ld, &pl->ref, "link", false))
			return false;
		pl->row->link = pl->ref.row;
	}
	if (doc->total.table_name && !resolve_ref(ld, &doc->total, "total", false))
		return false;
	model_index_links(doc);
	for (struct section *s = doc->parts; s; s = model_next_section(s)) {
		for (size_t i = 0; i < s->nfigures; i++) {
			struct figure *f = &s->figures[i];
			if (f->ref.table_name && !resolve_ref(ld, &f->ref, f->id, false))
				return false;
			if (f->has_share && !resolve_ref(ld, &f->share_of, f->id, false))
				return false;
		}
		s->see_tables = model_alloc(doc, (s->nsee ? s->nsee : 1) * sizeof *s->see_tables);
		for (size_t i = 0; i < s->nsee; i++)
			if (!(s->see_tables[i] = model_find_table(doc, s->see[i]))) {
				int line = s->line, col = 1;
				written_at(ld, s->see[i], &line, &col);
				return fail_at(ld, line, col, M_SEE_NO_TABLE, s->see[i]);
			}
	}
	return true;
}

/* Figure and section ids are unique; figures are found by id. */
static bool index_narrative(struct loader *ld)
{
	struct strmap sections = { 0 };
	bool ok = true;
	size_t index = 0;
	for (struct section *s = ld->doc->parts; s && ok; s = model_next_section(s)) {
		s->index = index++;
		int line = s->line, col = 1;
		if (s->id && strmap_get(&sections, s->id)) {
			written_at(ld, s->id, &line, &col);
			ok = fail_at(ld, line, col, M_DUPLICATE_SECTION, s->id);
		} else if (s->id) {
			strmap_put(&sections, s->id, s);
		}
		for (size_t i = 0; i < s->nfigures && ok; i++) {
			struct figure *f = &s->figures[i];
			if (model_find_figure(ld->doc, f->id)) {
				line = f->line;
				col = 1;
				written_at(ld, f->id, &line, &col);
				ok = fail_at(ld, line, col, M_DUPLICATE_FIGURE, f->id);
			}
			strmap_put(&ld->doc->figures, f->id, f);
		}
	}
	strmap_free(&sections);
	return ok;
}

/* ---- identities ---------------------------------------------------------------- */

static bool load_lines(struct loader *ld, struct cell_ref *ref)
{
	static const char *const keys[] = { "where", "prefix", "under", NULL };
	enum { WHERE, PREFIX, UNDER };
	struct map m = { "lines", keys, 1u << UNDER, 0, false, 0, 0 };
	int k;
	ref->kind = REF_LINES;
	if (!map_begin(ld, &m))
		return false;
	while ((k = map_next(ld, &m)) >= 0) {
		if (k == WHERE)
			ident(ld, "where", &ref->where);
		else if (k == PREFIX)
			ref->prefix = text_of(ld, "prefix", false);
		else
			ident(ld, "under", &ref->row_id);
		if (!OK(ld))
			return false;
	}
	if (k != MAP_END)
		return false;
	if (map_has(&m, WHERE) != map_has(&m, PREFIX))
		return fail_at(ld, m.line, m.col, M_WHERE_AND_PREFIX);
	return true;
}

/* One term: a cell, a table's lines, or a figure. */
static bool load_term_ref(struct loader *ld, void *p, void *ctx)
{
	static const char *const keys[] = { "table", "row", "column", "lines", "figure",
					    "field", "side", NULL };
	enum { TABLE, ROW, COLUMN, LINES, FIGURE, FIELD, SIDE };
	struct cell_ref *ref = p;
	struct map m = { msg(M_WHAT_TERM_REF), keys, 1u << SIDE, 0, false, 0, 0 };
	int k;
	(void)ctx;
	if (!map_begin(ld, &m))
		return false;
	ref->line = m.line;
	ref->col = m.col;
	ref->kind = REF_CELL;
	while ((k = map_next(ld, &m)) >= 0) {
		switch (k) {
		case TABLE: table_name(ld, &ref->table_name); break;
		case ROW: ident(ld, "row", &ref->row_id); break;
		case COLUMN: ident(ld, "column", &ref->column_key); break;
		case LINES: load_lines(ld, ref); break;
		case FIGURE: ident(ld, "figure", &ref->figure_id); break;
		case SIDE: ident(ld, "side", &ref->side_name); break;
		case FIELD: {
			static const char *const fields[] = { "value", "change", "prior", NULL };
			static const enum figure_field as[] = { FIELD_VALUE, FIELD_CHANGE, FIELD_PRIOR };
			int f;
			if (!one_of(ld, "field", fields, 1u << 2, M_FIELD_VALUES, &f))
				return false;
			ref->field = as[f];
			break;
		}
		}
		if (!OK(ld))
			return false;
	}
	if (k != MAP_END)
		return false;
	if (map_has(&m, FIGURE)) {
		if (map_has(&m, TABLE) || map_has(&m, ROW) || map_has(&m, COLUMN) ||
		    map_has(&m, LINES) || map_has(&m, SIDE))
			return fail_at(ld, m.line, m.col, M_TERM_FIGURE_OR_TABLE);
		ref->kind = REF_FIGURE;
		return true;
	}
	if (map_has(&m, FIELD))
		return fail_at(ld, m.line, m.col, M_FIELD_FOR_FIGURE);
	if (!map_has(&m, TABLE))
		return fail_at(ld, m.line, m.col, M_TERM_NEEDS);
	if (map_has(&m, ROW) == map_has(&m, LINES))
		return fail_at(ld, m.line, m.col, M_TERM_ROW_OR_LINES);
	return true;
}

/* A side is one term or a list of terms that are summed. */
static bool load_identity_side(struct loader *ld, struct identity_side *side)
{
	const yaml_event_t *e = value(ld);
	if (!e)
		return false;
	if (e->type == YAML_MAPPING_START_EVENT) {
		side->refs = model_alloc(ld->doc, sizeof *side->refs);
		side->nrefs = 1;
		return load_term_ref(ld, side->refs, NULL);
	}
	int line = LINE(e), col = COL(e);
	if (e->type != YAML_SEQUENCE_START_EVENT)
		return fail_at(ld, line, col, M_IDENTITY_SIDE);
	if (!load_array(ld, "terms", sizeof *side->refs, (void **)&side->refs,
			&side->nrefs, load_term_ref, NULL))
		return false;
	return side->nrefs || fail_at(ld, line, col, M_IDENTITY_SIDE);
}

static bool load_identity(struct loader *ld, void *p, void *ctx)
{
	static const char *const keys[] = { "label", "left", "right", "known", NULL };
	enum { LABEL, LEFT, RIGHT, KNOWN };
	struct identity *id = p;
	struct map m = { msg(M_WHAT_IDENTITY), keys, 0, 0, false, 0, 0 };
	int k;
	(void)ctx;
	if (!map_begin(ld, &m))
		return false;
	id->line = m.line;
	while ((k = map_next(ld, &m)) >= 0) {
		switch (k) {
		case LABEL: req_text(ld, "label", &id->label); break;
		case LEFT: load_identity_side(ld, &id->left); break;
		case RIGHT: load_identity_side(ld, &id->right); break;
		case KNOWN: opt_text(ld, "known", &id->known, true); break;
		}
		if (!OK(ld))
			return false;
	}
	static const int req[] = { LABEL, LEFT, RIGHT, -1 };
	return k == MAP_END && map_require(ld, &m, req);
}

/* Identity terms resolve leniently: see resolve_ref. */
static bool resolve_identities(struct loader *ld)
{
	for (size_t i = 0; i < ld->doc->nidentities; i++) {
		struct identity *id = &ld->doc->identities[i];
		struct identity_side *sides[2] = { &id->left, &id->right };
		for (int s = 0; s < 2; s++)
			for (size_t j = 0; j < sides[s]->nrefs; j++)
				if (!resolve_ref(ld, &sides[s]->refs[j], id->label, true))
					return false;
	}
	return true;
}

/* ---- top level ----------------------------------------------------------------- */

static bool load_header(struct loader *ld)
{
	static const char *const keys[] = { "department", "year", "unit", "title",
					    "source", "region", "total", NULL };
	enum { DEPARTMENT, YEAR, UNIT, TITLE, SOURCE, REGION, TOTAL };
	struct document *doc = ld->doc;
	struct map m = { "document", keys, 1u << REGION | 1u << TOTAL, 0, false, 0, 0 };
	int k;
	if (!map_begin(ld, &m))
		return false;
	while ((k = map_next(ld, &m)) >= 0) {
		switch (k) {
		case DEPARTMENT: req_text(ld, "department", &doc->department); break;
		case YEAR: int_value(ld, "year", 1900, 9999, &doc->year); break;
		case UNIT: req_text(ld, "unit", &doc->unit); break;
		case TITLE: req_text(ld, "title", &doc->title); break;
		case SOURCE: opt_text(ld, "source", &doc->source, true); break;
		case REGION: opt_text(ld, "region", &doc->region, false); break;
		case TOTAL: load_ref(ld, "total", &doc->total, false); break;
		}
		if (!OK(ld))
			return false;
	}
	static const int req[] = { DEPARTMENT, YEAR, UNIT, TITLE, -1 };
	return k == MAP_END && map_require(ld, &m, req);
}

static bool load_root(struct loader *ld)
{
	static const char *const keys[] = { "schema", "document", "narrative", "tables",
					    "identities", NULL };
	enum { SCHEMA, DOCUMENT, NARRATIVE, TABLES, IDENTITIES };
	struct map m = { msg(M_WHAT_TOP_LEVEL), keys, 0, 0, false, 0, 0 };
	int k;
	ld->schema = 2;		/* until the file says: all keys are known */
	if (!map_begin(ld, &m))
		return false;
	while ((k = map_next(ld, &m)) >= 0) {
		const yaml_event_t *e = value(ld);
		if (!e)
			return false;
		if (k != SCHEMA && !map_has(&m, SCHEMA))
			return fail_at(ld, m.line, m.col, M_SCHEMA_FIRST);
		int line = LINE(e), col = COL(e);	/* e is gone once read */
		switch (k) {
		case SCHEMA:
			if (int_value(ld, "schema", 0, 1000, &ld->schema) &&
			    ld->schema != 1 && ld->schema != 2)
				return fail_at(ld, line, col, M_SCHEMA_VERSION, ld->schema);
			ld->doc->schema = ld->schema;
			break;
		case DOCUMENT:
			if (load_header(ld) && map_has(&m, TABLES))
				return fail_at(ld, line, col, M_DOCUMENT_FIRST);
			break;
		case NARRATIVE: load_sections(ld, NULL); break;
		case TABLES:
			if (!map_has(&m, DOCUMENT))
				return fail_at(ld, line, col, M_DOCUMENT_FIRST);
			load_tables(ld);
			break;
		case IDENTITIES:
			load_array(ld, "identities", sizeof *ld->doc->identities,
				   (void **)&ld->doc->identities, &ld->doc->nidentities,
				   load_identity, NULL);
			break;
		}
		if (!OK(ld))
			return false;
	}
	static const int req[] = { SCHEMA, DOCUMENT, TABLES, -1 };
	return k == MAP_END && map_require(ld, &m, req) && index_narrative(ld) &&
	       resolve(ld) && resolve_identities(ld);
}

void loader_error_file(struct loader_error *err, const char *name)
{
	text_crop(err->file, sizeof err->file, name, INT_MAX / 2);	/* sanitised too */
}

struct document *loader_load_string(const char *name, const char *text,
				    size_t len, struct loader_error *err)
{
	/* A document takes about one and a quarter times its file (less for
	 * one mostly of narrative): what is left of that comes in small
	 * blocks. */
	struct loader ld = { .doc = model_new_sized(name, len / 4 * 5) };
	memset(err, 0, sizeof *err);
	loader_error_file(err, name);
	bool ok = yread_open(&ld.rd, text, len) && load_root(&ld) && yread_finish(&ld.rd);
	if (!ok) {
		err->line = ld.rd.line > 0 ? ld.rd.line : 1;
		err->col = ld.rd.col > 0 ? ld.rd.col : 1;
		snprintf(err->message, sizeof err->message, "%s", ld.rd.message);
	}
	yread_close(&ld.rd);
	free(ld.links);
	free(ld.written);
	strmap_free(&ld.table_names);
	strmap_free(&ld.text_keys);
	strmap_free(&ld.interned);
	sbuf_free(&ld.other);
	if (!ok) {
		model_free(ld.doc);
		return NULL;
	}
	return ld.doc;
}

/* ---- files ------------------------------------------------------------------------ */

static void file_error(struct loader_error *err, enum msg_id m, const char *arg)
{
	err->line = err->col = 1;
	snprintf(err->message, sizeof err->message, msg(m), arg);
}

/* Read all of fd, refusing anything over LOADER_MAX_BYTES. */
static char *read_all(int fd, size_t *len, struct loader_error *err)
{
	size_t cap = 64 * 1024, n = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > LOADER_MAX_BYTES)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			file_error(err, M_CANNOT_READ, strerror(errno));
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > LOADER_MAX_BYTES) {
		char size[16];
		snprintf(size, sizeof size, "%u", LOADER_MAX_BYTES >> 20);
		file_error(err, M_TOO_LARGE, size);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Only a regular file is read: opened without blocking (a FIFO or a
 * device would hang the program), then checked. */
static char *read_file(const char *path, size_t *len, struct loader_error *err)
{
	if (strcmp(path, "-") == 0)
		return read_all(STDIN_FILENO, len, err);
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		file_error(err, errno == EISDIR ? M_IS_DIRECTORY : M_CANNOT_OPEN,
			   strerror(errno));
		return NULL;
	}
	struct stat st;
	char *text = NULL;
	if (fstat(fd, &st) != 0) {
		file_error(err, M_CANNOT_READ, strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		file_error(err, M_IS_DIRECTORY, "");
	} else if (!S_ISREG(st.st_mode)) {
		file_error(err, M_NOT_REGULAR, msg(S_ISFIFO(st.st_mode) ? M_FIFO :
						   S_ISCHR(st.st_mode) ? M_CHAR_DEVICE :
						   S_ISBLK(st.st_mode) ? M_BLOCK_DEVICE :
						   S_ISSOCK(st.st_mode) ? M_SOCKET : M_SPECIAL));
	} else if ((uintmax_t)st.st_size > LOADER_MAX_BYTES) {
		char size[16];
		snprintf(size, sizeof size, "%u", LOADER_MAX_BYTES >> 20);
		file_error(err, M_TOO_LARGE, size);
	} else {
		/* A regular file never blocks; reads are plain again. */
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		text = read_all(fd, len, err);
	}
	close(fd);
	return text;
}

struct document *loader_load(const char *path, struct loader_error *err)
{
	memset(err, 0, sizeof *err);
	loader_error_file(err, path);	/* for the errors of reading it */
	size_t len;
	char *text = read_file(path, &len, err);
	if (!text)
		return NULL;
	struct document *doc = loader_load_string(path, text, len, err);
	free(text);
	return doc;
}

void loader_error_format(const struct loader_error *err, struct sbuf *out)
{
	sbuf_addf(out, "%s:%d:%d: %s", err->file, err->line ? err->line : 1,
		  err->col ? err->col : 1, err->message);
}
