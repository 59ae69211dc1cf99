/* cmd_query.c: `dyad query`; not yet built (see the open issues). */
#include "cli.h"

int cmd_query(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  cli_err("'query' is not available in this build yet");
  return EXIT_USAGE;
}
