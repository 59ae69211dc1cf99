/*
 * clauses.c: measures the shallow parser's clause roles against a UD
 * treebank (by default ../shared/treebanks/en_pud-ud-test.conllu, read at
 * run time; nothing from it is stored in the project).
 *
 * The treebank's own tokens, Penn tags (XPOS) and lemmas are fed to
 * dyad__phrases, so the figures measure the phrase and clause parser alone,
 * not the tokenizer or the tagger. Scores:
 * - subject (basic): for each gold nsubj / nsubj:pass whose head is a
 *   VERB, does the clause whose verb group is headed by that verb have a
 *   subject NP whose head is the gold dependent? Subjects that the parser
 *   inherits (coordination, control) are not counted as predictions, since
 *   basic UD does not mark them; a relative clause whose relative pronoun
 *   is the subject predicts that pronoun.
 * - subject (enhanced): the same against the enhanced graph (DEPS column),
 *   which also marks inherited subjects (conj, xsubj, relative antecedent);
 *   every predicted subject counts.
 * - object (basic): gold obj with a VERB head against the clause's obj.
 * Also times dyad__phrases over the whole treebank.
 *
 * With -t the treebank's tags and lemmas are replaced by our own tagger's
 * (tokens stay gold), which measures the parser as the pipeline runs it.
 *
 * Usage: clauses [FILE.conllu] [-t] [-v|-vv]   (-v lists the mismatches,
 * -vv also those against the enhanced graph)
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct gold {
  int32_t head;     /* doc token index, -1 root */
  uint8_t rel;      /* R_* */
  uint8_t verb;     /* UPOS VERB */
  uint8_t relpron;  /* PronType=Rel */
};
enum { R_OTHER = 0, R_NSUBJ, R_OBJ, R_FLAT };

struct epair {
  int32_t head, dep;
};

struct prf {
  long tp, pred, gold;
};

static double now(void)
{
  struct timespec ts;
  /* CPU time: the machine may be shared */
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  if (buf) {
    buf[n] = '\0';
    *len = (size_t)n;
  }
  return buf;
}

/* Splits line into up to 10 tab-separated fields (in place). */
static int fields(char *line, char **f)
{
  int n = 0;
  f[n++] = line;
  for (char *p = line; *p && n < 10; p++)
    if (*p == '\t') {
      *p = '\0';
      f[n++] = p + 1;
    }
  return n;
}

static int num(const char *s)
{
  long v = strtol(s, NULL, 10);
  return v < 0 || v > 1000000 ? 0 : (int)v;
}

/* The kind a tokenizer would give a gold token (from its UPOS and its
 * first character). */
static int kind_of(const char *form, const char *upos)
{
  unsigned char c = (unsigned char)form[0];
  if (strcmp(upos, "PUNCT") == 0) {
    if (c == '"' || c == '`' || (c == '\'' && !form[1]) ||
        strncmp(form, "\xe2\x80\x9c", 3) == 0 ||
        strncmp(form, "\xe2\x80\x9d", 3) == 0 ||
        strncmp(form, "\xe2\x80\x98", 3) == 0 ||
        strncmp(form, "\xe2\x80\x99", 3) == 0)
      return DYAD_TK_QUOTE;
    return DYAD_TK_PUNCT;
  }
  if (c >= '0' && c <= '9')
    return DYAD_TK_NUM;
  if (strcmp(upos, "SYM") == 0)
    return DYAD_TK_SYMBOL;
  return DYAD_TK_WORD;
}

static uint32_t intern(dyad_ctx *ctx, const char *s, size_t n)
{
  char buf[256];
  size_t k = dyad__fold(s, n, buf, sizeof(buf));
  if (k == (size_t)-1)
    return 0;
  return dyad__vocab_add(&ctx->vocab, buf, k);
}

/* UD heads a multiword name ("Kori Schulman", flat) on its first word; the
 * parser heads it on its last. Maps a predicted head to the UD one. */
