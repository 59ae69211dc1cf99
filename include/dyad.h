/*
 * dyad.h: the public API of libdyad, the engine that turns dated news text
 * into CAMEO-coded political events.
 *
 * The shape of a run:
 *
 *   dyad_ctx    *ctx = dyad_ctx_new(NULL);          lexicon, dictionaries
 *   dyad_ctx_load_defaults(ctx);
 *   dyad_reader *r   = dyad_reader_open(ctx, path, len, DYAD_FMT_AUTO);
 *   dyad_doc    *doc = dyad_doc_new(ctx);
 *   while ((st = dyad_reader_next(r, &art)) != DYAD_EOF) {
 *     if (st != DYAD_OK) { report dyad_reader_errmsg(r); continue; }
 *     dyad_doc_analyze(doc, &art, DYAD_STAGE_ALL);
 *     ... dyad_doc_events(doc, &n) ...
 *   }
 *
 * Conventions (see docs/ and STYLE.md):
 * - Handles (dyad_ctx, dyad_doc, dyad_reader, dyad_store) are opaque.
 * - Strings are (pointer, length) pairs and need no NUL terminator.
 * - Functions return dyad_status (DYAD_OK == 0); results go through
 *   out-parameters placed last, written only on success.
 * - Arrays returned by a dyad_doc accessor are owned by the doc and stay
 *   valid until the next dyad_doc_analyze() or dyad_doc_free() on it.
 * - A dyad_ctx is read-only once loaded: many threads may each use their
 *   own dyad_doc against one shared ctx.
 * - The library never prints and never exits.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION_MAJOR 0
#define DYAD_VERSION_MINOR 1
#define DYAD_VERSION_PATCH 0
#define DYAD_VERSION "0.1.0"

/* The runtime version string, equal to DYAD_VERSION of the built library. */
const char *dyad_version(void);

/* ==== status ============================================================ */

typedef enum dyad_status {
  DYAD_OK = 0,
  DYAD_EOF,       /* no more records (not an error) */
  DYAD_ENOMEM,    /* an allocation failed */
  DYAD_EIO,       /* a file could not be opened or read */
  DYAD_EUTF8,     /* invalid UTF-8 in a record */
  DYAD_EDATE,     /* missing or impossible date */
  DYAD_EJSON,     /* malformed JSON */
  DYAD_EXML,      /* malformed XML */
  DYAD_ETOOBIG,   /* a record exceeds the size limit */
  DYAD_EEMPTY,    /* empty file or record with no text */
  DYAD_EBINARY,   /* binary data where text was expected */
  DYAD_EFORMAT,   /* unknown or malformed input format */
  DYAD_EDICT,     /* malformed dictionary entry */
  DYAD_EDB,       /* database error */
  DYAD_EARG,      /* bad argument from the caller */
  DYAD_ENOTFOUND, /* a named thing does not exist */
  DYAD_ESTATUS_MAX
} dyad_status;

/* A static, lowercase description of a status ("invalid utf-8"). */
const char *dyad_strerror(dyad_status st);

/* ==== context: lexicon, dictionaries, options ========================== */

typedef struct dyad_ctx dyad_ctx;

/* Allocation hook: like Lua's lua_Alloc. nsize == 0 frees ptr and returns
 * NULL; otherwise behaves like realloc(ptr, nsize). */
typedef void *(*dyad_alloc_fn)(void *ud, void *ptr, size_t osize,
                               size_t nsize);

typedef struct dyad_config {
  dyad_alloc_fn alloc;   /* NULL: the C library's realloc/free */
  void *alloc_ud;        /* passed to alloc */
  const char *data_dir;  /* NULL: $DYAD_DATA, else the built-in path */
  uint32_t flags;        /* DYAD_CFG_* bits */
} dyad_config;

enum {
  DYAD_CFG_STRICT = 1u << 0,    /* any dictionary error is fatal */
  DYAD_CFG_NEGATED = 1u << 1,   /* emit negated events, flagged */
  DYAD_CFG_UNKNOWN = 1u << 2,   /* emit events with unknown actors */
  DYAD_CFG_NO_WHEN = 1u << 3,   /* skip temporal expressions */
  DYAD_CFG_NO_WHERE = 1u << 4,  /* skip place names */
  DYAD_CFG_NO_QUOTES = 1u << 5, /* skip quotations */
  DYAD_CFG_SPEECH = 1u << 6,    /* also code "X said" statements */
  DYAD_CFG_LITERAL = 1u << 7,   /* PETRARCH semantics: modality, intent
                                   and futures keep the act's own code */
  DYAD_CFG_EXPLAIN = 1u << 8    /* keep what stages skip as bad input
                                   (dyad_doc_skips) */
};

/* Creates a context. cfg may be NULL for defaults. Returns NULL only when
 * memory runs out. The context owns everything loaded into it. */
dyad_ctx *dyad_ctx_new(const dyad_config *cfg);

/* Frees the context and everything it owns. NULL is a no-op. */
void dyad_ctx_free(dyad_ctx *ctx);

/* Loads the built-in lexicon, dictionaries, codebook and gazetteer from the
 * data directory. On failure the message is in dyad_ctx_errmsg(). */
dyad_status dyad_ctx_load_defaults(dyad_ctx *ctx);

/* Loads the tagger lexicon only (what `dyad parse` needs). */
dyad_status dyad_ctx_load_lexicon(dyad_ctx *ctx);

