/* test_progression: progression (issue 14 §3): the clustered interval of a mean change,
 * secondary suppression, the import's validation and a computation on a tiny
 * panel, every expected value computed by hand (in the comments). */
#include "harness.h"

#include <math.h>

#include "calc/progstat.h"
#include "ingest/progcsv.h"
#include "ws/progression.h"
#include "ws/secret.h"

/* Changes 1, 1 (person 1), 2 (2), 0 (3), -2 (4), 1 (5), 0 (6): mean 3/7 =
 * 0.428571; deviations summed per person 8/7, 11/7, -3/7, -17/7, 4/7, -3/7,
 * squares 508/49; Var = 6/5 x 508/49 / 49 = 0.253899, se 0.503884; t(5) =
 * 2.570582: 0.428571 -+ 1.295271 = [-0.866691; 1.723834]. */
static void test_mean_ci(void **state)
{
    (void)state;
    double d[] = {1, 1, 2, 0, -2, 1, 0}, m, lo, hi;
    uint32_t g[] = {1, 1, 2, 3, 4, 5, 6};
    assert_int_equal(styr_prog_mean_ci(d, g, 7, &m, &lo, &hi), 6);
    assert_float_equal(m, 3.0 / 7, 1e-12);
    assert_float_equal(lo, -0.8666911952767347, 1e-9);
    assert_float_equal(hi, 1.7238340524195919, 1e-9);
    /* one change per person: the ordinary interval, mean 2, s^2 = 1, se = 1/sqrt 3, t(2) */
    double e[] = {1, 2, 3};
    uint32_t h[] = {7, 8, 9};
    assert_int_equal(styr_prog_mean_ci(e, h, 3, &m, &lo, &hi), 3);
    assert_float_equal(lo, 2 - 4.302652729749464 / sqrt(3), 1e-9);
    assert_float_equal(hi, 2 + 4.302652729749464 / sqrt(3), 1e-9);
    /* one person: no interval */
    uint32_t one[] = {5, 5, 5};
    assert_int_equal(styr_prog_mean_ci(e, one, 3, &m, &lo, &hi), 1);
    assert_float_equal(lo, 2, 0);
    assert_float_equal(hi, 2, 0);
}

/* A lone suppressed row of a breakdown would follow from the total and the
 * others: the smallest other row goes with it; two suppressed rows are enough. */
static void test_secondary(void **state)
{
    (void)state;
    styr_prog_row r[4];
    memset(r, 0, sizeof r);
    uint32_t persons[] = {20, 3, 8, 12};
    for (int i = 0; i < 4; i++) r[i].persons = persons[i], r[i].suppressed = persons[i] < 5;
    assert_int_equal(styr_prog_secondary(r, 4), 2);
    assert_true(r[1].suppressed && r[2].suppressed && !r[0].suppressed && !r[3].suppressed);
    assert_int_equal(styr_prog_secondary(r, 4), -1); /* two hidden now: nothing more */
    memset(r, 0, sizeof r);
    r[0].persons = 9, r[1].persons = 9;
    assert_int_equal(styr_prog_secondary(r, 2), -1); /* none hidden */
}

/* Six persons on kontanthjaelp in 101 from 2024-W01 for 104 weeks; P1-P3 in
 * job from the 40th week (2024-W40), P2, P4 and P6 in praktik in weeks 6-20. */
static const char *tiny_ws(void)
{
    const char *ws = th_ws("prog");
    char *buf = malloc(1 << 16);
    size_t n = (size_t)sprintf(buf, "person;uge;kommune;ydelse;tilbud;timer\n");
    for (int i = 1; i <= 6; i++)
        for (int k = 0; k < 104; k++) {
            int y = k < 52 ? 2024 : 2025, w = k % 52 + 1;
            if (i <= 3 && k >= 39) n += (size_t)sprintf(buf + n, "P%d;%d-W%02d;101;;;37\n", i, y, w);
            else n += (size_t)sprintf(buf + n, "P%d;%d-W%02d;101;kontanthjaelp;%s;0\n", i, y, w,
                                      i % 2 == 0 && k >= 5 && k < 20 ? "praktik" : "");
        }
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, th_file("tiny.csv", buf), &d), STYR_OK);
    styr_diags_free(&d);
    free(buf);
    return ws;
}

