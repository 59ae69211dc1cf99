/* test_clause.c: clause segmentation and clause roles (subject, objects,
 * PPs, inheritance, reported speech) on hand-tagged sentences. */
#include "chunktest.h"

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

#define NP(w) ct_phrase(doc, DYAD_PH_NP, (w))

static void main_clause_roles(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Russian/JJ troops/NNS shelled/VBD/shell "
                                     "the/DT town/NN on/IN Monday/NNP ./.");
  assert_int_equal(doc->sents.v[0].nclause, 1);
  const dyad_clause *c = ct_clause(doc, "shelled");
  assert_non_null(c);
  assert_int_equal(c->kind, DYAD_CL_MAIN);
  assert_int_equal(c->subj, NP("troops"));
  assert_int_equal(c->obj, NP("town"));
  assert_int_equal(c->npp, 1);
  assert_int_equal(c->parent, -1);
  dyad_doc_free(doc);
}

static void pps_are_chained(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Xi/NNP flew/VBD/fly to/TO Moscow/NNP "
                                     "with/IN a/DT delegation/NN for/IN "
                                     "talks/NNS ./.");
  const dyad_clause *c = ct_clause(doc, "flew");
  assert_int_equal(c->npp, 3);
  int32_t p = (int32_t)c->pp;
  const char *want[] = {"to", "with", "for"};
  for (int k = 0; k < 3; k++) {
    assert_int_equal(doc->phrases.v[p].kind, DYAD_PH_PP);
    assert_head(doc, p, want[k]);
    p = doc->phrases.v[p].next_pp;
  }
  assert_int_equal(p, -1);
  dyad_doc_free(doc);
}

static void passive_keeps_patient_and_by_pp(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Kyiv/NNP was/VBD/be attacked/VBN/attack "
                                     "by/IN Russian/JJ drones/NNS ./.");
  const dyad_clause *c = ct_clause(doc, "attacked");
  assert_int_equal(c->subj, NP("Kyiv"));
  assert_true(doc->phrases.v[c->verb].flags & DYAD_PHF_PASSIVE);
  assert_int_equal(c->npp, 1);
  assert_head(doc, (int32_t)c->pp, "by");
  assert_head(doc, doc->phrases.v[c->pp].child, "drones");
  dyad_doc_free(doc);
}

static void relative_clause_antecedent(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "The/DT man/NN who/WP attacked/VBD/attack "
                                     "the/DT guards/NNS was/VBD/be "
                                     "arrested/VBN/arrest ./.");
  const dyad_clause *m = ct_clause(doc, "arrested");
  const dyad_clause *r = ct_clause(doc, "attacked");
  assert_int_equal(m->kind, DYAD_CL_MAIN);
  assert_int_equal(m->subj, NP("man"));
  assert_int_equal(r->kind, DYAD_CL_REL);
  assert_int_equal(r->antecedent, NP("man"));
  assert_int_equal(r->subj, NP("man"));
  assert_int_equal(r->obj, NP("guards"));
  assert_int_equal(r->parent, (int32_t)(m - doc->clauses.v));
  assert_int_equal(r->sub_word, 2);
  dyad_doc_free(doc);
}

static void object_relative_clause(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "The/DT weapons/NNS that/WDT Iran/NNP "
                                     "sent/VBD/send were/VBD/be old/JJ ./.");
  const dyad_clause *r = ct_clause(doc, "sent");
  assert_int_equal(r->kind, DYAD_CL_REL);
  assert_int_equal(r->subj, NP("Iran"));
  assert_int_equal(r->obj, NP("weapons"));
  assert_int_equal(ct_clause(doc, "were")->subj, NP("weapons"));
  dyad_doc_free(doc);
}

static void reported_speech_without_that(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Russia/NNP said/VBD/say Ukraine/NNP "
                                     "attacked/VBD/attack Crimea/NNP ./.");
  const dyad_clause *s = ct_clause(doc, "said");
  const dyad_clause *a = ct_clause(doc, "attacked");
  assert_int_equal(s->kind, DYAD_CL_MAIN);
  assert_int_equal(s->obj, -1);
  assert_int_equal(a->kind, DYAD_CL_COMP);
  assert_true(a->flags & DYAD_CLF_REPORTED);
  assert_int_equal(a->parent, (int32_t)(s - doc->clauses.v));
  assert_int_equal(a->subj, NP("Ukraine"));
  assert_int_equal(a->obj, NP("Crimea"));
  assert_int_equal(a->speaker, NP("Russia"));
  dyad_doc_free(doc);
}

