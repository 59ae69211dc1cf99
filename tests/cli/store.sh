#!/bin/sh
# tests/cli/store.sh: `dyad ingest` and `dyad query` end to end, first on
# SQLite, then on a throwaway PostgreSQL server that this script starts
# itself (initdb into a mktemp folder, pg_ctl on a unix socket inside that
# folder, so no TCP port is used; stopped by the trap).
#
# Checked on each backend: documents stored, every document's sentence and
# event rows complete (nsents/nevents agree with the child tables), events
# stored == rows of `dyad code --format tsv` on the same input, a second
# run stores nothing new, a changed document replaces its rows, a bad
# record is reported and skipped, --sql refuses writes, and a SIGKILL in
# the middle of an ingest leaves a consistent store that a re-run
# completes to exactly what a clean run stores. Then PostgreSQL and SQLite
# must answer the same queries with the same bytes, and the unit tests of
# the store run once more against PostgreSQL.
#
# Writes only under its mktemp folder. Prints PASS/FAIL/SKIP lines.
DYAD=${DYAD_BIN:-build/dyad}
BUILD=${BUILD:-build}
tmp=$(mktemp -d /tmp/dyad-store-cli.XXXXXX) || exit 1
PGBIN= PGDIR= AS=
cleanup() {
  if [ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
    $AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1${2:+: $2}"; }
# ok NAME CONDITION-COMMAND...: PASS when the command succeeds.
ok() { n=$1; shift; if "$@"; then pass "$n"; else fail "$n"; fi; }
# same A B: both files have content and are equal
same() { [ -s "$1" ] && cmp -s "$1" "$2"; }

# ---- inputs (our own sentences) -----------------------------------------
# gen N FILE [SUFFIX]: N JSONL articles, ids gen-1..gen-N, dates spread
# over 2023; SUFFIX is appended to every text (to make changed versions).
gen() {
  awk -v n="$1" -v suf="$3" 'BEGIN {
    s[0] = "Russian forces shelled the city of Kharkiv on Tuesday, Ukrainian officials said.";
    s[1] = "China urged both sides to return to negotiations.";
    s[2] = "The United States imposed new sanctions on Iranian oil exports.";
    s[3] = "Turkish President Erdogan met German Chancellor Scholz in Berlin.";
    s[4] = "Israeli aircraft struck targets in Gaza overnight.";
    s[5] = "India and Pakistan agreed to resume talks on water sharing.";
    s[6] = "France condemned the attack on its embassy in Niamey.";
    s[7] = "Protesters in Tbilisi demanded the withdrawal of the foreign agents bill.";
    for (i = 1; i <= n; i++) {
      m = (i % 12) + 1; d = (i % 28) + 1;
      t = "";
      for (k = 0; k < 4; k++) t = t (k ? " " : "") s[(i + k * 3) % 8];
      printf("{\"id\":\"gen-%d\",\"date\":\"2023-%02d-%02d\",\"title\":\"Report %d on talks\",\"source\":\"test\",\"text\":\"%s%s\"}\n", i, m, d, i, t, suf);
    }
  }' > "$2"
}

gen 3 "$tmp/small.jsonl"
# a reader must exist for any of this to mean something
printf '{"id":"p","date":"2023-03-22","title":"t","text":"Probe text."}\n' \
  > "$tmp/probe.jsonl"
if ! "$DYAD" code "$tmp/probe.jsonl" >/dev/null 2>"$tmp/probe.err"; then
  echo "SKIP store-cli (dyad code cannot read JSONL yet: $(head -1 "$tmp/probe.err"))"
  exit 0
fi

# ---- helpers --------------------------------------------------------------
q() { "$DYAD" query --db "$DB" "$@"; }
stat_of() { q --stats | awk -v k="$1" '$1 == k { print $2 }'; }
sql1() { q --sql "$1" --format tsv | sed -n 2p; }
# every document has exactly the sentence and event rows it says it has
consistent() {
  [ "$(sql1 "SELECT COUNT(*) FROM documents d LEFT JOIN (SELECT doc_id, COUNT(*) AS n FROM sentences GROUP BY doc_id) s ON s.doc_id = d.id WHERE d.nsents <> COALESCE(s.n, 0) OR d.nevents <> (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id)")" = 0 ] &&
  [ "$(sql1 "SELECT COUNT(*) FROM actors a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = a.event_id)")" = 0 ]
}
# SQLite: every sentence, place and quote id is doc_id * 2^24 + idx
ids_ok() {
  [ "$(sql1 "SELECT (SELECT COUNT(*) FROM sentences WHERE id <> doc_id * 16777216 + idx) + (SELECT COUNT(*) FROM places WHERE id <> doc_id * 16777216 + idx) + (SELECT COUNT(*) FROM quotes WHERE id <> doc_id * 16777216 + idx)")" = 0 ]
}
# the summary tables count exactly the events (rows left at n = 0 aside)
G6="COALESCE(SUM(CAST(ROUND(goldstein * 1000000) AS BIGINT)), 0)"
sums_ok() {
  for pair in \
    "SELECT day, quad, n, gsum6, gn FROM counts_by_day WHERE n <> 0|SELECT event_date, quad, COUNT(*), $G6, COUNT(goldstein) FROM events WHERE event_date IS NOT NULL GROUP BY event_date, quad" \
    "SELECT source, target, quad, n, gsum6, gn FROM counts_by_dyad WHERE n <> 0|SELECT source, target, quad, COUNT(*), $G6, COUNT(goldstein) FROM events GROUP BY source, target, quad" \
    "SELECT actor, quad, n, gsum6, gn FROM counts_by_actor WHERE n <> 0|SELECT actor, quad, COUNT(*), $G6, COUNT(goldstein) FROM (SELECT source AS actor, quad, goldstein FROM events WHERE source <> '---' AND source <> '' UNION ALL SELECT target, quad, goldstein FROM events WHERE target <> '---' AND target <> '') a GROUP BY actor, quad" \
    "SELECT code, quad, n, gsum6, gn FROM counts_by_code WHERE n <> 0|SELECT code, quad, COUNT(*), $G6, COUNT(goldstein) FROM events GROUP BY code, quad"; do
    a=${pair%%|*} b=${pair#*|}
    [ "$(sql1 "SELECT COUNT(*) FROM ($a EXCEPT $b) x")" = 0 ] || return 1
    [ "$(sql1 "SELECT COUNT(*) FROM ($b EXCEPT $a) x")" = 0 ] || return 1
  done
  case $DB in postgres*) return 0 ;; esac
  # SQLite: actors' days (every code on a side, '---' too)
  a="SELECT actor, day, quad, n, gsum6, gn FROM counts_by_actor_day WHERE n <> 0"
  b="SELECT actor, day, quad, COUNT(*), $G6, COUNT(goldstein) FROM (SELECT source AS actor, event_date AS day, quad, goldstein FROM events WHERE event_date IS NOT NULL AND source <> '' UNION ALL SELECT target, event_date, quad, goldstein FROM events WHERE event_date IS NOT NULL AND target <> '') a GROUP BY actor, day, quad"
  [ "$(sql1 "SELECT COUNT(*) FROM ($a EXCEPT $b) x")" = 0 ] || return 1
  [ "$(sql1 "SELECT COUNT(*) FROM ($b EXCEPT $a) x")" = 0 ] || return 1
  # SQLite: dyads by year, QuadClasses in columns
  a="SELECT year, source, target, n, q1, q2, q3, q4, gsum6, gn FROM counts_by_dyad_year WHERE n <> 0"
  b="SELECT CAST(substr(event_date, 1, 4) AS INTEGER), source, target, COUNT(*), SUM(quad = 1), SUM(quad = 2), SUM(quad = 3), SUM(quad = 4), $G6, COUNT(goldstein) FROM events WHERE event_date IS NOT NULL GROUP BY 1, 2, 3"
  [ "$(sql1 "SELECT COUNT(*) FROM ($a EXCEPT $b) x")" = 0 ] || return 1
  [ "$(sql1 "SELECT COUNT(*) FROM ($b EXCEPT $a) x")" = 0 ] || return 1
}
# answers a store gives, to compare before and after an upgrade
answers() {
  for args in "--format jsonl" "--count-by month" "--top actors" "--top codes" \
              "--text talks --format tsv" "--stats"; do
    # shellcheck disable=SC2086
    q $args
  done
}
# upgrade LABEL DOWNGRADE-COMMAND: turns $DB back into a version-1 store,
# then checks that dyad refuses to read it, upgrades it, and answers as
# before
upgrade() {
  L=$1
  answers > "$tmp/before.answers" 2>&1
  if ! sh -c "$2" > "$tmp/downgrade.log" 2>&1; then
    fail "$L-downgrade" "$(tail -1 "$tmp/downgrade.log")"
    return
  fi
  q --stats > /dev/null 2> "$tmp/err"
  ok "$L-old-store-refused" grep -q "ingest --upgrade" "$tmp/err"
  "$DYAD" ingest --upgrade --db "$DB" 2> "$tmp/err"
  ok "$L-upgrade-exit-0" [ $? = 0 ]
  answers > "$tmp/after.answers" 2>&1
  ok "$L-upgrade-same-answers" same "$tmp/before.answers" "$tmp/after.answers"
  ok "$L-upgrade-summaries" sums_ok
  ok "$L-upgrade-consistent" consistent
}
coded_events() { "$DYAD" code --format tsv "$@" | tail -n +2 | grep -c .; }

