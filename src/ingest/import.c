/* import: reading files into a batch and installing it. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../ws/secret.h"
#include "stat.h"
#include "yr.h"

#include <openssl/rand.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void styr_import_result_free(styr_import_result *res)
{
    if (!res) return;
    for (size_t i = 0; i < res->nfiles; i++) free(res->files[i].path);
    free(res->files);
    memset(res, 0, sizeof *res);
}

/* The workspace's pseudonym key, read when the first Ydelsesrefusion file
 * needs it (made under the write lock for a workspace older than the key). A
 * check without writing on a workspace that has none uses a key of its own:
 * nothing is kept, so the pseudonyms do not matter. */
typedef struct key_ctx {
    styr_ws *ws;
    int create;
    int state; /* 0 not read, 1 read, -1 failed */
    unsigned char key[STYR_CPR_KEYLEN];
} key_ctx;

typedef struct file_ctx {
    styr_reader r;
    const styr_import_opts *o;
    const char *path;
    int header_failed;
    key_ctx *key;
} file_ctx;

static int need_key(key_ctx *k, styr_diags *d)
{
    if (k->state == 0) {
        styr_rc rc = styr_ws_secret(k->ws, k->create, k->key, d);
        if (rc == STYR_ENOENT && !k->create) rc = RAND_bytes(k->key, sizeof k->key) == 1 ? STYR_OK : STYR_EIO;
        k->state = rc ? -1 : 1;
    }
    return k->state == 1 ? 0 : -1;
}

static int cb_header(void *p, const styr_field *f, size_t nf, uint64_t line)
{
    file_ctx *c = p;
    if (styr_reader_header(&c->r, f, nf, line)) { c->header_failed = 1; return -1; }
    if (c->r.kind == STYR_T_YR) {
        if (need_key(c->key, c->r.d)) { c->header_failed = 1; return -1; }
        c->r.yr_key = c->key->key;
    }
    /* a DREAM row holds all weeks of a person (one line); a long row one week;
     * a Ydelsesrefusion file's weeks are put together after reading */
    c->r.b->line_step[c->r.fidx] = c->r.kind == STYR_T_DREAM || c->r.kind == STYR_T_YR ? 0 : 1;
    return 0;
}

static int cb_row(void *p, const styr_field *f, size_t nf, uint64_t line)
{
    file_ctx *c = p;
    if (line > UINT32_MAX) return -1;
    return styr_reader_row(&c->r, f, nf, line);
}

static void cb_progress(void *p, uint64_t done, uint64_t total)
{
    file_ctx *c = p;
    if (c->o->progress) c->o->progress(c->o->progress_ctx, c->path, done, total);
}

static styr_rc read_csv(file_ctx *fc, styr_import_file *info, styr_diags *d)
{
    styr_map m;
    styr_rc rc = styr_map_file(fc->path, &m, d);
    if (rc) return rc;
    info->bytes = m.size;
    styr_csv c;
    styr_csv_init(&c, fc->path, m.data, m.size);
    int h = styr_csv_header(&c, d);
    if (h == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, fc->path, 0, 0, NULL, NULL, 0);
        rc = STYR_EINPUT;
        goto out;
    }
    if (h < 0 || cb_header(fc, c.f, c.nf, c.line)) { rc = STYR_EINPUT; goto out; }
    if (fc->r.kind == STYR_T_YR) {
        c.hide_col = fc->r.yr_col[1] + 1; /* the CPR column: never shown */
        d->mask_cpr = 1;                  /* nor a CPR number in another column */
    }
    int show = fc->o->progress && m.size >= fc->o->progress_min;
    size_t next_report = 0, next_release = 64u << 20;
    int got;
    while ((got = styr_csv_next(&c, d)) != 0) {
        if (got < 0) { fc->r.rows++; fc->r.bad_rows++; continue; }
        if (cb_row(fc, c.f, c.nf, c.line)) {
            rc = fc->r.b->oom ? styr_diag_sys(d, STYR_ENOMEM, "%s: the import does not fit in memory", fc->path)
                              : styr_diag_sys(d, STYR_ELIMIT, "%s: more than 4.294.967.295 lines", fc->path);
            goto out;
        }
        /* give back the pages already parsed, so a large file does not count as
         * resident memory (the fields of the current record lie after them) */
        if (styr_csv_offset(&c) >= next_release) {
            size_t upto = styr_csv_offset(&c) & ~(size_t)(4095);
            styr_map_release(&m, upto);
            next_release = styr_csv_offset(&c) + (64u << 20);
        }
        if (show && styr_csv_offset(&c) >= next_report) {
            fc->o->progress(fc->o->progress_ctx, fc->path, styr_csv_offset(&c), m.size);
            next_report = styr_csv_offset(&c) + (1u << 22);
        }
    }
    if (show) fc->o->progress(fc->o->progress_ctx, fc->path, m.size, m.size);
    if (fc->r.rows == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, fc->path, 0, 0, NULL, NULL, 0);
        rc = STYR_EINPUT;
    }
