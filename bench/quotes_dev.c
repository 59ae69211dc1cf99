/*
 * quotes_dev.c: accuracy and speed of the quotation stage on the PolNeAR
 * dev set (../shared/devsets/quotes), scored as its README says:
 *
 *   each article is coded with its doc_id as id and publication_date as
 *   date; each of the 615 gold direct quotes counts as found when some
 *   quote we predict shares bytes with its quote_marked span, and its
 *   speaker as right when the speaker of our best-overlapping quote
 *   shares bytes with the gold speaker, or (for a gold speaker that is
 *   no pronoun) when the two have a name word in common.
 *
 * Gold offsets count code points; a row's context begins at the first
 * source span's start less speaker_start_in_context (both from the
 * attributions file); this file converts them to bytes. Also prints the
 * throughput of the pipeline through PHRASES, +WHEN, +WHEN+QUOTES.
 * Nothing of the dev set is kept.
 *
 *   build/bench/quotes_dev [-v] [-a] [-q]
 *     -v lists the wrong rows, -a every row (HIT or MISS, to diff two
 *     runs), -q skips the speed measurement
 */
#include "internal.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <time.h>

static double now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct art {
  char *id, *text;
  size_t len;
  dyad_date date;
  size_t *cp2b; /* code point -> byte offset, ncp + 1 entries */
  size_t ncp;
};

struct attrib {
  char *doc, *id;
  long src0; /* source_spans[0][0], code points */
};

static char *slurp(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (fread(b, 1, (size_t)n, f) != (size_t)n) {
    fclose(f);
    free(b);
    return NULL;
  }
  b[n] = '\0';
  fclose(f);
  *len = (size_t)n;
  return b;
}

/* Words of a mention that name someone: capitalised, 3+ letters, not a
 * title or generic word. 1 when a and b share one. */
static int share_name(const char *a, size_t an, const char *b, size_t bn)
{
  static const char *const generic[] = {"The", "Spokesman", "Spokeswoman",
                                        "President", "Sen", "Rep", "Gov",
                                        "Mr", "Mrs", "Ms", "Dr", "Republican",
                                        "Democratic", "Democrat", "Rival",
                                        "Former", "Secretary", "State"};
  size_t i = 0;
  while (i < an) {
    while (i < an && !isalpha((unsigned char)a[i]))
      i++;
    size_t s = i;
    while (i < an && isalpha((unsigned char)a[i]))
      i++;
    size_t wl = i - s;
    if (wl < 3 || !isupper((unsigned char)a[s]))
      continue;
    int gen = 0;
    for (size_t g = 0; g < sizeof(generic) / sizeof(generic[0]); g++)
      if (strlen(generic[g]) == wl && !memcmp(generic[g], a + s, wl))
        gen = 1;
    if (gen)
      continue;
    for (size_t j = 0; j + wl <= bn; j++)
      if (!memcmp(b + j, a + s, wl) &&
          (j == 0 || !isalpha((unsigned char)b[j - 1])) &&
          (j + wl == bn || !isalpha((unsigned char)b[j + wl])))
        return 1;
  }
  return 0;
}

static int is_pronoun(const char *s)
{
  static const char *const p[] = {"he", "she", "it", "i", "they", "who",
                                  "which", "her", "him", "we", "you"};
  for (size_t k = 0; k < sizeof(p) / sizeof(p[0]); k++)
    if (!strcasecmp(s, p[k]))
      return 1;
  return 0;
}

