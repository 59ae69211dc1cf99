#!/bin/sh
# bench/code.sh: end-to-end `dyad code` on the Reuters corpus (read, parse,
# code, write JSON): wall and CPU time, MB/s of article text, sentences/s,
# articles/s, events, peak memory; `gzip -1` on the same text as a
# yardstick; and -j 2 against -j 1 (same output). Prints SKIP without
# ../shared.
set -u
corpus="${DYAD_SHARED:-../shared}/corpora/reuters21578.jsonl"
bin="${DYAD_BIN:-build/dyad}"
if [ ! -r "$corpus" ]; then echo "SKIP code.sh: $corpus not found"; exit 0; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# the text itself: sentences counted by `dyad parse --json`
"$bin" parse --json "$corpus" > "$tmp/parse.json" 2>/dev/null
sents=$(grep -o '"sentences":\[' "$tmp/parse.json" | wc -l)
sents=$(grep -o '{"span":\[' "$tmp/parse.json" | wc -l)
textbytes=$(grep -o '"text": "[^"\\]*\(\\.[^"\\]*\)*"' "$corpus" | wc -c)
best=""
for i in 1 2 3; do
  /usr/bin/time -f "%e %U %M" -o "$tmp/t$i" "$bin" code "$corpus" > "$tmp/out.jsonl" 2>/dev/null
  u=$(cut -d' ' -f2 "$tmp/t$i")
  if [ -z "$best" ] || awk "BEGIN{exit !($u < $best)}"; then best=$u; bt="$tmp/t$i"; fi
done
set -- $(cat "$bt")
wall=$1; user=$2; rss=$3
events=$(grep -c '"type":"event"' "$tmp/out.jsonl")
arts=$(wc -l < "$corpus")
awk -v u="$user" -v w="$wall" -v b="$textbytes" -v s="$sents" -v a="$arts" -v e="$events" -v m="$rss" 'BEGIN {
  printf "dyad code: %d articles, %.1f MB text, %d sentences, %d events\n", a, b/1e6, s, e;
  printf "  cpu %.2fs (wall %.2fs): %.1f MB/s, %.0f sentences/s, %.0f articles/s per core; peak RSS %.1f MB\n", u, w, b/1e6/u, s/u, a/u, m/1024 }'
/usr/bin/time -f "%U" -o "$tmp/gz" gzip -1 -c "$corpus" > /dev/null
awk -v u="$(cat "$tmp/gz")" -v b="$(wc -c < "$corpus")" 'BEGIN { printf "  yardstick gzip -1 on the same file: %.1f MB/s\n", b/1e6/(u>0?u:0.01) }'
/usr/bin/time -f "%e" -o "$tmp/j2" "$bin" code -j 2 "$corpus" > "$tmp/out2.jsonl" 2>/dev/null
if cmp -s "$tmp/out.jsonl" "$tmp/out2.jsonl"; then same=identical; else same=DIFFERENT; fi
echo "  -j 2: wall $(cat "$tmp/j2")s, output $same to -j 1"
