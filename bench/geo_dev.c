/*
 * geo_dev.c: measures place resolution on the TR-News dev set
 * ($DYAD_SHARED/devsets/geo, see its README) and the cost of the WHERE
 * stage.
 *
 * Accuracy: each article runs through DYAD_STAGE_WHERE; each gold
 * toponym is matched to the predicted place overlapping it most (gold
 * offsets are code points, converted to bytes here) and counts as right
 * when the two lie at most 161 km apart on the globe. Prints accuracy@161km over
 * all gold toponyms, how many were matched, the median error of those
 * and GeoNames-id agreement. `geo_dev -v` also lists every miss.
 *
 * Speed: the Reuters corpus ($DYAD_SHARED/corpora/reuters21578.jsonl)
 * through DYAD_STAGE_ALL with and without DYAD_CFG_NO_WHERE, best of 3,
 * and the WHERE stage alone on top of tagging, in CPU time. Nothing here
 * is asserted.
 */
#include "internal.h"
#include "where/where.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct gold {
  char doc[32];
  long b, e;      /* code points */
  double lat, lon;
  unsigned gid;
  char topo[128];
  char gname[128]; /* the gold place's name in GeoNames */
  char fcode[16];  /* its GeoNames feature code */
};

/* Kinds of miss, for the breakdown. */
enum miss {
  M_ABSENT,   /* nothing predicted over it; its name is not in the gazetteer */
  M_SKIPPED,  /* nothing predicted over it; the gazetteer has the name */
  M_SPAN,     /* a prediction overlaps it with another span */
  M_COUNTRY,  /* the right country (or continent), its point too far */
  M_REGION,   /* the right region, its point too far */
  M_RANK,     /* same span; a candidate of the name is within 161 km */
  M_NOCAND,   /* same span; no candidate of the name within 161 km */
  M_N
};
static const char *const MISS_NAME[M_N] = {
    "not found, name absent from gazetteer",
    "not found, name in gazetteer (finder skipped it)",
    "span mismatch (overlapping prediction, wrong)",
    "right country/continent, its point over 161 km",
    "right region, its point over 161 km",
    "wrong candidate of the same name (right one listed)",
    "right place not among the name's candidates"};
static const char *const MISS_TAG[M_N] = {"ABSENT", "SKIPPED", "SPAN",
                                          "COUNTRY", "REGION", "RANK",
                                          "NOCAND"};

