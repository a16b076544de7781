/* test_city.c: many departments at once (doc/docset.h, report/city.h,
 * report/setreport.h).  Every document here is synthetic: small budget
 * files in schema 2 made up for these tests, in the two formats of the
 * real data (a Guangzhou-like table with codes, and a Jiangsu-like one
 * whose function side names its classes without codes), loaded with
 * loader_load_string.  They are not real budgets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc/docset.h"
#include "doc/loader.h"
#include "doc/msg.h"
#include "doc/text.h"
#include "doc/util.h"
#include "report/city.h"
#include "report/setreport.h"
#include "fixture.h"

/* ---- synthetic departments ----------------------------------------------------- */

/* A Guangzhou-like department: 表1 with the declared total, 表6 by
 * function code (role general_function), and 表10 whose project rows all
 * carry their unit's code (role projects). */
static char *guangzhou(const char *department, int year, const char *unit, const char *total,
		       const char *a2010301, const char *a2010308)
{
	char *text = xmalloc(4096);
	snprintf(text, 4096,
		 "# synthetic, for test_city.c\n"
		 "schema: 2\n"
		 "document: {department: %s, year: %d, unit: %s, title: 合成, region: 甲市,\n"
		 "           total: {table: t1, row: total}}\n"
		 "tables:\n"
		 "  - id: t1\n    label: 表1\n    title: 收支总表\n    kind: summary\n"
		 "    name_title: 项目\n    columns: [{key: amount, title: 金额, type: amount}]\n"
		 "    rows:\n      - {id: total, name: 合计, values: [%s]}\n"
		 "  - id: t6\n    label: 表6\n    title: 一般公共预算支出表\n    kind: function\n"
		 "    role: general_function\n    total: total\n    code_title: 科目编码\n"
		 "    name_title: 科目名称\n    nest: code\n"
		 "    columns: [{key: total, title: 合计, type: amount}]\n"
		 "    rows:\n"
		 "      - id: total\n        name: 合计\n        values: [%s]\n        children:\n"
		 "          - {code: \"201\", name: 一、一般公共服务支出, values: [%s]}\n"
		 "          - {code: \"20103\", name: 政府办公厅, values: [%s]}\n"
		 "          - {code: \"2010301\", name: 行政运行, values: [%s]}\n"
		 "          - {code: \"2010308\", name: 信访事务, values: [%s]}\n"
		 "  - id: t10\n    label: 表10\n    title: 项目表\n    kind: projects\n"
		 "    role: projects\n    code_title: 单位编码\n    name_title: 项目名称\n"
		 "    columns: [{key: total, title: 合计, type: amount}]\n"
		 "    rows:\n"
		 "      - name: 合计\n        values: [3.00]\n        children:\n"
		 "          - {code: \"161001\", name: 运行经费, values: [1.00]}\n"
		 "          - {code: \"161001\", name: 购置经费, values: [2.00]}\n",
		 department, year, unit, total, total, total, total, a2010301, a2010308);
	return text;
}

/* A Jiangsu-like department: 公开01表 with a function side that names its
 * classes without codes (role function) and 公开07表 by code. */
static char *jiangsu(const char *department, int year, const char *total, const char *a201,
		     const char *a2010301)
{
	char *text = xmalloc(4096);
	snprintf(text, 4096,
		 "# synthetic, for test_city.c\n"
		 "schema: 2\n"
		 "document: {department: %s, year: %d, unit: 万元, title: 合成, region: 乙省,\n"
		 "           total: {table: t07, row: total}}\n"
		 "tables:\n"
		 "  - id: t07\n    label: 公开07表\n    title: 一般公共预算支出预算表（功能科目）\n"
		 "    kind: general_function\n    role: general_function\n"
		 "    code_title: 功能科目编码\n    name_title: 功能科目名称\n    nest: code\n"
		 "    columns: [{key: amount, title: 金额, type: amount}]\n    total: total\n"
		 "    rows:\n"
		 "      - id: total\n        name: 合计\n        values: [%s]\n        children:\n"
		 "          - {code: \"201\", name: 一般公共服务支出, values: [%s]}\n"
		 "          - {code: \"20103\", name: 政府办公厅, values: [%s]}\n"
		 "          - {code: \"2010301\", name: 行政运行, values: [%s]}\n",
		 department, year, total, a201, a201, a2010301);
	return text;
}