/* Loads the gazetteer only (what `dyad parse` needs for places; also part
 * of dyad_ctx_load_defaults). DYAD_ENOTFOUND when it was not built (npm
 * was unreachable at build time): places are then disabled, not an error,
 * and dyad_ctx_errmsg() says why. */
dyad_status dyad_ctx_load_gazetteer(dyad_ctx *ctx);

/* Message for the most recent failure on ctx, "" if none. Owned by ctx. */
const char *dyad_ctx_errmsg(const dyad_ctx *ctx);

/* The string for a vocabulary id (case-folded form or lemma). Returns NULL
 * for id 0 or an unknown id. *len receives the length. Owned by ctx. */
const char *dyad_ctx_word(const dyad_ctx *ctx, uint32_t id, size_t *len);

/* ==== input records ===================================================== */

typedef enum dyad_format {
  DYAD_FMT_AUTO = 0, /* sniff from the first bytes */
  DYAD_FMT_TEXT,     /* "date YYYY-MM-DD" header, then text */
  DYAD_FMT_JSONL,    /* one JSON object per line */
  DYAD_FMT_XML       /* PETRARCH <Sentence> records */
} dyad_format;

/* Parses "auto", "text", "jsonl", "xml". Returns -1 when unknown. */
int dyad_format_parse(const char *s, size_t len);

/* A date as year*10000 + month*100 + day (20230322); 0 means none. */
typedef int32_t dyad_date;

/* Parses "YYYY-MM-DD" or "YYYYMMDD" and checks the calendar. */
dyad_status dyad_date_parse(const char *s, size_t len, dyad_date *out);

/* Writes "YYYY-MM-DD" and a NUL into buf (at least 11 bytes). */
void dyad_date_format(dyad_date d, char buf[11]);

/* One article. All strings borrow from the reader (valid until the next
 * dyad_reader_next) or from the caller. */
typedef struct dyad_article {
  const char *id;     size_t id_len;
  const char *title;  size_t title_len;
  const char *text;   size_t text_len;   /* the body; may contain \n\n */
  const char *source; size_t source_len;
  const char *url;    size_t url_len;
  dyad_date date;                        /* the article date */
  uint32_t record;                       /* 1-based record (line) number */
} dyad_article;

typedef struct dyad_reader dyad_reader;

/* Options for readers. */
typedef struct dyad_read_opts {
  dyad_format format;    /* DYAD_FMT_AUTO to sniff */
  dyad_date default_date; /* used when a record has no date; 0: error */
  size_t max_record;     /* 0: default limit (16 MiB); longer is ETOOBIG */
} dyad_read_opts;

/* Opens a file, a folder (its files in sorted order, recursively) or "-"
 * for standard input. opts may be NULL. Returns NULL only when memory runs
 * out; an unreadable path is reported by the first dyad_reader_next. */
dyad_reader *dyad_reader_open(const char *path, size_t path_len,
                              const dyad_read_opts *opts);

/* Reads from a memory buffer (not copied; must outlive the reader).
 * name labels the records in error messages. */
dyad_reader *dyad_reader_open_mem(const char *buf, size_t len,
                                  const char *name, size_t name_len,
                                  const dyad_read_opts *opts);

/* Next record. DYAD_OK fills *out; DYAD_EOF at the end; any other status
 * describes a bad record, which has been skipped: dyad_reader_errmsg() then
 * names the file, the record and the problem, and the next call goes on
 * with the following record. */
dyad_status dyad_reader_next(dyad_reader *r, dyad_article *out);

/* "file:line: problem" for the most recent failure. Owned by the reader. */
const char *dyad_reader_errmsg(const dyad_reader *r);

/* Counts of records read and records rejected so far. */
void dyad_reader_counts(const dyad_reader *r, uint64_t *ok, uint64_t *bad);

void dyad_reader_free(dyad_reader *r);

/* ==== analysis of one document ========================================== */

typedef struct dyad_doc dyad_doc;

/* Penn Treebank tags, plus the UD-English extras (HYPH, NFP, ADD, AFX). */
typedef enum dyad_tag {
  DYAD_TAG_NONE = 0,
  DYAD_TAG_CC, DYAD_TAG_CD, DYAD_TAG_DT, DYAD_TAG_EX, DYAD_TAG_FW,
  DYAD_TAG_IN, DYAD_TAG_JJ, DYAD_TAG_JJR, DYAD_TAG_JJS, DYAD_TAG_LS,
  DYAD_TAG_MD, DYAD_TAG_NN, DYAD_TAG_NNS, DYAD_TAG_NNP, DYAD_TAG_NNPS,
  DYAD_TAG_PDT, DYAD_TAG_POS, DYAD_TAG_PRP, DYAD_TAG_PRPS, DYAD_TAG_RB,
  DYAD_TAG_RBR, DYAD_TAG_RBS, DYAD_TAG_RP, DYAD_TAG_SYM, DYAD_TAG_TO,
  DYAD_TAG_UH, DYAD_TAG_VB, DYAD_TAG_VBD, DYAD_TAG_VBG, DYAD_TAG_VBN,
  DYAD_TAG_VBP, DYAD_TAG_VBZ, DYAD_TAG_WDT, DYAD_TAG_WP, DYAD_TAG_WPS,
  DYAD_TAG_WRB,
  DYAD_TAG_COMMA,   /* , */
  DYAD_TAG_PERIOD,  /* . ? ! */
  DYAD_TAG_COLON,   /* : ; -- ... */
  DYAD_TAG_LQUOTE,  /* `` */
  DYAD_TAG_RQUOTE,  /* '' */
  DYAD_TAG_LRB,     /* -LRB- */
  DYAD_TAG_RRB,     /* -RRB- */
  DYAD_TAG_HASH,    /* # */
  DYAD_TAG_DOLLAR,  /* $ */
  DYAD_TAG_HYPH, DYAD_TAG_NFP, DYAD_TAG_ADD, DYAD_TAG_AFX,
  DYAD_TAG_COUNT
} dyad_tag;

