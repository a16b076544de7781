#!/bin/sh
# Hostile input: each case of tests/hostile/EXPECT, a line
#   FILE<TAB>EXIT<TAB>FIRST-LINE
# FILE is a file of tests/hostile/, or @NAME for one made here at run time
# (make_case: a directory, a FIFO, an unreadable file, a 100 MB file,
# 100,000-deep nesting, hostile file names ...).  Budget runs in the
# file's folder with FILE as its argument, in the C.UTF-8 locale.
#   EXIT 2: the file does not load.  --print=all and --check exit 2, write
#     nothing on standard output and exactly one line on standard error,
#     FIRST-LINE (FILE:LINE:COL: message); in Chinese, the same
#     FILE:LINE:COL: before the message.
#   EXIT 0: the file loads.  --print=all exits 0 and its first line is
#     FIRST-LINE; --width=40, --compare, --list, --check (0 or 1), --check
#     FILE FILE, --format=csv and --format=tsv (compared with the .csv and
#     .tsv beside FILE when there are) and Chinese write nothing on
#     standard error.
#   BUG-2, BUG-0: as 2 or 0, for a case the program gets wrong today: it
#     is reported as a known bug, not counted as a failure (and is one once
#     it passes: then drop the BUG- from its line).
# A FIRST-LINE ending in * is matched as a prefix.  Then every output of
# every run goes through tests/hostile_scan.py: valid UTF-8, nothing
# invisible or controlling, no CSV or TSV text cell that a spreadsheet
# would take for a formula, no sanitizer report.  A run that crashes or
# takes more than 10 s fails its case.  The cases run on one worker per
# processor (at most 4); all temporary files are under one mktemp -d.
# Prints one line per failing case (and per known bug or skipped case),
# then "hostile: N passed, N failed[, N known bugs][, N skipped]"; the
# status is 1 when a case failed.
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh
case $BUDGET in /*) ;; *) BUDGET=$PWD/$BUDGET ;; esac
if [ ! -x "$BUDGET" ]; then
	echo "hostile: $BUDGET is not a program (make first)"
	exit 1
fi
export LC_ALL=C.UTF-8
unset LANG LANGUAGE LC_MESSAGES BUDGET_ASCII
# A sanitizer report ends the run with a status of its own; the scan
# finds the report on standard error.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}halt_on_error=1:exitcode=99"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:print_stacktrace=1"
here=$PWD/tests/hostile
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
tab=$(printf '\t')
TIMEOUT=
command -v timeout >/dev/null 2>&1 && TIMEOUT="timeout 10"

# Running as root, the unreadable file is read as user nobody.
drop=
if [ "$(id -u)" -eq 0 ]; then
	nogroup=$(id -g nobody 2>/dev/null)
	if [ -n "$nogroup" ] &&
	   setpriv --reuid=nobody --regid="$nogroup" --clear-groups true 2>/dev/null; then
		drop=setpriv
	elif su nobody -s /bin/sh -c true 2>/dev/null; then
		drop=su
	fi
fi
as_nobody() {
	if [ "$drop" = setpriv ]; then
		setpriv --reuid=nobody --regid="$nogroup" --clear-groups "$@"
	else
		su nobody -s /bin/sh -c 'exec "$0" "$@"' -- "$@"
	fi
}

# ---- running budget
note() { # what is wrong with case $c
	printf '%s\t%s\n' "$c" "$1" >>"$faults"
}

# one MODE ARGS...: budget ARGS in $dir (as nobody when $user, with the
# output of the command $feed on standard input when set, in locale $loc);
# what it writes in $o/MODE.out and .err, its status in $st.
one() {
	m=$1
	shift
	(
		cd "$dir" || exit 125
		# Through env: a shell told of a locale it lacks may say so.
		if [ -n "$user" ]; then
			as_nobody env LC_ALL="$loc" $TIMEOUT "$tmp/budget-as-nobody" "$@" </dev/null
		elif [ -n "$feed" ]; then
			$feed 2>/dev/null | env LC_ALL="$loc" $TIMEOUT "$BUDGET" "$@"
		else
			exec env LC_ALL="$loc" $TIMEOUT "$BUDGET" "$@" </dev/null
		fi
	) >"$o/$m.out" 2>"$o/$m.err"
	st=$?
	if [ "$st" -eq 124 ] && [ -n "$TIMEOUT" ]; then
		note "$m: timed out"
	elif [ "$st" -gt 128 ] && [ "$st" -ne 99 ]; then
		note "$m: ended by signal $((st - 128))"
	fi
}

# first_is MODE FILE WANT: the first line of FILE is WANT (a prefix when
# WANT ends in *).
first_is() {
	got=
	IFS= read -r got <"$2"
	case $3 in
	*'*') case $got in "${3%?}"*) return ;; esac ;;
	*) [ "$got" = "$3" ] && return ;;
	esac
	note "$1: first line is '$got'"
}

status() { # MODE STATUS...: $st is one of them
	m=$1
	shift
	for s; do [ "$st" = "$s" ] && return; done
	note "$m: exit status $st, expected $*"
}

quiet() { # MODE: nothing on standard error
	if [ -s "$o/$1.err" ]; then
		IFS= read -r line <"$o/$1.err"
		note "$1: standard error: $line"
	fi
}

# A file that does not load: one line on standard error and nothing else.
refused() { # WANT
	# The place, FILE:LINE:COL: without the message, for Chinese.
	at=$(printf '%s\n' "$1" | sed -n 's/^\(.*:[0-9][0-9]*:[0-9][0-9]*: \).*/\1/p')
	for mode in print check zh; do
		case $mode in
		print) one print --print=all "$arg" ;;
		check) one check --check "$arg" ;;
		zh) loc=zh_CN.UTF-8; one zh --print=all "$arg"; loc=C.UTF-8 ;;
		esac
		status $mode 2
		if [ -s "$o/$mode.out" ]; then
			IFS= read -r line <"$o/$mode.out"
			note "$mode: standard output: $line"
		fi
		n=0 line=
		while IFS= read -r line; do n=$((n + 1)); line=; done <"$o/$mode.err"
		[ -n "$line" ] && n="$n and a part"
		[ "$n" = 1 ] || note "$mode: $n lines on standard error, expected 1"
		if [ $mode = zh ]; then
			first_is zh "$o/zh.err" "$at*"
		else
			first_is $mode "$o/$mode.err" "$1"
		fi
	done
}

