/*
 * api.c: the JSON API of `dyad serve` (documented in openapi.c, served at
 * /api). Every endpoint reads its query parameters strictly: an unknown or
 * repeated parameter, a malformed value or one over its limit is a 400
 * with a message, before the store is touched.
 *
 * Listings, aggregates and the network go through the store's public
 * query calls (the same filters as `dyad query`; an actor on either side
 * through dyad_store_count_by_actor). Document views and places go
 * through dyad_store_sql with SQL built here: every value put into that SQL is validated first (codes are
 * [A-Za-z0-9_-], dates are parsed, numbers are ours) and text is written as
 * a quoted literal with quotes doubled, so no request text is read as SQL.
 *
 * Time limit: row callbacks stop a query once the request's deadline has
 * passed (503). The store has no call to interrupt a statement before its
 * first row, so a single slow aggregate can still run past it; page size,
 * offset and text length are bounded so that no request is unbounded.
 */
#include "server.h"

#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  MAX_TEXT = 200,    /* full-text query bytes */
  MAX_ID = 256,      /* document id bytes */
  MAX_OFFSET = 10000 /* events skipped by paging */
};

/* ==== errors ============================================================ */

static int fail(serve_req *r, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(serve_req *r, int status, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->err, sizeof(r->err), fmt, ap);
  va_end(ap);
  r->status = status;
  return -1;
}

static int store_fail(serve_req *r, dyad_status st)
{
  const char *m = dyad_store_errmsg(r->store);
  if (st == DYAD_EARG)
    return fail(r, 400, "bad query: %s", *m ? m : "refused by the store");
  return fail(r, 500, "store error: %s", *m ? m : "unknown");
}

static int timed_out(serve_req *r)
{
  return fail(r, 503, "the query ran past the time limit; narrow the "
                      "filters (dates, actors, codes)");
}

/* ==== parameters ======================================================== */

enum {
  P_SOURCE, P_TARGET, P_CODE, P_QUAD, P_FROM, P_TO, P_Q, P_DOC, P_LIMIT,
  P_OFFSET, P_ACTOR, P_PERIOD, P_WHAT, P_ID, P_N
};
static const char *const pname[P_N] = {
    "source", "target", "code",  "quad",   "from",   "to",   "q",
    "doc",    "limit",  "offset", "actor", "period", "what", "id"};
#define BIT(p) (1u << (p))
#define FILTERS                                                           \
  (BIT(P_SOURCE) | BIT(P_TARGET) | BIT(P_CODE) | BIT(P_QUAD) |           \
   BIT(P_FROM) | BIT(P_TO) | BIT(P_Q) | BIT(P_DOC))

struct params {
  const char *v[P_N]; /* raw values; NULL or "" absent */
  dyad_query q;
  uint64_t limit, offset;
  dyad_period period;
  dyad_top top;
};

struct scan {
  serve_req *r;
  unsigned allowed, seen;
  struct params *p;
};

static enum MHD_Result scan_arg(void *cls, enum MHD_ValueKind kind,
                                const char *key, const char *value)
{
  struct scan *s = cls;
  int i = 0;
  while (i < P_N && strcmp(key, pname[i]) != 0)
    i++;
  if (i == P_N || !(s->allowed & BIT(i))) {
    char k[40];
    snprintf(k, sizeof(k), "%.32s", key);
    fail(s->r, 400, "unknown parameter '%s' for this endpoint", k);
    return MHD_NO;
  }
  if (s->seen & BIT(i)) {
    fail(s->r, 400, "parameter '%s' given twice", pname[i]);
    return MHD_NO;
  }
  s->seen |= BIT(i);
  s->p->v[i] = value && *value ? value : NULL;
  return MHD_YES;
}

static int valid_code(const char *s)
{
  size_t n = strlen(s);
  if (n == 0 || n >= DYAD_CODE_MAX)
    return 0;
  for (const char *c = s; *c; c++)
    if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
          (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
      return 0;
  return 1;
}

static int valid_text(const char *s, size_t max)
{
  size_t n = strlen(s);
  if (n > max)
    return 0;
  for (const unsigned char *c = (const unsigned char *)s; *c; c++)
    if (*c < 0x20 || *c == 0x7f)
      return 0;
  return 1;
}

static int parse_uint(const char *s, uint64_t max, uint64_t *out)
{
  if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 12)
    return -1;
  uint64_t v = strtoull(s, NULL, 10);
  if (v > max)
    return -1;
  *out = v;
  return 0;
}

