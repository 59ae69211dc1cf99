/*
 * place.c: place names in a document (the WHERE stage), their resolution
 * to one gazetteer place each, the `dyad parse` writer, and the event
 * location rule the coder uses (dyad__event_place).
 *
 * Finding: at each capitalised word outside photo credits, the longest run of up to MAXW tokens
 * whose normalised text is a gazetteer name, kept when it is tagged as a
 * proper noun or capitalised inside the sentence (or is a demonym,
 * "Turkish"), is not part of a longer proper
 * name ("Hillary Clinton", "Paris Hilton"), is not a person in the actor
 * dictionary, and, when it opens a sentence or a headline as a word the
 * lexicon also knows as a common word ("Reading", "Deal"), names a large
 * place. A ", Region" or ", Country" right after a name qualifies it
 * ("Paris, Texas"; "London, Ont.").
 *
 * Resolving: each candidate scores its prior (feature class, then
 * log10 population) plus the evidence of the whole article: the countries
 * and first-level regions its other names point to; a qualifier decides
 * outright. A name resolved through a qualifier keeps that sense in the
 * rest of the article (one sense per discourse).
 *
 * Invariants: one dyad_place per mention, in text order, appended after
 * whatever doc->places held; no allocation outside the doc arena and the
 * doc's places vector; the gazetteer is only read.
 */
#include "where.h"

#include <math.h>

#include "../dict/dict.h"
#include "../text/lexicon.h"

#define MAXW 6      /* longest name, in tokens */
#define KEYCAP 256  /* longest key, in bytes */
#define MAXADM 64   /* first-level regions remembered per article */
#define MAXANCHOR 32 /* clearly named towns remembered per article */
#define NEAR_KM 100  /* "near" for anchors and town qualifiers */

struct mention {
  uint32_t tok, ntok, sent;
  uint32_t off, len;               /* len > 0: a part of one hyphenated
                                      token ("Russia-Turkey ties") */
  int region;                      /* "New York Gov.", "state of Georgia":
                                      the region, not its namesakes */
  const struct dyad_gaz_name *rec; /* the name record used */
  uint32_t qual;                   /* qualifying place, DYAD_GAZ_NONE */
  uint32_t pick;                   /* chosen place, DYAD_GAZ_NONE */
  int abbr;                        /* named by an abbreviation ("Alta.") */
  int drop;                        /* resolved to nothing: not output */
};

/* Names seen as the end of a person's name ("Tom Paterson"): a later bare
 * "Paterson" is the person too. */
#define MAXPERSON 64

struct scan {
  dyad_doc *doc;
  const struct dyad_gazetteer *g;
  struct mention *m;
  size_t n, cap;
  const struct dyad_gaz_name *person[MAXPERSON];
  size_t nperson;
  uint32_t first; /* first word of the sentence being scanned */
};

static int is_person(const struct scan *s, const struct dyad_gaz_name *r)
{
  for (size_t k = 0; k < s->nperson; k++)
    if (s->person[k] == r)
      return 1;
  return 0;
}

static void add_person(struct scan *s, const struct dyad_gaz_name *r)
{
  if (s->nperson < MAXPERSON && !is_person(s, r))
    s->person[s->nperson++] = r;
}

static int is_proper(const dyad_token *t)
{
  return t->tag == DYAD_TAG_NNP || t->tag == DYAD_TAG_NNPS;
}

static int is_capword(const dyad_token *t)
{
  return t->kind == DYAD_TK_WORD && (t->flags & DYAD_TOKF_CAP);
}

static double kind_weight(int kind)
{
  switch (kind) {
  case DYAD_GK_COUNTRY: return 12;
  case DYAD_GK_REGION: return 11;
  case DYAD_GK_ADM1: return 6;
  case DYAD_GK_CAPITAL: return 6;
  case DYAD_GK_SEAT1: return 2;
  case DYAD_GK_ADM2: return 1;
  case DYAD_GK_SEAT: return 0.5;
  case DYAD_GK_SECTION: return -1;
  default: return 0;
  }
}

static double prior(const struct dyad_gaz_place *p)
{
  return kind_weight(p->kind) + log10((double)p->pop + 1.0);
}

static struct mention *push_mention(struct scan *s)
{
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 32;
    struct mention *m = dyad__arena_alloc(&s->doc->arena, cap * sizeof(*m));
    if (!m)
      return NULL;
    if (s->n)
      memcpy(m, s->m, s->n * sizeof(*m));
    s->m = m;
    s->cap = cap;
  }
  struct mention *m = &s->m[s->n++];
  memset(m, 0, sizeof(*m));
  m->qual = m->pick = DYAD_GAZ_NONE;
  return m;
}

/* The keys of the first 1..maxl tokens from token i, in one pass over
 * their text: the key of the first L tokens is key[0, kl[L-1]), as
 * dyad__gaz_key would make it from their text (kl 0: too long). */
static void prefix_keys(const dyad_doc *doc, uint32_t i, uint32_t maxl,
                        char *key, size_t *kl)
{
  const dyad_token *t = doc->toks.v;
  char f[KEYCAP];
  size_t o = 0;
  int space = 0, full = 0;
  uint32_t pos = t[i].off;
  for (uint32_t L = 1; L <= maxl; L++) {
    const dyad_token *tb = &t[i + L - 1];
    uint32_t stop = tb->off + tb->len;
    size_t n = full ? (size_t)-1
                    : dyad__fold(doc->text + pos, stop - pos, f, sizeof(f));
    pos = stop;
    for (size_t k = 0; n != (size_t)-1 && k < n; k++) {
      unsigned char c = (unsigned char)f[k];
      if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        space = o > 0;
        continue;
      }
      if (o + 2 > KEYCAP) {
        n = (size_t)-1;
        break;
      }
      if (space) {
        key[o++] = ' ';
        space = 0;
      }
      key[o++] = (char)c;
    }
    if (n == (size_t)-1)
      full = 1;
    kl[L - 1] = full ? 0 : o;
  }
}

static int all_caps(const dyad_doc *doc, uint32_t a, uint32_t b)
{
  for (uint32_t i = a; i <= b; i++)
    if (doc->toks.v[i].kind == DYAD_TK_WORD &&
        !(doc->toks.v[i].flags & DYAD_TOKF_ALLCAPS))
      return 0;
  return 1;
}

/* Is the place big enough to take a capitalised common word for it at the
 * start of a sentence or in a headline? */
static int big_place(const struct dyad_gazetteer *g,
                     const struct dyad_gaz_name *r)
{
  const struct dyad_gaz_place *p = &g->places[g->cands[r->cand]];
  return p->kind == DYAD_GK_COUNTRY || p->kind == DYAD_GK_ADM1 ||
         p->kind == DYAD_GK_CAPITAL || p->kind == DYAD_GK_REGION ||
         p->pop >= 500000;
}

/* Is the word at token i capitalised where the position does not call
 * for it: not the first word of the sentence, nor the first after an
 * opening quote, bracket or colon? */
static int cap_inside(const struct scan *s, uint32_t i)
{
  const dyad_doc *doc = s->doc;
  if (i <= s->first || !is_capword(&doc->toks.v[i]))
    return 0;
  /* nouns and adjectives only: not "The", "A", "We", "In" */
  uint64_t open = DYAD_TAGBIT(DYAD_TAG_NN) | DYAD_TAGBIT(DYAD_TAG_NNS) |
                  DYAD_TAGBIT(DYAD_TAG_NNP) | DYAD_TAGBIT(DYAD_TAG_NNPS) |
                  DYAD_TAGBIT(DYAD_TAG_JJ) | DYAD_TAGBIT(DYAD_TAG_VBG) |
                  DYAD_TAGBIT(DYAD_TAG_FW);
  if (!(DYAD_TAGBIT(doc->toks.v[i].tag) & open))
    return 0;
  const dyad_token *p = &doc->toks.v[i - 1];
  if (p->kind == DYAD_TK_WORD)
    return 1;
  unsigned char c = (unsigned char)doc->text[p->off];
  return !(strchr("\"'(:[", c) ||
           (c == 0xE2 && p->len == 3)); /* curly quotes, dashes */
}

