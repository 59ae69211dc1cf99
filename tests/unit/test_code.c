/* test_code.c: the event coder (code/coder.c, actor.c, request.c) with the
 * default dictionaries, one mechanism per case. The sentences are our
 * own. */
#include "testutil.h"

#include <stdio.h>

/* request.c (internal, linked from libdyad.a) */
int dyad__request_code(const char *req, const char *act, char out[8]);
int dyad__code_mutual(const char *code);

TEST_CODER_FIXTURE

static void request_maps_act_onto_appeal(void **state)
{
  (void)state;
  char out[8];
  assert_true(dyad__request_code("020", "0841", out));
  assert_string_equal(out, "0253"); /* release -> appeal to free people */
  assert_true(dyad__request_code("020", "046", out));
  assert_string_equal(out, "026"); /* negotiate -> appeal to meet */
  assert_true(dyad__request_code("020", "0332", out));
  assert_string_equal(out, "0232"); /* intent of military aid */
  assert_false(dyad__request_code("020", "190", out)); /* no such appeal */
}

static void request_maps_act_onto_demand(void **state)
{
  (void)state;
  char out[8];
  assert_true(dyad__request_code("100", "0874", out));
  assert_string_equal(out, "106"); /* withdrawal */
  assert_true(dyad__request_code("100", "0871", out));
  assert_string_equal(out, "107"); /* ceasefire */
  assert_true(dyad__request_code("100", "040", out));
  assert_string_equal(out, "108"); /* talks */
  assert_true(dyad__request_code("100", "0841", out));
  assert_string_equal(out, "1053");
}

static void mutual_codes(void **state)
{
  (void)state;
  assert_true(dyad__code_mutual("040"));
  assert_true(dyad__code_mutual("057"));
  assert_false(dyad__code_mutual("051"));
  assert_false(dyad__code_mutual("190"));
}

static void appeal_takes_the_complement_verb(void **state)
{
  (void)state;
  events_are("Japan pressed Russia to hand back the islands.",
             "JPN 0253 RUS");
}

static void appeal_takes_the_event_noun(void **state)
{
  (void)state;
  events_are("Kenya called for the withdrawal of Ugandan troops.",
             "KEN 0256 UGAMIL");
  events_are("Kenya demanded the pullout of Ugandan troops.",
             "KEN 106 UGAMIL");
}

static void title_gives_the_office(void **state)
{
  (void)state;
  /* out of office on the article's date, but the article says the title */
  events_are("Israeli Prime Minister Yitzhak Shamir criticised Egypt.",
             "ISRGOV 111 EGY");
  events_are("Former Israeli Prime Minister Yitzhak Shamir criticised Egypt.",
             "ISR 111 EGY");
}

static void compound_subject_acts_on_each_other_only_when_mutual(void **state)
{
  (void)state;
  events_are("Iran and Iraq attacked the tanker.", "");
  events_are("Iran and Iraq clashed.", "IRN 190 IRQ; IRQ 190 IRN");
  events_are("Italy and Greece praised the plan.", "");
}

static void quantity_head_takes_its_of_phrase(void **state)
{
  (void)state;
  events_are("Hundreds of Turks protested against Sweden.", "TUR 140 SWE");
}

static void it_after_a_subject_that_is_no_actor(void **state)
{
  (void)state;
  events_are("Japan criticised Pakistan. The bank said it had expressed "
             "concern at the budget.",
             "JPN 111 PAK");
}

static void possessor_of_the_object_is_the_target(void **state)
{
  (void)state;
  events_are("Portugal supported Turkey's bid.", "PRT 051 TUR");
  events_are("Egypt said it had expressed grave concern at Libya's policy.",
             "EGY 012 LBY");
}

static void nationality_of_what_is_hit(void **state)
{
  (void)state;
  events_are("Israeli army bulldozers demolished Palestinian shops.",
             "ISRMIL 1712 PSE");
}

static void led_country_owns_the_force(void **state)
{
  (void)state;
  events_are("Saudi-led forces attacked Yemen.", "SAUMIL 190 YEM");
  events_are("US-led forces shelled Iraqi positions.", "USAMIL 194 IRQ");
}

static void possessor_in_a_purpose_infinitive(void **state)
{
  (void)state;
  events_are("Kenyan students blocked a road to protest Uganda's decision.",
             "KENEDU 144 UGA; KENEDU 140 UGA");
}

