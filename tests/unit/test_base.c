/* test_base.c: arena, vectors, buffers, UTF-8 folding, vocabulary, dates. */
#include "testutil.h"

static void arena_alloc_aligned_and_reset_reuses(void **state)
{
  (void)state;
  struct dyad_allocator a = {NULL, NULL};
  struct dyad_arena ar;
  dyad__arena_init(&ar, &a, 128);
  char *p = dyad__arena_alloc(&ar, 3);
  char *q = dyad__arena_alloc(&ar, 5);
  assert_non_null(p);
  assert_non_null(q);
  assert_int_equal((uintptr_t)q % 16, 0);
  char *big = dyad__arena_alloc(&ar, 1000); /* larger than a block */
  assert_non_null(big);
  memset(big, 'x', 1000);
  dyad__arena_reset(&ar);
  assert_int_equal(ar.used, 0);
  assert_null(ar.head);
  assert_non_null(ar.spare);
  char *r = dyad__arena_strndup(&ar, "abc", 3);
  assert_string_equal(r, "abc");
  dyad__arena_release(&ar);
}

static void vec_push_grows(void **state)
{
  (void)state;
  struct dyad_allocator a = {NULL, NULL};
  DYAD_VEC(int) v = {0};
  for (int i = 0; i < 1000; i++) {
    int *e = dyad_vec_push(&a, v);
    assert_non_null(e);
    *e = i;
  }
  assert_int_equal(v.n, 1000);
  assert_int_equal(v.v[999], 999);
  dyad_vec_free(&a, v);
}

static void buf_json_escapes(void **state)
{
  (void)state;
  dyad_buf b = {0};
  assert_int_equal(dyad__buf_json_str(&b, "a\"b\\c\n\x01", 7), 0);
  assert_string_equal(b.ptr, "a\\\"b\\\\c\\n\\u0001");
  b.len = 0;
  assert_int_equal(dyad__buf_printf(&b, "%d-%s", 42, "x"), 0);
  assert_string_equal(b.ptr, "42-x");
  dyad_buf_release(&b);
}

static void fold_maps_case_and_typography(void **state)
{
  (void)state;
  char out[64];
  const char *s = "Putin\xe2\x80\x99s \xc3\x89LYS\xc3\x89\x45";
  size_t n = dyad__fold(s, strlen(s), out, sizeof(out));
  assert_true(n != (size_t)-1);
  out[n] = 0;
  assert_string_equal(out, "putin's \xc3\xa9lys\xc3\xa9" "e");
  assert_int_equal(dyad__fold("ABC", 3, out, 2), (size_t)-1);
}

/* Long ASCII runs go 8 bytes a step: every byte around 'A'..'Z' and the
 * run's end (a capital, then UTF-8) must come out as the byte loop does. */
static void fold_long_ascii_runs(void **state)
{
  (void)state;
  char in[160], want[160], out[160];
  size_t n = 0;
  for (int c = 0x20; c < 0x7f; c++)
    in[n++] = (char)c;
  memcpy(in + n, "XY\xc3\x89Z", 5);
  n += 5;
  for (size_t k = 0; k < n; k++)
    want[k] = (in[k] >= 'A' && in[k] <= 'Z') ? (char)(in[k] + 32) : in[k];
  want[n - 3] = (char)0xc3;
  want[n - 2] = (char)0xa9;
  assert_int_equal(dyad__fold(in, n, out, sizeof(out)), n);
  assert_memory_equal(out, want, n);
  assert_int_equal(dyad__fold(in, n, out, n - 1), (size_t)-1);
  assert_int_equal(dyad__fold(in, 16, out, 16), 16);
  assert_memory_equal(out, want, 16);
}

static void utf8_valid_prefix_stops_at_bad_byte(void **state)
{
  (void)state;
  assert_int_equal(dyad__utf8_valid_prefix("ab\xc3\xa9", 4), 4);
  assert_int_equal(dyad__utf8_valid_prefix("ab\xff" "c", 4), 2);
  assert_int_equal(dyad__utf8_valid_prefix("ab\xc3", 3), 2);
}

static void vocab_interns_and_finds(void **state)
{
  (void)state;
  struct dyad_allocator a = {NULL, NULL};
  struct dyad_vocab v;
  assert_int_equal(dyad__vocab_init(&v, &a), 0);
  uint32_t id = dyad__vocab_add(&v, "putin", 5);
  assert_true(id > 0);
  assert_int_equal(dyad__vocab_add(&v, "putin", 5), id);
  assert_int_equal(dyad__vocab_find(&v, "xi", 2), 0);
  char w[16];
  for (int i = 0; i < 5000; i++) {
    int n = snprintf(w, sizeof(w), "w%d", i);
    assert_true(dyad__vocab_add(&v, w, (size_t)n) > 0);
  }
  assert_int_equal(dyad__vocab_find(&v, "putin", 5), id);
  size_t len;
  assert_string_equal(dyad__vocab_str(&v, id, &len), "putin");
  assert_int_equal(len, 5);
  assert_int_equal(dyad__vocab_find(&v, "w4999", 5),
                   dyad__vocab_add(&v, "w4999", 5));
  dyad__vocab_release(&v);
}

static void dates_parse_and_check_calendar(void **state)
{
  (void)state;
  dyad_date d;
  assert_int_equal(dyad_date_parse("2023-03-22", 10, &d), DYAD_OK);
  assert_int_equal(d, 20230322);
  assert_int_equal(dyad_date_parse("20240229", 8, &d), DYAD_OK);
  assert_int_equal(dyad_date_parse("2023-02-29", 10, &d), DYAD_EDATE);
  assert_int_equal(dyad_date_parse("2023-13-01", 10, &d), DYAD_EDATE);
  assert_int_equal(dyad_date_parse("2023-3-1", 8, &d), DYAD_EDATE);
  char buf[11];
  dyad_date_format(20230322, buf);
  assert_string_equal(buf, "2023-03-22");
}

static void tags_round_trip(void **state)
{
  (void)state;
  for (int t = 1; t < DYAD_TAG_COUNT; t++) {
    const char *n = dyad_tag_name((dyad_tag)t);
    assert_int_equal(dyad_tag_parse(n, strlen(n)), t);
  }
  assert_int_equal(dyad_tag_parse("XYZ", 3), DYAD_TAG_NONE);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(arena_alloc_aligned_and_reset_reuses),
      cmocka_unit_test(vec_push_grows),
      cmocka_unit_test(buf_json_escapes),
      cmocka_unit_test(fold_maps_case_and_typography),
      cmocka_unit_test(fold_long_ascii_runs),
      cmocka_unit_test(utf8_valid_prefix_stops_at_bad_byte),
      cmocka_unit_test(vocab_interns_and_finds),
      cmocka_unit_test(dates_parse_and_check_calendar),
      cmocka_unit_test(tags_round_trip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
