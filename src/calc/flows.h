/* flows: where the spells of a group that ended in a period went, where the
 * spells that started came from, and who moved in and out (issue 14 §2).
 *
 * Computed in the engine's one pass as its extra accumulator (acc_flows.c):
 * no second scan. The caller names one municipality K, its cluster, one
 * period P and one group G (0 = all public support, a group, or a union).
 *
 * Afgang (ended spells): a spell of G that is not ongoing and whose last
 * week e lies in P, belonging to the municipality of its last week (spec §4,
 * as forloeb_afsluttet), is counted in the matrix row of the group held in
 * week e and the column of its state in week e + 4 and in week e + 13:
 *   - ikke målbar endnu: the week lies past the panel's last week;
 *   - fraflyttet: the week's municipality (its record's, or without a record
 *     the nearest earlier record's, spec §2) is not the spell's;
 *   - else the week's record: a public group (by group), uddannelse (SU),
 *     job (hours), or selvforsørget (no record, or a record without either).
 * Moving takes precedence: what a person does elsewhere is not K's outcome.
 *
 * Tilgang (started spells): a spell of G whose first week s lies in P, of the
 * municipality of its last week (as forloeb_startet), is counted in the row
 * of its state in week s - 4 (tilflyttet when that week's municipality is
 * another; ikke målbar when s - 4 is before the panel's first week; no record
 * before s at all is selvforsørget) and the column of the group held in s.
 *
 * Moves (flytninger): between two consecutive public-support records of a
 * person (gaps allowed) whose municipalities differ, the person moved from
 * the last week in the old municipality to the first in the new; the move
 * counts in P when that first week lies in P. Into K: the new municipality
 * is K; out of K: the old one is. By the group before and the group after.
 * Full-time effect: the movers' public-support weeks in P from the move week
 * on, in K for those who moved in (gained) and outside K for those who moved
 * out (lost: weeks K would have carried had they stayed), each divided by the
 * weeks of P; the net effect is gained minus lost.
 *
 * Discretion (spec §8): every cell, margin and total resting on 1-4 distinct
 * persons is suppressed, and secondary suppression (styr_flows_protect)
 * makes sure no suppressed cell of a table with its margins can be recovered
 * by subtraction. The cluster is shown as shares of its own total (its
 * counts are not published), protected the same way (shares that sum to 100
 * would give a hidden one back). */
#ifndef STYR_FLOWS_H
#define STYR_FLOWS_H

#include <stdint.h>

#include "../core/diag.h"
#include "../core/period.h"
#include "../ws/workspace.h"
#include "engine.h"

/* Categories of a state: 1..ng-1 a public group (its index), then these. */
enum { STYR_FL_UDD, STYR_FL_JOB, STYR_FL_SELV, STYR_FL_MOVED, STYR_FL_NOTYET, STYR_FL_NSPECIAL };
#define STYR_FL_CAT(ng, k) ((ng) + (k))

/* The three tables of flows: afgang at 4 and 13 weeks, tilgang 4 weeks before. */
enum { STYR_FL_OUT4, STYR_FL_OUT13, STYR_FL_IN4, STYR_FL_NKIND };
/* The areas: the municipality, its cluster. */
enum { STYR_FL_KOM, STYR_FL_CLUSTER, STYR_FL_NAREA };

typedef struct styr_flow_count { uint32_t n, persons, stamp; } styr_flow_count;

/* One table with margins: cell[a * (ncat + 1) + b], a in rows (0..ncat-1, row
 * ncat is the column margin), b likewise (column ncat is the row margin); the
 * corner [ncat][ncat] is the total. Persons are distinct within each cell. */
typedef struct styr_flow_table {
    int ncat;
    styr_flow_count *cell;  /* [(ncat + 1) * (ncat + 1)] */
} styr_flow_table;

typedef struct styr_flows {
    /* input */
    int kom;                /* K: municipality index */
    int8_t in_cluster[256]; /* municipality index -> 1 in K's cluster */
    int has_cluster;
    int group;              /* G */
    int first, last;        /* P's weeks */
    int panel_first;
    /* output */
    int ng, ncat;           /* groups; categories (ng + STYR_FL_NSPECIAL) */
    styr_flow_table t[STYR_FL_NKIND][STYR_FL_NAREA];
    /* moves of K: [0] into K, [1] out of K; rows the group before, columns the
     * group after (groups only, ncat-wide tables like the others) */
    styr_flow_table mv[2];
    uint64_t mv_weeks[2];   /* public weeks in P after the move: in K (in), outside K (out) */
    int weeks;              /* weeks of P */
    /* discretion, set by styr_flows_compute: 1 = suppressed, per entry of each
     * table (the municipality's and the cluster's: primary and secondary) */
    uint8_t *supp[STYR_FL_NKIND][STYR_FL_NAREA];
    uint8_t *mv_supp[2];
    int mv_fte_hidden[2];   /* the full-time effect of the movers in / out rests on 1-4 persons */
} styr_flows;

extern const styr_acc styr_acc_flows;

static inline styr_flow_count *styr_flow_at(const styr_flow_table *t, int a, int b)
{
    return &t->cell[(size_t)a * (size_t)(t->ncat + 1) + (size_t)b];
}

/* Compute the flows of group G in municipality K (code kommune) over period
 * per, in one pass over the workspace's panel. The caller frees with
 * styr_flows_free. STYR_EUSAGE-like errors are for the caller to check first. */
styr_rc styr_flows_compute(styr_ws *ws, int kommune, int group, const styr_period *per, int threads,
                           styr_flows *out, styr_diags *d);
void styr_flows_free(styr_flows *f);

/* Secondary suppression of a table with margins (spec §8). n and persons are
 * (R+1) x (C+1) arrays (row R the column margins, column C the row margins,
 * [R][C] the total); supp gets 1 for every suppressed entry: first each entry
 * on 1-4 persons, then, until no suppressed entry can be recovered from the
 * published ones by the rows' and columns' sums, the cheapest complements
 * (smallest counts; zeros only when nothing else will do). A suppressed entry
 * is recoverable exactly when it is a bridge of the graph whose vertices are
 * the rows and columns (margins included) and whose edges are the suppressed
 * entries; each bridge is closed into a cycle by the cheapest path of
 * further entries. Returns the number of entries suppressed. */
int styr_flows_protect(const uint32_t *n, const uint32_t *persons, int R, int C, uint8_t *supp);

#endif
