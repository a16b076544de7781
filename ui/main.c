/* main.c: command line.  Parses options and hands over to the printer, the
 * checker or the browser. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "loader.h"
#include "print.h"
#include "text.h"

static const char usage_text[] =
"Usage: budget [OPTION]... [FILE]\n"
"Browse a department budget disclosure (部门预算公开) in the terminal.\n"
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
"                       file OLD (rows matched by code, then by name)\n"
"      --column=KEY     the amount column to compare (default: each\n"
"                       table's first amount column)\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n"
"\n"
"Exit status: 0 on success, 2 when the file cannot be loaded or an option\n"
"is wrong.\n"
"\n"
"Errors are reported as FILE:LINE:COL: message.\n";

static const char *default_file(void)
{
	static const char installed[] = BUDGET_DATADIR "/budget.yaml";
	if (access(installed, R_OK) == 0)
		return installed;
	return "data/budget.yaml";
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

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "print", required_argument, NULL, 'p' },
		{ "width", required_argument, NULL, 'w' },
		{ "compare", optional_argument, NULL, 'c' },
		{ "column", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *view = NULL, *old_path = NULL;
	bool compare = false;
	struct print_opts opts = { 0 };
	int c;

	text_init();
	while ((c = getopt_long(argc, argv, "p:w:c::hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': view = optarg; break;
		case 'w': opts.width = parse_width(optarg); break;
		case 'c': compare = true; old_path = optarg; break;
		case 'k': opts.column = optarg; break;
		case 'h': fputs(usage_text, stdout); return 0;
		case 'V': printf("budget %s\n", BUDGET_VERSION); return 0;
		default:
			fputs("Try 'budget --help' for more information.\n", stderr);
			return 2;
		}
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
	struct comparison cmp;
	if (compare) {
		compare_build(&cmp, doc, old);
		opts.cmp = &cmp;
	}
	int status = print_view(doc, view ? view : "all", &opts, stdout);
	if (compare)
		compare_free(&cmp);
	model_free(old);
	model_free(doc);
	return status;
}
