/* rows: header recognition and per-row validation for the four table kinds. */
#include "rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/num.h"
#include "../core/week.h"
#include "yr.h"

const char *styr_table_kind_name(styr_table_kind k)
{
    switch (k) {
    case STYR_T_LONG: return "lang";
    case STYR_T_DREAM: return "DREAM";
    case STYR_T_PERSONS: return styr_tr("personer", "persons");
    case STYR_T_POPULATION: return styr_tr("befolkning", "population");
    case STYR_T_YR: return "ydelsesrefusion";
    default: return "?";
    }
}

void styr_reader_init(styr_reader *r, styr_batch *b, const styr_codes *codes, styr_diags *d,
                      const char *file, int default_kommune)
{
    memset(r, 0, sizeof *r);
    r->b = b;
    r->codes = codes;
    r->d = d;
    r->file = file;
    r->default_kommune = default_kommune > 0 && default_kommune < 1000 ? codes->kom_idx[default_kommune] : -1;
    if (default_kommune && r->default_kommune < 0) r->default_kommune = -2; /* unknown: diagnosed at header */
}

void styr_reader_free(styr_reader *r)
{
    if (!r) return;
    styr_yr_reader_free(r);
    free(r->colname);
    free(r->week_of_col);
    r->colname = NULL;
    r->week_of_col = NULL;
}

