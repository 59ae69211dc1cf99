/*
 * tagger.c: the part-of-speech tagger (Penn tags) and the per-token lemma.
 *
 * A deterministic, hand-written tagger in three passes per sentence:
 *  1. lexical: each token gets its set of possible tags and a first guess,
 *     from its kind (punctuation, number, URL), the lexicon (WordNet plus
 *     our closed-class lists, tags in order of preference), capitalisation
 *     (proper nouns) and, for unknown words, suffix and shape rules;
 *  2. context: left to right, ambiguous tokens are settled by rules written
 *     from our knowledge of English (determiner + noun, "to"/modal + base
 *     verb, have + participle, be + passive participle, subject + finite
 *     verb, "that" as IN/DT/WDT, "'s" as POS/VBZ, ...). A rule may only
 *     pick a tag the token can have, except where noted;
 *  3. the lemma of each token from its tag (lemma.c).
 * No weights are learned from any treebank. Capitalised words follow the
 * UD English conventions: a common word inside a name keeps its common
 * tag (the Royal/JJ Navy, Harvard Business/NN School/NN), a word the
 * lexicon does not know, or knows only as a name, is NNP.
 *
 * Invariants: uses only the ctx (read-only), doc vectors/arena and the
 * doc's word cache (tag_state, made once per doc); two arena allocations
 * per document (token state, folded forms), none per token; the word ids
 * the rules name are looked up once at lexicon load. A token's folded form
 * (tw.f) points into the document text when folding changes nothing, else
 * into the vocabulary (a cached word it knows) or the folded-forms block.
 *
 * Speed: a known word written in lower case (most tokens) takes its first
 * tag, possible tags, flags and lemma from its lexicon entry, worked out
 * once at load (lower_guess); context() runs only for a word some rule
 * concerns (tw.need), and the particle and capital rules, the only ones
 * for many words, run alone; the word cache also keeps guess()'s answer
 * and the suffix rules' lemma of a word the vocabulary lacks. Every such
 * shortcut gives the answers of the full path (output byte-identical).
 */
#include "../internal.h"

#include "lexicon.h"

#define B(t) DYAD_TAGBIT(DYAD_TAG_##t)
_Static_assert(DYAD_TAG_COUNT <= 64, "a tag set is one 64-bit mask");

/* For the per-token helpers with one or two call sites in the hot loops,
 * which the compiler otherwise keeps out of line. */
#if defined(__GNUC__)
#define HOT_INLINE inline __attribute__((always_inline))
#define NO_INLINE __attribute__((noinline))
#else
#define HOT_INLINE inline
#define NO_INLINE
#endif
#define NOUNS (B(NN) | B(NNS) | B(NNP) | B(NNPS))
#define VERBS (B(VB) | B(VBD) | B(VBG) | B(VBN) | B(VBP) | B(VBZ))
#define FINITE (B(VBD) | B(VBP) | B(VBZ) | B(MD))
#define ADJS (B(JJ) | B(JJR) | B(JJS))

/* Per-token working state, one array per document in the arena. */
struct tw {
  uint64_t mask;   /* possible tags */
  const struct dyad_lexent *e; /* the word's lexicon entry, NULL: none */
  const char *f;   /* the folded form (doc arena), fl bytes */
  uint32_t fl;
  uint32_t form;   /* vocab id of the folded form */
  uint32_t vlemma; /* verb lemma id (for be/have/do tests), 0 if none */
  uint32_t wce;    /* its word cache set + 1, 0: none (the word may have
                      left it since) */
  union { /* the flags, also as one word (a known lower-case word's are
             worked out at load: dyad_lexent.lcstate) */
    struct {
      uint8_t first;   /* first word of the sentence or of a quotation */
      uint8_t cap;     /* capitalised (not first) */
      uint8_t known;   /* the lexicon knows the word */
      uint8_t hand;    /* the word is in our hand-written lists */
      uint8_t capword; /* capitalised common word (not first) */
      uint8_t rule;    /* the rules name this word (DYAD_LEXF_RULE) */
      uint8_t need;    /* context() has rules for it (needs_context); 2:
                          only the particle rule (particle_only), 3: only
                          cap_rule */
      uint8_t lctag;   /* the tag whose lemma the lexical pass gave the
                          token (a known lower-case word), else 0 */
    };
    uint64_t bits;
  };
};

/* Vocab ids of the words the rules name, looked up once per document. */
struct dyad_tagger_ids {
  uint32_t be, have, do_, get, to, that, by, of, as, than, and_, or_, s,
      there, her, more, most, less, least, all, both, half, either, so,
      about, around, one, like, what, when, before, after, such, not_, nt,
      well, ago, up, out, down, off, over, back, away, in, on, about_, then,
      because, else_, home, but, said, says, seem, appear, become, remain,
      rather, only, own, next, last, he, she, it, say, who;
  uint32_t content[24];
  uint32_t at, no, enough;
  uint32_t caus[7];
  uint32_t degree[10];
};

static uint32_t id_of(const dyad_ctx *ctx, const char *s)
{
  return dyad__vocab_find(&ctx->vocab, s, strlen(s));
}

static const char *const content_words[24] = {
    "fact", "possibility", "idea", "belief", "evidence", "hope", "fear",
    "sign", "claim", "claims", "notion", "view", "news", "report",
    "reports", "assurance", "concern", "concerns", "chance", "suggestion",
    "proof", "conclusion", "likelihood", "surprise"};

static const char *const caus_words[7] = {"make", "let", "help", "see",
                                          "watch", "hear", "have"};

static void lookup_ids(const dyad_ctx *ctx, struct dyad_tagger_ids *d);
static void lower_guess(struct dyad_lexent *e, uint32_t id);

struct dyad_tagger_ids *dyad__tagger_ids_new(const dyad_ctx *ctx)
{
  struct dyad_tagger_ids *d = dyad__calloc(&ctx->alloc, sizeof(*d));
  if (!d)
    return NULL;
  lookup_ids(ctx, d);
  /* mark the words that context() tests by their form (the "sp && form
   * == d->x" rules), so that it tests a token's form against them only
   * when the form is one of them, and lets other words with a single
   * possible tag go untouched */
  const uint32_t named[] = {
      d->to, d->that, d->s, d->there, d->her, d->about, d->around,
      d->over, d->as, d->more, d->most, d->less, d->least, d->no, d->all,
      d->both, d->half, d->either, d->before, d->after, d->so, d->one,
      d->like};
  struct dyad_lexicon *lx = ctx->lex;
  for (size_t k = 0; lx && k < DYAD_ARRAY_LEN(named); k++)
    if (named[k] && named[k] < lx->n)
      lx->ents[named[k]].flags |= DYAD_LEXF_RULE;
  for (size_t k = 0; lx && k < lx->n; k++)
    if (lx->ents[k].flags & DYAD_LEXF_WORD)
      lower_guess(&lx->ents[k], (uint32_t)k);
  return d;
}

void dyad__tagger_ids_free(const dyad_ctx *ctx, struct dyad_tagger_ids *d)
{
  if (d)
    dyad__free(&ctx->alloc, d, sizeof(*d));
}

static const char *const degree_words[10] = {
    "very", "so", "too", "quite", "extremely", "rather", "increasingly",
    "less", "more", "most"};

static void lookup_ids(const dyad_ctx *ctx, struct dyad_tagger_ids *d)
{
  for (size_t k = 0; k < DYAD_ARRAY_LEN(degree_words); k++)
    d->degree[k] = id_of(ctx, degree_words[k]);
  for (size_t k = 0; k < DYAD_ARRAY_LEN(caus_words); k++)
    d->caus[k] = id_of(ctx, caus_words[k]);
  for (size_t k = 0; k < DYAD_ARRAY_LEN(content_words); k++)
    d->content[k] = id_of(ctx, content_words[k]);
  d->be = id_of(ctx, "be");
  d->have = id_of(ctx, "have");
  d->do_ = id_of(ctx, "do");
  d->get = id_of(ctx, "get");
  d->to = id_of(ctx, "to");
  d->that = id_of(ctx, "that");
  d->by = id_of(ctx, "by");
  d->of = id_of(ctx, "of");
  d->as = id_of(ctx, "as");
  d->than = id_of(ctx, "than");
  d->and_ = id_of(ctx, "and");
  d->or_ = id_of(ctx, "or");
  d->s = id_of(ctx, "'s");
  d->there = id_of(ctx, "there");
  d->her = id_of(ctx, "her");
  d->more = id_of(ctx, "more");
  d->most = id_of(ctx, "most");
  d->less = id_of(ctx, "less");
  d->least = id_of(ctx, "least");
  d->all = id_of(ctx, "all");
  d->both = id_of(ctx, "both");
  d->half = id_of(ctx, "half");
  d->either = id_of(ctx, "either");
  d->so = id_of(ctx, "so");
  d->about = id_of(ctx, "about");
  d->around = id_of(ctx, "around");
  d->one = id_of(ctx, "one");
  d->like = id_of(ctx, "like");
  d->what = id_of(ctx, "what");
  d->when = id_of(ctx, "when");
  d->before = id_of(ctx, "before");
  d->after = id_of(ctx, "after");
  d->such = id_of(ctx, "such");
  d->not_ = id_of(ctx, "not");
  d->nt = id_of(ctx, "n't");
  d->well = id_of(ctx, "well");
  d->ago = id_of(ctx, "ago");
  d->up = id_of(ctx, "up");
  d->out = id_of(ctx, "out");
  d->down = id_of(ctx, "down");
  d->off = id_of(ctx, "off");
  d->over = id_of(ctx, "over");
  d->back = id_of(ctx, "back");
  d->away = id_of(ctx, "away");
  d->in = id_of(ctx, "in");
  d->on = id_of(ctx, "on");
  d->then = id_of(ctx, "then");
  d->because = id_of(ctx, "because");
  d->home = id_of(ctx, "home");
  d->but = id_of(ctx, "but");
  d->said = id_of(ctx, "said");
  d->says = id_of(ctx, "says");
  d->seem = id_of(ctx, "seem");
  d->appear = id_of(ctx, "appear");
  d->become = id_of(ctx, "become");
  d->remain = id_of(ctx, "remain");
  d->rather = id_of(ctx, "rather");
  d->only = id_of(ctx, "only");
  d->own = id_of(ctx, "own");
  d->next = id_of(ctx, "next");
  d->last = id_of(ctx, "last");
  d->he = id_of(ctx, "he");
  d->at = id_of(ctx, "at");
  d->no = id_of(ctx, "no");
  d->enough = id_of(ctx, "enough");
  d->say = id_of(ctx, "say");
  d->she = id_of(ctx, "she");
  d->it = id_of(ctx, "it");
  d->who = id_of(ctx, "who");
}

/* Nouns that take a "that" complement clause (the fact that ...), after
 * which "that" is IN rather than a relative WDT. */
static int content_noun(const struct dyad_tagger_ids *d, uint32_t form)
{
  for (size_t k = 0; k < DYAD_ARRAY_LEN(d->content); k++)
    if (form && d->content[k] == form)
      return 1;
  return 0;
}

/* Verbs taking an object and a bare infinitive (make him leave). */
static int causative(const struct dyad_tagger_ids *d, uint32_t lemma)
{
  for (size_t k = 0; k < DYAD_ARRAY_LEN(d->caus); k++)
    if (lemma && d->caus[k] == lemma)
      return 1;
  return 0;
}

/* very, so, too ...: adverbs of degree, before adjectives. */
static int degree_adverb(const struct dyad_tagger_ids *d, uint32_t form)
{
  for (size_t k = 0; k < DYAD_ARRAY_LEN(d->degree); k++)
    if (form && d->degree[k] == form)
      return 1;
  return 0;
}

static int isnoun(int t)
{
  return t == DYAD_TAG_NN || t == DYAD_TAG_NNS || t == DYAD_TAG_NNP ||
         t == DYAD_TAG_NNPS;
}

static int isverb(int t)
{
  return t >= DYAD_TAG_VB && t <= DYAD_TAG_VBZ;
}

static int isadj(int t)
{
  return t == DYAD_TAG_JJ || t == DYAD_TAG_JJR || t == DYAD_TAG_JJS;
}

/* Does w (len bytes) end in the literal suf, with something before it?
 * A macro so that the suffix length is a constant and memcmp inlines. */
#define ends(w, len, suf)                                                   \
  ((len) > sizeof(suf) - 1 &&                                               \
   memcmp((w) + (len) - (sizeof(suf) - 1), (suf), sizeof(suf) - 1) == 0)

/* The tag of a punctuation or symbol token from its text. */
static int punct_tag(const dyad_doc *doc, size_t i, const char *s, size_t n)
{
  const dyad_token *t = &doc->toks.v[i];
  if (n == 1) {
    switch (s[0]) {
    case ',': return DYAD_TAG_COMMA;
    case '.': case '?': case '!': return DYAD_TAG_PERIOD;
    case ':': case ';': return DYAD_TAG_COLON;
    case '(': case '[': case '{': return DYAD_TAG_LRB;
    case ')': case ']': case '}': return DYAD_TAG_RRB;
    case '$': return DYAD_TAG_DOLLAR;
    case '#': return DYAD_TAG_HASH;
    case '%': return DYAD_TAG_NN;
    case '&': return DYAD_TAG_CC;
    case '-': {
      /* a hyphen between two parts of a word, else a dash */
      int tight = !(t->flags & DYAD_TOKF_SPACE) && i + 1 < doc->toks.n &&
                  !(doc->toks.v[i + 1].flags & DYAD_TOKF_SPACE);
      /* 2013-2014, 6.30-10: a range */
      int nums = (i > 0 && doc->toks.v[i - 1].kind == DYAD_TK_NUM) ||
                 (i + 1 < doc->toks.n &&
                  doc->toks.v[i + 1].kind == DYAD_TK_NUM);
      if (nums)
        return DYAD_TAG_SYM;
      return tight ? DYAD_TAG_HYPH : DYAD_TAG_COLON;
    }
    case '/': return DYAD_TAG_SYM;
    case '*': case '~': return DYAD_TAG_NFP;
    case '+': case '=': case '<': case '>': case '^': case '|': case '@':
      return DYAD_TAG_SYM;
    default: break;
    }
  }
  if (n >= 2 && (s[0] == '-' || s[0] == '.'))
    return (s[0] == '.' && i + 1 == doc->toks.n) ? DYAD_TAG_PERIOD
                                                 : DYAD_TAG_COLON;
  /* U+2013, U+2014 dashes; U+2026 ellipsis */
  if (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80) {
    unsigned char c = (unsigned char)s[2];
    if (c == 0x93 || c == 0x94 || c == 0x95)
      return DYAD_TAG_COLON;
    if (c == 0xA6)
      return DYAD_TAG_COLON;
    if (c == 0xA2)
      return DYAD_TAG_NFP;
  }
  /* currency signs: pound, euro, yen */
  if ((n == 2 && (unsigned char)s[0] == 0xC2 &&
       ((unsigned char)s[1] == 0xA3 || (unsigned char)s[1] == 0xA5)) ||
      (n == 3 && !memcmp(s, "\xe2\x82\xac", 3)))
    return DYAD_TAG_DOLLAR;
  return t->kind == DYAD_TK_PUNCT ? DYAD_TAG_COLON : DYAD_TAG_SYM;
}