static styr_rc read_text(styr_ws *w, const char *text, styr_prog *out, styr_diags *d)
{
    const styr_panel *p;
    assert_int_equal(styr_ws_panel(w, &p, d), STYR_OK);
    unsigned char key[STYR_CPR_KEYLEN];
    memset(key, 7, sizeof key);
    styr_encoding enc;
    char sep;
    return styr_prog_read("v.csv", text, strlen(text), styr_panel_cols(p), key, out, &enc, &sep, d);
}

static const char tiny_prog[] =
    "person;dato;instrument;indikator;score;skala\n"
    "P1;2024-01-10;BIP;tro på job;2;5\n"
    "P1;2024-04-10;BIP;tro på job;3;5\n"
    "P1;2024-07-10;BIP;tro på job;4;5\n"
    "P2;2024-01-10;BIP;tro på job;1;5\n"
    "P2;10-04-2024;BIP;tro på job;3;5\n"
    "P3;2024-01-10;BIP;tro på job;3;5\n"
    "P3;2024-04-10;BIP;tro på job;3;5\n"
    "P4;2024-01-10;BIP;tro på job;4;5\n"
    "P4;2024-04-10;BIP;tro på job;2;5\n"
    "P5;2024-01-10;BIP;tro på job;2;5\n"
    "P5;2024-04-10;BIP;tro på job;3;5\n"
    "P6;2024-01-10;BIP;tro på job;2;5\n"
    "P6;10.04.2024;BIP;tro på job;2;5\n";

static void test_read(void **state)
{
    (void)state;
    const char *ws = tiny_ws();
    styr_ws *w;
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    styr_prog p;
    assert_int_equal(read_text(w, tiny_prog, &p, &d), STYR_OK);
    assert_int_equal(p.n, 13);
    assert_int_equal(p.nname, 2); /* BIP, tro på job */
    styr_prog_free(&p);
    /* every kind of error, each with its line and column */
    static const char bad[] = "indikator;person;dato;instrument;score;skala\n"
                              "tro på job;P1;2024-01-10;BIP;2;5\n"
                              "tro på job;P9;2024-01-10;BIP;2;5\n"   /* 3: unknown person, column 2 */
                              "tro på job;P1;2024-02-30;BIP;2;5\n"   /* 4: no such date, column 3 */
                              "tro på job;P1;2024-03-01;BIP;6;5\n"   /* 5: score above the scale, column 5 */
                              "tro på job;P1;2024-04-01;BIP;2;1\n"   /* 6: scale 1, column 6 */
                              ";P1;2024-05-01;BIP;2;5\n"             /* 7: empty indicator, column 1 */
                              "tro på job;P1;2024-06-01;BIP;x;5\n"   /* 8: not a number, column 5 */
                              "tro på job;P1;2024-06-01;BIP;2;5;9\n" /* 9: fields */
                              "tro på job;P9;2024-01-10;BIP;2;5\n";  /* 10: P9 again: one distinct unknown */
    styr_diags_free(&d);
    assert_int_equal(read_text(w, bad, &p, &d), STYR_EINPUT);
    assert_int_equal(p.n, 0);
    const styr_diag *g;
    assert_non_null(g = th_find(&d, D_PROG_DATE));
    assert_int_equal(g->line, 4);
    assert_int_equal(g->col, 3);
    assert_non_null(g = th_find(&d, D_PROG_SCORE));
    assert_int_equal(g->line, 5);
    assert_int_equal(g->col, 5);
    assert_non_null(g = th_find(&d, D_PROG_SKALA));
    assert_int_equal(g->line, 6);
    assert_int_equal(g->col, 6);
    assert_non_null(g = th_find(&d, D_PROG_TEXT));
    assert_int_equal(g->line, 7);
    assert_int_equal(g->col, 1);
    assert_non_null(g = th_find(&d, D_BAD_NUMBER));
    assert_int_equal(g->line, 8);
    assert_non_null(g = th_find(&d, D_FIELDS));
    assert_int_equal(g->line, 9);
    assert_int_equal(d.unknown_distinct, 1);
    assert_int_equal(d.unknown_occurrences, 2);
    assert_int_equal(d.unknown[0].line, 3);
    assert_int_equal(d.unknown[0].col, 2);
    /* the same key twice names both lines */
    styr_diags_free(&d);
    assert_int_equal(read_text(w, "person;dato;instrument;indikator;score;skala\nP1;2024-01-10;BIP;a;2;5\n"
                                  "P2;2024-01-10;BIP;a;2;5\nP1;10-01-2024;BIP;a;3;5\n",
                               &p, &d),
                     STYR_EINPUT);
    assert_non_null(g = th_find(&d, D_PROG_DUP));
    assert_int_equal(g->line, 4);
    assert_int_equal(g->line2, 2);
    /* a missing column */
    styr_diags_free(&d);
    assert_int_equal(read_text(w, "person;dato;instrument;indikator;score\nP1;2024-01-10;BIP;a;2\n", &p, &d),
                     STYR_EINPUT);
    assert_non_null(g = th_find(&d, D_PROG_HEADER));
    assert_string_equal(g->value, "skala");
    /* a CPR number is never looked up as itself nor shown: its pseudonym is */
    styr_diags_free(&d);
    assert_int_equal(read_text(w, "person;dato;instrument;indikator;score;skala\n010190-1234;2024-01-10;BIP;a;2;5\n",
                               &p, &d),
                     STYR_EINPUT);
    assert_int_equal(d.unknown_distinct, 1);
    assert_null(strstr(d.unknown[0].value, "0101"));
    assert_string_equal(d.unknown[0].value, styr_msg_text(M_YR_CPR_HIDDEN));
    styr_diags_free(&d);
    styr_ws_close(w);
}

