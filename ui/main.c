/* main.c: command line.  Parses options and hands over to the printer, the
 * checker or the browser. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "report/check.h"
#include "report/export.h"
#include "doc/loader.h"
#include "report/print.h"
#include "doc/text.h"
#include "browser.h"

static const char usage_text[] =
"Usage: budget [OPTION]... [FILE]\n"
"  or:  budget --check [FILE]...\n"
"Browse a department budget disclosure (部门预算公开) in the terminal.\n"
"Without --print or --check, and with standard output on a terminal, the\n"
"browser opens (see budget(1) for its keys), with the tables compared\n"
"with the prior year when --compare is given; otherwise the whole\n"
"document is printed as with --print=all.\n"
"\n"
"FILE is a budget file (see budget.yaml(5)); without one, the installed\n"
"default document is opened.  \"-\" reads standard input.\n"
"\n"
"  -p, --print=VIEW     write a plain-text snapshot of VIEW to standard output\n"
"                       and exit: a table number (1-14), a narrative part\n"
"                       or section id (part1, part2, part3, ...), or 'all'\n"
"  -w, --width=N        with --print, fit lines into N columns, cropping\n"
"                       names with a '~' mark (default: never crop)\n"
"  -c, --compare[=OLD]  compare with the prior year: with the prior-year\n"
"                       figures the document states, or with the budget\n"
"                       file OLD (rows matched by code, then by name); the\n"
"                       browser opens comparing (key c), against OLD\n"
"      --column=KEY     the amount column to compare (default: each\n"
"                       table's first amount column; in the browser, C\n"
"                       chooses another)\n"
"      --format=FMT     with --print, write VIEW for a spreadsheet: csv\n"
"                       (RFC 4180) or tsv, UTF-8, one header row, a row,\n"
"                       parent, level and code column so the tree survives,\n"
"                       amounts as plain decimals; 'all' gives every table\n"
"                       in long form (see budget(1))\n"
"      --check          check that each FILE reconciles: tree sums, row\n"
"                       identities (sum_of), the document's declared\n"
"                       identities and its stated figures and rates.  Prints\n"
"                       FILE:LINE: for every finding that fails, is a known\n"
"                       fault of the source, or is not checkable, then\n"
"                       \"N checks, N passed, N failed, N not checkable\"\n"
"      --color=WHEN     colours in the browser: auto (the default: when the\n"
"                       terminal has them and NO_COLOR is not set), always\n"
"                       or never\n"
"      --no-mouse       do not use the mouse in the browser (clicks and the\n"
"                       wheel are then left to the terminal)\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n"
"\n"
"Exit status: 0 on success; 1 when --check finds a failure that is not\n"
"marked as a known fault of the source (with several FILEs, --check exits\n"
"with the worst), or when the terminal cannot be used; 2 when a file cannot\n"
"be loaded, an option is wrong or standard output cannot be written; 3 when\n"
"memory runs out; 128+N when the browser ends on signal N.\n"
"\n"
"Errors are reported as FILE:LINE:COL: message.\n";

static const char *default_file(void)
{
	static const char installed[] = BUDGET_DATADIR "/budget.yaml";
	if (access(installed, R_OK) == 0)
		return installed;
	return "data/budget.yaml";
}

/* --check FILE...: each file's findings and summary; the worst status. */
static int run_check(int nfiles, char **files)
{
	int worst = 0;
	for (int i = 0; i < (nfiles ? nfiles : 1); i++) {
		const char *path = nfiles ? files[i] : default_file();
		struct loader_error err;
		struct document *doc = loader_load(path, &err);
		if (nfiles > 1)
			printf("%s== %s\n", i ? "\n" : "", path);
		if (!doc) {
			loader_error_print(&err, stderr);
			worst = 2;
			continue;
		}
		struct check_report rep;
		check_document(doc, &rep);
		check_print(doc, &rep, stdout);
		if (check_status_code(&rep) > worst)
			worst = check_status_code(&rep);
		check_report_free(&rep);
		model_free(doc);
	}
	return worst;
}

