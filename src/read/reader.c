/*
 * reader.c: the public reader API. A reader walks its inputs (a file, the
 * sorted files of a folder tree, standard input, or a memory buffer),
 * detects each input's format from its first bytes, and hands each record
 * to the format's reader (text.c, jsonl.c, petrxml.c).
 *
 * Invariants:
 * - a bad record is counted, described in errmsg and skipped: the next
 *   call goes on with the following record, or the following input;
 * - a whole input that cannot be read (missing, empty, binary) counts as
 *   one bad record;
 * - the reader prints nothing and allocates only through r->a.
 */
#include "read.h"

#include <cjson/cJSON.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_MAX_RECORD (16u * 1024 * 1024)
#define MIN_WINDOW 4096
#define BINARY_SNIFF 65536 /* bytes checked for NUL before reading */
#define MAX_DEPTH 64      /* folder nesting followed */

/* ==== messages ========================================================== */

/* Keeps a message on one line: control bytes (a newline in an id or a
 * date taken from the input) become '?'. */
static void oneline(char *m)
{
  for (; *m; m++)
    if ((unsigned char)*m < 0x20 || *m == 0x7f)
      *m = '?';
}

dyad_status dyad__read_fail(dyad_reader *r, dyad_status st, const char *fmt,
                            ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->errmsg, sizeof(r->errmsg), fmt, ap);
  va_end(ap);
  oneline(r->errmsg);
  return st;
}

dyad_status dyad__read_fail_rec(dyad_reader *r, dyad_status st,
                                uint64_t line, const char *id, size_t id_len,
                                const char *fmt, ...)
{
  int n;
  if (id && id_len)
    n = snprintf(r->errmsg, sizeof(r->errmsg), "%s:%llu (id %.*s): ",
                 r->name, (unsigned long long)line,
                 (int)(id_len > 200 ? 200 : id_len), id);
  else
    n = snprintf(r->errmsg, sizeof(r->errmsg), "%s:%llu: ", r->name,
                 (unsigned long long)line);
  if (n >= 0 && (size_t)n < sizeof(r->errmsg)) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->errmsg + n, sizeof(r->errmsg) - (size_t)n, fmt, ap);
    va_end(ap);
  }
  oneline(r->errmsg);
  return st;
}

/* ==== shared helpers ==================================================== */

dyad_status dyad__read_check_text(const char *s, size_t len, size_t *bad)
{
  size_t i = 0;
#if defined(__SSE2__)
  /* fast path: 16 bytes a step while all are ASCII and none is NUL (the
   * bytes passed are valid and need no NUL search) */
  const __m128i zero = _mm_setzero_si128();
  const __m128i *blk = (const __m128i *)(const void *)s;
  while (i + 64 <= len) {
    /* four blocks at once: the OR shows a high bit, the minimum a NUL */
    __m128i a = _mm_loadu_si128(blk + i / 16 + 0);
    __m128i b = _mm_loadu_si128(blk + i / 16 + 1);
    __m128i c = _mm_loadu_si128(blk + i / 16 + 2);
    __m128i d = _mm_loadu_si128(blk + i / 16 + 3);
    __m128i hi = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
    __m128i lo = _mm_min_epu8(_mm_min_epu8(a, b), _mm_min_epu8(c, d));
    if (_mm_movemask_epi8(_mm_or_si128(hi, _mm_cmpeq_epi8(lo, zero))))
      break;
    i += 64;
  }
  while (i + 16 <= len) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, zero))))
      break;
    i += 16;
  }
#endif
  const char *nul = memchr(s + i, '\0', len - i);
  size_t lim = nul ? (size_t)(nul - s) : len;
  /* then over ASCII, eight bytes at a time */
  while (i + 8 <= lim) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ull)
      break;
    i += 8;
  }
  size_t ok = i + dyad__utf8_valid_prefix(s + i, lim - i);
  if (ok < lim) {
    *bad = ok;
    return DYAD_EUTF8;
  }
  if (nul) {
    *bad = lim;
    return DYAD_EBINARY;
  }
  return DYAD_OK;
}

