/* test_store.c: the event store on SQLite: idempotent puts, replacement
 * of changed documents, bad documents, filters, aggregates, read-only SQL,
 * and the documented schema. Documents are filled by hand (the analysis
 * stages are not needed): dyad_doc_analyze with no stages copies the
 * article, then sentences and events are pushed into the doc's vectors. */
#include "testutil.h"
#include "store/store.h"

#include <stdlib.h>

struct fx {
  char dir[64];      /* temporary folder */
  char path[512];    /* the database file in it, or a URL */
  dyad_ctx *ctx;
  dyad_doc *doc;
  dyad_store *st;
};

/* With DYAD_TEST_PG set to a PostgreSQL URL (tests/cli/store.sh starts a
 * throwaway server and sets it), every case runs against PostgreSQL
 * instead: the tables are dropped before each case. */
static const char *pg_url(void)
{
  const char *u = getenv("DYAD_TEST_PG");
  return u && *u ? u : NULL;
}

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof(*f));
  snprintf(f->dir, sizeof(f->dir), "/tmp/dyad-store-XXXXXX");
  if (!mkdtemp(f->dir))
    return -1;
  snprintf(f->path, sizeof(f->path), "%s/t.db", f->dir);
  if (pg_url()) {
    snprintf(f->path, sizeof(f->path), "%s", pg_url());
    dyad_store *w = NULL;
    if (dyad_store_open(f->path, strlen(f->path), DYAD_STORE_WRITE, &w) ||
        w->ops->exec(w, "DROP TABLE IF EXISTS meta, documents, sentences, "
                        "codes, events, actors, quotes, places, "
                        "counts_by_day, counts_by_dyad, counts_by_actor, "
                        "counts_by_code "
                        "CASCADE"))
      fail_msg("cannot reset %s: %s", f->path, dyad_store_errmsg(w));
    dyad_store_close(w);
  }
  f->ctx = dyad_ctx_new(NULL);
  f->doc = dyad_doc_new(f->ctx);
  if (dyad_store_open(f->path, strlen(f->path), DYAD_STORE_WRITE, &f->st) !=
      DYAD_OK)
    fail_msg("cannot open %s: %s", f->path, dyad_store_errmsg(f->st));
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  dyad_store_close(f->st);
  dyad_doc_free(f->doc);
  dyad_ctx_free(f->ctx);
  char cmd[160];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
  if (system(cmd) != 0)
    return -1;
  free(f);
  return 0;
}

/* One sentence per line of text; one event per "SRC CODE TGT" triple
 * given in evs (sentence index, source, code, target). */
struct ev {
  unsigned sent;
  const char *src, *code, *tgt;
};

static dyad_article article(const char *id, const char *text, dyad_date d)
{
  dyad_article a;
  memset(&a, 0, sizeof(a));
  a.id = id;
  a.id_len = strlen(id);
  a.title = "Headline about talks";
  a.title_len = strlen(a.title);
  a.text = text;
  a.text_len = strlen(text);
  a.date = d;
  return a;
}

static void fill(dyad_doc *doc, const dyad_article *a, const struct ev *evs,
                 size_t nev)
{
  assert_int_equal(dyad_doc_analyze(doc, a, 0), DYAD_OK);
  const struct dyad_allocator *al = &doc->ctx->alloc;
  uint32_t off = 0;
  while (off < doc->text_len) {
    const char *nl = memchr(doc->text + off, '\n', doc->text_len - off);
    uint32_t end = nl ? (uint32_t)(nl - doc->text) : (uint32_t)doc->text_len;
    dyad_sentence *s = dyad_vec_push(al, doc->sents);
    assert_non_null(s);
    s->off = off;
    s->len = end - off;
    off = end + 1;
  }
  for (size_t i = 0; i < nev; i++) {
    dyad_event *e = dyad_vec_push(al, doc->events);
    assert_non_null(e);
    e->sent = evs[i].sent;
    snprintf(e->source, sizeof(e->source), "%s", evs[i].src);
    snprintf(e->target, sizeof(e->target), "%s", evs[i].tgt);
    snprintf(e->code, sizeof(e->code), "%s", evs[i].code);
    const dyad_sentence *s = &doc->sents.v[e->sent];
    e->source_span.off = s->off;
    e->source_span.len = 6;
    e->verb_span.off = s->off + 7;
    e->verb_span.len = 4;
    e->place = -1;
    e->rule = "test:1";
  }
}

static dyad_store_stats stats(dyad_store *st)
{
  dyad_store_stats s;
  assert_int_equal(dyad_store_stats_get(st, &s), DYAD_OK);
  return s;
}

struct rows {
  int header, n;
  char first[32];
};

static int collect_row(int ncol, const char *const *names,
                       const char *const *vals, void *ud)
{
  struct rows *r = ud;
  (void)names;
  if (!vals) {
    r->header = ncol;
    return 0;
  }
  if (r->n++ == 0)
    snprintf(r->first, sizeof(r->first), "%s", vals[0] ? vals[0] : "NULL");
  return 0;
}

