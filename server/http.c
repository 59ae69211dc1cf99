/*
 * http.c: the HTTP side of `dyad serve`: the libmicrohttpd daemon (one
 * thread per connection), the pool of read-only store handles, routing
 * (/api... to api.c, everything else to static files), gzip for JSON and
 * for pre-compressed static files, and the error bodies.
 *
 * Static files: only paths made of [A-Za-z0-9._-/] whose segments do not
 * start with '.' are looked up (no "..", no dotfiles), opened with
 * O_NOFOLLOW under the web root, and must be regular files; the resolved
 * path must still lie under the root. Everything else is a 404.
 */
#include "server.h"
#include "cache.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

double serve_now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ==== store pool ======================================================== */

enum { POOL_MAX = 64 };

/* The pool bounds how many queries run at once (max handles): queries are
 * CPU-bound, so running many more than there are cores only makes every
 * one of them finish late; a few more than the cores keeps a slow query
 * from holding up the quick ones. A request holds its handle until its
 * answer is written and compressed, so the pool bounds all of its CPU
 * work.
 *
 * Requests that find no handle wait in arrival order: a returned handle
 * goes straight to the longest waiter (each waits on its own condition
 * variable), never to a request that arrives later. With a shared
 * condition variable a request that came back at once (a keep-alive
 * client's next one) often took the handle first, and under load a few
 * unlucky requests waited many times the mean: the p99 was 4-5 times the
 * p50 at 100 connections, now 2-3 times. */
struct waiter {
  pthread_cond_t cv;
  dyad_store *got;     /* the handle handed over */
  int may_open;        /* or: leave to open one (a failed open freed it) */
  struct waiter *next;
};

struct pool {
  pthread_mutex_t mu;
  const char *db;
  dyad_store *idle[POOL_MAX];
  int nidle, nopen, max;
  struct waiter *head, *tail; /* waiting requests, oldest first */
};

/* Hands a handle (or, with s NULL, the right to open one) to the oldest
 * waiter. Called with the lock held; 0 if none waits. */
static int pool_handover(struct pool *p, dyad_store *s)
{
  struct waiter *w = p->head;
  if (!w)
    return 0;
  p->head = w->next;
  if (!p->head)
    p->tail = NULL;
  w->got = s;
  w->may_open = s == NULL;
  pthread_cond_signal(&w->cv);
  return 1;
}

/* Borrows a handle: an idle one, a new one while fewer than max are
 * open, else waits its turn for one to come back. NULL if opening
 * failed. */
static dyad_store *pool_get(struct pool *p, char *err, size_t cap)
{
  pthread_mutex_lock(&p->mu);
  if (!p->head && p->nidle > 0) {
    dyad_store *s = p->idle[--p->nidle];
    pthread_mutex_unlock(&p->mu);
    return s;
  }
  if (p->head || p->nopen >= p->max) {
    struct waiter w = {.got = NULL, .may_open = 0, .next = NULL};
    pthread_cond_init(&w.cv, NULL);
    if (p->tail)
      p->tail->next = &w;
    else
      p->head = &w;
    p->tail = &w;
    while (!w.got && !w.may_open)
      pthread_cond_wait(&w.cv, &p->mu);
    pthread_mutex_unlock(&p->mu);
    pthread_cond_destroy(&w.cv);
    if (w.got)
      return w.got;
  } else {
    p->nopen++;
    pthread_mutex_unlock(&p->mu);
  }
  /* this request holds one of the max open slots: open a handle */
  dyad_store *s = NULL;
  if (dyad_store_open(p->db, strlen(p->db), DYAD_STORE_READ, &s) != DYAD_OK) {
    snprintf(err, cap, "cannot open the store: %s",
             s ? dyad_store_errmsg(s) : "out of memory");
    dyad_store_close(s);
    pthread_mutex_lock(&p->mu);
    if (!pool_handover(p, NULL)) /* the next in line may try again */
      p->nopen--;
    pthread_mutex_unlock(&p->mu);
    return NULL;
  }
  return s;
}

