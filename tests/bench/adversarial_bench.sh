#!/bin/sh
# The adversarial section of `make bench`: every shape of
# tests/bench/adversarial.py at ~16 MiB (just under the loader's cap), each
# run of budget timed beside the libyaml floor (yamlscan on the same file,
# the same moment), as "time = N x floor".  A run over 2 s is marked SLOW,
# one cut off after ADV_TIMEOUT seconds TIMEOUT, a crash (exit > 2 or a
# signal) CRASH.  Reports; never fails on a number.
#
#   ADV_SIZES="4 8 16"  sizes in MiB (16 means 16 MiB minus 64 KiB); with
#                       several, each run also prints how its time grew
#                       from the size before (x4 when the size doubles
#                       looks quadratic: marked GROWTH)
#   ADV_SHAPES="wide repeat"   only these shapes (default: all)
#   ADV_TIMEOUT=30      seconds before a run is cut off
#   ADV_RUNS=3          runs per measurement (median); a run over 2 s is
#                       measured once
#   B=build/bench       where the programs and files go
set -eu
cd "$(dirname "$0")/../.."
B=${B:-build/bench}
mkdir -p $B/adv
[ -x $B/yamlscan ] || cc -O2 -o $B/yamlscan tests/bench/yamlscan.c $(pkg-config --cflags --libs yaml-0.1)
cc -O2 -o $B/maxrss tests/bench/maxrss.c
BUDGET=${BUDGET:-./budget}
sizes=${ADV_SIZES:-16}
shapes=${ADV_SHAPES:-$(python3 tests/bench/adversarial.py --list | awk '{ print $1 }')}
tmo=${ADV_TIMEOUT:-30}
runs=${ADV_RUNS:-3}

# The runs of one shape: "name|budget arguments"; PRIOR stands for the same
# shape written for the year before (--compare needs the prior year).
modes() {
	echo "print|--print=all"
	echo "check|--check"
	case $1 in
	*-dup|*-refused) ;;
	repeat|tables|tables-refs|figures|wide|sumof|deep|longcode|hashflood)
		echo "compare|--print=all --compare=PRIOR"
		echo "check+cmp|--check --compare=PRIOR" ;;
	esac
	case $1 in
	text|wide) echo "width80|--print=all --width=80" ;;
	esac
}

# median of runs of "KIB USEC STATUS"; one run when the first is slow
measure() {
	: >$B/adv/samples
	i=0
	while [ $i -lt $runs ]; do
		st=0
		line=$($B/maxrss timeout -k 5 $tmo "$@" 2>/dev/null) || st=$?
		echo "$line $st" >>$B/adv/samples
		i=$((i + 1))
		usec=${line#* }
		[ "${usec:-0}" -gt 2000000 ] && break
	done
	sort -n -k2 $B/adv/samples | awk '{ l[NR] = $0 } END { print l[int((NR + 1) / 2)] }'
}

bytes_of() { # MiB
	if [ "$1" = 16 ]; then echo $((16 * 1048576 - 65536)); else echo $(($1 * 1048576)); fi
}

rm -f $B/adv/times
echo "adversarial shapes (tests/bench/adversarial.py; target under 2 s each):"
for shape in $shapes; do
	prev_size= 
	for mib in $sizes; do
		size=$(bytes_of $mib)
		f=$B/adv/$shape-$mib.yaml
		p=$B/adv/$shape-$mib-prior.yaml
		python3 tests/bench/adversarial.py --size $size $shape $f
		floor=$(measure $B/yamlscan $f)
		modes $shape | while IFS='|' read -r name args; do
			case $args in *PRIOR*)
				[ -f $p ] || python3 tests/bench/adversarial.py --size $size --year 2020 $shape $p ;;
			esac
			# shellcheck disable=SC2086
			ours=$(measure $BUDGET $(echo $args | sed "s|PRIOR|$p|") $f)
			key="$shape/$name"
			last=$(awk -v k="$key" '$1 == k { t = $2 } END { print t }' $B/adv/times 2>/dev/null || true)
			echo "$key $(echo $ours | cut -d' ' -f2)" >>$B/adv/times
			echo "$floor $ours" | awk -v shape="$shape" -v name="$name" -v mib="$mib" \
				-v bytes="$(wc -c <$f)" -v tmo="$tmo" -v last="$last" '{
				t = $5 / 1e6; base = $2 / 1e6; st = $6
				mark = ""
				if (st == 124) mark = " TIMEOUT (cut off at " tmo " s)"
				else if (st > 2) mark = " CRASH (exit " st ")"
				else if (t > 2) mark = " SLOW"
				grow = ""
				if (last != "" && last > 0) {
					g = $5 / last
					grow = sprintf("  x%.1f from half the size", g)
					if (g > 3 && $5 > 200000) grow = grow " GROWTH"
				}
				printf "  %-16s %-10s %5.1f MiB  %7.2f s = %6.1fx floor (%5.2f s)  peak %5d MiB  exit %d%s%s\n",
					shape, name, bytes / 1048576, t, (base > 0 ? t / base : 0), base,
					$4 / 1024, st, grow, mark
			}'
		done
	done
done
rm -f $B/adv/times $B/adv/samples
