/* catalog: population and cluster queries. */
#include "catalog.h"

#include <stdio.h>
#include <string.h>

styr_rc styr_cat_population(styr_ws *ws, int year, int lo, int hi, double *out, styr_diags *d)
{
    const styr_codes *c = styr_ws_codes(ws);
    sqlite3 *db = styr_ws_db(ws);
    memset(out, 0, (size_t)c->dict.nkom * sizeof *out);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT kommune, SUM(antal) FROM befolkning WHERE aar = ? AND alder BETWEEN ? AND ?"
                           " GROUP BY kommune",
                           -1, &st, NULL))
        return styr_sql_fail(db, d);
    sqlite3_bind_int(st, 1, year);
    sqlite3_bind_int(st, 2, lo);
    sqlite3_bind_int(st, 3, hi);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int code = sqlite3_column_int(st, 0);
        if (code > 0 && code < 1000 && c->kom_idx[code] >= 0) out[c->kom_idx[code]] = sqlite3_column_double(st, 1);
    }
    sqlite3_finalize(st);
    return STYR_OK;
}

styr_rc styr_cat_clusters(styr_ws *ws, int year, styr_clusters *out, styr_diags *d)
{
    const styr_codes *c = styr_ws_codes(ws);
    sqlite3 *db = styr_ws_db(ws);
    memset(out, 0, sizeof *out);
    for (int i = 0; i < STYR_MAX_KOMMUNER; i++) out->of[i] = -1;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT COALESCE((SELECT MAX(aar) FROM klynger WHERE aar <= ?1),"
                           " (SELECT MIN(aar) FROM klynger))",
                           -1, &st, NULL))
        return styr_sql_fail(db, d);
    sqlite3_bind_int(st, 1, year);
    out->year = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : year;
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "SELECT kommune, klynge FROM klynger WHERE aar = ? ORDER BY klynge, kommune", -1, &st,
                           NULL))
        return styr_sql_fail(db, d);
    sqlite3_bind_int(st, 1, out->year);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int code = sqlite3_column_int(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        int i;
        for (i = 0; i < out->n; i++)
            if (!strcmp(out->name[i], name)) break;
        if (i == out->n) {
            if (out->n == STYR_MAX_CLUSTERS) continue;
            snprintf(out->name[out->n++], sizeof out->name[0], "%s", name);
        }
        if (code > 0 && code < 1000 && c->kom_idx[code] >= 0) out->of[c->kom_idx[code]] = i;
    }
    sqlite3_finalize(st);
    return STYR_OK;
}

unsigned styr_catalog_synthetic(styr_ws *ws)
{
    static const struct { const char *sql; unsigned bit; } q[] = {
        {"SELECT 1 FROM importer WHERE kommando LIKE 'styr synth%' LIMIT 1", STYR_SYNTH_PANEL},
        {"SELECT 1 FROM kilder WHERE tabel = 'befolkning' AND kilde LIKE '%SYNTETISK%'", STYR_SYNTH_POP},
        {"SELECT 1 FROM kilder WHERE tabel = 'befolkning' AND kilde LIKE '%GENERERET%'", STYR_ILLUSTR_POP},
        {"SELECT 1 FROM kilder WHERE tabel = 'klynger' AND kilde LIKE '%ILLUSTRATIV%'", STYR_ILLUSTR_CLUSTERS},
    };
    sqlite3 *db = styr_ws_db(ws);
    unsigned out = 0;
    for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, q[i].sql, -1, &st, NULL) != SQLITE_OK) return STYR_SYNTH_PANEL | out;
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) out |= q[i].bit;
        else if (rc != SQLITE_DONE) out |= STYR_SYNTH_PANEL;
        sqlite3_finalize(st);
    }
    return out;
}
