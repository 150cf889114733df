/*
 * meta: what an article says about when, where and who (the public
 * precis_meta_* API in precis.h). This header holds the calendar
 * arithmetic the date resolver is built on, so that modules to the right
 * (compare) count days the same way instead of keeping their own copy.
 */
#ifndef PX_META_H
#define PX_META_H

#include "precis.h"

/* Days since 1970-01-01 in the proleptic Gregorian calendar (negative before). */
long px_days_from_ymd(precis_ymd d);

/* The calendar day of a day number; inverse of px_days_from_ymd. */
precis_ymd px_ymd_from_days(long days);

/* ISO weekday of a day number: 1 = Monday .. 7 = Sunday. */
int px_weekday_of_days(long days);

/* 28..31; month 1..12. */
int px_days_in_month(int year, int month);

#endif
