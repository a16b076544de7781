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
# their prior year.  The baseline reads every file as one YAML stream.
n=${PROV_N:-1000}
rm -rf $B/prov $B/prov-prior
python3 tests/bench/genprov.py $B/prov $n
python3 tests/bench/genprov.py $B/prov-prior $n --year 2020
cat $B/prov/*.yaml >$B/prov-all.yaml
report_set() { # label, budget args (the files among them)...
	label=$1
	shift
	base=$(measure $B/yamlscan $B/prov-all.yaml)
	ours=$(measure ./budget "$@")
	echo "$base $ours" | awk -v label="$label" '{ printf "%-32s time %7d us vs baseline %7d us = %5.2fx   peak RSS %6d KiB vs %6d KiB = %5.2fx\n", label, $4, $2, $4 / ($2 ? $2 : 1), $3, $1, $3 / ($1 ? $1 : 1) }'
}
echo "province: $n departments, $(cat $B/prov/*.yaml | wc -c) bytes"
report_set "province --check (one run)" --check $B/prov/*.yaml
report_set "province --list (aggregates)" --list $B/prov/*.yaml
report "department --print=all --compare" $B/prov/dept0001.yaml --print=all --compare=$B/prov-prior/dept0001.yaml
report "department --check --compare" $B/prov/dept0002.yaml --check --compare=$B/prov-prior/dept0002.yaml

# Hostile shapes at ~16 MiB: tests/bench/adversarial_bench.sh (ADV_SIZES,
# ADV_SHAPES, ADV_TIMEOUT; ADV=0 leaves them out).
[ "${ADV:-1}" = 0 ] || B=$B sh tests/bench/adversarial_bench.sh
