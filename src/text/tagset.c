/*
 * tagset.c: names of the Penn Treebank tags (dyad_tag) and their parsing.
 */
#include "../internal.h"

static const char *const tagnames[DYAD_TAG_COUNT] = {
    [DYAD_TAG_NONE] = "",    [DYAD_TAG_CC] = "CC",    [DYAD_TAG_CD] = "CD",
    [DYAD_TAG_DT] = "DT",    [DYAD_TAG_EX] = "EX",    [DYAD_TAG_FW] = "FW",
    [DYAD_TAG_IN] = "IN",    [DYAD_TAG_JJ] = "JJ",    [DYAD_TAG_JJR] = "JJR",
    [DYAD_TAG_JJS] = "JJS",  [DYAD_TAG_LS] = "LS",    [DYAD_TAG_MD] = "MD",
    [DYAD_TAG_NN] = "NN",    [DYAD_TAG_NNS] = "NNS",  [DYAD_TAG_NNP] = "NNP",
    [DYAD_TAG_NNPS] = "NNPS", [DYAD_TAG_PDT] = "PDT", [DYAD_TAG_POS] = "POS",
    [DYAD_TAG_PRP] = "PRP",  [DYAD_TAG_PRPS] = "PRP$", [DYAD_TAG_RB] = "RB",
    [DYAD_TAG_RBR] = "RBR",  [DYAD_TAG_RBS] = "RBS",  [DYAD_TAG_RP] = "RP",
    [DYAD_TAG_SYM] = "SYM",  [DYAD_TAG_TO] = "TO",    [DYAD_TAG_UH] = "UH",
    [DYAD_TAG_VB] = "VB",    [DYAD_TAG_VBD] = "VBD",  [DYAD_TAG_VBG] = "VBG",
    [DYAD_TAG_VBN] = "VBN",  [DYAD_TAG_VBP] = "VBP",  [DYAD_TAG_VBZ] = "VBZ",
    [DYAD_TAG_WDT] = "WDT",  [DYAD_TAG_WP] = "WP",    [DYAD_TAG_WPS] = "WP$",
    [DYAD_TAG_WRB] = "WRB",  [DYAD_TAG_COMMA] = ",",  [DYAD_TAG_PERIOD] = ".",
    [DYAD_TAG_COLON] = ":",  [DYAD_TAG_LQUOTE] = "``", [DYAD_TAG_RQUOTE] = "''",
    [DYAD_TAG_LRB] = "-LRB-", [DYAD_TAG_RRB] = "-RRB-", [DYAD_TAG_HASH] = "#",
    [DYAD_TAG_DOLLAR] = "$", [DYAD_TAG_HYPH] = "HYPH", [DYAD_TAG_NFP] = "NFP",
    [DYAD_TAG_ADD] = "ADD",  [DYAD_TAG_AFX] = "AFX",
};

const char *dyad_tag_name(dyad_tag t)
{
  if ((unsigned)t >= DYAD_TAG_COUNT)
    return NULL;
  return tagnames[t];
}

dyad_tag dyad_tag_parse(const char *s, size_t len)
{
  for (int t = 1; t < DYAD_TAG_COUNT; t++)
    if (strlen(tagnames[t]) == len && memcmp(tagnames[t], s, len) == 0)
      return (dyad_tag)t;
  return DYAD_TAG_NONE;
}
