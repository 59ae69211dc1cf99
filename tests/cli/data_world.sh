#!/bin/sh
# tests/cli/data_world.sh: sanity checks on the world dictionaries (actors
# and agents) that need no loader: every entry line has the shape
# data/README.md gives; codes and dates are well-formed (real calendar days,
# FROM <= TO, at most one undated default code); attributes are known keys
# with valid values; no phrase is given two different code lists anywhere in
# the actor files; the content reaches its minimum counts. The checkers are
# first run on small bad files (in a mktemp folder) to show they can fail.
# Reads the folders in $DYAD_DATA (colon-separated; the generated build/data
# one is optional).
DATA=${DYAD_DATA:-data:build/data}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
ok() { echo "PASS $1"; }
bad() { echo "FAIL $1"; }

# Entry lines, with comments and blank lines removed: FILE:LINE<TAB>TEXT
lines() {
  awk '{ sub(/[ \t]*#.*$/, ""); sub(/[ \t]+$/, "") }
       $0 != "" { printf "%s:%d\t%s\n", FILENAME, FNR, $0 }' "$@"
}

# Prints one message per malformed actor line.
actor_shape() {
  lines "$@" | awk -F'\t' '
function leap(y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
function okdate(d,   y, m, dd, md) {
  if (d !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/) return 0
  y = substr(d, 1, 4) + 0; m = substr(d, 6, 2) + 0; dd = substr(d, 9, 2) + 0
  split("31 28 31 30 31 30 31 31 30 31 30 31", md, " ")
  if (m < 1 || m > 12 || dd < 1) return 0
  return dd <= md[m] + (m == 2 && leap(y))
}
function err(m) { print $1 ": " m }
{
  t = $2; eq = index(t, " = ")
  if (eq == 0) { err("no \" = \""); next }
  ph = substr(t, 1, eq - 1); rest = substr(t, eq + 3)
  np = split(ph, p, /\|/)
  for (i = 1; i <= np; i++) {
    q = p[i]; gsub(/^ +| +$/, "", q)
    if (q == "" || q ~ /[=;@()]/) err("bad phrase \"" p[i] "\"")
  }
  na = split(rest, a, / ; /)
  nc = split(a[1], c, /, /); ndef = 0
  for (i = 1; i <= nc; i++) {
    code = c[i]; from = ""; to = ""
    if (index(code, "@")) {
      rg = substr(code, index(code, "@") + 1); code = substr(code, 1, index(code, "@") - 1)
      if (rg !~ /\.\./) { err("range without ..: " c[i]); continue }
      from = substr(rg, 1, index(rg, "..") - 1); to = substr(rg, index(rg, "..") + 2)
      if (from == "" && to == "") err("empty range: " c[i])
      if (from != "" && !okdate(from)) err("bad date " from)
      if (to != "" && !okdate(to)) err("bad date " to)
      if (from != "" && to != "" && from > to) err("range ends before it starts: " c[i])
    } else if (++ndef > 1) err("more than one undated code")
    if (code !~ /^([A-Z][A-Z][A-Z])+$/ && !(nc == 1 && code == "-")) err("bad code \"" code "\"")  # "-": names no actor
  }
  for (i = 2; i <= na; i++) {
    kv = a[i]; k = kv; sub(/=.*/, "", k); v = kv; sub(/^[^=]*=/, "", v)
    if (kv !~ /^[a-z]+=[^ ].*$/) err("bad attribute \"" kv "\"")
    else if (k == "type") { if (v !~ /^(country|adj|capital|person|igo|group|bloc|org)$/) err("bad type " v) }
    else if (k == "sex") { if (v !~ /^[mf]$/) err("bad sex " v) }
    else if (k == "country") { if (v !~ /^[A-Z][A-Z][A-Z]$/) err("bad country " v) }
    else if (k == "role") { if (v !~ /^[a-z][a-z -]*(,[a-z][a-z -]*)*$/) err("bad role " v) }
    else err("unknown key " k)
  }
  if (t ~ /; type=person/ && !(t ~ /; sex=[mf]/ && t ~ /; country=[A-Z][A-Z][A-Z]/))
    err("person without sex= or country=")
  # dated codes that differ must not overlap (the loader would take the
  # first; dyad dict check reports it): one role ends the day before the next
  n = 0
  for (i = 1; i <= nc; i++) {
    if (!index(c[i], "@")) continue
    n++; cd[n] = substr(c[i], 1, index(c[i], "@") - 1)
    rg = substr(c[i], index(c[i], "@") + 1)
    f[n] = substr(rg, 1, index(rg, "..") - 1); g[n] = substr(rg, index(rg, "..") + 2)
    if (f[n] == "") f[n] = "0000-00-00"
    if (g[n] == "") g[n] = "9999-99-99"
  }
  for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
    if (cd[i] != cd[j] && f[i] <= g[j] && f[j] <= g[i])
      err(cd[i] "@" f[i] ".." g[i] " overlaps " cd[j] "@" f[j] ".." g[j])
}'
}

# Prints phrases written twice in hand-written files (even with the same
# codes: dyad dict check warns about them). The generated iso-codes file is
# left out, as its names change with the installed iso-codes version.
repeats() {
  lines "$@" | awk -F'\t' '{
  t = $2; ph = substr(t, 1, index(t, " = ") - 1); np = split(ph, p, /\|/)
  for (i = 1; i <= np; i++) {
    q = tolower(p[i]); gsub(/^ +| +$/, "", q); gsub(/ +/, " ", q)
    if (q in where) print $1 ": \"" q "\" already in " where[q]
    else where[q] = $1
  }
}'
}

