/* test_classify.c: row trees built from what a disclosure prints flat
 * (src/doc/classify.c: by code prefix, by the first filled label column),
 * the names of code levels and code paths, and the flat display lists of
 * src/doc/flatten.c (total_after, folding, sorting, printed lines).
 *
 * Every side here is synthetic: built in memory by the helpers below, or,
 * for the loader's own use of nesting, from a small synthetic YAML text.
 * No row is transcribed from a real disclosure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/classify.h"
#include "doc/defaults.h"
#include "doc/flatten.h"
#include "doc/loader.h"

/* ---- building sides by hand ------------------------------------------- */

/* One document holding one table with one side, outside doc->tables (the
 * classifier and the flattener only need the side). */
struct fx {
	struct document *doc;
	struct table *t;
	struct side *s;
};

static void fx_init(struct fx *f, size_t nlabels)
{
	f->doc = model_new("synthetic");
	f->t = model_alloc(f->doc, sizeof *f->t);
	f->s = model_alloc(f->doc, sizeof *f->s);
	f->t->doc = f->doc;
	f->t->sides = f->s;
	f->t->nsides = 1;
	f->s->table = f->t;
	f->s->main = -1;
	f->s->nlabels = nlabels;
	f->s->labels = model_alloc(f->doc, (nlabels ? nlabels : 1) * sizeof *f->s->labels);
	for (size_t i = 0; i < nlabels; i++) {
		f->s->labels[i].type = COL_TEXT;
		f->s->labels[i].unit_column = -1;
	}
	if (nlabels == 1)
		f->s->labels[0].key = defaults_name_key;
}

static void fx_free(struct fx *f)
{
	model_free(f->doc);
}

/* A row with an optional code and labels (NULL entries blank), appended
 * under parent (NULL: the top level). */
static struct row *add_row(struct fx *f, struct row *parent, const char *code,
			   const char *const *labels)
{
	struct row *r = model_alloc(f->doc, sizeof *r);
	size_t n = f->s->nlabels;
	r->code = code ? model_strdup(f->doc, code) : NULL;
	r->labels = model_alloc(f->doc, (n ? n : 1) * sizeof *r->labels);
	for (size_t i = 0; labels && i < n; i++)
		r->labels[i] = labels[i] ? model_strdup(f->doc, labels[i]) : NULL;
	model_append_row(f->s, parent, r);
	return r;
}

/* A row named `name` (the side's one name column) with a code. */
static struct row *coded(struct fx *f, struct row *parent, const char *code,
			 const char *name)
{
	const char *labels[1] = { name };
	return add_row(f, parent, code, labels);
}

/* How a row is written in the trees below: its code, else its name. */
static const char *tag(const struct row *r)
{
	if (r->code && *r->code)
		return r->code;
	const char *name = model_row_name(r);
	return *name ? name : "?";
}

/* The tree as text, "a(b,c(d)),e": every list in order.  On the way it
 * checks what every tree must keep: parents, depths, counts, last
 * children, and each row's side. */
static void tree_list(const struct side *s, const struct row *parent,
		      const struct row *first, size_t count, const struct row *last,
		      struct sbuf *out)
{
	size_t n = 0;
	const struct row *prev = NULL;
	for (const struct row *r = first; r; r = r->next) {
		assert_ptr_equal(r->parent, parent);
		assert_ptr_equal(r->side, s);
		assert_int_equal(r->depth, parent ? parent->depth + 1 : 0);
		if (n++)
			sbuf_add(out, ",");
		sbuf_add(out, tag(r));
		if (r->child) {
			sbuf_add(out, "(");
			tree_list(s, r, r->child, r->nchildren, r->last_child, out);
			sbuf_add(out, ")");
		} else {
			assert_int_equal(r->nchildren, 0);
			assert_null(r->last_child);
		}
		prev = r;
	}
	assert_int_equal(n, count);
	assert_ptr_equal(prev, last);
}

