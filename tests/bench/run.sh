#!/bin/sh
# make bench: speed and memory of budget as ratios against a baseline run
# at the same time (libyaml reading the same file and doing nothing else),
# so the numbers mean the same on a slow or busy machine.  Reports; never fails
# on a number.  RUNS (7) runs each; PROV_N (1000) departments in the
# synthetic province; the adversarial section at the end takes minutes
# while shapes are slow (ADV=0 leaves it out; see adversarial_bench.sh).
set -eu
cd "$(dirname "$0")/../.."
B=build/bench
mkdir -p $B
CFLAGS_YAML=$(pkg-config --cflags --libs yaml-0.1)
cc -O2 -o $B/yamlscan tests/bench/yamlscan.c $CFLAGS_YAML
cc -O2 -o $B/maxrss tests/bench/maxrss.c
python3 tests/bench/gen.py 20000 >$B/synthetic-20000.yaml
python3 tests/bench/gen.py 20000 --year=2019 >$B/synthetic-20000-prior.yaml
runs=${RUNS:-7}

# median of the second field (usec) and max of the first (KiB) over runs
measure() {
	i=0
	: >$B/samples
	while [ $i -lt $runs ]; do
		$B/maxrss "$@" >>$B/samples || true	# a failing --check is still timed
		i=$((i + 1))
	done
	sort -n -k2 $B/samples | awk -v n=$runs 'NR == int((n + 1) / 2) { t = $2 } { if ($1 > m) m = $1 } END { print m, t }'
}

report() { # label, file, budget args...
	label=$1 file=$2
	shift 2
	base=$(measure $B/yamlscan "$file")
	ours=$(measure ./budget "$@" "$file")
	echo "$base $ours" | awk -v label="$label" '{ printf "%-32s time %7d us vs baseline %7d us = %5.2fx   peak RSS %6d KiB vs %6d KiB = %5.2fx\n", label, $4, $2, $4 / ($2 ? $2 : 1), $3, $1, $3 / ($1 ? $1 : 1) }'
}

report "data/budget.yaml --print=all" data/budget.yaml --print=all

report "data/budget.yaml --check" data/budget.yaml --check
report "synthetic 20000 rows --print=3" $B/synthetic-20000.yaml --print=3
report "synthetic 20000 rows --check" $B/synthetic-20000.yaml --check
report "synthetic 20000 rows --compare" $B/synthetic-20000.yaml --print=3 --compare=$B/synthetic-20000-prior.yaml

# A synthetic province (genprov.py): PROV_N departments of two formats, and
# their prior year; (a) to (g) of the province issue, each a ratio to a
# baseline measured in the same run.
n=${PROV_N:-1000}
rm -rf $B/prov $B/prov-prior
python3 tests/bench/genprov.py $B/prov $n >/dev/null
python3 tests/bench/genprov.py $B/prov-prior $n --year 2020 >/dev/null
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc -Ibuild -o $B/keys tests/bench/keys.c \
	build/libbudget.a $CFLAGS_YAML
bytes=$(cat $B/prov/*.yaml | wc -c)
rows=$(./budget --print=all --format=csv $B/prov | awk -F, '$2 != "departments" && $2 !~ /^sum/' | wc -l)
echo
echo "province: $n departments, $bytes bytes of YAML ($PWD/$B/prov)"
floor=$(measure $B/yamlscan $B/prov/*.yaml)
load=$(measure ./budget --list $B/prov)
check=$(measure ./budget --check $B/prov)
print=$(measure ./budget --print=all $B/prov)
one=$(measure $B/keys data/budget.yaml)
k1=$($B/keys data/budget.yaml)
kp=$($B/keys $B/prov/)
py=
if python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
	py=$(measure python3 -c 'import sys, yaml
for p in sys.argv[1:]:
    yaml.load(open(p, "rb"), Loader=yaml.CSafeLoader)' $B/prov/*.yaml)
fi
echo "$floor|$load|$check|$print|$k1|$kp|$py|$bytes" | awk -F'|' '
function t(s) { split(s, a, " "); return a[2] }
function m(s) { split(s, a, " "); return a[1] }
{
	floor = t($1); load = t($2); check = t($3); print_ = t($4)
	split($5, k1, " "); split($6, kp, " ")
	printf "  (a) load (--list: every file and the city) %8.0f ms / floor %6.0f ms = %5.2f  (target <= 1.5)\n", load / 1000, floor / 1000, load / floor
	printf "  (b) peak RSS %6.1f MiB / YAML %6.1f MiB           = %5.2f  (target <= 2.5)\n", m($2) / 1024, $8 / 1048576, m($2) * 1024 / $8
	printf "  (c) --check of the set %8.0f ms / floor             = %5.2f  (target <= 2.5)\n", check / 1000, check / floor
	printf "  (d) 1,000 keys: province %6.0f ms / data/budget.yaml %4.0f ms = %5.2f  (target <= 2)\n", kp[2] / 1000, k1[2] / 1000, kp[2] / k1[2]
	printf "  (e) a rare word searched across the province: %5.0f ms = %5.3f of the load\n", kp[3] / 1000, kp[3] / load
	printf "  (f) --print=all of the set %8.0f ms / load            = %5.2f  (target <= 2)\n", print_ / 1000, print_ / load
	if ($7 != "")
		printf "  (g) PyYAML CSafeLoader %8.0f ms / our load            = %5.1f  (target >= 40)\n", t($7) / 1000, t($7) / load
	else
		printf "  (g) PyYAML CSafeLoader: not installed (apt-get install python3-yaml)\n"
}'
report "department --print=all --compare" $B/prov/dept0001.yaml --print=all --compare=$B/prov-prior/dept0001.yaml
report "department --check --compare" $B/prov/dept0002.yaml --check --compare=$B/prov-prior/dept0002.yaml

# Hostile shapes at ~16 MiB: tests/bench/adversarial_bench.sh (ADV_SIZES,
# ADV_SHAPES, ADV_TIMEOUT; ADV=0 leaves them out).
[ "${ADV:-1}" = 0 ] || B=$B sh tests/bench/adversarial_bench.sh
