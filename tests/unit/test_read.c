/* test_read.c: the input readers (dated text, JSON Lines, PETRARCH XML),
 * format detection, folders, bad input, record numbering, and the
 * PETRARCH validation item API. Large and binary inputs are generated in
 * a temporary folder. */
#include "testutil.h"

#include <dirent.h>
#include <sys/stat.h>
#include <zlib.h>

#include "read/read.h"
#include "read/xmlscan.h"

/* ==== helpers =========================================================== */

static dyad_reader *mem(const char *s, const char *name,
                        const dyad_read_opts *o)
{
  dyad_reader *r =
      dyad_reader_open_mem(s, strlen(s), name, strlen(name), o);
  assert_non_null(r);
  return r;
}

static dyad_reader *path(const char *p, const dyad_read_opts *o)
{
  dyad_reader *r = dyad_reader_open(p, strlen(p), o);
  assert_non_null(r);
  return r;
}

static void eq(const char *s, size_t len, const char *want)
{
  if (len != strlen(want) || memcmp(s, want, len) != 0)
    fail_msg("got '%.*s', want '%s'", (int)len, s, want);
}

static void has(const char *hay, const char *needle)
{
  if (!strstr(hay, needle))
    fail_msg("'%s' does not contain '%s'", hay, needle);
}

/* A fresh temporary folder; removed by rmtree. */
static char *tmpdir(void)
{
  char *d = strdup("/tmp/dyad-read-XXXXXX");
  assert_non_null(d);
  assert_non_null(mkdtemp(d));
  return d;
}