static void object_naming_no_actor_yields_to_the_preposition(void **state)
{
  (void)state;
  events_are("Kenyan police seized weapons from Somali militants.",
             "KENCOP 171 SOMREB");
}

static void adverb_before_the_verb_refines_it(void **state)
{
  (void)state;
  events_are("Kenyan police sexually abused Somali refugees.",
             "KENCOP 1821 SOMREF");
}

static void must_in_a_statement_is_a_demand(void **state)
{
  (void)state;
  events_are("Britain said Japan must release the detained sailors.",
             "GBR 1053 JPN");
  events_are("Britain said Japan would have to release the detained sailors.",
             "");
}

static void place_of_a_meeting_is_not_its_partner(void **state)
{
  (void)state;
  events_are("Japan held talks with China in Paris.", "JPN 040 CHN");
}

static void own_country_as_target_of_a_statement_is_void(void **state)
{
  (void)state;
  /* a verbal act of a country's own actor on the bare country is a
   * self-reference; a material domestic act stays */
  events_are("The Kenyan foreign minister warned that Kenya would close "
             "its border.",
             "");
  events_are("Kenyan police arrested Somali traders.", "KENCOP 173 SOM");
}

static void act_that_stands_alone_has_no_target(void **state)
{
  (void)state;
  /* protests, concessions and specific demands are events with their
   * source alone; a statement or a bare demand is not */
  events_are("Kenyan teachers went on strike.", "KENEDU 143 ---");
  events_are("The Kenyan opposition demanded early elections.",
             "KENOPP 1044 ---");
  events_are("Kenyan nurses staged a hunger strike.", "KENHLH 142 ---");
  events_are("Kenyan nurses stayed home from work.", "KENHLH 143 ---");
  events_are("The Kenyan opposition praised the plan.", "");
  events_are("Japan made a demand.", "");
}

static void protest_alone_needs_people(void **state)
{
  (void)state;
  /* with no one protested against, only people and their organisations
   * protest: a country, government or central bank "joining",
   * "demonstrating" or "rallying" is another sense of the verb */
  events_are("Kenyan farmers marched through the capital.",
             "KENAGR 141 ---");
  events_are("Kenya is joining the bank next year.", "");
  events_are("The Kenyan government demonstrated its resolve.", "");
  /* a curfew or emergency stands alone, other restrictions need a target */
  events_are("Kenya declared a state of emergency.", "KEN 1724 ---");
  events_are("The Kenyan government suspended talks.", "");
}

static void in_protest_of_names_the_target(void **state)
{
  (void)state;
  events_are("Algerian refugees went on hunger strike in protest of Spanish "
             "officials' plan to deport them.",
             "DZAREF 142 ESPGOV");
  events_are("Kenyan nurses walked out in protest at the policies of the "
             "Ugandan government.",
             "KENHLH 143 UGAGOV");
}

static void announced_appeal_is_an_appeal(void **state)
{
  (void)state;
  events_are("Peru will ask Japan for aid.", "PER 023 JPN");
  events_are("Peru may ask Japan for aid.", "");
}

static void attempted_violence_is_the_act(void **state)
{
  (void)state;
  events_are("North Korea tried to hack into the laptops of Japanese "
             "officers.",
             "PRK 170 JPNMIL");
}

static void parties_agree_or_fail_together(void **state)
{
  (void)state;
  events_are("Peru and Chile agreed to a ceasefire.",
             "PER 0356 CHL; CHL 0356 PER");
  events_are("Peru and Chile failed to reach a deal on the border.",
             "PER 164 CHL; CHL 164 PER");
}

static void pressure_to_act_is_a_demand(void **state)
{
  (void)state;
  events_are("Iranian authorities pressured Iraqi workers to cancel the "
             "strike.",
             "IRNGOV 1052 IRQLAB");
}

static void speaker_of_a_report_is_no_target(void **state)
{
  (void)state;
  events_are("Kenya rejected the proposal, the official Ugandan news agency "
             "said.",
             "");
}

static void people_named_by_their_trade(void **state)
{
  (void)state;
  events_are("A Saudi businessman sued the United States.", "SAUBUS 115 USA");
  events_are("Sunnis protested against Shiite parties.", "MOSSUN 140 MOSPTY");
  events_are("Islamic militants attacked Kenyan troops.", "MOSREB 190 KENMIL");
}

