/* pubind: the profile's four published indicators from hand-made public rows
 * (data/profil_indikatorer.csv decides the tables and labels): a
 * municipality, the country, an area as the sum over the sum, a value the
 * source suppressed, a year the workspace does not hold, the source named,
 * and the fallback to a table of the same benefit prefix by its label. */
#include "harness.h"

#include "calc/pubind.h"
#include "ws/public.h"

#define J(t, m, om, k, p, dims, v) {"jobindsats", t, m, om, k, p, dims, v, STYR_PUB_VALUE}
#define JS(t, m, om, k, p) {"jobindsats", t, m, om, k, p, "", 0, STYR_PUB_SUPPRESSED}
#define S(t, om, k, p, dims, v) {"statistikbanken", t, "INDHOLD", om, k, p, dims, v, STYR_PUB_VALUE}
/* FOLK1A as pub_statbank.c stores it */
#define F(om, k, p, dims, v) {"statistikbanken", "folk1a", "Befolkningen den 1. i kvartalet", om, k, p, dims, v, STYR_PUB_VALUE}

static const char *const AKTIV = "ART=TOT|DRANST=1|FUNKTION=56890|PRISENHED=INDL";

static styr_ws *open_ws(const char *name, styr_diags *d)
{
    styr_ws *ws;
    assert_int_equal(styr_ws_open(th_ws(name), STYR_WS_WRITE, &ws, d), STYR_OK);
    return ws;
}

static int idx(styr_ws *ws, int kom) { return styr_ws_codes(ws)->kom_idx[kom]; }

#define close_to(v, w) close_to_(v, w, __LINE__)
static void close_to_(styr_figval v, double want, int line)
{
    if (v.state != STYR_FV_OK) fail_msg("line %d: state %d, expected a value", line, v.state);
    if (v.v != want) fail_msg("line %d: value %.17g, expected %.17g", line, v.v, want);
}