static void rmtree(const char *d)
{
  DIR *dir = opendir(d);
  if (!dir)
    return;
  struct dirent *e;
  while ((e = readdir(dir)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
      continue;
    char p[1024];
    snprintf(p, sizeof(p), "%s/%s", d, e->d_name);
    struct stat st;
    if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
      rmtree(p);
    else
      unlink(p);
  }
  closedir(dir);
  rmdir(d);
}

static void put(const char *dir, const char *name, const char *s, size_t len)
{
  char p[1024];
  snprintf(p, sizeof(p), "%s/%s", dir, name);
  FILE *f = fopen(p, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(s, 1, len, f), len);
  fclose(f);
}

/* ==== dated text ======================================================== */

static void text_header_on_first_line(void **state)
{
  (void)state;
  dyad_reader *r = mem(" date 2023-03-22 Xi left Moscow.\n\nPutin stayed.\n",
                       "docs/xi.txt", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(a.date, 20230322);
  eq(a.text, a.text_len, "Xi left Moscow.\n\nPutin stayed.");
  eq(a.id, a.id_len, "xi.txt");
  assert_int_equal(a.record, 1);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
}

static void text_paragraphs_normalised(void **state)
{
  (void)state;
  dyad_reader *r =
      mem("date 20230322\r\n\r\nOne\r\nstill one.  \r\n \t\n\n\nTwo.\n\n",
          "t", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.text, a.text_len, "One\nstill one.\n\nTwo.");
  dyad_reader_free(r);
}

static void text_without_header_needs_default_date(void **state)
{
  (void)state;
  dyad_article a;
  dyad_reader *r = mem("Just text.\n", "plain.txt", NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EDATE);
  assert_string_equal(dyad_reader_errmsg(r),
                      "plain.txt:1 (id plain.txt): missing date (no 'date "
                      "YYYY-MM-DD' header)");
  dyad_reader_free(r);
  dyad_read_opts o = {DYAD_FMT_AUTO, 20200101, 0};
  r = mem("Just text.\n", "plain.txt", &o);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(a.date, 20200101);
  eq(a.text, a.text_len, "Just text.");
  dyad_reader_free(r);
}

static void text_impossible_date(void **state)
{
  (void)state;
  dyad_article a;
  dyad_reader *r = mem("\n\ndate 2023-02-30 Text.\n", "d.txt", NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EDATE);
  assert_string_equal(dyad_reader_errmsg(r),
                      "d.txt:3 (id d.txt): impossible date '2023-02-30'");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  uint64_t ok, bad;
  dyad_reader_counts(r, &ok, &bad);
  assert_int_equal(ok, 0);
  assert_int_equal(bad, 1);
  dyad_reader_free(r);
}

static void text_invalid_utf8(void **state)
{
  (void)state;
  dyad_article a;
  dyad_reader *r = mem("date 2023-03-01 ok\nbad \xC3\x28 here\n", "u.txt",
                       NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EUTF8);
  assert_string_equal(dyad_reader_errmsg(r),
                      "u.txt:2 (id u.txt): invalid utf-8");
  dyad_reader_free(r);
}

static void text_only_header_is_empty(void **state)
{
  (void)state;
  dyad_article a;
  dyad_reader *r = mem("date 2023-03-01\n\n  \n", "e.txt", NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EEMPTY);
  has(dyad_reader_errmsg(r), "no text after the date");
  dyad_reader_free(r);
}

/* ==== JSON Lines ======================================================== */

static void jsonl_fields_and_escapes(void **state)
{
  (void)state;
  dyad_reader *r = mem(
      "{\"id\":\"a1\",\"date\":\"2023-03-22\",\"title\":\"T\\u00e9\","
      "\"text\":\"He said \\\"no\\\".\\n\\nEnd.\",\"source\":\"AFP\","
      "\"url\":\"http://x/y\",\"extra\":[1,{\"k\":null}]}\n",
      "f.jsonl", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "a1");
  eq(a.title, a.title_len, "T\xc3\xa9");
  eq(a.text, a.text_len, "He said \"no\".\n\nEnd.");
  eq(a.source, a.source_len, "AFP");
  eq(a.url, a.url_len, "http://x/y");
  assert_int_equal(a.date, 20230322);
  assert_int_equal(a.record, 1);
  dyad_reader_free(r);
}

/* A line of plain string fields (read without cJSON): short escapes are
 * decoded and a repeated key keeps its first value, as cJSON's look-up
 * does. */
static void jsonl_flat_escapes_and_first_key(void **state)
{
  (void)state;
  dyad_reader *r = mem(
      "{ \"id\" : \"b2\", \"date\":\"2023-03-22\",\"text\":"
      "\"a\\\"b\\\\c\\/d\\te\\nf\", \"title\":\"x\", "
      "\"text\":\"second\"}\t\n",
      "g.jsonl", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "b2");
  eq(a.text, a.text_len, "a\"b\\c/d\te\nf");
  assert_int_equal(a.text[a.text_len], '\0');
  eq(a.title, a.title_len, "x");
  eq(a.source, a.source_len, "");
  dyad_reader_free(r);
}

/* The same record read by the plain-string path and, with one number
 * field added, by cJSON: the same article either way. */
static void jsonl_flat_and_cjson_agree(void **state)
{
  (void)state;
  const char *body = "\"id\":\"c3\",\"date\":\"2023-01-05\",\"title\":"
                     "\"Caf\xc3\xa9 \\\"T\\\"\",\"text\":\"One.\\r\\nTwo\\b"
                     "\\f.\",\"url\":\"u\",\"source\":\"\"";
  char l1[256], l2[256];
  snprintf(l1, sizeof(l1), "{%s}\n", body);
  snprintf(l2, sizeof(l2), "{%s,\"n\":7}\n", body);
  dyad_reader *r1 = mem(l1, "h.jsonl", NULL);
  dyad_reader *r2 = mem(l2, "h.jsonl", NULL);
  dyad_article a, b;
  assert_int_equal(dyad_reader_next(r1, &a), DYAD_OK);
  assert_int_equal(dyad_reader_next(r2, &b), DYAD_OK);
  eq(a.id, a.id_len, "c3");
  eq(b.id, b.id_len, "c3");
  eq(a.title, a.title_len, "Caf\xc3\xa9 \"T\"");
  eq(b.title, b.title_len, "Caf\xc3\xa9 \"T\"");
  eq(a.text, a.text_len, "One.\r\nTwo\b\f.");
  eq(b.text, b.text_len, "One.\r\nTwo\b\f.");
  eq(a.url, a.url_len, "u");
  eq(b.url, b.url_len, "u");
  assert_int_equal(a.source_len, 0);
  assert_int_equal(b.source_len, 0);
  assert_int_equal(a.date, b.date);
  dyad_reader_free(r1);
  dyad_reader_free(r2);
}

/* A value with more escapes than flat() notes while scanning (64), and
 * long runs between them, decodes as cJSON decodes it. */
static void jsonl_many_escapes_agree(void **state)
{
  (void)state;
  char text[4096], want[4096], l1[8192], l2[8192];
  size_t t = 0, w = 0;
  for (int k = 0; k < 150; k++) {
    const char *run = k % 7 == 0 ? "Twenty-one characters" : "ab";
    t += (size_t)snprintf(text + t, sizeof(text) - t, "%s%s", run,
                          k % 3 ? "\\n" : "\\\"");
    w += (size_t)snprintf(want + w, sizeof(want) - w, "%s%s", run,
                          k % 3 ? "\n" : "\"");
  }
  snprintf(l1, sizeof(l1), "{\"id\":\"e\",\"date\":\"2023-01-05\","
           "\"text\":\"%s\"}\n", text);
  snprintf(l2, sizeof(l2), "{\"id\":\"e\",\"date\":\"2023-01-05\","
           "\"text\":\"%s\",\"n\":1}\n", text);
  dyad_reader *r1 = mem(l1, "m.jsonl", NULL);
  dyad_reader *r2 = mem(l2, "m.jsonl", NULL);
  dyad_article a, b;
  assert_int_equal(dyad_reader_next(r1, &a), DYAD_OK);
  assert_int_equal(dyad_reader_next(r2, &b), DYAD_OK);
  eq(a.text, a.text_len, want);
  eq(b.text, b.text_len, want);
  dyad_reader_free(r1);
  dyad_reader_free(r2);
}

static void jsonl_missing_id_is_file_and_line(void **state)
{
  (void)state;
  dyad_reader *r =
      mem("\n{\"date\":\"20230101\",\"text\":\"x\"}\n", "in.jsonl", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "in.jsonl:2");
  assert_int_equal(a.record, 2);
  dyad_reader_free(r);
}

static void jsonl_record_is_line_number(void **state)
{
  (void)state;
  dyad_reader *r = mem("{\"id\":\"a\",\"date\":\"2023-01-01\",\"text\":\"x\"}\n"
                       "\n   \n"
                       "{\"id\":\"b\",\"date\":\"2023-01-02\",\"text\":\"y\"}"
                       "\r\n"
                       "{\"id\":\"c\",\"date\":\"2023-01-03\",\"text\":\"z\"}",
                       "n.jsonl", NULL);
  dyad_article a;
  uint32_t want[] = {1, 4, 5};
  for (int i = 0; i < 3; i++) {
    assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
    assert_int_equal(a.record, want[i]);
  }
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
}

static void jsonl_malformed_line_then_next(void **state)
{
  (void)state;
  dyad_reader *r =
      mem("{\"id\":\"a\",\"date\":\"2023-01-01\",\"text\":\"x\"}\n"
          "{\"id\":\"b\" \"date\":\"2023-01-01\"}\n"
          "{\"id\":\"c\",\"date\":\"2023-01-01\",\"text\":\"z\"}\n",
          "file.jsonl", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EJSON);
  assert_string_equal(dyad_reader_errmsg(r),
                      "file.jsonl:2: malformed json: expected ',' or '}' "
                      "at column 11");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "c");
  assert_int_equal(a.record, 3);
  uint64_t ok, bad;
  dyad_reader_counts(r, &ok, &bad);
  assert_int_equal(ok, 2);
  assert_int_equal(bad, 1);
  dyad_reader_free(r);
}

static void jsonl_truncated_last_line(void **state)
{
  (void)state;
  dyad_reader *r = mem("{\"id\":\"a\",\"date\":\"2023-01-01\",\"text\":\"x\"}\n"
                       "{\"id\":\"b\",\"date\":\"2023-01-01\",\"text\":\"tru",
                       "t.jsonl", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EJSON);
  has(dyad_reader_errmsg(r), "t.jsonl:2: malformed json: unexpected end of");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
}

static void jsonl_missing_and_impossible_dates(void **state)
{
  (void)state;
  dyad_reader *r = mem("{\"id\":\"reuters-12\",\"text\":\"x\"}\n"
                       "{\"id\":\"r13\",\"date\":\"2023-02-30\","
                       "\"text\":\"x\"}\n"
                       "{\"id\":\"r14\",\"date\":\"2023-02-28T10:00:00Z\","
                       "\"text\":\"x\"}\n",
                       "file.jsonl", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EDATE);
  assert_string_equal(dyad_reader_errmsg(r),
                      "file.jsonl:1 (id reuters-12): missing date");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EDATE);
  assert_string_equal(dyad_reader_errmsg(r),
                      "file.jsonl:2 (id r13): impossible date '2023-02-30'");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(a.date, 20230228);
  dyad_reader_free(r);
  r = mem("{\"id\":\"m\",\"date\":\"March 22, 2023\",\"text\":\"x\"}\n", "f",
          NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EDATE);
  assert_string_equal(dyad_reader_errmsg(r),
                      "f:1 (id m): bad date 'March 22, 2023' (want "
                      "YYYY-MM-DD)");
  dyad_reader_free(r);
  dyad_read_opts o = {DYAD_FMT_AUTO, 19990101, 0};
  r = mem("{\"id\":\"x\",\"text\":\"x\"}\n", "f", &o);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(a.date, 19990101);
  dyad_reader_free(r);
}

