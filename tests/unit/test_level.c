/* Tests of the level figures of spec §3 on hand-computed panels. */
#include "harness.h"

#include "calc/level.h"
#include "core/num.h"
#include "core/period.h"

#define HDR "person;uge;kommune;ydelse;tilbud;timer\n"

typedef struct fixture { styr_ws *w; const styr_panel *p; styr_level lv; styr_diags d; } fixture;

static void compute(fixture *fx, const char *ws, const char *period)
{
    styr_diags_init(&fx->d);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &fx->w, &fx->d), STYR_OK);
    assert_int_equal(styr_ws_panel(fx->w, &fx->p, &fx->d), STYR_OK);
    styr_period per;
    assert_int_equal(styr_period_parse(period, &per), 0);
    assert_int_equal(styr_level_compute(fx->p, styr_ws_codes(fx->w), &per, &fx->lv, &fx->d), STYR_OK);
}

static void release(fixture *fx)
{
    styr_level_free(&fx->lv);
    styr_ws_close(fx->w);
    styr_diags_free(&fx->d);
}

static const styr_level_cell *cell(fixture *fx, int kommune, const char *ydelse)
{
    const styr_codes *c = styr_ws_codes(fx->w);
    int y = ydelse ? styr_codes_ydelse(c, ydelse, strlen(ydelse)) : 0;
    assert_true(y >= 0);
    return styr_level_at(&fx->lv, c->kom_idx[kommune], y);
}

static void test_spec_worked_example(void **state)
{
    (void)state;
    /* spec §9: A W01-W04 passive; B W01-W02 praktik, W03-W04 no record.
     * person-weeks 6; fuldtidspersoner 6/4 = 1,5; personer 2; aktiveringsgrad 100*2/6 = 33,3 */
    const char *ws = th_ws("lvl9.ws");
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, th_file("lvl9.csv", HDR
                                            "A;2024-W01;101;kontanthjaelp;;\nA;2024-W02;101;kontanthjaelp;;\n"
                                            "A;2024-W03;101;kontanthjaelp;;\nA;2024-W04;101;kontanthjaelp;;\n"
                                            "B;2024-W01;101;kontanthjaelp;praktik;\nB;2024-W02;101;kontanthjaelp;praktik;\n"),
                                &d),
                     STYR_OK);
    styr_diags_free(&d);
    fixture fx;
    compute(&fx, ws, "2024M01");
    const styr_level_cell *x = cell(&fx, 101, "kontanthjaelp");
    assert_int_equal(fx.lv.pweeks, 4);
    assert_int_equal(x->weeks, 6);
    assert_int_equal(x->persons, 2);
    assert_int_equal(x->active, 2);
    char b[32];
    assert_string_equal(styr_fmt_num(b, sizeof b, (double)x->weeks / fx.lv.pweeks, 1), "1,5");
    assert_string_equal(styr_fmt_num(b, sizeof b, 100.0 * (double)x->active / (double)x->weeks, 1), "33,3");
    release(&fx);
}

static void test_boundaries_moves_and_totals(void **state)
{
    (void)state;
    const char *ws = th_ws("lvl2.ws");
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(
        th_import1(ws, th_file("lvl2.csv", HDR
                               /* C: dagpenge 2023-W51 .. 2024-W02, crossing the year: 2 weeks in 2024M01 */
                               "C;2023-W51;101;dagpenge;;\nC;2023-W52;101;dagpenge;;\nC;2024-W01;101;dagpenge;;\n"
                               "C;2024-W02;101;dagpenge;;\n"
                               /* D: sygedagpenge, moves from 101 to 147 in W03 */
                               "D;2024-W01;101;sygedagpenge;;\nD;2024-W02;101;sygedagpenge;;\n"
                               "D;2024-W03;147;sygedagpenge;;\nD;2024-W04;147;sygedagpenge;;\n"
                               /* E: two groups in 101: kontanthjaelp W01, dagpenge W02-W03 (counted once in i alt) */
                               "E;2024-W01;101;kontanthjaelp;;\nE;2024-W02;101;dagpenge;vejledning;\nE;2024-W03;101;dagpenge;;\n"
                               /* F: a job week and a week after the period: no public support in 2024M01 */
                               "F;2024-W04;101;;;37\nF;2024-W05;101;dagpenge;;\n"),
        &d),
        STYR_OK);
    styr_diags_free(&d);
    fixture fx;
    compute(&fx, ws, "2024M01");
    const styr_level_cell *dp = cell(&fx, 101, "dagpenge");
    assert_int_equal(dp->weeks, 4);   /* C 2 + E 2 */
    assert_int_equal(dp->persons, 2); /* C, E */
    assert_int_equal(dp->active, 1);  /* E W02 */
    assert_int_equal(cell(&fx, 101, "sygedagpenge")->weeks, 2);
    assert_int_equal(cell(&fx, 147, "sygedagpenge")->weeks, 2);
    assert_int_equal(cell(&fx, 147, "sygedagpenge")->persons, 1);
    /* offentligt forsørgede i alt in 101: C 2 + D 2 + E 3 = 7 weeks, persons C, D, E = 3 */
    const styr_level_cell *all = cell(&fx, 101, NULL);
    assert_int_equal(all->weeks, 7);
    assert_int_equal(all->persons, 3);
    assert_int_equal(all->active, 1);
    release(&fx);
    /* the year 2023 holds C's two weeks; a 53-week year divides by 53 */
    compute(&fx, ws, "2023");
    assert_int_equal(cell(&fx, 101, "dagpenge")->weeks, 2);
    assert_int_equal(fx.lv.pweeks, 52);
    release(&fx);
    compute(&fx, ws, "2020");
    assert_int_equal(fx.lv.pweeks, 53);
    assert_int_equal(cell(&fx, 101, NULL)->weeks, 0);
    release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_worked_example),
        cmocka_unit_test(test_boundaries_moves_and_totals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
