# lib.sh: sourced by the test scripts.
# need_shared NAME PATH: PATH lies in ../shared beside the repository, as CI
# lays it out; a user's clone has none.  Without it the test is skipped
# (exit 77, one line saying so), unless CI is set: then it fails.
need_shared() {
	[ -e "$2" ] && return 0
	if [ -n "${CI:-}" ]; then
		echo "$1: $2 not found (CI is set, so this fails)"
		exit 1
	fi
	echo "$1: skipped, $2 not found"
	exit 77
}
BUDGET=${BUDGET:-./budget}
