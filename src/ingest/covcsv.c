/* covcsv: reading frame conditions per municipality. */
#include "covcsv.h"

#include <stdio.h>
#include <string.h>

#include "../core/num.h"

styr_rc styr_covars_read(const char *file, const void *data, size_t size, const styr_codes *codes, styr_covars *o,
                         styr_encoding *enc, char *sep, styr_diags *d)
{
    styr_csv c;
    int bad = 0;
    memset(o, 0, sizeof *o);
    styr_csv_init(&c, file, data, size);
    int h = styr_csv_header(&c, d);
    char hdr[STYR_MAXCOV + 1][48];
    if (h == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, file, 0, 0, NULL, NULL, 0);
        bad = 1;
    } else if (h > 0) {
        if (c.nf < 2 || c.nf > STYR_MAXCOV + 1 || !styr_field_is(c.f[0], "kommune")) {
            styr_diag_add(d, D_COV_HEADER, X_COV_HEADER, file, c.line, 1, NULL, c.f[0].p, c.f[0].n);
            bad = 1;
        }
        for (size_t i = 0; i < c.nf && i <= STYR_MAXCOV; i++)
            snprintf(hdr[i], sizeof hdr[i], "%.*s", (int)(c.f[i].n < 47 ? c.f[i].n : 47), c.f[i].p);
        for (size_t i = 1; !bad && i < c.nf; i++) {
            for (size_t j = 1; j < i; j++)
                if (!strcmp(hdr[i], hdr[j])) {
                    styr_diag_add(d, D_DUP_COLUMN, X_ONE_COLUMN, file, c.line, (uint32_t)i + 1, NULL, c.f[i].p, c.f[i].n);
                    bad = 1;
                }
            snprintf(o->name[i - 1], sizeof o->name[i - 1], "%s", hdr[i]);
        }
        o->n = bad ? 0 : (int)c.nf - 1;
    } else {
        bad = 1;
    }
    uint64_t seen_line[STYR_MAX_KOMMUNER] = {0};
    int got, rows = 0;
    while (o->n && (got = styr_csv_next(&c, d)) != 0) {
        if (got < 0) { bad = 1; continue; }
        if (c.nf != (size_t)o->n + 1) {
            char s[16];
            snprintf(s, sizeof s, "%zu", c.nf);
            styr_diag_add(d, D_FIELDS, X_FIELDS_N, file, c.line, 0, NULL, s, strlen(s));
            bad = 1;
            continue;
        }
        uint64_t kom;
        if (styr_parse_uint(c.f[0].p, c.f[0].n, &kom) || kom < 1 || kom > 999 || codes->kom_idx[kom] < 0) {
            styr_diag_add(d, D_BAD_KOMMUNE, X_KOMMUNE, file, c.line, 1, hdr[0], c.f[0].p, c.f[0].n);
            bad = 1;
            continue;
        }
        int k = codes->kom_idx[kom];
        if (seen_line[k]) {
            styr_diag_dup(d, D_DUP_ROW, X_UNIQUE, file, c.line, file, seen_line[k], c.f[0].p, c.f[0].n);
            bad = 1;
            continue;
        }
        seen_line[k] = c.line;
        for (int j = 0; j < o->n; j++) {
            char mark;
            if (styr_parse_decimal(c.f[j + 1].p, c.f[j + 1].n, &o->val[k][j], &mark)) {
                styr_diag_add(d, D_BAD_NUMBER, X_NUMBER, file, c.line, (uint32_t)j + 2, hdr[j + 1], c.f[j + 1].p,
                              c.f[j + 1].n);
                bad = 1;
            }
        }
        o->has[k] = 1;
        rows++;
    }
    if (!bad && rows == 0) {
        styr_diag_add(d, D_EMPTY_FILE, X_DATA, file, 0, 0, NULL, NULL, 0);
        bad = 1;
    }
    *enc = c.enc;
    *sep = c.sep;
    styr_csv_free(&c);
    if (bad) {
        memset(o, 0, sizeof *o);
        return STYR_EINPUT;
    }
    snprintf(o->source, sizeof o->source, "%s", file);
    return STYR_OK;
}
