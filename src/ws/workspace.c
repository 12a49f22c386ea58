/* workspace: catalog schema, reference-table loading, locking and commits. */
#include "workspace.h"
#include "secret.h"

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../calc/figures.h" /* the figure keys of ydelser.ikke_relevant */
#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "../ingest/csv.h"
#include "refdata.h"

#define CATALOG "katalog.sqlite"
#define LOCKFILE ".lock"

struct styr_ws {
    char *dir;
    sqlite3 *db;
    int lockfd;
    int mode;
    int egen_kommune;
    uint32_t generation;
    char panel_file[64];
    styr_codes codes;
    styr_panel *panel;
};

static const char *const schema =
    "PRAGMA foreign_keys = ON;\n"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
    "CREATE TABLE kilder(tabel TEXT PRIMARY KEY, fil TEXT NOT NULL, kilde TEXT NOT NULL);\n"
    "CREATE TABLE kommuner(kode INTEGER PRIMARY KEY CHECK(kode BETWEEN 1 AND 999),"
    " navn TEXT NOT NULL, region TEXT NOT NULL);\n"
    "CREATE TABLE klynger(aar INTEGER NOT NULL, kommune INTEGER NOT NULL REFERENCES kommuner(kode),"
    " klynge TEXT NOT NULL, PRIMARY KEY(aar, kommune));\n"
    "CREATE TABLE ydelser(ydelse TEXT PRIMARY KEY, navn TEXT NOT NULL, navn_en TEXT NOT NULL,"
    " offentlig INTEGER NOT NULL CHECK(offentlig IN (0,1)), refusionsklasse TEXT NOT NULL,"
    " trappe INTEGER NOT NULL CHECK(trappe IN (0,1)), ikke_relevant TEXT NOT NULL DEFAULT '',"
    " uden_retning TEXT NOT NULL DEFAULT '', fra TEXT NOT NULL DEFAULT '', dele TEXT NOT NULL DEFAULT '',"
    " idx INTEGER UNIQUE NOT NULL);\n"
    "CREATE TABLE tilbud(tilbud TEXT PRIMARY KEY, navn TEXT NOT NULL, navn_en TEXT NOT NULL,"
    " idx INTEGER UNIQUE NOT NULL);\n"
    "CREATE TABLE dream_koder(kode INTEGER PRIMARY KEY CHECK(kode BETWEEN 0 AND 999),"
    " ydelse TEXT NOT NULL, tilbud TEXT NOT NULL, tekst TEXT NOT NULL);\n"
    "CREATE TABLE satser(aar INTEGER NOT NULL, ydelse TEXT NOT NULL REFERENCES ydelser(ydelse),"
    " kr_pr_uge REAL NOT NULL, kilde TEXT NOT NULL, PRIMARY KEY(aar, ydelse));\n"
    "CREATE TABLE oevo_loft(aar INTEGER NOT NULL, ydelse TEXT NOT NULL REFERENCES ydelser(ydelse),"
    " kr_pr_fuldtidsperson REAL NOT NULL CHECK(kr_pr_fuldtidsperson >= 0), kilde TEXT NOT NULL,"
    " PRIMARY KEY(aar, ydelse));\n"
    "CREATE TABLE regimer(regime TEXT PRIMARY KEY, fra TEXT NOT NULL, til TEXT NOT NULL, navn TEXT NOT NULL);\n"
    "CREATE TABLE refusion(regime TEXT NOT NULL REFERENCES regimer(regime), klasse TEXT NOT NULL, tilbud TEXT NOT NULL,"
    " taeller TEXT NOT NULL, fra TEXT NOT NULL, til TEXT NOT NULL, kommunal_andel REAL NOT NULL"
    " CHECK(kommunal_andel BETWEEN 0 AND 1), kilde TEXT NOT NULL, idx INTEGER UNIQUE NOT NULL);\n"
    "CREATE TABLE befolkning(kommune INTEGER NOT NULL REFERENCES kommuner(kode), aar INTEGER NOT NULL,"
    " alder INTEGER NOT NULL CHECK(alder BETWEEN 0 AND 120), antal INTEGER NOT NULL CHECK(antal >= 0),"
    " PRIMARY KEY(kommune, aar, alder)) WITHOUT ROWID;\n"
    "CREATE TABLE importer(id INTEGER PRIMARY KEY, tidspunkt TEXT NOT NULL, generation INTEGER NOT NULL,"
    " panel_checksum TEXT NOT NULL, personer INTEGER NOT NULL, personuger INTEGER NOT NULL,"
    " nye_personuger INTEGER NOT NULL, kommando TEXT NOT NULL);\n"
    "CREATE TABLE figurcache(panel_checksum TEXT NOT NULL, periode TEXT NOT NULL, layout INTEGER NOT NULL,"
    " nk INTEGER NOT NULL, ng INTEGER NOT NULL, celler BLOB NOT NULL, PRIMARY KEY(panel_checksum, periode))"
    " WITHOUT ROWID;\n"
    "CREATE TABLE import_filer(import_id INTEGER NOT NULL REFERENCES importer(id), fil TEXT NOT NULL,"
    " format TEXT NOT NULL, kodning TEXT NOT NULL, separator TEXT NOT NULL, decimal TEXT NOT NULL,"
    " raekker INTEGER NOT NULL, bytes INTEGER NOT NULL);\n";

