/* profile: a municipality's profile in words, as KL's "temperaturmåling"
 * states it: where it differs from its cluster and by how much, strongest
 * first, split into strengths and challenges, e.g.
 *   "I har færre på sygedagpenge end klyngen (2,0 pct. mod 2,2 pct. i klyngen)."
 * For all public support and each public group: the share of the population,
 * the young's share, duration, long-term spells, activation, in work after 3
 * months, and the development of the share against the cluster's. A level is
 * stated when it departs at least 5 pct. from the cluster's (relative) and the
 * two differ as shown; a development when the two changes differ by at least
 * 3 percentage points. No sentence is made from a suppressed value. */
#ifndef STYR_PROFILE_H
#define STYR_PROFILE_H

#include "../calc/bench.h"

#define STYR_PROFILE_MAX 96
#define STYR_PROFILE_SHOW 6   /* statements of each kind a reader is shown */

typedef struct styr_statement {
    int strength;                /* +1 strength, -1 challenge */
    double weight;               /* how strongly it departs (for the order) */
    int g;                       /* group */
    const char *fig;             /* figure key */
    char text[320];
} styr_statement;

typedef struct styr_profile {
    int n;
    styr_statement s[STYR_PROFILE_MAX];   /* strengths and challenges, each strongest first */
} styr_profile;

/* The profile of municipality k against the area in[] in period p (development
 * from pprev, -1 none). */
void styr_profile_make(const styr_bdata *b, int p, int pprev, int k, const uint8_t *in, styr_profile *out);

/* "på sygedagpenge", "i fleksjob", "på offentlig forsørgelse" (or English). */
const char *styr_group_phrase(const styr_codes *c, int g, char *buf, size_t cap);

#endif
