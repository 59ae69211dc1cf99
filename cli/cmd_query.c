/*
 * cmd_query.c: `dyad query`, questions over an event store: filtered event
 * listings (each with its evidence sentence), counts per day/week/month,
 * top actors/dyads/codes, store statistics, and read-only SQL. The store
 * is always opened read-only. Output: table (default), jsonl, tsv, csv;
 * numbers are formatted here so both backends print the same bytes.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dyad query --db DB [filters] [--format F] [--limit N]\n"
    "       dyad query --db DB --count-by day|week|month [--dyad SRC:TGT]\n"
    "       dyad query --db DB --top actors|dyads|codes [--limit N]\n"
    "       dyad query --db DB --stats\n"
    "       dyad query --db DB --sql \"SELECT ...\"\n"
    "Lists stored events, newest first, each with its evidence sentence.\n"
    "  --db DB          SQLite file or postgresql:// URL (default: $DYAD_DB)\n"
    "filters (all combine; aggregates honour them too):\n"
    "  --source P       source actor code prefix (RUS matches RUSGOV)\n"
    "  --target P       target actor code prefix\n"
    "  --dyad S:T       --source S --target T\n"
    "  --code P         CAMEO code prefix (19, 0234)\n"
    "  --quad Q[,Q]     QuadClass 1..4 (1 verbal coop, 2 material coop,\n"
    "                   3 verbal conflict, 4 material conflict)\n"
    "  --from D --to D  event date range YYYY-MM-DD, inclusive\n"
    "  --text WORDS     full text of the sentence or title: every word\n"
    "                   required, \"quoted words\" as a phrase\n"
    "  --doc ID         one document\n"
    "output:\n"
    "  --format F       table (default), jsonl, tsv, csv\n"
    "  --limit N        at most N rows (--top: default 20)\n"
    "  --count-by P     events per day, ISO week (its Monday) or month, with\n"
    "                   the QuadClass split and mean Goldstein score\n"
    "  --top WHAT       most frequent actors, dyads or codes\n"
    "  --stats          rows stored per table\n"
    "  --sql SQL        one read-only SQL statement (schema: docs/schema.sql)\n";

enum { F_TABLE, F_JSONL, F_TSV, F_CSV };

/* ==== field writers ===================================================== */

/* Writes s as one field in the current format (no separator). */
static void field(int fmt, const char *s)
{
  if (!s)
    s = "";
  if (fmt == F_JSONL) {
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
      if (*p == '"' || *p == '\\')
        printf("\\%c", *p);
      else if (*p == '\n')
        fputs("\\n", stdout);
      else if (*p == '\t')
        fputs("\\t", stdout);
      else if (*p == '\r')
        fputs("\\r", stdout);
      else if (*p < 0x20)
        printf("\\u%04x", *p);
      else
        putchar(*p);
    }
    putchar('"');
    return;
  }
  if (fmt == F_CSV && strpbrk(s, ",\"\n\r")) {
    putchar('"');
    for (const char *p = s; *p; p++) {
      if (*p == '"')
        putchar('"');
      putchar(*p);
    }
    putchar('"');
    return;
  }
  /* table and tsv: one line per row, so white space becomes a space */
  for (const char *p = s; *p; p++)
    putchar(*p == '\n' || *p == '\t' || *p == '\r' ? ' ' : *p);
}

static void sep(int fmt, int first)
{
  if (first)
    return;
  putchar(fmt == F_CSV ? ',' : fmt == F_TSV ? '\t' : ' ');
}

/* A table cell: the text padded to width. */
static void cell(const char *s, int width)
{
  int n = 0;
  for (const char *p = s; *p; p++, n++)
    putchar(*p == '\n' || *p == '\t' ? ' ' : *p);
  for (; n < width; n++)
    putchar(' ');
  putchar(' ');
}

static void fmt_gold(char *buf, size_t cap, int has, double g, int prec)
{
  if (!has)
    snprintf(buf, cap, "%s", "");
  else
    snprintf(buf, cap, "%.*f", prec, g == 0 ? 0.0 : g); /* no "-0.0" */
}

/* ==== events ============================================================ */

struct out {
  int fmt;          /* F_* */
  uint64_t rows;    /* rows written */
};

/* The header row of an event listing (none for jsonl), printed even when
 * no event matches. */
