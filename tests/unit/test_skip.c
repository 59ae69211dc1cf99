/* test_skip.c: what stages drop as bad input, kept with DYAD_CFG_EXPLAIN
 * (dyad_doc_skips; when/timex.c and quote/quote.c record, doc.c keeps,
 * out/events.c writes). The sentences are our own; documents are dated
 * 2023-03-22 (test_doc). */
#include "testutil.h"

static dyad_ctx *ctx;   /* with DYAD_CFG_EXPLAIN */
static dyad_ctx *plain; /* without */

static dyad_ctx *new_ctx(uint32_t flags)
{
  dyad_config cfg;
  memset(&cfg, 0, sizeof(cfg));
  cfg.flags = flags;
  dyad_ctx *c = dyad_ctx_new(&cfg);
  assert_non_null(c);
  if (dyad_ctx_load_lexicon(c) != DYAD_OK)
    fail_msg("cannot load data: %s", dyad_ctx_errmsg(c));
  return c;
}

static int setup(void **state)
{
  (void)state;
  ctx = new_ctx(DYAD_CFG_EXPLAIN);
  plain = new_ctx(0);
  return 0;
}

static int teardown(void **state)
{
  (void)state;
  dyad_ctx_free(ctx);
  dyad_ctx_free(plain);
  return 0;
}

static dyad_doc *run(dyad_ctx *c, const char *text)
{
  return test_doc(c, text,
                  DYAD_STAGE_PARSE | DYAD_STAGE_WHEN | DYAD_STAGE_QUOTES);
}

/* Asserts that doc has exactly one skip, of stage, over the words want,
 * whose reason starts with why. */
static void one_skip(const dyad_doc *doc, const char *stage,
                     const char *want, const char *why)
{
  size_t n, tl;
  const dyad_skip *k = dyad_doc_skips(doc, &n);
  const char *t = dyad_doc_text(doc, &tl);
  if (n != 1)
    fail_msg("%zu skips, want 1", n);
  assert_string_equal(k[0].stage, stage);
  if (k[0].span.len != strlen(want) ||
      memcmp(t + k[0].span.off, want, k[0].span.len))
    fail_msg("span '%.*s', want '%s'", (int)k[0].span.len,
             t + k[0].span.off, want);
  if (strncmp(k[0].reason, why, strlen(why)))
    fail_msg("reason '%s', want '%s...'", k[0].reason, why);
}

static size_t ntimexes(const dyad_doc *doc)
{
  size_t n;
  dyad_doc_timexes(doc, &n);
  return n;
}

static void february_30_is_an_impossible_date(void **state)
{
  (void)state;
  dyad_doc *doc = run(ctx, "The talks ended on February 30.");
  one_skip(doc, "date", "February 30",
           "impossible date: February has 28 days that year");
  assert_int_equal(ntimexes(doc), 0);
  dyad_doc_free(doc);
}

static void february_30_of_a_leap_year(void **state)
{
  (void)state;
  dyad_doc *doc = run(ctx, "The talks ended on February 30, 2024.");
  one_skip(doc, "date", "February 30, 2024",
           "impossible date: February has 29 days at most");
  dyad_doc_free(doc);
}

static void numeric_april_31_is_impossible(void **state)
{
  (void)state;
  dyad_doc *doc = run(ctx, "The ceasefire began on 2023-04-31.");
  one_skip(doc, "date", "2023-04-31", "impossible date: April has 30 days");
  assert_int_equal(ntimexes(doc), 0);
  dyad_doc_free(doc);
}

static void year_3050_is_out_of_range(void **state)
{
  (void)state;
  dyad_doc *doc = run(ctx, "The lease runs until 3050.");
  one_skip(doc, "date", "3050", "year out of range");
  assert_int_equal(ntimexes(doc), 0);
  dyad_doc_free(doc);
}

static void year_0870_is_out_of_range(void **state)
{
  (void)state;
  dyad_doc *doc = run(ctx, "The town was founded in 0870.");
  one_skip(doc, "date", "0870", "year out of range");
  dyad_doc_free(doc);
}

