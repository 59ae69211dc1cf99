/* test_phrase.c: the phrase chunker (noun phrases, verb groups,
 * prepositional phrases) and the parse writer, on hand-tagged sentences. */
#include "chunktest.h"

#include <cjson/cJSON.h>

static int setup(void **state)
{
  *state = dyad_ctx_new(NULL);
  return *state ? 0 : -1;
}

static int teardown(void **state)
{
  dyad_ctx_free(*state);
  return 0;
}

static void title_and_name_make_one_np(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Japanese/JJ Prime/NNP Minister/NNP "
                                     "Fumio/NNP Kishida/NNP arrived/VBD/arrive "
                                     "./.");
  const dyad_phrase *np = &doc->phrases.v[0];
  assert_int_equal(np->kind, DYAD_PH_NP);
  assert_int_equal(np->tok, 0);
  assert_int_equal(np->ntok, 5);
  assert_head(doc, 0, "Kishida");
  assert_true(np->flags & DYAD_PHF_PROPER);
  assert_false(np->flags & DYAD_PHF_PLURAL);
  dyad_doc_free(doc);
}

static void acronym_in_parentheses_stays_inside_the_np(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Workers/NNPS Party/NNP (/-LRB- PKK/NNP "
                                     ")/-RRB- officials/NNS/official "
                                     "met/VBD/meet ./.");
  const dyad_phrase *np = &doc->phrases.v[0];
  assert_int_equal(np->kind, DYAD_PH_NP);
  assert_int_equal(np->ntok, 6);
  assert_head(doc, 0, "officials");
  dyad_doc_free(doc);
  /* a name in parentheses is no acronym of the words before */
  doc = tagged_doc(*state, "the/DT party/NN (/-LRB- Smith/NNP )/-RRB- "
                           "officials/NNS/official met/VBD/meet ./.");
  assert_int_equal(doc->phrases.v[0].ntok, 2);
  dyad_doc_free(doc);
}

static void parallel_of_gerund_ends_a_coordination(void **state)
{
  /* accused X of arming rebels and Y of sheltering them: "rebels and Y"
   * is no coordination */
  dyad_doc *doc = tagged_doc(*state, "Kenya/NNP accused/VBD/accuse Uganda/NNP "
                                     "of/IN arming/VBG/arm rebels/NNS/rebel "
                                     "and/CC Sudan/NNP of/IN "
                                     "sheltering/VBG/shelter them/PRP ./.");
  for (size_t k = 0; k < doc->phrases.n; k++)
    assert_false(doc->phrases.v[k].flags & DYAD_PHF_COORD);
  dyad_doc_free(doc);
  doc = tagged_doc(*state, "Kenya/NNP accused/VBD/accuse Uganda/NNP "
                           "of/IN arming/VBG/arm rebels/NNS/rebel and/CC "
                           "militias/NNS/militia ./.");
  int coord = 0;
  for (size_t k = 0; k < doc->phrases.n; k++)
    coord |= (doc->phrases.v[k].flags & DYAD_PHF_COORD) != 0;
  assert_true(coord);
  dyad_doc_free(doc);
}

static void gerund_after_a_head_before_an_adjective_opens_a_clause(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "they/PRP issued/VBD/issue a/DT "
                                     "letter/NN demanding/VBG/demand "
                                     "sweeping/JJ reforms/NNS/reform ./.");
  /* [NP a letter] [VG demanding] [NP sweeping reforms] */
  assert_int_equal(doc->phrases.v[2].kind, DYAD_PH_NP);
  assert_int_equal(doc->phrases.v[2].ntok, 2);
  assert_int_equal(doc->phrases.v[3].kind, DYAD_PH_VG);
  dyad_doc_free(doc);
  /* a compound keeps it: oil producing countries */
  doc = tagged_doc(*state, "oil/NN producing/VBG/produce countries/NNS/country "
                           "met/VBD/meet ./.");
  assert_int_equal(doc->phrases.v[0].ntok, 3);
  dyad_doc_free(doc);
}

