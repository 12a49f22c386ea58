/* budget: reading a budget file and keeping it in the catalog.
 *
 * Pins: Danish and English number forms by the file's separator, Windows-1252
 * text, the "år" header, a varighed derived from fuldtidspersoner and personer
 * (fuldtid x weeks / personer), the informational template columns being
 * skipped, and a store that replaces the same key and keeps the profile. */
#include "harness.h"

#include <math.h>

#include "ingest/budgetcsv.h"
#include "ws/budget.h"

#define NEAR(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9 * (1 + fabs((double)(b))))

static styr_ws *open_ws(const char *name, int mode)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const char *dir = th_ws(name);
    assert_int_equal(styr_ws_open(dir, mode, &ws, &d), STYR_OK);
    styr_diags_free(&d);
    return ws;
}

static styr_rc read_text(styr_ws *ws, const char *text, styr_budget **rows, size_t *n, styr_budget_file *info,
                         styr_diags *d)
{
    return styr_budget_read("b.csv", text, strlen(text), styr_ws_codes(ws), rows, n, info, d);
}

static void test_read_danish_and_english(void **state)
{
    (void)state;
    styr_ws *ws = open_ws("b1", STYR_WS_READ);
    styr_diags d;
    styr_diags_init(&d);
    styr_budget *rows;
    size_t n;
    styr_budget_file info;
    /* Windows-1252 ("år", "Kontanthjælp" as a spelling of kontanthjaelp), ';' and decimal comma;
     * 2024 has 52 weeks: varighed = 110,5 x 52 / 221 = 26 */
    const char dk[] = "kommune;\xe5r;ydelse;ydelsesnavn;fuldtidspersoner;personer;pris;aktiveringsgrad;kilde\r\n"
                      "461;2024;Kontanthj\xe6lp;Kontanthj\xe6lp;110,5;221;1.234.567,5;25,5 %;budget\r\n";
    assert_int_equal(read_text(ws, dk, &rows, &n, &info, &d), STYR_OK);
    assert_int_equal(n, 1);
    assert_int_equal(info.enc, STYR_ENC_CP1252);
    assert_true(info.danish);
    assert_int_equal(rows[0].kommune, 461);
    assert_int_equal(rows[0].aar, 2024);
    assert_string_equal(styr_ws_codes(ws)->dict.yd[rows[0].grp], "kontanthjaelp");
    NEAR(rows[0].fuldtid, 110.5);
    NEAR(rows[0].pris, 1234567.5);
    NEAR(rows[0].aktivering, 25.5);
    NEAR(rows[0].varighed, 26);
    assert_true(isnan(rows[0].udgift_tilbud) && isnan(rows[0].profil[0]));
    free(rows);
    /* ',' and decimal point (a spreadsheet's English CSV), a full profile */
    const char en[] = "kommune,aar,ydelse,fuldtidspersoner,pris,m01,m02,m03,m04,m05,m06,m07,m08,m09,m10,m11,m12\n"
                      "101,2025,sygedagpenge,\"1,200.5\",99.5,1,1,1,1,1,1,1,1,1,1,1,2\n";
    assert_int_equal(read_text(ws, en, &rows, &n, &info, &d), STYR_OK);
    assert_false(info.danish);
    NEAR(rows[0].fuldtid, 1200.5);
    NEAR(rows[0].pris, 99.5);
    NEAR(rows[0].profil[11], 2);
    assert_true(isnan(rows[0].personer) && isnan(rows[0].varighed));
    free(rows);
    styr_diags_free(&d);
    styr_ws_close(ws);
}