/* Load a synthetic text made by the functions above, and free it. */
static struct document *load(const char *name, char *text)
{
	struct document *doc = fixture_text(name, text);
	free(text);
	if (!doc)
		fail_msg("%s does not load (the message is above)", name);
	return doc;
}

static void add(struct docset *set, struct document *d)
{
	DA_PUSH(set->docs, set->ndocs, set->capdocs, d);
	set->nfiles++;
}

static const struct table *table(const struct document *city, const char *id)
{
	const struct table *t = model_find_table(city, id);
	if (!t)
		fail_msg("no table %s", id);
	return t;
}

static const struct row *coded(const struct table *t, const char *code)
{
	for (const struct row *r = model_first_row(t); r; r = model_next_in_table(r))
		if (r->code && !strcmp(r->code, code))
			return r;
	fail_msg("no row %s in %s", code, t->id);
	return NULL;
}

static const struct row *named(const struct row *first, const char *name)
{
	for (const struct row *r = first; r; r = r->next)
		if (!strcmp(model_row_name(r), name))
			return r;
	return NULL;
}

static int64_t amount(const struct row *r, size_t col)
{
	return r->cells[col].n;
}

static int setup(void **state)
{
	(void)state;
	msg_set_chinese(false);
	return 0;
}

/* ---- the aggregates ----------------------------------------------------------------- */

/* A sum past the largest amount shows nothing, and a department added
 * after does not start it again: 6e11 + 6e11 passes 999,999,999,999.99,
 * and the third 6e11 must not leave 6e11 standing as the sum. */
static void test_sums_past_the_range(void **state)
{
	(void)state;
	const char *big = "600000000000.00";
	struct docset set = { 0 };
	add(&set, load("a.yaml", guangzhou("甲市甲局", 2020, "万元", big, big, "0.00")));
	add(&set, load("b.yaml", guangzhou("甲市乙局", 2020, "万元", big, big, "0.00")));
	add(&set, load("c.yaml", guangzhou("甲市丙局", 2020, "万元", big, big, "0.00")));
	docset_sort(&set);
	struct document *city = city_build(&set);
	const struct row *r = coded(table(city, "general_function-2020"), "2010301");
	assert_int_equal(amount(r, 0), CELL_BLANK);
	const struct row *y2020 = table(city, "departments")->sides[0].rows;
	assert_string_equal(model_row_name(y2020), "2020");
	assert_int_equal(amount(y2020, 0), CELL_BLANK);
	model_free(city);
	docset_free(&set);
}

/* Three departments of both formats: one function code's aggregate row is
 * the sum of the three, and lists each of them with its own amount. */
static void test_aggregate_sums_departments(void **state)
{
	(void)state;
	struct docset set = { 0 };
	add(&set, load("a.yaml", guangzhou("甲市甲局", 2020, "万元", "10.00", "6.00", "4.00")));
	add(&set, load("b.yaml", guangzhou("甲市乙局", 2020, "万元", "5.00", "5.00", "0.00")));
	add(&set, load("c.yaml", jiangsu("乙省丙厅", 2020, "7.50", "7.50", "7.50")));
	docset_sort(&set);
	struct document *city = city_build(&set);
	const struct table *t = table(city, "general_function-2020");
	const struct row *r = coded(t, "2010301");
	assert_int_equal(amount(r, 0), 600 + 500 + 750);
	/* Its departments, each linked to its own row. */
	size_t n = 0;
	int64_t sum = 0;
	for (const struct row *d = r->child; d; d = d->next, n++) {
		assert_non_null(d->link);
		assert_string_equal(d->link->code, "2010301");
		assert_string_equal(city_row_department(d)->department, model_row_name(d));
		sum += amount(d, 0);
	}
	assert_int_equal(n, 3);
	assert_int_equal(sum, amount(r, 0));
	/* The totals pair whatever they are called; 201 pairs by code though
	 * one department writes 一、 before its name. */
	assert_int_equal(amount(coded(t, "201"), 0), 1000 + 500 + 750);
	assert_int_equal(amount(t->sides[0].rows, 0), 1000 + 500 + 750);
	assert_null(t->sides[0].rows->next);
	/* Every aggregate adds up: the checks find nothing. */
	struct check_report rep;
	check_document(city, NULL, &rep);
	assert_int_equal(rep.failed, 0);
	assert_true(rep.passed > 0);
	check_report_free(&rep);
	model_free(city);
	docset_free(&set);
}

