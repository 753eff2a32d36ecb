#!/usr/bin/env bash
# Runs a command headless, as a user's desktop would: Xvfb, a private D-Bus session, an
# unlocked gnome-keyring (Secret Service), a system-tray host, and a fresh $HOME.
#   tools/headless.sh ctest --test-dir build --output-on-failure
set -euo pipefail
(($#)) || { echo "usage: tools/headless.sh COMMAND [ARGS...]" >&2; exit 2; }

scratch="$(mktemp -d -t channeltray-headless.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_CONFIG_HOME="$scratch/home/.config" \
       XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache" NO_AT_BRIDGE=1
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS

# The inner script: unlock the keyring, start a tray host, wait until both answer, run.
inner='
set -euo pipefail
echo -n channeltray-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
trayer --edge top --align right --widthtype request --height 32 --SetDockType true >/dev/null 2>&1 &
for _ in $(seq 1 50); do
  xprop -root _NET_SUPPORTING_WM_CHECK >/dev/null 2>&1 || true
  xprop -root | grep -q "_NET_SYSTEM_TRAY_S\|MANAGER" 2>/dev/null && break
  xwininfo -root -children 2>/dev/null | grep -qi trayer && break
  sleep 0.1
done
"$@"
'
exec xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
  dbus-run-session -- bash -c "$inner" channeltray-headless "$@"
