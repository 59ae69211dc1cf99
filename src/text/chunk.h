/*
 * chunk.h: internals shared by the phrase chunker (phrase.c) and the clause
 * segmenter (clause.c).
 *
 * dyad__phrases (phrase.c) builds a struct dyad_chunker once per document:
 * a small table of the function words the parser looks at (their vocabulary
 * ids, classified into W_* bits) and the class bits of every token. Then,
 * sentence by sentence, phrase.c appends the phrases and clause.c the
 * clauses. Nothing here allocates per token: the per-token and per-clause
 * scratch arrays come from the doc arena, once per document.
 */
#ifndef DYAD_TEXT_CHUNK_H
#define DYAD_TEXT_CHUNK_H

#include "../internal.h"

/* Word classes (bits of a uint64_t). A token's classes are the union of the
 * classes of its form and of its lemma; users always check the tag too. */
enum {
  W_BE = 1, W_HAVE, W_DO, W_GET, W_MODAL, W_FUTURE, W_NEG, W_NO, W_LONGER,
  W_SPEECH, W_COGN, W_INTENT, W_COMMIT, W_THREAT, W_NEGCAT, W_GO,
  W_SUB, W_SUBAMB, W_COND, W_WHETHER, W_REL, W_THAT, W_WHEN, W_WHERE,
  W_TIME, W_NINTENT, W_NTHREAT, W_NNEG, W_DEF, W_NEGDET, W_PRONDT,
  W_PLPRON, W_OF, W_BY, W_ACCORDING, W_ANDOR, W_WARN, W_TIMEADJ, W_AT,
  W_LEAST, W_EX, W_OBJCTL, W_ON, W_SUCH, W_SELF,
  W_NOMPRON, W_WHAT, W_QUANT, W_FOR, W_PREPVBG, W_APPROX, W_COPULA,
  W_MORE, W_THAN, W_UP, W_AS, W_TIMEOBJ, W_WITH, W_COUNT_
};
_Static_assert(W_COUNT_ <= 64, "word classes fit in 64 bits");
#define WB(x) ((uint64_t)1 << (x))

#define CHUNK_WSLOTS 1024 /* power of two, > 2 x the number of words */

struct dyad_chunker {
  dyad_doc *doc;
  const dyad_token *t;    /* doc->toks.v */
  uint64_t *tc;           /* class bits per token */
  /* per-clause scratch, indexed by doc clause index */
  int32_t *lastpp;        /* last PP of the clause's chain */
  uint8_t *cstate;        /* CS_* bits */
  size_t maxcl;           /* capacity of the scratch arrays */
  const uint32_t *wkey;    /* word-class table: ctx's, or own below */
  const uint64_t *wcls;
  const uint8_t *wseen;    /* its presence filter (see dyad_chunk_words) */
  struct dyad_grp_memo *memo; /* phrase.c: an NP group try_appos scanned
                                 after a comma and did not take */
};

/* The word-class table (word ids of the chunker's closed lists and their
 * classes), built once per ctx by dyad__chunk_words_build so that each
 * document does not look the lists up again. */
#define CHUNK_WSEEN 4096 /* entries of the presence filter */
struct dyad_chunk_words {
  uint32_t wkey[CHUNK_WSLOTS];
  uint64_t wcls[CHUNK_WSLOTS];
  /* byte (id * 0x9E3779B1) >> 20 is 1 for every id in wkey: most tokens
   * (content words) are found absent with one load and no probe (a byte,
   * not a bit, per entry: no shift and mask to test it) */
  uint8_t wseen[CHUNK_WSEEN];
};

static inline int tag_noun(int t)
{
  return t == DYAD_TAG_NN || t == DYAD_TAG_NNS || t == DYAD_TAG_NNP ||
         t == DYAD_TAG_NNPS;
}
static inline int tag_verb(int t)
{
  return t >= DYAD_TAG_VB && t <= DYAD_TAG_VBZ;
}
static inline int tag_adv(int t)
{
  return t == DYAD_TAG_RB || t == DYAD_TAG_RBR || t == DYAD_TAG_RBS;
}
static inline int tag_adj(int t)
{
  return t == DYAD_TAG_JJ || t == DYAD_TAG_JJR || t == DYAD_TAG_JJS;
}

/* Class bits of token i. */
static inline uint64_t tcls(const struct dyad_chunker *cx, uint32_t i)
{
  return cx->tc[i];
}

/* The id used as a phrase lemma for token i: its lemma, else its form. */
static inline uint32_t tok_lemma(const dyad_token *t)
{
  return t->lemma ? t->lemma : t->form;
}

/* Appends the clauses of sentence si (whose phrases are [p0, doc->phrases.n))
 * and fills the clause-related phrase fields (clause, attach, next_pp, and
 * the flags that control verbs pass on). Returns DYAD_OK or DYAD_ENOMEM. */
dyad_status dyad__clauses(struct dyad_chunker *cx, size_t si, size_t p0);

#endif