/* A reference table: its file, SQL table, the exact header, and column types
 * (I integer, R decimal, T text). with_idx appends the row number as idx. */
typedef struct refspec {
    const char *file, *table, *header, *types;
    int with_idx;
} refspec;

static const refspec refs[] = {
    {"kommuner.csv", "kommuner", "kode;navn;region", "ITT", 0},
    {"ydelser.csv", "ydelser", "ydelse;navn;navn_en;offentlig;refusionsklasse;trappe;ikke_relevant;uden_retning;fra;dele", "TTTITITTTT", 1},
    {"tilbud.csv", "tilbud", "tilbud;navn;navn_en", "TTT", 1},
    {"klynger.csv", "klynger", "aar;kommune;klynge", "IIT", 0},
    {"dream.csv", "dream_koder", "kode;ydelse;tilbud;tekst", "ITTT", 0},
    {"satser.csv", "satser", "aar;ydelse;kr_pr_uge;kilde", "ITRT", 0},
    {"oevo_loft.csv", "oevo_loft", "aar;ydelse;kr_pr_fuldtidsperson;kilde", "ITRT", 0},
    {"regimer.csv", "regimer", "regime;fra;til;navn", "TTTT", 0},
    {"refusion.csv", "refusion", "regime;klasse;tilbud;taeller;fra;til;kommunal_andel;kilde", "TTTTTTRT", 1},
    {"befolkning.csv", "befolkning", "kommune;aar;alder;antal", "IIII", 0},
};

void styr_hex64(uint64_t v, char out[17]) { snprintf(out, 17, "%016llx", (unsigned long long)v); }

/* What SQLite reported, in the user's language for the errors a user can act
 * on (a full disk, a read-only or damaged catalog), otherwise SQLite's text. */
static const char *sql_text(sqlite3 *db)
{
    switch (sqlite3_errcode(db) & 0xff) {
    case SQLITE_FULL: return styr_tr("der er ikke plads på disken", "no space left on the disk");
    case SQLITE_IOERR: return styr_tr("skrive- eller læsefejl på disken", "disk input/output error");
    case SQLITE_READONLY:
        if (sqlite3_extended_errcode(db) == SQLITE_READONLY_ROLLBACK)
            return styr_tr("kataloget har en afbrudt ændring, som kun kan rulles tilbage med skriveadgang til"
                           " arbejdsområdet", "the catalog has an interrupted change that can only be rolled back"
                           " with write access to the workspace");
        return styr_tr("kataloget er skrivebeskyttet", "the catalog is read-only");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return styr_tr("katalog.sqlite er beskadiget", "katalog.sqlite is damaged");
    case SQLITE_CANTOPEN:
        return styr_tr("katalog.sqlite eller dets journal kan ikke åbnes eller oprettes",
                       "katalog.sqlite or its journal cannot be opened or created");
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return styr_tr("kataloget er låst af en anden proces", "the catalog is locked by another process");
    case SQLITE_PERM:
    case SQLITE_AUTH: return styr_tr("adgang nægtet", "permission denied");
    case SQLITE_NOMEM: return styr_tr("ikke nok hukommelse", "out of memory");
    default: return sqlite3_errmsg(db);
    }
}

styr_rc styr_sql_fail(sqlite3 *db, styr_diags *d)
{
    /* a journal that cannot be created is CANTOPEN, a failed fsync IOERR:
     * the system error says why (a full disk). SQLite reads errno after the
     * fact, when a later probe may have left ENOENT: that one says nothing. */
    int prim = sqlite3_errcode(db) & 0xff, e = sqlite3_system_errno(db);
    if (e && e != ENOENT && (prim == SQLITE_CANTOPEN || prim == SQLITE_IOERR))
        return styr_diag_sys(d, STYR_ESQL, "katalog.sqlite: %s (%s)", sql_text(db), styr_strerror(e));
    return styr_diag_sys(d, STYR_ESQL, "katalog.sqlite: %s", sql_text(db));
}

styr_rc styr_sql_exec(sqlite3 *db, const char *sql, styr_diags *d)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) return styr_sql_fail(db, d);
    return STYR_OK;
}

styr_rc styr_sql_commit(sqlite3 *db, styr_diags *d)
{
    /* SQLite rolls a transaction back by itself after some errors (a full
     * disk, an I/O error); the statements after it would then each commit on
     * their own. A transaction that is no longer open is an error, never a
     * COMMIT of whatever happened since. */
    if (sqlite3_get_autocommit(db))
        return styr_diag_sys(d, STYR_ESQL, "katalog.sqlite: %s",
                             styr_tr("ændringen blev afbrudt og rullet tilbage; intet er gemt",
                                     "the change was interrupted and rolled back; nothing was saved"));
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) return STYR_OK;
    styr_rc rc = styr_sql_fail(db, d);
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static styr_rc sql_err(sqlite3 *db, styr_diags *d) { return styr_sql_fail(db, d); }

static styr_rc meta_set(sqlite3 *db, const char *key, const char *value, styr_diags *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", -1, &st, NULL))
        return sql_err(db, d);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
    int r = sqlite3_step(st);
    sqlite3_finalize(st);
    return r == SQLITE_DONE ? STYR_OK : sql_err(db, d);
}