static void list_before_the_first_verb_ends_an_opening_pp(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "After/IN talks/NNS/talk on/IN "
                                     "trade/NN ,/, students/NNS/student and/CC "
                                     "teachers/NNS/teacher marched/VBD/march "
                                     "./.");
  /* [PP After [NP talks]] [PP on [NP trade]] , [NP students and teachers] */
  const dyad_phrase *p = &doc->phrases.v[2];
  assert_int_equal(p->kind, DYAD_PH_PP);
  assert_int_equal(p->ntok, 2);
  int subj = 0;
  for (size_t k = 0; k < doc->phrases.n; k++)
    subj |= doc->phrases.v[k].tok == 5 &&
            (doc->phrases.v[k].flags & DYAD_PHF_COORD);
  assert_true(subj);
  dyad_doc_free(doc);
  /* not inside a subject: "Ministers from X, Y and Z attended" */
  doc = tagged_doc(*state, "Ministers/NNS/minister from/IN Peru/NNP ,/, "
                           "Chile/NNP and/CC Cuba/NNP attended/VBD/attend ./.");
  assert_int_equal(doc->phrases.v[1].kind, DYAD_PH_PP);
  assert_int_equal(doc->phrases.v[1].ntok, 6);
  dyad_doc_free(doc);
}

static void up_to_a_number_opens_an_np(void **state)
{
  /* the tagger may read this "to" as a preposition: still a quantity */
  dyad_doc *doc = tagged_doc(*state, "Chile/NNP sent/VBD/send up/IN to/IN "
                                     "300/CD troops/NNS ./.");
  const dyad_phrase *np = &doc->phrases.v[2];
  assert_int_equal(np->kind, DYAD_PH_NP);
  assert_int_equal(np->tok, 2);
  assert_int_equal(np->ntok, 4);
  assert_head(doc, 2, "troops");
  dyad_doc_free(doc);
}

static void determiner_and_plural(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "the/DT new/JJ sanctions/NNS hurt/VBD "
                                     "trade/NN ./.");
  const dyad_phrase *np = &doc->phrases.v[0];
  assert_int_equal(np->det, 0);
  assert_true(np->flags & DYAD_PHF_DEFINITE);
  assert_true(np->flags & DYAD_PHF_PLURAL);
  assert_head(doc, 0, "sanctions");
  dyad_doc_free(doc);
}

static void negative_determiner(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "China/NNP has/VBZ/have given/VBN/give "
                                     "no/DT direct/JJ support/NN ./.");
  int32_t np = ct_phrase(doc, DYAD_PH_NP, "support");
  assert_true(np >= 0);
  assert_true(doc->phrases.v[np].flags & DYAD_PHF_NEGDET);
  assert_false(doc->phrases.v[np].flags & DYAD_PHF_DEFINITE);
  dyad_doc_free(doc);
}

static void possessor_np(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Xi/NNP 's/POS visit/NN ended/VBD/end "
                                     "./.");
  int32_t v = ct_phrase(doc, DYAD_PH_NP, "visit");
  int32_t x = ct_phrase(doc, DYAD_PH_NP, "Xi");
  assert_true(v >= 0 && x >= 0);
  assert_int_equal(doc->phrases.v[v].poss, x);
  assert_int_equal(doc->phrases.v[v].tok, 0); /* [Xi 's visit] */
  assert_int_equal(doc->phrases.v[v].ntok, 3);
  assert_true(doc->phrases.v[x].flags & DYAD_PHF_POSSESSOR);
  assert_int_equal(doc->phrases.v[x].up, v);
  assert_int_equal(doc->phrases.v[v].up, -1);
  dyad_doc_free(doc);
}

static void possessive_pronoun_is_possessor(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "his/PRP$ armed/VBN/arm forces/NNS "
                                     "withdrew/VBD/withdraw ./.");
  int32_t f = ct_phrase(doc, DYAD_PH_NP, "forces");
  int32_t h = ct_phrase(doc, DYAD_PH_NP, "his");
  assert_true(f >= 0 && h >= 0);
  assert_int_equal(doc->phrases.v[f].poss, h);
  assert_true(doc->phrases.v[h].flags & DYAD_PHF_PRONOUN);
  assert_true(doc->phrases.v[h].flags & DYAD_PHF_POSSESSOR);
  dyad_doc_free(doc);
}

