/* test_sentence.c: the sentence splitter (src/text/sentence.c): stops,
 * abbreviations, quotations, paragraphs, credits, captions, datelines. */
#include "testutil.h"

#include "text/text.h"

struct fx {
  dyad_ctx *ctx;
  dyad_doc *doc;
  char joined[4096];
};

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof(*f));
  f->ctx = dyad_ctx_new(NULL);
  *state = f;
  return f->ctx ? 0 : -1;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  dyad_doc_free(f->doc);
  dyad_ctx_free(f->ctx);
  free(f);
  return 0;
}

/* Splits text; returns the sentences (their text spans) joined by " || ". */
static const char *sents(struct fx *f, const char *text)
{
  dyad_doc_free(f->doc);
  f->doc = test_doc(f->ctx, text, DYAD_STAGE_SENTENCES);
  size_t o = 0;
  f->joined[0] = '\0';
  size_t next_tok = 0;
  for (size_t i = 0; i < f->doc->sents.n; i++) {
    const dyad_sentence *s = &f->doc->sents.v[i];
    /* invariants: cover every token once, in order, spans match tokens */
    assert_int_equal(s->tok, next_tok);
    assert_true(s->ntok >= 1);
    next_tok = s->tok + s->ntok;
    const dyad_token *a = &f->doc->toks.v[s->tok];
    const dyad_token *z = &f->doc->toks.v[next_tok - 1];
    assert_int_equal(s->off, a->off);
    assert_int_equal(s->off + s->len, z->off + z->len);
    o += (size_t)snprintf(f->joined + o, sizeof(f->joined) - o, "%s%.*s",
                          i ? " || " : "", (int)s->len,
                          f->doc->text + s->off);
    assert_true(o < sizeof(f->joined));
  }
  assert_int_equal(next_tok, f->doc->toks.n);
  return f->joined;
}

static uint32_t sflags(struct fx *f, size_t i)
{
  assert_true(i < f->doc->sents.n);
  return f->doc->sents.v[i].flags;
}

/* ==== stops ============================================================== */

static void splits_at_stops(void **state)
{
  struct fx *f = *state;
  assert_string_equal(sents(f, "Xi left. Putin stayed! Why? Nobody knows."),
                      "Xi left. || Putin stayed! || Why? || Nobody knows.");
}

static void keeps_lowercase_continuation(void **state)
{
  struct fx *f = *state;
  assert_string_equal(sents(f, "\xe2\x80\x9cWhy?\xe2\x80\x9d he asked. Then"),
                      "\xe2\x80\x9cWhy?\xe2\x80\x9d he asked. || Then");
  assert_string_equal(sents(f, "\"Stop!\", she said."),
                      "\"Stop!\", she said.");
}

static void splits_after_closing_quote(void **state)
{
  struct fx *f = *state;
  assert_string_equal(
      sents(f, "He said: \xe2\x80\x9cWe drive these changes.\xe2\x80\x9d "
               "Putin agreed."),
      "He said: \xe2\x80\x9cWe drive these changes.\xe2\x80\x9d || "
      "Putin agreed.");
  assert_string_equal(sents(f, "It ended (finally.) Then more."),
                      "It ended (finally.) || Then more.");
}

static void splits_after_ellipsis_before_starter(void **state)
{
  struct fx *f = *state;
  assert_string_equal(sents(f, "We waited... But nobody came. Then... Moscow"),
                      "We waited... || But nobody came. || Then... Moscow");
}

static void splits_inside_quotation(void **state)
{
  struct fx *f = *state;
  assert_string_equal(
      sents(f, "\xe2\x80\x9cWe agree. We will act.\xe2\x80\x9d"),
      "\xe2\x80\x9cWe agree. || We will act.\xe2\x80\x9d");
}

/* ==== abbreviations and initials ========================================= */

static void keeps_titles_with_names(void **state)
{
  struct fx *f = *state;
  assert_string_equal(sents(f, "Brig. Gen. Ryder and Dr. Lee spoke. The end."),
                      "Brig. Gen. Ryder and Dr. Lee spoke. || The end.");
}

static void keeps_initials(void **state)
{
  struct fx *f = *state;
  assert_string_equal(sents(f, "Vladimir V. Putin met John F. Kennedy Jr. once."),
                      "Vladimir V. Putin met John F. Kennedy Jr. once.");
}

