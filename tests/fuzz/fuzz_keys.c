/* make fuzz: a libFuzzer target for the browser without a terminal.  The
 * input is a script of events on BUDGET_FUZZ_DOC (data/budget.yaml; a
 * path ending in / opens that directory as a set of departments), loaded
 * afresh for each run: each byte a key (every bound key and text for the
 * prompts), with escapes for resizes, clicks and the keys above ASCII;
 * after each event the view is drawn, as the terminal would be. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "browse/draw.h"
#include "browse/keys.h"
#include "doc/docset.h"
#include "doc/loader.h"
#include "doc/text.h"
#include "doc/util.h"
#include "report/city.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int special[] = { K_UP, K_DOWN, K_LEFT, K_RIGHT, K_PGUP, K_PGDN, K_HOME, K_END,
			       K_ENTER, K_TAB, K_BTAB, K_BACKSPACE, K_ESC, K_F1 };
static const int cjk[] = { 0x4FE1, 0x606F, 0x5316, 0x5408, 0x8BA1, 0x8868 };	/* 信息化合计表 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *path;
	if (!path) {
		text_init();
		path = getenv("BUDGET_FUZZ_DOC") ? getenv("BUDGET_FUZZ_DOC") : "data/budget.yaml";
	}
	struct view_options opt = { .snapshot_dir = "/nonexistent" };
	struct view *v;
	if (path[strlen(path) - 1] == '/') {
		struct docset *set = xcalloc(1, sizeof *set);
		docset_add(set, path);
		docset_sort(set);
		if (set->nerrors || !set->ndocs)
			abort();	/* the harness is broken, not the program */
		v = view_new_set(set, city_build(set), &opt);
	} else {
		struct loader_error err;
		struct document *doc = loader_load(path, &err);
		if (!doc)
			abort();
		v = view_new(doc, NULL, &opt);
	}
	struct grid g = { 0 };
	int cols = 80, rows = 24;
	view_resize(v, cols, rows);
	for (size_t i = 0; i < size && i < 4096; i++) {
		uint8_t b = data[i];
		if (b == 0xF0 && i + 2 < size) {		/* resize */
			cols = 20 + data[i + 1] % 220;
			rows = 5 + data[i + 2] % 70;
			view_resize(v, cols, rows);
			i += 2;
		} else if (b == 0xF1 && i + 3 < size) {	/* mouse */
			view_mouse(v, (enum mouse_kind)(data[i + 1] % 3), data[i + 2] % cols,
				   data[i + 3] % rows);
			i += 3;
		} else if (b >= 0xE0) {
			view_key(v, special[(b - 0xE0) % (sizeof special / sizeof *special)]);
		} else if (b >= 0xD0) {
			view_key(v, cjk[(b - 0xD0) % (sizeof cjk / sizeof *cjk)]);
		} else if (b != 'q') {			/* q would end the run */
			view_key(v, b);
		}
		draw_view(v, &g);
	}
	grid_free(&g);
	view_free(v);
	return 0;
}
