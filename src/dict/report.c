/*
 * report.c: the public views of the loaded dictionaries behind
 * `dyad dict`: counts (stats), the entries a phrase matches (lookup) and
 * the lint (check). Read-only over ctx->dict; "live" entries are those a
 * trie node or the verb index still points at (overridden ones are not).
 */
#include "dict.h"

const char *dyad_dict_actor_type(int type)
{
  return dyad__actor_type_name(type);
}

/* Marks live entries of a kind range: OUT mark[entry] = 1. */
static void mark_live(const struct dyad_dict *d, int k0, int k1, uint8_t *mark,
                      size_t n, size_t *phrases)
{
  for (size_t k = 0; k < d->nodes.n; k++) {
    const struct dyad_trie_node *t = &d->nodes.v[k];
    if (t->entry < 0 || t->kind < k0 || t->kind > k1)
      continue;
    if (phrases && !t->gen)
      (*phrases)++;
    if (t->entry < (int32_t)n)
      mark[t->entry] = 1;
  }
}

static int code_root(const char *code)
{
  if (!code[0] || !code[1] || code[0] < '0' || code[0] > '9' ||
      code[1] < '0' || code[1] > '9')
    return 0;
  int r = (code[0] - '0') * 10 + (code[1] - '0');
  return r >= 1 && r <= 20 ? r : 0;
}

dyad_status dyad_ctx_dict_stats(const dyad_ctx *ctx, dyad_dict_stats *out)
{
  dyad_dict_stats s;
  memset(&s, 0, sizeof(s));
  const struct dyad_dict *d = ctx ? ctx->dict : NULL;
  s.codebook = dyad__codebook_size(ctx);
  if (!d) {
    *out = s;
    return DYAD_OK;
  }
  size_t n = d->actors.n;
  if (d->agents.n > n)
    n = d->agents.n;
  if (d->nouns.n > n)
    n = d->nouns.n;
  if (d->discards.n > n)
    n = d->discards.n;
  uint8_t *mark = dyad__calloc(&ctx->alloc, n + 1);
  if (!mark)
    return DYAD_ENOMEM;
  mark_live(d, DYAD_DK_ACTOR, DYAD_DK_ACTOR, mark, d->actors.n, NULL);
  for (size_t k = 0; k < d->actors.n; k++) {
    if (!mark[k])
      continue;
    const struct dyad_actor *a = &d->actors.v[k];
    s.actors++;
    s.actor_types[a->type < 9 ? a->type : 0]++;
    s.actor_codes += a->ncode;
    for (uint32_t j = 0; j < a->ncode; j++)
      s.actor_dated += d->acodes.v[a->code0 + j].dated;
  }
  memset(mark, 0, n + 1);
  mark_live(d, DYAD_DK_AGENT, DYAD_DK_AGENT, mark, d->agents.n, NULL);
  for (size_t k = 0; k < d->agents.n; k++)
    s.agents += mark[k];
  memset(mark, 0, n + 1);
  mark_live(d, DYAD_DK_NOUN, DYAD_DK_NOUN, mark, d->nouns.n, NULL);
  for (size_t k = 0; k < d->nouns.n; k++)
    s.nouns += mark[k];
  memset(mark, 0, n + 1);
  mark_live(d, DYAD_DK_DISCARD, DYAD_DK_DISCARD_STORY, mark, d->discards.n,
            NULL);
  for (size_t k = 0; k < d->discards.n; k++)
    s.discards += mark[k];
  dyad__free(&ctx->alloc, mark, n + 1);
  uint8_t cm[1];
  mark_live(d, DYAD_DK_CUE, DYAD_DK_COUNT - 1, cm, 0, &s.cues);
  s.verb_lemmas = d->nverbs;
  s.verb_patterns = d->nvptrs;
  for (size_t k = 0; k < d->nvptrs; k++) {
    const struct dyad_verb_pat *p = d->vptrs[k];
    s.pattern_roots[code_root(p->code[0] ? p->code : p->mirror)]++;
  }
  s.synsets = d->counts.synsets;
  s.verb_blocks = d->counts.verb_blocks;
  s.verb_lines = d->counts.verb_lines;
  s.pattern_lines = d->counts.patterns;
  s.transforms = d->counts.transforms;
  s.files = d->counts.files;
  s.lines = d->counts.lines;
  s.skipped = d->counts.skipped;
  s.problems = d->problems.n;
  s.errors = d->nerrors;
  *out = s;
  return DYAD_OK;
}