# suite LABEL: runs every check against $DB
suite() {
  L=$1
  gen 3 "$tmp/small.jsonl"
  "$DYAD" ingest --db "$DB" "$tmp/small.jsonl" 2>"$tmp/err"
  rc=$?
  ok "$L-ingest-exit-0" [ "$rc" = 0 ]
  ok "$L-ingest-summary" grep -q "3 read, 3 new, 0 changed, 0 unchanged, 0 rejected" "$tmp/err"
  ok "$L-documents-stored" [ "$(stat_of documents)" = 3 ]
  ok "$L-rows-consistent" consistent
  want=$(coded_events "$tmp/small.jsonl")
  ok "$L-events-match-dyad-code" [ "$(stat_of events)" = "$want" ]
  ok "$L-jsonl-one-line-per-event" [ "$(q --format jsonl | grep -c .)" = "$(stat_of events)" ]

  q --stats > "$tmp/stats1"
  "$DYAD" ingest --db "$DB" "$tmp/small.jsonl" 2>"$tmp/err"
  ok "$L-rerun-stores-nothing" grep -q "3 read, 0 new, 0 changed, 3 unchanged" "$tmp/err"
  q --stats > "$tmp/stats2"
  ok "$L-rerun-same-counts" same "$tmp/stats1" "$tmp/stats2"

  # gen-2 changes: its rows are replaced, the others stay
  gen 3 "$tmp/changed.jsonl" " Officials in Kyiv reported new damage."
  grep '"gen-2"' "$tmp/changed.jsonl" > "$tmp/one.jsonl"
  "$DYAD" ingest --db "$DB" "$tmp/one.jsonl" 2>"$tmp/err"
  ok "$L-changed-doc-replaced" grep -q "1 read, 0 new, 1 changed" "$tmp/err"
  ok "$L-changed-doc-count" [ "$(stat_of documents)" = 3 ]
  ok "$L-changed-doc-text" sh -c "'$DYAD' query --db '$DB' --sql \"SELECT text FROM documents WHERE doc_key = 'gen-2'\" | grep -q 'new damage'"
  ok "$L-changed-rows-consistent" consistent
  ok "$L-changed-summaries" sums_ok
  case "$DB" in
  postgres*) ;;
  *) ok "$L-changed-ids" ids_ok
    # the replaced document's old sentences left the full-text index
    if command -v sqlite3 >/dev/null 2>&1; then
      ok "$L-changed-fts-integrity" sqlite3 "$DB" "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)"
    fi ;;
  esac

  # a malformed record among good ones: reported, skipped, others stored
  { gen 5 /dev/stdout | sed 's/gen-/bad-/'; } > "$tmp/mixed.jsonl"
  sed -i '3s/.*/{"id":"bad-x", "date": broken/' "$tmp/mixed.jsonl"
  "$DYAD" ingest --db "$DB" "$tmp/mixed.jsonl" 2>"$tmp/err"
  rc=$?
  ok "$L-bad-record-exit-1" [ "$rc" = 1 ]
  ok "$L-bad-record-reported" grep -q "mixed.jsonl" "$tmp/err"
  ok "$L-bad-record-others-stored" [ "$(stat_of documents)" = 7 ]

  # read-only SQL
  q --sql "DELETE FROM documents" >/dev/null 2>"$tmp/err"
  rc=$?
  ok "$L-sql-write-refused" [ "$rc" != 0 ]
  ok "$L-sql-write-no-effect" [ "$(stat_of documents)" = 7 ]
  ok "$L-sql-select" [ "$(sql1 "SELECT COUNT(*) FROM documents WHERE doc_key LIKE 'bad-%'")" = 4 ]
  ok "$L-query-bad-option" sh -c "! '$DYAD' query --db '$DB' --quad 7 2>/dev/null"
  ok "$L-query-csv-header" sh -c "'$DYAD' query --db '$DB' --format csv --count-by month | head -1 | grep -q '^period,count,q1,q2,q3,q4,goldstein'"
}

