/*
 * cmd_dict.c: `dyad dict lookup|stats|check`, a view of the dictionaries
 * the coder would use: the default data plus every --dict file, in order.
 * Uses only the public API.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dyad dict <lookup PHRASE...|stats|check> [options]\n"
    "  lookup PHRASE  show every entry the phrase matches (actors, agents,\n"
    "                 nouns, cues, discards, verb patterns), with codes,\n"
    "                 date ranges, the code chosen for --date, and file:line\n"
    "  stats          count entries by kind, actors by type, verb patterns\n"
    "                 by CAMEO root, and skipped lines\n"
    "  check          lint: duplicates, conflicting codes, codes not in the\n"
    "                 codebook, overlapping date ranges; exit 1 on errors\n"
    "options:\n"
    "  --dict [FORMAT:]PATH  add a dictionary file (repeatable; later wins);\n"
    "                 FORMAT: native, petrarch-verbs, petrarch-actors,\n"
    "                 petrarch-agents, petrarch-discards (default: sniffed)\n"
    "  --date D       article date for lookup (YYYY-MM-DD)\n"
    "  --data DIR     data directory\n"
    "  --no-defaults  load only the --dict files (no codebook either)\n"
    "  --strict       any malformed line is fatal\n";

/* Loads one --dict argument, "FORMAT:PATH" or "PATH" (the library reads
 * the prefix). */
static int load_one(dyad_ctx *ctx, const char *arg)
{
  if (dyad_ctx_load_dict(ctx, arg, strlen(arg), DYAD_DICT_AUTO) != DYAD_OK) {
    cli_err("%s", dyad_ctx_errmsg(ctx));
    return -1;
  }
  return 0;
}

static void print_stats(const dyad_dict_stats *s)
{
  printf("files            %zu\n", s->files);
  printf("entry lines      %zu\n", s->lines);
  printf("skipped lines    %zu\n", s->skipped);
  printf("actors           %zu", s->actors);
  const char *sep = " (";
  for (int t = 0; t < 9; t++) {
    if (!s->actor_types[t])
      continue;
    printf("%s%s %zu", sep, t ? dyad_dict_actor_type(t) : "untyped",
           s->actor_types[t]);
    sep = ", ";
  }
  printf("%s\n", sep[0] == ',' ? ")" : "");
  printf("actor codes      %zu (dated %zu)\n", s->actor_codes, s->actor_dated);
  printf("agents           %zu\n", s->agents);
  printf("verb lemmas      %zu\n", s->verb_lemmas);
  printf("verb patterns    %zu\n", s->verb_patterns);
  printf("patterns by root");
  for (int r = 1; r <= 20; r++)
    printf(" %02d:%zu", r, s->pattern_roots[r]);
  printf(" none:%zu\n", s->pattern_roots[0]);
  printf("nouns            %zu\n", s->nouns);
  printf("cues             %zu\n", s->cues);
  printf("discards         %zu\n", s->discards);
  if (s->synsets || s->verb_blocks || s->transforms) {
    printf("synsets          %zu\n", s->synsets);
    printf("verb blocks      %zu\n", s->verb_blocks);
    printf("verb lines       %zu\n", s->verb_lines);
    printf("pattern lines    %zu\n", s->pattern_lines);
    printf("transformations  %zu (not applied)\n", s->transforms);
  }
  printf("codebook codes   %zu\n", s->codebook);
  printf("problems         %zu (%zu errors)\n", s->problems, s->errors);
}

int cmd_dict(int argc, char **argv)
{
  struct cli_common c;
  memset(&c, 0, sizeof(c));
  const char *sub = NULL;
  const char *words[64];
  int nwords = 0, defaults = 1;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(help, stdout);
      return 0;
    }
    if (strcmp(a, "--strict") == 0) {
      c.cfg.flags |= DYAD_CFG_STRICT;
      continue;
    }
    if (strcmp(a, "--no-defaults") == 0) {
      defaults = 0;
      continue;
    }
    if (a[0] != '-' && !sub) {
      sub = a;
      continue;
    }
    if (a[0] != '-') {
      if (nwords >= 64) {
        cli_err("dict: phrase too long");
        return EXIT_USAGE;
      }
      words[nwords++] = a;
      continue;
    }
    int r = cli_common_opt(&c, argc, argv, &i);
    if (r < 0)
      return EXIT_USAGE;
    if (r == 0) {
      cli_err("dict: unknown option '%s'", a);
      return EXIT_USAGE;
    }
  }
  if (!sub || (strcmp(sub, "lookup") && strcmp(sub, "stats") &&
               strcmp(sub, "check"))) {
    fputs(help, stderr);
    return EXIT_USAGE;
  }
  if (strcmp(sub, "lookup") == 0 && nwords == 0) {
    cli_err("dict lookup: give a phrase");
    return EXIT_USAGE;
  }
  if (strcmp(sub, "lookup") && nwords) {
    cli_err("dict %s: unexpected argument '%s'", sub, words[0]);
    return EXIT_USAGE;
  }
  dyad_ctx *ctx = dyad_ctx_new(&c.cfg);
  if (!ctx) {
    cli_err("out of memory");
    return EXIT_FATAL;
  }
  int rc = 0;
  if (defaults && dyad_ctx_load_dictionaries(ctx) != DYAD_OK) {
    cli_err("%s", dyad_ctx_errmsg(ctx));
    rc = EXIT_FATAL;
  }
  for (int k = 0; rc == 0 && k < c.ndicts; k++)
    if (load_one(ctx, c.dicts[k]))
      rc = EXIT_FATAL;
  dyad_buf out = {0};
  if (rc == 0 && strcmp(sub, "lookup") == 0) {
    char phrase[4096];
    size_t n = 0;
    for (int k = 0; k < nwords; k++) {
      int w = snprintf(phrase + n, sizeof(phrase) - n, "%s%s", k ? " " : "",
                       words[k]);
      if (w < 0 || (size_t)w >= sizeof(phrase) - n)
        break;
      n += (size_t)w;
    }
    size_t found = 0;
    if (dyad_ctx_dict_lookup(ctx, phrase, n, c.read.default_date, &out,
                             &found) != DYAD_OK) {
      cli_err("out of memory");
      rc = EXIT_FATAL;
    } else if (!found) {
      cli_err("no dictionary entry matches '%s'", phrase);
      rc = 1;
    } else if (cli_write(out.ptr, out.len)) {
      rc = EXIT_FATAL;
    }
  } else if (rc == 0 && strcmp(sub, "stats") == 0) {
    dyad_dict_stats s;
    dyad_ctx_dict_stats(ctx, &s);
    print_stats(&s);
    if (s.problems)
      cli_err("%zu problems while loading; see 'dyad dict check'",
              s.problems);
  } else if (rc == 0) {
    size_t ne = 0, nw = 0;
    if (dyad_ctx_dict_check(ctx, &out, &ne, &nw) != DYAD_OK) {
      cli_err("out of memory");
      rc = EXIT_FATAL;
    } else {
      if (cli_write(out.ptr, out.len))
        rc = EXIT_FATAL;
      cli_err("dict check: %zu errors, %zu warnings", ne, nw);
      if (ne && rc == 0)
        rc = 1;
    }
  }
  if (fflush(stdout) != 0)
    rc = EXIT_FATAL;
  dyad_buf_release(&out);
  dyad_ctx_free(ctx);
  return rc;
}
