/* Figures of target groups, origin and units (issue 14 §1, calc/filter.h) on a
 * hand-computed panel.
 *
 * Months by the Thursday of the week (spec §2): 2023-W50..W52 are December
 * 2023, 2024-W01..W04 January, W05..W09 February (W09's Thursday is 29
 * February), W10..W13 March.
 *   A  born 2000 (young), dansk: kontanthjælp W01-W10 2024, W01-W04 jobparat in
 *      Team Nord, W05-W10 aktivitetsparat in Team Syd; a job week W23 (13
 *      weeks after W10).
 *   B  born 1980, non-Western immigrant arrived 2016 (a refugee in 2024:
 *      2024 - 2016 = 8): kontanthjælp W03-W08 aktivitetsparat in Team Syd,
 *      nothing after.
 *   C  born 1970, dansk: dagpenge W01-W06 jobparat in Team Nord.
 *   D  born 1975, non-Western immigrant arrived 2014 (a refugee in 2023, not
 *      in 2024: 2024 - 2014 = 10): kontanthjælp 2023-W50..2024-W02, no
 *      visitation given (uoplyst).
 *   Z  the sentinel: a job week in 2025-W52 (the panel's last week). */
#include "harness.h"

#include <math.h>

#include "calc/query.h"

static const char long_csv[] =
    "person;uge;kommune;ydelse;tilbud;timer;visitation;enhed\n"
    "A;2024-W01;101;kontanthjaelp;;;jobparat;Team Nord\nA;2024-W02;101;kontanthjaelp;;;jobparat;Team Nord\n"
    "A;2024-W03;101;kontanthjaelp;;;jobparat;Team Nord\nA;2024-W04;101;kontanthjaelp;;;jobparat;Team Nord\n"
    "A;2024-W05;101;kontanthjaelp;;;aktivitetsparat;Team Syd\nA;2024-W06;101;kontanthjaelp;;;aktivitetsparat;Team Syd\n"
    "A;2024-W07;101;kontanthjaelp;;;aktivitetsparat;Team Syd\nA;2024-W08;101;kontanthjaelp;;;aktivitetsparat;Team Syd\n"
    "A;2024-W09;101;kontanthjaelp;;;aktivitetsparat;Team Syd\nA;2024-W10;101;kontanthjaelp;;;aktivitetsparat;Team Syd\n"
    "A;2024-W23;101;;;37;;\n"
    "B;2024-W03;101;kontanthjaelp;;;aktivitetsparat;Team Syd\nB;2024-W04;101;kontanthjaelp;;;aktivitetsparat;Team Syd\n"
    "B;2024-W05;101;kontanthjaelp;;;aktivitetsparat;Team Syd\nB;2024-W06;101;kontanthjaelp;;;aktivitetsparat;Team Syd\n"
    "B;2024-W07;101;kontanthjaelp;;;aktivitetsparat;Team Syd\nB;2024-W08;101;kontanthjaelp;;;aktivitetsparat;Team Syd\n"
    "C;2024-W01;101;dagpenge;;;jobparat;Team Nord\nC;2024-W02;101;dagpenge;;;jobparat;Team Nord\n"
    "C;2024-W03;101;dagpenge;;;jobparat;Team Nord\nC;2024-W04;101;dagpenge;;;jobparat;Team Nord\n"
    "C;2024-W05;101;dagpenge;;;jobparat;Team Nord\nC;2024-W06;101;dagpenge;;;jobparat;Team Nord\n"
    "D;2023-W50;101;kontanthjaelp;;;;\nD;2023-W51;101;kontanthjaelp;;;;\nD;2023-W52;101;kontanthjaelp;;;;\n"
    "D;2024-W01;101;kontanthjaelp;;;;\nD;2024-W02;101;kontanthjaelp;;;;\n"
    "Z;2025-W52;851;;;37;;\n";
static const char persons_csv[] =
    "person;foedt;koen;oprindelse;indrejst\n"
    "A;2000-01-01;K;dansk;\nB;1980-05-05;M;indvandrer_ikke_vestlig;2016\nC;1970-03-03;K;dansk;\n"
    "D;1975-07-07;M;indvandrer_ikke_vestlig;2014\nZ;1990-01-01;M;;\n";

typedef enum { WEEKS, PERSONS, STARTED, ENDED, ENDED_LEN, S13_JOB, S13_SELV } field;

static uint64_t get(const styr_cell *c, field f)
{
    switch (f) {
    case WEEKS: return c->weeks;
    case PERSONS: return c->persons;
    case STARTED: return c->started;
    case ENDED: return c->ended;
    case ENDED_LEN: return c->ended_len;
    case S13_JOB: return c->status[1][STYR_ST_JOB];
    case S13_SELV: return c->status[1][STYR_ST_SELV];
    }
    return 0;
}

