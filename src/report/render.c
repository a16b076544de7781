/* render.c: tables, rows and narrative as lines of text. */
#include "report/render.h"

#include <stdlib.h>
#include <string.h>

#include "doc/msg.h"
#include "doc/util.h"

#define TEXT_WIDTH 80		/* paragraph width when none is given */
#define MIN_NAME 8		/* names and text columns narrow to this, no more */
#define LEAST_NAME 3		/* ...unless a figure would be cut: one character and '~' */
#define MARKER 2		/* room for the browser's open/closed marker */

static bool ascii;

void render_set_ascii(bool on)
{
	ascii = on;
}

bool render_is_ascii(void)
{
	return ascii;
}

const char *render_glyph(enum glyph g)
{
	static const char *const unicode[GLYPH_COUNT] = { "—", "·", "›", "→", "│", "‹", "›" };
	static const char *const plain[GLYPH_COUNT] = { "-", ".", ">", "->", "|", "<", ">" };
	return (unsigned)g < GLYPH_COUNT ? (ascii ? plain : unicode)[g] : "";
}

const char *render_side_separator(void)
{
	return " | ";
}

#define SEP_W 3
#define WIDEST_SIDES 512	/* columns of sides side by side, at the most */

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/* ---- cells ----------------------------------------------------------------- */

void render_cell(const struct row *r, size_t col, struct sbuf *out)
{
	const struct column *c = &r->side->columns[col];
	const union cell *cell = &r->cells[col];
	char buf[AMOUNT_BUFSZ];
	if (c->type == COL_TEXT) {
		if (cell->s)
			sbuf_add(out, cell->s);
		return;
	}
	if (cell->n == CELL_BLANK)
		return;
	if (cell->n == CELL_ABSENT) {
		sbuf_add(out, render_glyph(GLYPH_ABSENT));
		return;
	}
	switch (c->type) {
	case COL_AMOUNT:
		if (c->sign && cell->n > 0)
			sbuf_add(out, "+");
		sbuf_add(out, amount_format(cell->n, buf, sizeof buf));
		break;
	case COL_RATE:
		sbuf_add(out, rate_format(cell->n, 2, buf, sizeof buf));
		break;
	case COL_QUANTITY:
		sbuf_add(out, quantity_format(cell->n, c->places, buf, sizeof buf));
		if (c->unit && c->unit_column < 0)
			sbuf_add(out, c->unit);
		break;
	case COL_TEXT:
		break;
	}
}

static int cell_width(const struct row *r, size_t col)
{
	struct sbuf b = { 0 };
	render_cell(r, col, &b);
	int w = b.s ? text_width(b.s) : 0;
	sbuf_free(&b);
	return w;
}

/* Figures are right-aligned, text left. */
static bool right_aligned(const struct column *c)
{
	return c->type != COL_TEXT || c->right;
}

/* ---- layout ------------------------------------------------------------------ */

/* Width of the spanning heading over data columns [i, j). */
static int span_width(const struct side_layout *sl, size_t i, size_t j)
{
	int w = 0;
	bool first = true;
	for (size_t k = i; k < j; k++) {
		if (sl->col_w[k] < 0)
			continue;
		w += sl->col_w[k] + (first ? 0 : RENDER_GAP);
		first = false;
	}
	return w;
}