/* Does token i read as (part of) a proper name: tagged so, or
 * capitalised where the position does not call for it (the tagger takes
 * "County" in "Adair County", or "Cairns", for common nouns)? */
static int namey(const struct scan *s, uint32_t i)
{
  const dyad_token *t = &s->doc->toks.v[i];
  return (is_proper(t) && is_capword(t)) || cap_inside(s, i);
}

/* The usable name record among the n records of one key for tokens
 * [a, b]: plain names need a proper-noun last token (namey), demonyms a
 * capitalised word, abbreviations capitals; qualifier-only names are used
 * only when qual is set (and then any name will do). */
static const struct dyad_gaz_name *usable(const struct scan *s,
                                          const struct dyad_gaz_name *r,
                                          size_t n, uint32_t a, uint32_t b,
                                          int qual)
{
  const dyad_doc *doc = s->doc;
  const struct dyad_gazetteer *g = s->g;
  const dyad_token *last = &doc->toks.v[b];
  int proper = is_proper(last) || (a == b ? cap_inside(s, a)
                                          : is_capword(last) && namey(s, a));
  const struct dyad_gaz_name *best = NULL;
  for (size_t k = 0; k < n; k++) {
    uint8_t f = r[k].flags;
    if ((f & DYAD_GNF_QUAL) && !qual)
      continue;
    if ((f & DYAD_GNF_ABBR) && !(f & DYAD_GNF_QUAL) && !all_caps(doc, a, b))
      continue;
    /* "Man.", "Nov.": a word with its period is an abbreviation */
    if (!(f & DYAD_GNF_ABBR) && a == b && (last->flags & DYAD_TOKF_ABBREV))
      continue;
    /* "BA", "AP": a short all-capitals word is an abbreviation */
    if (!(f & DYAD_GNF_ABBR) && a == b && last->len <= 3 &&
        (last->flags & DYAD_TOKF_ALLCAPS))
      continue;
    if (!(f & (DYAD_GNF_ADJ | DYAD_GNF_ABBR)) && !qual && !proper &&
        !big_place(g, &r[k]))
      continue;
    if ((f & DYAD_GNF_ADJ) && qual)
      continue;
    /* a demonym beats a town of that name ("Canadian", Texas); after a
     * comma, an abbreviated region beats a town ("Alta.", Norway) */
    if (!best || (f & DYAD_GNF_ADJ) || (qual && (f & DYAD_GNF_QUAL)))
      best = &r[k];
  }
  return best;
}

/* The longest name starting at token i (sentence ends before end):
 * returns its token count and record, 0 when none. */
static uint32_t longest(const struct scan *s, uint32_t i, uint32_t end,
                        int qual, const struct dyad_gaz_name **rec)
{
  const dyad_doc *doc = s->doc;
  const dyad_token *t = doc->toks.v;
  /* the longest stretch that can hold a name: words, and the hyphens,
   * apostrophes, commas and periods inside names */
  uint32_t maxl = 1;
  while (maxl < MAXW && i + maxl < end &&
         (t[i + maxl].kind == DYAD_TK_WORD ||
          (t[i + maxl].kind == DYAD_TK_PUNCT && t[i + maxl].len == 1 &&
           strchr("-.,'", doc->text[t[i + maxl].off]))))
    maxl++;
  /* a name ends on a capitalised word: keys past the last one are never
   * looked up, so they are not made */
  while (maxl > 0 && !is_capword(&t[i + maxl - 1]))
    maxl--;
  if (!maxl)
    return 0;
  char key[KEYCAP];
  size_t kl[MAXW];
  prefix_keys(doc, i, maxl, key, kl);
  for (uint32_t L = maxl; L >= 1; L--) {
    uint32_t b = i + L - 1;
    if (!is_capword(&t[b]) || !kl[L - 1])
      continue;
    size_t n;
    const struct dyad_gaz_name *r = dyad__gaz_find(s->g, key, kl[L - 1], &n);
    if (!r)
      continue;
    const struct dyad_gaz_name *u = usable(s, r, n, i, b, qual);
    if (u) {
      *rec = u;
      return L;
    }
  }
  return 0;
}

/* After a big place, a proper noun that the lexicon knows ("Toronto
 * Saturday"), an abbreviation ("New York Gov."), an acronym or a
 * hyphenated word ("US President-elect") leaves it a place; an unknown
 * plain name ("Paris Hilton") does not. */
static int modifier_ok(const dyad_ctx *ctx, const dyad_token *t)
{
  return dyad__lex_get(ctx, t->form) != NULL ||
         (t->flags & (DYAD_TOKF_ABBREV | DYAD_TOKF_ALLCAPS |
                      DYAD_TOKF_HYPHEN)) != 0;
}

/* Is the first candidate of r a notable place: a country, region or
 * capital, a regional seat, or a town of 100,000 people? Mid-sentence, a
 * capitalised common word that names one is taken for it ("Cairns",
 * "Queens"); "Justice", Illinois, needs "in" before it. */
static int notable(const struct dyad_gazetteer *g,
                   const struct dyad_gaz_name *r)
{
  const struct dyad_gaz_place *p = &g->places[g->cands[r->cand]];
  return p->kind == DYAD_GK_COUNTRY || p->kind == DYAD_GK_ADM1 ||
         p->kind == DYAD_GK_CAPITAL || p->kind == DYAD_GK_REGION ||
         p->kind == DYAD_GK_SEAT1 || p->pop >= 100000;
}

/* Is the first candidate of r a country or a first-level region? */
static int area_kind(const struct dyad_gazetteer *g,
                     const struct dyad_gaz_name *r)
{
  uint8_t kind = g->places[g->cands[r->cand]].kind;
  return kind == DYAD_GK_COUNTRY || kind == DYAD_GK_ADM1;
}

/* The plain-name record of token i alone, NULL when none. */
static const struct dyad_gaz_name *word_rec(const struct scan *s, uint32_t i)
{
  const dyad_token *t = &s->doc->toks.v[i];
  char key[KEYCAP];
  size_t kl = dyad__gaz_key(s->doc->text + t->off, t->len, key, sizeof(key));
  size_t n;
  const struct dyad_gaz_name *r = kl ? dyad__gaz_find(s->g, key, kl, &n) : NULL;
  for (size_t k = 0; r && k < n; k++)
    if (!(r[k].flags & (DYAD_GNF_ADJ | DYAD_GNF_ABBR | DYAD_GNF_QUAL)))
      return &r[k];
  return NULL;
}

/* Are all candidates of r towns of fewer than 100,000 people whose names
 * have no article ("The Bronx")? */
static int small_towns(const struct dyad_gazetteer *g,
                       const struct dyad_gaz_name *r)
{
  for (uint32_t k = 0; k < r->ncand; k++) {
    uint32_t c = g->cands[r->cand + k];
    const struct dyad_gaz_place *p = &g->places[c];
    if (p->kind < DYAD_GK_CAPITAL || p->kind > DYAD_GK_SECTION ||
        p->kind == DYAD_GK_CAPITAL || p->kind == DYAD_GK_REGION ||
        p->pop >= 100000 || strncmp(dyad__gaz_name(g, c), "The ", 4) == 0)
      return 0;
  }
  return 1;
}

/* Is the first candidate of r a country, capital or continent? */
static int area_place(const struct dyad_gazetteer *g,
                      const struct dyad_gaz_name *r)
{
  uint8_t kind = g->places[g->cands[r->cand]].kind;
  return kind == DYAD_GK_COUNTRY || kind == DYAD_GK_CAPITAL ||
         kind == DYAD_GK_REGION;
}

/* Does the lexicon know the folded word of token t as something other
 * than a proper noun? */
