/*
 * tagtest.h: helpers shared by the tagger and lemma tests: a doc built by
 * splitting a sentence on spaces (so the tests do not depend on the
 * tokenizer), tagged by dyad__tag.
 */
#ifndef DYAD_TAGTEST_H
#define DYAD_TAGTEST_H

#include "testutil.h"

/* Tags text (tokens separated by single spaces) as one sentence. */
static inline dyad_doc *tag_words(dyad_ctx *ctx, const char *text)
{
  dyad_doc *doc = test_doc(ctx, text, 0);
  doc->toks.n = doc->sents.n = 0;
  const struct dyad_allocator *a = &ctx->alloc;
  size_t n = strlen(text);
  int open = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && text[j] != ' ')
      j++;
    dyad_token *t = dyad_vec_push(a, doc->toks);
    assert_non_null(t);
    t->off = (uint32_t)i;
    t->len = (uint32_t)(j - i);
    unsigned char c = (unsigned char)text[i];
    if (c >= '0' && c <= '9')
      t->kind = DYAD_TK_NUM;
    else if (c == '"') {
      /* as a tokenizer does: quotes alternate open, close */
      t->kind = DYAD_TK_QUOTE;
      open = !open;
      t->flags |= open ? DYAD_TOKF_OPENQ : DYAD_TOKF_CLOSEQ;
    }
    else if ((c | 32) >= 'a' && (c | 32) <= 'z')
      t->kind = DYAD_TK_WORD;
    else if (c == '\'' && j - i > 1)
      t->kind = DYAD_TK_WORD;
    else
      t->kind = DYAD_TK_PUNCT;
    t->flags |= DYAD_TOKF_SPACE;
    if (c >= 'A' && c <= 'Z')
      t->flags |= DYAD_TOKF_CAP;
    int lower = 0;
    for (size_t k = i; k < j; k++)
      lower |= text[k] >= 'a' && text[k] <= 'z';
    if ((t->flags & DYAD_TOKF_CAP) && !lower)
      t->flags |= DYAD_TOKF_ALLCAPS;
    if (j - i > 2 && memchr(text + i + 1, '-', j - i - 2))
      t->flags |= DYAD_TOKF_HYPHEN; /* as the tokenizer marks an inner - */
    i = j + 1;
  }
  dyad_sentence *s = dyad_vec_push(a, doc->sents);
  assert_non_null(s);
  s->tok = 0;
  s->ntok = (uint32_t)doc->toks.n;
  s->len = (uint32_t)n;
  assert_int_equal(dyad__tag(doc), DYAD_OK);
  return doc;
}

/* The tags of the doc's tokens joined by spaces ("DT NN VBD"), in buf. */
static inline const char *tags_of(const dyad_doc *doc, char *buf, size_t cap)
{
  size_t len = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < doc->toks.n; i++) {
    int w = snprintf(buf + len, cap - len, "%s%s", i ? " " : "",
                     dyad_tag_name((dyad_tag)doc->toks.v[i].tag));
    if (w < 0 || (size_t)w >= cap - len)
      break;
    len += (size_t)w;
  }
  return buf;
}

/* The lemma string of token i ("" when it has no lemma id). */
static inline const char *lemma_of(const dyad_doc *doc, size_t i, char *buf,
                                   size_t cap)
{
  size_t n = 0;
  const char *s = dyad_ctx_word(doc->ctx, doc->toks.v[i].lemma, &n);
  if (!s)
    n = 0;
  if (n >= cap)
    n = cap - 1;
  memcpy(buf, s ? s : "", n);
  buf[n] = '\0';
  return buf;
}

#endif
