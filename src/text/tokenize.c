/*
 * tokenize.c: splits a document's text into tokens (dyad__tokenize).
 *
 * One left-to-right pass over the UTF-8 bytes. ASCII goes through a byte
 * class table (as SQLite's tokenize.c does with aiClass); other code points
 * are decoded and classified by their Unicode category, with the
 * typographic quotes, dashes and spaces of news copy handled by name.
 * A second tiny pass over each finished token's bytes sets its kind and
 * case flags, so the scanner only has to find where a token ends. The
 * main loop emits the common tokens itself (plain_token: a word or number
 * found 16 bytes a step, a one-byte punctuation mark or symbol) and hands
 * the rest to step, which applies every rule below.
 *
 * Conventions (Penn Treebank, as news taggers expect):
 * - clitics split off: "Putin’s" -> "Putin" "’s",
 *   "haven’t" -> "have" "n’t",
 *   plural possessive "leaders’" -> "leaders" "’" (all flagged CLITIC);
 * - hyphenated words, decimal and grouped numbers, fractions, times,
 *   initialisms ("U.S.") stay one token; known abbreviations keep their
 *   period (flag ABBREV); URLs and e-mail addresses are one token;
 * - quotation marks are tokens of their own, flagged OPENQ/CLOSEQ, and the
 *   tokens between an opening and a closing mark are flagged INQUOTE; the
 *   quote state is reset at each paragraph;
 * - a blank line (two newlines with only blanks between) starts a
 *   paragraph: its first token is flagged PARA, as is the first token of
 *   the text; in a text without any blank line whose lines mostly end
 *   sentences (one paragraph a line), each line break starts one too,
 *   unless the next line opens with a lower-case letter; hard-wrapped text
 *   keeps its line breaks as spaces; SPACE marks tokens preceded by white
 *   space or the start;
 * - datelines ("MOSCOW, March 22 (Reuters) -") at the start of a paragraph
 *   are flagged DATELINE, up to and including their dash.
 *
 * Invariants: every token lies inside the text (off + len <= text_len),
 * tokens are in order and do not overlap, no token is empty, none contains
 * white space. Invalid UTF-8 bytes become one-byte SYMBOL tokens. Nothing
 * is allocated except room in doc->toks.
 */
#include "../internal.h"
#include "text.h"

#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if defined(__GNUC__)
#define TZ_NOINLINE __attribute__((noinline))
#else
#define TZ_NOINLINE
#endif

/* ==== byte classes ====================================================== */

enum {
  B_SPACE = 1,  /* blank (not newline) or ignorable control */
  B_NL = 2,     /* \n */
  B_LOWER = 4,  /* a-z */
  B_UPPER = 8,  /* A-Z */
  B_DIGIT = 16, /* 0-9 */
  B_HIGH = 32,  /* >= 0x80: part of a multi-byte sequence */
  B_ALPHA = B_LOWER | B_UPPER,
  B_ALNUM = B_ALPHA | B_DIGIT
};

static const unsigned char bclass[256] = {
    /* control characters other than \n count as blanks */
    [0x00] = B_SPACE, [0x01] = B_SPACE, [0x02] = B_SPACE, [0x03] = B_SPACE,
    [0x04] = B_SPACE, [0x05] = B_SPACE, [0x06] = B_SPACE, [0x07] = B_SPACE,
    [0x08] = B_SPACE, [0x09] = B_SPACE, [0x0a] = B_NL,    [0x0b] = B_SPACE,
    [0x0c] = B_SPACE, [0x0d] = B_SPACE, [0x0e] = B_SPACE, [0x0f] = B_SPACE,
    [0x10] = B_SPACE, [0x11] = B_SPACE, [0x12] = B_SPACE, [0x13] = B_SPACE,
    [0x14] = B_SPACE, [0x15] = B_SPACE, [0x16] = B_SPACE, [0x17] = B_SPACE,
    [0x18] = B_SPACE, [0x19] = B_SPACE, [0x1a] = B_SPACE, [0x1b] = B_SPACE,
    [0x1c] = B_SPACE, [0x1d] = B_SPACE, [0x1e] = B_SPACE, [0x1f] = B_SPACE,
    [' '] = B_SPACE,  [0x7f] = B_SPACE,
    ['0'] = B_DIGIT, ['1'] = B_DIGIT, ['2'] = B_DIGIT, ['3'] = B_DIGIT,
    ['4'] = B_DIGIT, ['5'] = B_DIGIT, ['6'] = B_DIGIT, ['7'] = B_DIGIT,
    ['8'] = B_DIGIT, ['9'] = B_DIGIT,
    ['A'] = B_UPPER, ['B'] = B_UPPER, ['C'] = B_UPPER, ['D'] = B_UPPER,
    ['E'] = B_UPPER, ['F'] = B_UPPER, ['G'] = B_UPPER, ['H'] = B_UPPER,
    ['I'] = B_UPPER, ['J'] = B_UPPER, ['K'] = B_UPPER, ['L'] = B_UPPER,
    ['M'] = B_UPPER, ['N'] = B_UPPER, ['O'] = B_UPPER, ['P'] = B_UPPER,
    ['Q'] = B_UPPER, ['R'] = B_UPPER, ['S'] = B_UPPER, ['T'] = B_UPPER,
    ['U'] = B_UPPER, ['V'] = B_UPPER, ['W'] = B_UPPER, ['X'] = B_UPPER,
    ['Y'] = B_UPPER, ['Z'] = B_UPPER,
    ['a'] = B_LOWER, ['b'] = B_LOWER, ['c'] = B_LOWER, ['d'] = B_LOWER,
    ['e'] = B_LOWER, ['f'] = B_LOWER, ['g'] = B_LOWER, ['h'] = B_LOWER,
    ['i'] = B_LOWER, ['j'] = B_LOWER, ['k'] = B_LOWER, ['l'] = B_LOWER,
    ['m'] = B_LOWER, ['n'] = B_LOWER, ['o'] = B_LOWER, ['p'] = B_LOWER,
    ['q'] = B_LOWER, ['r'] = B_LOWER, ['s'] = B_LOWER, ['t'] = B_LOWER,
    ['u'] = B_LOWER, ['v'] = B_LOWER, ['w'] = B_LOWER, ['x'] = B_LOWER,
    ['y'] = B_LOWER, ['z'] = B_LOWER,
#define H16(b) [b + 0] = B_HIGH, [b + 1] = B_HIGH, [b + 2] = B_HIGH,        \
    [b + 3] = B_HIGH, [b + 4] = B_HIGH, [b + 5] = B_HIGH, [b + 6] = B_HIGH,  \
    [b + 7] = B_HIGH, [b + 8] = B_HIGH, [b + 9] = B_HIGH, [b + 10] = B_HIGH, \
    [b + 11] = B_HIGH, [b + 12] = B_HIGH, [b + 13] = B_HIGH,                 \
    [b + 14] = B_HIGH, [b + 15] = B_HIGH
    H16(0x80), H16(0x90), H16(0xa0), H16(0xb0), H16(0xc0), H16(0xd0),
    H16(0xe0), H16(0xf0)
#undef H16
};

/* The run of ASCII letters and digits that starts at s[k]: returns where
 * it ends and ORs the B_* classes seen into *acc. Words are short and
 * their lengths vary, so a byte loop mispredicts its exit on most words;
 * this reads 16 bytes at a time with SSE2 (else eight, with word
 * arithmetic) and classifies them at once, the end being the first byte
 * that is not a letter or digit. The DYAD_TEXT_PAD (16) zero bytes after
 * the doc text end every run inside them, so no load needs a bounds
 * check. Byte order for the word arithmetic: little-endian only (others
 * take the byte loop). */
#define SW_ONES 0x0101010101010101ull
#define SW_HIGH 0x8080808080808080ull
/* High bit of each byte of x (all bytes < 0x80) that lies in [lo, hi]. */
#define SW_IN(x, lo, hi)                                                    \
  (((x) + SW_ONES * (0x80u - (lo))) & ~((x) + SW_ONES * (0x7fu - (hi))))
static inline size_t alnum_run(const unsigned char *s, size_t k, size_t n,
                               unsigned *acc)
{
  unsigned a = 0;
#if defined(__SSE2__)
  /* as word_run, with lower-case letters told apart too */
  (void)n;
  (void)a;
  const __m128i c20 = _mm_set1_epi8(0x20);
  const __m128i ka = _mm_set1_epi8((char)(0x80 - 'a'));
  const __m128i kz = _mm_set1_epi8((char)(-128 + 26));
  const __m128i k0 = _mm_set1_epi8((char)(0x80 - '0'));
  const __m128i k9 = _mm_set1_epi8((char)(-128 + 10));
  unsigned dm = 0, am = 0, lm = 0;
  for (;;) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
    __m128i l = _mm_cmplt_epi8(_mm_add_epi8(v, ka), kz);
    __m128i al = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, c20), ka), kz);
    __m128i d = _mm_cmplt_epi8(_mm_add_epi8(v, k0), k9);
    unsigned am16 = (unsigned)_mm_movemask_epi8(al);
    unsigned dm16 = (unsigned)_mm_movemask_epi8(d);
    unsigned lm16 = (unsigned)_mm_movemask_epi8(l);
    unsigned run = am16 | dm16;
    if (run != 0xffffu) {
      unsigned in = run & ~(run + 1);
      dm |= dm16 & in;
      am |= am16 & in;
      lm |= lm16 & in;
      *acc |= (dm ? B_DIGIT : 0) | (lm ? B_LOWER : 0) |
              (am & ~lm ? B_UPPER : 0);
      return k + (size_t)__builtin_ctz(~run);
    }
    dm |= dm16;
    am |= am16;
    lm |= lm16;
    k += 16;
  }
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  (void)n; /* k <= n: every load ends inside the pad at the latest */
  for (;;) {
    uint64_t v;
    memcpy(&v, s + k, 8);
    uint64_t x = v & ~SW_HIGH;
    /* letters of either case (bit 5 folds the case), digits; bytes with
     * the high bit set are neither */
    uint64_t alpha = SW_IN(x | SW_ONES * 0x20, 'a', 'z') & ~v & SW_HIGH;
    uint64_t dig = SW_IN(x, '0', '9') & ~v & SW_HIGH;
    uint64_t stop = ~(alpha | dig) & SW_HIGH;
    /* in: the bytes before the first stop (all of them when none) */
    uint64_t in = stop ? ((stop & -stop) >> 7) - 1 : ~0ull;
    alpha &= in;
    uint64_t low = alpha & (x << 2); /* bit 5, lower case, to bit 7 */
    a |= (dig & in ? B_DIGIT : 0) | (low ? B_LOWER : 0) |
         (alpha & ~low ? B_UPPER : 0);
    if (stop) {
      *acc |= a;
      return k + ((size_t)__builtin_ctzll(stop) >> 3);
    }
    k += 8;
  }
