/* pset: period families and their per-week lookup tables. */
#include "pset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/week.h"

void styr_pset_free(styr_pset *s)
{
    if (!s) return;
    for (int f = 0; f < s->nfam; f++) {
        styr_pfam *x = &s->fam[f];
        free(x->idx);
        free(x->first);
        free(x->last);
        free(x->lo);
        free(x->hi);
        free(x->le);
    }
    free(s->p);
    memset(s, 0, sizeof *s);
}

typedef struct member { int first, last, idx; } member;

static int by_first(const void *a, const void *b)
{
    const member *x = a, *y = b;
    return x->first != y->first ? (x->first < y->first ? -1 : 1) : (x->last > y->last) - (x->last < y->last);
}

styr_rc styr_pset_build(styr_pset *s, const styr_period *p, int n, styr_diags *d)
{
    memset(s, 0, sizeof *s);
    s->p = styr_xcalloc((size_t)(n ? n : 1), sizeof *s->p);
    s->wmin = 1 << 30;
    s->wmax = -1;
    for (int i = 0; i < n; i++) {
        int dup = 0;
        for (int j = 0; j < s->n && !dup; j++) dup = !strcmp(s->p[j].name, p[i].name);
        if (dup) continue;
        s->p[s->n++] = p[i];
        if (p[i].first < s->wmin) s->wmin = p[i].first;
        if (p[i].last > s->wmax) s->wmax = p[i].last;
    }
    if (!s->n) return styr_diag_sys(d, STYR_EUSAGE, "no periods");
    static const styr_period_kind kinds[STYR_PFAMILIES] = {STYR_P_YEAR, STYR_P_QUARTER, STYR_P_MONTH, STYR_P_WEEK,
                                                           STYR_P_ROLLING12, STYR_P_YTD};
    for (int k = 0; k < STYR_PFAMILIES; k++) {
        int m = 0;
        for (int i = 0; i < s->n; i++) m += s->p[i].kind == kinds[k];
        if (!m) continue;
        styr_pfam *f = &s->fam[s->nfam++];
        f->n = m;
        member *mem = styr_xmalloc((size_t)m * sizeof *mem);
        m = 0;
        for (int i = 0; i < s->n; i++)
            if (s->p[i].kind == kinds[k]) mem[m++] = (member){s->p[i].first, s->p[i].last, i};
        qsort(mem, (size_t)m, sizeof *mem, by_first);
        f->idx = styr_xmalloc((size_t)m * sizeof *f->idx);
        f->first = styr_xmalloc((size_t)m * sizeof *f->first);
        f->last = styr_xmalloc((size_t)m * sizeof *f->last);
        for (int i = 0; i < m; i++) {
            f->idx[i] = mem[i].idx;
            f->first[i] = mem[i].first;
            f->last[i] = mem[i].last;
        }
        free(mem);
        f->w0 = f->first[0];
        f->w1 = f->last[0];
        for (int i = 1; i < m; i++)
            if (f->last[i] > f->w1) f->w1 = f->last[i];
        int nw = f->w1 - f->w0 + 1;
        f->lo = styr_xmalloc((size_t)nw * sizeof *f->lo);
        f->hi = styr_xmalloc((size_t)nw * sizeof *f->hi);
        f->le = styr_xmalloc((size_t)nw * sizeof *f->le);
        int lo = 0, hi = -1, le = -1;
        for (int w = f->w0; w <= f->w1; w++) {
            while (lo < m && f->last[lo] < w) lo++;
            while (hi + 1 < m && f->first[hi + 1] <= w) hi++;
            while (le + 1 < m && f->last[le + 1] <= w) le++;
            f->lo[w - f->w0] = lo;
            f->hi[w - f->w0] = hi;
            f->le[w - f->w0] = le;
        }
    }
    return STYR_OK;
}

int styr_periods_range(styr_period_kind kind, int y0, int y1, styr_period **out)
{
    int cap = (y1 - y0 + 1) * 53, n = 0;
    styr_period *v = styr_xcalloc((size_t)(cap > 0 ? cap : 1), sizeof *v);
    for (int y = y0; y <= y1; y++) {
        int subs = kind == STYR_P_YEAR ? 1 : kind == STYR_P_QUARTER ? 4 : kind == STYR_P_WEEK ? styr_iso_weeks_in_year(y) : 12;
        for (int k = 1; k <= subs; k++) {
            char name[24];
            switch (kind) {
            case STYR_P_YEAR: snprintf(name, sizeof name, "%04d", y); break;
            case STYR_P_QUARTER: snprintf(name, sizeof name, "%04dK%d", y, k); break;
            case STYR_P_MONTH: snprintf(name, sizeof name, "%04dM%02d", y, k); break;
            case STYR_P_WEEK: snprintf(name, sizeof name, "%04dU%02d", y, k); break;
            case STYR_P_ROLLING12: snprintf(name, sizeof name, "%04dM%02dR12", y, k); break;
            case STYR_P_YTD: snprintf(name, sizeof name, "%04dM%02dAATD", y, k); break;
            }
            if (styr_period_parse(name, &v[n]) == 0) n++;
        }
    }
    *out = v;
    return n;
}
