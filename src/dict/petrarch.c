/*
 * petrarch.c: loaders for the PETRARCH2 and PETRARCH-1/TABARI dictionary
 * formats (verbs with synsets and patterns, actors with dated codes,
 * agents, discards), mapped into the same tables as the native format so
 * the coder uses them the same way. The formats are described in
 * ../shared/peers/petrarch2/FORMATS.md; no line of those files is in the
 * project.
 *
 * Mapping of a verb pattern `- pre * post [CODE]`: every word, {noun
 * phrase} word and (PREP ...) word becomes a WORD item in text order,
 * `&NAME` a SET item, `+` the TARGET slot, `$` the SOURCE slot, `^` ANY,
 * `%` BOTH; items before `*` are the pattern's pre-verb part. A `_` alone
 * between two pattern tokens (`IN_*`, `NEW_&TIETYPES_RELATIONS`) marks
 * them adjacent (DYAD_VIF_GLUE_L/R); pattern words are flagged
 * DYAD_VIF_PETR (in literal mode they match the written form only). Set
 * names compare without the trailing `_` that only means "no plurals".
 * Every verb line of a block gets the block's patterns plus a bare
 * pattern with the block code (or the line's own code); a multi-word verb
 * line (`+CALL_OFF`) is keyed on its `+` word and its other words are
 * added to each of its patterns. Irregular forms `{...}` are counted, not
 * needed: the coder looks verbs up by written form, then by lemma; a line
 * written inflected (SAYS, SHOT) is also linked under its lemma when the
 * lemma has no line of its own. Transformations (`~`) are counted.
 * Actor codes may name several actors at once (`[FRO/BIL/SAM]`); the
 * coder splits them.
 *
 * Differences from PETRARCH2, on purpose: a line starting with `<!` is a
 * comment, never the end of pattern reading; an actor's dated codes win
 * over its undated default (match.c); dates are inclusive ranges with
 * `<D` meaning before D and `>D` from D on.
 */
#include "dict.h"
#include "../text/lexicon.h"

#include <stdlib.h>

#define MAXW 32
#define MAXI 64

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

/* Removes <!-- ... --> comments (which may span lines: *incomment keeps
 * the state) and cuts the line at '#'. Works in place on a NUL-terminated
 * line; returns the trimmed rest. */
static struct str clean(char *line, size_t n, int *incomment)
{
  char *w = line;
  size_t k = 0;
  while (k < n) {
    if (*incomment) {
      if (k + 2 < n + 0 && memcmp(line + k, "-->", 3) == 0) {
        *incomment = 0;
        k += 3;
      } else {
        k++;
      }
      continue;
    }
    if (k + 3 < n + 0 && memcmp(line + k, "<!--", 4) == 0) {
      *incomment = 1;
      k += 4;
      continue;
    }
    if (line[k] == '<' && k + 1 < n && line[k + 1] == '!') {
      /* "<! ... >" on one line */
      const char *gt = memchr(line + k, '>', n - k);
      k = gt ? (size_t)(gt - line) + 1 : n;
      continue;
    }
    if (line[k] == '#')
      break;
    *w++ = line[k++];
  }
  return trim(line, (size_t)(w - line));
}

static void upcase(char *s, size_t n)
{
  for (size_t k = 0; k < n; k++)
    if (s[k] >= 'a' && s[k] <= 'z')
      s[k] = (char)(s[k] - 32);
}

/* ==== verbs ============================================================ */

struct vline {
  uint32_t lemma;
  struct dyad_verb_item pre[8], post[8];
  uint8_t npre, npost;
  char code[8], mirror[8];
  uint32_t line;
};

struct vstate {
  struct dyad_dict_file *f;
  int mode;                 /* 0 none, 1 synset, 2 block */
  int32_t set;              /* current synset */
  char bcode[8], bmirror[8];/* block code */
  DYAD_VEC(struct vline) verbs;
  DYAD_VEC(uint32_t) pats;  /* template patterns of the block */
};

/* Set names compare without case and without the trailing '_' that only
 * says "no plurals" (&PREPOSIT1_ is referred to as &PREPOSIT1). */
static int32_t find_set(struct dyad_dict *d, const char *name, size_t n)
{
  while (n && name[n - 1] == '_')
    n--;
  for (size_t k = 0; k < d->sets.n; k++) {
    const char *s = d->sets.v[k].name;
    size_t sn = strlen(s);
    while (sn && s[sn - 1] == '_')
      sn--;
    if (sn == n && strncasecmp(s, name, n) == 0)
      return (int32_t)k;
  }
  return -1;
}

/* The set named name, created empty when absent; -1: out of memory. */
static int32_t get_set(struct dyad_dict_file *f, const char *name, size_t n)
{
  int32_t k = find_set(f->d, name, n);
  if (k >= 0)
    return k;
  struct dyad_verb_set *s = dyad_vec_push(&f->ctx->alloc, f->d->sets);
  if (!s)
    return -1;
  s->name = dyad__arena_strndup(&f->d->arena, name, n);
  if (!s->name)
    return -1;
  return (int32_t)(f->d->sets.n - 1);
}

/* Adds one member word sequence to the set being defined (members of a
 * set are kept contiguous: a set is only defined by consecutive lines). */
static int add_member(struct dyad_dict_file *f, int32_t set,
                      const uint32_t *ids, size_t n, int32_t setref)
{
  struct dyad_dict *d = f->d;
  struct dyad_set_member *m = dyad_vec_push(&f->ctx->alloc, d->members);
  if (!m)
    return -1;
  m->w0 = (uint32_t)d->setwords.n;
  m->nw = (uint32_t)n;
  m->setref = setref;
  for (size_t k = 0; k < n; k++) {
    uint32_t *w = dyad_vec_push(&f->ctx->alloc, d->setwords);
    if (!w)
      return -1;
    *w = ids[k];
  }
  d->sets.v[set].nm++;
  return 0;
}

