/*
 * test_place.c: place names (src/where): the gazetteer's keys, finding
 * names (multiword, qualified, not persons, not common words opening a
 * sentence), resolving them with the article's context, the event place
 * rule for the coder, and the `dyad parse` writer. Every test skips when
 * the gazetteer was not built (npm unreachable at build time).
 */
#include "testutil.h"

#include "where/where.h"

static dyad_ctx *ctx;

static int setup(void **state)
{
  (void)state;
  ctx = dyad_ctx_new(NULL);
  if (!ctx || dyad_ctx_load_defaults(ctx) != DYAD_OK)
    return -1;
  dyad_ctx_load_gazetteer(ctx); /* absent: tests skip */
  return 0;
}

static int teardown(void **state)
{
  (void)state;
  dyad_ctx_free(ctx);
  return 0;
}

static dyad_doc *places_of(const char *text, uint32_t stages)
{
  if (!ctx->gaz)
    skip();
  return test_doc(ctx, text, stages);
}

/* The place whose text is word, NULL when none. */
static const dyad_place *find(const dyad_doc *doc, const char *word)
{
  size_t n;
  const dyad_place *p = dyad_doc_places(doc, &n);
  size_t len;
  const char *text = dyad_doc_text(doc, &len);
  for (size_t k = 0; k < n; k++)
    if (p[k].span.len == strlen(word) &&
        memcmp(text + p[k].span.off, word, p[k].span.len) == 0)
      return &p[k];
  return NULL;
}

static void key_normalises_punctuation_and_case(void **state)
{
  (void)state;
  char out[64];
  size_t n = dyad__gaz_key("Washington,  D.C.", 17, out, sizeof(out));
  assert_int_equal(n, 14);
  assert_memory_equal(out, "washington d c", 14);
  n = dyad__gaz_key("Winston-Salem", 13, out, sizeof(out));
  assert_memory_equal(out, "winston salem", n);
}

/* A truncated or altered gazetteer is refused, never read past its end. */
static void damaged_gazetteer_is_refused(void **state)
{
  (void)state;
  if (!ctx->gaz)
    skip();
  const struct dyad_gazetteer *g = ctx->gaz;
  char dir[] = "/tmp/dyad-gaz-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[64];
  snprintf(path, sizeof(path), "%s/gazetteer.bin", dir);
  for (int kind = 0; kind < 2; kind++) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    size_t n = g->len - 1;
    if (kind == 0) {
      fwrite(g->buf, 1, n / 2, f); /* truncated */
    } else {
      fwrite(g->buf, 1, n, f); /* a candidate index out of range */
      long at = (long)((const char *)g->cands - g->buf);
      fseek(f, at, SEEK_SET);
      uint32_t bad = g->nplace + 7;
      fwrite(&bad, 4, 1, f);
    }
    fclose(f);
    dyad_config cfg = {0};
    cfg.data_dir = dir;
    dyad_ctx *c2 = dyad_ctx_new(&cfg);
    assert_int_equal(dyad_ctx_load_gazetteer(c2), DYAD_EFORMAT);
    assert_null(c2->gaz);
    dyad_ctx_free(c2);
  }
  unlink(path);
  rmdir(dir);
}

static void bare_famous_name_is_the_capital(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("The summit was held in Paris on Monday.",
                            DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "Paris");
  assert_non_null(p);
  assert_string_equal(p->country, "FRA");
  assert_true(p->geonameid > 0);
  dyad_doc_free(doc);
}

static void state_qualifier_picks_the_small_town(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("A storm flattened barns near Paris, Texas, "
                            "on Sunday.", DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "Paris");
  assert_non_null(p);
  assert_string_equal(p->country, "USA");
  assert_true(p->lat > 30 && p->lat < 37 && p->lon < -90);
  const dyad_place *q = find(doc, "Texas");
  assert_non_null(q); /* the qualifier is a place too */
  assert_string_equal(q->country, "USA");
  dyad_doc_free(doc);
}

static void abbreviated_qualifier_works(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("The plant in London, Ont., will close next "
                            "year.", DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "London");
  assert_non_null(p);
  assert_string_equal(p->country, "CAN");
  dyad_doc_free(doc);
}

static void article_context_resolves_later_mentions(void **state)
{
  (void)state;
  dyad_doc *doc = places_of(
      "Police in Ontario said two men from Toronto and Hamilton were "
      "charged. The men were arrested at a motel in Kitchener. A third "
      "suspect was later found in London.", DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "London");
  assert_non_null(p);
  assert_string_equal(p->country, "CAN");
  dyad_doc_free(doc);
}