/* "NN", "PRP$", "-LRB-", ",". NULL for an out-of-range tag. */
const char *dyad_tag_name(dyad_tag t);
/* The tag for a Penn name, DYAD_TAG_NONE when unknown. */
dyad_tag dyad_tag_parse(const char *s, size_t len);

/* Token kinds. */
enum {
  DYAD_TK_WORD = 1, /* letters, possibly with digits, hyphens, apostrophes */
  DYAD_TK_NUM,      /* 12, 15.6, 1,000, 1990s, 12-point */
  DYAD_TK_PUNCT,    /* . , ; : ! ? ( ) - -- ... */
  DYAD_TK_QUOTE,    /* " “ ” ' ‘ ’ used as quotation marks */
  DYAD_TK_SYMBOL,   /* $ % & @ # and other symbols */
  DYAD_TK_URL       /* http://..., www..., e-mail addresses */
};

/* Token flags. */
enum {
  DYAD_TOKF_CAP = 1u << 0,       /* first letter upper case */
  DYAD_TOKF_ALLCAPS = 1u << 1,   /* all letters upper case */
  DYAD_TOKF_ABBREV = 1u << 2,    /* ends in a period that is not a stop */
  DYAD_TOKF_HYPHEN = 1u << 3,    /* contains an inner hyphen */
  DYAD_TOKF_SPACE = 1u << 4,     /* preceded by white space */
  DYAD_TOKF_PARA = 1u << 5,      /* first token of a paragraph */
  DYAD_TOKF_DATELINE = 1u << 6,  /* part of a dateline prefix */
  DYAD_TOKF_OPENQ = 1u << 7,     /* quote mark that opens a quotation */
  DYAD_TOKF_CLOSEQ = 1u << 8,    /* quote mark that closes a quotation */
  DYAD_TOKF_INQUOTE = 1u << 9,   /* inside a direct quotation */
  DYAD_TOKF_CLITIC = 1u << 10    /* split clitic: 's n't 're 'll 'd 've 'm */
};

typedef struct dyad_token {
  uint32_t off;    /* byte offset in the document text */
  uint32_t len;    /* byte length */
  uint32_t form;   /* vocabulary id of the case-folded form, 0: unknown */
  uint32_t lemma;  /* vocabulary id of the lemma, 0: unknown */
  uint16_t flags;  /* DYAD_TOKF_* */
  uint8_t kind;    /* DYAD_TK_* */
  uint8_t tag;     /* dyad_tag */
} dyad_token;

/* Sentence flags. */
enum {
  DYAD_SENTF_CAPTION = 1u << 0,  /* photo caption: never coded */
  DYAD_SENTF_CREDIT = 1u << 1,   /* credit line ("AFP - Getty Images") */
  DYAD_SENTF_DATELINE = 1u << 2, /* starts with a dateline */
  DYAD_SENTF_TITLE = 1u << 3,    /* the headline */
  DYAD_SENTF_PARA = 1u << 4      /* first sentence of a paragraph */
};

typedef struct dyad_sentence {
  uint32_t tok;     /* first token index */
  uint32_t ntok;    /* number of tokens */
  uint32_t off;     /* byte offset of the first token */
  uint32_t len;     /* bytes up to the end of the last token */
  uint32_t para;    /* paragraph index, 0-based */
  uint32_t flags;   /* DYAD_SENTF_* */
  uint32_t clause;  /* first clause index */
  uint32_t nclause; /* number of clauses */
} dyad_sentence;

/* Phrase kinds. */
enum {
  DYAD_PH_NP = 1, /* noun phrase */
  DYAD_PH_VG,     /* verb group: auxiliaries, negation, adverbs, verb, particle */
  DYAD_PH_PP,     /* preposition + its noun phrase (child) */
  DYAD_PH_ADJP,
  DYAD_PH_ADVP
};