/* Read one meta value: SQLITE_ROW (found), SQLITE_DONE (absent) or the error. */
static int meta_read(sqlite3 *db, const char *key, char *out, size_t cap)
{
    sqlite3_stmt *st;
    out[0] = 0;
    int r = sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL);
    if (r != SQLITE_OK) return r;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    r = sqlite3_step(st);
    if (r == SQLITE_ROW) snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return r;
}

static int meta_get(sqlite3 *db, const char *key, char *out, size_t cap)
{
    return meta_read(db, key, out, cap) == SQLITE_ROW;
}

/* ---- reference tables ---------------------------------------------------------- */

static int header_matches(const styr_csv *c, const char *want)
{
    size_t i = 0;
    const char *p = want;
    for (;;) {
        const char *e = strchr(p, ';');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (i >= c->nf || c->f[i].n != n || memcmp(c->f[i].p, p, n)) return 0;
        i++;
        if (!e) break;
        p = e + 1;
    }
    return i == c->nf;
}

static styr_rc load_ref(sqlite3 *db, const refspec *r, const char *name, const void *data, size_t size,
                        styr_diags *d)
{
    styr_csv c;
    styr_csv_init(&c, name, data, size);
    const char *src;
    size_t srclen;
    styr_csv_skip_comments(&c, &src, &srclen);
    styr_rc rc = STYR_OK;
    sqlite3_stmt *ins = NULL, *k = NULL;
    int h = styr_csv_header(&c, d);
    if (h <= 0 || !header_matches(&c, r->header)) {
        if (h >= 0) styr_diag_add(d, D_HEADER, M_NONE, name, c.line, 0, NULL, r->header, strlen(r->header));
        rc = STYR_EINPUT;
        goto out;
    }
    if (!src) {
        static const char none[] = "(ingen kildelinje)";
        src = none;
        srclen = sizeof none - 1;
    }
    if (sqlite3_prepare_v2(db, "INSERT INTO kilder(tabel, fil, kilde) VALUES(?, ?, ?)", -1, &k, NULL)) {
        rc = sql_err(db, d);
        goto out;
    }
    sqlite3_bind_text(k, 1, r->table, -1, SQLITE_STATIC);
    sqlite3_bind_text(k, 2, r->file, -1, SQLITE_STATIC);
    sqlite3_bind_text(k, 3, src, (int)srclen, SQLITE_TRANSIENT);
    if (sqlite3_step(k) != SQLITE_DONE) { rc = sql_err(db, d); goto out; }

    size_t ncol = strlen(r->types);
    char sql[512];
    int o = snprintf(sql, sizeof sql, "INSERT INTO %s(%s", r->table, r->header);
    for (char *s = sql; *s; s++) if (*s == ';') *s = ',';
    o += snprintf(sql + o, sizeof sql - (size_t)o, "%s) VALUES(?", r->with_idx ? ",idx" : "");
    for (size_t i = 1; i < ncol + (size_t)r->with_idx; i++) o += snprintf(sql + o, sizeof sql - (size_t)o, ",?");
    snprintf(sql + o, sizeof sql - (size_t)o, ")");
    if (sqlite3_prepare_v2(db, sql, -1, &ins, NULL)) { rc = sql_err(db, d); goto out; }
    int row = 0, got;
    while ((got = styr_csv_next(&c, d)) != 0) {
        if (got < 0) { rc = STYR_EINPUT; continue; }
        row++;
        if (c.nf != ncol) {
            char v[16];
            snprintf(v, sizeof v, "%zu", c.nf);
            styr_diag_add(d, D_FIELDS, X_FIELDS_N, name, c.line, 0, NULL, v, strlen(v));
            rc = STYR_EINPUT;
            continue;
        }
        sqlite3_reset(ins);
        sqlite3_clear_bindings(ins);
        int bad = 0;
        for (size_t i = 0; i < ncol; i++) {
            styr_field f = c.f[i];
            if (r->types[i] == 'I') {
                uint64_t v;
                if (styr_parse_uint(f.p, f.n, &v)) {
                    styr_diag_add(d, D_BAD_INT, X_INT, name, c.line, (uint32_t)i + 1, NULL, f.p, f.n);
                    bad = 1;
                }
                else sqlite3_bind_int64(ins, (int)i + 1, (sqlite3_int64)v);
            } else if (r->types[i] == 'R') {
                double v;
                char mark;
                if (styr_parse_decimal(f.p, f.n, &v, &mark)) {
                    styr_diag_add(d, D_BAD_NUMBER, X_NUMBER, name, c.line, (uint32_t)i + 1, NULL, f.p, f.n);
                    bad = 1;
                }
                else sqlite3_bind_double(ins, (int)i + 1, v);
            } else {
                sqlite3_bind_text(ins, (int)i + 1, f.p, (int)f.n, SQLITE_TRANSIENT);
            }
        }
        if (bad) { rc = STYR_EINPUT; continue; }
        if (r->with_idx) sqlite3_bind_int(ins, (int)ncol + 1, row);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            int ec = sqlite3_extended_errcode(db);
            styr_msg what = ec == SQLITE_CONSTRAINT_FOREIGNKEY ? D_BAD_CODE
                          : (ec == SQLITE_CONSTRAINT_PRIMARYKEY || ec == SQLITE_CONSTRAINT_UNIQUE) ? D_DUP_ROW
                          : D_BAD_VALUE;
            styr_msg exp = what == D_DUP_ROW ? X_UNIQUE : M_NONE;
            const char *m = sqlite3_errmsg(db);
            styr_diag_add(d, what, exp, name, c.line, 0, NULL, m, strlen(m));
            rc = STYR_EINPUT;
        }
    }
    if (!rc && row == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, name, 0, 0, NULL, NULL, 0);
        rc = STYR_EINPUT;
    }
