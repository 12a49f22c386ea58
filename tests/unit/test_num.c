/* Tests of Danish and English number formatting and decimal parsing. */
#include "harness.h"

#include "core/msg.h"
#include "core/num.h"

static void test_danish(void **state)
{
    (void)state;
    char b[64];
    styr_lang_set(STYR_LANG_DA);
    assert_string_equal(styr_fmt_int(b, sizeof b, 1234567), "1.234.567");
    assert_string_equal(styr_fmt_int(b, sizeof b, -1234), "-1.234");
    assert_string_equal(styr_fmt_int(b, sizeof b, 999), "999");
    assert_string_equal(styr_fmt_num(b, sizeof b, 1.5, 1), "1,5");
    assert_string_equal(styr_fmt_num(b, sizeof b, 100.0 * 2 / 6, 1), "33,3");
    assert_string_equal(styr_fmt_num(b, sizeof b, 0.05, 1), "0,1");   /* half away from zero */
    assert_string_equal(styr_fmt_num(b, sizeof b, -0.04, 1), "0,0");  /* never "-0,0" */
    assert_string_equal(styr_fmt_num(b, sizeof b, 12345.678, 2), "12.345,68");
    assert_string_equal(styr_fmt_pct(b, sizeof b, 15.24, 1), "15,2 pct.");
    /* KL: (15.000 - 12.300) x 21.000 = 56,7 mio. kr., shown as "57 mio. kr." */
    assert_string_equal(styr_fmt_mio_kr(b, sizeof b, (15000.0 - 12300.0) * 21000.0), "57 mio. kr.");
    assert_string_equal(styr_fmt_mio_kr(b, sizeof b, 526000.0), "0,5 mio. kr.");
    assert_string_equal(styr_fmt_mio_kr(b, sizeof b, 9.94e6), "9,9 mio. kr.");
    assert_string_equal(styr_fmt_mio_kr(b, sizeof b, 9.96e6), "10 mio. kr.");
    assert_string_equal(styr_fmt_kr(b, sizeof b, 54260), "54.260 kr.");
    assert_string_equal(styr_fmt_kr(b, sizeof b, -994999), "-994.999 kr.");
    assert_string_equal(styr_fmt_kr(b, sizeof b, 1.32e6), "1,3 mio. kr.");
}

static void test_english(void **state)
{
    (void)state;
    char b[64];
    styr_lang_set(STYR_LANG_EN);
    assert_string_equal(styr_fmt_int(b, sizeof b, 1234567), "1,234,567");
    assert_string_equal(styr_fmt_num(b, sizeof b, 1.5, 1), "1.5");
    assert_string_equal(styr_fmt_mio_kr(b, sizeof b, 56.7e6), "DKK 57m");
    styr_lang_set(STYR_LANG_DA);
}

static void test_parse(void **state)
{
    (void)state;
    double v;
    char mark;
    assert_int_equal(styr_parse_decimal("37,5", 4, &v, &mark), 0);
    assert_true(v == 37.5 && mark == ',');
    assert_int_equal(styr_parse_decimal("37.5", 4, &v, &mark), 0);
    assert_true(v == 37.5 && mark == '.');
    assert_int_equal(styr_parse_decimal("37", 2, &v, &mark), 0);
    assert_true(v == 37 && mark == 0);
    assert_int_equal(styr_parse_decimal("-1,25", 5, &v, &mark), 0);
    assert_true(v == -1.25);
    assert_int_equal(styr_parse_decimal("1.234,5", 7, &v, &mark), -1); /* no thousands separators */
    assert_int_equal(styr_parse_decimal("", 0, &v, &mark), -1);
    assert_int_equal(styr_parse_decimal(",", 1, &v, &mark), -1);
    assert_int_equal(styr_parse_decimal("12a", 3, &v, &mark), -1);
    uint64_t u;
    assert_int_equal(styr_parse_uint("461", 3, &u), 0);
    assert_int_equal(u, 461);
    assert_int_equal(styr_parse_uint("4 61", 4, &u), -1);
    assert_int_equal(styr_parse_uint("-1", 2, &u), -1);
}

static double amount(const char *s, int danish)
{
    double v = -999;
    return styr_parse_amount(s, strlen(s), danish, &v) ? -999 : v;
}

static void test_parse_amount(void **state)
{
    (void)state;
    /* Danish spreadsheet amounts: '.' groups thousands, ',' is the decimal mark */
    assert_true(amount("1.234.567,5", 1) == 1234567.5);
    assert_true(amount("1.200", 1) == 1200);
    assert_true(amount("1200,25", 1) == 1200.25);
    assert_true(amount("1 200", 1) == 1200);
    assert_true(amount("-45.000", 1) == -45000);
    assert_true(amount("35,5 %", 1) == 35.5);
    assert_true(amount("12.5", 1) == 12.5);      /* cannot be thousands: a decimal point */
    assert_true(amount("1.20", 1) == 1.2);
    /* English: the other way round */
    assert_true(amount("1,234,567.5", 0) == 1234567.5);
    assert_true(amount("1200.25", 0) == 1200.25);
    assert_true(amount("12,5", 0) == 12.5);
    /* not amounts */
    assert_true(amount("", 1) == -999);
    assert_true(amount("1.2.3", 1) == -999);
    assert_true(amount("1.234,5,6", 1) == -999);
    assert_true(amount("12,", 1) == -999);
    assert_true(amount("abc", 1) == -999);
    assert_true(amount("1.2345", 1) == 1.2345); /* not a thousands group either */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_amount),
        cmocka_unit_test(test_danish),
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