/* The summary tables hold exactly the counts of the events table (rows
 * left at n = 0 aside). */
static void summaries_match_events(struct fx *f)
{
#define G6 "COALESCE(SUM(CAST(ROUND(goldstein * 1000000) AS BIGINT)), 0)"
  static const char *const pairs[][2] = {
      {"SELECT day, quad, n, gsum6, gn FROM counts_by_day WHERE n <> 0",
       "SELECT event_date, quad, COUNT(*), " G6 ", COUNT(goldstein) FROM "
       "events WHERE event_date IS NOT NULL GROUP BY event_date, quad"},
      {"SELECT source, target, quad, n, gsum6, gn FROM counts_by_dyad "
       "WHERE n <> 0",
       "SELECT source, target, quad, COUNT(*), " G6 ", COUNT(goldstein) "
       "FROM events GROUP BY source, target, quad"},
      {"SELECT actor, quad, n, gsum6, gn FROM counts_by_actor WHERE n <> 0",
       "SELECT actor, quad, COUNT(*), " G6 ", COUNT(goldstein) FROM (SELECT "
       "source AS actor, quad, goldstein FROM events WHERE source <> '---' "
       "AND source <> '' UNION ALL SELECT target, quad, goldstein FROM "
       "events WHERE target <> '---' AND target <> '') a GROUP BY actor, "
       "quad"},
      {"SELECT code, quad, n, gsum6, gn FROM counts_by_code WHERE n <> 0",
       "SELECT code, quad, COUNT(*), " G6 ", COUNT(goldstein) FROM events "
       "GROUP BY code, quad"},
      /* SQLite: dyads by year, QuadClasses in columns */
      {"SELECT year, source, target, n, q1, q2, q3, q4, gsum6, gn FROM "
       "counts_by_dyad_year WHERE n <> 0",
       "SELECT CAST(substr(event_date, 1, 4) AS INTEGER), source, target, "
       "COUNT(*), SUM(quad = 1), SUM(quad = 2), SUM(quad = 3), SUM(quad = "
       "4), " G6 ", COUNT(goldstein) FROM events WHERE event_date IS NOT NULL "
       "GROUP BY 1, 2, 3"},
      /* SQLite: actors' days (every code on a side, '---' too) */
      {"SELECT actor, day, quad, n, gsum6, gn FROM counts_by_actor_day "
       "WHERE n <> 0",
       "SELECT actor, day, quad, COUNT(*), " G6 ", COUNT(goldstein) FROM "
       "(SELECT source AS actor, event_date AS day, quad, goldstein FROM "
       "events WHERE event_date IS NOT NULL AND source <> '' UNION ALL "
       "SELECT target, event_date, quad, goldstein FROM events WHERE "
       "event_date IS NOT NULL AND target <> '') a GROUP BY actor, day, "
       "quad"},
  };
#undef G6
  assert_int_equal(dyad_store_flush(f->st), DYAD_OK);
  size_t n = DYAD_ARRAY_LEN(pairs) - (pg_url() ? 2 : 0);
  for (size_t i = 0; i < n; i++) {
    for (int dir = 0; dir < 2; dir++) {
      char sql[2048];
      snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM (%s EXCEPT %s) x",
               pairs[i][dir], pairs[i][!dir]);
      struct rows r = {0};
      assert_int_equal(
          dyad_store_sql(f->st, sql, strlen(sql), collect_row, &r), DYAD_OK);
      if (strcmp(r.first, "0") != 0)
        fail_msg("summary %zu differs from the events (%s rows): %s", i,
                 r.first, pairs[i][dir]);
    }
  }
}

static const char text1[] =
    "Russia struck Ukrainian drone factories overnight.\n"
    "Moscow praised China for its mediation.";
static const struct ev evs1[] = {
    {0, "RUS", "190", "UKR"},
    {1, "RUSGOV", "051", "CHN"},
};

static void put_new_then_same_stores_nothing_new(void **state)
{
  struct fx *f = *state;
  dyad_article a = article("a1", text1, 20230322);
  fill(f->doc, &a, evs1, 2);
  dyad_put_result r = 0;
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, &r), DYAD_OK);
  assert_int_equal(r, DYAD_PUT_NEW);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, &r), DYAD_OK);
  assert_int_equal(r, DYAD_PUT_SAME);
  assert_int_equal(dyad_store_lookup(f->st, &a, &r), DYAD_OK);
  assert_int_equal(r, DYAD_PUT_SAME);
  dyad_store_stats s = stats(f->st);
  assert_int_equal(s.documents, 1);
  assert_int_equal(s.sentences, 2);
  assert_int_equal(s.events, 2);
  assert_int_equal(s.actors, 4);
}