static void reported_speech_with_that(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Kyiv/NNP told/VBD/tell reporters/NNS "
                                     "that/IN Moscow/NNP had/VBD/have "
                                     "shelled/VBN/shell Kharkiv/NNP ./.");
  const dyad_clause *a = ct_clause(doc, "shelled");
  assert_int_equal(a->kind, DYAD_CL_COMP);
  assert_true(a->flags & DYAD_CLF_REPORTED);
  assert_int_equal(a->sub_word, 3);
  assert_int_equal(a->subj, NP("Moscow"));
  assert_int_equal(ct_clause(doc, "told")->obj, NP("reporters"));
  dyad_doc_free(doc);
}

static void trailing_reporting_frame(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Ukraine/NNP attacked/VBD/attack "
                                     "Crimea/NNP ,/, officials/NNS "
                                     "said/VBD/say ./.");
  const dyad_clause *s = ct_clause(doc, "said");
  const dyad_clause *a = ct_clause(doc, "attacked");
  assert_int_equal(s->kind, DYAD_CL_MAIN);
  assert_int_equal(s->subj, NP("officials"));
  assert_int_equal(a->kind, DYAD_CL_COMP);
  assert_true(a->flags & DYAD_CLF_REPORTED);
  assert_int_equal(a->parent, (int32_t)(s - doc->clauses.v));
  assert_int_equal(a->subj, NP("Ukraine"));
  assert_int_equal(a->speaker, NP("officials"));
  dyad_doc_free(doc);
}

static void inverted_reporting_frame(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Talks/NNS will/MD resume/VB ,/, "
                                     "said/VBD/say the/DT minister/NN ./.");
  const dyad_clause *s = ct_clause(doc, "said");
  assert_int_equal(s->subj, NP("minister"));
  assert_int_equal(ct_clause(doc, "resume")->speaker, NP("minister"));
  dyad_doc_free(doc);
}

static void direct_quote_flagged(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "\"/`` { We/PRP will/MD respond/VB } ,/, "
                                     "\"/'' he/PRP said/VBD/say ./.");
  const dyad_clause *q = ct_clause(doc, "respond");
  const dyad_clause *s = ct_clause(doc, "said");
  assert_true(q->flags & DYAD_CLF_QUOTE);
  assert_true(q->flags & DYAD_CLF_REPORTED);
  assert_int_equal(q->speaker, NP("he"));
  assert_false(s->flags & DYAD_CLF_QUOTE);
  dyad_doc_free(doc);
}

static void according_to_marks_reported(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Russia/NNP fired/VBD/fire missiles/NNS "
                                     ",/, according/VBG/accord to/IN "
                                     "Kyiv/NNP ./.");
  const dyad_clause *c = ct_clause(doc, "fired");
  assert_true(c->flags & DYAD_CLF_REPORTED);
  assert_int_equal(c->speaker, NP("Kyiv"));
  assert_int_equal(c->subj, NP("Russia"));
  dyad_doc_free(doc);
}

static void infinitive_takes_object_as_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "The/DT US/NNP urged/VBD/urge "
                                     "Beijing/NNP to/TO pressure/VB Russia/NNP "
                                     "to/TO withdraw/VB ./.");
  const dyad_clause *u = ct_clause(doc, "urged");
  const dyad_clause *p = ct_clause(doc, "pressure");
  const dyad_clause *w = ct_clause(doc, "withdraw");
  assert_int_equal(u->obj, NP("Beijing"));
  assert_int_equal(p->kind, DYAD_CL_INF);
  assert_int_equal(p->subj, NP("Beijing"));
  assert_int_equal(p->obj, NP("Russia"));
  assert_int_equal(p->parent, (int32_t)(u - doc->clauses.v));
  assert_int_equal(w->kind, DYAD_CL_INF);
  assert_int_equal(w->subj, NP("Russia"));
  assert_int_equal(w->parent, (int32_t)(p - doc->clauses.v));
  dyad_doc_free(doc);
}

static void intent_passes_to_infinitive(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Germany/NNP intends/VBZ/intend to/TO "
                                     "deliver/VB tanks/NNS ./.");
  const dyad_clause *d = ct_clause(doc, "deliver");
  assert_int_equal(d->kind, DYAD_CL_INF);
  assert_int_equal(d->subj, NP("Germany"));
  assert_true(d->flags & DYAD_CLF_SUBJ_INHERITED);
  assert_int_equal(d->obj, NP("tanks"));
  assert_true(doc->phrases.v[d->verb].flags & DYAD_PHF_INTENT);
  assert_true(doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "intends")].flags &
              DYAD_PHF_INTENT);
  dyad_doc_free(doc);
}