/* Compare the side's tree with want. */
static void tree_is(const struct side *s, const char *want)
{
	struct sbuf b = { 0 };
	sbuf_add(&b, "");
	tree_list(s, NULL, s->rows, s->nrows, s->last_row, &b);
	if (strcmp(b.s, want) != 0) {
		char got[1024];
		snprintf(got, sizeof got, "%s", b.s);
		sbuf_free(&b);
		fail_msg("tree\n  got  %s\n  want %s", got, want);
	}
	sbuf_free(&b);
}

/* A flat side of rows with these codes (and names n<code>) under one 合计
 * row without a code; with top, at the top level instead. */
static struct row *flat_codes(struct fx *f, const char *const *codes, size_t n, bool top)
{
	struct row *total = top ? NULL : coded(f, NULL, NULL, "合计");
	for (size_t i = 0; i < n; i++)
		coded(f, total, codes[i], "n");
	return total;
}

#define N(a) (sizeof (a) / sizeof (a)[0])

/* ---- nest by code ----------------------------------------------------- */

static void test_code_nests_by_prefix(void **state)
{
	(void)state;
	static const char *const codes[] = { "201", "20103", "2010301", "2010308",
					     "206", "20605", "2060503" };
	struct fx f;
	fx_init(&f, 1);
	flat_codes(&f, codes, N(codes), false);
	classify_nest_by_code(f.s);
	tree_is(f.s, "合计(201(20103(2010301,2010308)),206(20605(2060503)))");
	fx_free(&f);
}

static void test_code_longest_present_prefix(void **state)
{
	(void)state;
	/* 20805 is absent: 2080501 hangs from 208.  221 is absent: 22102
	 * stays where it is, and 2210201 goes under it.  2 and 20 are
	 * present too, but 201 is the longest prefix of 2010301. */
	static const char *const codes[] = { "2", "20", "201", "2010301", "208",
					     "2080501", "22102", "2210201" };
	struct fx f;
	fx_init(&f, 1);
	flat_codes(&f, codes, N(codes), true);
	classify_nest_by_code(f.s);
	tree_is(f.s, "2(20(201(2010301),208(2080501)),22102(2210201))");
	fx_free(&f);
}

static void test_code_source_order_kept(void **state)
{
	(void)state;
	/* Economic classes as a disclosure may list them: 310 before 303. */
	static const char *const codes[] = { "301", "30101", "310", "31002", "303",
					     "30302", "30301" };
	struct fx f;
	fx_init(&f, 1);
	flat_codes(&f, codes, N(codes), false);
	classify_nest_by_code(f.s);
	tree_is(f.s, "合计(301(30101),310(31002),303(30302,30301))");
	fx_free(&f);
}

static void test_code_rows_without_codes(void **state)
{
	(void)state;
	/* A row without a code (or with an empty one) stays in its list and
	 * is nobody's parent; coded rows after it still find their ancestor
	 * before it. */
	struct fx f;
	fx_init(&f, 1);
	coded(&f, NULL, "201", "a");
	coded(&f, NULL, NULL, "其中：无编码");
	coded(&f, NULL, "20101", "b");
	coded(&f, NULL, "", "空编码");
	coded(&f, NULL, "2010101", "c");
	coded(&f, NULL, "202", "d");
	classify_nest_by_code(f.s);
	tree_is(f.s, "201(20101(2010101)),其中：无编码,空编码,202");
	fx_free(&f);
}

static void test_code_repeated_codes(void **state)
{
	(void)state;
	/* The same code twice: the second row is not a child of the first
	 * (a code is not a proper prefix of itself), both stay siblings. */
	struct fx f;
	fx_init(&f, 1);
	coded(&f, NULL, "201", "a");
	coded(&f, NULL, "20101", "b");
	coded(&f, NULL, "201", "again");
	coded(&f, NULL, "202", "c");
	coded(&f, NULL, "202", "c again");
	classify_nest_by_code(f.s);
	tree_is(f.s, "201(20101),201,202,202");
	assert_string_equal(model_row_name(f.s->rows->next), "again");
	assert_string_equal(model_row_name(f.s->last_row), "c again");
	fx_free(&f);
}

/* A row after a repeated code goes under the nearest earlier row with
 * that code, the repeated one, not the first: it stays after the repeated
 * row, as the file lists it. */
