/* Tests of the money figures (spec/refusion.md): the regimes, the 2016 trappe
 * with its restart, the 2011 sygedagpenge rule, the regime change and KL's
 * potential. Every rate is set to 1.000 kr. per week, so a net amount in kroner
 * is 1.000 x the sum of the weeks' municipal shares. */
#include "harness.h"

#include <math.h>

#include "calc/money.h"
#include "calc/query.h"
#include "core/num.h"

#define HDR "person;uge;kommune;ydelse;tilbud;timer\n"
#define SENTINEL "Z;2025-W52;851;;;37\n"

/* A workspace with the given weeks (from a generator) and every rate 1.000 kr. */
static const char *make_ws(const char *name, const char *csv)
{
    const char *ws = th_ws(name);
    char file[64];
    snprintf(file, sizeof file, "%s.csv", name);
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = th_import1(ws, th_file(file, csv), &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, &w, &d), STYR_OK);
    assert_int_equal(styr_sql_exec(styr_ws_db(w),
                                   "WITH RECURSIVE y(aar) AS (SELECT 2000 UNION ALL SELECT aar + 1 FROM y WHERE aar < 2030)"
                                   " INSERT OR REPLACE INTO satser SELECT aar, ydelse, 1000, 'test' FROM y, ydelser",
                                   &d),
                     STYR_OK);
    styr_ws_close(w);
    styr_diags_free(&d);
    return ws;
}

/* Append "P;<week>;<kom>;<yd>;<tb>;\n" for weeks [from, from+n) as week indexes. */
static size_t weeks(char *buf, size_t o, const char *p, int from, int n, int kom, const char *yd, const char *tb)
{
    for (int w = from; w < from + n; w++) {
        char wk[12];
        styr_week_format(w, wk);
        o += (size_t)sprintf(buf + o, "%s;%s;%d;%s;%s;\n", p, wk, kom, yd, tb);
    }
    return o;
}

static int wk(const char *s)
{
    int w;
    assert_int_equal(styr_week_parse(s, strlen(s), &w), 0);
    return w;
}

typedef struct mres { styr_ws *w; styr_qresult r; styr_rules rules; } mres;

static const styr_cell *money_cell(mres *m, const char *ws, const char *period, int kommune, const char *ydelse)
{
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &m->w, &d), STYR_OK);
    assert_int_equal(styr_rules_load(m->w, &m->rules, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(m->w);
    styr_period per;
    assert_int_equal(styr_period_parse(period, &per), 0);
    int kom[1] = {kommune ? c->kom_idx[kommune] : c->dict.nkom};
    int grp[1] = {ydelse[0] ? styr_codes_ydelse(c, ydelse, strlen(ydelse)) : 0};
    styr_query q = {kom, 1, grp, 1, &per, 1, 0, 2, 0, 1, STYR_KILDE_AUTO, NULL};
    assert_int_equal(styr_query_run(m->w, &q, &m->r, &d), STYR_OK);
    styr_diags_free(&d);
    return m->r.rows[0].cell;
}

static void done(mres *m)
{
    styr_qresult_free(&m->r);
    styr_ws_close(m->w);
}

static int reg(mres *m, const char *name) { return styr_rules_find(&m->rules, name); }

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-6)

