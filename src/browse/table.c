/* table.c: the main pane, a table (or a narrative part) as a tree grid.
 * The columns are a window moved with < and > (VisiData's column cursor);
 * names get their room before more columns do; the sides of a table
 * printed side by side show side by side when they fit, else one at a
 * time ({ and }).  Rows are drawn by the one row formatter of render.h. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "browse/pane.h"
#include "doc/msg.h"
#include "doc/util.h"
#include "report/compare.h"
#include "report/render.h"

#define BAR_WIDE 10		/* inner cells of a share bar */
#define BAR_NARROW 5
#define PERCENT_W 7		/* "100.00%" */
#define NAME_WANT 20		/* a name's room before more columns get any */
#define LABEL_WANT 12		/* the same for the other label columns */
#define NAME_MIN 8		/* no name narrower: four Chinese characters */
#define LABEL_MIN 6		/* two Chinese characters and the cut mark */
#define FLAG_W 2		/* a check flag and a space */
#define MARK_W 2		/* a compared row's one-character mark */
#define SEP_W 3			/* " │ " between sides */
#define TO_END (LONG_MAX / 4)

/* ---- the screen's layout of a table -------------------------------------------- */

struct screen {
	struct table_layout lay;	/* natural widths, then fitted per side */
	size_t first, last;		/* the sides shown: [first, last) */
	int bar_w;			/* bar or percentage before the fields, or 0 */
	bool marks;			/* a compared table: marks before the fields */
	int prefix;			/* columns before a side's fields */
	size_t win_first, win_last, win_n;	/* the active side's columns in view */
};

/* The widths a side's fields have by nature, kept to reset from. */
struct natural {
	int code_w, *label_w, *col_w;
};

static int side_need(const struct side_layout *sl)
{
	int w = 0;
	bool first = true;
	if (sl->code_w) {
		w += sl->code_w;
		first = false;
	}
	for (size_t i = 0; i < sl->side->nlabels; i++) {
		w += sl->label_w[i] + (first ? 0 : RENDER_GAP);
		first = false;
	}
	for (size_t i = 0; i < sl->side->ncolumns; i++)
		if (sl->col_w[i] >= 0) {
			w += sl->col_w[i] + (first ? 0 : RENDER_GAP);
			first = false;
		}
	return w;
}

/* A label's room before more columns get any: for names, the tree's
 * indentation comes on top. */
static int label_want(const struct side_layout *sl, size_t i, int natural)
{
	int want = i == 0 ? NAME_WANT + sl->tree_w : LABEL_WANT;
	return natural < want ? natural : want;
}

/* A compared table's 说明 column: shown as a mark before the row. */
static bool is_mark_column(const struct side *s, size_t i)
{
	return s->table->derived && s->columns[i].type == COL_TEXT && !s->columns[i].right;
}

/* Give up label room, the last label first, never below a readable
 * minimum, until the side needs no more than budget. */
static void shrink_labels(struct side_layout *sl, int budget)
{
	for (size_t i = sl->side->nlabels; i-- > 0 && side_need(sl) > budget;) {
		int min = i == 0 ? NAME_MIN + sl->tree_w : LABEL_MIN;
		int over = side_need(sl) - budget;
		int can = sl->label_w[i] - min;
		if (can > 0)
			sl->label_w[i] -= over < can ? over : can;
	}
}

static size_t wanted_columns(const struct side *s, size_t first);

/* Fit one side into budget columns, its column window starting at first:
 * names keep their room, then columns come while they fit (the first one
 * always, and the ones wanted at the cost of the names' room), then what
 * is left goes back to the names and the code. */
