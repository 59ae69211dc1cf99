/*
 * request.c: what a request asks for, in CAMEO terms.
 *
 * CAMEO sub-codes appeals (02), demands (10), intentions (03) and refusals
 * (12) by the act that is asked for, promised or refused: "urge X to
 * release" is an appeal to release persons (0253), "demand the withdrawal
 * of" a demand for a withdrawal (106). The families run mostly in
 * parallel: 021x/101x/031x material cooperation, 022/102/032 diplomatic,
 * 023x/103x/033x aid, 024x/104x/034x political reform, 025x/105x/035x
 * yielding, 026/108/036 meeting, 027/037 settling, 028/105/038
 * mediation; demands also have their own withdrawal (106) and ceasefire
 * (107).
 *
 * So the coder codes the requested act with the ordinary verb and noun
 * dictionaries (the complement's verb, "release" = 0841; or the event noun,
 * "withdrawal" = 0874) and this file maps that act code onto the appeal
 * family (0253, 0256), then onto the family of the requesting verb. The
 * dictionaries need no "urge * to VERB" line per verb and request verb.
 *
 * Invariant: a request code is only ever refined within its own root (an
 * appeal stays 02, a demand 10); acts with no counterpart leave it as is.
 */
#include "code.h"

#include <stdio.h>

/* A code and the code it maps to. */
struct code_map {
  const char *from, *to;
};

/* The code that table m (n rows, first match wins) maps code onto: rows
 * match exactly, or as a prefix of code when prefix is set; NULL when no
 * row matches. */
static const char *mapped(const struct code_map *m, size_t n,
                          const char *code, int prefix)
{
  for (size_t i = 0; i < n; i++)
    if (prefix ? strncmp(code, m[i].from, strlen(m[i].from)) == 0
               : strcmp(code, m[i].from) == 0)
      return m[i].to;
  return NULL;
}

/* Appeal code (02xx) for an act code, NULL when CAMEO has no appeal for
 * that kind of act (statements, investigations, conflict). */
static const char *appeal_of(const char *act)
{
  static const struct code_map map[] = {
      /* intentions name the act they intend: the same sub-family */
      {"0311", "0211"}, {"0312", "0212"}, {"0313", "0213"}, {"0314", "0214"},
      {"031", "021"},   {"032", "022"},   {"0331", "0231"}, {"0332", "0232"},
      {"0333", "0233"}, {"0334", "0234"}, {"033", "023"},   {"0341", "0241"},
      {"0342", "0242"}, {"0343", "0243"}, {"0344", "0244"}, {"034", "024"},
      {"0351", "0251"}, {"0352", "0252"}, {"0353", "0253"}, {"0354", "0254"},
      {"0355", "0255"}, {"0356", "0256"}, {"035", "025"},   {"036", "026"},
      {"037", "027"},   {"038", "028"},   {"039", "028"},
      /* consult: meet or negotiate; mediate */
      {"045", "028"},   {"04", "026"},
      /* diplomatic cooperation; a formal agreement settles a dispute */
      {"057", "027"},   {"05", "022"},
      /* material cooperation */
      {"061", "0211"},  {"062", "0212"},  {"063", "0213"},  {"064", "0214"},
      {"06", "021"},
      /* aid */
      {"071", "0231"},  {"072", "0232"},  {"073", "0233"},  {"074", "0234"},
      {"075", "0234"},  {"07", "023"},
      /* yield */
      {"081", "0251"},  {"082", "0252"},  {"0831", "0241"}, {"0832", "0243"},
      {"0833", "0244"}, {"0834", "0242"}, {"083", "024"},   {"084", "0253"},
      {"085", "0254"},  {"086", "0255"},  {"087", "0256"},  {"08", "025"},
  };
  return mapped(map, DYAD_ARRAY_LEN(map), act, 1);
}

