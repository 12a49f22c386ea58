/* Tests of the cluster benchmark (spec §7) and the model behind expected
 * against actual: cluster level as sum over sum, rank with ties, best,
 * potential, development, and least squares on small exact data. */
#include "harness.h"

#include <math.h>

#include "calc/bench.h"
#include "calc/model.h"
#include "calc/ols.h"
#include "core/num.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-9)
#define OK(x) ((styr_figval){(x), STYR_FV_OK})
#define SUP ((styr_figval){0, STYR_FV_SUPPRESSED})

static void test_rank_ties(void **state)
{
    (void)state;
    /* lower is better: 1,0 and 1,0 share rank 1; 3,0 is third; a suppressed value is not ranked */
    styr_figval v[] = {OK(1.0), OK(3.0), OK(1.0), SUP, OK(2.0)};
    int nr;
    assert_int_equal(styr_rank(v, 5, 0, -1, &nr), 1);
    assert_int_equal(nr, 4);
    assert_int_equal(styr_rank(v, 5, 2, -1, &nr), 1);
    assert_int_equal(styr_rank(v, 5, 4, -1, &nr), 3);
    assert_int_equal(styr_rank(v, 5, 1, -1, &nr), 4);
    assert_int_equal(styr_rank(v, 5, 3, -1, &nr), 0);  /* suppressed: no rank */
    /* higher is better */
    assert_int_equal(styr_rank(v, 5, 1, +1, &nr), 1);
    assert_int_equal(styr_rank(v, 5, 0, +1, &nr), 3);
    assert_int_equal(styr_rank(v, 5, 0, 0, &nr), 0);   /* no direction */
    assert_int_equal(styr_best(v, 5, -1), 0);          /* first of equals */
    assert_int_equal(styr_best(v, 5, +1), 1);
    assert_int_equal(styr_best(v, 5, 0), -1);
}

static void test_change_and_potential(void **state)
{
    (void)state;
    NEAR(styr_change(OK(3.0), OK(6.0), STYR_U_PCT).v, -3.0);       /* percentage points */
    NEAR(styr_change(OK(9.8), OK(10.4), STYR_U_WEEKS).v, 9.8 - 10.4); /* weeks */
    NEAR(styr_change(OK(90), OK(100), STYR_U_FTE).v, -10.0);       /* percent */
    assert_int_equal(styr_change(OK(1), OK(0), STYR_U_FTE).state, STYR_FV_NONE);
    assert_int_equal(styr_change(OK(1), SUP, STYR_U_PCT).state, STYR_FV_SUPPRESSED);

    styr_metric share, money, dur;
    styr_money_defs md;
    memset(&md, 0, sizeof md);
    assert_int_equal(styr_metric_by_key("andel_befolkning", NULL, &share), 0);
    assert_int_equal(styr_metric_by_key("varighed", NULL, &dur), 0);
    assert_int_equal(styr_metric_by_key("netto_pr_indbygger_18_64", NULL, &money), -1); /* needs the money defs */
    assert_int_equal(styr_metric_by_key("ukendt", NULL, &dur), -1);
    /* a share of the population: full-time recipients freed */
    NEAR(styr_potential_of(&share, OK(3.0), OK(1.125), 100).v, 1.875);
    NEAR(styr_potential_of(&share, OK(1.0), OK(1.125), 1000).v, 0);  /* better than the level */
    assert_int_equal(styr_potential_of(&dur, OK(30), OK(20), 100).state, STYR_FV_NONE);
    /* KL: (15.000 - 12.300) kr. x 21.000 = 56,7 mio. kr. */
    styr_metric kr = {&styr_figdefs[0], -1, MONEY_PR_INDB_18_64};
    double p = styr_potential_of(&kr, OK(15000), OK(12300), 21000).v;
    NEAR(p, 56.7e6);
    char b[32];
    assert_string_equal(styr_fmt_mio_kr(b, sizeof b, p), "57 mio. kr.");
}

/* Three municipalities, kontanthjælp in 2024 (52 weeks):
 *   101: 10 persons all year, population 16-66 1.000  -> 10 FTE, 1,0 pct.
 *   147:  6 persons 26 weeks,  population 100        ->  3 FTE, 3,0 pct.
 *   151:  5 persons all year,  population 500        ->  5 FTE, 1,0 pct.
 * and in 2023 only 147's 6 persons all year (6 FTE, 6,0 pct.).
 * Cluster level = 18 / 1.600 = 1,125 pct. (a mean of ratios would be 1,667). */
