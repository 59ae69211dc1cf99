/*
 * dict.h: the dictionaries' compiled tables and the matching API the coder
 * uses (actors, agents, event nouns, cues, discards, verb patterns).
 *
 * Every dictionary phrase is split into words the way the tokenizer splits
 * text (spaces, and "'s" as its own word), each word is case-folded with
 * dyad__fold and interned in ctx->vocab, and the phrase is stored as a path
 * of vocabulary ids in a trie (one root per kind; edges live in one hash
 * keyed by (node, word id)). At match time each text token may follow the
 * edge of its form id or of its lemma id, so "Russians" (lemma "russian")
 * finds `Russian`, and "refused to" (lemma "refuse") finds `refuse to`. For
 * actors (except people), agents and nouns the loader also inserts the
 * regular plural and the crude singular of the phrase's last word
 * ("troop" <-> "troops", "militia" -> "militias"), marked as generated:
 * an explicit entry always beats a generated one. Longest match wins.
 *
 * Later entries for the same phrase and kind replace earlier ones (user
 * files given with --dict are loaded last). A replaced entry stays in its
 * vector but no trie node points at it any more.
 *
 * Invariants: all strings (codes, rules "file:line", phrases, roles) are
 * owned by the dict's arena and live as long as the ctx; the tables are
 * read-only once dyad__dict_finish() ran (after each load call), so many
 * documents may match against one ctx in parallel.
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include "../internal.h"

/* ==== kinds ============================================================ */

/* Cue kinds (data/cues.txt). */
enum dyad_cue_kind {
  DYAD_CUE_NEGATION = 0, /* not, never, no longer */
  DYAD_CUE_NEGVERB,      /* fail to, refuse to */
  DYAD_CUE_MODAL,        /* could, might */
  DYAD_CUE_FUTURE,       /* will, be going to */
  DYAD_CUE_INTENT,       /* plan to, vow to */
  DYAD_CUE_THREAT,       /* threaten to, warn */
  DYAD_CUE_CONDITIONAL,  /* if, unless */
  DYAD_CUE_REPORT,       /* said, told, according to */
  DYAD_CUE_DENY,         /* deny, reject claims */
  DYAD_CUE_COUNT
};

/* Trie roots: one per phrase kind. */
enum dyad_dict_kind {
  DYAD_DK_ACTOR = 0,
  DYAD_DK_AGENT,
  DYAD_DK_NOUN,
  DYAD_DK_DISCARD,       /* PETRARCH discards: sentence */
  DYAD_DK_DISCARD_STORY, /* PETRARCH "+" discards: whole story */
  DYAD_DK_CUE,           /* DYAD_DK_CUE + dyad_cue_kind */
  DYAD_DK_COUNT = DYAD_DK_CUE + DYAD_CUE_COUNT
};

/* Actor types (`type=` in native files). */
enum dyad_actor_type {
  DYAD_AT_NONE = 0, DYAD_AT_COUNTRY, DYAD_AT_ADJ, DYAD_AT_CAPITAL,
  DYAD_AT_PERSON, DYAD_AT_IGO, DYAD_AT_GROUP, DYAD_AT_BLOC, DYAD_AT_ORG,
  DYAD_AT_COUNT
};

/* "country", "adj" ... ; "" for DYAD_AT_NONE. */
const char *dyad__actor_type_name(int type);

/* ==== entries ========================================================== */

/* One code of an actor, with the dates it holds (inclusive; 0 = open). */
struct dyad_actor_code {
  const char *code;  /* "RUSGOV", arena-owned */
  dyad_date from;    /* first day, 0: open (or undated) */
  dyad_date to;      /* last day, 0: open (or undated) */
  uint8_t dated;     /* 0: the undated default */
};

struct dyad_actor {
  uint32_t code0;      /* first code in dict->acodes */
  uint32_t ncode;      /* number of codes, in file order */
  const char *phrase;  /* the first phrase as written */
  const char *country; /* "RUS" or "" */
  const char *roles;   /* "president,leader" or "" */
  const char *rule;    /* "file:line" */
  uint8_t type;        /* dyad_actor_type */
  char sex;            /* 'm', 'f' or 0 */
};

/* What dyad__dict_actor returns. All pointers are ctx-owned. */
struct dyad_actor_hit {
  const char *code;    /* code in force on the date; NULL: none then */
  const char *country; /* "" if none */
  const char *roles;   /* comma list, "" if none */
  const char *rule;    /* "file:line" */
  const char *phrase;  /* the entry's first phrase */
  uint32_t entry;      /* index in dict->actors */
  uint8_t type;        /* dyad_actor_type */
  char sex;            /* 'm', 'f' or 0 */
};