static void changed_document_replaces_its_rows(void **state)
{
  struct fx *f = *state;
  dyad_article a = article("a1", text1, 20230322);
  fill(f->doc, &a, evs1, 2);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  static const char text2[] = "Russia struck Ukrainian targets again.";
  static const struct ev evs2[] = {{0, "RUS", "195", "UKR"}};
  dyad_article b = article("a1", text2, 20230323);
  dyad_put_result r = 0;
  assert_int_equal(dyad_store_lookup(f->st, &b, &r), DYAD_OK);
  assert_int_equal(r, DYAD_PUT_CHANGED);
  fill(f->doc, &b, evs2, 1);
  assert_int_equal(dyad_store_put(f->st, &b, f->doc, &r), DYAD_OK);
  assert_int_equal(r, DYAD_PUT_CHANGED);
  dyad_store_stats s = stats(f->st);
  assert_int_equal(s.documents, 1);
  assert_int_equal(s.sentences, 1);
  assert_int_equal(s.events, 1);
  assert_int_equal(s.actors, 2);
  summaries_match_events(f);
  /* replaced again in a later batch: the old counts are taken out */
  fill(f->doc, &a, evs1, 2);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, &r), DYAD_OK);
  assert_int_equal(r, DYAD_PUT_CHANGED);
  summaries_match_events(f);
}

static void bad_document_is_skipped_and_batch_goes_on(void **state)
{
  struct fx *f = *state;
  static const struct ev bad[] = {{0, "RUS", "190", "UKR"}};
  dyad_article a = article("bad", "One sentence.", 20230322);
  fill(f->doc, &a, bad, 1);
  f->doc->events.v[0].sent = 7; /* no such sentence */
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_EARG);
  assert_non_null(strstr(dyad_store_errmsg(f->st), "no sentence 7"));
  dyad_article b = article("good", text1, 20230322);
  fill(f->doc, &b, evs1, 2);
  assert_int_equal(dyad_store_put(f->st, &b, f->doc, NULL), DYAD_OK);
  assert_int_equal(dyad_store_flush(f->st), DYAD_OK);
  dyad_store_stats s = stats(f->st);
  assert_int_equal(s.documents, 1);
  assert_int_equal(s.events, 2);
}

struct place_seen {
  char place[32], country[8], verb[16];
};

static int collect_place(const dyad_store_event *ev, void *ud)
{
  struct place_seen *p = ud;
  snprintf(p->place, sizeof(p->place), "%s", ev->place);
  snprintf(p->country, sizeof(p->country), "%s", ev->country);
  snprintf(p->verb, sizeof(p->verb), "%s", ev->verb_text);
  return 0;
}

static void quotes_and_places_are_stored(void **state)
{
  struct fx *f = *state;
  static const char text[] =
      "Russia struck Kharkiv overnight.\n"
      "\"We will respond\", Zelensky said.";
  static const struct ev evs[] = {{0, "RUS", "190", "UKR"}};
  dyad_article a = article("qp", text, 20230322);
  fill(f->doc, &a, evs, 1);
  const struct dyad_allocator *al = &f->ctx->alloc;
  dyad_place *pl = dyad_vec_push(al, f->doc->places);
  pl->span.off = 14; /* "Kharkiv" */
  pl->span.len = 7;
  pl->name = "Kharkiv";
  memcpy(pl->country, "UKR", 4);
  pl->lat = 49.99;
  pl->lon = 36.23;
  pl->geonameid = 706483;
  f->doc->events.v[0].place = 0;
  dyad_quote *qu = dyad_vec_push(al, f->doc->quotes);
  qu->sent = 1;
  qu->span.off = 34; /* We will respond */
  qu->span.len = 15;
  qu->speaker_span.off = 52; /* Zelensky */
  qu->speaker_span.len = 8;
  memcpy(qu->speaker, "UKRGOV", 7);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  dyad_store_stats s = stats(f->st);
  assert_int_equal(s.quotes, 1);
  assert_int_equal(s.places, 1);
  struct place_seen p = {0};
  assert_int_equal(dyad_store_query(f->st, NULL, collect_place, &p),
                   DYAD_OK);
  assert_string_equal(p.place, "Kharkiv");
  assert_string_equal(p.country, "UKR");
  assert_string_equal(p.verb, "stru"); /* fill(): bytes 7..10 */
  struct rows r = {0};
  const char *sql = "SELECT text || '|' || speaker_text FROM quotes";
  assert_int_equal(dyad_store_sql(f->st, sql, strlen(sql), collect_row, &r),
                   DYAD_OK);
  assert_string_equal(r.first, "We will respond|Zelensky");
}

struct seen {
  int n;
  char codes[16][8];
  char sentence[160];
  dyad_date date;
};

static int collect(const dyad_store_event *ev, void *ud)
{
  struct seen *s = ud;
  if (s->n < 16)
    snprintf(s->codes[s->n], 8, "%s", ev->code);
  if (s->n == 0) {
    snprintf(s->sentence, sizeof(s->sentence), "%s", ev->sentence);
    s->date = ev->date;
  }
  s->n++;
  return 0;
}

static struct seen run(struct fx *f, const dyad_query *q)
{
  struct seen s;
  memset(&s, 0, sizeof(s));
  assert_int_equal(dyad_store_query(f->st, q, collect, &s), DYAD_OK);
  return s;
}

