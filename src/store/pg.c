/*
 * pg.c: the PostgreSQL backend of the event store, and the only file that
 * includes libpq-fe.h.
 *
 * Statements arrive with '?' placeholders (store.h) and are rewritten to
 * $1, $2, ... here; shared SQL never holds a '?' inside a string literal.
 * Parameters go with explicit types: text in binary format (raw bytes with
 * a length, so no NUL terminator and no escaping is needed), numbers and
 * dates as text. Slot statements are prepared once per connection, and
 * those that return no rows run in libpq's pipeline mode: they are sent
 * without waiting, and the next synchronous call collects their results.
 *
 * A read-only store sets default_transaction_read_only for its session;
 * user SQL additionally runs alone (extended protocol: one statement) in a
 * READ ONLY transaction that is rolled back. libpq notices are swallowed:
 * the library never prints.
 */
#include "store.h"

#include <libpq-fe.h>

/* Type OIDs from pg_type (stable across PostgreSQL versions). */
enum { OID_INT8 = 20, OID_TEXT = 25, OID_FLOAT8 = 701, OID_DATE = 1082 };

#define PG_MAXP 96 /* parameters per statement (8 rows of 11 places columns) */

#define PG_QUEUE_MAX 256 /* statements in flight before a forced drain */

struct pg {
  PGconn *conn;                  /* the connection */
  char prepared[DYAD__NSLOTS];   /* slot statement prepared */
  dyad_buf sql;                  /* '?' rewritten to $n */
  int queued;                    /* statements sent in pipeline mode */
};

static dyad_status pgerr(struct dyad_store *s, const char *what,
                         const char *msg)
{
  /* libpq messages end in a newline; drop it. */
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
    n--;
  return dyad__store_error(s, DYAD_EDB, "%s: %.*s", what, (int)n, msg);
}

static void quiet(void *arg, const char *message)
{
  DYAD_UNUSED(arg);
  DYAD_UNUSED(message);
}

static int result_ok(PGresult *r)
{
  ExecStatusType t = PQresultStatus(r);
  return t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK;
}

/* Ends pipeline mode: waits for every queued statement and returns the
 * first failure among them (later ones were skipped by the server). Each
 * synchronous call drains first, so errors surface in order: at the
 * latest at the RELEASE SAVEPOINT that closes the document. */
static dyad_status drain(struct dyad_store *s)
{
  struct pg *g = s->be;
  if (PQpipelineStatus(g->conn) == PQ_PIPELINE_OFF)
    return DYAD_OK;
  dyad_status st = DYAD_OK;
  if (!PQpipelineSync(g->conn))
    st = pgerr(s, "postgresql", PQerrorMessage(g->conn));
  for (int done = st != DYAD_OK; !done;) {
    PGresult *r = PQgetResult(g->conn);
    if (!r) {
      if (PQstatus(g->conn) != CONNECTION_OK) {
        st = pgerr(s, "postgresql", PQerrorMessage(g->conn));
        break;
      }
      continue; /* end of one statement's results */
    }
    ExecStatusType t = PQresultStatus(r);
    if (t == PGRES_PIPELINE_SYNC)
      done = 1;
    else if (t == PGRES_FATAL_ERROR && st == DYAD_OK)
      st = pgerr(s, "postgresql", PQresultErrorMessage(r));
    PQclear(r);
  }
  g->queued = 0;
  if (!PQexitPipelineMode(g->conn) && st == DYAD_OK)
    st = pgerr(s, "postgresql", PQerrorMessage(g->conn));
  return st;
}

static dyad_status pg_exec(struct dyad_store *s, const char *sql)
{
  struct pg *g = s->be;
  dyad_status dst = drain(s);
  if (dst != DYAD_OK)
    return dst;
  PGresult *r = PQexec(g->conn, sql);
  dyad_status st = DYAD_OK;
  if (!result_ok(r))
    st = pgerr(s, "postgresql", PQerrorMessage(g->conn));
  PQclear(r);
  return st;
}

