/* make bench (d) and (e): the browser's own key handling and drawing,
 * without a terminal, on one file or a set.  Usage: keys FILE|DIR...
 * Prints "LOAD_US KEYS_US SEARCH_US": the time to load and open the view,
 * to handle and draw a fixed script of 1,000 keystrokes, and to search the
 * whole view for a word no document has. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "browse/draw.h"
#include "browse/keys.h"
#include "doc/docset.h"
#include "doc/loader.h"
#include "doc/text.h"
#include "doc/util.h"
#include "report/city.h"

static long long now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* The script: what a user does in a minute or two, over and over. */
static const int script[] = {
	K_DOWN, K_DOWN, K_DOWN, K_ENTER, '*', K_DOWN, K_DOWN, K_DOWN, K_DOWN, K_PGDN,
	K_PGUP, K_TAB, K_DOWN, K_DOWN, K_TAB, K_TAB, '>', '>', '<', 's', 's', 'S',
	'%', '%', '%', K_END, K_HOME, ']', ']', '[', '0', '1', '2', K_LEFT, K_LEFT,
	K_LEFT, K_DOWN, K_DOWN, K_ENTER, K_RIGHT, K_DOWN, K_DOWN, K_ENTER, K_BACKSPACE,
	'c', K_DOWN, 'c', K_DOWN, K_DOWN, K_TAB,
};

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	text_init();
	long long t0 = now_us();
	struct view_options opt = { .snapshot_dir = "/nonexistent" };
	struct view *v;
	if (argc == 2 && argv[1][strlen(argv[1]) - 1] != '/') {
		struct loader_error err;
		struct document *doc = loader_load(argv[1], &err);
		if (!doc)
			return 2;
		v = view_new(doc, NULL, &opt);
	} else {
		struct docset *set = xcalloc(1, sizeof *set);
		for (int i = 1; i < argc; i++)
			docset_add(set, argv[i]);
		docset_sort(set);
		v = view_new_set(set, city_build(set), &opt);
	}
	struct grid g = { 0 };
	view_resize(v, 80, 24);
	draw_view(v, &g);
	long long t1 = now_us();
	size_t n = sizeof script / sizeof *script;
	for (size_t i = 0; i < 1000; i++) {
		view_key(v, script[i % n]);
		draw_view(v, &g);
	}
	long long t2 = now_us();
	view_type(v, "/无此词语xyz\n");
	draw_view(v, &g);
	long long t3 = now_us();
	printf("%lld %lld %lld\n", t1 - t0, t2 - t1, t3 - t2);
	grid_free(&g);
	view_free(v);
	return 0;
}
