#!/bin/sh
# Source oracles: every amount of every table of each real document in
# data/ appears on its row of `budget --print`, in the order the source
# prints it.  The sources live in ../shared beside the repository.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
need_shared oracles ../shared/seeds
need_shared oracles ../shared/sources/jiangsu
S=../shared/sources/jiangsu
fail=0
python3 tests/seed_figures.py || fail=1
python3 tests/oracle_jiangsu.py data/jiangsu/zxbgt-2018.yaml $S/zxbgt-2018-tables.txt || fail=1
python3 tests/oracle_jiangsu.py data/jiangsu/zxbgt-2019.yaml $S/zxbgt-2019-tables.txt || fail=1
python3 tests/oracle_jiangsu.py data/jiangsu/gjfy-2019.yaml $S/gjfy-2019.txt || fail=1
python3 tests/oracle_jiangsu.py data/jiangsu/jcy-2018.yaml $S/jcy-2018.txt || fail=1
# Every document in data/ has its oracle here.
n=$(find data -name '*.yaml' | wc -l)
if [ "$n" -ne 5 ]; then
	echo "oracles: data/ holds $n documents, this script knows 5: add the new one's oracle"
	fail=1
fi
exit $fail