static int32_t unflat(const struct gold *g, int32_t d)
{
  for (int k = 0; k < 8 && g[d].rel == R_FLAT && g[d].head >= 0; k++)
    d = g[d].head;
  return d;
}

static void report(const char *name, const struct prf *s)
{
  double p = s->pred ? (double)s->tp / s->pred : 0;
  double r = s->gold ? (double)s->tp / s->gold : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  printf("%-20s P %.3f  R %.3f  F1 %.3f   (tp %ld, predicted %ld, gold %ld)\n",
         name, p, r, f, s->tp, s->pred, s->gold);
}

int main(int argc, char **argv)
{
  const char *path = NULL;
  int verbose = 0, own_tags = 0;
  char def[1024];
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0)
      verbose = 1;
    else if (strcmp(argv[i], "-t") == 0)
      own_tags = 1;
    else if (strcmp(argv[i], "-vv") == 0)
      verbose = 2;
    else
      path = argv[i];
  }
  if (!path) {
    const char *root = getenv("DYAD_SHARED");
    snprintf(def, sizeof(def), "%s/treebanks/en_pud-ud-test.conllu",
             root && *root ? root : "../shared");
    path = def;
  }
  size_t len;
  char *data = slurp(path, &len);
  if (!data) {
    printf("clauses: %s not found, skipped\n", path);
    return 0;
  }
  dyad_ctx *ctx = dyad_ctx_new(NULL);
  if (ctx && own_tags && dyad_ctx_load_lexicon(ctx) != DYAD_OK) {
    printf("clauses: %s\n", dyad_ctx_errmsg(ctx));
    dyad_ctx_free(ctx);
    free(data);
    return 1;
  }
  dyad_doc *doc = ctx ? dyad_doc_new(ctx) : NULL;
  if (!doc)
    return 1;
  const struct dyad_allocator *a = &ctx->alloc;
  /* the stages may load 8 bytes at any token: the text is followed by
   * DYAD_TEXT_PAD zero bytes, as dyad_doc_analyze leaves it */
  char *text = dyad__arena_alloc(&doc->arena, len + DYAD_TEXT_PAD);
  size_t tlen = 0;
  struct gold *g = calloc(len / 8 + 16, sizeof(*g));
  struct epair *ep = calloc(len / 8 + 16, sizeof(*ep));
  uint8_t *gold_tag = calloc(len / 8 + 16, 1);
  size_t nep = 0;
  if (!text || !g || !ep || !gold_tag)
    return 1;
  /* pass 1: tokens and sentences; heads are sentence-relative for now */
  uint32_t sent_start = 0;
  char *line = data;
  while (line && *line != '\0') {
    char *nl = strchr(line, '\n');
    if (nl)
      *nl = '\0';
    if (*line == '\0' || *line == '\r') {
      if (doc->toks.n > sent_start) {
        dyad_sentence *s = dyad_vec_push(a, doc->sents);
        s->tok = sent_start;
        s->ntok = (uint32_t)doc->toks.n - sent_start;
        s->off = doc->toks.v[sent_start].off;
        sent_start = (uint32_t)doc->toks.n;
      }
    } else if (*line != '#') {
      char *f[10];
      if (fields(line, f) == 10 && !strchr(f[0], '-') && !strchr(f[0], '.')) {
        dyad_token *t = dyad_vec_push(a, doc->toks);
        size_t wl = strlen(f[1]);
        if (tlen)
          text[tlen++] = ' ';
        t->off = (uint32_t)tlen;
        t->len = (uint32_t)wl;
        memcpy(text + tlen, f[1], wl);
        tlen += wl;
        t->kind = (uint8_t)kind_of(f[1], f[3]);
        if (!own_tags) {
          t->form = intern(ctx, f[1], wl);
          t->lemma = intern(ctx, f[2], strlen(f[2]));
          t->tag = (uint8_t)dyad_tag_parse(f[4], strlen(f[4]));
        } else if (t->kind == DYAD_TK_WORD) {
          int up = 0, low = 0;
          for (const char *q = f[1]; *q; q++) {
            up += *q >= 'A' && *q <= 'Z';
            low += *q >= 'a' && *q <= 'z';
          }
          if (up && !low)
            t->flags |= DYAD_TOKF_ALLCAPS;
          if (f[1][0] == '\'' || strcmp(f[1], "n't") == 0 ||
              strcmp(f[1], "n\xe2\x80\x99t") == 0)
            t->flags |= DYAD_TOKF_CLITIC;
        }
        if (f[1][0] >= 'A' && f[1][0] <= 'Z')
          t->flags |= DYAD_TOKF_CAP;
        size_t ti = doc->toks.n - 1;
        gold_tag[ti] = (uint8_t)dyad_tag_parse(f[4], strlen(f[4]));
        int h = num(f[6]);
        g[ti].head = h == 0 ? -1 : (int32_t)(sent_start + h - 1);
        g[ti].verb = strcmp(f[3], "VERB") == 0;
        g[ti].relpron = strstr(f[5], "PronType=Rel") != NULL;
        g[ti].rel = strcmp(f[7], "nsubj") == 0 ||
                            strcmp(f[7], "nsubj:pass") == 0
                        ? R_NSUBJ
                    : strcmp(f[7], "obj") == 0 ? R_OBJ
                    : strncmp(f[7], "flat", 4) == 0 ? R_FLAT
                                                     : R_OTHER;
        /* enhanced: "20:nsubj|29:nsubj:xsubj" */
        char *d = f[8];
        while (d && *d) {
          char *bar = strchr(d, '|');
          if (bar)
            *bar = '\0';
          char *colon = strchr(d, ':');
          if (colon && strncmp(colon + 1, "nsubj", 5) == 0 &&
              !memchr(d, '.', (size_t)(colon - d))) {
            int eh = num(d);
            if (eh > 0) {
              ep[nep].head = (int32_t)(sent_start + eh - 1);
              ep[nep].dep = (int32_t)ti;
              nep++;
            }
          }
          d = bar ? bar + 1 : NULL;
        }
      }
    }
    line = nl ? nl + 1 : NULL;
  }
  if (doc->toks.n > sent_start) {
    dyad_sentence *s = dyad_vec_push(a, doc->sents);
    s->tok = sent_start;
    s->ntok = (uint32_t)doc->toks.n - sent_start;
  }
  memset(text + tlen, 0, DYAD_TEXT_PAD);
  doc->text = text;
  doc->text_len = tlen;

  if (own_tags && dyad__tag(doc) != DYAD_OK)
    return 1;
  if (own_tags) {
    long ok = 0;
    for (size_t i = 0; i < doc->toks.n; i++)
      ok += doc->toks.v[i].tag == gold_tag[i];
    printf("our tagger: %.1f%% of gold tags\n",
           100.0 * ok / (double)(doc->toks.n ? doc->toks.n : 1));
  }
  /* timing */
  int reps = 20;
  double t0 = now();
  for (int r = 0; r < reps; r++)
    if (dyad__phrases(doc) != DYAD_OK)
      return 1;
  double dt = (now() - t0) / reps;
  printf("treebank: %zu sentences, %zu tokens, %zu phrases, %zu clauses\n",
         doc->sents.n, doc->toks.n, doc->phrases.n, doc->clauses.n);
  printf("speed: %.0f sentences/s, %.1f M tokens/s, %.1f MB/s of text\n",
         doc->sents.n / dt, doc->toks.n / dt / 1e6, tlen / dt / 1e6);

  /* verb token -> clause */
  size_t nt = doc->toks.n;
  int32_t *cl_of = malloc(nt * sizeof(*cl_of));
  for (size_t i = 0; i < nt; i++)
    cl_of[i] = -1;
  for (size_t c = 0; c < doc->clauses.n; c++)
    if (doc->clauses.v[c].verb >= 0)
      cl_of[doc->phrases.v[doc->clauses.v[c].verb].head] = (int32_t)c;

  struct prf sb = {0}, se = {0}, ob = {0};
  /* gold counts */
  for (size_t i = 0; i < nt; i++) {
    if (g[i].head < 0 || !g[g[i].head].verb)
      continue;
    if (g[i].rel == R_NSUBJ)
      sb.gold++;
    if (g[i].rel == R_OBJ)
      ob.gold++;
  }
  for (size_t k = 0; k < nep; k++)
    if (g[ep[k].head].verb)
      se.gold++;
  for (size_t c = 0; c < doc->clauses.n; c++) {
    const dyad_clause *cl = &doc->clauses.v[c];
    if (cl->verb < 0)
      continue;
    int32_t h = (int32_t)doc->phrases.v[cl->verb].head;
    if (!g[h].verb)
      continue;
    int rel_word = cl->kind == DYAD_CL_REL && cl->sub_word != UINT32_MAX &&
                   g[cl->sub_word].relpron;
    /* basic subject */
    if (cl->subj >= 0) {
      int32_t d = unflat(g, (int32_t)doc->phrases.v[cl->subj].head);
      int counted = 1;
      if (rel_word && cl->subj == cl->antecedent)
        d = (int32_t)cl->sub_word;
      else if (cl->flags & DYAD_CLF_SUBJ_INHERITED)
        counted = 0;
      if (counted) {
        sb.pred++;
        int ok = g[d].head == h && g[d].rel == R_NSUBJ;
        sb.tp += ok;
        if (!ok && verbose) {
          const dyad_token *vt = &doc->toks.v[h], *dt2 = &doc->toks.v[d];
          const dyad_sentence *ss = &doc->sents.v[0];
          for (size_t q = 0; q < doc->sents.n; q++)
            if (doc->sents.v[q].tok <= (uint32_t)h)
              ss = &doc->sents.v[q];
          const dyad_token *e = &doc->toks.v[ss->tok + ss->ntok - 1];
          printf("SUBJ clause kind %d verb %.*s pred %.*s | %.*s\n",
                 cl->kind, (int)vt->len, text + vt->off, (int)dt2->len,
                 text + dt2->off, (int)(e->off + e->len - ss->off),
                 text + ss->off);
        }
      }
      /* enhanced subject */
      int32_t de = unflat(g, (int32_t)doc->phrases.v[cl->subj].head);
      se.pred++;
      int eok = 0;
      for (size_t k = 0; k < nep; k++)
        if (ep[k].head == h && ep[k].dep == de) {
          eok = 1;
          break;
        }
      se.tp += eok;
      if (!eok && verbose > 1) {
        const dyad_token *vt = &doc->toks.v[h], *dt2 = &doc->toks.v[de];
        const dyad_sentence *ss = &doc->sents.v[0];
        for (size_t q = 0; q < doc->sents.n; q++)
          if (doc->sents.v[q].tok <= (uint32_t)h)
            ss = &doc->sents.v[q];
        const dyad_token *e = &doc->toks.v[ss->tok + ss->ntok - 1];
        printf("ESUBJ kind %d inh %d verb %.*s pred %.*s | %.*s\n", cl->kind,
               (cl->flags & DYAD_CLF_SUBJ_INHERITED) != 0, (int)vt->len,
               text + vt->off, (int)dt2->len, text + dt2->off,
               (int)(e->off + e->len - ss->off), text + ss->off);
      }
    }
    if (cl->obj >= 0) {
      int32_t d = unflat(g, (int32_t)doc->phrases.v[cl->obj].head);
      if (rel_word && cl->obj == cl->antecedent)
        d = (int32_t)cl->sub_word;
      ob.pred++;
      int ok = g[d].head == h && g[d].rel == R_OBJ;
      ob.tp += ok;
      if (!ok && verbose) {
        const dyad_token *vt = &doc->toks.v[h], *dt2 = &doc->toks.v[d];
        const dyad_sentence *ss = &doc->sents.v[0];
        for (size_t q = 0; q < doc->sents.n; q++)
          if (doc->sents.v[q].tok <= (uint32_t)h)
            ss = &doc->sents.v[q];
        const dyad_token *e = &doc->toks.v[ss->tok + ss->ntok - 1];
        printf("OBJ kind %d verb %.*s pred %.*s (gold rel %d) | %.*s\n",
               cl->kind, (int)vt->len, text + vt->off, (int)dt2->len,
               text + dt2->off, g[d].rel, (int)(e->off + e->len - ss->off),
               text + ss->off);
      }
    }
  }
  /* missed gold subjects, for -v */
  if (verbose)
    for (size_t i = 0; i < nt; i++) {
      int32_t h = g[i].head;
      if (h < 0 || !g[h].verb || g[i].rel != R_NSUBJ)
        continue;
      int32_t c = cl_of[h];
      int32_t ps = c >= 0 ? doc->clauses.v[c].subj : -1;
      int hit = ps >= 0 &&
                unflat(g, (int32_t)doc->phrases.v[ps].head) == (int32_t)i;
      if (ps >= 0 && doc->clauses.v[c].kind == DYAD_CL_REL &&
          ps == doc->clauses.v[c].antecedent &&
          doc->clauses.v[c].sub_word == (uint32_t)i)
        hit = 1;
      if (!hit) {
        const dyad_token *vt = &doc->toks.v[h], *dt2 = &doc->toks.v[i];
        const dyad_sentence *ss = &doc->sents.v[0];
        for (size_t q = 0; q < doc->sents.n; q++)
          if (doc->sents.v[q].tok <= (uint32_t)h)
            ss = &doc->sents.v[q];
        const dyad_token *e = &doc->toks.v[ss->tok + ss->ntok - 1];
        char pb[64] = "-";
        if (ps >= 0) {
          const dyad_token *pt = &doc->toks.v[doc->phrases.v[ps].head];
          snprintf(pb, sizeof(pb), "%.*s", (int)pt->len, text + pt->off);
        }
        printf("MISS verb %.*s gold %.*s pred %s kind %d | %.*s\n",
               (int)vt->len, text + vt->off, (int)dt2->len, text + dt2->off,
               pb, c >= 0 ? doc->clauses.v[c].kind : -1,
               (int)(e->off + e->len - ss->off), text + ss->off);
      }
    }
  if (verbose)
    for (size_t i = 0; i < nt; i++) {
      int32_t h = g[i].head;
      if (h < 0 || !g[h].verb || g[i].rel != R_OBJ)
        continue;
      int32_t c = cl_of[h];
      int32_t po = c >= 0 ? doc->clauses.v[c].obj : -1;
      if (po >= 0 && (unflat(g, (int32_t)doc->phrases.v[po].head) ==
                          (int32_t)i ||
                      (doc->clauses.v[c].kind == DYAD_CL_REL &&
                       po == doc->clauses.v[c].antecedent &&
                       doc->clauses.v[c].sub_word == (uint32_t)i)))
        continue;
      const dyad_sentence *ss = &doc->sents.v[0];
      for (size_t q = 0; q < doc->sents.n; q++)
        if (doc->sents.v[q].tok <= (uint32_t)h)
          ss = &doc->sents.v[q];
      const dyad_token *e = &doc->toks.v[ss->tok + ss->ntok - 1];
      const dyad_token *vt = &doc->toks.v[h], *dt2 = &doc->toks.v[i];
      printf("MISSOBJ verb %.*s gold %.*s clause %d | %.*s\n",
             (int)vt->len, text + vt->off, (int)dt2->len, text + dt2->off,
             c, (int)(e->off + e->len - ss->off), text + ss->off);
    }
  report("subject (basic)", &sb);
  report("subject (enhanced)", &se);
  report("object (basic)", &ob);
  free(cl_of);
  free(g);
  free(ep);
  free(gold_tag);
  free(data);
  dyad_doc_free(doc);
  dyad_ctx_free(ctx);
  return 0;
}
