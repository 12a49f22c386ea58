/* test_durable: what must never leave a workspace half-written or locked
 * (issue 11, part 2): truncated statistical files are refused, non-regular
 * inputs are refused without blocking, a reader rolls back the hot journal of
 * a killed writer, and leftovers go only when the catalog's panel is there.
 * The injected write failures and the kills are in tests/fault/. */
#include "harness.h"

#include <fcntl.h>
#include <readstat.h>
#include <sqlite3.h>
#include <sys/wait.h>

static ssize_t write_bytes(const void *data, size_t len, void *ctx) { return (ssize_t)fwrite(data, 1, len, ctx); }

typedef readstat_error_t (*begin_fn)(readstat_writer_t *, void *, long);

/* A long-format file of n observations (10 persons x n/10 weeks). */
static const char *write_stat(const char *name, begin_fn begin, int n)
{
    const char *path = th_path(name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    readstat_writer_t *w = readstat_writer_init();
    readstat_set_data_writer(w, write_bytes);
    readstat_variable_t *v0 = readstat_add_variable(w, "person", READSTAT_TYPE_STRING, 8);
    readstat_variable_t *v1 = readstat_add_variable(w, "uge", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_t *v2 = readstat_add_variable(w, "kommune", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_t *v3 = readstat_add_variable(w, "ydelse", READSTAT_TYPE_STRING, 16);
    readstat_variable_t *v4 = readstat_add_variable(w, "tilbud", READSTAT_TYPE_STRING, 16);
    assert_int_equal(begin(w, f, n), READSTAT_OK);
    for (int i = 0; i < n; i++) {
        char p[16];
        snprintf(p, sizeof p, "P%d", i / 10);
        readstat_begin_row(w);
        readstat_insert_string_value(w, v0, p);
        readstat_insert_double_value(w, v1, 2401 + i % 10);
        readstat_insert_double_value(w, v2, 101);
        readstat_insert_string_value(w, v3, "kontanthjaelp");
        readstat_insert_string_value(w, v4, "");
        readstat_end_row(w);
    }
    assert_int_equal(readstat_end_writing(w), READSTAT_OK);
    readstat_writer_free(w);
    fclose(f);
    return path;
}

static void copy_prefix(const char *from, const char *to, long n)
{
    FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
    assert_non_null(a);
    assert_non_null(b);
    for (long i = 0; i < n; i++) fputc(fgetc(a), b);
    fclose(a);
    fclose(b);
}

static int has_diag(const styr_diags *d, styr_msg what, const char *file)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].what == what && d->v[i].file && !strcmp(d->v[i].file, file)) return 1;
    return 0;
}

/* Regression (issue 11): .xpt cut at 50 %, 75 % and 1 byte short imported with
 * exit 0 and the rows before the cut. Every format, every cut, is refused. */
static void test_truncated_stat_files(void **state)
{
    (void)state;
    char ws[8192]; /* th_path's buffers are reused */
    snprintf(ws, sizeof ws, "%s", th_ws("trunc.ws"));
    static const struct { const char *ext; begin_fn begin; } fmt[] = {
        {"sas7bdat", readstat_begin_writing_sas7bdat},
        {"dta", readstat_begin_writing_dta},
        {"sav", readstat_begin_writing_sav},
        {"xpt", readstat_begin_writing_xport},
    };
    for (size_t i = 0; i < sizeof fmt / sizeof fmt[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "whole.%s", fmt[i].ext);
        char whole_buf[8192];
        snprintf(whole_buf, sizeof whole_buf, "%s", write_stat(name, fmt[i].begin, 100));
        const char *whole = whole_buf;
        styr_diags d;
        styr_diags_init(&d);
        styr_import_result res;
        assert_int_equal(th_import(ws, &whole, 1, 1, &d, &res), STYR_OK);
        assert_int_equal(res.files[0].rows, 100);
        styr_import_result_free(&res);
        long size = (long)styr_file_size(whole);
        const long cuts[] = {size / 2, size * 3 / 4, size - 1};
        for (size_t c = 0; c < 3; c++) {
            snprintf(name, sizeof name, "cut%zu.%s", c, fmt[i].ext);
            const char *cut = th_path(name);
            copy_prefix(whole, cut, cuts[c]);
            styr_diags_free(&d);
            styr_rc rc = th_import(ws, &cut, 1, 1, &d, NULL);
            if (rc != STYR_EINPUT || !(has_diag(&d, D_TRUNCATED, cut) || has_diag(&d, D_READSTAT, cut))) {
                fprintf(stderr, "%s cut at %ld of %ld: rc %d, %s\n", fmt[i].ext, cuts[c], size, rc,
                        d.n ? d.v[0].value : d.sys);
                fail();
            }
        }
        styr_diags_free(&d);
    }
}

