/* test_tagger.c: Penn tags on typical news sentences (our own sentences). */
#include "tagtest.h"

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

/* Tags text and compares the whole tag sequence. */
static void expect(const char *text, const char *tags)
{
  char buf[512];
  dyad_doc *doc = tag_words(ctx, text);
  const char *got = tags_of(doc, buf, sizeof(buf));
  if (strcmp(got, tags) != 0)
    fail_msg("%s\n  want %s\n  got  %s", text, tags, got);
  dyad_doc_free(doc);
}

static void indefinite_article_makes_the_head_a_noun(void **state)
{
  (void)state;
  expect("Rebels fired on a police patrol near the border .",
         "NNS VBD IN DT NNS NN IN DT NN .");
}

static void subjunctive_after_a_verb_of_demanding(void **state)
{
  (void)state;
  expect("The union demanded that the company end cuts in pay .",
         "DT NN VBD IN DT NN VB NNS IN NN .");
  /* no demand, no subjunctive: "end" stays a noun */
  expect("He said that the company end date was May .",
         "PRP VBD IN DT NN NN NN VBD NNP .");
}

static void that_before_a_subjunctive_be_is_a_complementizer(void **state)
{
  (void)state;
  expect("They demanded that control of the port be handed over .",
         "PRP VBD IN NN IN DT NN VB VBN RP .");
  /* with no subjunctive after it, a determiner */
  expect("They demanded that sum in cash .", "PRP VBD DT NN IN NN .");
}

static void verb_after_an_aside_between_commas(void **state)
{
  (void)state;
  expect("Spain , like most other members , plans to raise taxes .",
         "NNP , IN JJS JJ NNS , VBZ TO VB NNS .");
}

static void leading_after_a_preposition_before_a_noun_is_an_adjective(void **state)
{
  (void)state;
  expect("Kenya called on leading African states to cut tariffs .",
         "NNP VBD IN JJ JJ NNS TO VB NNS .");
  expect("Kenya gained by cutting farm prices .",
         "NNP VBD IN VBG NN NNS .");
}

static void plural_after_a_name_with_no_verb_is_its_verb(void **state)
{
  (void)state;
  expect("The European Union aims to help Ukraine .",
         "DT NNP NNP VBZ TO VB NNP .");
  expect("The European Union plans talks with Russia .",
         "DT NNP NNP VBZ NNS IN NNP .");
}

static void compound_head_before_a_comma_is_a_noun(void **state)
{
  (void)state;
  expect("Ali Hassan , a leading human rights activist , was freed .",
         "NNP NNP , DT JJ JJ NNS NN , VBD VBN .");
}

static void noun_after_a_name_before_and_heads_its_phrase(void **state)
{
  (void)state;
  expect("Both the Philippines military and the rebels fought .",
         "PDT DT NNPS NN CC DT NNS VBD .");
}

static void arabic_particle_name_is_proper(void **state)
{
  (void)state;
  expect("Qatar 's emir Hamad al-Thani arrived on Monday .",
         "NNP POS NN NNP NNP VBD IN NNP .");
}

static void passive_with_by(void **state)
{
  (void)state;
  expect("The convoy was attacked by rebels near the border .",
         "DT NN VBD VBN IN NNS IN DT NN .");
}

static void sentence_opener_before_its_noun_is_no_imperative(void **state)
{
  (void)state;
  expect("Polish police freed the reporter .", "JJ NNS VBD DT NN .");
  expect("Judge Maria Lopez opened an inquiry .", "NNP NNP NNP VBD DT NN .");
}

static void said_and_possessive(void **state)
{
  (void)state;
  expect("Police said the minister 's car was damaged .",
         "NNS VBD DT NN POS NN VBD VBN .");
}

static void modal_and_base_verb(void **state)
{
  (void)state;
  expect("The president will visit Moscow next week .",
         "DT NN MD VB NNP JJ NN .");
}

static void to_infinitive(void **state)
{
  (void)state;
  expect("They want to negotiate a ceasefire .",
         "PRP VBP TO VB DT NN .");
}

static void to_as_preposition(void **state)
{
  (void)state;
  expect("The delegation returned to Kabul on Monday .",
         "DT NN VBD IN NNP IN NNP .");
}

static void perfect_participle(void **state)
{
  (void)state;
  expect("Thousands of families have fled the city .",
         "NNS IN NNS VBP VBN DT NN .");
}

static void numbers_and_proper_nouns(void **state)
{
  (void)state;
  expect("About 300 protesters gathered in Kiev on Sunday .",
         "RB CD NNS VBD IN NNP IN NNP .");
}

static void noun_after_determiner(void **state)
{
  (void)state;
  expect("The attack killed 12 soldiers .", "DT NN VBD CD NNS .");
}

static void verb_after_plural_subject(void **state)
{
  (void)state;
  expect("Rebels attack the town every night .",
         "NNS VBP DT NN DT NN .");
}

static void that_as_complementizer_and_determiner(void **state)
{
  (void)state;
  expect("He said that that decision was final .",
         "PRP VBD IN DT NN VBD JJ .");
}