# A file that loads: every way of showing it.
shown() { # WANT
	one print --print=all "$arg"; status print 0; quiet print
	first_is print "$o/print.out" "$1"
	one width --print=all --width=40 "$arg"; status width 0; quiet width
	one compare --print=all "$arg" --compare; status compare 0; quiet compare
	one list --list "$arg"; status list 0; quiet list
	one check --check "$arg"; status check 0 1; quiet check
	one check2 --check "$arg" "$arg"; status check2 0 1; quiet check2
	for f in csv tsv; do
		one $f --print=all --format=$f "$arg"; status $f 0; quiet $f
		golden=$here/${arg%.yaml}.$f
		if [ "$dir" = "$here" ] && [ -f "$golden" ] && ! cmp -s "$golden" "$o/$f.out"; then
			note "$f: differs from tests/hostile/${arg%.yaml}.$f"
		fi
	done
	loc=zh_CN.UTF-8
	one zh --print=all "$arg"; status zh 0; quiet zh
	one zh-check --check "$arg"; status zh-check 0 1; quiet zh-check
	loc=C.UTF-8
}

# ---- the cases made at run time
# make_case @NAME: made in $gen; sets dir and arg (and user, feed), or
# says why it cannot be made and returns 1.
make_case() {
	dir=$gen
	case $1 in
	@directory) arg=dir.yaml; mkdir "$gen/$arg" ;;
	@directory-deep)	# one budget file 40 folders down
		arg=deep
		d=$arg/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d
		mkdir -p "$gen/$d"
		cp "$here/name-bidi-raw.yaml" "$gen/$d/x.yaml" ;;
	@fifo) arg=fifo.yaml; mkfifo "$gen/$arg" ;;
	@missing) arg=missing.yaml ;;
	@symlink-loop) arg=loop.yaml; ln -s loop.yaml "$gen/$arg" ;;
	@char-device) arg=chardev.yaml; ln -s /dev/null "$gen/$arg" ;;
	@unreadable)
		arg=unreadable.yaml
		cp "$here/top-scalar.yaml" "$gen/$arg"
		chmod 000 "$gen/$arg"
		if [ -r "$gen/$arg" ]; then	# root reads anything: run as nobody
			if [ -z "$drop" ]; then
				echo "cannot run as user nobody (neither setpriv nor su works)"
				return 1
			fi
			chmod 755 "$tmp" "$gen"
			# A copy nobody can reach: the clone may be in a folder
			# only its owner can enter (a mktemp -d).
			cp "$BUDGET" "$tmp/budget-as-nobody" && chmod 755 "$tmp/budget-as-nobody"
			if ! (cd / && as_nobody "$tmp/budget-as-nobody" --version) >/dev/null 2>&1; then
				echo "user nobody cannot run a copy of $BUDGET"
				return 1
			fi
			user=nobody
		fi
		;;
	# Sparse files: no time, no room.
	@big-100mb) arg=big.yaml; dd of="$gen/$arg" bs=1048576 seek=100 count=0 2>/dev/null ;;
	@cap-exact) arg=cap.yaml; dd of="$gen/$arg" bs=1048576 seek=16 count=0 2>/dev/null ;;
	@cap-plus-one) arg=cap1.yaml; dd of="$gen/$arg" bs=1 seek=16777217 count=0 2>/dev/null ;;
	@stdin-100mb) arg=-; feed="dd if=/dev/zero bs=1048576 count=100" ;;
	@deep-rows) arg=deep-rows.yaml; awk 'BEGIN {
		print "# SYNTHETIC, made by tests/hostile.sh: table rows nested 100,000 deep."
		print "schema: 2"
		print "document: {department: 合成测试局, year: 2020, unit: 万元, title: 深层嵌套}"
		print "tables:"
		printf "  - {id: t01, label: 表1, title: 深, kind: deep, name_title: 名称, "
		printf "columns: [{key: amount, title: 金额, type: amount}], rows: ["
		for (i = 0; i < 100000; i++) printf "{name: a, values: [1], children: ["
		printf "{name: a, values: [1]}"
		for (i = 0; i < 100000; i++) printf "]}"
		print "]}" }' >"$gen/$arg" ;;
	@deep-sections) arg=deep-sections.yaml; awk 'BEGIN {
		print "# SYNTHETIC, made by tests/hostile.sh: sections nested 100,000 deep."
		print "schema: 2"
		print "document: {department: 合成测试局, year: 2020, unit: 万元, title: 深层嵌套}"
		printf "narrative: ["
		for (i = 0; i < 100000; i++) printf "{title: a, sections: ["
		printf "{title: a}"
		for (i = 0; i < 100000; i++) printf "]}"
		print "]"
		print "tables: []" }' >"$gen/$arg" ;;
	@deep-sequence) arg=deep-seq.yaml; awk 'BEGIN {
		print "# SYNTHETIC, made by tests/hostile.sh: a sequence nested 100,000 deep."
		for (i = 0; i < 100000; i++) printf "["
		for (i = 0; i < 100000; i++) printf "]"
		print "" }' >"$gen/$arg" ;;
	@hostile-name)	# ESC [2J, U+202E and a newline in the name of a broken file
		arg=$(printf 'evil\033[2J\342\200\256\n.yaml')
		cp "$here/top-scalar.yaml" "$gen/$arg" ;;
	@hostile-name-loads)	# OSC, BEL and U+202E in the name of a file that loads
		arg=$(printf 'ok\033]0;x\007\342\200\256.yaml')
		cp "$here/name-check-fail.yaml" "$gen/$arg" ;;
	@long-path)	# 730 bytes: four folders of 60 CJK characters each
		d=目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录目录
		arg=$d/$d/$d/$d/top-scalar.yaml
		mkdir -p "$gen/$d/$d/$d/$d"
		cp "$here/top-scalar.yaml" "$gen/$arg" ;;
	*) echo "no such case in make_case"; return 1 ;;
	esac
}