static void threat_and_refusal_pass_to_infinitive(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Iran/NNP threatened/VBD/threaten to/TO "
                                     "close/VB the/DT strait/NN || Iran/NNP "
                                     "refused/VBD/refuse to/TO meet/VB "
                                     "them/PRP || Iran/NNP did/VBD/do not/RB "
                                     "plan/VB to/TO attack/VB");
  assert_true(doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "close")].flags &
              DYAD_PHF_THREAT);
  uint32_t mf = doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "meet")].flags;
  assert_true(mf & DYAD_PHF_NEGATED);
  uint32_t af = doc->phrases.v[ct_phrase(doc, DYAD_PH_VG, "attack")].flags;
  assert_true(af & DYAD_PHF_NEGATED);
  assert_true(af & DYAD_PHF_INTENT);
  dyad_doc_free(doc);
}

static void noun_plan_governs_infinitive(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Russia/NNP 's/POS plans/NNS/plan to/TO "
                                     "attack/VB Kyiv/NNP were/VBD/be "
                                     "revealed/VBN/reveal ./.");
  const dyad_clause *a = ct_clause(doc, "attack");
  assert_int_equal(a->kind, DYAD_CL_INF);
  assert_int_equal(a->subj, NP("Russia"));
  assert_true(doc->phrases.v[a->verb].flags & DYAD_PHF_INTENT);
  assert_int_equal(ct_clause(doc, "revealed")->subj, NP("plans"));
  dyad_doc_free(doc);
}

static void initial_participle_inherits_main_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Commenting/VBG/comment on/IN the/DT "
                                     "meeting/NN ,/, the/DT White/NNP "
                                     "House/NNP said/VBD/say it/PRP "
                                     "was/VBD/be concerned/JJ ./.");
  const dyad_clause *p = ct_clause(doc, "Commenting");
  const dyad_clause *s = ct_clause(doc, "said");
  assert_int_equal(p->kind, DYAD_CL_PART);
  assert_int_equal(s->kind, DYAD_CL_MAIN);
  assert_int_equal(s->subj, NP("House"));
  assert_int_equal(p->subj, NP("House"));
  assert_true(p->flags & DYAD_CLF_SUBJ_INHERITED);
  assert_int_equal(p->npp, 1);
  dyad_doc_free(doc);
}

static void trailing_perfect_participle(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "China/NNP backed/VBD/back Russia/NNP "
                                     ",/, having/VBG/have made/VBN/make "
                                     "no/DT direct/JJ commitment/NN ./.");
  const dyad_clause *p = ct_clause(doc, "made");
  assert_int_equal(p->kind, DYAD_CL_PART);
  assert_int_equal(p->subj, NP("China"));
  assert_int_equal(p->obj, NP("commitment"));
  uint32_t f = doc->phrases.v[p->verb].flags;
  assert_true(f & DYAD_PHF_PERFECT);
  assert_true(f & DYAD_PHF_GERUND);
  dyad_doc_free(doc);
}

static void coordinated_vp_inherits_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Xi/NNP promised/VBD/promise "
                                     "economic/JJ cooperation/NN and/CC "
                                     "described/VBD/describe the/DT "
                                     "talks/NNS as/IN frank/JJ ./.");
  const dyad_clause *a = ct_clause(doc, "promised");
  const dyad_clause *b = ct_clause(doc, "described");
  assert_int_equal(b->kind, DYAD_CL_COORD);
  assert_int_equal(b->parent, (int32_t)(a - doc->clauses.v));
  assert_int_equal(b->subj, NP("Xi"));
  assert_true(b->flags & DYAD_CLF_SUBJ_INHERITED);
  assert_int_equal(b->obj, NP("talks"));
  assert_int_equal(a->obj, NP("cooperation"));
  dyad_doc_free(doc);
}

static void coordinated_clause_own_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Russia/NNP attacked/VBD/attack "
                                     "Kyiv/NNP and/CC Ukraine/NNP "
                                     "responded/VBD/respond ./.");
  const dyad_clause *b = ct_clause(doc, "responded");
  assert_int_equal(b->kind, DYAD_CL_COORD);
  assert_int_equal(b->subj, NP("Ukraine"));
  assert_false(b->flags & DYAD_CLF_SUBJ_INHERITED);
  assert_int_equal(ct_clause(doc, "attacked")->obj, NP("Kyiv"));
  dyad_doc_free(doc);
}

