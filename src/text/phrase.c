/*
 * phrase.c: the shallow parser's first half, the phrase chunker, and the
 * writer of phrases and clauses for `dyad parse`.
 *
 * Input: doc->toks (tag, form, lemma, flags) and doc->sents. Output:
 * doc->phrases, all phrases of the document in token order; then
 * clause.c (dyad__clauses) adds doc->clauses sentence by sentence.
 *
 * Phrases, and how they nest (dyad_phrase.up):
 * - NP: a base noun phrase: [quantity prefix: at least, more than, up to,
 *   about] [PDT] [DT] premodifiers (JJ, CD, nouns, VBN/VBG inside an NP,
 *   JJ-and-JJ, "a mild, dry climate") and a nominal head (the last noun or
 *   number; "Japanese Prime Minister Fumio Kishida" is one NP headed by
 *   Kishida; "$ 5 billion" by "$"). A personal pronoun, "what", and a lone
 *   "this"/"both"/"many of" are NPs too. Floating quantifiers and emphatic
 *   reflexives after a noun ("they both", "Putin himself") are not.
 * - Possessives: "Xi's visit" is the NP [Xi's visit] (head visit) whose
 *   poss is the NP [Xi] (flagged POSSESSOR, up = the possessed NP). "his
 *   visit": the possessor is the one-token NP [his], PRONOUN|POSSESSOR.
 *   Possessed NPs are pushed before their possessors (outer first).
 * - Coordination: "Xi and Putin", "Russia, China and Iran": an NP flagged
 *   COORD spans all members (head and lemma: those of the first member),
 *   child = first member, each member's conj = next member (-1 at the
 *   last), members' up = the group. A coordination is not made when the
 *   last member starts a new clause ("attacked Kyiv and Ukraine responded").
 *   (clause.c links subjects coordinated across PPs by conj alone.)
 * - Apposition: "Xi, the Chinese leader," -> the second NP flagged APPOS,
 *   attach = the NP it renames; the coder skips it as subject or object.
 * - VG: leading adverbs, auxiliaries (modal, have, be, do, get), adverbs and
 *   negation between them, the main verb and its particle (child = RP
 *   token). "to" + verb is a VG flagged INFINITIVE; "going to" + verb is one
 *   VG (FUTURE) headed by the verb. See scan_vg for the flags and tense.
 *   Catenative verbs ("intends to deliver") make two VGs: "intends" in its
 *   clause and "to deliver" heading an INF clause (see clause.c).
 * - PP: a preposition with its NP (child; the NP's up = the PP). "according
 *   to X" is one PP headed by "according". A subordinator followed by a
 *   clause ("after the talks ended") makes no PP.
 * Datelines (DYAD_TOKF_DATELINE) get no phrases. ADJP/ADVP are not made.
 *
 * Invariants: phrases of a sentence are contiguous in doc->phrases and
 * ordered by first token, an enclosing phrase before the ones it contains.
 * All scanning is linear with bounded look-ahead; no allocation per token.
 */
#include "chunk.h"

/* ==== word classes ===================================================== */

struct wlist {
  int cls;
  const char *words; /* space-separated, already case-folded */
};

static const struct wlist wlists[] = {
    {W_BE, "be is are was were am been being 's 're 'm"},
    {W_HAVE, "have has had having 've 'd"},
    {W_DO, "do does did"},
    {W_GET, "get gets got gotten getting"},
    {W_MODAL, "can could may might would should must ought ca"},
    {W_FUTURE, "will shall 'll wo"},
    {W_NEG, "not n't never"},
    {W_NO, "no"},
    {W_LONGER, "longer"},
    {W_SPEECH, "say tell add state announce claim report warn insist deny "
               "confirm declare explain note argue allege assert "
               "acknowledge admit stress emphasize emphasise reiterate "
               "write tweet reply respond suggest predict comment remark "
               "testify ask said says told tells wrote written"},
    {W_COGN, "think believe know hope fear expect feel understand realize "
             "realise recognize recognise doubt worry assume learn show "
             "indicate ensure agree decide thought knew known felt"},
    {W_INTENT, "plan intend want seek sought aim hope promise pledge vow agree "
               "decide offer prepare try attempt propose wish resolve"},
    {W_COMMIT, "promise pledge vow"},
    {W_THREAT, "threaten"},
    {W_NEGCAT, "fail refuse decline neglect"},
    {W_GO, "go"},
    {W_SUB, "because although though whereas while whilst if unless "
            "whether lest"},
    {W_SUBAMB, "as after before since until till once"},
    {W_COND, "if unless"},
    {W_WHETHER, "whether"},
    {W_REL, "which who whom whose"},
    {W_THAT, "that"},
    {W_WHEN, "when"},
    {W_WHERE, "where"},
    {W_TIME, "monday tuesday wednesday thursday friday saturday sunday "
             "yesterday today tomorrow tonight week weekend month year day "
             "morning afternoon evening night hour decade time january february "
             "march april may june july august september october november "
             "december"},
    {W_NINTENT, "plan intention pledge promise decision bid attempt effort "
                "offer agreement commitment readiness proposal"},
    {W_NTHREAT, "threat"},
    {W_NNEG, "refusal failure"},
    {W_DEF, "the this that these those"},
    {W_NEGDET, "no neither none"},
    {W_PRONDT, "this these those all some both each none many much another "
               "either neither few several most"},
    {W_PLPRON, "we they them us these those themselves ourselves"},
    {W_OF, "of"},
    {W_BY, "by"},
    {W_ACCORDING, "according"},
    {W_ANDOR, "and or nor &"},
    {W_WARN, "warn"},
    {W_TIMEADJ, "last next past coming previous"},
    {W_AT, "at"},
    {W_LEAST, "least most"},
    {W_EX, "there"},
    {W_OBJCTL, "urge ask tell order force allow call encourage invite "
               "persuade want expect help enable require permit warn advise "
               "press push get lead cause compel pressure prompt authorize "
               "authorise instruct request appeal challenge convince inspire "
               "oblige empower let make have see watch hear"},
    {W_ON, "on upon"},
    {W_SUCH, "such"},
    {W_WITH, "with without"},
    {W_NOMPRON, "i he she we they"},
    {W_WHAT, "what whatever whoever"},
    {W_QUANT, "many most few several enough much more all both some none "
              "each either neither any"},
    {W_FOR, "for"},
    {W_PREPVBG, "including excluding regarding concerning notwithstanding "
                "barring"},
    {W_APPROX, "about around nearly almost roughly approximately some"},
    {W_MORE, "more fewer less"},
    {W_THAN, "than"},
    {W_UP, "up"},
    {W_AS, "as"},
    {W_TIMEOBJ, "spend spent take took taken waste last need include"},
    {W_COPULA, "become remain seem"},
    {W_SELF, "myself yourself himself herself itself ourselves yourselves "
             "themselves"},
};

static inline size_t wslot(const struct dyad_chunker *cx, uint32_t id)
{
  size_t h = (size_t)((id * 2654435761u) >> 7) & (CHUNK_WSLOTS - 1);
  while (cx->wkey[h] && cx->wkey[h] != id)
    h = (h + 1) & (CHUNK_WSLOTS - 1);
  return h;
}

/* The filter entry of id in wseen. */
static inline uint32_t wseen_bit(uint32_t id)
{
  return (id * 0x9E3779B1u) >> 20; /* 12 bits: < CHUNK_WSEEN */
}

/* The classes of a word the filter lets through (out of line: most
 * tokens are content words that the filter stops). */
static uint64_t wclass_probe(const struct dyad_chunker *cx, uint32_t id)
{
  size_t h = wslot(cx, id);
  return cx->wkey[h] == id ? cx->wcls[h] : 0;
}

static inline uint64_t wclass(const struct dyad_chunker *cx, uint32_t id)
{
  uint32_t b = wseen_bit(id);
  if (!id || !cx->wseen[b])
    return 0;
  return wclass_probe(cx, id);
}

/* Looks every listed word up in the (read-only) vocabulary. Words the
 * vocabulary lacks cannot occur in the document, so they are skipped. */
static void words_fill(struct dyad_chunk_words *cw, const struct dyad_vocab *v)
{
  struct dyad_chunker tmp;
  tmp.wkey = cw->wkey;
  tmp.wcls = cw->wcls;
  tmp.wseen = cw->wseen;
  struct dyad_chunker *cx = &tmp;
  memset(cw->wkey, 0, sizeof(cw->wkey));
  memset(cw->wseen, 0, sizeof(cw->wseen));
  for (size_t k = 0; k < DYAD_ARRAY_LEN(wlists); k++) {
    const char *p = wlists[k].words;
    while (*p) {
      while (*p == ' ')
        p++;
      const char *q = p;
      while (*q && *q != ' ')
        q++;
      if (q > p) {
        uint32_t id = dyad__vocab_find(v, p, (size_t)(q - p));
        if (id) {
          size_t h = wslot(cx, id);
          if (cw->wkey[h] != id) {
            cw->wkey[h] = id;
            cw->wcls[h] = 0;
          }
          cw->wcls[h] |= WB(wlists[k].cls);
          uint32_t b = wseen_bit(id);
          cw->wseen[b] = 1;
        }
      }
      p = q;
    }
  }
}

/* ==== scanners (pure: they push nothing) =============================== */

static int dl(const struct dyad_chunker *cx, uint32_t i)
{
  return (cx->t[i].flags & DYAD_TOKF_DATELINE) != 0;
}

/* One base NP. */
struct npx {
  uint32_t b, e, head;
  int32_t det;
  uint32_t flags;
  int possessive; /* PRP$: a possessor by itself */
};

