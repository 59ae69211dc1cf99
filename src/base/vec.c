/*
 * vec.c: growth for DYAD_VEC typed arrays. Capacity doubles (at least 16
 * elements), so pushing n elements costs O(log n) allocations, and vectors
 * owned by a doc keep their capacity from one document to the next.
 */
#include "../internal.h"

int dyad__vec_grow(const struct dyad_allocator *a, void **v, size_t *cap,
                   size_t elem, size_t need)
{
  size_t ncap = *cap ? *cap : 16;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2 / elem)
      return -1;
    ncap *= 2;
  }
  void *nv = dyad__realloc(a, *v, *cap * elem, ncap * elem);
  if (!nv)
    return -1;
  *v = nv;
  *cap = ncap;
  return 0;
}