out:
    sqlite3_finalize(ins);
    sqlite3_finalize(k);
    styr_csv_free(&c);
    return rc;
}

static styr_rc load_refs(sqlite3 *db, const char *datadir, styr_diags *d)
{
    styr_rc rc = STYR_OK;
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        const refspec *r = &refs[i];
        styr_rc one;
        if (datadir) {
            char *path = styr_path_join(datadir, r->file);
            styr_map m;
            one = styr_map_file(path, &m, d);
            if (!one) one = load_ref(db, r, path, m.data, m.size, d);
            styr_unmap(&m);
            free(path);
        } else {
            const styr_refdata_file *f = styr_refdata_find(r->file);
            if (!f) return styr_diag_sys(d, STYR_EWS, "reference table %s is not built in", r->file);
            one = load_ref(db, r, r->file, f->data, f->size, d);
        }
        if (one == STYR_EINPUT) rc = STYR_EINPUT; /* go on: report all tables' errors */
        else if (one) return one;
    }
    if (rc) return rc;
    /* cross-table checks the schema cannot express */
    static const char *const check =
        "SELECT kode, ydelse, tilbud FROM dream_koder"
        " WHERE (ydelse <> '' AND ydelse NOT IN (SELECT ydelse FROM ydelser WHERE dele = ''))"
        "    OR (tilbud <> '' AND tilbud NOT IN (SELECT tilbud FROM tilbud))"
        "    OR (ydelse = '' AND tilbud <> '') LIMIT 20";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, check, -1, &st, NULL)) return sql_err(db, d);
    while (sqlite3_step(st) == SQLITE_ROW) {
        char v[96];
        snprintf(v, sizeof v, "%d: %s/%s", sqlite3_column_int(st, 0), sqlite3_column_text(st, 1),
                 sqlite3_column_text(st, 2));
        styr_diag_add(d, D_BAD_CODE, X_YDELSE, "dream.csv", 0, 0, NULL, v, strlen(v));
        rc = STYR_EINPUT;
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "SELECT idx, ikke_relevant, uden_retning FROM ydelser ORDER BY idx", -1, &st, NULL))
        return sql_err(db, d);
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int col = 1; col <= 2; col++) {
            const char *v = (const char *)sqlite3_column_text(st, col);
            uint32_t m;
            if (v && styr_figures_mask(v, &m)) {
                styr_diag_add(d, D_BAD_FIGURE, X_FIGUR, "ydelser.csv", sqlite3_column_int(st, 0) + 2, 6 + col, NULL, v,
                              strlen(v));
                rc = STYR_EINPUT;
            }
        }
    }
    sqlite3_finalize(st);
    return rc;
}

/* ---- codes -------------------------------------------------------------------------- */

