/*
 * lexicon.c: loads the tagger lexicon into ctx->lex (see lexicon.h).
 *
 * Files, in load order (later ones override earlier ones word by word):
 *   lexicon.txt            generated from WordNet (build/data/)
 *   lexicon/closed.txt     closed-class words (data/lexicon/)
 *   lexicon/verbs.txt      irregular and auxiliary verb forms
 *   lexicon/open.txt       open-class additions and preferred tags
 *   phrasal.txt            phrasal verbs from WordNet (build/data/), "verb
 *                          particle" lines
 * Line format: "form TAG[=lemma] TAG[=lemma] ... [!intr]", tags most likely
 * first, "!intr" marking verb forms mostly used without an object;
 * "# ..." comments and blank lines are skipped. A line "+form TAGS" adds
 * its tags in front of the word's existing ones instead of replacing them.
 *
 * Invariants: every form and lemma is interned in ctx->vocab; ents[] is
 * indexed by vocab id and grows with the vocabulary during the load only.
 */
#include "../internal.h"

#include <errno.h>

#include "lexicon.h"

static const char *const lexfiles[] = {
    "lexicon.txt", "lexicon/closed.txt", "lexicon/verbs.txt",
    "lexicon/open.txt"};

/* Makes ents[] cover vocab id `id` when it is past the capacity. */
static int grow(dyad_ctx *ctx, struct dyad_lexicon *lx, uint32_t id)
{
  size_t nc = lx->cap ? lx->cap : 4096;
  while (nc <= id)
    nc *= 2;
  struct dyad_lexent *e = dyad__realloc(&ctx->alloc, lx->ents,
                                        lx->cap * sizeof(*e),
                                        nc * sizeof(*e));
  if (!e)
    return -1;
  memset(e + lx->cap, 0, (nc - lx->cap) * sizeof(*e));
  lx->ents = e;
  lx->cap = nc;
  lx->n = id + 1;
  return 0;
}

/* Makes ents[] cover vocab id `id` (called twice a line: the common case,
 * id within the capacity, is inline). */
static inline int reserve(dyad_ctx *ctx, struct dyad_lexicon *lx,
                          uint32_t id)
{
  if (id < lx->cap) {
    if (id >= lx->n)
      lx->n = id + 1;
    return 0;
  }
  return grow(ctx, lx, id);
}

/* dyad_tag_parse for the open-class tags that fill the generated file,
 * without a scan of the whole tag table (the load parses ~400k tags). */
static dyad_tag parse_tag(const char *s, size_t n)
{
  if (n >= 2 && n <= 4) {
    char c3 = n >= 3 ? s[2] : 0, c4 = n == 4 ? s[3] : 0;
    if (s[0] == 'N' && s[1] == 'N') {
      if (n == 2) return DYAD_TAG_NN;
      if (n == 3 && c3 == 'S') return DYAD_TAG_NNS;
      if (n == 3 && c3 == 'P') return DYAD_TAG_NNP;
      if (n == 4 && c3 == 'P' && c4 == 'S') return DYAD_TAG_NNPS;
    } else if (s[0] == 'V' && s[1] == 'B') {
      if (n == 2) return DYAD_TAG_VB;
      if (n == 3) {
        switch (c3) {
        case 'D': return DYAD_TAG_VBD;
        case 'G': return DYAD_TAG_VBG;
        case 'N': return DYAD_TAG_VBN;
        case 'P': return DYAD_TAG_VBP;
        case 'Z': return DYAD_TAG_VBZ;
        default: break;
        }
      }
    } else if (s[0] == 'J' && s[1] == 'J') {
      if (n == 2) return DYAD_TAG_JJ;
      if (n == 3 && c3 == 'R') return DYAD_TAG_JJR;
      if (n == 3 && c3 == 'S') return DYAD_TAG_JJS;
    } else if (s[0] == 'R' && s[1] == 'B') {
      if (n == 2) return DYAD_TAG_RB;
      if (n == 3 && c3 == 'R') return DYAD_TAG_RBR;
      if (n == 3 && c3 == 'S') return DYAD_TAG_RBS;
    }
  }
  return dyad_tag_parse(s, n);
}

/* Folds w unless it is plain lower-case ASCII already (the generated file
 * is), which saves the UTF-8 decoding on most lines. */
static size_t fold_word(const char *w, size_t n, char *out, size_t cap)
{
  size_t k = 0;
  for (; k < n; k++) {
    unsigned char c = (unsigned char)w[k];
    if (c >= 0x80 || (c >= 'A' && c <= 'Z') || c == '`')
      break;
  }
  if (k == n && n <= cap) {
    memcpy(out, w, n);
    return n;
  }
  return dyad__fold(w, n, out, cap);
}

