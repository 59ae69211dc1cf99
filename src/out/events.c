/*
 * events.c: the event, quote and skip writers: JSON Lines (one record per
 * line) and a GDELT-style TSV table. Both only read the analysed doc, so any
 * number of threads may write their own docs at once.
 *
 * Every event carries its evidence: the byte spans of source, verb and
 * target in the document text, the sentence, and the dictionary rule.
 */
#include "../internal.h"

#define ADD(s) do { if (dyad__buf_adds(out, (s))) return DYAD_ENOMEM; } while (0)
#define ADDN(s, n) do { if (dyad__buf_add(out, (s), (n))) return DYAD_ENOMEM; } while (0)
#define PRINTF(...) do { if (dyad__buf_printf(out, __VA_ARGS__)) return DYAD_ENOMEM; } while (0)
#define JSTR(s, n) do { if (dyad__buf_addc(out, '"') || dyad__buf_json_str(out, (s), (n)) || dyad__buf_addc(out, '"')) return DYAD_ENOMEM; } while (0)

/* Text of a span, clipped to the document. */
static const char *spantext(const dyad_doc *doc, dyad_span s, size_t *len)
{
  if (s.off > doc->text_len || s.len > doc->text_len - s.off) {
    *len = 0;
    return "";
  }
  *len = s.len;
  return doc->text + s.off;
}

/* "source":{"code":..,"text":..,"span":[b,e]} */
static dyad_status actor(const dyad_doc *doc, dyad_buf *out, const char *key,
                         const char *code, dyad_span s)
{
  size_t n;
  const char *t = spantext(doc, s, &n);
  PRINTF(",\"%s\":{\"code\":", key);
  JSTR(code, strlen(code));
  if (s.len) {
    ADD(",\"text\":");
    JSTR(t, n);
    PRINTF(",\"span\":[%u,%u]", s.off, s.off + s.len);
  }
  ADD("}");
  return DYAD_OK;
}

static dyad_status sentence(const dyad_doc *doc, dyad_buf *out, uint32_t si)
{
  if (si >= doc->sents.n)
    return DYAD_OK;
  const dyad_sentence *s = &doc->sents.v[si];
  ADD(",\"sentence\":");
  JSTR(doc->text + s->off, s->len);
  return DYAD_OK;
}

static dyad_status place(const dyad_doc *doc, dyad_buf *out, int32_t pi,
                         const char *why)
{
  if (pi < 0 || (size_t)pi >= doc->places.n)
    return DYAD_OK;
  const dyad_place *p = &doc->places.v[pi];
  ADD(",\"location\":{\"name\":");
  JSTR(p->name ? p->name : "", p->name ? strlen(p->name) : 0);
  ADD(",\"country\":");
  JSTR(p->country, strlen(p->country));
  PRINTF(",\"lat\":%.4f,\"lon\":%.4f,\"geonameid\":%u", p->lat, p->lon,
         p->geonameid);
  if (why) {
    ADD(",\"rule\":");
    JSTR(why, strlen(why));
  }
  ADD("}");
  return DYAD_OK;
}

