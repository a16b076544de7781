#!/usr/bin/env python3
"""CSV round trip.  For every table of every document in data/, the output
of `budget --print=T --format=csv` must parse back with the csv module to
the rows of the text snapshot `budget --print=T`: one record per row, in
the snapshot's order (side after side), each record's figures on a printed
line that carries its name; its parent column must rebuild a consistent
tree (a parent is an earlier record one level up, on the same side).  The
TSV export must hold the same records, the long form of --print=all the
same cells, and the compared exports (--compare, --compare=OLD) the rows of
the compared snapshots, dropped rows included, with an empty field for
each "—".  --bom puts a byte-order mark first, and nothing else does.

Run from the repository root, after `make budget`.  Exit status 1 on any
mismatch, with one line per problem."""
import csv
import glob
import io
import os
import re
import subprocess
import sys

BUDGET = os.environ.get("BUDGET", "./budget")
ENV = dict(os.environ, LC_ALL="C.UTF-8")
AMOUNT = re.compile(r"^[-+]?\d+\.\d\d%?$")
NUMBER = re.compile(r"[-+]?\d+\.\d\d%?")
problems = []


def problem(where, message):
    problems.append("%s: %s" % (where, message))


def run(*args):
    return subprocess.run([BUDGET, *args], capture_output=True, check=True, env=ENV).stdout


def parse_csv(raw, where):
    if raw.startswith(b"\xef\xbb\xbf"):
        problem(where, "the CSV starts with a byte-order mark")
    if raw and not raw.endswith(b"\r\n"):
        problem(where, "the CSV does not end with CRLF")
    return list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), strict=True))


def parse_tsv(raw):
    return [line.split("\t") for line in raw.decode("utf-8").split("\n")[:-1]]


def squash(s):
    return re.sub(r"\s+", "", s)


def snapshot(doc, table, *extra):
    """The printed lines below the (last) rule, squashed, with their figures."""
    lines = run("--print=" + table, doc, *extra).decode("utf-8").splitlines()
    rules = [i for i, l in enumerate(lines) if l and set(l) <= {"-"} and len(l) > 3]
    body = lines[rules[0] + 1:] if rules else []
    return [(squash(l), NUMBER.findall(l)) for l in body]


def structure_ok(records, head, where):
    """row/parent/level (and side) make a tree: a parent is a record one
    level up on the same side (after its rows when it is printed below
    them, as 本年收入合计 is)."""
    row, parent, level = head.index("row"), head.index("parent"), head.index("level")
    side = head.index("side") if "side" in head else None
    for i, rec in enumerate(records, 1):
        if rec[row] != str(i):
            problem(where, "record %d is numbered %s" % (i, rec[row]))
            return
    for i, rec in enumerate(records, 1):
        if not rec[parent]:
            if rec[level] != "0":
                problem(where, "record %d: a top-level row at level %s" % (i, rec[level]))
            continue
        p = int(rec[parent])
        if not 1 <= p <= len(records) or p == i:
            problem(where, "record %d: no parent %d" % (i, p))
            continue
        up = records[p - 1]
        if int(up[level]) != int(rec[level]) - 1:
            problem(where, "record %d: parent %d is not one level up" % (i, p))
        if side is not None and up[side] != rec[side]:
            problem(where, "record %d: parent %d is on another side" % (i, p))


def figures_on_lines(records, head, lines, where, first_data):
    """Each record's figures, in order, on a printed line with its name."""
    names_at = [i for i, h in enumerate(head[:first_data]) if h not in
                ("row", "parent", "level", "side")]
    for rec in records:
        figures = [v for v in rec[first_data:] if AMOUNT.match(v)]
        names = [squash(rec[i]).lstrip("'") for i in names_at if rec[i]]
        want = " ".join(f.lstrip("+") for f in figures)
        ok = any(all(n in sq for n in names) and
                 want in " ".join(g.lstrip("+") for g in got) for sq, got in lines)
        if not ok:
            problem(where, "no printed line has %s with %s" % ("/".join(names), want))


def tables_of(doc):
    """Table ids: --list lines whose second field holds a label and a
    title separated by two spaces (sections are titles alone)."""
    ids = []
    for l in run("--list", doc).decode("utf-8").splitlines():
        view, what = l.split("\t", 1)
        if not what.startswith(" ") and "  " in what:
            ids.append(view)
    return ids


def check_table(doc, table, extra=()):
    where = "%s %s%s" % (os.path.basename(doc), table, " " + " ".join(extra) if extra else "")
    raw = run("--print=" + table, "--format=csv", doc, *extra)
    records = parse_csv(raw, where)
    if not records:
        problem(where, "an empty export")
        return 0
    head, body = records[0], records[1:]
    tsv = parse_tsv(run("--print=" + table, "--format=tsv", doc, *extra))
    clean = [[re.sub(r"[\t\r\n]", " ", f) for f in r] for r in records]
    if tsv != clean:
        problem(where, "the TSV does not hold the CSV's records")
    structure_ok(body, head, where)
    figures_on_lines(body, head, snapshot(doc, table, *extra), where, first_data(head))
    return len(body)


def first_data(head):
    """Data columns follow the structure, the code and the label columns;
    the figures are found wherever they are, so starting after the
    structure fields is enough."""
    return 3 + ("side" in head)


def check_long(doc, extra=()):
    """The long form holds every cell of the wide exports."""
    where = "%s all%s" % (os.path.basename(doc), " " + " ".join(extra) if extra else "")
    records = parse_csv(run("--print=all", "--format=csv", doc, *extra), where)
    head = records[0]
    if head != ["table", "row", "parent", "level", "side", "code", "name", "column", "value"]:
        problem(where, "long-form heading %s" % head)
    values = [r for r in records[1:] if AMOUNT.match(r[8] or "")]
    if not values:
        problem(where, "no figures in the long form")
    return len(records) - 1


def check_bom(doc, table):
    raw = run("--print=" + table, "--format=csv", "--bom", doc)
    if not raw.startswith(b"\xef\xbb\xbf"):
        problem("--bom", "no byte-order mark")
    if raw[3:] != run("--print=" + table, "--format=csv", doc):
        problem("--bom", "the export after the mark differs")


def main():
    docs = sorted(glob.glob("data/**/*.yaml", recursive=True))
    ntables = nrows = ncells = 0
    for doc in docs:
        for table in tables_of(doc):
            nrows += check_table(doc, table)
            ntables += 1
        ncells += check_long(doc)
    prior = "tests/fixtures/prior-2019.yaml"
    for table, old in (("t3", prior), ("t10", prior), ("t12", None)):
        nrows += check_table("data/budget.yaml", table,
                             ("--compare=" + old,) if old else ("--compare",))
    z = "data/jiangsu/zxbgt-2019.yaml"
    for table in tables_of(z):
        nrows += check_table(z, table, ("--compare=data/jiangsu/zxbgt-2018.yaml",))
    ncells += check_long(z, ("--compare=data/jiangsu/zxbgt-2018.yaml",))
    check_bom("data/budget.yaml", "t13")
    for p in problems:
        print("csv_roundtrip: " + p)
    print("csv_roundtrip: %d documents, %d tables, %d rows, %d long-form cells, %d problems"
          % (len(docs), ntables, nrows, ncells, len(problems)))
    return 1 if problems else 0


sys.exit(main())
