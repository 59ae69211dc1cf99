/*
 * utf8.c: UTF-8 validation, decoding and case folding.
 *
 * Folding is the key used by every lookup (lexicon, dictionaries): lower
 * case, and typographic apostrophes, quotes and dashes mapped to their ASCII
 * forms so "Putin’s" and "Putin's" meet. ASCII takes a table-driven fast
 * path; other code points go through utf8proc's case folding.
 */
#include "../internal.h"

#include <utf8proc.h>

size_t dyad__utf8_valid_prefix(const char *s, size_t len)
{
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    unsigned char c = p[i];
    if (c < 0x80) {
      /* runs of ASCII between the other characters: 8 bytes a step */
      i++;
      while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull)
          break;
        i += 8;
      }
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0)
      return i;
    i += (size_t)n;
  }
  return len;
}

int dyad__utf8_decode(const char *s, size_t len, int32_t *cp)
{
  const unsigned char *p = (const unsigned char *)s;
  if (p[0] < 0x80) {
    *cp = p[0];
    return 1;
  }
  utf8proc_int32_t c;
  utf8proc_ssize_t n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &c);
  if (n <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = c;
  return (int)n;
}

/* ASCII map for a code point that news text writes typographically. */
static int32_t typographic(int32_t cp)
{
  switch (cp) {
  case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC:
    return '\'';
  case 0x201C: case 0x201D: case 0x201F: case 0x2033: case 0x00AB:
  case 0x00BB:
    return '"';
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
    return '-';
  case 0x00A0: case 0x2009: case 0x202F:
    return ' ';
  default:
    return -1;
  }
}

size_t dyad__fold(const char *s, size_t len, char *out, size_t cap)
{
  const unsigned char *p = (const unsigned char *)s;
  size_t o = 0;
  size_t i = 0;
  /* ASCII prefix, 8 bytes a step: a byte in 'A'..'Z' gets 0x20 (x + 0x3f
   * reaches bit 7 from 'A' on, x + 0x25 from '[' on; no carry crosses a
   * byte below 0x80) */
  const uint64_t high = 0x8080808080808080ULL;
  while (i + 8 <= len && o + 8 <= cap) {
    uint64_t v;
    memcpy(&v, p + i, 8);
    if (v & high)
      break;
    v |= (((v + 0x3f3f3f3f3f3f3f3fULL) ^ (v + 0x2525252525252525ULL)) &
          high) >> 2;
    memcpy(out + o, &v, 8);
    i += 8;
    o += 8;
  }
  while (i < len) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (o >= cap)
        return (size_t)-1;
      out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
      cp = 0xFFFD;
      n = 1;
    }
    i += (size_t)n;
    int32_t t = typographic(cp);
    if (t >= 0) {
      if (o >= cap)
        return (size_t)-1;
      out[o++] = (char)t;
      continue;
    }
    utf8proc_int32_t low = utf8proc_tolower(cp);
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(low, enc);
    if (o + (size_t)m > cap)
      return (size_t)-1;
    memcpy(out + o, enc, (size_t)m);
    o += (size_t)m;
  }
  return o;
}

/* The same walk as dyad__fold, comparing instead of writing. */
int dyad__fold_eq(const char *s, size_t len, const char *w, size_t wl)
{
  const unsigned char *p = (const unsigned char *)s;
  size_t o = 0;
  size_t i = 0;
  while (i < len) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (o >= wl || (char)(c >= 'A' && c <= 'Z' ? c + 32 : c) != w[o])
        return 0;
      o++;
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
      cp = 0xFFFD;
      n = 1;
    }
    i += (size_t)n;
    int32_t t = typographic(cp);
    if (t >= 0) {
      if (o >= wl || (char)t != w[o])
        return 0;
      o++;
      continue;
    }
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
    if (o + (size_t)m > wl || memcmp(w + o, enc, (size_t)m) != 0)
      return 0;
    o += (size_t)m;
  }
  return o == wl;
}
