/*
 * coder.c: the event coder. Clause -> source actor, event code, target.
 *
 * Verb-anchored and clause-bounded (DESIGN.md). For each clause with a
 * verb group:
 *   1. the verb's patterns are tried longest first against the words after
 *      the verb inside the clause (particles, object nouns, prepositions;
 *      `*` takes the noun phrase at that point as the target);
 *   2. the source is the clause subject (inherited for coordinated and
 *      infinitival clauses; the by-phrase for passives, whose subject is
 *      then the target); the target is the pattern's slot, else the direct
 *      object, else the noun phrase of the pattern's last preposition;
 *   3. negation drops the event (or flags it with --negated); intent,
 *      modality, futures, threats and conditionals map it to 03x/13x;
 *   4. compound actors expand to one event per pair.
 * Then events named by nouns: "Russian drone attacks" on a target named in
 * the clause, "Xi's visit to Moscow", "sanctions on Russia", "talks".
 * Captions, credit lines and datelines are skipped. Identical events in one
 * sentence are emitted once. A verb with no matching pattern yields nothing.
 *
 * Literal mode (DYAD_CFG_LITERAL, `dyad validate`) reads PETRARCH/TABARI
 * dictionaries the way those coders did: pattern words may lie anywhere
 * later in the sentence and pre-verb words in the clauses above; slots
 * look ahead (`^` skips a noun phrase, `+`/`$` take the next one naming an
 * actor); every infinitive is coded, a gerund after a preposition is not;
 * a passive without a by-agent keeps its subject as the source; the
 * default target may lie past a pattern preposition whose noun names no
 * actor, outside adverbial clauses and clauses the verb does not govern.
 */
#include "code.h"
#include "../when/when.h"
#include "../where/where.h"
#include "../text/lexicon.h"

#include <stdio.h>

/* ---- per-document state ---------------------------------------------- */

static struct coder_state *state(dyad_doc *doc)
{
  struct coder_state *cs = doc->coder_state;
  if (!cs) {
    cs = dyad__calloc(&doc->ctx->alloc, sizeof(*cs));
    if (!cs)
      return NULL;
    doc->coder_state = cs;
  }
  cs->nment = 0;
  cs->acts.n = 0;
  for (size_t i = 0; i < cs->np_cache_cap; i++)
    cs->np_cache[i] = -2;
  return cs;
}

void dyad__coder_state_free(dyad_doc *doc)
{
  struct coder_state *cs = doc->coder_state;
  if (!cs)
    return;
  const struct dyad_allocator *a = &doc->ctx->alloc;
  dyad__free(a, cs->np_cache, cs->np_cache_cap * sizeof(int32_t));
  dyad_vec_free(a, cs->acts);
  dyad__free(a, cs, sizeof(*cs));
  doc->coder_state = NULL;
}

/* ---- helpers --------------------------------------------------------- */

static int tokmatch(const dyad_token *t, uint32_t word)
{
  return word && (t->lemma == word || t->form == word);
}

/* Index of the first phrase that starts after token t (phrases are in
 * text order of their first token). */
static size_t phrase_after(const dyad_doc *doc, uint32_t t)
{
  return t == UINT32_MAX ? doc->phrases.n : dyad__phrase_from(doc, t + 1);
}

/* The NP that covers token t, -1 if none. */
static int32_t np_at(const dyad_doc *doc, uint32_t t)
{
  size_t k = phrase_after(doc, t);
  for (size_t g = 0; k > 0 && g < 8; g++) {
    const dyad_phrase *p = &doc->phrases.v[--k];
    if (p->kind == DYAD_PH_NP && t >= p->tok && t < p->tok + p->ntok) {
      /* PETRARCH reads "its embassy" as one noun phrase, not "its" */
      if ((p->flags & DYAD_PHF_POSSESSOR) && p->up >= 0 &&
          (doc->ctx->flags & DYAD_CFG_LITERAL))
        return p->up;
      return (int32_t)k;
    }
  }
  return -1;
}

/* The phrase to resolve for an NP: a coordination member stands for its
 * whole coordination group ("Xi and Putin"), whose members the actor
 * resolver walks. */
static int32_t np_first(const dyad_doc *doc, int32_t pi)
{
  for (int g = 0; g < 4 && pi >= 0; g++) {
    int32_t up = doc->phrases.v[pi].up;
    if (up < 0 || (size_t)up >= doc->phrases.n)
      break;
    const dyad_phrase *u = &doc->phrases.v[up];
    if (u->kind != DYAD_PH_NP || !(u->flags & DYAD_PHF_COORD))
      break;
    pi = up;
  }
  return pi;
}

static const dyad_phrase *ph(const dyad_doc *doc, int32_t i)
{
  return (i >= 0 && (size_t)i < doc->phrases.n) ? &doc->phrases.v[i] : NULL;
}

/* NP of the PP whose preposition is token t, -1 if none. */
static int32_t pp_np_at(const dyad_doc *doc, uint32_t t)
{
  size_t k = phrase_after(doc, t);
  for (size_t g = 0; k > 0 && g < 8; g++) {
    const dyad_phrase *p = &doc->phrases.v[--k];
    if (p->tok < t)
      break;
    if (p->kind == DYAD_PH_PP && p->tok == t)
      return p->child;
  }
  return -1;
}


/* ---- emitting -------------------------------------------------------- */

struct emit_ctx {
  dyad_doc *doc;
  struct coder_state *cs;
  uint32_t sent;
  size_t first_event;     /* events of this sentence start here */
  const dyad_clause *cl;  /* clause being coded (dates, places), or NULL */
  uint32_t used[32];      /* tokens a verb pattern's words matched: an
                             event noun there is part of that event */
  size_t nused;
  uint32_t clause0;       /* index of the sentence's first clause */
  uint64_t covered;       /* literal mode: bit k, clause clause0+k coded
                             an event or stands in one that did */
  struct np_actors named; /* subject_actors: a subject with its apposition */
};

/* Is an event of this code by a country's own actor on the bare country
 * void? Visits ("officials touring their own country") and the verbal
 * codes (statements, appeals, praise, demands, disapproval, rejection,
 * threats: "the minister warned that Japan would ...", "insisted that the
 * country was ...", "Bush's backing of plans for U.S./Mexico free
 * trade") are self-references in news, not events. Material acts on
 * the country (lifting an emergency in a province, outlawing a group in
 * it) and promises to it are domestic events and stay. */
static int self_country_void(const char *code)
{
  if (strncmp(code, "042", 3) == 0 || strncmp(code, "043", 3) == 0)
    return 1;
  static const char *const verbal[] = {"01", "02", "05", "10", "11", "12",
                                       "13"};
  for (size_t k = 0; k < DYAD_ARRAY_LEN(verbal); k++)
    if (strncmp(code, verbal[k], 2) == 0)
      return 1;
  return 0;
}

/* Is clause c dated more than a year before the article by its own words
 * ("the Arabs' defeat in 1967", "had seized the island in 1982")? Such
 * background is history the article recalls, not news of its date; with
 * only a year (no day) the event cannot be dated either, so it is no
 * event. A year after the article (a plan for 1989) is no act yet, but
 * modal.c and the hedges read those; "last year" stays (within a year). */
static int stale(const dyad_doc *doc, const dyad_clause *c,
                 const char *code)
{
  if (!c || !doc->date)
    return 0;
  int y = dyad__event_year(doc, c);
  int ay = (int)(doc->date / 10000);
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  int verbal = root <= 5 || (root >= 10 && root <= 13);
  if (y > ay && !verbal)
    return 1; /* a material act dated in a later year has not happened:
                 "until she steps down in May 1991", "return it to
                 Chinese rule in 2049" (a statement, appeal, intent or
                 threat about then is made now) */
  if (strcmp(code, "061") == 0 && y > 0 && y < ay)
    return 1; /* trade dated by an earlier year is a statistic ("shipped
                 48,000 tonnes of rice to Poland in 1985",
                 "last year"), not a deal of the article's news */
  return y > 0 && y < ay - 1;
}

/* Where the act of clause c happened, as a place index: a place in the
 * clause, else in a when- or as-clause it governs ("killed 9 people when
 * they set off a bomb in Haifa"); -1 if none. */
static int32_t act_place(dyad_doc *doc, const dyad_clause *c)
{
  int32_t pl = dyad__event_place(doc, c, NULL, NULL);
  if (pl >= 0)
    return pl;
  static const char *const when[] = {"when", "as", NULL};
  size_t ci = (size_t)(c - doc->clauses.v);
  for (size_t k = ci + 1; k < doc->clauses.n && k < ci + 4; k++) {
    const dyad_clause *d = &doc->clauses.v[k];
    if (d->parent == (int32_t)ci && d->kind == DYAD_CL_SUB &&
        d->sub_word < doc->toks.n &&
        dyad__tok_in(doc, &doc->toks.v[d->sub_word], when))
      return dyad__event_place(doc, d, NULL, NULL);
  }
  return -1;
}

/* Is NP np people (a CVL agent at its head: "23 people", "civilians")
 * hurt where clause c places the act? Then out holds them as that
 * country's civilians. */
static int located_people(struct emit_ctx *ec, const dyad_clause *c,
                          int32_t np, struct np_actors *out)
{
  dyad_doc *doc = ec->doc;
  const dyad_phrase *p = ph(doc, np);
  if (!p || p->kind != DYAD_PH_NP || (p->flags & DYAD_PHF_COORD) ||
      p->poss >= 0)
    return 0;
  struct agent_hit ah;
  int people = 0;
  for (uint32_t i = p->tok; i <= p->head && !people; i++) {
    uint32_t n = dyad__glue_agent(doc->ctx, doc->toks.v, p->tok + p->ntok,
                                  i, &ah);
    people = n && i + n == p->head + 1 && strcmp(ah.code, "CVL") == 0;
  }
  if (!people)
    return 0;
  int32_t pl = act_place(doc, c);
  if (pl < 0 || !doc->places.v[pl].country[0])
    return 0;
  memset(out, 0, sizeof(*out));
  char code[DYAD_CODE_MAX];
  snprintf(code, sizeof(code), "%.3sCVL", doc->places.v[pl].country);
  out->n = 1;
  memcpy(out->code[0], code, sizeof(code));
  out->span[0] = dyad__tok_span(doc, p->tok, p->tok + p->ntok);
  out->rule[0] = NULL;
  out->type[0] = ACT_ORG;
  return 1;
}

/* Does a country's army, police or government (src "SDNMIL") use force
 * (root 18-20) on rebels of no country (tgt "---REB")? */
static int state_fights_rebels(const char *src, const char *tgt,
                               const char *code)
{
  static const char *const state[] = {"MIL", "COP", "GOV", "SPY", NULL};
  static const char *const rebel[] = {"REB", NULL};
  if (strlen(src) < 6 || strncmp(src, "---", 3) == 0 ||
      strncmp(tgt, "---", 3) != 0 || strlen(tgt) != 6)
    return 0;
  if (strncmp(code, "18", 2) != 0 && strncmp(code, "19", 2) != 0 &&
      strncmp(code, "20", 2) != 0)
    return 0;
  int s = 0, r = 0;
  for (int i = 0; state[i]; i++)
    s |= strcmp(src + 3, state[i]) == 0;
  for (int i = 0; rebel[i]; i++)
    r |= strcmp(tgt + 3, rebel[i]) == 0;
  return s && r;
}

static dyad_status push(struct emit_ctx *ec, const char *src, dyad_span ss,
                        const char *tgt, dyad_span ts, const char *code,
                        dyad_span vs, const char *rule, uint32_t flags)
{
  dyad_doc *doc = ec->doc;
  if (!code[0] || !src[0])
    return DYAD_OK;
  if (tgt[0] && strcmp(src, tgt) == 0)
    return DYAD_OK; /* an actor acting on itself is not an event */
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && strlen(tgt) == 3 &&
      strncmp(src, tgt, 3) == 0 && self_country_void(code)) {
    if (!dyad__code_targetless(code, src, (flags & DYAD_EVF_NOUN) != 0))
      return DYAD_OK;
    tgt = ""; /* "Arab activists demanded reform in the Arab world": an
                 act that stands with its source alone keeps it */
    ts = (dyad_span){0, 0};
  }
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && strlen(src) == 3 &&
      strncmp(src, tgt, 3) == 0 &&
      (strncmp(code, "04", 2) == 0 || strncmp(code, "01", 2) == 0))
    return DYAD_OK; /* the country hosting or addressing its own people
                       ("union leaders are touring the country") */
  char rebels[DYAD_CODE_MAX];
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && state_fights_rebels(src, tgt,
                                                                    code)) {
    /* Rebels named with no country ("captured a rebel stronghold") that
     * a state's own forces fight are that state's insurgents, unless the
     * clause places the fighting in another country. */
    int32_t pl = ec->cl ? act_place(doc, ec->cl) : -1;
    const char *cc = src;
    if (pl >= 0 && doc->places.v[pl].country[0])
      cc = doc->places.v[pl].country;
    snprintf(rebels, sizeof(rebels), "%.3s%s", cc, tgt + 3);
    tgt = rebels;
  } else if (!(doc->ctx->flags & DYAD_CFG_UNKNOWN) &&
             strcmp(tgt, "---REB") == 0) {
    tgt = ""; /* otherwise they stay unknown: no target */
    ts = (dyad_span){0, 0};
  }
  int unknown_ok = (doc->ctx->flags & DYAD_CFG_UNKNOWN) != 0;
  if (!unknown_ok &&
      (strncmp(src, "---", 3) == 0 ||
       ((!tgt[0] || strncmp(tgt, "---", 3) == 0) &&
        ((doc->ctx->flags & DYAD_CFG_LITERAL) ||
         !dyad__code_targetless(code, src, (flags & DYAD_EVF_NOUN) != 0)))))
    return DYAD_OK;
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && stale(doc, ec->cl, code))
    return DYAD_OK;
  for (size_t i = ec->first_event; i < doc->events.n; i++) {
    const dyad_event *e = &doc->events.v[i];
    if (strcmp(e->source, src) == 0 && strcmp(e->target, tgt[0] ? tgt : "---") == 0 &&
        strcmp(e->code, code) == 0)
      return DYAD_OK;
  }
  dyad_event *e = dyad_vec_push(&doc->ctx->alloc, doc->events);
  if (!e)
    return DYAD_ENOMEM;
  e->sent = ec->sent;
  dyad__scopy(e->source, sizeof(e->source), src, (size_t)-1);
  dyad__scopy(e->target, sizeof(e->target), tgt[0] ? tgt : "---",
              (size_t)-1);
  dyad__scopy(e->code, sizeof(e->code), code, (size_t)-1);
  e->source_span = ss;
  e->target_span = ts;
  e->verb_span = vs;
  e->rule = rule;
  e->event_date = doc->date;
  e->place = -1;
  e->flags = flags;
  if (ec->cl) {
    int from_text = 0;
    dyad_date d = dyad__event_date(doc, ec->cl, &from_text);
    if (d && from_text) {
      e->event_date = d;
      e->flags |= DYAD_EVF_DATE_TEXT;
    }
    const char *why = NULL;
    int32_t pl = dyad__event_place(doc, ec->cl, e->target, &why);
    /* the vector may have moved if a place was appended: e is still ours */
    e = &doc->events.v[doc->events.n - 1];
    if (pl >= 0) {
      e->place = pl;
      e->place_rule = why;
    }
  }
  return DYAD_OK;
}

/* A TABARI code "FRO/BIL/SAM" names several actors at once (THE_SHIRE):
 * copies a into *out with such codes split, one actor each. Returns out,
 * or a itself when it holds no such code. */
static const struct np_actors *split_codes(const struct np_actors *a,
                                           struct np_actors *out)
{
  size_t k = 0;
  while (k < a->n && !strchr(a->code[k], '/'))
    k++;
  if (k == a->n)
    return a;
  memset(out, 0, sizeof(*out));
  for (size_t i = 0; i < a->n; i++) {
    const char *c = a->code[i];
    for (;;) {
      const char *e = strchr(c, '/');
      size_t n = e ? (size_t)(e - c) : strlen(c);
      if (n && out->n < ACTORS_MAX) {
        size_t j = out->n++;
        dyad__scopy(out->code[j], DYAD_CODE_MAX, c, n);
        out->span[j] = a->span[i];
        out->rule[j] = a->rule[i];
        out->type[j] = a->type[i];
        out->sex[j] = a->sex[i];
      }
      if (!e)
        break;
      c = e + 1;
    }
  }
  return out;
}

/* One event per source x target pair, and the mirror event if any. */
static dyad_status emit_pairs(struct emit_ctx *ec, const struct np_actors *s,
                              const struct np_actors *t, const char *code,
                              const char *mirror, dyad_span vs,
                              const char *rule, uint32_t flags)
{
  static const struct np_actors none = {0};
  int literal = (ec->doc->ctx->flags & DYAD_CFG_LITERAL) != 0;
  struct np_actors s2, t2;
  s = split_codes(s, &s2);
  if (t)
    t = split_codes(t, &t2);
  if ((!t || !t->n) && s->n >= 2 &&
      (s->n <= 3 || literal) &&
      (literal || (mirror && mirror[0]) || dyad__code_mutual(code))) {
    /* (a long list of sources agreeing on something is not a web of
     * dyadic acts; outside PETRARCH mode it yields nothing) */
    /* no target, several sources: they act on each other ("Gondor and
     * Osgiliath renewed ties") */
    for (size_t i = 0; i < s->n; i++)
      for (size_t j = 0; j < s->n; j++) {
        if (i == j)
          continue;
        dyad_status st = push(ec, s->code[i], s->span[i], s->code[j],
                              s->span[j], code, vs, rule, flags);
        if (st != DYAD_OK)
          return st;
      }
    return DYAD_OK;
  }
  if (!t)
    t = &none;
  for (size_t i = 0; i < s->n; i++) {
    size_t nt = t->n ? t->n : 1;
    for (size_t j = 0; j < nt; j++) {
      const char *tc = t->n ? t->code[j] : "";
      dyad_span ts = t->n ? t->span[j] : (dyad_span){0, 0};
      dyad_status st = push(ec, s->code[i], s->span[i], tc, ts, code, vs,
                            rule, flags);
      if (st == DYAD_OK && mirror && mirror[0] && t->n)
        st = push(ec, tc, ts, s->code[i], s->span[i], mirror, vs, rule,
                  flags);
      if (st != DYAD_OK)
        return st;
    }
  }
  return DYAD_OK;
}

