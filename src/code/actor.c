/*
 * actor.c: from a noun phrase to the actors it names.
 *
 * Layers, as DESIGN.md lays them out, first match wins:
 *   1. a person, organisation, group or capital in the dictionary
 *      ("Japanese Prime Minister Fumio Kishida" -> the person, JPNGOV;
 *      "the Kremlin" -> RUSGOV);
 *   2. a country or demonym plus an agent word ("Russian troops" -> RUS +
 *      MIL; "Ukraine's army" through the possessor; "the army of Ukraine"
 *      through an of-phrase), or a country alone ("Russia", "the Russians");
 *   3. a description: title or agent with a country ("the Chinese leader"
 *      -> CHNGOV), or a plural one ("the two leaders") -> the last people
 *      named;
 *   4. pronouns: he/she -> the last person of that sex; they/their -> the
 *      last group of actors named together, else the last collective actor.
 * A coordination ("Xi and Putin") resolves member by member.
 *
 * Results are cached per phrase; mentions are noted in text order so that
 * pronouns only look back.
 */
#include "code.h"

#include <stdio.h>
#include <strings.h>

/* The folded text of token t into buf; returns its length (0 if long). */
static size_t tokword(const dyad_doc *doc, const dyad_token *t, char *buf,
                      size_t cap)
{
  size_t n = dyad__fold(doc->text + t->off, t->len, buf, cap - 1);
  if (n == (size_t)-1)
    return 0;
  buf[n] = '\0';
  return n;
}

static inline int tokis(const dyad_doc *doc, const dyad_token *t,
                        const char *w)
{
  /* an ASCII first byte folds to itself: it decides most calls */
  unsigned char c0 = t->len ? (unsigned char)doc->text[t->off] : 0;
  if (c0 < 0x80 && (c0 >= 'A' && c0 <= 'Z' ? c0 + 32u : c0) !=
                       (unsigned char)w[0])
    return 0;
  return dyad__fold_eq(doc->text + t->off, t->len, w, strlen(w));
}

int dyad__tok_in(const dyad_doc *doc, const dyad_token *t,
                 const char *const *list)
{
  char buf[32];
  if (!tokword(doc, t, buf, sizeof(buf)))
    return 0;
  for (size_t k = 0; list[k]; k++)
    if (buf[0] == list[k][0] && strcmp(buf, list[k]) == 0)
      return 1;
  return 0;
}

static void addactor(struct np_actors *r, const char *code, dyad_span sp,
                     const char *rule, int type, char sex)
{
  if (r->n >= ACTORS_MAX || !code[0])
    return;
  for (size_t i = 0; i < r->n; i++)
    if (strcmp(r->code[i], code) == 0 && r->span[i].off == sp.off)
      return;
  dyad__scopy(r->code[r->n], DYAD_CODE_MAX, code, (size_t)-1);
  r->span[r->n] = sp;
  r->rule[r->n] = rule;
  r->type[r->n] = type;
  r->sex[r->n] = sex;
  r->n++;
}

/* Country + agent: "RUS" + "MIL". A code that already has an agent keeps
 * it ("USAGOV" + "MIL" stays "USAGOV" unless the agent says military). */
static void compose(char out[DYAD_CODE_MAX], const char *country,
                    const char *agent)
{
  if (!country[0]) {
    memcpy(out, "---", 3);
    dyad__scopy(out + 3, DYAD_CODE_MAX - 3, agent, (size_t)-1);
    return;
  }
  if (strlen(country) > 3) {
    dyad__scopy(out, DYAD_CODE_MAX, country, (size_t)-1);
    return;
  }
  size_t cn = strnlen(country, 3);
  memcpy(out, country, cn);
  dyad__scopy(out + cn, DYAD_CODE_MAX - cn, agent, (size_t)-1);
}

/* PETRARCH's composition (literal mode): the agent is appended to any
 * actor code unless the code already ends with it ("GMWGOV" + "WGO" is
 * GMWGOVWGO, "USAGOV" + "GOV" stays USAGOV). */
static void compose_lit(const dyad_doc *doc, char out[DYAD_CODE_MAX],
                        const char *country, const char *agent)
{
  size_t cl = strlen(country), al = strlen(agent);
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) || cl <= 3 ||
      (cl >= al && strcmp(country + cl - al, agent) == 0)) {
    compose(out, country, agent);
    return;
  }
  snprintf(out, DYAD_CODE_MAX, "%s%s", country, agent);
}

/* ---- mentions -------------------------------------------------------- */

static const struct mention *lastmention(const struct coder_state *cs,
                                         size_t back)
{
  if (back >= cs->nment || back >= MENTIONS_MAX)
    return NULL;
  return &cs->ment[(cs->nment - 1 - back) % MENTIONS_MAX];
}

static void addmention(struct coder_state *cs, const char *code,
                       dyad_span sp, int type, char sex, const char *roles,
                       const char *country, uint32_t sent)
{
  struct mention *m = &cs->ment[cs->nment % MENTIONS_MAX];
  dyad__scopy(m->code, sizeof(m->code), code, (size_t)-1);
  dyad__scopy(m->country, sizeof(m->country), country ? country : "",
              (size_t)-1);
  m->span = sp;
  m->type = type;
  m->sex = sex;
  m->roles = roles;
  m->sent = sent;
  m->plural = 0;
  cs->nment++;
}

/* ---- pronouns and descriptions --------------------------------------- */

enum { PRO_NONE, PRO_HE, PRO_SHE, PRO_THEY, PRO_IT };

static int pronoun(const dyad_doc *doc, const dyad_token *t)
{
  static const struct { const char *w; int kind; } pro[] = {
      {"he", PRO_HE},    {"him", PRO_HE},   {"his", PRO_HE},
      {"she", PRO_SHE},  {"her", PRO_SHE},  {"they", PRO_THEY},
      {"them", PRO_THEY}, {"their", PRO_THEY}, {"it", PRO_IT},
      {"its", PRO_IT},
  };
  char buf[16];
  if (!tokword(doc, t, buf, sizeof(buf)))
    return PRO_NONE;
  for (size_t i = 0; i < DYAD_ARRAY_LEN(pro); i++)
    if (buf[0] == pro[i].w[0] && strcmp(buf, pro[i].w) == 0)
      return pro[i].kind;
  return PRO_NONE;
}

/* The words that name a pronoun's actor: its antecedent when that is in
 * the same sentence ("The EU said it ..." shows "The EU"), else the
 * pronoun itself (spans point into the event's own sentence). */
static dyad_span ante_span(const struct mention *m, uint32_t sent,
                           dyad_span pron)
{
  return m->sent == sent && m->span.len ? m->span : pron;
}

/* Resolves a pronoun against mentions of the last two sentences. */
static void resolve_pronoun(dyad_doc *doc, struct coder_state *cs, int kind,
                            uint32_t sent, dyad_span sp, struct np_actors *r)
{
  DYAD_UNUSED(doc);
  for (size_t back = 0; back < MENTIONS_MAX; back++) {
    const struct mention *m = lastmention(cs, back);
    if (!m || m->sent + 2 < sent)
      return;
    if (m->type == ACT_NONE) {
      /* a subject that is no actor: "the bank said it", "bankers said
       * they" point back at it, not at an earlier country */
      if ((kind == PRO_IT && !m->plural) || (kind == PRO_THEY && m->plural))
        return;
      continue;
    }
    if (kind == PRO_HE || kind == PRO_SHE) {
      if (m->type != ACT_PERSON)
        continue;
      if (m->sex && m->sex != (kind == PRO_HE ? 'm' : 'f'))
        continue;
      addactor(r, m->code, ante_span(m, sent, sp), "pronoun", m->type, m->sex);
      return;
    }
    if (kind == PRO_THEY) {
      /* the last actors named together in one phrase (same span start
       * sentence and consecutive entries with type != 0 and sent equal) */
      if (m->type == ACT_PERSON) {
        const struct mention *m2 = lastmention(cs, back + 1);
        if (m2 && m2->type == ACT_PERSON && m2->sent + 1 >= m->sent &&
            strcmp(m2->code, m->code) != 0) {
          addactor(r, m2->code, ante_span(m2, sent, sp), "pronoun", m2->type, m2->sex);
          addactor(r, m->code, ante_span(m, sent, sp), "pronoun", m->type, m->sex);
          return;
        }
        continue;
      }
      if (m->type == ACT_GROUP || m->type == ACT_COUNTRY ||
          m->type == ACT_IGO || m->type == ACT_BLOC || m->type == ACT_ORG) {
        addactor(r, m->code, ante_span(m, sent, sp), "pronoun", m->type, m->sex);
        return;
      }
      continue;
    }
    if (kind == PRO_IT) {
      if (m->plural)
        continue;
      if (m->type == ACT_COUNTRY || m->type == ACT_IGO ||
          m->type == ACT_ORG || m->type == ACT_GROUP ||
          m->type == ACT_CAPITAL) {
        addactor(r, m->code, ante_span(m, sent, sp), "pronoun", m->type, m->sex);
        return;
      }
      if (m->type == ACT_PERSON)
        return; /* "it" after a person is rarely an actor */
    }
  }
}

