/*
 * load.c: loading dictionary files into ctx->dict. Reads whole files,
 * splits lines (LF or CR LF), sniffs the format (native, or one of the
 * PETRARCH/TABARI formats), records problems as "file:line: message", and
 * after every load rebuilds the verb index (dyad__dict_finish): verb lemma
 * -> its patterns, most specific first, with overridden patterns removed.
 *
 * Default data: for each folder of the data path, in order, every
 * actors/ *.txt, verbs/ *.txt, and top-level actors*.txt, agents*.txt,
 * verbs*.txt, nouns*.txt, cues*.txt, loaded in sorted path order. Missing
 * files are not an error (the content may be small). Errors in default
 * data are counted and skipped unless DYAD_CFG_STRICT.
 */
#include "dict.h"

#include <dirent.h>
#include <sys/stat.h>

/* ==== problems ========================================================= */

dyad_status dyad__dict_problem(struct dyad_dict_file *f, int warn,
                               const char *fmt, ...)
{
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  char full[512];
  int n = snprintf(full, sizeof(full), "%s:%u: %s%s", f->name, f->line,
                   warn ? "warning: " : "", msg);
  if (n < 0)
    return DYAD_ENOMEM;
  size_t len = strlen(full);
  char **slot = dyad_vec_push(&f->ctx->alloc, f->d->problems);
  if (!slot)
    return DYAD_ENOMEM;
  *slot = dyad__strndup(&f->ctx->alloc, full, len);
  if (!*slot) {
    f->d->problems.n--;
    return DYAD_ENOMEM;
  }
  if (warn)
    return DYAD_OK;
  f->d->nerrors++;
  if (f->ctx->flags & DYAD_CFG_STRICT)
    return dyad__ctx_error(f->ctx, DYAD_EDICT, "%s", full);
  return DYAD_OK;
}

/* (every entry line makes one: the number is written by hand, not with
 * snprintf, which was a sixth of the default load) */
const char *dyad__dict_rule(struct dyad_dict_file *f)
{
  char buf[32];
  char *e = buf + sizeof(buf) - 1, *b = e;
  *e = '\0';
  uint64_t v = f->line;
  do {
    *--b = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  *--b = ':';
  size_t n = (size_t)(e - b);
  size_t nl = strlen(f->rname);
  char *s = dyad__arena_alloc(&f->d->arena, nl + (size_t)n + 1);
  if (!s)
    return NULL;
  memcpy(s, f->rname, nl);
  memcpy(s + nl, b, n + 1);
  return s;
}

/* ==== lines and dates ================================================== */

char *dyad__dict_next_line(char *buf, size_t buflen, size_t *pos,
                           size_t *len)
{
  if (*pos >= buflen)
    return NULL;
  char *s = buf + *pos;
  char *nl = memchr(s, '\n', buflen - *pos);
  size_t n = nl ? (size_t)(nl - s) : buflen - *pos;
  *pos += n + (nl ? 1 : 0);
  while (n > 0 && (s[n - 1] == '\r'))
    n--;
  s[n] = '\0';
  *len = n;
  return s;
}

/* Days since 1970-01-01 of a valid date (Howard Hinnant's algorithm). */
static long days_from(dyad_date d)
{
  long y = d / 10000, m = d / 100 % 100, dd = d % 100;
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static dyad_date date_from(long z)
{
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  return (dyad_date)(y * 10000 + m * 100 + d);
}

dyad_date dyad__date_add(dyad_date d, int days)
{
  return date_from(days_from(d) + days);
}

int dyad__dict_date(const char *s, size_t len, int petr, dyad_date *out)
{
  if (petr && len == 6) {
    char buf[8];
    for (size_t k = 0; k < 6; k++)
      if (s[k] < '0' || s[k] > '9')
        return -1;
    int yy = (s[0] - '0') * 10 + (s[1] - '0');
    buf[0] = yy <= 30 ? '2' : '1';
    buf[1] = yy <= 30 ? '0' : '9';
    memcpy(buf + 2, s, 6);
    return dyad_date_parse(buf, 8, out) == DYAD_OK ? 0 : -1;
  }
  return dyad_date_parse(s, len, out) == DYAD_OK ? 0 : -1;
}

/* ==== codes and patterns =============================================== */

static int code_part(const char *s, size_t len, char out[8])
{
  if (len == 0 || len > 7)
    return -1;
  for (size_t k = 0; k < len; k++) {
    char c = s[k];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
          (c >= 'a' && c <= 'z') || c == '-'))
      return -1;
  }
  memcpy(out, s, len);
  out[len] = '\0';
  return 0;
}

