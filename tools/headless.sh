#!/usr/bin/env bash
# Runs a command headless, as a user's desktop would: Xvfb, a private D-Bus session, an
# unlocked gnome-keyring (Secret Service), a system-tray host, and a fresh $HOME.
#   tools/headless.sh ctest --test-dir build --output-on-failure
set -euo pipefail
(($#)) || { echo "usage: tools/headless.sh COMMAND [ARGS...]" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

scratch="$(mktemp -d -t channeltray-headless.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_CONFIG_HOME="$scratch/home/.config" \
       XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache" NO_AT_BRIDGE=1
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS

xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
  dbus-run-session -- "$here/headless-session.sh" "$@"