static void test_code_repeated_code_nearest(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f, 1);
	coded(&f, NULL, "201", "a");
	coded(&f, NULL, "20101", "b");
	coded(&f, NULL, "201", "again");
	coded(&f, NULL, "20102", "d");
	classify_nest_by_code(f.s);
	tree_is(f.s, "201(20101),201(20102)");
	assert_string_equal(model_row_name(f.s->last_row), "again");
	assert_string_equal(model_row_name(f.s->last_row->child), "d");
	fx_free(&f);

	/* Three times, and deeper: each child under the latest copy before
	 * it, a grandchild under the latest copy of its parent. */
	fx_init(&f, 1);
	coded(&f, NULL, "201", "a");
	coded(&f, NULL, "20101", "b");
	coded(&f, NULL, "201", "c");
	coded(&f, NULL, "20101", "d");
	coded(&f, NULL, "2010101", "e");
	coded(&f, NULL, "201", "g");
	coded(&f, NULL, "20102", "h");
	classify_nest_by_code(f.s);
	tree_is(f.s, "201(20101),201(20101(2010101)),201(20102)");
	fx_free(&f);
}

static void test_code_within_each_sibling_list(void **state)
{
	(void)state;
	/* Nesting never crosses lists: 20101 under B does not move under
	 * 201, which is under A.  Each list is nested on its own, the
	 * children's lists too, and a row that moves takes its children. */
	struct fx f;
	fx_init(&f, 1);
	struct row *a = coded(&f, NULL, NULL, "A");
	coded(&f, a, "201", "x");
	coded(&f, a, "20101", "y");
	struct row *b = coded(&f, NULL, NULL, "B");
	coded(&f, b, "20101", "z");
	coded(&f, NULL, "301", "c");
	struct row *c2 = coded(&f, NULL, "30101", "c2");
	coded(&f, c2, "3010101", "c3");
	coded(&f, c2, "301010101", "c4");
	classify_nest_by_code(f.s);
	tree_is(f.s, "A(201(20101)),B(20101),301(30101(3010101(301010101)))");
	fx_free(&f);
}

static void test_code_longer_than_max(void **state)
{
	(void)state;
	/* A code of CLASSIFY_MAX_CODE bytes still nests; a longer one does
	 * not nest (neither under its prefix nor as anyone's parent) and
	 * reads nothing beyond its bound. */
	char max[CLASSIFY_MAX_CODE + 1], over[CLASSIFY_MAX_CODE + 2],
	     over2[CLASSIFY_MAX_CODE + 3], huge[4096];
	memset(max, '1', CLASSIFY_MAX_CODE);
	max[CLASSIFY_MAX_CODE] = '\0';
	memcpy(max, "201", 3);
	memset(over, '2', CLASSIFY_MAX_CODE + 1);
	over[CLASSIFY_MAX_CODE + 1] = '\0';
	memcpy(over, "201", 3);
	memcpy(over2, over, CLASSIFY_MAX_CODE + 1);
	over2[CLASSIFY_MAX_CODE + 1] = '3';
	over2[CLASSIFY_MAX_CODE + 2] = '\0';
	memset(huge, '9', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	memcpy(huge, "201", 3);

	struct fx f;
	fx_init(&f, 1);
	struct row *top = coded(&f, NULL, "201", "top");
	struct row *r_max = coded(&f, NULL, max, "max");
	struct row *r_over = coded(&f, NULL, over, "over");
	struct row *r_over2 = coded(&f, NULL, over2, "over2");
	struct row *r_huge = coded(&f, NULL, huge, "huge");
	coded(&f, NULL, "20102", "after");
	classify_nest_by_code(f.s);
	assert_ptr_equal(r_max->parent, top);
	assert_null(r_over->parent);
	assert_null(r_over2->parent);
	assert_null(r_huge->parent);
	assert_int_equal(top->nchildren, 2);	/* max and 20102 */
	assert_int_equal(f.s->nrows, 4);
	assert_ptr_equal(top->next, r_over);
	assert_ptr_equal(r_over->next, r_over2);
	assert_ptr_equal(r_over2->next, r_huge);
	fx_free(&f);
}

static void test_code_short_lists(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f, 1);
	classify_nest_by_code(f.s);	/* no rows at all */
	assert_null(f.s->rows);
	assert_int_equal(f.s->nrows, 0);
	coded(&f, NULL, "2", "a");	/* one row, a one-byte code */
	classify_nest_by_code(f.s);
	tree_is(f.s, "2");
	coded(&f, NULL, "21", "b");
	classify_nest_by_code(f.s);
	tree_is(f.s, "2(21)");
	classify_nest_by_code(f.s);	/* again: nothing moves */
	tree_is(f.s, "2(21)");
	fx_free(&f);
}