static void messages_stay_on_one_line(void **state)
{
  (void)state;
  dyad_reader *r = mem("{\"id\":\"a\\nb\",\"date\":\"2023\\n\","
                       "\"text\":\"x\"}\n",
                       "o.jsonl", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EDATE);
  assert_string_equal(dyad_reader_errmsg(r),
                      "o.jsonl:1 (id a?b): bad date '2023?' (want "
                      "YYYY-MM-DD)");
  dyad_reader_free(r);
}

static void jsonl_invalid_utf8_then_next(void **state)
{
  (void)state;
  dyad_reader *r = mem("{\"id\":\"a\",\"date\":\"2023-01-01\","
                       "\"text\":\"\xff\"}\n"
                       "{\"id\":\"b\",\"date\":\"2023-01-01\","
                       "\"text\":\"y\"}\n",
                       "u.jsonl", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EUTF8);
  assert_string_equal(dyad_reader_errmsg(r),
                      "u.jsonl:1: invalid utf-8 at column 39");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "b");
  dyad_reader_free(r);
}

static void jsonl_nul_escape_rejected(void **state)
{
  (void)state;
  dyad_reader *r = mem("{\"id\":\"a\",\"date\":\"2023-01-01\","
                       "\"text\":\"x\\u0000y\"}\n"
                       "{\"id\":\"b\",\"date\":\"2023-01-01\","
                       "\"text\":\"x\\\\u0000y\"}\n",
                       "z.jsonl", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EBINARY);
  assert_string_equal(dyad_reader_errmsg(r),
                      "z.jsonl:1: nul character (\\u0000) at column 40");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK); /* an escaped '\' */
  eq(a.text, a.text_len, "x\\u0000y");
  dyad_reader_free(r);
}

static void jsonl_missing_or_empty_text(void **state)
{
  (void)state;
  dyad_reader *r = mem("{\"id\":\"a\",\"date\":\"2023-01-01\"}\n"
                       "{\"id\":\"b\",\"date\":\"2023-01-01\",\"text\":\" \"}\n"
                       "[1,2]\n"
                       "{\"id\":\"d\",\"date\":\"2023-01-01\",\"text\":5}\n",
                       "m.jsonl", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EEMPTY);
  assert_string_equal(dyad_reader_errmsg(r), "m.jsonl:1 (id a): missing text");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EEMPTY);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EJSON);
  assert_string_equal(dyad_reader_errmsg(r),
                      "m.jsonl:3: malformed json: expected an object");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK); /* number as text */
  eq(a.text, a.text_len, "5");
  dyad_reader_free(r);
}

static void jsonl_long_line_in_memory_skipped(void **state)
{
  (void)state;
  dyad_read_opts o = {DYAD_FMT_AUTO, 0, 64};
  dyad_reader *r =
      mem("{\"id\":\"a\",\"date\":\"2023-01-01\",\"text\":\"x\"}\n"
          "{\"id\":\"b\",\"date\":\"2023-01-01\",\"text\":\"a long text that "
          "goes well past the sixty-four byte limit\"}\n"
          "{\"id\":\"c\",\"date\":\"2023-01-01\",\"text\":\"z\"}\n",
          "l.jsonl", &o);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_ETOOBIG);
  assert_string_equal(dyad_reader_errmsg(r),
                      "l.jsonl:2: record too large (over 64 bytes)");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(a.record, 3);
  dyad_reader_free(r);
}

/* A 50 MB line between two good ones, in a file: skipped without holding
 * it; the window stays near the default 16 MiB limit. */
