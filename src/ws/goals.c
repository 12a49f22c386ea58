/* goals: the maal table and target texts. */
#include "goals.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/num.h"
#include "codes.h"

static styr_rc sql_err(sqlite3 *db, styr_diags *d) { return styr_sql_fail(db, d); }

static const char ddl[] =
    "CREATE TABLE IF NOT EXISTS maal(id INTEGER PRIMARY KEY, kommune INTEGER NOT NULL REFERENCES kommuner(kode),"
    " aar INTEGER NOT NULL, ydelse TEXT NOT NULL, enhed TEXT NOT NULL, figur TEXT NOT NULL,"
    " art TEXT NOT NULL CHECK(art IN ('max', 'min', 'klynge', 'aendring')), vaerdi REAL NOT NULL,"
    " tekst TEXT NOT NULL, oprettet TEXT NOT NULL, tilbud TEXT NOT NULL DEFAULT '')";

/* Whether maal has a tilbud column (tables from before offer goals lack it). */
static int has_tilbud(sqlite3 *db)
{
    sqlite3_stmt *st;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('maal') WHERE name = 'tilbud'", -1, &st, NULL)) return 0;
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

static const char *kinds[] = {"max", "min", "klynge", "aendring"};

int styr_goal_parse_target(const char *s, styr_goal_kind *kind, double *value)
{
    size_t n = strlen(s);
    char mark;
    *value = 0;
    if (!strcmp(s, "klynge") || !strcmp(s, "cluster")) {
        *kind = STYR_GOAL_CLUSTER;
        return 0;
    }
    if (n > 2 && (s[0] == '<' || s[0] == '>') && s[1] == '=') {
        *kind = s[0] == '<' ? STYR_GOAL_MAX : STYR_GOAL_MIN;
        return styr_parse_decimal(s + 2, n - 2, value, &mark);
    }
    if (n > 2 && (s[0] == '-' || s[0] == '+') && s[n - 1] == '%') {
        *kind = STYR_GOAL_CHANGE;
        return styr_parse_decimal(s, n - 1, value, &mark) || *value == 0 ? -1 : 0;
    }
    return -1;
}

char *styr_goal_target_text(char *buf, size_t cap, const styr_goal *g, int decimals)
{
    char v[48];
    switch (g->kind) {
    case STYR_GOAL_MAX: snprintf(buf, cap, "%s %s", styr_tr("højst", "at most"), styr_fmt_num(v, sizeof v, g->value, decimals)); break;
    case STYR_GOAL_MIN: snprintf(buf, cap, "%s %s", styr_tr("mindst", "at least"), styr_fmt_num(v, sizeof v, g->value, decimals)); break;
    case STYR_GOAL_CLUSTER: snprintf(buf, cap, "%s", styr_tr("bedre end klyngen", "better than the cluster")); break;
    case STYR_GOAL_CHANGE:
        styr_fmt_num(v, sizeof v, g->value, 1);
        snprintf(buf, cap, "%s%s %s", g->value > 0 ? "+" : "", v, styr_tr("pct. fra året før", "pct. from the year before"));
        break;
    }
    return buf;
}

static int has_table(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'maal'", -1, &st, NULL))
        return 0;
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

styr_rc styr_goals_load(styr_ws *ws, int kommune, styr_goal **out, size_t *n, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *c = styr_ws_codes(ws);
    *out = NULL;
    *n = 0;
    if (!has_table(db)) return STYR_OK;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           has_tilbud(db) ? "SELECT id, kommune, aar, ydelse, enhed, figur, art, vaerdi, tekst, tilbud"
                                            " FROM maal WHERE ?1 = 0 OR kommune = ?1 ORDER BY kommune, enhed, aar, id"
                                          : "SELECT id, kommune, aar, ydelse, enhed, figur, art, vaerdi, tekst, ''"
                                            " FROM maal WHERE ?1 = 0 OR kommune = ?1 ORDER BY kommune, enhed, aar, id",
                           -1, &st, NULL))
        return sql_err(db, d);
    sqlite3_bind_int(st, 1, kommune);
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) *out = styr_xrealloc(*out, (cap = cap ? 2 * cap : 16) * sizeof **out);
        styr_goal *g = &(*out)[*n];
        memset(g, 0, sizeof *g);
        g->id = sqlite3_column_int(st, 0);
        g->kommune = sqlite3_column_int(st, 1);
        g->aar = sqlite3_column_int(st, 2);
        const char *yd = (const char *)sqlite3_column_text(st, 3);
        g->grp = !strcmp(yd, "offentligt_forsoergede") ? 0 : styr_codes_ydelse(c, yd, strlen(yd));
        if (g->grp < 0) continue; /* a group no longer in the code table */
        snprintf(g->enhed, sizeof g->enhed, "%s", (const char *)sqlite3_column_text(st, 4));
        snprintf(g->figur, sizeof g->figur, "%s", (const char *)sqlite3_column_text(st, 5));
        const char *art = (const char *)sqlite3_column_text(st, 6);
        for (int k = 0; k < 4; k++)
            if (!strcmp(art, kinds[k])) g->kind = (styr_goal_kind)k;
        g->value = sqlite3_column_double(st, 7);
        snprintf(g->tekst, sizeof g->tekst, "%s", (const char *)sqlite3_column_text(st, 8));
        const char *tb = (const char *)sqlite3_column_text(st, 9);
        g->tilbud = tb && *tb ? styr_codes_tilbud(c, tb, strlen(tb)) : 0;
        if (g->tilbud < 0) continue; /* an offer kind no longer in the code table */
        (*n)++;
    }
    sqlite3_finalize(st);
    return STYR_OK;
}

styr_rc styr_goal_add(styr_ws *ws, const styr_goal *g, int *id, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *c = styr_ws_codes(ws);
    styr_rc rc;
    if ((rc = styr_sql_exec(db, "BEGIN IMMEDIATE", d))) return rc;
    if ((rc = styr_sql_exec(db, ddl, d))) goto fail;
    if (!has_tilbud(db) && (rc = styr_sql_exec(db, "ALTER TABLE maal ADD COLUMN tilbud TEXT NOT NULL DEFAULT ''", d)))
        goto fail;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "INSERT INTO maal(kommune, aar, ydelse, enhed, figur, art, vaerdi, tekst, oprettet, tilbud)"
                               " VALUES(?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)",
                           -1, &st, NULL)) {
        rc = sql_err(db, d);
        goto fail;
    }
    sqlite3_bind_int(st, 1, g->kommune);
    sqlite3_bind_int(st, 2, g->aar);
    sqlite3_bind_text(st, 3, g->grp ? c->dict.yd[g->grp] : "offentligt_forsoergede", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, g->enhed, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, g->figur, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, kinds[g->kind], -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 7, g->value);
    sqlite3_bind_text(st, 8, g->tekst, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, g->tilbud > 0 ? c->dict.tb[g->tilbud] : "", -1, SQLITE_STATIC);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    if (!ok) {
        rc = sql_err(db, d);
        goto fail;
    }
    *id = (int)sqlite3_last_insert_rowid(db);
    return styr_sql_exec(db, "COMMIT", d);
fail:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

styr_rc styr_goal_remove(styr_ws *ws, int id, int *found, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    *found = 0;
    if (!has_table(db)) return STYR_OK;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "DELETE FROM maal WHERE id = ?", -1, &st, NULL)) return sql_err(db, d);
    sqlite3_bind_int(st, 1, id);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    if (!ok) return sql_err(db, d);
    *found = sqlite3_changes(db) > 0;
    return STYR_OK;
}
