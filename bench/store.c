/*
 * bench/store.c: event store throughput and query latency on a synthetic
 * store of DYAD_BENCH_EVENTS events (default 1,000,000).
 *
 *   build/bench/store [DB]     DB: SQLite path or postgresql:// URL;
 *                              default a fresh file under /tmp
 *
 * Documents are generated programmatically and put through the public
 * store API (the analysis is bypassed: sentences and events are filled in
 * as the coder would), 10 events over 4 sentences per document, dated
 * across 2015-2024, with actors from 40 country codes (some with GOV/MIL
 * agents) and 40 CAMEO codes. It prints the put throughput, then the
 * median of 5 timed runs of typical filtered queries and aggregates: wall
 * time, and this process's CPU time (for SQLite the query's own work,
 * without waiting for a core on a busy machine; for PostgreSQL only the
 * client's share).
 * Figures only; nothing is asserted.
 */
#include "internal.h"
#include "store/store.h"

#include <time.h>
#include <unistd.h>

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this process: for SQLite (in-process) the query's own work,
 * without the time spent waiting for a core on a shared machine. */
static double cpu(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t rng = 88172645463325252ull;
static uint32_t rnd(uint32_t n)
{
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)((rng >> 11) % n);
}

static const char *const countries[] = {
    "RUS", "UKR", "CHN", "USA", "GBR", "FRA", "DEU", "IRN", "ISR", "PSE",
    "SYR", "TUR", "IND", "PAK", "AFG", "IRQ", "SAU", "EGY", "SDN", "ETH",
    "NGA", "KEN", "ZAF", "BRA", "VEN", "COL", "MEX", "JPN", "KOR", "PRK",
    "TWN", "PHL", "IDN", "MMR", "POL", "BLR", "GEO", "ARM", "AZE", "LBN"};
static const char *const names[] = {
    "Russia", "Ukraine", "China", "Washington", "Britain", "France",
    "Germany", "Iran", "Israel", "Palestinian", "Syria", "Turkey", "India",
    "Pakistan", "Afghanistan", "Iraq", "Riyadh", "Egypt", "Sudan",
    "Ethiopia", "Nigeria", "Kenya", "Pretoria", "Brazil", "Venezuela",
    "Colombia", "Mexico", "Tokyo", "Seoul", "Pyongyang", "Taipei", "Manila",
    "Jakarta", "Myanmar", "Warsaw", "Minsk", "Tbilisi", "Yerevan", "Baku",
    "Beirut"};
static const char *const agents[] = {"", "", "GOV", "MIL", "GOV"};
static const char *const codes[] = {
    "010", "013", "020", "031", "036", "040", "042", "043", "046", "051",
    "057", "061", "071", "080", "090", "100", "111", "112", "120", "130",
    "138", "140", "141", "160", "163", "172", "173", "180", "181", "183",
    "186", "190", "193", "194", "195", "200", "202", "0231", "0234", "1041"};
static const char *const words[] = {
    "officials", "said", "talks", "border", "forces", "drone", "attack",
    "sanctions", "ministers", "agreed", "condemned", "summit", "troops",
    "negotiations", "ceasefire", "missile", "aid", "protest", "election",
    "embassy", "strike", "trade", "oil", "gas", "visit", "envoy"};

struct gen {
  dyad_ctx *ctx;
  dyad_doc *doc;
  char text[2048];
  char id[32];
};

