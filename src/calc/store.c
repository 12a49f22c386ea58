/* store: the figure cache table of the catalog. */
#include "store.h"

#include <stdio.h>
#include <string.h>

/* the layout of a stored row: the cell size, whether money was computed, and
 * the meaning of its counts (CELL_VERSION, raised when a count's meaning or
 * place changes even if the size does not: 2 = status after with education,
 * STYR_ST_UDD, issue 14); a row of another layout is never read */
#define CELL_VERSION 2
#define LAYOUT(money) (((money) ? 2000000 : 1000000) + CELL_VERSION * 100000 + (int)sizeof(styr_cell))

static styr_rc sqlerr(sqlite3 *db, styr_diags *d) { return styr_sql_fail(db, d); }

styr_rc styr_store_load(styr_ws *ws, const styr_pset *ps, styr_cube *cube, int money, uint8_t *found,
                        styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    memset(found, 0, (size_t)ps->n);
    sqlite3_stmt *st;
    /* a workspace from before the cache existed has no table: nothing stored */
    if (sqlite3_prepare_v2(db,
                           "SELECT celler FROM figurcache WHERE panel_checksum = ? AND periode = ?"
                           " AND layout IN (?, ?) AND nk = ? AND ng = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return STYR_OK;
    char hex[17];
    styr_hex64(cube->panel_checksum, hex);
    size_t per = (size_t)cube->nk * (size_t)cube->ng;
    for (int p = 0; p < ps->n; p++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, hex, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, ps->p[p].name, -1, SQLITE_TRANSIENT);
        /* cells with money serve any request; cells without only one without money */
        sqlite3_bind_int(st, 3, LAYOUT(1));
        sqlite3_bind_int(st, 4, LAYOUT(money));
        sqlite3_bind_int(st, 5, cube->nk);
        sqlite3_bind_int(st, 6, cube->ng);
        int r = sqlite3_step(st);
        if (r == SQLITE_ROW && (size_t)sqlite3_column_bytes(st, 0) == per * sizeof(styr_cell)) {
            memcpy(styr_cube_at(cube, p, 0, 0), sqlite3_column_blob(st, 0), per * sizeof(styr_cell));
            found[p] = 1;
        } else if (r != SQLITE_ROW && r != SQLITE_DONE) {
            sqlite3_finalize(st);
            return sqlerr(db, d);
        }
    }
    sqlite3_finalize(st);
    (void)d;
    return STYR_OK;
}

styr_rc styr_store_save(styr_ws *ws, const styr_pset *ps, const styr_cube *cube, const uint8_t *which, int money,
                        styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    char hex[17];
    styr_hex64(cube->panel_checksum, hex);
    styr_rc rc;
    if ((rc = styr_sql_exec(db, "BEGIN IMMEDIATE", d))) return rc;
    if ((rc = styr_sql_exec(db,
                            "CREATE TABLE IF NOT EXISTS figurcache(panel_checksum TEXT NOT NULL, periode TEXT NOT NULL,"
                            " layout INTEGER NOT NULL, nk INTEGER NOT NULL, ng INTEGER NOT NULL, celler BLOB NOT NULL,"
                            " PRIMARY KEY(panel_checksum, periode)) WITHOUT ROWID",
                            d)))
        goto fail;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "DELETE FROM figurcache WHERE panel_checksum <> ?", -1, &st, NULL)) goto sql;
    sqlite3_bind_text(st, 1, hex, -1, SQLITE_TRANSIENT);
    int r = sqlite3_step(st);
    sqlite3_finalize(st);
    if (r != SQLITE_DONE) goto sql;
    if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO figurcache VALUES(?, ?, ?, ?, ?, ?)", -1, &st, NULL)) goto sql;
    size_t per = (size_t)cube->nk * (size_t)cube->ng;
    for (int p = 0; p < ps->n; p++) {
        if (which && !which[p]) continue;
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, hex, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, ps->p[p].name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 3, LAYOUT(money));
        sqlite3_bind_int(st, 4, cube->nk);
        sqlite3_bind_int(st, 5, cube->ng);
        sqlite3_bind_blob(st, 6, styr_cube_at(cube, p, 0, 0), (int)(per * sizeof(styr_cell)), SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) {
            sqlite3_finalize(st);
            goto sql;
        }
    }
    sqlite3_finalize(st);
    return styr_sql_commit(db, d); /* fails if SQLite rolled back on its own */
sql:
    rc = sqlerr(db, d);
fail:
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

int styr_store_count(styr_ws *ws)
{
    sqlite3_stmt *st;
    int n = 0;
    if (sqlite3_prepare_v2(styr_ws_db(ws), "SELECT COUNT(*) FROM figurcache", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return n;
}
