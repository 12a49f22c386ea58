/* tdist: t distribution function and quantile. */
#include "tdist.h"

#include <math.h>

/* continued fraction of the incomplete beta function (Numerical Recipes' betacf) */
static double betacf(double a, double b, double x)
{
    const double tiny = 1e-300;
    double qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - qab * x / qap;
    if (fabs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 1000; m++) {
        int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (fabs(c) < tiny) c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (fabs(c) < tiny) c = tiny;
        d = 1 / d;
        double del = d * c;
        h *= del;
        if (fabs(del - 1) < 1e-15) break;
    }
    return h;
}

/* regularised incomplete beta I_x(a, b) */
static double ibeta(double a, double b, double x)
{
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double lbt = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x);
    if (x < (a + 1) / (a + b + 2)) return exp(lbt) * betacf(a, b, x) / a;
    return 1 - exp(lbt) * betacf(b, a, 1 - x) / b;
}

double styr_t_cdf(double t, double df)
{
    double tail = 0.5 * ibeta(df / 2, 0.5, df / (df + t * t)); /* P(T > |t|) */
    return t >= 0 ? 1 - tail : tail;
}

double styr_t_quantile(double q, double df)
{
    if (df > 1e6) df = 1e6;
    double lo = -1e3, hi = 1e3;
    if (q > 0.5) lo = 0;
    else hi = 0;
    while (styr_t_cdf(hi, df) < q && hi < 1e12) { lo = hi; hi *= 10; }
    while (styr_t_cdf(lo, df) > q && lo > -1e12) { hi = lo; lo *= 10; }
    for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
        double m = (lo + hi) / 2;
        if (styr_t_cdf(m, df) < q) lo = m;
        else hi = m;
    }
    return (lo + hi) / 2;
}
