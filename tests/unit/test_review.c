/* test_review: the case review closed (issue 14 §4): the estimator against
 * hand computations, the sheet reader (XLSX from libxlsxwriter, CSV), and a
 * filled sheet checked against a re-drawn sample, stored and loaded; a
 * refused sheet leaves the workspace as it was. */
#include "harness.h"

#include <math.h>
#include <xlsxwriter.h>

#include "calc/review.h"
#include "calc/sample.h"
#include "ingest/sheet.h"

#define EPS 1e-9

/* A hand-built review: two learning points, strata 0-3 with N = 10, 30, 5, 20
 * current spells; reviewed cases (stratum: answers to lp0, lp1):
 *   stratum 0: four cases, lp0 1 1 0 0, lp1 0 0 0 0
 *   stratum 1: two cases,  lp0 1 1,     lp1 1 0
 *   stratum 2: one case,   lp0 0,       lp1 1
 *   stratum 3: one case drawn, not reviewed (answers ignored)
 * lp0: m = 7, k = 4, p = 4/7 = 0,571429; Wilson(4/7, 7) = [0,250458; 0,841780].
 *   Stratified over N* = 10 + 30 + 5 = 45 (stratum 3 has no reviewed case:
 *   coverage 45/65 = 0,692308): p_st = 10/45 x 1/2 + 30/45 x 1 + 5/45 x 0 = 35/45.
 *   V = (10/45)^2 (1 - 4/10) (4/3 x 1/4) / 4           stratum 0: 0,002469136
 *     + (30/45)^2 (1 - 2/30) x 0 / 2                     stratum 1: p_h = 1
 *     + (5/45)^2 (1 - 1/5) x (7/6 x 4/7 x 3/7) / 1       stratum 2, pooled s^2 = 2/7
 *     = 0,005291005, SE = 0,072739297; n_eff = (35/45)(10/45)/V = 32,67 > 7,
 *   so 7: Wilson(35/45, 7) = [0,413026; 0,945679].
 * lp1: m = 7, k = 2: Wilson(2/7, 7) = [0,082219; 0,641066]; p_st = 30/45 x 1/2 +
 *   5/45 x 1 = 20/45; V = (30/45)^2 (1 - 2/30)(2 x 1/4)/2 + (5/45)^2 0,8 x (7/6 x
 *   2/7 x 5/7) = 0,106055262, SE = 0,325661268, n_eff = (20/45)(25/45)/V =
 *   2,328160: Wilson = [0,085418; 0,872654]. */
static void build(styr_review *r)
{
    memset(r, 0, sizeof *r);
    r->population[0] = 10, r->population[1] = 30, r->population[2] = 5, r->population[3] = 20;
    r->drawn[0] = 4, r->drawn[1] = 2, r->drawn[2] = 1, r->drawn[3] = 1;
    r->lps.n = 2;
    r->lps.v = calloc(2, sizeof *r->lps.v);
    strcpy(r->lps.v[0].kode, "a"), strcpy(r->lps.v[1].kode, "b");
    static const int st[8] = {0, 0, 0, 0, 1, 1, 2, 3}, a0[8] = {1, 1, 0, 0, 1, 1, 0, 1},
                     a1[8] = {0, 0, 0, 0, 1, 0, 1, 1};
    r->n = 8;
    r->c = calloc(8, sizeof *r->c);
    for (int i = 0; i < 8; i++) {
        r->c[i].nr = i + 1, r->c[i].stratum = st[i], r->c[i].reviewed = i < 7;
        r->c[i].ans = calloc(2, 1);
        r->c[i].ans[0] = (unsigned char)a0[i], r->c[i].ans[1] = (unsigned char)a1[i];
    }
}