typedef struct expect {
    const char *maal, *opr, *enh; /* the filter, as on the command line */
    const char *periode, *ydelse;  /* ydelse "" = offentligt forsørgede i alt */
    field what;
    uint64_t want;
} expect;

static const expect cases[] = {
    /* visitation: A's first four weeks are jobparat, B's weeks aktivitetsparat */
    {"jobparat", 0, 0, "2024M01", "kontanthjaelp", WEEKS, 4},
    {"jobparat", 0, 0, "2024M01", "kontanthjaelp", PERSONS, 1},
    {"jobparat", 0, 0, "2024M01", "kontanthjaelp", STARTED, 1},          /* A's spell starts jobparat */
    {"aktivitetsparat", 0, 0, "2024M01", "kontanthjaelp", WEEKS, 2},     /* B's W03-W04 */
    {"aktivitetsparat", 0, 0, "2024M01", "kontanthjaelp", STARTED, 1},   /* B's, not A's */
    {"aktivitetsparat", 0, 0, "2024M02", "kontanthjaelp", WEEKS, 9},     /* A W05-W09, B W05-W08 */
    {"aktivitetsparat", 0, 0, "2024M02", "kontanthjaelp", ENDED, 1},     /* B's spell ends W08 */
    {"aktivitetsparat", 0, 0, "2024M02", "kontanthjaelp", ENDED_LEN, 6},
    {"aktivitetsparat", 0, 0, "2024M02", "kontanthjaelp", S13_SELV, 1},  /* nothing in W21 */
    {"aktivitetsparat", 0, 0, "2024M03", "kontanthjaelp", ENDED, 1},     /* A's ends W10 aktivitetsparat */
    {"aktivitetsparat", 0, 0, "2024M03", "kontanthjaelp", ENDED_LEN, 10},
    {"aktivitetsparat", 0, 0, "2024M03", "kontanthjaelp", S13_JOB, 1},   /* A's job week W23 */
    {"jobparat", 0, 0, "2024M03", "kontanthjaelp", ENDED, 0},            /* A ended aktivitetsparat */
    {"uoplyst", 0, 0, "2024M01", "kontanthjaelp", WEEKS, 2},             /* D's W01-W02 */
    {"jobparat,aktivitetsparat", 0, 0, "2024M01", "kontanthjaelp", WEEKS, 6}, /* alternatives add */
    {"jobparat", 0, 0, "2024M01", "dagpenge", WEEKS, 4},                 /* C */
    {"jobparat", 0, 0, "2024M01", "", WEEKS, 8},                         /* A and C */
    {"jobparat", 0, 0, "2024M01", "", PERSONS, 2},
    /* unge: only A (born 2000) */
    {"unge", 0, 0, "2024M01", "kontanthjaelp", WEEKS, 4},
    {"unge", 0, 0, "2024M01", "", PERSONS, 1},
    {"unge,aktivitetsparat", 0, 0, "2024M02", "kontanthjaelp", WEEKS, 5}, /* A W05-W09; B is 43 */
    {"unge,jobparat", 0, 0, "2024M02", "kontanthjaelp", WEEKS, 0},
    /* flygtninge: B (arrived 2016) in 2024; D (arrived 2014) in 2023 but not in 2024 */
    {"flygtninge", 0, 0, "2024M01", "kontanthjaelp", WEEKS, 2},           /* B's W03-W04 */
    {"flygtninge", 0, 0, "2023M12", "kontanthjaelp", WEEKS, 3},           /* D's W50-W52 */
    {"flygtninge", 0, 0, "2023M12", "kontanthjaelp", STARTED, 1},         /* D's spell starts W50 */
    {"flygtninge", 0, 0, "2024M01", "kontanthjaelp", ENDED, 0},           /* D's ends W02, in 2024: not a refugee then */
    {0, 0, 0, "2024M01", "kontanthjaelp", ENDED, 1},                     /* unfiltered: D's spell ends */
    /* origin */
    {0, "indvandrer_ikke_vestlig", 0, "2024M01", "kontanthjaelp", WEEKS, 4}, /* B 2 + D 2 */
    {0, "dansk", 0, "2024M01", "", WEEKS, 8},                            /* A 4 + C 4 */
    {0, "dansk,indvandrer_ikke_vestlig", 0, "2024M01", "", WEEKS, 12},
    {0, "efterkommer_vestlig", 0, "2024M01", "", WEEKS, 0},
    /* units */
    {0, 0, "Team Nord", "2024M01", "", WEEKS, 8},                        /* A 4 + C 4 */
    {0, 0, "team syd", "2024M02", "kontanthjaelp", WEEKS, 9},            /* A 5 + B 4, any case */
    {0, 0, "Team Nord,Team Syd", "2024M01", "kontanthjaelp", WEEKS, 6},  /* A 4 + B 2; D has no unit */
    {"jobparat", 0, "Team Syd", "2024M02", "kontanthjaelp", WEEKS, 0},
    {"unge", "dansk", "Team Syd", "2024M02", "kontanthjaelp", WEEKS, 5}, /* A */
};

