/* budget: a municipality's budget per year and benefit group, with KL's elements,
 * as the catalog keeps it (table budget).
 *
 * KL asks for a budget on the employment area that states its assumptions per
 * group, in three parts:
 *   forsørgelse     fuldtidspersoner (full-time recipients over the year),
 *                   personer (persons on the benefit during the year), varighed
 *                   (weeks on the benefit per person in the year), aktiveringsgrad
 *                   (pct. of the weeks in an offer) and pris (the municipality's
 *                   net cost per full-time recipient per year, after refusion);
 *   indsats         udgift_pr_tilbud: the cost of one full-time year in an offer
 *                   (a helårsplads), so the offers cost fuldtidspersoner x
 *                   aktiveringsgrad x udgift_pr_tilbud;
 *   administration  sagsbehandlere, sager_pr_sagsbehandler and
 *                   udgift_pr_sagsbehandler (a caseworker's cost per year).
 * and optionally a monthly profile m01..m12 (weights for spreading the year's
 * budget over the months; without one it is spread by weeks).
 * Only fuldtidspersoner and pris are required; an absent value is NAN.
 * The identity fuldtidspersoner = personer x varighed / weeks in the year ties
 * the first three; varighed is derived when only personer is given. */
#ifndef STYR_BUDGET_H
#define STYR_BUDGET_H

#include <stddef.h>

#include "workspace.h"

typedef struct styr_budget {
    int kommune;                  /* code */
    int aar;
    int grp;                      /* ydelse index (codes.h), >= 1 */
    double fuldtid, personer, varighed, aktivering, pris;
    double udgift_tilbud;
    double sagsbehandlere, sager_pr_sb, udgift_sb;
    double profil[12];            /* NAN when no profile */
} styr_budget;

/* The budget of every group for one municipality and year, ordered by group.
 * *out is malloc'ed (the caller frees it); *n may be 0. */
styr_rc styr_budget_load(styr_ws *ws, int kommune, int aar, styr_budget **out, size_t *n, styr_diags *d);

/* Store rows, replacing any with the same (kommune, aar, ydelse), in one
 * transaction; file names the source for the catalog. *replaced counts the
 * rows that replaced one already there. Needs the workspace open for writing. */
styr_rc styr_budget_store(styr_ws *ws, const styr_budget *rows, size_t n, const char *file, size_t *replaced,
                          styr_diags *d);

/* The years that have a budget for a municipality, newest first (at most cap). */
int styr_budget_years(styr_ws *ws, int kommune, int *years, int cap);

#endif