static void pronoun_np(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "They/PRP left/VBD/leave ./.");
  assert_true(doc->phrases.v[0].flags & DYAD_PHF_PRONOUN);
  assert_true(doc->phrases.v[0].flags & DYAD_PHF_PLURAL);
  dyad_doc_free(doc);
}

static void coordination_links_members(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Kyiv/NNP and/CC the/DT West/NNP "
                                     "agreed/VBD/agree ./.");
  const dyad_phrase *g = &doc->phrases.v[0];
  assert_true(g->flags & DYAD_PHF_COORD);
  assert_int_equal(g->ntok, 4);
  int32_t a = g->child;
  assert_head(doc, a, "Kyiv");
  int32_t b = doc->phrases.v[a].conj;
  assert_head(doc, b, "West");
  assert_int_equal(doc->phrases.v[b].conj, -1);
  assert_int_equal(doc->phrases.v[a].up, 0);
  assert_int_equal(doc->phrases.v[b].up, 0);
  dyad_doc_free(doc);
}

static void coordination_list_with_commas(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Russia/NNP ,/, China/NNP ,/, and/CC "
                                     "Iran/NNP met/VBD/meet ./.");
  const dyad_phrase *g = &doc->phrases.v[0];
  assert_true(g->flags & DYAD_PHF_COORD);
  int n = 0;
  for (int32_t m = g->child; m >= 0; m = doc->phrases.v[m].conj)
    n++;
  assert_int_equal(n, 3);
  dyad_doc_free(doc);
}

static void no_coordination_across_clauses(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Russia/NNP attacked/VBD/attack Kyiv/NNP "
                                     "and/CC Ukraine/NNP responded/VBD/respond "
                                     "./.");
  for (size_t k = 0; k < doc->phrases.n; k++)
    assert_false(doc->phrases.v[k].flags & DYAD_PHF_COORD);
  dyad_doc_free(doc);
}

static void apposition_flagged(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Xi/NNP ,/, the/DT Chinese/JJ leader/NN "
                                     ",/, arrived/VBD/arrive ./.");
  int32_t l = ct_phrase(doc, DYAD_PH_NP, "leader");
  assert_true(l >= 0);
  assert_true(doc->phrases.v[l].flags & DYAD_PHF_APPOS);
  assert_int_equal(doc->phrases.v[l].attach, ct_phrase(doc, DYAD_PH_NP, "Xi"));
  dyad_doc_free(doc);
}

static void vg_negated_perfect(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "China/NNP has/VBZ/have not/RB "
                                     "supported/VBN/support Russia/NNP ./.");
  int32_t v = ct_phrase(doc, DYAD_PH_VG, "supported");
  assert_true(v >= 0);
  const dyad_phrase *g = &doc->phrases.v[v];
  assert_int_equal(g->tok, 1);
  assert_int_equal(g->ntok, 3);
  assert_true(g->flags & DYAD_PHF_NEGATED);
  assert_true(g->flags & DYAD_PHF_PERFECT);
  assert_false(g->flags & DYAD_PHF_PASSIVE);
  assert_int_equal(g->tense, DYAD_TENSE_PRESENT);
  size_t len;
  const char *lem = dyad_ctx_word(*state, g->lemma, &len);
  assert_non_null(lem);
  assert_int_equal(len, 7);
  assert_memory_equal(lem, "support", 7);
  dyad_doc_free(doc);
}

static void vg_future_with_particle(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "They/PRP will/MD speed/VB up/RP "
                                     "deliveries/NNS ./.");
  int32_t v = ct_phrase(doc, DYAD_PH_VG, "speed");
  const dyad_phrase *g = &doc->phrases.v[v];
  assert_true(g->flags & DYAD_PHF_FUTURE);
  assert_false(g->flags & DYAD_PHF_MODAL);
  assert_int_equal(g->tense, DYAD_TENSE_FUTURE);
  assert_int_equal(g->child, 3);
  dyad_doc_free(doc);
}

