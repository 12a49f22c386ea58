/* ols: ordinary least squares with standard errors, for the expected-against-
 * actual model of the cluster benchmark (styr compare --model).
 *
 * y = X b + e with n observations and k columns (the caller includes the
 * constant as a column of ones). Solved by Householder QR of X, so a nearly
 * collinear design loses no more precision than it must; the standard error
 * of b_j is sqrt(s2 * [(X'X)^-1]_jj) with s2 = RSS / (n - k). */
#ifndef STYR_OLS_H
#define STYR_OLS_H

#define STYR_OLS_MAXK 16

typedef struct styr_ols {
    int n, k;
    double b[STYR_OLS_MAXK];   /* coefficients */
    double se[STYR_OLS_MAXK];  /* standard errors */
    double rss, r2, s2;        /* residual sum of squares, R², residual variance */
} styr_ols;

/* Fit on x (row-major, n x k) and y (n). Returns 0, or -1 when n <= k, k is
 * out of range or the columns are linearly dependent (rank < k). */
int styr_ols_fit(const double *x, const double *y, int n, int k, styr_ols *out);

/* x_i . b for one row of k values. */
double styr_ols_predict(const styr_ols *m, const double *row);

#endif
