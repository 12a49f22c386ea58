/* Tests of the synthetic population: determinism, the CSV path, realism. */
#include "harness.h"

#include <math.h>

#include "calc/query.h"
#include "core/num.h"
#include "core/period.h"
#include "core/week.h"
#include "synth/synth.h"
#include "ws/catalog.h"
#include "ws/refdata.h"

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

/* The reform of 1 July 2025: from 2025-W27 on, kontanthjælp, uddannelseshjælp and
 * integration are the new kontanthjælp; before it the new one does not occur. */
static void test_reform(void **state)
{
    (void)state;
    const char *ws = th_ws("s7.ws");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, &w, &d), STYR_OK);
    styr_synth_opts o = {.persons = 3000, .from = 2025, .to = 2026, .seed = 5};
    styr_synth_result res;
    styr_import_result ires;
    assert_int_equal(styr_synth(w, &o, &res, &ires, &d), STYR_OK);
    styr_synth_result_free(&res);
    styr_import_result_free(&ires);
    styr_ws_close(w);
    const styr_panel *p;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    assert_int_equal(styr_ws_panel(w, &p, &d), STYR_OK);
    const styr_cols *c = styr_panel_cols(p);
    const styr_codes *codes = styr_ws_codes(w);
    int ny = styr_codes_ydelse(codes, "kontanthjaelp_ny", 16), kh = styr_codes_ydelse(codes, "kontanthjaelp", 13);
    const int reform = styr_week_from_iso(2025, 27);
    uint64_t old_after = 0, new_before = 0, old_before = 0, new_after = 0;
    for (uint64_t r = 0; r < c->nruns; r++) {
        int a = c->start[r], e = a + c->len[r] - 1, g = c->yd[r];
        if (g == ny) new_before += a < reform, new_after += e >= reform;
        else if (g && codes->yd_union[g] == codes->yd_union[ny]) old_before += a < reform, old_after += e >= reform;
    }
    assert_int_equal(new_before, 0);
    assert_int_equal(old_after, 0);
    assert_true(old_before > 100 && new_after > 100);
    assert_true(kh > 0 && codes->yd_union[kh] == codes->yd_union[ny] && codes->yd_union[ny] > 0);
    styr_ws_close(w);
    styr_diags_free(&d);
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
    /* every group of the years simulated (2015-2024); no record is ever in a union,
     * nor in the new kontanthjælp before it exists */
    for (int y = 1; y < codes->dict.nyd; y++)
        if (codes->yd_edu[y]) continue; /* education (SU, issue 14): an outcome synth does not simulate (yet) */
        else if (codes->yd_is_union[y] || codes->yd_from[y] > 2024) assert_int_equal(seen_yd[y], 0);
        else assert_true(seen_yd[y] > 0);
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
    styr_query q = {kom, codes->dict.nkom, grp, 1, &per, 1, 0, 0, 0, 0, STYR_KILDE_AUTO, NULL};
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


/* Run styr_synth with o into a new workspace; the workspace stays open in *w. */
static void synth_opts(const char *ws, styr_synth_opts *o, styr_synth_result *res, styr_ws **w, uint64_t *pop_rows)
{
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, w, &d), STYR_OK);
    styr_import_result ires;
    styr_rc rc = styr_synth(*w, o, res, &ires, &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    if (pop_rows) *pop_rows = ires.pop_rows;
    styr_import_result_free(&ires);
    styr_diags_free(&d);
}

/* Issue 12: the burn-in years are simulated but never written. With 10 burn-in years
 * before 2020, no run starts before 2020-W01, spells in progress then are cut there
 * (runs start exactly in 2020-W01, and the result counts the cut runs), and the
 * population rows written are those of 2020-2024. */
static void test_burnin_never_written(void **state)
{
    (void)state;
    styr_synth_opts o = {.persons = 3000, .from = 2020, .to = 2024, .seed = 4, .burnin = 10};
    styr_synth_result res;
    styr_ws *w;
    uint64_t pop_rows;
    synth_opts(th_ws("burn.ws"), &o, &res, &w, &pop_rows);
    assert_true(res.burnin_runs > 0);
    styr_diags d;
    styr_diags_init(&d);
    const styr_panel *p;
    assert_int_equal(styr_ws_panel(w, &p, &d), STYR_OK);
    const styr_cols *c = styr_panel_cols(p);
    int first = styr_week_from_iso(2020, 1), last = styr_week_from_iso(2024, 52);
    uint64_t before = 0, at_start = 0, after = 0, fp_at_start = 0;
    int fp = styr_codes_ydelse(styr_ws_codes(w), "foertidspension", 15);
    for (uint64_t r = 0; r < c->nruns; r++) {
        before += c->start[r] < first;
        after += c->start[r] + c->len[r] - 1 > last;
        at_start += c->start[r] == first && c->yd[r];
        fp_at_start += c->start[r] == first && c->yd[r] == fp;
    }
    assert_int_equal(before, 0);
    assert_int_equal(after, 0);
    /* a stationary start: spells in progress in the first week, among them førtidspension */
    assert_true(at_start > 300);
    assert_true(fp_at_start > 50);
    assert_int_equal(pop_rows, 98 * 5 * 51); /* 2020-2024 only, ages 16-66 */
    styr_synth_result_free(&res);
    styr_ws_close(w);
    styr_diags_free(&d);
}

