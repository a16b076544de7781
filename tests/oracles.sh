#!/bin/sh
# Source oracles: every amount of every table of each real document in
# data/ appears on its row of `budget --print`, in the order the source
# prints it.  The sources live in ../shared beside the repository.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
need_shared oracles ../shared/seeds
python3 tests/seed_figures.py
