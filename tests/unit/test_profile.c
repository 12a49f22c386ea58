/* Tests of the municipal profile as KL's partnership draws it (issue 16): the
 * directions, themes and recommendations as data, and a profile on a panel
 * built by hand, checked sentence by sentence. */
#include "harness.h"

#include <math.h>

#include "calc/bench.h"
#include "out/profile.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-9)

/* The data files parse, every figure and group has a row, and the directions
 * say what the issue asks: activation has none, flexjob's share none, in work
 * after a flexjob spell does not apply. */
static void test_data(void **state)
{
    (void)state;
    const char *ws = th_ws("profdata");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(w);
    styr_profile_data *pd;
    assert_int_equal(styr_profile_data_load(c, NULL, &pd, &d), STYR_OK);
    int kh = styr_codes_ydelse(c, "kontanthjaelp", 13), fj = styr_codes_ydelse(c, "fleksjob", 8);
    int applies, tema;
    const char *why;
    assert_int_equal(styr_profile_direction(pd, "andel_befolkning", kh, &applies, &tema, &why), -1);
    assert_true(applies);
    assert_int_equal(tema, 5);
    assert_int_equal(styr_profile_direction(pd, "andel_befolkning", fj, &applies, &tema, &why), 0);
    assert_non_null(strstr(why, "førtidspension"));
    assert_int_equal(styr_profile_direction(pd, "aktiveringsgrad", kh, &applies, &tema, &why), 0);
    assert_int_equal(tema, 2);
    assert_non_null(strstr(why, "ikke et mål i sig selv"));
    styr_profile_direction(pd, "i_job_3mdr", fj, &applies, &tema, &why);
    assert_false(applies);
    assert_int_equal(styr_profile_direction(pd, "i_job_3mdr", kh, &applies, NULL, NULL), 1);
    assert_int_equal(styr_profile_direction(pd, "andel_virksomheder", 0, &applies, &tema, NULL), 1);
    assert_int_equal(tema, 3);
    assert_int_equal(styr_profile_direction(pd, "ukendt", kh, NULL, NULL, NULL), STYR_PDIR_NONE);
    /* a table of recommendations of one's own: a bad theme is an error with its line */
    const char *bad = th_file("anbefalinger.csv", "tema;figur;ydelse;tekst\n5;varighed;*;Kortere forløb.\n9;*;*;Forkert tema.\n");
    styr_profile_data *pd2 = NULL;
    assert_int_equal(styr_profile_data_load(c, bad, &pd2, &d), STYR_EINPUT);
    assert_non_null(strstr(d.sys, "linje 3"));
    styr_profile_data_free(pd);
    styr_ws_close(w);
    styr_diags_free(&d);
}

/* Four municipalities of one cluster, 2024 and 2023, population 16-66 1.000 each:
 *   101: kontanthjælp 10 persons all 2024 (1,0 pct.), 20 in 2023 (2,0): improved most (-1,0 pct.-point)
 *   147: kontanthjælp 30 all year (3,0 pct.) both years, 15 of them in praktik all year; fleksjob 20 (2,0 pct.)
 *   151: kontanthjælp 5 all year (0,5 pct.) both years: the best; fleksjob 5
 *   153: kontanthjælp 20 all year (2,0 pct.) both years; fleksjob 5
 * The cluster's kontanthjælp share: 65 / 4.000 = 1,625 pct. For 147: a challenge on
 * kontanthjælp (3,0 against 1,625, lower is better) naming 151 as the best and 101 as
 * the most improved; fleksjob (2,0 against 30 / 4.000 = 0,75) and activation are
 * differences to discuss, never strengths or challenges. */