/* Does NP np name a party (people or a body) rather than a thing or a
 * topic, though no actor the dictionaries know: a proper name ("informed
 * Mitsui"), an agent word ("met officials"), or a word for a body ("the
 * committee", "the banks")? Several sources with such an object acted on
 * it, not on each other. */
static int party_np(const dyad_doc *doc, int32_t np)
{
  static const char *const body[] = {
      "committee", "committees", "commission", "council", "board", "panel",
      "parliament", "congress", "senate", "assembly", "court", "tribunal",
      "bank", "banks", "creditors", "lenders", "company", "companies",
      "firm", "firms", "group", "members", "delegates", "meeting",
      "conference", "people", "public", NULL};
  const dyad_phrase *p = ph(doc, np);
  if (!p || p->kind != DYAD_PH_NP)
    return 0;
  const dyad_token *h = &doc->toks.v[p->head];
  struct agent_hit ag;
  /* (a capitalised head inside the sentence is a name the tagger did not
   * know: "informed Acme Corp") */
  int cap = (h->flags & DYAD_TOKF_CAP) && p->head > 0 &&
            !(h->flags & DYAD_TOKF_PARA) &&
            dyad__sent_of(doc, p->head) == dyad__sent_of(doc, p->head - 1);
  return h->tag == DYAD_TAG_NNP || h->tag == DYAD_TAG_NNPS || cap ||
         dyad__tok_in(doc, h, body) ||
         (doc->ctx->dict && dyad__glue_agent(doc->ctx, doc->toks.v,
                                             p->head + 1, p->head, &ag));
}

/* ---- verb patterns ---------------------------------------------------- */

/* Where a pattern may look after the verb: the end of clause c, extended
 * over the infinitival or participial clauses it governs ("urge X to
 * release", "accused X of violating"). */
static uint32_t clause_reach(const dyad_doc *doc, const dyad_clause *c)
{
  uint32_t end = c->tok + c->ntok;
  size_t ci = (size_t)(c - doc->clauses.v);
  int32_t gov = (int32_t)ci;
  uint32_t vt = c->verb >= 0 ? doc->phrases.v[c->verb].tok : c->tok;
  for (size_t k = ci + 1; k < doc->clauses.n && k < ci + 6; k++) {
    const dyad_clause *n = &doc->clauses.v[k];
    if (n->tok + n->ntok <= vt && !(doc->ctx->flags & DYAD_CFG_LITERAL))
      continue; /* an aside before the verb: "The U.S., trying to stem
                   pressure at home, has called on Korea to open" */
    if (n->kind == DYAD_CL_REL && n->parent == (int32_t)ci &&
        n->antecedent >= 0 && (n->antecedent == c->obj ||
                               n->antecedent == c->obj2) &&
        k + 1 < doc->clauses.n &&
        doc->clauses.v[k + 1].kind == DYAD_CL_INF &&
        doc->clauses.v[k + 1].parent == (int32_t)ci) {
      end = n->tok + n->ntok; /* "allow refugees who have lived there
                                 for years to return": the relative
                                 clause on the object is passed over */
      continue;
    }
    /* "urged Africans to rise and march against X": a bare verb
     * joined to the infinitive is one more infinitive */
    int bare_coord = n->kind == DYAD_CL_COORD && n->parent == gov &&
                     (gov != (int32_t)ci || c->kind == DYAD_CL_INF) &&
                     n->verb >= 0 &&
                     doc->toks.v[doc->phrases.v[n->verb].head].tag ==
                         DYAD_TAG_VB;
    if ((n->kind != DYAD_CL_INF && n->kind != DYAD_CL_PART && !bare_coord) ||
        (n->parent != gov && n->parent != (int32_t)ci) || n->tok > end + 1)
      break;
    if (n->tok + n->ntok > end)
      end = n->tok + n->ntok;
    gov = (int32_t)k;
  }
  /* "detained protesters, a spokesman for the French consulate said":
   * the reporting words after the act are no part of its pattern
   * ("arrest * for") */
  const dyad_phrase *sp = c->speaker >= 0 ? &doc->phrases.v[c->speaker] : NULL;
  if (sp && !(doc->ctx->flags & DYAD_CFG_LITERAL) && sp->tok > vt &&
      sp->tok < end)
    end = sp->tok;
  return end;
}

/* The phrase a possessor NP belongs to ("Russia's leaders" for
 * "Russia"), or np itself. */
static int32_t possessed(const dyad_doc *doc, int32_t np)
{
  if (!(doc->phrases.v[np].flags & DYAD_PHF_POSSESSOR))
    return np;
  for (int32_t k = np - 2; k <= np + 2; k++)
    if (k >= 0 && (size_t)k < doc->phrases.n && doc->phrases.v[k].poss == np)
      return k;
  return np;
}

/* Is token q (a preposition) the last word of a fixed phrase that is
 * itself a preposition ("in response to", "according to", "due to",
 * "in addition to", "ahead of")? Such a word belongs to no verb pattern. */
static int fixed_prep(const dyad_doc *doc, uint32_t q)
{
  static const char *const before[] = {
      "response", "according", "due", "addition", "prior", "thanks",
      "owing", "contrary", "regard", "respect", "relation", "reference",
      "ahead", "instead", "because", "spite", "view", "favour", "favor",
      "front", "place", "order", NULL};
  const dyad_token *t = &doc->toks.v[q];
  if (t->tag != DYAD_TAG_TO && t->tag != DYAD_TAG_IN)
    return 0;
  return dyad__tok_in(doc, &doc->toks.v[q - 1], before);
}

/* The end of the sentence that holds clause c. */
static uint32_t sentence_end(const dyad_doc *doc, const dyad_clause *c)
{
  if (!doc->sents.n)
    return c->tok + c->ntok;
  const dyad_sentence *s = &doc->sents.v[dyad__sent_of(doc, c->tok)];
  return s->tok + s->ntok;
}

/* Where a pattern's words after the verb may lie: the clause's reach;
 * in literal mode the rest of the sentence, as TABARI reads on into the
 * clauses the verb governs ("conceded that Chile isn't a very calm
 * place"). */
static uint32_t pattern_end(const dyad_doc *doc, const dyad_clause *c)
{
  if (doc->ctx->flags & DYAD_CFG_LITERAL)
    return sentence_end(doc, c);
  return clause_reach(doc, c);
}

/* Is phrase p, after clause c in its sentence, out of c's reach: inside
 * an adverbial clause ("after crowds trashed its embassy") or a clause
 * that c does not govern ("..., a senior official said")? Clauses after c
 * are in text order of their first token. */
static int in_sub(const dyad_doc *doc, const dyad_clause *c,
                  const dyad_phrase *p)
{
  size_t ci = (size_t)(c - doc->clauses.v);
  const dyad_clause *in = NULL;
  for (size_t j = ci + 1;
       j < doc->clauses.n && doc->clauses.v[j].tok <= p->tok; j++) {
    const dyad_clause *d = &doc->clauses.v[j];
    if (p->tok < d->tok + d->ntok && (!in || d->ntok <= in->ntok))
      in = d;
  }
  if (!in)
    return 0;
  if (in->kind == DYAD_CL_SUB)
    return 1;
  for (int g = 0; g < 16 && in->parent >= 0 &&
                  (size_t)in->parent < doc->clauses.n; g++) {
    if ((size_t)in->parent == ci)
      return 0;
    in = &doc->clauses.v[in->parent];
  }
  return 1;
}

/* Tries pattern p on clause c whose verb group is vg. Items after the verb
 * must appear in order inside the clause, each within a few tokens of the
 * previous one; `*` (TARGET) takes the noun phrase at that point, `$`
 * (SOURCE) likewise for the source, `^` skips a noun phrase. Items before
 * the verb (PETRARCH patterns) must appear in order, nearest the verb
 * last, between the clause start and the verb. On success sets *target /
 * *source (-1: use the defaults) and *lastprep (the last preposition
 * matched, UINT32_MAX if none). */
/* TABARI's slots: `^` skips the next noun phrase, `+` and `$` take the
 * next one that names an actor ("broke the fast in Amman with the
 * ministers of Iraq": IN ^ + is Iraq), within a few words of pos. */
static int32_t slot_np(dyad_doc *doc, struct coder_state *cs, uint32_t pos,
                       uint32_t end, int need_actor)
{
  uint32_t limit = pos + 8 < end ? pos + 8 : end;
  for (uint32_t t = pos; t < limit;) {
    int32_t np = np_at(doc, t);
    if (np < 0) {
      t++;
      continue;
    }
    if (!need_actor || dyad__np_actors(doc, cs, np_first(doc, np)))
      return np;
    const dyad_phrase *n = &doc->phrases.v[np];
    t = n->tok + n->ntok > t ? n->tok + n->ntok : t + 1;
  }
  return -1;
}

/* Do the words a pattern item skipped, tokens [from, to), start with a
 * verb group ("stopped dumping chips in", "refused to continue financing
 * X")? Then the item belongs to that verb's clause, the pattern verb's
 * complement, not to the pattern's verb ("stop in"). A participle later,
 * inside a noun phrase ("loans totalling 390 mln dlrs from"), does not
 * count. */
static int skips_verb(const dyad_doc *doc, uint32_t from, uint32_t to)
{
  size_t k = phrase_after(doc, from - 1);
  if (k >= doc->phrases.n)
    return 0;
  const dyad_phrase *p = &doc->phrases.v[k];
  if (p->tok != from || p->kind != DYAD_PH_VG || p->head >= to)
    return 0;
  /* ("lifted remaining restrictions", "came under growing criticism": a
   * participle the lexicon knows as an adjective) */
  const struct dyad_lexent *e =
      dyad__lex_get(doc->ctx, doc->toks.v[p->head].form);
  return !(e && (e->mask & DYAD_TAGBIT(DYAD_TAG_JJ)));
}

/* Is a violent act that a pattern names by the word "strike" ("launched
 * strikes", "staged a strike") done by labour only (every source actor's
 * code holds the LAB agent: "Australian trade unions launched week-long
 * strikes")? Then the strike is a labour strike (143), not an attack. */
static int labour_strike(const dyad_doc *doc, const struct np_actors *sa,
                         const uint32_t *words, size_t nwords)
{
  static const char *const strike[] = {"strike", "strikes", NULL};
  if (!sa || !sa->n)
    return 0;
  for (size_t i = 0; i < sa->n; i++)
    if (!strstr(sa->code[i], "LAB"))
      return 0;
  for (size_t k = 0; k < nwords; k++)
    if (dyad__tok_in(doc, &doc->toks.v[words[k]], strike))
      return 1;
  return 0;
}

/* An office holder no dictionary lists ("---GOV", "---JUD", actor.c
 * dyad__np_titled) acting on one actor of a state (code: the act's): is
 * he of that state? A judge (kind 2) acts at home ("Judge X charged
 * Peruvian officials with fraud"); another office holder
 * (kind 1) when the other is a state's people, not its government, army
 * or leader, and the act is no meeting or promise to meet ("President X
 * yielded to the rebels' demands"; "President X welcomed the Chinese
 * premier" or "met Kenyan opposition leaders" says nothing of X's
 * state). Fills the country into t's code and returns 1, or returns 0. */
static int context_country(struct np_actors *t, const struct np_actors *o,
                           int kind, const char *code)
{
  static const char *const nostate[] = {
      "---", "IGO", "NGO", "IMG", "MNC", "UIS", "EUR", "AFR", "ASA", "WST",
      "MEA", "LAM", "SAM", "NAM", "EAF", "WAF", "SAF", "NAF", "CFR", "CAS",
      "SAS", "SEA", "EEU", "WEU", "BLK", "CAU", NULL};
  static const char *const people[] = {
      "REB", "OPP", "CVL", "JUD", "COP", "LAB", "EDU", "MED", "REL", "PTY",
      "LEG", "BUS", "AGR", "REF", "HRI", "UAF", "RAD", "CRM", "ELI", "HLH",
      "ENV", "NGO", NULL};
  if (!o || o->n != 1 || strlen(o->code[0]) < 3 || t->n != 1 ||
      strncmp(t->code[0], "---", 3) != 0)
    return 0;
  const char *oc = o->code[0];
  for (size_t k = 0; nostate[k]; k++)
    if (strncmp(oc, nostate[k], 3) == 0)
      return 0;
  for (size_t k = 0; k < 3; k++)
    if (oc[k] < 'A' || oc[k] > 'Z')
      return 0;
  if (code[0] == '0' && (code[1] == '3' || code[1] == '4'))
    return 0; /* meeting another state's people is common enough
                 ("President X met Kenyan opposition leaders", "Mayor X
                 received the Chinese ambassador") */
  if (kind != 2) {
    int ok = 0;
    for (size_t k = 0; people[k] && o->type[0] != ACT_PERSON; k++)
      ok |= strncmp(oc + 3, people[k], 3) == 0;
    if (!ok)
      return 0;
  }
  char full[DYAD_CODE_MAX];
  snprintf(full, sizeof(full), "%.3s%s", oc, t->code[0] + 3);
  memcpy(t->code[0], full, sizeof(full));
  return 1;
}

/* Is NP np a suicide bomber or attacker ("a Tamil suicide bomber",
 * "suicide attackers")? Force they use is a suicide bombing (CAMEO 1831), whatever
 * verb tells it ("killed", "attacked"). */
static int suicide_agent(const dyad_doc *doc, int32_t np)
{
  static const char *const suicide[] = {"suicide", NULL};
  static const char *const who[] = {"bomber", "bombers", "attacker",
                                    "attackers", NULL};
  if (np < 0 || (size_t)np >= doc->phrases.n)
    return 0;
  const dyad_phrase *p = &doc->phrases.v[np];
  if (p->kind != DYAD_PH_NP || p->head == p->tok ||
      !dyad__tok_in(doc, &doc->toks.v[p->head], who))
    return 0;
  return dyad__tok_in(doc, &doc->toks.v[p->head - 1], suicide);
}

/* Does "charged X with ..." (173, a legal charge) only accuse X (112)?
 * A state, a government, an army or an organization cannot be arrested or
 * tried: "Washington charged France with unfair practices", "Greece
 * charged Turkish aircraft with infringements". People charged by anyone
 * ("police charged two Ugandans with smuggling") stay 173, and so does
 * what police or the courts charge. */
static int charge_accuses(const struct np_actors *sa,
                          const struct np_actors *ta)
{
  if (!sa || !ta || !ta->n)
    return 0;
  for (size_t i = 0; i < sa->n; i++)
    if (strstr(sa->code[i], "COP") || strstr(sa->code[i], "JUD"))
      return 0;
  for (size_t j = 0; j < ta->n; j++) {
    int t = ta->type[j];
    const char *c = ta->code[j];
    if (t != ACT_COUNTRY && t != ACT_CAPITAL && t != ACT_IGO &&
        t != ACT_BLOC && !strstr(c, "GOV") && !strstr(c, "MIL"))
      return 0;
  }
  return 1;
}

/* Token after the of-phrases and a parenthesis that follow a slot's noun
 * phrase at pos ("pressured the workers of the state bus company (SBC)
 * to cancel"), so that the pattern's next word is looked for after them.
 * At most three of-phrases. */
static uint32_t past_modifiers(const dyad_doc *doc, uint32_t pos,
                               uint32_t end)
{
  static const char *const of[] = {"of", NULL};
  const dyad_token *toks = doc->toks.v;
  for (int g = 0; g < 3 && pos < end; g++) {
    int32_t np = pp_np_at(doc, pos);
    if (np < 0 || !dyad__tok_in(doc, &toks[pos], of))
      break;
    const dyad_phrase *n = &doc->phrases.v[np];
    pos = n->tok + n->ntok;
  }
  if (pos < end && toks[pos].tag == DYAD_TAG_LRB)
    for (uint32_t t = pos + 1; t < end && t < pos + 8; t++)
      if (toks[t].tag == DYAD_TAG_RRB)
        return t + 1;
  return pos;
}

/* Is token q the particle of a verb group other than vg ("stepped into
 * the money market to hold down rates": that "down" is hold's, no "step
 * down")? (An infinitive's "to" and verb may be pattern words: "agree to
 * help".) */
static int other_verbs_particle(const dyad_doc *doc, const dyad_phrase *vg,
                                uint32_t q)
{
  if (doc->toks.v[q].tag != DYAD_TAG_RP)
    return 0;
  size_t k = phrase_after(doc, q);
  for (size_t g = 0; k > 0 && g < 4; g++) {
    const dyad_phrase *p = &doc->phrases.v[--k];
    if (p->kind == DYAD_PH_VG && q >= p->tok && q < p->tok + p->ntok)
      return p != vg;
  }
  return 0;
}

/* Is token q, right after the verb, a particle inside verb group vg
 * ("talked down", "talked up")? A pattern whose first word comes later
 * skips it, and so reads the bare verb where the text has a phrasal verb
 * of another meaning. */
static int own_particle(const dyad_doc *doc, const dyad_phrase *vg,
                        uint32_t q)
{
  return q < doc->toks.n && doc->toks.v[q].tag == DYAD_TAG_RP &&
         q >= vg->tok && q < vg->tok + vg->ntok;
}

/* Is there a preposition among tokens [from, to) that heads a phrase of
 * its own: not "of" (the object's: "sold 250,000 tonnes of wheat to"),
 * nor one before a time ("left at the weekend for")? */
static int prep_between(const dyad_doc *doc, uint32_t from, uint32_t to)
{
  static const char *const of[] = {"of", NULL};
  for (uint32_t t = from; t < to; t++) {
    const dyad_token *k = &doc->toks.v[t];
    if ((k->tag != DYAD_TAG_IN && k->tag != DYAD_TAG_TO) ||
        dyad__tok_in(doc, k, of) || t + 1 >= doc->toks.n)
      continue;
    if (!dyad__in_timex(doc, t + 1))
      return 1;
  }
  return 0;
}