static styr_rc load_codes(sqlite3 *db, styr_codes *c, styr_diags *d)
{
    memset(c, 0, sizeof *c);
    memset(c->kom_idx, 0xFF, sizeof c->kom_idx);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT kode, navn, region FROM kommuner ORDER BY kode", -1, &st, NULL))
        return sql_err(db, d);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int n = c->dict.nkom;
        if (n >= STYR_MAX_KOMMUNER) { sqlite3_finalize(st); return styr_diag_sys(d, STYR_ELIMIT, "too many municipalities"); }
        int code = sqlite3_column_int(st, 0);
        c->dict.kom[n] = (uint16_t)code;
        c->kom_idx[code] = (int16_t)n;
        snprintf(c->kom_name[n], sizeof c->kom_name[n], "%s", sqlite3_column_text(st, 1));
        snprintf(c->kom_region[n], sizeof c->kom_region[n], "%s", sqlite3_column_text(st, 2));
        c->dict.nkom++;
    }
    sqlite3_finalize(st);

    c->dict.nyd = 1;
    static _Thread_local char parts[STYR_MAX_CODES][256];
    memset(parts, 0, sizeof parts);
    /* ikke_relevant came with the four states; a workspace made before has none */
    /* fra and dele came with the reform of 1 July 2025; a workspace made before has none */
    if (sqlite3_prepare_v2(db, "SELECT ydelse, navn, navn_en, offentlig, trappe, ikke_relevant, uden_retning, fra, dele"
                               " FROM ydelser ORDER BY idx", -1, &st, NULL) &&
        sqlite3_prepare_v2(db, "SELECT ydelse, navn, navn_en, offentlig, trappe, ikke_relevant, uden_retning, '', ''"
                               " FROM ydelser ORDER BY idx", -1, &st, NULL) &&
        sqlite3_prepare_v2(db, "SELECT ydelse, navn, navn_en, offentlig, trappe, '', '', '', '' FROM ydelser ORDER BY idx", -1, &st,
                           NULL))
        return sql_err(db, d);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int n = c->dict.nyd;
        if (n >= STYR_MAX_CODES) { sqlite3_finalize(st); return styr_diag_sys(d, STYR_ELIMIT, "too many ydelser"); }
        snprintf(c->dict.yd[n], sizeof c->dict.yd[n], "%s", sqlite3_column_text(st, 0));
        snprintf(c->yd_name[n], sizeof c->yd_name[n], "%s", sqlite3_column_text(st, 1));
        snprintf(c->yd_name_en[n], sizeof c->yd_name_en[n], "%s", sqlite3_column_text(st, 2));
        c->yd_public[n] = (uint8_t)sqlite3_column_int(st, 3);
        c->yd_trappe[n] = (uint8_t)sqlite3_column_int(st, 4);
        const char *na = (const char *)sqlite3_column_text(st, 5);
        if (styr_figures_mask(na ? na : "", &c->yd_na[n])) c->yd_na[n] = 0; /* checked at init */
        const char *nd = (const char *)sqlite3_column_text(st, 6);
        if (styr_figures_mask(nd ? nd : "", &c->yd_nodir[n])) c->yd_nodir[n] = 0;
        const char *fra = (const char *)sqlite3_column_text(st, 7);
        c->yd_from[n] = (uint16_t)(fra ? atoi(fra) : 0);
        const char *dele = (const char *)sqlite3_column_text(st, 8);
        snprintf(parts[n], sizeof parts[n], "%s", dele ? dele : "");
        c->dict.nyd++;
    }
    sqlite3_finalize(st);
    styr_codes_finish(c);
    /* unions: every part a known group that is no union and in no other union */
    for (int u = 1; u < c->dict.nyd; u++) {
        if (!parts[u][0]) continue;
        c->yd_is_union[u] = 1;
        for (char *p = parts[u], *e; *p; p = *e ? e + 1 : e) {
            e = strchr(p, ',');
            if (!e) e = p + strlen(p);
            int g = styr_codes_ydelse(c, p, (size_t)(e - p));
            if (g <= 0 || parts[g][0] || c->yd_union[g] || g == u)
                return styr_diag_sys(d, STYR_EWS, "ydelser.csv: %s: the part %.*s of a union is unknown, a union or in another union",
                                     c->dict.yd[u], (int)(e - p), p);
            c->yd_union[g] = (uint8_t)u;
        }
    }
    snprintf(c->yd_name[0], sizeof c->yd_name[0], "selvforsørget");
    snprintf(c->yd_name_en[0], sizeof c->yd_name_en[0], "self-supporting");

    c->dict.ntb = 1;
    if (sqlite3_prepare_v2(db, "SELECT tilbud, navn, navn_en FROM tilbud ORDER BY idx", -1, &st, NULL))
        return sql_err(db, d);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int n = c->dict.ntb;
        if (n >= STYR_MAX_CODES) { sqlite3_finalize(st); return styr_diag_sys(d, STYR_ELIMIT, "too many tilbud"); }
        snprintf(c->dict.tb[n], sizeof c->dict.tb[n], "%s", sqlite3_column_text(st, 0));
        snprintf(c->tb_name[n], sizeof c->tb_name[n], "%s", sqlite3_column_text(st, 1));
        snprintf(c->tb_name_en[n], sizeof c->tb_name_en[n], "%s", sqlite3_column_text(st, 2));
        c->dict.ntb++;
    }
    sqlite3_finalize(st);
    snprintf(c->tb_name[0], sizeof c->tb_name[0], "passiv");
    snprintf(c->tb_name_en[0], sizeof c->tb_name_en[0], "passive");
    styr_codes_finish(c);

    if (sqlite3_prepare_v2(db, "SELECT kode, ydelse, tilbud FROM dream_koder", -1, &st, NULL)) return sql_err(db, d);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int code = sqlite3_column_int(st, 0);
        const char *y = (const char *)sqlite3_column_text(st, 1);
        const char *t = (const char *)sqlite3_column_text(st, 2);
        if (code < 0 || code >= STYR_DREAM_MAX) continue;
        if (!*y) { c->dream_known[code] = 2; continue; }
        int yi = styr_codes_ydelse(c, y, strlen(y)), ti = styr_codes_tilbud(c, t, strlen(t));
        if (yi < 0 || ti < 0) continue;
        c->dream_known[code] = 1;
        c->dream_yd[code] = (uint8_t)yi;
        c->dream_tb[code] = (uint8_t)ti;
    }
    sqlite3_finalize(st);
    return STYR_OK;
}

/* ---- create / open -------------------------------------------------------------------- */

static styr_rc empty_panel(const char *path, const styr_dict *dict, uint64_t *checksum, styr_diags *d)
{
    static const uint64_t zero[1] = {0};
    styr_cols c = {0};
    c.run_off = zero;
    c.id_off = zero;
    c.id_heap = "";
    return styr_panel_write(path, &c, dict, 0, checksum, d);
}

static int dir_is_empty(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) return 0;
    struct dirent *e;
    int empty = 1;
    while ((e = readdir(dp)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) { empty = 0; break; }
    closedir(dp);
    return empty;
}

static void remove_tree(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) return;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char *p = styr_path_join(dir, e->d_name);
        unlink(p);
        free(p);
    }
    closedir(dp);
    rmdir(dir);
}

