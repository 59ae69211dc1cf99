/* test_hedge.c: acts that news text supposes, guesses, weighs or stops
 * (code/hedge.c) give no event; an actor's own conditional threats and
 * promises still do (code/modal.c). The sentences are our own. */
#include "testutil.h"

#include <stdio.h>

/* modal.c (internal, linked from libdyad.a) */
void dyad__modal_code(const char *code, uint32_t vgflags, uint32_t clflags,
                      char out[8]);

TEST_CODER_FIXTURE

static void intent_of_a_concession_keeps_its_kind(void **state)
{
  (void)state;
  char out[8];
  dyad__modal_code("085", DYAD_PHF_INTENT, 0, out);
  assert_string_equal(out, "0354"); /* ease sanctions */
  dyad__modal_code("0841", DYAD_PHF_INTENT, 0, out);
  assert_string_equal(out, "0353"); /* release people */
  dyad__modal_code("086", DYAD_PHF_FUTURE, 0, out);
  assert_string_equal(out, "0355"); /* admit outsiders */
  dyad__modal_code("0871", DYAD_PHF_INTENT, 0, out);
  assert_string_equal(out, "0356"); /* ceasefire */
  dyad__modal_code("0832", DYAD_PHF_INTENT, 0, out);
  assert_string_equal(out, "0342"); /* policy change */
  dyad__modal_code("045", DYAD_PHF_INTENT, 0, out);
  assert_string_equal(out, "039"); /* mediate */
  dyad__modal_code("046", DYAD_PHF_INTENT, 0, out);
  assert_string_equal(out, "036"); /* negotiate */
}

static void possibility_told_by_an_outsider_is_no_event(void **state)
{
  (void)state;
  events_are("Kenya may sell maize to Uganda, a grain trader said.", "");
  events_are("Tanzania could attack Kenya.", "");
}

static void possibility_told_by_the_own_side_is_an_intent(void **state)
{
  (void)state;
  events_are("Kenya would ease sanctions against Uganda, the Kenyan "
             "foreign minister said.",
             "KEN 0354 UGA");
}

static void hypothetical_would_is_no_event(void **state)
{
  (void)state;
  events_are("Tanzania would gain by attacking Kenya.", "");
}

static void if_clause_is_no_event(void **state)
{
  (void)state;
  events_are("If Kenya sends troops to Somalia, the rebels will attack.", "");
  events_are("Should Kenya send troops to Somalia, the talks would "
             "collapse.",
             "");
}

static void conditional_threat_stays(void **state)
{
  (void)state;
  events_are("Kenya may expel Ugandan diplomats if Uganda does not release "
             "the prisoners.",
             "KEN 1313 UGAGOV");
  /* breaking off mediation, threatened, is 135 (as negotiations: 134) */
  events_are("Norway may halt its mediation between Kenya and Uganda if the "
             "talks fail.",
             "NOR 135 KEN; NOR 135 UGA");
}

static void guess_of_others_is_no_event(void **state)
{
  (void)state;
  events_are("Analysts expect that Kenya will sign a trade pact with "
             "Uganda.",
             "");
}

static void option_weighed_is_not_done(void **state)
{
  (void)state;
  events_are("Kenya is considering expelling Ugandan diplomats.",
             "KEN 014 UGAGOV");
}

static void act_stopped_or_resisted_is_not_done(void **state)
{
  (void)state;
  events_are("Uganda asked Kenya to stop selling arms to Somalia.",
             "UGA 020 KEN");
  events_are("Kenyan banks are resisting signing a loan accord with "
             "Uganda.",
             "");
}

static void attempt_made_is_the_act(void **state)
{
  (void)state;
  /* an attempt already made is coded as the act; one ahead is intent */
  events_are("Kenya has tried to hack into some laptops of Ugandan army "
             "officers.",
             "KEN 170 UGAMIL");
}

static void actor_asked_to_press_is_a_request_content(void **state)
{
  (void)state;
  /* the pressing is what the farmers ask for, not done */
  events_are("Farmers urged the Kenyan government to press Uganda to open "
             "its markets.",
             "");
}

static void ing_word_after_a_noun_ends_a_compound(void **state)
{
  (void)state;
  events_are("Kenya and Uganda told a trade council meeting that the levy "
             "was illegal.",
             "");
}

static void claim_after_a_noun_is_no_event(void **state)
{
  (void)state;
  events_are("Kenya said reports that it planned to attack Uganda were "
             "baseless.",
             "");
}

static void denied_statement_is_no_event(void **state)
{
  (void)state;
  events_are("A Kenyan official said it was not true that Uganda had "
             "threatened to cut aid to Kenya.",
             "");
  /* a negated first conjunct does not deny the second */
  events_are("Kenya said it did not specify the price but had offered "
             "Uganda a loan.",
             "KEN 0331 UGA");
}

static void likelihood_told_by_others_is_no_event(void **state)
{
  (void)state;
  events_are("Kenya is likely to expel the Ugandan envoy, diplomats said.",
             "");
  events_are("Kenya is very unlikely to sign the accord with Uganda.", "");
  /* the act itself, told plainly, stays */
  events_are("Kenya signed the accord with Uganda.", "KEN 057 UGA");
}

static void advice_is_no_event(void **state)
{
  (void)state;
  /* an act an outsider says an actor must or should do, even a threat,
   * and the examples of it */
  events_are("Kenya must take steps such as mining Uganda's harbours, an "
             "analyst said.",
             "");
  events_are("An analyst said Kenya should threaten to blockade Uganda.", "");
  events_are("Kenya threatened to blockade Uganda.", "KEN 1381 UGA");
}

static void capability_is_no_event(void **state)
{
  (void)state;
  events_are("Kenya has acquired missiles capable of hitting Ugandan "
             "tankers.",
             "");
  events_are("Kenya hit Ugandan tankers.", "KEN 190 UGA");
}

static void open_question_is_no_event(void **state)
{
  (void)state;
  events_are("The Kenyan president has withheld a ruling on whether to "
             "accept the apology of the Ugandan government.",
             "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(intent_of_a_concession_keeps_its_kind),
      cmocka_unit_test(possibility_told_by_an_outsider_is_no_event),
      cmocka_unit_test(possibility_told_by_the_own_side_is_an_intent),
      cmocka_unit_test(hypothetical_would_is_no_event),
      cmocka_unit_test(if_clause_is_no_event),
      cmocka_unit_test(conditional_threat_stays),
      cmocka_unit_test(guess_of_others_is_no_event),
      cmocka_unit_test(option_weighed_is_not_done),
      cmocka_unit_test(act_stopped_or_resisted_is_not_done),
      cmocka_unit_test(attempt_made_is_the_act),
      cmocka_unit_test(actor_asked_to_press_is_a_request_content),
      cmocka_unit_test(ing_word_after_a_noun_ends_a_compound),
      cmocka_unit_test(claim_after_a_noun_is_no_event),
      cmocka_unit_test(denied_statement_is_no_event),
      cmocka_unit_test(likelihood_told_by_others_is_no_event),
      cmocka_unit_test(advice_is_no_event),
      cmocka_unit_test(capability_is_no_event),
      cmocka_unit_test(open_question_is_no_event),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
