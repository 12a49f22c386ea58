/* covars: frame conditions (rammevilkår) per municipality, the covariates of
 * the expected-against-actual model (styr compare --model).
 *
 * Any numeric columns: share without education, share of immigrants,
 * unemployment in the commuting area, ... The catalog keeps one set (table
 * rammevilkaar: kommune, navn, vaerdi, kilde), created by the first store;
 * `styr synth` stores an illustrative set that follows its simulated
 * municipal differences, and a file given on the command line
 * (ingest/covcsv.h) is used instead of it. */
#ifndef STYR_COVARS_H
#define STYR_COVARS_H

#include <stdint.h>

#include "workspace.h"

#define STYR_MAXCOV 12

typedef struct styr_covars {
    int n;                                       /* columns */
    char name[STYR_MAXCOV][48];
    double val[STYR_MAX_KOMMUNER][STYR_MAXCOV];  /* by municipality index */
    uint8_t has[STYR_MAX_KOMMUNER];              /* every column present */
    char source[160];
} styr_covars;

/* The stored set (n = 0 when there is none). */
styr_rc styr_covars_load(styr_ws *ws, styr_covars *c, styr_diags *d);

/* Replace the stored set with c in one transaction (workspace open for writing). */
styr_rc styr_covars_store(styr_ws *ws, const styr_covars *c, styr_diags *d);

#endif