static void test_filters(void **state)
{
    (void)state;
    const char *ws = th_ws("filter.ws");
    const char *files[2] = {th_file("filter.csv", long_csv), th_file("filter-personer.csv", persons_csv)};
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = th_import(ws, files, 2, 0, &d, NULL);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    const styr_panel *p;
    assert_int_equal(styr_ws_panel(w, &p, &d), STYR_OK);
    const styr_cols *c = styr_panel_cols(p);
    assert_int_equal(c->nenh, 3); /* "", Team Nord, Team Syd */
    const styr_codes *codes = styr_ws_codes(w);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const expect *x = &cases[i];
        styr_filter f = {0};
        char bad[64];
        if (x->maal) assert_int_equal(styr_filter_add_maalgruppe(&f, x->maal, bad, sizeof bad), 0);
        if (x->opr) assert_int_equal(styr_filter_add_oprindelse(&f, x->opr, bad, sizeof bad), 0);
        if (x->enh) assert_int_equal(styr_filter_add_enhed(&f, c, x->enh, bad, sizeof bad), 0);
        styr_period per;
        assert_int_equal(styr_period_parse(x->periode, &per), 0);
        int kom = codes->kom_idx[101];
        int g = x->ydelse[0] ? styr_codes_ydelse(codes, x->ydelse, strlen(x->ydelse)) : 0;
        for (int threads = 1; threads <= 2; threads++) {
            styr_query q = {&kom, 1, &g, 1, &per, 1, 0, threads, 0, 0, STYR_KILDE_AUTO, &f};
            styr_qresult r;
            assert_int_equal(styr_query_run(w, &q, &r, &d), STYR_OK);
            uint64_t got = get(r.rows[0].cell, x->what);
            if (got != x->want)
                fail_msg("case %zu (%s/%s/%s %s %s field %d): got %llu, want %llu", i, x->maal ? x->maal : "",
                         x->opr ? x->opr : "", x->enh ? x->enh : "", x->periode, x->ydelse, x->what,
                         (unsigned long long)got, (unsigned long long)x->want);
            /* 1-4 persons behind every filtered cell here: suppressed for everyone but the own
             * municipality, and no share of a population that is not known */
            if (styr_filter_active(&f) && got) {
                assert_int_equal(r.rows[0].v[FIG_FULDTIDSPERSONER].state, STYR_FV_SUPPRESSED);
                int na = f.opr || f.nenh || f.unge; /* shares of populations not known */
                assert_int_equal(r.rows[0].v[FIG_ANDEL].state, na ? STYR_FV_NA : STYR_FV_SUPPRESSED);
            }
            styr_qresult_free(&r);
        }
    }
    /* unknown values are refused, naming the value */
    styr_filter f = {0};
    char bad[64];
    assert_int_equal(styr_filter_add_maalgruppe(&f, "jobparat,joobparat", bad, sizeof bad), -1);
    assert_string_equal(bad, "joobparat");
    assert_int_equal(styr_filter_add_enhed(&f, c, "Team Vest", bad, sizeof bad), -1);
    /* the key is canonical: the order given does not matter */
    styr_filter a = {0}, b = {0};
    char ka[128], kb[128];
    styr_filter_add_maalgruppe(&a, "unge,aktivitetsparat", bad, sizeof bad);
    styr_filter_add_enhed(&a, c, "Team Syd,Team Nord", bad, sizeof bad);
    styr_filter_add_maalgruppe(&b, "aktivitetsparat+unge", bad, sizeof bad);
    styr_filter_add_enhed(&b, c, "team nord,team syd", bad, sizeof bad);
    styr_filter_key(&a, c, ka, sizeof ka);
    styr_filter_key(&b, c, kb, sizeof kb);
    assert_string_equal(ka, kb);
    assert_string_equal(ka, "maalgruppe=aktivitetsparat+unge;enhed=Team Nord,Team Syd");
    styr_ws_close(w);
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_filters)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
