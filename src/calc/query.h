/* query: key figures for chosen municipalities, groups and periods.
 *
 * The one code path every consumer uses (figures, noegletal, and later the
 * report and the API): it takes the periods asked for, reads what the
 * catalog has stored for the current panel, runs the engine once for the
 * rest, looks up the population of each period's year, and builds one row
 * per (periode, kommune, ydelse) with discretion applied (spec §8; the
 * workspace's own municipality unsuppressed when intern is set).
 *
 * Selections are indexes: municipalities as in codes.h, with
 * codes->dict.nkom meaning the whole country; groups as ydelse indexes, with
 * 0 meaning all public support ("offentligt forsørgede i alt"). */
#ifndef STYR_QUERY_H
#define STYR_QUERY_H

#include "../ws/workspace.h"
#include "figures.h"
#include "pubfig.h"
#include "pset.h"
#include "sdc.h"

typedef struct styr_query {
    const int *kom;
    int nkom;
    const int *grp;
    int ngrp;
    const styr_period *per;
    int nper;
    int intern;         /* no discretion for the workspace's own municipality */
    int threads;        /* engine threads, 0 = all cores */
    int use_store;      /* read stored counts for the current panel */
    int money;          /* also the money figures (gross, net by regime, trappe) */
    styr_kilde kilde;   /* where a row's figures come from (calc/pubfig.h); 0 = auto */
    const styr_filter *filter; /* a target group, origin, unit (filter.h): the panel's figures of
                                  the weeks that pass, with the filter's own discretion pattern;
                                  never stored, never published figures; NULL: none */
} styr_query;

typedef struct styr_qresult {
    styr_pset ps;
    styr_cube cube;            /* every municipality and group for the periods */
    uint8_t *computed;         /* [ps.n]: computed now (not read from the store) */
    int money;                 /* the cells hold money figures */
    int ncomputed;
    double *pop, *ypop;        /* [ps.n][nk]: population 16-66 and 16-29 of the period's year */
    styr_figrow *rows;
    size_t nrows;
    styr_sdc sdc;              /* the discretion pattern of the panel (spec §8) */
    int sdc_built;             /* computed now, not read from the catalog */
    int own_idx;               /* the municipality shown exactly (intern), -1 none */
    int *span;                 /* [ps.n]: each period's span in the pattern, -1 outside it */
    uint8_t *outside;          /* [ps.n]: the panel has no week of the period: its figures are no data, not 0 */
    styr_pubfig *pub;          /* the published figures of the workspace */
    int any_pub, any_ak;       /* some row is from published figures; has andel_arbejdsstyrke */
    int filtered;              /* the rows are of filter (below) */
    styr_filter filter;
} styr_qresult;

/* The families (sdc.h) hidden for period p (index in r->ps), municipality k
 * (nk - 1 the country) and group g: the pattern's, none for the own
 * municipality with intern. */
unsigned styr_qresult_hide(const styr_qresult *r, int p, int k, int g);

/* After a query with money (q->money): let published figures stand in for
 * the key figures of the rows, as a query without money does (calc/bench.c;
 * whoever reads money from such a row gets no data, for published tables
 * carry no money). */
void styr_qresult_public_rows(styr_qresult *r, const styr_query *q, const styr_codes *codes);

/* The same for an area made of the municipalities kom[0..n): a standard
 * cluster has its own state; any other set is hidden where a member is. */
unsigned styr_qresult_hide_set(const styr_qresult *r, int p, const int *kom, int n, int g);

styr_rc styr_query_run(styr_ws *ws, const styr_query *q, styr_qresult *r, styr_diags *d);
void styr_qresult_free(styr_qresult *r);

/* Store what was computed (opens the workspace for writing; a busy workspace
 * is skipped silently: storing is an optimisation). */
styr_rc styr_query_store(const char *wsdir, const styr_qresult *r, styr_diags *d);

/* Compute and store the discretion pattern of the workspace's current panel
 * when it is not stored (after an import, so that reading never waits for
 * it). Opens the workspace for writing. */
styr_rc styr_query_prepare(const char *wsdir, int threads, styr_diags *d);

/* The period whose population a period's figures use: the calendar year of its
 * last week's Thursday. */
int styr_period_pop_year(const styr_period *p);

/* Parse a comma list of period names and ranges ("2024M01..2024M12"). */
int styr_parse_periods(const char *list, styr_period **out, int *n);

/* The last whole calendar year in the panel (default period); the panel's
 * last year when the year before has no week in it. */
int styr_default_year(const styr_panel *p);

/* The last calendar month whose weeks are all in the panel; 0, or -1 when the
 * panel is empty. */
int styr_last_whole_month(const styr_panel *p, styr_period *out);

#endif
