#!/bin/sh
# The documentation matches the program: the example in budget.yaml(5)
# loads and prints, and every long option of `budget --help` appears in
# budget(1) and the other way round.
set -u
cd "$(dirname "$0")/.."
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sed -n '/^\.SH EXAMPLE/,/^\.fi/p' man/budget.yaml.5 | sed '1,2d;$d' |
	sed 's/\\-/-/g' >"$tmp/example.yaml"
if ./budget --print=3 "$tmp/example.yaml" >"$tmp/out" 2>&1 &&
   grep -q '2010301\|20103' "$tmp/out" && grep -q '2537.30' "$tmp/out"; then
	echo "docs: budget.yaml(5) example loads"
else
	echo "docs: the example in budget.yaml(5) does not load:"; cat "$tmp/out"
	fail=1
fi

./budget --help | grep -o -- '--[a-z-]*' | sort -u >"$tmp/help"
if [ -f man/budget.1 ]; then
	sed 's/\\-/-/g' man/budget.1 | grep -o -- '--[a-z-]*' | sort -u >"$tmp/man"
	missing=$(comm -23 "$tmp/help" "$tmp/man")
	extra=$(comm -13 "$tmp/help" "$tmp/man")
	if [ -n "$missing$extra" ]; then
		echo "docs: --help and budget(1) disagree: only in --help: $missing; only in man: $extra"
		fail=1
	else
		echo "docs: --help and budget(1) list the same $(wc -l <"$tmp/help") options"
	fi
else
	echo "docs: man/budget.1 is missing"; fail=1
fi
[ "$fail" -eq 0 ]