static void clitic_s_as_verb(void **state)
{
  (void)state;
  expect("It 's a difficult moment .", "PRP VBZ DT JJ NN .");
}

static void quotes_and_commas(void **state)
{
  (void)state;
  expect("\" We will respond , \" the ministry said .",
         "`` PRP MD VB , '' DT NN VBD .");
}

static void third_person_verb(void **state)
{
  (void)state;
  expect("The government plans to raise taxes .",
         "DT NN VBZ TO VB NNS .");
}

static void phrasal_verb_particle(void **state)
{
  (void)state;
  expect("The rebels set up a new council .", "DT NNS VBD RP DT JJ NN .");
}

static void capitalised_name_and_adjective(void **state)
{
  (void)state;
  expect("Russian troops entered Kherson on Friday .",
         "JJ NNS VBD NNP IN NNP .");
}

static void tokens_outside_sentences_are_tagged(void **state)
{
  (void)state;
  char buf[256];
  dyad_doc *doc = tag_words(ctx, "Police arrested him . The court freed him .");
  /* only the second sentence is known: the first four tokens form a span
   * of their own and are tagged all the same */
  doc->sents.v[0].tok = 4;
  doc->sents.v[0].ntok = 5;
  for (size_t i = 0; i < doc->toks.n; i++)
    doc->toks.v[i].tag = 0;
  assert_int_equal(dyad__tag(doc), DYAD_OK);
  assert_string_equal(tags_of(doc, buf, sizeof(buf)),
                      "NNS VBD PRP . DT NN VBD PRP .");
  doc->sents.n = 0; /* and with no sentences at all */
  assert_int_equal(dyad__tag(doc), DYAD_OK);
  assert_string_equal(tags_of(doc, buf, sizeof(buf)),
                      "NNS VBD PRP . DT NN VBD PRP .");
  dyad_doc_free(doc);
}

static void form_and_lemma_ids(void **state)
{
  (void)state;
  char buf[64];
  dyad_doc *doc = tag_words(ctx, "Russians sought talks .");
  const dyad_token *t = doc->toks.v;
  assert_true(t[0].form != 0);
  assert_int_equal(t[0].tag, DYAD_TAG_NNPS);
  assert_string_equal(lemma_of(doc, 0, buf, sizeof(buf)), "russian");
  assert_string_equal(lemma_of(doc, 1, buf, sizeof(buf)), "seek");
  assert_string_equal(lemma_of(doc, 2, buf, sizeof(buf)), "talk");
  dyad_doc_free(doc);
}

static void unknown_word_gets_no_id(void **state)
{
  (void)state;
  dyad_doc *doc = tag_words(ctx, "the zorblaxian envoys");
  assert_int_equal(doc->toks.v[1].form, 0);
  assert_int_equal(doc->toks.v[2].tag, DYAD_TAG_NNS);
  dyad_doc_free(doc);
}

/* Found by fuzz_tag: an unknown -ing word after "billion" was left with
 * no tag at all. Every token must get one. */
static void every_token_gets_a_tag(void **state)
{
  (void)state;
  dyad_doc *doc = tag_words(ctx, "billion inying aid");
  for (size_t i = 0; i < doc->toks.n; i++)
    assert_true(doc->toks.v[i].tag != DYAD_TAG_NONE);
  dyad_doc_free(doc);
}

/* A sentence with no finite verb takes one from a past-tense word between
 * its subject and object. */
static void past_tense_between_subject_and_object(void **state)
{
  (void)state;
  expect("The West imposed sanctions on Russia .", "DT NNP VBD NNS IN NNP .");
}

/* A capitalised word opening a sentence before a past tense is a name, and
 * the past tense its verb. */
static void name_then_past_tense(void **state)
{
  (void)state;
  expect("Xi made a firm show of unity with Putin .",
         "NNP VBD DT JJ NN IN NN IN NNP .");
}

/* A common noun WordNet knows (macron) opening a sentence before ", who"
 * is a person's name. */
static void name_before_relative_who(void **state)
{
  (void)state;
  expect("Macron , who made the offer , said Paris was ready .",
         "NNP , WP VBD DT NN , VBD NNP VBD JJ .");
}

/* American spellings keep one l where WordNet lists the doubled form. */
static void american_past_with_one_l(void **state)
{
  (void)state;
  expect("Rebels fueled the conflict .", "NNS VBD DT NN .");
}

/* spread is its own past tense; the participle before "by" is not the
 * sentence's verb. */
static void same_form_past_after_reduced_passive(void **state)
{
  (void)state;
  expect("Protests fueled by anger spread across the country .",
         "NNS VBN IN NN VBD IN DT NN .");
}

static void participle_opening_an_apposition(void **state)
{
  (void)state;
  expect("The deal , signed in May , will expire soon .",
         "DT NN , VBN IN NNP , MD VB RB .");
}

static void quotation_inversion(void **state)
{
  (void)state;
  expect("\" It is true , \" reported the agency .",
         "`` PRP VBZ JJ , '' VBD DT NN .");
}

