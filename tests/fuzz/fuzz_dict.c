/*
 * fuzz_dict.c: random bytes through the dictionary loaders. The first byte
 * picks the format (auto, native, petrarch verbs/actors/agents/discards)
 * and whether the ctx is strict; the rest is the file. After loading, the
 * lint, the stats and a lookup run over whatever was loaded, and a second
 * copy is loaded on top (the override paths).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "dict/dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size < 1)
    return 0;
  int format = data[0] % 6;
  dyad_config cfg;
  memset(&cfg, 0, sizeof(cfg));
  cfg.data_dir = "/nonexistent";
  cfg.flags = (data[0] & 0x80) ? DYAD_CFG_STRICT : 0;
  dyad_ctx *ctx = dyad_ctx_new(&cfg);
  if (!ctx)
    return 0;
  const char *buf = (const char *)data + 1;
  size_t len = size - 1;
  dyad__dict_load_mem(ctx, "fuzz/actors.txt", buf, len, format);
  dyad__dict_load_mem(ctx, "fuzz/verbs.txt", buf, len, format);
  dyad_buf out = {0};
  size_t ne, nw, nf;
  dyad_ctx_dict_check(ctx, &out, &ne, &nw);
  dyad_dict_stats st;
  dyad_ctx_dict_stats(ctx, &st);
  out.len = 0;
  dyad_ctx_dict_lookup(ctx, buf, len > 200 ? 200 : len, 20200101, &out, &nf);
  dyad_buf_release(&out);
  dyad_ctx_free(ctx);
  return 0;
}
