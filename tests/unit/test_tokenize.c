/* test_tokenize.c: the tokenizer (src/text/tokenize.c): splitting, kinds,
 * flags, quotes, paragraphs, datelines, offsets on bad input. */
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

/* Tokenizes text; returns the tokens joined by '|'. */
static const char *toks(struct fx *f, const char *text)
{
  dyad_doc_free(f->doc);
  f->doc = test_doc(f->ctx, text, DYAD_STAGE_TOKENS);
  size_t o = 0;
  f->joined[0] = '\0';
  for (size_t i = 0; i < f->doc->toks.n; i++) {
    const dyad_token *t = &f->doc->toks.v[i];
    o += (size_t)snprintf(f->joined + o, sizeof(f->joined) - o, "%s%.*s",
                          i ? "|" : "", (int)t->len, f->doc->text + t->off);
    assert_true(o < sizeof(f->joined));
  }
  return f->joined;
}

/* The token spelled w (the first one). */
static const dyad_token *tok(struct fx *f, const char *w)
{
  for (size_t i = 0; i < f->doc->toks.n; i++)
    if (dyad__tok_is(f->doc, &f->doc->toks.v[i], w))
      return &f->doc->toks.v[i];
  fail_msg("no token '%s' in %s", w, f->joined);
  return NULL;
}

#define HAS(t, flag) assert_true(((t)->flags & (flag)) != 0)
#define HASNT(t, flag) assert_true(((t)->flags & (flag)) == 0)

/* ==== words and clitics ================================================== */

static void splits_plain_words_and_punct(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "Xi left Moscow, then (briefly) spoke; ok?"),
                      "Xi|left|Moscow|,|then|(|briefly|)|spoke|;|ok|?");
  assert_int_equal(tok(f, "Xi")->kind, DYAD_TK_WORD);
  assert_int_equal(tok(f, ",")->kind, DYAD_TK_PUNCT);
}

static void splits_curly_possessive(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "Putin\xe2\x80\x99s war"),
                      "Putin|\xe2\x80\x99s|war");
  HAS(tok(f, "\xe2\x80\x99s"), DYAD_TOKF_CLITIC);
  assert_int_equal(tok(f, "\xe2\x80\x99s")->kind, DYAD_TK_WORD);
  HASNT(tok(f, "\xe2\x80\x99s"), DYAD_TOKF_SPACE);
}

static void splits_negation_clitic(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "they haven\xe2\x80\x99t gone"),
                      "they|have|n\xe2\x80\x99t|gone");
  HAS(tok(f, "n\xe2\x80\x99t"), DYAD_TOKF_CLITIC);
  assert_string_equal(toks(f, "I can't and won't"), "I|ca|n't|and|wo|n't");
}

static void splits_straight_clitics(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "Kyiv's they're we'll I'm you've he'd"),
                      "Kyiv|'s|they|'re|we|'ll|I|'m|you|'ve|he|'d");
  HAS(tok(f, "'re"), DYAD_TOKF_CLITIC);
  HAS(tok(f, "'d"), DYAD_TOKF_CLITIC);
}

static void keeps_inner_apostrophe(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "O'Neill met d\xe2\x80\x99" "Estaing"),
                      "O'Neill|met|d\xe2\x80\x99" "Estaing");
}

static void splits_plural_possessive(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "the countries\xe2\x80\x99 relations"),
                      "the|countries|\xe2\x80\x99|relations");
  HAS(tok(f, "\xe2\x80\x99"), DYAD_TOKF_CLITIC);
  assert_string_equal(toks(f, "the leaders' talks"), "the|leaders|'|talks");
  HAS(tok(f, "'"), DYAD_TOKF_CLITIC);
}

static void keeps_hyphenated_words(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "a year-long war, Xi-Putin talks, a 12-point plan"),
                      "a|year-long|war|,|Xi-Putin|talks|,|a|12-point|plan");
  HAS(tok(f, "year-long"), DYAD_TOKF_HYPHEN);
  HAS(tok(f, "Xi-Putin"), DYAD_TOKF_HYPHEN);
  HAS(tok(f, "12-point"), DYAD_TOKF_HYPHEN);
  assert_int_equal(tok(f, "12-point")->kind, DYAD_TK_NUM);
  HASNT(tok(f, "war"), DYAD_TOKF_HYPHEN);
}

