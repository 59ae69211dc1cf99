/*
 * json.c: JSON writing into a jbuf (see json.h). Strings are written as
 * UTF-8 with the characters JSON requires escaped; invalid UTF-8 bytes are
 * replaced by U+FFFD so the output is always valid JSON text.
 */
#include "json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jb_free(jbuf *b)
{
  free(b->ptr);
  memset(b, 0, sizeof(*b));
}

static int grow(jbuf *b, size_t n)
{
  if (b->oom)
    return -1;
  if (b->len + n + 1 <= b->cap)
    return 0;
  size_t cap = b->cap ? b->cap : 1024;
  while (cap < b->len + n + 1)
    cap *= 2;
  char *p = realloc(b->ptr, cap);
  if (!p) {
    b->oom = 1;
    return -1;
  }
  b->ptr = p;
  b->cap = cap;
  return 0;
}

void jb_raw(jbuf *b, const char *s, size_t n)
{
  if (grow(b, n))
    return;
  memcpy(b->ptr + b->len, s, n);
  b->len += n;
  b->ptr[b->len] = '\0';
}

void jb_cstr(jbuf *b, const char *s)
{
  jb_raw(b, s, strlen(s));
}

void jb_printf(jbuf *b, const char *fmt, ...)
{
  char tmp[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  if ((size_t)n < sizeof(tmp)) {
    jb_raw(b, tmp, (size_t)n);
    return;
  }
  if (grow(b, (size_t)n))
    return;
  va_start(ap, fmt);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

static void comma(jbuf *b)
{
  if (!b->first)
    jb_raw(b, ",", 1);
  b->first = 0;
}

void jb_obj(jbuf *b)
{
  comma(b);
  jb_raw(b, "{", 1);
  b->first = 1;
}

void jb_arr(jbuf *b)
{
  comma(b);
  jb_raw(b, "[", 1);
  b->first = 1;
}

void jb_end_obj(jbuf *b)
{
  jb_raw(b, "}", 1);
  b->first = 0;
}

void jb_end_arr(jbuf *b)
{
  jb_raw(b, "]", 1);
  b->first = 0;
}

/* Length of the valid UTF-8 sequence at p (1..4), 0 if invalid. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
  unsigned c = p[0];
  size_t n;
  unsigned min;
  if (c < 0x80)
    return 1;
  if (c >= 0xc2 && c <= 0xdf)
    n = 2, min = 0x80;
  else if (c >= 0xe0 && c <= 0xef)
    n = 3, min = 0x800;
  else if (c >= 0xf0 && c <= 0xf4)
    n = 4, min = 0x10000;
  else
    return 0;
  if ((size_t)(end - p) < n)
    return 0;
  unsigned cp = c & (0xff >> (n + 1));
  for (size_t i = 1; i < n; i++) {
    if ((p[i] & 0xc0) != 0x80)
      return 0;
    cp = (cp << 6) | (p[i] & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
    return 0;
  return n;
}

/* 1 for the bytes that go into a JSON string as they are: printable
 * ASCII but the quote (0x22) and the backslash (0x5c); a table, so that
 * the scan of a string costs one load a byte. */
static const unsigned char plain_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static int plain(unsigned char c)
{
  return plain_byte[c];
}

/* Writes pre (0 or 1 byte: a comma), then s quoted, then post (0 or 1
 * byte: a colon) with one copy, when s needs no escapes; 0 if it did. */
static int quoted_plain(jbuf *b, char pre, const char *s, size_t n,
                        char post)
{
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n; i++)
    if (!plain(p[i]))
      return 0;
  size_t need = n + 2 + (pre != 0) + (post != 0);
  if (grow(b, need))
    return 1;
  char *w = b->ptr + b->len;
  if (pre)
    *w++ = pre;
  *w++ = '"';
  memcpy(w, s, n);
  w += n;
  *w++ = '"';
  if (post)
    *w++ = post;
  *w = '\0';
  b->len += need;
  return 1;
}

/* A string: runs of plain ASCII and valid UTF-8 are copied whole, the
 * rest escaped byte by byte (most strings take quoted_plain's one copy;
 * the callers try it first). */
static void str_body(jbuf *b, const char *s, size_t n)
{
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  jb_raw(b, "\"", 1);
  while (p < end) {
    const unsigned char *run = p;
    for (;;) {
      while (p < end && plain(*p))
        p++;
      size_t k = p < end && *p >= 0x80 ? utf8_len(p, end) : 0;
      if (!k)
        break;
      p += k;
    }
    if (p > run)
      jb_raw(b, (const char *)run, (size_t)(p - run));
    if (p >= end)
      break;
    unsigned c = *p++;
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', (char)c};
      jb_raw(b, e, 2);
    } else if (c == '\n') {
      jb_raw(b, "\\n", 2);
    } else if (c == '\t') {
      jb_raw(b, "\\t", 2);
    } else if (c == '\r') {
      jb_raw(b, "\\r", 2);
    } else if (c < 0x20) {
      jb_printf(b, "\\u%04x", c);
    } else { /* not UTF-8 */
      jb_raw(b, "\xef\xbf\xbd", 3);
    }
  }
  jb_raw(b, "\"", 1);
}

void jb_key(jbuf *b, const char *k)
{
  size_t n = strlen(k);
  if (!quoted_plain(b, b->first ? 0 : ',', k, n, ':')) {
    comma(b);
    str_body(b, k, n);
    jb_raw(b, ":", 1);
  }
  b->first = 1; /* the value follows without a comma */
}

void jb_str(jbuf *b, const char *s)
{
  if (!s) {
    jb_null(b);
    return;
  }
  jb_strn(b, s, strlen(s));
}

void jb_strn(jbuf *b, const char *s, size_t n)
{
  if (quoted_plain(b, b->first ? 0 : ',', s, n, 0)) {
    b->first = 0;
    return;
  }
  comma(b);
  str_body(b, s, n);
}

/* Digits written here, not by printf: an event page writes a few hundred
 * integers, and printf's set-up cost more than the digits. */
void jb_int(jbuf *b, int64_t v)
{
  comma(b);
  char tmp[24], *p = tmp + sizeof(tmp);
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do
    *--p = (char)('0' + u % 10);
  while (u /= 10);
  if (v < 0)
    *--p = '-';
  jb_raw(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

void jb_num(jbuf *b, double v)
{
  comma(b);
  if (v != v || v > 1e300 || v < -1e300) {
    jb_raw(b, "null", 4);
    return;
  }
  if (v == 0)
    v = 0; /* no "-0" */
  jb_printf(b, "%.6g", v);
}

void jb_null(jbuf *b)
{
  comma(b);
  jb_raw(b, "null", 4);
}

void jb_bool(jbuf *b, int v)
{
  comma(b);
  jb_cstr(b, v ? "true" : "false");
}

void jb_numtext(jbuf *b, const char *s)
{
  if (!s || !*s) {
    jb_null(b);
    return;
  }
  char *end;
  double v = strtod(s, &end);
  if (*end) {
    jb_null(b);
    return;
  }
  int integral = strspn(s, "-0123456789") == strlen(s);
  if (integral) {
    comma(b);
    jb_cstr(b, s);
  } else {
    jb_num(b, v);
  }
}

void jb_kstr(jbuf *b, const char *k, const char *v)
{
  jb_key(b, k);
  jb_str(b, v);
}

void jb_kint(jbuf *b, const char *k, int64_t v)
{
  jb_key(b, k);
  jb_int(b, v);
}
