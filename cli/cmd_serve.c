/* cmd_serve.c: `dyad serve`; not yet built (see the open issues). */
#include "cli.h"

int cmd_serve(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  cli_err("'serve' is not available in this build yet");
  return EXIT_USAGE;
}
