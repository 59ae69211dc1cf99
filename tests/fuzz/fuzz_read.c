/*
 * fuzz_read.c: random bytes through the readers. The first byte picks the
 * format (auto, text, jsonl, xml, or the PETRARCH item API), whether a
 * default date is given, and a small or the default record limit (small
 * limits exercise the skip paths); the rest is the input. Every record of
 * every kind is read to the end and its strings are touched, so ASan sees
 * any out-of-bounds view.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dyad.h"
#include "read/petrxml.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size < 1)
    return 0;
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
  dyad_status st;
  for (int guard = 0; guard < 100000; guard++) {
    if (petr) {
      struct dyad_petr_item it;
      st = dyad__petr_next(r, &it);
      if (st == DYAD_OK) {
        touch_art(&it.art);
        if (it.name)
          touch(it.name, it.name_len);
        if (it.value)
          touch(it.value, it.value_len);
        if (it.parse)
          touch(it.parse, it.parse_len);
        for (size_t i = 0; i < it.ncodings; i++) {
          touch(it.codings[i].source, it.codings[i].source_len);
          touch(it.codings[i].code, it.codings[i].code_len);
        }
      }
    } else {
      dyad_article a;
      st = dyad_reader_next(r, &a);
      if (st == DYAD_OK)
        touch_art(&a);
    }
    if (st == DYAD_EOF)
      break;
    if (st != DYAD_OK)
      touch(dyad_reader_errmsg(r), strlen(dyad_reader_errmsg(r)));
  }
  dyad_reader_free(r);
  return 0;
}
