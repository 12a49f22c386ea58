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
#include "synth/truth.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-6)

/* Observations set by hand (kind 1, 13 weeks; one cluster, no visitation or origin):
 *   A (spell week 5, 40-49, M): treated P1 in work, P2 not; controls C1-C10, one week
 *     each, C1-C3 in work: p_c = 0,3
 *   B (spell week 7, 50-66, K): treated P3 in work; controls C1 and C11-C19, C1 and C11
 *     in work: p_c = 0,2
 *   C (53+, 16-29, M): treated P4 in work; 2 control weeks of C20, none in work: fewer
 *     than STYR_EFFECT_MIN_CONTROLS (3), so P4 is left out
 * effect = (2 x (0,5 - 0,3) + 1 x (1 - 0,2)) / 3 = 0,4 -> 40 pp; p_t 2/3, p_c 0,8/3.
 * Influences (effect.h), N = 3: P1 (1 - 0,3 - 0,4)/3, P2 (0 - 0,3 - 0,4)/3, P3 (1 - 0,2 -
 * 0,4)/3; a control in A -(2/30)(Y - 0,3), in B -(1/30)(Y - 0,2); C1 has one of each.
 * Sum of squares 539/5625 over G = 22 persons (C20 is in no matched stratum):
 * V = 539/5625 x 22/21, above the Agresti-Caffo floor (3/5 x 2/5) / 5 = 0,048.
 * A and B have 10 control observations each: not thin (STYR_EFFECT_THIN).
 * Raw: treated 3 of 4 in work, controls 5 of 22 weeks. */
static styr_eobs obs_(uint32_t person, size_t key, int kind, int job)
{
    styr_eobs o;
    memset(&o, 0, sizeof o);
    o.person = person, o.key = (uint32_t)key, o.kind = (uint8_t)kind, o.n = 1;
    o.m[1] = 1, o.job[1] = (uint16_t)job, o.selv[1] = (uint16_t)job;
    return o;
}

