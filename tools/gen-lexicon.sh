#!/bin/sh
# gen-lexicon.sh OUTDIR CC: compiles tools/gen_lexicon.c and runs it on
# Debian's WordNet (wordnet-base) to write OUTDIR/lexicon.txt, the tagger's
# open-class lexicon, and OUTDIR/phrasal.txt, its phrasal verbs. The hand-written closed-class lists in data/lexicon/
# are loaded on top of it at run time.
set -eu
out=${1:?usage: gen-lexicon.sh OUTDIR CC}
cc=${2:-cc}
wn=${WORDNET_DIR:-/usr/share/wordnet}
dir=$(dirname "$0")
mkdir -p "$out"
$cc -std=c11 -D_DEFAULT_SOURCE -O2 -Wall -Wextra -o "$out/gen_lexicon" "$dir/gen_lexicon.c"
"$out/gen_lexicon" "$wn" "$out/lexicon.txt.tmp" "$out/phrasal.txt.tmp"
mv "$out/lexicon.txt.tmp" "$out/lexicon.txt"
mv "$out/phrasal.txt.tmp" "$out/phrasal.txt"
rm -f "$out/gen_lexicon"
