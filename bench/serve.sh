#!/bin/sh
# bench/serve.sh: load on `dyad serve` with wrk: a synthetic store of
# DYAD_BENCH_EVENTS events (default 1,000,000, made by build/bench/store
# through the public store API), the server on a free loopback port, and
# 100 connections for DYAD_BENCH_SECONDS (10) on each of: a filtered event
# page, a dyad time series (per month), an actor time series (either side,
# per week) and the actor network of a year. Prints requests/s, p50/p99
# latency and errors. Target: p99 under 50 ms, no errors. Figures only.
# Writes only under a mktemp folder.
DYAD=${DYAD_BIN:-build/dyad}
BUILD=${BUILD:-build}
secs=${DYAD_BENCH_SECONDS:-10}
conns=${DYAD_BENCH_CONNS:-100}
if ! command -v wrk >/dev/null 2>&1; then
  echo "serve.sh: wrk not installed (scripts/deps.sh installs it), skipping"; exit 0
fi
if [ ! -x "$BUILD/bench/store" ]; then
  echo "serve.sh: $BUILD/bench/store not built (make bench), skipping"; exit 0
fi
tmp=$(mktemp -d /tmp/dyad-bench-serve.XXXXXX) || exit 1
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# DYAD_BENCH_DB=PATH: use (or make, and keep) that store
db=${DYAD_BENCH_DB:-$tmp/bench.db}
if [ ! -s "$db" ]; then
  t0=$(date +%s)
  "$BUILD/bench/store" "$db" > "$tmp/gen.log" 2>&1 || { cat "$tmp/gen.log"; exit 1; }
  grep -E '^store holds' "$tmp/gen.log"
  echo "store made in $(( $(date +%s) - t0 )) s"
fi
"$DYAD" query --db "$db" --stats 2>/dev/null | tr '\n' ' '; echo

"$DYAD" serve --db "$db" --listen 127.0.0.1:0 --quiet 2>"$tmp/serve.log" &
pid=$!
port=
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.log")
  [ -n "$port" ] && break
  sleep 0.5
done
[ -n "$port" ] || { cat "$tmp/serve.log"; exit 1; }
base="http://127.0.0.1:$port"
threads=$(nproc 2>/dev/null || echo 2); [ "$threads" -gt 4 ] && threads=4

printf '%-64s %9s %8s %8s %7s\n' "endpoint ($conns connections, ${secs}s)" "req/s" "p50 ms" "p99 ms" "errors"
for u in \
  '/api/events?source=RUS&target=UKR&from=2020-01-01&to=2020-12-31&limit=50' \
  '/api/events?code=19&quad=4&limit=50&offset=100' \
  '/api/timeseries?source=RUS&target=UKR&period=month' \
  '/api/timeseries?actor=CHN&period=week&from=2023-01-01&to=2023-12-31' \
  '/api/network?from=2022-01-01&to=2022-12-31&limit=100'; do
  curl -s -o "$tmp/body" -w '%{http_code}' "$base$u" > "$tmp/code" 2>/dev/null
  wrk -t"$threads" -c"$conns" -d"${secs}s" --latency -H 'Accept-Encoding: gzip' \
    "$base$u" > "$tmp/wrk.log" 2>&1
  awk -v u="$u" -v code="$(cat "$tmp/code")" -v size="$(wc -c < "$tmp/body")" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
                     if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { err += $NF }
    /Socket errors/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
    END { printf "%-64s %9.0f %8.2f %8.2f %7d  (HTTP %s, %d bytes)\n",
            substr(u, 1, 64), rps, p50, p99, err, code, size }' "$tmp/wrk.log"
done