static void now_iso(char *buf, size_t cap)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

styr_rc styr_ws_init(const char *dir, const char *datadir, int egen_kommune, styr_diags *d)
{
    if (styr_path_exists(dir) && !dir_is_empty(dir))
        return styr_diag_sys(d, STYR_EEXIST, "%s", dir);
    /* build in a sibling temporary directory, then rename into place */
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dir, (long)getpid());
    if (mkdir(tmp, 0777) < 0) return styr_diag_sys(d, STYR_EIO, "%s: %s", tmp, strerror(errno));
    char *cat = styr_path_join(tmp, CATALOG);
    sqlite3 *db = NULL;
    styr_rc rc = STYR_OK;
    if (sqlite3_open_v2(cat, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        rc = styr_diag_sys(d, STYR_ESQL, "%s: %s", cat, db ? sqlite3_errmsg(db) : "cannot open");
        goto out;
    }
    if ((rc = styr_sql_exec(db, "BEGIN", d))) goto out;
    if ((rc = styr_sql_exec(db, schema, d))) goto out;
    if ((rc = load_refs(db, datadir, d))) goto out;
    if (egen_kommune) {
        sqlite3_stmt *st;
        int ok = 0;
        if (!sqlite3_prepare_v2(db, "SELECT 1 FROM kommuner WHERE kode = ?", -1, &st, NULL)) {
            sqlite3_bind_int(st, 1, egen_kommune);
            ok = sqlite3_step(st) == SQLITE_ROW;
            sqlite3_finalize(st);
        }
        if (!ok) {
            char v[16];
            snprintf(v, sizeof v, "%d", egen_kommune);
            styr_diag_add(d, D_BAD_KOMMUNE, X_KOMMUNE, NULL, 0, 0, "--kommune", v, strlen(v));
            rc = STYR_EUSAGE;
            goto out;
        }
    }
    styr_codes codes;
    if ((rc = load_codes(db, &codes, d))) goto out;
    char pname[64], hex[17], when[32], num[32];
    snprintf(pname, sizeof pname, "panel-%06u.styr", 0u);
    char *ppath = styr_path_join(tmp, pname);
    uint64_t ck = 0;
    rc = empty_panel(ppath, &codes.dict, &ck, d);
    free(ppath);
    if (rc) goto out;
    styr_hex64(ck, hex);
    now_iso(when, sizeof when);
    snprintf(num, sizeof num, "%d", egen_kommune);
    if ((rc = meta_set(db, "format", "styr-workspace", d)) || (rc = meta_set(db, "schema_version", "1", d)) ||
        (rc = meta_set(db, "styr_version", STYR_VERSION, d)) || (rc = meta_set(db, "created", when, d)) ||
        (rc = meta_set(db, "panel_file", pname, d)) || (rc = meta_set(db, "panel_checksum", hex, d)) ||
        (rc = meta_set(db, "panel_generation", "0", d)) || (rc = meta_set(db, "egen_kommune", num, d)))
        goto out;
    if ((rc = styr_sql_exec(db, "COMMIT", d))) goto out;
    if (sqlite3_close(db) != SQLITE_OK) { db = NULL; rc = styr_diag_sys(d, STYR_ESQL, "close failed"); goto out; }
    db = NULL;
    char *lock = styr_path_join(tmp, LOCKFILE);
    int lfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    free(lock);
    if (lfd < 0) { rc = styr_diag_sys(d, STYR_EIO, "%s: %s", tmp, strerror(errno)); goto out; }
    close(lfd);
    if ((rc = styr_secret_create(tmp, d))) goto out; /* the key for pseudonyms of CPR numbers */
    if ((rc = styr_fsync_dir(tmp, d))) goto out;
    if (styr_path_exists(dir)) rmdir(dir); /* an empty directory given by the user */
    if (rename(tmp, dir) < 0) { rc = styr_diag_sys(d, STYR_EIO, "%s: %s", dir, strerror(errno)); goto out; }
out:
    if (db) sqlite3_close(db);
    free(cat);
    if (rc) remove_tree(tmp);
    return rc;
}

/* Remove what an interrupted writer left: panel files the catalog does not
 * name and temporary files (".tmp-"). Runs under the exclusive lock, after
 * SQLite has rolled back any interrupted transaction, so the catalog names the
 * last committed panel. When that file is missing nothing is removed: another
 * panel file may then be all that is left of the data. */
static void remove_strays(styr_ws *ws)
{
    char *cur = styr_path_join(ws->dir, ws->panel_file);
    int have = ws->panel_file[0] && styr_file_size(cur) >= 0;
    free(cur);
    if (!have) return;
    DIR *dp = opendir(ws->dir);
    if (!dp) return;
    struct dirent *e;
    while ((e = readdir(dp))) {
        const char *n = e->d_name;
        int stray = (!strncmp(n, "panel-", 6) && strcmp(n, ws->panel_file)) || strstr(n, ".tmp-");
        if (!stray) continue;
        char *p = styr_path_join(ws->dir, n);
        unlink(p);
        free(p);
    }
    closedir(dp);
}

/* Why the catalog cannot be read: SQLite's error, or "not a workspace" when
 * the catalog opens but has no meta table of a styr workspace. */