# Prints one message per phrase (case-folded, spaces squeezed) that two
# lines give different code lists.
conflicts() {
  lines "$@" | awk -F'\t' '{
  t = $2; eq = index(t, " = "); ph = substr(t, 1, eq - 1); rest = substr(t, eq + 3)
  codes = rest; sub(/ ;.*/, "", codes)
  np = split(ph, p, /\|/)
  for (i = 1; i <= np; i++) {
    q = tolower(p[i]); gsub(/^ +| +$/, "", q); gsub(/ +/, " ", q)
    if ((q in where) && seen[q] != codes)
      print $1 ": \"" q "\" = " codes " but " where[q] " has " seen[q]
    else if (!(q in where)) { where[q] = $1; seen[q] = codes }
  }
}'
}

# Prints malformed agent lines, then "TOTAL n" (phrases counted).
agent_check() {
  lines "$@" | awk -F'\t' '{
  t = $2; eq = index(t, " = ")
  if (eq == 0) { print $1 ": no \" = \""; next }
  ph = substr(t, 1, eq - 1); rest = substr(t, eq + 3); na = split(rest, a, / ; /)
  if (a[1] !~ /^([A-Z][A-Z][A-Z])+$/) print $1 ": bad agent code \"" a[1] "\""
  for (i = 2; i <= na; i++) if (a[i] !~ /^(title=1|type=[a-z]+)$/) print $1 ": bad attribute \"" a[i] "\""
  np = split(ph, p, /\|/)
  for (i = 1; i <= np; i++) { q = tolower(p[i]); gsub(/^ +| +$/, "", q)
    if (q == "") print $1 ": empty phrase"
    if ((q in seen) && seen[q] != a[1]) print $1 ": \"" q "\" both " seen[q] " and " a[1]
    seen[q] = a[1]; total++ }
} END { print "TOTAL " total + 0 }'
}

# 0. the checkers catch bad lines
cat > "$tmp/bad.txt" <<'BAD'
Foo | Bar = XXXGOV@2020-02-30..2021-01-01 ; type=person ; sex=m ; country=XXX
Baz = XXXGOV@2021-01-01..2020-01-01, XXX, YYY ; type=country
Qux = xx ; colour=red
Two = AAAGOV@2020-01-01..2021-01-01, AAAMIL@2020-06-01.. ; type=person ; sex=m ; country=AAA
BAD
printf 'Bar = YYY ; type=country\n' > "$tmp/bad2.txt"
n=$(actor_shape "$tmp/bad.txt" | wc -l)
[ "$n" -ge 6 ] && ok data_world_checker_finds_bad_lines || bad "data_world_checker_finds_bad_lines ($n)"
n=$(conflicts "$tmp/bad.txt" "$tmp/bad2.txt" | wc -l)
[ "$n" -eq 1 ] && ok data_world_checker_finds_conflict || bad "data_world_checker_finds_conflict ($n)"

# the real files
actors=""; agents=""
old_ifs=$IFS; IFS=:
for d in $DATA; do
  for f in "$d"/actors/*.txt "$d"/actors-*.txt; do
    [ -f "$f" ] && actors="$actors$f$IFS"
  done
  [ -f "$d/agents.txt" ] && agents="$agents$d/agents.txt$IFS"
done
IFS=$old_ifs
if [ -z "$actors" ]; then echo "SKIP data_world_actors (no actor files in $DATA)"; exit 0; fi
set -f; IFS=:; set -- $actors; IFS=$old_ifs; set +f

# 1. shape of every actor line
errs=$(actor_shape "$@")
if [ -z "$errs" ]; then ok data_world_actor_lines; else bad data_world_actor_lines; echo "$errs" | head -20; fi

# 2. no phrase with two different code lists
errs=$(conflicts "$@")
if [ -z "$errs" ]; then ok data_world_no_conflicts; else bad data_world_no_conflicts; echo "$errs" | head -30; fi

hand=""; for f in "$@"; do case $f in */actors-countries.txt) ;; *) hand="$hand$f:";; esac; done
errs=$(set -f; IFS=:; repeats $hand)
if [ -z "$errs" ]; then ok data_world_no_repeats; else bad data_world_no_repeats; echo "$errs" | head -30; fi

