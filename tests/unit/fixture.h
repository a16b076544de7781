/* fixture.h: what the unit tests share: documents loaded from a synthetic
 * text or from a file, a file read whole, and English as the language.
 * Include after cmocka.h.  A load that fails says why on standard error
 * and gives NULL, so that a group setup can refuse to start; the _ok forms,
 * for inside a test, fail it instead. */
#ifndef TEST_FIXTURE_H
#define TEST_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/text.h"

static inline struct document *fixture_text(const char *name, const char *text)
{
	struct loader_error err;
	struct document *doc = loader_load_string(name, text, strlen(text), &err);
	if (!doc)
		fprintf(stderr, "%s:%d:%d: %s\n", name, err.line, err.col, err.message);
	return doc;
}

static inline struct document *fixture_file(const char *path)
{
	struct loader_error err;
	struct document *doc = loader_load(path, &err);
	if (!doc)
		fprintf(stderr, "%s:%d:%d: %s\n", err.file, err.line, err.col, err.message);
	return doc;
}

static inline struct document *fixture_text_ok(const char *name, const char *text)
{
	struct document *doc = fixture_text(name, text);
	if (!doc)
		fail_msg("%s does not load (the message is above)", name);
	return doc;
}

static inline struct document *fixture_file_ok(const char *path)
{
	struct document *doc = fixture_file(path);
	if (!doc)
		fail_msg("%s does not load (the message is above)", path);
	return doc;
}

/* The whole of a file, or NULL when it cannot be read. */
static inline char *fixture_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct sbuf b = { 0 };
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_addn(&b, buf, n);
	fclose(f);
	sbuf_add(&b, "");
	return sbuf_take(&b);
}

/* A setup or teardown: messages in English. */
static inline int fixture_english(void **state)
{
	(void)state;
	msg_set_chinese(false);
	return 0;
}

#endif
