/*
 * cache.c: the response cache (see cache.h). A fixed table of slots
 * indexed by a hash of the URI; a colliding put replaces the slot's entry.
 * Every entry records the store version it was made under; a lookup first
 * reads the current version (two stat calls, at most every 50 ms) and
 * drops the whole table when it moved.
 */
#include "cache.h"
#include "server.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { SLOTS = 1024 };

struct entry {
  char *uri;
  char *body, *zbody;
  size_t len, zlen;
  double made;
};

struct serve_cache {
  pthread_mutex_t mu;
  char *db, *wal;
  int file;             /* a SQLite file: versioned by stat */
  double ttl, checked;  /* PostgreSQL: entry lifetime */
  uint64_t version[4];
  unsigned long gen;    /* bumped each time the store is seen to change */
  size_t bytes, max_bytes;
  struct entry slot[SLOTS];
};

static uint64_t hash(const char *s)
{
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static void drop(serve_cache *c, struct entry *e)
{
  c->bytes -= e->len + e->zlen;
  free(e->uri);
  free(e->body);
  free(e->zbody);
  memset(e, 0, sizeof(*e));
}

serve_cache *cache_new(const char *db, size_t max_bytes, double ttl)
{
  if (!max_bytes)
    return NULL;
  serve_cache *c = calloc(1, sizeof(*c));
  if (!c)
    return NULL;
  pthread_mutex_init(&c->mu, NULL);
  c->max_bytes = max_bytes;
  c->ttl = ttl;
  c->file = strncmp(db, "postgres", 8) != 0 && strncmp(db, "pg:", 3) != 0 &&
            strcmp(db, ":memory:") != 0;
  c->db = strdup(db);
  size_t n = strlen(db) + 5;
  c->wal = malloc(n);
  if (!c->db || !c->wal) {
    cache_free(c);
    return NULL;
  }
  snprintf(c->wal, n, "%s-wal", db);
  return c;
}

void cache_free(serve_cache *c)
{
  if (!c)
    return;
  for (int i = 0; i < SLOTS; i++)
    drop(c, &c->slot[i]);
  free(c->db);
  free(c->wal);
  pthread_mutex_destroy(&c->mu);
  free(c);
}

/* Called with the lock held: drops everything if the store changed. */
static void revalidate(serve_cache *c, double now)
{
  if (!c->file || now - c->checked < 0.05)
    return;
  c->checked = now;
  uint64_t v[4] = {0, 0, 0, 0};
  struct stat st;
  if (stat(c->db, &st) == 0) {
    v[0] = (uint64_t)st.st_size;
    v[1] = (uint64_t)st.st_mtim.tv_sec * 1000000000ull +
           (uint64_t)st.st_mtim.tv_nsec;
  }
  if (stat(c->wal, &st) == 0) {
    v[2] = (uint64_t)st.st_size;
    v[3] = (uint64_t)st.st_mtim.tv_sec * 1000000000ull +
           (uint64_t)st.st_mtim.tv_nsec;
  }
  if (memcmp(v, c->version, sizeof(v)) != 0) {
    for (int i = 0; i < SLOTS; i++)
      drop(c, &c->slot[i]);
    memcpy(c->version, v, sizeof(v));
    c->gen++;
  }
}

int cache_get(serve_cache *c, const char *uri, int gz, char **body,
              size_t *len, int *is_gz, unsigned long *gen)
{
  if (!c)
    return 0;
  double now = serve_now();
  int hit = 0;
  pthread_mutex_lock(&c->mu);
  revalidate(c, now);
  *gen = c->gen;
  struct entry *e = &c->slot[hash(uri) % SLOTS];
  if (e->uri && strcmp(e->uri, uri) == 0 &&
      (c->file || now - e->made < c->ttl)) {
    int z = gz && e->zbody;
    const char *src = z ? e->zbody : e->body;
    size_t n = z ? e->zlen : e->len;
    char *copy = malloc(n ? n : 1);
    if (copy) {
      memcpy(copy, src, n);
      *body = copy;
      *len = n;
      *is_gz = z;
      hit = 1;
    }
  }
  pthread_mutex_unlock(&c->mu);
  return hit;
}

void cache_put(serve_cache *c, const char *uri, unsigned long gen,
               const char *body, size_t len, const char *zbody, size_t zlen)
{
  if (!c || len + zlen > c->max_bytes / 16)
    return;
  struct entry n = {0};
  n.uri = strdup(uri);
  n.body = malloc(len ? len : 1);
  n.zbody = zbody ? malloc(zlen ? zlen : 1) : NULL;
  if (!n.uri || !n.body || (zbody && !n.zbody)) {
    free(n.uri);
    free(n.body);
    free(n.zbody);
    return;
  }
  memcpy(n.body, body, len);
  n.len = len;
  if (zbody) {
    memcpy(n.zbody, zbody, zlen);
    n.zlen = zlen;
  }
  n.made = serve_now();
  pthread_mutex_lock(&c->mu);
  c->checked = 0; /* look at the store again now */
  revalidate(c, serve_now());
  if (c->gen != gen) {
    pthread_mutex_unlock(&c->mu);
    free(n.uri);
    free(n.body);
    free(n.zbody);
    return;
  }
  struct entry *e = &c->slot[hash(uri) % SLOTS];
  drop(c, e);
  /* over budget: free slots from the next one on until it fits */
  for (int i = 1; i < SLOTS && c->bytes + len + zlen > c->max_bytes; i++)
    drop(c, &c->slot[(hash(uri) + (uint64_t)i) % SLOTS]);
  *e = n;
  c->bytes += len + zlen;
  pthread_mutex_unlock(&c->mu);
}