static void test_estimator(void **state)
{
    (void)state;
    styr_offers o;
    memset(&o, 0, sizeof o);
    o.ng = 2, o.no = 2, o.ncl = 1, o.nvis = 1, o.nopr = 1;
    o.nstrata = (size_t)o.ng * STYR_NBANDS * STYR_NAGES * STYR_NSEX * (size_t)o.ncl;
    size_t a = styr_stratum(&o, 1, 4, 2, 1, 0), b = styr_stratum(&o, 1, 6, 3, 2, 0), c = styr_stratum(&o, 1, 15, 0, 1, 0);
    styr_eobs ob[40];
    size_t n = 0;
    /* persons in order (each person's observations together): P1-P4 = 1-4, C1-C20 = 11-30 */
    ob[n++] = obs_(1, a, 1, 1);
    ob[n++] = obs_(2, a, 1, 0);
    ob[n++] = obs_(3, b, 1, 1);
    ob[n++] = obs_(4, c, 1, 1);
    ob[n++] = obs_(11, a, 0, 1);
    ob[n++] = obs_(11, b, 0, 1);
    for (int i = 2; i <= 10; i++) ob[n++] = obs_((uint32_t)(10 + i), a, 0, i <= 3);
    for (int i = 11; i <= 19; i++) ob[n++] = obs_((uint32_t)(10 + i), b, 0, i == 11);
    for (int i = 0; i < 2; i++) ob[n++] = obs_(30, c, 0, 0);
    o.obs = ob;
    o.nobs = n;
    styr_effect e;
    styr_effect_estimate(&o, 1, 1, 1, &e);
    assert_true(e.ok);
    assert_false(e.shown); /* 3 matched: fewer than 30, not shown */
    NEAR(e.effect, 40.0);
    double se = 100 * sqrt(539.0 / 5625 * 22 / 21);
    NEAR(e.se, se);
    NEAR(e.lo, 40 - 1.96 * se);
    NEAR(e.hi, 40 + 1.96 * se);
    NEAR(e.raw, 100 * (0.75 - 5.0 / 22));
    NEAR(e.p_t, 200.0 / 3);
    NEAR(e.p_c, 80.0 / 3);
    assert_int_equal(e.treated, 4);
    assert_int_equal(e.matched, 3);
    assert_int_equal(e.strata, 3);
    assert_int_equal(e.strata_dropped, 1);
    assert_int_equal(e.persons, 22);
    NEAR(e.controls, 20);
    /* another horizon has nothing; kind 0 (no offer) is not an offer */
    styr_effect_estimate(&o, 1, 1, 0, &e);
    assert_false(e.ok);
    styr_effect_estimate(&o, 1, 0, 1, &e);
    assert_false(e.ok);
    /* every outcome the same (all in work): no variance in the data, but the interval is not
     * of width 0: the floor (4/5 x 1/5) / 5 */
    for (size_t i = 0; i < n; i++) ob[i].job[1] = 1;
    styr_effect_estimate(&o, 1, 1, 1, &e);
    NEAR(e.effect, 0.0);
    NEAR(e.se, 100 * sqrt(0.8 * 0.2 / 5));
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
 *   T1      weeks 1-17 on the benefit, praktik in weeks 5-8; work weeks 18-40
 *   C1-C5   weeks 1-10 on the benefit, no offer; work weeks 11-40
 *   C6-C10  weeks 1-30 on the benefit, no offer; nothing after
 * Treated: T1 in spell week 5. At 13 weeks (week 18) T1 is in work; the ten
 * controls in spell week 5 (enough: STYR_EFFECT_MIN_CONTROLS): C1-C5 in work
 * at week 18, C6-C10 on the benefit: effect 100 - 50 = 50 pp. At 4 weeks
 * (week 9) all are on the benefit: 0. Raw at 13: every control week counts
 * once: C1-C5 weeks 1-10 (50, all in work 13 weeks later), C6-C10 weeks 1-30
 * (150, none), T1 weeks 1-4 (4, none): 100 - 100 x 50 / 204 pp. Benefit
 * weeks in the 52 after week 5: T1 12 (weeks 6-17), C1-C5 5, C6-C10 25:
 * saved (5 x 5 + 5 x 25) / 10 - 12 = 3. */
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
    char cid[16];
    for (int i = 1; i <= 5; i++) {
        snprintf(cid, sizeof cid, "C%d", i);
        add_weeks(csv, &o, cid, 2023, 1, 10, "kontanthjaelp", "", "");
        add_weeks(csv, &o, cid, 2023, 11, 40, "", "", "37");
    }
    for (int i = 6; i <= 10; i++) snprintf(cid, sizeof cid, "C%d", i), add_weeks(csv, &o, cid, 2023, 1, 30, "kontanthjaelp", "", "");
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
    NEAR(e.raw, 100 - 100.0 * 50 / 204);
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
    /* passive weeks: T1 13, C1-C5 10 each, C6-C10 30 each */
    assert_int_equal(styr_offer_at(&off, 0, kom, g, 0, 2)->weeks, 213);

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

/* A synthetic population with +10 pp planted for praktik (issue 15): the true
 * effect styr synth computes from its counterfactuals is 10 at 13 weeks (the
 * quota) and 0 at 4 weeks and for vejledning (no effect planted: the same
 * person without the offer has the very same history); the matched estimate's
 * interval holds the truth for kontanthjælp and dagpenge, while the raw
 * difference for dagpenge lies above it (the young get more offers and leave
 * sooner). */
static void test_planted(void **state)
{
    (void)state;
    const char *ws = th_ws("planted");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, &w, &d), STYR_OK);
    char truth_path[512];
    snprintf(truth_path, sizeof truth_path, "%s/sand-effekt.csv", ws);
    styr_synth_opts so = {.persons = 150000, .from = 2017, .to = 2022, .seed = 11, .command = "test",
                          .truth_out = truth_path};
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
    const styr_codes *c = styr_ws_codes(w);
    styr_truth truth;
    assert_int_equal(styr_truth_load(truth_path, c, 2021, 2021, &truth, &d), STYR_OK);
    styr_period win;
    styr_period_parse("2021", &win);
    styr_offers off;
    styr_cube cube;
    assert_int_equal(styr_offers_compute(w, &win, 1, &win, 0, 0, &off, &cube, &d), STYR_OK);
    int k = styr_codes_tilbud(c, "praktik", 7), kv = styr_codes_tilbud(c, "vejledning", 10);
    const char *groups[] = {"kontanthjaelp", "dagpenge"};
    for (int i = 0; i < 2; i++) {
        int g = styr_codes_ydelse(c, groups[i], strlen(groups[i]));
        const styr_truth_cell *t13 = styr_truth_at(&truth, g, k, 1), *t4 = styr_truth_at(&truth, g, k, 0),
                              *tv = styr_truth_at(&truth, g, kv, 1);
        double true13 = 100 * (t13->j1 - t13->j0) / t13->n;
        assert_true(true13 > 9 && true13 < 11.5);
        NEAR(t4->j1, t4->j0);
        NEAR(tv->j1, tv->j0);
        styr_effect e;
        styr_effect_estimate(&off, g, k, 1, &e);
        printf("%s praktik 13 weeks: %.2f [%.2f; %.2f], raw %.2f, matched %u of %u, true %.2f\n", groups[i], e.effect,
               e.lo, e.hi, e.raw, e.matched, e.treated, true13);
        assert_true(e.shown && e.matched > 300);
        assert_true(e.lo <= true13 && true13 <= e.hi);
        assert_true(e.hi - e.lo > 1);
        if (i == 1) assert_true(e.raw > true13 + 1);
    }
    styr_truth_free(&truth);
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
