/* drive.h: the shared read-analyse-emit loop (drive.c). */
#ifndef DYAD_CLI_DRIVE_H
#define DYAD_CLI_DRIVE_H

#include "cli.h"

/* Appends a doc's output to out; returns 0, or -1 when out of memory. */
typedef int (*cli_emit_fn)(const dyad_doc *doc, dyad_buf *out, void *ud);

int cli_drive(struct cli_common *c, dyad_ctx *ctx, uint32_t stages,
              cli_emit_fn emit, void *ud);

/* Copies src's strings into *buf (grown as needed; *cap bytes) and makes
 * *dst point at them, each NUL-terminated, so that the reader may move on
 * while another thread analyses the article. Returns 0, or -1 when out of
 * memory (dst untouched). */
int cli_article_copy(dyad_article *dst, char **buf, size_t *cap,
                     const dyad_article *src);

#endif
