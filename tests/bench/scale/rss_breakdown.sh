#!/usr/bin/env bash
# Where a process's resident memory goes, from /proc/PID/smaps: the heap and anonymous
# mappings, then every file mapping (shared libraries, fonts, caches) by its resident size.
#   tests/bench/scale/rss_breakdown.sh PID [N]   (N largest files, default 25)
# Then the same by part of the product (Qt and the runtime, which a bare Qt tray maps too, the
# network stack, the history, ...). "loaded" is the resident part of each library's first
# mapping when that is not code (ld.bfd's layout, Debian's libraries): its ELF headers, symbol
# tables and relocations, which the dynamic loader reads whole when it loads the library, so a
# library costs that even when little of its code runs. Our binaries are linked by gold, whose
# first mapping holds the code too; their "loaded" is 0.
set -euo pipefail
pid=$1; top=${2:-25}
awk -v top="$top" '
  function part(path, base) {
    base = path; sub(/.*\//, "", base)
    if (path == "[heap]") return "heap (malloc main arena)"
    if (path == "[anon]" || path ~ /^\[(stack|vvar|vdso|vsyscall)/) return "anonymous (thread stacks, arenas, Qt pools)"
    if (base ~ /^(channeltray|libchanneltray-(tray|cli)\.so)$/) return "ChannelTray code (launcher, tray or commands library)"
    if (base ~ /^libsqlite3\.so/ || base ~ /^history\.sqlite/) return "history (SQLite, the shm)"
    if (base ~ /^libQt6Network\.so/) return "Qt Network"
    if (base ~ /^lib(gssapi_krb5|krb5|k5crypto|krb5support|com_err|keyutils|resolv)\.so/) return "Kerberos (needed by Qt Network)"
    if (base ~ /^lib(proxy|modman|brotli(dec|common))\.so/) return "libproxy, brotli (needed by Qt Network)"
    if (base ~ /^lib(ssl|crypto)\.so/ || base ~ /^libqopensslbackend\.so/) return "TLS (OpenSSL and the Qt TLS backend, for https:// and wss:// only)"
    if (base ~ /^libqt6keychain\.so/) return "QtKeychain"
    return "Qt and its libraries (the tray: the files a bare Qt tray maps too), the C/C++ runtime"
  }
  /^[0-9a-f]+-[0-9a-f]+ / {
    name = (NF >= 6) ? $6 : "[anon]"
    first = (name ~ /^\//) && !(name in seen) && $2 !~ /x/; seen[name] = 1
    next
  }
  /^Rss:/ {
    rss[name] += $2; total += $2; p = part(name); prss[p] += $2
    if (first) { loaded[name] += $2; ploaded[p] += $2 }
  }
  /^Private_Dirty:/ { dirty[name] += $2; tdirty += $2 }
  END {
    printf "total RSS %.1f MiB (private dirty %.1f MiB)\n", total/1024, tdirty/1024
    n = 0
    for (k in rss) { order[n++] = k }
    for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (rss[order[j]] > rss[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
    for (i = 0; i < n && i < top; i++) printf "%8.2f MiB  (dirty %5.2f, loaded %5.2f)  %s\n", rss[order[i]]/1024, dirty[order[i]]/1024, loaded[order[i]]/1024, order[i]
    print "by part:"
    m = 0
    for (k in prss) { porder[m++] = k }
    for (i = 0; i < m; i++) for (j = i + 1; j < m; j++) if (prss[porder[j]] > prss[porder[i]]) { t = porder[i]; porder[i] = porder[j]; porder[j] = t }
    for (i = 0; i < m; i++) printf "%8.2f MiB  (loaded %5.2f)  %s\n", prss[porder[i]]/1024, ploaded[porder[i]]/1024, porder[i]
  }' "/proc/$pid/smaps"
