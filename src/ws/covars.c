/* covars: the rammevilkaar table. */
#include "covars.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "codes.h"

static styr_rc sql_err(sqlite3 *db, styr_diags *d) { return styr_sql_fail(db, d); }

static const char ddl[] = "CREATE TABLE IF NOT EXISTS rammevilkaar(kommune INTEGER NOT NULL REFERENCES kommuner(kode),"
                          " navn TEXT NOT NULL, vaerdi REAL NOT NULL, kilde TEXT NOT NULL, kol INTEGER NOT NULL,"
                          " PRIMARY KEY(kommune, navn))";

styr_rc styr_covars_load(styr_ws *ws, styr_covars *c, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *codes = styr_ws_codes(ws);
    sqlite3_stmt *st;
    memset(c, 0, sizeof *c);
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rammevilkaar'", -1, &st,
                           NULL))
        return sql_err(db, d);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (!found) return STYR_OK;
    if (sqlite3_prepare_v2(db, "SELECT kommune, navn, vaerdi, kilde, kol FROM rammevilkaar ORDER BY kol, kommune", -1,
                           &st, NULL))
        return sql_err(db, d);
    uint8_t cnt[STYR_MAX_KOMMUNER] = {0};
    while (sqlite3_step(st) == SQLITE_ROW) {
        int kom = sqlite3_column_int(st, 0), col = sqlite3_column_int(st, 4);
        if (col < 0 || col >= STYR_MAXCOV || kom < 1 || kom > 999 || codes->kom_idx[kom] < 0) continue;
        if (col >= c->n) {
            c->n = col + 1;
            snprintf(c->name[col], sizeof c->name[col], "%s", (const char *)sqlite3_column_text(st, 1));
            snprintf(c->source, sizeof c->source, "%s", (const char *)sqlite3_column_text(st, 3));
        }
        int k = codes->kom_idx[kom];
        c->val[k][col] = sqlite3_column_double(st, 2);
        cnt[k]++;
    }
    sqlite3_finalize(st);
    for (int k = 0; k < STYR_MAX_KOMMUNER; k++) c->has[k] = c->n && cnt[k] == c->n;
    return STYR_OK;
}

styr_rc styr_covars_store(styr_ws *ws, const styr_covars *c, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *codes = styr_ws_codes(ws);
    sqlite3_stmt *ins = NULL;
    styr_rc rc;
    if ((rc = styr_sql_exec(db, "BEGIN IMMEDIATE", d))) return rc;
    if ((rc = styr_sql_exec(db, ddl, d)) || (rc = styr_sql_exec(db, "DELETE FROM rammevilkaar", d))) goto fail;
    if (sqlite3_prepare_v2(db, "INSERT INTO rammevilkaar VALUES(?1, ?2, ?3, ?4, ?5)", -1, &ins, NULL)) {
        rc = sql_err(db, d);
        goto fail;
    }
    for (int k = 0; k < codes->dict.nkom; k++) {
        if (!c->has[k]) continue;
        for (int j = 0; j < c->n; j++) {
            sqlite3_reset(ins);
            sqlite3_bind_int(ins, 1, codes->dict.kom[k]);
            sqlite3_bind_text(ins, 2, c->name[j], -1, SQLITE_STATIC);
            sqlite3_bind_double(ins, 3, c->val[k][j]);
            sqlite3_bind_text(ins, 4, c->source, -1, SQLITE_STATIC);
            sqlite3_bind_int(ins, 5, j);
            if (sqlite3_step(ins) != SQLITE_DONE) {
                rc = sql_err(db, d);
                goto fail;
            }
        }
    }
    sqlite3_finalize(ins);
    return styr_sql_exec(db, "COMMIT", d);
fail:
    sqlite3_finalize(ins);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}
