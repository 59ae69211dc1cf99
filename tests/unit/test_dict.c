/* test_dict.c: the native dictionary loader, matching, dates, overrides,
 * errors and the codebook, on the fixtures in tests/fixtures/dict/. */
#include "testutil.h"

#include "dict/dict.h"

#define FIX "tests/fixtures/dict"

static dyad_ctx *fix_ctx(uint32_t flags)
{
  dyad_config cfg;
  memset(&cfg, 0, sizeof(cfg));
  cfg.data_dir = FIX "/data";
  cfg.flags = flags;
  dyad_ctx *ctx = dyad_ctx_new(&cfg);
  assert_non_null(ctx);
  assert_int_equal(dyad__codebook_load(ctx), DYAD_OK);
  dyad_status st = dyad__dict_load_defaults(ctx);
  if (st != DYAD_OK)
    fail_msg("cannot load fixtures: %s", dyad_ctx_errmsg(ctx));
  return ctx;
}

/* Tokens for a phrase: form = the folded word's id (0 if unknown); lemma
 * from "word/lemma" when given, as the tagger would set it. */
static size_t toks(dyad_ctx *ctx, const char *text, dyad_token *out,
                   size_t cap)
{
  char buf[512];
  snprintf(buf, sizeof(buf), "%s", text);
  size_t n = 0;
  for (char *w = buf; *w && n < cap;) {
    while (*w == ' ')
      w++;
    char *e = w;
    while (*e && *e != ' ')
      e++;
    char save = *e;
    *e = '\0';
    char *slash = strchr(w, '/');
    if (slash)
      *slash = '\0';
    memset(&out[n], 0, sizeof(out[n]));
    char f[128];
    size_t fl = dyad__fold(w, strlen(w), f, sizeof(f));
    out[n].form = dyad__vocab_find(&ctx->vocab, f, fl);
    if (slash)
      out[n].lemma = dyad__vocab_find(&ctx->vocab, slash + 1,
                                      strlen(slash + 1));
    n++;
    *e = save;
    w = e;
  }
  return n;
}

static const char *actor_code(dyad_ctx *ctx, const char *text,
                              dyad_date date, size_t *matched)
{
  dyad_token t[16];
  size_t n = toks(ctx, text, t, 16);
  struct dyad_actor_hit h;
  memset(&h, 0, sizeof(h));
  *matched = dyad__dict_actor(ctx, t, n, 0, date, &h);
  return *matched ? h.code : NULL;
}

static void fixtures_load_clean(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  dyad_dict_stats s;
  assert_int_equal(dyad_ctx_dict_stats(ctx, &s), DYAD_OK);
  assert_int_equal(s.errors, 0);
  assert_int_equal(s.skipped, 0);
  assert_int_equal(s.actors, 12);
  assert_int_equal(s.actor_types[DYAD_AT_PERSON], 4);
  assert_int_equal(s.agents, 4);
  assert_int_equal(s.nouns, 4);
  assert_int_equal(s.cues, 7);
  assert_int_equal(s.verb_patterns, 12);
  assert_int_equal(s.pattern_roots[5], 4);
  assert_int_equal(s.codebook, 11);
  dyad_ctx_free(ctx);
}

static void dated_role_wins_over_default(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  size_t m;
  /* Medvedev: RUSGOV 2008-05-07..2020-01-16, undated RUS */
  assert_string_equal(actor_code(ctx, "Medvedev", 20100101, &m), "RUSGOV");
  assert_int_equal(m, 1);
  assert_string_equal(actor_code(ctx, "Medvedev", 20220101, &m), "RUS");
  assert_string_equal(actor_code(ctx, "Medvedev", 0, &m), "RUS");
  dyad_ctx_free(ctx);
}

static void date_selects_range(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  size_t m;
  assert_string_equal(actor_code(ctx, "Fumio Kishida", 20230322, &m),
                      "JPNGOV");
  assert_int_equal(m, 2);
  assert_string_equal(actor_code(ctx, "Kishida", 20241002, &m), "JPN");
  assert_string_equal(actor_code(ctx, "Kishida", 20241001, &m), "JPNGOV");
  /* before any range and no default: matched, but no code */
  assert_null(actor_code(ctx, "Kishida", 20200101, &m));
  assert_int_equal(m, 1);
  /* open-ended range */
  assert_string_equal(actor_code(ctx, "Volodymyr Zelensky", 20260101, &m),
                      "UKRGOV");
  dyad_ctx_free(ctx);
}

