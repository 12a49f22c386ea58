/* reconcile: Ydelsesrefusion rows against the rates of styr's rules. */
#include "reconcile.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/num.h"
#include "../core/week.h"
#include "engine.h"
#include "pset.h"
#include "rules.h"

void styr_recon_free(styr_recon *r)
{
    if (!r) return;
    free(r->w);
    free(r->t);
    memset(r, 0, sizeof *r);
}

/* What the engine pass needs: the rows, sorted by pseudonym and week. */
typedef struct job {
    styr_recon_week *w;
    size_t nw;
    const styr_rules *rules;
} job;

static int id_cmp(const void *a, const void *b)
{
    const styr_recon_week *x = a, *y = b;
    int c = strcmp(x->pseudonym, y->pseudonym);
    return c ? c : (x->week > y->week) - (x->week < y->week);
}

static void a_init(void *st, const styr_acc_ctx *x) { (void)st, (void)x; }
static void a_merge(void *into, const void *from, const styr_acc_ctx *x) { (void)into, (void)from, (void)x; }
static void a_finish(const void *st, const styr_acc_ctx *x, styr_cube *out) { (void)st, (void)x, (void)out; }
static void a_free(void *st) { (void)st; }

/* One person: the count and styr's share of each of the person's rows. Each
 * row belongs to one person and each person to one thread, so the rows are
 * written in place. */
static void a_visit(void *st, const styr_acc_ctx *x, const styr_visit *v)
{
    (void)st;
    const job *j = x->user;
    size_t len;
    const char *id = styr_person_id(v->c, v->person, &len);
    if (len != STYR_PSEUDONYM_LEN) return;
    /* the first row of this pseudonym */
    size_t lo = 0, hi = j->nw;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strncmp(j->w[mid].pseudonym, id, len) < 0) lo = mid + 1;
        else hi = mid;
    }
    const styr_rules *R = j->rules;
    const styr_cols *c = v->c;
    uint64_t r = v->r0;
    for (size_t k = lo; k < j->nw && !strncmp(j->w[k].pseudonym, id, len); k++) {
        styr_recon_week *w = &j->w[k];
        while (r < v->r1 && (int)c->start[r] + c->len[r] - 1 < w->week) r++; /* rows come by week */
        int n = 0, spell = 1, tb = 0;
        if (r < v->r1 && (int)c->start[r] <= w->week) {
            if (v->n0 && v->n0[r - v->r0] != UINT32_MAX) n = (int)(v->n0[r - v->r0] + (uint32_t)(w->week - c->start[r]) + 1);
            spell = w->week - v->start_g[r - v->r0] + 1;
            tb = c->tb[r];
        }
        int reg = styr_rules_regime_of(R, w->week);
        double s = reg >= 0 ? styr_rules_share(R, reg, w->yd, tb, spell, n) : 1.0;
        w->n = n;
        w->styr_sats = styr_round(100.0 * (w->medfin ? s : 1.0 - s), 2);
    }
}

static const styr_acc acc_recon = {"reconcile", 1, a_init, a_visit, a_merge, a_finish, a_free};

static int week_cmp(const void *a, const void *b)
{
    const styr_recon_week *x = a, *y = b;
    if (x->week != y->week) return x->week < y->week ? -1 : 1;
    if (x->yd != y->yd) return x->yd < y->yd ? -1 : 1;
    if (x->kommune != y->kommune) return x->kommune < y->kommune ? -1 : 1;
    return strcmp(x->pseudonym, y->pseudonym);
}

/* Read the rows in scope; has_table 0 when the table is not there. */
static styr_rc load_rows(styr_ws *ws, const styr_recon_opts *o, const styr_rules *R, styr_recon *out, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *codes = styr_ws_codes(ws);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT pseudonym, uge, ydelse, kommune, udbetalt, refusionssats, refusionsbeloeb,"
                           " medfinansieringssats, medfinansieringsbeloeb FROM ydelsesrefusion"
                           " WHERE ?1 = 0 OR kommune = ?1",
                           -1, &st, NULL) != SQLITE_OK) {
        if (strstr(sqlite3_errmsg(db), "no such table")) return STYR_OK;
        return styr_sql_fail(db, d);
    }
    out->has_table = 1;
    sqlite3_bind_int(st, 1, o ? o->kommune : 0);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *ps = (const char *)sqlite3_column_text(st, 0), *uge = (const char *)sqlite3_column_text(st, 1),
                   *yd = (const char *)sqlite3_column_text(st, 2);
        int week, yi = styr_codes_ydelse(codes, yd, strlen(yd));
        if (styr_week_parse(uge, strlen(uge), &week) || yi <= 0 || strlen(ps) != STYR_PSEUDONYM_LEN) {
            sqlite3_finalize(st);
            return styr_diag_sys(d, STYR_ECORRUPT, "ydelsesrefusion: %s %s %s", ps, uge, yd);
        }
        if (o && o->maaned && (week < o->maaned->first || week > o->maaned->last)) continue;
        if (out->nw == cap) {
            cap = cap ? 2 * cap : 256;
            out->w = styr_xrealloc(out->w, cap * sizeof *out->w);
        }
        styr_recon_week *w = &out->w[out->nw++];
        memset(w, 0, sizeof *w);
        memcpy(w->pseudonym, ps, STYR_PSEUDONYM_LEN + 1);
        w->week = week;
        w->yd = yi;
        w->kommune = sqlite3_column_int(st, 3);
        w->udbetalt = sqlite3_column_double(st, 4);
        int cl = R->yd_class[yi];
        w->medfin = cl >= 0 && !strcmp(R->classname[cl], "forsikret");
        w->statens_sats = sqlite3_column_double(st, w->medfin ? 7 : 5);
        w->statens_beloeb = sqlite3_column_double(st, w->medfin ? 8 : 6);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return styr_sql_fail(db, d);
    return STYR_OK;
}

