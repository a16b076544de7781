#!/usr/bin/env python3
"""CSV round trip.  For each of the 14 tables of data/budget.yaml, the output
of `budget --print=N --format=csv` must parse back with the csv module to the
rows of the text snapshot `budget --print=N`, in its order, with the same
figures and texts; its level column must match the snapshot's indentation and
its parent column must rebuild a consistent tree.  The TSV export must hold
the same records, and the long-form `--print=all --format=csv` the same cells.

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


def run(*args):
    return subprocess.run([BUDGET, *args, DATA], capture_output=True,
                          check=True, env=ENV).stdout


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


def main():
    exported = {}
    for table in TABLES:
        result = check_table(table)
        if result:
            exported[table] = result
    if len(exported) == len(TABLES):
        check_long_form(exported)
    for p in problems:
        print("csv_roundtrip: " + p)
    nrows = sum(len(rows) for _, rows in exported.values())
    print("csv_roundtrip: %d tables, %d rows, %d problems" % (len(exported), nrows,
                                                             len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
