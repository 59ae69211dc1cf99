/*
 * lexicon.h: the tagger lexicon and the lemmatizer, as other stages use
 * them (the tagger, the phrase parser, the dictionary loader).
 *
 * The lexicon maps a vocabulary id (the case-folded word) to the Penn tags
 * the word can take, in order of preference, and to its lemma for each
 * coarse part of speech. It is compiled from WordNet at build time
 * (build/data/lexicon.txt, tools/gen_lexicon.c) and completed by the
 * hand-written lists in data/lexicon/ files (closed-class words, irregular
 * verbs, overrides), loaded in that order; a hand-written line replaces
 * what came before for its word, a line starting with '+' adds to it.
 *
 * Invariants: every word and lemma of the lexicon is interned in
 * ctx->vocab at load time; entries are indexed by vocab id and ids beyond
 * the lexicon (words interned later by dictionaries) have no entry. The
 * lexicon is read-only once loaded.
 */
#ifndef DYAD_TEXT_LEXICON_H
#define DYAD_TEXT_LEXICON_H

#include "../internal.h"

/* Coarse parts of speech (bits, so that a word's set fits one mask). */
enum {
  DYAD_POS_NOUN = 1u << 0,
  DYAD_POS_VERB = 1u << 1,
  DYAD_POS_ADJ = 1u << 2,
  DYAD_POS_ADV = 1u << 3,
  DYAD_POS_OTHER = 1u << 4 /* closed classes: determiners, prepositions ... */
};

/* Lemma slots of an entry, one per coarse part of speech. */
enum { DYAD_LEM_NOUN, DYAD_LEM_VERB, DYAD_LEM_ADJ, DYAD_LEM_ADV,
       DYAD_LEM_OTHER, DYAD_LEM_COUNT };

/* Entry flags. */
enum {
  DYAD_LEXF_HAND = 1u << 0,  /* from data/lexicon (closed class, override) */
  DYAD_LEXF_WORD = 1u << 1,  /* the entry exists (some tag known) */
  DYAD_LEXF_INTRANS = 1u << 2, /* verb mostly used without an object */
  DYAD_LEXF_RULE = 1u << 3,    /* a word some tagger rule of its own names
                                  by its form (set by dyad__tagger_ids_new):
                                  words without it skip those rules' tests */
  DYAD_LEXF_LCNEED = 1u << 4,  /* written in lower case, the word needs the
                                  tagger's context rules (set with lctag) */
  DYAD_LEXF_LCPART = 1u << 5   /* ... and of them only the particle rule: a
                                  preposition or adverb and nothing else */
};

#define DYAD_LEX_ORDER 4

struct dyad_lexent {
  uint64_t mask;                 /* 1 << dyad_tag for each possible tag */
  uint32_t lemma[DYAD_LEM_COUNT];/* vocab id per coarse POS, 0: the form */
  uint8_t order[DYAD_LEX_ORDER]; /* the first tags by preference; 0 ends */
  uint8_t flags;                 /* DYAD_LEXF_* */
  /* the tagger's first guess for the word written in lower case (set by
   * dyad__tagger_ids_new from mask and order: a name's reading dropped) */
  uint8_t lctag;                 /* its tag */
  uint64_t lcmask;               /* its possible tags */
  uint64_t lcstate;              /* the tagger's per-token flags for it
                                    (tagger.c, struct tw) */
  uint32_t lclemma;              /* its lemma id with tag lctag, 0: the
                                    suffix rules must find it */
};

struct dyad_tagger_ids; /* words the tagger's rules name, text/tagger.c */

struct dyad_lexicon {
  struct dyad_lexent *ents; /* indexed by vocab id, n entries */
  size_t n, cap;
  struct dyad_tagger_ids *tids; /* looked up once at load */
  uint64_t *phrasal;        /* open addressing set of verb<<32|particle */
  size_t nphrasal, phrasal_cap; /* cap: power of two, 0 when empty */
};

#define DYAD_TAGBIT(t) ((uint64_t)1 << (t))

/* The entry of a vocab id, NULL when the lexicon does not know the word. */
static inline const struct dyad_lexent *dyad__lex_get(const dyad_ctx *ctx,
                                                       uint32_t id)
{
  const struct dyad_lexicon *lx = ctx->lex;
  if (!lx || id == 0 || id >= lx->n || !(lx->ents[id].flags & DYAD_LEXF_WORD))
    return NULL;
  return &lx->ents[id];
}

/* The tagger's word ids (tagger.c): built once when the lexicon loads. */
struct dyad_tagger_ids *dyad__tagger_ids_new(const dyad_ctx *ctx);
void dyad__tagger_ids_free(const dyad_ctx *ctx, struct dyad_tagger_ids *t);