static void test_read_errors(void **state)
{
    (void)state;
    styr_ws *ws = open_ws("b2", STYR_WS_READ);
    styr_diags d;
    styr_diags_init(&d);
    styr_budget *rows = (styr_budget *)1;
    size_t n = 9;
    styr_budget_file info;
    /* no pris column: nothing else is read */
    assert_int_equal(read_text(ws, "kommune;aar;ydelse;fuldtidspersoner\n101;2024;dagpenge;1\n", &rows, &n, &info, &d),
                     STYR_EINPUT);
    assert_null(rows);
    assert_int_equal(n, 0);
    assert_non_null(th_find(&d, D_BUDGET_MISSING));
    styr_diags_free(&d);
    /* an activation above 100 pct., a year outside 1990-2099, an unknown municipality */
    assert_int_equal(read_text(ws,
                               "kommune;aar;ydelse;fuldtidspersoner;pris;aktiveringsgrad\n"
                               "101;2024;dagpenge;1;1;101\n101;1989;dagpenge;1;1;\n999;2024;dagpenge;1;1;\n",
                               &rows, &n, &info, &d),
                     STYR_EINPUT);
    const styr_diag *x = th_find(&d, D_BAD_NUMBER);
    assert_non_null(x);
    assert_int_equal(x->line, 2);
    assert_int_equal(x->col, 6);
    assert_int_equal(x->expected, X_PCT);
    assert_non_null(th_find(&d, D_BAD_YEAR));
    assert_non_null(th_find(&d, D_BAD_KOMMUNE));
    styr_diags_free(&d);
    styr_ws_close(ws);
}

static void test_store_replace_load(void **state)
{
    (void)state;
    styr_ws *ws = open_ws("b3", STYR_WS_WRITE);
    styr_diags d;
    styr_diags_init(&d);
    styr_budget *rows, *got;
    size_t n, ng, replaced;
    styr_budget_file info;
    const char a[] = "kommune;aar;ydelse;fuldtidspersoner;pris;sagsbehandlere;m01;m02;m03;m04;m05;m06;m07;m08;m09;"
                     "m10;m11;m12\n"
                     "101;2024;kontanthjaelp;10;100;2;1;2;3;4;5;6;7;8;9;10;11;12\n"
                     "101;2024;dagpenge;5;50;;;;;;;;;;;;;\n";
    assert_int_equal(read_text(ws, a, &rows, &n, &info, &d), STYR_OK);
    assert_int_equal(styr_budget_store(ws, rows, n, "a.csv", &replaced, &d), STYR_OK);
    assert_int_equal(replaced, 0);
    free(rows);
    /* the same key again replaces it */
    assert_int_equal(read_text(ws, "kommune;aar;ydelse;fuldtidspersoner;pris\n101;2024;dagpenge;6;60\n", &rows, &n,
                               &info, &d),
                     STYR_OK);
    assert_int_equal(styr_budget_store(ws, rows, n, "b.csv", &replaced, &d), STYR_OK);
    assert_int_equal(replaced, 1);
    free(rows);
    assert_int_equal(styr_budget_load(ws, 101, 2024, &got, &ng, &d), STYR_OK);
    assert_int_equal(ng, 2);
    /* ordered by group: dagpenge before kontanthjaelp in ydelser.csv */
    assert_string_equal(styr_ws_codes(ws)->dict.yd[got[0].grp], "dagpenge");
    NEAR(got[0].fuldtid, 6);
    NEAR(got[0].pris, 60);
    assert_true(isnan(got[0].profil[0]));
    NEAR(got[1].sagsbehandlere, 2);
    NEAR(got[1].profil[0], 1);
    NEAR(got[1].profil[11], 12);
    assert_true(isnan(got[1].udgift_sb));
    free(got);
    int years[4];
    assert_int_equal(styr_budget_years(ws, 101, years, 4), 1);
    assert_int_equal(years[0], 2024);
    assert_int_equal(styr_budget_load(ws, 101, 2023, &got, &ng, &d), STYR_OK);
    assert_int_equal(ng, 0);
    free(got);
    styr_diags_free(&d);
    styr_ws_close(ws);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_danish_and_english),
        cmocka_unit_test(test_read_errors),
        cmocka_unit_test(test_store_replace_load),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    th_cleanup();
    return r;
}
