/* test_code_precis5.c: rules that keep the coder from reading events news
 * text does not state (code/placename.c, code/hedge.c, code/actor.c,
 * code/coder.c): a country word inside a longer place name, a for-to
 * infinitive, a firm's "it", an unnamed plural, a list of sources, a
 * target taken from a co-actor or another clause, and "said in X that"
 * (text/clause.c). The sentences are our
 * own. */
#include "testutil.h"

TEST_CODER_FIXTURE

/* "New England" is a region of the United States, not England. */
static void country_word_inside_a_place_name_is_no_actor(void **state)
{
  (void)state;
  if (!ctx->gaz)
    skip(); /* the gazetteer finds the place names */
  events_are("New England officials accused Kenya of dumping.", "");
  events_are("British Columbia officials accused Kenya of dumping.", "");
  /* the whole name is still read where it is listed */
  events_are("New Zealand accused Kenya of dumping.", "NZL 112 KEN");
}

/* A place of the country itself keeps its country: "Western" is no bloc
 * there, but "Australia" still names Australia. */
static void place_of_the_same_country_keeps_it(void **state)
{
  (void)state;
  if (!ctx->gaz)
    skip();
  events_are("Western Australia accused Kenya of dumping.", "AUS 112 KEN");
}

static void for_to_infinitive_is_no_act_of_its_subject(void **state)
{
  (void)state;
  events_are("Analysts say the only way out is for Kenya to join forces "
             "with Uganda.",
             "");
  events_are("It is time for Kenya and Uganda to sign a trade accord.", "");
  /* a request that governs it is still the request */
  events_are("Tanzania urged Kenya to withdraw its troops.", "TZA 0256 KEN");
}

/* "Electronic Mail Corp of America ... It ... resigned": the firm's "it"
 * is not the United States. */
static void firms_it_is_not_the_country_in_its_name(void **state)
{
  (void)state;
  events_are("Acme Widget Corp of America completed its financing.\n\n"
             "It also announced its president resigned last Friday.",
             "");
}

/* Bare plural people words are people not named before: "agriculture
 * ministers" are not the last two leaders named; "the two leaders" are. */
static void only_a_definite_plural_points_back(void **state)
{
  (void)state;
  test_events_on(ctx,
                 "Daniel arap Moi met Yoweri Museveni in Nairobi. "
                 "Ministers accused Tanzania of dumping.",
                 19870401, "KENGOV 040 UGAGOV");
  test_events_on(ctx,
                 "Daniel arap Moi met Yoweri Museveni in Nairobi. The two "
                 "leaders accused Tanzania of dumping.",
                 19870401,
                 "KENGOV 040 UGAGOV; UGAGOV 112 TZA; KENGOV 112 TZA");
}

/* Several sources whose object is a party they acted on did not act on
 * each other. */
static void list_of_sources_with_a_party_object_is_no_mutual_act(void **state)
{
  (void)state;
  events_are("Kenyan, Ugandan and Tanzanian officials had informed the "
             "committee that traders intended to sell sugar.",
             "");
  events_are("Kenya and Uganda informed Acme Corp of the plan.", "");
  /* with no object they did */
  events_are("Kenya and Uganda signed an agreement.",
             "KEN 057 UGA; UGA 057 KEN");
}

/* "along with X": X does the same, it is no target. */
static void along_with_names_a_co_actor(void **state)
{
  (void)state;
  events_are("Kenya supports a tax on oils which Uganda opposes, along "
             "with Tanzania and Rwanda.",
             "");
}

/* "agreed to settle differences over control of the East African
 * Development Bank (EADB)": the bracketed acronym hangs on "control",
 * and is no target of the agreement. */
static void bracketed_acronym_hangs_where_its_name_hangs(void **state)
{
  (void)state;
  events_are("Kenya and Uganda agreed to set aside differences over "
             "control of the African Development Bank (AfDB).",
             "KEN 030 UGA; UGA 030 KEN");
}

/* "supplied 90 pct of Uganda's needs, with Kenya shipping 2,000 tonnes":
 * the absolute "with X doing" is no object of "supply ... with". */
static void absolute_with_is_no_pattern_object(void **state)
{
  (void)state;
  events_are("East African producer countries supplied 90 pct of Rwandan "
             "requirements, with Kenya shipping 2,000 tonnes and Uganda "
             "1,500 tonnes.",
             "");
}

/* "said in Nairobi yesterday that ...": the that-clause is what was said,
 * not a relative clause on the place, whose "object" it would take. */
static void that_after_a_speech_verbs_pp_is_its_complement(void **state)
{
  (void)state;
  events_are("The Kenyan foreign minister said in Nairobi yesterday that "
             "Uganda had promised that the border would stay open.",
             "");
}

/* "..., but Italy and Belgium seem to": a later clause's subject is no
 * target of the first clause's verb. */
static void subject_after_but_is_no_target(void **state)
{
  (void)state;
  events_are("Kenya and Uganda oppose the tax, but Rwanda and Burundi seem "
             "to have taken a hard line.",
             "");
}

/* "prices as announced by the ministry": the passive "as" aside names no
 * one the act was done to. */
static void as_passive_aside_has_no_target(void **state)
{
  (void)state;
  events_are("Kenyan officials said coffee prices as announced by the "
             "Ugandan government were unchanged.",
             "");
}

/* A country's own actor praising the bare country endorses no one. */
static void praise_of_the_own_country_is_void(void **state)
{
  (void)state;
  events_are("The shilling eased, showing limited response to the Kenyan "
             "president's endorsement of efforts for Kenya/Uganda free "
             "trade.",
             "");
}

/* Sanctions named by a noun are the state's, not its army's. */
static void sanctions_noun_is_not_military(void **state)
{
  (void)state;
  events_are("Traders revised forecasts after news of pending Kenyan trade "
             "sanctions against Uganda.",
             "KEN 163 UGA");
}

/* "declared ineligible last year by the IMF": the by-agent right after
 * the verb is no target; "a demand by X" (after a noun) still names whose
 * the demand is. */
static void by_agent_right_after_the_verb_is_no_target(void **state)
{
  (void)state;
  events_are("Tanzania, unable to service its debts and declared "
             "ineligible last year by the International Monetary Fund for "
             "fresh loans, has been servicing only some creditors.",
             "");
  events_are("Tanzania rejected a demand by Kenya for a devaluation.",
             "TZA 120 KEN");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(country_word_inside_a_place_name_is_no_actor),
      cmocka_unit_test(place_of_the_same_country_keeps_it),
      cmocka_unit_test(for_to_infinitive_is_no_act_of_its_subject),
      cmocka_unit_test(firms_it_is_not_the_country_in_its_name),
      cmocka_unit_test(only_a_definite_plural_points_back),
      cmocka_unit_test(list_of_sources_with_a_party_object_is_no_mutual_act),
      cmocka_unit_test(along_with_names_a_co_actor),
      cmocka_unit_test(bracketed_acronym_hangs_where_its_name_hangs),
      cmocka_unit_test(absolute_with_is_no_pattern_object),
      cmocka_unit_test(that_after_a_speech_verbs_pp_is_its_complement),
      cmocka_unit_test(subject_after_but_is_no_target),
      cmocka_unit_test(as_passive_aside_has_no_target),
      cmocka_unit_test(praise_of_the_own_country_is_void),
      cmocka_unit_test(sanctions_noun_is_not_military),
      cmocka_unit_test(by_agent_right_after_the_verb_is_no_target),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