static dyad_status synset_member(struct vstate *vs, struct str s,
                                 int noplural)
{
  struct dyad_dict_file *f = vs->f;
  struct str m = trim(s.s + 1, s.n - 1);
  if (m.n == 0)
    return dyad__dict_problem(f, 0, "empty synset member");
  f->d->counts.synset_members++;
  if (m.s[0] == '&') {
    int32_t ref = get_set(f, m.s + 1, m.n - 1);
    if (ref < 0 || add_member(f, vs->set, NULL, 0, ref))
      return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
    return DYAD_OK;
  }
  uint32_t ids[MAXW];
  int n = dyad__dict_phrase(f->ctx, m.s, m.n, 1, ids, MAXW, NULL);
  if (n <= 0)
    return dyad__dict_problem(f, 0, "bad synset member '%.*s'", (int)m.n,
                              m.s);
  if (add_member(f, vs->set, ids, (size_t)n, -1))
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  if (!noplural && m.s[m.n - 1] != '_') {
    uint32_t pl = dyad__dict_plural(f->ctx, ids[n - 1]);
    if (pl && pl != ids[n - 1]) {
      ids[n - 1] = pl;
      if (add_member(f, vs->set, ids, (size_t)n, -1))
        return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
    }
  }
  return DYAD_OK;
}

/* Links the block's patterns to each of its verb lines, then empties the
 * block. */
static dyad_status close_block(struct vstate *vs)
{
  struct dyad_dict_file *f = vs->f;
  struct dyad_dict *d = f->d;
  const struct dyad_allocator *a = &f->ctx->alloc;
  for (size_t v = 0; v < vs->verbs.n; v++) {
    struct vline *vl = &vs->verbs.v[v];
    size_t nextra = vl->npre + vl->npost;
    /* the bare pattern: the verb (and its own extra words) alone */
    struct dyad_verb_pat bare;
    memset(&bare, 0, sizeof(bare));
    struct dyad_verb_item *it =
        dyad__arena_alloc(&d->arena, (nextra + 1) * sizeof(*it));
    if (!it)
      return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
    memcpy(it, vl->pre, vl->npre * sizeof(*it));
    memcpy(it + vl->npre, vl->post, vl->npost * sizeof(*it));
    bare.items = it;
    bare.nitems = (uint16_t)nextra;
    bare.npre = vl->npre;
    memcpy(bare.code, vl->code[0] || vl->mirror[0] ? vl->code : vs->bcode, 8);
    memcpy(bare.mirror,
           vl->code[0] || vl->mirror[0] ? vl->mirror : vs->bmirror, 8);
    bare.user = f->user;
    uint32_t line = f->line;
    f->line = vl->line;
    bare.rule = dyad__dict_rule(f);
    f->line = line;
    int32_t bi = bare.rule ? dyad__dict_add_pat(d, a, &bare) : -1;
    if (bi < 0 || dyad__dict_link(d, a, vl->lemma, (uint32_t)bi))
      return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
    for (size_t p = 0; p < vs->pats.n; p++) {
      uint32_t pi = vs->pats.v[p];
      if (nextra) {
        const struct dyad_verb_pat *t = &d->pats.v[pi];
        struct dyad_verb_pat c = *t;
        struct dyad_verb_item *ci = dyad__arena_alloc(
            &d->arena, (t->nitems + nextra) * sizeof(*ci));
        if (!ci)
          return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
        t = &d->pats.v[pi];
        /* pre words nearest the verb come last in the pre part */
        memcpy(ci, t->items, t->npre * sizeof(*ci));
        memcpy(ci + t->npre, vl->pre, vl->npre * sizeof(*ci));
        memcpy(ci + t->npre + vl->npre, vl->post, vl->npost * sizeof(*ci));
        memcpy(ci + t->npre + nextra, t->items + t->npre,
               (size_t)(t->nitems - t->npre) * sizeof(*ci));
        c.items = ci;
        c.nitems = (uint16_t)(t->nitems + nextra);
        c.npre = (uint16_t)(t->npre + vl->npre);
        int32_t ni = dyad__dict_add_pat(d, a, &c);
        if (ni < 0)
          return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
        pi = (uint32_t)ni;
      }
      if (dyad__dict_link(d, a, vl->lemma, pi))
        return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
    }
  }
  vs->verbs.n = 0;
  vs->pats.n = 0;
  vs->mode = 0;
  return DYAD_OK;
}

/* The code inside the last [...] of s; OUT: *body = s before it, *flag =
 * 1 when the code carried a TABARI flag ('!' or '?' after the digits),
 * which is dropped. Returns 0, -1 (malformed) or -2 (no '[' at all). */
static int bracket_code(struct str s, struct str *body, char code[8],
                        char mirror[8], int *flag)
{
  const char *lb = NULL;
  *flag = 0;
  for (size_t k = s.n; k-- > 0;)
    if (s.s[k] == '[') {
      lb = s.s + k;
      break;
    }
  if (!lb)
    return -2;
  const char *rb = memchr(lb, ']', s.n - (size_t)(lb - s.s));
  if (!rb)
    return -1;
  *body = trim(s.s, (size_t)(lb - s.s));
  size_t n = (size_t)(rb - lb - 1);
  while (n > 1 && (lb[n] == '!' || lb[n] == '?')) {
    n--;
    *flag = 1;
  }
  return dyad__dict_event_code(lb + 1, n, code, mirror);
}

