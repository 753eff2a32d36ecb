#!/usr/bin/env bash
# Fails when cmake/hot-functions.txt names more than 1 % of functions that this build's executable
# and tray library no longer have: renamed or removed since tools/hot-functions.sh made the list.
# The start-up or idle code has then changed much, and the link places the new code with the cold
# code (cmake/ChannelTrayHotLayout.cmake): each such function pulls about 64 KiB of cold code into
# one account's memory. Fewer gone functions are listed as a warning only, so a rename does not
# stop the suite. A compiler clone (name.isra.0, .constprop.0, .part.0, .cold) counts as its
# function, so an -O0 build checks a list made from the Release build.
#   check_hot_list.sh NM LIST BINARY...
set -euo pipefail
nm_tool=$1 list=$2
shift 2
work="$(mktemp -d -t channeltray-hotlist.XXXXXX)"
trap 'rm -rf "$work"' EXIT
base() { sed -E 's/(\.(isra|constprop|part|cold|lto_priv)(\.[0-9]+)?)+$//'; }
"$nm_tool" --defined-only "$@" | awk 'NF == 3 { print $3 }' >"$work/names"
{ cat "$work/names"; base <"$work/names"; } | sort -u >"$work/defined"
grep -v '^#' "$list" | base | sort -u >"$work/listed"
comm -23 "$work/listed" "$work/defined" >"$work/gone"
listed=$(wc -l <"$work/listed")
gone=$(wc -l <"$work/gone")
if ((gone == 0)); then
  echo "all $listed functions of $list are in this build"
  exit 0
fi
echo "$gone of the $listed functions in $list are gone from this build (renamed or removed):"
c++filt <"$work/gone" | sed 's/^/  /'
echo "Make the list again from the Release build: tools/headless.sh tools/hot-functions.sh build-package"
((gone * 100 <= listed)) || exit 1
echo "(at most 1 % gone: passes)"