static void splits_abbreviation_before_sentence(void **state)
{
  struct fx *f = *state;
  assert_string_equal(sents(f, "Talks were held in the U.S. The Kremlin objected."),
                      "Talks were held in the U.S. || The Kremlin objected.");
  assert_string_equal(sents(f, "It starts at 9 a.m. He will speak."),
                      "It starts at 9 a.m. || He will speak.");
  assert_string_equal(sents(f, "He joined Acme Inc. \xe2\x80\x9cIt is good,\xe2\x80\x9d he said."),
                      "He joined Acme Inc. || \xe2\x80\x9cIt is good,\xe2\x80\x9d he said.");
}

static void keeps_abbreviation_inside_sentence(void **state)
{
  struct fx *f = *state;
  assert_string_equal(sents(f, "The U.S. Senate met U.N. envoys on Jan. 5 in Washington."),
                      "The U.S. Senate met U.N. envoys on Jan. 5 in Washington.");
  assert_string_equal(sents(f, "Critics of the U.S. \"war on terror\" spoke."),
                      "Critics of the U.S. \"war on terror\" spoke.");
  assert_string_equal(sents(f, "Trade between the U.S. And Japan grew."),
                      "Trade between the U.S. And Japan grew.");
  assert_string_equal(sents(f, "Smith Corp. said profits rose."),
                      "Smith Corp. said profits rose.");
  assert_string_equal(sents(f, "He flew to St. Petersburg on Friday."),
                      "He flew to St. Petersburg on Friday.");
  assert_string_equal(sents(f, "They live on Elm St. The house is old."),
                      "They live on Elm St. || The house is old.");
}

static void splits_abbreviation_at_paragraph_end(void **state)
{
  struct fx *f = *state;
  assert_string_equal(sents(f, "They moved to the U.S.\n\nLater they left."),
                      "They moved to the U.S. || Later they left.");
}

/* ==== paragraphs ========================================================= */

static void ends_sentence_at_paragraph(void **state)
{
  struct fx *f = *state;
  assert_string_equal(sents(f, "China and Russia pledge ties\n\nXi left Moscow."),
                      "China and Russia pledge ties || Xi left Moscow.");
  assert_int_equal(f->doc->sents.v[0].para, 0);
  assert_int_equal(f->doc->sents.v[1].para, 1);
  assert_true(sflags(f, 0) & DYAD_SENTF_PARA);
  assert_true(sflags(f, 1) & DYAD_SENTF_PARA);
}

static void never_spans_paragraphs(void **state)
{
  struct fx *f = *state;
  assert_string_equal(sents(f, "He said\n\nthat it was over. And more."),
                      "He said || that it was over. || And more.");
  assert_false(sflags(f, 2) & DYAD_SENTF_PARA);
  assert_int_equal(f->doc->sents.v[2].para, 1);
}

static void cuts_very_long_runs(void **state)
{
  struct fx *f = *state;
  static char text[6000];
  size_t o = 0;
  for (int i = 0; i < 1000; i++)
    o += (size_t)snprintf(text + o, sizeof(text) - o, "w ");
  sents(f, text);
  assert_true(f->doc->sents.n >= 3);
  for (size_t i = 0; i < f->doc->sents.n; i++)
    assert_true(f->doc->sents.v[i].ntok <= 400);
}

/* ==== credits and captions =============================================== */

static void flags_credit_and_caption(void **state)
{
  struct fx *f = *state;
  assert_string_equal(
      sents(f, "Story text here.\n\nThe minister greets envoys in Rome. "
               "AFP - Getty Images\n\nMore story."),
      "Story text here. || The minister greets envoys in Rome. || "
      "AFP - Getty Images || More story.");
  assert_int_equal(sflags(f, 0) & (DYAD_SENTF_CAPTION | DYAD_SENTF_CREDIT), 0);
  assert_true(sflags(f, 1) & DYAD_SENTF_CAPTION);
  assert_true(sflags(f, 2) & DYAD_SENTF_CREDIT);
  assert_false(sflags(f, 2) & DYAD_SENTF_CAPTION);
  assert_int_equal(sflags(f, 3) & (DYAD_SENTF_CAPTION | DYAD_SENTF_CREDIT), 0);
}

static void splits_trailing_credit(void **state)
{
  struct fx *f = *state;
  assert_string_equal(
      sents(f, "Soldiers march in a parade in Minsk Jan Novak / Reuters"),
      "Soldiers march in a parade in Minsk || Jan Novak / Reuters");
  assert_true(sflags(f, 0) & DYAD_SENTF_CAPTION);
  assert_true(sflags(f, 1) & DYAD_SENTF_CREDIT);
  assert_string_equal(
      sents(f, "Crowds gather outside the parliament on Sunday Photo: EPA"),
      "Crowds gather outside the parliament on Sunday || Photo: EPA");
  assert_true(sflags(f, 1) & DYAD_SENTF_CREDIT);
}

