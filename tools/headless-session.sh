#!/usr/bin/env bash
# Inside Xvfb and a private D-Bus session (see tools/headless.sh): unlock a gnome-keyring,
# start a tray host, wait until both are up, then run the command.
set -euo pipefail
echo -n channeltray-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
# trayer sometimes exits before it shows its panel (seen at load 15-18: no panel after 30 s);
# it is started again then, at most twice, and what it said is kept in $XDG_RUNTIME_DIR.
start_tray() {
  trayer --edge top --align right --widthtype request --height 32 --SetDockType true \
    >/dev/null 2>>"$XDG_RUNTIME_DIR/trayer.log" &
  tray_pid=$!
}
start_tray
trap 'kill $tray_pid 2>/dev/null || true' EXIT
# At most 30 s for the tray host's panel window (5 s before): at load 10-15 on 2 cores, 2 of 15
# bench_scale sessions had no tray host for their tray runs, which ran in their window ("NOT A
# VALID RUN"). A session that still has none after the wait says so.
tray_up=0
tray_starts=1
for _ in $(seq 1 300); do
  xwininfo -root -tree 2>/dev/null | grep -q '"panel": ("panel" "trayer")' && { tray_up=1; break; }
  if ! kill -0 "$tray_pid" 2>/dev/null && ((tray_starts < 3)); then
    start_tray
    tray_starts=$((tray_starts + 1))
  fi
  sleep 0.1
done
if ((!tray_up)); then
  echo "headless-session: no tray host (trayer started $tray_starts times) after 30 s; running without one" >&2
  tail -n 3 "$XDG_RUNTIME_DIR/trayer.log" >&2 2>/dev/null || true
fi
"$@"
