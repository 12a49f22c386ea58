/* rules: compiling rates, regimes and refusion rules into lookup tables. */
#include "rules.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/num.h"
#include "../core/week.h"
#include "../ingest/csv.h"
#include "../ws/refdata.h"

int styr_rules_find(const styr_rules *r, const char *name)
{
    for (int i = 0; i < r->nreg; i++)
        if (!strcmp(r->regname[i], name)) return i;
    return -1;
}

static int class_index(styr_rules *r, const char *name)
{
    for (int i = 0; i < r->nclass; i++)
        if (!strcmp(r->classname[i], name)) return i;
    if (r->nclass == 16) return -1;
    snprintf(r->classname[r->nclass], sizeof r->classname[0], "%s", name);
    return r->nclass++;
}

static styr_rc bad(styr_diags *d, const char *what, const char *value)
{
    styr_diag_add(d, D_BAD_VALUE, M_NONE, "refusion", 0, 0, what, value, strlen(value));
    return STYR_EINPUT;
}

static styr_rc add_regime(styr_rules *r, const char *name, const char *fra, const char *til, styr_diags *d)
{
    if (r->nreg == STYR_MAXREG) return bad(d, "regime", name);
    int a, b;
    if (styr_week_parse(fra, strlen(fra), &a) || styr_week_parse(til, strlen(til), &b) || b < a)
        return bad(d, "regimer", name);
    snprintf(r->regname[r->nreg], sizeof r->regname[0], "%s", name);
    r->reg_first[r->nreg] = a;
    r->reg_last[r->nreg] = b;
    r->nreg++;
    return STYR_OK;
}

static styr_rc add_rule(styr_rules *r, const styr_codes *codes, const char *const f[7], styr_diags *d)
{
    if (r->nrules == (int)(sizeof r->rule / sizeof r->rule[0])) return bad(d, "refusion", f[0]);
    styr_rule x = {0};
    if ((x.regime = styr_rules_find(r, f[0])) < 0) return bad(d, "regime", f[0]);
    x.klasse = strcmp(f[1], "*") ? class_index(r, f[1]) : -1;
    if (!strcmp(f[2], "*")) x.tilbud = -1;
    else if (!strcmp(f[2], "passiv")) x.tilbud = -2;
    else if (!strcmp(f[2], "tilbud")) x.tilbud = -3;
    else if ((x.tilbud = styr_codes_tilbud(codes, f[2], strlen(f[2]))) <= 0) return bad(d, "tilbud", f[2]);
    if (!*f[3]) x.cnt = STYR_CNT_NONE;
    else if (!strcmp(f[3], "forloebsuge")) x.cnt = STYR_CNT_SPELLWEEK;
    else if (!strcmp(f[3], "trappe")) x.cnt = STYR_CNT_TRAPPE;
    else return bad(d, "taeller", f[3]);
    uint64_t v;
    x.lo = 1;
    x.hi = INT_MAX;
    if (*f[4] && (styr_parse_uint(f[4], strlen(f[4]), &v) || v > 100000)) return bad(d, "fra", f[4]);
    if (*f[4]) x.lo = (int)v;
    if (*f[5] && (styr_parse_uint(f[5], strlen(f[5]), &v) || v > 100000)) return bad(d, "til", f[5]);
    if (*f[5]) x.hi = (int)v;
    double s;
    char mark;
    if (styr_parse_decimal(f[6], strlen(f[6]), &s, &mark) || s < 0 || s > 1) return bad(d, "kommunal_andel", f[6]);
    x.s = s;
    r->rule[r->nrules++] = x;
    return STYR_OK;
}

/* Read regimes and rules from the catalog; 1 when the tables are not there. */
static int from_catalog(styr_rules *r, styr_ws *ws, styr_diags *d, styr_rc *rc)
{
    sqlite3 *db = styr_ws_db(ws);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT regime, fra, til FROM regimer ORDER BY fra", -1, &st, NULL) != SQLITE_OK) return 1;
    while (!*rc && sqlite3_step(st) == SQLITE_ROW)
        *rc = add_regime(r, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
                         (const char *)sqlite3_column_text(st, 2), d);
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "SELECT regime, klasse, tilbud, taeller, fra, til, kommunal_andel FROM refusion ORDER BY idx",
                           -1, &st, NULL) != SQLITE_OK)
        return 1;
    while (!*rc && sqlite3_step(st) == SQLITE_ROW) {
        const char *f[7];
        for (int i = 0; i < 7; i++) f[i] = (const char *)sqlite3_column_text(st, i);
        *rc = add_rule(r, styr_ws_codes(ws), f, d);
    }
    sqlite3_finalize(st);
    return 0;
}