static void flags_credit_variants(void **state)
{
  struct fx *f = *state;
  sents(f, "A view of the summit. Ana Ruiz / Pool via AP");
  assert_true(sflags(f, 1) & DYAD_SENTF_CREDIT);
  sents(f, "Intro.\n\n(Reuters)");
  assert_true(sflags(f, 1) & DYAD_SENTF_CREDIT);
  sents(f, "Intro.\n\nPhoto: Xinhua");
  assert_true(sflags(f, 1) & DYAD_SENTF_CREDIT);
  assert_string_equal(
      sents(f, "Leaders meet in Minsk. (Photo by Ivan Petrov/Sputnik/AFP via "
               "Getty Images)"),
      "Leaders meet in Minsk. || (Photo by Ivan Petrov/Sputnik/AFP via "
      "Getty Images)");
  assert_true(sflags(f, 1) & DYAD_SENTF_CREDIT);
  assert_true(sflags(f, 0) & DYAD_SENTF_CAPTION);
  sents(f, "A market in Kherson. Photo by Olena Shevchenko");
  assert_true(sflags(f, 1) & DYAD_SENTF_CREDIT);
}

static void leaves_ordinary_text_alone(void **state)
{
  struct fx *f = *state;
  sents(f, "Putin Meets Xi In Moscow\n\nXinhua reported the talks. "
           "Reuters said more.\n\nThe AP story ran\n\n"
           "Officials told Reuters\n\nShares of Getty Oil Co.");
  for (size_t i = 0; i < f->doc->sents.n; i++)
    assert_int_equal(sflags(f, i) & (DYAD_SENTF_CAPTION | DYAD_SENTF_CREDIT),
                     0);
}

static void skips_caption_in_long_paragraph(void **state)
{
  struct fx *f = *state;
  sents(f, "One. Two. Three. Four. AFP - Getty Images");
  assert_true(sflags(f, 4) & DYAD_SENTF_CREDIT);
  for (size_t i = 0; i < 4; i++)
    assert_false(sflags(f, i) & DYAD_SENTF_CAPTION);
}

/* ==== datelines ========================================================== */

static void flags_dateline_sentence(void **state)
{
  struct fx *f = *state;
  assert_string_equal(
      sents(f, "MOSCOW, March 22 (Reuters) - Xi left. He waved."),
      "MOSCOW, March 22 (Reuters) - Xi left. || He waved.");
  assert_true(sflags(f, 0) & DYAD_SENTF_DATELINE);
  assert_false(sflags(f, 1) & DYAD_SENTF_DATELINE);
}

static void knows_sentence_starters(void **state)
{
  (void)state;
  assert_int_equal(dyad__sentence_starter("The", 3), 2);
  assert_int_equal(dyad__sentence_starter("However", 7), 2);
  assert_int_equal(dyad__sentence_starter("And", 3), 1);
  assert_false(dyad__sentence_starter("the", 3));
  assert_false(dyad__sentence_starter("Senate", 6));
  assert_true(dyad__agency_word("AFP", 3));
  assert_true(dyad__agency_word("Images", 6));
  assert_false(dyad__agency_word("Getty", 5)); /* Getty Oil, Getty Center */
  assert_false(dyad__agency_word("afp", 3));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(splits_at_stops),
      cmocka_unit_test(keeps_lowercase_continuation),
      cmocka_unit_test(splits_after_closing_quote),
      cmocka_unit_test(splits_inside_quotation),
      cmocka_unit_test(splits_after_ellipsis_before_starter),
      cmocka_unit_test(keeps_titles_with_names),
      cmocka_unit_test(keeps_initials),
      cmocka_unit_test(splits_abbreviation_before_sentence),
      cmocka_unit_test(keeps_abbreviation_inside_sentence),
      cmocka_unit_test(splits_abbreviation_at_paragraph_end),
      cmocka_unit_test(ends_sentence_at_paragraph),
      cmocka_unit_test(never_spans_paragraphs),
      cmocka_unit_test(cuts_very_long_runs),
      cmocka_unit_test(flags_credit_and_caption),
      cmocka_unit_test(splits_trailing_credit),
      cmocka_unit_test(flags_credit_variants),
      cmocka_unit_test(leaves_ordinary_text_alone),
      cmocka_unit_test(skips_caption_in_long_paragraph),
      cmocka_unit_test(flags_dateline_sentence),
      cmocka_unit_test(knows_sentence_starters),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
