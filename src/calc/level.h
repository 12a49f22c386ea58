/* level: the level figures of spec §3 for one period, every municipality and
 * every benefit group, in one pass over the panel.
 *
 * For each (municipality, group) the pass counts the person-weeks in the
 * period, those with an offer, and the distinct persons; group index 0 holds
 * "offentligt forsørgede i alt", the sum over the groups ydelser.csv marks as
 * public support (a person counted once however many groups). From these:
 *   fuldtidspersoner = weeks / |P|
 *   aktiveringsgrad  = 100 x active weeks / weeks
 *   andel            = 100 x fuldtidspersoner / population 16-66
 * Sums over several municipalities (a cluster) are sums of the counts, never
 * means of ratios; persons are distinct within a municipality only, so a
 * cluster's persons may count a mover twice (as jobindsats does). */
#ifndef STYR_LEVEL_H
#define STYR_LEVEL_H

#include <stdint.h>

#include "../core/diag.h"
#include "../core/period.h"
#include "../panel/panel.h"
#include "../ws/codes.h"

typedef struct styr_level_cell {
    uint64_t weeks;     /* person-weeks in the period */
    uint64_t active;    /* of which with an offer */
    uint64_t persons;   /* distinct persons */
} styr_level_cell;

typedef struct styr_level {
    int nkom, nyd;
    int pweeks;             /* |P| */
    styr_level_cell *cell;  /* [nkom * nyd] */
} styr_level;

styr_rc styr_level_compute(const styr_panel *p, const styr_codes *codes, const styr_period *per, styr_level *out,
                           styr_diags *d);
void styr_level_free(styr_level *l);

static inline styr_level_cell *styr_level_at(const styr_level *l, int kom, int yd)
{
    return &l->cell[(size_t)kom * (size_t)l->nyd + (size_t)yd];
}

/* The discretion threshold of spec §8: figures resting on fewer persons are suppressed. */
#define STYR_DISCRETION 5

#endif