/* Rewrites '?' placeholders to $1..$n into g->sql. */
static int rewrite(struct pg *g, const char *sql)
{
  g->sql.len = 0;
  int n = 0;
  for (const char *p = sql; *p; p++) {
    if (*p == '?') {
      char num[16];
      int w = snprintf(num, sizeof(num), "$%d", ++n);
      if (dyad__buf_add(&g->sql, num, (size_t)w))
        return -1;
    } else if (dyad__buf_addc(&g->sql, *p)) {
      return -1;
    }
  }
  if (!g->sql.ptr && dyad__buf_add(&g->sql, "", 0))
    return -1;
  return 0;
}

static dyad_status pg_run(struct dyad_store *s, int slot, const char *sql,
                          const struct dyad__val *p, int np, dyad__row_fn fn,
                          void *ud)
{
  struct pg *g = s->be;
  if (np > PG_MAXP)
    return dyad__store_error(s, DYAD_EARG, "too many parameters");
  Oid types[PG_MAXP];
  const char *vals[PG_MAXP];
  int lens[PG_MAXP], fmts[PG_MAXP];
  char num[PG_MAXP][32];
  for (int i = 0; i < np; i++) {
    lens[i] = 0;
    fmts[i] = 0;
    switch (p[i].type) {
    case DYAD__V_INT:
      types[i] = OID_INT8;
      snprintf(num[i], sizeof(num[i]), "%lld", (long long)p[i].i);
      vals[i] = num[i];
      break;
    case DYAD__V_REAL:
      types[i] = OID_FLOAT8;
      snprintf(num[i], sizeof(num[i]), "%.17g", p[i].d);
      vals[i] = num[i];
      break;
    case DYAD__V_DATE:
      types[i] = OID_DATE;
      dyad__store_datestr(p[i].i, num[i]);
      vals[i] = num[i];
      break;
    default:
      types[i] = OID_TEXT;
      if (p[i].len > INT32_MAX)
        return dyad__store_error(s, DYAD_ETOOBIG, "value too large");
      vals[i] = p[i].s;
      lens[i] = (int)p[i].len;
      fmts[i] = 1; /* binary text: the bytes themselves */
      break;
    }
    if (p[i].isnull)
      vals[i] = NULL;
  }
  PGresult *r;
  char name[16];
  if (slot >= 0)
    snprintf(name, sizeof(name), "dyad%d", slot);
  /* A prepared statement that returns no rows is only queued (pipeline
   * mode): a document's inserts then cost one round trip, not one each. */
  if (slot >= 0 && !fn && g->prepared[slot]) {
    if (PQpipelineStatus(g->conn) == PQ_PIPELINE_OFF &&
        !PQenterPipelineMode(g->conn))
      return pgerr(s, "postgresql", PQerrorMessage(g->conn));
    if (!PQsendQueryPrepared(g->conn, name, np, vals, lens, fmts, 0))
      return pgerr(s, "postgresql", PQerrorMessage(g->conn));
    if (++g->queued >= PG_QUEUE_MAX)
      return drain(s);
    return DYAD_OK;
  }
  dyad_status dst = drain(s);
  if (dst != DYAD_OK)
    return dst;
  if (slot >= 0) {
    if (!g->prepared[slot]) {
      if (rewrite(g, sql))
        return dyad__store_error(s, DYAD_ENOMEM, "out of memory");
      r = PQprepare(g->conn, name, g->sql.ptr, np, types);
      if (!result_ok(r)) {
        dyad_status st = pgerr(s, "cannot prepare", PQerrorMessage(g->conn));
        PQclear(r);
        return st;
      }
      PQclear(r);
      g->prepared[slot] = 1;
    }
    r = PQexecPrepared(g->conn, name, np, vals, lens, fmts, 0);
  } else {
    if (rewrite(g, sql))
      return dyad__store_error(s, DYAD_ENOMEM, "out of memory");
    r = PQexecParams(g->conn, g->sql.ptr, np, types, vals, lens, fmts, 0);
  }
  dyad_status st = DYAD_OK;
  if (!result_ok(r)) {
    st = pgerr(s, "postgresql", PQerrorMessage(g->conn));
  } else if (fn) {
    int nrow = PQntuples(r), ncol = PQnfields(r);
    const char *row[64];
    if (ncol > 64)
      ncol = 64;
    for (int i = 0; i < nrow; i++) {
      for (int j = 0; j < ncol; j++)
        row[j] = PQgetisnull(r, i, j) ? NULL : PQgetvalue(r, i, j);
      if (fn(ud, ncol, row))
        break;
    }
  }
  PQclear(r);
  return st;
}