static styr_rc open_fail(styr_ws *ws, int r, const char *dir, styr_diags *d)
{
    if (r == SQLITE_ERROR && strstr(sqlite3_errmsg(ws->db), "no such table"))
        return styr_diag_sys(d, STYR_EWS, "%s: %s", dir,
                             styr_tr("katalog.sqlite er ikke et styr-katalog", "katalog.sqlite is not a styr catalog"));
    return styr_diag_sys(d, STYR_ESQL, "%s/katalog.sqlite: %s", dir, sql_text(ws->db));
}

styr_rc styr_ws_open(const char *dir, int mode, styr_ws **out, styr_diags *d)
{
    *out = NULL;
    struct stat st;
    if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
        return styr_diag_sys(d, STYR_EWS, "%s: %s", dir, styr_tr("intet arbejdsområde her (opret det med styr init)",
                                                                   "no workspace here (create one with styr init)"));
    styr_ws *ws = styr_xcalloc(1, sizeof *ws);
    ws->dir = styr_xstrdup(dir);
    ws->mode = mode;
    ws->lockfd = -1;
    styr_rc rc = STYR_OK;
    char *lock = styr_path_join(dir, LOCKFILE), *cat = styr_path_join(dir, CATALOG);
    if (!styr_path_exists(cat)) {
        rc = styr_diag_sys(d, STYR_EWS, "%s: %s", dir, styr_tr("mangler katalog.sqlite", "katalog.sqlite is missing"));
        goto out;
    }
    ws->lockfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (ws->lockfd < 0 && mode == STYR_WS_READ) ws->lockfd = open(lock, O_RDONLY | O_CLOEXEC);
    if (ws->lockfd < 0 && mode == STYR_WS_WRITE) { /* never write without the lock */
        rc = styr_diag_sys(d, STYR_EIO, "%s: %s", lock, styr_strerror(errno));
        goto out;
    }
    if (ws->lockfd >= 0 && flock(ws->lockfd, (mode == STYR_WS_WRITE ? LOCK_EX : LOCK_SH) | LOCK_NB) < 0) {
        rc = styr_diag_sys(d, STYR_EBUSY, "%s", dir);
        goto out;
    }
    /* Readers open the catalog read-write too (when they may), and then refuse
     * to write (query_only): a writer killed inside a transaction leaves a hot
     * journal, and only a read-write connection can roll it back. A read-only
     * one fails on every read until some writer comes along. */
    int flags = SQLITE_OPEN_READWRITE;
    if (mode == STYR_WS_READ && access(cat, W_OK) < 0) flags = SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(cat, &ws->db, flags, NULL) != SQLITE_OK) {
        rc = ws->db ? open_fail(ws, sqlite3_errcode(ws->db), dir, d)
                    : styr_diag_sys(d, STYR_ENOMEM, "%s", styr_tr("ikke nok hukommelse", "out of memory"));
        goto out;
    }
    sqlite3_busy_timeout(ws->db, 5000);
    if ((rc = styr_sql_exec(ws->db, "PRAGMA foreign_keys = ON", d))) goto out;
    char v[64];
    int r = meta_read(ws->db, "format", v, sizeof v);
    if (r != SQLITE_ROW && r != SQLITE_DONE) {
        rc = open_fail(ws, r, dir, d);
        goto out;
    }
    if (r == SQLITE_DONE || strcmp(v, "styr-workspace")) {
        rc = styr_diag_sys(d, STYR_EWS, "%s: %s", dir,
                           styr_tr("katalog.sqlite er ikke et styr-katalog", "katalog.sqlite is not a styr catalog"));
        goto out;
    }
    if (!meta_get(ws->db, "schema_version", v, sizeof v) || atoi(v) != STYR_WS_SCHEMA) {
        rc = styr_diag_sys(d, STYR_EWS, "%s: %s %s", dir,
                           styr_tr("arbejdsområdet har en ukendt skemaversion:", "unsupported workspace schema:"), v);
        goto out;
    }
    if (mode == STYR_WS_READ && (rc = styr_sql_exec(ws->db, "PRAGMA query_only = ON", d))) goto out;
    meta_get(ws->db, "panel_file", ws->panel_file, sizeof ws->panel_file);
    meta_get(ws->db, "panel_generation", v, sizeof v);
    ws->generation = (uint32_t)strtoul(v, NULL, 10);
    meta_get(ws->db, "egen_kommune", v, sizeof v);
    ws->egen_kommune = atoi(v);
    if ((rc = load_codes(ws->db, &ws->codes, d))) goto out;
    if (mode == STYR_WS_WRITE) remove_strays(ws);
out:
    free(lock);
    free(cat);
    if (rc) { styr_ws_close(ws); return rc; }
    *out = ws;
    return STYR_OK;
}

void styr_ws_close(styr_ws *ws)
{
    if (!ws) return;
    styr_panel_close(ws->panel);
    if (ws->db) sqlite3_close(ws->db);
    if (ws->lockfd >= 0) close(ws->lockfd);
    free(ws->dir);
    free(ws);
}

sqlite3 *styr_ws_db(const styr_ws *ws) { return ws->db; }
const styr_codes *styr_ws_codes(const styr_ws *ws) { return &ws->codes; }
const char *styr_ws_dir(const styr_ws *ws) { return ws->dir; }
/* styr serve answers each request for the municipality its token grants: that
 * municipality is then the one whose figures --intern shows unsuppressed. */
