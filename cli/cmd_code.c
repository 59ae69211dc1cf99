/*
 * cmd_code.c: `dyad code`, the stateless filter from articles to events:
 * JSON Lines (default) or a GDELT-style TSV table on stdout.
 */
#include "cli.h"
#include "drive.h"

#include <string.h>

static const char help[] =
    "usage: dyad code [options] [FILE|DIR|-]...\n"
    "Codes each article into CAMEO events, one JSON object per line.\n"
    "  --format tsv   GDELT-style table with a header row\n"
    "  --negated      also emit negated events, marked \"negated\":true\n"
    "  --unknown      also emit events whose actor is not in a dictionary\n"
    "  --explain      also emit a {\"type\":\"skip\"} record for each date or\n"
    "                 quote dropped as bad input, with the reason (JSON\n"
    "                 Lines only)\n"
    "  --dict PATH    add a dictionary file (repeatable)\n"
    "  -j N           N threads; output order is the same as with -j 1\n";

static int emit_jsonl(const dyad_doc *doc, dyad_buf *out, void *ud)
{
  (void)ud;
  return dyad_doc_write_jsonl(doc, out) == DYAD_OK ? 0 : -1;
}

static int emit_tsv(const dyad_doc *doc, dyad_buf *out, void *ud)
{
  (void)ud;
  return dyad_doc_write_tsv(doc, out) == DYAD_OK ? 0 : -1;
}

int cmd_code(int argc, char **argv)
{
  struct cli_common c;
  memset(&c, 0, sizeof(c));
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      fputs(help, stdout);
      return 0;
    }
    if (strcmp(argv[i], "--negated") == 0) {
      c.cfg.flags |= DYAD_CFG_NEGATED;
      continue;
    }
    if (strcmp(argv[i], "--explain") == 0) {
      c.cfg.flags |= DYAD_CFG_EXPLAIN;
      continue;
    }
    if (strcmp(argv[i], "--unknown") == 0) {
      c.cfg.flags |= DYAD_CFG_UNKNOWN;
      continue;
    }
    int r = cli_common_opt(&c, argc, argv, &i);
    if (r < 0)
      return EXIT_USAGE;
    if (r == 0) {
      cli_err("code: unknown option '%s'", argv[i]);
      return EXIT_USAGE;
    }
  }
  int tsv = 0;
  if (c.out_format) {
    if (strcmp(c.out_format, "tsv") == 0) {
      tsv = 1;
    } else if (strcmp(c.out_format, "jsonl") != 0) {
      cli_err("code: unknown format '%s' (jsonl, tsv, or an input format)",
              c.out_format);
      return EXIT_USAGE;
    }
  }
  dyad_ctx *ctx = dyad_ctx_new(&c.cfg);
  if (!ctx) {
    cli_err("out of memory");
    return EXIT_FATAL;
  }
  if (dyad_ctx_load_defaults(ctx) != DYAD_OK) {
    cli_err("%s", dyad_ctx_errmsg(ctx));
    dyad_ctx_free(ctx);
    return EXIT_FATAL;
  }
  for (int k = 0; k < c.ndicts; k++) {
    if (dyad_ctx_load_dict(ctx, c.dicts[k], strlen(c.dicts[k]),
                           DYAD_DICT_AUTO) != DYAD_OK) {
      cli_err("%s", dyad_ctx_errmsg(ctx));
      dyad_ctx_free(ctx);
      return EXIT_FATAL;
    }
  }
  if (tsv)
    fputs(dyad_tsv_header(), stdout);
  int rc = cli_drive(&c, ctx, DYAD_STAGE_ALL, tsv ? emit_tsv : emit_jsonl,
                     NULL);
  dyad_ctx_free(ctx);
  return rc;
}
