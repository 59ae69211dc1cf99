/*
 * code.h: the event coder's internal interface.
 *
 * The coder reads the parse (phrases and clauses) and the dictionaries and
 * appends dyad_event records. It is split into:
 *   code/glue.c    the few dictionary look-ups the coder needs (adapter
 *                  over src/dict/dict.h, so the coder does not depend on
 *                  the dictionary tables' layout)
 *   code/actor.c   noun phrase -> actor codes (dictionary, country+agent,
 *                  titles, metonyms, pronouns and descriptions)
 *   code/modal.c   negation, modality, intent and threat -> CAMEO codes
 *   code/hedge.c   acts only supposed, guessed, weighed or stopped
 *   code/coder.c   clause -> source, verb pattern, target; event nouns
 */
#ifndef DYAD_CODE_H
#define DYAD_CODE_H

#include "../internal.h"
#include "../dict/dict.h"

/* The byte span of tokens [a, end) of doc. */
static inline dyad_span dyad__tok_span(const dyad_doc *doc, uint32_t a,
                                       uint32_t end)
{
  dyad_span s;
  s.off = doc->toks.v[a].off;
  s.len = doc->toks.v[end - 1].off + doc->toks.v[end - 1].len - s.off;
  return s;
}

/* Index of the first phrase whose first token is at or after token t
 * (phrases are in text order of their first token); phrases.n if none. */
