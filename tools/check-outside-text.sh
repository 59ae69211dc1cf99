#!/bin/sh
# tools/check-outside-text.sh [SHARED_DIR]: finds text copied into the
# project from the outside texts in ../shared (read-only reference there,
# never ours to keep): the devsets (every set, every file), the example
# articles, the treebank sentences ("# text = " lines), the sentences of
# the PETRARCH test files (<Text> elements) and the Reuters corpus.
#
# A copy is a run of N consecutive words (N=6 for the small texts, whose
# sentences must not appear even in part; N=7 for the Reuters corpus,
# whose 3 million words share many 6-word stock phrases with any English
# prose; lowercased, every run of
# characters other than a-z0-9 is one word break, JSON/C escapes like \n
# and \u2019 are breaks too) that the project's tracked text files share
# with one of those texts. The project's n-grams are hashed once (about
# half a million); the shared texts, the 19 MB corpus included, are
# streamed past that hash. Runs made only of stock words (see STOP below:
# function words, numbers, months, weekdays) are ignored, so "on the
# other hand, it is" or a date is not a copy; nor is a run inside an
# official name listed in tools/outside-text.allow, give or take one
# other word ("talks at the General Agreement on Tariffs"). Words run on across line
# breaks inside a project file (comments wrap), and inside one shared
# record (a JSONL or TSV line, a <Text> element, a text file).
#
# Prints "HIT project_file:line shared_file: the words" for each copy
# (once per project line and shared file) and a count per shared file;
# exits 1 if any. Exits 0 with a SKIP line when SHARED_DIR is absent.
# Run from anywhere; it checks the repository this script lives in.
N=${OUTSIDE_TEXT_N:-6}         # env OUTSIDE_TEXT_N(_CORPUS) try other lengths
NC=${OUTSIDE_TEXT_N_CORPUS:-7}
cd "$(dirname "$0")/.." || exit 2
shared=${1:-${DYAD_SHARED:-../shared}}
if [ ! -d "$shared" ]; then
  echo "SKIP check-outside-text (no $shared)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The project's own text: tracked files (or, outside git, the same folders),
# less dependencies, lock files and generated bundles, text files only.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files
else
  find README.md src cli server data tests docs web include tools bench \
    examples scripts -type f 2>/dev/null
fi | grep -E '^(README\.md|(src|cli|server|data|tests|docs|web|include|tools|bench|examples|scripts)/)' |
  grep -vE '(^|/)node_modules/|(^|/)package-lock\.json$|^web/dist/|\.min\.js$|^tests/fuzz/seeds/|^tools/outside-text\.allow$' |
  while IFS= read -r f; do
    [ -f "$f" ] && grep -Iq . "$f" && printf '%s\n' "$f"
  done > "$tmp/project"

# The outside texts, each with how to read it: jsonl/tsv = one record a
# line; conllu = only "# text = " lines; xml = inside <Text> elements;
# txt/md = the whole file as running text.
{
  find "$shared/devsets" "$shared/examples" -type f 2>/dev/null
  find "$shared/treebanks" -type f -name '*.conllu' 2>/dev/null
  find "$shared/peers/petrarch2" -type f -name '*.xml' 2>/dev/null
} | sort > "$tmp/shared"
find "$shared/corpora" -type f -name '*.jsonl' 2>/dev/null | sort > "$tmp/corpora"

