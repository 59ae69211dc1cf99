#!/bin/sh
# tests/golden/run.sh: the golden tests. For each tests/golden/CMD/NAME.txt
# it runs `$DYAD_BIN CMD [ARGS] NAME.txt` inside tests/golden/CMD (ARGS: the
# first line of NAME.args, when that file exists) and compares standard
# output with NAME.expected, printing "PASS golden/CMD/NAME" or
# "FAIL golden/CMD/NAME" followed by the diff.
#
#   sh tests/golden/run.sh [--update] [CMD...]
#
# --update rewrites every NAME.expected from the current binary instead (a
# person reviews the diff before committing). CMD limits the run to those
# folders (default: all). Needs $DYAD_BIN; writes only to a mktemp folder.
#
# Before a folder's cases run, a probe feeds `dyad CMD` one tiny dated text;
# when that yields no output at all (a build whose reader is still a
# placeholder), the folder's cases are reported as SKIP, not FAIL.
set -u
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
here=$(cd "$(dirname "$0")" && pwd)
bin=${DYAD_BIN:?DYAD_BIN must name the dyad binary}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmds="$*"
if [ -z "$cmds" ]; then
  for d in "$here"/*/; do [ -d "$d" ] && cmds="$cmds $(basename "$d")"; done
fi
status=0
for cmd in $cmds; do
  dir="$here/$cmd"
  [ -d "$dir" ] || { echo "FAIL golden/$cmd (no such folder)"; status=1; continue; }
  printf 'date 2023-03-22\n\nProbe text.\n' > "$tmp/probe.txt"
  skip=0
  if [ -z "$("$bin" "$cmd" "$tmp/probe.txt" 2>/dev/null)" ]; then skip=1; fi
  for in in "$dir"/*.txt; do
    [ -f "$in" ] || continue
    name=$(basename "$in" .txt)
    if [ "$skip" -eq 1 ]; then
      echo "SKIP golden/$cmd/$name (dyad $cmd reads nothing in this build)"
      continue
    fi
    args=""
    [ -f "$dir/$name.args" ] && args=$(head -n 1 "$dir/$name.args")
    # shellcheck disable=SC2086 # ARGS are split on purpose
    (cd "$dir" && "$bin" "$cmd" $args "$name.txt") > "$tmp/out" 2> "$tmp/err"
    rc=$?
    if [ "$update" -eq 1 ]; then
      cp "$tmp/out" "$dir/$name.expected"
      echo "UPDATED golden/$cmd/$name (exit $rc)"
      continue
    fi
    if [ ! -f "$dir/$name.expected" ]; then
      echo "FAIL golden/$cmd/$name (no $name.expected; run make golden-update)"
      status=1
    elif diff -u "$dir/$name.expected" "$tmp/out" > "$tmp/diff"; then
      echo "PASS golden/$cmd/$name"
    else
      echo "FAIL golden/$cmd/$name (exit $rc)"
      head -n 60 "$tmp/diff"
      sed -n '1,5p' "$tmp/err"
      status=1
    fi
  done
done
exit $status
