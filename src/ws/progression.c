/* progression: the progression table, storing and loading assessments. */
#include "progression.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/week.h"

static const char ddl[] =
    "CREATE TABLE IF NOT EXISTS progression(person TEXT NOT NULL, dato TEXT NOT NULL, instrument TEXT NOT NULL,"
    " indikator TEXT NOT NULL, score REAL NOT NULL, skala INTEGER NOT NULL CHECK(skala BETWEEN 2 AND 100),"
    " indlaest TEXT NOT NULL, PRIMARY KEY(person, instrument, indikator, dato)) WITHOUT ROWID";

void styr_prog_free(styr_prog *p)
{
    if (!p) return;
    free(p->v);
    free(p->name);
    memset(p, 0, sizeof *p);
}

uint16_t styr_prog_name(styr_prog *p, const char *s, size_t n)
{
    if (n >= STYR_PROG_NAMELEN) n = STYR_PROG_NAMELEN - 1;
    for (size_t i = 0; i < p->nname; i++)
        if (strlen(p->name[i]) == n && !memcmp(p->name[i], s, n)) return (uint16_t)i;
    if (p->nname == p->namecap)
        p->name = styr_xrealloc(p->name, (p->namecap = p->namecap ? 2 * p->namecap : 16) * sizeof *p->name);
    memcpy(p->name[p->nname], s, n);
    p->name[p->nname][n] = 0;
    return (uint16_t)p->nname++;
}

int64_t styr_prog_person(const styr_cols *c, const char *s, size_t n)
{
    uint64_t lo = 0, hi = c->npersons;
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        size_t len;
        const char *id = styr_person_id(c, mid, &len);
        int k = memcmp(id, s, len < n ? len : n);
        if (!k) k = len < n ? -1 : len > n;
        if (!k) return (int64_t)mid;
        if (k < 0) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

static int cmp_row(const void *x, const void *y)
{
    const styr_assessment *a = x, *b = y;
    if (a->instrument != b->instrument) return a->instrument < b->instrument ? -1 : 1;
    if (a->indikator != b->indikator) return a->indikator < b->indikator ? -1 : 1;
    if (a->person != b->person) return a->person < b->person ? -1 : 1;
    if (a->day != b->day) return a->day < b->day ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

void styr_prog_sort(styr_prog *p)
{
    if (p->n) qsort(p->v, p->n, sizeof *p->v, cmp_row);
}

styr_rc styr_prog_store(sqlite3 *db, const styr_prog *p, const styr_cols *c, styr_diags *d)
{
    styr_rc rc;
    if ((rc = styr_sql_exec(db, ddl, d))) return rc;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO progression(person, dato, instrument, indikator, score, skala,"
                               " indlaest) VALUES(?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                           -1, &st, NULL))
        return styr_sql_fail(db, d);
    for (size_t i = 0; i < p->n; i++) {
        const styr_assessment *a = &p->v[i];
        size_t len;
        const char *id = styr_person_id(c, a->person, &len);
        int y, m, dd;
        char date[16];
        styr_civil_from_days(a->day, &y, &m, &dd);
        snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, dd);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, id, (int)len, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, p->name[a->instrument], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, p->name[a->indikator], -1, SQLITE_STATIC);
        sqlite3_bind_double(st, 5, a->score);
        sqlite3_bind_int(st, 6, a->skala);
        if (sqlite3_step(st) != SQLITE_DONE) {
            rc = styr_sql_fail(db, d);
            sqlite3_finalize(st);
            return rc;
        }
    }
    sqlite3_finalize(st);
    return STYR_OK;
}

styr_rc styr_prog_load(sqlite3 *db, const styr_cols *c, styr_prog *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'progression'", -1, &st,
                           NULL))
        return styr_sql_fail(db, d);
    int has = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (!has) return STYR_OK;
    if (sqlite3_prepare_v2(db, "SELECT person, dato, instrument, indikator, score, skala FROM progression", -1, &st,
                           NULL))
        return styr_sql_fail(db, d);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        int64_t pi = c ? styr_prog_person(c, id, (size_t)sqlite3_column_bytes(st, 0)) : -1;
        if (pi < 0) {
            out->gone++;
            continue;
        }
        const char *dt = (const char *)sqlite3_column_text(st, 1);
        int y, m, dd;
        if (!dt || sscanf(dt, "%d-%d-%d", &y, &m, &dd) != 3 || !styr_date_valid(y, m, dd)) continue;
        if (out->n == out->cap) out->v = styr_xrealloc(out->v, (out->cap = out->cap ? 2 * out->cap : 256) * sizeof *out->v);
        styr_assessment *a = &out->v[out->n++];
        memset(a, 0, sizeof *a);
        a->person = (uint32_t)pi;
        a->day = styr_days_from_civil(y, m, dd);
        a->week = (uint16_t)styr_week_of_day(a->day);
        const char *in = (const char *)sqlite3_column_text(st, 2), *ik = (const char *)sqlite3_column_text(st, 3);
        a->instrument = styr_prog_name(out, in, strlen(in));
        a->indikator = styr_prog_name(out, ik, strlen(ik));
        a->score = sqlite3_column_double(st, 4);
        a->skala = (uint8_t)sqlite3_column_int(st, 5);
    }
    styr_rc rc = r == SQLITE_DONE ? STYR_OK : styr_sql_fail(db, d);
    sqlite3_finalize(st);
    if (rc) {
        styr_prog_free(out);
        return rc;
    }
    styr_prog_sort(out);
    return STYR_OK;
}
