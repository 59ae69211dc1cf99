/*
 * petrxml.h: reading PETRARCH XML files item by item, for `dyad validate`
 * (the validation suites: <Environment>, <Sentence> with <EventCoding>,
 * <Config> between records) and for the public reader (which keeps only
 * the sentences). Comments are skipped, entities decoded, attribute
 * values may use either quote and spaces around '='.
 *
 * Use:
 *   dyad_read_opts o = {DYAD_FMT_XML, 0, 0};
 *   dyad_reader *r = dyad_reader_open(path, strlen(path), &o);
 *   struct dyad_petr_item it;
 *   while ((st = dyad__petr_next(r, &it)) != DYAD_EOF) {
 *     if (st != DYAD_OK) { report dyad_reader_errmsg(r); continue; }
 *     switch (it.kind) { ... }
 *   }
 *   dyad_reader_free(r);
 *
 * Items come in document order. All strings are entity-decoded, need no
 * NUL (they have one), and stay valid until the next call on the reader.
 */
#ifndef DYAD_PETRXML_H
#define DYAD_PETRXML_H

#include "dyad.h"

#include <stddef.h>
#include <stdint.h>

/* Kinds of items. */
enum {
  DYAD_PETR_ENV = 1,  /* a child of <Environment>: name = element name
                         ("Verbfile", "Include", ...), value = its text */
  DYAD_PETR_CONFIG,   /* <Config option=.. value=..>: name = option */
  DYAD_PETR_SENTENCE  /* a <Sentence> record: art, category, codings */
};

/* One <EventCoding> element. Absent attributes are "" with length 0. */
struct dyad_petr_coding {
  const char *source; size_t source_len; /* sourcecode */
  const char *target; size_t target_len; /* targetcode */
  const char *code;   size_t code_len;   /* eventcode */
  const char *error;  size_t error_len;  /* error="X" */
  int noevents;                          /* noevents="True" (any case) */
  uint32_t line;                         /* line of the element */
};

struct dyad_petr_item {
  int kind;                  /* DYAD_PETR_* */
  uint32_t line;             /* line where the item starts */
  const char *name;          /* ENV: element name; CONFIG: option */
  size_t name_len;
  const char *value;         /* ENV: text (trimmed); CONFIG: value */
  size_t value_len;
  int in_env;                /* CONFIG: inside <Environment> */
  dyad_article art;          /* SENTENCE: id, date, text, source */
  const char *category;      /* SENTENCE: category attribute or "" */
  size_t category_len;
  const char *attrs;         /* SENTENCE: the start tag's raw attribute
                                text, for others (dyad__xml_attr in
                                xmlscan.h finds one; values undecoded) */
  size_t attrs_len;
  const char *parse;         /* SENTENCE: <Parse> text (trimmed) or "" */
  size_t parse_len;
  const struct dyad_petr_coding *codings; /* SENTENCE: in order */
  size_t ncodings;
};

/* The next item of a reader opened on PETRARCH XML (any format setting is
 * treated as XML). DYAD_OK fills *out; DYAD_EOF at the end; any other
 * status is a bad record, already skipped, described by
 * dyad_reader_errmsg(). A <Sentence> without a date gets opts'
 * default_date, or is an error. */
dyad_status dyad__petr_next(dyad_reader *r, struct dyad_petr_item *out);

#endif