/* Phrase flags. */
enum {
  /* noun phrases */
  DYAD_PHF_PLURAL = 1u << 0,
  DYAD_PHF_PRONOUN = 1u << 1,
  DYAD_PHF_PROPER = 1u << 2,   /* head is a proper noun */
  DYAD_PHF_POSSESSOR = 1u << 3,/* this NP is a possessor ("Xi's") */
  DYAD_PHF_COORD = 1u << 4,    /* a coordination; members via conj */
  DYAD_PHF_DEFINITE = 1u << 5, /* the/this/that/these/those */
  DYAD_PHF_NEGDET = 1u << 6,   /* "no", "none of" determiner */
  DYAD_PHF_APPOS = 1u << 7,    /* apposition; attach: the NP it renames */
  /* verb groups */
  DYAD_PHF_PASSIVE = 1u << 8,
  DYAD_PHF_NEGATED = 1u << 9,  /* not, never, n't, fail to, refuse to */
  DYAD_PHF_MODAL = 1u << 10,   /* can, could, may, might, should, would */
  DYAD_PHF_FUTURE = 1u << 11,  /* will, shall, going to */
  DYAD_PHF_INTENT = 1u << 12,  /* plan to, intend to, want to, seek to */
  DYAD_PHF_THREAT = 1u << 13,  /* threaten to, warn of */
  DYAD_PHF_PERFECT = 1u << 14,
  DYAD_PHF_PROGRESSIVE = 1u << 15,
  DYAD_PHF_INFINITIVE = 1u << 16, /* "to" + verb, no finite verb */
  DYAD_PHF_GERUND = 1u << 17,     /* -ing form heading a clause */
  DYAD_PHF_PARTICIPLE = 1u << 18  /* reduced relative / participle clause */
};

/* Tense of a verb group. */
enum { DYAD_TENSE_NONE = 0, DYAD_TENSE_PAST, DYAD_TENSE_PRESENT,
       DYAD_TENSE_FUTURE };

typedef struct dyad_phrase {
  uint32_t tok;     /* first token index */
  uint32_t ntok;    /* number of tokens */
  uint32_t head;    /* token index of the head (noun, main verb, prep) */
  uint32_t lemma;   /* lemma id of the head (VG: main verb) */
  uint32_t flags;   /* DYAD_PHF_* */
  int32_t det;      /* NP: determiner token, -1 none */
  int32_t poss;     /* NP: possessor phrase index, -1 none */
  int32_t child;    /* PP: its NP; VG: particle token; -1 none */
  int32_t conj;     /* next member of a coordination, -1 none */
  int32_t attach;   /* phrase this one modifies (PP->NP/VG), -1 none */
  uint8_t kind;     /* DYAD_PH_* */
  uint8_t tense;    /* DYAD_TENSE_* (verb groups) */
  uint16_t clause;  /* index of the clause within its sentence */
  int32_t up;       /* phrase containing this one: PP of its NP, COORD
                       group of a member, possessed NP of a possessor;
                       -1 for a top-level phrase */
  int32_t next_pp;  /* PP: next PP of the same clause, -1 at the end */
} dyad_phrase;

/* Clause kinds. */
enum {
  DYAD_CL_MAIN = 1,  /* main clause */
  DYAD_CL_COORD,     /* coordinated main clause ("and blamed ...") */
  DYAD_CL_SUB,       /* adverbial subordinate (as, when, after, if ...) */
  DYAD_CL_REL,       /* relative clause (which, who, that ...) */
  DYAD_CL_COMP,      /* complement / reported ("said (that) ...") */
  DYAD_CL_INF,       /* infinitival ("urged Beijing to pressure ...") */
  DYAD_CL_PART       /* participial ("Commenting on ...", "having made") */
};

/* Clause flags. */
enum {
  DYAD_CLF_CONDITIONAL = 1u << 0, /* introduced by if/unless */
  DYAD_CLF_REPORTED = 1u << 1,    /* content of a speech verb */
  DYAD_CLF_QUOTE = 1u << 2,       /* inside a direct quotation */
  DYAD_CLF_QUESTION = 1u << 3,
  DYAD_CLF_SUBJ_INHERITED = 1u << 4 /* subj taken from another clause
                                       (coordination, control, REL) */
};

typedef struct dyad_clause {
  uint32_t tok, ntok; /* token range */
  int32_t verb;       /* verb-group phrase index, -1 none */
  int32_t subj;       /* subject NP phrase index (may be inherited), -1 */
  int32_t obj;        /* direct object NP, -1 none */
  int32_t obj2;       /* second object / object complement, -1 none */
  int32_t parent;     /* enclosing clause index, -1 for a top clause */
  int32_t antecedent; /* REL: the NP the relative pronoun stands for */
  uint32_t pp;        /* first PP phrase index in this clause */
  uint32_t npp;       /* number of PPs: follow dyad_phrase.next_pp from pp
                         (PP indexes are not consecutive) */
  uint32_t flags;     /* DYAD_CLF_* */
  uint32_t sub_word;  /* token index of the subordinator, or UINT32_MAX */
  uint8_t kind;       /* DYAD_CL_* */
  int32_t speaker;    /* REPORTED: NP of the one who said it ("X said",
                         "according to X"), -1 unknown */
} dyad_clause;

/* Analysis stages for dyad_doc_analyze. */
enum {
  DYAD_STAGE_TOKENS = 1u << 0,
  DYAD_STAGE_SENTENCES = 1u << 1,
  DYAD_STAGE_TAGS = 1u << 2,
  DYAD_STAGE_PHRASES = 1u << 3,
  DYAD_STAGE_WHEN = 1u << 4,
  DYAD_STAGE_WHERE = 1u << 5,
  DYAD_STAGE_QUOTES = 1u << 6,
  DYAD_STAGE_EVENTS = 1u << 7,
  DYAD_STAGE_PARSE = 0x0f,
  DYAD_STAGE_ALL = 0xff
};

/* Creates an empty document bound to ctx (which must outlive it). */
dyad_doc *dyad_doc_new(dyad_ctx *ctx);

/* Analyses one article through the given stages (later stages pull in the
 * earlier ones they need). The article's strings are copied into the doc's
 * arena, so the reader may move on. Clears earlier results; keeps memory. */
