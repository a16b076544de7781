/* test_strmap.c: the string-keyed multimap (src/doc/strmap.h): lookups,
 * values under equal keys in insertion order, growth, copied keys, and
 * free and reuse.  All keys and values are synthetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc/strmap.h"

/* Values are addresses in this array, so that each is distinct. */
#define NVALUES 1000000
static int values[NVALUES];

static void test_empty(void **state)
{
	struct strmap m = {0};
	size_t pos = 0;

	(void)state;
	assert_null(strmap_get(&m, "a"));
	assert_null(strmap_get(&m, ""));
	assert_int_equal(strmap_count(&m, "a"), 0);
	assert_null(strmap_next(&m, "a", &pos));
	strmap_free(&m);
	strmap_free(&m);
}

static void test_put_get(void **state)
{
	struct strmap m = {0};

	(void)state;
	strmap_put(&m, "a", &values[0]);
	strmap_put(&m, "b", &values[1]);
	strmap_put(&m, "", &values[2]);
	strmap_put(&m, "ab", &values[3]);
	strmap_put(&m, "广州", &values[4]);
	assert_ptr_equal(strmap_get(&m, "a"), &values[0]);
	assert_ptr_equal(strmap_get(&m, "b"), &values[1]);
	assert_ptr_equal(strmap_get(&m, ""), &values[2]);
	assert_ptr_equal(strmap_get(&m, "ab"), &values[3]);
	assert_ptr_equal(strmap_get(&m, "广州"), &values[4]);
	/* Prefixes and extensions of keys are other keys. */
	assert_null(strmap_get(&m, "abc"));
	assert_null(strmap_get(&m, "广"));
	assert_null(strmap_get(&m, "A"));
	assert_int_equal(strmap_count(&m, "a"), 1);
	assert_int_equal(strmap_count(&m, ""), 1);
	assert_int_equal(strmap_count(&m, "c"), 0);
	strmap_free(&m);
}

/* Every value under key, in the order next gives them, must be values[first],
 * values[first + step], ... (count of them). */
static void iterates(const struct strmap *m, const char *key, size_t first,
		     size_t step, size_t count)
{
	size_t pos = 0, n = 0;
	void *v;

	while ((v = strmap_next(m, key, &pos)) != NULL) {
		if (n >= count)
			fail_msg("'%s': more than %zu values", key, count);
		if (v != &values[first + n * step])
			fail_msg("'%s': value %zu is values[%td], want values[%zu]",
				 key, n, (int *)v - values, first + n * step);
		n++;
	}
	if (n != count)
		fail_msg("'%s': %zu values, want %zu", key, n, count);
	/* The end stays the end. */
	assert_null(strmap_next(m, key, &pos));
	assert_int_equal(strmap_count(m, key), count);
}

static void test_equal_keys_in_order(void **state)
{
	static const char *const keys[] = { "x", "y", "z" };
	struct strmap m = {0};

	(void)state;
	/* Interleaved: x gets 0, 3, 6, ...; y gets 1, 4, 7, ... */
	for (size_t i = 0; i < 30; i++)
		strmap_put(&m, keys[i % 3], &values[i]);
	iterates(&m, "x", 0, 3, 10);
	iterates(&m, "y", 1, 3, 10);
	iterates(&m, "z", 2, 3, 10);
	iterates(&m, "w", 0, 1, 0);
	/* get gives the first in document order. */
	assert_ptr_equal(strmap_get(&m, "y"), &values[1]);
	strmap_free(&m);
}

/* Keys whose 32-bit FNV-1a hashes are equal (the map's hash today) are
 * still different keys: equal hashes must not pass for equal keys. */
static void test_equal_hashes(void **state)
{
	static const char *const pairs[][2] = {
		{ "costarring", "liquid" }, { "declinate", "macallums" },
		{ "altarage", "zinke" }, { "altarages", "zinkes" },
	};
	struct strmap m = {0};

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		strmap_put(&m, pairs[i][0], &values[2 * i]);
		strmap_put(&m, pairs[i][1], &values[2 * i + 1]);
	}
	for (size_t i = 0; i < 4; i++) {
		iterates(&m, pairs[i][0], 2 * i, 1, 1);
		iterates(&m, pairs[i][1], 2 * i + 1, 1, 1);
	}
	strmap_free(&m);
}

/* Two iterations at once, over the same key and another, do not disturb
 * each other. */
static void test_independent_iterators(void **state)
{
	struct strmap m = {0};
	size_t p = 0, q = 0, r = 0;

	(void)state;
	for (size_t i = 0; i < 6; i++)
		strmap_put(&m, i % 2 ? "odd" : "even", &values[i]);
	assert_ptr_equal(strmap_next(&m, "even", &p), &values[0]);
	assert_ptr_equal(strmap_next(&m, "odd", &q), &values[1]);
	assert_ptr_equal(strmap_next(&m, "even", &r), &values[0]);
	assert_ptr_equal(strmap_next(&m, "even", &p), &values[2]);
	assert_ptr_equal(strmap_next(&m, "odd", &q), &values[3]);
	assert_ptr_equal(strmap_next(&m, "even", &p), &values[4]);
	assert_null(strmap_next(&m, "even", &p));
	assert_ptr_equal(strmap_next(&m, "even", &r), &values[2]);
	assert_ptr_equal(strmap_next(&m, "odd", &q), &values[5]);
	assert_null(strmap_next(&m, "odd", &q));
	strmap_free(&m);
}