/* "That led to ...": a clause-initial "that" before a verb is a pronoun. */
static int demonstrative(const struct dyad_chunker *cx, uint32_t i,
                         uint32_t end)
{
  if (!(tcls(cx, i) & WB(W_THAT)) || i + 1 >= end)
    return 0;
  int nt = cx->t[i + 1].tag;
  if (!(tag_verb(nt) || nt == DYAD_TAG_MD))
    return 0;
  int pt = i > 0 ? cx->t[i - 1].tag : DYAD_TAG_PERIOD;
  return pt == DYAD_TAG_PERIOD || pt == DYAD_TAG_COMMA || pt == DYAD_TAG_CC ||
         pt == DYAD_TAG_LQUOTE || pt == DYAD_TAG_COLON ||
         pt == DYAD_TAG_RQUOTE;
}

/* Does token i follow a finite lexical verb ("featured | carefully staged
 * pomp")? There a participle before a noun modifies the noun. */
static int after_lexverb(const struct dyad_chunker *cx, uint32_t i)
{
  if (i == 0 || dl(cx, i - 1))
    return 0;
  int pt = cx->t[i - 1].tag;
  return (pt == DYAD_TAG_VBD || pt == DYAD_TAG_VBZ || pt == DYAD_TAG_VBP) &&
         !(tcls(cx, i - 1) & (WB(W_BE) | WB(W_HAVE) | WB(W_GET) | WB(W_DO)));
}

/* Can token k open the rest of an NP (a number, determiner, adjective or
 * noun)? */
static int np_opener(const struct dyad_chunker *cx, uint32_t k, uint32_t end)
{
  if (k >= end)
    return 0;
  int tg = cx->t[k].tag;
  return tg == DYAD_TAG_CD || tg == DYAD_TAG_DOLLAR || tg == DYAD_TAG_DT ||
         tag_adj(tg) || tag_noun(tg);
}

/* Length of a quantity prefix at i: "at least", "at most" (2), "more
 * than", "fewer than", "less than", "up to" (2), "as many as", "as much
 * as" (3) before a number; 0 if none. Out of line: quant_prefix below
 * answers most tokens without a call. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t quant_prefix_at(const struct dyad_chunker *cx, uint32_t i,
                                uint32_t end)
{
  const dyad_token *t = cx->t;
  if (i + 2 >= end)
    return 0;
  uint64_t c0 = tcls(cx, i);
  /* most tokens open no prefix: one test of the first word's classes */
  if (!(c0 & (WB(W_AT) | WB(W_MORE) | WB(W_UP) | WB(W_AS))))
    return 0;
  uint64_t c1 = tcls(cx, i + 1);
  if ((c0 & WB(W_AT)) && (c1 & WB(W_LEAST)) && np_opener(cx, i + 2, end))
    return 2;
  int num2 = t[i + 2].tag == DYAD_TAG_CD || t[i + 2].tag == DYAD_TAG_DOLLAR;
  if ((c0 & WB(W_MORE)) && (c1 & WB(W_THAN)) && num2)
    return 2;
  /* "up to 4,000 troops": the tagger may read this "to" as a preposition */
  const char *w1 = cx->doc->text + t[i + 1].off;
  int to1 = t[i + 1].tag == DYAD_TAG_TO ||
            (t[i + 1].tag == DYAD_TAG_IN && t[i + 1].len == 2 &&
             (w1[0] | 0x20) == 't' && (w1[1] | 0x20) == 'o');
  if ((c0 & WB(W_UP)) && to1 && num2)
    return 2;
  if (i + 3 < end && (c0 & WB(W_AS)) && (c1 & WB(W_QUANT)) &&
      (tcls(cx, i + 2) & WB(W_AS)) &&
      (t[i + 3].tag == DYAD_TAG_CD || t[i + 3].tag == DYAD_TAG_DOLLAR))
    return 3;
  return 0;
}

static inline uint32_t quant_prefix(const struct dyad_chunker *cx,
                                    uint32_t i, uint32_t end)
{
  if (i + 2 >= end ||
      !(tcls(cx, i) & (WB(W_AT) | WB(W_MORE) | WB(W_UP) | WB(W_AS))))
    return 0;
  return quant_prefix_at(cx, i, end);
}

#define TB(t) ((uint64_t)1 << (t))
_Static_assert(DYAD_TAG_COUNT <= 64, "tags fit in 64 bits");

/* The tags base_np may take inside an NP after its nouns and adjectives:
 * participles, hyphens, adverbs, a comma or a conjunction. */
#define NP_CONT                                                               \
  (TB(DYAD_TAG_VBN) | TB(DYAD_TAG_VBG) | TB(DYAD_TAG_HYPH) |                   \
   TB(DYAD_TAG_RB) | TB(DYAD_TAG_RBR) | TB(DYAD_TAG_RBS) |                     \
   TB(DYAD_TAG_COMMA) | TB(DYAD_TAG_CC))

/* The tags that may open a verb group (scan_vg): adverbs, "to", modals,
 * verbs; and "no" of "no longer". */
#define VG_OPEN                                                               \
  (TB(DYAD_TAG_RB) | TB(DYAD_TAG_RBR) | TB(DYAD_TAG_RBS) | TB(DYAD_TAG_TO) |  \
   TB(DYAD_TAG_MD) | TB(DYAD_TAG_VB) | TB(DYAD_TAG_VBD) | TB(DYAD_TAG_VBG) |   \
   TB(DYAD_TAG_VBN) | TB(DYAD_TAG_VBP) | TB(DYAD_TAG_VBZ))

/* The tags whose token base_np may take first (besides the words of a
 * quantity prefix): pronouns, "what", PDT, DT, nominals, adjectives, and
 * the tags of NP_CONT. */
#define NP_OPEN                                                               \
  (NP_CONT | TB(DYAD_TAG_PRP) | TB(DYAD_TAG_PRPS) | TB(DYAD_TAG_WP) |         \
   TB(DYAD_TAG_PDT) | TB(DYAD_TAG_DT) | TB(DYAD_TAG_NN) | TB(DYAD_TAG_NNS) |  \
   TB(DYAD_TAG_NNP) | TB(DYAD_TAG_NNPS) | TB(DYAD_TAG_CD) | TB(DYAD_TAG_FW) | \
   TB(DYAD_TAG_DOLLAR) | TB(DYAD_TAG_HASH) | TB(DYAD_TAG_JJ) |               \
   TB(DYAD_TAG_JJR) | TB(DYAD_TAG_JJS))

/* The tags whose token may be the first of an NP: NP_OPEN less a comma,
 * a conjunction and a hyphen, which base_np takes only after some word of
 * the NP (their tests there need j > i, or an adjective before them). */
#define NP_FIRST                                                              \
  (NP_OPEN & ~(TB(DYAD_TAG_COMMA) | TB(DYAD_TAG_CC) | TB(DYAD_TAG_HYPH)))

/* The tags that may open something in chunk_sentence: an NP, a VG, a PP
 * (IN, TO). A token with none of them, and none of the word classes of
 * CHUNK_OPENW, is a loose token. */
#define CHUNK_OPEN (NP_FIRST | VG_OPEN | TB(DYAD_TAG_IN) | TB(DYAD_TAG_TO))
#define CHUNK_OPENW                                                           \
  (WB(W_ACCORDING) | WB(W_NO) | WB(W_AT) | WB(W_MORE) | WB(W_UP) | WB(W_AS))

/* Does token i follow a noun or a personal pronoun (not of the
 * dateline)? */
static inline int after_nom(const struct dyad_chunker *cx, uint32_t i)
{
  int pt = i > 0 ? cx->t[i - 1].tag : DYAD_TAG_NONE;
  return i > 0 && (tag_noun(pt) || pt == DYAD_TAG_PRP) && !dl(cx, i - 1);
}

/* Scans a base NP at i (none: returns i). after_poss: i follows a
 * possessive, so a participle may open the NP ("Russia's armed forces"). */
/* Does the NP that starts at token i, the object of a preposition that
 * opens the sentence ("According to", "In"), end before token j, where a
 * capitalised adjective, a common noun and a finite verb follow a common
 * noun ("According to a police spokesman Kenyan soldiers have ...": the
 * comma after the opening phrase was left out)? Not within a phrase
 * ("the coastal Kenyan town in the south"). */
static int fronted_pp_end(const struct dyad_chunker *cx, uint32_t i,
                          uint32_t j, uint32_t end)
{
  const dyad_token *t = cx->t;
  if (i == 0 || j + 2 >= end ||
      (t[j - 1].tag != DYAD_TAG_NN && t[j - 1].tag != DYAD_TAG_NNS) ||
      (t[j - 1].flags & DYAD_TOKF_CAP) ||
      (t[j + 1].tag != DYAD_TAG_NN && t[j + 1].tag != DYAD_TAG_NNS) ||
      (t[j + 1].flags & DYAD_TOKF_CAP) ||
      (t[j + 2].tag != DYAD_TAG_VBD && t[j + 2].tag != DYAD_TAG_VBZ &&
       t[j + 2].tag != DYAD_TAG_VBP && t[j + 2].tag != DYAD_TAG_MD) ||
      (t[i - 1].tag != DYAD_TAG_IN && t[i - 1].tag != DYAD_TAG_TO))
    return 0;
  const dyad_doc *doc = cx->doc;
  size_t lo = 0, hi = doc->sents.n;
  while (lo + 1 < hi) { /* the sentence that holds token i */
    size_t mid = (lo + hi) / 2;
    if (doc->sents.v[mid].tok <= i)
      lo = mid;
    else
      hi = mid;
  }
  uint32_t s0 = lo < doc->sents.n ? doc->sents.v[lo].tok : 0;
  while (s0 < i && (t[s0].flags & DYAD_TOKF_DATELINE))
    s0++;
  return i - 1 == s0 || (i - 2 == s0 && (t[s0].flags & DYAD_TOKF_CAP));
}

