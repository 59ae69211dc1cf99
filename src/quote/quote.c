/*
 * quote.c: direct quotations and who said them (stage DYAD_STAGE_QUOTES).
 *
 * 1. Quotes come from the tokenizer's marks: an OPENQ token up to the next
 *    CLOSEQ of the same kind (double or single). A paragraph that ends
 *    inside a quote continues it when the next paragraph opens with a
 *    mark (news style for long quotes); each paragraph's part is its own
 *    record, all with one speaker. A closing double mark that opens a
 *    paragraph with no quote open (a typesetting slip) opens one too. A
 *    quote left open otherwise, and a stray closing mark, yield nothing
 *    (an opening mark left open is kept in doc->skips with
 *    DYAD_CFG_EXPLAIN).
 * 2. The speaker comes from a cue (said, told, added, according to, a
 *    dash before a name ...). For a whole quote, in this order: right
 *    after the closing mark ("'...,' X said", "'...,' said X", "'...' -
 *    X", "'...,' the letter reads"; a name heading an apposition chain
 *    "X, the attorney general, one of ..., said" is X; the search stops
 *    at a sentence end, another mark or an adverbial clause); a
 *    transcript label opening the paragraph ("PENCE: ..."); before the
 *    opening mark in the same sentence ("X said: '...'", "According to
 *    X, '...'", "footage of X asking, '...'") or at the end of the
 *    previous sentence when it ends in a colon; the reported-speech
 *    clause holding the mark; a sentence ending in "X said." right
 *    before a quote that starts a sentence; a sentence of the same
 *    paragraph right before whose main verb is a cue ("X described
 *    him as a dealmaker. 'He ...'"); else the previous quote's
 *    speaker when it is in the same or the previous paragraph (a quote
 *    that goes on after "he said."). A partial quote (inside a sentence
 *    of the writer's) belongs to that sentence: unless an attribution
 *    follows it tightly ('"a farce," she said'), its host clause's
 *    reporter comes first ("X said the plan was 'a farce' and urged
 *    ..." is X's), then the cue before it, then the one after it, then
 *    the subject of the clause holding it ("X likened them to a
 *    'snake'"). Cues after the opening mark are the quote's own words
 *    and never frame it.
 * 3. speaker_span is the mention as written; speaker_phrase resolves it:
 *    a proper-noun NP is itself; a description with a proper apposition
 *    ("the spokesman, John Smith,") is the apposition; a pronoun or
 *    another description becomes the nearest earlier clause subject
 *    headed by a proper noun (within 8 sentences), -1 if there is none.
 *    A speaker found only as a capitalised name the chunker missed has
 *    a speaker_span but speaker_phrase -1.
 *
 * Invariants: spans never include the marks; one arena array per doc
 * (token -> phrase) is the only allocation besides doc->quotes; linear in
 * the tokens (each attribution search looks at a bounded window).
 */
#include "../internal.h"

/* ==== cue words ========================================================= */

/* Lemmas of verbs that introduce direct speech. */
static const char *const cue_lemmas[] = {
    "accuse",  "acknowledge", "add",      "admit",    "announce", "argue",
    "ask",     "assert",      "blast",    "boast",    "brand",    "call",
    "caution", "chant",       "cite",     "claim",    "comment",  "complain",
    "concede", "conclude",    "confirm",  "continue", "counter",  "criticize",
    "declare", "decry",       "demand",   "denounce", "deny",     "describe",
    "dismiss", "dub",         "emphasize","explain",  "insist",   "joke",
    "label",   "maintain",    "mock",     "mutter",   "note",     "observe",
    "post",    "praise",      "predict",  "promise",  "quip",     "quote",    "read",
    "recall",  "remark",      "reply",    "report",   "respond",  "retort",
    "say",     "scream",      "shout",    "slam",     "state",    "stress",
    "suggest", "tell",        "testify",  "tout",     "tweet",    "urge",
    "vow",     "warn",        "write",    "yell"};

/* Irregular forms of cue verbs (the lexicon may lack their lemma). */
static const char *const cue_irregular[] = {"said", "says", "told",
                                            "wrote", "written"};

/* 1 when w (n bytes) is a cue lemma, or a regular inflection of one
 * ("called", "tweets", "adding") when the lexicon gave no lemma. */
static int word_is_cue(const char *w, size_t n)
{
  static const char *const suf[] = {"", "s", "es", "ed", "d", "ing"};
  for (size_t k = 0; k < DYAD_ARRAY_LEN(cue_irregular); k++)
    if (strlen(cue_irregular[k]) == n && !memcmp(cue_irregular[k], w, n))
      return 1;
  for (size_t k = 0; k < DYAD_ARRAY_LEN(cue_lemmas); k++) {
    const char *l = cue_lemmas[k];
    size_t ln = strlen(l);
    if (ln > 1 && l[ln - 1] == 'e' && n > ln && w[ln - 1] != 'e')
      ln--; /* "note" -> "noting" */
    if (n < ln || memcmp(w, l, ln))
      continue;
    for (size_t j = 0; j < DYAD_ARRAY_LEN(suf); j++)
      if (n - ln == strlen(suf[j]) && !memcmp(w + ln, suf[j], n - ln))
        return 1;
  }
  return 0;
}

