/* effect: the matched estimate of an offer's effect, from the strata of
 * offers.h, and the raw comparison beside it.
 *
 * Dynamic exact matching: persons who start their spell's first offer of a
 * kind in week w of the spell are compared with spells of the same group that
 * have reached week w without any offer, in the same stratum (spell-week band,
 * age band, sex, cluster). Within a stratum s the treated share p_t,s (of n_t,s
 * observations measurable at the horizon) is compared with the controls'
 * weighted share p_c,s (weight W_c,s, each control spell counting at most once
 * per band); the estimate is the treated-weighted mean
 *     effect = sum_s n_t,s (p_t,s - p_c,s) / sum_s n_t,s
 * over the strata that have both (the others are dropped and counted). The
 * 95 pct. interval is effect -+ 1,96 sqrt(V) with
 *     V = sum_s (n_t,s / N)^2 [p_t,s (1 - p_t,s) / n_t,s + p_c,s (1 - p_c,s) / W_c,s],
 * a normal approximation that treats observations as independent (a person
 * with several spells counts in each). The raw difference compares all treated
 * with all control weeks of the group, unmatched. Both are in percentage
 * points. It is an estimate under the assumption that, within a stratum, who
 * starts an offer in week w does not depend on anything else that affects the
 * outcome. */
#ifndef STYR_EFFECT_H
#define STYR_EFFECT_H

#include "offers.h"

typedef struct styr_effect {
    int g, kind, h;                 /* group, offer kind, horizon index (styr_horizons) */
    uint32_t treated;               /* treated observations measurable at the horizon */
    uint32_t matched;               /* of them in strata with controls */
    int strata, strata_dropped;     /* strata with treated; of them without controls */
    double controls;                /* control weight (spells) in the matched strata */
    double p_t, p_c;                /* matched shares in work, pct. (controls weighted to the treated) */
    double effect, lo, hi;          /* in work: percentage points and 95 pct. interval */
    double effect_selv, lo_selv, hi_selv;   /* self-supporting */
    double raw, raw_selv;           /* unmatched differences, percentage points */
    double ben_saved;               /* benefit weeks saved in the 52 weeks after (matched), per treated */
    int ok;                         /* something was matched */
} styr_effect;

void styr_effect_estimate(const styr_offers *o, int g, int kind, int h, styr_effect *out);

#endif