static void conditional_subordinate(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "If/IN Russia/NNP attacks/VBZ/attack "
                                     ",/, NATO/NNP will/MD respond/VB ./.");
  const dyad_clause *s = ct_clause(doc, "attacks");
  const dyad_clause *m = ct_clause(doc, "respond");
  assert_int_equal(s->kind, DYAD_CL_SUB);
  assert_true(s->flags & DYAD_CLF_CONDITIONAL);
  assert_int_equal(s->subj, NP("Russia"));
  assert_int_equal(s->sub_word, 0);
  assert_int_equal(m->kind, DYAD_CL_MAIN);
  assert_int_equal(m->subj, NP("NATO"));
  assert_false(m->flags & DYAD_CLF_CONDITIONAL);
  dyad_doc_free(doc);
}

static void subordinate_after_main(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Xi/NNP left/VBD/leave after/IN "
                                     "the/DT talks/NNS ended/VBD/end ./.");
  const dyad_clause *s = ct_clause(doc, "ended");
  assert_int_equal(s->kind, DYAD_CL_SUB);
  assert_int_equal(s->subj, NP("talks"));
  assert_int_equal(ct_clause(doc, "left")->obj, -1);
  dyad_doc_free(doc);
}

static void apposition_and_parenthesis_skipped_for_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Putin/NNP ,/, the/DT Russian/JJ "
                                     "president/NN ,/, met/VBD/meet Xi/NNP || "
                                     "Russia/NNP (/-LRB- Moscow/NNP )/-RRB- "
                                     "protested/VBD/protest");
  assert_int_equal(ct_clause(doc, "met")->subj, NP("Putin"));
  assert_int_equal(ct_clause(doc, "protested")->subj, NP("Russia"));
  dyad_doc_free(doc);
}

static void dateline_skipped_for_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "~KYIV/NNP ~,/, ~Ukraine/NNP ~-/: "
                                     "Officials/NNS denied/VBD/deny it/PRP");
  assert_int_equal(ct_clause(doc, "denied")->subj, NP("Officials"));
  dyad_doc_free(doc);
}

static void temporal_np_is_no_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "On/IN Tuesday/NNP ,/, Turkey/NNP "
                                     "hosted/VBD/host talks/NNS last/JJ "
                                     "week/NN ./.");
  const dyad_clause *c = ct_clause(doc, "hosted");
  assert_int_equal(c->subj, NP("Turkey"));
  assert_int_equal(c->obj, NP("talks"));
  assert_int_equal(c->obj2, -1);
  dyad_doc_free(doc);
}

static void semicolon_starts_new_main(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Iran/NNP denied/VBD/deny it/PRP ;/: "
                                     "Israel/NNP disagreed/VBD/disagree ./.");
  assert_int_equal(doc->sents.v[0].nclause, 2);
  const dyad_clause *b = ct_clause(doc, "disagreed");
  assert_int_equal(b->kind, DYAD_CL_MAIN);
  assert_int_equal(b->parent, -1);
  assert_int_equal(b->subj, NP("Israel"));
  dyad_doc_free(doc);
}

static void phrase_clause_index_is_sentence_local(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Iran/NNP left/VBD/leave ./. || "
                                     "Russia/NNP said/VBD/say Iran/NNP "
                                     "lied/VBD/lie ./.");
  const dyad_sentence *s = &doc->sents.v[1];
  assert_int_equal(s->clause, 1);
  assert_int_equal(s->nclause, 2);
  const dyad_clause *l = ct_clause(doc, "lied");
  assert_int_equal(l - doc->clauses.v, 2);
  assert_int_equal(doc->phrases.v[l->verb].clause, 1);
  assert_int_equal(doc->phrases.v[l->subj].clause, 1);
  dyad_doc_free(doc);
}

static void copula_predicate_is_obj2(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "The/DT blockade/NN is/VBZ/be a/DT "
                                     "threat/NN ./.");
  const dyad_clause *c = ct_clause(doc, "is");
  assert_int_equal(c->subj, NP("blockade"));
  assert_int_equal(c->obj, -1);
  assert_int_equal(c->obj2, NP("threat"));
  dyad_doc_free(doc);
}

static void existential_there_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "There/EX were/VBD/be clashes/NNS "
                                     "in/IN Gaza/NNP ./.");
  assert_int_equal(ct_clause(doc, "were")->subj, NP("clashes"));
  dyad_doc_free(doc);
}

