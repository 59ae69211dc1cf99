/* phrase.c: placeholder until the phrase and clause parser lands (issue 2). */
#include "../internal.h"
dyad_status dyad__phrases(dyad_doc *doc) { DYAD_UNUSED(doc); return DYAD_OK; }