/* "the two leaders", "both presidents": the last distinct people named. */
static int resolve_plural_description(struct coder_state *cs, uint32_t sent,
                                      dyad_span sp, struct np_actors *r)
{
  size_t found = 0;
  for (size_t back = 0; back < MENTIONS_MAX && found < 2; back++) {
    const struct mention *m = lastmention(cs, back);
    if (!m || m->sent + 4 < sent)
      break;
    if (m->type != ACT_PERSON)
      continue;
    size_t before = r->n;
    addactor(r, m->code, sp, "description", m->type, m->sex);
    if (r->n > before)
      found++;
  }
  return found >= 2;
}

/* ---- one noun phrase ------------------------------------------------- */

/* What the tokens of one phrase name, before pronouns and descriptions. */
struct npscan {
  struct actor_hit best;  /* strongest dictionary actor (not an adj) */
  uint32_t best_at;       /* its first token */
  char country[8];        /* country from an adjective or country name */
  const char *country_rule;
  struct agent_hit agent; /* last agent word */
  uint32_t agent_at;
  int head_is_adj;        /* the head itself is a demonym ("Russians") */
  int head_is_agent;
  int head_is_capital;    /* the head is the word "capital" */
  int head_known;         /* the head is part of a dictionary match */
  char prefix[8];         /* a prefix agent's code ("MSF Arnor": NGO) */
  int former;             /* "former" or "ex" before the agent: CAMEO's
                             ELI (elites) takes the agent's place */
};

/* Is the phrase's agent a word for insurgents against a state ("rebels",
 * "guerrilla"), not any armed or violent people ("gunmen", "bombers")?
 * Those with no country are kept: the state that fights them gives them
 * its country (coder.c, push). */
static int insurgent_word(const dyad_doc *doc, const struct npscan *s)
{
  static const char *const w[] = {"rebel", "rebels", "insurgent",
                                  "insurgents", "guerrilla", "guerrillas",
                                  "separatist", "separatists", NULL};
  return s->agent.ntok && s->agent_at < doc->toks.n &&
         dyad__tok_in(doc, &doc->toks.v[s->agent_at], w);
}

static int strength(int type)
{
  switch (type) {
  case ACT_PERSON: return 6;
  case ACT_GROUP: case ACT_IGO: case ACT_ORG: return 5;
  case ACT_CAPITAL: return 4;
  case ACT_BLOC: return 3;
  case ACT_COUNTRY: return 2;
  default: return 0;
  }
}

/* The end of an of-phrase right after NP ph ("the Prince" + "of Dol
 * Amroth", "Ministry" + "of Silly Walks"): a dictionary name may run over
 * it. The NP's own end when none follows. */
static uint32_t of_end(const dyad_doc *doc, const dyad_phrase *ph)
{
  uint32_t end = ph->tok + ph->ntok;
  /* the phrase right after ph; ph may be a trimmed copy (resolve_one),
   * not an element of doc->phrases: then find its successor by token
   * (phrases are in text order of their first token) */
  uintptr_t p = (uintptr_t)ph, v0 = (uintptr_t)doc->phrases.v;
  size_t k;
  if (p >= v0 && p < v0 + doc->phrases.n * sizeof(*ph)) {
    k = (size_t)(p - v0) / sizeof(*ph) + 1;
    while (k < doc->phrases.n && doc->phrases.v[k].tok < end)
      k++; /* phrases nested in ph ("[NP [NP Sudan] 's government]") */
  } else {
    k = dyad__phrase_from(doc, end);
  }
  if (k >= doc->phrases.n)
    return end;
  const dyad_phrase *pp = &doc->phrases.v[k];
  if (pp->kind != DYAD_PH_PP || pp->tok != end || pp->child < 0 ||
      !tokis(doc, &doc->toks.v[pp->tok], "of"))
    return end;
  const dyad_phrase *np = &doc->phrases.v[pp->child];
  return np->tok == end + 1 ? np->tok + np->ntok : end;
}

/* The ends of up to 3 prepositional phrases that follow NP ph one after
 * the other ("the Organization" + "for Security and Cooperation" + "in
 * Europe"), each ending in a capitalised word, in order, into ends;
 * returns how many. A listed name may run over them, but only to the end
 * of one of them. */
static size_t pp_ends(const dyad_doc *doc, const dyad_phrase *ph,
                      uint32_t ends[3])
{
  size_t n = 0;
  uint32_t t = ph->tok + ph->ntok;
  const dyad_token *tk = doc->toks.v;
  while (n < 3 && t + 2 < doc->toks.n && tk[t].tag == DYAD_TAG_IN &&
         ((tk[t + 1].flags & DYAD_TOKF_CAP) ||
          (tk[t + 1].tag == DYAD_TAG_DT && (tk[t + 2].flags & DYAD_TOKF_CAP)))) {
    const dyad_phrase *pp = NULL;
    for (size_t k = dyad__phrase_from(doc, t); k < doc->phrases.n && doc->phrases.v[k].tok == t; k++)
      if (doc->phrases.v[k].kind == DYAD_PH_PP) {
        pp = &doc->phrases.v[k];
        break;
      }
    if (!pp || pp->child < 0 || pp->ntok < 2 ||
        doc->phrases.v[pp->child].tok != t + 1 ||
        !(doc->toks.v[pp->tok + pp->ntok - 1].flags & DYAD_TOKF_CAP))
      break; /* (a name's last word is capitalised: "in Europe") */
    t = pp->tok + pp->ntok;
    ends[n++] = t;
  }
  return n;
}

/* "Saudi-led forces", "US-led coalition": the country that leads an
 * otherwise unnamed force is whose it is, as CAMEO coders read it ("-backed"
 * is not: "Russian-backed rebels" are not Russia's). 1 with *h set when
 * token t is such a word and its first part names a country. */
static int led_by(const dyad_doc *doc, const dyad_token *t,
                  struct actor_hit *h)
{
  const char *w = doc->text + t->off;
  char buf[64];
  if (!(t->flags & DYAD_TOKF_HYPHEN) || t->len < 6 || t->len >= sizeof(buf) ||
      strncasecmp(w + t->len - 4, "-led", 4) != 0)
    return 0;
  size_t n = dyad__fold(w, t->len - 4, buf, sizeof(buf));
  uint32_t id = n && n < sizeof(buf) ? dyad__vocab_find(&doc->ctx->vocab, buf, n) : 0;
  if (!id)
    return 0;
  dyad_token one = *t;
  one.form = one.lemma = id;
  one.len = t->len - 4;
  one.flags &= (uint16_t)~(DYAD_TOKF_HYPHEN | DYAD_TOKF_ALLCAPS);
  int caps = 1; /* "US-led": the part is in capitals */
  for (size_t k = 0; k < one.len; k++)
    if (w[k] >= 'a' && w[k] <= 'z')
      caps = 0;
  if (caps)
    one.flags |= DYAD_TOKF_ALLCAPS;
  if (dyad__glue_actor(doc->ctx, &one, 1, 0, doc->date, h) != 1)
    return 0;
  return h->type == ACT_ADJ || h->type == ACT_COUNTRY;
}