static void test_cluster_level(void **state)
{
    (void)state;
    const char *ws = th_ws("bench");
    size_t cap = 1 << 20, o = 0;
    char *csv = malloc(cap);
    o += (size_t)sprintf(csv + o, "person;uge;kommune;ydelse;tilbud;timer\n");
    struct { const char *pre; int n, kom, y0, nweeks; } grp[] = {
        {"A", 10, 101, 2024, 52}, {"B", 6, 147, 2024, 26}, {"C", 5, 151, 2024, 52}, {"B", 6, 147, 2023, 52}};
    for (size_t i = 0; i < sizeof grp / sizeof *grp; i++)
        for (int pi = 0; pi < grp[i].n; pi++)
            for (int w = 1; w <= grp[i].nweeks; w++)
                o += (size_t)sprintf(csv + o, "%s%d;%d-W%02d;%d;kontanthjaelp;;\n", grp[i].pre, pi, grp[i].y0, w, grp[i].kom);
    o += (size_t)sprintf(csv + o, "Z;2025-W40;851;;;37\n");
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = th_import1(ws, th_file("bench.csv", csv), &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    free(csv);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, &w, &d), STYR_OK);
    assert_int_equal(styr_sql_exec(styr_ws_db(w),
                                   "DELETE FROM befolkning WHERE kommune IN (101, 147, 151);"
                                   "INSERT INTO befolkning VALUES (101, 2023, 40, 1000), (147, 2023, 40, 100),"
                                   " (151, 2023, 40, 500), (101, 2024, 40, 1000), (147, 2024, 40, 100),"
                                   " (151, 2024, 40, 500)",
                                   &d),
                     STYR_OK);
    styr_ws_close(w);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    styr_period per[2];
    styr_period_parse("2024", &per[0]);
    styr_period_parse("2023", &per[1]);
    styr_bdata b;
    assert_int_equal(styr_bdata_load(w, per, 2, 0, -1, 1, &b, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(w);
    int k101 = c->kom_idx[101], k147 = c->kom_idx[147], k151 = c->kom_idx[151];
    int g = -1;
    for (int i = 0; i < c->dict.nyd; i++)
        if (!strcmp(c->dict.yd[i], "kontanthjaelp")) g = i;
    assert_true(g > 0);
    uint8_t in[STYR_MAX_KOMMUNER] = {0};
    in[k101] = in[k147] = in[k151] = 1;
    styr_metric m;
    assert_int_equal(styr_metric_by_key("andel_befolkning", NULL, &m), 0);
    int p24 = -1, p23 = -1;
    for (int i = 0; i < b.res.ps.n; i++) {
        if (!strcmp(b.res.ps.p[i].name, "2024")) p24 = i;
        if (!strcmp(b.res.ps.p[i].name, "2023")) p23 = i;
    }
    NEAR(styr_bdata_area(&b, &m, p24, in, g).v, 100.0 * 18 / 1600);
    NEAR(styr_bdata_value(&b, &m, p24, k147, g).v, 3.0);

    styr_bench x;
    styr_bench_make(&b, &m, p24, p23, k147, g, in, &x);
    assert_int_equal(x.nmembers, 3);
    NEAR(x.own.v, 3.0);
    NEAR(x.level.v, 1.125);
    NEAR(x.best.v, 1.0);
    assert_int_equal(x.best_kom, k101);
    assert_int_equal(x.rank, 3);
    assert_int_equal(x.nranked, 3);
    NEAR(x.pot_level.v, 1.875);   /* (3,0 - 1,125) / 100 x 100 */
    NEAR(x.pot_best.v, 2.0);
    assert_int_equal(x.pot_unit, STYR_U_FTE);
    NEAR(x.own_prev.v, 6.0);
    NEAR(x.dev_own.v, -3.0);
    NEAR(x.level_prev.v, 100.0 * 6 / 1600);
    NEAR(x.dev_level.v, 1.125 - 0.375);

    styr_bench_make(&b, &m, p24, p23, k151, g, in, &x);
    assert_int_equal(x.rank, 1);  /* tied with 101 */
    NEAR(x.pot_level.v, 0);
    /* 2023 for 151: no persons, a share of 0 points at nobody and is shown (spec §8) */
    assert_int_equal(x.own_prev.state, STYR_FV_OK);
    NEAR(x.own_prev.v, 0);
    assert_int_equal(x.dev_own.state, STYR_FV_OK);
    NEAR(x.dev_own.v, x.own.v);
    /* persons: a count, lower is better; 151 has 5 persons */
    assert_int_equal(styr_metric_by_key("personer", NULL, &m), 0);
    NEAR(styr_bdata_value(&b, &m, p24, k151, g).v, 5);
    NEAR(styr_bdata_area(&b, &m, p24, in, g).v, 21);
    styr_bdata_free(&b);
    styr_ws_close(w);
    styr_diags_free(&d);
}

static void test_ols_exact(void **state)
{
    (void)state;
    /* y = 1 + 2x exactly: coefficients exact, residuals 0 */
    double x1[] = {1, 0, 1, 1, 1, 2, 1, 3};
    double y1[] = {1, 3, 5, 7};
    styr_ols m;
    assert_int_equal(styr_ols_fit(x1, y1, 4, 2, &m), 0);
    NEAR(m.b[0], 1);
    NEAR(m.b[1], 2);
    NEAR(m.rss, 0);
    NEAR(m.r2, 1);
    /* x = 0,1,2,3, y = 1,3,2,5: by hand, xbar = 1,5, ybar = 2,75, Sxx = 5,
     * Sxy = (-1,5)(-1,75) + (-0,5)(0,25) + (0,5)(-0,75) + (1,5)(2,25) = 5,5:
     * b1 = 1,1, b0 = 2,75 - 1,65 = 1,1; fitted 1,1 2,2 3,3 4,4; residuals
     * -0,1 0,8 -1,3 0,6: RSS = 0,01 + 0,64 + 1,69 + 0,36 = 2,7; s2 = 1,35;
     * se(b1) = sqrt(1,35 / 5); se(b0) = sqrt(1,35 (1/4 + 2,25/5)). */
    double y2[] = {1, 3, 2, 5};
    assert_int_equal(styr_ols_fit(x1, y2, 4, 2, &m), 0);
    NEAR(m.b[0], 1.1);
    NEAR(m.b[1], 1.1);
    NEAR(m.rss, 2.7);
    NEAR(m.s2, 1.35);
    NEAR(m.se[1], sqrt(1.35 / 5));
    NEAR(m.se[0], sqrt(1.35 * (0.25 + 2.25 / 5)));
    double row[] = {1, 10};
    NEAR(styr_ols_predict(&m, row), 1.1 + 11);
    /* two regressors: y = 2 - x1 + 0,5 x2 exactly */
    double x3[] = {1, 0, 0, 1, 1, 0, 1, 0, 2, 1, 2, 2, 1, 3, 1};
    double y3[5];
    for (int i = 0; i < 5; i++) y3[i] = 2 - x3[i * 3 + 1] + 0.5 * x3[i * 3 + 2];
    assert_int_equal(styr_ols_fit(x3, y3, 5, 3, &m), 0);
    NEAR(m.b[0], 2);
    NEAR(m.b[1], -1);
    NEAR(m.b[2], 0.5);
    /* collinear columns and too few rows are refused */
    double x4[] = {1, 2, 1, 4, 1, 6, 1, 8};
    double x5[] = {1, 1, 2, 2, 3, 3, 4, 4};
    assert_int_equal(styr_ols_fit(x4, y1, 4, 2, &m), 0);
    assert_int_equal(styr_ols_fit(x5, y1, 4, 2, &m), -1);
    assert_int_equal(styr_ols_fit(x1, y1, 2, 2, &m), -1);
}

/* Seven municipalities, one covariate x = 0..6, actual = 1 + 2x + e with
 * e = (0,5 -0,5 0 0 0 -0,5 0,5): e sums to 0 and is orthogonal to x, so the
 * fit is exactly 1 + 2x and the departures are e. An eighth municipality
 * without a value is left out. */
static void test_model(void **state)
{
    (void)state;
    styr_covars *cv = calloc(1, sizeof *cv);
    styr_model *m = calloc(1, sizeof *m);
    double e[] = {0.5, -0.5, 0, 0, 0, -0.5, 0.5}, actual[8];
    cv->n = 1;
    for (int k = 0; k < 8; k++) {
        cv->val[k][0] = k;
        cv->has[k] = 1;
        actual[k] = k < 7 ? 1 + 2 * k + e[k] : NAN;
    }
    assert_int_equal(styr_model_fit(actual, cv, 8, m), 0);
    assert_int_equal(m->n, 7);
    NEAR(m->ols.b[0], 1);
    NEAR(m->ols.b[1], 2);
    assert_int_equal(m->of[7], -1);
    NEAR(m->row[m->of[3]].expected, 7);
    NEAR(m->row[m->of[5]].diff, -0.5);
    int rank[] = {6, 1, 3, 3, 3, 1, 6};
    for (int k = 0; k < 7; k++) assert_int_equal(m->row[m->of[k]].rank, rank[k]);
    int peers[] = {2, 4, 1, 5, 0};
    for (int p = 0; p < STYR_NPEERS; p++) assert_int_equal(m->row[m->of[3]].peers[p], peers[p]);
    /* a constant covariate is collinear with the constant */
    for (int k = 0; k < 8; k++) cv->val[k][0] = 4;
    assert_int_equal(styr_model_fit(actual, cv, 8, m), -1);
    free(cv);
    free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rank_ties),
        cmocka_unit_test(test_change_and_potential),
        cmocka_unit_test(test_cluster_level),
        cmocka_unit_test(test_ols_exact),
        cmocka_unit_test(test_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