#else
  (void)n;
  while (bclass[s[k]] & B_ALNUM) /* the NUL after the text stops it */
    a |= bclass[s[k++]];
  *acc |= a;
  return k;
#endif
}

/* The lean form of alnum_run for plain_word: where the run of ASCII
 * letters and digits at s[k] ends, and through *dig / *alpha whether it
 * holds digits / letters (non-zero masks). Case is not tracked: only a
 * capitalised word needs it (has_lower). With SSE2 it classifies 16 bytes
 * at a time in vector registers (most words in one step, and the main
 * loop keeps its general registers); otherwise as alnum_run. The
 * DYAD_TEXT_PAD (16) zero bytes end every run inside them. */
static inline size_t word_run(const unsigned char *s, size_t k,
                              unsigned *dig, unsigned *alpha)
{
#if defined(__SSE2__)
  /* x in [lo, hi] when (int8)(x - lo + 0x80) < -128 + (hi - lo + 1);
   * bytes >= 0x80 fall outside both ranges */
  const __m128i c20 = _mm_set1_epi8(0x20);
  const __m128i ka = _mm_set1_epi8((char)(0x80 - 'a'));
  const __m128i kz = _mm_set1_epi8((char)(-128 + 26));
  const __m128i k0 = _mm_set1_epi8((char)(0x80 - '0'));
  const __m128i k9 = _mm_set1_epi8((char)(-128 + 10));
  unsigned dm = 0, am = 0;
  for (;;) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
    __m128i a = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, c20), ka), kz);
    __m128i d = _mm_cmplt_epi8(_mm_add_epi8(v, k0), k9);
    unsigned am16 = (unsigned)_mm_movemask_epi8(a);
    unsigned dm16 = (unsigned)_mm_movemask_epi8(d);
    unsigned run = am16 | dm16; /* a bit for each letter or digit */
    if (run != 0xffffu) {
      unsigned in = run & ~(run + 1); /* the bits below its first gap */
      *dig = dm | (dm16 & in);
      *alpha = am | (am16 & in);
      return k + (size_t)__builtin_ctz(~run);
    }
    dm |= dm16;
    am |= am16;
    k += 16;
  }
#else
  unsigned a = 0;
  k = alnum_run(s, k, 0, &a);
  *dig = a & B_DIGIT;
  *alpha = a & B_ALPHA;
  return k;
#endif
}

/* Does the run of ASCII letters s[i, e) hold a lower-case one? (Bit 5 is
 * set in lower-case letters only; the pad covers every load.) */
static inline int has_lower(const unsigned char *s, size_t i, size_t e)
{
  for (; i < e; i += 8) {
    uint64_t v;
    memcpy(&v, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (e - i < 8)
      v &= (1ull << (8 * (e - i))) - 1;
    if (v & SW_ONES * 0x20)
      return 1;
#else
    for (size_t q = i; q < e && q < i + 8; q++)
      if (bclass[s[q]] & B_LOWER)
        return 1;
#endif
  }
  return 0;
}

/* Is the '_' at s[i] the join of two capitalised words of a name, as
 * PETRARCH-style text writes them ("Dol_Amroth", "Minas_Tirith")? Those
 * are read as two words; identifiers (snake_case, press_desk@...) stay
 * whole. */
static int name_join(const unsigned char *s, size_t i, size_t n)
{
  if (i == 0 || i + 2 >= n || !(bclass[s[i + 1]] & B_UPPER) ||
      !(bclass[s[i + 2]] & B_LOWER) || !(bclass[s[i - 1]] & B_LOWER))
    return 0;
  size_t b = i; /* the word before must be capitalised too */
  while (b > 0 && (bclass[s[b - 1]] & B_ALPHA))
    b--;
  if (!(bclass[s[b]] & B_UPPER) || (b > 0 && s[b - 1] == '@'))
    return 0;
  for (size_t k = i + 1; k < n && (bclass[s[k]] & B_ALNUM); k++)
    if (k + 1 < n && s[k + 1] == '@')
      return 0;
  return 1;
}

/* ==== code points ======================================================= */

/* What a non-ASCII code point is to the tokenizer. */
enum {
  U_BAD = 0,  /* invalid byte */
  U_SPACE,    /* a space or an invisible format character */
  U_NL,       /* line or paragraph separator */
  U_UPPER,    /* upper or title case letter */
  U_LETTER,   /* other letter or combining mark */
  U_DIGIT,    /* decimal digit */
  U_APOS,     /* ’ (right single quote / apostrophe) */
  U_LSQUOTE,  /* ‘ */
  U_LDQUOTE,  /* “ „ « */
  U_RDQUOTE,  /* ” » */
  U_HYPHEN,   /* ‐ ‑ (word-internal hyphens) */
  U_DASH,     /* – — ― */
  U_ELLIPSIS, /* … */
  U_PUNCT,    /* other punctuation */
  U_SYMBOL,   /* currency and other symbols */
  U_JOIN      /* invisible inside words: soft hyphen, ZWJ, ZWNJ, word
               * joiner, BOM; a blank elsewhere */
};

struct ucp {
  int kind; /* U_* */
  int len;  /* bytes */
};

/* Decodes and classifies the code point at s[i] (s[i] >= 0x80). */
static struct ucp ucode(const unsigned char *s, size_t i, size_t n)
{
  struct ucp u = {U_BAD, 1};
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
  if (k <= 0)
    return u;
  u.len = (int)k;
  switch (cp) {
  case 0x2019: case 0x02BC: u.kind = U_APOS; return u;
  case 0x2018: case 0x201B: u.kind = U_LSQUOTE; return u;
  case 0x201C: case 0x201E: case 0x00AB: u.kind = U_LDQUOTE; return u;
  case 0x201D: case 0x00BB: u.kind = U_RDQUOTE; return u;
  case 0x2010: case 0x2011: u.kind = U_HYPHEN; return u;
  case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    u.kind = U_DASH; return u;
  case 0x2026: u.kind = U_ELLIPSIS; return u;
  case 0x2028: case 0x2029: case 0x0085: u.kind = U_NL; return u;
  case 0x00AD: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    u.kind = U_JOIN; return u;
  default: break;
  }
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
    u.kind = U_UPPER; break;
  case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    u.kind = U_LETTER; break;
  case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    u.kind = U_DIGIT; break;
  case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CF:
  case UTF8PROC_CATEGORY_CC:
    u.kind = U_SPACE; break;
  case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    u.kind = U_NL; break;
  case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
  case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
  case UTF8PROC_CATEGORY_PO:
    u.kind = U_PUNCT; break;
  default:
    u.kind = U_SYMBOL; break;
  }
  return u;
}

/* True when a letter or digit starts at s[i] (i may be == n). */
static int wordchar_at(const unsigned char *s, size_t i, size_t n)
{
  if (i >= n)
    return 0;
  unsigned char c = s[i];
  if (bclass[c] & B_ALNUM)
    return 1;
  if (!(bclass[c] & B_HIGH))
    return 0;
  int k = ucode(s, i, n).kind;
  return k == U_UPPER || k == U_LETTER || k == U_DIGIT;
}

/* Length of an apostrophe at s[i] (' or ’ or ʼ), 0 if none. */
static int apos_at(const unsigned char *s, size_t i, size_t n)
{
  if (i >= n)
    return 0;
  if (s[i] == '\'')
    return 1;
  if (s[i] >= 0x80) {
    struct ucp u = ucode(s, i, n);
    if (u.kind == U_APOS)
      return u.len;
  }
  return 0;
}

/* ==== abbreviations ===================================================== */

/* Abbreviations that keep their period. Stored lower case; cap: the word
 * must be capitalised (or all capitals) to match. Kept sorted by bytes, a
 * prefix first (a unit test checks the order through dyad__abbrev_kind on
 * every entry): that is the order of their zero-padded 8-byte keys read as
 * big-endian numbers, which the binary search compares. No entry is
 * longer than ABBR_LONGEST bytes (plain_word skips the search for longer
 * words; a unit test checks the longest). */
