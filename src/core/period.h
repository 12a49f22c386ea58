/* period: named periods of whole weeks, as spec §2 defines them.
 *
 * A period is the set of weeks whose Thursday lies in a calendar span:
 * "2024" (year), "2024K2" (quarter), "2024M03" (month), "2024U05" (one ISO
 * week), "2024M03R12" (the 12 months ending with March 2024) and
 * "2024M03AATD" (år til dato: January to March 2024, what a budget follow-up
 * compares). "2024Q2" (as jobindsats.dk writes a quarter) and "2024M6" are
 * read too, and jobindsats.dk's "2025Y01" (a year) and "2021QMAT02" (the four
 * quarters ending with 2021Q2, i.e. 2020M07-2021M06, named "2021M06R12");
 * the name is always the canonical one. Because every period is a run of consecutive weeks it is kept as [first, last]. */
#ifndef STYR_PERIOD_H
#define STYR_PERIOD_H

#include <stddef.h>

typedef enum styr_period_kind {
    STYR_P_YEAR, STYR_P_QUARTER, STYR_P_MONTH, STYR_P_WEEK, STYR_P_ROLLING12, STYR_P_YTD
} styr_period_kind;

typedef struct styr_period {
    styr_period_kind kind;
    int year;       /* calendar year (ISO year for a week) */
    int sub;        /* quarter 1-4, month 1-12, week 1-53; 0 for a year */
    int first;      /* first week index */
    int last;       /* last week index, inclusive */
    char name[16];  /* canonical name, e.g. "2024M03" */
} styr_period;

/* Parse a period name. Returns 0, or -1 when it is not a period of 1990-2099. */
int styr_period_parse(const char *s, styr_period *p);

/* Number of weeks in the period (|P| in the spec). */
static inline int styr_period_weeks(const styr_period *p) { return p->last - p->first + 1; }

/* The same kind of period one year earlier (for development figures). */
int styr_period_year_before(const styr_period *p, styr_period *out);

/* The weeks whose Thursday falls in the day span [d0, d1]. */
void styr_weeks_of_days(int d0, int d1, int *first, int *last);

#endif
