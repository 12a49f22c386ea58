/* pubind: the published indicators of KL's municipal profile (seed 001,
 * issue 16 §5) that styr's panel cannot give:
 *   SANKTION        the sanction rate: sanctions in pct. of the recipients of
 *                   kontanthjælp (jobindsats),
 *   VIRKSOMHEDER    the share of the municipality's companies the job centre
 *                   cooperates with (jobindsats),
 *   YDELSE_PR_INDB  the cost of benefits (forsørgelse) per inhabitant, kr.
 *                   (Statistikbanken: the municipal accounts by function over
 *                   the population),
 *   AKTIV_PR_FTE    the spending on the active effort per full-time recipient,
 *                   kr. (the accounts over the full-time persons).
 * Which table and measure feeds each is data (data/profil_indikatorer.csv),
 * read from the published figures the workspace holds (ws/public.h: styr
 * import / styr hent of those tables). Each is kept as a numerator and a
 * denominator per municipality, so a cluster is the sum over the sum, never a
 * mean of ratios; a value the source suppressed stays suppressed. Where no
 * table is held, the indicator is absent (has 0), never zero. */
#ifndef STYR_PUBIND_H
#define STYR_PUBIND_H

#include "../ws/workspace.h"
#include "figures.h"

enum { STYR_PI_SANKTION, STYR_PI_VIRKSOMHEDER, STYR_PI_YDELSE_PR_INDB, STYR_PI_AKTIV_PR_FTE, STYR_NPI };

typedef struct styr_pubind {
    int year;                                    /* the calendar year of the values */
    int has[STYR_NPI];                           /* the workspace holds the indicator's table for year */
    int has_prev[STYR_NPI];                      /* ... and for year - 1 */
    /* per municipality index (codes), and index nk for the whole country: */
    double num[STYR_NPI][2][STYR_MAX_KOMMUNER + 1];   /* [i][0 year, 1 year - 1] */
    double den[STYR_NPI][2][STYR_MAX_KOMMUNER + 1];
    uint8_t state[STYR_NPI][2][STYR_MAX_KOMMUNER + 1]; /* STYR_FV_OK, _SUPPRESSED or _NONE */
    char kilde[STYR_NPI][160];                   /* "jobindsats y36a08, hentet 2026-11-29" */
} styr_pubind;

/* The figure definition of indicator i (its JSON key, names, unit, decimals;
 * its direction is in data/profil_retninger.csv, not here). */
const styr_figdef *styr_pubind_def(int i);

/* Load the indicators for calendar year (and year - 1). */
styr_rc styr_pubind_load(styr_ws *ws, int year, styr_pubind *out, styr_diags *d);

/* Value of municipality index k (nk: the country), or of the area in[] (sum
 * over sum; suppressed when a member is), for year (prev 0) or year - 1 (prev 1). */
styr_figval styr_pubind_value(const styr_pubind *pi, int i, int prev, int k);
styr_figval styr_pubind_area(const styr_pubind *pi, int i, int prev, const uint8_t *in, int nk);

#endif
