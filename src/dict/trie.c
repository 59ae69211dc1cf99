/*
 * trie.c: dictionary phrases as paths of vocabulary ids, and the word
 * helpers every loader shares (folding, splitting, crude plural/singular).
 *
 * The trie is flat: nodes in one vector (the first DYAD_DK_COUNT are the
 * roots, one per kind) and every edge in one open-addressing hash keyed by
 * (node << 32 | word id). A match walks from the kind's root, following at
 * each token the edge of its form id or of its lemma id (both are tried, so
 * the walk is a small depth-first search), and keeps the deepest node that
 * carries an entry: longest match wins.
 *
 * Invariant: word id 0 never labels an edge, so key 0 marks an empty slot.
 * first[w] has bit k set exactly when an edge labelled w leaves root k, so
 * a match at a token whose form and lemma start no phrase of the kind (most
 * tokens) is rejected without touching the edge hash.
 */
#include "dict.h"

#define MAX_PHRASE 32

_Static_assert(DYAD_DK_COUNT <= 16, "first[] holds one bit per root");

static uint64_t mix(uint64_t k)
{
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  return k;
}

/* Child of node by word, 0 when none (node 0 is a root, never a child). */
static uint32_t edge(const struct dyad_dict *d, uint32_t node, uint32_t word)
{
  if (!d->eslots || !word)
    return 0;
  uint64_t key = (uint64_t)node << 32 | word;
  size_t mask = d->eslots - 1;
  for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
    if (d->ekeys[i] == key)
      return d->evals[i];
    if (d->ekeys[i] == 0)
      return 0;
  }
}

/* Grows the edge hash to keep it at most half full. */
static int edges_grow(struct dyad_dict *d, const struct dyad_allocator *a)
{
  size_t ns = d->eslots ? d->eslots * 2 : 1024;
  uint64_t *k = dyad__calloc(a, ns * sizeof(*k));
  uint32_t *v = dyad__malloc(a, ns * sizeof(*v));
  if (!k || !v) {
    dyad__free(a, k, ns * sizeof(*k));
    dyad__free(a, v, ns * sizeof(*v));
    return -1;
  }
  for (size_t i = 0; i < d->eslots; i++) {
    if (!d->ekeys[i])
      continue;
    size_t j = mix(d->ekeys[i]) & (ns - 1);
    while (k[j])
      j = (j + 1) & (ns - 1);
    k[j] = d->ekeys[i];
    v[j] = d->evals[i];
  }
  dyad__free(a, d->ekeys, d->eslots * sizeof(*d->ekeys));
  dyad__free(a, d->evals, d->eslots * sizeof(*d->evals));
  d->ekeys = k;
  d->evals = v;
  d->eslots = ns;
  return 0;
}

/* Child of node by word, created when absent; 0 when out of memory. The
 * child needs capitals only while every phrase through it asks for them. */
static uint32_t edge_add(struct dyad_dict *d, const struct dyad_allocator *a,
                         uint32_t node, uint32_t word, int caps)
{
  uint32_t c = edge(d, node, word);
  if (c) {
    if (!caps)
      d->nodes.v[c].caps = 0;
    return c;
  }
  if ((d->nedges + 1) * 2 > d->eslots && edges_grow(d, a))
    return 0;
  if (node < DYAD_DK_COUNT) {
    if (word >= d->first.n) {
      if (dyad_vec_reserve(a, d->first, (size_t)word + 1))
        return 0;
      memset(d->first.v + d->first.n, 0,
             ((size_t)word + 1 - d->first.n) * sizeof(*d->first.v));
      d->first.n = (size_t)word + 1;
    }
    d->first.v[word] |= (uint16_t)(1u << node);
  }
  struct dyad_trie_node *n = dyad_vec_push(a, d->nodes);
  if (!n)
    return 0;
  n->entry = -1;
  c = (uint32_t)(d->nodes.n - 1);
  n->kind = d->nodes.v[node].kind;
  n->caps = (uint8_t)(caps != 0);
  uint64_t key = (uint64_t)node << 32 | word;
  size_t mask = d->eslots - 1;
  size_t i = mix(key) & mask;
  while (d->ekeys[i])
    i = (i + 1) & mask;
  d->ekeys[i] = key;
  d->evals[i] = c;
  d->nedges++;
  return c;
}

/* Sets the entry at the end of one path; generated entries never replace
 * explicit ones. Returns the previous explicit entry, -1, or -2 (memory). */
