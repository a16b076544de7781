#!/usr/bin/env python3
"""Hostile shapes for budget: SYNTHETIC schema-2 documents, each made to hit
one path that must stay linear or n log n ("every path linear or n log n").

    adversarial.py [--size BYTES] [--year Y] SHAPE OUT
    adversarial.py [--size BYTES] [--year Y] --dir DIR SHAPE...
    adversarial.py --list

writes SHAPE at about BYTES (default: a little under the loader's 16 MiB
cap, LOADER_MAX_BYTES in src/doc/loader.h) to OUT ("-": standard output),
or each SHAPE to DIR/SHAPE.yaml ("all": every shape).
Output is deterministic: the same arguments give the same bytes.  --year
(default 2021) writes the same shape for another year, with its figures
changed where the shape compares (repeat, tables, figures), so that `--compare=OLD`
has a prior year of the same department to pair with.

Every document loads and reconciles (`budget --check` finds 0 failed),
except the *-dup and *-refused shapes, which budget must refuse with one
clear line.  See --list for what each shape is.  Test data, not a budget.
"""
import sys

CAP = 16 * 1024 * 1024                  # LOADER_MAX_BYTES
DEFAULT_SIZE = CAP - 64 * 1024          # "16 MiB minus a little"
DEPARTMENT = "对抗测试部门"

SHAPES = {}


def shape(name, doc):
    def add(fn):
        SHAPES[name] = (fn, doc)
        return fn
    return add


class Out:
    """Pieces of text and their size in bytes (UTF-8)."""

    def __init__(self):
        self.parts = []
        self.size = 0

    def w(self, s):
        self.parts.append(s)
        self.size += len(s.encode("utf-8"))

    def text(self):
        return "".join(self.parts)


def header(o, name, size, year, narrative=None):
    o.w("# SYNTHETIC adversarial input for budget, written by tests/bench/adversarial.py\n"
        "# (shape %s, about %d bytes, year %d).  Made-up figures: test data, not a budget.\n"
        % (name, size, year))
    o.w("schema: 2\n")
    o.w("document:\n  department: %s\n  year: %d\n  unit: 万元\n"
        "  title: %s%d年度部门预算（对抗测试）\n  region: 测试省\n" % (DEPARTMENT, year, DEPARTMENT, year))
    if narrative:
        o.w(narrative)


