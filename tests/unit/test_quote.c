/* test_quote.c: direct quotations and their speakers (quote/quote.c).
 * The sentences are our own. */
#include "testutil.h"

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

static dyad_doc *run(const char *text)
{
  return test_doc(ctx, text, DYAD_STAGE_PARSE | DYAD_STAGE_QUOTES);
}

/* Asserts that span s of doc reads want. */
static void span_is(const dyad_doc *doc, dyad_span s, const char *want)
{
  size_t tl;
  const char *t = dyad_doc_text(doc, &tl);
  if (s.len != strlen(want) || memcmp(t + s.off, want, s.len))
    fail_msg("span '%.*s', want '%s'", (int)s.len, t + s.off, want);
}

/* The words of the speaker's resolved NP. */
static void resolved_is(const dyad_doc *doc, const dyad_quote *q,
                        const char *want)
{
  size_t np, nt;
  const dyad_phrase *ph = dyad_doc_phrases(doc, &np);
  const dyad_token *tk = dyad_doc_tokens(doc, &nt);
  assert_true(q->speaker_phrase >= 0 && (size_t)q->speaker_phrase < np);
  const dyad_phrase *p = &ph[q->speaker_phrase];
  dyad_span s = {tk[p->tok].off, 0};
  s.len = tk[p->tok + p->ntok - 1].off + tk[p->tok + p->ntok - 1].len - s.off;
  span_is(doc, s, want);
}

static void speaker_after_the_quote(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"We agree with the plan,\" Garcia said.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].span, "We agree with the plan,");
  span_is(doc, q[0].speaker_span, "Garcia");
  span_is(doc, q[0].cue_span, "said");
  assert_int_equal(q[0].flags & 1, 0);
  dyad_doc_free(doc);
}

static void inverted_speaker_after_the_cue(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"The border stays open,\" said Jane Okafor.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "Jane Okafor");
  dyad_doc_free(doc);
}

static void speaker_before_a_colon(void **state)
{
  (void)state;
  dyad_doc *doc = run("The mayor told reporters: \"Nobody will be evicted.\"");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "The mayor");
  span_is(doc, q[0].cue_span, "told");
  dyad_doc_free(doc);
}

static void interrupted_quotes_get_their_own_speakers(void **state)
{
  (void)state;
  dyad_doc *doc = run("\xe2\x80\x9cWe accept,\xe2\x80\x9d Lopez said, to "
                      "which Tanaka responded: \xe2\x80\x9cThen we "
                      "begin.\xe2\x80\x9d");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 2);
  span_is(doc, q[0].speaker_span, "Lopez");
  span_is(doc, q[1].speaker_span, "Tanaka");
  span_is(doc, q[1].cue_span, "responded");
  dyad_doc_free(doc);
}

static void partial_quote_in_a_sentence(void **state)
{
  (void)state;
  dyad_doc *doc = run("The minister called the budget \"a betrayal\" on "
                      "Monday.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  assert_int_equal(q[0].flags & 1, 1);
  span_is(doc, q[0].span, "a betrayal");
  span_is(doc, q[0].speaker_span, "The minister");
  dyad_doc_free(doc);
}

static void pronoun_resolves_to_the_named_person(void **state)
{
  (void)state;
  dyad_doc *doc = run("Maria Santos arrived late. \"The roads are closed,\" "
                      "she said.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "she");
  resolved_is(doc, &q[0], "Maria Santos");
  dyad_doc_free(doc);
}

static void description_resolves_to_its_apposition(void **state)
{
  (void)state;
  dyad_doc *doc = run("The spokesman, Omar Haddad, called the report "
                      "\"pure fiction\".");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  resolved_is(doc, &q[0], "Omar Haddad");
  dyad_doc_free(doc);
}

static void quote_continues_into_next_paragraph(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"The dam held for a week.\n\n\"Then it broke,\" "
                      "said Anna Berg.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 2);
  span_is(doc, q[0].span, "The dam held for a week.");
  span_is(doc, q[0].speaker_span, "Anna Berg");
  span_is(doc, q[1].speaker_span, "Anna Berg");
  dyad_doc_free(doc);
}

static void according_to_is_a_cue(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"The deal is off,\" according to officials.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "officials");
  span_is(doc, q[0].cue_span, "according to");
  dyad_doc_free(doc);
}

static void unbalanced_marks_give_nothing(void **state)
{
  (void)state;
  dyad_doc *doc = run("He said \"this is wrong.\n\nThe end came.");
  size_t n;
  dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 0);
  dyad_doc_free(doc);
  doc = run("Nothing opened here.\" And \"\"");
  dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 0);
  dyad_doc_free(doc);
}

