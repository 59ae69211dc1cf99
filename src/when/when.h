/*
 * when.h: temporal expressions (issue 5, "When"): the calendar helpers the
 * tagger uses and the rule that dates an event from its clause.
 *
 * dyad__timexes (internal.h) fills doc->timexes with TimeML-style values
 * normalised against the article date; this header adds what other stages
 * need from it.
 */
#ifndef DYAD_WHEN_H
#define DYAD_WHEN_H

#include "../internal.h"

/* ---- calendar (when/calendar.c) ------------------------------------------
 * A "day number" counts days from 1970-01-01 (proleptic Gregorian), so
 * date arithmetic is integer arithmetic. */

/* Day number of y-m-d (the date need not be valid: 2023-03-32 is 04-01). */
long dyad__day_number(int y, int m, int d);
/* The y-m-d of a day number. OUT: *y, *m, *d. */
void dyad__day_civil(long dn, int *y, int *m, int *d);
/* Weekday of a day number: 0 Monday .. 6 Sunday. */
int dyad__weekday(long dn);
/* ISO 8601 week of a day number. OUT: *wy (the week-based year), *w. */
void dyad__iso_week(long dn, int *wy, int *w);

/* ---- event dates (when/govern.c) -----------------------------------------
 * The date an event in clause c happened, from the temporal expressions
 * of the text:
 *
 *  1. Each timex is owned by the innermost clause of its sentence whose
 *     token range holds its first token (a timex outside every clause,
 *     like a sentence-initial "On Tuesday," before the subject, belongs
 *     to the sentence's first top-level clause).
 *  2. The clause's governing timex is the first DATE timex it owns that
 *     has a full-day value (YYYY-MM-DD); if it owns DATE timexes but none
 *     with a full day ("last year", "now"), it is governed by a vaguer
 *     expression and the answer is 0 ("not a day": keep the article
 *     date). If it owns none, the same question goes to its parent
 *     clause, and so on up to the top clause.
 *  3. TIME values with a day ("2023-03-21TNI") count as that day;
 *     DURATION and SET values never govern.
 *
 * Returns the date as YYYYMMDD, or 0 when no day comes from the text.
 * OUT: *from_text (may be NULL) is 1 when a date was returned, else 0.
 * c must point into doc's clause array; the doc must have run
 * DYAD_STAGE_WHEN (otherwise 0). Cost: linear in the sentence's timexes
 * and clauses, no allocation. */
dyad_date dyad__event_date(const dyad_doc *doc, const dyad_clause *c,
                           int *from_text);

/* The latest year named by the timexes that govern clause c (the ones
 * dyad__event_date reads, year-only values included: "in 1948" gives
 * 1948); 0 when none does or one names no year. Same cost. */
int dyad__event_year(const dyad_doc *doc, const dyad_clause *c);

/* Parses a full-day TimeML value ("2023-03-21", optionally followed by
 * "T..."); returns YYYYMMDD or 0. */
dyad_date dyad__timex_day(const char *value);

#endif /* DYAD_WHEN_H */