struct dyad_agent {
  const char *code;   /* "MIL", "GOVFRM" */
  const char *phrase; /* as written */
  const char *rule;   /* "file:line" */
  uint8_t prefix;     /* 1: code goes before the actor code (PETR "NGO~") */
  uint8_t title;      /* 1: a title that precedes a name (president) */
};

#define DYAD_NOUN_PREPS 8

struct dyad_noun {
  char code[8];                    /* CAMEO code, "---" = none */
  char mirror[8];                  /* "A:B": B, "" if none */
  uint32_t preps[DYAD_NOUN_PREPS]; /* word ids of `prep=` */
  uint8_t nprep;
  uint8_t clause_obj;              /* `clause=obj` */
  const char *phrase;              /* as written */
  const char *rule;                /* "file:line" */
};

/* One item of a verb pattern. */
enum dyad_vitem_kind {
  DYAD_VI_WORD = 1, /* a word: id = form id, lemma = crude lemma id */
  DYAD_VI_SET,      /* a PETRARCH synset (&NAME): id = set index */
  DYAD_VI_TARGET,   /* `*` (native) / `+` (PETRARCH): the target slot */
  DYAD_VI_SOURCE,   /* `$` (PETRARCH): the source slot */
  DYAD_VI_ANY,      /* `^` (PETRARCH): any noun phrase */
  DYAD_VI_BOTH      /* `%` (PETRARCH): a compound actor, source and target */
};

/* Item flags (PETRARCH/TABARI patterns). */
enum {
  DYAD_VIF_GLUE_L = 1, /* joined by '_' to the pattern token on its left
                          (an item or the verb): adjacent in the text */
  DYAD_VIF_GLUE_R = 2, /* joined by '_' to the token on its right */
  DYAD_VIF_PETR = 4    /* a PETRARCH pattern word: in literal mode it
                          matches the written form only ("RESOLUTION" is
                          not "resolutions"; synsets list their plurals) */
};

struct dyad_verb_item {
  uint32_t id;    /* word id or set index */
  uint32_t lemma; /* WORD: crude lemma id (== id when the same) */
  uint8_t kind;   /* dyad_vitem_kind */
  uint8_t flags;  /* DYAD_VIF_* */
};

/* A verb pattern. items[0..npre) come before the verb, in text order
 * (nearest the verb last); items[npre..nitems) after it, in text order. */
struct dyad_verb_pat {
  const struct dyad_verb_item *items; /* arena-owned */
  uint16_t nitems;
  uint16_t npre;
  uint16_t nwords;  /* WORD + SET items: the ordering key */
  char code[8];     /* "051", "---" (no event), "" only if mirror-only */
  char mirror[8];   /* "A:B": B with source and target swapped; "" none */
  char passive[8];  /* `passive=`, "" none */
  uint8_t speech;   /* `speech=1` */
  const char *rule; /* "file:line" */
  uint32_t hash;    /* of the items, for override detection */
  uint64_t sig;     /* bit dyad__word_sigbit(id) of each WORD item after
                       the verb whose lemma is its form: a pattern can
                       only match a clause whose word filter has them all */
  uint32_t seq;     /* load order */
  uint8_t user;     /* from a user file (dyad_ctx_load_dict) */
};

/* A synset member: a word sequence, or one reference to another set. */
struct dyad_set_member {
  uint32_t w0, nw; /* words in dict->setwords; nw == 0: setref */
  int32_t setref;  /* set index when nw == 0 */
};

struct dyad_verb_set {
  const char *name;  /* "CURRENCY" */
  uint32_t m0, nm;   /* members in dict->members */
};

/* ==== the dictionary =================================================== */

struct dyad_trie_node {
  int32_t entry; /* index in the kind's entry vector, -1: none */
  uint8_t gen;   /* 1: entry came from a generated variant */
  uint8_t kind;  /* dyad_dict_kind of the root it hangs from */
  uint8_t caps;  /* the edge into this node needs a token in capitals */
  uint8_t user;  /* the entry came from a user file: defaults keep off */
};

struct dyad_dict_counts {
  uint64_t lines;         /* entry lines read */
  uint64_t skipped;       /* malformed lines skipped */
  uint64_t synsets, synset_members, verb_blocks, verb_lines;
  uint64_t patterns;      /* pattern lines (PETRARCH) or pattern entries */
  uint64_t transforms;    /* PETRARCH ~ lines (loaded, not applied) */
  uint64_t actor_records, actor_synonyms, actor_codes;
  uint64_t actor_code_lines; /* PETRARCH: lines holding only codes */
  uint64_t agents, discards, nouns, cues, files;
  uint64_t codebook;      /* codebook rows */
};