/* Reads and checks the parameters an endpoint allows. lim_def/lim_max:
 * the page size. Returns 0, or -1 with r->status set. */
static int get_params(serve_req *r, unsigned allowed, uint64_t lim_def,
                      uint64_t lim_max, struct params *p)
{
  memset(p, 0, sizeof(*p));
  struct scan s = {r, allowed, 0, p};
  MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, scan_arg, &s);
  if (r->status)
    return -1;
  for (int i = P_SOURCE; i <= P_CODE; i++)
    if (p->v[i] && !valid_code(p->v[i]))
      return fail(r, 400, "bad %s: a code prefix of letters, digits, '-' "
                          "or '_' (at most %d)", pname[i], DYAD_CODE_MAX - 1);
  if (p->v[P_ACTOR] && !valid_code(p->v[P_ACTOR]))
    return fail(r, 400, "bad actor: an actor code prefix");
  p->q.source = p->v[P_SOURCE];
  p->q.target = p->v[P_TARGET];
  p->q.code = p->v[P_CODE];
  if (p->v[P_QUAD]) {
    for (const char *c = p->v[P_QUAD]; *c; c++) {
      if (*c >= '1' && *c <= '4')
        p->q.quads |= 1u << (*c - '0');
      else if (*c != ',')
        return fail(r, 400, "bad quad: QuadClasses 1..4, comma-separated");
    }
  }
  for (int i = P_FROM; i <= P_TO; i++) {
    const char *v = p->v[i];
    dyad_date *d = i == P_FROM ? &p->q.from : &p->q.to;
    if (v && (strlen(v) != 10 || dyad_date_parse(v, 10, d) != DYAD_OK))
      return fail(r, 400, "bad %s: a date YYYY-MM-DD", pname[i]);
  }
  if (p->q.from && p->q.to && p->q.from > p->q.to)
    return fail(r, 400, "from is after to");
  if (p->v[P_Q] && !valid_text(p->v[P_Q], MAX_TEXT))
    return fail(r, 400, "bad q: at most %d bytes of text", MAX_TEXT);
  p->q.text = p->v[P_Q];
  static const int ids[] = {P_DOC, P_ID};
  for (int k = 0; k < 2; k++)
    if (p->v[ids[k]] && !valid_text(p->v[ids[k]], MAX_ID))
      return fail(r, 400, "bad %s: at most %d bytes without control "
                          "characters", pname[ids[k]], MAX_ID);
  p->q.doc = p->v[P_DOC];
  p->limit = lim_def;
  if (p->v[P_LIMIT] && (parse_uint(p->v[P_LIMIT], lim_max, &p->limit) ||
                        p->limit == 0))
    return fail(r, 400, "bad limit: 1..%llu", (unsigned long long)lim_max);
  if (p->v[P_OFFSET] && parse_uint(p->v[P_OFFSET], MAX_OFFSET, &p->offset))
    return fail(r, 400, "bad offset: 0..%d (narrow the filters to go "
                        "further back)", MAX_OFFSET);
  p->period = DYAD_PERIOD_MONTH;
  if (p->v[P_PERIOD]) {
    p->period = dyad_period_parse(p->v[P_PERIOD], strlen(p->v[P_PERIOD]));
    if (!p->period)
      return fail(r, 400, "bad period: day, week or month");
  }
  if (p->v[P_WHAT]) {
    p->top = dyad_top_parse(p->v[P_WHAT], strlen(p->v[P_WHAT]));
    if (!p->top)
      return fail(r, 400, "bad what: actors, dyads or codes");
  }
  return 0;
}

/* The filters as given, echoed in responses. */
static void echo_filters(jbuf *b, const struct params *p)
{
  jb_key(b, "filters");
  jb_obj(b);
  for (int i = P_SOURCE; i <= P_DOC; i++)
    if (p->v[i])
      jb_kstr(b, pname[i], p->v[i]);
  if (p->v[P_ACTOR])
    jb_kstr(b, "actor", p->v[P_ACTOR]);
  jb_end_obj(b);
}

static void agg_fields(jbuf *b, const dyad_store_agg *a)
{
  jb_kint(b, "count", (int64_t)a->count);
  jb_key(b, "quad");
  jb_arr(b);
  for (int i = 1; i <= 4; i++)
    jb_int(b, (int64_t)a->quad[i]);
  jb_end_arr(b);
  jb_key(b, "goldstein");
  if (a->has_goldstein)
    jb_num(b, a->goldstein);
  else
    jb_null(b);
}

