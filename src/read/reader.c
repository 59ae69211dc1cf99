/* reader.c: placeholder until the readers land (issue 2). */
#include "../internal.h"
struct dyad_reader { int unused; };
dyad_reader *dyad_reader_open(const char *path, size_t path_len, const dyad_read_opts *opts)
{ DYAD_UNUSED(path); DYAD_UNUSED(path_len); DYAD_UNUSED(opts); return NULL; }
dyad_reader *dyad_reader_open_mem(const char *buf, size_t len, const char *name, size_t name_len, const dyad_read_opts *opts)
{ DYAD_UNUSED(buf); DYAD_UNUSED(len); DYAD_UNUSED(name); DYAD_UNUSED(name_len); DYAD_UNUSED(opts); return NULL; }
dyad_status dyad_reader_next(dyad_reader *r, dyad_article *out) { DYAD_UNUSED(r); DYAD_UNUSED(out); return DYAD_EOF; }
const char *dyad_reader_errmsg(const dyad_reader *r) { DYAD_UNUSED(r); return ""; }
void dyad_reader_counts(const dyad_reader *r, uint64_t *ok, uint64_t *bad) { DYAD_UNUSED(r); *ok = *bad = 0; }
void dyad_reader_free(dyad_reader *r) { DYAD_UNUSED(r); }
