/*
 * treebank.c: measures the tagger and lemmatizer against a CoNLL-U
 * treebank with gold tokens (default: $DYAD_SHARED/treebanks/
 * en_pud-ud-test.conllu). Tokenisation is taken from the gold file, so only
 * tagging errors count: each sentence becomes a doc whose text is the gold
 * tokens joined by spaces and whose tokens and sentence are filled here.
 *
 *   tagging [FILE] [-v] [-r N]   -v prints every error with its context;
 *                                -r N tags the whole treebank N times (20)
 *
 * Prints XPOS accuracy, the most frequent confusions, lemma accuracy on
 * NOUN/VERB tokens, the tagging speed, and the accuracy when the real
 * tokenizer and splitter run on the sentence text (on the tokens whose
 * spans match the gold ones). Measurement only: nothing from
 * the treebank is kept.
 */
#include "internal.h"

#include <time.h>

#include "text/lexicon.h"

#define MAXTOK 512

struct gold {
  char form[128], lemma[128], upos[16], xpos[16];
  int space_after;
};

static struct gold sent[MAXTOK];
static int nsent_tok;

static long conf[DYAD_TAG_COUNT + 1][DYAD_TAG_COUNT + 1];

static int field(char *line, char **f, int max)
{
  int n = 0;
  f[n++] = line;
  for (char *p = line; *p && n < max; p++)
    if (*p == '\t') {
      *p = '\0';
      f[n++] = p + 1;
    }
  return n;
}

static void copyfield(char *dst, size_t cap, const char *s)
{
  size_t n = strlen(s);
  if (n >= cap)
    n = cap - 1;
  memcpy(dst, s, n);
  dst[n] = '\0';
}

static int is_quote(const char *s)
{
  return !strcmp(s, "\"") || !strcmp(s, "'") || !strcmp(s, "\xe2\x80\x9c") ||
         !strcmp(s, "\xe2\x80\x9d") || !strcmp(s, "\xe2\x80\x98") ||
         !strcmp(s, "\xe2\x80\x99") || !strcmp(s, "``") || !strcmp(s, "''");
}

/* The token kind a tokenizer would give this gold token. */
static int kind_of(const char *s0)
{
  char s[256];
  size_t fl = dyad__fold(s0, strlen(s0), s, sizeof(s) - 1);
  if (fl == (size_t)-1)
    fl = 0;
  s[fl] = '\0';
  if (s[0] == '\'' && s[1])
    return DYAD_TK_WORD;
  if (is_quote(s0) || is_quote(s))
    return DYAD_TK_QUOTE;
  if (strstr(s, "://") || !strncmp(s, "www.", 4) ||
      (strchr(s, '@') && strchr(s, '.') && strlen(s) > 4))
    return DYAD_TK_URL;
  int digits = 0, letters = 0, other = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p >= '0' && *p <= '9')
      digits++;
    else if (((*p | 32) >= 'a' && (*p | 32) <= 'z') || *p >= 0x80)
      letters++;
    else if (*p != '.' && *p != ',' && *p != '-' && *p != '\'')
      other++;
  }
  if (digits && !other && (!letters || (s[0] >= '0' && s[0] <= '9')))
    return DYAD_TK_NUM;
  if (letters && (unsigned char)s[0] < 0x80 && !strchr("$%&@#*+=/<>~^|", s[0]))
    return DYAD_TK_WORD;
  if (letters && (unsigned char)s[0] >= 0x80) {
    int32_t cp;
    dyad__utf8_decode(s, strlen(s), &cp);
    if (cp >= 0xC0 && cp < 0x2000)
      return DYAD_TK_WORD;
  }
  if (strchr("$%&@#*+=/<>~^|", s[0]) || (unsigned char)s[0] >= 0x80)
    return strchr(".,;:!?()[]{}-", s[0]) ? DYAD_TK_PUNCT : DYAD_TK_SYMBOL;
  return DYAD_TK_PUNCT;
}

static uint32_t flags_of(const char *s, int kind)
{
  uint32_t f = 0;
  if (kind != DYAD_TK_WORD)
    return 0;
  int up = 0, low = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p >= 'A' && *p <= 'Z')
      up++;
    else if (*p >= 'a' && *p <= 'z')
      low++;
    if (*p == '-' && p != (const unsigned char *)s && p[1])
      f |= DYAD_TOKF_HYPHEN;
  }
  if (s[0] >= 'A' && s[0] <= 'Z')
    f |= DYAD_TOKF_CAP;
  else if ((unsigned char)s[0] >= 0xC3) {
    /* Latin-1 capitals: U+00C0..U+00DE */
    int32_t cp;
    dyad__utf8_decode(s, strlen(s), &cp);
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
        (cp >= 0x100 && cp < 0x180 && cp % 2 == 0))
      f |= DYAD_TOKF_CAP;
  }
  if (up && !low)
    f |= DYAD_TOKF_ALLCAPS;
  if (s[0] == '\'' || !strcmp(s, "n't"))
    f |= DYAD_TOKF_CLITIC;
  return f;
}