static int count_text(struct fx *f, const char *text)
{
  dyad_query q = {0};
  q.text = text;
  return run(f, &q).n;
}

/* FTS5 on SQLite: the index must equal its content tables. */
static void fts_consistent(struct fx *f)
{
  if (pg_url())
    return;
  assert_int_equal(dyad_store_flush(f->st), DYAD_OK);
  dyad_status st = f->st->ops->exec(
      f->st, "INSERT INTO sentences_fts (sentences_fts, rank) VALUES "
             "('integrity-check', 1); INSERT INTO documents_fts "
             "(documents_fts, rank) VALUES ('integrity-check', 1)");
  if (st != DYAD_OK)
    fail_msg("fts5 integrity: %s", dyad_store_errmsg(f->st));
}

static void replaced_text_is_searched_anew(void **state)
{
  struct fx *f = *state;
  static const struct ev e1[] = {{0, "RUS", "190", "UKR"}};
  /* stored in one batch, replaced in the next */
  dyad_article a = article("r1", "Russia shelled Kharkiv again.", 20230322);
  fill(f->doc, &a, e1, 1);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  assert_int_equal(count_text(f, "kharkiv"), 1);
  a = article("r1", "Russia shelled Odesa again.", 20230322);
  a.title = "Port city attacked";
  a.title_len = strlen(a.title);
  fill(f->doc, &a, e1, 1);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  assert_int_equal(count_text(f, "kharkiv"), 0);
  assert_int_equal(count_text(f, "odesa"), 1);
  assert_int_equal(count_text(f, "talks"), 0);   /* the old title */
  assert_int_equal(count_text(f, "port city"), 1);
  fts_consistent(f);
  /* stored and replaced inside one batch */
  a = article("r2", "Kyiv reported drone debris.", 20230323);
  fill(f->doc, &a, e1, 1);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  a = article("r2", "Kyiv reported missile debris.", 20230323);
  fill(f->doc, &a, e1, 1);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  assert_int_equal(count_text(f, "drone"), 0);
  assert_int_equal(count_text(f, "missile"), 1);
  fts_consistent(f);
  summaries_match_events(f);
}

static void article_without_id_is_keyed_by_hash(void **state)
{
  struct fx *f = *state;
  dyad_article a = article("", text1, 20230322);
  fill(f->doc, &a, evs1, 2);
  dyad_put_result r = 0;
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, &r), DYAD_OK);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, &r), DYAD_OK);
  assert_int_equal(r, DYAD_PUT_SAME);
  assert_int_equal(stats(f->st).documents, 1);
}

static void hash_notices_bytes_moved_between_fields(void **state)
{
  (void)state;
  dyad_article a = article("x", "ab", 20230322);
  dyad_article b = article("x", "ab", 20230322);
  a.title = "t";
  a.title_len = 1;
  b.title = "";
  b.title_len = 0;
  b.text = "tab";
  b.text_len = 3;
  char ha[33], hb[33];
  dyad__store_hash(&a, ha);
  dyad__store_hash(&b, hb);
  assert_int_equal(strlen(ha), 32);
  assert_string_not_equal(ha, hb);
}

/* A put reuses the hash its lookup computed only for the same bytes: an
 * article changed in place after its lookup (same lengths) is hashed
 * anew. */
static void put_after_lookup_hashes_the_bytes_it_gets(void **state)
{
  struct fx *f = *state;
  char text[] = "Russia shelled Kharkiv.\nChina urged talks.";
  dyad_article a = article("m1", text, 20230322);
  dyad_put_result r = 0;
  assert_int_equal(dyad_store_lookup(f->st, &a, &r), DYAD_OK);
  assert_int_equal(r, DYAD_PUT_NEW);
  text[0] = 'P'; /* "Pussia": same length, other bytes */
  char want[33];
  dyad__store_hash(&a, want);
  fill(f->doc, &a, evs1, 2);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, &r), DYAD_OK);
  assert_int_equal(r, DYAD_PUT_NEW);
  struct rows got = {0, 0, ""};
  char sql[128]; /* want is 32 hex digits */
  snprintf(sql, sizeof(sql),
           "SELECT COUNT(*) FROM documents WHERE doc_key = 'm1' AND "
           "hash = '%s'",
           want);
  assert_int_equal(dyad_store_sql(f->st, sql, strlen(sql), collect_row, &got),
                   DYAD_OK);
  assert_string_equal(got.first, "1");
  /* and the unchanged article after its lookup: the lookup's hash */
  dyad_article b = article("m2", "Talks resumed in Vienna.", 20230323);
  assert_int_equal(dyad_store_lookup(f->st, &b, &r), DYAD_OK);
  fill(f->doc, &b, NULL, 0);
  assert_int_equal(dyad_store_put(f->st, &b, f->doc, &r), DYAD_OK);
  assert_int_equal(dyad_store_lookup(f->st, &b, &r), DYAD_OK);
  assert_int_equal(r, DYAD_PUT_SAME);
}

