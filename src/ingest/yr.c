/* yr: Ydelsesrefusion rows: validation, pseudonyms and the panel's weeks. */
#include "yr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/num.h"
#include "../core/suggest.h"
#include "../core/week.h"
#include "../ws/refdata.h"
#include "cpr.h"

enum { C_UGE, C_CPR, C_YDELSE, C_KOMMUNE, C_UDBETALT, C_REFSATS, C_REFBELOEB, C_MEDSATS, C_MEDBELOEB, NCOL };

/* the header's columns, folded (styr_fold) */
static const char *const col_names[NCOL] = {"uge", "cprnummer", "ydelse", "finansieringkommunenavn",
                                            "beregnetudbetalingsbeloeb", "refusionssats", "refusionsbeloeb",
                                            "medfinansieringssats", "medfinansieringsbeloeb"};

typedef struct yr_text {
    char folded[96];
    int yd;
} yr_text;

/* A text seen before and what it gave: the names of a file are few, the rows
 * many, and folding a name for every row is what reading would cost. */
typedef struct seen_text {
    char raw[64];
    uint32_t n;
    int idx;
} seen_text;

#define NSEEN 128

typedef struct styr_yr_map {
    yr_text *t;
    size_t n;
    seen_text kom[NSEEN], yd[NSEEN];
    int nkom, nyd;
    /* the last person's CPR digits (wiped at the end) and what they gave: a
     * file comes person by person, so most rows need no new HMAC */
    char last_cpr[10];
    int have_last;
    char last_pseudo[STYR_PSEUDONYM_LEN + 1];
} styr_yr_map;

static int seen_find(const seen_text *v, int n, styr_field x)
{
    for (int i = 0; i < n; i++)
        if (v[i].n == x.n && !memcmp(v[i].raw, x.p, x.n)) return v[i].idx;
    return -2;
}

static void seen_add(seen_text *v, int *n, styr_field x, int idx)
{
    if (*n == NSEEN || x.n >= sizeof v->raw) return;
    memcpy(v[*n].raw, x.p, x.n);
    v[*n].n = x.n;
    v[(*n)++].idx = idx;
}

static void fold_field(styr_field f, char *out, size_t cap)
{
    char tmp[256];
    size_t n = f.n < sizeof tmp - 1 ? f.n : sizeof tmp - 1;
    memcpy(tmp, f.p, n);
    tmp[n] = 0;
    if (!styr_fold(tmp, out, cap)) out[0] = 0;
}

int styr_yr_header(styr_reader *r, const styr_field *f, size_t nf)
{
    int col[NCOL];
    for (int k = 0; k < NCOL; k++) col[k] = -1;
    for (size_t i = 0; i < nf; i++) {
        char g[96];
        fold_field(f[i], g, sizeof g);
        for (int k = 0; k < NCOL; k++)
            if (!strcmp(g, col_names[k]) && col[k] < 0) col[k] = (int)i;
    }
    for (int k = 0; k < NCOL; k++)
        if (col[k] < 0) return 0;
    memcpy(r->yr_col, col, sizeof col);
    return 1;
}

/* The Ydelse texts of data/ydelsesrefusion.csv, folded, with their groups. */
static styr_yr_map *load_map(const styr_codes *codes)
{
    styr_yr_map *m = styr_xcalloc(1, sizeof *m);
    const styr_refdata_file *file = styr_refdata_find("ydelsesrefusion.csv");
    if (!file) return m;
    styr_csv c;
    styr_csv_init(&c, "ydelsesrefusion.csv", file->data, file->size);
    styr_csv_skip_comments(&c, NULL, NULL);
    styr_diags d;
    styr_diags_init(&d);
    if (styr_csv_header(&c, &d) == 1) {
        size_t cap = 0;
        while (styr_csv_next(&c, &d) == 1) {
            if (c.nf < 2) continue;
            int yd = styr_codes_ydelse(codes, c.f[1].p, c.f[1].n);
            if (yd <= 0) continue;
            if (m->n == cap) {
                cap = cap ? 2 * cap : 64;
                m->t = styr_xrealloc(m->t, cap * sizeof *m->t);
            }
            fold_field(c.f[0], m->t[m->n].folded, sizeof m->t[m->n].folded);
            m->t[m->n++].yd = yd;
        }
    }
    styr_diags_free(&d);
    styr_csv_free(&c);
    return m;
}