/* Runs user SQL as the only statement of a READ ONLY transaction. The
 * SELECT 1 takes the snapshot first, after which PostgreSQL refuses any
 * attempt to switch the transaction to read-write. */
static dyad_status pg_sql_readonly(struct dyad_store *s, const char *sql,
                                   size_t len, dyad_store_row_fn fn, void *ud)
{
  struct pg *g = s->be;
  if (s->in_tx)
    return dyad__store_error(s, DYAD_EARG, "a write batch is open");
  if (drain(s) != DYAD_OK)
    return DYAD_EDB;
  char *text = malloc(len + 1);
  if (!text)
    return dyad__store_error(s, DYAD_ENOMEM, "out of memory");
  memcpy(text, sql, len);
  text[len] = '\0';
  dyad_status st = pg_exec(s, "BEGIN TRANSACTION READ ONLY");
  if (st == DYAD_OK)
    st = pg_exec(s, "SELECT 1");
  PGresult *r = NULL;
  if (st == DYAD_OK) {
    r = PQexecParams(g->conn, text, 0, NULL, NULL, NULL, NULL, 0);
    if (!result_ok(r)) {
      const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      /* 25006: read_only_sql_transaction */
      if (state && strcmp(state, "25006") == 0)
        dyad__store_error(s, DYAD_EARG,
                          "only read-only statements are allowed");
      else
        pgerr(s, "bad sql", PQerrorMessage(g->conn));
      st = state && strcmp(state, "25006") == 0 ? DYAD_EARG : DYAD_EDB;
    }
  }
  if (st == DYAD_OK) {
    int nrow = PQntuples(r), ncol = PQnfields(r);
    if (ncol > 256)
      ncol = 256;
    const char *names[256], *vals[256];
    for (int j = 0; j < ncol; j++)
      names[j] = PQfname(r, j);
    if (fn(ncol, names, NULL, ud) == 0) {
      for (int i = 0; i < nrow; i++) {
        for (int j = 0; j < ncol; j++)
          vals[j] = PQgetisnull(r, i, j) ? NULL : PQgetvalue(r, i, j);
        if (fn(ncol, names, vals, ud))
          break;
      }
    }
  }
  PQclear(r);
  free(text);
  char keep[sizeof(s->errmsg)];
  memcpy(keep, s->errmsg, sizeof(keep));
  pg_exec(s, "ROLLBACK");
  memcpy(s->errmsg, keep, sizeof(keep));
  return st;
}

static void pg_close(struct dyad_store *s)
{
  struct pg *g = s->be;
  if (!g)
    return;
  if (g->conn && PQstatus(g->conn) == CONNECTION_OK)
    drain(s);
  PQfinish(g->conn);
  dyad_buf_release(&g->sql);
  free(g);
  s->be = NULL;
}

static const struct dyad__store_ops pg_ops = {
    "postgresql", DYAD__PG, pg_exec, pg_run, pg_sql_readonly, NULL, pg_close,
};

dyad_status dyad__pg_open(struct dyad_store *s, const char *target)
{
  struct pg *g = calloc(1, sizeof(*g));
  if (!g)
    return dyad__store_error(s, DYAD_ENOMEM, "out of memory");
  s->be = g;
  s->ops = &pg_ops;
  g->conn = PQconnectdb(target);
  if (!g->conn)
    return dyad__store_error(s, DYAD_ENOMEM, "out of memory");
  PQsetNoticeProcessor(g->conn, quiet, NULL);
  if (PQstatus(g->conn) != CONNECTION_OK)
    return pgerr(s, "cannot connect to postgresql",
                 PQerrorMessage(g->conn));
  if (PQsetClientEncoding(g->conn, "UTF8") != 0)
    return pgerr(s, "cannot set encoding", PQerrorMessage(g->conn));
  dyad_status st = pg_exec(s, "SET client_min_messages = warning");
  if (st == DYAD_OK && !(s->flags & DYAD_STORE_WRITE))
    st = pg_exec(s, "SET default_transaction_read_only = on");
  return st;
}
