/* Tests of result goals: target parsing, the forecast from the months so
 * far, the status, and the scorecard's marks (spec §6). */
#include "harness.h"

#include <math.h>

#include "calc/goaleval.h"
#include "calc/scorecard.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-9)
#define OK(x) ((styr_figval){(x), STYR_FV_OK})
#define SUP ((styr_figval){0, STYR_FV_SUPPRESSED})

static void test_parse(void **state)
{
    (void)state;
    styr_goal_kind k;
    double v;
    assert_int_equal(styr_goal_parse_target("<=2,0", &k, &v), 0);
    assert_int_equal(k, STYR_GOAL_MAX);
    NEAR(v, 2.0);
    assert_int_equal(styr_goal_parse_target(">=40", &k, &v), 0);
    assert_int_equal(k, STYR_GOAL_MIN);
    NEAR(v, 40);
    assert_int_equal(styr_goal_parse_target("klynge", &k, &v), 0);
    assert_int_equal(k, STYR_GOAL_CLUSTER);
    assert_int_equal(styr_goal_parse_target("-10%", &k, &v), 0);
    assert_int_equal(k, STYR_GOAL_CHANGE);
    NEAR(v, -10);
    assert_int_equal(styr_goal_parse_target("+2,5%", &k, &v), 0);
    NEAR(v, 2.5);
    assert_int_equal(styr_goal_parse_target("10%", &k, &v), -1);
    assert_int_equal(styr_goal_parse_target("<2", &k, &v), -1);
    assert_int_equal(styr_goal_parse_target("+0%", &k, &v), -1);
    assert_int_equal(styr_goal_parse_target("<=", &k, &v), -1);
    assert_int_equal(styr_goal_parse_target("", &k, &v), -1);
}

static void test_forecast(void **state)
{
    (void)state;
    int w[12] = {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};
    /* four months 10, 12, 14, 16: trend 8 + 2m; the year so far 13 over 16 weeks;
     * months 5..12 predicted 18..32, sum 200, x 4 weeks = 800; (13 x 16 + 800) / 48 = 21 */
    styr_figval path[12] = {OK(10), OK(12), OK(14), OK(16)};
    NEAR(styr_goal_forecast(OK(13), path, w, 4).v, 21.0);
    /* two months: the rest at the last value, 12: (11 x 8 + 12 x 40) / 48 */
    NEAR(styr_goal_forecast(OK(11), path, w, 2).v, (11.0 * 8 + 12.0 * 40) / 48);
    /* a suppressed month is left out of the trend: months 1, 3, 4 -> points (1,10) (3,14) (4,16) */
    styr_figval gap[12] = {OK(10), SUP, OK(14), OK(16)};
    /* least squares on x = 1,3,4, y = 10,14,16: xbar 8/3, ybar 40/3, Sxy = 28/3 + ... exact slope 2, intercept 8 */
    NEAR(styr_goal_forecast(OK(13), gap, w, 4).v, 21.0);
    /* a complete year is its own value; a suppressed year to date stays suppressed */
    NEAR(styr_goal_forecast(OK(13), path, w, 12).v, 13);
    assert_int_equal(styr_goal_forecast(SUP, path, w, 4).state, STYR_FV_SUPPRESSED);
}

static void test_status(void **state)
{
    (void)state;
    styr_goal g = {.kind = STYR_GOAL_MAX, .value = 2.0};
    assert_int_equal(styr_goal_status(&g, -1, 1, 1, OK(1.9), OK(9), OK(2.0)), STYR_GS_REACHED);
    assert_int_equal(styr_goal_status(&g, -1, 1, 1, OK(2.1), OK(1), OK(2.0)), STYR_GS_NOT_REACHED);
    assert_int_equal(styr_goal_status(&g, -1, 1, 0, OK(1.0), OK(2.0), OK(2.0)), STYR_GS_ON_TRACK);
    assert_int_equal(styr_goal_status(&g, -1, 1, 0, OK(1.0), OK(2.1), OK(2.0)), STYR_GS_NOT_REACHED);
    assert_int_equal(styr_goal_status(&g, -1, 1, 0, OK(1.0), SUP, OK(2.0)), STYR_GS_UNKNOWN);
    g = (styr_goal){.kind = STYR_GOAL_MIN, .value = 40};
    assert_int_equal(styr_goal_status(&g, +1, 1, 1, OK(40), OK(0), OK(40)), STYR_GS_REACHED);
    /* better than the cluster, as shown: 2,24 and 2,2 are both "2,2" */
    g = (styr_goal){.kind = STYR_GOAL_CLUSTER};
    assert_int_equal(styr_goal_status(&g, -1, 1, 1, OK(2.16), OK(0), OK(2.2)), STYR_GS_NOT_REACHED);
    assert_int_equal(styr_goal_status(&g, -1, 1, 1, OK(2.14), OK(0), OK(2.2)), STYR_GS_REACHED);
    assert_int_equal(styr_goal_status(&g, +1, 1, 1, OK(2.26), OK(0), OK(2.2)), STYR_GS_REACHED);
    /* down by 10 pct. from 10: the target is 9 */
    g = (styr_goal){.kind = STYR_GOAL_CHANGE, .value = -10};
    assert_int_equal(styr_goal_status(&g, -1, 1, 1, OK(8.9), OK(0), OK(9)), STYR_GS_REACHED);
    assert_int_equal(styr_goal_status(&g, -1, 1, 1, OK(9.1), OK(0), OK(9)), STYR_GS_NOT_REACHED);
    g.value = 5;
    assert_int_equal(styr_goal_status(&g, +1, 1, 0, OK(0), OK(10.6), OK(10.5)), STYR_GS_ON_TRACK);
}

static void test_periods(void **state)
{
    (void)state;
    styr_period p[16];
    int n = styr_goal_periods(2024, 3, p);
    assert_int_equal(n, 6);
    const char *want[] = {"2024", "2023", "2024M01", "2024M02", "2024M03", "2024M03AATD"};
    for (int i = 0; i < n; i++) assert_string_equal(p[i].name, want[i]);
    assert_int_equal(styr_goal_periods(2024, 12, p), 14); /* no year to date: the year itself */
}

static void test_marks(void **state)
{
    (void)state;
    /* lower is better */
    assert_int_equal(styr_mark(OK(1.94), OK(2.0), -1, 1), 1);
    assert_int_equal(styr_mark(OK(1.96), OK(2.0), -1, 1), 0);  /* both 2,0 */
    assert_int_equal(styr_mark(OK(2.1), OK(2.0), -1, 1), -1);
    assert_int_equal(styr_mark(OK(2.1), SUP, -1, 1), STYR_MARK_NA); /* not "as the cluster" */
    assert_int_equal(styr_mark(OK(80), OK(70), +1, 1), 1);
    /* a fall of 9,5 pct. against 6 pct. in the cluster is better for a lower-is-better figure */
    NEAR(styr_pct_change(OK(6.7), OK(7.4)).v, 100 * (6.7 - 7.4) / 7.4);
    assert_int_equal(styr_mark(OK(-9.5), OK(-6.0), -1, 1), 1);
    assert_int_equal(styr_pct_change(OK(1), OK(0)).state, STYR_FV_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),   cmocka_unit_test(test_forecast), cmocka_unit_test(test_status),
        cmocka_unit_test(test_periods), cmocka_unit_test(test_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
