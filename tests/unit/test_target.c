/* test_target.c: who an act is done to (code/coder.c default_target):
 * not the subject of another clause, not a capital named as a place,
 * not a noun's owner inside a cooperative infinitive. The sentences are
 * our own. */
#include "testutil.h"

#include <stdio.h>

TEST_CODER_FIXTURE

static void speaker_is_not_the_target(void **state)
{
  (void)state;
  events_are("Kenya and Uganda signed a trade accord, the Kenyan foreign "
             "ministry said.",
             "KEN 057 UGA; UGA 057 KEN");
}

static void subject_of_an_absolute_clause_is_not_the_target(void **state)
{
  (void)state;
  events_are("Kenya agreed to buy maize, with Uganda buying wheat.", "");
}

static void owner_of_a_topic_is_not_a_party(void **state)
{
  (void)state;
  events_are("Britain and Japan agreed to operate more flights over "
             "Siberia.",
             "GBR 030 JPN; JPN 030 GBR");
}

/* data/actors/not-actors.txt: a round of trade talks named after a place
 * is not that place's country */
static void round_of_trade_talks_is_no_actor(void **state)
{
  (void)state;
  events_are("Japan criticised Uruguay.", "JPN 111 URY");
  events_are("Japan criticised the Uruguay Round.", "");
  events_are("Kenya criticised the Tokyo Round of trade talks.", "");
}

static void count_glued_after_a_noun_is_not_its_head(void **state)
{
  (void)state;
  events_are("Kenya offered to hand over to the Arab country three of its "
             "citizens.",
             "KEN 030 ARB");
}

static void it_is_not_a_plural_actor(void **state)
{
  (void)state;
  events_are("The ministry said all Kenyan firms had paid the levy. It "
             "criticized Uganda.",
             "");
}

static void country_hosting_its_own_people_is_void(void **state)
{
  (void)state;
  events_are("Kenyan union leaders are touring the country.", "");
}

/* The events of text dated date (YYYYMMDD), as for events_are. */
static void events_on(const char *text, dyad_date date, const char *want)
{
  test_events_on(ctx, text, date, want);
}

static void name_long_before_a_career_is_no_actor(void **state)
{
  (void)state;
  /* data/actors: Bennett's first office is in 2021 */
  events_on("Bennett criticized Kenya.", 19870319, "");
  events_on("Bennett criticized Kenya.", 20220110, "ISRGOV 111 KEN");
}

static void capital_named_as_a_place_is_not_the_target(void **state)
{
  (void)state;
  events_are("Kenya rejected the quota set in Vienna.", "");
}

static void region_named_as_a_place_is_not_the_target(void **state)
{
  (void)state;
  /* the owner of the thing hit, not the sea it lay in */
  events_are("Kenyan police seized a Ugandan truck in Africa.",
             "KENCOP 171 UGA");
  events_are("Kenyan troops destroyed a Ugandan camp in the Gulf.",
             "KENMIL 1712 UGA");
  /* a country there is hit */
  events_are("Kenyan troops shelled positions in Uganda.", "KENMIL 194 UGA");
}

static void appositive_description_keeps_its_actor(void **state)
{
  (void)state;
  events_are("Kenya, the only African country in the group, criticized "
             "Uganda.",
             "KEN 111 UGA");
  /* a list is no apposition */
  events_are("Kenya, the United States and Britain criticized Uganda.",
             "KEN 111 UGA; USA 111 UGA; GBR 111 UGA");
}

/* a trade total for an earlier year is a statistic, not a deal */
static void trade_in_an_earlier_year_is_a_statistic(void **state)
{
  (void)state;
  events_on("Kenya sold 20,000 tonnes of tea to Egypt on Monday.", 19870319,
            "KEN 061 EGY");
  events_on("Kenya exported 20,000 tonnes of tea to Egypt in 1986.",
            19870319, "");
  events_on("Kenya exported 20,000 tonnes of tea to Egypt last year.",
            19870319, "");
}

static void event_years_before_the_article_is_background(void **state)
{
  (void)state;
  events_on("Kenya expelled Ugandan diplomats in 1979.", 19870319, "");
  events_on("Kenya expelled Ugandan diplomats last year.", 19870319,
            "KEN 161 UGAGOV");
  events_on("Kenya expelled Ugandan diplomats in 1986.", 19870319,
            "KEN 161 UGAGOV");
  /* a material act in a later year has not happened; an appeal for
   * then is made now */
  events_on("The accord lapses when Kenya withdraws its troops from Uganda "
            "in 1989.", 19870319, "");
  events_on("The accord lapses when Kenya withdraws its troops from "
            "Uganda.", 19870319, "KEN 0874 UGA");
  events_on("Kenya called on Uganda to hold elections in 1989.", 19870319,
            "KEN 0244 UGA");
  /* "since": a period that runs to the article's day */
  events_on("Kenya has given aid to Uganda since 1979.", 19870319,
            "KEN 070 UGA");
}

