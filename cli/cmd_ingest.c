/*
 * cmd_ingest.c: `dyad ingest`, which codes articles and stores documents,
 * sentences, events, actors, quotes and places in an event store (SQLite
 * file or PostgreSQL).
 *
 * Each article is first looked up by id and content hash: an article
 * already stored unchanged is not analysed again, so re-running over the
 * same input is cheap and writes nothing. Rejected records (unreadable,
 * unanalysable, or refused by the store) are reported on stderr and
 * skipped; a database failure is fatal. The store batches documents into
 * transactions, so a killed run leaves a consistent database and the next
 * run completes it.
 *
 * Threads (-j N): the main thread reads, looks up and writes; N analysis
 * threads (at least one) code the articles in between, so that writing
 * the store overlaps with coding the next articles instead of adding to
 * it. Articles wait in a ring of slots and are written strictly in input
 * order, so the database is the same whatever N is. Each slot owns a
 * dyad_doc and a copy of its article (the reader's strings only live
 * until its next record); the ctx is shared read-only.
 */
#include "cli.h"
#include "drive.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dyad ingest --db DB [options] [FILE|DIR|-]...\n"
    "Codes articles and stores documents, sentences, events, actors,\n"
    "quotes and places. Idempotent: an article already stored with the same\n"
    "content is skipped; a changed one replaces its old rows.\n"
    "  --db DB        SQLite file (created if absent), or a PostgreSQL URL\n"
    "                 postgresql://user@host/dbname (default: $DYAD_DB)\n"
    "  --batch N      documents per transaction (default 1000)\n"
    "  -j N           N analysis threads (default 1) beside the thread that\n"
    "                 reads and writes; rows are written in input order\n"
    "                 whatever N is\n"
    "  --quiet        no summary line on stderr\n"
    "  --upgrade      only bring a store made by an older dyad up to date\n"
    "                 (any write does so too) and exit\n"
    "  --negated      also store negated events (flagged)\n"
    "  --unknown      also store events whose actor is not in a dictionary\n"
    "  --format F     input format (auto, text, jsonl, xml)\n"
    "  --date D       default article date YYYY-MM-DD\n"
    "  --data DIR     data directory; --dict PATH adds a dictionary\n"
    "The summary on stderr reads: ingest: N read, N new, N changed,\n"
    "N unchanged, N rejected, N events stored.\n";

struct tally {
  uint64_t read, fresh, changed, same, bad, events;
};

enum { SLOT_FREE, SLOT_QUEUED, SLOT_WORKING, SLOT_DONE };

/* One article in flight. */
struct slot {
  int state;           /* SLOT_* (under the ring lock) */
  dyad_doc *doc;       /* analysis results, owned */
  dyad_article art;    /* points into buf */
  char *buf;           /* the article's strings, owned */
  size_t cap;          /* bytes allocated in buf */
  const char *path;    /* input it came from */
  dyad_status st;      /* analysis status */
};

struct ring {
  struct slot *slots;  /* nslots slots */
  unsigned nslots;
  uint64_t head;       /* next slot to write (main thread) */
  uint64_t tail;       /* next slot to fill (main thread) */
  uint64_t next;       /* next queued slot for a worker */
  int quit;            /* workers stop */
  unsigned idle;       /* workers waiting for work */
  unsigned ndone;      /* slots analysed and not yet written */
  unsigned want;       /* the main thread sleeps until this many are done
                          and the head slot is (0: it does not sleep) */
  pthread_mutex_t mu;
  pthread_cond_t work; /* a slot was queued, or quit */
  pthread_cond_t done; /* a slot was analysed */
};

/* Copies art's strings into the slot, so the reader may move on. */
static int slot_take(struct slot *sl, const dyad_article *art,
                     const char *path)
{
  if (cli_article_copy(&sl->art, &sl->buf, &sl->cap, art) != 0)
    return -1;
  sl->path = path;
  return 0;
}

