/* draw.h: a view drawn into a grid: the navigator, the main pane's tree
 * grid, the detail pane, the status line, the help screen.  Text comes
 * from render.c and detail.c; the front end only copies the grid to the
 * terminal. */
#ifndef BUDGET_DRAW_H
#define BUDGET_DRAW_H

#include "browse/grid.h"
#include "browse/view.h"

/* Draw v into g (sized to the view); scroll positions are fitted to what
 * is drawn. */
void draw_view(struct view *v, struct grid *g);

/* The share bar of a rate (hundredths of a percent) in inner cells:
 * "[####      ]", or blanks when there is no rate. */
void draw_bar(bool has_rate, int64_t rate, int inner, struct sbuf *out);

#endif
