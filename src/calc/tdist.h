/* tdist: Student's t distribution, for the 95 pct. intervals of mean changes
 * (styr progression) when the persons behind them are few.
 *
 * The distribution function through the regularised incomplete beta function
 * (a continued fraction, Lentz's method); the quantile by bisection on it,
 * accurate to 1e-10. */
#ifndef STYR_TDIST_H
#define STYR_TDIST_H

/* P(T <= t) for df > 0 degrees of freedom. */
double styr_t_cdf(double t, double df);

/* The q-quantile (0 < q < 1) of t with df > 0; for df above 1e6 the normal's. */
double styr_t_quantile(double q, double df);

#endif
