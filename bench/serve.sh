#!/bin/sh
# bench/serve.sh: load on `dyad serve` with wrk: a synthetic store of
# DYAD_BENCH_EVENTS events (default 1,000,000, made by build/bench/store
# through the public store API), the server on a free loopback port, and
# 100 connections for DYAD_BENCH_SECONDS (10) on each of: filtered event
# pages, a dyad time series (per month), an actor time series (either side,
# per week) and the actor network of a year; once with the response cache
# (what a dashboard's repeated questions get) and once without it
# (DYAD_BENCH_NO_UNCACHED=1 skips that), where every request runs its
# queries, then uncached with varied parameters (240 different dyads,
# years, roots of each shape, taken in turn by a wrk script). Prints
# requests/s, p50/p99 latency, errors and the server's CPU time per
# request (user + system: the figure that does not depend on how busy the
# machine is). Target: p99 under 50 ms, no errors. Figures only.
#   DYAD_BENCH_DB=PATH   use (or make, and keep) that store
# Writes only under a mktemp folder (and DYAD_BENCH_DB when given).
DYAD=${DYAD_BIN:-build/dyad}
BUILD=${BUILD:-build}
secs=${DYAD_BENCH_SECONDS:-10}
conns=${DYAD_BENCH_CONNS:-100}
[ -n "$conns" ] || conns=100
nconns=$conns # run_all sets conns for each of its runs
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

db=${DYAD_BENCH_DB:-$tmp/bench.db}
if [ ! -s "$db" ]; then
  t0=$(date +%s)
  "$BUILD/bench/store" "$db" > "$tmp/gen.log" 2>&1 || { cat "$tmp/gen.log"; exit 1; }
  grep -E '^store holds' "$tmp/gen.log"
  echo "store made in $(( $(date +%s) - t0 )) s"
fi
"$DYAD" query --db "$db" --stats 2>/dev/null | tr '\n\t' '  '; echo