out:
    info->enc = c.enc;
    info->sep = c.sep;
    styr_csv_free(&c);
    styr_unmap(&m);
    return rc;
}

static styr_rc read_stat(file_ctx *fc, styr_import_file *info, styr_diags *d)
{
    int64_t sz = styr_file_size(fc->path);
    info->bytes = sz > 0 ? (uint64_t)sz : 0;
    info->statfile = 1;
    info->enc = STYR_ENC_UTF8;
    info->sep = 0;
    int show = fc->o->progress && info->bytes >= fc->o->progress_min;
    uint64_t rows = 0;
    styr_rc rc = styr_stat_read(fc->path, cb_header, cb_row, fc, show ? cb_progress : NULL, fc, &rows, d);
    if (rc == STYR_ENOMEM)
        rc = fc->r.b->oom ? styr_diag_sys(d, STYR_ENOMEM, "%s: the import does not fit in memory", fc->path)
                          : styr_diag_sys(d, STYR_ELIMIT, "%s: too many rows", fc->path);
    if (!rc && !fc->header_failed && fc->r.rows == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, fc->path, 0, 0, NULL, NULL, 0);
        rc = STYR_EINPUT;
    }
    return rc;
}

typedef struct txn_ctx {
    const styr_codes *codes;
    const styr_batch *b;
    const styr_import_opts *o;
    styr_import_result *res;
} txn_ctx;