struct dyad_dict {
  struct dyad_arena arena;                 /* strings, pattern items */
  DYAD_VEC(struct dyad_trie_node) nodes;   /* 0..DYAD_DK_COUNT-1 roots */
  uint64_t *ekeys;                         /* edge hash: node<<32|word */
  uint32_t *evals;                         /* child node */
  size_t eslots, nedges;
  DYAD_VEC(uint16_t) first;                /* per word id: bit k set when
                                              an edge labelled by it leaves
                                              root k (a match's quick
                                              reject); n = highest id + 1 */
  DYAD_VEC(struct dyad_actor) actors;
  DYAD_VEC(struct dyad_actor_code) acodes;
  DYAD_VEC(struct dyad_agent) agents;
  DYAD_VEC(struct dyad_noun) nouns;
  DYAD_VEC(const char *) cues;             /* rule of each cue phrase */
  DYAD_VEC(const char *) discards;         /* rule of each discard */
  DYAD_VEC(struct dyad_verb_pat) pats;
  DYAD_VEC(struct dyad_verb_set) sets;
  DYAD_VEC(struct dyad_set_member) members;
  DYAD_VEC(uint32_t) setwords;
  DYAD_VEC(uint64_t) vlinks;               /* lemma<<32 | pattern index */
  DYAD_VEC(uint8_t) vdead;                 /* per link: overridden */
  size_t vlinks_checked;                   /* links already deduplicated */
  /* built by dyad__dict_finish: lemma -> patterns, longest first */
  uint32_t *vkeys;                         /* lemma ids, 0 = empty slot */
  uint32_t *voff, *vn;                     /* range in vptrs */
  size_t vslots, nverbs;
  const struct dyad_verb_pat **vptrs;
  size_t nvptrs;
  DYAD_VEC(char *) problems;               /* "file:line: message" */
  size_t nerrors;                          /* problems that are errors */
  struct dyad_dict_counts counts;
  uint32_t seq;                            /* pattern load counter */
  uint8_t defaults;                        /* default data loaded */
  uint8_t loading_user;                    /* the file being read is a
                                              user file (--dict) */
  uint8_t new_actor_len;                   /* literal mode: a noun phrase
                                              of at most this many words
                                              naming no actor becomes a
                                              new actor coded by its words
                                              (PETRARCH new_actor_length;
                                              0 = off) */
  uint8_t forms_only;                      /* phrases match written forms
                                              only, never lemmas (literal
                                              mode: PETRARCH lists every
                                              form it means, "polices" is
                                              not "police") */
  dyad_doc *scratch;                       /* tokenizes phrases at load */
  uint8_t *live;                           /* per actor: a phrase points at
                                              it (built by finish) */
  size_t nlive;                            /* length of live */
};

/* The bit of a word id in a 64-bit word filter (verb pattern signatures
 * and the coder's clause filter). */
static inline uint64_t dyad__word_sigbit(uint32_t id)
{
  return id ? (uint64_t)1 << ((id * 2654435761u) >> 26) : 0;
}

/* ==== matching (for the coder) ========================================= */

/* Matching looks at form and lemma ids only, never at tags: call each
 * function on the tokens it is meant for (actors and nouns on noun
 * phrases, cues around verb groups), or a verb "attacked" (lemma "attack")
 * will find the noun `attack`. All functions are read-only on ctx. */

/* The longest actor phrase starting at toks[i] (of ntok). On a match fills
 * OUT: *out (code chosen for date: the first dated code whose range holds
 * date, else the undated default, else NULL; with date 0 the default, else
 * the last code listed) and returns the number of tokens matched; 0 when
 * none starts there (out untouched). */
size_t dyad__dict_actor(const dyad_ctx *ctx, const dyad_token *toks,
                        size_t ntok, size_t i, dyad_date date,
                        struct dyad_actor_hit *out);

/* The code of actors[entry] in force on date (rules above), or NULL. */
const char *dyad__dict_actor_code(const dyad_ctx *ctx, uint32_t entry,
                                  dyad_date date);

/* Resolves a description ("the Russian president"): the people whose
 * country= is country, whose role= list holds role (e.g. "president",
 * compared without case), and who hold a dated code on date (an undated
 * default does not count: it says nothing about office). OUT: *entry, the
 * first such person in load order. Returns how many match: 0 none, 1 a
 * clear answer, more: ambiguous (the coder should not guess). */
size_t dyad__dict_role(const dyad_ctx *ctx, const char *country,
                       const char *role, size_t role_len, dyad_date date,
                       uint32_t *entry);

