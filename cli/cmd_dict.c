/* cmd_dict.c: `dyad dict`; not yet built (see the open issues). */
#include "cli.h"

int cmd_dict(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  cli_err("'dict' is not available in this build yet");
  return EXIT_USAGE;
}
