/* test_timex.c: the temporal tagger (when/timex.c), its calendar helpers
 * and the event-date rule (when/govern.c). Every text is dated Wednesday
 * 2023-03-22 (test_doc); the sentences are our own. */
#include "testutil.h"

#include "when/when.h"

int dyad__timex_table_sorted(void);

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

/* The timex whose text is exactly want, or NULL. */
static const dyad_timex *find(const dyad_doc *doc, const char *want)
{
  size_t n, tl;
  const dyad_timex *x = dyad_doc_timexes(doc, &n);
  const char *text = dyad_doc_text(doc, &tl);
  for (size_t i = 0; i < n; i++)
    if (x[i].span.len == strlen(want) &&
        !memcmp(text + x[i].span.off, want, x[i].span.len))
      return &x[i];
  return NULL;
}

/* Asserts that text yields an expression `span` of type and value. */
static void check(const char *text, const char *span, const char *type,
                  const char *value)
{
  dyad_doc *doc = test_doc(ctx, text, DYAD_STAGE_PARSE | DYAD_STAGE_WHEN);
  const dyad_timex *x = find(doc, span);
  if (!x) {
    size_t n, tl;
    const dyad_timex *all = dyad_doc_timexes(doc, &n);
    const char *t = dyad_doc_text(doc, &tl);
    for (size_t i = 0; i < n; i++)
      print_message("got '%.*s' %s\n", (int)all[i].span.len,
                    t + all[i].span.off, all[i].value);
    fail_msg("no timex '%s' in '%s'", span, text);
  }
  assert_string_equal(x->type, type);
  assert_string_equal(x->value, value);
  dyad_doc_free(doc);
}

/* check() on an article of another date (YYYYMMDD). */
static void check_on(dyad_date date, const char *text, const char *span,
                     const char *type, const char *value)
{
  dyad_doc *doc =
      test_doc_on(ctx, text, DYAD_STAGE_PARSE | DYAD_STAGE_WHEN, date);
  const dyad_timex *x = find(doc, span);
  if (!x)
    fail_msg("no timex '%s' in '%s'", span, text);
  assert_string_equal(x->type, type);
  assert_string_equal(x->value, value);
  dyad_doc_free(doc);
}

static size_t count(const char *text)
{
  dyad_doc *doc = test_doc(ctx, text, DYAD_STAGE_PARSE | DYAD_STAGE_WHEN);
  size_t n;
  dyad_doc_timexes(doc, &n);
  dyad_doc_free(doc);
  return n;
}

/* ---- calendar ---- */

static void calendar_round_trips(void **state)
{
  (void)state;
  long dn = dyad__day_number(2023, 3, 22);
  int y, m, d;
  dyad__day_civil(dn, &y, &m, &d);
  assert_int_equal(y * 10000 + m * 100 + d, 20230322);
  assert_int_equal(dyad__day_number(1970, 1, 1), 0);
  assert_int_equal(dyad__day_number(2023, 13, 1), dyad__day_number(2024, 1, 1));
  assert_int_equal(dyad__day_number(2023, 0, 1), dyad__day_number(2022, 12, 1));
}

static void calendar_weekday_and_iso_week(void **state)
{
  (void)state;
  int wy, w;
  assert_int_equal(dyad__weekday(dyad__day_number(2023, 3, 22)), 2);
  dyad__iso_week(dyad__day_number(2023, 3, 22), &wy, &w);
  assert_int_equal(wy * 100 + w, 202312);
  dyad__iso_week(dyad__day_number(2021, 1, 1), &wy, &w);
  assert_int_equal(wy * 100 + w, 202053); /* Friday of 2020's last week */
}

static void seasons_in_january_count_from_the_winter(void **state)
{
  (void)state;
  check_on(20230115, "Prices have risen since last fall.", "last fall",
           "DATE", "2022-FA");
  check_on(20230115, "The park opens next spring.", "next spring", "DATE",
           "2023-SP");
  check_on(20230115, "The dam leaked during the summer.", "the summer",
           "DATE", "2022-SU");
}

