/* carry.c: the browser's tree state carried over a reload, matched by
 * content (codes and names), since the reloaded rows live elsewhere. */
#include "browse/carry.h"

#include <stdlib.h>
#include <string.h>

#include "doc/util.h"
#include "report/compare.h"

/* The item's own key: its table id or part id. */
static char *item_name(const struct item *it)
{
	struct sbuf b = { 0 };
	if (it->table)
		sbuf_addf(&b, "table %s %s", it->table->id, it->table->doc->path);
	else if (it->part)
		sbuf_addf(&b, "part %s", it->part->id ? it->part->id : it->part->title);
	else
		sbuf_add(&b, "none");
	return sbuf_take(&b);
}

/* The key of a node of an item: the item's name, then the node's path. */
static char *node_key(const struct item *it, const char *name, const void *node)
{
	struct sbuf b = { 0 };
	sbuf_addf(&b, "%s\x1d", name);
	if (node)
		item_key(it, node, &b);
	return sbuf_take(&b);
}

static const void *selected(const struct item *it)
{
	const struct row *r = item_row(it);
	return r ? (const void *)compare_origin_row(r) : (const void *)item_section(it);
}

void carry_save(const struct item *items, size_t n, size_t cur, struct carry *c)
{
	memset(c, 0, sizeof *c);
	c->items = xcalloc(n + 1, sizeof *c->items);
	/* An item never shown is as a fresh one is: nothing to carry. */
	for (size_t i = 0; i < n; i++) {
		const struct item *it = &items[i];
		if (!it->visited)
			continue;
		struct carry_item *ci = &c->items[c->nitems++];
		ci->key = item_name(it);
		strmap_put(&c->by_key, ci->key, ci);
		ci->sort = it->sort;
		ci->side = it->side;
		ci->column = it->column ? xstrdup(it->column) : NULL;
		const void *sel = selected(it);
		ci->cursor = sel ? node_key(it, ci->key, sel) : NULL;
		ci->cursor_line = item_cursor_line(it);
		if (it->table) {
			for (const struct row *r = model_first_row(it->shown); r;
			     r = model_next_in_table(r))
				if (it->open[r->index] && compare_origin_row(r)) {
					char *k = node_key(it, ci->key, compare_origin_row(r));
					strmap_put(&c->open, k, (void *)1);
					free(k);
				}
		} else {
			for (size_t j = 0; j < it->nopen; j++)
				if (it->open[j]) {
					char *k = node_key(it, ci->key, it->sections[j]);
					strmap_put(&c->open, k, (void *)1);
					free(k);
				}
		}
	}
	c->cur = cur < n ? item_name(&items[cur]) : NULL;
}

size_t carry_restore(const struct carry *c, struct item *items, size_t n, size_t cur)
{
	for (size_t i = 0; i < n; i++) {
		struct item *it = &items[i];
		char *name = item_name(it);
		const struct carry_item *ci = strmap_get(&c->by_key, name);
		if (!ci) {
			free(name);
			continue;
		}
		if (c->cur && !strcmp(c->cur, name))
			cur = i;
		it->visited = true;
		it->sort = ci->sort;
		free(it->column);
		it->column = ci->column ? xstrdup(ci->column) : NULL;
		if (it->table) {
			for (const struct row *r = model_first_row(it->shown); r;
			     r = model_next_in_table(r)) {
				const struct row *o = r->child ? compare_origin_row(r) : NULL;
				char *k = o ? node_key(it, name, o) : NULL;
				it->open[r->index] = k && strmap_get(&c->open, k);
				free(k);
			}
		} else {
			for (size_t j = 0; j < it->nopen; j++) {
				char *k = node_key(it, name, it->sections[j]);
				it->open[j] = it->sections[j]->child && strmap_get(&c->open, k);
				free(k);
			}
		}
		if (ci->side < it->nsides)
			it->side = ci->side;
		item_refresh(it);
		/* The cursor back on the node of the same key: on the same line
		 * when nothing moved (always, for a department opened again). */
		size_t n_lines = item_nlines(it), first = ci->cursor_line;
		for (size_t l = 0; ci->cursor && l <= n_lines; l++) {
			size_t at = l == 0 ? first : l - 1;
			if (at >= n_lines || (l && at == first))
				continue;
			item_select_line(it, at);
			const void *sel = selected(it);
			char *k = sel ? node_key(it, name, sel) : NULL;
			bool hit = k && !strcmp(k, ci->cursor);
			free(k);
			if (hit)
				break;
		}
		free(name);
	}
	return cur;
}

void carry_free(struct carry *c)
{
	for (size_t i = 0; i < c->nitems; i++) {
		free(c->items[i].key);
		free(c->items[i].cursor);
		free(c->items[i].column);
	}
	free(c->items);
	strmap_free(&c->open);
	strmap_free(&c->by_key);
	free(c->cur);
	memset(c, 0, sizeof *c);
}