static void marks_alone_give_no_nonsense(void **state)
{
  (void)state;
  static const char *const odd[] = {
      "\"", "\"\"", "\" \" \"", "\xe2\x80\x9c\xe2\x80\x9d\xe2\x80\x9c",
      "' ' '", "He said \"\n\n\"\n\n\"", "\xe2\x80\x9d backwards \xe2\x80\x9c"};
  for (size_t k = 0; k < DYAD_ARRAY_LEN(odd); k++) {
    dyad_doc *doc = run(odd[k]);
    size_t n, tl;
    const dyad_quote *q = dyad_doc_quotes(doc, &n);
    dyad_doc_text(doc, &tl);
    for (size_t i = 0; i < n; i++) {
      assert_true(q[i].span.len > 0); /* never an empty quote */
      assert_true(q[i].span.off + q[i].span.len <= tl);
    }
    dyad_doc_free(doc);
  }
}

static void quote_without_attribution_has_no_speaker(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"Peace now\" was written on the wall.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  assert_int_equal(q[0].speaker_span.len, 0);
  assert_int_equal(q[0].speaker_phrase, -1);
  dyad_doc_free(doc);
}

static void next_sentence_speaker_is_not_taken(void **state)
{
  (void)state;
  dyad_doc *doc = run("Peru branded the rebels a \"gang of thugs.\" Chile "
                      "insisted that Bolivia \"stop its games.\"");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 2);
  span_is(doc, q[0].speaker_span, "Peru");
  span_is(doc, q[1].speaker_span, "Chile");
  dyad_doc_free(doc);
}

static void period_in_parentheses_before_the_cue(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"The bill is dead,\" Sen. Ann Moss (D-Ore.) said.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "Sen. Ann Moss");
  dyad_doc_free(doc);
}

static void closing_mark_that_opens_a_paragraph(void **state)
{
  (void)state;
  /* a typesetting slip: the paragraph opens with a right double mark */
  dyad_doc *doc = run("Readers wrote in.\n\n\xe2\x80\x9dWe deserve better. The "
                      "debate was a mess.\xe2\x80\x9d \xe2\x80\x95 Lena Park");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].span, "We deserve better. The debate was a mess.");
  span_is(doc, q[0].speaker_span, "Lena Park");
  dyad_doc_free(doc);
}

static void partial_quote_takes_the_cue_before_it(void **state)
{
  (void)state;
  /* the cue after the quote ("urged") starts another report */
  dyad_doc *doc = run("Minister Tom Reyes said the army would take \"firm "
                      "steps\" soon, and he urged the rebels to talk.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  assert_int_equal(q[0].flags & 1, 1);
  span_is(doc, q[0].speaker_span, "Minister Tom Reyes");
  dyad_doc_free(doc);
}

static void partial_quote_with_its_own_attribution(void **state)
{
  (void)state;
  dyad_doc *doc = run("Reyes said the deal was fine because \"nobody lost,\" "
                      "his aide Ana Cole said.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "his aide Ana Cole");
  dyad_doc_free(doc);
}

static void quote_at_a_line_start_is_whole(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"Prices are too high.\" - Jo Kim\n\"Schools need "
                      "money.\" - Lee Tran");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 2);
  assert_int_equal(q[1].flags & 1, 0);
  span_is(doc, q[1].speaker_span, "Lee Tran");
  dyad_doc_free(doc);
}

static void name_heading_an_apposition_chain(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"The rule is unlawful,\" Ruth Alvarez, the state's "
                      "attorney general, one of the plaintiffs, said.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "Ruth Alvarez");
  dyad_doc_free(doc);
}

static void abbreviation_period_before_a_comma(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"We will override the veto,\" Senator Dan Pike, "
                      "R-Ky., said.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "Senator Dan Pike");
  dyad_doc_free(doc);
}

static void cue_inside_the_quote_is_not_its_frame(void **state)
{
  (void)state;
  /* the second quote goes on from the first; its "I say" is quoted */
  dyad_doc *doc = run("\"Look at the schools,\" Mayor Ann Lee said in May. "
                      "\"To them I say the following: fix the roofs.\"");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 2);
  span_is(doc, q[1].speaker_span, "Mayor Ann Lee");
  dyad_doc_free(doc);
}

static void cue_taken_into_the_noun_phrase(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"We demand clean water,\" the petition reads.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "the petition");
  span_is(doc, q[0].cue_span, "reads");
  dyad_doc_free(doc);
}

static void transcript_label_names_the_speaker(void **state)
{
  (void)state;
  dyad_doc *doc = run("The debate went on.\n\nMORALES: My rival calls this "
                      "plan \"a gift to banks.\" It is not.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "MORALES");
  dyad_doc_free(doc);
}

static void relative_pronoun_is_the_mention(void **state)
{
  (void)state;
  dyad_doc *doc = run("He met Senator Ray Ortiz, who said the bill was "
                      "\"dead on arrival.\"");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "who");
  resolved_is(doc, &q[0], "Senator Ray Ortiz");
  dyad_doc_free(doc);
}