# crash LABEL DB_CLEAN DB_KILLED: SIGKILL in the middle of an ingest
crash() {
  L=$1
  DB=$2
  "$DYAD" ingest --quiet --db "$DB" "$tmp/big.jsonl" 2>/dev/null
  q --stats > "$tmp/clean.stats"
  q --format jsonl > "$tmp/clean.events"
  total=$(stat_of documents)
  DB=$3
  "$DYAD" ingest --quiet --batch 10 --db "$DB" "$tmp/big.jsonl" 2>/dev/null &
  pid=$!
  # wait until the first batches are committed, then kill -9
  i=0
  while [ $i -lt 300 ]; do
    n=$(stat_of documents 2>/dev/null)
    [ -n "$n" ] && [ "$n" -gt 0 ] && break
    sleep 0.05
    i=$((i + 1))
  done
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  mid=$(stat_of documents)
  if [ -n "$mid" ] && [ "$mid" -gt 0 ] && [ "$mid" -lt "$total" ]; then
    pass "$L-killed-mid-ingest ($mid of $total documents)"
  else
    fail "$L-killed-mid-ingest" "the kill did not land mid-run ($mid of $total)"
  fi
  case "$DB" in
  postgres*) ;;
  *) ok "$L-integrity-after-kill" [ "$(q --sql 'PRAGMA integrity_check' --format tsv | sed -n 2p)" = ok ]
    ok "$L-ids-after-kill" ids_ok ;;
  esac
  ok "$L-consistent-after-kill" consistent
  ok "$L-summaries-after-kill" sums_ok
  "$DYAD" ingest --quiet --db "$DB" "$tmp/big.jsonl" 2>/dev/null
  ok "$L-rerun-after-kill-exit-0" [ $? = 0 ]
  q --stats > "$tmp/rerun.stats"
  ok "$L-rerun-after-kill-counts" same "$tmp/clean.stats" "$tmp/rerun.stats"
  q --format jsonl > "$tmp/rerun.events"
  ok "$L-rerun-after-kill-events" cmp -s "$tmp/clean.events" "$tmp/rerun.events"
  ok "$L-no-duplicate-documents" [ "$(sql1 'SELECT COUNT(*) - COUNT(DISTINCT doc_key) FROM documents')" = 0 ]
}