static void fit_side(struct side_layout *sl, const struct natural *nat, int budget,
		     size_t first, size_t *win_last)
{
	const struct side *s = sl->side;
	size_t want = wanted_columns(s, first), shown = 0;
	sl->code_w = nat->code_w ? sl->code_min : 0;
	for (size_t i = 0; i < s->nlabels; i++)
		sl->label_w[i] = label_want(sl, i, nat->label_w[i]);
	for (size_t i = 0; i < s->ncolumns; i++)
		sl->col_w[i] = -1;
	size_t last = first;
	for (size_t i = first; i < s->ncolumns; i++) {
		/* A compared table's 说明 shows as a mark before the row. */
		if (is_mark_column(s, i))
			continue;
		sl->col_w[i] = nat->col_w[i];
		if (side_need(sl) > budget && shown < want)
			shrink_labels(sl, budget);
		if (side_need(sl) > budget && i > first) {
			sl->col_w[i] = -1;
			break;
		}
		shown++;
		last = i + 1;
	}
	*win_last = last;
	int spare = budget - side_need(sl);
	/* Names first, then the code heading, get back what is spare... */
	for (size_t i = 0; i < s->nlabels && spare > 0; i++) {
		int more = nat->label_w[i] - sl->label_w[i];
		more = more < spare ? more : spare;
		if (more > 0) {
			sl->label_w[i] += more;
			spare -= more;
		}
	}
	if (spare > 0 && nat->code_w > sl->code_w) {
		int more = nat->code_w - sl->code_w;
		sl->code_w += more < spare ? more : spare;
	}
	/* ...or give up room. */
	shrink_labels(sl, budget);
	sl->width = side_need(sl);
}

static void natural_of(const struct side_layout *sl, struct natural *nat)
{
	size_t nl = sl->side->nlabels, nc = sl->side->ncolumns;
	nat->code_w = sl->code_w;
	nat->label_w = xmalloc((nl + 1) * sizeof *nat->label_w);
	nat->col_w = xmalloc((nc + 1) * sizeof *nat->col_w);
	memcpy(nat->label_w, sl->label_w, nl * sizeof *nat->label_w);
	memcpy(nat->col_w, sl->col_w, nc * sizeof *nat->col_w);
}

static void natural_free(struct natural *nat)
{
	free(nat->label_w);
	free(nat->col_w);
}

/* The narrowest a side can be: code, names at their minimum, the first
 * column of its window. */
static int side_min(const struct side_layout *sl, const struct natural *nat, size_t first)
{
	int w = nat->code_w ? sl->code_min + RENDER_GAP : 0;
	for (size_t i = 0; i < sl->side->nlabels; i++)
		w += label_want(sl, i, nat->label_w[i]) + RENDER_GAP;
	if (first < sl->side->ncolumns)
		w += nat->col_w[first];
	return w;
}

/* How many columns of the window a side should show before bars and
 * indentation are kept: a compared table's figures (本年, 上年, 增减,
 * 增减率), or a plain table's first two. */
static size_t wanted_columns(const struct side *s, size_t first)
{
	size_t want = s->table->derived ? 4 : 2, n = 0;
	for (size_t i = first; i < s->ncolumns; i++)
		n += !is_mark_column(s, i);
	return n < want ? n : want;
}

/* The screen's fields, for one attempt: names indented indent a level,
 * shares of bar columns; true when every side shown keeps its names' room
 * and the columns it wants. */
