/*
 * lemma.c: the lemmatizer. Base forms of verbs ("sought" -> "seek"),
 * singulars of nouns ("countries" -> "country"), positives of adjectives
 * ("bigger" -> "big").
 *
 * Order: the lexicon's own lemma for the word and part of speech (this
 * covers WordNet's exception lists, our irregular verbs and every regular
 * form generated at build time); else suffix-stripping rules whose result
 * the lexicon confirms as a word of that part of speech (WordNet's
 * "morphy" idea); else the most plausible rule result; else the word.
 * Nothing here allocates: candidates are built in stack buffers.
 */
#include "../internal.h"

#include "lexicon.h"

#define LEMMA_MAX 128

struct rule {
  const char *from, *to;
};

static const struct rule noun_rules[] = {
    {"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
    {"shes", "sh"}, {"men", "man"}, {"oes", "o"}, {"s", ""}, {NULL, NULL}};
static const struct rule verb_rules[] = {
    {"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""}, {"ied", "y"},
    {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}, {"ying", "ie"},
    {NULL, NULL}};
static const struct rule adj_rules[] = {
    {"ier", "y"}, {"iest", "y"}, {"er", ""}, {"est", ""}, {"er", "e"},
    {"est", "e"}, {NULL, NULL}};

static int isvowel(char c) { return c == 'a' || c == 'e' || c == 'i' ||
                                    c == 'o' || c == 'u'; }

/* Does the lexicon know s as a word of coarse POS pos (its base form)? */
static int known_as(const dyad_ctx *ctx, const char *s, size_t len,
                    uint32_t pos)
{
  const struct dyad_lexent *e =
      dyad__lex_get(ctx, dyad__vocab_find(&ctx->vocab, s, len));
  if (!e)
    return 0;
  uint64_t base = pos == DYAD_POS_NOUN ? DYAD_TAGBIT(DYAD_TAG_NN) |
                                             DYAD_TAGBIT(DYAD_TAG_NNP)
                  : pos == DYAD_POS_VERB ? DYAD_TAGBIT(DYAD_TAG_VB)
                  : pos == DYAD_POS_ADJ ? DYAD_TAGBIT(DYAD_TAG_JJ)
                                        : DYAD_TAGBIT(DYAD_TAG_RB);
  return (e->mask & base) != 0;
}

static int ends(const char *w, size_t len, const char *suf, size_t sl)
{
  return len > sl && memcmp(w + len - sl, suf, sl) == 0;
}

/* The lexicon's lemma of w as part of speech pos, or 0 when it does not
 * know w as that part of speech. */
static size_t lemma_part(const dyad_ctx *ctx, const char *w, size_t len,
                         uint32_t pos, char *out)
{
  int slot = pos == DYAD_POS_NOUN ? DYAD_LEM_NOUN
             : pos == DYAD_POS_VERB ? DYAD_LEM_VERB
                                    : DYAD_LEM_ADJ;
  const struct dyad_lexent *e =
      dyad__lex_get(ctx, dyad__vocab_find(&ctx->vocab, w, len));
  if (!e || !e->lemma[slot] || !(dyad__tag_pos(e->order[0]) & pos ||
                                 (e->mask & (pos == DYAD_POS_VERB
                                                 ? DYAD_TAGBIT(DYAD_TAG_VBD) |
                                                       DYAD_TAGBIT(DYAD_TAG_VBN) |
                                                       DYAD_TAGBIT(DYAD_TAG_VBG) |
                                                       DYAD_TAGBIT(DYAD_TAG_VBZ)
                                                 : 0))))
    return 0;
  size_t n = 0;
  const char *s = dyad__vocab_str(&ctx->vocab, e->lemma[slot], &n);
  if (!s || n >= LEMMA_MAX)
    return 0;
  memcpy(out, s, n);
  return n;
}

/* Rule-based base form of w into out (cap >= LEMMA_MAX). Tries every rule
 * and keeps the first result the lexicon confirms; failing that, the
 * first guess a careful reader would make. Returns the length. */
static size_t morph(const dyad_ctx *ctx, const char *w, size_t len,
                    uint32_t pos, char *out)
{
  const struct rule *rules = pos == DYAD_POS_NOUN ? noun_rules
                             : pos == DYAD_POS_VERB ? verb_rules
                             : pos == DYAD_POS_ADJ ? adj_rules
                                                   : NULL;
  if (!rules || len >= LEMMA_MAX - 4)
    goto asis;
  /* test-fired -> test-fire, re-elected -> re-elect: an unknown compound
   * takes the lemma of its last part when the lexicon knows that part */
  const char *h = memchr(w, '-', len);
  if (h && !known_as(ctx, w, len, pos)) {
    const char *last = w + len;
    while (last > w && last[-1] != '-')
      last--;
    size_t pl = (size_t)(last - w), ll = len - pl;
    if (ll >= 2) {
      char sub[LEMMA_MAX];
      size_t sl = lemma_part(ctx, last, ll, pos, sub);
      if (sl && pl + sl < LEMMA_MAX) {
        memcpy(out, w, pl);
        memcpy(out + pl, sub, sl);
        return pl + sl;
      }
    }
  }
  for (const struct rule *r = rules; r->from; r++) {
    size_t fl = strlen(r->from), tl = strlen(r->to);
    if (!ends(w, len, r->from, fl) || len - fl < 2)
      continue;
    size_t n = len - fl;
    memcpy(out, w, n);
    memcpy(out + n, r->to, tl);
    if (known_as(ctx, out, n + tl, pos))
      return n + tl;
    /* stopped -> stop, bigger -> big: undo a doubled final consonant */
    if (tl == 0 && n >= 3 && out[n - 1] == out[n - 2] &&
        !isvowel(out[n - 1]) && known_as(ctx, out, n - 1, pos))
      return n - 1;
  }
  /* No confirmation: a plain guess for words the lexicon lacks. */
  if (pos == DYAD_POS_NOUN) {
    if (ends(w, len, "ies", 3) && len > 4) {
      memcpy(out, w, len - 3);
      out[len - 3] = 'y';
      return len - 2;
    }
    if (ends(w, len, "sses", 4) || ends(w, len, "ches", 4) ||
        ends(w, len, "shes", 4) || ends(w, len, "xes", 3)) {
      memcpy(out, w, len - 2);
      return len - 2;
    }
    if (ends(w, len, "s", 1) && !ends(w, len, "ss", 2) &&
        !ends(w, len, "us", 2) && !ends(w, len, "is", 2) && len > 3) {
      memcpy(out, w, len - 1);
      return len - 1;
    }
  } else if (pos == DYAD_POS_VERB) {
    if (ends(w, len, "ied", 3) && len > 4) {
      memcpy(out, w, len - 3);
      out[len - 3] = 'y';
      return len - 2;
    }
    if (ends(w, len, "ed", 2) && len > 4) {
      memcpy(out, w, len - 2);
      return len - 2;
    }
    if (ends(w, len, "ing", 3) && len > 5) {
      memcpy(out, w, len - 3);
      return len - 3;
    }
    if (ends(w, len, "ies", 3) && len > 4) {
      memcpy(out, w, len - 3);
      out[len - 3] = 'y';
      return len - 2;
    }
    if (ends(w, len, "s", 1) && !ends(w, len, "ss", 2) && len > 3) {
      memcpy(out, w, len - 1);
      return len - 1;
    }
  }
asis:
  if (len > LEMMA_MAX)
    len = LEMMA_MAX;
  memcpy(out, w, len);
  return len;
}

/* The lemma string of w for lemma slot `slot` (coarse pos), either the
 * lexicon's (pointer into the vocab) or built in tmp. */
static const char *lemma_str(const dyad_ctx *ctx, uint32_t id, const char *w,
                             size_t len, uint32_t pos, char *tmp,
                             size_t *outlen)
{
  int slot = pos == DYAD_POS_NOUN ? DYAD_LEM_NOUN
             : pos == DYAD_POS_VERB ? DYAD_LEM_VERB
             : pos == DYAD_POS_ADJ ? DYAD_LEM_ADJ
             : pos == DYAD_POS_ADV ? DYAD_LEM_ADV
                                   : DYAD_LEM_OTHER;
  const struct dyad_lexent *e = dyad__lex_get(ctx, id);
  if (e && e->lemma[slot])
    return dyad__vocab_str(&ctx->vocab, e->lemma[slot], outlen);
  if (pos == DYAD_POS_OTHER || pos == DYAD_POS_ADV) {
    *outlen = len;
    return w;
  }
  *outlen = morph(ctx, w, len, pos, tmp);
  return tmp;
}

size_t dyad__lemmatize(const dyad_ctx *ctx, const char *w, size_t len,
                       int pos, char *out, size_t cap)
{
  char tmp[LEMMA_MAX];
  size_t n = 0;
  uint32_t id = dyad__vocab_find(&ctx->vocab, w, len);
  const char *s = lemma_str(ctx, id, w, len, (uint32_t)pos, tmp, &n);
  if (n > cap)
    return 0;
  memcpy(out, s, n);
  if (n < cap)
    out[n] = '\0';
  return n;
}

/* The rule-made lemma's id, for the few tokens the lexicon has no lemma
 * for: kept out of line so that dyad__lemma_id, called for every word,
 * carries no stack buffer of its own. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t morph_id(const dyad_ctx *ctx, const char *w, size_t len,
                         uint32_t pos)
{
  char tmp[LEMMA_MAX];
  size_t n = morph(ctx, w, len, pos, tmp);
  return dyad__vocab_find(&ctx->vocab, tmp, n);
}

/* How dyad__lemma_id reads each tag (lexicon.h). */
const uint8_t dyad__lemma_how[DYAD_TAG_COUNT] = {
    /* every tag not named: DYAD_LEM_OTHER, the form when empty */
    [DYAD_TAG_NONE] = DYAD_LEM_OTHER, [DYAD_TAG_CC] = DYAD_LEM_OTHER,
    [DYAD_TAG_CD] = DYAD_LEM_OTHER, [DYAD_TAG_DT] = DYAD_LEM_OTHER,
    [DYAD_TAG_EX] = DYAD_LEM_OTHER, [DYAD_TAG_FW] = DYAD_LEM_OTHER,
    [DYAD_TAG_IN] = DYAD_LEM_OTHER, [DYAD_TAG_LS] = DYAD_LEM_OTHER,
    [DYAD_TAG_PDT] = DYAD_LEM_OTHER, [DYAD_TAG_POS] = DYAD_LEM_OTHER,
    [DYAD_TAG_PRP] = DYAD_LEM_OTHER, [DYAD_TAG_PRPS] = DYAD_LEM_OTHER,
    [DYAD_TAG_RP] = DYAD_LEM_OTHER, [DYAD_TAG_SYM] = DYAD_LEM_OTHER,
    [DYAD_TAG_TO] = DYAD_LEM_OTHER, [DYAD_TAG_UH] = DYAD_LEM_OTHER,
    [DYAD_TAG_WDT] = DYAD_LEM_OTHER, [DYAD_TAG_WP] = DYAD_LEM_OTHER,
    [DYAD_TAG_WPS] = DYAD_LEM_OTHER, [DYAD_TAG_WRB] = DYAD_LEM_OTHER,
    [DYAD_TAG_COMMA] = DYAD_LEM_OTHER, [DYAD_TAG_PERIOD] = DYAD_LEM_OTHER,
    [DYAD_TAG_COLON] = DYAD_LEM_OTHER, [DYAD_TAG_LQUOTE] = DYAD_LEM_OTHER,
    [DYAD_TAG_RQUOTE] = DYAD_LEM_OTHER, [DYAD_TAG_LRB] = DYAD_LEM_OTHER,
    [DYAD_TAG_RRB] = DYAD_LEM_OTHER, [DYAD_TAG_HASH] = DYAD_LEM_OTHER,
    [DYAD_TAG_DOLLAR] = DYAD_LEM_OTHER, [DYAD_TAG_HYPH] = DYAD_LEM_OTHER,
    [DYAD_TAG_NFP] = DYAD_LEM_OTHER, [DYAD_TAG_ADD] = DYAD_LEM_OTHER,
    [DYAD_TAG_AFX] = DYAD_LEM_OTHER,
    [DYAD_TAG_NN] = DYAD_LEM_NOUN,
    [DYAD_TAG_NNS] = DYAD_LEM_NOUN | DYAD_LT_MORPH,
    [DYAD_TAG_NNP] = DYAD_LT_NONE,
    [DYAD_TAG_NNPS] = DYAD_LEM_NOUN | DYAD_LT_MORPH,
    [DYAD_TAG_MD] = DYAD_LEM_VERB,
    [DYAD_TAG_VB] = DYAD_LEM_VERB, [DYAD_TAG_VBP] = DYAD_LEM_VERB,
    [DYAD_TAG_VBD] = DYAD_LEM_VERB | DYAD_LT_MORPH,
    [DYAD_TAG_VBG] = DYAD_LEM_VERB | DYAD_LT_MORPH,
    [DYAD_TAG_VBN] = DYAD_LEM_VERB | DYAD_LT_MORPH,
    [DYAD_TAG_VBZ] = DYAD_LEM_VERB | DYAD_LT_MORPH,
    [DYAD_TAG_JJ] = DYAD_LEM_ADJ,
    [DYAD_TAG_JJR] = DYAD_LEM_ADJ | DYAD_LT_MORPH,
    [DYAD_TAG_JJS] = DYAD_LEM_ADJ | DYAD_LT_MORPH,
    [DYAD_TAG_RB] = DYAD_LEM_ADV, [DYAD_TAG_RBR] = DYAD_LEM_ADV,
    [DYAD_TAG_RBS] = DYAD_LEM_ADV};

uint32_t dyad__lemma_morph(const dyad_ctx *ctx, const char *w, size_t len,
                           unsigned how)
{
  static const uint8_t pos_of_slot[] = {DYAD_POS_NOUN, DYAD_POS_VERB,
                                        DYAD_POS_ADJ};
  return morph_id(ctx, w, len, pos_of_slot[how & DYAD_LT_SLOT]);
}