static void test_estimate(void **state)
{
    (void)state;
    styr_review r;
    build(&r);
    styr_review_est e;
    styr_review_estimate(&r, 0, &e);
    assert_int_equal(e.all.m, 7);
    assert_int_equal(e.all.k, 4);
    assert_true(fabs(e.all.p - 4.0 / 7) < EPS);
    assert_true(fabs(e.all.lo - 0.2504583645276572) < 1e-9 && fabs(e.all.hi - 0.8417801447485302) < 1e-9);
    assert_true(fabs(e.p_st - 35.0 / 45) < EPS);
    assert_true(fabs(e.se - 0.07273929674533079) < 1e-9);
    assert_true(fabs(e.n_eff - 7) < EPS);
    assert_true(fabs(e.lo - 0.4130261621237012) < 1e-9 && fabs(e.hi - 0.9456791517281393) < 1e-9);
    assert_true(fabs(e.coverage - 45.0 / 65) < EPS);
    assert_int_equal(e.single_strata, 1);
    /* per stratum: 2 of 4 [0,150039; 0,849961], 2 of 2 [0,342380; 1], 0 of 1 [0; 0,793451], none */
    assert_int_equal(e.by[0].k, 2);
    assert_true(fabs(e.by[0].lo - 0.15003898915214953) < 1e-9 && fabs(e.by[0].hi - 0.8499610108478505) < 1e-9);
    assert_true(fabs(e.by[1].lo - 0.34238022750665303) < 1e-9 && e.by[1].hi == 1);
    assert_true(e.by[2].lo == 0 && fabs(e.by[2].hi - 0.7934506856227626) < 1e-9);
    assert_int_equal(e.by[3].m, 0);
    assert_true(e.by[3].p < 0); /* no reviewed case: no data, never 0 */
    styr_review_estimate(&r, 1, &e);
    assert_int_equal(e.all.k, 2);
    assert_true(fabs(e.all.lo - 0.08221892400405678) < 1e-9 && fabs(e.all.hi - 0.6410655481673808) < 1e-9);
    assert_true(fabs(e.p_st - 20.0 / 45) < EPS);
    assert_true(fabs(e.se - 0.3256612682079605) < 1e-9);
    assert_true(fabs(e.n_eff - 2.328159645232816) < 1e-9);
    assert_true(fabs(e.lo - 0.08541763054614449) < 1e-9 && fabs(e.hi - 0.8726536170594391) < 1e-9);
    /* nobody has it: the interval is not [0; 0] */
    for (size_t i = 0; i < r.n; i++)
        r.c[i].ans[1] = 0;
    styr_review_estimate(&r, 1, &e);
    assert_true(e.p_st == 0 && e.se == 0 && e.lo == 0 && e.hi > 0.25);
    /* nothing reviewed: no data */
    for (size_t i = 0; i < r.n; i++)
        r.c[i].reviewed = 0;
    styr_review_estimate(&r, 0, &e);
    assert_true(e.all.p < 0 && e.p_st < 0);
    styr_review_free(&r);
}

/* An XLSX as libxlsxwriter writes it (shared strings, numbers, a gap) reads
 * back cell by cell, with Excel's row numbers. */
