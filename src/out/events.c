/* events.c: placeholder until the event writers land (issue 4). */
#include "../internal.h"
dyad_status dyad_doc_write_jsonl(const dyad_doc *doc, dyad_buf *out) { DYAD_UNUSED(doc); DYAD_UNUSED(out); return DYAD_OK; }
dyad_status dyad_doc_write_tsv(const dyad_doc *doc, dyad_buf *out) { DYAD_UNUSED(doc); DYAD_UNUSED(out); return DYAD_OK; }
const char *dyad_tsv_header(void) { return "\n"; }