# 3. minimum counts
count() { lines "$@" | grep -c "$PAT"; }
PAT='; type=person'; people=$(count "$@")
PAT='; type=adj'; adjs=$(count "$@")
PAT='; type=capital'; caps=$(count "$@")
PAT='; type=igo'; igos=$(count "$@")
PAT='; type=group'; groups=$(count "$@")
[ "$people" -ge 2000 ] && ok "data_world_people_count ($people)" || bad "data_world_people_count ($people < 2000)"
[ "$adjs" -ge 190 ] && ok "data_world_adj_count ($adjs)" || bad "data_world_adj_count ($adjs < 190)"
[ "$caps" -ge 150 ] && ok "data_world_capital_count ($caps)" || bad "data_world_capital_count ($caps < 150)"
[ "$igos" -ge 60 ] && ok "data_world_igo_count ($igos)" || bad "data_world_igo_count ($igos < 60)"
[ "$groups" -ge 30 ] && ok "data_world_group_count ($groups)" || bad "data_world_group_count ($groups < 30)"
gen=""; for f in "$@"; do case $f in */actors-countries.txt) gen=$f;; esac; done
if [ -n "$gen" ]; then
  n=$(grep -c '; type=country$' "$gen")
  [ "$n" -ge 249 ] && ok "data_world_iso_countries ($n)" || bad "data_world_iso_countries ($n < 249)"
else
  echo "SKIP data_world_iso_countries (build/data/actors-countries.txt not generated)"
fi

# 4. agents: PHRASES = CODE [; key=value], no conflicts, at least 150 phrases
if [ -z "$agents" ]; then bad data_world_agents_present; exit 0; fi
set -f; IFS=:; set -- $agents; IFS=$old_ifs; set +f
out=$(agent_check "$@")
nag=$(echo "$out" | sed -n 's/^TOTAL //p'); errs=$(echo "$out" | grep -v '^TOTAL ')
if [ -z "$errs" ]; then ok data_world_agent_lines; else bad data_world_agent_lines; echo "$errs" | head -20; fi
[ "${nag:-0}" -ge 150 ] && ok "data_world_agent_count ($nag)" || bad "data_world_agent_count (${nag:-0} < 150)"

# 5. through the loader (once 'dyad dict' exists in the build): the shipped
# data loads clean, and dated codes resolve by the article date.
if [ -z "$DYAD_BIN" ] || [ ! -x "$DYAD_BIN" ] ||
   "$DYAD_BIN" dict check 2>&1 | grep -q 'not available'; then
  echo "SKIP data_world_dict_check (no 'dyad dict' in this build)"
  exit 0
fi
if "$DYAD_BIN" dict check >"$tmp/check.txt" 2>&1; then ok data_world_dict_check
else bad data_world_dict_check; head -20 "$tmp/check.txt"; fi
while IFS='|' read -r phrase date want; do
  [ -n "$phrase" ] || continue
  got=$("$DYAD_BIN" dict lookup "$phrase" --date "$date" 2>&1 | grep '^actor' | head -1)
  if echo "$got" | grep -Eq -- "-> $want( |\$)"; then ok "data_world_lookup $phrase@$date"
  else bad "data_world_lookup $phrase@$date (want $want, got: $got)"; fi
done <<'CASES'
Putin|2010-01-01|RUSGOV
Vladimir Putin|2020-01-01|RUSGOV
Trump|2022-06-01|USA
Trump|2025-06-01|USAGOV
Taliban|2020-01-01|AFGREBTAL
Taliban|2022-01-01|AFGGOV
Sanaa|2010-01-01|YEMGOV
Sanaa|2020-01-01|YEMREBHTH
Ahmed al-Sharaa|2025-06-01|SYRGOV
Jolani|2020-01-01|SYRREBHTS
Rapid Support Forces|2024-01-01|SDNREBRSF
Guterres|2020-01-01|IGOUNO
Mark Rutte|2020-01-01|NLDGOV
Mark Rutte|2025-01-01|IGOWSTNAT
Pentagon|2020-01-01|USAMIL
Kyiv|2020-01-01|UKRGOV
Kiev|2020-01-01|UKRGOV
Czechia|2020-01-01|CZE
Ivory Coast|2020-01-01|CIV
Burma|2020-01-01|MMR
US|2020-01-01|USA
NATO|2020-01-01|IGOWSTNAT
Islamic State|2020-01-01|IMGMUSISI
Hamas|2020-01-01|PSEREBHMS
CASES
if "$DYAD_BIN" dict lookup "told us" 2>/dev/null | grep -q '^actor'; then
  bad data_world_lookup_us_is_not_USA
else ok data_world_lookup_us_is_not_USA; fi