static void multiword_names(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("She flew from New York to Rio de Janeiro and "
                            "then to Buenos Aires.", DYAD_STAGE_WHERE);
  const dyad_place *a = find(doc, "New York");
  const dyad_place *b = find(doc, "Rio de Janeiro");
  const dyad_place *c = find(doc, "Buenos Aires");
  assert_non_null(a);
  assert_non_null(b);
  assert_non_null(c);
  assert_string_equal(a->country, "USA");
  assert_string_equal(b->country, "BRA");
  assert_string_equal(c->country, "ARG");
  assert_null(find(doc, "York"));
  dyad_doc_free(doc);
}

static void person_names_are_not_places(void **state)
{
  (void)state;
  dyad_doc *doc = places_of(
      "Hillary Clinton spoke to voters in Denver. Clinton said the race "
      "was close. Paris Hilton was not there.", DYAD_STAGE_WHERE);
  assert_non_null(find(doc, "Denver"));
  assert_null(find(doc, "Clinton"));
  assert_null(find(doc, "Paris"));
  dyad_doc_free(doc);
}

static void sentence_initial_common_words_are_not_places(void **state)
{
  (void)state;
  dyad_doc *doc = places_of(
      "Reading the report took hours. Deal makers met again. Mobile "
      "phones were banned.", DYAD_STAGE_WHERE);
  size_t n;
  dyad_doc_places(doc, &n);
  assert_int_equal(n, 0);
  dyad_doc_free(doc);
  doc = places_of("The fire started in a warehouse in Reading.",
                  DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "Reading");
  assert_non_null(p);
  dyad_doc_free(doc);
}

static void governor_makes_it_the_state(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("New York Gov. Andrew Cuomo signed the bill. "
                            "He later flew to New York.", DYAD_STAGE_WHERE);
  size_t n;
  const dyad_place *p = dyad_doc_places(doc, &n);
  assert_int_equal(n, 2);
  assert_int_equal(p[0].geonameid, 0); /* the state */
  assert_true(p[1].geonameid > 0);     /* the city */
  assert_true(p[1].lat > 40.5 && p[1].lat < 41);
  dyad_doc_free(doc);
}

static void demonym_names_its_country(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Turkish officials met their Canadian "
                            "counterparts.", DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "Turkish");
  assert_non_null(p);
  assert_string_equal(p->country, "TUR");
  p = find(doc, "Canadian");
  assert_non_null(p);
  assert_string_equal(p->country, "CAN");
  dyad_doc_free(doc);
}

/* The tagger calls "County" a common noun; capitalised inside a sentence
 * it still ends a name. */
static void county_name_inside_a_sentence(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Deputies took the driver to the Adair County "
                            "jail on Friday.", DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "Adair County");
  assert_non_null(p);
  assert_string_equal(p->country, "USA");
  dyad_doc_free(doc);
}

/* A town's name is the town, not a county named after it. */
static void town_before_its_county(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("The storm hit Cairns overnight.",
                            DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "Cairns");
  assert_non_null(p);
  assert_true(p->geonameid > 0);
  dyad_doc_free(doc);
}

/* ", U.S." after a country does not make it a town in the U.S. */
static void country_is_not_qualified_by_country(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("His ties to Russia, U.S. officials said, "
                            "worried the committee.", DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "Russia");
  assert_non_null(p);
  assert_string_equal(p->country, "RUS");
  dyad_doc_free(doc);
}

/* A surname met with a first name that is a town is a person later. */
static void surname_after_town_first_name(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Kati Mather went to the vigil in Boston. "
                            "\"It helped,\" said Mather.", DYAD_STAGE_WHERE);
  assert_non_null(find(doc, "Boston"));
  assert_null(find(doc, "Mather"));
  assert_null(find(doc, "Kati"));
  dyad_doc_free(doc);
}

/* A state before an unknown proper noun is a first name. */
static void state_as_first_name(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Coach Georgia Stevens trains skaters in "
                            "Edmonton.", DYAD_STAGE_WHERE);
  assert_null(find(doc, "Georgia"));
  assert_non_null(find(doc, "Edmonton"));
  dyad_doc_free(doc);
}

static void places_inside_hyphenated_words(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("The firm sells made-in-China goods and "
                            "pro-Western views.", DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "China");
  assert_non_null(p);
  assert_string_equal(p->country, "CHN");
  assert_null(find(doc, "Western"));
  dyad_doc_free(doc);
}

/* GeoNames' short forms: "Ludwigshafen" for "Ludwigshafen am Rhein". */
static void short_form_of_a_long_name(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("A bomb was found at a market in Ludwigshafen.",
                            DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "Ludwigshafen");
  assert_non_null(p);
  assert_string_equal(p->country, "DEU");
  dyad_doc_free(doc);
}

/* A qualifier is the region when it can be: "Bronx, New York" is in the
 * state of New York. */
static void qualifier_is_the_region(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("He worked at a hospital in Bronx, New York, for "
                            "ten years.", DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "New York");
  assert_non_null(p);
  assert_int_equal(p->geonameid, 0); /* the state, not the city */
  dyad_doc_free(doc);
}