static void test_trappe_restart_52_vs_51(void **state)
{
    (void)state;
    /* spec worked example: kontanthjælp weeks 1-30 -> weeks 1-4 s = 0,20, 5-26 s = 0,60,
     * 27-30 s = 0,70. Self-supporting weeks 31-82 (52 weeks); back on benefit in week 83:
     * the count starts over, n = 1, s = 0,20. Returning in week 82 instead (51 weeks of
     * self-support): n = 31, s = 0,70. Week 1 = 2017-W01 (2017 has 52 weeks). */
    static char buf[1 << 16];
    int w1 = wk("2017-W01");
    size_t o = (size_t)sprintf(buf, HDR);
    o = weeks(buf, o, "A", w1, 30, 101, "kontanthjaelp", "");
    o = weeks(buf, o, "A", w1 + 82, 1, 101, "kontanthjaelp", "");      /* week 83 */
    o = weeks(buf, o, "B", w1, 30, 147, "kontanthjaelp", "");
    o = weeks(buf, o, "B", w1 + 81, 1, 147, "kontanthjaelp", "");      /* week 82 */
    sprintf(buf + o, SENTINEL);
    const char *ws = make_ws("trappe", buf);
    mres m;
    const styr_cell *c = money_cell(&m, ws, "2017", 101, "kontanthjaelp");
    int r16 = reg(&m, "2016");
    /* 1.000 x (4 x 0,20 + 22 x 0,60 + 4 x 0,70) = 16.800 kr.; gross 30.000 */
    NEAR(c->gross, 30000);
    NEAR(c->net[r16], 16800);
    assert_int_equal(c->weeks_step[0], 4);
    assert_int_equal(c->weeks_step[1], 22);
    assert_int_equal(c->weeks_step[2], 4);
    NEAR(c->net_step[1], 22 * 600);
    done(&m);
    char wname[12];
    styr_week_format(w1 + 82, wname); /* 2018-W31 */
    char per[16];
    snprintf(per, sizeof per, "%.4sU%.2s", wname, wname + 6);
    c = money_cell(&m, ws, per, 101, "kontanthjaelp");
    NEAR(c->net[r16], 200); /* restart: n = 1 */
    assert_int_equal(c->weeks_step[0], 1);
    done(&m);
    styr_week_format(w1 + 81, wname);
    snprintf(per, sizeof per, "%.4sU%.2s", wname, wname + 6);
    c = money_cell(&m, ws, per, 147, "kontanthjaelp");
    NEAR(c->net[r16], 700); /* no restart: n = 31 */
    assert_int_equal(c->weeks_step[2], 1);
    done(&m);
}

static void test_loentilskud_is_not_self_support(void **state)
{
    (void)state;
    /* C: kontanthjælp weeks 1-30, then 52 weeks of kontanthjælp in løntilskud (weeks
     * 31-82), then kontanthjælp in week 83: løntilskud is not self-support, so the count
     * goes on: n = 83, s = 0,80. (Both weeks 31-82 count too: n = 31..82.) */
    static char buf[1 << 16];
    int w1 = wk("2017-W01");
    size_t o = (size_t)sprintf(buf, HDR);
    o = weeks(buf, o, "C", w1, 30, 101, "kontanthjaelp", "");
    o = weeks(buf, o, "C", w1 + 30, 52, 101, "kontanthjaelp", "loentilskud");
    o = weeks(buf, o, "C", w1 + 82, 1, 101, "kontanthjaelp", "");
    sprintf(buf + o, SENTINEL);
    const char *ws = make_ws("loentilskud", buf);
    char wname[12], per[16];
    styr_week_format(w1 + 82, wname);
    snprintf(per, sizeof per, "%.4sU%.2s", wname, wname + 6);
    mres m;
    const styr_cell *c = money_cell(&m, ws, per, 101, "kontanthjaelp");
    NEAR(c->net[reg(&m, "2016")], 800);
    assert_int_equal(c->weeks_step[3], 1);
    done(&m);
}

static void test_regimes_2010_2011(void **state)
{
    (void)state;
    /* 2010 (KL's table): dagpenge passive s = 0,50, with an offer 0,25; kontanthjælp
     * passive 0,65, with an offer 0,35. 2011: praktik 0,50, vejledning 0,70, passive 0,70.
     * 2010-W10..W13: D on dagpenge, 2 weeks passive + 2 in vejledning; K on kontanthjælp,
     * 2 passive + 2 in praktik. */
    const char *ws = make_ws("reg", HDR
                             "D;2010-W10;101;dagpenge;;\nD;2010-W11;101;dagpenge;;\n"
                             "D;2010-W12;101;dagpenge;vejledning;\nD;2010-W13;101;dagpenge;vejledning;\n"
                             "K;2010-W10;101;kontanthjaelp;;\nK;2010-W11;101;kontanthjaelp;;\n"
                             "K;2010-W12;101;kontanthjaelp;praktik;\nK;2010-W13;101;kontanthjaelp;praktik;\n" SENTINEL);
    mres m;
    const styr_cell *c = money_cell(&m, ws, "2010", 101, "dagpenge");
    int r10 = reg(&m, "2010"), r11 = reg(&m, "2011"), r16 = reg(&m, "2016"), au = m.rules.nreg;
    NEAR(c->net[r10], 1000 * (2 * 0.50 + 2 * 0.25));
    NEAR(c->net[r11], 1000 * (2 * 0.70 + 2 * 0.70));
    NEAR(c->net[r16], 1000 * 4 * 0.20);          /* dagpenge co-financed on the trappe: n = 1-4 */
    NEAR(c->net[au], c->net[r10]);               /* 2010 was in force */
    done(&m);
    c = money_cell(&m, ws, "2010", 101, "kontanthjaelp");
    NEAR(c->net[r10], 1000 * (2 * 0.65 + 2 * 0.35));
    NEAR(c->net[r11], 1000 * (2 * 0.70 + 2 * 0.50));
    done(&m);
    /* all public support is the sum, so is the country */
    c = money_cell(&m, ws, "2010", 0, "");
    NEAR(c->net[r10], 1000 * (2 * 0.50 + 2 * 0.25 + 2 * 0.65 + 2 * 0.35));
    NEAR(c->gross, 8000);
    NEAR(c->gross - c->net[r10], 8000 - 3500); /* refusion: 8 weeks x 1.000 - 3.500 */
    done(&m);
}

