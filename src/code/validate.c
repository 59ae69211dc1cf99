/*
 * validate.c: runs a PETRARCH validation file (`dyad validate`).
 *
 * The file names its dictionaries in <Environment>; they are loaded from
 * the file's folder (or opts->dicts_dir) into a fresh ctx that has our
 * tagger lexicon but none of our own dictionaries, so the test measures
 * the coder on PETRARCH's fictional world. Each <Sentence>'s raw <Text> is
 * coded (its <Parse> is never read) and the events are compared with its
 * <EventCoding> elements as sets of (source, target, code). A record is
 * exact when the sets are equal ("noevents" and "error" records: when
 * nothing is produced). <Config> options between records are applied as
 * they come: require_dyad (default true) drops events whose source or
 * target is the null actor "---", as PETRARCH does; new_actor_length N
 * lets a noun phrase of at most N words that names no actor be a new
 * actor coded by its words ("INJURY TOLL"); the comma options PETRARCH2
 * itself ignores.
 */
#include "../internal.h"
#include "../read/petrxml.h"
#include "../dict/dict.h"

#include <stdio.h>
#include <strings.h>

#define CATS_MAX 32

struct cat {
  char name[24];
  unsigned records, exact;
};

struct vstate {
  const dyad_validate_opts *o;
  char dir[1024];             /* folder of the dictionaries */
  char files[4][256];         /* verbs, actors, agents, discards */
  dyad_ctx *ctx;
  dyad_doc *doc;
  struct cat cats[CATS_MAX];
  size_t ncats;
  dyad_validate_result res;
  dyad_buf misses;
  int new_actor_len;          /* <Config option="new_actor_length"> */
  int require_dyad;           /* <Config option="require_dyad">: events
                                 need a source and a target (default) */
};

static struct cat *catof(struct vstate *v, const char *s, size_t n)
{
  for (size_t i = 0; i < v->ncats; i++)
    if (strlen(v->cats[i].name) == n && memcmp(v->cats[i].name, s, n) == 0)
      return &v->cats[i];
  if (v->ncats >= CATS_MAX)
    return &v->cats[CATS_MAX - 1];
  struct cat *c = &v->cats[v->ncats++];
  snprintf(c->name, sizeof(c->name), "%.*s", (int)n, s);
  return c;
}

/* Loads the environment's dictionaries into a new ctx. */
static dyad_status setup(struct vstate *v, char *err, size_t errcap)
{
  dyad_config cfg;
  memset(&cfg, 0, sizeof(cfg));
  cfg.data_dir = v->o ? v->o->data_dir : NULL;
  cfg.flags = DYAD_CFG_UNKNOWN | DYAD_CFG_LITERAL | DYAD_CFG_NO_WHERE |
              DYAD_CFG_NO_QUOTES;
  v->ctx = dyad_ctx_new(&cfg);
  if (!v->ctx)
    return DYAD_ENOMEM;
  dyad_status st = dyad_ctx_load_lexicon(v->ctx);
  if (st != DYAD_OK) {
    snprintf(err, errcap, "%s", dyad_ctx_errmsg(v->ctx));
    return st;
  }
  static const int fmt[4] = {DYAD_DICT_PETR_VERBS, DYAD_DICT_PETR_ACTORS,
                             DYAD_DICT_PETR_AGENTS, DYAD_DICT_PETR_DISCARDS};
  for (int i = 0; i < 4; i++) {
    if (!v->files[i][0])
      continue;
    char path[1400];
    snprintf(path, sizeof(path), "%s/%s", v->dir, v->files[i]);
    st = dyad_ctx_load_dict(v->ctx, path, strlen(path), fmt[i]);
    if (st != DYAD_OK) {
      snprintf(err, errcap, "cannot load '%s': %s", path,
               dyad_ctx_errmsg(v->ctx));
      return st;
    }
  }
  v->doc = dyad_doc_new(v->ctx);
  return v->doc ? DYAD_OK : DYAD_ENOMEM;
}

struct triple {
  char s[DYAD_CODE_MAX], t[DYAD_CODE_MAX], c[8];
  const char *rule; /* produced events: the dictionary line, or NULL */
};

