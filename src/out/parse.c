/*
 * parse.c: the `dyad parse` writer (dyad_doc_write_parse): sentences and
 * their tokens with tags, lemmas and flags, then whatever the later stages
 * add through the hooks in src/internal.h (phrases and clauses per
 * sentence; temporal expressions and places per document).
 *
 * Text mode, one document:
 *   doc ID DATE
 *   sent INDEX [BEGIN,END) para P FLAGS
 *     OFF<TAB>LEN<TAB>TEXT<TAB>TAG<TAB>LEMMA<TAB>FLAGS     (one per token)
 *   ... phrase lines, then timex and place lines, then skip lines (only
 *   with DYAD_CFG_EXPLAIN) ...
 *   (a blank line)
 * Missing values print as "-". The SPACE flag is left out in both modes:
 * the spans already show where white space lies.
 *
 * JSON mode: one object per document on one line:
 *   {"doc":ID,"date":"YYYY-MM-DD","sentences":[{"span":[b,e],"para":P,
 *    "flags":[...],"tokens":[{"text":T,"span":[b,e],"tag":TAG,
 *    "lemma":L,"flags":[...]}...] <phrases hook>}...] <timex/place hooks>
 *    [,"skips":[...] with DYAD_CFG_EXPLAIN]}
 * Spans are [begin, end) byte offsets into the document text; tag and lemma
 * are null when unknown; token "flags" is left out when empty. Bytes that
 * are not valid UTF-8 are written as U+FFFD so the line stays valid JSON.
 */
#include "../internal.h"

static const char *const tokflag_names[] = {
    "CAP", "ALLCAPS", "ABBREV", "HYPHEN", "SPACE", "PARA",
    "DATELINE", "OPENQ", "CLOSEQ", "INQUOTE", "CLITIC"};

static const char *const sentflag_names[] = {"CAPTION", "CREDIT", "DATELINE",
                                             "TITLE", "PARA"};

/* Appends the names of the set bits of flags, joined by sep (text mode) or
 * as a JSON array of strings. skip masks bits to leave out. Writes "-" in
 * text mode when none is set. */
static int flag_list(dyad_buf *out, uint32_t flags, uint32_t skip,
                     const char *const *names, size_t nnames, int json)
{
  int any = 0;
  if (json && dyad__buf_addc(out, '['))
    return -1;
  for (size_t b = 0; b < nnames; b++) {
    if (!(flags & (1u << b)) || (skip & (1u << b)))
      continue;
    if (any && dyad__buf_addc(out, ','))
      return -1;
    if (json ? dyad__buf_printf(out, "\"%s\"", names[b])
             : dyad__buf_adds(out, names[b]))
      return -1;
    any = 1;
  }
  if (json)
    return dyad__buf_addc(out, ']');
  return any ? 0 : dyad__buf_addc(out, '-');
}

/* Appends s as JSON string contents, replacing invalid UTF-8 bytes. */
static int json_text(dyad_buf *out, const char *s, size_t len)
{
  while (len > 0) {
    size_t ok = dyad__utf8_valid_prefix(s, len);
    if (dyad__buf_json_str(out, s, ok))
      return -1;
    if (ok == len)
      return 0;
    if (dyad__buf_adds(out, "\\ufffd"))
      return -1;
    s += ok + 1;
    len -= ok + 1;
  }
  return 0;
}

/* What stages dropped as bad input (only recorded with
 * DYAD_CFG_EXPLAIN, so nothing is written otherwise). Text mode:
 *   skip SENT [b,e) STAGE TEXT<TAB>REASON
 * JSON mode: ,"skips":[{"sent","stage","text","span","reason"}...] */
static int write_skips(const dyad_doc *doc, int json, dyad_buf *out)
{
  if (!doc->skips.n)
    return 0;
  if (json && dyad__buf_adds(out, ",\"skips\":["))
    return -1;
  for (size_t i = 0; i < doc->skips.n; i++) {
    const dyad_skip *k = &doc->skips.v[i];
    const char *p = doc->text + k->span.off;
    if (json) {
      if ((i && dyad__buf_addc(out, ',')) ||
          dyad__buf_printf(out, "{\"sent\":%u,\"stage\":\"%s\",\"text\":\"",
                           k->sent, k->stage) ||
          json_text(out, p, k->span.len) ||
          dyad__buf_printf(out, "\",\"span\":[%u,%u],\"reason\":\"%s\"}",
                           k->span.off, k->span.off + k->span.len,
                           k->reason))
        return -1;
    } else if (dyad__buf_printf(out, "skip %u [%u,%u) %s ", k->sent,
                                k->span.off, k->span.off + k->span.len,
                                k->stage) ||
               dyad__buf_add(out, p, k->span.len) ||
               dyad__buf_printf(out, "\t%s\n", k->reason)) {
      return -1;
    }
  }
  return json ? dyad__buf_addc(out, ']') : 0;
}

