/* invest: saved weeks priced by the refusion rules and the payback, by hand.
 * The rate is 1.000 kr. per week, so a net saving in kroner is 1.000 x the sum
 * of the saved weeks' municipal shares (data/refusion.csv as built in). */
#include "harness.h"

#include <math.h>

#include "calc/invest.h"

#define NEAR(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-6)

static styr_rules *rules;
static styr_ws *ws;

static int setup(void **state)
{
    (void)state;
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(styr_ws_open(th_ws("inv"), STYR_WS_READ, &ws, &d), STYR_OK);
    rules = calloc(1, sizeof *rules);
    assert_int_equal(styr_rules_load(ws, rules, &d), STYR_OK);
    styr_diags_free(&d);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(rules);
    styr_ws_close(ws);
    th_cleanup();
    return 0;
}

static int grp(const char *code) { return styr_codes_ydelse(styr_ws_codes(ws), code, strlen(code)); }

static void test_kontanthjaelp_2016(void **state)
{
    (void)state;
    /* 10 persons, 3.000 kr. each; the spell would last 30 weeks, 8 are saved: weeks 23-30.
     * 23-26 are on step 5-26 (s = 0,60), 27-30 on step 27-52 (s = 0,70):
     * per person 4 x 600 + 4 x 700 = 5.200 kr.; all 52.000 kr. net, 80.000 kr. gross */
    styr_invest_in in = {grp("kontanthjaelp"), styr_rules_find(rules, "2016"), 1000, 1, 30, 8, 10, 3000};
    styr_invest o;
    assert_int_equal(styr_invest_compute(&in, rules, &o), 0);
    assert_int_equal(o.first_saved, 23);
    assert_int_equal(o.last_saved, 30);
    assert_int_equal(o.nsteps, 4);
    NEAR(o.weeks[0], 0);
    NEAR(o.weeks[1], 40);
    NEAR(o.weeks[2], 40);
    NEAR(o.net[1], 24000);
    NEAR(o.net[2], 28000);
    NEAR(o.tot_gross, 80000);
    NEAR(o.tot_net, 52000);
    NEAR(o.investment, 30000);
    NEAR(o.result, 22000);
    /* cumulated per person: 600, 1.200, 1.800, 2.400, 3.100 in week 27: the 27th week after the start */
    assert_int_equal(o.payback_weeks, 27);
    /* the same case in 2011: passive weeks s = 0,70 throughout: 5.600 per person */
    in.regime = styr_rules_find(rules, "2011");
    assert_int_equal(styr_invest_compute(&in, rules, &o), 0);
    NEAR(o.tot_net, 56000);
    /* an offer at week 28 cannot save weeks before it: 28-30 only */
    in.regime = styr_rules_find(rules, "2016");
    in.start = 28;
    assert_int_equal(styr_invest_compute(&in, rules, &o), 0);
    assert_int_equal(o.first_saved, 28);
    NEAR(o.tot_weeks, 30);
    NEAR(o.tot_net, 21000);
    assert_int_equal(o.payback_weeks, -1); /* 2.100 per person never reaches 3.000 */
    NEAR(o.result, -9000);
}

static void test_sygedagpenge(void **state)
{
    (void)state;
    /* one person, offer at week 40 of 60, 10 weeks saved: 51-60.
     * 2011: 51-52 with refusion 30 pct. (s = 0,70), 53-60 no refusion (s = 1): 1.400 + 8.000
     * 2016: 51-52 on step 27-52 (0,70), 53-60 on step 53- (0,80): 1.400 + 6.400 */
    styr_invest_in in = {grp("sygedagpenge"), styr_rules_find(rules, "2011"), 1000, 40, 60, 10, 1, 0};
    styr_invest o;
    assert_int_equal(styr_invest_compute(&in, rules, &o), 0);
    NEAR(o.tot_net, 9400);
    assert_int_equal(o.payback_weeks, 0); /* nothing invested */
    in.regime = styr_rules_find(rules, "2016");
    assert_int_equal(styr_invest_compute(&in, rules, &o), 0);
    NEAR(o.tot_net, 7800);
    NEAR(o.net[3], 6400);
    /* nonsense weeks */
    in.duration = 30;
    assert_int_equal(styr_invest_compute(&in, rules, &o), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kontanthjaelp_2016),
        cmocka_unit_test(test_sygedagpenge),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