/* Issue 12: --fuld-skala. Langeland (482) at its real size, the rest of the country at
 * 1 pct.: the population table written (the simulated residents aged 16-66 on 1
 * January 2024) is within 3 pct. of the reference population for Langeland, and
 * 0.8-1.2 pct. of it for København (101), Aarhus (751) and the whole country. */
static void test_full_scale_population(void **state)
{
    (void)state;
    const char *ws = th_ws("scale.ws");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w;
    double ref[STYR_MAX_KOMMUNER], sim[STYR_MAX_KOMMUNER];
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    assert_int_equal(styr_cat_population(w, 2024, 16, 66, ref, &d), STYR_OK);
    styr_ws_close(w);
    int full[] = {482};
    styr_synth_opts o = {.from = 2023, .to = 2024, .seed = 2, .burnin = 5, .full = full, .nfull = 1, .rest = 0.01};
    styr_synth_result res;
    synth_opts(ws, &o, &res, &w, NULL);
    assert_int_equal(styr_cat_population(w, 2024, 16, 66, sim, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(w);
    double r482 = sim[c->kom_idx[482]] / ref[c->kom_idx[482]];
    double r101 = sim[c->kom_idx[101]] / ref[c->kom_idx[101]];
    double r751 = sim[c->kom_idx[751]] / ref[c->kom_idx[751]];
    double tref = 0, tsim = 0;
    for (int k = 0; k < c->dict.nkom; k++)
        if (c->dict.kom[k] != 482) tref += ref[k], tsim += sim[k];
    printf("scale: Langeland %.3f, København %.4f, Aarhus %.4f, the rest %.4f\n", r482, r101, r751, tsim / tref);
    assert_true(fabs(r482 - 1) < 0.03);
    assert_true(r101 > 0.008 && r101 < 0.012);
    assert_true(r751 > 0.008 && r751 < 0.012);
    assert_true(tsim / tref > 0.009 && tsim / tref < 0.011);
    styr_synth_result_free(&res);
    styr_ws_close(w);
    styr_diags_free(&d);
}

/* Issue 12: levels and order like Denmark's. A national sample (30.000 persons, 50
 * burn-in years): the national share on public support moves less than 1 pp over
 * 2015-2024, and the municipalities' shares in 2024 correlate with the published shares
 * of data/offentligt_forsoergede.csv (r > 0.6 at this small sample; the demo's scale
 * gives about 0.9, bench/synth_levels.sh); Lolland (360) above Gentofte (157). */
static void test_levels_like_denmark(void **state)
{
    (void)state;
    styr_synth_opts o = {.persons = 30000, .from = 2015, .to = 2024, .seed = 1, .burnin = 50};
    styr_synth_result res;
    styr_ws *w;
    synth_opts(th_ws("levels.ws"), &o, &res, &w, NULL);
    styr_diags d;
    styr_diags_init(&d);
    const styr_codes *codes = styr_ws_codes(w);
    int nk = codes->dict.nkom;
    int kom[STYR_MAX_KOMMUNER], grp[1] = {0};
    for (int k = 0; k < nk; k++) kom[k] = k;
    double lo = 100, hi = 0, share[STYR_MAX_KOMMUNER], pop[STYR_MAX_KOMMUNER];
    for (int y = 2015; y <= 2024; y++) {
        char text[16];
        snprintf(text, sizeof text, "%d", y);
        styr_period per;
        styr_period_parse(text, &per);
        styr_query q = {kom, nk, grp, 1, &per, 1, 0, 0, 0, 0, STYR_KILDE_AUTO, NULL};
        styr_qresult qr;
        assert_int_equal(styr_query_run(w, &q, &qr, &d), STYR_OK);
        double tf = 0, tp = 0;
        for (int k = 0; k < nk; k++) {
            double fte = (double)styr_cube_at(&qr.cube, 0, k, 0)->weeks / styr_period_weeks(&per);
            tf += fte;
            tp += qr.pop[k];
            share[k] = qr.pop[k] > 0 ? 100 * fte / qr.pop[k] : 0;
            pop[k] = qr.pop[k];
        }
        double national = 100 * tf / tp;
        if (national < lo) lo = national;
        if (national > hi) hi = national;
        styr_qresult_free(&qr);
    }
    printf("national share 2015-2024: %.2f-%.2f\n", lo, hi);
    assert_true(hi - lo < 1.0);
    assert_true(lo > 12 && hi < 22);
    /* the published shares */
    const styr_refdata_file *f = styr_refdata_find("offentligt_forsoergede.csv");
    assert_non_null(f);
    double real[STYR_MAX_KOMMUNER] = {0};
    const char *p = (const char *)f->data, *end = p + f->size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) nl = end;
        int code;
        char v[16];
        if (sscanf(p, "%d;%15[0-9,]", &code, v) == 2 && code > 0 && code < 1000 && codes->kom_idx[code] >= 0) {
            double x;
            char mark;
            if (!styr_parse_decimal(v, strlen(v), &x, &mark)) real[codes->kom_idx[code]] = x;
        }
        p = nl + 1;
    }
    double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int k = 0; k < nk; k++) {
        if (real[k] <= 0 || pop[k] < 250) continue;
        n++, sx += real[k], sy += share[k], sxx += real[k] * real[k], syy += share[k] * share[k];
        sxy += real[k] * share[k];
    }
    double r = (n * sxy - sx * sy) / sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    printf("r = %.3f over %.0f municipalities\n", r, n);
    assert_true(n > 60);
    assert_true(r > 0.6);
    assert_true(share[codes->kom_idx[360]] > share[codes->kom_idx[157]] + 8);
    styr_synth_result_free(&res);
    styr_ws_close(w);
    styr_diags_free(&d);
}

