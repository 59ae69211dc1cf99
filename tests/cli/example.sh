#!/bin/sh
# tests/cli/example.sh: the golden test for the example article in
# ../shared/examples (read from there; its text is not ours to keep). Each
# line below is an event the article states, as SOURCE CODE TARGET (codes
# only, no text); the coder must produce every one with the default
# dictionaries, and nothing from the negated clauses (no support
# given, none of the steps backed). Skips without ../shared.
f="${DYAD_SHARED:-../shared}/examples/xi-moscow-2023-03-22.txt"
if [ ! -r "$f" ]; then echo "SKIP example_article (no $f)"; exit 0; fi
out=$(mktemp); trap 'rm -f "$out"' EXIT
"$DYAD_BIN" code --format tsv "$f" > "$out" 2>&1 || { echo "FAIL example_article_codes (exit $?)"; exit 0; }
# columns: doc sent date event_date source source_text target target_text code ...
has() { # NAME SOURCE CODE TARGET
  if awk -F'\t' -v s="$2" -v c="$3" -v t="$4" \
       '$5 == s && $9 == c && $7 == t { found = 1 } END { exit !found }' "$out"; then
    echo "PASS example_$1"
  else
    echo "FAIL example_$1 (no $2 $3 $4)"
  fi
}
has_root() { # NAME SOURCE ROOT TARGET: any code of that CAMEO root
  if awk -F'\t' -v s="$2" -v r="$3" -v t="$4" \
       '$5 == s && substr($9, 1, 2) == r && $7 == t { found = 1 } END { exit !found }' "$out"; then
    echo "PASS example_$1"
  else
    echo "FAIL example_$1 (no $2 $3x $4)"
  fi
}
has_root white_house_appeals_to_beijing USAGOV 02 CHNGOV
has visit_to_moscow            CHNGOV 042 RUSGOV
has putin_praises_xi           RUSGOV 051 CHNGOV
has leaders_accuse_the_west    RUSGOV 112 WST
has_root leaders_accuse_nato  CHNGOV 11 IGOWSTNAT
has putin_blames_kyiv          RUSGOV 112 UKRGOV
has russian_drone_attacks      RUSMIL 195 UKR
has kishida_visits_kyiv        JPNGOV 042 UKR
has western_sanctions          WST    163 RUS
has icc_arrest_warrant         IGOJUDICC 173 RUSGOV
has xi_putin_talks             CHNGOV 046 RUSGOV
has putin_xi_talks             RUSGOV 046 CHNGOV
has imf_loan                   IGOBUSIMF 071 UKR
has tank_deliveries_intended   USA    0332 UKR
has xi_solidarity_with_putin   CHNGOV 051 RUSGOV
# negated clauses yield nothing: no support event from China in the
# sentences that deny it ("made no direct support", "has not supported")
if awk -F'\t' '$5 ~ /^CHN/ && $9 ~ /^(05|06|07)/ && $7 ~ /^RUS/ &&
       $20 ~ /no direct support|has not supported/ {f=1} END {exit !f}' "$out"; then
  echo "FAIL example_no_event_from_negated_support"
else
  echo "PASS example_no_event_from_negated_support"
fi
# captions and credit lines yield nothing (Zelensky welcomes Kishida is a caption)
if awk -F'\t' '$5 ~ /^UKR/ && $7 ~ /^JPN/ {f=1} END {exit !f}' "$out"; then
  echo "FAIL example_no_event_from_caption"
else
  echo "PASS example_no_event_from_caption"
fi
