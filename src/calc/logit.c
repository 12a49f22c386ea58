/* logit: IRLS with model-based or cluster-robust standard errors. */
#include "logit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

int styr_spd_inverse(double *a, int k)
{
    double l[STYR_LOGIT_MAXK][STYR_LOGIT_MAXK] = {{0}}, li[STYR_LOGIT_MAXK][STYR_LOGIT_MAXK] = {{0}};
    double scale = 0;
    for (int i = 0; i < k; i++)
        if (a[i * k + i] > scale) scale = a[i * k + i];
    if (!(scale > 0)) return -1;
    for (int j = 0; j < k; j++) { /* a = L L' */
        double s = a[j * k + j];
        for (int m = 0; m < j; m++) s -= l[j][m] * l[j][m];
        if (!(s > 1e-12 * scale)) return -1;
        l[j][j] = sqrt(s);
        for (int i = j + 1; i < k; i++) {
            double t = a[i * k + j];
            for (int m = 0; m < j; m++) t -= l[i][m] * l[j][m];
            l[i][j] = t / l[j][j];
        }
    }
    for (int j = 0; j < k; j++) { /* L^-1, lower triangular */
        li[j][j] = 1 / l[j][j];
        for (int i = j + 1; i < k; i++) {
            double t = 0;
            for (int m = j; m < i; m++) t -= l[i][m] * li[m][j];
            li[i][j] = t / l[i][i];
        }
    }
    for (int i = 0; i < k; i++) /* a^-1 = L^-T L^-1 */
        for (int j = 0; j < k; j++) {
            double t = 0;
            for (int m = i > j ? i : j; m < k; m++) t += li[m][i] * li[m][j];
            a[i * k + j] = t;
        }
    return 0;
}

static double plogis(double eta) { return eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta)); }

/* log P(y | eta), without overflow */
static double loglik1(double eta, int y)
{
    double l1pe = eta > 0 ? eta + log1p(exp(-eta)) : log1p(exp(eta)); /* log(1 + e^eta) */
    return (y ? eta : 0) - l1pe;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int styr_logit_fit(const double *x, const unsigned char *y, int n, int k, const int *cluster, styr_logit *o)
{
    memset(o, 0, sizeof *o);
    o->n = n;
    o->k = k;
    if (k < 1 || k > STYR_LOGIT_MAXK || n <= k) return -1;
    for (int i = 0; i < n; i++) o->events += y[i] != 0;
    if (o->events == 0 || o->events == n) return -1;
    double b[STYR_LOGIT_MAXK] = {0}, info[STYR_LOGIT_MAXK * STYR_LOGIT_MAXK];
    int done = 0;
    for (int it = 0; it < 100 && !done; it++) {
        double u[STYR_LOGIT_MAXK] = {0};
        memset(info, 0, sizeof info);
        for (int i = 0; i < n; i++) {
            const double *r = x + (size_t)i * (size_t)k;
            double eta = 0;
            for (int j = 0; j < k; j++) eta += r[j] * b[j];
            double p = plogis(eta), w = p * (1 - p), e = (y[i] ? 1.0 : 0.0) - p;
            for (int j = 0; j < k; j++) {
                u[j] += r[j] * e;
                for (int m = 0; m <= j; m++) info[j * k + m] += w * r[j] * r[m];
            }
        }
        for (int j = 0; j < k; j++)
            for (int m = j + 1; m < k; m++) info[j * k + m] = info[m * k + j];
        if (styr_spd_inverse(info, k)) return -1;
        double step = 0;
        for (int j = 0; j < k; j++) {
            double dj = 0;
            for (int m = 0; m < k; m++) dj += info[j * k + m] * u[m];
            b[j] += dj;
            if (fabs(dj) > step) step = fabs(dj);
            if (!isfinite(b[j]) || fabs(b[j]) > 50) return -1; /* separation: the estimate runs away */
        }
        o->iterations = it + 1;
        done = step < 1e-10;
    }
    if (!done) return -1;
    /* at the estimate: the information's inverse, the scores, the likelihood */
    double *sc = styr_xcalloc((size_t)n, (size_t)k * sizeof *sc);
    memset(info, 0, sizeof info);
    for (int i = 0; i < n; i++) {
        const double *r = x + (size_t)i * (size_t)k;
        double eta = 0;
        for (int j = 0; j < k; j++) eta += r[j] * b[j];
        double p = plogis(eta), w = p * (1 - p), e = (y[i] ? 1.0 : 0.0) - p;
        o->ll += loglik1(eta, y[i] != 0);
        for (int j = 0; j < k; j++) {
            sc[(size_t)i * (size_t)k + (size_t)j] = r[j] * e;
            for (int m = 0; m < k; m++) info[j * k + m] += w * r[j] * r[m];
        }
    }
    int rc = styr_spd_inverse(info, k);
    if (!rc && cluster) {
        /* sandwich: sum over clusters of the outer product of the cluster's score */
        int *ord = styr_xcalloc((size_t)n, 2 * sizeof *ord);
        for (int i = 0; i < n; i++) { ord[2 * i] = cluster[i]; ord[2 * i + 1] = i; }
        qsort(ord, (size_t)n, 2 * sizeof *ord, cmp_int);
        double meat[STYR_LOGIT_MAXK * STYR_LOGIT_MAXK] = {0};
        int g = 0;
        for (int a = 0; a < n;) {
            double ug[STYR_LOGIT_MAXK] = {0};
            int z = a;
            for (; z < n && ord[2 * z] == ord[2 * a]; z++)
                for (int j = 0; j < k; j++) ug[j] += sc[(size_t)ord[2 * z + 1] * (size_t)k + (size_t)j];
            for (int j = 0; j < k; j++)
                for (int m = 0; m < k; m++) meat[j * k + m] += ug[j] * ug[m];
            g++;
            a = z;
        }
        free(ord);
        o->clusters = g;
        if (g < 2) rc = -1;
        double v[STYR_LOGIT_MAXK * STYR_LOGIT_MAXK] = {0}, t[STYR_LOGIT_MAXK * STYR_LOGIT_MAXK] = {0};
        for (int i = 0; !rc && i < k; i++)
            for (int j = 0; j < k; j++)
                for (int m = 0; m < k; m++) t[i * k + j] += info[i * k + m] * meat[m * k + j];
        for (int i = 0; !rc && i < k; i++)
            for (int j = 0; j < k; j++)
                for (int m = 0; m < k; m++) v[i * k + j] += t[i * k + m] * info[m * k + j];
        for (int j = 0; !rc && j < k; j++) o->se[j] = sqrt(v[j * k + j] * g / (g - 1.0));
    } else if (!rc) {
        for (int j = 0; j < k; j++) o->se[j] = sqrt(info[j * k + j]);
    }
    free(sc);
    if (rc) return -1;
    for (int j = 0; j < k; j++) {
        o->b[j] = b[j];
        if (!isfinite(o->se[j])) return -1;
    }
    double p1 = (double)o->events / n;
    o->ll0 = o->events * log(p1) + (n - o->events) * log1p(-p1);
    o->r2 = 1 - o->ll / o->ll0;
    o->aic = 2.0 * k - 2 * o->ll;
    return 0;
}
