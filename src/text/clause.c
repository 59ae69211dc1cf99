/*
 * clause.c: the shallow parser's second half: cuts a sentence into clauses
 * and gives each its verb group, subject, objects and prepositional
 * phrases. This is what the event coder reads (docs/parser.md).
 *
 * One left-to-right walk over the sentence's top-level items (phrases with
 * up == -1, and the loose tokens between them) with a small stack of open
 * clauses. Markers open clauses before their verb: subordinators (SUB;
 * if/unless add CONDITIONAL), relative pronouns and "that" after a noun
 * (REL, antecedent = that noun), "that"/"whether"/wh-words after a verb
 * (COMP; REPORTED after a speech verb), "and"/"or" before a verb group
 * (COORD), a preposition before an -ing verb ("by attacking": PART), ";"
 * (a new MAIN), an opening quote or ":" after a speech verb (a REPORTED
 * COMP), a bracket or dash pair holding a finite verb (SUB whose sub_word
 * is the bracket; without a verb its words fill no role). Verb groups fill
 * the open clause, or open one themselves: "to" + verb (INF), a bare
 * -ing/-en verb (PART), a finite verb after a complete clause ("said Y
 * attacked Z": COMP whose subject is Y), or a speech verb after a comma
 * (", officials said": a reporting frame, which becomes the MAIN clause
 * and turns the clauses before it into REPORTED COMPs). A finite verb
 * while some clause on the stack still lacks one closes the clauses above
 * it ("The man who attacked the city was arrested").
 *
 * Roles. subj: the last NP before the verb in the clause; NPs inside PPs,
 * appositions, parentheses, asides (", worth $2 billion,") and nested
 * clauses are never seen there, and temporal NPs ("Monday", "last week")
 * fill no role unless nothing else is there ("Tuesday is ..."). "there
 * is X": X is the subject. obj/obj2: the first two NPs after the verb (not
 * after a comma); after a copula (be, become, remain, seem) the predicate
 * NP is obj2 and obj stays -1; a passive verb takes only an NP right after
 * it ("was given weapons"). A passive clause keeps its patient as subj;
 * the agent is its "by" PP. PPs: chained through dyad_phrase.next_pp from
 * clause.pp (npp of them).
 * Inheritance (flag SUBJ_INHERITED): COORD takes the subject of the
 * clause it is coordinated with (its parent); INF takes the object of a
 * verb of influence ("urged Beijing to pressure Russia": subj Beijing),
 * "for X to" takes X (not flagged), an INF modifying a noun ("the means to
 * respond") takes none, otherwise the governing clause's subject; PART
 * and non-finite SUB take their parent's subject, a reduced relative
 * ("the convoy attacked by rebels") its antecedent; REL takes its
 * antecedent when the relative pronoun is the subject, else the
 * antecedent is its obj ("the weapons that Russia sent").
 * Catenatives: the INF clause's verb group gets INTENT (plan, intend,
 * want, seek ... to), THREAT (threaten to), NEGATED (fail, refuse,
 * decline to; and a negated governor) and MODAL/FUTURE of its governor,
 * which itself is flagged INTENT/THREAT. "Russia's plans to attack": the
 * INF is governed by the noun; subj = the possessor, INTENT.
 * Flags: QUOTE when the verb is inside a quotation; REPORTED for the
 * content of a speech verb and everything under it, with speaker = the
 * speech clause's subject ("according to X" marks the sentence's top
 * clauses REPORTED with speaker X); QUESTION on the outermost clause open
 * at a "?".
 *
 * Indexes: clause.parent is a doc-wide clause index (COORD: the clause it
 * is coordinated with); dyad_phrase.clause is the index within the
 * sentence (doc index = sentence.clause + phrase.clause). Clauses are in
 * order of creation, which is textual order except that a trailing
 * reporting frame comes after the content it reports. A clause's tok/ntok
 * run from its first to its last word and may enclose nested clauses.
 */
#include "chunk.h"

enum {
  CS_COMMA = 1,          /* a comma followed the verb: no more objects */
  CS_SUBJ_AFTER = 2,     /* ", said X": the next NP is the subject */
  CS_SPEAKER_PARENT = 4, /* REPORTED by its parent's speech verb */
  CS_EXIST = 8,          /* "there is X": X is the subject */
  CS_NOINHERIT = 16      /* an infinitive modifying a noun: no subject */
};
enum { IT_NONE = 0, IT_NP, IT_VG, IT_PP, IT_LOOSE };

#define STACK_MAX 48

struct walk {
  struct dyad_chunker *cx;
  dyad_doc *doc;
  const dyad_token *t;
  uint32_t c0;     /* first clause of the sentence (doc index) */
  uint32_t s_tok, end;
  size_t p0, p1;   /* the sentence's phrases */
  int32_t stack[STACK_MAX];
  int sp;
  int prev_kind;   /* IT_* of the previous item */
  int32_t prev_ph; /* its phrase, -1 for a loose token */
  uint32_t prev_tok;
  int32_t np_before; /* last NP if only commas followed it, else -1 */
  int32_t last_np;   /* last top-level NP */
  int32_t time_np;   /* temporal NP before the verb: a fallback subject */
  int32_t pending;   /* NP after a comma-closed clause, waiting for a verb */
  int32_t ppend[8];  /* PPs after the pending NP: they go with its clause */
  int nppend;
  int32_t arg_np;    /* obj/obj2 NP followed only by PPs since */
  int32_t according; /* NP of "according to X" */
  int paren;
  uint32_t frame_from; /* first clause a reporting frame may take over */
  struct {
    uint32_t close; /* token that closes the parenthesis or dash pair */
    int sp;         /* stack depth to return to; -1: no clause inside */
    int prev_kind;  /* what came before it, restored at its end */
    int32_t prev_ph, np_before, arg_np;
  } par[4];         /* open parentheses and dash pairs */
  int npar;
  int title; /* a headline: "Russia to send troops" has a main verb */
  int oom;
};

#define CL(w, i) (&(w)->doc->clauses.v[(i)])
#define PH(w, i) (&(w)->doc->phrases.v[(i)])

static int32_t top(const struct walk *w)
{
  return w->stack[w->sp - 1];
}

static void push(struct walk *w, int32_t c)
{
  if (w->sp < STACK_MAX)
    w->stack[w->sp++] = c;
  else
    w->stack[w->sp - 1] = c;
}

/* A new clause; returns its doc index, or the top clause when there is no
 * room (more than 65535 in a sentence) or no memory (w->oom). */
static int32_t newcl(struct walk *w, uint8_t kind, int32_t parent)
{
  dyad_doc *doc = w->doc;
  if (doc->clauses.n - w->c0 >= 65535 || doc->clauses.n >= w->cx->maxcl)
    return w->sp ? top(w) : -1;
  if (dyad_vec_reserve(&doc->ctx->alloc, doc->clauses, doc->clauses.n + 1)) {
    w->oom = 1;
    return w->sp ? top(w) : -1;
  }
  dyad_clause *c = &doc->clauses.v[doc->clauses.n++];
  int32_t idx = (int32_t)(doc->clauses.n - 1);
  /* one store of the whole clause (the rest zero); ntok holds the end
   * token until finish() */
  *c = (dyad_clause){.tok = UINT32_MAX, .ntok = 0, .verb = -1, .subj = -1,
                     .obj = -1, .obj2 = -1, .parent = parent,
                     .antecedent = -1, .sub_word = UINT32_MAX, .kind = kind,
                     .speaker = -1};
  w->cx->lastpp[idx] = -1;
  w->cx->cstate[idx] = 0;
  return idx;
}

