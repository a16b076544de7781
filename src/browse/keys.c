/* keys.c: the key table, read from the X-macro list in keys.h. */
#include "browse/keys.h"

#include <stdlib.h>
#include <string.h>

#include "doc/text.h"

struct action_info {
	const char *keys, *label, *en, *zh;
};

static const struct action_info actions[ACT_COUNT] = {
#define X(name, k, l, e, z) [ACT_##name] = { k, l, e, z },
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

/* Does the space-separated list of key names hold key? */
static bool list_has(const char *list, int key)
{
	char name[16];

	while (*list) {
		size_t n = strcspn(list, " ");
		if (n > 0 && n < sizeof name) {
			memcpy(name, list, n);
			name[n] = '\0';
			if (keys_parse(name) == key)
				return true;
		}
		list += n;
		list += strspn(list, " ");
	}
	return false;
}

enum action keys_action(int key)
{
	/* A few dozen short lists: reading them on each key press costs
	 * nothing, and leaves no second table to keep in step. */
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (list_has(actions[a].keys, key))
			return (enum action)a;
	return ACT_NONE;
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

void keys_help(bool zh, int width, struct lines *out)
{
	int keys_w = 0;

	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const char *k = actions[a].label ? actions[a].label : actions[a].keys;
		int w = text_width(k);
		keys_w = w > keys_w ? w : keys_w;
	}
	lines_add(out, STYLE_TITLE, NULL, zh ? "按键" : "Keys");
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const struct action_info *ai = &actions[a];
		const char *k = ai->label ? ai->label : ai->keys;
		struct help_ctx h = { out, k, keys_w, keys_w + 4 };
		if (width - h.indent < 24) {
			/* Too narrow for two columns: keys above the text. */
			lines_add(out, STYLE_HEADING, NULL, k);
			h.first = NULL;
			h.keys_w = 0;
			h.indent = 2;
		}
		text_wrap(zh ? ai->zh : ai->en, width - h.indent, add_help_line, &h);
	}
	lines_add(out, STYLE_PLAIN, NULL, "");
	lines_add_wrapped(out, STYLE_META, zh ?
		  "提示行中：Enter 确认，Esc 取消，Backspace 删除，C-u 清空。" :
		  "In a prompt: Enter accepts, Esc cancels, Backspace deletes, C-u clears.",
		  0, width);
	lines_add_wrapped(out, STYLE_META, zh ?
		  "鼠标：单击选择，再次单击已选中的行则展开或收起，滚轮滚动（--no-mouse 关闭）。" :
		  "Mouse: a click selects, a click on the selected row expands or collapses it, the wheel scrolls (off with --no-mouse).",
		  0, width);
}