static void for_np_to_infinitive(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "NATO/NNP called/VBD/call for/IN "
                                     "Russia/NNP to/TO withdraw/VB ./.");
  const dyad_clause *w = ct_clause(doc, "withdraw");
  assert_int_equal(w->kind, DYAD_CL_INF);
  assert_int_equal(w->subj, NP("Russia"));
  assert_false(w->flags & DYAD_CLF_SUBJ_INHERITED);
  dyad_doc_free(doc);
}

static void purpose_infinitive_keeps_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Iran/NNP used/VBD/use drones/NNS "
                                     "to/TO strike/VB ships/NNS ./.");
  const dyad_clause *s = ct_clause(doc, "strike");
  assert_int_equal(s->subj, NP("Iran"));
  assert_true(s->flags & DYAD_CLF_SUBJ_INHERITED);
  dyad_doc_free(doc);
}

static void adnominal_infinitive_has_no_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Iran/NNP lacks/VBZ/lack the/DT "
                                     "means/NNS to/TO respond/VB || A/DT "
                                     "review/NN of/IN efforts/NNS to/TO "
                                     "cut/VB emissions/NNS ended/VBD/end");
  assert_int_equal(ct_clause(doc, "cut")->subj, -1);
  dyad_doc_free(doc);
}

static void aside_between_commas_is_skipped(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Kyiv/NNP said/VBD/say the/DT deal/NN "
                                     ",/, worth/JJ billions/NNS ,/, "
                                     "was/VBD/be signed/VBN/sign ./.");
  const dyad_clause *c = ct_clause(doc, "signed");
  assert_int_equal(c->kind, DYAD_CL_COMP);
  assert_int_equal(c->subj, NP("deal"));
  assert_int_equal(ct_clause(doc, "said")->obj, -1);
  dyad_doc_free(doc);
}

static void parenthetical_clause(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Iran/NNP (/-LRB- which/WDT "
                                     "denies/VBZ/deny it/PRP )/-RRB- "
                                     "armed/VBD/arm the/DT rebels/NNS ./.");
  const dyad_clause *m = ct_clause(doc, "armed");
  assert_int_equal(m->kind, DYAD_CL_MAIN);
  assert_int_equal(m->subj, NP("Iran"));
  assert_int_equal(m->obj, NP("rebels"));
  const dyad_clause *p = ct_clause(doc, "denies");
  assert_non_null(p);
  assert_int_equal(p->kind, DYAD_CL_SUB);
  assert_int_equal(p->sub_word, 1);
  dyad_doc_free(doc);
}

static void quantifier_of_which_is_subject(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Troops/NNS seized/VBD/seize two/CD "
                                     "towns/NNS ,/, both/DT of/IN which/WDT "
                                     "lie/VBP near/IN Kherson/NNP ./.");
  const dyad_clause *r = ct_clause(doc, "lie");
  assert_int_equal(r->kind, DYAD_CL_REL);
  assert_int_equal(r->subj, NP("both"));
  assert_int_equal(ct_clause(doc, "seized")->obj, NP("towns"));
  dyad_doc_free(doc);
}

static void question_marks_its_clause(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "\"/`` { Is/VBZ/be this/DT the/DT "
                                     "end/NN ?/. } \"/'' one/CD diplomat/NN "
                                     "asked/VBD/ask ./.");
  assert_true(ct_clause(doc, "Is")->flags & DYAD_CLF_QUESTION);
  assert_false(ct_clause(doc, "asked")->flags & DYAD_CLF_QUESTION);
  assert_true(ct_clause(doc, "Is")->flags & DYAD_CLF_REPORTED);
  dyad_doc_free(doc);
}

static void past_tense_participle_before_main_verb(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "The/DT treaty/NN ,/, signed/VBD/sign "
                                     "in/IN 1913/CD ,/, split/VBD/split "
                                     "Albania/NNP || The/DT money/NN "
                                     "invested/VBD/invest in/IN bonds/NNS "
                                     "is/VBZ/be lost/VBN/lose");
  const dyad_clause *m = ct_clause(doc, "split");
  assert_int_equal(m->kind, DYAD_CL_MAIN);
  assert_int_equal(m->subj, NP("treaty"));
  const dyad_clause *p = ct_clause(doc, "signed");
  assert_int_equal(p->kind, DYAD_CL_PART);
  assert_int_equal(p->subj, NP("treaty"));
  assert_true(doc->phrases.v[p->verb].flags & DYAD_PHF_PASSIVE);
  assert_int_equal(ct_clause(doc, "lost")->subj, NP("money"));
  assert_int_equal(ct_clause(doc, "invested")->kind, DYAD_CL_PART);
  dyad_doc_free(doc);
}