/* The end of the run of columns from i that share group heading `level`. */
static size_t span_end(const struct side *s, size_t i, size_t level)
{
	const struct column *c = &s->columns[i];
	size_t j = i + 1;
	for (; j < s->ncolumns; j++) {
		const struct column *d = &s->columns[j];
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

/* Widen the last shown column of any span whose heading is wider, by no
 * more than room columns in all (room < 0: as much as the headings want;
 * a heading given less is cropped).  Returns the room left. */
static int fit_groups(struct side_layout *sl, int room)
{
	const struct side *s = sl->side;
	for (size_t level = 0;; level++) {
		bool any = false;
		for (size_t i = 0; i < s->ncolumns;) {
			if (s->columns[i].ngroup <= level) {
				i++;
				continue;
			}
			any = true;
			size_t j = span_end(s, i, level), last = j;
			while (last > i && sl->col_w[last - 1] < 0)
				last--;
			int need = text_width(s->columns[i].group[level]);
			int have = span_width(sl, i, j);
			if (last > i && need > have) {
				int add = room >= 0 && need - have > room ? room : need - have;
				sl->col_w[last - 1] += add;
				if (room >= 0)
					room -= add;
			}
			i = j;
		}
		if (!any)
			break;
	}
	return room;
}

/* The fields before the data columns: code and labels. */
static int lead_width(const struct side_layout *sl)
{
	int w = sl->code_w ? sl->code_w + RENDER_GAP : 0;
	for (size_t i = 0; i < sl->side->nlabels; i++)
		w += sl->label_w[i] + RENDER_GAP;
	return w;
}

static void side_width(struct side_layout *sl)
{
	int w = lead_width(sl), n = 0;
	for (size_t i = 0; i < sl->side->ncolumns; i++)
		if (sl->col_w[i] >= 0) {
			w += sl->col_w[i] + RENDER_GAP;
			n++;
		}
	/* The gap after the last field is not part of the line. */
	sl->width = w - (w ? RENDER_GAP : 0);
}

/* Make a side at least need columns wide, by no more than room columns
 * more (room < 0: no limit): its last shown data column takes the
 * difference, else its last label column, else its code. */
static void widen_side(struct side_layout *sl, int need, int room)
{
	const struct side *s = sl->side;
	int add = need - sl->width;
	if (room >= 0 && add > room)
		add = room;
	if (add <= 0)
		return;
	size_t i = s->ncolumns;
	while (i > 0 && sl->col_w[i - 1] < 0)
		i--;
	if (i > 0)
		sl->col_w[i - 1] += add;
	else if (s->nlabels)
		sl->label_w[s->nlabels - 1] += add;
	else if (sl->code_w)
		sl->code_w += add;
	side_width(sl);
}

/* The widths of a side's data columns by their titles and cells alone,
 * before any heading above them widens them. */
static void measure_columns(const struct side *s, int *w)
{
	for (size_t i = 0; i < s->ncolumns; i++)
		w[i] = text_width(s->columns[i].title);
	for (const struct row *r = s->rows; r; r = model_next_row(r))
		for (size_t i = 0; i < s->ncolumns; i++)
			w[i] = max_int(w[i], cell_width(r, i));
}

void render_measure_side(const struct side *s, int indent, struct side_layout *sl)
{
	memset(sl, 0, sizeof *sl);
	sl->side = s;
	sl->indent = indent;
	sl->label_w = xcalloc(s->nlabels ? s->nlabels : 1, sizeof *sl->label_w);
	sl->col_w = xcalloc(s->ncolumns ? s->ncolumns : 1, sizeof *sl->col_w);
	if (s->code_title)
		sl->code_w = text_width(s->code_title);
	for (size_t i = 0; i < s->nlabels; i++)
		sl->label_w[i] = text_width(s->labels[i].title);
	measure_columns(s, sl->col_w);
	for (const struct row *r = s->rows; r; r = model_next_row(r)) {
		if (r->code)
			sl->code_min = max_int(sl->code_min, text_width(r->code));
		for (size_t i = 0; i < s->nlabels; i++) {
			int w = r->labels[i] ? text_width(r->labels[i]) : 0;
			/* A lone name column holds the tree: indented names. */
			if (s->nlabels == 1) {
				w += r->depth * indent;
				sl->tree_w = max_int(sl->tree_w, r->depth * indent);
			}
			sl->label_w[i] = max_int(sl->label_w[i], w);
		}
	}
	if (s->code_title || sl->code_min)
		sl->code_w = max_int(max_int(sl->code_w, sl->code_min), 1);
	if (sl->code_w)		/* a cropped heading keeps a character and its mark */
		sl->code_min = max_int(sl->code_min, 4);
	fit_groups(sl, -1);
	/* Room for the browser's open/closed marker before names. */
	if (s->nlabels) {
		sl->label_w[0] += MARKER;
		sl->tree_w += MARKER;
	}
	side_width(sl);
}

/* The label and text columns shown, in order (labels first): those that
 * narrow when room is short. */
static size_t text_fields(struct side_layout *sl, int **out)
{
	const struct side *s = sl->side;
	size_t n = 0;
	for (size_t i = 0; i < s->nlabels; i++)
		out[n++] = &sl->label_w[i];
	for (size_t i = 0; i < s->ncolumns; i++)
		if (s->columns[i].type == COL_TEXT && sl->col_w[i] >= 0)
			out[n++] = &sl->col_w[i];
	return n;
}

/* What bringing the fields down to level would free, none below its floor. */
static long freed_at(int *const *f, const int *floor, size_t n, int level)
{
	long freed = 0;
	for (size_t i = 0; i < n; i++) {
		int to = level > floor[i] ? level : floor[i];
		if (*f[i] > to)
			freed += *f[i] - to;
	}
	return freed;
}

/* Narrow the label and text columns by `over` columns in all, the widest
 * first and none below least (a lone name column, which holds the tree,
 * not below least past its indentation), as taking one column at a time
 * off the first of the widest would, in n log n; returns what it took. */
static int narrow_texts(struct side_layout *sl, int least, int over)
{
	size_t cap = sl->side->nlabels + sl->side->ncolumns;
	int **f = xmalloc((cap + 1) * sizeof *f), *floor = xmalloc((cap + 1) * sizeof *floor);
	size_t n = text_fields(sl, f);
	int top = least;
	for (size_t i = 0; i < n; i++) {
		floor[i] = least;
		if (f[i] == &sl->label_w[0] && sl->side->nlabels == 1 && least > LEAST_NAME)
			floor[i] += sl->tree_w;
		if (*f[i] > top)
			top = *f[i];
	}
	/* The highest level that frees `over` (least when none does). */
	int lo = least, hi = top;
	while (lo < hi) {
		int mid = lo + (hi - lo + 1) / 2;
		if (freed_at(f, floor, n, mid) >= over)
			lo = mid;
		else
			hi = mid - 1;
	}
	int level = lo;
	long taken = 0;
	bool *down = xcalloc(n + 1, sizeof *down);
	for (size_t i = 0; i < n; i++) {
		int to = level > floor[i] ? level : floor[i];
		if (*f[i] > to) {
			taken += *f[i] - to;
			*f[i] = to;
			down[i] = to == level;
		}
	}
	/* Give back what was taken too many, to the last of those brought
	 * down to the level (one at a time takes the first first). */
	for (size_t i = n; i-- > 0 && taken > over;)
		if (down[i]) {
			++*f[i];
			taken--;
		}
	free(down);
	free(floor);
	free(f);
	return (int)taken;
}

/* Leave out columns other than the main one, the last first, until the
 * side is max_width wide or only the main one is left. */
static void leave_out_columns(struct side_layout *sl, int max_width, size_t *nleft_out)
{
	const struct side *s = sl->side;
	for (size_t i = s->ncolumns; i-- > 0 && sl->width > max_width;) {
		if (sl->col_w[i] < 0 || (int)i == s->main)
			continue;
		sl->width -= sl->col_w[i] + RENDER_GAP;
		sl->col_w[i] = -1;
		++*nleft_out;
	}
	side_width(sl);
}

/* Fit a side into max_width.  Headings give way first: spanning headings
 * and the side's own (head_w columns: its title, its group) keep only the
 * room the figures leave them, cropped; then the code heading gives way
 * to the codes, names and text columns narrow, and columns are left out.
 * A figure is never cut: a heading wider than the columns left under it
 * never widens them past max_width. */
static void fit_side(struct side_layout *sl, int max_width, int head_w, size_t *nleft_out)
{
	if (max_width <= 0 || sl->width <= max_width)
		return;
	const struct side *s = sl->side;
	int *content = xcalloc(s->ncolumns ? s->ncolumns : 1, sizeof *content);
	measure_columns(s, content);
	for (size_t i = 0; i < s->ncolumns; i++)
		if (sl->col_w[i] > content[i])
			sl->col_w[i] = content[i];
	free(content);
	side_width(sl);
	int over = sl->width - max_width;
	if (over > 0 && sl->code_w > sl->code_min) {
		int cut = over < sl->code_w - sl->code_min ? over : sl->code_w - sl->code_min;
		sl->code_w -= cut;
		side_width(sl);
	}
	if (sl->width > max_width) {
		narrow_texts(sl, MIN_NAME, sl->width - max_width);
		side_width(sl);
	}
	if (sl->width > max_width)
		leave_out_columns(sl, max_width, nleft_out);
	/* Names still in the way of the main column's figures: down to a
	 * character each, rather than cut a figure. */
	if (sl->width > max_width) {
		narrow_texts(sl, LEAST_NAME, sl->width - max_width);
		side_width(sl);
	}
	/* What room is left goes back to the headings. */
	int room = max_width - sl->width;
	if (room > 0) {
		room = fit_groups(sl, room);
		side_width(sl);
		widen_side(sl, head_w, room);
	}
}

void render_side_fit(struct side_layout *sl, int max_width)
{
	size_t n = 0;
	fit_side(sl, max_width, 0, &n);
}

/* How wide side i's own heading is: its title (printed when the table has
 * several sides) and, when it stands alone (stacked, or the only side),
 * its group. */
static int side_head_w(const struct table *t, size_t i, bool alone)
{
	const struct side *s = &t->sides[i];
	int w = t->nsides > 1 && s->title ? text_width(s->title) : 0;
	if (alone && s->group)
		w = max_int(w, text_width(s->group));
	return w;
}

/* The width of the sides side by side, each at least as wide as its
 * title and each run of sides under one group as wide as the group; with
 * apply, the sides are widened so (the last of a run takes the group's
 * room). */
static int side_by_side(struct table_layout *lay, bool apply)
{
	const struct table *t = lay->table;
	int total = 0;
	for (size_t i = 0; i < lay->nsides;) {
		const char *g = t->sides[i].group;
		size_t j = i + 1;
		while (g && j < lay->nsides && t->sides[j].group && !strcmp(t->sides[j].group, g))
			j++;
		int run = 0;
		for (size_t k = i; k < j; k++) {
			int w = max_int(lay->sides[k].width, side_head_w(t, k, false));
			if (apply)
				widen_side(&lay->sides[k], w, -1);
			run += w + (k > i ? SEP_W : 0);
		}
		int gw = g ? text_width(g) : 0;
		if (gw > run) {
			if (apply)
				widen_side(&lay->sides[j - 1], lay->sides[j - 1].width + gw - run, -1);
			run = gw;
		}
		total += run + (i ? SEP_W : 0);
		i = j;
	}
	return total;
}

void render_layout(const struct table *t, int max_width, struct table_layout *lay)
{
	memset(lay, 0, sizeof *lay);
	lay->table = t;
	lay->nsides = t->nsides;
	lay->sides = xcalloc(t->nsides ? t->nsides : 1, sizeof *lay->sides);
	for (size_t i = 0; i < t->nsides; i++)
		render_measure_side(&t->sides[i], RENDER_INDENT, &lay->sides[i]);
	/* Side titles and groups are headings too: the sides are as wide as
	 * they are, unless a width says otherwise. */
	int together = side_by_side(lay, false);
	/* Side by side only within the width, and never wider than
	 * WIDEST_SIDES: past that, lines of many sides' blanks would make
	 * the output grow as their product. */
	lay->stacked = t->nsides > 1 && ((max_width > 0 && together > max_width) ||
					 together > WIDEST_SIDES);
	if (!lay->stacked)
		side_by_side(lay, true);
	lay->width = 0;
	for (size_t i = 0; i < t->nsides; i++) {
		if (lay->stacked) {
			int head = side_head_w(t, i, true);
			widen_side(&lay->sides[i], head, -1);
			fit_side(&lay->sides[i], max_width, head, &lay->nleft_out);
		} else if (t->nsides == 1) {
			fit_side(&lay->sides[i], max_width, side_head_w(t, i, true),
				 &lay->nleft_out);
		}
		lay->width = lay->stacked ? max_int(lay->width, lay->sides[i].width)
					  : lay->width + lay->sides[i].width + (i ? SEP_W : 0);
	}
}

void render_layout_free(struct table_layout *lay)
{
	for (size_t i = 0; i < lay->nsides; i++) {
		free(lay->sides[i].label_w);
		free(lay->sides[i].col_w);
	}
	free(lay->sides);
	lay->sides = NULL;
	lay->nsides = 0;
}

/* ---- headings ------------------------------------------------------------------ */

void render_column_heading(const struct column *c, const char *sep, struct sbuf *out)
{
	for (size_t i = 0; i < c->ngroup; i++)
		sbuf_addf(out, "%s%s", c->group[i], sep);
	sbuf_add(out, c->title);
}

void render_doc_meta(const struct document *doc, struct sbuf *out)
{
	sbuf_addf(out, msg(M_DOC_META), doc->department, doc->year, doc->unit);
}

/* s centred in w columns (cropped when wider). */
static void centred(struct sbuf *b, const char *s, int w)
{
	int pad = w - text_width(s);
	sbuf_pad(b, pad > 0 ? pad / 2 : 0);
	sbuf_add_fit(b, s, w - (pad > 0 ? pad / 2 : 0), false);
}

/* Append the field separator unless this is the side's first field. */
static void gap(struct sbuf *b, bool *first)
{
	if (!*first)
		sbuf_pad(b, RENDER_GAP);
	*first = false;
}

/* One heading line of a side: the group headings at `level`, or the
 * column titles (level < 0). */
static void side_head(const struct side_layout *sl, long level, struct sbuf *b)
{
	const struct side *s = sl->side;
	bool first = true, titles = level < 0;
	if (sl->code_w) {
		gap(b, &first);
		sbuf_add_fit(b, titles && s->code_title ? s->code_title : "", sl->code_w, false);
	}
	for (size_t i = 0; i < s->nlabels; i++) {
		gap(b, &first);
		sbuf_add_fit(b, titles ? s->labels[i].title : "", sl->label_w[i], false);
	}
	for (size_t i = 0; i < s->ncolumns;) {
		const struct column *c = &s->columns[i];
		size_t j = i + 1;
		if (sl->col_w[i] < 0) {
			i++;
			continue;
		}
		if (titles) {
			gap(b, &first);
			sbuf_add_fit(b, c->title, sl->col_w[i], right_aligned(c));
		} else if (c->ngroup > (size_t)level) {
			j = span_end(s, i, (size_t)level);
			gap(b, &first);
			centred(b, c->group[level], span_width(sl, i, j));
		} else {
			gap(b, &first);
			sbuf_pad(b, sl->col_w[i]);
		}
		i = j;
	}
}

void render_side_titles(const struct side_layout *sl, struct sbuf *out)
{
	side_head(sl, -1, out);
	sbuf_trim_end(out);
}

/* Lines are the sides' parts joined by the separator, each padded to its
 * side's width: side i of those from `from`. */
static void join_part(const struct table_layout *lay, size_t from, size_t i,
		      struct sbuf *line, struct sbuf *part)
{
	if (i > from)
		sbuf_add(line, render_side_separator());
	const char *p = part->s ? part->s : "";
	sbuf_add(line, p);
	sbuf_pad(line, lay->sides[i].width - text_width(p));
	sbuf_clear(part);
}

/* How many spanning headings stand over the columns shown (those left
 * out take theirs with them). */
static size_t group_levels(const struct side_layout *sl)
{
	const struct side *s = sl->side;
	size_t levels = 0;
	for (size_t i = 0; i < s->ncolumns; i++)
		if (sl->col_w[i] >= 0 && s->columns[i].ngroup > levels)
			levels = s->columns[i].ngroup;
	return levels;
}

/* The heading lines of sides [from, to): side groups and titles when
 * there are several, column groups, titles, rule. */
static void heading_lines(const struct table_layout *lay, size_t from, size_t to,
			  struct lines *out)
{
	struct sbuf line = { 0 }, part = { 0 };
	const struct table *t = lay->table;
	bool groups = false, titles = false;
	size_t levels = 0;
	for (size_t i = from; i < to; i++) {
		groups |= t->sides[i].group != NULL;
		titles |= t->sides[i].title != NULL;
		levels = max_int((int)levels, (int)group_levels(&lay->sides[i]));
	}
	if (groups) {
		/* A group spans consecutive sides, separators included. */
		for (size_t i = from; i < to;) {
			const char *g = t->sides[i].group;
			size_t j = i + 1;
			int w = lay->sides[i].width;
			while (g && j < to && t->sides[j].group && !strcmp(t->sides[j].group, g)) {
				w += SEP_W + lay->sides[j].width;
				j++;
			}
			if (i > from)
				sbuf_pad(&line, SEP_W);
			centred(&line, g ? g : "", w);
			i = j;
		}
		lines_add_trimmed(out, STYLE_HEADING, NULL, &line);
	}
	if (titles && t->nsides > 1) {
		for (size_t i = from; i < to; i++) {
			centred(&part, t->sides[i].title ? t->sides[i].title : "",
				lay->sides[i].width);
			join_part(lay, from, i, &line, &part);
		}
		lines_add_trimmed(out, STYLE_HEADING, NULL, &line);
	}
	for (long level = 0; level <= (long)levels; level++) {
		long l = level == (long)levels ? -1 : level;
		for (size_t i = from; i < to; i++) {
			side_head(&lay->sides[i], l, &part);
			join_part(lay, from, i, &line, &part);
		}
		lines_add_trimmed(out, STYLE_HEADING, NULL, &line);
	}
	int w = 0;
	for (size_t i = from; i < to; i++)
		w += lay->sides[i].width + (i > from ? SEP_W : 0);
	for (int i = 0; i < w; i++)
		sbuf_add(&line, "-");
	lines_add_trimmed(out, STYLE_RULE, NULL, &line);
	sbuf_free(&line);
	sbuf_free(&part);
}

void render_headings(const struct table_layout *lay, struct lines *out)
{
	heading_lines(lay, 0, lay->nsides, out);
}

/* ---- rows -------------------------------------------------------------------------- */

void render_side_row(const struct side_layout *sl, const struct row *r, int depth,
		     int marker, struct sbuf *out)
{
	const struct side *s = sl->side;
	bool first = true;
	struct sbuf cell = { 0 };
	if (sl->code_w) {
		gap(out, &first);
		sbuf_add_fit(out, r && r->code ? r->code : "", sl->code_w, false);
	}
	for (size_t i = 0; i < s->nlabels; i++) {
		gap(out, &first);
		if (r && s->nlabels == 1)
			sbuf_pad(&cell, depth * sl->indent);
		if (r && i == 0 && marker) {
			char m[3] = { (char)(r->child ? marker : ' '), ' ', '\0' };
			sbuf_add(&cell, m);
		}
		if (r && r->labels[i])
			sbuf_add(&cell, r->labels[i]);
		sbuf_add_fit(out, cell.s ? cell.s : "", sl->label_w[i], false);
		sbuf_clear(&cell);
	}
	for (size_t i = 0; i < s->ncolumns; i++) {
		if (sl->col_w[i] < 0)
			continue;	/* left out */
		gap(out, &first);
		if (r)
			render_cell(r, i, &cell);
		sbuf_add_fit(out, cell.s ? cell.s : "", sl->col_w[i],
			     right_aligned(&s->columns[i]));
		sbuf_clear(&cell);
	}
	sbuf_free(&cell);
}

/* Where a row stands among the lines: its side's key (its printed line, or
 * its place) and how many rows of its side came before it with that key
 * (two rows of one side never share a line). */
struct line_pos {
	long key;
	size_t rank;
};

static int by_pos(const void *a, const void *b)
{
	const struct line_pos *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* The positions of a side's rows, in order: keys never go back along a
 * side (a lower one is taken for the one before it). */
static void side_positions(const struct flat *f, bool sequential, struct line_pos *out)
{
	for (size_t k = 0; k < f->n; k++) {
		long key = sequential ? (long)k : f->v[k].row->print_line;
		if (k && key <= out[k - 1].key)
			out[k] = (struct line_pos){ out[k - 1].key, out[k - 1].rank + 1 };
		else
			out[k] = (struct line_pos){ key, 0 };
	}
}

void render_align(const struct flat *flats, size_t nsides, bool sequential,
		  struct aligned *out)
{
	size_t n = 0;
	for (size_t s = 0; s < nsides; s++)
		n += flats[s].n;
	out->nsides = nsides;
	out->line = xcalloc(nsides + 1, sizeof *out->line);
	out->nrows = xcalloc(nsides + 1, sizeof *out->nrows);
	/* The lines are the distinct positions in order, and a row's line its
	 * position's place among them: n log n, however many sides. */
	struct line_pos *all = xmalloc((n + 1) * sizeof *all), *mine = all;
	for (size_t s = 0; s < nsides; s++) {
		side_positions(&flats[s], sequential, mine);
		mine += flats[s].n;
	}
	struct line_pos *lines = xmalloc((n + 1) * sizeof *lines);
	memcpy(lines, all, n * sizeof *all);
	qsort(lines, n, sizeof *lines, by_pos);
	size_t nl = 0;
	for (size_t k = 0; k < n; k++)
		if (!nl || by_pos(&lines[k], &lines[nl - 1]))
			lines[nl++] = lines[k];
	out->nlines = nl;
	mine = all;
	for (size_t s = 0; s < nsides; s++) {
		out->nrows[s] = flats[s].n;
		out->line[s] = xmalloc((flats[s].n + 1) * sizeof **out->line);
		size_t at = 0;		/* positions only grow along a side */
		for (size_t k = 0; k < flats[s].n; k++) {
			size_t lo = at, hi = nl;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (by_pos(&lines[mid], &mine[k]) < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			out->line[s][k] = at = lo;
		}
		mine += flats[s].n;
	}
	free(all);
	free(lines);
}

long render_aligned_at(const struct aligned *a, size_t s, size_t l)
{
	if (s >= a->nsides)
		return -1;
	const size_t *v = a->line[s];
	size_t lo = 0, hi = a->nrows[s];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < l)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < a->nrows[s] && v[lo] == l ? (long)lo : -1;
}

void render_aligned_free(struct aligned *a)
{
	for (size_t s = 0; a->line && s < a->nsides; s++)
		free(a->line[s]);
	free(a->line);
	free(a->nrows);
	a->line = NULL;
	a->nrows = NULL;
	a->nlines = 0;
}

static void labelled(struct lines *out, const char *label, const char *text,
		     int indent, int width)
{
	struct sbuf b = { 0 };
	sbuf_addf(&b, msg(M_LABELLED), label);
	lines_add_hanging(out, STYLE_TEXT, b.s, text, indent, width);
	sbuf_free(&b);
}

/* A row's text fields, as paragraphs indented under its name. */
static void row_texts(const struct side_layout *sl, int offset, const struct row *r,
		      int depth, int width, struct lines *out)
{
	const struct table *t = r->side->table;
	int indent = offset + (sl->code_w ? sl->code_w + RENDER_GAP : 0) +
		     (depth + 1) * sl->indent;
	for (size_t i = 0; r->texts && i < t->ntexts; i++)
		if (r->texts[i])
			labelled(out, t->texts[i].title, r->texts[i], indent, width);
}

static enum line_style row_style(const struct row *r)
{
	return r->child ? STYLE_TOTAL : STYLE_ROW;
}

/* The rows of sides [from, to) on aligned lines; each line is tagged with
 * the first row on it. */
static void side_lines(const struct table_layout *lay, size_t from, size_t to,
		       const struct flat *flats, bool sequential, int width,
		       struct lines *out)
{
	struct aligned al;
	struct sbuf line = { 0 }, part = { 0 };
	render_align(flats + from, to - from, sequential, &al);
	long *at = xmalloc((al.nsides + 1) * sizeof *at);
	size_t *next = xcalloc(al.nsides + 1, sizeof *next);	/* walks each side once */
	for (size_t l = 0; l < al.nlines; l++) {
		for (size_t s = 0; s < al.nsides; s++)
			at[s] = next[s] < al.nrows[s] && al.line[s][next[s]] == l ? (long)next[s]++ : -1;
		const struct row *first = NULL;
		for (size_t s = 0; s < al.nsides; s++) {
			const struct flat_row *fr = at[s] >= 0 ? &flats[from + s].v[at[s]] : NULL;
			render_side_row(&lay->sides[from + s], fr ? fr->row : NULL,
					fr ? fr->depth : 0, 0, &part);
			join_part(lay, from, from + s, &line, &part);
			if (fr && !first)
				first = fr->row;
		}
		lines_add_trimmed(out, first ? row_style(first) : STYLE_ROW, first, &line);
		int offset = 0;
		for (size_t s = 0; s < al.nsides; s++) {
			if (at[s] >= 0) {
				const struct flat_row *fr = &flats[from + s].v[at[s]];
				row_texts(&lay->sides[from + s], offset, fr->row, fr->depth,
					  width, out);
			}
			offset += lay->sides[from + s].width + SEP_W;
		}
	}
	free(at);
	free(next);
	render_aligned_free(&al);
	sbuf_free(&line);
	sbuf_free(&part);
}

void render_table_top(const struct table *t, struct lines *out)
{
	struct sbuf b = { 0 };
	sbuf_addf(&b, "%s  %s", t->label, t->title);
	lines_add_trimmed(out, STYLE_TITLE, NULL, &b);
	render_doc_meta(t->doc, &b);
	if (strcmp(t->unit, t->doc->unit) != 0)
		sbuf_addf(&b, msg(M_TABLE_UNIT), t->unit);
	if (t->meta)
		sbuf_add(&b, t->meta);
	lines_add_trimmed(out, STYLE_META, NULL, &b);
	if (t->incomplete) {
		sbuf_addf(&b, msg(M_INCOMPLETE_SOURCE), t->incomplete);
		lines_add_trimmed(out, STYLE_WARN, NULL, &b);
	}
	sbuf_free(&b);
}

/* "(not shown: 政府性基金预算, 国有资本经营预算)" when columns were left out. */
static void left_out_line(const struct table_layout *lay, int width, struct lines *out)
{
	struct sbuf names = { 0 }, b = { 0 };
	if (!lay->nleft_out)
		return;
	for (size_t s = 0; s < lay->nsides; s++) {
		const struct side *sd = lay->sides[s].side;
		for (size_t i = 0; i < sd->ncolumns; i++) {
			if (lay->sides[s].col_w[i] >= 0)
				continue;
			if (names.len)
				sbuf_add(&names, msg(M_LIST_SEPARATOR));
			render_column_heading(&sd->columns[i], "/", &names);
		}
	}
	sbuf_addf(&b, msg(M_NOT_SHOWN), names.s);
	lines_add_wrapped(out, STYLE_META, b.s, 0, width);
	sbuf_free(&names);
	sbuf_free(&b);
}

void render_table_rows(const struct table *t, int max_width, const struct flat *flats,
		       bool sequential, struct lines *out)
{
	struct table_layout lay;
	struct flat *all = NULL;
	render_layout(t, max_width, &lay);
	if (!flats) {
		all = xcalloc(t->nsides ? t->nsides : 1, sizeof *all);
		for (size_t i = 0; i < t->nsides; i++)
			flatten_side(&t->sides[i], NULL, NULL, NULL, NULL, &all[i]);
		flats = all;
	}
	/* Paragraphs wrap to the table's width, or to --width when the table
	 * is wider: a cropped paragraph would lose words mid-line. */
	int text_w = lay.width < 40 ? 40 : lay.width;
	if (max_width > 0 && text_w > max_width)
		text_w = max_width;
	render_table_top(t, out);
	if (lay.stacked) {
		for (size_t i = 0; i < t->nsides; i++) {
			heading_lines(&lay, i, i + 1, out);
			side_lines(&lay, i, i + 1, flats, sequential, text_w, out);
		}
	} else {
		render_headings(&lay, out);
		side_lines(&lay, 0, t->nsides, flats, sequential, text_w, out);
	}
	if (t->note) {
		struct sbuf b = { 0 };
		sbuf_addf(&b, msg(M_TABLE_NOTE), t->note);
		lines_add_wrapped(out, STYLE_META, b.s, 0, text_w);
		sbuf_free(&b);
	}
	left_out_line(&lay, text_w, out);
	for (size_t i = 0; all && i < t->nsides; i++)
		flatten_free(&all[i]);
	free(all);
	render_layout_free(&lay);
}

void render_table(const struct table *t, int max_width, struct lines *out)
{
	render_table_rows(t, max_width, NULL, false, out);
}

/* ---- narrative -------------------------------------------------------------- */

static void render_figure(const struct figure *f, int width, struct lines *out)
{
	char v[AMOUNT_BUFSZ], c[AMOUNT_BUFSZ], r[AMOUNT_BUFSZ];
	struct sbuf b = { 0 };
	sbuf_addf(&b, "%s %s", render_glyph(GLYPH_BULLET), f->label);
	if (f->has_value && f->quantity)
		sbuf_addf(&b, " %s%s", quantity_format(f->value, f->quantity_places, v, sizeof v),
			  f->unit);
	else if (f->has_value)
		sbuf_addf(&b, " %s%s", amount_format(f->value, v, sizeof v), f->unit);
	if (f->has_change)
		sbuf_addf(&b, msg(M_FIGURE_CHANGE), f->change >= 0 ? "+" : "",
			  amount_format(f->change, c, sizeof c));
	if (f->has_rate)
		sbuf_addf(&b, msg(M_FIGURE_RATE), f->rate >= 0 ? "+" : "",
			  rate_format(f->rate, f->rate_places, r, sizeof r));
	if (f->has_share)
		sbuf_addf(&b, msg(M_FIGURE_SHARE), rate_format(f->share, f->share_places, r, sizeof r));
	if (f->has_prior)
		sbuf_addf(&b, msg(M_FIGURE_PRIOR), amount_format(f->prior, v, sizeof v));
	if (f->is_new)
		sbuf_add(&b, msg(M_FIGURE_NEW));
	if (f->not_comparable)
		sbuf_add(&b, msg(M_FIGURE_NOT_COMPARABLE));
	if (f->ref.table)
		sbuf_addf(&b, " %s %s", render_glyph(GLYPH_ARROW), f->ref.table->label);
	size_t first = out->n;
	lines_add_wrapped(out, STYLE_TEXT, b.s, 2, width);
	/* The browser follows the reference from any line of the figure. */
	for (size_t i = first; i < out->n; i++) {
		out->v[i].link = f->ref.table;
		out->v[i].row = f->ref.row;
	}
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
			sbuf_addf(&b, "%s ", first ? render_glyph(GLYPH_BULLET) : " ");
			sbuf_addf(&b, msg(M_LABELLED), *tt->columns[j] ? tt->columns[j]
								       : msg(M_TEXT_TABLE_ITEM));
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
		sbuf_addf(&b, "%zu. ", i + 1);
		sbuf_addf(&b, msg(M_LABELLED), s->terms[i].term);
		lines_add_hanging(out, STYLE_TEXT, b.s, s->terms[i].definition, 2, width);
		sbuf_free(&b);
	}
	for (size_t i = 0; i < s->nfigures; i++)
		render_figure(&s->figures[i], width, out);
	for (size_t i = 0; i < s->nsee; i++) {
		const struct table *t = s->see_tables[i];
		struct sbuf b = { 0 };
		sbuf_addf(&b, "%s %s  %s", render_glyph(GLYPH_ARROW), t->label, t->title);
		size_t first = out->n;
		lines_add_wrapped(out, STYLE_META, b.s, 2, width);
		for (size_t k = first; k < out->n; k++)
			out->v[k].link = t;
		sbuf_free(&b);
	}
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

void render_document_head(const struct document *doc, struct lines *out)
{
	struct sbuf b = { 0 };
	lines_add(out, STYLE_TITLE, NULL, doc->title);
	render_doc_meta(doc, &b);
	lines_add(out, STYLE_META, NULL, b.s);
	sbuf_free(&b);
}

void render_document(const struct document *doc, int max_width, struct lines *out)
{
	render_document_head(doc, out);
	for (const struct section *s = doc->parts; s; s = s->next) {
		lines_add(out, STYLE_PLAIN, NULL, "");
		render_section(s, max_width, out);
	}
	for (size_t i = 0; i < doc->ntables; i++) {
		lines_add(out, STYLE_PLAIN, NULL, "");
		render_table(&doc->tables[i], max_width, out);
	}
}
