/* Tests of the published-table import (issue 13 §1): jobindsats.dk in its
 * four shapes and the website's wide CSV, Y30R21, Statistikbanken FOLK1A in
 * codes and texts (and the population it gives), the labour force; errors
 * with file, line and column, and nothing stored on any error. The values are
 * those written by tests/fixtures/jobindsats/make_fixtures.py. */
#include "harness.h"

#include "ingest/pubimport.h"
#include "ws/catalog.h"
#include "ws/public.h"

#define FIX "tests/fixtures/jobindsats/"

static styr_rc pimport(const char *ws, const char *const *files, size_t n, const char *tabel, const char *maal,
                       styr_diags *d)
{
    styr_ws *w = NULL;
    styr_rc rc = styr_ws_open(ws, STYR_WS_WRITE, &w, d);
    if (!rc) {
        styr_pubimport_opts o = {.tabel = tabel, .maal = maal, .hentet = "2026-11-29", .command = "test"};
        styr_pubimport_result res;
        rc = styr_pub_import(w, files, n, &o, &res, d);
        styr_pubimport_result_free(&res);
    }
    styr_ws_close(w);
    return rc;
}

static void ok1(const char *ws, const char *file, const char *tabel, const char *maal)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = pimport(ws, &file, 1, tabel, maal, &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    styr_diags_free(&d);
}

/* every row as one line of text (without the file it came from) */
typedef struct dump {
    char *text;
    size_t n, cap;
    int rows;
} dump;

static int dump_cb(const styr_pub_hit *h, void *ud)
{
    dump *x = ud;
    char line[1024];
    int k = snprintf(line, sizeof line, "%s|%s|%s|%s|%d|%s|%s|%d|%.10g|%s\n", h->row.kilde, h->row.tabel, h->row.maal,
                     h->row.omraade, h->row.kommune, h->row.periode, h->row.dims, h->row.tilstand, h->row.vaerdi,
                     h->hentet);
    if (x->n + (size_t)k + 1 > x->cap) {
        x->cap = 2 * (x->cap + (size_t)k + 1);
        x->text = realloc(x->text, x->cap);
    }
    memcpy(x->text + x->n, line, (size_t)k + 1);
    x->n += (size_t)k;
    x->rows++;
    return 0;
}

static dump dump_of(const char *ws, const char *tabel)
{
    dump x = {0};
    styr_ws *w = NULL;
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    styr_pub_filter f;
    styr_pub_filter_init(&f);
    f.tabel = tabel;
    assert_int_equal(styr_pub_select(w, &f, dump_cb, &x, &d), STYR_OK);
    styr_ws_close(w);
    styr_diags_free(&d);
    if (!x.text) x.text = calloc(1, 1);
    return x;
}

/* one value: state and value of (tabel, maal, kommune, periode, dims) */
typedef struct one {
    const char *periode;
    int found, state;
    double v;
    char omraade[64];
} one;

static int one_cb(const styr_pub_hit *h, void *ud)
{
    one *o = ud;
    if (strcmp(h->row.periode, o->periode)) return 0;
    o->found++;
    o->state = h->row.tilstand;
    o->v = h->row.vaerdi;
    snprintf(o->omraade, sizeof o->omraade, "%s", h->row.omraade);
    return 0;
}

static one get(const char *ws, const char *tabel, const char *maal, int kommune, const char *periode, const char *dims)
{
    one o = {.periode = periode};
    styr_ws *w = NULL;
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    styr_pub_filter f;
    styr_pub_filter_init(&f);
    f.tabel = tabel;
    f.maal = maal;
    f.kommune = kommune;
    f.dims = dims;
    assert_int_equal(styr_pub_select(w, &f, one_cb, &o, &d), STYR_OK);
    styr_ws_close(w);
    styr_diags_free(&d);
    assert_int_equal(o.found, 1);
    return o;
}

static const char *const A02[] = {"Antal personer", "Antal fuldtidspersoner",
                                  "Fuldtidspersoner i pct. af befolkningen 16-66 år"};

