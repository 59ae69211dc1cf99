/*
 * source.c: the byte window the readers read through (struct dyad_rsrc).
 * A file is read in chunks into one buffer that grows only while a single
 * record needs it, up to a limit; memory input is used in place. Files
 * and standard input go through zlib's gzread, which inflates gzip data
 * and passes anything else through unchanged, so "corpus.jsonl.gz" reads
 * like "corpus.jsonl".
 *
 * Invariants: base[pos..end) are the bytes not yet consumed; a refill may
 * move them to the front of the buffer, so callers keep offsets from pos,
 * never pointers, across dyad__rsrc_more. A read error is not an end of
 * input: eof stays 0 and every later refill fails again, so whichever
 * reader needs more bytes reports the error instead of a cut record.
 */
#include "read.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include <zlib.h>

enum { CHUNK = 256 * 1024 };

int dyad__rsrc_open_file(struct dyad_rsrc *s, const char *path, size_t limit)
{
  memset(s, 0, sizeof(*s));
  s->fd = open(path, O_RDONLY | O_CLOEXEC);
  if (s->fd < 0) {
    s->fd = -1;
    return errno ? errno : EIO;
  }
  s->own_fd = 1;
  s->limit = limit;
  s->gz = gzdopen(s->fd, "rb"); /* owns fd from here on */
  if (s->gz)
    gzbuffer(s->gz, 128 * 1024);
  return 0;
}

void dyad__rsrc_open_fd(struct dyad_rsrc *s, int fd, size_t limit)
{
  memset(s, 0, sizeof(*s));
  s->fd = fd;
  s->limit = limit;
  int dupfd = dup(fd); /* gzclose closes it; fd itself stays open */
  if (dupfd >= 0) {
    s->gz = gzdopen(dupfd, "rb");
    if (!s->gz)
      close(dupfd);
    else
      gzbuffer(s->gz, 128 * 1024);
  }
}

void dyad__rsrc_open_mem(struct dyad_rsrc *s, const char *p, size_t len)
{
  memset(s, 0, sizeof(*s));
  s->fd = -1;
  s->base = p;
  s->end = len;
  s->limit = len;
  s->eof = 1;
}

void dyad__rsrc_open_trickle(struct dyad_rsrc *s, const char *p, size_t len,
                             size_t trickle, size_t limit)
{
  memset(s, 0, sizeof(*s));
  s->fd = -1;
  s->mem = p;
  s->mem_len = len;
  s->trickle = trickle ? trickle : 1;
  s->limit = limit;
}

int dyad__rsrc_more(const struct dyad_allocator *a, struct dyad_rsrc *s)
{
  if (s->err)
    return -1; /* a read error stays */
  if (s->eof)
    return 0;
  size_t keep = s->end - s->pos;
  if (keep >= s->limit)
    return -2;
  if (s->pos > 0 && keep)
    memmove(s->buf, s->buf + s->pos, keep);
  s->end = keep;
  s->pos = 0;
  /* room for a chunk (or what is left up to the limit) after the data */
  size_t chunk = s->mem ? s->trickle : CHUNK; /* trickling: tight fit */
  size_t want = keep + chunk;
  if (want > s->limit + chunk)
    want = s->limit + chunk;
  if (s->cap < want || s->cap == s->end) {
    size_t ncap = s->cap ? s->cap : chunk;
    while (ncap < want)
      ncap *= 2;
    char *nb = dyad__realloc(a, s->buf, s->cap, ncap);
    if (!nb)
      return -3;
    s->buf = nb;
    s->cap = ncap;
  }
  s->base = s->buf;
  if (s->mem) { /* trickled memory */
    size_t n = s->mem_len - s->mem_off;
    if (n > s->trickle)
      n = s->trickle;
    if (n > s->cap - s->end)
      n = s->cap - s->end;
    if (n == 0) {
      s->eof = 1;
      return 0;
    }
    memcpy(s->buf + s->end, s->mem + s->mem_off, n);
    s->mem_off += n;
    s->end += n;
    return 1;
  }
  if (s->gz) {
    size_t room = s->cap - s->end;
    int n = gzread(s->gz, s->buf + s->end,
                   (unsigned)(room > INT_MAX ? INT_MAX : room));
    if (n < 0) {
      int zerr;
      const char *m = gzerror(s->gz, &zerr);
      snprintf(s->errtext, sizeof(s->errtext), "%s",
               zerr == Z_ERRNO ? strerror(errno) : m);
      s->err = EIO;
      return -1;
    }
    if (n == 0) {
      int zerr;
      gzerror(s->gz, &zerr);
      if (zerr == Z_BUF_ERROR) { /* input ended inside a gzip stream */
        snprintf(s->errtext, sizeof(s->errtext),
                 "unexpected end of file (truncated gzip data)");
        s->err = EIO;
        return -1;
      }
      s->eof = 1;
      return 0;
    }
    s->end += (size_t)n;
    return 1;
  }
  for (;;) {
    ssize_t n = read(s->fd, s->buf + s->end, s->cap - s->end);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      s->err = errno ? errno : EIO;
      return -1;
    }
    if (n == 0) {
      s->eof = 1;
      return 0;
    }
    s->end += (size_t)n;
    return 1;
  }
}

void dyad__rsrc_close(const struct dyad_allocator *a, struct dyad_rsrc *s)
{
  if (s->gz)
    gzclose(s->gz); /* closes the descriptor it was given */
  else if (s->own_fd && s->fd >= 0)
    close(s->fd);
  dyad__free(a, s->buf, s->cap);
  memset(s, 0, sizeof(*s));
  s->fd = -1;
}