static dyad_status event_json(const dyad_doc *doc, const dyad_event *e,
                              dyad_buf *out)
{
  char d[11], ed[11];
  dyad_date_format(doc->date, d);
  dyad_date_format(e->event_date ? e->event_date : doc->date, ed);
  ADD("{\"type\":\"event\",\"doc\":");
  JSTR(doc->id, doc->id_len);
  PRINTF(",\"sent\":%u,\"date\":\"%s\",\"event_date\":\"%s\","
         "\"event_date_from\":\"%s\"",
         e->sent, d, ed,
         (e->flags & DYAD_EVF_DATE_TEXT) ? "text" : "article");
  dyad_status st = actor(doc, out, "source", e->source, e->source_span);
  if (st == DYAD_OK)
    st = actor(doc, out, "target", e->target, e->target_span);
  if (st != DYAD_OK)
    return st;
  ADD(",\"code\":");
  JSTR(e->code, strlen(e->code));
  PRINTF(",\"root\":\"%.2s\"", e->code);
  dyad_cameo c;
  if (dyad_ctx_cameo(doc->ctx, e->code, strlen(e->code), &c) == DYAD_OK) {
    PRINTF(",\"quad\":%d,\"goldstein\":%.1f,\"plover\":", c.quad, c.goldstein);
    JSTR(c.plover, strlen(c.plover));
    ADD(",\"name\":");
    JSTR(c.name, strlen(c.name));
  }
  size_t vn;
  const char *vt = spantext(doc, e->verb_span, &vn);
  ADD(",\"verb\":{\"text\":");
  JSTR(vt, vn);
  PRINTF(",\"span\":[%u,%u]}", e->verb_span.off,
         e->verb_span.off + e->verb_span.len);
  if (e->flags & DYAD_EVF_NEGATED)
    ADD(",\"negated\":true");
  if (e->flags & DYAD_EVF_NOUN)
    ADD(",\"by\":\"noun\"");
  if (e->flags & DYAD_EVF_REPORTED)
    ADD(",\"reported\":true");
  if (e->flags & DYAD_EVF_QUOTE)
    ADD(",\"in_quote\":true");
  if ((st = place(doc, out, e->place, e->place_rule)) != DYAD_OK)
    return st;
  if ((st = sentence(doc, out, e->sent)) != DYAD_OK)
    return st;
  ADD(",\"rule\":");
  JSTR(e->rule ? e->rule : "", e->rule ? strlen(e->rule) : 0);
  ADD("}\n");
  return DYAD_OK;
}

static dyad_status quote_json(const dyad_doc *doc, const dyad_quote *q,
                              dyad_buf *out)
{
  size_t n;
  const char *t = spantext(doc, q->span, &n);
  ADD("{\"type\":\"quote\",\"doc\":");
  JSTR(doc->id, doc->id_len);
  PRINTF(",\"sent\":%u,\"text\":", q->sent);
  JSTR(t, n);
  PRINTF(",\"span\":[%u,%u],\"partial\":%s", q->span.off,
         q->span.off + q->span.len, (q->flags & 1) ? "true" : "false");
  if (q->speaker_span.len || q->speaker[0]) {
    t = spantext(doc, q->speaker_span, &n);
    ADD(",\"speaker\":{\"text\":");
    JSTR(t, n);
    ADD(",\"code\":");
    JSTR(q->speaker, strlen(q->speaker));
    PRINTF(",\"span\":[%u,%u]}", q->speaker_span.off,
           q->speaker_span.off + q->speaker_span.len);
  } else {
    ADD(",\"speaker\":null");
  }
  t = spantext(doc, q->cue_span, &n);
  ADD(",\"cue\":");
  JSTR(t, n);
  ADD("}\n");
  return DYAD_OK;
}

/* {"type":"skip","doc","sent","stage","text","span","reason"}: a
 * candidate dropped as bad input (only present with DYAD_CFG_EXPLAIN). */
static dyad_status skip_json(const dyad_doc *doc, const dyad_skip *k,
                             dyad_buf *out)
{
  size_t n;
  const char *t = spantext(doc, k->span, &n);
  ADD("{\"type\":\"skip\",\"doc\":");
  JSTR(doc->id, doc->id_len);
  PRINTF(",\"sent\":%u,\"stage\":", k->sent);
  JSTR(k->stage, strlen(k->stage));
  ADD(",\"text\":");
  JSTR(t, n);
  PRINTF(",\"span\":[%u,%u],\"reason\":", k->span.off,
         k->span.off + k->span.len);
  JSTR(k->reason, strlen(k->reason));
  ADD("}\n");
  return DYAD_OK;
}