static dyad_status block_line(struct vstate *vs, struct str s)
{
  struct dyad_dict_file *f = vs->f;
  dyad_status st = close_block(vs);
  if (st != DYAD_OK)
    return st;
  vs->mode = 2;
  f->d->counts.verb_blocks++;
  struct str inner = trim(s.s + 3, s.n - 3), body;
  int flag;
  if (inner.n >= 3 && memcmp(inner.s + inner.n - 3, "---", 3) == 0)
    inner = trim(inner.s, inner.n - 3);
  if (bracket_code(inner, &body, vs->bcode, vs->bmirror, &flag)) {
    memcpy(vs->bcode, "---", 4);
    vs->bmirror[0] = '\0';
    if (memchr(inner.s, '[', inner.n))
      return dyad__dict_problem(f, 0, "bad block code");
  }
  return DYAD_OK;
}

static dyad_status verb_line(struct vstate *vs, struct str s)
{
  struct dyad_dict_file *f = vs->f;
  struct vline vl;
  memset(&vl, 0, sizeof(vl));
  vl.line = f->line;
  size_t cut = s.n;
  for (size_t k = 0; k < s.n; k++)
    if (s.s[k] == '{' || s.s[k] == '[') {
      cut = k;
      break;
    }
  const char *lb = memchr(s.s, '[', s.n);
  if (lb) {
    struct str body;
    int flag;
    if (bracket_code(s, &body, vl.code, vl.mirror, &flag) ||
        !(vl.code[0] || vl.mirror[0])) {
      f->d->counts.skipped++;
      return dyad__dict_problem(f, 0, "bad verb code");
    }
  }
  struct str v = trim(s.s, cut);
  /* words split on '_' and spaces; '+' marks the verb */
  uint32_t ids[MAXW];
  int plus = -1, n = 0;
  size_t k = 0;
  while (k < v.n) {
    while (k < v.n && (v.s[k] == '_' || v.s[k] == ' '))
      k++;
    size_t b = k;
    while (k < v.n && v.s[k] != '_' && v.s[k] != ' ')
      k++;
    if (k == b)
      break;
    if (v.s[b] == '+') {
      plus = n;
      b++;
    }
    if (k == b)
      continue;
    if (n >= MAXW) {
      f->d->counts.skipped++;
      return dyad__dict_problem(f, 0, "verb phrase too long");
    }
    ids[n] = dyad__dict_word(f->ctx, v.s + b, k - b);
    if (!ids[n])
      return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
    n++;
  }
  if (n == 0) {
    f->d->counts.skipped++;
    return dyad__dict_problem(f, 0, "empty verb line");
  }
  if (plus < 0)
    plus = 0;
  if (plus > 8 || n - plus - 1 > 8) {
    f->d->counts.skipped++;
    return dyad__dict_problem(f, 0, "verb phrase too long");
  }
  vl.lemma = ids[plus];
  for (int j = 0; j < n; j++) {
    if (j == plus)
      continue;
    struct dyad_verb_item it = {ids[j], ids[j], DYAD_VI_WORD, 0};
    if (j < plus)
      vl.pre[vl.npre++] = it;
    else
      vl.post[vl.npost++] = it;
  }
  struct vline *p = dyad_vec_push(&f->ctx->alloc, vs->verbs);
  if (!p)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  *p = vl;
  f->d->counts.verb_lines++;
  return DYAD_OK;
}

