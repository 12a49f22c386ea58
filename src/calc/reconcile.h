/* reconcile: the state's Ydelsesrefusion against styr's refusion rules.
 *
 * For every person-week of the catalog table ydelsesrefusion (yr.h) styr
 * works out the rate its rules give (rules.h: the regime in force, the 2016
 * trappe with the person's count and its 52-in-156 restart, derived by the
 * engine from the person's weeks in the panel, exactly as styr money counts
 * them) and compares it with the rate and amount the state used:
 *   - groups of the refusion class "forsikret" (a-dagpenge) are co-financed:
 *     the rate is the municipality's share s (Medfinansieringssats), the
 *     amount Medfinansieringsbeløb;
 *   - every other group gets refusion: the rate is 1 - s (Refusionssats), the
 *     amount Refusionsbeløb.
 * styr's amount = the paid amount (Beregnet udbetalingsbeløb) x styr's rate,
 * rounded to øre (styr_round); the difference = the state's amount - styr's.
 * A week differs when the rates differ or the difference is at least 0,01 kr.
 * In a week with two benefits the count is the week's count (the import puts
 * a benefit that counts on the trappe into the panel before one that does not).
 * Totals per calendar month (of the week's Thursday) and group. */
#ifndef STYR_RECONCILE_H
#define STYR_RECONCILE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/period.h"
#include "../ingest/cpr.h"
#include "../ws/workspace.h"

typedef struct styr_recon_week {
    char pseudonym[STYR_PSEUDONYM_LEN + 1];
    int week;                          /* week index */
    int yd;                            /* group index */
    int kommune;                       /* code */
    int medfin;                        /* 1: co-financing; 0: refusion */
    int n;                             /* styr's trappe count (0: not counted) */
    double udbetalt;
    double statens_sats, styr_sats;    /* pct. */
    double statens_beloeb, styr_beloeb, forskel_kr;
    int differs;
} styr_recon_week;

typedef struct styr_recon_total {
    int year, month;                   /* month 0: all months (the grand total of the group) */
    int yd, medfin;
    uint64_t weeks, differing;
    double udbetalt, statens_beloeb, styr_beloeb, forskel_kr;
} styr_recon_total;

typedef struct styr_recon {
    int has_table;                     /* 0: the workspace holds no Ydelsesrefusion rows */
    styr_recon_week *w;                /* person-weeks in scope, by week, group, municipality, pseudonym */
    size_t nw;
    styr_recon_total *t;               /* by month and group, then each group over all months */
    size_t nt;
    uint64_t ndiff;
} styr_recon;

typedef struct styr_recon_opts {
    const styr_period *maaned;         /* only the weeks of this period; NULL: all */
    int kommune;                       /* only this municipality (code); 0: all */
    int threads;                       /* engine threads (0: all cores) */
} styr_recon_opts;

styr_rc styr_reconcile_yr(styr_ws *ws, const styr_recon_opts *o, styr_recon *out, styr_diags *d);
void styr_recon_free(styr_recon *r);

#endif