int main(int argc, char **argv)
{
  int verbose = 0, all = 0, quick = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-v"))
      verbose = 1;
    else if (!strcmp(argv[i], "-a"))
      verbose = all = 1;
    else if (!strcmp(argv[i], "-q"))
      quick = 1;
  }
  const char *root = getenv("DYAD_SHARED");
  if (!root || !*root)
    root = "../shared";
  char path[1024];
  size_t len;
  /* articles */
  snprintf(path, sizeof(path), "%s/devsets/quotes/polnear_dev_articles.jsonl",
           root);
  char *abuf = slurp(path, &len);
  if (!abuf) {
    printf("quotes_dev: skipped ('%s' is absent)\n", path);
    return 0;
  }
  struct art *arts = calloc(200, sizeof(*arts));
  size_t narts = 0;
  for (char *line = abuf; line && *line && narts < 200;) {
    char *nl = strchr(line, '\n');
    if (nl)
      *nl = '\0';
    cJSON *o = cJSON_Parse(line);
    if (o) {
      struct art *a = &arts[narts++];
      a->id = strdup(cJSON_GetObjectItem(o, "doc_id")->valuestring);
      a->text = strdup(cJSON_GetObjectItem(o, "text")->valuestring);
      a->len = strlen(a->text);
      const char *d = cJSON_GetObjectItem(o, "publication_date")->valuestring;
      dyad_date_parse(d, strlen(d), &a->date);
      a->cp2b = malloc((a->len + 2) * sizeof(size_t));
      size_t cp = 0;
      for (size_t b = 0; b < a->len; b++)
        if (((unsigned char)a->text[b] & 0xc0) != 0x80)
          a->cp2b[cp++] = b;
      a->cp2b[cp] = a->len;
      a->ncp = cp;
      cJSON_Delete(o);
    }
    line = nl ? nl + 1 : NULL;
  }
  /* attributions */
  snprintf(path, sizeof(path),
           "%s/devsets/quotes/polnear_dev_attributions.jsonl", root);
  char *tbuf = slurp(path, &len);
  if (!tbuf) {
    fprintf(stderr, "quotes_dev: cannot open '%s'\n", path);
    return 1;
  }
  struct attrib *ats = calloc(4000, sizeof(*ats));
  size_t nats = 0;
  for (char *line = tbuf; line && *line && nats < 4000;) {
    char *nl = strchr(line, '\n');
    if (nl)
      *nl = '\0';
    cJSON *o = cJSON_Parse(line);
    if (o) {
      cJSON *ss = cJSON_GetObjectItem(o, "source_spans");
      if (cJSON_GetArraySize(ss) > 0) {
        struct attrib *t = &ats[nats++];
        t->doc = strdup(cJSON_GetObjectItem(o, "doc_id")->valuestring);
        t->id = strdup(cJSON_GetObjectItem(o, "attribution_id")->valuestring);
        t->src0 = (long)cJSON_GetArrayItem(cJSON_GetArrayItem(ss, 0), 0)
                      ->valuedouble;
      }
      cJSON_Delete(o);
    }
    line = nl ? nl + 1 : NULL;
  }
  /* gold rows */
  snprintf(path, sizeof(path),
           "%s/devsets/quotes/polnear_dev_direct_quotes.tsv", root);
  char *gbuf = slurp(path, &len);
  if (!gbuf) {
    fprintf(stderr, "quotes_dev: cannot open '%s'\n", path);
    return 1;
  }
  dyad_ctx *ctx = dyad_ctx_new(NULL);
  if (!ctx || dyad_ctx_load_lexicon(ctx) != DYAD_OK) {
    fprintf(stderr, "quotes_dev: cannot load the lexicon\n");
    return 1;
  }
  dyad_doc *doc = dyad_doc_new(ctx);
  size_t rows = 0, found = 0, right = 0, prows = 0, pright = 0, viares = 0;
  size_t cur = (size_t)-1;
  int header = 1;
  for (char *line = gbuf; line && *line;) {
    char *nl = strchr(line, '\n');
    if (nl)
      *nl = '\0';
    char *f[24];
    int nf = 0;
    f[nf++] = line;
    for (char *p = line; *p && nf < 24; p++)
      if (*p == '\t') {
        *p = '\0';
        f[nf++] = p + 1;
      }
    line = nl ? nl + 1 : NULL;
    if (header || nf < 20) {
      header = 0;
      continue;
    }
    size_t ai = 0;
    while (ai < narts && strcmp(arts[ai].id, f[0]))
      ai++;
    if (ai == narts)
      continue;
    long src0 = -1;
    for (size_t k = 0; k < nats; k++)
      if (!strcmp(ats[k].doc, f[0]) && !strcmp(ats[k].id, f[10]))
        src0 = ats[k].src0;
    if (src0 < 0)
      continue;
    struct art *a = &arts[ai];
    if (ai != cur) {
      dyad_article in;
      memset(&in, 0, sizeof(in));
      in.id = a->id;
      in.id_len = strlen(a->id);
      in.text = a->text;
      in.text_len = a->len;
      in.date = a->date;
      dyad_doc_analyze(doc, &in, DYAD_STAGE_PARSE | DYAD_STAGE_QUOTES);
      cur = ai;
    }
    long ctx0 = src0 - strtol(f[7], NULL, 10);
    long qb = ctx0 + strtol(f[12], NULL, 10), qe = ctx0 + strtol(f[13], NULL, 10);
    long sb = ctx0 + strtol(f[7], NULL, 10), se = ctx0 + strtol(f[8], NULL, 10);
    if (qb < 0 || qe > (long)a->ncp || se > (long)a->ncp)
      continue;
    size_t gqb = a->cp2b[qb], gqe = a->cp2b[qe];
    size_t gsb = a->cp2b[sb], gse = a->cp2b[se];
    rows++;
    int pron = is_pronoun(f[6]);
    prows += pron;
    size_t nq;
    const dyad_quote *q = dyad_doc_quotes(doc, &nq);
    const dyad_quote *best = NULL;
    size_t bo = 0;
    int ok = 0;
    for (size_t k = 0; k < nq; k++) {
      size_t b = q[k].span.off, e = b + q[k].span.len;
      size_t lo = b > gqb ? b : gqb, hi = e < gqe ? e : gqe;
      if (hi > lo && hi - lo > bo) {
        bo = hi - lo;
        best = &q[k];
      }
    }
    if (best) {
      found++;
      size_t b = best->speaker_span.off, e = b + best->speaker_span.len;
      if (best->speaker_span.len &&
          ((b < gse && e > gsb) ||
           (!pron && share_name(a->text + b, e - b, f[6], strlen(f[6])))))
        ok = 1;
      /* a pronoun or description we resolved to the gold's named person */
      size_t nph;
      const dyad_phrase *ph = dyad_doc_phrases(doc, &nph);
      if (!ok && !pron && best->speaker_phrase >= 0 &&
          (size_t)best->speaker_phrase < nph) {
        const dyad_phrase *r = &ph[best->speaker_phrase];
        size_t ntk;
        const dyad_token *tk = dyad_doc_tokens(doc, &ntk);
        size_t rb = tk[r->tok].off;
        size_t re = tk[r->tok + r->ntok - 1].off + tk[r->tok + r->ntok - 1].len;
        if (share_name(a->text + rb, re - rb, f[6], strlen(f[6])))
          ok = 2;
      }
    }
    right += ok != 0;
    pright += ok && pron;
    viares += ok == 2;
    if (verbose && (!ok || all)) {
      size_t cb = gsb < gqb ? gsb : gqb, ce = gse > gqe ? gse : gqe;
      if (ce - cb > 400)
        ce = cb + 400;
      printf("%s\t%s\tgold=%s\tcue=%s\tgot=%.*s\t%s\t", ok ? "HIT" : "MISS",
             f[0], f[6], f[9], best ? (int)best->speaker_span.len : 1,
             best ? a->text + best->speaker_span.off : "-",
             best ? "" : "(quote not found)");
      for (size_t k = cb; k < ce; k++)
        putchar(a->text[k] == '\n' || a->text[k] == '\t' ? ' ' : a->text[k]);
      putchar('\n');
    }
  }
  printf("quotes_dev: %zu gold quotes, %zu found (%.1f%%), speaker right %zu "
         "(%.1f%%); pronoun golds %zu/%zu, others %zu/%zu\n",
         rows, found, 100.0 * (double)found / (double)rows, right,
         100.0 * (double)right / (double)rows, pright, prows, right - pright,
         rows - prows);
  printf("  (of the right ones, %zu by the resolved name of a pronoun or "
         "description mention)\n", viares);
  /* speed (CPU time, best of 5): the parse with and without WHEN and
   * QUOTES, and the whole pipeline (coder included, default
   * dictionaries) with and without them */
  size_t bytes = 0;
  for (size_t i = 0; i < narts && !quick; i++)
    bytes += arts[i].len;
  dyad_config cfg_off = {NULL, NULL, NULL,
                         DYAD_CFG_NO_WHEN | DYAD_CFG_NO_QUOTES};
  dyad_ctx *full = dyad_ctx_new(NULL), *bare = dyad_ctx_new(&cfg_off);
  int have_all = full && bare && dyad_ctx_load_defaults(full) == DYAD_OK &&
                 dyad_ctx_load_defaults(bare) == DYAD_OK;
  struct {
    const char *name;
    dyad_ctx *c;
    uint32_t stages;
  } modes[] = {
      {"parse", ctx, DYAD_STAGE_PARSE},
      {"parse+when", ctx, DYAD_STAGE_PARSE | DYAD_STAGE_WHEN},
      {"parse+when+quotes", ctx,
       DYAD_STAGE_PARSE | DYAD_STAGE_WHEN | DYAD_STAGE_QUOTES},
      {"all, no when/quotes", bare, DYAD_STAGE_ALL},
      {"all", full, DYAD_STAGE_ALL},
  };
  double rate[5] = {0};
  for (int m = 0; m < 5; m++) {
    if ((m >= 3 && !have_all) || quick)
      break;
    dyad_doc *d = dyad_doc_new(modes[m].c);
    double bestt = 1e9;
    for (int rep = 0; rep < 5; rep++) {
      double t0 = now_s();
      for (size_t i = 0; i < narts; i++) {
        dyad_article in;
        memset(&in, 0, sizeof(in));
        in.id = arts[i].id;
        in.id_len = strlen(arts[i].id);
        in.text = arts[i].text;
        in.text_len = arts[i].len;
        in.date = arts[i].date;
        dyad_doc_analyze(d, &in, modes[m].stages);
      }
      double dt = now_s() - t0;
      if (dt < bestt)
        bestt = dt;
    }
    dyad_doc_free(d);
    rate[m] = (double)bytes / bestt / 1e6;
    printf("  %-20s %6.2f MB/s (%zu bytes, CPU time, best of 5)\n",
           modes[m].name, rate[m], bytes);
  }
  if (rate[4] > 0)
    printf("  when+quotes cost %.1f%% of the whole pipeline's throughput\n",
           100.0 * (1.0 - rate[4] / rate[3]));
  dyad_ctx_free(full);
  dyad_ctx_free(bare);
  dyad_doc_free(doc);
  dyad_ctx_free(ctx);
  for (size_t i = 0; i < narts; i++) {
    free(arts[i].id);
    free(arts[i].text);
    free(arts[i].cp2b);
  }
  for (size_t i = 0; i < nats; i++) {
    free(ats[i].doc);
    free(ats[i].id);
  }
  free(arts);
  free(ats);
  free(abuf);
  free(tbuf);
  free(gbuf);
  return 0;
}
