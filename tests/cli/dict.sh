#!/bin/sh
# tests/cli/dict.sh: `dyad dict lookup|stats|check` on the fixtures in
# tests/fixtures/dict (never on data/, whose content changes), plus the
# PETRARCH files from $DYAD_SHARED when present.
BIN=${DYAD_BIN:-build/dyad}
F=tests/fixtures/dict
D="--data $F/data"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; cat "$tmp/out" "$tmp/err" 2>/dev/null | head -20; }
run() { "$BIN" dict "$@" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/rc"; }
rc() { cat "$tmp/rc"; }
has() { grep -qF -- "$1" "$tmp/out"; }

run lookup President Putin --date 2010-01-01 $D
if [ "$(rc)" = 0 ] && has 'actor   "Putin" -> RUSGOV' && has 'people.txt:2' &&
   has 'agent   "President" -> ~GOV'; then ok lookup_person; else ko lookup_person; fi

run lookup Medvedev --date 2022-01-01 $D
if has '"Medvedev" -> RUS  [RUSGOV@2008-05-07..2020-01-16, RUS]'; then
  ok lookup_default_after_range; else ko lookup_default_after_range; fi

run lookup Kishida --date 2020-01-01 $D
if has '-> (none on this date)'; then ok lookup_no_code_on_date; else ko lookup_no_code_on_date; fi

run lookup visited the Kremlin $D
if [ "$(rc)" = 0 ] && has 'verb    visit * = 042:043' && has '"the Kremlin" -> RUSGOV'; then
  ok lookup_verb_and_capital; else ko lookup_verb_and_capital; fi

run lookup they told us $D
if [ "$(rc)" = 1 ]; then ok lookup_us_is_not_usa; else ko lookup_us_is_not_usa; fi
run lookup the US $D
if has '"US" -> USA'; then ok lookup_acronym; else ko lookup_acronym; fi

run lookup xyzzy $D
if [ "$(rc)" = 1 ] && grep -q "no dictionary entry" "$tmp/err"; then
  ok lookup_nothing_exits_1; else ko lookup_nothing_exits_1; fi

run lookup Russian $D --dict $F/user.txt
if has '"Russian" -> RUSX' && has 'user.txt:3'; then ok dict_overrides; else ko dict_overrides; fi

run stats $D
if [ "$(rc)" = 0 ] && has 'actors           12 (country 3, adj 2, capital 2, person 4, group 1)' &&
   has 'verb patterns    12' && has ' 05:4 ' && has 'skipped lines    0' &&
   has 'codebook codes   11'; then ok stats_counts; else ko stats_counts; fi

run stats $D --dict $F/broken.txt
if [ "$(rc)" = 0 ] && has 'skipped lines    8' && grep -q "9 problems" "$tmp/err"; then
  ok stats_counts_skipped; else ko stats_counts_skipped; fi

run stats $D --dict $F/broken.txt --strict
if [ "$(rc)" = 3 ] && grep -q "broken.txt:3: expected 'PHRASE = CODE'" "$tmp/err"; then
  ok strict_is_fatal; else ko strict_is_fatal; fi

run check $D
if [ "$(rc)" = 0 ] && [ ! -s "$tmp/out" ]; then ok check_clean; else ko check_clean; fi

run check --data "$F/lint:$F/data"
if [ "$(rc)" = 1 ] && has "lint/actors.txt:3: conflicting codes for 'Atlantis'" &&
   has 'lint/verbs.txt:3: pattern code 052 is not in the codebook' &&
   has 'lint/actors.txt:6: overlapping date ranges'; then
  ok check_broken_exits_1; else ko check_broken_exits_1; fi

run check $D --dict $F/broken.txt
if [ "$(rc)" = 1 ] && has 'broken.txt:4: bad actor code'; then
  ok check_reports_load_errors; else ko check_reports_load_errors; fi

run frobnicate
if [ "$(rc)" = 2 ]; then ok usage_error; else ko usage_error; fi

S=${DYAD_SHARED:-../shared}/peers/petrarch2
if [ -f "$S/CAMEO.2.0.txt" ]; then
  run stats --no-defaults --dict "$S/CAMEO.2.0.txt"
  if [ "$(rc)" = 0 ] && has 'pattern lines    4668' && has 'verb blocks      397' &&
     has 'synsets          40'; then ok petrarch_verbs; else ko petrarch_verbs; fi
  run lookup Sam Gamgee --date 2010-01-10 --no-defaults --dict petrarch-actors:"$S/PETR.Validate.actors.txt"
  if has '-> ORCHOB'; then ok petrarch_dated_actor; else ko petrarch_dated_actor; fi
else
  echo "SKIP petrarch_verbs"
  echo "SKIP petrarch_dated_actor"
fi