static int write_text(const dyad_doc *doc, dyad_buf *out)
{
  char date[11] = "-";
  if (doc->date)
    dyad_date_format(doc->date, date);
  if (dyad__buf_adds(out, "doc ") ||
      dyad__buf_add(out, doc->id_len ? doc->id : "-",
                    doc->id_len ? doc->id_len : 1) ||
      dyad__buf_printf(out, " %s\n", date))
    return -1;
  for (size_t si = 0; si < doc->sents.n; si++) {
    const dyad_sentence *s = &doc->sents.v[si];
    if (dyad__buf_printf(out, "sent %zu [%u,%u) para %u ", si, s->off,
                         s->off + s->len, s->para) ||
        flag_list(out, s->flags, 0, sentflag_names,
                  DYAD_ARRAY_LEN(sentflag_names), 0) ||
        dyad__buf_addc(out, '\n'))
      return -1;
    for (size_t ti = s->tok; ti < (size_t)s->tok + s->ntok; ti++) {
      const dyad_token *t = &doc->toks.v[ti];
      const char *tag = dyad_tag_name((dyad_tag)t->tag);
      size_t llen = 0;
      const char *lemma = dyad_ctx_word(doc->ctx, t->lemma, &llen);
      if (!tag || !*tag)
        tag = "-";
      if (!lemma) {
        lemma = "-";
        llen = 1;
      }
      if (dyad__buf_printf(out, "  %u\t%u\t", t->off, t->len) ||
          dyad__buf_add(out, doc->text + t->off, t->len) ||
          dyad__buf_printf(out, "\t%s\t", tag) ||
          dyad__buf_add(out, lemma, llen) || dyad__buf_addc(out, '\t') ||
          flag_list(out, t->flags, DYAD_TOKF_SPACE, tokflag_names,
                    DYAD_ARRAY_LEN(tokflag_names), 0) ||
          dyad__buf_addc(out, '\n'))
        return -1;
    }
    if (dyad__write_phrases(doc, si, 0, out))
      return -1;
  }
  if (dyad__write_timexes(doc, 0, out) || dyad__write_places(doc, 0, out) ||
      write_skips(doc, 0, out))
    return -1;
  return dyad__buf_addc(out, '\n');
}

static int write_json(const dyad_doc *doc, dyad_buf *out)
{
  if (dyad__buf_adds(out, "{\"doc\":\"") ||
      json_text(out, doc->id, doc->id_len) ||
      dyad__buf_adds(out, "\",\"date\":"))
    return -1;
  if (doc->date) {
    char date[11];
    dyad_date_format(doc->date, date);
    if (dyad__buf_printf(out, "\"%s\"", date))
      return -1;
  } else if (dyad__buf_adds(out, "null")) {
    return -1;
  }
  if (dyad__buf_adds(out, ",\"sentences\":["))
    return -1;
  for (size_t si = 0; si < doc->sents.n; si++) {
    const dyad_sentence *s = &doc->sents.v[si];
    if ((si && dyad__buf_addc(out, ',')) ||
        dyad__buf_printf(out, "{\"span\":[%u,%u],\"para\":%u,\"flags\":",
                         s->off, s->off + s->len, s->para) ||
        flag_list(out, s->flags, 0, sentflag_names,
                  DYAD_ARRAY_LEN(sentflag_names), 1) ||
        dyad__buf_adds(out, ",\"tokens\":["))
      return -1;
    for (size_t ti = s->tok; ti < (size_t)s->tok + s->ntok; ti++) {
      const dyad_token *t = &doc->toks.v[ti];
      const char *tag = dyad_tag_name((dyad_tag)t->tag);
      size_t llen = 0;
      const char *lemma = dyad_ctx_word(doc->ctx, t->lemma, &llen);
      if ((ti > s->tok && dyad__buf_addc(out, ',')) ||
          dyad__buf_adds(out, "{\"text\":\"") ||
          json_text(out, doc->text + t->off, t->len) ||
          dyad__buf_printf(out, "\",\"span\":[%u,%u],\"tag\":", t->off,
                           t->off + t->len))
        return -1;
      if (tag && *tag ? dyad__buf_printf(out, "\"%s\"", tag)
                      : dyad__buf_adds(out, "null"))
        return -1;
      if (dyad__buf_adds(out, ",\"lemma\":"))
        return -1;
      if (lemma ? (dyad__buf_addc(out, '"') || json_text(out, lemma, llen) ||
                   dyad__buf_addc(out, '"'))
                : dyad__buf_adds(out, "null"))
        return -1;
      if ((t->flags & ~DYAD_TOKF_SPACE) &&
          (dyad__buf_adds(out, ",\"flags\":") ||
           flag_list(out, t->flags, DYAD_TOKF_SPACE, tokflag_names,
                     DYAD_ARRAY_LEN(tokflag_names), 1)))
        return -1;
      if (dyad__buf_addc(out, '}'))
        return -1;
    }
    if (dyad__buf_addc(out, ']') || dyad__write_phrases(doc, si, 1, out) ||
        dyad__buf_addc(out, '}'))
      return -1;
  }
  if (dyad__buf_addc(out, ']') || dyad__write_timexes(doc, 1, out) ||
      dyad__write_places(doc, 1, out) || write_skips(doc, 1, out) ||
      dyad__buf_adds(out, "}\n"))
    return -1;
  return 0;
}

dyad_status dyad_doc_write_parse(const dyad_doc *doc, int json, dyad_buf *out)
{
  int r = json ? write_json(doc, out) : write_text(doc, out);
  return r ? DYAD_ENOMEM : DYAD_OK;
}