static void test_four_shapes_identical(void **state)
{
    (void)state;
    static const char *const shapes[] = {FIX "y01a02_v2.json", FIX "y01a02_v3.json", FIX "y01a02_site.csv",
                                         FIX "y01a02_objekter.json"};
    dump first = {0};
    for (int i = 0; i < 4; i++) {
        char name[16];
        snprintf(name, sizeof name, "shape%d", i);
        const char *ws = th_ws(name);
        ok1(ws, shapes[i], NULL, NULL);
        dump x = dump_of(ws, "y01a02");
        /* 5 areas x 2 periods x 2 sexes x 3 measures */
        assert_int_equal(x.rows, 60);
        if (i == 0)
            first = x;
        else {
            assert_string_equal(x.text, first.text);
            free(x.text);
        }
    }
    free(first.text);
    const char *ws = th_path("shape2");
    /* the suppressed cell, a percentage with a decimal comma, a thousands separator (CSV), areas */
    one o = get(ws, "y01a02", A02[0], 169, "2024M02", "Køn=Kvinder");
    assert_int_equal(o.state, STYR_PUB_SUPPRESSED);
    assert_string_equal(o.omraade, "Høje-Taastrup");
    o = get(ws, "y01a02", A02[2], 730, "2024M01", "Køn=Mænd");
    assert_int_equal(o.state, STYR_PUB_VALUE);
    assert_true(o.v == 3.08);
    o = get(ws, "y01a02", A02[0], STYR_PUB_COUNTRY, "2024M01", "Køn=Mænd");
    assert_true(o.v == 45123);
    assert_string_equal(o.omraade, "Hele landet");
    o = get(ws, "y01a02", A02[1], STYR_PUB_OTHER_AREA, "2024M02", "Køn=Kvinder");
    assert_true(o.v == 4911);
    assert_string_equal(o.omraade, "RAR Østjylland");
    o = get(ws, "y01a02", A02[1], 751, "2024M02", "Køn=Kvinder");
    assert_true(o.v == 1911);
}

static void test_y30r21(void **state)
{
    (void)state;
    const char *ws = th_ws("y30");
    ok1(ws, FIX "Y30R21_2022QMAT04.json", NULL, NULL); /* the table from the file name */
    const char *act = "Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Faktisk antal";
    const char *diff = "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Forskel mellem forventet "
                       "og faktisk andel (pct. point)";
    one o = get(ws, "y30r21", act, 730, "2022QMAT04", "Ydelsesgrupper=Ydelsesgrupper i alt");
    assert_true(o.v == 9650);
    o = get(ws, "y30r21", act, 730, "2022QMAT04", "Ydelsesgrupper=A-dagpenge mv.");
    assert_true(o.v == 960);
    o = get(ws, "y30r21", diff, 751, "2022QMAT04", "Ydelsesgrupper=A-dagpenge mv.");
    assert_true(o.v == 0.3);
    o = get(ws, "y30r21", diff, 730, "2022QMAT04", "Ydelsesgrupper=Ydelsesgrupper i alt");
    assert_true(o.v == -0.3);
    o = get(ws, "y30r21", "Placering på benchmarkranglisten", 851, "2022QMAT04", "Ydelsesgrupper=A-dagpenge mv.");
    assert_true(o.v == 20);
    dump x = dump_of(ws, "y30r21");
    assert_int_equal(x.rows, 4 * 2 * 7);
    free(x.text);
}

static void test_wide(void **state)
{
    (void)state;
    const char *ws = th_ws("wide");
    uint64_t before = th_dir_checksum(ws);
    styr_diags d;
    styr_diags_init(&d);
    const char *f = FIX "ptv_pivot.csv";
    /* periods as columns and no measure column: refused, nothing written */
    assert_int_equal(pimport(ws, &f, 1, NULL, NULL, &d), STYR_EINPUT);
    assert_non_null(th_find(&d, D_PUB_WIDE_MAAL));
    assert_int_equal(th_dir_checksum(ws), before);
    styr_diags_free(&d);
    ok1(ws, f, "ptva02", "Antal fuldtidspersoner");
    one o = get(ws, "ptva02", "Antal fuldtidspersoner", 730, "2024M02", "Ydelsesgrupper=Sygedagpenge mv.");
    assert_int_equal(o.state, STYR_PUB_SUPPRESSED);
    o = get(ws, "ptva02", "Antal fuldtidspersoner", STYR_PUB_COUNTRY, "2024M02", "Ydelsesgrupper=A-dagpenge mv.");
    assert_true(o.v == 82010);
    o = get(ws, "ptva02", "Antal fuldtidspersoner", 730, "2024M01", "Ydelsesgrupper=A-dagpenge mv.");
    assert_true(o.v == 1234);
}

