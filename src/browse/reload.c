/* reload.c: R, the documents read again when they changed on disk, the
 * tree state carried over by content. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "browse/carry.h"
#include "browse/pane.h"
#include "doc/docset.h"
#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/util.h"
#include "report/city.h"
#include "report/setreport.h"

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

/* The tree states kept per document number of the set, moved to the
 * numbers their files have in fresh (a file gone: its state is freed). */
static struct carry *left_moved(struct view *v, const struct docset *fresh)
{
	struct strmap number = { 0 };	/* file -> its number in fresh */
	for (size_t j = 0; j < fresh->ndocs; j++)
		strmap_put(&number, fresh->docs[j]->file, (void *)(uintptr_t)(j + 1));
	struct carry *moved = xcalloc(fresh->ndocs + 1, sizeof *moved);
	moved[0] = v->left[0];
	for (size_t k = 1; k < view_ndocuments(v); k++) {
		uintptr_t j = (uintptr_t)strmap_get(&number, view_document(v, k)->file);
		if (j)
			moved[j] = v->left[k];
		else
			carry_free(&v->left[k]);
	}
	strmap_free(&number);
	free(v->left);
	v->left = NULL;
	return moved;
}

/* R in a set: every path given read again, as at the start (files added,
 * removed or mended count too); the city made again from them; each
 * document's tree state carried by content, the one shown shown again. */
static void reload_set(struct view *v)
{
	for (size_t i = 0; i < v->set->nroots; i++)
		if (!strcmp(v->set->roots[i], "-")) {
			view_message(v, "%s", msg(M_VIEW_STDIN_RELOAD));
			return;
		}
	struct docset *fresh = xcalloc(1, sizeof *fresh);
	for (size_t i = 0; i < v->set->nroots; i++)
		docset_add(fresh, v->set->roots[i]);
	docset_sort(fresh);
	if (!fresh->ndocs) {
		view_message(v, msg(M_VIEW_NOT_RELOADED), fresh->nerrors ? fresh->errors[0] : "");
		docset_free(fresh);
		free(fresh);
		return;
	}
	/* What is kept: the state of the document shown, and of the city. */
	carry_free(&v->left[v->at]);
	carry_save(v->items, v->nitems, v->cur, &v->left[v->at]);
	if (v->city_parked.items) {
		const struct parked *p = &v->city_parked;
		carry_free(&v->left[0]);
		carry_save(p->items, p->nitems, p->cur, &v->left[0]);
	}
	char *file = v->at ? xstrdup(v->doc->file) : NULL;
	struct carry *left = left_moved(v, fresh);

	view_unbuild(v);
	view_forget_left(v);
	check_report_free(&v->city_checks);
	v->city_checked = false;
	model_free(v->city);
	docset_free(v->set);
	free(v->set);
	v->set = fresh;
	v->city = city_build(fresh);
	v->left = left;

	size_t at = 0;
	for (size_t k = 1; file && k < view_ndocuments(v); k++)
		if (!strcmp(view_document(v, k)->file, file))
			at = k;
	free(file);
	view_enter_document(v, at);
	v->nhistory = 0;
	view_refind(v);
	if (fresh->nerrors)
		view_message(v, msg(M_VIEW_NOT_LOADED), fresh->nerrors, fresh->nfiles);
	else
		view_message(v, msg(M_VIEW_SET_RELOADED), fresh->ndocs);
}

void view_reload(struct view *v)
{
	struct file_stamp now, old_now;
	if (v->set) {
		reload_set(v);
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