/* Stores made by earlier versions keep their hashes: a changed hash
 * function would make every stored document look changed. */
static void hash_values_are_stable(void **state)
{
  (void)state;
  dyad_article a = article("reuters-42",
                           "Ministers met in Paris on Tuesday to discuss the "
                           "grain trade.",
                           19870308);
  a.title = "Grain talks";
  a.title_len = 11;
  a.source = "Reuters";
  a.source_len = 7;
  char h[33];
  dyad__store_hash(&a, h);
  assert_string_equal(h, "2f21f0c357e8b1c6eac05f09108b0a43");
  a.date = 0;
  a.url = "http://x";
  a.url_len = 8;
  dyad__store_hash(&a, h);
  assert_string_equal(h, "16089b077edae4877847a8de73f368a9");
}

/* Three documents over two months, for the query tests. */
static void load_three(struct fx *f)
{
  static const struct ev e2[] = {{0, "UKRMIL", "183", "RUS"}};
  static const struct ev e3[] = {{0, "CHN", "042", "RUS"},
                                 {0, "CHN", "057", "RUSGOV"}};
  dyad_article a = article("d1", text1, 20230322);
  fill(f->doc, &a, evs1, 2);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  a = article("d2", "Ukrainian forces shelled Russian positions.", 20230405);
  fill(f->doc, &a, e2, 1);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  a = article("d3", "Beijing hosted Putin and signed a pact.", 20230410);
  fill(f->doc, &a, e3, 2);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  assert_int_equal(dyad_store_flush(f->st), DYAD_OK);
}

static void query_source_prefix_matches_subcodes(void **state)
{
  struct fx *f = *state;
  load_three(f);
  dyad_query q = {0};
  q.source = "RUS";
  struct seen s = run(f, &q);
  assert_int_equal(s.n, 2); /* RUS and RUSGOV, not UKRMIL */
  q.source = "RUSG";
  assert_int_equal(run(f, &q).n, 1);
}

static void query_target_and_code_prefix(void **state)
{
  struct fx *f = *state;
  load_three(f);
  dyad_query q = {0};
  q.target = "RUS";
  assert_int_equal(run(f, &q).n, 3);
  q.code = "05";
  struct seen s = run(f, &q);
  assert_int_equal(s.n, 1);
  assert_string_equal(s.codes[0], "057");
}

static void query_quad_and_dates(void **state)
{
  struct fx *f = *state;
  load_three(f);
  dyad_query q = {0};
  q.quads = 1u << 4; /* material conflict: 190, 183 */
  assert_int_equal(run(f, &q).n, 2);
  q.quads = 0;
  q.from = 20230401;
  q.to = 20230405;
  struct seen s = run(f, &q);
  assert_int_equal(s.n, 1);
  assert_int_equal(s.date, 20230405);
}

static void query_text_searches_sentences_and_titles(void **state)
{
  struct fx *f = *state;
  load_three(f);
  dyad_query q = {0};
  q.text = "drone";
  struct seen s = run(f, &q);
  assert_int_equal(s.n, 1);
  assert_string_equal(s.sentence,
                      "Russia struck Ukrainian drone factories overnight.");
  q.text = "talks"; /* in every title */
  assert_int_equal(run(f, &q).n, 5);
  q.text = "\"drone factories\" Russia";
  assert_int_equal(run(f, &q).n, 1);
  q.text = "factories drone\" OR NEAR(";  /* no query syntax leaks through */
  assert_int_equal(run(f, &q).n, 0);
}

static void query_doc_and_limit_newest_first(void **state)
{
  struct fx *f = *state;
  load_three(f);
  dyad_query q = {0};
  q.doc = "d3";
  assert_int_equal(run(f, &q).n, 2);
  q.doc = NULL;
  q.limit = 1;
  struct seen s = run(f, &q);
  assert_int_equal(s.n, 1);
  assert_int_equal(s.date, 20230410);
}

/* A page further on is the same events as the tail of a longer listing
 * (5 events: d3's two on 2023-04-10, d2's, d1's two). */
static void query_offset_skips_the_newest(void **state)
{
  struct fx *f = *state;
  load_three(f);
  dyad_query q = {0};
  struct seen all = run(f, &q);
  assert_int_equal(all.n, 5);
  q.offset = 3;
  struct seen tail = run(f, &q);
  assert_int_equal(tail.n, 2);
  assert_string_equal(tail.codes[0], all.codes[3]);
  assert_string_equal(tail.codes[1], all.codes[4]);
  q.limit = 1;
  q.offset = 2;
  struct seen one = run(f, &q);
  assert_int_equal(one.n, 1);
  assert_string_equal(one.codes[0], all.codes[2]);
  assert_int_equal(one.date, 20230405);
}

struct aggs {
  int n;
  char keys[8][24];
  uint64_t counts[8];
  uint64_t q4[8];
};

