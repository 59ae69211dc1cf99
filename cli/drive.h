/* drive.h: the shared read-analyse-emit loop (drive.c). */
#ifndef DYAD_CLI_DRIVE_H
#define DYAD_CLI_DRIVE_H

#include "cli.h"

/* Appends a doc's output to out; returns 0, or -1 when out of memory. */
typedef int (*cli_emit_fn)(const dyad_doc *doc, dyad_buf *out, void *ud);

int cli_drive(struct cli_common *c, dyad_ctx *ctx, uint32_t stages,
              cli_emit_fn emit, void *ud);

#endif
