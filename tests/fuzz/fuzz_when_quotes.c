/*
 * fuzz_when_quotes.c: libFuzzer entry for the temporal tagger, the event
 * date rule and the quotation stage. Any bytes are analysed (with the
 * lexicon) through DYAD_STAGE_WHEN and DYAD_STAGE_QUOTES; a violated
 * invariant traps: timex and quote spans lie inside the text, values are
 * terminated, a full-day value is a real calendar day, a quote's speaker
 * phrase is an NP of the doc, dyad__event_date gives 0 or a real day
 * for every clause, and each skip (the ctx has DYAD_CFG_EXPLAIN) covers
 * bytes of the text in a sentence of the doc and has a stage and reason.
 */
#include "fuzz.h"
#include "when/when.h"

static int inside(dyad_span s, size_t size)
{
  return s.off <= size && s.len <= size - s.off;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static dyad_ctx *ctx;
  static dyad_doc *doc;
  if (size > 65536)
    return 0;
  if (!ctx) {
    dyad_config cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.flags = DYAD_CFG_EXPLAIN;
    ctx = dyad_ctx_new(&cfg);
    CHECK(ctx != NULL && dyad_ctx_load_lexicon(ctx) == DYAD_OK);
    doc = dyad_doc_new(ctx);
    CHECK(doc != NULL);
  }
  dyad_date date = size && data[0] < 128 ? 19000101 + data[0] * 10000
                                         : 20230322;
  dyad_article a = fuzz_article(data, size, date);
  CHECK(dyad_doc_analyze(doc, &a, DYAD_STAGE_PARSE | DYAD_STAGE_WHEN |
                                      DYAD_STAGE_QUOTES) == DYAD_OK);
  for (size_t i = 0; i < doc->timexes.n; i++) {
    const dyad_timex *x = &doc->timexes.v[i];
    CHECK(inside(x->span, size) && x->span.len > 0);
    CHECK(memchr(x->value, '\0', sizeof(x->value)) != NULL);
    CHECK(memchr(x->type, '\0', sizeof(x->type)) != NULL);
    const char *v = x->value;
    if (strlen(v) >= 10 && v[4] == '-' && v[7] == '-' && v[8] >= '0' &&
        v[8] <= '9')
      CHECK(dyad__timex_day(v) != 0);
  }
  for (size_t i = 0; i < doc->quotes.n; i++) {
    const dyad_quote *q = &doc->quotes.v[i];
    CHECK(inside(q->span, size) && inside(q->speaker_span, size) &&
          inside(q->cue_span, size));
    CHECK(q->speaker_phrase < 0 ||
          ((size_t)q->speaker_phrase < doc->phrases.n &&
           doc->phrases.v[q->speaker_phrase].kind == DYAD_PH_NP));
  }
  for (size_t i = 0; i < doc->skips.n; i++) {
    const dyad_skip *k = &doc->skips.v[i];
    CHECK(inside(k->span, size) && k->span.len > 0);
    CHECK(k->sent < doc->sents.n && k->stage && k->reason);
  }
  for (size_t i = 0; i < doc->clauses.n; i++) {
    int from = -1;
    dyad_date d = dyad__event_date(doc, &doc->clauses.v[i], &from);
    CHECK(from == (d != 0));
    CHECK(d == 0 || (d % 100 >= 1 && d % 100 <= 31));
  }
  return 0;
}
