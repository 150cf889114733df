/*
 * calendar: proleptic Gregorian day numbers (days since 1970-01-01), after
 * Howard Hinnant's civil_from_days/days_from_civil. The one calendar of the
 * library: meta resolves dates with it, compare measures gaps with it.
 */
#ifndef PX_CALENDAR_H
#define PX_CALENDAR_H

#include "precis.h"

/* Days since 1970-01-01 of a calendar day (negative before). */
long px_days_from_ymd(precis_ymd d);

/* The calendar day of a day number; inverse of px_days_from_ymd. */
precis_ymd px_ymd_from_days(long days);

/* ISO weekday of a day number: 1 Monday .. 7 Sunday. */
int px_weekday_of_days(long days);

/* Days in month m (1..12) of year y. */
int px_days_in_month(int y, int m);

#endif
