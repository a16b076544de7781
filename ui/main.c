/* main.c: the command line.  Parses options and hands over to the printer,
 * the exporter, the checker or the browser; prints what they return. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "browser.h"
#include "doc/docset.h"
#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/text.h"
#include "report/check.h"
#include "report/export.h"
#include "report/print.h"
#include "report/city.h"
#include "report/render.h"
#include "report/setreport.h"

/* "budget: message" on standard error: every message of the program. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	va_list ap;
	struct sbuf b = { 0 };
	va_start(ap, fmt);
	sbuf_vaddf(&b, fmt, ap);
	va_end(ap);
	char *clean = text_sanitize(b.s ? b.s : "", false);
	sbuf_free(&b);
	fprintf(stderr, "budget: %s\n", clean);
	free(clean);
}

static void say_load_error(const struct loader_error *err)
{
	struct sbuf b = { 0 };
	loader_error_format(err, &b);
	fprintf(stderr, "%s\n", b.s);
	sbuf_free(&b);
}

static const char *default_file(void)
{
	static const char installed[] = BUDGET_DATADIR "/budget.yaml";
	if (access(installed, R_OK) == 0)
		return installed;
	return "data/budget.yaml";
}

/* --check FILE...: each file's findings and summary; the worst status. */
static int run_check(int nfiles, char **files, const char *old_path)
{
	int worst = 0;
	struct loader_error err;
	struct document *old = NULL;
	if (old_path && !(old = loader_load(old_path, &err))) {
		say_load_error(&err);
		return 2;
	}
	for (int i = 0; i < (nfiles ? nfiles : 1); i++) {
		const char *path = nfiles ? files[i] : default_file();
		struct document *doc = loader_load(path, &err);
		if (nfiles > 1)
			printf("%s== %s\n", i ? "\n" : "", path);
		if (!doc) {
			say_load_error(&err);
			worst = 2;
			continue;
		}
		struct comparison cmp;
		struct compare_error cerr;
		bool compared = old && compare_build(&cmp, doc, old, &cerr);
		if (old && !compared) {
			say("%s", cerr.message);
			worst = 2;
			model_free(doc);
			continue;
		}
		struct check_report rep;
		check_document(doc, compared ? &cmp : NULL, &rep);
		check_print(doc, &rep, stdout);
		if (check_status_code(&rep) > worst)
			worst = check_status_code(&rep);
		check_report_free(&rep);
		if (compared)
			compare_free(&cmp);
		model_free(doc);
	}
	model_free(old);
	return worst;
}

/* status, once standard output is written in full; else 2 after a
 * one-line message. */
static int flushed(int status)
{
	int error = fflush(stdout) != 0 ? errno : 0;

	if (!error && !ferror(stdout))
		return status;
	say(msg(M_MAIN_CANNOT_WRITE), strerror(error ? error : EIO));
	return 2;
}

static bool parse_width(const char *arg, int *out)
{
	char *end;
	long w = strtol(arg, &end, 10);
	if (!*arg || *end || w < 20 || w > 10000) {
		say("%s", msg(M_MAIN_BAD_WIDTH));
		return false;
	}
	*out = (int)w;
	return true;
}

/* "--compare old.yaml" would take old.yaml for the document: the file of
 * --compare comes after '='.  Found before getopt, which cannot tell. */
static bool compare_without_equals(int argc, char **argv)
{
	for (int i = 1; i + 1 < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return false;
		if ((!strcmp(argv[i], "--compare") || !strcmp(argv[i], "-c")) &&
		    argv[i + 1][0] != '-') {
			say(msg(M_MAIN_COMPARE_EQUALS), argv[i + 1]);
			return true;
		}
	}
	return false;
}

