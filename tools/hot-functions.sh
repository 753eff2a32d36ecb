#!/usr/bin/env bash
# Regenerates cmake/hot-functions.txt: the functions of the channeltray executable (the launcher)
# and its tray and commands libraries that run when one account starts and idles, which the link places first and together
# (cmake/ChannelTrayHotLayout.cmake), so the pages they share are all the code a small session
# maps in. Run it headless (a display, a tray host, D-Bus), with valgrind, on the Release build
# (the package preset), the one that is installed:
#   tools/headless.sh tools/hot-functions.sh [build-package [MORE_BUILD_DIRS...]]
# More builds add their own functions after the first's; the ci build (-O0, whose code calls out
# of line what Release inlines) would add about 6,000 and take one account's ci tray and watch
# from 34.7 and 20.3 to 33.8 and 20.0 MiB, which is why it is not in the list.
# For each build it runs, each under callgrind against the loopback servers, tokens inline: the
# tray with one Gotify account, `watch` with one Gotify account, the tray with one Gotify
# and one OpenIM account, then the tray with one Gotify account on a StatusNotifier host. A
# function that is gone is ignored by the link; a new one is placed with the rest until the
# list is made again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(($#)) || set -- "$root/build-package"
builds=()
for b in "$@"; do builds+=("$(cd "$b" && pwd)"); done
command -v valgrind >/dev/null || { echo "hot-functions: valgrind not found (apt-get install valgrind)" >&2; exit 2; }
[[ -n "${DISPLAY:-}" ]] || { echo "hot-functions: no display; run it under tools/headless.sh" >&2; exit 2; }
gotify_server="${builds[0]}/tests/servers/gotify/channeltray-gotify-server"
openim_server="${builds[0]}/tests/servers/openim/channeltray-openim-server"
for f in "$gotify_server" "$openim_server" "${builds[@]/%//app/channeltray}"; do
  [[ -x "$f" ]] || { echo "hot-functions: $f is not built" >&2; exit 2; }
done

work="$(mktemp -d -t channeltray-hot.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

field() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(eval("d"+sys.argv[2]))' "$1" "$2"; }
# A server's first stdout line describes it (url and tokens); it runs until killed.
start_server() { # NAME PROGRAM ARGS...
  local name=$1
  shift
  mkfifo "$work/$name.out"
  "$@" >"$work/$name.out" &
  pids+=($!)
  exec {fd}<"$work/$name.out"
  read -r -u "$fd" info
  printf '%s\n' "$info" >"$work/$name.json"
  cat <&"$fd" >/dev/null &
  pids+=($!)
}
start_server gotify "$gotify_server"
start_server openim "$openim_server" --users 1
g="$(cat "$work/gotify.json")"
o="$(cat "$work/openim.json")"
gotify_account="\"bot0001\": {\"serverUrl\": \"$(field "$g" '["url"]')\", \"clientToken\": \"$(field "$g" '["clientToken"]')\", \"appToken\": \"$(field "$g" '["appToken"]')\"}"
openim_account="\"im0001\": {\"wsAddr\": \"$(field "$o" '["wsAddr"]')\", \"apiAddr\": \"$(field "$o" '["apiAddr"]')\", \"token\": \"$(field "$o" '["tokens"]["u_1"]')\"}"
gotify_only="{\"channels\": {\"gotify\": {\"inbound\": {\"enabled\": true}, \"accounts\": {$gotify_account}}}}"
mixed="{\"channels\": {\"gotify\": {\"inbound\": {\"enabled\": true}, \"accounts\": {$gotify_account}},
  \"multi-openim\": {\"tokenRefresh\": {\"mode\": \"off\"}, \"accounts\": {$openim_account}}}}"

