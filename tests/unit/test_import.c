/* Tests of imports: every format, every error with its position and message,
 * duplicates, and the all-or-nothing rule. */
#include "harness.h"

#include <readstat.h>

#define HDR "person;uge;kommune;ydelse;tilbud;timer\n"

static void test_long_basic(void **state)
{
    (void)state;
    const char *ws = th_ws("basic.ws");
    const char *f = th_file("basic.csv", HDR
                            "A;2024-W01;101;kontanthjaelp;;\n"
                            "A;2024-W02;101;kontanthjaelp;;\n"
                            "A;2024-W03;101;kontanthjaelp;;\n"
                            "A;2024-W04;101;kontanthjaelp;;\n"
                            "B;2024-W01;101;kontanthjaelp;praktik;\n"
                            "B;2024-W02;101;kontanthjaelp;praktik;\n"
                            "B;2024-W20;461;;;37\n");
    styr_diags d;
    styr_diags_init(&d);
    styr_import_result res;
    assert_int_equal(th_import(ws, &f, 1, 0, &d, &res), STYR_OK);
    assert_int_equal(res.nfiles, 1);
    assert_int_equal(res.files[0].kind, STYR_T_LONG);
    assert_int_equal(res.files[0].rows, 7);
    assert_int_equal(res.files[0].sep, ';');
    assert_int_equal(res.files[0].enc, STYR_ENC_ASCII);
    assert_int_equal(res.persons, 2);
    assert_int_equal(res.persons_new, 2);
    assert_int_equal(res.weeks, 7);
    assert_int_equal(res.generation, 1);
    assert_true(res.committed);
    styr_import_result_free(&res);
    th_assert_panel(ws, "A: 2024-W01+4 101 kontanthjaelp - 0\n"
                        "B: 2024-W01+2 101 kontanthjaelp praktik 0; 2024-W20+1 461 - - 37\n");
    styr_diags_free(&d);
}

static void test_encodings_separators_decimals(void **state)
{
    (void)state;
    const char *ws = th_ws("enc.ws");
    /* Windows-1252, ',' separator, decimal comma in quotes, Danish spellings, DREAM week codes */
    const char *f1 = th_file("cp1252.csv", "person,uge,kommune,ydelse,tilbud,timer\r\n"
                                           "P\xD8,2405,461,Kontanthj\xE6lp,l\xF8ntilskud,\"7,5\"\r\n"
                                           "P\xD8,2406,461,Kontanthj\xE6lp,l\xF8ntilskud,\"7,5\"\r\n");
    /* UTF-8 with BOM, tab separator, decimal point, columns in another order */
    const char *f2 = th_file("tab.tsv", "\xEF\xBB\xBFuge\tperson\tydelse\ttilbud\tkommune\ttimer\n"
                                        "2024W10\tÆble\tSYGEDAGPENGE\t\t851\t12.25\n");
    styr_diags d;
    styr_diags_init(&d);
    styr_import_result res;
    const char *files[] = {f1, f2};
    assert_int_equal(th_import(ws, files, 2, 0, &d, &res), STYR_OK);
    assert_int_equal(res.files[0].enc, STYR_ENC_CP1252);
    assert_int_equal(res.files[0].sep, ',');
    assert_int_equal(res.files[0].decimal, ',');
    assert_int_equal(res.files[1].enc, STYR_ENC_UTF8);
    assert_int_equal(res.files[1].sep, '\t');
    assert_int_equal(res.files[1].decimal, '.');
    styr_import_result_free(&res);
    /* ids are stored as UTF-8 whatever the file's encoding; 12,25 hours round to 12,3 (tenths) */
    th_assert_panel(ws, "PØ: 2024-W05+2 461 kontanthjaelp loentilskud 7.5\n"
                        "Æble: 2024-W10+1 851 sygedagpenge - 12.3\n");
    styr_diags_free(&d);
}