static void touch(struct walk *w, int32_t ci, uint32_t b, uint32_t e)
{
  if (ci < 0)
    return;
  dyad_clause *c = CL(w, ci);
  if (b < c->tok)
    c->tok = b;
  if (e > c->ntok)
    c->ntok = e;
}

static void set_clause(struct walk *w, int32_t ph, int32_t ci)
{
  if (ph >= 0 && ci >= 0)
    PH(w, ph)->clause = (uint16_t)(ci - (int32_t)w->c0);
}

/* Appends PP pp to the PP chain of clause ci. */
static void pp_chain(struct walk *w, int32_t ci, int32_t pp)
{
  dyad_clause *c = CL(w, ci);
  if (c->npp == 0)
    c->pp = (uint32_t)pp;
  else
    PH(w, w->cx->lastpp[ci])->next_pp = pp;
  w->cx->lastpp[ci] = pp;
  c->npp++;
  set_clause(w, pp, ci);
}

/* Gives the PPs held back after a pending NP to clause ci, and forgets
 * the pending NP. */
static inline void clear_pending(struct walk *w, int32_t ci)
{
  for (int k = 0; k < w->nppend; k++)
    pp_chain(w, ci, w->ppend[k]);
  w->nppend = 0;
  w->pending = -1;
}

/* The item at token t (phrase index from *p on): IT_* and its phrase. */
static inline int peek(const struct walk *w, uint32_t t, size_t p,
                       int32_t *ph, uint32_t *next)
{
  while (t < w->end && ((w->t[t].flags & DYAD_TOKF_DATELINE) ||
                         w->t[t].tag == DYAD_TAG_LQUOTE ||
                         w->t[t].tag == DYAD_TAG_RQUOTE))
    t++;
  if (t >= w->end)
    return IT_NONE;
  while (p < w->p1 &&
         (w->doc->phrases.v[p].up != -1 || w->doc->phrases.v[p].tok < t))
    p++;
  if (p < w->p1 && w->doc->phrases.v[p].tok == t) {
    const dyad_phrase *x = &w->doc->phrases.v[p];
    *ph = (int32_t)p;
    *next = x->tok + x->ntok;
    return x->kind == DYAD_PH_NP ? IT_NP
           : x->kind == DYAD_PH_VG ? IT_VG
                                   : IT_PP;
  }
  *ph = -1;
  *next = t + 1;
  return IT_LOOSE;
}

static int vg_finite(const struct walk *w, int32_t ph)
{
  const dyad_phrase *v = PH(w, ph);
  return v->tense != DYAD_TENSE_NONE ||
         (v->flags & (DYAD_PHF_MODAL | DYAD_PHF_FUTURE));
}

static void unassign(dyad_clause *c, int32_t np)
{
  if (c->obj2 == np)
    c->obj2 = -1;
  if (c->obj == np) {
    c->obj = c->obj2;
    c->obj2 = -1;
  }
}

/* A time expression ("Monday", "last week", "the following year"): its
 * head is a time word, and so is every other noun in it; no "a". */
static inline int temporal(const struct walk *w, int32_t np)
{
  const dyad_phrase *x = PH(w, np);
  if ((x->flags & (DYAD_PHF_PRONOUN | DYAD_PHF_COORD)) ||
      !(w->cx->tc[x->head] & WB(W_TIME)) || x->poss >= 0)
    return 0;
  for (uint32_t k = x->tok; k < x->head; k++) {
    int tg = w->t[k].tag;
    if ((tag_noun(tg) && !(w->cx->tc[k] & WB(W_TIME))) ||
        (tg == DYAD_TAG_DT && (int32_t)k == x->det &&
         !(w->cx->tc[k] & (WB(W_DEF) | WB(W_QUANT)))))
      return 0;
  }
  return 1;
}

/* Opens a clause introduced by marker token t. */
static int32_t open_marker(struct walk *w, uint8_t kind, uint32_t t,
                           uint32_t flags)
{
  int32_t par = top(w);
  int32_t c = newcl(w, kind, par);
  if (c == par)
    return c;
  clear_pending(w, par);
  CL(w, c)->sub_word = t;
  CL(w, c)->flags |= flags;
  touch(w, c, t, t + 1);
  push(w, c);
  return c;
}

static int speech_verb(const struct walk *w, int32_t vg)
{
  return vg >= 0 &&
         (w->cx->tc[PH(w, vg)->head] & WB(W_SPEECH)) != 0;
}

static int say_verb(const struct walk *w, int32_t vg)
{
  return vg >= 0 && (w->cx->tc[PH(w, vg)->head] &
                     (WB(W_SPEECH) | WB(W_COGN))) != 0;
}

static int32_t open_comp(struct walk *w, uint32_t t, int sub)
{
  int32_t parent = top(w);
  int rep = speech_verb(w, CL(w, parent)->verb);
  int32_t c = newcl(w, DYAD_CL_COMP, parent);
  if (c == parent)
    return c;
  if (sub)
    CL(w, c)->sub_word = t;
  if (rep) {
    CL(w, c)->flags |= DYAD_CLF_REPORTED;
    w->cx->cstate[c] |= CS_SPEAKER_PARENT;
  }
  clear_pending(w, parent);
  touch(w, c, t, t + 1);
  push(w, c);
  return c;
}

static void open_rel(struct walk *w, uint32_t t)
{
  int32_t ante = w->np_before;
  if (ante >= 0 && temporal(w, ante) && PH(w, ante)->up >= 0) {
    const dyad_phrase *pp = PH(w, PH(w, ante)->up); /* "attacks of 21 */
    if (pp->kind == DYAD_PH_PP && pp->attach >= 0 &&  /* October that" */
        PH(w, pp->attach)->kind == DYAD_PH_NP)
      ante = pp->attach;
  }
  if (ante >= 0 && (PH(w, ante)->flags & DYAD_PHF_APPOS) &&
      PH(w, ante)->attach >= 0)
    ante = PH(w, ante)->attach;
  /* "between Japanese officials and British minister Michael Howard, who
   * left": after a comma, "who" names the last member when only it is a
   * name, the others common nouns */
  if (ante >= 0 && (PH(w, ante)->flags & DYAD_PHF_COORD) && t > 0 &&
      w->t[t - 1].tag == DYAD_TAG_COMMA && w->t[t].tag == DYAD_TAG_WP) {
    int32_t m = PH(w, ante)->child, last = -1, names = 0, n = 0;
    for (int g = 0; m >= 0 && g < 16; g++, m = PH(w, m)->conj) {
      names += (PH(w, m)->flags & DYAD_PHF_PROPER) != 0;
      n++;
      last = m;
    }
    if (last >= 0 && n >= 2 && names == 1 &&
        (PH(w, last)->flags & DYAD_PHF_PROPER))
      ante = last;
  }
  int32_t c = open_marker(w, DYAD_CL_REL, t, 0);
  if (c >= 0 && CL(w, c)->kind == DYAD_CL_REL && CL(w, c)->sub_word == t)
    CL(w, c)->antecedent = ante;
}

static void new_main(struct walk *w, uint32_t t)
{
  int32_t c = top(w);
  if (w->sp == 1 && CL(w, c)->kind == DYAD_CL_MAIN && CL(w, c)->verb < 0 &&
      CL(w, c)->subj < 0)
    return;
  int32_t old = c;
  c = newcl(w, DYAD_CL_MAIN, -1);
  if (c == old)
    return;
  clear_pending(w, old);
  w->sp = 0;
  push(w, c);
  touch(w, c, t, t + 1);
}

