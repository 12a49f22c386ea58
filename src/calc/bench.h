/* bench: a municipality against its cluster (spec §7), on any figure.
 *
 * A metric is a key figure (figures.h) or a money figure under the regime in
 * force each week (money.h), named by its JSON key. styr_bdata holds the counts
 * of every municipality and group for the periods asked for, with the
 * populations they are divided by, so that a value can be computed for one
 * municipality or for any set of municipalities as one area (the sum of the
 * numerators over the sum of the denominators, never a mean of ratios).
 *
 * styr_bench_make gives what KL's benchmark shows: the own value, the
 * cluster's level, the best member, the rank (1 = best, ties share the better
 * rank), the development from the same period a year before for both, and the
 * potential against the level and against the best for figures per
 * inhabitant. Discretion (spec §8) applies to every value; a member whose value
 * is suppressed is neither ranked nor named best. */
#ifndef STYR_BENCH_H
#define STYR_BENCH_H

#include "money.h"
#include "query.h"

typedef struct styr_metric {
    const styr_figdef *def;
    int fig;     /* key figure (styr_fig), or -1 */
    int money;   /* money figure (MONEY_*), or -1 */
} styr_metric;

/* The metric with this key (money keys need md, else NULL). Returns 0 or -1. */
int styr_metric_by_key(const char *key, const styr_money_defs *md, styr_metric *out);

typedef struct styr_bdata {
    styr_qresult res;          /* every municipality and group for the periods */
    const styr_codes *codes;
    styr_rules *rules;         /* loaded when money figures are asked for, else NULL */
    styr_money_defs mdefs;
    double *pop1864;           /* [np][nk+1] population 18-64 (money per inhabitant) */
    int nk;                    /* municipalities; index nk is the whole country */
    int own;                   /* municipality index shown without discretion, -1 none */
} styr_bdata;

/* Counts for every municipality and group in the periods per[0..nper-1]
 * (stored counts are used; store what was computed with styr_query_store on
 * b->res after closing the workspace). own: the municipality index to show
 * unsuppressed, or -1. */
styr_rc styr_bdata_load(styr_ws *ws, const styr_period *per, int nper, int money, int own, int threads,
                        styr_bdata *b, styr_diags *d);
/* The same for the figures of a target group, origin or unit (filter.h;
 * NULL or inactive: styr_bdata_load). */
styr_rc styr_bdata_load_filtered(styr_ws *ws, const styr_period *per, int nper, int money, int own, int threads,
                                 const styr_filter *filter, styr_bdata *b, styr_diags *d);
void styr_bdata_free(styr_bdata *b);

/* The source of municipality k's figures in group g, period index p, when
 * they are published ones ("jobindsats y01a02, hentet 2026-11-29"), else NULL. */
const char *styr_bdata_source(const styr_bdata *b, int p, int k, int g);

/* Value of one municipality (k < nk) or the country (k == nk), group g (0 =
 * all public support), period index p. */
styr_figval styr_bdata_value(const styr_bdata *b, const styr_metric *m, int p, int k, int g);

/* Value of the municipalities with in[k] set, as one area. */
styr_figval styr_bdata_area(const styr_bdata *b, const styr_metric *m, int p, const uint8_t *in, int g);

/* Population an area's per-inhabitant figure is divided by (16-66, 16-29 or 18-64). */
double styr_bdata_pop(const styr_bdata *b, const styr_metric *m, int p, const uint8_t *in);

/* ---- the pure parts (tested by hand) --------------------------------------------------- */

/* Rank of v[own] among v[0..n-1] by direction better (+1 higher is better, -1
 * lower): 1 + the number of values strictly better, so ties share the better
 * rank. Only STYR_FV_OK values take part; *nranked gets their number. 0 when
 * v[own] is not OK or the figure has no direction. */
int styr_rank(const styr_figval *v, int n, int own, int better, int *nranked);

/* Index of the best OK value (the first of equals), or -1. */
int styr_best(const styr_figval *v, int n, int better);

/* Development from prev to now: percentage points for a percentage, weeks
 * for a duration, else percent change (none when prev is 0). */
styr_figval styr_change(styr_figval now, styr_figval prev, styr_unit unit);

/* Whether a metric is a volume or cost per inhabitant, so that a potential
 * exists, and the unit of that potential: full-time recipients for a share of
 * the population, kr. for a cost per inhabitant; 0 otherwise. */
styr_unit styr_metric_potential_unit(const styr_metric *m, int *has);

/* What doing as well as ref frees: (own - ref) x population, for a share in
 * percent divided by 100; 0 when own is not worse. None when either is not OK. */
styr_figval styr_potential_of(const styr_metric *m, styr_figval own, styr_figval ref, double population);

typedef struct styr_bench {
    styr_figval own, level, best;
    int best_kom;              /* municipality index of the best, -1 */
    int rank, nranked, nmembers;
    styr_figval own_prev, level_prev, dev_own, dev_level;
    styr_figval pot_level, pot_best;
    int has_potential;
    styr_unit pot_unit;
} styr_bench;

/* Municipality k against the area in[] (its cluster) for group g in period p,
 * with development against period pprev (-1: none). */
void styr_bench_make(const styr_bdata *b, const styr_metric *m, int p, int pprev, int k, int g, const uint8_t *in,
                     styr_bench *out);

/* in[k] for the members of municipality k's cluster in cl (none: all zero);
 * returns the number of members. */
int styr_cluster_members(const int *of, int nk, int k, uint8_t *in);

/* The source of a value that comes from published figures (calc/pubfig.h,
 * "jobindsats y01a02, hentet ..."), NULL where it is styr's own or no data. */
const char *styr_bdata_kilde(const styr_bdata *b, const styr_metric *m, int p, int k, int g);

#endif
