/* Tests of what issue 12 §5 added for the committee: periods in words, the
 * development month by month (anchor, periods, no data outside the panel,
 * discretion kept, never mixed with no data) and the catalog's word on
 * synthetic data. */
#include "harness.h"

#include "calc/develop.h"
#include "core/msg.h"
#include "out/figtext.h"
#include "synth/synth.h"
#include "ws/catalog.h"

static const char *words(const char *name)
{
    static char buf[96];
    styr_period p;
    assert_int_equal(styr_period_parse(name, &p), 0);
    return styr_period_words(buf, sizeof buf, &p);
}

static void test_period_words(void **state)
{
    (void)state;
    static const struct { const char *name, *da, *en; } t[] = {
        {"2024", "2024", "2024"},
        {"2024K2", "2. kvartal 2024", "Q2 2024"},
        {"2024M06", "juni 2024", "June 2024"},
        {"2024U05", "uge 5 2024", "week 5 2024"},
        {"2024M03R12", "12 måneder til og med marts 2024", "the 12 months to March 2024"},
        {"2024M06AATD", "januar-juni 2024", "January-June 2024"},
        {"2024M01AATD", "januar 2024", "January 2024"},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        styr_lang_set(STYR_LANG_DA);
        assert_string_equal(words(t[i].name), t[i].da);
        styr_lang_set(STYR_LANG_EN);
        assert_string_equal(words(t[i].name), t[i].en);
    }
    styr_lang_set(STYR_LANG_DA);
}

static void test_last_month(void **state)
{
    (void)state;
    static const struct { const char *name; int y, m; } t[] = {
        {"2024", 2024, 12}, {"2024K2", 2024, 6}, {"2024M03", 2024, 3}, {"2024M03R12", 2024, 3},
        {"2024M06AATD", 2024, 6}, {"2024U05", 2024, 2}, /* week 5's Thursday is 1 February */
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        styr_period p;
        int y, m;
        assert_int_equal(styr_period_parse(t[i].name, &p), 0);
        assert_int_equal(styr_period_last_month(&p, &y, &m), 0);
        assert_int_equal(y, t[i].y);
        assert_int_equal(m, t[i].m);
    }
}

/* A lookup: month m of any year is m (the year to date 100); March 2024 is hidden. */
static styr_figval fake(void *ctx, const styr_period *per, int g)
{
    (void)ctx;
    if (!strcmp(per->name, "2024M03")) return (styr_figval){0, STYR_FV_SUPPRESSED};
    if (per->kind == STYR_P_YTD) return (styr_figval){100.0 + g, STYR_FV_OK};
    return (styr_figval){(double)per->sub, STYR_FV_OK};
}