static void capital_with_an_agent_is_the_country_s_agent(void **state)
{
  (void)state;
  events_are("Moscow police arrested Kenyan students.", "RUSCOP 173 KENEDU");
}

static void slot_reaches_past_the_of_phrase(void **state)
{
  (void)state;
  events_are("Peru urged the leaders of Chile to release the prisoners.",
             "PER 0253 CHLGOV");
  events_are("Iranian authorities pressured workers of the Tehran bus "
             "company (TBC) to cancel the strike.",
             "IRNGOV 1052 IRNBUS");
}

static void forcing_people_from_their_homes_is_expulsion(void **state)
{
  (void)state;
  events_are("The Kenyan army forced out on Monday 300 Somali refugees from "
             "their homes.",
             "KENMIL 201 SOMREF");
}

static void source_span_covers_a_name_past_the_phrase(void **state)
{
  (void)state;
  const char *text = "The Republic of Slovenia criticised Austria.";
  dyad_doc *doc = test_doc(ctx, text, DYAD_STAGE_ALL);
  size_t n;
  const dyad_event *ev = dyad_doc_events(doc, &n);
  assert_int_equal(n, 1);
  assert_string_equal(ev[0].source, "SVN");
  char got[64];
  snprintf(got, sizeof(got), "%.*s", (int)ev[0].source_span.len,
           text + ev[0].source_span.off);
  assert_string_equal(got, "Republic of Slovenia");
  dyad_doc_free(doc);
}

static void purpose_of_sending_is_the_sender_s_act(void **state)
{
  (void)state;
  events_are("Japan sent a team to Iraq to inspect the site.", "JPN 090 IRQ");
  events_are("Japan will send a team to Iraq to inspect the site.", "");
}

static void aid_to_a_force_in_a_country_is_aid_to_it(void **state)
{
  (void)state;
  events_are("France is ready to contribute troops to a multinational "
             "peacekeeping force in Bosnia.",
             "FRA 0334 BIH");
}

static void the_gulf_is_a_sea_not_an_actor(void **state)
{
  (void)state;
  events_are("Italy has sent eight frigates to the Gulf.", "");
  events_are("The Gulf states criticised Iran.", "PGS 111 IRN");
}

static void bracket_after_a_pronoun_names_its_actor(void **state)
{
  (void)state;
  events_are("Iran attacked a tanker. They (the Kuwaitis) have asked "
             "Britain for help.",
             "KWT 023 GBR");
}

static void coordinated_apposition_renames_the_subject(void **state)
{
  (void)state;
  /* the people the kidnappers hold are not the kidnappers */
  events_are("Kidnappers of four professors, three Americans and one "
             "Indian, offered to free a hostage.",
             "");
  events_are("The two neighbours, Kenya and Uganda, signed a trade accord.",
             "KEN 057 UGA; UGA 057 KEN");
}

static void another_verbs_particle_is_no_pattern_word(void **state)
{
  (void)state;
  /* "down" is hold's: no "step down" */
  events_are("The Kenyan finance minister stepped into the talks to hold "
             "down prices.",
             "");
  events_are("The Kenyan finance minister stepped down on Monday.",
             "KENGOVBUS 0831 ---");
}

static void possible_act_named_by_a_noun_is_no_event(void **state)
{
  (void)state;
  events_are("The Kenyan minister flew to Uganda on Monday, with a "
             "possible visit to Tanzania.",
             "KENGOV 042 UGA; UGA 043 KENGOV");
}

static void passive_agent_is_no_pattern_object(void **state)
{
  (void)state;
  /* the minister dismissed plans, not a minister */
  events_are("The plans were dismissed by the Kenyan minister as "
             "unacceptable.",
             "");
}

static void leaving_office_is_no_yielding(void **state)
{
  (void)state;
  events_are("Savings will grow by the time the Kenyan president leaves "
             "office.",
             "");
}

static void aside_before_the_verb_leaves_its_reach(void **state)
{
  (void)state;
  /* the infinitive after the verb is the appeal's content, though a
   * participle aside stands between subject and verb */
  events_are("Kenya, trying to calm tension at home, has called on Uganda "
             "to open its markets.",
             "KEN 0211 UGA");
}

static void visit_is_paid_to_whom_its_preposition_names(void **state)
{
  (void)state;
  events_are("The OECD called on more vigorous budget policies from Kenya "
             "and Uganda.",
             "");
  events_are("Kenya and Uganda instead call for a crackdown on farm "
             "subsidies.",
             "");
  events_are("The Kenyan minister arrived in Kampala at the head of a "
             "delegation for talks.",
             "KENGOV 042 UGAGOV");
}