/* Many distinct keys: the table grows many times, and every key, with all
 * its values, survives each move. */
static void test_many_keys(void **state)
{
	enum { KEYS = 20000 };
	struct strmap m = {0};
	char key[32];

	(void)state;
	for (size_t i = 0; i < KEYS; i++) {
		snprintf(key, sizeof key, "row%zu", i);
		strmap_put(&m, key, &values[i]);
	}
	/* A second value under every fourth key, after all the growth. */
	for (size_t i = 0; i < KEYS; i += 4) {
		snprintf(key, sizeof key, "row%zu", i);
		strmap_put(&m, key, &values[KEYS + i]);
	}
	for (size_t i = 0; i < KEYS; i++) {
		snprintf(key, sizeof key, "row%zu", i);
		iterates(&m, key, i, KEYS, i % 4 ? 1 : 2);
		snprintf(key, sizeof key, "row%zu.", i);
		assert_null(strmap_get(&m, key));
	}
	assert_null(strmap_get(&m, "row"));
	assert_null(strmap_get(&m, "row20000"));
	strmap_free(&m);
}

/* A million values under one key.  Putting the n-th must cost what the
 * first did: this takes milliseconds, but a map that walked the values, or
 * probed past them, to put one would take many minutes here, and the test
 * would hang rather than pass. */
static void test_many_equal_keys(void **state)
{
	struct strmap m = {0};

	(void)state;
	strmap_put(&m, "before", &values[0]);
	for (size_t i = 0; i < NVALUES; i++)
		strmap_put(&m, "same", &values[i]);
	strmap_put(&m, "after", &values[1]);
	iterates(&m, "same", 0, 1, NVALUES);
	assert_ptr_equal(strmap_get(&m, "before"), &values[0]);
	assert_ptr_equal(strmap_get(&m, "after"), &values[1]);
	assert_int_equal(strmap_count(&m, "before"), 1);
	assert_null(strmap_get(&m, "sam"));
	strmap_free(&m);
}

/* The map keeps its own copy of each key. */
static void test_keys_copied(void **state)
{
	struct strmap m = {0};
	char key[] = "abc";
	char *heap = strdup("heap key");
	char *big = malloc(10001);

	(void)state;
	assert_non_null(heap);
	assert_non_null(big);
	strmap_put(&m, key, &values[0]);
	strcpy(key, "xyz");
	assert_ptr_equal(strmap_get(&m, "abc"), &values[0]);
	assert_null(strmap_get(&m, "xyz"));
	/* Putting again under the changed buffer makes a new key. */
	strmap_put(&m, key, &values[1]);
	assert_ptr_equal(strmap_get(&m, "xyz"), &values[1]);
	assert_int_equal(strmap_count(&m, "abc"), 1);

	strmap_put(&m, heap, &values[2]);
	free(heap);
	assert_ptr_equal(strmap_get(&m, "heap key"), &values[2]);

	/* A key longer than any block the map would carve keys from. */
	memset(big, 'k', 10000);
	big[10000] = '\0';
	strmap_put(&m, big, &values[3]);
	strmap_put(&m, "small after big", &values[4]);
	big[0] = 'K';
	assert_null(strmap_get(&m, big));
	big[0] = 'k';
	assert_ptr_equal(strmap_get(&m, big), &values[3]);
	assert_ptr_equal(strmap_get(&m, "small after big"), &values[4]);
	assert_ptr_equal(strmap_get(&m, "abc"), &values[0]);
	free(big);
	strmap_free(&m);
}

static void test_free_and_reuse(void **state)
{
	struct strmap m = {0};

	(void)state;
	for (size_t i = 0; i < 100; i++)
		strmap_put(&m, i % 2 ? "a" : "b", &values[i]);
	strmap_free(&m);
	assert_null(strmap_get(&m, "a"));
	assert_int_equal(strmap_count(&m, "a"), 0);
	/* Nothing of the old contents comes back. */
	strmap_put(&m, "a", &values[500]);
	iterates(&m, "a", 500, 1, 1);
	assert_null(strmap_get(&m, "b"));
	strmap_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_put_get),
		cmocka_unit_test(test_equal_keys_in_order),
		cmocka_unit_test(test_independent_iterators),
		cmocka_unit_test(test_equal_hashes),
		cmocka_unit_test(test_many_keys),
		cmocka_unit_test(test_many_equal_keys),
		cmocka_unit_test(test_keys_copied),
		cmocka_unit_test(test_free_and_reuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