static void subordinator_mid_clause_needs_adjacent_verb(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Migrants/NNS who/WP settled/VBD/settle "
                                     "since/IN the/DT start/NN of/IN the/DT "
                                     "decade/NN left/VBD/leave ./.");
  assert_true(ct_phrase(doc, DYAD_PH_PP, "since") >= 0);
  const dyad_clause *m = ct_clause(doc, "left");
  assert_int_equal(m->kind, DYAD_CL_MAIN);
  assert_int_equal(m->subj, NP("Migrants"));
  dyad_doc_free(doc);
}

static void subjects_coordinated_across_pps(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "The/DT split/NN between/IN Iran/NNP "
                                     "and/CC Iraq/NNP and/CC the/DT end/NN "
                                     "of/IN talks/NNS caused/VBD/cause "
                                     "war/NN");
  const dyad_clause *c = ct_clause(doc, "caused");
  assert_int_equal(c->subj, NP("split"));
  assert_int_equal(doc->phrases.v[c->subj].conj, NP("end"));
  dyad_doc_free(doc);
}

static void preposition_which_relative(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Putin/NNP spoke/VBD/speak ,/, to/TO "
                                     "which/WDT Xi/NNP replied/VBD/reply ./.");
  const dyad_clause *r = ct_clause(doc, "replied");
  assert_int_equal(r->kind, DYAD_CL_REL);
  assert_int_equal(r->subj, NP("Xi"));
  assert_int_equal(r->obj, -1);
  assert_false(r->flags & DYAD_CLF_REPORTED);
  dyad_doc_free(doc);
}

static void copular_complement_then_action_joins_speaker(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Washington/NNP said/VBD/say the/DT "
                                     "plan/NN was/VBD/be weak/JJ and/CC "
                                     "urged/VBD/urge Beijing/NNP to/TO "
                                     "act/VB ./.");
  const dyad_clause *u = ct_clause(doc, "urged");
  assert_int_equal(u->kind, DYAD_CL_COORD);
  assert_int_equal(u->parent, (int32_t)(ct_clause(doc, "said") -
                                        doc->clauses.v));
  assert_int_equal(u->subj, NP("Washington"));
  assert_false(u->flags & DYAD_CLF_REPORTED);
  dyad_doc_free(doc);
}

static void coordinated_participle_shares_auxiliary(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Ties/NNS have/VBP/have grown/VBN/grow "
                                     "and/CC acquired/VBN/acquire weight/NN "
                                     "./.");
  const dyad_clause *a = ct_clause(doc, "acquired");
  assert_int_equal(a->kind, DYAD_CL_COORD);
  assert_int_equal(a->subj, NP("Ties"));
  uint32_t f = doc->phrases.v[a->verb].flags;
  assert_true(f & DYAD_PHF_PERFECT);
  assert_false(f & DYAD_PHF_PASSIVE);
  assert_int_equal(a->obj, NP("weight"));
  dyad_doc_free(doc);
}

static void noun_complement_that_is_no_relative(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "They/PRP shared/VBD/share the/DT "
                                     "view/NN that/IN ties/NNS had/VBD/have "
                                     "grown/VBN/grow ./.");
  const dyad_clause *g = ct_clause(doc, "grown");
  assert_int_equal(g->kind, DYAD_CL_COMP);
  assert_int_equal(g->subj, NP("ties"));
  assert_int_equal(g->obj, -1);
  dyad_doc_free(doc);
}

static void gerund_after_of_takes_its_noun(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "Talks/NNS cut/VBD/cut the/DT risk/NN "
                                     "of/IN clashes/NNS erupting/VBG/erupt "
                                     "./.");
  const dyad_clause *e = ct_clause(doc, "erupting");
  assert_int_equal(e->kind, DYAD_CL_PART);
  assert_int_equal(e->subj, NP("clashes"));
  dyad_doc_free(doc);
}

