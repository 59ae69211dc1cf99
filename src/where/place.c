/* place.c: placeholder until places land (issue 5). */
#include "../internal.h"
dyad_status dyad__places(dyad_doc *doc) { DYAD_UNUSED(doc); return DYAD_OK; }
dyad_status dyad__gazetteer_load(dyad_ctx *ctx) { DYAD_UNUSED(ctx); return DYAD_OK; }
void dyad__gazetteer_free(dyad_ctx *ctx) { DYAD_UNUSED(ctx); }
int dyad__write_places(const dyad_doc *doc, int json, dyad_buf *out) { DYAD_UNUSED(doc); DYAD_UNUSED(json); DYAD_UNUSED(out); return 0; }