static void test_development(void **state)
{
    (void)state;
    const char *ws = th_ws("dev");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w;
    /* reference tables only: illustrative population and clusters, but no synthetic panel */
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, &w, &d), STYR_OK);
    unsigned f = styr_catalog_synthetic(w);
    assert_false(f & STYR_SYNTH_PANEL);
    assert_true(f & STYR_ILLUSTR_CLUSTERS);
    /* a synthetic population of 2023-2024: the import log says so */
    styr_synth_opts o = {.persons = 2000, .from = 2023, .to = 2024, .seed = 7, .command = "styr synth -w dev"};
    styr_synth_result res;
    styr_import_result ires;
    styr_rc rc = styr_synth(w, &o, &res, &ires, &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    styr_synth_result_free(&res);
    styr_import_result_free(&ires);
    styr_ws_close(w);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    assert_true(styr_catalog_synthetic(w) & STYR_SYNTH_PANEL);
    const styr_panel *p;
    assert_int_equal(styr_ws_panel(w, &p, &d), STYR_OK);

    /* the anchor: the panel's last whole month, 24 months back, each a year before */
    styr_dev dv;
    styr_period per[2 * STYR_DEV_MONTHS + 2];
    int n;
    styr_dev_plan(p, NULL, FIG_FULDTIDSPERSONER, &dv, per, &n);
    assert_int_equal(dv.n, 24);
    assert_int_equal(n, 38); /* 24 months, the 12 a year before the first 12, two years to date */
    assert_string_equal(dv.month[23].name, "2024M12");
    assert_string_equal(dv.month[0].name, "2023M01");
    assert_string_equal(dv.month_prev[0].name, "2022M01");
    assert_string_equal(dv.ytd.name, "2024M12AATD");
    assert_string_equal(dv.ytd_prev.name, "2023M12AATD");
    /* an earlier period moves the anchor to its last month */
    styr_period k2;
    styr_period_parse("2024K2", &k2);
    styr_dev_plan(p, &k2, FIG_FULDTIDSPERSONER, &dv, per, &n);
    assert_string_equal(dv.month[23].name, "2024M06");
    assert_string_equal(dv.ytd.name, "2024M06AATD");

    /* values: 2022 lies before the panel (no data, not hidden); March 2024 is hidden and so is its change */
    styr_dev_plan(p, NULL, FIG_FULDTIDSPERSONER, &dv, per, &n);
    styr_dev_fill(&dv, 2, fake, NULL);
    const styr_dev_group *x = &dv.grp[0];
    assert_int_equal(x->prev[0].state, STYR_FV_NONE);                       /* 2022M01 */
    assert_int_equal(styr_dev_change(&dv, x->now[0], x->prev[0]).state, STYR_FV_NONE);
    assert_int_equal(x->now[14].state, STYR_FV_SUPPRESSED);                 /* 2024M03 */
    assert_int_equal(x->prev[14].state, STYR_FV_OK);                        /* 2023M03 */
    assert_int_equal(styr_dev_change(&dv, x->now[14], x->prev[14]).state, STYR_FV_SUPPRESSED);
    /* a count's change in percent: 2024M04 (4) against 2023M04 (4) is 0 pct. */
    styr_figval c = styr_dev_change(&dv, x->now[15], x->prev[15]);
    assert_int_equal(c.state, STYR_FV_OK);
    assert_true(c.v == 0);
    assert_true(x->ytd.v == 102 && x->ytd_prev.v == 102);
    /* a share's change in percentage points */
    dv.fig = FIG_ANDEL;
    c = styr_dev_change(&dv, (styr_figval){15.5, STYR_FV_OK}, (styr_figval){15.0, STYR_FV_OK});
    assert_true(c.state == STYR_FV_OK && c.v > 0.49 && c.v < 0.51);
    styr_ws_close(w);
    styr_diags_free(&d);
}

/* Without a panel (issue 13): the development over the weeks the published figures span. The
 * anchor is the last month whose weeks end by the last week; outside the span is no data. */
static void test_plan_weeks(void **state)
{
    (void)state;
    styr_period y23, m06, m07;
    assert_int_equal(styr_period_parse("2023", &y23), 0);
    assert_int_equal(styr_period_parse("2025M06", &m06), 0);
    assert_int_equal(styr_period_parse("2025M07", &m07), 0);
    static styr_dev dv;
    styr_period per[2 * STYR_DEV_MONTHS + 2];
    int n = 0;
    /* the published figures run from 2023 to the end of June 2025 */
    styr_dev_plan_weeks(y23.first, m06.last, NULL, FIG_FULDTIDSPERSONER, &dv, per, &n);
    assert_int_equal(dv.n, STYR_DEV_MONTHS);
    assert_string_equal(dv.month[STYR_DEV_MONTHS - 1].name, "2025M06");
    assert_string_equal(dv.month[0].name, "2023M07");
    assert_string_equal(dv.month_prev[STYR_DEV_MONTHS - 1].name, "2024M06");
    assert_string_equal(dv.ytd.name, "2025M06AATD");
    assert_string_equal(dv.ytd_prev.name, "2024M06AATD");
    assert_int_equal(n, 12 + STYR_DEV_MONTHS + 2);
    /* a last week inside July: July is not whole, June is the anchor */
    styr_dev_plan_weeks(y23.first, m07.last - 1, NULL, FIG_FULDTIDSPERSONER, &dv, per, &n);
    assert_string_equal(dv.month[STYR_DEV_MONTHS - 1].name, "2025M06");
    /* an earlier report period is the anchor */
    styr_period upto;
    assert_int_equal(styr_period_parse("2024M12", &upto), 0);
    styr_dev_plan_weeks(y23.first, m06.last, &upto, FIG_FULDTIDSPERSONER, &dv, per, &n);
    assert_string_equal(dv.month[STYR_DEV_MONTHS - 1].name, "2024M12");
    /* nothing published: no development */
    styr_dev_plan_weeks(-1, -1, NULL, FIG_FULDTIDSPERSONER, &dv, per, &n);
    assert_int_equal(dv.n, 0);
    assert_int_equal(n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_period_words),
        cmocka_unit_test(test_last_month),
        cmocka_unit_test(test_development),
        cmocka_unit_test(test_plan_weeks),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    th_cleanup();
    return r;
}
