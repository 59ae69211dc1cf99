/* timex.c: placeholder until temporal expressions land (issue 5). */
#include "../internal.h"
dyad_status dyad__timexes(dyad_doc *doc) { DYAD_UNUSED(doc); return DYAD_OK; }