static int collect_agg(const dyad_store_agg *a, void *ud)
{
  struct aggs *g = ud;
  if (g->n < 8) {
    snprintf(g->keys[g->n], 24, "%s", a->key);
    g->counts[g->n] = a->count;
    g->q4[g->n] = a->quad[4];
  }
  g->n++;
  return 0;
}

static void count_by_month_and_week(void **state)
{
  struct fx *f = *state;
  load_three(f);
  struct aggs g = {0};
  assert_int_equal(dyad_store_count_by(f->st, NULL, DYAD_PERIOD_MONTH,
                                       collect_agg, &g), DYAD_OK);
  assert_int_equal(g.n, 2);
  assert_string_equal(g.keys[0], "2023-03");
  assert_int_equal(g.counts[0], 2);
  assert_int_equal(g.q4[0], 1);
  assert_int_equal(g.counts[1], 3);
  memset(&g, 0, sizeof(g));
  assert_int_equal(dyad_store_count_by(f->st, NULL, DYAD_PERIOD_WEEK,
                                       collect_agg, &g), DYAD_OK);
  /* 2023-03-22 is a Wednesday, 04-05 a Wednesday, 04-10 a Monday. */
  assert_int_equal(g.n, 3);
  assert_string_equal(g.keys[0], "2023-03-20");
  assert_string_equal(g.keys[1], "2023-04-03");
  assert_string_equal(g.keys[2], "2023-04-10");
}

/* A code prefix's events come in code order (042 on 04-10, 051 on 03-22,
 * 057 on 04-10), not in date order: the periods still come out sorted,
 * each summed once. */
static void count_by_filtered_sorts_periods(void **state)
{
  struct fx *f = *state;
  load_three(f);
  struct aggs g = {0};
  dyad_query q = {0};
  q.code = "0";
  assert_int_equal(dyad_store_count_by(f->st, &q, DYAD_PERIOD_WEEK,
                                       collect_agg, &g), DYAD_OK);
  assert_int_equal(g.n, 2);
  assert_string_equal(g.keys[0], "2023-03-20");
  assert_int_equal(g.counts[0], 1);
  assert_string_equal(g.keys[1], "2023-04-10");
  assert_int_equal(g.counts[1], 2);
}

/* An actor's series counts the events with the actor on either side,
 * each once (RUSGOV against RUSMIL is one event of RUS, R, RUSG...), from
 * the summary (dates only) or the events (other filters) alike; a period
 * whose events were replaced away is left out. */
static void count_by_actor_counts_each_event_once(void **state)
{
  struct fx *f = *state;
  load_three(f);
  static const struct ev e4[] = {{0, "RUSGOV", "111", "RUSMIL"}};
  dyad_article a = article("d4", "Moscow criticised its own army.", 20230411);
  fill(f->doc, &a, e4, 1);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  summaries_match_events(f);
  static const struct {
    const char *actor, *code;
    dyad_date from;
    int n;
    uint64_t mar, apr;
  } cases[] = {
      {"RUS", NULL, 0, 2, 2, 4},      {"R", NULL, 0, 2, 2, 4},
      {"RUSG", NULL, 0, 2, 1, 2},     {"RUSGOV", NULL, 0, 2, 1, 2},
      {"RUS", "1", 0, 2, 1, 2},       {"RUS", NULL, 20230401, 1, 0, 4},
      {"RUS", "", 20230411, 1, 0, 1}, {"CHN", NULL, 0, 2, 1, 2},
      {"ZZZ", NULL, 0, 0, 0, 0},
  };
  for (size_t i = 0; i < DYAD_ARRAY_LEN(cases); i++) {
    struct aggs g = {0};
    dyad_query q = {0};
    q.code = cases[i].code;
    q.from = cases[i].from;
    assert_int_equal(dyad_store_count_by_actor(f->st, &q, cases[i].actor,
                                               DYAD_PERIOD_MONTH, collect_agg,
                                               &g), DYAD_OK);
    if (g.n != cases[i].n)
      fail_msg("%s code %s: %d periods", cases[i].actor,
               cases[i].code ? cases[i].code : "-", g.n);
    uint64_t mar = 0, apr = 0;
    for (int k = 0; k < g.n; k++)
      *(strcmp(g.keys[k], "2023-03") == 0 ? &mar : &apr) = g.counts[k];
    if (mar != cases[i].mar || apr != cases[i].apr)
      fail_msg("%s code %s: %llu in March, %llu in April", cases[i].actor,
               cases[i].code ? cases[i].code : "-", (unsigned long long)mar,
               (unsigned long long)apr);
  }
  /* d4 replaced by an event of others: RUSMIL's day is left at n = 0 */
  static const struct ev e5[] = {{0, "USA", "111", "FRA"}};
  a = article("d4", "Washington criticised Paris.", 20230411);
  fill(f->doc, &a, e5, 1);
  assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  summaries_match_events(f);
  struct aggs g = {0};
  dyad_query q = {0};
  assert_int_equal(dyad_store_count_by_actor(f->st, &q, "RUSM",
                                             DYAD_PERIOD_DAY, collect_agg,
                                             &g), DYAD_OK);
  assert_int_equal(g.n, 0);
  q.source = "RUS"; /* the actor is either side: no source or target */
  assert_int_equal(dyad_store_count_by_actor(f->st, &q, "CHN",
                                             DYAD_PERIOD_DAY, collect_agg,
                                             &g), DYAD_EARG);
}