#define ABBR_LONGEST 6
static const struct abbr {
  char s[8];          /* zero-padded: compared as one big-endian word */
  unsigned char len;  /* strlen(s) */
  unsigned char kind; /* DYAD_ABBR_* */
  unsigned char cap;  /* 1: only when capitalised */
} abbrs[] = {
    /* sorted by s (byte order) for binary search; TITLE: precede names,
     * MONTH: months (May is never abbreviated), OTHER: companies,
     * addresses, numbering, US states in AP style, lower-case ones */
    {"adm", 3, DYAD_ABBR_TITLE, 1}, {"al", 2, DYAD_ABBR_OTHER, 0},
    {"ala", 3, DYAD_ABBR_OTHER, 1}, {"amb", 3, DYAD_ABBR_TITLE, 1},
    {"approx", 6, DYAD_ABBR_OTHER, 0}, {"apr", 3, DYAD_ABBR_MONTH, 1},
    {"ariz", 4, DYAD_ABBR_OTHER, 1}, {"ark", 3, DYAD_ABBR_OTHER, 1},
    {"assn", 4, DYAD_ABBR_OTHER, 1}, {"atty", 4, DYAD_ABBR_TITLE, 1},
    {"aug", 3, DYAD_ABBR_MONTH, 1}, {"ave", 3, DYAD_ABBR_OTHER, 1},
    {"blvd", 4, DYAD_ABBR_OTHER, 1}, {"brig", 4, DYAD_ABBR_TITLE, 1},
    {"bros", 4, DYAD_ABBR_OTHER, 1}, {"ca", 2, DYAD_ABBR_OTHER, 0},
    {"calif", 5, DYAD_ABBR_OTHER, 1}, {"capt", 4, DYAD_ABBR_TITLE, 1},
    {"cdr", 3, DYAD_ABBR_TITLE, 1}, {"cf", 2, DYAD_ABBR_OTHER, 0},
    {"cmdr", 4, DYAD_ABBR_TITLE, 1}, {"co", 2, DYAD_ABBR_OTHER, 1},
    {"col", 3, DYAD_ABBR_TITLE, 1}, {"colo", 4, DYAD_ABBR_OTHER, 1},
    {"conn", 4, DYAD_ABBR_OTHER, 1}, {"corp", 4, DYAD_ABBR_OTHER, 1},
    {"cpl", 3, DYAD_ABBR_TITLE, 1}, {"dec", 3, DYAD_ABBR_MONTH, 1},
    {"del", 3, DYAD_ABBR_OTHER, 1}, {"dept", 4, DYAD_ABBR_OTHER, 1},
    {"det", 3, DYAD_ABBR_TITLE, 1}, {"dr", 2, DYAD_ABBR_TITLE, 1},
    {"eds", 3, DYAD_ABBR_OTHER, 0}, {"etc", 3, DYAD_ABBR_OTHER, 0},
    {"feb", 3, DYAD_ABBR_MONTH, 1}, {"fig", 3, DYAD_ABBR_OTHER, 1},
    {"fla", 3, DYAD_ABBR_OTHER, 1}, {"fr", 2, DYAD_ABBR_TITLE, 1},
    {"ft", 2, DYAD_ABBR_TITLE, 1}, {"ga", 2, DYAD_ABBR_OTHER, 1},
    {"gen", 3, DYAD_ABBR_TITLE, 1}, {"gens", 4, DYAD_ABBR_TITLE, 1},
    {"gov", 3, DYAD_ABBR_TITLE, 1}, {"gov't", 5, DYAD_ABBR_OTHER, 1},
    {"govs", 4, DYAD_ABBR_TITLE, 1}, {"hon", 3, DYAD_ABBR_TITLE, 1},
    {"ill", 3, DYAD_ABBR_OTHER, 1}, {"inc", 3, DYAD_ABBR_OTHER, 1},
    {"ind", 3, DYAD_ABBR_OTHER, 1}, {"insp", 4, DYAD_ABBR_TITLE, 1},
    {"jan", 3, DYAD_ABBR_MONTH, 1}, {"jr", 2, DYAD_ABBR_OTHER, 1},
    {"jul", 3, DYAD_ABBR_MONTH, 1}, {"jun", 3, DYAD_ABBR_MONTH, 1},
    {"kan", 3, DYAD_ABBR_OTHER, 1}, {"kans", 4, DYAD_ABBR_OTHER, 1},
    {"ky", 2, DYAD_ABBR_OTHER, 1}, {"la", 2, DYAD_ABBR_OTHER, 1},
    {"lieut", 5, DYAD_ABBR_TITLE, 1}, {"lt", 2, DYAD_ABBR_TITLE, 1},
    {"ltd", 3, DYAD_ABBR_OTHER, 1}, {"maj", 3, DYAD_ABBR_TITLE, 1},
    {"mar", 3, DYAD_ABBR_MONTH, 1}, {"mass", 4, DYAD_ABBR_OTHER, 1},
    {"md", 2, DYAD_ABBR_OTHER, 1}, {"messrs", 6, DYAD_ABBR_TITLE, 1},
    {"mich", 4, DYAD_ABBR_OTHER, 1}, {"minn", 4, DYAD_ABBR_OTHER, 1},
    {"miss", 4, DYAD_ABBR_OTHER, 1}, {"mlle", 4, DYAD_ABBR_TITLE, 1},
    {"mme", 3, DYAD_ABBR_TITLE, 1}, {"mo", 2, DYAD_ABBR_OTHER, 1},
    {"mont", 4, DYAD_ABBR_OTHER, 1}, {"mr", 2, DYAD_ABBR_TITLE, 1},
    {"mrs", 3, DYAD_ABBR_TITLE, 1}, {"ms", 2, DYAD_ABBR_TITLE, 1},
    {"msgr", 4, DYAD_ABBR_TITLE, 1}, {"mt", 2, DYAD_ABBR_TITLE, 1},
    {"neb", 3, DYAD_ABBR_OTHER, 1}, {"nev", 3, DYAD_ABBR_OTHER, 1},
    {"no", 2, DYAD_ABBR_OTHER, 1}, {"nos", 3, DYAD_ABBR_OTHER, 1},
    {"nov", 3, DYAD_ABBR_MONTH, 1}, {"oct", 3, DYAD_ABBR_MONTH, 1},
    {"okla", 4, DYAD_ABBR_OTHER, 1}, {"ore", 3, DYAD_ABBR_OTHER, 1},
    {"pa", 2, DYAD_ABBR_OTHER, 1}, {"penn", 4, DYAD_ABBR_OTHER, 1},
    {"pp", 2, DYAD_ABBR_OTHER, 0}, {"pres", 4, DYAD_ABBR_TITLE, 1},
    {"prof", 4, DYAD_ABBR_TITLE, 1}, {"pvt", 3, DYAD_ABBR_TITLE, 1},
    {"rd", 2, DYAD_ABBR_OTHER, 1}, {"rep", 3, DYAD_ABBR_TITLE, 1},
    {"reps", 4, DYAD_ABBR_TITLE, 1}, {"rev", 3, DYAD_ABBR_TITLE, 1},
    {"rt", 2, DYAD_ABBR_TITLE, 1}, {"sen", 3, DYAD_ABBR_TITLE, 1},
    {"sens", 4, DYAD_ABBR_TITLE, 1}, {"sep", 3, DYAD_ABBR_MONTH, 1},
    {"sept", 4, DYAD_ABBR_MONTH, 1}, {"sgt", 3, DYAD_ABBR_TITLE, 1},
    {"sr", 2, DYAD_ABBR_OTHER, 1}, {"st", 2, DYAD_ABBR_OTHER, 1},
    {"supt", 4, DYAD_ABBR_TITLE, 1}, {"tenn", 4, DYAD_ABBR_OTHER, 1},
    {"tex", 3, DYAD_ABBR_OTHER, 1}, {"univ", 4, DYAD_ABBR_OTHER, 1},
    {"va", 2, DYAD_ABBR_OTHER, 1}, {"viz", 3, DYAD_ABBR_OTHER, 0},
    {"vol", 3, DYAD_ABBR_OTHER, 0}, {"vs", 2, DYAD_ABBR_OTHER, 0},
    {"vt", 2, DYAD_ABBR_OTHER, 1}, {"wash", 4, DYAD_ABBR_OTHER, 1},
    {"wis", 3, DYAD_ABBR_OTHER, 1}, {"wyo", 3, DYAD_ABBR_OTHER, 1},
};

/* The 8 bytes at p as a big-endian number: zero-padded strings of at most
 * 8 bytes compare as numbers in byte order, a prefix first. */
static inline uint64_t be64(const char *p)
{
  uint64_t v;
  memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  return v;
}

/* The entry whose key is key (see be64), NULL when none. */
static const struct abbr *abbr_find(uint64_t key)
{
  size_t lo = 0, hi = DYAD_ARRAY_LEN(abbrs);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    uint64_t k = be64(abbrs[mid].s);
    if (k < key)
      lo = mid + 1;
    else if (k > key)
      hi = mid;
    else
      return &abbrs[mid];
  }
  return NULL;
}

/* The kind of entry a for a word with these cases (cap: its first letter
 * is a capital; lower_rest / upper_rest: the letters after it are all
 * lower / all upper case), DYAD_ABBR_NONE when a is NULL or the case
 * does not fit. */
static inline int abbr_judge(const struct abbr *a, int cap, int lower_rest,
                             int upper_rest)
{
  if (!a)
    return DYAD_ABBR_NONE;
  if (a->cap && !(cap && (lower_rest || upper_rest)))
    return DYAD_ABBR_NONE;
  if (!a->cap && !(lower_rest || upper_rest))
    return DYAD_ABBR_NONE;
  return a->kind;
}