/* ==== SQL helpers (for dyad_store_sql) ================================== */

static void sql_lit(jbuf *b, const char *s)
{
  jb_raw(b, "'", 1);
  for (const char *c = s; *c; c++) {
    if (*c == '\'')
      jb_raw(b, "''", 2);
    else
      jb_raw(b, c, 1);
  }
  jb_raw(b, "'", 1);
}

/* " AND col >= 'P' AND col < 'Q'" for a validated code prefix P. */
static void sql_prefix(jbuf *b, const char *col, const char *pre)
{
  char hi[DYAD_CODE_MAX + 1];
  size_t n = strlen(pre);
  memcpy(hi, pre, n + 1);
  hi[n - 1]++; /* validated ASCII: never 0x7f */
  jb_printf(b, " AND %s >= ", col);
  sql_lit(b, pre);
  jb_printf(b, " AND %s < ", col);
  sql_lit(b, hi);
}

static void sql_date(jbuf *b, const char *op, dyad_date d)
{
  char s[11];
  dyad_date_format(d, s);
  jb_printf(b, " AND e.event_date %s '%s'", op, s);
}

/* WHERE for events e from the filters (all but q, which the caller
 * refuses); the actor, when given, on either side. */
static void sql_where(jbuf *b, const struct params *p)
{
  jb_cstr(b, " WHERE 1 = 1");
  if (p->q.source)
    sql_prefix(b, "e.source", p->q.source);
  if (p->q.target)
    sql_prefix(b, "e.target", p->q.target);
  if (p->v[P_ACTOR]) {
    jb_cstr(b, " AND ((1 = 1");
    sql_prefix(b, "e.source", p->v[P_ACTOR]);
    jb_cstr(b, ") OR (1 = 1");
    sql_prefix(b, "e.target", p->v[P_ACTOR]);
    jb_cstr(b, "))");
  }
  if (p->q.code)
    sql_prefix(b, "e.code", p->q.code);
  if (p->q.quads & 0x1e) {
    jb_cstr(b, " AND e.quad IN (0");
    for (int i = 1; i <= 4; i++)
      if (p->q.quads & (1u << i))
        jb_printf(b, ", %d", i);
    jb_cstr(b, ")");
  }
  if (p->q.from)
    sql_date(b, ">=", p->q.from);
  if (p->q.to)
    sql_date(b, "<=", p->q.to);
  if (p->q.doc) {
    jb_cstr(b, " AND e.doc_id IN (SELECT id FROM documents WHERE doc_key = ");
    sql_lit(b, p->q.doc);
    jb_cstr(b, ")");
  }
}

static int is_pg(serve_req *r)
{
  return strcmp(dyad_store_backend(r->store), "postgresql") == 0;
}

/* Rows as JSON objects: types[i] is 's' (string) or 'n' (number) for
 * column i; names are the SQL column names. */
struct rows {
  serve_req *r;
  jbuf *b;
  const char *types;
  uint64_t n;
  int timeout;
  int (*each)(struct rows *, int, const char *const *); /* optional */
  void *ud;
};

static int emit_row(int ncol, const char *const *names,
                    const char *const *vals, void *ud)
{
  struct rows *c = ud;
  if (!vals)
    return 0;
  if ((++c->n & 63) == 0 && serve_now() > c->r->deadline) {
    c->timeout = 1;
    return 1;
  }
  if (c->each)
    return c->each(c, ncol, vals);
  jb_obj(c->b);
  for (int i = 0; i < ncol && c->types[i]; i++) {
    jb_key(c->b, names[i]);
    if (c->types[i] == 's')
      jb_str(c->b, vals[i] ? vals[i] : "");
    else
      jb_numtext(c->b, vals[i]);
  }
  jb_end_obj(c->b);
  return 0;
}

/* Runs sql (in b_sql), writing rows into out. 0 or -1 (status set). */
static int run_sql(serve_req *r, jbuf *sql, struct rows *c)
{
  if (sql->oom)
    return fail(r, 500, "out of memory");
  c->r = r;
  dyad_status st = dyad_store_sql(r->store, sql->ptr, sql->len, emit_row, c);
  if (c->timeout)
    return timed_out(r);
  if (st != DYAD_OK)
    return store_fail(r, st);
  return 0;
}

