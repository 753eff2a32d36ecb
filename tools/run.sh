#!/usr/bin/env bash
# The README's run command: installs what is missing, builds the tray and the demo sandbox (only
# those two programs, not the test suite), and starts the tray next to the sandbox with a demo
# config of its own. Without a sandbox (CHANNELTRAY_BUILD_DEMO=OFF) the tray starts on your
# config, created empty if missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tools/install-deps.sh
cmake --preset dev >/dev/null
targets=(channeltray)
grep -q '^CHANNELTRAY_BUILD_DEMO:BOOL=OFF' build/CMakeCache.txt || targets+=(channeltray-sandbox)
cmake --build --preset dev --target "${targets[@]}"
app="$root/build/app/channeltray"
sandbox="$root/build/tests/servers/sandbox/channeltray-sandbox"
if [[ -x "$sandbox" ]]; then
  demo_dir="${XDG_RUNTIME_DIR:-/tmp}/channeltray-demo"
  mkdir -p "$demo_dir"
  "$sandbox" --write-config "$demo_dir/config.json" &
  sandbox_pid=$!
  trap 'kill $sandbox_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do [[ -s "$demo_dir/config.json" ]] && break; sleep 0.1; done
  # The demo keeps its history apart from yours.
  XDG_DATA_HOME="$demo_dir/data" "$app" --config "$demo_dir/config.json" "$@"
else
  config="${CHANNELTRAY_CONFIG:-${XDG_CONFIG_HOME:-$HOME/.config}/channeltray/config.json}"
  if [[ ! -f "$config" ]]; then
    mkdir -p "$(dirname "$config")"
    (umask 077; printf '{\n  "channels": {}\n}\n' > "$config")
    echo "run: created an empty config at $config"
  fi
  "$app" --config "$config" "$@"
fi
