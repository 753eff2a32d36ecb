#!/usr/bin/env bash
# Checks that C++ sources follow .clang-format, without changing anything.
#   tools/check-format.sh              every tracked .h/.cpp under app/ core/ ui/ tests/
#   tools/check-format.sh FILE...      only these files
#   tools/check-format.sh --fix [...]  format in place instead (the one-time format of the tree)
# Exits 1 and lists each file that differs, with how many lines would change, when not formatted.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

fix=0
if [[ "${1:-}" == "--fix" ]]; then
  fix=1
  shift
fi
formatter="${CLANG_FORMAT:-clang-format}"
command -v "$formatter" >/dev/null || { echo "check-format: $formatter not found (apt-get install clang-format)" >&2; exit 2; }

if (($#)); then
  files=("$@")
else
  mapfile -t files < <(git ls-files 'app/*.cpp' 'app/*.h' 'core/*.cpp' 'core/*.h' 'ui/*.cpp' 'ui/*.h' \
                                    'tests/*.cpp' 'tests/*.h')
fi

if ((fix)); then
  "$formatter" -i --style=file "${files[@]}"
  echo "check-format: formatted ${#files[@]} files"
  exit 0
fi

bad=0
lines=0
for f in "${files[@]}"; do
  changed=$("$formatter" --style=file --assume-filename="$f" <"$f" | diff "$f" - | grep -c '^<' || true)
  if ((changed > 0)); then
    echo "$f: $changed line(s) not formatted"
    bad=$((bad + 1))
    lines=$((lines + changed))
  fi
done
if ((bad > 0)); then
  echo "check-format: $bad of ${#files[@]} files, $lines lines, differ from .clang-format (tools/check-format.sh --fix FILE... formats them)"
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