/* 1 when the verb group's head is a cue verb (by lemma, else by form). */
static int vg_is_cue(const dyad_doc *doc, const dyad_phrase *vg)
{
  size_t n = 0;
  const char *l = dyad_ctx_word(doc->ctx, vg->lemma, &n);
  if (l && word_is_cue(l, n))
    return 1;
  const dyad_token *t = &doc->toks.v[vg->head];
  char buf[32];
  n = dyad__fold(doc->text + t->off, t->len, buf, sizeof(buf));
  return n != (size_t)-1 && word_is_cue(buf, n);
}

/* ==== per-document state ================================================ */

struct attr {
  int32_t np;      /* speaker NP phrase, -1 */
  dyad_span span;  /* speaker words when no NP holds them ("Trump" tagged
                      as a verb), else len 0 */
  dyad_span cue;   /* cue words */
};


struct qs {
  dyad_doc *doc;
  const dyad_token *t;
  size_t nt;
  int32_t *np;  /* token -> outermost NP phrase holding it, -1 */
  int32_t *vg;  /* token -> VG phrase holding it, -1 */
  struct attr last;        /* the previous quote's attribution */
  uint32_t last_para;     /* paragraph of the previous quote's end */
  int have_last;
};

static uint32_t para_of(const struct qs *q, uint32_t tok)
{
  /* sentences hold the paragraph index: binary search */
  const dyad_doc *doc = q->doc;
  size_t lo = 0, hi = doc->sents.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const dyad_sentence *s = &doc->sents.v[mid];
    if (tok < s->tok)
      hi = mid;
    else if (tok >= s->tok + s->ntok)
      lo = mid + 1;
    else
      return s->para;
  }
  return lo < doc->sents.n ? doc->sents.v[lo].para : 0;
}

static long sent_of(const struct qs *q, uint32_t tok)
{
  const dyad_doc *doc = q->doc;
  size_t lo = 0, hi = doc->sents.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const dyad_sentence *s = &doc->sents.v[mid];
    if (tok < s->tok)
      hi = mid;
    else if (tok >= s->tok + s->ntok)
      lo = mid + 1;
    else
      return (long)mid;
  }
  return -1;
}

/* 1 for a double mark (" “ ” „), 0 for a single one. */
static int is_double(const struct qs *q, uint32_t i)
{
  const dyad_token *t = &q->t[i];
  unsigned char c = (unsigned char)q->doc->text[t->off];
  if (c == '"')
    return 1;
  if (c == 0xe2 && t->len == 3) {
    unsigned char c2 = (unsigned char)q->doc->text[t->off + 2];
    return c2 == 0x9c || c2 == 0x9d || c2 == 0x9e;
  }
  return 0;
}

static dyad_span tok_span(const struct qs *q, uint32_t a, uint32_t z)
{
  dyad_span s = {0, 0};
  if (z <= a)
    return s;
  s.off = q->t[a].off;
  s.len = q->t[z - 1].off + q->t[z - 1].len - s.off;
  return s;
}

static dyad_span phrase_span(const struct qs *q, int32_t p)
{
  const dyad_phrase *ph = &q->doc->phrases.v[p];
  return tok_span(q, ph->tok, ph->tok + ph->ntok);
}

static int is_dash(const struct qs *q, uint32_t i)
{
  const dyad_token *t = &q->t[i];
  const unsigned char *p = (const unsigned char *)q->doc->text + t->off;
  if (t->len == 1 && p[0] == '-')
    return 1;
  if (t->len == 2 && p[0] == '-' && p[1] == '-')
    return 1;
  /* U+2012..U+2015 dashes */
  return t->len == 3 && p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0x92 &&
         p[2] <= 0x95;
}

static int tok_is(const struct qs *q, uint32_t i, const char *w)
{
  if (i >= q->nt)
    return 0;
  const dyad_token *t = &q->t[i];
  size_t n = strlen(w);
  if (t->len != n)
    return 0;
  for (size_t k = 0; k < n; k++)
    if ((q->doc->text[t->off + k] | 0x20) != w[k])
      return 0;
  return 1;
}

/* ==== resolution ======================================================== */

/* The named person a speaker NP stands for: itself when its head is a
 * proper noun; otherwise the nearest earlier clause subject (or
 * "according to" NP) with a proper head, looking back at most 8
 * sentences. -1 if none. */
static int32_t resolve(const struct qs *q, int32_t np)
{
  const dyad_doc *doc = q->doc;
  if (np < 0)
    return -1;
  const dyad_phrase *ph = &doc->phrases.v[np];
  if (ph->flags & DYAD_PHF_PROPER)
    return np;
  long si = sent_of(q, ph->tok);
  if (si < 0)
    return -1;
  /* "the spokesman, John Smith,": a proper apposition names it */
  for (size_t k = (size_t)np + 1; k < doc->phrases.n && k < (size_t)np + 8;
       k++) {
    const dyad_phrase *x = &doc->phrases.v[k];
    if ((x->flags & DYAD_PHF_APPOS) && x->attach == np &&
        (x->flags & DYAD_PHF_PROPER))
      return (int32_t)k;
  }
  for (long s = si; s >= 0 && s > si - 8; s--) {
    const dyad_sentence *st = &doc->sents.v[s];
    int32_t best = -1;
    for (uint32_t c = st->clause; c < st->clause + st->nclause; c++) {
      const dyad_clause *cl = &doc->clauses.v[c];
      int32_t cand[2] = {cl->subj, cl->speaker};
      for (int k = 0; k < 2; k++) {
        int32_t p = cand[k];
        if (p < 0 || (size_t)p >= doc->phrases.n)
          continue;
        const dyad_phrase *x = &doc->phrases.v[p];
        if (!(x->flags & DYAD_PHF_PROPER) || x->tok >= ph->tok)
          continue;
        if (best < 0 || x->tok > doc->phrases.v[best].tok)
          best = p;
      }
    }
    if (best >= 0)
      return best;
  }
  return -1;
}

