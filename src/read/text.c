/*
 * text.c: the plain dated-text format. One file is one article:
 *
 *    date 2023-03-22 First paragraph, maybe on the header line.
 *
 *    Second paragraph ...
 *
 * The header ("date" and a YYYY-MM-DD or YYYYMMDD date) may be preceded by
 * white space; without it the file is one article dated by default_date,
 * or an error. The id is the file's base name.
 *
 * The text handed out is normalised so that the tokenizer sees one kind
 * of paragraph break: CR LF becomes LF, lines of only white space become
 * empty, runs of blank lines become one "\n\n", and the ends are trimmed.
 * Offsets computed later are offsets into this text.
 */
#include "read.h"

static int isblank_(char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Appends s[0..len) to r->text normalised as described above. */
static int normalise(dyad_reader *r, const char *s, size_t len)
{
  dyad_buf *t = &r->text;
  t->len = 0;
  if (dyad__buf_grow(t, len))
    return -1;
  size_t i = 0, nl = 0;
  while (i < len) {
    /* one line: [i, e) */
    const char *q = memchr(s + i, '\n', len - i);
    size_t e = q ? (size_t)(q - s) : len;
    size_t a = i, b = e;
    while (b > a && isblank_(s[b - 1]))
      b--; /* trailing blanks and the CR of CR LF */
    int empty = 1;
    for (size_t k = a; k < b; k++)
      if (!isblank_(s[k])) {
        empty = 0;
        break;
      }
    if (!empty) {
      if (t->len) {
        t->ptr[t->len++] = '\n';
        if (nl > 1)
          t->ptr[t->len++] = '\n';
      }
      memcpy(t->ptr + t->len, s + a, b - a);
      t->len += b - a;
      nl = 0;
    }
    nl += q != NULL; /* newlines since the last line with text */
    i = q ? e + 1 : len;
  }
  t->ptr[t->len] = '\0';
  return 0;
}

/* The base name of a path. */
static const char *basename_(const char *p, size_t *len)
{
  size_t n = strlen(p);
  while (n > 1 && p[n - 1] == '/')
    n--;
  size_t b = n;
  while (b > 0 && p[b - 1] != '/')
    b--;
  *len = n - b;
  return p + b;
}

dyad_status dyad__read_text(dyad_reader *r, dyad_article *out)
{
  struct dyad_rsrc *s = &r->src;
  if (s->pos >= s->end && s->eof)
    return DYAD_EOF;
  uint64_t line0 = r->line + 1;
  /* the whole file, up to max_record */
  while (!s->eof && s->end - s->pos <= r->opts.max_record) {
    int rc = dyad__rsrc_more(&r->a, s);
    if (rc == -3 || rc == -1)
      return dyad__read_io_fail(r, rc == -3 ? DYAD_ENOMEM : DYAD_EIO);
    if (rc == -2)
      break;
  }
  size_t len = s->end - s->pos;
  if (len > r->opts.max_record) {
    int rc = 1;
    while (rc > 0) { /* discard the rest of the file */
      s->pos = s->end;
      rc = dyad__rsrc_more(&r->a, s);
    }
    s->pos = s->end;
    return dyad__read_fail(r, DYAD_ETOOBIG,
                           "%s: record too large (over %zu bytes)", r->name,
                           r->opts.max_record);
  }
  const char *p = s->base + s->pos;
  s->pos = s->end; /* the file is one record */
  size_t id_len;
  const char *id = basename_(r->name, &id_len);
  size_t bad;
  dyad_status st = dyad__read_check_text(p, len, &bad);
  if (st != DYAD_OK)
    return dyad__read_fail_rec(
        r, st, line0 + dyad__read_count_nl(p, bad), id, id_len, "%s",
        st == DYAD_EBINARY ? "binary data (nul byte)" : "invalid utf-8");
  dyad_date date = r->opts.default_date;
  size_t i = 0;
  if (len >= 5 && memcmp(p, "date", 4) == 0 && isblank_(p[4])) {
    i = 4;
    while (i < len && isblank_(p[i]))
      i++;
    size_t d0 = i;
    while (i < len && !isblank_(p[i]) && p[i] != '\n')
      i++;
    if (dyad__read_date(p + d0, i - d0, &date) != DYAD_OK)
      return dyad__read_fail_date(r, line0, id, id_len, p + d0, i - d0);
    while (i < len && isblank_(p[i]))
      i++;
  } else if (!date) {
    return dyad__read_fail_rec(r, DYAD_EDATE, line0, id, id_len,
                               "missing date (no 'date YYYY-MM-DD' header)");
  }
  if (normalise(r, p + i, len - i))
    return dyad__read_fail(r, DYAD_ENOMEM, "out of memory");
  if (r->text.len == 0)
    return dyad__read_fail_rec(r, DYAD_EEMPTY, line0, id, id_len,
                               "no text after the date");
  memset(out, 0, sizeof(*out));
  out->id = id;
  out->id_len = id_len;
  out->text = r->text.ptr;
  out->text_len = r->text.len;
  out->title = out->source = out->url = "";
  out->date = date;
  out->record = (uint32_t)line0;
  return DYAD_OK;
}
