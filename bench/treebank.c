/*
 * bench/treebank.c: measures sentence splitting and tokenization against
 * a CoNLL-U treebank ($DYAD_SHARED/treebanks/en_pud-ud-test.conllu, or
 * argv[1]).
 *
 * Each document ("# newdoc id") is rebuilt by joining the "# text = "
 * lines of its sentences with single spaces; it is tokenized and split,
 * and the predicted sentence boundaries (the byte offsets where sentences
 * 2..n begin) are compared with the gold ones. Prints boundary precision,
 * recall and F1, exact-sentence F1 (both ends right), and with -v the
 * gold sentences that were split or merged wrongly (for development;
 * nothing of the treebank is kept). Prints a SKIP line when absent.
 *
 * Tokens: the gold words (FORM of each word line) are located in the
 * text in order, giving gold spans; token P/R/F1 count exact span matches.
 * UD English splits most hyphenated compounds ("year - long") where we keep
 * one token (Penn style), so a second figure splits our HYPHEN tokens at
 * their hyphens before comparing ("UD hyphens").
 */
#include "internal.h"

#define MAXB 4096 /* boundaries per document */

#define MAXT 65536 /* tokens per document */

static int verbose; /* -v: print the disagreements */

struct docbuf {
  char *text;           /* the joined sentences */
  size_t len, cap;
  uint32_t gold[MAXB];  /* gold sentence starts */
  size_t ngold;
  uint32_t gtok[MAXT][2]; /* gold word spans [b, e) */
  size_t ngtok;
  size_t cur;           /* where the next gold word is looked for */
};

struct score {
  size_t tp, fp, fn;      /* boundaries */
  size_t stp, sgold, spred; /* exact sentences */
  size_t ttp, tpred, tgold; /* tokens, exact spans */
  size_t htp, hpred;        /* tokens with hyphen tokens split */
};

/* Locates a gold word form after d->cur in the text. */
static void add_word(struct docbuf *d, const char *form, size_t n)
{
  if (d->ngtok >= MAXT || n == 0)
    return;
  size_t p = d->cur;
  while (p < d->len && d->text[p] == ' ')
    p++;
  if (p + n <= d->len && memcmp(d->text + p, form, n) == 0) {
    d->gtok[d->ngtok][0] = (uint32_t)p;
    d->gtok[d->ngtok][1] = (uint32_t)(p + n);
    d->ngtok++;
    d->cur = p + n;
  }
}

/* Is [b, e) a gold token span? (Gold spans are sorted.) */
static int gold_tok(const struct docbuf *d, uint32_t b, uint32_t e)
{
  size_t lo = 0, hi = d->ngtok;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (d->gtok[mid][0] < b)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < d->ngtok && d->gtok[lo][0] == b && d->gtok[lo][1] == e;
}

/* Scores the tokens of doc against the gold words. */
static void score_tokens(const dyad_doc *doc, const struct docbuf *d,
                         struct score *sc)
{
  sc->tgold += d->ngtok;
  for (size_t i = 0; i < doc->toks.n; i++) {
    const dyad_token *t = &doc->toks.v[i];
    int ok = gold_tok(d, t->off, t->off + t->len);
    sc->tpred++;
    sc->ttp += (size_t)ok;
    if (!(t->flags & DYAD_TOKF_HYPHEN)) {
      sc->hpred++;
      sc->htp += (size_t)ok;
      if (!ok && verbose)
        printf("TOKEN: %.*s\n", (int)t->len, d->text + t->off);
      continue;
    }
    /* split at ASCII hyphens: a-b-c -> a - b - c */
    uint32_t b = t->off, e = t->off + t->len;
    for (uint32_t p = b; p <= e; p++) {
      if (p < e && d->text[p] != '-')
        continue;
      if (p > b) {
        sc->hpred++;
        sc->htp += (size_t)gold_tok(d, b, p);
      }
      if (p < e) {
        sc->hpred++;
        sc->htp += (size_t)gold_tok(d, p, p + 1);
      }
      b = p + 1;
    }
  }
}


static int add_text(struct docbuf *d, const char *s, size_t n)
{
  if (d->len + n + 2 > d->cap) {
    d->cap = (d->len + n + 2) * 2;
    d->text = realloc(d->text, d->cap);
    if (!d->text)
      return -1;
  }
  if (d->len) {
    d->text[d->len++] = ' ';
  }
  if (d->ngold < MAXB)
    d->gold[d->ngold++] = (uint32_t)d->len;
  memcpy(d->text + d->len, s, n);
  d->len += n;
  return 0;
}

static int has(const uint32_t *v, size_t n, uint32_t x)
{
  for (size_t i = 0; i < n; i++)
    if (v[i] == x)
      return 1;
  return 0;
}