static void test_sheet_xlsx(void **state)
{
    (void)state;
    const char *p = th_path("t.xlsx");
    lxw_workbook *wb = workbook_new(p);
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    worksheet_write_string(ws, 0, 0, "Frø", NULL);
    worksheet_write_number(ws, 0, 1, 25, NULL);
    worksheet_write_string(ws, 3, 2, "Tværfaglig & <koordinering>", NULL);
    worksheet_write_string(ws, 3, 0, "Frø", NULL);
    worksheet_write_boolean(ws, 4, 27, 1, NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    styr_diags d;
    styr_diags_init(&d);
    styr_sheet s;
    assert_int_equal(styr_sheet_read(p, &s, &d), STYR_OK);
    assert_int_equal(s.xlsx, 1);
    assert_int_equal(s.n, 3);
    assert_int_equal(s.row[0].line, 1);
    assert_string_equal(styr_sheet_cell(&s.row[0], 0), "Frø");
    assert_string_equal(styr_sheet_cell(&s.row[0], 1), "25");
    assert_int_equal(s.row[1].line, 4);
    assert_string_equal(styr_sheet_cell(&s.row[1], 1), "");
    assert_string_equal(styr_sheet_cell(&s.row[1], 2), "Tværfaglig & <koordinering>");
    assert_int_equal(s.row[2].line, 5);
    assert_string_equal(styr_sheet_cell(&s.row[2], 27), "1");
    char col[8];
    styr_sheet_colname(27, col);
    assert_string_equal(col, "AB");
    styr_sheet_free(&s);
    /* a file that is a ZIP but not a workbook is refused by name */
    const char *z = th_file("bad.xlsx", "PK\3\4 not really");
    assert_int_equal(styr_sheet_read(z, &s, &d), STYR_EINPUT);
    assert_int_equal(d.v[0].what, D_XLSX_BAD);
    styr_diags_free(&d);
}

/* A CSV saved by Excel in Windows-1252 with ',' reads as UTF-8 cells. */
static void test_sheet_csv(void **state)
{
    (void)state;
    const char *p = th_file("t.csv", "Fr\xf8,1,,\r\n,,,\r\nNr.,Person,\"a,b\",\r\n");
    styr_diags d;
    styr_diags_init(&d);
    styr_sheet s;
    assert_int_equal(styr_sheet_read(p, &s, &d), STYR_OK);
    assert_int_equal(s.xlsx, 0);
    assert_int_equal(s.sep, ',');
    assert_int_equal(s.enc, STYR_ENC_CP1252);
    assert_int_equal(s.n, 2);
    assert_string_equal(styr_sheet_cell(&s.row[0], 0), "Frø");
    assert_int_equal(s.row[1].line, 3);
    assert_string_equal(styr_sheet_cell(&s.row[1], 2), "a,b");
    styr_sheet_free(&s);
    styr_diags_free(&d);
}

static void add_weeks(char *buf, size_t *o, const char *p, int y, int w0, int w1, const char *yd, const char *tb)
{
    for (int w = w0; w <= w1; w++) {
        int yy = y, ww = w;
        while (ww > 52)
            ww -= 52, yy++;
        *o += (size_t)sprintf(buf + *o, "%s;%d-W%02d;101;%s;%s;\n", p, yy, ww, yd, tb);
    }
}

/* The sheet for sample s with answers: lp column j of case i is ans(i, j). */
static const char *sheet_csv(const char *name, const styr_sample *s, const styr_cols *cols, uint64_t panel,
                             const char *change)
{
    static char buf[1 << 14];
    size_t o = 0;
    char hex[17];
    styr_hex64(panel, hex);
    o += (size_t)sprintf(buf + o,
                         "Sagsgennemgang;;\nFrø;1\nPanel (kontrolsum);%s\nYdelse;kontanthjaelp\nKommune;101\n"
                         "Referenceuge;2024-W52\nAntal sager;4\n\n",
                         hex);
    o += (size_t)sprintf(buf + o, "Nr.;Person;Lag-nr.;Lag;Gennemgået;Ret indsats til tiden;Virksomhedsrettet tilbud;"
                                  "Relevant sygdomsbehandling/sundhed;Tværfaglig koordinering;Borgerens egne mål;"
                                  "Sagsbehandlingsfejl;Note\n");
    static const char *const ans[4] = {"x;ja;1;;nej;0", "1;x;;;;", "ja;;;;;", ";;;;;"};
    for (size_t i = 0; i < s->n; i++) {
        size_t len;
        const char *id = styr_person_id(cols, s->cases[i].person, &len);
        o += (size_t)sprintf(buf + o, "%zu;%.*s;%d;tekst;%s;%s;%s\n", i + 1, (int)len, id, s->cases[i].stratum + 1,
                             i < 3 ? "x" : "", ans[i], i == 0 ? "fri tekst om borgeren" : "");
    }
    if (change) { /* replace the first occurrence of "old|new" */
        char old[64], nw[64];
        sscanf(change, "%63[^|]|%63[^\n]", old, nw);
        char *at = strstr(buf, old);
        assert_non_null(at);
        memmove(at + strlen(nw), at + strlen(old), strlen(at + strlen(old)) + 1);
        memcpy(at, nw, strlen(nw));
    }
    return th_file(name, buf);
}

static styr_rc import_sheet(const char *ws, const char *file, styr_review *out, styr_diags *d)
{
    styr_ws *w = NULL;
    const styr_panel *p;
    styr_sheet sh;
    styr_lps lps;
    styr_review_meta meta;
    styr_sample s;
    memset(&s, 0, sizeof s);
    memset(out, 0, sizeof *out);
    int replaced;
    styr_rc rc = styr_ws_open(ws, STYR_WS_WRITE, &w, d);
    assert_int_equal(rc, STYR_OK);
    assert_int_equal(styr_ws_panel(w, &p, d), STYR_OK);
    assert_int_equal(styr_lps_load(NULL, &lps, d), STYR_OK);
    assert_int_equal(styr_sheet_read(file, &sh, d), STYR_OK);
    const styr_codes *c = styr_ws_codes(w);
    if (!(rc = styr_review_sheet_meta(&sh, file, c, &meta, d)) &&
        !(rc = styr_review_check_head(&meta, 101, p, file, d))) {
        assert_int_equal(styr_sample_draw(w, meta.grp, c->kom_idx[meta.kommune], meta.n, meta.seed, &s, d), STYR_OK);
        rc = styr_review_check(&sh, file, &lps, &meta, &s, styr_panel_cols(p), out, d);
        if (!rc) rc = styr_review_store(w, out, &replaced, d);
    }
    styr_sample_free(&s);
    styr_sheet_free(&sh);
    styr_lps_free(&lps);
    styr_ws_close(w);
    return rc;
}

/* The panel of test_effect's sample: nine current kontanthjælp spells in 101
 * (A1-A4 1-13 weeks no offer, B1-B3 14-26 weeks in praktik, C1-C2 53-104
 * weeks earlier praktik); n = 4 draws 2, 1, 1. The sheet marks cases 1-3
 * reviewed: til_tiden 3 of 3, virksomhedsrettet 2 of 3, sundhed 1 of 3, the
 * others 0 of 3; case 4 not reviewed. */
static void test_import(void **state)
{
    (void)state;
    const char *ws = th_ws("review");
    char *csv = malloc(1 << 16);
    size_t o = (size_t)sprintf(csv, "person;uge;kommune;ydelse;tilbud;timer\n");
    char id[16];
    for (int i = 1; i <= 4; i++)
        snprintf(id, sizeof id, "A%d", i), add_weeks(csv, &o, id, 2024, 40, 52, "kontanthjaelp", "");
    for (int i = 1; i <= 3; i++) {
        snprintf(id, sizeof id, "B%d", i);
        add_weeks(csv, &o, id, 2024, 33, 48, "kontanthjaelp", "");
        add_weeks(csv, &o, id, 2024, 49, 52, "kontanthjaelp", "praktik");
    }
    for (int i = 1; i <= 2; i++) {
        snprintf(id, sizeof id, "C%d", i);
        add_weeks(csv, &o, id, 2023, 45, 60, "kontanthjaelp", "praktik");
        add_weeks(csv, &o, id, 2023, 61, 104, "kontanthjaelp", "");
    }
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = th_import1(ws, th_file("review.csv", csv), &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    free(csv);
    styr_ws *w;
    const styr_panel *p;
    styr_sample s;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    assert_int_equal(styr_ws_panel(w, &p, &d), STYR_OK);
    const styr_codes *c = styr_ws_codes(w);
    assert_int_equal(styr_sample_draw(w, styr_codes_ydelse(c, "kontanthjaelp", 13), c->kom_idx[101], 4, 1, &s, &d),
                     STYR_OK);
    assert_int_equal(s.n, 4);
    uint64_t panel = styr_panel_checksum(p);
    const styr_cols *cols = styr_panel_cols(p);
    const char *good = sheet_csv("good.csv", &s, cols, panel, NULL);
    /* refusals, each with its row and column; the workspace stays as it was */
    size_t len;
    const char *id2 = styr_person_id(cols, s.cases[1].person, &len);
    char change[64];
    snprintf(change, sizeof change, "2;%.*s;|2;X9;", (int)len, id2);
    const char *bad_id = sheet_csv("id.csv", &s, cols, panel, change);
    const char *bad_answer = sheet_csv("answer.csv", &s, cols, panel, "x;ja;1;;nej;0|x;ja;1;;maaske;0");
    const char *bad_col = sheet_csv("col.csv", &s, cols, panel, ";Borgerens egne mål;|;Borgerens mål;");
    const char *bad_panel = sheet_csv("panel.csv", &s, cols, panel ^ 1, NULL);
    const char *bad_reviewed = sheet_csv("rev.csv", &s, cols, panel, "tekst;;;|tekst;;x;");
    styr_ws_close(w);
    uint64_t before = th_dir_checksum(ws);
    styr_review r;
    assert_int_equal(import_sheet(ws, bad_id, &r, &d), STYR_EINPUT);
    assert_int_equal(d.v[0].what, D_RS_PERSON);
    assert_int_equal(d.v[0].line, 11); /* head on lines 1-7, a blank line, the header on 9, case 1 on 10 */
    assert_int_equal(d.v[0].col, 2);
    styr_diags_free(&d);
    assert_int_equal(import_sheet(ws, bad_answer, &r, &d), STYR_EINPUT);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].what, D_RS_ANSWER);
    assert_int_equal(d.v[0].line, 11 - 1);
    assert_int_equal(d.v[0].col, 10);
    assert_string_equal(d.v[0].value, "maaske");
    styr_diags_free(&d);
    assert_int_equal(import_sheet(ws, bad_col, &r, &d), STYR_EINPUT);
    assert_int_equal(d.v[0].what, D_RS_COL_UNKNOWN);
    assert_int_equal(d.v[1].what, D_RS_COL_MISSING);
    styr_diags_free(&d);
    assert_int_equal(th_dir_checksum(ws), before);
    assert_int_equal(import_sheet(ws, bad_panel, &r, &d), STYR_EINPUT);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].what, D_RS_PANEL);
    assert_int_equal(d.v[0].line, 3);
    styr_diags_free(&d);
    assert_int_equal(import_sheet(ws, bad_reviewed, &r, &d), STYR_EINPUT); /* answers in a case not reviewed */
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].what, D_RS_NOT_REVIEWED);
    assert_int_equal(d.v[0].line, 13);
    assert_int_equal(d.v[0].col, 5);
    styr_diags_free(&d);
    assert_int_equal(th_dir_checksum(ws), before);
    /* the good sheet */
    rc = import_sheet(ws, good, &r, &d);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    assert_int_equal(r.n, 4);
    styr_review_free(&r);
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    int found;
    assert_int_equal(styr_review_load(w, 0, &r, &found, &d), STYR_OK);
    assert_true(found);
    assert_int_equal(r.n, 4);
    assert_int_equal(r.lps.n, 6);
    assert_int_equal(r.meta.seed, 1);
    assert_int_equal(r.meta.kommune, 101);
    assert_int_equal(r.population[2], 4);
    assert_int_equal(r.drawn[2], 2);
    assert_null(r.c[0].note); /* notes are not read back for the result */
    styr_review_est e;
    static const size_t want[6] = {3, 2, 1, 0, 0, 0};
    for (size_t j = 0; j < 6; j++) {
        styr_review_estimate(&r, j, &e);
        assert_int_equal(e.all.m, 3);
        assert_int_equal(e.all.k, want[j]);
    }
    styr_review_free(&r);
    styr_ws_close(w);
    styr_sample_free(&s);
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_estimate),
        cmocka_unit_test(test_sheet_xlsx),
        cmocka_unit_test(test_sheet_csv),
        cmocka_unit_test(test_import),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