static void pool_put(struct pool *p, dyad_store *s)
{
  pthread_mutex_lock(&p->mu);
  if (!pool_handover(p, s))
    p->idle[p->nidle++] = s;
  pthread_mutex_unlock(&p->mu);
}

static void pool_close(struct pool *p)
{
  for (int i = 0; i < p->nidle; i++)
    dyad_store_close(p->idle[i]);
  p->nidle = p->nopen = 0;
}

/* ==== server state ====================================================== */

struct server {
  struct pool pool;
  serve_cache *cache;  /* NULL: off */
  char *web;           /* realpath of the static root, NULL if none */
  double time_limit;
  int quiet;
};

/* ==== responses ========================================================= */

static int accepts_gzip(struct MHD_Connection *c)
{
  const char *ae =
      MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Encoding");
  if (!ae)
    return 0;
  const char *g = strstr(ae, "gzip");
  if (!g)
    return 0;
  /* "gzip;q=0" refuses it */
  const char *q = g + 4;
  while (*q == ' ')
    q++;
  if (*q == ';') {
    q++;
    while (*q == ' ')
      q++;
    if (q[0] == 'q' && q[1] == '=' && strtod(q + 2, NULL) <= 0)
      return 0;
  }
  return 1;
}

/* gzip of data into *out (malloc'd). Returns its length, 0 on failure.
 * Level 1: API answers are made per request, and JSON shrinks nearly as
 * well at a third of the time of the default level. Memory level 6 (a
 * 16 KiB hash table, cleared for every answer, instead of 64 KiB): a
 * 17 KB event page costs a tenth less and grows by 1%. */
static size_t gzip(const char *data, size_t len, char **out)
{
  z_stream z;
  memset(&z, 0, sizeof(z));
  if (deflateInit2(&z, 1, Z_DEFLATED, 31, 6, Z_DEFAULT_STRATEGY) != Z_OK)
    return 0;
  size_t cap = deflateBound(&z, (uLong)len) + 32;
  char *buf = malloc(cap);
  if (!buf) {
    deflateEnd(&z);
    return 0;
  }
  z.next_in = (Bytef *)(uintptr_t)data;
  z.avail_in = (uInt)len;
  z.next_out = (Bytef *)buf;
  z.avail_out = (uInt)cap;
  int rc = deflate(&z, Z_FINISH);
  size_t n = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) {
    free(buf);
    return 0;
  }
  *out = buf;
  return n;
}

static void common_headers(struct MHD_Response *r, const char *type)
{
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
}

/* Sends a JSON body (taking ownership of body), already gzipped when
 * is_gz. */
static enum MHD_Result send_body(struct MHD_Connection *c, int status,
                                 char *body, size_t len, int is_gz)
{
  struct MHD_Response *r =
      MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
  if (!r) {
    free(body);
    return MHD_NO;
  }
  common_headers(r, "application/json; charset=utf-8");
  MHD_add_response_header(r, "Cache-Control", "no-cache");
  MHD_add_response_header(r, "Vary", "Accept-Encoding");
  if (is_gz)
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
  enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
  MHD_destroy_response(r);
  return ret;
}

/* Sends a JSON body (taking ownership of body), gzipped when the client
 * accepts it and the body is worth it. */
static enum MHD_Result send_json(struct MHD_Connection *c, int status,
                                 char *body, size_t len)
{
  if (len >= 512 && accepts_gzip(c)) {
    char *z = NULL;
    size_t zn = gzip(body, len, &z);
    if (zn) {
      free(body);
      return send_body(c, status, z, zn, 1);
    }
  }
  return send_body(c, status, body, len, 0);
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status,
                                  const char *msg)
{
  jbuf b = {0};
  b.first = 1;
  jb_obj(&b);
  jb_kstr(&b, "error", msg);
  jb_kint(&b, "status", status);
  jb_end_obj(&b);
  jb_raw(&b, "\n", 1);
  if (b.oom) {
    jb_free(&b);
    return MHD_NO;
  }
  return send_json(c, status, b.ptr, b.len);
}

