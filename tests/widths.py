#!/usr/bin/env python3
"""--width keeps its promise.  For every table of every document in data/
and each width of 40, 60, 80 and 100 columns, `budget --print=T --width=W`
must print no line wider than W display columns (a character of East Asian
width W or F counts 2), and every amount of the full-width output
(`budget --print=T`) must stand whole in it, unless its column is named on
the "(not shown: ...)" line.

An amount of the full-width output belongs to the data column whose title
(on the line above the rule) ends where it ends: figures and their titles
are right-aligned.  Each such amount must then appear as a whole field in
the narrow output as many times as the columns still shown hold it; a
figure cut to "3676.~" or left out without being named fails.

Run from the repository root, after `make budget`.  Exit status 1 on any
failure, with one line per problem."""
import os
import re
import subprocess
import sys
import unicodedata

BUDGET = os.environ.get("BUDGET", "./budget")
ENV = dict(os.environ, LC_ALL="C.UTF-8")
WIDTHS = (40, 60, 80, 100)
AMOUNT = re.compile(r"^[-+]?\d+\.\d+%?$")
problems = []
checked = 0


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def run(*args):
    p = subprocess.run([BUDGET, *args], capture_output=True, env=ENV)
    if p.returncode != 0:
        problems.append("budget %s: exit %d: %s" % (" ".join(args), p.returncode,
                                                    p.stderr.decode("utf-8", "replace").strip()))
    return p.stdout.decode("utf-8").split("\n")[:-1]


def fields(line, sep):
    """The fields of a line with their display spans [start, end): runs of
    characters between separators (sep: a regex of what separates)."""
    out, pos = [], 0
    for m in re.finditer(r"(.*?)(%s|$)" % sep, line):
        text = m.group(1)
        if text:
            start = pos
            pos += width(text)
            out.append((text, start, pos))
        pos += width(m.group(2))
        if m.end() == len(line):
            break
    return out


def is_rule(line):
    return len(line) > 3 and set(line) == {"-"}


def column_ends(titles):
    """Data column titles by where they end: fields split at two spaces or
    more and at the sides' separators (a title may hold one space)."""
    return {end: text for text, _, end in fields(titles, r" \| |  +")}


def not_shown(lines):
    """The column names of the "(not shown: ...)" line, wrapped or not,
    without their spaces."""
    for i, line in enumerate(lines):
        if line.startswith("(not shown: "):
            text = ""
            for more in lines[i:]:
                text += more
                if more.endswith(")"):
                    break
            text = text[len("(not shown: "):-1]
            return [re.sub(r"\s+", "", n) for n in text.split(",")]
    return []


def amounts(lines):
    """Each amount below the rule, with the title of its column."""
    rule = next(i for i, l in enumerate(lines) if is_rule(l))
    ends = column_ends(lines[rule - 1])
    out = []
    for line in lines[rule + 1:]:
        for text, _, end in fields(line, r"[ |]+"):
            if AMOUNT.match(text) and end in ends:
                out.append((text, ends[end]))
    return out


def named(title, names):
    t = re.sub(r"\s+", "", title)
    return any(n == t or n.endswith("/" + t) for n in names)


def check(doc, table, full):
    global checked
    want = amounts(full)
    for w in WIDTHS:
        where = "%s --print=%s --width=%d" % (doc, table, w)
        out = run("--print=" + table, "--width=%d" % w, doc)
        for n, line in enumerate(out, 1):
            if width(line) > w:
                problems.append("%s: line %d is %d wide: %s" % (where, n, width(line), line))
        names = not_shown(out)
        have = {}
        for line in out:
            for text, _, _ in fields(line, r"[ |]+"):
                have[text] = have.get(text, 0) + 1
        need = {}
        for text, title in want:
            if not named(title, names):
                need.setdefault(text, []).append(title)
        for text, titles in sorted(need.items()):
            if have.get(text, 0) < len(titles):
                problems.append("%s: %s (%s) printed %d times, not %d, and its column "
                                "is not named as left out"
                                % (where, text, titles[0], have.get(text, 0), len(titles)))
        checked += 1


def main():
    docs = sorted(os.path.join(d, f) for d, _, fs in os.walk("data")
                  for f in fs if f.endswith(".yaml"))
    for doc in docs:
        for line in run("--list", doc):
            view = line.split("\t")[0]
            full = run("--print=" + view, doc)
            if any(is_rule(l) for l in full):
                check(doc, view, full)
    for p in problems:
        print("widths: " + p)
    print("widths: %d views at %d widths, %d problems" % (checked // len(WIDTHS),
                                                          len(WIDTHS), len(problems)))
    return 1 if problems or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
