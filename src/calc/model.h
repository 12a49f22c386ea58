/* model: expected against actual. The share on public support of every
 * municipality is regressed (ols.h) on its frame conditions (ws/covars.h);
 * each municipality's actual minus expected says how it does given its
 * conditions. Rank 1 = furthest below its expected share (lower is better),
 * and the five peers are the municipalities whose expected shares are
 * nearest its own (the same conditions, by the model's weighing). */
#ifndef STYR_MODEL_H
#define STYR_MODEL_H

#include "../ws/covars.h"
#include "ols.h"

#define STYR_NPEERS 5

typedef struct styr_model_row {
    int k;                        /* municipality index */
    double actual, expected, diff;
    int rank;                     /* 1 = most below expected */
    int peers[STYR_NPEERS];       /* municipality indexes, nearest first (-1 when fewer) */
} styr_model_row;

typedef struct styr_model {
    styr_ols ols;                 /* b[0] is the constant, b[j + 1] column j of the covariates */
    int n;
    styr_model_row row[STYR_MAX_KOMMUNER];
    int of[STYR_MAX_KOMMUNER];    /* row of each municipality index, -1 when not in the model */
} styr_model;

/* Fit actual[k] (NAN: left out) on cov for municipality indexes 0..nk-1.
 * Returns 0, or -1 when there are too few municipalities or the columns are
 * collinear. */
int styr_model_fit(const double *actual, const styr_covars *cov, int nk, styr_model *m);

#endif
