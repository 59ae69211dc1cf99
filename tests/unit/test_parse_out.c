/* test_parse_out.c: the `dyad parse` writer (src/out/parse.c): text lines,
 * JSON shape, escaping of quotes and of bytes that are not UTF-8. */
#include "testutil.h"

#include <cjson/cJSON.h>

static dyad_doc *analyse(dyad_ctx *ctx, const char *text)
{
  return test_doc(ctx, text, DYAD_STAGE_SENTENCES);
}

static void writes_text_lines(void **state)
{
  (void)state;
  dyad_ctx *ctx = dyad_ctx_new(NULL);
  dyad_doc *doc = analyse(ctx, "Xi left.\n\nPutin stayed");
  dyad_buf out = {0};
  assert_int_equal(dyad_doc_write_parse(doc, 0, &out), DYAD_OK);
  assert_non_null(strstr(out.ptr, "doc t 2023-03-22\n"));
  assert_non_null(strstr(out.ptr, "sent 0 [0,8) para 0 PARA\n"));
  assert_non_null(strstr(out.ptr, "  0\t2\tXi\t"));
  assert_non_null(strstr(out.ptr, "sent 1 [10,22) para 1 PARA\n"));
  assert_non_null(strstr(out.ptr, "\tCAP,PARA\n"));
  dyad_buf_release(&out);
  dyad_doc_free(doc);
  dyad_ctx_free(ctx);
}

static void writes_valid_json(void **state)
{
  (void)state;
  dyad_ctx *ctx = dyad_ctx_new(NULL);
  dyad_doc *doc = analyse(ctx, "He said \"no\" \xff\xfe ok. AFP - Getty Images");
  dyad_buf out = {0};
  assert_int_equal(dyad_doc_write_parse(doc, 1, &out), DYAD_OK);
  assert_true(out.len > 0 && out.ptr[out.len - 1] == '\n');
  assert_non_null(strstr(out.ptr, "\\ufffd"));
  cJSON *o = cJSON_Parse(out.ptr);
  assert_non_null(o);
  const cJSON *sents = cJSON_GetObjectItemCaseSensitive(o, "sentences");
  assert_int_equal(cJSON_GetArraySize(sents), 2);
  const cJSON *s1 = cJSON_GetArrayItem(sents, 1);
  const cJSON *flags = cJSON_GetObjectItemCaseSensitive(s1, "flags");
  assert_string_equal(cJSON_GetArrayItem(flags, 0)->valuestring, "CREDIT");
  const cJSON *toks = cJSON_GetObjectItemCaseSensitive(
      cJSON_GetArrayItem(sents, 0), "tokens");
  const cJSON *q = cJSON_GetArrayItem(toks, 2);
  assert_string_equal(cJSON_GetObjectItemCaseSensitive(q, "text")->valuestring,
                      "\"");
  const cJSON *span = cJSON_GetObjectItemCaseSensitive(q, "span");
  assert_int_equal(cJSON_GetArrayItem(span, 0)->valueint, 8);
  assert_int_equal(cJSON_GetArrayItem(span, 1)->valueint, 9);
  cJSON_Delete(o);
  dyad_buf_release(&out);
  dyad_doc_free(doc);
  dyad_ctx_free(ctx);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(writes_text_lines),
      cmocka_unit_test(writes_valid_json),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
