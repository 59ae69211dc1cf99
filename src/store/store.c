/*
 * store.c: the backend-independent half of the event store: opening (which
 * backend, schema creation and version check), batched transactions, and
 * dyad_store_put, which writes one analysed document.
 *
 * Idempotence and crash safety come from three rules:
 * - a document is keyed by doc_key (the article id) and carries the hash
 *   of its content; an equal hash means "already stored", so a re-run
 *   writes nothing for the documents that made it before a crash;
 * - a document is either entirely in the batch or not at all: validate()
 *   refuses a bad document before anything is written (the batch goes
 *   on); on PostgreSQL its rows also go in a SAVEPOINT, since the server
 *   reports some failures late; on SQLite a failure while writing is a
 *   database failure and rolls the open batch back;
 * - a batch becomes visible only at COMMIT (SQLite in WAL mode, or
 *   PostgreSQL), so a kill at any moment loses at most the open batch,
 *   which the re-run then stores.
 */
#include "store.h"

#include <math.h>
#include <stdio.h>

dyad_status dyad__store_error(struct dyad_store *s, dyad_status st,
                              const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(s->errmsg, sizeof(s->errmsg), fmt, ap);
  va_end(ap);
  return st;
}

const char *dyad_store_errmsg(const dyad_store *s)
{
  return s ? s->errmsg : "out of memory";
}

const char *dyad_store_backend(const dyad_store *s)
{
  return s->ops ? s->ops->name : "";
}

void dyad__store_datestr(int64_t d, char buf[11])
{
  unsigned y = (unsigned)(d / 10000 % 10000), m = (unsigned)(d / 100 % 100),
           dd = (unsigned)(d % 100);
  buf[0] = (char)('0' + y / 1000);
  buf[1] = (char)('0' + y / 100 % 10);
  buf[2] = (char)('0' + y / 10 % 10);
  buf[3] = (char)('0' + y % 10);
  buf[4] = '-';
  buf[5] = (char)('0' + m / 10);
  buf[6] = (char)('0' + m % 10);
  buf[7] = '-';
  buf[8] = (char)('0' + dd / 10);
  buf[9] = (char)('0' + dd % 10);
  buf[10] = '\0';
}

/* ==== content hash ==================================================== */

/* Two 64-bit lanes over the fields, eight bytes at a time (read as little
 * endian, so every machine gets the same hash), each field preceded by its
 * length so that moving bytes between fields changes the hash. Not
 * cryptographic: it only has to notice that a document changed. */
struct hasher {
  uint64_t a, b;
};

static void hash_word(struct hasher *h, uint64_t w)
{
  h->a = (h->a ^ w) * 0x100000001b3ull;
  h->a ^= h->a >> 32;
  h->b = (h->b + w + 1) * 0x9e3779b97f4a7c15ull;
  h->b ^= h->b >> 29;
}

static void hash_bytes(struct hasher *h, const char *p, size_t len)
{
  const unsigned char *u = (const unsigned char *)p;
  while (len >= 8) {
    uint64_t w = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&w, u, 8); /* the same little-endian word, in one load */
#else
    for (int i = 7; i >= 0; i--)
      w = (w << 8) | u[i];
#endif
    hash_word(h, w);
    u += 8;
    len -= 8;
  }
  uint64_t w = 0x80; /* the tail, with a marker byte after it */
  for (size_t i = len; i-- > 0;)
    w = (w << 8) | u[i];
  hash_word(h, w);
}

/* Writes n in decimal at p; returns the length (at most 20). */
static size_t decimal(char *p, uint64_t n)
{
  char t[20];
  size_t k = 0;
  do
    t[k++] = (char)('0' + n % 10);
  while ((n /= 10) != 0);
  for (size_t i = 0; i < k; i++)
    p[i] = t[k - 1 - i];
  return k;
}

static void hash_field(struct hasher *h, const char *p, size_t len)
{
  char n[24]; /* "LEN:" as "%zu:" printed it: the hash must not change */
  size_t w = decimal(n, len);
  n[w++] = ':';
  hash_bytes(h, n, w);
  if (p)
    hash_bytes(h, p, len);
}

static uint64_t mix64(uint64_t x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

static void hex64(char *p, uint64_t x)
{
  static const char digits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--, x >>= 4)
    p[i] = digits[x & 15];
}

void dyad__store_hash(const dyad_article *art, char out[33])
{
  struct hasher h = {0xcbf29ce484222325ull, 0x6a09e667f3bcc909ull};
  char date[24]; /* "%d" of the date */
  size_t w = 0;
  int64_t d = (int)art->date;
  if (d < 0)
    date[w++] = '-';
  w += decimal(date + w, (uint64_t)(d < 0 ? -d : d));
  hash_field(&h, art->id, art->id_len);
  hash_field(&h, date, w);
  hash_field(&h, art->title, art->title_len);
  hash_field(&h, art->text, art->text_len);
  hash_field(&h, art->source, art->source_len);
  hash_field(&h, art->url, art->url_len);
  hex64(out, mix64(h.a ^ h.b));
  hex64(out + 16, mix64(h.b + 0x9e3779b97f4a7c15ull * h.a));
  out[32] = '\0';
}

/* ==== open, close, transactions ======================================= */

static int is_pg(const char *w, size_t len)
{
  static const char *const pre[] = {"postgresql://", "postgres://", "pg:"};
  for (size_t i = 0; i < DYAD_ARRAY_LEN(pre); i++) {
    size_t n = strlen(pre[i]);
    if (len >= n && memcmp(w, pre[i], n) == 0)
      return 1;
  }
  return 0;
}

static int meta_row(void *ud, int ncol, const char *const *vals)
{
  char *ver = ud;
  if (ncol >= 1 && vals[0])
    snprintf(ver, 16, "%s", vals[0]);
  return 0;
}

static dyad_status exec_list(struct dyad_store *s, const char *const *l)
{
  dyad_status st = DYAD_OK;
  for (size_t i = 0; st == DYAD_OK && l && l[i]; i++)
    st = s->ops->exec(s, l[i]);
  return st;
}

static dyad_status read_version(struct dyad_store *s, char ver[16])
{
  ver[0] = '\0';
  struct dyad__val k = dyad__text("schema_version", 14);
  return s->ops->run(s, -1, "SELECT value FROM meta WHERE key = ?", &k, 1,
                     meta_row, ver);
}

/* Creates the schema (when writing), upgrading an older store in the same
 * transaction, and checks its version. PostgreSQL takes an advisory lock
 * so that several ingesters starting at once do not race on CREATE TABLE
 * IF NOT EXISTS or on an upgrade. A read-only handle cannot upgrade: it
 * says how to. */
