/*
 * petrxml.c: PETRARCH XML input, record by record, through the bounded
 * window. Items come from the scanner (xmlscan.c) one at a time; a
 * <Sentence> is assembled as its items go by (attributes and text are
 * copied out at once), so the window only ever holds one item, never a
 * whole record. The public reader keeps the sentences; dyad__petr_next
 * also returns the <Environment> children and the <Config> elements.
 *
 * Forgiving by design: unknown elements are ignored, nesting is not
 * checked beyond what a record needs. A <Sentence> left open when the next
 * one starts, or at the end of input, is reported as a bad record.
 */
#include "read.h"

#include <strings.h>

#include "xmlscan.h"

/* What the text of the current element is collected into. */
enum { CAP_NONE, CAP_TEXT, CAP_PARSE, CAP_ENV };

/* The record being assembled (lives for one dyad__read_xml call). */
struct sent {
  int active;            /* inside <Sentence> */
  uint64_t line;         /* line of its start tag */
  dyad_status st;        /* first problem found, DYAD_OK if none */
  const char *attrs;     /* raw attribute text of the start tag */
  size_t attrs_len;
  const char *id, *date, *category, *source; /* decoded attributes */
  size_t id_len, date_len, category_len, source_len;
  int has_text;          /* a <Text> element was seen */
  int cap;               /* CAP_* */
  const char *cap_name;  /* element whose text is collected (static or
                            arena string, never in the window) */
  size_t cap_name_len;
  uint64_t cap_line;     /* line where the collected element starts */
};

static int is(const struct dyad_xml_item *it, const char *name)
{
  size_t n = strlen(name);
  return it->name_len == n && memcmp(it->name, name, n) == 0;
}

/* An attribute, entity-decoded and NUL-terminated in the arena; NULL when
 * absent (or out of memory: *oom set). */
static const char *attr(dyad_reader *r, const struct dyad_xml_item *it,
                        const char *name, size_t *len, int *oom)
{
  const char *v;
  size_t vl;
  *len = 0;
  if (!dyad__xml_attr(it->body, it->body_len, name, &v, &vl))
    return NULL;
  char *p = dyad__arena_alloc(&r->arena, vl + 1);
  if (!p) {
    *oom = 1;
    return NULL;
  }
  *len = dyad__xml_decode(v, vl, p);
  p[*len] = '\0';
  return p;
}

/* Records the first problem of the sentence (with its message). */
static void sent_fail(dyad_reader *r, struct sent *s, dyad_status st,
                      const char *msg)
{
  if (s->st != DYAD_OK)
    return;
  s->st = st;
  dyad__read_fail_rec(r, st, s->line, s->id, s->id_len, "%s", msg);
}

/* Starts a sentence from its start tag's attribute text. */
static void sent_begin(dyad_reader *r, struct sent *s,
                       const struct dyad_xml_item *it, uint64_t line)
{
  memset(s, 0, sizeof(*s));
  s->active = 1;
  s->line = line;
  int oom = 0;
  s->id = attr(r, it, "id", &s->id_len, &oom);
  s->date = attr(r, it, "date", &s->date_len, &oom);
  s->category = attr(r, it, "category", &s->category_len, &oom);
  s->source = attr(r, it, "source", &s->source_len, &oom);
  s->attrs = dyad__arena_strndup(&r->arena, it->body, it->body_len);
  s->attrs_len = it->body_len;
  if (!s->attrs)
    oom = 1;
  r->text.len = 0;
  r->scratch.len = 0;
  r->codings.n = 0;
  if (oom)
    sent_fail(r, s, DYAD_ENOMEM, "out of memory");
}

/* Adds one <EventCoding> of the current sentence. */
static void add_coding(dyad_reader *r, struct sent *s,
                       const struct dyad_xml_item *it, uint64_t line)
{
  struct dyad_petr_coding *c = dyad_vec_push(&r->a, r->codings);
  int oom = 0;
  if (!c) {
    sent_fail(r, s, DYAD_ENOMEM, "out of memory");
    return;
  }
  size_t nl;
  c->source = attr(r, it, "sourcecode", &c->source_len, &oom);
  c->target = attr(r, it, "targetcode", &c->target_len, &oom);
  c->code = attr(r, it, "eventcode", &c->code_len, &oom);
  c->error = attr(r, it, "error", &c->error_len, &oom);
  const char *ne = attr(r, it, "noevents", &nl, &oom);
  c->noevents = ne && nl == 4 && strncasecmp(ne, "true", 4) == 0;
  c->line = (uint32_t)line;
  if (!c->source)
    c->source = "";
  if (!c->target)
    c->target = "";
  if (!c->code)
    c->code = "";
  if (!c->error)
    c->error = "";
  if (oom)
    sent_fail(r, s, DYAD_ENOMEM, "out of memory");
}

