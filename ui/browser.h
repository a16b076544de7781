/* browser.h: the interactive browser on a terminal (ncursesw). */
#ifndef BUDGET_BROWSER_H
#define BUDGET_BROWSER_H

#include <stdbool.h>

#include "doc/docset.h"
#include "doc/model.h"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct browser_options {
	enum color_mode color;
	bool mouse;
	bool compare;		/* open with the tables compared (c) */
	const char *column;	/* the amount column to compare, or NULL */
};

/* Browse doc until the user quits, comparing it (c) with old, or with the
 * prior-year figures doc states when old is NULL; both are taken over and
 * freed.  Returns the exit status: 0, 1 when the terminal cannot be used
 * (or can no longer be read), 128+N after signal N (SIGINT, SIGTERM,
 * SIGHUP, SIGQUIT); the terminal is restored in every case. */
int browser_run(struct document *doc, struct document *old,
		const struct browser_options *opt);

/* The same for a set of departments and its city document (city.h),
 * which it takes over (the set's contents are moved). */
int browser_run_set(struct docset *set, struct document *city,
		    const struct browser_options *opt);

/* Parse "auto", "always" or "never"; false for anything else. */
bool browser_parse_color(const char *s, enum color_mode *out);

#endif