static dyad_status setup_schema(struct dyad_store *s)
{
  dyad_status st;
  char ver[16] = "";
  if (s->flags & DYAD_STORE_WRITE) {
    st = s->ops->exec(s, "BEGIN");
    if (st != DYAD_OK)
      return st;
    if (s->ops->dialect == DYAD__PG)
      st = s->ops->exec(s, "SELECT pg_advisory_xact_lock(7235104)");
    const char *const *ddl = dyad__schema(s->ops->dialect);
    if (st == DYAD_OK) /* ddl[0] is the meta table */
      st = s->ops->exec(s, ddl[0]);
    if (st == DYAD_OK)
      st = read_version(s, ver);
    const char *const *pre = NULL, *const *post = NULL;
    if (st == DYAD_OK && *ver && strcmp(ver, DYAD__SCHEMA_VERSION) != 0) {
      pre = dyad__schema_upgrade(s->ops->dialect, ver, 0);
      post = dyad__schema_upgrade(s->ops->dialect, ver, 1);
      if (!pre)
        st = dyad__store_error(s, DYAD_EDB,
                               "store schema version '%s' cannot be "
                               "upgraded to '%s' by this dyad",
                               ver, DYAD__SCHEMA_VERSION);
    }
    if (st == DYAD_OK)
      st = exec_list(s, pre);
    if (st == DYAD_OK)
      st = exec_list(s, ddl + 1);
    if (st == DYAD_OK)
      st = exec_list(s, post);
    if (st == DYAD_OK) {
      struct dyad__val p[2] = {dyad__text("schema_version", 14),
                               dyad__text(DYAD__SCHEMA_VERSION,
                                          strlen(DYAD__SCHEMA_VERSION))};
      st = s->ops->run(s, -1,
                       "INSERT INTO meta (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = "
                       "excluded.value",
                       p, 2, NULL, NULL);
    }
    if (st != DYAD_OK) {
      char keep[sizeof(s->errmsg)];
      memcpy(keep, s->errmsg, sizeof(keep));
      s->ops->exec(s, "ROLLBACK");
      memcpy(s->errmsg, keep, sizeof(keep));
      return st;
    }
    st = s->ops->exec(s, "COMMIT");
    if (st != DYAD_OK)
      return st;
  }
  st = read_version(s, ver);
  if (st != DYAD_OK)
    return dyad__store_error(s, DYAD_EDB, "not a dyad store: %s",
                             s->errmsg);
  if (strcmp(ver, DYAD__SCHEMA_VERSION) != 0 &&
      dyad__schema_upgrade(s->ops->dialect, ver, 0))
    return dyad__store_error(s, DYAD_EDB,
                             "store schema version '%s' is older than this "
                             "dyad's ('%s'): open it for writing once to "
                             "upgrade it (dyad ingest --upgrade --db DB)",
                             ver, DYAD__SCHEMA_VERSION);
  if (strcmp(ver, DYAD__SCHEMA_VERSION) != 0)
    return dyad__store_error(s, DYAD_EDB,
                             "store schema version '%s', expected '%s'", ver,
                             DYAD__SCHEMA_VERSION);
  return DYAD_OK;
}

dyad_status dyad_store_open(const char *where, size_t len, uint32_t flags,
                            dyad_store **out)
{
  *out = NULL;
  struct dyad_store *s = calloc(1, sizeof(*s));
  if (!s)
    return DYAD_ENOMEM;
  s->flags = flags;
  s->batch = 200;
  *out = s;
  if (len == 0)
    return dyad__store_error(s, DYAD_EARG, "no database given");
  char *target = malloc(len + 1);
  if (!target)
    return dyad__store_error(s, DYAD_ENOMEM, "out of memory");
  memcpy(target, where, len);
  target[len] = '\0';
  dyad_status st;
  if (is_pg(where, len)) {
    /* "pg:KEYWORDS" passes libpq keywords; URLs go to libpq as they are. */
    const char *conn = strncmp(target, "pg:", 3) == 0 ? target + 3 : target;
    st = dyad__pg_open(s, conn);
  } else {
    st = dyad__sqlite_open(s, target);
  }
  free(target);
  if (st == DYAD_OK)
    st = setup_schema(s);
  return st;
}

/* ==== summary tables ================================================== */

static int known_actor(const char *a)
{
  return a[0] && strcmp(a, "---") != 0;
}

/* Records that an event (+1) or a removed event (-1) changes the summary
 * rows of its day, dyad, actors and code, and on SQLite its dyad's year
 * and its actors' days (each side's code, unknown '---' too). Kept in memory until the batch ends, where the changes are
 * merged and written (apply_deltas). */
static dyad_status add_deltas(struct dyad_store *s, int64_t day,
                              const char *src, const char *tgt,
                              const char *code, int quad, int sign,
                              int has_g, double g)
{
  if (s->ndeltas + 8 > s->capdeltas) {
    size_t cap = s->capdeltas ? 2 * s->capdeltas : 1024;
    struct dyad__delta *d = realloc(s->deltas, cap * sizeof(*d));
    if (!d)
      return dyad__store_error(s, DYAD_ENOMEM, "out of memory");
    s->deltas = d;
    s->capdeltas = cap;
  }
  struct dyad__delta base;
  memset(&base, 0, sizeof(base));
  base.quad = quad;
  base.n = sign;
  base.g6 = has_g ? sign * (int64_t)llround(g * 1e6) : 0;
  base.gn = has_g ? sign : 0;
  if (day) {
    struct dyad__delta *d = &s->deltas[s->ndeltas++];
    *d = base;
    d->kind = DYAD__SUM_DAY;
    d->day = day;
  }
  struct dyad__delta *d = &s->deltas[s->ndeltas++];
  *d = base;
  d->kind = DYAD__SUM_DYAD;
  snprintf(d->a, sizeof(d->a), "%s", src);
  snprintf(d->b, sizeof(d->b), "%s", tgt);
  for (int side = 0; side < 2; side++) {
    const char *actor = side ? tgt : src;
    if (!known_actor(actor))
      continue;
    d = &s->deltas[s->ndeltas++];
    *d = base;
    d->kind = DYAD__SUM_ACTOR;
    snprintf(d->a, sizeof(d->a), "%s", actor);
  }
  d = &s->deltas[s->ndeltas++];
  *d = base;
  d->kind = DYAD__SUM_CODE;
  snprintf(d->a, sizeof(d->a), "%s", code);
  if (!day || s->ops->dialect != DYAD__SQLITE)
    return DYAD_OK;
  d = &s->deltas[s->ndeltas++];
  *d = base;
  d->kind = DYAD__SUM_DYAD_YEAR;
  d->day = day / 10000;
  snprintf(d->a, sizeof(d->a), "%s", src);
  snprintf(d->b, sizeof(d->b), "%s", tgt);
  for (int side = 0; side < 2; side++) {
    const char *actor = side ? tgt : src;
    if (!*actor)
      continue;
    d = &s->deltas[s->ndeltas++];
    *d = base;
    d->kind = DYAD__SUM_ACTOR_DAY;
    d->day = day;
    snprintf(d->a, sizeof(d->a), "%s", actor);
  }
  return DYAD_OK;
}

static int delta_cmp(const void *x, const void *y)
{
  const struct dyad__delta *a = x, *b = y;
  int c;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  if ((c = strcmp(a->a, b->a)) != 0 || (c = strcmp(a->b, b->b)) != 0)
    return c;
  return (a->quad > b->quad) - (a->quad < b->quad);
}

/* The upsert of each summary table, by DYAD__SUM_* kind (from
 * DYAD__SUM_DAY on): the key columns, then quad, n, gsum6, gn. */
#define SUM_UPSERT(table, keys, marks)                                       \
  "INSERT INTO " table " (" keys ", quad, n, gsum6, gn) VALUES (" marks      \
  ", ?, ?, ?, ?) ON CONFLICT (" keys ", quad) DO UPDATE SET n = " table      \
  ".n + excluded.n, gsum6 = " table ".gsum6 + excluded.gsum6, gn = " table   \
  ".gn + excluded.gn"
