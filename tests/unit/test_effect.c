/* Tests of offers and their effect (spec §5, issue 6): the estimator on strata
 * set by hand, the accumulator on a small panel computed by hand, and a
 * synthetic population with a planted effect that the estimate recovers while
 * the raw comparison does not. */
#include "harness.h"

#include <math.h>

#include "calc/effect.h"
#include "calc/goaleval.h"
#include "calc/offers.h"
#include "calc/sample.h"
#include "synth/synth.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-6)

/* Two strata with treated and controls, one with treated only (dropped):
 *   A: treated 10, 6 in work; controls weight 40, 12 in work
 *   B: treated 30, 9 in work; controls weight 20, 2 in work
 *   C: treated 5, 5 in work; no controls
 * effect = (10 x 0,3 + 30 x 0,2) / 40 = 22,5 pp;
 * V = (1/4)^2 (0,6 x 0,4 / 10 + 0,3 x 0,7 / 40) + (3/4)^2 (0,3 x 0,7 / 30 + 0,1 x 0,9 / 20) = 0,008296875;
 * raw = 20/45 - 14/60; benefit weeks saved = (10 x 5 + 30 x 5) / 40 = 5. */
static void test_estimator(void **state)
{
    (void)state;
    styr_offers o;
    memset(&o, 0, sizeof o);
    o.ng = 2, o.no = 2, o.ncl = 1;
    o.nstrata = (size_t)o.ng * STYR_NBANDS * STYR_NAGES * STYR_NSEX * (size_t)o.ncl;
    o.ctrl = calloc(o.nstrata, sizeof *o.ctrl);
    o.trt = calloc(o.nstrata * (size_t)o.no, sizeof *o.trt);
    const int h = 1; /* 13 weeks */
    size_t a = styr_stratum(&o, 1, 4, 0, 1, 0), b = styr_stratum(&o, 1, 6, 2, 2, 0), c = styr_stratum(&o, 1, 15, 3, 1, 0);
    styr_strat *ta = &o.trt[o.nstrata + a], *tb = &o.trt[o.nstrata + b], *tc = &o.trt[o.nstrata + c];
    ta->w[h] = 10, ta->job[h] = 6, ta->selv[h] = 8, ta->wben = 10, ta->ben = 100;
    tb->w[h] = 30, tb->job[h] = 9, tb->selv[h] = 12, tb->wben = 30, tb->ben = 150;
    tc->w[h] = 5, tc->job[h] = 5, tc->selv[h] = 5;
    o.ctrl[a].w[h] = 40, o.ctrl[a].job[h] = 12, o.ctrl[a].selv[h] = 20, o.ctrl[a].wben = 40, o.ctrl[a].ben = 600;
    o.ctrl[b].w[h] = 20, o.ctrl[b].job[h] = 2, o.ctrl[b].selv[h] = 4, o.ctrl[b].wben = 20, o.ctrl[b].ben = 200;
    styr_effect e;
    styr_effect_estimate(&o, 1, 1, h, &e);
    assert_true(e.ok);
    NEAR(e.effect, 22.5);
    double se = 100 * sqrt(0.008296875);
    NEAR(e.lo, 22.5 - 1.96 * se);
    NEAR(e.hi, 22.5 + 1.96 * se);
    NEAR(e.raw, 100 * (20.0 / 45 - 14.0 / 60));
    NEAR(e.p_t, 37.5);
    NEAR(e.p_c, 15.0);
    /* self-supporting: A 0,8 - 0,5, B 0,4 - 0,2: (10 x 0,3 + 30 x 0,2) / 40 */
    NEAR(e.effect_selv, 22.5);
    NEAR(e.ben_saved, 5.0);
    assert_int_equal(e.treated, 45);
    assert_int_equal(e.matched, 40);
    assert_int_equal(e.strata, 3);
    assert_int_equal(e.strata_dropped, 1);
    NEAR(e.controls, 60);
    /* another horizon has nothing; kind 0 (no offer) is not an offer */
    styr_effect_estimate(&o, 1, 1, 0, &e);
    assert_false(e.ok);
    styr_effect_estimate(&o, 1, 0, h, &e);
    assert_false(e.ok);
    free(o.ctrl);
    free(o.trt);
}

static void add_weeks(char *buf, size_t *o, const char *p, int y, int w0, int w1, const char *yd, const char *tb,
                      const char *timer)
{
    for (int w = w0; w <= w1; w++) {
        int yy = y, ww = w;
        while (ww > 52) ww -= 52, yy++; /* 2023 and 2024 have 52 weeks */
        *o += (size_t)sprintf(buf + *o, "%s;%d-W%02d;101;%s;%s;%s\n", p, yy, ww, yd, tb, timer);
    }
}

