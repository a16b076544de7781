#!/bin/sh
# make test: every test, each run whatever the others did, then one summary
# line "N passed, N failed, N skipped".  A test passes with exit status 0 and
# is skipped with 77 (it says why: a corpus in ../shared that a user's clone
# does not have); anything else is a failure.  BUDGET is the program under
# test, UNIT the unit-test binaries.
set -u
cd "$(dirname "$0")/.."
export BUDGET="${BUDGET:-./budget}"
pass=0 fail=0 skip=0 failed=
run() { # name, command...
	name=$1; shift
	echo "== $name"
	"$@"
	st=$?
	case $st in
	0) pass=$((pass + 1)) ;;
	77) skip=$((skip + 1)) ;;
	*) fail=$((fail + 1)); failed="$failed $name" ;;
	esac
}
run check-layers sh tests/layers.sh
for t in ${UNIT:-}; do
	run "$t" "./$t"
done
for s in tests/*.sh; do
	case $s in
	tests/run.sh|tests/need.sh|tests/layers.sh|tests/lib.sh) continue ;;
	esac
	run "$s" sh "$s"
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