static int common_word(const dyad_ctx *ctx, const dyad_token *t)
{
  const struct dyad_lexent *e = dyad__lex_get(ctx, t->form);
  if (!e)
    return 0;
  uint64_t proper = DYAD_TAGBIT(DYAD_TAG_NNP) | DYAD_TAGBIT(DYAD_TAG_NNPS);
  return (e->mask & ~proper) != 0;
}

static double km(const struct dyad_gaz_place *a, const struct dyad_gaz_place *b)
{
  /* a degree of latitude is 111 km: most pairs end here, cheaply */
  int32_t dl = a->lat - b->lat;
  if (dl > 100000 || dl < -100000)
    return 1e9;
  const double d = 3.14159265358979 / 180 / 1e5;
  double x = sin((b->lat - a->lat) * d / 2), y = sin((b->lon - a->lon) * d / 2);
  double h = x * x + cos(a->lat * d) * cos(b->lat * d) * y * y;
  return 2 * 6371.0 * asin(sqrt(h > 1 ? 1 : h));
}

/* The score of candidate k of name record r before any context: its
 * prior, except that a region loses to a capital or a city of a million
 * people of the same name in the same country ("Washington", "New York"),
 * or to its own seat when the region is hardly more than that city
 * ("Vienna"; not "Quebec"); a county loses to a town of its name in it. */
static double static_score(const struct dyad_gazetteer *g,
                           const struct dyad_gaz_name *r, uint32_t k)
{
  const uint32_t *cand = g->cands + r->cand;
  const struct dyad_gaz_place *p = &g->places[cand[k]];
  double sc = prior(p);
  if (p->kind == DYAD_GK_ADM1)
    for (uint32_t j = 0; j < r->ncand; j++) {
      const struct dyad_gaz_place *o = &g->places[cand[j]];
      if (j != k && o->kind != DYAD_GK_ADM1 && o->country == p->country &&
          (o->kind == DYAD_GK_CAPITAL || o->pop >= 1000000 ||
           (o->adm1 == cand[k] && o->pop * 3 >= p->pop)))
        return sc - 10;
    }
  /* a county named after a town in it ("Cairns"): the town */
  if (p->kind == DYAD_GK_ADM2)
    for (uint32_t j = 0; j < r->ncand; j++) {
      const struct dyad_gaz_place *o = &g->places[cand[j]];
      if (o->kind >= DYAD_GK_CAPITAL && o->kind <= DYAD_GK_PPL &&
          km(o, p) < NEAR_KM)
        return sc - 10;
    }
  return sc;
}

/* The best candidate of name record r that lies in place q: inside it
 * when q is a region or country, within NEAR_KM of it when q is a town
 * ("Edmonton, Cairns"); DYAD_GAZ_NONE when none does. */
static uint32_t inside(const struct dyad_gazetteer *g,
                       const struct dyad_gaz_name *r, uint32_t q)
{
  const struct dyad_gaz_place *pq = &g->places[q];
  int area = pq->kind == DYAD_GK_ADM1 || pq->kind == DYAD_GK_COUNTRY;
  uint32_t best = DYAD_GAZ_NONE;
  double bs = -1e9;
  for (uint32_t k = 0; k < r->ncand; k++) {
    uint32_t c = g->cands[r->cand + k];
    const struct dyad_gaz_place *p = &g->places[c];
    if (c == q || pq->kind == DYAD_GK_REGION)
      continue;
    if (area ? (p->adm1 == q || p->country == q) : km(p, pq) < NEAR_KM) {
      double sc = static_score(g, r, k);
      if (sc > bs) {
        bs = sc;
        best = c;
      }
    }
  }
  return best;
}

/* A qualifier after the name ending at token b: ", Texas", ", Ont.",
 * ", France", ", Cairns". Returns its token count, sets m->pick to the
 * candidate it selects and *q to the qualifying place; 0 when none. */
static uint32_t qualifier(const struct scan *s, struct mention *m, uint32_t b,
                          uint32_t end, uint32_t *q, int *abbr)
{
  const dyad_doc *doc = s->doc;
  if (b + 2 >= end || doc->toks.v[b + 1].kind != DYAD_TK_PUNCT ||
      doc->text[doc->toks.v[b + 1].off] != ',' ||
      !is_capword(&doc->toks.v[b + 2]))
    return 0;
  const struct dyad_gaz_name *r;
  uint32_t L = longest(s, b + 2, end, 1, &r);
  if (!L)
    return 0;
  *abbr = (r->flags & DYAD_GNF_ABBR) != 0;
  /* "Russia, U.S. officials said": a country is not in another country
   * (but "Russia, Ohio" may be the town) */
  const struct dyad_gazetteer *g = s->g;
  if (g->places[g->cands[m->rec->cand]].kind == DYAD_GK_COUNTRY &&
      g->places[g->cands[r->cand]].kind == DYAD_GK_COUNTRY)
    return 0;
  /* the qualifier is an area when it can be ("Bronx, New York": the
   * state), else a town near the name ("Edmonton, Cairns") */
  for (int pass = 0; pass < 2; pass++)
    for (uint32_t k = 0; k < r->ncand; k++) {
      uint32_t qc = g->cands[r->cand + k];
      uint8_t kind = g->places[qc].kind;
      int area = kind == DYAD_GK_ADM1 || kind == DYAD_GK_COUNTRY ||
                 kind == DYAD_GK_ADM2;
      if (area != !pass)
        continue;
      uint32_t c = inside(g, m->rec, qc);
      if (c != DYAD_GAZ_NONE) {
        *q = qc;
        m->qual = qc;
        m->pick = c;
        return L;
      }
    }
  /* a region ("Churchill, Man.", "Cordova, Tennessee") that holds none of
   * the candidates of a town's name: the town is one the gazetteer lacks;
   * keep the region (but "Alberta, Saskatchewan" is a list) */
  uint8_t nk = g->places[g->cands[m->rec->cand]].kind;
  if (nk != DYAD_GK_COUNTRY && nk != DYAD_GK_ADM1 && nk != DYAD_GK_REGION &&
      ((r->flags & DYAD_GNF_QUAL) ||
       g->places[g->cands[r->cand]].kind == DYAD_GK_ADM1)) {
    *q = s->g->cands[r->cand];
    m->rec = NULL; /* the caller drops m */
    return L;
  }
  return 0;
}

/* Is w (n bytes) one of the NUL-separated words of list (ended by an
 * empty word)? Each entry's length is taken once. */
static int in_list(const char *list, const char *w, size_t n)
{
  for (const char *p = list; *p;) {
    size_t m = strlen(p);
    if (m == n && memcmp(p, w, n) == 0)
      return 1;
    p += m + 1;
  }
  return 0;
}

static int is_word(const dyad_doc *doc, uint32_t i, const char *list)
{
  if (i >= doc->toks.n || doc->toks.v[i].kind != DYAD_TK_WORD)
    return 0;
  char w[32];
  const dyad_token *t = &doc->toks.v[i];
  size_t n = dyad__fold(doc->text + t->off, t->len, w, sizeof(w));
  if (n == (size_t)-1)
    return 0;
  return in_list(list, w, n);
}

/* Words that lead into a place name ("in Mobile", "from Reading"). */
static const char LEADS[] = "in\0at\0near\0from\0to\0into\0outside\0across\0"
                            "inside\0via\0toward\0towards\0around\0";
/* Words before a place that are part of its area ("Northern Ontario"). */
static const char AREA[] = "northern\0southern\0eastern\0western\0central\0"
                           "upper\0lower\0greater\0north\0south\0east\0west\0"
                           "downtown\0metro\0";
/* Speech verbs after a bare surname ("Paterson said"). */
static const char SAYS[] = "said\0says\0told\0tells\0added\0adds\0wrote\0"
                           "asked\0explained\0argued\0noted\0insisted\0";
/* Months, days and feasts that are also the names of towns ("March",
 * Cambridgeshire; "Christmas", Florida), for when no temporal expression
 * covers them. */