/* A department without the role is named in the note, never skipped
 * silently; a code its unit's projects share does not merge them. */
static void test_not_included_and_shared_codes(void **state)
{
	(void)state;
	struct docset set = { 0 };
	add(&set, load("a.yaml", guangzhou("甲市甲局", 2020, "万元", "10.00", "6.00", "4.00")));
	add(&set, load("c.yaml", jiangsu("乙省丙厅", 2020, "7.50", "7.50", "7.50")));
	docset_sort(&set);
	struct document *city = city_build(&set);
	const struct table *p = table(city, "projects-2020");
	assert_non_null(p->note);
	assert_non_null(strstr(p->note, "乙省丙厅"));
	assert_null(strstr(p->note, "甲市甲局"));
	const struct row *total = p->sides[0].rows;
	assert_non_null(named(total->child, "运行经费"));
	assert_non_null(named(total->child, "购置经费"));
	assert_int_equal(amount(named(total->child, "购置经费"), 0), 200);
	model_free(city);
	docset_free(&set);
}

/* A one-table department of the role "procurement": a total with two
 * rows under it, both 其中 breakdowns or both parts. */
static char *breakdown(const char *department, bool of_which)
{
	char *text = xmalloc(2048);
	snprintf(text, 2048,
		 "# synthetic, for test_city.c\n"
		 "schema: 2\n"
		 "document: {department: %s, year: 2020, unit: 万元, title: 合成}\n"
		 "tables:\n"
		 "  - id: t13\n    label: 表13\n    title: 采购表\n    kind: procurement\n"
		 "    role: procurement\n    total: total\n    name_title: 项目\n"
		 "    columns: [{key: total, title: 合计, type: amount}]\n"
		 "    rows:\n"
		 "      - id: total\n        name: 合计\n        values: [3.00]\n        children:\n"
		 "          - {id: goods, name: 货物, values: [1.00]%s}\n"
		 "          - {id: services, name: 服务, values: [2.00]%s}\n",
		 department, of_which ? ", of_which: true" : "", of_which ? ", of_which: true" : "");
	return text;
}

/* A 其中 breakdown never pairs with a part of the same id or name (its
 * amount is in its parent already); where not every department gives
 * the breakdown, it is left out, and the note says so. */
static void test_breakdowns(void **state)
{
	(void)state;
	struct docset set = { 0 };
	add(&set, load("a.yaml", breakdown("甲局", true)));
	add(&set, load("b.yaml", breakdown("乙局", false)));
	docset_sort(&set);
	struct document *city = city_build(&set);
	const struct table *t = table(city, "procurement-2020");
	const struct row *total = t->sides[0].rows;
	assert_int_equal(amount(total, 0), 600);
	size_t parts = 0;
	for (const struct row *c = total->child; c; c = c->next) {
		assert_false(c->of_which);
		parts++;
	}
	/* 乙局's 货物 and 服务, and 甲局 by name: its total breaks down no
	 * further into parts. */
	assert_int_equal(parts, 3);
	assert_int_equal(amount(named(total->child, "货物"), 0), 100);
	assert_int_equal(amount(named(total->child, "甲局"), 0), 300);
	assert_non_null(t->note);
	assert_non_null(strstr(t->note, "其中 breakdowns that not every department gives"));
	struct check_report rep;
	check_document(city, NULL, &rep);
	assert_int_equal(rep.failed, 0);
	check_report_free(&rep);
	model_free(city);
	docset_free(&set);
	/* Both give it: it stays. */
	add(&set, load("a.yaml", breakdown("甲局", true)));
	add(&set, load("c.yaml", breakdown("丙局", true)));
	docset_sort(&set);
	city = city_build(&set);
	total = table(city, "procurement-2020")->sides[0].rows;
	assert_true(named(total->child, "货物")->of_which);
	assert_int_equal(amount(named(total->child, "货物"), 0), 200);
	model_free(city);
	docset_free(&set);
}