static void test_every_error_named(void **state)
{
    (void)state;
    const char *ws = th_ws("err.ws");
    const char *f = th_file("bad.csv", HDR
                            "P1;2024-W54;101;dagpenge;;\n"     /* 2 */
                            "P2;2024-W01;999;dagpenge;;\n"     /* 3 */
                            "P3;2024-W01;101;kontant;;\n"      /* 4 */
                            "P4;2024-W01;101;dagpenge;kursus;\n" /* 5 */
                            "P5;2024-W01;101;dagpenge;;abc\n"  /* 6 */
                            "P6;2024-W01;101;dagpenge;;200\n"  /* 7 */
                            ";2024-W01;101;dagpenge;;\n"       /* 8 */
                            "P8;2024-W01;101;dagpenge\n"       /* 9 */
                            "P9;2024-W01;101;;praktik;\n"      /* 10 */
                            "P10;1985-W01;101;dagpenge;;\n"    /* 11 */
                            "P11;2024-W01;;dagpenge;;\n");     /* 12 */
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, f, &d), STYR_EINPUT);
    const styr_diag *g;
    g = th_find(&d, D_BAD_WEEK);
    assert_non_null(g);
    assert_string_equal(g->file, f);
    assert_true(g->line == 2 && g->col == 2);
    assert_string_equal(g->colname, "uge");
    assert_string_equal(g->value, "2024-W54");
    assert_int_equal(g->expected, X_WEEK);
    g = th_find(&d, D_UNKNOWN_YDELSE);
    assert_true(g && g->line == 4 && g->col == 4 && !strcmp(g->value, "kontant") && g->expected == X_YDELSE);
    g = th_find(&d, D_UNKNOWN_TILBUD);
    assert_true(g && g->line == 5 && g->col == 5 && !strcmp(g->value, "kursus") && g->expected == X_TILBUD);
    g = th_find(&d, D_BAD_TIMER);
    assert_true(g && g->line == 6 && g->col == 6 && !strcmp(g->value, "abc") && g->expected == X_TIMER);
    assert_true(d.v[d.n - 1].what != D_BAD_TIMER || d.v[d.n - 1].line != 6);
    g = th_find(&d, D_BAD_PERSON);
    assert_true(g && g->line == 8 && g->col == 1 && g->expected == X_PERSON);
    g = th_find(&d, D_FIELDS);
    assert_true(g && g->line == 9 && !strcmp(g->value, "4/6"));
    g = th_find(&d, D_TILBUD_NO_YDELSE);
    assert_true(g && g->line == 10 && g->col == 5);
    g = th_find(&d, D_WEEK_RANGE);
    assert_true(g && g->line == 11 && !strcmp(g->value, "1985-W01") && g->expected == X_WEEK_RANGE);
    /* the empty municipality is a value error; 999 an unknown code */
    int empty_kom = 0;
    for (size_t i = 0; i < d.n; i++) empty_kom |= d.v[i].what == D_BAD_KOMMUNE && d.v[i].line == 12;
    assert_true(empty_kom);
    g = th_find(&d, D_BAD_KOMMUNE);
    assert_non_null(g);
    int found999 = 0;
    for (size_t i = 0; i < d.nunknown; i++)
        found999 |= d.unknown[i].what == D_BAD_KOMMUNE && !strcmp(d.unknown[i].value, "999") && d.unknown[i].line == 3;
    assert_true(found999);
    /* 200 hours is out of range too: two timer errors (lines 6 and 7) */
    int timer_errors = 0;
    for (size_t i = 0; i < d.n; i++) timer_errors += d.v[i].what == D_BAD_TIMER;
    assert_int_equal(timer_errors, 2);
    styr_diags_free(&d);
    th_assert_panel(ws, ""); /* nothing was imported */
}

static void test_unknown_codes_tallied(void **state)
{
    (void)state;
    const char *ws = th_ws("unk.ws");
    char *text = malloc(1 << 16);
    size_t o = (size_t)sprintf(text, HDR);
    for (int i = 0; i < 25; i++) o += (size_t)sprintf(text + o, "P%d;2024-W01;101;ukendt%02d;;\n", i, i);
    for (int i = 0; i < 100; i++) o += (size_t)sprintf(text + o, "Q%d;2024-W01;101;ukendt00;;\n", i);
    const char *f = th_file("unk.csv", text);
    free(text);
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, f, &d), STYR_EINPUT);
    assert_int_equal(d.nunknown, STYR_DIAG_KEEP);  /* the first 20 listed */
    assert_int_equal(d.unknown_distinct, 25);      /* all counted */
    assert_int_equal(d.unknown_occurrences, 125);
    assert_string_equal(d.unknown[0].value, "ukendt00");
    assert_int_equal(d.unknown[0].count, 101);
    assert_int_equal(d.unknown[0].line, 2); /* first occurrence */
    assert_int_equal(d.unknown[1].count, 1);
    styr_diags_free(&d);
}