static void vg_passive_and_progressive(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Kyiv/NNP was/VBD/be attacked/VBN/attack "
                                     "|| They/PRP are/VBP/be working/VBG/work "
                                     "./.");
  const dyad_phrase *a = &doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "attacked")];
  assert_true(a->flags & DYAD_PHF_PASSIVE);
  assert_int_equal(a->tense, DYAD_TENSE_PAST);
  const dyad_phrase *w = &doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "working")];
  assert_true(w->flags & DYAD_PHF_PROGRESSIVE);
  assert_false(w->flags & DYAD_PHF_PASSIVE);
  assert_int_equal(w->tense, DYAD_TENSE_PRESENT);
  dyad_doc_free(doc);
}

static void vg_modal_and_going_to(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Russia/NNP could/MD attack/VB || "
                                     "Russia/NNP is/VBZ/be going/VBG/go to/TO "
                                     "attack/VB ./.");
  const dyad_phrase *m = &doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "attack")];
  assert_true(m->flags & DYAD_PHF_MODAL);
  assert_int_equal(m->tense, DYAD_TENSE_NONE);
  /* the second "attack" heads the going-to group */
  const dyad_phrase *f = &doc->phrases.v[doc->phrases.n - 1];
  assert_int_equal(f->kind, DYAD_PH_VG);
  assert_true(f->flags & DYAD_PHF_FUTURE);
  assert_false(f->flags & DYAD_PHF_PROGRESSIVE);
  assert_int_equal(f->ntok, 4);
  assert_head(doc, (int32_t)doc->phrases.n - 1, "attack");
  dyad_doc_free(doc);
}

static void vg_never_and_no_longer_negate(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Iran/NNP never/RB visited/VBD/visit "
                                     "|| Iran/NNP no/DT longer/RB "
                                     "supports/VBZ/support them/PRP");
  assert_true(doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "visited")].flags &
              DYAD_PHF_NEGATED);
  assert_true(doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "supports")].flags &
              DYAD_PHF_NEGATED);
  dyad_doc_free(doc);
}

static void vg_threaten_flagged(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Iran/NNP threatened/VBD/threaten "
                                     "Israel/NNP ./.");
  assert_true(doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "threatened")].flags &
              DYAD_PHF_THREAT);
  dyad_doc_free(doc);
}

static void pp_attaches_to_verb_or_noun(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Xi/NNP made/VBD/make a/DT strong/JJ "
                                     "show/NN of/IN solidarity/NN in/IN "
                                     "Moscow/NNP ./.");
  int32_t of = ct_phrase(doc, DYAD_PH_PP, "of");
  int32_t in = ct_phrase(doc, DYAD_PH_PP, "in");
  assert_true(of >= 0 && in >= 0);
  assert_head(doc, doc->phrases.v[of].child, "solidarity");
  assert_int_equal(doc->phrases.v[doc->phrases.v[of].child].up, of);
  assert_int_equal(doc->phrases.v[of].attach, ct_phrase(doc, DYAD_PH_NP, "show"));
  assert_int_equal(doc->phrases.v[in].attach, ct_phrase(doc, DYAD_PH_VG, "made"));
  dyad_doc_free(doc);
}

static void subordinator_before_clause_is_no_pp(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "After/IN the/DT talks/NNS ended/VBD/end "
                                     ",/, Xi/NNP left/VBD/leave || "
                                     "After/IN the/DT talks/NNS ,/, Xi/NNP "
                                     "left/VBD/leave");
  const dyad_sentence *s = &doc->sents.v[0];
  for (size_t k = 0; k < doc->phrases.n; k++)
    if (doc->phrases.v[k].tok < s->ntok)
      assert_int_not_equal(doc->phrases.v[k].kind, DYAD_PH_PP);
  int32_t pp = ct_phrase(doc, DYAD_PH_PP, "After");
  assert_true(pp >= 0);
  assert_true(doc->phrases.v[pp].tok >= s->ntok); /* in the second */
  dyad_doc_free(doc);
}

static void dateline_gets_no_phrases(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "~MOSCOW/NNP ~-/: Russia/NNP "
                                     "protested/VBD/protest ./.");
  for (size_t k = 0; k < doc->phrases.n; k++)
    assert_true(doc->phrases.v[k].tok >= 2);
  dyad_doc_free(doc);
}

