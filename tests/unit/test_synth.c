/* Tests of the synthetic population: determinism, the CSV path, realism. */
#include "harness.h"

#include "calc/query.h"
#include "core/period.h"
#include "synth/synth.h"

static uint64_t synth_into(const char *ws, uint64_t persons, uint64_t seed, const char *out)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, out ? STYR_WS_READ : STYR_WS_WRITE, &w, &d), STYR_OK);
    styr_synth_opts o = {.persons = persons, .from = 2015, .to = 2024, .seed = seed, .out = out};
    styr_synth_result res;
    styr_import_result ires;
    styr_rc rc = styr_synth(w, &o, &res, &ires, &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    assert_int_equal(res.persons, persons);
    assert_true(res.residents > persons);
    uint64_t ck = out ? 0 : ires.checksum;
    styr_synth_result_free(&res);
    styr_import_result_free(&ires);
    styr_ws_close(w);
    styr_diags_free(&d);
    return ck;
}

static uint64_t panel_checksum(const char *ws)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w;
    const styr_panel *p;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    assert_int_equal(styr_ws_panel(w, &p, &d), STYR_OK);
    uint64_t ck = styr_panel_checksum(p);
    styr_ws_close(w);
    styr_diags_free(&d);
    return ck;
}

static void test_deterministic(void **state)
{
    (void)state;
    uint64_t a = synth_into(th_ws("s1.ws"), 3000, 7, NULL);
    uint64_t b = synth_into(th_ws("s2.ws"), 3000, 7, NULL);
    uint64_t c = synth_into(th_ws("s3.ws"), 3000, 8, NULL);
    assert_int_equal(a, b);
    assert_true(a != c);
}

static void test_csv_path_gives_the_same_panel(void **state)
{
    (void)state;
    uint64_t direct = synth_into(th_ws("s4.ws"), 2000, 3, NULL);
    const char *ws = th_ws("s5.ws");
    const char *out = th_path("synth.csv");
    synth_into(ws, 2000, 3, out);
    const char *files[] = {out, th_path("synth-personer.csv"), th_path("synth-befolkning.csv")};
    styr_diags d;
    styr_diags_init(&d);
    styr_import_result res;
    styr_rc rc = th_import(ws, files, 3, 0, &d, &res);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    assert_int_equal(res.files[0].kind, STYR_T_LONG);
    assert_int_equal(res.files[0].decimal, ',');
    assert_int_equal(res.pop_rows, 98 * 10 * 51);
    styr_import_result_free(&res);
    styr_diags_free(&d);
    assert_int_equal(panel_checksum(ws), direct);
}

static void test_realistic(void **state)
{
    (void)state;
    const char *ws = th_ws("s6.ws");
    synth_into(ws, 20000, 1, NULL);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w;
    const styr_panel *p;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    assert_int_equal(styr_ws_panel(w, &p, &d), STYR_OK);
    const styr_cols *c = styr_panel_cols(p);
    const styr_codes *codes = styr_ws_codes(w);
    /* every group occurs; long spells, job hours, offers, moves, both sexes, ages 16-66 */
    uint64_t seen_yd[STYR_MAX_CODES] = {0}, seen_tb[STYR_MAX_CODES] = {0}, long_runs = 0, job_runs = 0, movers = 0,
             men = 0, women = 0, bad_age = 0;
    for (uint64_t i = 0; i < c->npersons; i++) {
        int first_kom = -1, moved = 0;
        men += c->sex[i] == 1;
        women += c->sex[i] == 2;
        for (uint64_t r = c->run_off[i]; r < c->run_off[i + 1]; r++) {
            seen_yd[c->yd[r]]++;
            seen_tb[c->tb[r]]++;
            long_runs += c->yd[r] && c->len[r] > 52;
            job_runs += !c->yd[r] && c->timer[r] > 0;
            if (first_kom < 0) first_kom = c->kom[r];
            else if (c->kom[r] != first_kom) moved = 1;
            int a0 = styr_age(c->birth[i], styr_week_thursday_ymd(c->start[r]));
            int a1 = styr_age(c->birth[i], styr_week_thursday_ymd(c->start[r] + c->len[r] - 1));
            bad_age += a0 < 16 || a1 > 66;
        }
        movers += moved;
    }
    for (int y = 1; y < codes->dict.nyd; y++) assert_true(seen_yd[y] > 0);
    for (int t = 1; t < codes->dict.ntb; t++) assert_true(seen_tb[t] > 0);
    assert_true(long_runs > 100);
    assert_true(job_runs > 1000);
    assert_true(movers > 50);
    assert_true(men > 5000 && women > 5000);
    assert_int_equal(bad_age, 0);

    /* shares on public support in 2024: plausible levels and real spread */
    styr_period per;
    styr_period_parse("2024", &per);
    int kom[STYR_MAX_KOMMUNER], grp[1] = {0};
    for (int k = 0; k < codes->dict.nkom; k++) kom[k] = k;
    styr_query q = {kom, codes->dict.nkom, grp, 1, &per, 1, 0, 0, 0, 0};
    styr_qresult qr;
    assert_int_equal(styr_query_run(w, &q, &qr, &d), STYR_OK);
    double tot_fte = 0, tot_pop = 0, lo = 1e9, hi = 0;
    for (int k = 0; k < codes->dict.nkom; k++) {
        double fte = (double)styr_cube_at(&qr.cube, 0, k, 0)->weeks / styr_period_weeks(&per);
        double pop = qr.pop[k];
        tot_fte += fte;
        tot_pop += pop;
        if (pop > 500) {
            double share = 100 * fte / pop;
            if (share < lo) lo = share;
            if (share > hi) hi = share;
        }
    }
    double national = 100 * tot_fte / tot_pop;
    assert_true(national > 10 && national < 25); /* Denmark: roughly 15-20 pct. */
    assert_true(hi - lo > 4);                     /* municipalities differ */
    styr_qresult_free(&qr);
    styr_ws_close(w);
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_csv_path_gives_the_same_panel),
        cmocka_unit_test(test_realistic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
