/* snapshot.c: a view saved to a new text file. */
#include "report/snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc/msg.h"
#include "doc/text.h"
#include "doc/util.h"
#include "report/compare.h"
#include "report/print.h"
#include "report/render.h"

#define MAX_ATTEMPTS 100

static void header(const struct snapshot *s, struct lines *out)
{
	const struct document *doc = s->doc;
	struct sbuf b = { 0 };
	char when[32];
	struct tm tm;

	localtime_r(&s->when, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	sbuf_addf(&b, msg(M_SNAP_TITLE), doc->title);
	lines_add_trimmed(out, STYLE_TITLE, NULL, &b);
	render_doc_meta(doc, &b);
	lines_add_trimmed(out, STYLE_META, NULL, &b);
	if (s->table)
		sbuf_addf(&b, msg(M_SNAP_TABLE), s->table->label, s->table->title);
	else
		sbuf_addf(&b, msg(M_SNAP_PART), s->part->title);
	lines_add_trimmed(out, STYLE_META, NULL, &b);
	if (s->table && s->sort != SORT_NONE) {
		sbuf_addf(&b, msg(s->reverse ? M_SNAP_SORT_REVERSED : M_SNAP_SORT),
			  rowsort_name(s->sort));
		lines_add_trimmed(out, STYLE_META, NULL, &b);
	}
	sbuf_addf(&b, msg(M_SNAP_TIME), when);
	lines_add_trimmed(out, STYLE_META, NULL, &b);
	if (s->search) {
		sbuf_addf(&b, msg(M_SNAP_SEARCH), s->search);
		lines_add_trimmed(out, STYLE_META, NULL, &b);
	}
	sbuf_addf(&b, msg(M_SNAP_FILE), doc->path);
	lines_add_trimmed(out, STYLE_META, NULL, &b);
	sbuf_free(&b);
}

void snapshot_render(const struct snapshot *s, struct lines *out)
{
	header(s, out);
	lines_add(out, STYLE_PLAIN, NULL, "");
	if (s->table) {
		render_table_rows(s->table, 0, s->rows, s->sequential, out);
		if (s->table->derived)
			print_compared_summary(s->table, 0, out);
	} else {
		render_section(s->part, 0, out);
	}
}

void snapshot_name(const struct snapshot *s, int attempt, struct sbuf *out)
{
	char when[32];
	struct tm tm;

	localtime_r(&s->when, &tm);
	strftime(when, sizeof when, "%Y%m%d-%H%M%S", &tm);
	if (s->table)
		sbuf_addf(out, "budget-%s-%s", s->table->id, when);
	else if (s->part->id)
		sbuf_addf(out, "budget-%s-%s", s->part->id, when);
	else
		sbuf_addf(out, "budget-part-%s", when);
	if (attempt > 1)
		sbuf_addf(out, "-%d", attempt);
	sbuf_add(out, ".txt");
}

/* A copy of a message made with printf. */
static char *message(const char *fmt, const char *a, const char *b)
{
	struct sbuf m = { 0 };
	sbuf_addf(&m, fmt, a, b);
	return sbuf_take(&m);
}

/* Write n bytes, again after a signal or a short write; false on a write
 * error (errno says which). */
static bool write_fully(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return false;
		}
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Write every line, each with its newline; false on a write error. */
static bool write_lines(int fd, const struct lines *ls)
{
	struct sbuf b = { 0 };
	bool ok;
	int saved;

	sbuf_add(&b, "");
	for (size_t i = 0; i < ls->n; i++) {
		sbuf_add(&b, ls->v[i].text);
		sbuf_add(&b, "\n");
	}
	ok = write_fully(fd, b.s, b.len);
	saved = errno;		/* for the caller, whatever free does */
	sbuf_free(&b);
	errno = saved;
	return ok;
}

char *snapshot_save(const struct snapshot *s, const char *dir, char **error)
{
	struct lines ls = { 0 };
	struct sbuf path = { 0 };
	int fd = -1;

	*error = NULL;
	for (int attempt = 1; attempt <= MAX_ATTEMPTS && fd < 0; attempt++) {
		path.len = 0;
		sbuf_addf(&path, "%s/", dir);
		snapshot_name(s, attempt, &path);
		/* O_EXCL: a file of that name, even a symlink, is never
		 * written through; another name is tried instead. */
		fd = open(path.s, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		if (fd < 0 && errno != EEXIST) {
			*error = message(msg(M_SNAP_CANNOT_CREATE), path.s, strerror(errno));
			sbuf_free(&path);
			return NULL;
		}
	}
	if (fd < 0) {
		*error = message(msg(M_SNAP_CANNOT_CREATE), path.s, msg(M_SNAP_TOO_MANY));
		sbuf_free(&path);
		return NULL;
	}
	snapshot_render(s, &ls);
	bool ok = write_lines(fd, &ls);
	int saved = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	lines_free(&ls);
	if (!ok) {
		unlink(path.s);		/* our own new file: nothing else's */
		*error = message(msg(M_SNAP_CANNOT_WRITE), path.s, strerror(saved));
		sbuf_free(&path);
		return NULL;
	}
	return sbuf_take(&path);
}
