/* followup: the monthly budget follow-up of one group (KL: "følg løbende op").
 *
 * Given a budget row (ws/budget.h) and what the panel shows for the months
 * January..m of the budget year, it computes
 *   - the budget: forsørgelse = fuldtidspersoner x pris; indsats =
 *     fuldtidspersoner x aktiveringsgrad x udgift_pr_tilbud (when both are
 *     given); administration = sagsbehandlere x udgift_pr_sagsbehandler;
 *     spread over the months by the profile m01..m12, or by weeks;
 *   - the actual to date: net cost (regime in force) of the weeks so far, the
 *     offers as active full-time years x the budget's cost per offer, and the
 *     administration at budget;
 *   - a year-end forecast from the run rate of the last three months (fewer
 *     in January and February): for the rest of the year's weeks, net cost,
 *     weeks on the benefit and weeks in an offer go on as in those months, and
 *     new persons arrive as in those months (persons_new per week of the window);
 *   - the forecast's departure from the budget split exactly into drivers:
 *       personer     (N_f/N_b - 1) x F_b x U_b
 *       varighed     (F_f - F_b x N_f/N_b) x U_b
 *       (fuldtid     (F_f - F_b) x U_b, when the budget names no persons)
 *       aktivering   F_f x (A_f - A_b) x udgift_pr_tilbud
 *       pris         F_f x (P_f - P_b)
 *     with F full-time recipients, N persons, A activation, P net cost per
 *     full-time recipient and U_b = P_b + A_b x udgift_pr_tilbud the budget's
 *     cost of one full-time recipient; b = budget, f = forecast. The drivers
 *     sum to forecast - budget;
 *   - a warning when |forecast - budget| > threshold x budget, naming the
 *     driver that contributes most in the direction of the departure. */
#ifndef STYR_FOLLOWUP_H
#define STYR_FOLLOWUP_H

#include "../ws/budget.h"

enum { STYR_DRV_PERSONER, STYR_DRV_VARIGHED, STYR_DRV_FULDTID, STYR_DRV_AKTIVERING, STYR_DRV_PRIS, STYR_NDRIVERS };

/* What the panel shows for one municipality and group in the budget year. */
typedef struct styr_fu_actual {
    int mweeks[12];              /* weeks in each month (the periods YYYYMmm) */
    double weeks[12];            /* person-weeks on the benefit in each month */
    double active[12];           /* of them in an offer */
    double net[12];              /* net municipal cost (kr., regime in force) */
    double persons_ytd;          /* distinct persons January..m */
    double persons_new;          /* of them, new in the run-rate window: not on the benefit in
                                    January..m-3, or (m <= 3) with a spell that began this year */
} styr_fu_actual;

typedef struct styr_followup {
    int month, weeks_year, weeks_elapsed, window;  /* m, W, weeks of Jan..m, months in the run rate */
    /* budget: the year, by part, and to date; per month */
    double b_fors, b_ind, b_adm, b_total, b_ytd, b_month[12];
    /* actual to date */
    double a_fors, a_ind, a_adm, a_total, a_month[12];
    double a_fte, a_akt, a_persons;                /* full-time (average so far), activation pct., persons */
    /* forecast for the year */
    double f_fors, f_ind, f_adm, f_total;
    double f_fte, f_persons, f_varighed, f_akt, f_pris;
    double diff, diff_pct;                          /* forecast - budget, and in pct. of the budget */
    double drv[STYR_NDRIVERS];
    int main_driver;                                /* -1 when there is no departure */
    int warn;
    double caseload, caseload_budget;               /* cases (full-time) per caseworker; NAN unknown */
} styr_followup;

/* Follow up budget b through month m (1-12) of its year; threshold is a share
 * (0.02 for 2 %). */
void styr_followup_compute(const styr_budget *b, const styr_fu_actual *a, int month, double threshold,
                           styr_followup *out);

/* Add group g's follow-up into a total (drivers, money, full-time, persons);
 * styr_followup_finish then sets the total's percentages, driver and warning. */
void styr_followup_add(styr_followup *total, const styr_followup *g);
void styr_followup_finish(styr_followup *total, double threshold);

/* The cap on ØVO and mentor spending (ws/oevoloft.h, L 77 2025-26) beside the
 * indsats element. For a budgeted group in the target group the cap is the
 * amount per full-time person x the group's full-time persons, on the budget
 * (fuldtidspersoner) and on the forecast (the forecast's full-time persons,
 * the base the ministry settles the year on); the spending set against it is
 * the group's indsats element: budget, actual to date, forecast. The total
 * adds the target groups. Reading chosen: styr's indsats is the cost of all
 * offers (udgift_pr_tilbud), so it is an upper bound on the ØVO and mentor part
 * of it, and a warning says the budget or forecast may exceed the cap; groups
 * without a budget row are not counted (the cap is on the budgeted groups). */
typedef struct styr_fu_cap {
    int state;                   /* styr_loft_state: NA (before the law, or not a target
                                    group), NODATA (no amount for the year), VALUE */
    double kr;                   /* per full-time person (NAN unless VALUE) */
    double fte_b, fte_f;         /* full-time persons: budget, forecast */
    double cap_b, cap_f;         /* the cap on the budget and on the forecast */
    double ind_b, ind_a, ind_f;  /* indsats: budget, actual to date, forecast */
    int warn_b, warn_f;          /* budget / forecast above the cap */
} styr_fu_cap;

/* Group: state and kr from the year's table (NA for a group outside the
 * target group, with kr NAN). Total: styr_fu_cap_total with the year's state,
 * then styr_fu_cap_add for each group. */
void styr_fu_cap_group(styr_fu_cap *c, int state, double kr, const styr_budget *b, const styr_followup *f);
void styr_fu_cap_total(styr_fu_cap *t, int year_state);
void styr_fu_cap_add(styr_fu_cap *t, const styr_fu_cap *g);

/* The Danish / English name of a driver in the direction of its sign
 * ("flere personer" / "færre personer"). */
const char *styr_driver_name(int driver, double value);

#endif