static void test_profile_panel(void **state)
{
    (void)state;
    const char *ws = th_ws("profile");
    size_t cap = 1 << 22, o = 0;
    char *csv = malloc(cap);
    o += (size_t)sprintf(csv + o, "person;uge;kommune;ydelse;tilbud;timer\n");
    struct { const char *pre; int n, kom, year; const char *yd, *tb; } grp[] = {
        {"A", 10, 101, 2024, "kontanthjaelp", ""}, {"A", 20, 101, 2023, "kontanthjaelp", ""},
        {"B", 15, 147, 2024, "kontanthjaelp", "praktik"}, {"C", 15, 147, 2024, "kontanthjaelp", ""},
        {"B", 15, 147, 2023, "kontanthjaelp", "praktik"}, {"C", 15, 147, 2023, "kontanthjaelp", ""},
        {"D", 5, 151, 2024, "kontanthjaelp", ""}, {"D", 5, 151, 2023, "kontanthjaelp", ""},
        {"E", 20, 153, 2024, "kontanthjaelp", ""}, {"E", 20, 153, 2023, "kontanthjaelp", ""},
        {"F", 20, 147, 2024, "fleksjob", ""}, {"G", 5, 151, 2024, "fleksjob", ""}, {"H", 5, 153, 2024, "fleksjob", ""},
        {"F", 20, 147, 2023, "fleksjob", ""}, {"G", 5, 151, 2023, "fleksjob", ""}, {"H", 5, 153, 2023, "fleksjob", ""},
    };
    for (size_t i = 0; i < sizeof grp / sizeof *grp; i++)
        for (int pi = 0; pi < grp[i].n; pi++)
            for (int w = 1; w <= 52; w++)
                o += (size_t)sprintf(csv + o, "%s%d;%d-W%02d;%d;%s;%s;%s\n", grp[i].pre, pi, grp[i].year, w, grp[i].kom,
                                     grp[i].yd, grp[i].tb, !strcmp(grp[i].yd, "fleksjob") ? "20" : "");
    o += (size_t)sprintf(csv + o, "Z;2025-W40;851;;;37\n");
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = th_import1(ws, th_file("profile.csv", csv), &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    free(csv);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, &w, &d), STYR_OK);
    assert_int_equal(styr_sql_exec(styr_ws_db(w),
                                   "DELETE FROM befolkning WHERE kommune IN (101, 147, 151, 153);"
                                   "INSERT INTO befolkning VALUES (101, 2023, 40, 1000), (147, 2023, 40, 1000),"
                                   " (151, 2023, 40, 1000), (153, 2023, 40, 1000), (101, 2024, 40, 1000),"
                                   " (147, 2024, 40, 1000), (151, 2024, 40, 1000), (153, 2024, 40, 1000)",
                                   &d),
                     STYR_OK);
    styr_ws_close(w);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(w);
    styr_period per[2];
    styr_period_parse("2024", &per[0]);
    styr_period_parse("2023", &per[1]);
    int k101 = c->kom_idx[101], k147 = c->kom_idx[147], k151 = c->kom_idx[151], k153 = c->kom_idx[153];
    styr_bdata b;
    assert_int_equal(styr_bdata_load(w, per, 2, 0, k147, 1, &b, &d), STYR_OK);
    int p24 = -1, p23 = -1;
    for (int i = 0; i < b.res.ps.n; i++) {
        if (!strcmp(b.res.ps.p[i].name, "2024")) p24 = i;
        if (!strcmp(b.res.ps.p[i].name, "2023")) p23 = i;
    }
    uint8_t in[STYR_MAX_KOMMUNER] = {0};
    in[k101] = in[k147] = in[k151] = in[k153] = 1;
    styr_profile_data *pd;
    assert_int_equal(styr_profile_data_load(c, NULL, &pd, &d), STYR_OK);
    static styr_profile pr;
    styr_profile_make(pd, &b, NULL, p24, p23, k147, in, &pr);
    int kh = styr_codes_ydelse(c, "kontanthjaelp", 13), fj = styr_codes_ydelse(c, "fleksjob", 8);
    int kh_challenge = 0, fj_diff = 0, act_diff = 0;
    for (int i = 0; i < pr.n; i++) {
        const styr_statement *s = &pr.s[i];
        int applies = 1, tema = 0;
        int dir = styr_profile_direction(pd, s->fig, s->g, &applies, &tema, NULL);
        /* never a strength or challenge on a figure without a direction, never a figure that does not apply */
        assert_true(applies);
        assert_int_not_equal(dir, STYR_PDIR_NONE);
        if (dir == 0) assert_int_equal(s->strength, 0);
        assert_int_equal(s->tema, tema);
        if (s->strength < 0) assert_true(s->best.k < 0 || s->best.k != k147);
        if (s->g == fj) assert_int_equal(s->strength, 0);
        if (s->g == fj && !strcmp(s->fig, "andel_befolkning")) {
            fj_diff++;
            NEAR(s->own.v, 2.0);
            NEAR(s->cluster.v, 100.0 * 30 / 4000);
            assert_non_null(s->reason);
        }
        if (!strcmp(s->fig, "aktiveringsgrad")) act_diff++, assert_int_equal(s->strength, 0);
        if (s->g == kh && !strcmp(s->fig, "andel_befolkning")) {
            kh_challenge++;
            assert_int_equal(s->strength, -1);
            assert_int_equal(s->tema, 5);
            NEAR(s->own.v, 3.0);
            NEAR(s->cluster.v, 100.0 * 65 / 4000);
            assert_int_equal(s->best.kommune, 151);
            NEAR(s->best.v.v, 0.5);
            assert_int_equal(s->improved.kommune, 101);
            NEAR(s->improved.v.v, -1.0);
        }
        assert_false(s->g == fj && !strcmp(s->fig, "i_job_3mdr"));
    }
    assert_int_equal(kh_challenge, 1);
    assert_int_equal(fj_diff, 1);
    assert_true(act_diff >= 1);
    (void)k153;
    /* seven themes in order, with names; a theme without figures says so; theme 5's
     * recommendations start with the one for the kontanthjælp share */
    for (int t = 0; t < STYR_NTEMAER; t++) {
        assert_int_equal(pr.tema[t].nr, t + 1);
        assert_true(pr.tema[t].navn[0] != 0);
    }
    assert_string_equal(pr.tema[2].navn, "Samarbejde med virksomheder");
    assert_int_equal(pr.tema[2].n, 0);
    assert_non_null(strstr(pr.tema[2].empty, "virksomheder"));
    assert_true(pr.tema[4].nrec >= 1);
    assert_non_null(strstr(pr.tema[4].recs[0], "resultatmål"));
    /* differences have no recommendation of their own: theme 2 (activation only) has none */
    assert_int_equal(pr.tema[1].nrec, 0);
    styr_profile_data_free(pd);
    styr_bdata_free(&b);
    styr_ws_close(w);
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_data),
        cmocka_unit_test(test_profile_panel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
