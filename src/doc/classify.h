/* classify.h: building row trees from what a disclosure prints flat: by
 * classification code (功能分类 类 › 款 › 项) or by which label column is
 * filled (采购品目大类 › 专项名称 › 经济科目 › 采购物品名称). */
#ifndef BUDGET_CLASSIFY_H
#define BUDGET_CLASSIFY_H

#include "doc/model.h"
#include "doc/text.h"

/* Longest code accepted, in bytes: nesting looks up each prefix.  The
 * loader refuses longer codes. */
#define CLASSIFY_MAX_CODE 32

/* Nest rows given flat by code prefix: in every sibling list, a row whose
 * code extends an earlier sibling's code moves under the longest such row
 * (the nearest present ancestor); when that code is repeated, under the
 * latest row with it before this one.  Source order is kept. */
void classify_nest_by_code(struct side *s);

/* Nest rows given flat by their labels: in every sibling list, a row's
 * level is the position of its first non-blank label, and it moves under
 * the nearest earlier row of a smaller level.  Source order is kept. */
void classify_nest_by_labels(struct side *s);

/* The level a code names ("类", "款", "项"), from defaults.h, or NULL. */
const char *classify_level_name(const char *code);

#endif
