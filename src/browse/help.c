/* help.c: ? shows the keys grouped by task; again, the legend of the
 * symbols on screen; again, closes. */
#include <limits.h>

#include "browse/pane.h"
#include "doc/msg.h"

static void help_lines(const struct view *v, struct lines *out)
{
	if (v->help == 1)
		keys_help(v->cols - 2, out);
	else
		keys_legend(v->cols - 2, out);
}

int help_key(struct view *v, int key)
{
	switch (keys_action(key)) {
	case ACT_UP: v->help_top--; break;
	case ACT_DOWN: v->help_top++; break;
	case ACT_PAGE_UP: v->help_top -= v->rows - 2; break;
	case ACT_PAGE_DOWN: v->help_top += v->rows - 2; break;
	case ACT_HOME: v->help_top = 0; break;
	case ACT_END: v->help_top = INT_MAX / 2; break;
	case ACT_HELP:
		v->help = v->help == 1 ? 2 : 0;
		v->help_top = 0;
		break;
	case ACT_QUIT: v->help = 0; break;
	default:
		if (key == K_ESC)
			v->help = 0;
		break;
	}
	if (v->help_top < 0)
		v->help_top = 0;
	return VIEW_REDRAW;
}

void draw_help(struct view *v, struct grid *g)
{
	struct lines ls = { 0 };
	int rows = v->rows - 2;

	help_lines(v, &ls);
	if (v->help_top > (int)ls.n - rows)
		v->help_top = (int)ls.n - rows;
	if (v->help_top < 0)
		v->help_top = 0;
	struct rect r = { 0, 0, v->cols, 1 };
	grid_fill(g, r.x, r.y, r.w, SS_PANE_FOCUS);
	grid_put(g, 1, 0, v->cols - 1, SS_PANE_FOCUS,
		 msg(v->help == 1 ? M_VIEW_HELP_TITLE : M_VIEW_LEGEND_TITLE));
	for (int row = 0; row < rows; row++) {
		size_t i = (size_t)v->help_top + (size_t)row;
		if (i >= ls.n)
			break;
		grid_put(g, 1, 1 + row, v->cols - 1, ls.v[i].style, ls.v[i].text);
	}
	lines_free(&ls);
}
