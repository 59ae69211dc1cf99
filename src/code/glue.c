/*
 * glue.c: the coder's view of the dictionaries (src/dict/dict.h): actor,
 * agent, noun and cue look-ups turned into the small structs code.h
 * declares, so the coder's logic does not depend on the tables' layout.
 */
#include "code.h"

#include <stdio.h>

/* Is date more than ten years before the first office a person's entry
 * dates ("Bennett" in a 1987 story is not the Israeli prime minister of
 * 2021)? Before a career starts, its undated default says nothing about
 * who the name is. Not in literal mode, whose dictionaries have their
 * own conventions. */
static int before_career(const dyad_ctx *ctx, uint32_t entry, dyad_date date)
{
  if (!date || (ctx->flags & DYAD_CFG_LITERAL) ||
      entry >= ctx->dict->actors.n)
    return 0;
  const struct dyad_actor *a = &ctx->dict->actors.v[entry];
  if (a->type != DYAD_AT_PERSON)
    return 0;
  dyad_date first = 0;
  for (uint32_t k = 0; k < a->ncode; k++) {
    const struct dyad_actor_code *c = &ctx->dict->acodes.v[a->code0 + k];
    if (c->dated && c->from && (!first || c->from < first))
      first = c->from;
  }
  return first && date < first - 100000; /* (YYYYMMDD: ten years) */
}

uint32_t dyad__glue_actor(const dyad_ctx *ctx, const dyad_token *toks,
                          size_t n, size_t i, dyad_date date,
                          struct actor_hit *hit)
{
  if (!ctx->dict || i >= n ||
      !dyad__trie_may(ctx->dict, 1u << DYAD_DK_ACTOR, &toks[i]))
    return 0; /* (most tokens: no call further down) */
  struct dyad_actor_hit h;
  size_t k = dyad__dict_actor(ctx, toks, n, i, date, &h);
  if (!k)
    return 0;
  memset(hit, 0, sizeof(*hit));
  hit->ntok = (uint32_t)k;
  dyad__scopy(hit->code, sizeof(hit->code), h.code ? h.code : "", (size_t)-1);
  switch (h.type) {
  case DYAD_AT_COUNTRY: hit->type = ACT_COUNTRY; break;
  case DYAD_AT_ADJ: hit->type = ACT_ADJ; break;
  case DYAD_AT_CAPITAL: hit->type = ACT_CAPITAL; break;
  case DYAD_AT_PERSON: hit->type = ACT_PERSON; break;
  case DYAD_AT_IGO: hit->type = ACT_IGO; break;
  case DYAD_AT_GROUP: hit->type = ACT_GROUP; break;
  case DYAD_AT_BLOC: hit->type = ACT_BLOC; break;
  case DYAD_AT_ORG: hit->type = ACT_ORG; break;
  default:
    /* untyped (PETRARCH) entries: a bare 3-letter code acts as a country */
    hit->type = strlen(hit->code) == 3 ? ACT_COUNTRY : ACT_ORG;
  }
  hit->sex = h.sex;
  dyad__scopy(hit->country, sizeof(hit->country),
              h.country && h.country[0] ? h.country : "", (size_t)-1);
  if (!hit->country[0] && h.code)
    dyad__scopy(hit->country, sizeof(hit->country), h.code, 3);
  hit->roles = h.roles;
  hit->rule = h.rule;
  if (!h.code || before_career(ctx, h.entry, date))
    return 0; /* no code in force on this date: not an actor then */
  return hit->ntok;
}

uint32_t dyad__glue_no_actor(const dyad_ctx *ctx, const dyad_token *toks,
                             size_t n, size_t i)
{
  if (!ctx->dict || i >= n ||
      !dyad__trie_may(ctx->dict, 1u << DYAD_DK_ACTOR, &toks[i]))
    return 0;
  struct dyad_actor_hit h;
  size_t k = dyad__dict_actor(ctx, toks, n, i, 0, &h);
  if (!k || h.entry >= ctx->dict->actors.n ||
      ctx->dict->actors.v[h.entry].ncode)
    return 0;
  return (uint32_t)k;
}

uint32_t dyad__glue_agent(const dyad_ctx *ctx, const dyad_token *toks,
                          size_t n, size_t i, struct agent_hit *hit)
{
  if (!ctx->dict || i >= n ||
      !dyad__trie_may(ctx->dict, 1u << DYAD_DK_AGENT, &toks[i]))
    return 0;
  const struct dyad_agent *a;
  size_t k = dyad__dict_agent(ctx, toks, n, i, &a);
  if (!k)
    return 0;
  memset(hit, 0, sizeof(*hit));
  hit->ntok = (uint32_t)k;
  dyad__scopy(hit->code, sizeof(hit->code), a->code, (size_t)-1);
  hit->title = a->title;
  hit->prefix = a->prefix;
  hit->rule = a->rule;
  return hit->ntok;
}

uint32_t dyad__glue_noun(const dyad_ctx *ctx, const dyad_token *toks,
                         size_t n, size_t i, struct noun_hit *hit)
{
  if (!ctx->dict || i >= n ||
      !dyad__trie_may(ctx->dict, 1u << DYAD_DK_NOUN, &toks[i]))
    return 0;
  const struct dyad_noun *nn;
  size_t k = dyad__dict_noun(ctx, toks, n, i, &nn);
  if (!k || strcmp(nn->code, "---") == 0)
    return 0;
  memset(hit, 0, sizeof(*hit));
  hit->ntok = (uint32_t)k;
  dyad__scopy(hit->code, sizeof(hit->code), nn->code, (size_t)-1);
  dyad__scopy(hit->mirror, sizeof(hit->mirror), nn->mirror, (size_t)-1);
  hit->preps = nn->preps;
  hit->npreps = nn->nprep;
  hit->rule = nn->rule;
  return hit->ntok;
}

uint32_t dyad__glue_cue(const dyad_ctx *ctx, int kind, const dyad_token *toks,
                        size_t n, size_t i)
{
  if (!ctx->dict)
    return 0;
  return (uint32_t)dyad__dict_cue(ctx, kind, toks, n, i);
}

int dyad__glue_known_code(const dyad_ctx *ctx, const char *code)
{
  dyad_cameo c;
  return dyad_ctx_cameo(ctx, code, strlen(code), &c) == DYAD_OK;
}