static void test_counts_rates_and_costs(void **state)
{
    (void)state;
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = open_ws("pi", &d);
    styr_pub_row rows[] = {
        /* sanctions: counts (the Køn=Mænd part is never used, nor added) */
        J("y36h01", "Antal sanktionerede personer", "Randers", 730, "2024Y01", "", 82),
        J("y36h01", "Antal personer", "Randers", 730, "2024Y01", "", 1000),
        J("y36h01", "Antal sanktionerede personer", "Randers", 730, "2024Y01", "Køn=Mænd", 999),
        J("y36h01", "Antal sanktionerede personer", "København", 101, "2024Y01", "Køn=I alt", 30),
        J("y36h01", "Antal personer", "København", 101, "2024Y01", "Køn=I alt", 200),
        JS("y36h01", "Antal sanktionerede personer", "Frederiksberg", 147, "2024Y01"),
        J("y36h01", "Antal personer", "Frederiksberg", 147, "2024Y01", "", 150),
        J("y36h01", "Antal sanktionerede personer", "Hele landet", 0, "2024Y01", "", 920),
        J("y36h01", "Antal personer", "Hele landet", 0, "2024Y01", "", 10000),
        J("y36h01", "Antal sanktionerede personer", "Randers", 730, "2023Y01", "", 50),
        J("y36h01", "Antal personer", "Randers", 730, "2023Y01", "", 1000),
        /* a quarter is not the year: never used */
        J("y36h01", "Antal sanktionerede personer", "Randers", 730, "2024Q1", "", 7),
        /* companies: a rate, weighted by the companies where the table counts them */
        J("mm10", "Samarbejdsgrad med eget jobcenter", "Randers", 730, "2024Y01", "", 24.6),
        J("mm10", "Antal virksomheder", "Randers", 730, "2024Y01", "", 1000),
        J("mm10", "Samarbejdsgrad med eget jobcenter", "København", 101, "2024Y01", "", 30),
        J("mm10", "Antal virksomheder", "København", 101, "2024Y01", "", 3000),
        J("mm10", "Samarbejdsgrad med eget jobcenter", "Frederiksberg", 147, "2024Y01", "", 20),
        /* active effort: full-time persons on public support, all groups */
        J("ptva02", "Antal fuldtidspersoner", "Randers", 730, "2024Y01", "Ydelsesgrupper=I alt", 4000),
        J("ptva02", "Antal fuldtidspersoner", "Randers", 730, "2024Y01", "Ydelsesgrupper=Sygedagpenge", 900),
    };
    assert_int_equal(styr_pub_store(ws, rows, sizeof rows / sizeof *rows, "2026-11-29", "y36h01.json", &d), STYR_OK);
    styr_pub_row sb[] = {
        /* Randers in codes: 1.000 kr. on two benefit functions; 5.57.72 is not
         * in the list, an investment (dranst 3) and fixed prices are not drift */
        S("regk31", "Randers", 730, "2024", "ART=TOT|DRANST=1|FUNKTION=55771|PRISENHED=INDL", 1000),
        S("regk31", "Randers", 730, "2024", "ART=TOT|DRANST=1|FUNKTION=55773|PRISENHED=INDL", 500),
        S("regk31", "Randers", 730, "2024", "ART=TOT|DRANST=1|FUNKTION=55772|PRISENHED=INDL", 999),
        S("regk31", "Randers", 730, "2024", "ART=TOT|DRANST=3|FUNKTION=55771|PRISENHED=INDL", 999),
        S("regk31", "Randers", 730, "2024", "ART=TOT|DRANST=1|FUNKTION=55771|PRISENHED=FAST", 999),
        S("regk31", "Randers", 730, "2024", AKTIV, 800),
        /* København in texts */
        S("regk31", "København", 101, "2024",
          "ART=I alt|DRANST=1 Driftskonti|FUNKTION=5.57.73 Kontanthjælp|PRISENHED=Løbende priser (1.000 kr.)", 6000),
        F("Randers", 730, "2024K1", "ALDER=I alt|KØN=I alt", 100000),
        F("Randers", 730, "2024K1", "ALDER=I alt|KØN=Mænd", 49000),
        F("København", 101, "2024K1", "ALDER=I alt|KØN=I alt", 200000),
        F("Randers", 730, "2024K2", "ALDER=I alt|KØN=I alt", 100500),
    };
    assert_int_equal(styr_pub_store(ws, sb, sizeof sb / sizeof *sb, "2026-11-30", "REGK31.csv", &d), STYR_OK);

    styr_pubind *pi = calloc(1, sizeof *pi);
    assert_int_equal(styr_pubind_load(ws, 2024, pi, &d), STYR_OK);
    int nk = styr_ws_codes(ws)->dict.nkom, ra = idx(ws, 730), kb = idx(ws, 101), fb = idx(ws, 147);

    /* sanctions: 100 x 82 / 1000; the country 100 x 920 / 10000; last year 100 x 50 / 1000 */
    assert_true(pi->has[STYR_PI_SANKTION] && pi->has_prev[STYR_PI_SANKTION]);
    close_to(styr_pubind_value(pi, STYR_PI_SANKTION, 0, ra), 8.2);
    close_to(styr_pubind_value(pi, STYR_PI_SANKTION, 0, nk), 9.2);
    close_to(styr_pubind_value(pi, STYR_PI_SANKTION, 1, ra), 5.0);
    assert_int_equal(styr_pubind_value(pi, STYR_PI_SANKTION, 0, fb).state, STYR_FV_SUPPRESSED);
    assert_int_equal(styr_pubind_value(pi, STYR_PI_SANKTION, 1, kb).state, STYR_FV_NONE);
    /* area Randers + København: (8200 + 3000) / (1000 + 200); with Frederiksberg suppressed */
    uint8_t in[STYR_MAX_KOMMUNER] = {0};
    in[ra] = in[kb] = 1;
    close_to(styr_pubind_area(pi, STYR_PI_SANKTION, 0, in, nk), 11200.0 / 1200.0);
    in[fb] = 1;
    assert_int_equal(styr_pubind_area(pi, STYR_PI_SANKTION, 0, in, nk).state, STYR_FV_SUPPRESSED);
    assert_string_equal(pi->kilde[STYR_PI_SANKTION], "jobindsats y36h01, hentet 2026-11-29");

    /* companies: 24,6 x 1000 and 30 x 3000 over 4000 companies; Frederiksberg's
     * rate without a count has weight 1 */
    close_to(styr_pubind_value(pi, STYR_PI_VIRKSOMHEDER, 0, ra), 24.6);
    close_to(styr_pubind_value(pi, STYR_PI_VIRKSOMHEDER, 0, fb), 20.0);
    in[fb] = 0;
    close_to(styr_pubind_area(pi, STYR_PI_VIRKSOMHEDER, 0, in, nk), (24.6 * 1000 + 30.0 * 3000) / 4000);
    assert_false(pi->has_prev[STYR_PI_VIRKSOMHEDER]);
    assert_int_equal(styr_pubind_value(pi, STYR_PI_VIRKSOMHEDER, 1, ra).state, STYR_FV_NONE);

    /* benefits per inhabitant: (1000 + 500) x 1000 kr. / 100000; København 6000 x 1000 / 200000 */
    close_to(styr_pubind_value(pi, STYR_PI_YDELSE_PR_INDB, 0, ra), 15.0);
    close_to(styr_pubind_value(pi, STYR_PI_YDELSE_PR_INDB, 0, kb), 30.0);
    close_to(styr_pubind_area(pi, STYR_PI_YDELSE_PR_INDB, 0, in, nk), 7500000.0 / 300000.0);
    assert_int_equal(styr_pubind_value(pi, STYR_PI_YDELSE_PR_INDB, 0, nk).state, STYR_FV_NONE);
    assert_string_equal(pi->kilde[STYR_PI_YDELSE_PR_INDB], "statistikbanken regk31 og folk1a, hentet 2026-11-30");

    /* active effort: 800 x 1000 kr. / 4000 full-time persons (all groups, not sygedagpenge) */
    close_to(styr_pubind_value(pi, STYR_PI_AKTIV_PR_FTE, 0, ra), 200.0);
    assert_int_equal(styr_pubind_value(pi, STYR_PI_AKTIV_PR_FTE, 0, kb).state, STYR_FV_NONE);
    assert_string_equal(pi->kilde[STYR_PI_AKTIV_PR_FTE],
                        "statistikbanken regk31 og jobindsats ptva02, hentet 2026-11-30");

    /* a year the workspace does not hold: absent, never zero */
    assert_int_equal(styr_pubind_load(ws, 2026, pi, &d), STYR_OK);
    for (int i = 0; i < STYR_NPI; i++) {
        assert_false(pi->has[i]);
        assert_int_equal(styr_pubind_value(pi, i, 0, ra).state, STYR_FV_NONE);
        assert_string_equal(pi->kilde[i], "");
    }
    /* 2025: only last year's (2024) figures */
    assert_int_equal(styr_pubind_load(ws, 2025, pi, &d), STYR_OK);
    assert_false(pi->has[STYR_PI_SANKTION]);
    assert_true(pi->has_prev[STYR_PI_SANKTION]);
    close_to(styr_pubind_value(pi, STYR_PI_SANKTION, 1, ra), 8.2);
    assert_int_equal(d.n, 0);
    free(pi);
    styr_ws_close(ws);
    styr_diags_free(&d);
}

