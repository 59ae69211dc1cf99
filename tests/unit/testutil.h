/*
 * testutil.h: what every cmocka unit test includes. Tests reach internals
 * through src/internal.h; paths to ../shared come from $DYAD_SHARED, and
 * tests that need it call shared_path() and skip when it is absent.
 */
#ifndef DYAD_TESTUTIL_H
#define DYAD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "internal.h"

/* Full path of a file under ../shared in buf, or NULL if it is absent. */
static inline const char *shared_path(const char *rel, char *buf, size_t cap)
{
  const char *root = getenv("DYAD_SHARED");
  if (!root || !*root)
    root = "../shared";
  snprintf(buf, cap, "%s/%s", root, rel);
  return access(buf, R_OK) == 0 ? buf : NULL;
}

/* A ctx with the lexicon loaded (or all defaults), failing the test if the
 * data cannot be loaded. */
static inline dyad_ctx *test_ctx(int all)
{
  dyad_ctx *ctx = dyad_ctx_new(NULL);
  assert_non_null(ctx);
  dyad_status st = all ? dyad_ctx_load_defaults(ctx)
                       : dyad_ctx_load_lexicon(ctx);
  if (st != DYAD_OK)
    fail_msg("cannot load data: %s", dyad_ctx_errmsg(ctx));
  return ctx;
}

/* Analyses text, dated date (YYYYMMDD), through the given stages. */
static inline dyad_doc *test_doc_on(dyad_ctx *ctx, const char *text,
                                    uint32_t stages, dyad_date date)
{
  dyad_doc *doc = dyad_doc_new(ctx);
  assert_non_null(doc);
  dyad_article art;
  memset(&art, 0, sizeof(art));
  art.id = "t";
  art.id_len = 1;
  art.text = text;
  art.text_len = strlen(text);
  art.date = date;
  assert_int_equal(dyad_doc_analyze(doc, &art, stages), DYAD_OK);
  return doc;
}

/* Analyses text (dated 2023-03-22) through the given stages. */
static inline dyad_doc *test_doc(dyad_ctx *ctx, const char *text,
                                 uint32_t stages)
{
  return test_doc_on(ctx, text, stages, 20230322);
}

/* Codes text dated date (YYYYMMDD) with all stages and fails unless its
 * events, joined by "; " in order, are want: each as "SRC CODE TGT", or
 * with source_text as the words of its source. */
static inline void test_events_join(dyad_ctx *ctx, const char *text,
                                    dyad_date date, int source_text,
                                    const char *want)
{
  dyad_doc *doc = test_doc_on(ctx, text, DYAD_STAGE_ALL, date);
  size_t n;
  const dyad_event *ev = dyad_doc_events(doc, &n);
  char got[1024] = "";
  size_t len = 0;
  for (size_t i = 0; i < n && len < sizeof(got); i++)
    len += source_text
               ? (size_t)snprintf(got + len, sizeof(got) - len, "%s%.*s",
                                  i ? "; " : "",
                                  (int)ev[i].source_span.len,
                                  text + ev[i].source_span.off)
               : (size_t)snprintf(got + len, sizeof(got) - len,
                                  "%s%s %s %s", i ? "; " : "",
                                  ev[i].source, ev[i].code, ev[i].target);
  dyad_doc_free(doc);
  if (strcmp(got, want) != 0)
    fail_msg("'%s': got '%s', want '%s'", text, got, want);
}

/* test_events_join of the events' codes, for an article dated date. */
static inline void test_events_on(dyad_ctx *ctx, const char *text,
                                  dyad_date date, const char *want)
{
  test_events_join(ctx, text, date, 0, want);
}

/* test_events_on for an article dated 2023-03-22. */
static inline void test_events_are(dyad_ctx *ctx, const char *text,
                                   const char *want)
{
  test_events_on(ctx, text, 20230322, want);
}

/* The fixture of a file of coding tests: one ctx with every default
 * dictionary for the group (setup, teardown) and events_are(text, want)
 * to check a sentence's events against it. */
#define TEST_CODER_FIXTURE                                                    \
  static dyad_ctx *ctx;                                                       \
  static int setup(void **state)                                              \
  {                                                                           \
    (void)state;                                                              \
    ctx = test_ctx(1);                                                        \
    return 0;                                                                 \
  }                                                                           \
  static int teardown(void **state)                                           \
  {                                                                           \
    (void)state;                                                              \
    dyad_ctx_free(ctx);                                                       \
    return 0;                                                                 \
  }                                                                           \
  static void events_are(const char *text, const char *want)                  \
  {                                                                           \
    test_events_are(ctx, text, want);                                         \
  }

#endif