/* Quotation marks: `` when opening, '' when closing. */
static int quote_tag(const dyad_doc *doc, size_t a, size_t i, const char *s,
                     size_t n)
{
  const dyad_token *t = &doc->toks.v[i];
  /* countries' leaders: an apostrophe glued to a plural in -s */
  int apos = (n == 1 && s[0] == '\'') ||
             (n == 3 && !memcmp(s, "\xe2\x80\x99", 3));
  if (apos && i > a && !(t->flags & DYAD_TOKF_SPACE) &&
      doc->toks.v[i - 1].kind == DYAD_TK_WORD &&
      doc->text[doc->toks.v[i - 1].off + doc->toks.v[i - 1].len - 1] == 's' &&
      i + 1 < doc->toks.n && doc->toks.v[i + 1].kind == DYAD_TK_WORD &&
      (doc->toks.v[i + 1].flags & DYAD_TOKF_SPACE))
    return DYAD_TAG_POS;
  if (t->flags & DYAD_TOKF_OPENQ)
    return DYAD_TAG_LQUOTE;
  if (t->flags & DYAD_TOKF_CLOSEQ)
    return DYAD_TAG_RQUOTE;
  if (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80)
    return ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x98)
               ? DYAD_TAG_LQUOTE
               : DYAD_TAG_RQUOTE;
  if (n == 2 && s[0] == '`')
    return DYAD_TAG_LQUOTE;
  if (i == a)
    return DYAD_TAG_LQUOTE;
  int before = i == 0 || (t->flags & DYAD_TOKF_SPACE);
  int after = i + 1 >= doc->toks.n ||
              (doc->toks.v[i + 1].flags & DYAD_TOKF_SPACE);
  return before && !after ? DYAD_TAG_LQUOTE : DYAD_TAG_RQUOTE;
}

/* A guess for a word the lexicon lacks, from its shape and suffix. */
static int guess(const dyad_ctx *ctx, const char *w, size_t n,
                 const dyad_token *t, uint64_t *mask)
{
  int digits = 0;
  for (size_t k = 0; k < n; k++)
    digits += w[k] >= '0' && w[k] <= '9';
  if (digits && n > 3 && w[n - 1] == 's' && w[n - 2] >= '0' &&
      w[n - 2] <= '9') {
    *mask = B(NNS) | B(CD);
    return DYAD_TAG_NNS; /* the 1990s */
  }
  if (digits) {
    *mask = B(CD) | B(NNP) | B(NN) | B(JJ);
    if (w[0] >= '0' && w[0] <= '9')
      return (ends(w, n, "st") || ends(w, n, "nd") || ends(w, n, "rd") ||
              ends(w, n, "th")) ? DYAD_TAG_JJ : DYAD_TAG_CD;
    return DYAD_TAG_NNP;
  }
  if ((t->flags & DYAD_TOKF_HYPHEN) && n > 1 && memchr(w, '-', n - 1)) {
    /* pro-Russian, long-term, co-founder: the last part decides (the
     * flag alone is not trusted: the folded word must hold an inner -) */
    const char *h = memchr(w, '-', n);
    const char *last = h;
    while (h) {
      last = h;
      h = memchr(h + 1, '-', n - (size_t)(h + 1 - w));
    }
    size_t ln = n - (size_t)(last + 1 - w);
    uint64_t lm = dyad__lex_tags(ctx, last + 1, ln);
    *mask = B(JJ) | B(NN) | B(NNS);
    if (ends(w, n, "ed") && (lm & (B(VBD) | B(VBN)))) {
      /* re-elected, test-fired, Iran-backed: a participle or past tense
       * as its last part is; context decides (was re-elected, the
       * Iran-backed militias) */
      *mask = B(JJ) | B(VBN) | B(VBD);
      return DYAD_TAG_VBN;
    }
    if (ends(w, n, "ed") || ends(w, n, "ing"))
      return DYAD_TAG_JJ;
    if ((lm & B(NNS)) && !(lm & B(NN)))
      return DYAD_TAG_NNS;
    if ((lm & NOUNS) && !(lm & ADJS) && (!(lm & VERBS)))
      return DYAD_TAG_NN;
    return DYAD_TAG_JJ;
  }
  /* the suffix rules, by the last letter (one switch instead of every
   * suffix tested in turn); within a letter, in their order of priority:
   * -ly adverb, -ing gerund, -ed participle, noun suffixes, adjective
   * suffixes, verb suffixes, plural -s */
  enum { G_NONE, G_RB, G_VBG, G_VBN, G_NN, G_JJ, G_VB, G_NNS };
  int g = G_NONE;
  switch (n ? w[n - 1] : 0) {
  case 'y':
    g = ends(w, n, "ly") ? G_RB : ends(w, n, "ity") ? G_NN
        : ends(w, n, "ary") ? G_JJ : ends(w, n, "ify") ? G_VB : G_NONE;
    break;
  case 'g':
    g = ends(w, n, "ing") ? G_VBG : G_NONE;
    break;
  case 'd':
    g = ends(w, n, "ed") ? G_VBN : ends(w, n, "hood") ? G_NN : G_NONE;
    break;
  case 's':
    g = ends(w, n, "ness") ? G_NN
        : ends(w, n, "ous") || ends(w, n, "less") ? G_JJ
        : !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is") &&
                  n > 3
            ? G_NNS
            : G_NONE;
    break;
  case 't':
    g = ends(w, n, "ment") || ends(w, n, "ist") ? G_NN : G_NONE;
    break;
  case 'n':
    g = ends(w, n, "tion") || ends(w, n, "sion") ? G_NN
        : ends(w, n, "ian") ? G_JJ : G_NONE;
    break;
  case 'm':
    g = ends(w, n, "ism") ? G_NN : G_NONE;
    break;
  case 'p':
    g = ends(w, n, "ship") ? G_NN : G_NONE;
    break;
  case 'e':
    g = ends(w, n, "ance") || ends(w, n, "ence") ? G_NN
        : ends(w, n, "ive") || ends(w, n, "able") || ends(w, n, "ible") ||
                  ends(w, n, "ese")
            ? G_JJ
        : ends(w, n, "ize") || ends(w, n, "ise") ? G_VB
                                                 : G_NONE;
    break;
  case 'r':
    g = ends(w, n, "er") || ends(w, n, "or") ? G_NN : G_NONE;
    break;
  case 'l':
    g = ends(w, n, "ful") || ends(w, n, "al") ? G_JJ : G_NONE;
    break;
  case 'c':
    g = ends(w, n, "ic") ? G_JJ : G_NONE;
    break;
  case 'h':
    g = ends(w, n, "ish") ? G_JJ : G_NONE;
    break;
  default:
    break;
  }
  switch (g) {
  case G_RB:
    *mask = B(RB);
    return DYAD_TAG_RB;
  case G_VBG:
    *mask = B(VBG) | B(NN) | B(JJ);
    return DYAD_TAG_VBG;
  case G_VBN:
    *mask = B(VBD) | B(VBN) | B(JJ);
    return DYAD_TAG_VBN;
  case G_NN:
    *mask = B(NN);
    return DYAD_TAG_NN;
  case G_JJ:
    *mask = B(JJ) | B(NN);
    return DYAD_TAG_JJ;
  case G_VB:
    *mask = B(VB) | B(VBP) | B(NN);
    return DYAD_TAG_VB;
  case G_NNS:
    *mask = B(NNS) | B(VBZ);
    return DYAD_TAG_NNS;
  default:
    *mask = B(NN) | B(JJ);
    return DYAD_TAG_NN;
  }
}

/* The preferred tag of an entry within an allowed set, or 0. (Out of
 * line: inlined, it costs the hot loops registers.) */
static NO_INLINE int pref_in(const struct dyad_lexent *e, uint64_t allowed)
{
  if (!e)
    return 0;
  for (int k = 0; k < DYAD_LEX_ORDER && e->order[k]; k++)
    if (allowed & DYAD_TAGBIT(e->order[k]))
      return e->order[k];
  /* else the lowest allowed tag of the entry's (no tag is 0) */
  uint64_t rest = e->mask & allowed & ~(uint64_t)1 &
                  (DYAD_TAGBIT(DYAD_TAG_COUNT - 1) * 2 - 1);
  return rest ? __builtin_ctzll(rest) : 0;
}

/* The first guess for a known word written in lower case (lexical()'s
 * reading of it, worked out once per entry at load): a name's reading
 * gives way to the word's common one (pharaoh), and the name tags leave
 * its possible tags. */
static void lower_guess(struct dyad_lexent *e, uint32_t id)
{
  int tag = e->order[0];
  uint64_t mask = e->mask;
  if (tag == DYAD_TAG_NNP || tag == DYAD_TAG_NNPS) {
    int alt = pref_in(e, mask & ~(B(NNP) | B(NNPS)));
    tag = alt ? alt : tag == DYAD_TAG_NNP ? DYAD_TAG_NN : DYAD_TAG_NNS;
    mask |= DYAD_TAGBIT(tag);
  }
  mask &= ~(B(NNP) | B(NNPS));
  if (!mask)
    mask = DYAD_TAGBIT(tag);
  e->lctag = (uint8_t)tag;
  e->lcmask = mask;
  struct tw w = {.known = 1, .lctag = (uint8_t)tag};
  w.hand = (e->flags & DYAD_LEXF_HAND) != 0;
  w.rule = (e->flags & DYAD_LEXF_RULE) != 0;
  /* needs_context() for the word so read */
  if ((mask & (mask - 1)) || (mask & (B(RP) | B(IN) | B(RB))) ||
      (DYAD_TAGBIT(tag) & (B(NNP) | B(NNPS) | B(VBG))) ||
      (e->flags & DYAD_LEXF_RULE))
    e->flags |= DYAD_LEXF_LCNEED;
  /* a preposition or adverb and nothing else, no word of the named ones:
   * of context()'s rules only the particle rule applies (particle_only) */
  if ((mask == B(IN) || mask == B(RB)) && mask == DYAD_TAGBIT(tag) &&
      !(e->flags & DYAD_LEXF_RULE))
    e->flags |= DYAD_LEXF_LCPART;
  w.need = (e->flags & DYAD_LEXF_LCPART) ? 2
           : (e->flags & DYAD_LEXF_LCNEED) != 0;
  e->lcstate = w.bits;
  /* lemma_of() for the word with that tag, but for the suffix rules */
  unsigned how = dyad__lemma_how[tag];
  uint32_t l = (how & DYAD_LT_NONE) ? 0 : e->lemma[how & DYAD_LT_SLOT];
  e->lclemma = (how & DYAD_LT_NONE) ? id
               : l                  ? l
               : !(how & DYAD_LT_MORPH) ? id
                                        : 0;
}

/* Does token i follow a dotted abbreviation of capitals ("U.S.", "U.K.")
 * with no space lost between them? */
static int after_dotted(const dyad_doc *doc, size_t i)
{
  const dyad_token *p = &doc->toks.v[i - 1];
  const char *s = doc->text + p->off;
  if (!(p->flags & DYAD_TOKF_ABBREV) || p->len < 4 || s[p->len - 1] != '.' ||
      !(doc->toks.v[i].flags & DYAD_TOKF_SPACE))
    return 0;
  for (uint32_t k = 0; k < p->len; k++)
    if (!(k % 2 ? s[k] == '.' : s[k] >= 'A' && s[k] <= 'Z'))
      return 0;
  return 1;
}

/* After a dotted abbreviation, is capitalised word i (lexicon entry e)
 * a verb or function word? One with no noun or adjective reading is;
 * one also a noun only when its first reading is a past form or modal
 * (Agreed, Will), or a present form followed by a name or "that"
 * (Wants Japan, Charges that; not "U.S. Exports to"); -ing forms that
 * are nouns stay names' words ("the U.S. Bombing of Libya") unless
 * "that" follows ("the U.S. Saying that"). */
static int lower_reading(const dyad_doc *doc, size_t i,
                         const struct dyad_lexent *e, uint32_t sent_end)
{
  if (!(e->mask & (NOUNS | ADJS)))
    return 1;
  uint64_t first = DYAD_TAGBIT(e->order[0]);
  if (first & (B(VBD) | B(VBN) | B(MD)))
    return 1;
  if (!(first & (B(VBZ) | B(VBP) | B(VBG))) || i + 1 >= sent_end)
    return 0;
  const dyad_token *nx = &doc->toks.v[i + 1];
  if (nx->len == 4 && !memcmp(doc->text + nx->off, "that", 4))
    return 1; /* "the U.S. Saying that" */
  return (first & (B(VBZ) | B(VBP))) && (nx->flags & DYAD_TOKF_CAP) &&
         nx->kind == DYAD_TK_WORD;
}

/* Is the folded word w (n bytes, not NUL-terminated) a roman numeral? */
static int roman(const char *w, size_t n)
{
  for (size_t k = 0; k < n; k++)
    if (w[k] != 'i' && w[k] != 'v' && w[k] != 'x')
      return 0;
  return n > 0;
}

/* Does word token t (state w) need context()? Most words have one
 * possible tag and no rule of their own: none of the rules before the
 * "only ambiguous" test in context() applies to them (each needs a named
 * form, a particle/preposition/adverb reading, a capital, a proper noun
 * or a gerund), so they are done. Inline: the call is the larger cost. */
static HOT_INLINE int needs_context(const dyad_token *t, const struct tw *w)
{
  uint64_t m = w->mask;
  /* (one test of the bits together: each alone mispredicts often) */
  return ((m & (m - 1)) | (m & (B(RP) | B(IN) | B(RB))) |
          (DYAD_TAGBIT(t->tag) & (B(NNP) | B(NNPS) | B(VBG))) |
          (uint64_t)(w->rule | w->cap | w->capword)) != 0;
}

static int guess_cached(const dyad_doc *doc, const struct tw *w,
                        const char *f, size_t fl, const dyad_token *t,
                        uint64_t *mask);

