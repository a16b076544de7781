#!/bin/sh
# make distcheck (and make test): a staged install, as a packager makes it
# (DESTDIR, PREFIX=/usr, umask 077), runs from another folder; files get
# their modes whatever the umask; uninstall leaves nothing behind.  Builds
# in a folder of its own, so ./budget is left as it is.
set -u
cd "$(dirname "$0")/.."
top=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "install: $*"; }
stage=$tmp/stage
make="make --no-print-directory -s O=$tmp/build BIN=$tmp/build/budget PREFIX=/usr DESTDIR=$stage"

if (umask 077 && $make -j2 install >"$tmp/log" 2>&1); then ok; else bad "make install failed"; cat "$tmp/log"; fi
for f in usr/share/man/man1/budget.1 usr/share/man/man5/budget.yaml.5 usr/share/budget/budget.yaml; do
	mode=$(stat -c %a "$stage/$f" 2>/dev/null)
	[ "$mode" = 644 ] && ok || bad "$f has mode '$mode', want 644"
done
mode=$(stat -c %a "$stage/usr/bin/budget" 2>/dev/null)
[ "$mode" = 755 ] && ok || bad "usr/bin/budget has mode '$mode', want 755"

# From another folder, with the staged data file.
cd "$tmp"
if "$stage/usr/bin/budget" --version | head -1 | grep -q '^budget [0-9]'; then ok; else bad "--version"; fi
if "$stage/usr/bin/budget" --print=1 "$stage/usr/share/budget/budget.yaml" | grep -q 收入总计; then
	ok
else
	bad "the staged budget does not print its data file"
fi
cd "$top"

$make uninstall >"$tmp/log" 2>&1 || { bad "make uninstall failed"; cat "$tmp/log"; }
left=$(cd "$stage" && find . -mindepth 1 -type f)
[ -z "$left" ] && ok || bad "uninstall left files: $left"
for d in usr/share/budget usr/share/man/man1 usr/share/man/man5; do
	[ ! -d "$stage/$d" ] && ok || bad "uninstall left the folder $d"
done
echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
