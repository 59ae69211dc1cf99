/*
 * jsonl.c: JSON Lines input, one article object per line:
 *   {"id": "...", "date": "YYYY-MM-DD", "title": "...", "text": "...",
 *    "source": "...", "url": "..."}
 * Unknown keys are ignored; blank lines are skipped. The common line (one
 * flat object of plain string values, short escapes only) is read by a
 * small scanner straight into the record arena (flat()); anything else
 * (numbers, null, nesting, \u escapes, control characters, odd white
 * space) goes to cJSON, so both read every line the same. When cJSON
 * fails, a small checker (json_diagnose) finds the first error again to
 * say what was expected where, since cJSON only reports a position.
 *
 * Invariants: a line longer than max_record is skipped by scanning for its
 * newline, never buffered whole; the record number is the line number.
 */
#include "read.h"

#include <cjson/cJSON.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ==== error diagnosis =================================================== */

struct diag {
  const char *s;   /* the text */
  size_t len;      /* its bytes */
  size_t i;        /* scan position */
  const char *msg; /* first error, NULL while none */
  size_t at;       /* its offset */
};

enum { DIAG_DEPTH = 200 };

static void ws(struct diag *d)
{
  while (d->i < d->len && (d->s[d->i] == ' ' || d->s[d->i] == '\t' ||
                           d->s[d->i] == '\r' || d->s[d->i] == '\n'))
    d->i++;
}

static int err(struct diag *d, const char *msg)
{
  if (!d->msg) {
    d->msg = d->i >= d->len ? "unexpected end of line (truncated record?)"
                            : msg;
    d->at = d->i;
  }
  return -1;
}

static int value(struct diag *d, int depth);

static int string(struct diag *d)
{
  d->i++; /* the opening quote */
  while (d->i < d->len) {
    unsigned char c = (unsigned char)d->s[d->i];
    if (c == '"') {
      d->i++;
      return 0;
    }
    if (c < 0x20)
      return err(d, "control character in string");
    if (c == '\\') {
      d->i++;
      if (d->i >= d->len)
        break;
      c = (unsigned char)d->s[d->i];
      if (c == 'u') {
        for (int k = 1; k <= 4; k++) {
          d->i++;
          if (d->i >= d->len)
            return err(d, "");
          c = (unsigned char)d->s[d->i];
          if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                (c >= 'A' && c <= 'F')))
            return err(d, "bad \\u escape");
        }
      } else if (!strchr("\"\\/bfnrt", c) || c == 0) {
        return err(d, "bad escape in string");
      }
    }
    d->i++;
  }
  return err(d, "");
}

static int number(struct diag *d)
{
  size_t i0 = d->i;
  if (d->s[d->i] == '-')
    d->i++;
  size_t dig = d->i;
  while (d->i < d->len && d->s[d->i] >= '0' && d->s[d->i] <= '9')
    d->i++;
  if (d->i == dig)
    return err(d, "bad number");
  if (d->i < d->len && d->s[d->i] == '.') {
    d->i++;
    size_t f = d->i;
    while (d->i < d->len && d->s[d->i] >= '0' && d->s[d->i] <= '9')
      d->i++;
    if (d->i == f)
      return err(d, "bad number");
  }
  if (d->i < d->len && (d->s[d->i] == 'e' || d->s[d->i] == 'E')) {
    d->i++;
    if (d->i < d->len && (d->s[d->i] == '+' || d->s[d->i] == '-'))
      d->i++;
    size_t f = d->i;
    while (d->i < d->len && d->s[d->i] >= '0' && d->s[d->i] <= '9')
      d->i++;
    if (d->i == f)
      return err(d, "bad number");
  }
  return d->i > i0 ? 0 : -1;
}

static int object(struct diag *d, int depth)
{
  d->i++;
  ws(d);
  if (d->i < d->len && d->s[d->i] == '}') {
    d->i++;
    return 0;
  }
  for (;;) {
    ws(d);
    if (d->i >= d->len || d->s[d->i] != '"')
      return err(d, "expected a string key");
    if (string(d))
      return -1;
    ws(d);
    if (d->i >= d->len || d->s[d->i] != ':')
      return err(d, "expected ':'");
    d->i++;
    if (value(d, depth + 1))
      return -1;
    ws(d);
    if (d->i < d->len && d->s[d->i] == ',') {
      d->i++;
      continue;
    }
    if (d->i < d->len && d->s[d->i] == '}') {
      d->i++;
      return 0;
    }
    return err(d, "expected ',' or '}'");
  }
}