static void event_header(int fmt)
{
  if (fmt == F_TABLE)
    printf("%-10s %-10s %-10s %-4s %1s %5s %-16s %s\n", "DATE", "SOURCE",
           "TARGET", "CODE", "Q", "GS", "DOC", "SENTENCE");
  else if (fmt != F_JSONL)
    puts(fmt == F_CSV
             ? "date,source,target,code,name,quad,goldstein,doc,sent,"
               "source_text,target_text,verb_text,place,country,sentence"
             : "date\tsource\ttarget\tcode\tname\tquad\tgoldstein\tdoc\t"
               "sent\tsource_text\ttarget_text\tverb_text\tplace\t"
               "country\tsentence");
}

static int print_event(const dyad_store_event *e, void *ud)
{
  struct out *o = ud;
  char date[11] = "", quad[8], sent[16], gold[16], flags[16];
  if (e->date)
    dyad_date_format(e->date, date);
  snprintf(quad, sizeof(quad), "%d", e->quad);
  snprintf(sent, sizeof(sent), "%u", e->sent);
  snprintf(flags, sizeof(flags), "%u", e->flags);
  fmt_gold(gold, sizeof(gold), e->has_goldstein, e->goldstein, 1);
  if (o->fmt == F_TABLE) {
    cell(date, 10);
    cell(e->source, 10);
    cell(e->target, 10);
    cell(e->code, 4);
    cell(quad, 1);
    printf("%5s ", gold);
    cell(e->doc, 16);
    field(F_TABLE, e->sentence);
    putchar('\n');
  } else if (o->fmt == F_JSONL) {
    const struct {
      const char *k, *v;
      int num;
    } kv[] = {
        {"doc", e->doc, 0},          {"sent", sent, 1},
        {"date", date, 0},           {"source", e->source, 0},
        {"target", e->target, 0},    {"code", e->code, 0},
        {"name", e->name, 0},        {"quad", quad, 1},
        {"goldstein", gold, 1},      {"source_text", e->source_text, 0},
        {"target_text", e->target_text, 0},
        {"verb_text", e->verb_text, 0},
        {"place", e->place, 0},      {"country", e->country, 0},
        {"rule", e->rule, 0},        {"flags", flags, 1},
        {"title", e->title, 0},      {"sentence", e->sentence, 0},
    };
    putchar('{');
    for (size_t i = 0; i < sizeof(kv) / sizeof(kv[0]); i++) {
      printf("%s\"%s\":", i ? "," : "", kv[i].k);
      if (kv[i].num)
        fputs(*kv[i].v ? kv[i].v : "null", stdout);
      else
        field(F_JSONL, kv[i].v);
    }
    puts("}");
  } else {
    const char *v[] = {date,           e->source,      e->target,
                       e->code,        e->name,        quad,
                       gold,           e->doc,         sent,
                       e->source_text, e->target_text, e->verb_text,
                       e->place,       e->country,     e->sentence};
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
      sep(o->fmt, i == 0);
      field(o->fmt, v[i]);
    }
    putchar('\n');
  }
  o->rows++;
  return ferror(stdout) ? 1 : 0;
}

/* ==== aggregates ======================================================== */

struct agg_out {
  int fmt;
  const char *keyname; /* "period", "actor", "dyad", "code" */
  uint64_t rows;
};

static void agg_header(int fmt, const char *keyname)
{
  int named = strcmp(keyname, "code") == 0;
  int c = fmt == F_CSV;
  if (fmt == F_TABLE)
    printf("%-12s %8s %7s %7s %7s %7s %9s%s\n", keyname, "count", "q1", "q2",
           "q3", "q4", "goldstein", named ? "  name" : "");
  else if (fmt != F_JSONL)
    printf(c ? "%s,count,q1,q2,q3,q4,goldstein%s\n"
             : "%s\tcount\tq1\tq2\tq3\tq4\tgoldstein%s\n",
           keyname, named ? (c ? ",name" : "\tname") : "");
}

static int print_agg(const dyad_store_agg *a, void *ud)
{
  struct agg_out *o = ud;
  char gold[16], n[5][24];
  fmt_gold(gold, sizeof(gold), a->has_goldstein, a->goldstein, 2);
  snprintf(n[0], sizeof(n[0]), "%llu", (unsigned long long)a->count);
  for (int i = 1; i <= 4; i++)
    snprintf(n[i], sizeof(n[i]), "%llu", (unsigned long long)a->quad[i]);
  int named = strcmp(o->keyname, "code") == 0;
  if (o->fmt == F_JSONL) {
    printf("{\"%s\":", o->keyname);
    field(F_JSONL, a->key);
    if (named) {
      fputs(",\"name\":", stdout);
      field(F_JSONL, a->name);
    }
    printf(",\"count\":%s,\"quad\":[%s,%s,%s,%s],\"goldstein\":%s}\n", n[0],
           n[1], n[2], n[3], n[4], *gold ? gold : "null");
  } else if (o->fmt == F_TABLE) {
    printf("%-12s %8s %7s %7s %7s %7s %9s", a->key, n[0], n[1], n[2], n[3],
           n[4], gold);
    if (named)
      printf("  %s", a->name);
    putchar('\n');
  } else {
    field(o->fmt, a->key);
    const char *v[] = {n[0], n[1], n[2], n[3], n[4], gold};
    for (size_t i = 0; i < 6; i++) {
      sep(o->fmt, 0);
      field(o->fmt, v[i]);
    }
    if (named) {
      sep(o->fmt, 0);
      field(o->fmt, a->name);
    }
    putchar('\n');
  }
  o->rows++;
  return ferror(stdout) ? 1 : 0;
}

