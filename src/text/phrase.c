/* phrase.c: placeholder until the phrase and clause parser lands (issue 2). */
#include "../internal.h"
dyad_status dyad__phrases(dyad_doc *doc) { DYAD_UNUSED(doc); return DYAD_OK; }
int dyad__write_phrases(const dyad_doc *doc, size_t sent, int json, dyad_buf *out) { DYAD_UNUSED(doc); DYAD_UNUSED(sent); DYAD_UNUSED(json); DYAD_UNUSED(out); return 0; }
