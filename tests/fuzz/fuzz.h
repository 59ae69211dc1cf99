/*
 * fuzz.h: what the libFuzzer targets share: the entry point's prototype,
 * CHECK (a violated invariant traps, so libFuzzer reports the input) and
 * the article wrapped around the fuzz bytes.
 */
#ifndef DYAD_FUZZ_H
#define DYAD_FUZZ_H

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                            \
  do {                                                                      \
    if (!(c))                                                               \
      __builtin_trap();                                                     \
  } while (0)

/* The fuzz bytes as the text of an article "fuzz" dated date. */
static inline dyad_article fuzz_article(const uint8_t *data, size_t size,
                                        dyad_date date)
{
  dyad_article a;
  memset(&a, 0, sizeof(a));
  a.id = "fuzz";
  a.id_len = 4;
  a.text = (const char *)data;
  a.text_len = size;
  a.date = date;
  return a;
}

#endif
