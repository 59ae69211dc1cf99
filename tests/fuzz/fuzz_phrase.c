/*
 * fuzz_phrase.c: libFuzzer entry for the phrase chunker and the clause
 * segmenter (src/text/phrase.c, clause.c) and their writer. The input is
 * read as tagged tokens, three bytes each: a tag, a word (from a list of
 * the function words the parser looks at, plus a few content words) and
 * flags (dateline, inside a quotation); a 0xFF tag byte ends a sentence.
 * So any byte string is a tag sequence, however ungrammatical. The
 * invariants of the phrase and clause arrays are checked and a violation
 * traps; then the text and JSON writers run on every sentence.
 */
#include "fuzz.h"

static const char *const words[] = {
    "the", "a", "that", "which", "who", "whose", "what", "to", "of", "by",
    "for", "on", "at", "least", "more", "than", "up", "as", "if", "after",
    "because", "when", "where", "and", "or", ",", ";", ":", "-", "(", ")",
    "\"", "?", ".", "is", "was", "been", "has", "had", "did", "not", "n't",
    "never", "no", "longer", "will", "could", "going", "go", "say", "said",
    "told", "urge", "intend", "threaten", "refuse", "plan", "there", "it",
    "he", "they", "himself", "both", "many", "including", "according",
    "monday", "week", "time", "spend", "russia", "attack", "troops",
    "become", "such", "about", "so"};
#define NWORDS (sizeof(words) / sizeof(words[0]))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static dyad_ctx *ctx;
  static dyad_doc *doc;
  static uint32_t ids[NWORDS];
  static char text[65536 / 3 * 12];
  if (size > 65536)
    return 0;
  if (!ctx) {
    ctx = dyad_ctx_new(NULL);
    doc = ctx ? dyad_doc_new(ctx) : NULL;
    CHECK(doc != NULL);
    for (size_t k = 0; k < NWORDS; k++)
      ids[k] = dyad__vocab_add(&ctx->vocab, words[k], strlen(words[k]));
  }
  const struct dyad_allocator *a = &ctx->alloc;
  doc->toks.n = doc->sents.n = doc->phrases.n = doc->clauses.n = 0;
  dyad__arena_reset(&doc->arena);
  size_t tl = 0;
  uint32_t start = 0;
  for (size_t i = 0; i + 2 < size; i += 3) {
    if (data[i] == 0xFF) {
      dyad_sentence *s = dyad_vec_push(a, doc->sents);
      CHECK(s != NULL);
      s->tok = start;
      s->ntok = (uint32_t)doc->toks.n - start;
      start = (uint32_t)doc->toks.n;
      continue;
    }
    const char *w = words[data[i + 1] % NWORDS];
    size_t wl = strlen(w);
    dyad_token *t = dyad_vec_push(a, doc->toks);
    CHECK(t != NULL);
    t->off = (uint32_t)tl;
    t->len = (uint32_t)wl;
    memcpy(text + tl, w, wl);
    tl += wl;
    text[tl++] = ' ';
    t->tag = (uint8_t)(1 + data[i] % (DYAD_TAG_COUNT - 1));
    t->form = t->lemma = ids[data[i + 1] % NWORDS];
    t->kind = DYAD_TK_WORD;
    t->flags = (uint16_t)(((data[i + 2] & 1) ? DYAD_TOKF_DATELINE : 0) |
                          ((data[i + 2] & 2) ? DYAD_TOKF_INQUOTE : 0) |
                          ((data[i + 2] & 4) ? DYAD_TOKF_OPENQ : 0) |
                          ((data[i + 2] & 8) ? DYAD_TOKF_CLOSEQ : 0));
  }
  if (doc->toks.n > start) {
    dyad_sentence *s = dyad_vec_push(a, doc->sents);
    CHECK(s != NULL);
    s->tok = start;
    s->ntok = (uint32_t)doc->toks.n - start;
  }
  doc->text = text;
  doc->text_len = tl;
  CHECK(dyad__phrases(doc) == DYAD_OK);

  size_t np = doc->phrases.n, nc = doc->clauses.n;
  for (size_t k = 0; k < np; k++) {
    const dyad_phrase *x = &doc->phrases.v[k];
    CHECK(x->ntok >= 1 && x->tok + x->ntok <= doc->toks.n);
    CHECK(x->head >= x->tok && x->head < x->tok + x->ntok);
    CHECK(x->kind >= DYAD_PH_NP && x->kind <= DYAD_PH_PP);
    int32_t refs[] = {x->poss, x->conj, x->attach, x->up, x->next_pp};
    for (size_t r = 0; r < sizeof(refs) / sizeof(refs[0]); r++)
      CHECK(refs[r] >= -1 && refs[r] < (int32_t)np);
    CHECK(x->up < (int32_t)k); /* an enclosing phrase comes first */
    if (x->kind == DYAD_PH_PP)
      CHECK(x->child > (int32_t)k && x->child < (int32_t)np);
    if (k > 0)
      CHECK(doc->phrases.v[k - 1].tok <= x->tok);
  }
  for (size_t si = 0; si < doc->sents.n; si++) {
    const dyad_sentence *s = &doc->sents.v[si];
    CHECK(s->clause + s->nclause <= nc);
    CHECK(s->ntok == 0 ? s->nclause == 0 : s->nclause >= 1);
    for (uint32_t j = s->clause; j < s->clause + s->nclause; j++) {
      const dyad_clause *c = &doc->clauses.v[j];
      int32_t refs[] = {c->verb, c->subj, c->obj, c->obj2, c->antecedent,
                        c->speaker};
      for (size_t r = 0; r < sizeof(refs) / sizeof(refs[0]); r++)
        CHECK(refs[r] >= -1 && refs[r] < (int32_t)np);
      CHECK(c->parent == -1 ||
            (c->parent >= (int32_t)s->clause &&
             c->parent < (int32_t)(s->clause + s->nclause) &&
             c->parent != (int32_t)j));
      CHECK(c->tok >= s->tok && c->tok + c->ntok <= s->tok + s->ntok);
      CHECK(c->kind >= DYAD_CL_MAIN && c->kind <= DYAD_CL_PART);
      int32_t p = c->npp ? (int32_t)c->pp : -1;
      for (uint32_t n = 0; n < c->npp; n++) {
        CHECK(p >= 0 && doc->phrases.v[p].kind == DYAD_PH_PP);
        p = doc->phrases.v[p].next_pp;
      }
      CHECK(p == -1);
      if (c->verb >= 0)
        CHECK(doc->phrases.v[c->verb].kind == DYAD_PH_VG);
    }
  }
  dyad_buf out = {0};
  for (size_t si = 0; si < doc->sents.n; si++) {
    CHECK(dyad__write_phrases(doc, si, 0, &out) == 0);
    CHECK(dyad__write_phrases(doc, si, 1, &out) == 0);
    out.len = 0;
  }
  dyad_buf_release(&out);
  return 0;
}