/* Every index the parser wrote points where it should. */
static void check_invariants(const dyad_doc *doc)
{
  size_t np = doc->phrases.n, nc = doc->clauses.n;
  for (size_t k = 0; k < np; k++) {
    const dyad_phrase *x = &doc->phrases.v[k];
    assert_true(x->ntok >= 1 && x->tok + x->ntok <= doc->toks.n);
    assert_true(x->head >= x->tok && x->head < x->tok + x->ntok);
    int32_t refs[] = {x->poss, x->conj, x->attach, x->up, x->next_pp};
    for (size_t r = 0; r < DYAD_ARRAY_LEN(refs); r++)
      assert_true(refs[r] >= -1 && refs[r] < (int32_t)np);
    if (x->kind == DYAD_PH_PP)
      assert_true(x->child >= 0 && x->child < (int32_t)np);
    if (k > 0)
      assert_true(doc->phrases.v[k - 1].tok <= x->tok);
  }
  for (size_t si = 0; si < doc->sents.n; si++) {
    const dyad_sentence *s = &doc->sents.v[si];
    assert_true(s->clause + s->nclause <= nc);
    for (uint32_t j = s->clause; j < s->clause + s->nclause; j++) {
      const dyad_clause *c = &doc->clauses.v[j];
      int32_t refs[] = {c->verb, c->subj, c->obj, c->obj2, c->antecedent,
                        c->speaker};
      for (size_t r = 0; r < DYAD_ARRAY_LEN(refs); r++)
        assert_true(refs[r] >= -1 && refs[r] < (int32_t)np);
      assert_true(c->parent == -1 ||
                  (c->parent >= (int32_t)s->clause &&
                   c->parent < (int32_t)(s->clause + s->nclause) &&
                   c->parent != (int32_t)j));
      assert_true(c->tok >= s->tok && c->tok + c->ntok <= s->tok + s->ntok);
      int32_t p = c->npp ? (int32_t)c->pp : -1;
      for (uint32_t n = 0; n < c->npp; n++) {
        assert_true(p >= 0 && doc->phrases.v[p].kind == DYAD_PH_PP);
        p = doc->phrases.v[p].next_pp;
      }
      if (c->verb >= 0)
        assert_int_equal(doc->phrases.v[c->verb].kind, DYAD_PH_VG);
    }
    for (size_t k = 0; k < np; k++) {
      const dyad_phrase *x = &doc->phrases.v[k];
      if (x->tok >= s->tok && x->tok < s->tok + s->ntok)
        assert_true(x->clause < (s->nclause ? s->nclause : 1));
    }
  }
}

/* One very long sentence of repeated constructions: every index stays
 * consistent (the parser is linear; this would also show a blow-up as a
 * slow test). */
static void long_sentence_keeps_invariants(void **state)
{
  static const char *const pat =
      "the/DT man/NN who/WP said/VBD/say ,/, and/CC attacked/VBD/attack "
      "Kyiv/NNP ,/, officials/NNS said/VBD/say (/-LRB- to/TO go/VB )/-RRB- "
      "Russia/NNP 's/POS plans/NNS/plan to/TO urge/VB/urge Iran/NNP to/TO "
      "act/VB ";
  size_t n = 2000, len = strlen(pat);
  char *spec = malloc(n * len + 1);
  assert_non_null(spec);
  for (size_t i = 0; i < n; i++)
    memcpy(spec + i * len, pat, len);
  spec[n * len] = '\0';
  dyad_doc *doc = tagged_doc(*state, spec);
  free(spec);
  assert_int_equal(doc->sents.n, 1);
  assert_true(doc->clauses.n > n);
  check_invariants(doc);
  dyad_doc_free(doc);
}

static void odd_input_is_stable(void **state)
{
  dyad_doc *doc = tagged_doc(*state, "|| ./. ,/, ;/: ./. || Hello/UH || "
                                     "the/DT || ./. || and/CC and/CC || "
                                     "to/TO to/TO || who/WP said/VBD/say "
                                     "that/IN || ,/, said/VBD/say ,/, "
                                     "said/VBD/say");
  assert_int_equal(doc->sents.v[0].ntok, 0);
  assert_int_equal(doc->sents.v[0].nclause, 0);
  for (size_t si = 1; si < doc->sents.n; si++)
    assert_true(doc->sents.v[si].nclause >= 1);
  check_invariants(doc);
  dyad_buf b = {0};
  for (size_t si = 0; si < doc->sents.n; si++) {
    assert_int_equal(dyad__write_phrases(doc, si, 0, &b), 0);
    assert_int_equal(dyad__write_phrases(doc, si, 1, &b), 0);
  }
  dyad_buf_release(&b);
  dyad_doc_free(doc);
}

