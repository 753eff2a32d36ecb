#!/usr/bin/env bash
# The README's test command: installs what is missing, checks the C++ format (.clang-format),
# builds with warnings as errors, and
# runs the whole suite headless (tools/headless.sh). Then, for a full run, the unit suites
# once more in a sanitizer build (clang: AddressSanitizer + UndefinedBehaviorSanitizer), and
# every libFuzzer target of that same build on its corpus plus 30 s of fuzzing (tools/fuzz.sh).
# Extra arguments go to ctest (and skip the sanitizer pass), e.g. tools/test.sh -R config
# Both builds precompile the common Qt headers (CHANNELTRAY_PCH, cmake/ChannelTrayPch.cmake):
# on CI's fresh 2-core machine that halves the compile time of the two builds. CHANNELTRAY_PCH=OFF
# in the environment builds without.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tools/install-deps.sh
tools/npm-deps.sh
tools/check-format.sh
pch="-DCHANNELTRAY_PCH=${CHANNELTRAY_PCH:-ON}"
cmake --preset ci "$pch" >/dev/null
cmake --build --preset ci
tools/headless.sh ctest --preset ci "$@"

if [[ $# -eq 0 && "${CHANNELTRAY_SKIP_SANITIZERS:-0}" != 1 ]]; then
  echo "test: unit suites under ASan + UBSan"
  cmake --preset asan "$pch" >/dev/null
  cmake --build --preset asan --target unit_tests fuzz_targets
  # Leak checking is off: Qt keeps some process-lifetime allocations on purpose.
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    tools/headless.sh ctest --test-dir build-asan -L unit --output-on-failure
  echo "test: fuzz targets, each on its corpus plus 30 s of fuzzing"
  FUZZ_SECONDS=30 tools/fuzz.sh
fi