static styr_recon_total *total_of(styr_recon *r, size_t *cap, int year, int month, int yd, int medfin)
{
    for (size_t i = 0; i < r->nt; i++)
        if (r->t[i].year == year && r->t[i].month == month && r->t[i].yd == yd) return &r->t[i];
    if (r->nt == *cap) {
        *cap = *cap ? 2 * *cap : 32;
        r->t = styr_xrealloc(r->t, *cap * sizeof *r->t);
    }
    styr_recon_total *t = &r->t[r->nt++];
    memset(t, 0, sizeof *t);
    t->year = year;
    t->month = month;
    t->yd = yd;
    t->medfin = medfin;
    return t;
}

static int total_cmp(const void *a, const void *b)
{
    const styr_recon_total *x = a, *y = b;
    int kx = x->month == 0, ky = y->month == 0; /* the groups' grand totals last */
    if (kx != ky) return kx - ky;
    if (x->year != y->year) return x->year < y->year ? -1 : 1;
    if (x->month != y->month) return x->month < y->month ? -1 : 1;
    return (x->yd > y->yd) - (x->yd < y->yd);
}

styr_rc styr_reconcile_yr(styr_ws *ws, const styr_recon_opts *o, styr_recon *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    styr_rules *R = styr_xcalloc(1, sizeof *R);
    styr_rc rc = styr_rules_load(ws, R, d);
    if (!rc) rc = load_rows(ws, o, R, out, d);
    if (rc || !out->nw) goto done;

    /* styr's rate: one pass of the engine over the panel for the trappe count */
    const styr_panel *p;
    if ((rc = styr_ws_panel(ws, &p, d))) goto done;
    qsort(out->w, out->nw, sizeof *out->w, id_cmp);
    job j = {out->w, out->nw, R};
    styr_period any;
    char y[16];
    snprintf(y, sizeof y, "%d", styr_week_year(out->w[0].week));
    styr_period_parse(y, &any);
    styr_pset ps;
    if ((rc = styr_pset_build(&ps, &any, 1, d))) goto done;
    styr_cube cube;
    styr_engine_opts eo = {.threads = o ? o->threads : 0, .rules = R, .extra = &acc_recon, .user = &j, .only_extra = 1};
    rc = styr_engine_run(p, styr_ws_codes(ws), &ps, &eo, &cube, d);
    styr_pset_free(&ps);
    styr_cube_free(&cube);
    if (rc) goto done;

    /* compare, and add up by month and group */
    qsort(out->w, out->nw, sizeof *out->w, week_cmp);
    size_t cap = 0;
    for (size_t i = 0; i < out->nw; i++) {
        styr_recon_week *w = &out->w[i];
        w->styr_beloeb = styr_round(w->udbetalt * w->styr_sats / 100.0, 2);
        w->forskel_kr = styr_round(w->statens_beloeb - w->styr_beloeb, 2);
        w->differs = fabs(w->statens_sats - w->styr_sats) >= 0.005 || fabs(w->forskel_kr) >= 0.005;
        out->ndiff += (uint64_t)w->differs;
        for (int all = 0; all < 2; all++) {
            styr_recon_total *t = total_of(out, &cap, all ? 0 : styr_week_year(w->week), all ? 0 : styr_week_month(w->week),
                                           w->yd, w->medfin);
            t->weeks++;
            t->differing += (uint64_t)w->differs;
            t->udbetalt += w->udbetalt;
            t->statens_beloeb += w->statens_beloeb;
            t->styr_beloeb += w->styr_beloeb;
            t->forskel_kr += w->forskel_kr;
        }
    }
    for (size_t i = 0; i < out->nt; i++) { /* sums of øre: keep them in øre */
        styr_recon_total *t = &out->t[i];
        t->udbetalt = styr_round(t->udbetalt, 2);
        t->statens_beloeb = styr_round(t->statens_beloeb, 2);
        t->styr_beloeb = styr_round(t->styr_beloeb, 2);
        t->forskel_kr = styr_round(t->forskel_kr, 2);
    }
    qsort(out->t, out->nt, sizeof *out->t, total_cmp);
done:
    free(R);
    if (rc) styr_recon_free(out);
    return rc;
}
