/* setreport.c: the reports of a set of departments. */
#include "report/setreport.h"

#include <string.h>

#include "doc/msg.h"
#include "doc/util.h"
#include "report/render.h"

const struct document *set_prior(const struct docset *set, const struct document *d)
{
	size_t first, n = docset_year(set, d->year - 1, &first);
	return n ? docset_find(set, first, n, d->department) : NULL;
}

bool set_compare(const struct docset *set, const struct document *d, struct comparison *c,
		 struct compare_error *err)
{
	return compare_build(c, d, set_prior(set, d), err);
}

/* A view of the city document rather than of each department? */
static bool city_view(const struct document *city, const char *view)
{
	return !strcmp(view, "all") || !strcmp(view, "city") || model_find_table(city, view);
}

/* A department's view, with its comparison when asked; false when the
 * department has no such view (or its pair is refused: err says why). */
static bool department_view(const struct docset *set, const struct document *d,
			    const char *view, const struct print_opts *o, bool compare,
			    bool head, struct lines *out, struct print_error *err)
{
	struct comparison cmp;
	struct compare_error cerr;
	struct print_opts po = *o;
	bool whole = !strcmp(view, "all");
	if (!whole && !model_find_table(d, view) && !model_find_section(d, view))
		return false;
	if (compare && !set_compare(set, d, &cmp, &cerr)) {
		snprintf(err->message, sizeof err->message, "%s", cerr.message);
		return false;
	}
	po.cmp = compare ? &cmp : NULL;
	lines_add(out, STYLE_PLAIN, NULL, "");
	if (head && !whole)
		render_document_head(d, out);
	bool ok = print_view(d, view, &po, out, err);
	if (compare)
		compare_free(&cmp);
	return ok;
}

bool set_print(const struct docset *set, const struct document *city, const char *view,
	       const struct print_opts *o, bool compare, struct lines *out,
	       struct print_error *err)
{
	struct print_opts co = *o;
	co.cmp = NULL;		/* the city compares in its own columns */
	if (city_view(city, view)) {
		if (!print_view(city, !strcmp(view, "city") ? "all" : view, &co, out, err))
			return false;
		if (strcmp(view, "all"))
			return true;
	}
	bool any = !strcmp(view, "all");
	for (size_t i = 0; i < set->ndocs; i++) {
		err->message[0] = '\0';
		if (department_view(set, set->docs[i], view, o, compare, true, out, err))
			any = true;
		else if (err->message[0])
			return false;
	}
	if (!any)
		snprintf(err->message, sizeof err->message, msg(M_SET_NO_VIEW), view);
	return any;
}

bool set_export(const struct docset *set, const struct document *city, const char *view,
		const struct export_opts *o, bool compare, FILE *f, struct print_error *err)
{
	struct export_opts eo = *o;
	bool whole = !strcmp(view, "all") || !strcmp(view, "city");
	bool any = false;
	eo.department = true;
	eo.cmp = NULL;
	if (city_view(city, view)) {
		export_long_form(city, whole ? NULL : view, true, &eo, f);
		any = true;
		if (strcmp(view, "all"))
			return true;
	}
	for (size_t i = 0; i < set->ndocs; i++) {
		const struct document *d = set->docs[i];
		if (!whole && !model_find_table(d, view))
			continue;
		struct comparison cmp;
		struct compare_error cerr;
		if (compare && !set_compare(set, d, &cmp, &cerr)) {
			snprintf(err->message, sizeof err->message, "%s", cerr.message);
			return false;
		}
		eo.cmp = compare ? &cmp : NULL;
		export_long_form(d, whole ? NULL : view, !any, &eo, f);
		any = true;
		if (compare)
			compare_free(&cmp);
	}
	if (!any)
		snprintf(err->message, sizeof err->message, msg(M_SET_NO_TABLE_VIEW), view);
	return any;
}

static void add_counts(struct check_report *sum, const struct check_report *rep)
{
	sum->checks += rep->checks;
	sum->passed += rep->passed;
	sum->failed += rep->failed;
	sum->known += rep->known;
	sum->uncheckable += rep->uncheckable;
	sum->cross_year += rep->cross_year;
}

int set_check(const struct docset *set, const struct document *city, bool compare, FILE *f)
{
	struct check_report sum = { 0 };
	bool refused = false;
	sum.prior_path = compare ? msg(M_SET_PRIOR_FILES) : NULL;
	for (size_t i = 0; i < set->ndocs; i++) {
		const struct document *d = set->docs[i];
		struct comparison cmp;
		struct compare_error cerr;
		const struct document *prior = compare ? set_prior(set, d) : NULL;
		bool compared = prior && compare_build(&cmp, d, prior, &cerr);
		/* A pair refused is said, as for one file (exit 2), not passed
		 * over: its changes were not checked. */
		if (prior && !compared) {
			fprintf(f, "%s\n", cerr.message);
			refused = true;
		}
		struct check_report rep;
		check_document(d, compared ? &cmp : NULL, &rep);
		check_print_findings(d, &rep, f);
		add_counts(&sum, &rep);
		check_report_free(&rep);
		if (compared)
			compare_free(&cmp);
		/* One department, once a year. */
		bool twice = i > 0 && set->docs[i - 1]->year == d->year &&
			     !strcmp(set->docs[i - 1]->department, d->department);
		sum.checks++;
		if (twice) {
			fprintf(f, "%s:1: ", d->path);
			fprintf(f, msg(M_SET_TWICE), d->department, d->year, set->docs[i - 1]->path);
			fputc('\n', f);
			sum.failed++;
		} else {
			sum.passed++;
		}
	}
	/* The set: every aggregate the sum of its parts. */
	struct check_report rep;
	check_document(city, NULL, &rep);
	check_print_findings(city, &rep, f);
	add_counts(&sum, &rep);
	check_report_free(&rep);
	struct sbuf b = { 0 };
	check_summary(&sum, &b);
	fprintf(f, msg(M_SET_CHECK_SUMMARY), set->ndocs, b.s);
	fputc('\n', f);
	sbuf_free(&b);
	int status = check_status_code(&sum);
	return refused && status < 2 ? 2 : status;
}
