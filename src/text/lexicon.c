/* lexicon.c: placeholder until the lexicon lands (issue 2). */
#include "../internal.h"
dyad_status dyad__lexicon_load(dyad_ctx *ctx) { DYAD_UNUSED(ctx); return DYAD_OK; }
void dyad__lexicon_free(dyad_ctx *ctx) { DYAD_UNUSED(ctx); }
