/*
 * gazetteer.c: loads build/data/gazetteer.bin (see where.h and
 * tools/gazetteer/build.js) and looks names up in it.
 *
 * Loading reads the file into one buffer, checks every count, offset and
 * index, and builds one open-addressing hash table over the names: two
 * allocations in all, tens of milliseconds for 230,000 places. A missing
 * file is not an error: ctx->gaz stays NULL and places are disabled
 * (dyad_ctx_load_gazetteer reports why). A malformed file is DYAD_EFORMAT.
 */
#include "where.h"

#include <errno.h>
#include <stdio.h>

#define GAZ_FILE "gazetteer.bin"
#define GAZ_MAGIC "DYADGAZ1"
#define GAZ_HDR 32

size_t dyad__gaz_key(const char *s, size_t len, char *out, size_t cap)
{
  size_t n = dyad__fold(s, len, out, cap);
  if (n == (size_t)-1)
    return 0;
  /* ASCII punctuation and spaces -> one space; trim both ends */
  size_t o = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)out[i];
    int alnum = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum) {
      space = o > 0;
      continue;
    }
    if (space) {
      out[o++] = ' ';
      space = 0;
    }
    out[o++] = (char)c;
  }
  return o;
}

static uint32_t rd32(const char *p)
{
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

/* Checks the loaded file; returns a static description of the first
 * problem, NULL when it is sound. */
static const char *check(const struct dyad_gazetteer *g)
{
  for (uint32_t i = 0; i < g->nplace; i++) {
    const struct dyad_gaz_place *p = &g->places[i];
    if (p->name >= g->nstr)
      return "place name offset out of range";
    if ((p->adm1 != DYAD_GAZ_NONE && p->adm1 >= g->nplace) ||
        (p->country != DYAD_GAZ_NONE && p->country >= g->nplace))
      return "place index out of range";
    if (p->kind < DYAD_GK_COUNTRY || p->kind > DYAD_GK_ADM2)
      return "unknown place kind";
  }
  for (uint32_t i = 0; i < g->nname; i++) {
    const struct dyad_gaz_name *n = &g->names[i];
    if (n->key > g->nstr || n->klen > g->nstr - n->key || n->klen == 0)
      return "name key out of range";
    if (n->cand > g->ncand || n->ncand > g->ncand - n->cand || !n->ncand)
      return "name candidates out of range";
  }
  for (uint32_t i = 0; i < g->ncand; i++)
    if (g->cands[i] >= g->nplace)
      return "candidate out of range";
  return NULL;
}

static void gaz_free(dyad_ctx *ctx, struct dyad_gazetteer *g)
{
  if (!g)
    return;
  dyad__free(&ctx->alloc, g->buf, g->len);
  dyad__free(&ctx->alloc, g->slots, (size_t)g->nslots * sizeof(uint32_t));
  dyad__free(&ctx->alloc, g->bits, (size_t)g->nbits / 8);
  dyad__free(&ctx->alloc, g->capital, (size_t)g->ncountry * sizeof(uint32_t) + 1);
  dyad__free(&ctx->alloc, g, sizeof(*g));
}

void dyad__gazetteer_free(dyad_ctx *ctx)
{
  gaz_free(ctx, ctx->gaz);
  ctx->gaz = NULL;
}

/* Reads the whole file into a buffer from ctx's allocator. */
static dyad_status slurp(dyad_ctx *ctx, const char *path, char **out,
                         size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return dyad__ctx_error(ctx, DYAD_EIO, "%s: %s", path, strerror(errno));
  long sz = -1;
  if (fseek(f, 0, SEEK_END) == 0)
    sz = ftell(f);
  if (sz < 0 || fseek(f, 0, SEEK_SET) != 0 || (unsigned long)sz > UINT32_MAX) {
    fclose(f);
    return dyad__ctx_error(ctx, DYAD_EIO, "%s: cannot size the file", path);
  }
  char *buf = dyad__malloc(&ctx->alloc, (size_t)sz + 1);
  if (!buf) {
    fclose(f);
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  }
  size_t got = fread(buf, 1, (size_t)sz, f);
  fclose(f);
  if (got != (size_t)sz) {
    dyad__free(&ctx->alloc, buf, (size_t)sz + 1);
    return dyad__ctx_error(ctx, DYAD_EIO, "%s: short read", path);
  }
  *out = buf;
  *len = (size_t)sz + 1;
  return DYAD_OK;
}

dyad_status dyad__gazetteer_load(dyad_ctx *ctx)
{
  if (ctx->gaz)
    return DYAD_OK;
  char path[1024];
  if (dyad__ctx_data_path(ctx, GAZ_FILE, path, sizeof(path)) != DYAD_OK)
    return DYAD_OK; /* places disabled; dyad_ctx_load_gazetteer says why */
  const uint32_t one = 1;
  char endian;
  memcpy(&endian, &one, 1);
  if (!endian)
    return dyad__ctx_error(ctx, DYAD_EFORMAT,
                           "%s: needs a little-endian machine", path);
  struct dyad_gazetteer *g = dyad__calloc(&ctx->alloc, sizeof(*g));
  if (!g)
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  dyad_status st = slurp(ctx, path, &g->buf, &g->len);
  if (st != DYAD_OK) {
    gaz_free(ctx, g);
    return st;
  }
  size_t flen = g->len - 1;
  const char *b = g->buf;
  if (flen < GAZ_HDR || memcmp(b, GAZ_MAGIC, 8) != 0) {
    gaz_free(ctx, g);
    return dyad__ctx_error(ctx, DYAD_EFORMAT, "%s: not a dyad gazetteer "
                           "(rebuild with `make data`)", path);
  }
  g->nplace = rd32(b + 8);
  g->nname = rd32(b + 12);
  g->ncand = rd32(b + 16);
  g->nstr = rd32(b + 20);
  uint64_t need = GAZ_HDR + (uint64_t)g->nplace * 32 + (uint64_t)g->nname * 12 +
                  (uint64_t)g->ncand * 4 + g->nstr;
  if (need != flen || g->nstr == 0 || b[flen - 1] != '\0') {
    gaz_free(ctx, g);
    return dyad__ctx_error(ctx, DYAD_EFORMAT, "%s: sizes do not add up "
                           "(rebuild with `make data`)", path);
  }
  /* every table starts at a multiple of 4 from a malloc'd buffer */
  g->places = (const struct dyad_gaz_place *)(const void *)(b + GAZ_HDR);
  g->names = (const struct dyad_gaz_name *)(const void *)(g->places +
                                                          g->nplace);
  g->cands = (const uint32_t *)(const void *)(g->names + g->nname);
  g->str = (const char *)(g->cands + g->ncand);
  const char *bad = check(g);
  if (bad) {
    gaz_free(ctx, g);
    return dyad__ctx_error(ctx, DYAD_EFORMAT, "%s: %s", path, bad);
  }
  while (g->ncountry < g->nplace &&
         g->places[g->ncountry].kind == DYAD_GK_COUNTRY)
    g->ncountry++;
  /* each country's capital: the most populous of its PPLC places */
  g->capital = dyad__malloc(&ctx->alloc,
                            (size_t)g->ncountry * sizeof(uint32_t) + 1);
  if (!g->capital) {
    gaz_free(ctx, g);
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  }
  for (uint32_t c = 0; c < g->ncountry; c++)
    g->capital[c] = DYAD_GAZ_NONE;
  for (uint32_t i = g->ncountry; i < g->nplace; i++) {
    const struct dyad_gaz_place *p = &g->places[i];
    if (p->kind != DYAD_GK_CAPITAL || p->country >= g->ncountry)
      continue;
    uint32_t *c = &g->capital[p->country];
    if (*c == DYAD_GAZ_NONE || g->places[*c].pop < p->pop)
      *c = i;
  }
  /* hash table over distinct keys (records with one key are adjacent) */
  uint32_t ns = 1024;
  while (ns < g->nname * 2u && ns < (1u << 30))
    ns <<= 1;
  g->nslots = ns;
  g->slots = dyad__calloc(&ctx->alloc, (size_t)ns * sizeof(uint32_t));
  g->nbits = 1u << 21; /* 256 KiB; about one bit in 14 set */
  g->bits = dyad__calloc(&ctx->alloc, (size_t)g->nbits / 8);
  if (!g->slots || !g->bits) {
    gaz_free(ctx, g);
    return dyad__ctx_error(ctx, DYAD_ENOMEM, "out of memory");
  }
  for (uint32_t i = 0; i < g->nname; i++) {
    const struct dyad_gaz_name *n = &g->names[i];
    if (i > 0 && n->klen == n[-1].klen &&
        memcmp(g->str + n->key, g->str + n[-1].key, n->klen) == 0)
      continue;
    uint32_t hv = dyad__hash(g->str + n->key, n->klen);
    uint32_t bit = hv & (g->nbits - 1);
    g->bits[bit >> 6] |= (uint64_t)1 << (bit & 63);
    uint32_t h = hv & (ns - 1);
    while (g->slots[h])
      h = (h + 1) & (ns - 1);
    g->slots[h] = i + 1;
  }
  ctx->gaz = g;
  return DYAD_OK;
}

const struct dyad_gaz_name *dyad__gaz_find(const struct dyad_gazetteer *g,
                                           const char *key, size_t klen,
                                           size_t *n)
{
  uint32_t m = g->nslots - 1;
  uint32_t hv = dyad__hash(key, klen);
  uint32_t bit = hv & (g->nbits - 1);
  *n = 0;
  if (!(g->bits[bit >> 6] & ((uint64_t)1 << (bit & 63))))
    return NULL;
  uint32_t h = hv & m;
  for (uint32_t s; (s = g->slots[h]) != 0; h = (h + 1) & m) {
    const struct dyad_gaz_name *r = &g->names[s - 1];
    if (r->klen != klen || memcmp(g->str + r->key, key, klen) != 0)
      continue;
    size_t k = 1;
    while (s - 1 + k < g->nname && r[k].klen == klen &&
           memcmp(g->str + r[k].key, key, klen) == 0)
      k++;
    *n = k;
    return r;
  }
  *n = 0;
  return NULL;
}

uint32_t dyad__gaz_country(const struct dyad_gazetteer *g, const char *cc3)
{
  for (uint32_t i = 0; i < g->ncountry; i++)
    if (memcmp(g->places[i].cc3, cc3, 3) == 0)
      return i;
  return DYAD_GAZ_NONE;
}

dyad_status dyad_ctx_load_gazetteer(dyad_ctx *ctx)
{
  dyad_status st = dyad__gazetteer_load(ctx);
  if (st != DYAD_OK)
    return st;
  if (!ctx->gaz)
    return dyad__ctx_error(ctx, DYAD_ENOTFOUND,
                           "places disabled: no " GAZ_FILE " in the data "
                           "path (it is built by `make data` with npm; "
                           "see README, Places)");
  return DYAD_OK;
}