/* Amounts convert exactly to the smallest unit of the set. */
static void test_units(void **state)
{
	(void)state;
	struct docset set = { 0 };
	add(&set, load("a.yaml", guangzhou("甲市甲局", 2020, "万元", "1.00", "1.00", "0.00")));
	add(&set, load("b.yaml", guangzhou("甲市乙局", 2020, "元", "30.00", "20.00", "10.00")));
	docset_sort(&set);
	struct document *city = city_build(&set);
	assert_string_equal(city->unit, "元");
	const struct row *r = coded(table(city, "general_function-2020"), "2010301");
	assert_int_equal(amount(r, 0), 1000000 + 2000);	/* 10000.00 + 20.00 元 */
	model_free(city);
	docset_free(&set);
}

/* ---- the department level ------------------------------------------------------------ */

enum { TOTAL, PRIOR, CHANGE, RATE, NOTE };

/* Against last year's files of the same region: continuing, new and
 * dropped; a region with no files last year compares with what it
 * states (nothing here), and says nothing new or dropped. */
static void test_department_level(void **state)
{
	(void)state;
	struct docset set = { 0 };
	add(&set, load("a20.yaml", guangzhou("甲市甲局", 2020, "万元", "12.00", "6.00", "4.00")));
	add(&set, load("b20.yaml", guangzhou("甲市乙局", 2020, "万元", "5.00", "5.00", "0.00")));
	add(&set, load("a19.yaml", guangzhou("甲市甲局", 2019, "万元", "10.00", "6.00", "4.00")));
	add(&set, load("d19.yaml", guangzhou("甲市丁局", 2019, "万元", "3.00", "3.00", "0.00")));
	add(&set, load("c20.yaml", jiangsu("乙省丙厅", 2020, "7.50", "7.50", "7.50")));
	docset_sort(&set);
	struct document *city = city_build(&set);
	const struct table *t = table(city, "departments");
	const struct row *y2020 = t->sides[0].rows, *y2019 = y2020->next;
	assert_string_equal(model_row_name(y2020), "2020");
	assert_string_equal(model_row_name(y2019), "2019");
	const struct row *a = named(y2020->child, "甲市甲局");
	assert_int_equal(amount(a, TOTAL), 1200);
	assert_int_equal(amount(a, PRIOR), 1000);
	assert_int_equal(amount(a, CHANGE), 200);
	assert_int_equal(amount(a, RATE), 2000);	/* 20.00% */
	assert_null(a->cells[NOTE].s);
	assert_non_null(a->link);
	assert_string_equal(city_row_department(a)->department, "甲市甲局");
	const struct row *b = named(y2020->child, "甲市乙局");
	assert_string_equal(b->cells[NOTE].s, "new");
	assert_int_equal(amount(b, PRIOR), CELL_ABSENT);
	const struct row *d = named(y2020->child, "甲市丁局");
	assert_string_equal(d->cells[NOTE].s, "dropped");
	assert_int_equal(amount(d, TOTAL), CELL_ABSENT);
	assert_int_equal(amount(d, PRIOR), 300);
	const struct row *c = named(y2020->child, "乙省丙厅");
	assert_null(c->cells[NOTE].s);		/* no files of 乙省 in 2019 */
	assert_int_equal(amount(c, PRIOR), CELL_ABSENT);
	/* The year: its departments' sums. */
	assert_int_equal(amount(y2020, TOTAL), 1200 + 500 + 750);
	assert_int_equal(amount(y2020, PRIOR), 1000 + 300);
	model_free(city);
	docset_free(&set);
}

/* --check on a set: the same department twice in one year fails, and one
 * summary covers every file. */