static const char DATEWORDS[] =
    "january\0february\0march\0april\0may\0june\0july\0august\0"
    "september\0october\0november\0december\0jan\0feb\0mar\0apr\0jun\0"
    "jul\0aug\0sep\0sept\0oct\0nov\0dec\0monday\0tuesday\0wednesday\0"
    "thursday\0friday\0saturday\0sunday\0christmas\0easter\0"
    "thanksgiving\0halloween\0ramadan\0hanukkah\0passover\0diwali\0eid\0";
/* Words after a name that make it a region ("New York Gov. Cuomo"). */
static const char REGION_AFTER[] = "gov\0gov.\0governor\0state\0province\0"
                                   "premier\0legislature\0statehouse\0";
/* Titles before a surname. */
static const char TITLES[] = "mr\0mrs\0ms\0dr\0mr.\0mrs.\0ms.\0dr.\0sen.\0"
                             "rep.\0gov.\0gen.\0sir\0lady\0lord\0";

/* Is token t inside a temporal expression? */
static int in_timex(const dyad_doc *doc, const dyad_token *t)
{
  for (size_t k = 0; k < doc->timexes.n; k++) {
    const dyad_span *x = &doc->timexes.v[k].span;
    if (t->off >= x->off && t->off < x->off + x->len)
      return 1;
  }
  return 0;
}

/* Are tokens a and b (a before b) on one line? */
static int joined(const dyad_doc *doc, uint32_t a, uint32_t b)
{
  const dyad_token *ta = &doc->toks.v[a], *tb = &doc->toks.v[b];
  return memchr(doc->text + ta->off + ta->len, '\n',
                tb->off - (ta->off + ta->len)) == NULL;
}

/* Is s (n bytes) one of the AREA words ("pro-Western")? */
static int area_word(const char *s, size_t n)
{
  char w[16];
  size_t k = n < sizeof(w) ? dyad__fold(s, n, w, sizeof(w)) : (size_t)-1;
  if (k == (size_t)-1)
    return 0;
  return in_list(AREA, w, k);
}

/* The parts of a hyphenated token that name a country, a big place or a
 * people ("Russia-Turkey", "Turkish-Russian", "U.S.-led"): appends a
 * mention for each. Returns -1 when out of memory. */
static int hyphen_parts(struct scan *s, uint32_t i, uint32_t si)
{
  const dyad_doc *doc = s->doc;
  const dyad_token *t = &doc->toks.v[i];
  const char *w = doc->text + t->off;
  uint32_t a = 0;
  for (uint32_t k = 0; k <= t->len; k++) {
    if (k < t->len && w[k] != '-')
      continue;
    uint32_t n = k - a;
    if (n >= 2 && w[a] >= 'A' && w[a] <= 'Z' && !area_word(w + a, n)) {
      char key[KEYCAP];
      size_t kl = dyad__gaz_key(w + a, n, key, sizeof(key)), nr;
      const struct dyad_gaz_name *r =
          kl ? dyad__gaz_find(s->g, key, kl, &nr) : NULL;
      const struct dyad_gaz_name *u = NULL;
      for (size_t j = 0; r && j < nr; j++)
        if (!(r[j].flags & DYAD_GNF_QUAL) &&
            ((r[j].flags & DYAD_GNF_ADJ) || big_place(s->g, &r[j])))
          u = &r[j];
      if (u) {
        struct mention *m = push_mention(s);
        if (!m)
          return -1;
        m->tok = i;
        m->ntok = 1;
        m->sent = si;
        m->rec = u;
        m->off = t->off + a;
        m->len = n;
      }
    }
    a = k + 1;
  }
  return 0;
}

/* The first region among the candidates of r, DYAD_GAZ_NONE. */
static uint32_t first_region(const struct dyad_gazetteer *g,
                             const struct dyad_gaz_name *r)
{
  for (uint32_t k = 0; k < r->ncand; k++)
    if (g->places[g->cands[r->cand + k]].kind == DYAD_GK_ADM1)
      return g->cands[r->cand + k];
  return DYAD_GAZ_NONE;
}

/* Is token i a month, day or feast, with or without its period? */
static int date_word(const dyad_doc *doc, uint32_t i)
{
  const dyad_token *t = &doc->toks.v[i];
  char w[16];
  size_t n = t->len < sizeof(w) ? dyad__gaz_key(doc->text + t->off, t->len,
                                                w, sizeof(w)) : 0;
  return n && in_list(DATEWORDS, w, n);
}