/* Fills g->doc with synthetic document number i (4 sentences, 10 events). */
static void make_doc(struct gen *g, uint64_t i, dyad_article *art)
{
  dyad_date date;
  {
    int day = (int)rnd(3650);
    int y = 2015 + day / 365, doy = day % 365, m = 1;
    while (doy >= dyad__days_in_month(y, m)) {
      doy -= dyad__days_in_month(y, m);
      m++;
    }
    date = y * 10000 + m * 100 + doy + 1;
  }
  size_t len = 0;
  uint32_t soff[4], slen[4], sub[4], obj[4];
  for (int s = 0; s < 4; s++) {
    sub[s] = rnd(40);
    obj[s] = rnd(40);
    soff[s] = (uint32_t)len;
    /* one sentence in 500 carries a rarer word, as most words of real
     * news are rare: "--text hostage" measures a selective search */
    len += (size_t)snprintf(g->text + len, sizeof(g->text) - len,
                            "%s %s %s %s over the %s and %s.",
                            names[sub[s]], words[rnd(26)], names[obj[s]],
                            words[rnd(26)], words[rnd(26)],
                            rnd(500) ? words[rnd(26)] : "hostage");
    slen[s] = (uint32_t)len - soff[s];
    g->text[len++] = ' ';
  }
  len--;
  g->text[len] = '\0';
  memset(art, 0, sizeof(*art));
  snprintf(g->id, sizeof(g->id), "syn-%llu", (unsigned long long)i);
  art->id = g->id;
  art->id_len = strlen(g->id);
  art->title = "Synthetic report";
  art->title_len = 16;
  art->text = g->text;
  art->text_len = len;
  art->date = date;
  dyad_doc_analyze(g->doc, art, 0);
  dyad_doc *d = g->doc;
  const struct dyad_allocator *a = &g->ctx->alloc;
  for (int s = 0; s < 4; s++) {
    dyad_sentence *se = dyad_vec_push(a, d->sents);
    se->off = soff[s];
    se->len = slen[s];
  }
  for (int e = 0; e < 10; e++) {
    dyad_event *ev = dyad_vec_push(a, d->events);
    int s = e % 4;
    ev->sent = (uint32_t)s;
    snprintf(ev->source, sizeof(ev->source), "%s%s", countries[sub[s]],
             agents[rnd(5)]);
    snprintf(ev->target, sizeof(ev->target), "%s%s", countries[obj[s]],
             agents[rnd(5)]);
    snprintf(ev->code, sizeof(ev->code), "%s", codes[rnd(40)]);
    ev->source_span.off = soff[s];
    ev->source_span.len = (uint32_t)strlen(names[sub[s]]);
    ev->place = -1;
    ev->rule = "bench:1";
  }
}

struct count {
  uint64_t n;
};
static int count_ev(const dyad_store_event *e, void *ud)
{
  DYAD_UNUSED(e);
  ((struct count *)ud)->n++;
  return 0;
}
static int count_agg(const dyad_store_agg *a, void *ud)
{
  DYAD_UNUSED(a);
  ((struct count *)ud)->n++;
  return 0;
}

enum { K_LIST, K_COUNT_BY, K_TOP };