static void test_duplicates(void **state)
{
    (void)state;
    const char *ws = th_ws("dup.ws");
    styr_diags d;
    styr_diags_init(&d);
    /* within one file: both lines named */
    const char *f = th_file("dup1.csv", HDR "A;2024-W05;101;dagpenge;;\n"
                                            "A;2024-W06;101;dagpenge;;\n"
                                            "B;2024-W05;101;dagpenge;;\n"
                                            "A;2024-W05;101;kontanthjaelp;;\n");
    assert_int_equal(th_import1(ws, f, &d), STYR_EINPUT);
    const styr_diag *g = th_find(&d, D_DUP_WEEK);
    assert_non_null(g);
    assert_string_equal(g->value, "A 2024-W05");
    assert_true((g->line == 5 && g->line2 == 2) || (g->line == 2 && g->line2 == 5));
    assert_int_equal(g->expected, X_ONE_WEEK);
    styr_diags_free(&d);
    /* across two files of one import */
    styr_diags_init(&d);
    const char *f2 = th_file("dup2a.csv", HDR "A;2024-W01;101;dagpenge;;\nA;2024-W02;101;dagpenge;;\n");
    const char *f3 = th_file("dup2b.csv", HDR "C;2024-W01;101;dagpenge;;\nA;2024-W02;101;sygedagpenge;;\n");
    const char *both[] = {f2, f3};
    assert_int_equal(th_import(ws, both, 2, 0, &d, NULL), STYR_EINPUT);
    g = th_find(&d, D_DUP_WEEK);
    assert_non_null(g);
    assert_true((!strcmp(g->file, f3) && g->line == 3 && !strcmp(g->file2, f2) && g->line2 == 3) ||
                (!strcmp(g->file, f2) && g->line == 3 && !strcmp(g->file2, f3) && g->line2 == 3));
    styr_diags_free(&d);
    /* against the panel: a second import may not give a week again */
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, f2, &d), STYR_OK);
    const char *f4 = th_file("dup3.csv", HDR "A;2024-W03;101;dagpenge;;\nA;2024-W02;101;dagpenge;;\n");
    uint64_t before = th_dir_checksum(ws);
    assert_int_equal(th_import1(ws, f4, &d), STYR_EINPUT);
    g = th_find(&d, D_DUP_PANEL);
    assert_non_null(g);
    assert_string_equal(g->file, f4);
    assert_int_equal(g->line, 3);
    assert_string_equal(g->value, "A 2024-W02");
    assert_int_equal(th_dir_checksum(ws), before);
    styr_diags_free(&d);
    /* a new run overlapping an old one that started earlier */
    styr_diags_init(&d);
    const char *f5 = th_file("dup4.csv", HDR "A;2023-W52;101;dagpenge;;\nA;2024-W01;101;dagpenge;;\n");
    assert_int_equal(th_import1(ws, f5, &d), STYR_EINPUT);
    g = th_find(&d, D_DUP_PANEL);
    assert_true(g && g->line == 3 && !strcmp(g->value, "A 2024-W01"));
    styr_diags_free(&d);
}

