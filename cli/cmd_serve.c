/* cmd_serve.c: `dyad serve`, the JSON API and dashboard over an event
 * store. Parses the options; the server itself is in server/. */
#include "cli.h"
#include "../server/server.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dyad serve --db DB [--listen HOST:PORT] [--web DIR]\n"
    "Serves a JSON API (documented at /api) and the dashboard over an\n"
    "event store, opened read-only.\n"
    "  --db DB           SQLite file or postgresql:// URL (default: $DYAD_DB)\n"
    "  --listen H:P      address (default 127.0.0.1:8080; loopback unless\n"
    "                    told otherwise; port 0 picks a free one)\n"
    "  --web DIR         dashboard files (default: $DYAD_WEB, else web/dist\n"
    "                    beside the binary)\n"
    "  --max-conns N     connections at once (default 256)\n"
    "  --time-limit S    seconds per request (default 10)\n"
    "  --queries N       requests answered at once (default 2 per core,\n"
    "                    8..64); more wait, in arrival order, for a free\n"
    "                    store handle\n"
    "  --cache-mb N      response cache in MiB (default 64; 0: off); answers\n"
    "                    are kept until the store file changes\n"
    "  --quiet           no access log on stderr\n"
    "Stops on SIGINT or SIGTERM.\n";

static int uint_opt(const char *name, const char *v, unsigned max,
                    unsigned *out)
{
  char *end;
  long n = strtol(v, &end, 10);
  if (*end || n < 1 || n > (long)max) {
    cli_err("serve: bad %s '%s': 1..%u", name, v, max);
    return -1;
  }
  *out = (unsigned)n;
  return 0;
}

int cmd_serve(int argc, char **argv)
{
  serve_opts o;
  memset(&o, 0, sizeof(o));
  o.db = getenv("DYAD_DB");
  o.cache_mb = 64;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(help, stdout);
      return 0;
    }
    if (strcmp(a, "--quiet") == 0) {
      o.quiet = 1;
      continue;
    }
    if (strcmp(a, "--db") && strcmp(a, "--listen") && strcmp(a, "--web") &&
        strcmp(a, "--max-conns") && strcmp(a, "--time-limit") &&
        strcmp(a, "--cache-mb") && strcmp(a, "--queries")) {
      cli_err("serve: unknown option '%s' (see dyad serve --help)", a);
      return EXIT_USAGE;
    }
    if (i + 1 >= argc) {
      cli_err("option '%s' needs a value", a);
      return EXIT_USAGE;
    }
    const char *v = argv[++i];
    if (strcmp(a, "--db") == 0)
      o.db = v;
    else if (strcmp(a, "--listen") == 0)
      o.listen = v;
    else if (strcmp(a, "--web") == 0)
      o.web = v;
    else if (strcmp(a, "--max-conns") == 0) {
      if (uint_opt(a, v, 10000, &o.max_conns))
        return EXIT_USAGE;
    } else if (strcmp(a, "--queries") == 0) {
      if (uint_opt(a, v, 64, &o.queries))
        return EXIT_USAGE;
    } else if (strcmp(a, "--cache-mb") == 0) {
      if (strcmp(v, "0") != 0 && uint_opt(a, v, 65536, &o.cache_mb))
        return EXIT_USAGE;
      if (strcmp(v, "0") == 0)
        o.cache_mb = 0;
    } else if (uint_opt(a, v, 3600, &o.time_limit)) {
      return EXIT_USAGE;
    }
  }
  if (!o.db || !*o.db) {
    cli_err("serve: --db is required (or set DYAD_DB)");
    return EXIT_USAGE;
  }
  return serve_run(&o);
}