/* One pass over the word builds its folded key while checking its shape;
 * the search then compares one number per probe (it runs at every word
 * before a period, most of them a sentence's last word). */
int dyad__abbrev_kind(const char *str, size_t len)
{
  const unsigned char *s = (const unsigned char *)str;
  if (len == 0 || len > 8)
    return DYAD_ABBR_NONE;
  if (len == 1)
    return (bclass[s[0]] & B_UPPER) ? DYAD_ABBR_INITIAL : DYAD_ABBR_NONE;
  /* letters joined by periods, one or two letters each: U.S  a.m  N.Y */
  int dots = 0, seg = 0, okseg = 1;
  unsigned rest = 0; /* classes of the bytes after the first */
  uint64_t key = 0;  /* the bytes, upper case folded, big-endian */
  for (size_t i = 0; i < len; i++) {
    unsigned c = s[i], cl = bclass[c];
    if (c == '.') {
      dots++;
      okseg &= seg >= 1 && seg <= 2;
      seg = 0;
    } else if (cl & B_ALPHA) {
      seg++;
    } else if (c != '\'') {
      return DYAD_ABBR_NONE;
    }
    key = key << 8 | (c + ((cl & B_UPPER) ? 32u : 0u));
    if (i > 0)
      rest |= cl;
  }
  if (dots)
    return okseg && seg >= 1 && seg <= 2 ? DYAD_ABBR_OTHER : DYAD_ABBR_NONE;
  key <<= 8 * (8 - len);
  int cap = (bclass[s[0]] & B_UPPER) != 0;
  return abbr_judge(abbr_find(key), cap, !(rest & B_UPPER),
                    !(rest & B_LOWER));
}

/* dyad__abbrev_kind for a run of 1..ABBR_LONGEST ASCII letters inside the
 * doc text (plain_word asks at every sentence's last word): the key is
 * one masked load with case folded by bit 5, the case of the letters
 * after the first read from the same word. */
static inline int abbrev_letters(const unsigned char *s, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (len == 1)
    return (bclass[s[0]] & B_UPPER) ? DYAD_ABBR_INITIAL : DYAD_ABBR_NONE;
  uint64_t v;
  memcpy(&v, s, 8); /* the pad covers it */
  uint64_t live = (1ull << (8 * len)) - 1; /* len <= 6 */
  uint64_t b5 = v & live & SW_ONES * 0x20; /* set in lower-case letters */
  uint64_t rest = live & ~0xffull & SW_ONES * 0x20;
  uint64_t key = __builtin_bswap64((v & live) | (SW_ONES * 0x20 & live));
  return abbr_judge(abbr_find(key), !(b5 & 0x20), !(~b5 & rest),
                    !(b5 & rest));
#else
  return dyad__abbrev_kind((const char *)s, len);
#endif
}

/* ==== the scanner ======================================================= */

struct tz {
  dyad_doc *doc;
  const unsigned char *s; /* the text */
  size_t n;               /* its length */
  uint16_t pend;          /* SPACE/PARA flags for the next token */
  unsigned char dq;       /* inside a double-quoted span */
  unsigned char sq;       /* inside a single-quoted span */
  unsigned char lines;    /* no blank line anywhere: a line is a paragraph */
};

/* Appends a token; returns it, or NULL when memory runs out. */
static inline dyad_token *emit(struct tz *z, size_t off, size_t len,
                               int kind, uint16_t flags)
{
  dyad_doc *doc = z->doc;
  if (DYAD_UNLIKELY(doc->toks.n == doc->toks.cap) &&
      dyad_vec_reserve(&doc->ctx->alloc, doc->toks, doc->toks.n + 1))
    return NULL;
  dyad_token *t = &doc->toks.v[doc->toks.n++];
  t->off = (uint32_t)off;
  t->len = (uint32_t)len;
  t->form = t->lemma = 0;
  t->kind = (uint8_t)kind;
  t->tag = 0;
  if (z->dq || z->sq)
    flags |= DYAD_TOKF_INQUOTE;
  t->flags = (uint16_t)(flags | z->pend);
  z->pend = 0;
  return t;
}

/* Sets the kind (WORD or NUM) and case flags of a word-like token by
 * looking at its bytes once more. */
static void word_flags(const unsigned char *s, size_t n, dyad_token *t)
{
  size_t i = t->off, e = t->off + t->len;
  int upper = 0, lower = 0, first = 1;
  uint16_t f = 0;
  t->kind = DYAD_TK_WORD;
  while (i < e) {
    unsigned char c = s[i];
    int cls = bclass[c];
    int up = 0, lo = 0, dig = 0, len = 1;
    if (cls & B_HIGH) {
      struct ucp u = ucode(s, i, n);
      len = u.len;
      up = u.kind == U_UPPER;
      lo = u.kind == U_LETTER;
      dig = u.kind == U_DIGIT;
      if (u.kind == U_HYPHEN)
        f |= DYAD_TOKF_HYPHEN;
    } else {
      up = (cls & B_UPPER) != 0;
      lo = (cls & B_LOWER) != 0;
      dig = (cls & B_DIGIT) != 0;
      if (c == '-' && !first)
        f |= DYAD_TOKF_HYPHEN;
    }
    if (first) {
      if (up)
        f |= DYAD_TOKF_CAP;
      if (dig)
        t->kind = DYAD_TK_NUM;
      first = 0;
    }
    upper += up;
    lower += lo;
    i += (size_t)len;
  }
  if (upper >= 2 && lower == 0)
    f |= DYAD_TOKF_ALLCAPS;
  t->flags |= f;
}

/* Does a URL start at s[i]? Returns its end, or i when not. */
static size_t scan_url(const unsigned char *s, size_t i, size_t n)
{
  static const char *const pre[] = {"http://", "https://", "www."};
  size_t j = i;
  int found = 0;
  unsigned char c0 = s[i] | 32, c1 = s[i + 1] | 32; /* NUL-terminated */
  if (!(c0 == 'h' && c1 == 't') && !(c0 == 'w' && c1 == 'w'))
    return i;
  for (size_t k = 0; k < DYAD_ARRAY_LEN(pre) && !found; k++) {
    size_t m = strlen(pre[k]);
    if (n - i > m && strncasecmp((const char *)s + i, pre[k], m) == 0 &&
        (bclass[s[i + m]] & (B_ALNUM | B_HIGH)))
      found = 1;
  }
  if (!found)
    return i;
  int paren = 0;
  while (j < n) {
    unsigned char c = s[j];
    if (bclass[c] & (B_SPACE | B_NL))
      break;
    if (c == '"' || c == '<' || c == '>')
      break;
    if (c >= 0x80) {
      struct ucp u = ucode(s, j, n);
      if (u.kind != U_UPPER && u.kind != U_LETTER && u.kind != U_DIGIT)
        break;
      j += (size_t)u.len;
      continue;
    }
    paren += c == '(';
    paren -= c == ')';
    if (paren < 0)
      break;
    j++;
  }
  /* trailing punctuation belongs to the sentence */
  while (j > i && strchr(".,;:!?'", s[j - 1]))
    j--;
  return j;
}

/* Does an e-mail address start at s[i] (whose local part ends at the '@'
 * at s[at])? Returns its end, or i when not. */
static size_t scan_email(const unsigned char *s, size_t i, size_t at,
                         size_t n)
{
  for (size_t k = i; k < at; k++)
    if (!(bclass[s[k]] & B_ALNUM) && !strchr("._-+", s[k]))
      return i;
  size_t j = at + 1, lastdot = 0;
  while (j < n && ((bclass[s[j]] & B_ALNUM) || s[j] == '.' || s[j] == '-')) {
    if (s[j] == '.')
      lastdot = j;
    j++;
  }
  while (j > at + 1 && (s[j - 1] == '.' || s[j - 1] == '-'))
    j--;
  if (lastdot == 0 || lastdot >= j - 1 || j == at + 1)
    return i;
  return j;
}

/* Is the letter run s[b..e) a plausible top-level domain? */
static int tld(const unsigned char *s, size_t b, size_t e)
{
  static const char *const names[] = {"com", "org", "net", "gov", "edu",
                                      "mil", "int", "info", "biz", "news"};
  size_t m = e - b;
  for (size_t k = b; k < e; k++)
    if (!(bclass[s[k]] & B_LOWER))
      return 0;
  if (m == 2)
    return 1;
  for (size_t k = 0; k < DYAD_ARRAY_LEN(names); k++)
    if (strlen(names[k]) == m && memcmp(names[k], s + b, m) == 0)
      return 1;
  return 0;
}

/* Clitics that split off after an apostrophe: 's 're 'll 'd 've 'm. Returns
 * the clitic's letter count when one starts at s[k] and ends the word. */
static int clitic_at(const unsigned char *s, size_t k, size_t n)
{
  static const char *const cl[] = {"s", "re", "ll", "d", "ve", "m"};
  static const unsigned char cllen[] = {1, 2, 2, 1, 2, 1};
  for (size_t c = 0; c < DYAD_ARRAY_LEN(cl); c++) {
    size_t m = cllen[c];
    if (n - k < m)
      continue;
    size_t q = 0;
    while (q < m && (s[k + q] | 32) == cl[c][q])
      q++;
    if (q == m && !wordchar_at(s, k + m, n))
      return (int)m;
  }
  return 0;
}

/* What scan_word found out about a word while finding its end. */
struct wscan {
  size_t end;     /* end of the word */
  size_t cl_end;  /* end of a clitic glued to it, 0 when none */
  int domain;     /* a dot joins two multi-letter parts: "reuters.com" */
  int high;       /* holds non-ASCII bytes: flags need a second look */
  int hyphen;     /* holds an inner hyphen */
  unsigned acc;   /* OR of the ASCII byte classes seen */
};