/* Dyads over dates: whole years (from the per-year summary on SQLite)
 * and the days around them (from events) add up to what the events alone
 * give (a QuadClass filter of all four reads the events only); the top
 * few are cut after ties are ordered by key. */
static void top_dyads_over_years_and_days(void **state)
{
  struct fx *f = *state;
  static const struct {
    const char *id;
    dyad_date date;
    struct ev e;
  } docs[] = {
      {"y1", 20211231, {0, "RUS", "190", "UKR"}},
      {"y2", 20220101, {0, "RUS", "190", "UKR"}},
      {"y3", 20220615, {0, "CHN", "042", "RUS"}},
      {"y4", 20221231, {0, "CHN", "042", "RUS"}},
      {"y5", 20230101, {0, "USA", "111", "CHN"}},
      {"y6", 20230102, {0, "RUS", "183", "UKR"}},
      {"y7", 20240301, {0, "USA", "111", "CHN"}},
  };
  for (size_t i = 0; i < DYAD_ARRAY_LEN(docs); i++) {
    dyad_article a = article(docs[i].id, "Officials said so.", docs[i].date);
    fill(f->doc, &a, &docs[i].e, 1);
    assert_int_equal(dyad_store_put(f->st, &a, f->doc, NULL), DYAD_OK);
  }
  summaries_match_events(f);
  static const struct {
    dyad_date from, to;
    int n;
    const char *first;
    uint64_t count;
  } cases[] = {
      {20220101, 20221231, 2, "CHN:RUS", 2}, /* one whole year */
      {20211231, 20230102, 3, "RUS:UKR", 3}, /* a year and a day each side */
      {20220102, 20230101, 2, "CHN:RUS", 2}, /* no whole year */
      {20220101, 0, 3, "CHN:RUS", 2},        /* open end: a tie of 3 */
      {0, 20221231, 2, "CHN:RUS", 2},        /* open start */
      {20230101, 20241231, 2, "USA:CHN", 2},
  };
  for (size_t i = 0; i < DYAD_ARRAY_LEN(cases); i++) {
    for (int quads = 0; quads < 2; quads++) {
      struct aggs g = {0};
      dyad_query q = {0};
      q.from = cases[i].from;
      q.to = cases[i].to;
      q.quads = quads ? 0x1e : 0;
      assert_int_equal(dyad_store_top(f->st, &q, DYAD_TOP_DYADS,
                                      collect_agg, &g), DYAD_OK);
      if (g.n != cases[i].n || strcmp(g.keys[0], cases[i].first) != 0 ||
          g.counts[0] != cases[i].count)
        fail_msg("case %zu (quads %d): %d dyads, first %s %llu", i, quads,
                 g.n, g.keys[0], (unsigned long long)g.counts[0]);
    }
  }
  /* a cut at one of three dyads tied at 2: the first by key */
  struct aggs g = {0};
  dyad_query q = {0};
  q.from = 20220101;
  q.limit = 1;
  assert_int_equal(dyad_store_top(f->st, &q, DYAD_TOP_DYADS, collect_agg,
                                  &g), DYAD_OK);
  assert_int_equal(g.n, 1);
  assert_string_equal(g.keys[0], "CHN:RUS");
}

/* A filter that matches nothing gives no periods and no ranks (and sorts
 * no empty array: a NULL one, under the sanitizers). */
static void filtered_aggregates_of_nothing(void **state)
{
  struct fx *f = *state;
  load_three(f);
  struct aggs g = {0};
  dyad_query q = {0};
  q.source = "ZZZ";
  q.from = 20230101; /* with dates: the ranking reads events */
  assert_int_equal(dyad_store_count_by(f->st, &q, DYAD_PERIOD_MONTH,
                                       collect_agg, &g), DYAD_OK);
  assert_int_equal(g.n, 0);
  assert_int_equal(dyad_store_top(f->st, &q, DYAD_TOP_DYADS, collect_agg,
                                  &g), DYAD_OK);
  assert_int_equal(g.n, 0);
}

static void top_actors_dyads_codes(void **state)
{
  struct fx *f = *state;
  load_three(f);
  struct aggs g = {0};
  assert_int_equal(dyad_store_top(f->st, NULL, DYAD_TOP_ACTORS, collect_agg,
                                  &g), DYAD_OK);
  assert_string_equal(g.keys[0], "CHN"); /* 3 mentions */
  assert_int_equal(g.counts[0], 3);
  memset(&g, 0, sizeof(g));
  dyad_query q = {0};
  q.source = "CHN";
  assert_int_equal(dyad_store_top(f->st, &q, DYAD_TOP_DYADS, collect_agg,
                                  &g), DYAD_OK);
  assert_int_equal(g.n, 2);
  assert_string_equal(g.keys[0], "CHN:RUS");
  memset(&g, 0, sizeof(g));
  q.source = NULL;
  q.limit = 2;
  assert_int_equal(dyad_store_top(f->st, &q, DYAD_TOP_CODES, collect_agg,
                                  &g), DYAD_OK);
  assert_int_equal(g.n, 2);
}

