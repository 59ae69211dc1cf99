/*
 * placename.c: country names inside longer place names.
 *
 * Many places hold the name of a country or its people in their own name:
 * "New England", "New Mexico", "British Columbia", "Nova Scotia", "Gulf of
 * Mexico", "Latin America", "Guinea-Bissau". The actor dictionary matches
 * the country word inside them ("England" -> GBR) unless the whole name is
 * listed. The WHERE stage (where/place.c) has already found the longest
 * gazetteer name at each capitalised word and resolved it, so the coder
 * asks it: a country or demonym matched strictly inside a longer
 * place name that lies in another country (or in none: a sea, a region)
 * names that place, not the country. Only the match is dropped: the
 * rest of the name may still name the place's own country ("Western
 * Australia" is AUS, though "Western" alone is no bloc there).
 *
 * Invariants: read-only on the doc; with places disabled (no gazetteer, or
 * DYAD_CFG_NO_WHERE) it finds nothing and the dictionary alone decides.
 */
#include "code.h"

int dyad__place_hides(const dyad_doc *doc, uint32_t i, uint32_t n,
                      const char *cc)
{
  if (!n || i + n > doc->toks.n)
    return 0;
  const dyad_token *a = &doc->toks.v[i], *z = &doc->toks.v[i + n - 1];
  uint32_t off = a->off, end = z->off + z->len;
  for (size_t k = 0; k < doc->places.n; k++) {
    const dyad_place *p = &doc->places.v[k];
    uint32_t pe = p->span.off + p->span.len;
    if (p->span.off > off || pe < end || (p->span.off == off && pe == end))
      continue; /* does not hold the match, or is the match itself */
    if (p->country[0] && cc && strncmp(p->country, cc, 3) == 0)
      continue; /* "Kuwait City": the country's own place */
    return 1;
  }
  return 0;
}
