/*
 * internal.h: declarations shared across src/, never installed.
 *
 * Holds the base layer (allocation, arenas, growable vectors, the
 * vocabulary of interned words), the layout of the two central handles
 * (struct dyad_ctx, struct dyad_doc) and the entry point of each pipeline
 * stage. A stage's own types live in its own header (src/text/text.h,
 * src/dict/dict.h, ...); the ctx and doc only hold pointers to them.
 *
 * Invariants:
 * - every heap allocation goes through dyad__alloc(ctx-or-NULL, ...);
 * - everything a document produces lives in doc->arena or in doc vectors
 *   that keep their capacity across documents (reset, never freed);
 * - a ctx is read-only while documents are analysed (thread-safe).
 */
#ifndef DYAD_INTERNAL_H
#define DYAD_INTERNAL_H

#include "dyad.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define DYAD_LIKELY(x) __builtin_expect(!!(x), 1)
#define DYAD_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define DYAD_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define DYAD_UNUSED(x) ((void)(x))

#ifdef DYAD_DEBUG
#include <assert.h>
#define DYAD_ASSERT(c) assert(c)
#else
#define DYAD_ASSERT(c) ((void)0)
#endif

#if defined(__GNUC__)
#define DYAD_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DYAD_PRINTF(a, b)
#endif

/* ==== allocation (base/alloc.c) ======================================== */

/* The allocator every module uses. A NULL alloc means realloc/free. */
struct dyad_allocator {
  dyad_alloc_fn fn; /* NULL: libc */
  void *ud;         /* passed to fn */
};

void *dyad__realloc(const struct dyad_allocator *a, void *p, size_t osize,
                    size_t nsize);
void *dyad__malloc(const struct dyad_allocator *a, size_t n);
void *dyad__calloc(const struct dyad_allocator *a, size_t n);
void dyad__free(const struct dyad_allocator *a, void *p, size_t osize);
char *dyad__strndup(const struct dyad_allocator *a, const char *s, size_t n);

/* ==== arena (base/arena.c) ============================================= */

/* A bump allocator. Blocks are kept by dyad__arena_reset for the next
 * document; dyad__arena_release frees them all. */
struct dyad_arena_block;
struct dyad_arena {
  const struct dyad_allocator *a; /* where blocks come from */
  struct dyad_arena_block *head;  /* block being filled */
  struct dyad_arena_block *spare; /* emptied blocks kept by reset */
  size_t block_size;              /* default block payload size */
  size_t used;                    /* bytes handed out since reset */
};

void dyad__arena_init(struct dyad_arena *ar, const struct dyad_allocator *a,
                      size_t block_size);
void *dyad__arena_alloc(struct dyad_arena *ar, size_t n);
void *dyad__arena_calloc(struct dyad_arena *ar, size_t n);
char *dyad__arena_strndup(struct dyad_arena *ar, const char *s, size_t n);
void dyad__arena_reset(struct dyad_arena *ar);
void dyad__arena_release(struct dyad_arena *ar);

/* ==== growable vectors (base/vec.c) ==================================== */

/* A typed growable array: DYAD_VEC(dyad_token) toks; grows geometrically,
 * keeps its memory on reset. */
#define DYAD_VEC(T) struct { T *v; size_t n; size_t cap; }

/* Makes room for one more element; returns 0 or -1 when out of memory. */
int dyad__vec_grow(const struct dyad_allocator *a, void **v, size_t *cap,
                   size_t elem, size_t need);
#define dyad_vec_reserve(a, vec, need)                                      \
  ((need) <= (vec).cap ? 0                                                  \
   : dyad__vec_grow((a), (void **)&(vec).v, &(vec).cap, sizeof(*(vec).v),   \
                    (need)))
/* Pointer to a new zeroed element at the end, NULL when out of memory. */
#define dyad_vec_push(a, vec)                                               \
  (dyad_vec_reserve((a), (vec), (vec).n + 1) ? NULL                         \
   : (memset(&(vec).v[(vec).n], 0, sizeof(*(vec).v)), &(vec).v[(vec).n++]))
#define dyad_vec_free(a, vec)                                               \
  (dyad__free((a), (vec).v, (vec).cap * sizeof(*(vec).v)), (vec).v = NULL,  \
   (vec).n = (vec).cap = 0)

/* ==== buffers (base/buf.c) ============================================= */

int dyad__buf_grow(dyad_buf *b, size_t extra);
int dyad__buf_add(dyad_buf *b, const char *s, size_t len);
int dyad__buf_adds(dyad_buf *b, const char *s);
int dyad__buf_addc(dyad_buf *b, char c);
int dyad__buf_printf(dyad_buf *b, const char *fmt, ...) DYAD_PRINTF(2, 3);
/* Appends s as the inside of a JSON string (no surrounding quotes). */
int dyad__buf_json_str(dyad_buf *b, const char *s, size_t len);