int dyad__dict_event_code(const char *s, size_t len, char code[8],
                          char mirror[8])
{
  while (len && (*s == ' ' || *s == '\t'))
    s++, len--;
  while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;
  code[0] = mirror[0] = '\0';
  const char *colon = memchr(s, ':', len);
  if (!colon)
    return code_part(s, len, code);
  size_t a = (size_t)(colon - s);
  if (a && code_part(s, a, code))
    return -1;
  return code_part(colon + 1, len - a - 1, mirror);
}

int32_t dyad__dict_add_pat(struct dyad_dict *d, const struct dyad_allocator *a,
                           const struct dyad_verb_pat *p)
{
  struct dyad_verb_pat *q = dyad_vec_push(a, d->pats);
  if (!q)
    return -1;
  *q = *p;
  uint32_t h = 2166136261u;
  for (size_t k = 0; k < p->nitems; k++) {
    h = (h ^ p->items[k].kind) * 16777619u;
    h = (h ^ p->items[k].id) * 16777619u;
  }
  h = (h ^ p->npre) * 16777619u;
  q->hash = h;
  q->seq = d->seq++;
  q->nwords = 0;
  for (size_t k = 0; k < p->nitems; k++)
    if (p->items[k].kind == DYAD_VI_WORD || p->items[k].kind == DYAD_VI_SET)
      q->nwords++;
  return (int32_t)(d->pats.n - 1);
}

int dyad__dict_link(struct dyad_dict *d, const struct dyad_allocator *a,
                    uint32_t lemma, uint32_t pat)
{
  uint64_t *l = dyad_vec_push(a, d->vlinks);
  uint8_t *dead = dyad_vec_push(a, d->vdead);
  if (!l || !dead)
    return -1;
  *l = (uint64_t)lemma << 32 | pat;
  return 0;
}

/* ==== the dict object ================================================== */

dyad_status dyad__dict_ensure(dyad_ctx *ctx)
{
  if (ctx->dict)
    return DYAD_OK;
  struct dyad_dict *d = dyad__calloc(&ctx->alloc, sizeof(*d));
  if (!d)
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  dyad__arena_init(&d->arena, &ctx->alloc, 1 << 16);
  if (dyad_vec_reserve(&ctx->alloc, d->nodes, 4096)) {
    dyad__free(&ctx->alloc, d, sizeof(*d));
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  }
  for (int k = 0; k < DYAD_DK_COUNT; k++) {
    struct dyad_trie_node *n = dyad_vec_push(&ctx->alloc, d->nodes);
    n->entry = -1;
    n->kind = (uint8_t)k;
  }
  d->forms_only = (ctx->flags & DYAD_CFG_LITERAL) != 0;
  ctx->dict = d;
  return DYAD_OK;
}

static void free_index(const struct dyad_allocator *a, struct dyad_dict *d)
{
  dyad__free(a, d->vkeys, d->vslots * sizeof(*d->vkeys));
  dyad__free(a, d->voff, d->vslots * sizeof(*d->voff));
  dyad__free(a, d->vn, d->vslots * sizeof(*d->vn));
  dyad__free(a, (void *)d->vptrs, d->nvptrs * sizeof(*d->vptrs));
  d->vkeys = d->voff = d->vn = NULL;
  d->vptrs = NULL;
  d->vslots = d->nverbs = d->nvptrs = 0;
}

void dyad__dict_free(dyad_ctx *ctx)
{
  struct dyad_dict *d = ctx ? ctx->dict : NULL;
  if (!d)
    return;
  const struct dyad_allocator *a = &ctx->alloc;
  dyad_doc_free(d->scratch);
  dyad__free(a, d->live, d->live ? d->nlive + 1 : 0);
  free_index(a, d);
  dyad__free(a, d->ekeys, d->eslots * sizeof(*d->ekeys));
  dyad__free(a, d->evals, d->eslots * sizeof(*d->evals));
  dyad_vec_free(a, d->first);
  for (size_t k = 0; k < d->problems.n; k++)
    dyad__free(a, d->problems.v[k], strlen(d->problems.v[k]) + 1);
  dyad_vec_free(a, d->problems);
  dyad_vec_free(a, d->nodes);
  dyad_vec_free(a, d->actors);
  dyad_vec_free(a, d->acodes);
  dyad_vec_free(a, d->agents);
  dyad_vec_free(a, d->nouns);
  dyad_vec_free(a, d->cues);
  dyad_vec_free(a, d->discards);
  dyad_vec_free(a, d->pats);
  dyad_vec_free(a, d->sets);
  dyad_vec_free(a, d->members);
  dyad_vec_free(a, d->setwords);
  dyad_vec_free(a, d->vlinks);
  dyad_vec_free(a, d->vdead);
  dyad__arena_release(&d->arena);
  dyad__free(a, d, sizeof(*d));
  ctx->dict = NULL;
}

