/* ols: least squares by Householder QR. */
#include "ols.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int styr_ols_fit(const double *x, const double *y, int n, int k, styr_ols *o)
{
    memset(o, 0, sizeof *o);
    if (k < 1 || k > STYR_OLS_MAXK || n <= k) return -1;
    double *a = malloc((size_t)n * (size_t)k * sizeof *a), *q = malloc((size_t)n * sizeof *q);
    if (!a || !q) {
        free(a);
        free(q);
        return -1;
    }
    memcpy(a, x, (size_t)n * (size_t)k * sizeof *a);
    memcpy(q, y, (size_t)n * sizeof *q);
    double ymean = 0, tss = 0;
    for (int i = 0; i < n; i++) ymean += y[i];
    ymean /= n;
    for (int i = 0; i < n; i++) tss += (y[i] - ymean) * (y[i] - ymean);
    int rc = 0;
    /* Householder: a becomes R in its upper triangle, q becomes Q'y */
    for (int j = 0; j < k && !rc; j++) {
        double norm = 0, colmax = 0;
        for (int i = 0; i < n; i++) colmax = fmax(colmax, fabs(a[i * k + j]));
        for (int i = j; i < n; i++) norm += a[i * k + j] * a[i * k + j];
        norm = sqrt(norm);
        if (norm <= 1e-12 * (colmax > 0 ? colmax : 1) * sqrt((double)n)) { rc = -1; break; }
        double alpha = a[j * k + j] > 0 ? -norm : norm;
        double v0 = a[j * k + j] - alpha, vnorm2 = v0 * v0;
        for (int i = j + 1; i < n; i++) vnorm2 += a[i * k + j] * a[i * k + j];
        /* v = (v0, a[j+1..n-1][j]); apply H = I - 2vv'/v'v to the columns right of j and to q */
        for (int c = j + 1; c <= k; c++) {
            double dot = v0 * (c < k ? a[j * k + c] : q[j]);
            for (int i = j + 1; i < n; i++) dot += a[i * k + j] * (c < k ? a[i * k + c] : q[i]);
            double f = 2 * dot / vnorm2;
            if (c < k) {
                a[j * k + c] -= f * v0;
                for (int i = j + 1; i < n; i++) a[i * k + c] -= f * a[i * k + j];
            } else {
                q[j] -= f * v0;
                for (int i = j + 1; i < n; i++) q[i] -= f * a[i * k + j];
            }
        }
        a[j * k + j] = alpha;
    }
    if (!rc) {
        /* back substitution R b = (Q'y)[0..k-1]; RSS = the rest of Q'y squared */
        for (int j = k - 1; j >= 0; j--) {
            double s = q[j];
            for (int c = j + 1; c < k; c++) s -= a[j * k + c] * o->b[c];
            o->b[j] = s / a[j * k + j];
        }
        for (int i = k; i < n; i++) o->rss += q[i] * q[i];
        o->n = n;
        o->k = k;
        o->s2 = o->rss / (n - k);
        o->r2 = tss > 0 ? 1 - o->rss / tss : 0;
        /* (X'X)^-1 = R^-1 R^-T: the diagonal is the squared norms of the rows of R^-1 */
        double rinv[STYR_OLS_MAXK][STYR_OLS_MAXK];
        memset(rinv, 0, sizeof rinv);
        for (int j = k - 1; j >= 0; j--) {
            rinv[j][j] = 1 / a[j * k + j];
            for (int c = j + 1; c < k; c++) {
                double s = 0;
                for (int m = j + 1; m <= c; m++) s += a[j * k + m] * rinv[m][c];
                rinv[j][c] = -s / a[j * k + j];
            }
        }
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int c = j; c < k; c++) s += rinv[j][c] * rinv[j][c];
            o->se[j] = sqrt(o->s2 * s);
        }
    }
    free(a);
    free(q);
    return rc;
}

double styr_ols_predict(const styr_ols *m, const double *row)
{
    double s = 0;
    for (int j = 0; j < m->k; j++) s += m->b[j] * row[j];
    return s;
}