/* snprintf(dst, cap, "%.*s", max, s) without the format machinery (hot
 * paths copy short codes): at most max and at most cap - 1 bytes of s,
 * then a NUL. cap > 0. */
static inline void dyad__scopy(char *dst, size_t cap, const char *s,
                               size_t max)
{
  size_t n = strnlen(s, max < cap - 1 ? max : cap - 1);
  memmove(dst, s, n);
  dst[n] = '\0';
}

/* ==== UTF-8 and case folding (base/utf8.c) ============================= */

/* Length of the valid UTF-8 prefix of s; == len when all of s is valid. */
size_t dyad__utf8_valid_prefix(const char *s, size_t len);
/* Decodes one code point at s (len > 0); returns its byte length (1 for a
 * bad byte, with *cp = 0xFFFD). */
int dyad__utf8_decode(const char *s, size_t len, int32_t *cp);
/* Case-folds and maps typographic apostrophes/quotes/dashes to ASCII.
 * Writes at most cap bytes into out; returns the folded length, or
 * (size_t)-1 if it did not fit. */
size_t dyad__fold(const char *s, size_t len, char *out, size_t cap);
/* Does s fold (as dyad__fold does) to exactly w[0, wl)? No buffer, and a
 * mismatch stops at the first differing byte: for "is this token the word
 * X" tests in hot loops. */
int dyad__fold_eq(const char *s, size_t len, const char *w, size_t wl);

/* ==== dates (base/status.c) ========================================== */

/* Days in month m (1..12) of year y; 0 for a bad month. */
int dyad__days_in_month(int y, int m);

/* ==== vocabulary: interned words (base/vocab.c) ======================== */

/* Maps case-folded strings to dense ids 1..n; 0 means "not present". Words
 * are added while loading (single thread) and only looked up afterwards. */
struct dyad_vocab {
  const struct dyad_allocator *a;
  uint64_t *slots;   /* open addressing: hash << 32 | id, or 0 */
  size_t nslots;     /* power of two */
  uint32_t *offs;    /* offs[id]: offset of the word in text */
  uint32_t *lens;    /* lens[id]: its length */
  uint32_t *hashes;  /* hashes[id] */
  size_t n;          /* number of words (ids 1..n) */
  size_t cap;        /* capacity of offs/lens/hashes */
  char *text;        /* all words, each NUL-terminated */
  size_t text_len, text_cap;
};

int dyad__vocab_init(struct dyad_vocab *v, const struct dyad_allocator *a);
void dyad__vocab_release(struct dyad_vocab *v);
/* Interns s (already folded); returns its id, 0 when out of memory. */
uint32_t dyad__vocab_add(struct dyad_vocab *v, const char *s, size_t len);
/* Id of s (already folded), 0 when absent. */
uint32_t dyad__vocab_find(const struct dyad_vocab *v, const char *s,
                          size_t len);
const char *dyad__vocab_str(const struct dyad_vocab *v, uint32_t id,
                            size_t *len);
uint32_t dyad__hash(const char *s, size_t len);

/* ==== the context ====================================================== */

struct dyad_lexicon;  /* src/text/lexicon.c */
struct dyad_dict;     /* src/dict/ */
struct dyad_codebook; /* src/dict/codebook.c */
struct dyad_gazetteer;/* src/where/ */
struct dyad_chunk_words; /* src/text/chunk.h */

struct dyad_ctx {
  struct dyad_allocator alloc; /* every allocation goes here */
  uint32_t flags;              /* DYAD_CFG_* */
  char *data_dir;              /* colon-separated search path */
  struct dyad_vocab vocab;     /* all words known to lexicon and dicts */
  struct dyad_lexicon *lex;    /* tagger lexicon, NULL until loaded */
  struct dyad_dict *dict;      /* actors, agents, verbs, nouns, cues */
  struct dyad_codebook *cameo; /* CAMEO codebook */
  struct dyad_gazetteer *gaz;  /* place names */
  struct dyad_chunk_words *chunkw; /* chunker word classes, rebuilt after
                                      every load (vocabulary ids) */
  char errmsg[512];            /* most recent failure */
};

/* Records a failure message on ctx and returns st. */
dyad_status dyad__ctx_error(dyad_ctx *ctx, dyad_status st, const char *fmt,
                            ...) DYAD_PRINTF(3, 4);
/* Finds name in the data directories; writes the path into out (cap bytes).
 * Returns DYAD_OK or DYAD_ENOTFOUND. */
dyad_status dyad__ctx_data_path(const dyad_ctx *ctx, const char *name,
                                char *out, size_t cap);

