/*
 * sqlite.c: the embedded SQLite backend of the event store, and the only
 * file that includes sqlite3.h.
 *
 * A writable store runs in WAL mode (readers never block the writer, a
 * killed writer leaves the last committed batch intact) with
 * synchronous=NORMAL (durable at checkpoints; a power cut may lose the
 * last batches but never corrupts), a 10 s busy timeout, and foreign keys
 * off (store.c deletes children itself). A read-only store is opened with
 * SQLITE_OPEN_READONLY, ATTACH is disabled, and user SQL must pass
 * sqlite3_stmt_readonly.
 *
 * Before SQLite initialises, dyad turns its memory statistics off, once
 * per process (pthread_once; SQLite ignores it when the program
 * initialised SQLite first): they put a process-wide mutex around every
 * allocation, a tenth of an ingest's store work and a lock that all the
 * server's threads would share. The once flag is the only global here.
 */
#include "store.h"

#include <pthread.h>
#include <sqlite3.h>

enum { EXEC_CACHE = 8, STMT_CACHE = 16 };

struct sq {
  sqlite3 *db;                         /* the connection */
  sqlite3_stmt *stmts[DYAD__NSLOTS];   /* prepared statements by slot */
  /* exec statements run again and again (SAVEPOINT doc, RELEASE, BEGIN,
   * COMMIT: four per document or batch), kept prepared by their text */
  sqlite3_stmt *execs[EXEC_CACHE];
  int nexecs;
  /* one-off statements (queries built per call) kept by their text, the
   * least recently used one replaced: a server asks the same shapes of
   * query again and again, and preparing one costs as much as running a
   * selective one */
  sqlite3_stmt *cache[STMT_CACHE];
  unsigned used[STMT_CACHE];
  unsigned tick;
};

/* A prepared statement for sql from the cache, or a fresh one put there.
 * NULL (with the connection's error) when it does not prepare. */
static sqlite3_stmt *cached_stmt(struct sq *q, const char *sql)
{
  int lru = 0;
  for (int i = 0; i < STMT_CACHE; i++) {
    if (q->cache[i] && strcmp(sqlite3_sql(q->cache[i]), sql) == 0) {
      q->used[i] = ++q->tick;
      return q->cache[i];
    }
    if (!q->cache[i] || q->used[i] < q->used[lru])
      lru = i;
  }
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v3(q->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
                         NULL) != SQLITE_OK || !st)
    return NULL;
  sqlite3_finalize(q->cache[lru]);
  q->cache[lru] = st;
  q->used[lru] = ++q->tick;
  return st;
}

static dyad_status dberr(struct dyad_store *s, sqlite3 *db, const char *what)
{
  return dyad__store_error(s, DYAD_EDB, "%s: %s", what,
                           db ? sqlite3_errmsg(db) : "out of memory");
}

/* The kept statement for sql, preparing it when it is one short
 * transaction statement and there is room; NULL to run it with
 * sqlite3_exec. */
static sqlite3_stmt *exec_stmt(struct sq *q, const char *sql)
{
  for (int i = 0; i < q->nexecs; i++)
    if (strcmp(sqlite3_sql(q->execs[i]), sql) == 0)
      return q->execs[i];
  static const char *const kept[] = {"SAVEPOINT ", "RELEASE ", "ROLLBACK",
                                     "BEGIN", "COMMIT"};
  int keep = 0;
  for (size_t i = 0; i < DYAD_ARRAY_LEN(kept); i++)
    keep |= strncmp(sql, kept[i], strlen(kept[i])) == 0;
  if (!keep || q->nexecs >= EXEC_CACHE || strlen(sql) > 32)
    return NULL;
  sqlite3_stmt *st = NULL;
  const char *tail = NULL;
  if (sqlite3_prepare_v3(q->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
                         &tail) != SQLITE_OK ||
      !st || (tail && *tail)) {
    sqlite3_finalize(st);
    return NULL;
  }
  q->execs[q->nexecs++] = st;
  return st;
}

static dyad_status sq_exec(struct dyad_store *s, const char *sql)
{
  struct sq *q = s->be;
  sqlite3_stmt *st = exec_stmt(q, sql);
  if (st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
      return DYAD_OK;
    return dberr(s, q->db, "statement failed");
  }
  char *err = NULL;
  if (sqlite3_exec(q->db, sql, NULL, NULL, &err) != SQLITE_OK) {
    dyad__store_error(s, DYAD_EDB, "%s", err ? err : "sqlite error");
    sqlite3_free(err);
    return DYAD_EDB;
  }
  return DYAD_OK;
}