/* Is token q inside the by-phrase of passive verb group vg ("the plans
 * were dismissed by the minister": the agent's "minister" is no object
 * of "dismiss minister")? */
static int in_by_agent(const dyad_doc *doc, const dyad_phrase *vg,
                       uint32_t q)
{
  static const char *const by[] = {"by", NULL};
  if (!(vg->flags & DYAD_PHF_PASSIVE))
    return 0;
  int32_t np = np_at(doc, q);
  for (int g = 0; g < 4 && np >= 0; g++) {
    int32_t up = doc->phrases.v[np].up;
    if (up < 0)
      return 0;
    const dyad_phrase *u = &doc->phrases.v[up];
    if (u->kind == DYAD_PH_PP)
      return dyad__tok_in(doc, &doc->toks.v[u->tok], by);
    np = up;
  }
  return 0;
}

/* Where a pattern goes on after the slot noun phrase np when a relative
 * clause on np starts at pos ("allow migrants who have worked in Libya for
 * decades to return"): past that clause; else pos. */
static uint32_t past_relative(const dyad_doc *doc, const dyad_clause *c,
                              int32_t np, uint32_t pos)
{
  size_t ci = (size_t)(c - doc->clauses.v);
  for (size_t k = ci + 1; k < doc->clauses.n && k < ci + 4; k++) {
    const dyad_clause *r = &doc->clauses.v[k];
    if (r->kind == DYAD_CL_REL && r->parent == (int32_t)ci &&
        r->antecedent == np && r->sub_word == pos)
      return r->tok + r->ntok;
  }
  return pos;
}

static int pat_match(dyad_doc *doc, struct coder_state *cs,
                     const dyad_clause *c, const dyad_phrase *vg,
                     const struct dyad_verb_pat *p,
                     int32_t *target, int32_t *source, uint32_t *lastprep,
                     uint32_t *words, size_t *nwords)
{
  *nwords = 0;
  const dyad_ctx *ctx = doc->ctx;
  const dyad_token *toks = doc->toks.v;
  /* prepositions of a place, topic or party, not of a time */
  static const char *const place_preps[] = {"in", "on", "at", "over",
                                            "for", "with", NULL};
  uint32_t end = pattern_end(doc, c);
  *target = *source = -1;
  *lastprep = UINT32_MAX;
  /* before the verb: walk backwards (TABARI: over the clauses this one
   * hangs from, "Ethiopia indicated it would act") */
  uint32_t lo = c->tok;
  if (ctx->flags & DYAD_CFG_LITERAL)
    for (const dyad_clause *a = c; a->parent >= 0 && lo > 0 &&
                                   (size_t)a->parent < doc->clauses.n;) {
      a = &doc->clauses.v[a->parent];
      if (a->tok >= lo)
        break; /* (parents start earlier; this also ends any cycle) */
      lo = a->tok;
    }
  uint32_t pos = vg->head; /* auxiliaries and negation are in the group */
  for (int k = (int)p->npre - 1; k >= 0; k--) {
    const struct dyad_verb_item *it = &p->items[k];
    if (it->kind == DYAD_VI_TARGET && c->subj >= 0)
      *target = c->subj; /* "+ WAS * DEAD IN $": the subject undergoes it */
    else if (it->kind == DYAD_VI_SOURCE && c->subj >= 0)
      *source = c->subj;
    if (it->kind != DYAD_VI_WORD && it->kind != DYAD_VI_SET)
      continue;
    uint32_t q = pos;
    size_t m = 0;
    while (q > lo) {
      q--;
      m = dyad__dict_item_match(ctx, it, toks, end, q);
      if (m && (it->flags & DYAD_VIF_GLUE_R) && q + m != pos)
        m = 0; /* "IN_*": must touch what follows it */
      if (m)
        break;
    }
    if (!m)
      return 0;
    pos = q;
  }
  pos = vg->head + 1;
  for (uint16_t k = p->npre; k < p->nitems; k++) {
    const struct dyad_verb_item *it = &p->items[k];
    int after_slot = k > p->npre; /* (only words right after the verb) */
    if (it->kind == DYAD_VI_TARGET || it->kind == DYAD_VI_SOURCE ||
        it->kind == DYAD_VI_ANY || it->kind == DYAD_VI_BOTH) {
      while (pos < end && (toks[pos].tag == DYAD_TAG_COMMA))
        pos++;
      int32_t np;
      if (ctx->flags & DYAD_CFG_LITERAL)
        np = slot_np(doc, cs, pos, end, it->kind != DYAD_VI_ANY);
      else
        np = pos < end ? np_at(doc, pos) : -1;
      if (np < 0)
        return 0;
      if (!(ctx->flags & DYAD_CFG_LITERAL))
        np = possessed(doc, np); /* "urge Russia's leaders to" */
      if (it->kind == DYAD_VI_TARGET || it->kind == DYAD_VI_BOTH)
        *target = np;
      else if (it->kind == DYAD_VI_SOURCE)
        *source = np;
      const dyad_phrase *n = &doc->phrases.v[np];
      pos = n->tok + n->ntok;
      for (int32_t m = n->conj; m >= 0 && (size_t)m < doc->phrases.n;
           m = doc->phrases.v[m].conj)
        pos = doc->phrases.v[m].tok + doc->phrases.v[m].ntok;
      if (!(ctx->flags & DYAD_CFG_LITERAL)) {
        pos = past_modifiers(doc, pos, end);
        pos = past_relative(doc, c, np, pos);
      }
      continue;
    }
    uint32_t limit = pos + (k == p->npre ? 8 : 7);
    if (it->flags & DYAD_VIF_GLUE_L)
      limit = pos + 1; /* "*_OUT", "NEW_&TIETYPES": the very next word */
    if (limit > end)
      limit = end;
    uint32_t q = pos;
    size_t m = 0;
    while (q < limit) {
      m = dyad__dict_item_match(ctx, it, toks, end, q);
      if (m && q > 0 && m == 1 && !(ctx->flags & DYAD_CFG_LITERAL) &&
          fixed_prep(doc, q))
        m = 0; /* the "to" of "in response to" is no pattern's "to" */
      if (m == 1 && !(ctx->flags & DYAD_CFG_LITERAL) &&
          toks[q].tag == DYAD_TAG_IN && q + 1 < end &&
          dyad__tok_in(doc, &toks[q], place_preps) &&
          dyad__in_timex(doc, q + 1))
        m = 0; /* "clashed over the weekend": a time, no "clash over";
                  ("gave Japan until April" keeps its time) */
      if (m)
        break;
      q++;
    }
    if (!m)
      return 0;
    if (q > pos && !(ctx->flags & DYAD_CFG_LITERAL) && !after_slot &&
        skips_verb(doc, pos, q))
      return 0; /* "stopped dumping steel in Canada" is no "stop in" */
    if (q > pos && !(ctx->flags & DYAD_CFG_LITERAL) &&
        (other_verbs_particle(doc, vg, q) || in_by_agent(doc, vg, q)))
      return 0;
    if (q > pos && k == p->npre && !(ctx->flags & DYAD_CFG_LITERAL) &&
        own_particle(doc, vg, pos))
      return 0; /* "talked down the dollar to force ...": "talk down" is
                   another verb than the "talk to" of a consultation */
    if (q > pos && k == p->npre && p->mirror[0] &&
        !(ctx->flags & DYAD_CFG_LITERAL) &&
        (toks[q].tag == DYAD_TAG_IN || toks[q].tag == DYAD_TAG_RP) &&
        prep_between(doc, pos, q))
      return 0; /* "call for a curb on road building" is no "call
                   on" visit: a two-way pattern's first preposition is the
                   verb's first */
    uint32_t lastt = q + (uint32_t)m - 1;
    if (*nwords < 8)
      words[(*nwords)++] = lastt;
    if (toks[lastt].tag == DYAD_TAG_IN || toks[lastt].tag == DYAD_TAG_TO ||
        toks[lastt].tag == DYAD_TAG_RP)
      *lastprep = lastt;
    pos = q + (uint32_t)m;
  }
  return 1;
}

/* Does NP p hang off the verb group vg (directly, or through one PP that
 * attaches to the verb), rather than off another noun? */
static int on_verb(const dyad_doc *doc, const dyad_phrase *p, int32_t vg,
                   int32_t obj)
{
  int32_t up = p->up;
  if (up < 0 && p->tok >= 2 && doc->toks.v[p->tok - 1].len == 1 &&
      doc->text[doc->toks.v[p->tok - 1].off] == '(') {
    /* "a seat on the Asian Development Bank (ADB)": an
     * acronym in brackets hangs where the name before it hangs */
    int32_t b = np_at(doc, p->tok - 2);
    if (b >= 0 && doc->phrases.v[b].tok < p->tok)
      return on_verb(doc, &doc->phrases.v[b], vg, obj);
  }
  if (up < 0)
    return 1; /* a bare NP in the clause: the object or a complement */
  const dyad_phrase *q = &doc->phrases.v[up];
  if (q->kind == DYAD_PH_NP && (q->flags & DYAD_PHF_COORD))
    return on_verb(doc, q, vg, obj);
  if (q->kind != DYAD_PH_PP)
    return 0;
  if (q->attach == vg || q->attach < 0)
    return 1;
  /* the recipient of the object: "paid compensation to X", "expressed
   * support for X", "signed a pact with X" (the chunker hangs these PPs on
   * the noun; "the attack on X" stays the noun's) */
  static const char *const dative[] = {"to", "for", "with", NULL};
  return obj >= 0 && q->attach == obj &&
         dyad__tok_in(doc, &doc->toks.v[q->tok], dative);
}

/* Does NP p have a possessor that names an actor, other than a pronoun
 * ("their meeting", "its troops" mostly point back at the subject)? A
 * capital owning its market or streets ("Tokyo's stocks", "London's
 * stock exchange") is the city, not the government it stands for
 * elsewhere ("Tokyo's demands"). */
static int poss_actor(dyad_doc *doc, struct coder_state *cs,
                      const dyad_phrase *p)
{
  static const char *const city_things[] = {
      "stock", "stocks", "share", "shares", "market", "markets", "bourse",
      "exchange", "exchanges", "street", "streets", "airport", "port",
      "harbour", "harbor", "suburbs", "traders", "dealers", NULL};
  const dyad_phrase *q = ph(doc, p->poss);
  if (!q || (q->flags & DYAD_PHF_PRONOUN))
    return 0;
  const struct np_actors *a = dyad__np_actors(doc, cs, np_first(doc, p->poss));
  if (a && a->n == 1 && a->type[0] == ACT_CAPITAL &&
      !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      dyad__tok_in(doc, &doc->toks.v[p->head], city_things))
    return 0;
  return a != NULL;
}

/* Whose the thing named by NP np is, when np names no actor itself:
 * its possessor ("Sweden's decision"), or the NP of an of/by phrase right
 * after it ("the policies of the United States", "abuses by the police").
 * -1 if none names an actor. */
static int32_t owner_np(struct emit_ctx *ec, int32_t np)
{
  static const char *const whose[] = {"of", "by", NULL};
  dyad_doc *doc = ec->doc;
  const dyad_phrase *p = ph(doc, np);
  if (!p)
    return -1;
  if (poss_actor(doc, ec->cs, p))
    return p->poss;
  /* "yielded to demands from the rebels": a request is who made it */
  static const char *const from[] = {"from", NULL};
  static const char *const asked[] = {"demand", "demands", "request",
                                      "requests", "call", "calls",
                                      "appeal", "appeals", "pressure",
                                      "ultimatum", NULL};
  uint32_t t = p->tok + p->ntok;
  int32_t pp = pp_np_at(doc, t);
  if (pp >= 0 &&
      (dyad__tok_in(doc, &doc->toks.v[t], whose) ||
       (dyad__tok_in(doc, &doc->toks.v[t], from) &&
        dyad__tok_in(doc, &doc->toks.v[p->head], asked))) &&
      dyad__np_actors(doc, ec->cs, np_first(doc, pp)))
    return pp;
  return -1;
}

/* For an object that names no actor, the actor its topic phrase names:
 * "expressed concern at Pakistan's budget", "condolences to the United
 * States", "anger over China's move" (not "the attack on X": X is who was
 * attacked, not who the statement is about). Returns npi when none. */
static int32_t topic_target(struct emit_ctx *ec, const dyad_phrase *np,
                            int32_t npi)
{
  static const char *const topic[] = {"at", "about", "over", "to", "for",
                                      "with", "toward", "towards", NULL};
  dyad_doc *doc = ec->doc;
  uint32_t t = np->tok + np->ntok;
  int32_t pp = pp_np_at(doc, t);
  if (pp < 0 || !dyad__tok_in(doc, &doc->toks.v[t], topic))
    return npi;
  if (dyad__np_actors(doc, ec->cs, np_first(doc, pp)))
    return pp;
  const dyad_phrase *q = ph(doc, pp);
  if (q && poss_actor(doc, ec->cs, q))
    return q->poss;
  return npi;
}

/* Default target: the NP of the last preposition the pattern named, else
 * the direct object when it names an actor, else the first noun phrase
 * after the verb in the clause (in a prepositional phrase too) that names
 * an actor, and failing that in an infinitival clause the verb governs
 * ("signed an accord to supply Gondor"). */
/* Does NP np name an actor that a dictionary knows? A phrase naming only
 * a new actor (PETRARCH's new_actor_length) is kept in *fallback (the
 * first one seen) and answers no: a known actor later wins. */
static int named(struct emit_ctx *ec, int32_t np, int32_t *fallback)
{
  const struct np_actors *a =
      dyad__np_actors(ec->doc, ec->cs, np_first(ec->doc, np));
  if (!a)
    return 0;
  for (size_t k = 0; k < a->n; k++)
    if (a->code[k][0] != '"')
      return 1;
  if (*fallback < 0)
    *fallback = np;
  return 0;
}

/* Is NP k, found after clause c's verb, someone else's: the subject of
 * another clause of the sentence ("..., the West German Foreign Ministry
 * said"; "reject the levy, but Spain and Greece appear to ...") or the
 * subject of an absolute "with X doing" ("agreed to buy corn, with Italy
 * buying wheat")? Such an NP is not who c's act is done to. */
static int other_subject(const dyad_doc *doc, const dyad_clause *c, int32_t k)
{
  const dyad_sentence *s = &doc->sents.v[dyad__sent_of(doc, c->tok)];
  const dyad_phrase *p = &doc->phrases.v[k];
  const dyad_phrase *u = ph(doc, p->up);
  static const char *const with[] = {"with", NULL};
  static const char *const along[] = {"along", "together", NULL};
  int with_pp = u && u->kind == DYAD_PH_PP &&
                dyad__tok_in(doc, &doc->toks.v[u->tok], with);
  if (c->speaker == k)
    return 1;
  const dyad_phrase *g = ph(doc, ph(doc, np_first(doc, k))->up);
  static const char *const but[] = {"but", NULL};
  const dyad_phrase *f = ph(doc, np_first(doc, k));
  if (f->tok > 0 && dyad__tok_in(doc, &doc->toks.v[f->tok - 1], but))
    return 1; /* "reject the levy, but Spain and Greece appear to": a new
                 clause's subject, however the parser grouped it */
  if (g && g->kind == DYAD_PH_PP && g->tok > 0 &&
      dyad__tok_in(doc, &doc->toks.v[g->tok], with) &&
      dyad__tok_in(doc, &doc->toks.v[g->tok - 1], along))
    return 1; /* "supports the tax, along with Britain and Denmark": who
                 else does it */
  for (uint32_t j = 0; j < s->nclause; j++) {
    const dyad_clause *o = &doc->clauses.v[s->clause + j];
    if (o == c)
      continue;
    if (o->subj == k && !(o->flags & DYAD_CLF_SUBJ_INHERITED))
      return 1;
    const dyad_phrase *ov = ph(doc, o->verb);
    if (with_pp && o->kind == DYAD_CL_PART && o->subj == k && ov &&
        ov->tok == p->tok + p->ntok)
      return 1;
  }
  return 0;
}

/* Is NP np in an infinitive or participle clause other than c ("agreed
 * to sell sugar to the Soviet Union": the act agreed to)? */
static int in_governed_act(const dyad_doc *doc, const dyad_clause *c,
                           int32_t np)
{
  if (np < 0 || (size_t)np >= doc->phrases.n)
    return 0;
  const dyad_sentence *s = &doc->sents.v[dyad__sent_of(doc, c->tok)];
  uint32_t k = doc->phrases.v[np].clause;
  if (k >= s->nclause || &doc->clauses.v[s->clause + k] == c)
    return 0;
  const dyad_clause *o = &doc->clauses.v[s->clause + k];
  return o->kind == DYAD_CL_INF || o->kind == DYAD_CL_PART;
}

/* Is NP np (with its coordination) the object of an "of" ("a cobweb of
 * controls and regulations")? */
static int of_object(const dyad_doc *doc, int32_t np)
{
  static const char *const of[] = {"of", NULL};
  if (np < 0)
    return 0;
  const dyad_phrase *u = ph(doc, ph(doc, np_first(doc, np))->up);
  return u && u->kind == DYAD_PH_PP &&
         dyad__tok_in(doc, &doc->toks.v[u->tok], of);
}

/* Is NP p the object of a "by" right after verb group vg, with only
 * adverbs, adjectives or a date between ("backed logistically by 1,700
 * Belgian soldiers", "ruled ineligible last month by the IMF")? It names
 * an agent or a means, never who the verb's act is done to (a pattern
 * that wants it names "by" itself). A "by" after a noun ("rejected a
 * demand by the IMF", "welcomed proposals announced by the party") names
 * whose the thing is, and stays. */
static int by_phrase(const dyad_doc *doc, const dyad_phrase *p, int32_t vg)
{
  static const char *const by[] = {"by", NULL};
  const dyad_phrase *g = ph(doc, np_first(doc, (int32_t)(p - doc->phrases.v)));
  const dyad_phrase *u = g ? ph(doc, g->up) : NULL;
  const dyad_phrase *v = ph(doc, vg);
  if (!u || !v || u->kind != DYAD_PH_PP || u->tok < v->tok + v->ntok ||
      !dyad__tok_in(doc, &doc->toks.v[u->tok], by))
    return 0;
  for (uint32_t t = v->tok + v->ntok; t < u->tok; t++) {
    uint8_t tg = doc->toks.v[t].tag;
    if (tg != DYAD_TAG_RB && tg != DYAD_TAG_JJ && !dyad__in_timex(doc, t))
      return 0;
  }
  return 1;
}