/* The dash closing a dash at t within a few tokens, or UINT32_MAX. */
static uint32_t dash_pair(const struct walk *w, uint32_t t)
{
  for (uint32_t k = t + 1; k < w->end && k < t + 12; k++) {
    int tg = w->t[k].tag;
    if (tg == DYAD_TAG_COLON) {
      const dyad_token *x = &w->t[k];
      char c = (size_t)x->off < w->doc->text_len ? w->doc->text[x->off] : 0;
      return c == ':' || c == ';' ? UINT32_MAX : k;
    }
    if (tg == DYAD_TAG_PERIOD)
      break;
  }
  return UINT32_MAX;
}

/* The matching closing bracket of the one at t, UINT32_MAX if none. */
static uint32_t close_of(const struct walk *w, uint32_t t, int tag)
{
  for (uint32_t k = t + 1; k < w->end && k < t + 64; k++)
    if (w->t[k].tag == tag)
      return k;
  return UINT32_MAX;
}

/* Opens a parenthesis or dash pair at t closed at close. With a finite
 * verb inside it is a clause of its own (SUB, sub_word = the bracket),
 * else its words are left out of the clause's roles. */
static void open_paren(struct walk *w, uint32_t t, size_t p, uint32_t close)
{
  if (close == UINT32_MAX || w->npar >= 4) {
    w->paren++;
    return;
  }
  w->par[w->npar].prev_kind = w->prev_kind;
  w->par[w->npar].prev_ph = w->prev_ph;
  w->par[w->npar].np_before = w->np_before;
  w->par[w->npar].arg_np = w->arg_np;
  int clause = 0;
  for (; p < w->p1 && w->doc->phrases.v[p].tok < close; p++) {
    const dyad_phrase *x = &w->doc->phrases.v[p];
    if (x->kind == DYAD_PH_VG && x->up < 0 && x->tok > t &&
        vg_finite(w, (int32_t)p)) {
      clause = 1;
      break;
    }
  }
  w->par[w->npar].close = close;
  if (clause) {
    w->par[w->npar++].sp = w->sp;
    open_marker(w, DYAD_CL_SUB, t, 0);
  } else {
    w->par[w->npar++].sp = -1;
    w->paren++;
  }
}

/* ", worth $2 billion, was signed", ", however, said": an aside that
 * opens with an adjective or adverb between two commas, the second one
 * followed by a finite verb. Returns that comma, else UINT32_MAX. */
static uint32_t comma_verb(const struct walk *w, uint32_t from);

static uint32_t aside(const struct walk *w, uint32_t t)
{
  if (t + 1 >= w->end ||
      !(tag_adj(w->t[t + 1].tag) || tag_adv(w->t[t + 1].tag)))
    return UINT32_MAX;
  return comma_verb(w, t + 2);
}

/* The first comma from token from on (within a few words, before any
 * other verb or clause boundary) that a finite verb group follows, else
 * UINT32_MAX. */
static uint32_t comma_verb(const struct walk *w, uint32_t from)
{
  for (uint32_t k = from; k < w->end && k < from + 10; k++) {
    int tg = w->t[k].tag;
    if (tg == DYAD_TAG_COMMA) {
      size_t p = w->p0, hi = w->p1; /* first phrase after the comma */
      while (p < hi) {
        size_t mid = p + (hi - p) / 2;
        if (w->doc->phrases.v[mid].tok <= k)
          p = mid + 1;
        else
          hi = mid;
      }
      if (p < w->p1 && w->doc->phrases.v[p].tok == k + 1 &&
          w->doc->phrases.v[p].kind == DYAD_PH_VG &&
          vg_finite(w, (int32_t)p))
        return k;
      return UINT32_MAX;
    }
    if (tg == DYAD_TAG_PERIOD || tg == DYAD_TAG_COLON || tg == DYAD_TAG_CC ||
        tag_verb(tg) || tg == DYAD_TAG_MD)
      break;
  }
  return UINT32_MAX;
}

static void comma(struct walk *w)
{
  while (w->sp > 1) {
    dyad_clause *c = CL(w, top(w));
    if (c->verb < 0 || !(c->kind == DYAD_CL_SUB || c->kind == DYAD_CL_REL ||
                         c->kind == DYAD_CL_PART || c->kind == DYAD_CL_INF))
      break;
    w->sp--;
  }
  if (CL(w, top(w))->verb >= 0)
    w->cx->cstate[top(w)] |= CS_COMMA;
}

/* The first byte of token tk's text (0 past the text). */
static inline char first_byte(const struct walk *w, const dyad_token *tk)
{
  return (size_t)tk->off < w->doc->text_len ? w->doc->text[tk->off] : 0;
}