static void actor_attributes(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  dyad_token t[4];
  size_t n = toks(ctx, "Vladimir Putin", t, 4);
  struct dyad_actor_hit h;
  assert_int_equal(dyad__dict_actor(ctx, t, n, 0, 20100101, &h), 2);
  assert_string_equal(h.code, "RUSGOV");
  assert_int_equal(h.type, DYAD_AT_PERSON);
  assert_int_equal(h.sex, 'm');
  assert_string_equal(h.country, "RUS");
  assert_string_equal(h.roles, "president,leader");
  assert_string_equal(h.rule, FIX "/data/actors/people.txt:2");
  dyad_ctx_free(ctx);
}

static void longest_match_wins(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  dyad_token t[8];
  size_t n = toks(ctx, "Russian Federation troops", t, 8);
  struct dyad_actor_hit h;
  assert_int_equal(dyad__dict_actor(ctx, t, n, 0, 20230322, &h), 2);
  assert_string_equal(h.code, "RUS");
  assert_int_equal(h.type, DYAD_AT_COUNTRY);
  n = toks(ctx, "drone attack on", t, 8);
  const struct dyad_noun *nn;
  assert_int_equal(dyad__dict_noun(ctx, t, n, 0, &nn), 2);
  assert_string_equal(nn->code, "195");
  assert_int_equal(dyad__dict_noun(ctx, t, n, 1, &nn), 1);
  assert_string_equal(nn->code, "190");
  dyad_ctx_free(ctx);
}

static void lemma_and_plural_matching(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  dyad_token t[4];
  const struct dyad_agent *ag;
  /* "men" with the tagger's lemma "man" */
  size_t n = toks(ctx, "men/man", t, 4);
  assert_int_equal(dyad__dict_agent(ctx, t, n, 0, &ag), 1);
  assert_string_equal(ag->code, "CVL");
  /* the generated plural, no lemma needed */
  n = toks(ctx, "Houthis", t, 4);
  size_t m;
  assert_string_equal(actor_code(ctx, "Houthis", 20230322, &m), "YEMREB");
  /* a plural agent entry also finds its singular */
  n = toks(ctx, "soldier", t, 4);
  assert_int_equal(dyad__dict_agent(ctx, t, n, 0, &ag), 1);
  assert_string_equal(ag->code, "MIL");
  /* a multiword cue through a verb lemma: "refused/refuse to" */
  n = toks(ctx, "refused/refuse to", t, 4);
  assert_int_equal(dyad__dict_cue(ctx, DYAD_CUE_NEGVERB, t, n, 0), 2);
  assert_int_equal(dyad__dict_cue(ctx, DYAD_CUE_INTENT, t, n, 0), 0);
  /* possessive split: "Putin's" is putin + 's (typographic too) */
  uint32_t ids[4];
  assert_int_equal(dyad__dict_phrase(ctx, "Putin's", 7, 0, ids, 4, NULL), 2);
  assert_int_equal(ids[1], dyad__vocab_find(&ctx->vocab, "'s", 2));
  assert_int_equal(dyad__dict_phrase(ctx, "Putin\xe2\x80\x99s", 9, 0, ids, 4, NULL),
                   2);
  assert_int_equal(ids[0], dyad__vocab_find(&ctx->vocab, "putin", 5));
  assert_int_equal(dyad__dict_phrase(ctx, "ARMED_FORCES", 12, 1, ids, 4, NULL), 2);
  assert_string_equal(actor_code(ctx, "Putin 's", 20230322, &m), "RUSGOV");
  assert_int_equal(m, 1);
  dyad_ctx_free(ctx);
}

static void acronym_needs_capitals(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  dyad_token t[2];
  size_t n = toks(ctx, "US", t, 2);
  struct dyad_actor_hit h;
  assert_int_equal(dyad__dict_actor(ctx, t, n, 0, 20230322, &h), 0);
  t[0].flags = DYAD_TOKF_ALLCAPS; /* as the tokenizer marks "US" */
  assert_int_equal(dyad__dict_actor(ctx, t, n, 0, 20230322, &h), 1);
  assert_string_equal(h.code, "USA");
  /* a longer phrase with no acronym is not affected */
  n = toks(ctx, "united states", t, 2);
  assert_int_equal(dyad__dict_actor(ctx, t, n, 0, 20230322, &h), 2);
  dyad_ctx_free(ctx);
}

