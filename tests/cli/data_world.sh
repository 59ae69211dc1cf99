#!/bin/sh
# tests/cli/data_world.sh: sanity checks on the world dictionaries (actors
# and agents) without the loader: every entry line has the shape data/README.md
# gives, codes and dates are well-formed (FROM <= TO, real calendar days),
# attributes are known keys with valid values, no phrase is given two
# different code lists anywhere in the actor files, and the content reaches
# its minimum counts. Reads the folders in $DYAD_DATA (colon-separated; the
# generated build/data one is optional). Writes nothing.
DATA=${DYAD_DATA:-data:build/data}
actors=""; agents=""
old_ifs=$IFS; IFS=:
for d in $DATA; do
  for f in "$d"/actors/*.txt "$d"/actors-*.txt; do
    [ -f "$f" ] && actors="$actors$f$IFS"
  done
  [ -f "$d/agents.txt" ] && agents="$agents$d/agents.txt$IFS"
done
IFS=$old_ifs
ok() { echo "PASS $1"; }
bad() { echo "FAIL $1"; }
if [ -z "$actors" ]; then echo "SKIP data_world_actors (no actor files in $DATA)"; exit 0; fi
# shellcheck disable=SC2086
set -f; IFS=:; set -- $actors; IFS=$old_ifs; set +f

# Entry lines, with comments and blank lines removed: FILE:LINE<TAB>TEXT
lines() {
  awk '{ sub(/[ \t]*#.*$/, ""); sub(/[ \t]+$/, "") }
       $0 != "" { printf "%s:%d\t%s\n", FILENAME, FNR, $0 }' "$@"
}

# 1. shape of every actor line and its codes, dates and attributes
errs=$(lines "$@" | awk -F'\t' '
function leap(y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
function okdate(d,   y, m, dd, md) {
  if (d !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/) return 0
  y = substr(d, 1, 4) + 0; m = substr(d, 6, 2) + 0; dd = substr(d, 9, 2) + 0
  split("31 28 31 30 31 30 31 31 30 31 30 31", md, " ")
  if (m < 1 || m > 12 || dd < 1) return 0
  return dd <= md[m] + (m == 2 && leap(y))
}
function err(m) { print $1 ": " m; n++ }
{
  t = $2; eq = index(t, " = ")
  if (eq == 0) { err("no \" = \""); next }
  ph = substr(t, 1, eq - 1); rest = substr(t, eq + 3)
  np = split(ph, p, /\|/)
  for (i = 1; i <= np; i++) {
    q = p[i]; gsub(/^ +| +$/, "", q)
    if (q == "" || q ~ /[=;@]/) err("bad phrase \"" p[i] "\"")
  }
  na = split(rest, a, / ; /)
  nc = split(a[1], c, /, /)
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
    }
    if (code !~ /^([A-Z][A-Z][A-Z])+$/ && code !~ /^---[A-Z]*$/) err("bad code \"" code "\"")
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
}
END { exit n > 0 }' 2>&1)
if [ -z "$errs" ]; then ok data_world_actor_lines; else bad data_world_actor_lines; echo "$errs" | head -20; fi

# 2. a person line has type, sex and country; people have a surname or name
errs=$(lines "$@" | awk -F'\t' '/; type=person/ && !(/; sex=[mf]/ && /; country=[A-Z][A-Z][A-Z]/) { print $1 ": person without sex= or country=" }')
if [ -z "$errs" ]; then ok data_world_person_attrs; else bad data_world_person_attrs; echo "$errs" | head -20; fi

# 3. no phrase with two different code lists (case-folded, spaces squeezed)
errs=$(lines "$@" | awk -F'\t' '{
  t = $2; eq = index(t, " = "); ph = substr(t, 1, eq - 1); rest = substr(t, eq + 3)
  codes = rest; sub(/ ;.*/, "", codes)
  np = split(ph, p, /\|/)
  for (i = 1; i <= np; i++) {
    q = tolower(p[i]); gsub(/^ +| +$/, "", q); gsub(/ +/, " ", q)
    if ((q in where) && seen[q] != codes)
      print $1 ": \"" q "\" = " codes " but " where[q] " has " seen[q]
    else if (!(q in where)) { where[q] = $1; seen[q] = codes }
  }
}')
if [ -z "$errs" ]; then ok data_world_no_conflicts; else bad data_world_no_conflicts; echo "$errs" | head -30; fi

# 4. minimum counts
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

# 5. agents: PHRASES = CODE [; key=value], at least 150 phrases
if [ -z "$agents" ]; then bad data_world_agents_present; exit 0; fi
set -f; IFS=:; set -- $agents; IFS=$old_ifs; set +f
errs=$(lines "$@" | awk -F'\t' '{
  t = $2; eq = index(t, " = ")
  if (eq == 0) { print $1 ": no \" = \""; next }
  rest = substr(t, eq + 3); na = split(rest, a, / ; /)
  if (a[1] !~ /^([A-Z][A-Z][A-Z])+$/) print $1 ": bad agent code \"" a[1] "\""
  for (i = 2; i <= na; i++) if (a[i] !~ /^(title=1|type=[a-z]+)$/) print $1 ": bad attribute \"" a[i] "\""
}')
if [ -z "$errs" ]; then ok data_world_agent_lines; else bad data_world_agent_lines; echo "$errs" | head -20; fi
errs=$(lines "$@" | awk -F'\t' '{
  t = $2; eq = index(t, " = "); ph = substr(t, 1, eq - 1); code = substr(t, eq + 3); sub(/ ;.*/, "", code)
  np = split(ph, p, /\|/)
  for (i = 1; i <= np; i++) { q = tolower(p[i]); gsub(/^ +| +$/, "", q)
    if ((q in seen) && seen[q] != code) print $1 ": \"" q "\" both " seen[q] " and " code
    seen[q] = code; total++ }
} END { print "TOTAL " total }')
nag=$(echo "$errs" | sed -n 's/^TOTAL //p'); errs=$(echo "$errs" | grep -v '^TOTAL ')
if [ -z "$errs" ]; then ok data_world_agent_no_conflicts; else bad data_world_agent_no_conflicts; echo "$errs" | head; fi
[ "${nag:-0}" -ge 150 ] && ok "data_world_agent_count ($nag)" || bad "data_world_agent_count (${nag:-0} < 150)"