# ---- every case, by $jobs workers: worker k takes every jobs-th case
work() { # k
	k=$1 i=0
	faults=$tmp/faults.$k
	gen=$tmp/gen.$k
	: >"$faults"
	while IFS=$tab read -r c want_exit want; do
		case $c in ''|'#'*) continue ;; esac
		i=$((i + 1))
		[ $((i % jobs)) -eq "$k" ] || continue
		dir=$here arg=$c user='' feed='' loc=C.UTF-8
		o=$tmp/out/$c
		mkdir -p "$o" "$gen"
		case $c in
		@*)
			if ! make_case "$c" >"$tmp/why.$k"; then
				printf '%s\tSKIP %s\n' "$c" "$(cat "$tmp/why.$k")" >>"$faults"
				continue
			fi
			;;
		*)
			if [ ! -f "$here/$c" ]; then
				note "tests/hostile/$c is missing"
				continue
			fi
			;;
		esac
		case ${want_exit#BUG-} in
		2) refused "$want" ;;
		0) shown "$want" ;;
		*) note "EXPECT: exit '$want_exit' is not 0, 2, BUG-0 or BUG-2" ;;
		esac
		chmod -R u+rwx "$gen" 2>/dev/null
		rm -rf "$gen"
	done <"$here/EXPECT"
}
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1
[ "$jobs" -gt 4 ] && jobs=4
mkdir -p "$tmp/out"
k=0
while [ $k -lt "$jobs" ]; do
	work $k &
	k=$((k + 1))
done
wait
cat "$tmp"/faults.* >"$tmp/faults"

# ---- what reached the screen
if command -v python3 >/dev/null 2>&1; then
	python3 tests/hostile_scan.py "$tmp/out" >>"$tmp/faults"
else
	echo "hostile: no python3: the outputs are not scanned for invisible characters"
fi

# ---- the verdict: one line per case at fault, then the summary
awk -F'\t' '
FILENAME == ARGV[1] { if ($1 in why) why[$1] = why[$1] "; " $2; else why[$1] = $2; next }
/^#/ || $1 == "" { next }
$1 in why && why[$1] ~ /^SKIP / {
	skip++; print "hostile: " $1 " skipped: " substr(why[$1], 6); next
}
$2 ~ /^BUG-/ {
	if ($1 in why) { known++; sub(/; .*/, "", why[$1]); print "hostile: known bug: " $1 ": " why[$1] }
	else { fail++; print "hostile FAIL " $1 ": passes now: drop BUG- from its line in tests/hostile/EXPECT" }
	next
}
$1 in why { fail++; print "hostile FAIL " $1 ": " why[$1]; next }
{ pass++ }
END {
	printf "hostile: %d passed, %d failed", pass, fail
	if (known) printf ", %d known bugs", known
	if (skip) printf ", %d skipped", skip
	print ""
	exit (fail > 0)
}' "$tmp/faults" "$here/EXPECT"