size_t dyad_ctx_dict_problems(const dyad_ctx *ctx, const char *const **list)
{
  const struct dyad_dict *d = ctx ? ctx->dict : NULL;
  if (!d || !d->problems.n) {
    *list = NULL;
    return 0;
  }
  *list = (const char *const *)d->problems.v;
  return d->problems.n;
}

/* ==== lookup =========================================================== */

#define LMAX 64

static int put_codes(dyad_buf *b, const struct dyad_dict *d,
                     const struct dyad_actor *a)
{
  int rc = 0;
  for (uint32_t j = 0; j < a->ncode && rc == 0; j++) {
    const struct dyad_actor_code *c = &d->acodes.v[a->code0 + j];
    rc |= dyad__buf_printf(b, "%s%s", j ? ", " : "", c->code);
    if (c->dated) {
      char f[11] = "", t[11] = "";
      if (c->from)
        dyad_date_format(c->from, f);
      if (c->to)
        dyad_date_format(c->to, t);
      rc |= dyad__buf_printf(b, "@%s..%s", f, t);
    }
  }
  return rc;
}

static const char *word(const dyad_ctx *ctx, uint32_t id)
{
  const char *s = dyad__vocab_str(&ctx->vocab, id, NULL);
  return s ? s : "?";
}

/* Writes a pattern in the native notation: VERB [< pre... >] post... */
static int put_pattern(dyad_buf *b, const dyad_ctx *ctx, uint32_t lemma,
                       const struct dyad_verb_pat *p)
{
  int rc = dyad__buf_adds(b, word(ctx, lemma));
  for (size_t k = 0; k < p->nitems; k++) {
    const struct dyad_verb_item *it = &p->items[k];
    if (k == 0 && p->npre)
      rc |= dyad__buf_adds(b, " <");
    if (k == p->npre && p->npre)
      rc |= dyad__buf_adds(b, " >");
    switch (it->kind) {
    case DYAD_VI_WORD:
      rc |= dyad__buf_printf(b, " %s", word(ctx, it->id));
      break;
    case DYAD_VI_SET:
      rc |= dyad__buf_printf(b, " &%s", ctx->dict->sets.v[it->id].name);
      break;
    case DYAD_VI_TARGET: rc |= dyad__buf_adds(b, " *"); break;
    case DYAD_VI_SOURCE: rc |= dyad__buf_adds(b, " $"); break;
    case DYAD_VI_ANY: rc |= dyad__buf_adds(b, " ^"); break;
    default: rc |= dyad__buf_adds(b, " %"); break;
    }
  }
  rc |= dyad__buf_printf(b, " = %s%s%s", p->code, p->mirror[0] ? ":" : "",
                         p->mirror);
  if (p->passive[0])
    rc |= dyad__buf_printf(b, " ; passive=%s", p->passive);
  if (p->speech)
    rc |= dyad__buf_adds(b, " ; speech=1");
  return rc;
}

/* Looks up the id of a folded word, or of its folded form; 0: unknown. */
static uint32_t find_word(const dyad_ctx *ctx, const char *s, size_t n)
{
  char buf[256];
  size_t m = dyad__fold(s, n, buf, sizeof(buf));
  if (m == (size_t)-1 || m == 0)
    return 0;
  return dyad__vocab_find(&ctx->vocab, buf, m);
}

