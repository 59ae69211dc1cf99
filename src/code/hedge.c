/*
 * hedge.c: acts a news sentence mentions but does not assert.
 *
 * modal.c maps intent, futures and threats onto CAMEO's 03x/13x codes: the
 * actor itself says what it will do. Much of economic and political news
 * instead speculates about what an actor might do ("the Soviets may import
 * more grain, an analyst said"), supposes it ("if Japan opens its
 * markets", "Should G-7 members force ..."), weighs it ("is considering
 * imposing curbs", "proposed that the bank cut rates"), or names an act
 * that is being stopped or resisted ("stop selling weapons", "resisting
 * signing the package"). None of these is an event of its actor. The
 * functions here say so for one clause, from the parse alone (clause kinds,
 * parents, verb-group flags and lemmas), so the coder can drop the event.
 *
 * Invariants: read-only on the doc; never called in literal (PETRARCH)
 * mode, whose coders code every verb as it stands.
 */
#include "code.h"

/* Is the token's folded form one of the words in list? */
static int form_in(const dyad_doc *doc, uint32_t t, const char *const *list)
{
  return dyad__tok_in(doc, &doc->toks.v[t], list);
}

/* Is the verb group's lemma one of the words in list? */
static int lemma_in(const dyad_doc *doc, const dyad_phrase *vg,
                    const char *const *list)
{
  return vg->lemma && dyad__verb_in(doc, vg, list);
}

static const dyad_phrase *vg_of(const dyad_doc *doc, const dyad_clause *c)
{
  if (c->verb < 0 || (size_t)c->verb >= doc->phrases.n)
    return NULL;
  const dyad_phrase *v = &doc->phrases.v[c->verb];
  return v->kind == DYAD_PH_VG ? v : NULL;
}

static const dyad_clause *parent_of(const dyad_doc *doc, const dyad_clause *c)
{
  if (c->parent < 0 || (size_t)c->parent >= doc->clauses.n ||
      &doc->clauses.v[c->parent] == c)
    return NULL;
  return &doc->clauses.v[c->parent];
}

/* Does NP np name an actor of the same country (first three letters of
 * the code) as src? The coordination group stands for a member. */
static int same_side(dyad_doc *doc, struct coder_state *cs, int32_t np,
                     const char *src)
{
  if (np < 0 || (size_t)np >= doc->phrases.n || !src || strlen(src) < 3)
    return 0;
  for (int g = 0; g < 4; g++) {
    int32_t up = doc->phrases.v[np].up;
    if (up < 0 || (size_t)up >= doc->phrases.n ||
        doc->phrases.v[up].kind != DYAD_PH_NP ||
        !(doc->phrases.v[up].flags & DYAD_PHF_COORD))
      break;
    np = up;
  }
  const struct np_actors *a = dyad__np_actors(doc, cs, np);
  if (!a)
    return 0;
  for (size_t k = 0; k < a->n; k++)
    if (strncmp(a->code[k], src, 3) == 0)
      return 1;
  return 0;
}

/* How a verb group is modal, by its modal word: 0 not modal (or modal
 * inside a future, an intent or a threat, which modal.c reads), 1
 * "would"/"'d" (a future seen from the past when reported, else a
 * hypothesis), 2 the others (can, could, may, might, should, must:
 * possibility or obligation, and "likely", "possibly" cues; a future
 * with "probably", "possibly", "perhaps" or "maybe" in it too). */
