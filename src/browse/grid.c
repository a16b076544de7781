/* grid.c: the cell grid the screen is drawn into. */
#define _XOPEN_SOURCE 700	/* wcwidth */

#include "browse/grid.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "doc/util.h"

static const struct grid_cell blank = { " ", 1, 0, 0 };

/* Blank every cell. */
static void grid_clear(struct grid *g)
{
	for (int i = 0; i < g->cols * g->rows; i++)
		g->cells[i] = blank;
	g->cursor_x = g->cursor_y = -1;
}

void grid_resize(struct grid *g, int cols, int rows)
{
	if (cols < 1)
		cols = 1;
	if (rows < 1)
		rows = 1;
	if (cols != g->cols || rows != g->rows) {
		g->cells = xrealloc(g->cells, (size_t)cols * (size_t)rows *
				    sizeof *g->cells);
		g->cols = cols;
		g->rows = rows;
	}
	grid_clear(g);
}

void grid_free(struct grid *g)
{
	free(g->cells);
	memset(g, 0, sizeof *g);
}

struct grid_cell *grid_at(struct grid *g, int x, int y)
{
	return &g->cells[(size_t)y * (size_t)g->cols + (size_t)x];
}

/* Blank the halves of any wide character that (x, y) is part of, so that
 * writing there never leaves half a character behind. */
static void split_wide(struct grid *g, int x, int y)
{
	struct grid_cell *c = grid_at(g, x, y);
	if (c->width == 0 && x > 0) {
		struct grid_cell *left = grid_at(g, x - 1, y);
		unsigned char st = left->style, fl = left->flags;
		*left = blank;
		left->style = st;
		left->flags = fl;
	}
	if (c->width == 2 && x + 1 < g->cols) {
		struct grid_cell *right = grid_at(g, x + 1, y);
		unsigned char st = right->style, fl = right->flags;
		*right = blank;
		right->style = st;
		right->flags = fl;
	}
}

static void set_cell(struct grid *g, int x, int y, const char *bytes,
		     size_t len, int width, int style)
{
	split_wide(g, x, y);
	if (width == 2)
		split_wide(g, x + 1, y);
	struct grid_cell *c = grid_at(g, x, y);
	memcpy(c->text, bytes, len);
	c->text[len] = '\0';
	c->width = (unsigned char)width;
	c->style = (unsigned char)style;
	c->flags = 0;
	if (width == 2) {
		struct grid_cell *r = grid_at(g, x + 1, y);
		r->text[0] = '\0';
		r->width = 0;
		r->style = (unsigned char)style;
		r->flags = 0;
	}
}

/* Decode one character of s (not at its NUL) into its bytes as shown and
 * its width; returns its length in s. */
static size_t next_char(const char *s, const char **bytes, size_t *blen, int *width)
{
	wchar_t wc;
	size_t n = text_decode(s, &wc);

	if (n == 0 || text_is_control(wc, false)) {
		*bytes = TEXT_REPLACEMENT;
		*blen = sizeof TEXT_REPLACEMENT - 1;
		*width = 1;
		return n ? n : 1;
	}
	*bytes = s;
	*blen = n;
	*width = wcwidth(wc);
	if (*width < 0)
		*width = 1;
	return n;
}

int grid_put(struct grid *g, int x, int y, int maxw, int style, const char *text)
{
	int end = x + maxw, start = x;
	if (y < 0 || y >= g->rows || x < 0)
		return 0;
	/* Nothing invisible reaches the screen: what the sanitiser would
	 * change is drawn as it would show it. */
	char *clean = text_is_clean(text, strlen(text), false) ? NULL : text_sanitize(text, false);
	const char *s = clean ? clean : text;

	if (end > g->cols)
		end = g->cols;
	while (*s && x < end) {
		const char *bytes;
		size_t blen;
		int w;
		s += next_char(s, &bytes, &blen, &w);
		if (w == 0) {
			/* A combining mark joins the character before it. */
			if (x > start) {
				struct grid_cell *c = grid_at(g, x - 1, y);
				if (c->width == 0 && x - 2 >= start)
					c = grid_at(g, x - 2, y);
				size_t have = strlen(c->text);
				if (have + blen < sizeof c->text) {
					memcpy(c->text + have, bytes, blen);
					c->text[have + blen] = '\0';
				}
			}
			continue;
		}
		if (x + w > end) {
			set_cell(g, x, y, " ", 1, 1, style);
			x++;
			break;
		}
		set_cell(g, x, y, bytes, blen, w, style);
		x += w;
	}
	free(clean);
	return x - start;
}

void grid_fill(struct grid *g, int x, int y, int w, int style)
{
	if (y < 0 || y >= g->rows)
		return;
	for (int i = x < 0 ? 0 : x; i < x + w && i < g->cols; i++)
		set_cell(g, i, y, " ", 1, 1, style);
}

void grid_flag(struct grid *g, int x, int y, int w, int flags)
{
	if (y < 0 || y >= g->rows)
		return;
	for (int i = x < 0 ? 0 : x; i < x + w && i < g->cols; i++)
		grid_at(g, i, y)->flags |= (unsigned char)flags;
}

void grid_row_text(const struct grid *g, int y, struct sbuf *out)
{
	size_t start = out->len;

	for (int x = 0; x < g->cols; x++) {
		const struct grid_cell *c = &g->cells[(size_t)y * (size_t)g->cols + (size_t)x];
		if (c->width)
			sbuf_add(out, c->text);
	}
	while (out->len > start && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
}

void grid_mark(struct grid *g, int x, int y, int w, const char *query)
{
	if (!query || !*query || y < 0 || y >= g->rows)
		return;
	int end = x + w > g->cols ? g->cols : x + w;
	struct sbuf text = { 0 };
	int *cell_of = xmalloc(((size_t)(end > x ? end - x : 0) * 8 + 1) * sizeof *cell_of);
	/* The row's text, and for each of its bytes the cell it is in. */
	for (int i = x < 0 ? 0 : x; i < end; i++) {
		const struct grid_cell *c = grid_at(g, i, y);
		if (!c->width)
			continue;
		for (size_t k = 0; c->text[k]; k++)
			cell_of[text.len + k] = i;
		sbuf_add(&text, c->text);
	}
	size_t qlen = strlen(query);
	for (size_t at = 0; text.s && at < text.len;) {
		size_t len;
		if (!text_match_at(text.s + at, query, &len)) {
			wchar_t wc;
			size_t n = text_decode(text.s + at, &wc);
			at += n ? n : 1;
			continue;
		}
		for (size_t k = at; k < at + len && k < text.len; k++) {
			int cx = cell_of[k];
			grid_at(g, cx, y)->flags |= CELL_MATCH;
			if (grid_at(g, cx, y)->width == 2 && cx + 1 < g->cols)
				grid_at(g, cx + 1, y)->flags |= CELL_MATCH;
		}
		at += len ? len : qlen;
	}
	free(cell_of);
	sbuf_free(&text);
}
