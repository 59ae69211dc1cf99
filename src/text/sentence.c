/*
 * sentence.c: groups a document's tokens into sentences (dyad__sentences),
 * and marks credit lines, photo captions and datelines.
 *
 * Rules, in order of strength:
 * - a paragraph break always ends a sentence; a sentence never spans two
 *   paragraphs, so a headline-like line without a final stop is a sentence;
 * - . ! ? end a sentence, together with the closing quotes and brackets
 *   right after them ("... changes.” Putin said" splits after the ”),
 *   unless the next token continues it: a lower-case word or , ; : ) as in
 *   "“Why?” he asked";
 * - an abbreviation that keeps its period (token flag ABBREV) ends a
 *   sentence only when the next token plainly opens one: a capitalised
 *   determiner, pronoun or sentence adverb ("in the U.S. The talks ...")
 *   or an opening quotation mark before a capital; titles ("Gen.") never
 *   end one; after an ellipsis capitalised conjunctions and prepositions
 *   ("... But") also count;
 * - a run of SENT_MAX tokens without any of these is cut, so that later
 *   stages never see unbounded sentences (tables, lists).
 *
 * Credit lines ("AFP - Getty Images", "Aleksey Nikolskyi / Sputnik via AP",
 * "Photo: Reuters") close a paragraph: capitalised words, slashes, dashes
 * and "via", naming a news or photo agency. When such a line trails the
 * last sentence of a paragraph without a stop of its own, it is split off.
 * It gets DYAD_SENTF_CREDIT, and the sentences before it in a short
 * paragraph (at most CAPTION_MAX of them) are that photo's caption:
 * DYAD_SENTF_CAPTION. Neither is coded by later stages.
 *
 * Invariants: sentences cover every token exactly once, in order; each has
 * ntok >= 1; off/len span its first to its last token.
 */
#include "../internal.h"
#include "text.h"

#define SENT_MAX 400   /* tokens: longer runs are cut */
#define CREDIT_MAX 16  /* tokens in a credit line */
#define CAPTION_MAX 3  /* sentences of a caption before its credit */

/* ==== word lists ======================================================== */

/* A word of a list, with its length, and a value. */
struct word {
  const char *s;
  size_t len;
  int val;
};
#define W(lit) {lit, sizeof(lit) - 1, 1}
#define V(lit, v) {lit, sizeof(lit) - 1, v}

/* The value of s in a list of n words sorted by bytes (as memcmp orders
 * them, a prefix first), 0 when s is not in it: a binary search, as these
 * lists are asked about every capitalised word of some lines. */
