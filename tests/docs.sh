#!/bin/sh
# The documentation matches the program: the example in budget.yaml(5)
# loads and prints, and every long option of `budget --help` appears in
# budget(1) and the other way round; the pages carry the Makefile's version
# and format without a warning, even in the C locale.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sed -n '/^\.SH EXAMPLE/,/^\.fi/p' man/budget.yaml.5 | sed '1,2d;$d' |
	sed 's/\\-/-/g' >"$tmp/example.yaml"
if "$BUDGET" --print=3 "$tmp/example.yaml" >"$tmp/out" 2>&1 &&
   grep -q '2010301\|20103' "$tmp/out" && grep -q '2537.30' "$tmp/out"; then
	echo "docs: budget.yaml(5) example loads"
else
	echo "docs: the example in budget.yaml(5) does not load:"; cat "$tmp/out"
	fail=1
fi

"$BUDGET" --help | grep -o -- '--[a-z-]*' | sort -u >"$tmp/help"
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
version=$(sed -n 's/^VERSION *= *//p' Makefile)
for page in man/budget.1 man/budget.yaml.5; do
	if head -1 "$page" | grep -qF "\"budget $version\""; then :; else
		echo "docs: $page does not say version $version"; fail=1
	fi
	if command -v man >/dev/null 2>&1; then
		for lang in C C.UTF-8; do
			warn=$(LANG=$lang LC_ALL=$lang MANWIDTH=80 man -l "$page" 2>&1 >/dev/null)
			if [ -n "$warn" ]; then
				echo "docs: LANG=$lang man -l $page warns:"; echo "$warn" | head -5; fail=1
			fi
		done
	fi
done
[ "$fail" -eq 0 ] && echo "docs: both pages say version $version and format cleanly"
[ "$fail" -eq 0 ]