/* Pass 1 for one word token (lexical() below). */
static HOT_INLINE void lexical_word(dyad_doc *doc, size_t i, struct tw *w,
                               const char *f, size_t fl, int first,
                               uint32_t sent_end)
{
  const dyad_ctx *ctx = doc->ctx;
  dyad_token *t = &doc->toks.v[i];
  /* dyad__lex_get, reading the entry's flags once for the rule bit too */
  const struct dyad_lexicon *lx = ctx->lex;
  const struct dyad_lexent *e = NULL;
  if (t->form && t->form < lx->n) {
    const struct dyad_lexent *x = &lx->ents[t->form];
    w->rule = (x->flags & DYAD_LEXF_RULE) != 0;
    if (x->flags & DYAD_LEXF_WORD)
      e = x;
  }
  w->e = e;
  w->known = e != NULL;
  w->hand = e && (e->flags & DYAD_LEXF_HAND);
  w->first = (uint8_t)first;
  if (e) {
    w->vlemma = e->lemma[DYAD_LEM_VERB];
    w->mask = e->mask;
    t->tag = e->order[0];
  } else {
    t->tag = (uint8_t)guess_cached(doc, w, f, fl, t, &w->mask);
  }
  int cap = (t->flags & DYAD_TOKF_CAP) != 0;
  int allcaps = (t->flags & DYAD_TOKF_ALLCAPS) && fl > 1;
  /* "the U.S. Has said", "the U.K. Would": some wire copy capitalises
   * every word after a dotted abbreviation as if a sentence began there;
   * a word the lexicon knows as no name and first as a verb or function
   * word (Has, Agreed, Will, To) is read as written in lower case */
  if (cap && !allcaps && !first && e && i > 0 &&
      !(e->mask & (B(NNP) | B(NNPS))) && after_dotted(doc, i) &&
      lower_reading(doc, i, e, sent_end))
    cap = 0;
  /* Henry VIII, World War I: a roman numeral after a name */
  if ((t->flags & DYAD_TOKF_ALLCAPS) && fl <= 4 && i > 0 &&
      (doc->toks.v[i - 1].tag == DYAD_TAG_NNP ||
       doc->toks.v[i - 1].tag == DYAD_TAG_NNPS) &&
      (doc->toks.v[i - 1].flags & DYAD_TOKF_CAP) &&
      roman(f, fl) && !first) {
    t->tag = DYAD_TAG_CD;
    w->mask = B(CD);
    return;
  }
  if (!cap && !e && (t->flags & DYAD_TOKF_HYPHEN) && t->len > 4) {
    /* al-Thani, el-Sisi, bin-Laden: an unknown word whose short lower-case
     * particle (Arabic article or "son of") is joined by a hyphen to a
     * capitalised part is a name */
    const char *raw = doc->text + t->off;
    size_t k = 0;
    while (k < 4 && k < t->len && raw[k] >= 'a' && raw[k] <= 'z')
      k++;
    if (k >= 2 && k <= 3 && k + 1 < t->len && raw[k] == '-' &&
        raw[k + 1] >= 'A' && raw[k + 1] <= 'Z') {
      t->tag = DYAD_TAG_NNP;
      w->mask = B(NNP);
      return;
    }
  }
  if (!cap) {
    /* a name written in lower case is used as a common noun (pharaoh) */
    if (t->tag == DYAD_TAG_NNP || t->tag == DYAD_TAG_NNPS) {
      int alt = pref_in(e, w->mask & ~(B(NNP) | B(NNPS)));
      t->tag = (uint8_t)(alt ? alt
                             : t->tag == DYAD_TAG_NNP ? DYAD_TAG_NN
                                                      : DYAD_TAG_NNS);
      w->mask |= DYAD_TAGBIT(t->tag);
    }
    w->mask &= ~(B(NNP) | B(NNPS));
    if (!w->mask)
      w->mask = DYAD_TAGBIT(t->tag);
    return;
  }
  /* "I" and function words keep their tags: The, Of, In ... */
  int openish = !e || (e->mask & (NOUNS | VERBS | ADJS | B(MD) | B(RB))) ||
                allcaps;
  if (w->hand && !(e->mask & (NOUNS | ADJS | VERBS)) && !allcaps &&
      !(e->mask & B(MD) && !first))
    return;
  if (first && !allcaps) {
    if (!e) {
      t->tag = DYAD_TAG_NNP;
      w->mask |= B(NNP);
      return;
    }
    if (e->order[0] == DYAD_TAG_NNP || e->order[0] == DYAD_TAG_NNPS)
      return;
    /* sentence-initial known word: its lower-case reading, unless it is a
     * name WordNet knows and a capitalised word follows (South Africa) */
    if ((e->mask & B(NNP)) && i + 1 < sent_end &&
        (doc->toks.v[i + 1].flags & DYAD_TOKF_CAP))
      t->tag = DYAD_TAG_NNP;
    /* China's, Martin has: a bare singular noun opening a sentence and
     * followed by a possessive or a finite verb (of a word WordNet knows
     * as a name), or by ", who", is a name */
    if (t->tag == DYAD_TAG_NN && !w->hand && i + 1 < sent_end) {
      const dyad_token *nx = &doc->toks.v[i + 1];
      const struct dyad_lexent *ne = dyad__lex_get(ctx, nx->form);
      int poss = nx->len >= 2 && (nx->flags & DYAD_TOKF_CLITIC) &&
                 ne && (ne->mask & B(POS));
      int fin = ne && (ne->order[0] == DYAD_TAG_VBD ||
                       ne->order[0] == DYAD_TAG_VBZ ||
                       ne->order[0] == DYAD_TAG_MD);
      /* Macron, who ...: a relative "who" after the comma names a person */
      int who = i + 2 < sent_end && doc->toks.v[i + 2].form &&
                doc->toks.v[i + 2].form == ctx->lex->tids->who &&
                nx->len == 1 && doc->text[nx->off] == ',';
      if (poss || who || (fin && (e->mask & B(NNP))))
        t->tag = DYAD_TAG_NNP;
    }
    /* Blunt was named ...: an adjective cannot open a sentence as its
     * subject, a name can */
    if (t->tag == DYAD_TAG_JJ && !w->hand && i + 1 < sent_end) {
      const struct dyad_lexent *ne =
          dyad__lex_get(ctx, doc->toks.v[i + 1].form);
      if (ne && !(ne->mask & NOUNS) &&
          (ne->order[0] == DYAD_TAG_VBD || ne->order[0] == DYAD_TAG_VBZ ||
           ne->order[0] == DYAD_TAG_MD))
        t->tag = DYAD_TAG_NNP;
    }
    return;
  }
  if (!openish)
    return;
  int plural0 = e && (e->mask & (B(NNS) | B(NNPS))) && fl > 2 &&
                f[fl - 1] == 's' && e->lemma[DYAD_LEM_NOUN] != t->form;
  if (e && !allcaps && plural0 && (e->mask & B(NNS)) &&
      !(e->mask & (B(NNP) | B(NNPS)))) {
    /* a common plural inside a name (Premium Bonds, Olympic Games) */
    t->tag = DYAD_TAG_NNS;
    w->mask &= NOUNS;
    w->capword = 1;
    return;
  }
  /* MPs, ATMs: an acronym with a plural s */
  if ((t->flags & DYAD_TOKF_ALLCAPS) == 0 && fl > 2 && f[fl - 1] == 's') {
    const char *raw = doc->text + t->off;
    int upper = 1;
    for (size_t k = 0; k + 1 < t->len; k++)
      upper &= raw[k] >= 'A' && raw[k] <= 'Z';
    if (upper && raw[t->len - 1] == 's') {
      t->tag = DYAD_TAG_NNS;
      w->mask = B(NNS) | B(NNPS);
      w->cap = 1;
      return;
    }
  }
  if (e && !allcaps && !plural0 && !(e->mask & B(NNP)) &&
      (e->mask & (B(NN) | ADJS))) {
    /* a common word inside a name (Motion Picture Association, Royal
     * Navy) keeps its common tag, as in the UD English treebanks */
    w->mask &= B(NN) | ADJS;
    t->tag = (uint8_t)pref_in(e, B(NN) | ADJS);
    w->capword = 1;
    return;
  }
  w->cap = 1;
  /* the Alps, the Netherlands: a name in -s after "the" */
  if ((!e || e->order[0] == DYAD_TAG_NNP) && !allcaps && fl > 3 && f[fl - 1] == 's' && !strchr("siuoa'", f[fl - 2]) &&
      i > 0 && doc->toks.v[i - 1].tag == DYAD_TAG_DT) {
    t->tag = DYAD_TAG_NNPS;
    w->mask |= B(NNP) | B(NNPS);
    return;
  }
  int plural = e && (e->mask & (B(NNS) | B(NNPS))) && fl > 2 &&
               f[fl - 1] == 's' && e->lemma[DYAD_LEM_NOUN] != t->form;
  t->tag = plural ? DYAD_TAG_NNPS : DYAD_TAG_NNP;
  w->mask |= B(NNP) | B(NNPS);
}

/* Pass 1 for one word token: its first tag and possible tags, and
 * whether context() has rules for it. */
static HOT_INLINE void lexical(dyad_doc *doc, size_t i, struct tw *w,
                               const char *f, size_t fl, int first,
                               uint32_t sent_end)
{
  w->need = 0xff;
  lexical_word(doc, i, w, f, fl, first, sent_end);
  if (w->need == 0xff) {
    const dyad_token *t = &doc->toks.v[i];
    w->need = needs_context(t, w);
    /* a capitalised word or proper noun, with no particle, modal or
     * comparative reading, none of the named: only cap_rule applies */
    if (w->need && !w->rule &&
        !(w->mask & (B(RP) | B(IN) | B(RB) | B(MD) | B(JJS) | B(JJR))) &&
        (w->cap || (DYAD_TAGBIT(t->tag) & (B(NNP) | B(NNPS)))))
      w->need = 3;
  }
}

/* The nearest token before i (from sentence start a) that is not an
 * adverb; returns its index or -1. */
static long prev_nonadv(const dyad_doc *doc, size_t a, size_t i)
{
  for (size_t k = i; k > a; k--) {
    int tg = doc->toks.v[k - 1].tag;
    if (tg != DYAD_TAG_RB)
      return (long)(k - 1);
  }
  return -1;
}

static int noun_of(const dyad_ctx *ctx, const struct tw *w, const char *f,
                   size_t fl)
{
  const struct dyad_lexent *e = dyad__lex_get(ctx, w->form);
  int p = pref_in(e, (B(NN) | B(NNS)) & w->mask);
  if (p)
    return p;
  if ((w->mask & B(NNS)) && !(w->mask & B(NN)))
    return DYAD_TAG_NNS;
  if ((w->mask & B(NNS)) && fl > 3 && f[fl - 1] == 's')
    return DYAD_TAG_NNS;
  if (w->mask & B(NN))
    return DYAD_TAG_NN;
  if (w->mask & B(NNS))
    return DYAD_TAG_NNS;
  return 0;
}

/* Does a finite verb follow the prepositional phrase at token p ("EC
 * exports to Japan fell": the -s word before it is the noun heading
 * that verb's subject)? Reads the first-guess tags and the possible
 * tags of pass 1. */
static int verb_after_pp(const dyad_token *T, const struct tw *W, size_t p,
                         size_t b)
{
  size_t q = p + 1;
  while (q < b && (isnoun(T[q].tag) || isadj(T[q].tag) ||
                   T[q].tag == DYAD_TAG_DT || T[q].tag == DYAD_TAG_CD ||
                   T[q].tag == DYAD_TAG_POS))
    q++;
  return q > p + 1 && q < b &&
         (T[q].tag == DYAD_TAG_VBD || T[q].tag == DYAD_TAG_VBZ ||
          T[q].tag == DYAD_TAG_VBP || T[q].tag == DYAD_TAG_MD ||
          (W[q].mask & (B(VBD) | B(MD)))); /* ("rose" is a noun first) */
}

/* Does the comma before token i close an aside that follows the noun
 * phrase opening the sentence ("Greece, like most other members, plans
 * to"), with no finite verb anywhere after i? Then the word at i is the
 * sentence's verb. */
static int comma_aside(const dyad_doc *doc, size_t a, size_t b, size_t i)
{
  const dyad_token *T = doc->toks.v;
  size_t k = a;
  while (k < i && (isnoun(T[k].tag) || isadj(T[k].tag) ||
                   T[k].tag == DYAD_TAG_DT || T[k].tag == DYAD_TAG_POS))
    k++;
  if (k == a || k + 2 >= i || T[k].tag != DYAD_TAG_COMMA)
    return 0;
  for (size_t q = k + 1; q + 1 < i; q++)
    if (T[q].tag == DYAD_TAG_COMMA || T[q].tag == DYAD_TAG_VBD ||
        T[q].tag == DYAD_TAG_VBZ || T[q].tag == DYAD_TAG_VBP ||
        T[q].tag == DYAD_TAG_MD)
      return 0;
  for (size_t q = i + 1; q < b; q++)
    if (T[q].tag == DYAD_TAG_VBD || T[q].tag == DYAD_TAG_VBZ ||
        T[q].tag == DYAD_TAG_VBP || T[q].tag == DYAD_TAG_MD)
      return 0;
  return 1;
}

/* Is token k a verb of demanding (demand, insist, urge ...)? */
static int mandative_verb(const dyad_doc *doc, const struct tw *W, size_t k)
{
  static const char *const mand[] = {
      "demand", "insist", "urge", "ask", "require", "request", "propose",
      "recommend", "suggest", "order", NULL};
  if (!W[k].vlemma)
    return 0;
  size_t n;
  const char *v = dyad_ctx_word(doc->ctx, W[k].vlemma, &n);
  for (size_t q = 0; v && mand[q]; q++)
    if (strlen(mand[q]) == n && memcmp(mand[q], v, n) == 0)
      return 1;
  return 0;
}

/* Is there a bare "be" (a subjunctive: "that control of X be taken")
 * after token i, before any word that can only be a finite verb? */
static int subjunctive_be_ahead(const dyad_doc *doc, size_t i, size_t b,
                                const struct tw *W,
                                const struct dyad_tagger_ids *d)
{
  const dyad_token *T = doc->toks.v;
  for (size_t k = i; k < b && k < i + 12; k++) {
    if (W[k].fl == 2 && memcmp(W[k].f, "be", 2) == 0)
      return 1;
    if (T[k].kind != DYAD_TK_WORD || W[k].vlemma == d->be ||
        ((W[k].mask & (B(VBD) | B(VBZ) | B(VBP) | B(MD))) &&
         !(W[k].mask & (NOUNS | ADJS))))
      return 0;
  }
  return 0;
}

/* Is token i right after the subject noun phrase of a that-clause whose
 * verb demands ("demanded that the government", "urged that all
 * parties")? Such a clause takes a bare subjunctive verb. */
static int mandative_subject(const dyad_doc *doc, size_t a, size_t i,
                             const struct tw *W,
                             const struct dyad_tagger_ids *d)
{
  const dyad_token *T = doc->toks.v;
  size_t k = i;
  while (k > a && (isnoun(T[k - 1].tag) || isadj(T[k - 1].tag) ||
                   T[k - 1].tag == DYAD_TAG_DT || T[k - 1].tag == DYAD_TAG_PRPS ||
                   T[k - 1].tag == DYAD_TAG_POS || T[k - 1].tag == DYAD_TAG_CD ||
                   T[k - 1].tag == DYAD_TAG_PDT))
    k--;
  return k != i && k >= a + 2 && T[k - 1].form == d->that &&
         T[k - 1].tag == DYAD_TAG_IN && isverb(T[k - 2].tag) &&
         mandative_verb(doc, W, k - 2);
}

/* The particle rule of context() for word i (possible tags m, from a
 * sentence a..b; pa, PA: the nearest word before it that is no adverb and
 * its tag; N, Nf, Nm: the next token's tag, form and possible tags).
 * Returns whether the word is settled (context() stops there). */
static int particle(dyad_doc *doc, size_t a, size_t b, size_t i,
                    const struct tw *W, const struct dyad_tagger_ids *d,
                    uint64_t m, long pa, int PA, int N, uint32_t Nf,
                    uint64_t Nm)
{
  dyad_token *T = doc->toks.v;
  dyad_token *t = &T[i];
  uint32_t form = t->form;
  /* a particle after its verb (set up, brought about a reform, gave
   * Italy up): WordNet's phrasal verbs, or up/out/down/off with no noun
   * phrase after them */
  long vk = -1;
  if (isverb(PA))
    vk = pa;
  else if ((isnoun(PA) || PA == DYAD_TAG_PRP) && pa > (long)a &&
           isverb(T[pa - 1].tag) && !(Nm & NOUNS))
    vk = pa - 1;
  if (vk >= 0) {
    uint32_t vl = W[vk].vlemma ? W[vk].vlemma : T[vk].form;
    int phrasal = dyad__lex_phrasal(doc->ctx, vl, form);
    int npnext = (Nm & (NOUNS | B(DT) | B(PRPS) | B(CD) | B(PRP) | ADJS)) != 0;
    int whnext = N == DYAD_TAG_WRB || N == DYAD_TAG_WP || N == DYAD_TAG_WDT;
    int light = form == d->up || form == d->out || form == d->down ||
                form == d->off;
    if (form == d->out && Nf == d->of)
      t->tag = DYAD_TAG_IN;
    else if (form == d->up && Nf == d->to && i + 2 < b &&
             (T[i + 2].tag == DYAD_TAG_CD || T[i + 2].tag == DYAD_TAG_DOLLAR))
      t->tag = DYAD_TAG_IN; /* up to 90 percent */
    else if (phrasal && !whnext && (m & (B(RP) | B(IN))) &&
             (light || form == d->about || !npnext) &&
             (form != d->about || npnext))
      t->tag = DYAD_TAG_RP; /* in, on, over: only without an object */
    else if ((m & B(RP)) && (!npnext || (light && vk == pa && !phrasal &&
                                         !(Nm & (B(DT) | B(CD))))))
      t->tag = DYAD_TAG_RP;
    else if (m & B(IN))
      t->tag = DYAD_TAG_IN;
    if (t->tag != DYAD_TAG_RP && (m & B(RP)) && !(m & B(IN)))
      t->tag = DYAD_TAG_RB;
    if (t->tag == DYAD_TAG_RP || (m & B(RP)))
      return 1;
  }
  return 0;
}

