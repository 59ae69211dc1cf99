/*
 * govern.c: which temporal expression dates an event (dyad__event_date).
 * The rule is documented in when.h: a clause is governed by the timexes
 * it owns (innermost clause holding the timex's first token), else by its
 * parent's, up the chain; only DATE/TIME values with a full day give a
 * date. Reads the doc only; no allocation.
 */
#include "when.h"

dyad_date dyad__timex_day(const char *v)
{
  int f[3] = {0, 0, 0};
  static const int len[3] = {4, 2, 2};
  const char *p = v;
  for (int k = 0; k < 3; k++) {
    for (int j = 0; j < len[k]; j++, p++) {
      if (*p < '0' || *p > '9')
        return 0;
      f[k] = f[k] * 10 + (*p - '0');
    }
    if (k < 2 && *p++ != '-')
      return 0;
  }
  if (*p != '\0' && *p != 'T')
    return 0;
  if (f[1] < 1 || f[1] > 12 || f[2] < 1 ||
      f[2] > dyad__days_in_month(f[0], f[1]))
    return 0;
  return f[0] * 10000 + f[1] * 100 + f[2];
}

/* Index of the sentence holding clause ci (binary search on the sentences'
 * first clause), or -1. */
static long sent_of_clause(const dyad_doc *doc, size_t ci)
{
  size_t lo = 0, hi = doc->sents.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const dyad_sentence *s = &doc->sents.v[mid];
    if (ci < s->clause)
      hi = mid;
    else if (ci >= (size_t)s->clause + s->nclause)
      lo = mid + 1;
    else
      return (long)mid;
  }
  return -1;
}

/* Token index holding byte offset off inside sentence s, or UINT32_MAX. */
static uint32_t tok_at(const dyad_doc *doc, const dyad_sentence *s,
                       uint32_t off)
{
  for (uint32_t t = s->tok; t < s->tok + s->ntok; t++) {
    const dyad_token *k = &doc->toks.v[t];
    if (off >= k->off && off < k->off + k->len)
      return t;
  }
  return UINT32_MAX;
}

/* The owning clause of a timex (absolute clause index), see when.h. */
static long owner(const dyad_doc *doc, const dyad_sentence *s,
                  const dyad_timex *x)
{
  uint32_t t = tok_at(doc, s, x->span.off);
  long best = -1;
  uint32_t bestn = UINT32_MAX;
  for (uint32_t c = s->clause; c < s->clause + s->nclause; c++) {
    const dyad_clause *cl = &doc->clauses.v[c];
    if (t >= cl->tok && t < cl->tok + cl->ntok && cl->ntok < bestn) {
      best = c;
      bestn = cl->ntok;
    }
  }
  if (best >= 0)
    return best;
  for (uint32_t c = s->clause; c < s->clause + s->nclause; c++)
    if (doc->clauses.v[c].parent < 0)
      return c;
  return -1;
}

/* The timexes of sentence si: [*first, *last) (they are in sentence
 * order). */
static void sent_timexes(const dyad_doc *doc, uint32_t si, size_t *first,
                         size_t *last)
{
  size_t lo = 0, hi = doc->timexes.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->timexes.v[mid].sent < si)
      lo = mid + 1;
    else
      hi = mid;
  }
  *first = lo;
  while (lo < doc->timexes.n && doc->timexes.v[lo].sent == si)
    lo++;
  *last = lo;
}

/* Clause c's index *ci, its sentence *s and that sentence's timexes
 * [*first, *last); 0 when the dates stage has not run or c is not one of
 * doc's clauses. */
static int clause_scope(const dyad_doc *doc, const dyad_clause *c, long *ci,
                        const dyad_sentence **s, size_t *first, size_t *last)
{
  if (!doc || !c || !(doc->stages_done & DYAD_STAGE_WHEN) ||
      c < doc->clauses.v || c >= doc->clauses.v + doc->clauses.n)
    return 0;
  *ci = c - doc->clauses.v;
  long si = sent_of_clause(doc, (size_t)*ci);
  if (si < 0)
    return 0;
  *s = &doc->sents.v[si];
  sent_timexes(doc, (uint32_t)si, first, last);
  return 1;
}

dyad_date dyad__event_date(const dyad_doc *doc, const dyad_clause *c,
                           int *from_text)
{
  if (from_text)
    *from_text = 0;
  long ci;
  const dyad_sentence *s;
  size_t first, last;
  if (!clause_scope(doc, c, &ci, &s, &first, &last))
    return 0;
  for (int hops = 0; ci >= 0 && hops < 16; hops++) {
    int owned = 0;
    for (size_t k = first; k < last; k++) {
      const dyad_timex *x = &doc->timexes.v[k];
      if (strcmp(x->type, "DATE") && strcmp(x->type, "TIME"))
        continue;
      if (owner(doc, s, x) != ci)
        continue;
      owned = 1;
      dyad_date d = dyad__timex_day(x->value);
      if (d) {
        if (from_text)
          *from_text = 1;
        return d;
      }
    }
    if (owned)
      return 0;
    ci = doc->clauses.v[ci].parent;
    if (ci >= 0 && (ci < (long)s->clause || ci >= (long)(s->clause + s->nclause)))
      break;
  }
  return 0;
}

/* The year the timexes that govern clause c name (as dyad__event_date finds
 * them: those the innermost owning clause holds), the latest of them; 0
 * when none governs it or one names no year ("today", "now"). */
int dyad__event_year(const dyad_doc *doc, const dyad_clause *c)
{
  long ci;
  const dyad_sentence *s;
  size_t first, last;
  if (!clause_scope(doc, c, &ci, &s, &first, &last))
    return 0;
  for (int hops = 0; ci >= 0 && hops < 16; hops++) {
    int year = 0, owned = 0;
    for (size_t k = first; k < last; k++) {
      const dyad_timex *x = &doc->timexes.v[k];
      if ((strcmp(x->type, "DATE") && strcmp(x->type, "TIME")) ||
          owner(doc, s, x) != ci)
        continue;
      uint32_t t = tok_at(doc, s, x->span.off);
      if (t != UINT32_MAX && t > s->tok &&
          doc->toks.v[t - 1].len == 5 &&
          strncasecmp(doc->text + doc->toks.v[t - 1].off, "since", 5) == 0)
        continue; /* "since 1972": a period that runs to now */
      owned = 1;
      int y = 0, j = 0;
      for (; j < 4 && x->value[j] >= '0' && x->value[j] <= '9'; j++)
        y = y * 10 + (x->value[j] - '0');
      if (j < 4)
        return 0;
      if (y > year)
        year = y;
    }
    if (owned)
      return year;
    ci = doc->clauses.v[ci].parent;
    if (ci >= 0 && (ci < (long)s->clause || ci >= (long)(s->clause + s->nclause)))
      break;
  }
  return 0;
}