static void scan(const dyad_doc *doc, const dyad_phrase *ph, struct npscan *s)
{
  memset(s, 0, sizeof(*s));
  const dyad_token *toks = doc->toks.v;
  s->head_is_capital = tokis(doc, &toks[ph->head], "capital");
  uint32_t end = ph->tok + ph->ntok;
  uint32_t xend = of_end(doc, ph);
  uint32_t ends[3];
  size_t nends = 0;
  struct actor_hit lh;
  int led = 0; /* lh is a country that leads the phrase's force */
  for (uint32_t i = ph->tok; i < end;) {
    if (toks[i].flags & DYAD_TOKF_DATELINE) {
      i++;
      continue;
    }
    if (!s->agent.ntok &&
        (tokis(doc, &toks[i], "former") || tokis(doc, &toks[i], "ex")))
      s->former = 1;
    /* a phrase that names no actor hides the names in it, even where the
     * chunker cut it short ("the Uruguay" + "round" read as JJ) */
    uint32_t none = dyad__glue_no_actor(doc->ctx, toks, doc->toks.n, i);
    if (none) {
      i += none;
      continue;
    }
    struct actor_hit h;
    uint32_t n = dyad__glue_actor(doc->ctx, toks, xend, i, doc->date, &h);
    if (!(doc->ctx->flags & DYAD_CFG_LITERAL)) {
      /* "the Organization for Security and Cooperation in Europe": a
       * listed name that runs over the phrases after this one, to the end
       * of one of them */
      if (!nends)
        nends = pp_ends(doc, ph, ends) + 1; /* (1: looked, none) */
      for (size_t e = nends - 1; e > 0; e--) {
        struct actor_hit wh;
        uint32_t wn = dyad__glue_actor(doc->ctx, toks, ends[e - 1], i,
                                       doc->date, &wh);
        if (i + wn <= xend || wn <= n)
          break; /* (no longer name here, nor in a shorter reach) */
        if (i + wn == ends[e - 1] ||
            (e > 1 && i + wn == ends[e - 2])) {
          n = wn;
          h = wh;
          break;
        }
      }
    }
    struct agent_hit ag;
    uint32_t na = dyad__glue_agent(doc->ctx, toks, xend, i, &ag);
    /* a name that runs into the of-phrase must take all of it */
    if (i + n > end && i + n < xend)
      n = dyad__glue_actor(doc->ctx, toks, end, i, doc->date, &h);
    if (i + na > end && i + na < xend)
      na = dyad__glue_agent(doc->ctx, toks, end, i, &ag);
    if (n && (h.type == ACT_COUNTRY || h.type == ACT_ADJ) &&
        !(doc->ctx->flags & DYAD_CFG_LITERAL)) {
      /* "New England", "British Columbia": a longer place name */
      if (dyad__place_hides(doc, i, n, h.country)) {
        i += n;
        continue;
      }
    }
    if (n && n >= na) {
      if (h.type == ACT_ADJ || (h.type == ACT_COUNTRY && i + n < end)) {
        dyad__scopy(s->country, sizeof(s->country), h.code, 3);
        s->country_rule = h.rule;
        if (i + n >= end && ph->head + 1 == i + n)
          s->head_is_adj = 1;
        if (h.type == ACT_COUNTRY && strength(h.type) > strength(s->best.type)) {
          s->best = h;
          s->best_at = i;
        }
      } else if (h.code[0] &&
                 (strength(h.type) > strength(s->best.type) ||
                  (strength(h.type) == strength(s->best.type) &&
                   !((doc->ctx->flags & DYAD_CFG_LITERAL) && s->best.ntok &&
                     !(s->agent.ntok && s->agent_at > s->best_at))))) {
        /* (PETRARCH keeps the first of two names with no title between
         * them: "the evil Arnor awful Gondor" is Arnor) */
        s->best = h;
        s->best_at = i;
      }
      if (i <= ph->head && ph->head < i + n)
        s->head_known = 1;
      i += n;
      continue;
    }
    if (na && ag.prefix) {
      dyad__scopy(s->prefix, sizeof(s->prefix), ag.code, (size_t)-1);
      i += na;
      continue;
    }
    if (na && s->agent.ntok && s->agent_at + s->agent.ntok == i &&
        !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
        strcmp(ag.code, "GOV") == 0 && strcmp(s->agent.code, "GOV") != 0) {
      /* "union leaders", "rebel spokesman", "army officials": the sector
       * before a generic office word decides */
      if (i + na >= end)
        s->head_is_agent = 1;
      i += na;
      continue;
    }
    if (na) {
      s->agent = ag;
      s->agent_at = i;
      if (i + na >= end)
        s->head_is_agent = 1;
      i += na;
      continue;
    }
    if (!led && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
        led_by(doc, &toks[i], &lh))
      led = 1;
    i++;
  }
  /* only for a force or body ("US-led forces"), not a firm's venture
   * ("a Canadian-led consortium") */
  if (led && !s->country[0] && s->head_is_agent) {
    dyad__scopy(s->country, sizeof(s->country), lh.code, 3);
    s->country_rule = lh.rule;
  }
}

/* Does a word before the title at token `at` (inside the phrase) say the
 * office is no longer held ("former President", "ex-premier", "the late
 * King")? */
static int former_title(const dyad_doc *doc, const dyad_phrase *ph,
                        uint32_t at)
{
  static const char *const past[] = {"former", "ex", "ex-", "late",
                                     "then", "then-", NULL};
  for (uint32_t i = ph->tok; i < at; i++)
    if (dyad__tok_in(doc, &doc->toks.v[i], past))
      return 1;
  return 0;
}

/* For a phrase headed by a number or a word of quantity or membership
 * ("hundreds of Kurds", "a group of rebels", "members of parliament"),
 * the NP of the of-phrase right after it, else -1. */
static int32_t quantity_of(const dyad_doc *doc, int32_t pi)
{
  static const char *const qty[] = {
      "hundreds", "thousands", "dozens", "scores", "tens", "millions",
      "hundred", "thousand", "dozen", "million", "group", "groups",
      "number", "members", "member", "some", "many", "most", "majority",
      "handful", "band", "team", "contingent", "unit", "units", "batch",
      "delegation", "all", "several", "both", "each", "one", "two", "three",
      NULL};
  const dyad_phrase *ph = &doc->phrases.v[pi];
  if ((size_t)pi + 1 >= doc->phrases.n)
    return -1;
  const dyad_phrase *pp = &doc->phrases.v[pi + 1];
  if (pp->kind != DYAD_PH_PP || pp->tok != ph->tok + ph->ntok ||
      pp->child < 0 || doc->toks.v[pp->tok].len != 2 ||
      !tokis(doc, &doc->toks.v[pp->tok], "of"))
    return -1;
  const dyad_token *head = &doc->toks.v[ph->head];
  int q = head->tag == DYAD_TAG_CD || dyad__tok_in(doc, head, qty);
  return q ? pp->child : -1;
}

/* Drops time words the chunker left at the end of a phrase ("Robert
 * Mugabe today", "the ministers Monday"), so that the name heads it, and
 * a count glued after a common noun ("to a Gulf state four of its
 * soldiers": the count begins the next phrase). */