static void *worker(void *arg)
{
  struct ring *r = arg;
  pthread_mutex_lock(&r->mu);
  for (;;) {
    while (!r->quit && r->next == r->tail) {
      r->idle++;
      pthread_cond_wait(&r->work, &r->mu);
      r->idle--;
    }
    if (r->quit)
      break;
    struct slot *sl = &r->slots[r->next++ % r->nslots];
    sl->state = SLOT_WORKING;
    pthread_mutex_unlock(&r->mu);
    dyad_status st = dyad_doc_analyze(sl->doc, &sl->art, DYAD_STAGE_ALL);
    pthread_mutex_lock(&r->mu);
    sl->st = st;
    sl->state = SLOT_DONE;
    r->ndone++;
    if (r->want && r->ndone >= r->want &&
        r->slots[r->head % r->nslots].state == SLOT_DONE)
      pthread_cond_signal(&r->done);
  }
  pthread_mutex_unlock(&r->mu);
  return NULL;
}

/* Writes one analysed slot. Returns 0, EXIT_RECORDS or EXIT_FATAL. */
static int write_slot(struct slot *sl, dyad_store *st, struct tally *t)
{
  const dyad_article *art = &sl->art;
  if (sl->st != DYAD_OK) {
    cli_err("%s: record %u (%.*s): %s", sl->path, art->record,
            (int)art->id_len, art->id, dyad_strerror(sl->st));
    t->bad++;
    return sl->st == DYAD_ENOMEM ? EXIT_FATAL : EXIT_RECORDS;
  }
  dyad_put_result res;
  dyad_status s = dyad_store_put(st, art, sl->doc, &res);
  if (s != DYAD_OK) {
    cli_err("%s: record %u (%.*s): %s", sl->path, art->record,
            (int)art->id_len, art->id, dyad_store_errmsg(st));
    if (s == DYAD_EDB || s == DYAD_ENOMEM)
      return EXIT_FATAL;
    t->bad++;
    return EXIT_RECORDS;
  }
  size_t nev;
  dyad_doc_events(sl->doc, &nev);
  if (res == DYAD_PUT_NEW)
    t->fresh++;
  else if (res == DYAD_PUT_CHANGED)
    t->changed++;
  else
    t->same++;
  if (res != DYAD_PUT_SAME)
    t->events += nev;
  return 0;
}

/* Writes every analysed slot at the head of the ring, in order; with wait
 * set, first waits until the head slot is analysed. */
static int drain_ring(struct ring *r, int wait, dyad_store *st,
                      struct tally *t)
{
  int rc = 0;
  for (;;) {
    if (r->head == r->tail)
      return rc;
    struct slot *sl = &r->slots[r->head % r->nslots];
    pthread_mutex_lock(&r->mu);
    if (wait && sl->state != SLOT_DONE) {
      /* sleep until half the ring is analysed, not once per article:
       * each wake-up is a futex call and a context switch on both sides */
      uint64_t queued = r->tail - r->head;
      r->want = (unsigned)(queued < r->nslots / 2 ? queued : r->nslots / 2);
      while (sl->state != SLOT_DONE || r->ndone < r->want)
        pthread_cond_wait(&r->done, &r->mu);
      r->want = 0;
    }
    int ready = sl->state == SLOT_DONE;
    pthread_mutex_unlock(&r->mu);
    if (!ready)
      return rc;
    int w = write_slot(sl, st, t);
    pthread_mutex_lock(&r->mu);
    sl->state = SLOT_FREE;
    r->head++;
    r->ndone--;
    pthread_mutex_unlock(&r->mu);
    if (w > rc)
      rc = w;
    if (rc == EXIT_FATAL)
      return rc;
    wait = 0; /* after the one we waited for, write only what is ready */
  }
}

/* Reads every record of one input into the ring. Returns 0, EXIT_RECORDS
 * when some records were rejected, or EXIT_FATAL. */