def money(cents):
    return "%d.%02d" % (cents // 100, cents % 100) if cents >= 0 else "-" + money(-cents)


# ---- (1) sum_of ------------------------------------------------------------------

def sumof_doc(o, size, year, dup):
    """N base columns b*, N subtotal columns s* (each sum_of two neighbours,
    so every base column stands in three lists) and one grand total whose
    sum_of lists every base column: lists huge, entries repeated across
    them.  dup: the grand total's list names every column twice (refused)."""
    header(o, "sumof-dup" if dup else "sumof", size, year)
    per = 200 if not dup else 210
    n = max(4, (size - 2000) // per)
    o.w("tables:\n  - id: t1\n    label: 表1\n    title: 合计列之和\n    kind: sumof\n"
        "    total: total\n    name_title: 项目\n    columns:\n")
    grand = ", ".join("b%d" % i for i in range(n))
    if dup:
        grand += ", " + grand
    o.w("      - {key: total, title: 总计, type: amount, sum_of: [%s]}\n" % grand)
    for i in range(n):
        o.w("      - {key: b%d, title: 基%d, type: amount}\n" % (i, i))
    for i in range(n):
        o.w("      - {key: s%d, title: 小计%d, type: amount, sum_of: [b%d, b%d]}\n"
            % (i, i, i, (i + 1) % n))
    # one row with two children: every column is a tree sum as well
    def row(k):
        return "[%s, %s, %s]" % (money(100 * n * k), ", ".join([money(100 * k)] * n),
                                   ", ".join([money(200 * k)] * n))
    o.w("    rows:\n      - id: total\n        name: 合计\n        values: %s\n"
        "        children:\n" % row(2))
    o.w("          - {name: 甲, values: %s}\n" % row(1))
    o.w("          - {name: 乙, values: %s}\n" % row(1))


@shape("sumof", "(1) a table whose sum_of lists are huge and repeat their entries across "
       "lists: N subtotals of two columns each, a grand total of all N")
def sumof(o, size, year):
    sumof_doc(o, size, year, False)


@shape("sumof-dup", "(1) the grand total's sum_of names each of its columns twice: refused")
def sumof_dup(o, size, year):
    sumof_doc(o, size, year, True)


# ---- (2) wide tables ---------------------------------------------------------------

def wide_doc(o, size, year, dup):
    header(o, "wide-dup" if dup else "wide", size, year)
    n = max(2, (size - 1000) // 48)
    o.w("tables:\n  - id: t1\n    label: 表1\n    title: 宽表\n    kind: wide\n"
        "    total: total\n    name_title: 项目\n    columns:\n")
    for i in range(n):
        key = "c0" if dup and i == n - 1 else "c%d" % i
        o.w("    - {key: %s, title: \"\", type: amount}\n" % key)
    o.w("    rows:\n      - id: total\n        name: 合计\n        values: [%s]\n"
        "        children:\n          - {name: 甲, values: [%s]}\n"
        % (",".join(["2"] * n), ",".join(["1"] * n)))
    o.w("          - {name: 乙, values: [%s]}\n" % ",".join(["1"] * n))


@shape("wide", "(2) one table with ~300,000 columns (at 16 MiB) and a parent row over two rows")
def wide(o, size, year):
    wide_doc(o, size, year, False)


@shape("wide-dup", "(2) the same, its last column key repeating the first: refused")
def wide_dup(o, size, year):
    wide_doc(o, size, year, True)


# ---- (3) repeated codes and names, for --compare --------------------------------------

# (code, name): a 类 › 款 › 项 pool; the same few codes and names repeat on every line.
POOL = [("201", "一般公共服务支出"), ("20101", "人大事务"), ("2010101", "行政运行"),
        ("2010102", "一般行政管理事务"), ("20103", "政府办公厅（室）及相关机构事务"),
        ("2010301", "行政运行"), ("2010399", "其他政府办公厅（室）及相关机构事务支出"),
        ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"),
        ("2080505", "机关事业单位基本养老保险缴费支出"), ("221", "住房保障支出"),
        ("22102", "住房改革支出"), ("2210201", "住房公积金")]
NAMES = ["行政运行", "一般行政管理事务", "专项业务", "其他支出", "行政运行"]


def nest_by_code(codes):
    """budget's nest: code on a flat list (src/doc/classify.c): each row goes
    under the LATEST earlier row whose code is its longest proper prefix.
    Returns each row's parent index (or -1)."""
    latest = {}
    up = []
    for i, c in enumerate(codes):
        p = -1
        for n in range(len(c) - 1, 0, -1):
            if c[:n] in latest:
                p = latest[c[:n]]
                break
        up.append(p)
        latest[c] = i
    return up


def subtree_sums(up, leaf):
    """Sum of leaf values below each row (a row with children = their sum)."""
    n = len(up)
    kids = [0] * n
    for p in up:
        if p >= 0:
            kids[p] += 1
    val = [leaf(i) if kids[i] == 0 else 0 for i in range(n)]
    for i in range(n - 1, -1, -1):   # a parent always comes before its children
        if up[i] >= 0:
            val[up[i]] += val[i]
    return val


@shape("repeat", "(3) 50,000+ rows whose codes and names repeat (nest: code, a named tree "
       "and label rows), for --compare against a prior year (--year Y-1)")
def repeat(o, size, year):
    header(o, "repeat", size, year)
    # bytes: ~64 per coded row, ~52 per named row, ~60 per labelled row; a third each
    n = max(len(POOL), (size - 3000) // 3 // 64)
    # A change per year: figures move with the year, and the prior year
    # lacks one row in seven of the tail, so that pairs, adds and drops are
    # all exercised.
    shift = year % 7
    codes = [POOL[i % len(POOL)] for i in range(n) if i < len(POOL) or (i + shift) % 7]
    up = nest_by_code([c for c, _ in codes])
    val = subtree_sums(up, lambda i: 100 + (i * 37 + year) % 900)
    total = sum(v for v, p in zip(val, up) if p < 0)
    o.w("tables:\n  - id: t1\n    label: 表1\n    title: 按功能分类（重复科目）\n    kind: repeat_code\n"
        "    role: function\n    total: total\n    code_title: 功能科目编码\n"
        "    name_title: 功能科目名称\n    nest: code\n"
        "    columns:\n      - {key: amount, title: 金额, type: amount}\n"
        "    rows:\n      - id: total\n        name: 合计\n        values: [%s]\n"
        "        children:\n" % money(total))
    for (c, name), v in zip(codes, val):
        o.w('          - {code: "%s", name: %s, values: [%s]}\n' % (c, name, money(v)))
    # a named tree: a few parents, each with many children of the same names
    m = n
    groups = 5
    per = max(1, m // groups)
    kids = [[100 + (g * 31 + i * 7 + year) % 500 for i in range(per) if (i + shift) % 11]
            for g in range(groups)]
    o.w("  - id: t2\n    label: 表2\n    title: 项目（重复名称）\n    kind: repeat_name\n"
        "    total: total\n    name_title: 项目名称\n"
        "    columns:\n      - {key: amount, title: 金额, type: amount}\n"
        "    rows:\n      - id: total\n        name: 合计\n        values: [%s]\n"
        "        children:\n" % money(sum(map(sum, kids))))
    for g in range(groups):
        o.w("          - name: %s\n            values: [%s]\n            children:\n"
            % (NAMES[g % len(NAMES)], money(sum(kids[g]))))
        for i, v in enumerate(kids[g]):
            o.w("              - {name: %s, values: [%s]}\n" % (NAMES[i % len(NAMES)], money(v)))
    # label rows nested by labels, every label repeating
    items = [(i, 100 + (i * 13 + year) % 700) for i in range(m) if (i + shift) % 13]
    per_group = 50
    o.w("  - id: t3\n    label: 表3\n    title: 采购（重复标签）\n    kind: repeat_labels\n"
        "    total: total\n    labels:\n      - {key: category, title: 采购品目大类}\n"
        "      - {key: item, title: 采购物品名称}\n    nest: labels\n"
        "    columns:\n      - {key: total, title: 总计, type: amount}\n"
        "    rows:\n      - id: total\n        labels: [合计, ~]\n        values: [%s]\n"
        "        children:\n" % money(sum(v for _, v in items)))
    for g in range(0, len(items), per_group):
        chunk = items[g:g + per_group]
        o.w("          - {labels: [货物, ~], values: [%s]}\n" % money(sum(v for _, v in chunk)))
        for i, v in chunk:
            o.w("          - {labels: [~, 台式计算机], values: [%s]}\n" % money(v))


# ---- (4) figures and identities ----------------------------------------------------

@shape("figures", "(4) N figures (each with ref, change and rate) and N identities, "
       "N >= 20,000 (about 54,000 at 16 MiB), over a table of N rows with ids")
def figures(o, size, year):
    n = max(10, (size - 2000) // 270)
    # value v = 1.1 × prior: change = prior / 10, rate 10%, in 2021 (121)
    # and 2020 (110); other years (100) state no change
    unit = {2021: 121, 2020: 110}.get(year, 100)
    vals = [unit * 10 * (1 + i % 97) for i in range(n)]
    total = sum(vals)
    header(o, "figures", size, year)
    o.w("narrative:\n  - id: part1\n    title: 数字\n    figures:\n")
    o.w("      - {id: ftotal, label: 合计, value: %s, ref: {table: t1, row: total}}\n"
        % money(total))
    for i, v in enumerate(vals):
        if unit == 100:
            o.w("      - {id: f%d, label: 第%d项支出, value: %s, ref: {table: t1, row: r%d}}\n"
                % (i, i, money(v), i))
        else:
            o.w("      - {id: f%d, label: 第%d项支出, value: %s, change: %s, rate: \"10%%\", "
                "ref: {table: t1, row: r%d}}\n" % (i, i, money(v), money(v // 11), i))
    o.w("tables:\n  - id: t1\n    label: 表1\n    title: 明细\n    kind: detail\n"
        "    total: total\n    name_title: 项目\n"
        "    columns:\n      - {key: amount, title: 金额, type: amount}\n"
        "    rows:\n      - id: total\n        name: 合计\n        values: [%s]\n"
        "        children:\n" % money(total))
    for i, v in enumerate(vals):
        o.w("          - {id: r%d, name: 第%d项, values: [%s]}\n" % (i, i, money(v)))
    o.w("identities:\n")
    o.w("  - label: 合计 = 各项之和\n    left: {figure: ftotal}\n    right: {table: t1, lines: {}}\n")
    for i in range(n):
        j = (i * 7919 + 1) % n      # a figure far away: no locality
        if i % 2:
            o.w("  - {label: 第%d项 = 表1, left: {figure: f%d}, right: {table: t1, row: r%d}}\n"
                % (i, i, i))
        else:
            o.w("  - {label: 第%d项 + 第%d项, left: [{figure: f%d}, {figure: f%d, field: change}], "
                "right: [{table: t1, row: r%d}, {figure: f%d, field: change}]}\n"
                % (i, j, i, j, i, j))


# ---- (5) one paragraph of 15.9 MB ----------------------------------------------------

PROSE = ("按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。收支总预算3676.98万元，"
         "较上年增加160.81万元，增长4.57%，主要原因是政策性增资以及增人因素调整预算；"
         "二是增加机关事业单位职业年金缴费支出（详见公开01表、公开02表）。"
         "Budget 2021: income and expenditure are balanced, see table 1. ")


def hostile_text(n):
    """About n bytes of one paragraph: prose, with runs that line breaking
    finds hard (closing punctuation that may not start a line, opening
    brackets that may not end one, an unbroken Latin word, spaces, tabs,
    zero-width and combining characters)."""
    pieces = []
    got = 0
    runs = ["。" * 20000, "（" * 20000, "x" * 200000, " " * 50000, "\u200b" * 10000,
            "e\u0301" * 20000, "１２３４５６７８９０" * 3000, "—" * 20000, "「」" * 10000,
            "\t" * 1000]
    k = 0
    while got < n:
        piece = PROSE * 200 if k % 2 == 0 else runs[(k // 2) % len(runs)]
        k += 1
        b = len(piece.encode("utf-8"))
        if got + b > n:
            piece = piece.encode("utf-8")[: n - got].decode("utf-8", "ignore")
            b = len(piece.encode("utf-8"))
            if not b:
                break
        pieces.append(piece)
        got += b
    return "".join(pieces)


@shape("text", "(5) one paragraph of ~15.9 MB (prose with runs of closing punctuation, "
       "opening brackets, a 200 KB word, spaces, zero-width and combining marks)")
def text(o, size, year):
    header(o, "text", size, year)
    o.w("narrative:\n  - id: part1\n    title: 第一部分 部门概况\n    paragraphs:\n      - \"")
    tail = ("\"\ntables:\n  - id: t1\n    label: 表1\n    title: 一表\n    kind: one\n"
            "    name_title: 项目\n    columns:\n      - {key: amount, title: 金额, type: amount}\n"
            "    rows:\n      - {name: 合计, values: [1.00]}\n")
    o.w(hostile_text(size - o.size - len(tail.encode()) - 16))
    o.w(tail)


# ---- (6) deep trees and long codes --------------------------------------------------

def chain_code(j, depth):
    """Chain j's code at depth d (1-based): a distinct 6-digit start, one
    more digit per level, at most 32 bytes (the nesting limit of codes)."""
    base = "%06d" % j
    return base[: min(depth, 6)] if depth <= 6 else base + "".join(
        str((j + k) % 10) for k in range(depth - 6))


@shape("deep", "(6) the deepest trees budget reads: code chains nested 32 levels by nest: code "
       "(codes of 1..32 bytes) and rows nested 30 levels by children, as deep as YAML's 64 allow")
def deep(o, size, year):
    header(o, "deep", size, year)
    # Table 1: chains "0", "00", ..., "000000", "000000x", ... 32 levels.
    # Chains share their first digits, so the top levels have many children.
    budget = (size - 4000) // 2
    rows = []
    got = 0
    j = 0
    seen = set()
    while got < budget:
        for d in range(1, 33):
            c = chain_code(j, d)
            if c in seen:
                continue
            seen.add(c)
            line = '          - {code: "%s", name: 层%d, values: [%s]}\n'
            rows.append((c, d))
            got += len(line) + 20
        j += 1
    codes = [c for c, _ in rows]
    up = nest_by_code(codes)
    val = subtree_sums(up, lambda i: 100)
    total = sum(v for v, p in zip(val, up) if p < 0)
    o.w("tables:\n  - id: t1\n    label: 表1\n    title: 深层科目\n    kind: deep_code\n"
        "    total: total\n    code_title: 编码\n    name_title: 名称\n    nest: code\n"
        "    columns:\n      - {key: amount, title: 金额, type: amount}\n"
        "    rows:\n      - id: total\n        name: 合计\n        values: [%s]\n"
        "        children:\n" % money(total))
    for (c, d), v in zip(rows, val):
        o.w('          - {code: "%s", name: 层%d, values: [%s]}\n' % (c, d, money(v)))
    # Table 2: chains of rows nested by `children`, each as deep as the
    # reader's limit of 64 YAML levels allows (a row level takes two): 30
    # levels load, 31 are refused.
    levels = 30
    o.w("  - id: t2\n    label: 表2\n    title: 深层子行\n    kind: deep_children\n"
        "    name_title: 名称\n    columns:\n      - {key: amount, title: 金额, type: amount}\n"
        "    rows:\n")
    start = o.size
    chains = 0
    chain_bytes = None
    while chain_bytes is None or o.size + chain_bytes < size - 200:
        for d in range(levels):
            ind = "      " + "    " * d
            o.w("%s- name: 第%d层\n%s  values: [1.00]\n" % (ind, d, ind))
            if d < levels - 1:
                o.w("%s  children:\n" % ind)
        chains += 1
        chain_bytes = (o.size - start) // chains


@shape("deep-refused", "(6) rows nested 100 levels by children: beyond the reader's 64 YAML "
       "levels, refused (codes cannot nest 100 levels: a code has at most 32 bytes)")
def deep_refused(o, size, year):
    header(o, "deep-refused", size, year)
    # first a harmless table filling the size, so that the refusal comes
    # after the reader has done real work
    n = max(1, (size - 30000) // 40)
    o.w("tables:\n  - id: t0\n    label: 表0\n    title: 铺垫\n    kind: padding\n"
        "    name_title: 名称\n    columns:\n      - {key: amount, title: 金额, type: amount}\n"
        "    rows:\n")
    for i in range(n):
        o.w("      - {name: 行%d, values: [1.00]}\n" % i)
    o.w("  - id: t1\n    label: 表1\n    title: 太深\n    kind: too_deep\n"
        "    name_title: 名称\n    columns:\n      - {key: amount, title: 金额, type: amount}\n"
        "    rows:\n")
    for d in range(100):
        ind = "      " + "  " * d
        o.w("%s- name: 第%d层\n%s  values: [1.00]\n%s  children:\n" % (ind, d, ind, ind))
    o.w("%s  - {name: 底, values: [1.00]}\n" % ("      " + "  " * 100))


@shape("longcode", "(6) the longest codes budget takes (32 bytes, CLASSIFY_MAX_CODE), "
       "sharing 31-byte prefixes, nested a level under each 31-byte code")
def longcode(o, size, year):
    header(o, "longcode", size, year)
    codes = []
    got = 0
    k = 0
    while got < size - 4000:
        stem = ("%010d" % k) + "7" * 21      # 31 bytes, distinct per k
        codes.append(stem)
        for d in range(10):
            codes.append(stem + str(d))     # 32 bytes
        got += 11 * 65
        k += 1
    up = nest_by_code(codes)
    val = subtree_sums(up, lambda i: 100)
    total = sum(v for v, p in zip(val, up) if p < 0)
    o.w("tables:\n  - id: t1\n    label: 表1\n    title: 长编码\n    kind: long_code\n"
        "    total: total\n    code_title: 编码\n    name_title: 名称\n    nest: code\n"
        "    columns:\n      - {key: amount, title: 金额, type: amount}\n"
        "    rows:\n      - id: total\n        name: 合计\n        values: [%s]\n"
        "        children:\n" % money(total))
    for i, (c, v) in enumerate(zip(codes, val)):
        o.w('          - {code: "%s", name: 项%d, values: [%s]}\n' % (c, i, money(v)))


@shape("longcode-refused", "(6) codes of ~1 MB each: over the 32-byte limit, refused")
def longcode_refused(o, size, year):
    header(o, "longcode-refused", size, year)
    n = 8
    clen = (size - 4000) // n
    o.w("tables:\n  - id: t1\n    label: 表1\n    title: 太长的编码\n    kind: long_code\n"
        "    code_title: 编码\n    name_title: 名称\n    nest: code\n"
        "    columns:\n      - {key: amount, title: 金额, type: amount}\n    rows:\n")
    for i in range(n):
        o.w('      - {code: "%s", name: 项%d, values: [1.00]}\n' % (str(i % 10) * clen, i))


# ---- (7) many tables ---------------------------------------------------------------------

def tables_doc(o, size, year, refs):
    narrative = None
    per = 300 if not refs else 520
    n = max(2, (size - 2000) // per)
    # the prior year (any other year than 2021) renames every table, so
    # tables pair by kind, not by id
    prefix = "t" if year == 2021 else "p%d_" % year
    header(o, "tables-refs" if refs else "tables", size, year)
    if refs:
        o.w("narrative:\n  - id: part1\n    title: 各表\n    see: [%s]\n    figures:\n"
            % ", ".join("表%d" % i for i in range(0, n, 97)))
        for i in range(n):
            o.w("      - {id: f%d, label: 表%d合计, value: %s, ref: {table: 表%d, row: total}}\n"
                % (i, i, money(2 * (100 + i % 50 + (year - 2021))), i))
    o.w("tables:\n")
    for i in range(n):
        a = 100 + i % 50 + (year - 2021)
        o.w("  - id: %s%d\n    label: 表%d\n    title: 小表%d\n    kind: k%d\n"
            "    total: total\n    name_title: 项目\n"
            "    columns:\n      - {key: amount, title: 金额, type: amount}\n"
            "    rows:\n      - id: total\n        name: 合计\n        values: [%s]\n"
            "        children:\n          - {name: 甲, values: [%s]}\n"
            "          - {name: 乙, values: [%s]}\n"
            % (prefix, i, i, i, i, money(2 * a), money(a), money(a)))
    if refs:
        o.w("identities:\n")
        for i in range(n):
            o.w("  - {label: 表%d合计, left: {table: 表%d, row: total}, right: {table: %s%d, lines: {}}}\n"
                % (i, i, prefix, i))


@shape("tables", "(7) many small tables (~48,000 at 16 MiB), renamed in other years "
       "so that --compare pairs them by kind")
def tables(o, size, year):
    tables_doc(o, size, year, False)


@shape("tables-refs", "(7) many small tables named by a figure and an identity each "
       "(by label and by id) and by see:")
def tables_refs(o, size, year):
    tables_doc(o, size, year, True)


# ---- beyond the seven: other lists the loader keeps -----------------------------------

@shape("texts", "(extra) a table declaring 100,000s of text fields, rows carrying many of them")
def texts(o, size, year):
    header(o, "texts", size, year)
    n = max(2, (size - 2000) // 80)
    o.w("tables:\n  - id: t1\n    label: 表1\n    title: 项目\n    kind: texts\n    texts:\n")
    for i in range(n):
        o.w("      - {key: x%d, title: 文%d}\n" % (i, i))
    o.w("    name_title: 项目\n    columns:\n      - {key: amount, title: 金额, type: amount}\n"
        "    rows:\n      - name: 项目\n        values: [1.00]\n")
    for i in range(n - 1, max(-1, n - 1 - n // 2), -1):   # the last declared first
        o.w("        x%d: 内容\n" % i)


@shape("sides", "(extra) one table with 100,000s of sides")
def sides(o, size, year):
    header(o, "sides", size, year)
    n = max(2, (size - 2000) // 150)
    o.w("tables:\n  - id: t1\n    label: 表1\n    title: 多侧\n    kind: sides\n    sides:\n")
    for i in range(n):
        o.w("      - {id: s%d, title: 侧%d, name_title: 项目, columns: [{key: amount, title: 金额, "
            "type: amount}], rows: [{name: 合计, values: [1.00]}]}\n" % (i, i))


# FNV-1a (strmap.c's hash) keeps its low bits to itself: the low k bits of
# the state after a byte depend only on the low k bits before it.  Two
# blocks that take the same state to states equal in their low MASK bits
# can be chosen freely after one another, so j such pairs give 2^j keys
# whose hashes agree in those bits: one slot of a table of up to 2^24
# slots, one cluster under linear probing.
MASK = (1 << 24) - 1


def fnv(s, h=2166136261):
    for c in s.encode():
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def colliding_blocks(j, length=5):
    """j pairs of distinct [a-z] blocks, pair i agreeing in the low MASK bits
    from the state after any choice of the blocks before it; found by a
    seeded birthday search, so the same every run."""
    import random
    rng = random.Random(1)
    letters = "abcdefghijklmnopqrstuvwxyz"
    h = fnv("h")          # every key starts with "h"
    pairs = []
    while len(pairs) < j:
        seen = {}
        while True:
            b = "".join(rng.choice(letters) for _ in range(length))
            x = fnv(b, h)
            if (x & MASK) in seen and seen[x & MASK][0] != b:
                pairs.append((seen[x & MASK][0], b))
                h = x
                break
            seen[x & MASK] = (b, x)
    return pairs


FNV_PAIRS = None


@shape("hashflood", "(extra) column keys and row ids whose FNV-1a hashes (strmap.c's) agree "
       "in their low 24 bits: one cluster for a table that neither seeds nor mixes its hash")
def hashflood(o, size, year):
    global FNV_PAIRS
    header(o, "hashflood", size, year)
    if FNV_PAIRS is None:
        FNV_PAIRS = colliding_blocks(18)
    klen = 1 + 5 * len(FNV_PAIRS)
    n = max(4, min(1 << len(FNV_PAIRS), (size - 2000) // (klen + 45)))
    keys = ["h" + "".join(p[(i >> b) & 1] for b, p in enumerate(FNV_PAIRS)) for i in range(n)]
    half = n // 2
    # table 1: colliding column keys, one row
    o.w("tables:\n  - id: t1\n    label: 表1\n    title: 同哈希列\n    kind: hashflood_columns\n"
        "    name_title: 项目\n    columns:\n")
    for k in keys[:half]:
        o.w("      - {key: %s, title: 列, type: amount}\n" % k)
    o.w("    rows:\n      - {name: 行, values: [%s]}\n" % ",".join(["1"] * half))
    # table 2: colliding row ids
    o.w("  - id: t2\n    label: 表2\n    title: 同哈希行\n    kind: hashflood_rows\n"
        "    name_title: 项目\n    columns:\n      - {key: amount, title: 金额, type: amount}\n"
        "    rows:\n")
    for k in keys[half:]:
        o.w("      - {id: %s, name: 行, values: [1]}\n" % k)


def generate(name, size, year):
    """The shape at most `size` bytes and within 3% of it: the shapes
    estimate their counts from the size, so a few rounds correct them."""
    best, want = None, size
    for _ in range(5):
        o = Out()
        SHAPES[name][0](o, want, year)
        data = o.text().encode("utf-8")
        if len(data) <= size and (best is None or len(data) > len(best)):
            best = data
        if best is not None and len(best) >= 0.97 * size:
            break
        want = max(1, int(want * size / max(1, len(data)) * (0.995 if len(data) > size else 1.0)))
    return best if best is not None else data


def write(name, size, year, path):
    data = generate(name, size, year)
    if path == "-":
        sys.stdout.buffer.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


def main(argv):
    size, year, outdir, args = DEFAULT_SIZE, 2021, None, []
    it = iter(argv)
    for a in it:
        if a == "--list":
            for name, (_, doc) in SHAPES.items():
                print("%-16s %s" % (name, doc))
            return 0
        if a.startswith("--size"):
            size = int(a.split("=", 1)[1] if "=" in a else next(it))
        elif a.startswith("--year"):
            year = int(a.split("=", 1)[1] if "=" in a else next(it))
        elif a.startswith("--dir"):
            outdir = a.split("=", 1)[1] if "=" in a else next(it)
        else:
            args.append(a)
    if outdir is not None and args == ["all"]:
        args = list(SHAPES)
    if (outdir is None and len(args) != 2) or (outdir is not None and not args) or \
            any(a not in SHAPES for a in (args[:1] if outdir is None else args)):
        sys.stderr.write(__doc__.split("\n\n")[1] + "\nshapes: %s\n" % " ".join(SHAPES))
        return 2
    if outdir is None:
        write(args[0], size, year, args[1])
    else:
        import os
        os.makedirs(outdir, exist_ok=True)
        for name in args:
            write(name, size, year, os.path.join(outdir, name + ".yaml"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