static void jsonl_50mb_line_in_file_skipped(void **state)
{
  (void)state;
  char *d = tmpdir();
  char p[1024];
  snprintf(p, sizeof(p), "%s/big.jsonl", d);
  FILE *f = fopen(p, "wb");
  assert_non_null(f);
  fputs("{\"id\":\"a\",\"date\":\"2023-01-01\",\"text\":\"x\"}\n", f);
  fputs("{\"id\":\"huge\",\"date\":\"2023-01-01\",\"text\":\"", f);
  static char chunk[1 << 20];
  memset(chunk, 'x', sizeof(chunk));
  for (int i = 0; i < 50; i++)
    assert_int_equal(fwrite(chunk, 1, sizeof(chunk), f), sizeof(chunk));
  fputs("\"}\n", f);
  fputs("{\"id\":\"c\",\"date\":\"2023-01-01\",\"text\":\"z\"}\n", f);
  fclose(f);
  dyad_reader *r = path(p, NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_ETOOBIG);
  has(dyad_reader_errmsg(r), "big.jsonl:2: record too large");
  assert_true(r->src.cap <= 32u * 1024 * 1024);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "c");
  assert_int_equal(a.record, 3);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
  rmtree(d);
  free(d);
}

static void json_diagnose_messages(void **state)
{
  (void)state;
  char msg[96];
  size_t col;
  static const struct { const char *in, *msg; size_t col; } cases[] = {
      {"{\"a\" 1}", "expected ':'", 6},
      {"{\"a\":1 \"b\":2}", "expected ',' or '}'", 8},
      {"{a:1}", "expected a string key", 2},
      {"{\"a\":[1 2]}", "expected ',' or ']'", 9},
      {"{\"a\":tru}", "unexpected character", 6},
      {"{\"a\":\"x\\q\"}", "bad escape in string", 9},
      {"{\"a\":1}x", "unexpected data after the object", 8},
      {"{\"a\":\"", "unexpected end of line (truncated record?)", 7},
  };
  for (size_t i = 0; i < DYAD_ARRAY_LEN(cases); i++) {
    assert_int_equal(dyad__json_diagnose(cases[i].in, strlen(cases[i].in),
                                         msg, sizeof(msg), &col),
                     1);
    assert_string_equal(msg, cases[i].msg);
    assert_int_equal(col, cases[i].col);
  }
  assert_int_equal(dyad__json_diagnose("{\"a\":[1,{}]}", 12, msg,
                                       sizeof(msg), &col),
                   0);
}

/* ==== PETRARCH XML ====================================================== */

static const char xml_sample[] =
    "<?xml version=\"1.0\"?>\n"
    "<!-- a <Sentence date=\"20000101\" id=\"HIDDEN\"><Text>no</Text>"
    "</Sentence> in a comment -->\n"
    "<Sentences>\n"
    "<Sentence date = \"20080804\" id =\"S_1\" source = 'AFP' "
    "sentence=\"True\">\n"
    "<Text>\n"
    "  Tom &amp; Jerry said &quot;hi&quot; &#233;&#x4E2D; &lt;b&gt;\n"
    "  on two lines.\n"
    "</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Tom))))</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"20080805\" id=\"S_2\"><!-- note -->"
    "<Text><![CDATA[A <raw> one]]></Text></Sentence>\n"
    "</Sentences>\n";

static void xml_sentences_decoded(void **state)
{
  (void)state;
  dyad_reader *r = mem(xml_sample, "s.xml", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "S_1");
  eq(a.source, a.source_len, "AFP");
  assert_int_equal(a.date, 20080804);
  assert_int_equal(a.record, 4);
  eq(a.text, a.text_len,
     "Tom & Jerry said \"hi\" \xc3\xa9\xe4\xb8\xad <b>\n  on two lines.");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "S_2");
  eq(a.text, a.text_len, "A <raw> one");
  assert_int_equal(a.record, 11);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
}

static void xml_bad_records_then_good(void **state)
{
  (void)state;
  dyad_reader *r = mem("<Sentences>\n"
                       "<Sentence id=\"nodate\"><Text>x</Text></Sentence>\n"
                       "<Sentence id=\"bad\" date=\"20230230\"><Text>x</Text>"
                       "</Sentence>\n"
                       "<Sentence id=\"open\" date=\"20230101\">"
                       "<Text>x</Text>\n"
                       "<Sentence id=\"notext\" date=\"20230101\"></Sentence>\n"
                       "<Sentence id=\"good\" date=\"20230101\"><Text>y</Text>"
                       "</Sentence>\n"
                       "<Sentence id=\"cut\" date=\"20230101\"><Text>y",
                       "b.xml", NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EDATE);
  assert_string_equal(dyad_reader_errmsg(r),
                      "b.xml:2 (id nodate): missing date");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EDATE);
  assert_string_equal(dyad_reader_errmsg(r),
                      "b.xml:3 (id bad): impossible date '20230230'");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EXML);
  assert_string_equal(dyad_reader_errmsg(r),
                      "b.xml:4 (id open): malformed xml: <Sentence> is not "
                      "closed");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EEMPTY);
  assert_string_equal(dyad_reader_errmsg(r),
                      "b.xml:5 (id notext): missing <Text>");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "good");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EXML);
  has(dyad_reader_errmsg(r), "b.xml:7 (id cut): malformed xml");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  uint64_t ok, bad;
  dyad_reader_counts(r, &ok, &bad);
  assert_int_equal(ok, 1);
  assert_int_equal(bad, 5);
  dyad_reader_free(r);
}

static void xml_item_too_large_skipped(void **state)
{
  (void)state;
  char buf[8192];
  char big[5000];
  memset(big, 'w', sizeof(big) - 1);
  big[sizeof(big) - 1] = '\0';
  snprintf(buf, sizeof(buf),
           "<Sentences>\n<Sentence id=\"big\" date=\"20230101\"><Text>%s"
           "</Text></Sentence>\n<Sentence id=\"ok\" date=\"20230101\">"
           "<Text>y</Text></Sentence>\n",
           big);
  dyad_read_opts o = {DYAD_FMT_AUTO, 0, 100};
  dyad_reader *r = mem(buf, "b.xml", &o);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_ETOOBIG);
  has(dyad_reader_errmsg(r), "b.xml:2 (id big): record too large");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "ok");
  dyad_reader_free(r);
}

