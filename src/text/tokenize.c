/* tokenize.c: placeholder until the tokenizer lands (issue 2). */
#include "../internal.h"
dyad_status dyad__tokenize(dyad_doc *doc) { DYAD_UNUSED(doc); return DYAD_OK; }
