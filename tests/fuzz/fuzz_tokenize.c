/*
 * fuzz_tokenize.c: libFuzzer entry for the tokenizer, the sentence
 * splitter and the parse writer. Any bytes (invalid UTF-8, NULs, lone
 * quotes) are analysed through DYAD_STAGE_SENTENCES; the invariants of
 * src/text/tokenize.c and sentence.c are checked and a violation traps:
 * tokens non-empty, in order, inside the text; sentences cover every token
 * once with matching spans. The text and JSON writers then run on the doc.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static dyad_ctx *ctx;
  static dyad_doc *doc;
  if (size > 65536)
    return 0;
  if (!ctx) {
    ctx = dyad_ctx_new(NULL);
    doc = ctx ? dyad_doc_new(ctx) : NULL;
    CHECK(doc != NULL);
  }
  dyad_article a = fuzz_article(data, size, 20230322);
  CHECK(dyad_doc_analyze(doc, &a, DYAD_STAGE_SENTENCES) == DYAD_OK);
  size_t prev_end = 0;
  for (size_t i = 0; i < doc->toks.n; i++) {
    const dyad_token *t = &doc->toks.v[i];
    CHECK(t->len > 0);
    CHECK(t->off >= prev_end);
    CHECK((size_t)t->off + t->len <= size);
    CHECK(t->kind >= DYAD_TK_WORD && t->kind <= DYAD_TK_URL);
    prev_end = t->off + t->len;
  }
  size_t next = 0;
  for (size_t i = 0; i < doc->sents.n; i++) {
    const dyad_sentence *s = &doc->sents.v[i];
    CHECK(s->tok == next && s->ntok > 0);
    next = s->tok + s->ntok;
    CHECK(next <= doc->toks.n);
    const dyad_token *z = &doc->toks.v[next - 1];
    CHECK(s->off == doc->toks.v[s->tok].off);
    CHECK(s->off + s->len == z->off + z->len);
  }
  CHECK(next == doc->toks.n);
  dyad_buf out = {0};
  CHECK(dyad_doc_write_parse(doc, 0, &out) == DYAD_OK);
  out.len = 0;
  CHECK(dyad_doc_write_parse(doc, 1, &out) == DYAD_OK);
  dyad_buf_release(&out);
  return 0;
}