static uint32_t base_np(const struct dyad_chunker *cx, uint32_t i,
                        uint32_t end, int after_poss, struct npx *o)
{
  const dyad_token *t = cx->t;
  if (i >= end || dl(cx, i))
    return i;
  int tg = t[i].tag;
  if (!(TB(tg) & NP_FIRST) &&
      !(tcls(cx, i) & (WB(W_AT) | WB(W_MORE) | WB(W_UP) | WB(W_AS))))
    return i; /* no NP, and no quantity prefix, starts with this tag */
  o->b = i;
  o->det = -1;
  o->flags = 0;
  o->possessive = 0;
  if (tg == DYAD_TAG_PRP && (tcls(cx, i) & WB(W_SELF)) && after_nom(cx, i))
    return i; /* "Wintour herself appears" */
  if (tg == DYAD_TAG_PRP || tg == DYAD_TAG_PRPS ||
      (tg == DYAD_TAG_WP && (tcls(cx, i) & WB(W_WHAT)))) {
    o->e = i + 1;
    o->head = i;
    o->flags = DYAD_PHF_PRONOUN;
    if (tcls(cx, i) & WB(W_PLPRON))
      o->flags |= DYAD_PHF_PLURAL;
    o->possessive = tg == DYAD_TAG_PRPS;
    return i + 1;
  }
  uint32_t j = i + quant_prefix(cx, i, end); /* "at least six", ... */
  if (tag_adv(t[j].tag) && (tcls(cx, j) & WB(W_APPROX)) && j + 1 < end &&
      (t[j + 1].tag == DYAD_TAG_CD || t[j + 1].tag == DYAD_TAG_DOLLAR))
    j++; /* "about 16,500" */
  if (t[j].tag == DYAD_TAG_PDT)
    j++;
  if (j < end && t[j].tag == DYAD_TAG_DT && !dl(cx, j)) {
    o->det = (int32_t)j;
    j++;
  }
  uint32_t last_nom = UINT32_MAX, last_adj = UINT32_MAX;
  /* the first "$" from j0 on, noted by the scan (the only tags it takes
   * there that may be "$": nominals and a bracketed acronym) */
  uint32_t j0 = j, dollar = UINT32_MAX;
  while (j < end && !dl(cx, j)) {
    tg = t[j].tag;
    /* nouns and adjectives, the common case, need no look-ahead */
    if (tag_noun(tg) || tg == DYAD_TAG_CD || tg == DYAD_TAG_FW ||
        tg == DYAD_TAG_DOLLAR || tg == DYAD_TAG_HASH) {
      if (tg == DYAD_TAG_CD && last_nom != UINT32_MAX && j + 1 < end &&
          t[j + 1].tag == DYAD_TAG_CD && tag_noun(t[last_nom].tag))
        break; /* "gave the Ivory Coast | 5.1 million dollars" */
      if (tg == DYAD_TAG_DOLLAR && dollar == UINT32_MAX)
        dollar = j;
      last_nom = j++;
      continue;
    }
    if (tag_adj(tg)) {
      if (last_nom != UINT32_MAX && (tcls(cx, j) & WB(W_TIMEADJ)))
        break; /* "customer Lindsay Gay | last month" */
      if (last_nom != UINT32_MAX && last_nom + 1 == j &&
          (t[j].flags & DYAD_TOKF_CAP) && fronted_pp_end(cx, i, j, end))
        break; /* "According to a police spokesman | Kenyan soldiers have
                  ...": the comma left out */
      last_adj = j++;
      continue;
    }
    /* "the Kurdistan Workers Party (PKK) leader": a name's acronym in
     * parentheses, then a common noun the name modifies, is inside the
     * noun phrase */
    if (tg == DYAD_TAG_LRB && last_nom != UINT32_MAX && last_nom + 1 == j &&
        j + 3 < end &&
        (t[last_nom].flags & DYAD_TOKF_CAP) &&
        (t[j + 1].flags & DYAD_TOKF_ALLCAPS) && t[j + 2].tag == DYAD_TAG_RRB &&
        (t[j + 3].tag == DYAD_TAG_NN || t[j + 3].tag == DYAD_TAG_NNS) &&
        !(t[j + 3].flags & DYAD_TOKF_CAP) &&
        !(tcls(cx, j + 3) & WB(W_TIME))) { /* (not "(EC) yesterday") */
      if (t[j + 1].tag == DYAD_TAG_DOLLAR && dollar == UINT32_MAX)
        dollar = j + 1;
      j += 3;
      continue;
    }
    /* only these tags may continue an NP past here (the tests below) */
    if (!(TB(tg) & NP_CONT))
      break;
    int nt = j + 1 < end ? t[j + 1].tag : DYAD_TAG_NONE;
    int nnt = j + 2 < end ? t[j + 2].tag : DYAD_TAG_NONE;
    int started = j > i || after_poss ||
                  (tg == DYAD_TAG_VBN && i > 0 &&
                   (t[i - 1].tag == DYAD_TAG_IN ||
                    t[i - 1].tag == DYAD_TAG_TO || after_lexverb(cx, i)));
    if (tg == DYAD_TAG_VBG && last_nom != UINT32_MAX && last_nom == j - 1 &&
        tag_adj(nt))
      break; /* "a declaration | demanding wide-ranging changes": after
                its head, a gerund with an adjective after it opens a
                participle clause ("oil producing countries" stays) */
    if ((tg == DYAD_TAG_VBN || tg == DYAD_TAG_VBG) && started &&
        (tag_noun(nt) || tag_adj(nt))) {
      j++;
      continue;
    }
    if (tg == DYAD_TAG_HYPH && j > i &&
        (tag_noun(nt) || tag_adj(nt) || nt == DYAD_TAG_CD ||
         ((nt == DYAD_TAG_VBG || nt == DYAD_TAG_VBN) &&
          (tag_noun(nnt) || tag_adj(nnt))))) {
      j++;
      continue;
    }
    if (tag_adv(tg) && j == i && nt == DYAD_TAG_VBN && after_lexverb(cx, i) &&
        (tag_noun(nnt) || tag_adj(nnt))) {
      j++; /* "featured carefully staged pomp" */
      continue;
    }
    if (tag_adv(tg) && !started && j == i && tag_adj(nt) &&
        (tcls(cx, j + 1) & WB(W_QUANT)) && !(tcls(cx, j) & WB(W_NEG)) &&
        (tag_noun(nnt) || tag_adj(nnt))) {
      j++; /* "so many species" */
      continue;
    }
    if (tag_adv(tg) && started && !(tcls(cx, j) & WB(W_NEG)) &&
        (tag_adj(nt) || ((nt == DYAD_TAG_VBN || nt == DYAD_TAG_VBG) &&
                         (tag_noun(nnt) || tag_adj(nnt))) ||
         (nt == DYAD_TAG_HYPH && (nnt == DYAD_TAG_VBN || tag_adj(nnt))))) {
      j++;
      continue;
    }
    if (tg == DYAD_TAG_COMMA && last_adj != UINT32_MAX && last_adj + 1 == j &&
        o->det >= 0 &&
        tag_adj(nt) && (tag_noun(nnt) || tag_adj(nnt))) {
      j++; /* "a mild, Mediterranean climate" */
      continue;
    }
    if (tg == DYAD_TAG_CC && last_adj != UINT32_MAX && last_adj + 1 == j &&
        (tag_adj(nt) || (tag_noun(nt) && tag_noun(nnt))) &&
        (tcls(cx, j) & WB(W_ANDOR))) {
      j++;
      continue;
    }
    break;
  }
  if (last_nom != UINT32_MAX) {
    o->head = last_nom; /* trailing adjectives are cut off */
  } else if (last_adj != UINT32_MAX && o->det >= 0) {
    o->head = last_adj; /* "the poor", "the wounded" */
  } else if (last_adj == i && j == i + 1 && (tcls(cx, i) & WB(W_QUANT)) &&
             j < end && (tcls(cx, j) & WB(W_OF))) {
    o->head = i; /* "many of the elite" */
  } else if (o->det >= 0 && (uint32_t)o->det == i && !after_nom(cx, i) &&
             ((tcls(cx, i) & WB(W_PRONDT)) || demonstrative(cx, i, end))) {
    o->head = (uint32_t)o->det; /* "this", "all", "both" alone */
  } else {
    return i;
  }
  o->e = o->head + 1;
  /* "$ 5 billion" is headed by its currency (the first "$" of the NP) */
  uint32_t k = o->b;
  while (k < j0 && k < o->e && t[k].tag != DYAD_TAG_DOLLAR)
    k++;
  if (k < j0 && k < o->e)
    o->head = k;
  else if (dollar < o->e)
    o->head = dollar;
  int ht = t[o->head].tag;
  if (ht == DYAD_TAG_NNS || ht == DYAD_TAG_NNPS)
    o->flags |= DYAD_PHF_PLURAL;
  if (ht == DYAD_TAG_NNP || ht == DYAD_TAG_NNPS)
    o->flags |= DYAD_PHF_PROPER;
  if ((uint32_t)o->det == o->head) {
    o->flags |= DYAD_PHF_PRONOUN;
    if (tcls(cx, o->head) & WB(W_PLPRON))
      o->flags |= DYAD_PHF_PLURAL;
  }
  if (o->det >= 0) {
    uint64_t c = tcls(cx, (uint32_t)o->det);
    if (c & WB(W_DEF))
      o->flags |= DYAD_PHF_DEFINITE;
    if (c & WB(W_NEGDET))
      o->flags |= DYAD_PHF_NEGDET;
  }
  if ((tcls(cx, o->head) & WB(W_NEGDET)) && t[o->head].tag != DYAD_TAG_DT)
    o->flags |= DYAD_PHF_NEGDET; /* "none" */
  return o->e;
}

/* A possessive chain: "the president's wife's car" = three units; the last
 * unit is the possessed head. */
#define GRP_MAX 8
struct grp {
  int n;
  uint32_t e; /* end, including a trailing 's of a dangling possessor */
  struct npx u[GRP_MAX];
};