static int bind(sqlite3_stmt *st, const struct dyad__val *p, int np)
{
  for (int i = 0; i < np; i++) {
    int rc;
    char date[11];
    if (p[i].isnull) {
      rc = sqlite3_bind_null(st, i + 1);
      continue;
    }
    switch (p[i].type) {
    case DYAD__V_INT:
      rc = sqlite3_bind_int64(st, i + 1, p[i].i);
      break;
    case DYAD__V_REAL:
      rc = sqlite3_bind_double(st, i + 1, p[i].d);
      break;
    case DYAD__V_DATE:
      dyad__store_datestr(p[i].i, date);
      rc = sqlite3_bind_text(st, i + 1, date, 10, SQLITE_TRANSIENT);
      break;
    default:
      rc = sqlite3_bind_text64(st, i + 1, p[i].s, p[i].len, SQLITE_STATIC,
                               SQLITE_UTF8);
      break;
    }
    if (rc != SQLITE_OK)
      return rc;
  }
  return SQLITE_OK;
}

/* Steps a bound statement through its rows, handing each to fn as text. */
static dyad_status step_rows(struct dyad_store *s, sqlite3_stmt *st,
                             dyad__row_fn fn, void *ud)
{
  struct sq *q = s->be;
  const char *vals[64];
  for (;;) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
      return DYAD_OK;
    if (rc != SQLITE_ROW)
      return dberr(s, q->db, "query failed");
    if (!fn)
      continue;
    int n = sqlite3_column_count(st);
    if (n > 64)
      n = 64;
    for (int i = 0; i < n; i++)
      vals[i] = (const char *)sqlite3_column_text(st, i);
    if (fn(ud, n, vals))
      return DYAD_OK;
  }
}

/* Prepares a slot statement (store.c's own writes). One that begins
 * "INSERT INTO" is prepared as "INSERT OR FAIL INTO": with the default
 * ABORT, a statement that may write several rows (several VALUES, INSERT
 * ... SELECT, an AUTOINCREMENT table) copies every page it touches to a
 * statement journal first, so that it can undo itself; FAIL keeps the
 * rows written before a failure, which costs nothing here since a failure
 * while writing rolls back the whole batch (store.c). */
static sqlite3_stmt *prepare_write(struct sq *q, const char *sql)
{
  static const char ins[] = "INSERT INTO ";
  char *alt = NULL;
  if (strncmp(sql, ins, sizeof(ins) - 1) == 0) {
    size_t n = strlen(sql);
    alt = malloc(n + 9);
    if (!alt)
      return NULL;
    memcpy(alt, "INSERT OR FAIL INTO ", 20);
    memcpy(alt + 20, sql + sizeof(ins) - 1, n - (sizeof(ins) - 1) + 1);
  }
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v3(q->db, alt ? alt : sql, -1,
                         SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
    st = NULL;
  free(alt);
  return st;
}

static dyad_status sq_run(struct dyad_store *s, int slot, const char *sql,
                          const struct dyad__val *p, int np, dyad__row_fn fn,
                          void *ud)
{
  struct sq *q = s->be;
  sqlite3_stmt *st = slot >= 0 ? q->stmts[slot] : cached_stmt(q, sql);
  if (!st && slot >= 0) {
    st = prepare_write(q, sql);
    if (!st)
      return dberr(s, q->db, "cannot prepare statement");
    q->stmts[slot] = st;
  }
  if (!st)
    return dberr(s, q->db, "cannot prepare statement");
  dyad_status ret;
  if (bind(st, p, np) != SQLITE_OK)
    ret = dberr(s, q->db, "cannot bind");
  else
    ret = step_rows(s, st, fn, ud);
  /* no sqlite3_clear_bindings: every run binds all of a statement's
   * parameters (one sql text, one parameter count), so stale ones are
   * never read, and clearing them cost a tenth of the binding work */
  sqlite3_reset(st);
  return ret;
}

static int64_t sq_inserted_id(struct dyad_store *s)
{
  struct sq *q = s->be;
  return sqlite3_changes(q->db) > 0 ? sqlite3_last_insert_rowid(q->db) : 0;
}

/* Runs one user statement on the read-only connection. Only a statement
 * that sqlite3_stmt_readonly accepts runs; text after it is refused. */
static dyad_status sq_sql_readonly(struct dyad_store *s, const char *sql,
                                   size_t len, dyad_store_row_fn fn, void *ud)
{
  struct sq *q = s->be;
  sqlite3_stmt *st = NULL;
  const char *tail = NULL;
  if (len > INT32_MAX)
    return dyad__store_error(s, DYAD_EARG, "statement too long");
  if (sqlite3_prepare_v2(q->db, sql, (int)len, &st, &tail) != SQLITE_OK)
    return dberr(s, q->db, "bad sql");
  if (!st)
    return dyad__store_error(s, DYAD_EARG, "empty statement");
  dyad_status ret = DYAD_OK;
  for (const char *t = tail; t && t < sql + len; t++) {
    if (*t != ' ' && *t != '\n' && *t != '\t' && *t != '\r' && *t != ';') {
      ret = dyad__store_error(s, DYAD_EARG, "only one statement is allowed");
      break;
    }
  }
  if (ret == DYAD_OK && !sqlite3_stmt_readonly(st))
    ret = dyad__store_error(s, DYAD_EARG, "only read-only statements are "
                                          "allowed");
  if (ret == DYAD_OK) {
    int n = sqlite3_column_count(st);
    if (n > 256)
      n = 256;
    const char *names[256];
    const char *vals[256];
    for (int i = 0; i < n; i++)
      names[i] = sqlite3_column_name(st, i);
    if (fn(n, names, NULL, ud) == 0) {
      for (;;) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
          break;
        if (rc != SQLITE_ROW) {
          ret = dberr(s, q->db, "query failed");
          break;
        }
        for (int i = 0; i < n; i++)
          vals[i] = (const char *)sqlite3_column_text(st, i);
        if (fn(n, names, vals, ud))
          break;
      }
    }
  }
  sqlite3_finalize(st);
  return ret;
}

