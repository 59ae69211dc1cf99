/*
 * cache.h: a small response cache for `dyad serve`. API answers are pure
 * functions of the request URI and the store's content, and dashboards
 * ask the same questions again and again, so 200 answers are kept (by
 * URI) until the store changes: for a SQLite file, the size and mtime of
 * the file and its -wal (a writer such as `dyad ingest` changes one of
 * them); for PostgreSQL, at most `ttl` seconds. Thread-safe (one mutex;
 * bodies are copied out under it).
 */
#ifndef DYAD_SERVE_CACHE_H
#define DYAD_SERVE_CACHE_H

#include <stddef.h>

typedef struct serve_cache serve_cache;

/* db: the --db value; max_bytes: total body bytes kept (0 disables). */
serve_cache *cache_new(const char *db, size_t max_bytes, double ttl);
void cache_free(serve_cache *c);

/* Looks uri up. On a hit, *body gets a malloc'd copy (the gzip form when
 * gz and one is kept) and *is_gz says which. Returns 1 on a hit. On a
 * miss, *gen gets the store generation to give to cache_put. */
int cache_get(serve_cache *c, const char *uri, int gz, char **body,
              size_t *len, int *is_gz, unsigned long *gen);

/* Keeps a copy of body (plain JSON) and, when zbody, of its gzip form,
 * unless the store changed since the cache_get that gave gen (the answer
 * may then be older than the store). */
void cache_put(serve_cache *c, const char *uri, unsigned long gen,
               const char *body, size_t len, const char *zbody, size_t zlen);

#endif
