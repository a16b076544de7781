#!/bin/sh
# Golden files: `budget --print=VIEW` must print exactly tests/golden/VIEW.txt.
# UPDATE=1 sh tests/golden.sh rewrites them (review the diff before committing).
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
views="1 2 3 4 5 6 7 8 9 10 11 12 13 14 part1 part2 part3"
pass=0 fail=0
check() { # name, args...
	name=$1; shift
	out=$(mktemp)
	LC_ALL=C.UTF-8 "$BUDGET" "$@" data/budget.yaml >"$out" 2>&1
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$out" "tests/golden/$name.txt"
	fi
	if diff -u "tests/golden/$name.txt" "$out" >/dev/null 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "golden $name differs:"
		diff -u "tests/golden/$name.txt" "$out" | head -20
	fi
	rm -f "$out"
}
for v in $views; do
	check "$v" --print="$v"
done
check all --print=all
check 6-width60 --print=6 --width=60
check 10-width80 --print=10 --width=80
check 1-compare --print=1 --compare
check 12-compare --print=12 --compare
check 3-compare-file --print=3 --compare=tests/fixtures/prior-2019.yaml
check 10-compare-file --print=10 --compare=tests/fixtures/prior-2019.yaml
check all-compare-file --print=all --compare=tests/fixtures/prior-2019.yaml
check 3-compare-basic --print=3 --compare=tests/fixtures/prior-2019.yaml --column=basic
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
