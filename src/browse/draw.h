/* draw.h: a view drawn into a grid: the navigator, the main pane, the
 * detail pane, the status line, the help; each pane draws itself
 * (pane.h).  The front end only copies the grid to the terminal. */
#ifndef BUDGET_DRAW_H
#define BUDGET_DRAW_H

#include "browse/grid.h"
#include "browse/view.h"

/* Draw v into g (sized to the view); scroll positions are fitted to what
 * is drawn. */
void draw_view(struct view *v, struct grid *g);

#endif