static void xml_gigaword_sample(void **state)
{
  (void)state;
  char buf[1024];
  const char *p =
      shared_path("peers/petrarch2/GigaWord.sample.PETR.xml", buf,
                  sizeof(buf));
  if (!p)
    skip();
  dyad_reader *r = path(p, NULL);
  dyad_article a;
  dyad_status st;
  uint64_t ok = 0, empty = 0;
  while ((st = dyad_reader_next(r, &a)) != DYAD_EOF) {
    if (st == DYAD_OK)
      ok++;
    else if (st == DYAD_EEMPTY)
      empty++;
    else
      fail_msg("%s", dyad_reader_errmsg(r));
  }
  /* 76 records; nine TEST_n records have an empty <Text> */
  assert_int_equal(ok + empty, 76);
  assert_int_equal(empty, 9);
  dyad_reader_free(r);
}

static void xml_scanner_attributes(void **state)
{
  (void)state;
  const char *at = " a = \"1\" b='x \"y\"' c=z d";
  const char *v;
  size_t n;
  assert_int_equal(dyad__xml_attr(at, strlen(at), "a", &v, &n), 1);
  eq(v, n, "1");
  assert_int_equal(dyad__xml_attr(at, strlen(at), "b", &v, &n), 1);
  eq(v, n, "x \"y\"");
  assert_int_equal(dyad__xml_attr(at, strlen(at), "c", &v, &n), 1);
  eq(v, n, "z");
  assert_int_equal(dyad__xml_attr(at, strlen(at), "d", &v, &n), 1);
  assert_int_equal(n, 0);
  assert_int_equal(dyad__xml_attr(at, strlen(at), "e", &v, &n), 0);
  char out[64];
  const char *in = "&#0;&#xD800;&bogus;&#65;&amp;amp;";
  n = dyad__xml_decode(in, strlen(in), out);
  eq(out, n, "\xef\xbf\xbd\xef\xbf\xbd&bogus;A&amp;");
}

static void xml_scanner_items(void **state)
{
  (void)state;
  struct dyad_xml_item it;
  const char *s = "a < b <x k='>'/>";
  assert_int_equal(dyad__xml_scan(s, strlen(s), 1, &it), 1);
  assert_int_equal(it.kind, DYAD_XML_TEXT);
  eq(it.body, it.body_len, "a < b ");
  s += it.len;
  assert_int_equal(dyad__xml_scan(s, strlen(s), 1, &it), 1);
  assert_int_equal(it.kind, DYAD_XML_EMPTY);
  eq(it.name, it.name_len, "x");
  /* incomplete markup asks for more unless at the end */
  assert_int_equal(dyad__xml_scan("<!-- x -", 8, 0, &it), 0);
  assert_int_equal(dyad__xml_scan("<!-- x -", 8, 1, &it), 1);
  assert_int_equal(it.kind, DYAD_XML_BAD);
  assert_int_equal(dyad__xml_scan("", 0, 1, &it), -1);
}

/* ==== validation items (petrxml.h) ====================================== */

static void petr_items_in_order(void **state)
{
  (void)state;
  const char *s =
      "<Validation><Environment>\n"
      "  <Verbfile>v.txt</Verbfile>\n"
      "  <Config option=\"stop_on_error\" value=\"True\"></Config>\n"
      "</Environment>\n<Sentences>\n"
      "<Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\" "
      "sentence=\"true\">\n"
      "<!-- <EventCoding sourcecode=\"NO\" targetcode=\"NO\" "
      "eventcode=\"000\"></EventCoding> -->\n"
      "<EventCoding sourcecode='\"INJURY TOLL\"' targetcode=\"GON\" "
      "eventcode=\"064\"></EventCoding>\n"
      "<EventCoding noevents = \"True\" ></EventCoding>\n"
      "<EventCoding error=\"storydiscard\"/>\n"
      "<Text> Arnor met Gondor. </Text>\n"
      "<Parse> (ROOT (S)) </Parse>\n"
      "</Sentence>\n"
      "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
      "</Sentences></Validation>\n";
  dyad_read_opts o = {DYAD_FMT_XML, 0, 0};
  dyad_reader *r = mem(s, "v.xml", &o);
  struct dyad_petr_item it;
  assert_int_equal(dyad__petr_next(r, &it), DYAD_OK);
  assert_int_equal(it.kind, DYAD_PETR_ENV);
  eq(it.name, it.name_len, "Verbfile");
  eq(it.value, it.value_len, "v.txt");
  assert_int_equal(dyad__petr_next(r, &it), DYAD_OK);
  assert_int_equal(it.kind, DYAD_PETR_CONFIG);
  assert_int_equal(it.in_env, 1);
  eq(it.name, it.name_len, "stop_on_error");
  assert_int_equal(dyad__petr_next(r, &it), DYAD_OK);
  assert_int_equal(it.kind, DYAD_PETR_SENTENCE);
  eq(it.art.id, it.art.id_len, "DEMO-00");
  eq(it.category, it.category_len, "DEMO");
  eq(it.art.text, it.art.text_len, "Arnor met Gondor.");
  eq(it.parse, it.parse_len, "(ROOT (S))");
  const char *v;
  size_t vl;
  assert_int_equal(dyad__xml_attr(it.attrs, it.attrs_len, "sentence", &v,
                                  &vl),
                   1);
  eq(v, vl, "true");
  assert_int_equal(it.ncodings, 3);
  eq(it.codings[0].source, it.codings[0].source_len, "\"INJURY TOLL\"");
  eq(it.codings[0].code, it.codings[0].code_len, "064");
  assert_int_equal(it.codings[0].line, 8);
  assert_int_equal(it.codings[1].noevents, 1);
  eq(it.codings[2].error, it.codings[2].error_len, "storydiscard");
  assert_int_equal(dyad__petr_next(r, &it), DYAD_OK);
  assert_int_equal(it.kind, DYAD_PETR_CONFIG);
  assert_int_equal(it.in_env, 0);
  eq(it.name, it.name_len, "require_dyad");
  eq(it.value, it.value_len, "false");
  assert_int_equal(dyad__petr_next(r, &it), DYAD_EOF);
  dyad_reader_free(r);
}