/* ==== --sql ============================================================= */

static int print_sql_row(int ncol, const char *const *names,
                         const char *const *vals, void *ud)
{
  int fmt = *(int *)ud;
  if (fmt == F_JSONL) {
    if (!vals)
      return 0;
    putchar('{');
    for (int i = 0; i < ncol; i++) {
      if (i)
        putchar(',');
      field(F_JSONL, names[i]);
      putchar(':');
      if (vals[i])
        field(F_JSONL, vals[i]);
      else
        fputs("null", stdout);
    }
    puts("}");
    return ferror(stdout) ? 1 : 0;
  }
  int f = fmt == F_TABLE ? F_TSV : fmt;
  for (int i = 0; i < ncol; i++) {
    sep(f, i == 0);
    field(f, vals ? vals[i] : names[i]);
  }
  putchar('\n');
  return ferror(stdout) ? 1 : 0;
}

/* ==== options =========================================================== */

/* --quad "1,4" or "4": bits 1<<q. Returns 0 on a bad list. */
static uint32_t parse_quads(const char *s)
{
  uint32_t q = 0;
  for (const char *p = s; *p; p++) {
    if (*p >= '1' && *p <= '4')
      q |= 1u << (*p - '0');
    else if (*p != ',' && *p != ' ')
      return 0;
  }
  return q;
}

static int parse_date_opt(const char *opt, const char *v, dyad_date *out)
{
  if (dyad_date_parse(v, strlen(v), out) != DYAD_OK) {
    cli_err("query: bad %s date '%s': expected YYYY-MM-DD", opt, v);
    return -1;
  }
  return 0;
}