uint64_t dyad__read_count_nl(const char *s, size_t len)
{
  uint64_t n = 0;
  const char *end = s + len;
  for (;;) {
    const char *q = memchr(s, '\n', (size_t)(end - s));
    if (!q)
      return n;
    n++;
    s = q + 1;
  }
}

dyad_status dyad__read_skip_past(dyad_reader *r, char c)
{
  struct dyad_rsrc *s = &r->src;
  for (;;) {
    const char *b = s->base + s->pos;
    size_t avail = s->end - s->pos;
    const char *q = avail ? memchr(b, c, avail) : NULL;
    if (q) {
      size_t n = (size_t)(q - b) + 1;
      r->line += dyad__read_count_nl(b, n);
      s->pos += n;
      return DYAD_OK;
    }
    r->line += dyad__read_count_nl(b, avail);
    s->pos = s->end;
    int rc = dyad__rsrc_more(&r->a, s);
    if (rc == 0)
      return DYAD_OK;
    if (rc == -3)
      return DYAD_ENOMEM;
    if (rc < 0)
      return DYAD_EIO;
  }
}

const char *dyad__read_default_id(dyad_reader *r, uint64_t line, size_t *len)
{
  size_t cap = strlen(r->name) + 24;
  char *p = dyad__arena_alloc(&r->arena, cap);
  if (!p)
    return NULL;
  int n = snprintf(p, cap, "%s:%llu", r->name, (unsigned long long)line);
  *len = n < 0 ? 0 : (size_t)n;
  return p;
}

dyad_status dyad__read_date(const char *s, size_t len, dyad_date *out)
{
  if (len > 10 && s[4] == '-' && (s[10] == 'T' || s[10] == ' '))
    len = 10;
  return dyad_date_parse(s, len, out);
}

dyad_status dyad__read_fail_date(dyad_reader *r, uint64_t line,
                                 const char *id, size_t id_len,
                                 const char *date, size_t date_len)
{
  size_t n = date_len;
  if (n > 10 && date[4] == '-' && (date[10] == 'T' || date[10] == ' '))
    n = 10;
  int shaped = n == 8 || (n == 10 && date[4] == '-' && date[7] == '-');
  for (size_t i = 0; i < n && shaped; i++)
    if (!(date[i] >= '0' && date[i] <= '9') && !(n == 10 && (i == 4 || i == 7)))
      shaped = 0;
  int show = (int)(date_len > 40 ? 40 : date_len);
  if (shaped)
    return dyad__read_fail_rec(r, DYAD_EDATE, line, id, id_len,
                               "impossible date '%.*s'", show, date);
  return dyad__read_fail_rec(r, DYAD_EDATE, line, id, id_len,
                             "bad date '%.*s' (want YYYY-MM-DD)", show, date);
}

/* ==== opening =========================================================== */

static dyad_reader *reader_new(const dyad_read_opts *opts)
{
  struct dyad_allocator a = {NULL, NULL};
  dyad_reader *r = dyad__calloc(&a, sizeof(*r));
  if (!r)
    return NULL;
  r->a = a;
  if (opts)
    r->opts = *opts;
  if (r->opts.max_record == 0)
    r->opts.max_record = DEFAULT_MAX_RECORD;
  r->src.fd = -1;
  dyad__arena_init(&r->arena, &r->a, 16 * 1024);
  return r;
}

dyad_reader *dyad_reader_open(const char *path, size_t path_len,
                              const dyad_read_opts *opts)
{
  dyad_reader *r = reader_new(opts);
  if (!r)
    return NULL;
  r->path = dyad__strndup(&r->a, path ? path : "", path ? path_len : 0);
  if (!r->path) {
    dyad_reader_free(r);
    return NULL;
  }
  return r;
}

dyad_reader *dyad_reader_open_mem(const char *buf, size_t len,
                                  const char *name, size_t name_len,
                                  const dyad_read_opts *opts)
{
  dyad_reader *r = reader_new(opts);
  if (!r)
    return NULL;
  r->mem = buf ? buf : "";
  r->mem_len = buf ? len : 0;
  r->mem_name = name ? dyad__strndup(&r->a, name, name_len)
                     : dyad__strndup(&r->a, "<memory>", 8);
  if (!r->mem_name) {
    dyad_reader_free(r);
    return NULL;
  }
  return r;
}

