/* followup: budget, actual to date, run-rate forecast and drivers, computed by
 * hand.
 *
 * The year is 2024: 52 weeks, the months (weeks whose Thursday lies in them)
 * have 4,5,4,4,5,4,4,5,4,5,4,4 weeks. The actual is steady: 110 full-time
 * recipients every week, 20 pct. of them in an offer, 2.000 kr. net per
 * person-week (104.000 kr. per full-time year). */
#include "harness.h"

#include <math.h>

#include "calc/followup.h"

#define NEAR(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-6 * (1 + fabs((double)(b))))

static const int mw2024[12] = {4, 5, 4, 4, 5, 4, 4, 5, 4, 5, 4, 4};

static styr_budget budget(void)
{
    /* F_b 100, N_b 200 (so varighed 26 weeks), A_b 25 pct., P_b 100.000 kr., an offer-year
     * 40.000 kr., 2 caseworkers at 500.000 kr.:
     * forsørgelse 10,0 mio., indsats 100 x 0,25 x 40.000 = 1,0 mio., administration 1,0 mio. */
    styr_budget b = {.kommune = 101, .aar = 2024, .grp = 2, .fuldtid = 100, .personer = 200, .varighed = 26,
                     .aktivering = 25, .pris = 100000, .udgift_tilbud = 40000, .sagsbehandlere = 2,
                     .sager_pr_sb = NAN, .udgift_sb = 500000};
    for (int i = 0; i < 12; i++) b.profil[i] = NAN;
    return b;
}

static styr_fu_actual steady(double persons_ytd, double persons_new)
{
    styr_fu_actual a;
    memset(&a, 0, sizeof a);
    for (int i = 0; i < 12; i++) {
        a.mweeks[i] = mw2024[i];
        a.weeks[i] = 110.0 * mw2024[i];
        a.active[i] = 22.0 * mw2024[i];
        a.net[i] = 220000.0 * mw2024[i];
    }
    a.persons_ytd = persons_ytd;
    a.persons_new = persons_new;
    return a;
}

static void test_june(void **state)
{
    (void)state;
    styr_budget b = budget();
    styr_fu_actual a = steady(180, 30);
    styr_followup o;
    styr_followup_compute(&b, &a, 6, 0.02, &o);
    NEAR(o.b_fors, 10e6);
    NEAR(o.b_ind, 1e6);
    NEAR(o.b_adm, 1e6);
    NEAR(o.b_total, 12e6);
    /* January-June: 26 of 52 weeks */
    assert_int_equal(o.weeks_elapsed, 26);
    NEAR(o.b_ytd, 6e6);
    /* actual: net 220.000 x 26 = 5,72 mio.; offers 572 active weeks / 52 x 40.000 = 440.000;
     * administration 500.000 */
    NEAR(o.a_fors, 5.72e6);
    NEAR(o.a_ind, 440000);
    NEAR(o.a_adm, 500000);
    NEAR(o.a_total, 6.66e6);
    NEAR(o.a_fte, 110);
    NEAR(o.a_akt, 20);
    /* run rate April-June (13 weeks) for the 26 weeks left: twice those months */
    assert_int_equal(o.window, 3);
    NEAR(o.f_fors, 11.44e6);
    NEAR(o.f_fte, 110);
    NEAR(o.f_akt, 20);
    NEAR(o.f_pris, 104000);
    /* persons: 180 so far, 30 new since March, 30 x 2 more: 240; varighed 110 x 52 / 240 */
    NEAR(o.f_persons, 240);
    NEAR(o.f_varighed, 110.0 * 52 / 240);
    NEAR(o.f_ind, 880000);
    NEAR(o.f_total, 13.32e6);
    NEAR(o.diff, 1.32e6);
    NEAR(o.diff_pct, 11);
    /* drivers, U_b = 100.000 + 0,25 x 40.000 = 110.000:
     * personer (240/200 - 1) x 100 x 110.000 = 2,2 mio.; varighed (110 - 120) x 110.000 = -1,1 mio.;
     * aktivering 110 x (0,20 - 0,25) x 40.000 = -220.000; pris 110 x 4.000 = 440.000 */
    NEAR(o.drv[STYR_DRV_PERSONER], 2.2e6);
    NEAR(o.drv[STYR_DRV_VARIGHED], -1.1e6);
    NEAR(o.drv[STYR_DRV_FULDTID], 0);
    NEAR(o.drv[STYR_DRV_AKTIVERING], -220000);
    NEAR(o.drv[STYR_DRV_PRIS], 440000);
    assert_int_equal(o.main_driver, STYR_DRV_PERSONER);
    assert_true(o.warn);
    NEAR(o.caseload, 55);
    NEAR(o.caseload_budget, 50);
    /* the months: budget by weeks (February 5/52 of 12 mio.); actual February
     * 1,1 mio. + 22 x 5 / 52 x 40.000 + 1 mio. x 5/52 */
    NEAR(o.b_month[1], 12e6 * 5 / 52);
    NEAR(o.a_month[1], 1.1e6 + 110.0 / 52 * 40000 + 1e6 * 5 / 52);
}

