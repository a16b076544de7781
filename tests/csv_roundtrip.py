#!/usr/bin/env python3
"""CSV round trip.  For each of the 14 tables of data/budget.yaml, the output
of `budget --print=N --format=csv` must parse back with the csv module to the
rows of the text snapshot `budget --print=N`, in its order, with the same
figures and texts; its level column must match the snapshot's indentation and
its parent column must rebuild a consistent tree.  The TSV export must hold
the same records, and the long-form `--print=all --format=csv` the same cells.

Compared with the prior year (tables 3 and 10 against the synthetic 2019
fixture, table 12 against the figures the document states), the output of
`budget --print=N --format=csv --compare[=OLD]` must hold the rows of
`budget --print=N --compare[=OLD]`, one record per line in its order, with
the same figures, an empty field for each "—", the same match marks, and
the dropped prior rows (取消) last without parent or level; the long form
of `--print=all --compare=OLD` must hold the cells of the 14 compared
exports.

Run from the repository root, after `make budget`.  Exit status 1 on any
mismatch, with one line per problem."""
import csv
import io
import os
import re
import subprocess
import sys

BUDGET = os.environ.get("BUDGET", "./budget")
DATA = sys.argv[1] if len(sys.argv) > 1 else "data/budget.yaml"
TABLES = range(1, 15)
AMOUNT = re.compile(r"^-?\d+\.\d\d$")
# An amount as the snapshot prints it, not part of a longer number.
AMOUNT_TOKEN = re.compile(r"(?<![\d.])-?\d+\.\d\d(?![\d.])")
STRUCTURE = ["row", "parent", "level", "code", "name"]
TEXTS = {"content", "goals", "note"}
ENV = dict(os.environ, LC_ALL="C.UTF-8")

problems = []


def problem(table, message):
    problems.append("表%s: %s" % (table, message))


PRIOR = "tests/fixtures/prior-2019.yaml"
COMPARED = [(3, PRIOR), (10, PRIOR), (12, None)]
COMPARED_NAMES = ["本年", "上年", "增减", "增减率", "说明"]
MARKS = {"按名称", "新增", "取消"}


def run(*args):
    return subprocess.run([BUDGET, *args, DATA], capture_output=True,
                          check=True, env=ENV).stdout


def compare_opt(old):
    return "--compare=" + old if old else "--compare"


def parse_csv(raw, table):
    """Records of a CSV export, after checking its encoding and line ends."""
    if raw.startswith(b"\xef\xbb\xbf"):
        problem(table, "the CSV starts with a byte-order mark")
    if not raw.endswith(b"\r\n"):
        problem(table, "the CSV does not end with CRLF")
    text = raw.decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


def snapshot_lines(table):
    """The text snapshot's lines below the rule under the column headings."""
    lines = run("--print=%d" % table).decode("utf-8").splitlines()
    rule = next(i for i, l in enumerate(lines) if l and set(l) == {"-"})
    return lines[rule + 1:]


def tokens(line, name):
    """The amounts a snapshot line shows, leaving out its name."""
    if name:
        line = line.replace(name, " ", 1)
    return AMOUNT_TOKEN.findall(line)


def check_table(table):
    records = parse_csv(run("--print=%d" % table, "--format=csv"), table)
    header, rows = records[0], records[1:]
    if header[:5] != STRUCTURE:
        problem(table, "header starts %r, not %r" % (header[:5], STRUCTURE))
        return None
    for r in records:
        if len(r) != len(header):
            problem(table, "record %r has %d fields, header %d" % (r, len(r), len(header)))
            return None
    data_cols = [i for i, h in enumerate(header) if i >= 5 and h not in TEXTS]
    lines = snapshot_lines(table)
    at, base = 0, None
    for n, r in enumerate(rows, 1):
        if r[0] != str(n):
            problem(table, "record %d is numbered %s" % (n, r[0]))
        name, level = r[4], int(r[2])
        amounts = [r[i] for i in data_cols if AMOUNT.match(r[i])]
        texts = [r[i] for i in data_cols if r[i] and not AMOUNT.match(r[i])]
        # The next snapshot line showing this row; lines skipped on the way
        # are paragraphs (content, goals, notes) and show no amounts.
        while at < len(lines) and not (name in lines[at] and
                                       tokens(lines[at], name) == amounts):
            if tokens(lines[at], None):
                problem(table, "snapshot line %r has no CSV record (next record: %r)"
                        % (lines[at], r))
                return None
            at += 1
        if at == len(lines):
            problem(table, "CSV record %r: no snapshot line shows it" % r)
            return None
        line = lines[at]
        at += 1
        if r[3] and not line.startswith(r[3]):
            problem(table, "row %d: code %s is not at the start of %r" % (n, r[3], line))
        for t in texts:
            if t not in line:
                problem(table, "row %d: text %r is not on its line %r" % (n, t, line))
        indent = line.index(name) - 2 * level if name else None
        if indent is not None:
            base = indent if base is None else base
            if indent != base:
                problem(table, "row %d (%s): level %d does not match its indentation"
                        % (n, name, level))
    for line in lines[at:]:
        if tokens(line, None):
            problem(table, "snapshot line %r has no CSV record" % line)
    check_tree(table, rows)
    check_tsv(table, records)
    return header, rows