static int in_locative(const dyad_doc *doc, int32_t np);
static int region_place(struct emit_ctx *ec, int32_t np);
static int32_t apposed_actor(struct emit_ctx *ec, int32_t np);

/* Is NP k a capital named as a place ("the quota set in Vienna", "talks
 * in Moscow")? There it is where something was said or agreed, not the
 * government it stands for elsewhere ("Moscow said"). */
static int capital_place(struct emit_ctx *ec, int32_t k, const char *code)
{
  if (code && ((code[0] == '1' && code[1] >= '3') || code[0] == '2'))
    return 0; /* a threat or an attack there hits it: "threatened to ban
                 voting in X", "shelled X" */
  if (!in_locative(ec->doc, k))
    return 0;
  const struct np_actors *a =
      dyad__np_actors(ec->doc, ec->cs, np_first(ec->doc, k));
  return a && a->n == 1 && a->type[0] == ACT_CAPITAL;
}

/* Is NP p set apart from the act rather than its party: right after
 * "outside", "unlike", "than", or "compared with/to"? */
static int compared_np(const dyad_doc *doc, const dyad_phrase *p)
{
  static const char *const apart[] = {"outside", "unlike", "than", NULL};
  static const char *const with[] = {"with", "to", NULL};
  static const char *const compared[] = {"compared", "comparison",
                                         "contrast", NULL};
  uint32_t t = p->tok;
  if (t == 0)
    return 0;
  if (dyad__tok_in(doc, &doc->toks.v[t - 1], apart))
    return 1;
  return t >= 2 && dyad__tok_in(doc, &doc->toks.v[t - 1], with) &&
         dyad__tok_in(doc, &doc->toks.v[t - 2], compared);
}

static int32_t default_target(struct emit_ctx *ec, const dyad_clause *c,
                              const dyad_phrase *vg, uint32_t lastprep,
                              const char *code)
{
  dyad_doc *doc = ec->doc;
  /* a place where a statement, appeal, meeting or cooperation happened is
   * not who it was done to ("met in Paris"); a concession, a ban or an
   * attack there hits it ("lifted the curfew in", "shelled positions in") */
  static const char *const locative[] = {"in", "at", "near", "inside",
                                         "outside", "throughout", "across",
                                         "around", "during", "over", NULL};
  int hits_place = !code || code[0] != '0' || code[1] < '1' || code[1] > '6';
  int32_t fallback = -1; /* the first phrase naming only a new actor */
  if (lastprep != UINT32_MAX) {
    int32_t np = pp_np_at(doc, lastprep);
    if (np < 0 && lastprep + 1 < c->tok + c->ntok)
      np = np_at(doc, lastprep + 1);
    if (np >= 0 && (named(ec, np, &fallback) ||
                    !(doc->ctx->flags & DYAD_CFG_LITERAL)))
      return np;
    /* PETRARCH: "clashed over the efforts of Eriador", "sealed off the
     * highways running into Gaza": the actor after the pattern's words */
  }
  if (c->obj >= 0 && named(ec, c->obj, &fallback))
    return c->obj;
  /* "supported Turkey's efforts", "condemned Russia's attack": the
   * possessor of an object that names no actor */
  const dyad_phrase *op = ph(doc, c->obj);
  if (op && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      poss_actor(doc, ec->cs, op))
    return op->poss;
  int literal = (doc->ctx->flags & DYAD_CFG_LITERAL) != 0;
  const dyad_clause *cl = c;
  for (int hop = 0; hop < 2 && cl; hop++) {
    uint32_t from = hop == 0 ? vg->head + 1 : cl->tok;
    uint32_t end = cl->tok + cl->ntok;
    int reach = literal && hop == 0 && c->kind != DYAD_CL_MAIN;
    if (reach)
      end = pattern_end(doc, c); /* "to burst into an anti- Chile
                                    rally": TABARI reads on, though not
                                    into an adverbial clause ("after
                                    Calenardhon crowds burned ...") */
    for (size_t k = phrase_after(doc, from - 1);
         k < doc->phrases.n && doc->phrases.v[k].tok < end; k++) {
      const dyad_phrase *p = &doc->phrases.v[k];
      if (p->kind != DYAD_PH_NP || (p->flags & DYAD_PHF_POSSESSOR))
        continue;
      if (reach && p->tok >= c->tok + c->ntok && in_sub(doc, c, p))
        continue;
      int placed = hits_place && p->up >= 0 &&
                   doc->phrases.v[p->up].kind == DYAD_PH_PP &&
                   doc->phrases.v[p->up].attach == c->obj &&
                   dyad__tok_in(doc, &doc->toks.v[doc->phrases.v[p->up].tok],
                           locative); /* "extended the curfew in Algiers" */
      if (!literal && !placed && (hop == 0 || !hits_place) &&
          !on_verb(doc, p, cl->verb, cl->obj))
        continue; /* "condemned the attack on Ukraine": not Ukraine; in
                     the infinitive of a cooperative act too ("agreed to
                     study the troubles of Somalia"; but "threatened
                     to revoke the licences of X" hits X) */
      if (!literal && compared_np(doc, p))
        continue; /* "products from outside the EC", "seeking 2.3
                     billion dlrs, compared with Brazil's 6.1 billion":
                     no act on the EC or Brazil */
      if (!literal && !hits_place && p->up >= 0 &&
          doc->phrases.v[p->up].kind == DYAD_PH_PP &&
          dyad__tok_in(doc, &doc->toks.v[doc->phrases.v[p->up].tok], locative))
        continue;
      if (!literal && (other_subject(doc, c, (int32_t)k) ||
                       capital_place(ec, (int32_t)k, code) ||
                       (hop == 0 && by_phrase(doc, p, cl->verb))))
        continue;
      if (named(ec, (int32_t)k, &fallback))
        return (int32_t)k;
      /* news: "to protest against Norway's ruling", "to show their
       * disapproval of the United States' policies": in a purpose
       * infinitive, whose the thing is (not in the clause itself:
       * "suspended payments on Brazil's debt" is not against Brazil) */
      if (!literal && hop > 0 && p->poss >= 0 &&
          poss_actor(doc, ec->cs, p))
        return p->poss;
    }
    /* the next clause, if it is an infinitive this one governs */
    const dyad_clause *next = NULL;
    size_t ci = (size_t)(cl - doc->clauses.v) + 1;
    if (ci < doc->clauses.n) {
      next = &doc->clauses.v[ci];
      if ((next->kind != DYAD_CL_INF && next->kind != DYAD_CL_PART) ||
          next->parent != (int32_t)(ci - 1) || next->verb < 0 ||
          next->tok < vg->head)
        next = NULL; /* "to supply Gondor", "the roads leading into Mordor"
                        (after the verb, not a clause before it) */
    }
    cl = next;
  }
  /* "demanded that the DPRK forsake ...", "urged that Iran stop ...": the
   * subject of the complement clause the verb governs */
  if (c->obj < 0 ||
      (literal && !dyad__np_actors(doc, ec->cs, np_first(doc, c->obj)))) {
    /* (PETRARCH: "expressed hopes that Osgiliath could ...": an object
     * that names no actor does not stop it; in news "rejected a claim that
     * the United States ..." it would find the wrong one) */
    size_t ci = (size_t)(c - doc->clauses.v);
    for (size_t k = ci + 1; k < doc->clauses.n && k < ci + 3; k++) {
      const dyad_clause *n = &doc->clauses.v[k];
      if (n->parent != (int32_t)ci)
        continue;
      if (n->kind == DYAD_CL_COMP && n->subj >= 0 &&
          !(n->flags & DYAD_CLF_SUBJ_INHERITED) &&
          dyad__np_actors(doc, ec->cs, np_first(doc, n->subj)))
        return n->subj;
      break;
    }
  }
  return fallback >= 0 ? fallback : c->obj;
}

/* The target of a protest named by "in protest of / against / at / over"
 * a thing ("a sit-in in protest of the mayor's silence",
 * "walked out in protest at Japan's policy"): the actor that phrase names,
 * or whose the thing is. -1 if none. */
static int32_t protest_target(struct emit_ctx *ec, const dyad_clause *c)
{
  static const char *const in[] = {"in", NULL};
  static const char *const protest[] = {"protest", NULL};
  static const char *const about[] = {"of", "against", "at", "over", NULL};
  dyad_doc *doc = ec->doc;
  uint32_t end = c->tok + c->ntok;
  for (size_t k = phrase_after(doc, c->tok);
       k + 1 < doc->phrases.n && doc->phrases.v[k].tok < end; k++) {
    const dyad_phrase *p = &doc->phrases.v[k];
    const dyad_phrase *n = ph(doc, p->child);
    if (p->kind != DYAD_PH_PP || !n || n->ntok != 1 ||
        !dyad__tok_in(doc, &doc->toks.v[p->tok], in) ||
        !dyad__tok_in(doc, &doc->toks.v[n->head], protest))
      continue;
    uint32_t t = n->tok + n->ntok;
    int32_t np = pp_np_at(doc, t);
    if (np < 0 || !dyad__tok_in(doc, &doc->toks.v[t], about))
      return -1;
    if (dyad__np_actors(doc, ec->cs, np_first(doc, np)))
      return np;
    return owner_np(ec, np);
  }
  return -1;
}

/* The by-agent of a passive clause: "by" within 8 tokens of the verb, or,
 * in a clause with no object, further on through a chain of prepositional
 * phrases with no comma or verb between ("shot in a raid on an
 * army convoy by X"). */
static int32_t by_agent(const dyad_doc *doc, const dyad_clause *c,
                        const dyad_phrase *vg)
{
  const dyad_token *toks = doc->toks.v;
  uint32_t end = c->tok + c->ntok;
  int crossed = 0; /* a comma or verb seen since the verb */
  for (uint32_t t = vg->head + 1; t < end && t < vg->head + 16; t++) {
    int tg = toks[t].tag;
    crossed |= tg == DYAD_TAG_COMMA || tg == DYAD_TAG_MD ||
               tg == DYAD_TAG_VB || tg == DYAD_TAG_VBD || tg == DYAD_TAG_VBG ||
               tg == DYAD_TAG_VBN || tg == DYAD_TAG_VBP || tg == DYAD_TAG_VBZ;
    if ((crossed || c->obj >= 0) && t >= vg->head + 8)
      break; /* ("injured some 30 during preparations for a visit by X") */
    char buf[4];
    size_t n = dyad__fold(doc->text + toks[t].off, toks[t].len, buf, 3);
    if (n == 2 && buf[0] == 'b' && buf[1] == 'y') {
      int32_t np = pp_np_at(doc, t);
      if (np < 0 && t + 1 < end)
        np = np_at(doc, t + 1);
      return np;
    }
  }
  return -1;
}

/* Is the verb group negated, directly or by a negative subject/object? */
static int negated(const dyad_doc *doc, const dyad_clause *c,
                   const dyad_phrase *vg)
{
  if (vg->flags & DYAD_PHF_NEGATED)
    return 1;
  const dyad_phrase *o = ph(doc, c->obj);
  if (o && (o->flags & DYAD_PHF_NEGDET))
    return 1;
  static const char *const none[] = {"nothing", "none", NULL};
  if (o && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      dyad__tok_in(doc, &doc->toks.v[o->head], none))
    return 1; /* "the Saudis buy nothing from Brazil" */
  return 0;
}

static inline uint32_t bloom_bit(uint32_t id)
{
  return (id * 2654435761u) >> 24;
}

static inline void bloom_add(uint64_t b[4], uint32_t id)
{
  if (id) {
    uint32_t k = bloom_bit(id);
    b[k >> 6] |= 1ull << (k & 63);
  }
}

static inline int bloom_has(const uint64_t b[4], uint32_t id)
{
  uint32_t k = bloom_bit(id);
  return id && (b[k >> 6] >> (k & 63)) & 1;
}

/* Can pattern p match words the filter holds? Only WORD items after the
 * verb are checked (sets and slots always may). */
static int bloom_may(const uint64_t b[4], const struct dyad_verb_pat *p)
{
  for (uint16_t k = p->npre; k < p->nitems; k++) {
    const struct dyad_verb_item *it = &p->items[k];
    if (it->kind == DYAD_VI_WORD && !bloom_has(b, it->id) &&
        !(it->lemma && bloom_has(b, it->lemma)))
      return 0;
  }
  return 1;
}

/* The first (most specific) of the verb's patterns that matches clause c,
 * NULL if none; the out-parameters as for pat_match. */
static const struct dyad_verb_pat *
find_pattern(dyad_doc *doc, const dyad_clause *c, const dyad_phrase *vg,
             int32_t *target, int32_t *psource, uint32_t *lastprep,
             uint32_t *words, size_t *nwords)
{
  const struct dyad_verb_pat *const *pats;
  size_t np = 0;
  *nwords = 0;
  /* the form as written first: a dictionary that lists "left" apart from
   * "leave" means it (PETRARCH's LEFT [032:033], LEAVE [012]) */
  uint32_t vform = doc->toks.v[vg->head].form;
  if ((vform == vg->lemma || !dyad__dict_verb(doc->ctx, vform, &pats, &np) ||
       !np) &&
      (!dyad__dict_verb(doc->ctx, vg->lemma, &pats, &np) || !np))
    return NULL;
  /* a 256-bit filter of the words after the verb: most of a frequent
   * verb's patterns name a word the clause does not have */
  uint64_t bloom[4] = {0, 0, 0, 0};
  uint64_t sig = 0; /* the same words in the patterns' 64-bit signature */
  uint32_t cend = pattern_end(doc, c);
  for (uint32_t t = vg->head + 1; t < cend; t++) {
    bloom_add(bloom, doc->toks.v[t].form);
    bloom_add(bloom, doc->toks.v[t].lemma);
    sig |= dyad__word_sigbit(doc->toks.v[t].form) |
           dyad__word_sigbit(doc->toks.v[t].lemma);
  }
  for (size_t i = 0; i < np; i++) {
    if ((pats[i]->sig & ~sig) || !bloom_may(bloom, pats[i]))
      continue;
    if (!pat_match(doc, doc->coder_state, c, vg, pats[i], target, psource,
                   lastprep, words, nwords))
      continue;
    if (pats[i]->mirror[0] && *target >= 0 && doc->coder_state &&
        !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
        !dyad__np_actors(doc, doc->coder_state, np_first(doc, *target)))
      continue; /* a visit or a welcome is paid to someone: "welcomed
                   Norway's move to renew" is not "welcome X to" */
    return pats[i];
  }
  return NULL;
}

/* An infinitival clause is an act only when the verb that governs it says
 * the act happened or is intended ("managed to", "began to", "plans to":
 * the chunker marks intent on the clause's own verb group); after "urged X
 * to", "asked X to", "wants X to" it is the content of a request, not an
 * act. */
static int inf_realis(dyad_doc *doc, const dyad_clause *c,
                      const dyad_phrase *vg)
{
  static const char *const implicative[] = {
      "manage", "begin", "start", "continue", "resume", "proceed", "help",
      "move", "go", "keep", "dare", "fail", "refuse", "decline",
      "be", NULL}; /* "is about to", "is to": planned acts */
  if (vg->flags & (DYAD_PHF_INTENT | DYAD_PHF_THREAT | DYAD_PHF_MODAL |
                   DYAD_PHF_FUTURE | DYAD_PHF_NEGATED))
    return 1;
  if (c->parent < 0 || (size_t)c->parent >= doc->clauses.n)
    return 1;
  const dyad_clause *pc = &doc->clauses.v[c->parent];
  const dyad_phrase *pv = ph(doc, pc->verb);
  if (!pv)
    return 1;
  if (pv->flags & (DYAD_PHF_MODAL | DYAD_PHF_NEGATED))
    return 0; /* "it would be unwise for Korea to strike" */
  if (dyad__verb_in(doc, pv, implicative))
    return 1;
  /* a purpose that is itself a statement: "staged a sit-in to protest
   * against", "began a hunger strike to demand" (the object is an act,
   * not an actor asked to do something as in "urged Japan to") */
  static const char *const expressive[] = {
      "protest", "demand", "denounce", "condemn", "express", "voice",
      "show", "demonstrate", "press", "oppose", "reject", "support",
      "mark", "commemorate", "highlight", "criticize", "criticise", NULL};
  if (pc->obj >= 0 && dyad__verb_in(doc, vg, expressive)) {
    const dyad_phrase *o = ph(doc, pc->obj);
    return o && o->tok < c->tok && !(o->flags & DYAD_PHF_PRONOUN) &&
           !(o->flags & DYAD_PHF_PROPER) &&
           !(doc->coder_state &&
             dyad__np_actors(doc, doc->coder_state,
                             np_first(doc, pc->obj)));
    /* ("urged the administration to press Japan": an actor asked) */
  }
  return 0;
}

/* "accused the West of undermining stability and NATO of barging in": a
 * pattern whose last word is "of" before a gerund, and later in the
 * sentence "and" + a noun phrase + "of" + a gerund: that noun phrase is a
 * second object of the same verb. Returns it, or -1. */