static bool try_layout(const struct item *it, int width, int indent,
		       int bar, struct screen *sc)
{
	const struct table *t = it->shown;
	sc->lay.table = t;
	sc->lay.nsides = t->nsides;
	sc->lay.sides = xcalloc(t->nsides + 1, sizeof *sc->lay.sides);
	struct natural *nat = xcalloc(t->nsides + 1, sizeof *nat);
	for (size_t i = 0; i < t->nsides; i++) {
		item_measure(it, i, indent, &sc->lay.sides[i]);
		natural_of(&sc->lay.sides[i], &nat[i]);
	}
	sc->marks = t->derived != NULL;
	int prefix = FLAG_W + (sc->marks ? MARK_W : 0);
	/* All sides side by side when each keeps its minimum. */
	int all = 0;
	for (size_t i = 0; i < t->nsides; i++)
		all += prefix + side_min(&sc->lay.sides[i], &nat[i], it->sides[i].first_col) +
		       (i ? SEP_W : 0);
	if (t->nsides > 1 && all > width) {
		sc->first = it->side;
		sc->last = it->side + 1;
	} else {
		sc->first = 0;
		sc->last = t->nsides;
	}
	/* Shares before the fields, for one side only: with more, whose? */
	bool one = sc->last - sc->first == 1;
	sc->bar_w = one ? bar : 0;
	sc->prefix = prefix + sc->bar_w;
	int room = width - (int)(sc->last - sc->first - 1) * SEP_W -
		   (int)(sc->last - sc->first) * sc->prefix;
	int natural = 0;
	for (size_t i = sc->first; i < sc->last; i++)
		natural += sc->lay.sides[i].width;
	bool kept = true;
	for (size_t i = sc->first; i < sc->last; i++) {
		struct side_layout *sl = &sc->lay.sides[i];
		/* Several sides share the room as their natural widths do. */
		int budget = one ? room : natural ? room * sl->width / natural : room;
		size_t first = it->sides[i].first_col, last;
		fit_side(sl, &nat[i], budget, first, &last);
		if (i == it->side) {
			sc->win_first = first;
			sc->win_last = last;
		}
		size_t shown = 0;
		for (size_t k = 0; k < sl->side->ncolumns; k++)
			shown += sl->col_w[k] >= 0;
		kept &= shown >= wanted_columns(sl->side, first);
		for (size_t k = 0; k < sl->side->nlabels; k++)
			kept &= sl->label_w[k] >= label_want(sl, k, nat[i].label_w[k]);
	}
	for (size_t i = 0; i < t->nsides; i++)
		natural_free(&nat[i]);
	free(nat);
	return kept;
}

/* Lay the table out in width columns; true when names and the wanted
 * columns have their room (after bars and indentation gave way). */
static bool screen_layout(const struct view *v, const struct item *it, int width,
			  struct screen *sc)
{
	const struct table *t = it->shown;
	int bar = !v->bars ? 0 :
		  v->shares == SHARES_BARS ? (width >= 60 ? BAR_WIDE : BAR_NARROW) + 3 :
		  v->shares == SHARES_PERCENT ? PERCENT_W + 1 :
		  (width >= 60 ? BAR_WIDE : BAR_NARROW) + 3 + PERCENT_W + 1;
	/* What gives way before names and the first columns do, in order:
	 * the bars, then the indentation of names. */
	static const struct { int indent; bool bars; } attempts[] = {
		{ RENDER_INDENT, true }, { RENDER_INDENT, false }, { 1, false }, { 0, false },
	};
	size_t n = sizeof attempts / sizeof attempts[0];
	bool kept = false;
	for (size_t a = 0; a < n; a++) {
		memset(sc, 0, sizeof *sc);
		kept = try_layout(it, width, attempts[a].indent, attempts[a].bars ? bar : 0, sc);
		if (kept || a + 1 == n)
			break;
		render_layout_free(&sc->lay);
	}
	const struct side *as = &t->sides[it->side < t->nsides ? it->side : 0];
	sc->win_n = 0;
	for (size_t i = 0; i < as->ncolumns; i++)
		sc->win_n += !is_mark_column(as, i);
	return kept;
}

static void screen_free(struct screen *sc)
{
	render_layout_free(&sc->lay);
}

bool main_fits(const struct view *v, const struct item *it, int width)
{
	if (!it->table)
		return true;
	struct screen sc;
	bool kept = screen_layout(v, it, width, &sc);
	screen_free(&sc);
	return kept;
}

bool main_sides_fit(const struct view *v, const struct item *it)
{
	if (!it->table || it->shown->nsides < 2)
		return true;
	struct screen sc;
	screen_layout(v, it, v->lay.pane[PANE_MAIN].w - 1, &sc);
	bool all = sc.last - sc.first == it->shown->nsides;
	screen_free(&sc);
	return all;
}

/* ---- keys ------------------------------------------------------------------------- */

