/* coder.c: placeholder until the event coder lands (issue 4). */
#include "../internal.h"
dyad_status dyad__code(dyad_doc *doc) { DYAD_UNUSED(doc); return DYAD_OK; }
void dyad__coder_state_free(dyad_doc *doc) { DYAD_UNUSED(doc); }