static void descriptions_resolve_by_role(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  uint32_t e = 0;
  /* 2010: Medvedev (role=president) is in office; Putin (president,
   * leader) too, as prime minister: both match "president" */
  assert_int_equal(dyad__dict_role(ctx, "RUS", "president", 9, 20100101, &e),
                   2);
  assert_int_equal(dyad__dict_role(ctx, "RUS", "Leader", 6, 20100101, &e), 1);
  assert_string_equal(ctx->dict->actors.v[e].phrase, "Vladimir Putin");
  /* 2022: Medvedev only holds his undated default: not in office */
  assert_int_equal(dyad__dict_role(ctx, "RUS", "president", 9, 20220101, &e),
                   1);
  assert_string_equal(ctx->dict->actors.v[e].phrase, "Vladimir Putin");
  assert_int_equal(dyad__dict_role(ctx, "JPN", "prime minister", 14,
                                   20230322, &e), 1);
  assert_string_equal(ctx->dict->actors.v[e].phrase, "Fumio Kishida");
  assert_int_equal(dyad__dict_role(ctx, "JPN", "prime minister", 14,
                                   20250101, &e), 1); /* JPN@2024-10-02.. */
  assert_int_equal(dyad__dict_role(ctx, "JPN", "prime minister", 14,
                                   20200101, &e), 0);
  assert_int_equal(dyad__dict_role(ctx, "USA", "president", 9, 20200101, &e),
                   0);
  dyad_ctx_free(ctx);
}

static const struct dyad_verb_pat *verb(dyad_ctx *ctx, const char *lemma,
                                        size_t k, size_t *n)
{
  const struct dyad_verb_pat *const *p;
  uint32_t id = dyad__vocab_find(&ctx->vocab, lemma, strlen(lemma));
  if (!dyad__dict_verb(ctx, id, &p, n))
    return NULL;
  return k < *n ? p[k] : NULL;
}

static void verb_patterns_longest_first(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  size_t n;
  const struct dyad_verb_pat *p = verb(ctx, "sign", 0, &n);
  assert_int_equal(n, 2);
  assert_non_null(p);
  /* "sign agreement with *" (2 words) before "sign < agreement" (1) */
  assert_int_equal(p->nwords, 2);
  assert_int_equal(p->nitems, 3);
  assert_int_equal(p->npre, 0);
  assert_int_equal(p->items[2].kind, DYAD_VI_TARGET);
  p = verb(ctx, "sign", 1, &n);
  assert_int_equal(p->npre, 1);
  assert_int_equal(p->items[0].kind, DYAD_VI_WORD);
  p = verb(ctx, "praise", 0, &n);
  assert_int_equal(n, 2);
  assert_int_equal(p->nitems, 2); /* praise * for */
  p = verb(ctx, "praise", 1, &n);
  assert_int_equal(p->nitems, 0); /* the bare default last */
  assert_null(verb(ctx, "unknownverb", 0, &n));
  assert_int_equal(n, 0);
  dyad_ctx_free(ctx);
}

static void mirror_codes_and_attributes(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  size_t n;
  const struct dyad_verb_pat *p = verb(ctx, "visit", 0, &n);
  assert_string_equal(p->code, "042");
  assert_string_equal(p->mirror, "043");
  p = verb(ctx, "meet", 0, &n);
  assert_string_equal(p->code, "");
  assert_string_equal(p->mirror, "036");
  p = verb(ctx, "say", 0, &n);
  assert_string_equal(p->code, "---");
  assert_int_equal(p->speech, 1);
  p = verb(ctx, "attack", 0, &n);
  assert_string_equal(p->passive, "190");
  assert_string_equal(p->rule, FIX "/data/verbs/verbs.txt:13");
  dyad_ctx_free(ctx);
}