/* The rule of context() for a capitalised word or a proper noun.
 * Nationality and other adjectives before a noun: Russian troops, the
 * Roman Empire (but New York: before a pure name, part of it); Canaanite,
 * Achaemenid: a name-like word with an adjective suffix (unknown, or known
 * only as a proper noun) before a common noun. */
static void cap_rule(dyad_doc *doc, size_t b, size_t i, const struct tw *W)
{
  dyad_token *T = doc->toks.v;
  const struct tw *w = &W[i];
  if (!w->cap || i + 1 >= b || T[i + 1].kind != DYAD_TK_WORD ||
      (T[i + 1].flags & DYAD_TOKF_CAP) || !(W[i + 1].mask & (NOUNS | ADJS)))
    return;
  uint64_t m = w->mask;
  if (w->known && (m & B(JJ))) {
    T[i].tag = DYAD_TAG_JJ;
    return;
  }
  if (!isnoun(T[i + 1].tag))
    return;
  const char *f = w->f;
  size_t fl = w->fl;
  int adjsuffix = (!w->known || !(m & (B(NN) | B(NNS) | VERBS))) &&
                  (ends(f, fl, "ian") || ends(f, fl, "ean") ||
                   ends(f, fl, "ic") || ends(f, fl, "ese") ||
                   ends(f, fl, "ish") || ends(f, fl, "ite") ||
                   ends(f, fl, "id"));
  if (adjsuffix)
    T[i].tag = DYAD_TAG_JJ;
}

/* context() for a word that is a preposition or adverb and nothing else,
 * none of the named ones, in lower case (DYAD_LEXF_LCPART): the particle
 * rule is the only one of its rules that applies to it. */
static void particle_only(dyad_doc *doc, size_t a, size_t b, size_t i,
                          const struct tw *W, const struct dyad_tagger_ids *d)
{
  const dyad_token *T = doc->toks.v;
  int N = i + 1 < b ? T[i + 1].tag : DYAD_TAG_NONE;
  uint32_t Nf = i + 1 < b ? T[i + 1].form : 0;
  uint64_t Nm = i + 1 < b ? W[i + 1].mask : 0;
  long pa = prev_nonadv(doc, a, i);
  int PA = pa >= 0 ? T[pa].tag : DYAD_TAG_NONE;
  particle(doc, a, b, i, W, d, W[i].mask, pa, PA, N, Nf, Nm);
}

