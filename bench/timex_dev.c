/*
 * timex_dev.c: accuracy and speed of the temporal tagger on the dates dev
 * set (../shared/devsets/dates/tbaq_timexes.tsv, TimeBank + AQUAINT), as
 * its README says to score it:
 *
 *   one document per doc_id: its distinct sentences in file order joined
 *   by "\n\n", dated with the creation date; run through DYAD_STAGE_WHEN
 *   (with phrases and clauses, which give the tense); for each gold row
 *   the predicted expression overlapping it most; correct when its value
 *   equals the gold value exactly.
 *
 * Prints exact-value accuracy for DATE, TIME, DATE+TIME and DURATION, the
 * share of gold rows that any prediction touches, and the throughput of
 * the parse with and without the WHEN stage. Nothing of the dev set is kept.
 *
 *   build/bench/timex_dev [TSV] [-v] [-a] [-q]
 *     -v lists the wrong DATE/TIME rows, -a every DATE/TIME row (HIT or
 *     MISS, to diff two runs), -q skips the speed measurement
 */
#include "internal.h"

#include <time.h>

#define MAXF 16

struct row {
  char *doc, *dct, *sent, *text, *gold, *type;
  size_t bs, be; /* byte offsets in the sentence */
};

struct gdoc {
  char *id;
  char *text;
  size_t len, cap;
  dyad_date date;
  /* distinct sentences and their offsets */
  char **sents;
  size_t *offs;
  size_t nsent, capsent;
};

static double now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int split(char *line, char **f, int max)
{
  int n = 0;
  f[n++] = line;
  for (char *p = line; *p && n < max; p++) {
    if (*p == '\t') {
      *p = '\0';
      f[n++] = p + 1;
    }
  }
  return n;
}

/* Offset of sentence s in doc d, adding it when new. */
static size_t sent_off(struct gdoc *d, const char *s)
{
  for (size_t i = 0; i < d->nsent; i++)
    if (!strcmp(d->sents[i], s))
      return d->offs[i];
  if (d->nsent == d->capsent) {
    d->capsent = d->capsent ? d->capsent * 2 : 16;
    d->sents = realloc(d->sents, d->capsent * sizeof(*d->sents));
    d->offs = realloc(d->offs, d->capsent * sizeof(*d->offs));
  }
  size_t sl = strlen(s);
  if (d->len)
    sl += 2;
  if (d->len + sl + 1 > d->cap) {
    d->cap = (d->len + sl + 1) * 2;
    d->text = realloc(d->text, d->cap);
  }
  if (d->len) {
    memcpy(d->text + d->len, "\n\n", 2);
    d->len += 2;
  }
  size_t off = d->len;
  memcpy(d->text + d->len, s, strlen(s));
  d->len += strlen(s);
  d->text[d->len] = '\0';
  d->sents[d->nsent] = (char *)s;
  d->offs[d->nsent++] = off;
  return off;
}