static const struct sum_upsert {
  int q;
  const char *sql;
} sum_upserts[] = {
    {DYAD__Q_SUM_DAY, SUM_UPSERT("counts_by_day", "day", "?")},
    {DYAD__Q_SUM_DYAD, SUM_UPSERT("counts_by_dyad", "source, target", "?, ?")},
    {DYAD__Q_SUM_ACTOR, SUM_UPSERT("counts_by_actor", "actor", "?")},
    {DYAD__Q_SUM_CODE, SUM_UPSERT("counts_by_code", "code", "?")},
    {DYAD__Q_SUM_ACTOR_DAY,
     SUM_UPSERT("counts_by_actor_day", "actor, day", "?, ?")},
    /* QuadClasses as columns: the delta's quad says which one */
    {DYAD__Q_SUM_DYAD_YEAR,
     "INSERT INTO counts_by_dyad_year (year, source, target, n, q1, q2, q3, "
     "q4, gsum6, gn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
     "(year, source, target) DO UPDATE SET n = n + excluded.n, q1 = q1 + "
     "excluded.q1, q2 = q2 + excluded.q2, q3 = q3 + excluded.q3, q4 = q4 + "
     "excluded.q4, gsum6 = gsum6 + excluded.gsum6, gn = gn + excluded.gn"},
};

/* Writes the batch's summary changes: sorted (so that concurrent
 * PostgreSQL ingesters lock rows in one order and cannot deadlock) and
 * merged, one upsert per row. */
static dyad_status apply_deltas(struct dyad_store *s)
{
  if (!s->ndeltas)
    return DYAD_OK;
  qsort(s->deltas, s->ndeltas, sizeof(s->deltas[0]), delta_cmp);
  dyad_status st = DYAD_OK;
  for (size_t i = 0; st == DYAD_OK && i < s->ndeltas;) {
    struct dyad__delta d = s->deltas[i++];
    while (i < s->ndeltas && delta_cmp(&d, &s->deltas[i]) == 0) {
      d.n += s->deltas[i].n;
      d.g6 += s->deltas[i].g6;
      d.gn += s->deltas[i].gn;
      i++;
    }
    if (d.n == 0 && d.g6 == 0 && d.gn == 0)
      continue;
    struct dyad__val p[10];
    int np = 0;
    const struct sum_upsert *u = &sum_upserts[d.kind - DYAD__SUM_DAY];
    if (d.kind == DYAD__SUM_DYAD_YEAR) {
      p[np++] = dyad__int(d.day);
      p[np++] = dyad__text(d.a, strlen(d.a));
      p[np++] = dyad__text(d.b, strlen(d.b));
      p[np++] = dyad__int(d.n);
      for (int q = 1; q <= 4; q++)
        p[np++] = dyad__int(d.quad == q ? d.n : 0);
      p[np++] = dyad__int(d.g6);
      p[np++] = dyad__int(d.gn);
      st = s->ops->run(s, u->q, u->sql, p, np, NULL, NULL);
      continue;
    }
    if (d.kind == DYAD__SUM_DAY)
      p[np++] = dyad__date((dyad_date)d.day);
    else
      p[np++] = dyad__text(d.a, strlen(d.a));
    if (d.kind == DYAD__SUM_DYAD)
      p[np++] = dyad__text(d.b, strlen(d.b));
    if (d.kind == DYAD__SUM_ACTOR_DAY)
      p[np++] = dyad__date((dyad_date)d.day);
    p[np++] = dyad__int(d.quad);
    p[np++] = dyad__int(d.n);
    p[np++] = dyad__int(d.g6);
    p[np++] = dyad__int(d.gn);
    st = s->ops->run(s, u->q, u->sql, p, np, NULL, NULL);
  }
  s->ndeltas = 0;
  return st;
}

/* Columns: event_date, source, target, code, quad, goldstein. */
static int old_event_row(void *ud, int ncol, const char *const *v)
{
  struct dyad_store *s = ud;
  if (ncol < 6)
    return 1;
  dyad_date day = 0;
  if (v[0] && dyad_date_parse(v[0], strnlen(v[0], 10), &day) != DYAD_OK)
    day = 0;
  return add_deltas(s, day, v[1] ? v[1] : "", v[2] ? v[2] : "",
                    v[3] ? v[3] : "", v[4] ? (int)strtol(v[4], NULL, 10) : 0,
                    -1, v[5] != NULL, v[5] ? strtod(v[5], NULL) : 0) !=
         DYAD_OK;
}

/* Takes a replaced document's old events out of the summaries. */
static dyad_status forget_counts(struct dyad_store *s, int64_t id)
{
  struct dyad__val p = dyad__int(id);
  size_t mark = s->ndeltas;
  dyad_status st = s->ops->run(
      s, DYAD__Q_OLD_EVENTS,
      s->ops->dialect == DYAD__PG
          ? "SELECT to_char(event_date, 'YYYY-MM-DD'), source, target, code, "
            "quad, goldstein FROM events WHERE doc_id = ?"
          : "SELECT event_date, source, target, code, quad, goldstein FROM "
            "events WHERE doc_id = ?",
      &p, 1, old_event_row, s);
  if (st == DYAD_OK && s->errmsg[0]) { /* add_deltas ran out of memory */
    s->ndeltas = mark;
    return DYAD_ENOMEM;
  }
  return st;
}

/* SQLite: indexes the evidence sentences and the titles of the documents
 * with events (the text filter finds events) that the batch added
 * (document ids above the mark taken at its start, and so sentence ids
 * from (mark + 1) * DYAD__CHILD_IDS on), in two statements. */
static dyad_status fts_sync(struct dyad_store *s)
{
  if (s->ops->dialect != DYAD__SQLITE)
    return DYAD_OK;
  struct dyad__val p = dyad__int((s->fts_doc + 1) * DYAD__CHILD_IDS);
  dyad_status st = s->ops->run(
      s, -1,
      "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM "
      "sentences INDEXED BY sentences_evidence WHERE id >= ? AND nevents > 0",
      &p, 1, NULL, NULL);
  p = dyad__int(s->fts_doc);
  if (st == DYAD_OK)
    st = s->ops->run(s, -1,
                     "INSERT INTO documents_fts (rowid, title) SELECT id, "
                     "title FROM documents WHERE id > ? AND nevents > 0",
                     &p, 1, NULL, NULL);
  return st;
}

static int marks_row(void *ud, int ncol, const char *const *vals)
{
  struct dyad_store *s = ud;
  if (ncol >= 1)
    s->fts_doc = vals[0] ? strtoll(vals[0], NULL, 10) : 0;
  return 0;
}

/* Ends the open batch: index it (SQLite), COMMIT, or ROLLBACK when the
 * batch broke. */
static dyad_status end_batch(struct dyad_store *s)
{
  if (!s->in_tx)
    return DYAD_OK;
  s->in_tx = 0;
  s->pending = 0;
  dyad_status st = apply_deltas(s);
  if (st == DYAD_OK)
    st = fts_sync(s);
  if (st == DYAD_OK)
    st = s->ops->exec(s, "COMMIT");
  if (st != DYAD_OK) {
    char keep[sizeof(s->errmsg)];
    memcpy(keep, s->errmsg, sizeof(keep));
    s->ops->exec(s, "ROLLBACK");
    memset(s->codes, 0, sizeof(s->codes));
    s->ndeltas = 0;
    dyad__store_error(s, DYAD_EDB, "commit failed: %s", keep);
  }
  return st;
}

static dyad_status begin_batch(struct dyad_store *s)
{
  if (s->in_tx)
    return DYAD_OK;
  if (!(s->flags & DYAD_STORE_WRITE))
    return dyad__store_error(s, DYAD_EARG, "store is open read-only");
  /* SQLite: take the write lock now, so that a busy database waits at the
   * start of the batch (busy timeout) instead of failing in its middle. */
  dyad_status st = s->ops->exec(
      s, s->ops->dialect == DYAD__SQLITE ? "BEGIN IMMEDIATE" : "BEGIN");
  if (st == DYAD_OK && s->ops->dialect == DYAD__SQLITE)
    st = s->ops->run(s, -1, "SELECT COALESCE(MAX(id), 0) FROM documents",
                     NULL, 0, marks_row, s);
  if (st == DYAD_OK)
    s->in_tx = 1;
  else
    s->ops->exec(s, "ROLLBACK");
  return st;
}