struct qcase {
  const char *label; /* what the CLI would say */
  int kind;
  dyad_query q;
  int arg; /* period or top */
};

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
  const char *env = getenv("DYAD_BENCH_EVENTS");
  uint64_t nevents = env && *env ? strtoull(env, NULL, 10) : 1000000;
  uint64_t ndocs = (nevents + 9) / 10;
  char path[256];
  const char *where = argc > 1 ? argv[1] : NULL;
  char dir[] = "/tmp/dyad-bench-store-XXXXXX";
  if (!where) {
    if (!mkdtemp(dir)) {
      perror("mkdtemp");
      return 1;
    }
    snprintf(path, sizeof(path), "%s/bench.db", dir);
    where = path;
  }
  struct gen g;
  g.ctx = dyad_ctx_new(NULL);
  g.doc = dyad_doc_new(g.ctx);
  dyad_store *st = NULL;
  if (dyad_store_open(where, strlen(where),
                      DYAD_STORE_WRITE | DYAD_STORE_SYNC_OFF, &st) !=
      DYAD_OK) {
    fprintf(stderr, "store: %s\n", dyad_store_errmsg(st));
    return 1;
  }
  dyad_store_set_batch(st, 1000);
  printf("store bench: %s backend, %llu documents, %llu events\n",
         dyad_store_backend(st), (unsigned long long)ndocs,
         (unsigned long long)(ndocs * 10));
  dyad_store_stats before;
  dyad_store_stats_get(st, &before);
  double t0 = now(), c0 = cpu();
  uint64_t bytes = 0;
  for (uint64_t i = 0; i < ndocs; i++) {
    dyad_article art;
    make_doc(&g, i, &art);
    bytes += art.text_len;
    if (dyad_store_put(st, &art, g.doc, NULL) != DYAD_OK) {
      fprintf(stderr, "put: %s\n", dyad_store_errmsg(st));
      return 1;
    }
  }
  dyad_store_flush(st);
  double t1 = now(), c1 = cpu();
  dyad_store_stats after;
  dyad_store_stats_get(st, &after);
  uint64_t added = after.events - before.events;
  printf("put: %.1f s wall (%.1f s cpu in this process), %.0f docs/s, "
         "%.0f events/s, %.2f MB/s of text (%llu events new; an existing "
         "store is reused and only checked)\n",
         t1 - t0, c1 - c0, ndocs / (t1 - t0), added / (t1 - t0),
         bytes / (t1 - t0) / 1e6, (unsigned long long)added);
  printf("store holds %llu documents, %llu sentences, %llu events\n",
         (unsigned long long)after.documents,
         (unsigned long long)after.sentences,
         (unsigned long long)after.events);
  /* Fresh tables need planner statistics before queries are timed; on
   * PostgreSQL also a visibility map (what autovacuum builds after bulk
   * inserts), without which no index-only scan is possible. */
  int pg = strcmp(dyad_store_backend(st), "postgresql") == 0;
  t0 = now();
  st->ops->exec(st, pg ? "VACUUM ANALYZE" : "ANALYZE");
  printf("%s: %.1f s\n", pg ? "VACUUM ANALYZE" : "ANALYZE", now() - t0);

  static struct qcase cases[] = {
      {"--source RUS --limit 100", K_LIST, {.source = "RUS", .limit = 100},
       0},
      {"--dyad RUS:UKR --from 2020-01-01 --to 2020-12-31", K_LIST,
       {.source = "RUS", .target = "UKR", .from = 20200101, .to = 20201231},
       0},
      {"--code 19 --from 2022-01-01 --to 2022-03-31 --limit 100", K_LIST,
       {.code = "19", .from = 20220101, .to = 20220331, .limit = 100}, 0},
      {"--quad 4 --source CHNGOV --limit 100", K_LIST,
       {.quads = 1u << 4, .source = "CHNGOV", .limit = 100}, 0},
      {"--text hostage (1 sentence in 500; all matches)", K_LIST,
       {.text = "hostage"}, 0},
      {"--text hostage --source RUS", K_LIST,
       {.text = "hostage", .source = "RUS"}, 0},
      {"--text drone --limit 100 (1 sentence in 7)", K_LIST,
       {.text = "drone", .limit = 100}, 0},
      {"--text \"drone ceasefire\" --source IRN --limit 100", K_LIST,
       {.text = "drone ceasefire", .source = "IRN", .limit = 100}, 0},
      {"--doc syn-4242", K_LIST, {.doc = "syn-4242"}, 0},
      {"--count-by month --dyad RUS:UKR", K_COUNT_BY,
       {.source = "RUS", .target = "UKR"}, DYAD_PERIOD_MONTH},
      {"--count-by week --quad 4 --from 2023-01-01 --to 2023-12-31",
       K_COUNT_BY, {.quads = 1u << 4, .from = 20230101, .to = 20231231},
       DYAD_PERIOD_WEEK},
      {"--top dyads --code 19 --from 2022-01-01 --to 2022-12-31", K_TOP,
       {.code = "19", .from = 20220101, .to = 20221231}, DYAD_TOP_DYADS},
      {"--top actors --from 2024-06-01 --to 2024-06-30", K_TOP,
       {.from = 20240601, .to = 20240630}, DYAD_TOP_ACTORS},
      {"--top codes (whole store, unfiltered)", K_TOP, {0}, DYAD_TOP_CODES},
      {"--top actors (whole store, unfiltered)", K_TOP, {0},
       DYAD_TOP_ACTORS},
      {"--top dyads (whole store, unfiltered)", K_TOP, {0}, DYAD_TOP_DYADS},
      {"--count-by month (whole store, unfiltered)", K_COUNT_BY, {0},
       DYAD_PERIOD_MONTH},
  };
  printf("%-62s %9s %9s %7s\n", "query (dyad query ...)", "wall ms",
         "cpu ms", "rows");
  for (size_t c = 0; c < DYAD_ARRAY_LEN(cases); c++) {
    double ms[5], cms[5];
    struct count n = {0};
    for (int r = 0; r < 6; r++) { /* one warm-up, then five timed */
      n.n = 0;
      double a = now(), ca = cpu();
      dyad_status s;
      if (cases[c].kind == K_LIST)
        s = dyad_store_query(st, &cases[c].q, count_ev, &n);
      else if (cases[c].kind == K_COUNT_BY)
        s = dyad_store_count_by(st, &cases[c].q, (dyad_period)cases[c].arg,
                                count_agg, &n);
      else
        s = dyad_store_top(st, &cases[c].q, (dyad_top)cases[c].arg,
                           count_agg, &n);
      if (s != DYAD_OK) {
        fprintf(stderr, "query failed: %s\n", dyad_store_errmsg(st));
        return 1;
      }
      if (r) {
        ms[r - 1] = (now() - a) * 1000;
        cms[r - 1] = (cpu() - ca) * 1000;
      }
    }
    qsort(ms, 5, sizeof(ms[0]), cmp_double);
    qsort(cms, 5, sizeof(cms[0]), cmp_double);
    printf("%-62s %9.2f %9.2f %7llu\n", cases[c].label, ms[2], cms[2],
           (unsigned long long)n.n);
  }
  dyad_store_close(st);
  dyad_doc_free(g.doc);
  dyad_ctx_free(g.ctx);
  if (where == path) {
    unlink(path);
    char p2[300];
    snprintf(p2, sizeof(p2), "%s-wal", path);
    unlink(p2);
    snprintf(p2, sizeof(p2), "%s-shm", path);
    unlink(p2);
    rmdir(dir);
  }
  return 0;
}
