/* develop: the development a committee follows, month by month.
 *
 * For a figure and a few groups (the scorecard groups: dagpenge,
 * kontanthjaelp, sygedagpenge): each of the last 24 months up to an anchor
 * month beside the same month a year before, and the year to date against
 * the same months of the year before. The values come from the caller (a
 * lookup over counts that already carry the discretion pattern: query rows or
 * benchmark data), so a hidden value stays hidden (STYR_FV_SUPPRESSED) and a
 * month outside the panel is STYR_FV_NONE; the two are never mixed.
 *
 *   styr_dev_plan      the anchor month and every period the lookups need
 *   styr_dev_fill      the values of one group through the lookup
 *   styr_dev_change    the change from the year before in the figure's terms */
#ifndef STYR_DEVELOP_H
#define STYR_DEVELOP_H

#include "../core/period.h"
#include "../panel/panel.h"
#include "figures.h"

#define STYR_DEV_MONTHS 24
#define STYR_DEV_MAXGROUPS 8

typedef struct styr_dev_group {
    int g;                                           /* group index */
    styr_figval now[STYR_DEV_MONTHS], prev[STYR_DEV_MONTHS];
    styr_figval ytd, ytd_prev;
    const char *kilde;                               /* published figures stand in: their source; NULL the panel's */
} styr_dev_group;

typedef struct styr_dev {
    int fig;                                         /* FIG_* */
    int n;                                           /* months, 0 when there is no whole month */
    styr_period month[STYR_DEV_MONTHS], month_prev[STYR_DEV_MONTHS];
    styr_period ytd, ytd_prev;
    int wmin, wmax;                                  /* the panel's weeks: outside them is no data */
    int ngroups;
    styr_dev_group grp[STYR_DEV_MAXGROUPS];
} styr_dev;

/* The last month of a period (a week's, the month of its Thursday); 0 or -1. */
int styr_period_last_month(const styr_period *p, int *year, int *month);

/* Plan the development of figure fig up to the anchor: the last whole month
 * of the panel, or the last month of upto (when given) if that is earlier.
 * Writes the periods to look up (at most 2 * STYR_DEV_MONTHS + 2) to
 * per[] and their number to *nper. dv->n is 0 when the panel has no whole
 * month. */
void styr_dev_plan(const styr_panel *p, const styr_period *upto, int fig, styr_dev *dv, styr_period *per, int *nper);

/* The same over the weeks [wmin, wmax] where the data are (published
 * figures in a workspace without a panel): the anchor is the last month
 * whose weeks end by wmax. */
void styr_dev_plan_weeks(int wmin, int wmax, const styr_period *upto, int fig, styr_dev *dv, styr_period *per,
                         int *nper);

/* The value of the figure for period per and group g (discretion applied). */
typedef styr_figval (*styr_dev_lookup)(void *ctx, const styr_period *per, int g);

/* Add group g with its values from get. */
void styr_dev_fill(styr_dev *dv, int g, styr_dev_lookup get, void *ctx);

/* now against prev: percent change for counts and full-time recipients,
 * percentage points for shares, weeks for durations (as styr_change). */
styr_figval styr_dev_change(const styr_dev *dv, styr_figval now, styr_figval prev);

#endif