/* Pass 2 for one word token that needs_context(). */
static void context(dyad_doc *doc, size_t a, size_t b, size_t i,
                    struct tw *W, const struct dyad_tagger_ids *d,
                    int finite_seen)
{
  const char *f = W[i].f;
  size_t fl = W[i].fl;
  dyad_token *T = doc->toks.v;
  dyad_token *t = &T[i];
  struct tw *w = &W[i];
  uint64_t m = w->mask;
  uint32_t form = t->form;
  const int sp = w->rule; /* a word some rule below names by its form */
  int P = i > a ? T[i - 1].tag : DYAD_TAG_NONE;
  uint32_t Pf = i > a ? T[i - 1].form : 0;
  int N = i + 1 < b ? T[i + 1].tag : DYAD_TAG_NONE;
  uint32_t Nf = i + 1 < b ? T[i + 1].form : 0;
  uint64_t Nm = i + 1 < b ? W[i + 1].mask : 0;
  long pa = prev_nonadv(doc, a, i);
  int PA = pa >= 0 ? T[pa].tag : DYAD_TAG_NONE;
  uint32_t PAl = pa >= 0 ? W[pa].vlemma : 0;

  /* a word none of the rules up to the gerund's below names, with no
   * particle, modal or comparative reading and no capital, goes there */
  if (!(sp | w->cap | w->capword) &&
      !(m & (B(RP) | B(IN) | B(RB) | B(MD) | B(JJS) | B(JJR))) &&
      !(DYAD_TAGBIT(t->tag) & (B(NNP) | B(NNPS))))
    goto open_class;
  /* closed-class words with their own rules */
  if (sp && form == d->to) {
    /* infinitive "to" before a base verb, skipping adverbs (to further
     * increase); a word that is rather a noun (to power, to date) makes
     * it a preposition unless an object follows it */
    size_t k = i + 1;
    while (k < b && W[k].mask == B(RB))
      k++;
    t->tag = DYAD_TAG_IN;
    if (k < b && (W[k].mask & B(VB)) && !W[k].cap &&
        T[k].kind == DYAD_TK_WORD) {
      const struct dyad_lexent *e = dyad__lex_get(doc->ctx, T[k].form);
      int pv = pref_in(e, B(VB) | NOUNS | ADJS);
      int aft = k + 1 < b ? T[k + 1].tag : DYAD_TAG_NONE;
      uint32_t aftf = k + 1 < b ? T[k + 1].form : 0;
      int nounish = pv != DYAD_TAG_VB &&
                    (aft == DYAD_TAG_NONE || aft == DYAD_TAG_PERIOD ||
                     aft == DYAD_TAG_COMMA || aft == DYAD_TAG_CC ||
                     aft == DYAD_TAG_POS || aftf == d->of || aft == DYAD_TAG_RQUOTE);
      if (!e || k > i + 1 || !nounish)
        t->tag = DYAD_TAG_TO;
    }
    return;
  }
  if (sp && form == d->that) {
    int nfin = (Nm & (FINITE | B(RB))) && !(Nm & (NOUNS | B(DT) | ADJS));
    int nfin2 = N == DYAD_TAG_MD || N == DYAD_TAG_VBD || N == DYAD_TAG_VBZ ||
                N == DYAD_TAG_VBP || Nf == d->s;
    if (N == DYAD_TAG_NONE || N == DYAD_TAG_PERIOD || N == DYAD_TAG_CC ||
        N == DYAD_TAG_COLON ||
        (N == DYAD_TAG_IN && (Nf == d->of || P == DYAD_TAG_IN ||
                              (isverb(P) && Nf != d->as && Nf != d->at &&
                               Nf != d->that))) ||
        (N == DYAD_TAG_COMMA && !isverb(P)))
      t->tag = DYAD_TAG_DT; /* a pronoun: that of France, do that . */
    else if (isnoun(P) && (nfin || nfin2))
      t->tag = DYAD_TAG_WDT; /* the plan that was agreed */
    else if (isnoun(P) && P != DYAD_TAG_NNP &&
             (N == DYAD_TAG_DT || N == DYAD_TAG_PRP || N == DYAD_TAG_NNP) &&
             !content_noun(d, Pf))
      t->tag = DYAD_TAG_WDT; /* the thing that the government wants */
    else if ((nfin2 || (nfin && N != DYAD_TAG_RB)) && !isverb(P) &&
             !isnoun(P) && P != DYAD_TAG_CC && P != DYAD_TAG_COMMA)
      t->tag = DYAD_TAG_DT; /* That is ..., but that does not */
    else if ((nfin || nfin2) && isverb(P))
      t->tag = Nf == d->s ? DYAD_TAG_DT : DYAD_TAG_IN;
    else if ((N == DYAD_TAG_NN ||
              (isadj(N) && i + 2 < b && T[i + 2].tag == DYAD_TAG_NN)) &&
             (!isverb(P) || i + 2 >= b || T[i + 2].tag == DYAD_TAG_PERIOD ||
              T[i + 2].tag == DYAD_TAG_COMMA || T[i + 2].tag == DYAD_TAG_IN) &&
             !(isverb(P) && mandative_verb(doc, W, i - 1) &&
               subjunctive_be_ahead(doc, i + 1, b, W, d)))
      t->tag = DYAD_TAG_DT; /* that decision, that hard edge (but "demanded
                               that control of X be taken away") */
    else
      t->tag = DYAD_TAG_IN;
    return;
  }
  if (sp && form == d->s) {
    int name = P == DYAD_TAG_NNP || P == DYAD_TAG_NNPS;
    if (P == DYAD_TAG_PRP || P == DYAD_TAG_EX || P == DYAD_TAG_WP ||
        P == DYAD_TAG_WDT || (P == DYAD_TAG_DT && Pf == d->that) ||
        N == DYAD_TAG_VBN || N == DYAD_TAG_IN || N == DYAD_TAG_TO ||
        (!name && (N == DYAD_TAG_VBG || N == DYAD_TAG_RB ||
                   N == DYAD_TAG_DT)))
      t->tag = DYAD_TAG_VBZ;
    else
      t->tag = DYAD_TAG_POS;
    return;
  }
  if (sp && form == d->there) {
    t->tag = (Nm & (B(MD))) || (i + 1 < b && W[i + 1].vlemma == d->be) ||
                     Nf == d->seem || Nf == d->appear || Nf == d->remain
                 ? DYAD_TAG_EX
                 : DYAD_TAG_RB;
    return;
  }
  if (sp && form == d->her) {
    t->tag = (Nm & (NOUNS | ADJS | B(CD))) && N != DYAD_TAG_IN &&
                     N != DYAD_TAG_DT
                 ? DYAD_TAG_PRPS
                 : DYAD_TAG_PRP;
    return;
  }
  if (sp && (form == d->about || form == d->around || form == d->over) &&
      (N == DYAD_TAG_CD || N == DYAD_TAG_DOLLAR)) {
    t->tag = DYAD_TAG_RB;
    return;
  }
  if ((m & (B(RP) | B(IN) | B(RB))) &&
      particle(doc, a, b, i, W, d, m, pa, PA, N, Nf, Nm))
    return;
  if ((m & B(RP)) && t->tag == DYAD_TAG_RP) {
    t->tag = (Nm & (NOUNS | B(DT) | B(PRPS) | B(CD) | ADJS)) ? DYAD_TAG_IN
                                                            : DYAD_TAG_RB;
    return;
  }
  /* modal or noun: this will be, the will of the people */
  if ((m & B(MD)) && (m & NOUNS) && ((Nm & B(VB)) || N == DYAD_TAG_RB)) {
    t->tag = DYAD_TAG_MD;
    return;
  }
  if (sp && form == d->as && Nf == d->well &&
      !(i + 2 < b && T[i + 2].form == d->as)) {
    t->tag = DYAD_TAG_RB; /* "as well" */
    return;
  }
  if ((m & B(IN)) && (m & B(RB)) && i > a &&
      (N == DYAD_TAG_PERIOD || N == DYAD_TAG_COMMA || N == DYAD_TAG_NONE) &&
      form != d->that) {
    t->tag = DYAD_TAG_RB; /* ever since. glides by. */
    return;
  }
  if (sp && form == d->as) {
    /* "as big as": the first as is an adverb */
    if ((N == DYAD_TAG_JJ || N == DYAD_TAG_RB || Nf == d->well ||
         N == DYAD_TAG_JJ) && i + 2 < b && (T[i + 2].form == d->as ||
                                            (i + 3 < b && T[i + 3].form == d->as)))
      t->tag = DYAD_TAG_RB;
    else
      t->tag = DYAD_TAG_IN;
    return;
  }
  if (sp && (form == d->more || form == d->most || form == d->less ||
               form == d->least)) {
    /* before an adjective or adverb: RBR/RBS (more caustic, the most
     * common); otherwise a quantity: JJR/JJS (more people, more than 300,
     * at least six) */
    int sup = form == d->most || form == d->least;
    int adv = 0;
    if (i + 1 < b && (Nm & (ADJS | B(RB))) && !W[i + 1].cap) {
      int pn = pref_in(dyad__lex_get(doc->ctx, Nf), ADJS | NOUNS | B(RB) |
                                                     VERBS);
      adv = isadj(pn) || pn == DYAD_TAG_RB;
    } else if (i + 1 < b && W[i + 1].known && (Nm & ADJS) && W[i + 1].cap)
      adv = 1; /* more African than ... */
    if (form == d->least && Pf == d->at)
      adv = 0;
    if (i + 1 < b && W[i + 1].fl == 5 && memcmp(W[i + 1].f, "other", 5) == 0)
      adv = 0; /* most other members: a quantity */
    /* more troubling, more irritated: participles used as adjectives */
    if (i + 1 < b && (Nm & (B(VBG) | B(VBN))) && !(Nm & NOUNS & ~B(NN)) &&
        !isnoun(N))
      adv = 1;
    /* more than ever, twice more, more or less: adverbial */
    if (!sup && (Nf == d->or_ || N == DYAD_TAG_COMMA || N == DYAD_TAG_PERIOD ||
                 (Nf == d->than && i + 2 < b &&
                  (T[i + 2].tag == DYAD_TAG_RB || T[i + 2].tag == DYAD_TAG_IN))))
      adv = 1;
    t->tag = adv ? (sup ? DYAD_TAG_RBS : DYAD_TAG_RBR)
                 : (sup ? DYAD_TAG_JJS : DYAD_TAG_JJR);
    return;
  }
  /* at best, at worst */
  if ((m & B(JJS)) && (m & B(RBS)) && Pf == d->at) {
    t->tag = DYAD_TAG_RBS;
    return;
  }
  /* other comparatives: an earlier version (JJR), said earlier (RBR) */
  if ((m & B(JJR)) && (m & B(RBR))) {
    int nextnoun = (Nm & NOUNS) && (isnoun(N) || isadj(N)) &&
                   Nf != d->than && !(Nm & B(DT));
    t->tag = nextnoun || P == DYAD_TAG_DT || P == DYAD_TAG_PRPS ||
                     PAl == d->be
                 ? DYAD_TAG_JJR
                 : DYAD_TAG_RBR;
    return;
  }
  /* no longer, no more */
  if (sp && form == d->no && (Nm & (B(RBR) | B(JJR))) &&
      !(Nm & NOUNS) && i + 2 < b && !(W[i + 2].mask & NOUNS)) {
    t->tag = DYAD_TAG_RB;
    return;
  }
  if (sp && (form == d->all || form == d->both || form == d->half)) {
    if (N == DYAD_TAG_DT || N == DYAD_TAG_PRPS)
      t->tag = DYAD_TAG_PDT;
    else if (form == d->both) {
      t->tag = DYAD_TAG_DT;
      for (size_t k = i + 2; k < b && k < i + 6; k++)
        if (T[k].form == d->and_)
          t->tag = DYAD_TAG_CC;
    } else if (form == d->half)
      t->tag = DYAD_TAG_NN;
    else
      t->tag = DYAD_TAG_DT;
    return;
  }
  if (sp && form == d->either) {
    t->tag = DYAD_TAG_DT;
    for (size_t k = i + 2; k < b && k < i + 6; k++)
      if (T[k].form == d->or_)
        t->tag = DYAD_TAG_CC;
    return;
  }
  if (sp && (form == d->before || form == d->after) &&
      (N == DYAD_TAG_PERIOD || N == DYAD_TAG_COMMA || N == DYAD_TAG_NONE) &&
      isnoun(P)) {
    t->tag = DYAD_TAG_RB;
    return;
  }
  if (sp && form == d->so) {
    t->tag = Nf == d->that ? DYAD_TAG_IN : DYAD_TAG_RB;
    return;
  }
  if (sp && form == d->one) {
    t->tag = (P == DYAD_TAG_DT || P == DYAD_TAG_JJ) && Nf != d->of
                 ? DYAD_TAG_NN
                 : DYAD_TAG_CD;
    return;
  }
  if (sp && form == d->like) {
    if (PA == DYAD_TAG_TO || PA == DYAD_TAG_MD)
      t->tag = DYAD_TAG_VB;
    else if (P == DYAD_TAG_PRP && Pf != d->it)
      t->tag = DYAD_TAG_VBP;
    else
      t->tag = DYAD_TAG_IN;
    return;
  }
  if (w->cap || t->tag == DYAD_TAG_NNP || t->tag == DYAD_TAG_NNPS) {
    cap_rule(doc, b, i, W);
    return;
  }

  if (w->capword && i > a) {
    int nextcap = i + 1 < b && (T[i + 1].flags & DYAD_TOKF_CAP) &&
                  T[i + 1].kind == DYAD_TK_WORD;
    /* New York, Great Britain: an adjective opening a pure name */
    if (isadj(t->tag) && nextcap && (N == DYAD_TAG_NNP || N == DYAD_TAG_NNPS)) {
      t->tag = DYAD_TAG_NNP;
      return;
    }
    /* In 2011, Blunt was named: a capitalised adjective as a subject */
    if (isadj(t->tag) && !nextcap && i + 1 < b && !(Nm & NOUNS) &&
        (N == DYAD_TAG_VBD || N == DYAD_TAG_VBZ || N == DYAD_TAG_MD)) {
      t->tag = DYAD_TAG_NNP;
      return;
    }
    /* the Ministry of Magic: a capitalised adjective closing a name after
     * "of" whose head is capitalised too */
    if (isadj(t->tag) && Pf == d->of && i >= a + 2 &&
        (T[i - 2].flags & DYAD_TOKF_CAP) && isnoun(T[i - 2].tag) &&
        !nextcap && !((Nm & NOUNS) && isnoun(N))) {
      t->tag = DYAD_TAG_NNP;
      return;
    }
    /* Lindsay Gay, Miss Piggy: an adjective closing a name */
    if (isadj(t->tag) && P == DYAD_TAG_NNP && !nextcap &&
        !((Nm & NOUNS) && isnoun(N))) {
      t->tag = DYAD_TAG_NNP;
      return;
    }
    /* Donald Trump, South China Sea: a common word closing a name */
    if ((P == DYAD_TAG_NNP || P == DYAD_TAG_NNPS) && !nextcap &&
        isnoun(t->tag)) {
      t->tag = t->tag == DYAD_TAG_NNS ? DYAD_TAG_NNPS : DYAD_TAG_NNP;
      return;
    }
    /* Cape Town, Mount Kenya, President Yudhoyono: opening a name */
    if (t->tag == DYAD_TAG_NN && nextcap &&
        (N == DYAD_TAG_NNP || N == DYAD_TAG_NNPS) && !W[i + 1].capword) {
      t->tag = DYAD_TAG_NNP;
      return;
    }
    /* a capitalised singular noun with no determiner or modifier before
     * it and no noun after it is a name (for Trump, Twitter and ...) */
    if (t->tag == DYAD_TAG_NN && !isnoun(P) && !isadj(P) &&
        P != DYAD_TAG_DT && P != DYAD_TAG_PRPS && P != DYAD_TAG_POS &&
        P != DYAD_TAG_CD && P != DYAD_TAG_WPS && P != DYAD_TAG_HYPH &&
        P != DYAD_TAG_PDT && Pf != d->of &&
        !((Nm & NOUNS) && (isnoun(N) || isadj(N)))) {
      t->tag = DYAD_TAG_NNP;
      return;
    }
  }
open_class:
  /* the reopening of the border: a gerund between a determiner and "of"
   * names the act (a noun), even when the lexicon knows only the verb */
  if (t->tag == DYAD_TAG_VBG && Nf && Nf == d->of &&
      (P == DYAD_TAG_DT || P == DYAD_TAG_PRPS || P == DYAD_TAG_POS)) {
    t->tag = DYAD_TAG_NN;
    return;
  }
  /* only ambiguous open-class words from here */
  if (!(m & (m - 1)))
    return;
  int cur = t->tag;
  /* "a senior official said": a noun-or-adjective right before "said"
   * ends its noun phrase */
  if ((m & B(NN)) && isadj(cur) && Nf && (Nf == d->said || Nf == d->says) &&
      i > a) {
    t->tag = DYAD_TAG_NN;
    return;
  }
  /* "marched very close to": after a degree adverb, an adjective or an
   * adverb rather than a verb or noun */
  if ((m & (B(JJ) | B(RB))) && !isadj(cur) && cur != DYAD_TAG_RB &&
      P == DYAD_TAG_RB && degree_adverb(d, Pf)) {
    int pj = pref_in(dyad__lex_get(doc->ctx, form), B(JJ) | B(RB));
    t->tag = (uint8_t)(pj ? pj : ((m & B(JJ)) ? DYAD_TAG_JJ : DYAD_TAG_RB));
    cur = t->tag;
    if (!((m & B(RB)) && (m & B(JJ))))
      return;
  }

  /* adverb or adjective: well, only, much, first, late, hard, likely */
  if ((m & B(RB)) && (m & B(JJ)) &&
      (cur == DYAD_TAG_RB || cur == DYAD_TAG_JJ)) {
    int nextmod = (isadj(N) || N == DYAD_TAG_RB || N == DYAD_TAG_RBR) &&
                  !isnoun(N);
    int nextnoun = (Nm & NOUNS) && (isnoun(N) || isadj(N)) && !nextmod;
    const struct dyad_lexent *e = dyad__lex_get(doc->ctx, form);
    int pref = pref_in(e, B(JJ) | B(RB));
    if (!pref)
      pref = cur;
    int copula = PAl == d->be || PAl == d->become || PAl == d->seem ||
                 PAl == d->remain;
    if (nextnoun)
      t->tag = DYAD_TAG_JJ;
    else if (N == DYAD_TAG_JJR || N == DYAD_TAG_RBR)
      t->tag = DYAD_TAG_RB; /* much safer, much later */
    else if (P == DYAD_TAG_DT || P == DYAD_TAG_PRPS || P == DYAD_TAG_POS)
      t->tag = nextmod && pref == DYAD_TAG_RB ? DYAD_TAG_RB : DYAD_TAG_JJ;
    else if (nextmod)
      t->tag = (uint8_t)pref;
    else if (w->first && (N == DYAD_TAG_COMMA || N == DYAD_TAG_CC))
      t->tag = DYAD_TAG_RB; /* First, ...; First and foremost */
    else if (form == d->enough && isadj(P))
      t->tag = DYAD_TAG_RB; /* big enough */
    else if (isverb(PA) && !copula && !(Nm & NOUNS) &&
             N != DYAD_TAG_COMMA && P != DYAD_TAG_PRP && Nf != d->of &&
             Nf != d->to && Nf != d->as)
      t->tag = DYAD_TAG_RB; /* marched deep into, came too late */
    else if (N == DYAD_TAG_DT || N == DYAD_TAG_MD ||
             (isverb(N) && N != DYAD_TAG_VBG))
      t->tag = DYAD_TAG_RB;
    else if (PAl == d->be || PAl == d->become || PAl == d->seem ||
             PAl == d->remain)
      t->tag = pref == DYAD_TAG_RB && P != DYAD_TAG_RB ? DYAD_TAG_RB
                                                       : DYAD_TAG_JJ;
    else if (w->first && N == DYAD_TAG_COMMA)
      t->tag = DYAD_TAG_RB;
    else if ((isverb(P) || P == DYAD_TAG_RP) && pref == DYAD_TAG_RB)
      t->tag = DYAD_TAG_RB;
    else
      t->tag = (uint8_t)pref;
    return;
  }
  /* after to / modal / do: base verb */
  if ((m & B(VB)) &&
      (PA == DYAD_TAG_TO || PA == DYAD_TAG_MD ||
       (PAl == d->do_ && (PA == DYAD_TAG_VBP || PA == DYAD_TAG_VBZ ||
                          PA == DYAD_TAG_VBD)))) {
    t->tag = DYAD_TAG_VB;
    return;
  }
  /* have + participle */
  if ((m & B(VBN)) && PAl == d->have && isverb(PA)) {
    t->tag = DYAD_TAG_VBN;
    return;
  }
  /* be / get + participle (passive) or -ing (progressive) */
  if ((PAl == d->be || PAl == d->get) && isverb(PA)) {
    /* it is amazing, we are so disappointed: with no object after it, or
     * after a degree adverb, a participle WordNet lists as an adjective
     * is one */
    int degree = P == DYAD_TAG_RB && degree_adverb(d, Pf);
    int noobj = N == DYAD_TAG_COMMA || N == DYAD_TAG_PERIOD ||
                N == DYAD_TAG_CC || N == DYAD_TAG_RQUOTE || N == DYAD_TAG_NONE ||
                Nf == d->than || (N == DYAD_TAG_TO && PAl == d->be);
    if ((m & B(VBG)) && ends(f, fl, "ing")) {
      t->tag = (m & B(JJ)) && (degree || noobj) &&
                       pref_in(dyad__lex_get(doc->ctx, form), B(JJ) | B(VBG)) ==
                           DYAD_TAG_JJ
                   ? DYAD_TAG_JJ
                   : DYAD_TAG_VBG;
      return;
    }
    if (m & B(VBN)) {
      t->tag = (m & B(JJ)) && (cur == DYAD_TAG_JJ || degree)
                   ? DYAD_TAG_JJ
                   : DYAD_TAG_VBN;
      return;
    }
    if ((m & B(RB)) && (Nm & (B(VBN) | B(VBG))) && !(Nm & NOUNS)) {
      t->tag = DYAD_TAG_RB; /* were later built */
      return;
    }
    if ((m & ADJS) && PAl == d->be) {
      int at = pref_in(dyad__lex_get(doc->ctx, form), ADJS);
      t->tag = (uint8_t)(at ? at : DYAD_TAG_JJ);
      return;
    }
  }
  /* determiner, possessive, adjective, number, preposition + noun */
  int npre = P == DYAD_TAG_DT || P == DYAD_TAG_PRPS || P == DYAD_TAG_POS ||
             P == DYAD_TAG_WPS || P == DYAD_TAG_CD || isadj(P) ||
             P == DYAD_TAG_IN || P == DYAD_TAG_PDT;
  /* these had been ..., this brought the book ...: a demonstrative or
   * quantifier standing alone as the subject of a past tense */
  if (P == DYAD_TAG_DT && (m & B(VBD)) && !(m & NOUNS) &&
      !((Nm & NOUNS) && isnoun(N)) && i > a &&
      (T[i - 1].len > 3 || Pf == d->all) && Pf != d->that)
    npre = 0;
  if (npre) {
    int nextnoun = (Nm & NOUNS) && T[i + 1].kind == DYAD_TK_WORD &&
                   (isnoun(N) || isadj(N) || (isverb(N) && !(Nm & B(MD)) &&
                                              N != DYAD_TAG_VBZ && N != DYAD_TAG_VBD));
    /* a major tactical error, the past 50 years: before another
     * prenominal adjective or a number, still a modifier */
    if (i + 1 < b && ((isadj(N) && !(Nm & (NOUNS | VERBS))) ||
                      (N == DYAD_TAG_CD && (P == DYAD_TAG_DT))))
      nextnoun = 1;
    if ((m & (B(VBG))) && ends(f, fl, "ing")) {
      if (P == DYAD_TAG_IN && (m & B(NN)) && Pf != d->as &&
          (N == DYAD_TAG_COMMA || N == DYAD_TAG_PERIOD ||
           N == DYAD_TAG_NONE))
        t->tag = DYAD_TAG_NN;
      else if (P == DYAD_TAG_IN && !(Nm & FINITE) &&
               !(nextnoun && (m & B(JJ)) &&
                 pref_in(dyad__lex_get(doc->ctx, form), B(JJ) | B(VBG)) ==
                     DYAD_TAG_JJ)) /* (called on leading nations) */
        t->tag = DYAD_TAG_VBG;
      else if (nextnoun && (m & B(JJ)))
        t->tag = (uint8_t)pref_in(dyad__lex_get(doc->ctx, form),
                                  B(JJ) | B(VBG)); /* the remaining books */
      else if (nextnoun)
        t->tag = (m & B(NN)) && isadj(P) ? DYAD_TAG_NN : DYAD_TAG_VBG;
      else if ((m & B(NN)) ||
               ((P == DYAD_TAG_DT || P == DYAD_TAG_PRPS ||
                 P == DYAD_TAG_POS || isadj(P)) &&
                !(Nm & (B(DT) | B(PRP) | B(PRPS) | B(CD)))))
        t->tag = DYAD_TAG_NN; /* the fatal stabbing of, his handling */
      else
        t->tag = DYAD_TAG_VBG;
      return;
    }
    if ((m & (B(VBN) | B(VBD))) && !(m & NOUNS)) {
      if (P == DYAD_TAG_IN || P == DYAD_TAG_CD)
        t->tag = (m & B(JJ)) && nextnoun ? DYAD_TAG_JJ : DYAD_TAG_VBN;
      else
        t->tag = (m & B(JJ)) ? DYAD_TAG_JJ : DYAD_TAG_VBN;
      return;
    }
    if ((m & ADJS) && nextnoun && w->known)
      t->tag = (uint8_t)pref_in(dyad__lex_get(doc->ctx, form), ADJS | NOUNS);
    else if ((m & ADJS) && nextnoun)
      t->tag = (uint8_t)cur;
    else if (m & NOUNS) {
      int nt = noun_of(doc->ctx, w, f, fl);
      if (nt && !((m & ADJS) && isadj(cur) && nextnoun))
        t->tag = (uint8_t)nt;
      /* an adjective reading survives only where no determiner or
       * modifier makes this word the head of a noun phrase (in brief) */
      if ((m & ADJS) && isadj(cur) && !(Nm & NOUNS) && P != DYAD_TAG_DT &&
          P != DYAD_TAG_PRPS && P != DYAD_TAG_POS && !isadj(P) &&
          P != DYAD_TAG_CD)
        t->tag = (uint8_t)cur;
    } else if (m & ADJS)
      t->tag = (uint8_t)pref_in(dyad__lex_get(doc->ctx, form), ADJS);
    if (P == DYAD_TAG_IN && (m & B(VBG)) && ends(f, fl, "ing"))
      t->tag = DYAD_TAG_VBG;
    return;
  }
  /* adjective/noun before a noun: military officials */
  if ((m & ADJS) && (m & NOUNS) && isadj(cur) == 0 && (Nm & NOUNS) &&
      isnoun(N) && !(m & VERBS) && cur == DYAD_TAG_NN) {
    const struct dyad_lexent *e = dyad__lex_get(doc->ctx, form);
    if (e && e->order[1] && isadj(e->order[1]))
      t->tag = DYAD_TAG_JJ;
  }
  /* Algeria's leading human rights activist, a peace envoy, the
   * Philippines military and ...: a
   * noun-or-adjective word after the nouns of a phrase that no verb
   * governs, and before a comma or a verb, heads it (after a verb it may
   * be a predicate: "made living conditions safe"; before a preposition a
   * postmodifier: "leaders active in trade") */
  int proper_p = P == DYAD_TAG_NNP || P == DYAD_TAG_NNPS;
  if ((m & B(NN)) && isadj(cur) && !(m & VERBS) &&
      (P == DYAD_TAG_NN || P == DYAD_TAG_NNS || proper_p) && i >= a + 2 &&
      (isnoun(T[i - 2].tag) || isadj(T[i - 2].tag) ||
       (proper_p && T[i - 2].tag == DYAD_TAG_DT)) &&
      (N == DYAD_TAG_COMMA || N == DYAD_TAG_PERIOD ||
       N == DYAD_TAG_NONE || N == DYAD_TAG_VBD || N == DYAD_TAG_VBZ ||
       N == DYAD_TAG_MD || (proper_p && N == DYAD_TAG_CC))) {
    size_t k = i - 1;
    while (k > a && (isnoun(T[k - 1].tag) || isadj(T[k - 1].tag) ||
                     T[k - 1].tag == DYAD_TAG_VBG || T[k - 1].tag == DYAD_TAG_POS ||
                     T[k - 1].tag == DYAD_TAG_DT || T[k - 1].tag == DYAD_TAG_PRPS ||
                     T[k - 1].tag == DYAD_TAG_CD || T[k - 1].tag == DYAD_TAG_HYPH))
      k--;
    if (k == a || !(isverb(T[k - 1].tag) || T[k - 1].tag == DYAD_TAG_MD ||
                    T[k - 1].tag == DYAD_TAG_TO)) {
      t->tag = DYAD_TAG_NN;
      return;
    }
  }
  int subj = isnoun(P) || P == DYAD_TAG_PRP || P == DYAD_TAG_WDT ||
             P == DYAD_TAG_WP || P == DYAD_TAG_EX ||
             (PA != P && (isnoun(PA) || PA == DYAD_TAG_PRP));
  int plsubj = P == DYAD_TAG_NNS || P == DYAD_TAG_NNPS ||
               (P == DYAD_TAG_PRP && Pf != d->he && Pf != d->she && Pf != d->it) ||
               P == DYAD_TAG_WDT || P == DYAD_TAG_WP;
  /* -s forms: plural noun or third person verb */
  if ((m & B(VBZ)) && (m & B(NNS))) {
    int sg = PA == DYAD_TAG_NN || PA == DYAD_TAG_NNP;
    int objnext = ((Nm & (B(DT) | B(PRPS) | B(PRP) | B(TO) | B(CD) |
                          B(DOLLAR))) && !(Nm & NOUNS)) ||
                  N == DYAD_TAG_DT || N == DYAD_TAG_PRPS || Nf == d->that;
    int verbnext = (Nm & (B(MD) | B(VBD) | B(VBZ) | B(VBP))) &&
                   !(Nm & NOUNS); /* the current arrests are ... */
    if (PA == DYAD_TAG_PRP || PA == DYAD_TAG_WDT || PA == DYAD_TAG_WP ||
        PA == DYAD_TAG_EX)
      t->tag = DYAD_TAG_VBZ;
    else if (P == DYAD_TAG_NN && i >= a + 2 && T[i - 2].tag == DYAD_TAG_CD &&
             T[i - 2].form != d->one)
      t->tag = DYAD_TAG_NNS; /* 1,000 artillery shells: a plural head */
    else if (sg && (P == DYAD_TAG_RB || objnext) &&
             !(N == DYAD_TAG_TO && verb_after_pp(T, W, i + 1, b)))
      t->tag = DYAD_TAG_VBZ;
    else if (P == DYAD_TAG_COMMA && !finite_seen && (Nf == d->to || objnext) &&
             comma_aside(doc, a, b, i))
      t->tag = DYAD_TAG_VBZ; /* Greece, like most members, plans to */
    else if (sg && !verbnext && !finite_seen) {
      t->tag = (uint8_t)pref_in(dyad__lex_get(doc->ctx, form),
                                B(VBZ) | B(NNS));
      /* the post reads., the city reports thunder: after a determined
       * singular subject opening a clause, with no other verb for the
       * sentence to have later, the -s word is its verb (the peace talks
       * in Geneva collapsed: not) */
      size_t k = i - 1; /* the start of the noun phrase before */
      while (k > a && (isnoun(T[k - 1].tag) || isadj(T[k - 1].tag) ||
                       T[k - 1].tag == DYAD_TAG_DT ||
                       T[k - 1].tag == DYAD_TAG_PRPS))
        k--;
      int before = k > a ? T[k - 1].tag : DYAD_TAG_NONE;
      uint32_t bf = k > a ? T[k - 1].form : 0;
      /* a determiner too: headlines drop them (Peace talks in Geneva) */
      int det = T[k].tag == DYAD_TAG_DT || T[k].tag == DYAD_TAG_PRPS;
      int opens = !det ? 0 :
                  before == DYAD_TAG_NONE || before == DYAD_TAG_LQUOTE ||
                  before == DYAD_TAG_WRB ||
                  (before == DYAD_TAG_IN &&
                   (bf == d->that || bf == d->as || bf == d->because));
      if (t->tag == DYAD_TAG_NNS && opens && !isnoun(N) &&
          N != DYAD_TAG_POS && N != DYAD_TAG_COMMA && N != DYAD_TAG_COLON &&
          N != DYAD_TAG_HYPH && N != DYAD_TAG_CC) {
        int later = 0;
        for (size_t q = i + 1; q < b && !later; q++)
          later = T[q].tag == DYAD_TAG_VBD || T[q].tag == DYAD_TAG_VBZ ||
                  T[q].tag == DYAD_TAG_VBP || T[q].tag == DYAD_TAG_MD;
        if (!later)
          t->tag = DYAD_TAG_VBZ;
      }
    } else
      t->tag = DYAD_TAG_NNS;
    if (!t->tag)
      t->tag = DYAD_TAG_NNS;
    return;
  }
  /* -ed forms: past tense or participle */
  if ((m & B(VBD)) && (m & B(VBN))) {
    int say = w->vlemma && w->vlemma == d->say;
    int objnext = N == DYAD_TAG_DT || N == DYAD_TAG_PRPS || N == DYAD_TAG_PRP ||
                  N == DYAD_TAG_CD || N == DYAD_TAG_NNP ||
                  (isadj(N) && i + 2 < b && isnoun(T[i + 2].tag));
    int noobj = N == DYAD_TAG_IN || N == DYAD_TAG_TO || N == DYAD_TAG_COMMA ||
                N == DYAD_TAG_PERIOD || (N == DYAD_TAG_RB && Nf != d->not_);
    int subject = isnoun(P) || P == DYAD_TAG_PRP || P == DYAD_TAG_WDT ||
                  P == DYAD_TAG_WP || P == DYAD_TAG_EX ||
                  (P == DYAD_TAG_CD && i >= a + 2 && isnoun(T[i - 2].tag)) ||
                  (P == DYAD_TAG_DT && !(W[i - 1].mask & B(PDT)) && i >= a + 1 &&
                   (i == a + 1 || !isnoun(T[i - 2].tag))) ||
                  (PA != P && (isnoun(PA) || PA == DYAD_TAG_PRP));
    if (Nf == d->by)
      t->tag = DYAD_TAG_VBN;
    else if (say && P != DYAD_TAG_DT)
      t->tag = DYAD_TAG_VBD;
    else if (P == DYAD_TAG_RQUOTE && i + 1 < b &&
             (N == DYAD_TAG_NNP || N == DYAD_TAG_DT || N == DYAD_TAG_PRP ||
              N == DYAD_TAG_NN))
      t->tag = DYAD_TAG_VBD; /* "...," reported Lindsay Gay: inversion */
    else if (w->first)
      t->tag = DYAD_TAG_VBN;
    else if (P == DYAD_TAG_RB && (PA == DYAD_TAG_DT || PA == DYAD_TAG_IN ||
                                  PA == DYAD_TAG_PRPS || PA == DYAD_TAG_POS ||
                                  PA == DYAD_TAG_RBS))
      t->tag = DYAD_TAG_VBN;
    else if (subject) {
      /* noun + Xed with no object after it: a reduced passive (the money
       * invested in bonds) when the verb takes objects and the noun phrase
       * sits inside a prepositional phrase or an object; otherwise a past
       * tense (the army advanced, prices rose in May) */
      const struct dyad_lexent *e = dyad__lex_get(doc->ctx, form);
      int intr = e && (e->flags & DYAD_LEXF_INTRANS);
      size_t k = i - 1;
      while (k > a && (isnoun(T[k - 1].tag) || isadj(T[k - 1].tag) ||
                       T[k - 1].tag == DYAD_TAG_DT || T[k - 1].tag == DYAD_TAG_CD ||
                       T[k - 1].tag == DYAD_TAG_POS || T[k - 1].tag == DYAD_TAG_PRPS ||
                       T[k - 1].tag == DYAD_TAG_HYPH))
        k--;
      int before = k > a ? T[k - 1].tag : DYAD_TAG_NONE;
      uint32_t bf = k > a ? T[k - 1].form : 0;
      int inner = (before == DYAD_TAG_IN && bf != d->that && bf != d->after &&
                   bf != d->before && bf != d->because) ||
                  (isverb(before) && k > a && W[k - 1].vlemma != d->say) ||
                  before == DYAD_TAG_TO;
      /* (after crowds burned down its embassy, he said government
       * proposed to: a clause, not a phrase) */
      /* the money invested in bonds would ...: a finite verb after the
       * phrase that follows means this one was a participle */
      int later_finite = 0;
      if (noobj && N != DYAD_TAG_PERIOD && N != DYAD_TAG_COMMA) {
        size_t q = i + 1;
        while (q < b && (T[q].tag == DYAD_TAG_IN || T[q].tag == DYAD_TAG_DT ||
                         isadj(T[q].tag) || isnoun(T[q].tag) ||
                         T[q].tag == DYAD_TAG_CD || T[q].tag == DYAD_TAG_PRPS ||
                         T[q].tag == DYAD_TAG_POS || T[q].tag == DYAD_TAG_RB ||
                         T[q].tag == DYAD_TAG_HYPH || T[q].tag == DYAD_TAG_TO))
          q++;
        later_finite = q < b && q > i + 1 && !(W[q].mask & NOUNS) &&
                       (T[q].tag == DYAD_TAG_MD || T[q].tag == DYAD_TAG_VBZ ||
                        T[q].tag == DYAD_TAG_VBD || T[q].tag == DYAD_TAG_VBP);
      }
      if ((P == DYAD_TAG_NN || P == DYAD_TAG_NNS) && noobj && !intr &&
          Nf != d->that && (inner || later_finite) && w->vlemma != d->have)
        t->tag = DYAD_TAG_VBN;
      else
        t->tag = DYAD_TAG_VBD;
    } else if (P == DYAD_TAG_CC) {
      /* the tense of the verb before the conjunction, unless an object
       * follows: then a past tense, except after have (has fled and
       * sought refuge) */
      int prev = 0;
      size_t pk = 0;
      for (size_t k = i - 1; k > a && !prev; k--)
        if (isverb(T[k - 1].tag) || T[k - 1].tag == DYAD_TAG_MD) {
          prev = T[k - 1].tag;
          pk = k - 1;
        }
      int perfect = prev == DYAD_TAG_VBN && pk > a &&
                    W[pk - 1].vlemma == d->have;
      if (objnext && !perfect)
        t->tag = DYAD_TAG_VBD;
      else if (prev == DYAD_TAG_VBN || prev == DYAD_TAG_VBD)
        t->tag = (uint8_t)prev;
      else
        t->tag = DYAD_TAG_VBD;
    } else if (P == DYAD_TAG_COMMA) {
      /* the park, established in 1879, is ...: after a noun and its
       * comma, a participle whose phrase a second comma closes opens an
       * apposition */
      int appos = 0;
      if (!objnext && i >= a + 2 && isnoun(T[i - 2].tag) &&
          (N == DYAD_TAG_IN || N == DYAD_TAG_TO || N == DYAD_TAG_RB)) {
        size_t q = i + 1;
        while (q < b && (T[q].tag == DYAD_TAG_IN || T[q].tag == DYAD_TAG_TO ||
                         T[q].tag == DYAD_TAG_DT || isadj(T[q].tag) ||
                         isnoun(T[q].tag) || T[q].tag == DYAD_TAG_CD ||
                         T[q].tag == DYAD_TAG_PRPS || T[q].tag == DYAD_TAG_POS ||
                         T[q].tag == DYAD_TAG_RB || T[q].tag == DYAD_TAG_HYPH))
          q++;
        appos = q < b && q > i + 1 && T[q].tag == DYAD_TAG_COMMA;
      }
      if (appos)
        t->tag = DYAD_TAG_VBN;
      else
        t->tag = objnext || !finite_seen ? DYAD_TAG_VBD : DYAD_TAG_VBN;
    } else
      t->tag = finite_seen ? DYAD_TAG_VBN : DYAD_TAG_VBD;
    return;
  }
  /* base forms: VB / VBP / noun */
  if (m & (B(VB) | B(VBP))) {
    /* a police patrol, an arms embargo: "a" makes its phrase singular, so
     * the plural-looking word after it is a modifier and this word the
     * head noun, not the verb of a plural subject */
    if ((m & B(NN)) && (P == DYAD_TAG_NNS || P == DYAD_TAG_NNPS) &&
        i >= a + 2 && T[i - 2].tag == DYAD_TAG_DT && W[i - 2].fl <= 2 &&
        W[i - 2].f[0] == 'a' && (W[i - 2].fl == 1 || W[i - 2].f[1] == 'n')) {
      t->tag = DYAD_TAG_NN;
      return;
    }
    /* demanded that the government end curbs: in the that-clause of a
     * verb of demanding the verb is a bare subjunctive right after the
     * subject's noun phrase */
    if ((m & B(VB)) && isnoun(P) && mandative_subject(doc, a, i, W, d) &&
        ((Nm & (NOUNS | ADJS | B(DT) | B(PRPS) | B(CD) | B(RB))) ||
         N == DYAD_TAG_PERIOD || N == DYAD_TAG_NONE)) {
      t->tag = DYAD_TAG_VB;
      return;
    }
    /* help fund, help rebuild: a bare infinitive right after "help" */
    if ((m & B(VB)) && i > a && isverb(P) && W[i - 1].vlemma &&
        W[i - 1].vlemma == d->caus[2]) {
      t->tag = DYAD_TAG_VB;
      return;
    }
    /* make him leave, help customers monitor, let the talks go: the bare
     * infinitive after a causative or perception verb and its object */
    if ((m & B(VB)) && i > a + 1 &&
        (T[i - 1].tag == DYAD_TAG_PRP || isnoun(T[i - 1].tag))) {
      size_t k = i - 1;
      while (k > a && (isnoun(T[k - 1].tag) || isadj(T[k - 1].tag) ||
                       T[k - 1].tag == DYAD_TAG_DT || T[k - 1].tag == DYAD_TAG_PRPS))
        k--;
      if (k > a && isverb(T[k - 1].tag) && causative(d, W[k - 1].vlemma)) {
        t->tag = DYAD_TAG_VB;
        return;
      }
    }
    const struct dyad_lexent *e = dyad__lex_get(doc->ctx, form);
    int verbpref = isverb(pref_in(e, B(VB) | B(VBP) | NOUNS));
    int plA = PA == DYAD_TAG_NNS || PA == DYAD_TAG_NNPS;
    if ((plsubj || (P == DYAD_TAG_RB && plA)) && (m & B(VBP)) &&
        (verbpref || !(isnoun(P) && (m & NOUNS) &&
                       !(Nm & (B(DT) | B(PRP) | B(PRPS) | B(TO) | B(IN) |
                               B(RB))))))
      t->tag = DYAD_TAG_VBP;
    else if (subj && isnoun(P) && (m & NOUNS)) {
      int nt = noun_of(doc->ctx, w, f, fl);
      if (isverb(cur) && nt && !(Nm & (B(DT) | B(PRPS) | B(PRP))))
        t->tag = (uint8_t)nt;
      else if (isverb(cur))
        t->tag = P == DYAD_TAG_NNS || P == DYAD_TAG_NNPS ? DYAD_TAG_VBP
                                                         : DYAD_TAG_VB;
    } else if (P == DYAD_TAG_CC && (m & (B(VB) | B(VBP)))) {
      int v = 0;
      for (size_t k = i - 1; k > a && !v; k--)
        if (T[k - 1].tag == DYAD_TAG_VB || T[k - 1].tag == DYAD_TAG_VBP)
          v = T[k - 1].tag;
      if (v && isverb(cur))
        t->tag = (uint8_t)v;
      else if (v && (Nm & (B(DT) | B(PRPS) | B(PRP))))
        t->tag = (uint8_t)v;
    } else if (isverb(cur)) {
      if (cur == DYAD_TAG_VBP && !subj)
        t->tag = DYAD_TAG_VB;
      if ((m & NOUNS) && !(Nm & (B(DT) | B(PRPS) | B(PRP) | B(TO) | B(IN))) &&
          !w->first && !subj)
        t->tag = (uint8_t)noun_of(doc->ctx, w, f, fl);
    }
    if (t->tag == DYAD_TAG_VB && subj && (m & B(VBP)) && P != DYAD_TAG_CC)
      t->tag = DYAD_TAG_VBP;
    return;
  }
  if ((m & B(VBG)) && ends(f, fl, "ing")) {
    int objnext = (Nm & (B(DT) | B(PRP) | B(PRPS) | B(CD))) ||
                  N == DYAD_TAG_IN || N == DYAD_TAG_TO || N == DYAD_TAG_RB;
    t->tag = DYAD_TAG_VBG;
    if (!(m & B(NN)))
      return;
    if ((P == DYAD_TAG_NN || P == DYAD_TAG_NNP) && !objnext)
      t->tag = DYAD_TAG_NN; /* weather forecasting, food processing */
    else if (P == DYAD_TAG_CC && i >= a + 2 && isnoun(T[i - 2].tag) &&
             !objnext)
      t->tag = DYAD_TAG_NN; /* tourism and mining */
    else if (w->first && (Nm & FINITE) && !(Nm & NOUNS))
      t->tag = DYAD_TAG_NN; /* Voting has ... */
    else if ((Nm & NOUNS) && isnoun(N) && !(Nm & (B(DT) | B(PRPS))) &&
             N != DYAD_TAG_NNP && N != DYAD_TAG_NNPS &&
             (P == DYAD_TAG_NONE || w->first))
      t->tag = DYAD_TAG_NN; /* housing market, drinking water */
    return;
  }
}

