/* satser: the rates and the ØVO/mentor cap in the reference data.
 *
 * Pins: every benefit group of ydelser.csv has a rate for every year
 * 2008-2026, each with a source, and an estimate says "SKØN:"; a few sourced
 * rates, converted to kr. per week by hand (monthly x 12 / 52, daily x 5,
 * annual / 52, weekly as published); the cap table of L 77 (10.602 kr. per
 * full-time person in 2026, the target groups without fleksjob); the cap's
 * states by year (not applicable before 2026, no data after); and the cap
 * beside the indsats element, computed by hand. */
#include "harness.h"

#include <math.h>
#include <stdlib.h>

#include "calc/followup.h"
#include "ws/codes.h"
#include "ws/oevoloft.h"

#define NEAR(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9 * (1 + fabs((double)(b))))

static styr_ws *open_ws(const char *name)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    assert_int_equal(styr_ws_open(th_ws(name), STYR_WS_READ, &ws, &d), STYR_OK);
    styr_diags_free(&d);
    return ws;
}

static double rate(sqlite3 *db, int year, const char *y, char *kilde, size_t cap)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT kr_pr_uge, kilde FROM satser WHERE aar = ? AND ydelse = ?", -1,
                                        &st, NULL), SQLITE_OK);
    sqlite3_bind_int(st, 1, year);
    sqlite3_bind_text(st, 2, y, -1, SQLITE_STATIC);
    double v = NAN;
    if (sqlite3_step(st) == SQLITE_ROW) {
        v = sqlite3_column_double(st, 0);
        if (kilde) snprintf(kilde, cap, "%s", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    return v;
}

static void test_every_group_every_year(void **state)
{
    (void)state;
    styr_ws *ws = open_ws("s1");
    sqlite3 *db = styr_ws_db(ws);
    sqlite3_stmt *st;
    /* a union (dele) has no rate of its own: no person-week is in it; a group
     * with a first year (fra) has rates from then on, and none before */
    /* education (SU, offentlig 0) is no public support: it has no rate, checked below */
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT ydelse, fra FROM ydelser WHERE dele = '' AND offentlig = 1", -1, &st, NULL),
                     SQLITE_OK);
    int groups = 0, late = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *y = (const char *)sqlite3_column_text(st, 0);
        const char *fra = (const char *)sqlite3_column_text(st, 1);
        int from = fra && *fra ? atoi(fra) : 2008;
        groups++;
        late += from > 2008;
        for (int year = 2008; year <= 2026; year++) {
            char k[512] = "";
            double v = rate(db, year, y, k, sizeof k);
            if (year < from) {
                if (!isnan(v)) fail_msg("a rate for %s %d before the group exists", y, year);
            } else if (isnan(v) || v <= 0 || !k[0])
                fail_msg("no rate or source for %s %d", y, year);
        }
    }
    sqlite3_finalize(st);
    assert_int_equal(groups, 13);
    assert_int_equal(late, 1);
    /* education (SU) is no public support: never a rate, so never a cost */
    for (int year = 2008; year <= 2026; year++) assert_true(isnan(rate(db, year, "uddannelse", NULL, 0)));
    /* the union of the reform of 1 July 2025 has no rate */
    assert_true(isnan(rate(db, 2025, "kontanthjaelp_mv", NULL, 0)));
    /* the new kontanthjælp: the old one's representative rate, an estimate */
    NEAR(rate(db, 2025, "kontanthjaelp_ny", NULL, 0), 2946);
    NEAR(rate(db, 2026, "kontanthjaelp_ny", NULL, 0), 3079);
    /* an estimate says so; a sourced row names its conversion */
    char k[512];
    rate(db, 2026, "fleksjob", k, sizeof k);
    assert_memory_equal(k, "SKØN:", strlen("SKØN:"));
    rate(db, 2025, "dagpenge", k, sizeof k);
    assert_non_null(strstr(k, "21.092 kr./md. x 12/52"));
    styr_ws_close(ws);
}

static void test_sourced_rates(void **state)
{
    (void)state;
    styr_ws *ws = open_ws("s2");
    sqlite3 *db = styr_ws_db(ws);
    /* dagpenge 2025: 21.092 kr./md. x 12 / 52 = 4.867,38 -> 4.867 */
    NEAR(rate(db, 2025, "dagpenge", NULL, 0), 4867);
    /* dagpenge 2014: 815 kr./dag x 5 = 4.075 */
    NEAR(rate(db, 2014, "dagpenge", NULL, 0), 4075);
    /* dagpenge 2008: 182.780 kr./år / 52 = 3.515 (703 kr./dag x 5) */
    NEAR(rate(db, 2008, "dagpenge", NULL, 0), 3515);
    /* sygedagpenge 2023: 4.550 kr./uge as published */
    NEAR(rate(db, 2023, "sygedagpenge", NULL, 0), 4550);
    /* kontanthjælp 2023, fyldt 30 år, andre: 11.944 x 12 / 52 = 2.756,3 -> 2.756 */
    NEAR(rate(db, 2023, "kontanthjaelp", NULL, 0), 2756);
    /* førtidspension 2024, enlige: 20.370 x 12 / 52 = 4.700,8 -> 4.701 */
    NEAR(rate(db, 2024, "foertidspension", NULL, 0), 4701);
    /* an estimate: sygedagpenge 2026 = 4.695 x 5.086 / 4.698 = 5.083,0 */
    NEAR(rate(db, 2026, "sygedagpenge", NULL, 0), 5083);
    styr_ws_close(ws);
}

