/* test_source.c: who does an act, and which (code/coder.c, actor.c): a
 * passive's by-agent past a chain of prepositional phrases, a name with
 * its apposition, an agent based in a country, a second accused; what a
 * demand asks for or an accusation alleges is no act of its own, and
 * readying force is a show of it. The sentences are our own. */
#include "testutil.h"

#include <stdio.h>

TEST_CODER_FIXTURE

static void by_agent_past_a_chain_of_phrases(void **state)
{
  (void)state;
  events_are("A Kenyan soldier was killed in an ambush on an army convoy "
             "by Somali militants.",
             "SOMREB 190 KENMIL");
  /* with an object the by-phrase far on belongs to a noun, not the verb */
  events_are("A blast killed two people and wounded about forty during "
             "preparations for a visit by the Kenyan president.",
             "");
}

static void demanded_act_is_no_act(void **state)
{
  (void)state;
  events_are("Amnesty International demanded that the Kenyan government "
             "end curbs on the press.",
             "NGOHRIAMN 100 KENGOV");
  events_are("Britain urged that the Kenyan government take action "
             "against Somalia.",
             "GBR 020 KENGOV");
}

/* The text of the events' sources, joined by "; ". */
static void sources_are(const char *text, const char *want)
{
  test_events_join(ctx, text, 20230322, 1, want);
}

static void unlisted_name_acts_through_its_apposition(void **state)
{
  (void)state;
  events_are("Salim Wekesa, Kenya's leading human rights activist, "
             "criticized the Kenyan police.",
             "KENHRI 111 KENCOP");
  sources_are("Salim Wekesa, Kenya's leading human rights activist, "
              "criticized the Kenyan police.",
              "Salim Wekesa, Kenya's leading human rights activist");
}

static void description_before_the_name_is_part_of_the_source(void **state)
{
  (void)state;
  sources_are("Kenya's president, William Ruto, criticized Uganda.",
              "Kenya's president, William Ruto");
  /* a date before the name describes nobody */
  sources_are("Last month, William Ruto criticized Uganda.",
              "William Ruto");
}

static void more_name_words_after_a_listed_name(void **state)
{
  (void)state;
  events_are("Sheikh Tamim bin Hamad al-Thani criticized Bahrain.",
             "QATGOV 111 BHR");
}

static void agent_based_in_a_country_is_of_that_country(void **state)
{
  (void)state;
  events_are("A newspaper based in Nairobi criticized the Ugandan army.",
             "KENMED 111 UGAMIL");
  events_are("Rebels based in Sudan attacked Chad.", "SDNREB 190 TCD");
  /* only right after the phrase: "in Sudan" here is where they attacked */
  events_are("Rebels attacked Chad in Sudan.", "");
}

static void second_object_with_its_own_of_gerund(void **state)
{
  (void)state;
  events_are("Kenya accused Uganda of arming rebels and Sudan of "
             "sheltering them.",
             "KEN 1123 UGA; KEN 1123 SDN");
}

static void what_is_alleged_is_no_event(void **state)
{
  (void)state;
  events_are("Kenya accused Uganda of shelling Nairobi.", "KEN 1123 UGA");
}

static void force_being_readied_is_a_show_of_force(void **state)
{
  (void)state;
  events_are("Kenyan troops are preparing to attack Somali rebels.",
             "KENMIL 150 SOMREB");
  /* said, it is a threat */
  events_are("Kenya threatened to attack Somali rebels.",
             "KEN 1384 SOMREB; KEN 138 SOMREB");
}

static void will_not_yield_is_a_refusal(void **state)
{
  (void)state;
  events_are("Kenya will not lift sanctions on Uganda.", "KEN 1244 UGA");
  events_are("Kenyan teachers will not end the strike.",
             "KENEDU 1242 ---");
  events_are("Kenyan teachers ended their strike.", "KENEDU 082 ---");
  /* a government does not end its own protest */
  events_are("Kenya ended the strike.", "");
  /* a past act that did not happen is no refusal */
  events_are("Kenyan teachers did not end their strike.", "");
}

static void act_on_its_own_country_keeps_its_source(void **state)
{
  (void)state;
  /* a demand for reform at home stands alone; a statement about home is
   * void */
  events_are("Kenyan intellectuals demanded political change in Kenya.",
             "KENEDU 104 ---");
  events_are("Kenyan officials criticized Kenya.", "");
}

static void rebels_surrender_alone(void **state)
{
  (void)state;
  events_are("Ugandan rebels surrendered last week.", "UGAREB 0874 ---");
  /* a withdrawal of no armed group needs whom it leaves */
  events_are("Kenya withdrew from the talks.", "");
}

static void demand_about_a_party_named_in_its_that_clause(void **state)
{
  (void)state;
  events_are("Kenyan activists demanded that control of the port be taken "
             "away from Ugandan officials.",
             "KENOPP 100 UGAGOV");
  /* not an actor the clause names in passing ("director of X") */
  events_are("Kenyan activists demanded that the name of the Ugandan "
             "minister be withdrawn.",
             "KENOPP 106 ---");
}

static void act_joined_to_an_asked_infinitive_is_asked_too(void **state)
{
  (void)state;
  /* (no UGA 113 SDN: Kenya's call to rally is Kenya's own 113) */
  events_are("Kenya called on Uganda to unite and mobilize against Sudan.",
             "KEN 113 SDN");
  /* a done act joined by "and" stays */
  events_are("Kenya decided to attack Somalia and bombed Mogadishu.",
             "KEN 138 SOM; KEN 195 SOMGOV");
}

static void ceasefire_violation_stands_alone(void **state)
{
  (void)state;
  events_are("Somali rebels violated the ceasefire.", "SOMREB 196 ---");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(by_agent_past_a_chain_of_phrases),
      cmocka_unit_test(demanded_act_is_no_act),
      cmocka_unit_test(unlisted_name_acts_through_its_apposition),
      cmocka_unit_test(description_before_the_name_is_part_of_the_source),
      cmocka_unit_test(more_name_words_after_a_listed_name),
      cmocka_unit_test(agent_based_in_a_country_is_of_that_country),
      cmocka_unit_test(second_object_with_its_own_of_gerund),
      cmocka_unit_test(what_is_alleged_is_no_event),
      cmocka_unit_test(force_being_readied_is_a_show_of_force),
      cmocka_unit_test(will_not_yield_is_a_refusal),
      cmocka_unit_test(act_on_its_own_country_keeps_its_source),
      cmocka_unit_test(rebels_surrender_alone),
      cmocka_unit_test(demand_about_a_party_named_in_its_that_clause),
      cmocka_unit_test(act_joined_to_an_asked_infinitive_is_asked_too),
      cmocka_unit_test(ceasefire_violation_stands_alone),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