static void keeps_abbreviation_compound(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "a U.S.-backed plan's end"),
                      "a|U.S.-backed|plan|'s|end");
  HAS(tok(f, "U.S.-backed"), DYAD_TOKF_HYPHEN);
  HASNT(tok(f, "U.S.-backed"), DYAD_TOKF_ABBREV);
  assert_string_equal(toks(f, "the U.S.-Japan's pact"),
                      "the|U.S.-Japan|'s|pact");
}

static void splits_dangling_hyphen(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "pre- and post-war"), "pre|-|and|post-war");
}

/* ==== numbers and money ================================================== */

static void splits_money(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "about $15.6 billion"), "about|$|15.6|billion");
  assert_int_equal(tok(f, "$")->kind, DYAD_TK_SYMBOL);
  assert_int_equal(tok(f, "15.6")->kind, DYAD_TK_NUM);
}

static void keeps_numbers_whole(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "1,000 people, 3.5% more, the 1990s, 21st"),
                      "1,000|people|,|3.5|%|more|,|the|1990s|,|21st");
  assert_int_equal(tok(f, "1,000")->kind, DYAD_TK_NUM);
  assert_int_equal(tok(f, "1990s")->kind, DYAD_TK_NUM);
  assert_int_equal(tok(f, "21st")->kind, DYAD_TK_NUM);
  assert_int_equal(tok(f, "%")->kind, DYAD_TK_SYMBOL);
}

static void splits_number_units(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "a 1.4bn loan at 5pm, 25.7p, 3D and 4th"),
                      "a|1.4|bn|loan|at|5|pm|,|25.7|p|,|3D|and|4th");
  assert_int_equal(tok(f, "1.4")->kind, DYAD_TK_NUM);
  assert_int_equal(tok(f, "bn")->kind, DYAD_TK_WORD);
  assert_string_equal(toks(f, "We cannot go"), "We|can|not|go");
}

static void keeps_times_and_fractions(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "at 9:30 rose 3/4 to 1,234,567."),
                      "at|9:30|rose|3/4|to|1,234,567|.");
}

static void splits_list_commas(void **state)
{
  struct fx *f = *state;
  /* a comma not followed by exactly three digits separates numbers */
  assert_string_equal(toks(f, "1,2 and 5,0001"), "1|,|2|and|5|,|0001");
}

/* ==== abbreviations ====================================================== */

static void keeps_initial_period(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "Vladimir V. Putin"), "Vladimir|V.|Putin");
  HAS(tok(f, "V."), DYAD_TOKF_ABBREV);
}

static void keeps_abbreviation_periods(void **state)
{
  struct fx *f = *state;
  static const char *const ab[] = {
      "U.S.", "U.N.", "Brig.", "Gen.", "Jan.", "Mr.", "Dr.", "Sen.", "Gov.",
      "Lt.", "Col.", "Inc.", "Corp.", "Co.", "vs.", "a.m.", "p.m.",
      "Calif.", "Sept.", "etc.", "Mrs.", "Jr.", "St."};
  for (size_t i = 0; i < DYAD_ARRAY_LEN(ab); i++) {
    char buf[64];
    snprintf(buf, sizeof(buf), "x %s y", ab[i]);
    char want[64];
    snprintf(want, sizeof(want), "x|%s|y", ab[i]);
    assert_string_equal(toks(f, buf), want);
    HAS(tok(f, ab[i]), DYAD_TOKF_ABBREV);
  }
}

static void keeps_numbering_period_before_number(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "at No. 10 and Nos. 3"), "at|No.|10|and|Nos.|3");
  HAS(tok(f, "No."), DYAD_TOKF_ABBREV);
  assert_string_equal(toks(f, "He said \"No.\" Then"),
                      "He|said|\"|No|.|\"|Then");
}

static void splits_period_after_word(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "He left. Then"), "He|left|.|Then");
  HASNT(tok(f, "left"), DYAD_TOKF_ABBREV);
  /* a lower-case title is a word, not an abbreviation */
  assert_string_equal(toks(f, "a gen. x"), "a|gen|.|x");
  /* a run-on "word.Word" splits */
  assert_string_equal(toks(f, "rose.The"), "rose|.|The");
}

