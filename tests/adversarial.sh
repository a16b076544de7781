#!/bin/sh
# Adversarial shapes (tests/bench/adversarial.py) at 1 MiB: huge sum_of
# lists, a table of 20,000+ columns, repeated codes and names compared
# with a prior year, thousands of figures and identities, one paragraph of
# a megabyte, the deepest trees and longest codes, thousands of tables,
# and the refused forms of some.  Each file goes through --print=all,
# --check and, where a prior year is written, --compare, under a generous
# timeout.  A run fails only when it is cut off or crashes (exit status
# above 2, or a signal): whether a file loads, and what it prints, is for
# the other tests.  The sizes that matter (16 MiB) are in `make bench`.
# Prints one line per failure and "adversarial: N passed, N failed".
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
export LC_ALL=C.UTF-8
tmo=${ADV_TIMEOUT:-20}
size=${ADV_SIZE:-1048576}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/prior"
if ! python3 tests/bench/adversarial.py --size "$size" --dir "$tmp" all ||
	! python3 tests/bench/adversarial.py --size "$size" --year 2020 --dir "$tmp/prior" \
		repeat tables figures; then
	echo "adversarial: tests/bench/adversarial.py failed"
	echo "adversarial: 0 passed, 1 failed"
	exit 1
fi
pass=0 fail=0
run() { # shape, budget arguments...
	shape=$1
	shift
	timeout -k 5 "$tmo" "$BUDGET" "$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ $st -eq 124 ] || [ $st -eq 137 ]; then
		fail=$((fail + 1))
		echo "adversarial: $shape: budget $* took over $tmo s"
	elif [ $st -gt 2 ]; then
		fail=$((fail + 1))
		echo "adversarial: $shape: budget $* exited $st: $(head -c 300 "$tmp/err")"
	else
		pass=$((pass + 1))
	fi
}
for f in "$tmp"/*.yaml; do
	shape=$(basename "$f" .yaml)
	run "$shape" --print=all "$f"
	run "$shape" --check "$f"
	if [ -f "$tmp/prior/$shape.yaml" ]; then
		run "$shape" --print=all --compare="$tmp/prior/$shape.yaml" "$f"
		run "$shape" --check --compare="$tmp/prior/$shape.yaml" "$f"
	fi
done
echo "adversarial: $pass passed, $fail failed"
[ $fail -eq 0 ]
