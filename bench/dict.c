/*
 * bench/dict.c: dictionary load time. Times dyad_ctx_load_defaults (the
 * full default set: lexicon, codebook, dictionaries, gazetteer) and
 * dyad_ctx_load_dictionaries alone, best of 5; then, when ../shared is
 * present, the PETRARCH2 default dictionary set (CAMEO.2.0 verbs, the three
 * Phoenix actor files, agents, discards) through dyad_ctx_load_dict, for
 * comparison with PETRARCH2's ~1 s. Prints figures; asserts nothing.
 */
#include <dyad.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const petr[] = {
    "peers/petrarch2/CAMEO.2.0.txt",
    "peers/petrarch2/Phoenix.Countries.actors.txt",
    "peers/petrarch2/Phoenix.International.actors.txt",
    "peers/petrarch2/Phoenix.MilNonState.actors.txt",
    "peers/petrarch2/Phoenix.agents.txt",
    "peers/petrarch2/Phoenix.discards.txt",
};

/* Runs one load 5 times; prints the best time and the stats of the last. */
static int bench(const char *name, int what)
{
  double best = 1e9;
  dyad_dict_stats s;
  memset(&s, 0, sizeof(s));
  const char *root = getenv("DYAD_SHARED");
  if (!root || !*root)
    root = "../shared";
  for (int rep = 0; rep < 5; rep++) {
    dyad_ctx *ctx = dyad_ctx_new(NULL);
    if (!ctx)
      return 1;
    double t0 = now();
    dyad_status st = DYAD_OK;
    if (what == 0) {
      st = dyad_ctx_load_defaults(ctx);
    } else if (what == 1) {
      st = dyad_ctx_load_dictionaries(ctx);
    } else {
      for (size_t k = 0; k < sizeof(petr) / sizeof(petr[0]) && !st; k++) {
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", root, petr[k]);
        st = dyad_ctx_load_dict(ctx, path, strlen(path), DYAD_DICT_AUTO);
      }
    }
    double t = now() - t0;
    if (st != DYAD_OK) {
      printf("%s: %s\n", name, dyad_ctx_errmsg(ctx));
      dyad_ctx_free(ctx);
      return what == 2 ? 0 : 1;
    }
    if (t < best)
      best = t;
    dyad_ctx_dict_stats(ctx, &s);
    dyad_ctx_free(ctx);
  }
  printf("%-28s %8.2f ms  (%zu actors, %zu agents, %zu verb patterns, "
         "%zu nouns, %zu lines, %zu files)\n",
         name, best * 1000, s.actors, s.agents, s.verb_patterns, s.nouns,
         s.lines, s.files);
  return 0;
}

int main(void)
{
  int rc = bench("load_defaults", 0);
  rc |= bench("load_dictionaries", 1);
  rc |= bench("petrarch2 dictionary set", 2);
  return rc;
}
