/* Tests of period names and their week spans (spec §2). */
#include "harness.h"

#include "core/period.h"
#include "core/week.h"

static int wk(const char *s)
{
    int w = -1;
    assert_int_equal(styr_week_parse(s, strlen(s), &w), 0);
    return w;
}

static styr_period per(const char *s)
{
    styr_period p;
    assert_int_equal(styr_period_parse(s, &p), 0);
    return p;
}

static void test_spec_month(void **state)
{
    (void)state;
    /* spec §9: 2024M01 = weeks 2024-W01..W04 (the Thursdays in January), |P| = 4 */
    styr_period p = per("2024M01");
    assert_int_equal(p.first, wk("2024-W01"));
    assert_int_equal(p.last, wk("2024-W04"));
    assert_int_equal(styr_period_weeks(&p), 4);
    assert_string_equal(p.name, "2024M01");
    /* February 2024: Thursdays 1, 8, 15, 22, 29 -> W05..W09 */
    p = per("2024M02");
    assert_int_equal(p.first, wk("2024-W05"));
    assert_int_equal(p.last, wk("2024-W09"));
}

static void test_years_and_quarters(void **state)
{
    (void)state;
    styr_period p = per("2024");
    assert_int_equal(styr_period_weeks(&p), 52);
    p = per("2020");
    assert_int_equal(styr_period_weeks(&p), 53);
    assert_int_equal(p.last, wk("2020-W53"));
    /* December 2020 holds W53 (Thursday 31 December) */
    p = per("2020M12");
    assert_int_equal(p.last, wk("2020-W53"));
    assert_int_equal(p.first, wk("2020-W49"));
    /* January 2021 starts with 2021-W01 (Thursday 7 January) */
    p = per("2021M01");
    assert_int_equal(p.first, wk("2021-W01"));
    p = per("2024K1");
    assert_int_equal(p.first, wk("2024-W01"));
    assert_int_equal(p.last, wk("2024-W13")); /* Thursday 28 March */
    p = per("2024K2");
    assert_int_equal(p.first, wk("2024-W14"));
    int total = 0;
    for (int q = 1; q <= 4; q++) {
        char n[24];
        snprintf(n, sizeof n, "2024K%d", q);
        p = per(n);
        total += styr_period_weeks(&p);
    }
    assert_int_equal(total, 52);
    p = per("2024U05");
    assert_int_equal(p.first, wk("2024-W05"));
    assert_int_equal(p.last, p.first);
}

static void test_rolling(void **state)
{
    (void)state;
    /* 12 months ending March 2024 = April 2023 .. March 2024 */
    styr_period p = per("2024M03R12");
    styr_period a = per("2023M04"), b = per("2024M03");
    assert_int_equal(p.first, a.first);
    assert_int_equal(p.last, b.last);
    p = per("2024M12R12");
    styr_period y = per("2024");
    assert_int_equal(p.first, y.first);
    assert_int_equal(p.last, y.last);
    styr_period prev;
    assert_int_equal(styr_period_year_before(&b, &prev), 0);
    assert_string_equal(prev.name, "2023M03");
}

static void test_year_to_date(void **state)
{
    (void)state;
    /* år til dato: January to June 2024, whose Thursdays fall in those months */
    styr_period p = per("2024M06AATD"), a = per("2024M01"), b = per("2024M06");
    assert_int_equal(p.first, a.first);
    assert_int_equal(p.last, b.last);
    assert_string_equal(p.name, "2024M06AATD");
    assert_int_equal(styr_period_weeks(&p), 26);
    p = per("2024m12aatd");
    styr_period y = per("2024");
    assert_int_equal(p.first, y.first);
    assert_int_equal(p.last, y.last);
    assert_string_equal(p.name, "2024M12AATD");
    styr_period prev;
    assert_int_equal(styr_period_year_before(&p, &prev), 0);
    assert_string_equal(prev.name, "2023M12AATD");
}

static void test_invalid(void **state)
{
    (void)state;
    styr_period p;
    const char *bad[] = {"", "24", "2024M13", "2024M00", "2024K5", "2024U53", "2021U53", "1989", "2024X1",
                         "2024M0", "2024M03R11", "abcd", "2024M13AATD", "2024M03AAT", "2024M03ATD", "2024-06",
                         "2024Q5", "2024Q0", "2024M6R12"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_equal(styr_period_parse(bad[i], &p), -1);
    assert_int_equal(styr_period_parse("2020U53", &p), 0);
}

/* issue 12: 2024Q2 (as jobindsats.dk writes a quarter) and a month of one
 * digit are read, under their canonical names */
static void test_other_forms(void **state)
{
    (void)state;
    styr_period p = per("2024Q2"), k = per("2024K2");
    assert_string_equal(p.name, "2024K2");
    assert_int_equal(p.first, k.first);
    assert_int_equal(p.last, k.last);
    p = per("2024q4");
    assert_string_equal(p.name, "2024K4");
    p = per("2024M6");
    styr_period m = per("2024M06");
    assert_string_equal(p.name, "2024M06");
    assert_int_equal(p.first, m.first);
    assert_int_equal(p.last, m.last);
}

/* issue 13: jobindsats.dk's year and running year of four quarters */
static void test_jobindsats_codes(void **state)
{
    (void)state;
    styr_period y = per("2025Y01"), c = per("2025");
    assert_string_equal(y.name, "2025");
    assert_int_equal(y.first, c.first);
    assert_int_equal(y.last, c.last);
    /* the release of 29 October 2021: 2020Q3-2021Q2 */
    styr_period q = per("2021QMAT02"), a = per("2020M07"), b = per("2021M06");
    assert_string_equal(q.name, "2021M06R12");
    assert_int_equal(q.first, a.first);
    assert_int_equal(q.last, b.last);
    /* QMAT04 covers the calendar year */
    styr_period q4 = per("2022QMAT04"), y22 = per("2022");
    assert_int_equal(q4.first, y22.first);
    assert_int_equal(q4.last, y22.last);
    styr_period bad;
    assert_int_equal(styr_period_parse("2021QMAT05", &bad), -1);
    assert_int_equal(styr_period_parse("2021QMAT00", &bad), -1);
    assert_int_equal(styr_period_parse("2025Y02", &bad), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_month),
        cmocka_unit_test(test_years_and_quarters),
        cmocka_unit_test(test_rolling),
        cmocka_unit_test(test_year_to_date),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_other_forms),
        cmocka_unit_test(test_jobindsats_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
