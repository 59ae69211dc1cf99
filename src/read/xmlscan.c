/*
 * xmlscan.c: the XML item scanner (see xmlscan.h). It knows just enough
 * XML for news and PETRARCH files: tags with attributes (quoted either
 * way, possibly containing '>'), comments, CDATA, declarations and
 * entities. A '<' that cannot start markup ("a < b") is kept as text.
 */
#include "../internal.h"

#include "xmlscan.h"

/* Can c start a tag name (after '<' or '</')? */
static int namestart(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == ':' || c >= 0x80;
}

static int isspc(unsigned char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Offset of needle in p[from..len), or len when absent. */
static size_t find(const char *p, size_t len, size_t from, const char *needle,
                   size_t nlen)
{
  while (from + nlen <= len) {
    const char *q = memchr(p + from, needle[0], len - from - nlen + 1);
    if (!q)
      return len;
    size_t at = (size_t)(q - p);
    if (memcmp(q, needle, nlen) == 0)
      return at;
    from = at + 1;
  }
  return len;
}

/* Does '<' at p[i] start markup? -1: cannot tell yet (window ends). */
static int markup_at(const char *p, size_t len, size_t i)
{
  if (i + 1 >= len)
    return -1;
  unsigned char c = (unsigned char)p[i + 1];
  if (c == '/') {
    if (i + 2 >= len)
      return -1;
    return namestart((unsigned char)p[i + 2]);
  }
  return c == '!' || c == '?' || namestart(c);
}

/* Character data up to the next '<' that starts markup. */
static int scan_text(const char *p, size_t len, int eof,
                     struct dyad_xml_item *it)
{
  size_t i = 0;
  for (;;) {
    const char *q = memchr(p + i, '<', len - i);
    if (!q) {
      if (!eof)
        return 0;
      i = len;
      break;
    }
    i = (size_t)(q - p);
    if (i == 0) {
      i = 1; /* a stray '<' at the start: keep it as text */
      continue;
    }
    int m = markup_at(p, len, i);
    if (m < 0 && !eof)
      return 0;
    if (m > 0)
      break;
    i++;
  }
  it->kind = DYAD_XML_TEXT;
  it->body = p;
  it->body_len = i;
  it->len = i;
  return 1;
}

/* The rest of the window as an unterminated piece of markup. */
static int bad(const char *p, size_t len, struct dyad_xml_item *it)
{
  it->kind = DYAD_XML_BAD;
  it->body = p;
  it->body_len = len;
  it->len = len;
  return 1;
}

/* A start, empty or end tag at p ('<' then a name start or '/'). The
 * closing '>' is looked for outside quoted attribute values. */
static int scan_tag(const char *p, size_t len, int eof,
                    struct dyad_xml_item *it)
{
  size_t i = 1;
  int close = p[1] == '/';
  if (close)
    i++;
  size_t n0 = i;
  while (i < len && !isspc((unsigned char)p[i]) && p[i] != '>' &&
         p[i] != '/')
    i++;
  it->name = p + n0;
  it->name_len = i - n0;
  size_t a0 = i;
  char quote = 0;
  for (; i < len; i++) {
    char c = p[i];
    if (quote) {
      if (c == quote)
        quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    } else if (c == '<' && markup_at(p, len, i) > 0 && !close) {
      /* a new tag before this one closed: cut this one off here */
      return bad(p, i, it);
    }
  }
  if (i >= len)
    return eof ? bad(p, len, it) : 0;
  size_t a1 = i;
  it->kind = close ? DYAD_XML_CLOSE : DYAD_XML_OPEN;
  if (!close && a1 > a0 && p[a1 - 1] == '/') {
    it->kind = DYAD_XML_EMPTY;
    a1--;
  }
  it->body = p + a0;
  it->body_len = a1 - a0;
  it->len = i + 1;
  return 1;
}

/* Markup that starts with "<!" or "<?". */
static int scan_bang(const char *p, size_t len, int eof,
                     struct dyad_xml_item *it)
{
  const char *open, *close;
  int kind;
  if (len < 9 && !eof && (memcmp(p, "<![CDATA[", len) == 0 ||
                          memcmp(p, "<!--", len < 4 ? len : 4) == 0))
    return 0; /* cannot tell which yet */
  if (len >= 4 && memcmp(p, "<!--", 4) == 0) {
    open = "<!--";
    close = "-->";
    kind = DYAD_XML_COMMENT;
  } else if (len >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
    open = "<![CDATA[";
    close = "]]>";
    kind = DYAD_XML_CDATA;
  } else if (p[1] == '?') {
    open = "<?";
    close = "?>";
    kind = DYAD_XML_DECL;
  } else {
    open = "<!";
    close = ">";
    kind = DYAD_XML_DECL;
  }
  size_t olen = strlen(open), clen = strlen(close);
  size_t at = find(p, len, olen, close, clen);
  if (at >= len)
    return eof ? bad(p, len, it) : 0;
  it->kind = kind;
  it->name = NULL;
  it->name_len = 0;
  it->body = p + olen;
  it->body_len = at - olen;
  it->len = at + clen;
  return 1;
}

int dyad__xml_scan(const char *p, size_t len, int eof,
                   struct dyad_xml_item *it)
{
  memset(it, 0, sizeof(*it));
  if (len == 0)
    return -1;
  if (p[0] != '<')
    return scan_text(p, len, eof, it);
  int m = markup_at(p, len, 0);
  if (m < 0)
    return eof ? scan_text(p, len, eof, it) : 0;
  if (m == 0)
    return scan_text(p, len, eof, it);
  if (p[1] == '!' || p[1] == '?')
    return scan_bang(p, len, eof, it);
  return scan_tag(p, len, eof, it);
}

int dyad__xml_attr(const char *attrs, size_t len, const char *name,
                   const char **val, size_t *val_len)
{
  size_t nlen = strlen(name), i = 0;
  while (i < len) {
    while (i < len && (isspc((unsigned char)attrs[i]) || attrs[i] == '/'))
      i++;
    size_t k0 = i;
    while (i < len && !isspc((unsigned char)attrs[i]) && attrs[i] != '=')
      i++;
    size_t k1 = i;
    while (i < len && isspc((unsigned char)attrs[i]))
      i++;
    const char *v = attrs + i;
    size_t vl = 0;
    if (i < len && attrs[i] == '=') {
      i++;
      while (i < len && isspc((unsigned char)attrs[i]))
        i++;
      if (i < len && (attrs[i] == '"' || attrs[i] == '\'')) {
        char q = attrs[i++];
        v = attrs + i;
        while (i < len && attrs[i] != q)
          i++;
        vl = (size_t)(attrs + i - v);
        if (i < len)
          i++;
      } else {
        v = attrs + i;
        while (i < len && !isspc((unsigned char)attrs[i]))
          i++;
        vl = (size_t)(attrs + i - v);
      }
    }
    if (k1 - k0 == nlen && nlen && memcmp(attrs + k0, name, nlen) == 0) {
      *val = v;
      *val_len = vl;
      return 1;
    }
    if (k1 == k0 && i == k0)
      i++; /* no progress: skip a stray byte */
  }
  return 0;
}

/* Writes code point cp as UTF-8; returns its length. */
static size_t put_utf8(uint32_t cp, char *out)
{
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Decodes the entity at s[0] == '&' (s has len bytes). Returns the bytes
 * it takes and writes its value to out (*olen), or 0 when it is not an
 * entity we know. */
static size_t entity(const char *s, size_t len, char *out, size_t *olen)
{
  static const struct { const char *name; char c; } named[] = {
      {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'},
      {"apos;", '\''},
  };
  for (size_t k = 0; k < DYAD_ARRAY_LEN(named); k++) {
    size_t n = strlen(named[k].name);
    if (len >= n + 1 && memcmp(s + 1, named[k].name, n) == 0) {
      out[0] = named[k].c;
      *olen = 1;
      return n + 1;
    }
  }
  if (len < 4 || s[1] != '#')
    return 0;
  size_t i = 2;
  int hex = s[2] == 'x' || s[2] == 'X';
  if (hex)
    i++;
  uint32_t cp = 0;
  size_t d0 = i;
  for (; i < len && i - d0 < 8; i++) {
    char c = s[i];
    uint32_t d;
    if (c >= '0' && c <= '9')
      d = (uint32_t)(c - '0');
    else if (hex && c >= 'a' && c <= 'f')
      d = (uint32_t)(c - 'a' + 10);
    else if (hex && c >= 'A' && c <= 'F')
      d = (uint32_t)(c - 'A' + 10);
    else
      break;
    cp = cp * (hex ? 16u : 10u) + d;
  }
  if (i == d0 || i >= len || s[i] != ';')
    return 0;
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    cp = 0xFFFD;
  *olen = put_utf8(cp, out);
  return i + 1;
}

size_t dyad__xml_decode(const char *s, size_t len, char *out)
{
  size_t i = 0, o = 0;
  while (i < len) {
    const char *amp = memchr(s + i, '&', len - i);
    size_t run = amp ? (size_t)(amp - s) - i : len - i;
    memmove(out + o, s + i, run);
    o += run;
    i += run;
    if (i >= len)
      break;
    size_t olen = 0;
    size_t n = entity(s + i, len - i, out + o, &olen);
    if (n == 0) {
      out[o++] = '&';
      i++;
    } else {
      o += olen;
      i += n;
    }
  }
  return o;
}
