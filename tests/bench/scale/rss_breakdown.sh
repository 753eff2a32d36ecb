#!/usr/bin/env bash
# Where a process's resident memory goes, from /proc/PID/smaps: the heap and anonymous
# mappings, then every file mapping (shared libraries, fonts, caches) by its resident size.
#   tests/bench/scale/rss_breakdown.sh PID [N]   (N largest files, default 25)
set -euo pipefail
pid=$1; top=${2:-25}
awk -v top="$top" '
  /^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6) ? $6 : "[anon]"; next }
  /^Rss:/ { rss[name] += $2; total += $2 }
  /^Private_Dirty:/ { dirty[name] += $2; tdirty += $2 }
  END {
    printf "total RSS %.1f MiB (private dirty %.1f MiB)\n", total/1024, tdirty/1024
    n = 0
    for (k in rss) { order[n++] = k }
    for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (rss[order[j]] > rss[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
    for (i = 0; i < n && i < top; i++) printf "%8.1f MiB  (dirty %6.1f)  %s\n", rss[order[i]]/1024, dirty[order[i]]/1024, order[i]
  }' "/proc/$pid/smaps"