dyad_status dyad_doc_analyze(dyad_doc *doc, const dyad_article *art,
                             uint32_t stages);

void dyad_doc_free(dyad_doc *doc);

/* The document's text (title excluded), its id and its date. */
const char *dyad_doc_text(const dyad_doc *doc, size_t *len);
const char *dyad_doc_id(const dyad_doc *doc, size_t *len);
dyad_date dyad_doc_date(const dyad_doc *doc);
const char *dyad_doc_errmsg(const dyad_doc *doc);

const dyad_token *dyad_doc_tokens(const dyad_doc *doc, size_t *n);
const dyad_sentence *dyad_doc_sentences(const dyad_doc *doc, size_t *n);
const dyad_phrase *dyad_doc_phrases(const dyad_doc *doc, size_t *n);
const dyad_clause *dyad_doc_clauses(const dyad_doc *doc, size_t *n);

/* ==== events ============================================================ */

typedef struct dyad_span {
  uint32_t off; /* byte offset in the document text */
  uint32_t len; /* bytes; 0 with off 0 means "no span" */
} dyad_span;

/* Event flags. */
enum {
  DYAD_EVF_NEGATED = 1u << 0,  /* only with DYAD_CFG_NEGATED */
  DYAD_EVF_NOUN = 1u << 1,     /* named by a noun ("drone attacks") */
  DYAD_EVF_REPORTED = 1u << 2, /* inside reported speech */
  DYAD_EVF_QUOTE = 1u << 3,    /* inside a direct quotation */
  DYAD_EVF_DATE_TEXT = 1u << 4,/* event_date comes from the text */
  DYAD_EVF_SPEECH = 1u << 5    /* a statement event from a speech verb */
};

#define DYAD_CODE_MAX 24

typedef struct dyad_event {
  uint32_t sent;                 /* sentence index */
  char source[DYAD_CODE_MAX];    /* actor code, "---" if unknown */
  char target[DYAD_CODE_MAX];    /* actor code, "---" if none */
  char code[8];                  /* CAMEO code, "051" */
  dyad_span source_span;         /* the words naming the source */
  dyad_span target_span;
  dyad_span verb_span;           /* the verb or event noun */
  const char *rule;              /* "file:line" of the pattern, ctx-owned */
  dyad_date event_date;          /* date of the event itself */
  int32_t place;                 /* index into dyad_doc_places, -1 none */
  const char *place_rule;        /* how the place was chosen, static */
  uint32_t flags;                /* DYAD_EVF_* */
} dyad_event;

const dyad_event *dyad_doc_events(const dyad_doc *doc, size_t *n);

/* The codebook entry of a CAMEO code. */
typedef struct dyad_cameo {
  const char *code;     /* "051" */
  const char *name;     /* "praise or endorse" */
  const char *plover;   /* PLOVER event type, "" if none */
  double goldstein;     /* -10 .. +10 */
  int quad;             /* QuadClass 1..4 */
} dyad_cameo;

/* Looks a code up in the codebook. DYAD_ENOTFOUND if it is not there. */
dyad_status dyad_ctx_cameo(const dyad_ctx *ctx, const char *code, size_t len,
                           dyad_cameo *out);

/* ==== when, where, who said ============================================= */

typedef struct dyad_timex {
  dyad_span span;
  uint32_t sent;
  char type[10];   /* DATE, TIME, DURATION, SET */
  char value[24];  /* TimeML value: 2023-03-21, 2023-W12, PAST_REF, P2D */
} dyad_timex;

typedef struct dyad_place {
  dyad_span span;
  uint32_t sent;
  const char *name;    /* ctx-owned */
  char country[4];     /* ISO alpha-3 */
  double lat, lon;
  uint32_t geonameid;
} dyad_place;

typedef struct dyad_quote {
  uint32_t sent;
  dyad_span span;          /* the quoted words, without the marks */
  dyad_span speaker_span;  /* the mention of the speaker, len 0 if none */
  dyad_span cue_span;      /* the cue verb */
  char speaker[DYAD_CODE_MAX]; /* actor code of the speaker, "" if none */
  uint32_t flags;          /* 1: partial quote */
  int32_t speaker_phrase;  /* NP phrase index of the named speaker the
                              mention resolves to (through pronouns and
                              descriptions), -1 if none */
} dyad_quote;

const dyad_timex *dyad_doc_timexes(const dyad_doc *doc, size_t *n);
const dyad_place *dyad_doc_places(const dyad_doc *doc, size_t *n);
const dyad_quote *dyad_doc_quotes(const dyad_doc *doc, size_t *n);

/* A candidate a stage dropped as bad input: an impossible date ("February
 * 30"), a year out of range, a quotation mark never closed. Recorded only
 * when the ctx has DYAD_CFG_EXPLAIN; otherwise dyad_doc_skips gives 0. */
typedef struct dyad_skip {
  uint32_t sent;       /* sentence index */
  dyad_span span;      /* the words dropped */
  const char *stage;   /* "date" or "quote"; static */
  const char *reason;  /* why, in words; static */
} dyad_skip;

const dyad_skip *dyad_doc_skips(const dyad_doc *doc, size_t *n);

/* ==== store ============================================================= */