static styr_rc txn(sqlite3 *db, void *p, uint32_t generation, uint64_t checksum, styr_diags *d)
{
    txn_ctx *t = p;
    sqlite3_stmt *st = NULL;
    styr_rc rc = STYR_OK;
    if (t->o->also && (rc = t->o->also(db, t->o->also_ctx, generation, checksum, d))) return rc;
    if (t->b->npop) {
        if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO befolkning(kommune, aar, alder, antal) VALUES(?,?,?,?)",
                               -1, &st, NULL))
            goto sqlerr;
        for (size_t i = 0; i < t->b->npop; i++) {
            const styr_bpop *x = &t->b->pop[i];
            sqlite3_reset(st);
            sqlite3_bind_int(st, 1, x->kommune);
            sqlite3_bind_int(st, 2, x->aar);
            sqlite3_bind_int(st, 3, x->alder);
            sqlite3_bind_int64(st, 4, x->antal);
            if (sqlite3_step(st) != SQLITE_DONE) goto sqlerr;
        }
        sqlite3_finalize(st);
        st = NULL;
    }
    char when[32], hex[17];
    time_t tt = time(NULL);
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (t->b->npop) {
        /* the source line of the population table says what replaced which years */
        char note[1024];
        unsigned y0 = 9999, y1 = 0;
        for (size_t i = 0; i < t->b->npop; i++) {
            if (t->b->pop[i].aar < y0) y0 = t->b->pop[i].aar;
            if (t->b->pop[i].aar > y1) y1 = t->b->pop[i].aar;
        }
        size_t o = (size_t)snprintf(note, sizeof note, " | %u-%u: ", y0, y1);
        if (t->o->pop_source) snprintf(note + o, sizeof note - o, "%s", t->o->pop_source);
        else {
            o += (size_t)snprintf(note + o, sizeof note - o, "importeret %s fra", when);
            for (size_t i = 0; i < t->res->nfiles && o < sizeof note; i++)
                if (t->res->files[i].kind == STYR_T_POPULATION)
                    o += (size_t)snprintf(note + o, sizeof note - o, " %s", t->res->files[i].path);
        }
        if (sqlite3_prepare_v2(db, "UPDATE kilder SET kilde = kilde || ? WHERE tabel = 'befolkning'", -1, &st, NULL))
            goto sqlerr;
        sqlite3_bind_text(st, 1, note, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_DONE) goto sqlerr;
        sqlite3_finalize(st);
        st = NULL;
    }
    styr_hex64(checksum, hex);
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO importer(tidspunkt, generation, panel_checksum, personer, personuger,"
                           " nye_personuger, kommando) VALUES(?,?,?,?,?,?,?)",
                           -1, &st, NULL))
        goto sqlerr;
    sqlite3_bind_text(st, 1, when, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, generation);
    sqlite3_bind_text(st, 3, hex, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)t->res->persons);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)t->res->weeks);
    sqlite3_bind_int64(st, 6, (sqlite3_int64)t->res->weeks_new);
    sqlite3_bind_text(st, 7, t->o->command ? t->o->command : "", -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) goto sqlerr;
    sqlite3_finalize(st);
    st = NULL;
    sqlite3_int64 id = sqlite3_last_insert_rowid(db);
    if ((rc = styr_yr_store(db, t->b, t->codes, id, d))) return rc;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO import_filer(import_id, fil, format, kodning, separator, decimal, raekker,"
                           " bytes) VALUES(?,?,?,?,?,?,?,?)",
                           -1, &st, NULL))
        goto sqlerr;
    for (size_t i = 0; i < t->res->nfiles; i++) {
        const styr_import_file *f = &t->res->files[i];
        char dec[2] = {f->decimal, 0};
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, f->path, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, styr_table_kind_name(f->kind), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, styr_encoding_name(f->enc), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, f->statfile ? "" : styr_sep_name(f->sep), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, dec, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 7, (sqlite3_int64)f->rows);
        sqlite3_bind_int64(st, 8, (sqlite3_int64)f->bytes);
        if (sqlite3_step(st) != SQLITE_DONE) goto sqlerr;
    }
    sqlite3_finalize(st);
    return rc;
sqlerr:
    rc = styr_sql_fail(db, d);
    sqlite3_finalize(st);
    return rc;
}

styr_rc styr_import_batch(styr_ws *ws, styr_batch *b, const styr_import_opts *o, styr_import_result *res,
                          styr_diags *d)
{
    double t0 = now();
    const styr_panel *old;
    styr_rc rc = styr_ws_panel(ws, &old, d);
    if (rc) return rc;
    if ((rc = styr_batch_check_pop(b, d))) return rc;
    styr_newpanel np;
    if ((rc = styr_batch_build(b, styr_panel_cols(old), &np, d))) return rc;
    res->persons = np.cols.npersons;
    res->persons_new = np.new_persons;
    res->runs = np.cols.nruns;
    res->weeks_new = np.new_weeks;
    res->weeks = styr_panel_weeks(old) + np.new_weeks;
    res->pop_rows = b->npop;
    res->yr_rows = b->nyr;
    res->yr_multi = b->yr_multi;
    double t1 = now();
    res->t_build = t1 - t0;
    if (o->check_only) {
        res->generation = styr_panel_generation(old);
        res->checksum = styr_panel_checksum(old);
        styr_newpanel_free(&np);
        return STYR_OK;
    }
    txn_ctx t = {styr_ws_codes(ws), b, o, res};
    rc = styr_ws_commit(ws, np.changed ? &np.cols : NULL, txn, &t, d);
    styr_newpanel_free(&np);
    if (rc) return rc;
    const styr_panel *cur;
    if ((rc = styr_ws_panel(ws, &cur, d))) return rc;
    res->generation = styr_panel_generation(cur);
    res->checksum = styr_panel_checksum(cur);
    res->weeks = styr_panel_weeks(cur);
    res->committed = 1;
    res->t_write = now() - t1;
    return STYR_OK;
}