dyad_status dyad__store_commit(struct dyad_store *s)
{
  return end_batch(s);
}

dyad_status dyad_store_flush(dyad_store *s)
{
  return end_batch(s);
}

dyad_status dyad_store_close(dyad_store *s)
{
  if (!s)
    return DYAD_OK;
  dyad_status st = DYAD_OK;
  if (s->ops) {
    st = end_batch(s);
    s->ops->close(s);
  }
  dyad_buf_release(&s->tmp);
  for (int w = 0; w < 3; w++)
    for (int k = 0; k < DYAD__MULTI; k++)
      free(s->multi[w][k]);
  free(s->deltas);
  for (int i = 0; i < DYAD__MEMO; i++)
    free(s->memo[i].buf);
  free(s);
  return st;
}

void dyad_store_set_batch(dyad_store *s, unsigned ndocs)
{
  s->batch = ndocs ? ndocs : 1;
}

/* ==== put ============================================================== */

/* SQLite writes the ids of sentences, places and quotes (doc_id *
 * DYAD__CHILD_IDS + idx) and finds a document's rows by them;
 * PostgreSQL's come from their identity columns. */
static int child_ids(const struct dyad_store *s)
{
  return s->ops->dialect == DYAD__SQLITE;
}

/* The ids a document's sentences, places and quotes may have (SQLite). */
static void child_range(int64_t id, struct dyad__val r[2])
{
  r[0] = dyad__int(id * DYAD__CHILD_IDS);
  r[1] = dyad__int(id * DYAD__CHILD_IDS + DYAD__CHILD_IDS - 1);
}

struct lookup {
  int found;        /* a row came back */
  int inserted;     /* SQLite: no: the document row was inserted just now */
  int64_t id;       /* documents.id */
  char hash[33];    /* its content hash */
};

static int lookup_row(void *ud, int ncol, const char *const *vals)
{
  struct lookup *l = ud;
  if (ncol < 2 || !vals[0] || !vals[1])
    return 1;
  l->found = 1;
  l->id = strtoll(vals[0], NULL, 10);
  snprintf(l->hash, sizeof(l->hash), "%s", vals[1]);
  return 0;
}

/* The key of an article: its id, or "h:" + the content hash without one. */
static void article_key(const dyad_article *art, const char *hash,
                        const char **key, size_t *klen, char kbuf[40])
{
  if (art->id && art->id_len) {
    *key = art->id;
    *klen = art->id_len;
    return;
  }
  snprintf(kbuf, 40, "h:%s", hash);
  *key = kbuf;
  *klen = strlen(kbuf);
}

static dyad_status lookup(struct dyad_store *s, const char *key, size_t klen,
                          struct lookup *l)
{
  memset(l, 0, sizeof(*l));
  struct dyad__val k = dyad__text(key, klen);
  return s->ops->run(s, DYAD__Q_LOOKUP,
                     "SELECT id, hash FROM documents WHERE doc_key = ?", &k,
                     1, lookup_row, l);
}

/* ==== hash memo ======================================================== */

/* dyad ingest looks every article up before coding it and puts it after:
 * the put finds the hash the lookup computed (a tenth of a new document's
 * store work) by comparing the article with a copy of what was hashed,
 * byte for byte, instead of hashing it again. Articles over 256 KiB are
 * hashed again. */
enum { MEMO_MAX = 256 * 1024 };

static const char *memo_field(const dyad_article *art, int f, size_t *len)
{
  const char *p[5] = {art->id, art->title, art->text, art->source, art->url};
  size_t n[5] = {art->id_len, art->title_len, art->text_len, art->source_len,
                 art->url_len};
  *len = n[f];
  return p[f];
}

/* Bytes of the fields with their lengths (memo_same's layout). */
static size_t memo_size(const dyad_article *art)
{
  size_t n = 0, len;
  for (int f = 0; f < 5; f++) {
    memo_field(art, f, &len);
    n += sizeof(size_t) + len;
  }
  return n;
}

static void remember_hash(struct dyad_store *s, const dyad_article *art,
                          const char hash[33])
{
  size_t n = memo_size(art);
  struct dyad__memo *m = &s->memo[s->memo_next++ % DYAD__MEMO];
  m->len = 0;
  if (n > MEMO_MAX)
    return;
  if (n > m->cap) {
    char *b = realloc(m->buf, n);
    if (!b)
      return; /* only a memo: the put hashes again */
    m->buf = b;
    m->cap = n;
  }
  char *w = m->buf;
  for (int f = 0; f < 5; f++) {
    size_t len;
    const char *p = memo_field(art, f, &len);
    memcpy(w, &len, sizeof(len));
    w += sizeof(len);
    if (len)
      memcpy(w, p, len);
    w += len;
  }
  m->len = n;
  m->date = (int32_t)art->date;
  memcpy(m->hash, hash, 33);
}

static int memo_same(const struct dyad__memo *m, const dyad_article *art,
                     size_t n)
{
  if (m->len != n || m->date != (int32_t)art->date)
    return 0;
  const char *r = m->buf;
  for (int f = 0; f < 5; f++) {
    size_t len, mlen;
    const char *p = memo_field(art, f, &len);
    memcpy(&mlen, r, sizeof(mlen));
    r += sizeof(mlen);
    if (mlen != len || (len && memcmp(r, p, len) != 0))
      return 0;
    r += len;
  }
  return 1;
}

/* The article's hash: from the memo when a lookup hashed the same bytes,
 * else computed. */
static void recall_hash(struct dyad_store *s, const dyad_article *art,
                        char hash[33])
{
  size_t n = memo_size(art);
  for (unsigned i = 1; n <= MEMO_MAX && i <= DYAD__MEMO; i++) {
    const struct dyad__memo *m =
        &s->memo[(s->memo_next - i) % DYAD__MEMO];
    if (memo_same(m, art, n)) {
      memcpy(hash, m->hash, 33);
      return;
    }
  }
  dyad__store_hash(art, hash);
}

dyad_status dyad_store_lookup(dyad_store *s, const dyad_article *art,
                              dyad_put_result *out)
{
  char hash[33], kbuf[40];
  const char *key;
  size_t klen;
  struct lookup l;
  dyad__store_hash(art, hash);
  remember_hash(s, art, hash);
  article_key(art, hash, &key, &klen, kbuf);
  dyad_status st = lookup(s, key, klen, &l);
  if (st != DYAD_OK)
    return st;
  *out = !l.found ? DYAD_PUT_NEW
         : strcmp(l.hash, hash) == 0 ? DYAD_PUT_SAME
                                     : DYAD_PUT_CHANGED;
  return DYAD_OK;
}

static int span_ok(const dyad_doc *doc, dyad_span sp)
{
  return (uint64_t)sp.off + sp.len <= doc->text_len;
}

static struct dyad__val span_text(const dyad_doc *doc, dyad_span sp)
{
  return dyad__text(doc->text + sp.off, sp.len);
}

static int code_ok(const char *c, size_t cap)
{
  return memchr(c, '\0', cap) != NULL;
}

static int has_nul(const char *p, size_t len)
{
  return len && p && memchr(p, '\0', len) != NULL;
}

/* Checks everything put() relies on before anything is written, so that a
 * bad document is reported with a precise reason. */