static void sq_close(struct dyad_store *s)
{
  struct sq *q = s->be;
  if (!q)
    return;
  for (int i = 0; i < DYAD__NSLOTS; i++)
    sqlite3_finalize(q->stmts[i]);
  for (int i = 0; i < q->nexecs; i++)
    sqlite3_finalize(q->execs[i]);
  for (int i = 0; i < STMT_CACHE; i++)
    sqlite3_finalize(q->cache[i]);
  sqlite3_close(q->db);
  free(q);
  s->be = NULL;
}

static const struct dyad__store_ops sqlite_ops = {
    "sqlite", DYAD__SQLITE,    sq_exec,  sq_run,
    sq_sql_readonly, sq_inserted_id, sq_close,
};

static pthread_once_t config_once = PTHREAD_ONCE_INIT;

static void config(void)
{
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

dyad_status dyad__sqlite_open(struct dyad_store *s, const char *target)
{
  pthread_once(&config_once, config);
  struct sq *q = calloc(1, sizeof(*q));
  if (!q)
    return dyad__store_error(s, DYAD_ENOMEM, "out of memory");
  s->be = q;
  s->ops = &sqlite_ops;
  int wr = (s->flags & DYAD_STORE_WRITE) != 0;
  int fl = wr ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
              : SQLITE_OPEN_READONLY;
  if (sqlite3_open_v2(target, &q->db, fl | SQLITE_OPEN_NOMUTEX, NULL) !=
      SQLITE_OK)
    return dyad__store_error(s, DYAD_EDB, "cannot open '%s': %s", target,
                             q->db ? sqlite3_errmsg(q->db) : "out of memory");
  sqlite3_busy_timeout(q->db, 10000);
  sqlite3_extended_result_codes(q->db, 1);
  /* reads through a memory map (up to 1 GiB) instead of a read() per page */
  dyad_status st = sq_exec(s, "PRAGMA mmap_size = 1073741824");
  if (st != DYAD_OK)
    return st;
  if (!wr) {
    sqlite3_limit(q->db, SQLITE_LIMIT_ATTACHED, 0);
    return sq_exec(s, "PRAGMA query_only = 1");
  }
  /* A new store gets 16 KiB pages (an existing one keeps its size): a
   * quarter of the write calls of 4 KiB pages for the same bytes, and 3%
   * less b-tree work on an ingest (fewer cells moved per page filled). */
  st = sq_exec(s, "PRAGMA page_size = 16384");
  if (st == DYAD_OK)
    st = sq_exec(s, "PRAGMA journal_mode = WAL");
  if (st == DYAD_OK)
    st = sq_exec(s, (s->flags & DYAD_STORE_SYNC_OFF)
                        ? "PRAGMA synchronous = OFF"
                        : "PRAGMA synchronous = NORMAL");
  if (st == DYAD_OK)
    st = sq_exec(s, "PRAGMA foreign_keys = OFF");
  /* A batch touches many index pages: keep them in memory (64 MiB) and
   * keep savepoint journals in memory rather than in temporary files. */
  if (st == DYAD_OK)
    st = sq_exec(s, "PRAGMA cache_size = -65536");
  if (st == DYAD_OK)
    st = sq_exec(s, "PRAGMA temp_store = MEMORY");
  return st;
}