/* ---- nest by labels --------------------------------------------------- */

/* A procurement-like side: 采购品目大类 › 专项名称 › 经济科目 › 采购物品名称. */
static struct row *lab(struct fx *f, struct row *parent, const char *a, const char *b,
		       const char *c, const char *d)
{
	const char *labels[4] = { a, b, c, d };
	return add_row(f, parent, NULL, labels);
}

static void test_labels_levels(void **state)
{
	(void)state;
	struct fx f;
	fx_init(&f, 4);
	struct row *total = lab(&f, NULL, "合计", NULL, NULL, NULL);
	lab(&f, total, "货物", NULL, NULL, NULL);
	lab(&f, total, NULL, "办公经费", "办公设备购置", NULL);
	lab(&f, total, NULL, NULL, NULL, "计算机");
	lab(&f, total, NULL, NULL, NULL, "打印机");
	/* A merged 专项名称 spanning two 经济科目 rows, written on both. */
	lab(&f, total, NULL, "会议专项", "会议费", NULL);
	lab(&f, total, NULL, NULL, NULL, "会议服务");
	lab(&f, total, NULL, "会议专项", "培训费", NULL);
	/* Only 经济科目: level 2, under the level-1 row before it; the
	 * item after goes under it, the nearest shallower row. */
	lab(&f, total, NULL, NULL, "印刷费", NULL);
	lab(&f, total, NULL, NULL, NULL, "印刷品");
	lab(&f, total, "服务", NULL, NULL, NULL);
	/* The same labels again, under another parent. */
	lab(&f, total, NULL, "会议专项", "会议费", NULL);
	lab(&f, total, NULL, NULL, NULL, "会议服务");
	classify_nest_by_labels(f.s);
	tree_is(f.s, "合计(货物(办公设备购置(计算机,打印机),会议费(会议服务),"
		     "培训费(印刷费(印刷品))),服务(会议费(会议服务)))");
	const struct row *goods = f.s->rows->child;
	const struct row *meeting = goods->child->next, *training = meeting->next;
	assert_string_equal(meeting->labels[1], "会议专项");
	assert_string_equal(training->labels[1], "会议专项");
	assert_string_equal(model_row_name(training), "培训费");
	const struct row *again = goods->next->child;
	assert_string_equal(again->labels[1], "会议专项");
	assert_ptr_equal(again->parent, goods->next);
	assert_int_equal(again->child->depth, 3);
	fx_free(&f);
}

static void test_labels_first_nonblank(void **state)
{
	(void)state;
	/* "" counts as blank, as ~ does; a row with no label at all is the
	 * deepest level; rows of one level are siblings; a first row deeper
	 * than the rest has nothing to go under and stays at the top. */
	struct fx f;
	fx_init(&f, 3);
	lab(&f, NULL, NULL, NULL, "c0", NULL);
	lab(&f, NULL, "a1", NULL, NULL, NULL);
	lab(&f, NULL, "", "b1", "x", NULL);
	lab(&f, NULL, NULL, NULL, NULL, NULL);
	lab(&f, NULL, NULL, "b2", NULL, NULL);
	lab(&f, NULL, "a2", "also", NULL, NULL);
	lab(&f, NULL, NULL, NULL, "c1", NULL);
	lab(&f, NULL, "a3", NULL, NULL, NULL);
	classify_nest_by_labels(f.s);
	tree_is(f.s, "c0,a1(x(?),b2),also(c1),a3");
	fx_free(&f);
}