/* The tiny file on the tiny panel, all persons: the changes of test_mean_ci
 * (1, 1, 2, 0, -2, 1, 0 on a 1-5 scale, 4 of 7 improved); on 0-100 each is
 * x 25. Between the assessments (2024-W02 and 2024-W15) P2, P4 and P6 had
 * praktik (weeks 6-20 of the panel), the others none: two rows of 3 persons,
 * each suppressed (1-4 persons), the total on 6 persons shown. */
static void test_compute(void **state)
{
    (void)state;
    const char *ws = tiny_ws();
    styr_ws *w;
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    styr_prog p;
    assert_int_equal(read_text(w, tiny_prog, &p, &d), STYR_OK);
    const styr_panel *pn;
    assert_int_equal(styr_ws_panel(w, &pn, &d), STYR_OK);
    styr_prog_opts o = {.kommune = -1, .tilbud = -1};
    styr_prog_result r;
    styr_prog_compute(&p, styr_panel_cols(pn), styr_ws_codes(w), styr_panel_week_max(pn), &o, &r);
    assert_int_equal(r.persons, 6);
    assert_int_equal(r.assessments, 13);
    assert_int_equal(r.nrows, 3);
    assert_int_equal(r.rows[0].tilbud, -1);
    assert_int_equal(r.rows[0].persons, 6);
    assert_int_equal(r.rows[0].changes, 7);
    assert_false(r.rows[0].suppressed);
    assert_float_equal(r.rows[0].mean.v, 3.0 / 7, 1e-12);
    assert_float_equal(r.rows[0].lo.v, -0.8666911952767347, 1e-9);
    assert_float_equal(r.rows[0].hi.v, 1.7238340524195919, 1e-9);
    assert_float_equal(r.rows[0].mean_n.v, 25 * 3.0 / 7, 1e-9);
    assert_float_equal(r.rows[0].lo_n.v, 25 * -0.8666911952767347, 1e-7);
    assert_float_equal(r.rows[0].improved.v, 4.0 / 7, 1e-12);
    assert_int_equal(r.rows[1].tilbud, 0);
    assert_int_equal(r.rows[1].persons, 3);
    assert_true(r.rows[1].suppressed);
    assert_true(r.rows[2].tilbud > 0);
    assert_int_equal(r.rows[2].persons, 3);
    assert_true(r.rows[2].suppressed);
    /* models: 13 assessments, all measurable (the panel runs to 2025-W52);
     * at 6 months (2024-W28 and 2024-W41...) too few persons either way: hidden */
    assert_int_equal(r.nmodels, 2);
    assert_int_equal(r.models[0].horizon, 26);
    assert_int_equal(r.models[0].pending, 0);
    assert_false(r.models[0].shown);
    styr_prog_result_free(&r);
    /* --tilbud praktik: P2 (+2), P4 (-2), P6 (0): 3 persons, suppressed */
    o.tilbud = styr_codes_tilbud(styr_ws_codes(w), "praktik", 7);
    styr_prog_compute(&p, styr_panel_cols(pn), styr_ws_codes(w), styr_panel_week_max(pn), &o, &r);
    assert_int_equal(r.nrows, 1);
    assert_int_equal(r.rows[0].persons, 3);
    assert_int_equal(r.rows[0].changes, 3);
    assert_true(r.rows[0].suppressed);
    assert_float_equal(r.rows[0].mean.v, 0, 1e-12);
    styr_prog_result_free(&r);
    /* --kommune 147: nobody */
    o.tilbud = -1;
    o.kommune = styr_ws_codes(w)->kom_idx[147];
    styr_prog_compute(&p, styr_panel_cols(pn), styr_ws_codes(w), styr_panel_week_max(pn), &o, &r);
    assert_int_equal(r.nrows, 0);
    assert_int_equal(r.persons, 0);
    styr_prog_result_free(&r);
    styr_prog_free(&p);
    styr_diags_free(&d);
    styr_ws_close(w);
}

