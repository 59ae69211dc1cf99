/*
 * timex.c: the temporal tagger (stage DYAD_STAGE_WHEN). Finds temporal
 * expressions in each sentence and normalises them against the article
 * date to TimeML values:
 *
 *   DATE      2023-03-21  2023-03  2023-W12  2023  2023-SU  2023-Q1
 *             2023-H1  199 (the 1990s)  19 (the 20th century)
 *             2023-W12-WE  PAST_REF  PRESENT_REF  FUTURE_REF
 *   TIME      2023-03-21TNI (night)  2023-03-21T15:30
 *   DURATION  P2D  P3W  P6M  P4Y  P10Y  PT2H  PXY (unknown count)
 *
 * How: one pass over the tokens of a sentence. Each word is looked up
 * once in a sorted keyword table (months, weekdays, units, relative words
 * ...) and the class codes are kept in one arena array for the document;
 * at each token the matchers below try, longest construction first, and a
 * match consumes its tokens. Hyphenated tokens ("two-day", "mid-1990",
 * "third-quarter", "1990-1995") are split on their hyphens inside a
 * matcher. Relative expressions whose direction the words leave open
 * ("on Tuesday", "in March") take it from the tense of the verb group of
 * the clause that holds them: past tense looks back; future, forward
 * modals ("might", "should"), "is to", scheduling verbs ("is set to",
 * "planned a rally on Saturday"), dates after "effective"/"payable" and
 * deadlines moved "until" a day look ahead.
 *
 * Invariants: only doc->timexes and one arena array are written; values
 * are always valid calendar dates (impossible dates such as "February 30"
 * and years far from the article date are skipped, not emitted, and with
 * DYAD_CFG_EXPLAIN recorded in doc->skips with the reason); spans
 * cover whole tokens except the parts of a "1990-1995" range token.
 */
#include "when.h"

#include <ctype.h>

/* Scratch size for a value; emit() keeps the first 23 bytes. */
#define VLEN 64

/* ==== keyword table ===================================================== */

enum kcls {
  K_NONE = 0,
  K_MONTH,   /* val 1..12 */
  K_WDAY,    /* val 0 Monday .. 6 Sunday */
  K_SEASON,  /* val 0 spring, 1 summer, 2 fall, 3 winter */
  K_DAYREL,  /* val -1 yesterday, 0 today, 1 tomorrow */
  K_UNIT,    /* val U_* */
  K_NUMW,    /* val: the number (one .. ninety), 0: unknown count */
  K_ORD,     /* val: 1..4 (first .. fourth) */
  K_REL,     /* val: -1 last/past/previous, 0 this/current, 1 next */
  K_REF,     /* val: -1 PAST_REF, 0 PRESENT_REF, 1 FUTURE_REF */
  K_MOD,     /* early, late, mid, earlier, later: val 0 */
  K_AGO,     /* ago (val 0), earlier/before (1), later/after (2) */
  K_PART,    /* part of day: val P_* */
  K_DECW,    /* decade word: val 2 twenties .. 9 nineties */
  K_MISC     /* other words matchers test by text */
};

enum { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR, U_DECADE, U_CENTURY, U_QUARTER,
       U_HALF, U_WEEKEND, U_HOUR, U_MINUTE };
enum { P_MO = 1, P_AF, P_EV, P_NI, P_NOON };

struct kw {
  char w[16];    /* folded word, NUL-padded: w[n] == 0 ends a match of n */
  uint8_t cls;   /* enum kcls */
  int8_t val;    /* class-specific value */
};

/* Sorted by strcmp (the unit test checks it). */
static const struct kw kws[] = {
    {"a", K_NUMW, 1},
    {"afternoon", K_PART, P_AF},
    {"ago", K_AGO, 0},
    {"an", K_NUMW, 1},
    {"apr", K_MONTH, 4},
    {"april", K_MONTH, 4},
    {"aug", K_MONTH, 8},
    {"august", K_MONTH, 8},
    {"autumn", K_SEASON, 2},
    {"centuries", K_UNIT, U_CENTURY},
    {"century", K_UNIT, U_CENTURY},
    {"christmas", K_MISC, 1},
    {"coming", K_REL, 1},
    {"current", K_REF, 0},
    {"currently", K_REF, 0},
    {"day", K_UNIT, U_DAY},
    {"days", K_UNIT, U_DAY},
    {"dec", K_MONTH, 12},
    {"decade", K_UNIT, U_DECADE},
    {"decades", K_UNIT, U_DECADE},
    {"december", K_MONTH, 12},
    {"earlier", K_AGO, 1},
    {"early", K_MOD, 0},
    {"easter", K_MISC, 9},
    {"eight", K_NUMW, 8},
    {"eighteen", K_NUMW, 18},
    {"eighties", K_DECW, 8},
    {"eighty", K_NUMW, 80},
    {"election", K_MISC, 10},
    {"eleven", K_NUMW, 11},
    {"evening", K_PART, P_EV},
    {"fall", K_SEASON, 2},
    {"feb", K_MONTH, 2},
    {"february", K_MONTH, 2},
    {"few", K_NUMW, 0},
    {"fifteen", K_NUMW, 15},
    {"fifties", K_DECW, 5},
    {"fifty", K_NUMW, 50},
    {"first", K_ORD, 1},
    {"fiscal", K_MISC, 0},
    {"five", K_NUMW, 5},
    {"forties", K_DECW, 4},
    {"forty", K_NUMW, 40},
    {"four", K_NUMW, 4},
    {"fourteen", K_NUMW, 14},
    {"fourth", K_ORD, 4},
    {"fri", K_WDAY, 4},
    {"friday", K_WDAY, 4},
    {"full", K_MISC, 5},
    {"future", K_REF, 1},
    {"half", K_UNIT, U_HALF},
    {"hour", K_UNIT, U_HOUR},
    {"hours", K_UNIT, U_HOUR},
    {"jan", K_MONTH, 1},
    {"january", K_MONTH, 1},
    {"jul", K_MONTH, 7},
    {"july", K_MONTH, 7},
    {"jun", K_MONTH, 6},
    {"june", K_MONTH, 6},
    {"last", K_REL, -1},
    {"late", K_MOD, 0},
    {"lately", K_REF, -1},
    {"later", K_AGO, 2},
    {"latest", K_MISC, 4},
    {"mar", K_MONTH, 3},
    {"march", K_MONTH, 3},
    {"may", K_MONTH, 5},
    {"mid", K_MOD, 0},
    {"midday", K_PART, P_NOON},
    {"minute", K_UNIT, U_MINUTE},
    {"minutes", K_UNIT, U_MINUTE},
    {"mon", K_WDAY, 0},
    {"monday", K_WDAY, 0},
    {"month", K_UNIT, U_MONTH},
    {"months", K_UNIT, U_MONTH},
    {"morning", K_PART, P_MO},
    {"new", K_MISC, 3},
    {"next", K_REL, 1},
    {"night", K_PART, P_NI},
    {"nine", K_NUMW, 9},
    {"nineteen", K_NUMW, 19},
    {"nineties", K_DECW, 9},
    {"ninety", K_NUMW, 90},
    {"noon", K_PART, P_NOON},
    {"nov", K_MONTH, 11},
    {"november", K_MONTH, 11},
    {"now", K_REF, 0},
    {"nowadays", K_REF, 0},
    {"oct", K_MONTH, 10},
    {"october", K_MONTH, 10},
    {"one", K_NUMW, 1},
    {"past", K_REL, -1},
    {"presently", K_REF, 0},
    {"previous", K_REL, -1},
    {"previously", K_REF, -1},
    {"quarter", K_UNIT, U_QUARTER},
    {"quarters", K_UNIT, U_QUARTER},
    {"recent", K_REF, -1},
    {"recently", K_REF, -1},
    {"saturday", K_WDAY, 5},
    {"second", K_ORD, 2},
    {"sep", K_MONTH, 9},
    {"sept", K_MONTH, 9},
    {"september", K_MONTH, 9},
    {"seven", K_NUMW, 7},
    {"seventies", K_DECW, 7},
    {"seventy", K_NUMW, 70},
    {"several", K_NUMW, 0},
    {"six", K_NUMW, 6},
    {"sixteen", K_NUMW, 16},
    {"sixties", K_DECW, 6},
    {"sixty", K_NUMW, 60},
    {"soon", K_REF, 1},
    {"spring", K_SEASON, 0},
    {"summer", K_SEASON, 1},
    {"sunday", K_WDAY, 6},
    {"ten", K_NUMW, 10},
    {"thanksgiving", K_MISC, 2},
    {"that", K_MISC, 6},
    {"the", K_MISC, 0},
    {"these", K_MISC, 7},
    {"third", K_ORD, 3},
    {"thirteen", K_NUMW, 13},
    {"thirties", K_DECW, 3},
    {"thirty", K_NUMW, 30},
    {"this", K_REL, 0},
    {"three", K_NUMW, 3},
    {"thu", K_WDAY, 3},
    {"thur", K_WDAY, 3},
    {"thurs", K_WDAY, 3},
    {"thursday", K_WDAY, 3},
    {"today", K_DAYREL, 0},
    {"tomorrow", K_DAYREL, 1},
    {"tonight", K_DAYREL, 2},
    {"tue", K_WDAY, 1},
    {"tues", K_WDAY, 1},
    {"tuesday", K_WDAY, 1},
    {"twelve", K_NUMW, 12},
    {"twenties", K_DECW, 2},
    {"twenty", K_NUMW, 20},
    {"two", K_NUMW, 2},
    {"wed", K_WDAY, 2},
    {"wednesday", K_WDAY, 2},
    {"week", K_UNIT, U_WEEK},
    {"weekend", K_UNIT, U_WEEKEND},
    {"weeks", K_UNIT, U_WEEK},
    {"winter", K_SEASON, 3},
    {"year", K_UNIT, U_YEAR},
    {"years", K_UNIT, U_YEAR},
    {"yesterday", K_DAYREL, -1},
};

/* Exposed for the unit test: 1 when kws[] is sorted. */
int dyad__timex_table_sorted(void);
int dyad__timex_table_sorted(void)
{
  for (size_t i = 1; i < DYAD_ARRAY_LEN(kws); i++)
    if (strcmp(kws[i - 1].w, kws[i].w) >= 0)
      return 0;
  return 1;
}

