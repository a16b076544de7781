#!/bin/sh
# budget --check: every document in data/ reconciles, and 2019 against 2018
# of the one department with both; for each kind of check, a copy of
# data/budget.yaml with one cell changed by 0.01 fails on exactly the rows
# that cell concerns, at their YAML lines; synthetic fixtures cover known
# faults, a file that does not load, several files, and the findings in
# each language; then the CSV round trip.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
export LC_ALL=C.UTF-8
budget=${BUDGET:-./budget}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "check.sh: $*"; }

# Line numbers are looked up, never written down: the data file grows.
line_of() { # fixed text; the first line holding it
	grep -n -F -- "$1" data/budget.yaml | head -1 | cut -d: -f1
}
line_after() { # line, fixed text; the first line after `line` holding it
	awk -v n="$1" -v s="$2" 'NR > n && index($0, s) { print NR; exit }' data/budget.yaml
}

# ---- the real documents check clean
for doc in $(find data -name '*.yaml' | sort); do
	"$budget" --check "$doc" >"$tmp/out" 2>&1
	st=$?
	summary=$(tail -1 "$tmp/out")
	if [ $st -eq 0 ] && echo "$summary" |
		grep -Eq '^[0-9]+ checks, [0-9]+ passed, 0 failed, [0-9]+ not checkable(, [0-9]+ known faults?)?$'; then
		ok
	else
		bad "$doc: exit $st, summary '$summary'"
	fi
done
"$budget" --check data/budget.yaml >"$tmp/out" 2>&1
# 表2 is incomplete: what needs its total is not checkable, never passed.
if grep -q "^data/budget.yaml:[0-9]*: 表2 row 'total' = .*: cannot be checked: 表2 is incomplete in the source" \
	"$tmp/out"; then ok; else bad "no not-checkable finding for the incomplete 表2"; fi
# And in Chinese, in budget terms.
LC_ALL=zh_CN.UTF-8 "$budget" --check data/budget.yaml >"$tmp/out" 2>&1
if grep -q "^data/budget.yaml:[0-9]*: 表2 来源不完整（.*），无法核对 表2 行“total” = 表1 " "$tmp/out"; then
	ok
else
	bad "no Chinese not-checkable finding for the incomplete 表2"
fi

# ---- 2019 against the 2018 file: the stated changes agree with it
z=data/jiangsu
"$budget" --check --compare=$z/zxbgt-2018.yaml $z/zxbgt-2019.yaml >"$tmp/out" 2>&1
st=$?
if [ $st -eq 0 ] && tail -1 "$tmp/out" | grep -Eq ', [0-9]+ stated changes checked against data/jiangsu/zxbgt-2018.yaml$'; then
	ok
else
	bad "2019 against 2018: exit $st"; tail -3 "$tmp/out"
fi
# Another department is refused, in one line, exit 2.
"$budget" --check --compare=$z/jcy-2018.yaml $z/gjfy-2019.yaml >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q 'is another department' "$tmp/err"; then
	ok
else
	bad "another department: exit $st"; cat "$tmp/err"
fi

# ---- one cell changed by 0.01
# mutate KIND LINE OLD NEW EXPECTED_LINES TEXT: replace OLD by NEW on LINE of
# a copy; --check must exit 1, the failed findings must be at exactly
# EXPECTED_LINES (space-separated, ascending), and the first of them must
# read TEXT.
mutate() {
	kind=$1 at=$2 old=$3 new=$4 want=$5 text=$6
	if [ -z "$at" ]; then
		bad "$kind: the line to change was not found"
		return
	fi
	awk -v n="$at" -v o="$old" -v w="$new" 'NR == n {
		i = index($0, o); if (i) $0 = substr($0, 1, i - 1) w substr($0, i + length(o)) }
		{ print }' data/budget.yaml >"$tmp/b.yaml"
	if [ "$(diff data/budget.yaml "$tmp/b.yaml" | grep -c '^>')" != 1 ]; then
		bad "$kind: '$old' is not on line $at"
		return
	fi
	"$budget" --check "$tmp/b.yaml" >"$tmp/out" 2>&1
	st=$?
	got=$(grep -v ': cannot be checked\|(known fault of' "$tmp/out" | sed -n "s|^$tmp/b.yaml:\([0-9]*\): .*|\1|p" |
		sort -nu | tr '\n' ' ' | sed 's/ $//')
	first=${want%% *}
	if [ $st -ne 1 ]; then
		bad "$kind: exit $st, want 1"
	elif [ "$got" != "$want" ]; then
		bad "$kind: failed findings at lines '$got', want '$want'"
		cat "$tmp/out"
	elif ! grep -qF "$tmp/b.yaml:$first: $text" "$tmp/out"; then
		bad "$kind: no finding '$first: $text'"
		cat "$tmp/out"
	else
		ok
	fi
}

# Tree sum: a child of 301 in 表9 (one amount column, no sum_of).
l=$(line_of '{code: "30101", name: 基本工资')
mutate "tree sum" "$l" 265.40 265.41 "$(line_of '{code: "301", name: 工资福利支出')" \
	"表9 301 工资福利支出: expected 2239.15 (the sum of the 9 rows under it), found 2239.14, difference -0.01"

# 其中 breakdown: the 政府性基金 cell of a 其中 row of 表10, which also
# breaks that row's own 财政拨款 sum (a column identity of the same row).
t10=$(line_of '  - id: t10')
l=$(line_of '{id: special_fund, name: 市级财政专项资金')
mutate "其中 breakdown" "$l" "[0.00, 0.00, 0.00, 0.00," "[0.00, 0.00, 0.00, 0.01," \
	"$(line_after "$t10" '- id: total') $l" \
	"表10 合计 [财政拨款/政府性基金预算]: expected 0.01 (the sum of its 2 其中 rows), found 0.00, difference -0.01"