/* Finds the names of one sentence. */
static dyad_status scan_sentence(struct scan *s, uint32_t si)
{
  dyad_doc *doc = s->doc;
  const dyad_ctx *ctx = doc->ctx;
  const dyad_sentence *se = &doc->sents.v[si];
  const dyad_token *t = doc->toks.v;
  /* a photo credit names agencies and photographers ("Pool via AP"), no
   * place (a caption's places are real ones) */
  if (se->flags & DYAD_SENTF_CREDIT)
    return DYAD_OK;
  uint32_t end = se->tok + se->ntok;
  uint32_t first = se->tok; /* first word: after opening quotes/brackets */
  while (first < end && t[first].kind != DYAD_TK_WORD)
    first++;
  s->first = first;
  for (uint32_t i = se->tok; i < end; i++) {
    if (!is_capword(&t[i])) {
      /* "made-in-China", "mid-Ohio" */
      if (t[i].kind == DYAD_TK_WORD && (t[i].flags & DYAD_TOKF_HYPHEN) &&
          hyphen_parts(s, i, si))
        return DYAD_ENOMEM;
      continue;
    }
    const struct dyad_gaz_name *r;
    uint32_t L = longest(s, i, end, 0, &r);
    if (!L) {
      if ((t[i].flags & DYAD_TOKF_HYPHEN) && hyphen_parts(s, i, si))
        return DYAD_ENOMEM;
      continue;
    }
    if (L == 1 && is_word(doc, i, AREA)) /* "Western" before "Canada" */
      continue;
    uint32_t b = i + L - 1;
    int adj = (r->flags & DYAD_GNF_ADJ) != 0;
    int big = big_place(s->g, r);
    /* part of a longer proper name ("Hillary Clinton")? Not across a
     * line break, nor after a common word for a country or a big city
     * ("Environment Canada") */
    if (i > first && !adj && namey(s, i - 1) && joined(doc, i - 1, i) &&
        !is_word(doc, i - 1, AREA) &&
        !(big && (common_word(ctx, &t[i - 1]) ||
                  (t[i - 1].flags & DYAD_TOKF_ALLCAPS)))) {
      if (L == 1 && !big && !adj)
        add_person(s, r);
      i = b;
      continue;
    }
    /* a country or state before a proper noun that is not a date word,
     * an abbreviation or an acronym is a first name ("Georgia Stevens",
     * "Virginia Woolf") or part of an organisation's name */
    int area_first = big && L == 1 && area_kind(s->g, r) && b + 1 < end &&
                     !date_word(doc, b + 1) &&
                     !(t[b + 1].flags & (DYAD_TOKF_ABBREV | DYAD_TOKF_ALLCAPS |
                                         DYAD_TOKF_HYPHEN));
    if (!adj && b + 1 < end && is_proper(&t[b + 1]) &&
        is_capword(&t[b + 1]) && joined(doc, b, b + 1) &&
        !common_word(ctx, &t[b + 1]) && !date_word(doc, b + 1) &&
        !(t[b + 1].flags & DYAD_TOKF_ALLCAPS) && /* "Brant OPP" */
        !(big && !area_first && modifier_ok(ctx, &t[b + 1])) &&
        !(i == first && all_caps(doc, i, b))) { /* dateline */
      /* "Paris Hilton": a first name, here and later (a country or state
       * only here: "Canada West Foundation") */
      if (L == 1 && !area_first)
        add_person(s, r);
      while (b + 1 < end && is_proper(&t[b + 1])) /* skip the name run */
        b++;
      /* ... and its last word a surname ("Kati Mather", later "Mather") */
      const struct dyad_gaz_name *last = b > i ? word_rec(s, b) : NULL;
      if (last && !big_place(s->g, last))
        add_person(s, last);
      i = b;
      continue;
    }
    if (!adj && is_person(s, r)) { /* a person's name seen before */
      i = b;
      continue;
    }
    if (!big && !adj) {
      /* a surname after a title, or saying something */
      if (i > se->tok && is_word(doc, i - 1, TITLES)) {
        i = b;
        continue;
      }
      if (L == 1 && is_word(doc, b + 1, SAYS) &&
          !(i > se->tok && is_word(doc, i - 1, "in\0at\0from\0near\0and\0"
                                                "or\0of\0to\0"))) {
        add_person(s, r);
        continue;
      }
      /* "said Walsh," */
      if (L == 1 && i > se->tok && is_word(doc, i - 1, SAYS) &&
          !(b + 1 < end && is_word(doc, b + 1, "in\0at\0of\0"))) {
        add_person(s, r);
        continue;
      }
    }
    /* a name that is also a common word ("Reading", "Deal", "Justice",
     * and regions named "Central" or "Eastern") needs a preposition
     * before it or a qualifier after it; a bare compass word is never a
     * place */
    int lead = i > se->tok && (is_word(doc, i - 1, LEADS) ||
                               (is_word(doc, i - 1, "of\0") &&
                                i - 1 > se->tok && !is_capword(&t[i - 2])));
    int comma_after = b + 1 < end && doc->text[t[b + 1].off] == ',';
    /* "Kitchener and Waterloo": a list of places */
    if (!lead && i >= se->tok + 2 && s->n && !s->m[s->n - 1].len &&
        s->m[s->n - 1].tok + s->m[s->n - 1].ntok == i - 1 &&
        (is_word(doc, i - 1, "and\0or\0") ||
         doc->text[t[i - 1].off] == ','))
      lead = 1;
    if (L == 1 && !adj && !(r->flags & DYAD_GNF_ABBR) &&
        common_word(ctx, &t[i]) && !lead &&
        !comma_after && !area_place(s->g, r) &&
        !(i != first && notable(s->g, r)))
      continue;
    /* a date word, or a word of a temporal expression ("Christmas") */
    if (L == 1 && date_word(doc, i))
      continue;
    if (in_timex(doc, &t[i]))
      continue;
    /* a person (or organisation) in the actor dictionary */
    if (ctx->dict) {
      struct dyad_actor_hit h;
      size_t am = dyad__dict_actor(ctx, t, doc->toks.n, i, doc->date, &h);
      if (am >= L && (h.type == DYAD_AT_PERSON ||
                      (am > L && h.type != DYAD_AT_COUNTRY &&
                       h.type != DYAD_AT_CAPITAL && h.type != DYAD_AT_ADJ))) {
        i += (uint32_t)am - 1;
        continue;
      }
    }
    /* "the White House said": a small town takes no article (but "the
     * Bronx", whose name has one, a country, region, county or city may,
     * and "the Calgary MLA" uses the town's name as a modifier) */
    if (!adj && small_towns(s->g, r) && i > se->tok &&
        is_word(doc, i - 1, "the\0a\0an\0this\0that\0") &&
        !(b + 1 < end && t[b + 1].kind == DYAD_TK_WORD &&
          (is_capword(&t[b + 1]) ||
           (DYAD_TAGBIT(t[b + 1].tag) &
            (DYAD_TAGBIT(DYAD_TAG_NN) | DYAD_TAGBIT(DYAD_TAG_NNS) |
             DYAD_TAGBIT(DYAD_TAG_NNP) | DYAD_TAGBIT(DYAD_TAG_NNPS) |
             DYAD_TAGBIT(DYAD_TAG_JJ) |
             DYAD_TAGBIT(DYAD_TAG_JJR) | DYAD_TAGBIT(DYAD_TAG_JJS) |
             DYAD_TAGBIT(DYAD_TAG_VBG) | DYAD_TAGBIT(DYAD_TAG_CD)))))) {
      i = b;
      continue;
    }
    /* "Metcalfe County": the county is not in the gazetteer; its name is
     * not the town's */
    if (!adj && is_word(doc, b + 1, "county\0township\0parish\0borough\0")) {
      i = b + 1;
      continue;
    }
    struct mention *m = push_mention(s);
    if (!m)
      return DYAD_ENOMEM;
    m->tok = i;
    m->ntok = L;
    m->sent = si;
    m->rec = r;
    i = b;
    m->region = is_word(doc, b + 1, REGION_AFTER) ||
                (i >= se->tok + 2 && is_word(doc, i - 1, "of\0") &&
                 is_word(doc, i - 2, "state\0province\0")) ||
                (i > se->tok && is_word(doc, i - 1, "upstate\0"));
    if (m->region) /* the region where the text says so */
      m->pick = first_region(s->g, r);
    uint32_t q;
    int qabbr = 0;
    m->abbr = (r->flags & DYAD_GNF_ABBR) != 0;
    uint32_t QL = adj ? 0 : qualifier(s, m, b, end, &q, &qabbr);
    if (QL && !m->rec) { /* the name is not this town: only the region */
      m->tok = b + 2;
      m->ntok = QL;
      m->pick = q;
      m->region = 0;
      m->abbr = qabbr;
      i = b + 1 + QL;
    } else if (QL) {
      struct mention *mq = push_mention(s);
      if (!mq)
        return DYAD_ENOMEM;
      mq->tok = b + 2;
      mq->ntok = QL;
      mq->sent = si;
      mq->rec = NULL;
      mq->pick = q;
      mq->abbr = qabbr;
      i = b + 1 + QL;
    }
    /* "the Ukrainian capital": that country's capital, after the demonym
     * itself (which names the country) */
    if (adj && is_word(doc, b + 1, "capital\0")) {
      const struct dyad_gaz_place *p0 = &s->g->places[s->g->cands[r->cand]];
      uint32_t cap = dyad__gaz_capital(s->g, p0->country);
      if (cap != DYAD_GAZ_NONE) {
        struct mention *mc = push_mention(s);
        if (!mc)
          return DYAD_ENOMEM;
        mc->tok = b + 1 - L;
        mc->ntok = L + 1;
        mc->sent = si;
        mc->pick = cap; /* rec NULL: not this demonym's sense elsewhere */
        i = b + 1;
      }
    }
  }
  return DYAD_OK;
}

/* Evidence of the whole article: how strongly it points at each country
 * and at a few first-level regions. */
struct evidence {
  float *country;             /* [g->ncountry] */
  uint32_t adm[MAXADM];
  float admw[MAXADM];
  size_t nadm;
  uint32_t anchor[MAXANCHOR];  /* towns named clearly: a namesake of */
  const struct dyad_gaz_name *anchor_rec[MAXANCHOR]; /* another name near */
  size_t nanchor;              /* one of them is likely the one meant */
};

static void add_country(struct evidence *ev, const struct dyad_gazetteer *g,
                        uint32_t c, float w)
{
  if (c < g->ncountry)
    ev->country[c] += w;
}

static void add_adm(struct evidence *ev, uint32_t a, float w)
{
  if (a == DYAD_GAZ_NONE)
    return;
  for (size_t k = 0; k < ev->nadm; k++)
    if (ev->adm[k] == a) {
      ev->admw[k] += w;
      return;
    }
  if (ev->nadm < MAXADM) {
    ev->adm[ev->nadm] = a;
    ev->admw[ev->nadm++] = w;
  }
}

static float adm_weight(const struct evidence *ev, uint32_t a)
{
  for (size_t k = 0; k < ev->nadm; k++)
    if (ev->adm[k] == a)
      return ev->admw[k];
  return 0;
}

/* What one mention says about the article (scaled by sign, -1 to take
 * it back): the country and region of its place when known, else of its
 * most likely place, weighted by how clearly that place leads. */
