/*
 * match.c: the matching API the coder uses (see dict.h): longest phrase
 * lookups over the tries, the actor code in force on a date, verb patterns
 * by lemma, and pattern items against tokens.
 *
 * Dates: among an actor's dated codes the first one listed whose range
 * holds the date wins; the undated code is only the fallback (PETRARCH2
 * returned the undated default first, so dated roles never applied).
 */
#include "dict.h"

const char *dyad__dict_actor_code(const dyad_ctx *ctx, uint32_t entry,
                                  dyad_date date)
{
  const struct dyad_dict *d = ctx->dict;
  if (!d || entry >= d->actors.n)
    return NULL;
  const struct dyad_actor *a = &d->actors.v[entry];
  if (!a->ncode)
    return NULL; /* a phrase that names no actor (`= -`) */
  const struct dyad_actor_code *c = &d->acodes.v[a->code0];
  const char *fallback = NULL;
  for (uint32_t k = 0; k < a->ncode; k++) {
    if (!c[k].dated) {
      if (!fallback)
        fallback = c[k].code;
      continue;
    }
    if (date && (!c[k].from || date >= c[k].from) &&
        (!c[k].to || date <= c[k].to))
      return c[k].code;
  }
  if (!date && !fallback && a->ncode)
    return c[a->ncode - 1].code;
  return fallback;
}

size_t dyad__dict_actor(const dyad_ctx *ctx, const dyad_token *toks,
                        size_t ntok, size_t i, dyad_date date,
                        struct dyad_actor_hit *out)
{
  int32_t e;
  if (!ctx->dict || i >= ntok ||
      !dyad__trie_may(ctx->dict, 1u << DYAD_DK_ACTOR, &toks[i]))
    return 0;
  size_t n = dyad__trie_match(ctx->dict, DYAD_DK_ACTOR, toks, ntok, i, &e);
  if (!n)
    return 0;
  const struct dyad_actor *a = &ctx->dict->actors.v[e];
  out->code = dyad__dict_actor_code(ctx, (uint32_t)e, date);
  out->country = a->country;
  out->roles = a->roles;
  out->rule = a->rule;
  out->phrase = a->phrase;
  out->entry = (uint32_t)e;
  out->type = a->type;
  out->sex = a->sex;
  return n;
}

size_t dyad__dict_agent(const dyad_ctx *ctx, const dyad_token *toks,
                        size_t ntok, size_t i, const struct dyad_agent **out)
{
  int32_t e;
  if (!ctx->dict || i >= ntok ||
      !dyad__trie_may(ctx->dict, 1u << DYAD_DK_AGENT, &toks[i]))
    return 0;
  size_t n = dyad__trie_match(ctx->dict, DYAD_DK_AGENT, toks, ntok, i, &e);
  if (n)
    *out = &ctx->dict->agents.v[e];
  return n;
}

size_t dyad__dict_noun(const dyad_ctx *ctx, const dyad_token *toks,
                       size_t ntok, size_t i, const struct dyad_noun **out)
{
  int32_t e;
  if (!ctx->dict || i >= ntok ||
      !dyad__trie_may(ctx->dict, 1u << DYAD_DK_NOUN, &toks[i]))
    return 0;
  size_t n = dyad__trie_match(ctx->dict, DYAD_DK_NOUN, toks, ntok, i, &e);
  if (n)
    *out = &ctx->dict->nouns.v[e];
  return n;
}

size_t dyad__dict_cue(const dyad_ctx *ctx, int kind, const dyad_token *toks,
                      size_t ntok, size_t i)
{
  int32_t e;
  if (kind < 0 || kind >= DYAD_CUE_COUNT)
    return 0;
  return dyad__trie_match(ctx->dict, DYAD_DK_CUE + kind, toks, ntok, i, &e);
}

size_t dyad__dict_discard_at(const dyad_ctx *ctx, const dyad_token *toks,
                             size_t ntok, size_t i, int *story)
{
  int32_t e;
  size_t a = dyad__trie_match(ctx->dict, DYAD_DK_DISCARD, toks, ntok, i, &e);
  size_t b =
      dyad__trie_match(ctx->dict, DYAD_DK_DISCARD_STORY, toks, ntok, i, &e);
  if (!a && !b)
    return 0;
  *story = b >= a;
  return b >= a ? b : a;
}

