/* tagger.c: placeholder until the tagger lands (issue 2). */
#include "../internal.h"
dyad_status dyad__tag(dyad_doc *doc) { DYAD_UNUSED(doc); return DYAD_OK; }
