/* test_code_recall6.c: coding rules that find more events with the right
 * actors (code/actor.c, code/coder.c): a state body named by its leader,
 * reporting words that are no part of a pattern, a participle whose own
 * named subject acts. The sentences are our own. */
#include "testutil.h"

TEST_CODER_FIXTURE

static void state_body_of_a_leader_is_his_country(void **state)
{
  (void)state;
  /* Ali Khamenei is listed (IRN); "the forces of" him are Iran's */
  events_are("The forces of Supreme Leader Ali Khamenei attacked Iraq.",
             "IRNMIL 190 IRQ");
}

static void leader_of_no_state_gives_no_country(void **state)
{
  (void)state;
  /* a UN chief's spokesman is no state's official */
  events_are("A spokesman of Antonio Guterres criticized Mali.", "");
}

static void reporting_words_are_no_part_of_the_pattern(void **state)
{
  (void)state;
  /* "arrest * for" must not reach the speaker's "for the embassy" */
  events_are("The Kenyan army arrested opponents, a spokeswoman for the "
             "French embassy said.",
             "");
}

static void unknown_named_subject_of_a_participle_acts_itself(void **state)
{
  (void)state;
  /* Zorvan is no actor: its fighting is not Kenya's */
  events_are("Kenya said it backed the rebel forces of Zorvan fighting the "
             "army of Uganda.",
             "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(state_body_of_a_leader_is_his_country),
      cmocka_unit_test(leader_of_no_state_gives_no_country),
      cmocka_unit_test(reporting_words_are_no_part_of_the_pattern),
      cmocka_unit_test(unknown_named_subject_of_a_participle_acts_itself),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
