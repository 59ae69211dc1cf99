/*
 * store.h: the event store's internal interface. Two backends (sqlite.c,
 * pg.c) sit behind one small vtable; everything else (schema, ingest,
 * query building, result decoding) is shared and written once against it.
 *
 * Invariants:
 * - only sqlite.c includes sqlite3.h and only pg.c includes libpq-fe.h;
 * - shared code writes SQL with '?' placeholders and never puts a value
 *   into SQL text: every value travels as a typed parameter (pg.c turns
 *   the '?' marks into $1, $2, ...);
 * - backends hand rows back as text (NULL for SQL NULL), so decoding and
 *   formatting are the same for both and results match byte for byte.
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include "../internal.h"

/* SQL dialects: the few places where the text of a statement differs. */
enum { DYAD__SQLITE = 1, DYAD__PG = 2 };

/* Parameter types. A NULL value keeps its type (PostgreSQL prepares each
 * statement with fixed parameter types). */
enum { DYAD__V_INT = 1, DYAD__V_REAL, DYAD__V_TEXT, DYAD__V_DATE };

struct dyad__val {
  int type;         /* DYAD__V_* */
  int isnull;       /* SQL NULL */
  int64_t i;        /* INT, and DATE as YYYYMMDD */
  double d;         /* REAL */
  const char *s;    /* TEXT: bytes, need not be NUL-terminated */
  size_t len;       /* TEXT: length in bytes */
};

/* Receives one result row: ncol values as NUL-terminated text, NULL for
 * SQL NULL. Returns 0 to go on, non-zero to stop. */
typedef int (*dyad__row_fn)(void *ud, int ncol, const char *const *vals);

/* Prepared statements kept by the backends, one per slot. */
enum {
  DYAD__Q_LOOKUP,
  DYAD__Q_DOC_INSERT,
  DYAD__Q_DOC_UPDATE,
  DYAD__Q_DEL_ACTORS,
  DYAD__Q_DEL_EVENTS,
  DYAD__Q_DEL_SENTS,
  DYAD__Q_DEL_QUOTES,
  DYAD__Q_DEL_PLACES,
  DYAD__Q_INS_SENT,     /* + k - 1: k rows at once (k = 1..DYAD__MULTI) */
  DYAD__Q_INS_SENT_END = DYAD__Q_INS_SENT + 7,
  DYAD__Q_INS_EVENT,
  DYAD__Q_INS_ACTOR,
  DYAD__Q_INS_QUOTE,    /* + k - 1: k rows at once */
  DYAD__Q_INS_QUOTE_END = DYAD__Q_INS_QUOTE + 7,
  DYAD__Q_INS_PLACE,    /* + k - 1: k rows at once */
  DYAD__Q_INS_PLACE_END = DYAD__Q_INS_PLACE + 7,
  DYAD__Q_INS_CODE,
  DYAD__Q_FTS_DEL_SENTS,
  DYAD__Q_FTS_DEL_DOC,
  DYAD__Q_FTS_ADD_DOC,
  DYAD__Q_FTS_ADD_SENTS,
  DYAD__Q_OLD_EVENTS,
  DYAD__Q_SUM_DAY,
  DYAD__Q_SUM_DYAD,
  DYAD__Q_SUM_ACTOR,
  DYAD__Q_SUM_CODE,
  DYAD__Q_SUM_ACTOR_DAY,
  DYAD__Q_SUM_DYAD_YEAR,
  DYAD__NSLOTS
};

struct dyad_store;

struct dyad__store_ops {
  const char *name; /* "sqlite", "postgresql" */
  int dialect;      /* DYAD__SQLITE or DYAD__PG */
  /* Runs SQL without parameters or rows; may hold several statements. */
  dyad_status (*exec)(struct dyad_store *s, const char *sql);
  /* Runs one statement with parameters; slot >= 0 keeps it prepared under
   * that slot (the same sql every time), slot < 0 prepares it once. fn may
   * be NULL when no rows are wanted. */
  dyad_status (*run)(struct dyad_store *s, int slot, const char *sql,
                     const struct dyad__val *p, int np, dyad__row_fn fn,
                     void *ud);
  /* Runs user SQL read-only (see dyad_store_sql). */
  dyad_status (*sql_readonly)(struct dyad_store *s, const char *sql,
                              size_t len, dyad_store_row_fn fn, void *ud);
  /* SQLite: the id of the row the last INSERT wrote, 0 when it wrote
   * none (a function call where a statement would cost as much as the
   * insert's own overhead); NULL on PostgreSQL (RETURNING instead). */
  int64_t (*inserted_id)(struct dyad_store *s);
  /* Frees the connection and statements (no commit). */
  void (*close)(struct dyad_store *s);
};

/* Rows one INSERT writes at most (sentences, places): a statement's fixed
 * cost (start, halt, autoincrement bookkeeping) is paid once for them. */
#define DYAD__MULTI 8

/* SQLite: the id of a document's sentence, place or quote idx is
 * doc_id * DYAD__CHILD_IDS + idx (schema version 4: those tables are keyed
 * by (doc_id, idx), and sentence ids are the full-text index's rowids).
 * A document has fewer children of each kind (validate() checks) and
 * documents.id stays below DYAD__MAX_DOC_ID, so ids fit 63 bits. */
