/* two_years.h: the cmocka group fixture shared by the tests that compare
 * the real document (cur) with the synthetic prior year (old). */
#ifndef TEST_TWO_YEARS_H
#define TEST_TWO_YEARS_H

#include "doc/loader.h"

static struct document *cur, *old;

static int setup(void **state)
{
	(void)state;
	struct loader_error err;
	cur = loader_load("data/budget.yaml", &err);
	old = loader_load("tests/fixtures/prior-2019.yaml", &err);
	return cur && old ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	model_free(cur);
	model_free(old);
	return 0;
}

#endif
