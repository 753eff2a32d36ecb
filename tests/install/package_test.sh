#!/usr/bin/env bash
# The Debian package, built by CPack from this build tree: its version is the project's, its
# dependencies come from dpkg-shlibdeps, it has no maintainer scripts, and lintian finds no error
# or warning in it. Then, as root in CI (a disposable machine), it is installed with dpkg -i, its
# programs are run from /usr, and it is purged: no file of it may be left behind.
#   package_test.sh BUILD_DIR VERSION
# Outside CI the dpkg step runs only as root with CHANNELTRAY_TEST_DPKG=1 (it changes /usr); in
# CI (CI=true) it must run, and not being root there is a failure.
set -euo pipefail
build=$(cd "$1" && pwd) version=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

scratch=$(mktemp -d -t channeltray-package.XXXXXX)
sandbox_pid=''
cleanup() {
  [[ -n $sandbox_pid ]] && kill "$sandbox_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

start=$SECONDS
cpack --config "$build/CPackConfig.cmake" -B "$scratch/out" > "$scratch/cpack.log" 2>&1 \
  || { cat "$scratch/cpack.log"; fail "cpack failed"; }
deb=$scratch/out/channeltray_${version}_$(dpkg --print-architecture).deb
[[ -f $deb ]] || { ls "$scratch/out"; fail "no $deb"; }
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes) in $((SECONDS - start)) s"

[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "package version $(dpkg-deb -f "$deb" Version), project $version"
depends=$(dpkg-deb -f "$deb" Depends)
[[ $depends == *"libqt6core6 (>= "* && $depends == *"libsqlite3-0 (>= "* ]] \
  || fail "Depends lacks the shlibdeps-computed Qt or SQLite libraries: $depends"
# The history opens SQLite itself (issue 11): neither Qt SQL nor its driver plugin is needed.
[[ $depends != *libqt6sql6* ]] || fail "Depends names Qt SQL, which nothing installed uses: $depends"
dpkg-deb -e "$deb" "$scratch/control"
extra=$(cd "$scratch/control" && ls | grep -vx -e control -e md5sums || true)
[[ -z $extra ]] || fail "the package has maintainer scripts or other control files: $extra"
echo "Depends: $depends"

# lintian: no errors and no warnings (infos and pedantic hints are printed, not fatal).
lintian --fail-on error,warning --display-info "$deb" 2>&1 | grep -v '^running with root privileges' || true
lintian --fail-on error,warning "$deb" > /dev/null 2>&1 || fail "lintian reports errors or warnings (above)"
echo "lintian: no errors, no warnings"

if [[ $(id -u) -ne 0 || ( ${CI:-} != true && ${CHANNELTRAY_TEST_DPKG:-} != 1 ) ]]; then
  [[ ${CI:-} == true ]] && fail "CI must install the package with dpkg -i, which needs root (uid $(id -u))"
  echo "package test passed; dpkg -i step not run (it needs root and CI=true or CHANNELTRAY_TEST_DPKG=1)"
  exit 0
fi

dpkg -i "$deb" > "$scratch/dpkg.log" 2>&1 || { cat "$scratch/dpkg.log"; dpkg --purge channeltray >/dev/null 2>&1; fail "dpkg -i failed"; }
mapfile -t files < <(dpkg -L channeltray)
purged=false
purge() { $purged || { dpkg --purge channeltray > "$scratch/purge.log" 2>&1; purged=true; }; }
trap 'purge; cleanup' EXIT
got=$(/usr/bin/channeltray --version)
[[ $got == "channeltray $version" ]] || fail "installed --version printed \"$got\""
[[ -x /usr/libexec/channeltray/channeltray-sandbox ]] || fail "no installed sandbox"
mkdir -p "$scratch/demo"
/usr/libexec/channeltray/channeltray-sandbox --write-config "$scratch/demo/config.json" --quiet 2> "$scratch/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 1 200); do [[ -s $scratch/demo/config.json ]] && break; sleep 0.1; done
XDG_DATA_HOME=$scratch/data channeltray --config "$scratch/demo/config.json" doctor > "$scratch/doctor.txt" 2>&1 \
  || { cat "$scratch/doctor.txt"; fail "the installed channeltray doctor failed on the demo config"; }
kill "$sandbox_pid"; wait "$sandbox_pid" 2>/dev/null || true; sandbox_pid=''
echo "installed with dpkg -i: $got, doctor on the installed sandbox's config: exit 0"

purge
cat "$scratch/purge.log"
status=$(dpkg-query -W -f='${db:Status-Status}' channeltray 2>/dev/null || echo not-installed)
[[ $status == not-installed ]] || fail "after purge dpkg says channeltray is $status"
left=()
for f in "${files[@]}"; do
  [[ $f == /. ]] && continue
  if [[ -d $f && ! -L $f ]]; then
    # A directory may stay when another package owns it (/usr/share/man/man1) or it holds others' files.
    [[ -z $(ls -A "$f") ]] && ! dpkg -S "$f" >/dev/null 2>&1 && left+=("$f (empty directory)")
  elif [[ -e $f || -L $f ]]; then
    left+=("$f")
  fi
done
((${#left[@]} == 0)) || fail "purge left behind: ${left[*]}"
echo "purged: none of its ${#files[@]} paths left behind"
echo "package test passed"