static _Thread_local int own_override = -1;

void styr_ws_override_own(int kommune) { own_override = kommune; }

int styr_ws_egen_kommune(const styr_ws *ws) { return own_override >= 0 ? own_override : ws->egen_kommune; }

styr_rc styr_ws_panel(styr_ws *ws, const styr_panel **out, styr_diags *d)
{
    if (!ws->panel) {
        char *p = styr_path_join(ws->dir, ws->panel_file);
        styr_rc rc = styr_panel_open(p, 0, &ws->panel, d);
        free(p);
        if (rc) return rc;
        char hex[17], want[32];
        styr_hex64(styr_panel_checksum(ws->panel), hex);
        meta_get(ws->db, "panel_checksum", want, sizeof want);
        if (strcmp(hex, want)) {
            styr_panel_close(ws->panel);
            ws->panel = NULL;
            return styr_diag_sys(d, STYR_ECORRUPT, "%s: the panel is not the one the catalog names", ws->panel_file);
        }
        if (!styr_dict_equal(styr_panel_dict(ws->panel), &ws->codes.dict)) {
            styr_panel_close(ws->panel);
            ws->panel = NULL;
            return styr_diag_sys(d, STYR_EWS, "%s: the panel's code tables differ from the catalog's", ws->panel_file);
        }
    }
    *out = ws->panel;
    return STYR_OK;
}

/* 1 when the committed catalog names panel file pname, 0 when it names
 * another, -1 when it cannot be read (then nothing may be deleted). */
static int catalog_names(sqlite3 *db, const char *pname)
{
    char v[64];
    int r = meta_read(db, "panel_file", v, sizeof v);
    if (r != SQLITE_ROW) return -1;
    return !strcmp(v, pname);
}

/* Empty the figure cache inside the commit's transaction (a workspace from
 * before the cache has no table: nothing to empty). */
static styr_rc drop_cache(sqlite3 *db, styr_diags *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'figurcache'", -1, &st,
                           NULL))
        return sql_err(db, d);
    int r = sqlite3_step(st);
    sqlite3_finalize(st);
    if (r == SQLITE_DONE) return STYR_OK;
    if (r != SQLITE_ROW) return sql_err(db, d);
    return styr_sql_exec(db, "DELETE FROM figurcache", d);
}

styr_rc styr_ws_commit(styr_ws *ws, const styr_cols *cols, styr_ws_txn_fn fn, void *ctx, styr_diags *d)
{
    if (ws->mode != STYR_WS_WRITE)
        return styr_diag_sys(d, STYR_EUSAGE, "%s", styr_tr("arbejdsområdet er åbnet kun til læsning", "the workspace is opened read-only"));
    uint32_t gen = ws->generation;
    uint64_t ck = ws->panel ? styr_panel_checksum(ws->panel) : 0;
    char pname[64], *newpath = NULL;
    styr_rc rc;
    snprintf(pname, sizeof pname, "%s", ws->panel_file);
    if (cols) {
        gen++;
        snprintf(pname, sizeof pname, "panel-%06u.styr", gen);
        newpath = styr_path_join(ws->dir, pname);
        if ((rc = styr_panel_write(newpath, cols, &ws->codes.dict, gen, &ck, d))) goto fail;
    } else if (!ws->panel) {
        const styr_panel *p;
        if ((rc = styr_ws_panel(ws, &p, d))) goto fail;
        ck = styr_panel_checksum(p);
    }
    if ((rc = styr_sql_exec(ws->db, "BEGIN IMMEDIATE", d))) goto fail;
    char hex[17], num[16];
    styr_hex64(ck, hex);
    snprintf(num, sizeof num, "%u", gen);
    /* Every statement is checked, and the transaction must still be open at
     * COMMIT (styr_sql_commit): a statement that fails on a full disk makes
     * SQLite roll back on its own, and what follows must not commit alone. */
    if ((cols && (rc = drop_cache(ws->db, d))) || (fn && (rc = fn(ws->db, ctx, gen, ck, d))) ||
        (rc = meta_set(ws->db, "panel_file", pname, d)) || (rc = meta_set(ws->db, "panel_checksum", hex, d)) ||
        (rc = meta_set(ws->db, "panel_generation", num, d))) {
        if (!sqlite3_get_autocommit(ws->db)) sqlite3_exec(ws->db, "ROLLBACK", NULL, NULL, NULL);
        goto fail;
    }
    if ((rc = styr_sql_commit(ws->db, d))) goto fail;
    if (cols) {
        /* the catalog names the new panel now: the old file is a leftover */
        char *old = styr_path_join(ws->dir, ws->panel_file);
        unlink(old);
        free(old);
        styr_panel_close(ws->panel);
        ws->panel = NULL;
        snprintf(ws->panel_file, sizeof ws->panel_file, "%s", pname);
        ws->generation = gen;
        styr_fsync_dir(ws->dir, d);
    }
    free(newpath);
    return STYR_OK;
fail:
    /* the new file goes only when the catalog certainly does not name it; if
     * the catalog cannot be read, it stays for the next writer to sort out */
    if (newpath && catalog_names(ws->db, pname) == 0) unlink(newpath);
    free(newpath);
    return rc;
}