static int32_t parallel_object(const dyad_doc *doc, const dyad_clause *c,
                               uint32_t lastprep)
{
  static const char *const of[] = {"of", NULL}, *const and_[] = {"and", NULL};
  const dyad_token *toks = doc->toks.v;
  uint32_t end = sentence_end(doc, c);
  if (lastprep == UINT32_MAX || lastprep + 2 >= end ||
      !dyad__tok_in(doc, &toks[lastprep], of) ||
      toks[lastprep + 1].tag != DYAD_TAG_VBG)
    return -1;
  for (uint32_t t = lastprep + 2; t + 3 < end; t++) {
    int tg = toks[t].tag;
    if (tg == DYAD_TAG_PERIOD || tg == DYAD_TAG_COLON || tg == DYAD_TAG_MD ||
        tg == DYAD_TAG_VBD || tg == DYAD_TAG_VBZ || tg == DYAD_TAG_VBP)
      return -1;
    if (tg != DYAD_TAG_CC || !dyad__tok_in(doc, &toks[t], and_))
      continue;
    int32_t np = np_at(doc, t + 1);
    const dyad_phrase *p = ph(doc, np);
    if (!p || p->tok != t + 1)
      return -1;
    uint32_t e = p->tok + p->ntok;
    if (p->up >= 0) {
      const dyad_phrase *u = ph(doc, p->up);
      if (u && u->kind == DYAD_PH_NP && u->tok == p->tok)
        e = u->tok + u->ntok; /* (a possessed phrase: "NATO's allies") */
    }
    return e + 1 < end && dyad__tok_in(doc, &toks[e], of) &&
                   toks[e + 1].tag == DYAD_TAG_VBG
               ? np
               : -1;
  }
  return -1;
}

/* Is c the "of" + gerund clause of a verb of accusing ("accused Kenya of
 * arming rebels", "convicted him of spying")? What is alleged is the
 * accusation's content, not an act the article reports. */
static int accusation_content(dyad_doc *doc, const dyad_clause *c)
{
  static const char *const accuse[] = {
      "accuse", "suspect", "convict", "acquit", "charge", NULL};
  static const char *const of[] = {"of", "with", NULL};
  /* (up a chain of such clauses: "of arming rebels and Sudan of
   * sheltering them") */
  for (int g = 0; g < 4; g++) {
    if (c->kind != DYAD_CL_PART || c->sub_word == UINT32_MAX ||
        c->parent < 0 || (size_t)c->parent >= doc->clauses.n ||
        !dyad__tok_in(doc, &doc->toks.v[c->sub_word], of))
      return 0;
    const dyad_phrase *pv = ph(doc, doc->clauses.v[c->parent].verb);
    if (pv && pv->kind == DYAD_PH_VG && dyad__verb_in(doc, pv, accuse))
      return 1;
    c = &doc->clauses.v[c->parent];
  }
  return 0;
}

/* The refusal (124x) matching a yielding act (08x) said not to be going
 * to happen ("will not end their strike", "won't lift the sanctions"):
 * writes it into out (8 bytes) and returns 1, or returns 0. */
static int refused_yield(const char *code, char out[8])
{
  static const char *const map[][2] = {
      {"081", "1241"}, {"082", "1242"}, {"084", "1243"}, {"085", "1244"},
      {"086", "1245"}, {"087", "1246"}, {"080", "124"}};
  if (strncmp(code, "08", 2) != 0)
    return 0;
  for (size_t k = 0; k < DYAD_ARRAY_LEN(map); k++)
    if (strncmp(code, map[k][0], 3) == 0) {
      snprintf(out, 8, "%s", map[k][1]);
      return 1;
    }
  return 0;
}

/* Is c the that-clause of a verb of demanding with a bare subjunctive verb
 * ("urged that the Community take action", "demanded that the government
 * end curbs")? Its act is what was asked for, not an act done. */
static int subjunctive_request(dyad_doc *doc, const dyad_clause *c,
                               const dyad_phrase *vg)
{
  static const char *const mand[] = {
      "demand", "insist", "urge", "ask", "require", "request", "propose",
      "recommend", "suggest", "order", NULL};
  if (c->kind != DYAD_CL_COMP || c->parent < 0 ||
      (size_t)c->parent >= doc->clauses.n ||
      doc->toks.v[vg->head].tag != DYAD_TAG_VB ||
      (vg->flags & (DYAD_PHF_MODAL | DYAD_PHF_FUTURE | DYAD_PHF_INFINITIVE)))
    return 0;
  const dyad_phrase *pv = ph(doc, doc->clauses.v[c->parent].verb);
  return pv && pv->kind == DYAD_PH_VG && dyad__verb_in(doc, pv, mand);
}

/* The country that NP np is in ("an international force in Bosnia",
 * "the refugees in Chad"): the NP of an "in" phrase right after it that
 * names a country or its capital, else -1. Aid given to something in a
 * country is aid to that country. */
static int32_t country_after(struct emit_ctx *ec, int32_t np)
{
  static const char *const in[] = {"in", "inside", NULL};
  dyad_doc *doc = ec->doc;
  const dyad_phrase *p = ph(doc, np);
  if (!p)
    return -1;
  uint32_t t = p->tok + p->ntok;
  int32_t pp = pp_np_at(doc, t);
  if (pp < 0 || !dyad__tok_in(doc, &doc->toks.v[t], in))
    return -1;
  const struct np_actors *a = dyad__np_actors(doc, ec->cs, np_first(doc, pp));
  return a && a->n == 1 &&
                 (a->type[0] == ACT_COUNTRY || a->type[0] == ACT_CAPITAL)
             ? pp
             : -1;
}

/* "The UN sent 21 experts to Yugoslavia to investigate ...", "Japan
 * dispatched a team to inspect the site": the purpose of sending people is
 * the sender's act (the sent carry it out for it). For an infinitive c
 * after the object of a send verb that is asserted (not modal, negated or
 * only intended), returns the sender (the parent clause's subject), else
 * -1. */
static int32_t purpose_of_sending(const dyad_doc *doc, const dyad_clause *c)
{
  static const char *const send[] = {"send", "dispatch", "deploy", NULL};
  if (c->subj >= 0 || c->parent < 0 || (size_t)c->parent >= doc->clauses.n)
    return -1;
  const dyad_clause *pc = &doc->clauses.v[c->parent];
  const dyad_phrase *pv = ph(doc, pc->verb);
  if (!pv || pc->obj < 0 || pc->subj < 0 || !dyad__verb_in(doc, pv, send) ||
      (pv->flags & (DYAD_PHF_MODAL | DYAD_PHF_NEGATED | DYAD_PHF_INTENT |
                    DYAD_PHF_FUTURE | DYAD_PHF_THREAT)))
    return -1;
  return pc->subj;
}

/* The actor clause c sends or takes something to: the NP of its "to"
 * phrase ("sent experts to Yugoslavia"), -1 if none names an actor. */
static int32_t destination(struct emit_ctx *ec, const dyad_clause *c)
{
  static const char *const to[] = {"to", "into", NULL};
  dyad_doc *doc = ec->doc;
  uint32_t end = c->tok + c->ntok;
  for (size_t k = phrase_after(doc, c->tok);
       k < doc->phrases.n && doc->phrases.v[k].tok < end; k++) {
    const dyad_phrase *p = &doc->phrases.v[k];
    if (p->kind == DYAD_PH_PP && p->child >= 0 &&
        dyad__tok_in(doc, &doc->toks.v[p->tok], to) &&
        dyad__np_actors(doc, ec->cs, np_first(doc, p->child)))
      return p->child;
  }
  return -1;
}

/* Verbs whose complement is an act to be stopped: "urged X to stop
 * dumping" asks for the opposite of dumping, so the act does not refine
 * the request. */
static const char *const stop_verbs[] = {"stop", "halt", "cease", "quit",
                                         "avoid", "refrain", "end", NULL};

/* The event code of the noun heading NP pi ("withdrawal", "talks"), 0 if
 * the phrase names no event. */
static int noun_event(const dyad_doc *doc, int32_t pi, struct noun_hit *nh)
{
  const dyad_phrase *p = ph(doc, pi);
  if (!p || p->kind != DYAD_PH_NP)
    return 0;
  uint32_t end = p->tok + p->ntok;
  for (uint32_t i = p->tok; i < end; i++) {
    uint32_t n = dyad__glue_noun(doc->ctx, doc->toks.v, end, i, nh);
    if (n && i + n == p->head + 1)
      return 1;
  }
  return 0;
}

/* "a guard was shot dead in an attack by gunmen", "killed five soldiers in
 * a suicide bombing": a plain violent act (kill, wound, attack) told "in" an event
 * noun of violence is the act that noun names (the attack, 190; the
 * bombing, 183x; the air raid, 195), the more telling code. Writes it
 * into out and returns 1, or returns 0. */
static int force_means(const dyad_doc *doc, const dyad_clause *c,
                       const char *code, char out[8])
{
  static const char *const in[] = {"in", NULL};
  /* only a verb that says little of how ("killed", "wounded", "attacked");
   * "bombed ... in the first such attack" keeps its bombing */
  static const char *const plain[] = {"180", "182", "1823", "190", NULL};
  int generic = 0;
  for (size_t k = 0; plain[k]; k++)
    generic |= strcmp(code, plain[k]) == 0;
  if (!generic)
    return 0;
  uint32_t end = c->tok + c->ntok;
  const dyad_phrase *vg = ph(doc, c->verb);
  if (!vg)
    return 0;
  for (size_t k = phrase_after(doc, vg->tok + vg->ntok - 1);
       k < doc->phrases.n && doc->phrases.v[k].tok < end; k++) {
    const dyad_phrase *pp = &doc->phrases.v[k];
    if (pp->kind != DYAD_PH_PP || pp->child < 0 ||
        (pp->attach >= 0 && pp->attach != c->verb && pp->attach != c->obj) ||
        !dyad__tok_in(doc, &doc->toks.v[pp->tok], in))
      continue;
    struct noun_hit nh;
    if (!noun_event(doc, pp->child, &nh))
      continue;
    if (((nh.code[0] == '1' && nh.code[1] >= '8') ||
         (nh.code[0] == '2' && nh.code[1] == '0')) &&
        strcmp(nh.code, code) != 0) {
      memcpy(out, nh.code, 8);
      return 1;
    }
    return 0;
  }
  return 0;
}

/* What a generic request (020, 100) asks for: the act of the infinitive or
 * that-clause it governs ("urged X to release", "demanded that X
 * withdraw"), else the event noun it names ("called for the withdrawal
 * of", "asked X for support"). Refines code in place (request.c maps the
 * act onto the request's family). Where the request has no target, the
 * event noun's of-phrase gives it ("the removal of President X"). */
static void requested_act(struct emit_ctx *ec, const dyad_clause *c,
                          const dyad_phrase *vg, int32_t *target, char code[8])
{
  dyad_doc *doc = ec->doc;
  size_t ci = (size_t)(c - doc->clauses.v);
  char out[8];
  for (size_t k = ci + 1; k < doc->clauses.n && k < ci + 3; k++) {
    const dyad_clause *n = &doc->clauses.v[k];
    if (n->parent != (int32_t)ci)
      continue;
    if (n->kind != DYAD_CL_INF && n->kind != DYAD_CL_COMP)
      break;
    const dyad_phrase *nv = ph(doc, n->verb);
    if (!nv || nv->kind != DYAD_PH_VG || !nv->lemma ||
        dyad__verb_in(doc, nv, stop_verbs))
      break;
    int32_t t2, s2;
    uint32_t lp, w[8];
    size_t nw;
    const struct dyad_verb_pat *h =
        find_pattern(doc, n, nv, &t2, &s2, &lp, w, &nw);
    if (!h && n->kind == DYAD_CL_INF &&
        (n->flags & DYAD_CLF_SUBJ_INHERITED) &&
        !(nv->flags & DYAD_PHF_INTENT) && k + 1 < doc->clauses.n) {
      /* "urged X to organize and unite against Y": the bare verb joined
       * to an infinitive with no pattern of its own is asked of X too */
      const dyad_clause *b = &doc->clauses.v[k + 1];
      const dyad_phrase *bv = ph(doc, b->verb);
      if (b->kind == DYAD_CL_COORD && b->parent == (int32_t)k && bv &&
          bv->kind == DYAD_PH_VG && bv->lemma &&
          doc->toks.v[bv->head].tag == DYAD_TAG_VB &&
          !dyad__verb_in(doc, bv, stop_verbs))
        h = find_pattern(doc, b, bv, &t2, &s2, &lp, w, &nw);
    }
    if (h && strncmp(h->code, "113", 3) == 0 &&
        (strncmp(code, "02", 2) == 0 || strncmp(code, "10", 2) == 0)) {
      /* "called on Arabs to mobilize against X": asking others to rally
       * against X is rallying opposition to X oneself; X is the target */
      int32_t x = t2 >= 0 ? t2 : lp != UINT32_MAX ? pp_np_at(doc, lp) : -1;
      if (x >= 0 && dyad__np_actors(doc, ec->cs, np_first(doc, x))) {
        memcpy(code, "113", 4);
        *target = x;
        return;
      }
    }
    if (h && strcmp(h->code, "---") != 0 &&
        dyad__request_code(code, h->code, out)) {
      memcpy(code, out, 8);
      return;
    }
    break;
  }
  /* an event noun: the object, or the NP of a "for" phrase */
  static const char *const for_prep[] = {"for", NULL};
  int32_t cand[4];
  size_t nc = 0;
  if (c->obj >= 0)
    cand[nc++] = c->obj;
  uint32_t end = c->tok + c->ntok;
  for (size_t k = phrase_after(doc, vg->head);
       k < doc->phrases.n && doc->phrases.v[k].tok < end && nc < 4; k++) {
    const dyad_phrase *q = &doc->phrases.v[k];
    if (q->kind == DYAD_PH_PP && q->child >= 0 &&
        dyad__tok_in(doc, &doc->toks.v[q->tok], for_prep))
      cand[nc++] = q->child;
  }
  for (size_t i = 0; i < nc; i++) {
    struct noun_hit nh;
    if (!noun_event(doc, cand[i], &nh) ||
        !dyad__request_code(code, nh.code, out))
      continue;
    memcpy(code, out, 8);
    const dyad_phrase *p = &doc->phrases.v[cand[i]];
    if (ec->nused < DYAD_ARRAY_LEN(ec->used))
      ec->used[ec->nused++] = p->head; /* the noun is this event's */
    if (*target < 0 || !dyad__np_actors(doc, ec->cs, np_first(doc, *target))) {
      int32_t pp = pp_np_at(doc, p->tok + p->ntok);
      if (pp >= 0 && dyad__np_actors(doc, ec->cs, np_first(doc, pp)))
        *target = pp;
    }
    return;
  }
}

/* "Farmers demanded that the dam be handed over from
 * the water board": for an appeal or demand whose that-clause has a
 * subject naming no actor, the first actor that clause names (not the
 * source's own) is the one the request concerns. Returns its NP or -1. */
static int32_t that_clause_actor(struct emit_ctx *ec, const dyad_clause *c)
{
  dyad_doc *doc = ec->doc;
  size_t ci = (size_t)(c - doc->clauses.v);
  const struct np_actors *sa =
      c->subj >= 0 ? dyad__np_actors(doc, ec->cs, np_first(doc, c->subj))
                   : NULL;
  for (size_t k = ci + 1; k < doc->clauses.n && k < ci + 3; k++) {
    const dyad_clause *n = &doc->clauses.v[k];
    static const char *const that[] = {"that", NULL};
    static const char *const preps[] = {"from", "to", "against", "on", NULL};
    if (n->parent != (int32_t)ci || n->kind != DYAD_CL_COMP)
      continue;
    if (n->sub_word == UINT32_MAX || n->sub_word < c->tok ||
        !dyad__tok_in(doc, &doc->toks.v[n->sub_word], that))
      return -1;
    if (n->subj >= 0 && dyad__np_actors(doc, ec->cs, np_first(doc, n->subj)))
      return -1; /* (its subject, the one asked, is found elsewhere) */
    uint32_t end = n->tok + n->ntok;
    for (size_t q = phrase_after(doc, n->tok);
         q < doc->phrases.n && doc->phrases.v[q].tok < end; q++) {
      const dyad_phrase *p = &doc->phrases.v[q];
      const dyad_phrase *u = ph(doc, p->up);
      /* the clause's object, or the object of a from/to/against/on phrase
       * ("taken away from X", "sent to X"; not "director of X") */
      if (p->kind != DYAD_PH_NP || (p->flags & DYAD_PHF_POSSESSOR) ||
          region_place(ec, (int32_t)q) ||
          !((int32_t)q == n->obj ||
            (u && u->kind == DYAD_PH_PP &&
             dyad__tok_in(doc, &doc->toks.v[u->tok], preps))))
        continue;
      const struct np_actors *a =
          dyad__np_actors(doc, ec->cs, np_first(doc, (int32_t)q));
      if (a && !(sa && sa->n && a->n && strcmp(a->code[0], sa->code[0]) == 0))
        return (int32_t)q;
    }
    return -1;
  }
  return -1;
}

/* Is NP np the object of a place preposition ("in northern Chad")? */
static int in_locative(const dyad_doc *doc, int32_t np)
{
  static const char *const locative[] = {"in", "at", "near", "inside",
                                         "outside", "throughout", "across",
                                         "around", "into", NULL};
  const dyad_phrase *p = ph(doc, np);
  const dyad_phrase *u = p ? ph(doc, p->up) : NULL;
  return u && u->kind == DYAD_PH_PP &&
         dyad__tok_in(doc, &doc->toks.v[u->tok], locative);
}

/* Is NP np a region named as a place: a proper name of a region or sea
 * ("the Gulf", "Europe", "Latin America"; not "Western nations", "Gulf
 * states") in a locative prepositional phrase ("destroyed a platform in
 * the Gulf", "escorting tankers through the Gulf")? There it says where
 * the act happened, not whom it was done to. A country or city in the
 * same place does name a target ("shelled positions in Beirut"). */
static int region_place(struct emit_ctx *ec, int32_t np)
{
  static const char *const locative[] = {
      "in", "at", "near", "inside", "outside", "throughout", "across",
      "around", "into", "through", "off", "within", "from", NULL};
  dyad_doc *doc = ec->doc;
  const dyad_phrase *p = ph(doc, np);
  const dyad_phrase *u = p ? ph(doc, p->up) : NULL;
  if (!u || u->kind != DYAD_PH_PP ||
      !dyad__tok_in(doc, &doc->toks.v[u->tok], locative))
    return 0;
  char c0 = doc->text[doc->toks.v[p->head].off];
  if (c0 < 'A' || c0 > 'Z')
    return 0; /* (the tagger may read "Gulf" as a common noun) */
  const struct np_actors *a = dyad__np_actors(doc, ec->cs, np_first(doc, np));
  return a && a->n == 1 && a->type[0] == ACT_BLOC;
}

