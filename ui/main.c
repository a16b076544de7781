/* main.c: command line.  Parses options and hands over to the printer, the
 * checker or the browser. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *view = NULL;
	int width = 0, c;

	text_init();
	while ((c = getopt_long(argc, argv, "p:w:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': view = optarg; break;
		case 'w': width = parse_width(optarg); break;
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
	struct document *doc = loader_load(path, &err);
	if (!doc) {
		loader_error_print(&err, stderr);
		return 2;
	}
	int status = print_view(doc, view ? view : "all", width, stdout);
	model_free(doc);
	return status;
}
