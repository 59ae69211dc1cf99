/*
 * source.c: the byte window the readers read through (struct dyad_rsrc).
 * A file is read in chunks into one buffer that grows only while a single
 * record needs it, up to a limit; memory input is used in place.
 *
 * Invariant: base[pos..end) are the bytes not yet consumed; a refill may
 * move them to the front of the buffer, so callers keep offsets from pos,
 * never pointers, across dyad__rsrc_more.
 */
#include "read.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

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
  return 0;
}

void dyad__rsrc_open_fd(struct dyad_rsrc *s, int fd, size_t limit)
{
  memset(s, 0, sizeof(*s));
  s->fd = fd;
  s->limit = limit;
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

int dyad__rsrc_more(const struct dyad_allocator *a, struct dyad_rsrc *s)
{
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
  size_t want = keep + CHUNK;
  if (want > s->limit + CHUNK)
    want = s->limit + CHUNK;
  if (s->cap < want) {
    size_t ncap = s->cap ? s->cap : CHUNK;
    while (ncap < want)
      ncap *= 2;
    char *nb = dyad__realloc(a, s->buf, s->cap, ncap);
    if (!nb)
      return -3;
    s->buf = nb;
    s->cap = ncap;
  }
  s->base = s->buf;
  for (;;) {
    ssize_t n = read(s->fd, s->buf + s->end, s->cap - s->end);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      s->err = errno ? errno : EIO;
      s->eof = 1;
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
  if (s->own_fd && s->fd >= 0)
    close(s->fd);
  dyad__free(a, s->buf, s->cap);
  memset(s, 0, sizeof(*s));
  s->fd = -1;
}
