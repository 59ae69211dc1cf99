/*
 * ctx.c: the context (dyad_ctx), which owns everything loaded once and
 * shared by all documents: the vocabulary, the tagger lexicon, the
 * dictionaries, the codebook and the gazetteer.
 *
 * Data files are found on a search path: cfg->data_dir, else $DYAD_DATA,
 * else the compile-time DYAD_DATADIR (the source tree's data/ and
 * build/data/ for an in-tree build, $(PREFIX)/share/dyad once installed).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "data"
#endif

dyad_ctx *dyad_ctx_new(const dyad_config *cfg)
{
  struct dyad_allocator a = {NULL, NULL};
  if (cfg) {
    a.fn = cfg->alloc;
    a.ud = cfg->alloc_ud;
  }
  dyad_ctx *ctx = dyad__calloc(&a, sizeof(*ctx));
  if (!ctx)
    return NULL;
  ctx->alloc = a;
  ctx->flags = cfg ? cfg->flags : 0;
  const char *dir = cfg && cfg->data_dir ? cfg->data_dir : getenv("DYAD_DATA");
  if (!dir || !*dir)
    dir = DYAD_DATADIR;
  ctx->data_dir = dyad__strndup(&ctx->alloc, dir, strlen(dir));
  if (!ctx->data_dir || dyad__vocab_init(&ctx->vocab, &ctx->alloc)) {
    dyad_ctx_free(ctx);
    return NULL;
  }
  return ctx;
}

void dyad_ctx_free(dyad_ctx *ctx)
{
  if (!ctx)
    return;
  struct dyad_allocator a = ctx->alloc;
  dyad__gazetteer_free(ctx);
  dyad__codebook_free(ctx);
  dyad__dict_free(ctx);
  dyad__lexicon_free(ctx);
  dyad__chunk_words_free(ctx);
  dyad__vocab_release(&ctx->vocab);
  if (ctx->data_dir)
    dyad__free(&a, ctx->data_dir, strlen(ctx->data_dir) + 1);
  dyad__free(&a, ctx, sizeof(*ctx));
}

dyad_status dyad__ctx_error(dyad_ctx *ctx, dyad_status st, const char *fmt,
                            ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(ctx->errmsg, sizeof(ctx->errmsg), fmt, ap);
  va_end(ap);
  return st;
}

const char *dyad_ctx_errmsg(const dyad_ctx *ctx)
{
  return ctx->errmsg;
}

const char *dyad_ctx_word(const dyad_ctx *ctx, uint32_t id, size_t *len)
{
  return dyad__vocab_str(&ctx->vocab, id, len);
}

dyad_status dyad__ctx_data_path(const dyad_ctx *ctx, const char *name,
                                char *out, size_t cap)
{
  const char *p = ctx->data_dir;
  while (*p) {
    const char *e = strchr(p, ':');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n > 0) {
      int w = snprintf(out, cap, "%.*s/%s", (int)n, p, name);
      if (w > 0 && (size_t)w < cap && access(out, R_OK) == 0)
        return DYAD_OK;
    }
    p += n;
    if (*p == ':')
      p++;
  }
  return DYAD_ENOTFOUND;
}

dyad_status dyad_ctx_load_lexicon(dyad_ctx *ctx)
{
  if (ctx->lex)
    return DYAD_OK;
  dyad_status st = dyad__lexicon_load(ctx);
  if (st == DYAD_OK)
    st = dyad__chunk_words_build(ctx);
  return st;
}

dyad_status dyad_ctx_load_defaults(dyad_ctx *ctx)
{
  dyad_status st = dyad_ctx_load_lexicon(ctx);
  if (st == DYAD_OK && !ctx->cameo)
    st = dyad__codebook_load(ctx);
  if (st == DYAD_OK) /* idempotent: the codebook may have created ctx->dict */
    st = dyad__dict_load_defaults(ctx);
  if (st == DYAD_OK && !ctx->gaz && !(ctx->flags & DYAD_CFG_NO_WHERE))
    st = dyad__gazetteer_load(ctx);
  if (st == DYAD_OK) /* dictionaries may have added listed words */
    st = dyad__chunk_words_build(ctx);
  return st;
}