static int modal_kind(const dyad_doc *doc, const dyad_phrase *vg)
{
  static const char *const would[] = {"would", "'d", "wo", NULL};
  static const char *const must[] = {"must", "should", "ought", NULL};
  static const char *const probably[] = {"probably", "possibly", "perhaps",
                                         "maybe", NULL};
  /* "which will likely ask to copy India": a future guessed at */
  for (uint32_t t = vg->tok; t < vg->head; t++)
    if (doc->toks.v[t].tag == DYAD_TAG_RB && form_in(doc, t, probably))
      return 2;
  if (!(vg->flags & DYAD_PHF_MODAL))
    return 0;
  /* "should also threaten to blockade Iran": advice, whatever it names */
  for (uint32_t t = vg->tok; t < vg->tok + vg->ntok; t++)
    if (doc->toks.v[t].tag == DYAD_TAG_MD && form_in(doc, t, must))
      return 2;
  if (vg->flags & (DYAD_PHF_FUTURE | DYAD_PHF_INTENT | DYAD_PHF_THREAT))
    return 0;
  if (dyad__glue_cue(doc->ctx, CUE_INTENT, doc->toks.v, doc->toks.n,
                     vg->head) ||
      dyad__glue_cue(doc->ctx, CUE_THREAT, doc->toks.v, doc->toks.n,
                     vg->head))
    return 0; /* "would be willing to", "could threaten to" */
  for (uint32_t t = vg->tok; t < vg->tok + vg->ntok; t++)
    if (doc->toks.v[t].tag == DYAD_TAG_MD)
      return form_in(doc, t, would) ? 1 : 2;
  return 2;
}

/* Does clause c govern an if- or unless-clause ("may revoke the licences
 * if progress is not made")? Then its modal is a conditional promise or
 * threat of its actor, which modal.c codes, not a guess. */
static int has_condition(const dyad_doc *doc, const dyad_clause *c)
{
  size_t ci = (size_t)(c - doc->clauses.v);
  size_t lo = ci > 4 ? ci - 4 : 0;
  for (size_t k = lo; k < doc->clauses.n && k < ci + 8; k++) {
    if (k == ci || !(doc->clauses.v[k].flags & DYAD_CLF_CONDITIONAL))
      continue;
    /* (through the clauses between: "may cancel permits when they fall
     * due for renewal if ...") */
    int32_t p = doc->clauses.v[k].parent;
    for (int g = 0; g < 4 && p >= 0 && (size_t)p < doc->clauses.n; g++) {
      if (p == (int32_t)ci)
        return 1;
      p = doc->clauses.v[p].parent;
    }
  }
  return 0;
}

/* Is the verb group's modal one of obligation ("must", "should",
 * "ought")? Advice with a condition ("must cooperate if they want to
 * survive") is no promise or threat. */
static int obliged(const dyad_doc *doc, const dyad_phrase *vg)
{
  static const char *const must[] = {"must", "should", "ought", NULL};
  for (uint32_t t = vg->tok; t < vg->tok + vg->ntok; t++)
    if (form_in(doc, t, must))
      return 1;
  return 0;
}

/* Is clause c's own verb group a supposition: a "would" outside reported
 * speech ("Britain would lose out"), or a possibility whose speaker is
 * not on the source's side ("the Soviets may import grain, an analyst
 * said"; "Japan could retaliate" with no speaker at all)? An actor's own
 * side saying it may act ("the United States may lift sanctions, U.S.
 * officials said") signals intent, which modal.c codes. */
static int supposed(dyad_doc *doc, struct coder_state *cs,
                    const dyad_clause *c, const dyad_phrase *vg,
                    const char *src)
{
  static const char *const wish[] = {"like", "love", "prefer", NULL};
  int k = modal_kind(doc, vg);
  if (!k || lemma_in(doc, vg, wish)) /* "would like to meet" */
    return 0;
  if (has_condition(doc, c) && !obliged(doc, vg))
    return 0;
  int reported = (c->flags & (DYAD_CLF_REPORTED | DYAD_CLF_QUOTE)) != 0;
  if (k == 1)
    return !reported;
  return !same_side(doc, cs, c->speaker, src);
}

/* Verbs of belief and forecast: what their complement says is someone's
 * guess, unless the one guessing is the actor itself ("Japan expects it
 * will sign"). */
static const char *const guess_verbs[] = {
    "expect", "believe", "think", "predict", "forecast", "speculate",
    "estimate", "doubt", "fear", "suspect", "assume", "guess", "reckon",
    "anticipate", "project", "suppose", "imagine", "rumour", "rumor",
    "worry", "calculate", "bet", "wonder", NULL};
/* Verbs of deliberation and advice: a gerund or that-clause under them
 * is an option weighed or recommended, not an act ("is considering
 * imposing curbs", "recommended that the bank cut rates"). */
