/*
 * query.c: filtered event queries and aggregates, built once for both SQL
 * dialects. A dyad_query becomes a WHERE clause over the events table
 * (alias e) with '?' parameters; user strings only ever travel as
 * parameters. Code filters are prefixes, written as byte ranges
 * (code >= 'RUS' AND code < 'RUT') so that both databases use their
 * indexes and compare the same way (PostgreSQL codes use COLLATE "C").
 *
 * Result rows come back as text from either backend and are decoded here,
 * so both backends give the caller the same values.
 */
#include "store.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>

#define MAXP 64 /* parameters in one query, at most */

struct qb {
  struct dyad_store *s;
  dyad_buf sql;                 /* the statement being built */
  struct dyad__val p[MAXP];     /* its parameters */
  int np;
  char bounds[3][DYAD_CODE_MAX + 8]; /* upper bounds of prefix ranges */
  dyad_buf fts;                 /* the full-text query, normalised */
  int text_done;                /* the text filter is in the FROM clause */
  int probe;                    /* SQLite: test each event's sentence and
                                   title against the text (see probe_text) */
  int walk;                     /* SQLite: read events_day newest first;
                                   WALK_ROOT: events_root, one root's */
  int oom;
};

enum { WALK_ROOT = 2 }; /* qb.walk: the code's root, newest first */

static void add(struct qb *b, const char *sql)
{
  if (dyad__buf_adds(&b->sql, sql))
    b->oom = 1;
}

static void param(struct qb *b, struct dyad__val v)
{
  if (b->np < MAXP)
    b->p[b->np++] = v;
  else
    b->oom = 1;
}

/* " AND col IN (?, ...)" for the QuadClasses set in the bit mask quads
 * (bit i for QuadClass i); nothing when none of 1-4 is set. */
static void quads_in(struct qb *b, const char *col, unsigned quads)
{
  if (!(quads & 0x1e))
    return;
  add(b, " AND ");
  add(b, col);
  add(b, " IN (");
  int n = 0;
  for (int i = 1; i <= 4; i++) {
    if (!(quads & (1u << i)))
      continue;
    add(b, n++ ? ", ?" : "?");
    param(b, dyad__int(i));
  }
  add(b, ")");
}

/* The smallest string greater than every string starting with pre: pre
 * with its last byte below 0xff incremented. 0 when there is none. */
static size_t upper_bound(const char *pre, size_t len, char *out, size_t cap)
{
  while (len > 0 && (unsigned char)pre[len - 1] == 0xff)
    len--;
  if (len == 0 || len >= cap)
    return 0;
  memcpy(out, pre, len);
  out[len - 1] = (char)((unsigned char)out[len - 1] + 1);
  return len;
}

/* A code prefix filter on column col: the byte range, and on SQLite also
 * the list of the codes in that range that the store holds (known: the
 * summary table and column that list every code of col, or NULL). A
 * range on an index's first column makes SQLite scan the whole range
 * (RUS, RUSGOV, RUSMIL, ...) and test the next columns in each entry;
 * with the list, it seeks each code and then the next columns' ranges.
 * The list holds exactly the store's codes in the range, so one of the
 * two is enough: the list where it drives index seeks (with the range
 * beside it SQLite spent a third more: RUS:UKR, 640 events, 2.2M
 * instructions against 1.4M), the range alone where the date index is
 * walked and every entry is tested (two comparisons; the list look-up
 * cost 13% more on code=19&quad=4). */
static void prefix(struct qb *b, const char *col, const char *pre, int which,
                   const char *known_table, const char *known_col)
{
  if (!pre || !*pre)
    return;
  size_t len = strlen(pre);
  size_t ulen = upper_bound(pre, len, b->bounds[which],
                            sizeof(b->bounds[which]));
  int list = ulen && known_table && b->s->ops->dialect == DYAD__SQLITE;
  if (!list || b->walk) {
    add(b, " AND ");
    add(b, col);
    add(b, " >= ?");
    param(b, dyad__text(pre, len));
    if (ulen) {
      add(b, " AND ");
      add(b, col);
      add(b, " < ?");
      param(b, dyad__text(b->bounds[which], ulen));
    }
  }
  if (list && !b->walk) {
    add(b, " AND ");
    add(b, col);
    add(b, " IN (SELECT ");
    add(b, known_col);
    add(b, " FROM ");
    add(b, known_table);
    add(b, " WHERE ");
    add(b, known_col);
    add(b, " >= ? AND ");
    add(b, known_col);
    add(b, " < ?)");
    param(b, dyad__text(pre, len));
    param(b, dyad__text(b->bounds[which], ulen));
  }
}

/* Turns free text into a query both engines read the same way: every
 * word is required; "double-quoted" runs are phrases. Each term is written
 * as a quoted FTS5 string ("" inside for a quote mark), which PostgreSQL's
 * websearch_to_tsquery also reads as a phrase, so no user text is ever
 * parsed as query syntax (OR, NOT, NEAR, column filters, -). */
static int fts_query(dyad_buf *out, const char *t)
{
  out->len = 0;
  const char *p = t;
  int nterms = 0;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '\n')
      p++;
    if (!*p)
      break;
    const char *start, *end;
    if (*p == '"') {
      start = ++p;
      while (*p && *p != '"')
        p++;
      end = p;
      if (*p)
        p++;
    } else {
      start = p;
      while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '"')
        p++;
      end = p;
    }
    if (end == start)
      continue;
    if (nterms++ && dyad__buf_addc(out, ' '))
      return -1;
    if (dyad__buf_addc(out, '"'))
      return -1;
    for (const char *c = start; c < end; c++) {
      if (*c == '"' ? dyad__buf_add(out, "\"\"", 2) : dyad__buf_addc(out, *c))
        return -1;
    }
    if (dyad__buf_addc(out, '"'))
      return -1;
  }
  return nterms;
}

/* Appends " AND ..." for every filter of q; columns of events are e.x. */
static void where(struct qb *b, const dyad_query *q)
{
  int pg = b->s->ops->dialect == DYAD__PG;
  add(b, " WHERE 1 = 1");
  if (!q)
    return;
  /* counts_by_actor lists every known actor in a few rows; unknown ones
   * ('---') are only in counts_by_dyad */
  int src_known = q->source && q->source[0] != '-';
  int tgt_known = q->target && q->target[0] != '-';
  prefix(b, "e.source", q->source, 0,
         src_known ? "counts_by_actor" : "counts_by_dyad",
         src_known ? "actor" : "source");
  prefix(b, "e.target", q->target, 1,
         tgt_known ? "counts_by_actor" : "counts_by_dyad",
         tgt_known ? "actor" : "target");
  if (b->walk == WALK_ROOT) { /* the index's first column */
    add(b, " AND substr(e.code, 1, 2) = ?");
    param(b, dyad__text(q->code, 2));
  }
  prefix(b, "e.code", q->code, 2, "counts_by_code", "code");
  quads_in(b, "e.quad", q->quads);
  if (q->from) {
    add(b, " AND e.event_date >= ?");
    param(b, dyad__date(q->from));
  }
  if (q->to) {
    add(b, " AND e.event_date <= ?");
    param(b, dyad__date(q->to));
  }
  if (q->doc && *q->doc) {
    add(b, " AND e.doc_id IN (SELECT id FROM documents WHERE doc_key = ?)");
    param(b, dyad__text(q->doc, strlen(q->doc)));
  }
  if (q->text && *q->text && !b->text_done) {
    int n = fts_query(&b->fts, q->text);
    if (n < 0) {
      b->oom = 1;
      return;
    }
    if (n == 0) {
      add(b, " AND 1 = 0"); /* only quote marks: matches nothing */
      return;
    }
    /* Events whose evidence sentence matches, or whose title does. */
    if (b->probe) /* SQLite: sentence ids are doc_id * 2^24 + idx */
      add(b, " AND (EXISTS (SELECT 1 FROM sentences_fts f"
             " WHERE f.rowid = e.doc_id * " DYAD__CHILD_IDS_SQL " + e.sent"
             " AND sentences_fts MATCH ?)"
             " OR EXISTS (SELECT 1 FROM documents_fts df"
             " WHERE df.rowid = e.doc_id AND documents_fts MATCH ?))");
    else if (pg)
      add(b, " AND e.id IN (SELECT e2.id FROM sentences s2 JOIN events e2"
             " ON e2.doc_id = s2.doc_id AND e2.sent = s2.idx"
             " WHERE s2.tsv @@ websearch_to_tsquery('simple', ?)"
             " UNION SELECT e3.id FROM documents d3 JOIN events e3"
             " ON e3.doc_id = d3.id"
             " WHERE d3.title_tsv @@ websearch_to_tsquery('simple', ?))");
    else
      add(b, " AND e.id IN (SELECT e2.id FROM sentences_fts f"
             " JOIN sentences s2 ON s2.id = f.rowid JOIN events e2"
             " ON e2.doc_id = s2.doc_id AND e2.sent = s2.idx"
             " WHERE sentences_fts MATCH ?"
             " UNION SELECT e3.id FROM documents_fts df JOIN events e3"
             " ON e3.doc_id = df.rowid WHERE documents_fts MATCH ?)");
    param(b, dyad__text(b->fts.ptr, b->fts.len));
    param(b, dyad__text(b->fts.ptr, b->fts.len));
  }
}

