/* review: learning points, the sheet's labels, the check and the estimates. */
#include "review.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/week.h"
#include "../ingest/csv.h"
#include "../ws/refdata.h"

/* ---- learning points ------------------------------------------------------------------- */

const char *styr_lp_name(const styr_lp *l)
{
    return styr_lang_get() == STYR_LANG_EN && l->navn_en[0] ? l->navn_en : l->navn;
}

void styr_lps_free(styr_lps *l)
{
    if (!l) return;
    free(l->v);
    memset(l, 0, sizeof *l);
}

static int good_code(styr_field f)
{
    if (!f.n || f.n > 47) return 0;
    for (size_t i = 0; i < f.n; i++)
        if (!(islower((unsigned char)f.p[i]) || isdigit((unsigned char)f.p[i]) || f.p[i] == '_')) return 0;
    return 1;
}

styr_rc styr_lps_load(const char *path, styr_lps *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    styr_map m = {0};
    const unsigned char *data;
    size_t size;
    const char *name = path ? path : "laeringspunkter.csv";
    if (path) {
        styr_rc rc = styr_map_file(path, &m, d);
        if (rc) return rc;
        data = m.data, size = m.size;
    } else {
        const styr_refdata_file *f = styr_refdata_find("laeringspunkter.csv");
        if (!f) return styr_diag_sys(d, STYR_EIO, "laeringspunkter.csv: not built in");
        data = f->data, size = f->size;
    }
    styr_csv c;
    styr_csv_init(&c, name, data, size);
    styr_csv_skip_comments(&c, NULL, NULL);
    int bad = 0, got = styr_csv_header(&c, d);
    if (got <= 0 || c.nf < 2 || !styr_field_is(c.f[0], "kode") || !styr_field_is(c.f[1], "navn") ||
        (c.nf > 2 && !styr_field_is(c.f[2], "navn_en"))) {
        if (got >= 0) styr_diag_add(d, D_LP_HEADER, X_LP_HEADER, name, got ? c.line : 0, 0, NULL, NULL, 0);
        bad = 1;
        goto out;
    }
    out->v = styr_xcalloc(STYR_LP_MAX, sizeof *out->v);
    while ((got = styr_csv_next(&c, d)) != 0) {
        if (got < 0) {
            bad = 1;
            continue;
        }
        styr_field k = c.f[0], nv = c.nf > 1 ? c.f[1] : (styr_field){"", 0};
        int dup = 0;
        for (size_t i = 0; i < out->n; i++)
            dup |= strlen(out->v[i].kode) == k.n && !memcmp(out->v[i].kode, k.p, k.n);
        if (!good_code(k) || dup || out->n == STYR_LP_MAX) {
            styr_diag_add(d, D_LP_CODE, X_LP_CODE, name, c.line, 1, "kode", k.p, k.n);
            bad = 1;
            continue;
        }
        if (!nv.n || nv.n > 95) {
            styr_diag_add(d, D_LP_NAME, X_LP_NAME, name, c.line, 2, "navn", nv.p, nv.n);
            bad = 1;
            continue;
        }
        styr_lp *l = &out->v[out->n++];
        snprintf(l->kode, sizeof l->kode, "%.*s", (int)k.n, k.p);
        snprintf(l->navn, sizeof l->navn, "%.*s", (int)nv.n, nv.p);
        if (c.nf > 2) snprintf(l->navn_en, sizeof l->navn_en, "%.*s", (int)(c.f[2].n < 95 ? c.f[2].n : 95), c.f[2].p);
    }
    if (!bad && !out->n) {
        styr_diag_add(d, D_EMPTY_FILE, X_LP_CODE, name, 0, 0, NULL, NULL, 0);
        bad = 1;
    }
out:
    styr_csv_free(&c);
    styr_unmap(&m);
    if (bad) {
        styr_lps_free(out);
        return STYR_EINPUT;
    }
    return STYR_OK;
}

/* ---- labels ---------------------------------------------------------------------------- */

static const char *const meta_da[STYR_RM_COUNT] = {"Frø",     "Panel (kontrolsum)", "Ydelse",
                                                   "Kommune", "Referenceuge",       "Antal sager"};
