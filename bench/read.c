/*
 * read.c: reading throughput of the input readers. Reads a corpus (by
 * default the Reuters-21578 JSON Lines file under $DYAD_SHARED) several
 * times through dyad_reader_next, touching every article, and prints the
 * records, the errors and the median MB/s. Usage: read [FILE] [RUNS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "dyad.h"

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmpd(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
  char def[4096];
  const char *path = argc > 1 ? argv[1] : NULL;
  if (!path) {
    const char *root = getenv("DYAD_SHARED");
    snprintf(def, sizeof(def), "%s/corpora/reuters21578.jsonl",
             root && *root ? root : "../shared");
    path = def;
  }
  int runs = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 5;
  if (runs < 1 || runs > 100)
    runs = 5;
  struct stat st;
  if (stat(path, &st) != 0) {
    printf("read: skipped, no corpus at %s\n", path);
    return 0;
  }
  double mb = (double)st.st_size / 1e6, t[100];
  uint64_t ok = 0, bad = 0, sum = 0;
  for (int i = 0; i < runs; i++) {
    double t0 = now();
    dyad_reader *r = dyad_reader_open(path, strlen(path), NULL);
    if (!r)
      return 1;
    dyad_article a;
    dyad_status s;
    while ((s = dyad_reader_next(r, &a)) != DYAD_EOF) {
      if (s == DYAD_OK)
        sum += a.text_len + (a.text_len ? (unsigned char)a.text[0] : 0);
      else if (i == 0 && bad++ < 3)
        printf("read: %s\n", dyad_reader_errmsg(r));
    }
    dyad_reader_counts(r, &ok, &bad);
    dyad_reader_free(r);
    t[i] = now() - t0;
  }
  qsort(t, (size_t)runs, sizeof(double), cmpd);
  printf("read: %s: %.1f MB, %llu records, %llu errors, median %.3f s, "
         "%.1f MB/s (best %.1f MB/s, %d runs; checksum %llu)\n",
         path, mb, (unsigned long long)ok, (unsigned long long)bad,
         t[runs / 2], mb / t[runs / 2], mb / t[0], runs,
         (unsigned long long)sum);
  return 0;
}