static dyad_status validate(struct dyad_store *s, const dyad_article *art,
                            const dyad_doc *doc)
{
  if (art->id_len > 1024)
    return dyad__store_error(s, DYAD_EARG, "document id longer than 1024");
  if (dyad__utf8_valid_prefix(art->id ? art->id : "", art->id_len) !=
          art->id_len ||
      has_nul(art->id, art->id_len))
    return dyad__store_error(s, DYAD_EARG, "document id is not utf-8 text");
  if (has_nul(doc->text, doc->text_len) ||
      has_nul(doc->title, doc->title_len) ||
      has_nul(art->source, art->source_len) || has_nul(art->url, art->url_len))
    return dyad__store_error(s, DYAD_EARG, "NUL byte in document text");
  /* SQLite and PostgreSQL both refuse a value of a gigabyte */
  if (doc->text_len + doc->title_len + art->source_len + art->url_len +
          art->id_len > 900000000)
    return dyad__store_error(s, DYAD_ETOOBIG, "document too large");
  /* ids of sentences, places and quotes hold idx in their low bits */
  if (doc->sents.n >= (uint64_t)DYAD__CHILD_IDS ||
      doc->places.n >= (uint64_t)DYAD__CHILD_IDS ||
      doc->quotes.n >= (uint64_t)DYAD__CHILD_IDS)
    return dyad__store_error(s, DYAD_ETOOBIG,
                             "more than %lld sentences, places or quotes",
                             (long long)DYAD__CHILD_IDS - 1);
  for (size_t i = 0; i < doc->sents.n; i++) {
    const dyad_sentence *se = &doc->sents.v[i];
    if ((uint64_t)se->off + se->len > doc->text_len)
      return dyad__store_error(s, DYAD_EARG, "sentence %zu out of the text",
                               i);
  }
  for (size_t i = 0; i < doc->events.n; i++) {
    const dyad_event *e = &doc->events.v[i];
    if (e->sent >= doc->sents.n)
      return dyad__store_error(s, DYAD_EARG,
                               "event %zu: no sentence %u in the document", i,
                               e->sent);
    if (!span_ok(doc, e->source_span) || !span_ok(doc, e->target_span) ||
        !span_ok(doc, e->verb_span))
      return dyad__store_error(s, DYAD_EARG, "event %zu: span out of the text",
                               i);
    if (!code_ok(e->source, sizeof(e->source)) ||
        !code_ok(e->target, sizeof(e->target)) ||
        !code_ok(e->code, sizeof(e->code)) || !e->code[0])
      return dyad__store_error(s, DYAD_EARG, "event %zu: malformed code", i);
    if (e->place < -1 || (e->place >= 0 && (size_t)e->place >= doc->places.n))
      return dyad__store_error(s, DYAD_EARG, "event %zu: no place %d", i,
                               (int)e->place);
  }
  for (size_t i = 0; i < doc->quotes.n; i++) {
    const dyad_quote *q = &doc->quotes.v[i];
    if (!span_ok(doc, q->span) || !span_ok(doc, q->speaker_span) ||
        !span_ok(doc, q->cue_span) || !code_ok(q->speaker, sizeof(q->speaker)))
      return dyad__store_error(s, DYAD_EARG, "quote %zu: span out of the text",
                               i);
  }
  for (size_t i = 0; i < doc->places.n; i++) {
    if (!span_ok(doc, doc->places.v[i].span) ||
        !code_ok(doc->places.v[i].country, sizeof(doc->places.v[i].country)))
      return dyad__store_error(s, DYAD_EARG, "place %zu: span out of the text",
                               i);
  }
  return DYAD_OK;
}

/* QuadClass of a CAMEO code from its two-digit root, for codes the
 * codebook does not know: 01-05 verbal cooperation, 06-08 material
 * cooperation, 09-13 verbal conflict, 14-20 material conflict. */
