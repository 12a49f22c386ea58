/* test_yr: Ydelsesrefusion import and reconciliation (issue 13 §3).
 *
 * CPR numbers: birth date by the century rule of sources.md §3 (every digit
 * class and both sides of each boundary), sex, invalid dates and lengths; the
 * pseudonym (a known HMAC-SHA256 answer, stable under one key, different under
 * another); the week forms; and the fixture
 * tests/fixtures/yr/yr-ydelsesrefusion-beregning-2024.csv reconciled exactly:
 *   A 150385-1233 kontanthjælp, Odense, 2024-W01..W30, 3.125,50 a week; planted:
 *     W06 (count 6) at 80 pct. where the trappe gives 40, W28 (count 28, 30 pct.)
 *     with 1.937,65 where 30 pct. is 937,65;
 *   B 2207024562 uddannelseshjælp, Høje-Taastrup, 2024 W01..W08, all right;
 *   C 030560-2345 a-dagpenge, Odense, 2022-W40..W52 (count 1-13), 52 weeks away
 *     in 2023, back 2024-W01..W06: styr restarts the count (20 pct. co-financing
 *     in W01-W04), the state did not (60 pct.);
 *   D 121199-3460 sygedagpenge, Høje-Taastrup, 2024-W10..W13, and kontanthjælp
 *     500 kr. in W13 too (two benefits in one week).
 * Every figure below was worked out by hand from those rows (month = the
 * month of the week's Thursday). */
#include "harness.h"

#include <fcntl.h>
#include <sqlite3.h>

#include "calc/reconcile.h"
#include "ingest/cpr.h"
#include "ingest/yr.h"
#include "ws/secret.h"

#define FIXTURE "tests/fixtures/yr/yr-ydelsesrefusion-beregning-2024.csv"

static void cpr_ok(const char *s, uint32_t birth, uint8_t sex)
{
    char dg[10];
    uint32_t b = 0;
    uint8_t x = 0;
    assert_int_equal(styr_cpr_parse(s, strlen(s), dg, &b, &x), 0);
    assert_int_equal(b, birth);
    assert_int_equal(x, sex);
}

static void cpr_bad(const char *s)
{
    char dg[10] = "untouched";
    uint32_t b = 7;
    uint8_t x = 7;
    assert_int_equal(styr_cpr_parse(s, strlen(s), dg, &b, &x), -1);
    assert_memory_equal(dg, "untouched", 9);
}

static void masked(const char *in, int strict, const char *want)
{
    char b[128];
    snprintf(b, sizeof b, "%s", in);
    styr_mask_cpr(b, strlen(b), strict);
    assert_string_equal(b, want);
}

/* what diagnostics, file names and the imports log show of a CPR number: nothing */
static void test_mask(void **state)
{
    (void)state;
    masked("yr-ydelsesrefusion-beregning-1503851233.csv", 0, "yr-ydelsesrefusion-beregning-XXXXXXXXXX.csv");
    masked("d 150385-1233/x 150385 1233", 0, "d XXXXXX-XXXX/x XXXXXX XXXX");
    masked("Kontanthjælp 0101801234", 0, "Kontanthjælp XXXXXXXXXX");
    masked("x12150385123399", 0, "xXXXXXXXXXXXXXX"); /* a window of ten that starts DDMM */
    /* not a possible day and month, or too short: shown (outside a Ydelsesrefusion file) */
    masked("2024010112 y01a02_2024.csv 150385-123", 0, "2024010112 y01a02_2024.csv 150385-123");
    /* in a Ydelsesrefusion file every run of nine digits or more */
    masked("150385-123 310285-1234 2024010112", 1, "XXXXXX-XXX XXXXXX-XXXX XXXXXXXXXX");
    /* a pseudonym and a week stay readable */
    masked("YR974b1c0c86a10161 2024-W10", 1, "YR974b1c0c86a10161 2024-W10");
    masked("3.125,50 2024-W54 1.000.000", 1, "3.125,50 2024-W54 1.000.000");
}