/* Regression (issue 11): a FIFO blocked forever; a directory and /dev/zero gave
 * "No such file or directory". Each is refused, by name, without blocking. */
static void test_not_regular_inputs(void **state)
{
    (void)state;
    const char *ws = th_ws("fifo.ws");
    const char *fifo = th_path("pipe.csv");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *dir = th_path("folder.csv");
    assert_int_equal(mkdir(dir, 0700), 0);
    const char *files[] = {fifo, dir, "/dev/zero", "/dev/urandom"};
    alarm(20); /* a FIFO that blocks fails the test instead of hanging it */
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import(ws, files, 4, 0, &d, NULL), STYR_EINPUT);
    alarm(0);
    for (size_t i = 0; i < 4; i++) assert_true(has_diag(&d, D_NOT_REGULAR, files[i]));
    styr_diags_free(&d);
}

/* A writer killed inside a transaction: the journal it leaves is rolled back
 * by the next reader (regression: every read command said "not a styr
 * workspace" until some write command ran). */
static void test_reader_rolls_back_hot_journal(void **state)
{
    (void)state;
    const char *ws = th_ws("hot.ws");
    styr_diags d;
    styr_diags_init(&d);
    assert_int_equal(th_import1(ws, th_file("hot.csv", "person;uge;kommune;ydelse;tilbud\nA;2024-W01;101;kontanthjaelp;\n"),
                                &d), STYR_OK);
    char cat[8192], journal[8192];
    snprintf(cat, sizeof cat, "%s/katalog.sqlite", ws);
    snprintf(journal, sizeof journal, "%s/katalog.sqlite-journal", ws);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        sqlite3 *db;
        if (sqlite3_open(cat, &db)) _exit(2);
        /* a one-page cache spills the changes into the database file */
        sqlite3_exec(db, "PRAGMA cache_size = 1; BEGIN IMMEDIATE;"
                         " UPDATE meta SET value = 'panel-999999.styr' WHERE key = 'panel_file';"
                         " DELETE FROM befolkning; DELETE FROM klynger;", NULL, NULL, NULL);
        _exit(0); /* killed: no COMMIT, no ROLLBACK */
    }
    int status;
    waitpid(pid, &status, 0);
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_true(styr_path_exists(journal));
    styr_ws *w = NULL;
    styr_rc rc = styr_ws_open(ws, STYR_WS_READ, &w, &d);
    if (rc) fprintf(stderr, "open: %s\n", d.sys);
    assert_int_equal(rc, STYR_OK);
    const styr_panel *p;
    assert_int_equal(styr_ws_panel(w, &p, &d), STYR_OK);
    assert_int_equal(styr_panel_generation(p), 1);
    /* a reader never writes */
    assert_int_not_equal(sqlite3_exec(styr_ws_db(w), "DELETE FROM meta", NULL, NULL, NULL), SQLITE_OK);
    styr_ws_close(w);
    assert_false(styr_path_exists(journal));
    styr_diags_free(&d);
}

static void touch(const char *ws, const char *name)
{
    char p[8192];
    snprintf(p, sizeof p, "%s/%s", ws, name);
    close(open(p, O_WRONLY | O_CREAT, 0644));
}

static int exists_in(const char *ws, const char *name)
{
    char p[8192];
    snprintf(p, sizeof p, "%s/%s", ws, name);
    return styr_path_exists(p);
}

/* panel-*.tmp-PID and unnamed panel files left by a kill go with the next
 * writer (not with a reader); nothing goes when the named panel is missing. */
static void test_leftovers(void **state)
{
    (void)state;
    const char *ws = th_ws("left.ws");
    touch(ws, "panel-000001.styr.tmp-4242");
    touch(ws, "panel-000007.styr");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *w = NULL;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    styr_ws_close(w);
    assert_true(exists_in(ws, "panel-000001.styr.tmp-4242"));
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, &w, &d), STYR_OK);
    styr_ws_close(w);
    assert_false(exists_in(ws, "panel-000001.styr.tmp-4242"));
    assert_false(exists_in(ws, "panel-000007.styr"));
    assert_true(exists_in(ws, "panel-000000.styr"));

    char p[8192];
    snprintf(p, sizeof p, "%s/panel-000000.styr", ws);
    assert_int_equal(unlink(p), 0);
    touch(ws, "panel-000003.styr");
    assert_int_equal(styr_ws_open(ws, STYR_WS_WRITE, &w, &d), STYR_OK);
    styr_ws_close(w);
    assert_true(exists_in(ws, "panel-000003.styr"));
    styr_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_truncated_stat_files),
        cmocka_unit_test(test_not_regular_inputs),
        cmocka_unit_test(test_reader_rolls_back_hot_journal),
        cmocka_unit_test(test_leftovers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
