/* dict.c: placeholder until the dictionaries land (issue 3). */
#include "../internal.h"
dyad_status dyad__dict_load_defaults(dyad_ctx *ctx) { DYAD_UNUSED(ctx); return DYAD_OK; }
void dyad__dict_free(dyad_ctx *ctx) { DYAD_UNUSED(ctx); }