static void files_free(dyad_reader *r)
{
  for (size_t i = 0; i < r->files.n; i++)
    dyad__free(&r->a, r->files.v[i], strlen(r->files.v[i]) + 1);
  dyad__free(&r->a, r->files.v, r->files.cap * sizeof(char *));
  memset(&r->files, 0, sizeof(r->files));
}

static int files_add(dyad_reader *r, const char *path, size_t len)
{
  if (dyad__vec_grow(&r->a, (void **)&r->files.v, &r->files.cap,
                     sizeof(char *), r->files.n + 1))
    return -1;
  char *p = dyad__strndup(&r->a, path, len);
  if (!p)
    return -1;
  r->files.v[r->files.n++] = p;
  return 0;
}

static int cmpstr(const void *x, const void *y)
{
  return strcmp(*(char *const *)x, *(char *const *)y);
}

/* A folder being listed and the folders above it: a symbolic link back
 * to one of them is not followed again. */
struct ancestor {
  dev_t dev;                 /* device of the folder */
  ino_t ino;                 /* its inode */
  const struct ancestor *up; /* the folder above, NULL at the top */
};

/* Adds the files under dir, sorted by name at each level, depth first;
 * hidden entries (".name") are skipped. A sub-folder that cannot be
 * listed is added as a file, so that reading it reports why. */
static int list_dir(dyad_reader *r, const char *dir,
                    const struct ancestor *up, int depth)
{
  struct stat dst;
  struct ancestor me = {0, 0, up};
  if (stat(dir, &dst) == 0) {
    for (const struct ancestor *a = up; a; a = a->up)
      if (a->dev == dst.st_dev && a->ino == dst.st_ino)
        return 0; /* a loop */
    me.dev = dst.st_dev;
    me.ino = dst.st_ino;
  }
  DIR *d = opendir(dir);
  if (!d)
    return files_add(r, dir, strlen(dir));
  char **names = NULL;
  size_t n = 0, cap = 0;
  int rc = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    if (dyad__vec_grow(&r->a, (void **)&names, &cap, sizeof(char *), n + 1) ||
        !(names[n] = dyad__strndup(&r->a, e->d_name, strlen(e->d_name)))) {
      rc = -1;
      break;
    }
    n++;
  }
  closedir(d);
  if (rc == 0 && n)
    qsort(names, n, sizeof(char *), cmpstr);
  size_t dlen = strlen(dir);
  while (dlen > 1 && dir[dlen - 1] == '/')
    dlen--;
  for (size_t i = 0; i < n && rc == 0; i++) {
    size_t nl = strlen(names[i]), plen = dlen + 1 + nl;
    char *p = dyad__malloc(&r->a, plen + 1);
    if (!p) {
      rc = -1;
      break;
    }
    memcpy(p, dir, dlen);
    p[dlen] = '/';
    memcpy(p + dlen + 1, names[i], nl + 1);
    struct stat st;
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
      if (depth < MAX_DEPTH)
        rc = list_dir(r, p, &me, depth + 1);
    } else if (stat(p, &st) != 0 || S_ISREG(st.st_mode)) {
      rc = files_add(r, p, plen);
    }
    dyad__free(&r->a, p, plen + 1);
  }
  for (size_t i = 0; i < n; i++)
    dyad__free(&r->a, names[i], strlen(names[i]) + 1);
  dyad__free(&r->a, names, cap * sizeof(char *));
  return rc;
}

/* Collects the inputs on the first read. */
static dyad_status start(dyad_reader *r)
{
  r->started = 1;
  if (r->mem)
    return DYAD_OK;
  struct stat st;
  if (strcmp(r->path, "-") != 0 && stat(r->path, &st) == 0 &&
      S_ISDIR(st.st_mode)) {
    if (list_dir(r, r->path, NULL, 0))
      return dyad__read_fail(r, DYAD_ENOMEM, "out of memory");
    if (r->files.n == 0)
      return dyad__read_fail(r, DYAD_EEMPTY, "no files to read in '%s'",
                             r->path);
    return DYAD_OK;
  }
  if (files_add(r, r->path, strlen(r->path)))
    return dyad__read_fail(r, DYAD_ENOMEM, "out of memory");
  return DYAD_OK;
}

