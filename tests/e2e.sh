#!/bin/sh
# End-to-end: the real binary in a real terminal.  tmux (on a private
# socket, without the user's configuration) gives budget a pty of a fixed
# size; keys go in with send-keys, the screen comes back with capture-pane,
# and every step waits, a few seconds at most, for the text it expects.
# Runs at 80x24 and at 40x12.  BUDGET_E2E_VALGRIND=1 runs budget under
# valgrind and fails on any error it reports.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh

if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is needed (make deps installs it)"
	exit 1
fi

export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR TMUX
tmp=$(mktemp -d)
starts=0
sock="budget-e2e-$$-0"
fail=0 pass=0 size=-
T() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { T kill-server >/dev/null 2>&1; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

run="$BUDGET"
if [ "${BUDGET_E2E_VALGRIND:-0}" = 1 ]; then
	run="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --log-file=$tmp/valgrind.%p $BUDGET"
fi

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "e2e FAIL ($size): $1"
	# A lost tmux server would fail every later step: stop at the first.
	if ! T has-session -t e2e 2>/dev/null; then
		echo "e2e: the tmux server is gone; stopping here"
		echo "e2e: $pass passed, $fail failed"
		exit 1
	fi
	T capture-pane -p -t e2e 2>/dev/null | sed 's/^/    | /'
}

screen() { T capture-pane -p -t e2e; }

# wait_for PATTERN [grep option]: poll the screen for up to 5 seconds.
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		if screen | grep -q ${2:-} -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

expect() { if wait_for "$1" -F; then ok; else bad "expected \"$1\""; fi; }
expect_re() { if wait_for "$1" -E; then ok; else bad "expected /$1/"; fi; }
# gone TEXT: poll until TEXT is not on the screen (5 seconds at most).
gone() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
absent() { if gone "$1"; then ok; else bad "unexpected \"$1\""; fi; }
keys() { T send-keys -t e2e "$@"; }
type_text() { T send-keys -t e2e -l "$1"; }

# start W H [OPTIONS [FILE]]: budget on FILE (data/budget.yaml) in a fresh
# session; the shell around it reports how it exited, and the pid of
# budget itself goes to $tmp/pid.
start() {
	size="$1x$2"
	# The old server is killed and waited for; the new one gets a socket
	# of its own, so it never races the old one's shutdown.
	T kill-server >/dev/null 2>&1
	i=0
	while T has-session 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	starts=$((starts + 1))
	sock="budget-e2e-$$-$starts"
	mkdir -p "$tmp/snaps"
	rm -f "$tmp/pid"
	T new-session -d -s e2e -x "$1" -y "$2" \
		"cd '$PWD' && env TERM=screen-256color BUDGET_SNAPSHOT_DIR='$tmp/snaps' \
		 sh -c 'echo \$\$ >$tmp/pid; exec $run ${3:-} ${4:-data/budget.yaml}'; echo EXIT=\$?; sleep 600"
	T set-option -t e2e -w window-size manual >/dev/null 2>&1
}

# After budget ends: it said EXIT=$1, and left the terminal as it found it.
ended() {
	expect "EXIT=$1"
	[ "$(T display -p -t e2e '#{alternate_on}')" = 0 ] && ok || bad "alternate screen left on"
	[ "$(T display -p -t e2e '#{cursor_flag}')" = 1 ] && ok || bad "cursor left hidden"
	[ "$(T display -p -t e2e '#{mouse_any_flag}')" = 0 ] && ok || bad "mouse reporting left on"
	[ "$(T display -p -t e2e '#{keypad_cursor_flag}')" = 0 ] && ok || bad "keypad mode left on"
	absent "广州市信访局 2020"
}

# ---- 80x24 --------------------------------------------------------------------
t0=$(date +%s%N)
start 80 24
expect "广州市信访局 2020 万元"
t1=$(date +%s%N)
case "$t0$t1" in
*[!0-9]*) ;;
*) echo "e2e: first screen after $(( (t1 - t0) / 1000000 )) ms (tmux start included)" ;;
esac
expect "Contents"

# Open 表6 from the navigator and walk 201 > 20103 > 2010301.
keys BTab 6 Enter
expect "表6 一般公共预算支出预算表"
keys j l
expect_re "20103 +\\+ 政府办"
keys j l j
expect_re "2010301 .*1667\.86"
expect "Detail：2010301 行政运行"

# Jump to a code.
keys :
type_text 2010308
keys Enter
expect "Detail：2010308 信访事务"

# Back to where we were, and forward again.
keys BSpace
expect "Detail：2010301 行政运行"
keys :
type_text 2010308
keys Enter
expect "Detail：2010308 信访事务"
keys Tab z
expect "201 › 20103 › 2010308"
keys z BTab