static const char *const weigh_verbs[] = {
    "consider", "discuss", "study", "weigh", "debate", "examine", "review",
    "contemplate", "mull", "explore", "propose", "suggest", "recommend",
    "advise", "favor", "favour", "advocate", "envisage", "envision", NULL};
/* Verbs whose gerund or infinitive object is an act stopped, avoided,
 * resisted or kept from happening ("stop selling", "resisting signing",
 * "prevented Japan from buying"). */
static const char *const counter_verbs[] = {
    "stop", "cease", "halt", "quit", "end", "avoid", "resist", "refrain",
    "delay", "postpone", "defer", "suspend", "abandon", "oppose", "deny",
    "reject", "prevent", "block", "bar", "ban", "prohibit", "forbid",
    "discourage", "deter", "escape", "evade", "dodge", "discontinue",
    "rule", NULL};

/* Is clause c (a gerund or infinitive) the object of its parent's verb:
 * right after it ("stop selling") or after its object and "from"
 * ("prevented Japan from selling")? */
static int object_of(const dyad_doc *doc, const dyad_clause *c,
                     const dyad_phrase *vg, const dyad_phrase *pv)
{
  static const char *const from[] = {"from", "out", NULL};
  if (vg->tok == pv->tok + pv->ntok)
    return 1;
  if (vg->tok > 0 && form_in(doc, vg->tok - 1, from) && vg->tok - 1 > pv->tok)
    return vg->tok - 1 - (pv->tok + pv->ntok) <= 6;
  (void)c;
  return 0;
}

/* Nouns of claim and expectation: a that-clause after them is what
 * someone reports, charges or fears, not an act the text asserts
 * ("denied claims that it planned to block ports", "despite
 * Syrian charges that Jordan is arming rebels"). */
static const char *const claim_nouns[] = {
    "report", "reports", "charge", "charges", "allegation", "allegations",
    "accusation", "accusations", "claim", "claims", "rumour", "rumours",
    "rumor", "rumors", "speculation", "suggestion", "suggestions", "fear",
    "fears", "hope", "hopes", "possibility", "belief", "impression",
    "expectation", "expectations", "assumption", "suspicion", "suspicions",
    "likelihood", "prospect", "prospects", "risk", "danger", "threat",
    "idea", "notion", "theory", "sentiment", "feeling", "feelings",
    "perception", "concern", "concerns", NULL};

/* Is clause c a that-clause after a noun of claim? */
static int claimed(const dyad_doc *doc, const dyad_clause *c)
{
  static const char *const that[] = {"that", NULL};
  uint32_t w = c->sub_word;
  return w != UINT32_MAX && w > 0 && w < doc->toks.n &&
         form_in(doc, w, that) && form_in(doc, w - 1, claim_nouns);
}

/* Is infinitive clause c the complement of "be likely/unlikely/bound"
 * in its parent ("Nakasone is likely to leave office", "is very unlikely
 * to cut rates")? Returns 1 likely (a forecast), 2 unlikely (a forecast
 * that it will not happen), 0 neither. */
static int likelihood(const dyad_doc *doc, const dyad_clause *c,
                      const dyad_phrase *vg, const dyad_phrase *pv)
{
  static const char *const be[] = {"be", NULL};
  static const char *const likely[] = {"likely", "probable", NULL};
  static const char *const unlikely[] = {"unlikely", "improbable", NULL};
  static const char *const adv[] = {"very", "most", "more", "less", "quite",
                                    "highly", "not", "also", "still",
                                    "increasingly", NULL};
  if (c->kind != DYAD_CL_INF || !lemma_in(doc, pv, be) ||
      vg->tok <= pv->tok + pv->ntok || vg->tok - (pv->tok + pv->ntok) > 3)
    return 0;
  uint32_t adj = vg->tok - 1;
  for (uint32_t t = pv->tok + pv->ntok; t < adj; t++)
    if (!form_in(doc, t, adv))
      return 0;
  if (form_in(doc, adj, unlikely))
    return 2;
  return form_in(doc, adj, likely) ? 1 : 0;
}

/* Is clause c an open question ("put off a ruling on whether to
 * grant the request", "asked whether Japan would retaliate")? */