#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t scan_group_at(const struct dyad_chunker *cx, uint32_t i,
                              uint32_t end, struct grp *g)
{
  const dyad_token *t = cx->t;
  uint32_t j = i, ge = i;
  int after = 0, n = 0, lastposs = 0;
  /* base_np scans straight into the next unit (no copy); a failed scan
   * leaves it outside the count */
  while (n < GRP_MAX) {
    struct npx *x = &g->u[n];
    uint32_t e = base_np(cx, j, end, after, x);
    if (e == j)
      break;
    /* an epithet: "Radagast the Brown", "Ivan the Terrible" */
    if ((x->flags & DYAD_PHF_PROPER) && e + 1 < end &&
        t[e].tag == DYAD_TAG_DT && (tcls(cx, e) & WB(W_DEF)) &&
        cx->t[e].len == 3 && (t[e + 1].flags & DYAD_TOKF_CAP) &&
        !(t[e + 1].flags & DYAD_TOKF_ALLCAPS) &&
        (t[e + 1].tag == DYAD_TAG_NNP || tag_adj(t[e + 1].tag)) &&
        (e + 2 >= end || !(tag_noun(t[e + 2].tag) || tag_adj(t[e + 2].tag))))
      x->e = e = e + 2;
    n++;
    lastposs = x->possessive;
    ge = e;
    if (x->possessive && n < GRP_MAX) {
      j = e;
      after = 1;
      continue;
    }
    if (e < end && t[e].tag == DYAD_TAG_POS && n < GRP_MAX) {
      ge = e + 1;
      j = e + 1;
      after = 1;
      continue;
    }
    break;
  }
  g->n = n;
  g->e = ge;
  /* A dangling possessor ("it was Xi's") stays a plain NP. */
  if (lastposs)
    g->u[n - 1].possessive = 0;
  return n ? ge : i;
}

/* A group scanned as a possible list member or apposition and then left
 * (after a comma, or the last member cut off a list) is scanned again by
 * the next test or as the next item of the sentence: the last one left
 * is kept here and taken from here (a scan depends only on its start,
 * the sentence's end and the document). */
struct dyad_grp_memo {
  uint32_t at; /* its first token, UINT32_MAX: none */
  struct grp g;
};

/* Copies a scanned group: its count, end and units. */
static inline void grp_copy(struct grp *to, const struct grp *from)
{
  to->n = from->n;
  to->e = from->e;
  for (int k = 0; k < from->n && k < GRP_MAX; k++)
    to->u[k] = from->u[k];
}

/* Keeps group g (n >= 1), scanned from its first unit's first token. */
static inline void memo_keep(const struct dyad_chunker *cx,
                             const struct grp *g)
{
  cx->memo->at = g->u[0].b;
  grp_copy(&cx->memo->g, g);
}

/* A token that can open no NP (base_np's first test) ends the scan
 * without a call. */
static inline uint32_t scan_group(const struct dyad_chunker *cx, uint32_t i,
                                  uint32_t end, struct grp *g)
{
  if (i >= end || dl(cx, i) ||
      (!(TB(cx->t[i].tag) & NP_FIRST) &&
       !(tcls(cx, i) & (WB(W_AT) | WB(W_MORE) | WB(W_UP) | WB(W_AS))))) {
    g->n = 0;
    g->e = i;
    return i;
  }
  return scan_group_at(cx, i, end, g);
}

/* A verb group. */
struct vgx {
  uint32_t b, e, head, first;
  int32_t prt;
  uint32_t flags;
  uint8_t tense;
  int finite; /* first verb is VBD/VBZ/VBP/MD */
};

static inline uint32_t skip_adv(const struct dyad_chunker *cx, uint32_t j,
                                uint32_t end, int max)
{
  const dyad_token *t = cx->t;
  for (int k = 0; k < max && j < end && !dl(cx, j); k++) {
    if (tag_adv(t[j].tag))
      j++;
    else if ((tcls(cx, j) & WB(W_NO)) && j + 1 < end &&
             (tcls(cx, j + 1) & WB(W_LONGER)))
      j += 2;
    else
      break;
  }
  return j;
}

/* Can verb token v (an auxiliary) take next token n as the next verb of
 * the group? Sets the flag that the link adds. */
static int aux_link(const struct dyad_chunker *cx, uint32_t v, uint32_t n,
                    uint32_t *fl)
{
  int vt = cx->t[v].tag, nt = cx->t[n].tag;
  uint64_t c = tcls(cx, v);
  if (vt == DYAD_TAG_MD)
    return nt == DYAD_TAG_VB;
  if (!tag_verb(vt))
    return 0;
  if (c & WB(W_BE)) {
    if (nt == DYAD_TAG_VBN) {
      *fl |= DYAD_PHF_PASSIVE;
      return 1;
    }
    if (nt == DYAD_TAG_VBG) {
      *fl |= DYAD_PHF_PROGRESSIVE;
      return 1;
    }
    return 0;
  }
  if (c & WB(W_HAVE)) {
    if (nt == DYAD_TAG_VBN) {
      *fl |= DYAD_PHF_PERFECT;
      return 1;
    }
    return 0;
  }
  if (c & WB(W_DO))
    return nt == DYAD_TAG_VB && vt != DYAD_TAG_VBG && vt != DYAD_TAG_VBN;
  if (c & WB(W_GET)) {
    if (nt == DYAD_TAG_VBN) {
      *fl |= DYAD_PHF_PASSIVE;
      return 1;
    }
  }
  return 0;
}

/* Scans a verb group at i (none: returns i).
 * Flags: NEGATED (not, n't, never, no longer inside the group), MODAL
 * (can could may might would should must), FUTURE (will, shall, going
 * to), PASSIVE (be/get + VBN, or a bare VBN), PERFECT, PROGRESSIVE,
 * INFINITIVE (to + verb), GERUND (the group opens with VBG), PARTICIPLE
 * (a bare VBN), THREAT (threaten), INTENT (promise, pledge, vow).
 * Tense from the first verb: VBD past, VBZ/VBP present, will/shall and
 * going to future; none for other modals and non-finite groups. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t scan_vg_at(const struct dyad_chunker *cx, uint32_t i,
                           uint32_t end, struct vgx *o)
{
  const dyad_token *t = cx->t;
  uint32_t j = skip_adv(cx, i, end, 3);
  int to = 0;
  if (j < end && t[j].tag == DYAD_TAG_TO && !dl(cx, j)) {
    uint32_t k = skip_adv(cx, j + 1, end, 2);
    if (k >= end || t[k].tag != DYAD_TAG_VB || dl(cx, k))
      return i;
    to = 1;
    j = k;
  }
  if (j >= end || dl(cx, j) ||
      !(t[j].tag == DYAD_TAG_MD || tag_verb(t[j].tag)))
    return i;
  uint32_t fl = 0;
  o->first = j;
  uint32_t cur = j;
  for (int guard = 0; guard < 8; guard++) {
    uint32_t k = skip_adv(cx, cur + 1, end, 3);
    if (k >= end || dl(cx, k) || !aux_link(cx, cur, k, &fl))
      break;
    cur = k;
  }
  /* "going to" + verb */
  if (t[cur].tag == DYAD_TAG_VBG && (tcls(cx, cur) & WB(W_GO)) &&
      cur + 2 < end && t[cur + 1].tag == DYAD_TAG_TO &&
      t[cur + 2].tag == DYAD_TAG_VB && cur > o->first) {
    fl = (fl & ~(uint32_t)DYAD_PHF_PROGRESSIVE) | DYAD_PHF_FUTURE;
    cur += 2;
  }
  o->head = cur;
  o->prt = -1;
  o->e = cur + 1;
  if (cur + 1 < end && t[cur + 1].tag == DYAD_TAG_RP && !dl(cx, cur + 1)) {
    o->prt = (int32_t)(cur + 1);
    o->e = cur + 2;
  }
  /* "is n't new", "will not": a negation after the last verb */
  if (o->prt < 0 && o->e < end && tag_adv(t[o->e].tag) &&
      (tcls(cx, o->e) & WB(W_NEG)) && !dl(cx, o->e))
    o->e++;
  o->b = i;
  int ft = t[o->first].tag;
  uint64_t fc = tcls(cx, o->first);
  o->finite = !to && (ft == DYAD_TAG_VBD || ft == DYAD_TAG_VBZ ||
                      ft == DYAD_TAG_VBP || ft == DYAD_TAG_MD);
  o->tense = DYAD_TENSE_NONE;
  if (ft == DYAD_TAG_MD) {
    /* by the form: a lemmatizer may give "would" the lemma "will" */
    if ((fc & WB(W_FUTURE)) &&
        !(wclass(cx, t[o->first].form) & WB(W_MODAL)))
      fl |= DYAD_PHF_FUTURE;
    else
      fl |= DYAD_PHF_MODAL;
  }
  if (!to) {
    if (ft == DYAD_TAG_VBD)
      o->tense = DYAD_TENSE_PAST;
    else if (ft == DYAD_TAG_VBZ || ft == DYAD_TAG_VBP)
      o->tense = DYAD_TENSE_PRESENT;
  }
  if (fl & DYAD_PHF_FUTURE)
    o->tense = DYAD_TENSE_FUTURE;
  if (to)
    fl |= DYAD_PHF_INFINITIVE;
  else if (ft == DYAD_TAG_VBG)
    fl |= DYAD_PHF_GERUND;
  else if (ft == DYAD_TAG_VBN && o->first == cur)
    fl |= DYAD_PHF_PARTICIPLE | DYAD_PHF_PASSIVE;
  for (uint32_t k = i; k < o->e; k++) {
    uint64_t c = tcls(cx, k);
    if ((c & WB(W_NEG)) && tag_adv(t[k].tag))
      fl |= DYAD_PHF_NEGATED;
    if ((c & WB(W_NO)) && k + 1 < o->e && (tcls(cx, k + 1) & WB(W_LONGER)))
      fl |= DYAD_PHF_NEGATED;
  }
  uint64_t hc = tcls(cx, cur);
  if (hc & WB(W_THREAT))
    fl |= DYAD_PHF_THREAT;
  if (hc & WB(W_COMMIT))
    fl |= DYAD_PHF_INTENT;
  o->flags = fl;
  return o->e;
}