static int ingest_input(const char *path, struct cli_common *c,
                        dyad_store *st, struct ring *r, struct tally *t)
{
  int rc = 0;
  dyad_reader *rd = dyad_reader_open(path, strlen(path), &c->read);
  if (!rd) {
    cli_err("out of memory");
    return EXIT_FATAL;
  }
  for (;;) {
    dyad_article art;
    dyad_status s = dyad_reader_next(rd, &art);
    if (s == DYAD_EOF)
      break;
    if (s != DYAD_OK) {
      cli_err("%s", dyad_reader_errmsg(rd));
      t->bad++;
      rc = EXIT_RECORDS;
      if (s == DYAD_ENOMEM || s == DYAD_EIO)
        break;
      continue;
    }
    t->read++;
    dyad_put_result res;
    if (dyad_store_lookup(st, &art, &res) != DYAD_OK) {
      cli_err("%s", dyad_store_errmsg(st));
      rc = EXIT_FATAL;
      break;
    }
    if (res == DYAD_PUT_SAME) { /* stored already: not analysed again */
      t->same++;
      continue;
    }
    /* make room: write what is ready, wait for the head if full */
    int full = r->tail - r->head >= r->nslots;
    int w = drain_ring(r, full, st, t);
    if (w > rc)
      rc = w;
    if (rc == EXIT_FATAL)
      break;
    struct slot *sl = &r->slots[r->tail % r->nslots];
    if (slot_take(sl, &art, path) != 0) {
      cli_err("out of memory");
      rc = EXIT_FATAL;
      break;
    }
    pthread_mutex_lock(&r->mu);
    sl->state = SLOT_QUEUED;
    r->tail++;
    if (r->idle) /* a busy worker takes it without being woken */
      pthread_cond_signal(&r->work);
    pthread_mutex_unlock(&r->mu);
  }
  dyad_reader_free(rd);
  return rc;
}