static void trim_time(const dyad_doc *doc, dyad_phrase *ph)
{
  if (ph->ntok > 1 && doc->toks.v[ph->tok + ph->ntok - 1].tag == DYAD_TAG_CD &&
      (doc->toks.v[ph->tok + ph->ntok - 2].tag == DYAD_TAG_NN ||
       doc->toks.v[ph->tok + ph->ntok - 2].tag == DYAD_TAG_NNS)) {
    ph->ntok--;
    if (ph->head >= ph->tok + ph->ntok)
      ph->head = ph->tok + ph->ntok - 1;
  }
  static const char *const when[] = {
      "today", "yesterday", "tomorrow", "tonight", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", NULL};
  while (ph->ntok > 1) {
    const dyad_token *t = &doc->toks.v[ph->tok + ph->ntok - 1];
    if (t->len < 5 || t->len > 9 || !strchr("tTyYmMwWfFsS", doc->text[t->off]))
      break; /* (a cheap test first: this runs for every phrase) */
    if (!dyad__tok_in(doc, t, when))
      break;
    ph->ntok--;
    if (ph->head >= ph->tok + ph->ntok)
      ph->head = ph->tok + ph->ntok - 1;
  }
}

/* A named actor before a head that only says it is a body of people
 * ("the Taliban religious faction", "the Hamas movement", "the
 * Turkish-Cypriot side"): the phrase is that actor. */
static int collective_head(const dyad_doc *doc, const dyad_phrase *ph,
                           const struct npscan *s)
{
  static const char *const body[] = {
      "faction", "factions", "movement", "group", "organization",
      "organisation", "side", "sides", "camp", "wing", "leadership",
      "alliance", "coalition", "bloc", "network", "outfit", "members",
      "member", "states", "countries", "nations", NULL};
  if (s->agent.ntok && s->agent_at > s->best_at)
    return 0;
  return dyad__tok_in(doc, &doc->toks.v[ph->head], body);
}

/* An agent word right before a head that is its equipment or unit
 * ("Israeli army bulldozers", "police patrols", "army helicopters"): the
 * agent acts through it. */
static int instrument_head(const dyad_doc *doc, const dyad_phrase *ph,
                           const struct npscan *s)
{
  static const char *const gear[] = {
      "bulldozers", "bulldozer", "vehicles", "vehicle", "patrol", "patrols",
      "convoy", "convoys", "unit", "units", "helicopters", "helicopter",
      "planes", "plane", "aircraft", "tanks", "tank", "boats", "boat",
      "vessels", "vessel", "ships", "ship", "gunships", "snipers", "sniper",
      "squad", "squads", "battalion", "battalions", "brigade", "brigades",
      "division", "divisions", "platoon", NULL};
  if (s->agent_at + s->agent.ntok != ph->head)
    return 0;
  return dyad__tok_in(doc, &doc->toks.v[ph->head], gear);
}

/* An agent of several countries ("the envoys of Chile, Peru and
 * Bolivia", "lawmakers in Fornost and Gondor"): when the of-phrase's noun
 * phrase np is a coordination of countries, adds one country+agent actor
 * per member to r and returns 1; else 0. */
static int of_countries(dyad_doc *doc, struct coder_state *cs, int32_t np,
                        const char *agent, const char *rule, dyad_span sp,
                        struct np_actors *r)
{
  if (!(doc->phrases.v[np].flags & DYAD_PHF_COORD))
    return 0;
  const struct np_actors *a = dyad__np_actors(doc, cs, np);
  if (!a || a->n < 2)
    return 0;
  for (size_t k = 0; k < a->n; k++)
    if (a->type[k] != ACT_COUNTRY || strlen(a->code[k]) != 3)
      return 0;
  for (size_t k = 0; k < a->n; k++) {
    char code[DYAD_CODE_MAX];
    compose(code, a->code[k], agent);
    addactor(r, code, sp, rule, ACT_ORG, 0);
  }
  return 1;
}

/* "A newspaper based in Beirut", "a group headquartered in Caracas": an
 * agent with no country takes the country of the place where, right after
 * the phrase, it is said to be based. Writes that country's code into
 * out (4 bytes) and returns 1, or returns 0. */
static int based_in(dyad_doc *doc, struct coder_state *cs, int32_t pi,
                    char out[4])
{
  static const char *const based[] = {"base", "headquarter", NULL};
  const dyad_phrase *ph = &doc->phrases.v[pi];
  if ((size_t)pi + 3 >= doc->phrases.n)
    return 0;
  const dyad_phrase *vg = &doc->phrases.v[pi + 1];
  const dyad_phrase *pp = &doc->phrases.v[pi + 2];
  if (vg->kind != DYAD_PH_VG || vg->tok != ph->tok + ph->ntok ||
      vg->ntok != 1 || !vg->lemma || pp->kind != DYAD_PH_PP ||
      pp->tok != vg->tok + 1 || pp->child < 0 ||
      !tokis(doc, &doc->toks.v[pp->tok], "in"))
    return 0;
  size_t n;
  const char *w = dyad_ctx_word(doc->ctx, vg->lemma, &n);
  int ok = 0;
  for (size_t k = 0; w && based[k]; k++)
    ok |= strlen(based[k]) == n && memcmp(based[k], w, n) == 0;
  if (!ok)
    return 0;
  const struct np_actors *pl = dyad__np_actors(doc, cs, pp->child);
  if (!pl || pl->n != 1 || strlen(pl->code[0]) < 3 ||
      pl->code[0][0] == '-' ||
      (pl->type[0] != ACT_COUNTRY && pl->type[0] != ACT_CAPITAL))
    return 0;
  memcpy(out, pl->code[0], 3);
  out[3] = '\0';
  return 1;
}


/* Fills r with the actors of NP b, which a possessive pronoun of the
 * given kind names, and returns 1, or 0 when they do not fit it. */
static int fit_possessive(dyad_doc *doc, struct coder_state *cs, int32_t b,
                          int kind, struct np_actors *r)
{
  const struct np_actors *a = dyad__np_actors(doc, cs, b);
  if (!a)
    return 0;
  int fits = 0;
  if (kind == PRO_IT)
    fits = a->n == 1 && a->type[0] != ACT_PERSON &&
           !(doc->phrases.v[b].flags & DYAD_PHF_PLURAL);
  else if (kind == PRO_HE || kind == PRO_SHE)
    fits = a->n == 1 && a->type[0] == ACT_PERSON &&
           (!a->sex[0] || a->sex[0] == (kind == PRO_HE ? 'm' : 'f'));
  else if (kind == PRO_THEY)
    fits = a->n >= 2;
  if (!fits)
    return 0;
  for (size_t k = 0; k < a->n; k++)
    addactor(r, a->code[k], a->span[k], "possessive", a->type[k], a->sex[k]);
  return 1;
}

/* A possessive pronoun in a clause's object or adjunct names the clause's
 * subject when that fits it ("Moscow agreed to discuss Kampuchea in its
 * talks with Peking", "Taiwan lagged behind Korea in encouraging its
 * businessmen"): the last actor named before it is often another one.
 * Fills r with the subject of pi's clause and returns 1, or 0 (the
 * possessor is the subject's own, the subject does not fit, or an object
 * before it is as likely). */
static int bound_possessive(dyad_doc *doc, struct coder_state *cs,
                            int32_t pi, int kind, struct np_actors *r)
{
  if (doc->ctx->flags & DYAD_CFG_LITERAL)
    return 0;
  int32_t owner = -1; /* the NP "its" is the possessor of */
  for (int32_t k = pi - 2; k <= pi + 2; k++)
    if (k >= 0 && (size_t)k < doc->phrases.n && doc->phrases.v[k].poss == pi)
      owner = k;
  if (owner < 0)
    return 0;
  const dyad_phrase *op = &doc->phrases.v[owner];
  /* "Nakasone and his party": the member before it in a coordination */
  int32_t binder = -1;
  if (op->up >= 0 && (doc->phrases.v[op->up].flags & DYAD_PHF_COORD)) {
    for (int32_t m = doc->phrases.v[op->up].child;
         m >= 0 && m != owner && (size_t)m < doc->phrases.n;
         m = doc->phrases.v[m].conj)
      binder = m;
  }
  if (binder >= 0)
    return fit_possessive(doc, cs, binder, kind, r);
  const dyad_sentence *s = &doc->sents.v[dyad__sent_of(doc, op->tok)];
  if (op->clause >= s->nclause)
    return 0;
  const dyad_clause *c = &doc->clauses.v[s->clause + op->clause];
  if (c->subj < 0 || c->subj == owner || c->subj == pi ||
      doc->phrases.v[c->subj].tok > op->tok || c->verb < 0)
    return 0;
  /* "objected to Brazil protecting its industry": a gerund with a noun
   * of its own before it has that noun, not the inherited subject */
  uint32_t vt = doc->phrases.v[c->verb].tok;
  if ((c->flags & DYAD_CLF_SUBJ_INHERITED) && c->kind == DYAD_CL_PART &&
      vt > 0 && (doc->toks.v[vt - 1].tag == DYAD_TAG_NNP ||
                 doc->toks.v[vt - 1].tag == DYAD_TAG_NNPS ||
                 doc->toks.v[vt - 1].tag == DYAD_TAG_NN ||
                 doc->toks.v[vt - 1].tag == DYAD_TAG_NNS))
    return 0;
  /* "Kenya warned Uganda and criticised its army": the object before it
   * is as likely */
  if (c->kind == DYAD_CL_COORD && c->parent >= 0 &&
      dyad__np_actors(doc, cs, doc->clauses.v[c->parent].obj))
    return 0;
  return fit_possessive(doc, cs, c->subj, kind, r);
}

/* "The EU has decided that if it finds imports from China ..., it
 * will act to stop them": a pronoun subject of a that-clause names the
 * subject of the clause that governs it when that fits, though another
 * actor was named in between; not when that clause has an actor object
 * as likely ("told Japan that it must"). Fills r and returns 1, or 0. */
static int bound_subject(dyad_doc *doc, struct coder_state *cs, int32_t pi,
                         int kind, struct np_actors *r)
{
  if (doc->ctx->flags & DYAD_CFG_LITERAL)
    return 0;
  const dyad_phrase *ph = &doc->phrases.v[pi];
  const dyad_sentence *s = &doc->sents.v[dyad__sent_of(doc, ph->tok)];
  if (ph->clause >= s->nclause)
    return 0;
  const dyad_clause *c = &doc->clauses.v[s->clause + ph->clause];
  if (c->subj != pi || c->kind != DYAD_CL_COMP || c->parent < 0 ||
      (size_t)c->parent >= doc->clauses.n ||
      (c->flags & DYAD_CLF_SUBJ_INHERITED))
    return 0;
  const dyad_clause *p = &doc->clauses.v[c->parent];
  if (p->subj < 0 || p->subj == pi || doc->phrases.v[p->subj].tok > ph->tok ||
      dyad__np_actors(doc, cs, p->obj))
    return 0; /* (a pronoun there is resolved first: "It said it signed") */
  const dyad_phrase *sp = &doc->phrases.v[p->subj];
  if ((sp->flags & DYAD_PHF_PRONOUN) &&
      pronoun(doc, &doc->toks.v[sp->head]) == kind &&
      !dyad__np_actors(doc, cs, p->subj))
    return 1; /* "It said it signed", the first "it" a firm: the same */
  return fit_possessive(doc, cs, p->subj, kind, r);
}

/* "Belgian lender Banque Exemple said it signed a pact with Poland
 * last week. It said in a statement ...": an "it" that opens a sentence as its
 * main subject continues the main subject of the sentence before, not
 * the last actor named there. Fills r and returns 1 when that subject
 * fits; returns 1 with r empty when it is a singular noun that names no
 * actor ("The company said ... It added"); else 0. */
static int previous_subject(dyad_doc *doc, struct coder_state *cs,
                            int32_t pi, int kind, struct np_actors *r)
{
  if ((doc->ctx->flags & DYAD_CFG_LITERAL) || kind != PRO_IT)
    return 0;
  const dyad_phrase *ph = &doc->phrases.v[pi];
  uint32_t si = dyad__sent_of(doc, ph->tok);
  const dyad_sentence *s = &doc->sents.v[si];
  if (si == 0 || ph->tok != s->tok || ph->clause >= s->nclause)
    return 0;
  const dyad_clause *c = &doc->clauses.v[s->clause + ph->clause];
  if (c->subj != pi || c->kind != DYAD_CL_MAIN)
    return 0;
  const dyad_sentence *ps = &doc->sents.v[si - 1];
  int32_t b = -1;
  for (uint32_t k = 0; k < ps->nclause; k++) {
    const dyad_clause *pc = &doc->clauses.v[ps->clause + k];
    if (pc->kind == DYAD_CL_MAIN && !(pc->flags & DYAD_CLF_SUBJ_INHERITED)) {
      b = pc->subj;
      break;
    }
  }
  if (b < 0 || (size_t)b >= doc->phrases.n)
    return 0;
  const dyad_phrase *bp = &doc->phrases.v[b];
  if (bp->flags & (DYAD_PHF_COORD | DYAD_PHF_PLURAL))
    return 0;
  if (dyad__np_actors(doc, cs, b))
    return fit_possessive(doc, cs, b, kind, r);
  uint8_t tag = doc->toks.v[bp->head].tag;
  return !(bp->flags & DYAD_PHF_PRONOUN) &&
         (tag == DYAD_TAG_NN || tag == DYAD_TAG_NNP);
}

/* "They (the Kuwaitis) have asked ...": an editor's bracket right after a
 * pronoun names whom it stands for. Fills r with the actors of the
 * bracketed NP and returns 1, or 0 when there is none. */
static int bracketed_antecedent(dyad_doc *doc, struct coder_state *cs,
                                int32_t pi, struct np_actors *r)
{
  const dyad_phrase *ph = &doc->phrases.v[pi];
  uint32_t t = ph->tok + ph->ntok;
  if (t + 2 >= doc->toks.n || doc->toks.v[t].len != 1 ||
      doc->text[doc->toks.v[t].off] != '(' || (size_t)pi + 1 >= doc->phrases.n)
    return 0;
  int32_t b = pi + 1;
  const dyad_phrase *bp = &doc->phrases.v[b];
  uint32_t close = bp->tok + bp->ntok;
  if (bp->kind != DYAD_PH_NP || bp->tok != t + 1 || close >= doc->toks.n ||
      doc->toks.v[close].len != 1 || doc->text[doc->toks.v[close].off] != ')' ||
      (bp->flags & DYAD_PHF_PRONOUN))
    return 0;
  const struct np_actors *a = dyad__np_actors(doc, cs, b);
  for (size_t k = 0; a && k < a->n; k++)
    addactor(r, a->code[k], a->span[k], "bracket", a->type[k], a->sex[k]);
  return r->n > 0;
}

/* Is h a listed person who, on the article's date, acts for his country
 * (the code in force starts with h->country, a state's: "the spokesman
 * of Antonio Guterres" is the UN's, IGOUNO, though he is Portuguese)? */
static int person_country(const struct actor_hit *h)
{
  static const char *const nostate[] = {"IGO", "NGO", "IMG", "MNC", "---",
                                        NULL};
  if (!h->ntok || h->type != ACT_PERSON || strlen(h->country) != 3 ||
      strncmp(h->code, h->country, 3) != 0)
    return 0;
  for (size_t k = 0; nostate[k]; k++)
    if (strcmp(h->country, nostate[k]) == 0)
      return 0;
  return 1;
}

/* Resolves one (non-coordinated) NP into r. */
static void resolve_one(dyad_doc *doc, struct coder_state *cs, int32_t pi,
                        uint32_t sent, struct np_actors *r)
{
  dyad_phrase trimmed = doc->phrases.v[pi];
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL))
    trim_time(doc, &trimmed);
  const dyad_phrase *ph = trimmed.ntok == doc->phrases.v[pi].ntok
                              ? &doc->phrases.v[pi]
                              : &trimmed;
  const dyad_token *toks = doc->toks.v;
  uint32_t first = ph->tok;
  while (first < ph->tok + ph->ntok - 1 && toks[first].tag == DYAD_TAG_DT)
    first++;
  dyad_span sp = dyad__tok_span(doc, first, ph->tok + ph->ntok);

  if (ph->flags & DYAD_PHF_PRONOUN || ph->ntok == 1) {
    int k = pronoun(doc, &toks[ph->head]);
    if (k != PRO_NONE) {
      if (toks[ph->head].tag == DYAD_TAG_PRPS &&
          bound_possessive(doc, cs, pi, k, r))
        return;
      if (bracketed_antecedent(doc, cs, pi, r))
        return;
      if (toks[ph->head].tag == DYAD_TAG_PRP &&
          bound_subject(doc, cs, pi, k, r))
        return;
      if (toks[ph->head].tag == DYAD_TAG_PRP &&
          previous_subject(doc, cs, pi, k, r))
        return;
      resolve_pronoun(doc, cs, k, sent, sp, r);
      return;
    }
  }
  struct npscan s;
  scan(doc, ph, &s);
  if (s.best.ntok && s.best_at + s.best.ntok > ph->tok + ph->ntok)
    sp = dyad__tok_span(doc, first, s.best_at + s.best.ntok); /* "the
                     Republic of Slovenia": the name runs past the NP */
  if (!s.best.ntok && !s.agent.ntok && !s.country[0] && !(doc->ctx->flags & DYAD_CFG_LITERAL)) {
    int32_t of = quantity_of(doc, pi);
    if (of >= 0) {
      /* "hundreds of Kurds", "a group of rebels": the of-phrase */
      const struct np_actors *a = dyad__np_actors(doc, cs, of);
      for (size_t k = 0; a && k < a->n; k++)
        addactor(r, a->code[k], a->span[k], a->rule[k], a->type[k],
                 a->sex[k]);
      if (r->n)
        return;
    }
  }
  /* possessor: "Ukraine's army", "Russia's defence ministry" */
  int poss_country = 0; /* s.country is the possessor, a country */
  if (ph->poss >= 0 && s.agent.ntok) {
    const struct np_actors *pa = dyad__np_actors(doc, cs, ph->poss);
    if (pa && pa->n == 1) {
      if (!s.country[0])
        dyad__scopy(s.country, sizeof(s.country), pa->code[0], 3);
      poss_country = strlen(pa->code[0]) == 3 &&
                     strcmp(s.country, pa->code[0]) == 0;
    }
  }
  /* "Gondor's feuding provinces": a country's own parts stand for it */
  if (ph->poss >= 0 && !s.agent.ntok && !s.best.ntok &&
      !(doc->ctx->flags & DYAD_CFG_LITERAL)) {
    static const char *const parts[] = {"republics", "provinces",
                                        "regions", "districts", NULL};
    const struct np_actors *pa =
        dyad__tok_in(doc, &toks[ph->head], parts)
            ? dyad__np_actors(doc, cs, ph->poss)
            : NULL; /* only then: resolving the possessor has effects */
    if (pa && pa->n == 1 && pa->type[0] == ACT_COUNTRY &&
        strlen(pa->code[0]) == 3) {
      addactor(r, pa->code[0], sp, "country's parts", ACT_COUNTRY, 0);
      return;
    }
  }
  /* of-phrase: "the army of Ukraine" */
  if (!s.country[0] && s.agent.ntok && !s.best.ntok) {
    for (size_t k = (size_t)pi + 1; k < doc->phrases.n && k < (size_t)pi + 3;
         k++) {
      const dyad_phrase *pp = &doc->phrases.v[k];
      if (pp->kind != DYAD_PH_PP || pp->child < 0)
        continue;
      /* "in" as PETRARCH reads it ("activists in Arnor"); outside that
       * mode only for the people of a place ("students throughout
       * Indonesia", "police in Jericho"), not for armed men, who are
       * often foreign to where they are ("troops in Ukraine") */
      int local = !(doc->ctx->flags & DYAD_CFG_LITERAL) && pp->tok == ph->tok + ph->ntok &&
                  (tokis(doc, &toks[pp->tok], "in") ||
                   tokis(doc, &toks[pp->tok], "throughout") ||
                   tokis(doc, &toks[pp->tok], "across")) &&
                  strcmp(s.agent.code, "MIL") != 0 &&
                  strcmp(s.agent.code, "REB") != 0 &&
                  strcmp(s.agent.code, "UAF") != 0 &&
                  strcmp(s.agent.code, "SPY") != 0;
      if (!tokis(doc, &toks[pp->tok], "of") &&
          !tokis(doc, &toks[pp->tok], "from") && !local &&
          !((doc->ctx->flags & DYAD_CFG_LITERAL) &&
            tokis(doc, &toks[pp->tok], "in")))
        break;
      const dyad_phrase *of = &doc->phrases.v[pp->child];
      uint32_t of_stop = of->tok + of->ntok;
      int literal = (doc->ctx->flags & DYAD_CFG_LITERAL) != 0;
      if (!local &&
          of_countries(doc, cs, pp->child, s.agent.code, s.agent.rule,
                       literal ? sp : dyad__tok_span(doc, first, of_stop), r))
        return; /* "the premiers of Peru and Chile", "lawmakers in
                   Fornost and Gondor" */
      struct npscan s2;
      scan(doc, of, &s2);
      if (s2.best.ntok && (s2.best.type == ACT_COUNTRY ||
                           (local && s2.best.type == ACT_CAPITAL))) {
        dyad__scopy(s.country, sizeof(s.country),
                    s2.best.type == ACT_CAPITAL && s2.best.country[0]
                        ? s2.best.country
                        : s2.best.code,
                    3);
        if (!literal)
          sp = dyad__tok_span(doc, first, of_stop); /* "the army of Ukraine" */
      } else if (!literal && !local && s.head_is_agent &&
                 pp->tok == ph->tok + ph->ntok && of->tok == pp->tok + 1 &&
                 tokis(doc, &toks[pp->tok], "of") &&
                 person_country(&s2.best)) {
        /* "the government of President X", "the forces of General Y":
         * a state body that is a leader's is his country's */
        dyad__scopy(s.country, sizeof(s.country), s2.best.country, 3);
        sp = dyad__tok_span(doc, first, of_stop);
      }
      if (local && !s2.best.ntok && !s.country[0]) {
        /* "people in Tel Aviv": a place the gazetteer knows, named by the
         * whole phrase's head, gives the people its country */
        const dyad_token *hd = &toks[of->head];
        for (size_t q = 0; q < doc->places.n; q++) {
          const dyad_place *pl = &doc->places.v[q];
          if (hd->off >= pl->span.off &&
              hd->off + hd->len <= pl->span.off + pl->span.len &&
              pl->span.off >= toks[of->tok].off && pl->country[0] &&
              (hd->tag == DYAD_TAG_NNP || hd->tag == DYAD_TAG_NNPS)) {
            dyad__scopy(s.country, sizeof(s.country), pl->country, 3);
            sp = dyad__tok_span(doc, first, of_stop);
            break;
          }
        }
      }
      if (s2.best.ntok && literal && strlen(s2.best.code) < sizeof(s.country))
        dyad__scopy(s.country, sizeof(s.country), s2.best.code, (size_t)-1);
      if (s2.best.ntok && s.former && /* "former officials in the White
                                          House": USAGOV + ELI */
          strlen(s2.best.code) < sizeof(s.country))
        dyad__scopy(s.country, sizeof(s.country), s2.best.code, (size_t)-1);
      break;
    }
  }
  char code[DYAD_CODE_MAX];
  uint8_t htag = toks[ph->head].tag;
  int head_proper = htag == DYAD_TAG_NNP || htag == DYAD_TAG_NNPS;
  int best_heads = s.best.ntok && (s.best_at + s.best.ntok > ph->head ||
                                    (!(doc->ctx->flags & DYAD_CFG_LITERAL) &&
                                     collective_head(doc, ph, &s)));
  if (s.best.ntok && !best_heads && s.best.type == ACT_PERSON &&
      !(doc->ctx->flags & DYAD_CFG_LITERAL) && !s.head_known) {
    /* "Sheikh Hamad bin Khalifa al-Thani": only more name words after a
     * listed person's name are still that person's name */
    uint32_t k = s.best_at + s.best.ntok;
    while (k <= ph->head && toks[k].tag == DYAD_TAG_NNP)
      k++;
    best_heads = k > ph->head;
  }
  if (s.best.ntok && !s.agent.ntok && (doc->ctx->flags & DYAD_CFG_LITERAL))
    best_heads = 1; /* PETRARCH takes an actor anywhere in the phrase
                       ("an anti- Gondor parade") */
  /* an agent word heads the phrase ("Russian troops"), or a title before
   * a name nobody listed ("Fornost President Umbardacil") */
  int agent_heads =
      s.agent.ntok &&
      (s.head_is_agent || (!(doc->ctx->flags & DYAD_CFG_LITERAL) && instrument_head(doc, ph, &s)) ||
       (head_proper && !best_heads && !s.head_known &&
        s.agent_at + s.agent.ntok <= ph->head));
  if ((doc->ctx->flags & DYAD_CFG_LITERAL) && s.best.ntok && s.agent.ntok &&
      !agent_heads && s.best_at < s.agent_at) {
    /* PETRARCH: "the Calenardhon government issue" is CAL + GOV */
    compose_lit(doc, code, s.best.code, s.agent.code);
    addactor(r, code, sp, s.agent.rule, ACT_ORG, 0);
    return;
  }
  if (best_heads) {
    /* a named actor that the phrase is about: it covers the head
     * ("China's position" is not China) */
    if (s.prefix[0]) {
      snprintf(code, sizeof(code), "%s%s", s.prefix, s.best.code);
      addactor(r, code, sp, s.best.rule, ACT_ORG, 0);
      return;
    }
    if ((doc->ctx->flags & DYAD_CFG_LITERAL) && s.agent.ntok &&
        s.agent_at < s.best_at && strlen(s.best.code) == 3) {
      /* PETRARCH: "Bree Prime Minister Romendacil" is BRE + GOV;
       * "Ithilen's minister Calimehtar" is the possessor's ITH + GOV */
      compose(code, poss_country ? s.country : s.best.code, s.agent.code);
      addactor(r, code, sp, s.agent.rule, ACT_ORG, 0);
      return;
    }
    if ((doc->ctx->flags & DYAD_CFG_LITERAL) && ph->poss >= 0) {
      /* PETRARCH: "Arnor's Elrond" is Arnor */
      const struct np_actors *pa = dyad__np_actors(doc, cs, ph->poss);
      if (pa && pa->n == 1 && strlen(pa->code[0]) == 3) {
        addactor(r, pa->code[0], sp, pa->rule[0], pa->type[0], 0);
        return;
      }
    }
    if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && s.best.type == ACT_PERSON && strlen(s.best.code) == 3 &&
        s.agent.ntok && s.agent.title &&
        s.agent_at + s.agent.ntok == s.best_at &&
        !former_title(doc, ph, s.agent_at)) {
      /* "Israeli Prime Minister Ariel Sharon" on a date outside the terms
       * we list: the title the article gives says the office */
      compose(code, s.best.code, s.agent.code);
      addactor(r, code, sp, s.agent.rule, s.best.type, s.best.sex);
      return;
    }
    addactor(r, s.best.code, sp, s.best.rule, s.best.type, s.best.sex);
    return;
  }
  if (agent_heads) {
    const char *country = s.country;
    if (!country[0] && s.best.ntok && s.best_at < s.agent_at)
      country = s.best.code; /* "Hamas militants", "UN officials" */
    char base[4];
    if (!country[0] && !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
        based_in(doc, cs, pi, base))
      country = base;
    if (country == s.best.code && s.best.type == ACT_CAPITAL &&
        s.best.country[0] && !(doc->ctx->flags & DYAD_CFG_LITERAL))
      country = s.best.country; /* "Moscow police": RUS + COP, not the
                                   government the capital stands for */
    compose_lit(doc, code, country, s.agent.code);
    if (s.former) /* "former Gondor prosecutors": GONELI */
      snprintf(code, sizeof(code), "%s%s", country[0] ? country : "---",
               "ELI");
    if (s.prefix[0] && code[0] != '-') {
      char pc[DYAD_CODE_MAX];
      snprintf(pc, sizeof(pc), "%s%s", s.prefix, code);
      memcpy(code, pc, sizeof(code));
    }
    /* rebels of no country stay: the coder gives them the country of the
       state that fights them (push in coder.c) or drops them */
    int rebels = strcmp(code, "---REB") == 0 && insurgent_word(doc, &s);
    if (strncmp(code, "---", 3) != 0 || rebels ||
        (doc->ctx->flags & DYAD_CFG_UNKNOWN)) {
      if (code[0] != '-' || !(s.agent.title && (ph->flags & DYAD_PHF_DEFINITE))) {
        addactor(r, code, sp, s.agent.rule, ACT_ORG, 0);
        return;
      }
    }
  }
  if (s.head_is_capital && s.country[0]) {
    /* "the Ukrainian capital": the country, as a place acted upon */
    addactor(r, s.country, sp, s.country_rule, ACT_COUNTRY, 0);
    return;
  }
  if (s.agent.ntok && (ph->flags & DYAD_PHF_PLURAL) && !s.country[0] &&
      strcmp(s.agent.code, "GOV") == 0 &&
      ((doc->ctx->flags & DYAD_CFG_LITERAL) ||
       (ph->flags & DYAD_PHF_DEFINITE) ||
       (ph->det >= 0 && tokis(doc, &toks[ph->det], "both")))) {
    /* (only a definite phrase points back: "the two leaders", "both
     * presidents"; "agriculture ministers meeting in Luxembourg" are
     * people not named before) */
    if (resolve_plural_description(cs, sent, sp, r))
      return;
  }
  if (s.head_is_adj || (s.country[0] && !s.best.ntok && !s.agent.ntok &&
                        !(doc->ctx->flags & DYAD_CFG_LITERAL) &&
                        collective_head(doc, ph, &s))) {
    /* "the Russians"; "African states", "Arab countries" */
    addactor(r, s.country, sp, s.country_rule, ACT_COUNTRY, 0);
    return;
  }
  if ((ph->flags & DYAD_PHF_DEFINITE) && !s.best.ntok && !s.agent.ntok &&
      (tokis(doc, &toks[ph->head], "country") ||
       tokis(doc, &toks[ph->head], "nation"))) {
    /* "the shattered country": the last country named */
    for (size_t back = 0; back < MENTIONS_MAX; back++) {
      const struct mention *m = lastmention(cs, back);
      if (!m || m->sent + 3 < sent)
        break;
      if (m->country[0] && m->type != ACT_IGO && m->type != ACT_GROUP) {
        addactor(r, m->country, sp, "description", ACT_COUNTRY, 0);
        return;
      }
    }
  }
  if (s.agent.ntok && s.agent.title && (ph->flags & DYAD_PHF_DEFINITE) &&
      !(ph->flags & DYAD_PHF_PLURAL) &&
      toks[ph->head].tag != DYAD_TAG_NNS) {
    /* "the president": the last person named with that title ("the
     * ministers" are not one of them) */
    for (size_t back = 0; back < MENTIONS_MAX; back++) {
      const struct mention *m = lastmention(cs, back);
      if (!m || m->sent + 3 < sent)
        break;
      if (m->type == ACT_PERSON) {
        addactor(r, m->code, sp, "description", m->type, m->sex);
        return;
      }
    }
  }
  if (!s.agent.ntok && !s.best.ntok && (doc->ctx->flags & DYAD_CFG_LITERAL) &&
      !(ph->flags & DYAD_PHF_PRONOUN)) {
    /* PETRARCH: "goats of Gondor" is Gondor, the actor of its of-phrase */
    size_t k = (size_t)pi + 1;
    const dyad_phrase *pp = k < doc->phrases.n ? &doc->phrases.v[k] : NULL;
    if (pp && pp->kind == DYAD_PH_PP && pp->child >= 0 &&
        pp->tok == ph->tok + ph->ntok && tokis(doc, &toks[pp->tok], "of")) {
      const struct np_actors *a = dyad__np_actors(doc, cs, pp->child);
      if (a && a->code[0][0] == '"')
        a = NULL; /* a new actor: this phrase is one of its own */
      for (size_t j = 0; a && j < a->n; j++)
        addactor(r, a->code[j], a->span[j], a->rule[j], a->type[j],
                 a->sex[j]);
      if (a)
        return;
    }
  }
  if (s.agent.ntok && ((doc->ctx->flags & DYAD_CFG_UNKNOWN) ||
                       (strcmp(s.agent.code, "REB") == 0 &&
                        insurgent_word(doc, &s)))) {
    /* "Palestinian guerrilla positions": the insurgents' own country */
    int reb = strcmp(s.agent.code, "REB") == 0 && insurgent_word(doc, &s);
    compose(code, reb ? s.country : "", s.agent.code);
    addactor(r, code, sp, s.agent.rule, ACT_ORG, 0);
  }
}

