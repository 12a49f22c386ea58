/* logit: logistic regression by iteratively reweighted least squares, for
 * which progression indicators predict job or education (styr progression).
 *
 * P(y = 1 | x) = 1 / (1 + exp(-x.b)) with n observations and k columns (the
 * caller includes the constant as a column of ones). Newton-Raphson on the
 * log-likelihood (IRLS): b += I(b)^-1 X'(y - p), I(b) = X'WX, W = p(1 - p),
 * from b = 0 until no coefficient moves by more than 1e-10 (at most 100
 * steps). Standard errors from the inverse information matrix at the
 * estimate; with clusters (persons who contribute several observations) the
 * sandwich I^-1 (sum_g u_g u_g') I^-1 with u_g the score of cluster g, times
 * G / (G - 1) as Stata's vce(cluster) does for likelihood models.
 *
 * The fit is stated as n, events, the log-likelihood, the null model's,
 * McFadden's pseudo-R² (1 - ll / ll0) and AIC (2k - 2 ll). A fit fails (-1)
 * when there are no events or no non-events, when n <= k, when the
 * information matrix is singular (a constant or collinear column), or when the
 * data separate the outcome (a coefficient runs away): an estimate is then
 * meaningless and none is given. */
#ifndef STYR_LOGIT_H
#define STYR_LOGIT_H

#define STYR_LOGIT_MAXK 12

typedef struct styr_logit {
    int n, k, events;          /* observations, columns, y = 1 */
    int clusters;              /* distinct clusters; 0 when the errors are not clustered */
    int iterations;
    double b[STYR_LOGIT_MAXK];  /* coefficients */
    double se[STYR_LOGIT_MAXK]; /* standard errors (clustered when clusters > 0) */
    double ll, ll0;            /* log-likelihood at b and of the constant-only model */
    double r2;                 /* McFadden: 1 - ll / ll0 */
    double aic;                /* 2k - 2 ll */
} styr_logit;

/* Fit on x (row-major, n x k) and y (n values 0/1). cluster (n ids) may be
 * NULL; ids need not be sorted or dense. 0, or -1 as said above. */
int styr_logit_fit(const double *x, const unsigned char *y, int n, int k, const int *cluster, styr_logit *out);

/* Solve the k x k symmetric positive definite a (row-major) in place into its
 * inverse (Cholesky). 0, or -1 when a is not positive definite. */
int styr_spd_inverse(double *a, int k);

#endif
