/* pset: the set of periods one engine pass computes, arranged for lookups
 * from a week.
 *
 * The requested periods are split into families by kind (years, quarters,
 * months, weeks, rolling 12 months, year to date). Within a family, sorted by
 * first week and then last week, both first and last weeks increase, so the
 * members that overlap a span of weeks, or whose last week falls in a span,
 * are one contiguous index range.
 * Per-week tables give those ranges in O(1), which is what lets the engine
 * add a run of weeks to every period it touches without looking at the
 * others. */
#ifndef STYR_PSET_H
#define STYR_PSET_H

#include "../core/diag.h"
#include "../core/period.h"

#define STYR_PFAMILIES 6

typedef struct styr_pfam {
    int n;          /* members */
    int *idx;       /* global period index of each member, by first week */
    int *first, *last;
    int w0, w1;     /* the weeks the tables cover: [w0, w1] */
    int *lo;        /* lo[w-w0]: first member with last >= w (n when none) */
    int *hi;        /* hi[w-w0]: last member with first <= w (-1 when none) */
    int *le;        /* le[w-w0]: last member with last <= w (-1 when none) */
} styr_pfam;

typedef struct styr_pset {
    int n;                     /* periods, duplicates removed, in the order given */
    styr_period *p;
    int nfam;
    styr_pfam fam[STYR_PFAMILIES];
    int wmin, wmax;            /* the union of the periods' weeks */
} styr_pset;

/* Build a set from n periods (duplicates are dropped). */
styr_rc styr_pset_build(styr_pset *s, const styr_period *p, int n, styr_diags *d);
void styr_pset_free(styr_pset *s); /* NULL-safe */

/* The members of f that overlap weeks [a, b]: [*from, *to] (empty when from > to). */
static inline void styr_pfam_overlap(const styr_pfam *f, int a, int b, int *from, int *to)
{
    *from = a < f->w0 ? 0 : a > f->w1 ? f->n : f->lo[a - f->w0];
    *to = b < f->w0 ? -1 : b > f->w1 ? f->n - 1 : f->hi[b - f->w0];
}

/* The members of f whose last week lies in [a, b]. */
static inline void styr_pfam_ending(const styr_pfam *f, int a, int b, int *from, int *to)
{
    *from = a < f->w0 ? 0 : a > f->w1 ? f->n : f->lo[a - f->w0];
    *to = b < f->w0 ? -1 : b > f->w1 ? f->n - 1 : f->le[b - f->w0];
}

/* Periods for "every month (or year, quarter, ...) from y0 to y1". */
int styr_periods_range(styr_period_kind kind, int y0, int y1, styr_period **out);

#endif
