/*
 * fuzz_read.c: random bytes through the readers. The first byte picks the
 * format (auto, text, jsonl, xml), the reader (articles, or PETRARCH items
 * through dyad__petr_next), whether a default date is given, and a small
 * or the default record limit (small limits exercise the skip paths); the
 * rest is the input. Each input is read twice: from memory in place, and
 * trickled into the window a few bytes at a time (the refill paths of
 * file input). Every string is touched (ASan sees any bad view), and the
 * two readings must give the same digest unless a record was too large.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dyad.h"
#include "read/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile unsigned sink;

static void touch(const char *s, size_t len)
{
  unsigned h = 0;
  for (size_t i = 0; i < len; i++)
    h = h * 31 + (unsigned char)s[i];
  sink += h;
}

static void touch_art(const dyad_article *a)
{
  touch(a->id, a->id_len);
  touch(a->title, a->title_len);
  touch(a->text, a->text_len);
  touch(a->source, a->source_len);
  touch(a->url, a->url_len);
}

/* Reads the input to the end; returns a digest of everything that came
 * out (statuses, record numbers, ids, texts, messages), and sets *big when
 * a record was too large (where window limits make the two ways differ). */
static unsigned run(const uint8_t *data, size_t size, size_t trickle,
                    int *big)
{
  uint8_t mode = data[0];
  static const size_t limits[] = {0, 16, 100, 1000};
  dyad_read_opts o;
  memset(&o, 0, sizeof(o));
  o.format = (dyad_format)(mode & 3);
  o.default_date = (mode & 8) ? 20230322 : 0;
  o.max_record = limits[(mode >> 4) & 3];
  int petr = (mode & 4) != 0;
  dyad_reader *r = dyad_reader_open_mem((const char *)data + 1, size - 1,
                                        "fuzz", 4, &o);
  if (!r)
    return 0;
  if (trickle)
    dyad__reader_set_trickle(r, trickle);
  unsigned before = sink;
  sink = 0;
  dyad_status st;
  for (int guard = 0; guard < 100000; guard++) {
    dyad_article a;
    if (petr) {
      struct dyad_petr_item it;
      st = dyad__petr_next(r, &it);
      if (st == DYAD_OK) {
        a = it.art;
        sink = sink * 7 + (unsigned)it.kind;
        if (it.name)
          touch(it.name, it.name_len);
        if (it.value)
          touch(it.value, it.value_len);
        if (it.parse)
          touch(it.parse, it.parse_len);
        for (size_t i = 0; i < it.ncodings; i++) {
          touch(it.codings[i].source, it.codings[i].source_len);
          touch(it.codings[i].target, it.codings[i].target_len);
          touch(it.codings[i].code, it.codings[i].code_len);
          touch(it.codings[i].error, it.codings[i].error_len);
          sink += it.codings[i].line + (unsigned)it.codings[i].noevents;
        }
      }
    } else {
      st = dyad_reader_next(r, &a);
    }
    sink = sink * 31 + (unsigned)st;
    if (st == DYAD_EOF)
      break;
    if (st == DYAD_ETOOBIG)
      *big = 1;
    if (st == DYAD_OK) {
      if (!petr || a.id)
        touch_art(&a);
      sink += a.record + (unsigned)a.date;
    } else {
      touch(dyad_reader_errmsg(r), strlen(dyad_reader_errmsg(r)));
    }
  }
  dyad_reader_free(r);
  unsigned h = sink;
  sink = before + h;
  return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size < 1)
    return 0;
  int big = 0;
  unsigned whole = run(data, size, 0, &big);
  /* the same input trickled through the window must read the same */
  unsigned trickled = run(data, size, 1 + size % 13, &big);
  if (!big && whole != trickled)
    __builtin_trap();
  return 0;
}
