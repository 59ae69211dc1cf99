/*
 * vocab.c: the vocabulary, a string-interning table.
 *
 * Every word that the lexicon or a dictionary knows gets a dense id
 * (1..n). Tokens carry ids from the tagger on, so dictionaries match on
 * integers rather than strings. Open addressing with linear probing over a
 * power-of-two slot array that stays under half full; each slot holds the
 * word's hash beside its id, so a probe rejects other words without
 * reading their entries (the table is large: every probe elsewhere is a
 * cache miss). Word bytes live in one growing text block. Ids are stable
 * once given. Lookups never write, so a loaded vocabulary may be shared by
 * threads.
 */
#include "../internal.h"

/* FNV-1a, 32 bits: short keys, good enough spread, no state. */
uint32_t dyad__hash(const char *s, size_t len)
{
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return h;
}

int dyad__vocab_init(struct dyad_vocab *v, const struct dyad_allocator *a)
{
  memset(v, 0, sizeof(*v));
  v->a = a;
  v->nslots = 1024;
  v->slots = dyad__calloc(a, v->nslots * sizeof(uint64_t));
  return v->slots ? 0 : -1;
}

void dyad__vocab_release(struct dyad_vocab *v)
{
  dyad__free(v->a, v->slots, v->nslots * sizeof(uint64_t));
  dyad__free(v->a, v->offs, v->cap * sizeof(uint32_t));
  dyad__free(v->a, v->lens, v->cap * sizeof(uint32_t));
  dyad__free(v->a, v->hashes, v->cap * sizeof(uint32_t));
  dyad__free(v->a, v->text, v->text_cap);
  memset(v, 0, sizeof(*v));
}

uint32_t dyad__vocab_find(const struct dyad_vocab *v, const char *s,
                          size_t len)
{
  if (!v->slots)
    return 0;
  uint32_t h = dyad__hash(s, len);
  size_t mask = v->nslots - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    uint64_t e = v->slots[i];
    if (e == 0)
      return 0;
    uint32_t id = (uint32_t)e;
    if ((uint32_t)(e >> 32) == h && v->lens[id] == len &&
        memcmp(v->text + v->offs[id], s, len) == 0)
      return id;
  }
}

/* Doubles the slot array and reinserts every id. */
static int rehash(struct dyad_vocab *v)
{
  size_t ns = v->nslots * 2;
  uint64_t *slots = dyad__calloc(v->a, ns * sizeof(uint64_t));
  if (!slots)
    return -1;
  for (uint32_t id = 1; id <= v->n; id++) {
    size_t i = v->hashes[id] & (ns - 1);
    while (slots[i])
      i = (i + 1) & (ns - 1);
    slots[i] = (uint64_t)v->hashes[id] << 32 | id;
  }
  dyad__free(v->a, v->slots, v->nslots * sizeof(uint64_t));
  v->slots = slots;
  v->nslots = ns;
  return 0;
}

static int growids(struct dyad_vocab *v)
{
  size_t nc = v->cap ? v->cap * 2 : 1024;
  uint32_t *o = dyad__realloc(v->a, v->offs, v->cap * 4, nc * 4);
  if (!o)
    return -1;
  v->offs = o;
  uint32_t *l = dyad__realloc(v->a, v->lens, v->cap * 4, nc * 4);
  if (!l)
    return -1;
  v->lens = l;
  uint32_t *h = dyad__realloc(v->a, v->hashes, v->cap * 4, nc * 4);
  if (!h)
    return -1;
  v->hashes = h;
  v->cap = nc;
  return 0;
}

uint32_t dyad__vocab_add(struct dyad_vocab *v, const char *s, size_t len)
{
  uint32_t id = dyad__vocab_find(v, s, len);
  if (id)
    return id;
  if (len > UINT32_MAX / 2)
    return 0;
  if ((v->n + 1) * 2 >= v->nslots && rehash(v))
    return 0;
  if (v->n + 2 > v->cap && growids(v))
    return 0;
  if (v->text_len + len + 1 > v->text_cap) {
    size_t nc = v->text_cap ? v->text_cap : 65536;
    while (nc < v->text_len + len + 1)
      nc *= 2;
    char *t = dyad__realloc(v->a, v->text, v->text_cap, nc);
    if (!t)
      return 0;
    v->text = t;
    v->text_cap = nc;
  }
  id = (uint32_t)++v->n;
  v->offs[id] = (uint32_t)v->text_len;
  v->lens[id] = (uint32_t)len;
  v->hashes[id] = dyad__hash(s, len);
  memcpy(v->text + v->text_len, s, len);
  v->text[v->text_len + len] = '\0';
  v->text_len += len + 1;
  size_t mask = v->nslots - 1;
  size_t i = v->hashes[id] & mask;
  while (v->slots[i])
    i = (i + 1) & mask;
  v->slots[i] = (uint64_t)v->hashes[id] << 32 | id;
  return id;
}

const char *dyad__vocab_str(const struct dyad_vocab *v, uint32_t id,
                            size_t *len)
{
  if (id == 0 || id > v->n)
    return NULL;
  if (len)
    *len = v->lens[id];
  return v->text + v->offs[id];
}