/* The actor an appositive description stands beside: for a subject NP
 * that is a description with a determiner and a common-noun head ("the
 * only Arab country", "a leading producer") right after "<actor> ," at
 * the start of the sentence or after a dateline ("Egypt, the only Arab
 * country to ..., criticized Syria"), the NP naming that actor; else np.
 * The description says what the actor is; it does not replace it (its
 * own reading, ARB, would be a different actor). Not in a list ("Kenya,
 * the United States and Britain": a proper-noun head). */
static int32_t apposed_actor(struct emit_ctx *ec, int32_t np)
{
  dyad_doc *doc = ec->doc;
  const dyad_phrase *p = ph(doc, np);
  if (!p || p->kind != DYAD_PH_NP || p->det < 0 || p->up >= 0 ||
      (p->flags & DYAD_PHF_COORD) || p->conj >= 0 || np == 0)
    return np;
  char c0 = doc->text[doc->toks.v[p->head].off];
  if (c0 < 'a' || c0 > 'z' || p->tok < 2 ||
      doc->toks.v[p->tok - 1].tag != DYAD_TAG_COMMA)
    return np;
  int32_t q = np - 1;
  const dyad_phrase *qp = ph(doc, q);
  if (!qp || qp->kind != DYAD_PH_NP || qp->up >= 0 ||
      qp->tok + qp->ntok != p->tok - 1 || (qp->flags & DYAD_PHF_COORD))
    return np;
  uint32_t s = dyad__sent_of(doc, qp->tok);
  uint32_t t0 = doc->sents.v[s].tok;
  while (t0 < qp->tok && (doc->toks.v[t0].flags & DYAD_TOKF_DATELINE))
    t0++;
  if (t0 != qp->tok)
    return np;
  const struct np_actors *a = dyad__np_actors(doc, ec->cs, np_first(doc, q));
  return a && a->n == 1 ? q : np;
}

/* The actors of subject np, read with the apposition that renames it:
 * "Karim X, Tunisia's best-known rights lawyer, staged ..."
 * (an unlisted name: the description's actor acts) and "Qatar's emir,
 * Sheikh Hamad, launched ..." (a description opening the sentence before
 * the name). The source's text then covers both, name and description.
 * Returns dyad__np_actors of np when there is no such apposition. */
static const struct np_actors *subject_actors(struct emit_ctx *ec, int32_t np)
{
  dyad_doc *doc = ec->doc;
  const struct np_actors *a = dyad__np_actors(doc, ec->cs, np_first(doc, np));
  const dyad_phrase *p = ph(doc, np);
  if (!p || p->kind != DYAD_PH_NP || (doc->ctx->flags & DYAD_CFG_LITERAL) ||
      (p->flags & DYAD_PHF_COORD) || p->conj >= 0 || p->up >= 0 ||
      (a && a->n != 1))
    return a;
  const dyad_phrase *d = NULL; /* the description */
  int32_t di = -1;
  for (int32_t q = np + 1; q < np + 8 && (size_t)q < doc->phrases.n; q++) {
    const dyad_phrase *x = &doc->phrases.v[q];
    if (x->tok > p->tok + p->ntok + 12)
      break;
    if (x->kind == DYAD_PH_NP && (x->flags & DYAD_PHF_APPOS) &&
        x->attach == np && x->up < 0 && x->tok == p->tok + p->ntok + 1) {
      d = x;
      di = q;
      break;
    }
  }
  uint8_t htag = doc->toks.v[p->head].tag;
  if (!d && a && (htag == DYAD_TAG_NNP || htag == DYAD_TAG_NNPS) &&
      p->tok >= 2 && doc->toks.v[p->tok - 1].tag == DYAD_TAG_COMMA) {
    /* a common-noun description opening the sentence, a comma, the name */
    int32_t q = np - 1;
    while (q >= 0 && doc->phrases.v[q].up >= 0)
      q--; /* (past the possessor of "Qatar's emir") */
    const dyad_phrase *x = ph(doc, q);
    uint32_t s0 = x ? doc->sents.v[dyad__sent_of(doc, x->tok)].tok : 0;
    while (x && s0 < x->tok && (doc->toks.v[s0].flags & DYAD_TOKF_DATELINE))
      s0++;
    uint8_t xt = x ? doc->toks.v[x->head].tag : 0;
    if (x && x->kind == DYAD_PH_NP && x->tok == s0 &&
        x->tok + x->ntok == p->tok - 1 && !(x->flags & DYAD_PHF_COORD) &&
        (xt == DYAD_TAG_NN || xt == DYAD_TAG_NNS) &&
        (x->poss >= 0 || x->det >= 0) && !dyad__in_timex(doc, x->head)) {
      d = x;
      di = q;
    }
  }
  if (!d || (doc->toks.v[d->head].tag != DYAD_TAG_NN &&
             doc->toks.v[d->head].tag != DYAD_TAG_NNS &&
             doc->toks.v[d->head].tag != DYAD_TAG_NNP &&
             doc->toks.v[d->head].tag != DYAD_TAG_NNPS))
    return a; /* ("Taiwan, one of the ...") */
  const struct np_actors *da = dyad__np_actors(doc, ec->cs, np_first(doc, di));
  uint8_t dt = doc->toks.v[d->head].tag;
  if (!a && (!da || da->n != 1 || (dt != DYAD_TAG_NN && dt != DYAD_TAG_NNS)))
    return a; /* (the actor of a description, not of a place named) */
  ec->named = a ? *a : *da;
  uint32_t b = p->tok < d->tok ? p->tok : d->tok;
  uint32_t e = p->tok + p->ntok > d->tok + d->ntok ? p->tok + p->ntok
                                                   : d->tok + d->ntok;
  dyad_span sp = dyad__tok_span(doc, b, e), old = ec->named.span[0];
  if (old.len && old.off < sp.off) {
    sp.len += sp.off - old.off;
    sp.off = old.off;
  }
  if (old.len && old.off + old.len > sp.off + sp.len)
    sp.len = old.off + old.len - sp.off;
  ec->named.span[0] = sp;
  return &ec->named;
}

/* The apposition that names the actor a description np stands for ("The
 * two neighbours, Kenya and Uganda, signed"; "Kidnappers of four
 * professors, three Americans and one Indian, said" keeps its unnamed
 * kidnappers, whose apposition is attached to the PP), else np. */
static int32_t renamed_actor(struct emit_ctx *ec, int32_t np)
{
  dyad_doc *doc = ec->doc;
  if (np < 0 || dyad__np_actors(doc, ec->cs, np_first(doc, np)))
    return np;
  uint32_t end = ph(doc, np)->tok + ph(doc, np)->ntok;
  for (int32_t k = np + 1; (size_t)k < doc->phrases.n && k <= np + 8; k++) {
    const dyad_phrase *q = ph(doc, k);
    if (q->up >= 0)
      continue;
    if (!(q->flags & DYAD_PHF_APPOS) || q->attach != np ||
        q->tok != end + 1)
      break;
    return dyad__np_actors(doc, ec->cs, k) ? k : np;
  }
  return np;
}

/* Is participial clause c the gerund object of its parent's verb ("to
 * resume shelling", "began shelling"), right after that verb? */
static int gerund_object(const dyad_doc *doc, const dyad_clause *c)
{
  const dyad_phrase *v = ph(doc, c->verb);
  if (!v || !(v->flags & DYAD_PHF_GERUND) || c->parent < 0 ||
      (size_t)c->parent >= doc->clauses.n)
    return 0;
  const dyad_phrase *pv = ph(doc, doc->clauses.v[c->parent].verb);
  return pv && v->tok == pv->tok + pv->ntok;
}

/* The clause that governs c when c is an infinitive or a gerund object
 * ("agreed to send", "began shelling"), else NULL. */
static const dyad_clause *governor(const dyad_doc *doc, const dyad_clause *c)
{
  if ((c->kind == DYAD_CL_INF ||
       (c->kind == DYAD_CL_PART && gerund_object(doc, c))) &&
      c->parent >= 0 && (size_t)c->parent < doc->clauses.n)
    return &doc->clauses.v[c->parent];
  return NULL;
}

/* The intent, future or threat of the verbs that govern an infinitive
 * ("is ready to contribute troops", "is prepared to ship equipment to help
 * guard"): the act in the infinitive is only intended too. */
static uint32_t governing_intent(const dyad_doc *doc, const dyad_clause *c)
{
  uint32_t f = 0;
  for (int hop = 0; hop < 3 && (c = governor(doc, c)) != NULL; hop++) {
    const dyad_phrase *pv = ph(doc, c->verb);
    if (!pv)
      continue;
    f |= pv->flags & (DYAD_PHF_INTENT | DYAD_PHF_FUTURE | DYAD_PHF_THREAT);
    /* "is ready to", "is willing to": the cue spans the adjective the
     * verb group leaves out */
    size_t n = doc->toks.n;
    if (dyad__glue_cue(doc->ctx, CUE_INTENT, doc->toks.v, n, pv->head))
      f |= DYAD_PHF_INTENT;
    else if (dyad__glue_cue(doc->ctx, CUE_FUTURE, doc->toks.v, n, pv->head))
      f |= DYAD_PHF_FUTURE;
  }
  return f;
}

/* "The army prepared to resume shelling", "troops are preparing to
 * storm": is c an act governed (through infinitives and gerund objects)
 * by a verb of getting ready, itself not negated? Readying force is a
 * show of military power (150), not a threat, which is said. */
static int prepared(const dyad_doc *doc, const dyad_clause *c)
{
  static const char *const ready[] = {"prepare", "mobilize", "mobilise",
                                      NULL};
  for (int hop = 0; hop < 3 && (c = governor(doc, c)) != NULL; hop++) {
    const dyad_phrase *pv = ph(doc, c->verb);
    if (pv && pv->kind == DYAD_PH_VG && dyad__verb_in(doc, pv, ready))
      return !(pv->flags & (DYAD_PHF_NEGATED | DYAD_PHF_MODAL));
  }
  return 0;
}

/* "tried to hack into", "attempted to seize": an attempt at coercion or
 * violence is that act in CAMEO (a failed attack is an attack; CAMEO has
 * no "intend to attack" but the threat, which an attempt is not). Is c an
 * infinitive governed by try or attempt, itself asserted (not modal,
 * future, threatened or negated)? */
static int attempted(const dyad_doc *doc, const dyad_clause *c)
{
  static const char *const attempt[] = {"try", "attempt", NULL};
  if (c->kind != DYAD_CL_INF || c->parent < 0 ||
      (size_t)c->parent >= doc->clauses.n)
    return 0;
  const dyad_phrase *pv = ph(doc, doc->clauses.v[c->parent].verb);
  return pv && dyad__verb_in(doc, pv, attempt) &&
         !(pv->flags & (DYAD_PHF_MODAL | DYAD_PHF_FUTURE | DYAD_PHF_THREAT |
                        DYAD_PHF_NEGATED));
}

/* Codes whose target may be the nationality of what they hit: releasing
 * (08: "released Lebanese assets"), protest (14: "riots against Israeli
 * policies"), coercion and violence (17-20: "demolished Palestinian
 * homes", "shelled Albanian positions"). */
static int owner_hit(const char *code)
{
  return strncmp(code, "08", 2) == 0 || strncmp(code, "14", 2) == 0 ||
         strncmp(code, "17", 2) == 0 ||
         strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0 ||
         strncmp(code, "20", 2) == 0;
}

/* Does clause c's verb take a that-clause (or a bare clause) right after
 * it ("demonstrated the United States will take action")? */
static int clause_object(dyad_doc *doc, struct coder_state *cs,
                         const dyad_clause *c, const dyad_phrase *vg)
{
  static const char *const that[] = {"that", NULL};
  size_t ci = (size_t)(c - doc->clauses.v);
  uint32_t after = vg->tok + vg->ntok;
  if (c->obj >= 0)
    return 0;
  for (size_t k = ci + 1; k < doc->clauses.n && k < ci + 4; k++) {
    const dyad_clause *n = &doc->clauses.v[k];
    if (n->parent == (int32_t)ci && n->kind == DYAD_CL_COMP &&
        n->tok >= vg->tok && n->tok <= after + 1 &&
        ((n->sub_word != UINT32_MAX && n->sub_word < doc->toks.n &&
          dyad__tok_in(doc, &doc->toks.v[n->sub_word], that)) ||
         (n->subj >= 0 && dyad__np_actors(doc, cs, np_first(doc, n->subj)))))
      return 1; /* (not "staged protest rallies" misread as a clause) */
  }
  return 0;
}

/* "X said (that) Y must / should / has to do Z": a statement that tells
 * another actor what to do is a demand on it (10x, refined by Z's act as
 * for "demand that"). The speaker is the source, Y the target. */
static dyad_status must_demand(struct emit_ctx *ec, const dyad_clause *c,
                               const dyad_phrase *vg)
{
  static const char *const must[] = {"must", "should", "ought", "have",
                                     "has", "need", "needs", NULL};
  dyad_doc *doc = ec->doc;
  if (negated(doc, c, vg) || c->subj < 0)
    return DYAD_OK;
  size_t ci = (size_t)(c - doc->clauses.v);
  for (size_t k = ci + 1; k < doc->clauses.n && k < ci + 3; k++) {
    const dyad_clause *n = &doc->clauses.v[k];
    if (n->parent != (int32_t)ci)
      continue;
    if (n->kind != DYAD_CL_COMP || n->subj < 0 ||
        (n->flags & (DYAD_CLF_SUBJ_INHERITED | DYAD_CLF_CONDITIONAL)))
      return DYAD_OK;
    const dyad_phrase *nv = ph(doc, n->verb);
    if (!nv || (nv->flags & DYAD_PHF_NEGATED))
      return DYAD_OK;
    static const char *const maybe[] = {"would", "will", "might", "may",
                                        "could", "'d", NULL};
    int obliged = 0, predicted = 0;
    for (uint32_t t = nv->tok; t < nv->tok + nv->ntok; t++) {
      const dyad_token *tk = &doc->toks.v[t];
      predicted |= dyad__tok_in(doc, tk, maybe); /* "would have to" */
      if (!dyad__tok_in(doc, tk, must))
        continue;
      /* "have to", "need to" (not "have signed") */
      obliged |= tk->tag == DYAD_TAG_MD ||
                 (t + 1 < doc->toks.n && doc->toks.v[t + 1].tag == DYAD_TAG_TO);
    }
    if (!obliged || predicted)
      return DYAD_OK;
    const struct np_actors *sa =
        dyad__np_actors(doc, ec->cs, np_first(doc, c->subj));
    const struct np_actors *ta =
        dyad__np_actors(doc, ec->cs, np_first(doc, n->subj));
    if (!sa || !ta || (sa->n == 1 && ta->n == 1 &&
                       strncmp(sa->code[0], ta->code[0], 3) == 0))
      return DYAD_OK; /* "Reagan said the United States must": policy talk
                         at home, not a demand on another actor */
    char code[8] = "100", out[8];
    int32_t t2, s2;
    uint32_t lp, w[8];
    size_t nw;
    const struct dyad_verb_pat *h =
        nv->lemma && !dyad__verb_in(doc, nv, stop_verbs)
            ? find_pattern(doc, n, nv, &t2, &s2, &lp, w, &nw)
            : NULL;
    if (h && strcmp(h->code, "---") != 0 &&
        dyad__request_code(code, h->code, out))
      memcpy(code, out, sizeof(code));
    uint32_t flags = 0;
    if (c->flags & DYAD_CLF_QUOTE)
      flags |= DYAD_EVF_QUOTE;
    return emit_pairs(ec, sa, ta, code, NULL,
                      dyad__tok_span(doc, vg->head, vg->head + 1),
                      "coder:must", flags);
  }
  return DYAD_OK;
}

/* Is the -ing word heading participial clause c the last word of a
 * compound noun: right after a singular noun, with no object, and a word
 * the lexicon also knows as a noun ("told a GATT council meeting that",
 * not "a declaration demanding that")? */
static int ing_noun(const dyad_doc *doc, const dyad_clause *c,
                    const dyad_phrase *vg)
{
  if (vg->tok == 0 || c->obj >= 0 || !(vg->flags & DYAD_PHF_GERUND))
    return 0;
  uint8_t pt = doc->toks.v[vg->tok - 1].tag;
  if (pt != DYAD_TAG_NN && pt != DYAD_TAG_NNP)
    return 0;
  const struct dyad_lexent *e =
      dyad__lex_get(doc->ctx, doc->toks.v[vg->head].form);
  return e && (e->mask & DYAD_TAGBIT(DYAD_TAG_NN));
}

