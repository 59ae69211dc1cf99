/*
 * schema.c: the store's tables, indexes and full-text search, once per SQL
 * dialect. Both lists describe the same tables with the same columns; the
 * differences are types (DATE, DOUBLE PRECISION, identity columns, the "C"
 * collation for codes so that prefix ranges compare bytes) and full-text
 * search (SQLite: external-content FTS5 tables that store.c fills once per
 * batch; PostgreSQL: generated tsvector columns with GIN indexes).
 *
 * Why not FTS5 triggers: FTS5 flushes its pending index data at every
 * statement boundary of a transaction, so a trigger per inserted sentence
 * wrote a tiny index segment per sentence and made ingest several times
 * slower. Instead, each batch indexes the documents with an id above the
 * largest one at its start (documents.id is AUTOINCREMENT, never reused)
 * and their sentences (SQLite sentence ids are doc_id * 16777216 + idx),
 * in one statement per table just before COMMIT, so the index is always
 * complete at every commit.
 *
 * SQLite (schema version 4) derives the ids of sentences, places and
 * quotes from (doc_id, idx): id = doc_id * 16777216 + idx. A row is then
 * one b-tree insert, at the end of its table, where UNIQUE (doc_id, idx)
 * took a second b-tree (and a uniqueness probe) per row; readers find a
 * document's rows by id (its range, or doc_id * 16777216 + idx) instead
 * of by an index on doc_id.
 *
 * SQLite (schema version 5) adds two things for the server's questions.
 * events_root indexes events by the CAMEO root (the code's first two
 * bytes) and date, so that a page of a root ("code=19") walks that
 * root's events newest first instead of every event's date index entry.
 * counts_by_actor_day counts, per actor code, day and QuadClass, the
 * events with that code on a side, so that an actor's series reads a few
 * rows per day instead of its events (an event with both sides under the
 * actor's prefix, CHNGOV against CHNMIL for "CHN", is under it twice:
 * the series takes those few events out again, read from events_dyad).
 * counts_by_dyad_year counts each dyad's events per year of their date,
 * QuadClasses as columns (one row per dyad and year): the network of
 * whole years reads these, and only the days of partial years at the
 * ends of a range read events.
 *
 * docs/schema.sql is the SQLite list verbatim (a unit test checks it).
 * Every statement is idempotent (IF NOT EXISTS), so opening a store for
 * writing creates what is missing and leaves existing data alone.
 */
#include "store.h"

/* Summary tables, kept by every ingest in the same transaction as the
 * events they count (store.c): events per day, per dyad, per actor (each
 * known source and target, as `--top actors` counts) and per code, each
 * split by QuadClass, with the sum of Goldstein scores in millionths (an
 * integer, so that removing a replaced document's events leaves exact
 * sums) and the number of scored events. Whole-store aggregates read
 * these instead of a million events. DAY and CODE are the dialect's date
 * and code types; OPT is " WITHOUT ROWID" on SQLite, where the rows are
 * then stored in key order (a grouped read needs no lookups). */
#define SUMMARY_TABLES(DAY, CODE, OPT)                                           \
  "CREATE TABLE IF NOT EXISTS counts_by_day (\n"                            \
  "  day " DAY " NOT NULL,\n"                                               \
  "  quad INTEGER NOT NULL,\n"                                              \
  "  n BIGINT NOT NULL,\n"                                                  \
  "  gsum6 BIGINT NOT NULL,\n"                                              \
  "  gn BIGINT NOT NULL,\n"                                                 \
  "  PRIMARY KEY (day, quad)\n"                                             \
  ")" OPT,                                                                      \
  "CREATE TABLE IF NOT EXISTS counts_by_dyad (\n"                           \
  "  source " CODE " NOT NULL,\n"                                           \
  "  target " CODE " NOT NULL,\n"                                           \
  "  quad INTEGER NOT NULL,\n"                                              \
  "  n BIGINT NOT NULL,\n"                                                  \
  "  gsum6 BIGINT NOT NULL,\n"                                              \
  "  gn BIGINT NOT NULL,\n"                                                 \
  "  PRIMARY KEY (source, target, quad)\n"                                  \
  ")" OPT,                                                                      \
  "CREATE TABLE IF NOT EXISTS counts_by_actor (\n"                          \
  "  actor " CODE " NOT NULL,\n"                                            \
  "  quad INTEGER NOT NULL,\n"                                              \
  "  n BIGINT NOT NULL,\n"                                                  \
  "  gsum6 BIGINT NOT NULL,\n"                                              \
  "  gn BIGINT NOT NULL,\n"                                                 \
  "  PRIMARY KEY (actor, quad)\n"                                           \
  ")" OPT,                                                                  \
  "CREATE TABLE IF NOT EXISTS counts_by_code (\n"                           \
  "  code " CODE " NOT NULL,\n"                                             \
  "  quad INTEGER NOT NULL,\n"                                              \
  "  n BIGINT NOT NULL,\n"                                                  \
  "  gsum6 BIGINT NOT NULL,\n"                                              \
  "  gn BIGINT NOT NULL,\n"                                                 \
  "  PRIMARY KEY (code, quad)\n"                                            \
  ")" OPT

