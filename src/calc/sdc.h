/* sdc: statistical disclosure control, the one suppression pattern of a data state.
 *
 * Spec §8: a figure resting on 1-4 persons is suppressed (primary), and cells
 * are suppressed secondarily so that no suppressed cell can be recovered by
 * adding and subtracting what is published beside it. The published table is
 * a cube with a hierarchy in every dimension:
 *   periods       every week, month, quarter, year, rolling year and year to
 *                 date that touches the panel; a period is kept as its span
 *                 of weeks, so "2024", "2024M12R12" and "2024M12AATD" are one
 *                 cell; additive measures add up over the weeks of a span;
 *   areas         municipalities, their cluster (per year) and the country;
 *   groups        the benefit groups and "offentligt forsørgede i alt", the
 *                 sum of the public groups (for person-weeks; spells of all
 *                 public support are spells of their own).
 *
 * Method: the hypercube method (Repsilber's GHMITER, as in tau-ARGUS and the
 * HYPERCUBE method of the R package sdcTable), applied to the cube's base
 * cells (week x municipality x group). For every primary cell styr chooses a
 * hypercube of base cells, with a corner inside the cell and one corner
 * outside it in each dimension (an adjacent week outside the span, other
 * municipalities of the cluster, another public group), with alternating
 * signs. Moving one unit along it changes no published sum, so it is an
 * alternative table the attacker cannot tell from the true one: styr checks
 * that the corners it takes units from are non-empty, so the alternative
 * table is non-negative and integer. Every published cell the hypercube
 * changes is suppressed too (secondary). The area dimension uses three
 * municipalities (two complements), so a municipality that knows its own
 * figures exactly (its token, --intern) still cannot pin another's: each
 * pair of the three is a hypercube of its own. Candidates are taken in order
 * of cost: adjacent weeks on the side with fewer period boundaries, already
 * suppressed or small complements first.
 *
 * Families: the figures of a cell rest on different persons (the level on
 * the persons with weeks, varighed on the persons whose spells ended, ...),
 * so each family has its own primary and secondary pattern. Only the level
 * (and the money) is published by week; the rest by month and longer. 
 *
 * The pattern is computed once per panel (one engine pass over every period
 * of the universe) and stored in the catalog beside the figure cache. */
#ifndef STYR_SDC_H
#define STYR_SDC_H

#include "../ws/workspace.h"
#include "figures.h"
#include "filter.h"

typedef enum styr_sdc_fam {
    SDC_LEVEL,   /* fuldtidspersoner, personer, aktiveringsgrad, andel */
    SDC_YOUNG,   /* the same for persons under 30 */
    SDC_STARTED, /* forløb startet */
    SDC_ENDED,   /* forløb afsluttet, varighed, ikke målbare */
    SDC_LONG,    /* langvarige */
    SDC_H4,      /* status 4, 13, 26, 52 weeks after */
    SDC_H13,
    SDC_H26,
    SDC_H52,
    SDC_MONEY,   /* the money figures: the level's pattern, and where rates differ at a cube's corners */
    SDC_NFAM
} styr_sdc_fam;

/* The family a figure belongs to. */
styr_sdc_fam styr_sdc_family(styr_fig f);

typedef struct styr_sdc_stats {
    uint64_t fallbacks[SDC_NFAM]; /* primary cells protected by a single corner */
    /* per family and period kind (STYR_P_*): cells (municipality, cluster and
     * country x group), those with persons behind them, and of those the
     * primary and all suppressed */
    uint64_t cells[SDC_NFAM][6], nonzero[SDC_NFAM][6], primary[SDC_NFAM][6], suppressed[SDC_NFAM][6];
    double seconds;            /* building the pattern (engine pass included) */
} styr_sdc_stats;

typedef struct styr_sdc {
    uint64_t panel_checksum;
    int nspan;
    int *first, *last;         /* spans of weeks, sorted by first, then last */
    int nkom, ncl;             /* municipalities; clusters (largest count in a year) */
    int nks;                   /* area index: kom < nkom, nkom the country, nkom + 1 + c cluster c */
    int ng;                    /* groups (0 = all public support) */
    int y0;                    /* first year of cl_of */
    int ny;
    int *cl_of;                /* [ny][nkom]: cluster index of a municipality that year, -1 none */
    uint8_t *bits[SDC_NFAM];   /* [nspan * nks * ng] bits: suppressed */
    styr_sdc_stats stats;
} styr_sdc;

/* The pattern of the workspace's current panel: read from the catalog, or
 * computed (*built set: the caller stores it with styr_sdc_save once it can
 * write the workspace). */
styr_rc styr_sdc_get(styr_ws *ws, int threads, styr_sdc *out, int *built, styr_diags *d);

