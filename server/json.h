/*
 * json.h: a growable byte buffer with JSON writers, for `dyad serve`.
 * Invariant: after any append, ptr is NUL-terminated (when non-NULL); a
 * failed allocation sets oom and later appends do nothing, so callers
 * check once at the end.
 */
#ifndef DYAD_SERVE_JSON_H
#define DYAD_SERVE_JSON_H

#include <stddef.h>
#include <stdint.h>

typedef struct jbuf {
  char *ptr;
  size_t len, cap;
  int oom;
  int first; /* no comma before the next member/element */
} jbuf;

void jb_free(jbuf *b);
void jb_raw(jbuf *b, const char *s, size_t n);
void jb_cstr(jbuf *b, const char *s); /* raw C string */
void jb_printf(jbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Structure: open/close emit the bracket and manage commas. */
void jb_obj(jbuf *b);    /* "{" (as a value: comma first if needed) */
void jb_arr(jbuf *b);    /* "[" */
void jb_end_obj(jbuf *b);
void jb_end_arr(jbuf *b);
void jb_key(jbuf *b, const char *k); /* ,"k": */

/* Values (comma first if needed). */
void jb_str(jbuf *b, const char *s);       /* NULL -> null */
void jb_strn(jbuf *b, const char *s, size_t n);
void jb_int(jbuf *b, int64_t v);
void jb_num(jbuf *b, double v);            /* %.6g, never -0; NaN: null */
void jb_null(jbuf *b);
void jb_bool(jbuf *b, int v);
/* A numeric text from SQL (NULL or "" -> null; otherwise copied when it
 * looks like a number, else null). */
void jb_numtext(jbuf *b, const char *s);

/* Shorthands: key then value. */
void jb_kstr(jbuf *b, const char *k, const char *v);
void jb_kint(jbuf *b, const char *k, int64_t v);

#endif
