/* budgetcsv: the budget file reader. */
#include "budgetcsv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/num.h"
#include "../core/week.h"

enum {
    C_KOMMUNE, C_AAR, C_YDELSE, C_FULDTID, C_PERSONER, C_VARIGHED, C_AKTIVERING, C_PRIS, C_UDGIFT_TILBUD,
    C_SAGSBEHANDLERE, C_SAGER_PR_SB, C_UDGIFT_SB, C_M01, NCOL = C_M01 + 12
};

static const char *const names[C_M01] = {
    "kommune", "aar", "ydelse", "fuldtidspersoner", "personer", "varighed", "aktiveringsgrad", "pris",
    "udgift_pr_tilbud", "sagsbehandlere", "sager_pr_sagsbehandler", "udgift_pr_sagsbehandler",
};

/* Columns the template carries for the reader's eye; an import skips them. */
static const char *const informational[] = {"kommunenavn", "ydelsesnavn", "budget_i_alt", "kilde"};

static int column_of(styr_field f)
{
    for (int i = 0; i < C_M01; i++)
        if (styr_field_is(f, names[i])) return i;
    for (size_t i = 0; i < sizeof informational / sizeof informational[0]; i++)
        if (styr_field_is(f, informational[i])) return NCOL;
    if (f.n == 3 && !memcmp(f.p, "\xc3\xa5r", 3)) return C_AAR; /* år */
    if (f.n == 3 && (f.p[0] == 'm' || f.p[0] == 'M') && f.p[1] >= '0' && f.p[1] <= '1' && f.p[2] >= '0' &&
        f.p[2] <= '9') {
        int m = (f.p[1] - '0') * 10 + f.p[2] - '0';
        if (m >= 1 && m <= 12) return C_M01 + m - 1;
    }
    return -1;
}

typedef struct reader {
    const char *file;
    const styr_codes *codes;
    styr_diags *d;
    int col[NCOL];              /* field index of each column, -1 absent */
    char (*hdr)[40];            /* header names for diagnostics */
    size_t ncols;
    int danish;
    uint64_t line;
    int bad;
} reader;

static void bad(reader *r, int field, styr_msg what, styr_msg exp, styr_field f)
{
    styr_diag_add(r->d, what, exp, r->file, r->line, (uint32_t)field + 1, r->hdr[field], f.p, f.n);
    r->bad = 1;
}

/* An amount >= 0 in column c; NAN when the column is absent or the field empty
 * (an error when required). */
static double amount(reader *r, const styr_csv *c, int col, int required, double max, styr_msg exp)
{
    int i = r->col[col];
    if (i < 0) return NAN;
    styr_field f = c->f[i];
    double v;
    if (f.n == 0 && !required) return NAN;
    if (styr_parse_amount(f.p, f.n, r->danish, &v) || v < 0 || v > max) {
        bad(r, i, D_BAD_NUMBER, exp, f);
        return NAN;
    }
    return v;
}

static int header(reader *r, styr_csv *c)
{
    for (int i = 0; i < NCOL; i++) r->col[i] = -1;
    r->ncols = c->nf;
    r->hdr = styr_xcalloc(c->nf ? c->nf : 1, sizeof *r->hdr);
    for (size_t i = 0; i < c->nf; i++) {
        styr_field f = c->f[i];
        snprintf(r->hdr[i], sizeof r->hdr[i], "%.*s", (int)(f.n < 39 ? f.n : 39), f.p);
        int k = column_of(f);
        if (k == NCOL) continue;
        if (k < 0) {
            styr_diag_add(r->d, D_BUDGET_COLUMN, X_BUDGET_HEADER, r->file, c->line, (uint32_t)i + 1, NULL, f.p, f.n);
            r->bad = 1;
        } else if (r->col[k] >= 0) {
            styr_diag_add(r->d, D_DUP_COLUMN, X_ONE_COLUMN, r->file, c->line, (uint32_t)i + 1, NULL, f.p, f.n);
            r->bad = 1;
        } else {
            r->col[k] = (int)i;
        }
    }
    static const int required[] = {C_KOMMUNE, C_AAR, C_YDELSE, C_FULDTID, C_PRIS};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (r->col[required[i]] < 0) {
            const char *nm = names[required[i]];
            styr_diag_add(r->d, D_BUDGET_MISSING, X_BUDGET_HEADER, r->file, c->line, 0, NULL, nm, strlen(nm));
            r->bad = 1;
        }
    /* an unknown or repeated column is reported, and the rows are still read (by
     * name) so that one import shows every problem; a missing one stops here */
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (r->col[required[i]] < 0) return -1;
    return 0;
}