static void releasing_loans_is_aid(void **state)
{
  (void)state;
  events_are("The IMF released new loans to Kenya.", "IGOBUSIMF 071 KEN");
}

/* an invitation to tender is business, not an appeal */
static void inviting_bids_is_no_appeal(void **state)
{
  (void)state;
  events_are("Kenya invited Uganda for talks.", "KEN 026 UGA");
  events_are("Kenya invited bids for the loan.", "");
  events_are("Kenya invited tenders by May 2 and the loan is due in June.",
             "");
}

/* what is attacked with words is an idea or a text */
static void attacking_a_proposal_is_criticism(void **state)
{
  (void)state;
  events_are("Kenya attacked Uganda.", "KEN 190 UGA");
  events_are("Kenya attacked budget proposals made by Uganda.",
             "KEN 111 UGA");
}

static void call_on_leading_states_is_an_appeal(void **state)
{
  (void)state;
  events_are("Kenya called on the richest Western nations to set up a commission.",
             "KEN 020 WST");
}

static void a_country_s_provinces_are_the_country(void **state)
{
  (void)state;
  events_are("The African Union halted mediation efforts among Sudan's "
             "feuding provinces.",
             "IGOAFRAFU 165 SDN");
  events_are("Sudanese troops shelled Chad's eastern districts.",
             "SDNMIL 194 TCD");
}

static void rebels_a_state_fights_are_its_own(void **state)
{
  (void)state;
  events_are("Sudanese troops have captured a rebel stronghold after three "
             "days of fighting.",
             "SDNMIL 192 SDNREB");
  events_are("Ugandan soldiers attacked a rebel camp in Congo.",
             "UGAMIL 190 COGREB");
  events_are("Israeli jets attacked Palestinian guerrilla positions.",
             "ISRMIL 190 PSEREB");
  /* gunmen and bombers may be anyone's: still no actor */
  events_are("Sudanese troops captured a bomber stronghold.", "");
}

static void fighting_a_trade_is_no_battle(void **state)
{
  (void)state;
  events_are("Kenyan troops fought Ugandan rebels.",
             "KENMIL 190 UGAREB; UGAREB 190 KENMIL");
  events_are("Kenya will provide 300 mln shillings to help fight Uganda's "
             "cocaine trade.",
             "");
}

static void demonstrating_that_is_showing(void **state)
{
  (void)state;
  events_are("Kenya demonstrated that Uganda will retaliate.", "");
  events_are("Kenyan students demonstrated against Uganda.",
             "KENEDU 141 UGA");
}

/* An end to agitation is an end to political dissent (0252), as an end
 * to unrest is. */
static void end_to_agitation_is_easing_dissent(void **state)
{
  (void)state;
  events_are("Russian bishops appealed to the faithful for an end to "
             "street agitation.",
             "RUSREL 0252 ---");
}

/* A relative clause on the object of a verb of influence does not keep
 * the infinitive after it from the verb ("allow X who ... to return"),
 * nor does a catenative relative verb give it away ("who wanted to"). */
static void infinitive_after_a_relative_clause_is_the_governor_s(void **state)
{
  (void)state;
  events_are("Kenya allowed Somali refugees who had lived in camps near the "
             "border for a decade to return home.",
             "KEN 0833 SOMREF");
  events_are("Kenya allowed Somali refugees who wanted to return home.", "");
}

/* Asking others to rally against X is rallying opposition to X (113),
 * also through a bare verb joined to the infinitive. */
static void call_to_rally_against_is_rallying(void **state)
{
  (void)state;
  events_are("Kenya called on Africans to mobilize against Uganda.",
             "KEN 113 UGA");
  events_are("Kenya urged Africans to organize and unite against Uganda.",
             "KEN 113 UGA");
  events_are("Kenya called on Africans to mobilize.", "KEN 020 AFR");
}

/* The people of a place the gazetteer knows (no actor entry) are of its
 * country; soldiers there are not (often foreign to where they are). */
static void people_in_a_gazetteer_place_are_its_country_s(void **state)
{
  (void)state;
  events_are("Somali gunmen killed ten people in Mombasa.",
             "SOMREB 190 KENCVL");
  events_are("Somali gunmen killed ten soldiers in Mombasa.", "");
}

