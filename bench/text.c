/*
 * bench/text.c: throughput of the text stage over the Reuters-21578
 * article bodies in $DYAD_SHARED/corpora/reuters21578.jsonl: tokenize;
 * tokenize + sentence split; + tagging; + phrases and clauses (the whole
 * text stage, DYAD_STAGE_PARSE; its target is 50 MB/s on one core). The
 * last two rows need the lexicon ($DYAD_DATA) and are skipped without it.
 *
 * All texts are loaded into memory first (cJSON), then each stage set is
 * run over the whole corpus RUNS times (DYAD_BENCH_RUNS, default 9) with
 * one reused dyad_doc, timed in process CPU time; the median run is
 * reported in MB/s of text, tokens/s and sentences/s, and the best run in
 * MB/s (on a shared machine the best is the steadier figure of the code's
 * own speed), with the rate of the stage each row adds alone.
 * DYAD_BENCH_ARTICLES=N keeps only the first N articles (for callgrind);
 * DYAD_BENCH_ONLY=parse runs only the last row (the whole text stage, for
 * profiles of it alone).
 * Prints a SKIP line when the corpus is absent. Never part of make test.
 */
#include "internal.h"

#include <cjson/cJSON.h>
#include <time.h>

#define RUNS_DEFAULT 9

struct corpus {
  char **text;   /* article bodies */
  size_t *len;   /* their lengths */
  size_t n, cap; /* articles */
  size_t bytes;  /* total text bytes */
};

/* CPU time of this (single-threaded) process: on a shared machine it
 * counts only the time the code itself ran. */
static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Loads the "text" member of every JSON line of path. */
static int load(const char *path, struct corpus *c)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return -1;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t got;
  while ((got = getline(&line, &lcap, f)) > 0) {
    cJSON *o = cJSON_ParseWithLength(line, (size_t)got);
    const cJSON *t = o ? cJSON_GetObjectItemCaseSensitive(o, "text") : NULL;
    if (cJSON_IsString(t)) {
      if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        c->text = realloc(c->text, c->cap * sizeof(*c->text));
        c->len = realloc(c->len, c->cap * sizeof(*c->len));
        if (!c->text || !c->len)
          return -1;
      }
      size_t n = strlen(t->valuestring);
      c->text[c->n] = malloc(n + 1);
      if (!c->text[c->n])
        return -1;
      memcpy(c->text[c->n], t->valuestring, n + 1);
      c->len[c->n++] = n;
      c->bytes += n;
    }
    cJSON_Delete(o);
  }
  free(line);
  fclose(f);
  return 0;
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Runs the stages over the corpus RUNS times; prints the median and the
 * best, and the best time of this row less the best of the previous row
 * (*prev_best, updated) as the rate of the stage the row adds. */
static void run(dyad_ctx *ctx, const struct corpus *c, uint32_t stages,
                const char *name, int RUNS, double *prev_best)
{
  dyad_doc *doc = dyad_doc_new(ctx);
  double t[64];
  size_t ntok = 0, nsent = 0;
  for (int r = 0; r < RUNS; r++) {
    ntok = nsent = 0;
    double t0 = now();
    for (size_t i = 0; i < c->n; i++) {
      dyad_article a;
      memset(&a, 0, sizeof(a));
      a.text = c->text[i];
      a.text_len = c->len[i];
      a.date = 19870226;
      if (dyad_doc_analyze(doc, &a, stages) != DYAD_OK) {
        printf("analysis failed on article %zu\n", i);
        return;
      }
      ntok += doc->toks.n;
      nsent += doc->sents.n;
    }
    t[r] = now() - t0;
  }
  qsort(t, RUNS, sizeof(t[0]), cmp_double);
  double med = t[RUNS / 2], best = t[0];
  double stage = best - *prev_best;
  printf("%-16s median %7.1f MB/s %6.2f Mtok/s %8.0f sent/s | best %7.1f "
         "MB/s, stage alone %7.1f MB/s (%zu tokens, %zu sentences, %d runs)\n",
         name, (double)c->bytes / med / 1e6, (double)ntok / med / 1e6,
         (double)nsent / med, (double)c->bytes / best / 1e6,
         stage > 0 ? (double)c->bytes / stage / 1e6 : 0.0, ntok, nsent, RUNS);
  *prev_best = best;
  dyad_doc_free(doc);
}

int main(void)
{
  const char *root = getenv("DYAD_SHARED");
  char path[4096];
  snprintf(path, sizeof(path), "%s/corpora/reuters21578.jsonl",
           root && *root ? root : "../shared");
  struct corpus c = {0};
  if (load(path, &c) != 0 || c.n == 0) {
    printf("SKIP text: cannot read %s\n", path);
    return 0;
  }
  /* DYAD_BENCH_ARTICLES=N keeps the first N articles (for callgrind). */
  const char *na = getenv("DYAD_BENCH_ARTICLES");
  if (na && *na) {
    size_t keep = (size_t)strtoul(na, NULL, 10);
    while (keep > 0 && c.n > keep) {
      c.bytes -= c.len[--c.n];
      free(c.text[c.n]);
    }
  }
  printf("text: %zu articles, %.2f MB of text\n", c.n, (double)c.bytes / 1e6);
  const char *rs = getenv("DYAD_BENCH_RUNS");
  int runs = rs && *rs ? (int)strtol(rs, NULL, 10) : RUNS_DEFAULT;
  if (runs < 1 || runs > 64)
    runs = RUNS_DEFAULT;
  const char *only = getenv("DYAD_BENCH_ONLY");
  int parse_only = only && strcmp(only, "parse") == 0;
  dyad_ctx *ctx = dyad_ctx_new(NULL);
  double prev = 0;
  if (!parse_only) {
    run(ctx, &c, DYAD_STAGE_TOKENS, "tokenize", runs, &prev);
    run(ctx, &c, DYAD_STAGE_SENTENCES, "tokenize+split", runs, &prev);
  }
  double t0 = now();
  dyad_status ls = dyad_ctx_load_lexicon(ctx);
  printf("lexicon load: %.1f ms CPU\n", (now() - t0) * 1e3);
  if (ls == DYAD_OK) {
    if (!parse_only)
      run(ctx, &c, DYAD_STAGE_TAGS, "+tag", runs, &prev);
    run(ctx, &c, DYAD_STAGE_PARSE, "+phrases (text)", runs, &prev);
  } else {
    printf("(no lexicon: %s; tag and phrase rows skipped)\n",
           dyad_ctx_errmsg(ctx));
  }
  dyad_ctx_free(ctx);
  for (size_t i = 0; i < c.n; i++)
    free(c.text[i]);
  free(c.text);
  free(c.len);
  return 0;
}