#define DYAD__CHILD_IDS ((int64_t)1 << 24)
#define DYAD__CHILD_IDS_SQL "16777216" /* the same, in SQL text */
#define DYAD__MAX_DOC_ID ((int64_t)1 << 38)

#define DYAD__CODESET 1024 /* slots of the set of codes already upserted */

/* The summary tables (schema.c). */
enum {
  DYAD__SUM_DAY = 1, DYAD__SUM_DYAD, DYAD__SUM_ACTOR, DYAD__SUM_CODE,
  DYAD__SUM_ACTOR_DAY, DYAD__SUM_DYAD_YEAR /* SQLite only (version 5) */
};

/* One change to a summary table row, kept until the batch commits. */
struct dyad__delta {
  int kind;                /* DYAD__SUM_* */
  int quad;
  int64_t day;             /* DAY, ACTOR_DAY: YYYYMMDD; DYAD_YEAR: YYYY */
  char a[DYAD_CODE_MAX];   /* DYAD: source; ACTOR: actor; CODE: code;
                              ACTOR_DAY: a side's code */
  char b[DYAD_CODE_MAX];   /* DYAD, DYAD_YEAR: target */
  int64_t n, g6, gn;       /* events, Goldstein sum in millionths, scored */
};

/* The content hashes of the articles looked up most recently, with a copy
 * of what was hashed (store.c: remember_hash, recall_hash). */
#define DYAD__MEMO 32
struct dyad__memo {
  char *buf;        /* the hashed fields, one after another */
  size_t len, cap;  /* bytes used (0: empty), allocated */
  int32_t date;     /* the article date */
  char hash[33];
};

struct dyad_store {
  const struct dyad__store_ops *ops; /* the backend */
  void *be;                 /* backend connection state, owned */
  uint32_t flags;           /* DYAD_STORE_* */
  unsigned batch;           /* documents per transaction */
  unsigned pending;         /* documents put in the open transaction */
  int in_tx;                /* a batch transaction is open */
  int64_t fts_doc;          /* SQLite: documents.id (and their
                               sentences) indexed up to here */
  char codes[DYAD__CODESET][8]; /* codes upserted by this handle */
  struct dyad__delta *deltas; /* summary changes of the open batch */
  size_t ndeltas, capdeltas;
  dyad_buf tmp;             /* scratch for SQL text and keys */
  struct dyad__memo memo[DYAD__MEMO]; /* recent lookups' hashes */
  unsigned memo_next;       /* the entry the next lookup replaces */
  char *multi[3][DYAD__MULTI]; /* INSERT text for k sentences, places,
                                   quotes */
  char errmsg[512];         /* most recent failure */
};

/* Commits the open write batch, if any (queries call it first so that
 * they see, and full-text search covers, everything put so far). */
dyad_status dyad__store_commit(struct dyad_store *s);

/* Records a failure message and returns st. */
dyad_status dyad__store_error(struct dyad_store *s, dyad_status st,
                              const char *fmt, ...) DYAD_PRINTF(3, 4);

/* Backend openers: fill s->be and s->ops, create the schema when writing.
 * target is the path (sqlite) or the libpq connection string (pg). */
dyad_status dyad__sqlite_open(struct dyad_store *s, const char *target);
dyad_status dyad__pg_open(struct dyad_store *s, const char *target);

/* The schema for a dialect: NULL-terminated list of statements
 * (schema.c). docs/schema.sql holds the SQLite list verbatim. */
const char *const *dyad__schema(int dialect);
/* Schema version stored in the meta table. */
#define DYAD__SCHEMA_VERSION "5"

/* The statements that bring a store of version `from` up to the current
 * one: post = 0 those to run before the schema statements, post = 1 those
 * after. NULL when there is no way up from that version. */
const char *const *dyad__schema_upgrade(int dialect, const char *from,
                                        int post);

/* Value builders. */
static inline struct dyad__val dyad__int(int64_t i)
{
  struct dyad__val v = {DYAD__V_INT, 0, i, 0, NULL, 0};
  return v;
}
static inline struct dyad__val dyad__real(double d, int isnull)
{
  struct dyad__val v = {DYAD__V_REAL, isnull, 0, d, NULL, 0};
  return v;
}
static inline struct dyad__val dyad__text(const char *p, size_t len)
{
  struct dyad__val v = {DYAD__V_TEXT, 0, 0, 0, p ? p : "", p ? len : 0};
  return v;
}
static inline struct dyad__val dyad__date(dyad_date d)
{
  struct dyad__val v = {DYAD__V_DATE, d == 0, d, 0, NULL, 0};
  return v;
}

/* Writes "YYYY-MM-DD" for a date parameter into buf (11 bytes). */
void dyad__store_datestr(int64_t d, char buf[11]);

/* 128-bit content hash of an article, as 32 hex digits and a NUL. */
void dyad__store_hash(const dyad_article *art, char out[33]);

#endif /* DYAD_STORE_H */