static void petr_unit_test_records_counts(void **state)
{
  (void)state;
  char buf[1024];
  const char *p = shared_path("peers/petrarch2/PETR.UnitTest.records.xml",
                              buf, sizeof(buf));
  if (!p)
    skip();
  dyad_read_opts o = {DYAD_FMT_XML, 0, 0};
  dyad_reader *r = path(p, &o);
  struct dyad_petr_item it;
  dyad_status st;
  size_t sents = 0, codings = 0, configs = 0, env = 0, noev = 0, errs = 0;
  while ((st = dyad__petr_next(r, &it)) != DYAD_EOF) {
    if (st != DYAD_OK)
      fail_msg("%s", dyad_reader_errmsg(r));
    if (it.kind == DYAD_PETR_SENTENCE) {
      sents++;
      codings += it.ncodings;
      for (size_t i = 0; i < it.ncodings; i++) {
        noev += it.codings[i].noevents;
        errs += it.codings[i].error_len > 0;
      }
    } else if (it.kind == DYAD_PETR_CONFIG && !it.in_env) {
      configs++;
    } else {
      env++;
    }
  }
  assert_int_equal(sents, 284);
  assert_int_equal(codings, 385);
  assert_int_equal(noev, 19);
  assert_int_equal(errs, 7);
  assert_int_equal(configs, 28);
  assert_int_equal(env, 8); /* 7 elements and one <Config> */
  dyad_reader_free(r);
}

static void petr_rejects_other_formats(void **state)
{
  (void)state;
  dyad_reader *r = mem("{\"id\":1}\n", "x.jsonl", NULL);
  struct dyad_petr_item it;
  /* any input is read as XML: JSON text is no record at all */
  assert_int_equal(dyad__petr_next(r, &it), DYAD_EOF);
  dyad_reader_free(r);
}

/* ==== detection, folders, whole-file problems ============================ */

static void detects_format_from_first_bytes(void **state)
{
  (void)state;
  dyad_article a;
  dyad_reader *r = mem("\xEF\xBB\xBF \n {\"id\":\"j\",\"date\":\"2023-01-01\","
                       "\"text\":\"x\"}\n",
                       "noext", NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "j");
  assert_int_equal(a.record, 2);
  dyad_reader_free(r);
  r = mem("\n<Sentence id=\"x\" date=\"20230101\"><Text>t</Text></Sentence>",
          "noext", NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "x");
  dyad_reader_free(r);
  /* forcing text reads the JSON line as an article's text */
  dyad_read_opts o = {DYAD_FMT_TEXT, 20230101, 0};
  r = mem("{\"id\":\"j\"}", "forced", &o);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.text, a.text_len, "{\"id\":\"j\"}");
  dyad_reader_free(r);
}

static void empty_and_binary_inputs(void **state)
{
  (void)state;
  dyad_article a;
  dyad_reader *r = mem("", "e.txt", NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EEMPTY);
  assert_string_equal(dyad_reader_errmsg(r), "e.txt: empty file");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
  r = mem(" \n\t\n", "w.jsonl", NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EEMPTY);
  dyad_reader_free(r);
  char bin[4096];
  for (size_t i = 0; i < sizeof(bin); i++)
    bin[i] = (char)((i * 7919u) >> 3);
  r = dyad_reader_open_mem(bin, sizeof(bin), "b.bin", 5, NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EBINARY);
  assert_string_equal(dyad_reader_errmsg(r), "b.bin: binary data, not text");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  uint64_t ok, bad;
  dyad_reader_counts(r, &ok, &bad);
  assert_int_equal(bad, 1);
  dyad_reader_free(r);
}

static void missing_file_reports_open_error(void **state)
{
  (void)state;
  dyad_article a;
  dyad_reader *r = path("/nonexistent/dyad/x.jsonl", NULL);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EIO);
  assert_string_equal(dyad_reader_errmsg(r),
                      "cannot open '/nonexistent/dyad/x.jsonl': No such "
                      "file or directory");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
}

static void folder_sorted_recursive_no_hidden(void **state)
{
  (void)state;
  char *d = tmpdir();
  char sub[1024];
  snprintf(sub, sizeof(sub), "%s/sub", d);
  assert_int_equal(mkdir(sub, 0700), 0);
  const char *j = "{\"id\":\"j1\",\"date\":\"2023-01-01\",\"text\":\"x\"}\n"
                  "{\"id\":\"j2\",\"date\":\"2023-01-01\",\"text\":\"y\"}\n";
  put(d, "b.jsonl", j, strlen(j));
  put(d, "a.txt", "date 2023-01-02 A.", 18);
  put(d, ".hidden.txt", "date 2023-01-02 H.", 18);
  const char *x = "<Sentence id=\"x1\" date=\"20230103\"><Text>X</Text>"
                  "</Sentence>";
  put(sub, "c.xml", x, strlen(x));
  put(sub, "empty.txt", "", 0);
  char bin[600];
  memset(bin, 0, sizeof(bin));
  put(d, "c.bin", bin, sizeof(bin));
  dyad_reader *r = path(d, NULL);
  dyad_article a;
  const char *ids[] = {"a.txt", "j1", "j2", "x1"};
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, ids[0]);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, ids[1]);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, ids[2]);
  assert_int_equal(a.record, 2);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EBINARY); /* c.bin */
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, ids[3]);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EEMPTY); /* empty.txt */
  has(dyad_reader_errmsg(r), "sub/empty.txt: empty file");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  uint64_t ok, bad;
  dyad_reader_counts(r, &ok, &bad);
  assert_int_equal(ok, 4);
  assert_int_equal(bad, 2);
  dyad_reader_free(r);
  rmtree(d);
  free(d);
}

