#!/usr/bin/env bash
# Runs a test on a desktop of its own: a private Xvfb (its own display number, picked by the
# server) and a private D-Bus session bus. Suites that start a notification daemon or a
# StatusNotifier panel use it, so that neither leaks onto the shared headless session (where
# trayer is the XEmbed host the other tray suites expect, and no notification service runs).
# PRIVATE_DESKTOP_NO_NOTIFICATIONS=1: a bus on which no notification service exists or can start.
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
if [[ "${PRIVATE_DESKTOP_NO_NOTIFICATIONS:-}" == 1 ]]; then
    # A desktop without a notification daemon installed: the bus can start every service this
    # machine has except org.freedesktop.Notifications (dunst's file names it), so nothing owns
    # the name and nothing can be activated for it.
    busdir="$(mktemp -d -t channeltray-bus.XXXXXX)"
    trap 'kill $xvfb 2>/dev/null || true; rm -f "$fifo"; rm -rf "$busdir"' EXIT
    mkdir "$busdir/services"
    for f in /usr/share/dbus-1/services/*.service; do
        grep -qx 'Name=org.freedesktop.Notifications' "$f" || ln -s "$f" "$busdir/services/"
    done
    sed "s|<standard_session_servicedirs */>|<servicedir>$busdir/services</servicedir>|" \
        /usr/share/dbus-1/session.conf >"$busdir/session.conf"
    dbus-run-session --config-file="$busdir/session.conf" -- "$@"
    exit $?
fi
dbus-run-session -- "$@"