/* The tables built into styr, for workspaces made before the rules existed. */
static styr_rc from_builtin(styr_rules *r, styr_ws *ws, styr_diags *d)
{
    static const char *const files[2] = {"regimer.csv", "refusion.csv"};
    styr_rc rc = STYR_OK;
    for (int k = 0; k < 2 && !rc; k++) {
        const styr_refdata_file *file = styr_refdata_find(files[k]);
        if (!file) return styr_diag_sys(d, STYR_EWS, "%s is not built in", files[k]);
        styr_csv c;
        styr_csv_init(&c, files[k], file->data, file->size);
        styr_csv_skip_comments(&c, NULL, NULL);
        if (styr_csv_header(&c, d) != 1) rc = STYR_EINPUT;
        while (!rc && styr_csv_next(&c, d) == 1) {
            char buf[8][64];
            const char *f[8];
            for (size_t i = 0; i < 8; i++) {
                size_t n = i < c.nf ? c.f[i].n : 0;
                if (n >= sizeof buf[i]) n = sizeof buf[i] - 1;
                memcpy(buf[i], i < c.nf ? c.f[i].p : "", n);
                buf[i][n] = 0;
                f[i] = buf[i];
            }
            rc = k == 0 ? add_regime(r, f[0], f[1], f[2], d) : add_rule(r, styr_ws_codes(ws), f, d);
        }
        styr_csv_free(&c);
    }
    return rc;
}

static void add_cut(styr_rules *r, int cnt, int v)
{
    for (int i = 0; i < r->ncut[cnt]; i++)
        if (r->cut[cnt][i] == v) return;
    if (r->ncut[cnt] < 64) r->cut[cnt][r->ncut[cnt]++] = v;
}

static int int_cmp(const void *a, const void *b) { return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b); }

styr_rc styr_rules_load(styr_ws *ws, styr_rules *r, styr_diags *d)
{
    memset(r, 0, sizeof *r);
    const styr_codes *codes = styr_ws_codes(ws);
    sqlite3 *db = styr_ws_db(ws);
    styr_rc rc = STYR_OK;
    if (from_catalog(r, ws, d, &rc)) {
        memset(r, 0, sizeof *r);
        rc = from_builtin(r, ws, d);
    }
    if (rc) return rc;

    /* classes and trappe coverage of each ydelse */
    for (int y = 0; y < STYR_MAX_CODES; y++) r->yd_class[y] = -1;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT ydelse, refusionsklasse, trappe FROM ydelser", -1, &st, NULL))
        return styr_sql_fail(db, d);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *y = (const char *)sqlite3_column_text(st, 0);
        int yi = styr_codes_ydelse(codes, y, strlen(y));
        if (yi <= 0) continue;
        r->yd_class[yi] = class_index(r, (const char *)sqlite3_column_text(st, 1));
        r->yd_trappe[yi] = (uint8_t)sqlite3_column_int(st, 2);
    }
    sqlite3_finalize(st);

    /* rates */
    for (int i = 0; i < STYR_RATE_NY; i++)
        for (int y = 0; y < STYR_MAX_CODES; y++) r->rate[i][y] = NAN;
    if (sqlite3_prepare_v2(db, "SELECT aar, ydelse, kr_pr_uge FROM satser", -1, &st, NULL))
        return styr_sql_fail(db, d);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int year = sqlite3_column_int(st, 0);
        const char *y = (const char *)sqlite3_column_text(st, 1);
        int yi = styr_codes_ydelse(codes, y, strlen(y));
        if (yi > 0 && year >= STYR_RATE_Y0 && year < STYR_RATE_Y0 + STYR_RATE_NY)
            r->rate[year - STYR_RATE_Y0][yi] = sqlite3_column_double(st, 2);
    }
    sqlite3_finalize(st);

    /* the staircase: the intervals of the regime that uses the trappe counter */
    r->trappe_regime = -1;
    for (int i = 0; i < r->nrules; i++) {
        const styr_rule *x = &r->rule[i];
        if (x->cnt != STYR_CNT_NONE) {
            add_cut(r, x->cnt, x->lo);
            if (x->hi != INT_MAX) add_cut(r, x->cnt, x->hi + 1);
        }
        if (x->cnt == STYR_CNT_TRAPPE) {
            if (r->trappe_regime < 0) r->trappe_regime = x->regime;
            if (x->regime == r->trappe_regime && r->nsteps < STYR_MAXSTEPS) {
                r->step_lo[r->nsteps] = x->lo;
                r->step_hi[r->nsteps] = x->hi;
                r->nsteps++;
            }
        }
    }
    for (int k = 1; k < 3; k++) qsort(r->cut[k], (size_t)r->ncut[k], sizeof(int), int_cmp);

    /* candidate rules per (regime, ydelse, tilbud) */
    for (int g = 0; g < r->nreg; g++)
        for (int y = 1; y < codes->dict.nyd; y++)
            for (int t = 0; t < codes->dict.ntb; t++) {
                r->cand_off[g][y][t] = (uint16_t)r->ncand;
                for (int i = 0; i < r->nrules; i++) {
                    const styr_rule *x = &r->rule[i];
                    if (x->regime != g || (x->klasse >= 0 && x->klasse != r->yd_class[y])) continue;
                    if ((x->tilbud == -2 && t != 0) || (x->tilbud == -3 && t == 0) || (x->tilbud > 0 && x->tilbud != t))
                        continue;
                    if (r->ncand == (int)sizeof r->cand) return styr_diag_sys(d, STYR_ELIMIT, "too many refusion rules");
                    r->cand[r->ncand++] = (uint8_t)i;
                    r->cand_n[g][y][t]++;
                    if (x->cnt == STYR_CNT_SPELLWEEK) r->yd_spellweek[y] = 1;
                    if (x->cnt == STYR_CNT_NONE) break; /* later rules can never apply */
                }
            }
    return STYR_OK;
}