# scan N LIST: the awk below, for word runs of N against the files of LIST
scan() {

awk -v n="$1" -v plist="$tmp/project" -v slist="$2" \
    -v allow=tools/outside-text.allow '
# words(s): puts the words of s into wd[1..k], returns k
function words(s,   k) {
  s = tolower(s)
  gsub(/\\u[0-9a-f][0-9a-f][0-9a-f][0-9a-f]/, " ", s)
  gsub(/\\[nrt]/, " ", s)
  gsub(/[^a-z0-9]+/, " ", s)
  k = split(s, wd, " ")
  return k
}
# stock(): true when every word of the window is a stop word or a number
function stock(   i) {
  for (i = 0; i < n; i++)
    if (!(win[i] in STOP) && win[i] !~ /^[0-9]+$/) return 0
  return 1
}
# named(): true when the window holds a run of 3 or more words of an
# allowed name and at most one other word that is no stop word or number
# ("talks at the General Agreement on Tariffs"). Called on hits only.
function named(   a, b, i, key, best, ba, bb, other) {
  best = 0
  for (a = 0; a < n; a++) {
    key = win[(cnt + a) % n]
    for (b = a + 1; b < n; b++) {
      key = key " " win[(cnt + b) % n]
      if (b - a + 1 >= 3 && (key in ALLOW) && b - a + 1 > best) {
        best = b - a + 1; ba = a; bb = b
      }
    }
  }
  if (!best) return 0
  other = 0
  for (i = 0; i < n; i++)
    if ((i < ba || i > bb) && !(win[(cnt + i) % n] in STOP) &&
        win[(cnt + i) % n] !~ /^[0-9]+$/) other++
  return other <= 1
}
# push(w): slides w into the window; returns the n-gram once full, else ""
function push(w,   i, key) {
  win[cnt % n] = w; cnt++
  if (cnt < n) return ""
  key = win[cnt % n]
  for (i = 1; i < n; i++) key = key " " win[(cnt + i) % n]
  return key
}
BEGIN {
  split("a an the and or but nor of in on at to for from by with as into " \
        "onto over under about after before since until than that this " \
        "these those it its it s he his she her they their them we our us " \
        "you your i me my is are was were be been being has have had do " \
        "does did will would shall should can could may might must not no " \
        "so if then there here who whom whose which what when where why " \
        "how all any some each one two three four five six seven eight " \
        "nine ten also more most other such only up down out off said say " \
        "says t s new year years day days week weeks month months " \
        "monday tuesday wednesday thursday friday saturday sunday " \
        "january february march april may june july august september " \
        "october november december jan feb mar apr jun jul aug sep sept " \
        "oct nov dec", sw, " ")
  for (i in sw) STOP[sw[i]] = 1
  # 0. the n-grams of the allowed names
  while ((getline line < allow) > 0) {
    if (line ~ /^#/) continue
    cnt = 0; k = words(line)
    for (i = 1; i <= k; i++) {   # every run of the phrase, any length
      key = wd[i]; ALLOW[key] = 1
      for (j = i + 1; j <= k; j++) { key = key " " wd[j]; ALLOW[key] = 1 }
    }
  }
  close(allow)
  # 1. hash the project n-grams: key -> "file:line" (first few places)
  while ((getline f < plist) > 0) {
    cnt = 0; ln = 0
    while ((getline line < f) > 0) {
      ln++
      k = words(line)
      for (j = 1; j <= k; j++) {
        at[cnt % n] = ln
        key = push(wd[j])
        if (key == "" || stock()) continue
        place = f ":" at[cnt % n]
        if (!(key in proj)) { proj[key] = place; np[key] = 1 }
        else if (np[key] < 5 && index(proj[key] "\t", place "\t") == 0) {
          proj[key] = proj[key] "\t" place; np[key]++
        }
      }
    }
    close(f)
  }
  # 2. stream the shared texts past the hash
  hits = 0
  while ((getline f < slist) > 0) {
    mode = "text"
    if (f ~ /\.jsonl$/) mode = "line"
    else if (f ~ /\.tsv$/) mode = "tsv"
    else if (f ~ /\.conllu$/) mode = "conllu"
    else if (f ~ /\.xml$/) mode = "xml"
    cnt = 0; intext = 0; fh = 0
    while ((getline line < f) > 0) {
      if (mode == "line" || mode == "tsv") cnt = 0
      else if (mode == "conllu") {
        if (substr(line, 1, 9) != "# text = ") continue
        cnt = 0; line = substr(line, 10)
      } else if (mode == "xml") {
        if (!intext) {
          p = index(line, "<Text>")
          if (!p) continue
          intext = 1; cnt = 0; line = substr(line, p + 6)
        }
        p = index(line, "</Text>")
        if (p) { line = substr(line, 1, p - 1); intext = 0 }
      }
      if (mode == "tsv") gsub(/\t/, " qqtabqq ", line)
      k = words(line)
      for (j = 1; j <= k; j++) {
        if (wd[j] == "qqtabqq") { cnt = 0; continue }
        key = push(wd[j])
        if (key == "" || !(key in proj) || named()) continue
        m = split(proj[key], pl, "\t")
        for (q = 1; q <= m; q++) {
          if ((pl[q] SUBSEP f) in seen) continue
          seen[pl[q] SUBSEP f] = 1
          print "HIT " pl[q] " " f ": " key
          hits++; fh++
        }
      }
    }
    close(f)
    if (fh) perfile[f] = fh
  }
  for (f in perfile) print "COUNT " perfile[f] " " f
  print hits " copied word runs (N=" n ")"
  exit hits > 0
}'
}
scan "$N" "$tmp/shared"; rc1=$?
scan "$NC" "$tmp/corpora"; rc2=$?
[ "$rc1" -eq 0 ] && [ "$rc2" -eq 0 ]