/* ==== /api/stats ======================================================== */

static int dates_row(struct rows *c, int ncol, const char *const *v)
{
  jb_kstr(c->b, "first_date", ncol > 0 ? v[0] : NULL);
  jb_kstr(c->b, "last_date", ncol > 1 ? v[1] : NULL);
  return 0;
}

static int api_stats(serve_req *r)
{
  struct params p;
  if (get_params(r, 0, 0, 0, &p))
    return -1;
  dyad_store_stats s;
  dyad_status st = dyad_store_stats_get(r->store, &s);
  if (st != DYAD_OK)
    return store_fail(r, st);
  jbuf *b = &r->out;
  jb_obj(b);
  jb_kstr(b, "backend", dyad_store_backend(r->store));
  jb_kint(b, "documents", (int64_t)s.documents);
  jb_kint(b, "sentences", (int64_t)s.sentences);
  jb_kint(b, "events", (int64_t)s.events);
  jb_kint(b, "actors", (int64_t)s.actors);
  jb_kint(b, "quotes", (int64_t)s.quotes);
  jb_kint(b, "places", (int64_t)s.places);
  jbuf sql = {0};
  jb_cstr(&sql, is_pg(r) ? "SELECT to_char(MIN(event_date), 'YYYY-MM-DD'), "
                           "to_char(MAX(event_date), 'YYYY-MM-DD') FROM events"
                         : "SELECT MIN(event_date), MAX(event_date) FROM "
                           "events");
  struct rows c = {.b = b, .types = "ss", .each = dates_row};
  int rc = run_sql(r, &sql, &c);
  jb_free(&sql);
  if (rc)
    return -1;
  jb_end_obj(b);
  return 0;
}

/* ==== /api/events, /api/search ========================================== */

struct evpage {
  serve_req *r;
  uint64_t left, n;
  int more, timeout;
};

static void event_json(jbuf *b, const dyad_store_event *e)
{
  char date[11] = "";
  if (e->date)
    dyad_date_format(e->date, date);
  jb_obj(b);
  jb_kstr(b, "doc", e->doc);
  jb_kint(b, "sent", e->sent);
  jb_kstr(b, "date", *date ? date : NULL);
  jb_kstr(b, "source", e->source);
  jb_kstr(b, "target", e->target);
  jb_kstr(b, "code", e->code);
  jb_kstr(b, "name", e->name);
  jb_kint(b, "quad", e->quad);
  jb_key(b, "goldstein");
  if (e->has_goldstein)
    jb_num(b, e->goldstein);
  else
    jb_null(b);
  jb_kstr(b, "source_text", e->source_text);
  jb_kstr(b, "target_text", e->target_text);
  jb_kstr(b, "verb_text", e->verb_text);
  jb_kstr(b, "place", e->place);
  jb_kstr(b, "country", e->country);
  jb_kstr(b, "rule", e->rule);
  jb_kint(b, "flags", e->flags);
  jb_kstr(b, "title", e->title);
  jb_kstr(b, "sentence", e->sentence);
  jb_end_obj(b);
}

static int on_event(const dyad_store_event *e, void *ud)
{
  struct evpage *c = ud;
  if ((++c->n & 63) == 0 && serve_now() > c->r->deadline) {
    c->timeout = 1;
    return 1;
  }
  if (!c->left) {
    c->more = 1;
    return 1;
  }
  c->left--;
  event_json(&c->r->out, e);
  return 0;
}

static int api_events(serve_req *r, int search)
{
  struct params p;
  if (get_params(r, FILTERS | BIT(P_LIMIT) | BIT(P_OFFSET), 50, 500, &p))
    return -1;
  if (search && !p.q.text)
    return fail(r, 400, "search needs q (words to find)");
  jbuf *b = &r->out;
  jb_obj(b);
  echo_filters(b, &p);
  jb_kint(b, "offset", (int64_t)p.offset);
  jb_kint(b, "limit", (int64_t)p.limit);
  jb_key(b, "events");
  jb_arr(b);
  struct evpage c = {r, p.limit, 0, 0, 0};
  p.q.limit = p.limit + 1; /* one more says whether more follow */
  p.q.offset = p.offset;   /* the store skips them before its joins */
  dyad_status st = dyad_store_query(r->store, &p.q, on_event, &c);
  if (c.timeout)
    return timed_out(r);
  if (st != DYAD_OK)
    return store_fail(r, st);
  jb_end_arr(b);
  jb_key(b, "more");
  jb_bool(b, c.more);
  jb_end_obj(b);
  return 0;
}