/* Appends the events the query reads, as alias e. PostgreSQL with a text
 * filter reads the matching events straight from the full-text matches
 * (GIN index, then events by (doc_id, sent)): written as "e.id IN (...)"
 * its planner would rather scan all events and hash-join them. SQLite
 * drives the IN list from its FTS5 tables well, so it keeps the filter in
 * the WHERE clause. */
static void from_events(struct qb *b, const dyad_query *q)
{
  if (b->s->ops->dialect == DYAD__PG && q && q->text && *q->text) {
    int n = fts_query(&b->fts, q->text);
    if (n < 0) {
      b->oom = 1;
      return;
    }
    if (n > 0) {
      add(b, " (SELECT e2.* FROM sentences s2 JOIN events e2"
             " ON e2.doc_id = s2.doc_id AND e2.sent = s2.idx"
             " WHERE s2.tsv @@ websearch_to_tsquery('simple', ?)"
             " UNION SELECT e3.* FROM documents d3 JOIN events e3"
             " ON e3.doc_id = d3.id"
             " WHERE d3.title_tsv @@ websearch_to_tsquery('simple', ?)) e");
      param(b, dyad__text(b->fts.ptr, b->fts.len));
      param(b, dyad__text(b->fts.ptr, b->fts.len));
      b->text_done = 1;
      return;
    }
  }
  add(b, b->walk == WALK_ROOT ? " events e INDEXED BY events_root"
         : b->walk              ? " events e INDEXED BY events_day"
                                : " events e");
}

static void limit(struct qb *b, uint64_t n)
{
  if (!n)
    return;
  add(b, " LIMIT ?");
  param(b, dyad__int((int64_t)(n > INT64_MAX ? INT64_MAX : n)));
}

static void qb_release(struct qb *b)
{
  dyad_buf_release(&b->sql);
  dyad_buf_release(&b->fts);
}

static dyad_status qb_run(struct qb *b, dyad__row_fn fn, void *ud)
{
  if (b->oom)
    return dyad__store_error(b->s, DYAD_ENOMEM, "out of memory");
  dyad_status st = dyad__store_commit(b->s); /* see what was put */
  if (st != DYAD_OK)
    return st;
  return b->s->ops->run(b->s, -1, b->sql.ptr, b->p, b->np, fn, ud);
}

static dyad_date parse_date(const char *t)
{
  dyad_date d = 0;
  if (t && dyad_date_parse(t, strnlen(t, 10), &d) != DYAD_OK)
    d = 0;
  return d;
}

static const char *str(const char *v)
{
  return v ? v : "";
}

static int given(const char *v)
{
  return v && *v;
}

/* Filters on who, what, which document or which words: those that the
 * summary tables cannot answer. */
static int has_key_filter(const dyad_query *q)
{
  return q && (given(q->source) || given(q->target) || given(q->code) ||
               given(q->doc) || given(q->text));
}

/* " AND quad IN (...)" on a summary table, for a QuadClass filter. */
static void sum_quads(struct qb *b, const dyad_query *q)
{
  if (q)
    quads_in(b, "quad", q->quads);
}

/* The per-QuadClass counts and Goldstein sums of summary rows. */
static const char sum_cols[] =
    "SUM(n) AS k_n, SUM(CASE WHEN quad = 1 THEN n ELSE 0 END) AS k_q1, "
    "SUM(CASE WHEN quad = 2 THEN n ELSE 0 END) AS k_q2, "
    "SUM(CASE WHEN quad = 3 THEN n ELSE 0 END) AS k_q3, "
    "SUM(CASE WHEN quad = 4 THEN n ELSE 0 END) AS k_q4, SUM(gsum6) AS k_g6, "
    "SUM(gn) AS k_gn";

/* ==== event listing ==================================================== */

static int int_row(void *ud, int ncol, const char *const *v)
{
  if (ncol >= 1 && v[0])
    *(int64_t *)ud = strtoll(v[0], NULL, 10);
  return 0;
}

/* Events with codes in the prefix range of pre, from a summary table,
 * in the QuadClasses of the bit mask quads (all when none of 1-4 is
 * set). */
static int64_t prefix_count(struct dyad_store *s, const char *sql,
                            const char *pre, unsigned quads)
{
  char hi[DYAD_CODE_MAX + 8], text[256];
  size_t len = strlen(pre);
  size_t hlen = upper_bound(pre, len, hi, sizeof(hi));
  if (!hlen)
    return -1;
  struct dyad__val p[6] = {dyad__text(pre, len), dyad__text(hi, hlen)};
  int np = 2;
  size_t tl = strlen(sql);
  if (tl + 40 > sizeof(text))
    return -1;
  memcpy(text, sql, tl + 1);
  if (quads & 0x1e) {
    memcpy(text + tl, " AND quad IN (", 15);
    tl += 14;
    for (int i = 1; i <= 4; i++) {
      if (!(quads & (1u << i)))
        continue;
      memcpy(text + tl, np > 2 ? ", ?" : "?", np > 2 ? 4 : 2);
      tl += np > 2 ? 3 : 1;
      p[np++] = dyad__int(i);
    }
    memcpy(text + tl, ")", 2);
  }
  int64_t n = -1;
  if (s->ops->run(s, -1, text, p, np, int_row, &n) != DYAD_OK)
    return -1;
  return n;
}

/* SQLite: whether a listing of the first `limit` events with source,
 * target or code filters should walk the date index newest first (it
 * holds every filter column, so no row is read) rather than let the
 * filters' index find every match and sort them. Walking reads about
 * limit * events / matches entries, sorting handles the matches: walking
 * wins when matches^2 > limit * events, e.g. "--code 19" (a tenth of the
 * events) but not "--dyad RUS:UKR". Matches are estimated from the
 * summary tables, taking the filters as independent, except QuadClasses:
 * they are counted with the code (else the source, else the target) in
 * the same summary rows, since a code all but fixes its QuadClass; taken
 * as independent, "--code 08 --quad 1" (no events: roots 08 are
 * QuadClass 2) walked the whole index, 170 ms. A code prefix of two bytes
 * or more walks its root's entries of events_root instead (schema version
 * 5): about limit * root / matches entries, so walking wins when
 * matches^2 > limit * root (WALK_ROOT); "--code 19" reads a tenth of the
 * entries that the date index walk read. */