static void test_check_twice(void **state)
{
	(void)state;
	struct docset set = { 0 };
	add(&set, load("a.yaml", guangzhou("甲市甲局", 2020, "万元", "10.00", "6.00", "4.00")));
	add(&set, load("a2.yaml", guangzhou("甲市甲局", 2020, "万元", "10.00", "6.00", "4.00")));
	docset_sort(&set);
	struct document *city = city_build(&set);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	int status = set_check(&set, city, false, f);
	fclose(f);
	assert_int_equal(status, 1);
	assert_non_null(strstr(out, "a2.yaml:1: 甲市甲局 appears twice in 2020 (also a.yaml)"));
	assert_non_null(strstr(out, "2 files: "));
	assert_non_null(strstr(out, " 1 failed"));
	free(out);
	model_free(city);
	docset_free(&set);
}

/* --check --compare on a set: a department whose pair with its prior year
 * is refused (1.23 元 is no exact amount of 万元) is said, and the status
 * is 2, as for one file, instead of its changes passing unchecked. */
static void test_check_refused_pair(void **state)
{
	(void)state;
	struct docset set = { 0 };
	add(&set, load("a20.yaml", guangzhou("甲市甲局", 2020, "万元", "10.00", "6.00", "4.00")));
	add(&set, load("a19.yaml", guangzhou("甲市甲局", 2019, "元", "1.23", "1.23", "0.00")));
	docset_sort(&set);
	struct document *city = city_build(&set);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	int status = set_check(&set, city, true, f);
	fclose(f);
	assert_int_equal(status, 2);
	assert_non_null(strstr(out, "does not convert exactly to 万元: not compared\n"));
	free(out);
	model_free(city);
	docset_free(&set);
}

/* ---- loading a directory -------------------------------------------------------------- */

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A directory's *.yaml files, recursively, in name order; a file that
 * fails keeps its one-line error and the others load. */
static void test_directory(void **state)
{
	(void)state;
	char dir[] = "/tmp/budget-city-XXXXXX", path[256];
	assert_non_null(mkdtemp(dir));
	char *g = guangzhou("甲市甲局", 2020, "万元", "10.00", "6.00", "4.00");
	snprintf(path, sizeof path, "%s/b.yaml", dir);
	write_file(path, g);
	free(g);
	snprintf(path, sizeof path, "%s/sub", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	char *j = jiangsu("乙省丙厅", 2020, "7.50", "7.50", "7.50");
	snprintf(path, sizeof path, "%s/sub/a.yaml", dir);
	write_file(path, j);
	free(j);
	snprintf(path, sizeof path, "%s/bad.yaml", dir);
	write_file(path, "schema: 2\ndocument: [\n");
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	write_file(path, "not a budget\n");
	struct docset set = { 0 };
	docset_add(&set, dir);
	docset_sort(&set);
	assert_int_equal(set.nfiles, 3);
	assert_int_equal(set.ndocs, 2);
	assert_int_equal(set.nerrors, 1);
	assert_non_null(strstr(set.errors[0], "/bad.yaml:"));
	assert_null(strchr(set.errors[0], '\n'));
	/* By year, then department. */
	assert_string_equal(set.docs[0]->department, "乙省丙厅");
	assert_string_equal(set.docs[1]->department, "甲市甲局");
	size_t first;
	assert_int_equal(docset_year(&set, 2020, &first), 2);
	assert_int_equal(docset_year(&set, 2019, &first), 0);
	assert_ptr_equal(docset_find(&set, 0, 2, "甲市甲局"), set.docs[1]);
	assert_null(docset_find(&set, 0, 2, "丁局"));
	docset_free(&set);
	const char *names[] = { "b.yaml", "sub/a.yaml", "bad.yaml", "notes.txt", "sub", "" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		remove(path);
	}
}

int main(void)
{
	text_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_aggregate_sums_departments, setup),
		cmocka_unit_test_setup(test_sums_past_the_range, setup),
		cmocka_unit_test_setup(test_not_included_and_shared_codes, setup),
		cmocka_unit_test_setup(test_units, setup),
		cmocka_unit_test_setup(test_breakdowns, setup),
		cmocka_unit_test_setup(test_department_level, setup),
		cmocka_unit_test_setup(test_check_twice, setup),
		cmocka_unit_test_setup(test_check_refused_pair, setup),
		cmocka_unit_test_setup(test_directory, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
