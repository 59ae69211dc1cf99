#!/bin/sh
# tests/cli/validate.sh: the PETRARCH compatibility suite. Runs `dyad
# validate` on PETRARCH2's 284 unit-test records from their raw text and
# fails when fewer records are coded exactly than the best reached so far
# (raise BEST when the coder improves; never lower it). Skips without
# ../shared.
BEST=165
f="${DYAD_SHARED:-../shared}/peers/petrarch2/PETR.UnitTest.records.xml"
if [ ! -r "$f" ]; then echo "SKIP validate_petrarch_unit_tests (no $f)"; exit 0; fi
out=$(mktemp); trap 'rm -f "$out"' EXIT
"$DYAD_BIN" validate --min "$BEST" "$f" > "$out" 2>&1
rc=$?
got=$(sed -n 's/^exact: \([0-9]*\) of.*/\1/p' "$out")
if [ "$rc" -eq 0 ] && [ -n "$got" ]; then
  echo "PASS validate_petrarch_unit_tests ($got of 284 exact, floor $BEST)"
else
  cat "$out"
  echo "FAIL validate_petrarch_unit_tests (got '${got:-none}', floor $BEST, exit $rc)"
fi
# a validation file with a missing dictionary is a clear error, not a crash
d=$(mktemp -d)
cat > "$d/v.xml" <<'X'
<Validation><Environment><Verbfile>nope.txt</Verbfile></Environment>
<Sentences><Sentence date="19950101" id="A-1" category="X"><Text>Arnor met Gondor.</Text></Sentence></Sentences></Validation>
X
"$DYAD_BIN" validate "$d/v.xml" > "$d/out" 2>&1
rc=$?
if [ "$rc" -eq 3 ] && grep -q "nope.txt" "$d/out"; then
  echo "PASS validate_missing_dictionary_is_reported"
else
  cat "$d/out"; echo "FAIL validate_missing_dictionary_is_reported (exit $rc)"
fi
rm -rf "$d"
