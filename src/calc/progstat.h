/* progstat: progression between assessments and which indicators predict job
 * or education (issue 14 §3, styr progression).
 *
 * Changes. For every person, instrument and indicator, the assessments in
 * date order give a change between each two consecutive ones: in scale points
 * (a row's mean in points only when all its changes are on one and the same
 * scale, else not applicable) and normalised to 0-100 ((score - 1) /
 * (skala - 1) x 100, so a 1-5 and a 1-10 scale can be compared). Per
 * indicator: the mean change with a 95 pct. interval, and the share of changes
 * that are improvements (normalised change > 0). The interval is t-based and
 * clustered by person: Var(mean) = G/(G-1) x sum_g (sum_{i in g} (d_i -
 * mean))^2 / n^2 over the G persons, with G - 1 degrees of freedom; when every
 * person contributes one change this is the ordinary s^2/n interval. Broken
 * down by the offer kind the person had between the two assessments: the kind
 * with the most weeks from the first assessment's week to the second's (ties:
 * the first kind in the code table), "intet tilbud" when none.
 *
 * A change belongs to the municipality of the person's last record at or
 * before the second assessment's week (the first record when there is none);
 * an assessment (for the models) to that of the last record at or before its
 * week.
 *
 * Prediction. "I job eller uddannelse 6 (12) måneder efter vurderingen" is the
 * status in the week 26 (52) weeks after the assessment's week (spec §5 reads
 * status after the same way: the status in the horizon week), from
 * styr_status_in (engine.h): job counts, and education when the engine
 * reports it (progstat.c, in_job_or_education); a status styr does not know
 * counts as neither. An assessment whose horizon week lies beyond the panel's
 * last week is not yet measurable and left out (counted), never a failure.
 * One logistic regression (logit.h) per indicator and horizon, the score as
 * the regressor (scale points; 0-100 when the indicator's scales differ),
 * standard errors clustered by person when a person has several
 * assessments; optionally all indicators of an instrument together, on the
 * dates on which a person was scored on every one of them.
 *
 * Discretion (spec §8). A cell resting on 1-4 persons is suppressed; in the
 * breakdown by offer kind, whose rows add up to the indicator's total, a lone
 * suppressed row would follow from the total and the others, so the smallest
 * other row is suppressed with it. A model is shown only when at least 5
 * persons had the outcome and 5 did not. (Counts of persons or assessments
 * printed beside them, 1-4, are the writers' to hide: progout.h.) */
#ifndef STYR_PROGSTAT_H
#define STYR_PROGSTAT_H

#include <stddef.h>
#include <stdint.h>

#include "../panel/panel.h"
#include "../ws/codes.h"
#include "../ws/progression.h"
#include "logit.h"

#define STYR_PROG_MIN_PERSONS 5 /* spec §8: cells on 1-4 persons are suppressed */
#define STYR_PROG_NHORIZON 2
extern const int styr_prog_horizon_weeks[STYR_PROG_NHORIZON]; /* 26, 52: 6 and 12 months */

/* Which persons count, tested per person at a week (the assessment's week, or
 * for a change the second assessment's week). The core's target-group and
 * team filter (styr_filter, --maalgruppe/--enhed) plugs in here; NULL keeps
 * everyone. 1 keep, 0 leave out. */
typedef int (*styr_prog_keep_fn)(void *ctx, const styr_cols *c, uint64_t person, int week);

typedef struct styr_prog_opts {
    int kommune;               /* municipality index (codes), -1 all */
    int tilbud;                /* only the row of this offer kind between (index; 0 = no offer), under the
                                  whole breakdown's discretion pattern; -1 the total and every kind */
    styr_prog_keep_fn keep;    /* the target-group / team filter hook; NULL: none */
    void *keep_ctx;
    int samlet;                /* also the model of all indicators of an instrument together */
} styr_prog_opts;

typedef struct styr_prog_value {
    double v;
    int state;                 /* STYR_PV_OK, _SUPPRESSED "..", _NODATA "-", _NA "." */
} styr_prog_value;
enum { STYR_PV_OK, STYR_PV_SUPPRESSED, STYR_PV_NODATA, STYR_PV_NA };

/* One row of the change table: an indicator, all offer kinds (tilbud -1) or one. */
typedef struct styr_prog_row {
    uint16_t instrument, indikator; /* names in the styr_prog */
    int tilbud;                /* -1 the indicator's total; 0 no offer; else the offer kind */
    uint32_t persons, changes;
    int suppressed;            /* primary or secondary */
    styr_prog_value mean, lo, hi;          /* scale points (NA when scales differ) */
    styr_prog_value mean_n, lo_n, hi_n;    /* normalised 0-100 */
    styr_prog_value improved;              /* share of changes, 0-1 */
} styr_prog_row;

/* One model: an indicator (or all of an instrument's together) and a horizon. */
typedef struct styr_prog_model {
    uint16_t instrument;
    int indikator;             /* name index; -1 all the instrument's indicators together */
    int horizon;               /* weeks */
    int normalised;            /* the regressor is on 0-100, not scale points */
    int shown;                 /* 0: suppressed (fewer than 5 persons with or without the outcome) */
    int fitted;                /* 0: no fit (no variation, separation) */
    uint32_t persons, pending; /* persons behind the observations; assessments not yet measurable */
    uint32_t persons_events, persons_nonevents;
    int nx;                    /* regressors after the constant */
    uint16_t x_name[STYR_LOGIT_MAXK]; /* the regressors' indicator names */
    styr_logit fit;            /* b[0] the constant, b[1..nx] per point */
} styr_prog_model;

typedef struct styr_prog_result {
    styr_prog_row *rows;
    size_t nrows;
    styr_prog_model *models;
    size_t nmodels;
    uint32_t persons;          /* persons with an assessment that count */
    uint32_t assessments;
    int panel_last;            /* the panel's last week */
} styr_prog_result;

/* Compute the change table and the models from p (sorted as styr_prog_sort)
 * on the panel c (public_yd: codes' yd_public). The caller frees with
 * styr_prog_result_free. */
void styr_prog_compute(const styr_prog *p, const styr_cols *c, const styr_codes *codes, int panel_last,
                       const styr_prog_opts *o, styr_prog_result *out);

void styr_prog_result_free(styr_prog_result *r); /* NULL-safe */

/* Mean of n values d with a 95 pct. t interval clustered by g (n cluster ids,
 * equal ids adjacent or not): *m, *lo, *hi. Returns the number of clusters;
 * with fewer than 2 the interval is not computed (*lo = *hi = *m). */
int styr_prog_mean_ci(const double *d, const uint32_t *g, size_t n, double *m, double *lo, double *hi);

/* Secondary suppression over rows [0, n) of one breakdown whose total is not
 * suppressed: when exactly one row is suppressed, suppress also the other row
 * with the fewest persons (ties: the first). Returns the row suppressed, -1 none. */
int styr_prog_secondary(styr_prog_row *rows, size_t n);

#endif