static void pattern_item_matches_lemma(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  size_t n;
  const struct dyad_verb_pat *p = verb(ctx, "sign", 0, &n);
  dyad_token t[4];
  size_t nt = toks(ctx, "agreements/agreement with", t, 4);
  assert_int_equal(dyad__dict_item_match(ctx, &p->items[0], t, nt, 0), 1);
  assert_int_equal(dyad__dict_item_match(ctx, &p->items[1], t, nt, 1), 1);
  assert_int_equal(dyad__dict_item_match(ctx, &p->items[1], t, nt, 0), 0);
  /* without the tagger's lemma an unknown plural form does not match */
  nt = toks(ctx, "agreements", t, 4);
  t[0].lemma = 0;
  assert_int_equal(dyad__dict_item_match(ctx, &p->items[0], t, nt, 0), 0);
  dyad_ctx_free(ctx);
}

static void nouns_keep_prepositions(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  dyad_token t[4];
  size_t n = toks(ctx, "sanctions", t, 4);
  const struct dyad_noun *nn;
  assert_int_equal(dyad__dict_noun(ctx, t, n, 0, &nn), 1);
  assert_string_equal(nn->code, "163");
  assert_int_equal(nn->nprep, 2);
  assert_int_equal(nn->clause_obj, 1);
  size_t l;
  const char *w = dyad__vocab_str(&ctx->vocab, nn->preps[1], &l);
  assert_string_equal(w, "against");
  dyad_ctx_free(ctx);
}

static void user_file_overrides(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  size_t m;
  assert_string_equal(actor_code(ctx, "Russian", 20230322, &m), "RUS");
  assert_int_equal(dyad_ctx_load_dict(ctx, FIX "/user.txt",
                                      strlen(FIX "/user.txt"), 0),
                   DYAD_OK);
  assert_string_equal(actor_code(ctx, "Russian", 20230322, &m), "RUSX");
  assert_string_equal(actor_code(ctx, "Kremlin watchers", 20230322, &m),
                      "RUSMED");
  /* the unchanged neighbour still matches */
  assert_string_equal(actor_code(ctx, "Russia", 20230322, &m), "RUS");
  size_t n;
  const struct dyad_verb_pat *p = verb(ctx, "praise", 1, &n);
  assert_int_equal(n, 2); /* the bare pattern replaced, not added */
  assert_string_equal(p->code, "052");
  dyad_token t[2];
  size_t nt = toks(ctx, "trip", t, 2);
  const struct dyad_noun *nn;
  assert_int_equal(dyad__dict_noun(ctx, t, nt, 0, &nn), 1);
  assert_string_equal(nn->code, "043");
  nt = toks(ctx, "hardly", t, 2);
  assert_int_equal(dyad__dict_cue(ctx, DYAD_CUE_NEGATION, t, nt, 0), 1);
  /* overriding in a user file is intended: no problems recorded */
  dyad_dict_stats s;
  dyad_ctx_dict_stats(ctx, &s);
  assert_int_equal(s.problems, 0);
  dyad_ctx_free(ctx);
}

static void user_file_wins_even_when_loaded_first(void **state)
{
  (void)state;
  dyad_config cfg;
  memset(&cfg, 0, sizeof(cfg));
  cfg.data_dir = FIX "/data";
  dyad_ctx *ctx = dyad_ctx_new(&cfg);
  assert_int_equal(dyad_ctx_load_dict(ctx, FIX "/user.txt",
                                      strlen(FIX "/user.txt"), 0),
                   DYAD_OK);
  assert_int_equal(dyad_ctx_load_dictionaries(ctx), DYAD_OK);
  size_t m;
  assert_string_equal(actor_code(ctx, "Russian", 20230322, &m), "RUSX");
  size_t n;
  const struct dyad_verb_pat *p = verb(ctx, "praise", 1, &n);
  assert_int_equal(n, 2);
  assert_string_equal(p->code, "052");
  dyad_ctx_free(ctx);
}

static void malformed_lines_are_skipped_and_counted(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  assert_int_equal(dyad_ctx_load_dict(ctx, FIX "/broken.txt",
                                      strlen(FIX "/broken.txt"), 0),
                   DYAD_OK);
  const char *const *list;
  size_t np = dyad_ctx_dict_problems(ctx, &list);
  assert_int_equal(np, 9);
  assert_string_equal(list[0], FIX "/broken.txt:3: expected 'PHRASE = CODE'");
  assert_string_equal(list[1], FIX "/broken.txt:4: bad actor code 'ab$c'");
  assert_non_null(strstr(list[8], "broken.txt:13: unknown section"));
  dyad_dict_stats s;
  dyad_ctx_dict_stats(ctx, &s);
  assert_int_equal(s.skipped, 8);
  size_t m;
  assert_string_equal(actor_code(ctx, "Good Actor", 0, &m), "ABC");
  assert_string_equal(actor_code(ctx, "Second Good", 0, &m), "DEF");
  assert_null(actor_code(ctx, "Bad Code", 0, &m));
  assert_int_equal(m, 0);
  dyad_ctx_free(ctx);
}

