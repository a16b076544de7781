#!/bin/sh
# Golden files: for every document in data/, every view it has (budget
# --list) printed in English and in Chinese must be exactly its file under
# tests/golden/DOC/ (VIEW.txt, VIEW.zh.txt), and so must a few views with
# options (compare, width).  A schema 1 copy of the first document must
# print as the schema 1 goldens do.  UPDATE=1 sh tests/golden.sh rewrites
# them all (review the diff before committing).
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
pass=0 fail=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# check GOLDEN LANG DOC ARGS...: budget ARGS DOC in LANG prints GOLDEN.
check() {
	golden=$1 lang=$2 doc=$3
	shift 3
	LC_ALL=$lang "$BUDGET" "$@" "$doc" >"$out" 2>&1
	if [ "${UPDATE:-0}" = 1 ]; then
		mkdir -p "$(dirname "$golden")"
		cp "$out" "$golden"
	fi
	if cmp -s "$golden" "$out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "golden $golden differs:"
		diff -u "$golden" "$out" 2>&1 | head -20
	fi
}

# The parts and tables of a document (not the sections within parts).
top_views() {
	"$BUDGET" --list "$1" | awk -F '\t' '$2 !~ /^ / { print $1 }'
}

# Every part and table of a document, and all of it, in both languages.
views() { # golden dir, document
	dir=$1 doc=$2
	for v in $(top_views "$doc") all; do
		check "$dir/$v.txt" C.UTF-8 "$doc" --print="$v"
		check "$dir/$v.zh.txt" zh_CN.UTF-8 "$doc" --print="$v"
	done
}

for doc in $(find data -name '*.yaml' | sort); do
	name=${doc#data/}
	views "tests/golden/${name%.yaml}" "$doc"
done

# Options.
g=tests/golden/budget
check $g/t6-width60.txt C.UTF-8 data/budget.yaml --print=6 --width=60
check $g/t10-width80.txt C.UTF-8 data/budget.yaml --print=10 --width=80
check $g/t1-width60.txt C.UTF-8 data/budget.yaml --print=1 --width=60
check $g/t1-compare.txt C.UTF-8 data/budget.yaml --print=1 --compare
check $g/t12-compare.txt C.UTF-8 data/budget.yaml --print=12 --compare
check $g/t12-compare.zh.txt zh_CN.UTF-8 data/budget.yaml --print=12 --compare
check $g/t3-compare-file.txt C.UTF-8 data/budget.yaml --print=3 --compare=tests/fixtures/prior-2019.yaml
check $g/t10-compare-file.txt C.UTF-8 data/budget.yaml --print=10 --compare=tests/fixtures/prior-2019.yaml
check $g/all-compare-file.txt C.UTF-8 data/budget.yaml --print=all --compare=tests/fixtures/prior-2019.yaml
check $g/t3-compare-basic.txt C.UTF-8 data/budget.yaml --print=3 --compare=tests/fixtures/prior-2019.yaml --column=basic
j=tests/golden/jiangsu/zxbgt-2019
check $j/all-compare-2018.txt C.UTF-8 data/jiangsu/zxbgt-2019.yaml --print=all --compare=data/jiangsu/zxbgt-2018.yaml
check $j/all-compare-2018.zh.txt zh_CN.UTF-8 data/jiangsu/zxbgt-2019.yaml --print=all --compare=data/jiangsu/zxbgt-2018.yaml
check $j/t01-width80.txt C.UTF-8 data/jiangsu/zxbgt-2019.yaml --print=t01 --width=80

# Schema 1 still loads and prints as it did.
s=tests/fixtures/schema1/budget-2020.yaml
for v in $(top_views "$s") all; do
	check "tests/golden/schema1/$v.txt" C.UTF-8 "$s" --print="$v"
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