/* ==== /api/timeseries =================================================== */

static int on_period(const dyad_store_agg *a, void *ud)
{
  struct rows *c = ud;
  if (serve_now() > c->r->deadline) {
    c->timeout = 1;
    return 1;
  }
  jb_obj(c->b);
  jb_kstr(c->b, "period", a->key);
  agg_fields(c->b, a);
  jb_end_obj(c->b);
  return 0;
}

static int api_timeseries(serve_req *r)
{
  struct params p;
  if (get_params(r, FILTERS | BIT(P_ACTOR) | BIT(P_PERIOD), 0, 0, &p))
    return -1;
  const char *actor = p.v[P_ACTOR];
  if (actor && (p.q.source || p.q.target))
    return fail(r, 400, "give actor, or source and/or target, not both");
  if (actor && p.q.text)
    return fail(r, 400, "q cannot be combined with actor");
  jbuf *b = &r->out;
  jb_obj(b);
  echo_filters(b, &p);
  static const char *const pername[] = {"", "day", "week", "month"};
  jb_kstr(b, "period", pername[p.period]);
  jb_key(b, "series");
  jb_arr(b);
  struct rows c = {.r = r, .b = b};
  /* an actor on either side, each event once (on SQLite from the store's
   * per-actor day counts when only dates and QuadClasses are given) */
  dyad_status st =
      actor ? dyad_store_count_by_actor(r->store, &p.q, actor, p.period,
                                        on_period, &c)
            : dyad_store_count_by(r->store, &p.q, p.period, on_period, &c);
  if (c.timeout)
    return timed_out(r);
  if (st != DYAD_OK)
    return store_fail(r, st);
  jb_end_arr(b);
  jb_end_obj(b);
  return 0;
}

/* ==== /api/network, /api/top ============================================ */

struct net {
  serve_req *r;
  struct node {
    char id[DYAD_CODE_MAX];
    uint64_t count;
  } *nodes;
  size_t nnodes;
  int timeout;
};

static void node_add(struct net *n, const char *id, size_t len, uint64_t k)
{
  if (len >= DYAD_CODE_MAX)
    len = DYAD_CODE_MAX - 1;
  for (size_t i = 0; i < n->nnodes; i++)
    if (strncmp(n->nodes[i].id, id, len) == 0 && n->nodes[i].id[len] == 0) {
      n->nodes[i].count += k;
      return;
    }
  memcpy(n->nodes[n->nnodes].id, id, len);
  n->nodes[n->nnodes].id[len] = '\0';
  n->nodes[n->nnodes++].count = k;
}

static int on_edge(const dyad_store_agg *a, void *ud)
{
  struct net *n = ud;
  jbuf *b = &n->r->out;
  if (serve_now() > n->r->deadline) {
    n->timeout = 1;
    return 1;
  }
  const char *colon = strchr(a->key, ':');
  if (!colon)
    return 0;
  node_add(n, a->key, (size_t)(colon - a->key), a->count);
  node_add(n, colon + 1, strlen(colon + 1), a->count);
  jb_obj(b);
  jb_kstr(b, "target", colon + 1);
  jb_key(b, "source");
  jb_strn(b, a->key, (size_t)(colon - a->key));
  agg_fields(b, a);
  jb_end_obj(b);
  return 0;
}

static int api_network(serve_req *r)
{
  struct params p;
  if (get_params(r, FILTERS | BIT(P_LIMIT), 100, 500, &p))
    return -1;
  struct net n = {r, NULL, 0, 0};
  n.nodes = calloc(2 * p.limit, sizeof(*n.nodes));
  if (!n.nodes)
    return fail(r, 500, "out of memory");
  jbuf *b = &r->out;
  jb_obj(b);
  echo_filters(b, &p);
  jb_key(b, "edges");
  jb_arr(b);
  p.q.limit = p.limit;
  dyad_status st = dyad_store_top(r->store, &p.q, DYAD_TOP_DYADS, on_edge,
                                  &n);
  if (n.timeout || st != DYAD_OK) {
    free(n.nodes);
    return n.timeout ? timed_out(r) : store_fail(r, st);
  }
  jb_end_arr(b);
  jb_key(b, "nodes");
  jb_arr(b);
  for (size_t i = 0; i < n.nnodes; i++) {
    jb_obj(b);
    jb_kstr(b, "id", n.nodes[i].id);
    jb_kint(b, "count", (int64_t)n.nodes[i].count);
    jb_end_obj(b);
  }
  jb_end_arr(b);
  jb_end_obj(b);
  free(n.nodes);
  return 0;
}