static int open_question(const dyad_doc *doc, const dyad_clause *c)
{
  static const char *const whether[] = {"whether", NULL};
  uint32_t w = c->sub_word;
  return w != UINT32_MAX && w < doc->toks.n && form_in(doc, w, whether);
}

/* Is non-finite clause c a capability ("missiles capable of hitting
 * tankers", "the capacity to strike"): what could be done, not what was? */
static int capability(const dyad_doc *doc, const dyad_clause *c,
                      const dyad_phrase *vg)
{
  static const char *const able[] = {"capable", "capability",
                                     "capabilities", "capacity", "ability",
                                     NULL};
  static const char *const of_to[] = {"of", "to", NULL};
  if (c->kind != DYAD_CL_PART && c->kind != DYAD_CL_INF &&
      c->kind != DYAD_CL_SUB)
    return 0;
  uint32_t t = vg->tok; /* the "to" of an infinitive is in its group */
  if (c->kind != DYAD_CL_INF) {
    if (t < 1 || !form_in(doc, t - 1, of_to))
      return 0;
    t--;
  }
  return t >= 1 && form_in(doc, t - 1, able);
}

/* Is infinitive clause c a for-to infinitive ("the best hope is for
 * Paris to team up", "it is time for Japan to open", "called for
 * the U.S. to cut")? Its subject comes after "for" and right before the
 * verb group: the act is what someone judges needed, good or wanted, said
 * of the subject, not something it did or means to do (a request that
 * governs it is coded from its own verb). */
static int for_to(const dyad_doc *doc, const dyad_clause *c,
                  const dyad_phrase *vg)
{
  static const char *const for_[] = {"for", NULL};
  if (c->kind != DYAD_CL_INF || c->subj < 0 ||
      (size_t)c->subj >= doc->phrases.n ||
      (c->flags & DYAD_CLF_SUBJ_INHERITED))
    return 0;
  const dyad_phrase *s = &doc->phrases.v[c->subj];
  if (s->up >= 0 && (size_t)s->up < doc->phrases.n &&
      doc->phrases.v[s->up].kind == DYAD_PH_NP)
    s = &doc->phrases.v[s->up]; /* "for Japan and the U.S. to" */
  return s->tok > 0 && s->tok + s->ntok == vg->tok &&
         form_in(doc, s->tok - 1, for_);
}

/* Is clause c a gerund after "of" and a noun that names an option ("had
 * resisted the idea of seeking Merkel's help", "the possibility of
 * imposing quotas")? What the option holds is not done. */
static int option_of(const dyad_doc *doc, const dyad_clause *c)
{
  static const char *const of[] = {"of", NULL};
  static const char *const option[] = {
      "idea", "ideas", "notion", "possibility", "possibilities", "prospect",
      "option", "options", "thought", "question", "proposal", "proposals",
      "suggestion", "prospects", NULL};
  uint32_t w = c->sub_word;
  return c->kind == DYAD_CL_PART && w != UINT32_MAX && w > 0 &&
         w < doc->toks.n && form_in(doc, w, of) &&
         form_in(doc, w - 1, option);
}

/* Is clause c a gerund after "on", "about" or "over" and a noun of
 * consultation ("agreed to formal talks on signing a pact")? The talks
 * are the act; what they are about is not done. */
static int talks_on(const dyad_doc *doc, const dyad_clause *c)
{
  static const char *const on[] = {"on", "about", "over", NULL};
  uint32_t w = c->sub_word;
  if (c->kind != DYAD_CL_PART || w == UINT32_MAX || w == 0 ||
      w >= doc->toks.n || !form_in(doc, w, on))
    return 0;
  for (uint32_t i = w > 3 ? w - 3 : 0; i < w; i++) {
    struct noun_hit nh;
    uint32_t n = dyad__glue_noun(doc->ctx, doc->toks.v, w, i, &nh);
    if (n && i + n == w)
      return strncmp(nh.code, "04", 2) == 0;
  }
  return 0;
}

