/* quote.c: placeholder until quotations land (issue 5). */
#include "../internal.h"
dyad_status dyad__quotes(dyad_doc *doc) { DYAD_UNUSED(doc); return DYAD_OK; }