static void test_all_or_nothing(void **state)
{
    (void)state;
    const char *ws = th_ws("aon.ws");
    styr_diags d;
    styr_diags_init(&d);
    const char *good = th_file("aon1.csv", HDR "A;2024-W01;101;dagpenge;;\nB;2024-W01;147;sygedagpenge;;\n");
    assert_int_equal(th_import1(ws, good, &d), STYR_OK);
    uint64_t before = th_dir_checksum(ws);
    /* a good file, a population file and a bad one in one import: nothing may change */
    const char *good2 = th_file("aon2.csv", HDR "C;2024-W01;101;dagpenge;;\n");
    const char *pop = th_file("aon-pop.csv", "kommune;aar;alder;antal\n101;2024;30;1234\n");
    const char *bad = th_file("aon3.csv", HDR "D;2024-W01;101;dagpenge;;\nE;2024-X01;101;dagpenge;;\n");
    const char *files[] = {good2, pop, bad};
    assert_int_equal(th_import(ws, files, 3, 0, &d, NULL), STYR_EINPUT);
    assert_int_equal(th_dir_checksum(ws), before);
    /* --check validates without writing, even when all is well */
    styr_diags_free(&d);
    styr_diags_init(&d);
    styr_import_result res;
    const char *ok[] = {good2, pop};
    assert_int_equal(th_import(ws, ok, 2, 1, &d, &res), STYR_OK);
    assert_false(res.committed);
    assert_int_equal(res.weeks_new, 1);
    assert_int_equal(res.persons_new, 1);
    styr_import_result_free(&res);
    assert_int_equal(th_dir_checksum(ws), before);
    /* a missing file: nothing written either */
    const char *missing[] = {good2, th_path("does-not-exist.csv")};
    assert_int_equal(th_import(ws, missing, 2, 0, &d, NULL), STYR_ENOENT);
    assert_int_equal(th_dir_checksum(ws), before);
    styr_diags_free(&d);
    th_assert_panel(ws, "A: 2024-W01+1 101 dagpenge - 0\nB: 2024-W01+1 147 sygedagpenge - 0\n");
}

static void test_reimport_adds_and_coalesces(void **state)
{
    (void)state;
    const char *ws = th_ws("add.ws");
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, th_file("add1.csv", HDR "B;2024-W01;101;dagpenge;;\nB;2024-W02;101;dagpenge;;\n"), &d),
                     STYR_OK);
    styr_import_result res;
    const char *f = th_file("add2.csv", HDR "B;2024-W03;101;dagpenge;;\nB;2024-W04;101;dagpenge;;\n"
                                            "A;2024-W04;101;dagpenge;;\n");
    assert_int_equal(th_import(ws, &f, 1, 0, &d, &res), STYR_OK);
    assert_int_equal(res.persons_new, 1);
    assert_int_equal(res.weeks_new, 3);
    assert_int_equal(res.weeks, 5);
    assert_int_equal(res.generation, 2);
    styr_import_result_free(&res);
    /* B's four weeks are one run although they came in two imports; ids sorted */
    th_assert_panel(ws, "A: 2024-W04+1 101 dagpenge - 0\nB: 2024-W01+4 101 dagpenge - 0\n");
    /* unsorted input is sorted */
    assert_int_equal(th_import1(ws, th_file("add3.csv", HDR "C;2024-W09;101;dagpenge;;\nC;2024-W07;101;dagpenge;;\n"
                                                            "A;2024-W01;101;dagpenge;;\nC;2024-W08;101;dagpenge;;\n"),
                                &d),
                     STYR_OK);
    th_assert_panel(ws, "A: 2024-W01+1 101 dagpenge - 0; 2024-W04+1 101 dagpenge - 0\n"
                        "B: 2024-W01+4 101 dagpenge - 0\n"
                        "C: 2024-W07+3 101 dagpenge - 0\n");
    styr_diags_free(&d);
}

