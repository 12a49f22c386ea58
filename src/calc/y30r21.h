/* y30r21: STAR's benchmark "forventet mod faktisk" (jobindsats Y30R21) read
 * from the public figures of the workspace (ws/public.h), and the comparable
 * municipalities it gives.
 *
 * The table holds, per municipality, period and benefit group, the expected
 * and actual number of full-time persons on public support, their difference
 * (actual - expected), the expected and actual share (pct.), the difference
 * in percentage points and, in most releases, the place on the benchmark
 * list (sources.md §1). Measures are recognised by their meaning, not by the
 * full label, because the label joins a measure group and a measure with ": "
 * and releases have written both parts slightly differently:
 *   "forskel" + "pct. point"/"procentpoint"  -> forskel_pct_point
 *   "forskel" + "antal"                      -> forskel_antal
 *   "forventet andel" / "forventet antal"    -> forventet_andel / _antal
 *   "faktisk andel" / "faktisk antal"        -> faktisk_andel / _antal
 *   "placering"                              -> placering
 * (case-insensitive; the difference is tested first since its label names
 * both "forventet" and "faktisk"). The group is the value of the dimension
 * "Ydelsesgrupper" (any dimension whose value is one of the four group labels);
 * a row without such a dimension is "Ydelsesgrupper i alt".
 *
 * Ranks: where the table carries a place, it is shown as published; styr's
 * own rank is always computed as well: by forskel_pct_point ascending (1 =
 * the most below the expected share, the best), ties sharing the best rank,
 * only municipalities with a value taking part. Published ranks come from
 * unrounded values, so among equal rounded differences they may differ from
 * styr's; styr_y30_rank_agrees says whether they agree apart from that.
 *
 * Library code: nothing is printed. */
#ifndef STYR_Y30R21_H
#define STYR_Y30R21_H

#include "../ws/codes.h"
#include "../ws/public.h"

/* The benefit groups of the table, with the keys of --ydelse. */
enum { Y30_I_ALT = 0, Y30_DAGPENGE, Y30_SYGEDAGPENGE, Y30_KONTANTHJAELP, Y30_NGROUPS };

/* The measures. */
enum {
    Y30_FORV_ANTAL = 0, Y30_FAKT_ANTAL, Y30_FORSKEL_ANTAL,
    Y30_FORV_ANDEL, Y30_FAKT_ANDEL, Y30_FORSKEL_PP,
    Y30_PLACERING, Y30_NMEAS
};

/* "i_alt", "dagpenge_mv", "sygedagpenge_mv", "kontanthjaelp_mv"; the published
 * labels "Ydelsesgrupper i alt", "A-dagpenge mv.", ... */
const char *styr_y30_group_key(int g);
const char *styr_y30_group_label(int g);
/* The group of a --ydelse key (also the published label, case-insensitive), or -1. */
int styr_y30_group_by_key(const char *s);
/* The group named in a public row's dims ("Ydelsesgrupper=A-dagpenge mv."),
 * Y30_I_ALT when no dimension names a group, -1 when the group dimension
 * holds something else. */
int styr_y30_group_of_dims(const char *dims);

/* The measure a published label means, or -1 (see above). */
int styr_y30_measure_of(const char *maal);
/* JSON keys of the measures ("forventet_antal", ... "placering"). */
const char *styr_y30_measure_key(int m);

/* A value as published: state STYR_PUB_VALUE, STYR_PUB_SUPPRESSED or
 * STYR_PUB_NONE (no row: no data). */
typedef struct styr_y30_val {
    double v;
    int state;
} styr_y30_val;

typedef struct styr_y30_row {
    int kommune;                  /* municipality code */
    styr_y30_val m[Y30_NMEAS];
    int rank;                     /* styr's rank by forskel_pct_point, 0 when it has no value */
    int any;                      /* some measure was published (a value or suppressed) */
} styr_y30_row;

/* The 98 municipalities (in code order) for one period and group. */
typedef struct styr_y30_table {
    char periode[16];             /* the period's code as published ("2022QMAT04") */
    char periode_navn[16];        /* styr's canonical name ("2022M12R12") */
    int group;
    int n;                        /* rows: every municipality of codes */
    styr_y30_row row[STYR_MAX_KOMMUNER];
    int has_rank;                 /* some municipality carries a published place */
    int nranked;                  /* municipalities with a difference to rank */
    int found;                    /* rows read for this period and group */
} styr_y30_table;

/* Periods of Y30R21 in the workspace (any group), oldest first, as the source
 * codes; *n gets their number (0: the workspace has none). Up to cap. */
styr_rc styr_y30_periods(styr_ws *ws, char (*out)[16], int cap, int *n, styr_diags *d);

/* Read period (a source code or any name styr_period_parse reads; NULL: the
 * latest) and group into t, ranked. Returns STYR_OK with t->found == 0 when
 * the workspace holds no such rows. */
styr_rc styr_y30_load(styr_ws *ws, const styr_codes *c, const char *period, int group, styr_y30_table *t,
                      styr_diags *d);

/* ---- the pure parts (tested by hand) ---------------------------------------------------- */

/* rank[i] = 1 + the number of values strictly below diff[i] among those with
 * ok[i] set (ties share the best rank); 0 where ok[i] is 0. Returns how many
 * took part. */
int styr_y30_rank(const double *diff, const int *ok, int n, int *rank);

/* Rank the rows of t (fills row[].rank and nranked). */
void styr_y30_rank_table(styr_y30_table *t);

/* Whether the published places agree with styr's within ties: for every row
 * with both, the published place lies in [rank, rank + ties - 1], where ties
 * is the number of rows with the same rounded difference. Returns the number
 * of rows that do not (0: agrees), or -1 when the table holds only part of the
 * list (a published place above the number of rows ranked), so that no
 * comparison can be made. */
int styr_y30_rank_agrees(const styr_y30_table *t);

/* The comparable municipalities of own: the `want` others nearest in expected
 * share (|share[i] - share[own]|), ties by code; only ok[i] take part.
 * out[] gets indexes into share (own not among them); returns their number
 * (fewer when fewer have a share, 0 when own has none). */
int styr_y30_nearest(const double *share, const int *ok, const int *code, int n, int own, int want, int *out);

/* The municipality indexes (codes) of k's comparable municipalities from the
 * expected share in group "i alt" of the latest period imported: in[] set for
 * k and its 10 nearest; *periode gets the period's source code. Returns the
 * number of members including k (0: no Y30R21 rows, or k has no expected
 * share; nothing set). */
#define STYR_Y30_NEAREST 10
styr_rc styr_y30_comparable(styr_ws *ws, const styr_codes *c, int k, uint8_t *in, char periode[16], int *nmembers,
                            styr_diags *d);

#endif
