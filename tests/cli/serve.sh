#!/bin/sh
# tests/cli/serve.sh: `dyad serve` end to end. Builds a store with
# `dyad ingest` from examples/ and a few dated texts written here, starts
# the real server on a free loopback port (--listen 127.0.0.1:0) and
# checks the JSON API (responses, 400/404/405, limits, path traversal,
# content types, gzip), then runs the browser test (tests/web/dashboard.mjs,
# headless Chromium) when node, chromium and web/dist are present.
# The screenshot goes to $DYAD_TEST_OUT (default: a kept mktemp folder).
# Writes only under mktemp folders.
DYAD=${DYAD_BIN:-build/dyad}
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v curl >/dev/null 2>&1; then
  echo "SKIP serve (curl not installed: scripts/deps.sh installs it)"; exit 0
fi
tmp=$(mktemp -d /tmp/dyad-serve-test.XXXXXX) || exit 1
pids=
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1${2:+: $2}"; }
ok() { if [ "$2" ]; then pass "$1"; else fail "$1" "$3"; fi; }

# ---- the store ----------------------------------------------------------
mkdir -p "$tmp/news"
cp "$root"/examples/*.txt "$tmp/news/" 2>/dev/null
printf 'date 2023-03-22\nRussian troops attacked Kyiv on Tuesday. Ukraine condemned Russia.\n\n"We will never surrender," Ukrainian President Volodymyr Zelensky said.\n' \
  > "$tmp/news/kyiv.txt"
printf 'date 2023-04-03\nRussian forces attacked Kharkiv. Ukraine accused Russia of war crimes.\n' \
  > "$tmp/news/kharkiv.txt"
printf 'date 2023-05-10\nFrance praised Germany. China criticised Japan. Russian drones attacked Odesa.\n' \
  > "$tmp/news/may.txt"
"$DYAD" ingest --db "$tmp/ev.db" "$tmp/news" 2>"$tmp/ingest.log"
events=$("$DYAD" query --db "$tmp/ev.db" --sql "SELECT COUNT(*) FROM events" \
  --format csv 2>/dev/null | tail -1)
ok ingest "${events:-0}" "$(cat "$tmp/ingest.log")"
[ "${events:-0}" -gt 0 ] 2>/dev/null || events=0

# ---- start ----------------------------------------------------------------
# start_server NAME ARGS...: sets $base (http://127.0.0.1:PORT)
start_server() {
  name=$1; shift
  "$DYAD" serve --listen 127.0.0.1:0 --quiet "$@" 2>"$tmp/$name.log" &
  pids="$pids $!"
  port=
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/$name.log")
    [ -n "$port" ] && break
    sleep 0.25
  done
  base="http://127.0.0.1:$port"
  [ -n "$port" ]
}
if ! start_server main --db "$tmp/ev.db"; then
  fail serve_start "$(cat "$tmp/main.log")"; exit 1
fi
pass serve_start
main_base=$base

# get PATH [curl options]: body in $tmp/body, status in $code, type in $ctype
get() {
  p=$1; shift
  out=$(curl -s --path-as-is -o "$tmp/body" -D "$tmp/head" \
    -w '%{http_code} %{content_type}' "$@" "$base$p")
  code=${out%% *}; ctype=${out#* }
}
has() { grep -q -- "$1" "$tmp/body"; }
json_ok() {
  if command -v python3 >/dev/null 2>&1; then python3 -m json.tool "$1" >/dev/null 2>&1
  elif command -v node >/dev/null 2>&1; then node -e 'JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"))' "$1" 2>/dev/null
  else head -c1 "$1" | grep -q '[{[]'; fi
}
is_json() { [ "$code" = "$1" ] && case $ctype in application/json*) json_ok "$tmp/body" ;; *) false ;; esac; }

# ---- JSON API -------------------------------------------------------------
get /api/stats
ok api_stats "$(is_json 200 && has "\"events\":$events," && echo y)" "$code $(cat "$tmp/body")"
get /api
ok api_openapi "$(is_json 200 && has '"openapi": "3.1.0"' && echo y)" "$code"
paths=$(grep -o '"/api/[a-z]*"' "$tmp/body" | tr -d '"' | sort -u)
bad=
for p in $paths; do get "$p"; [ "$code" = 200 ] || [ "$code" = 400 ] || bad="$bad $p=$code"; done
ok api_openapi_paths_answer "$( [ -n "$paths" ] && [ -z "$bad" ] && echo y)" "$bad"

if [ "$events" -gt 0 ]; then
  get '/api/events?limit=500'
  n=$(grep -o '"doc":' "$tmp/body" | wc -l)
  ok api_events_all "$(is_json 200 && [ "$n" -eq "$events" ] && has '"more":false' && echo y)" "$n of $events"
  get '/api/events?source=RUS&limit=100'
  srcs=$(grep -o '"source":"[^"]*"' "$tmp/body" | sort -u)
  ok api_events_source_filter "$(is_json 200 && [ -n "$srcs" ] && ! echo "$srcs" | grep -qv '"source":"RUS' && echo y)" "$srcs"
  get '/api/events?limit=1&offset=0'; first=$(grep -o '"sentence":"[^"]*"' "$tmp/body"; grep -o '"code":"[^"]*"' "$tmp/body")
  m1=$(has '"more":true' && echo y)
  get '/api/events?limit=1&offset=1'; second=$(grep -o '"sentence":"[^"]*"' "$tmp/body"; grep -o '"code":"[^"]*"' "$tmp/body")
  ok api_events_paging "$( [ "$events" -lt 2 ] || { [ "$m1" = y ] && [ "$first" != "$second" ]; } && echo y)" "$first / $second"
  get '/api/events?from=2023-04-01&to=2023-04-30&limit=100'
  dates=$(grep -o '"date":"[^"]*"' "$tmp/body" | sort -u)
  ok api_events_dates "$(is_json 200 && ! echo "$dates" | grep -qv '2023-04' && echo y)" "$dates"
  get '/api/search?q=attacked&limit=100'
  sents=$(grep -o '"sentence":"[^"]*"' "$tmp/body")
  ok api_search "$(is_json 200 && [ -n "$sents" ] && ! echo "$sents" | grep -qvi attacked && echo y)" "$sents"
  get '/api/search?q=%22Russian%20drones%22'
  ok api_search_phrase "$(is_json 200 && echo y)" "$code"
  get '/api/timeseries?source=RUS&period=month'
  ok api_timeseries_month "$(is_json 200 && has '"period":"2023-03"' && has '"quad":\[' && echo y)" "$(cat "$tmp/body")"
  get '/api/timeseries?actor=UKR&period=week'
  ok api_timeseries_actor_week "$(is_json 200 && has '"period":"2023-03-20"' && echo y)" "$(cat "$tmp/body")"
  get '/api/timeseries?source=RUS&target=UKR&period=day&quad=4'
  ok api_timeseries_dyad_day "$(is_json 200 && has '"period":"2023-03-22"' && ! has '"period":"2023-03"[,}]' && echo y)" "$(cat "$tmp/body")"
  get '/api/network?from=2023-01-01&to=2023-12-31'
  ok api_network "$(is_json 200 && has '"edges":\[{' && has '"nodes":\[{"id"' && echo y)" "$(head -c 300 "$tmp/body")"
  get '/api/top?what=codes&limit=3'
  ok api_top "$(is_json 200 && [ "$(grep -o '"key":' "$tmp/body" | wc -l)" -le 3 ] && has '"name":' && echo y)" "$(head -c 300 "$tmp/body")"
  get '/api/places?source=RUS'
  ok api_places "$(is_json 200 && has '"places":\[' && has '"countries":\[' && echo y)" "$code"
  get '/api/document?id=kyiv.txt'
  ok api_document "$(is_json 200 && has '"text":"Russian troops attacked Kyiv' && has '"verb_off":15' && has '"verb_len":8' && has '"quotes":\[' && echo y)" "$(head -c 600 "$tmp/body")"
  quotes=$("$DYAD" query --db "$tmp/ev.db" --sql "SELECT COUNT(*) FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE d.doc_key = 'kyiv.txt'" --format csv 2>/dev/null | tail -1)
  if [ "${quotes:-0}" -gt 0 ] 2>/dev/null; then
    ok api_document_quotes "$(has '"quotes":\[{"idx":0' && has 'never surrender' && echo y)" "$(grep -o '"quotes":.*' "$tmp/body" | head -c 300)"
  else
    echo "SKIP api_document_quotes (no quote found in kyiv.txt by this build)"
  fi
else
  echo "SKIP api_event_checks (the store holds no events)"
fi
get '/api/document?id=no-such-doc'
ok api_document_404 "$(is_json 404 && has '"error":' && echo y)" "$code"
get "/api/document?id=x'%20OR%20'1'='1"
ok api_document_quote_is_text "$(is_json 404 && echo y)" "$code $(cat "$tmp/body")"
get "/api/search?q=Russia'%20OR%201=1;%20DROP%20TABLE%20events"
ok api_search_quote_is_text "$(is_json 200 && echo y)" "$code $(cat "$tmp/body")"

# ---- bad requests -------------------------------------------------------
long=$(printf '%0201d' 0)
for case in "bogus=1" "from=2023-13-01" "from=yesterday" "to=2023-02-30" \
            "from=2023-05-01&to=2023-04-01" "quad=5" "quad=1;2" "limit=0" \
            "limit=501" "limit=abc" "offset=10001" "offset=-1" "source=R%27US" \
            "code=19%25" "source=RUS&source=UKR" "q=$long" "doc=a%0Ab"; do
  get "/api/events?$case"
  is_json 400 && has '"error":' || bad400="$bad400 [$case]=$code"
done
for p in '/api/search' '/api/timeseries?period=year' '/api/timeseries?actor=RUS&source=RUS' \
         '/api/top' '/api/top?what=verbs' '/api/places?q=x' '/api/document' '/api/stats?x=1'; do
  get "$p"
  is_json 400 || bad400="$bad400 [$p]=$code"
done
ok api_bad_requests_400 "$( [ -z "$bad400" ] && echo y)" "$bad400"
get /api/nope
ok api_unknown_404 "$(is_json 404 && echo y)" "$code"
get /api/stats -X POST
ok api_post_405 "$(is_json 405 && echo y)" "$code"

# ---- gzip -----------------------------------------------------------------
get '/api/events?limit=50' -H 'Accept-Encoding: gzip'
gz=$(grep -i '^content-encoding: gzip' "$tmp/head")
gzip -dc < "$tmp/body" > "$tmp/unz" 2>/dev/null
ok api_gzip "$( [ -n "$gz" ] && json_ok "$tmp/unz" && grep -qi '^vary: accept-encoding' "$tmp/head" && echo y)" "$(cat "$tmp/head")"
get '/api/events?limit=50'
ok api_no_gzip_unasked "$(is_json 200 && ! grep -qi '^content-encoding' "$tmp/head" && echo y)" "$code"
get '/api/events?limit=50' -H 'Accept-Encoding: gzip;q=0'
ok api_gzip_refused "$(is_json 200 && ! grep -qi '^content-encoding' "$tmp/head" && echo y)" "$code"

# ---- static files -------------------------------------------------------
trav=
for p in '/../Makefile' '/../../etc/passwd' '/%2e%2e/%2e%2e/etc/passwd' '/..%2f..%2fMakefile' \
         '/.%2e/Makefile' '//etc/passwd' '/.gitignore' '/%00' '/app.js/../../Makefile' \
         '/..\\Makefile' '/index.html%00.js'; do
  get "$p"
  { [ "$code" = 404 ] || [ "$code" = 400 ]; } && ! has 'root:' && ! has 'PREFIX' || trav="$trav [$p]=$code"
done
ok static_no_traversal "$( [ -z "$trav" ] && echo y)" "$trav"
get /no-such-file.js
ok static_unknown_404 "$( [ "$code" = 404 ] && echo y)" "$code"
if [ -f "$root/web/dist/index.html" ]; then
  get /
  ok static_index_html "$( [ "$code" = 200 ] && case $ctype in text/html*) has 'app.js' ;; *) false ;; esac && echo y)" "$code $ctype"
  get /app.js
  ok static_js_type "$( [ "$code" = 200 ] && case $ctype in text/javascript*) true ;; *) false ;; esac && echo y)" "$code $ctype"
  get /style.css -H 'Accept-Encoding: gzip'
  ok static_css_gzip "$( [ "$code" = 200 ] && case $ctype in text/css*) grep -qi '^content-encoding: gzip' "$tmp/head" ;; *) false ;; esac && echo y)" "$code $ctype"
else
  echo "SKIP static_dashboard (web/dist not built: make web needs node and npm)"
fi

# ---- concurrency: a burst of parallel requests all answered ---------------
i=0; cpids=
while [ $i -lt 24 ]; do
  curl -s -o /dev/null -w '%{http_code}\n' "$base/api/timeseries?period=day" >> "$tmp/burst" &
  cpids="$cpids $!"; i=$((i + 1))
done
for p in $cpids; do wait "$p"; done
ok concurrent_requests "$( [ "$(grep -c '^200$' "$tmp/burst")" -eq 24 ] && echo y)" "$(sort "$tmp/burst" | uniq -c | tr '\n' ' ')"

# ---- the response cache follows the store ---------------------------------
get /api/stats; before=$(grep -o '"documents":[0-9]*' "$tmp/body")
mkdir -p "$tmp/later"
printf 'date 2023-06-01\nTurkey praised Egypt.\n' > "$tmp/later/late.txt"
"$DYAD" ingest --db "$tmp/ev.db" "$tmp/later" 2>/dev/null
sleep 0.2
get /api/stats; after=$(grep -o '"documents":[0-9]*' "$tmp/body")
ok cache_sees_new_documents "$( [ -n "$before" ] && [ "$before" != "$after" ] && echo y)" "$before -> $after"

# ---- without a dashboard, with a bad store ---------------------------------
if start_server noweb --db "$tmp/ev.db" --web "$tmp/none"; then
  get /
  ok static_missing_dashboard_message "$( [ "$code" = 503 ] && has 'not built' && echo y)" "$code"
  get /api/stats
  ok api_without_dashboard "$(is_json 200 && echo y)" "$code"
else
  fail static_missing_dashboard_message "$(cat "$tmp/noweb.log")"
fi
"$DYAD" serve --db "$tmp/missing/x.db" --listen 127.0.0.1:0 >/dev/null 2>"$tmp/bad.log"
rc=$?
ok serve_bad_db_exit_3 "$( [ $rc = 3 ] && echo y)" "rc=$rc $(cat "$tmp/bad.log")"
"$DYAD" serve --db "$tmp/ev.db" --listen 'nowhere' >/dev/null 2>&1
ok serve_bad_listen_usage "$( [ $? = 2 ] && echo y)"

# ---- the browser test ---------------------------------------------------
chromium=${DYAD_CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null 2>&1 || [ ! -x "$chromium" ]; then
  echo "SKIP web_dashboard (needs node and $chromium: scripts/deps.sh installs them)"
elif [ ! -d "$root/web/node_modules/playwright-core" ] || [ ! -f "$root/web/dist/index.html" ]; then
  fail web_dashboard "web/dist or web/node_modules missing: run make web"
elif [ "$events" -eq 0 ]; then
  echo "SKIP web_dashboard (the store holds no events)"
else
  out=${DYAD_TEST_OUT:-$(mktemp -d /tmp/dyad-serve-web.XXXXXX)}
  mkdir -p "$out"
  timeout 180 node "$root/tests/web/dashboard.mjs" "$main_base/" "$out"
fi

# ---- clean stop, and nothing from the sanitizers (SAN=1 builds) -----------
for p in $pids; do kill -TERM "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
pids=
san=$(grep -l -E 'ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:' \
  "$tmp"/main.log "$tmp"/noweb.log 2>/dev/null)
ok serve_stops_clean "$( [ -z "$san" ] && grep -q 'dyad serve: stopped' "$tmp/main.log" && echo y)" \
  "$(cat $san "$tmp/main.log" 2>/dev/null | head -40)"
exit 0