int dyad__dict_verb(const dyad_ctx *ctx, uint32_t lemma_id,
                    const struct dyad_verb_pat *const **pats, size_t *n)
{
  const struct dyad_dict *d = ctx->dict;
  *n = 0;
  if (!d || !d->vslots || !lemma_id)
    return 0;
  size_t mask = d->vslots - 1;
  for (size_t j = (lemma_id * 2654435761u) & mask;; j = (j + 1) & mask) {
    if (d->vkeys[j] == lemma_id) {
      *pats = d->vptrs + d->voff[j];
      *n = d->vn[j];
      return 1;
    }
    if (!d->vkeys[j])
      return 0;
  }
}

/* Longest member of set si matching at toks[i]; depth guards cycles. */
static size_t set_match(const struct dyad_dict *d, uint32_t si,
                        const dyad_token *toks, size_t ntok, size_t i,
                        int depth)
{
  if (si >= d->sets.n || depth > 8)
    return 0;
  const struct dyad_verb_set *s = &d->sets.v[si];
  size_t best = 0;
  for (uint32_t m = 0; m < s->nm; m++) {
    const struct dyad_set_member *mb = &d->members.v[s->m0 + m];
    if (mb->nw == 0) {
      size_t r = set_match(d, (uint32_t)mb->setref, toks, ntok, i, depth + 1);
      if (r > best)
        best = r;
      continue;
    }
    if (mb->nw <= best || i + mb->nw > ntok)
      continue;
    uint32_t k = 0;
    for (; k < mb->nw; k++)
      if (!dyad__dict_word_eq(&toks[i + k], d->setwords.v[mb->w0 + k], 0))
        break;
    if (k == mb->nw)
      best = mb->nw;
  }
  return best;
}

size_t dyad__dict_item_match(const dyad_ctx *ctx,
                             const struct dyad_verb_item *it,
                             const dyad_token *toks, size_t ntok, size_t i)
{
  if (i >= ntok || !ctx->dict)
    return 0;
  if (it->kind == DYAD_VI_WORD && (it->flags & DYAD_VIF_PETR) &&
      (ctx->flags & DYAD_CFG_LITERAL))
    return toks[i].form == it->id ? 1 : 0;
  if (it->kind == DYAD_VI_WORD)
    return dyad__dict_word_eq(&toks[i], it->id, it->lemma) ? 1 : 0;
  if (it->kind == DYAD_VI_SET)
    return set_match(ctx->dict, it->id, toks, ntok, i, 0);
  return 0;
}

/* Does the comma list roles hold role (ASCII case-insensitive)? */
static int has_role(const char *roles, const char *role, size_t n)
{
  const char *p = roles;
  while (*p) {
    while (*p == ' ' || *p == ',')
      p++;
    const char *e = p;
    while (*e && *e != ',')
      e++;
    const char *t = e;
    while (t > p && t[-1] == ' ')
      t--;
    if ((size_t)(t - p) == n && strncasecmp(p, role, n) == 0)
      return 1;
    p = e;
  }
  return 0;
}

/* A linear scan over the live people: descriptions are rare next to
 * names, and a person table is a few thousand entries. */
size_t dyad__dict_role(const dyad_ctx *ctx, const char *country,
                       const char *role, size_t role_len, dyad_date date,
                       uint32_t *entry)
{
  const struct dyad_dict *d = ctx->dict;
  size_t found = 0;
  if (!d || !country || !role || !role_len || !date)
    return 0;
  for (size_t k = 0; k < d->actors.n; k++) {
    const struct dyad_actor *a = &d->actors.v[k];
    if (a->type != DYAD_AT_PERSON || strcmp(a->country, country) != 0 ||
        !has_role(a->roles, role, role_len))
      continue;
    /* skip entries no phrase points at any more (overridden) */
    const struct dyad_actor_code *c = &d->acodes.v[a->code0];
    int on = 0;
    for (uint32_t j = 0; j < a->ncode && !on; j++)
      on = c[j].dated && (!c[j].from || date >= c[j].from) &&
           (!c[j].to || date <= c[j].to);
    if (!on || k >= d->nlive || !d->live[k])
      continue;
    if (!found)
      *entry = (uint32_t)k;
    found++;
  }
  return found;
}