static void test_labels_within_each_sibling_list(void **state)
{
	(void)state;
	/* Explicit children are their own list: a level-2 row among B's
	 * children does not go under A's level-1 child. */
	struct fx f;
	fx_init(&f, 3);
	struct row *a = lab(&f, NULL, "A", NULL, NULL, NULL);
	lab(&f, a, NULL, "a1", NULL, NULL);
	struct row *b = lab(&f, NULL, "B", NULL, NULL, NULL);
	lab(&f, b, NULL, NULL, "b2", NULL);
	lab(&f, b, NULL, "b1", NULL, NULL);
	lab(&f, b, NULL, NULL, "b3", NULL);
	classify_nest_by_labels(f.s);
	tree_is(f.s, "A(a1),B(b2,b1(b3))");
	fx_free(&f);
}

static void test_labels_long_list(void **state)
{
	(void)state;
	/* Many rows alternating levels: linear, and every one placed. */
	struct fx f;
	fx_init(&f, 2);
	for (int i = 0; i < 2000; i++)
		if (i % 4 == 0)
			lab(&f, NULL, "g", NULL, NULL, NULL);
		else
			lab(&f, NULL, NULL, "i", NULL, NULL);
	classify_nest_by_labels(f.s);
	assert_int_equal(f.s->nrows, 500);
	for (const struct row *r = f.s->rows; r; r = r->next)
		assert_int_equal(r->nchildren, 3);
	fx_free(&f);
}

/* ---- levels and paths ------------------------------------------------- */

static void test_level_names(void **state)
{
	(void)state;
	assert_string_equal(classify_level_name("201"), "类");
	assert_string_equal(classify_level_name("20103"), "款");
	assert_string_equal(classify_level_name("2010301"), "项");
	assert_null(classify_level_name("2010"));
	assert_null(classify_level_name("161001"));
	assert_null(classify_level_name(""));
	assert_null(classify_level_name(NULL));
	/* The names come from defaults.h, whatever the characters. */
	static const char *const codes[] = { "", "3", "30", "301", "3010", "30101",
					     "301010", "3010101", "30101010", "abc", "ab" };
	for (size_t i = 0; i < N(codes); i++) {
		const char *want = defaults_code_level(strlen(codes[i]));
		const char *got = classify_level_name(codes[i]);
		if (want)
			assert_string_equal(got, want);
		else
			assert_null(got);
	}
}

/* ---- through the loader ----------------------------------------------- */

/* Synthetic schema 2 text: nest: code on one side, with a row that has
 * explicit children besides. */
static const char nested_yaml[] =
	"schema: 2\n"
	"document: {department: 合成部门, year: 2021, unit: 万元, title: 合成数据}\n"
	"tables:\n"
	"  - id: t1\n"
	"    label: 表1\n"
	"    title: 合成表\n"
	"    kind: function\n"
	"    code_title: 编码\n"
	"    name_title: 名称\n"
	"    nest: code\n"
	"    columns: [{key: a, title: 金额, type: amount}]\n"
	"    rows:\n"
	"      - {code: \"201\", name: 一般公共服务, values: [1]}\n"
	"      - {code: \"20101\", name: 人大事务, values: [1]}\n"
	"      - {code: \"206\", name: 科学技术, values: [2]}\n"
	"      - code: \"20601\"\n"
	"        name: 科学技术管理事务\n"
	"        values: [2]\n"
	"        children:\n"
	"          - {code: \"2060101\", name: 行政运行, values: [1]}\n"
	"          - {code: \"206010101\", name: 子项, values: [1]}\n"
	"          - {code: \"2060102\", name: 一般行政管理事务, values: [1]}\n";

static void test_loader_nests_by_code(void **state)
{
	(void)state;
	struct loader_error err;
	struct document *doc = loader_load_string("synthetic", nested_yaml,
						  strlen(nested_yaml), &err);
	if (!doc)
		fail_msg("%d:%d: %s", err.line, err.col, err.message);
	const struct table *t = model_find_table(doc, "t1");
	assert_non_null(t);
	tree_is(&t->sides[0], "201(20101),206(20601(2060101(206010101),2060102))");
	/* Rows are numbered in document order of the final tree. */
	int i = 0;
	for (const struct row *r = model_first_row(t); r; r = model_next_in_table(r))
		assert_int_equal(r->index, i++);
	assert_int_equal(t->nall, 7);
	model_free(doc);
}