/* Most tokens can open no verb group: they are rejected on the tag alone,
 * without a call. */
static inline uint32_t scan_vg(const struct dyad_chunker *cx, uint32_t i,
                               uint32_t end, struct vgx *o)
{
  if (i >= end ||
      (!(TB(cx->t[i].tag) & VG_OPEN) && !(tcls(cx, i) & WB(W_NO))))
    return i;
  return scan_vg_at(cx, i, end, o);
}

/* ==== pushing phrases ================================================== */

static inline dyad_phrase *newph(dyad_doc *doc, uint8_t kind, uint32_t b,
                          uint32_t e, uint32_t head)
{
  if (dyad_vec_reserve(&doc->ctx->alloc, doc->phrases, doc->phrases.n + 1))
    return NULL;
  dyad_phrase *p = &doc->phrases.v[doc->phrases.n++];
  /* one store of the whole phrase (the rest zero), not a clear and then
   * the fields again */
  *p = (dyad_phrase){.tok = b, .ntok = e - b, .head = head,
                     .lemma = tok_lemma(&doc->toks.v[head]), .kind = kind,
                     .det = -1, .poss = -1, .child = -1, .conj = -1,
                     .attach = -1, .up = -1, .next_pp = -1};
  return p;
}

/* Pushes a possessive group, outer NP first; returns the outer index or -1
 * when out of memory. */
static int32_t push_group(struct dyad_chunker *cx, const struct grp *g,
                          int32_t up)
{
  dyad_doc *doc = cx->doc;
  int32_t outer = -1;
  for (int k = g->n - 1; k >= 0; k--) {
    const struct npx *x = &g->u[k];
    dyad_phrase *p = newph(doc, DYAD_PH_NP, g->u[0].b, x->e, x->head);
    if (!p)
      return -1;
    int32_t idx = (int32_t)(doc->phrases.n - 1);
    p->det = x->det;
    p->flags = x->flags;
    p->up = up;
    if (k < g->n - 1)
      p->flags |= DYAD_PHF_POSSESSOR;
    if (k > 0)
      p->poss = idx + 1;
    if (outer < 0)
      outer = idx;
    up = idx;
  }
  return outer;
}

/* A coordination of groups at i: members' starts in g[], count in *n;
 * returns the end. One member means no coordination. vg_ctx: a verb was
 * seen earlier in this stretch of the sentence, so a last member followed
 * by a finite verb starts a new clause instead. */
#define COORD_MAX 16
/* A name, for list agreement: a proper noun head, or a capitalised
 * common noun after a determiner ("Mordor, the Shire, Fornost and Bree"). */
static int namelike(const struct dyad_chunker *cx, const struct npx *x)
{
  if (x->flags & DYAD_PHF_PROPER)
    return 1;
  return x->det >= 0 && (uint32_t)x->det < x->head &&
         (cx->t[x->head].flags & DYAD_TOKF_CAP) &&
         !(cx->t[x->head].flags & DYAD_TOKF_ALLCAPS);
}

/* The rest of scan_coord when a comma or conjunction follows the first
 * group g[0] (ending at e). Out of line: most groups have neither. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t scan_coord_at(const struct dyad_chunker *cx, uint32_t i,
                              uint32_t end, int split_ok, struct grp *g,
                              int *n, uint32_t e)
{
  const dyad_token *t = cx->t;
  int m = 1, coord = 0;
  uint32_t ends[COORD_MAX];
  ends[0] = e;
  uint32_t j = e;
  while (m < COORD_MAX && j < end) {
    int tg = t[j].tag;
    if (tg == DYAD_TAG_COMMA) {
      if (j + 1 < end && t[j + 1].tag == DYAD_TAG_CC &&
          (tcls(cx, j + 1) & WB(W_ANDOR))) {
        uint32_t e2 = scan_group(cx, j + 2, end, &g[m]);
        if (e2 > j + 2) {
          ends[m++] = e2;
          coord = 1;
        }
        break;
      }
      uint32_t e2 = scan_group(cx, j + 1, end, &g[m]);
      if (e2 == j + 1)
        break;
      /* list members agree in kind: "In an interview, Zay and ..." is
       * not a list */
      if (namelike(cx, &g[m].u[g[m].n - 1]) !=
          namelike(cx, &g[0].u[g[0].n - 1])) {
        memo_keep(cx, &g[m]);
        break;
      }
      ends[m++] = e2;
      j = e2;
      continue;
    }
    if (tg == DYAD_TAG_CC && (tcls(cx, j) & WB(W_ANDOR))) {
      uint32_t b2 = j + 1;
      if (b2 + 1 < end && tag_adv(t[b2].tag) && !(tcls(cx, b2) & WB(W_NEG)))
        b2++; /* "and even" */
      uint32_t e2 = scan_group(cx, b2, end, &g[m]);
      if (e2 > b2) {
        ends[m++] = e2;
        coord = 1;
      }
      break;
    }
    break;
  }
  if (!coord) {
    if (m > 1)
      memo_keep(cx, &g[1]); /* after the first comma: try_appos's next */
    *n = 1;
    return ends[0];
  }
  /* "attacked Kyiv and Ukraine responded", "of kilter and he seems" */
  const struct npx *lm = &g[m - 1].u[g[m - 1].n - 1];
  if (split_ok || (lm->b + 1 == lm->e && (tcls(cx, lm->b) & WB(W_NOMPRON)))) {
    struct vgx v;
    uint32_t le = ends[m - 1];
    if (scan_vg(cx, le, end, &v) > le && v.finite) {
      m--;
      memo_keep(cx, &g[m]);
    }
  }
  /* "accused the West of undermining stability and NATO of barging in":
   * a member followed by its own "of" + gerund, parallel to the one this
   * object follows, is a second object of the verb before, not a second
   * object of the gerund */
  uint32_t le = ends[m - 1];
  if (m > 1 && i >= 2 && t[i - 1].tag == DYAD_TAG_VBG &&
      (tcls(cx, i - 2) & WB(W_OF)) && le + 1 < end &&
      (tcls(cx, le) & WB(W_OF)) && t[le + 1].tag == DYAD_TAG_VBG)
    m--;
  *n = m;
  return ends[m - 1];
}

/* scan_group, or the kept group when it starts at i. */
static inline uint32_t memo_scan(const struct dyad_chunker *cx, uint32_t i,
                                 uint32_t end, struct grp *g)
{
  if (i == cx->memo->at) {
    grp_copy(g, &cx->memo->g);
    return g->n ? g->e : i;
  }
  return scan_group(cx, i, end, g);
}

/* scan_coord after its first group g[0], scanned to e. */
static inline uint32_t coord_after(const struct dyad_chunker *cx, uint32_t i,
                                   uint32_t end, int split_ok, struct grp *g,
                                   int *n, uint32_t e)
{
  if (e == i) {
    *n = 0;
    return i;
  }
  if (e >= end ||
      (cx->t[e].tag != DYAD_TAG_COMMA && cx->t[e].tag != DYAD_TAG_CC)) {
    *n = 1; /* no list: one group */
    return e;
  }
  return scan_coord_at(cx, i, end, split_ok, g, n, e);
}

static inline uint32_t scan_coord(const struct dyad_chunker *cx, uint32_t i,
                                  uint32_t end, int split_ok, struct grp *g,
                                  int *n)
{
  return coord_after(cx, i, end, split_ok, g, n,
                     scan_group(cx, i, end, &g[0]));
}

/* Does a finite verb group follow at e, after at most maxpp PPs ("as the
 * hysteria of the election intensifies")? */
static int finite_after(const struct dyad_chunker *cx, uint32_t e,
                        uint32_t end, int maxpp)
{
  struct vgx v;
  for (int k = 0; k <= maxpp && e < end; k++) {
    if (scan_vg(cx, e, end, &v) > e)
      return v.finite;
    int tg = cx->t[e].tag;
    if (k == maxpp || !(tg == DYAD_TAG_IN || tg == DYAD_TAG_TO) ||
        (tcls(cx, e) & (WB(W_SUB) | WB(W_SUBAMB) | WB(W_THAT))))
      return 0;
    struct grp g;
    uint32_t e2 = scan_group(cx, e + 1, end, &g);
    if (e2 == e + 1)
      return 0;
    e = e2;
  }
  return 0;
}

/* Is token i at the start of a clause (sentence start, after a comma,
 * conjunction, colon or quote)? There an "as"/"after"/"since" with a noun
 * and PPs before a verb opens a clause; elsewhere the verb must follow
 * the noun ("settled since the beginning of the 1960s emigrated"). */
static int clause_start(const struct dyad_chunker *cx, const dyad_sentence *s,
                        uint32_t i)
{
  if (i == s->tok || (cx->t[i - 1].flags & DYAD_TOKF_DATELINE))
    return 1;
  int pt = cx->t[i - 1].tag;
  return pt == DYAD_TAG_COMMA || pt == DYAD_TAG_CC || pt == DYAD_TAG_COLON ||
         pt == DYAD_TAG_LQUOTE || tag_adv(pt);
}

/* Pushes the members of a coordination (n > 1 groups); returns the index
 * of the outermost phrase, -1 when out of memory. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int32_t push_coord_at(struct dyad_chunker *cx, const struct grp *g,
                             int n, int32_t up)
{
  dyad_doc *doc = cx->doc;
  const struct npx *first = &g[0].u[g[0].n - 1];
  const struct npx *last = &g[n - 1].u[g[n - 1].n - 1];
  dyad_phrase *p = newph(doc, DYAD_PH_NP, g[0].u[0].b, last->e, first->head);
  if (!p)
    return -1;
  int32_t ci = (int32_t)(doc->phrases.n - 1);
  p->flags = DYAD_PHF_COORD | DYAD_PHF_PLURAL |
             (first->flags & DYAD_PHF_PROPER);
  p->up = up;
  int32_t prev = -1;
  for (int k = 0; k < n; k++) {
    int32_t mi = push_group(cx, &g[k], ci);
    if (mi < 0)
      return -1;
    if (prev < 0)
      doc->phrases.v[ci].child = mi;
    else
      doc->phrases.v[prev].conj = mi;
    prev = mi;
  }
  return ci;
}

/* Pushes a coordination of n groups, or the one group (the common case,
 * straight to push_group); returns the outermost phrase, -1 when out of
 * memory. */
