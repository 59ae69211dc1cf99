/* cmd_validate.c: `dyad validate`; not yet built (see the open issues). */
#include "cli.h"

int cmd_validate(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  cli_err("'validate' is not available in this build yet");
  return EXIT_USAGE;
}