static void classifies_abbreviations(void **state)
{
  (void)state;
  assert_int_equal(dyad__abbrev_kind("Gen", 3), DYAD_ABBR_TITLE);
  assert_int_equal(dyad__abbrev_kind("Mr", 2), DYAD_ABBR_TITLE);
  assert_int_equal(dyad__abbrev_kind("Adm", 3), DYAD_ABBR_TITLE);
  assert_int_equal(dyad__abbrev_kind("Sgt", 3), DYAD_ABBR_TITLE);
  assert_int_equal(dyad__abbrev_kind("Jan", 3), DYAD_ABBR_MONTH);
  assert_int_equal(dyad__abbrev_kind("Sept", 4), DYAD_ABBR_MONTH);
  assert_int_equal(dyad__abbrev_kind("Dec", 3), DYAD_ABBR_MONTH);
  assert_int_equal(dyad__abbrev_kind("V", 1), DYAD_ABBR_INITIAL);
  assert_int_equal(dyad__abbrev_kind("U.S", 3), DYAD_ABBR_OTHER);
  assert_int_equal(dyad__abbrev_kind("a.m", 3), DYAD_ABBR_OTHER);
  assert_int_equal(dyad__abbrev_kind("Inc", 3), DYAD_ABBR_OTHER);
  assert_int_equal(dyad__abbrev_kind("INC", 3), DYAD_ABBR_OTHER);
  assert_int_equal(dyad__abbrev_kind("Wyo", 3), DYAD_ABBR_OTHER);
  assert_int_equal(dyad__abbrev_kind("vs", 2), DYAD_ABBR_OTHER);
  assert_int_equal(dyad__abbrev_kind("approx", 6), DYAD_ABBR_OTHER);
  assert_int_equal(dyad__abbrev_kind("Ala", 3), DYAD_ABBR_OTHER);
  assert_int_equal(dyad__abbrev_kind("Viz", 3), DYAD_ABBR_OTHER);
  /* not abbreviations */
  assert_int_equal(dyad__abbrev_kind("inc", 3), DYAD_ABBR_NONE);
  assert_int_equal(dyad__abbrev_kind("GeN", 3), DYAD_ABBR_NONE);
  assert_int_equal(dyad__abbrev_kind("year", 4), DYAD_ABBR_NONE);
  assert_int_equal(dyad__abbrev_kind("v", 1), DYAD_ABBR_NONE);
  assert_int_equal(dyad__abbrev_kind("U.Sxy", 5), DYAD_ABBR_NONE);
  assert_int_equal(dyad__abbrev_kind("", 0), DYAD_ABBR_NONE);
}

/* ==== URLs, dashes, ellipses ============================================= */

static void keeps_urls_whole(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "see https://example.com/a?b=1. Or www.example.org,"),
                      "see|https://example.com/a?b=1|.|Or|www.example.org|,");
  assert_int_equal(tok(f, "https://example.com/a?b=1")->kind, DYAD_TK_URL);
  assert_int_equal(tok(f, "www.example.org")->kind, DYAD_TK_URL);
  assert_string_equal(toks(f, "(reuters.com)"), "(|reuters.com|)");
  assert_int_equal(tok(f, "reuters.com")->kind, DYAD_TK_URL);
}

static void keeps_email_whole(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "write to press_desk@example.org now"),
                      "write|to|press_desk@example.org|now");
  assert_int_equal(tok(f, "press_desk@example.org")->kind, DYAD_TK_URL);
  assert_string_equal(toks(f, "@handle"), "@|handle");
}

static void splits_underscored_names(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "the Prince of Dol_Amroth met Minas_Tirith"),
                      "the|Prince|of|Dol|Amroth|met|Minas|Tirith");
  assert_string_equal(toks(f, "snake_case and Foo_Bar@x.org stay"),
                      "snake_case|and|Foo_Bar@x.org|stay");
}

static void keeps_ellipsis_and_double_dash(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "wait... no -- yes\xe2\x80\xa6"),
                      "wait|...|no|--|yes|\xe2\x80\xa6");
  assert_int_equal(tok(f, "--")->kind, DYAD_TK_PUNCT);
}

static void splits_em_and_en_dashes(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "war\xe2\x80\x94" "and 2010\xe2\x80\x93" "2012"),
                      "war|\xe2\x80\x94|and|2010|\xe2\x80\x93|2012");
  assert_int_equal(tok(f, "\xe2\x80\x94")->kind, DYAD_TK_PUNCT);
}

