#!/bin/sh
# Standard output that cannot be written (a full disk: /dev/full; a closed
# descriptor) is an error: one line on standard error, exit status 2, for
# every way budget writes to it.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
export LANG=C.UTF-8 LC_ALL=C.UTF-8
fail=0 pass=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# refused TARGET ARGS...: budget ARGS with standard output on TARGET
# ("full" or "closed") exits 2 with the message.
refused() {
	target=$1; shift
	if [ "$target" = full ]; then
		"$BUDGET" "$@" >/dev/full 2>"$tmp/err"
	else
		"$BUDGET" "$@" >&- 2>"$tmp/err"
	fi
	status=$?
	if [ "$status" -eq 2 ] &&
	   grep -q '^budget: cannot write standard output: ' "$tmp/err" &&
	   [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "output FAIL: budget $* >$target: exit $status"
		sed 's/^/    | /' "$tmp/err"
	fi
}

if [ -w /dev/full ]; then
	refused full --print=all data/budget.yaml
	refused full --print=6 data/budget.yaml
	refused full --print=part1 data/budget.yaml
	refused full --print=all --format=csv data/budget.yaml
	refused full --print=3 --format=tsv data/budget.yaml --compare
	refused full --check data/budget.yaml
	refused full --help
	refused full --version
	# Not a terminal: the whole document is printed.
	refused full data/budget.yaml
else
	echo "output: no /dev/full here; the full-disk cases are skipped"
fi
refused closed --print=all data/budget.yaml
refused closed --check data/budget.yaml

# And when it can be written, the status is what it was.
if "$BUDGET" --print=all data/budget.yaml >/dev/null 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "output FAIL: --print=all to /dev/null"
fi

echo "output: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