static void do_loose(struct walk *w, uint32_t t, size_t p)
{
  const dyad_token *tk = &w->t[t];
  uint64_t c = w->cx->tc[t];
  int tg = tk->tag;
  int32_t cur = top(w);
  int tv = CL(w, cur)->verb >= 0;
  /* the token's first byte, and the next item (nk, its phrase nph and the
   * token after it nx), are looked up by the branches that use them */
  char ch;
  int32_t nph = -1;
  uint32_t nx = 0;
  int nk;
  touch(w, cur, t, t + 1);

  if (w->npar > 0 && w->par[w->npar - 1].close == t) {
    w->npar--; /* the closing bracket or dash: as if the aside were not */
    if (w->par[w->npar].sp >= 1 && w->par[w->npar].sp <= w->sp)
      w->sp = w->par[w->npar].sp;
    else if (w->par[w->npar].sp < 0 && w->paren > 0)
      w->paren--;
    w->prev_kind = w->par[w->npar].prev_kind;
    w->prev_ph = w->par[w->npar].prev_ph;
    w->np_before = w->par[w->npar].np_before;
    w->arg_np = w->par[w->npar].arg_np;
    return;
  } else if (tg == DYAD_TAG_LRB) {
    open_paren(w, t, p, close_of(w, t, DYAD_TAG_RRB));
  } else if (tg == DYAD_TAG_RRB) {
    if (w->paren > 0)
      w->paren--;
  } else if (tg == DYAD_TAG_COMMA) {
    uint32_t pc = aside(w, t);
    if (pc != UINT32_MAX)
      open_paren(w, t, p, pc); /* "the deal, worth $2 billion, was" */
    else
      comma(w);
  } else if (tg == DYAD_TAG_RQUOTE || (tk->flags & DYAD_TOKF_CLOSEQ)) {
    comma(w);
  } else if (tg == DYAD_TAG_LQUOTE || (tk->flags & DYAD_TOKF_OPENQ)) {
    if (tv && speech_verb(w, CL(w, cur)->verb))
      open_comp(w, t, 0);
  } else if (tg == DYAD_TAG_PERIOD) {
    ch = first_byte(w, tk);
    if (ch == '?')
      CL(w, w->stack[0])->flags |= DYAD_CLF_QUESTION;
  } else if (tg == DYAD_TAG_COLON) {
    ch = first_byte(w, tk);
    if (ch == ';')
      new_main(w, t);
    else if (ch == ':' && tv && speech_verb(w, CL(w, cur)->verb))
      open_comp(w, t, 0);
    else if (ch == ':' && tv)
      new_main(w, t);
    else if (ch != ':' && ch != ';' && dash_pair(w, t) != UINT32_MAX)
      open_paren(w, t, p, dash_pair(w, t)); /* "The world - and the UK -" */
    else
      comma(w);
  } else if (tg == DYAD_TAG_CC) {
    nk = peek(w, t + 1, p, &nph, &nx);
    if (nk == IT_VG && (PH(w, nph)->flags & DYAD_PHF_INFINITIVE)) {
      /* "to A and to B": the second is a sibling of the first */
      if (w->sp > 1 && CL(w, cur)->kind == DYAD_CL_INF)
        w->sp--;
    } else if (tv && (nk == IT_VG ||
               (nk == IT_NP && peek(w, nx, p, &nph, &nx) == IT_VG &&
                vg_finite(w, nph)))) {
      /* ", and switched ...": a comma before the conjunction coordinates
       * with the outer clause, not with a complement */
      if (nk == IT_VG && w->prev_kind == IT_LOOSE &&
          w->t[w->prev_tok].tag == DYAD_TAG_COMMA)
        while (w->sp > 1 && CL(w, top(w))->kind == DYAD_CL_COMP &&
               CL(w, w->stack[w->sp - 2])->verb >= 0)
          w->sp--;
      /* "said X was not impartial and urged Y": a copular complement
       * rarely goes on with an action; the speaker does */
      if (nk == IT_VG && w->sp > 1 && CL(w, top(w))->kind == DYAD_CL_COMP &&
          (w->cx->cstate[top(w)] & CS_SPEAKER_PARENT) &&
          CL(w, top(w))->verb >= 0 &&
          (w->cx->tc[PH(w, CL(w, top(w))->verb)->head] &
           (WB(W_BE) | WB(W_COPULA))) &&
          !(w->cx->tc[PH(w, nph)->head] & (WB(W_BE) | WB(W_COPULA))) &&
          CL(w, w->stack[w->sp - 2])->verb >= 0)
        w->sp--;
      /* "said it will not allow Iran to use the missiles and has offered
       * its warships": a tensed verb is no infinitive's sibling; it goes
       * on with the clause the infinitives hang from */
      if (nk == IT_VG && vg_finite(w, nph))
        while (w->sp > 1 && CL(w, top(w))->kind == DYAD_CL_INF &&
               CL(w, top(w))->verb >= 0 &&
               (PH(w, CL(w, top(w))->verb)->flags & DYAD_PHF_INFINITIVE))
          w->sp--;
      cur = top(w);
      int32_t k = newcl(w, DYAD_CL_COORD, cur);
      if (k != cur) {
        clear_pending(w, cur);
        CL(w, k)->sub_word = t;
        touch(w, k, t, t + 1);
        w->stack[w->sp - 1] = k;
      }
    }
  } else if (c & WB(W_THAT)) {
    int32_t v = CL(w, cur)->verb;
    int after_obj = w->prev_kind == IT_NP &&
                    (w->prev_ph == CL(w, cur)->obj ||
                     w->prev_ph == CL(w, cur)->obj2);
    /* "said in Lisbon yesterday that", "told reporters in Tokyo that":
     * the NP of a PP on the speech verb itself, not an antecedent */
    int32_t pp = w->prev_kind == IT_PP ? w->prev_ph : -1;
    int after_vpp = pp >= 0 && v >= 0 && PH(w, pp)->attach == v &&
                    !(w->cx->tc[PH(w, pp)->head] & WB(W_OF));
    if (tv && say_verb(w, v) && after_vpp)
      open_comp(w, t, 1);
    else if (tg == DYAD_TAG_WDT && w->np_before >= 0)
      open_rel(w, t);
    else if (tv && say_verb(w, v) &&
             (w->prev_kind != IT_NP || after_obj))
      open_comp(w, t, 1);
    else if (w->np_before >= 0 && tg != DYAD_TAG_IN)
      open_rel(w, t);
    else if (w->np_before >= 0 || tv)
      open_comp(w, t, 1); /* "the view that ...": a noun's complement */
  } else if (tg == DYAD_TAG_WDT || tg == DYAD_TAG_WP || tg == DYAD_TAG_WPS) {
    if ((c & WB(W_REL)) && w->np_before >= 0) {
      open_rel(w, t);
    } else if ((c & WB(W_REL)) && t > w->s_tok &&
               (w->cx->tc[t - 1] & WB(W_OF)) && w->last_np >= 0 &&
               PH(w, w->last_np)->tok + PH(w, w->last_np)->ntok == t - 1) {
      /* "..., both of which colonised": the quantifier is the subject */
      int32_t q = w->last_np;
      for (int j = 0; j < w->sp; j++)
        unassign(CL(w, w->stack[j]), q);
      if (w->pending == q)
        clear_pending(w, cur);
      int32_t k = open_marker(w, DYAD_CL_REL, t, 0);
      if (k != cur) {
        CL(w, k)->subj = q;
        set_clause(w, q, k);
      }
    } else if ((c & WB(W_REL)) && w->prev_kind == IT_LOOSE &&
               (w->t[w->prev_tok].tag == DYAD_TAG_IN ||
                w->t[w->prev_tok].tag == DYAD_TAG_TO)) {
      /* "to which Xi responded", "the city in which": a relative whose
       * antecedent is the NP before the preposition, if any */
      int32_t ante = w->last_np >= 0 &&
                             PH(w, w->last_np)->tok + PH(w, w->last_np)->ntok ==
                                 w->prev_tok
                         ? w->last_np
                         : -1;
      int32_t k = open_marker(w, DYAD_CL_REL, t, 0);
      if (k != cur) {
        CL(w, k)->antecedent = ante;
        w->cx->cstate[k] |= CS_NOINHERIT; /* the antecedent is no subject */
      }
    }
    else if (tv)
      open_comp(w, t, 1);
    else if (w->prev_kind == IT_NONE)
      CL(w, w->stack[0])->flags |= DYAD_CLF_QUESTION;
  } else if (tg == DYAD_TAG_WRB) {
    if (c & WB(W_WHEN))
      open_marker(w, DYAD_CL_SUB, t, 0);
    else if ((c & WB(W_WHERE)) && w->np_before >= 0)
      open_rel(w, t);
    else if (tv)
      open_comp(w, t, 1);
    else if (w->prev_kind == IT_NONE)
      CL(w, w->stack[0])->flags |= DYAD_CLF_QUESTION;
  } else if (c & WB(W_WHETHER)) {
    if (tv)
      open_comp(w, t, 1);
    else
      open_marker(w, DYAD_CL_SUB, t, 0);
  } else if ((c & WB(W_SUB)) && (tg == DYAD_TAG_IN || tg == DYAD_TAG_CC)) {
    if (peek(w, t + 1, p, &nph, &nx) != IT_PP)
      open_marker(w, DYAD_CL_SUB, t,
                  (c & WB(W_COND)) ? DYAD_CLF_CONDITIONAL : 0);
  } else if ((c & WB(W_SUBAMB)) && tg == DYAD_TAG_IN) {
    nk = peek(w, t + 1, p, &nph, &nx);
    int k2 = nk == IT_NP ? peek(w, nx, p, &nph, &nx) : nk;
    for (int n = 0; n < 3 && k2 == IT_PP; n++)
      k2 = peek(w, nx, p, &nph, &nx);
    if (nk == IT_VG || (nk == IT_NP && k2 == IT_VG && vg_finite(w, nph)))
      open_marker(w, DYAD_CL_SUB, t, 0);
  } else if (tg == DYAD_TAG_IN &&
             peek(w, t + 1, p, &nph, &nx) == IT_VG &&
             (PH(w, nph)->flags & DYAD_PHF_GERUND)) {
    open_marker(w, DYAD_CL_PART, t, 0);
  }
  if (tg != DYAD_TAG_COMMA && tg != DYAD_TAG_RRB)
    w->np_before = -1;
  if (tg == DYAD_TAG_EX && !tv)
    w->cx->cstate[cur] |= CS_EXIST;
  w->prev_kind = IT_LOOSE;
  w->prev_ph = -1;
  w->prev_tok = t;
}