static void pattern_word_past_a_complement_verb_is_not_the_verbs(void **state)
{
  (void)state;
  /* "stop in" is a visit; "stopped selling maize in" is not */
  events_are("Kenya stopped selling maize in Uganda.", "");
  events_are("The Kenyan president will stop in Uganda.", "KENGOV 036 UGA");
  /* an adjective-like participle does not end the pattern */
  events_are("Kenya lifted remaining curbs on Uganda.", "KEN 081 UGA");
}

static void strike_by_labour_is_a_labour_strike(void **state)
{
  (void)state;
  events_are("Kenyan unions launched strikes in Nairobi.", "KENLAB 143 ---");
  events_are("Kenyan troops launched strikes on Uganda.", "KENMIL 190 UGA");
}

static void charging_a_state_is_an_accusation(void **state)
{
  (void)state;
  events_are("Kenya charged Uganda with violating the border accord.",
             "KEN 112 UGA");
  events_are("Kenyan police charged two Ugandans with smuggling.",
             "KENCOP 173 UGA");
}

static void tensed_verb_after_infinitives_goes_on_with_their_clause(void **state)
{
  (void)state;
  events_are("Kenya said it would not allow Uganda to use the port and has "
             "accused Somalia of aiding rebels.",
             "KEN 112 SOM");
}

static void possessive_names_its_clause_subject(void **state)
{
  (void)state;
  events_are("Kenya trailed Uganda in urging its businessmen to "
             "invest abroad.",
             "KEN 020 KENBUS");
  /* an object before it is as likely: the last actor named */
  events_are("Kenya warned Uganda and criticised its army.",
             "KEN 130 UGA; KEN 111 UGAMIL");
}

static void linking_a_thing_blames_no_one(void **state)
{
  (void)state;
  events_are("Kenya linked an increase in its aid to Uganda to economic "
             "reforms.",
             "KEN 070 UGA");
  events_are("Kenya linked Uganda to the bombing.", "KEN 112 UGA");
}

static void partner_named_by_no_actor_keeps_sources_apart(void **state)
{
  (void)state;
  events_are("Kenya and Uganda signed an agreement with commercial banks.",
             "");
  events_are("Kenya and Uganda signed an agreement.",
             "KEN 057 UGA; UGA 057 KEN");
}

static void possessive_in_a_coordination_names_the_member_before(void **state)
{
  (void)state;
  events_are("Moi spoke. Museveni and his party reached an accord with "
             "Kenya.",
             "UGAGOV 057 KEN; UGAPTY 057 KEN");
}

static void pronoun_subject_of_a_that_clause_names_its_governor(void **state)
{
  (void)state;
  events_are("Kenya said that after talks with Uganda, it will sign a trade "
             "accord with Tanzania.",
             "KEN 032 TZA");
}

static void who_after_a_list_names_its_only_name(void **state)
{
  (void)state;
  events_are("The talks were separate from discussions between Kenyan "
             "officials and Ugandan minister Amama Mbabazi, who left Nairobi "
             "yesterday for Tanzania.",
             "UGAGOV 042 TZA; TZA 043 UGAGOV");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(speaker_is_not_the_target),
      cmocka_unit_test(subject_of_an_absolute_clause_is_not_the_target),
      cmocka_unit_test(owner_of_a_topic_is_not_a_party),
      cmocka_unit_test(capital_named_as_a_place_is_not_the_target),
      cmocka_unit_test(region_named_as_a_place_is_not_the_target),
      cmocka_unit_test(appositive_description_keeps_its_actor),
      cmocka_unit_test(event_years_before_the_article_is_background),
      cmocka_unit_test(pattern_word_past_a_complement_verb_is_not_the_verbs),
      cmocka_unit_test(strike_by_labour_is_a_labour_strike),
      cmocka_unit_test(charging_a_state_is_an_accusation),
      cmocka_unit_test(name_long_before_a_career_is_no_actor),
      cmocka_unit_test(count_glued_after_a_noun_is_not_its_head),
      cmocka_unit_test(round_of_trade_talks_is_no_actor),
      cmocka_unit_test(trade_in_an_earlier_year_is_a_statistic),
      cmocka_unit_test(it_is_not_a_plural_actor),
      cmocka_unit_test(country_hosting_its_own_people_is_void),
      cmocka_unit_test(tensed_verb_after_infinitives_goes_on_with_their_clause),
      cmocka_unit_test(possessive_names_its_clause_subject),
      cmocka_unit_test(linking_a_thing_blames_no_one),
      cmocka_unit_test(partner_named_by_no_actor_keeps_sources_apart),
      cmocka_unit_test(possessive_in_a_coordination_names_the_member_before),
      cmocka_unit_test(pronoun_subject_of_a_that_clause_names_its_governor),
      cmocka_unit_test(who_after_a_list_names_its_only_name),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