/* ==== attribution ======================================================= */


/* A run of capitalised words ending right before token i (not before
 * token lo, not across a quote mark): a name the chunker missed. */
static dyad_span name_before(const struct qs *q, uint32_t i, uint32_t lo)
{
  uint32_t a = i;
  while (a > lo && (q->t[a - 1].flags & DYAD_TOKF_CAP) &&
         q->t[a - 1].kind == DYAD_TK_WORD &&
         !(q->t[a - 1].flags & DYAD_TOKF_INQUOTE) && i - a < 4)
    a--;
  return tok_span(q, a, i);
}

/* "the senator, who said ...": when clause cl is a relative clause whose
 * subject is its relative pronoun, the pronoun is the speaker's mention
 * (speaker_phrase still resolves to the antecedent); else an empty span. */
static dyad_span rel_mention(const struct qs *q, const dyad_clause *cl)
{
  dyad_span none = {0, 0};
  if (cl->kind != DYAD_CL_REL || !(cl->flags & DYAD_CLF_SUBJ_INHERITED) ||
      (cl->flags & DYAD_CLF_QUOTE) || cl->verb < 0 || cl->sub_word >= q->nt)
    return none;
  uint32_t vt = q->doc->phrases.v[cl->verb].tok;
  if (cl->sub_word >= vt || vt - cl->sub_word > 4 ||
      !(tok_is(q, cl->sub_word, "who") || tok_is(q, cl->sub_word, "which")))
    return none;
  return tok_span(q, cl->sub_word, cl->sub_word + 1);
}

/* The speaker of a cue verb group v: its clause's subject, the NP right
 * before it, or a capitalised name right before it. lo bounds the look
 * back. Fills a->np or a->span; 0 when none. */
static int subject_of(const struct qs *q, int32_t v, uint32_t lo,
                      struct attr *a)
{
  const dyad_doc *doc = q->doc;
  const dyad_phrase *vp = &doc->phrases.v[v];
  long vs = sent_of(q, vp->tok);
  if (vs >= 0) {
    const dyad_sentence *st = &doc->sents.v[vs];
    uint32_t ci = st->clause + vp->clause;
    if (ci < doc->clauses.n && doc->clauses.v[ci].verb == v &&
        doc->clauses.v[ci].subj >= 0) {
      a->np = doc->clauses.v[ci].subj;
      a->span = rel_mention(q, &doc->clauses.v[ci]);
      return 1;
    }
  }
  if (vp->tok > lo && q->np[vp->tok - 1] >= 0) {
    a->np = q->np[vp->tok - 1];
    return 1;
  }
  if (vp->tok > lo) {
    dyad_span sp = name_before(q, vp->tok, lo);
    if (sp.len) {
      a->span = sp;
      return 1;
    }
  }
  /* a name the chunker took into the verb group: "[VG Peabody said]" */
  if (vp->head > vp->tok && (q->t[vp->tok].flags & DYAD_TOKF_CAP) &&
      vp->tok >= lo) {
    a->span = name_before(q, vp->head, vp->tok);
    return a->span.len > 0;
  }
  return 0;
}

/* The cue VG at token i, -1 when the token is not in a cue verb group. */
static int32_t cue_vg(const struct qs *q, uint32_t i)
{
  int32_t v = q->vg[i];
  if (v < 0)
    return -1;
  return vg_is_cue(q->doc, &q->doc->phrases.v[v]) ? v : -1;
}

static dyad_span vg_cue_span(const struct qs *q, int32_t v)
{
  uint32_t h = q->doc->phrases.v[v].head;
  return tok_span(q, h, h + 1);
}

/* 1 when token i, as written, is a third-person cue form ("says",
 * "reads", "writes"), or with ing an -ing form ("asking", "saying"). */
static int surface_is_cue(const struct qs *q, uint32_t i, int ing)
{
  const dyad_token *t = &q->t[i];
  char buf[32];
  size_t n = dyad__fold(q->doc->text + t->off, t->len, buf, sizeof(buf));
  if (n == (size_t)-1 || n <= 3)
    return 0;
  if (ing ? !(n > 4 && !memcmp(buf + n - 3, "ing", 3)) : buf[n - 1] != 's')
    return 0;
  return word_is_cue(buf, n);
}

/* A transcript turn: the paragraph holding token o opens with a speaker
 * label in capitals and a colon ("PENCE: Well, ..."), optionally after
 * an opening mark. Fills a->span with the label. */
static int transcript_label(const struct qs *q, uint32_t o, struct attr *a)
{
  uint32_t p = o;
  while (p > 0 && !(q->t[p].flags & DYAD_TOKF_PARA))
    p--;
  /* '"PENCE: ...' quoted whole: the label follows the mark */
  int inside = p == o;
  if (p < q->nt && (q->t[p].flags & DYAD_TOKF_OPENQ))
    p++;
  uint32_t k = p;
  while (k < q->nt && k < p + 3 && (q->t[k].flags & DYAD_TOKF_ALLCAPS) &&
         !(q->t[k].flags & DYAD_TOKF_DATELINE) &&
         q->t[k].kind == DYAD_TK_WORD && q->t[k].len > 1)
    k++;
  if (k == p || (k >= o && !inside) || k >= q->nt ||
      q->t[k].tag != DYAD_TAG_COLON)
    return 0;
  a->span = tok_span(q, p, k);
  a->cue = tok_span(q, k, k + 1);
  return 1;
}

