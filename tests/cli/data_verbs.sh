#!/bin/sh
# tests/cli/data_verbs.sh: format sanity checks for the event dictionaries (data/verbs/*.txt,
# data/nouns.txt, data/cues.txt, data/cameo/codebook.tsv) with awk and grep only, so they run
# before and independently of the C loader. Prints PASS/FAIL/SKIP lines for tests/run.sh.
# Invariants checked: every line parses in the documented syntax, every code used exists in
# the codebook, no pattern is defined twice, every codebook code has a verb pattern, every
# root has patterns, and (when ../shared is present) the codebook agrees with the reference
# CAMEO tables on codes and Goldstein weights.
# DYAD_DATA may be a colon-separated search path: use the first entry holding the codebook.
D=data
old_ifs=$IFS; IFS=:
for d in ${DYAD_DATA:-data}; do
  if [ -f "$d/cameo/codebook.tsv" ]; then D=$d; break; fi
done
IFS=$old_ifs
S=${DYAD_SHARED:-../shared}
CB=$D/cameo/codebook.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1${2:+: $2}"; }
check() { # name, file with offending lines (empty = pass)
  if [ -s "$2" ]; then ko "$1" "$(head -3 "$2" | tr '\n' ' ')"; else ok "$1"; fi
}

if [ ! -f "$CB" ]; then ko codebook_exists; exit 0; fi

# --- codebook ---
awk -F'\t' '/^#/ || NF == 0 { next }
  NF != 5 || $1 !~ /^[0-9][0-9]+$/ || length($1) > 4 || $2 !~ /^-?[0-9]+(\.[0-9]+)?$/ \
    || $2 + 0 > 10 || $2 + 0 < -10 || $3 !~ /^[1-4]$/ || $4 !~ /^([A-Z]+|-)$/ || $5 == "" \
    { print FILENAME ":" FNR ": " $0 }' "$CB" > "$tmp/e"
check codebook_lines_parse "$tmp/e"
awk -F'\t' '!/^#/ && NF { print $1 }' "$CB" | sort > "$tmp/codes"
uniq -d "$tmp/codes" > "$tmp/e"; check codebook_codes_unique "$tmp/e"
awk -F'\t' '!/^#/ && NF { r = substr($1, 1, 2) + 0
  q = (r <= 5) ? 1 : (r <= 9) ? 2 : (r <= 14) ? 3 : 4
  if ($3 != q) print $1 " quad " $3 " expected " q }' "$CB" > "$tmp/e"
check codebook_quad_follows_root "$tmp/e"
# every sub-code has its parent (0211 -> 021 -> 02)
awk -F'\t' '!/^#/ && NF { c[$1] = 1 } END { for (k in c) if (length(k) > 2) {
  p = substr(k, 1, length(k) - 1); if (length(k) == 3) p = substr(k, 1, 2)
  if (!(p in c)) print k " has no parent " p } }' "$CB" > "$tmp/e"
check codebook_parents_exist "$tmp/e"
n=$(wc -l < "$tmp/codes")
if [ "$n" -ge 300 ]; then ok "codebook_size_$n"; else ko codebook_size "$n codes"; fi
R=$S/reference/cameo
if [ -f "$R/CAMEO.goldsteinscale.txt" ]; then
  awk -F'\t' 'NR > 1 && $1 ~ /^[0-9]+$/ { printf "%s %.1f\n", $1, $2 }' "$R/CAMEO.goldsteinscale.txt" \
    | sort > "$tmp/ref"
  awk -F'\t' '!/^#/ && NF { printf "%s %.1f\n", $1, $2 }' "$CB" | sort > "$tmp/ours"
  diff "$tmp/ref" "$tmp/ours" > "$tmp/e"
  check codebook_matches_reference_goldstein "$tmp/e"
else
  echo "SKIP codebook_matches_reference_goldstein"
fi

# --- verb patterns ---
V=$(ls "$D"/verbs/*.txt 2>/dev/null)
if [ -z "$V" ]; then ko verbs_exist; exit 0; fi
# syntax: WORDS = CODE[:CODE] | :CODE | --- , then optional "; key=value" attributes
awk '{ sub(/#.*/, "") } NF == 0 { next }
  !/^[^=;|]+ = ([0-9][0-9]+(:[0-9][0-9]+)?|:[0-9][0-9]+|---)( ; [a-z]+=[^;= ]+)*$/ \
    { print FILENAME ":" FNR ": " $0; next }
  { split($0, h, " = "); n = split(h[1], w, " "); stars = 0
    for (i = 1; i <= n; i++) { if (w[i] == "*") stars++
      else if (w[i] != "<" && w[i] != ">" && w[i] !~ /^[a-z0-9][a-z0-9.\x27-]*$/) print FILENAME ":" FNR ": bad word " w[i] }
    if (stars > 1) print FILENAME ":" FNR ": more than one *"
    if (w[1] == "*" ) print FILENAME ":" FNR ": starts with *" }' $V > "$tmp/e"
check verbs_lines_parse "$tmp/e"
# attributes: only passive=CODE and speech=1
awk '{ sub(/#.*/, "") } NF == 0 { next } { n = split($0, a, " ; ")
  for (i = 2; i <= n; i++) if (a[i] !~ /^(speech=1|passive=[0-9]+)$/) print FILENAME ":" FNR ": " a[i] }' $V > "$tmp/e"