void styr_yr_reader_free(styr_reader *r)
{
    if (!r->yr_map) return;
    styr_cpr_wipe(r->yr_map->last_cpr, sizeof r->yr_map->last_cpr);
    free(r->yr_map->t);
    free(r->yr_map);
    r->yr_map = NULL;
}

int styr_yr_week_parse(const char *s, size_t n, int *idx)
{
    int y = 0, w = 0;
    size_t i = 0;
    for (; i < 4 && i < n && s[i] >= '0' && s[i] <= '9'; i++) y = y * 10 + (s[i] - '0');
    if (i != 4) return -1;
    if (i < n && s[i] == '-') i++;
    if (i < n && (s[i] == 'W' || s[i] == 'w')) i++;
    size_t w0 = i;
    for (; i < n && i - w0 < 3 && s[i] >= '0' && s[i] <= '9'; i++) w = w * 10 + (s[i] - '0');
    if (i != n || i - w0 != 2 || w < 1 || w > 53) return -1;
    if (y < STYR_YEAR_MIN || y > STYR_YEAR_MAX) return -2;
    if (w > styr_iso_weeks_in_year(y)) return -1;
    *idx = styr_week_from_iso(y, w);
    return *idx < 0 ? -1 : 0;
}

static void trim(styr_field *f)
{
    while (f->n && (f->p[f->n - 1] == ' ' || f->p[f->n - 1] == '\t')) f->n--;
    while (f->n && (*f->p == ' ' || *f->p == '\t')) { f->p++; f->n--; }
}

#define BAD(what, exp, k, fld)                                                                                  \
    styr_diag_add(r->d, what, exp, r->file, line, (uint32_t)r->yr_col[k] + 1, r->colname[r->yr_col[k]], (fld).p, \
                  (fld).n)

static int amount(styr_reader *r, const styr_field *f, uint64_t line, int k, double *out)
{
    styr_field x = f[r->yr_col[k]];
    trim(&x);
    if (styr_parse_amount(x.p, x.n, 1, out) || *out != *out || *out > 1e6 || *out < -1e6) {
        BAD(D_YR_AMOUNT, X_YR_AMOUNT, k, x);
        return -1;
    }
    return 0;
}

static int rate(styr_reader *r, const styr_field *f, uint64_t line, int k, double *out)
{
    styr_field x = f[r->yr_col[k]];
    trim(&x);
    if (styr_parse_amount(x.p, x.n, 1, out) || !(*out >= 0 && *out <= 100)) {
        BAD(D_YR_RATE, X_YR_RATE, k, x);
        return -1;
    }
    if (*out > 0 && *out <= 1) *out *= 100; /* a fraction */
    return 0;
}

