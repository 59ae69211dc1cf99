/*
 * native.c: the parser of dyad's own dictionary format (data/README.md):
 * actors, agents, verb patterns, event nouns and cues, one entry a line.
 *
 * A file's kind comes from its path (actors/..., verbs/..., agents*.txt,
 * nouns*.txt, cues*.txt) or from a section line `[actors]`, `[agents]`,
 * `[verbs]`, `[nouns]`, `[cues]`, which switches the kind for the lines
 * after it (so one user file may hold several kinds).
 *
 * A malformed line is reported as "file:line: message" and skipped (or is
 * fatal under DYAD_CFG_STRICT). A phrase defined twice for the same kind
 * keeps the later entry; outside user files a repeat is reported (same
 * codes: a warning; other codes: a conflict error).
 */
#include "dict.h"

enum { NK_ACTOR = 0, NK_AGENT, NK_VERB, NK_NOUN, NK_CUE };

#define MAXW 32

static const char *const type_names[DYAD_AT_COUNT] = {
    "", "country", "adj", "capital", "person", "igo", "group", "bloc", "org"};

const char *dyad__actor_type_name(int type)
{
  return type >= 0 && type < DYAD_AT_COUNT ? type_names[type] : "";
}

static const char *const cue_names[DYAD_CUE_COUNT] = {
    "negation", "negverb", "modal",  "future", "intent",
    "threat",   "conditional", "report", "deny"};

/* ==== small string helpers ============================================= */

struct str {
  const char *s;
  size_t n;
};