static int32_t put(struct dyad_dict *d, const struct dyad_allocator *a,
                   int kind, const uint32_t *ids, size_t n, int32_t entry,
                   int gen, uint32_t caps)
{
  uint32_t node = (uint32_t)kind;
  for (size_t k = 0; k < n; k++) {
    node = edge_add(d, a, node, ids[k], (int)(caps >> k & 1));
    if (!node)
      return -2;
  }
  struct dyad_trie_node *t = &d->nodes.v[node];
  int32_t prev = t->gen ? -1 : t->entry;
  if (gen && t->entry >= 0 && !t->gen)
    return prev;
  if (t->entry >= 0 && t->user && !d->loading_user)
    return -1; /* a user entry loaded first still beats the defaults */
  t->entry = entry;
  t->gen = (uint8_t)(gen != 0);
  t->user = d->loading_user;
  return prev;
}

int32_t dyad__trie_insert(struct dyad_dict *d, const struct dyad_allocator *a,
                          dyad_ctx *ctx, int kind, const uint32_t *ids,
                          size_t n, int32_t entry, int variants, uint32_t caps)
{
  if (n == 0 || n > MAX_PHRASE)
    return -1;
  int32_t prev = put(d, a, kind, ids, n, entry, 0, caps);
  if (prev == -2 || !variants)
    return prev;
  uint32_t alt[MAX_PHRASE];
  memcpy(alt, ids, n * sizeof(*ids));
  uint32_t last = ids[n - 1];
  uint32_t forms[2] = {dyad__dict_plural(ctx, last),
                       dyad__dict_singular(ctx, last, 1)};
  for (int k = 0; k < 2; k++) {
    if (!forms[k] || forms[k] == last)
      continue;
    alt[n - 1] = forms[k];
    if (put(d, a, kind, alt, n, entry, 1, caps) == -2)
      return -2;
  }
  return prev;
}

int32_t dyad__trie_find(const struct dyad_dict *d, int kind,
                        const uint32_t *ids, size_t n)
{
  uint32_t node = (uint32_t)kind;
  for (size_t k = 0; k < n; k++) {
    node = edge(d, node, ids[k]);
    if (!node)
      return -1;
  }
  return d->nodes.v[node].entry;
}

/* Depth-first walk below node from toks[i]; updates the best (deepest)
 * entry seen. depth = tokens consumed so far. */
static void walk(const struct dyad_dict *d, uint32_t node,
                 const dyad_token *toks, size_t ntok, size_t i, size_t depth,
                 size_t *best, int32_t *entry)
{
  if (d->nodes.v[node].entry >= 0 && depth > *best) {
    *best = depth;
    *entry = d->nodes.v[node].entry;
  }
  if (i >= ntok || depth >= MAX_PHRASE)
    return;
  int upper = (toks[i].flags & DYAD_TOKF_ALLCAPS) != 0;
  uint32_t c = edge(d, node, toks[i].form);
  if (c && (upper || !d->nodes.v[c].caps))
    walk(d, c, toks, ntok, i + 1, depth + 1, best, entry);
  if (toks[i].lemma && toks[i].lemma != toks[i].form && !d->forms_only) {
    c = edge(d, node, toks[i].lemma);
    if (c && (upper || !d->nodes.v[c].caps))
      walk(d, c, toks, ntok, i + 1, depth + 1, best, entry);
  }
}

size_t dyad__trie_match(const struct dyad_dict *d, int kind,
                        const dyad_token *toks, size_t ntok, size_t i,
                        int32_t *entry)
{
  if (!d || i >= ntok || (size_t)kind >= d->nodes.n)
    return 0;
  if (!dyad__trie_may(d, 1u << kind, &toks[i]))
    return 0; /* no phrase of this kind starts with the token */
  size_t best = 0;
  int32_t e = -1;
  walk(d, (uint32_t)kind, toks, ntok, i, 0, &best, &e);
  if (best)
    *entry = e;
  return best;
}

/* ==== words ============================================================ */

uint32_t dyad__dict_word(dyad_ctx *ctx, const char *s, size_t len)
{
  char buf[256];
  if (len == 0)
    return 0;
  size_t n = dyad__fold(s, len, buf, sizeof(buf));
  if (n == (size_t)-1 || n == 0)
    return 0;
  return dyad__vocab_add(&ctx->vocab, buf, n);
}