/* "Alberta, Saskatchewan and Manitoba" is a list, not a qualified name. */
static void list_of_regions_is_not_qualified(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Sales fell in Alberta, Saskatchewan and "
                            "Manitoba.", DYAD_STAGE_WHERE);
  assert_non_null(find(doc, "Alberta"));
  assert_non_null(find(doc, "Saskatchewan"));
  assert_non_null(find(doc, "Manitoba"));
  dyad_doc_free(doc);
}

/* "attacks, which damaged ... across the country": the nation phrase of a
 * relative clause places the event of the clause it hangs on. */
static void event_place_across_the_country_in_relative_clause(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Ukraine faced new attacks, which damaged "
                            "power stations across the country.",
                            DYAD_STAGE_PHRASES | DYAD_STAGE_WHERE);
  size_t nc;
  const dyad_clause *cl = dyad_doc_clauses(doc, &nc);
  const dyad_clause *c = NULL;
  for (size_t k = 0; k < nc && !c; k++)
    if (cl[k].kind == DYAD_CL_MAIN)
      c = &cl[k];
  assert_non_null(c);
  const char *why = NULL;
  int32_t pi = dyad__event_place(doc, c, "UKR", &why);
  assert_true(pi >= 0);
  assert_string_equal(why, "country-of-target");
  assert_string_equal(doc->places.v[pi].country, "UKR");
  dyad_doc_free(doc);
}

/* A small town takes no article: "the White House" is a building; "the
 * Calgary MLA" uses a city's name as a modifier. */
static void article_before_a_small_town_name(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("The White House condemned the attack in "
                            "Calgary. The mayor met the Calgary MLA.",
                            DYAD_STAGE_WHERE);
  assert_null(find(doc, "White House"));
  size_t n;
  const dyad_place *p = dyad_doc_places(doc, &n);
  assert_int_equal(n, 2);
  assert_string_equal(p[0].country, "CAN");
  assert_string_equal(p[1].country, "CAN");
  dyad_doc_free(doc);
}

/* Common words naming a far region the article gives no reason for are
 * not that region; a famous region in plain use still is. */
static void common_word_region_without_evidence(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("She directs the Centre for Trade Policy. Her "
                            "office is in Wales.", DYAD_STAGE_WHERE);
  assert_null(find(doc, "Centre"));
  assert_non_null(find(doc, "Wales"));
  dyad_doc_free(doc);
}

/* "the Ukrainian capital" is Kyiv. */
static void demonym_capital_is_the_capital(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Officials arrived in the Ukrainian capital on "
                            "Monday.", DYAD_STAGE_WHERE);
  const dyad_place *p = find(doc, "Ukrainian capital");
  assert_non_null(p);
  assert_string_equal(p->country, "UKR");
  assert_true(p->geonameid > 0);
  assert_true(p->lat > 50 && p->lat < 51); /* Kyiv, not the country */
  dyad_doc_free(doc);
}

/* The first clause with a verb (our test sentences have one main clause). */
static const dyad_clause *main_clause(const dyad_doc *doc)
{
  size_t n;
  const dyad_clause *c = dyad_doc_clauses(doc, &n);
  for (size_t k = 0; k < n; k++)
    if (c[k].verb >= 0 && c[k].kind == DYAD_CL_MAIN)
      return &c[k];
  return NULL;
}

static void event_place_from_in_phrase(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Rebels attacked an army base in Goma on "
                            "Tuesday.", DYAD_STAGE_PHRASES | DYAD_STAGE_WHERE);
  const dyad_clause *c = main_clause(doc);
  assert_non_null(c);
  const char *why = NULL;
  int32_t pi = dyad__event_place(doc, c, NULL, &why);
  assert_true(pi >= 0);
  assert_string_equal(why, "in-phrase");
  assert_string_equal(doc->places.v[pi].country, "COD");
  dyad_doc_free(doc);
}

static void event_place_from_visit(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("The Indian minister travelled to Nairobi for "
                            "talks.", DYAD_STAGE_PHRASES | DYAD_STAGE_WHERE);
  const dyad_clause *c = main_clause(doc);
  assert_non_null(c);
  const char *why = NULL;
  int32_t pi = dyad__event_place(doc, c, NULL, &why);
  assert_true(pi >= 0);
  assert_string_equal(why, "destination");
  assert_string_equal(doc->places.v[pi].country, "KEN");
  dyad_doc_free(doc);
}

