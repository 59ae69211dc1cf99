/*
 * calendar.c: proleptic Gregorian day numbers, weekdays and ISO weeks for
 * the temporal tagger. Day 0 is 1970-01-01; the conversion is the
 * well-known era/day-of-era arithmetic (days_from_civil), valid for any
 * year an int holds. No tables, no state.
 */
#include "when.h"

long dyad__day_number(int y, int m, int d)
{
  /* normalise the month first so that m outside 1..12 rolls the year */
  long yy = y + (m - 1 >= 0 ? (m - 1) / 12 : -((12 - m) / 12));
  int mm = ((m - 1) % 12 + 12) % 12 + 1;
  yy -= mm <= 2;
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;                                  /* [0, 399] */
  long doy = (153 * (mm + (mm > 2 ? -3 : 9)) + 2) / 5 + 1 - 1; /* [0, 365] */
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
  return era * 146097 + doe - 719468 + (d - 1);
}

void dyad__day_civil(long dn, int *y, int *m, int *d)
{
  long z = dn + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long dd = doy - (153 * mp + 2) / 5 + 1;
  long mm = mp < 10 ? mp + 3 : mp - 9;
  *y = (int)(yoe + era * 400 + (mm <= 2));
  *m = (int)mm;
  *d = (int)dd;
}

int dyad__weekday(long dn)
{
  /* 1970-01-01 was a Thursday (3 when Monday is 0) */
  long w = (dn + 3) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

void dyad__iso_week(long dn, int *wy, int *w)
{
  /* the ISO week belongs to the year of its Thursday */
  long thu = dn - dyad__weekday(dn) + 3;
  int y, m, d;
  dyad__day_civil(thu, &y, &m, &d);
  *wy = y;
  *w = (int)((thu - dyad__day_number(y, 1, 1)) / 7 + 1);
}