void dyad__reader_set_trickle(dyad_reader *r, size_t n)
{
  r->trickle = n;
}

static void close_input(dyad_reader *r)
{
  if (r->mem && !r->trickle)
    memset(&r->src, 0, sizeof(r->src));
  else
    dyad__rsrc_close(&r->a, &r->src);
  r->src.fd = -1;
  r->open = 0;
  r->xml_in_env = 0;
  r->pend.len = 0;
}

/* Loads at least want unconsumed bytes, or all there are. */
static dyad_status load(dyad_reader *r, size_t want)
{
  while (r->src.end - r->src.pos < want && !r->src.eof) {
    int rc = dyad__rsrc_more(&r->a, &r->src);
    if (rc == -3)
      return DYAD_ENOMEM;
    if (rc == -1)
      return DYAD_EIO;
    if (rc == -2)
      break;
  }
  return DYAD_OK;
}

static dyad_status io_fail(dyad_reader *r, const char *what, int err)
{
  char eb[128];
  if (r->src.errtext[0])
    snprintf(eb, sizeof(eb), "%s", r->src.errtext);
  else if (strerror_r(err, eb, sizeof(eb)) != 0)
    snprintf(eb, sizeof(eb), "error %d", err);
  return dyad__read_fail(r, DYAD_EIO, "cannot %s '%s': %s", what, r->name,
                         eb);
}

dyad_status dyad__read_io_fail(dyad_reader *r, dyad_status st)
{
  if (st == DYAD_ENOMEM)
    return dyad__read_fail(r, st, "out of memory");
  return io_fail(r, "read", r->src.err ? r->src.err : EIO);
}

/* Opens the next input and detects its format. Whole-input problems
 * (cannot open, empty, binary) close it again and return their status. */
static dyad_status open_input(dyad_reader *r)
{
  size_t window = r->opts.max_record + 1;
  if (window < MIN_WINDOW)
    window = MIN_WINDOW;
  if (r->mem) {
    if (r->ifile > 0)
      return DYAD_EOF;
    r->ifile = 1;
    r->name = r->mem_name;
    if (r->trickle)
      dyad__rsrc_open_trickle(&r->src, r->mem, r->mem_len, r->trickle,
                              window);
    else
      dyad__rsrc_open_mem(&r->src, r->mem, r->mem_len);
  } else {
    if (r->ifile >= r->files.n)
      return DYAD_EOF;
    r->name = r->files.v[r->ifile++];
    if (strcmp(r->name, "-") == 0) {
      r->name = "<stdin>";
      dyad__rsrc_open_fd(&r->src, 0, window);
    } else {
      int err = dyad__rsrc_open_file(&r->src, r->name, window);
      if (err)
        return io_fail(r, "open", err);
    }
  }
  r->open = 1;
  r->line = 0;
  /* the same bytes are checked however the input arrives */
  size_t sniff = BINARY_SNIFF < window ? BINARY_SNIFF : window;
  dyad_status st = load(r, sniff);
  struct dyad_rsrc *s = &r->src;
  if (s->end - s->pos >= 3 && memcmp(s->base + s->pos, "\xEF\xBB\xBF", 3) == 0)
    s->pos += 3; /* byte order mark */
  /* skip leading white space, however much there is */
  while (st == DYAD_OK) {
    while (s->pos < s->end && strchr(" \t\r\n\f\v", s->base[s->pos]) &&
           s->base[s->pos] != '\0') {
      if (s->base[s->pos] == '\n')
        r->line++;
      s->pos++;
    }
    if (s->pos < s->end || s->eof)
      break;
    st = load(r, sniff);
  }
  if (st == DYAD_OK)
    st = load(r, sniff);
  /* a read error after some bytes is reported where the reading stops */
  if (st == DYAD_ENOMEM || (st != DYAD_OK && s->pos >= s->end)) {
    st = dyad__read_io_fail(r, st);
    close_input(r);
    return st;
  }
  if (s->pos >= s->end) {
    close_input(r);
    return dyad__read_fail(r, DYAD_EEMPTY, "%s: empty file", r->name);
  }
  size_t n = s->end - s->pos;
  if (n > sniff)
    n = sniff;
  if (memchr(s->base + s->pos, '\0', n)) {
    close_input(r);
    return dyad__read_fail(r, DYAD_EBINARY, "%s: binary data, not text",
                           r->name);
  }
  r->fmt = r->opts.format;
  if (r->petr)
    r->fmt = DYAD_FMT_XML;
  if (r->fmt == DYAD_FMT_AUTO) {
    char c = s->base[s->pos];
    r->fmt = c == '{' ? DYAD_FMT_JSONL : c == '<' ? DYAD_FMT_XML
                                                  : DYAD_FMT_TEXT;
  }
  return DYAD_OK;
}

