#!/usr/bin/env python3
"""Source oracle for the Jiangsu budgets in data/jiangsu/: every amount of
every table line of the source text (pdftotext -layout of the PDF) appears,
in the order the source prints it, on one printed line of
`budget --print=公开NN表` of the transcribed file, and that line carries the
names.  Two and three sides printed side by side are one line
in both.  Reads ../shared/sources/jiangsu/ beside the repository.

Usage: oracle_jiangsu.py DOC.yaml SOURCE.txt [SOURCE.txt ...]"""
import os
import re
import subprocess
import sys

BUDGET = os.environ.get("BUDGET", "./budget")
TABLE = re.compile(r"^\s*公开\s*(\d\d)\s*表")
AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d\d(?![\d.])|(?<![\d.,])\d+\.\d\d(?![\d.])")
ZERO = re.compile(r"(?<![\d.,])0(?![\d.,])")
END = re.compile(r"第三部分")


def squash(s):
    return re.sub(r"\s+", "", s)


def source_lines(paths):
    """(table number, line) for every line of the sources' table pages."""
    table = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                m = TABLE.match(line)
                if m:
                    table = int(m.group(1))
                    continue
                if END.search(line) and table:
                    table = 0
                if table:
                    yield table, line


def amounts_of(line):
    found = [(m.start(), m.group().replace(",", "")) for m in AMOUNT.finditer(line)]
    # A table cell printed as a bare 0 (公开10表 合计 0) stands for 0.00.
    if not found and re.search(r"合\s*计", line):
        found = [(m.start(), "0.00") for m in ZERO.finditer(line)]
    return [a for _, a in sorted(found)]


def names_of(line):
    """The names on a line: its chunks (split at runs of spaces) that hold
    Chinese, without the figures."""
    names = []
    for chunk in re.split(r"\s{2,}", line.strip()):
        chunk = squash(AMOUNT.sub("", chunk))
        if re.search(r"[\u4e00-\u9fff]", chunk):
            names.append(chunk)
    return names


def printed(doc, table):
    label = "公开%02d表" % table
    out = subprocess.run([BUDGET, "--print=" + label, doc], capture_output=True, text=True,
                         env=dict(os.environ, LC_ALL="C.UTF-8"))
    if out.returncode:
        return None
    return [(squash(l), [a for a in re.findall(r"-?\d+\.\d\d", l)]) for l in out.stdout.splitlines()]


def main():
    doc, sources = sys.argv[1], sys.argv[2:]
    cache = {}
    checked = failed = 0
    for table, line in source_lines(sources):
        want = amounts_of(line)
        # Page numbers and footers are not figures.
        if not want or re.fullmatch(r"\s*-?\s*\d+\s*-?\s*", line):
            continue
        if table not in cache:
            cache[table] = printed(doc, table)
        lines = cache[table]
        checked += 1
        names = names_of(line)
        # A merged cell (a group label printed once beside several rows)
        # stands on one printed line of its group: each name is on the
        # line or, merged, on another line of the table.
        whole = "".join(sq for sq, _ in lines or [])
        ok = lines is not None and all(n in whole for n in names) and any(
            (not names or any(n in sq for n in names)) and " ".join(want) in " ".join(got)
            for sq, got in lines)
        if not ok:
            failed += 1
            print("%s 公开%02d表: no printed line has %s with %s"
                  % (os.path.basename(doc), table, " ".join(names) or "(no name)",
                     " ".join(want)))
    print("%s: %d source lines checked, %d passed, %d failed"
          % (os.path.basename(doc), checked, checked - failed, failed))
    return 1 if failed or checked < 40 else 0


sys.exit(main())