/* ==== quotation marks ==================================================== */

static void marks_curly_quotes(void **state)
{
  struct fx *f = *state;
  assert_string_equal(
      toks(f, "an \xe2\x80\x9cimpartial position\xe2\x80\x9d. Then"),
      "an|\xe2\x80\x9c|impartial|position|\xe2\x80\x9d|.|Then");
  const dyad_token *o = tok(f, "\xe2\x80\x9c"), *c = tok(f, "\xe2\x80\x9d");
  assert_int_equal(o->kind, DYAD_TK_QUOTE);
  HAS(o, DYAD_TOKF_OPENQ);
  HAS(c, DYAD_TOKF_CLOSEQ);
  HAS(tok(f, "impartial"), DYAD_TOKF_INQUOTE);
  HAS(tok(f, "position"), DYAD_TOKF_INQUOTE);
  HASNT(tok(f, "an"), DYAD_TOKF_INQUOTE);
  HASNT(tok(f, "Then"), DYAD_TOKF_INQUOTE);
  HASNT(o, DYAD_TOKF_INQUOTE);
  HASNT(c, DYAD_TOKF_INQUOTE);
}

static void marks_straight_quotes_by_context(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "\"No,\" he said, \"never.\""),
                      "\"|No|,|\"|he|said|,|\"|never|.|\"");
  const dyad_token *v = f->doc->toks.v;
  HAS(&v[0], DYAD_TOKF_OPENQ);
  HAS(&v[3], DYAD_TOKF_CLOSEQ);
  HAS(&v[7], DYAD_TOKF_OPENQ);
  HAS(&v[10], DYAD_TOKF_CLOSEQ);
  HAS(&v[1], DYAD_TOKF_INQUOTE);
  HASNT(&v[4], DYAD_TOKF_INQUOTE);
  HAS(&v[8], DYAD_TOKF_INQUOTE);
}

static void marks_single_quotes(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "Xi: 'It's over,' he said"),
                      "Xi|:|'|It|'s|over|,|'|he|said");
  const dyad_token *v = f->doc->toks.v;
  HAS(&v[2], DYAD_TOKF_OPENQ);
  HAS(&v[4], DYAD_TOKF_CLITIC);
  HAS(&v[7], DYAD_TOKF_CLOSEQ);
  HAS(&v[5], DYAD_TOKF_INQUOTE);
  HASNT(&v[8], DYAD_TOKF_INQUOTE);
  assert_string_equal(toks(f, "a \xe2\x80\x98new era\xe2\x80\x99 now"),
                      "a|\xe2\x80\x98|new|era|\xe2\x80\x99|now");
  v = f->doc->toks.v;
  HAS(&v[1], DYAD_TOKF_OPENQ);
  HAS(&v[4], DYAD_TOKF_CLOSEQ);
  HAS(&v[3], DYAD_TOKF_INQUOTE);
}

static void keeps_clipped_year(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "in the '90s"), "in|the|'90s");
  assert_int_equal(tok(f, "'90s")->kind, DYAD_TK_NUM);
  /* also with the opening quote that word processors put there */
  assert_string_equal(toks(f, "the \xe2\x80\x98" "90s boom"),
                      "the|\xe2\x80\x98" "90s|boom");
  assert_int_equal(tok(f, "\xe2\x80\x98" "90s")->kind, DYAD_TK_NUM);
  HASNT(tok(f, "boom"), DYAD_TOKF_INQUOTE);
}

static void resets_quotes_at_paragraph(void **state)
{
  struct fx *f = *state;
  toks(f, "\xe2\x80\x9cWe will go on.\n\nNext para");
  HAS(tok(f, "go"), DYAD_TOKF_INQUOTE);
  HASNT(tok(f, "Next"), DYAD_TOKF_INQUOTE);
}

/* ==== flags ============================================================== */

static void keeps_invisible_joiners_inside_words(void **state)
{
  struct fx *f = *state;
  /* soft hyphen inside a word; a byte-order mark and a zero-width space
   * between words */
  assert_string_equal(toks(f, "Ukra\xc2\xad" "ine \xef\xbb\xbfwar\xe2\x80\x8bnow"),
                      "Ukra\xc2\xad" "ine|war|now");
  HAS(tok(f, "war"), DYAD_TOKF_SPACE);
}

