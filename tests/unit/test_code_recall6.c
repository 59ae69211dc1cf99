/* test_code_recall6.c: coding rules that find more events with the right
 * actors (code/actor.c, code/coder.c): a state body named by its leader,
 * reporting words that are no part of a pattern, a participle whose own
 * named subject acts, suicide bombers, names that run over prepositions,
 * demands from an actor, office holders no dictionary lists. The
 * sentences and the unlisted names are our own. */
#include "testutil.h"

TEST_CODER_FIXTURE

/* events_are for an article dated 2000-01-01 */
static void events_on_2000(const char *text, const char *want)
{
  test_events_on(ctx, text, 20000101, want);
}

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

static void suicide_bombers_killing_is_a_suicide_bombing(void **state)
{
  (void)state;
  events_are("Two Palestinian suicide bombers killed five Israeli soldiers.",
             "PSEREB 1831 ISRMIL");
}

static void listed_name_runs_over_its_prepositions(void **state)
{
  (void)state;
  events_are("The Organization for Security and Cooperation in Europe "
             "criticized Serbia.",
             "IGOEURSCE 111 SRB");
}

static void demands_from_an_actor_are_its_own(void **state)
{
  (void)state;
  events_on_2000("President Jose Eduardo dos Santos conceded to demands "
                 "from UNITA.",
                 "AGOGOV 080 AGOREB");
}

static void unlisted_judge_acts_at_home(void **state)
{
  (void)state;
  events_are("Judge Marta Quispe opened an investigation against Peruvian "
             "officials.",
             "PERJUD 090 PERGOV");
}

static void unlisted_president_of_rebels_country(void **state)
{
  (void)state;
  events_are("President Tomas Ferreira conceded to demands from Angolan "
             "rebels.",
             "AGOGOV 080 AGOREB");
}

static void unlisted_president_meeting_a_state_gets_no_country(void **state)
{
  (void)state;
  /* a foreign government says nothing of the host's state */
  events_are("President Tomas Ferreira welcomed the Chinese foreign "
             "minister.",
             "");
  /* a body before the title that no dictionary lists */
  events_are("ABCF president Tomas Ferreira criticized Peruvian farmers.",
             "");
}

static void plain_force_in_an_event_noun_takes_its_code(void **state)
{
  (void)state;
  events_are("A Kenyan policeman was murdered in an attack by Somali "
             "gunmen.",
             "SOMREB 190 KENCOP");
  events_are("Somali gunmen killed two Kenyan policemen in a bomb attack.",
             "SOMREB 183 KENCOP");
}

static void telling_force_keeps_its_code(void **state)
{
  (void)state;
  events_are("Israeli jets bombed Syrian positions in the second such "
             "attack this week.",
             "ISRMIL 195 SYR");
}

static void opening_phrase_without_its_comma_ends_before_the_subject(
    void **state)
{
  (void)state;
  events_are("According to a police spokesman Kenyan soldiers have "
             "attacked Somali rebels.",
             "KENMIL 190 SOMREB");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(state_body_of_a_leader_is_his_country),
      cmocka_unit_test(leader_of_no_state_gives_no_country),
      cmocka_unit_test(reporting_words_are_no_part_of_the_pattern),
      cmocka_unit_test(unknown_named_subject_of_a_participle_acts_itself),
      cmocka_unit_test(suicide_bombers_killing_is_a_suicide_bombing),
      cmocka_unit_test(listed_name_runs_over_its_prepositions),
      cmocka_unit_test(demands_from_an_actor_are_its_own),
      cmocka_unit_test(unlisted_judge_acts_at_home),
      cmocka_unit_test(unlisted_president_of_rebels_country),
      cmocka_unit_test(unlisted_president_meeting_a_state_gets_no_country),
      cmocka_unit_test(plain_force_in_an_event_noun_takes_its_code),
      cmocka_unit_test(telling_force_keeps_its_code),
      cmocka_unit_test(
          opening_phrase_without_its_comma_ends_before_the_subject),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
