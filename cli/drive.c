/*
 * drive.c: the loop every text command shares: open each input, read its
 * records, analyse each one, hand the analysed doc to an emitter, report
 * bad records on stderr and go on. Returns the exit code.
 */
#include "cli.h"
#include "drive.h"

#include <string.h>

int cli_drive(struct cli_common *c, dyad_ctx *ctx, uint32_t stages,
              cli_emit_fn emit, void *ud)
{
  int rc = 0;
  dyad_doc *doc = dyad_doc_new(ctx);
  dyad_buf out = {0};
  if (!doc) {
    cli_err("out of memory");
    return EXIT_FATAL;
  }
  static const char *const stdin_only[] = {"-"};
  const char *const *inputs = c->ninputs ? c->inputs : stdin_only;
  int ninputs = c->ninputs ? c->ninputs : 1;
  for (int i = 0; i < ninputs && rc != EXIT_FATAL; i++) {
    dyad_reader *r = dyad_reader_open(inputs[i], strlen(inputs[i]), &c->read);
    if (!r) {
      cli_err("out of memory");
      rc = EXIT_FATAL;
      break;
    }
    for (;;) {
      dyad_article art;
      dyad_status st = dyad_reader_next(r, &art);
      if (st == DYAD_EOF)
        break;
      if (st != DYAD_OK) {
        cli_err("%s", dyad_reader_errmsg(r));
        rc = EXIT_RECORDS;
        if (st == DYAD_ENOMEM || st == DYAD_EIO)
          break;
        continue;
      }
      st = dyad_doc_analyze(doc, &art, stages);
      if (st != DYAD_OK) {
        cli_err("%s: record %u (%.*s): %s", inputs[i], art.record,
                (int)art.id_len, art.id, dyad_strerror(st));
        rc = EXIT_RECORDS;
        continue;
      }
      out.len = 0;
      if (emit(doc, &out, ud) != 0 || cli_write(out.ptr, out.len) != 0) {
        cli_err("cannot write output");
        rc = EXIT_FATAL;
        break;
      }
    }
    dyad_reader_free(r);
  }
  if (fflush(stdout) != 0) {
    cli_err("cannot write output");
    rc = EXIT_FATAL;
  }
  dyad_buf_release(&out);
  dyad_doc_free(doc);
  return rc;
}