static dyad_status code_clause(struct emit_ctx *ec, const dyad_clause *c,
                               int32_t *consumed_np)
{
  dyad_doc *doc = ec->doc;
  ec->cl = c;
  const dyad_phrase *vg = ph(doc, c->verb);
  if (!vg || vg->kind != DYAD_PH_VG || !vg->lemma || !doc->ctx->dict)
    return DYAD_OK;
  int32_t sender = -1; /* "sent a team to X to investigate": who sent */
  if (c->kind == DYAD_CL_INF && !inf_realis(doc, c, vg) &&
      !(doc->ctx->flags & DYAD_CFG_LITERAL) && /* TABARI codes every verb */
      (sender = purpose_of_sending(doc, c)) < 0)
    return DYAD_OK;
  if (c->kind == DYAD_CL_COORD && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      c->parent >= 0 && (size_t)c->parent < doc->clauses.n &&
      vg->tense == DYAD_TENSE_NONE) {
    /* "urged Africans to rise and march against X": a bare verb
     * joined to an infinitive that is only asked for is asked for too */
    const dyad_clause *pc = &doc->clauses.v[c->parent];
    const dyad_phrase *pv = ph(doc, pc->verb);
    if (pc->kind == DYAD_CL_INF && pv && pv->kind == DYAD_PH_VG &&
        !inf_realis(doc, pc, pv) && purpose_of_sending(doc, pc) < 0)
      return DYAD_OK;
  }
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      (subjunctive_request(doc, c, vg) || accusation_content(doc, c)))
    return DYAD_OK;
  if (c->kind == DYAD_CL_PART && vg->tok > 0 &&
      !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      doc->toks.v[vg->tok - 1].tag == DYAD_TAG_DT)
    return DYAD_OK; /* "the lifting of martial law": a noun, not an act of
                       the clause's subject */
  if (c->kind == DYAD_CL_PART && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      ing_noun(doc, c, vg))
    return DYAD_OK;
  if (c->kind == DYAD_CL_INF && (doc->ctx->flags & DYAD_CFG_LITERAL) &&
      c->parent >= (int32_t)ec->clause0 &&
      (uint32_t)c->parent - ec->clause0 < 64 &&
      (ec->covered >> ((uint32_t)c->parent - ec->clause0) & 1)) {
    /* TABARI: "asked Chile to be let go from Peru" is the
     * call; the infinitive is part of it, not an event of its own */
    uint32_t k = (uint32_t)(c - doc->clauses.v) - ec->clause0;
    if (k < 64)
      ec->covered |= (uint64_t)1 << k;
    return DYAD_OK;
  }
  if (c->kind == DYAD_CL_SUB && (vg->flags & DYAD_PHF_GERUND) &&
      (doc->ctx->flags & DYAD_CFG_LITERAL))
    return DYAD_OK; /* PETRARCH reads "after leaving Eriador" as a
                       prepositional phrase, not a verb */
  int32_t target = -1, psource = -1;
  uint32_t lastprep = UINT32_MAX;
  uint32_t words[8];
  size_t nwords = 0;
  const struct dyad_verb_pat *hit =
      find_pattern(doc, c, vg, &target, &psource, &lastprep, words, &nwords);
  if (!hit)
    return DYAD_OK;
  for (size_t k = 0; k < nwords && ec->nused < DYAD_ARRAY_LEN(ec->used); k++)
    ec->used[ec->nused++] = words[k];
  const char *hcode = strcmp(hit->code, "---") == 0 ? "" : hit->code;
  int passive = (vg->flags & DYAD_PHF_PASSIVE) != 0;
  if (passive && c->kind == DYAD_CL_PART && c->obj >= 0)
    passive = 0; /* "Ethiopia broken down a treaty": a participle with an
                    object is active */
  if (passive && hit->passive[0])
    hcode = hit->passive;
  char means[8];
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && force_means(doc, c, hcode, means))
    hcode = means;
  if ((hit->speech || strncmp(hcode, "01", 2) == 0) && !passive &&
      !(doc->ctx->flags & DYAD_CFG_LITERAL)) {
    dyad_status st = must_demand(ec, c, vg);
    if (st != DYAD_OK)
      return st;
  }
  if (!hcode[0] && !hit->mirror[0])
    return DYAD_OK;
  if (strncmp(hcode, "14", 2) == 0 && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      clause_object(doc, ec->cs, c, vg))
    return DYAD_OK; /* "it demonstrated (that) the U.S. will act": shows,
                       no protest */
  if (target < 0 && hit->mirror[0] && lastprep != UINT32_MAX &&
      doc->toks.v[lastprep].tag == DYAD_TAG_IN &&
      pp_np_at(doc, lastprep) < 0 && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      (lastprep + 1 >= doc->toks.n || np_at(doc, lastprep + 1) < 0))
    return DYAD_OK; /* a visit is paid to whom its preposition names:
                       "called on more vigorous budget policies from the U.S."
                       visits no one */
  if (target < 0)
    target = default_target(ec, c, vg, lastprep, hcode);
  if (target >= 0 && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      region_place(ec, target))
    target = c->obj != target ? c->obj : -1; /* "in the Gulf": where */
  if (target >= 0 && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      !hit->mirror[0] &&
      !dyad__np_actors(doc, ec->cs, np_first(doc, target))) {
    int32_t w = owner_np(ec, target);
    const dyad_phrase *tp = ph(doc, target);
    if (w >= 0)
      target = w;
    else if (tp)
      target = topic_target(ec, tp, target);
    /* "seized weapons from the rebels" ("seize * from"): the object
     * names no actor, so the one the pattern's last preposition names;
     * not for disapproval, whose slot is who is blamed ("linked an
     * increase in lending to Indonesia to reforms" blames no one) */
    int32_t lp = lastprep != UINT32_MAX ? pp_np_at(doc, lastprep) : -1;
    if (tp && lp >= 0 && lastprep >= tp->tok + tp->ntok &&
        strncmp(hcode, "11", 2) != 0 && !other_subject(doc, c, lp) &&
        !region_place(ec, lp) &&
        !dyad__np_actors(doc, ec->cs, np_first(doc, target)) &&
        dyad__np_actors(doc, ec->cs, np_first(doc, lp)))
      target = lp;
  }
  if (strncmp(hcode, "14", 2) == 0 && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      (target < 0 || !dyad__np_actors(doc, ec->cs, np_first(doc, target)))) {
    int32_t pt = protest_target(ec, c);
    if (pt >= 0)
      target = pt;
  }
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && target >= 0 &&
      (strncmp(hcode, "033", 3) == 0 || strncmp(hcode, "07", 2) == 0) &&
      !dyad__np_actors(doc, ec->cs, np_first(doc, target))) {
    int32_t where = country_after(ec, target);
    if (where >= 0)
      target = where; /* "troops for the peacekeeping force in Bosnia" */
  }
  if (sender >= 0 && (hcode[0] == '0' || (hcode[0] == '1' && hcode[1] <= '2')) &&
      (target < 0 || !dyad__np_actors(doc, ec->cs, np_first(doc, target)))) {
    /* (not for force: "sent troops to Iraq to fight the rebels" is not a
     * fight with Iraq) */
    int32_t dest = destination(ec, &doc->clauses.v[c->parent]);
    if (dest >= 0)
      target = dest; /* "sent experts to Yugoslavia to investigate" */
  }
  char req[8];
  if (dyad__request_generic(hcode) && !(doc->ctx->flags & DYAD_CFG_LITERAL)) {
    snprintf(req, sizeof(req), "%s", hcode);
    requested_act(ec, c, vg, &target, req);
    hcode = req;
  }
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && !passive &&
      (strncmp(hcode, "02", 2) == 0 || strncmp(hcode, "10", 2) == 0) &&
      (target < 0 || !dyad__np_actors(doc, ec->cs, np_first(doc, target)))) {
    int32_t ct = that_clause_actor(ec, c);
    if (ct >= 0)
      target = ct;
  }
  int32_t source = psource >= 0 ? psource : sender >= 0 ? sender : c->subj;
  if (source >= 0 && psource < 0 && sender < 0 &&
      !(doc->ctx->flags & DYAD_CFG_LITERAL))
    source = renamed_actor(ec, apposed_actor(ec, source));
  int by_source = 0; /* the source is a passive's by-agent */
  if (passive && !hit->passive[0] && psource < 0) {
    /* (a pattern that places the source itself has read the passive) */
    int32_t by = by_agent(doc, c, vg);
    static const char *const as[] = {"as", NULL};
    if (by >= 0 || !(doc->ctx->flags & DYAD_CFG_LITERAL)) {
      target = c->subj;
      if ((c->flags & DYAD_CLF_SUBJ_INHERITED) &&
          c->sub_word != UINT32_MAX && c->sub_word < doc->toks.n &&
          !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
          dyad__tok_in(doc, &doc->toks.v[c->sub_word], as))
        target = -1; /* "prices as announced by the Department": a manner
                        aside, no one it was done to */
      source = by;
      by_source = 1;
    } /* TABARI had no passives: "Peru was faulted over its
         quarrel with Chile" is PER -> CHL */
  }
  uint32_t flags = 0;
  /* a PETRARCH pattern that names words before the verb ("&NEGATVAUXVRB *")
   * codes the negation itself */
  int literal_pre = (doc->ctx->flags & DYAD_CFG_LITERAL) && hit->npre > 0;
  char refuse[8];
  int refusal = 0; /* "will not end their strike": a refusal to yield */
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      (vg->flags & DYAD_PHF_NEGATED) && (vg->flags & DYAD_PHF_FUTURE) &&
      !(vg->flags & (DYAD_PHF_MODAL | DYAD_PHF_INTENT | DYAD_PHF_THREAT)) &&
      !(c->flags & DYAD_CLF_CONDITIONAL) && refused_yield(hcode, refuse)) {
    hcode = refuse;
    refusal = 1;
  }
  if (negated(doc, c, vg) && !literal_pre && !refusal) {
    if (!(doc->ctx->flags & DYAD_CFG_NEGATED))
      return DYAD_OK;
    flags |= DYAD_EVF_NEGATED;
  }
  if (c->flags & DYAD_CLF_REPORTED)
    flags |= DYAD_EVF_REPORTED;
  if (c->flags & DYAD_CLF_QUOTE)
    flags |= DYAD_EVF_QUOTE;
  char code[8], mirror[8];
  uint32_t modal = (doc->ctx->flags & DYAD_CFG_LITERAL)
                       ? 0
                       : vg->flags | governing_intent(doc, c);
  uint32_t cmodal = (doc->ctx->flags & DYAD_CFG_LITERAL) ? 0 : c->flags;
  if (refusal)
    modal &= ~(uint32_t)DYAD_PHF_FUTURE; /* the refusal is made now */
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && hcode[0] &&
      ((hcode[0] == '1' && hcode[1] >= '7') || hcode[0] == '2') &&
      attempted(doc, c))
    modal &= ~(uint32_t)DYAD_PHF_INTENT;
  dyad__modal_code(hcode, modal, cmodal, code);
  dyad__modal_code(hit->mirror, modal, cmodal, mirror);
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && strncmp(code, "13", 2) == 0 &&
      (strncmp(hcode, "18", 2) == 0 || strncmp(hcode, "19", 2) == 0 ||
       strncmp(hcode, "20", 2) == 0) && prepared(doc, c)) {
    snprintf(code, sizeof(code), "150"); /* forces readied, not a threat */
    mirror[0] = '\0';
  }
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && !passive && psource < 0 &&
      strcmp(code, hcode) == 0 &&
      (strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0) &&
      suicide_agent(doc, c->subj)) {
    snprintf(code, sizeof(code), "1831"); /* "a suicide bomber killed
                                             five soldiers": a bombing */
    mirror[0] = '\0';
  }
  if (strcmp(code, hcode) != 0)
    mirror[0] = '\0'; /* an intention is one-sided */
  if (mirror[0] && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      in_locative(doc, target))
    mirror[0] = '\0'; /* "fought in northern Chad": the place does not
                          fight back */
  if (mirror[0] && code[0] && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      in_governed_act(doc, c, target))
    mirror[0] = '\0'; /* "Costa Rica agreed to sell sugar to the Soviet
                          Union": one found in the act agreed to did not
                          agree ("agreed with Gabon" did) */
  if (source < 0)
    return DYAD_OK;
  /* (renamed_actor may have taken the subject's apposition already) */
  int subj_named = source == c->subj ||
                   (c->subj >= 0 && (ph(doc, source)->flags & DYAD_PHF_APPOS) &&
                    ph(doc, source)->attach == c->subj);
  const struct np_actors *sa =
      subj_named && !by_source && psource < 0 && sender < 0
          ? subject_actors(ec, c->subj)
          : dyad__np_actors(doc, ec->cs, np_first(doc, source));
  if (!sa && source != c->subj) /* a coordinated apposition ("The two
                                   neighbours, Kenya and Uganda,") */
    sa = dyad__np_actors(doc, ec->cs, np_first(doc, source));
  if (c->kind == DYAD_CL_REL && source == c->subj && source == c->antecedent &&
      np_first(doc, source) != source && !(doc->ctx->flags & DYAD_CFG_LITERAL))
    sa = dyad__np_actors(doc, ec->cs, source); /* "officials and minister
                 Howard, who left": the parser chose the member */
  if (!sa && !passive && psource < 0 && (c->flags & DYAD_CLF_SUBJ_INHERITED) &&
      c->parent >= 0 && (size_t)c->parent < doc->clauses.n &&
      !(doc->ctx->flags & DYAD_CFG_LITERAL)) {
    /* "put out a communique demanding that ...": the declaration speaks
     * for whoever issued it */
    int32_t ps = doc->clauses.v[c->parent].subj;
    uint8_t st = source >= 0 ? doc->toks.v[ph(doc, source)->head].tag : 0;
    if (ps >= 0 && ps != source && st != DYAD_TAG_NNP &&
        st != DYAD_TAG_NNPS && /* (not "rebel forces of Zorvan fighting X":
                                  a name no dictionary knows acts itself) */
        !(c->kind == DYAD_CL_PART && of_object(doc, c->antecedent)))
      /* (not "swept away a cobweb of regulations choking the economy":
       * the regulations choke it, not the one who swept them away) */
      sa = dyad__np_actors(doc, ec->cs, np_first(doc, ps));
  }
  struct np_actors titled;
  int titled_kind = 0; /* the source is an unlisted office holder */
  if ((!sa || (sa->n == 1 && strncmp(sa->code[0], "---", 3) == 0)) &&
      source >= 0 && /* (with --unknown it is "---GOV" already) */
      (titled_kind = dyad__np_titled(doc, np_first(doc, source), &titled)))
    sa = &titled;
  if (!sa || (!titled_kind && dyad__hedged(doc, ec->cs, c, sa->code[0])))
    return DYAD_OK;
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && strncmp(hcode, "19", 2) == 0 &&
      labour_strike(doc, sa, words, nwords)) {
    dyad__modal_code("143", modal, cmodal, code);
    mirror[0] = '\0';
    target = -1; /* (the place struck is no target: "in New South Wales") */
  }
  const struct np_actors *ta =
      target >= 0 ? dyad__np_actors(doc, ec->cs, np_first(doc, target)) : NULL;
  static const char *const charge[] = {"charge", NULL};
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && strcmp(code, "173") == 0 &&
      dyad__verb_in(doc, vg, charge) && charge_accuses(sa, ta))
    snprintf(code, sizeof(code), "112");
  if (by_source && !ta && sa->n >= 2)
    return DYAD_OK; /* "financed by the AfDB, Norway and Denmark": the
                       agents did not act on each other */
  static const char *const partner[] = {"with", NULL};
  if (!ta && sa->n >= 2 && lastprep != UINT32_MAX &&
      !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      dyad__tok_in(doc, &doc->toks.v[lastprep], partner) &&
      pp_np_at(doc, lastprep) >= 0 &&
      !dyad__np_actors(doc, ec->cs, np_first(doc, pp_np_at(doc, lastprep))))
    return DYAD_OK; /* "Nakasone and his party reached an accord with
                       opposition parties": their partner is named, though
                       by no actor; they did not act on each other */
  if (!ta && sa->n >= 2 && target >= 0 && target == c->obj &&
      !(doc->ctx->flags & DYAD_CFG_LITERAL) && party_np(doc, target))
    return DYAD_OK; /* "Spanish, Greek and Danish officials had informed
                       the board": the object is who they acted on */
  struct np_actors owner;
  if (target >= 0 && !ta && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      owner_hit(hcode) && dyad__np_country(doc, np_first(doc, target), &owner))
    ta = &owner; /* "demolished Palestinian homes": the people they belong
                    to suffer a coercive or violent act */
  struct np_actors victims;
  if (target >= 0 && !ta && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
      (strncmp(hcode, "18", 2) == 0 || strncmp(hcode, "19", 2) == 0 ||
       strncmp(hcode, "20", 2) == 0) &&
      located_people(ec, c, target, &victims))
    ta = &victims; /* "killed 9 people when they set off a bomb in
                      Haifa": people of no named country are of the
                      country where it happened */
  if (titled_kind &&
      ((!context_country(&titled, ta, titled_kind, code) &&
        !(doc->ctx->flags & DYAD_CFG_UNKNOWN)) ||
       dyad__hedged(doc, ec->cs, c, titled.code[0])))
    return DYAD_OK;
  if (target >= 0 && ta)
    *consumed_np = target; /* an object that names no actor stays free to
                              name an event ("announced a loan to ...") */
  dyad_span vs = dyad__tok_span(doc, vg->head, vg->head + 1);
  if (!code[0] && mirror[0]) /* ":B" patterns: only the swapped event */
    return ta ? emit_pairs(ec, ta, sa, mirror, NULL, vs, hit->rule, flags)
              : DYAD_OK;
  dyad_status st = emit_pairs(ec, sa, ta, code, mirror, vs, hit->rule, flags);
  int32_t po = ta && !(doc->ctx->flags & DYAD_CFG_LITERAL)
                   ? parallel_object(doc, c, lastprep)
                   : -1;
  const struct np_actors *pa =
      po >= 0 ? dyad__np_actors(doc, ec->cs, np_first(doc, po)) : NULL;
  if (st == DYAD_OK && pa)
    st = emit_pairs(ec, sa, pa, code, mirror, vs, hit->rule, flags);
  return st;
}

/* ---- event nouns ------------------------------------------------------ */

/* Verbs whose subject undergoes the event its object names ("Ukraine faced
 * attacks", "came under fire") and light verbs whose subject performs it
 * ("launched attacks", "paid a visit"). Kept here, not in data/, because
 * they are grammar, not vocabulary. */
int dyad__verb_in(const dyad_doc *doc, const dyad_phrase *vg,
                  const char *const *list)
{
  size_t n;
  const char *w = dyad_ctx_word(doc->ctx, vg->lemma, &n);
  if (!w)
    return 0;
  for (size_t i = 0; list[i]; i++)
    if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
      return 1;
  return 0;
}

static const char *const undergo_verbs[] = {
    "face", "suffer", "endure", "experience", "withstand", "repel",
    "sustain", "receive", "get", "come", "survive", "weather", NULL};
static const char *const light_verbs[] = {
    "launch", "carry", "conduct", "stage", "make", "pay", "hold", "mount",
    "begin", "start", "continue", "intensify", "step", "escalate", "order",
    "end", "wrap", "conclude", "resume", "announce", "unleash", "impose",
    "extend", "offer", "provide", "give", "grant", "approve", "issue",
    "seek", "host", "attend", "speed", "accelerate", "expedite", "complete",
    "finalize", "finalise", "deliver", "send", "pledge", "promise",
    "show", "express", "voice", "declare", NULL};
