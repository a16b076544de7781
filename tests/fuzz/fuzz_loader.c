/* make fuzz: a libFuzzer target for the loader and everything that reads
 * what it built.  Each input is a budget file; one that loads is printed
 * whole, checked, compared with the figures it states and exported, so
 * that every path from bytes to output runs under the sanitizers. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "doc/loader.h"
#include "doc/text.h"
#include "report/check.h"
#include "report/export.h"
#include "report/print.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	if (!ready) {
		text_init();
		ready = true;
	}
	struct loader_error err;
	struct document *doc = loader_load_string("fuzz.yaml", (const char *)data, size, &err);
	if (!doc)
		return 0;
	struct lines ls = { 0 };
	struct print_opts po = { 0 };
	struct print_error perr;
	print_view(doc, "all", &po, &ls, &perr);
	lines_free(&ls);
	po.width = 40;
	print_view(doc, "all", &po, &ls, &perr);
	lines_free(&ls);
	struct comparison cmp;
	struct compare_error cerr;
	if (compare_build(&cmp, doc, NULL, &cerr)) {
		po.cmp = &cmp;
		print_view(doc, "all", &po, &ls, &perr);
		lines_free(&ls);
		compare_free(&cmp);
	}
	struct check_report rep;
	check_document(doc, NULL, &rep);
	check_report_free(&rep);
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		struct export_opts eo = { EXPORT_CSV, false, NULL, NULL, false };
		export_document(doc, &eo, null);
		fclose(null);
	}
	model_free(doc);
	return 0;
}