static int vowel(char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Only plain lowercase ASCII words get crude forms (not "u.s.", "9/11"). */
static int plain(const char *s, size_t n)
{
  if (n < 3)
    return 0;
  for (size_t k = 0; k < n; k++)
    if (!(s[k] >= 'a' && s[k] <= 'z') && s[k] != '-')
      return 0;
  return 1;
}

uint32_t dyad__dict_singular(dyad_ctx *ctx, uint32_t id, int add)
{
  size_t n;
  const char *s = dyad__vocab_str(&ctx->vocab, id, &n);
  char buf[256];
  if (!s || !plain(s, n) || n >= sizeof(buf) || s[n - 1] != 's' ||
      s[n - 2] == 's' || s[n - 2] == 'u' || s[n - 2] == 'i')
    return id;
  size_t m = n - 1;
  memcpy(buf, s, n);
  if (n > 4 && memcmp(s + n - 3, "ies", 3) == 0) {
    buf[n - 3] = 'y';
    m = n - 2;
  } else if (n > 4 && s[n - 2] == 'e' &&
             (s[n - 3] == 's' || s[n - 3] == 'x' || s[n - 3] == 'z' ||
              (s[n - 3] == 'h' && (s[n - 4] == 'c' || s[n - 4] == 's')))) {
    m = n - 2;
  }
  return add ? dyad__vocab_add(&ctx->vocab, buf, m)
             : dyad__vocab_find(&ctx->vocab, buf, m);
}

uint32_t dyad__dict_plural(dyad_ctx *ctx, uint32_t id)
{
  size_t n;
  const char *s = dyad__vocab_str(&ctx->vocab, id, &n);
  char buf[256];
  if (!s || !plain(s, n) || n + 2 >= sizeof(buf))
    return id;
  char z = s[n - 1];
  memcpy(buf, s, n);
  size_t m = n;
  if (z == 's' && s[n - 2] != 's' && s[n - 2] != 'u' && s[n - 2] != 'i')
    return id; /* looks plural already */
  if (z == 'y' && !vowel(s[n - 2])) {
    buf[n - 1] = 'i';
    memcpy(buf + n, "es", 2);
    m = n + 2;
  } else if (z == 's' || z == 'x' || z == 'z' ||
             (z == 'h' && (s[n - 2] == 'c' || s[n - 2] == 's'))) {
    memcpy(buf + n, "es", 2);
    m = n + 2;
  } else {
    buf[n] = 's';
    m = n + 1;
  }
  return dyad__vocab_add(&ctx->vocab, buf, m);
}

/* The plain split, used when no scratch document can be made: spaces (and
 * '_' for PETRARCH), with "'s" split off as the tokenizer does. */
static int split_plain(dyad_ctx *ctx, const char *s, size_t len, uint32_t *ids,
                       size_t cap)
{
  size_t n = 0, k = 0;
  while (k < len) {
    while (k < len && s[k] == ' ')
      k++;
    size_t b = k;
    while (k < len && s[k] != ' ')
      k++;
    if (k == b)
      break;
    size_t e = k;
    int poss = e - b > 2 && (s[e - 1] == 's' || s[e - 1] == 'S') &&
               s[e - 2] == '\'';
    if (poss)
      e -= 2;
    if (n + 1 + (size_t)poss > cap)
      return -1;
    uint32_t id = dyad__dict_word(ctx, s + b, e - b);
    if (!id)
      return -1;
    ids[n++] = id;
    if (poss) {
      id = dyad__vocab_add(&ctx->vocab, "'s", 2);
      if (!id)
        return -1;
      ids[n++] = id;
    }
  }
  return (int)n;
}

/* Phrases go through the real tokenizer (on a scratch document the dict
 * keeps), so a dictionary phrase splits exactly as the same words in an
 * article do: clitics ("Putin's", "Workers'"), brackets and commas,
 * periods that are not part of an abbreviation ("Th."). */
/* A short acronym in capitals: 2..3 letters, no lower case. */
static int acronym(const char *s, size_t n)
{
  int letters = 0;
  for (size_t k = 0; k < n; k++) {
    if (s[k] >= 'a' && s[k] <= 'z')
      return 0;
    if ((unsigned char)s[k] >= 0x80)
      return 0;
    letters += s[k] >= 'A' && s[k] <= 'Z';
  }
  return letters >= 2 && letters <= 3;
}

int dyad__dict_phrase(dyad_ctx *ctx, const char *s, size_t len, int petr,
                      uint32_t *ids, size_t cap, uint32_t *caps)
{
  char buf[1024];
  if (caps)
    *caps = 0;
  if (len >= sizeof(buf))
    return -1;
  for (size_t k = 0; k < len; k++)
    buf[k] = (s[k] == '\t' || (petr && s[k] == '_')) ? ' ' : s[k];
  struct dyad_dict *d = ctx->dict;
  if (d && !d->scratch)
    d->scratch = dyad_doc_new(ctx);
  if (!d || !d->scratch)
    return split_plain(ctx, buf, len, ids, cap);
  dyad_article art;
  memset(&art, 0, sizeof(art));
  art.text = buf;
  art.text_len = len;
  if (dyad_doc_analyze(d->scratch, &art, DYAD_STAGE_TOKENS) != DYAD_OK)
    return -1;
  size_t nt;
  const dyad_token *t = dyad_doc_tokens(d->scratch, &nt);
  if (nt > cap)
    return -1;
  for (size_t k = 0; k < nt; k++) {
    ids[k] = dyad__dict_word(ctx, buf + t[k].off, t[k].len);
    if (!ids[k])
      return -1;
    if (caps && !petr && k < 32 && acronym(buf + t[k].off, t[k].len))
      *caps |= 1u << k;
  }
  return (int)nt;
}