static int kw_find(const char *w, size_t n)
{
  size_t lo = 0, hi = DYAD_ARRAY_LEN(kws);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strncmp(kws[mid].w, w, n);
    if (c == 0 && kws[mid].w[n] != '\0')
      c = 1;
    if (c == 0)
      return (int)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

/* ==== scanning state ==================================================== */

struct scan {
  dyad_doc *doc;
  const dyad_token *t; /* all tokens */
  int16_t *kw;         /* per token: kws index, -1 none */
  uint32_t sent;       /* sentence index */
  uint32_t b, e;       /* token range of the sentence */
  int y, m, d;         /* article date */
  long dn;             /* its day number */
  int qy, qq;          /* last quarter mentioned (year, 1..4), qq 0: none */
  int qsent;           /* sentence of that mention */
  int ly;              /* last explicit year named, 0: none */
  uint32_t from;       /* span start of the match being tried ("the",
                          "early" before the core words) */
};

/* Lower-cases token i into buf (cap bytes), dropping a final period of
 * an abbreviation ("Sept." -> "sept"). Returns the length, 0 if too long. */
static size_t fold_tok(const struct scan *s, uint32_t i, char *buf,
                       size_t cap)
{
  const dyad_token *t = &s->t[i];
  size_t n = dyad__fold(s->doc->text + t->off, t->len, buf, cap);
  if (n == (size_t)-1)
    return 0;
  if (n > 1 && buf[n - 1] == '.')
    n--;
  return n;
}

static int kcls(const struct scan *s, uint32_t i)
{
  if (i >= s->e || s->kw[i] < 0)
    return K_NONE;
  return kws[s->kw[i]].cls;
}

/* The class value of token i; 0 for a token that is no keyword. */
static int kval(const struct scan *s, uint32_t i)
{
  if (i >= s->e || s->kw[i] < 0)
    return 0;
  return kws[s->kw[i]].val;
}

/* 1 when token i (inside the sentence) folds to word w. */
static inline int is_word(const struct scan *s, uint32_t i, const char *w)
{
  if (i >= s->e)
    return 0;
  /* the first byte decides most calls: an ASCII one folds to itself */
  unsigned char c0 = (unsigned char)s->doc->text[s->t[i].off];
  if (s->t[i].len && c0 < 0x80 &&
      (c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0) != (unsigned char)w[0])
    return 0;
  size_t wl = strlen(w), tl = s->t[i].len;
  if (tl != wl && tl != wl + 1)
    return 0; /* quick reject; + 1: "Sept." */
  /* as fold_tok: a final period goes ("Sept.") */
  const char *p = s->doc->text + s->t[i].off;
  if (tl > 1 && p[tl - 1] == '.')
    tl--;
  return dyad__fold_eq(p, tl, w, wl);
}

/* Value of a token made only of 1..4 digits, else -1. */
static int num_tok(const struct scan *s, uint32_t i)
{
  if (i >= s->e)
    return -1;
  const dyad_token *t = &s->t[i];
  const char *p = s->doc->text + t->off;
  if (t->len == 0 || t->len > 4)
    return -1;
  int v = 0;
  for (uint32_t k = 0; k < t->len; k++) {
    if (p[k] < '0' || p[k] > '9')
      return -1;
    v = v * 10 + (p[k] - '0');
  }
  return v;
}

/* Day of month from "21", "21st", "3rd", else -1. */
static int day_tok(const struct scan *s, uint32_t i)
{
  if (i >= s->e)
    return -1;
  const dyad_token *t = &s->t[i];
  const char *p = s->doc->text + t->off;
  uint32_t k = 0;
  int v = 0;
  while (k < t->len && k < 2 && p[k] >= '0' && p[k] <= '9')
    v = v * 10 + (p[k++] - '0');
  if (k == 0)
    return -1;
  if (k < t->len) {
    if (t->len - k != 2)
      return -1;
    char a = (char)tolower((unsigned char)p[k]);
    char b = (char)tolower((unsigned char)p[k + 1]);
    if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
          (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
      return -1;
  }
  return v >= 1 && v <= 31 ? v : -1;
}

/* A plausible explicit year: not before 1000 and not more than a century
 * after the article (the article date bounds what news can mention). */
static int year_ok(const struct scan *s, int y)
{
  return y >= 1000 && y <= s->y + 100;
}

/* ==== tense ============================================================= */

/* 1 when the verb group vg holds a modal that looks ahead: "would"/"'d"
 * (future seen from the past: "said it would close Monday"), "might",
 * "may", "should", "must", "shall" ("might come as soon as Tuesday").
 * Not "could"/"can" ("could not say Monday" reports a past day), and not
 * a perfect ("may have met Monday"). */
static int has_would(const struct scan *s, const dyad_phrase *vg)
{
  static const char *const w[] = {"would", "'d", "might", "may", "should",
                                  "must", "shall"};
  if (vg->flags & DYAD_PHF_PERFECT)
    return 0;
  for (uint32_t k = vg->tok; k < vg->tok + vg->ntok && k < s->e; k++)
    if (s->t[k].tag == DYAD_TAG_MD)
      for (size_t j = 0; j < DYAD_ARRAY_LEN(w); j++)
        if (is_word(s, k, w[j]))
          return 1;
  return 0;
}

/* 1 when the verb group's main verb schedules what follows: "is set to",
 * "scheduled to", "expected to", "due to", "plans to", "is to". */
static int schedules(const struct scan *s, const dyad_phrase *vg)
{
  static const char *const w[] = {"schedule", "set", "expect", "plan",
                                  "due", "intend", "prepare", "aim", "be"};
  size_t n = 0;
  const char *l = dyad_ctx_word(s->doc->ctx, vg->lemma, &n);
  for (size_t k = 0; l && k < DYAD_ARRAY_LEN(w); k++)
    if (strlen(w[k]) == n && !memcmp(w[k], l, n))
      return 1;
  return 0;
}

/* 1 when the verb group's main verb has lemma w. */
static int is_lemma(const struct scan *s, const dyad_phrase *vg,
                    const char *w)
{
  size_t n = 0;
  const char *l = dyad_ctx_word(s->doc->ctx, vg->lemma, &n);
  return l && strlen(w) == n && !memcmp(l, w, n);
}

/* 1 when the verb group's main verb moves a deadline or gives time
 * ("extend", "postpone", "give ... until"). */
static int moves_deadline(const struct scan *s, const dyad_phrase *vg)
{
  static const char *const w[] = {"extend", "postpone", "delay", "defer",
                                  "adjourn", "give", "suspend", "push"};
  for (size_t k = 0; k < DYAD_ARRAY_LEN(w); k++)
    if (is_lemma(s, vg, w[k]))
      return 1;
  return 0;
}

/* Direction the clause holding token i points to: -1 past, +1 future,
 * 0 present or unknown. The innermost clause whose range holds i decides
 * through its verb group; clauses without a tense (infinitives,
 * participles) take their parent's, and an infinitive after a scheduling
 * verb ("is set to resume Monday") or after a present "plan to" points
 * to the future. */
static int tense_at(const struct scan *s, uint32_t i)
{
  const dyad_doc *doc = s->doc;
  /* "effective Feb. 1", "payable Dec. 15": a date a measure takes effect
   * or a sum falls due is announced ahead of it, whatever the tense */
  uint32_t p = i > s->b && is_word(s, i - 1, "on") ? i - 1 : i;
  if (p > s->b && (is_word(s, p - 1, "effective") ||
                   is_word(s, p - 1, "payable")))
    return 1;
  /* "extended the offer until Nov. 9", "postponed the vote until
   * Tuesday": a deadline moved is a deadline ahead */
  int until = p > s->b && (is_word(s, p - 1, "until") ||
                           is_word(s, p - 1, "till"));
  const dyad_sentence *st = &doc->sents.v[s->sent];
  int32_t best = -1;
  uint32_t bestn = UINT32_MAX;
  for (uint32_t c = st->clause; c < st->clause + st->nclause; c++) {
    const dyad_clause *cl = &doc->clauses.v[c];
    if (i >= cl->tok && i < cl->tok + cl->ntok && cl->ntok < bestn) {
      best = (int32_t)c;
      bestn = cl->ntok;
    }
  }
  if (best < 0 && st->nclause)
    best = (int32_t)st->clause;
  int inf = 0;
  uint32_t infb = 0; /* first token of the infinitive just left */
  for (int hops = 0; best >= 0 && hops < 8; hops++) {
    const dyad_clause *cl = &doc->clauses.v[best];
    if (cl->verb >= 0 && (size_t)cl->verb < doc->phrases.n) {
      const dyad_phrase *vg = &doc->phrases.v[cl->verb];
      if (until && !inf && moves_deadline(s, vg))
        return 1;
      /* "is set to resume Monday", but not "had been meant to lapse
       * Friday"; "be" only right before its "to" ("is to resume") */
      if (inf && schedules(s, vg) && !(vg->flags & DYAD_PHF_PERFECT) &&
          (!is_lemma(s, vg, "be") || infb == vg->tok + vg->ntok))
        return 1;
      /* "planned a rally on Saturday", "has set a press briefing for
       * Thursday": what is planned lies ahead of the planning (a day
       * before the verb dates the planning: "On Friday, X planned to") */
      if (!inf && i >= vg->tok + vg->ntok && !is_word(s, vg->tok + vg->ntok, "to") &&
          !(vg->flags & DYAD_PHF_PASSIVE) &&
          (is_lemma(s, vg, "plan") || is_lemma(s, vg, "schedule")))
        return 1;
      if (vg->tense == DYAD_TENSE_FUTURE || (vg->flags & DYAD_PHF_FUTURE) ||
          has_would(s, vg))
        return 1;
      /* "agreed to buy it in January": the buying may lie ahead */
      if (vg->tense == DYAD_TENSE_PAST || (vg->flags & DYAD_PHF_PERFECT))
        return inf ? 0 : -1;
      if (vg->tense == DYAD_TENSE_PRESENT)
        return (vg->flags & (DYAD_PHF_PROGRESSIVE | DYAD_PHF_INTENT)) ||
                       (inf && (vg->flags & DYAD_PHF_INTENT))
                   ? 1 : 0;
    }
    inf = cl->kind == DYAD_CL_INF;
    infb = cl->tok;
    if (cl->parent < 0 || (size_t)cl->parent >= doc->clauses.n)
      break;
    best = cl->parent;
  }
  /* no clause told: the sentence's first finite verb */
  for (uint32_t k = s->b; k < s->e; k++) {
    uint8_t tg = s->t[k].tag;
    if (tg == DYAD_TAG_VBD)
      return -1;
    if (tg == DYAD_TAG_MD)
      return is_word(s, k, "will") || is_word(s, k, "'ll") ||
                     is_word(s, k, "would") ? 1 : 0;
    if (tg == DYAD_TAG_VBZ || tg == DYAD_TAG_VBP)
      return 0;
  }
  return 0;
}

/* ==== emitting ========================================================== */

static dyad_status emit_bytes(struct scan *s, uint32_t off, uint32_t end,
                              const char *type, const char *value)
{
  dyad_timex *x = dyad_vec_push(&s->doc->ctx->alloc, s->doc->timexes);
  if (!x)
    return DYAD_ENOMEM;
  x->span.off = off;
  x->span.len = end - off;
  x->sent = s->sent;
  dyad__scopy(x->type, sizeof(x->type), type, (size_t)-1);
  size_t n = strlen(value);
  if (n >= sizeof(x->value))
    n = sizeof(x->value) - 1;
  memcpy(x->value, value, n);
  x->value[n] = '\0';
  return DYAD_OK;
}

/* ==== skipping bad input ================================================ */

static const char year_range[] =
    "year out of range: before 1000 or more than 100 years after the "
    "article date";

/* Why day d of month m (1..12) of year y cannot be: the month's length. */
static const char *bad_day(int y, int m)
{
  static const char *const why[13] = {
      "impossible date: no such month",
      "impossible date: January has 31 days",
      "impossible date: February has 28 days that year",
      "impossible date: March has 31 days",
      "impossible date: April has 30 days",
      "impossible date: May has 31 days",
      "impossible date: June has 30 days",
      "impossible date: July has 31 days",
      "impossible date: August has 31 days",
      "impossible date: September has 30 days",
      "impossible date: October has 31 days",
      "impossible date: November has 30 days",
      "impossible date: December has 31 days"};
  if (m == 2 && dyad__days_in_month(y, 2) == 29)
    return "impossible date: February has 29 days at most";
  return why[m >= 1 && m <= 12 ? m : 0];
}

/* Records tokens [a, z) as a date dropped for reason why (only with
 * DYAD_CFG_EXPLAIN; dyad__skip is a no-op otherwise). */
static dyad_status skip(struct scan *s, uint32_t a, uint32_t z,
                        const char *why)
{
  if (s->from < a)
    a = s->from;
  const dyad_token *ta = &s->t[a], *tz = &s->t[z - 1];
  return dyad__skip(s->doc, s->sent, ta->off, tz->off + tz->len, "date",
                    why);
}

/* Emits tokens [a, z) as one expression. */
static dyad_status emit(struct scan *s, uint32_t a, uint32_t z,
                        const char *type, const char *value)
{
  /* "the" joins dates ("the third quarter"), not durations */
  if (s->from < a && !(type[1] == 'U' && is_word(s, s->from, "the")))
    a = s->from;
  const dyad_token *ta = &s->t[a], *tz = &s->t[z - 1];
  return emit_bytes(s, ta->off, tz->off + tz->len, type, value);
}

/* "YYYY-MM-DD" into v (VLEN bytes): the common value, written without
 * snprintf; other years and fields go through it. */
static void ymd(char *v, int y, int m, int d)
{
  if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {
    snprintf(v, VLEN, "%04d-%02d-%02d", y, m, d);
    return;
  }
  v[0] = (char)('0' + y / 1000);
  v[1] = (char)('0' + y / 100 % 10);
  v[2] = (char)('0' + y / 10 % 10);
  v[3] = (char)('0' + y % 10);
  v[4] = '-';
  v[5] = (char)('0' + m / 10);
  v[6] = (char)('0' + m % 10);
  v[7] = '-';
  v[8] = (char)('0' + d / 10);
  v[9] = (char)('0' + d % 10);
  v[10] = '\0';
}

static void v_day(char *v, long dn)
{
  int y, m, d;
  dyad__day_civil(dn, &y, &m, &d);
  ymd(v, y, m, d);
}

static void v_week(char *v, long dn)
{
  int wy, w;
  dyad__iso_week(dn, &wy, &w);
  snprintf(v, VLEN, "%04d-W%02d", wy, w);
}

/* ==== resolution helpers ================================================ */

/* The year for month m (and day d, 0 if none) with direction dir:
 * past: the latest occurrence not after the article date (a day or two of
 * slack for time zones); future: the first not before it; unknown: the
 * one nearest to the article date. */
static int year_for(const struct scan *s, int m, int d, int dir)
{
  int dd = d ? d : 15;
  long here = s->dn;
  long same = dyad__day_number(s->y, m, dd);
  if (!d) {
    /* month precision: compare months only */
    int dm = m - s->m;
    if (dir < 0) /* "was planned for March" a month ahead: this year */
      return dm > 1 ? s->y - 1 : s->y;
    if (dir > 0)
      return dm < 0 ? s->y + 1 : s->y;
    if (dm > 6)
      return s->y - 1;
    if (dm < -6)
      return s->y + 1;
    return s->y;
  }
  /* past-tense clauses tell of dates a few weeks ahead too ("the
   * offer was extended to Nov. 10"): only further ones flip the year */
  if (dir < 0)
    return same > here + 45 ? s->y - 1 : s->y;
  if (dir > 0)
    return same < here - 45 ? s->y + 1 : s->y;
  long prev = dyad__day_number(s->y - 1, m, dd);
  long next = dyad__day_number(s->y + 1, m, dd);
  long best = same, by = s->y;
  if (labs(prev - here) < labs(best - here)) {
    best = prev;
    by = s->y - 1;
  }
  if (labs(next - here) < labs(best - here))
    by = s->y + 1;
  return (int)by;
}

/* Day number of weekday wd relative to the article date: dir > 0 the
 * first on or after it, otherwise the latest on or before it (a bare
 * "Tuesday" in a present-tense clause is far more often past). strict
 * excludes the article date itself. */
static long wday_for(const struct scan *s, int wd, int dir, int strict)
{
  int today = dyad__weekday(s->dn);
  int back = (today - wd + 7) % 7, fwd = (wd - today + 7) % 7;
  if (strict) {
    if (back == 0)
      back = 7;
    if (fwd == 0)
      fwd = 7;
  }
  if (dir < 0)
    return s->dn - back;
  if (dir > 0 && !(strict == 0 && fwd == 0))
    return s->dn + fwd;
  return s->dn - back; /* news tells of the past more than the future */
}

/* Season of a month: 0 spring (3-5), 1 summer, 2 fall, 3 winter (12-2). */
static int season_of(int m)
{
  return m >= 3 && m <= 5 ? 0 : m >= 6 && m <= 8 ? 1 : m >= 9 && m <= 11 ? 2
                                                                          : 3;
}

static const char *const season_code[] = {"SP", "SU", "FA", "WI"};

/* Year of season se: rel -1 "last", 1 "next", 0 "this"; for rel 2 (no
 * word) the direction dir of the clause decides like months do. Seasons
 * run spring, summer, fall, winter within a "season year" that starts in
 * March: in January the current season is the winter that began in
 * December, so "last fall" is the fall of the year before. The value's
 * year is the season year (a winter is named by its December). */
static int season_year(const struct scan *s, int se, int rel, int dir)
{
  int cur = season_of(s->m);
  int sy = s->m <= 2 ? s->y - 1 : s->y;
  if (rel == 0)
    return se == 3 ? sy : s->y;
  if (rel == 2) {
    if (dir < 0)
      return se > cur ? sy - 1 : sy;
    if (dir > 0)
      return se < cur ? sy + 1 : sy;
    return se == 3 ? sy : s->y;
  }
  if (rel < 0)
    return se >= cur ? sy - 1 : sy;
  return se <= cur ? sy + 1 : sy;
}

/* ==== matchers ==========================================================
 * Each takes the scan and a start token a; on a match it emits and
 * returns the end token (exclusive); 0 means no match (a is never 0 at a
 * match end, since a match covers at least token a... and a >= s->b, so
 * a returned end is always > a >= 0; we use 0 as "none"). Errors are
 * passed through *st. */

#define NOMATCH 0u

/* Hyphen-split parts of token i: up to 4 parts, lower-cased, in buf. */
struct parts {
  char buf[64];
  const char *p[4];
  size_t n[4];
  int np;
};

static int split_hyphen(const struct scan *s, uint32_t i, struct parts *pp)
{
  size_t n = fold_tok(s, i, pp->buf, sizeof(pp->buf));
  pp->np = 0;
  if (!n)
    return 0;
  size_t start = 0;
  for (size_t k = 0; k <= n && pp->np < 4; k++) {
    if (k == n || pp->buf[k] == '-') {
      pp->p[pp->np] = pp->buf + start;
      pp->n[pp->np] = k - start;
      pp->np++;
      start = k + 1;
    }
  }
  return pp->np;
}

static int part_kw(const struct parts *pp, int k, int cls)
{
  int idx = kw_find(pp->p[k], pp->n[k]);
  if (idx < 0 || kws[idx].cls != cls)
    return -1;
  return idx;
}

static int part_num(const struct parts *pp, int k)
{
  if (pp->n[k] == 0 || pp->n[k] > 4)
    return -1;
  int v = 0;
  for (size_t j = 0; j < pp->n[k]; j++) {
    char c = pp->p[k][j];
    if (c < '0' || c > '9')
      return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

static const char unit_letter[] = {0, 'D', 'W', 'M', 'Y', 'Y', 'Y', 'M',
                                   'M', 'D', 'H', 'M'};

/* Writes the duration of n units (n 0: unknown, "X"). */
static void v_dur(char *v, int n, int u)
{
  int mult = u == U_DECADE ? 10 : u == U_CENTURY ? 100 : u == U_QUARTER ? 3
             : u == U_HALF ? 6 : u == U_WEEKEND ? 2 : 1;
  const char *t = (u == U_HOUR || u == U_MINUTE) ? "T" : "";
  if (n <= 0)
    snprintf(v, VLEN, "P%sX%c", t, unit_letter[u]);
  else
    snprintf(v, VLEN, "P%s%d%c", t, n * mult, unit_letter[u]);
}

/* 1 when the sentence speaks of a span of several months or a half
 * ("for the nine months", "the first half"): year comparisons in it are
 * whole years, not quarters. */
static int span_sentence(const struct scan *s)
{
  for (uint32_t k = s->b; k + 1 < s->e; k++) {
    if (kcls(s, k + 1) == K_UNIT &&
        (kval(s, k + 1) == U_MONTH || kval(s, k + 1) == U_HALF) &&
        (kcls(s, k) == K_NUMW || kcls(s, k) == K_ORD))
      return 1;
  }
  return 0;
}

/* The value of "n units before/after the article date" at the unit's
 * precision (dir -1 before, +1 after). 0 when the unit has no date form. */
static int v_shift(const struct scan *s, char *v, int n, int u, int dir)
{
  int y = s->y, m = s->m;
  switch (u) {
  case U_DAY:
    v_day(v, s->dn + dir * n);
    return 1;
  case U_WEEK:
    v_week(v, s->dn + dir * 7L * n);
    return 1;
  case U_MONTH: {
    int mm = m + dir * n;
    long dn = dyad__day_number(y, mm, 1);
    int yy, m2, dd;
    dyad__day_civil(dn, &yy, &m2, &dd);
    snprintf(v, VLEN, "%04d-%02d", yy, m2);
    return 1;
  }
  case U_YEAR:
    if (!year_ok(s, y + dir * n))
      return 0;
    /* "a year ago" in a report about a quarter means that quarter,
     * unless the sentence compares longer spans ("the nine months") */
    if (s->qq && n == 1 && dir < 0 && !span_sentence(s))
      snprintf(v, VLEN, "%04d-Q%d", s->qy - 1, s->qq);
    else
      snprintf(v, VLEN, "%04d", y + dir * n);
    return 1;
  case U_DECADE:
    snprintf(v, VLEN, "%03d", (y + dir * 10 * n) / 10);
    return 1;
  case U_CENTURY:
    snprintf(v, VLEN, "%02d", (y + dir * 100 * n) / 100);
    return 1;
  case U_QUARTER: {
    int q = (m - 1) / 3 + dir * n; /* 0-based */
    int yy = y + (q >= 0 ? q / 4 : -((3 - q) / 4));
    q = ((q % 4) + 4) % 4;
    snprintf(v, VLEN, "%04d-Q%d", yy, q + 1);
    return 1;
  }
  default:
    return 0;
  }
}

/* A number word or digits at token i: returns the value (0: "several",
 * "a few"), -1 if none. */
static int count_at(const struct scan *s, uint32_t i)
{
  int n = num_tok(s, i);
  if (n > 0 && n < 1000)
    return n;
  if (kcls(s, i) == K_NUMW)
    return kval(s, i);
  return -1;
}

/* Year at token i: 4 digits in range. -1 if none. */
static int year_at(const struct scan *s, uint32_t i)
{
  if (i >= s->e || s->t[i].len != 4)
    return -1;
  int y = num_tok(s, i);
  return y >= 0 && year_ok(s, y) ? y : -1;
}

/* Explicit numeric dates in one token: 2023-03-21, 2023/03/21,
 * 3/21/2023, 21/3/2023 (when the first part cannot be a month), 3/21/23. */
static uint32_t m_numeric(struct scan *s, uint32_t a, dyad_status *st)
{
  const dyad_token *t = &s->t[a];
  const char *p = s->doc->text + t->off;
  if (t->len < 6 || t->len > 10 || p[0] < '0' || p[0] > '9')
    return NOMATCH;
  int f[3] = {0, 0, 0}, fl[3] = {0, 0, 0}, nf = 0;
  char sep = 0;
  for (uint32_t k = 0; k < t->len; k++) {
    char c = p[k];
    if (c >= '0' && c <= '9') {
      f[nf] = f[nf] * 10 + (c - '0');
      fl[nf]++;
    } else if ((c == '-' || c == '/' || c == '.') && (!sep || c == sep) &&
               nf < 2 && fl[nf]) {
      sep = c;
      nf++;
    } else {
      return NOMATCH;
    }
  }
  if (nf != 2 || !fl[2])
    return NOMATCH;
  int y, m, d;
  if (fl[0] == 4) {
    y = f[0], m = f[1], d = f[2];
  } else if (fl[2] == 4 || fl[2] == 2) {
    y = f[2];
    if (fl[2] == 2) /* two-digit year: the century nearest the article */
      y += (s->y / 100) * 100 - (y + (s->y / 100) * 100 > s->y + 20 ? 100 : 0);
    if (f[0] > 12 && f[1] <= 12)
      d = f[0], m = f[1];
    else
      m = f[0], d = f[1];
  } else {
    return NOMATCH;
  }
  if (sep == '-' && fl[0] != 4)
    return NOMATCH; /* 12-21-23 is more often a score or a range */
  if (m < 1 || m > 12 || d < 1 || d > 31)
    return NOMATCH;
  /* a date's shape with a year or day that cannot be: consumed, skipped */
  if (!year_ok(s, y)) {
    *st = skip(s, a, a + 1, year_range);
    return a + 1;
  }
  if (d > dyad__days_in_month(y, m)) {
    *st = skip(s, a, a + 1, bad_day(y, m));
    return a + 1;
  }
  char v[VLEN];
  ymd(v, y, m, d);
  *st = emit(s, a, a + 1, "DATE", v);
  return a + 1;
}

/* A year read out (broadcast transcripts) at token a: "nineteen
 * ninety-six", "nineteen eighty", "two thousand". Returns the year and
 * sets *end past it, or -1. */
static int spoken_year(const struct scan *s, uint32_t a, uint32_t *end)
{
  int y = -1;
  uint32_t i = a + 1;
  if (is_word(s, a, "two") && is_word(s, i, "thousand")) {
    y = 2000;
    i++;
  } else if (kcls(s, a) == K_NUMW && (kval(s, a) == 19 || kval(s, a) == 20)) {
    int tens = -1;
    struct parts pp;
    if (kcls(s, i) == K_NUMW && kval(s, i) >= 10) {
      tens = kval(s, i);
    } else if (i < s->e && (s->t[i].flags & DYAD_TOKF_HYPHEN) &&
               split_hyphen(s, i, &pp) == 2) {
      int t0 = part_kw(&pp, 0, K_NUMW), t1 = part_kw(&pp, 1, K_NUMW);
      if (t0 >= 0 && t1 >= 0 && kws[t0].val >= 20 && kws[t1].val > 0 &&
          kws[t1].val < 10)
        tens = kws[t0].val + kws[t1].val;
    }
    if (tens < 0)
      return -1;
    y = kval(s, a) * 100 + tens;
    i++;
  }
  if (y < 0 || !year_ok(s, y))
    return -1;
  *end = i;
  return y;
}

/* A year at token a, in digits or read out; *end is set past it. */
static int year_words(const struct scan *s, uint32_t a, uint32_t *end)
{
  int y = year_at(s, a);
  if (y > 0) {
    *end = a + 1;
    return y;
  }
  return spoken_year(s, a, end);
}

/* A month name that is really a month here: "May" the modal, "march" the
 * verb and "Jan" the name are ruled out by case and tag. */
static int month_at(const struct scan *s, uint32_t i)
{
  if (kcls(s, i) != K_MONTH || kval(s, i) == 0)
    return 0;
  const dyad_token *t = &s->t[i];
  if (!(t->flags & DYAD_TOKF_CAP))
    return 0;
  int m = kval(s, i);
  if (m == 5 && t->tag == DYAD_TAG_MD && day_tok(s, i + 1) < 0 &&
      year_at(s, i + 1) < 0)
    return 0;
  if ((m == 3 || m == 5) && (t->tag == DYAD_TAG_VB || t->tag == DYAD_TAG_VBP))
    return 0;
  return m;
}

/* Month-centred dates: [Weekday [,]] Month Day [,] [Year] | Day Month
 * [Year] | the Day of Month [Year] | Month [of|,] Year | Month. */
static uint32_t m_month(struct scan *s, uint32_t a, dyad_status *st,
                        int rel)
{
  uint32_t i = a, first = a;
  if (rel != 2 && s->from > a)
    s->from = a;
  int day = -1, m = 0, y = -1;
  /* leading weekday: "Tuesday, March 21" */
  if (kcls(s, i) == K_WDAY && (month_at(s, i + 1) ||
                               (is_word(s, i + 1, ",") && month_at(s, i + 2))))
    i += is_word(s, i + 1, ",") ? 2 : 1;
  /* "the 21st of March", "21 March" */
  uint32_t j = i;
  if (is_word(s, j, "the") && day_tok(s, j + 1) > 0)
    j++;
  if (day_tok(s, j) > 0) {
    int dd = day_tok(s, j);
    uint32_t k = j + 1;
    if (is_word(s, k, "of"))
      k++;
    if (month_at(s, k)) {
      day = dd;
      m = month_at(s, k);
      i = k + 1;
    }
  }
  if (!m) {
    m = month_at(s, i);
    if (!m)
      return NOMATCH;
    i++;
    int dd = day_tok(s, i);
    /* "March 21" but not "March 2023" (a year) */
    if (dd > 0 && s->t[i].len <= 4 && !(s->t[i].len == 4 && year_at(s, i) > 0)) {
      day = dd;
      i++;
    }
  }
  /* year: ", 2023" / " 2023" / "of 2023" */
  uint32_t k = i;
  if (is_word(s, k, ",") || (day < 0 && is_word(s, k, "of")))
    k++;
  uint32_t ye;
  if ((y = year_words(s, k, &ye)) > 0) {
    s->ly = y; /* for "the following year" */
    i = ye;
  } else if ((day > 0 || is_word(s, i, "of")) && k < s->e &&
             s->t[k].len == 4 && num_tok(s, k) >= 0 &&
             (k + 1 >= s->e || s->t[k + 1].kind == DYAD_TK_PUNCT)) {
    /* "March 21, 3050.", "March of 0870,": a year no news names (not
     * "March 5, 3000 protesters": the number must end the phrase) */
    *st = skip(s, a, k + 1, year_range);
    return k + 1;
  } else if (rel == 2 && kcls(s, i) == K_REL && is_word(s, i + 1, "year")) {
    y = s->y + kval(s, i); /* "June last year" */
    i += 2;
  } else if (day < 0 && rel == 2 && s->from == a) {
    /* a bare month must not be a name: "May Day", "June Smith" */
    if (i < s->e && (s->t[i].tag == DYAD_TAG_NNP) && month_at(s, i) == 0)
      return NOMATCH;
  }
  char v[VLEN];
  if (y < 0) {
    int dir = tense_at(s, first);
    if (rel == -1 || rel == 1) {
      /* "last March": strictly before this month; "next March": after */
      y = s->y;
      if (rel < 0 && m >= s->m)
        y--;
      if (rel > 0 && m <= s->m)
        y++;
    } else if (rel == 0) {
      y = s->y;
    } else {
      y = year_for(s, m, day > 0 ? day : 0, dir);
    }
  }
  if (day > 0) {
    if (day > dyad__days_in_month(y, m)) {
      /* "February 30": impossible, consumed and skipped */
      *st = skip(s, a, i, bad_day(y, m));
      return i;
    }
    ymd(v, y, m, day);
  } else {
    snprintf(v, sizeof(v), "%04d-%02d", y, m);
  }
  *st = emit(s, a, i, "DATE", v);
  return i;
}

static const char *const part_code[] = {"", "MO", "AF", "EV", "NI", "12:00"};

/* A day (day number dn) covering tokens [a, i). A part of day after it
 * ("Tuesday night") is left out: the day is what dates an event. */
static uint32_t emit_day(struct scan *s, uint32_t a, uint32_t i, long dn,
                         dyad_status *st)
{
  char v[VLEN];
  v_day(v, dn);
  *st = emit(s, a, i, "DATE", v);
  if (*st != DYAD_OK || kcls(s, i) != K_PART)
    return i;
  /* "Tuesday night": the day stays a DATE (what dates an event) and the
   * whole is a TIME over it */
  size_t n = strlen(v);
  snprintf(v + n, VLEN - n, "T%s", part_code[kval(s, i)]);
  *st = emit(s, a, i + 1, "TIME", v);
  return i + 1;
}

/* Year number at the start of a value ("1989-Q3" -> 1989). */
static int value_year(const char *v)
{
  int y = 0;
  for (int k = 0; k < 4 && v[k] >= '0' && v[k] <= '9'; k++)
    y = y * 10 + (v[k] - '0');
  return y;
}

/* Remembers a quarter just emitted, for "a year earlier" and "the
 * quarter" later on. */
static void note_quarter(struct scan *s, const char *v)
{
  if (strlen(v) == 7 && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4') {
    s->qy = value_year(v);
    s->qq = v[6] - '0';
    s->qsent = (int)s->sent;
  }
}

/* Year of quarter (or half, when per_year is 2) number q given no year:
 * the clause's direction picks the latest past / next future one; without
 * one, this year unless q lies more than a period ahead. */
static int period_year(const struct scan *s, int q, int per_year, int dir)
{
  int cur = (s->m - 1) / (12 / per_year) + 1;
  if (dir < 0)
    return q > cur ? s->y - 1 : s->y;
  /* a quarter just ended is reported in the future tense ("expects to
   * report third-quarter profit" in October) */
  if (dir > 0)
    return q < cur - 1 ? s->y + 1 : s->y;
  return q - cur > 1 ? s->y - 1 : s->y;
}

/* "third quarter [of 1989]", "first half", "third-quarter" (ord given);
 * i is the token after the ordinal (the unit token when not hyphenated). */
static uint32_t quarter_value(struct scan *s, uint32_t a, uint32_t i,
                              int ord, int u, int year, dyad_status *st)
{
  char v[VLEN];
  if ((u == U_HALF && ord > 2) || ord < 1 || ord > 4)
    return NOMATCH;
  if (year < 0) {
    uint32_t k = i;
    if (is_word(s, k, "of") || is_word(s, k, ","))
      k++;
    uint32_t ye;
    if ((year = year_words(s, k, &ye)) > 0)
      i = ye;
  }
  if (year < 0)
    year = period_year(s, ord, u == U_HALF ? 2 : 4, tense_at(s, a));
  snprintf(v, sizeof(v), "%04d-%c%d", year, u == U_HALF ? 'H' : 'Q', ord);
  note_quarter(s, v);
  *st = emit(s, a, i, "DATE", v);
  return i;
}

/* The words that end "a year earlier" constructions in reports:
 * "the year-earlier quarter/period". */
static uint32_t skip_period(const struct scan *s, uint32_t i)
{
  if (is_word(s, i, "quarter") || is_word(s, i, "period"))
    return i + 1;
  return i;
}

/* last/next/this/past/coming + unit, weekday, month or season. */
static uint32_t m_rel(struct scan *s, uint32_t a, dyad_status *st)
{
  int rel = kval(s, a);
  uint32_t i = a + 1;
  char v[VLEN];
  int cls = kcls(s, i);
  if (cls == K_WDAY) {
    long dn;
    if (rel == 0)
      dn = wday_for(s, kval(s, i), tense_at(s, a), 0);
    else
      dn = wday_for(s, kval(s, i), rel, 1);
    return emit_day(s, a, i + 1, dn, st);
  }
  if (cls == K_MONTH) {
    if (s->from > a)
      s->from = a;
    return month_at(s, i) ? m_month(s, i, st, rel) : NOMATCH;
  }
  if (cls == K_SEASON) {
    int se = kval(s, i);
    snprintf(v, sizeof(v), "%04d-%s", season_year(s, se, rel, 0),
             season_code[se]);
    *st = emit(s, a, i + 1, "DATE", v);
    return i + 1;
  }
  if (cls == K_PART && rel != 1) {
    /* "last night", "this morning" */
    v_day(v, rel < 0 ? s->dn - 1 : s->dn);
    size_t n = strlen(v);
    snprintf(v + n, VLEN - n, "T%s", part_code[kval(s, i)]);
    *st = emit(s, a, i + 1, "TIME", v);
    return i + 1;
  }
  /* "the past two years", "the next five days": durations */
  int n = count_at(s, i);
  if (n >= 0 && kcls(s, i + 1) == K_UNIT && rel != 0 &&
      s->doc->text[s->t[i].off] != 'a') {
    v_dur(v, n, kval(s, i + 1));
    *st = emit(s, a, i + 2, "DURATION", v);
    return i + 2;
  }
  if (cls != K_UNIT)
    return NOMATCH;
  int u = kval(s, i);
  const dyad_token *ut = &s->t[i];
  int plural = s->doc->text[ut->off + ut->len - 1] == 's';
  if (plural) {
    /* "past weeks", "coming months": vague references */
    *st = emit(s, a, i + 1, "DATE", rel < 0 ? "PAST_REF"
                                   : rel > 0 ? "FUTURE_REF" : "PRESENT_REF");
    return i + 1;
  }
  if (is_word(s, a, "past")) {
    /* "the past year": the year up to now, a duration */
    if (u == U_WEEKEND || u == U_HALF)
      return NOMATCH;
    v_dur(v, 1, u);
    *st = emit(s, a, i + 1, "DURATION", v);
    return i + 1;
  }
  /* "this year's third quarter", "last year's first half" */
  if (u == U_YEAR && i + 2 < s->e && s->t[i + 1].tag == DYAD_TAG_POS &&
      kcls(s, i + 2) == K_ORD && kcls(s, i + 3) == K_UNIT &&
      (kval(s, i + 3) == U_QUARTER || kval(s, i + 3) == U_HALF))
    return quarter_value(s, a, i + 4, kval(s, i + 2), kval(s, i + 3),
                         s->y + rel, st);
  /* "the last half of 1989", "the last quarter of 2023": the final one */
  if ((u == U_HALF || u == U_QUARTER) && rel < 0 && is_word(s, a, "last") &&
      is_word(s, i + 1, "of") && year_words(s, i + 2, &(uint32_t){0}) > 0)
    return quarter_value(s, a, i + 1, u == U_HALF ? 2 : 4, u, -1, st);
  if (u == U_WEEKEND) {
    long sat = rel == 0 ? wday_for(s, 5, tense_at(s, a), 0)
                        : wday_for(s, 5, rel, 1);
    v_week(v, sat);
    size_t len = strlen(v);
    snprintf(v + len, VLEN - len, "-WE");
  } else if (u == U_HALF) {
    int h = (s->m - 1) / 6 + rel; /* 0 or 1 this year; -1, 2 others */
    int yy = s->y + (h < 0 ? -1 : h > 1 ? 1 : 0);
    snprintf(v, sizeof(v), "%04d-H%d", yy, ((h % 2) + 2) % 2 + 1);
  } else if (u == U_YEAR) {
    snprintf(v, sizeof(v), "%04d", s->y + rel); /* never "a year ago" */
  } else if (u == U_HOUR || u == U_MINUTE || !v_shift(s, v, 1, u, rel)) {
    return NOMATCH;
  }
  note_quarter(s, v);
  *st = emit(s, a, i + 1, "DATE", v);
  return i + 1;
}

/* count + unit: "two years ago" (a date), "three weeks later", "two
 * days" (a duration), "several years". A bare "a year" is a duration only
 * after "for", "over", "within", "about", "nearly", "almost", "than". */
static uint32_t m_count(struct scan *s, uint32_t a, dyad_status *st)
{
  int n = count_at(s, a);
  if (n < 0 || kcls(s, a + 1) != K_UNIT)
    return NOMATCH;
  int u = kval(s, a + 1);
  uint32_t i = a + 2;
  char v[VLEN];
  int article = kcls(s, a) == K_NUMW && n == 1 &&
                (s->doc->text[s->t[a].off] | 0x20) == 'a';
  if (kcls(s, i) == K_AGO || is_word(s, i, "before")) {
    int back = kval(s, i) != 2 && !is_word(s, i, "after");
    if (kcls(s, i) == K_AGO && kval(s, i) == 2)
      back = 0;
    if (n == 0) {
      *st = emit(s, a, i + 1, "DATE", back ? "PAST_REF" : "FUTURE_REF");
      return i + 1;
    }
    if (!v_shift(s, v, n, u, back ? -1 : 1))
      return NOMATCH;
    *st = emit(s, a, skip_period(s, i + 1), "DATE", v);
    return skip_period(s, i + 1);
  }
  if (is_word(s, i, "from") && is_word(s, i + 1, "now") && n > 0 &&
      v_shift(s, v, n, u, 1)) {
    *st = emit(s, a, i + 2, "DATE", v);
    return i + 2;
  }
  if (article && s->from == a) {
    if (a == s->b)
      return NOMATCH;
    static const char *const lead[] = {"for", "over", "within", "about",
                                       "nearly", "almost", "than", "past"};
    int ok = 0;
    for (size_t k = 0; k < DYAD_ARRAY_LEN(lead) && !ok; k++)
      ok = is_word(s, a - 1, lead[k]);
    if (!ok)
      return NOMATCH;
  }
  if (u == U_QUARTER || u == U_HALF)
    return NOMATCH; /* "two quarters", "a half": amounts as often as time */
  v_dur(v, n, u);
  *st = emit(s, a, i, "DURATION", v);
  return i;
}

/* Decades: "1990s", "'90s"; returns the decade value (199) or -1. */
static int decade_text(const struct scan *s, const char *p, size_t n)
{
  if (n == 5 && p[4] == 's') {
    int y = 0;
    for (int k = 0; k < 4; k++) {
      if (p[k] < '0' || p[k] > '9')
        return -1;
      y = y * 10 + (p[k] - '0');
    }
    return y % 10 == 0 && year_ok(s, y) ? y / 10 : -1;
  }
  if (n == 4 && (p[0] == '\'') && p[3] == 's' && p[1] >= '0' &&
      p[1] <= '9' && p[2] == '0') {
    int yy = (p[1] - '0') * 10;
    int y = s->y / 100 * 100 + yy;
    if (y > s->y)
      y -= 100;
    return y / 10;
  }
  return -1;
}

/* Hyphenated tokens: "two-day", "10-year", "year-long", "mid-1990",
 * "mid-March", "third-quarter", "year-earlier", "1990-1995". */
static uint32_t m_hyphen(struct scan *s, uint32_t a, dyad_status *st)
{
  struct parts pp;
  if (split_hyphen(s, a, &pp) < 2)
    return NOMATCH;
  char v[VLEN];
  const dyad_token *t = &s->t[a];
  /* N-unit[-old|-long]: a duration (ages too: "a 30-year-old") */
  int n = part_num(&pp, 0);
  if (n < 0) {
    int w = kw_find(pp.p[0], pp.n[0]);
    if (w >= 0 && kws[w].cls == K_NUMW && kws[w].val > 0 &&
        pp.p[0][0] != 'a')
      n = kws[w].val;
  }
  int u1 = part_kw(&pp, 1, K_UNIT);
  if (n > 0 && n < 1000 && u1 >= 0 && kws[u1].val != U_QUARTER &&
      kws[u1].val != U_HALF) {
    if (pp.np == 2 || (pp.np == 3 && (!strncmp(pp.p[2], "old", pp.n[2]) ||
                                      !strncmp(pp.p[2], "long", pp.n[2])))) {
      v_dur(v, n, kws[u1].val);
      *st = emit(s, a, a + 1, "DURATION", v);
      return a + 1;
    }
  }
  int u0 = part_kw(&pp, 0, K_UNIT);
  if (pp.np == 2 && u0 >= 0 && pp.n[1] == 4 && !memcmp(pp.p[1], "long", 4)) {
    v_dur(v, 1, kws[u0].val);
    *st = emit(s, a, a + 1, "DURATION", v);
    return a + 1;
  }
  if (pp.np == 2 && u0 >= 0 && kws[u0].val == U_YEAR &&
      ((pp.n[1] == 7 && !memcmp(pp.p[1], "earlier", 7)) ||
       (pp.n[1] == 3 && !memcmp(pp.p[1], "ago", 3)))) {
    /* "the year-earlier third quarter": that quarter a year before */
    if (kcls(s, a + 1) == K_ORD && is_word(s, a + 2, "quarter")) {
      int q = kval(s, a + 1);
      snprintf(v, sizeof(v), "%04d-Q%d",
               period_year(s, q, 4, tense_at(s, a)) - 1, q);
      *st = emit(s, a, a + 3, "DATE", v);
      return a + 3;
    }
    v_shift(s, v, 1, U_YEAR, -1);
    uint32_t z = skip_period(s, a + 1);
    *st = emit(s, a, z, "DATE", v);
    return z;
  }
  int o0 = part_kw(&pp, 0, K_ORD);
  if (pp.np == 2 && o0 >= 0 && u1 >= 0 &&
      (kws[u1].val == U_QUARTER || kws[u1].val == U_HALF))
    return quarter_value(s, a, a + 1, kws[o0].val, kws[u1].val, -1, st);
  /* "mid-1990", "late-November", "early-1990s"; "post-1959" and
   * "pre-1990" name the year they are counted from */
  int lead = pp.np == 2 && (part_kw(&pp, 0, K_MOD) >= 0 ||
                            (pp.n[0] == 3 && !memcmp(pp.p[0], "pre", 3)) ||
                            (pp.n[0] == 4 && !memcmp(pp.p[0], "post", 4)));
  if (lead) {
    int y = part_num(&pp, 1);
    int dec = decade_text(s, pp.p[1], pp.n[1]);
    int mo = pp.p[0][0] == 'p' ? -1 : part_kw(&pp, 1, K_MONTH);
    if (y >= 0 && pp.n[1] == 4 && year_ok(s, y))
      snprintf(v, sizeof(v), "%04d", y);
    else if (dec >= 0)
      snprintf(v, sizeof(v), "%03d", dec);
    else if (mo >= 0)
      snprintf(v, sizeof(v), "%04d-%02d",
               year_for(s, kws[mo].val, 0, tense_at(s, a)), kws[mo].val);
    else
      return NOMATCH;
    *st = emit(s, a, a + 1, "DATE", v);
    return a + 1;
  }
  /* year ranges "1990-1995", "1990-95": one DATE per end */
  if (pp.np == 2 && pp.n[0] == 4 && (pp.n[1] == 4 || pp.n[1] == 2)) {
    int y0 = part_num(&pp, 0), y1 = part_num(&pp, 1);
    if (y0 < 0 || y1 < 0)
      return NOMATCH;
    if (pp.n[1] == 2)
      y1 += y0 / 100 * 100;
    if (!year_ok(s, y0) || y0 < 1900 || y1 <= y0 || y1 > s->y + 30)
      return NOMATCH;
    uint32_t off1 = t->off + 5;
    snprintf(v, sizeof(v), "%04d", y0);
    if ((*st = emit_bytes(s, t->off, t->off + 4, "DATE", v)) != DYAD_OK)
      return a + 1;
    snprintf(v, sizeof(v), "%04d", y1);
    *st = emit_bytes(s, off1, off1 + (uint32_t)pp.n[1], "DATE", v);
    return a + 1;
  }
  return NOMATCH;
}

/* "now", "currently", "recently", "recent years", "the past", "the
 * future", "soon". */
static uint32_t m_ref(struct scan *s, uint32_t a, dyad_status *st)
{
  int r = kval(s, a);
  uint32_t i = a + 1;
  if ((is_word(s, a, "current") || is_word(s, a, "recent")) &&
      kcls(s, i) == K_UNIT)
    i++; /* "recent years" as one */
  *st = emit(s, a, i, "DATE", r < 0 ? "PAST_REF" : r > 0 ? "FUTURE_REF"
                                                          : "PRESENT_REF");
  return i;
}

/* A bare four-digit year, a decade ("1990s") or "fiscal 1989". Numbers
 * that are amounts ("$1990", "2000 troops", "1990%") are not years. */
static uint32_t m_year(struct scan *s, uint32_t a, dyad_status *st)
{
  const dyad_token *t = &s->t[a];
  const char *p = s->doc->text + t->off;
  char v[VLEN];
  int dec = decade_text(s, p, t->len);
  if (dec >= 0) {
    snprintf(v, sizeof(v), "%03d", dec);
    *st = emit(s, a, a + 1, "DATE", v);
    return a + 1;
  }
  int y = year_at(s, a);
  /* "in 3050", "since 0870": a year's place with no plausible year in it
   * (not "in 3050 cases": the next token must end the phrase) */
  if (y < 0 && t->len == 4 && num_tok(s, a) >= 0 && a > s->b &&
      (is_word(s, a - 1, "in") || is_word(s, a - 1, "since") ||
       is_word(s, a - 1, "until")) &&
      (a + 1 >= s->e || s->t[a + 1].kind == DYAD_TK_PUNCT)) {
    *st = skip(s, a, a + 1, year_range);
    return a + 1;
  }
  /* years before 1900 only after a preposition ("in 1898", "since
   * 1812"): a bare "1500" is more often an amount */
  if (y < 0 || y > s->y + 30 ||
      (y < 1900 && !(a > s->b && s->t[a - 1].tag == DYAD_TAG_IN)))
    return NOMATCH;
  if (a > s->b && (s->t[a - 1].kind == DYAD_TK_SYMBOL ||
                   is_word(s, a - 1, "$")))
    return NOMATCH;
  if (a + 1 < s->e) {
    const dyad_token *nx = &s->t[a + 1];
    /* "1990%", "1990 percent"; other symbols ("1985 _ when", "1990:")
     * leave a year a year */
    if (is_word(s, a + 1, "%") || is_word(s, a + 1, "percent"))
      return NOMATCH;
    if ((nx->tag == DYAD_TAG_NNS || nx->tag == DYAD_TAG_CD) &&
        kcls(s, a + 1) != K_UNIT && !(a > s->b && s->t[a - 1].tag == DYAD_TAG_IN))
      return NOMATCH;
  }
  /* "the 1988 third quarter" */
  if (kcls(s, a + 1) == K_ORD && kcls(s, a + 2) == K_UNIT &&
      (kval(s, a + 2) == U_QUARTER || kval(s, a + 2) == U_HALF))
    return quarter_value(s, a, a + 3, kval(s, a + 1), kval(s, a + 2), y, st);
  /* "the 1988 quarter", "the 1988 period" in a quarterly report */
  if (s->from < a && s->qq &&
      (is_word(s, a + 1, "quarter") || is_word(s, a + 1, "period"))) {
    snprintf(v, sizeof(v), "%04d-Q%d", y, s->qq);
    *st = emit(s, a, a + 2, "DATE", v);
    return a + 2;
  }
  s->ly = y;
  snprintf(v, sizeof(v), "%04d", y);
  *st = emit(s, a, a + 1, "DATE", v);
  return a + 1;
}

/* "that year", "the following year", "the previous year": the last year
 * named in the text, moved by one for following/previous. Called at the
 * token after "that"/"the". */
static uint32_t m_anaphoric_year(struct scan *s, uint32_t a, dyad_status *st)
{
  if (!s->ly || a == 0)
    return NOMATCH;
  int shift = 0;
  uint32_t i = a;
  if (is_word(s, i, "following") || is_word(s, i, "next"))
    shift = 1, i++;
  else if (is_word(s, i, "previous") || is_word(s, i, "preceding"))
    shift = -1, i++;
  else if (!is_word(s, a - 1, "that"))
    return NOMATCH;
  if (!is_word(s, i, "year"))
    return NOMATCH;
  if (shift == 0 && !is_word(s, a - 1, "that"))
    return NOMATCH;
  char v[VLEN];
  snprintf(v, sizeof(v), "%04d", s->ly + shift);
  *st = emit(s, a, i + 1, "DATE", v);
  return i + 1;
}

/* A year read out on its own. */
static uint32_t m_spoken_year(struct scan *s, uint32_t a, dyad_status *st)
{
  uint32_t i;
  int y = spoken_year(s, a, &i);
  if (y < 0)
    return NOMATCH;
  s->ly = y;
  char v[VLEN];
  snprintf(v, sizeof(v), "%04d", y);
  *st = emit(s, a, i, "DATE", v);
  return i;
}

/* Clock times: "10:30", "3 p.m.", "10:30 a.m.": TIME on the article date. */
static uint32_t m_clock(struct scan *s, uint32_t a, dyad_status *st)
{
  const dyad_token *t = &s->t[a];
  const char *p = s->doc->text + t->off;
  int h = -1, mi = 0;
  if (t->len >= 4 && t->len <= 5 && p[t->len - 3] == ':') {
    h = 0;
    for (uint32_t k = 0; k < t->len - 3; k++)
      h = h * 10 + (p[k] - '0');
    mi = (p[t->len - 2] - '0') * 10 + (p[t->len - 1] - '0');
    if (p[0] < '0' || p[0] > '9' || mi < 0 || mi > 59)
      return NOMATCH;
  } else {
    h = num_tok(s, a);
  }
  uint32_t i = a + 1;
  int pm = -1;
  if (is_word(s, i, "p.m") || is_word(s, i, "pm"))
    pm = 1;
  else if (is_word(s, i, "a.m") || is_word(s, i, "am"))
    pm = 0;
  if (pm < 0 && t->len < 4)
    return NOMATCH;
  if (pm >= 0)
    i++;
  if (h < 0 || h > 23 || (pm >= 0 && (h < 1 || h > 12)))
    return NOMATCH;
  if (pm == 1 && h < 12)
    h += 12;
  if (pm == 0 && h == 12)
    h = 0;
  /* "9 a.m. (EST) Tuesday": the clock on that day */
  long dn = s->dn;
  uint32_t k = i;
  if (k < s->e && (s->t[k].flags & DYAD_TOKF_ALLCAPS) && s->t[k].len == 3)
    k++; /* a time zone */
  if (is_word(s, k, ",") && month_at(s, k + 1))
    k++;
  if (kcls(s, k) == K_WDAY && (s->t[k].flags & DYAD_TOKF_CAP)) {
    dn = wday_for(s, kval(s, k), tense_at(s, a), 0);
    i = k + 1;
  } else if (month_at(s, k) && day_tok(s, k + 1) > 0) {
    /* "8 a.m. GMT Oct. 3": the clock on that date */
    int m = month_at(s, k), d = day_tok(s, k + 1);
    int y = year_for(s, m, d, tense_at(s, a));
    if (d <= dyad__days_in_month(y, m)) {
      dn = dyad__day_number(y, m, d);
      i = k + 2;
    }
  }
  char v[VLEN];
  v_day(v, dn);
  size_t n = strlen(v);
  snprintf(v + n, VLEN - n, "T%02d:%02d", h, mi);
  *st = emit(s, a, i, "TIME", v);
  return i;
}

/* Easter Sunday of year y (the Gregorian computus). OUT: *m, *d. */
static void easter(int y, int *m, int *d)
{
  int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - dd - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int mm = (a + 11 * h + 22 * l) / 451;
  *m = (h + l - 7 * mm + 114) / 31;
  *d = (h + l - 7 * mm + 114) % 31 + 1;
}

/* Holidays with a fixed rule: Christmas (Eve), Thanksgiving (the fourth
 * Thursday of November, US), New Year's Day / Eve, Easter (Sunday; "Easter
 * week" is its ISO week), Election Day (US: the Tuesday after the first
 * Monday of November). */
static uint32_t m_holiday(struct scan *s, uint32_t a, dyad_status *st)
{
  int which = kcls(s, a) == K_MISC ? kval(s, a) : 0;
  uint32_t i = a + 1;
  int m = 0, d = 0, week = 0;
  if (which == 1) {
    m = 12, d = 25;
    if (is_word(s, i, "eve"))
      d = 24, i++;
    else if (is_word(s, i, "day"))
      i++;
  } else if (which == 2) {
    m = 11;
    if (is_word(s, i, "day"))
      i++;
  } else if (which == 9) {
    m = 4; /* Easter: the day comes with the year */
    if (is_word(s, i, "sunday"))
      i++;
    else if (is_word(s, i, "week"))
      week = 1, i++;
  } else if (which == 10) {
    if (!is_word(s, i, "day") || !(s->t[i].flags & DYAD_TOKF_CAP))
      return NOMATCH;
    m = 11, i++;
  } else if (is_word(s, a, "new") && is_word(s, a + 1, "year") &&
             s->t[a + 2 < s->e ? a + 2 : a].tag == DYAD_TAG_POS &&
             a + 3 < s->e && (is_word(s, a + 3, "day") ||
                              is_word(s, a + 3, "eve"))) {
    m = 1, d = 1;
    if (is_word(s, a + 3, "eve"))
      m = 12, d = 31;
    i = a + 4;
  } else {
    return NOMATCH;
  }
  if (!(s->t[a].flags & DYAD_TOKF_CAP))
    return NOMATCH;
  int y = year_for(s, m, d ? d : which == 9 ? 10 : 5, tense_at(s, a));
  uint32_t ye;
  int yy = year_words(s, i, &ye);
  if (yy > 0) {
    y = yy;
    i = ye;
  }
  if (which == 9) {
    easter(y, &m, &d);
  } else if (which == 10) {
    /* the day after the first Monday */
    int wd = dyad__weekday(dyad__day_number(y, 11, 1));
    d = 1 + (7 - wd) % 7 + 1;
  } else if (!d) {
    long nov1 = dyad__day_number(y, 11, 1);
    int wd = dyad__weekday(nov1);
    d = 1 + (3 - wd + 7) % 7 + 21;
  }
  char v[VLEN];
  if (week)
    v_week(v, dyad__day_number(y, m, d));
  else
    ymd(v, y, m, d);
  *st = emit(s, a, i, "DATE", v);
  return i;
}

/* Seasons without last/next/this: "in the summer", "summer of 1998",
 * "fall 1998". "fall" needs a year or a determiner before it (it is a
 * verb and a noun too). */
static uint32_t m_season(struct scan *s, uint32_t a, dyad_status *st)
{
  int se = kval(s, a);
  uint32_t i = a + 1;
  int y = -1;
  uint32_t k = is_word(s, i, "of") ? i + 1 : i;
  uint32_t ye;
  if ((y = year_words(s, k, &ye)) > 0)
    i = ye;
  int det = s->from < a || (a > s->b && is_word(s, a - 1, "in"));
  if (y < 0 && !det)
    return NOMATCH;
  if (y < 0 && is_word(s, a, "fall") && s->from == a)
    return NOMATCH;
  if (y < 0)
    y = season_year(s, se, 2, tense_at(s, a));
  char v[VLEN];
  snprintf(v, sizeof(v), "%04d-%s", y, season_code[se]);
  *st = emit(s, a, i, "DATE", v);
  return i;
}

/* Ordinal + quarter/half ("the third quarter", "first half of 1990") and
 * "the [latest|current] quarter". */
static uint32_t m_ord(struct scan *s, uint32_t a, dyad_status *st)
{
  int ord = kval(s, a);
  if (kcls(s, a + 1) != K_UNIT)
    return NOMATCH;
  int u = kval(s, a + 1);
  if (u != U_QUARTER && u != U_HALF)
    return NOMATCH;
  return quarter_value(s, a, a + 2, ord, u, -1, st);
}

/* "the quarter", "the latest quarter": the quarter last named, else the
 * last one completed (what a report published now is about). Called at
 * the token after "the". */
static uint32_t m_the_quarter(struct scan *s, uint32_t a, dyad_status *st)
{
  uint32_t i = a;
  if (is_word(s, i, "latest") || is_word(s, i, "current") ||
      is_word(s, i, "recent") || is_word(s, i, "fiscal"))
    i++;
  if (!is_word(s, i, "quarter") &&
      !(s->qq && i > a && is_word(s, i, "period")))
    return NOMATCH; /* "the latest period" in a quarterly report */
  char v[VLEN];
  int em = (is_word(s, i + 1, "ended") || is_word(s, i + 1, "ending"))
               ? month_at(s, i + 2) : 0;
  if (em) {
    /* "the quarter ended June 30": the quarter that month is in */
    snprintf(v, sizeof(v), "%04d-Q%d", year_for(s, em, 0, -1),
             (em - 1) / 3 + 1);
    note_quarter(s, v);
  } else if (s->qq && s->qsent + 3 >= (int)s->sent &&
             !(is_word(s, a, "latest") && is_word(s, i, "quarter"))) {
    snprintf(v, sizeof(v), "%04d-Q%d", s->qy, s->qq);
  } else {
    /* "the latest quarter": the last one completed, whatever was named
     * ("the latest period" is the period last named) */
    int q = (s->m - 1) / 3; /* 0-based current; the one before it */
    if (is_word(s, a, "current"))
      q++;
    int y = s->y;
    if (q == 0) {
      q = 4;
      y--;
    }
    snprintf(v, sizeof(v), "%04d-Q%d", y, q);
  }
  /* "the quarter a year ago/earlier": that quarter of the year before */
  if (is_word(s, i + 1, "a") && is_word(s, i + 2, "year") &&
      kcls(s, i + 3) == K_AGO && kval(s, i + 3) < 2) {
    char w[VLEN];
    snprintf(w, sizeof(w), "%04d%s", value_year(v) - 1, v + 4);
    *st = emit(s, a, i + 4, "DATE", w);
    return i + 4;
  }
  *st = emit(s, a, i + 1, "DATE", v);
  return i + 1;
}

/* "the quarter", "the weekend", "the [full|current|fiscal] year": the
 * period the report is about. Called at the token after "the". */
static uint32_t m_the_unit(struct scan *s, uint32_t a, dyad_status *st)
{
  uint32_t r = m_the_quarter(s, a, st);
  if (r || *st != DYAD_OK)
    return r;
  char v[VLEN];
  if (kcls(s, a) == K_UNIT && kval(s, a) == U_WEEKEND) {
    v_week(v, wday_for(s, 5, tense_at(s, a), 0));
    size_t n = strlen(v);
    snprintf(v + n, VLEN - n, "-WE");
    *st = emit(s, a, a + 1, "DATE", v);
    return a + 1;
  }
  /* "the week of March 6": the ISO week holding that day */
  if (kcls(s, a) == K_UNIT && kval(s, a) == U_WEEK && is_word(s, a + 1, "of") &&
      month_at(s, a + 2) && day_tok(s, a + 3) > 0) {
    int m = month_at(s, a + 2), d = day_tok(s, a + 3);
    int y = year_for(s, m, d, tense_at(s, a));
    if (d > dyad__days_in_month(y, m))
      return NOMATCH;
    v_week(v, dyad__day_number(y, m, d));
    *st = emit(s, a, a + 4, "DATE", v);
    return a + 4;
  }
  uint32_t i = a;
  if (is_word(s, i, "full") || is_word(s, i, "current"))
    i++;
  if (is_word(s, i, "fiscal"))
    i++;
  if (!is_word(s, i, "year") || (i + 1 < s->e &&
                                 s->t[i + 1].tag == DYAD_TAG_POS))
    return NOMATCH;
  snprintf(v, sizeof(v), "%04d", s->y);
  *st = emit(s, a, i + 1, "DATE", v);
  return i + 1;
}

/* "the nineties", "the early sixties": the latest such decade not after
 * the article. Only with a lead word ("the", "early"): a bare "in the
 * nineties" is as often a temperature or an age. */
static uint32_t m_decade_word(struct scan *s, uint32_t a, dyad_status *st)
{
  if (s->from >= a)
    return NOMATCH;
  int y = s->y / 100 * 100 + 10 * kval(s, a);
  if (y > s->y)
    y -= 100;
  char v[VLEN];
  snprintf(v, sizeof(v), "%03d", y / 10);
  *st = emit(s, a, a + 1, "DATE", v);
  return a + 1;
}

/* The core matchers at token a (s->from already set). */
static uint32_t match_core(struct scan *s, uint32_t a, dyad_status *st)
{
  const dyad_token *t = &s->t[a];
  uint32_t r;
  int cls = kcls(s, a);
  if (t->flags & DYAD_TOKF_HYPHEN) {
    r = m_hyphen(s, a, st);
    if (r)
      return r;
  }
  if (t->kind == DYAD_TK_NUM || (t->len && s->doc->text[t->off] == '\'')) {
    if ((r = m_numeric(s, a, st)) || (r = m_month(s, a, st, 2)) ||
        (r = m_count(s, a, st)) || (r = m_clock(s, a, st)))
      return r;
    if (day_tok(s, a) > 0 && is_word(s, a + 1, "century")) {
      char v[VLEN];
      snprintf(v, sizeof(v), "%02d", day_tok(s, a) - 1);
      *st = emit(s, a, a + 2, "DATE", v);
      return a + 2;
    }
    return m_year(s, a, st);
  }
  switch (cls) {
  case K_MONTH:
    return m_month(s, a, st, 2);
  case K_WDAY:
    if (!(t->flags & DYAD_TOKF_CAP))
      return NOMATCH;
    if ((r = m_month(s, a, st, 2)))
      return r;
    return emit_day(s, a, a + 1, wday_for(s, kval(s, a), tense_at(s, a), 0),
                    st);
  case K_DAYREL: {
    if (kval(s, a) == 2) { /* tonight */
      char v[VLEN];
      v_day(v, s->dn);
      size_t n = strlen(v);
      snprintf(v + n, VLEN - n, "TNI");
      *st = emit(s, a, a + 1, "TIME", v);
      return a + 1;
    }
    return emit_day(s, a, a + 1, s->dn + kval(s, a), st);
  }
  case K_REL:
    if ((r = m_rel(s, a, st)))
      return r;
    if (is_word(s, a, "past") && s->from < a) { /* "the past" */
      *st = emit(s, a, a + 1, "DATE", "PAST_REF");
      return a + 1;
    }
    return NOMATCH;
  case K_ORD:
    return m_ord(s, a, st);
  case K_NUMW:
    if ((r = m_spoken_year(s, a, st)) || *st != DYAD_OK)
      return r;
    return m_count(s, a, st);
  case K_REF:
    if (s->from < a && is_word(s, s->from, "the") &&
        (r = m_the_unit(s, a, st)))
      return r;
    return m_ref(s, a, st);
  case K_SEASON:
    return m_season(s, a, st);
  case K_DECW:
    return m_decade_word(s, a, st);
  case K_PART: {
    /* "noon", "at midday", "noon Thursday": 12:00 on the article's day or
     * on the weekday named */
    if (kval(s, a) != P_NOON)
      return NOMATCH;
    long dn = s->dn;
    uint32_t i = a + 1;
    if (kcls(s, i) == K_WDAY && (s->t[i].flags & DYAD_TOKF_CAP)) {
      dn = wday_for(s, kval(s, i), tense_at(s, i), 0);
      i++;
    }
    char v[VLEN];
    v_day(v, dn);
    size_t n = strlen(v);
    snprintf(v + n, VLEN - n, "T12:00");
    *st = emit(s, a, i, "TIME", v);
    return i;
  }
  case K_MISC:
    if (is_word(s, a, "fiscal") && year_at(s, a + 1) > 0) {
      char v[VLEN];
      snprintf(v, sizeof(v), "%04d", year_at(s, a + 1));
      *st = emit(s, a, a + 2, "DATE", v);
      return a + 2;
    }
    if (s->from < a && is_word(s, s->from, "the") &&
        (r = m_the_unit(s, a, st)))
      return r;
    return m_holiday(s, a, st);
  case K_UNIT:
    if (s->from < a && is_word(s, s->from, "the"))
      return m_the_unit(s, a, st);
    return NOMATCH;
  default:
    if (cls == K_NONE)
      return NOMATCH;
    if (is_word(s, a, "new"))
      return m_holiday(s, a, st);
    if (s->from < a && is_word(s, s->from, "the"))
      return m_the_unit(s, a, st);
    return NOMATCH;
  }
}

/* Fixed phrases that refer to the present or the future as a whole:
 * "these days", "the near/short/long term", "the near future", "a later
 * date". Each is a list of folded words and a value. */
static uint32_t m_fixed(struct scan *s, uint32_t a, dyad_status *st)
{
  static const struct {
    const char *w[4];
    const char *value;
  } ph[] = {
      {{"these", "days"}, "PRESENT_REF"},
      {{"the", "near", "term"}, "FUTURE_REF"},
      {{"the", "short", "term"}, "FUTURE_REF"},
      {{"the", "long", "term"}, "FUTURE_REF"},
      {{"the", "near", "future"}, "FUTURE_REF"},
      {{"a", "later", "date"}, "FUTURE_REF"},
  };
  for (size_t k = 0; k < DYAD_ARRAY_LEN(ph); k++) {
    uint32_t i = a;
    size_t j = 0;
    while (j < 4 && ph[k].w[j] && is_word(s, i, ph[k].w[j]))
      i++, j++;
    if (j < 4 && ph[k].w[j])
      continue;
    *st = emit_bytes(s, s->t[a].off, s->t[i - 1].off + s->t[i - 1].len,
                     "DATE", ph[k].value);
    return i;
  }
  return NOMATCH;
}

/* One match attempt at token a, with the optional lead words that join
 * the span: "the", and early/late/mid/earlier/later ("earlier this
 * year"). Returns the end token or NOMATCH. */
static uint32_t match_at(struct scan *s, uint32_t a, dyad_status *st)
{
  s->from = a;
  uint32_t c = a;
  if (kcls(s, a) == K_MISC || kcls(s, a) == K_NUMW) {
    uint32_t r = m_fixed(s, a, st);
    if (r || *st != DYAD_OK)
      return r;
  }
  if (s->ly && (is_word(s, a, "that") || is_word(s, a, "the")) &&
      a + 1 < s->e) {
    uint32_t r = m_anaphoric_year(s, a + 1, st);
    if (r || *st != DYAD_OK)
      return r;
    s->from = a;
  }
  if (is_word(s, c, "the") && c + 1 < s->e)
    c++;
  if ((kcls(s, c) == K_MOD || (kcls(s, c) == K_AGO && kval(s, c) > 0)) &&
      c + 1 < s->e) {
    c++;
    /* "later that year", "early the following year" */
    if (s->ly && (is_word(s, c, "that") || is_word(s, c, "the")) &&
        c + 1 < s->e) {
      uint32_t r = m_anaphoric_year(s, c + 1, st);
      if (r || *st != DYAD_OK)
        return r;
      s->from = a;
    }
  }
  while (c > a) {
    uint32_t r = match_core(s, c, st);
    if (r || *st != DYAD_OK)
      return r;
    c--; /* try again without the lead word */
  }
  s->from = a;
  return match_core(s, a, st);
}

/* Tags the doc's sentences. Keyword classes for all tokens are looked up
 * once into one arena array (two bytes a token). */
dyad_status dyad__timexes(dyad_doc *doc)
{
  size_t nt = doc->toks.n;
  if (!nt || !doc->date)
    return DYAD_OK;
  struct scan s;
  memset(&s, 0, sizeof(s));
  s.doc = doc;
  s.t = doc->toks.v;
  s.kw = dyad__arena_alloc(&doc->arena, nt * sizeof(int16_t));
  if (!s.kw)
    return DYAD_ENOMEM;
  /* buckets of the sorted table by first letter, so a token costs a
   * length test (w[n] ends the word) against a handful of entries; lens[c]
   * has bit n when some entry of bucket c is n bytes long, so that most
   * ASCII tokens go without folding */
  enum { NKW = DYAD_ARRAY_LEN(kws) };
  uint16_t *first = doc->timex_first;
  uint32_t *lens = doc->timex_lens;
  if (!first[26]) { /* once per dyad_doc: documents reuse it */
    size_t k = 0;
    for (int c = 0; c < 26; c++) {
      first[c] = (uint16_t)k;
      lens[c] = 0;
      for (; k < NKW && kws[k].w[0] == 'a' + c; k++)
        lens[c] |= 1u << strnlen(kws[k].w, sizeof(kws[k].w));
    }
    first[26] = (uint16_t)k;
  }
  for (size_t i = 0; i < nt; i++) {
    const dyad_token *t = &doc->toks.v[i];
    s.kw[i] = -1;
    if (t->kind != DYAD_TK_WORD || t->len > 13)
      continue;
    const unsigned char *p = (const unsigned char *)doc->text + t->off;
    if (p[0] < 0x80) {
      unsigned c0 = p[0] >= 'A' && p[0] <= 'Z' ? p[0] + 32u : p[0];
      if (c0 < 'a' || c0 > 'z')
        continue;
      uint32_t m = lens[c0 - 'a'];
      if (!(m >> t->len & 1) &&
          !(t->len > 1 && p[t->len - 1] == '.' && (m >> (t->len - 1) & 1)))
        continue; /* no entry of its letter and length */
    }
    char buf[32];
    size_t n = t->len;
    int ascii = 1;
    for (size_t j = 0; j < n; j++) {
      if (p[j] >= 0x80) {
        ascii = 0;
        break;
      }
      buf[j] = (char)(p[j] >= 'A' && p[j] <= 'Z' ? p[j] + 32 : p[j]);
    }
    if (!ascii)
      n = dyad__fold(doc->text + t->off, t->len, buf, sizeof(buf));
    if (n == (size_t)-1 || n == 0 || buf[0] < 'a' || buf[0] > 'z')
      continue;
    if (n > 1 && buf[n - 1] == '.')
      n--;
    if (n >= sizeof(kws[0].w))
      continue; /* longer than any entry */
    int c = buf[0] - 'a';
    for (size_t k = first[c]; k < first[c + 1]; k++)
      if (kws[k].w[n - 1] == buf[n - 1] && !kws[k].w[n] &&
          !memcmp(kws[k].w, buf, n)) {
        s.kw[i] = (int16_t)k;
        break;
      }
  }
  s.y = doc->date / 10000;
  s.m = doc->date / 100 % 100;
  s.d = doc->date % 100;
  s.dn = dyad__day_number(s.y, s.m, s.d);
  s.qsent = -10;
  for (size_t si = 0; si < doc->sents.n; si++) {
    const dyad_sentence *sent = &doc->sents.v[si];
    s.sent = (uint32_t)si;
    s.b = sent->tok;
    s.e = sent->tok + sent->ntok;
    for (uint32_t a = s.b; a < s.e;) {
      const dyad_token *t = &s.t[a];
      if (s.kw[a] < 0 && t->kind != DYAD_TK_NUM &&
          !(t->flags & DYAD_TOKF_HYPHEN) && doc->text[t->off] != '\'') {
        a++;
        continue;
      }
      dyad_status st = DYAD_OK;
      uint32_t r = match_at(&s, a, &st);
      if (st != DYAD_OK)
        return st;
      a = r > a ? r : a + 1;
    }
  }
  return DYAD_OK;
}

/* ==== writer ============================================================ */

int dyad__write_timexes(const dyad_doc *doc, int json, dyad_buf *out)
{
  if (!(doc->stages_done & DYAD_STAGE_WHEN))
    return 0;
  if (json && dyad__buf_adds(out, ",\"timexes\":["))
    return -1;
  for (size_t i = 0; i < doc->timexes.n; i++) {
    const dyad_timex *x = &doc->timexes.v[i];
    const char *p = doc->text + x->span.off;
    if (json) {
      if ((i && dyad__buf_addc(out, ',')) ||
          dyad__buf_adds(out, "{\"text\":\"") ||
          dyad__buf_json_str(out, p, x->span.len) ||
          dyad__buf_printf(out, "\",\"span\":[%u,%u],\"type\":\"%s\","
                                "\"value\":\"%s\"}",
                           x->span.off, x->span.off + x->span.len, x->type,
                           x->value))
        return -1;
    } else if (dyad__buf_printf(out, "timex [%u,%u) %s %s ", x->span.off,
                                x->span.off + x->span.len, x->type,
                                x->value) ||
               dyad__buf_add(out, p, x->span.len) ||
               dyad__buf_addc(out, '\n')) {
      return -1;
    }
  }
  if (json && dyad__buf_addc(out, ']'))
    return -1;
  return 0;
}