static int array(struct diag *d, int depth)
{
  d->i++;
  ws(d);
  if (d->i < d->len && d->s[d->i] == ']') {
    d->i++;
    return 0;
  }
  for (;;) {
    if (value(d, depth + 1))
      return -1;
    ws(d);
    if (d->i < d->len && d->s[d->i] == ',') {
      d->i++;
      continue;
    }
    if (d->i < d->len && d->s[d->i] == ']') {
      d->i++;
      return 0;
    }
    return err(d, "expected ',' or ']'");
  }
}

static int literal(struct diag *d, const char *word)
{
  size_t n = strlen(word);
  if (d->len - d->i >= n && memcmp(d->s + d->i, word, n) == 0) {
    d->i += n;
    return 0;
  }
  return err(d, "unexpected character");
}

static int value(struct diag *d, int depth)
{
  if (depth > DIAG_DEPTH)
    return err(d, "nesting too deep");
  ws(d);
  if (d->i >= d->len)
    return err(d, "");
  switch (d->s[d->i]) {
  case '{':
    return object(d, depth);
  case '[':
    return array(d, depth);
  case '"':
    return string(d);
  case 't':
    return literal(d, "true");
  case 'f':
    return literal(d, "false");
  case 'n':
    return literal(d, "null");
  default:
    if (d->s[d->i] == '-' || (d->s[d->i] >= '0' && d->s[d->i] <= '9'))
      return number(d);
    return err(d, "unexpected character");
  }
}

int dyad__json_diagnose(const char *s, size_t len, char *msg, size_t cap,
                        size_t *col)
{
  struct diag d = {s, len, 0, NULL, 0};
  if (value(&d, 0) == 0) {
    ws(&d);
    if (d.i < d.len) {
      d.msg = "unexpected data after the object";
      d.at = d.i;
    }
  }
  if (!d.msg)
    return 0;
  snprintf(msg, cap, "%s", d.msg);
  *col = d.at + 1;
  return 1;
}

/* ==== records =========================================================== */

/* Offset of a \u0000 escape in a JSON line (an odd run of backslashes
 * before "u0000"), or len: cJSON would cut the string there silently. */
static size_t nul_escape(const char *p, size_t len)
{
  size_t i = 0;
  while (i < len) {
    const char *q = memchr(p + i, '\\', len - i);
    if (!q)
      break;
    size_t at = (size_t)(q - p), k = at;
    while (k < len && p[k] == '\\')
      k++; /* a run of backslashes: pairs are escaped backslashes */
    if ((k - at) % 2 == 1 && len - k >= 5 && memcmp(p + k, "u0000", 5) == 0)
      return k - 1;
    i = k;
  }
  return len;
}

/* The string value of key in obj, or NULL. Numbers are accepted for ids
 * and dates (written into the arena). */
static const char *field(dyad_reader *r, const cJSON *obj, const char *key,
                         size_t *len, int *wrong)
{
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *len = 0;
  if (!v || cJSON_IsNull(v))
    return NULL;
  if (cJSON_IsString(v) && v->valuestring) {
    *len = strlen(v->valuestring);
    return v->valuestring;
  }
  if (cJSON_IsNumber(v)) {
    char *p = dyad__arena_alloc(&r->arena, 32);
    if (!p)
      return NULL;
    double x = v->valuedouble;
    int n = (x >= -1e15 && x <= 1e15 && x == (double)(long long)x)
                ? snprintf(p, 32, "%lld", (long long)x)
                : snprintf(p, 32, "%.17g", x);
    *len = n < 0 ? 0 : (size_t)n;
    return p;
  }
  *wrong = 1;
  return NULL;
}

/* ==== the fast path ===================================================== */

enum { F_ID, F_DATE, F_TITLE, F_TEXT, F_SOURCE, F_URL, F_COUNT };

static int fkey(const char *k, size_t n)
{
  static const char *const names[F_COUNT] = {"id",   "date",   "title",
                                             "text", "source", "url"};
  static const unsigned char lens[F_COUNT] = {2, 4, 5, 4, 6, 3};
  for (int f = 0; f < F_COUNT; f++)
    if (lens[f] == n && memcmp(names[f], k, n) == 0)
      return f;
  return -1;
}