/* status, once standard output is written in full; else 2 after a
 * one-line message. */
static int flushed(int status)
{
	int error = fflush(stdout) != 0 ? errno : 0;

	if (!error && !ferror(stdout))
		return status;
	fprintf(stderr, "budget: cannot write standard output: %s\n",
		strerror(error ? error : EIO));
	return 2;
}

static int parse_width(const char *arg)
{
	char *end;
	long w = strtol(arg, &end, 10);
	if (!*arg || *end || w < 20 || w > 10000) {
		fprintf(stderr, "budget: --width must be a number from 20 to 10000\n");
		exit(2);
	}
	return (int)w;
}

/* Long options without a short form. */
enum { OPT_CHECK = 1100, OPT_FORMAT, OPT_COLOR, OPT_NO_MOUSE };

int main(int argc, char **argv)
{
	bool check = false, formatted = false;
	enum export_format format = EXPORT_CSV;
	static const struct option longopts[] = {
		{ "print", required_argument, NULL, 'p' },
		{ "width", required_argument, NULL, 'w' },
		{ "compare", optional_argument, NULL, 'c' },
		{ "column", required_argument, NULL, 'k' },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *view = NULL, *old_path = NULL;
	bool compare = false;
	struct print_opts opts = { 0 };
	struct browser_options browse = { COLOR_AUTO, true, false, NULL };
	int c;

	if (!text_init())
		fputs("budget: no UTF-8 locale; Chinese text cannot be shown\n", stderr);
	while ((c = getopt_long(argc, argv, "p:w:c::hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': view = optarg; break;
		case 'w': opts.width = parse_width(optarg); break;
		case 'c': compare = true; old_path = optarg; break;
		case 'k': opts.column = optarg; break;
		case OPT_CHECK: check = true; break;
		case OPT_FORMAT:
			if (!export_format_parse(optarg, &format)) {
				fprintf(stderr, "budget: --format must be csv or tsv\n");
				return 2;
			}
			formatted = true;
			break;
		case OPT_COLOR:
			if (!browser_parse_color(optarg, &browse.color)) {
				fprintf(stderr, "budget: --color must be auto, always or never\n");
				return 2;
			}
			break;
		case OPT_NO_MOUSE: browse.mouse = false; break;
		case 'h': fputs(usage_text, stdout); return flushed(0);
		case 'V': printf("budget %s\n", BUDGET_VERSION); return flushed(0);
		default:
			fputs("Try 'budget --help' for more information.\n", stderr);
			return 2;
		}
	}
	if (check && (view || formatted)) {
		fprintf(stderr, "budget: --check does not combine with --print or --format\n");
		return 2;
	}
	if (check)
		return flushed(run_check(argc - optind, argv + optind));
	if (formatted && !view) {
		fprintf(stderr, "budget: --format needs --print=VIEW (a table number or "
			"'all')\n");
		return 2;
	}
	if (argc - optind > 1) {
		fprintf(stderr, "budget: one FILE at most\n"
			"Try 'budget --help' for more information.\n");
		return 2;
	}
	const char *path = optind < argc ? argv[optind] : default_file();

	struct loader_error err;
	struct document *doc = loader_load(path, &err), *old = NULL;
	if (doc && old_path && !(old = loader_load(old_path, &err))) {
		model_free(doc);
		doc = NULL;
	}
	if (!doc) {
		loader_error_print(&err, stderr);
		return 2;
	}
	/* No view asked for on a terminal: browse (comparing with --compare).
	 * In a pipe: print all. */
	if (!view && !formatted && isatty(STDOUT_FILENO)) {
		browse.compare = compare;
		browse.column = opts.column;
		return browser_run(doc, old, &browse);
	}
	struct comparison cmp;
	if (compare) {
		compare_build(&cmp, doc, old);
		opts.cmp = &cmp;
	}
	int status = formatted ? export_view(doc, view, format, opts.cmp, opts.column, stdout)
			       : print_view(doc, view ? view : "all", &opts, stdout);
	if (compare)
		compare_free(&cmp);
	model_free(old);
	model_free(doc);
	return flushed(status);
}
