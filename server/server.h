/*
 * server.h: `dyad serve`, an HTTP server (libmicrohttpd) giving a JSON API
 * over an event store and the dashboard's static files (web/dist).
 *
 * Invariants: the store is only ever opened read-only; each request
 * borrows one store handle from a pool for its whole life (a handle is
 * used by one thread at a time); every connection has its own thread, so
 * a slow request never holds up another one.
 */
#ifndef DYAD_SERVE_SERVER_H
#define DYAD_SERVE_SERVER_H

#include <dyad.h>

#include "json.h"

typedef struct serve_opts {
  const char *db;        /* SQLite path or postgresql:// URL */
  const char *listen;    /* "HOST:PORT" (default 127.0.0.1:8080); port 0:
                            any free port */
  const char *web;       /* static files (NULL: $DYAD_WEB, then web/dist
                            beside the binary) */
  unsigned max_conns;    /* connection limit (0: 256) */
  unsigned time_limit;   /* seconds per request (0: 10) */
  int quiet;             /* no access log */
  unsigned cache_mb;     /* response cache size in MiB (0: off) */
  unsigned queries;      /* store queries at once (0: 2 per core, 8..64) */
} serve_opts;

/* Runs the server until SIGINT or SIGTERM. Prints the URL on stderr once
 * it listens ("dyad serve: listening on http://HOST:PORT/"). Returns a
 * process exit status (0, or 3 when the store or socket cannot be
 * opened). */
int serve_run(const serve_opts *o);

/* ---- between http.c and api.c ---------------------------------------- */

struct MHD_Connection;

typedef struct serve_req {
  struct MHD_Connection *conn;
  dyad_store *store;
  const char *route;  /* the path after "/api" ("" or "/events") */
  double deadline;    /* monotonic seconds */
  jbuf out;           /* the JSON body */
  int status;         /* HTTP status to send */
  char err[256];      /* message for a status >= 400 */
} serve_req;

/* Handles one API request: fills r->out and r->status (200), or r->status
 * (400, 404, 503, 500) and r->err. */
void api_handle(serve_req *r);

/* Monotonic clock in seconds. */
double serve_now(void);

/* The OpenAPI document served at /api. */
extern const char serve_openapi_json[];

#endif
