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

# start W H [OPTIONS [FILE [LANG [ENV]]]]: budget on FILE (data/budget.yaml)
# in a fresh session, in LANG (C.UTF-8) with ENV (VAR=value, which may set
# TERM); the shell around it reports how it exited, and the pid of budget
# itself goes to $tmp/pid.
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
		"cd '$PWD' && env TERM=screen-256color LANG=${5:-C.UTF-8} LC_ALL=${5:-C.UTF-8} \
		 BUDGET_SNAPSHOT_DIR='$tmp/snaps' ${6:-} sh -c 'echo \$\$ >$tmp/pid; exec $run ${3:-} ${4:-data/budget.yaml}'; echo EXIT=\$?; sleep 600"
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

# ---- 80x24: the first minute ----------------------------------------------------
t0=$(date +%s%N)
start 80 24
expect "广州市信访局 2020 万元"
t1=$(date +%s%N)
case "$t0$t1" in
*[!0-9]*) ;;
*) echo "e2e: first screen after $(( (t1 - t0) / 1000000 )) ms (tmux start included)" ;;
esac
# The navigator has the focus; the hints name Tab, [ ], /, :, ? and q.
expect "* Contents"
expect "Tab:pane [ ]:table /:search ::jump ?:help q:quit"
expect "第一部分 部门概况  depth 1"
# Tab: the main pane; Down past the part's last section: the next part.
keys Tab
expect "* 第一部分 部门概况"
keys j j j
expect "* 第二部分 部门主要工作任务和目标"
# Tab on to the detail pane, and round to the navigator.
keys Tab
expect "* Detail:"
keys Tab
expect "* Contents"
# Left at the top of a table: back to the navigator.
keys 6 Enter
expect "* 表6 一般公共预算支出预算表（按功能分类科目"
keys h
expect_re "\+ 合计 .*3676\.98"
keys h
expect "* Contents"

# ---- 表13: the column window reaches 品目 and its C codes ---------------------------
keys 1 3 Enter '*'
expect "* 表13 政府采购预算表  depth 4"
expect_re " 1-[0-9]+/12›"
keys '>'
expect_re "‹2-[0-9]+/12›"
expect "政府采购品目名称"
expect "C0601 会议服务"
keys '<'
expect_re " 1-[0-9]+/12›"
keys '<'
expect "the first column is in view"

# ---- 运行经费: its goals after one Enter ----------------------------------------------
keys h h
keys 1 0 Enter
expect "表10 部门预算项目支出预算表"
keys /
type_text 运行经费
keys Enter
expect "Detail: 161001 运行经费"
keys Enter
expect "* Detail: 161001 运行经费"
expect "绩效目标"
expect "为上访群众打造一个安全、有序、舒适的信访场所"

# ---- search: counts, wraps, and scrolls the detail to the hit ------------------------
keys /
type_text WEB
keys Enter
expect "match 1 of 1 (2 occurrences)"
expect "Detail: 161001 信息化运维服务经费"
expect "WEB 漏洞检测"
keys n
expect "search wrapped"

# ---- :jumps ------------------------------------------------------------------------
keys :
type_text 表12
keys Enter
expect "* 表12 财政拨款安排的行政经费"
keys :
type_text 2010308
keys Enter
expect "Detail: 2010308 信访事务"
keys :
type_text 三公
keys Enter
expect_re "^ (\* )?第三部分|“三公”"
keys BSpace
expect "Detail: 2010308 信访事务"

# ---- help and its legend ---------------------------------------------------------
keys '?'
expect "budget: keys (? again: what the symbols mean)"
keys '?'
expect "budget: what the symbols mean (? again: close)"
expect "a check of this row fails"
keys q
absent "what the symbols mean"

# Quit: the terminal is as it was.
keys q
ended 0

