/*
 * read.h: the inside of the input readers (src/read/), shared by the
 * reader core (reader.c), the byte source (source.c), the JSON Lines
 * reader (jsonl.c), the dated-text reader (text.c) and the PETRARCH XML
 * reader (petrxml.c, which also serves `dyad validate`).
 *
 * Invariants:
 * - input is read through one window (struct dyad_rsrc) that never holds
 *   more than max_record bytes plus one read chunk, so memory stays
 *   bounded whatever the input; a longer record is skipped by scanning,
 *   not by buffering it;
 * - every string handed out in a dyad_article lives in the reader (its
 *   arena, its text buffer or the current cJSON tree) and stays valid
 *   until the next dyad_reader_next;
 * - the reader counts each record exactly once, as ok or as bad.
 */
#ifndef DYAD_READ_H
#define DYAD_READ_H

#include "../internal.h"

#include "petrxml.h"

/* ==== byte source (source.c) =========================================== */

/* A window over a file, standard input or a memory buffer. Bytes before
 * pos are consumed and may be dropped by the next refill. */
struct dyad_rsrc {
  int fd;             /* file being read, -1 for memory input */
  void *gz;           /* zlib reader over fd (gzip, or plain text passed
                         through as is), NULL if zlib could not start */
  char errtext[96];   /* zlib's message for a failed read, or "" */
  int own_fd;         /* close fd when done (not for stdin) */
  const char *base;   /* window: buf, or the memory input itself */
  char *buf;          /* owned window storage for fd input */
  size_t cap;         /* bytes allocated in buf */
  size_t pos;         /* first unconsumed byte of base */
  size_t end;         /* end of the valid bytes of base */
  size_t limit;       /* most unconsumed bytes the window may hold */
  int eof;            /* nothing more will arrive after end */
  int err;            /* errno of a failed read, 0 if none */
  const char *mem;    /* trickled memory input, NULL otherwise */
  size_t mem_len;     /* its bytes */
  size_t mem_off;     /* bytes of it already in the window */
  size_t trickle;     /* bytes per refill when trickling */
};

/* Opens path for reading; returns 0 or an errno value. */
int dyad__rsrc_open_file(struct dyad_rsrc *s, const char *path,
                         size_t limit);
/* Reads from an open descriptor the caller keeps (standard input). */
void dyad__rsrc_open_fd(struct dyad_rsrc *s, int fd, size_t limit);
/* Reads from memory; nothing is copied. */
void dyad__rsrc_open_mem(struct dyad_rsrc *s, const char *p, size_t len);
/* Reads memory through the window trickle bytes at a time, like a slow
 * file: how tests and the fuzzer exercise the refill paths. */
void dyad__rsrc_open_trickle(struct dyad_rsrc *s, const char *p, size_t len,
                             size_t trickle, size_t limit);
/* Keeps the unconsumed bytes [pos, end), moves them to the front and
 * reads more after them. Returns 1 when bytes were added, 0 at the end of
 * input, -1 on a read error (err set), -2 when the window is full
 * (end - pos >= limit), -3 when memory runs out. */
int dyad__rsrc_more(const struct dyad_allocator *a, struct dyad_rsrc *s);
/* Closes the file and frees the window. */
void dyad__rsrc_close(const struct dyad_allocator *a, struct dyad_rsrc *s);

/* ==== the reader ======================================================== */

/* The files to read: the path given, or the files of a folder (sorted,
 * recursive, hidden ones skipped), collected on the first read. */
struct dyad_files {
  char **v;   /* paths, heap strings */
  size_t n;   /* paths */
  size_t cap; /* allocated slots */
};

