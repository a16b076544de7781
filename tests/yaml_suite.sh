#!/bin/sh
# The loader against the public YAML test suite: none of its files is a
# budget, so every one must be refused with exit status 2 and exactly one
# line "FILE:LINE:COL: message" -- never a crash, a hang or a second line.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
suite=../shared/corpora/yaml-test-suite
need_shared yaml-suite "$suite"
pass=0 fail=0
err=$(mktemp)
for f in "$suite"/*/in.yaml "$suite"/*/*/in.yaml; do
	[ -f "$f" ] || continue
	timeout 5 "$BUDGET" --print=all "$f" >/dev/null 2>"$err"
	status=$?
	lines=$(wc -l <"$err")
	if [ "$status" -eq 2 ] && [ "$lines" -eq 1 ] &&
	   grep -Eq "^$f:[0-9]+:[0-9]+: ." "$err"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "yaml-suite: $f: status $status, $lines stderr lines:"
		head -3 "$err"
	fi
done
rm -f "$err"
echo "yaml-suite: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 300 ]