# ---- 表12 against the prior year the document states -------------------------------------
start 80 24
expect "* Contents"
keys 1 2 Enter
expect "表12 财政拨款安排"
absent "113.86%"
keys c
expect "113.86%"
expect "(against the pri"
expect_re "行政经费 +153\.29 +303\.27 +-149\.98 +-49\.45%"
keys '*'
expect_re "1\. 公务用车购置费 +18\.00 +— +— +—"
expect_re "2\. 公务用车运行维护费 +5\.00 +6\.64 +-1\.64 +-24\.70%"
keys c
absent "113.86%"
keys q
ended 0

# ---- a document with one figure off by 0.01 ------------------------------------------------
# Synthetic: data/budget.yaml with 表3's 2010301 合计 raised by 0.01.
sed 's/^\(          - {code: "2010301", name: 行政运行, values: \[\)1667\.86, 1645\.76, 22\.10, 0\.00/\11667.87, 1645.76, 22.10, 0.00/' \
	data/budget.yaml >"$tmp/off.yaml"
if cmp -s data/budget.yaml "$tmp/off.yaml"; then bad "the 0.01 change did not apply"; else ok; fi
start 80 24 "" "$tmp/off.yaml"
expect "!表3 支出总体情况表"
expect "2 checks fail"
keys '!'
expect "* 表3 支出总体情况表"
expect_re "! 20103 .*2537\.30"
keys '!'
expect_re "! 2010301 .*1667\.87"
keys q
ended 0

# ---- snapshots ------------------------------------------------------------------
start 80 24
expect "Contents"
keys 6 Enter '*' p
expect "wrote $tmp/snaps/budget-t6-"
first=$(ls "$tmp"/snaps/budget-t6-*.txt | head -n 1)
"$BUDGET" --print=6 data/budget.yaml >"$tmp/print6.txt"
sed '1,/^$/d' "$first" >"$tmp/body.txt"
if cmp -s "$tmp/body.txt" "$tmp/print6.txt"; then ok; else
	bad "snapshot of 表6 fully expanded differs from --print=6"
	diff "$tmp/print6.txt" "$tmp/body.txt" | head -n 10