gen 6000 "$tmp/big.jsonl"

# ---- SQLite ----------------------------------------------------------------
DB=$tmp/events.db
suite sqlite
crash sqlite-kill "$tmp/clean.db" "$tmp/killed.db"
# -j 4: analysis threads, rows still written in input order
"$DYAD" ingest --quiet -j 4 --db "$tmp/threads.db" "$tmp/big.jsonl" 2>/dev/null
ok sqlite-threads-exit-0 [ $? = 0 ]
for d in clean threads; do
  DB=$tmp/$d.db
  { q --stats; q --sql "SELECT id, doc_key, hash, nsents, nevents FROM documents ORDER BY id" --format tsv; q --format jsonl; } > "$tmp/$d.all"
done
ok sqlite-threads-same-store same "$tmp/clean.all" "$tmp/threads.all"

# the file header says WAL: bytes 18 and 19 are 2 (write and read version)
ok sqlite-wal-mode [ "$(od -An -tu1 -j18 -N2 "$tmp/killed.db" | tr -s ' ')" = " 2 2" ]

# a store of schema version 3 (sentences, places and quotes as rowid
# tables with UNIQUE (doc_id, idx), sentence ids AUTOINCREMENT), rebuilt
# here from a version-4 one; the older versions below start from it
TO_V4="DROP INDEX events_root; DROP TABLE counts_by_actor_day; DROP TABLE counts_by_dyad_year;
    UPDATE meta SET value = '4' WHERE key = 'schema_version';"