static size_t fws(const char *p, size_t len, size_t i)
{
  while (i < len && (unsigned char)p[i] <= ' ' &&
         (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
    i++;
  return i;
}

/* Is c the letter of an escape flat() decodes: \" \\ \/ \b \f \n \r \t? */
static int short_escape(char c)
{
  switch (c) {
  case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r':
  case 't':
    return 1;
  default:
    return 0;
  }
}

/* The first byte at or after i (before len) that is a quote, a backslash
 * or a control character: 16 bytes a step with SSE2, then 8 a step (word
 * arithmetic, whose lowest flagged byte is exact), then bytes. Nothing is
 * read at or past len. */
static size_t plain_run(const char *p, size_t i, size_t len)
{
#if defined(__SSE2__)
  const __m128i vq = _mm_set1_epi8('"'), vb = _mm_set1_epi8('\\');
  const __m128i ctl = _mm_set1_epi8(0x1f);
  while (i + 16 <= len) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, vq), _mm_cmpeq_epi8(v, vb)),
        _mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v)); /* v <= 0x1f */
    unsigned bits = (unsigned)_mm_movemask_epi8(m);
    if (bits)
      return i + (size_t)__builtin_ctz(bits);
    i += 16;
  }
#endif
  const uint64_t ones = 0x0101010101010101ULL;
  const uint64_t high = 0x8080808080808080ULL;
  while (i + 8 <= len) {
    uint64_t v;
    memcpy(&v, p + i, 8);
    uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');
    uint64_t m = (((q - ones) & ~q) | ((b - ones) & ~b) |
                  ((v - ones * 0x20) & ~v)) & high;
    if (m) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      return i + ((size_t)__builtin_ctzll(m) >> 3);
#else
      break;
#endif
    }
    i += 8;
  }
  while (i < len && p[i] != '"' && p[i] != '\\' &&
         (unsigned char)p[i] >= 0x20)
    i++;
  return i;
}

/* Escapes of a value whose places flat() notes while scanning, so that
 * decoding needs no second search for them (the rest are searched). */
#define ESC_NOTES 64

/* The strict subset of a line cJSON reads the same way: {"key": "string",
 * ...} with plain keys and \" \\ \/ \b \f \n \r \t escapes. Fills
 * val/vlen with the first value of each known key (cJSON's look-up finds
 * the first too), decoded and NUL-ended in the arena. 0: not that subset
 * (or out of memory): the caller asks cJSON. */
static int flat(dyad_reader *r, const char *p, size_t len,
                const char *val[F_COUNT], size_t vlen[F_COUNT])
{
  for (int f = 0; f < F_COUNT; f++) {
    val[f] = NULL;
    vlen[f] = 0;
  }
  size_t i = fws(p, len, 0);
  if (i >= len || p[i] != '{')
    return 0;
  i = fws(p, len, i + 1);
  if (i < len && p[i] == '}')
    return fws(p, len, i + 1) == len;
  for (;;) {
    if (i >= len || p[i] != '"')
      return 0;
    size_t k0 = ++i;
    i = plain_run(p, i, len);
    if (i >= len || p[i] != '"')
      return 0;
    int f = fkey(p + k0, i - k0);
    i = fws(p, len, i + 1);
    if (i >= len || p[i] != ':')
      return 0;
    i = fws(p, len, i + 1);
    if (i >= len || p[i] != '"')
      return 0;
    size_t v0 = ++i;
    size_t esc = 0; /* escapes, the first ESC_NOTES of them noted */
    size_t at[ESC_NOTES];
    for (;;) {
      i = plain_run(p, i, len);
      if (i >= len || p[i] != '\\')
        break;
      if (esc < ESC_NOTES)
        at[esc] = i;
      esc++;
      if (++i >= len || !short_escape(p[i]))
        return 0;
      i++;
    }
    if (i >= len || p[i] != '"')
      return 0; /* a control character, or the end */
    if (f >= 0 && !val[f]) {
      char *o = dyad__arena_alloc(&r->arena, i - v0 + 1);
      if (!o)
        return 0;
      size_t n = 0;
      if (!esc) {
        memcpy(o, p + v0, i - v0);
        n = i - v0;
      } else {
        /* the value holds no quote or control byte: only backslashes
         * stop the copy */
        for (size_t j = v0, q = 0; j < i; q++) {
          const char *bsl = q >= esc        ? NULL
                            : q < ESC_NOTES ? p + at[q]
                                            : memchr(p + j, '\\', i - j);
          size_t e = bsl ? (size_t)(bsl - p) : i;
          memcpy(o + n, p + j, e - j);
          n += e - j;
          if (e >= i)
            break;
          char c = p[e + 1]; /* p[e] is a backslash */
          switch (c) {
          case 'b': c = '\b'; break;
          case 'f': c = '\f'; break;
          case 'n': c = '\n'; break;
          case 'r': c = '\r'; break;
          case 't': c = '\t'; break;
          default: break; /* " \ / */
          }
          o[n++] = c;
          j = e + 2;
        }
      }
      o[n] = '\0';
      val[f] = o;
      vlen[f] = n;
    }
    i = fws(p, len, i + 1);
    if (i < len && p[i] == ',') {
      i = fws(p, len, i + 1);
      continue;
    }
    if (i < len && p[i] == '}')
      return fws(p, len, i + 1) == len;
    return 0;
  }
}

