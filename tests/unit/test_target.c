/* test_target.c: who an act is done to (code/coder.c default_target):
 * not the subject of another clause, not a capital named as a place,
 * not a noun's owner inside a cooperative infinitive. The sentences are
 * our own. */
#include "testutil.h"

#include <stdio.h>

static dyad_ctx *ctx;

static int setup(void **state)
{
  (void)state;
  ctx = test_ctx(1);
  return 0;
}

static int teardown(void **state)
{
  (void)state;
  dyad_ctx_free(ctx);
  return 0;
}

/* The events of text as "SRC CODE TGT" lines, in order. */
static void events_are(const char *text, const char *want)
{
  dyad_doc *doc = test_doc(ctx, text, DYAD_STAGE_ALL);
  size_t n;
  const dyad_event *ev = dyad_doc_events(doc, &n);
  char got[1024] = "";
  size_t len = 0;
  for (size_t i = 0; i < n && len < sizeof(got); i++)
    len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s %s %s",
                            i ? "; " : "", ev[i].source, ev[i].code,
                            ev[i].target);
  dyad_doc_free(doc);
  if (strcmp(got, want) != 0)
    fail_msg("'%s': got '%s', want '%s'", text, got, want);
}

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

static void count_glued_after_a_noun_is_not_its_head(void **state)
{
  (void)state;
  events_are("Kenya offered to hand over to an Arab country two of its "
             "nationals.",
             "KEN 030 ARB");
}

/* The events of text dated date (YYYYMMDD), as for events_are. */
static void events_on(const char *text, dyad_date date, const char *want)
{
  dyad_doc *doc = test_doc_on(ctx, text, DYAD_STAGE_ALL, date);
  size_t n;
  const dyad_event *ev = dyad_doc_events(doc, &n);
  char got[256] = "";
  size_t len = 0;
  for (size_t i = 0; i < n && len < sizeof(got); i++)
    len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s %s %s",
                            i ? "; " : "", ev[i].source, ev[i].code,
                            ev[i].target);
  dyad_doc_free(doc);
  if (strcmp(got, want) != 0)
    fail_msg("'%s': got '%s', want '%s'", text, got, want);
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

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(speaker_is_not_the_target),
      cmocka_unit_test(subject_of_an_absolute_clause_is_not_the_target),
      cmocka_unit_test(owner_of_a_topic_is_not_a_party),
      cmocka_unit_test(capital_named_as_a_place_is_not_the_target),
      cmocka_unit_test(name_long_before_a_career_is_no_actor),
      cmocka_unit_test(count_glued_after_a_noun_is_not_its_head),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