static void old_years_after_a_preposition(void **state)
{
  (void)state;
  check("The treaty was signed in 1815.", "1815", "DATE", "1815");
  assert_int_equal(count("About 1500 attended the rally."), 0);
  check("Since 1990 _ when the war began _ troops have stayed.", "1990",
        "DATE", "1990");
}

static void anaphoric_years_after_dates_and_lead_words(void **state)
{
  (void)state;
  check("The law passed on March 3, 2019, and the following year it was "
        "repealed.",
        "the following year", "DATE", "2020");
  check("He moved in May 2018 and left later that year.", "later that year",
        "DATE", "2018");
}

static void years_read_out(void **state)
{
  (void)state;
  check("The dam was built in nineteen eighty-two.", "nineteen eighty-two",
        "DATE", "1982");
  check("It flooded in the spring of nineteen ninety-one.",
        "the spring of nineteen ninety-one", "DATE", "1991-SP");
  check("Sales peaked in July nineteen seventy.", "July nineteen seventy",
        "DATE", "1970-07");
}

static void decade_words_with_a_lead_word(void **state)
{
  (void)state;
  check("Crime fell through the nineties.", "the nineties", "DATE", "199");
  check("The band toured in the early seventies.", "the early seventies",
        "DATE", "197");
  assert_int_equal(count("Temperatures rose into nineties."), 0);
}

static void fixed_present_and_future_phrases(void **state)
{
  (void)state;
  check("Prices will stay high in the near term.", "the near term", "DATE",
        "FUTURE_REF");
  check("Few people write letters these days.", "these days", "DATE",
        "PRESENT_REF");
  check("The vote was postponed to a later date.", "a later date", "DATE",
        "FUTURE_REF");
}

static void noon_on_a_day(void **state)
{
  (void)state;
  check("The deadline passed at noon Monday.", "noon Monday", "TIME",
        "2023-03-20T12:00");
  check("The talks resume at midday.", "midday", "TIME", "2023-03-22T12:00");
}

static void hyphenated_lead_words_and_years(void **state)
{
  (void)state;
  check("The talks set a late-April deadline.", "late-April", "DATE",
        "2023-04");
  check("The post-2008 recovery was slow.", "The post-2008", "DATE", "2008");
}

static void last_half_of_a_year_is_the_second(void **state)
{
  (void)state;
  check("Sales should rise in the last half of 2022.",
        "the last half of 2022", "DATE", "2022-H2");
}

static void quarter_a_year_ago(void **state)
{
  (void)state;
  check("Profit rose in the third quarter. It was flat in the quarter a "
        "year ago.",
        "the quarter a year ago", "DATE", "2021-Q3");
}

static void effective_and_payable_dates_lie_ahead(void **state)
{
  (void)state;
  /* dated 2023-03-22: a past-tense clause would pick January 2023 */
  check("The board named a new chief, effective Jan. 5.", "Jan. 5", "DATE",
        "2024-01-05");
  check("The firm declared a dividend payable May 20.", "May 20", "DATE",
        "2023-05-20");
}

static void deadline_moved_until_a_day_lies_ahead(void **state)
{
  (void)state;
  check("The bank extended its offer until Monday.", "Monday", "DATE",
        "2023-03-27");
  check("The court gave the parties until 9 a.m. Friday to agree.",
        "9 a.m. Friday", "TIME", "2023-03-24T09:00");
  /* "until" alone keeps the clause's tense */
  check("The rebels held the bridge until Monday.", "Monday", "DATE",
        "2023-03-20");
}

static void clock_time_on_a_date(void **state)
{
  (void)state;
  check("The offer expires at 5 p.m. EDT April 3.", "5 p.m. EDT April 3",
        "TIME", "2023-04-03T17:00");
}

static void the_week_of_a_date(void **state)
{
  (void)state;
  check("A hearing is set for the week of April 10.", "the week of April 10",
        "DATE", "2023-W15");
}