/* Prepositions that make a noun the means of the clause's act ("isolate
 * Russia through sanctions"): the clause subject is its source and the
 * clause object its target. */
static const char *const means_preps[] = {"through", "via", "with", NULL};

/* Is NP pi the topic of talks: the object of "on", "over", "about" or
 * "for" hanging from a consultation noun ("talks on a pact") or from the
 * verb of a clause whose object is one ("have been holding talks since
 * June on a pact")? Talks about an act are no act (CAMEO 04x, not the
 * pact's 057). */
static int talks_topic(const dyad_doc *doc, int32_t pi,
                       const dyad_clause *c)
{
  static const char *const topic[] = {"on", "over", "about", "for",
                                      "concerning", "regarding", NULL};
  const dyad_phrase *p = &doc->phrases.v[pi];
  if (p->up < 0 || (size_t)p->up >= doc->phrases.n)
    return 0;
  const dyad_phrase *q = &doc->phrases.v[p->up];
  if (q->kind != DYAD_PH_PP || q->attach < 0 ||
      !dyad__tok_in(doc, &doc->toks.v[q->tok], topic))
    return 0;
  int32_t host = q->attach;
  if (c && host == c->verb)
    host = c->obj;
  struct noun_hit nh;
  return host >= 0 && host != pi && noun_event(doc, host, &nh) &&
         strncmp(nh.code, "04", 2) == 0;
}

/* Is NP pi the object of "of" after a noun of chance or fear ("the risk
 * of a Syrian strike on Turkish ships", "in the event of a U.S. strike")?
 * The act is only thought of. */
static int chance_of(const dyad_doc *doc, int32_t pi)
{
  static const char *const of[] = {"of", NULL};
  static const char *const chance[] = {
      "risk", "risks", "danger", "dangers", "possibility", "prospect",
      "prospects", "fear", "fears", "event", "likelihood", "chance",
      "chances", "spectre", "specter", NULL};
  const dyad_phrase *p = &doc->phrases.v[pi];
  if (p->up < 0 || (size_t)p->up >= doc->phrases.n)
    return 0;
  const dyad_phrase *q = &doc->phrases.v[p->up];
  const dyad_phrase *host = q->kind == DYAD_PH_PP ? ph(doc, q->attach) : NULL;
  return host && host->kind == DYAD_PH_NP &&
         dyad__tok_in(doc, &doc->toks.v[q->tok], of) &&
         dyad__tok_in(doc, &doc->toks.v[host->head], chance);
}

/* Is NP p's head a capitalised word inside a capitalised name ("the
 * General Agreement on Tariffs and Trade", "the Louvre Accord"), in a
 * sentence not written in capitals? Such a name refers to an agreement
 * that exists; a verb ("signed the X Accord") codes its signing. */
static int named_agreement(const dyad_doc *doc, const dyad_phrase *p)
{
  const dyad_token *toks = doc->toks.v;
  uint32_t h = p->head;
  if (h == p->tok || !(toks[h].flags & DYAD_TOKF_CAP) ||
      !(toks[h - 1].flags & DYAD_TOKF_CAP) || (toks[h].flags & DYAD_TOKF_ALLCAPS))
    return 0;
  /* (a headline or a run of capitalised words: "U.S. And Japan Sign
   * Accord") */
  uint32_t caps = 0, words = 0;
  for (uint32_t t = h > 6 ? h - 6 : 0; t < h + 6 && t < doc->toks.n; t++)
    if (toks[t].tag != DYAD_TAG_COMMA && toks[t].len > 3) {
      words++;
      caps += (toks[t].flags & DYAD_TOKF_CAP) != 0;
    }
  return caps * 2 <= words + 2;
}

/* Is event noun phrase p what an undoing noun's of-phrase names ("the
 * lifting of bans on X", "the removal of sanctions")? The act undone is
 * no act of the article's (the verb "lift" codes a lifting itself); "the
 * end of the meeting" is not undone, the meeting took place. */
static int undone_noun(const dyad_doc *doc, const dyad_phrase *p)
{
  static const char *const of[] = {"of", NULL};
  static const char *const undo[] = {
      "lifting", "removal", "easing", "relaxation", "repeal",
      "cancellation", "scrapping", "abolition", "withdrawal", NULL};
  const dyad_phrase *pp = ph(doc, p->up);
  if (!pp || pp->kind != DYAD_PH_PP ||
      !dyad__tok_in(doc, &doc->toks.v[pp->tok], of))
    return 0;
  const dyad_phrase *np = ph(doc, pp->attach);
  return np && np->kind == DYAD_PH_NP &&
         dyad__tok_in(doc, &doc->toks.v[np->head], undo);
}

static dyad_status code_noun(struct emit_ctx *ec, int32_t pi,
                             const dyad_clause *c)
{
  dyad_doc *doc = ec->doc;
  ec->cl = c;
  const dyad_phrase *p = &doc->phrases.v[pi];
  const dyad_token *toks = doc->toks.v;
  uint32_t end = p->tok + p->ntok;
  struct noun_hit nh;
  uint32_t at = UINT32_MAX;
  /* the event noun should end at the head */
  for (uint32_t i = p->tok; i < end; i++) {
    uint32_t n = dyad__glue_noun(doc->ctx, toks, end, i, &nh);
    if (n && i + n == p->head + 1) {
      at = i;
      break;
    }
  }
  if (at == UINT32_MAX)
    return DYAD_OK;
  if (p->flags & DYAD_PHF_NEGDET)
    return DYAD_OK;
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && talks_topic(doc, pi, c))
    return DYAD_OK;
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && undone_noun(doc, p))
    return DYAD_OK;
  /* "a possible visit to Canada", "potential sanctions": an act only
   * thought of */
  static const char *const unreal[] = {
      "possible", "potential", "likely", "prospective", "eventual",
      "hypothetical", "rumoured", "rumored", "mooted", "any", NULL};
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL))
    for (uint32_t i = p->tok; i < at; i++)
      if (dyad__tok_in(doc, &toks[i], unreal))
        return DYAD_OK;
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && chance_of(doc, pi))
    return DYAD_OK;
  for (size_t k = 0; k < ec->nused; k++)
    if (ec->used[k] == p->head)
      return DYAD_OK; /* "ended their talks": the verb coded it */
  char code[8], mirror[8];
  dyad__scopy(code, sizeof(code), nh.code, (size_t)-1);
  dyad__scopy(mirror, sizeof(mirror), nh.mirror, (size_t)-1);
  /* source: the possessor, else a country adjective before the noun */
  struct np_actors src;
  memset(&src, 0, sizeof(src));
  const struct np_actors *sa = NULL;
  if (p->poss >= 0)
    sa = dyad__np_actors(doc, ec->cs, np_first(doc, p->poss));
  if (!sa) {
    for (uint32_t i = p->tok; i < at; i++) {
      struct actor_hit h;
      uint32_t n = dyad__glue_actor(doc->ctx, toks, at, i, doc->date, &h);
      if (n && (h.type == ACT_ADJ || h.type == ACT_COUNTRY)) {
        /* (not 16: "U.S. trade sanctions" are the state's, not its army's) */
        int violent = code[0] == '1' && code[1] >= '5' && code[1] != '6';
        if (violent || code[0] == '2')
          snprintf(src.code[0], DYAD_CODE_MAX, "%.3sMIL", h.code);
        else
          dyad__scopy(src.code[0], DYAD_CODE_MAX, h.code, 3);
        src.span[0] = dyad__tok_span(doc, i, i + n);
        src.rule[0] = h.rule;
        src.type[0] = ACT_COUNTRY;
        src.n = 1;
        sa = &src;
        break;
      }
      if (n)
        i += n - 1;
    }
  }
  /* target: a PP right after the noun with one of its prepositions; a
   * source named by "from"/"by" */
  const struct np_actors *ta = NULL;
  struct np_actors owner;
  const struct np_actors *from_sa = NULL; /* "aid from Japan": used when
                                             neither the noun phrase nor
                                             the clause names a source */
  for (size_t k = (size_t)pi + 1; k < doc->phrases.n && k < (size_t)pi + 5;
       k++) {
    const dyad_phrase *q = &doc->phrases.v[k];
    if (q->kind == DYAD_PH_VG || q->tok > end + 6 ||
        (c && q->tok >= c->tok + c->ntok))
      break; /* a new verb or clause: its phrases are not the noun's */
    if (q->kind != DYAD_PH_PP)
      continue;
    const dyad_token *prep = &toks[q->tok];
    int is_target = 0;
    for (size_t j = 0; j < nh.npreps; j++)
      if (tokmatch(prep, nh.preps[j]))
        is_target = 1;
    char buf[8];
    size_t bn = dyad__fold(doc->text + prep->off, prep->len, buf, 7);
    int is_source = bn != (size_t)-1 &&
                    ((bn == 4 && memcmp(buf, "from", 4) == 0) ||
                     (bn == 2 && memcmp(buf, "by", 2) == 0));
    if (q->child < 0)
      continue;
    const struct np_actors *a =
        dyad__np_actors(doc, ec->cs, np_first(doc, q->child));
    if (!a && is_target && !ta && !(doc->ctx->flags & DYAD_CFG_LITERAL)) {
      /* "protest against Sweden's decision", "against violations by
       * the security forces": whose the thing protested is */
      int32_t w = owner_np(ec, q->child);
      if (w >= 0)
        a = dyad__np_actors(doc, ec->cs, np_first(doc, w));
      else if (owner_hit(nh.code) &&
               dyad__np_country(doc, np_first(doc, q->child), &owner))
        a = &owner; /* "riots against Israeli policies" */
    }
    if (!a)
      continue;
    if (is_target && !ta)
      ta = a;
    else if (is_source && (doc->ctx->flags & DYAD_CFG_LITERAL) && !sa)
      sa = a; /* PETRARCH: the from/by phrase first */
    else if (is_source && !from_sa)
      from_sa = a;
  }
  /* the clause: "Ukraine faced attacks" / "Russia launched attacks"; the
   * noun may sit in an of-phrase of the object ("faced a series of
   * attacks") */
  const dyad_phrase *vg = c ? ph(doc, c->verb) : NULL;
  int is_obj = c && c->obj == pi;
  static const char *const chain_preps[] = {"of", "on", "for", "over",
                                            "with", "to", "between", NULL};
  int32_t cur = pi;
  for (int hop = 0; c && !is_obj && c->obj >= 0 && hop < 3; hop++) {
    int32_t up = doc->phrases.v[cur].up;
    if (up < 0 || (size_t)up >= doc->phrases.n)
      break;
    const dyad_phrase *q = &doc->phrases.v[up];
    if (q->kind != DYAD_PH_PP || !dyad__tok_in(doc, &toks[q->tok], chain_preps) ||
        q->attach < 0)
      break;
    cur = q->attach;
    is_obj = cur == c->obj || np_first(doc, cur) == c->obj;
  }
  /* in a prepositional phrase of the verb itself ("announced agreement
   * on a loan package"): a light verb's subject still performs it */
  int in_vp = is_obj;
  int made = 0; /* a light verb's subject makes the act named */
  if (c && vg && !is_obj && p->up >= 0) {
    const dyad_phrase *q = &doc->phrases.v[p->up];
    in_vp = q->kind == DYAD_PH_PP && q->attach == c->verb && q->tok > vg->head;
  }
  if (vg && in_vp) {
    const struct np_actors *subj =
        c->subj >= 0 ? dyad__np_actors(doc, ec->cs, np_first(doc, c->subj))
                     : NULL;
    if (subj && !ta && is_obj && dyad__verb_in(doc, vg, undergo_verbs))
      ta = subj;
    else if (c->subj >= 0 && dyad__verb_in(doc, vg, light_verbs)) {
      /* ("extended its agreement with X": the possessor made it anew) */
      if (!sa)
        sa = subject_actors(ec, c->subj);
      made = sa != NULL;
    }
    if (negated(doc, c, vg) && !(doc->ctx->flags & DYAD_CFG_NEGATED))
      return DYAD_OK;
  }
  /* the means of the clause's act: "isolate Russia through sanctions"
   * (the means are real even when the act is only sought) */
  int means = 0;
  if (c && vg && p->up >= 0 && !sa) {
    const dyad_phrase *q = &doc->phrases.v[p->up];
    if (q->kind == DYAD_PH_PP && dyad__tok_in(doc, &toks[q->tok], means_preps) &&
        q->tok > vg->head) {
      if (c->subj >= 0)
        sa = dyad__np_actors(doc, ec->cs, np_first(doc, c->subj));
      if (!ta && c->obj >= 0)
        ta = dyad__np_actors(doc, ec->cs, np_first(doc, c->obj));
      means = sa != NULL;
    }
  }
  if (!sa)
    sa = from_sa;
  if (!sa)
    return DYAD_OK;
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && strncmp(code, "057", 3) == 0 &&
      ((!made && !means) || named_agreement(doc, p)))
    return DYAD_OK; /* "Bolivia's agreement with the IMF", "compliance with
                       the agreement": an agreement that exists, no
                       signing (one a clause makes is: "concluded an
                       accord") */
  if (c && vg && !means && (in_vp || (c->flags & DYAD_CLF_CONDITIONAL)) &&
      dyad__hedged(doc, ec->cs, c, sa->code[0]))
    return DYAD_OK; /* "may hold talks", "if the talks fail" (a noun
                       elsewhere names a thing that exists: "goods
                       listed in a U.S. complaint") */
  if (c && vg && !means && !(doc->ctx->flags & DYAD_CFG_LITERAL)) {
    /* "intends to speed up delivery": the noun's act is intended too */
    char m[8];
    dyad__modal_code(code, vg->flags, c->flags, m);
    if (strcmp(m, code) != 0)
      mirror[0] = '\0';
    memcpy(code, m, sizeof(code));
    if (!code[0])
      return DYAD_OK;
  }
  dyad_span vs = dyad__tok_span(doc, at, p->head + 1);
  uint32_t flags = DYAD_EVF_NOUN;
  if (!ta && sa->n >= 2 && mirror[0]) {
    /* "their talks": reciprocal among the members */
    for (size_t i = 0; i < sa->n; i++)
      for (size_t j = 0; j < sa->n; j++)
        if (i != j) {
          dyad_status st = push(ec, sa->code[i], sa->span[i], sa->code[j],
                                sa->span[j], code, vs, nh.rule, flags);
          if (st != DYAD_OK)
            return st;
        }
    return DYAD_OK;
  }
  return emit_pairs(ec, sa, ta, code, mirror, vs, nh.rule, flags);
}

/* ---- the stage -------------------------------------------------------- */

/* Clause of a phrase within sentence s, NULL if none. */
static const dyad_clause *clause_of(const dyad_doc *doc,
                                    const dyad_sentence *s, uint32_t tok)
{
  const dyad_clause *best = NULL;
  for (uint32_t k = 0; k < s->nclause; k++) {
    const dyad_clause *c = &doc->clauses.v[s->clause + k];
    if (tok >= c->tok && tok < c->tok + c->ntok &&
        (!best || c->ntok < best->ntok))
      best = c;
  }
  return best;
}

dyad_status dyad__code(dyad_doc *doc)
{
  struct coder_state *cs = state(doc);
  if (!cs)
    return DYAD_ENOMEM;
  size_t pi = 0; /* phrase cursor */
  for (uint32_t si = 0; si < doc->sents.n; si++) {
    const dyad_sentence *s = &doc->sents.v[si];
    struct emit_ctx ec = {.doc = doc, .cs = cs, .sent = si,
                          .first_event = doc->events.n,
                          .clause0 = s->clause};
    uint32_t send = s->tok + s->ntok;
    size_t pfirst = pi;
    while (pi < doc->phrases.n && doc->phrases.v[pi].tok < send)
      pi++;
    if (s->flags & (DYAD_SENTF_CAPTION | DYAD_SENTF_CREDIT))
      continue;
    /* discard phrases (PETRARCH discard files): sports, weather ... */
    int discard = 0;
    for (uint32_t t = s->tok; t < send && !discard && doc->ctx->dict; t++) {
      int story = 0;
      if (dyad__dict_discard(doc->ctx, doc->toks.v, send, t, &story))
        discard = story ? 2 : 1;
    }
    if (discard == 2) {
      doc->events.n = 0; /* the whole story is out of scope */
      break;
    }
    if (discard)
      continue;
    /* note mentions in text order so pronouns look back */
    for (size_t k = pfirst; k < pi; k++)
      if (doc->phrases.v[k].kind == DYAD_PH_NP)
        dyad__note_mentions(doc, cs, (int32_t)k);
    int32_t consumed[64];
    size_t nconsumed = 0;
    for (uint32_t k = 0; k < s->nclause; k++) {
      const dyad_clause *c = &doc->clauses.v[s->clause + k];
      int32_t used = -1;
      size_t before = doc->events.n;
      dyad_status st = code_clause(&ec, c, &used);
      if (st != DYAD_OK)
        return st;
      if (doc->events.n > before && k < 64)
        ec.covered |= (uint64_t)1 << k;
      if (used >= 0 && nconsumed < DYAD_ARRAY_LEN(consumed))
        consumed[nconsumed++] = used;
    }
    for (size_t k = pfirst; k < pi; k++) {
      const dyad_phrase *p = &doc->phrases.v[k];
      if (p->kind != DYAD_PH_NP)
        continue;
      int skip = 0;
      for (size_t j = 0; j < nconsumed; j++)
        if (consumed[j] == (int32_t)k)
          skip = 1;
      if (skip)
        continue;
      dyad_status st = code_noun(&ec, (int32_t)k, clause_of(doc, s, p->tok));
      if (st != DYAD_OK)
        return st;
    }
  }
  /* quotations: the speaker's actor code */
  for (size_t q = 0; q < doc->quotes.n; q++) {
    dyad_quote *qu = &doc->quotes.v[q];
    if (qu->speaker_phrase < 0 || (size_t)qu->speaker_phrase >= doc->phrases.n)
      continue;
    const struct np_actors *a =
        dyad__np_actors(doc, cs, np_first(doc, qu->speaker_phrase));
    if (a && a->n)
      snprintf(qu->speaker, sizeof(qu->speaker), "%s", a->code[0]);
  }
  return DYAD_OK;
}