static void do_np(struct walk *w, int32_t np)
{
  dyad_phrase *x = PH(w, np);
  w->last_np = np;
  if (w->t[x->head].tag == DYAD_TAG_WP && CL(w, top(w))->verb >= 0 &&
      x->up < 0)
    open_comp(w, x->tok, 1); /* "said what it wanted", "about what happened" */
  int32_t ci = top(w);
  dyad_clause *c = CL(w, ci);
  uint8_t *st = &w->cx->cstate[ci];
  touch(w, ci, x->tok, x->tok + x->ntok);
  set_clause(w, np, ci);
  if ((x->flags & DYAD_PHF_APPOS) || w->paren > 0)
    return;
  if (temporal(w, np)) {
    if (c->verb < 0) {
      w->time_np = np; /* "Tuesday is all about ..." */
      return;
    }
    /* "spent eighteen months", "took four minutes": an object */
    if (!(w->cx->tc[PH(w, c->verb)->head] & WB(W_TIMEOBJ)) ||
        !(w->prev_kind == IT_VG && w->prev_ph == c->verb) || c->obj >= 0)
      return;
  }
  if (c->verb < 0) {
    /* the nearest NP before the verb wins, but "the breakdown between X
     * and Y and the end of Z": an NP after "and" joins the subject */
    if (c->subj >= 0 && w->prev_kind == IT_LOOSE &&
        w->t[w->prev_tok].tag == DYAD_TAG_CC &&
        (w->cx->tc[w->prev_tok] & WB(W_ANDOR)) && c->subj < np &&
        !(PH(w, c->subj)->flags & DYAD_PHF_COORD) &&
        PH(w, c->subj)->conj < 0 && PH(w, c->subj)->up < 0)
      PH(w, c->subj)->conj = np;
    else
      c->subj = np;
  } else if ((*st & (CS_SUBJ_AFTER | CS_EXIST)) && c->subj < 0) {
    c->subj = np; /* ", said X" or "there was X" */
    *st &= (uint8_t)~(CS_SUBJ_AFTER | CS_EXIST);
  } else if (*st & CS_COMMA) {
    clear_pending(w, ci);
    w->pending = np;
  } else if (w->cx->tc[PH(w, c->verb)->head] & (WB(W_BE) | WB(W_COPULA))) {
    if (c->obj2 < 0) /* predicate nominal: "is a threat" */
      c->obj2 = np;
    w->arg_np = np;
  } else if ((PH(w, c->verb)->flags & DYAD_PHF_PASSIVE) &&
             !(w->prev_kind == IT_VG && w->prev_ph == c->verb)) {
    /* "was slated for X a few blocks away": no object */
  } else if (c->obj < 0) {
    c->obj = np;
    w->arg_np = np;
  } else if (c->obj2 < 0) {
    c->obj2 = np;
    w->arg_np = np;
  }
}

static void do_pp(struct walk *w, int32_t pp)
{
  dyad_phrase *x = PH(w, pp);
  int32_t ci = top(w);
  dyad_clause *c = CL(w, ci);
  touch(w, ci, x->tok, x->tok + x->ntok);
  set_clause(w, pp, ci);
  uint64_t pc = w->cx->tc[x->head];
  if (pc & WB(W_ACCORDING)) {
    w->according = x->child;
  }
  int after_np = (w->prev_kind == IT_NP || w->prev_kind == IT_PP) &&
                 w->np_before >= 0;
  if (w->pending >= 0 && w->nppend < 8) {
    /* ", a statement from his office said": held for the pending NP */
    w->ppend[w->nppend++] = pp;
    x->attach = after_np ? w->np_before : w->pending;
    return;
  }
  pp_chain(w, ci, pp);
  if (pc & WB(W_OF)) {
    if (w->prev_kind == IT_VG && (w->cx->tc[PH(w, w->prev_ph)->head] &
                                  WB(W_WARN)))
      PH(w, w->prev_ph)->flags |= DYAD_PHF_THREAT; /* "warned of" */
    x->attach = after_np ? w->np_before
                : w->prev_kind == IT_VG ? w->prev_ph
                                        : -1;
  } else if (c->verb >= 0) {
    x->attach = c->verb;
  } else if (after_np) {
    x->attach = w->np_before;
  } /* else: the clause's verb, once known (finish) */
}

/* ", officials said": the clause of this speech verb becomes the MAIN
 * clause and the top-level clauses before it its REPORTED complements. */
static void frame(struct walk *w, int32_t vg, int32_t subj)
{
  int32_t m = newcl(w, DYAD_CL_MAIN, -1);
  if (m == top(w))
    return;
  /* clauses before an earlier frame already have a parent */
  for (uint32_t j = w->frame_from; j < (uint32_t)m; j++) {
    dyad_clause *c = CL(w, j);
    if (c->parent != -1)
      continue;
    c->kind = DYAD_CL_COMP;
    c->parent = m;
    c->flags |= DYAD_CLF_REPORTED;
    w->cx->cstate[j] |= CS_SPEAKER_PARENT;
  }
  w->frame_from = (uint32_t)m;
  dyad_clause *c = CL(w, m);
  c->verb = vg;
  c->subj = subj;
  if (subj < 0)
    w->cx->cstate[m] |= CS_SUBJ_AFTER;
  else {
    set_clause(w, subj, m);
    touch(w, m, PH(w, subj)->tok, PH(w, subj)->tok + PH(w, subj)->ntok);
  }
  w->sp = 0;
  push(w, m);
}

/* An infinitive ("to" + verb, or a bare verb after a verb: "helped
 * build"). Its subject, in order: the possessor of an intent noun ("Russia's
 * plans to attack"); the object of a verb of influence ("urged Beijing to",
 * "called on Beijing to"); none for an infinitive modifying some other noun
 * ("technology to remove carbon"); else the governing clause's subject
 * (resolved in finish). Directly after its governor it takes the
 * governor's modality (INTENT, THREAT, NEGATED, MODAL, FUTURE). */