/* 1 when token i opens an adverbial clause ("when", "because" ...):
 * what follows a quote from there on is no attribution of it. */
static int starts_adverbial(const struct qs *q, uint32_t i)
{
  static const char *const w[] = {"when", "because", "although", "though",
                                  "whereas", "unless", "if", "since",
                                  "while"};
  for (size_t k = 0; k < DYAD_ARRAY_LEN(w); k++)
    if (tok_is(q, i, w[k]))
      return 1;
  return 0;
}

/* 1 when token i is a party-and-state tag ("R-Ky", "D-N.Y"). */
static int party_tag(const struct qs *q, uint32_t i)
{
  const dyad_token *t = &q->t[i];
  const char *p = q->doc->text + t->off;
  return t->len >= 3 && t->len <= 8 && (p[0] == 'R' || p[0] == 'D' ||
                                        p[0] == 'I') && p[1] == '-';
}

/* 1 when NP x is a lone weekday name ("Monday, she said"). */
static int is_weekday(const struct qs *q, const dyad_phrase *x)
{
  static const char *const w[] = {"monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday",
                                  "sunday"};
  if (x->ntok != 1)
    return 0;
  for (size_t k = 0; k < DYAD_ARRAY_LEN(w); k++)
    if (tok_is(q, x->tok, w[k]))
      return 1;
  return 0;
}

/* After the closing mark at c: "', X said", "', said X", "' - X",
 * "', according to X". Looks at most 12 tokens ahead, inside the
 * sentence the mark ends (or the next one when the mark ends one), never
 * past another opening mark. */
static int after_close(const struct qs *q, uint32_t c, struct attr *a)
{
  const dyad_doc *doc = q->doc;
  uint32_t i = c + 1;
  uint32_t end = i + 20 < q->nt ? i + 20 : (uint32_t)q->nt;
  if (i < q->nt && is_dash(q, i)) {
    /* readers' quotes: '"..." - Jane Doe' */
    uint32_t k = i + 1;
    if (k < q->nt && q->np[k] >= 0) {
      a->np = q->np[k];
      a->cue = tok_span(q, i, i + 1);
      return 1;
    }
  }
  /* a quote that closes its sentence with a period ('... thugs."') has
   * its attribution before it, not in the next sentence; after "?" and
   * "!" it may follow ('"Who knew?" Lee said') */
  if (c > 0 && q->t[c - 1].len == 1 && q->doc->text[q->t[c - 1].off] == '.')
    return 0;
  int32_t cand = -1; /* the latest NP that can be a subject */
  int32_t lead = -1; /* a name right after the mark followed by a comma:
                        the head of an apposition chain ("X, the
                        attorney general, one of the plaintiffs, said") */
  if (i < q->nt && q->t[i].tag == DYAD_TAG_COMMA)
    i++;
  int paren = 0;      /* inside "( ... )": "Rep. X (R-Fla.) said" */
  for (; i < end; i++) {
    const dyad_token *t = &q->t[i];
    if (t->tag == DYAD_TAG_LRB)
      paren++;
    else if (t->tag == DYAD_TAG_RRB && paren > 0)
      paren--;
    if (t->flags & (DYAD_TOKF_OPENQ | DYAD_TOKF_PARA | DYAD_TOKF_INQUOTE))
      return 0;
    if (starts_adverbial(q, i))
      return 0; /* '"...," when Clinton blasted him': another clause */
    if (t->tag == DYAD_TAG_PERIOD && !paren &&
        !(i + 1 < q->nt && q->t[i + 1].tag == DYAD_TAG_COMMA))
      return 0; /* '"...". He said' is the next sentence's business; a
                   period inside "(R-Fla.)" ends nothing */
    if (tok_is(q, i, "according") && tok_is(q, i + 1, "to") &&
        i + 2 < q->nt && q->np[i + 2] >= 0) {
      a->np = q->np[i + 2];
      a->cue = tok_span(q, i, i + 2);
      return 1;
    }
    /* '"...," the letter reads.': a cue form the chunker took into the
     * noun phrase ("reads", "says" as plural nouns) */
    if (q->vg[i] < 0 && q->np[i] >= 0 && i + 1 < q->nt &&
        (q->t[i + 1].tag == DYAD_TAG_PERIOD ||
         q->t[i + 1].tag == DYAD_TAG_COMMA) &&
        doc->phrases.v[q->np[i]].tok > c && doc->phrases.v[q->np[i]].tok < i &&
        surface_is_cue(q, i, 0)) {
      a->span = tok_span(q, doc->phrases.v[q->np[i]].tok, i);
      a->cue = tok_span(q, i, i + 1);
      return 1;
    }
    int32_t v = cue_vg(q, i);
    if (v >= 0 && (doc->phrases.v[v].flags & DYAD_PHF_PASSIVE)) {
      /* '"..." was written by X': the agent speaks */
      uint32_t k = doc->phrases.v[v].tok + doc->phrases.v[v].ntok;
      if (tok_is(q, k, "by") && k + 1 < q->nt && q->np[k + 1] >= 0) {
        a->np = q->np[k + 1];
        a->cue = vg_cue_span(q, v);
        return 1;
      }
    }
    if (v >= 0) {
      const dyad_phrase *vp = &doc->phrases.v[v];
      struct attr sub = {-1, {0, 0}, {0, 0}};
      if (vp->tok > c + 1 && subject_of(q, v, c + 1, &sub) && sub.np >= 0 &&
          doc->phrases.v[sub.np].tok > c)
        a->np = sub.np, a->span = sub.span;
      else if (cand >= 0)
        a->np = cand;
      else if (vp->tok > c + 1 &&
               (a->span = name_before(q, vp->tok, c + 1)).len) {
        /* "'...,' Trump said" with the name tagged as a verb */
      } else {
        /* inverted: "said X" */
        uint32_t k = vp->tok + vp->ntok;
        if (k < q->nt && q->np[k] >= 0 &&
            !(q->t[k].flags & DYAD_TOKF_OPENQ))
          a->np = q->np[k];
      }
      if (lead >= 0 && a->np != lead &&
          (a->np < 0 || doc->phrases.v[a->np].tok > doc->phrases.v[lead].tok))
        a->np = lead, a->span.len = 0;
      /* '"...," adding that ...': a cue with no speaker of its own leaves
       * the quote to the attribution before it */
      if (a->np < 0 && !a->span.len)
        return 0;
      a->cue = vg_cue_span(q, v);
      return 1;
    }
    int32_t p = q->np[i];
    if (p >= 0 && (i == 0 || q->np[i - 1] != p)) {
      const dyad_phrase *x = &doc->phrases.v[p];
      uint32_t after = x->tok + x->ntok;
      /* the comma must open a description ("X, the ...", "X, his
       * ...", "X, R-Ky.,"): "Washington, D.C., police said" is no chain */
      if (cand < 0 && lead < 0 && (x->flags & DYAD_PHF_PROPER) &&
          !(x->flags & DYAD_PHF_PRONOUN) && after + 1 < q->nt &&
          q->t[after].tag == DYAD_TAG_COMMA && !is_weekday(q, x) &&
          (q->t[after + 1].tag == DYAD_TAG_DT ||
           q->t[after + 1].tag == DYAD_TAG_PRPS || party_tag(q, after + 1)))
        lead = p;
      int in_pp = x->up >= 0 && (size_t)x->up < doc->phrases.n &&
                  doc->phrases.v[x->up].kind == DYAD_PH_PP;
      if ((x->flags & DYAD_PHF_APPOS) && x->attach >= 0 &&
          (size_t)x->attach < doc->phrases.n &&
          doc->phrases.v[x->attach].tok > c)
        cand = x->attach; /* "X, the attorney general, said" */
      else if (!in_pp && !paren)
        cand = p;
    }
  }
  return 0;
}