/* Shift the active side's column window by one column. */
static void shift_columns(struct view *v, struct item *it, int step)
{
	if (!it->table || !it->nsides) {
		view_message(v, "%s", msg(M_VIEW_NO_COLUMNS));
		return;
	}
	struct side_view *sv = &it->sides[it->side];
	const struct side *s = &it->shown->sides[it->side];
	if (step < 0 && sv->first_col == 0) {
		view_message(v, "%s", msg(M_VIEW_FIRST_COLUMN));
		return;
	}
	if (step > 0) {
		struct screen sc;
		screen_layout(v, it, v->lay.pane[PANE_MAIN].w - 1, &sc);
		bool at_end = sc.win_last >= s->ncolumns ||
			      (s->table->derived && sc.win_last + 1 >= s->ncolumns &&
			       s->columns[s->ncolumns - 1].type == COL_TEXT);
		screen_free(&sc);
		if (at_end) {
			view_message(v, "%s", msg(M_VIEW_LAST_COLUMN));
			return;
		}
	}
	sv->first_col = (size_t)((long)sv->first_col + step);
}

static void expand(struct view *v, struct item *it)
{
	if (!item_row(it) && !item_section(it))
		return;
	const struct row *r = item_row(it);
	if (!item_has_children(it) && r && r->link && r->link->side->table->doc != v->doc &&
	    v->set) {
		/* A department's row of the city document opens that department,
		 * at the row it stands for. */
		view_go(v, view_place_of_row(v, r->link), true);
		v->focus = PANE_MAIN;
		view_relayout(v);
		return;
	}
	if (!item_has_children(it)) {
		/* A leaf opens onto its story in the detail pane. */
		if (v->show_detail) {
			v->focus = PANE_DETAIL;
			view_relayout(v);
		}
		return;
	}
	if (!item_is_open(it)) {
		item_set_open(it, true);
		return;
	}
	item_to_child(it);
}

static void collapse(struct view *v, struct item *it)
{
	if (item_has_children(it) && item_is_open(it)) {
		item_set_open(it, false);
		return;
	}
	if (!item_to_parent(it) && v->show_nav) {
		/* At the top: back to the contents. */
		v->focus = PANE_NAV;
		view_relayout(v);
	}
}

/* Down past a part's last section goes on to the next item. */
static void move(struct view *v, struct item *it, long delta)
{
	if (item_move(it, delta) || delta <= 0 || !it->part)
		return;
	size_t next = view_step_item(v, v->cur, 1);
	if (next != v->cur) {
		view_select_item(v, next);
		view_item(v)->top = 0;
	}
}

int main_do(struct view *v, enum action a, int key)
{
	struct item *it = view_item(v);
	switch (a) {
	case ACT_UP: move(v, it, -1); break;
	case ACT_DOWN: move(v, it, 1); break;
	case ACT_PAGE_UP: item_move(it, -view_page(v)); break;
	case ACT_PAGE_DOWN: item_move(it, view_page(v)); break;
	case ACT_HOME: item_move(it, -TO_END); break;
	case ACT_END: item_move(it, TO_END); break;
	case ACT_EXPAND: expand(v, it); break;
	case ACT_COLLAPSE: collapse(v, it); break;
	case ACT_LEVEL_MORE:
		if (!item_level_more(it))
			view_message(v, "%s", msg(M_VIEW_ALL_OPEN));
		break;
	case ACT_LEVEL_LESS: item_level_less(it); break;
	case ACT_EXPAND_ALL: item_open_to_depth(it, INT_MAX); break;
	case ACT_DIGIT:
		if (key >= '0' && key <= '9')
			item_open_to_depth(it, key - '0');
		break;
	case ACT_COL_LEFT: shift_columns(v, it, -1); break;
	case ACT_COL_RIGHT: shift_columns(v, it, 1); break;
	case ACT_SIDE_PREV:
	case ACT_SIDE_NEXT:
		if (!item_switch_side(it, a == ACT_SIDE_NEXT ? 1 : -1))
			view_message(v, "%s", msg(M_VIEW_ONE_SIDE));
		break;
	default: return PANE_PASS;
	}
	return VIEW_REDRAW;
}

