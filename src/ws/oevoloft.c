/* oevoloft: the ØVO/mentor cap of a year from the catalog. */
#include "oevoloft.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "codes.h"

#define LOFT_FIRST_YEAR 2026 /* L 77 2025-26 in force 1.1.2026: only for catalogs without the table */

styr_rc styr_oevo_loft_get(styr_ws *ws, int aar, styr_oevo_loft *o, styr_diags *d)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < STYR_MAX_CODES; i++) o->kr[i] = NAN;
    o->first_year = LOFT_FIRST_YEAR;
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *codes = styr_ws_codes(ws);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'oevo_loft'", -1, &st,
                           NULL))
        return styr_sql_fail(db, d);
    int have = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    int nrows = 0;
    if (have) {
        if (sqlite3_prepare_v2(db, "SELECT MIN(aar) FROM oevo_loft", -1, &st, NULL)) return styr_sql_fail(db, d);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
            o->first_year = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        if (sqlite3_prepare_v2(db, "SELECT ydelse, kr_pr_fuldtidsperson, kilde FROM oevo_loft WHERE aar = ?"
                                   " ORDER BY ydelse", -1, &st, NULL))
            return styr_sql_fail(db, d);
        sqlite3_bind_int(st, 1, aar);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *y = (const char *)sqlite3_column_text(st, 0);
            int yi = styr_codes_ydelse(codes, y, strlen(y));
            if (yi <= 0) continue; /* the schema's foreign key holds: a group styr does not count */
            o->kr[yi] = sqlite3_column_double(st, 1);
            if (!nrows++) snprintf(o->kilde, sizeof o->kilde, "%s", (const char *)sqlite3_column_text(st, 2));
        }
        sqlite3_finalize(st);
    }
    o->state = aar < o->first_year ? STYR_LOFT_NA : nrows ? STYR_LOFT_VALUE : STYR_LOFT_NODATA;
    return STYR_OK;
}
