#!/bin/sh
# The loader against the public YAML test suite: none of its files is a
# budget, so every one must be refused with exit status 2 and exactly one
# line "FILE:LINE:COL: message" -- never a crash, a hang or a second line.
set -u
cd "$(dirname "$0")/.."
suite=../shared/corpora/yaml-test-suite
# The corpus lives in shared/ beside the repository, as in CI; a test that
# quietly skipped would pass without proving anything.
if [ ! -d "$suite" ]; then
	echo "yaml-suite: $suite not found"
	exit 1
fi
pass=0 fail=0
err=$(mktemp)
for f in "$suite"/*/in.yaml "$suite"/*/*/in.yaml; do
	[ -f "$f" ] || continue
	timeout 5 ./budget --print=all "$f" >/dev/null 2>"$err"
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