/* ---- drawing ------------------------------------------------------------------------ */

/* The share bar of a rate (hundredths of a percent) in inner cells. */
static void bar(bool has_rate, int64_t rate, int inner, struct sbuf *out)
{
	if (!has_rate) {
		sbuf_pad(out, inner + 2);
		return;
	}
	/* Clamped first: rate * inner must not overflow. */
	if (rate < 0)
		rate = 0;
	if (rate > 10000)
		rate = 10000;
	int64_t fill = (rate * inner + 5000) / 10000;
	sbuf_add(out, "[");
	for (int i = 0; i < inner; i++)
		sbuf_add(out, i < fill ? "#" : " ");
	sbuf_add(out, "]");
}

/* The bar and/or percentage of a row, bar_w columns. */
static void shares(const struct view *v, const struct row *r, int bar_w, struct sbuf *out)
{
	int64_t rate;
	char buf[AMOUNT_BUFSZ];
	bool has = model_share(r, model_share_base(r), &rate);
	int inner = bar_w >= BAR_WIDE + 2 ? BAR_WIDE : BAR_NARROW;
	if (v->shares != SHARES_PERCENT)
		bar(has, rate, inner, out);
	if (v->shares != SHARES_BARS) {
		if (v->shares == SHARES_BOTH)
			sbuf_add(out, " ");
		sbuf_add_fit(out, has ? rate_format(rate, 1, buf, sizeof buf) : "", PERCENT_W,
			     true);
	}
	sbuf_pad(out, bar_w - text_width(out->s ? out->s : ""));
}

/* A row's check flag: ! fails (the warning style; a known fault of the
 * source in the plain one), ? cannot be checked. */
static void flag(const struct view *v, const struct row *r, struct grid *g, int x, int y)
{
	switch (check_row_status(&v->checks, r)) {
	case CHECK_FAIL: grid_put(g, x, y, 1, STYLE_WARN, "!"); break;
	case CHECK_KNOWN: grid_put(g, x, y, 1, STYLE_META, "!"); break;
	case CHECK_UNCHECKABLE: grid_put(g, x, y, 1, STYLE_META, "?"); break;
	default: break;
	}
}

/* A compared row's one-character mark (see the legend). */
static const char *mark(const struct row *r)
{
	const struct derived_row *d = compare_derived_row(r);
	const struct derivation *dv = r->side->table->derived;
	if (!d)
		return NULL;
	if (d->differs)
		return msg(M_MARK_DIFFERS);
	if (!d->cur)
		return msg(M_MARK_DROPPED);
	if (!d->prior)
		return dv->cmp->old ? msg(M_MARK_NEW) : NULL;
	switch (d->how) {
	case MATCH_POSITION: return msg(M_MARK_BY_POSITION);
	case MATCH_CODE: return d->renamed || d->moved ? msg(M_MARK_BY_CODE) : NULL;
	case MATCH_ID: return d->renamed || d->moved ? msg(M_MARK_BY_ID) : NULL;
	case MATCH_NAME: return d->recoded || d->moved ? msg(M_MARK_BY_NAME) : NULL;
	default: return NULL;
	}
}

static char open_marker(const struct item *it, const struct row *r)
{
	if (!r->child)
		return ' ';
	return it->open[r->index] ? '-' : '+';
}

/* The x of side i's part of a line. */
static int side_x(const struct screen *sc, size_t i, int x0)
{
	int x = x0;
	for (size_t k = sc->first; k < i; k++)
		x += sc->prefix + sc->lay.sides[k].width + SEP_W;
	return x;
}

