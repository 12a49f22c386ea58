/* public: the offentlige_tal table – published figures as published. */
#include "public.h"

#include <stdio.h>
#include <string.h>

#include "../core/period.h"

static const char ddl[] =
    "CREATE TABLE IF NOT EXISTS offentlige_tal(kilde TEXT NOT NULL, tabel TEXT NOT NULL, maal TEXT NOT NULL,"
    " omraade TEXT NOT NULL, kommune INTEGER NOT NULL, periode_kilde TEXT NOT NULL, periode TEXT NOT NULL,"
    " fra INTEGER NOT NULL, til INTEGER NOT NULL, dims TEXT NOT NULL, vaerdi REAL,"
    " tilstand INTEGER NOT NULL CHECK(tilstand IN (0, 1, 2)), hentet TEXT NOT NULL, fil TEXT NOT NULL,"
    " PRIMARY KEY(kilde, tabel, maal, omraade, periode_kilde, dims));"
    "CREATE INDEX IF NOT EXISTS offentlige_tal_opslag ON offentlige_tal(tabel, maal, fra, til, kommune)";

static int has_table(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'offentlige_tal'", -1,
                           &st, NULL))
        return 0;
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

static void lower(char *dst, size_t cap, const char *s)
{
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++) dst[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    dst[i] = 0;
}