static inline int32_t push_coord(struct dyad_chunker *cx, const struct grp *g,
                                 int n, int32_t up)
{
  if (n == 1 && g[0].n == 1) {
    /* one NP, no possessor: push_group's work for it, without the call */
    const struct npx *x = &g[0].u[0];
    dyad_phrase *p = newph(cx->doc, DYAD_PH_NP, x->b, x->e, x->head);
    if (!p)
      return -1;
    p->det = x->det;
    p->flags = x->flags;
    p->up = up;
    return (int32_t)(cx->doc->phrases.n - 1);
  }
  if (n == 1)
    return push_group(cx, &g[0], up);
  return push_coord_at(cx, g, n, up);
}

/* Pushes a PP headed by token prep over [prep, e) whose object is the
 * scanned coordination g (n groups), and links the two. Returns the
 * object's phrase index, -1 when out of memory. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int32_t push_pp(struct dyad_chunker *cx, uint32_t prep,
                              uint32_t e, const struct grp *g, int n)
{
  dyad_doc *doc = cx->doc;
  if (!newph(doc, DYAD_PH_PP, prep, e, prep))
    return -1;
  int32_t pi = (int32_t)(doc->phrases.n - 1);
  int32_t ni = push_coord(cx, g, n, pi);
  if (ni >= 0)
    doc->phrases.v[pi].child = ni;
  return ni;
}

static int temporal_np(const struct dyad_chunker *cx, const struct npx *x)
{
  return (tcls(cx, x->head) & WB(W_TIME)) && !(x->flags & DYAD_PHF_PRONOUN);
}

/* Is g2 (after a comma) an apposition to g1? A determined or common-noun
 * phrase renaming a name, or a name renaming a common noun phrase. */
static int appositive(const struct dyad_chunker *cx, const struct npx *a,
                      const struct npx *b)
{
  if ((a->flags | b->flags) & DYAD_PHF_PRONOUN)
    return 0;
  if (temporal_np(cx, a) || temporal_np(cx, b))
    return 0;
  int bt = cx->t[b->head].tag;
  if (b->det >= 0 || bt == DYAD_TAG_NN || bt == DYAD_TAG_NNS)
    return 1;
  return !(a->flags & DYAD_PHF_PROPER) && (b->flags & DYAD_PHF_PROPER);
}

/* An apposition at i (a comma): ", the Chinese leader," renaming the NP
 * described by a (phrase anchor). Also with PPs inside the apposition
 * (", the president of the council,") and, whatever the two NPs look like,
 * when a finite verb follows its closing comma ("Badarpur, south-east
 * Delhi, will stop"). Pushes it and returns the token after it, else i. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t try_appos_at(struct dyad_chunker *cx, uint32_t i,
                             uint32_t end, const struct npx *a,
                             int32_t anchor, int *err)
{
  const dyad_token *t = cx->t;
  struct grp g2;
  uint32_t e2 = memo_scan(cx, i + 1, end, &g2);
  if (e2 == i + 1 || g2.n < 1)
    return i;
  const struct npx *b = &g2.u[g2.n - 1]; /* "the state's fiercest foe" */
  uint32_t k = e2;
  for (int n = 0; n < 3 && k < end; n++) {
    int tg = t[k].tag;
    if (!(tg == DYAD_TAG_IN || tg == DYAD_TAG_TO) ||
        (tcls(cx, k) & (WB(W_SUB) | WB(W_SUBAMB) | WB(W_THAT))))
      break;
    struct grp g3;
    uint32_t e3 = scan_group(cx, k + 1, end, &g3);
    if (e3 == k + 1)
      break;
    k = e3;
  }
  /* "Kidnappers of four professors, three Americans and one Indian, said":
   * a coordination renames the NP when a finite verb follows its closing
   * comma */
  if (k == e2 && k < end && t[k].tag == DYAD_TAG_CC) {
    struct grp gs[COORD_MAX];
    int n = 0;
    uint32_t ec = scan_coord(cx, i + 1, end, 0, gs, &n);
    struct vgx vc;
    if (n >= 2 && ec + 1 < end && t[ec].tag == DYAD_TAG_COMMA &&
        scan_vg(cx, ec + 1, end, &vc) > ec + 1 && vc.finite &&
        !(gs[0].u[gs[0].n - 1].flags & DYAD_PHF_PRONOUN) &&
        !temporal_np(cx, a)) {
      int32_t ai = push_coord(cx, gs, n, -1);
      if (ai < 0) {
        *err = 1;
        return i;
      }
      cx->doc->phrases.v[ai].flags |= DYAD_PHF_APPOS;
      cx->doc->phrases.v[ai].attach = anchor;
      return ec;
    }
  }
  int close = k == end || t[k].tag == DYAD_TAG_COMMA ||
              t[k].tag == DYAD_TAG_PERIOD || t[k].tag == DYAD_TAG_RRB ||
              t[k].tag == DYAD_TAG_COLON;
  if (!close || (k + 1 < end && t[k].tag == DYAD_TAG_COMMA &&
                 t[k + 1].tag == DYAD_TAG_CC)) {
    memo_keep(cx, &g2);
    return i;
  }
  struct vgx v;
  int verb_after = k + 1 < end && t[k].tag == DYAD_TAG_COMMA &&
                   scan_vg(cx, k + 1, end, &v) > k + 1 && v.finite &&
                   !(b->flags & DYAD_PHF_PRONOUN) &&
                   !temporal_np(cx, b) && !temporal_np(cx, a);
  if (!verb_after && !appositive(cx, a, b)) {
    memo_keep(cx, &g2);
    return i;
  }
  int32_t ai = push_group(cx, &g2, -1);
  if (ai < 0) {
    *err = 1;
    return i;
  }
  cx->doc->phrases.v[ai].flags |= DYAD_PHF_APPOS;
  cx->doc->phrases.v[ai].attach = anchor;
  return e2;
}

/* Most NPs are not followed by a comma: answered without a call. */
static inline uint32_t try_appos(struct dyad_chunker *cx, uint32_t i,
                                 uint32_t end, const struct npx *a,
                                 int32_t anchor, int *err)
{
  if (anchor < 0 || i + 1 >= end || cx->t[i].tag != DYAD_TAG_COMMA)
    return i;
  return try_appos_at(cx, i, end, a, anchor, err);
}

/* The sentence's first token after its dateline, or i if all before i
 * are dateline tokens. */
static uint32_t first_word(const struct dyad_chunker *cx,
                           const dyad_sentence *s, uint32_t i)
{
  uint32_t s0 = s->tok;
  while (s0 < i && (cx->t[s0].flags & DYAD_TOKF_DATELINE))
    s0++;
  return s0;
}

