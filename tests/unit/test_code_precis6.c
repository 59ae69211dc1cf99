/* test_code_precis6.c: rules that keep the coder from reading a wrong
 * event class (code/coder.c, data/verbs): a phrasal verb whose particle a
 * pattern skips ("talked down the dollar to"), a pattern preposition that
 * heads a time ("clashed over the weekend"), a clash over an issue,
 * which is a quarrel in words, not fighting, the topic of talks, a
 * capital's market, a place "outside" something and an attack only
 * thought of ("any attack", "the risk of attack") and an agreement
 * that exists, not one signed ("its pact with X", "the General
 * Agreement on Tariffs and Trade"). The sentences are our own. */
#include "testutil.h"

TEST_CODER_FIXTURE

/* "talk down" a currency is no "talk to" consultation with whoever the
 * infinitive after it names. */
static void phrasal_particle_is_not_skipped_by_a_pattern(void **state)
{
  (void)state;
  events_are("Kenyan officials talked down the shilling to force Uganda "
             "to cut its rates.",
             "");
  /* the bare verb still reads its pattern */
  events_are("Kenyan officials talked to Uganda.", "KENGOV 040 UGA");
}

/* A clash over an issue between states is a quarrel in words (110). */
static void clash_over_an_issue_is_verbal(void **state)
{
  (void)state;
  events_are("Kenya and Uganda clashed today over Kenyan demands for "
             "access to the port.",
             "KEN 110 UGA; UGA 110 KEN");
  events_are("Kenya clashed with Uganda over the tariffs.",
             "KEN 110 UGA; UGA 110 KEN");
}

/* "over the weekend" is a time: the clash stays an armed one. */
static void pattern_preposition_heading_a_time_is_no_match(void **state)
{
  (void)state;
  events_are("Kenyan troops clashed with Ugandan troops over the weekend.",
             "KENMIL 190 UGAMIL; UGAMIL 190 KENMIL");
}

/* "holding talks on a pact": the talks (040) are the act; the pact they
 * are about is not signed (057). */
static void topic_of_talks_is_no_act(void **state)
{
  (void)state;
  events_are("Kenya and Uganda have been holding talks since early May on "
             "a pact to end trade barriers.",
             "KEN 040 UGA; UGA 040 KEN");
  events_are("Kenya and Uganda held talks on a trade pact.",
             "KEN 040 UGA; UGA 040 KEN");
  /* a pact that is the act itself is still coded */
  events_are("Kenya and Uganda signed a pact.", "KEN 057 UGA; UGA 057 KEN");
}

/* "invested in Nairobi's stocks": a capital's market is the city's, not
 * its government's; "Nairobi's demands" stay the government's. */
static void capitals_market_is_no_government(void **state)
{
  (void)state;
  events_are("Kenyan companies have invested heavily in Nairobi's stocks.",
             "");
  events_are("Uganda rejected Nairobi's demands.", "UGA 120 KENGOV");
}

/* "products from outside the EC", "compared with Mexico's": the act is
 * on no one set apart from it. */
static void outside_x_is_no_target(void **state)
{
  (void)state;
  events_are("The Kenyan government abolished limits on the import of "
             "sugar from outside the European Community.",
             "");
  events_are("Kenya is requesting only 2.4 billion dlrs in fresh credit, "
             "compared with Uganda's 6.2 billion.",
             "");
}

/* "any attack", "the risk of an attack", "in the event of a strike": an
 * act only thought of. */
static void attack_only_thought_of_is_no_event(void **state)
{
  (void)state;
  events_are("Any Kenyan attack on Ugandan ships will bring a response.",
             "");
  events_are("The risk of Kenyan attack on Ugandan ships is low.", "");
  events_are("Museveni predicted chaos in the event of a Kenyan strike "
             "against Uganda.",
             "");
  /* an attack that happened is still coded */
  events_are("The Kenyan attack on Ugandan ships caused damage.",
             "KENMIL 190 UGA");
}

/* An agreement noun names a signing only where a clause makes it
 * ("concluded an agreement", "extended their agreement"); "its pact with
 * Uganda" or "compliance with the agreement" is one that exists. */
static void existing_agreement_is_no_signing(void **state)
{
  (void)state;
  events_are("Kenya is living up to its trade pact with Uganda.", "");
  events_are("Kenya's agreement with Uganda opened the door to talks.", "");
  events_are("Kenya and Uganda extended their trade agreement.",
             "KEN 057 UGA; UGA 057 KEN");
}

/* "the General Agreement on Tariffs and Trade", "the Lusaka Accord": a
 * capitalised name refers to an agreement; holding talks at it signs
 * nothing. */
static void named_agreement_is_no_signing(void **state)
{
  (void)state;
  events_are("Kenya and Uganda were holding working-level discussions at the "
             "General Agreement on Tariffs and Trade over import curbs.",
             "KEN 040 UGA; UGA 040 KEN");
}

/* A gerund under talks ("talks on signing a pact") is their topic. */
static void gerund_topic_of_talks_is_no_act(void **state)
{
  (void)state;
  events_are("Kenyan ministers agreed to full talks on signing a "
             "trade pact with Uganda.",
             "");
}

/* Signing a motion, a bill or a decree is no agreement with anyone. */
static void signing_a_motion_is_no_agreement(void **state)
{
  (void)state;
  events_are("One hundred Kenyan legislators signed a motion calling for "
             "sanctions against Uganda.",
             "");
  events_are("Kenya signed a trade pact with Uganda.", "KEN 057 UGA");
}

/* "sentiment that X was fighting ...": a that-clause after a noun of
 * feeling is what people feel, not an act the text asserts. */
static void that_clause_after_sentiment_is_no_act(void **state)
{
  (void)state;
  events_are("There was growing Kenyan sentiment that Uganda was "
             "fighting opening its markets.",
             "");
  events_are("There is concern that Uganda attacked Kenya.", "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(phrasal_particle_is_not_skipped_by_a_pattern),
      cmocka_unit_test(clash_over_an_issue_is_verbal),
      cmocka_unit_test(pattern_preposition_heading_a_time_is_no_match),
      cmocka_unit_test(topic_of_talks_is_no_act),
      cmocka_unit_test(capitals_market_is_no_government),
      cmocka_unit_test(outside_x_is_no_target),
      cmocka_unit_test(attack_only_thought_of_is_no_event),
      cmocka_unit_test(existing_agreement_is_no_signing),
      cmocka_unit_test(named_agreement_is_no_signing),
      cmocka_unit_test(gerund_topic_of_talks_is_no_act),
      cmocka_unit_test(signing_a_motion_is_no_agreement),
      cmocka_unit_test(that_clause_after_sentiment_is_no_act),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
