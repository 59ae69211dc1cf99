/*
 * main.c: `dyad`, the command-line front end. Dispatches to subcommands.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad <command> [options] [FILE|DIR|-]...\n"
    "\n"
    "commands:\n"
    "  code      code articles into CAMEO events (JSON Lines or TSV)\n"
    "  parse     show tokens, sentences, tags, phrases and clauses\n"
    "  validate  run a PETRARCH validation file and score the coder\n"
    "  dict      lookup | stats | check the dictionaries\n"
    "  ingest    code articles and store them in a database\n"
    "  query     query a database of events\n"
    "  serve     HTTP API and dashboard over a database\n"
    "  version   print the version\n"
    "\n"
    "input: files, folders (read recursively) or - for standard input;\n"
    "  formats (auto-detected, or --format text|jsonl|xml):\n"
    "  text   'date YYYY-MM-DD' header, then paragraphs\n"
    "  jsonl  one {\"id\",\"date\",\"title\",\"text\",\"source\",\"url\"} per line\n"
    "  xml    PETRARCH <Sentence date=... id=...><Text>...</Text>\n"
    "\n"
    "common options:\n"
    "  --format F     input format (auto, text, jsonl, xml)\n"
    "  --date D       default article date YYYY-MM-DD\n"
    "  --data DIR     data directory (default: built-in; env DYAD_DATA)\n"
    "  --dict PATH    add a dictionary file (repeatable; later wins)\n"
    "  -j N           threads\n"
    "\n"
    "exit status:\n"
    "  0  all records processed\n"
    "  1  some records were rejected (reported on stderr), the rest done\n"
    "  2  usage error\n"
    "  3  fatal error (data not loadable, output not writable)\n"
    "\n"
    "`dyad <command> --help` shows a command's own options.\n";

void cli_err(const char *fmt, ...)
{
  va_list ap;
  fputs("dyad: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

int cli_write(const char *p, size_t len)
{
  if (len && fwrite(p, 1, len, stdout) != len)
    return -1;
  return 0;
}

int cli_common_opt(struct cli_common *c, int argc, char **argv, int *i)
{
  const char *a = argv[*i];
  const char *val = NULL;
#define NEEDVAL()                                                           \
  do {                                                                      \
    if (*i + 1 >= argc) {                                                   \
      cli_err("option '%s' needs a value", a);                              \
      return -1;                                                            \
    }                                                                       \
    val = argv[++*i];                                                       \
  } while (0)
  if (strcmp(a, "--format") == 0) {
    NEEDVAL();
    int f = dyad_format_parse(val, strlen(val));
    if (f < 0) {
      c->out_format = val; /* an output format, for commands that have one */
      return 1;
    }
    c->read.format = (dyad_format)f;
    return 1;
  }
  if (strcmp(a, "--date") == 0) {
    NEEDVAL();
    if (dyad_date_parse(val, strlen(val), &c->read.default_date) != DYAD_OK) {
      cli_err("bad date '%s': expected YYYY-MM-DD", val);
      return -1;
    }
    return 1;
  }
  if (strcmp(a, "--data") == 0) {
    NEEDVAL();
    c->cfg.data_dir = val;
    return 1;
  }
  if (strcmp(a, "--dict") == 0) {
    NEEDVAL();
    if (c->ndicts >= (int)(sizeof(c->dicts) / sizeof(c->dicts[0]))) {
      cli_err("too many --dict options");
      return -1;
    }
    c->dicts[c->ndicts++] = val;
    return 1;
  }
  if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) {
    NEEDVAL();
    char *end;
    long n = strtol(val, &end, 10);
    if (*end || n < 1 || n > 256) {
      cli_err("bad thread count '%s'", val);
      return -1;
    }
    c->jobs = (int)n;
    return 1;
  }
  if (strcmp(a, "--json") == 0) {
    c->json = 1;
    return 1;
  }
  if (a[0] != '-' || strcmp(a, "-") == 0) {
    if (c->ninputs >= (int)(sizeof(c->inputs) / sizeof(c->inputs[0]))) {
      cli_err("too many inputs (pass a folder instead)");
      return -1;
    }
    c->inputs[c->ninputs++] = a;
    return 1;
  }
#undef NEEDVAL
  return 0;
}

static const struct {
  const char *name;
  int (*run)(int, char **);
} commands[] = {
    {"code", cmd_code},       {"parse", cmd_parse},
    {"validate", cmd_validate}, {"dict", cmd_dict},
    {"ingest", cmd_ingest},   {"query", cmd_query},
    {"serve", cmd_serve},
};

int main(int argc, char **argv)
{
  if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
      strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
    fputs(usage, argc < 2 ? stderr : stdout);
    return argc < 2 ? EXIT_USAGE : 0;
  }
  if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
    printf("dyad %s\n", dyad_version());
    return 0;
  }
  for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
    if (strcmp(argv[1], commands[i].name) == 0)
      return commands[i].run(argc - 1, argv + 1);
  cli_err("unknown command '%s' (see dyad --help)", argv[1]);
  return EXIT_USAGE;
}