/* A capitalised word opening a sentence, read as an imperative verb right
 * before a noun while a finite verb follows ("Polish police released ...",
 * "Judge Alejandro Rivera opened ..."): news sentences rarely command, so
 * it is the adjective, or the title of the name, that opens the subject.
 * Returns whether it changed the tag. */
static int first_not_imperative(dyad_doc *doc, size_t a, size_t b,
                                const struct tw *W)
{
  dyad_token *T = doc->toks.v;
  if (b < a + 3 || T[a].tag != DYAD_TAG_VB || !W[a].first ||
      !(T[a].flags & DYAD_TOKF_CAP) || !isnoun(T[a + 1].tag))
    return 0;
  int finite = 0;
  for (size_t i = a + 2; i < b && !finite; i++)
    finite = T[i].tag == DYAD_TAG_VBD || T[i].tag == DYAD_TAG_VBZ ||
             T[i].tag == DYAD_TAG_VBP || T[i].tag == DYAD_TAG_MD;
  if (!finite)
    return 0;
  int nx = T[a + 1].tag;
  if (W[a].mask & B(JJ))
    T[a].tag = DYAD_TAG_JJ;
  else if (nx == DYAD_TAG_NNP || nx == DYAD_TAG_NNPS)
    T[a].tag = DYAD_TAG_NNP;
  else if (W[a].mask & B(NN))
    T[a].tag = DYAD_TAG_NN;
  else
    return 0;
  return 1;
}