static bool is_directory(const char *path)
{
	struct stat st;
	return strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Several files, or a directory, or a directory of prior years: a set of
 * departments. */
static bool is_set(int nfiles, char **files, const char *old_path)
{
	return nfiles > 1 || (nfiles == 1 && is_directory(files[0])) ||
	       (old_path && is_directory(old_path));
}

/* What the command line asks of a set. */
struct run {
	const char *view;
	bool formatted;
	enum export_format format;
	bool bom, list, check, compare;
	const char *column;
	struct print_opts opts;
	struct browser_options browse;
};

/* A set of departments: every file loads on its own, those that fail are
 * named (one line each) and the others go on; the exit status is then 2
 * at the least. */
static int run_set(int nfiles, char **files, const char *old_path, const struct run *r)
{
	struct docset set = { 0 };
	for (int i = 0; i < nfiles; i++)
		docset_add(&set, files[i]);
	if (old_path)
		docset_add(&set, old_path);
	docset_sort(&set);
	for (size_t i = 0; i < set.nerrors; i++)
		fprintf(stderr, "%s\n", set.errors[i]);
	if (!set.ndocs) {	/* each file has said why */
		docset_free(&set);
		return 2;
	}
	struct document *city = city_build(&set);
	int status = 0;
	if (r->list) {
		print_list(city, stdout);
	} else if (r->check) {
		status = set_check(&set, city, r->compare, stdout);
	} else if (!r->view && !r->formatted && isatty(STDOUT_FILENO)) {
		struct browser_options b = r->browse;
		b.compare = r->compare;
		b.column = r->column;
		return browser_run_set(&set, city, &b);
	} else {
		struct print_error perr;
		bool ok;
		struct print_opts o = r->opts;
		o.column = r->column;
		if (r->formatted) {
			struct export_opts eo = { r->format, r->bom, NULL, r->column, true };
			ok = set_export(&set, city, r->view, &eo, r->compare, stdout, &perr);
		} else {
			struct lines ls = { 0 };
			ok = set_print(&set, city, r->view ? r->view : "all", &o, r->compare, &ls,
				       &perr);
			if (ok)
				lines_write(&ls, stdout);
			lines_free(&ls);
		}
		if (!ok) {
			say("%s", perr.message);
			status = 2;
		}
	}
	if (set.nerrors && status < 2)
		status = 2;
	model_free(city);
	docset_free(&set);
	return flushed(status);
}

static int usage_error(void)
{
	fprintf(stderr, "%s\n", msg(M_MAIN_TRY_HELP));
	return 2;
}

/* Long options without a short form. */
enum { OPT_CHECK = 1100, OPT_FORMAT, OPT_COLOR, OPT_NO_MOUSE, OPT_BOM, OPT_ASCII,
       OPT_COLUMN };

int main(int argc, char **argv)
{
	bool check = false, formatted = false, bom = false, ascii = false, list = false;
	enum export_format format = EXPORT_CSV;
	static const struct option longopts[] = {
		{ "print", required_argument, NULL, 'p' },
		{ "width", required_argument, NULL, 'w' },
		{ "compare", optional_argument, NULL, 'c' },
		{ "column", required_argument, NULL, OPT_COLUMN },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "bom", no_argument, NULL, OPT_BOM },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
		{ "ascii", no_argument, NULL, OPT_ASCII },
		{ "list", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *view = NULL, *old_path = NULL, *column = NULL;
	bool compare = false;
	struct print_opts opts = { 0 };
	struct browser_options browse = { COLOR_AUTO, true, false, NULL };
	int c;

	bool utf8 = text_init();
	msg_set_chinese(msg_locale_is_chinese());
	if (!utf8)
		say("%s", msg(M_MAIN_NO_UTF8));
	if (getenv("BUDGET_ASCII") && *getenv("BUDGET_ASCII") && strcmp(getenv("BUDGET_ASCII"), "0"))
		ascii = true;
	if (compare_without_equals(argc, argv))
		return usage_error();
	opterr = 0;	/* our messages, which start with budget: */
	while ((c = getopt_long(argc, argv, ":p:w:c::lhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': view = optarg; break;
		case 'w':
			if (!parse_width(optarg, &opts.width))
				return 2;
			break;
		case 'c': compare = true; old_path = optarg; break;
		case OPT_COLUMN: column = optarg; break;
		case OPT_CHECK: check = true; break;
		case OPT_FORMAT:
			if (!export_format_parse(optarg, &format)) {
				say("%s", msg(M_MAIN_BAD_FORMAT));
				return 2;
			}
			formatted = true;
			break;
		case OPT_BOM: bom = true; break;
		case OPT_COLOR:
			if (!browser_parse_color(optarg, &browse.color)) {
				say("%s", msg(M_MAIN_BAD_COLOR));
				return 2;
			}
			break;
		case OPT_NO_MOUSE: browse.mouse = false; break;
		case OPT_ASCII: ascii = true; break;
		case 'l': list = true; break;
		case 'h': printf(msg(M_MAIN_USAGE), BUDGET_BUGS); return flushed(0);
		case 'V':
			printf("budget %s\n%s", BUDGET_VERSION, msg(M_MAIN_VERSION));
			return flushed(0);
		case ':':
			say(msg(M_MAIN_NEEDS_VALUE), argv[optind - 1]);
			return usage_error();
		default:
			say(msg(M_MAIN_UNKNOWN_OPTION), argv[optind - 1]);
			return usage_error();
		}
	}
	render_set_ascii(ascii);
	if (column && !compare) {
		say("%s", msg(M_MAIN_COLUMN_NEEDS_COMPARE));
		return 2;
	}
	if (bom && !formatted) {
		say("%s", msg(M_MAIN_BOM_NEEDS_FORMAT));
		return 2;
	}
	if (list && (check || view || formatted || compare)) {
		say("%s", msg(M_MAIN_LIST_ALONE));
		return 2;
	}
	if (check && (view || formatted)) {
		say("%s", msg(M_MAIN_CHECK_ALONE));
		return 2;
	}
	if (formatted && !view) {
		say("%s", msg(M_MAIN_FORMAT_NEEDS_PRINT));
		return 2;
	}
	if (is_set(argc - optind, argv + optind, old_path)) {
		struct run r = { view, formatted, format, bom, list, check, compare, column, opts,
				 browse };
		return run_set(argc - optind, argv + optind, old_path, &r);
	}
	if (check)
		return flushed(run_check(argc - optind, argv + optind, old_path));
	const char *path = optind < argc ? argv[optind] : default_file();

	struct loader_error err;
	struct document *doc = loader_load(path, &err), *old = NULL;
	if (doc && old_path && !(old = loader_load(old_path, &err))) {
		model_free(doc);
		doc = NULL;
	}
	if (!doc) {
		say_load_error(&err);
		return 2;
	}
	if (list) {
		print_list(doc, stdout);
		model_free(doc);
		return flushed(0);
	}
	struct comparison cmp;
	struct compare_error cerr;
	if (compare && !compare_build(&cmp, doc, old, &cerr)) {
		say("%s", cerr.message);
		model_free(old);
		model_free(doc);
		return 2;
	}
	/* No view asked for on a terminal: browse (comparing with --compare).
	 * In a pipe: print all. */
	if (!view && !formatted && isatty(STDOUT_FILENO)) {
		if (compare)
			compare_free(&cmp);
		browse.compare = compare;
		browse.column = column;
		return browser_run(doc, old, &browse);
	}
	opts.cmp = compare ? &cmp : NULL;
	opts.column = column;
	struct print_error perr;
	bool ok;
	if (formatted) {
		struct export_opts eo = { format, bom, opts.cmp, column, false };
		ok = export_view(doc, view, &eo, stdout, &perr);
	} else {
		struct lines ls = { 0 };
		ok = print_view(doc, view ? view : "all", &opts, &ls, &perr);
		if (ok)
			lines_write(&ls, stdout);
		lines_free(&ls);
	}
	if (!ok)
		say("%s", perr.message);
	if (compare)
		compare_free(&cmp);
	model_free(old);
	model_free(doc);
	return flushed(ok ? 0 : 2);
}