/* Before the opening mark at o: the last cue verb between the start of
 * its sentence (or the previous sentence when that ends in a colon) and
 * the mark; its subject (the NP right before it) or, inverted, the NP
 * after it. Also "According to X, '...'". */
static int before_open(const struct qs *q, uint32_t o, struct attr *a)
{
  long si = sent_of(q, o);
  if (si < 0)
    return 0;
  uint32_t b = q->doc->sents.v[si].tok;
  if (b == o && si > 0) {
    const dyad_sentence *ps = &q->doc->sents.v[si - 1];
    uint32_t last = ps->tok + ps->ntok - 1;
    if (ps->ntok && q->t[last].tag == DYAD_TAG_COLON &&
        !(q->t[o].flags & DYAD_TOKF_PARA))
      b = ps->tok;
    else if (ps->ntok && q->t[last].tag == DYAD_TAG_COLON)
      b = ps->tok; /* "He said:" closing the previous paragraph */
  }
  if (o > b + 40)
    b = o - 40;
  for (uint32_t i = o; i-- > b;) {
    const dyad_token *t = &q->t[i];
    if (t->flags & (DYAD_TOKF_CLOSEQ | DYAD_TOKF_INQUOTE))
      break; /* the previous quote's attribution is not ours */
    if (tok_is(q, i, "according") && tok_is(q, i + 1, "to") &&
        i + 2 < o && q->np[i + 2] >= 0) {
      a->np = q->np[i + 2];
      a->cue = tok_span(q, i, i + 2);
      return 1;
    }
    /* "footage of Hillary Clinton asking, '...'": an -ing cue the
     * chunker took into the noun phrase; the words before it speak */
    if (q->vg[i] < 0 && q->np[i] >= 0 && i + 1 < q->nt &&
        (q->t[i + 1].tag == DYAD_TAG_COMMA ||
         q->t[i + 1].tag == DYAD_TAG_COLON || i + 1 == o) &&
        q->doc->phrases.v[q->np[i]].tok < i && surface_is_cue(q, i, 1)) {
      a->span = name_before(q, i, q->doc->phrases.v[q->np[i]].tok);
      if (!a->span.len)
        a->span = tok_span(q, q->doc->phrases.v[q->np[i]].tok, i);
      a->cue = tok_span(q, i, i + 1);
      return 1;
    }
    int32_t v = cue_vg(q, i);
    if (v < 0)
      continue;
    const dyad_phrase *vp = &q->doc->phrases.v[v];
    if (!subject_of(q, v, b, a)) {
      uint32_t k = vp->tok + vp->ntok; /* inverted: "said X: '...'" */
      if (k < o && q->np[k] >= 0)
        a->np = q->np[k];
    }
    a->cue = vg_cue_span(q, v);
    return 1;
  }
  /* "X: '...'" (transcripts) and "X reports:" without a cue verb: the
   * subject of the clause before the colon, else the name before it */
  uint32_t colon = o;
  while (colon > b && (q->t[colon - 1].flags & DYAD_TOKF_OPENQ))
    colon--;
  if (colon > b && q->t[colon - 1].tag == DYAD_TAG_COLON) {
    uint32_t k = colon - 1;
    long cs = sent_of(q, k);
    if (cs >= 0) {
      const dyad_sentence *st = &q->doc->sents.v[cs];
      for (uint32_t c = st->clause; c < st->clause + st->nclause; c++) {
        const dyad_clause *cl = &q->doc->clauses.v[c];
        if (cl->parent < 0 && cl->subj >= 0 &&
            q->doc->phrases.v[cl->subj].tok < k) {
          a->np = cl->subj;
          a->cue = tok_span(q, k, k + 1);
          return 1;
        }
      }
    }
    if (k > b && q->np[k - 1] >= 0)
      a->np = q->np[k - 1];
    else
      a->span = name_before(q, k, b);
    if (a->np >= 0 || a->span.len) {
      a->cue = tok_span(q, k, k + 1);
      return 1;
    }
  }
  return 0;
}