/* "including X", "regarding X" (a preposition), "according to X": a PP
 * headed by the word at i (classes c, tag tg), pushed. Returns the token
 * after it, i when there is none, UINT32_MAX when out of memory. Out of
 * line: rare words. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t prepword_pp(struct dyad_chunker *cx, uint32_t i, uint32_t end,
                            uint64_t c, int tg, struct grp *g)
{
  const dyad_token *t = cx->t;
  if ((c & WB(W_PREPVBG)) && tg == DYAD_TAG_VBG && i + 1 < end) {
    int n;
    uint32_t e = scan_coord(cx, i + 1, end, 0, g, &n);
    if (e > i + 1)
      return push_pp(cx, i, e, g, n) < 0 ? UINT32_MAX : e;
  }
  if ((c & WB(W_ACCORDING)) && i + 2 < end &&
      (t[i + 1].tag == DYAD_TAG_TO || t[i + 1].tag == DYAD_TAG_IN)) {
    int n;
    uint32_t e = scan_coord(cx, i + 2, end, 0, g, &n);
    if (e > i + 2)
      return push_pp(cx, i, e, g, n) < 0 ? UINT32_MAX : e;
  }
  return i;
}

/* Chunks one sentence. */
static dyad_status chunk_sentence(struct dyad_chunker *cx,
                                  const dyad_sentence *s)
{
  dyad_doc *doc = cx->doc;
  const dyad_token *t = cx->t;
  uint32_t end = s->tok + s->ntok;
  int vg_seen = 0;     /* a verb group since the last clause boundary */
  int last_speech = 0; /* the last item is a speech/cognition VG */
  int32_t anc = -1;    /* NP an apposition would rename (PPs may follow) */
  struct npx ancx;
  int err = 0;
  struct grp g[COORD_MAX];
  struct vgx v;
  uint32_t i = s->tok;
  while (i < end) {
    if (dl(cx, i)) {
      i++;
      continue;
    }
    int tg = t[i].tag;
    uint64_t c = tcls(cx, i);
    if (!(TB(tg) & CHUNK_OPEN) && !(c & CHUNK_OPENW))
      goto loose; /* opens no phrase (the tests below would all fail) */
    if (c & (WB(W_PREPVBG) | WB(W_ACCORDING))) {
      uint32_t e = prepword_pp(cx, i, end, c, tg, g);
      if (e == UINT32_MAX)
        return DYAD_ENOMEM;
      if (e != i) {
        i = e;
        last_speech = 0;
        continue;
      }
    }
    if (tg == DYAD_TAG_TO && scan_vg(cx, i, end, &v) > i)
      goto push_vg;
    if ((tg == DYAD_TAG_IN || tg == DYAD_TAG_TO) && !(c & WB(W_THAT)) &&
        !(c & WB(W_SUB)) && !quant_prefix(cx, i, end)) {
      int n;
      uint32_t e = scan_coord(cx, i + 1, end, vg_seen, g, &n);
      struct vgx v2;
      if (n > 1 && !vg_seen && t[first_word(cx, s, i)].tag == DYAD_TAG_IN &&
          t[g[0].e].tag == DYAD_TAG_COMMA &&
          scan_vg(cx, e, end, &v2) > e && v2.finite) {
        /* "At the end of a seminar on reform, around 100 intellectuals
         * and activists published": in the prepositional phrases opening
         * a sentence, a comma list right before its first, finite verb is
         * no object of the preposition; its members after the comma are
         * the subject ("Ministers from X, Y and Z are attending" is not
         * such an opening) */
        n = 1;
        e = g[0].e;
      }
      int clause_next = 0;
      if (e > i + 1 && (c & WB(W_SUBAMB)) && tg == DYAD_TAG_IN &&
          !(i > 0 && (tcls(cx, i - 1) & WB(W_SUCH))))
        clause_next = finite_after(cx, e, end, clause_start(cx, s, i) ? 3 : 0);
      if (e > i + 1 && !clause_next) {
        int32_t ni = push_pp(cx, i, e, g, n);
        if (ni < 0)
          return DYAD_ENOMEM;
        i = e;
        last_speech = 0;
        if (anc < 0 && n == 1) {
          anc = ni;
          ancx = g[0].u[g[0].n - 1];
        }
        uint32_t i2 = try_appos(cx, i, end, &ancx, anc, &err);
        if (err)
          return DYAD_ENOMEM;
        if (i2 != i)
          anc = -1;
        i = i2;
        continue;
      }
      if (c & WB(W_SUBAMB))
        vg_seen = 0; /* a subordinator before a clause */
      last_speech = 0;
      i++;
      continue;
    }
    if (scan_vg(cx, i, end, &v) > i &&
        !((v.flags & DYAD_PHF_PARTICIPLE) && v.e < end &&
          (tag_noun(t[v.e].tag) || tag_adj(t[v.e].tag)) &&
          after_lexverb(cx, i))) {
    push_vg:;
      dyad_phrase *p = newph(doc, DYAD_PH_VG, v.b, v.e, v.head);
      if (!p)
        return DYAD_ENOMEM;
      p->flags = v.flags;
      p->tense = v.tense;
      p->child = v.prt;
      vg_seen = 1;
      anc = -1;
      last_speech = (tcls(cx, v.head) & (WB(W_SPEECH) | WB(W_COGN))) != 0;
      i = v.e;
      continue;
    }
    {
      int n;
      uint32_t e = coord_after(cx, i, end, vg_seen && !last_speech, g, &n,
                               memo_scan(cx, i, end, &g[0]));
      if (e > i) {
        int32_t oi = push_coord(cx, g, n, -1);
        if (oi < 0)
          return DYAD_ENOMEM;
        last_speech = 0;
        i = e;
        anc = n == 1 ? oi : -1;
        ancx = g[0].u[g[0].n - 1];
        uint32_t i2 = try_appos(cx, i, end, &ancx, anc, &err);
        if (err)
          return DYAD_ENOMEM;
        if (i2 != i)
          anc = -1;
        i = i2;
        continue;
      }
    }
  loose: /* a loose token */
    if (tg == DYAD_TAG_WDT || tg == DYAD_TAG_WP || tg == DYAD_TAG_WPS ||
        tg == DYAD_TAG_WRB || (c & WB(W_THAT)) ||
        (tg == DYAD_TAG_COLON) || (c & WB(W_SUB)))
      vg_seen = 0;
    last_speech = 0;
    anc = -1;
    i++;
  }
  return DYAD_OK;
}

dyad_status dyad__phrases(dyad_doc *doc)
{
  const struct dyad_allocator *a = &doc->ctx->alloc;
  size_t ntok = doc->toks.n, nsent = doc->sents.n;
  doc->phrases.n = 0;
  doc->clauses.n = 0;
  if (nsent == 0)
    return DYAD_OK;
  struct dyad_chunker *cx = dyad__arena_alloc(&doc->arena, sizeof(*cx));
  if (!cx)
    return DYAD_ENOMEM;
  cx->doc = doc;
  cx->t = doc->toks.v;
  const struct dyad_chunk_words *cw = doc->ctx->chunkw;
  if (!cw) {
    /* a ctx whose loaders did not build the table: build one per doc */
    struct dyad_chunk_words *own =
        dyad__arena_alloc(&doc->arena, sizeof(*own));
    if (!own)
      return DYAD_ENOMEM;
    words_fill(own, &doc->ctx->vocab);
    cw = own;
  }
  cx->wkey = cw->wkey;
  cx->wcls = cw->wcls;
  cx->wseen = cw->wseen;
  cx->memo = dyad__arena_alloc(&doc->arena, sizeof(*cx->memo));
  if (!cx->memo)
    return DYAD_ENOMEM;
  cx->memo->at = UINT32_MAX;
  cx->maxcl = ntok + nsent + 1;
  cx->tc = dyad__arena_alloc(&doc->arena, (ntok + 1) * sizeof(uint64_t));
  cx->lastpp = dyad__arena_alloc(&doc->arena, cx->maxcl * sizeof(int32_t));
  cx->cstate = dyad__arena_alloc(&doc->arena, cx->maxcl);
  if (!cx->tc || !cx->lastpp || !cx->cstate)
    return DYAD_ENOMEM;
  /* (the probe inline here: a third of the tokens are listed words) */
  for (size_t i = 0; i < ntok; i++) {
    uint32_t f = doc->toks.v[i].form, l = doc->toks.v[i].lemma;
    uint64_t c = 0;
    uint32_t b = wseen_bit(f);
    if (f && cw->wseen[b]) {
      size_t h = wslot(cx, f);
      c = cw->wkey[h] == f ? cw->wcls[h] : 0;
    }
    b = wseen_bit(l);
    if (l != f && l && cw->wseen[b]) {
      size_t h = wslot(cx, l);
      c |= cw->wkey[h] == l ? cw->wcls[h] : 0;
    }
    cx->tc[i] = c;
  }
  /* Rough capacity so the vectors grow at most a few times. */
  if (dyad_vec_reserve(a, doc->phrases, ntok / 2 + 16) ||
      dyad_vec_reserve(a, doc->clauses, nsent * 2 + 16))
    return DYAD_ENOMEM;
  for (size_t si = 0; si < nsent; si++) {
    dyad_sentence *s = &doc->sents.v[si];
    s->clause = (uint32_t)doc->clauses.n;
    s->nclause = 0;
    if (s->tok > ntok || s->ntok > ntok - s->tok)
      continue; /* inconsistent sentence: leave it empty */
    size_t p0 = doc->phrases.n;
    dyad_status st = chunk_sentence(cx, s);
    if (st == DYAD_OK)
      st = dyad__clauses(cx, si, p0);
    if (st != DYAD_OK)
      return st;
    s = &doc->sents.v[si];
    s->nclause = (uint32_t)(doc->clauses.n - s->clause);
  }
  return DYAD_OK;
}

/* ==== writing ========================================================== */

static const char *const phkind[] = {"", "NP", "VG", "PP", "ADJP", "ADVP"};
static const char *const clkind[] = {"",     "MAIN", "COORD", "SUB",
                                     "REL", "COMP", "INF",   "PART"};
static const char *const phflag[] = {
    "PLURAL",  "PRONOUN", "PROPER",   "POSSESSOR",  "COORD",
    "DEFINITE", "NEGDET", "APPOS",    "PASSIVE",    "NEGATED",
    "MODAL",   "FUTURE",  "INTENT",   "THREAT",     "PERFECT",
    "PROGRESSIVE", "INFINITIVE", "GERUND", "PARTICIPLE"};
static const char *const clflag[] = {"CONDITIONAL", "REPORTED", "QUOTE",
                                     "QUESTION", "SUBJ_INHERITED"};
static const char *const tense[] = {"", "PAST", "PRESENT", "FUTURE"};

/* Phrase range of sentence si: phrases whose first token is inside it. */
static void sent_phrases(const dyad_doc *doc, size_t si, size_t *p0,
                         size_t *p1)
{
  const dyad_sentence *s = &doc->sents.v[si];
  size_t lo = 0, hi = doc->phrases.n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (doc->phrases.v[mid].tok < s->tok)
      lo = mid + 1;
    else
      hi = mid;
  }
  *p0 = lo;
  while (hi < doc->phrases.n && doc->phrases.v[hi].tok < s->tok + s->ntok)
    hi++;
  *p1 = hi;
}

static int add_tok(const dyad_doc *doc, uint32_t i, dyad_buf *out)
{
  const dyad_token *t = &doc->toks.v[i];
  if ((size_t)t->off + t->len > doc->text_len)
    return dyad__buf_adds(out, "?");
  return dyad__buf_add(out, doc->text + t->off, t->len);
}

static int add_span(const dyad_doc *doc, uint32_t b, uint32_t n,
                    dyad_buf *out)
{
  for (uint32_t k = 0; k < n; k++)
    if ((k && dyad__buf_addc(out, ' ')) || add_tok(doc, b + k, out))
      return -1;
  return 0;
}

static int add_flags(dyad_buf *out, uint32_t fl, const char *const *names,
                     size_t nnames, int json)
{
  int first = 1;
  for (size_t k = 0; k < nnames; k++) {
    if (!(fl & (1u << k)))
      continue;
    if (json ? dyad__buf_printf(out, "%s\"%s\"", first ? "" : ",", names[k])
             : dyad__buf_printf(out, "%s%s", first ? "" : " ", names[k]))
      return -1;
    first = 0;
  }
  return 0;
}