int main(int argc, char **argv)
{
  char pathbuf[1024];
  const char *path = NULL;
  int verbose = 0, all = 0, quick = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-v"))
      verbose = 1;
    else if (!strcmp(argv[i], "-a"))
      verbose = all = 1;
    else if (!strcmp(argv[i], "-q"))
      quick = 1;
    else
      path = argv[i];
  }
  if (!path) {
    const char *root = getenv("DYAD_SHARED");
    snprintf(pathbuf, sizeof(pathbuf), "%s/devsets/dates/tbaq_timexes.tsv",
             root && *root ? root : "../shared");
    path = pathbuf;
  }
  FILE *f = fopen(path, "r");
  if (!f) {
    printf("timex_dev: skipped ('%s' is absent)\n", path);
    return 0;
  }
  struct row *rows = NULL;
  size_t nrows = 0, caprows = 0;
  struct gdoc *docs = NULL;
  size_t ndocs = 0, capdocs = 0;
  size_t *rowdoc = NULL, *rowoff = NULL;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t ll;
  int header = 1;
  while ((ll = getline(&line, &lcap, f)) > 0) {
    if (header) {
      header = 0;
      continue;
    }
    while (ll > 0 && (line[ll - 1] == '\n' || line[ll - 1] == '\r'))
      line[--ll] = '\0';
    char *copy = strdup(line);
    char *fl[MAXF + 2];
    int nf = split(copy, fl, MAXF + 1);
    if (nf < 16)
      continue;
    if (nrows == caprows) {
      caprows = caprows ? caprows * 2 : 1024;
      rows = realloc(rows, caprows * sizeof(*rows));
      rowdoc = realloc(rowdoc, caprows * sizeof(*rowdoc));
      rowoff = realloc(rowoff, caprows * sizeof(*rowoff));
    }
    struct row *r = &rows[nrows];
    r->doc = fl[0];
    r->dct = fl[1];
    r->sent = fl[2];
    r->text = fl[3];
    r->gold = fl[4];
    r->type = fl[5];
    r->bs = strtoul(fl[14], NULL, 10);
    r->be = strtoul(fl[15], NULL, 10);
    size_t di = 0;
    while (di < ndocs && strcmp(docs[di].id, r->doc))
      di++;
    if (di == ndocs) {
      if (ndocs == capdocs) {
        capdocs = capdocs ? capdocs * 2 : 64;
        docs = realloc(docs, capdocs * sizeof(*docs));
      }
      memset(&docs[ndocs], 0, sizeof(docs[0]));
      docs[ndocs].id = r->doc;
      dyad_date_parse(r->dct, strlen(r->dct), &docs[ndocs].date);
      ndocs++;
    }
    rowdoc[nrows] = di;
    rowoff[nrows] = sent_off(&docs[di], r->sent);
    nrows++;
  }
  fclose(f);
  free(line);

  dyad_ctx *ctx = dyad_ctx_new(NULL);
  if (!ctx || dyad_ctx_load_lexicon(ctx) != DYAD_OK) {
    fprintf(stderr, "timex_dev: %s\n", ctx ? dyad_ctx_errmsg(ctx) : "oom");
    return 1;
  }
  dyad_doc *doc = dyad_doc_new(ctx);
  /* per type: gold, overlapped, correct */
  const char *types[] = {"DATE", "TIME", "DURATION", "SET"};
  size_t gold[4] = {0}, over[4] = {0}, ok[4] = {0};
  size_t bytes = 0;
  for (size_t di = 0; di < ndocs; di++) {
    dyad_article art;
    memset(&art, 0, sizeof(art));
    art.id = docs[di].id;
    art.id_len = strlen(docs[di].id);
    art.text = docs[di].text;
    art.text_len = docs[di].len;
    art.date = docs[di].date;
    bytes += docs[di].len;
    if (dyad_doc_analyze(doc, &art, DYAD_STAGE_PARSE | DYAD_STAGE_WHEN) !=
        DYAD_OK) {
      fprintf(stderr, "timex_dev: analysis failed on %s\n", docs[di].id);
      continue;
    }
    size_t nx;
    const dyad_timex *x = dyad_doc_timexes(doc, &nx);
    for (size_t ri = 0; ri < nrows; ri++) {
      if (rowdoc[ri] != di)
        continue;
      struct row *r = &rows[ri];
      int ti = -1;
      for (int k = 0; k < 4; k++)
        if (!strcmp(r->type, types[k]))
          ti = k;
      if (ti < 0)
        continue;
      size_t gb = rowoff[ri] + r->bs, ge = rowoff[ri] + r->be;
      size_t best = 0;
      const dyad_timex *bx = NULL;
      for (size_t k = 0; k < nx; k++) {
        size_t b = x[k].span.off, e = b + x[k].span.len;
        size_t lo = b > gb ? b : gb, hi = e < ge ? e : ge;
        if (hi > lo && hi - lo > best) {
          best = hi - lo;
          bx = &x[k];
        }
      }
      gold[ti]++;
      if (bx)
        over[ti]++;
      int good = bx && !strcmp(bx->value, r->gold);
      if (good)
        ok[ti]++;
      if (verbose && (!good || all) && ti <= 1)
        printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", good ? "HIT" : "MISS",
               r->dct, r->text, r->gold,
               bx ? bx->value : "-",
               bx ? "" : "(none)", r->sent);
    }
  }
  printf("timex_dev: %zu documents, %zu gold rows\n", ndocs, nrows);
  for (int k = 0; k < 4; k++)
    printf("  %-8s %4zu gold  %4zu overlapped  %4zu exact  %.1f%%\n",
           types[k], gold[k], over[k], ok[k],
           gold[k] ? 100.0 * (double)ok[k] / (double)gold[k] : 0.0);
  printf("  DATE+TIME %4zu gold  %4zu exact  %.1f%%\n", gold[0] + gold[1],
         ok[0] + ok[1],
         100.0 * (double)(ok[0] + ok[1]) / (double)(gold[0] + gold[1]));

  /* speed: the whole set several times, parse with and without WHEN */
  uint32_t modes[2] = {DYAD_STAGE_PARSE, DYAD_STAGE_PARSE | DYAD_STAGE_WHEN};
  double secs[2] = {1, 1};
  for (int m = 0; m < 2 && !quick; m++) {
    double best = 1e9;
    for (int rep = 0; rep < 5; rep++) {
      double t0 = now_s();
      for (size_t di = 0; di < ndocs; di++) {
        dyad_article art;
        memset(&art, 0, sizeof(art));
        art.id = docs[di].id;
        art.id_len = strlen(docs[di].id);
        art.text = docs[di].text;
        art.text_len = docs[di].len;
        art.date = docs[di].date;
        dyad_doc_analyze(doc, &art, modes[m]);
      }
      double dt = now_s() - t0;
      if (dt < best)
        best = dt;
    }
    secs[m] = best;
  }
  if (!quick)
    printf("  speed: parse %.1f MB/s, parse+when %.1f MB/s (when alone %.1f "
         "MB/s; %zu bytes, CPU time, best of 5)\n",
         (double)bytes / secs[0] / 1e6, (double)bytes / secs[1] / 1e6,
         secs[1] > secs[0] ? (double)bytes / (secs[1] - secs[0]) / 1e6 : 0.0,
         bytes);
  dyad_doc_free(doc);
  dyad_ctx_free(ctx);
  for (size_t i = 0; i < ndocs; i++) {
    free(docs[i].text);
    free(docs[i].sents);
    free(docs[i].offs);
  }
  for (size_t i = 0; i < nrows; i++)
    free(rows[i].doc);
  free(docs);
  free(rows);
  free(rowdoc);
  free(rowoff);
  return 0;
}