static void top_actors_with_every_filter(void **state)
{
  struct fx *f = *state;
  load_three(f);
  struct aggs g = {0};
  dyad_query q = {0};
  q.source = "R";
  q.target = "U";
  q.code = "1";
  q.quads = 1u << 4;
  q.from = 20230301;
  q.to = 20230331;
  q.doc = "d1";
  q.text = "drone";
  assert_int_equal(dyad_store_top(f->st, &q, DYAD_TOP_ACTORS, collect_agg,
                                  &g), DYAD_OK);
  assert_int_equal(g.n, 2); /* RUS and UKR of the one drone strike */
  assert_string_equal(g.keys[0], "RUS");
  assert_string_equal(g.keys[1], "UKR");
  assert_int_equal(g.counts[0], 1);
}

static void sql_is_read_only(void **state)
{
  struct fx *f = *state;
  load_three(f);
  dyad_store *ro = NULL;
  assert_int_equal(dyad_store_open(f->path, strlen(f->path), DYAD_STORE_READ,
                                   &ro), DYAD_OK);
  struct rows r = {0};
  const char *sel = "SELECT COUNT(*) AS n FROM events";
  assert_int_equal(dyad_store_sql(ro, sel, strlen(sel), collect_row, &r),
                   DYAD_OK);
  assert_int_equal(r.header, 1);
  assert_string_equal(r.first, "5");
  const char *bad[] = {"DELETE FROM events",
                       "SELECT 1; DELETE FROM events",
                       "ATTACH DATABASE '/tmp/x.db' AS x",
                       "CREATE TEMP TABLE t (x INTEGER)"};
  for (size_t i = 0; i < DYAD_ARRAY_LEN(bad); i++)
    assert_int_not_equal(dyad_store_sql(ro, bad[i], strlen(bad[i]),
                                        collect_row, &r), DYAD_OK);
  dyad_article a = article("d9", text1, 20230322);
  fill(f->doc, &a, evs1, 2);
  assert_int_not_equal(dyad_store_put(ro, &a, f->doc, NULL), DYAD_OK);
  dyad_store_close(ro);
  assert_int_equal(stats(f->st).events, 5);
}

static void open_read_only_missing_file_fails(void **state)
{
  struct fx *f = *state;
  char p[160];
  if (pg_url())
    skip();
  snprintf(p, sizeof(p), "%s/none.db", f->dir);
  dyad_store *ro = NULL;
  assert_int_equal(dyad_store_open(p, strlen(p), DYAD_STORE_READ, &ro),
                   DYAD_EDB);
  assert_non_null(ro);
  assert_non_null(strstr(dyad_store_errmsg(ro), "cannot open"));
  dyad_store_close(ro);
}

/* docs/schema.sql documents the SQLite schema: every statement the code
 * runs must appear in it verbatim. */
static void schema_doc_matches_code(void **state)
{
  (void)state;
  FILE *fp = fopen("docs/schema.sql", "rb");
  if (!fp)
    skip();
  static char doc[64 * 1024];
  size_t n = fread(doc, 1, sizeof(doc) - 1, fp);
  fclose(fp);
  doc[n] = '\0';
  const char *const *ddl = dyad__schema(1);
  for (size_t i = 0; ddl[i]; i++)
    if (!strstr(doc, ddl[i]))
      fail_msg("docs/schema.sql lacks: %.60s", ddl[i]);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
      T(put_new_then_same_stores_nothing_new),
      T(changed_document_replaces_its_rows),
      T(bad_document_is_skipped_and_batch_goes_on),
      T(quotes_and_places_are_stored),
      T(replaced_text_is_searched_anew),
      T(article_without_id_is_keyed_by_hash),
      T(hash_notices_bytes_moved_between_fields),
      T(hash_values_are_stable),
      T(put_after_lookup_hashes_the_bytes_it_gets),
      T(query_source_prefix_matches_subcodes),
      T(query_target_and_code_prefix),
      T(query_quad_and_dates),
      T(query_text_searches_sentences_and_titles),
      T(query_doc_and_limit_newest_first),
      T(query_offset_skips_the_newest),
      T(count_by_month_and_week),
      T(count_by_filtered_sorts_periods),
      T(filtered_aggregates_of_nothing),
      T(count_by_actor_counts_each_event_once),
      T(top_dyads_over_years_and_days),
      T(top_actors_dyads_codes),
      T(top_actors_with_every_filter),
      T(sql_is_read_only),
      T(open_read_only_missing_file_fails),
      cmocka_unit_test(schema_doc_matches_code),
#undef T
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