/* Wire copy that capitalises each word after "U.S.": a verb or function
 * word keeps its lower-case reading, a noun stays a name's word. */
static void verb_capitalised_after_a_dotted_abbreviation(void **state)
{
  (void)state;
  static const char *const text[][2] = {
      {"The U.S. Has urged Japan to cut tariffs and the U.K. Will help.",
       "DT NNP VBZ VBN NNP TO VB NNS CC DT NNP MD VB ."},
      {"The U.S. Wants Kenya to buy U.S. Exports to Asia.",
       "DT NNP VBZ NNP TO VB NNP NNPS IN NNP ."}};
  char buf[256];
  for (size_t k = 0; k < 2; k++) { /* the real tokenizer sets the flags */
    dyad_doc *doc = test_doc(ctx, text[k][0], DYAD_STAGE_TAGS);
    const char *got = tags_of(doc, buf, sizeof(buf));
    if (strcmp(got, text[k][1]) != 0)
      fail_msg("%s\n  want %s\n  got  %s", text[k][0], text[k][1], got);
    dyad_doc_free(doc);
  }
}

static void plural_subject_before_a_pp_and_its_verb(void **state)
{
  (void)state;
  char buf[256];
  dyad_doc *doc = test_doc(ctx, "Prices rose while EC exports to Japan fell.",
                           DYAD_STAGE_TAGS);
  assert_string_equal(tags_of(doc, buf, sizeof(buf)),
                      "NNS VBD IN NNP NNS IN NNP VBD .");
  dyad_doc_free(doc);
}

/* The word cache a doc keeps between documents gives the same forms as a
 * fresh doc, and sees words the vocabulary gained in between. */
static void word_cache_across_documents(void **state)
{
  (void)state;
  dyad_doc *doc = test_doc(ctx, "Zorblax met the envoys .", DYAD_STAGE_TAGS);
  assert_int_equal(doc->toks.v[0].form, 0);
  uint32_t envoys = doc->toks.v[3].form;
  assert_true(envoys != 0);
  uint32_t id = dyad__vocab_add(&ctx->vocab, "zorblax", 7);
  assert_true(id != 0);
  dyad_article art;
  memset(&art, 0, sizeof(art));
  art.text = "The envoys met Zorblax .";
  art.text_len = strlen(art.text);
  art.date = 20230322;
  assert_int_equal(dyad_doc_analyze(doc, &art, DYAD_STAGE_TAGS), DYAD_OK);
  assert_int_equal(doc->toks.v[1].form, envoys);
  assert_int_equal(doc->toks.v[3].form, id);
  dyad_doc_free(doc);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(name_then_past_tense),
      cmocka_unit_test(name_before_relative_who),
      cmocka_unit_test(american_past_with_one_l),
      cmocka_unit_test(same_form_past_after_reduced_passive),
      cmocka_unit_test(participle_opening_an_apposition),
      cmocka_unit_test(quotation_inversion),
      cmocka_unit_test(verb_capitalised_after_a_dotted_abbreviation),
      cmocka_unit_test(plural_subject_before_a_pp_and_its_verb),
      cmocka_unit_test(word_cache_across_documents),
      cmocka_unit_test(every_token_gets_a_tag),
      cmocka_unit_test(past_tense_between_subject_and_object),
      cmocka_unit_test(passive_with_by),
      cmocka_unit_test(sentence_opener_before_its_noun_is_no_imperative),
      cmocka_unit_test(said_and_possessive),
      cmocka_unit_test(modal_and_base_verb),
      cmocka_unit_test(to_infinitive),
      cmocka_unit_test(to_as_preposition),
      cmocka_unit_test(perfect_participle),
      cmocka_unit_test(numbers_and_proper_nouns),
      cmocka_unit_test(noun_after_determiner),
      cmocka_unit_test(verb_after_plural_subject),
      cmocka_unit_test(that_as_complementizer_and_determiner),
      cmocka_unit_test(clitic_s_as_verb),
      cmocka_unit_test(quotes_and_commas),
      cmocka_unit_test(third_person_verb),
      cmocka_unit_test(phrasal_verb_particle),
      cmocka_unit_test(capitalised_name_and_adjective),
      cmocka_unit_test(tokens_outside_sentences_are_tagged),
      cmocka_unit_test(form_and_lemma_ids),
      cmocka_unit_test(unknown_word_gets_no_id),
      cmocka_unit_test(indefinite_article_makes_the_head_a_noun),
      cmocka_unit_test(subjunctive_after_a_verb_of_demanding),
      cmocka_unit_test(verb_after_an_aside_between_commas),
      cmocka_unit_test(that_before_a_subjunctive_be_is_a_complementizer),
      cmocka_unit_test(compound_head_before_a_comma_is_a_noun),
      cmocka_unit_test(plural_after_a_name_with_no_verb_is_its_verb),
      cmocka_unit_test(arabic_particle_name_is_proper),
      cmocka_unit_test(noun_after_a_name_before_and_heads_its_phrase),
      cmocka_unit_test(leading_after_a_preposition_before_a_noun_is_an_adjective),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
