#!/usr/bin/env bash
# Runs a test on a desktop of its own: a private Xvfb (its own display number, picked by the
# server) and a private D-Bus session bus. Suites that start a notification daemon or a
# StatusNotifier panel use it, so that neither leaks onto the shared headless session (where
# trayer is the XEmbed host the other tray suites expect, and no notification service runs).
#   private-desktop.sh TEST-BINARY [ARGS...]
set -euo pipefail
fifo="$(mktemp -u -t channeltray-display.XXXXXX)"
mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -f "$fifo"' EXIT
display=""
read -r -t 20 display <"$fifo" || true
[[ -n "$display" ]] || { echo "private-desktop: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$display"
unset DBUS_SESSION_BUS_ADDRESS
dbus-run-session -- "$@"