/* ==== the verb index =================================================== */

static int same_items(const struct dyad_verb_pat *p,
                      const struct dyad_verb_pat *q)
{
  if (p->hash != q->hash || p->nitems != q->nitems || p->npre != q->npre)
    return 0;
  for (size_t k = 0; k < p->nitems; k++)
    if (p->items[k].kind != q->items[k].kind ||
        p->items[k].id != q->items[k].id)
      return 0;
  return 1;
}

/* Do two patterns come from the same file? */
static int same_rule_file(const struct dyad_verb_pat *p,
                          const struct dyad_verb_pat *q)
{
  const char *a = strrchr(p->rule, ':'), *b = strrchr(q->rule, ':');
  return a && b && a - p->rule == b - q->rule &&
         memcmp(p->rule, q->rule, (size_t)(a - p->rule)) == 0;
}

/* qsort context is not portable; the comparison needs the pattern array,
 * so links are sorted through a small record holding both. */
struct slink {
  uint32_t lemma;
  const struct dyad_verb_pat *p;
};

static int slink_cmp(const void *x, const void *y)
{
  const struct slink *a = x, *b = y;
  if (a->lemma != b->lemma)
    return a->lemma < b->lemma ? -1 : 1;
  if (a->p->nwords != b->p->nwords)
    return a->p->nwords > b->p->nwords ? -1 : 1;
  if (a->p->nitems != b->p->nitems)
    return a->p->nitems > b->p->nitems ? -1 : 1;
  return a->p->seq > b->p->seq ? -1 : a->p->seq < b->p->seq;
}

static const char *verb_name(const dyad_ctx *ctx, uint32_t lemma)
{
  const char *s = dyad__vocab_str(&ctx->vocab, lemma, NULL);
  return s ? s : "?";
}

/* Marks links overridden by a later identical pattern of the same verb
 * and reports new duplicates (same code: warning) and conflicts. */
static dyad_status dedupe(dyad_ctx *ctx)
{
  struct dyad_dict *d = ctx->dict;
  size_t n = d->vlinks.n;
  size_t slots = 16;
  while (slots < n * 2)
    slots *= 2;
  uint32_t *tab = dyad__calloc(&ctx->alloc, slots * sizeof(*tab));
  if (!tab)
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  size_t last_reported = (size_t)-1;
  dyad_status st = DYAD_OK;
  for (size_t k = 0; k < n && st == DYAD_OK; k++) {
    if (d->vdead.v[k])
      continue;
    uint32_t lemma = (uint32_t)(d->vlinks.v[k] >> 32);
    const struct dyad_verb_pat *p = &d->pats.v[(uint32_t)d->vlinks.v[k]];
    size_t j = (lemma * 2654435761u ^ p->hash) & (slots - 1);
    for (;; j = (j + 1) & (slots - 1)) {
      if (!tab[j]) {
        tab[j] = (uint32_t)k + 1;
        break;
      }
      size_t o = tab[j] - 1;
      const struct dyad_verb_pat *q = &d->pats.v[(uint32_t)d->vlinks.v[o]];
      if ((uint32_t)(d->vlinks.v[o] >> 32) != lemma || !same_items(p, q))
        continue;
      if (q->user && !p->user) { /* a user pattern loaded first wins */
        d->vdead.v[k] = 1;
        break;
      }
      d->vdead.v[o] = 1;
      tab[j] = (uint32_t)k + 1;
      if (k >= d->vlinks_checked && (!p->user || same_rule_file(p, q)) &&
          p != q &&
          last_reported != (uint32_t)d->vlinks.v[k]) {
        last_reported = (uint32_t)d->vlinks.v[k];
        int same = strcmp(p->code, q->code) == 0 &&
                   strcmp(p->mirror, q->mirror) == 0;
        struct dyad_dict_file f = {ctx, d, p->rule, p->rule, 0, 0, 0};
        char name[300];
        const char *colon = strrchr(p->rule, ':');
        snprintf(name, sizeof(name), "%.*s",
                 (int)(colon ? colon - p->rule : 0), p->rule);
        f.name = name;
        f.line = colon ? (uint32_t)strtoul(colon + 1, NULL, 10) : 0;
        st = same ? dyad__dict_problem(&f, 1,
                                       "duplicate pattern of '%s' (as %s)",
                                       verb_name(ctx, lemma), q->rule)
                  : dyad__dict_problem(
                        &f, 0,
                        "conflicting codes for a pattern of '%s': %s%s%s "
                        "here, %s%s%s at %s",
                        verb_name(ctx, lemma), p->code, p->mirror[0] ? ":" : "",
                        p->mirror, q->code, q->mirror[0] ? ":" : "",
                        q->mirror, q->rule);
      }
      break;
    }
  }
  dyad__free(&ctx->alloc, tab, slots * sizeof(*tab));
  d->vlinks_checked = n;
  return st;
}