static void do_inf(struct walk *w, int32_t vg)
{
  dyad_phrase *v = PH(w, vg);
  int32_t ci = top(w);
  dyad_clause *c = CL(w, ci);
  int32_t subj = -1;
  int noinherit = 0;
  int32_t noun = w->prev_kind == IT_NP ? w->prev_ph
                 : w->prev_kind == IT_PP ? PH(w, w->prev_ph)->child
                                         : -1;
  uint64_t nc = noun >= 0 ? w->cx->tc[PH(w, noun)->head] : 0;
  /* "allow refugees who have lived in Iraq for years to return": after a
   * relative clause on the object of a verb of influence, an infinitive
   * not right after the relative verb (nor after one that takes an
   * infinitive itself: "who want to return") is the governor's, with the
   * object as its subject */
  if (w->sp > 1 && c->kind == DYAD_CL_REL && c->verb >= 0 &&
      c->antecedent >= 0 && w->prev_kind != IT_VG &&
      !(w->cx->tc[PH(w, c->verb)->head] &
        (WB(W_INTENT) | WB(W_OBJCTL) | WB(W_THREAT) | WB(W_NEGCAT) |
         WB(W_COMMIT)))) {
    int32_t gi = w->stack[w->sp - 2];
    const dyad_clause *g = CL(w, gi);
    if (g->verb >= 0 && (w->cx->tc[PH(w, g->verb)->head] & WB(W_OBJCTL)) &&
        (c->antecedent == g->obj || c->antecedent == g->obj2)) {
      int32_t ante = c->antecedent;
      w->sp--;
      int32_t k = newcl(w, DYAD_CL_INF, gi);
      if (k != gi) {
        CL(w, k)->verb = vg;
        CL(w, k)->subj = ante;
        CL(w, k)->flags |= DYAD_CLF_SUBJ_INHERITED;
        set_clause(w, vg, k);
        touch(w, k, v->tok, v->tok + v->ntok);
        push(w, k);
      }
      return;
    }
  }
  if (w->prev_kind == IT_PP &&
      (w->cx->tc[PH(w, w->prev_ph)->head] & WB(W_FOR)) &&
      (v->flags & DYAD_PHF_INFINITIVE) &&
      !(nc & (WB(W_NINTENT) | WB(W_NTHREAT) | WB(W_NNEG)))) {
    int32_t k = newcl(w, DYAD_CL_INF, ci); /* "for Russia to withdraw" */
    if (k != ci) {
      CL(w, k)->verb = vg;
      CL(w, k)->subj = noun;
      set_clause(w, vg, k);
      set_clause(w, noun, k);
      touch(w, k, v->tok, v->tok + v->ntok);
      push(w, k);
    }
    return;
  }
  if (nc & (WB(W_NINTENT) | WB(W_NTHREAT) | WB(W_NNEG))) {
    if (nc & WB(W_NINTENT))
      v->flags |= DYAD_PHF_INTENT;
    if (nc & WB(W_NTHREAT))
      v->flags |= DYAD_PHF_THREAT;
    if (nc & WB(W_NNEG))
      v->flags |= DYAD_PHF_NEGATED;
    subj = PH(w, noun)->poss;
    noinherit = 1;
  } else if (c->verb < 0) {
    if (w->title && c->subj >= 0 && w->prev_kind == IT_NP &&
        w->prev_ph == c->subj && c->kind == DYAD_CL_MAIN) {
      c->verb = vg; /* headline style: "Russia to send troops" */
      set_clause(w, vg, ci);
      touch(w, ci, v->tok, v->tok + v->ntok);
      return;
    }
    noinherit = noun >= 0; /* "technology to remove carbon" */
  } else {
    dyad_phrase *g = PH(w, c->verb);
    uint64_t gc = w->cx->tc[g->head];
    int is_obj = w->prev_kind == IT_NP &&
                 (w->prev_ph == c->obj || w->prev_ph == c->obj2);
    int on_pp = w->prev_kind == IT_PP &&
                (w->cx->tc[PH(w, w->prev_ph)->head] & WB(W_ON));
    if ((gc & WB(W_OBJCTL)) && (is_obj || on_pp)) {
      subj = noun; /* object control */
    } else if (w->prev_kind == IT_VG && w->prev_ph == c->verb) {
      uint32_t add = g->flags & (DYAD_PHF_NEGATED | DYAD_PHF_MODAL |
                                 DYAD_PHF_FUTURE | DYAD_PHF_INTENT |
                                 DYAD_PHF_THREAT);
      if (gc & WB(W_INTENT)) {
        add |= DYAD_PHF_INTENT;
        g->flags |= DYAD_PHF_INTENT;
      }
      if (gc & WB(W_THREAT))
        add |= DYAD_PHF_THREAT;
      if (gc & WB(W_NEGCAT))
        add ^= DYAD_PHF_NEGATED;
      v->flags |= add;
    } else if (noun >= 0 && !is_obj) {
      noinherit = 1; /* modifies a noun: "a review of plans to cut" */
    }
  }
  int32_t k = newcl(w, DYAD_CL_INF, ci);
  if (k == ci) {
    set_clause(w, vg, ci);
    return;
  }
  CL(w, k)->verb = vg;
  CL(w, k)->subj = subj;
  /* under object control the NP stays the governor's object too */
  if (subj >= 0)
    CL(w, k)->flags |= DYAD_CLF_SUBJ_INHERITED; /* object or possessor */
  if (noinherit)
    w->cx->cstate[k] |= CS_NOINHERIT;
  set_clause(w, vg, k);
  touch(w, k, v->tok, v->tok + v->ntok);
  push(w, k);
}

static void do_part(struct walk *w, int32_t vg)
{
  dyad_phrase *v = PH(w, vg);
  int32_t ci = top(w);
  dyad_clause *c = CL(w, ci);
  if (c->verb < 0 && c->kind != DYAD_CL_MAIN &&
      (c->kind != DYAD_CL_COORD || c->subj < 0)) {
    /* "after meeting", "while visiting", "and acquired" */
    c->verb = vg;
    if (c->kind == DYAD_CL_COORD && c->parent >= 0 &&
        (v->flags & DYAD_PHF_PARTICIPLE) && CL(w, c->parent)->verb >= 0) {
      /* "has gone ... and acquired", "was hit and killed": the participle
       * shares the first verb's auxiliary; after a plain past it is a
       * past tense the tagger took for a participle */
      const dyad_phrase *g = PH(w, CL(w, c->parent)->verb);
      v->flags &= ~(uint32_t)(DYAD_PHF_PARTICIPLE | DYAD_PHF_PASSIVE);
      v->flags |= g->flags & (DYAD_PHF_PERFECT | DYAD_PHF_PASSIVE |
                              DYAD_PHF_NEGATED | DYAD_PHF_MODAL |
                              DYAD_PHF_FUTURE);
      v->tense = g->tense ? g->tense : DYAD_TENSE_PAST;
    }
    set_clause(w, vg, ci);
    touch(w, ci, v->tok, v->tok + v->ntok);
    return;
  }
  int32_t ante = -1;
  if (w->prev_kind == IT_NP) {
    ante = w->prev_ph; /* reduced relative: "the convoy attacked by" */
  } else if (w->prev_kind == IT_PP && (v->flags & DYAD_PHF_PARTICIPLE) &&
             w->np_before >= 0) {
    ante = w->np_before; /* "the families of athletes killed at" */
  } else if (w->prev_kind == IT_PP && (v->flags & DYAD_PHF_GERUND) &&
             w->np_before >= 0 &&
             (w->cx->tc[PH(w, w->prev_ph)->head] & (WB(W_OF) | WB(W_WITH)))) {
    ante = w->np_before; /* "the chance of these events happening",
                            "with bonds feeling the impact" */
  } else if (w->prev_kind == IT_LOOSE && w->t[w->prev_tok].tag ==
                                             DYAD_TAG_COMMA &&
             (v->flags & DYAD_PHF_PARTICIPLE) && w->np_before >= 0) {
    ante = w->np_before; /* "Russia, backed by China," */
  }
  if (ante >= 0 && (PH(w, ante)->flags & DYAD_PHF_APPOS) &&
      PH(w, ante)->attach >= 0)
    ante = PH(w, ante)->attach;
  /* the antecedent keeps its role in the clause ("attacked the convoy
   * carrying aid": convoy stays the object) */
  int32_t k = newcl(w, DYAD_CL_PART, ci);
  if (k == ci) {
    set_clause(w, vg, ci);
    return;
  }
  CL(w, k)->verb = vg;
  CL(w, k)->antecedent = ante;
  CL(w, k)->subj = ante;
  if (ante >= 0)
    CL(w, k)->flags |= DYAD_CLF_SUBJ_INHERITED;
  set_clause(w, vg, k);
  touch(w, k, v->tok, v->tok + v->ntok);
  push(w, k);
}

