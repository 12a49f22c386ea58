/* model: least squares on frame conditions, residual ranks, peers by expected share. */
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

static const styr_model *sort_m;

static int by_diff(const void *a, const void *b)
{
    const styr_model_row *x = &sort_m->row[*(const int *)a], *y = &sort_m->row[*(const int *)b];
    return (x->diff > y->diff) - (x->diff < y->diff);
}

int styr_model_fit(const double *actual, const styr_covars *cov, int nk, styr_model *m)
{
    memset(m, 0, sizeof *m);
    for (int k = 0; k < STYR_MAX_KOMMUNER; k++) m->of[k] = -1;
    const int kc = cov->n + 1;
    double *x = styr_xmalloc((size_t)nk * (size_t)kc * sizeof *x), *y = styr_xmalloc((size_t)nk * sizeof *y);
    int n = 0;
    for (int k = 0; k < nk; k++) {
        if (isnan(actual[k]) || !cov->has[k]) continue;
        x[n * kc] = 1;
        for (int j = 0; j < cov->n; j++) x[n * kc + j + 1] = cov->val[k][j];
        y[n] = actual[k];
        m->row[n].k = k;
        m->row[n].actual = actual[k];
        m->of[k] = n;
        n++;
    }
    int rc = styr_ols_fit(x, y, n, kc, &m->ols);
    if (!rc) {
        m->n = n;
        for (int i = 0; i < n; i++) {
            styr_model_row *r = &m->row[i];
            r->expected = styr_ols_predict(&m->ols, x + (size_t)i * (size_t)kc);
            r->diff = r->actual - r->expected;
        }
        /* rank by actual minus expected; ties (within 1e-9 percentage points) share the better rank */
        int order[STYR_MAX_KOMMUNER] = {0};
        for (int i = 0; i < n; i++) order[i] = i;
        sort_m = m;
        qsort(order, (size_t)n, sizeof *order, by_diff);
        for (int i = 0; i < n; i++) {
            int j = i;
            /* equal up to rounding in the fit */
            while (j > 0 && fabs(m->row[order[j - 1]].diff - m->row[order[i]].diff) <= 1e-9) j--;
            m->row[order[i]].rank = j + 1;
        }
        /* peers: nearest expected shares (ties by municipality order) */
        for (int i = 0; i < n; i++) {
            styr_model_row *r = &m->row[i];
            double best[STYR_NPEERS];
            for (int p = 0; p < STYR_NPEERS; p++) r->peers[p] = -1, best[p] = INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double dist = fabs(m->row[j].expected - r->expected);
                for (int p = 0; p < STYR_NPEERS; p++) {
                    if (dist < best[p] - 1e-9) { /* equal distances: municipality order */
                        memmove(best + p + 1, best + p, (size_t)(STYR_NPEERS - 1 - p) * sizeof *best);
                        memmove(r->peers + p + 1, r->peers + p, (size_t)(STYR_NPEERS - 1 - p) * sizeof *r->peers);
                        best[p] = dist;
                        r->peers[p] = m->row[j].k;
                        break;
                    }
                }
            }
        }
    } else {
        memset(m, 0, sizeof *m);
        for (int k = 0; k < STYR_MAX_KOMMUNER; k++) m->of[k] = -1;
    }
    free(x);
    free(y);
    return rc;
}