# Search, and step through the matches.
keys /
type_text 信息化
keys Enter
expect_re "match [0-9]+ of [0-9]+"
k=$(screen | sed -n 's/.*match \([0-9]*\) of \([0-9]*\).*/\1/p' | head -n 1)
n=$(screen | sed -n 's/.*match \([0-9]*\) of \([0-9]*\).*/\2/p' | head -n 1)
if [ -n "$k" ] && [ "$n" -ge 4 ]; then ok; else bad "match count"; fi
keys n
expect "match $((k % n + 1)) of $n"
keys N
expect "match $k of $n"

# A project: its goals, and its procurement line from 表13.
keys /
type_text 信息化运维服务经费
keys Enter
expect "Detail：161001 信息化运维服务经费"
keys Tab z
expect "项目内容"
keys G
expect "绩效目标"
expect "维护广州市信访局信息业务系统"
expect "C0206 运行维护服务"
expect_re "系统运行维护项目 +122\.03"
keys z

# Help, generated from the key table.
keys '?'
expect "Keys"
expect "search names, codes and text everywhere"
keys q
absent "search names, codes and text everywhere"

# Quit: the terminal is as it was.
keys q
ended 0

# ---- snapshots ------------------------------------------------------------------
start 80 24
expect "Contents"
keys BTab 6 Enter '*' p
expect "wrote $tmp/snaps/budget-table6-"
first=$(ls "$tmp"/snaps/budget-table6-*.txt | head -n 1)
"$BUDGET" --print=6 data/budget.yaml >"$tmp/print6.txt"
sed '1,/^$/d' "$first" >"$tmp/body.txt"
if cmp -s "$tmp/body.txt" "$tmp/print6.txt"; then ok; else
	bad "snapshot of 表6 fully expanded differs from --print=6"
	diff "$tmp/print6.txt" "$tmp/body.txt" | head -n 10
fi
grep -q "部门：广州市信访局  年度：2020  单位：万元" "$first" && ok || bad "snapshot header"
grep -q "表：表6" "$first" && ok || bad "snapshot header names the table"
if grep -q "$(printf '\033')" "$first"; then bad "escape code in snapshot"; else ok; fi
sum=$(cksum <"$first")

# As expanded on screen: 合计, 201 and 20103 open, the rest closed.
keys 0 l j l j l p
expect_re "wrote .*budget-table6-"
sleep 0.2
second=$(ls -t "$tmp"/snaps/budget-table6-*.txt | head -n 1)
[ "$second" != "$first" ] && ok || bad "second snapshot reused the first name"
[ "$(cksum <"$first")" = "$sum" ] && ok || bad "first snapshot was overwritten"
sed '1,/^$/d' "$second" >"$tmp/body2.txt"
missing=0
while IFS= read -r line; do
	grep -Fxq -- "$line" "$tmp/print6.txt" || missing=$((missing + 1))
done <"$tmp/body2.txt"
[ "$missing" -eq 0 ] && ok || bad "$missing snapshot lines not in --print=6"
grep -q "^2010301 " "$tmp/body2.txt" && ok || bad "snapshot lacks the open row 2010301"
if grep -q "^2080501 " "$tmp/body2.txt"; then bad "snapshot has a closed row"; else ok; fi
[ "$(wc -l <"$tmp/body2.txt")" -lt "$(wc -l <"$tmp/print6.txt")" ] && ok || bad "partial snapshot not shorter"
keys q
ended 0

# ---- comparison with the prior year ------------------------------------------------
# body_matches SNAPSHOT ARGS...: the snapshot's body is what budget ARGS prints.
body_matches() {
	snap=$1; shift
	"$BUDGET" "$@" data/budget.yaml >"$tmp/print.txt"
	sed '1,/^$/d' "$snap" >"$tmp/body.txt"
	if cmp -s "$tmp/body.txt" "$tmp/print.txt"; then ok; else
		bad "snapshot $snap differs from budget $*"
		diff "$tmp/print.txt" "$tmp/body.txt" | head -n 10
	fi
}

# c on 表12: the figures the document states; a snapshot of it fully open.
start 80 24
expect "Contents"
keys BTab 1 2 Enter
expect "表12 财政拨款安排"
absent "113.86%"
keys c
expect "113.86%"
expect "表12（与上年对比：合计）"
expect_re "行政经费 +153\.29 +303\.27 +-149\.98 +-49\.45%"
keys j
expect "6 rows with a stated prior-year figure"
keys Tab z
expect "Against the prior year"
expect_re "合计：本年 25\.30 · 上年 11\.83 · 增减 \+13\.47 · 增减率"
keys z BTab
keys '*' p
expect "wrote $tmp/snaps/budget-table12-"
body_matches "$(ls -t "$tmp"/snaps/budget-table12-*.txt | head -n 1)" --print=12 --compare
keys c
absent "113.86%"
expect "一般公共预算"
keys q
ended 0

