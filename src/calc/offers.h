/* offers: who gets which offer, when, and what follows (spec §5), and the
 * tables behind the matched effect estimate (effect.h).
 *
 * An offer is a maximal run of consecutive weeks with the same tilbud within
 * one group (spec §5). The accumulator acc_offers.c runs in the engine's one
 * pass (styr_engine_opts.extra) and fills, per period of the pass:
 *   - offers started (by the week of the spell they start in, in bands), the
 *     persons behind them; offers ended, their summed length, and the status 4,
 *     13, 26 and 52 weeks after the end (job, selvforsørget, ydelse, not yet
 *     measurable); person-weeks in the group by offer kind (kind 0 = passive),
 *     so the share of full-time recipients in each kind follows;
 *   per (period, municipality and the country, group, offer kind, age band).
 * With effect set, also the observations of dynamic exact matching over the
 * weeks of the window [win_first, win_last] (issue 15), kept per person so
 * that the interval can be clustered by person (effect.h):
 *   - treated: the spell's first offer starts in week w of the spell (in the
 *     window); stratum (group, spell-week band, age band, sex, cluster, and the
 *     week's visitation and the origin where the panel carries them), by offer
 *     kind; outcomes read at w + 4, 13, 26, 52;
 *   - controls: every week of a spell in the group (in the window) before its
 *     first offer (a spell offered later is a control only until then), each
 *     week counting once: where the chance of an offer is the same within a
 *     band, the treated and the controls then spread alike over its weeks;
 *     consecutive weeks of a spell in one stratum make one observation;
 *   - both carry the weeks on public support in the 52 weeks after (for the
 *     benefit weeks saved) and, for the diagnostics, the age, the spell week,
 *     the weeks on public support in the 52 weeks before the spell and whether
 *     the person was in work 13 weeks before the spell (the placebo). */
#ifndef STYR_OFFERS_H
#define STYR_OFFERS_H

#include "../ws/workspace.h"
#include "engine.h"

#define STYR_NBANDS 16  /* spell weeks 1, 2, ..., 13 one by one, then 14-26, 27-52, 53+ */
#define STYR_NAGES 4    /* 16-29, 30-39, 40-49, 50-66 */
#define STYR_NSEX 3     /* unknown, M, K */

extern const char *const styr_band_names[STYR_NBANDS];
extern const char *const styr_age_names[STYR_NAGES];

/* Band of a 1-based spell week; band of an age. */
int styr_spell_band(int spell_week);
int styr_age_band(int age);

typedef struct styr_offer_cell {
    uint32_t started, started_p, stamp_s;
    uint32_t band[STYR_NBANDS];                    /* started, by spell week of the start */
    uint32_t ended, ended_p, stamp_e;
    uint64_t ended_len;
    uint32_t status[STYR_NHORIZONS][STYR_NSTATUS]; /* after the end */
    uint32_t weeks;                                /* person-weeks in the group with this kind */
} styr_offer_cell;

/* The outcomes of an effect observation: the four horizons and the placebo
 * (in work 13 weeks before the spell started). */
#define STYR_EH (STYR_NHORIZONS + 1)
#define STYR_EH_PLACEBO STYR_NHORIZONS

/* One observation: a treated person's first offer (kind > 0, n = 1) or a
 * control spell's consecutive weeks in one stratum (kind 0, n weeks). Per
 * outcome: of the n weeks, those measurable (m), in work, self-supporting. */
typedef struct styr_eobs {
    uint32_t person;               /* panel index: the cluster of the variance */
    uint32_t key;                  /* stratum (styr_stratum) */
    uint16_t n;                    /* weeks */
    uint8_t kind;                  /* 0: control weeks, else the offer kind of the treated */
    uint8_t pad;
    uint16_t m[STYR_EH], job[STYR_EH], selv[STYR_EH];
    uint16_t mben;                 /* weeks measurable 52 weeks on ... */
    uint16_t mprior;               /* ... and with the 52 weeks before the spell in the panel */
    uint32_t ben;                  /* weeks on public support in the 52 weeks after, summed over mben */
    uint32_t prior;                /* weeks on public support in the 52 weeks before the spell, over mprior */
    uint32_t age, sweek;           /* age and spell week, summed over the n weeks */
} styr_eobs;

/* The categories of one filter dimension (filter.h) that the offer tables
 * can be split by, besides the whole (issue 14 §1): every week of the panel
 * is in exactly one category of each, so the categories add up to the whole.
 *   VIS    the week's visitation (STYR_VIS_*: STYR_NVIS categories);
 *   UNGE   0 under 30, 1 30 and over or of unknown age (filter.h: unknown is never young);
 *   FLYGT  0 within 10 years of arrival as a refugee, 1 every other week;
 *   OPR    the person's origin (STYR_OPR_*: STYR_NOPR);
 *   ENH    the week's unit (panel index; 0 no unit: the panel's nenh, at least 1).
 * An offer is in the category of the week it starts in (started, and the
 * start's spell-week band) or ends in (ended, length, status after), the
 * weeks in offers in the categories of their weeks, as filter.h attributes. */
enum { STYR_OCAT_NONE, STYR_OCAT_VIS, STYR_OCAT_UNGE, STYR_OCAT_FLYGT, STYR_OCAT_OPR, STYR_OCAT_ENH };

