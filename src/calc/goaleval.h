/* goaleval: the follow-up of a result goal (ws/goals.h): its latest value,
 * the path so far, a forecast and a status.
 *
 *   latest    the figure for the goal year so far (år til dato, January to
 *             the last whole month in the panel), or the whole year
 *   path      the figure month by month
 *   forecast  the year's value when the remaining months follow the linear
 *             trend of the months so far (least squares over the months with
 *             a value; the last value when fewer than three), the months
 *             weighted by their weeks; the latest value when the year is done
 *   target    MAX/MIN: the level; CLUSTER: the cluster's value for the same
 *             months; CHANGE: last year's value x (1 + p/100)
 *   status    nået / ikke nået when the year is complete; while it runs,
 *             på vej when the forecast meets the target, else ikke nået
 *             (by the forecast). Unknown when a value is suppressed or missing;
 *             no data when the goal year has not begun in the panel. */
#ifndef STYR_GOALEVAL_H
#define STYR_GOALEVAL_H

#include "../ws/goals.h"
#include "bench.h"

/* NODATA: the goal year has not begun in the data (never "nået"). */
enum { STYR_GS_REACHED, STYR_GS_ON_TRACK, STYR_GS_NOT_REACHED, STYR_GS_UNKNOWN, STYR_GS_NODATA };

typedef struct styr_goal_eval {
    int months;                  /* months of the goal year in the data (12: complete) */
    styr_figval path[12];
    styr_figval latest, forecast, target, baseline;
    int status;
} styr_goal_eval;

/* The year's value from ytd (the months 1..m) and path[0..m-1], weeks per month mweeks[12]. */
styr_figval styr_goal_forecast(styr_figval ytd, const styr_figval *path, const int *mweeks, int m);

/* Whether value meets target for a goal of this kind on a figure with direction better
 * (CHANGE: the sign of pct says the direction). */
int styr_goal_meets(styr_goal_kind kind, double pct, int better, double value, double target);

/* Status from the year's completeness and the values; see above. "Better than
 * the cluster" is judged at the figure's decimals, as the reader sees it. */
int styr_goal_status(const styr_goal *g, int better, int decimals, int complete, styr_figval latest,
                     styr_figval forecast, styr_figval target);

/* The periods a goal's follow-up needs for year aar up to month m (1..12):
 * the year, the year before, the months and the year to date. Appends to per
 * (room for 16); returns the number appended. */
int styr_goal_periods(int aar, int m, styr_period *per);

/* Months of year aar in the panel: 12 when the year is complete, 0 when it
 * has not begun, else the last whole month. */
int styr_goal_months(const styr_panel *p, int aar);

/* The same where the panel has no whole month: the months of aar the
 * published figures pf (calc/pubfig.h) span, so that a workspace with only
 * published figures follows its goals month by month (pf may be NULL). */
int styr_goal_months_pub(const styr_panel *p, const struct styr_pubfig *pf, int aar);

/* Evaluate goal g of municipality index k (the figure m, the cluster in[])
 * with data up to month months (1..12) of the goal year. */
void styr_goal_evaluate(const styr_bdata *b, const styr_goal *g, const styr_metric *m, int k, const uint8_t *in,
                        int months, styr_goal_eval *out);

/* The same with the figure's values from a function: value(ctx, period name,
 * 0 for the municipality or 1 for its cluster) (goals on offers use the offer
 * tables). */
typedef styr_figval (*styr_goal_value_fn)(void *ctx, const char *period, int cluster);
void styr_goal_evaluate_with(const styr_goal *g, const styr_figdef *def, styr_goal_value_fn value, void *ctx,
                             int months, styr_goal_eval *out);

/* For a goal on offers: the horizon (index of styr_horizons) and whether the
 * figure counts self-support (selvforsoerget_*) or work (i_job_*); -1 for
 * another figure. */
int styr_goal_offer_figure(const char *key, int *h, int *selv);

/* Every goal g[0..n) of municipality index k: group figures from b (which
 * must hold the goals' periods, styr_goal_periods), goals on offers from one
 * more pass over the panel; each against the municipality's cluster of the
 * goal's year; intern: no discretion for k. */
styr_rc styr_goals_evaluate_all(styr_ws *ws, const styr_panel *p, const styr_bdata *b, const styr_goal *g, size_t n,
                                int k, int intern, styr_goal_eval *out, styr_diags *d);

/* Status names: "nået", "på vej", "ikke nået", "ukendt", "ingen data" (or English), and JSON keys. */
const char *styr_goal_status_text(int status);
const char *styr_goal_status_key(int status);

/* The goals of a unit the panel knows (the column enhed, calc/filter.h),
 * evaluated again on that unit's weeks, with the unit's own discretion
 * pattern: ev[i] replaced and in_panel[i] set for each such goal i (goals of
 * units the panel does not know keep the whole municipality's evaluation).
 * per[0..nper) are the periods the goals need. */
styr_rc styr_goals_by_unit(styr_ws *ws, const styr_panel *p, const styr_period *per, int nper, const styr_goal *g,
                           size_t n, int k, int intern, styr_goal_eval *ev, uint8_t *in_panel, styr_diags *d);
#endif