fi
if grep -q "$(printf '\033')" "$first"; then bad "escape code in snapshot"; else ok; fi
sum=$(cksum <"$first")
# As open on screen: 总计, 201 and 20103 open, the rest closed.
keys 0 l j l j l
expect_re "2010301 +行政运行"
keys p
# The first snapshot's message may still be on the screen: wait for the file.
i=0
while [ "$(ls "$tmp"/snaps/budget-t6-*.txt 2>/dev/null | wc -l)" -lt 2 ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
second=$(ls -t "$tmp"/snaps/budget-t6-*.txt | head -n 1)
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
keys q
ended 0

# ---- --compare=OLD: the browser opens comparing with that file ------------------------------
start 80 24 --compare=tests/fixtures/prior-2019.yaml
expect "Contents"
expect "compared with tests/fixtures/prior-2019.yaml (2019)"
keys 3 Enter '*'
expect "表3 支出总体情况表  (against the prior year: 合计)"
expect_re "2010302 +一般行政管理事务 +— +12\.00"
expect "9 rows matched by code, 1 by id, 1 by name"
keys p
expect "wrote $tmp/snaps/budget-t3-"
snap=$(ls -t "$tmp"/snaps/budget-t3-*.txt | head -n 1)
"$BUDGET" --print=3 --compare=tests/fixtures/prior-2019.yaml data/budget.yaml >"$tmp/print3.txt"
sed '1,/^$/d' "$snap" >"$tmp/body3.txt"
if cmp -s "$tmp/body3.txt" "$tmp/print3.txt"; then ok; else
	bad "snapshot of the compared 表3 differs from --print=3 --compare=OLD"
	diff "$tmp/print3.txt" "$tmp/body3.txt" | head -n 10
fi
keys q
ended 0

# ---- Chinese ----------------------------------------------------------------------
start 80 24 "" data/budget.yaml zh_CN.UTF-8
expect "* 目录"
expect "Tab:窗格 [ ]:表 /:搜索 ::跳转 ?:帮助 q:退出"
absent "Contents"
keys 1 2 Enter c
expect "（与上年对比："
expect "本年"
keys q
ended 0

# ---- several departments: data/ -----------------------------------------------------
start 80 24 "" data/
expect "* Contents"
expect "Departments totals by department"
expect_re "广州市信访局 +3676\.98 +3516\.17"
keys Tab j j j j Enter
expect "江苏省政协办公厅 2019 万元"
expect "公开01表 收支预算总表"
keys h h h
expect "back to all departments"
expect "all departments 2020"
# Back on the department it came from, not on the first row.
expect "Detail: 江苏省政协办公厅"
keys :
type_text 2010301
keys Enter
expect "sum1 支出总体情况表 (2020, departments: 1)"
keys l
expect_re "广州市信访局 +1667\.86"
keys /
type_text 爱国统一战线
keys Enter
expect_re "match 1 of [0-9]+"
expect "江苏省政协办公厅 2019"
keys q
ended 0

# ---- 40x12 -----------------------------------------------------------------------
start 40 12
expect "广州市信访局 2020"
keys 6 Enter j l j l j
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
printf 'schema: 2\ndocument: {department: 测试局, year: 2020, unit: 万元, title: 空文件}\ntables: []\n' \
	>"$tmp/empty.yaml"
start 80 24 "" "$tmp/empty.yaml"
expect "this document has no tables or narrative"
keys j l Tab '*' p
expect "this document has no tables or narrative"
keys q
ended 0

# ---- no colour: the focus still shows -------------------------------------------------
start 80 24 "" data/budget.yaml "" NO_COLOR=1
expect "* Contents"
keys Tab
expect "* 第一部分 部门概况"
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
# A fatal signal: the terminal comes back first, then budget dies of it.
start 80 24
expect "Contents"
kill -SEGV "$(cat "$tmp/pid")"
ended 139
# Dying of a fatal signal, budget frees nothing, so under valgrind its log
# holds leak records that say only that; any other error in it still counts.
vglog="$tmp/valgrind.$(cat "$tmp/pid")"
if [ "${BUDGET_E2E_VALGRIND:-0}" = 1 ] && ! grep -qE \
	'Invalid|uninitialised|Conditional jump|Syscall param|Mismatched|overlap' "$vglog"; then
	rm -f "$vglog"
fi
# Ctrl-C in a prompt cancels the prompt; elsewhere it quits.
start 80 24
expect "Contents"
keys /
type_text 信访
expect "/信访"
keys C-c
expect "Contents"
absent "/信访"
keys C-c
ended 130

# ---- a terminal that cannot be driven ---------------------------------------------------
start 80 24 "" data/budget.yaml "" TERM=dumb
expect "EXIT=1"
expect "budget: "

# ---- the terminal goes away -------------------------------------------------------
# budget on a pty whose other side is closed: as its controlling terminal
# (the kernel sends SIGHUP), and as a terminal that is not (no signal; the
# reads fail).  Either way it leaves at once with status 129 (128 + SIGHUP)
# instead of reading again for ever.
for how in ctty plain; do
	size="pty-$how"
	T kill-server >/dev/null 2>&1
	if python3 - "$how" "$run" <<'PY'
import os, pty, select, struct, subprocess, sys, time, fcntl, termios
how, run = sys.argv[1], sys.argv[2]
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
env = dict(os.environ, TERM="screen-256color")
def ctty():
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
p = subprocess.Popen(run.split() + ["data/budget.yaml"], stdin=slave, stdout=slave,
                     stderr=subprocess.PIPE, env=env,
                     preexec_fn=ctty if how == "ctty" else None)
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
if b"Contents" in seen and status == 129:
    sys.exit(0)
print("    | screen seen: %s, exit %d, stderr: %r" % (b"Contents" in seen, status, err))
sys.exit(1)
PY
	then ok; else bad "the terminal went away ($how)"; fi
done

if [ "${BUDGET_E2E_VALGRIND:-0}" = 1 ]; then
	if cat "$tmp"/valgrind.* 2>/dev/null | grep -q .; then
		echo "e2e FAIL: valgrind reported errors:"
		cat "$tmp"/valgrind.*
		fail=$((fail + 1))
	else
		ok
	fi
fi

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
