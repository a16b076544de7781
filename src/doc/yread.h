/* yread.h: a YAML stream as a sequence of libyaml events, pulled one at a
 * time by the loader, which builds the document straight from them: no
 * tree of the file is ever held.  Bounded: nesting is capped and aliases
 * are refused, so no input can make the reader run away.  Errors keep the
 * line and column of what is wrong, computed from the buffer where libyaml
 * gives only an offset (an encoding error). */
#ifndef BUDGET_YREAD_H
#define BUDGET_YREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#define YREAD_MAX_DEPTH 64

struct yread {
	yaml_parser_t parser;
	yaml_event_t event;		/* the current event, when have */
	bool have;
	const char *text;		/* the whole input */
	size_t len;
	int depth;			/* open collections */
	/* The first error. */
	bool failed;
	int line, col;
	char message[512];
};

/* Start reading text (len bytes); reads the stream and document start. */
bool yread_open(struct yread *r, const char *text, size_t len);
/* Check that the document and the stream end here. */
bool yread_finish(struct yread *r);
/* Free the reader, finished or not. */
void yread_close(struct yread *r);

/* The current event (read when needed), or NULL after an error. */
const yaml_event_t *yread_peek(struct yread *r);
/* Consume the current event. */
void yread_take(struct yread *r);

/* Record an error at a libyaml mark (the first one wins); returns false. */
bool yread_fail(struct yread *r, yaml_mark_t m, const char *message);

/* Line and column (1-based) of a byte offset into the input, counted as
 * libyaml counts its marks: in characters of the input's encoding, after
 * any byte-order mark, with every line break YAML knows (LF, CR, CR LF,
 * NEL, LS, PS). */
void yread_position(const struct yread *r, size_t offset, int *line, int *col);

#endif
