/* reload.c: R, the documents read again when they changed on disk, the
 * tree state carried over by content. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "browse/carry.h"
#include "browse/pane.h"
#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/util.h"

/* Has the file changed since it was loaded?  Standard input never has. */
static bool changed(const struct document *doc, const struct file_stamp *was,
		    struct file_stamp *now)
{
	struct stat st;
	memset(now, 0, sizeof *now);
	if (!doc || strcmp(doc->file, "-") == 0 || stat(doc->file, &st) != 0)
		return false;
	*now = (struct file_stamp){ st.st_mtim, st.st_size, true };
	/* To the nanosecond: a file rewritten within the second it was
	 * loaded in has changed too. */
	return !was->known || st.st_mtim.tv_sec != was->mtime.tv_sec ||
	       st.st_mtim.tv_nsec != was->mtime.tv_nsec || st.st_size != was->size;
}

/* Load a file again: the new document, or NULL after a message. */
static struct document *again(struct view *v, const struct document *doc)
{
	struct loader_error err;
	struct document *d = loader_load(doc->file, &err);
	if (!d) {
		struct sbuf b = { 0 };
		loader_error_format(&err, &b);
		view_message(v, msg(M_VIEW_NOT_RELOADED), b.s);
		sbuf_free(&b);
	}
	return d;
}

void view_reload(struct view *v)
{
	struct file_stamp now, old_now;
	if (v->set) {
		view_message(v, "%s", msg(M_VIEW_SET_NO_RELOAD));
		return;
	}
	if (strcmp(v->doc->file, "-") == 0 && !v->old) {
		view_message(v, "%s", msg(M_VIEW_STDIN_RELOAD));
		return;
	}
	bool doc_changed = changed(v->doc, &v->stamp, &now);
	bool old_changed = changed(v->old, &v->old_stamp, &old_now);
	if (!doc_changed && !old_changed) {
		view_message(v, "%s", msg(M_VIEW_UNCHANGED));
		return;
	}
	struct document *doc = doc_changed ? again(v, v->doc) : NULL;
	struct document *old = old_changed ? again(v, v->old) : NULL;
	if ((doc_changed && !doc) || (old_changed && !old)) {
		model_free(doc);
		model_free(old);
		return;
	}
	struct carry saved;
	size_t cur = v->cur;
	carry_save(v->items, v->nitems, v->cur, &saved);
	view_unbuild(v);
	if (doc) {
		model_free(v->doc);
		v->doc = doc;
		v->stamp = now;
	}
	if (old) {
		model_free(v->old);
		v->old = old;
		v->old_stamp = old_now;
	}
	view_build(v);
	v->cur = carry_restore(&saved, v->items, v->nitems, cur < v->nitems ? cur : 0);
	view_show_tables(v);
	carry_free(&saved);
	v->nhistory = 0;
	view_refind(v);
	view_message(v, "%s", msg(M_VIEW_RELOADED));
}

void view_remember_files(struct view *v)
{
	changed(v->doc, &(struct file_stamp){ 0 }, &v->stamp);
	changed(v->old, &(struct file_stamp){ 0 }, &v->old_stamp);
}