static double pop(const char *ws, int kommune, int lo, int hi)
{
    styr_ws *w = NULL;
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    double out[STYR_MAX_KOMMUNER] = {0};
    assert_int_equal(styr_cat_population(w, 2024, lo, hi, out, &d), STYR_OK);
    double v = out[styr_ws_codes(w)->kom_idx[kommune]];
    styr_ws_close(w);
    styr_diags_free(&d);
    return v;
}

static void test_folk1a(void **state)
{
    (void)state;
    const char *wc = th_ws("folkc"), *wt = th_ws("folkt");
    ok1(wc, FIX "folk1a_koder.csv", NULL, NULL);
    ok1(wt, FIX "folk1a_tekster.csv", "FOLK1A", NULL);
    dump c = dump_of(wc, "folk1a"), t = dump_of(wt, "folk1a");
    assert_int_equal(c.rows, 18);
    assert_string_equal(c.text, t.text); /* codes and texts give the same rows */
    free(c.text);
    free(t.text);
    /* totals are rows of their own, never summed: all ages, both sexes as published */
    const char *m = "Befolkningen den 1. i kvartalet";
    one o = get(wc, "folk1a", m, 101, "2024K1", "ALDER=I alt|KØN=I alt");
    assert_true(o.v == 101010);
    assert_string_equal(o.omraade, "København");
    o = get(wc, "folk1a", m, 751, "2024K1", "ALDER=16 år|KØN=Kvinder");
    assert_true(o.v == 4162);
    /* the population: the sex total of each age (5161 + 5162), not total + parts */
    assert_true(pop(wc, 101, 16, 16) == 10323);
    assert_true(pop(wc, 101, 16, 17) == 10323 + 10343);
    assert_true(pop(wt, 751, 17, 17) == 8343);
}

static void test_population_from_sexes(void **state)
{
    (void)state;
    const char *ws = th_ws("sexes");
    const char *f = th_file("folk1a_koen.csv", "OMRÅDE;KØN;ALDER;TID;INDHOLD\n"
                                               "101;1;16;2024K1;100\n101;2;16;2024K1;110\n"
                                               "147;1;16;2024K1;50\n147;2;16;2024K1;60\n147;TOT;16;2024K1;110\n"
                                               "101;1;16;2024K2;999\n101;2;16;2024K2;999\n"
                                               "Aarhus;I alt;Alder i alt;2024K1;5\n");
    ok1(ws, f, NULL, NULL);
    /* Statistikbanken's texts of a total ("Alder i alt") are stored as "I alt" */
    assert_true(get(ws, "folk1a", "Befolkningen den 1. i kvartalet", 751, "2024K1", "ALDER=I alt|KØN=I alt").v == 5);
    assert_true(pop(ws, 101, 16, 16) == 210); /* men + women when there is no total */
    assert_true(pop(ws, 147, 16, 16) == 110); /* the total, never total + parts */
}

static void test_labour_force(void **state)
{
    (void)state;
    const char *ws = th_ws("labour");
    ok1(ws, FIX "arbejdsstyrke_2024.csv", NULL, NULL);
    one o = get(ws, "arbejdsstyrke", "Arbejdsstyrken 16-66 år", 101, "2024", "");
    assert_true(o.v == 350123);
    o = get(ws, "arbejdsstyrke", "Arbejdsstyrken 16-66 år", 730, "2024", "");
    assert_true(o.v == 49870);
    assert_string_equal(o.omraade, "Randers");
    /* the Statistikbanken layout of the labour force */
    const char *g = th_file("ras.csv", "OMRÅDE;TID;INDHOLD\nRanders;2023;49500\n");
    ok1(ws, g, "arbejdsstyrke", NULL);
    g = th_file("arbejdsstyrke_dst.csv", "OMRÅDE;TID;INDHOLD\n751;2023;188000\n"); /* the table from the name */
    ok1(ws, g, NULL, NULL);
    assert_true(get(ws, "arbejdsstyrke", "Arbejdsstyrken 16-66 år", 751, "2023", "").v == 188000);
    o = get(ws, "arbejdsstyrke", "Arbejdsstyrken 16-66 år", 730, "2023", "");
    assert_true(o.v == 49500);
}

