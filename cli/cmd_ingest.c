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
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dyad ingest --db DB [options] [FILE|DIR|-]...\n"
    "Codes articles and stores documents, sentences, events, actors,\n"
    "quotes and places. Idempotent: an article already stored with the same\n"
    "content is skipped; a changed one replaces its old rows.\n"
    "  --db DB        SQLite file (created if absent), or a PostgreSQL URL\n"
    "                 postgresql://user@host/dbname (default: $DYAD_DB)\n"
    "  --batch N      documents per transaction (default 200)\n"
    "  --quiet        no summary line on stderr\n"
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

/* Ingests every record of one input. Returns 0, EXIT_RECORDS when some
 * records were rejected, or EXIT_FATAL. */
static int ingest_input(const char *path, struct cli_common *c,
                        dyad_store *st, dyad_doc *doc, struct tally *t)
{
  int rc = 0;
  dyad_reader *r = dyad_reader_open(path, strlen(path), &c->read);
  if (!r) {
    cli_err("out of memory");
    return EXIT_FATAL;
  }
  for (;;) {
    dyad_article art;
    dyad_status s = dyad_reader_next(r, &art);
    if (s == DYAD_EOF)
      break;
    if (s != DYAD_OK) {
      cli_err("%s", dyad_reader_errmsg(r));
      t->bad++;
      rc = EXIT_RECORDS;
      if (s == DYAD_ENOMEM || s == DYAD_EIO)
        break;
      continue;
    }
    t->read++;
    dyad_put_result res;
    s = dyad_store_lookup(st, &art, &res);
    if (s != DYAD_OK) {
      cli_err("%s", dyad_store_errmsg(st));
      rc = EXIT_FATAL;
      break;
    }
    if (res == DYAD_PUT_SAME) {
      t->same++;
      continue;
    }
    s = dyad_doc_analyze(doc, &art, DYAD_STAGE_ALL);
    if (s != DYAD_OK) {
      cli_err("%s: record %u (%.*s): %s", path, art.record, (int)art.id_len,
              art.id, dyad_strerror(s));
      t->bad++;
      rc = EXIT_RECORDS;
      if (s == DYAD_ENOMEM) {
        rc = EXIT_FATAL;
        break;
      }
      continue;
    }
    s = dyad_store_put(st, &art, doc, &res);
    if (s == DYAD_EDB || s == DYAD_ENOMEM) {
      cli_err("%s: record %u (%.*s): %s", path, art.record, (int)art.id_len,
              art.id, dyad_store_errmsg(st));
      rc = EXIT_FATAL;
      break;
    }
    if (s != DYAD_OK) {
      cli_err("%s: record %u (%.*s): %s", path, art.record, (int)art.id_len,
              art.id, dyad_store_errmsg(st));
      t->bad++;
      rc = EXIT_RECORDS;
      continue;
    }
    size_t nev;
    dyad_doc_events(doc, &nev);
    if (res == DYAD_PUT_NEW)
      t->fresh++;
    else if (res == DYAD_PUT_CHANGED)
      t->changed++;
    else
      t->same++;
    if (res != DYAD_PUT_SAME)
      t->events += nev;
  }
  dyad_reader_free(r);
  return rc;
}

int cmd_ingest(int argc, char **argv)
{
  struct cli_common c;
  memset(&c, 0, sizeof(c));
  const char *db = getenv("DYAD_DB");
  long batch = 200;
  int quiet = 0;
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
  dyad_doc *doc = dyad_doc_new(ctx);
  struct tally t = {0};
  int rc = doc ? 0 : EXIT_FATAL;
  static const char *const stdin_only[] = {"-"};
  const char *const *inputs = c.ninputs ? c.inputs : stdin_only;
  int ninputs = c.ninputs ? c.ninputs : 1;
  for (int i = 0; i < ninputs && rc != EXIT_FATAL; i++) {
    int r = ingest_input(inputs[i], &c, st, doc, &t);
    if (r > rc)
      rc = r;
  }
  if (dyad_store_flush(st) != DYAD_OK) {
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
  dyad_doc_free(doc);
  dyad_ctx_free(ctx);
  return rc;
}
