/* week: ISO 8601 weeks, civil dates and ages, as the spec uses them.
 *
 * styr counts time in whole ISO weeks. A week is stored as its index: the
 * number of weeks since ISO week 1990-W01 (Monday 1 January 1990), so index 0
 * is 1990-W01 and every supported week (years 1990-2099) fits in 16 bits.
 * A week belongs to the year, quarter and month of its Thursday (the ISO rule
 * the spec adopts); a person's age in a week is the age on that Thursday.
 * Dates are int32 day numbers since 1970-01-01 or packed YYYYMMDD integers. */
#ifndef STYR_WEEK_H
#define STYR_WEEK_H

#include <stddef.h>
#include <stdint.h>

#define STYR_YEAR_MIN 1990
#define STYR_YEAR_MAX 2099

/* Days since 1970-01-01 of a proleptic Gregorian date (any int year). */
int32_t styr_days_from_civil(int y, int m, int d);
void styr_civil_from_days(int32_t z, int *y, int *m, int *d);

/* 1 when y-m-d is a real calendar date. */
int styr_date_valid(int y, int m, int d);

/* Number of ISO weeks in ISO year y: 52 or 53. */
int styr_iso_weeks_in_year(int y);

/* Index of ISO week (y, w), or -1 when w is not a week of y or y is outside
 * STYR_YEAR_MIN..STYR_YEAR_MAX. */
int styr_week_from_iso(int y, int w);

/* ISO year and week number of an index. */
void styr_week_to_iso(int idx, int *y, int *w);

/* Day number of the Monday / Thursday of a week index. */
int32_t styr_week_monday(int idx);
int32_t styr_week_thursday(int idx);

/* The Thursday as YYYYMMDD, and its calendar year and month (1-12). */
uint32_t styr_week_thursday_ymd(int idx);
int styr_week_year(int idx);
int styr_week_month(int idx);

/* The index of the week that contains day number z. */
int styr_week_of_day(int32_t z);

/* Parse a week: "2024-W05", "2024W05", "2024-w5" or DREAM's "2405" (YYWW,
 * YY >= 91 means 19YY, else 20YY). Returns 0 and the index, or -1 when the
 * text is not a week, -2 when it is a week outside the supported years. */
int styr_week_parse(const char *s, size_t n, int *idx);

/* Format as "2024-W05" into buf (at least 9 bytes). */
void styr_week_format(int idx, char *buf);

/* Parse a birth date into packed YYYYMMDD; a year alone gives YYYY0000.
 * Accepts YYYY-MM-DD, YYYYMMDD, DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY, YYYY.
 * Returns 0 or -1. */
int styr_date_parse(const char *s, size_t n, uint32_t *ymd);

/* Age on a day given as YYYYMMDD, for a birth in packed form (YYYY0000 for a
 * year alone: then age = year - birth year, as the spec says). Birth 0 means
 * unknown and gives -1. */
static inline int styr_age(uint32_t birth, uint32_t on_ymd)
{
    if (!birth) return -1;
    return ((int32_t)on_ymd - (int32_t)birth) / 10000;
}

#endif
