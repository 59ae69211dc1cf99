#!/bin/sh
# bench/run.sh: runs every benchmark in bench/ and prints their figures.
# Inputs come from $DYAD_SHARED (../shared); benchmarks that need it say so
# and skip when it is absent. Never part of `make test`.
set -u
for b in "$BUILD"/bench/*; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b" || echo "($(basename "$b") failed)"
done
for s in bench/*.sh; do
  case "$s" in */run.sh) continue ;; esac
  echo "== $(basename "$s")"
  sh "$s" || echo "($(basename "$s") failed)"
done