static void sets_case_flags(void **state)
{
  struct fx *f = *state;
  toks(f, "NATO and Putin met I \xc3\x89lys\xc3\xa9" "e ITAR-TASS");
  HAS(tok(f, "NATO"), DYAD_TOKF_CAP);
  HAS(tok(f, "NATO"), DYAD_TOKF_ALLCAPS);
  HAS(tok(f, "Putin"), DYAD_TOKF_CAP);
  HASNT(tok(f, "Putin"), DYAD_TOKF_ALLCAPS);
  HASNT(tok(f, "and"), DYAD_TOKF_CAP);
  HASNT(tok(f, "I"), DYAD_TOKF_ALLCAPS);
  HAS(tok(f, "\xc3\x89lys\xc3\xa9" "e"), DYAD_TOKF_CAP);
  HAS(tok(f, "ITAR-TASS"), DYAD_TOKF_ALLCAPS);
}

static void sets_space_flag(void **state)
{
  struct fx *f = *state;
  toks(f, "Xi, (Putin)");
  const dyad_token *v = f->doc->toks.v;
  HAS(&v[0], DYAD_TOKF_SPACE);
  HASNT(&v[1], DYAD_TOKF_SPACE);
  HAS(&v[2], DYAD_TOKF_SPACE);
  HASNT(&v[3], DYAD_TOKF_SPACE);
}

static void takes_lines_as_paragraphs_without_blank_lines(void **state)
{
  struct fx *f = *state;
  toks(f, "Xi leaves Moscow\nThe Chinese leader left.\nHe said so.\n"
          "Talks went well.\nNo deal\nwas signed.");
  HAS(tok(f, "The"), DYAD_TOKF_PARA);
  HAS(tok(f, "He"), DYAD_TOKF_PARA);
  HAS(tok(f, "No"), DYAD_TOKF_PARA);
  HASNT(tok(f, "was"), DYAD_TOKF_PARA);
  /* hard-wrapped text: line breaks are spaces */
  toks(f, "Old foes Gondor and Osgiliath restored links after a\n"
          "12-year gap, ending a feud that began when\n"
          "Arnor fell. Both hailed it.");
  HASNT(tok(f, "12-year"), DYAD_TOKF_PARA);
  HASNT(tok(f, "Arnor"), DYAD_TOKF_PARA);
}

static void marks_paragraphs(void **state)
{
  struct fx *f = *state;
  toks(f, "One.\n\nTwo.\n  \t\nThree\nfour");
  HAS(tok(f, "One"), DYAD_TOKF_PARA);
  HAS(tok(f, "Two"), DYAD_TOKF_PARA);
  HAS(tok(f, "Three"), DYAD_TOKF_PARA);
  HASNT(tok(f, "four"), DYAD_TOKF_PARA);
  HAS(tok(f, "four"), DYAD_TOKF_SPACE);
}

/* ==== datelines ========================================================== */

static void flags_reuters_dateline(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "MOSCOW, March 22 (Reuters) - Putin spoke."),
                      "MOSCOW|,|March|22|(|Reuters|)|-|Putin|spoke|.");
  for (size_t i = 0; i < 8; i++)
    HAS(&f->doc->toks.v[i], DYAD_TOKF_DATELINE);
  HASNT(tok(f, "Putin"), DYAD_TOKF_DATELINE);
}

static void flags_ap_dateline(void **state)
{
  struct fx *f = *state;
  toks(f, "WASHINGTON (AP) \xe2\x80\x94 The Senate voted.");
  HAS(tok(f, "\xe2\x80\x94"), DYAD_TOKF_DATELINE);
  HAS(tok(f, "AP"), DYAD_TOKF_DATELINE);
  HASNT(tok(f, "The"), DYAD_TOKF_DATELINE);
}

static void flags_short_dateline(void **state)
{
  struct fx *f = *state;
  toks(f, "SAN JOSE, Calif., June 2- Sales rose.");
  HAS(tok(f, "Calif."), DYAD_TOKF_DATELINE);
  HAS(tok(f, "-"), DYAD_TOKF_DATELINE);
  HASNT(tok(f, "Sales"), DYAD_TOKF_DATELINE);
  toks(f, "Intro.\n\nLIMA, Feb 3 - Rain fell.");
  HAS(tok(f, "LIMA"), DYAD_TOKF_DATELINE);
}