static struct coder_state *cache_ready(dyad_doc *doc, struct coder_state *cs)
{
  size_t need = doc->phrases.n;
  if (cs->np_cache_cap < need) {
    size_t nc = need < 256 ? 256 : need * 2;
    int32_t *c = dyad__realloc(&doc->ctx->alloc, cs->np_cache,
                               cs->np_cache_cap * sizeof(int32_t),
                               nc * sizeof(int32_t));
    if (!c)
      return NULL;
    for (size_t i = cs->np_cache_cap; i < nc; i++)
      c[i] = -2;
    cs->np_cache = c;
    cs->np_cache_cap = nc;
  }
  return cs;
}

/* Sentence index of a token (binary search); 0 when the doc has no
 * sentences. */
uint32_t dyad__sent_of(const dyad_doc *doc, uint32_t tok)
{
  size_t lo = 0, hi = doc->sents.n;
  while (lo + 1 < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->sents.v[mid].tok <= tok)
      lo = mid;
    else
      hi = mid;
  }
  return (uint32_t)lo;
}

/* PETRARCH's new actors (literal mode, new_actor_length N > 0): a noun
 * phrase naming no actor, of at most N words (its of-phrase included,
 * "'s" left out), is an actor coded by its words in capitals between
 * double quotes ("INJURY TOLL"), cut to the code's room. Pronouns and
 * dates are not. */
