/* scorecard: spec §6, the pilot job centres' three indicators for a group.
 *
 *   flere i job      level: fuldtidspersoner as % of the population 16-66;
 *                    development: % change from the same period a year before
 *   hurtigere i job  level: varighed (mean weeks of spells ended in the period);
 *                    development: change in weeks
 *   fastholdt i job  level: i job efter 3 mdr.; development: change in
 *                    percentage points
 * each beside the cluster's (the cluster as one area) and marked better or
 * worse by the figure's direction (a development is better when it moves
 * further in the better direction than the cluster's). The period is the one
 * asked for; the pilots read "the last 12 months", which is a year or a
 * rolling 12 months (2024M09R12). */
#ifndef STYR_SCORECARD_H
#define STYR_SCORECARD_H

#include "bench.h"

enum { SC_FLERE, SC_HURTIGERE, SC_FASTHOLDT, STYR_NSCORE };

typedef struct styr_score {
    const styr_figdef *def;          /* the level figure */
    const char *da, *en;             /* the indicator's name */
    styr_figval own, cluster;        /* level */
    styr_figval dev_own, dev_cluster;
    int dev_pct;                     /* development in percent (else in the figure's unit) */
    int mark, dev_mark;              /* +1 better than the cluster, -1 worse, 0 equal or not comparable */
} styr_score;

typedef struct styr_scorecard {
    int g;                           /* group */
    styr_score s[STYR_NSCORE];
} styr_scorecard;

/* +1 when own is better than ref by direction better, -1 worse, 0 equal at
 * the shown precision (decimals); STYR_MARK_NA when either is not a value
 * (suppressed, no data) or the figure has no direction: never "as the cluster". */
#define STYR_MARK_NA 2
int styr_mark(styr_figval own, styr_figval ref, int better, int decimals);

/* Relative change in percent, 100 (now - prev) / prev (none when prev is 0). */
styr_figval styr_pct_change(styr_figval now, styr_figval prev);

/* The scorecard of municipality k in group g for period p against the area in[],
 * with development from pprev (-1: none). */
void styr_scorecard_make(const styr_bdata *b, int p, int pprev, int k, const uint8_t *in, int g, styr_scorecard *sc);

#endif
