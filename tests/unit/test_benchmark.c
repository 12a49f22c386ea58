/* benchmark: STAR's Y30R21 "forventet mod faktisk" read from the public
 * figures (measures by meaning, the four groups, published rank preferred,
 * styr's own rank with ties sharing the best, no data never 0), and the 10
 * municipalities nearest in expected share (ties by code). */
#include "harness.h"

#include "calc/y30r21.h"
#include "ws/public.h"

#define A "Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: "
#define S "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: "

static void test_labels(void **state)
{
    (void)state;
    assert_int_equal(styr_y30_measure_of(A "Forventet antal"), Y30_FORV_ANTAL);
    assert_int_equal(styr_y30_measure_of(A "Faktisk antal"), Y30_FAKT_ANTAL);
    assert_int_equal(styr_y30_measure_of(A "Forskel mellem forventet og faktisk antal"), Y30_FORSKEL_ANTAL);
    assert_int_equal(styr_y30_measure_of(S "Forventet andel (pct.)"), Y30_FORV_ANDEL);
    assert_int_equal(styr_y30_measure_of(S "Faktisk andel (pct.)"), Y30_FAKT_ANDEL);
    assert_int_equal(styr_y30_measure_of(S "Forskel mellem forventet og faktisk andel (pct. point)"), Y30_FORSKEL_PP);
    assert_int_equal(styr_y30_measure_of("Placering på benchmarkranglisten"), Y30_PLACERING);
    /* tolerant: without the group part, other case, "procentpoint" */
    assert_int_equal(styr_y30_measure_of("forventet andel"), Y30_FORV_ANDEL);
    assert_int_equal(styr_y30_measure_of("Forskel i procentpoint"), Y30_FORSKEL_PP);
    assert_int_equal(styr_y30_measure_of("Antal personer"), -1);

    assert_int_equal(styr_y30_group_by_key("i_alt"), Y30_I_ALT);
    assert_int_equal(styr_y30_group_by_key("dagpenge_mv"), Y30_DAGPENGE);
    assert_int_equal(styr_y30_group_by_key("sygedagpenge_mv"), Y30_SYGEDAGPENGE);
    assert_int_equal(styr_y30_group_by_key("kontanthjaelp_mv"), Y30_KONTANTHJAELP);
    assert_int_equal(styr_y30_group_by_key("Kontanthjælp mv."), Y30_KONTANTHJAELP);
    assert_int_equal(styr_y30_group_by_key("kontanthjaelp"), -1);

    assert_int_equal(styr_y30_group_of_dims(""), Y30_I_ALT);
    assert_int_equal(styr_y30_group_of_dims("Ydelsesgrupper=Ydelsesgrupper i alt"), Y30_I_ALT);
    assert_int_equal(styr_y30_group_of_dims("Ydelsesgrupper=A-dagpenge mv."), Y30_DAGPENGE);
    assert_int_equal(styr_y30_group_of_dims("Køn=Mænd|Ydelsesgrupper=Sygedagpenge mv."), Y30_SYGEDAGPENGE);
    assert_int_equal(styr_y30_group_of_dims("Ydelsesgrupper=Fleksjob"), -1);
}

/* -1,2 twice: both 1st (ties share the best); 0,4 3rd; 2,0 4th; no value: no rank. */
static void test_rank(void **state)
{
    (void)state;
    double diff[5] = {-1.2, 0.4, -1.2, 2.0, -9.0};
    int ok[5] = {1, 1, 1, 1, 0}, rank[5];
    assert_int_equal(styr_y30_rank(diff, ok, 5, rank), 4);
    assert_int_equal(rank[0], 1);
    assert_int_equal(rank[1], 3);
    assert_int_equal(rank[2], 1);
    assert_int_equal(rank[3], 4);
    assert_int_equal(rank[4], 0);
}

