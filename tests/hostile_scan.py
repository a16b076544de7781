#!/usr/bin/env python3
"""tests/hostile_scan.py DIR: the output scan of tests/hostile.sh.

DIR/CASE/MODE.out and DIR/CASE/MODE.err are what one run of budget wrote
on standard output and standard error.  Each must be valid UTF-8 and show
nothing invisible or controlling: no C0 control but LF (and TAB between
the fields of TSV and of --list, CR before LF in CSV), no DEL, no C1
control, no format character (Unicode Cf: bidi controls, zero-width
characters, BOM, soft hyphen, tags, ...), no U+2028 or U+2029.  No text cell of CSV or TSV may
begin with = + - @ (OWASP's formula rule; a figure may be negative).  And
no sanitizer report.

Prints one line per file at fault, CASE<TAB>MODE: what, and exits 1 if any.
"""
import csv
import io
import os
import re
import sys
import unicodedata

NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?%?")
SANITIZER = re.compile(r"ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:|"
                       r"SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer")


def bad_char(text, tab, crlf):
    """The first character that must not reach a terminal, with its index."""
    for i, c in enumerate(text):
        o = ord(c)
        if c == "\n" or (tab and c == "\t"):
            continue
        if crlf and c == "\r" and text[i + 1:i + 2] == "\n":
            continue
        if o < 0x20 or 0x7F <= o <= 0x9F or unicodedata.category(c) in ("Cf", "Zl", "Zp"):
            return i, c
    return None


def formula_cell(text, fmt):
    """The first cell a spreadsheet would take for a formula."""
    if fmt == "csv":
        rows = csv.reader(io.StringIO(text, newline=""))
    else:
        rows = (line.split("\t") for line in text.split("\n"))
    for row in rows:
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@") and not NUMBER.fullmatch(cell):
                return cell
    return None


def scan(path, mode):
    data = open(path, "rb").read()
    for line in data.decode("utf-8", "replace").split("\n"):
        if SANITIZER.search(line):
            return "sanitizer report: " + line.strip()[:200]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return "invalid UTF-8 at byte %d: %r" % (e.start, data[max(0, e.start - 12):e.start + 4])
    fmt = mode.split(".")[0] if mode in ("csv.out", "tsv.out") else None
    hit = bad_char(text, fmt == "tsv" or mode == "list.out", fmt == "csv")
    if hit:
        i, c = hit
        line = text.count("\n", 0, i) + 1
        return "U+%04X (%s %s) on line %d: %r" % (ord(c), unicodedata.category(c),
                                                    unicodedata.name(c, "control"), line,
                                                    text[max(0, i - 12):i + 4])
    if fmt:
        cell = formula_cell(text, fmt)
        if cell is not None:
            return "a %s cell a spreadsheet takes for a formula: %r" % (fmt.upper(), cell[:40])
    return None


def main():
    top = sys.argv[1]
    bad = 0
    for case in sorted(os.listdir(top)):
        for mode in sorted(os.listdir(os.path.join(top, case))):
            why = scan(os.path.join(top, case, mode), mode)
            if why:
                print("%s\t%s: %s" % (case, mode, why))
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