static void full_date_with_far_year_is_skipped_whole(void **state)
{
  (void)state;
  dyad_doc *doc = run(ctx, "The summit opens on March 5, 3050.");
  one_skip(doc, "date", "March 5, 3050", "year out of range");
  assert_int_equal(ntimexes(doc), 0);
  dyad_doc_free(doc);
}

static void a_count_after_a_date_is_not_a_year(void **state)
{
  (void)state;
  dyad_doc *doc = run(ctx, "On March 5, 3000 protesters marched.");
  size_t n;
  dyad_doc_skips(doc, &n);
  assert_int_equal(n, 0);
  assert_int_equal(ntimexes(doc), 1);
  dyad_doc_free(doc);
}

static void quote_open_at_paragraph_end(void **state)
{
  (void)state;
  dyad_doc *doc = run(ctx, "Garcia said, \"We will stay here.\n\n"
                           "The mayor left the hall.");
  one_skip(doc, "quote", "\"We will stay here.",
           "unbalanced quotation mark: no closing mark before the "
           "paragraph ends");
  size_t n;
  dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 0);
  dyad_doc_free(doc);
}

static void quote_open_at_text_end(void **state)
{
  (void)state;
  dyad_doc *doc = run(ctx, "Garcia said, \"We will stay here.");
  one_skip(doc, "quote", "\"We will stay here.",
           "unbalanced quotation mark: no closing mark before the text "
           "ends");
  dyad_doc_free(doc);
}

static void nothing_kept_without_the_flag(void **state)
{
  (void)state;
  dyad_doc *doc = run(plain, "On February 30, Garcia said, \"We stay.");
  size_t n;
  dyad_doc_skips(doc, &n);
  assert_int_equal(n, 0);
  dyad_doc_free(doc);
}

static void jsonl_writes_the_skip_record(void **state)
{
  (void)state;
  dyad_doc *doc = run(ctx, "The talks ended on February 30.");
  dyad_buf out = {0};
  assert_int_equal(dyad_doc_write_jsonl(doc, &out), DYAD_OK);
  assert_string_equal(
      out.ptr,
      "{\"type\":\"skip\",\"doc\":\"t\",\"sent\":0,\"stage\":\"date\","
      "\"text\":\"February 30\",\"span\":[19,30],\"reason\":"
      "\"impossible date: February has 28 days that year\"}\n");
  dyad_buf_release(&out);
  dyad_doc_free(doc);
}

static void skips_reset_between_documents(void **state)
{
  (void)state;
  dyad_doc *doc = dyad_doc_new(ctx);
  dyad_article art;
  memset(&art, 0, sizeof(art));
  art.id = "a";
  art.id_len = 1;
  art.date = 20230322;
  art.text = "It ended on February 30.";
  art.text_len = strlen(art.text);
  assert_int_equal(dyad_doc_analyze(doc, &art, DYAD_STAGE_PARSE |
                                                   DYAD_STAGE_WHEN),
                   DYAD_OK);
  size_t n;
  dyad_doc_skips(doc, &n);
  assert_int_equal(n, 1);
  art.text = "It ended on February 3.";
  art.text_len = strlen(art.text);
  assert_int_equal(dyad_doc_analyze(doc, &art, DYAD_STAGE_PARSE |
                                                   DYAD_STAGE_WHEN),
                   DYAD_OK);
  dyad_doc_skips(doc, &n);
  assert_int_equal(n, 0);
  dyad_doc_free(doc);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(february_30_is_an_impossible_date),
      cmocka_unit_test(february_30_of_a_leap_year),
      cmocka_unit_test(numeric_april_31_is_impossible),
      cmocka_unit_test(year_3050_is_out_of_range),
      cmocka_unit_test(year_0870_is_out_of_range),
      cmocka_unit_test(full_date_with_far_year_is_skipped_whole),
      cmocka_unit_test(a_count_after_a_date_is_not_a_year),
      cmocka_unit_test(quote_open_at_paragraph_end),
      cmocka_unit_test(quote_open_at_text_end),
      cmocka_unit_test(nothing_kept_without_the_flag),
      cmocka_unit_test(jsonl_writes_the_skip_record),
      cmocka_unit_test(skips_reset_between_documents),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