/* A partial quote inside a reported clause: the clause's speaker. */
static int host_clause(const struct qs *q, uint32_t o, struct attr *a)
{
  const dyad_doc *doc = q->doc;
  long si = sent_of(q, o);
  if (si < 0)
    return 0;
  const dyad_sentence *st = &doc->sents.v[si];
  int32_t best = -1;
  uint32_t bestn = UINT32_MAX;
  for (uint32_t c = st->clause; c < st->clause + st->nclause; c++) {
    const dyad_clause *cl = &doc->clauses.v[c];
    if (o >= cl->tok && o < cl->tok + cl->ntok && cl->ntok < bestn) {
      best = (int32_t)c;
      bestn = cl->ntok;
    }
  }
  if (best < 0)
    return 0;
  const dyad_clause *cl = &doc->clauses.v[best];
  /* inside a longer quotation, "what she called a 'rant'" has its own
   * speaker: the cue clause's subject, not the outer quotation's */
  if ((cl->flags & DYAD_CLF_QUOTE) && cl->verb >= 0 &&
      doc->phrases.v[cl->verb].head < o &&
      cue_vg(q, doc->phrases.v[cl->verb].head) >= 0 &&
      subject_of(q, cl->verb, st->tok, a)) {
    a->cue = vg_cue_span(q, cl->verb);
    return 1;
  }
  if (cl->speaker >= 0) {
    a->np = cl->speaker;
    if (cl->parent >= 0 && doc->clauses.v[cl->parent].subj == cl->speaker)
      a->span = rel_mention(q, &doc->clauses.v[cl->parent]);
    if (cl->parent >= 0 && doc->clauses.v[cl->parent].verb >= 0)
      a->cue = vg_cue_span(q, doc->clauses.v[cl->parent].verb);
    return 1;
  }
  /* "X called it 'a farce'", "X tweeted that Y was 'a con'": the nearest
   * clause up the chain whose verb is a cue gives its subject */
  for (int hops = 0; best >= 0 && hops < 6; hops++) {
    cl = &doc->clauses.v[best];
    /* a cue after the mark is the quote's own words ("My answer to them
     * is this:"), not its frame */
    if (cl->verb >= 0 && doc->phrases.v[cl->verb].head < o &&
        cue_vg(q, doc->phrases.v[cl->verb].head) >= 0) {
      if (subject_of(q, cl->verb, st->tok, a)) {
        a->cue = vg_cue_span(q, cl->verb);
        return 1;
      }
    }
    /* a coordinated clause with a subject of its own ("..., a doctor
     * had typed 'X'") is no part of its sibling's report */
    if (cl->kind == DYAD_CL_COORD && cl->subj >= 0 &&
        !(cl->flags & DYAD_CLF_SUBJ_INHERITED))
      break;
    best = cl->parent;
    if (best >= 0 && (uint32_t)best < st->clause)
      break;
  }
  return 0;
}

/* A partial quote with no cue: the writer puts words in the mouth of the
 * subject of the clause that holds them ("Smith compared the rebels to
 * a 'hungry wolf'"). The innermost clause with a subject before the
 * mark, up the chain. */
static int host_subject(const struct qs *q, uint32_t o, struct attr *a)
{
  const dyad_doc *doc = q->doc;
  long si = sent_of(q, o);
  if (si < 0)
    return 0;
  const dyad_sentence *st = &doc->sents.v[si];
  int32_t best = -1;
  uint32_t bestn = UINT32_MAX;
  for (uint32_t c = st->clause; c < st->clause + st->nclause; c++) {
    const dyad_clause *cl = &doc->clauses.v[c];
    if (o >= cl->tok && o < cl->tok + cl->ntok && cl->ntok < bestn) {
      best = (int32_t)c;
      bestn = cl->ntok;
    }
  }
  for (int hops = 0; best >= 0 && hops < 6; hops++) {
    const dyad_clause *cl = &doc->clauses.v[best];
    if (cl->subj >= 0 && doc->phrases.v[cl->subj].tok < o &&
        !(doc->phrases.v[cl->subj].flags & DYAD_PHF_PRONOUN &&
          cl->kind == DYAD_CL_REL)) {
      a->np = cl->subj;
      if (cl->verb >= 0)
        a->cue = vg_cue_span(q, cl->verb);
      return 1;
    }
    best = cl->parent;
    if (best >= 0 && (uint32_t)best < st->clause)
      break;
  }
  return 0;
}