static void draw_line(struct view *v, const struct item *it, const struct screen *sc,
		      struct grid *g, int x0, int y, int width, size_t l)
{
	struct sbuf b = { 0 };
	size_t cursor = item_cursor_line(it);
	for (size_t s = sc->first; s < sc->last; s++) {
		int x = side_x(sc, s, x0);
		const struct flat_row *fr = item_at(it, s, l);
		if (s > sc->first)
			grid_put(g, x - SEP_W + 1, y, 1, SS_BORDER, render_glyph(GLYPH_BORDER));
		if (!fr)
			continue;
		const struct row *r = fr->row;
		if (sc->bar_w) {
			sbuf_clear(&b);
			shares(v, r, sc->bar_w - 1, &b);
			grid_put(g, x, y, sc->bar_w, SS_BAR, b.s);
		}
		int fx = x + sc->bar_w;
		flag(v, r, g, fx, y);
		const char *m = sc->marks ? mark(r) : NULL;
		if (m)
			grid_put(g, fx + 1, y, MARK_W, STYLE_WARN, m);
		sbuf_clear(&b);
		render_side_row(&sc->lay.sides[s], r, fr->depth, open_marker(it, r), &b);
		int fw = x0 + width - (x + sc->prefix);
		int w = sc->lay.sides[s].width < fw ? sc->lay.sides[s].width : fw;
		enum line_style st = compare_derived_row(r) && !compare_derived_row(r)->cur
				     ? STYLE_WARN : r->child ? STYLE_TOTAL : STYLE_ROW;
		grid_put(g, x + sc->prefix, y, w, st, b.s);
		grid_mark(g, x + sc->prefix, y, w, v->query);
		if (l == cursor)
			draw_selected(g, x, y, sc->prefix + w, v->focus == PANE_MAIN && s == it->side);
	}
	sbuf_free(&b);
}

static void draw_headings(const struct item *it, const struct screen *sc, struct grid *g,
			  int x0, int y, int width)
{
	struct sbuf b = { 0 };
	bool several = it->shown->nsides > 1;
	for (size_t s = sc->first; s < sc->last; s++) {
		const struct side *sd = &it->shown->sides[s];
		int x = side_x(sc, s, x0);
		int w = x0 + width - x;
		if (several) {
			sbuf_clear(&b);
			if (sd->group)
				sbuf_addf(&b, "%s %s ", sd->group, render_glyph(GLYPH_BULLET));
			sbuf_add(&b, sd->title ? sd->title : "");
			if (sc->last - sc->first == 1)
				sbuf_addf(&b, " (%zu/%zu { })", s + 1, it->shown->nsides);
			grid_put(g, x + sc->prefix, y, w - sc->prefix, STYLE_HEADING, b.s);
		}
		sbuf_clear(&b);
		render_side_titles(&sc->lay.sides[s], &b);
		grid_put(g, x + sc->prefix, y + several, w - sc->prefix, STYLE_HEADING,
			 b.s ? b.s : "");
	}
	sbuf_free(&b);
}

/* The main pane's title in its room: name, tags (what is compared, an
 * incomplete table) and depth while they fit; when not, the depth goes
 * first, then the name is cut, keeping TITLE_NAME_MIN columns, so that the
 * tags stay whole; past that all is cut together. */
#define TITLE_NAME_MIN 12

static void title_fitted(const struct view *v, struct sbuf *name, const struct sbuf *tags,
			 const struct sbuf *depth, const char *right)
{
	int room = draw_title_room(v, PANE_MAIN, right);
	int nw = name->s ? (int)text_width(name->s) : 0;
	int tw = tags->s ? (int)text_width(tags->s) : 0;
	int dw = depth->s ? (int)text_width(depth->s) : 0;
	if (nw + tw + dw <= room || !tw || room - tw < TITLE_NAME_MIN) {
		sbuf_add(name, tags->s ? tags->s : "");
		sbuf_add(name, depth->s ? depth->s : "");
		return;
	}
	if (nw + tw > room) {
		struct sbuf cut = { 0 };
		sbuf_add_fit(&cut, name->s, room - tw, false);
		sbuf_clear(name);
		sbuf_add(name, cut.s);
		sbuf_free(&cut);
	}
	sbuf_add(name, tags->s);
}