def check_tree(table, rows):
    """parent names a row one level up; a parent comes before its children,
    or after all of them (a total printed below its items)."""
    for n, r in enumerate(rows, 1):
        level = int(r[2])
        if not r[1]:
            if level != 0:
                problem(table, "row %d: level %d but no parent" % (n, level))
            continue
        p = int(r[1])
        if not 1 <= p <= len(rows) or int(rows[p - 1][2]) != level - 1:
            problem(table, "row %d: parent %s is not a row one level up" % (n, r[1]))
            continue
        kids = [k for k, c in enumerate(rows, 1) if c[1] == r[1]]
        if not (p < min(kids) or p > max(kids)):
            problem(table, "row %d: parent %d sits among its children" % (n, p))


def check_tsv(table, records):
    raw = run("--print=%d" % table, "--format=tsv")
    got = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""),
                          delimiter="\t", quoting=csv.QUOTE_NONE))
    want = [[re.sub(r"[\t\r\n]", " ", f) for f in r] for r in records]
    if got != want:
        problem(table, "the TSV export differs from the CSV export")


def check_long_form(tables):
    records = parse_csv(run("--print=all", "--format=csv"), "all")
    if records[0] != ["table"] + STRUCTURE + ["column", "value"]:
        problem("all", "long-form header is %r" % records[0])
        return
    want = []
    for table, (header, rows) in tables.items():
        for r in rows:
            for i in range(5, len(header)):
                if header[i] not in TEXTS or r[i]:
                    want.append([str(table)] + r[:5] + [header[i], r[i]])
    if records[1:] != want:
        problem("all", "the long form does not hold the cells of the 14 table exports")


def compared_lines(table, old):
    """The compared text snapshot: its title line and the lines below the
    rule, less the summary line at the end."""
    lines = run("--print=%d" % table, compare_opt(old)).decode("utf-8").splitlines()
    rule = next(i for i, l in enumerate(lines) if l and set(l) == {"-"})
    return lines[0], lines[rule + 1:-1]


def compared_record(table, n, r, line):
    """One compared record against its snapshot line."""
    name, values, mark = r[4], r[5:9], r[9]
    if name not in line or (r[3] and not line.startswith(r[3])):
        problem(table, "compared row %d %r: line %r does not show it" % (n, r, line))
        return
    rest = line.replace(name, " ", 1)
    want = [v.lstrip("+").rstrip("%") for v in values if v]
    if tokens(line, name) != want:
        problem(table, "compared row %d: figures %r, snapshot line %r" % (n, values, line))
    if rest.count("—") != values.count(""):
        problem(table, "compared row %d: %d empty values, %d dashes on %r"
                % (n, values.count(""), rest.count("—"), line))
    shown = rest.split()[-1] if rest.split()[-1] in MARKS else ""
    if mark != shown:
        problem(table, "compared row %d: mark %r, snapshot shows %r" % (n, mark, shown))
    if (mark == "取消") != (r[1] == "" and r[2] == ""):
        problem(table, "compared row %d: only a dropped row (取消) has no parent "
                "and no level" % n)


def check_compared(table, old):
    """--format=csv --compare against --compare, record by line."""
    raw = run("--print=%d" % table, "--format=csv", compare_opt(old))
    records = parse_csv(raw, table)
    header, rows = records[0], records[1:]
    title, lines = compared_lines(table, old)
    column = title.split("（与上年对比：")[1].rstrip("）")
    want = STRUCTURE + ["%s %s" % (column, h) for h in COMPARED_NAMES[:4]] + ["说明"]
    if header != want:
        problem(table, "compared header %r, not %r" % (header, want))
        return None
    if len(rows) != len(lines):
        problem(table, "%d compared records for %d snapshot lines" % (len(rows), len(lines)))
        return None
    base, dropped = None, False
    for n, (r, line) in enumerate(zip(rows, lines), 1):
        if r[0] != str(n):
            problem(table, "compared record %d is numbered %s" % (n, r[0]))
        if dropped and r[9] != "取消":
            problem(table, "compared row %d comes after a dropped row" % n)
        dropped = r[9] == "取消"
        compared_record(table, n, r, line)
        if r[2] and r[4]:
            indent = line.index(r[4]) - 2 * int(r[2])
            base = indent if base is None else base
            if indent != base:
                problem(table, "compared row %d: level does not match its indentation" % n)
    check_tree(table, [r for r in rows if r[9] != "取消"])
    tsv = run("--print=%d" % table, "--format=tsv", compare_opt(old)).decode("utf-8")
    if list(csv.reader(io.StringIO(tsv, newline=""), delimiter="\t",
                       quoting=csv.QUOTE_NONE)) != records:
        problem(table, "the compared TSV export differs from the compared CSV export")
    return rows


def check_compared_long_form(old):
    """The long form holds the cells of every table's compared export."""
    records = parse_csv(run("--print=all", "--format=csv", compare_opt(old)), "all")
    want = []
    for table in TABLES:
        rec = parse_csv(run("--print=%d" % table, "--format=csv", compare_opt(old)), table)
        for r in rec[1:]:
            for h, v in zip(rec[0][5:], r[5:]):
                want.append([str(table)] + r[:5] + [h, v])
    if records[1:] != want:
        problem("all", "the compared long form does not hold the 14 compared exports")


def main():
    exported = {}
    for table in TABLES:
        result = check_table(table)
        if result:
            exported[table] = result
    if len(exported) == len(TABLES):
        check_long_form(exported)
    ncompared = 0
    for table, old in COMPARED:
        ncompared += len(check_compared(table, old) or [])
    check_compared_long_form(PRIOR)
    for p in problems:
        print("csv_roundtrip: " + p)
    nrows = sum(len(rows) for _, rows in exported.values())
    print("csv_roundtrip: %d tables, %d rows, %d compared rows in %d tables, %d problems"
          % (len(exported), nrows, ncompared, len(COMPARED), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
