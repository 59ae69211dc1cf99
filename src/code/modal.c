/*
 * modal.c: what a coded act becomes when it is negated, modal, intended,
 * threatened, future or conditional.
 *
 * CAMEO codes intentions explicitly: cooperative acts that are only
 * promised, planned or possible become the matching "express intent" code
 * (03x); conflictual ones become the matching threat (13x). Verbal acts
 * that are only possible (could criticise) carry no event. A negated act is
 * no event at all (the caller may still emit it, flagged, on request).
 */
#include "code.h"

/* Intent code for a cooperative act (roots 03-08). */
static const char *intent_of(const char *c)
{
  static const struct { const char *act, *intent; } map[] = {
      {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
      /* yielding: 081-082 ease sanctions and dissent, 084 release, 085
       * ease economic sanctions, 086 admit outsiders, 087 de-escalate;
       * 083 (accept demands for reform) is an intent to reform (034x) */
      {"0831", "0341"}, {"0832", "0342"}, {"0833", "0343"},
      {"0834", "0344"}, {"083", "034"},
      {"081", "0351"}, {"082", "0352"}, {"084", "0353"}, {"085", "0354"},
      {"086", "0355"}, {"087", "0356"},
      {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
      /* 045 mediate -> 039 intend to mediate; 046 negotiate -> 036 */
      {"057", "032"},  {"045", "039"},  {"046", "036"},
      {"04", "036"},   {"05", "032"},   {"06", "031"},   {"07", "033"},
      {"08", "035"},   {"03", NULL},
  };
  for (size_t i = 0; i < DYAD_ARRAY_LEN(map); i++) {
    size_t n = strlen(map[i].act);
    if (strncmp(c, map[i].act, n) == 0)
      return map[i].intent ? map[i].intent : c;
  }
  return NULL;
}

/* Threat code for a conflictual act (roots 13-20). */
static const char *threat_of(const char *c)
{
  static const struct { const char *act, *threat; } map[] = {
      {"163", "1312"}, {"161", "1313"}, {"162", "1311"}, {"164", "134"},
      {"165", "135"},  {"166", "136"},  {"16", "131"},   {"17", "137"},   {"191", "1381"},
      {"192", "1382"}, {"18", "138"},   {"19", "138"},   {"20", "1384"},
      {"15", "138"},   {"14", "133"},   {"13", NULL},
  };
  for (size_t i = 0; i < DYAD_ARRAY_LEN(map); i++) {
    size_t n = strlen(map[i].act);
    if (strncmp(c, map[i].act, n) == 0)
      return map[i].threat ? map[i].threat : c;
  }
  return NULL;
}

void dyad__modal_code(const char *code, uint32_t vgflags, uint32_t clflags,
                      char out[8])
{
  out[0] = '\0';
  if (!code || !code[0])
    return;
  uint32_t irrealis = DYAD_PHF_MODAL | DYAD_PHF_INTENT | DYAD_PHF_FUTURE |
                      DYAD_PHF_THREAT;
  int cond = (clflags & DYAD_CLF_CONDITIONAL) != 0;
  if (!(vgflags & irrealis) && !cond) {
    dyad__scopy(out, 8, code, (size_t)-1);
    return;
  }
  const char *m = NULL;
  if (!cond && !(vgflags & (irrealis & ~DYAD_PHF_FUTURE)) &&
      (strncmp(code, "02", 2) == 0 || strncmp(code, "10", 2) == 0)) {
    /* "will ask the banks to", "will demand compensation": announcing an
     * appeal or a demand makes it (CAMEO has no intent to appeal) */
    snprintf(out, 8, "%s", code);
    return;
  }
  if (vgflags & DYAD_PHF_THREAT) {
    m = threat_of(code);
    if (!m && intent_of(code))
      m = "130"; /* threatening to cooperate reads as a conditional threat */
  } else {
    m = intent_of(code);
    if (!m)
      m = threat_of(code);
  }
  if (m)
    dyad__scopy(out, 8, m, (size_t)-1);
}