static void main_title(struct view *v, struct grid *g, const struct item *it,
		       const struct screen *sc)
{
	struct sbuf name = { 0 }, tags = { 0 }, depth = { 0 }, right = { 0 };
	bool failing;
	view_item_label(v, v->cur, &name, &failing);
	if (it->shown && it->shown->derived)
		sbuf_add(&tags, it->shown->title + strlen(it->table->title));
	if (it->table && it->table->incomplete)
		sbuf_addf(&tags, msg(M_VIEW_INCOMPLETE_TAG), msg(M_VIEW_INCOMPLETE));
	if (item_nlines(it))
		sbuf_addf(&depth, msg(M_VIEW_DEPTH), item_depth_shown(it));
	if (sc && sc->win_n > 1 && (sc->win_first > 0 || sc->win_last < sc->win_n))
		sbuf_addf(&right, "%s%zu-%zu/%zu%s ", sc->win_first ? render_glyph(GLYPH_MORE_LEFT) : " ",
			  sc->win_first + 1, sc->win_last, sc->win_n,
			  sc->win_last < sc->win_n ? render_glyph(GLYPH_MORE_RIGHT) : " ");
	if (item_nlines(it))
		sbuf_addf(&right, "%zu/%zu", item_cursor_line(it) + 1, item_nlines(it));
	title_fitted(v, &name, &tags, &depth, right.len ? right.s : NULL);
	draw_title(v, g, PANE_MAIN, name.s ? name.s : "", right.len ? right.s : NULL);
	sbuf_free(&name);
	sbuf_free(&tags);
	sbuf_free(&depth);
	sbuf_free(&right);
}

static void draw_table(struct view *v, struct grid *g, const struct rect *r)
{
	struct item *it = view_item(v);
	struct screen sc;
	int width = r->w - 1, x0 = r->x + 1;
	screen_layout(v, it, width, &sc);
	main_title(v, g, it, &sc);
	int heads = 1 + (it->shown->nsides > 1);
	draw_headings(it, &sc, g, x0, r->y + 1, width);
	int rows = view_main_rows(v);
	if (!item_nlines(it))
		grid_put(g, x0, r->y + 1 + heads, width, STYLE_META, msg(M_VIEW_NO_ROWS));
	for (int row = 0; row < rows; row++) {
		size_t l = it->top + (size_t)row;
		if (l >= item_nlines(it))
			break;
		draw_line(v, it, &sc, g, x0, r->y + 1 + heads + row, width, l);
	}
	screen_free(&sc);
}

static void draw_part(struct view *v, struct grid *g, const struct rect *r)
{
	const struct item *it = view_item(v);
	struct sbuf b = { 0 };
	main_title(v, g, it, NULL);
	for (int row = 0; row < r->h - 1; row++) {
		size_t i = it->top + (size_t)row;
		int y = r->y + 1 + row;
		if (i >= it->nsvis)
			break;
		const struct section_line *sl = &it->svis[i];
		sbuf_clear(&b);
		sbuf_pad(&b, sl->depth * 2);
		sbuf_addf(&b, "%c %s", sl->sec->child ? (it->open[sl->sec->index - it->part->index]
							 ? '-' : '+') : ' ', sl->sec->title);
		grid_put(g, r->x + 1, y, r->w - 1, sl->depth == 0 ? STYLE_TITLE : STYLE_HEADING,
			 b.s);
		grid_mark(g, r->x + 1, y, r->w - 1, v->query);
		if (i == it->scursor)
			draw_selected(g, r->x, y, r->w, v->focus == PANE_MAIN);
	}
	sbuf_free(&b);
}

void draw_main(struct view *v, struct grid *g)
{
	const struct rect *r = &v->lay.pane[PANE_MAIN];
	if (!v->nitems) {
		draw_title(v, g, PANE_MAIN, v->doc->title, NULL);
		grid_put(g, r->x + 1, r->y + 1, r->w - 1, STYLE_META, view_empty_text());
	} else if (view_item(v)->table) {
		draw_table(v, g, r);
	} else {
		draw_part(v, g, r);
	}
}