/* A sentence left with no finite verb, where a word the lexicon knows as a
 * past tense follows its would-be subject and precedes an object ("The
 * West imposed sanctions", "Xi made a strong show", first tagged as
 * adjectives before a noun): that word is the verb. A capitalised
 * adjective just before it ("West", "Xi") is then a proper noun. A word
 * followed by "by" is rather a participle with its agent, so a later
 * candidate is taken over it ("Protests fueled by anger spread ...").
 * Returns whether it changed a tag. */
static int rescue_finite(dyad_doc *doc, size_t a, size_t b,
                         const struct tw *W, const struct dyad_tagger_ids *d)
{
  dyad_token *T = doc->toks.v;
  size_t pick = SIZE_MAX; /* the word to make the verb */
  int by_next = 0;        /* pick is followed by "by": a passive agent */
  for (size_t i = a; i < b; i++) {
    int tg = T[i].tag;
    if (tg == DYAD_TAG_VBD || tg == DYAD_TAG_VBZ || tg == DYAD_TAG_VBP ||
        tg == DYAD_TAG_MD)
      return 0;
  }
  for (size_t i = a + 1; i + 1 < b; i++) {
    dyad_token *t = &T[i];
    if (t->tag == DYAD_TAG_NNS && (W[i].mask & B(VBZ)) &&
        T[i - 1].tag == DYAD_TAG_JJ && (T[i - 1].flags & DYAD_TOKF_CAP) &&
        i + 1 < b &&
        (T[i + 1].tag == DYAD_TAG_TO || T[i + 1].tag == DYAD_TAG_DT ||
         T[i + 1].tag == DYAD_TAG_NNS || T[i + 1].tag == DYAD_TAG_NNP)) {
      /* "The European Union aims to", "the Union plans talks": a plural
       * after a capitalised adjective, where no verb is found, is the
       * verb of the name before it */
      T[i].tag = DYAD_TAG_VBZ;
      T[i - 1].tag = DYAD_TAG_NNP;
      return 1;
    }
    if (t->tag != DYAD_TAG_JJ && t->tag != DYAD_TAG_VBN)
      continue;
    const struct dyad_lexent *e = dyad__lex_get(doc->ctx, t->form);
    if (!e && W[i].fl > 3 && (t->flags & DYAD_TOKF_HYPHEN)) {
      /* test-fired, co-founded: an unknown compound whose last part is
       * a past tense */
      const char *f = W[i].f, *h = f + W[i].fl;
      while (h > f && h[-1] != '-')
        h--;
      if (h > f && h < f + W[i].fl)
        e = dyad__lex_get(doc->ctx,
                          dyad__vocab_find(&doc->ctx->vocab, h,
                                           (size_t)(f + W[i].fl - h)));
    }
    if (!e || !(e->mask & DYAD_TAGBIT(DYAD_TAG_VBD)))
      continue;
    int prev = T[i - 1].tag, next = T[i + 1].tag;
    int capadj = prev == DYAD_TAG_JJ && (T[i - 1].flags & DYAD_TOKF_CAP);
    int subj = prev == DYAD_TAG_NN || prev == DYAD_TAG_NNS ||
               prev == DYAD_TAG_NNP || prev == DYAD_TAG_NNPS ||
               prev == DYAD_TAG_PRP || capadj;
    int obj = next == DYAD_TAG_DT || next == DYAD_TAG_NN ||
              next == DYAD_TAG_NNS || next == DYAD_TAG_NNP ||
              next == DYAD_TAG_NNPS || next == DYAD_TAG_PRP ||
              next == DYAD_TAG_PRPS || next == DYAD_TAG_JJ ||
              next == DYAD_TAG_CD || next == DYAD_TAG_IN;
    if (!subj || !obj)
      continue;
    if (pick == SIZE_MAX || by_next)
      pick = i; /* a later candidate wins over one before "by" */
    by_next = T[i + 1].form == d->by;
    if (!by_next)
      break;
  }
  if (pick == SIZE_MAX)
    return 0;
  T[pick].tag = DYAD_TAG_VBD;
  if (T[pick - 1].tag == DYAD_TAG_JJ && (T[pick - 1].flags & DYAD_TOKF_CAP))
    T[pick - 1].tag = DYAD_TAG_NNP;
  return 1;
}

/* The tagger's word cache, one per doc and kept from one document to the
 * next: the raw spelling of a token (up to WC_KEY bytes) -> the vocab id of
 * its folded form, whether folding changes it, and the folded form itself
 * (the vocabulary's copy) when it does. News text repeats a few thousand
 * spellings, so most tokens are found here, in a table that stays in the
 * core's cache, instead of in the vocabulary's large one (whose lookup
 * costs several memory reads). Two-way set associative: a set is one
 * 64-byte cache line (the table is aligned to 64 bytes), a new spelling
 * goes into way 0 and pushes what was there into way 1, so a rare word no
 * longer evicts a frequent one that shares its set. Valid while the
 * vocabulary has the size it had when the cache was filled (the
 * vocabulary only grows, and only while loading; its words do not move
 * while it does not grow). */
#define WC_BITS 16
#define WC_KEY 16
struct wc_ent {
  uint64_t k0, k1;  /* raw token bytes 0-7 and 8-15, zero-padded */
  union {
    const char *fold; /* id != 0: the folded form in the vocabulary, when
                         it is not the spelling; else NULL */
    struct {          /* id == 0: the suffix rules' lemma of the word */
      uint32_t lemma;
      uint32_t how;   /* for this dyad__lemma_how entry, 0: none yet */
    } lm;
  };
  uint32_t id;      /* vocab id of the folded form, 0: not in it */
  uint8_t len;      /* 0: empty */
  uint8_t same;     /* the folded form is the raw spelling */
  uint8_t flen;     /* the folded form's length */
  uint8_t guess;    /* guess()'s answer for the word (no hyphen flag), as
                       an index into guesses[] + 1; 0: not asked yet */
};
_Static_assert(sizeof(struct wc_ent) == 32, "two entries a cache line");
struct tag_state {
  struct wc_ent ent[1u << WC_BITS]; /* first: 64-byte aligned */
  size_t vocab_n;   /* ctx->vocab.n when the entries were made */
  void *raw;        /* the allocation (TS_SIZE bytes) holding this */
};
#define TS_SIZE (sizeof(struct tag_state) + 63)

void dyad__tag_state_free(dyad_doc *doc)
{
  struct tag_state *ts = doc->tag_state;
  if (!ts)
    return;
  dyad__free(&doc->ctx->alloc, ts->raw, TS_SIZE);
  doc->tag_state = NULL;
}

/* The doc's cache, made or emptied as needed; NULL when out of memory. */
static struct tag_state *tag_state(dyad_doc *doc)
{
  struct tag_state *ts = doc->tag_state;
  if (!ts) {
    void *raw = dyad__calloc(&doc->ctx->alloc, TS_SIZE);
    if (!raw)
      return NULL;
    ts = (struct tag_state *)(((uintptr_t)raw + 63) & ~(uintptr_t)63);
    ts->raw = raw;
    ts->vocab_n = doc->ctx->vocab.n;
    doc->tag_state = ts;
  } else if (ts->vocab_n != doc->ctx->vocab.n) {
    memset(ts->ent, 0, sizeof(ts->ent));
    ts->vocab_n = doc->ctx->vocab.n;
  }
  return ts;
}

static uint64_t ld8(const char *s)
{
  uint64_t v;
  memcpy(&v, s, 8);
  return v;
}

/* The low n bytes of a 64-bit load (n <= 8): one table load, no shift. */
static inline uint64_t low_bytes(uint64_t v, size_t n)
{
  static const uint64_t keep[9] = {
      0, 0xff, 0xffff, 0xffffff, 0xffffffffull, 0xffffffffffull,
      0xffffffffffffull, 0xffffffffffffffull, ~0ull};
  return v & keep[n];
}

/* The cache key of a short spelling s (n <= WC_KEY bytes, in the doc
 * text, which DYAD_TEXT_PAD zero bytes follow): its bytes in two words,
 * zero-padded; a load masked to the word for most words. */
static HOT_INLINE uint64_t wc_key(const char *s, size_t n, uint64_t *k1)
{
  if (n <= 8) {
    *k1 = 0;
    return low_bytes(ld8(s), n);
  }
  *k1 = low_bytes(ld8(s + 8), n - 8);
  return ld8(s);
}

/* The cache set of a key (an even entry index). */
static HOT_INLINE uint32_t wc_set(uint64_t k0, uint64_t k1, size_t n)
{
  uint64_t h = (k0 ^ 0x2d358dccaa6c78a5ull) * 0x9e3779b97f4a7c15ull +
               k1 * 0xff51afd7ed558ccdull + n;
  return ((uint32_t)(h >> 32) ^ (uint32_t)h) & ((1u << WC_BITS) - 1) & ~1u;
}

/* dyad__fold for plain ASCII without a call: lower-cases s (in the padded
 * doc text) into out eight bytes at a time and returns n, or calls
 * dyad__fold for anything else. Writes up to n + 7 bytes (out has room for
 * 2n + 8); the bytes past n are junk. */
#define SW_ONES 0x0101010101010101ull
#define SW_HIGH 0x8080808080808080ull
static size_t fold_fast(const char *s, size_t n, char *out, size_t cap)
{
  for (size_t i = 0; i < n; i += 8) {
    uint64_t v = ld8(s + i);
    uint64_t live = i + 8 <= n ? ~0ull : low_bytes(~0ull, n - i);
    if (v & live & SW_HIGH)
      return dyad__fold(s, n, out, cap);
    /* bit 7 of each byte in 'A'..'Z' (bytes >= 0x80 cleared first, so
     * that no lane carries into the next) */
    uint64_t x = v & ~SW_HIGH;
    uint64_t up = (x + SW_ONES * (0x80u - 'A')) &
                  ~(x + SW_ONES * (0x7fu - 'Z')) & ~v & SW_HIGH;
    v |= up >> 2; /* bit 5: lower case */
    memcpy(out + i, &v, 8);
  }
  return n;
}

/* Folds token text s (n bytes) into buf (room for 2n + 8) and looks the
 * folded form up in the vocabulary, for a token the cache has not got:
 * returns the folded length (0 when too long), its vocab id through *id
 * and the folded form through *f (s itself when folding changes nothing).
 * Puts the token into the cache set e (NULL: none; k0, k1 its key). */