static int root_quad(const char *code)
{
  if (code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
    return 0;
  int r = (code[0] - '0') * 10 + (code[1] - '0');
  return r < 1 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : r <= 20 ? 4 : 0;
}

/* Upserts a code into the codes table once per handle (a small hash set
 * of codes already written). */
static dyad_status put_code(struct dyad_store *s, const dyad_doc *doc,
                            const char *code, const dyad_cameo *c, int found)
{
  size_t n = strlen(code);
  if (n >= sizeof(s->codes[0]))
    n = sizeof(s->codes[0]) - 1;
  uint32_t h = dyad__hash(code, n) & (DYAD__CODESET - 1);
  for (unsigned probe = 0; probe < 16; probe++) {
    char *slot = s->codes[(h + probe) & (DYAD__CODESET - 1)];
    if (strncmp(slot, code, sizeof(s->codes[0])) == 0 && slot[0])
      return DYAD_OK;
    if (!slot[0]) {
      struct dyad__val p[5] = {
          dyad__text(code, n),
          dyad__text(found ? c->name : "", found ? strlen(c->name) : 0),
          dyad__int(found ? c->quad : root_quad(code)),
          dyad__real(found ? c->goldstein : 0, !found),
          dyad__text(found && c->plover ? c->plover : "",
                     found && c->plover ? strlen(c->plover) : 0)};
      dyad_status st = s->ops->run(
          s, DYAD__Q_INS_CODE,
          "INSERT INTO codes (code, name, quad, goldstein, plover) "
          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
          p, 5, NULL, NULL);
      if (st == DYAD_OK)
        memcpy(slot, code, n + 1);
      return st;
    }
  }
  DYAD_UNUSED(doc);
  return DYAD_OK; /* set full around this hash: upserting again is fine */
}

static int id_row(void *ud, int ncol, const char *const *vals)
{
  if (ncol >= 1 && vals[0])
    *(int64_t *)ud = strtoll(vals[0], NULL, 10);
  return 0;
}

/* Events whose evidence is sentence i (validate() checked e->sent). */
static int64_t sent_events(const dyad_doc *doc, size_t i)
{
  int64_t n = 0;
  for (size_t k = 0; k < doc->events.n; k++)
    n += doc->events.v[k].sent == i;
  return n;
}

/* The text "HEAD (?, ... ncol), (...) ..." of an INSERT of k rows, made
 * once per handle (which = 0 sentences, 1 places, 2 quotes). NULL: out of memory. */
static const char *multi_sql(struct dyad_store *s, int which,
                             const char *head, int ncol, int k)
{
  char **t = &s->multi[which][k - 1];
  if (*t)
    return *t;
  size_t hl = strlen(head), rl = (size_t)ncol * 3 + 2;
  char *q = malloc(hl + (size_t)k * rl + 1), *w = q;
  if (!q)
    return NULL;
  memcpy(w, head, hl);
  w += hl;
  for (int r = 0; r < k; r++) {
    *w++ = r ? ',' : ' ';
    *w++ = '(';
    for (int c = 0; c < ncol; c++) {
      memcpy(w, c ? ", ?" : "?", c ? 3 : 1);
      w += c ? 3 : 1;
    }
    *w++ = ')';
  }
  *w = '\0';
  *t = q;
  return q;
}

_Static_assert(DYAD__MULTI * 11 <= 96, "pg.c's PG_MAXP holds 8 place rows");
_Static_assert(DYAD__Q_INS_SENT_END - DYAD__Q_INS_SENT + 1 == DYAD__MULTI &&
                   DYAD__Q_INS_PLACE_END - DYAD__Q_INS_PLACE + 1 ==
                       DYAD__MULTI &&
                   DYAD__Q_INS_QUOTE_END - DYAD__Q_INS_QUOTE + 1 ==
                       DYAD__MULTI,
               "a slot for each row count");
_Static_assert(DYAD__CHILD_IDS == 16777216, "DYAD__CHILD_IDS_SQL agrees");

/* Runs the k-row INSERT (slot + k - 1) over p, k rows of ncol values. */
static dyad_status put_multi(struct dyad_store *s, int which, int slot,
                             const char *head, int ncol, int k,
                             const struct dyad__val *p)
{
  const char *sql = multi_sql(s, which, head, ncol, k);
  if (!sql)
    return dyad__store_error(s, DYAD_ENOMEM, "out of memory");
  return s->ops->run(s, slot + k - 1, sql, p, ncol * k, NULL, NULL);
}

/* The id value of child idx of document id (SQLite). A new document
 * (fresh: its id is the largest, so all stored child ids are below
 * id * DYAD__CHILD_IDS) gives its first row that id and NULL to the next
 * ones, which SQLite numbers largest + 1, the same ids: it then finds
 * the end of the table without a binary search on each row's id (an
 * eighth of the store's work). check_ids() verifies. */
static struct dyad__val child_val(int fresh, int64_t id, size_t idx)
{
  struct dyad__val v = dyad__int(id * DYAD__CHILD_IDS + (int64_t)idx);
  v.isnull = fresh && idx > 0;
  return v;
}

/* After a fresh document's k-row INSERT ending with child last: fails
 * unless SQLite gave the rows the ids child_val() meant. */
static dyad_status check_ids(struct dyad_store *s, int fresh, int64_t id,
                             size_t last)
{
  if (!fresh || !child_ids(s))
    return DYAD_OK;
  int64_t want = id * DYAD__CHILD_IDS + (int64_t)last;
  int64_t got = s->ops->inserted_id(s);
  if (got == want)
    return DYAD_OK;
  return dyad__store_error(s, DYAD_EDB, "row id %lld, expected %lld",
                           (long long)got, (long long)want);
}

static dyad_status put_sentences(struct dyad_store *s, const dyad_doc *doc,
                                 int64_t id, int fresh)
{
  int sq = child_ids(s), nc = 8 + sq;
  const char *head =
      sq ? "INSERT INTO sentences (id, doc_id, idx, off, len, para, flags, "
           "text, nevents) VALUES"
         : "INSERT INTO sentences (doc_id, idx, off, len, para, flags, text, "
           "nevents) VALUES";
  struct dyad__val p[DYAD__MULTI * 9];
  int k = 0;
  for (size_t i = 0; i < doc->sents.n; i++) {
    const dyad_sentence *se = &doc->sents.v[i];
    struct dyad__val *v = p + nc * k++;
    if (sq)
      *v++ = child_val(fresh, id, i);
    v[0] = dyad__int(id);
    v[1] = dyad__int((int64_t)i);
    v[2] = dyad__int(se->off);
    v[3] = dyad__int(se->len);
    v[4] = dyad__int(se->para);
    v[5] = dyad__int(se->flags);
    v[6] = dyad__text(doc->text + se->off, se->len);
    v[7] = dyad__int(sent_events(doc, i));
    if (k == DYAD__MULTI || i + 1 == doc->sents.n) {
      dyad_status st = put_multi(s, 0, DYAD__Q_INS_SENT, head, nc, k, p);
      if (st == DYAD_OK)
        st = check_ids(s, fresh, id, i);
      if (st != DYAD_OK)
        return st;
      k = 0;
    }
  }
  return DYAD_OK;
}

static dyad_status put_places(struct dyad_store *s, const dyad_doc *doc,
                              int64_t id, int fresh)
{
  int sq = child_ids(s), nc = 11 + sq;
  const char *head =
      sq ? "INSERT INTO places (id, doc_id, idx, sent, off, len, text, name, "
           "country, lat, lon, geonameid) VALUES"
         : "INSERT INTO places (doc_id, idx, sent, off, len, text, name, "
           "country, lat, lon, geonameid) VALUES";
  struct dyad__val p[DYAD__MULTI * 12];
  int k = 0;
  for (size_t i = 0; i < doc->places.n; i++) {
    const dyad_place *pl = &doc->places.v[i];
    int nocoord = pl->geonameid == 0 && pl->lat == 0 && pl->lon == 0;
    struct dyad__val *v = p + nc * k++;
    if (sq)
      *v++ = child_val(fresh, id, i);
    v[0] = dyad__int(id);
    v[1] = dyad__int((int64_t)i);
    v[2] = dyad__int(pl->sent);
    v[3] = dyad__int(pl->span.off);
    v[4] = dyad__int(pl->span.len);
    v[5] = span_text(doc, pl->span);
    v[6] = dyad__text(pl->name, pl->name ? strlen(pl->name) : 0);
    v[7] = dyad__text(pl->country, strlen(pl->country));
    v[8] = dyad__real(pl->lat, nocoord);
    v[9] = dyad__real(pl->lon, nocoord);
    v[10] = dyad__int(pl->geonameid);
    if (pl->geonameid == 0)
      v[10].isnull = 1;
    if (k == DYAD__MULTI || i + 1 == doc->places.n) {
      dyad_status st = put_multi(s, 1, DYAD__Q_INS_PLACE, head, nc, k, p);
      if (st == DYAD_OK)
        st = check_ids(s, fresh, id, i);
      if (st != DYAD_OK)
        return st;
      k = 0;
    }
  }
  return DYAD_OK;
}

static dyad_status put_quotes(struct dyad_store *s, const dyad_doc *doc,
                              int64_t id, int fresh)
{
  int sq = child_ids(s), nc = 10 + sq;
  const char *head =
      sq ? "INSERT INTO quotes (id, doc_id, idx, sent, off, len, text, "
           "speaker, speaker_text, cue_text, flags) VALUES"
         : "INSERT INTO quotes (doc_id, idx, sent, off, len, text, speaker, "
           "speaker_text, cue_text, flags) VALUES";
  struct dyad__val p[DYAD__MULTI * 11];
  int k = 0;
  for (size_t i = 0; i < doc->quotes.n; i++) {
    const dyad_quote *q = &doc->quotes.v[i];
    struct dyad__val *v = p + nc * k++;
    if (sq)
      *v++ = child_val(fresh, id, i);
    v[0] = dyad__int(id);
    v[1] = dyad__int((int64_t)i);
    v[2] = dyad__int(q->sent);
    v[3] = dyad__int(q->span.off);
    v[4] = dyad__int(q->span.len);
    v[5] = span_text(doc, q->span);
    v[6] = dyad__text(q->speaker, strlen(q->speaker));
    v[7] = span_text(doc, q->speaker_span);
    v[8] = span_text(doc, q->cue_span);
    v[9] = dyad__int(q->flags);
    if (k == DYAD__MULTI || i + 1 == doc->quotes.n) {
      dyad_status st = put_multi(s, 2, DYAD__Q_INS_QUOTE, head, nc, k, p);
      if (st == DYAD_OK)
        st = check_ids(s, fresh, id, i);
      if (st != DYAD_OK)
        return st;
      k = 0;
    }
  }
  return DYAD_OK;
}

/* Actor mentions of the document's events, in one statement: every known
 * source and target ('---' and '' are not actors) becomes a row. One
 * statement per document instead of two per event matters on PostgreSQL,
 * where each statement is a round trip. */
static dyad_status put_actors(struct dyad_store *s, int64_t id)
{
  struct dyad__val p[2] = {dyad__int(id), dyad__int(id)};
  return s->ops->run(
      s, DYAD__Q_INS_ACTOR,
      "INSERT INTO actors (event_id, doc_id, role, code, off, len, text) "
      "SELECT id, doc_id, 'source', source, source_off, source_len, "
      "source_text FROM events WHERE doc_id = ? AND source <> '---' AND "
      "source <> '' UNION ALL SELECT id, doc_id, 'target', target, "
      "target_off, target_len, target_text FROM events WHERE doc_id = ? AND "
      "target <> '---' AND target <> ''",
      p, 2, NULL, NULL);
}

static dyad_status put_events(struct dyad_store *s, const dyad_doc *doc,
                              int64_t id)
{
  for (size_t i = 0; i < doc->events.n; i++) {
    const dyad_event *e = &doc->events.v[i];
    dyad_cameo c;
    memset(&c, 0, sizeof(c));
    int found = dyad_ctx_cameo(doc->ctx, e->code, strlen(e->code), &c) ==
                DYAD_OK;
    dyad_status st = put_code(s, doc, e->code, &c, found);
    if (st != DYAD_OK)
      return st;
    struct dyad__val p[22] = {
        dyad__int(id),
        dyad__int((int64_t)i),
        dyad__int(e->sent),
        dyad__date(e->event_date ? e->event_date : doc->date),
        dyad__text(e->source, strlen(e->source)),
        dyad__text(e->target, strlen(e->target)),
        dyad__text(e->code, strlen(e->code)),
        dyad__int(found ? c.quad : root_quad(e->code)),
        dyad__real(found ? c.goldstein : 0, !found),
        dyad__int(e->source_span.off),
        dyad__int(e->source_span.len),
        dyad__int(e->target_span.off),
        dyad__int(e->target_span.len),
        dyad__int(e->verb_span.off),
        dyad__int(e->verb_span.len),
        span_text(doc, e->source_span),
        span_text(doc, e->target_span),
        span_text(doc, e->verb_span),
        dyad__text(e->rule ? e->rule : "", e->rule ? strlen(e->rule) : 0),
        dyad__int(e->place),
        dyad__int(e->flags),
        dyad__int(0)};
    if (e->place < 0)
      p[19].isnull = 1;
    st = add_deltas(s, p[3].isnull ? 0 : p[3].i, e->source, e->target,
                    e->code, (int)p[7].i, 1, found, p[8].d);
    if (st != DYAD_OK)
      return st;
    st = s->ops->run(
        s, DYAD__Q_INS_EVENT,
        "INSERT INTO events (doc_id, idx, sent, event_date, source, target, "
        "code, quad, goldstein, source_off, source_len, target_off, "
        "target_len, verb_off, verb_len, source_text, target_text, "
        "verb_text, rule, place, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p, 21, NULL, NULL);
    if (st != DYAD_OK)
      return st;
  }
  return doc->events.n ? put_actors(s, id) : DYAD_OK;
}

/* SQLite: takes a replaced document's sentences and title out of the FTS5
 * tables, with the exact old text as external content requires. Only a
 * document from before this batch (id up to the mark) is indexed: the
 * end-of-batch sync covers the others. */
static dyad_status fts_forget(struct dyad_store *s, int64_t id)
{
  if (s->ops->dialect != DYAD__SQLITE || id > s->fts_doc)
    return DYAD_OK;
  struct dyad__val p = dyad__int(id), r[2];
  child_range(id, r);
  dyad_status st = s->ops->run(
      s, DYAD__Q_FTS_DEL_SENTS,
      "INSERT INTO sentences_fts (sentences_fts, rowid, text) SELECT "
      "'delete', id, text FROM sentences WHERE id BETWEEN ? AND ? AND "
      "nevents > 0",
      r, 2, NULL, NULL);
  if (st == DYAD_OK)
    st = s->ops->run(
        s, DYAD__Q_FTS_DEL_DOC,
        "INSERT INTO documents_fts (documents_fts, rowid, title) SELECT "
        "'delete', id, title FROM documents WHERE id = ? AND nevents > 0",
        &p, 1, NULL, NULL);
  return st;
}

/* SQLite: indexes the new title and evidence sentences of a replaced
 * document from before this batch (its id, and so its sentence ids, are
 * below what the end-of-batch sync covers). */
static dyad_status fts_readd(struct dyad_store *s, int64_t id)
{
  if (s->ops->dialect != DYAD__SQLITE || id > s->fts_doc)
    return DYAD_OK;
  struct dyad__val p = dyad__int(id), r[2];
  child_range(id, r);
  dyad_status st = s->ops->run(
      s, DYAD__Q_FTS_ADD_DOC,
      "INSERT INTO documents_fts (rowid, title) SELECT id, title FROM "
      "documents WHERE id = ? AND nevents > 0",
      &p, 1, NULL, NULL);
  if (st == DYAD_OK)
    st = s->ops->run(s, DYAD__Q_FTS_ADD_SENTS,
                     "INSERT INTO sentences_fts (rowid, text) SELECT id, "
                     "text FROM sentences WHERE id BETWEEN ? AND ? AND "
                     "nevents > 0",
                     r, 2, NULL, NULL);
  return st;
}

/* Deletes the rows that hang off document id (children first). */
static dyad_status delete_children(struct dyad_store *s, int64_t id)
{
  /* sentences, places and quotes: by doc_id on PostgreSQL (its UNIQUE
   * (doc_id, idx) index), by their id range on SQLite (no such index) */
  static const struct {
    int slot;
    const char *sql, *sq;
  } del[] = {
      {DYAD__Q_DEL_ACTORS,
       "DELETE FROM actors WHERE event_id IN (SELECT id FROM events WHERE "
       "doc_id = ?)",
       NULL},
      {DYAD__Q_DEL_EVENTS, "DELETE FROM events WHERE doc_id = ?", NULL},
      {DYAD__Q_DEL_QUOTES, "DELETE FROM quotes WHERE doc_id = ?",
       "DELETE FROM quotes WHERE id BETWEEN ? AND ?"},
      {DYAD__Q_DEL_PLACES, "DELETE FROM places WHERE doc_id = ?",
       "DELETE FROM places WHERE id BETWEEN ? AND ?"},
      {DYAD__Q_DEL_SENTS, "DELETE FROM sentences WHERE doc_id = ?",
       "DELETE FROM sentences WHERE id BETWEEN ? AND ?"},
  };
  struct dyad__val p = dyad__int(id), r[2];
  child_range(id, r);
  for (size_t i = 0; i < DYAD_ARRAY_LEN(del); i++) {
    int byid = del[i].sq && child_ids(s);
    dyad_status st = s->ops->run(s, del[i].slot, byid ? del[i].sq : del[i].sql,
                                 byid ? r : &p, byid ? 2 : 1, NULL, NULL);
    if (st != DYAD_OK)
      return st;
  }
  return DYAD_OK;
}

/* The values of a document row: hash, date, title, source, url, text,
 * nsents, nevents, doc_key, id. */
static void doc_values(struct dyad__val p[10], const dyad_article *art,
                       const dyad_doc *doc, const char *key, size_t klen,
                       const char *hash, int64_t id)
{
  p[0] = dyad__text(hash, 32);
  p[1] = dyad__date(doc->date);
  p[2] = dyad__text(doc->title, doc->title_len);
  p[3] = dyad__text(art->source, art->source_len);
  p[4] = dyad__text(art->url, art->url_len);
  p[5] = dyad__text(doc->text, doc->text_len);
  p[6] = dyad__int((int64_t)doc->sents.n);
  p[7] = dyad__int((int64_t)doc->events.n);
  p[8] = dyad__text(key, klen);
  p[9] = dyad__int(id);
}

/* Inserts the document row unless its doc_key is stored; *id: the new
 * row's id, 0 when it was stored already. */
static dyad_status insert_doc(struct dyad_store *s, const struct dyad__val *p,
                              int64_t *id)
{
  /* SQLite runs a RETURNING statement to its end into a temporary table
   * (about as much work as the insert itself): the backend asks the
   * connection for the new row's id instead */
  int sq = s->ops->inserted_id != NULL;
  *id = 0;
  dyad_status st = s->ops->run(
      s, DYAD__Q_DOC_INSERT,
      sq ? "INSERT INTO documents (hash, date, title, source, url, text, "
           "nsents, nevents, doc_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON "
           "CONFLICT (doc_key) DO NOTHING"
         : "INSERT INTO documents (hash, date, title, source, url, text, "
           "nsents, nevents, doc_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON "
           "CONFLICT (doc_key) DO NOTHING RETURNING id",
      p, 9, sq ? NULL : id_row, id);
  if (st == DYAD_OK && sq)
    *id = s->ops->inserted_id(s);
  if (st == DYAD_OK && sq && *id >= DYAD__MAX_DOC_ID)
    st = dyad__store_error(s, DYAD_EDB, "store full: document id %lld",
                           (long long)*id);
  return st;
}

/* Writes the document row (unless l->inserted) and all its children. */
static dyad_status put_rows(struct dyad_store *s, const dyad_article *art,
                            const dyad_doc *doc, const char *key, size_t klen,
                            const char *hash, struct lookup *l)
{
  struct dyad__val p[10];
  doc_values(p, art, doc, key, klen, hash, l->id);
  dyad_status st = DYAD_OK;
  int64_t id = l->id;
  if (l->found) {
    st = fts_forget(s, id);
    if (st == DYAD_OK)
      st = forget_counts(s, id);
    if (st == DYAD_OK)
      st = delete_children(s, id);
    if (st == DYAD_OK)
      st = s->ops->run(s, DYAD__Q_DOC_UPDATE,
                       "UPDATE documents SET hash = ?, date = ?, title = ?, "
                       "source = ?, url = ?, text = ?, nsents = ?, "
                       "nevents = ?, doc_key = ? WHERE id = ?",
                       p, 10, NULL, NULL);
  } else if (!l->inserted) {
    st = insert_doc(s, p, &id);
    if (st == DYAD_OK && id == 0)
      return DYAD_EOF; /* another writer stored this document just now */
  }
  if (st == DYAD_OK)
    st = put_sentences(s, doc, id, !l->found);
  if (st == DYAD_OK && l->found)
    st = fts_readd(s, id);
  if (st == DYAD_OK)
    st = put_places(s, doc, id, !l->found);
  if (st == DYAD_OK)
    st = put_quotes(s, doc, id, !l->found);
  if (st == DYAD_OK)
    st = put_events(s, doc, id);
  return st;
}

/* Rolls the open batch back after a failure while writing (s->errmsg
 * says which), and says so in the message. */
static void drop_batch(struct dyad_store *s)
{
  char keep[sizeof(s->errmsg)];
  memcpy(keep, s->errmsg, sizeof(keep));
  s->ops->exec(s, "ROLLBACK");
  s->in_tx = 0;
  s->pending = 0;
  s->ndeltas = 0;
  memset(s->codes, 0, sizeof(s->codes));
  size_t n = strlen(keep);
  snprintf(keep + n, sizeof(keep) - n, " (the open batch was rolled back)");
  memcpy(s->errmsg, keep, sizeof(keep));
}

dyad_status dyad_store_put(dyad_store *s, const dyad_article *art,
                           const dyad_doc *doc, dyad_put_result *res)
{
  char hash[33], kbuf[40];
  const char *key;
  size_t klen;
  struct lookup l;
  s->errmsg[0] = '\0';
  recall_hash(s, art, hash);
  article_key(art, hash, &key, &klen, kbuf);
  dyad_status st = validate(s, art, doc);
  if (st != DYAD_OK)
    return st;
  st = begin_batch(s);
  /* SQLite: most documents put are new (dyad ingest looks them up before
   * coding them), so the row goes in first, and only when its doc_key is
   * taken does the lookup below run: one statement less per document.
   * The batch holds the write lock, so nothing changes in between; a
   * failure after the insert is a database failure and rolls the batch
   * back (below). */
  memset(&l, 0, sizeof(l));
  if (st == DYAD_OK && s->ops->inserted_id) {
    struct dyad__val p[10];
    int64_t id;
    doc_values(p, art, doc, key, klen, hash, 0);
    st = insert_doc(s, p, &id);
    l.inserted = id != 0;
    l.id = id;
    if (st != DYAD_OK) {
      drop_batch(s);
      return st;
    }
  }
  if (st == DYAD_OK && !l.inserted)
    st = lookup(s, key, klen, &l);
  if (st != DYAD_OK)
    return st;
  if (l.found && strcmp(l.hash, hash) == 0) {
    if (res)
      *res = DYAD_PUT_SAME;
    return DYAD_OK;
  }
  /* PostgreSQL: the document's rows go in a savepoint, so that a failure
   * the server reports (rows travel pipelined, errors come late) rolls
   * back this document alone. SQLite: none (a savepoint copies every page
   * the document touches to a sub-journal, a tenth of the store's work):
   * validate() checked all a document can get wrong, so a failure while
   * writing is a database failure, and it rolls back the open batch. */
  int sp = s->ops->dialect != DYAD__SQLITE;
  if (sp) {
    st = s->ops->exec(s, "SAVEPOINT doc");
    if (st != DYAD_OK)
      return st;
  }
  size_t mark = s->ndeltas; /* this document's summary changes follow */
  st = put_rows(s, art, doc, key, klen, hash, &l);
  int raced = st == DYAD_EOF; /* a concurrent ingester stored it first */
  if (raced)
    st = DYAD_OK;
  /* RELEASE also reports failures of statements the backend queued */
  if (st == DYAD_OK && sp)
    st = s->ops->exec(s, "RELEASE SAVEPOINT doc");
  if (st != DYAD_OK) {
    char keep[sizeof(s->errmsg)];
    memcpy(keep, s->errmsg, sizeof(keep));
    dyad_status rb = DYAD_EDB;
    if (sp) {
      rb = s->ops->exec(s, "ROLLBACK TO SAVEPOINT doc");
      if (rb == DYAD_OK)
        rb = s->ops->exec(s, "RELEASE SAVEPOINT doc");
    }
    memset(s->codes, 0, sizeof(s->codes)); /* may name rolled-back codes */
    s->ndeltas = mark;
    memcpy(s->errmsg, keep, sizeof(keep));
    if (rb != DYAD_OK) /* the batch itself is broken: drop it */
      drop_batch(s);
    return st;
  }
  if (raced) {
    if (res)
      *res = DYAD_PUT_SAME;
    return DYAD_OK;
  }
  if (res)
    *res = l.found ? DYAD_PUT_CHANGED : DYAD_PUT_NEW;
  if (++s->pending >= s->batch)
    return end_batch(s);
  return DYAD_OK;
}

/* ==== stats ============================================================ */

static int stats_row(void *ud, int ncol, const char *const *vals)
{
  uint64_t *c = ud;
  for (int i = 0; i < ncol && i < 6; i++)
    c[i] = vals[i] ? strtoull(vals[i], NULL, 10) : 0;
  return 0;
}

dyad_status dyad_store_stats_get(dyad_store *s, dyad_store_stats *out)
{
  uint64_t c[6] = {0};
  dyad_status st = s->ops->run(
      s, -1,
      "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM "
      "sentences), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM "
      "actors), (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM places)",
      NULL, 0, stats_row, c);
  if (st != DYAD_OK)
    return st;
  out->documents = c[0];
  out->sentences = c[1];
  out->events = c[2];
  out->actors = c[3];
  out->quotes = c[4];
  out->places = c[5];
  return DYAD_OK;
}

dyad_status dyad_store_sql(dyad_store *s, const char *sql, size_t len,
                           dyad_store_row_fn fn, void *ud)
{
  s->errmsg[0] = '\0';
  dyad_status st = end_batch(s); /* user SQL runs outside our batch */
  if (st != DYAD_OK)
    return st;
  return s->ops->sql_readonly(s, sql, len, fn, ud);
}