static void gather(struct evidence *ev, const struct dyad_gazetteer *g,
                   const struct mention *m, float sign)
{
  if (m->pick != DYAD_GAZ_NONE) { /* a qualifier or a qualified name */
    const struct dyad_gaz_place *p = &g->places[m->pick];
    add_country(ev, g, p->country, sign);
    add_adm(ev, p->adm1, sign);
    return;
  }
  const uint32_t *cand = g->cands + m->rec->cand;
  const struct dyad_gaz_place *p0 = &g->places[cand[0]];
  float w = 1;
  if (m->rec->ncand > 1) {
    double lead = prior(p0) - prior(&g->places[cand[1]]);
    w = lead >= 3 ? 1 : lead >= 1.5 ? 0.5f : 0.2f;
  }
  add_country(ev, g, p0->country, sign * w);
  if (p0->kind != DYAD_GK_COUNTRY)
    add_adm(ev, p0->adm1, sign * w);
}

/* Remembers the town of mention m as an anchor when it is clear: the
 * place of a qualified name or of a qualifier, or a name whose first
 * candidate leads by far. Areas (countries, regions) are not anchors. */
static void add_anchor(struct evidence *ev, const struct dyad_gazetteer *g,
                       const struct mention *m)
{
  uint32_t c = m->pick;
  if (c == DYAD_GAZ_NONE) {
    const uint32_t *cand = g->cands + m->rec->cand;
    if (m->rec->ncand > 1 &&
        prior(&g->places[cand[0]]) - prior(&g->places[cand[1]]) < 3)
      return;
    c = cand[0];
  }
  uint8_t kind = g->places[c].kind;
  if (kind == DYAD_GK_COUNTRY || kind == DYAD_GK_ADM1 ||
      kind == DYAD_GK_REGION || ev->nanchor == MAXANCHOR)
    return;
  for (size_t k = 0; k < ev->nanchor; k++)
    if (ev->anchor[k] == c)
      return;
  ev->anchor[ev->nanchor] = c;
  ev->anchor_rec[ev->nanchor++] = m->rec;
}

/* The best candidate of name record r given the evidence. */
static uint32_t choose(const struct evidence *ev,
                       const struct dyad_gazetteer *g,
                       const struct dyad_gaz_name *r)
{
  const uint32_t *cand = g->cands + r->cand;
  uint32_t best = cand[0];
  double bs = -1e9;
  for (uint32_t k = 0; k < r->ncand; k++) {
    const struct dyad_gaz_place *p = &g->places[cand[k]];
    double sc = static_score(g, r, k);
    if (p->kind != DYAD_GK_COUNTRY && p->country < g->ncountry) {
      float cw = ev->country[p->country];
      if (cw > 0.1f)
        sc += 2.0 + (cw > 5 ? 5 : cw) * 0.6;
    }
    if (p->adm1 != DYAD_GAZ_NONE) {
      float aw = adm_weight(ev, p->adm1);
      if (aw > 0.1f)
        sc += 2.0 + (aw > 4 ? 4 : aw) * 0.5;
    }
    if (k < 64 && p->kind != DYAD_GK_COUNTRY && p->kind != DYAD_GK_REGION)
      for (size_t a = 0; a < ev->nanchor; a++)
        if (ev->anchor_rec[a] != r && ev->anchor[a] != cand[k] &&
            km(p, &g->places[ev->anchor[a]]) < NEAR_KM) {
          sc += 3;
          break;
        }
    if (sc > bs) {
      bs = sc;
      best = cand[k];
    }
  }
  return best;
}

/* Is mention m made of words the lexicon knows as common words, used as
 * a phrase ("the Centre for ...", "the Far North") or inside a longer
 * name ("Lakes Edge Apartments")? */
static int common_name(const dyad_doc *doc, const struct mention *m)
{
  if (m->len || !m->rec || (m->rec->flags & (DYAD_GNF_ADJ | DYAD_GNF_ABBR)))
    return 0;
  const dyad_token *t = doc->toks.v;
  for (uint32_t i = m->tok; i < m->tok + m->ntok; i++)
    if (t[i].kind == DYAD_TK_WORD && !common_word(doc->ctx, &t[i]))
      return 0;
  uint32_t e = m->tok + m->ntok;
  return (m->tok > 0 && is_word(doc, m->tok - 1, "the\0")) ||
         (e < doc->toks.n && is_capword(&t[e]) && joined(doc, e - 1, e));
}

/* Is place c a region or a small town (under 100,000 people) in a country
 * and region that the rest of the article gives no evidence for? */
static int unlikely(const struct evidence *ev, const struct dyad_gazetteer *g,
                    uint32_t c)
{
  const struct dyad_gaz_place *p = &g->places[c];
  if (p->kind == DYAD_GK_COUNTRY || p->kind == DYAD_GK_CAPITAL ||
      p->kind == DYAD_GK_REGION ||
      (p->kind != DYAD_GK_ADM1 && p->kind != DYAD_GK_ADM2 &&
       p->kind != DYAD_GK_REGION && p->pop >= 100000))
    return 0;
  if (p->country < g->ncountry && ev->country[p->country] > 0.1f)
    return 0;
  return !(p->adm1 != DYAD_GAZ_NONE && adm_weight(ev, p->adm1) > 0.1f);
}

static int by_rec(const void *a, const void *b)
{
  const struct mention *x = *(const struct mention *const *)a;
  const struct mention *y = *(const struct mention *const *)b;
  uintptr_t p = (uintptr_t)x->rec, q = (uintptr_t)y->rec;
  return p < q ? -1 : p > q ? 1 : (x < y ? -1 : x > y);
}

/* Resolves every mention: per distinct name, on the evidence of all the
 * other names (a name is no evidence for itself); a name once qualified
 * keeps that sense throughout. */
static dyad_status resolve(struct scan *s)
{
  dyad_doc *doc = s->doc;
  const struct dyad_gazetteer *g = s->g;
  struct evidence ev;
  memset(&ev, 0, sizeof(ev));
  ev.country = dyad__arena_calloc(&doc->arena, g->ncountry * sizeof(float) + 1);
  struct mention **ix = dyad__arena_alloc(&doc->arena, s->n * sizeof(*ix));
  if (!ev.country || !ix)
    return DYAD_ENOMEM;
  for (size_t k = 0; k < s->n; k++)
    ix[k] = &s->m[k];
  qsort(ix, s->n, sizeof(*ix), by_rec);
  /* a name qualified once has that sense throughout, as evidence too */
  for (size_t a = 0, z; a < s->n; a = z) {
    for (z = a + 1; z < s->n && ix[z]->rec == ix[a]->rec; z++)
      ;
    uint32_t pick = DYAD_GAZ_NONE;
    for (size_t k = a; k < z && pick == DYAD_GAZ_NONE && ix[a]->rec; k++)
      if (ix[k]->qual != DYAD_GAZ_NONE)
        pick = ix[k]->pick;
    for (size_t k = a; k < z && pick != DYAD_GAZ_NONE; k++)
      if (ix[k]->pick == DYAD_GAZ_NONE)
        ix[k]->pick = pick;
  }
  for (size_t k = 0; k < s->n; k++) {
    gather(&ev, g, &s->m[k], 1);
    add_anchor(&ev, g, &s->m[k]);
  }
  for (size_t a = 0, z; a < s->n; a = z) {
    z = a + 1;
    if (!ix[a]->rec)
      continue;
    while (z < s->n && ix[z]->rec == ix[a]->rec)
      z++;
    uint32_t pick = DYAD_GAZ_NONE;
    for (size_t k = a; k < z && pick == DYAD_GAZ_NONE; k++)
      if (ix[k]->qual != DYAD_GAZ_NONE)
        pick = ix[k]->pick;
    if (pick == DYAD_GAZ_NONE) {
      for (size_t k = a; k < z; k++)
        gather(&ev, g, ix[k], -1);
      pick = choose(&ev, g, ix[a]->rec);
      /* a name made of common words ("Centre", "Lakes", "Far North")
       * for a region or a small town in a country the article names
       * nowhere else is not that place */
      int drop = 1;
      for (size_t k = a; k < z && drop; k++)
        drop = !ix[k]->region && common_name(doc, ix[k]);
      if (drop && !unlikely(&ev, g, pick))
        drop = 0;
      for (size_t k = a; k < z; k++)
        ix[k]->drop = drop;
      for (size_t k = a; k < z; k++)
        gather(&ev, g, ix[k], 1);
    }
    for (size_t k = a; k < z; k++)
      if (ix[k]->pick == DYAD_GAZ_NONE)
        ix[k]->pick = pick;
  }
  return DYAD_OK;
}