/* An event store: documents, sentences, events, actor mentions, quotes and
 * places in a database, with full-text search over sentences and titles.
 * Two backends share one schema (docs/schema.sql, docs/store.md): an
 * embedded SQLite file, or a PostgreSQL server for teams.
 *
 * A document is keyed by its id and the hash of its content. Putting the
 * same document twice stores nothing new; a changed document replaces its
 * old rows. Writes are batched into transactions (each document is atomic
 * inside its batch), so a crash loses at most the open batch and never
 * leaves half a document. One handle is used by one thread at a time. */
typedef struct dyad_store dyad_store;

enum {
  DYAD_STORE_READ = 0,         /* read-only: queries and --sql only */
  DYAD_STORE_WRITE = 1u << 0,  /* read-write; creates the schema if absent */
  DYAD_STORE_SYNC_OFF = 1u << 1 /* SQLite: skip fsync (bench/tests only) */
};

/* Opens a store. where is a file path for SQLite ("events.db", ":memory:")
 * or a "postgresql://" / "postgres://" URL (or "pg:" + libpq keywords,
 * "pg:host=/tmp dbname=x"). *out receives a handle even on failure (so
 * dyad_store_errmsg can explain it) unless memory ran out, in which case it
 * is NULL; the caller always closes a non-NULL *out. Returns DYAD_OK, or
 * DYAD_EDB when the database cannot be opened or its schema is not ours. */
dyad_status dyad_store_open(const char *where, size_t len, uint32_t flags,
                            dyad_store **out);

/* Commits the open batch (if any) and frees the handle. NULL is a no-op.
 * Returns DYAD_EDB if that last commit failed (the batch is then lost). */
dyad_status dyad_store_close(dyad_store *s);

/* Message for the most recent failure on s, "" if none. Owned by s. */
const char *dyad_store_errmsg(const dyad_store *s);

/* "sqlite" or "postgresql". */
const char *dyad_store_backend(const dyad_store *s);

/* What dyad_store_put (or dyad_store_lookup) found. */
typedef enum dyad_put_result {
  DYAD_PUT_NEW = 1,   /* the document was not stored before */
  DYAD_PUT_SAME,      /* stored with the same content (or stored by a
                         concurrent writer meanwhile): nothing written */
  DYAD_PUT_CHANGED    /* stored with other content: replaced */
} dyad_put_result;

/* Number of documents per transaction (default 200); 1 commits each one. */
void dyad_store_set_batch(dyad_store *s, unsigned ndocs);

/* Says what putting art would do, without analysing or writing anything:
 * lets a caller skip the analysis of documents already stored. An article
 * without an id is keyed by its content hash. */
dyad_status dyad_store_lookup(dyad_store *s, const dyad_article *art,
                              dyad_put_result *out);

/* Stores one analysed document: doc must have been analysed from art (art
 * gives the source, url and content hash; doc gives text, sentences,
 * events, quotes and places). CAMEO names, QuadClass and Goldstein values
 * come from the codebook of doc's ctx. The rows join the open batch. A
 * document refused (DYAD_EARG, DYAD_ETOOBIG) writes nothing and the batch
 * goes on; after a database error (DYAD_EDB) on SQLite the open batch is
 * rolled back (PostgreSQL rolls back that document alone).
 * OUT: *res (may be NULL). Returns DYAD_OK, DYAD_EARG for a record that
 * cannot be stored (bad id or spans), DYAD_EDB for a database error. */
dyad_status dyad_store_put(dyad_store *s, const dyad_article *art,
                           const dyad_doc *doc, dyad_put_result *res);

/* Commits the open batch now. */
dyad_status dyad_store_flush(dyad_store *s);

/* Counts of what the store holds (committed or in this handle's batch). */
typedef struct dyad_store_stats {
  uint64_t documents, sentences, events, actors, quotes, places;
} dyad_store_stats;
dyad_status dyad_store_stats_get(dyad_store *s, dyad_store_stats *out);

/* A filter. Strings are NUL-terminated; NULL or "" means "any". Code
 * filters are prefixes: source "RUS" matches RUS, RUSGOV, RUSMIL. */
typedef struct dyad_query {
  const char *source;  /* source actor code prefix */
  const char *target;  /* target actor code prefix */
  const char *code;    /* CAMEO code prefix ("19", "0234") */
  uint32_t quads;      /* bit (1 << q) keeps QuadClass q (1..4); 0: any */
  dyad_date from, to;  /* event date range, inclusive; 0: open */
  const char *text;    /* full-text words (all required), "quoted phrase" */
  const char *doc;     /* document id */
  uint64_t limit;      /* rows at most; 0: no limit */
  uint64_t offset;     /* listings: skip the first offset matches (a page
                          further on); 0: none */
} dyad_query;

/* One event as a query returns it. Strings are NUL-terminated and valid
 * only during the callback. */
typedef struct dyad_store_event {
  const char *doc;          /* document id */
  const char *title;        /* document title */
  uint32_t sent;            /* sentence index in the document */
  dyad_date date;           /* event date (the article date if none) */
  const char *source, *target, *code;
  const char *name;         /* CAMEO name, "" if not in the codebook */
  int quad;                 /* QuadClass 1..4, 0 if unknown */
  double goldstein;         /* valid when has_goldstein */
  int has_goldstein;
  const char *source_text;  /* the words naming the source, "" none */
  const char *target_text;
  const char *verb_text;
  const char *sentence;     /* the evidence sentence */
  const char *rule;         /* the coding rule, "" none */
  const char *place;        /* place name, "" none */
  const char *country;      /* ISO alpha-3 of the place, "" none */
  uint32_t flags;           /* DYAD_EVF_* */
} dyad_store_event;