static void test_profile_and_february(void **state)
{
    (void)state;
    styr_budget b = budget();
    b.personer = b.varighed = NAN; /* no persons: the volume is one driver */
    for (int i = 0; i < 12; i++) b.profil[i] = i == 11 ? 2 : 1;
    styr_fu_actual a = steady(150, 20);
    styr_followup o;
    styr_followup_compute(&b, &a, 2, 0.02, &o);
    /* the profile: 2 of 13 parts by February */
    NEAR(o.b_ytd, 12e6 * 2 / 13);
    NEAR(o.b_month[11], 12e6 * 2 / 13);
    /* two months of run rate (9 weeks) for 43 weeks: the same steady year */
    assert_int_equal(o.window, 2);
    NEAR(o.f_fte, 110);
    NEAR(o.f_fors, 11.44e6);
    /* fuldtid (110 - 100) x 110.000 = 1,1 mio.; aktivering -220.000; pris 440.000 */
    NEAR(o.drv[STYR_DRV_PERSONER], 0);
    NEAR(o.drv[STYR_DRV_FULDTID], 1.1e6);
    NEAR(o.drv[STYR_DRV_AKTIVERING], -220000);
    NEAR(o.drv[STYR_DRV_PRIS], 440000);
    NEAR(o.diff, 1.32e6);
    assert_int_equal(o.main_driver, STYR_DRV_FULDTID);
}

static void test_on_budget_and_totals(void **state)
{
    (void)state;
    /* a budget that matches the actual: no departure, no driver, no warning */
    styr_budget b = budget();
    b.fuldtid = 110;
    b.personer = 240;
    b.varighed = 110.0 * 52 / 240;
    b.aktivering = 20;
    b.pris = 104000;
    styr_fu_actual a = steady(180, 30);
    styr_followup o, p, t;
    styr_followup_compute(&b, &a, 6, 0.02, &o);
    NEAR(o.diff, 0);
    assert_int_equal(o.main_driver, -1);
    assert_false(o.warn);
    /* 1,9 pct. below the budget stays quiet, 2,1 pct. warns (threshold 2 pct.) */
    b.pris = 104000 * 1.019; /* forsørgelse budget up 1,9 pct. */
    styr_followup_compute(&b, &a, 6, 0.02, &p);
    assert_true(fabs(p.diff_pct) < 2);
    assert_false(p.warn);
    b.pris = 104000 * 1.03;
    styr_followup_compute(&b, &a, 6, 0.02, &p);
    assert_true(p.warn);
    assert_int_equal(p.main_driver, STYR_DRV_PRIS);
    assert_true(p.drv[STYR_DRV_PRIS] < 0);
    /* the total of the two: sums, activation weighted, the warning on the total */
    memset(&t, 0, sizeof t);
    styr_followup_add(&t, &o);
    styr_followup_add(&t, &p);
    styr_followup_finish(&t, 0.02);
    NEAR(t.b_total, o.b_total + p.b_total);
    NEAR(t.f_total, o.f_total + p.f_total);
    NEAR(t.f_fte, 220);
    NEAR(t.f_akt, 20);
    NEAR(t.diff, p.diff);
    assert_int_equal(t.main_driver, STYR_DRV_PRIS);
    assert_true(fabs(t.diff_pct) < fabs(p.diff_pct));
}

static void test_driver_names(void **state)
{
    (void)state;
    assert_string_equal(styr_driver_name(STYR_DRV_PERSONER, 1), "flere personer");
    assert_string_equal(styr_driver_name(STYR_DRV_AKTIVERING, -1), "lavere aktiveringsgrad");
    assert_string_equal(styr_driver_name(STYR_DRV_VARIGHED, 5), "længere varighed");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_june),
        cmocka_unit_test(test_profile_and_february),
        cmocka_unit_test(test_on_budget_and_totals),
        cmocka_unit_test(test_driver_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
