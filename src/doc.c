/*
 * doc.c: the document (dyad_doc) and the pipeline that runs over it.
 *
 * A doc is reused from one article to the next: dyad_doc_analyze resets the
 * arena and the result vectors (keeping their memory), copies the article
 * in, and runs the requested stages in pipeline order. Stages only append
 * to the doc; none allocates per token outside the doc's vectors/arena.
 */
#include "internal.h"

#include <stdio.h>

dyad_doc *dyad_doc_new(dyad_ctx *ctx)
{
  dyad_doc *doc = dyad__calloc(&ctx->alloc, sizeof(*doc));
  if (!doc)
    return NULL;
  doc->ctx = ctx;
  dyad__arena_init(&doc->arena, &ctx->alloc, 256 * 1024);
  return doc;
}

void dyad_doc_free(dyad_doc *doc)
{
  if (!doc)
    return;
  const struct dyad_allocator *a = &doc->ctx->alloc;
  dyad__coder_state_free(doc);
  dyad__tag_state_free(doc);
  dyad__arena_release(&doc->arena);
  dyad_vec_free(a, doc->toks);
  dyad_vec_free(a, doc->sents);
  dyad_vec_free(a, doc->phrases);
  dyad_vec_free(a, doc->clauses);
  dyad_vec_free(a, doc->events);
  dyad_vec_free(a, doc->timexes);
  dyad_vec_free(a, doc->places);
  dyad_vec_free(a, doc->quotes);
  dyad_vec_free(a, doc->skips);
  dyad__free(a, doc, sizeof(*doc));
}

static void reset(dyad_doc *doc)
{
  dyad__arena_reset(&doc->arena);
  doc->toks.n = doc->sents.n = doc->phrases.n = doc->clauses.n = 0;
  doc->events.n = doc->timexes.n = doc->places.n = doc->quotes.n = 0;
  doc->skips.n = 0;
  doc->stages_done = 0;
  doc->errmsg[0] = '\0';
  doc->text = doc->id = doc->title = "";
  doc->text_len = doc->id_len = doc->title_len = 0;
  doc->date = 0;
}

/* Adds the stages that the requested ones depend on. */
static uint32_t closure(uint32_t st)
{
  if (st & (DYAD_STAGE_EVENTS | DYAD_STAGE_QUOTES))
    st |= DYAD_STAGE_PHRASES | DYAD_STAGE_WHEN | DYAD_STAGE_WHERE;
  if (st & DYAD_STAGE_EVENTS)
    st |= DYAD_STAGE_QUOTES;
  if (st & (DYAD_STAGE_PHRASES | DYAD_STAGE_WHEN | DYAD_STAGE_WHERE))
    st |= DYAD_STAGE_TAGS;
  if (st & DYAD_STAGE_TAGS)
    st |= DYAD_STAGE_SENTENCES;
  if (st & DYAD_STAGE_SENTENCES)
    st |= DYAD_STAGE_TOKENS;
  return st;
}

dyad_status dyad_doc_analyze(dyad_doc *doc, const dyad_article *art,
                             uint32_t stages)
{
  reset(doc);
  if (art->text_len > UINT32_MAX - 1)
    return DYAD_ETOOBIG;
  uint32_t cf = doc->ctx->flags;
  /* the text and DYAD_TEXT_PAD zero bytes: stages may load 16 bytes at
   * any token without a bounds check */
  char *text = dyad__arena_alloc(&doc->arena, art->text_len + DYAD_TEXT_PAD);
  if (text) {
    if (art->text_len)
      memcpy(text, art->text, art->text_len);
    memset(text + art->text_len, 0, DYAD_TEXT_PAD);
  }
  doc->text = text;
  doc->id = dyad__arena_strndup(&doc->arena, art->id ? art->id : "",
                                art->id_len);
  doc->title = dyad__arena_strndup(&doc->arena, art->title ? art->title : "",
                                   art->title_len);
  if (!doc->text || !doc->id || !doc->title)
    return DYAD_ENOMEM;
  doc->text_len = art->text_len;
  doc->id_len = art->id_len;
  doc->title_len = art->title_len;
  doc->date = art->date;

  stages = closure(stages);
  if (cf & DYAD_CFG_NO_WHEN)
    stages &= ~(uint32_t)DYAD_STAGE_WHEN;
  if (cf & DYAD_CFG_NO_WHERE)
    stages &= ~(uint32_t)DYAD_STAGE_WHERE;
  if (cf & DYAD_CFG_NO_QUOTES)
    stages &= ~(uint32_t)DYAD_STAGE_QUOTES;

  static const struct {
    uint32_t bit;
    dyad_status (*run)(dyad_doc *);
  } pipeline[] = {
      {DYAD_STAGE_TOKENS, dyad__tokenize},
      {DYAD_STAGE_SENTENCES, dyad__sentences},
      {DYAD_STAGE_TAGS, dyad__tag},
      {DYAD_STAGE_PHRASES, dyad__phrases},
      {DYAD_STAGE_WHEN, dyad__timexes},
      {DYAD_STAGE_WHERE, dyad__places},
      {DYAD_STAGE_QUOTES, dyad__quotes},
      {DYAD_STAGE_EVENTS, dyad__code},
  };
  for (size_t i = 0; i < DYAD_ARRAY_LEN(pipeline); i++) {
    if (!(stages & pipeline[i].bit))
      continue;
    dyad_status st = pipeline[i].run(doc);
    if (st != DYAD_OK)
      return st;
    doc->stages_done |= pipeline[i].bit;
  }
  return DYAD_OK;
}

const char *dyad_doc_text(const dyad_doc *doc, size_t *len)
{
  *len = doc->text_len;
  return doc->text;
}

const char *dyad_doc_id(const dyad_doc *doc, size_t *len)
{
  *len = doc->id_len;
  return doc->id;
}

dyad_date dyad_doc_date(const dyad_doc *doc)
{
  return doc->date;
}

const char *dyad_doc_errmsg(const dyad_doc *doc)
{
  return doc->errmsg;
}

#define ACCESSOR(name, type, vec)                                           \
  const type *name(const dyad_doc *doc, size_t *n)                          \
  {                                                                         \
    *n = doc->vec.n;                                                        \
    return doc->vec.v;                                                      \
  }
ACCESSOR(dyad_doc_tokens, dyad_token, toks)
ACCESSOR(dyad_doc_sentences, dyad_sentence, sents)
ACCESSOR(dyad_doc_phrases, dyad_phrase, phrases)
ACCESSOR(dyad_doc_clauses, dyad_clause, clauses)
ACCESSOR(dyad_doc_events, dyad_event, events)
ACCESSOR(dyad_doc_timexes, dyad_timex, timexes)
ACCESSOR(dyad_doc_places, dyad_place, places)
ACCESSOR(dyad_doc_quotes, dyad_quote, quotes)
ACCESSOR(dyad_doc_skips, dyad_skip, skips)

dyad_status dyad__skip(dyad_doc *doc, uint32_t sent, uint32_t off,
                       uint32_t end, const char *stage, const char *reason)
{
  if (DYAD_LIKELY(!(doc->ctx->flags & DYAD_CFG_EXPLAIN)))
    return DYAD_OK;
  dyad_skip *k = dyad_vec_push(&doc->ctx->alloc, doc->skips);
  if (!k)
    return DYAD_ENOMEM;
  k->sent = sent;
  k->span.off = off;
  k->span.len = end > off ? end - off : 0;
  k->stage = stage;
  k->reason = reason;
  return DYAD_OK;
}