/* ==== the document ===================================================== */

struct dyad_doc {
  dyad_ctx *ctx;                  /* shared, read-only */
  struct dyad_arena arena;        /* everything per document */
  const char *text;               /* body text, arena copy, followed by
                                     DYAD_TEXT_PAD zero bytes (a NUL, and
                                     room for 16-byte loads at any byte) */
  size_t text_len;
  const char *id;                 /* arena copy */
  size_t id_len;
  const char *title;              /* arena copy, may be empty */
  size_t title_len;
  dyad_date date;                 /* article date */
  uint32_t stages_done;           /* DYAD_STAGE_* bits */
  DYAD_VEC(dyad_token) toks;
  DYAD_VEC(dyad_sentence) sents;
  DYAD_VEC(dyad_phrase) phrases;
  DYAD_VEC(dyad_clause) clauses;
  DYAD_VEC(dyad_event) events;
  DYAD_VEC(dyad_timex) timexes;
  DYAD_VEC(dyad_place) places;
  DYAD_VEC(dyad_quote) quotes;
  DYAD_VEC(dyad_skip) skips;      /* only with DYAD_CFG_EXPLAIN */
  void *coder_state;              /* coder's per-doc scratch, owned */
  void *tag_state;                /* tagger's word cache, kept across
                                     documents (text/tagger.c), owned */
  uint16_t timex_first[27];       /* date keyword buckets by first letter
                                     and their lengths, built by the first
                                     document (when/timex.c); [26] == 0
                                     until then */
  uint32_t timex_lens[26];
  char errmsg[256];
};

#define DYAD_TEXT_PAD 16

/* Pipeline stages, in order. Each reads what earlier stages put in doc and
 * appends its own results; each returns DYAD_OK or DYAD_ENOMEM. */
dyad_status dyad__tokenize(dyad_doc *doc);      /* text/tokenize.c */
dyad_status dyad__sentences(dyad_doc *doc);     /* text/sentence.c */
dyad_status dyad__tag(dyad_doc *doc);           /* text/tagger.c */
dyad_status dyad__phrases(dyad_doc *doc);       /* text/phrase.c */
dyad_status dyad__timexes(dyad_doc *doc);       /* when/timex.c */
dyad_status dyad__places(dyad_doc *doc);        /* where/place.c */
dyad_status dyad__quotes(dyad_doc *doc);        /* quote/quote.c */
dyad_status dyad__code(dyad_doc *doc);          /* code/coder.c */

/* Records that a stage dropped bytes [off, end) of sentence sent as bad
 * input (doc.c). A no-op returning DYAD_OK unless the ctx has
 * DYAD_CFG_EXPLAIN; stage and reason must be static strings. */
dyad_status dyad__skip(dyad_doc *doc, uint32_t sent, uint32_t off,
                       uint32_t end, const char *stage, const char *reason);

/* Writers for `dyad parse` (out/parse.c calls them). Each appends to out and
 * returns 0, or -1 when out of memory. In JSON mode each appends members of
 * an object that is already open, starting with a comma:
 * dyad__write_phrases appends ',"phrases":[...],"clauses":[...]' for one
 * sentence; the others append ',"timexes":[...]' / ',"places":[...]' for
 * the whole document. In text mode they append readable lines. */
int dyad__write_phrases(const dyad_doc *doc, size_t sent, int json,
                        dyad_buf *out);                       /* text/phrase.c */
int dyad__write_timexes(const dyad_doc *doc, int json, dyad_buf *out); /* when/timex.c */
int dyad__write_places(const dyad_doc *doc, int json, dyad_buf *out);  /* where/place.c */

/* Module lifecycles, called by ctx.c. A free of NULL is a no-op. */
dyad_status dyad__lexicon_load(dyad_ctx *ctx);  /* text/lexicon.c */
void dyad__lexicon_free(dyad_ctx *ctx);
dyad_status dyad__dict_load_defaults(dyad_ctx *ctx); /* dict/dict.c */
void dyad__dict_free(dyad_ctx *ctx);
dyad_status dyad__codebook_load(dyad_ctx *ctx); /* dict/codebook.c */
void dyad__codebook_free(dyad_ctx *ctx);
dyad_status dyad__gazetteer_load(dyad_ctx *ctx);/* where/gazetteer.c */
void dyad__gazetteer_free(dyad_ctx *ctx);
void dyad__coder_state_free(dyad_doc *doc);     /* code/coder.c */
void dyad__tag_state_free(dyad_doc *doc);       /* text/tagger.c */
dyad_status dyad__chunk_words_build(dyad_ctx *ctx); /* text/phrase.c */
void dyad__chunk_words_free(dyad_ctx *ctx);

#endif /* DYAD_INTERNAL_H */