int dyad__hedged(dyad_doc *doc, struct coder_state *cs, const dyad_clause *c,
                 const char *src)
{
  if (!c || (doc->ctx->flags & DYAD_CFG_LITERAL))
    return 0;
  const dyad_phrase *vg = vg_of(doc, c);
  if (c->flags & DYAD_CLF_CONDITIONAL)
    return 1; /* "if Japan opens its markets" */
  if (claimed(doc, c) || open_question(doc, c))
    return 1;
  if ((vg && for_to(doc, c, vg)) || option_of(doc, c) || talks_on(doc, c))
    return 1;
  if (vg && (supposed(doc, cs, c, vg, src) || capability(doc, c, vg)))
    return 1;
  /* the clauses that govern c: an if-clause, an inverted conditional
   * ("Should G-7 members force"), a supposition, a guess by someone else,
   * a deliberation, a stopped act; a speech verb ends the walk (its
   * speaker was read above) */
  const dyad_clause *cur = c;
  int coord = 0; /* the walk went through a coordination, whose first
                    conjunct the parser may have hung deep ("reports that
                    it intended to ... were baseless, and warned X") */
  for (int hop = 0; hop < 4 && vg; hop++) {
    /* (a gerund after a subordinator is part of its parent's act: "must
     * take steps such as mining the harbours", "may retaliate by mining") */
    int gerund_sub = cur->kind == DYAD_CL_SUB &&
                     (vg->flags & DYAD_PHF_GERUND);
    if (cur->kind != DYAD_CL_COMP && cur->kind != DYAD_CL_INF &&
        cur->kind != DYAD_CL_PART && !gerund_sub &&
        !(cur->kind == DYAD_CL_COORD &&
          (cur->flags & DYAD_CLF_SUBJ_INHERITED)))
      break;
    const dyad_clause *a = parent_of(doc, cur);
    if (a && open_question(doc, a))
      return 1;
    const dyad_phrase *pv = a ? vg_of(doc, a) : NULL;
    if (!pv)
      break;
    if (a->flags & DYAD_CLF_CONDITIONAL)
      return 1;
    /* (a first conjunct's claim or negation is its own: "did not specify
     * which ... but had offered India a choice") */
    if (cur->kind == DYAD_CL_COORD)
      coord = 1;
    if (!coord && (claimed(doc, a) || (pv->flags & DYAD_PHF_NEGATED)))
      return 1; /* "it was not true that X had threatened", "did not say
                   that": a statement the governing clause denies */
    if (doc->toks.v[pv->head].tag == DYAD_TAG_MD)
      return 1; /* a verb group that is only a modal: "Should X force" */
    int nonfinite = cur->kind == DYAD_CL_INF || cur->kind == DYAD_CL_PART;
    /* "is likely to leave office, analysts said": a forecast, unless the
     * actor's own side makes it; "unlikely to" never asserts the act */
    int lk = likelihood(doc, cur, vg, pv);
    if (lk == 2 || (lk == 1 && !same_side(doc, cs, a->speaker, src)))
      return 1;
    if (cur->kind != DYAD_CL_COORD) {
      if (nonfinite && lemma_in(doc, pv, counter_verbs) &&
          object_of(doc, cur, vg, pv))
        return 1;
      /* ("is expected to sign": a schedule, read as a future) */
      int sched = (pv->flags & DYAD_PHF_PASSIVE) &&
                  dyad__glue_cue(doc->ctx, CUE_FUTURE, doc->toks.v,
                                 doc->toks.n, pv->tok);
      if (!sched && lemma_in(doc, pv, guess_verbs) &&
          !(nonfinite && (cur->flags & DYAD_CLF_SUBJ_INHERITED) &&
            !(pv->flags & DYAD_PHF_PASSIVE) &&
            same_side(doc, cs, a->subj, src)) &&
          !(cur->kind == DYAD_CL_COMP && same_side(doc, cs, a->subj, src)))
        return 1;
      if (cur->kind != DYAD_CL_INF && lemma_in(doc, pv, weigh_verbs))
        return 1;
    }
    if (dyad__glue_cue(doc->ctx, CUE_REPORT, doc->toks.v, doc->toks.n,
                       pv->head))
      break;
    if (supposed(doc, cs, a, pv, src))
      return 1; /* "Canada would suffer by moving against" */
    cur = a;
    vg = pv;
  }
  return 0;
}