int styr_yr_row(styr_reader *r, const styr_field *f, uint64_t line)
{
    if (!r->yr_map) r->yr_map = load_map(r->codes);
    int bad = 0, week = 0;
    styr_field x = f[r->yr_col[C_UGE]];
    trim(&x);
    int wr = styr_yr_week_parse(x.p, x.n, &week);
    if (wr) { BAD(wr == -2 ? D_WEEK_RANGE : D_YR_WEEK, X_YR_WEEK, C_UGE, x); bad = 1; }

    char digits[10];
    uint32_t birth = 0;
    uint8_t sex = 0;
    x = f[r->yr_col[C_CPR]];
    int cpr_ok = styr_cpr_parse(x.p, x.n, digits, &birth, &sex) == 0;
    if (!cpr_ok) {
        /* never the number itself, not even a wrong one */
        const char *hidden = styr_msg_text(M_YR_CPR_HIDDEN);
        styr_diag_add(r->d, D_BAD_CPR, X_CPR, r->file, line, (uint32_t)r->yr_col[C_CPR] + 1,
                      r->colname[r->yr_col[C_CPR]], hidden, strlen(hidden));
        bad = 1;
    }

    x = f[r->yr_col[C_YDELSE]];
    trim(&x);
    styr_yr_map *m = r->yr_map;
    int yd = seen_find(m->yd, m->nyd, x);
    if (yd == -2) {
        char g[96];
        fold_field(x, g, sizeof g);
        yd = -1;
        for (size_t i = 0; i < m->n && yd < 0; i++)
            if (g[0] && !strcmp(g, m->t[i].folded)) yd = m->t[i].yd;
        seen_add(m->yd, &m->nyd, x, yd);
    }
    if (yd < 0) {
        styr_diag_unknown(r->d, D_YR_YDELSE, X_YR_YDELSE, r->file, line, (uint32_t)r->yr_col[C_YDELSE] + 1,
                          r->colname[r->yr_col[C_YDELSE]], x.p, x.n);
        bad = 1;
    }

    x = f[r->yr_col[C_KOMMUNE]];
    trim(&x);
    int kom = seen_find(m->kom, m->nkom, x);
    if (kom == -2) {
        kom = styr_codes_kommune(r->codes, x.p, x.n);
        seen_add(m->kom, &m->nkom, x, kom);
    }
    if (kom < 0) {
        if (!x.n) BAD(D_YR_KOMMUNE, X_YR_KOMMUNE, C_KOMMUNE, x);
        else
            styr_diag_unknown(r->d, D_YR_KOMMUNE, X_YR_KOMMUNE, r->file, line, (uint32_t)r->yr_col[C_KOMMUNE] + 1,
                              r->colname[r->yr_col[C_KOMMUNE]], x.p, x.n);
        bad = 1;
    }

    styr_byr row = {0};
    if (amount(r, f, line, C_UDBETALT, &row.udbetalt)) bad = 1;
    if (rate(r, f, line, C_REFSATS, &row.refusionssats)) bad = 1;
    if (amount(r, f, line, C_REFBELOEB, &row.refusionsbeloeb)) bad = 1;
    if (rate(r, f, line, C_MEDSATS, &row.medfinansieringssats)) bad = 1;
    if (amount(r, f, line, C_MEDBELOEB, &row.medfinansieringsbeloeb)) bad = 1;

    if (bad || !r->yr_key) {
        if (cpr_ok) styr_cpr_wipe(digits, sizeof digits);
        r->bad_rows++;
        return 0;
    }
    if (!m->have_last || memcmp(m->last_cpr, digits, sizeof digits)) {
        styr_cpr_pseudonym(r->yr_key, digits, m->last_pseudo);
        memcpy(m->last_cpr, digits, sizeof digits);
        m->have_last = 1;
    }
    styr_cpr_wipe(digits, sizeof digits);
    int64_t p = styr_batch_person(r->b, m->last_pseudo, STYR_PSEUDONYM_LEN);
    if (p < 0) return -1;
    styr_batch_attr(r->b, (uint32_t)p, birth, sex, r->fidx, (uint32_t)line, r->d);
    styr_batch *b = r->b;
    if (styr_grow(&b->yr, &b->capyr, b->nyr + 1, sizeof *b->yr)) { b->oom = 1; return -1; }
    row.person = (uint32_t)p;
    row.week = (uint16_t)week;
    row.yd = (uint8_t)yd;
    row.kom = (uint8_t)kom;
    row.file = r->fidx;
    row.line = (uint32_t)line;
    b->yr[b->nyr++] = row;
    return 0;
}

