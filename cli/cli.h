/*
 * cli.h: the dyad command's shared pieces. Each subcommand lives in its own
 * cmd_<name>.c and uses only the public API (<dyad.h>).
 *
 * Exit codes (documented in `dyad --help`):
 *   0  every record was processed
 *   1  some records were rejected (each reported on stderr); the rest done
 *   2  usage error
 *   3  fatal: data could not be loaded, output could not be written
 */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <dyad.h>
#include <stdio.h>

enum { EXIT_RECORDS = 1, EXIT_USAGE = 2, EXIT_FATAL = 3 };

int cmd_code(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* Prints "dyad: " + message + newline on stderr. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Options every text-reading command shares. */
struct cli_common {
  dyad_read_opts read;     /* --format, --date */
  dyad_config cfg;         /* --data, flags */
  const char *dicts[32];   /* --dict PATH, in order */
  int ndicts;
  const char *inputs[256]; /* positional FILE arguments; none: stdin */
  int ninputs;
  int jobs;                /* -j N */
  int json;                /* --json */
  const char *out_format;  /* --format for output (code: jsonl|tsv) */
};

/* Parses the option at argv[*i] if it is a common one, advancing *i past
 * its value. Returns 1 if consumed, 0 if not a common option, -1 on a bad
 * value (already reported). */
int cli_common_opt(struct cli_common *c, int argc, char **argv, int *i);

/* Writes the whole buffer to stdout; returns -1 on a write error. */
int cli_write(const char *p, size_t len);

#endif
