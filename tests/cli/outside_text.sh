#!/bin/sh
# tests/cli/outside_text.sh: no text from ../shared's outside texts (the
# devsets, example articles, treebank and PETRARCH sentences, the Reuters
# corpus) is copied into the project: tools/check-outside-text.sh finds
# no 6-word run shared with them (7 for the corpus). Skips without ../shared.
shared="${DYAD_SHARED:-../shared}"
if [ ! -d "$shared" ]; then echo "SKIP outside_text (no $shared)"; exit 0; fi
out=$(mktemp); trap 'rm -f "$out"' EXIT
if sh tools/check-outside-text.sh "$shared" > "$out" 2>&1; then
  echo "PASS outside_text_none_copied"
else
  echo "FAIL outside_text_none_copied"; cat "$out"
fi
