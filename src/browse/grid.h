/* grid.h: a screen as a plain grid of cells, as vis draws it: each cell
 * holds one character's bytes, its display width and a style.  The core
 * draws into a grid; the front end only copies it to the terminal, and the
 * tests read it as text. */
#ifndef BUDGET_GRID_H
#define BUDGET_GRID_H

#include "doc/text.h"

/* Styles of the screen on top of the line styles of render.h (which keep
 * their values below GRID_STYLE_BASE). */
enum screen_style {
	SS_BAR = 32,		/* a share bar */
	SS_PANE_TITLE,		/* a pane's title row, unfocused */
	SS_PANE_FOCUS,		/* the focused pane's title row */
	SS_STATUS,		/* the status line */
	SS_MESSAGE,		/* a message in the status line */
	SS_PROMPT,		/* the : or / prompt */
	SS_BORDER,		/* the line between panes side by side */
	SS_COUNT
};

/* Cell flags, on top of the style. */
enum {
	CELL_SELECTED = 1,	/* the cursor row of the focused pane */
	CELL_SELECTED_DIM = 2,	/* the cursor row of another pane */
	CELL_MATCH = 4,		/* part of an occurrence of the search */
};

struct grid_cell {
	char text[8];		/* the character's UTF-8 bytes (and any combining
				 * marks); "" for the right half of a wide one */
	unsigned char width;	/* 1, 2, or 0 for a right half */
	unsigned char style;	/* an enum line_style or enum screen_style */
	unsigned char flags;
};

struct grid {
	int cols, rows;
	struct grid_cell *cells;	/* rows * cols */
	int cursor_x, cursor_y;	/* where the terminal cursor goes, or -1 */
};

/* Size the grid (reusing its storage) and blank it. */
void grid_resize(struct grid *g, int cols, int rows);
/* Free the grid's cells. */
void grid_free(struct grid *g);

/* The cell at (x, y); x and y must be inside the grid. */
struct grid_cell *grid_at(struct grid *g, int x, int y);

/* Write s at (x, y) in at most maxw columns, clipped to the grid: control
 * characters and invalid bytes become U+FFFD, a wide character that does
 * not fit becomes a space.  Returns the columns written. */
int grid_put(struct grid *g, int x, int y, int maxw, int style, const char *s);
/* Fill w cells from (x, y) with spaces of a style. */
void grid_fill(struct grid *g, int x, int y, int w, int style);
/* Add flags to w cells from (x, y). */
void grid_flag(struct grid *g, int x, int y, int w, int flags);

/* Flag with CELL_MATCH every occurrence of query (case-insensitive, as
 * text_contains matches) among the w cells from (x, y). */
void grid_mark(struct grid *g, int x, int y, int w, const char *query);

/* Append row y as text, without trailing spaces. */
void grid_row_text(const struct grid *g, int y, struct sbuf *out);

#endif
