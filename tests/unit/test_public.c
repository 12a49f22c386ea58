/* public: the offentlige_tal store – rows back as stored, replace by key, all
 * or nothing, periods by their weeks. */
#include "harness.h"

#include "core/period.h"
#include "ws/public.h"

typedef struct seen {
    int n;
    double sum;
    char last_navn[16];
    int fra, til, supp;
} seen;

static int count(const styr_pub_hit *h, void *ud)
{
    seen *s = ud;
    s->n++;
    if (h->row.tilstand == STYR_PUB_VALUE) s->sum += h->row.vaerdi;
    else s->supp++;
    snprintf(s->last_navn, sizeof s->last_navn, "%s", h->periode_navn);
    s->fra = h->fra;
    s->til = h->til;
    return 0;
}

static void test_store_and_select(void **state)
{
    (void)state;
    const char *dir = th_ws("pub");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    assert_int_equal(styr_ws_open(dir, STYR_WS_WRITE, &ws, &d), STYR_OK);
    assert_false(styr_pub_any(ws, NULL));
    styr_pub_row rows[] = {
        {"jobindsats", "Y01A02", "Antal fuldtidspersoner", "Randers", 730, "2021QMAT02", "", 1234.5, STYR_PUB_VALUE},
        {"jobindsats", "y01a02", "Antal fuldtidspersoner", "Hele landet", 0, "2021QMAT02", "", 80000, STYR_PUB_VALUE},
        {"jobindsats", "y01a02", "Antal fuldtidspersoner", "Randers", 730, "2021QMAT02", "Køn=Mænd", 0,
         STYR_PUB_SUPPRESSED},
    };
    assert_int_equal(styr_pub_store(ws, rows, 3, "2026-11-29", "y01a02.csv", &d), STYR_OK);
    assert_true(styr_pub_any(ws, "jobindsats"));
    assert_false(styr_pub_any(ws, "statistikbanken"));

    styr_pub_filter f;
    styr_pub_filter_init(&f);
    f.tabel = "Y01A02";
    f.dims = "";
    seen s = {0};
    assert_int_equal(styr_pub_select(ws, &f, count, &s, &d), STYR_OK);
    assert_int_equal(s.n, 2);
    assert_true(s.sum == 81234.5);
    assert_string_equal(s.last_navn, "2021M06R12");
    styr_period a, b;
    styr_period_parse("2020M07", &a);
    styr_period_parse("2021M06", &b);
    assert_int_equal(s.fra, a.first);
    assert_int_equal(s.til, b.last);

    /* replace by key; a bad period stores nothing */
    rows[0].vaerdi = 1000;
    styr_pub_row bad = rows[1];
    bad.periode = "2021QMAT05";
    styr_pub_row two[] = {rows[0], bad};
    assert_int_equal(styr_pub_store(ws, two, 2, "2026-11-30", "x.csv", &d), STYR_EINPUT);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].value, "2021QMAT05");
    styr_diags_free(&d);
    memset(&s, 0, sizeof s);
    f.kommune = 730;
    f.dims = NULL;
    assert_int_equal(styr_pub_select(ws, &f, count, &s, &d), STYR_OK);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.supp, 1);
    assert_true(s.sum == 1234.5);
    assert_int_equal(styr_pub_store(ws, rows, 1, "2026-11-30", "y01a02.csv", &d), STYR_OK);
    memset(&s, 0, sizeof s);
    f.dims = "";
    assert_int_equal(styr_pub_select(ws, &f, count, &s, &d), STYR_OK);
    assert_int_equal(s.n, 1);
    assert_true(s.sum == 1000);
    styr_ws_close(ws);
    styr_diags_free(&d);
}

int main(void)
{
    atexit(th_cleanup);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store_and_select),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
