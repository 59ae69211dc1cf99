/* test_lemma.c: the lemmatizer (dyad__lemmatize) and the lexicon queries
 * other stages use (dyad__lex_pos_mask). */
#include "testutil.h"

#include "text/lexicon.h"

static dyad_ctx *ctx;

static int setup(void **state)
{
  (void)state;
  ctx = test_ctx(0);
  return 0;
}

static int teardown(void **state)
{
  (void)state;
  dyad_ctx_free(ctx);
  return 0;
}

static void expect(const char *w, int pos, const char *lemma)
{
  char out[64];
  size_t n = dyad__lemmatize(ctx, w, strlen(w), pos, out, sizeof(out));
  assert_true(n > 0);
  if (n != strlen(lemma) || memcmp(out, lemma, n) != 0)
    fail_msg("%s: want %s, got %.*s", w, lemma, (int)n, out);
}

static void irregular_verbs(void **state)
{
  (void)state;
  expect("went", DYAD_POS_VERB, "go");
  expect("sought", DYAD_POS_VERB, "seek");
  expect("fled", DYAD_POS_VERB, "flee");
  expect("struck", DYAD_POS_VERB, "strike");
  expect("was", DYAD_POS_VERB, "be");
  expect("taken", DYAD_POS_VERB, "take");
  expect("told", DYAD_POS_VERB, "tell"); /* listed in open.txt with "+" */
}

static void regular_verbs(void **state)
{
  (void)state;
  expect("attacked", DYAD_POS_VERB, "attack");
  expect("stopped", DYAD_POS_VERB, "stop");
  expect("accuses", DYAD_POS_VERB, "accuse");
  expect("denied", DYAD_POS_VERB, "deny");
  expect("making", DYAD_POS_VERB, "make");
}

static void nouns(void **state)
{
  (void)state;
  expect("forces", DYAD_POS_NOUN, "force");
  expect("countries", DYAD_POS_NOUN, "country");
  expect("people", DYAD_POS_NOUN, "people");
  expect("women", DYAD_POS_NOUN, "woman");
  expect("russians", DYAD_POS_NOUN, "russian");
  expect("crises", DYAD_POS_NOUN, "crisis");
}

static void adjectives_and_others(void **state)
{
  (void)state;
  expect("better", DYAD_POS_ADJ, "good");
  expect("bigger", DYAD_POS_ADJ, "big");
  expect("the", DYAD_POS_OTHER, "the");
}

static void unknown_words_use_rules(void **state)
{
  (void)state;
  expect("blorfed", DYAD_POS_VERB, "blorf");
  expect("zorbles", DYAD_POS_NOUN, "zorble");
  expect("zorbles", DYAD_POS_OTHER, "zorbles");
}

/* An unknown compound takes the lemma of its last part. */
static void hyphenated_compounds(void **state)
{
  (void)state;
  expect("test-fired", DYAD_POS_VERB, "test-fire");
  expect("re-elected", DYAD_POS_VERB, "re-elect");
  expect("co-founders", DYAD_POS_NOUN, "co-founder");
}

/* WordNet lists fuelled; the American fueled is a past tense too. */
static void american_single_l(void **state)
{
  (void)state;
  expect("fueled", DYAD_POS_VERB, "fuel");
  expect("traveling", DYAD_POS_VERB, "travel");
  expect("spread", DYAD_POS_VERB, "spread");
}

static void too_small_buffer_returns_zero(void **state)
{
  (void)state;
  char out[2];
  assert_int_equal(dyad__lemmatize(ctx, "countries", 9, DYAD_POS_NOUN, out,
                                   sizeof(out)), 0);
}

static void pos_masks(void **state)
{
  (void)state;
  uint32_t m = dyad__lex_pos_mask(ctx, "attack", 6);
  assert_true(m & DYAD_POS_NOUN);
  assert_true(m & DYAD_POS_VERB);
  assert_false(dyad__lex_pos_mask(ctx, "the", 3) & DYAD_POS_VERB);
  assert_int_equal(dyad__lex_pos_mask(ctx, "qzxv", 4), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(irregular_verbs),
      cmocka_unit_test(regular_verbs),
      cmocka_unit_test(nouns),
      cmocka_unit_test(adjectives_and_others),
      cmocka_unit_test(unknown_words_use_rules),
      cmocka_unit_test(too_small_buffer_returns_zero),
      cmocka_unit_test(hyphenated_compounds),
      cmocka_unit_test(american_single_l),
      cmocka_unit_test(pos_masks),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