dyad_status dyad_doc_write_jsonl(const dyad_doc *doc, dyad_buf *out)
{
  for (size_t i = 0; i < doc->events.n; i++) {
    dyad_status st = event_json(doc, &doc->events.v[i], out);
    if (st != DYAD_OK)
      return st;
  }
  for (size_t i = 0; i < doc->quotes.n; i++) {
    dyad_status st = quote_json(doc, &doc->quotes.v[i], out);
    if (st != DYAD_OK)
      return st;
  }
  for (size_t i = 0; i < doc->skips.n; i++) {
    dyad_status st = skip_json(doc, &doc->skips.v[i], out);
    if (st != DYAD_OK)
      return st;
  }
  return DYAD_OK;
}

const char *dyad_tsv_header(void)
{
  return "doc\tsent\tdate\tevent_date\tsource\tsource_text\ttarget\t"
         "target_text\tcode\troot\tquad\tgoldstein\tplover\tverb\t"
         "location\tcountry\tlat\tlon\trule\tsentence\n";
}

/* A TSV field: tabs and newlines become spaces. */
static dyad_status field(dyad_buf *out, const char *s, size_t n, int last)
{
  if (dyad__buf_grow(out, n + 1))
    return DYAD_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    out->ptr[out->len++] = (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  }
  out->ptr[out->len++] = last ? '\n' : '\t';
  out->ptr[out->len] = '\0';
  return DYAD_OK;
}

#define FIELD(s, n, last) do { dyad_status st_ = field(out, (s), (n), (last)); if (st_ != DYAD_OK) return st_; } while (0)

dyad_status dyad_doc_write_tsv(const dyad_doc *doc, dyad_buf *out)
{
  char num[64];
  for (size_t i = 0; i < doc->events.n; i++) {
    const dyad_event *e = &doc->events.v[i];
    char d[11], ed[11];
    size_t n;
    const char *t;
    dyad_date_format(doc->date, d);
    dyad_date_format(e->event_date ? e->event_date : doc->date, ed);
    FIELD(doc->id, doc->id_len, 0);
    int k = snprintf(num, sizeof(num), "%u", e->sent);
    FIELD(num, (size_t)k, 0);
    FIELD(d, 10, 0);
    FIELD(ed, 10, 0);
    FIELD(e->source, strlen(e->source), 0);
    t = spantext(doc, e->source_span, &n);
    FIELD(t, n, 0);
    FIELD(e->target, strlen(e->target), 0);
    t = spantext(doc, e->target_span, &n);
    FIELD(t, n, 0);
    FIELD(e->code, strlen(e->code), 0);
    FIELD(e->code, 2, 0);
    dyad_cameo c;
    if (dyad_ctx_cameo(doc->ctx, e->code, strlen(e->code), &c) == DYAD_OK) {
      k = snprintf(num, sizeof(num), "%d", c.quad);
      FIELD(num, (size_t)k, 0);
      k = snprintf(num, sizeof(num), "%.1f", c.goldstein);
      FIELD(num, (size_t)k, 0);
      FIELD(c.plover, strlen(c.plover), 0);
    } else {
      FIELD("", 0, 0);
      FIELD("", 0, 0);
      FIELD("", 0, 0);
    }
    t = spantext(doc, e->verb_span, &n);
    FIELD(t, n, 0);
    if (e->place >= 0 && (size_t)e->place < doc->places.n) {
      const dyad_place *p = &doc->places.v[e->place];
      FIELD(p->name ? p->name : "", p->name ? strlen(p->name) : 0, 0);
      FIELD(p->country, strlen(p->country), 0);
      k = snprintf(num, sizeof(num), "%.4f", p->lat);
      FIELD(num, (size_t)k, 0);
      k = snprintf(num, sizeof(num), "%.4f", p->lon);
      FIELD(num, (size_t)k, 0);
    } else {
      for (int j = 0; j < 4; j++)
        FIELD("", 0, 0);
    }
    FIELD(e->rule ? e->rule : "", e->rule ? strlen(e->rule) : 0, 0);
    if (e->sent < doc->sents.n) {
      const dyad_sentence *s = &doc->sents.v[e->sent];
      FIELD(doc->text + s->off, s->len, 1);
    } else {
      FIELD("", 0, 1);
    }
  }
  return DYAD_OK;
}
