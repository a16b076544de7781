#!/bin/sh
# --width keeps its promise: for every table of every document in data/ at
# widths 40, 60, 80 and 100, no line is wider, and every amount of the
# full-width output is printed whole or its column is named as not shown
# (tests/widths.py says how it tells).
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
BUDGET="$BUDGET" python3 tests/widths.py