/* Scans the word, number, initialism or domain that starts at s[i] (a
 * letter or digit) and reports through OUT: *w. Runs of ASCII letters and
 * digits are crossed by a tight table loop that relies on the NUL byte
 * after the text (doc->text is always NUL-terminated); the connectors
 * between runs (hyphens, apostrophes, periods, commas in numbers) are then
 * judged one by one. */
static inline void scan_word(const unsigned char *s, size_t i, size_t n,
                      struct wscan *w)
{
  size_t j = i;
  size_t segb = i;      /* start of the segment since the last connector */
  int digits_only = 1;  /* nothing but digits (and , . / :) so far */
  int prev_digit = 0;   /* the last char was a digit */
  int prev_alpha = 0;   /* the last char was a letter */
  unsigned acc = 0;
  memset(w, 0, sizeof(*w));
  for (;;) {
    unsigned a = 0;
    size_t k = alnum_run(s, j, n, &a);
    if (k > j) {
      acc |= a;
      prev_digit = (bclass[s[k - 1]] & B_DIGIT) != 0;
      prev_alpha = !prev_digit;
      if (a & B_ALPHA)
        digits_only = 0;
      j = k;
    }
    if (j >= n)
      break;
    unsigned char c = s[j];
    if (bclass[c] & (B_SPACE | B_NL))
      break;
    if (bclass[c] & B_HIGH) {
      struct ucp u = ucode(s, j, n);
      if (u.kind == U_UPPER || u.kind == U_LETTER || u.kind == U_DIGIT) {
        w->high = 1;
        prev_digit = u.kind == U_DIGIT;
        prev_alpha = !prev_digit;
        if (!prev_digit)
          digits_only = 0;
        j += (size_t)u.len;
        continue;
      }
      if (u.kind == U_JOIN && wordchar_at(s, j + (size_t)u.len, n)) {
        w->high = 1; /* Ukra<soft hyphen>ine stays one word */
        j += (size_t)u.len;
        continue;
      }
      if (u.kind == U_HYPHEN && wordchar_at(s, j + (size_t)u.len, n)) {
        w->high = 1;
        w->hyphen = 1;
        digits_only = 0;
        j += (size_t)u.len;
        segb = j;
        continue;
      }
      if (u.kind != U_APOS)
        break;
    }
    size_t al = (size_t)apos_at(s, j, n);
    if (al) {
      /* n't: "haven’t" -> "have" + "n’t" */
      if (j - i >= 2 && (s[j - 1] | 32) == 'n' && j + al < n &&
          (s[j + al] | 32) == 't' && !wordchar_at(s, j + al + 1, n)) {
        w->cl_end = j + al + 1;
        j--;
        break;
      }
      int m = clitic_at(s, j + al, n);
      if (m && (prev_alpha || (prev_digit && m == 1))) { /* ’s  1990's */
        w->cl_end = j + al + (size_t)m;
        break;
      }
      if (prev_alpha && wordchar_at(s, j + al, n)) { /* O’Brien */
        w->high |= al > 1;
        j += al;
        segb = j;
        continue;
      }
      break;
    }
    if (c == '-' && wordchar_at(s, j + 1, n)) {
      w->hyphen = 1;
      digits_only = 0;
      j++;
      segb = j;
      continue;
    }
    if (c == '_' && name_join(s, j, n))
      break; /* Dol_Amroth: two words (skip_space skips the '_') */
    if (c == '_' && wordchar_at(s, j + 1, n)) {
      digits_only = 0;
      j++;
      continue;
    }
    if (c == '.' && (bclass[s[j + 1]] & B_ALNUM)) {
      int nc = bclass[s[j + 1]];
      size_t seg = j - segb;
      if (prev_digit && (nc & B_DIGIT)) { /* 15.6 */
        j++;
        continue;
      }
      if (seg == 1 && prev_alpha && (nc & B_ALPHA)) { /* U.S  a.m */
        j++;
        segb = j;
        continue;
      }
      if (seg >= 2 && prev_alpha && (nc & B_LOWER)) { /* reuters.com */
        size_t e = j + 1;
        while (bclass[s[e]] & B_ALNUM)
          e++;
        if (tld(s, j + 1, e) || s[e] == '.' || s[e] == '/') {
          w->domain = 1;
          j++;
          segb = j;
          continue;
        }
      }
      break;
    }
    if (digits_only && prev_digit) {
      /* 1,000  3/4  9:30 (the NUL after the text stops every look-ahead) */
      if (c == ',' && (bclass[s[j + 1]] & B_DIGIT) &&
          (bclass[s[j + 2]] & B_DIGIT) && (bclass[s[j + 3]] & B_DIGIT) &&
          !(bclass[s[j + 4]] & B_DIGIT)) {
        j += 4;
        continue;
      }
      if (c == '/' && (bclass[s[j + 1]] & B_DIGIT)) {
        j++;
        continue;
      }
      if (c == ':' && (bclass[s[j + 1]] & B_DIGIT) &&
          (bclass[s[j + 2]] & B_DIGIT) && !(bclass[s[j + 3]] & B_DIGIT)) {
        j += 3;
        continue;
      }
    }
    if (c == '&' && prev_alpha && (bclass[s[j + 1]] & B_UPPER) &&
        (bclass[s[j - 1]] & B_UPPER)) { /* AT&T  S&P */
      j++;
      continue;
    }
    break;
  }
  w->end = j;
  w->acc = acc;
}

/* "No" and "Nos" keep their period only before a number ("No. 1"), so
 * that the answer "No." stays a word and a stop. */
static int numbering(const unsigned char *w, size_t len)
{
  return (len == 2 || (len == 3 && (w[2] | 32) == 's')) &&
         (w[0] | 32) == 'n' && (w[1] | 32) == 'o';
}

/* Does a digit follow s[i] after at most one blank? */
static int number_follows(const unsigned char *s, size_t i, size_t n)
{
  if (i < n && s[i] == ' ')
    i++;
  return i < n && (bclass[s[i]] & B_DIGIT);
}

/* A number glued to a unit of measure or money splits, as in the Penn
 * Treebank: "2bn" -> "2" "bn", "5pm" -> "5" "pm". Returns where the unit
 * starts in the ASCII word s[i..e), or 0 when it is not such a word
 * ("1990s", "21st", "4th", "3D" stay whole). */
static size_t unit_split(const unsigned char *s, size_t i, size_t e)
{
  static const char *const units[] = {
      "bn", "mn", "m", "k", "km", "kg", "cm", "mm", "ft", "lb", "lbs",
      "mph", "kph", "pm", "am", "gw", "mw", "kw", "gb", "mb", "tb", "p"};
  if (!(bclass[s[i]] & B_DIGIT))
    return 0;
  size_t u = i;
  while (u < e && ((bclass[s[u]] & B_DIGIT) || s[u] == '.' || s[u] == ','))
    u++;
  size_t m = e - u;
  if (m == 0 || m > 3 || !(bclass[s[u - 1]] & B_DIGIT))
    return 0;
  char low[4];
  for (size_t k = 0; k < m; k++) {
    if (!(bclass[s[u + k]] & B_ALPHA))
      return 0;
    low[k] = (char)(s[u + k] | 32);
  }
  for (size_t k = 0; k < DYAD_ARRAY_LEN(units); k++)
    if (strlen(units[k]) == m && memcmp(units[k], low, m) == 0)
      return u;
  return 0;
}

/* Emits the word-like token at s[i] and any clitic glued to it. Returns
 * the position after them, or 0 when memory runs out. */
static size_t do_word(struct tz *z, size_t i)
{
  const unsigned char *s = z->s;
  size_t n = z->n;
  size_t e = scan_url(s, i, n);
  if (e > i)
    return emit(z, i, e - i, DYAD_TK_URL, 0) ? e : 0;
  struct wscan w;
  scan_word(s, i, n, &w);
  e = w.end;
  if (!w.cl_end && (s[e] == '@' || s[e] == '+')) {
    size_t m = s[e] == '@' ? scan_email(s, i, e, n) : i;
    if (m > i)
      return emit(z, i, m - i, DYAD_TK_URL, 0) ? m : 0;
  }
  if (w.domain)
    return emit(z, i, e - i, DYAD_TK_URL, 0) ? e : 0;
  if (!w.high && !w.hyphen && !w.cl_end) {
    size_t u = unit_split(s, i, e);
    if (u) { /* 2bn -> 2 bn */
      uint16_t cap = (bclass[s[u]] & B_UPPER) ? DYAD_TOKF_CAP : 0;
      if (!emit(z, i, u - i, DYAD_TK_NUM, 0) ||
          !emit(z, u, e - u, DYAD_TK_WORD, cap))
        return 0;
      return e;
    }
    if (e - i == 6 && (s[i] | 32) == 'c' &&
        strncasecmp((const char *)s + i, "cannot", 6) == 0) {
      uint16_t cap = (bclass[s[i]] & B_UPPER) ? DYAD_TOKF_CAP : 0;
      if (!emit(z, i, 3, DYAD_TK_WORD, cap) || /* can not */
          !emit(z, i + 3, 3, DYAD_TK_WORD, 0))
        return 0;
      return e;
    }
  }
  uint16_t f = w.hyphen ? DYAD_TOKF_HYPHEN : 0;
  if (!w.cl_end && s[e] == '.' && (w.acc & B_ALPHA) &&
      dyad__abbrev_kind((const char *)s + i, e - i) != DYAD_ABBR_NONE &&
      !(numbering(s + i, e - i) && !number_follows(s, e + 1, n))) {
    e++;
    f |= DYAD_TOKF_ABBREV;
    if (s[e] == '-' && wordchar_at(s, e + 1, n)) { /* U.S.-backed */
      struct wscan w2;
      scan_word(s, e + 1, n, &w2);
      e = w2.end;
      w.cl_end = w2.cl_end;
      w.high |= w2.high;
      w.acc |= w2.acc;
      f = DYAD_TOKF_HYPHEN;
    }
  }
  dyad_token *t = emit(z, i, e - i, DYAD_TK_WORD, f);
  if (!t)
    return 0;
  if (w.high) {
    word_flags(s, n, t);
  } else {
    if (bclass[s[i]] & B_DIGIT)
      t->kind = DYAD_TK_NUM;
    else if (bclass[s[i]] & B_UPPER)
      t->flags |= DYAD_TOKF_CAP;
    if ((w.acc & B_UPPER) && !(w.acc & B_LOWER)) {
      int up = 0;
      for (size_t k = i; k < e && up < 2; k++)
        up += (bclass[s[k]] & B_UPPER) != 0;
      if (up >= 2)
        t->flags |= DYAD_TOKF_ALLCAPS;
    }
  }
  if (w.cl_end) {
    if (!emit(z, e, w.cl_end - e, DYAD_TK_WORD, DYAD_TOKF_CLITIC))
      return 0;
    e = w.cl_end;
  }
  return e;
}

