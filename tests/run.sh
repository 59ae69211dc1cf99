#!/bin/sh
# tests/run.sh: runs every unit test binary given as arguments, then every
# shell test in tests/cli/*.sh (each prints "PASS name", "FAIL name" or
# "SKIP name" lines), and prints one closing line: "N passed, N failed,
# N skipped". Exits 1 if anything failed.
passed=0; failed=0; skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in "$@"; do
  "$t" >"$log" 2>&1
  rc=$?
  p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
  f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
  s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
  p=${p:-0}; f=${f:-0}; s=${s:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  if [ "$f" -ne 0 ]; then cat "$log"; fi
  echo "$(basename "$t"): $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
for t in tests/cli/*.sh; do
  [ -f "$t" ] || continue
  sh "$t" >"$log" 2>&1
  rc=$?
  p=$(grep -c '^PASS ' "$log"); f=$(grep -c '^FAIL ' "$log"); s=$(grep -c '^SKIP ' "$log")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "FAIL $t exited $rc" >>"$log"; fi
  if [ "$f" -ne 0 ]; then cat "$log"; fi
  echo "$(basename "$t"): $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