static int on_top(const dyad_store_agg *a, void *ud)
{
  struct rows *c = ud;
  jb_obj(c->b);
  jb_kstr(c->b, "key", a->key);
  if (a->name && *a->name)
    jb_kstr(c->b, "name", a->name);
  agg_fields(c->b, a);
  jb_end_obj(c->b);
  return 0;
}

static int api_top(serve_req *r)
{
  struct params p;
  if (get_params(r, FILTERS | BIT(P_WHAT) | BIT(P_LIMIT), 20, 100, &p))
    return -1;
  if (!p.top)
    return fail(r, 400, "top needs what: actors, dyads or codes");
  jbuf *b = &r->out;
  jb_obj(b);
  echo_filters(b, &p);
  jb_kstr(b, "what", p.v[P_WHAT]);
  jb_key(b, "rows");
  jb_arr(b);
  struct rows c = {.r = r, .b = b};
  p.q.limit = p.limit;
  dyad_status st = dyad_store_top(r->store, &p.q, p.top, on_top, &c);
  if (st != DYAD_OK)
    return store_fail(r, st);
  jb_end_arr(b);
  jb_end_obj(b);
  return 0;
}

/* ==== /api/places ======================================================= */

/* The join of an event's place. SQLite stores no index on places.doc_id:
 * a place's id there is doc_id * 16777216 + idx (docs/schema.sql). */
static const char *place_join(serve_req *r)
{
  return is_pg(r) ? "p.doc_id = e.doc_id AND p.idx = e.place"
                  : "p.id = e.doc_id * 16777216 + e.place";
}

static int api_places(serve_req *r)
{
  struct params p;
  if (get_params(r, FILTERS | BIT(P_ACTOR) | BIT(P_LIMIT), 500, 5000, &p))
    return -1;
  if (p.q.text)
    return fail(r, 400, "places cannot filter by q (full text)");
  if (p.v[P_ACTOR] && (p.q.source || p.q.target))
    return fail(r, 400, "give actor, or source and/or target, not both");
  jbuf *b = &r->out;
  jb_obj(b);
  echo_filters(b, &p);
  jbuf sql = {0};
  jb_cstr(&sql, "SELECT p.name AS name, p.country AS country, "
                "AVG(p.lat) AS lat, AVG(p.lon) AS lon, COUNT(*) AS count "
                "FROM events e JOIN places p ON ");
  jb_cstr(&sql, place_join(r));
  sql_where(&sql, &p);
  jb_printf(&sql, " GROUP BY p.name, p.country ORDER BY 5 DESC, 1, 2 "
                  "LIMIT %llu", (unsigned long long)p.limit);
  jb_key(b, "places");
  jb_arr(b);
  struct rows c = {.b = b, .types = "ssnnn"};
  int rc = run_sql(r, &sql, &c);
  jb_free(&sql);
  if (rc)
    return -1;
  jb_end_arr(b);
  jb_cstr(&sql, "SELECT p.country AS country, COUNT(*) AS count "
                "FROM events e JOIN places p ON ");
  jb_cstr(&sql, place_join(r));
  sql_where(&sql, &p);
  jb_cstr(&sql, " AND p.country <> '' GROUP BY p.country ORDER BY 2 DESC, 1");
  jb_key(b, "countries");
  jb_arr(b);
  struct rows c2 = {.b = b, .types = "sn"};
  rc = run_sql(r, &sql, &c2);
  jb_free(&sql);
  if (rc)
    return -1;
  jb_end_arr(b);
  jb_end_obj(b);
  return 0;
}

/* ==== /api/document ===================================================== */

struct docrow {
  char id[24];
  int found;
};

static int doc_head(struct rows *c, int ncol, const char *const *v)
{
  struct docrow *d = c->ud;
  static const char *const k[] = {"", "id", "date", "title", "source",
                                  "url", "text"};
  if (ncol < 7)
    return 1;
  snprintf(d->id, sizeof(d->id), "%s", v[0] ? v[0] : "0");
  d->found = 1;
  for (int i = 1; i < 7; i++)
    jb_kstr(c->b, k[i], v[i]);
  return 0;
}

