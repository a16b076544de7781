/* loader.h: a budget YAML file (budget.yaml(5), schema 1 or 2) to a
 * document, built straight from libyaml's events. */
#ifndef BUDGET_LOADER_H
#define BUDGET_LOADER_H

#include <stddef.h>

#include "doc/model.h"

/* Files larger than this are refused before parsing. */
#define LOADER_MAX_BYTES (16u * 1024 * 1024)

/* Where and why a load failed; formats as FILE:LINE:COL: message. */
struct loader_error {
	char file[512];
	int line, col;			/* 1-based */
	char message[512];
};

/* Load a budget file: a regular file, or "-" for standard input.  Returns
 * the document, or NULL with *err set; never exits, never prints. */
struct document *loader_load(const char *path, struct loader_error *err);

/* Load from memory; name stands for the file in messages. */
struct document *loader_load_string(const char *name, const char *text,
				    size_t len, struct loader_error *err);

/* The error as one line, "FILE:LINE:COL: message" (no newline). */
struct sbuf;
void loader_error_format(const struct loader_error *err, struct sbuf *out);
/* Name the file of an error: the name made safe to show, cut to fit. */
void loader_error_file(struct loader_error *err, const char *name);

#endif