static int isblank_c(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* The raw (unfolded) text and vocab id of the previous line's form and of
 * the last lemma: in the generated file most lemmas repeat one of them
 * ("'hoods NNS='hood" after "'hood NN"), and the same bytes always fold and
 * intern to the same id, so those skip the fold and the vocab look-up.
 * The pointers point into the file's buffer. */
struct recent {
  const char *form, *lem;
  size_t form_n, lem_n;
  uint32_t form_id, lem_id;
};

/* Parses one line (without its newline). Returns DYAD_OK, or an error
 * status with the message left in ctx. */
static dyad_status parse_line(dyad_ctx *ctx, struct dyad_lexicon *lx,
                              const char *p, const char *end,
                              const char *path, size_t lineno, int hand,
                              struct recent *rc)
{
  while (p < end && isblank_c(*p))
    p++;
  if (p == end || *p == '#')
    return DYAD_OK;
  int merge = 0;
  if (*p == '+' && p + 1 < end && !isblank_c(p[1])) {
    merge = 1;
    p++;
  }
  const char *w = p;
  while (p < end && !isblank_c(*p))
    p++;
  size_t wl = (size_t)(p - w);
  char fw[256];
  size_t fl = fold_word(w, wl, fw, sizeof(fw));
  if (fl == (size_t)-1 || fl == 0)
    return dyad__ctx_error(ctx, DYAD_EFORMAT, "%s:%zu: bad word", path,
                           lineno);
  uint32_t id = dyad__vocab_add(&ctx->vocab, fw, fl);
  if (!id || reserve(ctx, lx, id))
    return DYAD_ENOMEM;
  struct dyad_lexent ne;
  memset(&ne, 0, sizeof(ne));
  int nord = 0;
  unsigned explicit_lem = 0; /* slots whose lemma the line names */
  while (p < end) {
    while (p < end && isblank_c(*p))
      p++;
    if (p == end || *p == '#')
      break;
    const char *t = p;
    while (p < end && !isblank_c(*p) && *p != '=')
      p++;
    if (*t == '!') {
      if ((size_t)(p - t) == 5 && memcmp(t, "!intr", 5) == 0)
        ne.flags |= DYAD_LEXF_INTRANS;
      continue;
    }
    dyad_tag tag = parse_tag(t, (size_t)(p - t));
    if (tag == DYAD_TAG_NONE)
      return dyad__ctx_error(ctx, DYAD_EFORMAT, "%s:%zu: unknown tag '%.*s'",
                             path, lineno, (int)(p - t), t);
    uint32_t lem = 0;
    if (p < end && *p == '=') {
      const char *l = ++p;
      while (p < end && !isblank_c(*p))
        p++;
      size_t rl = (size_t)(p - l);
      if (rl && rl == rc->lem_n && memcmp(l, rc->lem, rl) == 0) {
        lem = rc->lem_id;
      } else if (rl && rl == rc->form_n && memcmp(l, rc->form, rl) == 0) {
        lem = rc->form_id;
      } else {
        char fbuf[256];
        size_t ll = fold_word(l, rl, fbuf, sizeof(fbuf));
        if (ll == (size_t)-1 || ll == 0)
          return dyad__ctx_error(ctx, DYAD_EFORMAT, "%s:%zu: bad lemma",
                                 path, lineno);
        lem = dyad__vocab_add(&ctx->vocab, fbuf, ll);
        if (!lem)
          return DYAD_ENOMEM;
      }
      rc->lem = l;
      rc->lem_n = rl;
      rc->lem_id = lem;
    }
    if (ne.mask & DYAD_TAGBIT(tag))
      continue;
    ne.mask |= DYAD_TAGBIT(tag);
    if (nord < DYAD_LEX_ORDER)
      ne.order[nord++] = (uint8_t)tag;
    int slot = dyad__tag_lemslot(tag);
    if (!ne.lemma[slot]) {
      ne.lemma[slot] = lem ? lem : id;
      if (lem)
        explicit_lem |= 1u << slot;
    }
  }
  if (!ne.mask)
    return dyad__ctx_error(ctx, DYAD_EFORMAT, "%s:%zu: no tags", path,
                           lineno);
  if (reserve(ctx, lx, id))
    return DYAD_ENOMEM;
  struct dyad_lexent *e = &lx->ents[id];
  if (merge && (e->flags & DYAD_LEXF_WORD)) {
    /* new tags first, then the old ones not repeated */
    for (int i = 0; i < DYAD_LEX_ORDER && e->order[i]; i++) {
      if (nord < DYAD_LEX_ORDER && !(ne.mask & DYAD_TAGBIT(e->order[i])))
        ne.order[nord++] = e->order[i];
    }
    ne.mask |= e->mask;
    /* a hand line that adds tags ("+met VBD VBN") keeps the lemmas the
     * generated lexicon knows (met -> meet) unless it names its own */
    for (int s = 0; s < DYAD_LEM_COUNT; s++)
      if (!ne.lemma[s] ||
          (e->lemma[s] && !(explicit_lem & (1u << s)) && ne.lemma[s] == id))
        ne.lemma[s] = e->lemma[s] ? e->lemma[s] : ne.lemma[s];
    ne.flags = e->flags;
  }
  ne.flags |= (uint8_t)(DYAD_LEXF_WORD | (hand ? DYAD_LEXF_HAND : 0));
  *e = ne;
  rc->form = w;
  rc->form_n = wl;
  rc->form_id = id;
  return DYAD_OK;
}

static dyad_status load_file(dyad_ctx *ctx, struct dyad_lexicon *lx,
                             const char *name, int hand)
{
  char path[4096];
  if (dyad__ctx_data_path(ctx, name, path, sizeof(path)) != DYAD_OK)
    return dyad__ctx_error(ctx, DYAD_EIO,
                           "lexicon: %s not found in the data path (run make)",
                           name);
  FILE *f = fopen(path, "rb");
  if (!f)
    return dyad__ctx_error(ctx, DYAD_EIO, "%s: %s", path, strerror(errno));
  char *buf = NULL;
  size_t len = 0, cap = 0;
  dyad_status st = DYAD_OK;
  for (;;) {
    if (len == cap) {
      size_t nc = cap ? cap * 2 : 1 << 20;
      char *nb = dyad__realloc(&ctx->alloc, buf, cap, nc);
      if (!nb) {
        st = DYAD_ENOMEM;
        break;
      }
      buf = nb;
      cap = nc;
    }
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (got == 0)
      break;
  }
  if (st == DYAD_OK && ferror(f))
    st = dyad__ctx_error(ctx, DYAD_EIO, "%s: read error", path);
  fclose(f);
  size_t lineno = 0;
  struct recent rc = {0};
  for (size_t i = 0; st == DYAD_OK && i < len;) {
    const char *nl = memchr(buf + i, '\n', len - i);
    size_t j = nl ? (size_t)(nl - buf) : len;
    lineno++;
    st = parse_line(ctx, lx, buf + i, buf + j, path, lineno, hand, &rc);
    i = j + 1;
  }
  dyad__free(&ctx->alloc, buf, cap);
  if (st == DYAD_ENOMEM)
    dyad__ctx_error(ctx, st, "lexicon: out of memory");
  return st;
}

static uint64_t mix64(uint64_t k)
{
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return k;
}

static int phrasal_add(dyad_ctx *ctx, struct dyad_lexicon *lx, uint64_t key)
{
  if ((lx->nphrasal + 1) * 2 > lx->phrasal_cap) {
    size_t nc = lx->phrasal_cap ? lx->phrasal_cap * 2 : 1024;
    uint64_t *nt = dyad__calloc(&ctx->alloc, nc * sizeof(*nt));
    if (!nt)
      return -1;
    for (size_t i = 0; i < lx->phrasal_cap; i++) {
      uint64_t k = lx->phrasal[i];
      if (!k)
        continue;
      size_t j = (size_t)mix64(k) & (nc - 1);
      while (nt[j])
        j = (j + 1) & (nc - 1);
      nt[j] = k;
    }
    dyad__free(&ctx->alloc, lx->phrasal, lx->phrasal_cap * sizeof(*nt));
    lx->phrasal = nt;
    lx->phrasal_cap = nc;
  }
  size_t j = (size_t)mix64(key) & (lx->phrasal_cap - 1);
  while (lx->phrasal[j] && lx->phrasal[j] != key)
    j = (j + 1) & (lx->phrasal_cap - 1);
  if (!lx->phrasal[j]) {
    lx->phrasal[j] = key;
    lx->nphrasal++;
  }
  return 0;
}

int dyad__lex_phrasal(const dyad_ctx *ctx, uint32_t verb, uint32_t particle)
{
  const struct dyad_lexicon *lx = ctx->lex;
  if (!lx || !lx->phrasal_cap || !verb || !particle)
    return 0;
  uint64_t key = (uint64_t)verb << 32 | particle;
  size_t j = (size_t)mix64(key) & (lx->phrasal_cap - 1);
  while (lx->phrasal[j]) {
    if (lx->phrasal[j] == key)
      return 1;
    j = (j + 1) & (lx->phrasal_cap - 1);
  }
  return 0;
}

/* Loads phrasal.txt ("verb particle" lines) when present; the tagger
 * works without it, only less well on particles. */
static dyad_status load_phrasal(dyad_ctx *ctx, struct dyad_lexicon *lx)
{
  char path[4096];
  if (dyad__ctx_data_path(ctx, "phrasal.txt", path, sizeof(path)) != DYAD_OK)
    return DYAD_OK;
  FILE *f = fopen(path, "rb");
  if (!f)
    return dyad__ctx_error(ctx, DYAD_EIO, "%s: %s", path, strerror(errno));
  char line[256];
  dyad_status st = DYAD_OK;
  while (st == DYAD_OK && fgets(line, sizeof(line), f)) {
    if (line[0] == '#')
      continue;
    char *sp = strchr(line, ' ');
    if (!sp)
      continue;
    size_t vl = (size_t)(sp - line);
    char *pe = sp + 1;
    size_t pl = strcspn(pe, " \r\n");
    uint32_t v = dyad__vocab_add(&ctx->vocab, line, vl);
    uint32_t p = dyad__vocab_add(&ctx->vocab, pe, pl);
    if (!v || !p || phrasal_add(ctx, lx, (uint64_t)v << 32 | p))
      st = dyad__ctx_error(ctx, DYAD_ENOMEM, "lexicon: out of memory");
  }
  fclose(f);
  return st;
}

static void lexicon_release(dyad_ctx *ctx, struct dyad_lexicon *lx)
{
  dyad__tagger_ids_free(ctx, lx->tids);
  dyad__free(&ctx->alloc, lx->phrasal, lx->phrasal_cap * sizeof(uint64_t));
  dyad__free(&ctx->alloc, lx->ents, lx->cap * sizeof(*lx->ents));
  dyad__free(&ctx->alloc, lx, sizeof(*lx));
}

dyad_status dyad__lexicon_load(dyad_ctx *ctx)
{
  if (ctx->lex)
    return DYAD_OK;
  struct dyad_lexicon *lx = dyad__calloc(&ctx->alloc, sizeof(*lx));
  if (!lx)
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "lexicon: out of memory");
  dyad_status st = DYAD_OK;
  for (size_t i = 0; st == DYAD_OK && i < DYAD_ARRAY_LEN(lexfiles); i++)
    st = load_file(ctx, lx, lexfiles[i], i > 0);
  if (st == DYAD_OK)
    st = load_phrasal(ctx, lx);
  /* lemmas interned after their entry may lie past n: cover all ids */
  if (st == DYAD_OK && ctx->vocab.n + 1 > lx->n && reserve(ctx, lx,
                                                           (uint32_t)ctx->vocab.n))
    st = dyad__ctx_error(ctx, DYAD_ENOMEM, "lexicon: out of memory");
  if (st != DYAD_OK) {
    lexicon_release(ctx, lx);
    return st;
  }
  ctx->lex = lx;
  /* the words the tagger's rules name, looked up once here */
  lx->tids = dyad__tagger_ids_new(ctx);
  if (!lx->tids) {
    ctx->lex = NULL;
    lexicon_release(ctx, lx);
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "lexicon: out of memory");
  }
  return DYAD_OK;
}

void dyad__lexicon_free(dyad_ctx *ctx)
{
  struct dyad_lexicon *lx = ctx->lex;
  if (!lx)
    return;
  lexicon_release(ctx, lx);
  ctx->lex = NULL;
}

uint64_t dyad__lex_tags(const dyad_ctx *ctx, const char *w, size_t len)
{
  const struct dyad_lexent *e =
      dyad__lex_get(ctx, dyad__vocab_find(&ctx->vocab, w, len));
  return e ? e->mask : 0;
}

uint32_t dyad__lex_pos_mask(const dyad_ctx *ctx, const char *w, size_t len)
{
  uint64_t m = dyad__lex_tags(ctx, w, len);
  uint32_t pos = 0;
  for (int t = 1; t < DYAD_TAG_COUNT; t++)
    if (m & DYAD_TAGBIT(t))
      pos |= dyad__tag_pos(t);
  return pos;
}
