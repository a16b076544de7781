/* browser.h: the interactive browser on a terminal (ncursesw). */
#ifndef BUDGET_BROWSER_H
#define BUDGET_BROWSER_H

#include <stdbool.h>

#include "model.h"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct browser_options {
	enum color_mode color;
	bool mouse;
};

/* Browse doc (taken over and freed) until the user quits.  Returns the
 * exit status: 0, 1 when the terminal cannot be used, 128+N after
 * signal N. */
int browser_run(struct document *doc, const struct browser_options *opt);

/* Parse "auto", "always" or "never"; false for anything else. */
bool browser_parse_color(const char *s, enum color_mode *out);

#endif
