/*
 * cmd_validate.c: `dyad validate FILE.xml`, runs a PETRARCH validation
 * file and prints how many records the coder gets exactly right.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dyad validate [--dicts DIR] [--misses] [--min N] FILE.xml\n"
    "Codes each record's raw <Text> with the dictionaries named in the\n"
    "file's <Environment> (read from its folder, or DIR) and prints\n"
    "per-category and total counts of records coded exactly, event\n"
    "precision and recall. --misses lists each missed record with what\n"
    "was produced. --min N exits 1 when fewer than N records are exact.\n";

int cmd_validate(int argc, char **argv)
{
  dyad_validate_opts o;
  memset(&o, 0, sizeof(o));
  const char *file = NULL;
  long min = -1;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      fputs(help, stdout);
      return 0;
    } else if (strcmp(argv[i], "--dicts") == 0 && i + 1 < argc) {
      o.dicts_dir = argv[++i];
    } else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc) {
      o.data_dir = argv[++i];
    } else if (strcmp(argv[i], "--misses") == 0) {
      o.list_misses = 1;
    } else if (strcmp(argv[i], "--min") == 0 && i + 1 < argc) {
      char *end;
      min = strtol(argv[++i], &end, 10);
      if (*end || min < 0) {
        cli_err("validate: bad --min '%s'", argv[i]);
        return EXIT_USAGE;
      }
    } else if (argv[i][0] != '-' && !file) {
      file = argv[i];
    } else {
      cli_err("validate: unknown option '%s'", argv[i]);
      return EXIT_USAGE;
    }
  }
  if (!file) {
    fputs(help, stderr);
    return EXIT_USAGE;
  }
  dyad_buf report = {0};
  dyad_validate_result res;
  memset(&res, 0, sizeof(res));
  dyad_status st = dyad_validate_file(file, strlen(file), &o, &report, &res);
  if (report.len)
    fwrite(report.ptr, 1, report.len, stdout);
  dyad_buf_release(&report);
  if (st != DYAD_OK) {
    cli_err("validate: %s: %s", file, dyad_strerror(st));
    return EXIT_FATAL;
  }
  if (min >= 0 && res.exact < (unsigned)min) {
    cli_err("validate: %u exact records, below the required %ld", res.exact,
            min);
    return EXIT_RECORDS;
  }
  return 0;
}
