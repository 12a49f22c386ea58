/* review_db: the case reviews in the catalog (declared in review.h).
 *
 * Tables, created by the first import:
 *   sagsgennemgang(id, panel, froe, ydelse, kommune, uge, antal, fil, importeret)
 *   sagsgennemgang_lag(gennemgang, lag, population, trukket)   strata 1-15
 *   sagsgennemgang_laeringspunkt(gennemgang, nr, kode, navn, navn_en)
 *   sagsgennemgang_sag(gennemgang, nr, lag, gennemgaaet, note)
 *   sagsgennemgang_svar(gennemgang, nr, laeringspunkt, svar)   svar 0/1
 * No person id is stored: the case number and the seed re-draw it from the
 * panel. The note is the reviewer's free text and stays in the workspace. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/week.h"
#include "review.h"

static const char ddl[] =
    "CREATE TABLE IF NOT EXISTS sagsgennemgang(id INTEGER PRIMARY KEY, panel TEXT NOT NULL, froe INTEGER NOT NULL,"
    " ydelse TEXT NOT NULL, kommune INTEGER NOT NULL, uge TEXT NOT NULL, antal INTEGER NOT NULL, fil TEXT NOT NULL,"
    " importeret TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS sagsgennemgang_lag(gennemgang INTEGER NOT NULL REFERENCES sagsgennemgang(id),"
    " lag INTEGER NOT NULL CHECK(lag BETWEEN 1 AND 15), population INTEGER NOT NULL, trukket INTEGER NOT NULL,"
    " PRIMARY KEY(gennemgang, lag));"
    "CREATE TABLE IF NOT EXISTS sagsgennemgang_laeringspunkt(gennemgang INTEGER NOT NULL REFERENCES sagsgennemgang(id),"
    " nr INTEGER NOT NULL, kode TEXT NOT NULL, navn TEXT NOT NULL, navn_en TEXT NOT NULL, PRIMARY KEY(gennemgang, nr));"
    "CREATE TABLE IF NOT EXISTS sagsgennemgang_sag(gennemgang INTEGER NOT NULL REFERENCES sagsgennemgang(id),"
    " nr INTEGER NOT NULL, lag INTEGER NOT NULL, gennemgaaet INTEGER NOT NULL CHECK(gennemgaaet IN (0, 1)), note TEXT,"
    " PRIMARY KEY(gennemgang, nr));"
    "CREATE TABLE IF NOT EXISTS sagsgennemgang_svar(gennemgang INTEGER NOT NULL REFERENCES sagsgennemgang(id),"
    " nr INTEGER NOT NULL, laeringspunkt TEXT NOT NULL, svar INTEGER NOT NULL CHECK(svar IN (0, 1)),"
    " PRIMARY KEY(gennemgang, nr, laeringspunkt))";

static const char *const tables[] = {"sagsgennemgang_svar", "sagsgennemgang_sag", "sagsgennemgang_laeringspunkt",
                                     "sagsgennemgang_lag"};

/* Run a statement with up to one integer binding; 0 or -1. */
static int exec1(sqlite3 *db, const char *sql, int64_t v)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL)) return -1;
    sqlite3_bind_int64(st, 1, v);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok ? 0 : -1;
}