static void latest_quarter_is_the_last_completed(void **state)
{
  (void)state;
  check("The firm expects a strong second quarter. Costs fell in the latest "
        "quarter.",
        "the latest quarter", "DATE", "2022-Q4");
}

static void easter_and_election_day(void **state)
{
  (void)state;
  check("The church will be full at Easter.", "Easter", "DATE", "2023-04-09");
  check("Pilgrims arrived in Easter week.", "Easter week", "DATE", "2023-W14");
  check("Voters will go to the polls on Election Day.", "Election Day",
        "DATE", "2023-11-07");
}

static void keyword_table_is_sorted(void **state)
{
  (void)state;
  assert_true(dyad__timex_table_sorted());
}

/* ---- days ---- */

static void yesterday_is_the_day_before(void **state)
{
  (void)state;
  check("The talks ended yesterday.", "yesterday", "DATE", "2023-03-21");
}

static void weekday_in_past_tense_looks_back(void **state)
{
  (void)state;
  check("The ministers met on Friday.", "Friday", "DATE", "2023-03-17");
}

static void weekday_in_future_tense_looks_ahead(void **state)
{
  (void)state;
  check("The ministers will meet on Friday.", "Friday", "DATE",
        "2023-03-24");
}

static void weekday_after_a_forward_modal_looks_ahead(void **state)
{
  (void)state;
  check("The ministers might meet as soon as Friday.", "Friday", "DATE",
        "2023-03-24");
  check("The court is to rule on the appeal Monday.", "Monday", "DATE",
        "2023-03-27");
}

static void weekday_after_could_not_say_looks_back(void **state)
{
  (void)state;
  check("Officials could not say Tuesday who fired first.", "Tuesday",
        "DATE", "2023-03-21");
  check("The truce had been due to lapse Friday.", "Friday", "DATE",
        "2023-03-17");
}

static void planned_event_lies_ahead_of_the_planning(void **state)
{
  (void)state;
  check("Unions planned a strike on Saturday.", "Saturday", "DATE",
        "2023-03-25");
  check("The mayor has scheduled a briefing Thursday.", "Thursday", "DATE",
        "2023-03-23");
  /* a day before the verb dates the planning itself */
  check("On Monday, the rebels planned to attack the town.", "Monday",
        "DATE", "2023-03-20");
}

static void explicit_dates_in_common_formats(void **state)
{
  (void)state;
  check("The treaty was signed on March 21, 2023.", "March 21, 2023", "DATE",
        "2023-03-21");
  check("The treaty was signed on 21 March 2023.", "21 March 2023", "DATE",
        "2023-03-21");
  check("The treaty was signed on 2023-03-21.", "2023-03-21", "DATE",
        "2023-03-21");
  check("The treaty was signed on 3/21/2023.", "3/21/2023", "DATE",
        "2023-03-21");
  check("The treaty was signed on Jan. 5.", "Jan. 5", "DATE", "2023-01-05");
}

/* ---- weeks, months, years ---- */

static void last_month_and_next_week(void **state)
{
  (void)state;
  check("Elections were held last month.", "last month", "DATE", "2023-02");
  check("The summit opens next week.", "next week", "DATE", "2023-W13");
}

static void earlier_this_year_keeps_its_lead_word(void **state)
{
  (void)state;
  check("Exports rose earlier this year.", "earlier this year", "DATE",
        "2023");
}

static void bare_month_year_follows_tense(void **state)
{
  (void)state;
  check("The vote took place in November.", "November", "DATE", "2022-11");
  check("The vote will take place in November.", "November", "DATE",
        "2023-11");
}

static void years_and_decades(void **state)
{
  (void)state;
  check("The war ended in 1995.", "1995", "DATE", "1995");
  check("Growth was fast in the 1990s.", "the 1990s", "DATE", "199");
  check("Rebels fought two years ago.", "two years ago", "DATE", "2021");
}

static void quarters_and_seasons(void **state)
{
  (void)state;
  check("Profit fell in the third quarter of 2022.",
        "the third quarter of 2022", "DATE", "2022-Q3");
  check("Floods struck last summer.", "last summer", "DATE", "2022-SU");
  check("The army will withdraw in the autumn.", "the autumn", "DATE",
        "2023-FA");
}