/* May a quotation mark at s[i] with length len open a quotation, by what
 * stands before it: the start, a blank, an opening bracket or a dash? */
static int open_ctx(const unsigned char *s, size_t i)
{
  if (i == 0)
    return 1;
  unsigned char c = s[i - 1];
  if (bclass[c] & (B_SPACE | B_NL))
    return 1;
  if (c == '(' || c == '[' || c == '{' || c == '-' || c == '/')
    return 1;
  if (c >= 0x80 && i >= 3 && s[i - 3] == 0xe2 && s[i - 2] == 0x80)
    return 1; /* after a dash or another quote mark */
  return 0;
}

/* May a mark ending at s[e] close a quotation, by what follows it: the
 * end, a blank or punctuation? */
static int close_ctx(const unsigned char *s, size_t e, size_t n)
{
  if (e >= n)
    return 1;
  unsigned char c = s[e];
  if (bclass[c] & (B_SPACE | B_NL))
    return 1;
  if (strchr(".,;:!?)]}-", c))
    return 1;
  if (c >= 0x80)
    return !wordchar_at(s, e, n);
  return 0;
}

/* Emits a quotation mark, deciding whether it opens or closes. dbl: a
 * double mark; dir: +1 known opening, -1 known closing, 0 by context. */
static int do_quote(struct tz *z, size_t i, size_t len, int dbl, int dir)
{
  unsigned char *state = dbl ? &z->dq : &z->sq;
  if (dir == 0) {
    int o = open_ctx(z->s, i), c = close_ctx(z->s, i + len, z->n);
    dir = o && !c ? 1 : c && !o ? -1 : *state ? -1 : 1;
  }
  if (dir > 0) {
    if (!emit(z, i, len, DYAD_TK_QUOTE, DYAD_TOKF_OPENQ))
      return -1;
    *state = 1;
    return 0;
  }
  uint16_t f = *state ? DYAD_TOKF_CLOSEQ : 0;
  *state = 0;
  if (dbl)
    z->sq = 0; /* an unclosed single quote ends with the double one */
  return emit(z, i, len, DYAD_TK_QUOTE, f) ? 0 : -1;
}

/* Does a clipped decade ("90s" of "’90s") start at s[e]? */
static int clipped_year(const unsigned char *s, size_t e, size_t n)
{
  return n - e >= 3 && (bclass[s[e]] & B_DIGIT) &&
         (bclass[s[e + 1]] & B_DIGIT) && s[e + 2] == 's' &&
         !wordchar_at(s, e + 3, n);
}

/* Emits an apostrophe or single quote that is not inside a word: an
 * opening quote, a closing quote, a plural possessive ("leaders’") or a
 * clipped year ("’90s"). Returns the position after it, 0 on ENOMEM. */
static size_t do_apos(struct tz *z, size_t i, size_t len)
{
  const unsigned char *s = z->s;
  size_t n = z->n, e = i + len;
  int glued = i > 0 && !(bclass[s[i - 1]] & (B_SPACE | B_NL));
  if (!glued && clipped_year(s, e, n)) {
    dyad_token *t = emit(z, i, len + 3, DYAD_TK_NUM, 0);
    return t ? e + 3 : 0;
  }
  if (glued && !z->sq && (s[i - 1] == 's' || s[i - 1] == 'S') &&
      close_ctx(s, e, n) && z->doc->toks.n > 0 &&
      z->doc->toks.v[z->doc->toks.n - 1].kind == DYAD_TK_WORD) {
    return emit(z, i, len, DYAD_TK_WORD, DYAD_TOKF_CLITIC) ? e : 0;
  }
  int dir = 0;
  if (!glued && wordchar_at(s, e, n))
    dir = 1;
  else if (glued)
    dir = -1;
  else
    dir = z->sq ? -1 : 0;
  if (dir == 0)
    return emit(z, i, len, DYAD_TK_QUOTE, 0) ? e : 0;
  return do_quote(z, i, len, 0, dir) == 0 ? e : 0;
}

/* Length of a run of the byte c starting at s[i]. */
static size_t run_of(const unsigned char *s, size_t i, size_t n,
                     unsigned char c)
{
  size_t j = i;
  while (j < n && s[j] == c)
    j++;
  return j - i;
}

/* Scans white space from s[i]; sets pend flags. Returns the next
 * non-blank position. */
static size_t skip_space(struct tz *z, size_t i)
{
  const unsigned char *s = z->s;
  size_t n = z->n;
  while (i < n) {
    unsigned char c = s[i];
    int cls = bclass[c];
    if (c == '_' && name_join(s, i, n)) {
      i++;
      z->pend |= DYAD_TOKF_SPACE;
      continue;
    }
    if (cls & B_SPACE) {
      i++;
      z->pend |= DYAD_TOKF_SPACE;
      continue;
    }
    if (cls & B_NL) {
      z->pend |= DYAD_TOKF_SPACE;
      size_t j = i + 1;
      while (j < n && (bclass[s[j]] & B_SPACE))
        j++;
      if (j < n && s[j] == '\n') {
        z->pend |= DYAD_TOKF_PARA;
        i = j + 1;
      } else {
        if (z->lines && j < n && !(bclass[s[j]] & B_LOWER))
          z->pend |= DYAD_TOKF_PARA;
        i = j;
      }
      continue;
    }
    if (cls & B_HIGH) {
      struct ucp u = ucode(s, i, n);
      if (u.kind == U_SPACE || u.kind == U_JOIN) {
        z->pend |= DYAD_TOKF_SPACE;
        i += (size_t)u.len;
        continue;
      }
      if (u.kind == U_NL) {
        z->pend |= DYAD_TOKF_SPACE | DYAD_TOKF_PARA;
        i += (size_t)u.len;
        continue;
      }
    }
    break;
  }
  if (z->pend & DYAD_TOKF_PARA)
    z->dq = z->sq = 0;
  return i;
}

/* Bytes after which a plain word ends with nothing more to judge:
 * E_ALPHA after a run of ASCII letters, E_DIGIT after a run of digits.
 * Blanks, newlines, the NUL after the text and the punctuation that
 * scan_word stops at without looking further; not '.', '-', the
 * apostrophe, '_', '@', '+', '&' or non-ASCII (abbreviations, compounds,
 * clitics, e-mail), nor ',' ':' '/' after digits (1,000  9:30  3/4). */
enum { E_ALPHA = 1, E_DIGIT = 2, E_BOTH = 3 };
static const unsigned char plain_end[256] = {
    [0x00] = E_BOTH, [0x01] = E_BOTH, [0x02] = E_BOTH, [0x03] = E_BOTH,
    [0x04] = E_BOTH, [0x05] = E_BOTH, [0x06] = E_BOTH, [0x07] = E_BOTH,
    [0x08] = E_BOTH, [0x09] = E_BOTH, [0x0a] = E_BOTH, [0x0b] = E_BOTH,
    [0x0c] = E_BOTH, [0x0d] = E_BOTH, [0x0e] = E_BOTH, [0x0f] = E_BOTH,
    [0x10] = E_BOTH, [0x11] = E_BOTH, [0x12] = E_BOTH, [0x13] = E_BOTH,
    [0x14] = E_BOTH, [0x15] = E_BOTH, [0x16] = E_BOTH, [0x17] = E_BOTH,
    [0x18] = E_BOTH, [0x19] = E_BOTH, [0x1a] = E_BOTH, [0x1b] = E_BOTH,
    [0x1c] = E_BOTH, [0x1d] = E_BOTH, [0x1e] = E_BOTH, [0x1f] = E_BOTH,
    [' '] = E_BOTH, [0x7f] = E_BOTH, [';'] = E_BOTH, ['!'] = E_BOTH,
    ['?'] = E_BOTH, ['('] = E_BOTH, [')'] = E_BOTH, ['['] = E_BOTH,
    [']'] = E_BOTH, ['{'] = E_BOTH, ['}'] = E_BOTH, ['"'] = E_BOTH,
    ['%'] = E_BOTH, ['$'] = E_BOTH, ['*'] = E_BOTH, ['#'] = E_BOTH,
    ['='] = E_BOTH, ['<'] = E_BOTH, ['>'] = E_BOTH, ['|'] = E_BOTH,
    [','] = E_ALPHA, [':'] = E_ALPHA, ['/'] = E_ALPHA};