styr_rc styr_review_store(styr_ws *ws, styr_review *r, int *replaced, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *codes = styr_ws_codes(ws);
    sqlite3_stmt *st = NULL;
    char hex[17], wk[12], sql[160];
    styr_hex64(r->meta.panel, hex);
    styr_week_format(r->meta.ref, wk);
    *replaced = 0;
    styr_rc rc;
    if ((rc = styr_sql_exec(db, "BEGIN IMMEDIATE", d))) return rc;
    if ((rc = styr_sql_exec(db, ddl, d))) goto fail;
    /* an earlier import of the same sample goes */
    if (sqlite3_prepare_v2(db,
                           "SELECT id FROM sagsgennemgang WHERE panel = ?1 AND froe = ?2 AND ydelse = ?3"
                           " AND kommune = ?4 AND antal = ?5",
                           -1, &st, NULL))
        goto sqlfail;
    sqlite3_bind_text(st, 1, hex, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (int64_t)r->meta.seed);
    sqlite3_bind_text(st, 3, codes->dict.yd[r->meta.grp], -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, r->meta.kommune);
    sqlite3_bind_int64(st, 5, (int64_t)r->meta.n);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int64_t old = sqlite3_column_int64(st, 0);
        for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
            snprintf(sql, sizeof sql, "DELETE FROM %s WHERE gennemgang = ?", tables[i]);
            if (exec1(db, sql, old)) goto sqlfail;
        }
        if (exec1(db, "DELETE FROM sagsgennemgang WHERE id = ?", old)) goto sqlfail;
        *replaced = 1;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO sagsgennemgang(panel, froe, ydelse, kommune, uge, antal, fil, importeret)"
                           " VALUES(?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                           -1, &st, NULL))
        goto sqlfail;
    sqlite3_bind_text(st, 1, hex, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (int64_t)r->meta.seed);
    sqlite3_bind_text(st, 3, codes->dict.yd[r->meta.grp], -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, r->meta.kommune);
    sqlite3_bind_text(st, 5, wk, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, (int64_t)r->meta.n);
    sqlite3_bind_text(st, 7, r->file, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) goto sqlfail;
    sqlite3_finalize(st);
    st = NULL;
    r->id = sqlite3_last_insert_rowid(db);
    if (sqlite3_prepare_v2(db, "INSERT INTO sagsgennemgang_lag VALUES(?, ?, ?, ?)", -1, &st, NULL)) goto sqlfail;
    for (int h = 0; h < STYR_NSTRATA_SAMPLE; h++) {
        if (!r->population[h]) continue;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, r->id);
        sqlite3_bind_int(st, 2, h + 1);
        sqlite3_bind_int64(st, 3, (int64_t)r->population[h]);
        sqlite3_bind_int64(st, 4, (int64_t)r->drawn[h]);
        if (sqlite3_step(st) != SQLITE_DONE) goto sqlfail;
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "INSERT INTO sagsgennemgang_laeringspunkt VALUES(?, ?, ?, ?, ?)", -1, &st, NULL))
        goto sqlfail;
    for (size_t j = 0; j < r->lps.n; j++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, r->id);
        sqlite3_bind_int64(st, 2, (int64_t)j + 1);
        sqlite3_bind_text(st, 3, r->lps.v[j].kode, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, r->lps.v[j].navn, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, r->lps.v[j].navn_en, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) goto sqlfail;
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "INSERT INTO sagsgennemgang_sag VALUES(?, ?, ?, ?, ?)", -1, &st, NULL)) goto sqlfail;
    for (size_t i = 0; i < r->n; i++) {
        const styr_review_case *c = &r->c[i];
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, r->id);
        sqlite3_bind_int(st, 2, c->nr);
        sqlite3_bind_int(st, 3, c->stratum + 1);
        sqlite3_bind_int(st, 4, c->reviewed);
        if (c->note)
            sqlite3_bind_text(st, 5, c->note, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, 5);
        if (sqlite3_step(st) != SQLITE_DONE) goto sqlfail;
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "INSERT INTO sagsgennemgang_svar VALUES(?, ?, ?, ?)", -1, &st, NULL)) goto sqlfail;
    for (size_t i = 0; i < r->n; i++)
        for (size_t j = 0; j < r->lps.n && r->c[i].reviewed; j++) {
            sqlite3_reset(st);
            sqlite3_bind_int64(st, 1, r->id);
            sqlite3_bind_int(st, 2, r->c[i].nr);
            sqlite3_bind_text(st, 3, r->lps.v[j].kode, -1, SQLITE_STATIC);
            sqlite3_bind_int(st, 4, r->c[i].ans[j]);
            if (sqlite3_step(st) != SQLITE_DONE) goto sqlfail;
        }
    sqlite3_finalize(st);
    st = NULL;
    return styr_sql_commit(db, d);
sqlfail:
    rc = styr_sql_fail(db, d);
    sqlite3_finalize(st);
fail:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static int has_table(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sagsgennemgang'", -1, &st,
                           NULL))
        return 0;
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

