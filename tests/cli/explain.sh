#!/bin/sh
# tests/cli/explain.sh: `dyad code --explain` keeps what the date and quote
# stages drop as bad input as {"type":"skip"} records, with the reason, and
# changes nothing else. The article is our own, made up for this test.
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cat > "$dir/a.txt" <<'ART'
date 2023-03-22

Russian President Vladimir Putin praised Chinese President Xi Jinping on Tuesday.

The two leaders will meet again on February 30, officials said. A treaty between the two countries would run until 3050.

Xi said, "We will stand together.

The foreign ministry declined to comment.
ART
"$DYAD_BIN" code "$dir/a.txt" > "$dir/plain" 2>"$dir/err" || { echo "FAIL explain_plain_runs (exit $?)"; exit 0; }
"$DYAD_BIN" code --explain "$dir/a.txt" > "$dir/explain" 2>"$dir/err" || { echo "FAIL explain_runs (exit $?)"; exit 0; }
check() { # NAME STRING: a line of the --explain output holds STRING
  if grep -qF -- "$2" "$dir/explain"; then echo "PASS explain_$1"; else echo "FAIL explain_$1 (no $2)"; fi
}
check impossible_date '{"type":"skip","doc":"a.txt","sent":1,"stage":"date","text":"February 30","span":[118,129],"reason":"impossible date: February has 28 days that year"}'
check year_out_of_range '{"type":"skip","doc":"a.txt","sent":2,"stage":"date","text":"3050","span":[198,202],"reason":"year out of range: before 1000 or more than 100 years after the article date"}'
check unbalanced_quote '{"type":"skip","doc":"a.txt","sent":3,"stage":"quote","text":"\"We will stand together.","span":[214,238],"reason":"unbalanced quotation mark: no closing mark before the paragraph ends"}'
n=$(grep -c '"type":"skip"' "$dir/explain")
if [ "$n" = 3 ]; then echo "PASS explain_three_skips"; else echo "FAIL explain_three_skips ($n)"; fi
if grep -q '"type":"event"' "$dir/plain" && ! grep -q '"type":"skip"' "$dir/plain"; then
  echo "PASS explain_no_skips_without_flag"
else
  echo "FAIL explain_no_skips_without_flag"
fi
grep -v '"type":"skip"' "$dir/explain" > "$dir/rest"
if cmp -s "$dir/rest" "$dir/plain"; then echo "PASS explain_events_unchanged"; else echo "FAIL explain_events_unchanged"; fi
if "$DYAD_BIN" code --help | grep -q -- '--explain'; then echo "PASS explain_in_help"; else echo "FAIL explain_in_help"; fi
# dyad parse --explain: the dates only (parse runs no quote stage)
"$DYAD_BIN" parse "$dir/a.txt" > "$dir/pplain" 2>"$dir/err" || { echo "FAIL explain_parse_runs (exit $?)"; exit 0; }
"$DYAD_BIN" parse --explain "$dir/a.txt" > "$dir/pexplain" 2>"$dir/err" || { echo "FAIL explain_parse_runs (exit $?)"; exit 0; }
if grep -qF "$(printf 'skip 1 [118,129) date February 30\timpossible date: February has 28 days that year')" "$dir/pexplain" &&
   grep -qF 'skip 2 [198,202) date 3050' "$dir/pexplain"; then
  echo "PASS explain_parse_skip_lines"
else
  echo "FAIL explain_parse_skip_lines"
fi
grep -v '^skip ' "$dir/pexplain" > "$dir/prest"
if cmp -s "$dir/prest" "$dir/pplain"; then echo "PASS explain_parse_unchanged"; else echo "FAIL explain_parse_unchanged"; fi
if "$DYAD_BIN" parse --json --explain "$dir/a.txt" | grep -qF '"skips":[{"sent":1,"stage":"date","text":"February 30","span":[118,129],'; then
  echo "PASS explain_parse_json"
else
  echo "FAIL explain_parse_json"
fi