static void test_cap_table_and_states(void **state)
{
    (void)state;
    styr_ws *ws = open_ws("s3");
    const styr_codes *c = styr_ws_codes(ws);
    int dp = styr_codes_ydelse(c, "dagpenge", 8), fj = styr_codes_ydelse(c, "fleksjob", 8);
    int fp = styr_codes_ydelse(c, "foertidspension", 15), sd = styr_codes_ydelse(c, "sygedagpenge", 12);
    styr_diags d;
    styr_diags_init(&d);
    styr_oevo_loft l;
    assert_int_equal(styr_oevo_loft_get(ws, 2025, &l, &d), STYR_OK);
    assert_int_equal(l.state, STYR_LOFT_NA);
    assert_int_equal(l.first_year, 2026);
    assert_int_equal(styr_oevo_loft_get(ws, 2026, &l, &d), STYR_OK);
    assert_int_equal(l.state, STYR_LOFT_VALUE);
    NEAR(l.kr[dp], 10602);
    NEAR(l.kr[sd], 10602);
    assert_true(isnan(l.kr[fj]));
    assert_true(isnan(l.kr[fp]));
    assert_non_null(strstr(l.kilde, "L 77"));
    assert_int_equal(styr_oevo_loft_get(ws, 2027, &l, &d), STYR_OK);
    assert_int_equal(l.state, STYR_LOFT_NODATA);
    styr_diags_free(&d);
    styr_ws_close(ws);
}

/* The cap beside the indsats element, by hand: dagpenge budget 2 full-time at
 * 50 pct. activation and 30.000 kr. per offer: indsats 2 x 0,5 x 30.000 =
 * 30.000 against a cap of 2 x 10.602 = 21.204 (over); kontanthjælp 1 x 0,2 x
 * 20.000 = 4.000 against 10.602 (under); the total 34.000 against 31.806
 * (over). Fleksjob is outside the target group and adds nothing. */
static void test_cap_by_hand(void **state)
{
    (void)state;
    styr_budget b1 = {.fuldtid = 2}, b2 = {.fuldtid = 1}, b3 = {.fuldtid = 1};
    styr_followup f1 = {.b_ind = 30000, .a_ind = 2830, .f_ind = 30000, .f_fte = 2};
    styr_followup f2 = {.b_ind = 4000, .a_ind = 1887, .f_ind = 20000, .f_fte = 1};
    styr_followup f3 = {.f_fte = 1};
    styr_fu_cap c1, c2, c3, t;
    styr_fu_cap_total(&t, STYR_LOFT_VALUE);
    styr_fu_cap_group(&c1, STYR_LOFT_VALUE, 10602, &b1, &f1);
    styr_fu_cap_group(&c2, STYR_LOFT_VALUE, 10602, &b2, &f2);
    styr_fu_cap_group(&c3, STYR_LOFT_VALUE, NAN, &b3, &f3);
    styr_fu_cap_add(&t, &c1);
    styr_fu_cap_add(&t, &c2);
    styr_fu_cap_add(&t, &c3);
    NEAR(c1.cap_b, 21204);
    assert_true(c1.warn_b && c1.warn_f);
    NEAR(c2.cap_b, 10602);
    assert_false(c2.warn_b);
    assert_true(c2.warn_f); /* the forecast's 20.000 is over 10.602 */
    assert_int_equal(c3.state, STYR_LOFT_NA);
    assert_true(isnan(c3.cap_b));
    assert_int_equal(t.state, STYR_LOFT_VALUE);
    NEAR(t.kr, 10602);
    NEAR(t.cap_b, 31806);
    NEAR(t.ind_b, 34000);
    NEAR(t.ind_a, 4717);
    NEAR(t.cap_f, 31806);
    NEAR(t.ind_f, 50000);
    assert_true(t.warn_b && t.warn_f);
    /* under the cap: 10.000 + 4.000 against 31.806 */
    f1.b_ind = f1.f_ind = 10000;
    f2.f_ind = 4000;
    styr_fu_cap_total(&t, STYR_LOFT_VALUE);
    styr_fu_cap_group(&c1, STYR_LOFT_VALUE, 10602, &b1, &f1);
    styr_fu_cap_group(&c2, STYR_LOFT_VALUE, 10602, &b2, &f2);
    styr_fu_cap_add(&t, &c1);
    styr_fu_cap_add(&t, &c2);
    NEAR(t.ind_b, 14000);
    assert_false(t.warn_b || t.warn_f);
    /* before the law: nothing, and no warning */
    styr_fu_cap_total(&t, STYR_LOFT_NA);
    styr_fu_cap_group(&c1, STYR_LOFT_NA, NAN, &b1, &f1);
    styr_fu_cap_add(&t, &c1);
    assert_int_equal(t.state, STYR_LOFT_NA);
    assert_false(t.warn_b || t.warn_f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_group_every_year),
        cmocka_unit_test(test_sourced_rates),
        cmocka_unit_test(test_cap_table_and_states),
        cmocka_unit_test(test_cap_by_hand),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    th_cleanup();
    return r;
}