/* Reads the next non-blank line into [*p, *p + *len); DYAD_EOF at the end
 * of the input, DYAD_ETOOBIG after skipping an overlong line. *line gets
 * its line number. */
static dyad_status next_line(dyad_reader *r, const char **p, size_t *len,
                             uint64_t *line)
{
  struct dyad_rsrc *s = &r->src;
  size_t scan = 0; /* bytes after pos known to hold no newline */
  for (;;) {
    const char *b = s->base + s->pos;
    size_t avail = s->end - s->pos;
    const char *q = memchr(b + scan, '\n', avail - scan);
    size_t n = q ? (size_t)(q - b) : avail;
    if (n > r->opts.max_record) {
      *line = ++r->line;
      s->pos += n;
      if (q) {
        s->pos++;
      } else {
        dyad_status st = dyad__read_skip_past(r, '\n');
        if (st != DYAD_OK)
          return dyad__read_io_fail(r, st);
        r->line--; /* the newline was counted with the line */
      }
      return dyad__read_fail_rec(r, DYAD_ETOOBIG, *line, NULL, 0,
                                 "record too large (over %zu bytes)",
                                 r->opts.max_record);
    }
    if (q || (s->eof && avail)) {
      *line = ++r->line;
      s->pos += n + (q != NULL);
      size_t k = 0;
      while (k < n && (b[k] == ' ' || b[k] == '\t' || b[k] == '\r'))
        k++;
      if (k == n) { /* blank line */
        scan = 0;
        continue;
      }
      while (n > k && (b[n - 1] == '\r' || b[n - 1] == ' '))
        n--;
      *p = b;
      *len = n;
      return DYAD_OK;
    }
    if (s->eof)
      return DYAD_EOF;
    scan = avail;
    int rc = dyad__rsrc_more(&r->a, s);
    if (rc == -3 || rc == -1)
      return dyad__read_io_fail(r, rc == -3 ? DYAD_ENOMEM : DYAD_EIO);
  }
}

static dyad_status finish(dyad_reader *r, dyad_article *ap, const char *date,
                          size_t dlen, uint64_t line, int decoded,
                          dyad_article *out);