static void test_sygedagpenge_2011(void **state)
{
    (void)state;
    /* 2011: sygedagpenge weeks 1-8 of the spell s = 0, weeks 9-52 as other weeks (passive
     * 0,70), after week 52 no refusion (s = 1). A 60-week spell from 2012-W01:
     * 1.000 x (8 x 0 + 44 x 0,70 + 8 x 1) = 38.800 kr. */
    static char buf[1 << 16];
    size_t o = (size_t)sprintf(buf, HDR);
    o = weeks(buf, o, "S", wk("2012-W01"), 60, 461, "sygedagpenge", "");
    sprintf(buf + o, SENTINEL);
    const char *ws = make_ws("syg", buf);
    mres m;
    const styr_cell *c;
    /* sum over the two years */
    double net = 0, gross = 0;
    const char *years[] = {"2012", "2013"};
    int r11 = -1;
    for (int i = 0; i < 2; i++) {
        c = money_cell(&m, ws, years[i], 461, "sygedagpenge");
        r11 = reg(&m, "2011");
        net += c->net[r11];
        gross += c->gross;
        done(&m);
    }
    NEAR(gross, 60000);
    NEAR(net, 38800);
}

static void test_regime_change_2016(void **state)
{
    (void)state;
    /* kontanthjælp passive 2015-W50..W53 and 2016-W01..W03 (2015 has 53 weeks; the 2016
     * regime starts in 2016-W01, Monday 4 January). Auto: 4 weeks under 2011 (0,70) and
     * 3 under 2016 with n = 5, 6, 7 (0,60). Under 2016 throughout: 4 x 0,20 + 3 x 0,60. */
    const char *ws = make_ws("chg", HDR
                             "R;2015-W50;101;kontanthjaelp;;\nR;2015-W51;101;kontanthjaelp;;\n"
                             "R;2015-W52;101;kontanthjaelp;;\nR;2015-W53;101;kontanthjaelp;;\n"
                             "R;2016-W01;101;kontanthjaelp;;\nR;2016-W02;101;kontanthjaelp;;\n"
                             "R;2016-W03;101;kontanthjaelp;;\n" SENTINEL);
    mres m;
    const styr_cell *c = money_cell(&m, ws, "2015M12", 101, "kontanthjaelp");
    int r11 = reg(&m, "2011"), r16 = reg(&m, "2016"), au = m.rules.nreg;
    NEAR(c->net[au], 4 * 700);
    NEAR(c->net[r16], 4 * 200);
    done(&m);
    c = money_cell(&m, ws, "2016M01", 101, "kontanthjaelp");
    NEAR(c->net[au], 3 * 600);
    NEAR(c->net[r11], 3 * 700);
    assert_int_equal(c->weeks_step[1], 3);
    done(&m);
}

static void test_kl_potential(void **state)
{
    (void)state;
    /* KL: a municipality 2.700 kr. per 18-64-year-old above its cluster (15.000 against
     * 12.300) with 21.000 such inhabitants can free 56,7 mio. kr., shown "57 mio. kr." */
    double p = styr_potential(15000, 12300, 21000);
    NEAR(p, 56.7e6);
    char b[32];
    assert_string_equal(styr_fmt_mio_kr(b, sizeof b, p), "57 mio. kr.");
    NEAR(styr_potential(12000, 12300, 21000), 0); /* below the cluster: nothing to free */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trappe_restart_52_vs_51),
        cmocka_unit_test(test_loentilskud_is_not_self_support),
        cmocka_unit_test(test_regimes_2010_2011),
        cmocka_unit_test(test_sygedagpenge_2011),
        cmocka_unit_test(test_regime_change_2016),
        cmocka_unit_test(test_kl_potential),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