/* ==== static files ====================================================== */

static const struct {
  const char *ext, *type;
} types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".map", "application/json; charset=utf-8"},
    {".woff2", "font/woff2"},
};

static const char *content_type(const char *path)
{
  const char *dot = strrchr(path, '.');
  if (dot)
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
      if (strcmp(dot, types[i].ext) == 0)
        return types[i].type;
  return "application/octet-stream";
}

/* 1 if path is a safe static path (see the file note). */
static int safe_path(const char *path)
{
  size_t n = strlen(path);
  if (n == 0 || n > 200 || path[0] != '/')
    return 0;
  for (size_t i = 0; i < n; i++) {
    char ch = path[i];
    int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
             (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
             ch == '-' || ch == '/';
    if (!ok)
      return 0;
    if (ch == '/' && (path[i + 1] == '.' || path[i + 1] == '/'))
      return 0;
  }
  return 1;
}

/* Opens root + path as a regular file under root; -1 if not. */
static int open_under(const char *root, const char *path, struct stat *st)
{
  char full[PATH_MAX], real[PATH_MAX];
  int n = snprintf(full, sizeof(full), "%s%s", root, path);
  if (n < 0 || (size_t)n >= sizeof(full))
    return -1;
  if (!realpath(full, real))
    return -1;
  size_t rl = strlen(root);
  if (strncmp(real, root, rl) != 0 || real[rl] != '/')
    return -1;
  int fd = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return -1;
  if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
    close(fd);
    return -1;
  }
  return fd;
}

static const char no_dashboard[] =
    "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">"
    "<title>dyad serve</title><body style=\"font-family:sans-serif;"
    "max-width:40em;margin:3em auto\"><h1>dyad serve</h1>"
    "<p>The dashboard is not built. Build it with <code>make web</code> "
    "(needs node and npm), or point <code>--web DIR</code> at a built "
    "<code>web/dist</code> folder.</p>"
    "<p>The JSON API works: see <a href=\"/api\">/api</a> (OpenAPI) and "
    "<a href=\"/api/stats\">/api/stats</a>.</p></body></html>\n";

static enum MHD_Result serve_static(struct server *sv,
                                    struct MHD_Connection *c,
                                    const char *url)
{
  if (!sv->web) {
    if (strcmp(url, "/") != 0 && strcmp(url, "/index.html") != 0)
      return send_error(c, 404, "not found");
    struct MHD_Response *r = MHD_create_response_from_buffer(
        sizeof(no_dashboard) - 1, (void *)(uintptr_t)no_dashboard,
        MHD_RESPMEM_PERSISTENT);
    if (!r)
      return MHD_NO;
    common_headers(r, "text/html; charset=utf-8");
    enum MHD_Result ret = MHD_queue_response(c, 503, r);
    MHD_destroy_response(r);
    return ret;
  }
  const char *path = strcmp(url, "/") == 0 ? "/index.html" : url;
  if (!safe_path(path))
    return send_error(c, 404, "not found");
  struct stat st;
  int fd = -1, gz = 0;
  if (accepts_gzip(c)) {
    char zpath[256];
    snprintf(zpath, sizeof(zpath), "%s.gz", path);
    fd = open_under(sv->web, zpath, &st);
    gz = fd >= 0;
  }
  if (fd < 0)
    fd = open_under(sv->web, path, &st);
  if (fd < 0)
    return send_error(c, 404, "not found");
  struct MHD_Response *r =
      MHD_create_response_from_fd((uint64_t)st.st_size, fd);
  if (!r) {
    close(fd);
    return MHD_NO;
  }
  common_headers(r, content_type(path));
  MHD_add_response_header(r, "Cache-Control", "no-cache");
  MHD_add_response_header(r, "Vary", "Accept-Encoding");
  if (strcmp(path, "/index.html") == 0)
    MHD_add_response_header(
        r, "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data: blob:; "
        "style-src 'self' 'unsafe-inline'; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  if (gz)
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
  enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
  MHD_destroy_response(r);
  return ret;
}

/* ==== dispatch ========================================================== */

/* Per-request state: the raw URI (the cache key) and whether the
 * headers have been seen. Made by the URI log callback. */
struct reqstate {
  char *uri;
  int started;
};

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
  struct reqstate *st = calloc(1, sizeof(*st));
  if (st)
    st->uri = strdup(uri ? uri : "");
  return st;
}