/* Longest agent phrase at toks[i]; OUT: *out. Returns tokens matched. */
size_t dyad__dict_agent(const dyad_ctx *ctx, const dyad_token *toks,
                        size_t ntok, size_t i, const struct dyad_agent **out);

/* Longest event-noun phrase at toks[i]; OUT: *out. Returns tokens matched. */
size_t dyad__dict_noun(const dyad_ctx *ctx, const dyad_token *toks,
                       size_t ntok, size_t i, const struct dyad_noun **out);

/* Longest cue phrase of the given kind at toks[i]; returns tokens matched. */
size_t dyad__dict_cue(const dyad_ctx *ctx, int kind, const dyad_token *toks,
                      size_t ntok, size_t i);

/* Longest discard phrase at toks[i]; OUT: *story = 1 when it discards the
 * whole story. Returns tokens matched. (dyad__dict_discard, the inline
 * wrapper below dyad__trie_may, is what the coder calls for every token.) */
size_t dyad__dict_discard_at(const dyad_ctx *ctx, const dyad_token *toks,
                             size_t ntok, size_t i, int *story);

/* All patterns of a verb lemma (or folded form) id, most specific first
 * (more words first; among equals, later-loaded first). OUT: *pats, *n.
 * Returns 0 when the verb is unknown (*n = 0). Native verbs are keyed on
 * their lemma; PETRARCH multi-word verb lines on their '+' word as written
 * (often inflected: "+ATTACKED_AND_STABBED" is under "attacked"), so look
 * up tok.lemma first, then tok.form. A pattern with code "---" means "no
 * event" (a verb's bare default may be one). */
int dyad__dict_verb(const dyad_ctx *ctx, uint32_t lemma_id,
                    const struct dyad_verb_pat *const **pats, size_t *n);

/* Does a WORD or SET item match at toks[i]? Returns tokens consumed (SET
 * members may be several words), 0 for no match or other item kinds. */
size_t dyad__dict_item_match(const dyad_ctx *ctx,
                             const struct dyad_verb_item *it,
                             const dyad_token *toks, size_t ntok, size_t i);

/* Does a token match a dictionary word (its form or lemma id)? */
static inline int dyad__dict_word_eq(const dyad_token *t, uint32_t id,
                                     uint32_t lemma)
{
  return t->form == id || t->lemma == id ||
         (lemma && (t->lemma == lemma || t->form == lemma));
}

/* ==== loading (internal to src/dict/) ================================== */

/* Parser state for one file. */
struct dyad_dict_file {
  dyad_ctx *ctx;
  struct dyad_dict *d;
  const char *name;   /* path as given, for messages */
  const char *rname;  /* arena copy used in rules */
  uint32_t line;      /* current line number, 1-based */
  int kind;           /* native: current section, -1 unknown */
  uint8_t user;       /* a user file: overriding is intended */
};

/* Records "file:line: message" (problem); an error unless warn. Returns
 * DYAD_EDICT when the ctx is strict and it is an error, else DYAD_OK (or
 * DYAD_ENOMEM). */
dyad_status dyad__dict_problem(struct dyad_dict_file *f, int warn,
                               const char *fmt, ...) DYAD_PRINTF(3, 4);

/* "file:line" in the arena; NULL when out of memory. */
const char *dyad__dict_rule(struct dyad_dict_file *f);

/* Folds and interns one word; 0 when out of memory or empty. */
uint32_t dyad__dict_word(dyad_ctx *ctx, const char *s, size_t len);
/* Crude singular of a folded word's id (troops -> troop); the id itself
 * when no rule applies. add: intern the result, else only look it up. */
uint32_t dyad__dict_singular(dyad_ctx *ctx, uint32_t id, int add);
/* Regular plural of a folded word's id (militia -> militias). */
uint32_t dyad__dict_plural(dyad_ctx *ctx, uint32_t id);

/* Splits a phrase into word ids with the tokenizer ('_' is a space when
 * petr), interning each folded word; returns the number of words (at most
 * cap), or -1 when too long / out of memory. OUT (caps may be NULL):
 * bit k of *caps set when word k is a short acronym written in capitals
 * ("US", "IS", "AU": 2..3 letters, no lower case), which then matches only
 * a token written in capitals, never the word "us" or "is". */
int dyad__dict_phrase(dyad_ctx *ctx, const char *s, size_t len, int petr,
                      uint32_t *ids, size_t cap, uint32_t *caps);

/* Inserts a word path under root kind, pointing at entry. variants: also
 * insert the last word's plural and singular (generated). Returns the
 * previous explicit entry of that path (-1: none), or -2 when out of
 * memory. */
