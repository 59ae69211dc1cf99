/*
 * chunktest.h: builds a tagged document by hand for the phrase and clause
 * tests, so they do not depend on the tokenizer or the tagger.
 *
 * tagged_doc(ctx, "Xi/NNP 's/POS visit/NN ended/VBD/end ./.") makes one
 * sentence of tokens "word/TAG" or "word/TAG/lemma" (the lemma defaults to
 * the lowercased word). " || " separates sentences. A word written ~word
 * is flagged DATELINE; the words between the pseudo-tokens { and } are
 * flagged INQUOTE. Then dyad__phrases runs on the doc.
 */
#ifndef DYAD_CHUNKTEST_H
#define DYAD_CHUNKTEST_H

#include "testutil.h"

#include <ctype.h>

static inline uint32_t ct_intern(dyad_ctx *ctx, const char *s, size_t n)
{
  char low[128];
  if (n >= sizeof(low))
    n = sizeof(low) - 1;
  for (size_t k = 0; k < n; k++)
    low[k] = (char)tolower((unsigned char)s[k]);
  uint32_t id = dyad__vocab_add(&ctx->vocab, low, n);
  assert_true(id != 0);
  return id;
}

/* Fills doc (already reset or new) from spec and runs the phrase stage. */
static inline void ct_fill(dyad_doc *doc, const char *spec)
{
  dyad_ctx *ctx = doc->ctx;
  const struct dyad_allocator *a = &ctx->alloc;
  doc->toks.n = doc->sents.n = doc->phrases.n = doc->clauses.n = 0;
  size_t cap = strlen(spec) + 1;
  char *text = dyad__arena_alloc(&doc->arena, cap);
  assert_non_null(text);
  size_t tlen = 0;
  int inq = 0;
  uint32_t sent_start = 0;
  const char *p = spec;
  for (;;) {
    while (*p == ' ')
      p++;
    const char *q = p;
    while (*q && *q != ' ')
      q++;
    int last = q == p;
    if (last || (q - p == 2 && p[0] == '|' && p[1] == '|')) {
      if (doc->toks.n > sent_start || !last) {
        dyad_sentence *s = dyad_vec_push(a, doc->sents);
        assert_non_null(s);
        s->tok = sent_start;
        s->ntok = (uint32_t)doc->toks.n - sent_start;
        sent_start = (uint32_t)doc->toks.n;
      }
      if (last)
        break;
      p = q;
      continue;
    }
    if (q - p == 1 && (*p == '{' || *p == '}')) {
      inq = *p == '{';
      p = q;
      continue;
    }
    uint16_t flags = 0;
    if (*p == '~') {
      flags |= DYAD_TOKF_DATELINE;
      p++;
    }
    const char *s1 = p + 1; /* a word is at least one char: "/" may be one */
    while (s1 < q && *s1 != '/')
      s1++;
    assert_true(s1 < q);
    const char *s2 = s1 + 1;
    while (s2 < q && *s2 != '/')
      s2++;
    dyad_token *t = dyad_vec_push(a, doc->toks);
    assert_non_null(t);
    size_t wl = (size_t)(s1 - p);
    if (tlen)
      text[tlen++] = ' ';
    t->off = (uint32_t)tlen;
    t->len = (uint32_t)wl;
    memcpy(text + tlen, p, wl);
    tlen += wl;
    t->tag = (uint8_t)dyad_tag_parse(s1 + 1, (size_t)(s2 - s1 - 1));
    assert_true(t->tag != DYAD_TAG_NONE);
    t->form = ct_intern(ctx, p, wl);
    t->lemma = s2 < q ? ct_intern(ctx, s2 + 1, (size_t)(q - s2 - 1))
                      : t->form;
    if (isupper((unsigned char)*p))
      flags |= DYAD_TOKF_CAP;
    int lower = 0;
    for (size_t k = 0; k < wl; k++)
      lower |= islower((unsigned char)p[k]);
    if ((flags & DYAD_TOKF_CAP) && !lower && wl > 1)
      flags |= DYAD_TOKF_ALLCAPS;
    if (inq)
      flags |= DYAD_TOKF_INQUOTE;
    t->flags = flags;
    t->kind = isalnum((unsigned char)*p) ? DYAD_TK_WORD : DYAD_TK_PUNCT;
    p = q;
  }
  text[tlen] = '\0';
  doc->text = text;
  doc->text_len = tlen;
  assert_int_equal(dyad__phrases(doc), DYAD_OK);
}

static inline dyad_doc *tagged_doc(dyad_ctx *ctx, const char *spec)
{
  dyad_doc *doc = dyad_doc_new(ctx);
  assert_non_null(doc);
  ct_fill(doc, spec);
  return doc;
}

/* The index of the first phrase of kind whose head token is the word w
 * (first occurrence in the doc), or -1. */
static inline int32_t ct_phrase(const dyad_doc *doc, int kind, const char *w)
{
  for (size_t k = 0; k < doc->phrases.n; k++) {
    const dyad_phrase *x = &doc->phrases.v[k];
    const dyad_token *h = &doc->toks.v[x->head];
    if (x->kind == kind && h->len == strlen(w) &&
        memcmp(doc->text + h->off, w, h->len) == 0)
      return (int32_t)k;
  }
  return -1;
}

/* The clause whose verb group is headed by word w, or NULL. */
static inline const dyad_clause *ct_clause(const dyad_doc *doc, const char *w)
{
  int32_t vg = ct_phrase(doc, DYAD_PH_VG, w);
  for (size_t k = 0; vg >= 0 && k < doc->clauses.n; k++)
    if (doc->clauses.v[k].verb == vg)
      return &doc->clauses.v[k];
  return NULL;
}

/* The head word of phrase ph ("" for -1), in a static-free caller buffer. */
static inline const char *ct_head(const dyad_doc *doc, int32_t ph, char *buf,
                                  size_t cap)
{
  buf[0] = '\0';
  if (ph < 0 || (size_t)ph >= doc->phrases.n)
    return buf;
  const dyad_token *h = &doc->toks.v[doc->phrases.v[ph].head];
  size_t n = h->len < cap - 1 ? h->len : cap - 1;
  memcpy(buf, doc->text + h->off, n);
  buf[n] = '\0';
  return buf;
}

#define assert_head(doc, ph, word)                                          \
  do {                                                                      \
    char hb_[64];                                                           \
    assert_string_equal(ct_head((doc), (ph), hb_, sizeof(hb_)), (word));    \
  } while (0)

#endif