/* The pattern of the figures of filter f (filter.h: a target group, origin
 * or unit) for the current panel, protected against subtraction from the
 * unfiltered figures and the other categories: read from the catalog or
 * computed (*built set; store it with styr_sdc_save_filtered). */
styr_rc styr_sdc_get_filtered(styr_ws *ws, int threads, const styr_filter *f, styr_sdc *out, int *built,
                              styr_diags *d);
styr_rc styr_sdc_save_filtered(styr_ws *ws, const styr_filter *f, const styr_sdc *s, styr_diags *d);

/* Store the pattern in the catalog (replacing any other panel's); needs a
 * workspace opened for writing. */
styr_rc styr_sdc_save(styr_ws *ws, const styr_sdc *s, styr_diags *d);

/* Compute the pattern for the current panel (no store). */
styr_rc styr_sdc_build(styr_ws *ws, int threads, styr_sdc *out, styr_diags *d);
void styr_sdc_free(styr_sdc *s); /* NULL-safe */

/* The unfiltered pattern (*total, the same as styr_sdc_build's) and the joint
 * pattern of a dimension's categories (calc/sdc_filter.c): cats[0..ncat) the
 * published categories, each a filter of one value; rest set when the
 * categories do not cover every week and the rest (the unfiltered table
 * minus them: the unpublished complement of unge or flygtninge, the weeks
 * without a unit) is a category too. out[c] is category c's pattern. */
styr_rc styr_sdc_build_split(styr_ws *ws, int threads, const styr_filter *cats, int ncat, int rest, styr_sdc *total,
                             styr_sdc *out, styr_diags *d);

/* Every period of the publishable kinds that touches the weeks [wmin, wmax]
 * (the pattern's cells, before spans that are equal are merged). */
int styr_sdc_universe(int wmin, int wmax, styr_period **out);

/* The span's index, or -1 when the span is not a cell of the pattern (it
 * lies outside the panel's years). */
int styr_sdc_span(const styr_sdc *s, int first, int last);

/* Whether family fam of cell (span, area, group) is suppressed. area as in
 * styr_sdc.nks; an unknown span counts as suppressed. */
int styr_sdc_suppressed(const styr_sdc *s, styr_sdc_fam fam, int span, int area, int g);

/* The area index of municipality k's cluster in year's membership, or -1. */
int styr_sdc_cluster_area(const styr_sdc *s, int year, int k);

/* Whether an area made of the municipalities kom[0..n) (a cluster or a group
 * a user chooses) is suppressed for family fam: a set equal to the span's
 * standard cluster has the cluster's own state; any other set is published
 * only when every member is. */
int styr_sdc_set_suppressed(const styr_sdc *s, styr_sdc_fam fam, int span, const int *kom, int n, int g);

/* ---- target groups (calc/sdc_filter.c: why the patterns below are safe) ---- */

/* The pattern that applies to the cube of filter f (engine opts .filter):
 * the same layout and reading as the unfiltered pattern. Read from the
 * catalog when stored for the current panel, else computed (*built set: the
 * caller stores it with styr_sdc_save_filtered, which stores every category
 * of the dimension built with it). A filter of several values of one
 * dimension is their union (hidden where a part is); a filter across
 * dimensions has every cell hidden (shown only to the own municipality with
 * --intern). NULL or an inactive filter: styr_sdc_get. */
styr_rc styr_sdc_get_filtered(styr_ws *ws, int threads, const styr_filter *f, styr_sdc *out, int *built, styr_diags *d);

/* Store the pattern of filter f in the catalog (key: styr_filter_key). */
styr_rc styr_sdc_save_filtered(styr_ws *ws, const styr_filter *f, const styr_sdc *s, styr_diags *d);

/* The joint pattern of the dimension f narrows (its one value or values
 * choose the dimension): cats[0..*ncat) its categories, out[c] each one's
 * pattern; both hold STYR_SDC_MAXCAT. */
#define STYR_SDC_MAXCAT 64
styr_rc styr_sdc_build_dimension(styr_ws *ws, int threads, const styr_filter *f, styr_filter *cats, styr_sdc *out,
                                 int *ncat, styr_diags *d);

/* The catalog's pattern for a filter key (styr_filter_key; "" the unfiltered
 * one) of the panel with this checksum: STYR_OK, or STYR_ENOENT. */
styr_rc styr_sdc_load_key(styr_ws *ws, uint64_t checksum, const char *key, styr_sdc *out);
/* Store a pattern under a key, dropping every other panel's patterns. */
styr_rc styr_sdc_save_key(styr_ws *ws, const styr_sdc *s, const char *key, styr_diags *d);

/* Serialise (for the catalog) and read back; 0 on success. */
int styr_sdc_pack(const styr_sdc *s, unsigned char **buf, size_t *len);
int styr_sdc_unpack(const unsigned char *buf, size_t len, styr_sdc *out);

#endif
