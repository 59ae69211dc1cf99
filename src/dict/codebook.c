/* codebook.c: placeholder until the CAMEO codebook lands (issue 3). */
#include "../internal.h"
dyad_status dyad__codebook_load(dyad_ctx *ctx) { DYAD_UNUSED(ctx); return DYAD_OK; }
void dyad__codebook_free(dyad_ctx *ctx) { DYAD_UNUSED(ctx); }
dyad_status dyad_ctx_cameo(const dyad_ctx *ctx, const char *code, size_t len,
                           dyad_cameo *out)
{ DYAD_UNUSED(ctx); DYAD_UNUSED(code); DYAD_UNUSED(len); DYAD_UNUSED(out); return DYAD_ENOTFOUND; }
