/*
 * xmlscan.h: a small, forgiving XML scanner over a byte window. It cuts
 * the next item (text, tag, comment, CDATA, declaration) off the front of
 * the window and never looks further than that item, so a caller can feed
 * it a stream through a bounded buffer. It does not check nesting; it
 * does not allocate.
 */
#ifndef DYAD_XMLSCAN_H
#define DYAD_XMLSCAN_H

#include <stddef.h>

enum {
  DYAD_XML_TEXT = 1, /* character data up to the next markup '<' */
  DYAD_XML_OPEN,     /* <name attrs> */
  DYAD_XML_EMPTY,    /* <name attrs/> */
  DYAD_XML_CLOSE,    /* </name> */
  DYAD_XML_COMMENT,  /* <!-- body --> */
  DYAD_XML_CDATA,    /* <![CDATA[body]]> */
  DYAD_XML_DECL,     /* <?...?> or <!DOCTYPE ...> : ignored */
  DYAD_XML_BAD       /* markup cut off by the end of input */
};

struct dyad_xml_item {
  int kind;          /* DYAD_XML_* */
  const char *name;  /* tag name (OPEN, EMPTY, CLOSE) */
  size_t name_len;
  const char *body;  /* TEXT: raw text; OPEN/EMPTY: attribute text;
                        COMMENT/CDATA: contents */
  size_t body_len;
  size_t len;        /* bytes of the window the item takes */
};

/* Scans the item at the start of p[0..len). eof says no bytes follow the
 * window. Returns 1 with *it filled, 0 when the item is not complete in
 * the window (only when !eof), -1 when the window is empty. */
int dyad__xml_scan(const char *p, size_t len, int eof,
                   struct dyad_xml_item *it);

/* Finds attribute name in an attribute text; returns 1 and the raw
 * (undecoded) value, or 0 when it is absent. Accepts either quote, spaces
 * around '=', and unquoted values. */
int dyad__xml_attr(const char *attrs, size_t len, const char *name,
                   const char **val, size_t *val_len);

/* Decodes entities (&amp; &lt; &gt; &quot; &apos; &#N; &#xH;) of s into
 * out, which has room for len bytes (decoding never grows text); returns
 * the decoded length. Unknown entities stay as they are; a numeric one
 * that is not a Unicode scalar value becomes U+FFFD. */
size_t dyad__xml_decode(const char *s, size_t len, char *out);

#endif