static void test_dream_wide(void **state)
{
    (void)state;
    const char *ws = th_ws("dream.ws");
    styr_diags d;
    styr_diags_init(&d);
    const char *f = th_file("dream.csv", "pnr;kommune;koen;foedt;y_2401;y_2402;y_2403;y_2404;y_2405\n"
                                         "X;461;K;1990-03-08;890;890;;111;651\n"
                                         "Y;101;1;1985;215;215;111;111;\n");
    assert_int_equal(th_import1(ws, f, &d), STYR_OK);
    /* 651 (SU) is a week in education (issue 14), no public support */
    th_assert_panel(ws, "X 19900308 K: 2024-W01+2 461 sygedagpenge - 0; 2024-W04+1 461 dagpenge - 0; "
                        "2024-W05+1 461 uddannelse - 0\n"
                        "Y 19850000 M: 2024-W01+2 101 dagpenge praktik 0; 2024-W03+2 101 dagpenge - 0\n");
    /* unknown codes are tallied with their column; a DREAM file without municipality needs --kommune */
    const char *bad = th_file("dream-bad.csv", "pnr;y_2410;y_2411\nZ;555;555\n");
    assert_int_equal(th_import1(ws, bad, &d), STYR_EINPUT);
    const styr_diag *g = th_find(&d, D_NO_KOMMUNE);
    assert_true(g && g->expected == X_KOMMUNE_COLUMN);
    styr_diags_free(&d);
    styr_diags_init(&d);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, &w, &d), STYR_OK);
    styr_import_opts o = {.default_kommune = 851};
    styr_import_result res;
    assert_int_equal(styr_import(w, &bad, 1, &o, &res, &d), STYR_EINPUT);
    assert_int_equal(d.unknown_occurrences, 2);
    assert_string_equal(d.unknown[0].value, "555");
    assert_string_equal(d.unknown[0].colname, "y_2410");
    assert_int_equal(d.unknown[0].col, 2);
    styr_import_result_free(&res);
    styr_diags_free(&d);
    styr_diags_init(&d);
    const char *ok = th_file("dream-ok.csv", "pnr;y_2410;y_2411\nZ;701;511\n");
    assert_int_equal(styr_import(w, &ok, 1, &o, &res, &d), STYR_OK);
    styr_import_result_free(&res);
    styr_ws_close(w);
    char *t = th_panel_text(ws);
    assert_non_null(strstr(t, "Z: 2024-W10+1 851 kontanthjaelp - 0; 2024-W11+1 851 kontanthjaelp loentilskud 0\n"));
    free(t);
    styr_diags_free(&d);
}

/* ---- statistical files written with ReadStat ---------------------------------------- */

static ssize_t write_bytes(const void *data, size_t len, void *ctx) { return (ssize_t)fwrite(data, 1, len, ctx); }

typedef readstat_error_t (*begin_fn)(readstat_writer_t *, void *, long);

