#!/bin/sh
# tests/cli/validate.sh: the PETRARCH compatibility suite. Runs `dyad
# validate` on PETRARCH2's 284 unit-test records from their raw text and
# fails when fewer records are coded exactly than the best reached so far
# (raise BEST when the coder improves; never lower it). Skips without
# ../shared.
BEST=258
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
# our own small suite: a code naming two actors, require_dyad (default on:
# no event without a target), new_actor_length (a short unknown phrase
# becomes a quoted new actor), an inflected verb line found by lemma
d=$(mktemp -d)
printf -- '--- PRAISE [051] ---\nPRAISE\n\n--- SAYS [010] ---\nSAYS\n' > "$d/v.txt"
printf 'NORTHLAND [NTH]\nTWIN_CITIES [AAA/BBB]\n' > "$d/a.txt"
printf 'GOVERNMENT [~GOV]\n' > "$d/g.txt"
cat > "$d/s.xml" <<'X'
<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile>
<Agentfile>g.txt</Agentfile></Environment><Sentences>
<Sentence date="19950101" id="OWN-1" category="OWN">
<EventCoding sourcecode="NTH" targetcode="AAA" eventcode="051"></EventCoding>
<EventCoding sourcecode="NTH" targetcode="BBB" eventcode="051"></EventCoding>
<Text>Northland praised the Twin Cities.</Text></Sentence>
<Sentence date="19950101" id="OWN-2" category="OWN">
<EventCoding noevents="True"></EventCoding>
<Text>Northland praised the weather.</Text></Sentence>
<Config option="new_actor_length" value="3"></Config>
<Sentence date="19950101" id="OWN-3" category="OWN">
<EventCoding sourcecode="NTH" targetcode='"THE HARBOUR BOARD"' eventcode="051"></EventCoding>
<Text>Northland praised the harbour board.</Text></Sentence>
<Config option="new_actor_length" value="0"></Config>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="OWN-4" category="OWN">
<EventCoding sourcecode="NTHGOV" targetcode="---" eventcode="010"></EventCoding>
<Text>The Northland government said nothing.</Text></Sentence>
</Sentences></Validation>
X
"$DYAD_BIN" validate --misses "$d/s.xml" > "$d/out" 2>&1
if grep -q "^exact: 4 of 4 records" "$d/out"; then
  echo "PASS validate_own_suite_slash_codes_require_dyad_new_actors"
else
  cat "$d/out"; echo "FAIL validate_own_suite_slash_codes_require_dyad_new_actors"
fi
rm -rf "$d"
