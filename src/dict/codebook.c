/*
 * codebook.c: the CAMEO codebook (data/cameo/codebook.tsv): every event
 * code with its Goldstein score, QuadClass, PLOVER type and name, looked
 * up by code through a small open-addressing hash.
 *
 * Lines are "CODE<TAB>GOLDSTEIN<TAB>QUAD<TAB>PLOVER<TAB>NAME"; `#` lines,
 * blank lines and a header row starting with "CODE" are skipped. A
 * malformed row is reported as "file:line: message" through the dict's
 * problem list (fatal under DYAD_CFG_STRICT) and skipped. A missing file
 * leaves the codebook empty: lookups answer DYAD_ENOTFOUND.
 */
#include "dict.h"

#include <math.h>

struct dyad_codebook {
  struct dyad_arena arena;   /* strings */
  DYAD_VEC(dyad_cameo) rows; /* in file order */
  uint32_t *slots;           /* row index + 1, 0 empty */
  size_t nslots;
};

static uint32_t code_hash(const char *s, size_t n)
{
  return dyad__hash(s, n);
}

static int put(dyad_ctx *ctx, struct dyad_codebook *cb, uint32_t row)
{
  if ((cb->rows.n + 1) * 2 > cb->nslots) {
    size_t ns = cb->nslots ? cb->nslots * 2 : 512;
    uint32_t *s = dyad__calloc(&ctx->alloc, ns * sizeof(*s));
    if (!s)
      return -1;
    for (size_t k = 0; k < cb->nslots; k++) {
      if (!cb->slots[k])
        continue;
      const char *c = cb->rows.v[cb->slots[k] - 1].code;
      size_t j = code_hash(c, strlen(c)) & (ns - 1);
      while (s[j])
        j = (j + 1) & (ns - 1);
      s[j] = cb->slots[k];
    }
    dyad__free(&ctx->alloc, cb->slots, cb->nslots * sizeof(*cb->slots));
    cb->slots = s;
    cb->nslots = ns;
  }
  const char *c = cb->rows.v[row].code;
  size_t len = strlen(c);
  size_t j = code_hash(c, len) & (cb->nslots - 1);
  while (cb->slots[j]) {
    if (strcmp(cb->rows.v[cb->slots[j] - 1].code, c) == 0) {
      cb->slots[j] = row + 1; /* a later row replaces an earlier one */
      return 1;
    }
    j = (j + 1) & (cb->nslots - 1);
  }
  cb->slots[j] = row + 1;
  return 0;
}

/* Splits tab-separated fields in place; returns the count (at most cap). */
static size_t fields(char *s, char **out, size_t cap)
{
  size_t n = 0;
  while (n < cap) {
    out[n++] = s;
    char *t = strchr(s, '\t');
    if (!t)
      break;
    *t = '\0';
    s = t + 1;
  }
  return n;
}

static dyad_status load_rows(dyad_ctx *ctx, struct dyad_codebook *cb,
                             const char *path, char *buf, size_t len)
{
  struct dyad_dict_file f;
  memset(&f, 0, sizeof(f));
  f.ctx = ctx;
  f.d = ctx->dict;
  f.name = path;
  size_t pos = 0, n;
  char *line;
  dyad_status st = DYAD_OK;
  while (st == DYAD_OK && (line = dyad__dict_next_line(buf, len, &pos, &n))) {
    f.line++;
    if (n == 0 || line[0] == '#' || strncmp(line, "CODE\t", 5) == 0)
      continue;
    char *fl[6];
    size_t nf = fields(line, fl, 6);
    char code[8], mirror[8];
    char *end = NULL;
    double g = nf >= 2 ? strtod(fl[1], &end) : 0;
    long quad = nf >= 3 ? strtol(fl[2], NULL, 10) : 0;
    if (nf != 5) {
      st = dyad__dict_problem(&f, 0, "expected 5 tab-separated fields "
                                     "(CODE GOLDSTEIN QUAD PLOVER NAME)");
    } else if (dyad__dict_event_code(fl[0], strlen(fl[0]), code, mirror) ||
               mirror[0] || !code[0]) {
      st = dyad__dict_problem(&f, 0, "bad code '%s'", fl[0]);
    } else if (!end || *end || end == fl[1] || !isfinite(g) || g < -10 ||
               g > 10) {
      st = dyad__dict_problem(&f, 0, "bad Goldstein score '%s'", fl[1]);
    } else if (quad < 1 || quad > 4 || strlen(fl[2]) != 1) {
      st = dyad__dict_problem(&f, 0, "bad QuadClass '%s' (1..4)", fl[2]);
    } else {
      dyad_cameo *r = dyad_vec_push(&ctx->alloc, cb->rows);
      if (!r)
        return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
      r->code = dyad__arena_strndup(&cb->arena, code, strlen(code));
      r->name = dyad__arena_strndup(&cb->arena, fl[4], strlen(fl[4]));
      r->plover = strcmp(fl[3], "-") == 0
                      ? ""
                      : dyad__arena_strndup(&cb->arena, fl[3], strlen(fl[3]));
      r->goldstein = g;
      r->quad = (int)quad;
      if (!r->code || !r->name || !r->plover)
        return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
      int dupl = put(ctx, cb, (uint32_t)(cb->rows.n - 1));
      if (dupl < 0)
        return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
      if (dupl)
        st = dyad__dict_problem(&f, 0, "code %s listed twice", code);
      ctx->dict->counts.codebook++;
      continue;
    }
    ctx->dict->counts.skipped++;
  }
  return st;
}