/* own share 10,0: distances 0,5 (codes 30 and 20: 20 first), 0,1, 1,0, 2,0 ... */
static void test_nearest(void **state)
{
    (void)state;
    double share[7] = {10.0, 10.5, 9.5, 10.1, 12.0, 11.0, 3.0};
    int ok[7] = {1, 1, 1, 1, 1, 1, 0};
    int code[7] = {10, 30, 20, 40, 50, 60, 70};
    int out[7];
    assert_int_equal(styr_y30_nearest(share, ok, code, 7, 0, 3, out), 3);
    assert_int_equal(out[0], 3); /* 0,1 */
    assert_int_equal(out[1], 2); /* 0,5, code 20 */
    assert_int_equal(out[2], 1); /* 0,5, code 30 */
    /* more asked for than there are: all with a share, the one without left out */
    assert_int_equal(styr_y30_nearest(share, ok, code, 7, 0, 10, out), 5);
    assert_int_equal(out[3], 5);
    assert_int_equal(out[4], 4);
    /* distances equal in decimal but not in binary (15,3 - 15,2 is 0,10000000000000142, 15,2 - 15,1
     * 0,09999999999999964) are a tie: by code */
    double sh2[3] = {15.2, 15.3, 15.1};
    int ok2[3] = {1, 1, 1}, code2[3] = {100, 300, 200};
    assert_int_equal(styr_y30_nearest(sh2, ok2, code2, 3, 0, 1, out), 1);
    assert_int_equal(out[0], 2);
    code2[1] = 150;
    assert_int_equal(styr_y30_nearest(sh2, ok2, code2, 3, 0, 1, out), 1);
    assert_int_equal(out[0], 1);
    /* own without a share: none */
    assert_int_equal(styr_y30_nearest(share, ok, code, 7, 6, 10, out), 0);
}

static void put(styr_pub_row *r, int *n, const char *omr, int kom, const char *per, const char *grp, const char *maal,
                double v, int st)
{
    static char dims[64][64];
    snprintf(dims[*n % 64], 64, "Ydelsesgrupper=%s", grp);
    r[*n] = (styr_pub_row){"jobindsats", "y30r21", maal, omr, kom, per, dims[*n % 64], v, st};
    (*n)++;
}

static const styr_y30_row *row_of(const styr_y30_table *t, const styr_codes *c, int kom)
{
    return &t->row[c->kom_idx[kom]];
}

