/* test_logit: the logistic regression (calc/logit.h) against closed forms
 * worked by hand, and the t quantile (calc/tdist.h) against the tables (R's
 * qt(0.975, df)). */
#include "harness.h"

#include <math.h>

#include "calc/logit.h"
#include "calc/tdist.h"

/* t quantiles as tables print them (R: qt(0.975, df)) */
static void test_tdist(void **state)
{
    (void)state;
    assert_float_equal(styr_t_quantile(0.975, 1), 12.706204736174698, 1e-8);
    assert_float_equal(styr_t_quantile(0.975, 2), 4.302652729749464, 1e-9);
    assert_float_equal(styr_t_quantile(0.975, 5), 2.5705818366147395, 1e-9);
    assert_float_equal(styr_t_quantile(0.975, 10), 2.2281388519862744, 1e-9);
    assert_float_equal(styr_t_quantile(0.975, 30), 2.0422724563012373, 1e-9);
    assert_float_equal(styr_t_quantile(0.025, 5), -2.5705818366147395, 1e-9);
    assert_float_equal(styr_t_cdf(0, 7), 0.5, 1e-15);
}

/* A 2x2 table: x = 0: 20 events of 50; x = 1: 30 of 40. The saturated model has
 * the closed form b0 = log(20/30) = -0.405465, b1 = log((30/10)/(20/30)) =
 * log 4.5 = 1.504077, se(b0) = sqrt(1/20 + 1/30) = 0.288675, se(b1) =
 * sqrt(1/20 + 1/30 + 1/30 + 1/10) = 0.465475; ll = 20 log 0.4 + 30 log 0.6 +
 * 30 log 0.75 + 10 log 0.25 = -56.143989, ll0 = 50 log(5/9) + 40 log(4/9) =
 * -61.826542, McFadden 1 - ll/ll0 = 0.091911, AIC 4 - 2 ll = 116.287978. */
static void table2x2(double *x, unsigned char *y, int copies)
{
    int i = 0;
    for (int c = 0; c < copies; c++)
        for (int g = 0; g < 2; g++)
            for (int k = 0; k < (g ? 40 : 50); k++) {
                x[2 * i] = 1;
                x[2 * i + 1] = g;
                y[i] = g ? k < 30 : k < 20;
                i++;
            }
}

static void test_logit(void **state)
{
    (void)state;
    double x[2 * 180];
    unsigned char y[180];
    int cl[180];
    styr_logit m;
    table2x2(x, y, 1);
    assert_int_equal(styr_logit_fit(x, y, 90, 2, NULL, &m), 0);
    assert_int_equal(m.n, 90);
    assert_int_equal(m.events, 50);
    assert_float_equal(m.b[0], -0.40546510810816444, 1e-9);
    assert_float_equal(m.b[1], 1.5040773967762742, 1e-9);
    assert_float_equal(m.se[0], 0.2886751345948129, 1e-9);
    assert_float_equal(m.se[1], 0.4654746681256314, 1e-9);
    assert_float_equal(m.ll, -56.14398913521516, 1e-9);
    assert_float_equal(m.ll0, -61.8265418937591, 1e-9);
    assert_float_equal(m.r2, 0.09191121781173972, 1e-10);
    assert_float_equal(m.aic, 116.28797827043032, 1e-8);
    assert_int_equal(m.clusters, 0);
    /* every observation its own cluster: in a saturated binary model the robust
     * (sandwich) variance equals the model's, so se x sqrt(G/(G-1)) = sqrt(90/89) */
    for (int i = 0; i < 90; i++) cl[i] = 1000 - i;
    assert_int_equal(styr_logit_fit(x, y, 90, 2, cl, &m), 0);
    assert_int_equal(m.clusters, 90);
    assert_float_equal(m.se[1], 0.4654746681256314 * sqrt(90.0 / 89), 1e-9);
    /* every observation twice, each pair one cluster (a person assessed twice
     * with the same score and outcome): the same b; model-based se shrink by
     * sqrt 2, the clustered se are those of the single data set x sqrt(90/89) */
    table2x2(x, y, 2);
    for (int i = 0; i < 180; i++) cl[i] = i % 90;
    assert_int_equal(styr_logit_fit(x, y, 180, 2, NULL, &m), 0);
    assert_float_equal(m.b[1], 1.5040773967762742, 1e-9);
    assert_float_equal(m.se[1], 0.4654746681256314 / sqrt(2), 1e-9);
    assert_int_equal(styr_logit_fit(x, y, 180, 2, cl, &m), 0);
    assert_int_equal(m.clusters, 90);
    assert_float_equal(m.b[1], 1.5040773967762742, 1e-9);
    assert_float_equal(m.se[0], 0.2886751345948129 * sqrt(90.0 / 89), 1e-9);
    assert_float_equal(m.se[1], 0.4654746681256314 * sqrt(90.0 / 89), 1e-9);
    /* complete separation (x = 1 always an event, x = 0 never): no estimate */
    for (int i = 0; i < 90; i++) y[i] = x[2 * i + 1] > 0;
    assert_int_equal(styr_logit_fit(x, y, 90, 2, NULL, &m), -1);
    /* no variation in y, or a constant regressor: no estimate */
    memset(y, 1, 90);
    assert_int_equal(styr_logit_fit(x, y, 90, 2, NULL, &m), -1);
    table2x2(x, y, 1);
    for (int i = 0; i < 90; i++) x[2 * i + 1] = 3;
    assert_int_equal(styr_logit_fit(x, y, 90, 2, NULL, &m), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tdist),
        cmocka_unit_test(test_logit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