static size_t fold_miss(const dyad_ctx *ctx, struct wc_ent *e, uint64_t k0,
                        uint64_t k1, const char *s, size_t n, char *buf,
                        const char **f, uint32_t *id)
{
  size_t fl = fold_fast(s, n, buf, 2 * n + 8);
  if (fl == (size_t)-1 || fl > 255)
    fl = 0;
  *id = fl ? dyad__vocab_find(&ctx->vocab, buf, fl) : 0;
  int same = fl == n && memcmp(buf, s, n) == 0;
  *f = same ? s : buf;
  if (e && fl) {
    e[1] = e[0]; /* way 0 takes the newcomer, way 1 the one it held */
    e->k0 = k0;
    e->k1 = k1;
    e->len = (uint8_t)n;
    e->same = (uint8_t)same;
    e->flen = (uint8_t)fl;
    e->id = *id;
    e->guess = 0;
    if (*id) {
      size_t vl = 0;
      e->fold = !same ? dyad__vocab_str(&ctx->vocab, *id, &vl) : NULL;
      if (vl != fl)
        e->fold = NULL;
    } else {
      e->lm.lemma = 0; /* none yet */
      e->lm.how = 0;
    }
  }
  return fl;
}

/* The suffix rules' lemma of word token t (state w) for dyad__lemma_how
 * entry how (dyad__lemma_morph: several vocabulary look-ups). That of a
 * word the vocabulary does not know (most of those asked for) is kept in
 * its word cache entry (ts; NULL: none), while that still holds its
 * spelling. Out of line: few tokens need it. */
static NO_INLINE uint32_t lemma_rules(const dyad_ctx *ctx,
                                      struct tag_state *ts,
                                      const struct tw *w, const dyad_doc *doc,
                                      const dyad_token *t, unsigned how)
{
  if (ts && !t->form && w->wce) {
    struct wc_ent *e = &ts->ent[w->wce - 1];
    uint64_t k1, k0 = wc_key(doc->text + t->off, t->len, &k1);
    for (int way = 0; way < 2; way++) {
      struct wc_ent *x = &e[way];
      if (x->id == 0 && x->len == t->len && x->k0 == k0 && x->k1 == k1) {
        if (x->lm.how != how) {
          x->lm.lemma = dyad__lemma_morph(ctx, w->f, w->fl, how);
          x->lm.how = how;
        }
        return x->lm.lemma;
      }
    }
  }
  return dyad__lemma_morph(ctx, w->f, w->fl, how);
}

/* Every answer guess() gives: tag and possible tags. */
static const struct {
  uint8_t tag;
  uint64_t mask;
} guesses[] = {
    {DYAD_TAG_NNS, B(NNS) | B(CD)},
    {DYAD_TAG_JJ, B(CD) | B(NNP) | B(NN) | B(JJ)},
    {DYAD_TAG_CD, B(CD) | B(NNP) | B(NN) | B(JJ)},
    {DYAD_TAG_NNP, B(CD) | B(NNP) | B(NN) | B(JJ)},
    {DYAD_TAG_VBN, B(JJ) | B(VBN) | B(VBD)},
    {DYAD_TAG_JJ, B(JJ) | B(NN) | B(NNS)},
    {DYAD_TAG_NNS, B(JJ) | B(NN) | B(NNS)},
    {DYAD_TAG_NN, B(JJ) | B(NN) | B(NNS)},
    {DYAD_TAG_RB, B(RB)},
    {DYAD_TAG_VBG, B(VBG) | B(NN) | B(JJ)},
    {DYAD_TAG_VBN, B(VBD) | B(VBN) | B(JJ)},
    {DYAD_TAG_NN, B(NN)},
    {DYAD_TAG_JJ, B(JJ) | B(NN)},
    {DYAD_TAG_VB, B(VB) | B(VBP) | B(NN)},
    {DYAD_TAG_NNS, B(NNS) | B(VBZ)},
    {DYAD_TAG_NN, B(NN) | B(JJ)}};

/* guess() for word token t (state w, folded form f, fl bytes), its answer
 * kept in the word's cache entry (a word of no inner hyphen: guess() reads
 * nothing else than its folded form then). */
static int guess_cached(const dyad_doc *doc, const struct tw *w,
                        const char *f, size_t fl, const dyad_token *t,
                        uint64_t *mask)
{
  struct tag_state *ts = doc->tag_state;
  struct wc_ent *x = NULL;
  if (ts && w->wce && !(t->flags & DYAD_TOKF_HYPHEN)) {
    struct wc_ent *e = &ts->ent[w->wce - 1];
    uint64_t k1, k0 = wc_key(doc->text + t->off, t->len, &k1);
    for (int way = 0; way < 2 && !x; way++)
      if (e[way].len == t->len && e[way].k0 == k0 && e[way].k1 == k1)
        x = &e[way];
  }
  if (x && x->guess) {
    *mask = guesses[x->guess - 1].mask;
    return guesses[x->guess - 1].tag;
  }
  int tag = guess(doc->ctx, f, fl, t, mask);
  for (size_t k = 0; x && k < DYAD_ARRAY_LEN(guesses); k++)
    if (guesses[k].tag == tag && guesses[k].mask == *mask) {
      x->guess = (uint8_t)(k + 1);
      break;
    }
  return tag;
}

/* dyad__lemma_id for a word token t with state w (its entry known). */
static HOT_INLINE uint32_t lemma_of(const dyad_ctx *ctx, struct tag_state *ts,
                                    const struct tw *w, const dyad_doc *doc,
                                    const dyad_token *t, int tag)
{
  uint32_t form = t->form;
  unsigned how = (unsigned)tag < DYAD_TAG_COUNT ? dyad__lemma_how[tag]
                                                : DYAD_LEM_OTHER;
  if (how & DYAD_LT_NONE)
    return form;
  uint32_t l = w->e ? w->e->lemma[how & DYAD_LT_SLOT] : 0;
  if (l)
    return l;
  if (!(how & DYAD_LT_MORPH))
    return form;
  return lemma_rules(ctx, ts, w, doc, t, how);
}

dyad_status dyad__tag(dyad_doc *doc)
{
  const dyad_ctx *ctx = doc->ctx;
  size_t ntok = doc->toks.n;
  if (ntok == 0)
    return DYAD_OK;
  /* every element is set whole by the folding loop and the lexical pass
   * below */
  struct tw *W = dyad__arena_alloc(&doc->arena, ntok * sizeof(*W));
  if (!W)
    return DYAD_ENOMEM;
  if (!ctx->lex || !ctx->lex->tids)
    return DYAD_OK; /* no lexicon loaded: nothing to tag with */
  const struct dyad_tagger_ids *dp = ctx->lex->tids;
  const struct dyad_tagger_ids d = *dp;
  struct tag_state *ts = tag_state(doc); /* NULL: no cache, still right */
  dyad_token *T = doc->toks.v;
  /* every token folded once, into one arena block: room for 2 len + 8
   * bytes a token, and tokens do not overlap, so their lengths sum to at
   * most the text's */
  size_t fcap = 2 * doc->text_len + 8 * ntok;
  char *fbuf = dyad__arena_alloc(&doc->arena, fcap);
  if (!fbuf)
    return DYAD_ENOMEM;
  size_t fpos = 0;

  /* Every token's folded form and vocab id, first for the whole document:
   * the cache entries are fetched ahead (the sets of all tokens first),
   * and the rules of the passes below see the next tokens' forms too. */
  if (ts)
    for (size_t i = 0; i < ntok; i++) {
      size_t n = T[i].len;
      if (n > WC_KEY)
        continue;
      uint64_t k1, k0 = wc_key(doc->text + T[i].off, n, &k1);
      W[i].form = wc_set(k0, k1, n);
      __builtin_prefetch(&ts->ent[W[i].form]);
    }
  const struct dyad_lexent *ents = ctx->lex->ents;
  size_t nents = ctx->lex->n;
  for (size_t i = 0; i < ntok; i++) {
    dyad_token *t = &T[i];
    const char *s = doc->text + t->off;
    size_t n = t->len;
    const char *f;
    size_t fl;
    uint32_t id;
    uint64_t k0 = 0, k1 = 0;
    struct wc_ent *e = NULL;
    uint32_t set = 0; /* the word's cache set + 1, 0: none */
    if (ts && n <= WC_KEY) {
      set = W[i].form + 1;
      k0 = wc_key(s, n, &k1);
      e = &ts->ent[W[i].form];
      struct wc_ent *hit =
          e->k0 == k0 && e->k1 == k1 && e->len == n         ? e
          : e[1].k0 == k0 && e[1].k1 == k1 && e[1].len == n ? e + 1
                                                            : NULL;
      if (hit) {
        id = hit->id;
        if (hit->same) {
          f = s;
          fl = n;
        } else if (hit->id && hit->fold) {
          f = hit->fold;
          fl = hit->flen;
        } else {
          f = fbuf + fpos;
          fl = fold_fast(s, n, fbuf + fpos, 2 * n + 8);
          fpos += fl;
        }
        goto found;
      }
    }
    fl = fold_miss(ctx, e, k0, k1, s, n, fbuf + fpos, &f, &id);
    if (f != s)
      fpos += fl;
  found:
    W[i].wce = set;
    W[i].f = f; /* (the other fields: in the lexical pass) */
    W[i].fl = (uint32_t)fl;
    W[i].form = id;
    t->form = id;
    if (id < nents)
      __builtin_prefetch(&ents[id]);
  }

  /* Spans to tag, in order: the sentences, and any tokens no sentence
   * covers (before, between or after them) as spans of their own, so
   * every token is tagged exactly once. */
  const dyad_sentence *S = doc->sents.v;
  size_t ns = doc->sents.n, si = 0, pos = 0;
  while (pos < ntok) {
    size_t a = pos, b = ntok;
    if (si < ns) {
      size_t sa = S[si].tok, sb = sa + S[si].ntok;
      if (sb > ntok)
        sb = ntok;
      if (sa > pos) {
        b = sa < ntok ? sa : ntok; /* a gap before this sentence */
      } else {
        si++;
        if (sb <= pos)
          continue; /* empty, or overlapping what is done */
        b = sb;
      }
    }
    int first = 1;
    for (size_t i = a; i < b; i++) {
      dyad_token *t = &T[i];
      if (t->kind == DYAD_TK_WORD && t->form < nents &&
          (ents[t->form].flags & DYAD_LEXF_WORD) &&
          !(t->flags & (DYAD_TOKF_CAP | DYAD_TOKF_ALLCAPS))) {
        /* the common case, a known word in lower case: none of
         * lexical()'s tests applies but the name tags' removal, done at
         * load (lower_guess) */
        const struct dyad_lexent *e = &ents[t->form];
        struct tw *w = &W[i];
        w->e = e;
        w->vlemma = e->lemma[DYAD_LEM_VERB];
        w->mask = e->lcmask;
        w->bits = e->lcstate;
        w->first = (uint8_t)first;
        t->tag = e->lctag;
        t->lemma = e->lclemma; /* while the tag stays (below) */
        first = 0;
        continue;
      }
      t->lemma = 0;
      W[i].mask = 0;
      W[i].e = NULL;
      W[i].vlemma = 0;
      W[i].bits = 0;
      const char *s = doc->text + t->off;
      const char *f = W[i].f;
      size_t fl = W[i].fl;
      switch (t->kind) {
      case DYAD_TK_WORD:
        lexical(doc, i, &W[i], f, fl, first, (uint32_t)b);
        first = 0;
        break;
      case DYAD_TK_NUM:
        if (fl > 3 && f[fl - 1] == 's' && f[fl - 2] >= '0' && f[fl - 2] <= '9') {
          t->tag = DYAD_TAG_NNS; /* the 1990s */
          W[i].mask = B(NNS);
          first = 0;
          break;
        }
        t->tag = (ends(f, fl, "st") || ends(f, fl, "nd") ||
                  ends(f, fl, "rd") || ends(f, fl, "th"))
                     ? DYAD_TAG_JJ
                     : DYAD_TAG_CD;
        /* the 28th of October, by 31st December: a date, a noun */
        if (t->tag == DYAD_TAG_JJ && i + 1 < b &&
            (T[i + 1].flags & DYAD_TOKF_CAP ||
             (T[i + 1].len == 2 && !memcmp(doc->text + T[i + 1].off, "of", 2))))
          t->tag = DYAD_TAG_NN;
        W[i].mask = DYAD_TAGBIT(t->tag);
        first = 0;
        break;
      case DYAD_TK_QUOTE:
        t->tag = (uint8_t)quote_tag(doc, a, i, s, t->len);
        if (t->tag == DYAD_TAG_LQUOTE)
          first = 1;
        W[i].mask = DYAD_TAGBIT(t->tag);
        break;
      case DYAD_TK_URL:
        t->tag = DYAD_TAG_ADD;
        W[i].mask = DYAD_TAGBIT(t->tag);
        first = 0;
        break;
      default:
        t->tag = (uint8_t)punct_tag(doc, i, s, t->len);
        if (t->tag == DYAD_TAG_COLON && fl == 1 && s[0] == ':')
          first = 1;
        W[i].mask = DYAD_TAGBIT(t->tag);
        break;
      }
    }
    /* context, the finite-verb tracking and each token's lemma; the
     * lemmas are made again below for a sentence whose tags change after
     * (rare) or where a rule left a token with no tag (fuzz only) */
    int finite_seen = 0, untagged = 0;
    for (size_t i = a; i < b; i++) {
      dyad_token *t = &T[i];
      if (t->kind != DYAD_TK_WORD) {
        t->lemma = t->form;
      } else {
        /* (a word keeps the lemma the lexical pass gave it, when it gave
         * one, while it keeps the tag) */
        if (W[i].need) {
          if (W[i].need == 2)
            particle_only(doc, a, b, i, W, &d);
          else if (W[i].need == 3)
            cap_rule(doc, b, i, W);
          else
            context(doc, a, b, i, W, &d, finite_seen);
          if (t->tag != W[i].lctag)
            t->lemma = 0;
        }
        if (!t->lemma)
          t->lemma = W[i].fl ? lemma_of(ctx, ts, &W[i], doc, t, t->tag) : 0;
      }
      int tg = t->tag;
      uint64_t tb = DYAD_TAGBIT(tg); /* one test for each set of tags */
      if (tb & FINITE)
        finite_seen = 1;
      else if (tb & (B(WDT) | B(WP) | B(CC) | B(COLON) | B(LQUOTE) | B(IN) |
                     B(NONE))) {
        if (tg == DYAD_TAG_NONE)
          untagged = 1;
        else if (tg != DYAD_TAG_IN || t->form == d.that)
          finite_seen = 0;
      }
    }
    int changed = rescue_finite(doc, a, b, W, &d);
    changed |= first_not_imperative(doc, a, b, W);
    for (size_t i = a; (changed | untagged) && i < b; i++) {
      dyad_token *t = &T[i];
      if (t->tag == DYAD_TAG_NONE) /* a rule left no tag (fuzz: "billion
                                      inying aid"): a noun, as unknowns are */
        t->tag = (t->flags & DYAD_TOKF_CAP) ? DYAD_TAG_NNP : DYAD_TAG_NN;
      if (t->kind != DYAD_TK_WORD) {
        t->lemma = t->form;
        continue;
      }
      t->lemma = W[i].fl ? lemma_of(ctx, ts, &W[i], doc, t, t->tag) : 0;
    }
    pos = b;
  }
  return DYAD_OK;
}