static const char *write_long_stat(const char *name, begin_fn begin)
{
    const char *path = th_path(name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    readstat_writer_t *w = readstat_writer_init();
    readstat_set_data_writer(w, write_bytes);
    readstat_variable_t *v[6];
    v[0] = readstat_add_variable(w, "person", READSTAT_TYPE_STRING, 8);
    v[1] = readstat_add_variable(w, "uge", READSTAT_TYPE_DOUBLE, 0); /* DREAM style YYWW as a number */
    v[2] = readstat_add_variable(w, "kommune", READSTAT_TYPE_DOUBLE, 0);
    v[3] = readstat_add_variable(w, "ydelse", READSTAT_TYPE_STRING, 16);
    v[4] = readstat_add_variable(w, "tilbud", READSTAT_TYPE_STRING, 16);
    v[5] = readstat_add_variable(w, "timer", READSTAT_TYPE_DOUBLE, 0);
    static const struct { const char *p; double uge, kom; const char *y, *t; double timer; } rows[] = {
        {"A", 2401, 101, "kontanthjaelp", "", 0}, {"A", 2402, 101, "kontanthjaelp", "", 0},
        {"B", 2401, 461, "dagpenge", "praktik", 0}, {"B", 2403, 461, "", "", 37.5},
    };
    assert_int_equal(begin(w, f, 4), READSTAT_OK);
    for (size_t i = 0; i < 4; i++) {
        readstat_begin_row(w);
        readstat_insert_string_value(w, v[0], rows[i].p);
        readstat_insert_double_value(w, v[1], rows[i].uge);
        readstat_insert_double_value(w, v[2], rows[i].kom);
        readstat_insert_string_value(w, v[3], rows[i].y);
        readstat_insert_string_value(w, v[4], rows[i].t);
        readstat_insert_double_value(w, v[5], rows[i].timer);
        readstat_end_row(w);
    }
    assert_int_equal(readstat_end_writing(w), READSTAT_OK);
    readstat_writer_free(w);
    fclose(f);
    return path;
}

static void test_statistical_files(void **state)
{
    (void)state;
    static const char want[] = "A: 2024-W01+2 101 kontanthjaelp - 0\n"
                               "B: 2024-W01+1 461 dagpenge praktik 0; 2024-W03+1 461 - - 37.5\n";
    struct { const char *file; begin_fn begin; } cases[] = {
        {"long.sas7bdat", readstat_begin_writing_sas7bdat},
        {"long.dta", readstat_begin_writing_dta},
        {"long.sav", readstat_begin_writing_sav},
        {"long.xpt", readstat_begin_writing_xport},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char wsname[64];
        snprintf(wsname, sizeof wsname, "stat%zu.ws", i);
        const char *ws = th_ws(wsname);
        const char *f = write_long_stat(cases[i].file, cases[i].begin);
        styr_diags d;
        styr_diags_init(&d);
        styr_import_result res;
        styr_rc rc = th_import(ws, &f, 1, 0, &d, &res);
        if (rc) th_dump(&d);
        assert_int_equal(rc, STYR_OK);
        assert_true(res.files[0].statfile);
        assert_int_equal(res.files[0].rows, 4);
        styr_import_result_free(&res);
        th_assert_panel(ws, want);
        styr_diags_free(&d);
    }
}

static void test_sas_dream_with_error_rows(void **state)
{
    (void)state;
    const char *path = th_path("dream.sas7bdat");
    FILE *f = fopen(path, "wb");
    readstat_writer_t *w = readstat_writer_init();
    readstat_set_data_writer(w, write_bytes);
    readstat_variable_t *p = readstat_add_variable(w, "PNR", READSTAT_TYPE_STRING, 10);
    readstat_variable_t *k = readstat_add_variable(w, "kommune", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_t *y1 = readstat_add_variable(w, "y_2401", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_t *y2 = readstat_add_variable(w, "y_2402", READSTAT_TYPE_DOUBLE, 0);
    assert_int_equal(readstat_begin_writing_sas7bdat(w, f, 2), READSTAT_OK);
    readstat_begin_row(w);
    readstat_insert_string_value(w, p, "R1");
    readstat_insert_double_value(w, k, 461);
    readstat_insert_double_value(w, y1, 890);
    readstat_insert_missing_value(w, y2);
    readstat_end_row(w);
    readstat_begin_row(w);
    readstat_insert_string_value(w, p, "R2");
    readstat_insert_double_value(w, k, 462); /* not a municipality */
    readstat_insert_double_value(w, y1, 111);
    readstat_insert_double_value(w, y2, 111);
    readstat_end_row(w);
    assert_int_equal(readstat_end_writing(w), READSTAT_OK);
    readstat_writer_free(w);
    fclose(f);
    const char *ws = th_ws("sasdream.ws");
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, path, &d), STYR_EINPUT);
    assert_int_equal(d.nunknown, 1);
    assert_string_equal(d.unknown[0].value, "462");
    assert_int_equal(d.unknown[0].line, 2); /* the observation number */
    assert_string_equal(d.unknown[0].colname, "kommune");
    styr_diags_free(&d);
}

static void test_persons_and_population(void **state)
{
    (void)state;
    const char *ws = th_ws("pp.ws");
    styr_diags d;
    styr_diags_init(&d);
    const char *persons = th_file("personer.csv", "person;foedt;koen\nA;1990-03-08;K\nB;1985;m\nC;;\n");
    const char *weeks = th_file("w.csv", HDR "A;2024-W01;101;dagpenge;;\n");
    const char *pop = th_file("pop.csv", "kommune;aar;alder;antal\n101;2024;30;1234\n101;2024;31;1200\n");
    const char *files[] = {persons, weeks, pop};
    styr_import_result res;
    assert_int_equal(th_import(ws, files, 3, 0, &d, &res), STYR_OK);
    assert_int_equal(res.files[0].kind, STYR_T_PERSONS);
    assert_int_equal(res.files[2].kind, STYR_T_POPULATION);
    assert_int_equal(res.pop_rows, 2);
    styr_import_result_free(&res);
    th_assert_panel(ws, "A 19900308 K: 2024-W01+1 101 dagpenge - 0\nB 19850000 M:\nC:\n");
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(styr_ws_db(w), "SELECT antal FROM befolkning WHERE kommune=101 AND aar=2024 AND alder=30",
                                        -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1234);
    sqlite3_finalize(st);
    styr_ws_close(w);
    /* the same person with other data: a conflict, within a file and against the panel */
    const char *conflict = th_file("conflict.csv", "person;foedt;koen\nD;1970;K\nD;1971;K\n");
    assert_int_equal(th_import1(ws, conflict, &d), STYR_EINPUT);
    const styr_diag *g = th_find(&d, D_CONFLICT_PERSON);
    assert_true(g && g->line == 3 && g->line2 == 2 && g->expected == X_SAME_PERSON);
    styr_diags_free(&d);
    styr_diags_init(&d);
    const char *conflict2 = th_file("conflict2.csv", "person;foedt;koen\nA;1991-03-08;K\n");
    assert_int_equal(th_import1(ws, conflict2, &d), STYR_EINPUT);
    g = th_find(&d, D_CONFLICT_PERSON);
    assert_true(g && g->line == 2 && !strcmp(g->value, "A"));
    styr_diags_free(&d);
    /* population: duplicate keys, bad values */
    styr_diags_init(&d);
    const char *badpop = th_file("badpop.csv", "kommune;aar;alder;antal\n101;2024;30;5\n101;2024;30;6\n101;1800;30;5\n"
                                               "101;2024;130;5\n101;2024;30;-1\n");
    assert_int_equal(th_import1(ws, badpop, &d), STYR_EINPUT);
    assert_non_null(th_find(&d, D_BAD_YEAR));
    assert_non_null(th_find(&d, D_BAD_AGE));
    g = th_find(&d, D_BAD_INT);
    assert_true(g && g->line == 6 && !strcmp(g->colname, "antal"));
    styr_diags_free(&d);
    styr_diags_init(&d);
    const char *duppop = th_file("duppop.csv", "kommune;aar;alder;antal\n101;2024;30;5\n101;2024;30;6\n");
    assert_int_equal(th_import1(ws, duppop, &d), STYR_EINPUT);
    g = th_find(&d, D_DUP_ROW);
    assert_true(g && g->line == 3 && g->line2 == 2);
    styr_diags_free(&d);
}

static void test_header_and_empty(void **state)
{
    (void)state;
    const char *ws = th_ws("hdr.ws");
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, th_file("h1.csv", "a;b;c\n1;2;3\n"), &d), STYR_EINPUT);
    const styr_diag *g = th_find(&d, D_HEADER);
    assert_true(g && g->line == 1 && !strcmp(g->value, "a;b;c") && g->expected == X_HEADER);
    styr_diags_free(&d);
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, th_file("h2.csv", ""), &d), STYR_EINPUT);
    assert_non_null(th_find(&d, D_EMPTY_FILE));
    styr_diags_free(&d);
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, th_file("h3.csv", HDR), &d), STYR_EINPUT);
    assert_non_null(th_find(&d, D_EMPTY_FILE));
    styr_diags_free(&d);
    styr_diags_init(&d);
    /* a long file with an extra column is not silently accepted */
    assert_int_equal(th_import1(ws, th_file("h4.csv", "person;uge;kommune;ydelse;tilbud;timer;note\n"), &d), STYR_EINPUT);
    assert_non_null(th_find(&d, D_HEADER));
    styr_diags_free(&d);
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, th_file("h5.csv", "person;uge;uge;kommune;ydelse;tilbud\n"), &d), STYR_EINPUT);
    assert_non_null(th_find(&d, D_DUP_COLUMN));
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_basic),
        cmocka_unit_test(test_encodings_separators_decimals),
        cmocka_unit_test(test_every_error_named),
        cmocka_unit_test(test_unknown_codes_tallied),
        cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_all_or_nothing),
        cmocka_unit_test(test_reimport_adds_and_coalesces),
        cmocka_unit_test(test_dream_wide),
        cmocka_unit_test(test_statistical_files),
        cmocka_unit_test(test_sas_dream_with_error_rows),
        cmocka_unit_test(test_persons_and_population),
        cmocka_unit_test(test_header_and_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