static void references_to_now_and_the_past(void **state)
{
  (void)state;
  check("Prices are now stable.", "now", "DATE", "PRESENT_REF");
  check("The envoy recently left.", "recently", "DATE", "PAST_REF");
}

/* ---- durations and non-dates ---- */

static void hyphenated_durations(void **state)
{
  (void)state;
  check("He began a two-day visit.", "two-day", "DURATION", "P2D");
  check("The year-long war ended.", "year-long", "DURATION", "P1Y");
  check("They fought for three weeks.", "three weeks", "DURATION", "P3W");
}

static void numbers_that_are_not_times(void **state)
{
  (void)state;
  assert_int_equal(count("The party offered a 12-point plan."), 0);
  assert_int_equal(count("The army sent 2000 troops."), 0);
}

static void impossible_and_far_dates_are_skipped(void **state)
{
  (void)state;
  assert_int_equal(count("He said it happened on February 30."), 0);
  assert_int_equal(count("The plan runs until 9999."), 0);
}

static void odd_inputs_give_only_real_days(void **state)
{
  (void)state;
  static const char *const odd[] = {
      "On 99/99/9999 and 2023-02-29 and 31/31/2023.",
      "Tuesday Tuesday, Tuesday the the quarter of of 2023.",
      "In mid- and - and 2023- and 1990-1989 and '00s.",
      "nineteen nineteen-nineteen two thousand thousand",
      "the year-earlier the year-ago third-quarter fifth quarter",
      "at 25:99 and 13 p.m. and 0 a.m. on February 29, 2023."};
  for (size_t k = 0; k < DYAD_ARRAY_LEN(odd); k++) {
    dyad_doc *doc = test_doc(ctx, odd[k], DYAD_STAGE_PARSE | DYAD_STAGE_WHEN);
    size_t n;
    const dyad_timex *x = dyad_doc_timexes(doc, &n);
    for (size_t i = 0; i < n; i++) {
      const char *v = x[i].value;
      if (strlen(v) >= 10 && v[4] == '-' && v[7] == '-')
        assert_int_not_equal(dyad__timex_day(v), 0);
      assert_string_not_equal(v, "2023-02-29");
    }
    dyad_doc_free(doc);
  }
}

static void year_range_gives_both_ends(void **state)
{
  (void)state;
  dyad_doc *doc = test_doc(ctx, "He ruled from 2010-2015.",
                           DYAD_STAGE_PARSE | DYAD_STAGE_WHEN);
  assert_non_null(find(doc, "2010"));
  assert_string_equal(find(doc, "2015")->value, "2015");
  dyad_doc_free(doc);
}

static void that_year_refers_to_the_last_year_named(void **state)
{
  (void)state;
  check("The dam was built in 1998. Floods came the following year.",
        "the following year", "DATE", "1999");
}

static void quarter_named_by_its_last_month(void **state)
{
  (void)state;
  check("In the quarter ended June 30, sales fell.", "the quarter", "DATE",
        "2022-Q2");
}

static void clock_time_on_a_weekday(void **state)
{
  (void)state;
  check("Polls closed at 8 p.m. Sunday.", "8 p.m. Sunday", "TIME",
        "2023-03-19T20:00");
}

/* ---- event dates ---- */

static dyad_date clause_date(const char *text, size_t ci, int *from)
{
  dyad_doc *doc = test_doc(ctx, text, DYAD_STAGE_PARSE | DYAD_STAGE_WHEN);
  size_t n;
  const dyad_clause *c = dyad_doc_clauses(doc, &n);
  assert_true(ci < n);
  dyad_date d = dyad__event_date(doc, &c[ci], from);
  dyad_doc_free(doc);
  return d;
}

static void event_date_from_day_in_clause(void **state)
{
  (void)state;
  int from = -1;
  assert_int_equal(clause_date("Rebels attacked the town on Monday.", 0,
                               &from), 20230320);
  assert_int_equal(from, 1);
}