static void trim(const char **p, uint32_t *n)
{
    while (*n && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t')) (*n)--;
    while (*n && (**p == ' ' || **p == '\t')) { (*p)++; (*n)--; }
}

static int name_is(styr_field f, const char *s)
{
    trim(&f.p, &f.n);
    return styr_field_is(f, s);
}

/* y_YYWW (any case) -> week index, else -1 */
static int dream_week_col(styr_field f)
{
    trim(&f.p, &f.n);
    if (f.n != 6 || (f.p[0] != 'y' && f.p[0] != 'Y') || f.p[1] != '_') return -1;
    int w;
    return styr_week_parse(f.p + 2, 4, &w) == 0 ? w : -1;
}

int styr_reader_header(styr_reader *r, const styr_field *f, size_t nf, uint64_t line)
{
    r->ncols = nf;
    r->colname = styr_xcalloc(nf ? nf : 1, sizeof *r->colname);
    for (size_t i = 0; i < nf; i++) {
        styr_field x = f[i];
        trim(&x.p, &x.n);
        snprintf(r->colname[i], sizeof r->colname[i], "%.*s", (int)(x.n > 39 ? 39 : x.n), x.p);
    }
    if (styr_yr_header(r, f, nf)) {
        r->kind = STYR_T_YR;
        return 0;
    }
    int *slots[] = {&r->c_person, &r->c_uge, &r->c_kommune, &r->c_ydelse, &r->c_tilbud, &r->c_timer,
                    &r->c_foedt,  &r->c_koen, &r->c_aar,    &r->c_alder,  &r->c_antal,  &r->c_vis,
                    &r->c_enh,    &r->c_opr,  &r->c_indr};
    /* each column's accepted names: the spec's first, then register spellings */
    static const char *const names[][4] = {{"person", "pnr", "cpr", 0}, {"uge", 0}, {"kommune", "komkode", 0},
                                           {"ydelse", 0}, {"tilbud", 0}, {"timer", 0},
                                           {"foedt", "foedselsdato", "fdato", "født"}, {"koen", "kon", "køn", 0},
                                           {"aar", "år", 0}, {"alder", 0}, {"antal", 0},
                                           {"visitation", "matchgruppe", "match", 0}, {"enhed", "team", 0},
                                           {"oprindelse", "herkomst", "ie_type", 0}, {"indrejst", "indrejseaar", "indrejseår", 0}};
    for (size_t k = 0; k < sizeof slots / sizeof slots[0]; k++) *slots[k] = -1;
    int ydelse_cols = 0, other = 0, dup = 0;
    r->week_of_col = styr_xmalloc((nf ? nf : 1) * sizeof *r->week_of_col);
    for (size_t i = 0; i < nf; i++) {
        r->week_of_col[i] = dream_week_col(f[i]);
        if (r->week_of_col[i] >= 0) {
            for (size_t j = 0; j < i; j++)
                if (r->week_of_col[j] == r->week_of_col[i]) {
                    styr_diag_add(r->d, D_DUP_COLUMN, X_ONE_COLUMN, r->file, line, (uint32_t)i + 1, NULL,
                                  r->colname[i], strlen(r->colname[i]));
                    dup = 1;
                }
            ydelse_cols++;
            continue;
        }
        size_t k;
        int hit = 0;
        for (k = 0; k < sizeof names / sizeof names[0] && !hit; k++)
            for (int a = 0; a < 4 && names[k][a] && !hit; a++) hit = name_is(f[i], names[k][a]);
        if (hit) k--;
        if (k == sizeof names / sizeof names[0]) { other++; continue; }
        if (*slots[k] >= 0) {
            styr_diag_add(r->d, D_DUP_COLUMN, X_ONE_COLUMN, r->file, line, (uint32_t)i + 1, NULL, r->colname[i],
                          strlen(r->colname[i]));
            dup = 1;
        }
        *slots[k] = (int)i;
    }
    if (dup) return -1;
    enum { NSLOT = sizeof slots / sizeof slots[0] };
    int has[NSLOT];
    for (size_t k = 0; k < NSLOT; k++) has[k] = *slots[k] >= 0;
    int nnamed = 0;
    for (size_t k = 0; k < NSLOT; k++) nnamed += has[k];
    if (ydelse_cols && has[0]) {
        r->kind = STYR_T_DREAM;
        if (!has[2] && r->default_kommune == -1) {
            styr_diag_add(r->d, D_NO_KOMMUNE, X_KOMMUNE_COLUMN, r->file, line, 0, NULL, NULL, 0);
            return -1;
        }
        return 0;
    }
    if (!ydelse_cols && !other && has[0] && has[1] && has[2] && has[3] && has[4] &&
        nnamed == 5 + has[5] + has[11] + has[12]) {
        r->kind = STYR_T_LONG;
        return 0;
    }
    if (!ydelse_cols && !other && nf == 3u + (size_t)has[13] + (size_t)has[14] && has[0] && has[6] && has[7]) {
        r->kind = STYR_T_PERSONS;
        return 0;
    }
    if (!ydelse_cols && !other && nf == 4 && has[2] && has[8] && has[9] && has[10]) {
        r->kind = STYR_T_POPULATION;
        return 0;
    }
    if (ydelse_cols && !has[0]) {
        styr_diag_add(r->d, D_NO_PERSON_COLUMN, X_PERSON_COLUMN, r->file, line, 0, NULL, NULL, 0);
        return -1;
    }
    char v[84];
    size_t o = 0;
    for (size_t i = 0; i < nf && o < sizeof v - 1; i++)
        o += (size_t)snprintf(v + o, sizeof v - o, "%s%s", i ? ";" : "", r->colname[i]);
    styr_diag_add(r->d, D_HEADER, X_HEADER, r->file, line, 0, NULL, v, strlen(v));
    return -1;
}

/* ---- field validators: return -1 after diagnosing ------------------------------ */

#define BAD(what, exp, col, fld) \
    styr_diag_add(r->d, what, exp, r->file, line, (uint32_t)(col) + 1, r->colname[col], (fld).p, (fld).n)

static int get_person(styr_reader *r, styr_field f, uint64_t line, int col, uint32_t *out)
{
    trim(&f.p, &f.n);
    int ok = f.n >= 1 && f.n <= 64;
    for (uint32_t i = 0; ok && i < f.n; i++) ok = (unsigned char)f.p[i] >= 0x20 && f.p[i] != 0x7F;
    if (!ok) { BAD(D_BAD_PERSON, X_PERSON, col, f); return -1; }
    int64_t p = styr_batch_person(r->b, f.p, f.n);
    if (p < 0) return -2;
    *out = (uint32_t)p;
    return 0;
}

static int get_kommune(styr_reader *r, styr_field f, uint64_t line, int col)
{
    trim(&f.p, &f.n);
    int k = styr_codes_kommune(r->codes, f.p, f.n);
    if (k >= 0) return k;
    if (f.n == 0) BAD(D_BAD_KOMMUNE, X_KOMMUNE, col, f);
    else styr_diag_unknown(r->d, D_BAD_KOMMUNE, X_KOMMUNE, r->file, line, (uint32_t)col + 1, r->colname[col], f.p, f.n);
    return -1;
}

/* The length of an integer field without a trailing ".0": statistical files
 * give integral numbers as "12", but a double column may come as "12.0". */
static uint32_t int_len(styr_field f)
{
    return f.n > 2 && f.p[f.n - 2] == '.' && f.p[f.n - 1] == '0' ? f.n - 2 : f.n;
}

static int get_uint(styr_reader *r, styr_field f, uint64_t line, int col, uint64_t max, styr_msg what,
                    styr_msg exp, uint64_t *out)
{
    trim(&f.p, &f.n);
    if (styr_parse_uint(f.p, int_len(f), out) || *out > max) { BAD(what, exp, col, f); return -1; }
    return 0;
}

static int get_sex(styr_field f, uint8_t *sex)
{
    trim(&f.p, &f.n);
    if (f.n == 0) { *sex = 0; return 0; }
    if (styr_field_is(f, "m") || styr_field_is(f, "1") || styr_field_is(f, "mand") || styr_field_is(f, "man")) { *sex = 1; return 0; }
    if (styr_field_is(f, "k") || styr_field_is(f, "2") || styr_field_is(f, "kvinde") || styr_field_is(f, "f") ||
        styr_field_is(f, "w")) { *sex = 2; return 0; }
    return -1;
}

static int get_attrs(styr_reader *r, const styr_field *f, uint64_t line, uint32_t *birth, uint8_t *sex)
{
    int bad = 0;
    *birth = 0;
    *sex = 0;
    if (r->c_foedt >= 0) {
        styr_field x = f[r->c_foedt];
        trim(&x.p, &x.n);
        if (x.n && styr_date_parse(x.p, x.n, birth)) { BAD(D_BAD_DATE, X_DATE, r->c_foedt, x); bad = 1; }
    }
    if (r->c_koen >= 0 && get_sex(f[r->c_koen], sex)) { BAD(D_BAD_SEX, X_SEX, r->c_koen, f[r->c_koen]); bad = 1; }
    return bad ? -1 : 0;
}

/* oprindelse and indrejst (the year of arrival: 1901-2100, empty for none). */
static int get_pattr(styr_reader *r, const styr_field *f, uint64_t line, uint16_t *pattr)
{
    int bad = 0, opr = 0, year = 0;
    if (r->c_opr >= 0) {
        styr_field x = f[r->c_opr];
        trim(&x.p, &x.n);
        if ((opr = styr_opr_parse(x.p, x.n)) < 0) { BAD(D_BAD_CODE, X_OPRINDELSE, r->c_opr, x); bad = 1; }
    }
    if (r->c_indr >= 0) {
        styr_field x = f[r->c_indr];
        trim(&x.p, &x.n);
        uint64_t v;
        if (x.n && (styr_parse_uint(x.p, int_len(x), &v) || v < 1901 || v > 2100)) {
            BAD(D_BAD_YEAR, X_INDREJST, r->c_indr, x);
            bad = 1;
        } else if (x.n) year = (int)v;
    }
    *pattr = bad ? 0 : styr_pattr(opr, year);
    return bad ? -1 : 0;
}

static int check_fields(styr_reader *r, size_t nf, uint64_t line)
{
    if (nf == r->ncols) return 0;
    char v[24];
    snprintf(v, sizeof v, "%zu/%zu", nf, r->ncols);
    styr_diag_add(r->d, D_FIELDS, X_FIELDS_N, r->file, line, 0, NULL, v, strlen(v));
    return -1;
}

/* ---- rows --------------------------------------------------------------------- */

static int long_row(styr_reader *r, const styr_field *f, uint64_t line)
{
    int bad = 0, w = 0;
    styr_field x = f[r->c_uge];
    trim(&x.p, &x.n);
    int wr = styr_week_parse(x.p, x.n, &w);
    if (wr == -1) { BAD(D_BAD_WEEK, X_WEEK, r->c_uge, x); bad = 1; }
    else if (wr == -2) { BAD(D_WEEK_RANGE, X_WEEK_RANGE, r->c_uge, x); bad = 1; }
    int kom = get_kommune(r, f[r->c_kommune], line, r->c_kommune);
    if (kom < 0) bad = 1;
    x = f[r->c_ydelse];
    int yd = styr_codes_ydelse(r->codes, x.p, x.n);
    if (yd < 0) {
        trim(&x.p, &x.n);
        styr_diag_unknown(r->d, D_UNKNOWN_YDELSE, X_YDELSE, r->file, line, (uint32_t)r->c_ydelse + 1,
                          r->colname[r->c_ydelse], x.p, x.n);
        bad = 1;
    } else if (r->codes->yd_is_union[yd]) {
        trim(&x.p, &x.n);
        BAD(D_BAD_CODE, X_YDELSE_PART, r->c_ydelse, x);
        bad = 1;
    }
    x = f[r->c_tilbud];
    int tb = styr_codes_tilbud(r->codes, x.p, x.n);
    if (tb < 0) {
        trim(&x.p, &x.n);
        styr_diag_unknown(r->d, D_UNKNOWN_TILBUD, X_TILBUD, r->file, line, (uint32_t)r->c_tilbud + 1,
                          r->colname[r->c_tilbud], x.p, x.n);
        bad = 1;
    } else if (tb > 0 && yd == 0) {
        BAD(D_TILBUD_NO_YDELSE, X_TILBUD_EMPTY, r->c_tilbud, x);
        bad = 1;
    }
    uint16_t timer = 0;
    if (r->c_timer >= 0) {
        x = f[r->c_timer];
        trim(&x.p, &x.n);
        if (x.n) {
            double v;
            char mark;
            if (styr_parse_decimal(x.p, x.n, &v, &mark) || v < 0 || v > 168) {
                BAD(D_BAD_TIMER, X_TIMER, r->c_timer, x);
                bad = 1;
            } else {
                if (mark && !r->decimal) r->decimal = mark;
                timer = (uint16_t)(v * 10 + 0.5);
            }
        }
    }
    int vis = 0, enh = 0;
    if (r->c_vis >= 0) {
        x = f[r->c_vis];
        trim(&x.p, &x.n);
        if ((vis = styr_vis_parse(x.p, x.n)) < 0) { BAD(D_BAD_CODE, X_VISITATION, r->c_vis, x); bad = 1; vis = 0; }
    }
    if (r->c_enh >= 0) {
        x = f[r->c_enh];
        trim(&x.p, &x.n);
        int ok = x.n <= STYR_ENHED_MAXLEN;
        for (uint32_t i = 0; ok && i < x.n; i++) ok = (unsigned char)x.p[i] >= 0x20 && x.p[i] != 0x7F;
        if (!ok) { BAD(D_BAD_CODE, X_ENHED, r->c_enh, x); bad = 1; }
        else if (x.n && (enh = styr_batch_enhed(r->b, x.p, x.n)) < 0) {
            BAD(D_BAD_CODE, X_ENHED_MANY, r->c_enh, x);
            bad = 1;
            enh = 0;
        }
    }
    uint32_t person = 0;
    int pr = get_person(r, f[r->c_person], line, r->c_person, &person);
    if (pr == -2) return -1;
    if (pr || bad) { r->bad_rows++; return 0; }
    return styr_batch_week(r->b, person, w, (uint8_t)kom, (uint8_t)yd, (uint8_t)tb, timer, styr_rattr(vis, enh), r->fidx,
                           (uint32_t)line);
}

/* A DREAM cell: 0 when empty, 1 with a known branch code, -1 otherwise. */
static int dream_cell(const styr_reader *r, styr_field x, int *code)
{
    trim(&x.p, &x.n);
    if (!x.n) return 0;
    uint64_t v;
    if (styr_parse_uint(x.p, int_len(x), &v) || v >= STYR_DREAM_MAX || !r->codes->dream_known[v]) return -1;
    *code = (int)v;
    return 1;
}

static int dream_row(styr_reader *r, const styr_field *f, uint64_t line)
{
    int bad = 0, kom = r->default_kommune;
    if (r->c_kommune >= 0) {
        styr_field x = f[r->c_kommune];
        trim(&x.p, &x.n);
        if (x.n || kom < 0) kom = get_kommune(r, x, line, r->c_kommune);
        if (kom < 0) bad = 1;
    }
    uint32_t birth;
    uint8_t sex;
    uint16_t pattr;
    if (get_attrs(r, f, line, &birth, &sex)) bad = 1;
    if (get_pattr(r, f, line, &pattr)) bad = 1;
    uint32_t person = 0;
    int pr = get_person(r, f[r->c_person], line, r->c_person, &person);
    if (pr == -2) return -1;
    if (pr) bad = 1;
    /* validate every code before adding anything, so a bad row adds nothing */
    int code;
    for (size_t i = 0; i < r->ncols; i++) {
        if (r->week_of_col[i] >= 0 && dream_cell(r, f[i], &code) < 0) {
            styr_field x = f[i];
            trim(&x.p, &x.n);
            styr_diag_unknown(r->d, D_UNKNOWN_DREAM, X_DREAM, r->file, line, (uint32_t)i + 1, r->colname[i], x.p, x.n);
            bad = 1;
        }
    }
    if (bad) { r->bad_rows++; return 0; }
    if (r->c_foedt >= 0 || r->c_koen >= 0) styr_batch_attr(r->b, person, birth, sex, r->fidx, (uint32_t)line, r->d);
    if (r->c_opr >= 0 || r->c_indr >= 0) styr_batch_pattr(r->b, person, pattr, r->fidx, (uint32_t)line, r->d);
    for (size_t i = 0; i < r->ncols; i++) {
        /* empty cells and codes meaning "no record" (SU, emigrated, ...) add nothing */
        if (r->week_of_col[i] < 0 || dream_cell(r, f[i], &code) <= 0 || r->codes->dream_known[code] != 1) continue;
        if (styr_batch_week(r->b, person, r->week_of_col[i], (uint8_t)kom, r->codes->dream_yd[code],
                            r->codes->dream_tb[code], 0, 0, r->fidx, (uint32_t)line))
            return -1;
    }
    return 0;
}

static int persons_row(styr_reader *r, const styr_field *f, uint64_t line)
{
    uint32_t birth, person = 0;
    uint8_t sex;
    uint16_t pattr;
    int bad = get_attrs(r, f, line, &birth, &sex) != 0;
    bad |= get_pattr(r, f, line, &pattr) != 0;
    int pr = get_person(r, f[r->c_person], line, r->c_person, &person);
    if (pr == -2) return -1;
    if (pr || bad) { r->bad_rows++; return 0; }
    styr_batch_attr(r->b, person, birth, sex, r->fidx, (uint32_t)line, r->d);
    if (r->c_opr >= 0 || r->c_indr >= 0) styr_batch_pattr(r->b, person, pattr, r->fidx, (uint32_t)line, r->d);
    return 0;
}

static int population_row(styr_reader *r, const styr_field *f, uint64_t line)
{
    uint64_t aar, alder, antal;
    int bad = 0;
    int kom = get_kommune(r, f[r->c_kommune], line, r->c_kommune);
    if (kom < 0) bad = 1;
    if (get_uint(r, f[r->c_aar], line, r->c_aar, STYR_YEAR_MAX, D_BAD_YEAR, X_YEAR, &aar)) bad = 1;
    else if (aar < STYR_YEAR_MIN) { BAD(D_BAD_YEAR, X_YEAR, r->c_aar, f[r->c_aar]); bad = 1; }
    if (get_uint(r, f[r->c_alder], line, r->c_alder, 120, D_BAD_AGE, X_AGE, &alder)) bad = 1;
    if (get_uint(r, f[r->c_antal], line, r->c_antal, UINT32_MAX, D_BAD_INT, X_INT, &antal)) bad = 1;
    if (bad) { r->bad_rows++; return 0; }
    return styr_batch_pop(r->b, r->codes->dict.kom[kom], (uint16_t)aar, (uint16_t)alder, (uint32_t)antal, r->fidx,
                          (uint32_t)line);
}

int styr_reader_row(styr_reader *r, const styr_field *f, size_t nf, uint64_t line)
{
    r->rows++;
    if (check_fields(r, nf, line)) { r->bad_rows++; return 0; }
    switch (r->kind) {
    case STYR_T_LONG: return long_row(r, f, line);
    case STYR_T_DREAM: return dream_row(r, f, line);
    case STYR_T_PERSONS: return persons_row(r, f, line);
    case STYR_T_POPULATION: return population_row(r, f, line);
    case STYR_T_YR: return styr_yr_row(r, f, line);
    default: return 0;
    }
}