static dyad_status pattern_line(struct vstate *vs, struct str s)
{
  struct dyad_dict_file *f = vs->f;
  struct dyad_dict *d = f->d;
  struct dyad_verb_pat p;
  memset(&p, 0, sizeof(p));
  struct str body;
  d->counts.patterns++;
  if (vs->mode != 2 || vs->verbs.n == 0) {
    d->counts.skipped++;
    return dyad__dict_problem(f, 0, "pattern outside a verb block");
  }
  int flagged = 0;
  int rc = bracket_code(s, &body, p.code, p.mirror, &flagged);
  if (rc == -2) { /* no [CODE] at all: the null code, as in PETRARCH */
    body = s;
    memcpy(p.code, "---", 4);
  } else if (rc || (!p.code[0] && !p.mirror[0])) {
    d->counts.skipped++;
    return dyad__dict_problem(f, 0, "pattern without a valid [CODE]");
  } else if (rc == 0 && flagged) {
    dyad_status st = dyad__dict_problem(f, 1, "code flag '!'/'?' ignored");
    if (st != DYAD_OK)
      return st;
  }
  while (body.n && body.s[0] == '-') /* past '-' (once "--", a typo) */
    body = trim(body.s + 1, body.n - 1);
  struct dyad_verb_item items[MAXI];
  size_t n = 0;
  int star = -1;
  size_t k = 0;
  /* '_' alone between two pattern tokens glues them (adjacent words);
   * prev: what the previous token was (0 none, 1 item, 2 the verb) */
  int under = 0, other = 0, prev = 0;
  while (k < body.n) {
    char c = body.s[k];
    if (c == ' ' || c == '\t' || c == '_' || c == '(' || c == ')' ||
        c == '{' || c == '}') {
      if (c == '_')
        under = 1;
      else
        other = 1;
      k++;
      continue;
    }
    int glued = prev && under && !other;
    under = other = 0;
    if (glued && prev == 1 && n > 0)
      items[n - 1].flags |= DYAD_VIF_GLUE_R;
    prev = 1;
    size_t b = k;
    if (body.s[k] == '*') /* "*SCEPTICAL": the verb marker glued on */
      k++;
    else
      while (k < body.n && !strchr(" \t_(){}*", body.s[k]))
        k++;
    struct str w = {body.s + b, k - b};
    struct dyad_verb_item it;
    memset(&it, 0, sizeof(it));
    if (w.n == 1 && w.s[0] == '*') {
      if (star < 0)
        star = (int)n;
      prev = 2;
      continue;
    }
    if (glued)
      it.flags |= DYAD_VIF_GLUE_L;
    if (n >= MAXI) {
      d->counts.skipped++;
      return dyad__dict_problem(f, 0, "pattern too long");
    }
    if (w.n == 1 && strchr("$+^%", w.s[0])) {
      it.kind = w.s[0] == '$'   ? DYAD_VI_SOURCE
                : w.s[0] == '+' ? DYAD_VI_TARGET
                : w.s[0] == '^' ? DYAD_VI_ANY
                                : DYAD_VI_BOTH;
    } else if (w.s[0] == '&' && w.n > 1) {
      int32_t si = get_set(f, w.s + 1, w.n - 1);
      if (si < 0)
        return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
      it.kind = DYAD_VI_SET;
      it.id = (uint32_t)si;
    } else {
      if (w.s[0] == '+' || w.s[0] == '$') { /* "+WORD": a slot word */
        struct dyad_verb_item slot = {0, 0, w.s[0] == '+' ? DYAD_VI_TARGET
                                                          : DYAD_VI_SOURCE, 0};
        items[n++] = slot;
        w.s++, w.n--;
        if (n >= MAXI) {
          d->counts.skipped++;
          return dyad__dict_problem(f, 0, "pattern too long");
        }
      }
      it.kind = DYAD_VI_WORD;
      it.flags |= DYAD_VIF_PETR;
      it.id = dyad__dict_word(f->ctx, w.s, w.n);
      if (!it.id)
        return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
      it.lemma = dyad__dict_singular(f->ctx, it.id, 1);
    }
    items[n++] = it;
  }
  if (star < 0) { /* TABARI: the verb comes first */
    dyad_status st =
        dyad__dict_problem(f, 1, "no verb marker '*': taken as '- * ...'");
    if (st != DYAD_OK)
      return st;
    star = 0;
  }
  struct dyad_verb_item *ci = dyad__arena_alloc(&d->arena,
                                                (n + 1) * sizeof(*ci));
  p.rule = dyad__dict_rule(f);
  if (!ci || !p.rule)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  memcpy(ci, items, n * sizeof(*ci));
  p.items = ci;
  p.nitems = (uint16_t)n;
  p.npre = (uint16_t)star;
  p.user = f->user;
  int32_t pi = dyad__dict_add_pat(d, &f->ctx->alloc, &p);
  uint32_t *slot = pi >= 0 ? dyad_vec_push(&f->ctx->alloc, vs->pats) : NULL;
  if (!slot)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  *slot = (uint32_t)pi;
  return DYAD_OK;
}

static int starts(const char *s, size_t n, const char *p)
{
  size_t m = strlen(p);
  return n >= m && memcmp(s, p, m) == 0;
}