static void ignores_dash_in_sentence(void **state)
{
  struct fx *f = *state;
  toks(f, "Putin - who spoke - left.");
  HASNT(tok(f, "Putin"), DYAD_TOKF_DATELINE);
  toks(f, "The Kremlin said - again - no.");
  HASNT(tok(f, "The"), DYAD_TOKF_DATELINE);
  toks(f, "On March 5 - a Sunday - talks began.");
  HASNT(tok(f, "On"), DYAD_TOKF_DATELINE);
  toks(f, "Toronto, March 6 - Sales rose.");
  HAS(tok(f, "Toronto"), DYAD_TOKF_DATELINE);
  toks(f, "Moscow (Reuters) - Talks began.");
  HAS(tok(f, "Moscow"), DYAD_TOKF_DATELINE);
}

/* ==== robustness ========================================================= */

static void keeps_offsets_in_bad_utf8(void **state)
{
  struct fx *f = *state;
  const char *text = "ab\xff\xfe c\xe2\x80 \xf0\x9f d\xc3";
  toks(f, text);
  size_t len = strlen(text);
  size_t prev_end = 0;
  assert_true(f->doc->toks.n > 0);
  for (size_t i = 0; i < f->doc->toks.n; i++) {
    const dyad_token *t = &f->doc->toks.v[i];
    assert_true(t->len > 0);
    assert_true(t->off >= prev_end);
    assert_true(t->off + t->len <= len);
    prev_end = t->off + t->len;
  }
}

/* Letter and digit runs are scanned eight bytes at a time: runs ending at
 * every position of a block, and longer than one, keep their ends and
 * their case and kind. */
static void scans_long_runs(void **state)
{
  struct fx *f = *state;
  assert_string_equal(
      toks(f, "internationalisation INTERNATIONAL Abcdefghijklmnop "
              "abcdefg1x 123456789012 abcdefgh\xc3\xa9 abcdefgh, a ab abc "
              "abcd abcde abcdef abcdefg abcdefgh abcdefghi reconstruction"),
      "internationalisation|INTERNATIONAL|Abcdefghijklmnop|abcdefg1x|"
      "123456789012|abcdefgh\xc3\xa9|abcdefgh|,|a|ab|abc|abcd|abcde|abcdef|"
      "abcdefg|abcdefgh|abcdefghi|reconstruction");
  HASNT(tok(f, "internationalisation"), DYAD_TOKF_CAP);
  HAS(tok(f, "INTERNATIONAL"), DYAD_TOKF_ALLCAPS);
  HAS(tok(f, "Abcdefghijklmnop"), DYAD_TOKF_CAP);
  HASNT(tok(f, "Abcdefghijklmnop"), DYAD_TOKF_ALLCAPS);
  assert_int_equal(tok(f, "abcdefg1x")->kind, DYAD_TK_WORD);
  assert_int_equal(tok(f, "123456789012")->kind, DYAD_TK_NUM);
  assert_string_equal(toks(f, "1234567,890 12345678,901"),
                      "1234567,890|12345678,901");
}

/* The main loop's fast path (plain words, numbers, one-byte tokens) ends
 * tokens where the general rules do: a number's decimal points and
 * thousands groups, a sentence's last word before its period, but not an
 * abbreviation (six letters at most: Messrs.), "cannot", a letter glued to
 * a number, a 16-letter word's case. */