static const char *const meta_en[STYR_RM_COUNT] = {"Seed",         "Panel (checksum)", "Benefit group",
                                                   "Municipality", "Reference week",   "Cases"};
static const char *const col_da[STYR_RC_FIXED] = {"Nr.",  "Person",    "Lag-nr.",   "Lag", "Forløbet startede",
                                                  "Uger", "Tilbud nu", "Gennemgået"};
static const char *const col_en[STYR_RC_FIXED] = {"No.",         "Person", "Stratum no.", "Stratum",
                                                  "Spell began", "Weeks",  "Offer now",   "Reviewed"};

const char *styr_review_meta_label(int w)
{
    return styr_lang_get() == STYR_LANG_EN ? meta_en[w] : meta_da[w];
}
const char *styr_review_col_label(int w)
{
    return styr_lang_get() == STYR_LANG_EN ? col_en[w] : col_da[w];
}
const char *styr_review_note_label(void)
{
    return "Note";
}

/* Text equal to a label, ignoring case of ASCII letters and surrounding blanks. */
static int same(const char *s, const char *label)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s), m = strlen(label);
    while (n && s[n - 1] == ' ')
        n--;
    if (n != m) return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)label[i])) return 0;
    return 1;
}

static int meta_of(const char *s)
{
    for (int i = 0; i < STYR_RM_COUNT; i++)
        if (same(s, meta_da[i]) || same(s, meta_en[i])) return i;
    return -1;
}

/* The header row: the first whose first cell is "Nr." (or "No."). */
static size_t header_row(const styr_sheet *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const char *a = styr_sheet_cell(&s->row[i], 0);
        if (same(a, col_da[0]) || same(a, col_en[0])) return i;
    }
    return s->n;
}

void styr_review_free(styr_review *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++)
        free(r->c[i].ans), free(r->c[i].note);
    free(r->c);
    styr_lps_free(&r->lps);
    memset(r, 0, sizeof *r);
}

/* ---- the sheet's head ------------------------------------------------------------------ */

static int parse_u64(const char *s, uint64_t *out)
{
    while (*s == ' ')
        s++;
    if (!isdigit((unsigned char)*s)) return -1;
    char *e;
    unsigned long long v = strtoull(s, &e, 10);
    if (*e == '.' && e[1] == '0' && !e[2]) e += 2; /* a number cell of a spreadsheet: "25.0" */
    while (*e == ' ')
        e++;
    if (*e) return -1;
    *out = v;
    return 0;
}

styr_rc styr_review_sheet_meta(const styr_sheet *s, const char *file, const styr_codes *codes, styr_review_meta *out,
                               styr_diags *d)
{
    memset(out, 0, sizeof *out);
    size_t h = header_row(s);
    int seen[STYR_RM_COUNT] = {0}, bad = 0;
    out->grp = -1;
    for (size_t i = 0; i < h; i++) {
        const styr_sheet_row *r = &s->row[i];
        int k = meta_of(styr_sheet_cell(r, 0));
        if (k < 0) continue; /* the title, the notice, the answer key */
        const char *v = styr_sheet_cell(r, 1);
        uint64_t u = 0;
        int ok = 1;
        switch (k) {
        case STYR_RM_SEED:
            ok = !parse_u64(v, &out->seed);
            break;
        case STYR_RM_N:
            ok = !parse_u64(v, &u) && u >= 1 && u <= 10000, out->n = (size_t)u;
            break;
        case STYR_RM_PANEL: {
            char *e;
            ok = strlen(v) == 16 && (out->panel = strtoull(v, &e, 16), !*e);
            break;
        }
        case STYR_RM_GROUP:
            out->grp = styr_codes_ydelse(codes, v, strlen(v));
            ok = out->grp > 0;
            break;
        case STYR_RM_KOMMUNE:
            ok = !parse_u64(v, &u) && u >= 1 && u <= 999 && codes->kom_idx[u] >= 0, out->kommune = (int)u;
            break;
        case STYR_RM_WEEK:
            ok = !styr_week_parse(v, strlen(v), &out->ref);
            break;
        }
        seen[k] = 1;
        out->line[k] = r->line;
        if (!ok) {
            styr_diag_add(d, D_RS_META_BAD, X_RS_META_VALUE, file, r->line, 2, styr_sheet_cell(r, 0), v, strlen(v));
            bad = 1;
        }
    }
    if (h == s->n) {
        styr_diag_add(d, D_RS_NO_HEADER, X_RS_HEADER, file, 0, 0, NULL, NULL, 0);
        bad = 1;
    }
    for (int k = 0; k < STYR_RM_COUNT; k++)
        if (!seen[k]) {
            styr_diag_add(d, D_RS_META_MISSING, X_RS_META, file, 0, 0, NULL, meta_da[k], strlen(meta_da[k]));
            bad = 1;
        }
    return bad ? STYR_EINPUT : STYR_OK;
}