dyad_status dyad__places(dyad_doc *doc)
{
  const struct dyad_gazetteer *g = doc->ctx->gaz;
  if (!g || doc->toks.n == 0)
    return DYAD_OK;
  struct scan s;
  memset(&s, 0, sizeof(s));
  s.doc = doc;
  s.g = g;
  for (uint32_t si = 0; si < doc->sents.n; si++) {
    dyad_status st = scan_sentence(&s, si);
    if (st != DYAD_OK)
      return st;
  }
  if (s.n == 0)
    return DYAD_OK;
  dyad_status st = resolve(&s);
  if (st != DYAD_OK)
    return st;
  if (dyad_vec_reserve(&doc->ctx->alloc, doc->places, doc->places.n + s.n))
    return DYAD_ENOMEM;
  for (size_t k = 0; k < s.n; k++) {
    const struct mention *m = &s.m[k];
    if (m->drop)
      continue;
    const struct dyad_gaz_place *p = &g->places[m->pick];
    const dyad_token *a = &doc->toks.v[m->tok];
    const dyad_token *b = &doc->toks.v[m->tok + m->ntok - 1];
    dyad_place *pl = dyad_vec_push(&doc->ctx->alloc, doc->places);
    pl->span.off = m->len ? m->off : a->off;
    pl->span.len = m->len ? m->len : b->off + b->len - a->off;
    /* "Alta.": an abbreviated region keeps its period */
    uint32_t nb = m->tok + m->ntok;
    if (!m->len && m->abbr && p->kind == DYAD_GK_ADM1 &&
        nb < doc->toks.n && doc->toks.v[nb].off == b->off + b->len &&
        doc->toks.v[nb].len == 1 && doc->text[doc->toks.v[nb].off] == '.')
      pl->span.len++;
    pl->sent = m->sent;
    pl->name = dyad__gaz_name(g, m->pick);
    memcpy(pl->country, p->cc3, 3);
    pl->country[3] = '\0';
    pl->lat = p->lat / 1e5;
    pl->lon = p->lon / 1e5;
    pl->geonameid = p->geonameid;
  }
  return DYAD_OK;
}


/* ==== the event's place (for the coder) =============================== */

/* Is the folded word of token t one of the words (NUL-separated list)? */
static int word_in(const dyad_doc *doc, const dyad_token *t, const char *list)
{
  char w[32];
  size_t n = dyad__fold(doc->text + t->off, t->len, w, sizeof(w));
  if (n == (size_t)-1)
    return 0;
  return in_list(list, w, n);
}

/* The first place whose span lies inside NP phrase np and covers its
 * head (so "in Russian territory" does not place an event in Russia). */
static int32_t place_in_np(const dyad_doc *doc, int32_t np)
{
  if (np < 0 || (size_t)np >= doc->phrases.n)
    return -1;
  const dyad_phrase *ph = &doc->phrases.v[np];
  const dyad_token *a = &doc->toks.v[ph->tok];
  const dyad_token *z = &doc->toks.v[ph->tok + ph->ntok - 1];
  const dyad_token *h = &doc->toks.v[ph->head];
  uint32_t lo = a->off, hi = z->off + z->len;
  for (size_t k = 0; k < doc->places.n; k++) {
    const dyad_place *p = &doc->places.v[k];
    if (p->span.off >= lo && p->span.off + p->span.len <= hi &&
        h->off >= p->span.off && h->off < p->span.off + p->span.len)
      return (int32_t)k;
  }
  /* a coordination: the first member that names a place */
  if (ph->conj >= 0 && ph->conj != np)
    return place_in_np(doc, ph->conj);
  return -1;
}

static const char LOCATIVE[] = "in\0at\0near\0across\0outside\0inside\0"
                               "throughout\0within\0around\0";
static const char MOTION[] = "visit\0travel\0arrive\0fly\0go\0return\0come\0"
                             "head\0trip\0journey\0deploy\0send\0move\0"
                             "visits\0trips\0tour\0";
static const char NATION[] = "country\0nation\0";
static const char STRIKES[] = "attack\0shell\0bomb\0strike\0hit\0raid\0"
                              "invade\0occupy\0capture\0seize\0besiege\0"
                              "storm\0enter\0blockade\0liberate\0retake\0"
                              "bombard\0target\0pound\0overrun\0";

/* Is the main verb of clause c (its lemma) one of the words? */
static int verb_in(const dyad_doc *doc, const dyad_clause *c,
                   const char *list)
{
  if (c->verb < 0 || (size_t)c->verb >= doc->phrases.n)
    return 0;
  size_t ln;
  const char *lemma =
      dyad_ctx_word(doc->ctx, doc->phrases.v[c->verb].lemma, &ln);
  if (!lemma)
    return 0;
  return in_list(list, lemma, ln);
}

/* The main country of the article: the one most of its places are in. */
static uint32_t main_country(const dyad_doc *doc)
{
  const struct dyad_gazetteer *g = doc->ctx->gaz;
  uint32_t best = DYAD_GAZ_NONE;
  size_t bn = 0;
  for (size_t k = 0; k < doc->places.n; k++) {
    const char *cc = doc->places.v[k].country;
    if (!cc[0])
      continue;
    size_t n = 0;
    for (size_t j = 0; j < doc->places.n; j++)
      n += memcmp(doc->places.v[j].country, cc, 3) == 0;
    if (n > bn) {
      uint32_t c = dyad__gaz_country(g, cc);
      if (c != DYAD_GAZ_NONE) {
        bn = n;
        best = c;
      }
    }
  }
  return best;
}

/* Appends a place record for country c over the words [a, z]. */
static int32_t add_country_place(dyad_doc *doc, uint32_t c, uint32_t sent,
                                 const dyad_token *a, const dyad_token *z)
{
  const struct dyad_gazetteer *g = doc->ctx->gaz;
  const struct dyad_gaz_place *p = &g->places[c];
  dyad_place *pl = dyad_vec_push(&doc->ctx->alloc, doc->places);
  if (!pl)
    return -1;
  pl->span.off = a->off;
  pl->span.len = z->off + z->len - a->off;
  pl->sent = sent;
  pl->name = dyad__gaz_name(g, c);
  memcpy(pl->country, p->cc3, 3);
  pl->country[3] = '\0';
  pl->lat = p->lat / 1e5;
  pl->lon = p->lon / 1e5;
  pl->geonameid = p->geonameid;
  return (int32_t)(doc->places.n - 1);
}

/* The first "across/throughout/around the country|nation" PP of clause
 * c: sets *a (the preposition) and *z (the last word). */
static void nation_pp(const dyad_doc *doc, const dyad_clause *c,
                      const dyad_token **a, const dyad_token **z)
{
  const dyad_token *t = doc->toks.v;
  int32_t pp = (int32_t)c->pp;
  for (uint32_t k = 0; k < c->npp && pp >= 0 && (size_t)pp < doc->phrases.n;
       k++, pp = doc->phrases.v[pp].next_pp) {
    const dyad_phrase *ph = &doc->phrases.v[pp];
    if (ph->child < 0 || (size_t)ph->child >= doc->phrases.n ||
        !word_in(doc, &t[ph->head], "across\0throughout\0around\0"))
      continue;
    const dyad_phrase *np = &doc->phrases.v[ph->child];
    if (word_in(doc, &t[np->head], NATION)) {
      *a = &t[ph->head];
      *z = &t[np->tok + np->ntok - 1];
      return;
    }
  }
}