/* Demand code for an act whose appeal code is ap. The demand family
 * follows the appeal family (021x -> 101x ... 025x -> 105x) except where
 * CAMEO gives a demand its own code: a withdrawal (106), a ceasefire
 * (107), talks (108), mediation (105). */
static const char *demand_of(const char *act, const char *ap)
{
  static const struct code_map acts[] = {
      {"0874", "106"}, {"0873", "106"}, {"0871", "107"}, {"0356", "1056"},
  };
  const char *own = mapped(acts, DYAD_ARRAY_LEN(acts), act, 0);
  if (own)
    return own;
  static const struct code_map map[] = {
      {"0211", "1011"}, {"0212", "1012"}, {"0213", "1013"}, {"0214", "1014"},
      {"021", "101"},   {"022", "102"},   {"0231", "1031"}, {"0232", "1032"},
      {"0233", "1033"}, {"0234", "1034"}, {"023", "103"},   {"0241", "1041"},
      {"0242", "1042"}, {"0243", "1043"}, {"0244", "1044"}, {"024", "104"},
      {"0251", "1051"}, {"0252", "1052"}, {"0253", "1053"}, {"0254", "1054"},
      {"0255", "1055"}, {"0256", "1056"}, {"025", "105"},   {"026", "108"},
      {"028", "105"},
  };
  return mapped(map, DYAD_ARRAY_LEN(map), ap, 0);
}

/* Refusal code (12x) for the act whose appeal code is ap: rejecting
 * "calls to adopt reforms" refuses political reform (123), rejecting
 * talks a proposal to meet (125). */
static const char *refusal_of(const char *ap)
{
  static const struct code_map map[] = {
      {"0211", "1211"}, {"0212", "1212"}, {"021", "121"},   {"0213", "121"},
      {"0214", "121"},  {"0231", "1221"}, {"0232", "1222"}, {"0233", "1223"},
      {"0234", "1224"}, {"023", "122"},   {"0241", "1231"}, {"0242", "1232"},
      {"0243", "1233"}, {"0244", "1234"}, {"024", "123"},   {"0251", "1241"},
      {"0252", "1242"}, {"0253", "1243"}, {"0254", "1244"}, {"0255", "1245"},
      {"0256", "1246"}, {"025", "124"},   {"026", "125"},   {"027", "127"},
      {"028", "126"},
  };
  return mapped(map, DYAD_ARRAY_LEN(map), ap, 0);
}

int dyad__request_code(const char *req, const char *act, char out[8])
{
  if (!req || !act || strlen(req) < 3 || !act[0])
    return 0;
  const char *ap = appeal_of(act);
  if (!ap)
    return 0;
  if (strncmp(req, "02", 2) == 0) {
    snprintf(out, 8, "%s", ap);
    return 1;
  }
  if (strncmp(req, "12", 2) == 0) {
    const char *d = refusal_of(ap);
    if (!d)
      return 0;
    snprintf(out, 8, "%s", d);
    return 1;
  }
  if (strncmp(req, "10", 2) == 0) {
    const char *d = demand_of(act, ap);
    if (!d)
      return 0;
    snprintf(out, 8, "%s", d);
    return 1;
  }
  return 0;
}

int dyad__request_generic(const char *code)
{
  return strcmp(code, "020") == 0 || strcmp(code, "100") == 0 ||
         strcmp(code, "120") == 0;
}

/* Acts that several actors named together do to one another: "X and Y
 * met", "signed an agreement", "cooperated". (Clashes and agreements are
 * mutual too, but "Iran and Iraq attacked shipping" and "Britain and
 * Australia offered wheat" are not: the fight and agree verbs that are
 * mutual say so with a mirror code in data/verbs.) Praise,
 * criticism, demands or support by a list of actors are each actor's own
 * act on someone else, not acts among themselves. */
