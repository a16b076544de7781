/* make fuzz, second half: the browser's logic and drawing, without a
 * terminal, under random keys, clicks and terminal sizes.  Usage:
 * keys FILE [SEED [STEPS]].  Exits 0 after STEPS events, 2 when FILE does
 * not load; anything else (a crash, a sanitizer report) is a failure. */
#include <stdio.h>
#include <stdlib.h>

#include "browse/draw.h"
#include "browse/keys.h"
#include "doc/loader.h"
#include "doc/text.h"

/* Keys worth pressing: every bound key, prompt text and editing keys. */
static int random_key(void)
{
	static const int special[] = { K_UP, K_DOWN, K_LEFT, K_RIGHT, K_PGUP, K_PGDN,
		K_HOME, K_END, K_ENTER, K_TAB, K_BTAB, K_BACKSPACE, K_ESC, K_F1 };
	static const char ascii[] = "jkhlgG+-*0123456789[]:/nNbtdzcCsRpP?q 2010301";
	static const int cjk[] = { 0x4FE1, 0x606F, 0x5316, 0x5408, 0x8BA1 };	/* 信息化合计 */
	int pick = rand() % 10;
	if (pick < 4)
		return special[rand() % (int)(sizeof special / sizeof *special)];
	if (pick < 9)
		return ascii[rand() % (int)(sizeof ascii - 1)];
	return cjk[rand() % 5];
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	srand(argc > 2 ? (unsigned)atoi(argv[2]) : 1);
	long steps = argc > 3 ? atol(argv[3]) : 2000;
	text_init();
	struct loader_error err;
	struct document *doc = loader_load(argv[1], &err);
	if (!doc)
		return 2;
	/* Snapshots go to a scratch directory, never the working tree. */
	struct view_options opt = { .snapshot_dir = "build/fuzz/snapshots" };
	struct view *v = view_new(doc, NULL, &opt);
	struct grid g = { 0 };
	int cols = 80, rows = 24;
	view_resize(v, cols, rows);
	grid_resize(&g, cols, rows);
	for (long i = 0; i < steps; i++) {
		int event = rand() % 50;
		if (event == 0) {
			cols = 20 + rand() % 200;
			rows = 5 + rand() % 60;
			view_resize(v, cols, rows);
			grid_resize(&g, cols, rows);
		} else if (event == 1) {
			view_mouse(v, (enum mouse_kind)(rand() % 3), rand() % cols, rand() % rows);
		} else {
			view_key(v, random_key());	/* q is ignored: keep going */
		}
		draw_view(v, &g);
	}
	grid_free(&g);
	view_free(v);
	printf("keys: %ld events on %s\n", steps, argv[1]);
	return 0;
}