/* People of no named country hurt by a violent act are of the country
 * where it happened, also where a when-clause names the place. */
static void victims_are_of_the_place_of_the_act(void **state)
{
  (void)state;
  events_are("Somali gunmen killed ten people when they attacked a hotel "
             "in Mombasa.",
             "SOMREB 190 KENCVL");
  events_are("Somali gunmen killed ten people in a hotel.", "");
  events_are("Somali gunmen killed ten soldiers when they attacked a base "
             "in Mombasa.",
             "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(request_maps_act_onto_appeal),
      cmocka_unit_test(request_maps_act_onto_demand),
      cmocka_unit_test(mutual_codes),
      cmocka_unit_test(aid_to_a_force_in_a_country_is_aid_to_it),
      cmocka_unit_test(purpose_of_sending_is_the_sender_s_act),
      cmocka_unit_test(source_span_covers_a_name_past_the_phrase),
      cmocka_unit_test(capital_with_an_agent_is_the_country_s_agent),
      cmocka_unit_test(slot_reaches_past_the_of_phrase),
      cmocka_unit_test(forcing_people_from_their_homes_is_expulsion),
      cmocka_unit_test(speaker_of_a_report_is_no_target),
      cmocka_unit_test(people_named_by_their_trade),
      cmocka_unit_test(announced_appeal_is_an_appeal),
      cmocka_unit_test(attempted_violence_is_the_act),
      cmocka_unit_test(parties_agree_or_fail_together),
      cmocka_unit_test(pressure_to_act_is_a_demand),
      cmocka_unit_test(in_protest_of_names_the_target),
      cmocka_unit_test(act_that_stands_alone_has_no_target),
      cmocka_unit_test(protest_alone_needs_people),
      cmocka_unit_test(appeal_takes_the_complement_verb),
      cmocka_unit_test(appeal_takes_the_event_noun),
      cmocka_unit_test(title_gives_the_office),
      cmocka_unit_test(compound_subject_acts_on_each_other_only_when_mutual),
      cmocka_unit_test(quantity_head_takes_its_of_phrase),
      cmocka_unit_test(it_after_a_subject_that_is_no_actor),
      cmocka_unit_test(possessor_of_the_object_is_the_target),
      cmocka_unit_test(nationality_of_what_is_hit),
      cmocka_unit_test(led_country_owns_the_force),
      cmocka_unit_test(possessor_in_a_purpose_infinitive),
      cmocka_unit_test(object_naming_no_actor_yields_to_the_preposition),
      cmocka_unit_test(adverb_before_the_verb_refines_it),
      cmocka_unit_test(must_in_a_statement_is_a_demand),
      cmocka_unit_test(place_of_a_meeting_is_not_its_partner),
      cmocka_unit_test(own_country_as_target_of_a_statement_is_void),
      cmocka_unit_test(the_gulf_is_a_sea_not_an_actor),
      cmocka_unit_test(bracket_after_a_pronoun_names_its_actor),
      cmocka_unit_test(coordinated_apposition_renames_the_subject),
      cmocka_unit_test(another_verbs_particle_is_no_pattern_word),
      cmocka_unit_test(possible_act_named_by_a_noun_is_no_event),
      cmocka_unit_test(passive_agent_is_no_pattern_object),
      cmocka_unit_test(leaving_office_is_no_yielding),
      cmocka_unit_test(aside_before_the_verb_leaves_its_reach),
      cmocka_unit_test(visit_is_paid_to_whom_its_preposition_names),
      cmocka_unit_test(releasing_loans_is_aid),
      cmocka_unit_test(demonstrating_that_is_showing),
      cmocka_unit_test(end_to_agitation_is_easing_dissent),
      cmocka_unit_test(infinitive_after_a_relative_clause_is_the_governor_s),
      cmocka_unit_test(call_to_rally_against_is_rallying),
      cmocka_unit_test(people_in_a_gazetteer_place_are_its_country_s),
      cmocka_unit_test(victims_are_of_the_place_of_the_act),
      cmocka_unit_test(inviting_bids_is_no_appeal),
      cmocka_unit_test(attacking_a_proposal_is_criticism),
      cmocka_unit_test(call_on_leading_states_is_an_appeal),
      cmocka_unit_test(fighting_a_trade_is_no_battle),
      cmocka_unit_test(rebels_a_state_fights_are_its_own),
      cmocka_unit_test(a_country_s_provinces_are_the_country),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