static void do_finite(struct walk *w, int32_t vg)
{
  dyad_phrase *v = PH(w, vg);
  int32_t ci = top(w);
  dyad_clause *c = CL(w, ci);
  int32_t cand = w->pending >= 0 ? w->pending
                 : w->prev_kind == IT_NP ? w->prev_ph
                 : w->prev_kind == IT_PP ? w->arg_np
                                         : -1;
  if (c->verb < 0) {
    c->verb = vg;
    if (c->subj < 0 && w->pending >= 0)
      c->subj = w->pending;
    if (c->subj < 0 && w->time_np >= 0 && w->prev_kind == IT_NP &&
        w->prev_ph == w->time_np)
      c->subj = w->time_np;
    set_clause(w, vg, ci);
    touch(w, ci, v->tok, v->tok + v->ntok);
    clear_pending(w, ci);
    return;
  }
  /* close clauses above one that still lacks its verb */
  for (int k = w->sp - 2; k >= 0; k--) {
    dyad_clause *o = CL(w, w->stack[k]);
    if (o->verb >= 0)
      continue;
    if (o->subj < 0 && cand >= 0) {
      for (int j = k + 1; j < w->sp; j++)
        unassign(CL(w, w->stack[j]), cand);
      o->subj = cand;
      set_clause(w, cand, w->stack[k]);
    }
    o->verb = vg;
    w->sp = k + 1;
    set_clause(w, vg, w->stack[k]);
    touch(w, w->stack[k], v->tok, v->tok + v->ntok);
    clear_pending(w, w->stack[k]);
    return;
  }
  /* "said the date for cutting steel would help": the modifier clause
   * closes and the speech verb's object becomes the new subject */
  if (w->sp > 1 && !(w->cx->cstate[ci] & CS_COMMA) &&
      (c->kind == DYAD_CL_PART || c->kind == DYAD_CL_INF ||
       c->kind == DYAD_CL_REL) &&
      c->parent == w->stack[w->sp - 2]) {
    dyad_clause *pc = CL(w, c->parent);
    if (pc->obj >= 0 && say_verb(w, pc->verb) &&
        !(w->cx->cstate[c->parent] & CS_COMMA) &&
        (c->kind != DYAD_CL_REL || c->antecedent == pc->obj)) {
      w->sp--;
      ci = top(w);
      c = CL(w, ci);
      cand = c->obj;
      w->prev_kind = IT_NP;
      w->prev_ph = cand;
    }
  }
  int speech = speech_verb(w, vg);
  uint8_t st = w->cx->cstate[ci];
  int32_t k;
  if ((st & CS_COMMA) && speech && vg_finite(w, vg)) {
    frame(w, vg, w->pending);
    clear_pending(w, top(w));
    set_clause(w, vg, top(w));
    touch(w, top(w), v->tok, v->tok + v->ntok);
    return;
  }
  if (st & CS_COMMA) {
    k = newcl(w, DYAD_CL_COORD, ci);
    if (k != ci) {
      CL(w, k)->subj = w->pending;
      w->stack[w->sp - 1] = k;
      clear_pending(w, k);
    }
  } else if (cand >= 0 &&
             (cand == c->obj || cand == c->obj2 ||
              (w->prev_kind == IT_NP && cand == w->prev_ph &&
               !temporal(w, cand) &&
               !(PH(w, cand)->flags & DYAD_PHF_APPOS)))) {
    unassign(c, cand);
    k = open_comp(w, PH(w, cand)->tok, 0);
    if (k != ci)
      CL(w, k)->subj = cand;
  } else {
    k = open_comp(w, v->tok, 0);
  }
  if (k == ci) {
    set_clause(w, vg, ci);
    clear_pending(w, ci);
    return;
  }
  CL(w, k)->verb = vg;
  if (CL(w, k)->subj >= 0) {
    set_clause(w, CL(w, k)->subj, k);
    touch(w, k, PH(w, CL(w, k)->subj)->tok, PH(w, CL(w, k)->subj)->tok + 1);
  }
  set_clause(w, vg, k);
  touch(w, k, v->tok, v->tok + v->ntok);
  clear_pending(w, k);
}

/* Is the next item after phrase vg, past any PPs, a finite verb group? */
static int finite_follows(const struct walk *w, int32_t vg)
{
  uint32_t t = PH(w, vg)->tok + PH(w, vg)->ntok;
  size_t k = (size_t)vg + 1;
  for (int n = 0; n < 6; n++) {
    while (k < w->p1 && w->doc->phrases.v[k].up != -1)
      k++;
    if (k >= w->p1 || w->doc->phrases.v[k].tok != t)
      return 0;
    const dyad_phrase *x = &w->doc->phrases.v[k];
    if (x->kind == DYAD_PH_VG)
      return vg_finite(w, (int32_t)k);
    if (x->kind != DYAD_PH_PP)
      return 0;
    t = x->tok + x->ntok;
    k++;
  }
  return 0;
}

/* A lone past-tense verb right after a noun that is really a participle:
 * "The Treaty, signed in 1913, partitioned ...", "The money invested in
 * bonds is used ..." (VBD and VBN look alike; the finite verb that
 * follows shows which it is). */
static int participle_in_disguise(const struct walk *w, int32_t vg)
{
  const dyad_phrase *v = PH(w, vg);
  if (v->tense != DYAD_TENSE_PAST || v->head != v->tok ||
      w->t[v->head].tag != DYAD_TAG_VBD || v->child >= 0)
    return 0;
  if (w->prev_kind == IT_NP && CL(w, top(w))->verb < 0 &&
      CL(w, top(w))->kind == DYAD_CL_MAIN &&
      w->prev_ph == CL(w, top(w))->subj)
    return finite_follows(w, vg);
  if (w->prev_kind == IT_LOOSE && w->t[w->prev_tok].tag == DYAD_TAG_COMMA &&
      w->np_before >= 0 && CL(w, top(w))->verb < 0)
    return comma_verb(w, v->tok + v->ntok) != UINT32_MAX;
  return 0;
}

static void do_vg(struct walk *w, int32_t vg)
{
  dyad_phrase *v = PH(w, vg);
  int32_t ci = top(w);
  if (w->paren > 0) {
    set_clause(w, vg, ci);
    touch(w, ci, v->tok, v->tok + v->ntok);
    return;
  }
  if (participle_in_disguise(w, vg)) {
    v->flags |= DYAD_PHF_PARTICIPLE | DYAD_PHF_PASSIVE;
    v->tense = DYAD_TENSE_NONE;
  }
  int tv = CL(w, ci)->verb >= 0;
  int bare = w->t[v->head].tag == DYAD_TAG_VB && !vg_finite(w, vg) &&
             !(v->flags & DYAD_PHF_INFINITIVE) && v->head == v->tok;
  dyad_clause *c = CL(w, ci);
  if ((v->flags & DYAD_PHF_PARTICIPLE) && !tv && c->subj >= 0 &&
      w->prev_kind == IT_NP && w->prev_ph == c->subj &&
      speech_verb(w, vg)) {
    /* "Another said:" mistagged VBN: a speech verb right after the
     * subject is the clause's verb */
    v->flags &= ~(uint32_t)(DYAD_PHF_PARTICIPLE | DYAD_PHF_PASSIVE);
    v->tense = DYAD_TENSE_PAST;
    do_finite(w, vg);
  } else if ((v->flags & DYAD_PHF_INFINITIVE) || (bare && tv))
    do_inf(w, vg);
  else if (v->flags & (DYAD_PHF_GERUND | DYAD_PHF_PARTICIPLE))
    do_part(w, vg);
  else
    do_finite(w, vg);
}

/* Walks up the parents of clause j (at most 16 steps) for a subject. */
static int32_t inherited_subj(struct walk *w, int32_t j)
{
  int32_t p = CL(w, j)->parent;
  for (int k = 0; k < 16 && p >= (int32_t)w->c0; k++) {
    if (CL(w, p)->subj >= 0)
      return CL(w, p)->subj;
    p = CL(w, p)->parent;
  }
  return -1;
}