struct dyad_reader {
  struct dyad_allocator a;   /* libc: readers live outside any ctx */
  dyad_read_opts opts;       /* max_record filled in */
  char *path;                /* the path given, NUL-terminated */
  const char *mem;           /* memory input, NULL for a path */
  size_t mem_len;            /* its bytes */
  char *mem_name;            /* the label of memory input */
  int started;               /* the path was examined */
  struct dyad_files files;   /* inputs to read, in order */
  size_t ifile;              /* next input to open */
  /* the current input */
  int open;                  /* an input is open */
  const char *name;          /* its name in messages */
  struct dyad_rsrc src;      /* its bytes */
  dyad_format fmt;           /* its format */
  uint64_t line;             /* newlines consumed so far in it */
  int petr;                  /* reading for dyad__petr_next */
  size_t trickle;            /* memory input: bytes per refill, 0: all */
  /* XML state kept between records */
  int xml_in_env;            /* inside <Environment> */
  dyad_buf pend;             /* attributes of a <Sentence> start tag met
                                while the previous one was open, + NUL */
  uint64_t pend_line;        /* its line */
  /* per record */
  struct dyad_arena arena;   /* small strings of the current record */
  dyad_buf text;             /* body text of the current record */
  dyad_buf scratch;          /* decoding room */
  void *json;                /* cJSON tree of the current record */
  DYAD_VEC(struct dyad_petr_coding) codings; /* of the current sentence */
  uint64_t nok, nbad;        /* records read, records rejected */
  char errmsg[512];          /* most recent failure */
};

/* Makes a memory reader feed its input n bytes at a time through the
 * window (n > 0), as a file would come; call before the first read. */
void dyad__reader_set_trickle(dyad_reader *r, size_t n);

/* Formats the error message and returns st. */
dyad_status dyad__read_fail(dyad_reader *r, dyad_status st, const char *fmt,
                            ...) DYAD_PRINTF(3, 4);
/* Fails for record number line with optional id: "name:line (id X): ..." */
dyad_status dyad__read_fail_rec(dyad_reader *r, dyad_status st,
                                uint64_t line, const char *id, size_t id_len,
                                const char *fmt, ...) DYAD_PRINTF(6, 7);
/* Fails with "cannot read 'name': reason" (DYAD_EIO), or "out of
 * memory" when st is DYAD_ENOMEM. */
dyad_status dyad__read_io_fail(dyad_reader *r, dyad_status st);
/* DYAD_OK when s is valid UTF-8 without NUL bytes, else DYAD_EBINARY or
 * DYAD_EUTF8; *bad gets the offset of the first offending byte. */
dyad_status dyad__read_check_text(const char *s, size_t len, size_t *bad);
/* Counts '\n' in s. */
uint64_t dyad__read_count_nl(const char *s, size_t len);
/* Discards input up to and including the next byte c (or to the end),
 * counting lines. Returns DYAD_OK, or DYAD_EIO after a read error. */
dyad_status dyad__read_skip_past(dyad_reader *r, char c);
/* "<name>:<line>" as an id for records that have none, in the arena. */
const char *dyad__read_default_id(dyad_reader *r, uint64_t line,
                                  size_t *len);
/* Parses a date string the formats accept ("YYYY-MM-DD", "YYYYMMDD", or
 * an ISO date-time whose first 10 bytes are a date). */
dyad_status dyad__read_date(const char *s, size_t len, dyad_date *out);
/* Fails record line with "impossible date 'X'" when the date is well
 * formed but not in the calendar, else "bad date 'X' (want YYYY-MM-DD)". */
dyad_status dyad__read_fail_date(dyad_reader *r, uint64_t line,
                                 const char *id, size_t id_len,
                                 const char *date, size_t date_len);

/* Record readers for the open input: DYAD_EOF at its end. */
dyad_status dyad__read_text(dyad_reader *r, dyad_article *out);
dyad_status dyad__read_jsonl(dyad_reader *r, dyad_article *out);
dyad_status dyad__read_xml(dyad_reader *r, struct dyad_petr_item *out);

/* Writes a reason for the first error in a malformed JSON text into msg
 * (e.g. "expected ',' or '}'") with its 1-based column; 0 if no error was
 * found. */
int dyad__json_diagnose(const char *s, size_t len, char *msg, size_t cap,
                        size_t *col);

#endif