static int same(const struct triple *a, const struct triple *b)
{
  return strcasecmp(a->s, b->s) == 0 && strcasecmp(a->t, b->t) == 0 &&
         strcmp(a->c, b->c) == 0;
}

static int has(const struct triple *set, size_t n, const struct triple *x)
{
  for (size_t i = 0; i < n; i++)
    if (same(&set[i], x))
      return 1;
  return 0;
}

static void sentence(struct vstate *v, const struct dyad_petr_item *it)
{
  struct triple want[32], got[64];
  size_t nw = 0, ng = 0;
  int noevents = 0, error = 0;
  for (size_t i = 0; i < it->ncodings; i++) {
    const struct dyad_petr_coding *c = &it->codings[i];
    if (c->noevents)
      noevents = 1;
    else if (c->error_len)
      error = 1;
    else if (c->code_len && nw < 32) {
      struct triple *t = &want[nw];
      snprintf(t->s, sizeof(t->s), "%.*s", (int)c->source_len, c->source);
      snprintf(t->t, sizeof(t->t), "%.*s", (int)c->target_len, c->target);
      t->rule = NULL;
      snprintf(t->c, sizeof(t->c), "%.*s", (int)c->code_len, c->code);
      if (!has(want, nw, t))
        nw++;
    }
  }
  dyad_status st = dyad_doc_analyze(v->doc, &it->art, DYAD_STAGE_ALL);
  if (st == DYAD_OK) {
    size_t ne;
    const dyad_event *ev = dyad_doc_events(v->doc, &ne);
    for (size_t i = 0; i < ne && ng < 64; i++) {
      if (v->require_dyad && (strcmp(ev[i].source, "---") == 0 ||
                              strcmp(ev[i].target, "---") == 0))
        continue; /* PETRARCH drops events with a null actor */
      struct triple t;
      snprintf(t.s, sizeof(t.s), "%s", ev[i].source);
      snprintf(t.t, sizeof(t.t), "%s", ev[i].target);
      snprintf(t.c, sizeof(t.c), "%s", ev[i].code);
      t.rule = ev[i].rule;
      if (!has(got, ng, &t))
        got[ng++] = t;
    }
  }
  size_t correct = 0;
  for (size_t i = 0; i < ng; i++)
    correct += has(want, nw, &got[i]);
  int exact = (noevents || error || nw == 0) ? ng == 0
                                             : (correct == nw && ng == nw);
  struct cat *c = catof(v, it->category, it->category_len);
  c->records++;
  c->exact += (unsigned)exact;
  v->res.records++;
  v->res.exact += (unsigned)exact;
  v->res.expected += (unsigned)nw;
  v->res.produced += (unsigned)ng;
  v->res.correct += (unsigned)correct;
  if (!exact && v->o && v->o->list_misses) {
    dyad_buf *b = &v->misses;
    dyad__buf_printf(b, "MISS %.*s (%.*s):", (int)it->art.id_len,
                     it->art.id, (int)it->category_len, it->category);
    if (noevents)
      dyad__buf_adds(b, " want no events;");
    else if (error)
      dyad__buf_adds(b, " want an error (no events);");
    else
      for (size_t i = 0; i < nw; i++)
        dyad__buf_printf(b, " want %s %s %s;", want[i].s, want[i].c,
                         want[i].t);
    if (!ng)
      dyad__buf_adds(b, " got nothing");
    for (size_t i = 0; i < ng; i++) {
      dyad__buf_printf(b, " got %s %s %s", got[i].s, got[i].c, got[i].t);
      if (got[i].rule) { /* the pattern's line: "file:line" -> "@line" */
        const char *r = strrchr(got[i].rule, ':');
        dyad__buf_printf(b, " @%s", r ? r + 1 : got[i].rule);
      }
      dyad__buf_addc(b, ';');
    }
    dyad__buf_adds(b, "\n    ");
    dyad__buf_add(b, it->art.text, it->art.text_len);
    dyad__buf_addc(b, '\n');
  }
}