static void strict_mode_is_fatal(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(DYAD_CFG_STRICT);
  assert_int_equal(dyad_ctx_load_dict(ctx, FIX "/broken.txt",
                                      strlen(FIX "/broken.txt"), 0),
                   DYAD_EDICT);
  assert_string_equal(dyad_ctx_errmsg(ctx),
                      FIX "/broken.txt:3: expected 'PHRASE = CODE'");
  dyad_ctx_free(ctx);
}

static void missing_file_is_eio(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  assert_int_equal(dyad_ctx_load_dict(ctx, "/nonexistent/x.txt", 18, 0),
                   DYAD_EIO);
  assert_non_null(strstr(dyad_ctx_errmsg(ctx), "cannot open"));
  dyad_ctx_free(ctx);
}

static void codebook_lookup(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  dyad_cameo c;
  assert_int_equal(dyad_ctx_cameo(ctx, "0874", 4, &c), DYAD_OK);
  assert_string_equal(c.code, "0874");
  assert_string_equal(c.plover, "RETREAT");
  assert_int_equal(c.quad, 2);
  assert_true(c.goldstein > 8.9 && c.goldstein < 9.1);
  assert_int_equal(dyad_ctx_cameo(ctx, "999", 3, &c), DYAD_ENOTFOUND);
  assert_int_equal(dyad_ctx_cameo(ctx, "08", 2, &c), DYAD_ENOTFOUND);
  dyad_ctx_free(ctx);
}

static void check_reports_lint(void **state)
{
  (void)state;
  dyad_config cfg;
  memset(&cfg, 0, sizeof(cfg));
  cfg.data_dir = FIX "/lint:" FIX "/data";
  dyad_ctx *ctx = dyad_ctx_new(&cfg);
  assert_int_equal(dyad__codebook_load(ctx), DYAD_OK);
  assert_int_equal(dyad__dict_load_defaults(ctx), DYAD_OK);
  dyad_buf b = {0};
  size_t ne = 0, nw = 0;
  assert_int_equal(dyad_ctx_dict_check(ctx, &b, &ne, &nw), DYAD_OK);
  assert_non_null(b.ptr);
  assert_non_null(strstr(b.ptr, "lint/actors.txt:3: conflicting codes for "
                                "'Atlantis'"));
  assert_non_null(strstr(b.ptr, "lint/actors.txt:5: warning: duplicate"));
  assert_non_null(strstr(b.ptr, "lint/actors.txt:6: overlapping date ranges"));
  assert_non_null(strstr(b.ptr, "lint/verbs.txt:1: pattern code 999 has no "
                                "known CAMEO root"));
  assert_non_null(strstr(b.ptr, "lint/verbs.txt:3: conflicting codes"));
  assert_non_null(strstr(b.ptr, "lint/verbs.txt:3: pattern code 052 is not "
                                "in the codebook"));
  assert_int_equal(ne, 5);
  assert_int_equal(nw, 1);
  dyad_buf_release(&b);
  dyad_ctx_free(ctx);
}

static void clean_fixtures_pass_check(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  dyad_buf b = {0};
  size_t ne = 1, nw = 1;
  assert_int_equal(dyad_ctx_dict_check(ctx, &b, &ne, &nw), DYAD_OK);
  assert_int_equal(ne, 0);
  assert_int_equal(nw, 0);
  dyad_buf_release(&b);
  dyad_ctx_free(ctx);
}

static void lookup_shows_chosen_code(void **state)
{
  (void)state;
  dyad_ctx *ctx = fix_ctx(0);
  dyad_buf b = {0};
  size_t nf = 0;
  const char *q = "President Putin";
  assert_int_equal(dyad_ctx_dict_lookup(ctx, q, strlen(q), 20100101, &b, &nf),
                   DYAD_OK);
  assert_int_equal(nf, 2);
  assert_non_null(strstr(b.ptr, "agent   \"President\" -> ~GOV title=1"));
  assert_non_null(strstr(b.ptr, "actor   \"Putin\" -> RUSGOV  [RUSGOV@2000-05-07"
                                "..2008-05-07, RUSGOV@2008-05-08..2012-05-06"));
  assert_non_null(strstr(b.ptr, "people.txt:2"));
  dyad_buf_release(&b);
  dyad_ctx_free(ctx);
}

