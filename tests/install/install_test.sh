#!/usr/bin/env bash
# The installed application, as `cmake --install` lays it out under a DESTDIR with prefix /usr:
# every file where the FHS and the XDG specs put it (and nothing else), sane modes, no path of the
# build tree in any file; then the installed programs run from there: --version, doctor and watch
# against the installed demo sandbox (loopback servers on 127.0.0.1), and `channeltray demo`,
# which must find that sandbox through the installed layout and start a tray (quit again here).
# The program is a launcher for two libraries (the package's private library folder): the
# tray's, which the subcommands never load (doctor and watch must run without it, and demo must
# find it), and the subcommands', which the tray never maps.
#   install_test.sh BUILD_DIR SOURCE_DIR VERSION APP_ID TRAY_LIBRARY CLI_LIBRARY (relative to the prefix)
set -euo pipefail
build=$(cd "$1" && pwd) source=$(cd "$2" && pwd) version=$3 app_id=$4 tray_library=$5 cli_library=$6
fail() { echo "FAIL: $*" >&2; exit 1; }

scratch=$(mktemp -d -t channeltray-install.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT
dest=$scratch/dest
DESTDIR=$dest cmake --install "$build" --prefix /usr >/dev/null

# 1. The layout.
expected=(
  usr/bin/channeltray
  usr/libexec/channeltray/channeltray-sandbox
  "usr/$tray_library"
  "usr/$cli_library"
  "usr/share/applications/$app_id.desktop"
  "usr/share/metainfo/$app_id.metainfo.xml"
  "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
  "usr/share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  usr/share/man/man1/channeltray.1.gz
  usr/share/bash-completion/completions/channeltray
  usr/share/zsh/vendor-completions/_channeltray
  usr/share/doc/channeltray/copyright
  usr/share/doc/channeltray/changelog.gz
)
for size in 16 22 24 32 48 64 128 256; do
  expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for unit in "$source"/resources/systemd/*.service "$source"/resources/systemd/*.service.in; do
  [[ -e $unit ]] || continue
  name=$(basename "$unit" .in)
  expected+=("usr/lib/systemd/user/$name")
done
diff -u <(printf '%s\n' "${expected[@]}" | sort) <(cd "$dest" && find . -type f -o -type l | sed 's|^\./||' | sort) \
  || fail "the installed files differ from the expected layout (- expected, + installed)"
echo "layout: ${#expected[@]} files where the FHS and XDG put them"

for f in usr/bin/channeltray usr/libexec/channeltray/channeltray-sandbox; do
  [[ $(stat -c %a "$dest/$f") == 755 ]] || fail "$f has mode $(stat -c %a "$dest/$f"), expected 755"
done
for f in "usr/$tray_library" "usr/$cli_library"; do
  [[ $(stat -c %a "$dest/$f") == 644 ]] || fail "$f has mode $(stat -c %a "$dest/$f"), expected 644 (a library, not a program)"
done
while IFS= read -r f; do
  fail "$f is executable or group/world-writable (mode $(stat -c %a "$f"))"
done < <(find "$dest/usr/share" -type f -perm /0133)
while IFS= read -r d; do
  fail "directory $d has mode $(stat -c %a "$d"), expected 755"
done < <(find "$dest" -mindepth 1 -type d ! -perm 0755)

# Images are what their names say; the PNGs have their size.
for size in 16 22 24 32 48 64 128 256; do
  info=$(file -b "$dest/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
  [[ $info == "PNG image data, $size x $size, "* ]] || fail "${size}x${size} icon is: $info"
done
gzip -t "$dest/usr/share/man/man1/channeltray.1.gz" "$dest/usr/share/doc/channeltray/changelog.gz"

# No path of the build tree in any installed file (text or binary).
if grep -rlF "$build" "$dest"; then
  fail "the files above name the build directory $build"
fi
echo "no file names the build directory"

# 2. The installed programs run from the DESTDIR.
bin=$dest/usr/bin/channeltray
got=$("$bin" --version)
[[ $got == "channeltray $version" ]] || fail "--version printed \"$got\", expected \"channeltray $version\""
"$bin" --help | grep -q '^  demo ' || fail "--help does not list the demo command"
echo "--version: $got"

export TMPDIR=$scratch/tmp XDG_RUNTIME_DIR=$scratch/run XDG_DATA_HOME=$scratch/data
mkdir -p "$TMPDIR" "$XDG_DATA_HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
config=$scratch/sandbox/config.json
mkdir -p "$scratch/sandbox"
"$dest/usr/libexec/channeltray/channeltray-sandbox" --write-config "$config" --quiet 2> "$scratch/sandbox.log" &
pids+=($!)
for _ in $(seq 1 200); do [[ -s $config ]] && break; sleep 0.1; done
[[ -s $config ]] || fail "the installed sandbox wrote no config in 20 s"

# The subcommands need neither the tray library nor Qt Gui, Widgets or X11: the program and the
# subcommands' library do not link them, and doctor and watch run with the tray library moved away.
needed=$(readelf -d "$bin" "$dest/usr/$cli_library" | grep NEEDED || true)
if grep -E 'libQt6(Gui|Widgets|Svg)|libX11|libxcb' <<< "$needed"; then
  fail "the program or the subcommands' library links the libraries above; only the tray library may"
fi
# Nor Qt SQL, anywhere in the product: the history uses SQLite's C API, and each library a
# process maps costs memory (issue 11). The tests' own history readers may link it.
if readelf -d "$bin" "$dest/usr/$tray_library" "$dest/usr/$cli_library" | grep NEEDED | grep -F libQt6Sql; then
  fail "the product links Qt SQL (above)"
fi
# Nor protobuf: the OpenIM messages have a codec of their own (core/openim/openimmessages.h, issue
# 11); only the demo sandbox's loopback server maps libprotobuf-lite.
if readelf -d "$bin" "$dest/usr/$tray_library" "$dest/usr/$cli_library" | grep NEEDED | grep -F libprotobuf; then
  fail "the product links protobuf (above)"
fi
mv "$dest/usr/$tray_library" "$scratch/tray-library.aside"
"$bin" --config "$config" doctor > "$scratch/doctor.txt" 2>&1 || { cat "$scratch/doctor.txt"; fail "doctor failed"; }
echo "doctor: $(wc -l < "$scratch/doctor.txt") lines, exit 0"

"$bin" --config "$config" watch --json --count 1 --timeout 60 > "$scratch/watch.jsonl" 2> "$scratch/watch.err" \
  || { cat "$scratch/watch.err"; fail "watch did not get a message within 60 s"; }
grep -q '"type":"message"' "$scratch/watch.jsonl" || { cat "$scratch/watch.jsonl"; fail "watch printed no message"; }
echo "watch: $(grep -c '"type":"message"' "$scratch/watch.jsonl") message(s) from the loopback servers"
mv "$scratch/tray-library.aside" "$dest/usr/$tray_library"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()

# 3. `channeltray demo` finds the installed sandbox (libexec, relative to the installed binary),
# starts it and a tray on its config; quitting that tray (SIGTERM) stops the sandbox.
demo_dir=$XDG_RUNTIME_DIR/channeltray-demo
QT_LOGGING_RULES=channeltray.ui.info=true "$bin" demo > "$scratch/demo.out" 2> "$scratch/demo.err" \
  || { cat "$scratch/demo.out" "$scratch/demo.err"; fail "channeltray demo failed"; }
grep -qF "($dest/usr/libexec/channeltray/channeltray-sandbox)" "$scratch/demo.out" \
  || { cat "$scratch/demo.out"; fail "channeltray demo did not start the installed sandbox"; }
sandbox_pid=$(cat "$demo_dir/sandbox.pid")
pids+=("$sandbox_pid")
tray_pid=''
for _ in $(seq 1 300); do
  for p in /proc/[0-9]*; do
    [[ $(readlink "$p/exe" 2>/dev/null) == "$bin" ]] || continue
    tr '\0' ' ' < "$p/cmdline" 2>/dev/null | grep -qF -- "--config $demo_dir/config.json" && tray_pid=${p#/proc/}
  done
  [[ -n $tray_pid ]] && grep -q "tray started" "$scratch/demo.err" && break
  sleep 0.1
done
[[ -n $tray_pid ]] || { cat "$scratch/demo.out" "$scratch/demo.err"; fail "no demo tray runs on $demo_dir/config.json"; }
pids+=("$tray_pid")
grep -q "tray started" "$scratch/demo.err" || { cat "$scratch/demo.err"; fail "the demo tray did not start in 30 s"; }
grep -qF "/usr/$tray_library" "/proc/$tray_pid/maps" || fail "the demo tray does not map its library"
grep -qF "/usr/$cli_library" "/proc/$tray_pid/maps" && fail "the demo tray maps the subcommands' library"
kill -TERM "$tray_pid"
for _ in $(seq 1 200); do kill -0 "$sandbox_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$sandbox_pid" 2>/dev/null && fail "quitting the demo tray left its sandbox ($sandbox_pid) running"
echo "demo: the installed sandbox and a tray started, and both ended when the tray quit"
echo "install test passed"