static void on_done(void *cls, struct MHD_Connection *c, void **state,
                    enum MHD_RequestTerminationCode why)
{
  struct reqstate *st = *state;
  if (st) {
    free(st->uri);
    free(st);
  }
  *state = NULL;
}

static enum MHD_Result serve_api(struct server *sv, struct MHD_Connection *c,
                                 const char *route, const char *uri)
{
  if (*route == '\0' || strcmp(route, "/") == 0) {
    size_t n = strlen(serve_openapi_json);
    char *body = malloc(n + 1);
    if (!body)
      return MHD_NO;
    memcpy(body, serve_openapi_json, n + 1);
    return send_json(c, 200, body, n);
  }
  int gz = accepts_gzip(c);
  char *hit;
  size_t hitlen;
  int hitgz;
  unsigned long gen = 0;
  if (uri && cache_get(sv->cache, uri, gz, &hit, &hitlen, &hitgz, &gen))
    return send_body(c, 200, hit, hitlen, hitgz);
  serve_req r;
  memset(&r, 0, sizeof(r));
  r.conn = c;
  r.route = route;
  r.out.first = 1;
  r.deadline = serve_now() + sv->time_limit;
  r.store = pool_get(&sv->pool, r.err, sizeof(r.err));
  if (!r.store)
    return send_error(c, 503, r.err);
  api_handle(&r);
  if (r.out.oom || r.status >= 400) {
    int oom = r.out.oom;
    pool_put(&sv->pool, r.store);
    jb_free(&r.out);
    if (oom)
      return send_error(c, 500, "out of memory");
    return send_error(c, r.status, r.err[0] ? r.err : "error");
  }
  jb_raw(&r.out, "\n", 1);
  /* The answer is compressed before the handle goes back: the pool then
   * bounds all of a request's CPU work, not only its queries, and
   * requests finish in about the order they came. */
  char *body = r.out.ptr, *z = NULL;
  size_t len = r.out.len, zn = 0;
  int cache = r.status == 200 && uri && sv->cache;
  if (len >= 512 && (gz || cache))
    zn = gzip(body, len, &z);
  if (cache) /* kept in both forms, so later clients get theirs */
    cache_put(sv->cache, uri, gen, body, len, z, zn);
  pool_put(&sv->pool, r.store);
  if (gz && zn) {
    jb_free(&r.out);
    return send_body(c, r.status, z, zn, 1);
  }
  free(z);
  return send_body(c, r.status, body, len, 0);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **state)
{
  struct server *sv = cls;
  struct reqstate *st = *state;
  if (!st)
    return MHD_NO; /* out of memory */
  if (!st->started) { /* headers only so far: come back for the body */
    st->started = 1;
    return MHD_YES;
  }
  if (*upload_size) { /* GET bodies are ignored */
    *upload_size = 0;
    return MHD_YES;
  }
  if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
    return send_error(c, 405, "only GET and HEAD are allowed");
  double t0 = serve_now();
  enum MHD_Result ret;
  if (strncmp(url, "/api", 4) == 0 && (url[4] == '\0' || url[4] == '/'))
    ret = serve_api(sv, c, url + 4, st->uri);
  else
    ret = serve_static(sv, c, url);
  if (!sv->quiet)
    fprintf(stderr, "%s %s %.1f ms\n", method, url,
            (serve_now() - t0) * 1e3);
  return ret;
}

