/* loader.h: a budget YAML file (man budget.yaml(5)) to a document. */
#ifndef BUDGET_LOADER_H
#define BUDGET_LOADER_H

#include <stddef.h>

#include "doc/model.h"

/* Files larger than this are refused before parsing. */
#define LOADER_MAX_BYTES (16u * 1024 * 1024)

/* Where and why a load failed; formats as FILE:LINE:COL: message. */
struct loader_error {
	char file[512];
	int line, col;			/* 1-based; 0 when unknown */
	char message[512];
};

/* Load a budget file.  Returns the document, or NULL with *err set; never
 * exits.  "-" reads standard input. */
struct document *loader_load(const char *path, struct loader_error *err);

/* Load from memory; name stands for the file in messages. */
struct document *loader_load_string(const char *name, const char *text,
				    size_t len, struct loader_error *err);

/* Write "FILE:LINE:COL: message\n" to f. */
#include <stdio.h>
void loader_error_print(const struct loader_error *err, FILE *f);

#endif