static int walk_dates(struct qb *b, const dyad_query *q)
{
  struct dyad_store *s = b->s;
  if (s->ops->dialect != DYAD__SQLITE || !q || !q->limit ||
      given(q->text) || given(q->doc) ||
      !(given(q->source) || given(q->target) || given(q->code)))
    return 0;
  int64_t events = -1, n;
  if (s->ops->run(s, -1, "SELECT SUM(n) FROM counts_by_code", NULL, 0,
                  int_row, &events) != DYAD_OK ||
      events <= 0)
    return 0;
  /* an actor's events on either side, halved, stand for one side: a few
   * summary rows instead of every dyad of the actor */
  static const struct {
    size_t off;
    const char *sql;
  } est[] = {
      {offsetof(dyad_query, source),
       "SELECT SUM(n) / 2 FROM counts_by_actor WHERE actor >= ? AND "
       "actor < ?"},
      {offsetof(dyad_query, target),
       "SELECT SUM(n) / 2 FROM counts_by_actor WHERE actor >= ? AND "
       "actor < ?"},
      {offsetof(dyad_query, code),
       "SELECT SUM(n) FROM counts_by_code WHERE code >= ? AND code < ?"},
  };
  double m = (double)events;
  size_t qi = given(q->code) ? 2 : given(q->source) ? 0 : 1;
  for (size_t i = 0; i < DYAD_ARRAY_LEN(est); i++) {
    const char *pre = *(const char *const *)((const char *)q + est[i].off);
    if (!given(pre))
      continue;
    n = prefix_count(s, est[i].sql, pre, i == qi ? q->quads : 0);
    if (n < 0)
      return 0;
    m *= (double)n / (double)events;
  }
  double page = (double)(q->limit + q->offset);
  if (given(q->code) && strlen(q->code) >= 2 &&
      (unsigned char)q->code[0] < 0x80 && (unsigned char)q->code[1] < 0x80) {
    char root[3] = {q->code[0], q->code[1], '\0'};
    int64_t r = prefix_count(s, est[2].sql, root, 0);
    if (r >= 0)
      return m * m > page * (double)r ? WALK_ROOT : 0;
  }
  return m * m > page * (double)events;
}

/* SQLite: whether a listing of the first `limit` events matching a text
 * (and dates or QuadClasses at most) should walk the events newest first
 * and test each one (two FTS5 look-ups by rowid) rather than collect every
 * match and sort them. Walking costs about limit / f tests for a word in a
 * fraction f of the evidence; collecting costs f * events joins and a
 * sort. With a word in one sentence of seven, collecting means 140,000
 * events of a million; walking, about 700. Estimated from the FTS5
 * vocabulary: the rarest word's sentence count against the events. Only
 * plain ASCII words are estimated (the tokenizer folds others). */
static int probe_text(struct qb *b, const dyad_query *q)
{
  if (b->s->ops->dialect != DYAD__SQLITE || !q || !given(q->text) ||
      !q->limit || q->limit + q->offset > 1000 || given(q->source) ||
      given(q->target) || given(q->code) || given(q->doc))
    return 0;
  if (fts_query(&b->fts, q->text) <= 0)
    return 0;
  int64_t events = 0, rarest = -1;
  if (b->s->ops->run(b->s, -1, "SELECT MAX(id) FROM events", NULL, 0,
                     int_row, &events) != DYAD_OK ||
      events <= 0)
    return 0;
  const char *p = b->fts.ptr, *end = p + b->fts.len;
  int ntok = 0;
  while (p < end) {
    char tok[64];
    size_t n = 0;
    while (p < end && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                        (*p >= '0' && *p <= '9'))) {
      if ((unsigned char)*p >= 0x80)
        return 0;
      p++;
    }
    while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                       (*p >= '0' && *p <= '9'))) {
      if (n + 1 < sizeof(tok))
        tok[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
      p++;
    }
    if (!n)
      continue;
    if (p < end && (unsigned char)*p >= 0x80)
      return 0;
    if (++ntok > 16)
      return 0;
    int64_t docs = 0;
    struct dyad__val t = dyad__text(tok, n);
    if (b->s->ops->run(b->s, -1,
                       "SELECT doc FROM sentences_vocab WHERE term = ?", &t, 1,
                       int_row, &docs) != DYAD_OK)
      return 0;
    if (rarest < 0 || docs < rarest)
      rarest = docs;
  }
  /* f >= 5%: at most 20 * limit tests (a few ms each hundred) */
  return ntok > 0 && rarest * 20 >= events;
}

struct ev_ctx {
  dyad_store_event_fn fn;
  void *ud;
};

enum { EV_NCOL = 18 };

static int event_row(void *ud, int ncol, const char *const *v)
{
  struct ev_ctx *c = ud;
  if (ncol < EV_NCOL)
    return 1;
  dyad_store_event ev;
  memset(&ev, 0, sizeof(ev));
  ev.doc = str(v[0]);
  ev.title = str(v[1]);
  ev.sent = (uint32_t)strtoul(str(v[2]), NULL, 10);
  ev.date = parse_date(v[3]);
  ev.source = str(v[4]);
  ev.target = str(v[5]);
  ev.code = str(v[6]);
  ev.name = str(v[7]);
  ev.quad = (int)strtol(str(v[8]), NULL, 10);
  ev.has_goldstein = v[9] != NULL;
  ev.goldstein = v[9] ? strtod(v[9], NULL) : 0;
  ev.source_text = str(v[10]);
  ev.target_text = str(v[11]);
  ev.verb_text = str(v[12]);
  ev.sentence = str(v[13]);
  ev.rule = str(v[14]);
  ev.place = str(v[15]);
  ev.country = str(v[16]);
  ev.flags = (uint32_t)strtoul(str(v[17]), NULL, 10);
  return c->fn(&ev, c->ud);
}

dyad_status dyad_store_query(dyad_store *s, const dyad_query *q,
                             dyad_store_event_fn fn, void *ud)
{
  struct qb b;
  memset(&b, 0, sizeof(b));
  b.s = s;
  s->errmsg[0] = '\0';
  int pg = s->ops->dialect == DYAD__PG;
  dyad_status st = dyad__store_commit(s); /* see what was put */
  if (st != DYAD_OK)
    return st;
  b.probe = probe_text(&b, q);
  b.walk = b.probe ? 1 : walk_dates(&b, q);
  add(&b, pg ? "SELECT d.doc_key, d.title, e.sent, "
               "to_char(e.event_date, 'YYYY-MM-DD'), "
             : "SELECT d.doc_key, d.title, e.sent, e.event_date, ");
  add(&b, "e.source, e.target, e.code, COALESCE(c.name, ''), e.quad, "
          "e.goldstein, e.source_text, e.target_text, e.verb_text, "
          "COALESCE(s.text, ''), e.rule, COALESCE(p.name, ''), "
          "COALESCE(p.country, ''), e.flags"
          " FROM (SELECT e.id FROM");
  from_events(&b, q);
  /* Filter, order and cut on event ids alone, then join the few rows kept.
   * Ordering by (date, id) lets the filter indexes, which end in
   * event_date and (implicitly) the row id, answer the inner query without
   * reading the table: sorting 25,000 keys is cheap, joining them all
   * first is not. Ids grow in the order events were stored. */
  where(&b, q);
  /* SQLite: with a LIMIT, the planner likes to walk the date index in
   * order and test every event against the filters, which reads most of
   * the store when the filters are selective. "+" hides the column from
   * the ordering optimisation, so a filter's own index drives the query
   * and only its matches are sorted. Without such a filter, walking the
   * date index is the right plan. */
  add(&b, !pg && has_key_filter(q) && !b.walk
              ? " ORDER BY +e.event_date DESC NULLS LAST, e.id"
              : " ORDER BY e.event_date DESC NULLS LAST, e.id");
  limit(&b, q ? q->limit : 0);
  if (q && q->offset) { /* a later page: only its rows are joined */
    add(&b, q->limit ? " OFFSET ?" : pg ? " OFFSET ?" : " LIMIT -1 OFFSET ?");
    param(&b, dyad__int((int64_t)(q->offset > INT64_MAX ? INT64_MAX
                                                         : q->offset)));
  }
  /* SQLite finds the sentence and place by their ids (store.h). With a
   * LIMIT, k is never flattened into the join (nor its ORDER BY dropped),
   * so its ids come out in the page's order; every join below finds at
   * most one row per id, and CROSS JOIN keeps k the outer loop (SQLite
   * never reorders it), so the rows keep k's order and the outer ORDER BY
   * is left out: sorting the 50 joined rows, sentence text and all, cost
   * SQLite 0.35M instructions of a 3.0M code=19 page. Without a LIMIT,
   * SQLite flattens k and the outer ORDER BY is needed. */
  int ordered = !pg && q && q->limit;
  add(&b, ordered ? ") k CROSS JOIN events e ON e.id = k.id"
                  : ") k JOIN events e ON e.id = k.id");
  add(&b, " JOIN documents d ON d.id = e.doc_id");
  add(&b, pg ? " LEFT JOIN sentences s ON s.doc_id = e.doc_id"
               " AND s.idx = e.sent"
               " LEFT JOIN codes c ON c.code = e.code"
               " LEFT JOIN places p ON p.doc_id = e.doc_id AND p.idx = e.place"
             : " LEFT JOIN sentences s ON s.id = e.doc_id * "
               DYAD__CHILD_IDS_SQL " + e.sent"
               " LEFT JOIN codes c ON c.code = e.code"
               " LEFT JOIN places p ON p.id = e.doc_id * "
               DYAD__CHILD_IDS_SQL " + e.place");
  if (!ordered)
    add(&b, " ORDER BY e.event_date DESC NULLS LAST, e.id");
  struct ev_ctx c = {fn, ud};
  st = qb_run(&b, event_row, &c);
  qb_release(&b);
  return st;
}

