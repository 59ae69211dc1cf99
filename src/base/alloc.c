/*
 * alloc.c: the one allocation entry point. Every heap allocation in the
 * library goes through dyad__realloc, so a user can plug in an allocator
 * and tests can make the Nth allocation fail.
 */
#include "../internal.h"

#include <stdlib.h>

void *dyad__realloc(const struct dyad_allocator *a, void *p, size_t osize,
                    size_t nsize)
{
  if (a && a->fn)
    return a->fn(a->ud, p, osize, nsize);
  if (nsize == 0) {
    free(p);
    return NULL;
  }
  return realloc(p, nsize);
}

void *dyad__malloc(const struct dyad_allocator *a, size_t n)
{
  return dyad__realloc(a, NULL, 0, n ? n : 1);
}

void *dyad__calloc(const struct dyad_allocator *a, size_t n)
{
  /* libc's calloc knows fresh pages are zero already (the big tables
   * made at load: the gazetteer's slots, the lexicon's) */
  if (!(a && a->fn))
    return calloc(n ? n : 1, 1);
  void *p = dyad__malloc(a, n);
  if (p)
    memset(p, 0, n ? n : 1);
  return p;
}

void dyad__free(const struct dyad_allocator *a, void *p, size_t osize)
{
  if (p)
    dyad__realloc(a, p, osize, 0);
}

char *dyad__strndup(const struct dyad_allocator *a, const char *s, size_t n)
{
  char *d = dyad__malloc(a, n + 1);
  if (!d)
    return NULL;
  if (n)
    memcpy(d, s, n);
  d[n] = '\0';
  return d;
}