static void participle_cue_without_speaker_defers(void **state)
{
  (void)state;
  dyad_doc *doc = run("In a statement, Carver Mining said: \"The plant was "
                      "profitable for years,\" adding that jobs were safe.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "Carver Mining");
  dyad_doc_free(doc);
}

static void long_sentence_ending_in_said_carries_over(void **state)
{
  (void)state;
  dyad_doc *doc = run("The ministry may wait until the talks in Geneva are "
                      "over before it acts on the report, Okafor said. \"We "
                      "cannot be seen to take sides.\"");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "Okafor");
  dyad_doc_free(doc);
}

static void adverbial_clause_after_a_quote_is_no_attribution(void **state)
{
  (void)state;
  dyad_doc *doc = run("The clip shows the governor at a rally, \"That is my "
                      "plan,\" when a heckler criticized him.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  if (q[0].speaker_span.len)
    span_is(doc, q[0].speaker_span, "the governor");
  dyad_doc_free(doc);
}

static void ing_cue_inside_a_noun_phrase(void **state)
{
  (void)state;
  dyad_doc *doc = run("The ad shows footage of Mayor Ruth Diaz asking, "
                      "\"Where is the money?\"");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "Mayor Ruth Diaz");
  dyad_doc_free(doc);
}

static void passive_cue_agent_speaks(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"Rivers of Home\" was written by Tom Vale in 1990.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "Tom Vale");
  dyad_doc_free(doc);
}

static void quote_after_a_cue_sentence_of_the_paragraph(void **state)
{
  (void)state;
  dyad_doc *doc = run("His old partner, Vera Novak, described him as a born "
                      "dealmaker. \"He could sell sand in a desert.\"");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  span_is(doc, q[0].speaker_span, "His old partner");
  resolved_is(doc, &q[0], "Vera Novak");
  dyad_doc_free(doc);
}

static void place_before_a_comma_is_no_apposition_chain(void **state)
{
  (void)state;
  dyad_doc *doc = run("\"The road is closed,\" Denver, Colorado, police "
                      "said.");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 1);
  assert_true(q[0].speaker_span.len > 0);
  size_t tl;
  const char *t = dyad_doc_text(doc, &tl);
  assert_true(q[0].speaker_span.len != 6 ||
              memcmp(t + q[0].speaker_span.off, "Denver", 6));
  dyad_doc_free(doc);
}

static void coordinated_clause_keeps_its_own_subject(void **state)
{
  (void)state;
  /* the parser coordinates "a nurse had stamped" with "labeled" */
  dyad_doc *doc = run("In a box labeled \"risk factors,\" a nurse had "
                      "stamped \"urgent care.\"");
  size_t n;
  const dyad_quote *q = dyad_doc_quotes(doc, &n);
  assert_int_equal(n, 2);
  span_is(doc, q[1].speaker_span, "a nurse");
  dyad_doc_free(doc);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(coordinated_clause_keeps_its_own_subject),
      cmocka_unit_test(place_before_a_comma_is_no_apposition_chain),
      cmocka_unit_test(quote_after_a_cue_sentence_of_the_paragraph),
      cmocka_unit_test(passive_cue_agent_speaks),
      cmocka_unit_test(participle_cue_without_speaker_defers),
      cmocka_unit_test(long_sentence_ending_in_said_carries_over),
      cmocka_unit_test(adverbial_clause_after_a_quote_is_no_attribution),
      cmocka_unit_test(ing_cue_inside_a_noun_phrase),
      cmocka_unit_test(cue_taken_into_the_noun_phrase),
      cmocka_unit_test(transcript_label_names_the_speaker),
      cmocka_unit_test(relative_pronoun_is_the_mention),
      cmocka_unit_test(name_heading_an_apposition_chain),
      cmocka_unit_test(abbreviation_period_before_a_comma),
      cmocka_unit_test(cue_inside_the_quote_is_not_its_frame),
      cmocka_unit_test(partial_quote_takes_the_cue_before_it),
      cmocka_unit_test(partial_quote_with_its_own_attribution),
      cmocka_unit_test(quote_at_a_line_start_is_whole),
      cmocka_unit_test(period_in_parentheses_before_the_cue),
      cmocka_unit_test(closing_mark_that_opens_a_paragraph),
      cmocka_unit_test(speaker_after_the_quote),
      cmocka_unit_test(inverted_speaker_after_the_cue),
      cmocka_unit_test(speaker_before_a_colon),
      cmocka_unit_test(interrupted_quotes_get_their_own_speakers),
      cmocka_unit_test(partial_quote_in_a_sentence),
      cmocka_unit_test(pronoun_resolves_to_the_named_person),
      cmocka_unit_test(description_resolves_to_its_apposition),
      cmocka_unit_test(quote_continues_into_next_paragraph),
      cmocka_unit_test(according_to_is_a_cue),
      cmocka_unit_test(unbalanced_marks_give_nothing),
      cmocka_unit_test(marks_alone_give_no_nonsense),
      cmocka_unit_test(quote_without_attribution_has_no_speaker),
      cmocka_unit_test(next_sentence_speaker_is_not_taken),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
