/* effect: the matched estimate of an offer's effect, from the observations of
 * offers.h, with an interval clustered by person, the raw comparison beside it
 * and the diagnostics a researcher asks for (issue 15).
 *
 * Dynamic exact matching: persons who start their spell's first offer of a
 * kind in week w of the spell are compared with spells of the same group that
 * have reached week w without an offer yet, in the same stratum (spell-week
 * band, age band, sex, cluster; visitation and origin where the panel carries
 * them). Every control week counts once (offers.h). The estimand is the
 * effect of starting the offer now against not starting it now - the controls
 * may get an offer later, as the treated would have (Sianesi's "now or
 * later"). Within stratum s the treated share p_t,s (of n_t,s treated
 * measurable at the horizon) is compared with the controls' share p_c,s (of
 * W_s control weeks); the estimate is
 *     effect = sum_s n_t,s (p_t,s - p_c,s) / N,   N = sum_s n_t,s,
 * over the strata that are matched. A stratum needs STYR_EFFECT_MIN_CONTROLS
 * control observations; where a stratum with treated has fewer, the strata
 * that differ only in visitation and origin are pooled into one, and if that
 * has too few the treated in it are left out (counted as dropped).
 *
 * The interval: the estimate is a sum over observations, so its variance is
 * the variance of the sum of each person's influence
 *     I_i = sum over i's treated obs (Y - p_c,s - effect) / N
 *         - sum over i's control weeks n_t,s / (N W_s) (Y - p_c,s),
 * V = G / (G - 1) sum_i I_i^2 over the G persons (clustered by person: a
 * person's spells and weeks are not independent), and 95 pct. is effect -+
 * 1,96 sqrt(V). The treated term is centred on the controls' share plus the
 * effect, so a stratum with one treated still carries its variance (no
 * interval of width 0 unless every outcome is the same). An estimate is shown
 * only with STYR_EFFECT_MIN_TREATED matched treated or more.
 *
 * It is an estimate under the assumption that, within a stratum, who starts
 * an offer in week w does not depend on anything else that affects the
 * outcome; the placebo (the "effect" on being in work 13 weeks before the
 * spell started) and the balance of what is not matched on show where that
 * fails. */
#ifndef STYR_EFFECT_H
#define STYR_EFFECT_H

#include "offers.h"

#define STYR_EFFECT_MIN_TREATED 30
#define STYR_EFFECT_MIN_CONTROLS 3   /* control observations (spells) for a stratum to be matched */
#define STYR_EFFECT_THIN 10          /* below this many, a stratum's controls add their binomial variance */

/* Band schemes for the sensitivity check: the standard (weeks 1-13 one by one,
 * 14-26, 27-52, 53+), coarse (1-4, 5-8, 9-13, 14-26, 27-52, 53+), rough (1-13,
 * 14-52, 53+). */
enum { STYR_EB_STD, STYR_EB_COARSE, STYR_EB_ROUGH, STYR_NEB };

/* Balance: age (years), spell week, weeks on public support in the 52 weeks
 * before the spell. */
enum { STYR_BAL_AGE, STYR_BAL_SWEEK, STYR_BAL_PRIOR, STYR_NBAL };

typedef struct styr_effect {
    int g, kind, h;                 /* group, offer kind, outcome (styr_horizons index, or STYR_EH_PLACEBO) */
    uint32_t treated;               /* treated observations measurable at the horizon */
    uint32_t matched;               /* of them in matched strata */
    int strata, strata_dropped;     /* strata with treated; of them left out (too few controls, even pooled) */
    int strata_pooled;              /* strata pooled over visitation and origin */
    uint32_t persons;               /* persons behind the interval (clusters) */
    double controls;                /* control weeks in the matched strata */
    double p_t, p_c;                /* matched shares in work, pct. (controls weighted to the treated) */
    double effect, se, lo, hi;      /* in work: percentage points, standard error and 95 pct. interval */
    double effect_selv, lo_selv, hi_selv;   /* self-supporting */
    double raw, raw_selv;           /* unmatched differences, percentage points */
    double ben_saved;               /* benefit weeks saved in the 52 weeks after (matched), per treated */
    int ok;                         /* something was matched */
    int shown;                      /* ok, with STYR_EFFECT_MIN_TREATED matched or more */
    /* diagnostics, the same for every outcome of a kind: the treated (any horizon) and
     * of them matched; balance: the matched treated's mean, the controls' weighted to
     * them, all controls' (unmatched), and the treated's standard deviation */
    uint32_t treated_all, matched_all;
    double bal_t[STYR_NBAL], bal_c[STYR_NBAL], bal_raw[STYR_NBAL], bal_sd[STYR_NBAL];
} styr_effect;

/* Every offer kind and outcome of group g in one pass over the observations:
 * out[kind * STYR_EH + h] for kind 1 .. o->no - 1 (out[0 .. STYR_EH) unused);
 * bands: STYR_EB_*. out has o->no * STYR_EH elements. */
void styr_effect_group(const styr_offers *o, int g, int bands, styr_effect *out);

/* One kind and outcome (computes the group). */
void styr_effect_estimate(const styr_offers *o, int g, int kind, int h, styr_effect *out);

#endif