typedef struct styr_offers {
    /* input */
    int cat_dim;                                   /* STYR_OCAT_*: also the tables of its categories */
    int effect;                                    /* fill the strata */
    int win_first, win_last;                       /* the effect's window (weeks) */
    int panel_first;                               /* the panel's first week (what lies before is unknown) */
    int ncl;                                       /* strata's last dimension: clusters x nvis x nopr */
    int nvis, nopr;                                /* the week's visitation and the person's origin are
                                                      matched on where the panel carries them (issue 14):
                                                      STYR_NVIS / STYR_NOPR, else 1 */
    int8_t cl_of[256];                             /* cluster of each municipality index, -1 none */
    /* output */
    int np, nk, ng, no;                            /* periods, municipalities + country, groups, kinds */
    int ncat;                                      /* categories of cat_dim (0 without) */
    styr_offer_cell *cell;                         /* [1 + ncat][np][nk][ng][no][NAGES]: the whole (with
                                                      the engine's filter), then each category's */
    size_t nstrata;                                /* ng x NBANDS x NAGES x NSEX x ncl (x visitation x origin) */
    styr_eobs *obs;                                /* the effect's observations, each person's together */
    size_t nobs;
    double net_week[256];                          /* with money: the country's net cost per benefit
                                                      week of each group in the first period */
} styr_offers;

extern const styr_acc styr_acc_offers;

static inline styr_offer_cell *styr_offer_at(const styr_offers *o, int p, int k, int g, int kind, int a)
{
    return &o->cell[((((size_t)p * (size_t)o->nk + (size_t)k) * (size_t)o->ng + (size_t)g) * (size_t)o->no +
                     (size_t)kind) * STYR_NAGES + (size_t)a];
}

static inline size_t styr_stratum(const styr_offers *o, int g, int band, int age, int sex, int cl)
{
    return ((((size_t)g * STYR_NBANDS + (size_t)band) * STYR_NAGES + (size_t)age) * STYR_NSEX + (size_t)sex) *
               (size_t)o->ncl + (size_t)cl;
}

/* The table of category c (0 .. ncat-1) of o as an offer table of its own
 * (sharing o's cells: valid while o is; no strata). */
styr_offers styr_offers_category(const styr_offers *o, int c);

void styr_offers_free(styr_offers *o);

/* Discretion of the offer tables (spec §8; offer_sdc.c). One row (period p,
 * group g, kind t) adds up over municipalities, clusters and the country,
 * and over age bands; its pattern hides primary cells (1-4 persons) and
 * hypercubes of complements, and only calendar years are published
 * (year_period 0: all hidden). area: a municipality index, nk - 1 the
 * country, nk + c cluster c; col: an age band, or STYR_NAGES for all ages.
 * Bit STYR_OH_STARTED hides offers started and the weeks in offers,
 * STYR_OH_ENDED offers ended and the status after. cl_of: the cluster of each
 * municipality index (-1 none). */
enum { STYR_OH_STARTED = 1, STYR_OH_ENDED = 2 };
unsigned styr_offer_hide(const styr_offers *o, int p, int g, int t, int area, int col, const int *cl_of, int year_period);

/* Discretion of the offer table of category c of a dimension (offer_sdc_cat.c)
 * against an attacker who holds the whole table (styr_offer_hide's pattern,
 * unchanged) and every category's: each category's own primaries and
 * hypercubes as styr_offer_hide's, each primary's hypercube chosen so that a
 * unit can move between its category and a partner category (the first, by
 * most offers in the primary's municipality, with which one exists, among
 * those whose sum with the primary cell rests on 5 or more persons where any
 * does - that sum is the whole minus the others; none: the row's
 * municipalities, clusters and country in both, with the partner that loses
 * least) and hidden in both,
 * so the move keeps the whole and every published margin: no hidden cell is
 * the whole minus the others; the whole's pattern (unchanged) is hidden in
 * its biggest category; a category whose cluster or country rests on 1-4
 * persons hides its clusters and country and a partner's. Under 30 or not
 * (STYR_OCAT_UNGE) is the age band 16-29 or not: its pattern follows the
 * whole's (offer_sdc.c), showing nothing the whole does not. The pattern of every category is computed
 * jointly, so every query of the dimension sees the same. o from
 * styr_offers_compute_cat; arguments otherwise as styr_offer_hide's. */
unsigned styr_offer_hide_cat(const styr_offers *o, int c, int p, int g, int t, int area, int col, const int *cl_of,
                             int year_period);

/* One engine pass over the workspace's panel for the periods per[0..nper) (the
 * offer flow) and, with window, the effect strata over its weeks (clusters of
 * the window's year). With money, cube gets the money figures of the periods
 * (net cost per benefit week for the cost per extra person in work); else the
 * cube is left empty. */
styr_rc styr_offers_compute(styr_ws *ws, const styr_period *per, int nper, const styr_period *window, int money,
                            int threads, styr_offers *out, styr_cube *cube, styr_diags *d);

/* The offer flow of the periods, whole and by the categories of cat_dim
 * (STYR_OCAT_*), in one pass, unfiltered; no strata, no money. */
styr_rc styr_offers_compute_cat(styr_ws *ws, const styr_period *per, int nper, int cat_dim, int threads,
                                styr_offers *out, styr_diags *d);

#endif