static int json_phrases(const dyad_doc *doc, size_t si, size_t p0, size_t p1,
                        dyad_buf *out)
{
  const dyad_sentence *s = &doc->sents.v[si];
  if (dyad__buf_adds(out, ",\"phrases\":["))
    return -1;
  for (size_t k = p0; k < p1; k++) {
    const dyad_phrase *p = &doc->phrases.v[k];
    size_t len;
    const char *lem = dyad_ctx_word(doc->ctx, p->lemma, &len);
    if (dyad__buf_printf(out, "%s{\"kind\":\"%s\",\"span\":[%u,%u],\"head\":\"",
                         k > p0 ? "," : "", phkind[p->kind < 6 ? p->kind : 0],
                         p->tok - s->tok, p->tok - s->tok + p->ntok))
      return -1;
    const dyad_token *h = &doc->toks.v[p->head];
    if ((size_t)h->off + h->len <= doc->text_len &&
        dyad__buf_json_str(out, doc->text + h->off, h->len))
      return -1;
    if (dyad__buf_adds(out, "\",\"lemma\":\"") ||
        (lem && dyad__buf_json_str(out, lem, len)) ||
        dyad__buf_printf(out, "\",\"clause\":%u,\"flags\":[", p->clause) ||
        add_flags(out, p->flags, phflag, DYAD_ARRAY_LEN(phflag), 1) ||
        dyad__buf_addc(out, ']'))
      return -1;
    if (p->kind == DYAD_PH_VG && p->tense &&
        dyad__buf_printf(out, ",\"tense\":\"%s\"", tense[p->tense & 3]))
      return -1;
    struct {
      const char *name;
      int32_t v;
    } refs[] = {{"poss", p->poss},     {"child", p->child},
                {"conj", p->conj},     {"attach", p->attach},
                {"up", p->up}};
    for (size_t r = 0; r < DYAD_ARRAY_LEN(refs); r++) {
      int32_t v = refs[r].v;
      if (v < 0)
        continue;
      /* VG child is a token (the particle); the rest are phrases. */
      long rel = p->kind == DYAD_PH_VG && r == 1 ? (long)v - (long)s->tok
                                                 : (long)v - (long)p0;
      if (dyad__buf_printf(out, ",\"%s\":%ld", refs[r].name, rel))
        return -1;
    }
    if (dyad__buf_addc(out, '}'))
      return -1;
  }
  return dyad__buf_addc(out, ']');
}

static int json_clauses(const dyad_doc *doc, size_t si, size_t p0,
                        dyad_buf *out)
{
  const dyad_sentence *s = &doc->sents.v[si];
  if (dyad__buf_adds(out, ",\"clauses\":["))
    return -1;
  for (uint32_t k = 0; k < s->nclause; k++) {
    const dyad_clause *c = &doc->clauses.v[s->clause + k];
    if (dyad__buf_printf(out, "%s{\"kind\":\"%s\",\"span\":[%u,%u]",
                         k ? "," : "", clkind[c->kind < 8 ? c->kind : 0],
                         c->tok - s->tok, c->tok - s->tok + c->ntok))
      return -1;
    struct {
      const char *name;
      int32_t v;
    } refs[] = {{"subj", c->subj},       {"verb", c->verb},
                {"obj", c->obj},         {"obj2", c->obj2},
                {"antecedent", c->antecedent}, {"speaker", c->speaker}};
    for (size_t r = 0; r < DYAD_ARRAY_LEN(refs); r++)
      if (refs[r].v >= 0 &&
          dyad__buf_printf(out, ",\"%s\":%ld", refs[r].name,
                           (long)refs[r].v - (long)p0))
        return -1;
    if (c->parent >= 0 &&
        dyad__buf_printf(out, ",\"parent\":%ld",
                         (long)c->parent - (long)s->clause))
      return -1;
    if (c->sub_word != UINT32_MAX &&
        dyad__buf_printf(out, ",\"sub_word\":%u", c->sub_word - s->tok))
      return -1;
    if (dyad__buf_adds(out, ",\"pps\":["))
      return -1;
    int32_t pp = c->npp ? (int32_t)c->pp : -1;
    for (uint32_t n = 0; n < c->npp && pp >= 0; n++) {
      if (dyad__buf_printf(out, "%s%ld", n ? "," : "", (long)pp - (long)p0))
        return -1;
      pp = doc->phrases.v[pp].next_pp;
    }
    if (dyad__buf_adds(out, "],\"flags\":[") ||
        add_flags(out, c->flags, clflag, DYAD_ARRAY_LEN(clflag), 1) ||
        dyad__buf_adds(out, "]}"))
      return -1;
  }
  return dyad__buf_addc(out, ']');
}

/* [NP Xi] [VG made] [NP a strong show] [PP of [NP solidarity]]: nested
 * phrases open in array order (outer first) and close at their end. */
static int text_phrases(const dyad_doc *doc, size_t si, size_t p0, size_t p1,
                        dyad_buf *out)
{
  const dyad_sentence *s = &doc->sents.v[si];
  uint32_t stack[32];
  int sp = 0;
  size_t k = p0;
  if (dyad__buf_adds(out, "  phrases:"))
    return -1;
  for (uint32_t i = s->tok; i < s->tok + s->ntok; i++) {
    if (dyad__buf_addc(out, ' '))
      return -1;
    for (; k < p1 && doc->phrases.v[k].tok == i; k++) {
      const dyad_phrase *p = &doc->phrases.v[k];
      if (dyad__buf_printf(out, "[%s ", phkind[p->kind < 6 ? p->kind : 0]))
        return -1;
      if (sp < 32)
        stack[sp++] = p->tok + p->ntok;
    }
    if (add_tok(doc, i, out))
      return -1;
    while (sp > 0 && stack[sp - 1] == i + 1) {
      sp--;
      if (dyad__buf_addc(out, ']'))
        return -1;
    }
  }
  while (sp-- > 0)
    if (dyad__buf_addc(out, ']'))
      return -1;
  return dyad__buf_addc(out, '\n');
}

static int text_ref(const dyad_doc *doc, const char *name, int32_t ph,
                    dyad_buf *out)
{
  if (ph < 0)
    return 0;
  const dyad_phrase *p = &doc->phrases.v[ph];
  if (dyad__buf_printf(out, " %s=[", name) ||
      add_span(doc, p->tok, p->ntok, out) || dyad__buf_addc(out, ']'))
    return -1;
  if (p->kind == DYAD_PH_VG && (p->flags || p->tense)) {
    if (dyad__buf_addc(out, '(') ||
        add_flags(out, p->flags, phflag, DYAD_ARRAY_LEN(phflag), 0) ||
        (p->tense && !(p->tense == DYAD_TENSE_FUTURE &&
                       (p->flags & DYAD_PHF_FUTURE)) &&
         dyad__buf_printf(out, "%s%s", p->flags ? " " : "",
                          tense[p->tense & 3])) ||
        dyad__buf_addc(out, ')'))
      return -1;
  }
  return 0;
}

static int text_clauses(const dyad_doc *doc, size_t si, dyad_buf *out)
{
  const dyad_sentence *s = &doc->sents.v[si];
  for (uint32_t k = 0; k < s->nclause; k++) {
    const dyad_clause *c = &doc->clauses.v[s->clause + k];
    if (dyad__buf_printf(out, "  clause %u %s", k,
                         clkind[c->kind < 8 ? c->kind : 0]))
      return -1;
    if (c->parent >= 0 &&
        dyad__buf_printf(out, " parent=%ld", (long)c->parent - (long)s->clause))
      return -1;
    if (c->sub_word != UINT32_MAX &&
        (dyad__buf_adds(out, " by=") || add_tok(doc, c->sub_word, out)))
      return -1;
    if (text_ref(doc, "subj", c->subj, out) ||
        text_ref(doc, "verb", c->verb, out) ||
        text_ref(doc, "obj", c->obj, out) ||
        text_ref(doc, "obj2", c->obj2, out) ||
        text_ref(doc, "ante", c->antecedent, out) ||
        text_ref(doc, "speaker", c->speaker, out))
      return -1;
    int32_t pp = c->npp ? (int32_t)c->pp : -1;
    for (uint32_t n = 0; n < c->npp && pp >= 0; n++) {
      if (text_ref(doc, "pp", pp, out))
        return -1;
      pp = doc->phrases.v[pp].next_pp;
    }
    if (c->flags && (dyad__buf_adds(out, " {") ||
                     add_flags(out, c->flags, clflag, DYAD_ARRAY_LEN(clflag),
                               0) ||
                     dyad__buf_addc(out, '}')))
      return -1;
    if (dyad__buf_addc(out, '\n'))
      return -1;
  }
  return 0;
}

/* JSON: ',"phrases":[...],"clauses":[...]' for sentence sent. Spans are
 * [first, end) token indexes within the sentence; phrase references
 * (poss, child, conj, attach, up, subj, verb, obj, obj2, antecedent,
 * speaker, pps) are indexes into this sentence's "phrases" array, clause
 * references (parent) into its "clauses" array, and a VG's "child" is
 * the particle's token index within the sentence. Absent references are
 * left out. Text: one line of bracketed phrases, one line per clause. */
int dyad__write_phrases(const dyad_doc *doc, size_t sent, int json,
                        dyad_buf *out)
{
  if (sent >= doc->sents.n)
    return 0;
  size_t p0, p1;
  sent_phrases(doc, sent, &p0, &p1);
  if (json)
    return json_phrases(doc, sent, p0, p1, out) ||
                   json_clauses(doc, sent, p0, out)
               ? -1
               : 0;
  return text_phrases(doc, sent, p0, p1, out) || text_clauses(doc, sent, out)
             ? -1
             : 0;
}

dyad_status dyad__chunk_words_build(dyad_ctx *ctx)
{
  if (!ctx->chunkw) {
    ctx->chunkw = dyad__malloc(&ctx->alloc, sizeof(*ctx->chunkw));
    if (!ctx->chunkw)
      return DYAD_ENOMEM;
  }
  words_fill(ctx->chunkw, &ctx->vocab);
  return DYAD_OK;
}

void dyad__chunk_words_free(dyad_ctx *ctx)
{
  dyad__free(&ctx->alloc, ctx->chunkw, sizeof(*ctx->chunkw));
  ctx->chunkw = NULL;
}
