/* progcsv: reading and validating progression assessments. */
#include "progcsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/num.h"
#include "../core/week.h"

enum { C_PERSON, C_DATO, C_INSTRUMENT, C_INDIKATOR, C_SCORE, C_SKALA, NCOL };
static const char *const colnames[NCOL] = {"person", "dato", "instrument", "indikator", "score", "skala"};

static void trim(const char **p, uint32_t *n)
{
    while (*n && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t')) (*n)--;
    while (*n && (**p == ' ' || **p == '\t')) { (*p)++; (*n)--; }
}

static int text_ok(const char *p, uint32_t n)
{
    if (n < 1 || n >= STYR_PROG_NAMELEN) return 0;
    for (uint32_t i = 0; i < n; i++)
        if ((unsigned char)p[i] < 0x20 || p[i] == 0x7F) return 0;
    return 1;
}

static int cmp_dup(const void *x, const void *y)
{
    const styr_assessment *a = x, *b = y;
    if (a->person != b->person) return a->person < b->person ? -1 : 1;
    if (a->instrument != b->instrument) return a->instrument < b->instrument ? -1 : 1;
    if (a->indikator != b->indikator) return a->indikator < b->indikator ? -1 : 1;
    if (a->day != b->day) return a->day < b->day ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

styr_rc styr_prog_read(const char *file, const void *data, size_t size, const styr_cols *c,
                       const unsigned char *key, styr_prog *out, styr_encoding *enc, char *sep, styr_diags *d)
{
    styr_csv csv;
    int bad = 0, col[NCOL];
    char hdr[NCOL][40];
    memset(out, 0, sizeof *out);
    styr_csv_init(&csv, file, data, size);
    int h = styr_csv_header(&csv, d);
    size_t nf = 0;
    if (h == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, file, 0, 0, NULL, NULL, 0);
        bad = 1;
    } else if (h < 0) {
        bad = 1;
    } else {
        nf = csv.nf;
        for (int j = 0; j < NCOL; j++) col[j] = -1;
        for (size_t i = 0; i < nf; i++) {
            styr_field f = csv.f[i];
            trim(&f.p, &f.n);
            for (int j = 0; j < NCOL; j++) {
                if (!styr_field_is(f, colnames[j])) continue;
                if (col[j] >= 0) {
                    styr_diag_add(d, D_DUP_COLUMN, X_ONE_COLUMN, file, csv.line, (uint32_t)i + 1, NULL, f.p, f.n);
                    bad = 1;
                }
                col[j] = (int)i;
                snprintf(hdr[j], sizeof hdr[j], "%s", colnames[j]);
            }
        }
        for (int j = 0; j < NCOL && !bad; j++)
            if (col[j] < 0) {
                styr_diag_add(d, D_PROG_HEADER, X_PROG_HEADER, file, csv.line, 0, NULL, colnames[j], strlen(colnames[j]));
                bad = 1;
            }
    }
    int got;
    while (bad != 1 && (got = styr_csv_next(&csv, d)) != 0) {
        if (got < 0) { bad = 2; continue; }
        uint64_t line = csv.line;
        if (csv.nf != nf) {
            char s[16];
            snprintf(s, sizeof s, "%zu", csv.nf);
            styr_diag_add(d, D_FIELDS, X_FIELDS_N, file, line, 0, NULL, s, strlen(s));
            bad = 2;
            continue;
        }
        styr_field f[NCOL];
        for (int j = 0; j < NCOL; j++) {
            f[j] = csv.f[col[j]];
            trim(&f[j].p, &f[j].n);
        }
#define BAD(what, exp, j, p_, n_) \
    (styr_diag_add(d, what, exp, file, line, (uint32_t)col[j] + 1, hdr[j], p_, n_), rowbad = 1)
        int rowbad = 0;
        styr_assessment a;
        memset(&a, 0, sizeof a);
        a.line = (uint32_t)line;
        /* person: a CPR number becomes its pseudonym, then the panel's index */
        char digits[10], pseud[STYR_PSEUDONYM_LEN + 1];
        uint32_t birth;
        uint8_t sex;
        int64_t pi = -1;
        if (!text_ok(f[C_PERSON].p, f[C_PERSON].n)) {
            BAD(D_BAD_PERSON, X_PERSON, C_PERSON, f[C_PERSON].p, f[C_PERSON].n);
        } else if (styr_cpr_parse(f[C_PERSON].p, f[C_PERSON].n, digits, &birth, &sex) == 0) {
            const char *hidden = styr_msg_text(M_YR_CPR_HIDDEN);
            if (!key) {
                BAD(D_BAD_PERSON, X_PROG_PERSON, C_PERSON, hidden, strlen(hidden));
            } else {
                styr_cpr_pseudonym(key, digits, pseud);
                pi = styr_prog_person(c, pseud, strlen(pseud));
                if (pi < 0) /* never the number, not even masked: tallied under the hidden text */
                    styr_diag_unknown(d, D_PROG_PERSON, X_PROG_PERSON, file, line, (uint32_t)col[C_PERSON] + 1,
                                      hdr[C_PERSON], hidden, strlen(hidden)), rowbad = 1;
            }
            styr_cpr_wipe(digits, sizeof digits);
        } else {
            pi = styr_prog_person(c, f[C_PERSON].p, f[C_PERSON].n);
            if (pi < 0)
                styr_diag_unknown(d, D_PROG_PERSON, X_PROG_PERSON, file, line, (uint32_t)col[C_PERSON] + 1,
                                  hdr[C_PERSON], f[C_PERSON].p, f[C_PERSON].n), rowbad = 1;
        }
        a.person = pi < 0 ? 0 : (uint32_t)pi;
        /* dato */
        uint32_t ymd;
        if (styr_date_parse(f[C_DATO].p, f[C_DATO].n, &ymd) || ymd % 10000 == 0 || ymd / 10000 < STYR_YEAR_MIN ||
            ymd / 10000 > STYR_YEAR_MAX) {
            BAD(D_PROG_DATE, X_PROG_DATE, C_DATO, f[C_DATO].p, f[C_DATO].n);
        } else {
            a.day = styr_days_from_civil((int)(ymd / 10000), (int)(ymd / 100 % 100), (int)(ymd % 100));
            a.week = (uint16_t)styr_week_of_day(a.day);
        }
        if (!text_ok(f[C_INSTRUMENT].p, f[C_INSTRUMENT].n))
            BAD(D_PROG_TEXT, X_PROG_TEXT, C_INSTRUMENT, f[C_INSTRUMENT].p, f[C_INSTRUMENT].n);
        else a.instrument = styr_prog_name(out, f[C_INSTRUMENT].p, f[C_INSTRUMENT].n);
        if (!text_ok(f[C_INDIKATOR].p, f[C_INDIKATOR].n))
            BAD(D_PROG_TEXT, X_PROG_TEXT, C_INDIKATOR, f[C_INDIKATOR].p, f[C_INDIKATOR].n);
        else a.indikator = styr_prog_name(out, f[C_INDIKATOR].p, f[C_INDIKATOR].n);
        uint64_t sk;
        int skok = !styr_parse_uint(f[C_SKALA].p, f[C_SKALA].n, &sk) && sk >= 2 && sk <= 100;
        if (!skok) BAD(D_PROG_SKALA, X_PROG_SKALA, C_SKALA, f[C_SKALA].p, f[C_SKALA].n);
        else a.skala = (uint8_t)sk;
        char mark;
        double sc;
        if (styr_parse_decimal(f[C_SCORE].p, f[C_SCORE].n, &sc, &mark))
            BAD(D_BAD_NUMBER, X_PROG_SCORE, C_SCORE, f[C_SCORE].p, f[C_SCORE].n);
        else if (skok && (sc < 1 || sc > (double)sk))
            BAD(D_PROG_SCORE, X_PROG_SCORE, C_SCORE, f[C_SCORE].p, f[C_SCORE].n);
        else a.score = sc;
#undef BAD
        if (rowbad) {
            bad = 2;
            continue;
        }
        if (out->n == out->cap) out->v = styr_xrealloc(out->v, (out->cap = out->cap ? 2 * out->cap : 256) * sizeof *out->v);
        out->v[out->n++] = a;
    }
    if (!bad && out->n == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, file, 0, 0, NULL, NULL, 0);
        bad = 1;
    }
    if (!bad && out->n > 1) { /* the same key twice: both lines */
        qsort(out->v, out->n, sizeof *out->v, cmp_dup);
        for (size_t i = 1; i < out->n; i++) {
            const styr_assessment *x = &out->v[i - 1], *y = &out->v[i];
            if (x->person != y->person || x->instrument != y->instrument || x->indikator != y->indikator ||
                x->day != y->day)
                continue;
            char v[200];
            snprintf(v, sizeof v, "%s, %s", out->name[y->instrument], out->name[y->indikator]);
            styr_diag_dup(d, D_PROG_DUP, X_PROG_DUP, file, y->line, file, x->line, v, strlen(v));
            bad = 1;
        }
    }
    *enc = csv.enc;
    *sep = csv.sep;
    styr_csv_free(&csv);
    if (bad) {
        styr_prog_free(out);
        return STYR_EINPUT;
    }
    styr_prog_sort(out);
    return STYR_OK;
}