/* The named sanction tables are not held: a table of the same benefit prefix
 * (y36) whose measure contains the label is used; a-dagpenge's y01h01 with
 * "Andel sanktionerede ledige" is another group and is not. */
static void test_fallback_by_label(void **state)
{
    (void)state;
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = open_ws("pi2", &d);
    styr_pub_row rows[] = {
        J("y36h02", "Andel sanktionerede kontanthjælpsmodtagere (pct.)", "Randers", 730, "2024Y01", "", 8.2),
        J("y36h02", "Andel sanktionerede kontanthjælpsmodtagere (pct.)", "Hele landet", 0, "2024Y01", "", 9.2),
        J("y01h01", "Andel sanktionerede ledige", "Randers", 730, "2024Y01", "", 3.1),
        J("y01h01", "Andel sanktionerede ledige", "København", 101, "2024Y01", "", 3.3),
    };
    assert_int_equal(styr_pub_store(ws, rows, 4, "2026-11-29", "y36h02.json", &d), STYR_OK);
    styr_pubind *pi = calloc(1, sizeof *pi);
    assert_int_equal(styr_pubind_load(ws, 2024, pi, &d), STYR_OK);
    int nk = styr_ws_codes(ws)->dict.nkom;
    close_to(styr_pubind_value(pi, STYR_PI_SANKTION, 0, idx(ws, 730)), 8.2);
    close_to(styr_pubind_value(pi, STYR_PI_SANKTION, 0, nk), 9.2);
    assert_int_equal(styr_pubind_value(pi, STYR_PI_SANKTION, 0, idx(ws, 101)).state, STYR_FV_NONE);
    assert_string_equal(pi->kilde[STYR_PI_SANKTION], "jobindsats y36h02, hentet 2026-11-29");
    assert_false(pi->has[STYR_PI_VIRKSOMHEDER]);

    /* two labels that both contain "Andel sanktionerede": ambiguous, no value */
    styr_pub_row two = J("y36h02", "Andel sanktionerede aktivitetsparate", "Randers", 730, "2024Y01", "", 12);
    assert_int_equal(styr_pub_store(ws, &two, 1, "2026-11-29", "y36h02.json", &d), STYR_OK);
    assert_int_equal(styr_pubind_load(ws, 2024, pi, &d), STYR_OK);
    assert_int_equal(styr_pubind_value(pi, STYR_PI_SANKTION, 0, idx(ws, 730)).state, STYR_FV_NONE);
    free(pi);
    styr_ws_close(ws);
    styr_diags_free(&d);
}

int main(void)
{
    atexit(th_cleanup);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_rates_and_costs),
        cmocka_unit_test(test_fallback_by_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
