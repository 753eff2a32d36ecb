#!/usr/bin/env bash
# The README's test command: installs what is missing, builds with warnings as errors, and
# runs the whole suite headless (tools/headless.sh). Extra arguments go to ctest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tools/install-deps.sh
tools/npm-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
tools/headless.sh ctest --preset ci "$@"