/* Random tag sequences: no crash, and all indexes stay consistent. */
static void random_tags_keep_invariants(void **state)
{
  static const char *const words[] = {
      "Russia/NNP", "troops/NNS", "the/DT", "and/CC", ",/,", "said/VBD/say",
      "attacked/VBD/attack", "was/VBD/be", "hit/VBN", "to/TO", "go/VB",
      "who/WP", "that/IN", "that/WDT", "if/IN", "after/IN", "of/IN",
      "'s/POS", "his/PRP$", "he/PRP", "not/RB", "will/MD", "new/JJ",
      "(/-LRB-", ")/-RRB-", ";/:", "\"/``", "\"/''", "./.", "according/VBG",
      "plans/NNS", "going/VBG/go", "up/RP", "~Kyiv/NNP", "working/VBG"};
  char spec[4096];
  unsigned seed = 12345;
  dyad_doc *doc = dyad_doc_new(*state);
  for (int round = 0; round < 300; round++) {
    size_t len = 0;
    int n = 1 + (int)(seed % 40);
    for (int k = 0; k < n; k++) {
      seed = seed * 1103515245u + 12345u;
      const char *w = words[(seed >> 8) % DYAD_ARRAY_LEN(words)];
      size_t wl = strlen(w);
      if (len + wl + 5 >= sizeof(spec))
        break;
      memcpy(spec + len, w, wl);
      len += wl;
      spec[len++] = ' ';
      if (((seed >> 20) & 15) == 0) {
        memcpy(spec + len, "|| ", 3);
        len += 3;
      }
    }
    spec[len] = '\0';
    dyad__arena_reset(&doc->arena);
    ct_fill(doc, spec);
    check_invariants(doc);
  }
  dyad_doc_free(doc);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(main_clause_roles),
      cmocka_unit_test(pps_are_chained),
      cmocka_unit_test(passive_keeps_patient_and_by_pp),
      cmocka_unit_test(relative_clause_antecedent),
      cmocka_unit_test(object_relative_clause),
      cmocka_unit_test(reported_speech_without_that),
      cmocka_unit_test(reported_speech_with_that),
      cmocka_unit_test(trailing_reporting_frame),
      cmocka_unit_test(inverted_reporting_frame),
      cmocka_unit_test(direct_quote_flagged),
      cmocka_unit_test(according_to_marks_reported),
      cmocka_unit_test(infinitive_takes_object_as_subject),
      cmocka_unit_test(intent_passes_to_infinitive),
      cmocka_unit_test(threat_and_refusal_pass_to_infinitive),
      cmocka_unit_test(noun_plan_governs_infinitive),
      cmocka_unit_test(initial_participle_inherits_main_subject),
      cmocka_unit_test(trailing_perfect_participle),
      cmocka_unit_test(coordinated_vp_inherits_subject),
      cmocka_unit_test(coordinated_clause_own_subject),
      cmocka_unit_test(conditional_subordinate),
      cmocka_unit_test(subordinate_after_main),
      cmocka_unit_test(apposition_and_parenthesis_skipped_for_subject),
      cmocka_unit_test(dateline_skipped_for_subject),
      cmocka_unit_test(temporal_np_is_no_subject),
      cmocka_unit_test(semicolon_starts_new_main),
      cmocka_unit_test(phrase_clause_index_is_sentence_local),
      cmocka_unit_test(copula_predicate_is_obj2),
      cmocka_unit_test(existential_there_subject),
      cmocka_unit_test(for_np_to_infinitive),
      cmocka_unit_test(purpose_infinitive_keeps_subject),
      cmocka_unit_test(adnominal_infinitive_has_no_subject),
      cmocka_unit_test(aside_between_commas_is_skipped),
      cmocka_unit_test(parenthetical_clause),
      cmocka_unit_test(quantifier_of_which_is_subject),
      cmocka_unit_test(question_marks_its_clause),
      cmocka_unit_test(past_tense_participle_before_main_verb),
      cmocka_unit_test(subordinator_mid_clause_needs_adjacent_verb),
      cmocka_unit_test(subjects_coordinated_across_pps),
      cmocka_unit_test(preposition_which_relative),
      cmocka_unit_test(copular_complement_then_action_joins_speaker),
      cmocka_unit_test(coordinated_participle_shares_auxiliary),
      cmocka_unit_test(noun_complement_that_is_no_relative),
      cmocka_unit_test(gerund_after_of_takes_its_noun),
      cmocka_unit_test(odd_input_is_stable),
      cmocka_unit_test(long_sentence_keeps_invariants),
      cmocka_unit_test(random_tags_keep_invariants),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
