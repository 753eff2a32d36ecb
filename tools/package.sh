#!/usr/bin/env bash
# The README's package command: installs what is missing, builds what is installed (optimised,
# without the test suite) in build-package/, and makes the Debian package with CPack:
#   build-package/package/channeltray_<version>_<arch>.deb
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tools/install-deps.sh
cmake --workflow --preset package
ls "$root"/build-package/package/channeltray_*.deb