/* Scores one document and resets the buffer. */
static void flush(dyad_doc *doc, struct docbuf *d, struct score *sc)
{
  if (d->len == 0)
    return;
  dyad_article a;
  memset(&a, 0, sizeof(a));
  a.text = d->text;
  a.text_len = d->len;
  a.date = 20170101;
  if (dyad_doc_analyze(doc, &a, DYAD_STAGE_SENTENCES) != DYAD_OK) {
    printf("analysis failed\n");
    exit(1);
  }
  static uint32_t pred[MAXB], pend[MAXB], gend[MAXB];
  size_t np = 0;
  for (size_t i = 0; i < doc->sents.n && np < MAXB; i++) {
    pred[np] = doc->sents.v[i].off;
    pend[np++] = doc->sents.v[i].off + doc->sents.v[i].len;
  }
  for (size_t i = 0; i < d->ngold; i++)
    gend[i] = i + 1 < d->ngold ? d->gold[i + 1] - 1 : (uint32_t)d->len;
  /* boundaries: starts of sentences after the first */
  for (size_t i = 1; i < np; i++) {
    if (has(d->gold + 1, d->ngold - 1, pred[i]))
      sc->tp++;
    else {
      sc->fp++;
      if (verbose)
        printf("FALSE SPLIT: ...%.*s|%.*s...\n",
               (int)(pred[i] < 40 ? pred[i] : 40),
               d->text + pred[i] - (pred[i] < 40 ? pred[i] : 40),
               (int)(d->len - pred[i] < 40 ? d->len - pred[i] : 40),
               d->text + pred[i]);
    }
  }
  for (size_t i = 1; i < d->ngold; i++)
    if (!has(pred + 1, np ? np - 1 : 0, d->gold[i])) {
      sc->fn++;
      if (verbose) {
        uint32_t g = d->gold[i];
        printf("MISSED SPLIT: ...%.*s|%.*s...\n", (int)(g < 40 ? g : 40),
               d->text + g - (g < 40 ? g : 40),
               (int)(d->len - g < 40 ? d->len - g : 40), d->text + g);
      }
    }
  score_tokens(doc, d, sc);
  for (size_t i = 0; i < np; i++)
    for (size_t k = 0; k < d->ngold; k++)
      if (pred[i] == d->gold[k] && pend[i] == gend[k])
        sc->stp++;
  sc->sgold += d->ngold;
  sc->spred += np;
  d->len = 0;
  d->ngold = 0;
  d->ngtok = 0;
  d->cur = 0;
}

static double f1(double p, double r)
{
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

int main(int argc, char **argv)
{
  const char *path = NULL;
  char buf[4096];
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0)
      verbose = 1;
    else
      path = argv[i];
  }
  if (!path) {
    const char *root = getenv("DYAD_SHARED");
    snprintf(buf, sizeof(buf), "%s/treebanks/en_pud-ud-test.conllu",
             root && *root ? root : "../shared");
    path = buf;
  }
  FILE *f = fopen(path, "r");
  if (!f) {
    printf("SKIP treebank: cannot read %s\n", path);
    return 0;
  }
  dyad_ctx *ctx = dyad_ctx_new(NULL);
  dyad_doc *doc = dyad_doc_new(ctx);
  static struct docbuf d;
  struct score sc = {0};
  size_t ndocs = 0;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t got;
  while ((got = getline(&line, &lcap, f)) > 0) {
    while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
      line[--got] = '\0';
    if (strncmp(line, "# newdoc", 8) == 0) {
      flush(doc, &d, &sc);
      ndocs++;
    } else if (strncmp(line, "# text = ", 9) == 0) {
      if (add_text(&d, line + 9, (size_t)got - 9))
        return 1;
    } else if (line[0] >= '1' && line[0] <= '9') {
      /* a word line: ID FORM ...; skip multiword ranges and empty nodes */
      char *tab = strchr(line, '\t');
      if (tab && !memchr(line, '-', (size_t)(tab - line)) &&
          !memchr(line, '.', (size_t)(tab - line))) {
        char *form = tab + 1;
        char *end = strchr(form, '\t');
        if (end)
          add_word(&d, form, (size_t)(end - form));
      }
    }
  }
  flush(doc, &d, &sc);
  free(line);
  fclose(f);
  double p = sc.tp + sc.fp ? (double)sc.tp / (double)(sc.tp + sc.fp) : 0;
  double r = sc.tp + sc.fn ? (double)sc.tp / (double)(sc.tp + sc.fn) : 0;
  double sp = sc.spred ? (double)sc.stp / (double)sc.spred : 0;
  double sr = sc.sgold ? (double)sc.stp / (double)sc.sgold : 0;
  printf("sentsplit: %zu documents, %zu gold sentences, %zu predicted\n",
         ndocs, sc.sgold, sc.spred);
  printf("sentsplit: boundaries P %.4f R %.4f F1 %.4f (tp %zu fp %zu fn "
         "%zu)\n", p, r, f1(p, r), sc.tp, sc.fp, sc.fn);
  printf("sentsplit: exact sentences P %.4f R %.4f F1 %.4f\n", sp, sr,
         f1(sp, sr));
  double tp_ = sc.tpred ? (double)sc.ttp / (double)sc.tpred : 0;
  double tr_ = sc.tgold ? (double)sc.ttp / (double)sc.tgold : 0;
  double hp_ = sc.hpred ? (double)sc.htp / (double)sc.hpred : 0;
  double hr_ = sc.tgold ? (double)sc.htp / (double)sc.tgold : 0;
  printf("tokens: %zu gold, %zu predicted: P %.4f R %.4f F1 %.4f\n",
         sc.tgold, sc.tpred, tp_, tr_, f1(tp_, tr_));
  printf("tokens (UD hyphens): P %.4f R %.4f F1 %.4f\n", hp_, hr_,
         f1(hp_, hr_));
  dyad_doc_free(doc);
  dyad_ctx_free(ctx);
  free(d.text);
  return 0;
}