static int row(reader *r, const styr_csv *c, styr_budget *b)
{
    styr_field f;
    memset(b, 0, sizeof *b);
    int was_bad = r->bad;
    r->bad = 0;
    f = c->f[r->col[C_KOMMUNE]];
    int k = styr_codes_kommune(r->codes, f.p, f.n);
    if (k < 0) bad(r, r->col[C_KOMMUNE], D_BAD_KOMMUNE, X_KOMMUNE, f);
    else b->kommune = r->codes->dict.kom[k];
    f = c->f[r->col[C_AAR]];
    uint64_t y;
    if (styr_parse_uint(f.p, f.n, &y) || y < STYR_YEAR_MIN || y > STYR_YEAR_MAX) bad(r, r->col[C_AAR], D_BAD_YEAR, X_YEAR, f);
    else b->aar = (int)y;
    f = c->f[r->col[C_YDELSE]];
    int g = styr_codes_ydelse(r->codes, f.p, f.n);
    if (g <= 0) bad(r, r->col[C_YDELSE], D_UNKNOWN_YDELSE, X_BUDGET_YDELSE, f);
    else if (r->codes->yd_is_union[g]) bad(r, r->col[C_YDELSE], D_BAD_CODE, X_YDELSE_PART, f);
    b->grp = g;
    b->fuldtid = amount(r, c, C_FULDTID, 1, 1e9, X_AMOUNT);
    b->pris = amount(r, c, C_PRIS, 1, 1e12, X_AMOUNT);
    b->personer = amount(r, c, C_PERSONER, 0, 1e9, X_AMOUNT_OPT);
    b->varighed = amount(r, c, C_VARIGHED, 0, 53, X_AMOUNT_OPT);
    b->aktivering = amount(r, c, C_AKTIVERING, 0, 100, X_PCT);
    b->udgift_tilbud = amount(r, c, C_UDGIFT_TILBUD, 0, 1e12, X_AMOUNT_OPT);
    b->sagsbehandlere = amount(r, c, C_SAGSBEHANDLERE, 0, 1e7, X_AMOUNT_OPT);
    b->sager_pr_sb = amount(r, c, C_SAGER_PR_SB, 0, 1e7, X_AMOUNT_OPT);
    b->udgift_sb = amount(r, c, C_UDGIFT_SB, 0, 1e12, X_AMOUNT_OPT);
    /* the monthly profile: all twelve or none */
    int nprof = 0, first_bad = -1;
    double sum = 0;
    for (int m = 0; m < 12; m++) {
        b->profil[m] = amount(r, c, C_M01 + m, 0, 1e12, X_AMOUNT_OPT);
        if (!isnan(b->profil[m])) nprof++, sum += b->profil[m];
        else if (first_bad < 0 && r->col[C_M01 + m] >= 0) first_bad = r->col[C_M01 + m];
    }
    if (nprof && (nprof < 12 || sum <= 0)) {
        int i = first_bad >= 0 ? first_bad : r->col[C_M01];
        if (i < 0) {
            for (int m = 0; m < 12 && i < 0; m++) i = r->col[C_M01 + m];
        }
        bad(r, i, D_BAD_PROFILE, X_PROFILE, c->f[i]);
    }
    if (nprof < 12)
        for (int m = 0; m < 12; m++) b->profil[m] = NAN;
    /* fuldtidspersoner = personer x varighed / weeks in the year */
    if (!r->bad && !isnan(b->personer) && b->personer > 0) {
        double w = styr_iso_weeks_in_year(b->aar), expect = b->personer * b->varighed / w;
        if (isnan(b->varighed)) {
            b->varighed = b->fuldtid * w / b->personer;
        } else if (fabs(expect - b->fuldtid) > 0.02 * b->fuldtid + 0.5) {
            char v[96], x[4][32];
            snprintf(v, sizeof v, "%s (%s x %s / %d = %s)", styr_fmt_num(x[0], 32, b->fuldtid, 1),
                     styr_fmt_num(x[1], 32, b->personer, 0), styr_fmt_num(x[2], 32, b->varighed, 1), (int)w,
                     styr_fmt_num(x[3], 32, expect, 1));
            styr_diag_add(r->d, D_BUDGET_IDENTITY, X_BUDGET_IDENTITY, r->file, r->line,
                          (uint32_t)r->col[C_FULDTID] + 1, r->hdr[r->col[C_FULDTID]], v, strlen(v));
            r->bad = 1;
        }
    }
    int ok = !r->bad;
    r->bad |= was_bad;
    return ok ? 0 : -1;
}