/* Return non-zero from a callback to stop the query early (not an error). */
typedef int (*dyad_store_event_fn)(const dyad_store_event *ev, void *ud);

/* Calls fn for each event matching q, newest first (by event date, then
 * in the order documents were first stored, then in document order). q
 * may be NULL for all events. */
dyad_status dyad_store_query(dyad_store *s, const dyad_query *q,
                             dyad_store_event_fn fn, void *ud);

/* Aggregates. */
typedef enum dyad_period {
  DYAD_PERIOD_DAY = 1, DYAD_PERIOD_WEEK, DYAD_PERIOD_MONTH
} dyad_period;

typedef enum dyad_top {
  DYAD_TOP_ACTORS = 1, /* actor codes, as source or target */
  DYAD_TOP_DYADS,      /* "SOURCE:TARGET" pairs */
  DYAD_TOP_CODES       /* CAMEO codes (name filled) */
} dyad_top;

/* One aggregate row. */
typedef struct dyad_store_agg {
  const char *key;        /* period start ("2023-03-20", "2023-03"), code,
                             or "SRC:TGT" */
  const char *name;       /* CAMEO name for DYAD_TOP_CODES, else "" */
  uint64_t count;         /* events */
  uint64_t quad[5];       /* quad[1..4]: events per QuadClass; [0] unknown */
  double goldstein;       /* mean Goldstein of the events that have one */
  int has_goldstein;
} dyad_store_agg;

typedef int (*dyad_store_agg_fn)(const dyad_store_agg *row, void *ud);

/* Events matching q counted per day, ISO week (keyed by its Monday) or
 * month, in date order. Events without a date are left out. */
dyad_status dyad_store_count_by(dyad_store *s, const dyad_query *q,
                                dyad_period p, dyad_store_agg_fn fn,
                                void *ud);

/* The same for an actor (a code prefix) on either side, each event counted
 * once; q's other filters apply (q->source and q->target must be unset). */
dyad_status dyad_store_count_by_actor(dyad_store *s, const dyad_query *q,
                                      const char *actor, dyad_period p,
                                      dyad_store_agg_fn fn, void *ud);

/* The most frequent actors, dyads or codes among events matching q, most
 * frequent first (ties by key); q->limit rows (0: 20). */
dyad_status dyad_store_top(dyad_store *s, const dyad_query *q, dyad_top what,
                           dyad_store_agg_fn fn, void *ud);

/* One row of a --sql result: ncol values (NULL for SQL NULL) and names. */
typedef int (*dyad_store_row_fn)(int ncol, const char *const *names,
                                 const char *const *values, void *ud);

/* Runs one read-only SQL statement (no parameters) and calls fn for each
 * row (and once with values NULL before the first row, to give the column
 * names). A statement that would write is refused (DYAD_EARG): SQLite
 * checks sqlite3_stmt_readonly on a read-only connection; PostgreSQL runs
 * it inside a READ ONLY transaction that is rolled back. An open write
 * batch on s is committed first. */
dyad_status dyad_store_sql(dyad_store *s, const char *sql, size_t len,
                           dyad_store_row_fn fn, void *ud);

/* Parses "day|week|month" and "actors|dyads|codes"; 0 when unknown. */
dyad_period dyad_period_parse(const char *s, size_t len);
dyad_top dyad_top_parse(const char *s, size_t len);

/* ==== output ============================================================ */

/* A growable output buffer owned by the caller. ptr is always
 * NUL-terminated once anything was written. */
typedef struct dyad_buf {
  char *ptr;  /* bytes */
  size_t len; /* bytes used */
  size_t cap; /* bytes allocated */
} dyad_buf;

void dyad_buf_release(dyad_buf *b);

/* Appends the doc's events (and quotes, when analysed) as JSON Lines, then
 * one {"type":"skip",...} record per dyad_doc_skips entry. */
dyad_status dyad_doc_write_jsonl(const dyad_doc *doc, dyad_buf *out);
/* Appends the doc's events as GDELT-style TSV rows (no header). */
dyad_status dyad_doc_write_tsv(const dyad_doc *doc, dyad_buf *out);
/* The TSV header row, with its newline. */
const char *dyad_tsv_header(void);
/* Appends the parse (tokens, sentences, phrases, clauses) as text or JSON. */
dyad_status dyad_doc_write_parse(const dyad_doc *doc, int json, dyad_buf *out);

/* ==== dictionaries ====================================================== */

/* Formats of dictionary files (data/README.md; PETRARCH2/TABARI files). */
typedef enum dyad_dict_format {
  DYAD_DICT_AUTO = 0,        /* sniff from the content */
  DYAD_DICT_NATIVE,          /* dyad's own format */
  DYAD_DICT_PETR_VERBS,      /* PETRARCH2 / TABARI verb patterns */
  DYAD_DICT_PETR_ACTORS,     /* PETRARCH actors with dated codes */
  DYAD_DICT_PETR_AGENTS,     /* PETRARCH agents ([~GOV], !SET!) */
  DYAD_DICT_PETR_DISCARDS    /* PETRARCH discard phrases */
} dyad_dict_format;