static void test_cpr(void **state)
{
    (void)state;
    cpr_ok("150385-1233", 19850315, 1);
    cpr_ok("1503851233", 19850315, 1);
    cpr_ok(" 150385-1233 ", 19850315, 1);
    cpr_ok("121199-3460", 19991112, 2);
    /* 0-3: 1900s whatever YY */
    cpr_ok("010100-0001", 19000101, 1);
    cpr_ok("010100-3002", 19000101, 2);
    /* 4 and 9: 2000s for YY 00-36, else 1900s */
    cpr_ok("010136-4000", 20360101, 2);
    cpr_ok("010137-4001", 19370101, 1);
    cpr_ok("010100-9003", 20000101, 1);
    cpr_ok("311299-9999", 19991231, 1);
    cpr_ok("2207024562", 20020722, 2);
    /* 5-8: 2000s for YY 00-57, else 1800s */
    cpr_ok("010157-5000", 20570101, 2);
    cpr_ok("010158-5000", 18580101, 2);
    cpr_ok("010157-8001", 20570101, 1);
    cpr_ok("311258-8001", 18581231, 1);
    /* leap days by the century the seventh digit gives */
    cpr_ok("290200-4234", 20000229, 2);
    cpr_bad("290200-2234"); /* 1900 is not a leap year */
    cpr_bad("290201-4234");
    /* invalid dates */
    cpr_bad("310285-1234");
    cpr_bad("000185-1234");
    cpr_bad("011385-1234");
    cpr_bad("320185-1234");
    /* wrong lengths and forms */
    cpr_bad("15038-1233");
    cpr_bad("150385-12334");
    cpr_bad("150385123");
    cpr_bad("150385 1233");
    cpr_bad("150385_1233");
    cpr_bad("15038512a3");
    cpr_bad("");
}

static void test_pseudonym(void **state)
{
    (void)state;
    unsigned char k1[32], k2[32] = {0};
    for (int i = 0; i < 32; i++) k1[i] = (unsigned char)(i + 1);
    char a[STYR_PSEUDONYM_LEN + 1], b[STYR_PSEUDONYM_LEN + 1], c[STYR_PSEUDONYM_LEN + 1];
    /* python3: "YR" + hmac.new(bytes(range(1, 33)), b"1503851233", sha256).hexdigest()[:16] */
    styr_cpr_pseudonym(k1, "1503851233", a);
    assert_string_equal(a, "YR0b5f90630fcca287");
    styr_cpr_pseudonym(k1, "1503851233", b);
    assert_string_equal(a, b);
    styr_cpr_pseudonym(k2, "1503851233", c);
    assert_string_equal(c, "YRc946b9e480111458");
    styr_cpr_pseudonym(k1, "1503851234", c);
    assert_string_not_equal(a, c);
}

static void test_week_forms(void **state)
{
    (void)state;
    int w1, w2, w3, w4, x;
    assert_int_equal(styr_yr_week_parse("2024-W05", 8, &w1), 0);
    assert_int_equal(styr_yr_week_parse("2024W05", 7, &w2), 0);
    assert_int_equal(styr_yr_week_parse("202405", 6, &w3), 0);
    assert_int_equal(styr_yr_week_parse("2024-05", 7, &w4), 0);
    assert_int_equal(w1, styr_week_from_iso(2024, 5));
    assert_int_equal(w1, w2);
    assert_int_equal(w1, w3);
    assert_int_equal(w1, w4);
    assert_int_equal(styr_yr_week_parse("2020W53", 7, &x), 0);
    assert_int_equal(styr_yr_week_parse("2023W53", 7, &x), -1);
    assert_int_equal(styr_yr_week_parse("2024-W00", 8, &x), -1);
    assert_int_equal(styr_yr_week_parse("2024-5", 6, &x), -1);
    assert_int_equal(styr_yr_week_parse("24-W05", 6, &x), -1);
    assert_int_equal(styr_yr_week_parse("1989W01", 7, &x), -2);
    assert_int_equal(styr_yr_week_parse("2024W444444444", 14, &x), -1); /* found by fuzz_csv: no overflow */
}

