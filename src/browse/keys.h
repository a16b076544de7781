/* keys.h: the browser's keys.  One X-macro list gives the action enum, the
 * default keys, the help group and the help text's message (msg.h), as
 * tig does, so the bindings and the help screen cannot drift apart.  Keys
 * are plain numbers: a Unicode code point for a character, or one of the
 * K_ codes below for the keys that have no character; the front end
 * translates its terminal's key codes into these, and the tests use them
 * directly. */
#ifndef BUDGET_KEYS_H
#define BUDGET_KEYS_H

#include <stdbool.h>

#include "doc/msg.h"
#include "report/lines.h"

/* Keys without a character, above the last Unicode code point. */
enum special_key {
	K_UP = 0x110000, K_DOWN, K_LEFT, K_RIGHT, K_PGUP, K_PGDN, K_HOME,
	K_END, K_ENTER, K_TAB, K_BTAB, K_BACKSPACE, K_DELETE, K_ESC, K_F1,
	K_SPECIAL_END
};

/* A control key: K_CTRL('l') is Ctrl-L. */
#define K_CTRL(c) ((c) & 0x1f)

/* What the help groups actions under. */
enum key_group { KG_MOVE, KG_TREE, KG_PANES, KG_FIND, KG_COMPARE, KG_SAVE, KG_COUNT };

/* X(NAME, KEYS, LABEL, GROUP, MESSAGE): KEYS are the default keys as names
 * separated by spaces (a character, or Up Down Left Right PgUp PgDn Home
 * End Enter Tab S-Tab Backspace Esc Space F1 C-x); LABEL, when not NULL,
 * is how the help shows them. */
#define BUDGET_ACTIONS(X) \
	X(UP, "Up k", NULL, KG_MOVE, M_KEY_UP) \
	X(DOWN, "Down j", NULL, KG_MOVE, M_KEY_DOWN) \
	X(PAGE_UP, "PgUp C-b", NULL, KG_MOVE, M_KEY_PAGE_UP) \
	X(PAGE_DOWN, "PgDn C-f", NULL, KG_MOVE, M_KEY_PAGE_DOWN) \
	X(HOME, "Home g", NULL, KG_MOVE, M_KEY_HOME) \
	X(END, "End G", NULL, KG_MOVE, M_KEY_END) \
	X(PREV_TABLE, "[", NULL, KG_MOVE, M_KEY_PREV_TABLE) \
	X(NEXT_TABLE, "]", NULL, KG_MOVE, M_KEY_NEXT_TABLE) \
	X(COL_LEFT, "<", NULL, KG_MOVE, M_KEY_COL_LEFT) \
	X(COL_RIGHT, ">", NULL, KG_MOVE, M_KEY_COL_RIGHT) \
	X(SIDE_PREV, "{", NULL, KG_MOVE, M_KEY_SIDE_PREV) \
	X(SIDE_NEXT, "}", NULL, KG_MOVE, M_KEY_SIDE_NEXT) \
	X(EXPAND, "Enter Space Right l", NULL, KG_TREE, M_KEY_EXPAND) \
	X(COLLAPSE, "Left h", NULL, KG_TREE, M_KEY_COLLAPSE) \
	X(LEVEL_MORE, "+ =", NULL, KG_TREE, M_KEY_LEVEL_MORE) \
	X(LEVEL_LESS, "-", NULL, KG_TREE, M_KEY_LEVEL_LESS) \
	X(EXPAND_ALL, "*", NULL, KG_TREE, M_KEY_EXPAND_ALL) \
	X(DIGIT, "0 1 2 3 4 5 6 7 8 9", "0-9", KG_TREE, M_KEY_DIGIT) \
	X(FOCUS_NEXT, "Tab", NULL, KG_PANES, M_KEY_FOCUS_NEXT) \
	X(FOCUS_PREV, "S-Tab", NULL, KG_PANES, M_KEY_FOCUS_PREV) \
	X(TOGGLE_NAV, "t", NULL, KG_PANES, M_KEY_TOGGLE_NAV) \
	X(TOGGLE_DETAIL, "d", NULL, KG_PANES, M_KEY_TOGGLE_DETAIL) \
	X(ZOOM, "z", NULL, KG_PANES, M_KEY_ZOOM) \
	X(TOGGLE_BARS, "b", NULL, KG_PANES, M_KEY_TOGGLE_BARS) \
	X(SHARES, "%", NULL, KG_PANES, M_KEY_SHARES) \
	X(REDRAW, "C-l", NULL, KG_PANES, M_KEY_REDRAW) \
	X(JUMP, ":", NULL, KG_FIND, M_KEY_JUMP) \
	X(SEARCH, "/", NULL, KG_FIND, M_KEY_SEARCH) \
	X(MATCH_NEXT, "n", NULL, KG_FIND, M_KEY_MATCH_NEXT) \
	X(MATCH_PREV, "N", NULL, KG_FIND, M_KEY_MATCH_PREV) \
	X(NEXT_FAILING, "!", NULL, KG_FIND, M_KEY_NEXT_FAILING) \
	X(BACK, "Backspace", NULL, KG_FIND, M_KEY_BACK) \
	X(COMPARE, "c", NULL, KG_COMPARE, M_KEY_COMPARE) \
	X(COMPARE_COLUMN, "C", NULL, KG_COMPARE, M_KEY_COMPARE_COLUMN) \
	X(SORT, "s", NULL, KG_COMPARE, M_KEY_SORT) \
	X(SORT_REVERSE, "S", NULL, KG_COMPARE, M_KEY_SORT_REVERSE) \
	X(SNAPSHOT, "p", NULL, KG_SAVE, M_KEY_SNAPSHOT) \
	X(SNAPSHOT_ALL, "P", NULL, KG_SAVE, M_KEY_SNAPSHOT_ALL) \
	X(RELOAD, "R", NULL, KG_SAVE, M_KEY_RELOAD) \
	X(HELP, "? F1", NULL, KG_SAVE, M_KEY_HELP) \
	X(QUIT, "q", NULL, KG_SAVE, M_KEY_QUIT)

enum action {
	ACT_NONE,
#define X(name, keys, label, group, message) ACT_##name,
	BUDGET_ACTIONS(X)
#undef X
	ACT_COUNT
};

/* Read the key list into a lookup table; the first call does it, later
 * ones return at once. */
void keys_init(void);

/* The action bound to key, or ACT_NONE. */
enum action keys_action(int key);

/* The key a name stands for ("j", "PgUp", "C-l", "信"), or -1. */
int keys_parse(const char *name);

/* The first help page, fitted to width columns: the actions grouped by
 * task, each with its keys, then how the prompt and the mouse work. */
void keys_help(int width, struct lines *out);

/* The second help page: what every symbol on the screen means. */
void keys_legend(int width, struct lines *out);

#endif
