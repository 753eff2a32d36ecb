#!/usr/bin/env bash
# Inside Xvfb and a private D-Bus session (see tools/headless.sh): unlock a gnome-keyring,
# start a tray host, wait until both are up, then run the command.
set -euo pipefail
echo -n channeltray-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
trayer --edge top --align right --widthtype request --height 32 --SetDockType true >/dev/null 2>&1 &
tray_pid=$!
trap 'kill $tray_pid 2>/dev/null || true' EXIT
# At most 30 s for the tray host's panel window (5 s before): at load 10-15 on 2 cores, 2 of 15
# bench_scale sessions had no tray host for their tray runs, which ran in their window ("NOT A
# VALID RUN"). A session that still has none after the wait says so.
tray_up=0
for _ in $(seq 1 300); do
  xwininfo -root -tree 2>/dev/null | grep -q '"panel": ("panel" "trayer")' && { tray_up=1; break; }
  sleep 0.1
done
((tray_up)) || echo "headless-session: no tray host (trayer) after 30 s; running without one" >&2
"$@"