dyad_status dyad__dict_finish(dyad_ctx *ctx)
{
  struct dyad_dict *d = ctx->dict;
  const struct dyad_allocator *a = &ctx->alloc;
  if (!d)
    return DYAD_OK;
  dyad_doc_free(d->scratch); /* its arena is only needed while loading */
  d->scratch = NULL;
  dyad__free(a, d->live, d->live ? d->nlive + 1 : 0);
  d->nlive = d->actors.n;
  d->live = dyad__calloc(a, d->nlive + 1);
  if (!d->live) {
    d->nlive = 0;
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  }
  for (size_t k = 0; k < d->nodes.n; k++)
    if (d->nodes.v[k].kind == DYAD_DK_ACTOR && d->nodes.v[k].entry >= 0 &&
        (size_t)d->nodes.v[k].entry < d->nlive)
      d->live[d->nodes.v[k].entry] = 1;
  dyad_status st = dedupe(ctx);
  if (st != DYAD_OK)
    return st;
  for (size_t k = 0; k < d->pats.n; k++) {
    struct dyad_verb_pat *p = &d->pats.v[k];
    p->sig = 0;
    for (uint16_t j = p->npre; j < p->nitems; j++)
      if (p->items[j].kind == DYAD_VI_WORD &&
          (!p->items[j].lemma || p->items[j].lemma == p->items[j].id))
        p->sig |= dyad__word_sigbit(p->items[j].id);
  }
  free_index(a, d);
  size_t live = 0;
  for (size_t k = 0; k < d->vlinks.n; k++)
    live += !d->vdead.v[k];
  if (!live)
    return DYAD_OK;
  struct slink *sl = dyad__malloc(a, live * sizeof(*sl));
  if (!sl)
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  size_t m = 0;
  for (size_t k = 0; k < d->vlinks.n; k++) {
    if (d->vdead.v[k])
      continue;
    sl[m].lemma = (uint32_t)(d->vlinks.v[k] >> 32);
    sl[m].p = &d->pats.v[(uint32_t)d->vlinks.v[k]];
    m++;
  }
  qsort(sl, m, sizeof(*sl), slink_cmp);
  size_t nv = 0;
  for (size_t k = 0; k < m; k++)
    nv += k == 0 || sl[k].lemma != sl[k - 1].lemma;
  size_t slots = 16;
  while (slots < nv * 2)
    slots *= 2;
  d->vkeys = dyad__calloc(a, slots * sizeof(*d->vkeys));
  d->voff = dyad__malloc(a, slots * sizeof(*d->voff));
  d->vn = dyad__malloc(a, slots * sizeof(*d->vn));
  d->vptrs = dyad__malloc(a, m * sizeof(*d->vptrs));
  d->vslots = slots;
  d->nvptrs = m;
  if (!d->vkeys || !d->voff || !d->vn || !d->vptrs) {
    dyad__free(a, sl, live * sizeof(*sl));
    free_index(a, d);
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  }
  for (size_t k = 0; k < m; k++) {
    d->vptrs[k] = sl[k].p;
    if (k > 0 && sl[k].lemma == sl[k - 1].lemma)
      continue;
    size_t j = (sl[k].lemma * 2654435761u) & (slots - 1);
    while (d->vkeys[j])
      j = (j + 1) & (slots - 1);
    d->vkeys[j] = sl[k].lemma;
    d->voff[j] = (uint32_t)k;
    size_t e = k;
    while (e < m && sl[e].lemma == sl[k].lemma)
      e++;
    d->vn[j] = (uint32_t)(e - k);
  }
  d->nverbs = nv;
  dyad__free(a, sl, live * sizeof(*sl));
  return DYAD_OK;
}