/* Crude verb lemmas of a word: strips -s, -es, -ed, -d, -ing. */
static size_t verb_stems(const dyad_ctx *ctx, const char *word0, size_t wl,
                         uint32_t *out)
{
  size_t n, k = 0;
  char fold[256];
  n = dyad__fold(word0, wl, fold, sizeof(fold));
  if (n == (size_t)-1)
    return 0;
  const char *s = fold;
  static const char *const suf[] = {"ies", "es", "s", "ied", "ed", "d",
                                    "ing"};
  static const char *const rep[] = {"y", "", "", "y", "", "", ""};
  char buf[256];
  for (size_t j = 0; s && j < DYAD_ARRAY_LEN(suf) && k < 8; j++) {
    size_t sl = strlen(suf[j]);
    if (n <= sl + 1 || n >= sizeof(buf) || strcmp(s + n - sl, suf[j]))
      continue;
    size_t m = n - sl;
    memcpy(buf, s, m);
    memcpy(buf + m, rep[j], strlen(rep[j]));
    m += strlen(rep[j]);
    uint32_t w = dyad__vocab_find(&ctx->vocab, buf, m);
    if (w)
      out[k++] = w;
    if (j == 6 && m > 2 && buf[m - 1] == buf[m - 2]) { /* stopping -> stop */
      w = dyad__vocab_find(&ctx->vocab, buf, m - 1);
      if (w)
        out[k++] = w;
    }
    if ((j == 6 || j == 4) && m + 1 < sizeof(buf)) { /* making -> make */
      buf[m] = 'e';
      w = dyad__vocab_find(&ctx->vocab, buf, m + 1);
      if (w)
        out[k++] = w;
    }
  }
  return k;
}