static int api_document(serve_req *r)
{
  struct params p;
  if (get_params(r, BIT(P_ID), 0, 0, &p))
    return -1;
  if (!p.v[P_ID])
    return fail(r, 400, "document needs id");
  int pg = is_pg(r);
  jbuf *b = &r->out;
  jb_obj(b);
  jbuf sql = {0};
  jb_cstr(&sql, pg ? "SELECT id, doc_key, to_char(date, 'YYYY-MM-DD'), "
                   : "SELECT id, doc_key, date, ");
  jb_cstr(&sql, "title, source, url, text FROM documents WHERE doc_key = ");
  sql_lit(&sql, p.v[P_ID]);
  struct docrow d = {"", 0};
  struct rows c = {.b = b, .each = doc_head, .ud = &d};
  int rc = run_sql(r, &sql, &c);
  jb_free(&sql);
  if (rc)
    return -1;
  if (!d.found)
    return fail(r, 404, "no document with that id");
  jb_cstr(b, ",\"note\":\"offsets and lengths are bytes of the UTF-8 "
             "text\"");
  /* %s: the document's rows (SQLite: by id, docs/schema.sql) */
  char rows[128], id[40];
  snprintf(id, sizeof(id), "%s", d.id);
  if (pg)
    snprintf(rows, sizeof(rows), "doc_id = %s", id);
  else
    snprintf(rows, sizeof(rows),
             "id BETWEEN %s * 16777216 AND %s * 16777216 + 16777215", id, id);
  static const struct {
    const char *key, *types, *sql;
  } parts[] = {
      {"sentences", "nnnnn",
       "SELECT idx, off, len, para, flags FROM sentences WHERE %s "
       "ORDER BY idx"},
      {"events", "nnssssnnnnnnnnssssssn",
       "SELECT e.idx AS idx, e.sent AS sent, %s AS date, e.source AS source, "
       "e.target AS target, e.code AS code, e.quad AS quad, "
       "e.goldstein AS goldstein, e.source_off AS source_off, "
       "e.source_len AS source_len, e.target_off AS target_off, "
       "e.target_len AS target_len, e.verb_off AS verb_off, "
       "e.verb_len AS verb_len, e.source_text AS source_text, "
       "e.target_text AS target_text, e.verb_text AS verb_text, "
       "COALESCE(c.name, '') AS name, e.rule AS rule, "
       "COALESCE(p.name, '') AS place, e.flags AS flags FROM events e "
       "LEFT JOIN codes c ON c.code = e.code LEFT JOIN places p ON %s "
       "WHERE e.doc_id = %s ORDER BY e.idx"},
      {"quotes", "nnnnssssn",
       "SELECT idx, sent, off, len, text, speaker, speaker_text, cue_text, "
       "flags FROM quotes WHERE %s ORDER BY idx"},
      {"places", "nnnnsssnnn",
       "SELECT idx, sent, off, len, text, name, country, lat, lon, "
       "geonameid FROM places WHERE %s ORDER BY idx"},
  };
  for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
    if (i == 1)
      jb_printf(&sql, parts[i].sql,
                pg ? "to_char(e.event_date, 'YYYY-MM-DD')" : "e.event_date",
                place_join(r), id);
    else
      jb_printf(&sql, parts[i].sql, rows);
    jb_key(b, parts[i].key);
    jb_arr(b);
    struct rows ci = {.b = b, .types = parts[i].types};
    rc = run_sql(r, &sql, &ci);
    jb_free(&sql);
    if (rc)
      return -1;
    jb_end_arr(b);
  }
  jb_end_obj(b);
  return 0;
}

/* ==== routing =========================================================== */

void api_handle(serve_req *r)
{
  const char *rt = r->route;
  if (strcmp(rt, "/stats") == 0)
    api_stats(r);
  else if (strcmp(rt, "/events") == 0)
    api_events(r, 0);
  else if (strcmp(rt, "/search") == 0)
    api_events(r, 1);
  else if (strcmp(rt, "/timeseries") == 0)
    api_timeseries(r);
  else if (strcmp(rt, "/network") == 0)
    api_network(r);
  else if (strcmp(rt, "/top") == 0)
    api_top(r);
  else if (strcmp(rt, "/places") == 0)
    api_places(r);
  else if (strcmp(rt, "/document") == 0)
    api_document(r);
  else
    fail(r, 404, "no such API endpoint (see /api)");
  if (!r->status)
    r->status = 200;
}
