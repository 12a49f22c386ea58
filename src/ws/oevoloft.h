/* oevoloft: the cap on the municipality's spending on øvrig vejledning og
 * opkvalificering (ØVO) and mentor support, as the catalog keeps it (table
 * oevo_loft, from data/oevo_loft.csv).
 *
 * L 77 (2025-26), lov om en aktiv beskæftigelsesindsats § 203 a, in force from
 * 1 January 2026: the municipality's spending on ØVO and mentor support counts
 * in the budget guarantee up to a limit of a fixed amount (10.602 kr. in 2026)
 * per full-time person in the target group (§ 6, nr. 1-10, fleksjob not
 * counted). The table holds, per year, the amount and the benefit groups it
 * applies to; the reading of § 6, nr. 1-10 as styr's groups is in the table
 * (and argued in tools/gen_satser.py), not in code: dagpenge, kontanthjælp,
 * uddannelseshjælp, sygedagpenge, jobafklaring, ressourceforløb, revalidering
 * and ledighedsydelse are in; fleksjob (excluded by the law), førtidspension,
 * the other groups and integration (the integration programme has a limit of
 * its own) are out.
 *
 * The states: a year before the table's first year is not applicable (the law
 * was not in force); a later year the table does not hold has no data (the
 * limit of years after 2026 follows a regulation not yet published). A catalog
 * made before the table existed reads as an empty table whose first year is
 * 2026, the law's first year. */
#ifndef STYR_OEVOLOFT_H
#define STYR_OEVOLOFT_H

#include <stdint.h>

#include "workspace.h"

typedef enum { STYR_LOFT_NA = 0, STYR_LOFT_NODATA = 1, STYR_LOFT_VALUE = 2 } styr_loft_state;

typedef struct styr_oevo_loft {
    styr_loft_state state;
    int first_year;                    /* the table's first year */
    double kr[STYR_MAX_CODES];         /* per group; NAN: the group is not in the target group */
    char kilde[256];                   /* the source of the year's row (the first group's) */
} styr_oevo_loft;

/* The cap for year aar. */
styr_rc styr_oevo_loft_get(styr_ws *ws, int aar, styr_oevo_loft *out, styr_diags *d);

#endif
