/* figures: the named key figures of the spec, computed from a cube cell,
 * with discretion applied.
 *
 * One table (styr_figdefs) names every figure: its key in JSON and CSV (the
 * spec's names in snake case), its Danish and English label, decimals, unit
 * and which direction is better. styr_figures_of turns one cell of counts
 * into values; a value is STYR_FV_OK, STYR_FV_SUPPRESSED (spec §8: a count
 * resting on, or a share, mean or amount computed over, fewer than 5
 * persons; shown "..", JSON null with "diskretion": true) or STYR_FV_NONE
 * (nothing to compute from, e.g. a share of zero weeks; shown "-"). */
#ifndef STYR_FIGURES_H
#define STYR_FIGURES_H

#include "engine.h"

/* The discretion threshold of spec §8: figures resting on fewer persons are suppressed. */
#define STYR_DISCRETION 5

typedef enum styr_fig {
    FIG_FULDTIDSPERSONER,
    FIG_PERSONER,
    FIG_AKTIVERINGSGRAD,
    FIG_ANDEL,
    FIG_U_FULDTIDSPERSONER,
    FIG_U_PERSONER,
    FIG_U_AKTIVERINGSGRAD,
    FIG_U_ANDEL,
    FIG_STARTET,
    FIG_AFSLUTTET,
    FIG_VARIGHED,
    FIG_LANGVARIGE,
    FIG_JOB_4U,
    FIG_JOB_3MDR,
    FIG_JOB_6MDR,
    FIG_JOB_12MDR,
    FIG_SELV_4U,
    FIG_SELV_3MDR,
    FIG_SELV_6MDR,
    FIG_SELV_12MDR,
    FIG_IKKE_MAALBARE_3MDR,
    /* status after with education (spec §5, issue 14): appended, so the
     * columns before keep their places */
    FIG_UDD_4U,
    FIG_UDD_3MDR,
    FIG_UDD_6MDR,
    FIG_UDD_12MDR,
    FIG_JOBUDD_4U,
    FIG_JOBUDD_3MDR,
    FIG_JOBUDD_6MDR,
    FIG_JOBUDD_12MDR,
    STYR_NFIG
} styr_fig;

typedef enum styr_unit { STYR_U_COUNT, STYR_U_FTE, STYR_U_PCT, STYR_U_WEEKS, STYR_U_KR } styr_unit;

typedef struct styr_figdef {
    const char *key;         /* JSON/CSV key, e.g. "andel_befolkning" */
    const char *da, *en;     /* labels */
    const char *short_da, *short_en; /* column headings */
    int decimals;
    styr_unit unit;
    int better;              /* +1 higher is better, -1 lower is better, 0 neither */
} styr_figdef;

extern const styr_figdef styr_figdefs[STYR_NFIG];

/* The four states of spec §8, never shown as one another: a value,
 * suppressed by discretion (".."), no data ("-": nothing to compute from,
 * e.g. no ended spells or a period the panel does not cover) and not
 * applicable ("."): a figure that means nothing for the group (declared in
 * data/ydelser.csv, column ikke_relevant). */
enum { STYR_FV_OK = 0, STYR_FV_SUPPRESSED = 1, STYR_FV_NONE = 2, STYR_FV_NA = 3 };

typedef struct styr_figval {
    double v;
    int state;
} styr_figval;

/* Values of every figure for one cell. pweeks is |P|; pop and ypop the
 * population aged 16-66 and 16-29 (0 when unknown); hide has bit f set for
 * each family f of sdc.h (SDC_LEVEL, ...) the discretion pattern suppresses:
 * its figures are STYR_FV_SUPPRESSED. A count of 0 is a value (spec §8). */
void styr_figures_of(const styr_cell *c, int pweeks, double pop, double ypop, unsigned hide,
                     styr_figval out[STYR_NFIG]);

/* Mark the figures in mask (bit f for figure f) not applicable. */
void styr_figures_na(styr_figval v[STYR_NFIG], uint32_t mask);

/* The mask of figure keys in a comma list ("langvarige,i_job_*"; a trailing
 * '*' matches a prefix). Returns -1 when an item names no figure. */
int styr_figures_mask(const char *list, uint32_t *mask);

/* The primary suppression of a cell alone (families resting on 1-4
 * persons), for an area the pattern does not hold. */
unsigned styr_primary_hide(const styr_cell *c);

typedef struct styr_figrow {
    const char *periode;
    int kommune;               /* code; 0 for the whole country */
    const char *kommunenavn;
    const char *ydelse;        /* code; "offentligt_forsoergede" for all public support */
    const char *ydelsenavn;
    const char *regime;        /* money rows: the refusion regime; else NULL */
    styr_figval v[STYR_NFIG];
    int suppressed;            /* some value is hidden by discretion */
    int incomplete;            /* the panel covers only part of the period (ufuldstaendig) */
    const char *kilde;         /* published figures: "jobindsats y01a02, hentet 2026-11-29"; NULL: styr's panel */
    styr_figval ak;            /* andel_arbejdsstyrke (calc/pubfig.h), when has_ak */
    int has_ak;                /* the labour force is known for the row (else ak is not shown at all) */
    const styr_cell *cell;     /* the counts (for counts output) */
} styr_figrow;

/* Add b's counts to a (an area is the sum of its municipalities' counts;
 * persons then count a person in two of them twice). */
void styr_cell_add(styr_cell *a, const styr_cell *b);

/* The figure with this key, or -1. */
int styr_fig_by_key(const char *key);

#endif