/* ---- flatten ---------------------------------------------------------- */

/* The flat list as "name@depth name@depth ...". */
static void flat_is(const struct flat *fl, const char *want)
{
	struct sbuf b = { 0 };
	sbuf_add(&b, "");
	for (size_t i = 0; i < fl->n; i++) {
		assert_int_equal(fl->v[i].depth, fl->v[i].row->depth);
		sbuf_addf(&b, "%s%s@%d", i ? " " : "", tag(fl->v[i].row), fl->v[i].depth);
	}
	if (strcmp(b.s, want) != 0) {
		char got[1024];
		snprintf(got, sizeof got, "%s", b.s);
		sbuf_free(&b);
		fail_msg("flat\n  got  %s\n  want %s", got, want);
	}
	sbuf_free(&b);
}

/* T (total_after) [a, b (total_after) [b1, b2], c], d [d1 (of_which), d2] */
static void sample(struct fx *f)
{
	fx_init(f, 1);
	struct row *t = coded(f, NULL, NULL, "T");
	t->total_after = true;
	coded(f, t, NULL, "a");
	struct row *b = coded(f, t, NULL, "b");
	b->total_after = true;
	coded(f, b, NULL, "b1");
	coded(f, b, NULL, "b2");
	coded(f, t, NULL, "c");
	struct row *d = coded(f, NULL, NULL, "d");
	coded(f, d, NULL, "d1")->of_which = true;
	coded(f, d, NULL, "d2");
}

static void test_flatten_total_after(void **state)
{
	(void)state;
	struct fx f;
	struct flat fl = { 0 };
	sample(&f);
	flatten_side(f.s, NULL, NULL, NULL, NULL, &fl);
	flat_is(&fl, "a@1 b1@2 b2@2 b@1 c@1 T@0 d@0 d1@1 d2@1");
	/* Appends: a second call adds the same rows again. */
	flatten_side(f.s, NULL, NULL, NULL, NULL, &fl);
	assert_int_equal(fl.n, 18);
	assert_ptr_equal(fl.v[9].row, fl.v[0].row);
	flatten_free(&fl);
	assert_null(fl.v);
	assert_int_equal(fl.n, 0);
	assert_int_equal(fl.cap, 0);
	fx_free(&f);
}

/* Closed: the rows whose name is in the ctx's list. */
struct closed {
	const char *const *names;
	size_t n;
	size_t calls;
};

static bool is_open(const struct row *r, void *ctx)
{
	struct closed *c = ctx;
	c->calls++;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(model_row_name(r), c->names[i]) == 0)
			return false;
	return true;
}

static void test_flatten_is_open(void **state)
{
	(void)state;
	struct fx f;
	struct flat fl = { 0 };
	sample(&f);
	static const char *const fold_b[] = { "b" }, *const fold_t[] = { "T", "d" };
	struct closed c = { fold_b, 1, 0 };
	flatten_side(f.s, is_open, &c, NULL, NULL, &fl);
	flat_is(&fl, "a@1 b@1 c@1 T@0 d@0 d1@1 d2@1");
	assert_true(c.calls > 0);
	fl.n = 0;
	struct closed c2 = { fold_t, 2, 0 };
	flatten_side(f.s, is_open, &c2, NULL, NULL, &fl);
	flat_is(&fl, "T@0 d@0");
	fl.n = 0;
	struct closed all_open = { NULL, 0, 0 };
	flatten_side(f.s, is_open, &all_open, NULL, NULL, &fl);
	flat_is(&fl, "a@1 b1@2 b2@2 b@1 c@1 T@0 d@0 d1@1 d2@1");
	flatten_free(&fl);
	fx_free(&f);
}

/* Orders by the first byte of the name; with a non-NULL ctx, descending. */
static int by_initial(const struct row *a, const struct row *b, void *ctx)
{
	int d = (unsigned char)model_row_name(a)[0] - (unsigned char)model_row_name(b)[0];
	return ctx ? -d : d;
}