dyad_status dyad_ctx_dict_lookup(const dyad_ctx *ctx, const char *text,
                                 size_t len, dyad_date date, dyad_buf *out,
                                 size_t *nfound)
{
  const struct dyad_dict *d = ctx->dict;
  dyad_token toks[LMAX];
  const char *wp[LMAX];
  size_t wl[LMAX];
  size_t n = 0, found = 0;
  int rc = 0;
  /* the text goes through the tokenizer, as an article would; lemmas are
   * the crude singular (the tagger is not needed for a lookup) */
  dyad_doc *doc = dyad_doc_new((dyad_ctx *)ctx);
  if (!doc)
    return DYAD_ENOMEM;
  dyad_article art;
  memset(&art, 0, sizeof(art));
  art.text = text;
  art.text_len = len;
  dyad_status st = dyad_doc_analyze(doc, &art, DYAD_STAGE_TOKENS);
  if (st != DYAD_OK) {
    dyad_doc_free(doc);
    return st;
  }
  size_t nt, dlen;
  const dyad_token *dt = dyad_doc_tokens(doc, &nt);
  const char *dtext = dyad_doc_text(doc, &dlen);
  for (size_t k = 0; k < nt && n < LMAX; k++) {
    toks[n] = dt[k];
    wp[n] = dtext + dt[k].off;
    wl[n] = dt[k].len;
    toks[n].form = find_word(ctx, wp[n], wl[n]);
    toks[n].lemma = toks[n].form ? dyad__dict_singular((dyad_ctx *)ctx,
                                                       toks[n].form, 0)
                                 : 0;
    n++;
  }
  if (!d) {
    dyad_doc_free(doc);
    if (nfound)
      *nfound = 0;
    return DYAD_OK;
  }
  static const char *const cue_names[DYAD_CUE_COUNT] = {
      "negation", "negverb", "modal",  "future", "intent",
      "threat",   "conditional", "report", "deny"};
  for (size_t i = 0; i < n && rc == 0; i++) {
    struct dyad_actor_hit h;
    size_t m = dyad__dict_actor(ctx, toks, n, i, date, &h);
    if (m) {
      const struct dyad_actor *a = &d->actors.v[h.entry];
      rc |= dyad__buf_printf(out, "actor   \"%.*s\" -> %s  [", 
                             (int)(wp[i + m - 1] + wl[i + m - 1] - wp[i]),
                             wp[i], h.code ? h.code : "(none on this date)");
      rc |= put_codes(out, d, a);
      rc |= dyad__buf_adds(out, "]");
      if (a->type)
        rc |= dyad__buf_printf(out, " type=%s",
                               dyad__actor_type_name(a->type));
      if (a->roles[0])
        rc |= dyad__buf_printf(out, " role=%s", a->roles);
      if (a->sex)
        rc |= dyad__buf_printf(out, " sex=%c", a->sex);
      if (a->country[0])
        rc |= dyad__buf_printf(out, " country=%s", a->country);
      rc |= dyad__buf_printf(out, "  %s\n", a->rule);
      found++;
    }
    const struct dyad_agent *ag;
    m = dyad__dict_agent(ctx, toks, n, i, &ag);
    if (m) {
      rc |= dyad__buf_printf(
          out, "agent   \"%.*s\" -> %s%s%s%s  %s\n",
          (int)(wp[i + m - 1] + wl[i + m - 1] - wp[i]), wp[i],
          ag->prefix ? "" : "~", ag->code, ag->prefix ? "~" : "",
          ag->title ? " title=1" : "", ag->rule);
      found++;
    }
    const struct dyad_noun *nn;
    m = dyad__dict_noun(ctx, toks, n, i, &nn);
    if (m) {
      rc |= dyad__buf_printf(out, "noun    \"%.*s\" -> %s%s%s",
                             (int)(wp[i + m - 1] + wl[i + m - 1] - wp[i]),
                             wp[i], nn->code, nn->mirror[0] ? ":" : "",
                             nn->mirror);
      for (int j = 0; j < nn->nprep; j++)
        rc |= dyad__buf_printf(out, "%s%s", j ? "," : " prep=",
                               word(ctx, nn->preps[j]));
      rc |= dyad__buf_printf(out, "%s  %s\n",
                             nn->clause_obj ? " clause=obj" : "", nn->rule);
      found++;
    }
    for (int c = 0; c < DYAD_CUE_COUNT; c++) {
      int32_t e;
      m = dyad__trie_match(d, DYAD_DK_CUE + c, toks, n, i, &e);
      if (m) {
        rc |= dyad__buf_printf(out, "cue     \"%.*s\" -> %s  %s\n",
                               (int)(wp[i + m - 1] + wl[i + m - 1] - wp[i]),
                               wp[i], cue_names[c], d->cues.v[e]);
        found++;
      }
    }
    for (int c = DYAD_DK_DISCARD; c <= DYAD_DK_DISCARD_STORY; c++) {
      int32_t e;
      m = dyad__trie_match(d, c, toks, n, i, &e);
      if (m) {
        rc |= dyad__buf_printf(out, "discard \"%.*s\" -> %s  %s\n",
                               (int)(wp[i + m - 1] + wl[i + m - 1] - wp[i]),
                               wp[i],
                               c == DYAD_DK_DISCARD ? "sentence" : "story",
                               d->discards.v[e]);
        found++;
      }
    }
    /* verbs: the word itself and its crude stems */
    uint32_t cand[9];
    size_t nc = 0;
    if (toks[i].form)
      cand[nc++] = toks[i].form;
    nc += verb_stems(ctx, wp[i], wl[i], cand + nc);
    for (size_t c = 0; c < nc; c++) {
      int dupl = 0;
      for (size_t j = 0; j < c; j++)
        dupl |= cand[j] == cand[c];
      const struct dyad_verb_pat *const *pats;
      size_t np;
      if (dupl || !dyad__dict_verb(ctx, cand[c], &pats, &np))
        continue;
      for (size_t j = 0; j < np && rc == 0; j++) {
        rc |= dyad__buf_adds(out, "verb    ");
        rc |= put_pattern(out, ctx, cand[c], pats[j]);
        rc |= dyad__buf_printf(out, "  %s\n", pats[j]->rule);
        found++;
      }
    }
  }
  dyad_doc_free(doc);
  if (rc)
    return DYAD_ENOMEM;
  if (nfound)
    *nfound = found;
  return DYAD_OK;
}

/* ==== check ============================================================ */

static int event_ok(const dyad_ctx *ctx, const char *c, int have_cb)
{
  if (!c[0] || strcmp(c, "---") == 0)
    return 1;
  if (!code_root(c))
    return 0;
  return !have_cb || dyad__codebook_find(ctx, c, strlen(c)) != NULL;
}

static int check_event(const dyad_ctx *ctx, dyad_buf *out, const char *rule,
                       const char *what, const char *c, int have_cb,
                       size_t *errors)
{
  if (event_ok(ctx, c, have_cb))
    return 0;
  (*errors)++;
  if (!code_root(c))
    return dyad__buf_printf(out, "%s: %s code %s has no known CAMEO root "
                                 "(01..20)\n", rule, what, c);
  return dyad__buf_printf(out, "%s: %s code %s is not in the codebook\n",
                          rule, what, c);
}