static void according_to_is_one_pp(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Kyiv/NNP was/VBD/be shelled/VBN/shell "
                                     ",/, according/VBG/accord to/IN "
                                     "officials/NNS ./.");
  int32_t pp = ct_phrase(doc, DYAD_PH_PP, "according");
  assert_true(pp >= 0);
  assert_head(doc, doc->phrases.v[pp].child, "officials");
  assert_int_equal(ct_phrase(doc, DYAD_PH_VG, "according"), -1);
  dyad_doc_free(doc);
}

static void negation_after_copula(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "The/DT plan/NN is/VBZ/be n't/RB/not "
                                     "new/JJ ./.");
  const dyad_phrase *v = &doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "is")];
  assert_true(v->flags & DYAD_PHF_NEGATED);
  assert_int_equal(v->ntok, 2);
  dyad_doc_free(doc);
}

static void including_is_a_preposition(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Many/JJ states/NNS ,/, "
                                     "including/VBG/include France/NNP ,/, "
                                     "objected/VBD/object ./.");
  int32_t pp = ct_phrase(doc, DYAD_PH_PP, "including");
  assert_true(pp >= 0);
  assert_head(doc, doc->phrases.v[pp].child, "France");
  assert_int_equal(ct_phrase(doc, DYAD_PH_VG, "including"), -1);
  dyad_doc_free(doc);
}

static void at_least_and_about_numbers(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "at/IN least/JJS six/CD people/NNS "
                                     "died/VBD/die || about/RB 500/CD "
                                     "troops/NNS left/VBD/leave");
  const dyad_phrase *a = &doc->phrases.v[0];
  assert_int_equal(a->kind, DYAD_PH_NP);
  assert_int_equal(a->ntok, 4);
  assert_int_equal(ct_phrase(doc, DYAD_PH_PP, "at"), -1);
  int32_t t = ct_phrase(doc, DYAD_PH_NP, "troops");
  assert_int_equal(doc->phrases.v[t].ntok, 3);
  dyad_doc_free(doc);
}

static void floating_quantifier_and_reflexive(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "They/PRP both/DT agreed/VBD/agree || "
                                     "Putin/NNP himself/PRP spoke/VBD/speak");
  assert_int_equal(ct_phrase(doc, DYAD_PH_NP, "both"), -1);
  assert_int_equal(ct_phrase(doc, DYAD_PH_NP, "himself"), -1);
  dyad_doc_free(doc);
}

static void apposition_with_pp_before_verb(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Lord/NNP Halifax/NNP ,/, the/DT "
                                     "president/NN of/IN the/DT council/NN "
                                     ",/, visited/VBD/visit Germany/NNP ./.");
  int32_t p = ct_phrase(doc, DYAD_PH_NP, "president");
  assert_true(doc->phrases.v[p].flags & DYAD_PHF_APPOS);
  assert_int_equal(doc->phrases.v[p].attach, ct_phrase(doc, DYAD_PH_NP,
                                                       "Halifax"));
  dyad_doc_free(doc);
}

static void participle_after_verb_opens_np(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "The/DT visit/NN featured/VBD/feature "
                                     "carefully/RB staged/VBN/stage pomp/NN "
                                     "./.");
  int32_t np = ct_phrase(doc, DYAD_PH_NP, "pomp");
  assert_true(np >= 0);
  assert_int_equal(doc->phrases.v[np].ntok, 3);
  assert_int_equal(ct_phrase(doc, DYAD_PH_VG, "staged"), -1);
  dyad_doc_free(doc);
}

static void would_is_modal_whatever_its_lemma(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "London/NNP would/MD/will send/VB "
                                     "crews/NNS ./.");
  const dyad_phrase *v = &doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "send")];
  assert_true(v->flags & DYAD_PHF_MODAL);
  assert_false(v->flags & DYAD_PHF_FUTURE);
  dyad_doc_free(doc);
}