/* Appends the text of an item to the collected element text. */
static void collect(dyad_reader *r, struct sent *s,
                    const struct dyad_xml_item *it)
{
  dyad_buf *b = s->cap == CAP_TEXT ? &r->text : &r->scratch;
  if (b->len + it->body_len > r->opts.max_record) {
    sent_fail(r, s, DYAD_ETOOBIG, "record too large");
    return;
  }
  if (dyad__buf_grow(b, it->body_len)) {
    sent_fail(r, s, DYAD_ENOMEM, "out of memory");
    return;
  }
  if (it->kind == DYAD_XML_CDATA) {
    memcpy(b->ptr + b->len, it->body, it->body_len);
    b->len += it->body_len;
  } else {
    b->len += dyad__xml_decode(it->body, it->body_len, b->ptr + b->len);
  }
  b->ptr[b->len] = '\0';
}

/* Trims white space off both ends of b's text, in place; NUL-terminates. */
static const char *trimmed(dyad_buf *b, size_t *len)
{
  if (!b->ptr) {
    *len = 0;
    return "";
  }
  size_t a = 0, e = b->len;
  while (a < e && strchr(" \t\r\n", b->ptr[a]))
    a++;
  while (e > a && strchr(" \t\r\n", b->ptr[e - 1]))
    e--;
  b->ptr[e] = '\0';
  *len = e - a;
  return b->ptr + a;
}

/* Checks and hands out a complete sentence. */
static dyad_status sent_end(dyad_reader *r, struct sent *s,
                            struct dyad_petr_item *out)
{
  s->active = 0;
  if (s->st != DYAD_OK)
    return s->st;
  dyad_article *a = &out->art;
  if (!s->id || !s->id_len)
    s->id = dyad__read_default_id(r, s->line, &s->id_len);
  if (!s->id)
    return dyad__read_fail(r, DYAD_ENOMEM, "out of memory");
  size_t bad;
  const char *strs[] = {s->id, s->date, s->category, s->source};
  size_t lens[] = {s->id_len, s->date_len, s->category_len, s->source_len};
  for (size_t i = 0; i < DYAD_ARRAY_LEN(strs); i++) {
    dyad_status st;
    if (strs[i] && (st = dyad__read_check_text(strs[i], lens[i], &bad)))
      return dyad__read_fail_rec(r, st, s->line, NULL, 0,
                                 "%s in an attribute",
                                 st == DYAD_EUTF8 ? "invalid utf-8"
                                                  : "binary data");
  }
  if (s->date) {
    if (dyad__read_date(s->date, s->date_len, &a->date) != DYAD_OK)
      return dyad__read_fail_date(r, s->line, s->id, s->id_len, s->date,
                                  s->date_len);
  } else if (r->opts.default_date) {
    a->date = r->opts.default_date;
  } else {
    return dyad__read_fail_rec(r, DYAD_EDATE, s->line, s->id, s->id_len,
                               "missing date");
  }
  if (!s->has_text)
    return dyad__read_fail_rec(r, DYAD_EEMPTY, s->line, s->id, s->id_len,
                               "missing <Text>");
  a->text = trimmed(&r->text, &a->text_len);
  if (a->text_len == 0)
    return dyad__read_fail_rec(r, DYAD_EEMPTY, s->line, s->id, s->id_len,
                               "empty text");
  dyad_status st = dyad__read_check_text(a->text, a->text_len, &bad);
  if (st != DYAD_OK)
    return dyad__read_fail_rec(
        r, st, s->line + dyad__read_count_nl(a->text, bad), s->id,
        s->id_len, "%s",
        st == DYAD_EUTF8 ? "invalid utf-8" : "binary data (nul byte)");
  out->parse = trimmed(&r->scratch, &out->parse_len);
  if (dyad__read_check_text(out->parse, out->parse_len, &bad) != DYAD_OK)
    return dyad__read_fail_rec(r, DYAD_EUTF8, s->line, s->id, s->id_len,
                               "invalid utf-8 in <Parse>");
  for (size_t i = 0; i < r->codings.n; i++) {
    const struct dyad_petr_coding *c = &r->codings.v[i];
    if (dyad__read_check_text(c->source, c->source_len, &bad) ||
        dyad__read_check_text(c->target, c->target_len, &bad) ||
        dyad__read_check_text(c->code, c->code_len, &bad) ||
        dyad__read_check_text(c->error, c->error_len, &bad))
      return dyad__read_fail_rec(r, DYAD_EUTF8, c->line, s->id, s->id_len,
                                 "invalid utf-8 in <EventCoding>");
  }
  out->kind = DYAD_PETR_SENTENCE;
  out->line = (uint32_t)s->line;
  a->id = s->id;
  a->id_len = s->id_len;
  a->source = s->source ? s->source : "";
  a->source_len = s->source_len;
  a->title = a->url = "";
  a->record = (uint32_t)s->line;
  out->attrs = s->attrs ? s->attrs : "";
  out->attrs_len = s->attrs ? s->attrs_len : 0;
  out->category = s->category ? s->category : "";
  out->category_len = s->category_len;
  out->codings = r->codings.v;
  out->ncodings = r->codings.n;
  return DYAD_OK;
}