static void fast_path_keeps_the_rules(void **state)
{
  struct fx *f = *state;
  assert_string_equal(
      toks(f, "It rose 5.93 pct. Sales were 155,221 tonnes, 1,000bn and "
              "1,00 or 3.x and 2.5.6 then .5 and 12,345,678."),
      "It|rose|5.93|pct|.|Sales|were|155,221|tonnes|,|1,000|bn|and|1|,|00|"
      "or|3|.|x|and|2.5.6|then|.5|and|12,345,678|.");
  assert_string_equal(
      toks(f, "The Inc. unit, approx. 5 and Messrs. Smith cannot sell "
              "coffee. GEN. Ward -- and U.S.-backed a-b."),
      "The|Inc.|unit|,|approx.|5|and|Messrs.|Smith|can|not|sell|coffee|.|"
      "GEN.|Ward|--|and|U.S.-backed|a-b|.");
  HAS(tok(f, "Messrs."), DYAD_TOKF_ABBREV);
  HAS(tok(f, "GEN."), DYAD_TOKF_ALLCAPS);
  assert_string_equal(toks(f, "ABCDEFGHIJKLMNOPQRS ABCDEFGHIJKLMNOPQr"),
                      "ABCDEFGHIJKLMNOPQRS|ABCDEFGHIJKLMNOPQr");
  HAS(tok(f, "ABCDEFGHIJKLMNOPQRS"), DYAD_TOKF_ALLCAPS);
  HASNT(tok(f, "ABCDEFGHIJKLMNOPQr"), DYAD_TOKF_ALLCAPS);
  assert_int_equal(tok(f, "ABCDEFGHIJKLMNOPQr")->kind, DYAD_TK_WORD);
}

static void handles_empty_and_blank_text(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, ""), "");
  assert_string_equal(toks(f, " \n\n \t "), "");
  assert_string_equal(toks(f, "'"), "'");
  assert_string_equal(toks(f, "\""), "\"");
}

/* The doc's copy of the text is followed by DYAD_TEXT_PAD zero bytes (the
 * word scanner loads 16 bytes at a time, the tagger's word cache 8), and a
 * word that runs to the very end of the text ends there. */
static void pads_text_for_wide_loads(void **state)
{
  struct fx *f = *state;
  assert_string_equal(toks(f, "talks in Geneva"), "talks|in|Geneva");
  for (size_t k = 0; k < DYAD_TEXT_PAD; k++)
    assert_int_equal(f->doc->text[f->doc->text_len + k], 0);
  assert_string_equal(toks(f, "Ab1234567890abcdefXYZ"), "Ab1234567890abcdefXYZ");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(splits_plain_words_and_punct),
      cmocka_unit_test(splits_curly_possessive),
      cmocka_unit_test(splits_negation_clitic),
      cmocka_unit_test(splits_straight_clitics),
      cmocka_unit_test(keeps_inner_apostrophe),
      cmocka_unit_test(splits_plural_possessive),
      cmocka_unit_test(keeps_hyphenated_words),
      cmocka_unit_test(keeps_abbreviation_compound),
      cmocka_unit_test(splits_dangling_hyphen),
      cmocka_unit_test(splits_money),
      cmocka_unit_test(keeps_numbers_whole),
      cmocka_unit_test(splits_number_units),
      cmocka_unit_test(keeps_times_and_fractions),
      cmocka_unit_test(splits_list_commas),
      cmocka_unit_test(keeps_initial_period),
      cmocka_unit_test(keeps_abbreviation_periods),
      cmocka_unit_test(keeps_numbering_period_before_number),
      cmocka_unit_test(splits_period_after_word),
      cmocka_unit_test(classifies_abbreviations),
      cmocka_unit_test(keeps_urls_whole),
      cmocka_unit_test(keeps_email_whole),
      cmocka_unit_test(splits_underscored_names),
      cmocka_unit_test(keeps_ellipsis_and_double_dash),
      cmocka_unit_test(splits_em_and_en_dashes),
      cmocka_unit_test(marks_curly_quotes),
      cmocka_unit_test(marks_straight_quotes_by_context),
      cmocka_unit_test(marks_single_quotes),
      cmocka_unit_test(keeps_clipped_year),
      cmocka_unit_test(resets_quotes_at_paragraph),
      cmocka_unit_test(keeps_invisible_joiners_inside_words),
      cmocka_unit_test(sets_case_flags),
      cmocka_unit_test(scans_long_runs),
      cmocka_unit_test(sets_space_flag),
      cmocka_unit_test(marks_paragraphs),
      cmocka_unit_test(takes_lines_as_paragraphs_without_blank_lines),
      cmocka_unit_test(flags_reuters_dateline),
      cmocka_unit_test(flags_ap_dateline),
      cmocka_unit_test(flags_short_dateline),
      cmocka_unit_test(ignores_dash_in_sentence),
      cmocka_unit_test(keeps_offsets_in_bad_utf8),
      cmocka_unit_test(handles_empty_and_blank_text),
      cmocka_unit_test(pads_text_for_wide_loads),
      cmocka_unit_test(fast_path_keeps_the_rules),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
