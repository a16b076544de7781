#!/bin/sh
# need.sh MODE PKG_CONFIG PACKAGES: what the build and the tests need.
#   build, test: say in one line which Debian packages are missing, and fail.
#   install:     install the missing ones with apt-get (sudo when not root);
#                without apt-get, say what to install and fail.
# The only place in the project that installs anything (make deps).
set -u
mode=$1 pkgconfig=$2 packages=$3

# What a package provides, to see whether it is there.
present() {
	case $1 in
	pkg-config) command -v "$pkgconfig" >/dev/null 2>&1 ;;
	libncurses-dev) "$pkgconfig" --exists ncursesw 2>/dev/null ;;
	libyaml-dev) "$pkgconfig" --exists yaml-0.1 2>/dev/null ;;
	libcmocka-dev) "$pkgconfig" --exists cmocka 2>/dev/null ;;
	*) command -v "$1" >/dev/null 2>&1 ;;
	esac
}

missing=
for p in $packages; do
	present "$p" || missing="$missing $p"
done
missing=${missing# }
[ -z "$missing" ] && exit 0

case $mode in
install)
	if command -v apt-get >/dev/null 2>&1; then
		sudo=
		[ "$(id -u)" = 0 ] || sudo=sudo
		echo "installing: $missing"
		$sudo apt-get update -qq &&
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
		exit $?
	fi
	echo "budget: missing packages: $missing (Debian names; elsewhere install" \
	     "pkg-config and the development files of ncursesw, libyaml and cmocka," \
	     "plus tmux and python3)" >&2
	exit 1 ;;
*)
	echo "budget: the $mode needs: $missing (Debian: apt-get install $missing," \
	     "or make deps; elsewhere the same libraries' development files)" >&2
	exit 1 ;;
esac