static int cmp_u32(const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Verb lines are keyed on the word as written ("SAYS", "LEFT"), the coder
 * looks verbs up by lemma ("said" -> "say"). After a file is read, each
 * key of its links [l0, end) that is an inflected form also links its
 * patterns under its lemma, unless the lemma has verb lines of its own
 * (or an earlier form already claimed it). */
static dyad_status link_lemmas(struct dyad_dict_file *f, size_t l0)
{
  struct dyad_dict *d = f->d;
  const struct dyad_allocator *a = &f->ctx->alloc;
  size_t end = d->vlinks.n, nk = 0;
  if (end == l0)
    return DYAD_OK;
  uint32_t *keys = dyad__malloc(a, end * sizeof(*keys));
  uint32_t *claim = dyad__malloc(a, 2 * (end - l0) * sizeof(*claim));
  if (!keys || !claim) {
    dyad__free(a, keys, end * sizeof(*keys));
    dyad__free(a, claim, 2 * (end - l0) * sizeof(*claim));
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  }
  for (size_t k = 0; k < end; k++)
    keys[k] = (uint32_t)(d->vlinks.v[k] >> 32);
  qsort(keys, end, sizeof(*keys), cmp_u32);
  dyad_status st = DYAD_OK;
  uint32_t last = 0, lemma = 0;
  for (size_t k = l0; k < end && st == DYAD_OK; k++) {
    uint32_t key = (uint32_t)(d->vlinks.v[k] >> 32);
    if (key != last) { /* links of one key are consecutive */
      last = key;
      lemma = 0;
      size_t wl;
      const char *w = dyad_ctx_word(f->ctx, key, &wl);
      char buf[64];
      size_t ll = w ? dyad__lemmatize(f->ctx, w, wl, DYAD_POS_VERB, buf,
                                      sizeof(buf))
                    : 0;
      uint32_t id = ll ? dyad__dict_word(f->ctx, buf, ll) : 0;
      if (id && id != key &&
          !bsearch(&id, keys, end, sizeof(*keys), cmp_u32)) {
        lemma = id;
        for (size_t j = 0; j < nk; j++)
          if (claim[2 * j] == id && claim[2 * j + 1] != key)
            lemma = 0;
        if (lemma && nk < 2 * (end - l0)) {
          claim[2 * nk] = id;
          claim[2 * nk + 1] = key;
          nk++;
        }
      }
    }
    if (lemma && dyad__dict_link(d, a, lemma,
                                 (uint32_t)(d->vlinks.v[k] & 0xffffffffu)))
      st = dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  }
  dyad__free(a, keys, end * sizeof(*keys));
  dyad__free(a, claim, 2 * (end - l0) * sizeof(*claim));
  return st;
}

dyad_status dyad__load_petr_verbs(struct dyad_dict_file *f, char *buf,
                                  size_t len)
{
  size_t l0 = f->d->vlinks.n;
  struct vstate vs;
  memset(&vs, 0, sizeof(vs));
  vs.f = f;
  vs.set = -1;
  size_t pos = 0, n;
  char *line;
  int incomment = 0;
  dyad_status st = DYAD_OK;
  f->line = 0;
  while (st == DYAD_OK && (line = dyad__dict_next_line(buf, len, &pos, &n))) {
    f->line++;
    if (!incomment && line[0] == '#' &&
        (starts(line, n, "####### SYNONYM") ||
         starts(line, n, "####### VERB PATTERNS") ||
         starts(line, n, "######## TRANSFORMATIONS"))) {
      st = close_block(&vs);
      continue;
    }
    struct str s = clean(line, n, &incomment);
    if (s.n == 0)
      continue;
    f->d->counts.lines++;
    char c = s.s[0];
    if (c == '~') {
      f->d->counts.transforms++;
      continue;
    }
    if (starts(s.s, s.n, "---")) {
      st = block_line(&vs, s);
    } else if (c == '-') {
      st = pattern_line(&vs, s);
    } else if (c == '&') {
      st = close_block(&vs);
      if (st != DYAD_OK)
        break;
      struct str name = trim(s.s + 1, s.n - 1);
      vs.set = get_set(f, name.s, name.n);
      if (vs.set < 0) {
        st = dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
        break;
      }
      if (strlen(f->d->sets.v[vs.set].name) != name.n) {
        /* first met as a reference: keep the defining spelling, whose
         * trailing '_' means no plurals */
        const char *nm = dyad__arena_strndup(&f->d->arena, name.s, name.n);
        if (!nm) {
          st = dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
          break;
        }
        f->d->sets.v[vs.set].name = nm;
      }
      f->d->sets.v[vs.set].m0 = (uint32_t)f->d->members.n;
      f->d->sets.v[vs.set].nm = 0;
      f->d->counts.synsets++;
      vs.mode = 1;
    } else if (c == '+' && vs.mode == 1) {
      const char *nm = f->d->sets.v[vs.set].name;
      st = synset_member(&vs, s, nm[0] && nm[strlen(nm) - 1] == '_');
    } else if (vs.mode == 2) {
      if (vs.pats.n) {
        /* a verb line after patterns: PETRARCH starts a new verb group
         * with the same block code */
        char bc[8], bm[8];
        memcpy(bc, vs.bcode, 8);
        memcpy(bm, vs.bmirror, 8);
        st = close_block(&vs);
        vs.mode = 2;
        memcpy(vs.bcode, bc, 8);
        memcpy(vs.bmirror, bm, 8);
        if (st != DYAD_OK)
          break;
      }
      st = verb_line(&vs, s);
    } else {
      f->d->counts.skipped++;
      st = dyad__dict_problem(f, 0, "line outside a synset or verb block");
    }
  }
  if (st == DYAD_OK)
    st = close_block(&vs);
  if (st == DYAD_OK)
    st = link_lemmas(f, l0);
  dyad_vec_free(&f->ctx->alloc, vs.verbs);
  dyad_vec_free(&f->ctx->alloc, vs.pats);
  return st;
}

/* ==== actors =========================================================== */

struct arec {
  DYAD_VEC(struct str) phrases;
  size_t code0;   /* first code in d->acodes */
  uint32_t line;  /* of the primary phrase */
  int open;
};

/* Parses the [...] groups of s as actor codes into d->acodes. */
static dyad_status actor_codes(struct dyad_dict_file *f, struct str s)
{
  struct dyad_dict *d = f->d;
  size_t k = 0;
  while (k < s.n) {
    const char *lb = memchr(s.s + k, '[', s.n - k);
    if (!lb)
      break;
    const char *rb = memchr(lb, ']', s.n - (size_t)(lb - s.s));
    if (!rb) {
      d->counts.skipped++;
      return dyad__dict_problem(f, 0, "unclosed '['");
    }
    k = (size_t)(rb - s.s) + 1;
    char in[128];
    struct str t = trim(lb + 1, (size_t)(rb - lb - 1));
    if (t.n >= sizeof(in)) {
      d->counts.skipped++;
      return dyad__dict_problem(f, 0, "code too long");
    }
    memcpy(in, t.s, t.n);
    in[t.n] = '\0';
    size_t c = 0;
    while (c < t.n && in[c] != ' ' && in[c] != '\t' && in[c] != '<' &&
           in[c] != '>')
      c++;
    struct dyad_actor_code ac;
    memset(&ac, 0, sizeof(ac));
    upcase(in, c);
    int okc = c > 0 && c < DYAD_CODE_MAX;
    for (size_t j = 0; okc && j < c; j++)
      okc = (in[j] >= 'A' && in[j] <= 'Z') || (in[j] >= '0' && in[j] <= '9') ||
            in[j] == '-' || (in[j] == '/' && j > 0 && j + 1 < c);
    /* ("FRO/BIL/SAM": several actors at once; the coder splits it) */
    if (!okc) {
      d->counts.skipped++;
      dyad_status st = dyad__dict_problem(f, 0, "bad actor code '%s'", in);
      if (st != DYAD_OK)
        return st;
      continue;
    }
    /* the date restriction, spaces removed */
    char r[64];
    size_t rn = 0;
    for (size_t j = c; j < t.n && rn + 1 < sizeof(r); j++)
      if (in[j] != ' ' && in[j] != '\t')
        r[rn++] = in[j];
    r[rn] = '\0';
    int bad = 0;
    if (rn == 0) {
      ac.dated = 0;
    } else if (r[0] == '<' || r[0] == '>') {
      dyad_date dt;
      bad = dyad__dict_date(r + 1, rn - 1, 1, &dt);
      if (!bad && r[0] == '<')
        ac.to = dyad__date_add(dt, -1);
      else if (!bad)
        ac.from = dt;
      ac.dated = 1;
    } else {
      char *dash = strchr(r, '-');
      bad = !dash ||
            dyad__dict_date(r, (size_t)(dash - r), 1, &ac.from) ||
            dyad__dict_date(dash + 1, strlen(dash + 1), 1, &ac.to) ||
            ac.from > ac.to;
      ac.dated = 1;
    }
    if (bad) {
      d->counts.skipped++;
      dyad_status st =
          dyad__dict_problem(f, 0, "bad date restriction in '[%s]'", in);
      if (st != DYAD_OK)
        return st;
      continue;
    }
    ac.code = dyad__arena_strndup(&d->arena, in, c);
    struct dyad_actor_code *p = dyad_vec_push(&f->ctx->alloc, d->acodes);
    if (!p || !ac.code)
      return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
    *p = ac;
  }
  return DYAD_OK;
}

static int same_file(const char *rule, const char *rname)
{
  size_t n = strlen(rname);
  return strncmp(rule, rname, n) == 0 && rule[n] == ':';
}

/* Turns the open record into an actor entry and inserts its phrases. A
 * phrase already defined earlier in the same file gets a merged entry
 * (earlier codes first), as PETRARCH keeps every record of a phrase. */
static dyad_status close_record(struct dyad_dict_file *f, struct arec *r)
{
  struct dyad_dict *d = f->d;
  const struct dyad_allocator *a = &f->ctx->alloc;
  if (!r->open)
    return DYAD_OK;
  r->open = 0;
  if (d->acodes.n == r->code0) { /* no code: the null actor */
    struct dyad_actor_code *p = dyad_vec_push(a, d->acodes);
    if (!p)
      return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
    p->code = "---";
  }
  uint32_t line = f->line;
  f->line = r->line;
  struct dyad_actor act;
  memset(&act, 0, sizeof(act));
  act.code0 = (uint32_t)r->code0;
  act.ncode = (uint32_t)(d->acodes.n - r->code0);
  act.country = act.roles = "";
  act.rule = dyad__dict_rule(f);
  f->line = line;
  act.phrase = dyad__arena_strndup(&d->arena, r->phrases.v[0].s,
                                   r->phrases.v[0].n);
  struct dyad_actor *p = dyad_vec_push(a, d->actors);
  if (!p || !act.rule || !act.phrase)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  *p = act;
  int32_t entry = (int32_t)(d->actors.n - 1);
  d->counts.actor_records++;
  d->counts.actor_codes += act.ncode;
  for (size_t k = 0; k < r->phrases.n; k++) {
    uint32_t ids[MAXW];
    struct str ph = r->phrases.v[k];
    int n = dyad__dict_phrase(f->ctx, ph.s, ph.n, 1, ids, MAXW, NULL);
    if (n <= 0) {
      f->line = r->line;
      dyad_status st = dyad__dict_problem(f, 0, "bad phrase '%.*s'",
                                          (int)ph.n, ph.s);
      f->line = line;
      if (st != DYAD_OK)
        return st;
      continue;
    }
    int32_t e = entry;
    int32_t prev = dyad__trie_find(d, DYAD_DK_ACTOR, ids, (size_t)n);
    if (prev >= 0 && prev != entry &&
        same_file(d->actors.v[prev].rule, f->rname)) {
      const struct dyad_actor *old = &d->actors.v[prev];
      struct dyad_actor m = d->actors.v[entry];
      m.code0 = (uint32_t)d->acodes.n;
      m.ncode = old->ncode + d->actors.v[entry].ncode;
      m.rule = old->rule;
      if (dyad_vec_reserve(a, d->acodes, d->acodes.n + m.ncode))
        return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
      old = &d->actors.v[prev];
      for (uint32_t j = 0; j < old->ncode; j++)
        d->acodes.v[d->acodes.n++] = d->acodes.v[old->code0 + j];
      const struct dyad_actor *cur = &d->actors.v[entry];
      for (uint32_t j = 0; j < cur->ncode; j++)
        d->acodes.v[d->acodes.n++] = d->acodes.v[cur->code0 + j];
      struct dyad_actor *q = dyad_vec_push(a, d->actors);
      if (!q)
        return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
      *q = m;
      e = (int32_t)(d->actors.n - 1);
    }
    if (dyad__trie_insert(d, a, f->ctx, DYAD_DK_ACTOR, ids, (size_t)n, e, 0,
                          0) == -2)
      return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  }
  r->phrases.n = 0;
  return DYAD_OK;
}

/* Splits "PHRASE [codes...]" into the phrase and the codes part. */
static struct str phrase_part(struct str s, struct str *codes)
{
  const char *lb = memchr(s.s, '[', s.n);
  size_t n = lb ? (size_t)(lb - s.s) : s.n;
  if (codes) {
    codes->s = s.s + n;
    codes->n = s.n - n;
  }
  return trim(s.s, n);
}

dyad_status dyad__load_petr_actors(struct dyad_dict_file *f, char *buf,
                                   size_t len)
{
  struct arec r;
  memset(&r, 0, sizeof(r));
  size_t pos = 0, n;
  char *line;
  int incomment = 0;
  dyad_status st = DYAD_OK;
  f->line = 0;
  while (st == DYAD_OK && (line = dyad__dict_next_line(buf, len, &pos, &n))) {
    f->line++;
    int indented = n > 0 && (line[0] == ' ' || line[0] == '\t');
    struct str s = clean(line, n, &incomment);
    if (s.n == 0)
      continue;
    f->d->counts.lines++;
    struct str codes;
    if (s.s[0] == '[' || indented) {
      if (!r.open) {
        f->d->counts.skipped++;
        st = dyad__dict_problem(f, 0, "code line without an actor");
      } else if (s.s[0] != '[') {
        /* an indented phrase: a synonym missing its '+' */
        st = dyad__dict_problem(f, 1, "indented phrase taken as a synonym");
        struct str ph = phrase_part(s, &codes);
        struct str *p = dyad_vec_push(&f->ctx->alloc, r.phrases);
        if (!p) {
          st = dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
          break;
        }
        *p = ph;
        f->d->counts.actor_synonyms++;
        if (st == DYAD_OK)
          st = actor_codes(f, codes);
      } else {
        f->d->counts.actor_code_lines++;
        st = actor_codes(f, s);
      }
      continue;
    }
    if (s.s[0] == '+') {
      if (!r.open) {
        f->d->counts.skipped++;
        st = dyad__dict_problem(f, 0, "synonym without an actor");
        continue;
      }
      struct str ph = phrase_part(trim(s.s + 1, s.n - 1), &codes);
      struct str *p = dyad_vec_push(&f->ctx->alloc, r.phrases);
      if (!p) {
        st = dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
        break;
      }
      *p = ph;
      f->d->counts.actor_synonyms++;
      st = actor_codes(f, codes);
      continue;
    }
    st = close_record(f, &r);
    if (st != DYAD_OK)
      break;
    struct str ph = phrase_part(s, &codes);
    if (ph.n == 0) {
      f->d->counts.skipped++;
      st = dyad__dict_problem(f, 0, "codes without a phrase");
      continue;
    }
    struct str *p = dyad_vec_push(&f->ctx->alloc, r.phrases);
    if (!p) {
      st = dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
      break;
    }
    *p = ph;
    r.open = 1;
    r.line = f->line;
    r.code0 = f->d->acodes.n;
    st = actor_codes(f, codes);
  }
  if (st == DYAD_OK)
    st = close_record(f, &r);
  dyad_vec_free(&f->ctx->alloc, r.phrases);
  return st;
}

/* ==== agents =========================================================== */

struct subst {
  char name[32];        /* "PERSON" */
  char members[16][32]; /* "MAN", "MEN" ... */
  int n;
};

/* Expands the first !NAME! in phrase (recursively) and inserts each
 * result. */
static dyad_status agent_phrases(struct dyad_dict_file *f,
                                 const struct subst *subs, int nsubs,
                                 const char *ph, int32_t entry, int variants,
                                 int depth)
{
  const char *a = strchr(ph, '!');
  const char *b = a ? strchr(a + 1, '!') : NULL;
  if (a && b && depth < 4) {
    size_t nl = (size_t)(b - a - 1);
    for (int k = 0; k < nsubs; k++) {
      if (strlen(subs[k].name) != nl || strncmp(subs[k].name, a + 1, nl))
        continue;
      for (int m = 0; m < subs[k].n; m++) {
        char buf[256];
        int w = snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(a - ph), ph,
                         subs[k].members[m], b + 1);
        if (w < 0 || (size_t)w >= sizeof(buf))
          return dyad__dict_problem(f, 0, "agent phrase too long");
        dyad_status st = agent_phrases(f, subs, nsubs, buf, entry, 0,
                                       depth + 1);
        if (st != DYAD_OK)
          return st;
      }
      return DYAD_OK;
    }
    return dyad__dict_problem(f, 0, "unknown substitution set '%.*s'",
                              (int)(b - a + 1), a);
  }
  uint32_t ids[MAXW];
  int n = dyad__dict_phrase(f->ctx, ph, strlen(ph), 1, ids, MAXW, NULL);
  if (n <= 0)
    return dyad__dict_problem(f, 0, "bad agent phrase '%s'", ph);
  if (dyad__trie_insert(f->d, &f->ctx->alloc, f->ctx, DYAD_DK_AGENT, ids,
                        (size_t)n, entry, variants, 0) == -2)
    return dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  return DYAD_OK;
}