/* Parses "auto", "native", "petrarch-verbs", "petrarch-actors",
 * "petrarch-agents", "petrarch-discards". Returns -1 when unknown. */
int dyad_dict_format_parse(const char *s, size_t len);

/* Loads only the default dictionaries and the CAMEO codebook from the data
 * directory (what `dyad dict` needs; dyad_ctx_load_defaults includes it).
 * Idempotent. */
dyad_status dyad_ctx_load_dictionaries(dyad_ctx *ctx);

/* Loads one more dictionary file (a user's --dict): its entries override
 * the default data for the same phrase and kind, whether loaded before or
 * after dyad_ctx_load_defaults, and earlier user files. A native
 * file's kind comes from its name (actors*, agents*, verbs*, nouns*,
 * cues*, or a folder of that name) or from section lines ("[actors]").
 * With DYAD_DICT_AUTO, path may start with a format name and a colon
 * ("petrarch-verbs:CAMEO.2.0.txt"); otherwise the format is sniffed.
 * Malformed lines are skipped and recorded (dyad_ctx_dict_problems) unless
 * the ctx is DYAD_CFG_STRICT, where the first one fails with DYAD_EDICT.
 * Also DYAD_EIO (unreadable file), DYAD_EDICT (format not recognised). */
dyad_status dyad_ctx_load_dict(dyad_ctx *ctx, const char *path, size_t len,
                               int format);

/* Counts over everything loaded into a ctx. */
typedef struct dyad_dict_stats {
  size_t actors;             /* live actor entries */
  size_t actor_types[9];     /* by type: none, country, adj, capital,
                                person, igo, group, bloc, org */
  size_t actor_codes;        /* codes of live actors (dated or not) */
  size_t actor_dated;        /* of which dated */
  size_t agents, nouns, cues, discards;  /* live entries */
  size_t verb_lemmas;        /* verbs with at least one pattern */
  size_t verb_patterns;      /* live (verb, pattern) pairs */
  size_t pattern_roots[21];  /* patterns by CAMEO root: [0] no event or
                                unknown root, [1..20] roots 01..20 */
  size_t synsets, verb_blocks, verb_lines; /* PETRARCH verb files */
  size_t pattern_lines;      /* pattern lines read */
  size_t transforms;         /* PETRARCH ~ lines (counted, not applied) */
  size_t codebook;           /* codes in the CAMEO codebook */
  size_t files, lines;       /* dictionary files and entry lines read */
  size_t skipped;            /* malformed lines skipped */
  size_t problems, errors;   /* recorded problems, of which errors */
} dyad_dict_stats;

/* Name of an actor type index ("country"); "" for 0 or out of range. */
const char *dyad_dict_actor_type(int type);

/* Fills OUT: *out. Never fails on a valid ctx (all zero before loading). */
dyad_status dyad_ctx_dict_stats(const dyad_ctx *ctx, dyad_dict_stats *out);

/* The problems recorded while loading, "file:line: message" (warnings
 * read "file:line: warning: ..."). OUT: *list, owned by ctx. Returns the
 * count. */
size_t dyad_ctx_dict_problems(const dyad_ctx *ctx, const char *const **list);

/* Appends to out, one line each, every dictionary entry the phrase text
 * matches (actors, agents, nouns, cues, discards: longest match at each
 * word; verbs: patterns of each word taken as a verb lemma), with its
 * codes and date ranges, the code chosen for date (0: undated), and its
 * rule "file:line". Returns DYAD_ENOMEM or DYAD_OK; *nfound (may be NULL)
 * gets the number of entries shown. */
dyad_status dyad_ctx_dict_lookup(const dyad_ctx *ctx, const char *text,
                                 size_t len, dyad_date date, dyad_buf *out,
                                 size_t *nfound);

/* Lints what is loaded: appends "file:line: problem" lines to out (load
 * problems, duplicates, conflicting codes, event codes not in the
 * codebook or with an unknown root, malformed actor codes, overlapping
 * date ranges with different codes). OUT: *errors, *warnings. */
dyad_status dyad_ctx_dict_check(const dyad_ctx *ctx, dyad_buf *out,
                                size_t *errors, size_t *warnings);

/* ==== validation ======================================================== */

typedef struct dyad_validate_opts {
  const char *dicts_dir; /* NULL: the validation file's folder */
  const char *data_dir;  /* NULL: the default data path (lexicon) */
  int list_misses;       /* append each missed record to the report */
} dyad_validate_opts;

typedef struct dyad_validate_result {
  unsigned records;  /* <Sentence> records coded */
  unsigned exact;    /* records whose events equal the expected set */
  unsigned expected; /* expected events (distinct per record) */
  unsigned produced; /* events produced (distinct per record) */
  unsigned correct;  /* produced events that were expected */
} dyad_validate_result;

/* Runs a PETRARCH validation file: loads the dictionaries its
 * <Environment> names (from its folder, or opts->dicts_dir), codes each
 * record's raw <Text> (never its <Parse>) and compares the events with its
 * <EventCoding> elements. Appends a report (per-category and total counts
 * of exact records, event precision and recall, and with list_misses each
 * missed record with what was produced) to report. OUT: *out when not
 * NULL. Returns DYAD_OK, or the failure that stopped the run (the report
 * then ends with "error: ..."). */
dyad_status dyad_validate_file(const char *path, size_t len,
                               const dyad_validate_opts *opts,
                               dyad_buf *report, dyad_validate_result *out);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
