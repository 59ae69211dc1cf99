/* sentence.c: placeholder until the sentence splitter lands (issue 2). */
#include "../internal.h"
dyad_status dyad__sentences(dyad_doc *doc) { DYAD_UNUSED(doc); return DYAD_OK; }