static inline size_t dyad__phrase_from(const dyad_doc *doc, uint32_t t)
{
  size_t lo = 0, hi = doc->phrases.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->phrases.v[mid].tok < t)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Is token t inside a date or time expression ("Last month", "at the
 * weekend")? */
static inline int dyad__in_timex(const dyad_doc *doc, uint32_t t)
{
  uint32_t off = doc->toks.v[t].off;
  for (size_t k = 0; k < doc->timexes.n; k++) {
    dyad_span ts = doc->timexes.v[k].span;
    if (off >= ts.off && off < ts.off + ts.len)
      return 1;
  }
  return 0;
}

/* ==== dictionary look-ups (glue.c) ===================================== */

/* Actor types, as in data/README.md's type= attribute. */
enum {
  ACT_NONE = 0, ACT_COUNTRY, ACT_ADJ, ACT_CAPITAL, ACT_PERSON, ACT_IGO,
  ACT_GROUP, ACT_BLOC, ACT_ORG
};

struct actor_hit {
  uint32_t ntok;            /* tokens matched, 0: none */
  char code[DYAD_CODE_MAX]; /* code in force on the date ("" if none) */
  int type;                 /* ACT_* */
  char sex;                 /* 'm', 'f' or 0 */
  char country[8];          /* country=, or the code's first 3 letters */
  const char *roles;        /* comma list of role words, or NULL */
  const char *rule;         /* "file:line", ctx-owned */
};

struct agent_hit {
  uint32_t ntok;            /* tokens matched, 0: none */
  char code[8];             /* agent code ("MIL") */
  int title;                /* a title that precedes names */
  int prefix;               /* its code goes before the actor's (NGO) */
  const char *rule;
};

struct noun_hit {
  uint32_t ntok;
  char code[8];             /* event code */
  char mirror[8];           /* code of the swapped event, "" none */
  const uint32_t *preps;    /* vocab ids of the prepositions that name the
                               target, npreps of them */
  size_t npreps;
  const char *rule;
};

enum { CUE_NEGATION = 0, CUE_NEGVERB, CUE_MODAL, CUE_FUTURE, CUE_INTENT,
       CUE_THREAT, CUE_CONDITIONAL, CUE_REPORT, CUE_DENY, CUE_KINDS };

/* Length of the longest actor phrase at token i (of toks[0..n)) when that
 * phrase names no actor (`= -`, "the Uruguay round"), else 0. */
uint32_t dyad__glue_no_actor(const dyad_ctx *ctx, const dyad_token *toks,
                             size_t n, size_t i);

/* Longest actor phrase starting at token i (of toks[0..n)), with the code
 * in force on date. Returns hit->ntok (0: none). */
uint32_t dyad__glue_actor(const dyad_ctx *ctx, const dyad_token *toks,
                          size_t n, size_t i, dyad_date date,
                          struct actor_hit *hit);
uint32_t dyad__glue_agent(const dyad_ctx *ctx, const dyad_token *toks,
                          size_t n, size_t i, struct agent_hit *hit);
uint32_t dyad__glue_noun(const dyad_ctx *ctx, const dyad_token *toks,
                         size_t n, size_t i, struct noun_hit *hit);
/* Tokens matched by a cue of the given kind at i, 0: none. */
uint32_t dyad__glue_cue(const dyad_ctx *ctx, int kind, const dyad_token *toks,
                        size_t n, size_t i);
/* Is the code a known CAMEO event code? */
int dyad__glue_known_code(const dyad_ctx *ctx, const char *code);

/* ==== actors (actor.c) ================================================= */

#define ACTORS_MAX 8

/* The actors a noun phrase names (several for a coordination). */
struct np_actors {
  size_t n;
  char code[ACTORS_MAX][DYAD_CODE_MAX];
  dyad_span span[ACTORS_MAX];
  const char *rule[ACTORS_MAX];
  int type[ACTORS_MAX];      /* ACT_* (ACT_ORG for country+agent) */
  char sex[ACTORS_MAX];      /* 'm', 'f', 0 */
};

/* An actor mentioned earlier in the document, for pronouns and
 * descriptions. */
struct mention {
  char code[DYAD_CODE_MAX];
  char country[8];
  dyad_span span;
  int type;
  char sex;
  const char *roles;
  uint32_t sent;
  uint8_t plural;  /* for a blank mention (type ACT_NONE): a subject that
                      names no actor ("the bank said it ...") and so is the
                      likelier antecedent of a later it/they */
};

#define MENTIONS_MAX 64

/* Per-document coder state, kept in doc->coder_state and reused. */
struct coder_state {
  struct mention ment[MENTIONS_MAX]; /* ring of recent mentions */
  size_t nment;                      /* total ever added */
  int32_t *np_cache;                 /* per phrase: index into acts, -1 */
  size_t np_cache_cap;
  DYAD_VEC(struct np_actors) acts;   /* resolved NPs of the current doc */
};

/* Resolves NP phrase pi (with its coordination members) to actors.
 * Results are cached per phrase for the document. Returns NULL when the
 * phrase names no actor. */
const struct np_actors *dyad__np_actors(dyad_doc *doc,
                                        struct coder_state *cs, int32_t pi);

/* The country a phrase that names no actor belongs to, from a country
 * adjective or name before its head ("Palestinian homes", "a Lebanese
 * millionaire's assets"): fills out with one actor and returns 1, or 0. */
int dyad__np_country(dyad_doc *doc, int32_t pi, struct np_actors *out);

/* A person no dictionary lists, named by an office and a name ("Judge
 * Marta Quispe", "President Ana Lopes"), with no country in the
 * phrase: fills out with one actor coded "---" + the office's agent code
 * and returns 2 for an office that acts only at home (a judge), 1 for
 * another state office, or 0 (not such a phrase). */
int dyad__np_titled(dyad_doc *doc, int32_t pi, struct np_actors *out);
uint32_t dyad__sent_of(const dyad_doc *doc, uint32_t tok);

/* Is the country or demonym matched at tokens [i, i+n) part of
 * a longer place name (found by the WHERE stage) that lies in another
 * country than cc, or in none ("New England", "British Columbia", "Gulf
 * of Mexico")? (placename.c) */
int dyad__place_hides(const dyad_doc *doc, uint32_t i, uint32_t n,
                      const char *cc);

/* Records the actors of a phrase as mentions (called in text order). */
void dyad__note_mentions(dyad_doc *doc, struct coder_state *cs, int32_t pi);

/* ==== modality (modal.c) =============================================== */

/* The code to emit for an act coded `code` in a verb group with the given
 * flags (DYAD_PHF_*) and clause flags (DYAD_CLF_*). Writes the code (or ""
 * when no event should be emitted) into out (8 bytes). */
void dyad__modal_code(const char *code, uint32_t vgflags, uint32_t clflags,
                      char out[8]);

/* ==== hedges (hedge.c) ================================================= */

/* Does clause c only suppose, guess, weigh or stop the act its verb names
 * (an if-clause, "may" with no speaker of the source's own side, "analysts
 * expect X to", "is considering imposing", "stop selling")? src is the
 * source actor's code. Always 0 in literal mode. */
int dyad__hedged(dyad_doc *doc, struct coder_state *cs, const dyad_clause *c,
                 const char *src);

/* ==== requests (request.c) ============================================= */

/* Refines the code of a request (an appeal 02x, a demand 10x, or a
 * refusal 12x of what was asked) by the
 * code of the act requested: writes the sub-code into out (8 bytes) and
 * returns 1, or returns 0 when the act says nothing more. */
int dyad__request_code(const char *req, const char *act, char out[8]);
/* Is code a request or refusal code no pattern has refined yet (020,
 * 100, 120)? */
int dyad__request_generic(const char *code);
/* Is code an act that actors named together do to one another ("X and Y
 * met")? */
int dyad__code_mutual(const char *code);
/* Is token t (folded once) one of the words of the NULL-ended list?
 * (actor.c) */
int dyad__tok_in(const dyad_doc *doc, const dyad_token *t,
                 const char *const *list);
/* Is the lemma of verb group vg one of the words of the NULL-ended list?
 * (coder.c) */
int dyad__verb_in(const dyad_doc *doc, const dyad_phrase *vg,
                  const char *const *list);
/* Is code an act that is an event with its source alone ("demanded early
 * elections", "went on strike"), the target left "---"? src: the source
 * (protests need people, request.c protester). noun: the act is named by
 * an event noun. */
int dyad__code_targetless(const char *code, const char *src, int noun);

#endif