dyad_status dyad__read_jsonl(dyad_reader *r, dyad_article *out)
{
  const char *p = NULL;
  size_t len = 0;
  uint64_t line = 0;
  dyad_status st = next_line(r, &p, &len, &line);
  if (st != DYAD_OK)
    return st;
  size_t bad;
  st = dyad__read_check_text(p, len, &bad);
  if (st != DYAD_OK)
    return dyad__read_fail_rec(r, st, line, NULL, 0, "%s at column %zu",
                               st == DYAD_EBINARY ? "binary data (nul byte)"
                                                  : "invalid utf-8",
                               bad + 1);
  dyad_article a;
  memset(&a, 0, sizeof(a));
  int wrong = 0;
  size_t dlen;
  const char *date;
  const char *fv[F_COUNT];
  size_t fl[F_COUNT];
  if (flat(r, p, len, fv, fl)) {
    a.id = fv[F_ID];
    a.id_len = fl[F_ID];
    date = fv[F_DATE];
    dlen = fl[F_DATE];
    a.title = fv[F_TITLE];
    a.title_len = fl[F_TITLE];
    a.text = fv[F_TEXT];
    a.text_len = fl[F_TEXT];
    a.source = fv[F_SOURCE];
    a.source_len = fl[F_SOURCE];
    a.url = fv[F_URL];
    a.url_len = fl[F_URL];
    if (!a.id || !a.id_len)
      a.id = dyad__read_default_id(r, line, &a.id_len);
    if (!a.id)
      return dyad__read_fail(r, DYAD_ENOMEM, "out of memory");
    return finish(r, &a, date, dlen, line, 0, out);
  }
  /* (flat() reads no \u escape, so a line it took holds no \u0000) */
  bad = nul_escape(p, len);
  if (bad < len)
    return dyad__read_fail_rec(r, DYAD_EBINARY, line, NULL, 0,
                               "nul character (\\u0000) at column %zu",
                               bad + 1);
  const char *end = NULL;
  cJSON *obj = cJSON_ParseWithLengthOpts(p, len, &end, 0);
  size_t rest = obj && end ? (size_t)(p + len - end) : 0;
  if (obj && rest) {
    for (size_t k = 0; k < rest; k++)
      if (!strchr(" \t\r", end[k])) {
        cJSON_Delete(obj);
        obj = NULL;
        break;
      }
  }
  if (!obj) {
    char msg[96];
    size_t col;
    if (dyad__json_diagnose(p, len, msg, sizeof(msg), &col))
      return dyad__read_fail_rec(r, DYAD_EJSON, line, NULL, 0,
                                 "malformed json: %s at column %zu", msg,
                                 col);
    return dyad__read_fail_rec(r, DYAD_EJSON, line, NULL, 0,
                               "malformed json");
  }
  r->json = obj;
  if (!cJSON_IsObject(obj))
    return dyad__read_fail_rec(r, DYAD_EJSON, line, NULL, 0,
                               "malformed json: expected an object");
  a.id = field(r, obj, "id", &a.id_len, &wrong);
  if (!a.id || !a.id_len)
    a.id = dyad__read_default_id(r, line, &a.id_len);
  if (!a.id)
    return dyad__read_fail(r, DYAD_ENOMEM, "out of memory");
  date = field(r, obj, "date", &dlen, &wrong);
  a.title = field(r, obj, "title", &a.title_len, &wrong);
  a.text = field(r, obj, "text", &a.text_len, &wrong);
  a.source = field(r, obj, "source", &a.source_len, &wrong);
  a.url = field(r, obj, "url", &a.url_len, &wrong);
  if (wrong)
    return dyad__read_fail_rec(r, DYAD_EJSON, line, a.id, a.id_len,
                               "a field is not a string");
  return finish(r, &a, date, dlen, line, 1, out);
}

/* The checks after the fields are found, either way: the date, a text,
 * and UTF-8 again when \u escapes were decoded (flat() decodes none: its
 * strings are pieces of the checked line with ASCII escapes resolved). */
static dyad_status finish(dyad_reader *r, dyad_article *ap, const char *date,
                          size_t dlen, uint64_t line, int decoded,
                          dyad_article *out)
{
  dyad_article a = *ap;
  size_t bad;
  if (date) {
    if (dyad__read_date(date, dlen, &a.date) != DYAD_OK)
      return dyad__read_fail_date(r, line, a.id, a.id_len, date, dlen);
  } else if (r->opts.default_date) {
    a.date = r->opts.default_date;
  } else {
    return dyad__read_fail_rec(r, DYAD_EDATE, line, a.id, a.id_len,
                               "missing date");
  }
  if (!a.text)
    return dyad__read_fail_rec(r, DYAD_EEMPTY, line, a.id, a.id_len,
                               "missing text");
  size_t k = 0;
  while (k < a.text_len && strchr(" \t\r\n", a.text[k]))
    k++;
  if (k == a.text_len)
    return dyad__read_fail_rec(r, DYAD_EEMPTY, line, a.id, a.id_len,
                               "empty text");
  /* \u escapes can produce what the raw line check could not see */
  const char *strs[] = {a.id, a.title, a.text, a.source, a.url};
  size_t lens[] = {a.id_len, a.title_len, a.text_len, a.source_len,
                   a.url_len};
  for (size_t i = 0; decoded && i < DYAD_ARRAY_LEN(strs); i++)
    if (strs[i] && dyad__read_check_text(strs[i], lens[i], &bad) != DYAD_OK)
      return dyad__read_fail_rec(r, DYAD_EUTF8, line, a.id, a.id_len,
                                 "invalid utf-8 after decoding escapes");
  if (!a.title)
    a.title = "";
  if (!a.source)
    a.source = "";
  if (!a.url)
    a.url = "";
  a.record = (uint32_t)line;
  *out = a;
  return DYAD_OK;
}