# --compare=OLD on a terminal: the browser opens comparing, with that file.
rm -f "$tmp"/snaps/*
start 80 24 --compare=tests/fixtures/prior-2019.yaml
expect "Contents"
keys BTab 3 Enter
expect "表3（与上年对比：合计）"
keys t '*' G
expect "取消"
expect_re "2010302 +一般行政管理事务 +— +12\.00"
expect_re "2210201 .* 201\.32 +— +— +— +新增"
expect "9 rows matched by code, 2 by name, 10 new, 1 dropped"
keys P
expect "wrote $tmp/snaps/budget-table3-"
body_matches "$(ls -t "$tmp"/snaps/budget-table3-*.txt | head -n 1)" \
	--print=3 --compare=tests/fixtures/prior-2019.yaml
# s: by name, then by amount (201 221 208 206 210 under 总计).
keys 1 s s g
expect "sort: amount"
order=$(screen | grep -oE '^ ?(201|206|208|210|221) ' | tr -d ' ' | tr '\n' ' ')
[ "$order" = "201 221 208 206 210 " ] && ok || bad "sorted by amount: '$order'"
keys C
expect "表3（与上年对比：基本支出）"
keys q
ended 0

# ---- 40x12 -----------------------------------------------------------------------
start 40 12
expect "广州市信访局 2020"
keys BTab 6 Enter
expect "表6 一般公共预算"
keys j l j l j
expect_re "2010301 .*1667\.86"

# A resize while a prompt is open: the prompt and its text stay.
keys /
type_text 信息
expect "/信息"
T resize-window -t e2e -x 80 -y 24
expect "Contents"
expect "/信息"
type_text 化
keys Enter
expect_re "match [0-9]+ of [0-9]+"
keys :
type_text 2010
T resize-window -t e2e -x 40 -y 12
expect ":2010"
absent "Contents"
keys Escape
expect "广州市信访局 2020"

# Too small, then big enough again.
T resize-window -t e2e -x 30 -y 10
expect "terminal too small"
T resize-window -t e2e -x 40 -y 12
expect "广州市信访局 2020"
absent "terminal too small"
keys q
ended 0

# ---- a document with no tables and no narrative -------------------------------------
printf 'schema: 1\ndocument: {department: 测试局, year: 2020, unit: 万元, title: 空文件}\ntables: []\n' \
	>"$tmp/empty.yaml"
start 80 24 "" "$tmp/empty.yaml"
expect "this document has no tables or narrative"
expect "0/0"
keys j l '*' p
expect "this document has no tables or narrative"
keys q
ended 0

# ---- signals ------------------------------------------------------------------------
start 80 24
expect "Contents"
kill -TERM "$(cat "$tmp/pid")"
ended 143
start 80 24
expect "Contents"
kill -QUIT "$(cat "$tmp/pid")"
ended 131

# ---- the terminal goes away without a hangup -------------------------------------------
# budget on a pty that is not its controlling terminal: closing the other
# side sends it no SIGHUP, and its reads fail.  It must leave (status 1,
# one line on stderr) instead of reading again for ever.
size=pty
T kill-server >/dev/null 2>&1
if python3 - "$run" <<'PY'
import os, pty, select, struct, subprocess, sys, time, fcntl, termios
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
env = dict(os.environ, TERM="screen-256color")
p = subprocess.Popen(sys.argv[1].split() + ["data/budget.yaml"], stdin=slave,
                     stdout=slave, stderr=subprocess.PIPE, env=env)
os.close(slave)
seen, end = b"", time.time() + 10
while b"Contents" not in seen and time.time() < end:
    if select.select([master], [], [], 0.1)[0]:
        try:
            seen += os.read(master, 65536)
        except OSError:
            break
os.close(master)
try:
    status = p.wait(timeout=10)
except subprocess.TimeoutExpired:
    p.kill()
    p.wait()
    print("    | still running 10 s after its terminal went away")
    sys.exit(1)
err = p.stderr.read().decode("utf-8", "replace")
if b"Contents" in seen and status == 1 and "budget: cannot read the terminal" in err:
    sys.exit(0)
print("    | screen seen: %s, exit %d, stderr: %r" % (b"Contents" in seen, status, err))
sys.exit(1)
PY
then ok; else bad "a terminal gone without SIGHUP"; fi

if [ "${BUDGET_E2E_VALGRIND:-0}" = 1 ]; then
	if cat "$tmp"/valgrind.* 2>/dev/null | grep -q .; then
		bad "valgrind reported errors"
		cat "$tmp"/valgrind.*
	else
		ok
	fi
fi

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
