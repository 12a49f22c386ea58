/* benchctx: what the benchmark commands (profil, report) share: the
 * workspace, the municipality (--kommune or the own one, --intern only for
 * the own one), the period (--periode or the panel's last whole year) and
 * the year before, the counts of every municipality for those periods (and
 * any more the command needs) and the municipality's cluster that year. */
#ifndef STYR_BENCHCTX_H
#define STYR_BENCHCTX_H

#include <stdio.h>

#include "../calc/bench.h"
#include "../ws/catalog.h"
#include "cli.h"

typedef struct styr_bctx {
    styr_ws *ws;
    const styr_panel *p;
    const styr_codes *codes;
    int kommune, k, intern;
    styr_period per, prev;        /* the period and the same a year before */
    int has_prev;
    styr_bdata b;
    int p0, p1;                   /* their indexes in b (p1 -1 when none) */
    styr_clusters cl;
    uint8_t in[STYR_MAX_KOMMUNER];
    int nin;
    /* the grouping: set forventet after styr_bctx_open for --klynge forventet (the
     * municipality and the 10 nearest in expected share, jobindsats Y30R21, the
     * latest period imported) instead of the fixed cluster of the period's year */
    int forventet;
    char y30_periode[16];         /* forventet: the Y30R21 period used */
    char klynge_navn[160];        /* the grouping in words, for every output */
} styr_bctx;

/* Parse --klynge of profil, scorecard and report: only "forventet" (the fixed
 * cluster is the default). Returns 0, or STYR_EXIT_USAGE after a message. */
int styr_bctx_klynge_opt(const char *cmd, const char *value, int *forventet);

/* Open the workspace and resolve the municipality and period. Returns -1 to
 * go on, or an exit code after a message (or a failure reported through cli). */
int styr_bctx_open(styr_cli *cli, const char *cmd, long long kommune, int intern, const char *periode, styr_bctx *x,
                   styr_diags *d);

/* Load the counts for the period, the year before and extra[0..nextra); the
 * cluster of the period's year (or, with forventet, the comparable
 * municipalities from Y30R21: a municipality without an expected share is told
 * so and the command ends). Returns -1 to go on, or an exit code. */
int styr_bctx_load(styr_cli *cli, const char *cmd, styr_bctx *x, const styr_period *extra, int nextra, int money,
                   styr_diags *d);

/* Index of a period in x->b, or -1. */
int styr_bctx_period(const styr_bctx *x, const char *name);

/* The distinct sources of published figures standing in for the panel in the
 * period's values (the municipality and its comparison group, every group, the
 * share and full-time persons), in the order met; returns how many (at most
 * cap). 0: every value is the panel's. */
int styr_bctx_sources(const styr_bctx *x, const char **out, int cap);

/* Print them as one line ("Offentlige tal: ...") and, when the workspace has no
 * person panel, that the figures of spells need one; nothing when none. */
void styr_bctx_print_sources(FILE *f, const styr_bctx *x);

/* Close the workspace and store what was computed; returns exit code e, or a failure's. */
int styr_bctx_close(styr_cli *cli, styr_bctx *x, int e, styr_diags *d);

#endif
