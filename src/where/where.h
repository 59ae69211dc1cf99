/*
 * where.h: the gazetteer (gazetteer.c) and place names in text (place.c).
 *
 * The gazetteer is build/data/gazetteer.bin, compiled at build time by
 * tools/gen-gazetteer.sh from GeoNames-derived npm packages (layout in
 * tools/gazetteer/build.js). It is read whole into one buffer and used in
 * place: fixed-size records, one hash table over its names built at load.
 * Without the file, places are disabled (ctx->gaz stays NULL, no error).
 *
 * Keys are normalised text: case-folded (dyad__fold), every ASCII byte that
 * is not a letter or digit turned into a space, runs of spaces collapsed,
 * no space at either end: "Washington, D.C." -> "washington d c".
 *
 * Invariants: every offset and index in the loaded file has been checked
 * against its table at load time; the gazetteer is read-only after load.
 */
#ifndef DYAD_WHERE_H
#define DYAD_WHERE_H

#include "../internal.h"

/* Place kinds (keep in step with tools/gazetteer/build.js). */
enum gaz_kind {
  DYAD_GK_COUNTRY = 1,
  DYAD_GK_ADM1,    /* first-level region: state, province */
  DYAD_GK_CAPITAL, /* national capital (GeoNames PPLC) */
  DYAD_GK_SEAT1,   /* seat of a first-level region (PPLA) */
  DYAD_GK_SEAT,    /* seat of a lower region (PPLA2..5) */
  DYAD_GK_PPL,     /* other populated place */
  DYAD_GK_REGION,  /* continent or large region, no country */
  DYAD_GK_SECTION, /* section of a populated place (PPLX) */
  DYAD_GK_ADM2     /* second-level region: county */
};

/* Name flags. */
enum {
  DYAD_GNF_ADJ = 1,  /* demonym / adjective naming a country ("Turkish") */
  DYAD_GNF_ABBR = 2, /* abbreviation: the text must be all capitals */
  DYAD_GNF_QUAL = 4  /* used only as a qualifier after a comma ("Tex.") */
};

#define DYAD_GAZ_NONE 0xffffffffu

/* One place: 32 bytes, as in the file. */
struct dyad_gaz_place {
  uint32_t geonameid; /* 0 when the place has none (countries, regions) */
  int32_t lat, lon;   /* degrees * 1e5 */
  uint32_t pop;       /* population (regions: of their towns) */
  uint32_t name;      /* offset of the NUL-terminated name in strings */
  uint32_t adm1;      /* index of its first-level region, DYAD_GAZ_NONE */
  uint32_t country;   /* index of its country, DYAD_GAZ_NONE */
  uint8_t kind;       /* enum gaz_kind */
  char cc3[3];        /* ISO 3166-1 alpha-3, not NUL-terminated */
};

/* One name: its candidate places, best prior first. */
struct dyad_gaz_name {
  uint32_t key;   /* offset of the key in strings */
  uint32_t cand;  /* first candidate in cands */
  uint16_t klen;  /* key length */
  uint8_t ncand;  /* candidates */
  uint8_t flags;  /* DYAD_GNF_* */
};

struct dyad_gazetteer {
  char *buf;                          /* the whole file */
  size_t len;
  const struct dyad_gaz_place *places;
  const struct dyad_gaz_name *names;  /* sorted by key */
  const uint32_t *cands;
  const char *str;
  uint32_t nplace, nname, ncand, nstr;
  uint32_t ncountry;                  /* places[0..ncountry) are countries */
  uint32_t *slots;                    /* hash: name index + 1, 0 empty */
  uint32_t nslots;                    /* power of two */
  uint64_t *bits;                     /* one bit per hash value mod nbits:
                                         most absent keys stop here, in a
                                         table small enough for the cache */
  uint32_t nbits;                     /* power of two */
  uint32_t *capital;                  /* [ncountry]: its most populous
                                         capital, DYAD_GAZ_NONE */
};

/* Normalises text (len bytes) into out (cap bytes) as a key; returns the
 * key length, 0 when empty or too long. */
size_t dyad__gaz_key(const char *s, size_t len, char *out, size_t cap);

/* The names with key (normalised, klen bytes): returns the first record
 * and sets *n to the number of consecutive records with that key (one per
 * flag set); NULL when none. */
const struct dyad_gaz_name *dyad__gaz_find(const struct dyad_gazetteer *g,
                                           const char *key, size_t klen,
                                           size_t *n);

/* The capital of country place c ("the Ukrainian capital"), DYAD_GAZ_NONE
 * when unknown. */
static inline uint32_t dyad__gaz_capital(const struct dyad_gazetteer *g,
                                         uint32_t c)
{
  return c < g->ncountry ? g->capital[c] : DYAD_GAZ_NONE;
}

/* The country place whose alpha-3 code is cc3 (3 bytes), DYAD_GAZ_NONE. */
uint32_t dyad__gaz_country(const struct dyad_gazetteer *g, const char *cc3);

/* The name of a place (NUL-terminated, ctx-owned). */
static inline const char *dyad__gaz_name(const struct dyad_gazetteer *g,
                                         uint32_t place)
{
  return g->str + g->places[place].name;
}

/* For the coder: the index (in doc's places) of the place where the text
 * puts the event of clause c, or -1. Tried in order:
 *  - a place named in a locative PP of the clause (in, at, near, across,
 *    outside, inside, throughout, within): *why = "in-phrase";
 *  - the place visited or travelled to ("visit to Moscow", "arrived in
 *    Kyiv", "visited Moscow", "flew to Beijing"): *why = "destination";
 *  - the object of a physical attack on a place ("shelled Kharkiv",
 *    "invaded Ukraine"): *why = "object-place";
 *  - "across the country", "nationwide", "throughout the nation" (in the
 *    clause or in a relative clause of it: "attacks, which damaged
 *    infrastructure across the country"): the
 *    country of target_code (its first three letters, when a country), else
 *    the article's main country; a place record is appended for it:
 *    *why = "country-of-target" or "country-of-article".
 * target_code may be NULL or "---". why may be NULL; *why is static. */
int32_t dyad__event_place(dyad_doc *doc, const dyad_clause *c,
                          const char *target_code, const char **why);

#endif /* DYAD_WHERE_H */