# Column identity (sum_of): 行政经费 of 表12, a row with no parent.
l=$(line_of '{id: admin, name: 行政经费')
mutate "column sum_of" "$l" "153.29, 0.00, 0.00]" "153.29, 0.01, 0.00]" "$l" \
	"表12 行政经费 [合计]: expected 153.30 (一般公共预算 + 政府性基金预算 + 国有资本经营预算), found 153.29, difference -0.01"

# Cross-table identity: 表8's total against 表3's basic column.  The same
# cell also breaks 表8's own tree sum and column sum, on the same row.
t8=$(line_of '  - id: t8')
row=$(line_after "$t8" '- id: total')
ident=$(line_of '- label: 基本支出：表8 总计 = 表3 基本支出')
mutate "cross-table identity" "$((row + 2))" "[2724.86, 2724.86," "[2724.87, 2724.86," \
	"$row $ident" \
	"表8 合计 [总计]: expected 2724.86 (the one row under it), found 2724.87, difference +0.01"
if grep -qF "$tmp/b.yaml:$ident: 表8 合计 [总计]: expected 2724.86 (表3 总计 [基本支出]), found 2724.87, difference +0.01 — 基本支出：表8 总计 = 表3 基本支出" \
	"$tmp/out"; then ok; else bad "cross-table identity: no finding at line $ident"; fi

# Stated figure: the narrative's 2020 total against 表1.
l=$(line_of 'value: 3676.98')
mutate "stated figure" "$l" 3676.98 3676.99 "$l" \
	"figure budget_total (2020年收支总预算): expected 3676.98 (表1 支 出 支出总计), found 3676.99, difference +0.01"

# Stated rate: 增长4.57% printed as 4.58%.
l=$(line_of 'rate: "4.57%"')
mutate "stated rate" "$l" 4.57% 4.58% "$l" \
	"figure budget_total (2020年收支总预算) rate: expected 4.57% (change 160.81 on a prior year of 3516.17), found 4.58%, difference +0.01 percentage points"

# Stated change: 公务接待费 较上年增加0.11 printed as 0.12: its rate no longer
# follows, and the 三公 changes no longer add up.
l=$(line_of 'change: 0.11')
mutate "stated change" "$l" 0.11 0.12 \
	"$(line_after "$l" 'rate: "5.02%"') $(line_of '- label: “三公”经费较上年的变化')" \
	"figure sangong_reception (公务接待费预算) rate: expected 5.50% (change 0.12 on a prior year of 2.18), found 5.02%, difference -0.48 percentage points"

# ---- synthetic fixtures
f=tests/fixtures/check
"$budget" --check $f/known.yaml >"$tmp/out" 2>&1
st=$?
if [ $st -eq 0 ] && [ "$(grep -c 'known fault of the source' "$tmp/out")" = 2 ] &&
	tail -1 "$tmp/out" | grep -qx '3 checks, 1 passed, 0 failed, 0 not checkable, 2 known faults'; then
	ok
else
	bad "known.yaml: exit $st"; cat "$tmp/out"
fi
"$budget" --check $f/fail.yaml >"$tmp/out" 2>&1
st=$?
if [ $st -eq 1 ] && grep -q "^$f/fail.yaml:16: 表3 201 " "$tmp/out" &&
	grep -q "^$f/fail.yaml:17: 表3 20103 " "$tmp/out"; then
	ok
else
	bad "fail.yaml: exit $st"; cat "$tmp/out"
fi
"$budget" --check $f/broken.yaml >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st -eq 2 ] && grep -q "^$f/broken.yaml:19:[0-9]*: .* column 'nosuch'" "$tmp/err"; then
	ok
else
	bad "broken.yaml: exit $st"; cat "$tmp/err"
fi
# Several files: each is checked, the exit status is the worst.
"$budget" --check data/budget.yaml $f/known.yaml >/dev/null 2>&1
st1=$?
"$budget" --check $f/fail.yaml data/budget.yaml >/dev/null 2>&1
st2=$?
"$budget" --check $f/broken.yaml $f/fail.yaml >"$tmp/out" 2>/dev/null
st3=$?
if [ $st1 -eq 0 ] && [ $st2 -eq 1 ] && [ $st3 -eq 2 ] && grep -q "^$f/fail.yaml:16:" "$tmp/out"; then
	ok
else
	bad "several files: exit $st1 $st2 $st3, want 0 1 2"
fi

# ---- one language per run: the findings of fail.yaml in Chinese hold
# no English word, and in English no Chinese outside the document's names
LC_ALL=zh_CN.UTF-8 "$budget" --check $f/fail.yaml >"$tmp/zh" 2>&1
LC_ALL=C.UTF-8 "$budget" --check $f/fail.yaml >"$tmp/en" 2>&1
if grep -Eiq '\b(expected|found|difference|checks|passed|failed|checkable|rows?|sum)\b' "$tmp/zh"; then
	bad "Chinese findings hold English words:"; cat "$tmp/zh"
elif ! grep -q '应为' "$tmp/zh"; then
	bad "Chinese findings are not in Chinese:"; cat "$tmp/zh"
else
	ok
fi
names='一般公共服务支出|政府办公厅（室）及相关机构事务|行政运行|信访事务|表3|支出总体情况表'
if sed -E "s/$names//g" "$tmp/en" | grep -qP '[\x{4e00}-\x{9fff}]'; then
	bad "English findings hold Chinese words:"; cat "$tmp/en"
else
	ok
fi

# ---- CSV export round trip of the 14 tables
if python3 tests/csv_roundtrip.py; then ok; else bad "csv_roundtrip.py failed"; fi

echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