int cmd_query(int argc, char **argv)
{
  dyad_query q;
  memset(&q, 0, sizeof(q));
  const char *db = getenv("DYAD_DB");
  const char *sql = NULL, *format = "table";
  dyad_period per = 0;
  dyad_top top = 0;
  int stats = 0;
  static char dyad_src[64], dyad_tgt[64];
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(help, stdout);
      return 0;
    }
    if (strcmp(a, "--stats") == 0) {
      stats = 1;
      continue;
    }
    static const char *const valued[] = {
        "--db",   "--source", "--target", "--code",   "--quad",
        "--from", "--to",     "--text",   "--doc",    "--format",
        "--limit", "--count-by", "--top", "--sql",    "--dyad"};
    size_t k = 0;
    while (k < sizeof(valued) / sizeof(valued[0]) && strcmp(a, valued[k]))
      k++;
    if (k == sizeof(valued) / sizeof(valued[0])) {
      cli_err("query: unknown option '%s' (see dyad query --help)", a);
      return EXIT_USAGE;
    }
    if (i + 1 >= argc) {
      cli_err("option '%s' needs a value", a);
      return EXIT_USAGE;
    }
    const char *v = argv[++i];
    if (strcmp(a, "--db") == 0) {
      db = v;
    } else if (strcmp(a, "--source") == 0) {
      q.source = v;
    } else if (strcmp(a, "--target") == 0) {
      q.target = v;
    } else if (strcmp(a, "--code") == 0) {
      q.code = v;
    } else if (strcmp(a, "--quad") == 0) {
      q.quads = parse_quads(v);
      if (!q.quads) {
        cli_err("query: bad --quad '%s': expected 1..4, comma-separated", v);
        return EXIT_USAGE;
      }
    } else if (strcmp(a, "--from") == 0) {
      if (parse_date_opt(a, v, &q.from))
        return EXIT_USAGE;
    } else if (strcmp(a, "--to") == 0) {
      if (parse_date_opt(a, v, &q.to))
        return EXIT_USAGE;
    } else if (strcmp(a, "--text") == 0) {
      q.text = v;
    } else if (strcmp(a, "--doc") == 0) {
      q.doc = v;
    } else if (strcmp(a, "--format") == 0) {
      format = v;
    } else if (strcmp(a, "--limit") == 0) {
      char *end;
      long long n = strtoll(v, &end, 10);
      if (*end || n < 1) {
        cli_err("query: bad --limit '%s'", v);
        return EXIT_USAGE;
      }
      q.limit = (uint64_t)n;
    } else if (strcmp(a, "--count-by") == 0) {
      per = dyad_period_parse(v, strlen(v));
      if (!per) {
        cli_err("query: bad --count-by '%s': day, week or month", v);
        return EXIT_USAGE;
      }
    } else if (strcmp(a, "--top") == 0) {
      top = dyad_top_parse(v, strlen(v));
      if (!top) {
        cli_err("query: bad --top '%s': actors, dyads or codes", v);
        return EXIT_USAGE;
      }
    } else if (strcmp(a, "--sql") == 0) {
      sql = v;
    } else if (strcmp(a, "--dyad") == 0) {
      const char *colon = strchr(v, ':');
      if (!colon || colon - v >= (long)sizeof(dyad_src) ||
          strlen(colon + 1) >= sizeof(dyad_tgt)) {
        cli_err("query: bad --dyad '%s': expected SOURCE:TARGET", v);
        return EXIT_USAGE;
      }
      memcpy(dyad_src, v, (size_t)(colon - v));
      dyad_src[colon - v] = '\0';
      memcpy(dyad_tgt, colon + 1, strlen(colon + 1) + 1);
      q.source = dyad_src;
      q.target = dyad_tgt;
    }
  }
  int fmt;
  if (strcmp(format, "table") == 0)
    fmt = F_TABLE;
  else if (strcmp(format, "jsonl") == 0 || strcmp(format, "json") == 0)
    fmt = F_JSONL;
  else if (strcmp(format, "tsv") == 0)
    fmt = F_TSV;
  else if (strcmp(format, "csv") == 0)
    fmt = F_CSV;
  else {
    cli_err("query: unknown format '%s' (table, jsonl, tsv, csv)", format);
    return EXIT_USAGE;
  }
  if ((per != 0) + (top != 0) + (sql != NULL) + stats > 1) {
    cli_err("query: give only one of --count-by, --top, --sql, --stats");
    return EXIT_USAGE;
  }
  if (!db || !*db) {
    cli_err("query: no database: give --db FILE|URL or set DYAD_DB");
    return EXIT_USAGE;
  }
  dyad_store *st = NULL;
  if (dyad_store_open(db, strlen(db), DYAD_STORE_READ, &st) != DYAD_OK) {
    cli_err("%s", dyad_store_errmsg(st));
    dyad_store_close(st);
    return EXIT_FATAL;
  }
  dyad_status s;
  if (sql) {
    s = dyad_store_sql(st, sql, strlen(sql), print_sql_row, &fmt);
  } else if (stats) {
    dyad_store_stats t;
    s = dyad_store_stats_get(st, &t);
    if (s == DYAD_OK) {
      const char *names[] = {"documents", "sentences", "events",
                             "actors",    "quotes",    "places"};
      uint64_t v[] = {t.documents, t.sentences, t.events,
                      t.actors,    t.quotes,    t.places};
      for (int i = 0; i < 6; i++) {
        if (fmt == F_JSONL)
          printf("%s\"%s\":%llu%s", i ? "," : "{", names[i],
                 (unsigned long long)v[i], i == 5 ? "}\n" : "");
        else
          printf("%s%c%llu\n", names[i], fmt == F_CSV ? ',' : '\t',
                 (unsigned long long)v[i]);
      }
    }
  } else if (per) {
    struct agg_out o = {fmt, "period", 0};
    agg_header(fmt, o.keyname);
    s = dyad_store_count_by(st, &q, per, print_agg, &o);
  } else if (top) {
    struct agg_out o = {fmt,
                        top == DYAD_TOP_ACTORS  ? "actor"
                        : top == DYAD_TOP_DYADS ? "dyad"
                                                : "code",
                        0};
    agg_header(fmt, o.keyname);
    s = dyad_store_top(st, &q, top, print_agg, &o);
  } else {
    struct out o = {fmt, 0};
    event_header(fmt);
    s = dyad_store_query(st, &q, print_event, &o);
  }
  int rc = 0;
  if (s != DYAD_OK) {
    cli_err("query: %s", dyad_store_errmsg(st));
    rc = s == DYAD_EARG ? EXIT_USAGE : EXIT_FATAL;
  }
  if (fflush(stdout) != 0 || ferror(stdout)) {
    cli_err("cannot write output");
    rc = EXIT_FATAL;
  }
  dyad_store_close(st);
  return rc;
}