int32_t dyad__trie_insert(struct dyad_dict *d, const struct dyad_allocator *a,
                          dyad_ctx *ctx, int kind, const uint32_t *ids,
                          size_t n, int32_t entry, int variants, uint32_t caps);
/* Longest match of kind at toks[i]; OUT: *entry. Returns tokens matched. */
size_t dyad__trie_match(const struct dyad_dict *d, int kind,
                        const dyad_token *toks, size_t ntok, size_t i,
                        int32_t *entry);
/* Can a phrase of one of the kinds in mask (bits 1 << kind) start at
 * token t? 0 means no (dyad__trie_match would return 0); 1 means maybe.
 * Inline, so the hot callers skip a call for most tokens. */
static inline int dyad__trie_may(const struct dyad_dict *d, unsigned mask,
                                 const dyad_token *t)
{
  return (t->form < d->first.n && (d->first.v[t->form] & mask)) ||
         (t->lemma < d->first.n && (d->first.v[t->lemma] & mask) &&
          !d->forms_only);
}
static inline size_t dyad__dict_discard(const dyad_ctx *ctx,
                                        const dyad_token *toks, size_t ntok,
                                        size_t i, int *story)
{
  if (!ctx->dict || i >= ntok ||
      !dyad__trie_may(ctx->dict,
                      1u << DYAD_DK_DISCARD | 1u << DYAD_DK_DISCARD_STORY,
                      &toks[i]))
    return 0;
  return dyad__dict_discard_at(ctx, toks, ntok, i, story);
}
/* Exact path lookup (for lint and lookup); -1 when absent. */
int32_t dyad__trie_find(const struct dyad_dict *d, int kind,
                        const uint32_t *ids, size_t n);

/* Loads a dictionary from memory (copied), as a user file named name;
 * for tests and the fuzzer. */
dyad_status dyad__dict_load_mem(dyad_ctx *ctx, const char *name,
                                const char *buf, size_t len, int format);

/* Creates ctx->dict if needed. */
dyad_status dyad__dict_ensure(dyad_ctx *ctx);
/* Rebuilds the verb index; called after every load. */
dyad_status dyad__dict_finish(dyad_ctx *ctx);

/* Parses "051", "051:052", ":052", "---" into code and mirror (8 bytes
 * each). Returns 0, or -1 when malformed. */
int dyad__dict_event_code(const char *s, size_t len, char code[8],
                          char mirror[8]);

/* Adds a pattern; ownership of items (arena) passes to the dict. Returns
 * its index or -1 when out of memory. */
int32_t dyad__dict_add_pat(struct dyad_dict *d, const struct dyad_allocator *a,
                           const struct dyad_verb_pat *p);
/* Links a verb lemma to a pattern. 0 or -1 (out of memory). */
int dyad__dict_link(struct dyad_dict *d, const struct dyad_allocator *a,
                    uint32_t lemma, uint32_t pat);

/* Per-format loaders: parse a whole buffer (already read, NUL-terminated
 * copy, CR stripped by the line splitter). */
dyad_status dyad__load_native(struct dyad_dict_file *f, char *buf, size_t len);
dyad_status dyad__load_petr_verbs(struct dyad_dict_file *f, char *buf,
                                  size_t len);
dyad_status dyad__load_petr_actors(struct dyad_dict_file *f, char *buf,
                                   size_t len);
dyad_status dyad__load_petr_agents(struct dyad_dict_file *f, char *buf,
                                   size_t len);
dyad_status dyad__load_petr_discards(struct dyad_dict_file *f, char *buf,
                                     size_t len);

/* Next line of buf at *pos (CR LF or LF); returns its start and sets *len,
 * NULL at the end. The line is NUL-terminated in place. */
char *dyad__dict_next_line(char *buf, size_t buflen, size_t *pos,
                           size_t *len);

/* Parses a date "YYYY-MM-DD", "YYYYMMDD" or PETRARCH "YYMMDD". */
int dyad__dict_date(const char *s, size_t len, int petr, dyad_date *out);
/* The day before / after d. */
dyad_date dyad__date_add(dyad_date d, int days);

/* ==== the codebook (codebook.c) ======================================= */

/* Loads a codebook TSV file into ctx->cameo (rows add to / replace the
 * ones loaded before). */
dyad_status dyad__codebook_load_file(dyad_ctx *ctx, const char *path);
/* The row of a code, NULL when absent. */
const dyad_cameo *dyad__codebook_find(const dyad_ctx *ctx, const char *code,
                                      size_t len);
/* Number of distinct codes. */
size_t dyad__codebook_size(const dyad_ctx *ctx);

#endif /* DYAD_DICT_H */