static int hexval(char ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

/* Percent-decoding of paths and query values, in place (MHD calls it
 * after turning '+' into ' ' in query values). "%00" is left as it is:
 * a NUL would cut the string short and make "/index.html%00.js" look like
 * "/index.html"; kept literal, it fails the static path check and is
 * plain text in a query. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
  char *w = s;
  for (const char *r = s; *r; r++) {
    int hi, lo;
    if (*r == '%' && (hi = hexval(r[1])) >= 0 && (lo = hexval(r[2])) >= 0 &&
        (hi | lo) != 0) {
      *w++ = (char)(hi * 16 + lo);
      r += 2;
    } else {
      *w++ = *r;
    }
  }
  *w = '\0';
  return (size_t)(w - s);
}

/* ==== start ============================================================= */

/* "HOST:PORT", "[V6]:PORT" or ":PORT" into addr. 0 on success. */
static int parse_listen(const char *s, struct sockaddr_storage *addr,
                        int *v6, int *loopback)
{
  char host[128];
  const char *colon;
  if (s[0] == '[') {
    const char *close = strchr(s, ']');
    if (!close || close[1] != ':' || (size_t)(close - s - 1) >= sizeof(host))
      return -1;
    memcpy(host, s + 1, (size_t)(close - s - 1));
    host[close - s - 1] = '\0';
    colon = close + 1;
  } else {
    colon = strrchr(s, ':');
    if (!colon || (size_t)(colon - s) >= sizeof(host))
      return -1;
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = '\0';
  }
  char *end;
  long port = strtol(colon + 1, &end, 10);
  if (colon[1] == '\0' || *end || port < 0 || port > 65535)
    return -1;
  if (!*host || strcmp(host, "localhost") == 0)
    snprintf(host, sizeof(host), "%s", "127.0.0.1");
  memset(addr, 0, sizeof(*addr));
  struct sockaddr_in *a4 = (struct sockaddr_in *)addr;
  struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)addr;
  if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
    a4->sin_family = AF_INET;
    a4->sin_port = htons((uint16_t)port);
    *v6 = 0;
    *loopback = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
    return 0;
  }
  if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
    a6->sin6_family = AF_INET6;
    a6->sin6_port = htons((uint16_t)port);
    *v6 = 1;
    *loopback = IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr);
    return 0;
  }
  return -1;
}

/* The static root: o->web, $DYAD_WEB, then web/dist next to the binary's
 * folder (build/dyad -> web/dist) or share/dyad/web (installed). */
static char *find_web(const char *opt)
{
  char real[PATH_MAX];
  const char *env = getenv("DYAD_WEB");
  if (opt || (env && *env)) {
    const char *d = opt ? opt : env;
    char idx[PATH_MAX + 16];
    if (!realpath(d, real))
      return NULL;
    snprintf(idx, sizeof(idx), "%s/index.html", real);
    return access(idx, R_OK) == 0 ? strdup(real) : NULL;
  }
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (n <= 0)
    return NULL;
  exe[n] = '\0';
  char *slash = strrchr(exe, '/');
  if (!slash)
    return NULL;
  *slash = '\0';
  static const char *const rel[] = {"/../web/dist", "/../../web/dist",
                                    "/../share/dyad/web"};
  for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
    char cand[PATH_MAX], idx[PATH_MAX + 16];
    snprintf(cand, sizeof(cand), "%s%s", exe, rel[i]);
    if (!realpath(cand, real))
      continue;
    snprintf(idx, sizeof(idx), "%s/index.html", real);
    if (access(idx, R_OK) == 0)
      return strdup(real);
  }
  return NULL;
}