static void folder_symlink_loop_read_once(void **state)
{
  (void)state;
  char *d = tmpdir();
  char p[1024];
  put(d, "a.txt", "date 2023-01-02 A.", 18);
  snprintf(p, sizeof(p), "%s/loop", d);
  assert_int_equal(symlink(".", p), 0);
  dyad_reader *r = path(d, NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  eq(a.id, a.id_len, "a.txt");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
  rmtree(d);
  free(d);
}

/* Writes s gzip-compressed to dir/name; keeps only the first keep bytes
 * of the compressed file when keep > 0 (a truncated download). */
static void put_gz(const char *dir, const char *name, const char *s,
                   long keep)
{
  char p[1024];
  snprintf(p, sizeof(p), "%s/%s", dir, name);
  gzFile g = gzopen(p, "wb");
  assert_non_null(g);
  assert_int_equal(gzwrite(g, s, (unsigned)strlen(s)), (int)strlen(s));
  assert_int_equal(gzclose(g), Z_OK);
  if (keep > 0)
    assert_int_equal(truncate(p, keep), 0);
}

static void gzip_input_is_inflated(void **state)
{
  (void)state;
  char *d = tmpdir();
  dyad_buf b = {0};
  for (int i = 1; i <= 3000; i++)
    dyad__buf_printf(&b,
                     "{\"id\":\"g%d\",\"date\":\"2023-01-01\","
                     "\"text\":\"Text number %d of the compressed file.\"}\n",
                     i, i);
  put_gz(d, "a.jsonl.gz", b.ptr, 0);
  put_gz(d, "b.jsonl.gz", b.ptr, 2000); /* cut short */
  char p[1024];
  snprintf(p, sizeof(p), "%s/a.jsonl.gz", d);
  dyad_reader *r = path(p, NULL);
  dyad_article a;
  for (int i = 1; i <= 3000; i++) {
    assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
    assert_int_equal(a.record, i);
  }
  eq(a.id, a.id_len, "g3000");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
  snprintf(p, sizeof(p), "%s/b.jsonl.gz", d);
  r = path(p, NULL);
  dyad_status st;
  int ok = 0;
  while ((st = dyad_reader_next(r, &a)) == DYAD_OK)
    ok++;
  assert_true(ok > 10);
  assert_int_equal(st, DYAD_EIO);
  has(dyad_reader_errmsg(r), "b.jsonl.gz': unexpected end of file");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
  dyad_buf_release(&b);
  rmtree(d);
  free(d);
}

static void empty_folder_is_reported(void **state)
{
  (void)state;
  char *d = tmpdir();
  dyad_reader *r = path(d, NULL);
  dyad_article a;
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EEMPTY);
  has(dyad_reader_errmsg(r), "no files to read in");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
  rmtree(d);
  free(d);
}

static void binary_file_with_late_nul_in_jsonl(void **state)
{
  (void)state;
  /* past the first 64 KiB, a line with a NUL is rejected on its own */
  dyad_buf b = {0};
  const char *line = "{\"id\":\"a\",\"date\":\"2023-01-01\",\"text\":\"x\"}\n";
  for (int i = 0; i < 2000; i++)
    assert_int_equal(dyad__buf_adds(&b, line), 0);
  assert_int_equal(dyad__buf_add(&b, "{\"id\":\"n\",\"text\":\"\0\"}\n", 22),
                   0);
  assert_int_equal(dyad__buf_adds(&b, line), 0);
  dyad_reader *r = dyad_reader_open_mem(b.ptr, b.len, "n.jsonl", 7, NULL);
  dyad_article a;
  for (int i = 0; i < 2000; i++)
    assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EBINARY);
  assert_string_equal(dyad_reader_errmsg(r),
                      "n.jsonl:2001: binary data (nul byte) at column 19");
  assert_int_equal(dyad_reader_next(r, &a), DYAD_OK);
  assert_int_equal(a.record, 2002);
  assert_int_equal(dyad_reader_next(r, &a), DYAD_EOF);
  dyad_reader_free(r);
  dyad_buf_release(&b);
}

/* Everything a reader returns for an input, as one string. */
static void transcript(const char *in, size_t trickle, int petr,
                       dyad_buf *out)
{
  dyad_read_opts o = {DYAD_FMT_AUTO, 0, 200};
  dyad_reader *r = dyad_reader_open_mem(in, strlen(in), "t", 1, &o);
  assert_non_null(r);
  if (trickle)
    dyad__reader_set_trickle(r, trickle);
  dyad_status st;
  for (;;) {
    dyad_article a;
    struct dyad_petr_item it;
    memset(&it, 0, sizeof(it));
    st = petr ? dyad__petr_next(r, &it) : dyad_reader_next(r, &a);
    if (petr)
      a = it.art;
    if (st == DYAD_EOF)
      break;
    if (st != DYAD_OK) {
      dyad__buf_printf(out, "E%d %s\n", (int)st, dyad_reader_errmsg(r));
      continue;
    }
    dyad__buf_printf(out, "R%u %.*s %d [%.*s]", a.record, (int)a.id_len,
                     a.id, (int)a.date, (int)a.text_len, a.text);
    if (petr)
      dyad__buf_printf(out, " k%d %.*s=%.*s n%zu", it.kind,
                       (int)it.name_len, it.name ? it.name : "",
                       (int)it.value_len, it.value ? it.value : "",
                       it.ncodings);
    dyad__buf_addc(out, '\n');
  }
  dyad_reader_free(r);
}