/* A sentence ending in "X said." just before a quote that starts its own
 * sentence in the same paragraph: the attribution goes with the quote
 * after it ("..., Schiff said. 'The other factor ...'"). */
static int prev_sentence(const struct qs *q, uint32_t o, struct attr *a)
{
  long si = sent_of(q, o);
  if (si <= 0 || q->doc->sents.v[si].tok != o)
    return 0;
  const dyad_sentence *ps = &q->doc->sents.v[si - 1];
  if (ps->ntok < 3 || ps->ntok > 60 || q->doc->sents.v[si].para != ps->para)
    return 0;
  uint32_t last = ps->tok + ps->ntok - 1;
  if (q->t[last].tag != DYAD_TAG_PERIOD || q->t[last - 1].flags &
      (DYAD_TOKF_CLOSEQ | DYAD_TOKF_INQUOTE))
    return 0;
  int32_t v = cue_vg(q, last - 1);
  if (v < 0)
    return 0;
  for (uint32_t k = ps->tok; k < last; k++)
    if (q->t[k].flags & (DYAD_TOKF_OPENQ | DYAD_TOKF_CLOSEQ))
      return 0;
  if (!subject_of(q, v, ps->tok, a))
    return 0;
  a->cue = vg_cue_span(q, v);
  return 1;
}

/* A quote that starts a sentence right after a sentence of the same
 * paragraph whose main verb is a cue and which holds no quote of its own
 * ("His partner called him a master of deals. 'He showed ...'"): that
 * sentence's subject introduces it. */
static int lead_sentence(const struct qs *q, uint32_t o, struct attr *a)
{
  const dyad_doc *doc = q->doc;
  long si = sent_of(q, o);
  if (si <= 0 || doc->sents.v[si].tok != o)
    return 0;
  const dyad_sentence *ps = &doc->sents.v[si - 1];
  if (doc->sents.v[si].para != ps->para)
    return 0;
  for (uint32_t k = ps->tok; k < ps->tok + ps->ntok; k++)
    if (q->t[k].flags & (DYAD_TOKF_OPENQ | DYAD_TOKF_CLOSEQ))
      return 0;
  for (uint32_t c = ps->clause; c < ps->clause + ps->nclause; c++) {
    const dyad_clause *cl = &doc->clauses.v[c];
    if (cl->parent >= 0 || cl->verb < 0 || cl->subj < 0 ||
        cue_vg(q, doc->phrases.v[cl->verb].head) < 0)
      continue;
    a->np = cl->subj;
    a->cue = vg_cue_span(q, cl->verb);
    return 1;
  }
  return 0;
}

/* ==== the stage ========================================================= */

static dyad_status emit(struct qs *q, uint32_t o, uint32_t z, int partial,
                        const struct attr *a)
{
  dyad_quote *r = dyad_vec_push(&q->doc->ctx->alloc, q->doc->quotes);
  if (!r)
    return DYAD_ENOMEM;
  long si = sent_of(q, o);
  r->sent = si < 0 ? 0 : (uint32_t)si;
  r->span = tok_span(q, o + 1, z);
  r->flags = partial ? 1u : 0u;
  r->speaker_phrase = -1;
  if (a->np >= 0) {
    r->speaker_span = a->span.len ? a->span : phrase_span(q, a->np);
    r->speaker_phrase = resolve(q, a->np);
  } else if (a->span.len) {
    r->speaker_span = a->span;
  }
  r->cue_span = a->cue;
  return DYAD_OK;
}

/* Is the quote opening at o partial (inside a sentence of the writer's),
 * rather than a whole utterance? Whole when the mark starts the sentence
 * or follows a colon or a comma. */
static int partial_at(const struct qs *q, uint32_t o)
{
  long si = sent_of(q, o);
  if (si < 0 || q->doc->sents.v[si].tok == o)
    return 0;
  /* a mark that starts a line starts an utterance ("... - Jane Doe\n
   * \"Next reader's words\"") even when the sentence runs on */
  const dyad_token *pt = &q->t[o - 1];
  if (memchr(q->doc->text + pt->off + pt->len, '\n',
             q->t[o].off - (pt->off + pt->len)))
    return 0;
  uint8_t tg = q->t[o - 1].tag;
  return !(tg == DYAD_TAG_COLON || tg == DYAD_TAG_COMMA ||
           (q->t[o - 1].flags & DYAD_TOKF_OPENQ));
}

