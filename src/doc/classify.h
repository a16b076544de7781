/* classify.h: classification codes (功能分类 类/款/项, 经济分类 类/款). */
#ifndef BUDGET_CLASSIFY_H
#define BUDGET_CLASSIFY_H

#include "doc/model.h"
#include "doc/text.h"

/* Nest rows given flat by code prefix: in every sibling list, a row whose
 * code extends an earlier sibling's code moves under the longest such row
 * (the nearest present ancestor).  Source order is kept. */
void classify_nest_by_code(struct table *t);

/* The level a code names: "类" (3 digits), "款" (5), "项" (7), or NULL. */
const char *classify_level_name(const char *code);

/* Append the path of codes from the top to r: "201 › 20103 › 2010301";
 * rows without a code are left out of the path. */
void classify_code_path(const struct row *r, struct sbuf *out);

#endif