/* Discards input up to (not including) the next '<' after the first
 * byte, counting lines: how an item too large for the window is skipped. */
static dyad_status skip_item(dyad_reader *r)
{
  struct dyad_rsrc *s = &r->src;
  size_t from = 1;
  for (;;) {
    const char *b = s->base + s->pos;
    size_t avail = s->end - s->pos;
    const char *q = avail > from ? memchr(b + from, '<', avail - from) : NULL;
    size_t n = q ? (size_t)(q - b) : avail;
    r->line += dyad__read_count_nl(b, n);
    s->pos += n;
    if (q)
      return DYAD_OK;
    from = 0;
    int rc = dyad__rsrc_more(&r->a, s);
    if (rc == 0)
      return DYAD_OK;
    if (rc == -3)
      return DYAD_ENOMEM;
    if (rc < 0)
      return DYAD_EIO;
  }
}

/* The next item of the input. Returns 1 with *it (valid until the next
 * call), 0 at the end of input, -1 with *st set: DYAD_ETOOBIG (the item
 * was skipped), DYAD_EIO or DYAD_ENOMEM. *line gets its first line. */
static int next_item(dyad_reader *r, struct dyad_xml_item *it,
                     uint64_t *line, dyad_status *st)
{
  struct dyad_rsrc *s = &r->src;
  for (;;) {
    int rc = dyad__xml_scan(s->base + s->pos, s->end - s->pos, s->eof, it);
    if (rc == 1) {
      *line = r->line + 1;
      r->line += dyad__read_count_nl(s->base + s->pos, it->len);
      s->pos += it->len;
      return 1;
    }
    if (rc < 0 && s->eof)
      return 0;
    rc = dyad__rsrc_more(&r->a, s);
    if (rc == -2) {
      *line = r->line + 1;
      *st = skip_item(r);
      if (*st == DYAD_OK)
        *st = DYAD_ETOOBIG;
      return -1;
    }
    if (rc == -1 || rc == -3) {
      *st = rc == -1 ? DYAD_EIO : DYAD_ENOMEM;
      return -1;
    }
  }
}

