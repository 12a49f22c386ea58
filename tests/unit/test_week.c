/* Tests of ISO weeks, the Thursday rule, DREAM week codes, dates and ages. */
#include "harness.h"

#include "core/week.h"

static int wk(const char *s)
{
    int w = -1;
    assert_int_equal(styr_week_parse(s, strlen(s), &w), 0);
    return w;
}

static void ymd_of_day(int32_t z, int *y, int *m, int *d) { styr_civil_from_days(z, y, m, d); }

static void test_known_mondays(void **state)
{
    (void)state;
    int y, m, d;
    /* 2024-W01 starts on Monday 1 January 2024 */
    ymd_of_day(styr_week_monday(wk("2024-W01")), &y, &m, &d);
    assert_true(y == 2024 && m == 1 && d == 1);
    /* 2021-W01 starts Monday 4 January 2021; its Thursday (7 January) puts it in January 2021 */
    ymd_of_day(styr_week_monday(wk("2021-W01")), &y, &m, &d);
    assert_true(y == 2021 && m == 1 && d == 4);
    assert_int_equal(styr_week_year(wk("2021-W01")), 2021);
    assert_int_equal(styr_week_month(wk("2021-W01")), 1);
    /* 2020-W53 exists: Monday 28 December 2020, Thursday 31 December -> December 2020 */
    ymd_of_day(styr_week_monday(wk("2020-W53")), &y, &m, &d);
    assert_true(y == 2020 && m == 12 && d == 28);
    assert_int_equal(styr_week_thursday_ymd(wk("2020-W53")), 20201231);
    assert_int_equal(wk("2021-W01"), wk("2020-W53") + 1);
    /* 2019-W01 starts Monday 31 December 2018 but belongs to January 2019 */
    ymd_of_day(styr_week_monday(wk("2019-W01")), &y, &m, &d);
    assert_true(y == 2018 && m == 12 && d == 31);
    assert_int_equal(styr_week_year(wk("2019-W01")), 2019);
    /* the epoch: 1990-W01 is index 0 */
    assert_int_equal(wk("1990-W01"), 0);
}

static void test_53_week_years(void **state)
{
    (void)state;
    assert_int_equal(styr_iso_weeks_in_year(2015), 53);
    assert_int_equal(styr_iso_weeks_in_year(2020), 53);
    assert_int_equal(styr_iso_weeks_in_year(2026), 53);
    assert_int_equal(styr_iso_weeks_in_year(2021), 52);
    assert_int_equal(styr_iso_weeks_in_year(2024), 52);
    int w;
    assert_int_equal(styr_week_parse("2021-W53", 8, &w), -1);
    assert_int_equal(styr_week_parse("2024-W53", 8, &w), -1);
    assert_int_equal(styr_week_parse("2015-W53", 8, &w), 0);
}

static void test_formats(void **state)
{
    (void)state;
    int w;
    assert_int_equal(wk("2024W05"), wk("2024-W05"));
    assert_int_equal(wk("2024-w05"), wk("2024-W05"));
    assert_int_equal(wk("2024-W5"), wk("2024-W05"));
    /* DREAM YYWW: YY >= 91 is 19YY, else 20YY */
    assert_int_equal(wk("2405"), wk("2024-W05"));
    assert_int_equal(wk("9101"), wk("1991-W01"));
    assert_int_equal(wk("0453"), wk("2004-W53")); /* 2004 has 53 weeks */
    assert_int_equal(styr_week_parse("0053", 4, &w), -1); /* 2000 has 52 */
    assert_int_equal(wk("9052"), wk("2090-W52"));
    assert_int_equal(styr_week_parse("2024-W54", 8, &w), -1);
    assert_int_equal(styr_week_parse("2024-W00", 8, &w), -1);
    assert_int_equal(styr_week_parse("2024-05", 7, &w), -1);
    assert_int_equal(styr_week_parse("uge 5", 5, &w), -1);
    assert_int_equal(styr_week_parse("", 0, &w), -1);
    assert_int_equal(styr_week_parse("1989-W10", 8, &w), -2);
    assert_int_equal(styr_week_parse("2100-W01", 8, &w), -2);
    char buf[12];
    styr_week_format(wk("2020-W53"), buf);
    assert_string_equal(buf, "2020-W53");
}

static void test_round_trip_all_weeks(void **state)
{
    (void)state;
    int last = styr_week_from_iso(STYR_YEAR_MAX, styr_iso_weeks_in_year(STYR_YEAR_MAX));
    assert_true(last < 65535);
    for (int i = 0; i <= last; i++) {
        int y, w;
        char buf[12];
        styr_week_to_iso(i, &y, &w);
        assert_int_equal(styr_week_from_iso(y, w), i);
        styr_week_format(i, buf);
        assert_int_equal(wk(buf), i);
        assert_int_equal(styr_week_of_day(styr_week_monday(i) + 6), i);
        /* the ISO year is the Thursday's calendar year */
        assert_int_equal(styr_week_year(i), y);
    }
}

static void test_dates(void **state)
{
    (void)state;
    uint32_t v;
    assert_int_equal(styr_date_parse("1990-03-08", 10, &v), 0);
    assert_int_equal(v, 19900308);
    assert_int_equal(styr_date_parse("08-03-1990", 10, &v), 0);
    assert_int_equal(v, 19900308);
    assert_int_equal(styr_date_parse("08.03.1990", 10, &v), 0);
    assert_int_equal(v, 19900308);
    assert_int_equal(styr_date_parse("19900308", 8, &v), 0);
    assert_int_equal(v, 19900308);
    assert_int_equal(styr_date_parse("1990", 4, &v), 0);
    assert_int_equal(v, 19900000);
    assert_int_equal(styr_date_parse("1990-02-30", 10, &v), -1);
    assert_int_equal(styr_date_parse("2000-02-29", 10, &v), 0);
    assert_int_equal(styr_date_parse("1900-02-29", 10, &v), -1);
    assert_int_equal(styr_date_parse("1990-3-8", 8, &v), -1);
}

static void test_age_on_thursday(void **state)
{
    (void)state;
    /* Born Thursday 7 March 1994: 30 in 2024-W10, whose Thursday is 7 March 2024 */
    assert_int_equal(styr_age(19940307, styr_week_thursday_ymd(wk("2024-W10"))), 30);
    assert_int_equal(styr_age(19940307, styr_week_thursday_ymd(wk("2024-W09"))), 29);
    /* Born Friday 8 March 1994: still 29 (under 30) in all of 2024-W10, 30 from W11 */
    assert_int_equal(styr_age(19940308, styr_week_thursday_ymd(wk("2024-W10"))), 29);
    assert_int_equal(styr_age(19940308, styr_week_thursday_ymd(wk("2024-W11"))), 30);
    /* birth year only: age = year of the Thursday - birth year */
    assert_int_equal(styr_age(19940000, styr_week_thursday_ymd(wk("2024-W01"))), 30);
    assert_int_equal(styr_age(19940000, styr_week_thursday_ymd(wk("2025-W01"))), 31);
    /* 2025-W01's Thursday is 2 January 2025; 2020-W53's is 31 December 2020 */
    assert_int_equal(styr_age(19940000, styr_week_thursday_ymd(wk("2020-W53"))), 26);
    assert_int_equal(styr_age(0, 20240101), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_mondays), cmocka_unit_test(test_53_week_years),
        cmocka_unit_test(test_formats),       cmocka_unit_test(test_round_trip_all_weeks),
        cmocka_unit_test(test_dates),         cmocka_unit_test(test_age_on_thursday),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
