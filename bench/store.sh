#!/bin/sh
# bench/store.sh: ingest throughput of `dyad ingest` on the Reuters-21578
# corpus (../shared/corpora/reuters21578.jsonl) into SQLite and into a
# throwaway PostgreSQL server, against `dyad code` on the same input; then
# the synthetic query-latency benchmark (build/bench/store) on PostgreSQL.
# (make bench runs build/bench/store on SQLite by itself.)
#
#   DYAD_BENCH_EVENTS   events in the synthetic PostgreSQL store (1000000)
#   DYAD_BENCH_NO_PG=1  skip PostgreSQL
#   DYAD_BENCH_NO_SYNTH=1  skip the synthetic PostgreSQL store
#
# Prints figures only. Writes only under a mktemp folder.
DYAD=${DYAD_BIN:-build/dyad}
BUILD=${BUILD:-build}
SHARED=${DYAD_SHARED:-../shared}
corpus=$SHARED/corpora/reuters21578.jsonl
tmp=$(mktemp -d /tmp/dyad-bench-store.XXXXXX) || exit 1
PGBIN= PGDIR= AS=
cleanup() {
  if [ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
    $AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if [ ! -r "$corpus" ]; then
  echo "store.sh: $corpus not found, skipping the Reuters ingest figures"
  exit 0
fi
if ! head -1 "$corpus" | "$DYAD" code - >/dev/null 2>&1; then
  echo "store.sh: dyad code cannot read the corpus yet (no reader), skipping"
  exit 0
fi

now() { date +%s.%N; }
# cpu OUT CMD...: runs CMD, writes its user + system CPU seconds to OUT
# (the figure that does not depend on how busy a shared machine is)
cpu() {
  out=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$out.t" "$@"; r=$?
    awk '{ print $1 + $2 }' "$out.t" > "$out"
  else
    "$@"; r=$?; echo 0 > "$out"
  fi
  return $r
}
# rate LABEL SECONDS DOCS EVENTS
rate() {
  awk -v l="$1" -v t="$2" -v d="$3" -v e="$4" -v b="$bytes" 'BEGIN {
    printf "%-34s %7.2f s %9.0f docs/s %9.0f events/s %7.2f MB/s\n",
      l, t, d / t, e / t, b / t / 1e6 }'
}
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { print b - a }'; }

bytes=$(wc -c < "$corpus")
docs=$(grep -c . "$corpus")
events=$("$DYAD" code --format tsv "$corpus" 2>/dev/null | tail -n +2 | grep -c .)
echo "corpus: $docs documents, $bytes bytes, $events events coded"

t0=$(now); cpu "$tmp/cpu.code" "$DYAD" code "$corpus" > /dev/null 2>&1; t1=$(now)
tcode=$(elapsed "$t0" "$t1")
rate "dyad code (jsonl to /dev/null)" "$tcode" "$docs" "$events"
echo "  cpu $(cat "$tmp/cpu.code") s"

ingest() { # LABEL DB
  t0=$(now); cpu "$tmp/cpu.ingest" "$DYAD" ingest --quiet --db "$2" "$corpus" 2>/dev/null; t1=$(now)
  t=$(elapsed "$t0" "$t1")
  stored=$("$DYAD" query --db "$2" --stats | awk '$1 == "events" { print $2 }')
  rate "$1" "$t" "$docs" "$stored"
  awk -v a="$tcode" -v b="$t" 'BEGIN { printf "%-34s %6.0f%% of dyad code throughput\n", "", 100 * a / b }'
  awk -v a="$(cat "$tmp/cpu.code")" -v b="$(cat "$tmp/cpu.ingest")" 'BEGIN {
    if (a > 0 && b > 0) printf "  cpu %.2f s (%.0f%% of dyad code per CPU second; coding and writing run in two threads)\n", b, 100 * a / b }'
  t0=$(now); "$DYAD" ingest --quiet --db "$2" "$corpus" 2>/dev/null; t1=$(now)
  rate "$1, re-run (all unchanged)" "$(elapsed "$t0" "$t1")" "$docs" 0
}
ingest "dyad ingest, SQLite" "$tmp/reuters.db"

[ -n "${DYAD_BENCH_NO_PG:-}" ] && exit 0
for d in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin; do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then PGBIN=$d; break; fi
done
if [ -z "$PGBIN" ]; then echo "store.sh: no PostgreSQL server binaries, skipping"; exit 0; fi
PGDIR=$tmp/pg
mkdir "$PGDIR"
if [ "$(id -u)" = 0 ]; then
  command -v runuser >/dev/null 2>&1 || { echo "store.sh: root without runuser, skipping PostgreSQL"; exit 0; }
  chmod 755 "$tmp"
  chown postgres "$PGDIR" || exit 0
  AS="runuser -u postgres --"
fi
$AS "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U dyad -E UTF8 --locale=C \
  --no-sync > "$tmp/initdb.log" 2>&1 || { echo "initdb failed"; exit 0; }
# durable settings as a real server has them (fsync on), on a unix socket
$AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
  -o "-k $PGDIR -c listen_addresses= -p 5432 -c shared_buffers=512MB" start \
  > /dev/null 2>&1 || { echo "pg_ctl start failed"; exit 0; }
$AS "$PGBIN/createdb" -h "$PGDIR" -p 5432 -U dyad reuters
$AS "$PGBIN/createdb" -h "$PGDIR" -p 5432 -U dyad synth
ingest "dyad ingest, PostgreSQL" "postgresql:///reuters?host=$PGDIR&user=dyad"
[ -n "${DYAD_BENCH_NO_SYNTH:-}" ] && exit 0
echo "== store (synthetic, PostgreSQL)"
"$BUILD/bench/store" "postgresql:///synth?host=$PGDIR&user=dyad"