int cmd_ingest(int argc, char **argv)
{
  struct cli_common c;
  memset(&c, 0, sizeof(c));
  const char *db = getenv("DYAD_DB");
  long batch = 1000; /* fewer, larger full-text index segments */
  int quiet = 0, upgrade = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(help, stdout);
      return 0;
    }
    if (strcmp(a, "--db") == 0 || strcmp(a, "--batch") == 0) {
      if (i + 1 >= argc) {
        cli_err("option '%s' needs a value", a);
        return EXIT_USAGE;
      }
      const char *v = argv[++i];
      if (a[2] == 'd') {
        db = v;
        continue;
      }
      char *end;
      batch = strtol(v, &end, 10);
      if (*end || batch < 1 || batch > 1000000) {
        cli_err("bad batch size '%s'", v);
        return EXIT_USAGE;
      }
      continue;
    }
    if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
      quiet = 1;
      continue;
    }
    if (strcmp(a, "--upgrade") == 0) {
      upgrade = 1;
      continue;
    }
    if (strcmp(a, "--negated") == 0) {
      c.cfg.flags |= DYAD_CFG_NEGATED;
      continue;
    }
    if (strcmp(a, "--unknown") == 0) {
      c.cfg.flags |= DYAD_CFG_UNKNOWN;
      continue;
    }
    int r = cli_common_opt(&c, argc, argv, &i);
    if (r < 0)
      return EXIT_USAGE;
    if (r == 0) {
      cli_err("ingest: unknown option '%s'", a);
      return EXIT_USAGE;
    }
  }
  if (c.out_format) {
    cli_err("ingest: unknown input format '%s'", c.out_format);
    return EXIT_USAGE;
  }
  if (!db || !*db) {
    cli_err("ingest: no database: give --db FILE|URL or set DYAD_DB");
    return EXIT_USAGE;
  }
  dyad_ctx *ctx = dyad_ctx_new(&c.cfg);
  if (!ctx) {
    cli_err("out of memory");
    return EXIT_FATAL;
  }
  if (dyad_ctx_load_defaults(ctx) != DYAD_OK) {
    cli_err("%s", dyad_ctx_errmsg(ctx));
    dyad_ctx_free(ctx);
    return EXIT_FATAL;
  }
  dyad_store *st = NULL;
  if (dyad_store_open(db, strlen(db), DYAD_STORE_WRITE, &st) != DYAD_OK) {
    cli_err("%s", dyad_store_errmsg(st));
    dyad_store_close(st);
    dyad_ctx_free(ctx);
    return EXIT_FATAL;
  }
  dyad_store_set_batch(st, (unsigned)batch);
  if (upgrade) { /* opening for writing upgraded the schema */
    dyad_store_close(st);
    dyad_ctx_free(ctx);
    if (!quiet)
      fprintf(stderr, "ingest: store %s is up to date\n", db);
    return 0;
  }

  int nworkers = c.jobs > 1 ? c.jobs : 1;
  struct ring r;
  memset(&r, 0, sizeof(r));
  r.nslots = (unsigned)nworkers * 16;
  r.slots = calloc(r.nslots, sizeof(*r.slots));
  int rc = r.slots ? 0 : EXIT_FATAL;
  for (unsigned i = 0; rc == 0 && i < r.nslots; i++) {
    r.slots[i].doc = dyad_doc_new(ctx);
    if (!r.slots[i].doc)
      rc = EXIT_FATAL;
  }
  if (rc == EXIT_FATAL)
    cli_err("out of memory");
  pthread_mutex_init(&r.mu, NULL);
  pthread_cond_init(&r.work, NULL);
  pthread_cond_init(&r.done, NULL);
  pthread_t tids[256];
  int started = 0;
  for (; rc == 0 && started < nworkers; started++) {
    if (pthread_create(&tids[started], NULL, worker, &r) != 0) {
      cli_err("cannot start thread");
      rc = EXIT_FATAL;
      break;
    }
  }

  struct tally t = {0};
  static const char *const stdin_only[] = {"-"};
  const char *const *inputs = c.ninputs ? c.inputs : stdin_only;
  int ninputs = c.ninputs ? c.ninputs : 1;
  for (int i = 0; i < ninputs && rc != EXIT_FATAL; i++) {
    int w = ingest_input(inputs[i], &c, st, &r, &t);
    if (w > rc)
      rc = w;
  }
  if (rc != EXIT_FATAL) { /* write what is still in flight */
    while (r.head != r.tail) {
      int w = drain_ring(&r, 1, st, &t);
      if (w > rc)
        rc = w;
      if (rc == EXIT_FATAL)
        break;
    }
  }
  pthread_mutex_lock(&r.mu);
  r.quit = 1;
  pthread_cond_broadcast(&r.work);
  pthread_mutex_unlock(&r.mu);
  for (int i = 0; i < started; i++)
    pthread_join(tids[i], NULL);

  if (rc != EXIT_FATAL && dyad_store_flush(st) != DYAD_OK) {
    cli_err("%s", dyad_store_errmsg(st));
    rc = EXIT_FATAL;
  }
  dyad_store_close(st);
  if (!quiet)
    fprintf(stderr,
            "ingest: %llu read, %llu new, %llu changed, %llu unchanged, "
            "%llu rejected, %llu events stored\n",
            (unsigned long long)t.read, (unsigned long long)t.fresh,
            (unsigned long long)t.changed, (unsigned long long)t.same,
            (unsigned long long)t.bad, (unsigned long long)t.events);
  for (unsigned i = 0; r.slots && i < r.nslots; i++) {
    dyad_doc_free(r.slots[i].doc);
    free(r.slots[i].buf);
  }
  free(r.slots);
  pthread_mutex_destroy(&r.mu);
  pthread_cond_destroy(&r.work);
  pthread_cond_destroy(&r.done);
  dyad_ctx_free(ctx);
  return rc;
}