/* Is "verb particle" a phrasal verb (set up, bring about)? Both are
 * vocab ids: the verb's lemma and the particle's form. */
int dyad__lex_phrasal(const dyad_ctx *ctx, uint32_t verb, uint32_t particle);

/* The coarse POS of a Penn tag (DYAD_POS_*) and its lemma slot (inline:
 * the tagger asks for every token). */
static inline uint32_t dyad__tag_pos(int tag)
{
  switch (tag) {
  case DYAD_TAG_NN: case DYAD_TAG_NNS: case DYAD_TAG_NNP: case DYAD_TAG_NNPS:
    return DYAD_POS_NOUN;
  case DYAD_TAG_VB: case DYAD_TAG_VBD: case DYAD_TAG_VBG: case DYAD_TAG_VBN:
  case DYAD_TAG_VBP: case DYAD_TAG_VBZ: case DYAD_TAG_MD:
    return DYAD_POS_VERB;
  case DYAD_TAG_JJ: case DYAD_TAG_JJR: case DYAD_TAG_JJS:
    return DYAD_POS_ADJ;
  case DYAD_TAG_RB: case DYAD_TAG_RBR: case DYAD_TAG_RBS:
    return DYAD_POS_ADV;
  default:
    return DYAD_POS_OTHER;
  }
}

static inline int dyad__tag_lemslot(int tag)
{
  switch (dyad__tag_pos(tag)) {
  case DYAD_POS_NOUN: return DYAD_LEM_NOUN;
  case DYAD_POS_VERB: return DYAD_LEM_VERB;
  case DYAD_POS_ADJ: return DYAD_LEM_ADJ;
  case DYAD_POS_ADV: return DYAD_LEM_ADV;
  default: return DYAD_LEM_OTHER;
  }
}

/* Which coarse parts of speech the folded word w can have (DYAD_POS_*
 * bits); 0 when the lexicon does not know it. */
uint32_t dyad__lex_pos_mask(const dyad_ctx *ctx, const char *w, size_t len);

/* Penn tag mask (DYAD_TAGBIT bits) of the folded word w; 0 if unknown. */
uint64_t dyad__lex_tags(const dyad_ctx *ctx, const char *w, size_t len);

/* Lemmatises the folded word w taken as the coarse part of speech pos (one
 * DYAD_POS_* value): "attacked" VERB -> "attack", "countries" NOUN ->
 * "country", "went" VERB -> "go", "better" ADJ -> "good". Uses the lexicon
 * first, then regular suffix rules checked against the lexicon, else w
 * itself. Writes the lemma into out (no NUL unless room) and returns its
 * length, or 0 if it does not fit in cap. Usable at dictionary load time. */
size_t dyad__lemmatize(const dyad_ctx *ctx, const char *w, size_t len,
                       int pos, char *out, size_t cap);

/* How dyad__lemma_id reads each tag: the lexicon's lemma slot
 * (DYAD_LT_SLOT bits, a DYAD_LEM_* value), DYAD_LT_NONE to skip the
 * lexicon (NNP: a name is its own lemma), DYAD_LT_MORPH when an empty slot
 * calls for the suffix rules (inflected forms) rather than the form
 * itself: one load instead of the tag's coarse part of speech and slot
 * worked out per token (lemma.c). */
enum { DYAD_LT_SLOT = 7, DYAD_LT_NONE = 8, DYAD_LT_MORPH = 16 };
extern const uint8_t dyad__lemma_how[DYAD_TAG_COUNT];

/* The suffix rules' lemma id of w for a dyad__lemma_how entry with
 * DYAD_LT_MORPH (out of line: few tokens need it). */
uint32_t dyad__lemma_morph(const dyad_ctx *ctx, const char *w, size_t len,
                           unsigned how);

/* The lemma id of the token form with vocab id form (string w, len) and
 * Penn tag: as dyad__lemmatize, returning the vocab id (0 if the lemma is
 * not in the vocabulary). Allocation free; the tagger calls it per token,
 * so it is inline. */
static inline uint32_t dyad__lemma_id(const dyad_ctx *ctx, uint32_t form,
                                      const char *w, size_t len, int tag)
{
  unsigned how = (unsigned)tag < DYAD_TAG_COUNT ? dyad__lemma_how[tag]
                                                : DYAD_LEM_OTHER;
  if (how & DYAD_LT_NONE)
    return form;
  const struct dyad_lexent *e = dyad__lex_get(ctx, form);
  uint32_t l = e ? e->lemma[how & DYAD_LT_SLOT] : 0;
  if (l)
    return l;
  if (!(how & DYAD_LT_MORPH))
    return form;
  return dyad__lemma_morph(ctx, w, len, how);
}

#endif /* DYAD_TEXT_LEXICON_H */
