/* cmd_ingest.c: `dyad ingest`; not yet built (see the open issues). */
#include "cli.h"

int cmd_ingest(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  cli_err("'ingest' is not available in this build yet");
  return EXIT_USAGE;
}