/* ==== aggregates ======================================================= */

struct agg_ctx {
  dyad_store_agg_fn fn;
  void *ud;
};

/* Columns: key, name, count, q1, q2, q3, q4, mean goldstein. */
static int agg_row(void *ud, int ncol, const char *const *v)
{
  struct agg_ctx *c = ud;
  if (ncol < 8)
    return 1;
  dyad_store_agg a;
  memset(&a, 0, sizeof(a));
  a.key = str(v[0]);
  a.name = str(v[1]);
  a.count = strtoull(str(v[2]), NULL, 10);
  uint64_t known = 0;
  for (int i = 1; i <= 4; i++) {
    a.quad[i] = strtoull(str(v[2 + i]), NULL, 10);
    known += a.quad[i];
  }
  a.quad[0] = a.count > known ? a.count - known : 0;
  a.has_goldstein = v[7] != NULL;
  a.goldstein = v[7] ? strtod(v[7], NULL) : 0;
  return c->fn(&a, c->ud);
}

/* Columns: key, name, count, q1, q2, q3, q4, Goldstein sum in
 * millionths, scored events (summary tables). */
static int agg_sum_row(void *ud, int ncol, const char *const *v)
{
  if (ncol < 9)
    return 1;
  int64_t g6 = strtoll(str(v[7]), NULL, 10), gn = strtoll(str(v[8]), NULL, 10);
  char mean[40];
  snprintf(mean, sizeof(mean), "%.17g", gn ? (double)g6 / 1e6 / (double)gn : 0);
  const char *w[8] = {v[0], v[1], v[2], v[3], v[4], v[5], v[6],
                      gn ? mean : NULL};
  return agg_row(ud, 8, w);
}

static const char agg_cols[] =
    "COUNT(*), SUM(CASE WHEN e.quad = 1 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN e.quad = 2 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN e.quad = 3 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN e.quad = 4 THEN 1 ELSE 0 END), AVG(e.goldstein)";

/* Periods are folded here from per-day rows rather than computed in SQL:
 * grouping by the date column follows the events_day index with no
 * sorting and no per-row date arithmetic, and one piece of C gives both
 * backends the same weeks. */
struct period_ctx {
  dyad_period per;
  dyad_store_agg_fn fn;
  void *ud;
  char key[16];       /* the period being summed */
  uint64_t count, quad[5];
  double gsum;        /* sum of Goldstein scores */
  int64_t g6;         /* the same in millionths (summary rows) */
  uint64_t gn;        /* events with a score */
  int micro;          /* rows come from counts_by_day */
  int open, stop;
};

/* The period key of a "YYYY-MM-DD" day: the day, the Monday of its ISO
 * week, or "YYYY-MM". */
static void period_key(dyad_period per, const char *day, char out[16])
{
  dyad_date d = parse_date(day);
  if (!d) {
    snprintf(out, 16, "%s", "");
    return;
  }
  if (per == DYAD_PERIOD_MONTH) {
    snprintf(out, 16, "%.7s", day);
    return;
  }
  if (per == DYAD_PERIOD_WEEK) {
    int y = d / 10000, m = d / 100 % 100, dd = d % 100;
    /* day of the week, Monday = 0 (Sakamoto's method gives Sunday = 0) */
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int yy = m < 3 ? y - 1 : y;
    int dow = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + dd) % 7;
    int back = (dow + 6) % 7;
    while (back--) {
      if (--dd == 0) {
        if (--m == 0) {
          m = 12;
          y--;
        }
        dd = dyad__days_in_month(y, m);
      }
    }
    d = y * 10000 + m * 100 + dd;
  }
  dyad_date_format(d, out);
}

static void period_emit(struct period_ctx *c)
{
  if (!c->open || c->stop)
    return;
  dyad_store_agg a;
  memset(&a, 0, sizeof(a));
  a.key = c->key;
  a.name = "";
  a.count = c->count;
  memcpy(a.quad, c->quad, sizeof(a.quad));
  a.has_goldstein = c->gn > 0;
  double sum = c->micro ? (double)c->g6 / 1e6 : c->gsum;
  a.goldstein = c->gn ? sum / (double)c->gn : 0;
  c->stop = c->fn(&a, c->ud) != 0;
  c->open = 0;
}

/* Columns: day, count, q1, q2, q3, q4, sum of Goldstein, scored events. */
static int day_row(void *ud, int ncol, const char *const *v)
{
  struct period_ctx *c = ud;
  if (ncol < 8 || !v[0])
    return 0;
  char key[16];
  period_key(c->per, v[0], key);
  if (c->open && strcmp(key, c->key) != 0)
    period_emit(c);
  if (c->stop)
    return 1;
  if (!c->open) {
    memcpy(c->key, key, sizeof(key));
    c->count = c->gn = 0;
    c->gsum = 0;
    c->g6 = 0;
    memset(c->quad, 0, sizeof(c->quad));
    c->open = 1;
  }
  uint64_t n = strtoull(str(v[1]), NULL, 10), known = 0;
  c->count += n;
  for (int i = 1; i <= 4; i++) {
    uint64_t k = strtoull(str(v[1 + i]), NULL, 10);
    c->quad[i] += k;
    known += k;
  }
  c->quad[0] += n > known ? n - known : 0;
  if (c->micro)
    c->g6 += strtoll(str(v[6]), NULL, 10);
  else
    c->gsum += v[6] ? strtod(v[6], NULL) : 0;
  c->gn += strtoull(str(v[7]), NULL, 10);
  return 0;
}

/* SQLite series with key filters: the matching events' (day, quad,
 * goldstein) rows, read from the filter's covering index, are summed here
 * by period. Grouping them by day in SQL sorted every row and ran seven
 * aggregate steps on each: 6.0M instructions for RUS:UKR's 640 events,
 * against 1.4M to read them. Goldstein sums are kept in millionths, as
 * the summary tables keep them, so they do not depend on the order in
 * which the rows come (the filter's index order, not the date's). */
struct fold_bucket {
  int64_t ord; /* the period's ordinal: sorts the periods */
  char key[16];
  uint64_t count, quad[5], gn;
  int64_t g6;
};

struct fold {
  dyad_period per;
  struct fold_bucket *v;
  uint32_t *slot; /* index + 1 into v, 0 empty; cap slots */
  size_t n, cap;
  char last_day[11]; /* the previous row's day, and its bucket */
  size_t last;
  int sign; /* fold_row: +1 adds each event, -1 takes it out */
  int oom;
};