static void date_helpers(void **state)
{
  (void)state;
  assert_int_equal(dyad__date_add(20120301, -1), 20120229);
  assert_int_equal(dyad__date_add(20231231, 1), 20240101);
  dyad_date d;
  assert_int_equal(dyad__dict_date("950601", 6, 1, &d), 0);
  assert_int_equal(d, 19950601);
  assert_int_equal(dyad__dict_date("080507", 6, 1, &d), 0);
  assert_int_equal(d, 20080507);
  assert_int_equal(dyad__dict_date("9008223", 7, 1, &d), -1);
}

/* An allocator that checks every osize: live bytes must return to 0. */
struct acct {
  long long live;
};

static void *acct_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
  struct acct *a = ud;
  if (ptr)
    a->live -= (long long)osize;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  void *p = realloc(ptr, nsize);
  if (p)
    a->live += (long long)nsize;
  else if (ptr)
    a->live += (long long)osize;
  return p;
}

static void allocator_sizes_balance(void **state)
{
  (void)state;
  struct acct ac = {0};
  dyad_config cfg;
  memset(&cfg, 0, sizeof(cfg));
  cfg.data_dir = FIX "/lint:" FIX "/data";
  cfg.alloc = acct_alloc;
  cfg.alloc_ud = &ac;
  dyad_ctx *ctx = dyad_ctx_new(&cfg);
  assert_non_null(ctx);
  assert_int_equal(dyad_ctx_load_dictionaries(ctx), DYAD_OK);
  assert_int_equal(dyad_ctx_load_dict(ctx, FIX "/broken.txt",
                                      strlen(FIX "/broken.txt"), 0),
                   DYAD_OK);
  char path[1024];
  if (shared_path("peers/petrarch2/CAMEO.2.0.txt", path, sizeof(path)))
    assert_int_equal(dyad_ctx_load_dict(ctx, path, strlen(path), 0), DYAD_OK);
  if (shared_path("peers/petrarch2/PETR.Validate.actors.txt", path,
                  sizeof(path)))
    assert_int_equal(dyad_ctx_load_dict(ctx, path, strlen(path), 0), DYAD_OK);
  dyad_buf b = {0};
  size_t ne, nw;
  assert_int_equal(dyad_ctx_dict_check(ctx, &b, &ne, &nw), DYAD_OK);
  dyad_dict_stats st;
  assert_int_equal(dyad_ctx_dict_stats(ctx, &st), DYAD_OK);
  dyad_buf_release(&b);
  dyad_ctx_free(ctx);
  assert_int_equal(ac.live, 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(fixtures_load_clean),
      cmocka_unit_test(dated_role_wins_over_default),
      cmocka_unit_test(date_selects_range),
      cmocka_unit_test(actor_attributes),
      cmocka_unit_test(longest_match_wins),
      cmocka_unit_test(lemma_and_plural_matching),
      cmocka_unit_test(acronym_needs_capitals),
      cmocka_unit_test(descriptions_resolve_by_role),
      cmocka_unit_test(verb_patterns_longest_first),
      cmocka_unit_test(mirror_codes_and_attributes),
      cmocka_unit_test(pattern_item_matches_lemma),
      cmocka_unit_test(nouns_keep_prepositions),
      cmocka_unit_test(user_file_overrides),
      cmocka_unit_test(user_file_wins_even_when_loaded_first),
      cmocka_unit_test(malformed_lines_are_skipped_and_counted),
      cmocka_unit_test(strict_mode_is_fatal),
      cmocka_unit_test(missing_file_is_eio),
      cmocka_unit_test(codebook_lookup),
      cmocka_unit_test(check_reports_lint),
      cmocka_unit_test(clean_fixtures_pass_check),
      cmocka_unit_test(lookup_shows_chosen_code),
      cmocka_unit_test(date_helpers),
      cmocka_unit_test(allocator_sizes_balance),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