styr_rc styr_budget_read(const char *file, const void *data, size_t size, const styr_codes *codes,
                         styr_budget **out, size_t *n, styr_budget_file *info, styr_diags *d)
{
    styr_csv c;
    reader r = {.file = file, .codes = codes, .d = d};
    styr_budget *v = NULL;
    uint64_t *lines = NULL;
    size_t nv = 0, cap = 0;
    *out = NULL;
    *n = 0;
    memset(info, 0, sizeof *info);
    styr_csv_init(&c, file, data, size);
    int h = styr_csv_header(&c, d);
    if (h == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, file, 0, 0, NULL, NULL, 0);
        r.bad = 1;
    }
    if (h <= 0 || header(&r, &c)) {
        r.bad = 1;
        goto out;
    }
    r.danish = c.sep != ',';
    int got;
    while ((got = styr_csv_next(&c, d)) != 0) {
        info->rows++;
        if (got < 0) { r.bad = 1; continue; }
        r.line = c.line;
        if (c.nf != r.ncols) {
            char s[16];
            snprintf(s, sizeof s, "%zu", c.nf);
            styr_diag_add(d, D_FIELDS, X_FIELDS_N, file, c.line, 0, NULL, s, strlen(s));
            r.bad = 1;
            continue;
        }
        if (nv == cap) {
            cap = cap ? 2 * cap : 64;
            v = styr_xrealloc(v, cap * sizeof *v);
            lines = styr_xrealloc(lines, cap * sizeof *lines);
        }
        if (row(&r, &c, &v[nv])) continue;
        /* one row per key */
        size_t j;
        for (j = 0; j < nv; j++)
            if (v[j].kommune == v[nv].kommune && v[j].aar == v[nv].aar && v[j].grp == v[nv].grp) break;
        if (j < nv) {
            char key[64];
            snprintf(key, sizeof key, "%d;%d;%s", v[nv].kommune, v[nv].aar, codes->dict.yd[v[nv].grp]);
            styr_diag_dup(d, D_DUP_ROW, X_UNIQUE, file, c.line, file, lines[j], key, strlen(key));
            r.bad = 1;
            continue;
        }
        lines[nv++] = c.line;
    }
    if (!r.bad && nv == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, file, 0, 0, NULL, NULL, 0);
        r.bad = 1;
    }
out:
    info->enc = c.enc;
    info->sep = c.sep;
    info->danish = r.danish;
    styr_csv_free(&c);
    free(r.hdr);
    free(lines);
    if (r.bad) {
        free(v);
        return STYR_EINPUT;
    }
    *out = v;
    *n = nv;
    return STYR_OK;
}