/* Scales that differ between persons: P1-P3 on 1-10 (+3 each: 33,3 on 0-100),
 * P4-P6 on 1-5 (+1 each: 25): no mean in scale points (it would mix them), on
 * 0-100 the mean (3 x 100/3 + 3 x 25) / 6 = 29,166667; the model's regressor
 * is on 0-100. */
static void test_mixed_scales(void **state)
{
    (void)state;
    const char *ws = tiny_ws();
    styr_ws *w;
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    char text[1024];
    size_t n = (size_t)sprintf(text, "person;dato;instrument;indikator;score;skala\n");
    for (int i = 1; i <= 6; i++)
        n += (size_t)sprintf(text + n, "P%d;2024-01-10;BIP;a;2;%d\nP%d;2024-04-10;BIP;a;%d;%d\n", i, i <= 3 ? 10 : 5, i,
                             i <= 3 ? 5 : 3, i <= 3 ? 10 : 5);
    styr_prog p;
    assert_int_equal(read_text(w, text, &p, &d), STYR_OK);
    const styr_panel *pn;
    assert_int_equal(styr_ws_panel(w, &pn, &d), STYR_OK);
    styr_prog_opts o = {.kommune = -1, .tilbud = -1};
    styr_prog_result r;
    styr_prog_compute(&p, styr_panel_cols(pn), styr_ws_codes(w), styr_panel_week_max(pn), &o, &r);
    assert_int_equal(r.rows[0].persons, 6);
    assert_int_equal(r.rows[0].mean.state, STYR_PV_NA);
    assert_float_equal(r.rows[0].mean_n.v, (3 * 100.0 / 3 + 3 * 25.0) / 6, 1e-9);
    assert_int_equal(r.models[0].normalised, 1);
    styr_prog_result_free(&r);
    styr_prog_free(&p);
    styr_diags_free(&d);
    styr_ws_close(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mean_ci),
        cmocka_unit_test(test_secondary),
        cmocka_unit_test(test_read),
        cmocka_unit_test(test_compute),
        cmocka_unit_test(test_mixed_scales),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
