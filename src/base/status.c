/*
 * status.c: status strings, the version, and the calendar date helpers
 * every stage shares (dates are YYYYMMDD integers).
 */
#include "../internal.h"


const char *dyad_version(void)
{
  return DYAD_VERSION;
}

const char *dyad_strerror(dyad_status st)
{
  static const char *const msg[] = {
      [DYAD_OK] = "ok",
      [DYAD_EOF] = "end of input",
      [DYAD_ENOMEM] = "out of memory",
      [DYAD_EIO] = "cannot read input",
      [DYAD_EUTF8] = "invalid utf-8",
      [DYAD_EDATE] = "missing or impossible date",
      [DYAD_EJSON] = "malformed json",
      [DYAD_EXML] = "malformed xml",
      [DYAD_ETOOBIG] = "record too large",
      [DYAD_EEMPTY] = "empty input",
      [DYAD_EBINARY] = "binary data",
      [DYAD_EFORMAT] = "unknown input format",
      [DYAD_EDICT] = "malformed dictionary entry",
      [DYAD_EDB] = "database error",
      [DYAD_EARG] = "invalid argument",
      [DYAD_ENOTFOUND] = "not found",
  };
  if ((unsigned)st >= DYAD_ARRAY_LEN(msg) || !msg[st])
    return "unknown status";
  return msg[st];
}

int dyad_format_parse(const char *s, size_t len)
{
  static const struct { const char *name; int fmt; } names[] = {
      {"auto", DYAD_FMT_AUTO}, {"text", DYAD_FMT_TEXT},
      {"txt", DYAD_FMT_TEXT},  {"jsonl", DYAD_FMT_JSONL},
      {"json", DYAD_FMT_JSONL}, {"xml", DYAD_FMT_XML},
  };
  for (size_t i = 0; i < DYAD_ARRAY_LEN(names); i++)
    if (strlen(names[i].name) == len && memcmp(names[i].name, s, len) == 0)
      return names[i].fmt;
  return -1;
}

static int isleap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m (1..12) of year y. */
int dyad__days_in_month(int y, int m)
{
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12)
    return 0;
  return dm[m - 1] + (m == 2 && isleap(y));
}

static int digits(const char *s, size_t n, int *out)
{
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return 0;
}

dyad_status dyad_date_parse(const char *s, size_t len, dyad_date *out)
{
  int y, m, d;
  if (len == 10 && s[4] == '-' && s[7] == '-') {
    if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
      return DYAD_EDATE;
  } else if (len == 8) {
    if (digits(s, 4, &y) || digits(s + 4, 2, &m) || digits(s + 6, 2, &d))
      return DYAD_EDATE;
  } else {
    return DYAD_EDATE;
  }
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > dyad__days_in_month(y, m))
    return DYAD_EDATE;
  *out = y * 10000 + m * 100 + d;
  return DYAD_OK;
}

void dyad_date_format(dyad_date d, char buf[11])
{
  unsigned y = (unsigned)(d / 10000) % 10000u, m = (unsigned)(d / 100 % 100),
           dd = (unsigned)(d % 100);
  buf[0] = (char)('0' + y / 1000);
  buf[1] = (char)('0' + y / 100 % 10);
  buf[2] = (char)('0' + y / 10 % 10);
  buf[3] = (char)('0' + y % 10);
  buf[4] = '-';
  buf[5] = (char)('0' + m / 10 % 10);
  buf[6] = (char)('0' + m % 10);
  buf[7] = '-';
  buf[8] = (char)('0' + dd / 10 % 10);
  buf[9] = (char)('0' + dd % 10);
  buf[10] = '\0';
}