static int in_list(const struct word *list, size_t n, const char *s,
                   size_t len)
{
  if (len == 0)
    return 0;
  size_t lo = 0, hi = n;
  unsigned char c0 = (unsigned char)s[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const struct word *w = &list[mid];
    /* the first bytes settle most probes without a call */
    int c = (int)(unsigned char)w->s[0] - (int)c0;
    if (c == 0) {
      /* the words are short: a byte loop costs less than a call */
      size_t m = w->len < len ? w->len : len, q = 1;
      while (q < m && w->s[q] == s[q])
        q++;
      c = q < m ? (int)(unsigned char)w->s[q] - (int)(unsigned char)s[q]
                : w->len < len ? -1 : w->len > len;
    }
    if (c == 0)
      return w->val;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

int dyad__sentence_starter(const char *s, size_t len)
{
  /* every word of the list is capitalised: anything else is not one
   * (the tokenizer asks at every paragraph) */
  if (len == 0 || s[0] < 'A' || s[0] > 'Z')
    return 0;
  /* 2: determiners, pronouns and sentence adverbs, rarely inside a name;
   * 1: conjunctions and prepositions, which open sentences but also
   * follow an abbreviation inside one in text with capitalisation slips.
   * Sorted by bytes (in_list). */
  static const struct word w[] = {
      V("A", 2), V("According", 2), V("After", 1), V("All", 1), V("Also", 1),
      V("Although", 1), V("An", 2), V("And", 1), V("Another", 2), V("As", 1),
      V("Asked", 2), V("At", 1), V("Because", 1), V("Before", 1),
      V("Both", 1), V("But", 1), V("By", 1), V("Despite", 2), V("During", 1),
      V("Each", 1), V("Earlier", 1), V("For", 1), V("From", 1), V("He", 2),
      V("Her", 2), V("Here", 2), V("His", 2), V("How", 1), V("However", 2),
      V("I", 2), V("If", 1), V("In", 1), V("Instead", 2), V("It", 2),
      V("Its", 2), V("Last", 1), V("Later", 1), V("Many", 1),
      V("Meanwhile", 2), V("Most", 1), V("My", 2), V("Next", 1), V("No", 1),
      V("Not", 1), V("Now", 1), V("On", 1), V("Or", 1), V("Other", 1),
      V("Our", 2), V("Separately", 2), V("She", 2), V("Since", 1), V("So", 1),
      V("Some", 1), V("Still", 1), V("Such", 1), V("That", 2), V("The", 2),
      V("Their", 2), V("Then", 1), V("There", 2), V("These", 2), V("They", 2),
      V("This", 2), V("Those", 2), V("Though", 1), V("Thus", 2),
      V("Under", 1), V("We", 2), V("What", 1), V("When", 1), V("Where", 1),
      V("Which", 1), V("While", 1), V("Who", 1), V("Why", 1), V("With", 1),
      V("Yet", 1), V("You", 2)};
  return in_list(w, DYAD_ARRAY_LEN(w), s, len);
}

int dyad__agency_word(const char *s, size_t len)
{
  /* all capitalised but "dpa": anything else is not one (asked about the
   * last word of every paragraph) */
  if (len == 0 || ((s[0] < 'A' || s[0] > 'Z') && s[0] != 'd'))
    return 0;
  static const struct word w[] = { /* sorted by bytes (in_list) */
      W("AFP"), W("ANSA"), W("AP"), W("Alamy"), W("Anadolu"), W("Bloomberg"),
      W("Corbis"), W("Courtesy"), W("DPA"), W("EFE"), W("EPA"), W("HANDOUT"),
      W("Handout"), W("IMAGO"), W("IRNA"), W("ITAR-TASS"), W("Images"),
      W("Imago"), W("KCNA"), W("Kremlin.ru"), W("Kyodo"), W("Novosti"),
      W("NurPhoto"), W("POOL"), W("Pool"), W("REUTERS"), W("RIA"),
      W("Reuters"), W("SOPA"), W("Shutterstock"), W("Sputnik"), W("TASS"),
      W("Tass"), W("UPI"), W("WANA"), W("WireImage"), W("Xinhua"),
      W("Yonhap"), W("ZUMA"), W("dpa")};
  return in_list(w, DYAD_ARRAY_LEN(w), s, len);
}

/* Day and month names, which are capitalised but never part of a credit. */
static int calendar_word(const char *s, size_t len)
{
  if (len == 0 || s[0] < 'A' || s[0] > 'Z')
    return 0; /* all capitalised */
  static const struct word w[] = { /* sorted by bytes (in_list) */
      W("April"), W("August"), W("December"), W("February"), W("Friday"),
      W("January"), W("July"), W("June"), W("March"), W("May"), W("Monday"),
      W("November"), W("October"), W("Saturday"), W("September"), W("Sunday"),
      W("Thursday"), W("Tuesday"), W("Wednesday")};
  return in_list(w, DYAD_ARRAY_LEN(w), s, len);
}

/* Words that introduce a credit: "Photo: Reuters", "Photo by ...". */
static int credit_lead(const char *s, size_t len)
{
  if (len == 0 || s[0] < 'A' || s[0] > 'Z')
    return 0; /* all capitalised */
  static const struct word w[] = { /* sorted by bytes (in_list) */
      W("Courtesy"), W("Credit"), W("Illustration"), W("Image"), W("PHOTO"),
      W("Photo"), W("Photograph"), W("Photographs"), W("Photos"),
      W("Picture"), W("Pictures"), W("Source"), W("Video")};
  return in_list(w, DYAD_ARRAY_LEN(w), s, len);
}

/* ==== token tests ======================================================= */

static int tok_char(const dyad_doc *doc, const dyad_token *t, char c)
{
  return t->len == 1 && doc->text[t->off] == c;
}

/* . ! ? (not an ellipsis) */
static int is_stop(const dyad_doc *doc, const dyad_token *t)
{
  if (t->kind != DYAD_TK_PUNCT)
    return 0;
  char c = doc->text[t->off];
  if (c == '.')
    return t->len == 1;
  return c == '!' || c == '?';
}

static int is_ellipsis(const dyad_doc *doc, const dyad_token *t)
{
  const unsigned char *s = (const unsigned char *)doc->text + t->off;
  if (t->kind != DYAD_TK_PUNCT)
    return 0;
  return (s[0] == '.' && t->len > 1) ||
         (t->len == 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] == 0xa6);
}

/* A closing quote or bracket that stays with the stop before it. */
static int is_closer(const dyad_doc *doc, const dyad_token *t)
{
  if (t->kind == DYAD_TK_QUOTE)
    return !(t->flags & DYAD_TOKF_OPENQ);
  return tok_char(doc, t, ')') || tok_char(doc, t, ']');
}

/* Does token t start with a lower-case ASCII letter or a non-ASCII letter
 * that is not upper case? (CAP is set for upper-case starts.) */
static int starts_lower(const dyad_doc *doc, const dyad_token *t)
{
  if (t->kind != DYAD_TK_WORD || (t->flags & DYAD_TOKF_CAP))
    return 0;
  unsigned char c = (unsigned char)doc->text[t->off];
  return (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* Does token t plainly open a sentence (after an abbreviation or an
 * ellipsis)? strength: 2 to accept only strong starters (after an
 * abbreviation), 1 to accept weak ones too (after an ellipsis). */
static int opens_sentence(const dyad_doc *doc, const dyad_token *t,
                          int strength)
{
  if (t->kind == DYAD_TK_QUOTE && (t->flags & DYAD_TOKF_OPENQ)) {
    /* a quotation that opens with a capital: 'U.S. "We will' splits,
     * 'the U.S. "war on terror"' does not */
    const dyad_token *end = doc->toks.v + doc->toks.n;
    return t + 1 < end && (t[1].flags & DYAD_TOKF_CAP);
  }
  if (t->kind != DYAD_TK_WORD)
    return 0;
  return dyad__sentence_starter(doc->text + t->off, t->len) >= strength;
}

/* ==== credits and captions ============================================== */

/* May token t be part of a credit line? *agency is set when it names an
 * agency (or leads one, "Photo:"). */
static int credit_tok(const dyad_doc *doc, const dyad_token *t, int *agency)
{
  const char *s = doc->text + t->off;
  if (t->kind == DYAD_TK_WORD) {
    if (t->flags & DYAD_TOKF_CLITIC)
      return 0;
    if (dyad__agency_word(s, t->len)) {
      *agency = 1;
      return 1;
    }
    if (t->len == 3 && memcmp(s, "via", 3) == 0)
      return 1;
    return (t->flags & DYAD_TOKF_CAP) && !calendar_word(s, t->len);
  }
  if (t->kind == DYAD_TK_URL)
    return 1; /* kremlin.ru */
  if (dyad__tok_is_dash(doc, t))
    return 1;
  if (t->kind == DYAD_TK_SYMBOL)
    return tok_char(doc, t, '/') || tok_char(doc, t, '|') ||
           tok_char(doc, t, '&');
  if (t->kind == DYAD_TK_PUNCT)
    return tok_char(doc, t, '(') || tok_char(doc, t, ')') ||
           tok_char(doc, t, ',') || tok_char(doc, t, ':');
  return 0;
}

/* Where does a credit line begin within tokens [b, e) that end a
 * paragraph? Returns e when they do not end in one. The line is the
 * longest credit-like run ending at e (up to CREDIT_MAX tokens, less a
 * final period) that names an agency or starts with "Photo:" and begins
 * with a word or an opening bracket. */
static size_t credit_start(const dyad_doc *doc, size_t b, size_t e)
{
  const dyad_token *v = doc->toks.v;
  size_t end = e;
  if (end > b && tok_char(doc, &v[end - 1], '.'))
    end--;
  size_t k = end;
  int agency = 0;
  while (k > b && end - k < CREDIT_MAX) {
    const dyad_token *t = &v[k - 1];
    if (credit_tok(doc, t, &agency)) {
      k--;
      continue;
    }
    /* "Photo by ...", "Courtesy of ..." */
    if (k >= b + 2 &&
        (dyad__tok_is(doc, t, "by") || dyad__tok_is(doc, t, "of")) &&
        credit_lead(doc->text + v[k - 2].off, v[k - 2].len)) {
      agency = 1; /* a lead word makes it a credit without an agency */
      k--;
      continue;
    }
    break;
  }
  /* a colon only after a lead word: "Photo: Reuters" */
  for (size_t q = k; q < end; q++)
    if (tok_char(doc, &v[q], ':')) {
      if (q == k || !credit_lead(doc->text + v[q - 1].off, v[q - 1].len))
        k = q + 1;
      else
        agency = 1;
    }
  /* begin at a word or a bracket, not at a dash or slash */
  while (k < end && v[k].kind != DYAD_TK_WORD && !tok_char(doc, &v[k], '('))
    k++;
  if (k >= end || !agency)
    return e;
  if (k > b) {
    /* trailing text: capitalised words before the line may be the end of
     * the caption ("... in Minsk Jan Novak / Reuters"), so the line starts
     * at its first agency or lead word, or at the (at most two-word) name
     * before its first "/" or "via", whichever comes first */
    size_t r = end;
    for (size_t q = k; q < end && r == end; q++) {
      const char *s = doc->text + v[q].off;
      if (dyad__agency_word(s, v[q].len) || credit_lead(s, v[q].len) ||
          tok_char(doc, &v[q], '('))
        r = q;
      else if (q > k && (tok_char(doc, &v[q], '/') ||
                         (v[q].len == 3 && memcmp(s, "via", 3) == 0)))
        r = q >= k + 2 && v[q - 2].kind == DYAD_TK_WORD ? q - 2 : q - 1;
    }
    k = r;
    if (k >= end)
      return e;
    /* and it must be built like a credit, with a slash, "via", a dash, a
     * colon or brackets: a bare agency name after text is an object
     * ("officials told Reuters") */
    int shaped = 0;
    for (size_t q = k; q < end; q++) {
      const dyad_token *t = &v[q];
      shaped |= tok_char(doc, t, '/') || tok_char(doc, t, ':') ||
                tok_char(doc, t, '(') || tok_char(doc, t, '|') ||
                dyad__tok_is_dash(doc, t) ||
                (t->len == 3 && memcmp(doc->text + t->off, "via", 3) == 0);
    }
    if (!shaped)
      return e;
  }
  /* the agency (or a lead word: "Photo by ...") must lie inside the line
   * that remains */
  int again = k + 1 < end && credit_lead(doc->text + v[k].off, v[k].len) &&
              (tok_char(doc, &v[k + 1], ':') ||
               dyad__tok_is(doc, &v[k + 1], "by") ||
               dyad__tok_is(doc, &v[k + 1], "of"));
  for (size_t q = k; q < end; q++)
    credit_tok(doc, &v[q], &again);
  return again ? k : e;
}

/* ==== the splitter ====================================================== */

/* Appends the sentence of tokens [b, e); NULL when memory runs out. */
static dyad_sentence *add(dyad_doc *doc, size_t b, size_t e, uint32_t para,
                          uint32_t flags)
{
  dyad_sentence *s = dyad_vec_push(&doc->ctx->alloc, doc->sents);
  if (!s)
    return NULL;
  const dyad_token *v = doc->toks.v;
  s->tok = (uint32_t)b;
  s->ntok = (uint32_t)(e - b);
  s->off = v[b].off;
  s->len = v[e - 1].off + v[e - 1].len - v[b].off;
  s->para = para;
  s->flags = flags;
  if (v[b].flags & DYAD_TOKF_DATELINE)
    s->flags |= DYAD_SENTF_DATELINE;
  return s;
}

/* Called when a paragraph's sentences are all added (from index first):
 * splits off and flags a trailing credit line, then flags the caption
 * sentences before it. Returns -1 when memory runs out. */
static int close_para(dyad_doc *doc, size_t first)
{
  if (doc->sents.n <= first)
    return 0;
  dyad_sentence *last = &doc->sents.v[doc->sents.n - 1];
  size_t b = last->tok, e = last->tok + last->ntok;
  size_t k = credit_start(doc, b, e);
  if (k == e)
    return 0;
  if (k > b) {
    const dyad_token *lt = &doc->toks.v[e - 1];
    /* only a line that trails text without a stop of its own is split:
     * "... on Wednesday. AFP - Getty Images" is already apart */
    if (is_stop(doc, &doc->toks.v[k - 1]) || is_closer(doc, lt) ||
        is_stop(doc, lt))
      return 0;
    uint32_t para = last->para;
    last->ntok = (uint32_t)(k - b);
    last->len = doc->toks.v[k - 1].off + doc->toks.v[k - 1].len - last->off;
    if (!add(doc, k, e, para, 0))
      return -1;
  }
  dyad_sentence *cr = &doc->sents.v[doc->sents.n - 1];
  cr->flags |= DYAD_SENTF_CREDIT;
  size_t ncap = doc->sents.n - 1 - first;
  if (doc->sents.v[first].flags & DYAD_SENTF_DATELINE)
    ncap = 0; /* an article paragraph, not a caption */
  if (ncap >= 1 && ncap <= CAPTION_MAX)
    for (size_t q = first; q + 1 < doc->sents.n; q++)
      doc->sents.v[q].flags |= DYAD_SENTF_CAPTION;
  return 0;
}

/* Does the sentence end after token i? Sets OUT: *last to the last token
 * of the sentence (i, or after closing quotes/brackets). */
static int ends_at(const dyad_doc *doc, size_t i, size_t *last)
{
  const dyad_token *v = doc->toks.v;
  size_t n = doc->toks.n;
  const dyad_token *t = &v[i];
  *last = i;
  int stop = is_stop(doc, t);
  int weak = !stop && ((t->flags & DYAD_TOKF_ABBREV) || is_ellipsis(doc, t));
  if (!stop && !weak)
    return 0;
  size_t j = i;
  while (j + 1 < n && !(v[j + 1].flags & DYAD_TOKF_PARA) &&
         is_closer(doc, &v[j + 1]))
    j++;
  *last = j;
  if (j + 1 >= n || (v[j + 1].flags & DYAD_TOKF_PARA))
    return 1;
  const dyad_token *nx = &v[j + 1];
  if (stop) {
    if (starts_lower(doc, nx))
      return 0;
    if (nx->kind == DYAD_TK_PUNCT &&
        (tok_char(doc, nx, ',') || tok_char(doc, nx, ';') ||
         tok_char(doc, nx, ':') || tok_char(doc, nx, ')')))
      return 0;
    return 1;
  }
  if (t->flags & DYAD_TOKF_ABBREV) {
    int kind = dyad__abbrev_kind(doc->text + t->off, t->len - 1);
    if (kind == DYAD_ABBR_TITLE)
      return 0;
    if (kind == DYAD_ABBR_INITIAL && nx->kind == DYAD_TK_QUOTE)
      return 0; /* C.N. "Bud" Moore */
    return opens_sentence(doc, nx, 2);
  }
  return opens_sentence(doc, nx, 1);
}

/* Splits doc->toks into doc->sents (see the note at the top). */
dyad_status dyad__sentences(dyad_doc *doc)
{
  const dyad_token *v = doc->toks.v;
  size_t n = doc->toks.n;
  size_t b = 0;          /* first token of the open sentence */
  size_t pfirst = doc->sents.n; /* first sentence of this paragraph */
  uint32_t para = 0;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && (v[i].flags & DYAD_TOKF_PARA)) {
      if (close_para(doc, pfirst) < 0)
        return DYAD_ENOMEM;
      para++;
      pfirst = doc->sents.n;
    }
    /* most tokens end nothing: no stop, no abbreviation, no paragraph
     * after them, the sentence still short; step over them (the token
     * stepped to is no paragraph start either) */
    size_t lim = b + SENT_MAX - 1 < n - 1 ? b + SENT_MAX - 1 : n - 1;
    if (i < lim) {
      const dyad_token *t = v + i, *tl = v + lim;
      while (t < tl && t->kind != DYAD_TK_PUNCT &&
             !((t[0].flags & DYAD_TOKF_ABBREV) |
               (t[1].flags & DYAD_TOKF_PARA)))
        t++;
      i = (size_t)(t - v);
    }
    size_t last = i;
    int end = (v[i].kind == DYAD_TK_PUNCT || (v[i].flags & DYAD_TOKF_ABBREV))
                  ? ends_at(doc, i, &last)
                  : 0;
    if (!end && (last + 1 >= n || (v[last + 1].flags & DYAD_TOKF_PARA) ||
                 last + 1 - b >= SENT_MAX))
      end = 1;
    if (!end)
      continue;
    uint32_t f = doc->sents.n == pfirst ? DYAD_SENTF_PARA : 0;
    if (!add(doc, b, last + 1, para, f))
      return DYAD_ENOMEM;
    b = last + 1;
    i = last;
  }
  if (n > 0 && close_para(doc, pfirst) < 0)
    return DYAD_ENOMEM;
  return DYAD_OK;
}