/* ==== files ============================================================ */

/* Reads a whole file into a NUL-terminated heap buffer. */
static dyad_status slurp(dyad_ctx *ctx, const char *path, char **buf,
                         size_t *len, size_t *bcap)
{
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return dyad__ctx_error(ctx, DYAD_EIO, "cannot open '%s'", path);
  size_t cap = 1 << 16, n = 0;
  char *b = dyad__malloc(&ctx->alloc, cap);
  while (b) {
    n += fread(b + n, 1, cap - 1 - n, fp);
    if (n < cap - 1)
      break;
    char *nb = dyad__realloc(&ctx->alloc, b, cap, cap * 2);
    if (!nb) {
      dyad__free(&ctx->alloc, b, cap);
      b = NULL;
      break;
    }
    b = nb;
    cap *= 2;
  }
  int err = ferror(fp);
  fclose(fp);
  if (!b)
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  if (err) {
    dyad__free(&ctx->alloc, b, cap);
    return dyad__ctx_error(ctx, DYAD_EIO, "cannot read '%s'", path);
  }
  b[n] = '\0';
  *buf = b;
  *len = n;
  *bcap = cap;
  return DYAD_OK;
}

static int has_word(const char *s, const char *w)
{
  return strstr(s, w) != NULL;
}

/* Sniffs a file's format from its content (and name, for discards). */
static int sniff(const char *path, const char *buf, size_t len)
{
  int native = 0, bracket = 0, agent = 0, lines = 0;
  size_t pos = 0;
  while (pos < len && lines < 400) {
    const char *s = buf + pos;
    const char *nl = memchr(s, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - s) : len - pos;
    pos += n + 1;
    if (n >= 3 && memcmp(s, "---", 3) == 0 && n > 4 &&
        memchr(s + 3, '[', n - 3))
      return DYAD_DICT_PETR_VERBS;
    if (n >= 21 && (memcmp(s, "####### VERB PATTERNS", 21) == 0 ||
                    memcmp(s, "####### SYNONYM SETS", 20) == 0))
      return DYAD_DICT_PETR_VERBS;
    if (n > 1 && s[0] == '&' && s[1] >= 'A' && s[1] <= 'Z')
      return DYAD_DICT_PETR_VERBS; /* a synset */
    if (n >= 6 && memcmp(s, "<ISSUE", 6) == 0)
      return -2; /* PETRARCH issue coding: not a dictionary we use */
    if (n == 0 || s[0] == '#' || (n > 1 && s[0] == '<' && s[1] == '!'))
      continue;
    lines++;
    const char *hash = memchr(s, '#', n);
    size_t m = hash ? (size_t)(hash - s) : n;
    const char *lb = memchr(s, '[', m);
    const char *eq = memchr(s, '=', m);
    if (lb && (memchr(lb, '~', m - (size_t)(lb - s))))
      agent++;
    else if (s[0] == '!' && eq)
      agent++;
    else if (lb && s[0] != '[')
      bracket++;
    else if (eq || s[0] == '[')
      native++;
  }
  if (agent && agent >= bracket)
    return DYAD_DICT_PETR_AGENTS;
  if (bracket > native)
    return DYAD_DICT_PETR_ACTORS;
  if (native)
    return DYAD_DICT_NATIVE;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  char low[256];
  size_t k = 0;
  for (; base[k] && k + 1 < sizeof(low); k++)
    low[k] = (char)(base[k] >= 'A' && base[k] <= 'Z' ? base[k] + 32 : base[k]);
  low[k] = '\0';
  if (has_word(low, "discard"))
    return DYAD_DICT_PETR_DISCARDS;
  return -1;
}

/* Native kind implied by a path: the nearest path component (basename
 * first, then two folders up) that starts with actor, agent, verb, noun or
 * cue. -1 when none does. */