/* The common word in one pass: a run of ASCII letters, or a number
 * (digits, with decimal points and thousands groups: 5.93  155,221), that
 * a plain_end byte ends, as do_word would emit it (most tokens of news
 * copy). A word may also end at a period that no letter or digit follows
 * (a sentence's last word) when it is no abbreviation, and a number at
 * any period or comma that does not continue it. Returns its end and sets
 * *kind and *flags (CAP, ALLCAPS), or returns 0 when the word needs
 * do_word: mixed letters and digits (2bn, 1990s), "cannot", a possible URL
 * (ht..., ww...), an abbreviation, or any other ending. */
static inline size_t plain_word(const unsigned char *s, size_t i,
                                uint8_t *kind, uint16_t *flags)
{
  unsigned dig, alpha;
  size_t k = word_run(s, i, &dig, &alpha);
  unsigned char c = s[k];
  if (!dig) {
    if (!(plain_end[c] & E_ALPHA) &&
        (c != '.' || (bclass[s[k + 1]] & B_ALNUM) ||
         (k - i <= ABBR_LONGEST &&
          abbrev_letters(s + i, k - i) != DYAD_ABBR_NONE)))
      return 0;
    unsigned c0 = (s[i] | 32u) - 'a'; /* a letter: 0..25 */
    if ((1u << c0) & ((1u << ('h' - 'a')) | (1u << ('w' - 'a')) |
                      (1u << ('c' - 'a')))) {
      unsigned c1 = s[i + 1] | 32; /* NUL-terminated */
      c0 += 'a';
      if ((c0 == 'h' && c1 == 't') || (c0 == 'w' && c1 == 'w') ||
          (c0 == 'c' && k - i == 6 &&
           strncasecmp((const char *)s + i, "cannot", 6) == 0))
        return 0;
    }
    uint16_t f = 0;
    if (bclass[s[i]] & B_UPPER) {
      f = DYAD_TOKF_CAP;
      if (k - i >= 2 && !has_lower(s, i, k))
        f |= DYAD_TOKF_ALLCAPS;
    }
    *kind = DYAD_TK_WORD;
    *flags = f;
    return k;
  }
  if (alpha)
    return 0;
  /* scan_word's number rules: a period before a digit and a comma before
   * exactly three digits continue the number (the NUL after the text
   * stops every look-ahead) */
  for (;; c = s[k]) {
    if (c == '.' && (bclass[s[k + 1]] & B_DIGIT)) {
      k = word_run(s, k + 1, &dig, &alpha);
      if (alpha)
        return 0;
      continue;
    }
    if (c == ',' && (bclass[s[k + 1]] & B_DIGIT) &&
        (bclass[s[k + 2]] & B_DIGIT) && (bclass[s[k + 3]] & B_DIGIT) &&
        !(bclass[s[k + 4]] & B_DIGIT)) {
      k += 4;
      if (bclass[s[k]] & B_ALPHA)
        return 0;
      continue;
    }
    break;
  }
  if (!(plain_end[c] & E_DIGIT) && c != '.' && c != ',')
    return 0;
  *kind = DYAD_TK_NUM;
  *flags = 0;
  return k;
}

/* Bytes that are a one-byte token whatever surrounds them, as step emits
 * them: brackets and , ; : (PUNCT), and the ASCII symbols (SYMBOL). Not
 * quotes, nor . - ! ? (runs and numbers), nor letters, digits, blanks. */
static const unsigned char single[256] = {
    [','] = DYAD_TK_PUNCT, [';'] = DYAD_TK_PUNCT, [':'] = DYAD_TK_PUNCT,
    ['('] = DYAD_TK_PUNCT, [')'] = DYAD_TK_PUNCT, ['['] = DYAD_TK_PUNCT,
    [']'] = DYAD_TK_PUNCT, ['{'] = DYAD_TK_PUNCT, ['}'] = DYAD_TK_PUNCT,
    ['#'] = DYAD_TK_SYMBOL, ['$'] = DYAD_TK_SYMBOL, ['%'] = DYAD_TK_SYMBOL,
    ['&'] = DYAD_TK_SYMBOL, ['*'] = DYAD_TK_SYMBOL, ['+'] = DYAD_TK_SYMBOL,
    ['/'] = DYAD_TK_SYMBOL, ['<'] = DYAD_TK_SYMBOL, ['='] = DYAD_TK_SYMBOL,
    ['>'] = DYAD_TK_SYMBOL, ['@'] = DYAD_TK_SYMBOL, ['\\'] = DYAD_TK_SYMBOL,
    ['^'] = DYAD_TK_SYMBOL, ['_'] = DYAD_TK_SYMBOL, ['|'] = DYAD_TK_SYMBOL,
    ['~'] = DYAD_TK_SYMBOL};

/* The token at s[i] when it is a plain word, a number or a one-byte
 * token (most of news copy): returns its end and sets *kind and *flags;
 * 0 when step must judge it. */
static inline size_t plain_token(const unsigned char *s, size_t i,
                                 uint8_t *kind, uint16_t *flags)
{
  unsigned char c = s[i];
  if (bclass[c] & B_ALNUM)
    return plain_word(s, i, kind, flags);
  if (single[c]) {
    *kind = single[c];
    *flags = 0;
    return i + 1;
  }
  /* a lone period or hyphen; a period before a digit may open a number */
  if ((c == '.' || c == '-') && s[i + 1] != c &&
      !(c == '.' && (bclass[s[i + 1]] & B_DIGIT))) {
    *kind = DYAD_TK_PUNCT;
    *flags = 0;
    return i + 1;
  }
  return 0;
}

/* Scans one token (or a word and its clitic) at s[i], a non-blank.
 * Returns the position after it, or 0 when memory runs out. Kept out of
 * the main loop (the rarer tokens), so that the loop's state stays in
 * registers. */
static TZ_NOINLINE size_t step(struct tz *z, size_t i)
{
  const unsigned char *s = z->s;
  size_t n = z->n;
  unsigned char c = s[i];
  int cls = bclass[c];
  if (cls & B_ALNUM)
    return do_word(z, i); /* plain words took the main loop's fast path */
  if (cls & B_HIGH) {
    struct ucp u = ucode(s, i, n);
    size_t e = i + (size_t)u.len;
    switch (u.kind) {
    case U_UPPER: case U_LETTER: case U_DIGIT:
      return do_word(z, i);
    case U_APOS: case U_LSQUOTE:
      if (u.kind == U_LSQUOTE && !clipped_year(s, e, n))
        return do_quote(z, i, (size_t)u.len, 0, 1) == 0 ? e : 0;
      return do_apos(z, i, (size_t)u.len);
    case U_LDQUOTE:
      return do_quote(z, i, (size_t)u.len, 1, 1) == 0 ? e : 0;
    case U_RDQUOTE:
      return do_quote(z, i, (size_t)u.len, 1, -1) == 0 ? e : 0;
    case U_DASH: case U_HYPHEN: case U_ELLIPSIS: case U_PUNCT:
      return emit(z, i, (size_t)u.len, DYAD_TK_PUNCT, 0) ? e : 0;
    default: /* symbols and invalid bytes */
      return emit(z, i, (size_t)u.len, DYAD_TK_SYMBOL, 0) ? e : 0;
    }
  }
  size_t m;
  switch (c) {
  case '"':
    return do_quote(z, i, 1, 1, 0) == 0 ? i + 1 : 0;
  case '`':
    m = run_of(s, i, n, '`') >= 2 ? 2 : 1;
    return do_quote(z, i, m, m == 2, 1) == 0 ? i + m : 0;
  case '\'':
    if (run_of(s, i, n, '\'') >= 2)
      return do_quote(z, i, 2, 1, -1) == 0 ? i + 2 : 0;
    return do_apos(z, i, 1);
  case '.':
    m = run_of(s, i, n, '.');
    if (m == 1 && i + 1 < n && (bclass[s[i + 1]] & B_DIGIT) &&
        (i == 0 || !(bclass[s[i - 1]] & B_ALNUM)))
    {
      size_t j = i + 1; /* .5 */
      while (j < n && (bclass[s[j]] & B_DIGIT))
        j++;
      return emit(z, i, j - i, DYAD_TK_NUM, 0) ? j : 0;
    }
    return emit(z, i, m, DYAD_TK_PUNCT, 0) ? i + m : 0;
  case '-':
    m = run_of(s, i, n, '-');
    return emit(z, i, m, DYAD_TK_PUNCT, 0) ? i + m : 0;
  case '!': case '?':
    m = 1;
    while (i + m < n && (s[i + m] == '!' || s[i + m] == '?'))
      m++;
    return emit(z, i, m, DYAD_TK_PUNCT, 0) ? i + m : 0;
  case ',': case ';': case ':': case '(': case ')': case '[': case ']':
  case '{': case '}':
    return emit(z, i, 1, DYAD_TK_PUNCT, 0) ? i + 1 : 0;
  default:
    return emit(z, i, 1, DYAD_TK_SYMBOL, 0) ? i + 1 : 0;
  }
}

/* ==== datelines ========================================================= */