/* A small panel computed by hand: in 2023, kontanthjælp, municipality 101,
 * persons without birth or sex (one age and sex stratum):
 *   T1  weeks 1-17 on the benefit, praktik in weeks 5-8; work weeks 18-40
 *   C1  weeks 1-10 on the benefit, no offer; work weeks 11-40
 *   C2  weeks 1-30 on the benefit, no offer; nothing after
 * Treated: T1 in spell week 5. At 13 weeks (week 18) T1 is in work; the
 * controls in spell week 5: C1 in work at week 18, C2 on the benefit:
 * effect 100 - 50 = 50 pp. At 4 weeks (week 9) all are on the benefit: 0.
 * Raw at 13: control weeks C1 1-10 (weight 1 each, all in work 13 weeks
 * later), C2 1-13 (weight 1), 14-26 (1/13 each), 27-30 (1/4 each), none in
 * work; T1 1-4 (weight 1), none in work: 10 / 29 -> 100 - 34,48 pp.
 * Benefit weeks in the 52 after week 5: T1 12 (weeks 6-17), C1 5, C2 25:
 * saved (5 + 25) / 2 - 12 = 3. */
static void test_panel(void **state)
{
    (void)state;
    const char *ws = th_ws("effect");
    char *csv = malloc(1 << 16);
    size_t o = (size_t)sprintf(csv, "person;uge;kommune;ydelse;tilbud;timer\n");
    add_weeks(csv, &o, "T1", 2023, 1, 4, "kontanthjaelp", "", "");
    add_weeks(csv, &o, "T1", 2023, 5, 8, "kontanthjaelp", "praktik", "");
    add_weeks(csv, &o, "T1", 2023, 9, 17, "kontanthjaelp", "", "");
    add_weeks(csv, &o, "T1", 2023, 18, 40, "", "", "37");
    add_weeks(csv, &o, "C1", 2023, 1, 10, "kontanthjaelp", "", "");
    add_weeks(csv, &o, "C1", 2023, 11, 40, "", "", "37");
    add_weeks(csv, &o, "C2", 2023, 1, 30, "kontanthjaelp", "", "");
    o += (size_t)sprintf(csv + o, "Z;2024-W52;851;;;37\n");
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = th_import1(ws, th_file("effect.csv", csv), &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    free(csv);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    styr_period win;
    styr_period_parse("2023", &win);
    styr_offers off;
    styr_cube cube;
    assert_int_equal(styr_offers_compute(w, &win, 1, &win, 0, 1, &off, &cube, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(w);
    int g = styr_codes_ydelse(c, "kontanthjaelp", 13), k = styr_codes_tilbud(c, "praktik", 7);
    styr_effect e;
    styr_effect_estimate(&off, g, k, 1, &e);
    assert_true(e.ok);
    assert_int_equal(e.treated, 1);
    assert_int_equal(e.matched, 1);
    NEAR(e.effect, 50.0);
    NEAR(e.raw, 100 - 100.0 * 10 / 29);
    NEAR(e.ben_saved, 3.0);
    styr_effect_estimate(&off, g, k, 0, &e);
    NEAR(e.effect, 0.0);
    /* the offer flow: one praktik started in spell week 5 (band "5"), ended, 4 weeks long,
     * and 4 weeks after its end (week 12) on the benefit, 13 weeks after (week 21) in work */
    int kom = c->kom_idx[101];
    const styr_offer_cell *oc = styr_offer_at(&off, 0, kom, g, k, 2);
    assert_int_equal(oc->started, 1);
    assert_int_equal(oc->band[styr_spell_band(5)], 1);
    assert_int_equal(oc->ended, 1);
    assert_int_equal(oc->ended_len, 4);
    assert_int_equal(oc->status[0][STYR_ST_YDELSE], 1);
    assert_int_equal(oc->status[1][STYR_ST_JOB], 1);
    assert_int_equal(oc->weeks, 4);
    /* passive weeks: T1 13, C1 10, C2 30 */
    assert_int_equal(styr_offer_at(&off, 0, kom, g, 0, 2)->weeks, 53);

    /* a goal on the offer: in work 3 months after praktik at least 40 pct. in 2023 (the year is
     * complete): T1's praktik ended in week 8 and T1 is in work in week 21: 100 pct., reached
     * for the own municipality; with discretion (1 person) the value is hidden and unknown */
    styr_goal goal = {.aar = 2023, .grp = g, .tilbud = k, .kind = STYR_GOAL_MIN, .value = 40};
    snprintf(goal.figur, sizeof goal.figur, "i_job_3mdr");
    styr_period gp[16];
    int ngp = styr_goal_periods(2023, 12, gp);
    styr_bdata b;
    assert_int_equal(styr_bdata_load(w, gp, ngp, 0, kom, 1, &b, &d), STYR_OK);
    const styr_panel *pan;
    assert_int_equal(styr_ws_panel(w, &pan, &d), STYR_OK);
    styr_goal_eval ev;
    assert_int_equal(styr_goals_evaluate_all(w, pan, &b, &goal, 1, kom, 1, &ev, &d), STYR_OK);
    assert_int_equal(ev.months, 12);
    NEAR(ev.latest.v, 100.0);
    assert_int_equal(ev.status, STYR_GS_REACHED);
    NEAR(ev.path[1].v, 100.0); /* ended in February (week 8) */
    assert_int_equal(styr_goals_evaluate_all(w, pan, &b, &goal, 1, kom, 0, &ev, &d), STYR_OK);
    assert_int_equal(ev.latest.state, STYR_FV_SUPPRESSED);
    assert_int_equal(ev.status, STYR_GS_UNKNOWN);
    styr_bdata_free(&b);
    styr_offers_free(&off);
    styr_cube_free(&cube);
    styr_ws_close(w);
    styr_diags_free(&d);
}

/* A synthetic population with +10 pp planted for praktik: the matched
 * estimate's interval holds 10 for kontanthjælp and dagpenge, while the raw
 * difference for dagpenge lies above the interval (the young get more offers
 * and leave sooner). */
static void test_planted(void **state)
{
    (void)state;
    const char *ws = th_ws("planted");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, &w, &d), STYR_OK);
    styr_synth_opts so = {.persons = 150000, .from = 2015, .to = 2024, .seed = 11, .command = "test"};
    snprintf(so.effekt[0].code, sizeof so.effekt[0].code, "praktik");
    so.effekt[0].pp = 10;
    so.neffekt = 1;
    styr_synth_result res;
    styr_import_result ires;
    assert_int_equal(styr_synth(w, &so, &res, &ires, &d), STYR_OK);
    /* the quota moves 10 pct. of the first offers in each group and year (to the person) */
    assert_true(fabs(100.0 * (double)res.eff_moved[0] / (double)res.eff_first[0] - 10.0) < 0.3);
    styr_synth_result_free(&res);
    styr_import_result_free(&ires);
    styr_period win;
    styr_period_parse("2023", &win);
    styr_offers off;
    styr_cube cube;
    assert_int_equal(styr_offers_compute(w, &win, 1, &win, 0, 0, &off, &cube, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(w);
    int k = styr_codes_tilbud(c, "praktik", 7);
    const char *groups[] = {"kontanthjaelp", "dagpenge"};
    for (int i = 0; i < 2; i++) {
        styr_effect e;
        styr_effect_estimate(&off, styr_codes_ydelse(c, groups[i], strlen(groups[i])), k, 1, &e);
        printf("%s praktik 13 weeks: %.2f [%.2f; %.2f], raw %.2f, matched %u\n", groups[i], e.effect, e.lo, e.hi, e.raw,
               e.matched);
        assert_true(e.ok && e.matched > 500);
        assert_true(e.lo <= 10 && 10 <= e.hi);
        if (i == 1) assert_true(e.raw > e.hi && e.raw > 12);
    }
    styr_offers_free(&off);
    styr_cube_free(&cube);
    styr_ws_close(w);
    styr_diags_free(&d);
}

/* Allocation by largest remainder: 6 over populations 10, 0, 5, 1 (16):
 * quotas 3,75 0 1,875 0,375 -> 3 0 1 0, remainders give 3 0 2 0 then 4 0 2 0;
 * the last stratum is not empty, so it takes one from the largest: 3 0 2 1. */
static void test_allocate(void **state)
{
    (void)state;
    size_t pop[4] = {10, 0, 5, 1}, out[4];
    styr_sample_allocate(pop, 4, 6, out);
    assert_int_equal(out[0], 3);
    assert_int_equal(out[1], 0);
    assert_int_equal(out[2], 2);
    assert_int_equal(out[3], 1);
    styr_sample_allocate(pop, 4, 40, out); /* more than there are: all */
    assert_int_equal(out[0] + out[2] + out[3], 16);
    styr_sample_allocate(pop, 4, 2, out);  /* fewer than the strata: by size */
    assert_int_equal(out[0], 1);
    assert_int_equal(out[2], 1);
    assert_int_equal(out[3], 0);
}

/* Nine current kontanthjælp spells in 101 at the panel's last week (2024-W52):
 *   A1-A4  13 weeks, no offer         (stratum 1-13, intet tilbud)
 *   B1-B3  20 weeks, praktik now      (14-26, i tilbud nu)
 *   C1-C2  60 weeks, praktik earlier  (53-104, tidligere tilbud)
 *   D1     ended before the last week (not current)
 * n = 4: quotas 4/9 x (4, 3, 2) = 1,78 1,33 0,89 -> 1 1 0, remainders: +1 to
 * the 1-13 stratum (0,78), +1 to 53-104 (0,89 first): 2 1 1. */
static void test_sample(void **state)
{
    (void)state;
    const char *ws = th_ws("sample");
    char *csv = malloc(1 << 16);
    size_t o = (size_t)sprintf(csv, "person;uge;kommune;ydelse;tilbud;timer\n");
    char id[16];
    for (int i = 1; i <= 4; i++) snprintf(id, sizeof id, "A%d", i), add_weeks(csv, &o, id, 2024, 40, 52, "kontanthjaelp", "", "");
    for (int i = 1; i <= 3; i++) {
        snprintf(id, sizeof id, "B%d", i);
        add_weeks(csv, &o, id, 2024, 33, 48, "kontanthjaelp", "", "");
        add_weeks(csv, &o, id, 2024, 49, 52, "kontanthjaelp", "praktik", "");
    }
    for (int i = 1; i <= 2; i++) {
        snprintf(id, sizeof id, "C%d", i);
        add_weeks(csv, &o, id, 2023, 45, 60, "kontanthjaelp", "praktik", "");
        add_weeks(csv, &o, id, 2023, 61, 104, "kontanthjaelp", "", "");
    }
    add_weeks(csv, &o, "D1", 2024, 1, 40, "kontanthjaelp", "", "");
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = th_import1(ws, th_file("sample.csv", csv), &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    free(csv);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(w);
    int g = styr_codes_ydelse(c, "kontanthjaelp", 13), k = c->kom_idx[101];
    styr_sample s1, s2, s3;
    assert_int_equal(styr_sample_draw(w, g, k, 4, 1, &s1, &d), STYR_OK);
    int sa = 0 * STYR_NOFFER + 2, sb = 1 * STYR_NOFFER + 0, sc = 3 * STYR_NOFFER + 1;
    assert_int_equal(s1.population[sa], 4);
    assert_int_equal(s1.population[sb], 3);
    assert_int_equal(s1.population[sc], 2);
    assert_int_equal(s1.drawn[sa], 2);
    assert_int_equal(s1.drawn[sb], 1);
    assert_int_equal(s1.drawn[sc], 1);
    assert_int_equal(s1.n, 4);
    for (size_t i = 0; i < s1.n; i++) {
        const styr_case *x = &s1.cases[i];
        if (x->stratum == sb) assert_int_equal(x->weeks, 20), assert_true(x->tb_now > 0);
        if (x->stratum == sc) assert_int_equal(x->weeks, 60), assert_int_equal(x->tb_now, 0);
    }
    /* the same seed gives the same cases; another seed may give others, in the same strata */
    assert_int_equal(styr_sample_draw(w, g, k, 4, 1, &s2, &d), STYR_OK);
    assert_int_equal(s2.n, s1.n);
    for (size_t i = 0; i < s1.n; i++) assert_int_equal(s1.cases[i].person, s2.cases[i].person);
    int differs = 0;
    for (uint64_t seed = 2; seed < 12 && !differs; seed++) {
        assert_int_equal(styr_sample_draw(w, g, k, 4, seed, &s3, &d), STYR_OK);
        assert_int_equal(s3.drawn[sa], 2);
        for (size_t i = 0; i < s3.n; i++) differs |= s3.cases[i].person != s1.cases[i].person;
        styr_sample_free(&s3);
    }
    assert_true(differs);
    styr_sample_free(&s1);
    styr_sample_free(&s2);
    styr_ws_close(w);
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_estimator),
        cmocka_unit_test(test_panel),
        cmocka_unit_test(test_planted),
        cmocka_unit_test(test_allocate),
        cmocka_unit_test(test_sample),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