styr_rc styr_review_load(styr_ws *ws, int64_t id, styr_review *out, int *found, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *codes = styr_ws_codes(ws);
    memset(out, 0, sizeof *out);
    *found = 0;
    if (!has_table(db)) return STYR_OK;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT id, panel, froe, ydelse, kommune, uge, antal, fil, importeret FROM sagsgennemgang"
                           " WHERE ?1 = 0 OR id = ?1 ORDER BY importeret DESC, id DESC LIMIT 1",
                           -1, &st, NULL))
        return styr_sql_fail(db, d);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return STYR_OK;
    }
    out->id = sqlite3_column_int64(st, 0);
    out->meta.panel = strtoull((const char *)sqlite3_column_text(st, 1), NULL, 16);
    out->meta.seed = (uint64_t)sqlite3_column_int64(st, 2);
    const char *yd = (const char *)sqlite3_column_text(st, 3);
    out->meta.grp = styr_codes_ydelse(codes, yd, strlen(yd));
    out->meta.kommune = sqlite3_column_int(st, 4);
    const char *wk = (const char *)sqlite3_column_text(st, 5);
    styr_week_parse(wk, strlen(wk), &out->meta.ref);
    out->meta.n = (size_t)sqlite3_column_int64(st, 6);
    snprintf(out->file, sizeof out->file, "%s", (const char *)sqlite3_column_text(st, 7));
    snprintf(out->imported, sizeof out->imported, "%s", (const char *)sqlite3_column_text(st, 8));
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "SELECT lag, population, trukket FROM sagsgennemgang_lag WHERE gennemgang = ?", -1, &st,
                           NULL))
        return styr_sql_fail(db, d);
    sqlite3_bind_int64(st, 1, out->id);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int h = sqlite3_column_int(st, 0) - 1;
        if (h < 0 || h >= STYR_NSTRATA_SAMPLE) continue;
        out->population[h] = (size_t)sqlite3_column_int64(st, 1);
        out->drawn[h] = (size_t)sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db,
                           "SELECT kode, navn, navn_en FROM sagsgennemgang_laeringspunkt WHERE gennemgang = ?"
                           " ORDER BY nr",
                           -1, &st, NULL))
        return styr_sql_fail(db, d);
    sqlite3_bind_int64(st, 1, out->id);
    out->lps.v = styr_xcalloc(STYR_LP_MAX, sizeof *out->lps.v);
    while (sqlite3_step(st) == SQLITE_ROW && out->lps.n < STYR_LP_MAX) {
        styr_lp *l = &out->lps.v[out->lps.n++];
        snprintf(l->kode, sizeof l->kode, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(l->navn, sizeof l->navn, "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(l->navn_en, sizeof l->navn_en, "%s", (const char *)sqlite3_column_text(st, 2));
    }
    sqlite3_finalize(st);
    /* the cases; the note is not read: nothing summarised shows it */
    if (sqlite3_prepare_v2(db, "SELECT nr, lag, gennemgaaet FROM sagsgennemgang_sag WHERE gennemgang = ? ORDER BY nr",
                           -1, &st, NULL))
        return styr_sql_fail(db, d);
    sqlite3_bind_int64(st, 1, out->id);
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (out->n == cap) out->c = styr_xrealloc(out->c, (cap = cap ? 2 * cap : 32) * sizeof *out->c);
        styr_review_case *c = &out->c[out->n++];
        memset(c, 0, sizeof *c);
        c->nr = sqlite3_column_int(st, 0);
        c->stratum = sqlite3_column_int(st, 1) - 1;
        if (c->stratum < 0 || c->stratum >= STYR_NSTRATA_SAMPLE) c->stratum = 0;
        c->reviewed = sqlite3_column_int(st, 2);
        c->ans = styr_xcalloc(out->lps.n ? out->lps.n : 1, 1);
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "SELECT nr, laeringspunkt, svar FROM sagsgennemgang_svar WHERE gennemgang = ?", -1, &st,
                           NULL))
        return styr_sql_fail(db, d);
    sqlite3_bind_int64(st, 1, out->id);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int nr = sqlite3_column_int(st, 0);
        const char *k = (const char *)sqlite3_column_text(st, 1);
        for (size_t i = 0; i < out->n; i++) {
            if (out->c[i].nr != nr) continue;
            for (size_t j = 0; j < out->lps.n; j++)
                if (!strcmp(out->lps.v[j].kode, k)) out->c[i].ans[j] = (unsigned char)(sqlite3_column_int(st, 2) != 0);
        }
    }
    sqlite3_finalize(st);
    *found = 1;
    return STYR_OK;
}
