#!/usr/bin/env python3
"""Every figure of the seed's 14 tables appears in `budget --print=N` for its
table, on the line of its row, in the order the source prints them.

Reads the source text (../shared/seeds/000_528a0dd11ae4bcba.txt beside the
repository), finds each table by its title in part 4, and for every data line
checks that some printed row line carries the line's names and its amounts in
the same order.  The two sides of 表1 and 表4, printed side by side in the
source, must stand on one printed line too."""
import os, re, subprocess, sys

SEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                    "shared", "seeds", "000_528a0dd11ae4bcba.txt")
TITLES = ["收支总体情况表", "收入总体情况表", "支出总体情况表", "财政拨款收支总体情况表",
          "非税收入预算表", "一般公共预算支出预算表（按功能分类科目）", "政府性基金预算支出情况表",
          "部门预算基本支出预算表", "一般公共预算基本支出情况表（按支出经济分类科目）",
          "部门预算项目支出预算表", "部门预算转移支付项目预算表",
          "财政拨款安排的行政经费及“三公”经费预算表", "政府采购预算表", "政府购买服务预算表"]
TWO_SIDED = {1, 4}
AMOUNT = re.compile(r"^-?\d+\.\d\d$")


def squash(s):
    return re.sub(r"\s+", "", s)


def seed_lines():
    text = open(SEED, encoding="utf-8").read()
    part4 = text[text.rindex("第四部分"):]
    table = 0
    for line in part4.splitlines():
        if line.strip() in TITLES:
            table = TITLES.index(line.strip()) + 1
        elif table and "\t" in line:
            yield table, line.split("\t")


def segments(table, cells):
    """(name, amounts) pairs of one source line."""
    sides = [cells[:2], cells[2:]] if table in TWO_SIDED else [cells]
    for side in sides:
        amounts = [c.strip() for c in side if AMOUNT.match(c.strip())]
        names = [c for c in side if c.strip() and not AMOUNT.match(c.strip())
                 and not re.fullmatch(r"\d+", c.strip())]
        if amounts:
            yield (squash(names[0]) if names else ""), amounts


def main():
    if not os.path.exists(SEED):
        # shared/ sits beside the repository in CI; a user's clone has none.
        if os.environ.get("CI"):
            print("seed figures: %s not found (CI is set, so this fails)" % SEED)
            return 1
        print("seed figures: skipped, ../shared/seeds not found")
        return 77
    printed = {}
    checked = failed = 0
    for table, cells in seed_lines():
        if table not in printed:
            out = subprocess.run([os.environ.get("BUDGET", "./budget"), "--print=%d" % table, "data/budget.yaml"],
                                 capture_output=True, text=True, check=True).stdout
            printed[table] = [(squash(l), l.split()) for l in out.splitlines()]
        segs = list(segments(table, cells))
        if not segs:
            continue
        names = [n for n, _ in segs]
        amounts = [a for _, seg in segs for a in seg]
        checked += 1
        ok = any(all(n in sq for n in names) and
                 [w for w in words if AMOUNT.match(w)] == amounts
                 for sq, words in printed[table])
        if not ok:
            failed += 1
            print("表%d: no printed line has %s with %s" % (table, " | ".join(names),
                                                           " ".join(amounts)))
    print("seed figures: %d source lines checked, %d passed, %d failed"
          % (checked, checked - failed, failed))
    return 1 if failed or checked < 140 else 0


sys.exit(main())