check verbs_attributes_known "$tmp/e"
# every code used exists in the codebook
awk '{ sub(/#.*/, "") } NF == 0 { next } { split($0, h, " = "); split(h[2], c, " ")
  n = split(c[1], p, ":"); for (i = 1; i <= n; i++) if (p[i] != "" && p[i] != "---") print p[i] }' $V \
  | sort -u > "$tmp/used"
comm -23 "$tmp/used" "$tmp/codes" > "$tmp/e"
check verbs_codes_in_codebook "$tmp/e"
# no pattern defined twice (across all files)
awk '{ sub(/#.*/, "") } NF == 0 { next } { split($0, h, " = "); print h[1] }' $V | sort | uniq -d > "$tmp/e"
check verbs_no_duplicate_patterns "$tmp/e"
# every codebook event code (3 and 4 digits; the 2-digit roots are headings) has a pattern
grep -v '^..$' "$tmp/codes" | comm -13 "$tmp/used" - > "$tmp/e"
check verbs_cover_every_code "$tmp/e"
# speech verbs: code --- and speech=1, only in 00-speech.txt
grep -n ' ; speech=1' $V | grep -v ' = --- ; speech=1$' > "$tmp/e"
check verbs_speech_lines_have_no_code "$tmp/e"
# counts per root
awk '{ sub(/#.*/, "") } NF == 0 { next } { split($0, h, " = "); split(h[2], c, " ")
  split(c[1], p, ":"); k = (p[1] != "") ? p[1] : p[2]; r = (k == "---") ? "--" : substr(k, 1, 2); n[r]++; t++ }
  END { for (r in n) print r, n[r]; print "total", t }' $V | sort > "$tmp/counts"
awk '$1 ~ /^[0-9]+$/ && $2 < 20 { print "root " $1 " has only " $2 }' "$tmp/counts" > "$tmp/e"
for r in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
  grep -q "^$r " "$tmp/counts" || echo "root $r has none" >> "$tmp/e"
done
check verbs_every_root_has_20_patterns "$tmp/e"
t=$(awk '$1 == "total" { print $2 }' "$tmp/counts")
if [ "$t" -ge 2500 ]; then ok "verbs_total_$t"; else ko verbs_total "$t < 2500"; fi

# --- event nouns ---
N=$D/nouns.txt
if [ -f "$N" ]; then
  awk '{ sub(/#.*/, "") } NF == 0 { next }
    !/^[a-z0-9][a-z0-9.\x27 -]*( \| [a-z0-9][a-z0-9.\x27 -]*)* = ([0-9][0-9]+(:[0-9][0-9]+)?|:[0-9][0-9]+|---)( ; [a-z]+=[^;= ]+)*$/ \
      { print FILENAME ":" FNR ": " $0 }' "$N" > "$tmp/e"
  check nouns_lines_parse "$tmp/e"
  awk '{ sub(/#.*/, "") } NF == 0 { next } { n = split($0, a, " ; ")
    for (i = 2; i <= n; i++) if (a[i] !~ /^(prep=[a-z]+(,[a-z]+)*|clause=obj)$/) print FILENAME ":" FNR ": " a[i] }' "$N" > "$tmp/e"
  check nouns_attributes_known "$tmp/e"
  awk '{ sub(/#.*/, "") } NF == 0 { next } { split($0, h, " = "); split(h[2], c, " ")
    n = split(c[1], p, ":"); for (i = 1; i <= n; i++) if (p[i] != "" && p[i] != "---") print p[i] }' "$N" \
    | sort -u | comm -23 - "$tmp/codes" > "$tmp/e"
  check nouns_codes_in_codebook "$tmp/e"
  awk '{ sub(/#.*/, "") } NF == 0 { next } { split($0, h, " = "); n = split(h[1], a, " \\| ")
    for (i = 1; i <= n; i++) { gsub(/^ +| +$/, "", a[i]); print a[i] } }' "$N" | sort > "$tmp/np"
  uniq -d "$tmp/np" > "$tmp/e"; check nouns_no_duplicate_phrases "$tmp/e"
  c=$(wc -l < "$tmp/np")
  if [ "$c" -ge 200 ]; then ok "nouns_count_$c"; else ko nouns_count "$c < 200"; fi
else
  ko nouns_exist
fi

# --- cues ---
C=$D/cues.txt
if [ -f "$C" ]; then
  awk '{ sub(/#.*/, "") } NF == 0 { next }
    !/^(negation|negverb|modal|future|intent|threat|conditional|report|deny) = [a-z\x27][a-z\x27 -]*( \| [a-z\x27][a-z\x27 -]*)*$/ \
      { print FILENAME ":" FNR ": " $0 }' "$C" > "$tmp/e"
  check cues_lines_parse "$tmp/e"
  : > "$tmp/e"
  for k in negation negverb modal future intent threat conditional report deny; do
    grep -q "^$k = " "$C" || echo "no $k" >> "$tmp/e"
  done
  check cues_every_kind_present "$tmp/e"
else
  ko cues_exist
fi
exit 0
