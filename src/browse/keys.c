/* keys.c: the key table, read once from the X-macro list in keys.h. */
#include "browse/keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/text.h"
#include "doc/util.h"
#include "report/render.h"

struct action_info {
	const char *keys, *label;
	enum key_group group;
	enum msg_id text;
};

static const struct action_info actions[ACT_COUNT] = {
#define X(name, k, l, g, m) [ACT_##name] = { k, l, g, m },
	BUDGET_ACTIONS(X)
#undef X
};

static const struct {
	const char *name;
	int key;
} named[] = {
	{ "Up", K_UP }, { "Down", K_DOWN }, { "Left", K_LEFT },
	{ "Right", K_RIGHT }, { "PgUp", K_PGUP }, { "PgDn", K_PGDN },
	{ "Home", K_HOME }, { "End", K_END }, { "Enter", K_ENTER },
	{ "Tab", K_TAB }, { "S-Tab", K_BTAB }, { "Backspace", K_BACKSPACE },
	{ "Delete", K_DELETE }, { "Esc", K_ESC }, { "F1", K_F1 },
	{ "Space", ' ' },
};

/* The code point of a string holding exactly one UTF-8 character, or -1. */
static int one_char(const char *s)
{
	wchar_t wc;
	size_t n = *s ? text_decode(s, &wc) : 0;

	return n && s[n] == '\0' ? (int)wc : -1;
}

int keys_parse(const char *name)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcmp(name, named[i].name) == 0)
			return named[i].key;
	if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3])
		return K_CTRL(name[2]);
	return one_char(name);
}

/* Keys are ASCII or one of the special keys: one array covers both. */
#define ASCII_KEYS 128
#define TABLE_SIZE (ASCII_KEYS + (K_SPECIAL_END - K_UP))

static unsigned char table[TABLE_SIZE];
static bool ready;

static long slot(int key)
{
	if (key >= 0 && key < ASCII_KEYS)
		return key;
	if (key >= K_UP && key < K_SPECIAL_END)
		return ASCII_KEYS + (key - K_UP);
	return -1;
}

void keys_init(void)
{
	if (ready)
		return;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const char *list = actions[a].keys;
		char name[16];
		while (*list) {
			size_t n = strcspn(list, " ");
			if (n > 0 && n < sizeof name) {
				memcpy(name, list, n);
				name[n] = '\0';
				long s = slot(keys_parse(name));
				if (s >= 0 && !table[s])	/* the first binding wins */
					table[s] = (unsigned char)a;
			}
			list += n;
			list += strspn(list, " ");
		}
	}
	ready = true;
}

enum action keys_action(int key)
{
	keys_init();
	long s = slot(key);
	return s >= 0 ? (enum action)table[s] : ACT_NONE;
}

struct help_ctx {
	struct lines *out;
	const char *first;	/* the keys, before the first line only */
	int keys_w, indent;
};

static void add_help_line(const char *line, void *ctx)
{
	struct help_ctx *h = ctx;
	struct sbuf b = { 0 };

	sbuf_pad(&b, 2);
	if (h->first) {
		sbuf_add_fit(&b, h->first, h->keys_w, false);
		h->first = NULL;
	} else {
		sbuf_pad(&b, h->keys_w);
	}
	sbuf_pad(&b, h->indent - h->keys_w - 2);
	sbuf_add(&b, line);
	lines_add(h->out, STYLE_TEXT, NULL, b.s);
	sbuf_free(&b);
}

/* One entry: keys in a column of their own, then the text, wrapped. */
static void entry(struct lines *out, const char *keys, const char *text, int keys_w,
		  int width)
{
	struct help_ctx h = { out, keys, keys_w, keys_w + 4 };
	if (width - h.indent < 24) {
		/* Too narrow for two columns: keys above the text. */
		lines_add(out, STYLE_HEADING, NULL, keys);
		h.first = NULL;
		h.keys_w = 0;
		h.indent = 2;
	}
	text_wrap(text, width - h.indent, add_help_line, &h);
}

void keys_help(int width, struct lines *out)
{
	static const enum msg_id groups[KG_COUNT] = {
		M_KG_MOVE, M_KG_TREE, M_KG_PANES, M_KG_FIND, M_KG_COMPARE, M_KG_SAVE,
	};
	int keys_w = 0;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const char *k = actions[a].label ? actions[a].label : actions[a].keys;
		int w = text_width(k);
		keys_w = w > keys_w ? w : keys_w;
	}
	for (int g = 0; g < KG_COUNT; g++) {
		lines_add(out, STYLE_HEADING, NULL, msg(groups[g]));
		for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
			const struct action_info *ai = &actions[a];
			if (ai->group == (enum key_group)g)
				entry(out, ai->label ? ai->label : ai->keys, msg(ai->text),
				      keys_w, width);
		}
	}
	lines_add(out, STYLE_PLAIN, NULL, "");
	lines_add_wrapped(out, STYLE_META, msg(M_HELP_PROMPT), 0, width);
	lines_add_wrapped(out, STYLE_META, msg(M_HELP_MOUSE), 0, width);
	lines_add_wrapped(out, STYLE_META, msg(M_HELP_PAGES), 0, width);
}

void keys_legend(int width, struct lines *out)
{
	/* The symbols as this run draws them (--ascii or not). */
	char more[32], link[16];
	snprintf(more, sizeof more, "%s  %s", render_glyph(GLYPH_MORE_LEFT),
		 render_glyph(GLYPH_MORE_RIGHT));
	snprintf(link, sizeof link, "%s", render_glyph(GLYPH_ARROW));
	const struct {
		const char *symbol;
		enum msg_id text;
	} legend[] = {
		{ "+", M_LEGEND_CLOSED }, { "-", M_LEGEND_OPEN },
		{ "!", M_LEGEND_FAIL }, { "!", M_LEGEND_KNOWN }, { "?", M_LEGEND_UNCHECKABLE },
		{ "[###  ]", M_LEGEND_BAR }, { "45.6%", M_LEGEND_PERCENT },
		{ more, M_LEGEND_MORE_COLUMNS }, { "|", M_LEGEND_SIDES },
		{ "~", M_LEGEND_CROP }, { render_glyph(GLYPH_ABSENT), M_LEGEND_ABSENT },
		{ "*", M_LEGEND_FOCUS }, { link, M_LEGEND_LINK },
	};
	static const struct {
		enum msg_id mark, text;
	} marks[] = {
		{ M_MARK_NEW, M_CMP_NEW }, { M_MARK_DROPPED, M_CMP_DROPPED },
		{ M_MARK_BY_CODE, M_CMP_BY_CODE }, { M_MARK_BY_ID, M_CMP_BY_ID },
		{ M_MARK_BY_NAME, M_CMP_BY_NAME }, { M_MARK_BY_POSITION, M_CMP_BY_POSITION },
		{ M_MARK_DIFFERS, M_CMP_DIFFERS },
	};
	lines_add(out, STYLE_HEADING, NULL, msg(M_KG_LEGEND));
	for (size_t i = 0; i < sizeof legend / sizeof legend[0]; i++)
		entry(out, legend[i].symbol, msg(legend[i].text), 11, width);
	lines_add(out, STYLE_HEADING, NULL, msg(M_KG_MARKS));
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		entry(out, msg(marks[i].mark), msg(marks[i].text), 11, width);
}
