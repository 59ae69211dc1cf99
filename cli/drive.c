/*
 * drive.c: the loop every text command shares: open each input, read its
 * records, analyse each one, hand the analysed doc to an emitter, report
 * bad records on stderr and go on. Returns the exit code.
 *
 * With -j N (N > 1) records are read in batches; N threads, each with its
 * own dyad_doc over the shared read-only ctx, analyse and emit the batch
 * into per-record buffers, and the main thread writes those buffers in
 * input order. So the output is byte-for-byte that of -j 1.
 */
#include "cli.h"
#include "drive.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define BATCH 512

/* One record of a batch: an owned copy of the article and its output. */
struct job {
  dyad_article art;  /* strings point into mem */
  char *mem;         /* owned copy of the article's strings */
  size_t memcap;     /* bytes allocated for mem */
  dyad_buf out;      /* the emitter's output */
  dyad_status st;    /* analysis status */
  const char *input; /* input path, for messages */
};

struct batch {
  struct job jobs[BATCH];
  size_t n;                /* jobs filled */
  atomic_size_t next;      /* next job to take */
  uint32_t stages;
  cli_emit_fn emit;
  void *ud;
};

struct worker {
  pthread_t th;
  dyad_doc *doc;
  struct batch *b;
};

int cli_article_copy(dyad_article *dst, char **buf, size_t *cap,
                     const dyad_article *src)
{
  size_t need = src->id_len + src->title_len + src->text_len +
                src->source_len + src->url_len + 5;
  if (need > *cap) {
    char *m = realloc(*buf, need);
    if (!m)
      return -1;
    *buf = m;
    *cap = need;
  }
  char *p = *buf;
  *dst = *src;
#define COPY(f)                                                             \
  do {                                                                      \
    if (src->f##_len)                                                       \
      memcpy(p, src->f, src->f##_len);                                      \
    dst->f = p;                                                             \
    p += src->f##_len;                                                      \
    *p++ = '\0';                                                            \
  } while (0)
  COPY(id);
  COPY(title);
  COPY(text);
  COPY(source);
  COPY(url);
#undef COPY
  return 0;
}

/* Copies art's strings into job->mem so the reader may move on. */
static int jobcopy(struct job *j, const dyad_article *art, const char *input)
{
  if (cli_article_copy(&j->art, &j->mem, &j->memcap, art) != 0)
    return -1;
  j->input = input;
  j->out.len = 0;
  return 0;
}

static void *work(void *arg)
{
  struct worker *w = arg;
  struct batch *b = w->b;
  for (;;) {
    size_t i = atomic_fetch_add(&b->next, 1);
    if (i >= b->n)
      break;
    struct job *j = &b->jobs[i];
    j->st = dyad_doc_analyze(w->doc, &j->art, b->stages);
    if (j->st == DYAD_OK && b->emit(w->doc, &j->out, b->ud) != 0)
      j->st = DYAD_ENOMEM;
  }
  return NULL;
}

/* Analyses the batch on the workers, then writes it in order. */
static int runbatch(struct batch *b, struct worker *ws, int nw, int *rc)
{
  atomic_store(&b->next, 0);
  for (int k = 0; k < nw; k++) {
    ws[k].b = b;
    if (pthread_create(&ws[k].th, NULL, work, &ws[k]) != 0) {
      cli_err("cannot start a thread");
      return -1;
    }
  }
  for (int k = 0; k < nw; k++)
    pthread_join(ws[k].th, NULL);
  for (size_t i = 0; i < b->n; i++) {
    struct job *j = &b->jobs[i];
    if (j->st != DYAD_OK) {
      cli_err("%s: record %u (%s): %s", j->input, j->art.record, j->art.id,
              dyad_strerror(j->st));
      *rc = EXIT_RECORDS;
      continue;
    }
    if (cli_write(j->out.ptr, j->out.len) != 0) {
      cli_err("cannot write output");
      return -1;
    }
  }
  b->n = 0;
  return 0;
}

static int drive_parallel(struct cli_common *c, dyad_ctx *ctx,
                          uint32_t stages, cli_emit_fn emit, void *ud,
                          const char *const *inputs, int ninputs)
{
  int rc = 0;
  int nw = c->jobs;
  struct batch *b = calloc(1, sizeof(*b));
  struct worker *ws = calloc((size_t)nw, sizeof(*ws));
  if (!b || !ws) {
    free(b);
    free(ws);
    cli_err("out of memory");
    return EXIT_FATAL;
  }
  b->stages = stages;
  b->emit = emit;
  b->ud = ud;
  for (int k = 0; k < nw; k++) {
    ws[k].doc = dyad_doc_new(ctx);
    if (!ws[k].doc) {
      cli_err("out of memory");
      rc = EXIT_FATAL;
      goto out;
    }
  }
  for (int i = 0; i < ninputs && rc != EXIT_FATAL; i++) {
    dyad_reader *r = dyad_reader_open(inputs[i], strlen(inputs[i]), &c->read);
    if (!r) {
      cli_err("out of memory");
      rc = EXIT_FATAL;
      break;
    }
    for (;;) {
      dyad_article art;
      dyad_status st = dyad_reader_next(r, &art);
      if (st == DYAD_EOF)
        break;
      if (st != DYAD_OK) {
        /* keep order: flush what was read before the bad record */
        if (b->n && runbatch(b, ws, nw, &rc) != 0) {
          rc = EXIT_FATAL;
          break;
        }
        cli_err("%s", dyad_reader_errmsg(r));
        rc = EXIT_RECORDS;
        if (st == DYAD_ENOMEM || st == DYAD_EIO)
          break;
        continue;
      }
      if (jobcopy(&b->jobs[b->n], &art, inputs[i]) != 0) {
        cli_err("out of memory");
        rc = EXIT_FATAL;
        break;
      }
      if (++b->n == BATCH && runbatch(b, ws, nw, &rc) != 0) {
        rc = EXIT_FATAL;
        break;
      }
    }
    dyad_reader_free(r);
    if (rc != EXIT_FATAL && b->n && runbatch(b, ws, nw, &rc) != 0)
      rc = EXIT_FATAL;
  }
out:
  for (int k = 0; k < nw; k++)
    dyad_doc_free(ws[k].doc);
  for (size_t i = 0; i < BATCH; i++) {
    free(b->jobs[i].mem);
    dyad_buf_release(&b->jobs[i].out);
  }
  free(ws);
  free(b);
  return rc;
}

int cli_drive(struct cli_common *c, dyad_ctx *ctx, uint32_t stages,
              cli_emit_fn emit, void *ud)
{
  static const char *const stdin_only[] = {"-"};
  const char *const *inputs = c->ninputs ? c->inputs : stdin_only;
  int ninputs = c->ninputs ? c->ninputs : 1;
  int rc = 0;
  if (c->jobs > 1) {
    rc = drive_parallel(c, ctx, stages, emit, ud, inputs, ninputs);
    goto flush;
  }
  dyad_doc *doc = dyad_doc_new(ctx);
  dyad_buf out = {0};
  if (!doc) {
    cli_err("out of memory");
    return EXIT_FATAL;
  }
  for (int i = 0; i < ninputs && rc != EXIT_FATAL; i++) {
    dyad_reader *r = dyad_reader_open(inputs[i], strlen(inputs[i]), &c->read);
    if (!r) {
      cli_err("out of memory");
      rc = EXIT_FATAL;
      break;
    }
    for (;;) {
      dyad_article art;
      dyad_status st = dyad_reader_next(r, &art);
      if (st == DYAD_EOF)
        break;
      if (st != DYAD_OK) {
        cli_err("%s", dyad_reader_errmsg(r));
        rc = EXIT_RECORDS;
        if (st == DYAD_ENOMEM || st == DYAD_EIO)
          break;
        continue;
      }
      st = dyad_doc_analyze(doc, &art, stages);
      if (st != DYAD_OK) {
        cli_err("%s: record %u (%.*s): %s", inputs[i], art.record,
                (int)art.id_len, art.id, dyad_strerror(st));
        rc = EXIT_RECORDS;
        continue;
      }
      out.len = 0;
      if (emit(doc, &out, ud) != 0 || cli_write(out.ptr, out.len) != 0) {
        cli_err("cannot write output");
        rc = EXIT_FATAL;
        break;
      }
    }
    dyad_reader_free(r);
  }
  dyad_buf_release(&out);
  dyad_doc_free(doc);
flush:
  if (fflush(stdout) != 0) {
    cli_err("cannot write output");
    rc = EXIT_FATAL;
  }
  return rc;
}
