/*
 * buf.c: growable, NUL-terminated byte buffers for output (dyad_buf).
 * Buffers use the C library allocator because the caller owns them and
 * releases them with dyad_buf_release, outside any ctx.
 */
#include "../internal.h"

#include <stdio.h>
#include <stdlib.h>

void dyad_buf_release(dyad_buf *b)
{
  free(b->ptr);
  b->ptr = NULL;
  b->len = b->cap = 0;
}

int dyad__buf_grow(dyad_buf *b, size_t extra)
{
  if (b->len + extra + 1 <= b->cap)
    return 0;
  size_t ncap = b->cap ? b->cap : 256;
  while (ncap < b->len + extra + 1) {
    if (ncap > SIZE_MAX / 2)
      return -1;
    ncap *= 2;
  }
  char *p = realloc(b->ptr, ncap);
  if (!p)
    return -1;
  b->ptr = p;
  b->cap = ncap;
  return 0;
}

int dyad__buf_add(dyad_buf *b, const char *s, size_t len)
{
  if (dyad__buf_grow(b, len))
    return -1;
  if (len)
    memcpy(b->ptr + b->len, s, len);
  b->len += len;
  b->ptr[b->len] = '\0';
  return 0;
}

int dyad__buf_adds(dyad_buf *b, const char *s)
{
  return dyad__buf_add(b, s, strlen(s));
}

int dyad__buf_addc(dyad_buf *b, char c)
{
  return dyad__buf_add(b, &c, 1);
}

int dyad__buf_printf(dyad_buf *b, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
  va_end(ap);
  if (n < 0)
    return -1;
  if ((size_t)n < sizeof(tmp))
    return dyad__buf_add(b, tmp, (size_t)n);
  if (dyad__buf_grow(b, (size_t)n))
    return -1;
  va_start(ap, fmt);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return 0;
}

int dyad__buf_json_str(dyad_buf *b, const char *s, size_t len)
{
  static const char hex[] = "0123456789abcdef";
  if (dyad__buf_grow(b, len + 2))
    return -1;
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && (unsigned char)s[j] >= 0x20 && s[j] != '"' &&
           s[j] != '\\')
      j++;
    if (j > i && dyad__buf_add(b, s + i, j - i))
      return -1;
    if (j >= len)
      break;
    unsigned char c = (unsigned char)s[j];
    char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
    size_t n = 2;
    switch (c) {
    case '"': esc[1] = '"'; break;
    case '\\': esc[1] = '\\'; break;
    case '\n': esc[1] = 'n'; break;
    case '\t': esc[1] = 't'; break;
    case '\r': esc[1] = 'r'; break;
    default:
      esc[1] = 'u';
      esc[2] = '0';
      esc[3] = '0';
      esc[4] = hex[c >> 4];
      esc[5] = hex[c & 15];
      n = 6;
    }
    if (dyad__buf_add(b, esc, n))
      return -1;
    i = j + 1;
  }
  return 0;
}