/* PostgreSQL's sentences.tsv: only evidence sentences are searched. */
#define PG_TSV                                                              \
  "tsv TSVECTOR GENERATED ALWAYS AS (CASE WHEN nevents > 0 THEN "           \
  "to_tsvector('simple', text) END) STORED"

static const char *const sqlite_schema[] = {
    "CREATE TABLE IF NOT EXISTS meta (\n"
    "  key TEXT PRIMARY KEY,             -- 'schema_version'\n"
    "  value TEXT NOT NULL\n"
    ")",
    "CREATE TABLE IF NOT EXISTS documents (\n"
    "  id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused\n"
    "  doc_key TEXT NOT NULL UNIQUE,     -- the article id\n"
    "  hash TEXT NOT NULL,               -- content hash, 32 hex digits\n"
    "  date TEXT,                        -- article date, YYYY-MM-DD\n"
    "  title TEXT NOT NULL,\n"
    "  source TEXT NOT NULL,             -- publisher, '' if unknown\n"
    "  url TEXT NOT NULL,\n"
    "  text TEXT NOT NULL,               -- body; spans are byte offsets in it\n"
    "  nsents INTEGER NOT NULL,\n"
    "  nevents INTEGER NOT NULL\n"
    ")",
    "CREATE INDEX IF NOT EXISTS documents_date ON documents (date)",
    "CREATE TABLE IF NOT EXISTS sentences (\n"
    "  id INTEGER PRIMARY KEY,           -- doc_id * 16777216 + idx\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents (id),\n"
    "  idx INTEGER NOT NULL,             -- sentence index in the document\n"
    "  off INTEGER NOT NULL,             -- byte offset in documents.text\n"
    "  len INTEGER NOT NULL,\n"
    "  para INTEGER NOT NULL,\n"
    "  flags INTEGER NOT NULL,           -- DYAD_SENTF_*\n"
    "  text TEXT NOT NULL,\n"
    "  nevents INTEGER NOT NULL DEFAULT 0 -- events with this evidence\n"
    ")",
    "CREATE VIEW IF NOT EXISTS evidence_sentences AS\n"
    "  SELECT id, text FROM sentences WHERE nevents > 0",
    "CREATE INDEX IF NOT EXISTS sentences_evidence ON sentences (id)\n"
    "  WHERE nevents > 0",
    "CREATE TABLE IF NOT EXISTS codes (\n"
    "  code TEXT PRIMARY KEY,            -- CAMEO code seen in events\n"
    "  name TEXT NOT NULL,\n"
    "  quad INTEGER NOT NULL,            -- QuadClass 1..4, 0 unknown\n"
    "  goldstein REAL,\n"
    "  plover TEXT NOT NULL\n"
    ")",
    "CREATE TABLE IF NOT EXISTS events (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents (id),\n"
    "  idx INTEGER NOT NULL,             -- event index in the document\n"
    "  sent INTEGER NOT NULL,            -- sentences.idx of the evidence\n"
    "  event_date TEXT,                  -- YYYY-MM-DD, else the article date\n"
    "  source TEXT NOT NULL,             -- actor code, '---' unknown\n"
    "  target TEXT NOT NULL,\n"
    "  code TEXT NOT NULL,               -- CAMEO code\n"
    "  quad INTEGER NOT NULL,            -- QuadClass 1..4, 0 unknown\n"
    "  goldstein REAL,\n"
    "  source_off INTEGER NOT NULL,      -- spans: byte offset and length\n"
    "  source_len INTEGER NOT NULL,\n"
    "  target_off INTEGER NOT NULL,\n"
    "  target_len INTEGER NOT NULL,\n"
    "  verb_off INTEGER NOT NULL,\n"
    "  verb_len INTEGER NOT NULL,\n"
    "  source_text TEXT NOT NULL,        -- the words of the spans\n"
    "  target_text TEXT NOT NULL,\n"
    "  verb_text TEXT NOT NULL,\n"
    "  rule TEXT NOT NULL,               -- dictionary file:line\n"
    "  place INTEGER,                    -- places.idx, NULL none\n"
    "  flags INTEGER NOT NULL            -- DYAD_EVF_*\n"
    ")",
    "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id, sent, "
    "event_date)",
    "CREATE INDEX IF NOT EXISTS events_day ON events (event_date, quad, "
    "goldstein, source, target, code)",
    "CREATE INDEX IF NOT EXISTS events_dyad ON events (source, target, "
    "event_date, quad, goldstein)",
    "CREATE INDEX IF NOT EXISTS events_target ON events (target, event_date, "
    "quad, goldstein, source)",
    "CREATE INDEX IF NOT EXISTS events_code ON events (code, event_date, "
    "source, target, quad, goldstein)",
    "CREATE INDEX IF NOT EXISTS events_root ON events (substr(code, 1, 2), "
    "event_date, quad, source, target, code)",
    "CREATE TABLE IF NOT EXISTS actors (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  event_id INTEGER NOT NULL REFERENCES events (id),\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents (id),\n"
    "  role TEXT NOT NULL,               -- 'source' or 'target'\n"
    "  code TEXT NOT NULL,\n"
    "  off INTEGER NOT NULL,\n"
    "  len INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL\n"
    ")",
    "CREATE INDEX IF NOT EXISTS actors_code ON actors (code)",
    "CREATE INDEX IF NOT EXISTS actors_event ON actors (event_id)",
    "CREATE TABLE IF NOT EXISTS quotes (\n"
    "  id INTEGER PRIMARY KEY,           -- doc_id * 16777216 + idx\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents (id),\n"
    "  idx INTEGER NOT NULL,\n"
    "  sent INTEGER NOT NULL,\n"
    "  off INTEGER NOT NULL,\n"
    "  len INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,               -- the quoted words\n"
    "  speaker TEXT NOT NULL,            -- actor code, '' if none\n"
    "  speaker_text TEXT NOT NULL,\n"
    "  cue_text TEXT NOT NULL,\n"
    "  flags INTEGER NOT NULL\n"
    ")",
    "CREATE TABLE IF NOT EXISTS places (\n"
    "  id INTEGER PRIMARY KEY,           -- doc_id * 16777216 + idx\n"
    "  doc_id INTEGER NOT NULL REFERENCES documents (id),\n"
    "  idx INTEGER NOT NULL,\n"
    "  sent INTEGER NOT NULL,\n"
    "  off INTEGER NOT NULL,\n"
    "  len INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  country TEXT NOT NULL,            -- ISO alpha-3, '' unknown\n"
    "  lat REAL,\n"
    "  lon REAL,\n"
    "  geonameid INTEGER\n"
    ")",
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5 (\n"
    "  text, content = 'evidence_sentences', content_rowid = 'id')",
    "CREATE VIEW IF NOT EXISTS evidence_documents AS\n"
    "  SELECT id, title FROM documents WHERE nevents > 0",
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5 (\n"
    "  title, content = 'evidence_documents', content_rowid = 'id')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_vocab USING fts5vocab (\n"
    "  sentences_fts, 'row')",
    SUMMARY_TABLES("TEXT", "TEXT", " WITHOUT ROWID"),
    "CREATE TABLE IF NOT EXISTS counts_by_actor_day (\n"
    "  actor TEXT NOT NULL,              -- source or target code\n"
    "  day TEXT NOT NULL,\n"
    "  quad INTEGER NOT NULL,\n"
    "  n BIGINT NOT NULL,\n"
    "  gsum6 BIGINT NOT NULL,\n"
    "  gn BIGINT NOT NULL,\n"
    "  PRIMARY KEY (actor, day, quad)\n"
    ") WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS counts_by_dyad_year (\n"
    "  year INTEGER NOT NULL,            -- of the event date\n"
    "  source TEXT NOT NULL,\n"
    "  target TEXT NOT NULL,\n"
    "  n BIGINT NOT NULL,\n"
    "  q1 BIGINT NOT NULL,               -- events of each QuadClass\n"
    "  q2 BIGINT NOT NULL,\n"
    "  q3 BIGINT NOT NULL,\n"
    "  q4 BIGINT NOT NULL,\n"
    "  gsum6 BIGINT NOT NULL,\n"
    "  gn BIGINT NOT NULL,\n"
    "  PRIMARY KEY (year, source, target)\n"
    ") WITHOUT ROWID",
    NULL};

/* PostgreSQL: the same tables. Codes compare in the "C" collation so that
 * a prefix filter (code >= 'RUS' AND code < 'RUT') means bytes, as in
 * SQLite; full-text search uses the 'simple' configuration (lower case, no
 * stemming), the nearest to FTS5's unicode61 tokenizer. The filter
 * indexes INCLUDE the id, which SQLite indexes carry implicitly (the
 * rowid), so that listings sorted by (date, id) need no table reads. */
static const char *const pg_schema[] = {
    "CREATE TABLE IF NOT EXISTS meta (\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT NOT NULL\n"
    ")",
    "CREATE TABLE IF NOT EXISTS documents (\n"
    "  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  doc_key TEXT COLLATE \"C\" NOT NULL UNIQUE,\n"
    "  hash TEXT NOT NULL,\n"
    "  date DATE,\n"
    "  title TEXT NOT NULL,\n"
    "  source TEXT NOT NULL,\n"
    "  url TEXT NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  nsents INTEGER NOT NULL,\n"
    "  nevents INTEGER NOT NULL,\n"
    "  title_tsv TSVECTOR GENERATED ALWAYS AS\n"
    "    (to_tsvector('simple', title)) STORED\n"
    ")",
    "CREATE INDEX IF NOT EXISTS documents_date ON documents (date)",
    "CREATE INDEX IF NOT EXISTS documents_fts ON documents USING GIN "
    "(title_tsv)",
    "CREATE TABLE IF NOT EXISTS sentences (\n"
    "  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  doc_id BIGINT NOT NULL REFERENCES documents (id),\n"
    "  idx INTEGER NOT NULL,\n"
    "  off INTEGER NOT NULL,\n"
    "  len INTEGER NOT NULL,\n"
    "  para INTEGER NOT NULL,\n"
    "  flags INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  nevents INTEGER NOT NULL DEFAULT 0,\n"
    "  " PG_TSV ",\n"
    "  UNIQUE (doc_id, idx)\n"
    ")",
    "CREATE INDEX IF NOT EXISTS sentences_fts ON sentences USING GIN (tsv)",
    "CREATE TABLE IF NOT EXISTS codes (\n"
    "  code TEXT COLLATE \"C\" PRIMARY KEY,\n"
    "  name TEXT NOT NULL,\n"
    "  quad INTEGER NOT NULL,\n"
    "  goldstein DOUBLE PRECISION,\n"
    "  plover TEXT NOT NULL\n"
    ")",
    "CREATE TABLE IF NOT EXISTS events (\n"
    "  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  doc_id BIGINT NOT NULL REFERENCES documents (id),\n"
    "  idx INTEGER NOT NULL,\n"
    "  sent INTEGER NOT NULL,\n"
    "  event_date DATE,\n"
    "  source TEXT COLLATE \"C\" NOT NULL,\n"
    "  target TEXT COLLATE \"C\" NOT NULL,\n"
    "  code TEXT COLLATE \"C\" NOT NULL,\n"
    "  quad INTEGER NOT NULL,\n"
    "  goldstein DOUBLE PRECISION,\n"
    "  source_off INTEGER NOT NULL,\n"
    "  source_len INTEGER NOT NULL,\n"
    "  target_off INTEGER NOT NULL,\n"
    "  target_len INTEGER NOT NULL,\n"
    "  verb_off INTEGER NOT NULL,\n"
    "  verb_len INTEGER NOT NULL,\n"
    "  source_text TEXT NOT NULL,\n"
    "  target_text TEXT NOT NULL,\n"
    "  verb_text TEXT NOT NULL,\n"
    "  rule TEXT NOT NULL,\n"
    "  place INTEGER,\n"
    "  flags INTEGER NOT NULL\n"
    ")",
    "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id, sent, "
    "event_date)",
    "CREATE INDEX IF NOT EXISTS events_day ON events (event_date, quad, "
    "goldstein, source, target, code) INCLUDE (id)",
    "CREATE INDEX IF NOT EXISTS events_dyad ON events (source, target, "
    "event_date, quad, goldstein) INCLUDE (id)",
    "CREATE INDEX IF NOT EXISTS events_target ON events (target, event_date, "
    "quad, goldstein, source) INCLUDE (id)",
    "CREATE INDEX IF NOT EXISTS events_code ON events (code, event_date, "
    "source, target, quad, goldstein) INCLUDE (id)",
    "CREATE TABLE IF NOT EXISTS actors (\n"
    "  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  event_id BIGINT NOT NULL REFERENCES events (id),\n"
    "  doc_id BIGINT NOT NULL REFERENCES documents (id),\n"
    "  role TEXT NOT NULL,\n"
    "  code TEXT COLLATE \"C\" NOT NULL,\n"
    "  off INTEGER NOT NULL,\n"
    "  len INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL\n"
    ")",
    "CREATE INDEX IF NOT EXISTS actors_code ON actors (code)",
    "CREATE INDEX IF NOT EXISTS actors_event ON actors (event_id)",
    "CREATE TABLE IF NOT EXISTS quotes (\n"
    "  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  doc_id BIGINT NOT NULL REFERENCES documents (id),\n"
    "  idx INTEGER NOT NULL,\n"
    "  sent INTEGER NOT NULL,\n"
    "  off INTEGER NOT NULL,\n"
    "  len INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  speaker TEXT COLLATE \"C\" NOT NULL,\n"
    "  speaker_text TEXT NOT NULL,\n"
    "  cue_text TEXT NOT NULL,\n"
    "  flags INTEGER NOT NULL,\n"
    "  UNIQUE (doc_id, idx)\n"
    ")",
    "CREATE TABLE IF NOT EXISTS places (\n"
    "  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  doc_id BIGINT NOT NULL REFERENCES documents (id),\n"
    "  idx INTEGER NOT NULL,\n"
    "  sent INTEGER NOT NULL,\n"
    "  off INTEGER NOT NULL,\n"
    "  len INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  country TEXT COLLATE \"C\" NOT NULL,\n"
    "  lat DOUBLE PRECISION,\n"
    "  lon DOUBLE PRECISION,\n"
    "  geonameid BIGINT,\n"
    "  UNIQUE (doc_id, idx)\n"
    ")",
    SUMMARY_TABLES("DATE", "TEXT COLLATE \"C\"", ""),
    NULL};

const char *const *dyad__schema(int dialect)
{
  return dialect == DYAD__PG ? pg_schema : sqlite_schema;
}

/* ==== upgrades ========================================================= */

/* Version 1 to 2: sentences.nevents (the full-text index covers evidence
 * sentences only), covering event indexes, and the summary tables. "pre"
 * runs before the version 2 statements above (which then create what was
 * dropped), "post" after them. */
/* The version 1 indexes that version 2 replaces (places_country: unused,
 * costly at ingest). */
#define DROP_V1_INDEXES                                                     \
  "DROP INDEX IF EXISTS events_doc", "DROP INDEX IF EXISTS events_day",     \
      "DROP INDEX IF EXISTS events_dyad",                                   \
      "DROP INDEX IF EXISTS events_target",                                 \
      "DROP INDEX IF EXISTS places_country"

/* Version 2 to 3 (SQLite only): the title index covers the documents
 * that have events (the text filter finds events; titles of the other
 * documents cost most of the title index and a tenth of an ingest's store
 * work), so documents_fts is made again over the view evidence_documents. */
#define DROP_V2_TITLES "DROP TABLE IF EXISTS documents_fts"
#define FILL_V3_TITLES \
  "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')"

/* Version 3 to 4 (SQLite only): the ids of sentences, places and quotes
 * become doc_id * 16777216 + idx, without UNIQUE (doc_id, idx) (and, for
 * sentences, without AUTOINCREMENT): its index took a sixth of an ingest's
 * store work. Sentence ids change, so the sentence index is made again.
 * "pre" moves the old tables aside (the view and the full-text tables
 * over sentences go first: SQLite checks them when a table is renamed),
 * the version 4 statements create the new ones, "post" copies the rows
 * over. */
#define MOVE_V3_TABLES                                                      \
  "DROP TABLE IF EXISTS sentences_vocab",                                   \
      "DROP TABLE IF EXISTS sentences_fts",                                 \
      "DROP VIEW IF EXISTS evidence_sentences",                             \
      "DROP INDEX IF EXISTS sentences_evidence",                            \
      "ALTER TABLE sentences RENAME TO sentences_v3",                       \
      "ALTER TABLE places RENAME TO places_v3",                             \
      "ALTER TABLE quotes RENAME TO quotes_v3"
#define COPY_V3_TABLES                                                      \
  "INSERT INTO sentences (id, doc_id, idx, off, len, para, flags, text, "   \
  "nevents) SELECT doc_id * 16777216 + idx, doc_id, idx, off, len, para, "  \
  "flags, text, nevents FROM sentences_v3",                                 \
      "INSERT INTO places (id, doc_id, idx, sent, off, len, text, name, "   \
      "country, lat, lon, geonameid) SELECT doc_id * 16777216 + idx, "      \
      "doc_id, idx, sent, off, len, text, name, country, lat, lon, "        \
      "geonameid FROM places_v3",                                           \
      "INSERT INTO quotes (id, doc_id, idx, sent, off, len, text, speaker, " \
      "speaker_text, cue_text, flags) SELECT doc_id * 16777216 + idx, "     \
      "doc_id, idx, sent, off, len, text, speaker, speaker_text, cue_text, " \
      "flags FROM quotes_v3",                                               \
      "DROP TABLE sentences_v3", "DROP TABLE places_v3",                    \
      "DROP TABLE quotes_v3",                                               \
      "DELETE FROM sqlite_sequence WHERE name = 'sentences'"
#define FILL_SENTENCE_FTS                                                   \
  "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')"

/* Version 4 to 5 (SQLite only): events_root is made by the version 5
 * statements; counts_by_dyad_year and counts_by_actor_day are filled from
 * the events (each side with a code counts under it). */
#define FILL_ACTOR_DAY                                                      \
  "INSERT INTO counts_by_actor_day (actor, day, quad, n, gsum6, gn) "       \
  "SELECT actor, day, quad, COUNT(*), SUM(" G6_SQLITE "), "                 \
  "COUNT(goldstein) FROM (SELECT source AS actor, event_date AS day, quad, " \
  "goldstein FROM events WHERE event_date IS NOT NULL AND source <> '' "    \
  "UNION ALL SELECT target, event_date, quad, goldstein FROM events WHERE " \
  "event_date IS NOT NULL AND target <> '') a GROUP BY actor, day, quad"
#define G6_SQLITE "COALESCE(CAST(ROUND(goldstein * 1000000) AS INTEGER), 0)"
#define FILL_DYAD_YEAR                                                      \
  "INSERT INTO counts_by_dyad_year (year, source, target, n, q1, q2, q3, "  \
  "q4, gsum6, gn) SELECT CAST(substr(event_date, 1, 4) AS INTEGER), "       \
  "source, target, COUNT(*), SUM(quad = 1), SUM(quad = 2), SUM(quad = 3), " \
  "SUM(quad = 4), SUM(" G6_SQLITE "), COUNT(goldstein) FROM events WHERE "  \
  "event_date IS NOT NULL GROUP BY 1, 2, 3"
#define FILL_V5 FILL_ACTOR_DAY, FILL_DYAD_YEAR

static const char *const sqlite_pre_1[] = {
    "ALTER TABLE sentences ADD COLUMN nevents INTEGER NOT NULL DEFAULT 0",
    "UPDATE sentences SET nevents = (SELECT COUNT(*) FROM events e WHERE "
    "e.doc_id = sentences.doc_id AND e.sent = sentences.idx)",
    "DROP TABLE IF EXISTS sentences_fts", DROP_V2_TITLES,
    DROP_V1_INDEXES, MOVE_V3_TABLES, NULL};

#define FILL_SUMMARIES(G6)                                                  \
  "INSERT INTO counts_by_day (day, quad, n, gsum6, gn) SELECT event_date, " \
  "quad, COUNT(*), COALESCE(SUM(" G6 "), 0), COUNT(goldstein) FROM events " \
  "WHERE event_date IS NOT NULL GROUP BY event_date, quad",                 \
  "INSERT INTO counts_by_dyad (source, target, quad, n, gsum6, gn) SELECT " \
  "source, target, quad, COUNT(*), COALESCE(SUM(" G6 "), 0), "              \
  "COUNT(goldstein) FROM events GROUP BY source, target, quad",            \
  "INSERT INTO counts_by_actor (actor, quad, n, gsum6, gn) SELECT actor, "  \
  "quad, COUNT(*), COALESCE(SUM(" G6 "), 0), COUNT(goldstein) FROM "        \
  "(SELECT source AS actor, quad, goldstein FROM events WHERE source <> "   \
  "'---' AND source <> '' UNION ALL SELECT target, quad, goldstein FROM "   \
  "events WHERE target <> '---' AND target <> '') a GROUP BY actor, quad", \
  "INSERT INTO counts_by_code (code, quad, n, gsum6, gn) SELECT code, "     \
  "quad, COUNT(*), COALESCE(SUM(" G6 "), 0), COUNT(goldstein) FROM events " \
  "GROUP BY code, quad"

static const char *const sqlite_post_1[] = {
    COPY_V3_TABLES, FILL_SENTENCE_FTS, FILL_V3_TITLES,
    FILL_SUMMARIES("CAST(ROUND(goldstein * 1000000) AS INTEGER)"),
    FILL_V5, NULL};

static const char *const sqlite_pre_2[] = {DROP_V2_TITLES, MOVE_V3_TABLES,
                                           NULL};
static const char *const sqlite_post_2[] = {COPY_V3_TABLES, FILL_SENTENCE_FTS,
                                            FILL_V3_TITLES, FILL_V5, NULL};
static const char *const sqlite_pre_3[] = {MOVE_V3_TABLES, NULL};
static const char *const sqlite_post_3[] = {COPY_V3_TABLES, FILL_SENTENCE_FTS,
                                            FILL_V5, NULL};
static const char *const sqlite_pre_4[] = {NULL};
static const char *const sqlite_post_4[] = {FILL_V5, NULL};
static const char *const pg_none[] = {NULL}; /* PostgreSQL: nothing */

static const char *const pg_pre_1[] = {
    "ALTER TABLE sentences ADD COLUMN nevents INTEGER NOT NULL DEFAULT 0",
    "UPDATE sentences s SET nevents = c.n FROM (SELECT doc_id, sent, "
    "COUNT(*) AS n FROM events GROUP BY doc_id, sent) c WHERE "
    "s.doc_id = c.doc_id AND s.idx = c.sent",
    "ALTER TABLE sentences DROP COLUMN tsv",
    "ALTER TABLE sentences ADD COLUMN " PG_TSV,
    DROP_V1_INDEXES, NULL};

static const char *const pg_post_1[] = {
    FILL_SUMMARIES("CAST(ROUND(goldstein * 1000000) AS BIGINT)"),
    NULL};

const char *const *dyad__schema_upgrade(int dialect, const char *from,
                                        int post)
{
  if (strcmp(from, "4") == 0) {
    if (dialect == DYAD__PG)
      return pg_none;
    return post ? sqlite_post_4 : sqlite_pre_4;
  }
  if (strcmp(from, "3") == 0) {
    if (dialect == DYAD__PG)
      return pg_none;
    return post ? sqlite_post_3 : sqlite_pre_3;
  }
  if (strcmp(from, "2") == 0) {
    if (dialect == DYAD__PG)
      return pg_none;
    return post ? sqlite_post_2 : sqlite_pre_2;
  }
  if (strcmp(from, "1") != 0)
    return NULL;
  if (dialect == DYAD__PG)
    return post ? pg_post_1 : pg_pre_1;
  return post ? sqlite_post_1 : sqlite_pre_1;
}