styr_rc styr_pub_store_in(sqlite3 *db, const styr_pub_row *rows, const char *const *files, size_t n,
                          const char *hentet, const char *file, styr_diags *d)
{
    sqlite3_stmt *ins = NULL;
    styr_rc rc;
    /* every period first, so that a bad one changes nothing */
    for (size_t i = 0; i < n; i++) {
        styr_period p;
        if (styr_period_parse(rows[i].periode, &p)) {
            const char *f = files && files[i] ? files[i] : file;
            styr_diag_add(d, D_PUB_PERIOD, X_PUB_PERIOD, f, 0, 0, NULL, rows[i].periode, strlen(rows[i].periode));
        }
    }
    if (styr_diags_count(d)) return STYR_EINPUT;
    if ((rc = styr_sql_exec(db, ddl, d))) return rc;
    if (sqlite3_prepare_v2(db,
                           "INSERT OR REPLACE INTO offentlige_tal(kilde, tabel, maal, omraade, kommune, periode_kilde,"
                           " periode, fra, til, dims, vaerdi, tilstand, hentet, fil)"
                           " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                           -1, &ins, NULL))
        return styr_sql_fail(db, d);
    for (size_t i = 0; i < n; i++) {
        const styr_pub_row *r = &rows[i];
        const char *f = files && files[i] ? files[i] : file;
        styr_period p;
        char tab[64];
        styr_period_parse(r->periode, &p);
        lower(tab, sizeof tab, r->tabel);
        sqlite3_reset(ins);
        sqlite3_bind_text(ins, 1, r->kilde, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, tab, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, r->maal, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 4, r->omraade, -1, SQLITE_STATIC);
        sqlite3_bind_int(ins, 5, r->kommune);
        sqlite3_bind_text(ins, 6, r->periode, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 7, p.name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins, 8, p.first);
        sqlite3_bind_int(ins, 9, p.last);
        sqlite3_bind_text(ins, 10, r->dims ? r->dims : "", -1, SQLITE_STATIC);
        if (r->tilstand == STYR_PUB_VALUE) sqlite3_bind_double(ins, 11, r->vaerdi);
        else sqlite3_bind_null(ins, 11);
        sqlite3_bind_int(ins, 12, r->tilstand);
        sqlite3_bind_text(ins, 13, hentet, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 14, f ? f : "", -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            rc = styr_sql_fail(db, d);
            sqlite3_finalize(ins);
            return rc;
        }
    }
    sqlite3_finalize(ins);
    return STYR_OK;
}

styr_rc styr_pub_store(styr_ws *ws, const styr_pub_row *rows, size_t n, const char *hentet, const char *file,
                       styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    styr_rc rc;
    /* every period first, so that a bad one changes nothing (nor opens a transaction) */
    for (size_t i = 0; i < n; i++) {
        styr_period p;
        if (styr_period_parse(rows[i].periode, &p))
            styr_diag_add(d, D_PUB_PERIOD, X_PUB_PERIOD, file, 0, 0, NULL, rows[i].periode, strlen(rows[i].periode));
    }
    if (styr_diags_count(d)) return STYR_EINPUT;
    if ((rc = styr_sql_exec(db, "BEGIN IMMEDIATE", d))) return rc;
    if ((rc = styr_pub_store_in(db, rows, NULL, n, hentet, file, d))) {
        if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return styr_sql_commit(db, d);
}

int styr_pub_any(styr_ws *ws, const char *kilde)
{
    sqlite3 *db = styr_ws_db(ws);
    sqlite3_stmt *st;
    if (!has_table(db)) return 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM offentlige_tal WHERE ?1 IS NULL OR kilde = ?1 LIMIT 1", -1, &st, NULL))
        return 0;
    sqlite3_bind_text(st, 1, kilde, -1, SQLITE_STATIC);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

void styr_pub_filter_init(styr_pub_filter *f)
{
    memset(f, 0, sizeof *f);
    f->kommune = STYR_PUB_ANY_KOM;
    f->fra = f->til = -1;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

styr_rc styr_pub_select(styr_ws *ws, const styr_pub_filter *f, styr_pub_cb cb, void *ud, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    sqlite3_stmt *st;
    if (!has_table(db)) return STYR_OK;
    if (sqlite3_prepare_v2(db,
                           "SELECT kilde, tabel, maal, omraade, kommune, periode_kilde, dims, vaerdi, tilstand,"
                           " periode, fra, til, hentet, fil FROM offentlige_tal"
                           " WHERE (?1 IS NULL OR kilde = ?1) AND (?2 IS NULL OR tabel = lower(?2))"
                           " AND (?3 IS NULL OR maal = ?3) AND (?4 IS NULL OR dims = ?4)"
                           " AND (?5 = -2 OR kommune = ?5) AND (?6 < 0 OR fra = ?6) AND (?7 < 0 OR til = ?7)"
                           " ORDER BY kilde, tabel, maal, fra, til, kommune, omraade, dims",
                           -1, &st, NULL))
        return styr_sql_fail(db, d);
    sqlite3_bind_text(st, 1, f->kilde, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, f->tabel, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, f->maal, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, f->dims, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 5, f->kommune);
    sqlite3_bind_int(st, 6, f->fra);
    sqlite3_bind_int(st, 7, f->til);
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        styr_pub_hit h;
        h.row.kilde = col(st, 0);
        h.row.tabel = col(st, 1);
        h.row.maal = col(st, 2);
        h.row.omraade = col(st, 3);
        h.row.kommune = sqlite3_column_int(st, 4);
        h.row.periode = col(st, 5);
        h.row.dims = col(st, 6);
        h.row.vaerdi = sqlite3_column_double(st, 7);
        h.row.tilstand = sqlite3_column_int(st, 8);
        h.periode_navn = col(st, 9);
        h.fra = sqlite3_column_int(st, 10);
        h.til = sqlite3_column_int(st, 11);
        h.hentet = col(st, 12);
        h.fil = col(st, 13);
        if (cb(&h, ud)) break;
    }
    styr_rc rc = s == SQLITE_ROW || s == SQLITE_DONE ? STYR_OK : styr_sql_fail(db, d);
    sqlite3_finalize(st);
    return rc;
}

styr_rc styr_pub_summarise(styr_ws *ws, styr_pub_sum_cb cb, void *ud, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    sqlite3_stmt *st;
    if (!has_table(db)) return STYR_OK;
    /* first and last period by their weeks, not by the text of their codes */
    if (sqlite3_prepare_v2(db,
                           "SELECT kilde, tabel, maal,"
                           " (SELECT periode_kilde FROM offentlige_tal o WHERE o.kilde = t.kilde AND o.tabel = t.tabel"
                           "   AND o.maal = t.maal ORDER BY til, fra LIMIT 1),"
                           " (SELECT periode_kilde FROM offentlige_tal o WHERE o.kilde = t.kilde AND o.tabel = t.tabel"
                           "   AND o.maal = t.maal ORDER BY til DESC, fra DESC LIMIT 1),"
                           " count(DISTINCT periode_kilde), count(DISTINCT omraade), count(*), max(hentet)"
                           " FROM offentlige_tal t GROUP BY kilde, tabel, maal ORDER BY kilde, tabel, maal",
                           -1, &st, NULL))
        return styr_sql_fail(db, d);
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW) {
        styr_pub_summary m = {col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4), sqlite3_column_int(st, 5),
                              sqlite3_column_int(st, 6), (long)sqlite3_column_int64(st, 7), col(st, 8)};
        if (cb(&m, ud)) break;
    }
    styr_rc rc = s == SQLITE_ROW || s == SQLITE_DONE ? STYR_OK : styr_sql_fail(db, d);
    sqlite3_finalize(st);
    return rc;
}

int styr_pub_any_a02(styr_ws *ws)
{
    sqlite3 *db = styr_ws_db(ws);
    sqlite3_stmt *st;
    if (!has_table(db)) return 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM offentlige_tal WHERE kilde = 'jobindsats' AND tabel LIKE '%a02' LIMIT 1",
                           -1, &st, NULL))
        return 0;
    int yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}
