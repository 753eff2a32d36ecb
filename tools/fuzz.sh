#!/usr/bin/env bash
# Builds every libFuzzer target (tests/fuzz/; the fuzz preset, which is the asan build: clang-14,
# ASan + UBSan, coverage) and runs each on its committed seed corpus and then FUZZ_SECONDS of
# fuzzing, FUZZ_JOBS targets at a time. Fails on any crash, leak, timeout or failed property; the
# input that did it is kept in build-asan/findings/<target>/ (reproduce:
# build-asan/tests/fuzz/<target>/fuzz_<target> <file>).
# Usage: tools/fuzz.sh [target ...]      (default: every target)
#   FUZZ_SECONDS=30 FUZZ_JOBS=2 FUZZ_NICE=0 FUZZ_SEED=1 (0: a new random seed each run)
#   FUZZ_TIMEOUT: seconds one input may take (default 10; 600 with FUZZ_NICE > 0: libFuzzer
#   counts wall time, and a niced run on a busy machine gets so little CPU that a 10 ms input
#   can take 10 s: each such "timeout" of a campaign beside builds ran in under a second alone)
#   FUZZ_RUNS=N stops a target after N executions (or FUZZ_SECONDS, whichever comes first); a
#   long campaign: FUZZ_RUNS=10000000 FUZZ_SECONDS=3600 FUZZ_SEED=0 FUZZ_NICE=19 tools/fuzz.sh
# A fixed seed starts the mutations the same way, but runs still part within seconds (two runs of
# config_json5 with seed 1 reached different coverage by 30,000 executions, with QT_HASH_SEED=0
# too): a finding in CI may not come back with the same command here. Its log names the check;
# build the input from that by hand, or run a few seeds (FUZZ_SEED=2, 3, ...).
# New inputs the fuzzer finds go to build-asan/corpus/<target>/ (kept between runs, not committed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${FUZZ_SECONDS:-30}"
jobs="${FUZZ_JOBS:-2}"
nice_level="${FUZZ_NICE:-0}"
seed="${FUZZ_SEED:-1}"
runs="${FUZZ_RUNS:-}"
if ((nice_level > 0)); then timeout="${FUZZ_TIMEOUT:-600}"; else timeout="${FUZZ_TIMEOUT:-10}"; fi

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
out="$root/build-asan"
mapfile -t lines < "$out/fuzz-targets.txt"

run_one() { # name binary corpus dictionary
  local name="$1" bin="$2" seeds="$3" dict="$4"
  mkdir -p "$out/corpus/$name" "$out/findings/$name"
  local args=(-max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -print_final_stats=1
              -artifact_prefix="$out/findings/$name/" -seed="$seed")
  [[ -n "$dict" ]] && args+=(-dict="$dict")
  [[ -n "$runs" ]] && args+=(-runs="$runs")
  local start=$SECONDS rc=0 cpu
  # CPU seconds (user + system) of the target, beside the wall time: a loaded machine stretches the latter.
  cpu=$( { TIMEFORMAT='%U %S'; time nice -n "$nice_level" "$bin" "${args[@]}" "$out/corpus/$name" "$seeds" \
           >"$out/findings/$name.log" 2>&1; } 2>&1 ) || rc=$?
  cpu=$(awk '{printf "%.0f", $1 + $2}' <<<"$cpu")
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/findings/$name.log" | grep -o '[0-9]*$' || echo '?')
  if ((rc == 0)); then
    printf 'fuzz: %-22s ok      %10s execs in %3ss (%ss CPU)\n' "$name" "$execs" "$((SECONDS - start))" "$cpu"
  else
    printf 'fuzz: %-22s FAILED  (exit %s after %ss; log %s)\n' "$name" "$rc" "$((SECONDS - start))" "$out/findings/$name.log"
    grep -m1 -E 'ERROR: |FUZZ_CHECK failed|runtime error' "$out/findings/$name.log" || true
    return 1
  fi
}

failed=0
running=0
for line in "${lines[@]}"; do
  IFS='|' read -r name bin seeds dict <<<"$line"
  if (($# > 0)) && [[ " $* " != *" $name "* ]]; then
    continue
  fi
  run_one "$name" "$bin" "$seeds" "$dict" &
  running=$((running + 1))
  if ((running >= jobs)); then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while ((running > 0)); do
  wait -n || failed=1
  running=$((running - 1))
done
if ((failed)); then
  echo "fuzz: FAILED (inputs in $out/findings/)"
  exit 1
fi
echo "fuzz: every target ran its corpus and ${seconds}s of fuzzing without a finding"