styr_rc styr_import(styr_ws *ws, const char *const *paths, size_t n, const styr_import_opts *o,
                    styr_import_result *res, styr_diags *d)
{
    memset(res, 0, sizeof *res);
    if (n > STYR_BATCH_MAX_FILES) return styr_diag_sys(d, STYR_ELIMIT, "at most %d files per import", STYR_BATCH_MAX_FILES);
    res->files = styr_xcalloc(n ? n : 1, sizeof *res->files);
    styr_batch b;
    styr_batch_init(&b);
    styr_rc rc = STYR_OK, first_sys = STYR_OK;
    key_ctx key = {.ws = ws, .create = !o->check_only};
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        styr_import_file *info = &res->files[res->nfiles++];
        info->path = styr_xstrdup(paths[i]);
        styr_mask_cpr(info->path, strlen(info->path), 0); /* shown and logged: never a CPR number */
        /* a directory, FIFO or device is refused before anything opens it for
         * reading (a FIFO would block, /dev/zero never end) */
        const char *kind = NULL;
        if (styr_regular_file(paths[i], &kind) == 1) {
            styr_diag_add(d, D_NOT_REGULAR, X_REGULAR, paths[i], 0, 0, NULL, kind, strlen(kind));
            continue;
        }
        int stat = styr_stat_is(paths[i]);
        int fidx = styr_batch_file(&b, paths[i], 1);
        file_ctx fc = {.o = o, .path = paths[i], .key = &key};
        styr_reader_init(&fc.r, &b, styr_ws_codes(ws), d, paths[i], o->default_kommune);
        fc.r.fidx = (uint8_t)fidx;
        styr_rc one = stat ? read_stat(&fc, info, d) : read_csv(&fc, info, d);
        info->kind = fc.r.kind;
        info->rows = fc.r.rows;
        info->decimal = fc.r.decimal;
        styr_reader_free(&fc.r);
        if (one == STYR_ENOMEM || one == STYR_ELIMIT) { rc = one; goto out; }
        if (one && one != STYR_EINPUT && !first_sys) first_sys = one;
    }
    res->t_read = now() - t0;
    if (first_sys) { rc = first_sys; goto out; }
    if (key.state < 0) { rc = styr_diags_count(d) ? STYR_EINPUT : STYR_EIO; goto out; }
    /* Ydelsesrefusion rows become weeks (and repeated rows errors) before the checks below */
    if (b.nyr) {
        styr_rc yr = styr_yr_resolve(&b, styr_ws_codes(ws), d);
        if (yr == STYR_ENOMEM) { rc = styr_diag_sys(d, STYR_ENOMEM, "the import does not fit in memory"); goto out; }
    }
    if (styr_diags_count(d)) {
        /* the rows that passed may still repeat weeks: report those too, in the same run */
        const styr_panel *old;
        if (!styr_ws_panel(ws, &old, d)) {
            styr_newpanel np;
            styr_batch_check_pop(&b, d);
            if (!styr_batch_build(&b, styr_panel_cols(old), &np, d)) styr_newpanel_free(&np);
        }
        rc = STYR_EINPUT;
        goto out;
    }
    rc = styr_import_batch(ws, &b, o, res, d);
out:
    styr_cpr_wipe(key.key, sizeof key.key);
    styr_batch_free(&b);
    return rc;
}
