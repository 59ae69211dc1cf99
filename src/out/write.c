/* write.c: placeholder until the output writers land (issue 4). */
#include "../internal.h"
dyad_status dyad_doc_write_jsonl(const dyad_doc *doc, dyad_buf *out) { DYAD_UNUSED(doc); DYAD_UNUSED(out); return DYAD_OK; }
dyad_status dyad_doc_write_tsv(const dyad_doc *doc, dyad_buf *out) { DYAD_UNUSED(doc); DYAD_UNUSED(out); return DYAD_OK; }
const char *dyad_tsv_header(void) { return "\n"; }
dyad_status dyad_doc_write_parse(const dyad_doc *doc, int json, dyad_buf *out) { DYAD_UNUSED(doc); DYAD_UNUSED(json); DYAD_UNUSED(out); return DYAD_OK; }
