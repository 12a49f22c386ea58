/* budget: the budget table of the catalog. */
#include "budget.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/mem.h"

/* The table is created by the first budget import, so a workspace made before
 * budgets existed needs no migration. */
static const char ddl[] =
    "CREATE TABLE IF NOT EXISTS budget(kommune INTEGER NOT NULL REFERENCES kommuner(kode),"
    " aar INTEGER NOT NULL, ydelse TEXT NOT NULL REFERENCES ydelser(ydelse),"
    " fuldtidspersoner REAL NOT NULL, personer REAL, varighed REAL, aktiveringsgrad REAL, pris REAL NOT NULL,"
    " udgift_pr_tilbud REAL, sagsbehandlere REAL, sager_pr_sagsbehandler REAL, udgift_pr_sagsbehandler REAL,"
    " profil TEXT, fil TEXT NOT NULL, importeret TEXT NOT NULL, PRIMARY KEY(kommune, aar, ydelse))";

static styr_rc sql_err(sqlite3 *db, styr_diags *d) { return styr_sql_fail(db, d); }

static int has_table(sqlite3 *db)
{
    sqlite3_stmt *st;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'budget'", -1, &st, NULL))
        return 0;
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

static void bind_opt(sqlite3_stmt *st, int i, double v)
{
    if (isnan(v)) sqlite3_bind_null(st, i);
    else sqlite3_bind_double(st, i, v);
}

static double col_opt(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

styr_rc styr_budget_load(styr_ws *ws, int kommune, int aar, styr_budget **out, size_t *n, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *c = styr_ws_codes(ws);
    *out = NULL;
    *n = 0;
    if (!has_table(db)) return STYR_OK;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT b.fuldtidspersoner, b.personer, b.varighed, b.aktiveringsgrad, b.pris,"
                           " b.udgift_pr_tilbud, b.sagsbehandlere, b.sager_pr_sagsbehandler,"
                           " b.udgift_pr_sagsbehandler, b.profil, y.idx FROM budget b JOIN ydelser y USING(ydelse)"
                           " WHERE b.kommune = ? AND b.aar = ? ORDER BY y.idx",
                           -1, &st, NULL))
        return sql_err(db, d);
    sqlite3_bind_int(st, 1, kommune);
    sqlite3_bind_int(st, 2, aar);
    size_t cap = 0;
    styr_budget *v = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) v = styr_xrealloc(v, (cap = cap ? 2 * cap : 16) * sizeof *v);
        styr_budget *b = &v[(*n)++];
        memset(b, 0, sizeof *b);
        b->kommune = kommune;
        b->aar = aar;
        b->fuldtid = sqlite3_column_double(st, 0);
        b->personer = col_opt(st, 1);
        b->varighed = col_opt(st, 2);
        b->aktivering = col_opt(st, 3);
        b->pris = sqlite3_column_double(st, 4);
        b->udgift_tilbud = col_opt(st, 5);
        b->sagsbehandlere = col_opt(st, 6);
        b->sager_pr_sb = col_opt(st, 7);
        b->udgift_sb = col_opt(st, 8);
        for (int m = 0; m < 12; m++) b->profil[m] = NAN;
        const char *pr = (const char *)sqlite3_column_text(st, 9);
        for (int m = 0; pr && *pr && m < 12; m++) {
            char *end;
            b->profil[m] = strtod(pr, &end);
            pr = *end == ';' ? end + 1 : end;
        }
        /* ydelser.idx is the group's index in the panel (1.., 0 = all public support) */
        b->grp = sqlite3_column_int(st, 10);
        if (b->grp < 1 || b->grp >= c->dict.nyd) b->grp = 0;
    }
    sqlite3_finalize(st);
    *out = v;
    return STYR_OK;
}

styr_rc styr_budget_store(styr_ws *ws, const styr_budget *rows, size_t n, const char *file, size_t *replaced,
                          styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *c = styr_ws_codes(ws);
    sqlite3_stmt *ins = NULL, *ex = NULL;
    styr_rc rc = STYR_OK;
    *replaced = 0;
    char when[32];
    time_t t = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
    if ((rc = styr_sql_exec(db, "BEGIN IMMEDIATE", d))) return rc;
    if ((rc = styr_sql_exec(db, ddl, d))) goto fail;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM budget WHERE kommune = ? AND aar = ? AND ydelse = ?", -1, &ex, NULL) ||
        sqlite3_prepare_v2(db,
                           "INSERT OR REPLACE INTO budget VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                           " ?13, ?14, ?15)",
                           -1, &ins, NULL)) {
        rc = sql_err(db, d);
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        const styr_budget *b = &rows[i];
        const char *y = c->dict.yd[b->grp];
        sqlite3_reset(ex);
        sqlite3_bind_int(ex, 1, b->kommune);
        sqlite3_bind_int(ex, 2, b->aar);
        sqlite3_bind_text(ex, 3, y, -1, SQLITE_STATIC);
        if (sqlite3_step(ex) == SQLITE_ROW) (*replaced)++;
        char prof[12 * 24] = "";
        if (!isnan(b->profil[0]))
            for (int m = 0, o = 0; m < 12; m++)
                o += snprintf(prof + o, sizeof prof - (size_t)o, "%s%.17g", m ? ";" : "", b->profil[m]);
        sqlite3_reset(ins);
        sqlite3_clear_bindings(ins);
        sqlite3_bind_int(ins, 1, b->kommune);
        sqlite3_bind_int(ins, 2, b->aar);
        sqlite3_bind_text(ins, 3, y, -1, SQLITE_STATIC);
        sqlite3_bind_double(ins, 4, b->fuldtid);
        bind_opt(ins, 5, b->personer);
        bind_opt(ins, 6, b->varighed);
        bind_opt(ins, 7, b->aktivering);
        sqlite3_bind_double(ins, 8, b->pris);
        bind_opt(ins, 9, b->udgift_tilbud);
        bind_opt(ins, 10, b->sagsbehandlere);
        bind_opt(ins, 11, b->sager_pr_sb);
        bind_opt(ins, 12, b->udgift_sb);
        if (*prof) sqlite3_bind_text(ins, 13, prof, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 14, file, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 15, when, -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            rc = sql_err(db, d);
            goto fail;
        }
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(ex);
    if ((rc = styr_sql_exec(db, "COMMIT", d))) goto fail_nofin;
    return STYR_OK;
fail:
    sqlite3_finalize(ins);
    sqlite3_finalize(ex);
fail_nofin:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

int styr_budget_years(styr_ws *ws, int kommune, int *years, int cap)
{
    sqlite3 *db = styr_ws_db(ws);
    if (!has_table(db)) return 0;
    sqlite3_stmt *st;
    int n = 0;
    if (sqlite3_prepare_v2(db, "SELECT DISTINCT aar FROM budget WHERE kommune = ? ORDER BY aar DESC", -1, &st, NULL))
        return 0;
    sqlite3_bind_int(st, 1, kommune);
    while (n < cap && sqlite3_step(st) == SQLITE_ROW) years[n++] = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}