static int kind_of_path(const char *path)
{
  static const char *const names[] = {"actor", "agent", "verb", "noun",
                                      "cue"};
  const char *end = path + strlen(path);
  for (int depth = 0; depth < 3 && end > path; depth++) {
    const char *b = end;
    while (b > path && b[-1] != '/')
      b--;
    for (int k = 0; k < 5; k++) {
      size_t n = strlen(names[k]);
      if ((size_t)(end - b) >= n && strncmp(b, names[k], n) == 0)
        return k;
    }
    end = b > path ? b - 1 : path;
  }
  return -1;
}

/* Parses buf (NUL-terminated, writable: lines are cut in place) as a
 * dictionary named path in the given format (AUTO: sniffed). */
static dyad_status load_buf(dyad_ctx *ctx, const char *path, char *buf,
                            size_t len, int format, int user)
{
  dyad_status st = dyad__dict_ensure(ctx);
  if (st != DYAD_OK)
    return st;
  struct dyad_dict *d = ctx->dict;
  struct dyad_dict_file f;
  memset(&f, 0, sizeof(f));
  f.ctx = ctx;
  f.d = d;
  f.name = path;
  f.rname = dyad__arena_strndup(&d->arena, path, strlen(path));
  f.kind = kind_of_path(path);
  f.user = (uint8_t)user;
  d->loading_user = (uint8_t)user;
  if (!f.rname)
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  if (format == DYAD_DICT_AUTO) {
    format = sniff(path, buf, len);
    if (format == -2)
      return dyad__ctx_error(ctx, DYAD_EDICT,
                             "%s: PETRARCH issue coding files are not "
                             "supported", path);
    if (format < 0)
      return dyad__ctx_error(ctx, DYAD_EDICT,
                             "%s: cannot tell the dictionary format", path);
  }
  d->counts.files++;
  switch (format) {
  case DYAD_DICT_NATIVE: return dyad__load_native(&f, buf, len);
  case DYAD_DICT_PETR_VERBS: return dyad__load_petr_verbs(&f, buf, len);
  case DYAD_DICT_PETR_ACTORS: return dyad__load_petr_actors(&f, buf, len);
  case DYAD_DICT_PETR_AGENTS: return dyad__load_petr_agents(&f, buf, len);
  case DYAD_DICT_PETR_DISCARDS: return dyad__load_petr_discards(&f, buf, len);
  default:
    return dyad__ctx_error(ctx, DYAD_EARG, "unknown dictionary format %d",
                           format);
  }
}

static dyad_status load_file(dyad_ctx *ctx, const char *path, int format,
                             int user)
{
  char *buf = NULL;
  size_t len = 0, cap = 0;
  dyad_status st = dyad__dict_ensure(ctx);
  if (st == DYAD_OK)
    st = slurp(ctx, path, &buf, &len, &cap);
  if (st != DYAD_OK)
    return st;
  st = load_buf(ctx, path, buf, len, format, user);
  dyad__free(&ctx->alloc, buf, cap);
  return st;
}

dyad_status dyad__dict_load_mem(dyad_ctx *ctx, const char *name,
                                const char *buf, size_t len, int format)
{
  if (format < 0 || format > DYAD_DICT_PETR_DISCARDS)
    return dyad__ctx_error(ctx, DYAD_EARG, "bad dictionary format");
  char *copy = dyad__malloc(&ctx->alloc, len + 1);
  if (!copy)
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  memcpy(copy, buf, len);
  copy[len] = '\0';
  dyad_status st = load_buf(ctx, name, copy, len, format, 1);
  dyad__free(&ctx->alloc, copy, len + 1);
  if (st == DYAD_OK)
    st = dyad__dict_finish(ctx);
  return st;
}

int dyad_dict_format_parse(const char *s, size_t len)
{
  static const char *const names[] = {"auto", "native", "petrarch-verbs",
                                      "petrarch-actors", "petrarch-agents",
                                      "petrarch-discards"};
  for (size_t k = 0; k < DYAD_ARRAY_LEN(names); k++)
    if (strlen(names[k]) == len && memcmp(names[k], s, len) == 0)
      return (int)k;
  return -1;
}

