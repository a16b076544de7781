/* docset.c: loading many files, and the year sets they form. */
#include "doc/docset.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/util.h"

/* Directories nest no deeper than this: a loop of links cannot run away. */
#define MAX_DIR_DEPTH 32

static void add_error(struct docset *set, const struct loader_error *err)
{
	struct sbuf b = { 0 };
	loader_error_format(err, &b);
	char *line = sbuf_take(&b);
	DA_PUSH(set->errors, set->nerrors, set->caperrors, line);
}

static void add_file(struct docset *set, const char *path)
{
	struct loader_error err;
	struct stat st;
	if (strcmp(path, "-") && stat(path, &st) == 0) {
		char key[64];
		snprintf(key, sizeof key, "%llu:%llu", (unsigned long long)st.st_dev,
			 (unsigned long long)st.st_ino);
		if (strmap_get(&set->seen, key))
			return;
		strmap_put(&set->seen, key, (void *)1);
	}
	struct document *doc = loader_load(path, &err);
	set->nfiles++;
	if (doc)
		DA_PUSH(set->docs, set->ndocs, set->capdocs, doc);
	else
		add_error(set, &err);
}

/* A directory that could not be read whole, said as a file's error is. */
static void dir_error(struct docset *set, const char *path, enum msg_id why)
{
	struct loader_error err = { .line = 1, .col = 1 };
	loader_error_file(&err, path);
	snprintf(err.message, sizeof err.message, msg(why), MAX_DIR_DEPTH);
	add_error(set, &err);
	set->nfiles++;
}

static bool is_yaml(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && !strcmp(name + n - 5, ".yaml");
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory's *.yaml files and its sub-directories, in name order.
 * Hidden entries are left out; links to directories are not followed. */
static void add_dir(struct docset *set, const char *path, int depth)
{
	DIR *d = opendir(path);
	if (!d) {
		add_file(set, path);	/* the loader says why it cannot */
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char *name = xstrdup(e->d_name);
		DA_PUSH(names, n, cap, name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		struct sbuf full = { 0 };
		struct stat st;
		sbuf_addf(&full, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
			  names[i]);
		if (lstat(full.s, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (depth < MAX_DIR_DEPTH)
				add_dir(set, full.s, depth + 1);
			else
				dir_error(set, full.s, M_DIRECTORY_TOO_DEEP);
		} else if (is_yaml(names[i])) {
			add_file(set, full.s);
		}
		sbuf_free(&full);
		free(names[i]);
	}
	free(names);
}

void docset_add(struct docset *set, const char *path)
{
	struct stat st;
	char *root = xstrdup(path);
	DA_PUSH(set->roots, set->nroots, set->caproots, root);
	if (!strcmp(path, "-") || stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		add_file(set, path);
		return;
	}
	size_t before = set->nfiles;
	add_dir(set, path, 0);
	if (set->nfiles == before)	/* given by name and holding nothing to load */
		dir_error(set, path, M_EMPTY_DIRECTORY);
}

static int by_year_department(const void *a, const void *b)
{
	const struct document *x = *(struct document *const *)a;
	const struct document *y = *(struct document *const *)b;
	if (x->year != y->year)
		return x->year > y->year ? -1 : 1;
	int c = strcmp(x->department, y->department);
	return c ? c : strcmp(x->path, y->path);
}

void docset_sort(struct docset *set)
{
	if (set->ndocs)
		qsort(set->docs, set->ndocs, sizeof *set->docs, by_year_department);
}

void docset_free(struct docset *set)
{
	for (size_t i = 0; i < set->ndocs; i++)
		model_free(set->docs[i]);
	for (size_t i = 0; i < set->nerrors; i++)
		free(set->errors[i]);
	for (size_t i = 0; i < set->nroots; i++)
		free(set->roots[i]);
	free(set->docs);
	free(set->errors);
	free(set->roots);
	strmap_free(&set->seen);
	memset(set, 0, sizeof *set);
}

size_t docset_year(const struct docset *set, int year, size_t *first)
{
	/* Newest first: binary search for the first document of the year. */
	size_t lo = 0, hi = set->ndocs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (set->docs[mid]->year > year)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < set->ndocs && set->docs[end]->year == year)
		end++;
	*first = lo;
	return end - lo;
}

struct document *docset_find(const struct docset *set, size_t first, size_t n,
			     const char *department)
{
	size_t lo = first, hi = first + n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(set->docs[mid]->department, department);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < first + n && !strcmp(set->docs[lo]->department, department)
	       ? set->docs[lo] : NULL;
}
