/* keys.h: the browser's keys.  One X-macro list gives the action enum, the
 * default keys and the help text in English and Chinese, as tig does, so
 * the bindings and the help screen cannot drift apart.  Keys are plain
 * numbers: a Unicode code point for a character, or one of the K_ codes
 * below for the keys that have no character; the front end translates its
 * terminal's key codes into these, and the tests use them directly. */
#ifndef BUDGET_KEYS_H
#define BUDGET_KEYS_H

#include <stdbool.h>

#include "report/render.h"

/* Keys without a character, above the last Unicode code point. */
enum special_key {
	K_UP = 0x110000, K_DOWN, K_LEFT, K_RIGHT, K_PGUP, K_PGDN, K_HOME,
	K_END, K_ENTER, K_TAB, K_BTAB, K_BACKSPACE, K_DELETE, K_ESC, K_F1,
};

/* A control key: C('l') is Ctrl-L. */
#define K_CTRL(c) ((c) & 0x1f)

/* X(NAME, KEYS, LABEL, ENGLISH, CHINESE): KEYS are the default keys as
 * names separated by spaces (a character, or Up Down Left Right PgUp PgDn
 * Home End Enter Tab S-Tab Backspace Esc Space F1 C-x); LABEL, when not
 * NULL, is how the help shows them. */
#define BUDGET_ACTIONS(X) \
	X(UP,		"Up k",		NULL,	"move up; scroll the detail pane up", \
	  "上移；详情窗格中向上滚动") \
	X(DOWN,		"Down j",	NULL,	"move down; scroll the detail pane down", \
	  "下移；详情窗格中向下滚动") \
	X(PAGE_UP,	"PgUp C-b",	NULL,	"one page up",		"上翻一页") \
	X(PAGE_DOWN,	"PgDn C-f",	NULL,	"one page down",	"下翻一页") \
	X(HOME,		"Home g",	NULL,	"first row",		"第一行") \
	X(END,		"End G",	NULL,	"last row",		"最后一行") \
	X(EXPAND,	"Enter Space Right l", NULL, \
	  "expand the row (again: go to its first child; a leaf: go to the detail pane)", \
	  "展开该行（已展开则进入第一个子行；末级行则进入详情窗格）") \
	X(COLLAPSE,	"Left h",	NULL,	"collapse the row, or go to its parent", \
	  "收起该行，或回到上级行") \
	X(LEVEL_MORE,	"+ =",		NULL,	"open one more level across the table", \
	  "整表多展开一级") \
	X(LEVEL_LESS,	"-",		NULL,	"close the deepest open level", \
	  "整表少展开一级") \
	X(EXPAND_ALL,	"*",		NULL,	"expand everything",	"全部展开") \
	X(DIGIT,	"0 1 2 3 4 5 6 7 8 9", "0-9", \
	  "open the table to that depth (in the navigator: go to table N)", \
	  "展开到该层级（在目录中：转到表N）") \
	X(PREV_TABLE,	"[",		NULL,	"previous table or part", "上一张表或上一部分") \
	X(NEXT_TABLE,	"]",		NULL,	"next table or part",	"下一张表或下一部分") \
	X(FOCUS_NEXT,	"Tab",		NULL,	"next pane",		"下一个窗格") \
	X(FOCUS_PREV,	"S-Tab",	NULL,	"previous pane",	"上一个窗格") \
	X(BACK,		"Backspace",	NULL,	"go back to where you were", "返回上一个位置") \
	X(JUMP,		":",		NULL,	"jump to a code (:2010301) or section id", \
	  "跳转到科目编码（:2010301）或章节 id") \
	X(SEARCH,	"/",		NULL,	"search names, codes and text everywhere", \
	  "在全部表格和正文中搜索名称、编码和文字") \
	X(MATCH_NEXT,	"n",		NULL,	"next match",		"下一个匹配") \
	X(MATCH_PREV,	"N",		NULL,	"previous match",	"上一个匹配") \
	X(TOGGLE_BARS,	"b",		NULL,	"show or hide the share bars", "显示或隐藏占比条") \
	X(TOGGLE_NAV,	"t",		NULL,	"show or hide the navigator", "显示或隐藏目录窗格") \
	X(TOGGLE_DETAIL, "d",		NULL,	"show or hide the detail pane", "显示或隐藏详情窗格") \
	X(ZOOM,		"z",		NULL,	"zoom the focused pane to full screen, or back", \
	  "将当前窗格放大到全屏，或还原") \
	X(COMPARE,	"c",		NULL,	"compare the tables with the prior year, or stop comparing", \
	  "各表与上年对比，或取消对比") \
	X(COMPARE_COLUMN, "C",		NULL,	"next amount column to compare and sort by", \
	  "切换用于对比和排序的金额列") \
	X(SORT,		"s",		NULL,	"sort: document order, name, amount, change, rate", \
	  "排序：原序、名称、金额、增减、增减率") \
	X(SNAPSHOT,	"p",		NULL,	"save the view, as expanded, to a new text file", \
	  "将当前视图（按当前展开）保存为新的文本文件") \
	X(SNAPSHOT_ALL,	"P",		NULL,	"save the whole table, fully expanded, to a new text file", \
	  "将整张表（全部展开）保存为新的文本文件") \
	X(RELOAD,	"R",		NULL,	"reload the file if it changed on disk", \
	  "文件已修改时重新载入") \
	X(REDRAW,	"C-l",		NULL,	"redraw the screen",	"重绘屏幕") \
	X(HELP,		"? F1",		NULL,	"show or close this help", "显示或关闭本帮助") \
	X(QUIT,		"q",		NULL,	"quit",			"退出")

enum action {
	ACT_NONE,
#define X(name, keys, label, en, zh) ACT_##name,
	BUDGET_ACTIONS(X)
#undef X
	ACT_COUNT
};

/* The action bound to key, or ACT_NONE. */
enum action keys_action(int key);

/* The key a name stands for ("j", "PgUp", "C-l", "信"), or -1. */
int keys_parse(const char *name);

/* The help screen fitted to width columns: each action's keys, then its
 * text (in Chinese when zh is set), wrapped. */
void keys_help(bool zh, int width, struct lines *out);

#endif
