/* catalog: read-only queries of the workspace catalog that figures need:
 * population by municipality for an age band and year, and the clusters
 * (klynger) of a year. Results are indexed like the panel (municipality
 * index, see codes.h). */
#ifndef STYR_CATALOG_H
#define STYR_CATALOG_H

#include "workspace.h"

/* Sum of the population aged lo..hi in year, per municipality index, into
 * out[nkom]. A municipality without rows gets 0. */
styr_rc styr_cat_population(styr_ws *ws, int year, int lo, int hi, double *out, styr_diags *d);

#define STYR_MAX_CLUSTERS 64

typedef struct styr_clusters {
    int n;                                  /* clusters that year */
    char name[STYR_MAX_CLUSTERS][48];
    int of[STYR_MAX_KOMMUNER];              /* cluster of each municipality index, -1 none */
    int year;                               /* the membership year used */
} styr_clusters;

/* Cluster membership for year (the latest year <= year that has rows, else
 * the earliest year). */
styr_rc styr_cat_clusters(styr_ws *ws, int year, styr_clusters *out, styr_diags *d);

/* What in the workspace is not real data (bits, 0 when all is real):
 *   STYR_SYNTH_PANEL      the panel holds persons made by `styr synth` (the
 *                         import log records the command)
 *   STYR_SYNTH_POP        the population is the synthetic one (befolkning's
 *                         source says SYNTETISK)
 *   STYR_ILLUSTR_POP      the population is the generated reference table
 *                         (source GENERERET), not Statistics Denmark's
 *   STYR_ILLUSTR_CLUSTERS the clusters are the illustrative ones (ILLUSTRATIV)
 * Every output built on such data says so where it is read (report header,
 * dashboard banner, workbook note). A catalog that cannot be read counts as
 * synthetic: better a needless warning than a missing one. */
enum { STYR_SYNTH_PANEL = 1, STYR_SYNTH_POP = 2, STYR_ILLUSTR_POP = 4, STYR_ILLUSTR_CLUSTERS = 8 };
unsigned styr_catalog_synthetic(styr_ws *ws);

#endif