static void event_place_from_visit_noun(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Modi praised Putin during a visit to Moscow.",
                            DYAD_STAGE_PHRASES | DYAD_STAGE_WHERE);
  const dyad_clause *c = main_clause(doc);
  assert_non_null(c);
  const char *why = NULL;
  int32_t pi = dyad__event_place(doc, c, NULL, &why);
  assert_true(pi >= 0);
  assert_string_equal(why, "destination");
  assert_string_equal(doc->places.v[pi].country, "RUS");
  dyad_doc_free(doc);
}

static void event_place_of_attacked_town(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Artillery units shelled Mariupol again.",
                            DYAD_STAGE_PHRASES | DYAD_STAGE_WHERE);
  const dyad_clause *c = main_clause(doc);
  assert_non_null(c);
  const char *why = NULL;
  int32_t pi = dyad__event_place(doc, c, NULL, &why);
  assert_true(pi >= 0);
  assert_string_equal(why, "object-place");
  assert_string_equal(doc->places.v[pi].country, "UKR");
  dyad_doc_free(doc);
}

static void event_place_across_the_country(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Unions in Lyon and Marseille called a strike. "
                            "Workers protested across the country.",
                            DYAD_STAGE_PHRASES | DYAD_STAGE_WHERE);
  size_t nc;
  const dyad_clause *cl = dyad_doc_clauses(doc, &nc);
  const dyad_clause *c = NULL;
  for (size_t k = 0; k < nc; k++)
    if (cl[k].verb >= 0 && cl[k].tok >= doc->sents.v[1].tok)
      c = &cl[k];
  assert_non_null(c);
  size_t before = doc->places.n;
  const char *why = NULL;
  int32_t pi = dyad__event_place(doc, c, NULL, &why);
  assert_true(pi >= 0);
  assert_string_equal(why, "country-of-article");
  assert_string_equal(doc->places.v[pi].country, "FRA");
  assert_int_equal(doc->places.n, before + 1);
  why = NULL;
  pi = dyad__event_place(doc, c, "DEUGOV", &why);
  assert_string_equal(why, "country-of-target");
  assert_string_equal(doc->places.v[pi].country, "DEU");
  dyad_doc_free(doc);
}

static void no_place_gives_minus_one(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("The minister criticised the plan.",
                            DYAD_STAGE_PHRASES | DYAD_STAGE_WHERE);
  const dyad_clause *c = main_clause(doc);
  assert_non_null(c);
  const char *why = "x";
  assert_int_equal(dyad__event_place(doc, c, NULL, &why), -1);
  assert_null(why);
  dyad_doc_free(doc);
}

static void writes_places_json(void **state)
{
  (void)state;
  dyad_doc *doc = places_of("Talks resumed in Vienna.", DYAD_STAGE_WHERE);
  dyad_buf b = {0};
  assert_int_equal(dyad__write_places(doc, 1, &b), 0);
  assert_non_null(strstr(b.ptr, ",\"places\":[{\"text\":\"Vienna\",\"span\":"
                                "[17,23],\"name\":\"Vienna\",\"country\":"
                                "\"AUT\",\"lat\":"));
  dyad_buf_release(&b);
  dyad_doc_free(doc);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(key_normalises_punctuation_and_case),
      cmocka_unit_test(damaged_gazetteer_is_refused),
      cmocka_unit_test(bare_famous_name_is_the_capital),
      cmocka_unit_test(state_qualifier_picks_the_small_town),
      cmocka_unit_test(abbreviated_qualifier_works),
      cmocka_unit_test(article_context_resolves_later_mentions),
      cmocka_unit_test(multiword_names),
      cmocka_unit_test(person_names_are_not_places),
      cmocka_unit_test(sentence_initial_common_words_are_not_places),
      cmocka_unit_test(governor_makes_it_the_state),
      cmocka_unit_test(demonym_names_its_country),
      cmocka_unit_test(county_name_inside_a_sentence),
      cmocka_unit_test(town_before_its_county),
      cmocka_unit_test(country_is_not_qualified_by_country),
      cmocka_unit_test(surname_after_town_first_name),
      cmocka_unit_test(state_as_first_name),
      cmocka_unit_test(places_inside_hyphenated_words),
      cmocka_unit_test(short_form_of_a_long_name),
      cmocka_unit_test(qualifier_is_the_region),
      cmocka_unit_test(list_of_regions_is_not_qualified),
      cmocka_unit_test(demonym_capital_is_the_capital),
      cmocka_unit_test(article_before_a_small_town_name),
      cmocka_unit_test(common_word_region_without_evidence),
      cmocka_unit_test(event_place_across_the_country_in_relative_clause),
      cmocka_unit_test(event_place_from_in_phrase),
      cmocka_unit_test(event_place_from_visit),
      cmocka_unit_test(event_place_from_visit_noun),
      cmocka_unit_test(event_place_of_attacked_town),
      cmocka_unit_test(event_place_across_the_country),
      cmocka_unit_test(no_place_gives_minus_one),
      cmocka_unit_test(writes_places_json),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