static int row_cmp(const void *pa, const void *pb)
{
    const styr_byr *a = pa, *b = pb;
    if (a->person != b->person) return a->person < b->person ? -1 : 1;
    if (a->week != b->week) return a->week < b->week ? -1 : 1;
    if (a->yd != b->yd) return a->yd < b->yd ? -1 : 1;
    if (a->file != b->file) return a->file < b->file ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

styr_rc styr_yr_resolve(styr_batch *b, const styr_codes *codes, styr_diags *d)
{
    if (!b->nyr) return STYR_OK;
    qsort(b->yr, b->nyr, sizeof *b->yr, row_cmp);
    styr_rc rc = STYR_OK;
    for (size_t i = 1; i < b->nyr; i++) {
        const styr_byr *a = &b->yr[i - 1], *c = &b->yr[i];
        if (a->person == c->person && a->week == c->week && a->yd == c->yd) {
            char v[64], wk[12];
            styr_week_format(c->week, wk);
            snprintf(v, sizeof v, "%.*s %s", (int)b->persons[c->person].id_len, b->heap + b->persons[c->person].id_off,
                     wk);
            styr_diag_dup(d, D_YR_DUP, X_YR_DUP, b->files[c->file], c->line, b->files[a->file], a->line, v, strlen(v));
            rc = STYR_EINPUT;
        }
    }
    if (rc) return rc;
    for (size_t i = 0; i < b->nyr;) {
        size_t j = i, best = i;
        for (; j < b->nyr && b->yr[j].person == b->yr[i].person && b->yr[j].week == b->yr[i].week; j++) {
            const styr_byr *x = &b->yr[j], *y = &b->yr[best];
            int tx = codes->yd_trappe[x->yd], ty = codes->yd_trappe[y->yd];
            if (tx != ty ? tx > ty
                         : x->udbetalt > y->udbetalt ||
                               (x->udbetalt == y->udbetalt &&
                                (x->file < y->file || (x->file == y->file && x->line < y->line))))
                best = j;
        }
        if (j - i > 1) b->yr_multi++;
        styr_byr *x = &b->yr[best];
        x->in_panel = 1;
        if (styr_batch_run(b, x->person, x->week, 1, x->kom, x->yd, 0, 0, 0, x->file, x->line)) return STYR_ENOMEM;
        i = j;
    }
    return STYR_OK;
}

styr_rc styr_yr_store(sqlite3 *db, const styr_batch *b, const styr_codes *codes, sqlite3_int64 import_id,
                      styr_diags *d)
{
    if (!b->nyr) return STYR_OK;
    styr_rc rc = styr_sql_exec(db,
                               "CREATE TABLE IF NOT EXISTS ydelsesrefusion(pseudonym TEXT NOT NULL, uge TEXT NOT NULL,"
                               " ydelse TEXT NOT NULL, kommune INTEGER NOT NULL, udbetalt REAL NOT NULL,"
                               " refusionssats REAL NOT NULL, refusionsbeloeb REAL NOT NULL,"
                               " medfinansieringssats REAL NOT NULL, medfinansieringsbeloeb REAL NOT NULL,"
                               " i_panel INTEGER NOT NULL, import_id INTEGER NOT NULL,"
                               " PRIMARY KEY(pseudonym, uge, ydelse))",
                               d);
    if (rc) return rc;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO ydelsesrefusion(pseudonym, uge, ydelse, kommune, udbetalt, refusionssats,"
                           " refusionsbeloeb, medfinansieringssats, medfinansieringsbeloeb, i_panel, import_id)"
                           " VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &st, NULL))
        return styr_sql_fail(db, d);
    for (size_t i = 0; i < b->nyr; i++) {
        const styr_byr *x = &b->yr[i];
        const styr_bperson *p = &b->persons[x->person];
        char wk[12];
        styr_week_format(x->week, wk);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, b->heap + p->id_off, (int)p->id_len, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, wk, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, codes->dict.yd[x->yd], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 4, codes->dict.kom[x->kom]);
        sqlite3_bind_double(st, 5, x->udbetalt);
        sqlite3_bind_double(st, 6, x->refusionssats);
        sqlite3_bind_double(st, 7, x->refusionsbeloeb);
        sqlite3_bind_double(st, 8, x->medfinansieringssats);
        sqlite3_bind_double(st, 9, x->medfinansieringsbeloeb);
        sqlite3_bind_int(st, 10, x->in_panel);
        sqlite3_bind_int64(st, 11, import_id);
        if (sqlite3_step(st) != SQLITE_DONE) {
            rc = styr_sql_fail(db, d);
            sqlite3_finalize(st);
            return rc;
        }
    }
    sqlite3_finalize(st);
    return STYR_OK;
}