dyad_status dyad_ctx_dict_check(const dyad_ctx *ctx, dyad_buf *out,
                                size_t *errors, size_t *warnings)
{
  const struct dyad_dict *d = ctx->dict;
  size_t ne = 0, nw = 0;
  int rc = 0;
  int have_cb = dyad__codebook_size(ctx) > 0;
  if (d) {
    for (size_t k = 0; k < d->problems.n && rc == 0; k++) {
      const char *p = d->problems.v[k];
      if (strstr(p, ": warning: "))
        nw++;
      else
        ne++;
      rc |= dyad__buf_printf(out, "%s\n", p);
    }
    size_t n = d->actors.n > d->nouns.n ? d->actors.n : d->nouns.n;
    n = n > d->pats.n ? n : d->pats.n;
    uint8_t *mark = dyad__calloc(&ctx->alloc, n + 1);
    if (!mark)
      return DYAD_ENOMEM;
    mark_live(d, DYAD_DK_ACTOR, DYAD_DK_ACTOR, mark, d->actors.n, NULL);
    for (size_t k = 0; k < d->actors.n && rc == 0; k++) {
      if (!mark[k])
        continue;
      const struct dyad_actor *a = &d->actors.v[k];
      const struct dyad_actor_code *c = &d->acodes.v[a->code0];
      for (uint32_t i = 0; i < a->ncode; i++) {
        size_t cl = strlen(c[i].code);
        if (strcmp(c[i].code, "---") && cl % 3 != 0) {
          nw++;
          rc |= dyad__buf_printf(out, "%s: warning: actor code %s is not "
                                      "made of 3-letter parts\n",
                                 a->rule, c[i].code);
        }
        for (uint32_t j = i + 1; j < a->ncode && c[i].dated; j++) {
          if (!c[j].dated || strcmp(c[i].code, c[j].code) == 0)
            continue;
          dyad_date f1 = c[i].from ? c[i].from : 0;
          dyad_date t1 = c[i].to ? c[i].to : 99991231;
          dyad_date f2 = c[j].from ? c[j].from : 0;
          dyad_date t2 = c[j].to ? c[j].to : 99991231;
          if (f1 <= t2 && f2 <= t1) {
            ne++;
            rc |= dyad__buf_printf(out,
                                   "%s: overlapping date ranges with "
                                   "different codes for '%s': %s and %s\n",
                                   a->rule, a->phrase, c[i].code, c[j].code);
          }
        }
      }
    }
    memset(mark, 0, n + 1);
    mark_live(d, DYAD_DK_NOUN, DYAD_DK_NOUN, mark, d->nouns.n, NULL);
    for (size_t k = 0; k < d->nouns.n && rc == 0; k++) {
      if (!mark[k])
        continue;
      const struct dyad_noun *nn = &d->nouns.v[k];
      rc |= check_event(ctx, out, nn->rule, "noun", nn->code, have_cb, &ne);
      rc |= check_event(ctx, out, nn->rule, "noun", nn->mirror, have_cb, &ne);
    }
    memset(mark, 0, n + 1);
    for (size_t k = 0; k < d->nvptrs; k++)
      mark[d->vptrs[k] - d->pats.v] = 1;
    for (size_t k = 0; k < d->pats.n && rc == 0; k++) {
      if (!mark[k])
        continue;
      const struct dyad_verb_pat *p = &d->pats.v[k];
      rc |= check_event(ctx, out, p->rule, "pattern", p->code, have_cb, &ne);
      rc |= check_event(ctx, out, p->rule, "pattern", p->mirror, have_cb,
                        &ne);
      rc |= check_event(ctx, out, p->rule, "pattern", p->passive, have_cb,
                        &ne);
    }
    dyad__free(&ctx->alloc, mark, n + 1);
  }
  if (rc)
    return DYAD_ENOMEM;
  *errors = ne;
  *warnings = nw;
  return DYAD_OK;
}