dyad_status dyad__codebook_load(dyad_ctx *ctx)
{
  char path[4096];
  if (ctx->cameo)
    return DYAD_OK;
  dyad_status st = dyad__dict_ensure(ctx);
  if (st != DYAD_OK)
    return st;
  struct dyad_codebook *cb = dyad__calloc(&ctx->alloc, sizeof(*cb));
  if (!cb)
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  dyad__arena_init(&cb->arena, &ctx->alloc, 1 << 14);
  ctx->cameo = cb;
  if (dyad__ctx_data_path(ctx, "cameo/codebook.tsv", path, sizeof(path)) !=
      DYAD_OK)
    return DYAD_OK;
  return dyad__codebook_load_file(ctx, path);
}

dyad_status dyad__codebook_load_file(dyad_ctx *ctx, const char *path)
{
  dyad_status st = dyad__dict_ensure(ctx);
  if (st != DYAD_OK)
    return st;
  if (!ctx->cameo) {
    struct dyad_codebook *cb = dyad__calloc(&ctx->alloc, sizeof(*cb));
    if (!cb)
      return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
    dyad__arena_init(&cb->arena, &ctx->alloc, 1 << 14);
    ctx->cameo = cb;
  }
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return dyad__ctx_error(ctx, DYAD_EIO, "cannot open '%s'", path);
  size_t cap = 1 << 15, n = 0;
  char *buf = dyad__malloc(&ctx->alloc, cap);
  while (buf) {
    n += fread(buf + n, 1, cap - 1 - n, fp);
    if (n < cap - 1)
      break;
    char *nb = dyad__realloc(&ctx->alloc, buf, cap, cap * 2);
    if (!nb)
      dyad__free(&ctx->alloc, buf, cap);
    buf = nb;
    cap *= 2;
  }
  fclose(fp);
  if (!buf)
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  buf[n] = '\0';
  st = load_rows(ctx, ctx->cameo, path, buf, n);
  dyad__free(&ctx->alloc, buf, cap);
  return st;
}

void dyad__codebook_free(dyad_ctx *ctx)
{
  struct dyad_codebook *cb = ctx ? ctx->cameo : NULL;
  if (!cb)
    return;
  dyad_vec_free(&ctx->alloc, cb->rows);
  dyad__free(&ctx->alloc, cb->slots, cb->nslots * sizeof(*cb->slots));
  dyad__arena_release(&cb->arena);
  dyad__free(&ctx->alloc, cb, sizeof(*cb));
  ctx->cameo = NULL;
}

const dyad_cameo *dyad__codebook_find(const dyad_ctx *ctx, const char *code,
                                      size_t len)
{
  const struct dyad_codebook *cb = ctx ? ctx->cameo : NULL;
  if (!cb || !cb->nslots || !code)
    return NULL;
  size_t j = code_hash(code, len) & (cb->nslots - 1);
  while (cb->slots[j]) {
    const dyad_cameo *r = &cb->rows.v[cb->slots[j] - 1];
    if (strlen(r->code) == len && memcmp(r->code, code, len) == 0)
      return r;
    j = (j + 1) & (cb->nslots - 1);
  }
  return NULL;
}

size_t dyad__codebook_size(const dyad_ctx *ctx)
{
  const struct dyad_codebook *cb = ctx ? ctx->cameo : NULL;
  size_t n = 0;
  if (cb)
    for (size_t k = 0; k < cb->nslots; k++)
      n += cb->slots[k] != 0;
  return n;
}

dyad_status dyad_ctx_cameo(const dyad_ctx *ctx, const char *code, size_t len,
                           dyad_cameo *out)
{
  const dyad_cameo *r = dyad__codebook_find(ctx, code, len);
  if (!r)
    return DYAD_ENOTFOUND;
  *out = *r;
  return DYAD_OK;
}