dyad_status dyad_validate_file(const char *path, size_t len,
                               const dyad_validate_opts *o, dyad_buf *report,
                               dyad_validate_result *out)
{
  struct vstate *v = calloc(1, sizeof(*v));
  if (!v)
    return DYAD_ENOMEM;
  v->o = o;
  v->require_dyad = 1;
  if (o && o->dicts_dir) {
    snprintf(v->dir, sizeof(v->dir), "%s", o->dicts_dir);
  } else {
    const char *slash = NULL;
    for (size_t i = 0; i < len; i++)
      if (path[i] == '/')
        slash = path + i;
    if (slash)
      snprintf(v->dir, sizeof(v->dir), "%.*s", (int)(slash - path), path);
    else
      snprintf(v->dir, sizeof(v->dir), ".");
  }
  dyad_read_opts ro = {DYAD_FMT_XML, 0, 0};
  dyad_reader *r = dyad_reader_open(path, len, &ro);
  dyad_status st = r ? DYAD_OK : DYAD_ENOMEM;
  char err[512] = "";
  unsigned bad = 0;
  while (st == DYAD_OK) {
    struct dyad_petr_item it;
    dyad_status rs = dyad__petr_next(r, &it);
    if (rs == DYAD_EOF)
      break;
    if (rs != DYAD_OK) {
      dyad__buf_printf(report, "error: %s\n", dyad_reader_errmsg(r));
      bad++;
      if (rs == DYAD_EIO || rs == DYAD_ENOMEM) {
        st = rs;
        snprintf(err, sizeof(err), "%s", dyad_reader_errmsg(r));
      }
      continue;
    }
    if (it.kind == DYAD_PETR_ENV) {
      static const char *const names[4] = {"Verbfile", "Actorfile",
                                           "Agentfile", "Discardfile"};
      for (int i = 0; i < 4; i++)
        if (it.name_len == strlen(names[i]) &&
            memcmp(it.name, names[i], it.name_len) == 0)
          snprintf(v->files[i], sizeof(v->files[i]), "%.*s",
                   (int)it.value_len, it.value);
      continue;
    }
    if (it.kind == DYAD_PETR_CONFIG) {
      if (it.name_len == 12 && memcmp(it.name, "require_dyad", 12) == 0)
        v->require_dyad = !(it.value_len == 5 &&
                            strncasecmp(it.value, "false", 5) == 0);
      if (it.name_len == 16 && memcmp(it.name, "new_actor_length", 16) == 0) {
        int n = 0;
        for (size_t k = 0; k < it.value_len && k < 3; k++)
          if (it.value[k] >= '0' && it.value[k] <= '9')
            n = n * 10 + (it.value[k] - '0');
        v->new_actor_len = n > 16 ? 16 : n;
      }
      continue;
    }
    if (!v->ctx && (st = setup(v, err, sizeof(err))) != DYAD_OK)
      break;
    if (v->ctx->dict) /* between documents: the ctx is ours alone */
      v->ctx->dict->new_actor_len = (uint8_t)v->new_actor_len;
    sentence(v, &it);
  }
  if (r)
    dyad_reader_free(r);
  if (st == DYAD_OK) {
    dyad_validate_result *res = &v->res;
    dyad__buf_printf(report, "%-12s %8s %8s\n", "category", "records",
                     "exact");
    for (size_t i = 0; i < v->ncats; i++)
      dyad__buf_printf(report, "%-12s %8u %8u\n", v->cats[i].name,
                       v->cats[i].records, v->cats[i].exact);
    dyad__buf_printf(report, "%-12s %8u %8u\n", "TOTAL", res->records,
                     res->exact);
    double p = res->produced ? 100.0 * res->correct / res->produced : 0;
    double rc = res->expected ? 100.0 * res->correct / res->expected : 0;
    dyad__buf_printf(report,
                     "events: expected %u, produced %u, correct %u; "
                     "precision %.1f%%, recall %.1f%%\n",
                     res->expected, res->produced, res->correct, p, rc);
    dyad__buf_printf(report, "exact: %u of %u records\n", res->exact,
                     res->records);
    if (bad)
      dyad__buf_printf(report, "unreadable records: %u\n", bad);
    if (v->misses.len) {
      dyad__buf_adds(report, "\n");
      dyad__buf_add(report, v->misses.ptr, v->misses.len);
    }
    if (out)
      *out = *res;
  } else if (err[0]) {
    dyad__buf_printf(report, "error: %s\n", err);
  }
  dyad_doc_free(v->doc);
  dyad_ctx_free(v->ctx);
  dyad_buf_release(&v->misses);
  free(v);
  return st;
}