int dyad__tok_is_dash(const dyad_doc *doc, const dyad_token *t)
{
  const unsigned char *s = (const unsigned char *)doc->text + t->off;
  if (t->kind != DYAD_TK_PUNCT)
    return 0;
  if (s[0] == '-')
    return 1;
  /* – — ― are E2 80 93..95 */
  return t->len == 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] >= 0x93 &&
         s[2] <= 0x95;
}

/* Is token t a month name, full or abbreviated, in any case ("March",
 * "Feb", "Sept.", "april")? */
static int month_tok(const dyad_doc *doc, const dyad_token *t)
{
  static const char *const m[] = {
      "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "jan",
      "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
      "dec"};
  size_t len = t->len;
  const char *s = doc->text + t->off;
  if (t->kind != DYAD_TK_WORD || len < 3 || len > 10)
    return 0;
  if (s[len - 1] == '.')
    len--;
  for (size_t k = 0; k < DYAD_ARRAY_LEN(m); k++)
    if (strlen(m[k]) == len && strncasecmp(m[k], s, len) == 0)
      return 1;
  return 0;
}

/* May the bytes b[0, span) of a paragraph's first tokens hold a dateline's
 * dash: a '-' that a blank, a newline or the end follows, or any E2 byte
 * (the Unicode dashes)? False rules a dateline out. */
static int dash_in(const char *b, size_t span)
{
  const char *e = b + span, *q = b;
  while ((q = memchr(q, '-', (size_t)(e - q))) != NULL) {
    q++; /* the byte after the span is still text or the pad */
    if (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\0')
      return 1;
  }
  return memchr(b, 0xe2, span) != NULL;
}

/* Flags the dateline that opens the paragraph at token p, if any: a short
 * run of words, numbers, commas, periods and a parenthesised agency,
 * ended by a dash that is followed by a blank and more text:
 * "MOSCOW, March 22 (Reuters) -", "WASHINGTON (AP) —",
 * "SAN JOSE, Calif., June 2-", "Toronto, March 6 -". To tell it from an
 * ordinary sentence with a dash ("Xi - who ..."), the run must either end
 * in a date (month and day) just before the dash, or hold only
 * capitalised words and open with a word in capitals or hold a
 * parenthesised agency. */
static TZ_NOINLINE void dateline_at(dyad_doc *doc, size_t p)
{
  dyad_token *v = doc->toks.v;
  size_t ntok = doc->toks.n;
  size_t end = p + 16 < ntok ? p + 16 : ntok;
  int caps = v[p].kind == DYAD_TK_WORD && (v[p].flags & DYAD_TOKF_ALLCAPS);
  int agency = 0, lower = 0;
  if (!dash_in(doc->text + v[p].off,
               v[end - 1].off + v[end - 1].len - v[p].off))
    return; /* most paragraphs end here */
  if (v[p].kind == DYAD_TK_WORD &&
      dyad__sentence_starter(doc->text + v[p].off, v[p].len))
    return; /* "On March 5 - the day ..." */
  for (size_t q = p; q < end; q++) {
    dyad_token *t = &v[q];
    const char *s = doc->text + t->off;
    if (q > p && (t->flags & DYAD_TOKF_PARA))
      return;
    if (q > p && dyad__tok_is_dash(doc, t)) {
      size_t after = t->off + t->len;
      if (after < doc->text_len && doc->text[after] != ' ' &&
          doc->text[after] != '\t' && doc->text[after] != '\n')
        return;
      int date = q >= p + 2 && v[q - 1].kind == DYAD_TK_NUM &&
                 month_tok(doc, &v[q - 2]);
      if (!(date || ((caps || agency) && !lower)) || q + 1 >= ntok ||
          (v[q + 1].flags & DYAD_TOKF_PARA))
        return;
      for (size_t k = p; k <= q; k++)
        v[k].flags |= DYAD_TOKF_DATELINE;
      return;
    }
    if (t->kind == DYAD_TK_WORD) {
      lower |= !(t->flags & DYAD_TOKF_CAP);
      continue;
    }
    if (t->kind == DYAD_TK_NUM && q > p)
      continue;
    if (t->len == 1 && (s[0] == ',' || s[0] == '.' || s[0] == '/') && q > p)
      continue;
    if (t->kind == DYAD_TK_PUNCT && t->len == 1 && s[0] == '(' &&
        q + 2 < end && v[q + 2].len == 1 && doc->text[v[q + 2].off] == ')' &&
        v[q + 1].kind == DYAD_TK_WORD &&
        (dyad__agency_word(doc->text + v[q + 1].off, v[q + 1].len) ||
         (v[q + 1].flags & DYAD_TOKF_ALLCAPS))) {
      agency = 1;
      q += 2;
      continue;
    }
    return;
  }
}

/* Does the text put one paragraph on each line? True when it has line
 * breaks but no blank line (two newlines with only blanks between), and
 * most of its lines end a sentence (. ! ? or a closing quote or bracket):
 * that is how many feeds and scrapers write. Hard-wrapped text (lines cut
 * at a width, mostly mid-sentence) keeps its line breaks as spaces. */
static int line_paragraphs(const unsigned char *s, size_t n)
{
  const unsigned char *p = s, *end = s + n;
  size_t breaks = 0, stops = 0;
  while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
    const unsigned char *b = p;
    while (b > s && (bclass[b[-1]] & B_SPACE))
      b--;
    if (b > s) {
      unsigned char c = b[-1];
      breaks++;
      stops += c == '.' || c == '!' || c == '?' || c == '"' || c == ')' ||
               (c == 0x9d && b - s >= 3 && b[-3] == 0xe2 && b[-2] == 0x80);
    }
    p++;
    while (p < end && (bclass[*p] & B_SPACE))
      p++;
    if (p < end && *p == '\n')
      return 0;
  }
  return breaks > 0 && stops * 2 > breaks;
}

/* ==== entry point ======================================================= */

/* Paragraph starts the main loop notes (a longer text scans its tokens
 * for them instead). */
#define PARA_NOTES 64

/* Tokenizes doc->text into doc->toks (see the note at the top). The main
 * loop emits plain tokens (plain_token) and skips single blanks itself,
 * with the token vector, the pending flags and the quote state in locals;
 * everything else goes through step and skip_space, which work on z and
 * doc->toks (synced before and reloaded after). Paragraph starts are noted
 * as they are found, so that datelines are looked for only there. */
dyad_status dyad__tokenize(dyad_doc *doc)
{
  struct tz z;
  z.doc = doc;
  z.s = (const unsigned char *)doc->text;
  z.n = doc->text_len;
  z.pend = DYAD_TOKF_SPACE | DYAD_TOKF_PARA;
  z.dq = z.sq = 0;
  z.lines = (unsigned char)line_paragraphs(z.s, z.n);
  DYAD_ASSERT(doc->text[doc->text_len] == '\0');
  /* news text averages 5.4 bytes a token (Reuters-21578) */
  if (dyad_vec_reserve(&doc->ctx->alloc, doc->toks,
                       doc->toks.n + z.n / 6 + 16))
    return DYAD_ENOMEM;
  const unsigned char *s = z.s;
  size_t n = z.n;
  size_t first = doc->toks.n;
  uint32_t paras[PARA_NOTES]; /* token indices of paragraph starts */
  size_t npara = 0;
  size_t i = skip_space(&z, 0);
  dyad_token *tv = doc->toks.v;
  size_t tn = doc->toks.n, tcap = doc->toks.cap;
  uint16_t pend = z.pend, inq = 0;
  if (npara < PARA_NOTES)
    paras[npara] = (uint32_t)tn;
  npara++;
  while (i < n) {
    uint8_t kind;
    uint16_t f;
    size_t e = tn < tcap ? plain_token(s, i, &kind, &f) : 0;
    if (DYAD_LIKELY(e)) {
      dyad_token *t = &tv[tn++];
      t->off = (uint32_t)i;
      t->len = (uint32_t)(e - i);
      t->form = t->lemma = 0;
      t->flags = (uint16_t)(f | pend | inq);
      t->kind = kind;
      t->tag = 0;
      pend = 0;
      i = e;
    } else {
      doc->toks.n = tn;
      z.pend = pend;
      i = step(&z, i);
      if (i == 0)
        return DYAD_ENOMEM;
      tv = doc->toks.v;
      tn = doc->toks.n;
      tcap = doc->toks.cap;
      pend = z.pend;
      inq = z.dq || z.sq ? DYAD_TOKF_INQUOTE : 0;
    }
    /* fast path: one blank, then a token */
    if (s[i] == ' ' && !(bclass[s[i + 1]] & (B_SPACE | B_NL | B_HIGH))) {
      pend |= DYAD_TOKF_SPACE;
      i++;
    } else if (bclass[s[i]] & (B_SPACE | B_NL | B_HIGH) || s[i] == '_') {
      /* (at any other byte skip_space would find nothing to skip: pend
       * holds no PARA after a token) */
      z.pend = pend;
      i = skip_space(&z, i);
      pend = z.pend;
      inq = z.dq || z.sq ? DYAD_TOKF_INQUOTE : 0;
      if (pend & DYAD_TOKF_PARA) {
        if (npara < PARA_NOTES)
          paras[npara] = (uint32_t)tn;
        npara++;
      }
    }
  }
  doc->toks.n = tn;
  if (npara <= PARA_NOTES) {
    for (size_t q = 0; q < npara; q++)
      if (paras[q] < tn)
        dateline_at(doc, paras[q]);
  } else {
    for (size_t p = first; p < tn; p++)
      if (doc->toks.v[p].flags & DYAD_TOKF_PARA)
        dateline_at(doc, p);
  }
  return DYAD_OK;
}