static void test_flatten_sorted(void **state)
{
	(void)state;
	struct fx f;
	struct flat fl = { 0 };
	fx_init(&f, 1);
	struct row *p = coded(&f, NULL, NULL, "P");
	coded(&f, p, NULL, "z-breakdown")->of_which = true;
	coded(&f, p, NULL, "m1");
	coded(&f, p, NULL, "a");
	coded(&f, p, NULL, "m2");		/* ties with m1: stays after it */
	coded(&f, p, NULL, "y-breakdown")->of_which = true;
	struct row *q = coded(&f, p, NULL, "b");
	q->total_after = true;
	coded(&f, q, NULL, "q");
	coded(&f, q, NULL, "k");
	coded(&f, NULL, NULL, "A");
	/* of_which rows first, in document order; the rest sorted, stably,
	 * at every level; total_after still below its (sorted) children. */
	flatten_side(f.s, NULL, NULL, by_initial, NULL, &fl);
	flat_is(&fl, "A@0 P@0 z-breakdown@1 y-breakdown@1 a@1 k@2 q@2 b@1 m1@1 m2@1");
	fl.n = 0;
	int descending;
	flatten_side(f.s, NULL, NULL, by_initial, &descending, &fl);
	flat_is(&fl, "P@0 z-breakdown@1 y-breakdown@1 m1@1 m2@1 q@2 k@2 b@1 a@1 A@0");
	/* Sorting and folding together. */
	fl.n = 0;
	static const char *const fold[] = { "b" };
	struct closed c = { fold, 1, 0 };
	flatten_side(f.s, is_open, &c, by_initial, NULL, &fl);
	flat_is(&fl, "A@0 P@0 z-breakdown@1 y-breakdown@1 a@1 b@1 m1@1 m2@1");
	/* The tree itself is left as it was. */
	tree_is(f.s, "P(z-breakdown,m1,a,m2,y-breakdown,b(q,k)),A");
	flatten_free(&fl);
	fx_free(&f);
}

static void test_flatten_sort_stable_long(void **state)
{
	(void)state;
	/* 300 rows with three keys: a stable sort gives each key's rows in
	 * document order. */
	struct fx f;
	struct flat fl = { 0 };
	fx_init(&f, 1);
	char name[16];
	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof name, "%c%03d", "cab"[(i * 7) % 3], i);
		coded(&f, NULL, NULL, name);
	}
	flatten_side(f.s, NULL, NULL, by_initial, NULL, &fl);
	assert_int_equal(fl.n, 300);
	for (size_t i = 1; i < fl.n; i++) {
		const char *a = model_row_name(fl.v[i - 1].row), *b = model_row_name(fl.v[i].row);
		assert_true(a[0] < b[0] || (a[0] == b[0] && strcmp(a + 1, b + 1) < 0));
	}
	flatten_free(&fl);
	fx_free(&f);
}

static void test_flatten_table(void **state)
{
	(void)state;
	/* Two sides, side after side; out is emptied first. */
	struct fx f;
	sample(&f);
	struct side *two = model_alloc(f.doc, 2 * sizeof *two);
	two[0] = *f.s;
	two[1] = *f.s;
	two[1].rows = two[1].last_row = NULL;
	two[1].nrows = 0;
	two[1].index = 1;
	f.t->sides = two;
	f.t->nsides = 2;
	const char *labels[1] = { "other" };
	struct row *o = model_alloc(f.doc, sizeof *o);
	o->labels = model_alloc(f.doc, sizeof *o->labels);
	o->labels[0] = labels[0];
	model_append_row(&two[1], NULL, o);
	for (struct row *r = two[0].rows; r; r = model_next_row(r))
		r->side = &two[0];
	struct flat fl = { 0 };
	flatten_table(f.t, &fl);
	flat_is(&fl, "a@1 b1@2 b2@2 b@1 c@1 T@0 d@0 d1@1 d2@1 other@0");
	flatten_table(f.t, &fl);
	assert_int_equal(fl.n, 10);
	flatten_free(&fl);
	fx_free(&f);
}