int32_t dyad__event_place(dyad_doc *doc, const dyad_clause *c,
                          const char *target_code, const char **why)
{
  const char *dummy;
  if (!why)
    why = &dummy;
  *why = NULL;
  if (!doc->ctx->gaz || !c)
    return -1;
  const dyad_token *t = doc->toks.v;
  int motion = 0;
  if (c->verb >= 0 && (size_t)c->verb < doc->phrases.n) {
    const dyad_phrase *vg = &doc->phrases.v[c->verb];
    motion = word_in(doc, &t[vg->head], MOTION);
    size_t ln;
    const char *lemma = dyad_ctx_word(doc->ctx, vg->lemma, &ln);
    if (lemma && !motion)
      motion = in_list(MOTION, lemma, ln);
  }
  /* locative and destination phrases */
  int32_t pp = (int32_t)c->pp;
  int32_t dest = -1;
  const dyad_token *nat_a = NULL, *nat_z = NULL;
  for (uint32_t k = 0; k < c->npp && pp >= 0 && (size_t)pp < doc->phrases.n;
       k++, pp = doc->phrases.v[pp].next_pp) {
    const dyad_phrase *ph = &doc->phrases.v[pp];
    const dyad_token *prep = &t[ph->head];
    int loc = word_in(doc, prep, LOCATIVE);
    int to = !loc && word_in(doc, prep, "to\0into\0for\0");
    if (!loc && !to)
      continue;
    if (ph->child >= 0 && (size_t)ph->child < doc->phrases.n) {
      const dyad_phrase *np = &doc->phrases.v[ph->child];
      if (word_in(doc, &t[np->head], NATION) && !nat_a &&
          word_in(doc, prep, "across\0throughout\0around\0")) {
        nat_a = prep;
        nat_z = &t[np->tok + np->ntok - 1];
        continue;
      }
    }
    int32_t pl = place_in_np(doc, ph->child);
    if (pl < 0)
      continue;
    /* "to" counts for motion verbs and for PPs on a visit/trip noun */
    int on_visit = 0;
    if (to && ph->attach >= 0 && (size_t)ph->attach < doc->phrases.n) {
      const dyad_phrase *at = &doc->phrases.v[ph->attach];
      on_visit = at->kind == DYAD_PH_NP && word_in(doc, &t[at->head], MOTION);
    }
    if (to && !on_visit && pp > 0) { /* "during a visit to Moscow" */
      const dyad_phrase *prev = &doc->phrases.v[pp - 1];
      on_visit = prev->kind == DYAD_PH_NP &&
                 prev->tok + prev->ntok == ph->tok &&
                 word_in(doc, &t[prev->head], MOTION);
    }
    if (loc) {
      *why = "in-phrase";
      return pl;
    }
    if ((motion || on_visit) && dest < 0)
      dest = pl;
  }
  if (dest >= 0) {
    *why = "destination";
    return dest;
  }
  /* "visited Moscow": the object of a visit verb */
  if (motion && c->obj >= 0) {
    int32_t pl = place_in_np(doc, c->obj);
    if (pl >= 0) {
      *why = "destination";
      return pl;
    }
  }
  /* "shelled Kharkiv": the object of a physical attack on a place */
  if (c->obj >= 0 && verb_in(doc, c, STRIKES)) {
    int32_t pl = place_in_np(doc, c->obj);
    if (pl >= 0) {
      *why = "object-place";
      return pl;
    }
  }
  /* "attacks, which damaged infrastructure across the country": a
   * relative clause of this one (or a clause coordinated in it) */
  if (!nat_a && c >= doc->clauses.v && c < doc->clauses.v + doc->clauses.n) {
    int32_t ci = (int32_t)(c - doc->clauses.v);
    /* the clauses of c's sentence that follow it (a relative clause comes
     * after the clause it hangs on) */
    size_t lo = 0, hi = doc->sents.n;
    while (hi - lo > 1) {
      size_t mid = (lo + hi) / 2;
      if (doc->sents.v[mid].tok <= c->tok)
        lo = mid;
      else
        hi = mid;
    }
    uint32_t send = doc->sents.n ? doc->sents.v[lo].tok + doc->sents.v[lo].ntok
                                 : 0;
    for (size_t k = (size_t)ci + 1;
         k < doc->clauses.n && doc->clauses.v[k].tok < send && !nat_a; k++) {
      const dyad_clause *r = &doc->clauses.v[k];
      int32_t par = r->parent;
      if (par >= 0 && (size_t)par < doc->clauses.n &&
          r->kind == DYAD_CL_COORD && doc->clauses.v[par].kind == DYAD_CL_REL)
        r = &doc->clauses.v[par]; /* judge a coordinated clause by its REL */
      if (r->kind == DYAD_CL_REL && r->parent == ci)
        nation_pp(doc, &doc->clauses.v[k], &nat_a, &nat_z);
    }
  }
  /* "nationwide" */
  if (!nat_a)
    for (uint32_t i = c->tok; i < c->tok + c->ntok && i < doc->toks.n; i++)
      if (t[i].kind == DYAD_TK_WORD && word_in(doc, &t[i], "nationwide\0")) {
        nat_a = nat_z = &t[i];
        break;
      }
  if (nat_a) {
    const struct dyad_gazetteer *g = doc->ctx->gaz;
    uint32_t cc = DYAD_GAZ_NONE;
    if (target_code && strlen(target_code) >= 3 && target_code[0] != '-') {
      cc = dyad__gaz_country(g, target_code);
      if (cc != DYAD_GAZ_NONE)
        *why = "country-of-target";
    }
    if (cc == DYAD_GAZ_NONE) {
      cc = main_country(doc);
      if (cc != DYAD_GAZ_NONE)
        *why = "country-of-article";
    }
    if (cc == DYAD_GAZ_NONE)
      return -1;
    uint32_t sent = 0;
    while (sent + 1 < doc->sents.n && doc->sents.v[sent + 1].tok <= c->tok)
      sent++;
    int32_t r = add_country_place(doc, cc, sent, nat_a, nat_z);
    if (r < 0)
      *why = NULL;
    return r;
  }
  return -1;
}

/* ==== `dyad parse` ===================================================== */

int dyad__write_places(const dyad_doc *doc, int json, dyad_buf *out)
{
  if (json) {
    if (dyad__buf_adds(out, ",\"places\":["))
      return -1;
    for (size_t k = 0; k < doc->places.n; k++) {
      const dyad_place *p = &doc->places.v[k];
      if ((k && dyad__buf_addc(out, ',')) ||
          dyad__buf_adds(out, "{\"text\":\"") ||
          dyad__buf_json_str(out, doc->text + p->span.off, p->span.len) ||
          dyad__buf_printf(out, "\",\"span\":[%u,%u],\"name\":\"", p->span.off,
                           p->span.off + p->span.len) ||
          dyad__buf_json_str(out, p->name, strlen(p->name)) ||
          dyad__buf_printf(out, "\",\"country\":\"%s\",\"lat\":%.5f,"
                                "\"lon\":%.5f,\"geonameid\":%u}",
                           p->country, p->lat, p->lon, p->geonameid))
        return -1;
    }
    return dyad__buf_addc(out, ']');
  }
  for (size_t k = 0; k < doc->places.n; k++) {
    const dyad_place *p = &doc->places.v[k];
    if ((k == 0 && dyad__buf_adds(out, "places:\n")) ||
        dyad__buf_printf(out, "  %u\t%u\t", p->span.off, p->span.len) ||
        dyad__buf_add(out, doc->text + p->span.off, p->span.len) ||
        dyad__buf_addc(out, '\t') || dyad__buf_adds(out, p->name) ||
        dyad__buf_printf(out, "\t%s\t%.5f\t%.5f\t%u\n", p->country, p->lat,
                         p->lon, p->geonameid))
      return -1;
  }
  return 0;
}