/* The pseudonym of the first row of a workspace's ydelsesrefusion table for a week. */
static void first_pseudonym(const char *ws, const char *uge, const char *yd, char out[32])
{
    char path[8192];
    snprintf(path, sizeof path, "%s/katalog.sqlite", ws);
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT pseudonym FROM ydelsesrefusion WHERE uge = ? AND ydelse = ?", -1,
                                        &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, uge, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, yd, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, 32, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void test_import(void **state)
{
    (void)state;
    const char *ws = th_ws("yr_import");
    /* the key: made at init, 32 bytes, mode 0600 */
    char kp[8192];
    snprintf(kp, sizeof kp, "%s/%s", ws, STYR_SECRET_FILE);
    struct stat st;
    assert_int_equal(stat(kp, &st), 0);
    assert_int_equal(st.st_size, 32);
    assert_int_equal(st.st_mode & 0777, 0600);

    styr_diags d;
    styr_diags_init(&d);
    styr_import_result res;
    const char *f = FIXTURE;
    styr_rc rc = th_import(ws, &f, 1, 0, &d, &res);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    assert_int_equal(res.files[0].kind, STYR_T_YR);
    assert_int_equal(res.files[0].rows, 62);
    assert_int_equal(res.persons, 4);
    assert_int_equal(res.weeks, 61);  /* 62 rows, D's W13 has two benefits */
    assert_int_equal(res.yr_rows, 62);
    assert_int_equal(res.yr_multi, 1);
    assert_int_equal(res.runs, 5);    /* A, B, D one run each; C two */
    styr_import_result_free(&res);

    /* birth dates and sexes from the CPR numbers, persons by pseudonym */
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    const styr_panel *p;
    assert_int_equal(styr_ws_panel(w, &p, &d), STYR_OK);
    const styr_cols *c = styr_panel_cols(p);
    int seen = 0;
    for (uint64_t i = 0; i < c->npersons; i++) {
        size_t len;
        const char *id = styr_person_id(c, i, &len);
        assert_int_equal(len, STYR_PSEUDONYM_LEN);
        assert_memory_equal(id, "YR", 2);
        if (c->birth[i] == 19850315) assert_int_equal(c->sex[i], 1), seen |= 1;
        if (c->birth[i] == 20020722) assert_int_equal(c->sex[i], 2), seen |= 2;
        if (c->birth[i] == 19600503) assert_int_equal(c->sex[i], 1), seen |= 4;
        if (c->birth[i] == 19991112) assert_int_equal(c->sex[i], 2), seen |= 8;
    }
    assert_int_equal(seen, 15);
    styr_ws_close(w);

    /* the same key gives the same pseudonym; another workspace another */
    const char *ws2 = th_ws("yr_import2");
    assert_int_equal(th_import1(ws2, FIXTURE, &d), STYR_OK);
    char a[32], b[32];
    first_pseudonym(ws, "2024-W06", "kontanthjaelp", a);
    first_pseudonym(ws2, "2024-W06", "kontanthjaelp", b);
    assert_string_not_equal(a, b);
    unsigned char key[32];
    int fd = open(kp, O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(read(fd, key, 32), 32);
    close(fd);
    char expect[STYR_PSEUDONYM_LEN + 1];
    styr_cpr_pseudonym(key, "1503851233", expect);
    assert_string_equal(a, expect);
    styr_diags_free(&d);
}

static void test_older_workspace_gets_key(void **state)
{
    (void)state;
    const char *ws = th_ws("yr_old");
    char kp[8192];
    snprintf(kp, sizeof kp, "%s/%s", ws, STYR_SECRET_FILE);
    unlink(kp); /* as a workspace made before the key */
    styr_diags d;
    styr_diags_init(&d);
    /* a check without writing makes no key */
    const char *f = FIXTURE;
    assert_int_equal(th_import(ws, &f, 1, 1, &d, NULL), STYR_OK);
    struct stat st;
    assert_int_equal(stat(kp, &st), -1);
    assert_int_equal(th_import1(ws, FIXTURE, &d), STYR_OK);
    assert_int_equal(stat(kp, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    styr_diags_free(&d);
}

static const char *hdr =
    "Uge;CPR nummer;Ydelse;Finansiering Kommunenavn;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;"
    "Medfinansieringssats;Medfinansieringsbeløb\n";

static void test_errors(void **state)
{
    (void)state;
    const char *ws = th_ws("yr_err");
    uint64_t before = th_dir_checksum(ws);
    char text[2048];
    snprintf(text, sizeof text,
             "%s"
             "2024-W01;150385-1233;Kontanthjælp;Odense;100,00;80;80,00;0;0\n"
             "2024-W02;310285-1234;Kontanthjælp;Odense;100,00;80;80,00;0;0\n"
             "2024-W03;150385-1233;Bistandshjælp;Odense;100,00;80;80,00;0;0\n"
             "2024-W04;150385-1233;Kontanthjælp;Gotham;100,00;80;80,00;0;0\n"
             "2024-W54;150385-1233;Kontanthjælp;Odense;1OO;180;80,00;0;0\n"
             "2024-W01;1503851233;kontanthjaelp;Odense;100,00;80;80,00;0;0\n",
             hdr);
    const char *f = th_file("yr-ydelsesrefusion-beregning-fejl.csv", text);
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, f, &d), STYR_EINPUT);
    /* the bad CPR number: line 3, column 2, never shown */
    const styr_diag *x = th_find(&d, D_BAD_CPR);
    assert_non_null(x);
    assert_int_equal(x->line, 3);
    assert_int_equal(x->col, 2);
    assert_string_equal(x->colname, "CPR nummer");
    assert_string_equal(x->value, "(CPR-nummer, ikke vist)");
    for (size_t i = 0; i < d.n; i++) {
        assert_null(strstr(d.v[i].value, "310285"));
        assert_null(strstr(d.v[i].value, "150385"));
    }
    for (size_t i = 0; i < d.nunknown; i++) assert_null(strstr(d.unknown[i].value, "150385"));
    /* the other errors, each with its place */
    x = th_find(&d, D_YR_WEEK);
    assert_non_null(x);
    assert_int_equal(x->line, 6);
    assert_string_equal(x->value, "2024-W54");
    x = th_find(&d, D_YR_AMOUNT);
    assert_non_null(x);
    assert_int_equal(x->col, 5);
    x = th_find(&d, D_YR_RATE);
    assert_non_null(x);
    assert_string_equal(x->value, "180");
    x = th_find(&d, D_YR_DUP); /* lines 2 and 7: the same person, week and benefit */
    assert_non_null(x);
    assert_int_equal(x->line, 7);
    assert_int_equal(x->line2, 2);
    /* unknown texts and names are tallied */
    int yd = 0, kom = 0;
    for (size_t i = 0; i < d.nunknown; i++) {
        if (d.unknown[i].what == D_YR_YDELSE) assert_string_equal(d.unknown[i].value, "Bistandshjælp"), yd = 1;
        if (d.unknown[i].what == D_YR_KOMMUNE) assert_string_equal(d.unknown[i].value, "Gotham"), kom = 1;
    }
    assert_true(yd && kom);
    /* all or nothing */
    assert_true(th_dir_checksum(ws) == before);
    styr_diags_free(&d);
}

static const styr_recon_week *find_week(const styr_recon *r, int y, int w, const char *yd, const styr_codes *codes)
{
    for (size_t i = 0; i < r->nw; i++)
        if (r->w[i].week == styr_week_from_iso(y, w) && !strcmp(codes->dict.yd[r->w[i].yd], yd)) return &r->w[i];
    return NULL;
}

static void check_diff(const styr_recon *r, const styr_codes *codes, int y, int w, const char *yd, int n,
                       double statens_sats, double styr_sats, double statens, double styr, double forskel)
{
    const styr_recon_week *x = find_week(r, y, w, yd, codes);
    assert_non_null(x);
    assert_true(x->differs);
    assert_int_equal(x->n, n);
    assert_true(x->statens_sats == statens_sats);
    assert_true(x->styr_sats == styr_sats);
    assert_true(x->statens_beloeb == statens);
    assert_true(x->styr_beloeb == styr);
    assert_true(x->forskel_kr == forskel);
}

static const styr_recon_total *find_total(const styr_recon *r, int y, int m, const char *yd, const styr_codes *codes)
{
    for (size_t i = 0; i < r->nt; i++)
        if (r->t[i].year == y && r->t[i].month == m && !strcmp(codes->dict.yd[r->t[i].yd], yd)) return &r->t[i];
    return NULL;
}

static void check_total(const styr_recon *r, const styr_codes *codes, int y, int m, const char *yd, uint64_t weeks,
                        uint64_t differing, double udbetalt, double statens, double styr, double forskel)
{
    const styr_recon_total *t = find_total(r, y, m, yd, codes);
    assert_non_null(t);
    assert_int_equal(t->weeks, weeks);
    assert_int_equal(t->differing, differing);
    assert_true(t->udbetalt == udbetalt);
    assert_true(t->statens_beloeb == statens);
    assert_true(t->styr_beloeb == styr);
    assert_true(t->forskel_kr == forskel);
}

static void test_reconcile(void **state)
{
    (void)state;
    const char *ws = th_ws("yr_recon");
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, FIXTURE, &d), STYR_OK);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    const styr_codes *codes = styr_ws_codes(w);
    styr_recon r;
    styr_recon_opts o = {NULL, 0, 1};
    assert_int_equal(styr_reconcile_yr(w, &o, &r, &d), STYR_OK);
    assert_int_equal(r.has_table, 1);
    assert_int_equal(r.nw, 62);
    assert_int_equal(r.ndiff, 6);
    /* the planted differences, and nothing else */
    check_diff(&r, codes, 2024, 6, "kontanthjaelp", 6, 80, 40, 2500.40, 1250.20, 1250.20);
    check_diff(&r, codes, 2024, 28, "kontanthjaelp", 28, 30, 30, 1937.65, 937.65, 1000.00);
    for (int k = 1; k <= 4; k++) check_diff(&r, codes, 2024, k, "dagpenge", k, 60, 20, 2400, 800, 1600);
    /* the restart: C's count goes on after W04 from 4, not from 17 */
    const styr_recon_week *x = find_week(&r, 2024, 6, "dagpenge", codes);
    assert_int_equal(x->n, 6);
    assert_false(x->differs);
    x = find_week(&r, 2022, 52, "dagpenge", codes);
    assert_int_equal(x->n, 13);
    assert_true(x->styr_sats == 60);
    /* the week with two benefits: kontanthjælp in a sygedagpenge week counts 4 */
    x = find_week(&r, 2024, 13, "kontanthjaelp", codes);
    assert_int_equal(x->n, 4);
    assert_true(x->styr_sats == 80);
    assert_false(x->differs);
    x = find_week(&r, 2024, 8, "uddannelseshjaelp", codes);
    assert_int_equal(x->n, 8);
    assert_true(x->styr_sats == 40 && x->styr_beloeb == 800);
    /* totals per month and group */
    check_total(&r, codes, 2022, 10, "dagpenge", 4, 0, 16000, 3200, 3200, 0);
    check_total(&r, codes, 2022, 11, "dagpenge", 4, 0, 16000, 9600, 9600, 0);
    check_total(&r, codes, 2022, 12, "dagpenge", 5, 0, 20000, 12000, 12000, 0);
    check_total(&r, codes, 2024, 1, "dagpenge", 4, 4, 16000, 9600, 3200, 6400);
    check_total(&r, codes, 2024, 2, "dagpenge", 2, 0, 8000, 4800, 4800, 0);
    check_total(&r, codes, 2024, 1, "kontanthjaelp", 4, 0, 12502, 10001.60, 10001.60, 0);
    check_total(&r, codes, 2024, 2, "kontanthjaelp", 5, 1, 15627.50, 7501.20, 6251.00, 1250.20);
    check_total(&r, codes, 2024, 3, "kontanthjaelp", 5, 0, 13002, 5400.80, 5400.80, 0);
    check_total(&r, codes, 2024, 4, "kontanthjaelp", 4, 0, 12502, 5000.80, 5000.80, 0);
    check_total(&r, codes, 2024, 5, "kontanthjaelp", 5, 0, 15627.50, 6251.00, 6251.00, 0);
    check_total(&r, codes, 2024, 6, "kontanthjaelp", 4, 0, 12502, 5000.80, 5000.80, 0);
    check_total(&r, codes, 2024, 7, "kontanthjaelp", 4, 1, 12502, 4750.60, 3750.60, 1000.00);
    check_total(&r, codes, 2024, 1, "uddannelseshjaelp", 4, 0, 8000, 6400, 6400, 0);
    check_total(&r, codes, 2024, 2, "uddannelseshjaelp", 4, 0, 8000, 3200, 3200, 0);
    check_total(&r, codes, 2024, 3, "sygedagpenge", 4, 0, 18000, 14400, 14400, 0);
    check_total(&r, codes, 0, 0, "dagpenge", 19, 4, 76000, 39200, 32800, 6400);
    check_total(&r, codes, 0, 0, "kontanthjaelp", 31, 2, 94265, 43906.80, 41656.60, 2250.20);
    check_total(&r, codes, 0, 0, "uddannelseshjaelp", 8, 0, 16000, 9600, 9600, 0);
    check_total(&r, codes, 0, 0, "sygedagpenge", 4, 0, 18000, 14400, 14400, 0);
    assert_int_equal(r.nt, 15 + 4);
    styr_recon_free(&r);

    /* one month, one municipality: the count still comes from every week */
    styr_period m;
    assert_int_equal(styr_period_parse("2024M01", &m), 0);
    styr_recon_opts o2 = {&m, 461, 1};
    assert_int_equal(styr_reconcile_yr(w, &o2, &r, &d), STYR_OK);
    assert_int_equal(r.nw, 8); /* A and C, W01-W04 */
    assert_int_equal(r.ndiff, 4);
    check_diff(&r, codes, 2024, 3, "dagpenge", 3, 60, 20, 2400, 800, 1600);
    styr_recon_free(&r);
    styr_ws_close(w);

    /* a workspace without Ydelsesrefusion */
    const char *ws2 = th_ws("yr_none");
    assert_int_equal(styr_ws_open(ws2, STYR_WS_READ, &w, &d), STYR_OK);
    assert_int_equal(styr_reconcile_yr(w, &o, &r, &d), STYR_OK);
    assert_int_equal(r.has_table, 0);
    assert_int_equal(r.nw, 0);
    styr_ws_close(w);
    styr_diags_free(&d);
}