dyad_status dyad__load_petr_agents(struct dyad_dict_file *f, char *buf,
                                   size_t len)
{
  struct subst subs[32];
  int nsubs = 0;
  size_t pos = 0, n;
  char *line;
  int incomment = 0;
  dyad_status st = DYAD_OK;
  f->line = 0;
  while (st == DYAD_OK && (line = dyad__dict_next_line(buf, len, &pos, &n))) {
    f->line++;
    struct str s = clean(line, n, &incomment);
    if (s.n == 0)
      continue;
    f->d->counts.lines++;
    if (s.s[0] == '!' && memchr(s.s, '=', s.n) && !memchr(s.s, '[', s.n)) {
      const char *b = memchr(s.s + 1, '!', s.n - 1);
      const char *e = memchr(s.s, '=', s.n);
      if (!b || !e || e < b || nsubs >= 32 ||
          (size_t)(b - s.s - 1) >= sizeof(subs[0].name)) {
        f->d->counts.skipped++;
        st = dyad__dict_problem(f, 0, "bad substitution set");
        continue;
      }
      struct subst *sb = &subs[nsubs++];
      memset(sb, 0, sizeof(*sb));
      memcpy(sb->name, s.s + 1, (size_t)(b - s.s - 1));
      struct str rest = trim(e + 1, s.n - (size_t)(e - s.s) - 1);
      while (rest.n && sb->n < 16) {
        const char *c = memchr(rest.s, ',', rest.n);
        struct str m = trim(rest.s, c ? (size_t)(c - rest.s) : rest.n);
        if (m.n && m.n < sizeof(sb->members[0]))
          memcpy(sb->members[sb->n++], m.s, m.n);
        if (!c)
          break;
        rest = trim(c + 1, rest.n - (size_t)(c - rest.s) - 1);
      }
      continue;
    }
    /* PHRASE [{PLURALS}] [CODE] */
    const char *lb = NULL, *rb = NULL;
    for (size_t k = s.n; k-- > 0;)
      if (s.s[k] == '[') {
        lb = s.s + k;
        break;
      }
    if (lb)
      rb = memchr(lb, ']', s.n - (size_t)(lb - s.s));
    if (!lb || !rb) {
      f->d->counts.skipped++;
      st = dyad__dict_problem(f, 0, "agent without a [CODE]");
      continue;
    }
    struct str code = trim(lb + 1, (size_t)(rb - lb - 1));
    struct dyad_agent ag;
    memset(&ag, 0, sizeof(ag));
    char cb[DYAD_CODE_MAX];
    size_t cn = 0;
    for (size_t k = 0; k < code.n; k++) {
      char c = code.s[k];
      if (c == '~') {
        ag.prefix = (uint8_t)(k > 0);
        continue;
      }
      if (c == ' ' || c == '\t')
        continue;
      if (cn + 1 >= sizeof(cb) || !((c >= 'A' && c <= 'Z') ||
                                    (c >= 'a' && c <= 'z') ||
                                    (c >= '0' && c <= '9') || c == '-')) {
        cn = 0;
        break;
      }
      cb[cn++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    if (cn == 0) {
      f->d->counts.skipped++;
      st = dyad__dict_problem(f, 0, "bad agent code '%.*s'", (int)code.n,
                              code.s);
      continue;
    }
    struct str head = trim(s.s, (size_t)(lb - s.s));
    const char *lc = memchr(head.s, '{', head.n);
    struct str ph = trim(head.s, lc ? (size_t)(lc - head.s) : head.n);
    struct str plurals = {NULL, 0};
    if (lc) {
      const char *rc = memchr(lc, '}', head.n - (size_t)(lc - head.s));
      if (!rc) {
        f->d->counts.skipped++;
        st = dyad__dict_problem(f, 0, "unclosed '{'");
        continue;
      }
      plurals = trim(lc + 1, (size_t)(rc - lc - 1));
    }
    if (ph.n == 0 || ph.n >= 200) {
      f->d->counts.skipped++;
      st = dyad__dict_problem(f, 0, "bad agent phrase");
      continue;
    }
    ag.code = dyad__arena_strndup(&f->d->arena, cb, cn);
    ag.phrase = dyad__arena_strndup(&f->d->arena, ph.s, ph.n);
    ag.rule = dyad__dict_rule(f);
    struct dyad_agent *p = dyad_vec_push(&f->ctx->alloc, f->d->agents);
    if (!p || !ag.code || !ag.phrase || !ag.rule) {
      st = dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
      break;
    }
    *p = ag;
    f->d->counts.agents++;
    int32_t entry = (int32_t)(f->d->agents.n - 1);
    char pb[256];
    memcpy(pb, ph.s, ph.n);
    pb[ph.n] = '\0';
    st = agent_phrases(f, subs, nsubs, pb, entry, lc == NULL, 0);
    /* explicit plurals */
    size_t k = 0;
    while (st == DYAD_OK && k < plurals.n) {
      while (k < plurals.n && (plurals.s[k] == ' ' || plurals.s[k] == '\t'))
        k++;
      size_t b = k;
      while (k < plurals.n && plurals.s[k] != ' ' && plurals.s[k] != '\t')
        k++;
      if (k > b && k - b < sizeof(pb)) {
        memcpy(pb, plurals.s + b, k - b);
        pb[k - b] = '\0';
        st = agent_phrases(f, subs, nsubs, pb, entry, 0, 0);
      }
    }
  }
  return st;
}

/* ==== discards ========================================================= */

dyad_status dyad__load_petr_discards(struct dyad_dict_file *f, char *buf,
                                     size_t len)
{
  size_t pos = 0, n;
  char *line;
  int incomment = 0;
  dyad_status st = DYAD_OK;
  f->line = 0;
  while (st == DYAD_OK && (line = dyad__dict_next_line(buf, len, &pos, &n))) {
    f->line++;
    struct str s = clean(line, n, &incomment);
    if (s.n == 0)
      continue;
    f->d->counts.lines++;
    int story = s.s[0] == '+';
    if (story)
      s = trim(s.s + 1, s.n - 1);
    uint32_t ids[MAXW];
    int k = dyad__dict_phrase(f->ctx, s.s, s.n, 0, ids, MAXW, NULL);
    if (k <= 0) {
      f->d->counts.skipped++;
      st = dyad__dict_problem(f, 0, "bad discard phrase");
      continue;
    }
    const char **p = dyad_vec_push(&f->ctx->alloc, f->d->discards);
    if (!p || !(*p = dyad__dict_rule(f))) {
      st = dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
      break;
    }
    f->d->counts.discards++;
    if (dyad__trie_insert(f->d, &f->ctx->alloc, f->ctx,
                          story ? DYAD_DK_DISCARD_STORY : DYAD_DK_DISCARD, ids,
                          (size_t)k, (int32_t)(f->d->discards.n - 1), 0,
                          0) == -2)
      st = dyad__ctx_error(f->ctx, DYAD_ENOMEM, "out of memory");
  }
  return st;
}
