/* test_source.c: who does an act (code/coder.c): a passive's by-agent
 * past a chain of prepositional phrases, and what a demand's that-clause
 * asks for is no act of its own. The sentences are our own. */
#include "testutil.h"

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

static void events_are(const char *text, const char *want)
{
  test_events_are(ctx, text, want);
}

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

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(by_agent_past_a_chain_of_phrases),
      cmocka_unit_test(demanded_act_is_no_act),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