/* Two benefits in one week: the one that counts on the trappe is the panel's
 * week even when the other paid more, so the count goes on (refusion.md: a
 * week with a covered benefit adds 1). */
static void test_two_benefits(void **state)
{
    (void)state;
    const char *ws = th_ws("yr_two");
    char text[1024];
    snprintf(text, sizeof text,
             "%s"
             "2024-W01;010190-1111;Kontanthjælp;Odense;3.000,00;80;2.400,00;0;0\n"
             "2024-W02;010190-1111;Kontanthjælp;Odense;3.000,00;80;2.400,00;0;0\n"
             "2024-W03;010190-1111;Førtidspension;Odense;6.000,00;35;2.100,00;0;0\n"
             "2024-W03;010190-1111;Kontanthjælp;Odense;500,00;80;400,00;0;0\n"
             "2024-W04;010190-1111;Kontanthjælp;Odense;3.000,00;80;2.400,00;0;0\n"
             "2024-W05;010190-1111;Kontanthjælp;Odense;3.000,00;80;2.400,00;0;0\n",
             hdr);
    styr_diags d;
    styr_diags_init(&d);
    styr_import_result res;
    const char *f = th_file("yr-ydelsesrefusion-beregning-to.csv", text);
    assert_int_equal(th_import(ws, &f, 1, 0, &d, &res), STYR_OK);
    assert_int_equal(res.weeks, 5);
    assert_int_equal(res.runs, 1); /* five weeks of kontanthjælp */
    assert_int_equal(res.yr_multi, 1);
    styr_import_result_free(&res);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    const styr_codes *codes = styr_ws_codes(w);
    styr_recon r;
    styr_recon_opts o = {NULL, 0, 1};
    assert_int_equal(styr_reconcile_yr(w, &o, &r, &d), STYR_OK);
    assert_int_equal(r.nw, 6);
    /* W05 is the 5th week on the trappe: the state's 80 pct. should be 40 */
    assert_int_equal(r.ndiff, 1);
    check_diff(&r, codes, 2024, 5, "kontanthjaelp", 5, 80, 40, 2400, 1200, 1200);
    const styr_recon_week *x = find_week(&r, 2024, 3, "foertidspension", codes);
    assert_int_equal(x->n, 3);
    assert_true(x->styr_sats == 35); /* refusion.csv: førtidspension 35 pct., no trappe */
    assert_false(x->differs);
    x = find_week(&r, 2024, 3, "kontanthjaelp", codes);
    assert_int_equal(x->n, 3);
    assert_false(x->differs);
    styr_recon_free(&r);
    styr_ws_close(w);
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cpr),           cmocka_unit_test(test_mask),
        cmocka_unit_test(test_pseudonym),
        cmocka_unit_test(test_week_forms),    cmocka_unit_test(test_import),
        cmocka_unit_test(test_older_workspace_gets_key), cmocka_unit_test(test_errors),
        cmocka_unit_test(test_reconcile),     cmocka_unit_test(test_two_benefits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
