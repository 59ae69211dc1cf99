/*
 * text.h: what the text stage's modules (tokenizer, sentence splitter,
 * tagger, phrase parser) share beyond src/internal.h.
 *
 * Word lists here are small closed sets of English facts (abbreviations
 * that keep their period, words that commonly open a sentence, the names
 * of photo and news agencies). All lookups take (ptr, len) into the
 * document text and never allocate.
 */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include "../internal.h"

/* Kinds of abbreviation (dyad__abbrev_kind). */
enum {
  DYAD_ABBR_NONE = 0,
  DYAD_ABBR_TITLE,   /* precedes a name: Mr. Dr. Gen. Sen. St.; never ends */
  DYAD_ABBR_MONTH,   /* Jan. Feb. Sept. ...: usually followed by a day */
  DYAD_ABBR_INITIAL, /* one capital letter: "V." in "Vladimir V. Putin" */
  DYAD_ABBR_OTHER    /* U.S. Inc. Corp. a.m. etc. vs.: may end a sentence */
};

/* The kind of abbreviation that s (without its final period) is when it is
 * followed by a period: a known abbreviation, a single capital (an
 * initial), or letters joined by periods ("U.S", "a.m", "Ph.D").
 * Capitalised entries (Mr, Calif, Jan) match only when s is capitalised
 * or all capitals; lower-case ones (vs, etc, approx) match any case. */
int dyad__abbrev_kind(const char *s, size_t len);

/* How plainly the capitalised word s opens a sentence: 2 for determiners,
 * pronouns and sentence adverbs ("The", "He", "However"), 1 for
 * conjunctions and prepositions ("But", "In"), 0 otherwise. The splitter
 * splits after an abbreviation only before a 2: "in the U.S. The talks"
 * splits, "the U.S. Senate" and (in copy with capitalisation slips) "the
 * U.S. And Japan" do not. */
int dyad__sentence_starter(const char *s, size_t len);

/* True when s names a photo or news agency as it appears in credit lines
 * and datelines: AP, AFP, Reuters, Getty, Images, EPA, Sputnik, Xinhua,
 * TASS, Bloomberg, Anadolu, Pool, ... (exact case). */
int dyad__agency_word(const char *s, size_t len);

/* True when token t of doc spells exactly lit (NUL-terminated ASCII). */
static inline int dyad__tok_is(const dyad_doc *doc, const dyad_token *t,
                               const char *lit)
{
  size_t n = strlen(lit);
  return t->len == n && memcmp(doc->text + t->off, lit, n) == 0;
}

/* True for the dash tokens: "-", "--", "---", en dash, em dash. */
int dyad__tok_is_dash(const dyad_doc *doc, const dyad_token *t);

#endif /* DYAD_TEXT_H */