/* "YYYY-MM-DD" (as the store writes dates) into its parts; -1 if not. */
static int civil_day(const char *t, int *y, int *m, int *d)
{
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? t[i] != '-' : t[i] < '0' || t[i] > '9')
      return -1;
  if (t[10])
    return -1;
  *y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 +
       (t[3] - '0');
  *m = (t[5] - '0') * 10 + (t[6] - '0');
  *d = (t[8] - '0') * 10 + (t[9] - '0');
  if (*m < 1 || *m > 12 || *d < 1 || *d > dyad__days_in_month(*y, *m))
    return -1;
  return 0;
}

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
static int64_t civil_days(int y, int m, int d)
{
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static int fold_grow(struct fold *f)
{
  size_t cap = f->cap ? 2 * f->cap : 256;
  uint32_t *slot = calloc(cap, sizeof(*slot));
  struct fold_bucket *v = realloc(f->v, cap / 2 * sizeof(*v));
  if (!slot || !v) {
    free(slot);
    if (v)
      f->v = v;
    return -1;
  }
  f->v = v;
  for (size_t i = 0; i < f->n; i++) {
    size_t h = (size_t)(((uint64_t)v[i].ord * 0x9E3779B97F4A7C15u) >> 32) &
               (cap - 1);
    while (slot[h])
      h = (h + 1) & (cap - 1);
    slot[h] = (uint32_t)i + 1;
  }
  free(f->slot);
  f->slot = slot;
  f->cap = cap;
  return 0;
}

/* The bucket of a day's period, made when new; NULL when out of memory
 * or the day is not a date. */
static struct fold_bucket *fold_bucket(struct fold *f, const char *day)
{
  int y, m, d;
  int civil = civil_day(day, &y, &m, &d) == 0;
  if (!civil) {
    dyad_date dd = parse_date(day);
    if (!dd)
      return NULL;
    y = dd / 10000, m = dd / 100 % 100, d = dd % 100;
  }
  int64_t ord;
  if (f->per == DYAD_PERIOD_MONTH)
    ord = (int64_t)y * 100 + m;
  else if (f->per == DYAD_PERIOD_WEEK) { /* its Monday; 1970-01-01: Thu */
    int64_t z = civil_days(y, m, d);
    ord = z - ((z + 3) % 7 + 7) % 7;
  } else
    ord = (int64_t)y * 10000 + m * 100 + d;
  if ((f->n + 1) * 2 > f->cap && fold_grow(f)) {
    f->oom = 1;
    return NULL;
  }
  size_t h = (size_t)(((uint64_t)ord * 0x9E3779B97F4A7C15u) >> 32) &
             (f->cap - 1);
  while (f->slot[h]) {
    struct fold_bucket *b = &f->v[f->slot[h] - 1];
    if (b->ord == ord)
      return b;
    h = (h + 1) & (f->cap - 1);
  }
  struct fold_bucket *b = &f->v[f->n];
  memset(b, 0, sizeof(*b));
  b->ord = ord;
  if (f->per == DYAD_PERIOD_WEEK || !civil)
    period_key(f->per, day, b->key);
  else /* what period_key makes of a well-formed day, without printf */
    memcpy(b->key, day, f->per == DYAD_PERIOD_MONTH ? 7 : 10);
  f->slot[h] = (uint32_t)++f->n;
  return b;
}

/* The bucket of day: consecutive rows often share a day, so the last one's
 * bucket is kept and such rows skip the hash; NULL when out of memory. */
static struct fold_bucket *fold_day(struct fold *f, const char *day)
{
  if (f->n && strncmp(day, f->last_day, sizeof(f->last_day)) == 0)
    return &f->v[f->last];
  struct fold_bucket *b = fold_bucket(f, day);
  if (!b)
    return NULL;
  f->last = (size_t)(b - f->v);
  size_t n = strnlen(day, sizeof(f->last_day) - 1);
  memcpy(f->last_day, day, n); /* longer: never matches again */
  f->last_day[n] = '\0';
  return b;
}

/* Columns: day, quad, goldstein. */
static int fold_row(void *ud, int ncol, const char *const *v)
{
  struct fold *f = ud;
  if (ncol < 3 || !v[0])
    return 0;
  struct fold_bucket *b = fold_day(f, v[0]);
  if (!b)
    return f->oom;
  uint64_t one = f->sign < 0 ? UINT64_MAX : 1; /* sums wrap back */
  b->count += one;
  int q = v[1] && v[1][0] >= '1' && v[1][0] <= '4' && !v[1][1]
              ? v[1][0] - '0'
              : v[1] ? (int)strtol(v[1], NULL, 10) : 0;
  b->quad[q >= 1 && q <= 4 ? q : 0] += one;
  if (v[2]) {
    int64_t g6 = (int64_t)llround(strtod(v[2], NULL) * 1e6);
    b->g6 += f->sign < 0 ? -g6 : g6;
    b->gn += one;
  }
  return 0;
}

static int fold_cmp(const void *x, const void *y)
{
  const struct fold_bucket *a = x, *b = y;
  return (a->ord > b->ord) - (a->ord < b->ord);
}

/* Columns: day, quad, n, gsum6, gn (counts_by_actor_day rows). */
static int fold_sum_row(void *ud, int ncol, const char *const *v)
{
  struct fold *f = ud;
  if (ncol < 5 || !v[0])
    return 0;
  struct fold_bucket *b = fold_day(f, v[0]);
  if (!b)
    return f->oom;
  uint64_t n = strtoull(str(v[2]), NULL, 10);
  int q = (int)strtol(str(v[1]), NULL, 10);
  b->count += n;
  b->quad[q >= 1 && q <= 4 ? q : 0] += n;
  b->g6 += strtoll(str(v[3]), NULL, 10);
  b->gn += strtoull(str(v[4]), NULL, 10);
  return 0;
}

/* Runs the statement built in b into f (fold_row or fold_sum_row). */
static dyad_status fold_run(struct qb *b, struct fold *f, dyad__row_fn row)
{
  dyad_status st = qb_run(b, row, f);
  if (st == DYAD_OK && f->oom)
    st = dyad__store_error(b->s, DYAD_ENOMEM, "out of memory");
  qb_release(b);
  memset(b->p, 0, sizeof(b->p));
  b->np = 0;
  b->text_done = 0;
  return st;
}

/* Hands f's periods to fn in order (a period whose rows sum to no event,
 * as summary rows left at n = 0 may, is left out) and frees f. */
static dyad_status fold_emit(struct fold *f, dyad_status st,
                             dyad_store_agg_fn fn, void *ud)
{
  if (st == DYAD_OK) {
    if (f->n) /* f->v is NULL when no event matched */
      qsort(f->v, f->n, sizeof(*f->v), fold_cmp);
    for (size_t i = 0; i < f->n; i++) {
      const struct fold_bucket *k = &f->v[i];
      if (!k->count)
        continue;
      dyad_store_agg a;
      memset(&a, 0, sizeof(a));
      a.key = k->key;
      a.name = "";
      a.count = k->count;
      memcpy(a.quad, k->quad, sizeof(a.quad));
      a.has_goldstein = k->gn > 0;
      a.goldstein = k->gn ? (double)k->g6 / 1e6 / (double)k->gn : 0;
      if (fn(&a, ud))
        break;
    }
  }
  free(f->v);
  free(f->slot);
  return st;
}

static dyad_status count_by_fold(struct qb *b, const dyad_query *q,
                                 dyad_period per, dyad_store_agg_fn fn,
                                 void *ud)
{
  struct fold f;
  memset(&f, 0, sizeof(f));
  f.per = per;
  f.sign = 1;
  add(b, "SELECT e.event_date, e.quad, e.goldstein FROM");
  from_events(b, q);
  where(b, q);
  add(b, " AND e.event_date IS NOT NULL");
  return fold_emit(&f, fold_run(b, &f, fold_row), fn, ud);
}

/* An actor's series: the events with the actor (a code prefix) on either
 * side, each counted once, by period. On SQLite with nothing but dates
 * and QuadClasses, counts_by_actor_day answers: the codes under the
 * prefix are found one index seek each (a recursive MIN walk: a plain
 * range would read every day of every code), then each code's days in
 * range, a few rows per day where the events are several per day; the
 * events with both sides under the prefix, counted there twice, are read
 * from events_dyad (the prefix's dyads with each other: few) and taken
 * out once. Otherwise the events: those with
 * the actor as source, then those with it as target and not as source,
 * each half through its own index. Either way the rows are summed here
 * by period (fold), Goldstein in millionths. */
dyad_status dyad_store_count_by_actor(dyad_store *s, const dyad_query *q,
                                      const char *actor, dyad_period per,
                                      dyad_store_agg_fn fn, void *ud)
{
  s->errmsg[0] = '\0';
  if (per != DYAD_PERIOD_DAY && per != DYAD_PERIOD_WEEK &&
      per != DYAD_PERIOD_MONTH)
    return dyad__store_error(s, DYAD_EARG, "unknown period");
  if (!given(actor))
    return dyad__store_error(s, DYAD_EARG, "no actor given");
  if (q && (given(q->source) || given(q->target)))
    return dyad__store_error(s, DYAD_EARG,
                             "an actor series takes no source or target");
  int pg = s->ops->dialect == DYAD__PG;
  struct qb b;
  memset(&b, 0, sizeof(b));
  b.s = s;
  struct fold f;
  memset(&f, 0, sizeof(f));
  f.per = per;
  size_t len = strlen(actor);
  char hi[DYAD_CODE_MAX + 8];
  size_t hlen = upper_bound(actor, len, hi, sizeof(hi));
  if (!pg && hlen && !has_key_filter(q)) {
    struct dyad__val lo_v = dyad__text(actor, len), hi_v = dyad__text(hi, hlen);
    int dates = q && (q->from || q->to);
    if (dates) {
      add(&b, "WITH RECURSIVE k(a) AS (SELECT MIN(actor) FROM "
              "counts_by_actor_day WHERE actor >= ? AND actor < ? UNION ALL "
              "SELECT (SELECT MIN(actor) FROM counts_by_actor_day WHERE "
              "actor > k.a AND actor < ?) FROM k WHERE k.a IS NOT NULL) "
              "SELECT c.day, c.quad, c.n, c.gsum6, c.gn FROM k CROSS JOIN "
              "counts_by_actor_day c ON c.actor = k.a WHERE 1 = 1");
      param(&b, lo_v);
      param(&b, hi_v);
      param(&b, hi_v);
    } else {
      add(&b, "SELECT c.day, c.quad, c.n, c.gsum6, c.gn FROM "
              "counts_by_actor_day c WHERE c.actor >= ? AND c.actor < ?");
      param(&b, lo_v);
      param(&b, hi_v);
    }
    if (q && q->from) {
      add(&b, " AND c.day >= ?");
      param(&b, dyad__date(q->from));
    }
    if (q && q->to) {
      add(&b, " AND c.day <= ?");
      param(&b, dyad__date(q->to));
    }
    if (q)
      quads_in(&b, "c.quad", q->quads);
    dyad_status st = fold_run(&b, &f, fold_sum_row);
    if (st == DYAD_OK) { /* the actor on both sides: once, not twice */
      dyad_query both;
      if (q)
        both = *q;
      else
        memset(&both, 0, sizeof(both));
      both.source = both.target = actor;
      f.sign = -1;
      add(&b, "SELECT e.event_date, e.quad, e.goldstein FROM");
      from_events(&b, &both);
      where(&b, &both);
      add(&b, " AND e.event_date IS NOT NULL");
      st = fold_run(&b, &f, fold_row);
    }
    return fold_emit(&f, st, fn, ud);
  }
  f.sign = 1;
  dyad_query one;
  if (q)
    one = *q;
  else
    memset(&one, 0, sizeof(one));
  dyad_status st = DYAD_OK;
  for (int side = 0; st == DYAD_OK && side < 2; side++) {
    one.source = side ? NULL : actor;
    one.target = side ? actor : NULL;
    add(&b, pg ? "SELECT to_char(e.event_date, 'YYYY-MM-DD'), e.quad, "
                 "e.goldstein FROM"
               : "SELECT e.event_date, e.quad, e.goldstein FROM");
    from_events(&b, &one);
    where(&b, &one);
    add(&b, " AND e.event_date IS NOT NULL");
    if (side) { /* as source too: counted in the first half */
      add(&b, " AND NOT (e.source >= ?");
      param(&b, dyad__text(actor, len));
      if (hlen) {
        add(&b, " AND e.source < ?");
        param(&b, dyad__text(hi, hlen));
      }
      add(&b, ")");
    }
    st = fold_run(&b, &f, fold_row);
  }
  return fold_emit(&f, st, fn, ud);
}

dyad_status dyad_store_count_by(dyad_store *s, const dyad_query *q,
                                dyad_period per, dyad_store_agg_fn fn,
                                void *ud)
{
  if (per != DYAD_PERIOD_DAY && per != DYAD_PERIOD_WEEK &&
      per != DYAD_PERIOD_MONTH)
    return dyad__store_error(s, DYAD_EARG, "unknown period");
  int pg = s->ops->dialect == DYAD__PG;
  struct qb b;
  memset(&b, 0, sizeof(b));
  b.s = s;
  s->errmsg[0] = '\0';
  struct period_ctx c;
  memset(&c, 0, sizeof(c));
  c.per = per;
  c.fn = fn;
  c.ud = ud;
  if (!has_key_filter(q)) {
    /* dates and QuadClasses only: the per-day summary answers */
    c.micro = 1;
    add(&b, pg ? "SELECT to_char(day, 'YYYY-MM-DD'), " : "SELECT day, ");
    add(&b, sum_cols);
    add(&b, " FROM counts_by_day WHERE 1 = 1");
    if (q && q->from) {
      add(&b, " AND day >= ?");
      param(&b, dyad__date(q->from));
    }
    if (q && q->to) {
      add(&b, " AND day <= ?");
      param(&b, dyad__date(q->to));
    }
    sum_quads(&b, q);
    add(&b, " GROUP BY day HAVING SUM(n) > 0 ORDER BY day");
    dyad_status st = qb_run(&b, day_row, &c);
    if (st == DYAD_OK)
      period_emit(&c);
    qb_release(&b);
    return st;
  }
  if (!pg)
    return count_by_fold(&b, q, per, fn, ud);
  add(&b, "SELECT to_char(e.event_date, 'YYYY-MM-DD'), "
          "COUNT(*), SUM(CASE WHEN e.quad = 1 THEN 1 ELSE 0 END), "
          "SUM(CASE WHEN e.quad = 2 THEN 1 ELSE 0 END), "
          "SUM(CASE WHEN e.quad = 3 THEN 1 ELSE 0 END), "
          "SUM(CASE WHEN e.quad = 4 THEN 1 ELSE 0 END), SUM(e.goldstein), "
          "COUNT(e.goldstein) FROM");
  from_events(&b, q);
  where(&b, q);
  add(&b, " AND e.event_date IS NOT NULL GROUP BY e.event_date"
          " ORDER BY e.event_date");
  dyad_status st = qb_run(&b, day_row, &c);
  if (st == DYAD_OK)
    period_emit(&c);
  qb_release(&b);
  return st;
}

/* Rankings over the whole store (no filter but QuadClasses), from the
 * summary tables. Same columns and order as the queries over events. */
static dyad_status top_summary(struct qb *b, const dyad_query *q,
                               dyad_top what, dyad_store_agg_fn fn, void *ud)
{
  switch (what) {
  case DYAD_TOP_ACTORS:
    add(b, "SELECT actor, '', ");
    add(b, sum_cols);
    add(b, " FROM counts_by_actor WHERE 1 = 1");
    sum_quads(b, q);
    add(b, " GROUP BY actor HAVING SUM(n) > 0 ORDER BY 3 DESC, 1");
    break;
  case DYAD_TOP_DYADS:
    add(b, "SELECT source || ':' || target, '', ");
    add(b, sum_cols);
    add(b, " FROM counts_by_dyad WHERE 1 = 1");
    sum_quads(b, q);
    add(b, " GROUP BY source, target HAVING SUM(n) > 0 ORDER BY 3 DESC, "
           "source, target");
    break;
  default:
    add(b, "SELECT t.code, COALESCE(c.name, ''), t.k_n, t.k_q1, t.k_q2, "
           "t.k_q3, t.k_q4, t.k_g6, t.k_gn FROM (SELECT code, ");
    add(b, sum_cols);
    add(b, " FROM counts_by_code WHERE 1 = 1");
    sum_quads(b, q);
    add(b, " GROUP BY code HAVING SUM(n) > 0) t LEFT JOIN codes c ON "
           "c.code = t.code ORDER BY 3 DESC, 1");
    break;
  }
  limit(b, q && q->limit ? q->limit : 20);
  struct agg_ctx c = {fn, ud};
  dyad_status st = qb_run(b, agg_sum_row, &c);
  qb_release(b);
  return st;
}

/* SQLite rankings of actors or dyads over a date range or filters: the
 * matching events' (key, quad, goldstein) rows are summed here in a hash
 * table. SQLite would sort every row to group them (a year of a million
 * events is 100,000 rows to sort), which cost twice the reading. Same
 * keys, counts, order and cut as the SQL of the other backend. */
struct rank_item {
  char key[2 * DYAD_CODE_MAX + 2]; /* "SRC:TGT" or "ACTOR" */
  size_t split;                    /* length of SRC (of the key) */
  uint64_t count, quad[5], gn;
  double gsum;
};

struct rank {
  struct rank_item *v;
  uint32_t *slot; /* index + 1 into v, 0 empty; cap slots */
  size_t n, cap;
  int pair, oom;
};

static int rank_grow(struct rank *r)
{
  size_t cap = r->cap ? 2 * r->cap : 1024;
  uint32_t *slot = calloc(cap, sizeof(*slot));
  struct rank_item *v = realloc(r->v, cap / 2 * sizeof(*v));
  if (!slot || !v) {
    free(slot);
    if (v)
      r->v = v;
    return -1;
  }
  r->v = v;
  for (size_t i = 0; i < r->n; i++) {
    size_t h = dyad__hash(v[i].key, strlen(v[i].key)) & (cap - 1);
    while (slot[h])
      h = (h + 1) & (cap - 1);
    slot[h] = (uint32_t)i + 1;
  }
  free(r->slot);
  r->slot = slot;
  r->cap = cap;
  return 0;
}

/* The item of key v[0] (or v[0]:v[1]), made when new; NULL when out of
 * memory (r->oom). */
static struct rank_item *rank_find(struct rank *r, const char *const *v)
{
  char key[sizeof(r->v[0].key)];
  size_t split = strnlen(str(v[0]), DYAD_CODE_MAX), len = split;
  memcpy(key, str(v[0]), split);
  if (r->pair) {
    size_t t = strnlen(str(v[1]), DYAD_CODE_MAX);
    key[len++] = ':';
    memcpy(key + len, str(v[1]), t);
    len += t;
  }
  key[len] = '\0';
  if ((r->n + 1) * 2 > r->cap && rank_grow(r) != 0) {
    r->oom = 1;
    return NULL;
  }
  size_t h = dyad__hash(key, len) & (r->cap - 1);
  struct rank_item *it = NULL;
  while (r->slot[h]) {
    struct rank_item *c = &r->v[r->slot[h] - 1];
    if (strcmp(c->key, key) == 0) {
      it = c;
      break;
    }
    h = (h + 1) & (r->cap - 1);
  }
  if (!it) {
    it = &r->v[r->n];
    memset(it, 0, sizeof(*it));
    memcpy(it->key, key, len + 1);
    it->split = split;
    r->slot[h] = (uint32_t)++r->n;
  }
  return it;
}

/* Columns: key (or source), [target], quad, goldstein. */
static int rank_row(void *ud, int ncol, const char *const *v)
{
  struct rank *r = ud;
  int k = r->pair ? 2 : 1;
  if (ncol < k + 2)
    return 1;
  struct rank_item *it = rank_find(r, v);
  if (!it)
    return 1;
  it->count++;
  int quad = (int)strtol(str(v[k]), NULL, 10);
  if (quad >= 1 && quad <= 4)
    it->quad[quad]++;
  if (v[k + 1]) {
    it->gsum += strtod(v[k + 1], NULL);
    it->gn++;
  }
  return 0;
}

/* Columns: source, target, n, q1, q2, q3, q4, gsum6, gn (a row of
 * counts_by_dyad_year). */
static int rank_year_row(void *ud, int ncol, const char *const *v)
{
  struct rank *r = ud;
  if (ncol < 9)
    return 1;
  struct rank_item *it = rank_find(r, v);
  if (!it)
    return 1;
  it->count += strtoull(str(v[2]), NULL, 10);
  for (int k = 1; k <= 4; k++)
    it->quad[k] += strtoull(str(v[2 + k]), NULL, 10);
  it->gsum += (double)strtoll(str(v[7]), NULL, 10) / 1e6;
  it->gn += strtoull(str(v[8]), NULL, 10);
  return 0;
}

/* Most events first, then by key as SQLite orders text (bytes), a dyad
 * by source, then target. */
static int rank_cmp(const void *a, const void *b)
{
  const struct rank_item *x = a, *y = b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  size_t n = x->split < y->split ? x->split : y->split;
  int c = memcmp(x->key, y->key, n);
  if (c || x->split != y->split)
    return c ? c : x->split < y->split ? -1 : 1;
  return strcmp(x->key + x->split, y->key + y->split);
}

/* The k-th largest count of r's n items (1 <= k <= n): a min-heap of
 * the k largest seen so far in h (k slots), whose top is the answer; most
 * counts fall below it and cost one comparison. */
static uint64_t kth_largest(const struct rank *r, size_t k, uint64_t *h)
{
  size_t n = 0;
  for (size_t i = 0; i < r->n; i++) {
    uint64_t c = r->v[i].count;
    size_t j;
    if (n < k) { /* sift up */
      for (j = n++; j > 0 && h[(j - 1) / 2] > c; j = (j - 1) / 2)
        h[j] = h[(j - 1) / 2];
      h[j] = c;
    } else if (c > h[0]) { /* replace the top, sift down */
      for (j = 0;;) {
        size_t l = 2 * j + 1, m = l;
        if (l >= k)
          break;
        if (l + 1 < k && h[l + 1] < h[l])
          m = l + 1;
        if (h[m] >= c)
          break;
        h[j] = h[m];
        j = m;
      }
      h[j] = c;
    }
  }
  return h[0];
}

/* Puts the items that can be among the first lim of r (counts at least
 * the lim-th largest, ties and all) first, in rank order; returns how
 * many. Sorting every item cost most of a year's network (14,000 dyads:
 * 59M of 84M instructions, qsort moving 80-byte items). */
static size_t rank_order(struct rank *r, size_t lim)
{
  size_t m = r->n;
  if (lim && lim < r->n / 2) {
    uint64_t *h = malloc(lim * sizeof(*h));
    if (h) {
      uint64_t t = kth_largest(r, lim, h);
      free(h);
      m = 0;
      for (size_t i = 0; i < r->n; i++) /* keep those at t or above */
        if (r->v[i].count >= t) {
          if (m != i) {
            struct rank_item x = r->v[m];
            r->v[m] = r->v[i];
            r->v[i] = x;
          }
          m++;
        }
    }
  }
  if (m)
    qsort(r->v, m, sizeof(*r->v), rank_cmp);
  return m;
}

/* Dyads over whole years from counts_by_dyad_year (when dates are the
 * only filter): the years that [from, to] covers from 1 January to 31
 * December, as years from..to. 0 when it covers none. */
static int whole_years(const dyad_query *q, int *y0, int *y1)
{
  if (!q || !(q->from || q->to) || has_key_filter(q) || (q->quads & 0x1e))
    return 0;
  *y0 = !q->from ? 0 : (int)(q->from / 10000) + (q->from % 10000 != 101);
  *y1 = !q->to ? 9999 : (int)(q->to / 10000) - (q->to % 10000 != 1231);
  return *y0 <= *y1;
}

/* Adds the events of q (its dates narrowed to [from, to]) to r. */
static dyad_status rank_events(struct qb *b, const dyad_query *q,
                               dyad_date from, dyad_date to, struct rank *r)
{
  dyad_query e = *q;
  e.from = from;
  e.to = to;
  add(b, "SELECT e.source, e.target, e.quad, e.goldstein FROM");
  from_events(b, &e);
  where(b, &e);
  dyad_status st = qb_run(b, rank_row, r);
  qb_release(b);
  memset(b->p, 0, sizeof(b->p));
  b->np = 0;
  return st;
}

static dyad_status top_in_c(struct qb *b, const dyad_query *q,
                            dyad_top what, dyad_store_agg_fn fn, void *ud)
{
  struct rank r;
  memset(&r, 0, sizeof(r));
  r.pair = what == DYAD_TOP_DYADS;
  dyad_status st = DYAD_OK;
  int y0, y1;
  if (r.pair && whole_years(q, &y0, &y1) && y0 == y1 &&
      q->from == (dyad_date)y0 * 10000 + 101 &&
      q->to == (dyad_date)y0 * 10000 + 1231) {
    /* one calendar year: SQLite ranks its rows itself and hands back only
     * the top ones (a sorter that keeps the first `limit`), where summing
     * them here would turn each of the year's rows into text first (the
     * network of 2022: 14,199 rows) */
    add(b, "SELECT source || ':' || target, '', n, q1, q2, q3, q4, gsum6, "
           "gn FROM counts_by_dyad_year WHERE year = ? AND n > 0 ORDER BY "
           "n DESC, source, target");
    param(b, dyad__int(y0));
    limit(b, q->limit ? q->limit : 20);
    struct agg_ctx c = {fn, ud};
    st = qb_run(b, agg_sum_row, &c);
    qb_release(b);
    return st;
  }
  if (r.pair && whole_years(q, &y0, &y1)) {
    /* whole years from the summary, the days around them from events */
    add(b, "SELECT source, target, n, q1, q2, q3, q4, gsum6, gn FROM "
           "counts_by_dyad_year WHERE year >= ? AND year <= ?");
    param(b, dyad__int(y0));
    param(b, dyad__int(y1));
    st = qb_run(b, rank_year_row, &r);
    qb_release(b);
    memset(b->p, 0, sizeof(b->p));
    b->np = 0;
    if (st == DYAD_OK && q->from && q->from < (dyad_date)y0 * 10000 + 101)
      st = rank_events(b, q, q->from, (dyad_date)(y0 - 1) * 10000 + 1231, &r);
    if (st == DYAD_OK && q->to && q->to > (dyad_date)y1 * 10000 + 1231)
      st = rank_events(b, q, (dyad_date)(y1 + 1) * 10000 + 101, q->to, &r);
  } else if (r.pair) {
    add(b, "SELECT e.source, e.target, e.quad, e.goldstein FROM");
    from_events(b, q);
    where(b, q);
  } else {
    add(b, "SELECT e.source, e.quad, e.goldstein FROM");
    from_events(b, q);
    where(b, q);
    add(b, " AND e.source <> '---' AND e.source <> ''"
           " UNION ALL SELECT e.target, e.quad, e.goldstein FROM");
    b->text_done = 0;
    from_events(b, q);
    where(b, q);
    add(b, " AND e.target <> '---' AND e.target <> ''");
  }
  if (b->sql.len)
    st = qb_run(b, rank_row, &r);
  if (st == DYAD_OK && r.oom)
    st = dyad__store_error(b->s, DYAD_ENOMEM, "out of memory");
  if (st == DYAD_OK) {
    size_t lim = q && q->limit ? (size_t)q->limit : 20;
    size_t m = rank_order(&r, lim); /* r.v is NULL when nothing matched */
    /* (counted last: summary rows left at n = 0 by replaced documents) */
    for (size_t i = 0; i < m && i < lim && r.v[i].count; i++) {
      dyad_store_agg a;
      memset(&a, 0, sizeof(a));
      a.key = r.v[i].key;
      a.name = "";
      a.count = r.v[i].count;
      uint64_t known = 0;
      for (int k = 1; k <= 4; k++) {
        a.quad[k] = r.v[i].quad[k];
        known += a.quad[k];
      }
      a.quad[0] = a.count - known;
      a.has_goldstein = r.v[i].gn > 0;
      a.goldstein = r.v[i].gn ? r.v[i].gsum / (double)r.v[i].gn : 0;
      if (fn(&a, ud))
        break;
    }
  }
  free(r.v);
  free(r.slot);
  qb_release(b);
  return st;
}

dyad_status dyad_store_top(dyad_store *s, const dyad_query *q, dyad_top what,
                           dyad_store_agg_fn fn, void *ud)
{
  struct qb b;
  memset(&b, 0, sizeof(b));
  b.s = s;
  s->errmsg[0] = '\0';
  if ((what == DYAD_TOP_ACTORS || what == DYAD_TOP_DYADS ||
       what == DYAD_TOP_CODES) &&
      !has_key_filter(q) && !(q && (q->from || q->to)))
    return top_summary(&b, q, what, fn, ud);
  if (s->ops->dialect == DYAD__SQLITE &&
      (what == DYAD_TOP_ACTORS || what == DYAD_TOP_DYADS)) {
    dyad_status st = dyad__store_commit(s); /* see what was put */
    return st != DYAD_OK ? st : top_in_c(&b, q, what, fn, ud);
  }
  switch (what) {
  case DYAD_TOP_ACTORS:
    /* Known sources and targets of the matching events (exactly the rows
     * of the actors table), read through the events indexes alone:
     * joining the actors table makes PostgreSQL scan all of it. */
    add(&b, "SELECT e.code, '', ");
    add(&b, agg_cols);
    add(&b, " FROM (SELECT e.source AS code, e.quad, e.goldstein FROM");
    from_events(&b, q);
    where(&b, q);
    add(&b, " AND e.source <> '---' AND e.source <> ''"
            " UNION ALL SELECT e.target, e.quad, e.goldstein FROM");
    b.text_done = 0;
    from_events(&b, q);
    where(&b, q);
    add(&b, " AND e.target <> '---' AND e.target <> '') e"
            " GROUP BY e.code ORDER BY 3 DESC, 1");
    break;
  case DYAD_TOP_DYADS:
    add(&b, "SELECT e.source || ':' || e.target, '', ");
    add(&b, agg_cols);
    add(&b, " FROM");
    from_events(&b, q);
    where(&b, q);
    add(&b, " GROUP BY e.source, e.target ORDER BY 3 DESC, e.source, "
            "e.target");
    break;
  case DYAD_TOP_CODES:
    add(&b, "SELECT e.code, COALESCE(MAX(c.name), ''), ");
    add(&b, agg_cols);
    add(&b, " FROM");
    from_events(&b, q);
    add(&b, " LEFT JOIN codes c ON c.code = e.code");
    where(&b, q);
    add(&b, " GROUP BY e.code ORDER BY 3 DESC, 1");
    break;
  default:
    qb_release(&b);
    return dyad__store_error(s, DYAD_EARG, "unknown ranking");
  }
  limit(&b, q && q->limit ? q->limit : 20);
  struct agg_ctx c = {fn, ud};
  dyad_status st = qb_run(&b, agg_row, &c);
  qb_release(&b);
  return st;
}

dyad_period dyad_period_parse(const char *s, size_t len)
{
  if (len == 3 && memcmp(s, "day", 3) == 0)
    return DYAD_PERIOD_DAY;
  if (len == 4 && memcmp(s, "week", 4) == 0)
    return DYAD_PERIOD_WEEK;
  if (len == 5 && memcmp(s, "month", 5) == 0)
    return DYAD_PERIOD_MONTH;
  return (dyad_period)0;
}

dyad_top dyad_top_parse(const char *s, size_t len)
{
  if (len == 6 && memcmp(s, "actors", 6) == 0)
    return DYAD_TOP_ACTORS;
  if (len == 5 && memcmp(s, "dyads", 5) == 0)
    return DYAD_TOP_DYADS;
  if (len == 5 && memcmp(s, "codes", 5) == 0)
    return DYAD_TOP_CODES;
  return (dyad_top)0;
}