static void test_load(void **state)
{
    (void)state;
    const char *dir = th_ws("y30");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    assert_int_equal(styr_ws_open(dir, STYR_WS_WRITE, &ws, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(ws);
    static styr_pub_row r[64];
    int n = 0;
    const char *I = "Ydelsesgrupper i alt", *K = "Kontanthjælp mv.";
    /* 2022QMAT04 without places: Randers -0,4, Odense 1,1, Aarhus -0,4, Læsø suppressed */
    put(r, &n, "Randers", 730, "2022QMAT04", I, S "Forskel mellem forventet og faktisk andel (pct. point)", -0.4, 0);
    put(r, &n, "Randers", 730, "2022QMAT04", I, S "Forventet andel (pct.)", 16.2, 0);
    put(r, &n, "Randers", 730, "2022QMAT04", I, A "Faktisk antal", 9870, 0);
    put(r, &n, "Odense", 461, "2022QMAT04", I, S "Forskel mellem forventet og faktisk andel (pct. point)", 1.1, 0);
    put(r, &n, "Aarhus", 751, "2022QMAT04", I, S "Forskel mellem forventet og faktisk andel (pct. point)", -0.4, 0);
    put(r, &n, "Læsø", 825, "2022QMAT04", I, S "Forskel mellem forventet og faktisk andel (pct. point)", 0,
        STYR_PUB_SUPPRESSED);
    /* the same municipalities in another group, other order */
    put(r, &n, "Randers", 730, "2022QMAT04", K, S "Forskel mellem forventet og faktisk andel (pct. point)", 0.9, 0);
    put(r, &n, "Odense", 461, "2022QMAT04", K, S "Forskel mellem forventet og faktisk andel (pct. point)", -0.2, 0);
    /* 2023QMAT04 with places as published: Randers and Aarhus share -0,4 but carry 2 and 1 */
    put(r, &n, "Randers", 730, "2023QMAT04", I, S "Forskel mellem forventet og faktisk andel (pct. point)", -0.4, 0);
    put(r, &n, "Randers", 730, "2023QMAT04", I, "Placering på benchmarkranglisten", 2, 0);
    put(r, &n, "Aarhus", 751, "2023QMAT04", I, S "Forskel mellem forventet og faktisk andel (pct. point)", -0.4, 0);
    put(r, &n, "Aarhus", 751, "2023QMAT04", I, "Placering på benchmarkranglisten", 1, 0);
    put(r, &n, "Odense", 461, "2023QMAT04", I, S "Forskel mellem forventet og faktisk andel (pct. point)", 0.3, 0);
    put(r, &n, "Odense", 461, "2023QMAT04", I, "Placering på benchmarkranglisten", 3, 0);
    assert_int_equal(styr_pub_store(ws, r, (size_t)n, "2026-11-30", "y30r21.csv", &d), STYR_OK);

    char per[8][16];
    int np;
    assert_int_equal(styr_y30_periods(ws, per, 8, &np, &d), STYR_OK);
    assert_int_equal(np, 2);
    assert_string_equal(per[0], "2022QMAT04");
    assert_string_equal(per[1], "2023QMAT04");

    static styr_y30_table t;
    /* no places published: styr's rank, ties share the best, suppressed and missing unranked */
    assert_int_equal(styr_y30_load(ws, c, "2022QMAT04", Y30_I_ALT, &t, &d), STYR_OK);
    assert_int_equal(t.n, 98);
    assert_int_equal(t.found, 6);
    assert_false(t.has_rank);
    assert_int_equal(t.nranked, 3);
    assert_int_equal(row_of(&t, c, 730)->rank, 1);
    assert_int_equal(row_of(&t, c, 751)->rank, 1);
    assert_int_equal(row_of(&t, c, 461)->rank, 3);
    assert_int_equal(row_of(&t, c, 825)->rank, 0);
    assert_int_equal(row_of(&t, c, 825)->m[Y30_FORSKEL_PP].state, STYR_PUB_SUPPRESSED);
    assert_true(row_of(&t, c, 825)->any);
    assert_int_equal(row_of(&t, c, 730)->m[Y30_FAKT_ANTAL].state, STYR_PUB_VALUE);
    assert_true(row_of(&t, c, 730)->m[Y30_FAKT_ANTAL].v == 9870);
    assert_true(row_of(&t, c, 730)->m[Y30_FORV_ANDEL].v == 16.2);
    /* missing is no data, never 0 */
    assert_int_equal(row_of(&t, c, 730)->m[Y30_FORV_ANTAL].state, STYR_PUB_NONE);
    assert_int_equal(row_of(&t, c, 101)->m[Y30_FORSKEL_PP].state, STYR_PUB_NONE);
    assert_false(row_of(&t, c, 101)->any);
    assert_int_equal(row_of(&t, c, 101)->rank, 0);
    /* the same name given as styr's period */
    assert_int_equal(styr_y30_load(ws, c, "2022M12R12", Y30_I_ALT, &t, &d), STYR_OK);
    assert_int_equal(t.found, 6);
    assert_string_equal(t.periode, "2022QMAT04");

    /* another group: its own rows only */
    assert_int_equal(styr_y30_load(ws, c, "2022QMAT04", Y30_KONTANTHJAELP, &t, &d), STYR_OK);
    assert_int_equal(t.found, 2);
    assert_int_equal(row_of(&t, c, 461)->rank, 1);
    assert_int_equal(row_of(&t, c, 730)->rank, 2);
    assert_true(row_of(&t, c, 730)->m[Y30_FORSKEL_PP].v == 0.9);
    assert_int_equal(row_of(&t, c, 751)->m[Y30_FORSKEL_PP].state, STYR_PUB_NONE);
    /* groups with no rows */
    assert_int_equal(styr_y30_load(ws, c, "2022QMAT04", Y30_DAGPENGE, &t, &d), STYR_OK);
    assert_int_equal(t.found, 0);
    assert_int_equal(styr_y30_load(ws, c, "2022QMAT04", Y30_SYGEDAGPENGE, &t, &d), STYR_OK);
    assert_int_equal(t.found, 0);

    /* the latest period by default; places as published, agreeing within ties */
    assert_int_equal(styr_y30_load(ws, c, NULL, Y30_I_ALT, &t, &d), STYR_OK);
    assert_string_equal(t.periode, "2023QMAT04");
    assert_true(t.has_rank);
    assert_true(row_of(&t, c, 730)->m[Y30_PLACERING].v == 2);
    assert_int_equal(row_of(&t, c, 730)->rank, 1);
    assert_int_equal(row_of(&t, c, 751)->rank, 1);
    assert_int_equal(row_of(&t, c, 461)->rank, 3);
    assert_int_equal(styr_y30_rank_agrees(&t), 0);
    /* a place outside the ties does not agree */
    t.row[c->kom_idx[461]].m[Y30_PLACERING].v = 2;
    assert_int_equal(styr_y30_rank_agrees(&t), 1);
    t.row[c->kom_idx[730]].m[Y30_PLACERING].v = 3;
    assert_int_equal(styr_y30_rank_agrees(&t), 2);
    /* a place above the number ranked: only part of the list, no comparison */
    t.row[c->kom_idx[730]].m[Y30_PLACERING].v = 12;
    assert_int_equal(styr_y30_rank_agrees(&t), -1);

    styr_ws_close(ws);
    styr_diags_free(&d);
}

/* The comparable municipalities: own and the 10 nearest in expected share of
 * "i alt" in the latest period (an older period with other shares is not used). */
static void test_comparable(void **state)
{
    (void)state;
    const char *dir = th_ws("near");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws;
    assert_int_equal(styr_ws_open(dir, STYR_WS_WRITE, &ws, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(ws);
    static styr_pub_row r[64];
    int n = 0;
    /* 14 municipalities; Randers (730) 15,0; the others at distances chosen by hand */
    static const int kom[14] = {730, 101, 147, 151, 153, 155, 157, 159, 161, 163, 165, 167, 169, 173};
    static const double sh[14] = {15.0, 15.3, 14.7, 15.1, 16.0, 14.0, 18.0, 15.2, 14.8, 17.0, 13.5, 15.6, 12.0, 15.0};
    static char omr[14][8];
    for (int i = 0; i < 14; i++) {
        snprintf(omr[i], sizeof omr[i], "k%d", kom[i]); /* the area is part of the key */
        put(r, &n, omr[i], kom[i], "2023QMAT04", "Ydelsesgrupper i alt", S "Forventet andel (pct.)", sh[i], 0);
        /* an older period where everyone is at 15,0: must not be used */
        put(r, &n, omr[i], kom[i], "2022QMAT04", "Ydelsesgrupper i alt", S "Forventet andel (pct.)", 15.0, 0);
        /* another group at 15,0: must not be used */
        put(r, &n, omr[i], kom[i], "2023QMAT04", "A-dagpenge mv.", S "Forventet andel (pct.)", 15.0, 0);
    }
    assert_int_equal(styr_pub_store(ws, r, (size_t)n, "2026-11-30", "y30r21.csv", &d), STYR_OK);
    uint8_t in[STYR_MAX_KOMMUNER];
    char per[16];
    int nm;
    assert_int_equal(styr_y30_comparable(ws, c, c->kom_idx[730], in, per, &nm, &d), STYR_OK);
    assert_int_equal(nm, 11);
    assert_string_equal(per, "2023QMAT04");
    /* distances: 173 0,0; 151 0,1; 159 0,2; 161 0,2; 101 0,3; 147 0,3; 167 0,6; 153 1,0; 155 1,0;
     * 165 1,5; then 163 2,0 and 157 3,0, 169 3,0 left out */
    static const int want[11] = {730, 173, 151, 159, 161, 101, 147, 167, 153, 155, 165};
    int got = 0;
    for (int k = 0; k < c->dict.nkom; k++) got += in[k];
    assert_int_equal(got, 11);
    for (int i = 0; i < 11; i++) assert_true(in[c->kom_idx[want[i]]]);
    assert_false(in[c->kom_idx[163]]);
    assert_false(in[c->kom_idx[169]]);
    /* a municipality without an expected share has no grouping */
    assert_int_equal(styr_y30_comparable(ws, c, c->kom_idx[461], in, per, &nm, &d), STYR_OK);
    assert_int_equal(nm, 0);
    styr_ws_close(ws);
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels),  cmocka_unit_test(test_rank),       cmocka_unit_test(test_nearest),
        cmocka_unit_test(test_load),    cmocka_unit_test(test_comparable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