/* Issue 12: --konjunktur. The financial crisis doubles the share on a-dagpenge (full-time
 * persons over the population 16-66): 2010 against 2007 more than 1.6 times, and back
 * to within 20 pct. of 2007 by 2016; without it, 2010 is within 15 pct. of 2007. */
static double dagpenge_share(styr_ws *w, int year)
{
    styr_diags d;
    styr_diags_init(&d);
    const styr_codes *codes = styr_ws_codes(w);
    int kom[STYR_MAX_KOMMUNER], grp[1] = {styr_codes_ydelse(codes, "dagpenge", 8)};
    for (int k = 0; k < codes->dict.nkom; k++) kom[k] = k;
    char text[16];
    snprintf(text, sizeof text, "%d", year);
    styr_period per;
    styr_period_parse(text, &per);
    styr_query q = {kom, codes->dict.nkom, grp, 1, &per, 1, 0, 0, 0, 0, STYR_KILDE_AUTO, NULL};
    styr_qresult qr;
    assert_int_equal(styr_query_run(w, &q, &qr, &d), STYR_OK);
    double weeks = 0, pop = 0;
    for (int k = 0; k < codes->dict.nkom; k++) {
        weeks += (double)styr_cube_at(&qr.cube, 0, k, grp[0])->weeks;
        pop += qr.pop[k];
    }
    styr_qresult_free(&qr);
    styr_diags_free(&d);
    return 100 * weeks / styr_period_weeks(&per) / pop;
}

static void test_konjunktur(void **state)
{
    (void)state;
    for (int cycle = 0; cycle <= 1; cycle++) {
        styr_synth_opts o = {.persons = 15000, .from = 2007, .to = 2016, .seed = 3, .burnin = 30, .konjunktur = cycle};
        styr_synth_result res;
        styr_ws *w;
        synth_opts(th_ws(cycle ? "cycle.ws" : "flat.ws"), &o, &res, &w, NULL);
        double w07 = dagpenge_share(w, 2007), w10 = dagpenge_share(w, 2010), w16 = dagpenge_share(w, 2016);
        printf("konjunktur %d: a-dagpenge pct. 2007 %.2f, 2010 %.2f, 2016 %.2f\n", cycle, w07, w10, w16);
        if (cycle) {
            assert_true(w10 > 1.6 * w07);
            assert_true(fabs(w16 / w07 - 1) < 0.2);
        } else {
            assert_true(fabs(w10 / w07 - 1) < 0.15);
        }
        styr_synth_result_free(&res);
        styr_ws_close(w);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_csv_path_gives_the_same_panel),
        cmocka_unit_test(test_realistic),
        cmocka_unit_test(test_reform),
        cmocka_unit_test(test_burnin_never_written),
        cmocka_unit_test(test_full_scale_population),
        cmocka_unit_test(test_levels_like_denmark),
        cmocka_unit_test(test_konjunktur),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