static void event_date_zero_for_vaguer_expressions(void **state)
{
  (void)state;
  int from = -1;
  assert_int_equal(clause_date("Rebels attacked the town last year.", 0,
                               &from), 0);
  assert_int_equal(from, 0);
  assert_int_equal(clause_date("Rebels attacked the town.", 0, &from), 0);
}

static void event_date_from_parent_clause(void **state)
{
  (void)state;
  int from = 0;
  /* clause 1 is the reported one, with no expression of its own */
  assert_int_equal(clause_date("The army said on Monday that rebels "
                               "attacked the town.", 1, &from), 20230320);
  assert_int_equal(from, 1);
}

static void timex_day_parses_full_days_only(void **state)
{
  (void)state;
  assert_int_equal(dyad__timex_day("2023-03-21"), 20230321);
  assert_int_equal(dyad__timex_day("2023-03-21TNI"), 20230321);
  assert_int_equal(dyad__timex_day("2023-03"), 0);
  assert_int_equal(dyad__timex_day("2023-02-30"), 0);
  assert_int_equal(dyad__timex_day("PAST_REF"), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(calendar_round_trips),
      cmocka_unit_test(calendar_weekday_and_iso_week),
      cmocka_unit_test(keyword_table_is_sorted),
      cmocka_unit_test(easter_and_election_day),
      cmocka_unit_test(latest_quarter_is_the_last_completed),
      cmocka_unit_test(effective_and_payable_dates_lie_ahead),
      cmocka_unit_test(deadline_moved_until_a_day_lies_ahead),
      cmocka_unit_test(clock_time_on_a_date),
      cmocka_unit_test(the_week_of_a_date),
      cmocka_unit_test(weekday_after_a_forward_modal_looks_ahead),
      cmocka_unit_test(weekday_after_could_not_say_looks_back),
      cmocka_unit_test(planned_event_lies_ahead_of_the_planning),
      cmocka_unit_test(seasons_in_january_count_from_the_winter),
      cmocka_unit_test(old_years_after_a_preposition),
      cmocka_unit_test(anaphoric_years_after_dates_and_lead_words),
      cmocka_unit_test(years_read_out),
      cmocka_unit_test(decade_words_with_a_lead_word),
      cmocka_unit_test(fixed_present_and_future_phrases),
      cmocka_unit_test(noon_on_a_day),
      cmocka_unit_test(hyphenated_lead_words_and_years),
      cmocka_unit_test(last_half_of_a_year_is_the_second),
      cmocka_unit_test(quarter_a_year_ago),
      cmocka_unit_test(yesterday_is_the_day_before),
      cmocka_unit_test(weekday_in_past_tense_looks_back),
      cmocka_unit_test(weekday_in_future_tense_looks_ahead),
      cmocka_unit_test(explicit_dates_in_common_formats),
      cmocka_unit_test(last_month_and_next_week),
      cmocka_unit_test(earlier_this_year_keeps_its_lead_word),
      cmocka_unit_test(bare_month_year_follows_tense),
      cmocka_unit_test(years_and_decades),
      cmocka_unit_test(quarters_and_seasons),
      cmocka_unit_test(references_to_now_and_the_past),
      cmocka_unit_test(hyphenated_durations),
      cmocka_unit_test(numbers_that_are_not_times),
      cmocka_unit_test(impossible_and_far_dates_are_skipped),
      cmocka_unit_test(odd_inputs_give_only_real_days),
      cmocka_unit_test(year_range_gives_both_ends),
      cmocka_unit_test(that_year_refers_to_the_last_year_named),
      cmocka_unit_test(quarter_named_by_its_last_month),
      cmocka_unit_test(clock_time_on_a_weekday),
      cmocka_unit_test(event_date_from_day_in_clause),
      cmocka_unit_test(event_date_zero_for_vaguer_expressions),
      cmocka_unit_test(event_date_from_parent_clause),
      cmocka_unit_test(timex_day_parses_full_days_only),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