int serve_run(const serve_opts *o)
{
  struct server sv;
  memset(&sv, 0, sizeof(sv));
  sv.time_limit = o->time_limit ? o->time_limit : 10;
  /* Each gzip'd answer needs about 270 KiB of zlib state; above glibc's
   * default threshold that is a fresh mmap, page faults and munmap per
   * request. Served from the heap instead, it is reused. */
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  sv.quiet = o->quiet;
  pthread_mutex_init(&sv.pool.mu, NULL);
  sv.pool.db = o->db;
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  sv.pool.max = o->queries ? (int)o->queries
                           : (int)(ncpu < 4 ? 8 : ncpu > 32 ? 64 : 2 * ncpu);
  if (sv.pool.max > POOL_MAX)
    sv.pool.max = POOL_MAX;

  /* Open one handle now so a bad --db fails at once, not on a request. */
  char err[256];
  dyad_store *first = pool_get(&sv.pool, err, sizeof(err));
  if (!first) {
    fprintf(stderr, "dyad: serve: %s\n", err);
    return 3;
  }
  const char *backend = dyad_store_backend(first); /* a static string */
  pool_put(&sv.pool, first);

  struct sockaddr_storage addr;
  int v6 = 0, loopback = 1;
  const char *listen = o->listen ? o->listen : "127.0.0.1:8080";
  if (parse_listen(listen, &addr, &v6, &loopback)) {
    fprintf(stderr, "dyad: serve: bad --listen '%s': expected HOST:PORT\n",
            listen);
    pool_close(&sv.pool);
    return 2;
  }
  if (!loopback)
    fprintf(stderr, "dyad: serve: warning: listening on %s, not loopback: "
                    "anyone who can reach it can read the store\n", listen);
  sv.cache = o->cache_mb ? cache_new(o->db, (size_t)o->cache_mb << 20, 5)
                         : NULL;
  sv.web = find_web(o->web);
  if (!sv.web)
    fprintf(stderr, "dyad: serve: %s: the dashboard is not built (make web);"
                    " serving the API only\n",
            o->web ? o->web : "web/dist");

  /* Signals are taken by sigwait below; threads inherit the mask. */
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, NULL);
  signal(SIGPIPE, SIG_IGN);

  unsigned flags = MHD_USE_THREAD_PER_CONNECTION |
                   MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
                   MHD_USE_ERROR_LOG | (v6 ? MHD_USE_IPv6 : 0);
  struct MHD_Daemon *d = MHD_start_daemon(
      flags, 0, NULL, NULL, on_request, &sv, MHD_OPTION_SOCK_ADDR,
      (struct sockaddr *)&addr, MHD_OPTION_CONNECTION_LIMIT,
      (unsigned)(o->max_conns ? o->max_conns : 256),
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
      MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
      MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
      MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
      MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL, MHD_OPTION_END);
  if (!d) {
    fprintf(stderr, "dyad: serve: cannot listen on %s: %s\n", listen,
            strerror(errno));
    pool_close(&sv.pool);
    cache_free(sv.cache);
    free(sv.web);
    return 3;
  }
  const union MHD_DaemonInfo *info =
      MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  char host[INET6_ADDRSTRLEN] = "";
  if (v6)
    inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&addr)->sin6_addr, host,
              sizeof(host));
  else
    inet_ntop(AF_INET, &((struct sockaddr_in *)&addr)->sin_addr, host,
              sizeof(host));
  fprintf(stderr, "dyad serve: listening on http://%s%s%s:%u/ (%s store %s,"
                  " read-only)\n",
          v6 ? "[" : "", host, v6 ? "]" : "", info ? info->port : 0,
          backend, o->db);
  fflush(stderr);

  int sig = 0;
  sigwait(&sigs, &sig);
  MHD_stop_daemon(d);
  pool_close(&sv.pool);
  cache_free(sv.cache);
  free(sv.web);
  fprintf(stderr, "dyad serve: stopped\n");
  return 0;
}
