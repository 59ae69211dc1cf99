/*
 * cmd_parse.c: `dyad parse`, shows the text pipeline's analysis: tokens
 * with tags and lemmas, sentences, phrases and clauses (--json for
 * machines).
 */
#include "cli.h"
#include "drive.h"

#include <string.h>

static const char help[] =
    "usage: dyad parse [--json] [--explain] [--format F] [--date D]\n"
    "                  [FILE|DIR|-]...\n"
    "Shows tokens (with byte offsets, tags, lemmas), sentences, phrases and\n"
    "clauses for each article. --json writes one JSON object per article.\n"
    "--explain adds the dates dropped as bad input, with the reason\n"
    "(\"skip\" lines; \"skips\" in JSON).\n";

static int emit(const dyad_doc *doc, dyad_buf *out, void *ud)
{
  int json = *(int *)ud;
  return dyad_doc_write_parse(doc, json, out) == DYAD_OK ? 0 : -1;
}

int cmd_parse(int argc, char **argv)
{
  struct cli_common c;
  memset(&c, 0, sizeof(c));
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      fputs(help, stdout);
      return 0;
    }
    if (strcmp(argv[i], "--explain") == 0) {
      c.cfg.flags |= DYAD_CFG_EXPLAIN;
      continue;
    }
    int r = cli_common_opt(&c, argc, argv, &i);
    if (r < 0)
      return EXIT_USAGE;
    if (r == 0) {
      cli_err("parse: unknown option '%s'", argv[i]);
      return EXIT_USAGE;
    }
  }
  dyad_ctx *ctx = dyad_ctx_new(&c.cfg);
  if (!ctx) {
    cli_err("out of memory");
    return EXIT_FATAL;
  }
  if (dyad_ctx_load_lexicon(ctx) != DYAD_OK) {
    cli_err("%s", dyad_ctx_errmsg(ctx));
    dyad_ctx_free(ctx);
    return EXIT_FATAL;
  }
  if (!(c.cfg.flags & DYAD_CFG_NO_WHERE) &&
      dyad_ctx_load_gazetteer(ctx) != DYAD_OK)
    cli_err("note: %s", dyad_ctx_errmsg(ctx));
  int rc = cli_drive(&c, ctx,
                     DYAD_STAGE_PARSE | DYAD_STAGE_WHEN | DYAD_STAGE_WHERE,
                     emit, &c.json);
  dyad_ctx_free(ctx);
  return rc;
}