dyad_status dyad__read_xml(dyad_reader *r, struct dyad_petr_item *out)
{
  struct sent s;
  memset(&s, 0, sizeof(s));
  memset(out, 0, sizeof(*out));
  r->text.len = 0;
  r->scratch.len = 0;
  r->codings.n = 0;
  if (r->pend.len) { /* a start tag met while the last record was open */
    struct dyad_xml_item it;
    memset(&it, 0, sizeof(it));
    it.body = r->pend.ptr;
    it.body_len = r->pend.len - 1; /* the last byte is a marker */
    sent_begin(r, &s, &it, r->pend_line);
    r->pend.len = 0;
  }
  for (;;) {
    struct dyad_xml_item it;
    uint64_t line = 0;
    dyad_status st = DYAD_OK;
    int rc = next_item(r, &it, &line, &st);
    if (rc == 0) {
      if (s.active) {
        sent_fail(r, &s, DYAD_EXML,
                  "malformed xml: <Sentence> is not closed");
        return s.st;
      }
      return DYAD_EOF;
    }
    if (rc < 0) {
      if (st != DYAD_ETOOBIG)
        return dyad__read_io_fail(r, st);
      if (s.active) {
        sent_fail(r, &s, st, "record too large");
        continue;
      }
      return dyad__read_fail_rec(r, st, line, NULL, 0,
                                 "xml item too large (over %zu bytes)",
                                 r->opts.max_record);
    }
    switch (it.kind) {
    case DYAD_XML_OPEN:
    case DYAD_XML_EMPTY:
      if (is(&it, "Sentence")) {
        if (s.active) {
          /* keep this start tag for the next call */
          if (dyad__buf_add(&r->pend, it.body, it.body_len) ||
              dyad__buf_addc(&r->pend, '\0'))
            return dyad__read_fail(r, DYAD_ENOMEM, "out of memory");
          r->pend_line = line;
          sent_fail(r, &s, DYAD_EXML,
                    "malformed xml: <Sentence> is not closed");
          return s.st;
        }
        memset(out, 0, sizeof(*out)); /* drop a half-read ENV item */
        sent_begin(r, &s, &it, line);
        if (it.kind == DYAD_XML_EMPTY)
          return sent_end(r, &s, out);
      } else if (s.active) {
        if (s.cap != CAP_NONE)
          break; /* markup inside <Text>: keep collecting its text */
        if (is(&it, "Text")) {
          s.has_text = 1;
          r->text.len = 0;
          if (it.kind == DYAD_XML_OPEN)
            s.cap = CAP_TEXT;
        } else if (is(&it, "Parse") && r->petr &&
                   it.kind == DYAD_XML_OPEN) {
          r->scratch.len = 0;
          s.cap = CAP_PARSE;
        } else if (is(&it, "EventCoding")) {
          add_coding(r, &s, &it, line);
        }
        if (s.cap != CAP_NONE) {
          /* never a pointer into the window: a refill moves it */
          s.cap_name = s.cap == CAP_TEXT ? "Text" : "Parse";
          s.cap_name_len = strlen(s.cap_name);
          s.cap_line = line;
        }
      } else if (is(&it, "Environment")) {
        r->xml_in_env = it.kind == DYAD_XML_OPEN;
      } else if (is(&it, "Config")) {
        if (!r->petr)
          break;
        int oom = 0;
        out->kind = DYAD_PETR_CONFIG;
        out->line = (uint32_t)line;
        out->in_env = r->xml_in_env;
        out->name = attr(r, &it, "option", &out->name_len, &oom);
        out->value = attr(r, &it, "value", &out->value_len, &oom);
        if (oom)
          return dyad__read_fail(r, DYAD_ENOMEM, "out of memory");
        if (!out->name || !out->value)
          return dyad__read_fail_rec(r, DYAD_EXML, line, NULL, 0,
                                     "malformed xml: <Config> needs "
                                     "'option' and 'value'");
        return DYAD_OK;
      } else if (r->xml_in_env && r->petr) {
        out->kind = DYAD_PETR_ENV;
        out->line = (uint32_t)line;
        out->name = dyad__arena_strndup(&r->arena, it.name, it.name_len);
        out->name_len = it.name_len;
        out->value = "";
        if (!out->name)
          return dyad__read_fail(r, DYAD_ENOMEM, "out of memory");
        if (it.kind == DYAD_XML_EMPTY)
          return DYAD_OK;
        s.cap = CAP_ENV;
        s.line = line;
        s.cap_name = out->name;
        s.cap_name_len = out->name_len;
        s.cap_line = line;
        r->scratch.len = 0;
      }
      break;
    case DYAD_XML_CLOSE:
      if (s.active && is(&it, "Sentence")) {
        if (s.cap != CAP_NONE)
          sent_fail(r, &s, DYAD_EXML,
                    s.cap == CAP_TEXT ? "malformed xml: <Text> is not closed"
                                      : "malformed xml: <Parse> is not closed");
        return sent_end(r, &s, out);
      }
      if (s.cap != CAP_NONE && it.name_len == s.cap_name_len &&
          memcmp(it.name, s.cap_name, it.name_len) == 0) {
        int was = s.cap;
        s.cap = CAP_NONE;
        if (was == CAP_ENV) {
          out->value = trimmed(&r->scratch, &out->value_len);
          if (dyad__read_check_text(out->value, out->value_len, &(size_t){0}))
            return dyad__read_fail_rec(r, DYAD_EUTF8, s.cap_line, NULL, 0,
                                       "invalid utf-8 in <%s>", out->name);
          return DYAD_OK;
        }
      } else if (s.cap == CAP_NONE && !s.active && is(&it, "Environment")) {
        r->xml_in_env = 0;
      }
      break;
    case DYAD_XML_TEXT:
    case DYAD_XML_CDATA:
      if (s.cap != CAP_NONE) {
        if (s.active)
          collect(r, &s, &it);
        else if (collect(r, &s, &it), s.st != DYAD_OK)
          return s.st;
      }
      break;
    case DYAD_XML_BAD:
      if (s.active) {
        sent_fail(r, &s, DYAD_EXML, "malformed xml: markup is not closed");
        break;
      }
      return dyad__read_fail_rec(r, DYAD_EXML, line, NULL, 0,
                                 "malformed xml: markup is not closed");
    default: /* comments and declarations */
      break;
    }
  }
}