dyad_status dyad__quotes(dyad_doc *doc)
{
  struct qs q;
  memset(&q, 0, sizeof(q));
  q.doc = doc;
  q.t = doc->toks.v;
  q.nt = doc->toks.n;
  q.last.np = -1;
  if (!q.nt)
    return DYAD_OK;
  q.np = dyad__arena_alloc(&doc->arena, 2 * q.nt * sizeof(int32_t));
  if (!q.np)
    return DYAD_ENOMEM;
  q.vg = q.np + q.nt;
  for (size_t i = 0; i < 2 * q.nt; i++)
    q.np[i] = -1;
  for (size_t p = 0; p < doc->phrases.n; p++) {
    const dyad_phrase *ph = &doc->phrases.v[p];
    int32_t *map = ph->kind == DYAD_PH_NP ? q.np
                   : ph->kind == DYAD_PH_VG ? q.vg : NULL;
    if (!map)
      continue;
    for (uint32_t k = ph->tok; k < ph->tok + ph->ntok && k < q.nt; k++) {
      int32_t old = map[k];
      if (old < 0 || doc->phrases.v[old].ntok < ph->ntok)
        map[k] = (int32_t)p;
    }
  }
  for (uint32_t i = 0; i < q.nt; i++) {
    /* a closing double mark that opens a paragraph with no quote open
     * ("”Fear. I am afraid.” ― Jane Doe", a typesetting slip) opens a
     * quote that runs to the next such stray mark in the paragraph */
    int stray = !(q.t[i].flags & (DYAD_TOKF_OPENQ | DYAD_TOKF_CLOSEQ)) &&
                q.t[i].kind == DYAD_TK_QUOTE &&
                (q.t[i].flags & DYAD_TOKF_PARA) && is_double(&q, i);
    if (!(q.t[i].flags & DYAD_TOKF_OPENQ) && !stray)
      continue;
    /* the chain of pieces: [o, z) each, z the close mark or para end */
    uint32_t pieces[16][2];
    int np = 0, closed = 0;
    uint32_t o = i, j = i + 1;
    int dbl = is_double(&q, o);
    while (j <= q.nt && np < 16) {
      if (j == q.nt || (q.t[j].flags & DYAD_TOKF_PARA)) {
        /* paragraph ends inside the quote: continued? */
        if (j < q.nt && (q.t[j].flags & DYAD_TOKF_OPENQ) &&
            is_double(&q, j) == dbl && j > o + 1) {
          pieces[np][0] = o;
          pieces[np++][1] = j;
          o = j;
          j++;
          continue;
        }
        break;
      }
      if (((q.t[j].flags & DYAD_TOKF_CLOSEQ) ||
           (stray && q.t[j].kind == DYAD_TK_QUOTE &&
            !(q.t[j].flags & DYAD_TOKF_OPENQ))) &&
          is_double(&q, j) == dbl) {
        closed = 1;
        break;
      }
      j++;
    }
    if (!closed) {
      /* unbalanced: nothing from this mark; go on after it (with
       * DYAD_CFG_EXPLAIN the mark and the words it left open are kept
       * as a skip) */
      uint32_t last = j > i + 1 ? j - 1 : i;
      long si = sent_of(&q, i);
      dyad_status st = dyad__skip(
          doc, si < 0 ? 0 : (uint32_t)si, q.t[i].off,
          q.t[last].off + q.t[last].len, "quote",
          np >= 16 ? "unbalanced quotation mark: continued over too many "
                     "paragraphs"
          : j >= q.nt ? "unbalanced quotation mark: no closing mark before "
                        "the text ends"
                      : "unbalanced quotation mark: no closing mark before "
                        "the paragraph ends");
      if (st != DYAD_OK)
        return st;
      continue;
    }
    if (j > o + 1) {
      pieces[np][0] = o;
      pieces[np++][1] = j;
    }
    if (!np) {
      i = j;
      continue;
    }
    uint32_t first = pieces[0][0];
    struct attr a = {-1, {0, 0}, {0, 0}};
    int partial = partial_at(&q, first);
    /* a partial quote belongs to the sentence around it: a cue before
     * it ("X said the plan was 'a farce' and urged ...") comes first */
    /* ... but '"a farce," she said' names its speaker right after it */
    uint32_t nx = j + 1 < q.nt && q.t[j + 1].tag == DYAD_TAG_COMMA ? j + 2
                                                                  : j + 1;
    int tight = nx < q.nt &&
                (q.t[j - 1].tag == DYAD_TAG_COMMA ||
                 q.t[j + 1].tag == DYAD_TAG_COMMA) &&
                (q.np[nx] >= 0 || cue_vg(&q, nx) >= 0);
    int found = partial && !tight
                    ? (transcript_label(&q, first, &a) ||
                       host_clause(&q, first, &a) ||
                       before_open(&q, first, &a) || after_close(&q, j, &a) ||
                       host_subject(&q, first, &a))
                    : (after_close(&q, j, &a) ||
                       transcript_label(&q, first, &a) ||
                       before_open(&q, first, &a) ||
                       host_clause(&q, first, &a) ||
                       prev_sentence(&q, first, &a) ||
                       (partial && host_subject(&q, first, &a)) ||
                       (!partial && lead_sentence(&q, first, &a)));
    if (!found && !partial && q.have_last &&
        (q.last.np >= 0 || q.last.span.len) &&
        para_of(&q, first) <= q.last_para + 1) {
      a = q.last;
      found = 1;
    }
    for (int k = 0; k < np; k++) {
      dyad_status st = emit(&q, pieces[k][0], pieces[k][1],
                            k == 0 && partial, &a);
      if (st != DYAD_OK)
        return st;
    }
    if (found && (a.np >= 0 || a.span.len))
      q.last = a;
    q.have_last = 1;
    q.last_para = para_of(&q, j);
    i = j;
  }
  return DYAD_OK;
}