static void finish(struct walk *w)
{
  dyad_doc *doc = w->doc;
  uint32_t n = (uint32_t)doc->clauses.n;
  for (uint32_t j = w->c0; j < n; j++) {
    dyad_clause *c = CL(w, j);
    if (c->tok == UINT32_MAX) {
      c->tok = w->s_tok;
      c->ntok = 0;
    } else {
      c->ntok = c->ntok > c->tok ? c->ntok - c->tok : 0;
    }
    if (c->kind == DYAD_CL_REL && c->antecedent >= 0 &&
        !(w->cx->cstate[j] & CS_NOINHERIT)) {
      if (c->subj < 0) {
        c->subj = c->antecedent;
        c->flags |= DYAD_CLF_SUBJ_INHERITED;
      } else if (c->obj < 0 && c->verb >= 0 && c->subj != c->antecedent &&
                 !(PH(w, c->verb)->flags & DYAD_PHF_PASSIVE) &&
                 c->sub_word != UINT32_MAX &&
                 w->t[c->sub_word].tag != DYAD_TAG_WPS &&
                 (w->cx->tc[c->sub_word] & (WB(W_REL) | WB(W_THAT)))) {
        /* "the weapons that Russia sent"; "the messages that he tried to
         * send": the gap is in the infinitive */
        dyad_clause *gap = c;
        for (uint32_t k = j + 1; k < n && k < j + 8; k++) {
          dyad_clause *q = CL(w, k);
          if (q->parent == (int32_t)j && q->kind == DYAD_CL_INF &&
              q->obj < 0 && q->verb >= 0 &&
              !(PH(w, q->verb)->flags & DYAD_PHF_PASSIVE)) {
            gap = q;
            break;
          }
        }
        gap->obj = c->antecedent;
      }
    }
    /* "built and renovated five markets": the first verb shares the
     * object (in this loop: the parent of a COORD comes before it, and
     * the REL test above sets objects of its clause or later ones only) */
    if (c->kind != DYAD_CL_COORD || c->parent < 0 || c->obj < 0 ||
        c->sub_word == UINT32_MAX)
      continue;
    dyad_clause *p = CL(w, c->parent);
    if (p->obj < 0 && p->obj2 < 0 && p->verb >= 0 && p->npp == 0 &&
        PH(w, p->verb)->tok + PH(w, p->verb)->ntok == c->sub_word)
      p->obj = c->obj;
  }
  for (uint32_t j = w->c0; j < n; j++) {
    dyad_clause *c = CL(w, j);
    if (c->subj >= 0)
      continue;
    int inherit = c->kind == DYAD_CL_COORD || c->kind == DYAD_CL_INF ||
                  c->kind == DYAD_CL_PART;
    if (c->kind == DYAD_CL_SUB && c->verb >= 0 && !vg_finite(w, c->verb))
      inherit = 1;
    if (!inherit || (w->cx->cstate[j] & CS_NOINHERIT))
      continue;
    c->subj = inherited_subj(w, (int32_t)j);
    if (c->subj >= 0)
      c->flags |= DYAD_CLF_SUBJ_INHERITED;
  }
  /* flags: speakers, QUOTE, "according to", then to the descendants */
  for (uint32_t j = w->c0; j < n; j++) {
    dyad_clause *c = CL(w, j);
    if ((w->cx->cstate[j] & CS_SPEAKER_PARENT) && c->parent >= 0)
      c->speaker = CL(w, c->parent)->subj;
    uint32_t vt = c->verb >= 0 ? PH(w, c->verb)->head : c->tok;
    if (vt < doc->toks.n && (w->t[vt].flags & DYAD_TOKF_INQUOTE))
      c->flags |= DYAD_CLF_QUOTE;
    if (c->parent < 0) {
      if (w->according >= 0) {
        c->flags |= DYAD_CLF_REPORTED;
        if (c->speaker < 0)
          c->speaker = w->according;
      }
    }
  }
  for (uint32_t j = w->c0; j < n; j++) {
    dyad_clause *c = CL(w, j);
    int32_t p = c->parent;
    if (c->kind == DYAD_CL_COORD && p >= 0)
      c->flags |= CL(w, p)->flags & DYAD_CLF_CONDITIONAL;
    for (int k = 0; k < 16 && p >= (int32_t)w->c0; k++) {
      const dyad_clause *a = CL(w, p);
      if (a->flags & DYAD_CLF_REPORTED) {
        c->flags |= DYAD_CLF_REPORTED;
        if (c->speaker < 0)
          c->speaker = a->speaker;
        break;
      }
      p = a->parent;
    }
  }
  /* phrases: PPs still unattached go to their clause's verb; nested
   * phrases take the clause of the phrase that contains them */
  for (size_t k = w->p0; k < w->p1; k++) {
    dyad_phrase *x = PH(w, k);
    if (x->up >= 0)
      x->clause = PH(w, x->up)->clause;
    if (x->kind == DYAD_PH_PP && x->attach < 0 && x->up < 0) {
      uint32_t ci = w->c0 + x->clause;
      if (ci < n)
        x->attach = CL(w, ci)->verb;
    }
  }
}

dyad_status dyad__clauses(struct dyad_chunker *cx, size_t si, size_t p0)
{
  dyad_doc *doc = cx->doc;
  const dyad_sentence *s = &doc->sents.v[si];
  if (s->ntok == 0)
    return DYAD_OK;
  /* every field but the stacks (stack, ppend, par: read only below their
   * counts) is set here; no memset of the whole walk per sentence */
  struct walk w;
  w.sp = w.nppend = w.npar = w.paren = w.oom = 0;
  w.prev_kind = IT_NONE;
  w.prev_tok = 0;
  w.cx = cx;
  w.doc = doc;
  w.t = cx->t;
  w.c0 = (uint32_t)doc->clauses.n;
  w.frame_from = w.c0;
  w.s_tok = s->tok;
  w.end = s->tok + s->ntok;
  w.p0 = p0;
  w.p1 = doc->phrases.n;
  w.title = (s->flags & DYAD_SENTF_TITLE) != 0;
  w.prev_ph = w.np_before = w.pending = w.according = w.arg_np = -1;
  w.last_np = w.time_np = -1;
  int32_t m = newcl(&w, DYAD_CL_MAIN, -1);
  if (m < 0)
    return w.oom ? DYAD_ENOMEM : DYAD_OK;
  push(&w, m);
  uint32_t t = s->tok;
  size_t p = p0;
  /* the walk adds no phrases: the phrase array, its end and the
   * sentence's end stay in registers across the calls below */
  const dyad_phrase *pv = doc->phrases.v;
  const dyad_token *tv = cx->t;
  const size_t p1 = w.p1;
  const uint32_t end = w.end;
  while (t < end) {
    while (p < p1 && (pv[p].up != -1 || pv[p].tok < t))
      p++;
    if (tv[t].flags & DYAD_TOKF_DATELINE) {
      t++;
      continue;
    }
    if (p < p1 && pv[p].tok == t) {
      int32_t ph = (int32_t)p;
      const dyad_phrase *x = &pv[p];
      t = x->tok + (x->ntok ? x->ntok : 1);
      p++;
      int kind = x->kind == DYAD_PH_NP ? IT_NP
                 : x->kind == DYAD_PH_VG ? IT_VG
                                         : IT_PP;
      if (kind != IT_PP)
        w.arg_np = -1;
      if (kind == IT_NP)
        do_np(&w, ph);
      else if (kind == IT_VG)
        do_vg(&w, ph);
      else
        do_pp(&w, ph);
      w.prev_kind = kind;
      w.prev_ph = ph;
      if (kind == IT_NP)
        w.np_before = ph;
      else if (kind == IT_PP)
        w.np_before = x->child;
      else
        w.np_before = -1;
    } else {
      if (tv[t].tag != DYAD_TAG_LQUOTE && tv[t].tag != DYAD_TAG_RQUOTE)
        w.arg_np = -1;
      do_loose(&w, t, p);
      t++;
    }
  }
  clear_pending(&w, top(&w));
  finish(&w);
  return w.oom ? DYAD_ENOMEM : DYAD_OK;
}