static struct str trim(const char *s, size_t n)
{
  while (n && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  struct str r = {s, n};
  return r;
}

static int eq(struct str a, const char *b)
{
  return a.n == strlen(b) && memcmp(a.s, b, a.n) == 0;
}

/* Next piece of *rest up to sep (or the end); trims it. 0 when none left. */
static int piece(struct str *rest, char sep, struct str *out)
{
  if (rest->s == NULL)
    return 0;
  const char *e = memchr(rest->s, sep, rest->n);
  size_t n = e ? (size_t)(e - rest->s) : rest->n;
  *out = trim(rest->s, n);
  if (e) {
    rest->n -= n + 1;
    rest->s = e + 1;
  } else {
    rest->s = NULL;
    rest->n = 0;
  }
  return 1;
}

static const char *dup(struct dyad_dict *d, struct str s)
{
  return dyad__arena_strndup(&d->arena, s.s, s.n);
}

/* An actor or agent code: letters, digits and '-', 1..DYAD_CODE_MAX-1. */
static int actor_code_ok(struct str c)
{
  if (c.n == 0 || c.n >= DYAD_CODE_MAX)
    return 0;
  for (size_t k = 0; k < c.n; k++) {
    char ch = c.s[k];
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-'))
      return 0;
  }
  return 1;
}

/* An event code: 2..4 digits, or "---". */
static int event_code_ok(const char *c)
{
  size_t n = strlen(c);
  if (n == 0)
    return 1; /* the empty half of ":B" */
  if (strcmp(c, "---") == 0)
    return 1;
  if (n < 2 || n > 4)
    return 0;
  for (size_t k = 0; k < n; k++)
    if (c[k] < '0' || c[k] > '9')
      return 0;
  return 1;
}

/* Splits "key=value"; 0 on success. */
static int keyval(struct str a, struct str *k, struct str *v)
{
  const char *e = memchr(a.s, '=', a.n);
  if (!e)
    return -1;
  *k = trim(a.s, (size_t)(e - a.s));
  *v = trim(e + 1, a.n - (size_t)(e - a.s) - 1);
  return k->n ? 0 : -1;
}

/* ==== phrase insertion with duplicate reports ========================== */

typedef int (*same_fn)(const struct dyad_dict *d, int32_t a, int32_t b);

static const char *entry_rule(const struct dyad_dict *d, int kind, int32_t e)
{
  if (kind == DYAD_DK_ACTOR)
    return d->actors.v[e].rule;
  if (kind == DYAD_DK_AGENT)
    return d->agents.v[e].rule;
  if (kind == DYAD_DK_NOUN)
    return d->nouns.v[e].rule;
  if (kind >= DYAD_DK_CUE)
    return d->cues.v[e];
  return d->discards.v[e];
}

/* Inserts every phrase of lhs ('|'-separated) for entry; reports repeats.
 * Returns DYAD_OK, DYAD_EDICT (strict) or DYAD_ENOMEM. */
static dyad_status insert_phrases(struct dyad_dict_file *f, int kind,
                                  struct str lhs, int32_t entry, int petr,
                                  int variants, same_fn same)
{
  struct str rest = lhs, ph;
  dyad_status st = DYAD_OK;
  while (st == DYAD_OK && piece(&rest, '|', &ph)) {
    uint32_t ids[MAXW];
    if (ph.n == 0)
      return dyad__dict_problem(f, 0, "empty phrase");
    uint32_t caps;
    int n = dyad__dict_phrase(f->ctx, ph.s, ph.n, petr, ids, MAXW, &caps);
    if (n < 0)
      return dyad__dict_problem(f, 0, "phrase too long: '%.*s'", (int)ph.n,
                                ph.s);
    if (n == 0)
      continue;
    int32_t prev = dyad__trie_insert(f->d, &f->ctx->alloc, f->ctx, kind, ids,
                                     (size_t)n, entry, variants, caps);
    if (prev == -2)
      return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
    if (prev < 0 || prev == entry)
      continue;
    const char *r = entry_rule(f->d, kind, prev);
    size_t rl = strlen(f->rname);
    if (f->user && !(strncmp(r, f->rname, rl) == 0 && r[rl] == ':'))
      continue; /* a user file overriding earlier data: intended */
    if (same && same(f->d, prev, entry))
      st = dyad__dict_problem(f, 1, "duplicate entry for '%.*s' (as %s)",
                              (int)ph.n, ph.s, r);
    else
      st = dyad__dict_problem(f, 0, "conflicting codes for '%.*s' (also %s)",
                              (int)ph.n, ph.s, r);
  }
  return st;
}

static int same_actor(const struct dyad_dict *d, int32_t a, int32_t b)
{
  const struct dyad_actor *x = &d->actors.v[a], *y = &d->actors.v[b];
  if (x->ncode != y->ncode)
    return 0;
  for (uint32_t k = 0; k < x->ncode; k++) {
    const struct dyad_actor_code *p = &d->acodes.v[x->code0 + k];
    const struct dyad_actor_code *q = &d->acodes.v[y->code0 + k];
    if (strcmp(p->code, q->code) || p->from != q->from || p->to != q->to ||
        p->dated != q->dated)
      return 0;
  }
  return 1;
}

static int same_agent(const struct dyad_dict *d, int32_t a, int32_t b)
{
  return strcmp(d->agents.v[a].code, d->agents.v[b].code) == 0 &&
         d->agents.v[a].prefix == d->agents.v[b].prefix;
}

static int same_noun(const struct dyad_dict *d, int32_t a, int32_t b)
{
  return strcmp(d->nouns.v[a].code, d->nouns.v[b].code) == 0 &&
         strcmp(d->nouns.v[a].mirror, d->nouns.v[b].mirror) == 0;
}

static int same_any(const struct dyad_dict *d, int32_t a, int32_t b)
{
  (void)d, (void)a, (void)b;
  return 1;
}

/* ==== actors =========================================================== */

/* "CODE" or "CODE@FROM..TO"; appends to dict->acodes. */
static dyad_status actor_code(struct dyad_dict_file *f, struct str c)
{
  struct dyad_actor_code ac;
  memset(&ac, 0, sizeof(ac));
  const char *at = memchr(c.s, '@', c.n);
  struct str code = trim(c.s, at ? (size_t)(at - c.s) : c.n);
  if (!actor_code_ok(code))
    return dyad__dict_problem(f, 0, "bad actor code '%.*s'", (int)code.n,
                              code.s);
  if (at) {
    struct str r = trim(at + 1, c.n - (size_t)(at - c.s) - 1);
    const char *dots = NULL;
    for (size_t k = 0; k + 1 < r.n; k++)
      if (r.s[k] == '.' && r.s[k + 1] == '.') {
        dots = r.s + k;
        break;
      }
    if (!dots)
      return dyad__dict_problem(f, 0, "bad date range '%.*s' (FROM..TO)",
                                (int)r.n, r.s);
    struct str a = trim(r.s, (size_t)(dots - r.s));
    struct str b = trim(dots + 2, r.n - (size_t)(dots - r.s) - 2);
    if ((a.n && dyad__dict_date(a.s, a.n, 0, &ac.from)) ||
        (b.n && dyad__dict_date(b.s, b.n, 0, &ac.to)))
      return dyad__dict_problem(f, 0, "bad date in '%.*s' (YYYY-MM-DD)",
                                (int)r.n, r.s);
    if (!a.n && !b.n)
      return dyad__dict_problem(f, 0, "empty date range '%.*s'", (int)r.n,
                                r.s);
    if (ac.from && ac.to && ac.from > ac.to)
      return dyad__dict_problem(f, 0, "date range ends before it starts: "
                                      "'%.*s'", (int)r.n, r.s);
    ac.dated = 1;
  }
  ac.code = dup(f->d, code);
  struct dyad_actor_code *p = dyad_vec_push(&f->ctx->alloc, f->d->acodes);
  if (!p || !ac.code)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  *p = ac;
  return DYAD_OK;
}

static int parse_type(struct str v)
{
  for (int k = 1; k < DYAD_AT_COUNT; k++)
    if (eq(v, type_names[k]))
      return k;
  return -1;
}

static dyad_status actor_line(struct dyad_dict_file *f, struct str lhs,
                              struct str rhs)
{
  struct dyad_dict *d = f->d;
  struct dyad_actor a;
  memset(&a, 0, sizeof(a));
  a.country = a.roles = "";
  size_t code0 = d->acodes.n;
  struct str rest = rhs, part, c;
  piece(&rest, ';', &part);
  struct str codes = part;
  dyad_status st = DYAD_OK;
  size_t nproblems = d->problems.n;
  /* `= -`: the phrase names no actor ("Uruguay Round" is trade talks, not
   * Uruguay); it matches, so it hides the shorter names inside it, but it
   * never gives a code */
  int none = codes.n == 1 && codes.s[0] == '-';
  while (st == DYAD_OK && !none && piece(&codes, ',', &c)) {
    if (c.n == 0)
      st = dyad__dict_problem(f, 0, "empty code");
    else
      st = actor_code(f, c);
  }
  while (st == DYAD_OK && d->problems.n == nproblems && piece(&rest, ';', &part)) {
    struct str k, v;
    if (part.n == 0)
      continue;
    if (keyval(part, &k, &v)) {
      st = dyad__dict_problem(f, 0, "expected key=value, got '%.*s'",
                              (int)part.n, part.s);
    } else if (eq(k, "type")) {
      int t = parse_type(v);
      if (t < 0)
        st = dyad__dict_problem(f, 0, "unknown actor type '%.*s'", (int)v.n,
                                v.s);
      else
        a.type = (uint8_t)t;
    } else if (eq(k, "role")) {
      a.roles = dup(d, v);
    } else if (eq(k, "sex")) {
      if (eq(v, "m") || eq(v, "f"))
        a.sex = v.s[0];
      else
        st = dyad__dict_problem(f, 0, "sex must be m or f");
    } else if (eq(k, "country")) {
      if (!actor_code_ok(v))
        st = dyad__dict_problem(f, 0, "bad country code '%.*s'", (int)v.n,
                                v.s);
      a.country = dup(d, v);
    } else {
      st = dyad__dict_problem(f, 0, "unknown actor attribute '%.*s'",
                              (int)k.n, k.s);
    }
  }
  if (st != DYAD_OK || d->problems.n != nproblems) {
    d->acodes.n = code0; /* the line is skipped */
    d->counts.skipped++;
    return st;
  }
  if (d->acodes.n == code0 && !none) {
    d->counts.skipped++;
    return dyad__dict_problem(f, 0, "actor without a code");
  }
  a.code0 = (uint32_t)code0;
  a.ncode = (uint32_t)(d->acodes.n - code0);
  a.rule = dyad__dict_rule(f);
  struct str first;
  struct str lr = lhs;
  piece(&lr, '|', &first);
  a.phrase = dup(d, first);
  struct dyad_actor *p = dyad_vec_push(&f->ctx->alloc, d->actors);
  if (!p || !a.rule || !a.phrase || !a.roles || !a.country)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  *p = a;
  d->counts.actor_records++;
  d->counts.actor_codes += a.ncode;
  return insert_phrases(f, DYAD_DK_ACTOR, lhs, (int32_t)(d->actors.n - 1), 0,
                        a.type != DYAD_AT_PERSON, same_actor);
}

/* ==== agents =========================================================== */

static dyad_status agent_line(struct dyad_dict_file *f, struct str lhs,
                              struct str rhs)
{
  struct dyad_dict *d = f->d;
  struct dyad_agent ag;
  memset(&ag, 0, sizeof(ag));
  struct str rest = rhs, part;
  piece(&rest, ';', &part);
  if (!actor_code_ok(part)) {
    d->counts.skipped++;
    return dyad__dict_problem(f, 0, "bad agent code '%.*s'", (int)part.n,
                              part.s);
  }
  ag.code = dup(d, part);
  while (piece(&rest, ';', &part)) {
    struct str k, v;
    if (part.n == 0)
      continue;
    if (keyval(part, &k, &v)) {
      d->counts.skipped++;
      return dyad__dict_problem(f, 0, "expected key=value, got '%.*s'",
                                (int)part.n, part.s);
    }
    if (eq(k, "title") && (eq(v, "1") || eq(v, "0"))) {
      ag.title = (uint8_t)(v.s[0] == '1');
    } else if (eq(k, "pos") && (eq(v, "prefix") || eq(v, "suffix"))) {
      ag.prefix = (uint8_t)(v.s[0] == 'p');
    } else {
      d->counts.skipped++;
      return dyad__dict_problem(f, 0, "unknown agent attribute '%.*s'",
                                (int)part.n, part.s);
    }
  }
  ag.rule = dyad__dict_rule(f);
  struct str first, lr = lhs;
  piece(&lr, '|', &first);
  ag.phrase = dup(d, first);
  struct dyad_agent *p = dyad_vec_push(&f->ctx->alloc, d->agents);
  if (!p || !ag.rule || !ag.phrase || !ag.code)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  *p = ag;
  d->counts.agents++;
  return insert_phrases(f, DYAD_DK_AGENT, lhs, (int32_t)(d->agents.n - 1), 0,
                        1, same_agent);
}

/* Takes the event code ("051", "042:043", ":043") off the front of a line's
 * right-hand side (up to the first ';'), into code and mirror. OUT: *part,
 * the code's text (for messages). Returns 1 when it is a valid code. */
static int event_rhs(struct str *rest, char code[8], char mirror[8],
                     struct str *part)
{
  piece(rest, ';', part);
  return !dyad__dict_event_code(part->s, part->n, code, mirror) &&
         event_code_ok(code) && event_code_ok(mirror) &&
         (code[0] || mirror[0]);
}

/* ==== nouns ============================================================ */

static dyad_status noun_line(struct dyad_dict_file *f, struct str lhs,
                             struct str rhs)
{
  struct dyad_dict *d = f->d;
  struct dyad_noun nn;
  memset(&nn, 0, sizeof(nn));
  struct str rest = rhs, part;
  if (!event_rhs(&rest, nn.code, nn.mirror, &part)) {
    d->counts.skipped++;
    return dyad__dict_problem(f, 0, "bad event code '%.*s'", (int)part.n,
                              part.s);
  }
  while (piece(&rest, ';', &part)) {
    struct str k, v;
    if (part.n == 0)
      continue;
    if (keyval(part, &k, &v)) {
      d->counts.skipped++;
      return dyad__dict_problem(f, 0, "expected key=value, got '%.*s'",
                                (int)part.n, part.s);
    }
    if (eq(k, "prep")) {
      struct str pr = v, w;
      while (piece(&pr, ',', &w)) {
        if (!w.n)
          continue;
        if (nn.nprep >= DYAD_NOUN_PREPS) {
          d->counts.skipped++;
          return dyad__dict_problem(f, 0, "more than %d prepositions",
                                    DYAD_NOUN_PREPS);
        }
        uint32_t id = dyad__dict_word(f->ctx, w.s, w.n);
        if (!id)
          return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
        nn.preps[nn.nprep++] = id;
      }
    } else if (eq(k, "clause") && eq(v, "obj")) {
      nn.clause_obj = 1;
    } else {
      d->counts.skipped++;
      return dyad__dict_problem(f, 0, "unknown noun attribute '%.*s'",
                                (int)part.n, part.s);
    }
  }
  nn.rule = dyad__dict_rule(f);
  struct str first, lr = lhs;
  piece(&lr, '|', &first);
  nn.phrase = dup(d, first);
  struct dyad_noun *p = dyad_vec_push(&f->ctx->alloc, d->nouns);
  if (!p || !nn.rule || !nn.phrase)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  *p = nn;
  d->counts.nouns++;
  return insert_phrases(f, DYAD_DK_NOUN, lhs, (int32_t)(d->nouns.n - 1), 0, 1,
                        same_noun);
}

/* ==== cues ============================================================= */

static dyad_status cue_line(struct dyad_dict_file *f, struct str lhs,
                            struct str rhs)
{
  int kind = -1;
  for (int k = 0; k < DYAD_CUE_COUNT; k++)
    if (eq(lhs, cue_names[k]))
      kind = k;
  if (kind < 0) {
    f->d->counts.skipped++;
    return dyad__dict_problem(f, 0, "unknown cue kind '%.*s'", (int)lhs.n,
                              lhs.s);
  }
  const char **p = dyad_vec_push(&f->ctx->alloc, f->d->cues);
  if (!p)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  *p = dyad__dict_rule(f);
  if (!*p)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  struct str rest = rhs, ph;
  while (piece(&rest, '|', &ph))
    f->d->counts.cues += ph.n > 0;
  return insert_phrases(f, DYAD_DK_CUE + kind, rhs,
                        (int32_t)(f->d->cues.n - 1), 0, 0, same_any);
}

/* ==== verbs ============================================================ */

static dyad_status verb_line(struct dyad_dict_file *f, struct str lhs,
                             struct str rhs)
{
  struct dyad_dict *d = f->d;
  struct dyad_verb_pat p;
  memset(&p, 0, sizeof(p));
  struct str rest = rhs, part;
  if (!event_rhs(&rest, p.code, p.mirror, &part)) {
    d->counts.skipped++;
    return dyad__dict_problem(f, 0, "bad event code '%.*s'", (int)part.n,
                              part.s);
  }
  while (piece(&rest, ';', &part)) {
    struct str k, v;
    if (part.n == 0)
      continue;
    if (keyval(part, &k, &v)) {
      d->counts.skipped++;
      return dyad__dict_problem(f, 0, "expected key=value, got '%.*s'",
                                (int)part.n, part.s);
    }
    char mir[8];
    if (eq(k, "passive") &&
        dyad__dict_event_code(v.s, v.n, p.passive, mir) == 0 &&
        event_code_ok(p.passive) && !mir[0]) {
      continue;
    } else if (eq(k, "speech") && (eq(v, "1") || eq(v, "0"))) {
      p.speech = (uint8_t)(v.s[0] == '1');
    } else {
      d->counts.skipped++;
      return dyad__dict_problem(f, 0, "bad verb attribute '%.*s'",
                                (int)part.n, part.s);
    }
  }
  /* the verb, then items */
  struct dyad_verb_item pre[MAXW], post[MAXW];
  size_t npre = 0, npost = 0;
  uint32_t lemma = 0;
  int before = 0;
  size_t k = 0;
  while (k < lhs.n) {
    while (k < lhs.n && (lhs.s[k] == ' ' || lhs.s[k] == '\t'))
      k++;
    size_t b = k;
    while (k < lhs.n && lhs.s[k] != ' ' && lhs.s[k] != '\t')
      k++;
    if (k == b)
      break;
    struct str w = {lhs.s + b, k - b};
    struct dyad_verb_item it;
    memset(&it, 0, sizeof(it));
    if (!lemma) {
      if (eq(w, "*") || eq(w, "<") || eq(w, ">")) {
        d->counts.skipped++;
        return dyad__dict_problem(f, 0, "a pattern must start with the verb");
      }
      lemma = dyad__dict_word(f->ctx, w.s, w.n);
      if (!lemma)
        return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
      continue;
    }
    if (eq(w, "<")) {
      before = 1;
      continue;
    }
    if (eq(w, ">")) {
      before = 0;
      continue;
    }
    if (eq(w, "*")) {
      it.kind = DYAD_VI_TARGET;
    } else {
      it.kind = DYAD_VI_WORD;
      it.id = dyad__dict_word(f->ctx, w.s, w.n);
      if (!it.id)
        return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
      it.lemma = dyad__dict_singular(f->ctx, it.id, 1);
    }
    if ((before ? npre : npost) >= MAXW) {
      d->counts.skipped++;
      return dyad__dict_problem(f, 0, "pattern too long");
    }
    if (before)
      pre[npre++] = it;
    else
      post[npost++] = it;
  }
  if (!lemma) {
    d->counts.skipped++;
    return dyad__dict_problem(f, 0, "pattern without a verb");
  }
  struct dyad_verb_item *items =
      dyad__arena_alloc(&d->arena, (npre + npost + 1) * sizeof(*items));
  p.rule = dyad__dict_rule(f);
  if (!items || !p.rule)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  memcpy(items, pre, npre * sizeof(*items));
  memcpy(items + npre, post, npost * sizeof(*items));
  p.items = items;
  p.nitems = (uint16_t)(npre + npost);
  p.npre = (uint16_t)npre;
  p.user = f->user;
  int32_t pi = dyad__dict_add_pat(d, &f->ctx->alloc, &p);
  if (pi < 0 || dyad__dict_link(d, &f->ctx->alloc, lemma, (uint32_t)pi))
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  d->counts.patterns++;
  return DYAD_OK;
}

/* ==== the file ========================================================= */

static int section(struct str s)
{
  static const char *const names[] = {"[actors]", "[agents]", "[verbs]",
                                      "[nouns]", "[cues]"};
  for (int k = 0; k < 5; k++)
    if (eq(s, names[k]))
      return k;
  return -1;
}

dyad_status dyad__load_native(struct dyad_dict_file *f, char *buf, size_t len)
{
  size_t pos = 0, n;
  char *line;
  dyad_status st = DYAD_OK;
  f->line = 0;
  while (st == DYAD_OK && (line = dyad__dict_next_line(buf, len, &pos, &n))) {
    f->line++;
    char *hash = memchr(line, '#', n);
    struct str s = trim(line, hash ? (size_t)(hash - line) : n);
    if (s.n == 0)
      continue;
    if (s.s[0] == '[') {
      int k = section(s);
      if (k < 0)
        st = dyad__dict_problem(f, 0, "unknown section '%.*s'", (int)s.n,
                                s.s);
      else
        f->kind = k;
      continue;
    }
    f->d->counts.lines++;
    if (f->kind < 0) {
      f->d->counts.skipped++;
      st = dyad__dict_problem(f, 0,
                              "unknown dictionary kind: start the file with "
                              "[actors], [agents], [verbs], [nouns] or [cues]");
      continue;
    }
    const char *e = memchr(s.s, '=', s.n);
    if (!e) {
      f->d->counts.skipped++;
      st = dyad__dict_problem(f, 0, "expected 'PHRASE = CODE'");
      continue;
    }
    struct str lhs = trim(s.s, (size_t)(e - s.s));
    struct str rhs = trim(e + 1, s.n - (size_t)(e - s.s) - 1);
    if (lhs.n == 0 || rhs.n == 0) {
      f->d->counts.skipped++;
      st = dyad__dict_problem(f, 0, lhs.n ? "missing code after '='"
                                          : "missing phrase before '='");
      continue;
    }
    switch (f->kind) {
    case NK_ACTOR: st = actor_line(f, lhs, rhs); break;
    case NK_AGENT: st = agent_line(f, lhs, rhs); break;
    case NK_VERB: st = verb_line(f, lhs, rhs); break;
    case NK_NOUN: st = noun_line(f, lhs, rhs); break;
    default: st = cue_line(f, lhs, rhs); break;
    }
  }
  return st;
}