static void new_actor(const dyad_doc *doc, int32_t pi, struct np_actors *r)
{
  const struct dyad_dict *d = doc->ctx->dict;
  if (!d || !d->new_actor_len || !(doc->ctx->flags & DYAD_CFG_LITERAL))
    return;
  const dyad_phrase *ph = &doc->phrases.v[pi];
  if (ph->flags & DYAD_PHF_PRONOUN)
    return;
  const dyad_token *toks = doc->toks.v;
  uint32_t end = of_end(doc, ph), nw = 0;
  char code[DYAD_CODE_MAX];
  size_t n = 0;
  code[n++] = '"';
  for (uint32_t i = ph->tok; i < end; i++) {
    const dyad_token *t = &toks[i];
    if (t->tag == DYAD_TAG_POS || t->kind != DYAD_TK_WORD)
      continue;
    if (t->tag == DYAD_TAG_CD || (t->flags & DYAD_TOKF_DATELINE))
      return;
    if (++nw > d->new_actor_len)
      return;
    if (nw > 1 && n + 1 < sizeof(code))
      code[n++] = ' ';
    for (uint32_t k = 0; k < t->len && n + 1 < sizeof(code); k++) {
      char c = doc->text[t->off + k];
      code[n++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
  }
  if (!nw)
    return;
  if (dyad__in_timex(doc, ph->head)) /* a date or time is no actor */
    return;
  if (n + 1 < sizeof(code))
    code[n++] = '"';
  code[n] = '\0';
  addactor(r, code, dyad__tok_span(doc, ph->tok, end), "new actor",
           ACT_NONE, 0);
}

/* "Danish media and government": a bare agent member (no determiner, no
 * country: "---GOV") takes the country of the first member's actor. The
 * member's actors are r->code[from..r->n). */
static void share_country(const dyad_doc *doc, int32_t m, struct np_actors *r,
                          size_t from)
{
  if (from == 0 || doc->phrases.v[m].det >= 0 ||
      strncmp(r->code[0], "---", 3) == 0 || strlen(r->code[0]) < 3)
    return;
  for (size_t k = from; k < r->n; k++)
    if (strncmp(r->code[k], "---", 3) == 0 && r->code[k][3]) {
      char c[DYAD_CODE_MAX];
      snprintf(c, sizeof(c), "%.3s%s", r->code[0], r->code[k] + 3);
      memcpy(r->code[k], c, sizeof(c));
    }
}

const struct np_actors *dyad__np_actors(dyad_doc *doc,
                                        struct coder_state *cs, int32_t pi)
{
  if (pi < 0 || (size_t)pi >= doc->phrases.n || !cache_ready(doc, cs))
    return NULL;
  if (cs->np_cache[pi] >= 0)
    return &cs->acts.v[cs->np_cache[pi]];
  if (cs->np_cache[pi] == -1)
    return NULL;
  cs->np_cache[pi] = -1; /* guards against possessor cycles */
  const dyad_phrase *ph = &doc->phrases.v[pi];
  if (ph->kind != DYAD_PH_NP)
    return NULL;
  struct np_actors r;
  memset(&r, 0, sizeof(r));
  uint32_t sent = dyad__sent_of(doc, ph->tok);
  if (ph->flags & DYAD_PHF_COORD) {
    /* a coordination: each member on its own ("Xi and Putin") */
    int32_t m = ph->child;
    for (int guard = 0; m >= 0 && (size_t)m < doc->phrases.n &&
                        guard < ACTORS_MAX;
         guard++) {
      if (doc->phrases.v[m].flags & DYAD_PHF_COORD) {
        const struct np_actors *sub = dyad__np_actors(doc, cs, m);
        for (size_t k = 0; sub && k < sub->n; k++)
          addactor(&r, sub->code[k], sub->span[k], sub->rule[k],
                   sub->type[k], sub->sex[k]);
      } else {
        size_t before = r.n;
        resolve_one(doc, cs, m, sent, &r);
        if (r.n == before)
          new_actor(doc, m, &r);
        /* (PETRARCH shares only in "Danish media and government", not in
         * "The Danish media and government") */
        if (!(doc->ctx->flags & DYAD_CFG_LITERAL) ||
            doc->phrases.v[ph->child].det < 0)
          share_country(doc, m, &r, before);
      }
      m = doc->phrases.v[m].conj;
    }
  } else {
    resolve_one(doc, cs, pi, sent, &r);
    if (r.n == 0)
      new_actor(doc, pi, &r);
  }
  if (r.n == 0)
    return NULL;
  struct np_actors *slot = dyad_vec_push(&doc->ctx->alloc, cs->acts);
  if (!slot)
    return NULL;
  *slot = r;
  cs->np_cache[pi] = (int32_t)(cs->acts.n - 1);
  return slot;
}

/* Is NP pi the (own, not inherited) subject of a clause? */
static int is_subject(const dyad_doc *doc, int32_t pi)
{
  const dyad_phrase *ph = &doc->phrases.v[pi];
  const dyad_sentence *s = &doc->sents.v[dyad__sent_of(doc, ph->tok)];
  if (ph->clause >= s->nclause)
    return 0;
  const dyad_clause *c = &doc->clauses.v[s->clause + ph->clause];
  return c->subj == pi && !(c->flags & DYAD_CLF_SUBJ_INHERITED);
}

/* Is NP pi the object of an "of" right after a subject that names no
 * actor ("Digital Parcel Corp of Canada has finished ..."), or its
 * possessor ("Japan's Toyota Motor Corp said its ...")? A country there
 * is part of the subject's own name or description, and a
 * later "it" means the subject (a firm), not the country. */
static int of_blank_subject(dyad_doc *doc, struct coder_state *cs,
                            int32_t pi)
{
  int32_t pp = doc->phrases.v[pi].up;
  if (pp < 0 || (size_t)pp >= doc->phrases.n)
    return 0;
  const dyad_phrase *p = &doc->phrases.v[pp];
  int32_t np;
  if ((doc->phrases.v[pi].flags & DYAD_PHF_POSSESSOR) &&
      p->kind == DYAD_PH_NP && p->poss == pi) {
    np = pp; /* "Japan's Toyota Motor Corp said its president ..." */
  } else {
    if (p->kind != DYAD_PH_PP || p->child != pi ||
        !tokis(doc, &doc->toks.v[p->tok], "of") || p->tok == 0)
      return 0;
    np = p->attach;
    if (np < 0 || (size_t)np >= doc->phrases.n ||
        doc->phrases.v[np].kind != DYAD_PH_NP ||
        doc->phrases.v[np].tok + doc->phrases.v[np].ntok != p->tok)
      return 0;
  }
  const dyad_phrase *n = &doc->phrases.v[np];
  uint8_t tag = doc->toks.v[n->head].tag;
  return (tag == DYAD_TAG_NN || tag == DYAD_TAG_NNP) &&
         !(n->flags & (DYAD_PHF_PRONOUN | DYAD_PHF_COORD)) &&
         is_subject(doc, np) && !dyad__np_actors(doc, cs, np);
}

void dyad__note_mentions(dyad_doc *doc, struct coder_state *cs, int32_t pi)
{
  const struct np_actors *a = dyad__np_actors(doc, cs, pi);
  const dyad_phrase *ph = &doc->phrases.v[pi];
  if (!a) {
    if (doc->ctx->flags & DYAD_CFG_LITERAL)
      return;
    uint8_t tag = doc->toks.v[ph->head].tag;
    if (!(ph->flags & (DYAD_PHF_PRONOUN | DYAD_PHF_COORD)) &&
        (tag == DYAD_TAG_NN || tag == DYAD_TAG_NNS ||
         tag == DYAD_TAG_NNP || tag == DYAD_TAG_NNPS) &&
        is_subject(doc, pi)) {
      struct mention *m = &cs->ment[cs->nment % MENTIONS_MAX];
      memset(m, 0, sizeof(*m)); /* (no snprintf: this runs for most
                                   subjects of news text) */
      m->span = dyad__tok_span(doc, ph->tok, ph->tok + ph->ntok);
      m->type = ACT_NONE;
      m->sent = dyad__sent_of(doc, ph->tok);
      m->plural = (ph->flags & DYAD_PHF_PLURAL) || tag == DYAD_TAG_NNS ||
                  tag == DYAD_TAG_NNPS;
      cs->nment++;
    }
    return;
  }
  if (ph->flags & DYAD_PHF_PRONOUN)
    return; /* pronouns do not become antecedents themselves */
  if (!(doc->ctx->flags & DYAD_CFG_LITERAL) && a->n == 1 &&
      a->type[0] == ACT_COUNTRY && of_blank_subject(doc, cs, pi))
    return;
  uint32_t sent = dyad__sent_of(doc, ph->tok);
  for (size_t i = 0; i < a->n; i++) {
    char country[8];
    dyad__scopy(country, sizeof(country), a->code[i], 3);
    addmention(cs, a->code[i], a->span[i], a->type[i], a->sex[i], NULL,
               country, sent);
    /* "all Canadian firms" is a "they", never an "it" */
    if (a->type[i] == ACT_ORG && a->n == 1 &&
        doc->toks.v[ph->head].tag == DYAD_TAG_NNS)
      cs->ment[(cs->nment - 1) % MENTIONS_MAX].plural = 1;
  }
}

int dyad__np_country(dyad_doc *doc, int32_t pi, struct np_actors *out)
{
  if (pi < 0 || (size_t)pi >= doc->phrases.n)
    return 0;
  const dyad_phrase *ph = &doc->phrases.v[pi];
  if (ph->kind != DYAD_PH_NP || (ph->flags & DYAD_PHF_COORD))
    return 0;
  int32_t at = pi;
  if (ph->poss >= 0 && !(doc->phrases.v[ph->poss].flags & DYAD_PHF_PRONOUN))
    at = ph->poss; /* "a Lebanese millionaire's assets" */
  const dyad_phrase *p = &doc->phrases.v[at];
  struct npscan s;
  scan(doc, p, &s);
  if (!s.country[0])
    return 0;
  memset(out, 0, sizeof(*out));
  addactor(out, s.country, dyad__tok_span(doc, p->tok, p->tok + p->ntok),
           s.country_rule, ACT_COUNTRY, 0);
  return out->n > 0;
}

int dyad__np_titled(dyad_doc *doc, int32_t pi, struct np_actors *out)
{
  /* offices of a state whose holder a title names; not "General" ("General
   * Motors"), "Chairman" or "Secretary" (firms have them too) */
  static const char *const office[] = {
      "president", "premier", "minister", "chancellor", "king", "queen",
      "emir", "sultan", "governor", "mayor", "judge", NULL};
  static const char *const home[] = {"judge", NULL};
  static const char *const firm[] = {"inc", "corp", "co", "ltd", "plc",
                                     "group", "company", "corporation",
                                     NULL};
  if (pi < 0 || (size_t)pi >= doc->phrases.n ||
      (doc->ctx->flags & DYAD_CFG_LITERAL))
    return 0;
  const dyad_phrase *ph = &doc->phrases.v[pi];
  if (ph->kind != DYAD_PH_NP ||
      (ph->flags & (DYAD_PHF_COORD | DYAD_PHF_PRONOUN)) || ph->poss >= 0)
    return 0;
  const dyad_token *toks = doc->toks.v;
  struct npscan s;
  scan(doc, ph, &s);
  if (!s.agent.ntok || s.best.ntok || s.country[0] || s.prefix[0] ||
      s.former || s.agent_at + s.agent.ntok > ph->head ||
      former_title(doc, ph, s.agent_at))
    return 0;
  int kind = 0;
  for (uint32_t i = s.agent_at; i < s.agent_at + s.agent.ntok; i++) {
    if (dyad__tok_in(doc, &toks[i], home))
      kind = 2;
    else if (!kind && dyad__tok_in(doc, &toks[i], office))
      kind = 1;
  }
  if (!kind)
    return 0;
  /* nothing named before the office ("ABCF president Tomas Ferreira": a
   * body no dictionary lists, maybe no state's) */
  for (uint32_t i = ph->tok; i < s.agent_at; i++)
    if (toks[i].tag == DYAD_TAG_NNP || toks[i].tag == DYAD_TAG_NNPS)
      return 0;
  /* the rest is a name: capitalised proper nouns, no firm's word */
  for (uint32_t i = s.agent_at + s.agent.ntok; i < ph->tok + ph->ntok; i++)
    if ((toks[i].tag != DYAD_TAG_NNP && toks[i].tag != DYAD_TAG_NNPS) ||
        dyad__tok_in(doc, &toks[i], firm))
      return 0;
  uint32_t first = ph->tok;
  while (first < ph->head && toks[first].tag == DYAD_TAG_DT)
    first++;
  char code[DYAD_CODE_MAX];
  compose(code, "", s.agent.code);
  memset(out, 0, sizeof(*out));
  addactor(out, code, dyad__tok_span(doc, first, ph->tok + ph->ntok),
           s.agent.rule, ACT_PERSON, 0);
  return out->n ? kind : 0;
}