/* The head against the workspace: its own municipality, its panel, the panel's last week. */
styr_rc styr_review_check_head(const styr_review_meta *m, int own, const styr_panel *p, const char *file, styr_diags *d)
{
    int bad = 0;
    char v[84], a[17], b[17];
    if (m->kommune != own) {
        snprintf(v, sizeof v, "%d (%s %d)", m->kommune, styr_tr("arbejdsområdet:", "the workspace:"), own);
        styr_diag_add(d, D_RS_KOMMUNE, X_RS_KOMMUNE, file, m->line[STYR_RM_KOMMUNE], 2,
                      styr_review_meta_label(STYR_RM_KOMMUNE), v, strlen(v));
        bad = 1;
    }
    if (m->panel != styr_panel_checksum(p)) {
        styr_hex64(m->panel, a);
        styr_hex64(styr_panel_checksum(p), b);
        snprintf(v, sizeof v, "%s (%s %s)", a, styr_tr("arbejdsområdet:", "the workspace:"), b);
        styr_diag_add(d, D_RS_PANEL, X_RS_PANEL, file, m->line[STYR_RM_PANEL], 2, styr_review_meta_label(STYR_RM_PANEL),
                      v, strlen(v));
        bad = 1;
    }
    if (m->ref != styr_panel_week_max(p)) {
        char x[12], y[12];
        styr_week_format(m->ref, x);
        styr_week_format(styr_panel_week_max(p), y);
        snprintf(v, sizeof v, "%s (%s %s)", x, styr_tr("panelet:", "the panel:"), y);
        styr_diag_add(d, D_RS_WEEK, X_RS_WEEK, file, m->line[STYR_RM_WEEK], 2, styr_review_meta_label(STYR_RM_WEEK), v,
                      strlen(v));
        bad = 1;
    }
    return bad ? STYR_EINPUT : STYR_OK;
}

/* ---- the table ------------------------------------------------------------------------- */

