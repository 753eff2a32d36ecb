#!/usr/bin/env bash
# Installs the npm packages of every cross-check under tests/servers/, exactly as each
# committed lock file says (npm ci).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shopt -s nullglob
for lock in "$root"/tests/servers/*/package-lock.json; do
  dir="$(dirname "$lock")"
  if [[ ! -d "$dir/node_modules" || "$lock" -nt "$dir/node_modules/.package-lock.json" ]]; then
    echo "npm-deps: npm ci in ${dir#$root/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