TO_V3="DROP INDEX events_root; DROP TABLE counts_by_actor_day; DROP TABLE counts_by_dyad_year;
    DROP TABLE sentences_vocab; DROP TABLE sentences_fts; DROP VIEW evidence_sentences; DROP INDEX sentences_evidence;
    ALTER TABLE sentences RENAME TO s4; ALTER TABLE places RENAME TO p4; ALTER TABLE quotes RENAME TO q4;
    CREATE TABLE sentences (id INTEGER PRIMARY KEY AUTOINCREMENT, doc_id INTEGER NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL, para INTEGER NOT NULL, flags INTEGER NOT NULL, text TEXT NOT NULL, nevents INTEGER NOT NULL DEFAULT 0, UNIQUE (doc_id, idx));
    INSERT INTO sentences (doc_id, idx, off, len, para, flags, text, nevents) SELECT doc_id, idx, off, len, para, flags, text, nevents FROM s4 ORDER BY doc_id, idx;
    CREATE TABLE places (id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL, sent INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL, text TEXT NOT NULL, name TEXT NOT NULL, country TEXT NOT NULL, lat REAL, lon REAL, geonameid INTEGER, UNIQUE (doc_id, idx));
    INSERT INTO places (doc_id, idx, sent, off, len, text, name, country, lat, lon, geonameid) SELECT doc_id, idx, sent, off, len, text, name, country, lat, lon, geonameid FROM p4 ORDER BY doc_id, idx;
    CREATE TABLE quotes (id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL, sent INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT NOT NULL, speaker_text TEXT NOT NULL, cue_text TEXT NOT NULL, flags INTEGER NOT NULL, UNIQUE (doc_id, idx));
    INSERT INTO quotes (doc_id, idx, sent, off, len, text, speaker, speaker_text, cue_text, flags) SELECT doc_id, idx, sent, off, len, text, speaker, speaker_text, cue_text, flags FROM q4 ORDER BY doc_id, idx;
    DROP TABLE s4; DROP TABLE p4; DROP TABLE q4;
    CREATE VIEW evidence_sentences AS SELECT id, text FROM sentences WHERE nevents > 0;
    CREATE INDEX sentences_evidence ON sentences (id) WHERE nevents > 0;
    CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = 'evidence_sentences', content_rowid = 'id');
    INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
    CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab (sentences_fts, 'row');
    UPDATE meta SET value = '3' WHERE key = 'schema_version';"
