/* parse.c: placeholder until the parse writer lands (issue 2). */
#include "../internal.h"
dyad_status dyad_doc_write_parse(const dyad_doc *doc, int json, dyad_buf *out) { DYAD_UNUSED(doc); DYAD_UNUSED(json); DYAD_UNUSED(out); return DYAD_OK; }
