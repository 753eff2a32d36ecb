#!/usr/bin/env bash
# Installs the npm packages the cross-check tests use, exactly as the lock file says.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/tests/servers/crosscheck"
[[ -f "$dir/package-lock.json" ]] || exit 0
if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