static void test_assign_lines(void **state)
{
	(void)state;
	/* A [A1, A2], B (line 5), C, D (total_after, line 10) [D1]:
	 * display order A A1 A2 B C D1 D. */
	struct fx f;
	fx_init(&f, 1);
	struct row *a = coded(&f, NULL, NULL, "A");
	struct row *a1 = coded(&f, a, NULL, "A1");
	struct row *a2 = coded(&f, a, NULL, "A2");
	struct row *b = coded(&f, NULL, NULL, "B");
	b->print_line = 5;
	struct row *c = coded(&f, NULL, NULL, "C");
	struct row *d = coded(&f, NULL, NULL, "D");
	d->total_after = true;
	d->print_line = 10;
	struct row *d1 = coded(&f, d, NULL, "D1");
	assert_null(flatten_assign_lines(f.s));
	assert_int_equal(a->print_line, 1);
	assert_int_equal(a1->print_line, 2);
	assert_int_equal(a2->print_line, 3);
	assert_int_equal(b->print_line, 5);
	assert_int_equal(c->print_line, 6);
	assert_int_equal(d1->print_line, 7);
	assert_int_equal(d->print_line, 10);
	/* Lines assigned are kept: a second pass finds them in order. */
	assert_null(flatten_assign_lines(f.s));
	assert_int_equal(c->print_line, 6);
	fx_free(&f);

	/* A first row may start below line 1. */
	fx_init(&f, 1);
	a = coded(&f, NULL, NULL, "A");
	a->print_line = 3;
	b = coded(&f, NULL, NULL, "B");
	assert_null(flatten_assign_lines(f.s));
	assert_int_equal(b->print_line, 4);
	fx_free(&f);
}

static void test_assign_lines_not_after(void **state)
{
	(void)state;
	/* B declares the line A already has: B is returned. */
	struct fx f;
	fx_init(&f, 1);
	coded(&f, NULL, NULL, "A");
	struct row *b = coded(&f, NULL, NULL, "B");
	b->print_line = 1;
	assert_ptr_equal(flatten_assign_lines(f.s), b);
	fx_free(&f);

	/* A total_after row declared above its children's lines. */
	fx_init(&f, 1);
	struct row *t = coded(&f, NULL, NULL, "T");
	t->total_after = true;
	t->print_line = 2;
	coded(&f, t, NULL, "x");
	coded(&f, t, NULL, "y");
	coded(&f, t, NULL, "z");
	assert_ptr_equal(flatten_assign_lines(f.s), t);
	fx_free(&f);

	/* The first of two bad rows. */
	fx_init(&f, 1);
	coded(&f, NULL, NULL, "A")->print_line = 4;
	struct row *b2 = coded(&f, NULL, NULL, "B");
	b2->print_line = 3;
	coded(&f, NULL, NULL, "C")->print_line = 2;
	assert_ptr_equal(flatten_assign_lines(f.s), b2);
	fx_free(&f);
}

int main(void)
{
	text_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_code_nests_by_prefix),
		cmocka_unit_test(test_code_longest_present_prefix),
		cmocka_unit_test(test_code_source_order_kept),
		cmocka_unit_test(test_code_rows_without_codes),
		cmocka_unit_test(test_code_repeated_codes),
		cmocka_unit_test(test_code_repeated_code_nearest),
		cmocka_unit_test(test_code_within_each_sibling_list),
		cmocka_unit_test(test_code_longer_than_max),
		cmocka_unit_test(test_code_short_lists),
		cmocka_unit_test(test_labels_levels),
		cmocka_unit_test(test_labels_first_nonblank),
		cmocka_unit_test(test_labels_within_each_sibling_list),
		cmocka_unit_test(test_labels_long_list),
		cmocka_unit_test(test_level_names),
		cmocka_unit_test(test_loader_nests_by_code),
		cmocka_unit_test(test_flatten_total_after),
		cmocka_unit_test(test_flatten_is_open),
		cmocka_unit_test(test_flatten_sorted),
		cmocka_unit_test(test_flatten_sort_stable_long),
		cmocka_unit_test(test_flatten_table),
		cmocka_unit_test(test_assign_lines),
		cmocka_unit_test(test_assign_lines_not_after),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