if command -v sqlite3 >/dev/null 2>&1; then
  # a store of schema version 4 (no events_root, no counts_by_actor_day)
  cp "$tmp/clean.db" "$tmp/v4.db"
  DB=$tmp/v4.db
  upgrade sqlite-v4 "sqlite3 '$DB' \"$TO_V4\""
  ok sqlite-v4-upgrade-root-index [ "$(sql1 "SELECT COUNT(*) FROM sqlite_master WHERE name = 'events_root'")" = 1 ]
  gen 400 "$tmp/more4.jsonl"
  "$DYAD" ingest --quiet --db "$DB" "$tmp/changed.jsonl" "$tmp/more4.jsonl" 2>/dev/null
  ok sqlite-v4-upgrade-then-ingest [ $? = 0 ]
  ok sqlite-v4-upgrade-then-ingest-summaries sums_ok
  cp "$tmp/clean.db" "$tmp/v3.db"
  DB=$tmp/v3.db
  upgrade sqlite-v3 "sqlite3 '$DB' \"$TO_V3\""
  ok sqlite-v3-upgrade-fts-integrity sqlite3 "$DB" "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)"
  ok sqlite-v3-upgrade-ids ids_ok
  # the upgraded store takes changed and new documents like a new one
  gen 6020 "$tmp/more.jsonl"
  "$DYAD" ingest --quiet --db "$DB" "$tmp/changed.jsonl" "$tmp/more.jsonl" 2>/dev/null
  ok sqlite-v3-upgrade-then-ingest [ $? = 0 ]
  ok sqlite-v3-upgrade-then-ingest-docs [ "$(stat_of documents)" = 6020 ]
  ok sqlite-v3-upgrade-then-ingest-ids ids_ok
  ok sqlite-v3-upgrade-then-ingest-consistent consistent
  ok sqlite-v3-upgrade-then-ingest-fts sqlite3 "$DB" "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)"
  # a store made by schema version 1
  cp "$tmp/clean.db" "$tmp/v1.db"
  DB=$tmp/v1.db
  upgrade sqlite "sqlite3 '$DB' \"$TO_V3
    DROP INDEX sentences_evidence; DROP TABLE counts_by_day; DROP TABLE counts_by_dyad; DROP TABLE counts_by_actor; DROP TABLE counts_by_code;
    DROP TABLE sentences_vocab; DROP TABLE sentences_fts; DROP VIEW evidence_sentences;
    ALTER TABLE sentences DROP COLUMN nevents;
    DROP INDEX events_doc; DROP INDEX events_day; DROP INDEX events_dyad; DROP INDEX events_target;
    CREATE INDEX events_doc ON events (doc_id, sent);
    CREATE INDEX events_day ON events (event_date, quad, goldstein);
    CREATE INDEX events_dyad ON events (source, target, event_date);
    CREATE INDEX events_target ON events (target, event_date);
    CREATE INDEX places_country ON places (country);
    CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = 'sentences', content_rowid = 'id');
    INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
    DROP TABLE documents_fts; DROP VIEW evidence_documents;
    CREATE VIRTUAL TABLE documents_fts USING fts5 (title, content = 'documents', content_rowid = 'id');
    INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
    UPDATE meta SET value = '1' WHERE key = 'schema_version';\""
  ok sqlite-upgrade-fts-integrity sqlite3 "$DB" "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)"
  ok sqlite-upgrade-title-fts-integrity sqlite3 "$DB" "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)"
  # a store of schema version 2 (every title indexed)
  cp "$tmp/clean.db" "$tmp/v2.db"
  DB=$tmp/v2.db
  upgrade sqlite-v2 "sqlite3 '$DB' \"$TO_V3
    DROP TABLE documents_fts; DROP VIEW evidence_documents; DROP INDEX sentences_evidence;
    CREATE VIRTUAL TABLE documents_fts USING fts5 (title, content = 'documents', content_rowid = 'id');
    INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
    UPDATE meta SET value = '2' WHERE key = 'schema_version';\""
  ok sqlite-v2-upgrade-title-fts-integrity sqlite3 "$DB" "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)"
else
  echo "SKIP sqlite-upgrade (no sqlite3 command to make a version-1 store)"
fi

