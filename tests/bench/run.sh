#!/bin/sh
# make bench: speed and memory of budget as ratios against a baseline run
# at the same time (libyaml reading the same file and doing nothing else),
# so the numbers mean the same on a slow or busy machine.  Reports; never fails
# on a number.
set -eu
cd "$(dirname "$0")/../.."
B=build/bench
mkdir -p $B
CFLAGS_YAML=$(pkg-config --cflags --libs yaml-0.1)
cc -O2 -o $B/yamlscan tests/bench/yamlscan.c $CFLAGS_YAML
cc -O2 -o $B/maxrss tests/bench/maxrss.c
python3 tests/bench/gen.py 20000 >$B/synthetic-20000.yaml
runs=${RUNS:-7}

# median of the second field (usec) and max of the first (KiB) over runs
measure() {
	i=0
	: >$B/samples
	while [ $i -lt $runs ]; do
		$B/maxrss "$@" >>$B/samples
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
report "synthetic 20000 rows --compare" $B/synthetic-20000.yaml --print=3 --compare=$B/synthetic-20000.yaml
