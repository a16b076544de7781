#!/bin/sh
# The layers: src/doc (the document) < src/report (what is made from it) <
# src/browse (the browser without a terminal) < ui (curses and main).
# Each includes only its own layer and those below it; nothing under src/
# includes curses or ui/.  Prints every include that breaks this.
set -u
cd "$(dirname "$0")/.."
bad=0
check() { # folder, layers it may not include
	dir=$1; shift
	for other in "$@"; do
		hits=$(grep -n "#include *[\"<]$other/" "$dir"/*.[ch] 2>/dev/null)
		if [ -n "$hits" ]; then
			echo "check-layers: $dir includes $other/:"; echo "$hits"; bad=1
		fi
	done
}
check src/doc report browse ui
check src/report browse ui
check src/browse ui
hits=$(grep -n '#include *[<"]\(n\|\)curses' src/*/*.[ch])
if [ -n "$hits" ]; then echo "check-layers: src/ includes curses:"; echo "$hits"; bad=1; fi
# An include without its layer would hide where a header lives.
hits=$(grep -n '#include "[^/]*\.h"' src/*/*.[ch] | grep -v '"config.h"')
if [ -n "$hits" ]; then echo "check-layers: includes must name their layer:"; echo "$hits"; bad=1; fi
[ $bad -eq 0 ] && echo "check-layers: doc < report < browse < ui, no curses under src/"
exit $bad