/* An answer: 1, 0, or -1 when it is none of 1/0, x/blank, ja/nej (yes/no). */
static int answer(const char *s)
{
    static const char *const yes[] = {"1", "1.0", "x", "ja", "j", "yes", "y", "sand", "true"};
    static const char *const no[] = {"", "0", "0.0", "nej", "n", "no", "falsk", "false", "-"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (same(s, yes[i])) return 1;
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (same(s, no[i])) return 0;
    return -1;
}

typedef struct colmap {
    int fixed[STYR_RC_FIXED]; /* column index, -1 absent */
    int lp[STYR_LP_MAX];
    int note;
} colmap;

static void where_col(char *buf, size_t cap, const styr_sheet *sh, size_t c, const char *name)
{
    if (sh->xlsx) {
        char l[8];
        styr_sheet_colname(c, l);
        snprintf(buf, cap, "%s: %s", l, name);
    } else {
        snprintf(buf, cap, "%s", name);
    }
}

static void cell_diag(styr_diags *d, styr_msg what, styr_msg exp, const char *file, const styr_sheet *sh,
                      const styr_sheet_row *r, size_t c, const char *name, const char *value)
{
    char cn[64];
    where_col(cn, sizeof cn, sh, c, name);
    styr_diag_add(d, what, exp, file, r->line, (uint32_t)c + 1, cn, value, value ? strlen(value) : 0);
}

static int map_header(const styr_sheet *sh, size_t h, const char *file, const styr_lps *lps, colmap *m, styr_diags *d)
{
    const styr_sheet_row *r = &sh->row[h];
    int bad = 0;
    for (int i = 0; i < STYR_RC_FIXED; i++)
        m->fixed[i] = -1;
    for (size_t i = 0; i < lps->n; i++)
        m->lp[i] = -1;
    m->note = -1;
    for (size_t c = 0; c < r->n; c++) {
        const char *t = styr_sheet_cell(r, c);
        if (!*t) continue;
        int *slot = NULL;
        for (int i = 0; i < STYR_RC_FIXED && !slot; i++)
            if (same(t, col_da[i]) || same(t, col_en[i])) slot = &m->fixed[i];
        for (size_t i = 0; i < lps->n && !slot; i++)
            if (same(t, lps->v[i].kode) || same(t, lps->v[i].navn) ||
                (lps->v[i].navn_en[0] && same(t, lps->v[i].navn_en)))
                slot = &m->lp[i];
        if (!slot && same(t, "Note")) slot = &m->note;
        if (!slot) {
            cell_diag(d, D_RS_COL_UNKNOWN, X_RS_COLUMNS, file, sh, r, c, t, t);
            bad = 1;
        } else if (*slot >= 0) {
            cell_diag(d, D_DUP_COLUMN, X_ONE_COLUMN, file, sh, r, c, t, t);
            bad = 1;
        } else {
            *slot = (int)c;
        }
    }
    static const int required[] = {STYR_RC_NR, STYR_RC_PERSON, STYR_RC_STRATUM, STYR_RC_REVIEWED};
    for (size_t i = 0; i < sizeof required / sizeof *required; i++)
        if (m->fixed[required[i]] < 0) {
            const char *nm = styr_review_col_label(required[i]);
            styr_diag_add(d, D_RS_COL_MISSING, X_RS_COLUMNS, file, r->line, 0, NULL, nm, strlen(nm));
            bad = 1;
        }
    for (size_t i = 0; i < lps->n; i++)
        if (m->lp[i] < 0) {
            const char *nm = styr_lp_name(&lps->v[i]);
            styr_diag_add(d, D_RS_COL_MISSING, X_RS_COLUMNS, file, r->line, 0, NULL, nm, strlen(nm));
            bad = 1;
        }
    if (m->note < 0) {
        styr_diag_add(d, D_RS_COL_MISSING, X_RS_COLUMNS, file, r->line, 0, NULL, "Note", 4);
        bad = 1;
    }
    return bad ? -1 : 0;
}

styr_rc styr_review_check(const styr_sheet *sh, const char *file, const styr_lps *lps, const styr_review_meta *meta,
                          const styr_sample *s, const styr_cols *cols, styr_review *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    size_t h = header_row(sh);
    colmap m;
    if (h == sh->n || map_header(sh, h, file, lps, &m, d)) return STYR_EINPUT;
    int bad = 0;
    out->meta = *meta;
    memcpy(out->population, s->population, sizeof out->population);
    memcpy(out->drawn, s->drawn, sizeof out->drawn);
    out->lps.v = styr_xcalloc(lps->n ? lps->n : 1, sizeof *lps->v);
    memcpy(out->lps.v, lps->v, lps->n * sizeof *lps->v);
    out->lps.n = lps->n;
    out->n = s->n;
    out->c = styr_xcalloc(s->n ? s->n : 1, sizeof *out->c);
    for (size_t i = 0; i < s->n; i++)
        out->c[i].nr = 0; /* 0: not in the sheet (yet) */
    snprintf(out->file, sizeof out->file, "%s", file);
    /* when most ids differ, the seed (or the rows' order) was changed: say so first */
    size_t differ = 0, rows = 0;
    for (size_t i = h + 1; i < sh->n; i++) {
        uint64_t nr;
        if (parse_u64(styr_sheet_cell(&sh->row[i], (size_t)m.fixed[STYR_RC_NR]), &nr) || nr < 1 || nr > s->n) continue;
        size_t len;
        const char *id = styr_person_id(cols, s->cases[nr - 1].person, &len);
        const char *got = styr_sheet_cell(&sh->row[i], (size_t)m.fixed[STYR_RC_PERSON]);
        rows++;
        differ += strlen(got) != len || memcmp(got, id, len);
    }
    if (rows >= 2 && 2 * differ > rows) {
        char v[84];
        snprintf(v, sizeof v, "%llu (%zu/%zu)", (unsigned long long)meta->seed, differ, rows);
        styr_diag_add(d, D_RS_SEED, X_RS_SEED, file, meta->line[STYR_RM_SEED], 2, styr_review_meta_label(STYR_RM_SEED),
                      v, strlen(v));
        bad = 1;
    }
    for (size_t i = h + 1; i < sh->n; i++) {
        const styr_sheet_row *r = &sh->row[i];
        const char *nr_t = styr_sheet_cell(r, (size_t)m.fixed[STYR_RC_NR]);
        uint64_t nr;
        if (parse_u64(nr_t, &nr) || nr < 1 || nr > s->n || out->c[nr - 1].nr) {
            cell_diag(d, D_RS_NR, X_RS_NR, file, sh, r, (size_t)m.fixed[STYR_RC_NR], styr_review_col_label(STYR_RC_NR),
                      nr_t);
            bad = 1;
            continue;
        }
        styr_review_case *k = &out->c[nr - 1];
        const styr_case *want = &s->cases[nr - 1];
        k->nr = (int)nr;
        k->stratum = want->stratum;
        /* the person: the id the re-drawn sample has as case nr */
        size_t len;
        const char *id = styr_person_id(cols, want->person, &len);
        const char *got = styr_sheet_cell(r, (size_t)m.fixed[STYR_RC_PERSON]);
        if (strlen(got) != len || memcmp(got, id, len)) {
            char v[84];
            snprintf(v, sizeof v, "%s (%s %.*s)", got, styr_tr("stikprøven:", "the sample:"),
                     (int)(len < 40 ? len : 40), id);
            cell_diag(d, D_RS_PERSON, X_RS_PERSON, file, sh, r, (size_t)m.fixed[STYR_RC_PERSON],
                      styr_review_col_label(STYR_RC_PERSON), v);
            bad = 1;
        }
        const char *st = styr_sheet_cell(r, (size_t)m.fixed[STYR_RC_STRATUM]);
        uint64_t stv;
        if (parse_u64(st, &stv) || stv != (uint64_t)want->stratum + 1) {
            char v[84];
            snprintf(v, sizeof v, "%s (%s %d)", st, styr_tr("stikprøven:", "the sample:"), want->stratum + 1);
            cell_diag(d, D_RS_STRATUM, X_RS_STRATUM, file, sh, r, (size_t)m.fixed[STYR_RC_STRATUM],
                      styr_review_col_label(STYR_RC_STRATUM), v);
            bad = 1;
        }
        const char *rv = styr_sheet_cell(r, (size_t)m.fixed[STYR_RC_REVIEWED]);
        k->reviewed = answer(rv);
        if (k->reviewed < 0) {
            cell_diag(d, D_RS_ANSWER, X_RS_ANSWER, file, sh, r, (size_t)m.fixed[STYR_RC_REVIEWED],
                      styr_review_col_label(STYR_RC_REVIEWED), rv);
            bad = 1;
            k->reviewed = 0;
        }
        k->ans = styr_xcalloc(lps->n ? lps->n : 1, 1);
        int any = 0;
        for (size_t j = 0; j < lps->n; j++) {
            const char *a = styr_sheet_cell(r, (size_t)m.lp[j]);
            int v = answer(a);
            if (v < 0) {
                cell_diag(d, D_RS_ANSWER, X_RS_ANSWER, file, sh, r, (size_t)m.lp[j], styr_lp_name(&lps->v[j]), a);
                bad = 1;
                continue;
            }
            k->ans[j] = (unsigned char)v;
            any |= v;
        }
        if (any && !k->reviewed) {
            cell_diag(d, D_RS_NOT_REVIEWED, X_RS_REVIEWED, file, sh, r, (size_t)m.fixed[STYR_RC_REVIEWED],
                      styr_review_col_label(STYR_RC_REVIEWED), rv);
            bad = 1;
        }
        const char *note = styr_sheet_cell(r, (size_t)m.note);
        if (*note) k->note = styr_xstrdup(note);
    }
    for (size_t i = 0; i < s->n; i++)
        if (!out->c[i].nr) {
            char v[32];
            snprintf(v, sizeof v, "%s %zu", styr_tr("nr.", "no."), i + 1);
            styr_diag_add(d, D_RS_MISSING_CASE, X_RS_ALL_CASES, file, 0, 0, NULL, v, strlen(v));
            bad = 1;
        }
    if (bad) {
        styr_review_free(out);
        return STYR_EINPUT;
    }
    return STYR_OK;
}

/* ---- estimates ------------------------------------------------------------------------- */

#define Z95 1.959963984540054

void styr_wilson(double p, double n, double *lo, double *hi)
{
    if (!(n > 0)) {
        *lo = 0, *hi = 1;
        return;
    }
    double z2 = Z95 * Z95, den = 1 + z2 / n, c = (p + z2 / (2 * n)) / den;
    double half = Z95 / den * sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    *lo = c - half < 0 || p <= 0 ? 0 : c - half; /* exactly 0 at p = 0 (rounding aside) */
    *hi = c + half > 1 || p >= 1 ? 1 : c + half;
}

static void share(styr_review_share *s, size_t m, size_t k)
{
    s->m = m, s->k = k;
    if (!m) {
        s->p = s->lo = s->hi = -1;
        return;
    }
    s->p = (double)k / (double)m;
    styr_wilson(s->p, (double)m, &s->lo, &s->hi);
}

void styr_review_estimate(const styr_review *r, size_t lp, styr_review_est *out)
{
    memset(out, 0, sizeof *out);
    size_t m_h[STYR_NSTRATA_SAMPLE] = {0}, k_h[STYR_NSTRATA_SAMPLE] = {0}, m = 0, k = 0, all = 0;
    for (size_t i = 0; i < r->n; i++) {
        const styr_review_case *c = &r->c[i];
        if (!c->reviewed) continue;
        m_h[c->stratum]++, m++;
        if (c->ans[lp]) k_h[c->stratum]++, k++;
    }
    share(&out->all, m, k);
    double nstar = 0;
    for (int h = 0; h < STYR_NSTRATA_SAMPLE; h++) {
        share(&out->by[h], m_h[h], k_h[h]);
        all += r->population[h];
        if (m_h[h]) nstar += (double)r->population[h];
    }
    if (!m || !(nstar > 0)) {
        out->p_st = out->se = out->lo = out->hi = -1;
        return;
    }
    double p = out->all.p, pooled = m > 1 ? (double)m / (double)(m - 1) * p * (1 - p) : 0.25, pst = 0, v = 0;
    for (int h = 0; h < STYR_NSTRATA_SAMPLE; h++) {
        if (!m_h[h]) continue;
        double W = (double)r->population[h] / nstar, ph = (double)k_h[h] / (double)m_h[h], mh = (double)m_h[h];
        double s2 = m_h[h] >= 2 ? mh / (mh - 1) * ph * (1 - ph) : pooled;
        if (m_h[h] == 1) out->single_strata++;
        double fpc = r->population[h] ? 1 - mh / (double)r->population[h] : 0;
        if (fpc < 0) fpc = 0;
        pst += W * ph;
        v += W * W * fpc * s2 / mh;
    }
    out->p_st = pst;
    out->se = sqrt(v);
    out->n_eff = v > 0 && pst > 0 && pst < 1 ? pst * (1 - pst) / v : (double)m;
    if (out->n_eff > (double)m) out->n_eff = (double)m;
    styr_wilson(pst, out->n_eff, &out->lo, &out->hi);
    out->coverage = all ? nstar / (double)all : 0;
}