int dyad__code_mutual(const char *code)
{
  static const char *const mutual[] = {
      "04",  /* consult, meet, negotiate */
      "057", /* sign a formal agreement */
      "06",  /* cooperate economically, militarily, judicially */
      "0871", "0872", /* ceasefire, easing of military blockade */
      "161", /* reduce or break relations */
      NULL};
  for (size_t i = 0; mutual[i]; i++)
    if (strncmp(code, mutual[i], strlen(mutual[i])) == 0)
      return 1;
  return 0;
}

/* Acts that are events even when no one they are done to is named, or
 * when who it is cannot be told. CAMEO codes them with the source alone:
 * an appeal or demand for aid, reform, concessions, mediation, withdrawal
 * or a ceasefire ("appealed for emergency aid", "demanded early
 * elections"); easing restrictions, stepping down, a ceasefire ("lifted
 * the ban", "resigned", "declared a truce"); protest by people
 * and their organisations ("went on strike", "staged a hunger strike");
 * a curfew or emergency rule ("declared a state of emergency"; the
 * other restrictions, 1721 and 1722, read as economic news without
 * their target: "liquidated", "suspended talks"). The bare family codes (020, 100,
 * 080, 140) say too little to stand alone, and so do the concessions
 * and retreats whose verbs news mostly uses of policies ("adopted
 * reforms", "withdrew its objections"); appeals for talks or
 * cooperation need a partner, and of the acts named by a noun alone only
 * protests and curfews are acts rather than topics ("the strike" is one,
 * "Japan's demand" and "import restrictions" are not). Statements,
 * consultations, aid, accusations, threats and violence are done to
 * someone: without that someone they are dropped. */
/* Who can protest with no one named: people and their organisations
 * ("Spanish farmers staged rallies", "the union went on strike"), not a
 * bare country, a government, a central bank, a business, an army or an
 * international body, of which news uses the same verbs in other senses
 * ("China is joining", "the Fed demonstrated", "sterling rallied"). */
static int protester(const char *src)
{
  /* a central bank is GOVBUS: its BUS ending covers it */
  static const char *const not_people[] = {"GOV", "BUS", "MIL", "ELI",
                                           "SPY", NULL};
  size_t n = strlen(src);
  if (n <= 3 || strncmp(src, "IGO", 3) == 0)
    return 0;
  for (size_t i = 0; not_people[i]; i++)
    if (strcmp(src + n - 3, not_people[i]) == 0)
      return 0;
  return 1;
}

/* Is src an irregular armed force (rebels, militia)? (Not MIL: "military
 * government" is MIL, and "the military government backed down under
 * public pressure" is no military retreat.) */
static int armed(const char *src)
{
  static const char *const force[] = {"REB", "UAF", NULL};
  size_t n = strlen(src);
  if (n <= 3)
    return 0;
  for (size_t i = 0; force[i]; i++)
    if (strcmp(src + n - 3, force[i]) == 0)
      return 1;
  return 0;
}

int dyad__code_targetless(const char *code, const char *src, int noun)
{
  static const char *const alone[] = {
      "023", "024", "025", "028", "103", "104", "105", "106", "107",
      "081", "0831", "0871", "0873", "082", "1242", "141", "142", "143",
      "144", "145", "1723", "1724", "196", NULL};
  static const char *const noun_alone[] = {
      "141", "142", "143", "144", "145", "1723", "1724", NULL};
  size_t n = strlen(code);
  if (n < 3 || (n == 3 && code[2] == '0'))
    return 0;
  if ((strncmp(code, "14", 2) == 0 || strncmp(code, "082", 3) == 0 ||
       strncmp(code, "1242", 4) == 0) && !protester(src))
    return 0; /* (protesters end or keep up their protest) */
  if (strcmp(code, "0874") == 0 && !noun)
    return armed(src); /* "the rebels surrendered", "militias pulled back" */
  const char *const *list = noun ? noun_alone : alone;
  for (size_t i = 0; list[i]; i++)
    if (strncmp(code, list[i], strlen(list[i])) == 0)
      return 1;
  return 0;
}
