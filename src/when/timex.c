/* timex.c: placeholder until temporal expressions land (issue 5). */
#include "../internal.h"
dyad_status dyad__timexes(dyad_doc *doc) { DYAD_UNUSED(doc); return DYAD_OK; }
int dyad__write_timexes(const dyad_doc *doc, int json, dyad_buf *out) { DYAD_UNUSED(doc); DYAD_UNUSED(json); DYAD_UNUSED(out); return 0; }