# CPU time (user + system, clock ticks) the server has used so far.
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# wrk_row LABEL TICKS TRAIL: one table row from $tmp/wrk.log (requests/s,
# p50, p99, errors, the server's CPU ms per request from TICKS), then TRAIL.
wrk_row() {
  awk -v u="$1" -v ticks="$2" -v hz="$hz" -v trail="$3" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
                     if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    / requests in / { nreq = $1 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { err += $NF }
    /Socket errors/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
    END { printf "%-64s %8.0f %8.2f %8.2f %6d %7.3f%s\n",
            substr(u, 1, 64), rps, p50, p99, err,
            nreq ? ticks * 1000 / hz / nreq : 0, trail }' "$tmp/wrk.log"
}

# start_server NAME SERVE-OPTIONS...: `dyad serve` on a free loopback port
# (pid, base), and wrk's threads for $conns connections (threads)
start_server() {
  log="$tmp/serve-$1.log"; shift
  "$DYAD" serve --db "$db" --listen 127.0.0.1:0 --quiet "$@" 2>"$log" &
  pid=$!
  port=
  for _ in $(seq 1 40); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log" 2>/dev/null)
    [ -n "$port" ] && break
    sleep 0.25
  done
  [ -n "$port" ] || { cat "$log"; exit 1; }
  base="http://127.0.0.1:$port"
  threads=$(nproc 2>/dev/null || echo 2); [ "$threads" -gt 4 ] && threads=4
  [ "$threads" -gt "$conns" ] && threads=$conns
}

# run_all NAME CONNS LABEL SERVE-OPTIONS...: one server, wrk on each endpoint
run_all() {
  name=$1 conns=$2 label=$3; shift 3
  start_server "$name" "$@"
  echo "-- $label"
  printf '%-64s %8s %8s %8s %6s %7s\n' "endpoint ($conns connections, ${secs}s)" \
    "req/s" "p50 ms" "p99 ms" "errors" "cpu ms"
  for u in \
    '/api/events?source=RUS&target=UKR&from=2020-01-01&to=2020-12-31&limit=50' \
    '/api/events?code=19&quad=4&limit=50&offset=100' \
    '/api/timeseries?source=RUS&target=UKR&period=month' \
    '/api/timeseries?actor=CHN&period=week&from=2023-01-01&to=2023-12-31' \
    '/api/network?from=2022-01-01&to=2022-12-31&limit=100'; do
    curl -s -o "$tmp/body" -w '%{http_code}' "$base$u" > "$tmp/code" 2>/dev/null
    c0=$(cpu_ticks "$pid")
    wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 30s --latency \
      -H 'Accept-Encoding: gzip' "$base$u" > "$tmp/wrk.log" 2>&1
    c1=$(cpu_ticks "$pid")
    wrk_row "$u" $((c1 - c0)) \
      "  (HTTP $(cat "$tmp/code"), $(wc -c < "$tmp/body") bytes)"
  done
  kill "$pid"; wait "$pid" 2>/dev/null; pid=
}
# Varied questions (uncached): each wrk request takes the next of 240
# paths of one shape with other parameters (40 countries as source and
# target, years, CAMEO roots with their QuadClass, offsets), so that no
# answer and few index pages are the same from one request to the next,
# as when many analysts look at different dyads.
countries="RUS UKR CHN USA GBR FRA DEU IRN ISR PSE SYR TUR IND PAK AFG IRQ SAU EGY SDN ETH NGA KEN ZAF BRA VEN COL MEX JPN KOR PRK TWN PHL IDN MMR POL BLR GEO ARM AZE LBN"
# paths SHAPE: 240 request paths of that shape, one a line
paths() {
  awk -v shape="$1" -v list="$countries" 'BEGIN {
    n = split(list, c, " ")
    for (i = 0; i < 240; i++) {
      s = c[i % n + 1]; t = c[(i * 7 + 3) % n + 1]
      if (s == t) t = c[(i * 7 + 4) % n + 1]
      y = 2015 + (i * 3) % 10
      if (shape == "events")
        printf "/api/events?source=%s&target=%s&from=%d-01-01&to=%d-12-31&limit=50\n", s, t, y, y
      else if (shape == "codes") { # a root and its QuadClass
        r = i % 20 + 1; q = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4
        printf "/api/events?code=%02d&quad=%d&limit=50&offset=%d\n", r, q, (i % 5) * 50
      }
      else
        printf "/api/timeseries?source=%s&target=%s&period=month\n", s, t
    }
  }'
}
# wrk_script SHAPE FILE: a wrk Lua script that cycles through the paths
wrk_script() {
  { echo 'local p = {'
    paths "$1" | sed 's/.*/  "&",/'
    echo '}'
    echo 'local i = math.random(#p) - 1'
    echo 'request = function() i = i % #p + 1; return wrk.format(nil, p[i]) end'
  } > "$2"
}
run_varied() {
  conns=$nconns
  start_server varied --cache-mb 0
  echo "-- response cache off, varied parameters: 240 different questions of each shape, in turn"
  printf '%-64s %8s %8s %8s %6s %7s\n' "shape ($conns connections, ${secs}s)" \
    "req/s" "p50 ms" "p99 ms" "errors" "cpu ms"
  for shape in events codes series; do
    wrk_script "$shape" "$tmp/$shape.lua"
    bad=0
    for u in $(paths "$shape" | sed -n '1p;120p;240p'); do
      c=$(curl -s -o /dev/null -w '%{http_code}' "$base$u" 2>/dev/null)
      [ "$c" = 200 ] || bad=$((bad + 1))
    done
    c0=$(cpu_ticks "$pid")
    wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 30s --latency \
      -H 'Accept-Encoding: gzip' -s "$tmp/$shape.lua" "$base" > "$tmp/wrk.log" 2>&1
    c1=$(cpu_ticks "$pid")
    label="$shape: $(paths "$shape" | head -1)"
    if [ "$bad" -gt 0 ]; then trail="  (some sample paths failed)"; else trail=""; fi
    wrk_row "$label" $((c1 - c0)) "$trail"
  done
  kill "$pid"; wait "$pid" 2>/dev/null; pid=
}
echo "machine: $(nproc 2>/dev/null) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
run_all cached "$conns" "response cache on (the default): repeated questions"
if [ "${DYAD_BENCH_NO_UNCACHED:-}" != 1 ]; then
  run_all uncached "$conns" "response cache off (--cache-mb 0): every request queries the store" --cache-mb 0
  run_all uncached1 1 "response cache off, one connection: the cost of each query" --cache-mb 0
  run_varied
fi