# Runs the product under callgrind until it has connected and idled a while, ends it as a session
# logout would (SIGTERM), and lists the functions that ran in the executable and its libraries.
profile() { # NAME BINARY CONFIG SECONDS ARGS...
  local name=$1 bin=$2 config=$3 seconds=$4
  shift 4
  local home="$work/$name"
  mkdir -p "$home"
  printf '%s\n' "$config" >"$home/config.json"
  HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state" \
    XDG_CACHE_HOME="$home/cache" TMPDIR="$home" \
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$name.callgrind" \
    "$bin" "$@" --config "$home/config.json" >/dev/null 2>"$work/$name.log" &
  local pid=$!
  sleep "$seconds"
  kill -TERM "$pid"
  wait "$pid" || true
  grep -q 'connected' "$work/$name.log" || { echo "hot-functions: $name did not connect" >&2; cat "$work/$name.log" >&2; exit 1; }
  # fn= lines name each function with a cost, under the object of the ob= line before them;
  # the first use of an id spells the name out, later ones give the id alone. Printed as
  # "exe NAME" (the executable) or "lib NAME" (the tray or the commands library).
  awk '
    /^c?ob=\(/ { id = $1; sub(/^c?ob=/, "", id); rest = substr($0, index($0, ")") + 2); if (rest != "") obj[id] = rest
                 if ($0 ~ /^ob=/) ours = obj[id] ~ /\/app\/channeltray$/ ? "exe" : (obj[id] ~ /libchanneltray-(tray|cli)\.so$/ ? "lib" : "") }
    /^c?fn=\(/ { id = $1; sub(/^c?fn=/, "", id); rest = substr($0, index($0, ")") + 2); if (rest != "") fn[id] = rest
                 if ($0 ~ /^fn=/ && ours != "") { name = fn[id]; sub(/'"'"'[0-9]+$/, "", name)
                                                  if (name ~ /^[A-Za-z_][A-Za-z0-9_.]*$/) print ours, name } }
  ' "$work/$name.callgrind" | sort -u >"$work/$name.functions"
  echo "hot-functions: $name: $(wc -l <"$work/$name.functions") functions"
}
out="$root/cmake/hot-functions.txt"
names() { cut -d' ' -f2 "$@" | sort -u; }
# First what the executable runs before it hands over to a library (so the tray maps little of
# the executable), then the rest of one account's tray and watch, then OpenIM's; in
# each group the first build's functions, then what the next adds.
touch "$work/group1" "$work/group2" "$work/group3" "$work/listed"
add() { # GROUP: appends the names on stdin that no group has yet
  comm -23 - "$work/listed" >"$work/new"
  cat "$work/new" >>"$work/$1"
  sort -u "$work/listed" "$work/new" -o "$work/listed"
}
# The session's tray host is an XEmbed one (trayer, tools/headless-session.sh); xfce4-panel adds a
# StatusNotifier host (as on KDE, XFCE and GNOME with AppIndicator), whose tray runs our
# StatusNotifierItem and D-Bus menu instead of Qt's XEmbed icon.
sni_panel=""
start_sni_host() {
  command -v xfce4-panel >/dev/null || { echo "hot-functions: xfce4-panel not found (apt-get install xfce4-panel)" >&2; exit 2; }
  xfce4-panel --disable-wm-check >/dev/null 2>&1 &
  sni_panel=$!
  pids+=("$sni_panel")
  for _ in $(seq 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
      string:org.kde.StatusNotifierWatcher 2>/dev/null | grep -q true && return 0
    sleep 0.2
  done
  echo "hot-functions: no StatusNotifier host after 20 s" >&2
  exit 1
}
n=0
for b in "${builds[@]}"; do
  n=$((n + 1))
  profile "tray$n" "$b/app/channeltray" "$gotify_only" 60
  profile "watch$n" "$b/app/channeltray" "$gotify_only" 40 watch
  profile "mixed$n" "$b/app/channeltray" "$mixed" 60
done
start_sni_host
for ((i = 1; i <= n; i++)); do profile "sni$i" "${builds[i - 1]}/app/channeltray" "$gotify_only" 60; done
touch "$work/group4"
for ((i = 1; i <= n; i++)); do grep '^exe ' "$work/tray$i.functions" | names | add group1; done
for ((i = 1; i <= n; i++)); do names "$work/tray$i.functions" "$work/watch$i.functions" | add group2; done
for ((i = 1; i <= n; i++)); do names "$work/sni$i.functions" | add group3; done
for ((i = 1; i <= n; i++)); do names "$work/mixed$i.functions" | add group4; done
{
  echo "# The functions the executable runs before it loads a library, then those one account"
  echo "# runs in the tray (on an XEmbed host) and in watch, then what the tray adds on a"
  echo "# StatusNotifier host, then what OpenIM adds: the link places them first, in this order"
  echo "# (cmake/ChannelTrayHotLayout.cmake). Made by tools/hot-functions.sh from the Release"
  echo "# build; run it again when start-up or idle code changes much."
  cat "$work/group1" "$work/group2" "$work/group3" "$work/group4"
} >"$out"
echo "hot-functions: $(wc -l <"$work/group1") + $(wc -l <"$work/group2") + $(wc -l <"$work/group3") + $(wc -l <"$work/group4") functions in $out"