# ---- PostgreSQL --------------------------------------------------------------
pg_start() {
  for d in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then PGBIN=$d; break; fi
  done
  [ -n "$PGBIN" ] || { echo "no initdb/pg_ctl found"; return 1; }
  PGDIR=$tmp/pg
  mkdir "$PGDIR" || return 1
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: run it as the postgres user
    id postgres >/dev/null 2>&1 || { echo "running as root and no postgres user"; return 1; }
    command -v runuser >/dev/null 2>&1 || { echo "running as root and no runuser"; return 1; }
    chmod 755 "$tmp"
    chown postgres "$PGDIR"
    AS="runuser -u postgres --"
  fi
  $AS "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U dyad -E UTF8 --locale=C \
    --no-sync > "$tmp/initdb.log" 2>&1 || { tail -3 "$tmp/initdb.log"; return 1; }
  # unix socket only, in our own folder: no port is taken from anyone
  $AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
    -o "-k $PGDIR -c listen_addresses= -p 5432 -c fsync=off" start \
    > /dev/null 2>&1 || { tail -3 "$PGDIR/server.log"; return 1; }
  $AS "$PGBIN/createdb" -h "$PGDIR" -p 5432 -U dyad dyad >/dev/null 2>&1 || return 1
  $AS "$PGBIN/createdb" -h "$PGDIR" -p 5432 -U dyad clean >/dev/null 2>&1 || return 1
  $AS "$PGBIN/createdb" -h "$PGDIR" -p 5432 -U dyad killed >/dev/null 2>&1 || return 1
  $AS "$PGBIN/createdb" -h "$PGDIR" -p 5432 -U dyad unit >/dev/null 2>&1 || return 1
  PGURL="postgresql:///DBNAME?host=$PGDIR&port=5432&user=dyad"
}
pgurl() { echo "$PGURL" | sed "s/DBNAME/$1/"; }

if ! pg_start > "$tmp/pg_start.log" 2>&1; then
  echo "SKIP store-postgresql (cannot start a PostgreSQL server: $(tail -1 "$tmp/pg_start.log"))"
  exit 0
fi
DB=$(pgurl dyad)
suite pg
crash pg-kill "$(pgurl clean)" "$(pgurl killed)"

# same input, same answers: SQLite and PostgreSQL print the same bytes
for args in "--format jsonl" "--format csv --source RUS" "--count-by month" \
            "--count-by week --format jsonl" "--top actors" "--top dyads" \
            "--top codes --format tsv" "--text talks --format tsv" "--stats"; do
  # shellcheck disable=SC2086
  "$DYAD" query --db "$tmp/killed.db" $args > "$tmp/a.out" 2>&1
  ra=$?
  # shellcheck disable=SC2086
  "$DYAD" query --db "$(pgurl killed)" $args > "$tmp/b.out" 2>&1
  rb=$?
  if [ "$ra$rb" = 00 ] && cmp -s "$tmp/a.out" "$tmp/b.out"; then
    pass "same-results ($args)"
  else
    fail "same-results ($args)" "exit $ra/$rb, $(diff "$tmp/a.out" "$tmp/b.out" | head -3)"
  fi
done

# a version-1 store on PostgreSQL
if [ -x "$PGBIN/psql" ]; then
  DB=$(pgurl clean)
  upgrade pg "$AS '$PGBIN/psql' -q -v ON_ERROR_STOP=1 -h '$PGDIR' -p 5432 -U dyad -d clean -c \"
    DROP TABLE counts_by_day, counts_by_dyad, counts_by_actor, counts_by_code;
    ALTER TABLE sentences DROP COLUMN tsv;
    ALTER TABLE sentences DROP COLUMN nevents;
    ALTER TABLE sentences ADD COLUMN tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED;
    CREATE INDEX sentences_fts ON sentences USING GIN (tsv);
    DROP INDEX events_doc, events_day, events_dyad, events_target;
    CREATE INDEX events_doc ON events (doc_id, sent);
    CREATE INDEX events_day ON events (event_date, quad, goldstein) INCLUDE (id);
    CREATE INDEX events_dyad ON events (source, target, event_date) INCLUDE (id);
    CREATE INDEX events_target ON events (target, event_date) INCLUDE (id);
    CREATE INDEX places_country ON places (country);
    UPDATE meta SET value = '1' WHERE key = 'schema_version';\""
else
  echo "SKIP pg-upgrade (no psql)"
fi

# the store's unit tests, against PostgreSQL this time
if [ -x "$BUILD/tests/test_store" ]; then
  if DYAD_TEST_PG=$(pgurl unit) "$BUILD/tests/test_store" > "$tmp/unit.log" 2>&1; then
    pass "pg-unit-tests ($(grep -c '^\[       OK' "$tmp/unit.log") cases)"
  else
    fail "pg-unit-tests"
    cat "$tmp/unit.log"
  fi
else
  echo "SKIP pg-unit-tests (no $BUILD/tests/test_store)"
fi