/* ==== reading =========================================================== */

/* The common loop: next record of any input, as an article or (petr) as
 * a PETRARCH item. */
static dyad_status next_any(dyad_reader *r, dyad_article *art,
                            struct dyad_petr_item *item)
{
  if (!r)
    return DYAD_EARG;
  dyad__arena_reset(&r->arena);
  if (r->json) {
    cJSON_Delete(r->json);
    r->json = NULL;
  }
  if (!r->started) {
    dyad_status st = start(r);
    if (st != DYAD_OK) {
      r->nbad++;
      r->ifile = r->files.n;
      return st;
    }
  }
  for (;;) {
    if (!r->open) {
      dyad_status st = open_input(r);
      if (st == DYAD_EOF)
        return st;
      if (st != DYAD_OK) {
        r->nbad++;
        return st;
      }
    }
    dyad_status st;
    struct dyad_petr_item tmp;
    if (r->fmt == DYAD_FMT_XML) {
      st = dyad__read_xml(r, item ? item : &tmp);
      if (st == DYAD_OK && !item)
        *art = tmp.art;
    } else if (r->fmt == DYAD_FMT_JSONL) { /* (petr reads only XML) */
      st = dyad__read_jsonl(r, art);
    } else {
      st = dyad__read_text(r, art);
    }
    if (st == DYAD_EOF) {
      close_input(r);
      continue;
    }
    if (st == DYAD_OK) {
      if (!item || item->kind == DYAD_PETR_SENTENCE)
        r->nok++;
    } else {
      r->nbad++;
      if (st == DYAD_EIO || st == DYAD_ENOMEM)
        close_input(r);
    }
    return st;
  }
}

dyad_status dyad_reader_next(dyad_reader *r, dyad_article *out)
{
  if (!out)
    return DYAD_EARG;
  if (r)
    r->petr = 0;
  return next_any(r, out, NULL);
}

dyad_status dyad__petr_next(dyad_reader *r, struct dyad_petr_item *out)
{
  if (!out)
    return DYAD_EARG;
  if (r)
    r->petr = 1;
  return next_any(r, NULL, out);
}

const char *dyad_reader_errmsg(const dyad_reader *r)
{
  return r ? r->errmsg : "";
}

void dyad_reader_counts(const dyad_reader *r, uint64_t *ok, uint64_t *bad)
{
  if (ok)
    *ok = r ? r->nok : 0;
  if (bad)
    *bad = r ? r->nbad : 0;
}

void dyad_reader_free(dyad_reader *r)
{
  if (!r)
    return;
  if (r->open)
    close_input(r);
  if (r->json)
    cJSON_Delete(r->json);
  files_free(r);
  dyad__arena_release(&r->arena);
  dyad_buf_release(&r->text);
  dyad_buf_release(&r->scratch);
  dyad_buf_release(&r->pend);
  dyad_vec_free(&r->a, r->codings);
  if (r->path)
    dyad__free(&r->a, r->path, strlen(r->path) + 1);
  if (r->mem_name)
    dyad__free(&r->a, r->mem_name, strlen(r->mem_name) + 1);
  struct dyad_allocator a = r->a;
  dyad__free(&a, r, sizeof(*r));
}