static void writer_text_brackets(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Xi/NNP made/VBD/make a/DT strong/JJ "
                                     "show/NN of/IN solidarity/NN ./.");
  dyad_buf b = {0};
  assert_int_equal(dyad__write_phrases(doc, 0, 0, &b), 0);
  assert_non_null(strstr(b.ptr, "[NP Xi] [VG made] [NP a strong show] "
                                "[PP of [NP solidarity]] ."));
  assert_non_null(strstr(b.ptr, "clause 0 MAIN subj=[Xi] verb=[made](PAST)"));
  assert_non_null(strstr(b.ptr, "obj=[a strong show] pp=[of solidarity]"));
  dyad_buf_release(&b);
  dyad_doc_free(doc);
}

static void writer_json_is_valid(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Xi/NNP 's/POS envoy/NN said/VBD/say "
                                     "Kyiv/NNP and/CC Moscow/NNP must/MD "
                                     "talk/VB ./.");
  dyad_buf b = {0};
  assert_int_equal(dyad__buf_adds(&b, "{\"s\":0"), 0);
  assert_int_equal(dyad__write_phrases(doc, 0, 1, &b), 0);
  assert_int_equal(dyad__buf_addc(&b, '}'), 0);
  cJSON *j = cJSON_Parse(b.ptr);
  assert_non_null(j);
  cJSON *ph = cJSON_GetObjectItem(j, "phrases");
  cJSON *cl = cJSON_GetObjectItem(j, "clauses");
  assert_int_equal(cJSON_GetArraySize(ph), (int)doc->phrases.n);
  assert_int_equal(cJSON_GetArraySize(cl), (int)doc->clauses.n);
  cJSON *c0 = cJSON_GetArrayItem(cl, 0);
  assert_string_equal(cJSON_GetObjectItem(c0, "kind")->valuestring, "MAIN");
  int subj = cJSON_GetObjectItem(c0, "subj")->valueint;
  cJSON *sp = cJSON_GetArrayItem(ph, subj);
  assert_string_equal(cJSON_GetObjectItem(sp, "head")->valuestring, "envoy");
  cJSON_Delete(j);
  dyad_buf_release(&b);
  dyad_doc_free(doc);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(title_and_name_make_one_np),
      cmocka_unit_test(up_to_a_number_opens_an_np),
      cmocka_unit_test(determiner_and_plural),
      cmocka_unit_test(negative_determiner),
      cmocka_unit_test(possessor_np),
      cmocka_unit_test(possessive_pronoun_is_possessor),
      cmocka_unit_test(pronoun_np),
      cmocka_unit_test(coordination_links_members),
      cmocka_unit_test(coordination_list_with_commas),
      cmocka_unit_test(no_coordination_across_clauses),
      cmocka_unit_test(apposition_flagged),
      cmocka_unit_test(vg_negated_perfect),
      cmocka_unit_test(vg_future_with_particle),
      cmocka_unit_test(vg_passive_and_progressive),
      cmocka_unit_test(vg_modal_and_going_to),
      cmocka_unit_test(vg_never_and_no_longer_negate),
      cmocka_unit_test(vg_threaten_flagged),
      cmocka_unit_test(pp_attaches_to_verb_or_noun),
      cmocka_unit_test(subordinator_before_clause_is_no_pp),
      cmocka_unit_test(dateline_gets_no_phrases),
      cmocka_unit_test(according_to_is_one_pp),
      cmocka_unit_test(negation_after_copula),
      cmocka_unit_test(including_is_a_preposition),
      cmocka_unit_test(at_least_and_about_numbers),
      cmocka_unit_test(floating_quantifier_and_reflexive),
      cmocka_unit_test(apposition_with_pp_before_verb),
      cmocka_unit_test(participle_after_verb_opens_np),
      cmocka_unit_test(would_is_modal_whatever_its_lemma),
      cmocka_unit_test(writer_text_brackets),
      cmocka_unit_test(acronym_in_parentheses_stays_inside_the_np),
      cmocka_unit_test(parallel_of_gerund_ends_a_coordination),
      cmocka_unit_test(gerund_after_a_head_before_an_adjective_opens_a_clause),
      cmocka_unit_test(list_before_the_first_verb_ends_an_opening_pp),
      cmocka_unit_test(writer_json_is_valid),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
