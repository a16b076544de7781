/* prompt.c: the : and / prompt, a one-line editor. */
#include <stdlib.h>

#include "browse/pane.h"
#include "doc/util.h"

/* Append a code point to the prompt's input as UTF-8. */
static void input_add(struct sbuf *b, int cp)
{
	char u[4];
	sbuf_addn(b, u, text_encode((uint32_t)cp, u));
}

/* Drop the last UTF-8 character of the input. */
static void input_pop(struct sbuf *b)
{
	while (b->len && ((unsigned char)b->s[b->len - 1] & 0xC0) == 0x80)
		b->len--;
	if (b->len)
		b->len--;
	if (b->s)
		b->s[b->len] = '\0';
}

/* A key that is a character the prompt can hold: a code point, not a
 * surrogate, nothing that controls or hides. */
static bool printable(int key)
{
	return key >= 0 && key < 0x110000 && !(key >= 0xD800 && key < 0xE000) &&
	       !text_is_control((wchar_t)key, false) && !text_is_invisible((wchar_t)key);
}

void prompt_open(struct view *v, int kind)
{
	v->prompt.kind = kind;
	sbuf_clear(&v->prompt.input);
}

bool view_cancel_prompt(struct view *v)
{
	if (!v->prompt.kind)
		return false;
	v->prompt.kind = 0;
	return true;
}

int prompt_key(struct view *v, int key)
{
	struct sbuf *in = &v->prompt.input;
	if (key == K_ENTER) {
		char *text = xstrdup(in->s ? in->s : "");
		int kind = v->prompt.kind;
		v->prompt.kind = 0;
		if (kind == ':')
			view_jump(v, text);
		else
			view_search(v, text);
		free(text);
		view_fit(v);
	} else if (key == K_ESC || key == K_CTRL('c') || key == K_CTRL('g')) {
		v->prompt.kind = 0;
	} else if (key == K_BACKSPACE) {
		if (!in->len)
			v->prompt.kind = 0;
		input_pop(in);
	} else if (key == K_CTRL('u')) {
		sbuf_clear(in);
	} else if (printable(key) && in->len < 256) {
		input_add(in, key);
	}
	return VIEW_REDRAW;
}

void draw_prompt(struct view *v, struct grid *g)
{
	const struct rect *r = &v->lay.status;
	const char *in = v->prompt.input.s ? v->prompt.input.s : "";
	char lead[2] = { (char)v->prompt.kind, '\0' };

	/* Show the end of what was typed when it is wider than the line. */
	while (*in && text_width(in) > r->w - 2) {
		wchar_t wc;
		size_t n = text_decode(in, &wc);
		in += n ? n : 1;
	}
	grid_fill(g, r->x, r->y, r->w, SS_PROMPT);
	grid_put(g, r->x, r->y, 1, SS_PROMPT, lead);
	int w = grid_put(g, r->x + 1, r->y, r->w - 2, SS_PROMPT, in);
	g->cursor_x = r->x + 1 + w;
	g->cursor_y = r->y;
}