/* Feeding the input a few bytes at a time (refills, moves and growth of
 * the window at every point) changes nothing in what comes out. */
static void trickled_input_reads_the_same(void **state)
{
  (void)state;
  static const char *inputs[] = {
      xml_sample,
      "{\"id\":\"a\",\"date\":\"2023-01-01\",\"text\":\"x\"}\n"
      "{\"id\":\"b\" \"date\":1}\n\n"
      "{\"id\":\"c\",\"date\":\"2023-01-01\",\"text\":\"a long text that "
      "goes well past the two hundred byte limit of this test, so that the "
      "reader has to skip it by scanning for the newline while the window "
      "refills, which it does in pieces here\"}\n"
      "{\"id\":\"d\",\"date\":\"2023-01-01\",\"text\":\"z\"}",
      "  date 2023-03-22 One.\r\n\r\nTwo.\n",
      "<Validation><Environment><Verbfile>v.txt</Verbfile>"
      "<Config option=\"a\" value=\"b\"/></Environment><Sentences>"
      "<Sentence date=\"19950101\" id=\"D\"><EventCoding sourcecode=\"A\"/>"
      "<Text> t &amp; u </Text><Parse>(ROOT)</Parse></Sentence>"
      "<Config option=\"c\" value=\"d\"></Config></Sentences></Validation>",
  };
  for (size_t i = 0; i < DYAD_ARRAY_LEN(inputs); i++) {
    for (int petr = 0; petr < 2; petr++) {
      dyad_buf want = {0};
      transcript(inputs[i], 0, petr, &want);
      assert_true(want.len > 0 || petr); /* petr: non-XML yields nothing */
      dyad__buf_adds(&want, ".");
      static const size_t sizes[] = {1, 2, 3, 7, 64};
      for (size_t k = 0; k < DYAD_ARRAY_LEN(sizes); k++) {
        dyad_buf got = {0};
        transcript(inputs[i], sizes[k], petr, &got);
        dyad__buf_adds(&got, ".");
        if (strcmp(want.ptr, got.ptr) != 0)
          fail_msg("input %zu petr %d trickle %zu:\n%s\nwant:\n%s", i, petr,
                   sizes[k], got.ptr, want.ptr);
        dyad_buf_release(&got);
      }
      dyad_buf_release(&want);
    }
  }
}

static void reuters_corpus_reads_clean(void **state)
{
  (void)state;
  char buf[1024];
  const char *p = shared_path("corpora/reuters21578.jsonl", buf, sizeof(buf));
  if (!p)
    skip();
  dyad_reader *r = path(p, NULL);
  dyad_article a;
  dyad_status st;
  uint32_t last = 0;
  while ((st = dyad_reader_next(r, &a)) != DYAD_EOF) {
    if (st != DYAD_OK)
      fail_msg("%s", dyad_reader_errmsg(r));
    assert_true(a.record > last);
    last = a.record;
  }
  uint64_t ok, bad;
  dyad_reader_counts(r, &ok, &bad);
  assert_int_equal(ok, 19043);
  assert_int_equal(bad, 0);
  assert_int_equal(last, 19043);
  dyad_reader_free(r);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(text_header_on_first_line),
      cmocka_unit_test(text_paragraphs_normalised),
      cmocka_unit_test(text_without_header_needs_default_date),
      cmocka_unit_test(text_impossible_date),
      cmocka_unit_test(text_invalid_utf8),
      cmocka_unit_test(text_only_header_is_empty),
      cmocka_unit_test(jsonl_fields_and_escapes),
      cmocka_unit_test(jsonl_flat_escapes_and_first_key),
      cmocka_unit_test(jsonl_flat_and_cjson_agree),
      cmocka_unit_test(jsonl_many_escapes_agree),
      cmocka_unit_test(jsonl_missing_id_is_file_and_line),
      cmocka_unit_test(jsonl_record_is_line_number),
      cmocka_unit_test(jsonl_malformed_line_then_next),
      cmocka_unit_test(jsonl_truncated_last_line),
      cmocka_unit_test(jsonl_missing_and_impossible_dates),
      cmocka_unit_test(messages_stay_on_one_line),
      cmocka_unit_test(jsonl_invalid_utf8_then_next),
      cmocka_unit_test(jsonl_nul_escape_rejected),
      cmocka_unit_test(jsonl_missing_or_empty_text),
      cmocka_unit_test(jsonl_long_line_in_memory_skipped),
      cmocka_unit_test(jsonl_50mb_line_in_file_skipped),
      cmocka_unit_test(json_diagnose_messages),
      cmocka_unit_test(xml_sentences_decoded),
      cmocka_unit_test(xml_bad_records_then_good),
      cmocka_unit_test(xml_item_too_large_skipped),
      cmocka_unit_test(xml_gigaword_sample),
      cmocka_unit_test(xml_scanner_attributes),
      cmocka_unit_test(xml_scanner_items),
      cmocka_unit_test(petr_items_in_order),
      cmocka_unit_test(petr_unit_test_records_counts),
      cmocka_unit_test(petr_rejects_other_formats),
      cmocka_unit_test(detects_format_from_first_bytes),
      cmocka_unit_test(empty_and_binary_inputs),
      cmocka_unit_test(missing_file_reports_open_error),
      cmocka_unit_test(folder_sorted_recursive_no_hidden),
      cmocka_unit_test(folder_symlink_loop_read_once),
      cmocka_unit_test(gzip_input_is_inflated),
      cmocka_unit_test(empty_folder_is_reported),
      cmocka_unit_test(binary_file_with_late_nul_in_jsonl),
      cmocka_unit_test(trickled_input_reads_the_same),
      cmocka_unit_test(reuters_corpus_reads_clean),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