static void test_errors_nothing_stored(void **state)
{
    (void)state;
    const char *ws = th_ws("errors");
    ok1(ws, FIX "y01a02_v3.json", NULL, NULL);
    uint64_t before = th_dir_checksum(ws);
    const char *bad = th_file("y07a02_bad.csv", "Periode;Område;Antal personer\n"
                                                "2024M01;Randrs;12\n"
                                                "2021QMAT05;Aarhus;1\n"
                                                "2024M01;Aarhus;1x\n"
                                                "2024M01;Christiansø;3\n");
    const char *files[] = {FIX "arbejdsstyrke_2024.csv", bad};
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(pimport(ws, files, 2, NULL, NULL, &d), STYR_EINPUT);
    assert_int_equal(th_dir_checksum(ws), before); /* the good file is not stored either */
    const styr_diag *g = th_find(&d, D_PUB_AREA);
    assert_non_null(g);
    assert_string_equal(g->file, bad);
    assert_int_equal(g->line, 2);
    assert_int_equal(g->col, 2);
    assert_string_equal(g->colname, "Område");
    assert_non_null(strstr(g->value, "\"Randers"));
    g = th_find(&d, D_PUB_QMAT);
    assert_non_null(g);
    assert_int_equal(g->line, 3);
    assert_int_equal(g->col, 1);
    assert_string_equal(g->value, "2021QMAT05");
    g = th_find(&d, D_BAD_VALUE);
    assert_non_null(g);
    assert_int_equal(g->line, 4);
    assert_int_equal(g->col, 3);
    assert_string_equal(g->colname, "Antal personer");
    assert_string_equal(g->value, "1x");
    g = th_find(&d, D_PUB_CHRISTIANSOE);
    assert_non_null(g);
    assert_int_equal(g->line, 5);
    styr_diags_free(&d);
    /* JSON: the row number in Data as the line, the column index and label */
    styr_diags_init(&d);
    const char *js = th_file("y01a02_bad.json",
                             "[{\"Variables\":[{\"Name\":\"period\",\"Label\":\"Periode\"},"
                             "{\"Name\":\"area\",\"Label\":\"Area\"},{\"Name\":\"m\",\"Label\":\"Antal personer\"}],"
                             "\"Data\":[[\"2024M01\",\"Randers\",1],[\"2024M01\",\"Odense\",\"x\"]]}]");
    assert_int_equal(pimport(ws, &js, 1, NULL, NULL, &d), STYR_EINPUT);
    g = th_find(&d, D_BAD_VALUE);
    assert_non_null(g);
    assert_int_equal(g->line, 2);
    assert_int_equal(g->col, 3);
    assert_string_equal(g->colname, "Antal personer");
    assert_int_equal(th_dir_checksum(ws), before);
    styr_diags_free(&d);
    /* no table id: neither --tabel nor a file name that says it */
    styr_diags_init(&d);
    const char *noid = th_file("data.json", "{\"columns\":[\"Periode\",\"Område\",\"Antal personer\"],"
                                            "\"rows\":[[\"2024M01\",\"Randers\",1]]}");
    assert_int_equal(pimport(ws, &noid, 1, NULL, NULL, &d), STYR_EINPUT);
    assert_non_null(th_find(&d, D_PUB_TABEL));
    styr_diags_free(&d);
    ok1(ws, noid, "Y07A02", NULL);
    assert_true(get(ws, "y07a02", "Antal personer", 730, "2024M01", "").v == 1);
}

static void test_recognise(void **state)
{
    (void)state;
    assert_int_equal(styr_pub_recognise(FIX "y01a02_v2.json"), 1);
    assert_int_equal(styr_pub_recognise(FIX "y01a02_site.csv"), 1);
    assert_int_equal(styr_pub_recognise(FIX "ptv_pivot.csv"), 1);
    assert_int_equal(styr_pub_recognise(FIX "folk1a_koder.csv"), 1);
    assert_int_equal(styr_pub_recognise(FIX "arbejdsstyrke_2024.csv"), 1);
    assert_int_equal(styr_pub_recognise(th_file("long.csv", "person;uge;kommune;ydelse;tilbud\n1;2024-W01;101;;\n")),
                     0);
    assert_int_equal(styr_pub_recognise(th_file("pop.csv", "kommune;aar;alder;antal\n101;2024;16;5\n")), 0);
    assert_int_equal(styr_pub_recognise(th_path("missing.csv")), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_four_shapes_identical),
        cmocka_unit_test(test_y30r21),
        cmocka_unit_test(test_wide),
        cmocka_unit_test(test_folk1a),
        cmocka_unit_test(test_population_from_sexes),
        cmocka_unit_test(test_labour_force),
        cmocka_unit_test(test_errors_nothing_stored),
        cmocka_unit_test(test_recognise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
