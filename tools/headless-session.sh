#!/usr/bin/env bash
# Inside Xvfb and a private D-Bus session (see tools/headless.sh): unlock a gnome-keyring,
# start a tray host, wait until both are up, then run the command.
set -euo pipefail
echo -n channeltray-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
trayer --edge top --align right --widthtype request --height 32 --SetDockType true >/dev/null 2>&1 &
tray_pid=$!
trap 'kill $tray_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do # at most 5 s for the tray host's panel window
  xwininfo -root -tree 2>/dev/null | grep -q '"panel": ("panel" "trayer")' && break
  sleep 0.1
done
"$@"