static char *slurp(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) {
    fclose(f);
    free(b);
    return NULL;
  }
  fclose(f);
  b[n] = '\0';
  *len = (size_t)n;
  return b;
}

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this process: steadier than wall time on a shared machine. */
static double cpu(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double haversine(double la1, double lo1, double la2, double lo2)
{
  const double r = 6371.0, d = M_PI / 180;
  double a = sin((la2 - la1) * d / 2), b = sin((lo2 - lo1) * d / 2);
  double h = a * a + cos(la1 * d) * cos(la2 * d) * b * b;
  return 2 * r * asin(sqrt(h > 1 ? 1 : h));
}

/* Byte offset of code point cp in s. */
static size_t cp2byte(const char *s, size_t len, long cp)
{
  size_t i = 0;
  for (long k = 0; k < cp && i < len; k++) {
    i++;
    while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
      i++;
  }
  return i;
}

static int cmpd(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Reads the gold TSV: returns the count, rows in *out. */
static size_t read_gold(const char *path, struct gold **out)
{
  size_t len;
  char *buf = slurp(path, &len);
  if (!buf)
    return 0;
  size_t cap = 2048, n = 0;
  struct gold *g = calloc(cap, sizeof(*g));
  char *line = buf, *next;
  int header = 1;
  for (; line && *line; line = next) {
    next = strchr(line, '\n');
    if (next)
      *next++ = '\0';
    if (header) {
      header = 0;
      continue;
    }
    char *f[20];
    int nf = 0;
    for (char *p = line; nf < 20;) {
      f[nf++] = p;
      char *t = strchr(p, '\t');
      if (!t)
        break;
      *t = '\0';
      p = t + 1;
    }
    if (nf < 12)
      continue;
    if (n == cap)
      g = realloc(g, (cap *= 2) * sizeof(*g));
    struct gold *r = &g[n++];
    snprintf(r->doc, sizeof(r->doc), "%s", f[1]);
    snprintf(r->topo, sizeof(r->topo), "%s", f[3]);
    snprintf(r->gname, sizeof(r->gname), "%s", nf > 12 ? f[12] : "");
    snprintf(r->fcode, sizeof(r->fcode), "%s", nf > 13 ? f[13] : "");
    r->b = strtol(f[4], NULL, 10);
    r->e = strtol(f[5], NULL, 10);
    r->lat = strtod(f[9], NULL);
    r->lon = strtod(f[10], NULL);
    r->gid = (unsigned)strtoul(f[11], NULL, 10);
  }
  free(buf);
  *out = g;
  return n;
}

/* Has the gazetteer a place named text (len bytes) within 161 km of
 * (lat, lon)? 1 yes, 0 no, -1 the name is not in it at all. */
static int has_near(const dyad_ctx *ctx, const char *text, size_t len,
                    double lat, double lon)
{
  const struct dyad_gazetteer *g = ctx->gaz;
  char key[256];
  size_t kl = g ? dyad__gaz_key(text, len, key, sizeof(key)) : 0, n;
  const struct dyad_gaz_name *r = kl ? dyad__gaz_find(g, key, kl, &n) : NULL;
  if (!r)
    return -1;
  for (size_t j = 0; j < n; j++)
    for (uint32_t k = 0; k < r[j].ncand; k++) {
      const struct dyad_gaz_place *p = &g->places[g->cands[r[j].cand + k]];
      if (haversine(lat, lon, p->lat / 1e5, p->lon / 1e5) <= 161)
        return 1;
    }
  return 0;
}

static int accuracy(const char *shared, int verbose)
{
  char ap[1024], tp[1024];
  snprintf(ap, sizeof(ap), "%s/devsets/geo/tr_news_articles.jsonl", shared);
  snprintf(tp, sizeof(tp), "%s/devsets/geo/tr_news_toponyms.tsv", shared);
  size_t alen;
  char *arts = slurp(ap, &alen);
  struct gold *gold = NULL;
  size_t ng = read_gold(tp, &gold);
  if (!arts || !ng) {
    printf("SKIP geo_dev: %s not found\n", ap);
    free(arts);
    free(gold);
    return 0;
  }
  dyad_ctx *ctx = dyad_ctx_new(NULL);
  double t0 = now();
  if (dyad_ctx_load_defaults(ctx) != DYAD_OK ||
      dyad_ctx_load_gazetteer(ctx) != DYAD_OK) {
    printf("geo_dev: %s\n", dyad_ctx_errmsg(ctx));
    dyad_ctx_free(ctx);
    return 1;
  }
  double tload = now() - t0;
  dyad_ctx *gctx = dyad_ctx_new(NULL);
  t0 = now();
  dyad_ctx_load_gazetteer(gctx);
  double tgaz = now() - t0;
  dyad_ctx_free(gctx);

  dyad_doc *doc = dyad_doc_new(ctx);
  size_t correct = 0, matched = 0, gidok = 0, npred = 0, area = 0;
  size_t nmiss[M_N] = {0}, nfp = 0;
  double *errs = calloc(ng, sizeof(double));
  double tstage = 0;
  size_t tbytes = 0;
  for (char *line = arts, *next; line && *line; line = next) {
    next = strchr(line, '\n');
    if (next)
      *next++ = '\0';
    cJSON *j = cJSON_Parse(line);
    if (!j)
      continue;
    const char *id = cJSON_GetStringValue(cJSON_GetObjectItem(j, "doc_id"));
    const char *date = cJSON_GetStringValue(cJSON_GetObjectItem(j, "date"));
    const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(j, "text"));
    const char *title = cJSON_GetStringValue(cJSON_GetObjectItem(j, "title"));
    if (!id || !text) {
      cJSON_Delete(j);
      continue;
    }
    dyad_article art;
    memset(&art, 0, sizeof(art));
    art.id = id;
    art.id_len = strlen(id);
    art.text = text;
    art.text_len = strlen(text);
    art.title = title ? title : "";
    art.title_len = strlen(art.title);
    if (!date || dyad_date_parse(date, strlen(date), &art.date) != DYAD_OK)
      art.date = 20160601;
    double t1 = now();
    dyad_doc_analyze(doc, &art, DYAD_STAGE_WHERE);
    tstage += now() - t1;
    tbytes += art.text_len;
    size_t np;
    const dyad_place *pl = dyad_doc_places(doc, &np);
    npred += np;
    /* predictions over no gold toponym: names taken for places that the
     * set does not count as toponyms (demonyms, person names, ...) */
    for (size_t q = 0; q < np; q++) {
      int hit = 0;
      for (size_t k = 0; k < ng && !hit; k++) {
        const struct gold *g = &gold[k];
        if (strcmp(g->doc, id) != 0)
          continue;
        size_t gb = cp2byte(text, art.text_len, g->b);
        size_t ge = cp2byte(text, art.text_len, g->e);
        hit = pl[q].span.off < ge && pl[q].span.off + pl[q].span.len > gb;
      }
      if (!hit) {
        nfp++;
        if (verbose)
          printf("  EXTRA     %s %.*s -> %s %s\n", id, (int)pl[q].span.len,
                 text + pl[q].span.off, pl[q].name, pl[q].country);
      }
    }
    for (size_t k = 0; k < ng; k++) {
      const struct gold *g = &gold[k];
      if (strcmp(g->doc, id) != 0)
        continue;
      size_t gb = cp2byte(text, art.text_len, g->b);
      size_t ge = cp2byte(text, art.text_len, g->e);
      long bestov = 0;
      const dyad_place *best = NULL;
      for (size_t q = 0; q < np; q++) {
        long lo = (long)(pl[q].span.off > gb ? pl[q].span.off : gb);
        long hi = (long)(pl[q].span.off + pl[q].span.len < ge
                             ? pl[q].span.off + pl[q].span.len : ge);
        if (hi - lo > bestov) {
          bestov = hi - lo;
          best = &pl[q];
        }
      }
      int near = has_near(ctx, text + gb, ge - gb, g->lat, g->lon);
      if (!best) {
        enum miss m = near < 0 ? M_ABSENT : M_SKIPPED;
        nmiss[m]++;
        if (verbose)
          printf("  MISS-%-7s %s %-20s @%zu%s\n", MISS_TAG[m], id, g->topo,
                 gb, near > 0 ? " (a candidate is near)" : "");
        continue;
      }
      double d = haversine(g->lat, g->lon, best->lat, best->lon);
      errs[matched++] = d;
      if (best->geonameid && best->geonameid == g->gid)
        gidok++;
      if (d <= 161) {
        correct++;
        continue;
      }
      enum miss m;
      if (best->span.off != gb || best->span.off + best->span.len != ge)
        m = M_SPAN;
      else if (strcmp(best->name, g->gname) == 0 &&
               (best->geonameid == 0 || best->geonameid == g->gid) &&
               (strncmp(g->fcode, "PCL", 3) == 0 ||
                strcmp(g->fcode, "CONT") == 0 ||
                strcmp(g->fcode, "RGN") == 0 ||
                strcmp(g->fcode, "ADM1") == 0)) {
        area++; /* the right country/region, another point for it */
        m = strncmp(g->fcode, "ADM", 3) == 0 ? M_REGION : M_COUNTRY;
      } else
        m = near > 0 ? M_RANK : M_NOCAND;
      nmiss[m]++;
      if (verbose)
        printf("  MISS-%-7s %s %-20s @%zu -> %s %s (%.0f km; gold %s %s)\n",
               MISS_TAG[m], id, g->topo, gb, best->name, best->country, d,
               g->gname, g->fcode);
    }
    cJSON_Delete(j);
  }
  qsort(errs, matched, sizeof(double), cmpd);
  printf("geo_dev (TR-News, %zu gold toponyms): accuracy@161km %.1f%% "
         "(%zu correct), matched %zu, median error %.0f km, "
         "geonameid agreement %zu (%.1f%%), %zu places predicted\n",
         ng, 100.0 * correct / ng, correct, matched,
         matched ? errs[matched / 2] : 0.0, gidok, 100.0 * gidok / ng, npred);
  printf("  of the misses, %zu name the right country or region (or "
         "continent) but its point is over 161 km from GeoNames' point for "
         "it: accuracy counting them %.1f%%\n", area,
         100.0 * (correct + area) / ng);
  printf("  misses by kind (%zu):\n", ng - correct);
  for (int m = 0; m < M_N; m++)
    printf("    %4zu  %s\n", nmiss[m], MISS_NAME[m]);
  printf("  predictions over no gold toponym: %zu\n", nfp);
  printf("  load: defaults+gazetteer %.0f ms, gazetteer alone %.1f ms; "
         "tokens..places %.1f MB/s\n", tload * 1e3, tgaz * 1e3,
         tbytes / 1e6 / (tstage > 0 ? tstage : 1e-9));
  free(errs);
  free(gold);
  free(arts);
  dyad_doc_free(doc);
  dyad_ctx_free(ctx);
  return 0;
}

/* A ctx loaded with the defaults under flags, NULL on failure. */
static dyad_ctx *loaded(uint32_t flags)
{
  dyad_config cfg;
  memset(&cfg, 0, sizeof(cfg));
  cfg.flags = flags;
  dyad_ctx *ctx = dyad_ctx_new(&cfg);
  if (ctx && dyad_ctx_load_defaults(ctx) != DYAD_OK) {
    dyad_ctx_free(ctx);
    return NULL;
  }
  return ctx;
}

/* Seconds to analyse the corpus once with stages. */
static double run_corpus(dyad_ctx *ctx, const char *buf, size_t len,
                         uint32_t stages, size_t *bytes)
{
  dyad_doc *doc = dyad_doc_new(ctx);
  dyad_reader *r = dyad_reader_open_mem(buf, len, "corpus", 6, NULL);
  dyad_article art;
  dyad_status st;
  *bytes = 0;
  double t0 = cpu();
  while ((st = dyad_reader_next(r, &art)) != DYAD_EOF) {
    if (st != DYAD_OK)
      continue;
    dyad_doc_analyze(doc, &art, stages);
    *bytes += art.text_len;
  }
  double t = cpu() - t0;
  dyad_reader_free(r);
  dyad_doc_free(doc);
  return t;
}

/* The four runs interleaved, best of 3 each, so that a busy machine
 * slows them alike. */
static void speed(const char *shared)
{
  char path[1024];
  snprintf(path, sizeof(path), "%s/corpora/reuters21578.jsonl", shared);
  size_t len;
  char *buf = slurp(path, &len);
  if (!buf) {
    printf("SKIP geo_dev speed: %s not found\n", path);
    return;
  }
  dyad_ctx *with = loaded(0), *without = loaded(DYAD_CFG_NO_WHERE);
  if (!with || !without) {
    printf("geo_dev speed: cannot load the data\n");
    dyad_ctx_free(with);
    dyad_ctx_free(without);
    free(buf);
    return;
  }
  double best[4] = {1e30, 1e30, 1e30, 1e30};
  size_t bytes = 0;
  for (int rep = 0; rep < 3; rep++) {
    double t[4];
    t[0] = run_corpus(with, buf, len, DYAD_STAGE_ALL, &bytes);
    t[1] = run_corpus(without, buf, len, DYAD_STAGE_ALL, &bytes);
    t[2] = run_corpus(with, buf, len, DYAD_STAGE_TAGS, &bytes);
    t[3] = run_corpus(with, buf, len, DYAD_STAGE_WHERE, &bytes);
    for (int k = 0; k < 4; k++)
      if (t[k] < best[k])
        best[k] = t[k];
  }
  double mb = bytes / 1e6, place = best[3] - best[2];
  printf("  speed (%.1f MB Reuters text, CPU time, best of 3): all stages %.2f MB/s "
         "with places, %.2f MB/s without (%+.1f%% time); tags %.1f MB/s, "
         "tags+places %.1f MB/s: the places stage alone runs at %.0f MB/s, "
         "%.1f%% of the time of all stages\n",
         mb, mb / best[0], mb / best[1],
         100.0 * (best[0] - best[1]) / best[1], mb / best[2], mb / best[3],
         mb / (place > 0 ? place : 1e-9), 100.0 * place / best[1]);
  dyad_ctx_free(with);
  dyad_ctx_free(without);
  free(buf);
}

int main(int argc, char **argv)
{
  const char *shared = getenv("DYAD_SHARED");
  if (!shared || !*shared)
    shared = "../shared";
  int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
  int nospeed = argc > 1 && strcmp(argv[argc - 1], "--no-speed") == 0;
  int rc = accuracy(shared, verbose);
  if (!rc && !nospeed)
    speed(shared);
  return rc;
}