#define MAXALL 40000
#define MAXSENT 2000
static char all_text[MAXALL * 16];
static size_t all_len, all_ntok, all_nsent;
static dyad_token all_toks[MAXALL];
static dyad_sentence all_sents[MAXSENT];

static long ntok, nok, nlem, nlemok, nlemzero;
static double tag_ns;
static char sent_text[8192];
static long pipe_gold, pipe_matched, pipe_ok;

static double now_ns(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* The same sentence through the real pipeline (tokenizer, splitter,
 * tagger) from its "# text" line: gold words are located in the text in
 * order, and tags are compared on the tokens whose spans match exactly. */
static void run_pipeline(dyad_doc *doc)
{
  size_t tl = strlen(sent_text);
  if (!tl)
    return;
  dyad_article art;
  memset(&art, 0, sizeof(art));
  art.id = "p";
  art.id_len = 1;
  art.text = sent_text;
  art.text_len = tl;
  art.date = 20230322;
  if (dyad_doc_analyze(doc, &art, DYAD_STAGE_TAGS) != DYAD_OK)
    return;
  size_t cur = 0, k = 0;
  for (int i = 0; i < nsent_tok; i++) {
    const char *at = strstr(sent_text + cur, sent[i].form);
    pipe_gold++;
    if (!at)
      continue;
    size_t off = (size_t)(at - sent_text), len = strlen(sent[i].form);
    cur = off + len;
    while (k < doc->toks.n && doc->toks.v[k].off < off)
      k++;
    if (k < doc->toks.n && doc->toks.v[k].off == off &&
        doc->toks.v[k].len == len) {
      pipe_matched++;
      if (doc->toks.v[k].tag ==
          dyad_tag_parse(sent[i].xpos, strlen(sent[i].xpos)))
        pipe_ok++;
    }
  }
}
static int verbose;
static int reps = 20;

static void run_sentence(dyad_doc *doc)
{
  static char text[MAXTOK * 130];
  size_t tl = 0;
  uint32_t offs[MAXTOK];
  for (int i = 0; i < nsent_tok; i++) {
    if (i)
      text[tl++] = ' ';
    offs[i] = (uint32_t)tl;
    size_t n = strlen(sent[i].form);
    memcpy(text + tl, sent[i].form, n);
    tl += n;
  }
  dyad_article art;
  memset(&art, 0, sizeof(art));
  art.id = "s";
  art.id_len = 1;
  art.text = text;
  art.text_len = tl;
  art.date = 20230322;
  if (dyad_doc_analyze(doc, &art, 0) != DYAD_OK)
    return;
  const struct dyad_allocator *a = &doc->ctx->alloc;
  int inq = 0;
  for (int i = 0; i < nsent_tok; i++) {
    dyad_token *t = dyad_vec_push(a, doc->toks);
    if (!t)
      return;
    t->off = offs[i];
    t->len = (uint32_t)strlen(sent[i].form);
    t->kind = (uint8_t)kind_of(sent[i].form);
    t->flags = flags_of(sent[i].form, t->kind);
    if (i == 0 || !sent[i - 1].space_after)
      ;
    else
      t->flags |= DYAD_TOKF_SPACE;
    if (i == 0)
      t->flags |= DYAD_TOKF_SPACE;
    if (t->kind == DYAD_TK_QUOTE) {
      const char *s = sent[i].form;
      int open;
      if (!strcmp(s, "\xe2\x80\x9c") || !strcmp(s, "\xe2\x80\x98"))
        open = 1;
      else if (!strcmp(s, "\xe2\x80\x9d") || !strcmp(s, "\xe2\x80\x99"))
        open = 0;
      else
        open = (t->flags & DYAD_TOKF_SPACE) && sent[i].space_after == 0;
      t->flags |= open ? DYAD_TOKF_OPENQ : DYAD_TOKF_CLOSEQ;
      inq = open;
    } else if (inq) {
      t->flags |= DYAD_TOKF_INQUOTE;
    }
  }
  dyad_sentence *s = dyad_vec_push(a, doc->sents);
  if (!s)
    return;
  s->tok = 0;
  s->ntok = (uint32_t)nsent_tok;
  s->off = 0;
  s->len = (uint32_t)tl;
  /* keep a copy for the speed run over the whole treebank as one doc */
  if (all_len + tl + 1 < sizeof(all_text) &&
      all_ntok + (size_t)nsent_tok < MAXALL && all_nsent < MAXSENT) {
    all_sents[all_nsent].tok = (uint32_t)all_ntok;
    all_sents[all_nsent].ntok = (uint32_t)nsent_tok;
    all_sents[all_nsent].off = (uint32_t)all_len;
    all_sents[all_nsent].len = (uint32_t)tl;
    all_nsent++;
    for (int i = 0; i < nsent_tok; i++) {
      all_toks[all_ntok] = doc->toks.v[i];
      all_toks[all_ntok].off += (uint32_t)all_len;
      all_ntok++;
    }
    memcpy(all_text + all_len, text, tl);
    all_len += tl;
    all_text[all_len++] = ' ';
  }
  double t0 = now_ns();
  if (dyad__tag(doc) != DYAD_OK)
    return;
  tag_ns += now_ns() - t0;
  for (int i = 0; i < nsent_tok; i++) {
    const dyad_token *t = &doc->toks.v[i];
    dyad_tag g = dyad_tag_parse(sent[i].xpos, strlen(sent[i].xpos));
    ntok++;
    if (g == t->tag)
      nok++;
    conf[g][t->tag]++;
    if (verbose && g != t->tag) {
      printf("%-6s -> %-6s  %s  |", sent[i].xpos, dyad_tag_name(t->tag),
             sent[i].form);
      for (int j = i - 3; j <= i + 3; j++)
        if (j >= 0 && j < nsent_tok)
          printf(" %s%s/%s", j == i ? "*" : "", sent[j].form,
                 dyad_tag_name(doc->toks.v[j].tag));
      printf("\n");
    }
    if (!strcmp(sent[i].upos, "NOUN") || !strcmp(sent[i].upos, "VERB")) {
      nlem++;
      size_t ll = 0;
      const char *l = dyad_ctx_word(doc->ctx, t->lemma, &ll);
      char gl[128];
      size_t gn = dyad__fold(sent[i].lemma, strlen(sent[i].lemma), gl,
                             sizeof(gl));
      if (!l)
        nlemzero++;
      if (l && gn == ll && memcmp(l, gl, ll) == 0)
        nlemok++;
      else if (verbose > 1)
        printf("LEMMA %s %s: gold %s, got %.*s\n", sent[i].form,
               sent[i].xpos, sent[i].lemma, l ? (int)ll : 1, l ? l : "-");
    }
  }
}

int main(int argc, char **argv)
{
  char path[4096];
  const char *file = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-v"))
      verbose++;
    else if (!strcmp(argv[i], "-vv"))
      verbose = 2;
    else if (!strcmp(argv[i], "-r") && i + 1 < argc)
      reps = (int)strtol(argv[++i], NULL, 10);
    else
      file = argv[i];
  }
  if (!file) {
    const char *root = getenv("DYAD_SHARED");
    snprintf(path, sizeof(path), "%s/treebanks/en_pud-ud-test.conllu",
             root && *root ? root : "../shared");
    file = path;
  }
  FILE *f = fopen(file, "r");
  if (!f) {
    printf("treebank: %s not found, skipped\n", file);
    return 0;
  }
  dyad_ctx *ctx = dyad_ctx_new(NULL);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  if (!ctx || dyad_ctx_load_lexicon(ctx) != DYAD_OK) {
    printf("treebank: cannot load lexicon: %s\n",
           ctx ? dyad_ctx_errmsg(ctx) : "out of memory");
    return 1;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double load_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
                   (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
  dyad_doc *doc = dyad_doc_new(ctx);
  char line[8192];
  long nsents = 0;
  long range_lo = 0, range_hi = 0;
  int range_space = 1;
  while (fgets(line, sizeof(line), f)) {
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    if (n == 0) {
      if (nsent_tok) {
        run_sentence(doc);
        run_pipeline(doc);
        nsents++;
      }
      nsent_tok = 0;
      continue;
    }
    if (strncmp(line, "# text = ", 9) == 0) {
      size_t n9 = strlen(line + 9);
      if (n9 >= sizeof(sent_text))
        n9 = sizeof(sent_text) - 1;
      memcpy(sent_text, line + 9, n9);
      sent_text[n9] = '\0';
      continue;
    }
    if (line[0] == '#')
      continue;
    char *fl[10];
    if (field(line, fl, 10) < 10)
      continue;
    if (strchr(fl[0], '.'))
      continue; /* empty node */
    if (strchr(fl[0], '-')) {
      /* multiword token "18-19 travellers'": its words have no space
       * between them; the last one takes the range's SpaceAfter */
      range_lo = atol(fl[0]);
      range_hi = atol(strchr(fl[0], '-') + 1);
      range_space = strstr(fl[9], "SpaceAfter=No") == NULL;
      continue;
    }
    if (nsent_tok == MAXTOK)
      continue;
    struct gold *g = &sent[nsent_tok++];
    copyfield(g->form, sizeof(g->form), fl[1]);
    copyfield(g->lemma, sizeof(g->lemma), fl[2]);
    copyfield(g->upos, sizeof(g->upos), fl[3]);
    copyfield(g->xpos, sizeof(g->xpos), fl[4]);
    g->space_after = strstr(fl[9], "SpaceAfter=No") == NULL;
    long id = atol(fl[0]);
    if (id >= range_lo && id < range_hi)
      g->space_after = 0;
    else if (id == range_hi)
      g->space_after = range_space;
  }
  if (nsent_tok) {
    run_sentence(doc);
    run_pipeline(doc);
    nsents++;
  }
  fclose(f);

  /* speed: tag the last doc's sentence repeatedly is too small; re-tag
   * every token count worth by timing one more full pass is costly, so
   * time the tagger on a synthetic doc made of all accuracy tokens. */
  printf("treebank: %s\n", file);
  printf("sentences %ld, tokens %ld\n", nsents, ntok);
  printf("XPOS accuracy: %.2f%% (%ld/%ld)\n", ntok ? 100.0 * nok / ntok : 0.0,
         nok, ntok);
  printf("lemma accuracy (NOUN/VERB): %.2f%% (%ld/%ld, %ld without a lemma id)\n",
         nlem ? 100.0 * nlemok / nlem : 0.0, nlemok, nlem, nlemzero);
  printf("lexicon load: %.1f ms, %zu words\n", load_ms, ctx->vocab.n);
  printf("tagging speed, one doc per sentence: %.2f M tokens/s\n",
         tag_ns > 0 ? (double)ntok / tag_ns * 1e3 : 0.0);
  {
    /* the whole treebank as one document, tagged reps times */
    dyad_article art;
    memset(&art, 0, sizeof(art));
    art.id = "all";
    art.id_len = 3;
    art.text = all_text;
    art.text_len = all_len;
    art.date = 20230322;
    dyad_doc *big = dyad_doc_new(ctx);
    if (big && dyad_doc_analyze(big, &art, 0) == DYAD_OK) {
      const struct dyad_allocator *a = &ctx->alloc;
      if (dyad_vec_reserve(a, big->toks, all_ntok) == 0 &&
          dyad_vec_reserve(a, big->sents, all_nsent) == 0) {
        memcpy(big->toks.v, all_toks, all_ntok * sizeof(dyad_token));
        memcpy(big->sents.v, all_sents, all_nsent * sizeof(dyad_sentence));
        big->toks.n = all_ntok;
        big->sents.n = all_nsent;
        double start = now_ns();
        for (int r = 0; r < reps; r++) {
          dyad__arena_reset(&big->arena);
          dyad__tag(big);
        }
        double dt = now_ns() - start;
        printf("tagging speed, whole treebank as one doc: %.2f M tokens/s, "
               "%.1f MB/s of text\n",
               reps * (double)all_ntok / dt * 1e3,
               reps * (double)all_len / dt * 1e3);
      }
    }
    dyad_doc_free(big);
  }
  printf("with the dyad tokenizer: %ld/%ld gold tokens matched exactly, "
         "XPOS accuracy on them %.2f%%\n",
         pipe_matched, pipe_gold,
         pipe_matched ? 100.0 * pipe_ok / pipe_matched : 0.0);
  printf("top confusions (gold -> tagged):\n");
  for (int k = 0; k < 15; k++) {
    long best = 0;
    int bg = 0, bt = 0;
    for (int g = 0; g < DYAD_TAG_COUNT; g++)
      for (int t = 0; t < DYAD_TAG_COUNT; t++)
        if (g != t && conf[g][t] > best) {
          best = conf[g][t];
          bg = g;
          bt = t;
        }
    if (!best)
      break;
    printf("  %-6s -> %-6s %5ld\n", bg ? dyad_tag_name((dyad_tag)bg) : "?",
           dyad_tag_name((dyad_tag)bt), best);
    conf[bg][bt] = 0;
  }
  dyad_doc_free(doc);
  dyad_ctx_free(ctx);
  return 0;
}
