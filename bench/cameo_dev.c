/*
 * cameo_dev.c: scores the coder on the CAMEO codebook's example sentences
 * (../shared/devsets/cameo/cameo_examples.dev.tsv; measuring only, nothing
 * from it is kept). An example is right when one event has its root and a
 * source whose text overlaps the expected source words (the devset
 * README's rule); also reports exact codes and source+target.
 * Usage: cameo_dev [TSV] [-v]
 */
#include <dyad.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Does any ';'-separated item of want share a word (>= 3 letters) with the
 * text of span s in doc text? */
static int overlaps(const char *text, dyad_span s, const char *want)
{
  if (!s.len || !want[0])
    return 0;
  char got[512];
  snprintf(got, sizeof(got), "%.*s", (int)s.len, text + s.off);
  char w[512];
  snprintf(w, sizeof(w), "%s", want);
  for (char *p = w; *p;) {
    while (*p && !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
      p++;
    char *q = p;
    while (*q && ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z')))
      q++;
    size_t n = (size_t)(q - p);
    if (n >= 3) {
      for (char *g = got; *g; g++)
        if (strncasecmp(g, p, n) == 0)
          return 1;
    }
    p = q;
  }
  return 0;
}

int main(int argc, char **argv)
{
  const char *path = NULL;
  int verbose = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0)
      verbose = 1;
    else
      path = argv[i];
  }
  char def[1024];
  if (!path) {
    const char *sh = getenv("DYAD_SHARED");
    snprintf(def, sizeof(def), "%s/devsets/cameo/cameo_examples.dev.tsv",
             sh ? sh : "../shared");
    path = def;
  }
  FILE *f = fopen(path, "r");
  if (!f) {
    printf("cameo_dev: skipped ('%s' not found)\n", path);
    return 0;
  }
  dyad_ctx *ctx = dyad_ctx_new(NULL);
  if (!ctx || dyad_ctx_load_defaults(ctx) != DYAD_OK) {
    fprintf(stderr, "cameo_dev: %s\n", ctx ? dyad_ctx_errmsg(ctx) : "oom");
    return 1;
  }
  dyad_doc *doc = dyad_doc_new(ctx);
  char line[8192];
  int n = 0, root_src = 0, exact = 0, src_tgt = 0, any = 0;
  int per_root[21] = {0}, per_root_ok[21] = {0};
  if (!fgets(line, sizeof(line), f)) /* header */
    return 1;
  while (fgets(line, sizeof(line), f)) {
    line[strcspn(line, "\r\n")] = '\0';
    char *col[9] = {0};
    int nc = 0;
    for (char *p = line; nc < 9;) {
      col[nc++] = p;
      char *t = strchr(p, '\t');
      if (!t)
        break;
      *t = '\0';
      p = t + 1;
    }
    if (nc < 5)
      continue;
    const char *code = col[0], *sent = col[2], *src = col[3], *tgt = col[4];
    dyad_article art;
    memset(&art, 0, sizeof(art));
    art.id = "ex";
    art.id_len = 2;
    art.text = sent;
    art.text_len = strlen(sent);
    art.date = 20000101;
    if (dyad_doc_analyze(doc, &art, DYAD_STAGE_ALL) != DYAD_OK)
      continue;
    size_t ne;
    const dyad_event *ev = dyad_doc_events(doc, &ne);
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    if (r < 0 || r > 20)
      r = 0;
    n++;
    per_root[r]++;
    int ok_rs = 0, ok_ex = 0, ok_st = 0;
    for (size_t i = 0; i < ne; i++) {
      int same_root = strncmp(ev[i].code, code, 2) == 0;
      int so = overlaps(sent, ev[i].source_span, src);
      if (same_root && so)
        ok_rs = 1;
      if (strcmp(ev[i].code, code) == 0 && so)
        ok_ex = 1;
      if (same_root && so && overlaps(sent, ev[i].target_span, tgt))
        ok_st = 1;
    }
    if (ne)
      any++;
    root_src += ok_rs;
    exact += ok_ex;
    src_tgt += ok_st;
    per_root_ok[r] += ok_rs;
    if (verbose && !ok_rs) {
      printf("MISS %s [%s -> %s] %s\n", code, src, tgt, sent);
      for (size_t i = 0; i < ne; i++)
        printf("   got %s %s %s\n", ev[i].source, ev[i].code, ev[i].target);
    }
  }
  fclose(f);
  printf("cameo_dev: %d examples, root+source %d (%.1f%%), exact code+source "
         "%d (%.1f%%), root+source+target %d (%.1f%%), any event %d\n",
         n, root_src, n ? 100.0 * root_src / n : 0, exact,
         n ? 100.0 * exact / n : 0, src_tgt, n ? 100.0 * src_tgt / n : 0, any);
  printf("per root:");
  for (int r = 1; r <= 20; r++)
    printf(" %02d:%d/%d", r, per_root_ok[r], per_root[r]);
  printf("\n");
  dyad_doc_free(doc);
  dyad_ctx_free(ctx);
  return 0;
}