dyad_status dyad_ctx_load_dict(dyad_ctx *ctx, const char *path, size_t len,
                               int format)
{
  char p[4096];
  if (!ctx || !path || len == 0 || len >= sizeof(p) || format < 0 ||
      format > DYAD_DICT_PETR_DISCARDS)
    return ctx ? dyad__ctx_error(ctx, DYAD_EARG, "bad dictionary argument")
               : DYAD_EARG;
  memcpy(p, path, len);
  p[len] = '\0';
  const char *name = p;
  const char *colon = strchr(p, ':');
  if (format == DYAD_DICT_AUTO && colon) { /* "petrarch-verbs:PATH" */
    int f = dyad_dict_format_parse(p, (size_t)(colon - p));
    if (f > 0) {
      format = f;
      name = colon + 1;
    }
  }
  dyad_status st = load_file(ctx, name, format, 1);
  if (st == DYAD_OK)
    st = dyad__dict_finish(ctx);
  if (st == DYAD_OK && ctx->chunkw) /* new words may be listed ones */
    st = dyad__chunk_words_build(ctx);
  return st;
}

/* ==== default data ===================================================== */

struct pathlist {
  DYAD_VEC(char *) v;
};

static int add_path(dyad_ctx *ctx, struct pathlist *pl, const char *dir,
                    const char *name)
{
  char buf[4096];
  int n = snprintf(buf, sizeof(buf), "%s/%s", dir, name);
  if (n < 0 || (size_t)n >= sizeof(buf))
    return 0;
  char **s = dyad_vec_push(&ctx->alloc, pl->v);
  if (!s)
    return -1;
  *s = dyad__strndup(&ctx->alloc, buf, (size_t)n);
  return *s ? 0 : -1;
}

static int txt(const char *name)
{
  size_t n = strlen(name);
  return n > 4 && strcmp(name + n - 4, ".txt") == 0 && name[0] != '.';
}

/* Collects dir's dictionary files: sub = "actors" or "verbs" (every .txt
 * below), or top-level files whose name starts with a kind. */
static int collect(dyad_ctx *ctx, struct pathlist *pl, const char *dir,
                   int depth)
{
  DIR *dp = opendir(dir);
  if (!dp)
    return 0;
  struct dirent *e;
  int rc = 0;
  while (rc == 0 && (e = readdir(dp)) != NULL) {
    const char *nm = e->d_name;
    if (nm[0] == '.')
      continue;
    char sub[4096];
    int n = snprintf(sub, sizeof(sub), "%s/%s", dir, nm);
    if (n < 0 || (size_t)n >= sizeof(sub))
      continue;
    struct stat sb;
    if (stat(sub, &sb) != 0)
      continue;
    if (S_ISDIR(sb.st_mode)) {
      if (depth == 0 && (strcmp(nm, "actors") == 0 || strcmp(nm, "verbs") == 0))
        rc = collect(ctx, pl, sub, 1);
      else if (depth > 0 && depth < 4)
        rc = collect(ctx, pl, sub, depth + 1);
      continue;
    }
    if (!txt(nm))
      continue;
    if (depth > 0 || kind_of_path(nm) >= 0)
      rc = add_path(ctx, pl, dir, nm);
  }
  closedir(dp);
  return rc;
}

static int str_cmp(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

dyad_status dyad__dict_load_defaults(dyad_ctx *ctx)
{
  dyad_status st = dyad__dict_ensure(ctx);
  if (st != DYAD_OK || ctx->dict->defaults)
    return st;
  ctx->dict->defaults = 1;
  const char *p = ctx->data_dir;
  while (st == DYAD_OK && *p) {
    const char *e = strchr(p, ':');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char dir[4096];
    if (n > 0 && n < sizeof(dir)) {
      memcpy(dir, p, n);
      dir[n] = '\0';
      struct pathlist pl;
      memset(&pl, 0, sizeof(pl));
      if (collect(ctx, &pl, dir, 0))
        st = dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
      if (pl.v.n)
        qsort(pl.v.v, pl.v.n, sizeof(*pl.v.v), str_cmp);
      for (size_t k = 0; k < pl.v.n; k++) {
        if (st == DYAD_OK)
          st = load_file(ctx, pl.v.v[k], DYAD_DICT_NATIVE, 0);
        dyad__free(&ctx->alloc, pl.v.v[k], strlen(pl.v.v[k]) + 1);
      }
      dyad_vec_free(&ctx->alloc, pl.v);
    }
    p += n;
    if (*p == ':')
      p++;
  }
  if (st == DYAD_OK)
    st = dyad__dict_finish(ctx);
  return st;
}

dyad_status dyad_ctx_load_dictionaries(dyad_ctx *ctx)
{
  dyad_status st = dyad__codebook_load(ctx);
  if (st == DYAD_OK)
    st = dyad__dict_load_defaults(ctx);
  return st;
}
