/* progstat: changes between assessments, their intervals and discretion, and
 * the logistic models of job or education after an assessment. */
#include "progstat.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "engine.h"
#include "tdist.h"

const int styr_prog_horizon_weeks[STYR_PROG_NHORIZON] = {26, 52};

/* The outcome: in job (or, once the engine reports it, in education) in the
 * horizon week. A status value not named here counts as neither. At the merge
 * with the education status (issue 14 §2): add `|| st == STYR_ST_UDD`. */
static int in_job_or_education(int st) { return st == STYR_ST_JOB || st == STYR_ST_UDD; }

int styr_prog_mean_ci(const double *d, const uint32_t *g, size_t n, double *m, double *lo, double *hi)
{
    double s = 0;
    for (size_t i = 0; i < n; i++) s += d[i];
    *m = n ? s / (double)n : 0;
    *lo = *hi = *m;
    if (n == 0) return 0;
    /* cluster sums of the deviations over the values ordered by id (an insertion
     * sort: linear for the callers, who pass the ids in order already) */
    size_t *ord = styr_xcalloc(n, sizeof *ord);
    for (size_t i = 0; i < n; i++) ord[i] = i;
    for (size_t i = 1; i < n; i++) {
        size_t x = ord[i], j = i;
        while (j > 0 && g[ord[j - 1]] > g[x]) { ord[j] = ord[j - 1]; j--; }
        ord[j] = x;
    }
    double ss = 0;
    int G = 0;
    for (size_t a = 0; a < n;) {
        double u = 0;
        size_t z = a;
        for (; z < n && g[ord[z]] == g[ord[a]]; z++) u += d[ord[z]] - *m;
        ss += u * u;
        G++;
        a = z;
    }
    free(ord);
    if (G < 2) return G;
    double se = sqrt((double)G / (G - 1) * ss) / (double)n, t = styr_t_quantile(0.975, G - 1);
    *lo = *m - t * se;
    *hi = *m + t * se;
    return G;
}

int styr_prog_secondary(styr_prog_row *rows, size_t n)
{
    int ns = 0, best = -1;
    for (size_t i = 0; i < n; i++) ns += rows[i].suppressed;
    if (ns != 1) return -1;
    for (size_t i = 0; i < n; i++)
        if (!rows[i].suppressed && (best < 0 || rows[i].persons < rows[best].persons)) best = (int)i;
    if (best >= 0) rows[best].suppressed = 1;
    return best;
}

/* the run holding week w or the last before it (the first run when none) */
static uint64_t run_at(const styr_cols *c, uint64_t r0, uint64_t r1, int w)
{
    uint64_t r = styr_run_after(c, r0, r1, w);
    return r == r0 ? r0 : r - 1;
}

/* the offer kind with the most weeks in [w1, w2]; 0 none */
static int offer_between(const styr_cols *c, uint64_t r0, uint64_t r1, int w1, int w2, int ntb)
{
    uint32_t weeks[STYR_MAX_CODES] = {0};
    for (uint64_t r = r0; r < r1; r++) {
        int s = c->start[r], e = s + c->len[r] - 1;
        if (e < w1 || s > w2 || !c->tb[r] || c->tb[r] >= ntb) continue;
        weeks[c->tb[r]] += (uint32_t)((e < w2 ? e : w2) - (s > w1 ? s : w1) + 1);
    }
    int best = 0;
    for (int t = 1; t < ntb; t++)
        if (weeks[t] > weeks[best] || (best == 0 && weeks[t] > 0)) best = t;
    return best;
}

static double norm100(double score, int skala) { return (score - 1) / (skala - 1) * 100; }

/* whether the assessment counts: municipality at the week and the hook */
static int counts(const styr_cols *c, uint32_t person, int w, const styr_prog_opts *o)
{
    uint64_t r0 = c->run_off[person], r1 = c->run_off[person + 1];
    if (o->kommune >= 0 && (r0 == r1 || c->kom[run_at(c, r0, r1, w)] != o->kommune)) return 0;
    return !o->keep || o->keep(o->keep_ctx, c, person, w);
}

typedef struct change {
    double pts, norm;
    uint32_t person;
    int kind;
    int scale;                 /* the scale of both assessments; 0 when they differ */
} change;

static void set(styr_prog_value *v, double x) { v->v = x; v->state = STYR_PV_OK; }

static void fill_row(styr_prog_row *row, const change *ch, size_t n, int kind)
{
    double *dp = styr_xcalloc(n ? n : 1, sizeof *dp), *dn = styr_xcalloc(n ? n : 1, sizeof *dn);
    uint32_t *g = styr_xcalloc(n ? n : 1, sizeof *g);
    size_t m = 0, improved = 0;
    int same = 1, scale = -1; /* scale points only when every change is on one and the same scale */
    uint32_t last = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        if (kind >= 0 && ch[i].kind != kind) continue;
        dp[m] = ch[i].pts;
        dn[m] = ch[i].norm;
        g[m] = ch[i].person;
        if (scale < 0) scale = ch[i].scale;
        same &= ch[i].scale != 0 && ch[i].scale == scale;
        improved += ch[i].norm > 0;
        if (ch[i].person != last) row->persons++;
        last = ch[i].person;
        m++;
    }
    row->changes = (uint32_t)m;
    row->tilbud = kind;
    row->suppressed = row->persons > 0 && row->persons < STYR_PROG_MIN_PERSONS;
    double mean, lo, hi;
    if (same) {
        styr_prog_mean_ci(dp, g, m, &mean, &lo, &hi);
        set(&row->mean, mean), set(&row->lo, lo), set(&row->hi, hi);
    } else {
        row->mean.state = row->lo.state = row->hi.state = STYR_PV_NA;
    }
    styr_prog_mean_ci(dn, g, m, &mean, &lo, &hi);
    set(&row->mean_n, mean), set(&row->lo_n, lo), set(&row->hi_n, hi);
    set(&row->improved, m ? (double)improved / (double)m : 0);
    free(dp);
    free(dn);
    free(g);
}

static void push_row(styr_prog_result *out, size_t *cap, const styr_prog_row *r)
{
    if (out->nrows == *cap) out->rows = styr_xrealloc(out->rows, (*cap = *cap ? 2 * *cap : 32) * sizeof *out->rows);
    out->rows[out->nrows++] = *r;
}

static void push_model(styr_prog_result *out, size_t *cap, const styr_prog_model *m)
{
    if (out->nmodels == *cap)
        out->models = styr_xrealloc(out->models, (*cap = *cap ? 2 * *cap : 16) * sizeof *out->models);
    out->models[out->nmodels++] = *m;
}

/* A model on nobs observations: x (nobs x (1 + nx), constant first), y, the person of each. */
static void fit_model(styr_prog_model *m, const double *x, const unsigned char *y, const uint32_t *person,
                      int nobs)
{
    int k = 1 + m->nx, several = 0;
    int ev = 0, nev = 0;
    /* persons with and without the outcome (the observations come person by person) */
    for (int i = 0; i < nobs;) {
        int j = i, e = 0, ne = 0;
        for (; j < nobs && person[j] == person[i]; j++) e |= y[j], ne |= !y[j];
        if (j - i > 1) several = 1;
        m->persons++;
        ev += e;
        nev += ne;
        i = j;
    }
    m->persons_events = (uint32_t)ev;
    m->persons_nonevents = (uint32_t)nev;
    m->shown = ev >= STYR_PROG_MIN_PERSONS && nev >= STYR_PROG_MIN_PERSONS;
    int *cl = NULL;
    if (several) {
        cl = styr_xcalloc((size_t)(nobs ? nobs : 1), sizeof *cl);
        for (int i = 0; i < nobs; i++) cl[i] = (int)person[i];
    }
    m->fitted = nobs > 0 && styr_logit_fit(x, y, nobs, k, cl, &m->fit) == 0;
    if (!m->fitted) {
        m->fit.n = nobs;
        m->fit.k = k;
    }
    free(cl);
}

typedef struct obs_ref {
    uint32_t person;
    int32_t day;
    uint16_t indikator;
    size_t i;
} obs_ref;

static int cmp_obs(const void *a, const void *b)
{
    const obs_ref *x = a, *y = b;
    if (x->person != y->person) return x->person < y->person ? -1 : 1;
    if (x->day != y->day) return x->day < y->day ? -1 : 1;
    return (x->indikator > y->indikator) - (x->indikator < y->indikator);
}

void styr_prog_compute(const styr_prog *p, const styr_cols *c, const styr_codes *codes, int panel_last,
                       const styr_prog_opts *o, styr_prog_result *out)
{
    memset(out, 0, sizeof *out);
    out->panel_last = panel_last;
    size_t rcap = 0, mcap = 0;
    int ntb = codes->dict.ntb;
    uint8_t kind[STYR_MAX_CODES]; /* public support, education (SU) or neither: the status after */
    styr_kind_yd(codes, kind);
    /* persons and assessments that count */
    unsigned char *seen = styr_xcalloc(c->npersons ? c->npersons : 1, 1);
    for (size_t i = 0; i < p->n; i++) {
        const styr_assessment *a = &p->v[i];
        if (!counts(c, a->person, a->week, o)) continue;
        out->assessments++;
        if (!seen[a->person]) out->persons++;
        seen[a->person] = 1;
    }
    free(seen);
    change *ch = styr_xcalloc(p->n ? p->n : 1, sizeof *ch);
    double *x = styr_xcalloc(p->n ? 2 * p->n : 2, sizeof *x);
    unsigned char *y = styr_xcalloc(p->n ? p->n : 1, 1);
    uint32_t *who = styr_xcalloc(p->n ? p->n : 1, sizeof *who);
    for (size_t a = 0; a < p->n;) {
        size_t z = a;
        while (z < p->n && p->v[z].instrument == p->v[a].instrument && p->v[z].indikator == p->v[a].indikator) z++;
        /* [a, z): one indicator, by person and date */
        size_t nch = 0;
        int one_scale = 1;
        for (size_t i = a; i < z; i++) {
            one_scale &= p->v[i].skala == p->v[a].skala;
            if (i == a || p->v[i - 1].person != p->v[i].person) continue;
            const styr_assessment *u = &p->v[i - 1], *v = &p->v[i];
            if (!counts(c, v->person, v->week, o)) continue;
            change *k = &ch[nch];
            k->person = v->person;
            k->scale = u->skala == v->skala ? v->skala : 0;
            k->pts = v->score - u->score;
            k->norm = norm100(v->score, v->skala) - norm100(u->score, u->skala);
            k->kind = offer_between(c, c->run_off[v->person], c->run_off[v->person + 1], u->week, v->week, ntb);
            nch++;
        }
        /* the total and every offer kind, with the discretion pattern of the whole
         * breakdown; with --tilbud only that kind's row is kept, under the same
         * pattern (so it cannot uncover a row the breakdown hides) */
        styr_prog_row total, rows[STYR_MAX_CODES];
        memset(&total, 0, sizeof total);
        total.instrument = p->v[a].instrument;
        total.indikator = p->v[a].indikator;
        fill_row(&total, ch, nch, -1);
        int nr = 0;
        for (int t = 0; total.changes && t < ntb; t++) {
            styr_prog_row r;
            memset(&r, 0, sizeof r);
            r.instrument = total.instrument;
            r.indikator = total.indikator;
            fill_row(&r, ch, nch, t);
            if (total.suppressed) r.suppressed = 1; /* under a hidden total every row rests on fewer persons */
            if (r.changes) rows[nr++] = r;
        }
        if (!total.suppressed) styr_prog_secondary(rows, (size_t)nr);
        if (total.changes && o->tilbud < 0) push_row(out, &rcap, &total);
        for (int i = 0; i < nr; i++)
            if (o->tilbud < 0 || rows[i].tilbud == o->tilbud) push_row(out, &rcap, &rows[i]);
        /* the models of this indicator */
        for (int h = 0; h < STYR_PROG_NHORIZON; h++) {
            styr_prog_model m;
            memset(&m, 0, sizeof m);
            m.instrument = p->v[a].instrument;
            m.indikator = p->v[a].indikator;
            m.horizon = styr_prog_horizon_weeks[h];
            m.normalised = !one_scale;
            m.nx = 1;
            m.x_name[0] = p->v[a].indikator;
            int nobs = 0;
            for (size_t i = a; i < z; i++) {
                const styr_assessment *v = &p->v[i];
                if (!counts(c, v->person, v->week, o)) continue;
                int t = v->week + m.horizon;
                if (t > panel_last) { m.pending++; continue; }
                uint64_t r0 = c->run_off[v->person], r1 = c->run_off[v->person + 1];
                x[2 * nobs] = 1;
                x[2 * nobs + 1] = one_scale ? v->score : norm100(v->score, v->skala);
                y[nobs] = (unsigned char)in_job_or_education(styr_status_at(c, r0, r1, t, kind));
                who[nobs] = v->person;
                nobs++;
            }
            fit_model(&m, x, y, who, nobs);
            push_model(out, &mcap, &m);
        }
        a = z;
    }
    free(x);
    free(y);
    free(who);
    free(ch);
    if (!o->samlet) return;
    /* all the indicators of an instrument together, on the dates a person was scored on every one */
    obs_ref *ref = styr_xcalloc(p->n ? p->n : 1, sizeof *ref);
    for (size_t a = 0; a < p->n;) {
        size_t z = a;
        while (z < p->n && p->v[z].instrument == p->v[a].instrument) z++;
        uint16_t names[STYR_LOGIT_MAXK];
        int nind = 0, too_many = 0, one_scale = 1;
        for (size_t i = a; i < z; i++) {
            one_scale &= p->v[i].skala == p->v[a].skala;
            if (i > a && p->v[i].indikator == p->v[i - 1].indikator) continue;
            if (nind == STYR_LOGIT_MAXK - 1) { too_many = 1; break; }
            names[nind++] = p->v[i].indikator;
        }
        if (too_many || nind < 2) { a = z; continue; }
        size_t nr = 0;
        for (size_t i = a; i < z; i++) ref[nr++] = (obs_ref){p->v[i].person, p->v[i].day, p->v[i].indikator, i};
        qsort(ref, nr, sizeof *ref, cmp_obs);
        int k = 1 + nind;
        double *xx = styr_xcalloc(nr ? nr : 1, (size_t)k * sizeof *xx);
        for (int h = 0; h < STYR_PROG_NHORIZON; h++) {
            styr_prog_model m;
            memset(&m, 0, sizeof m);
            m.instrument = p->v[a].instrument;
            m.indikator = -1;
            m.horizon = styr_prog_horizon_weeks[h];
            m.normalised = !one_scale;
            m.nx = nind;
            memcpy(m.x_name, names, sizeof names);
            unsigned char *yy = styr_xcalloc(nr ? nr : 1, 1);
            uint32_t *ww = styr_xcalloc(nr ? nr : 1, sizeof *ww);
            int nobs = 0;
            for (size_t s = 0; s < nr;) {
                size_t e = s;
                while (e < nr && ref[e].person == ref[s].person && ref[e].day == ref[s].day) e++;
                const styr_assessment *v0 = &p->v[ref[s].i];
                if ((int)(e - s) == nind && counts(c, v0->person, v0->week, o)) {
                    int t = v0->week + m.horizon;
                    if (t > panel_last) {
                        m.pending++;
                    } else {
                        double *row = xx + (size_t)nobs * (size_t)k;
                        row[0] = 1;
                        for (size_t q = s; q < e; q++) {
                            const styr_assessment *v = &p->v[ref[q].i];
                            int col = 0;
                            while (names[col] != v->indikator) col++;
                            row[1 + col] = one_scale ? v->score : norm100(v->score, v->skala);
                        }
                        uint64_t r0 = c->run_off[v0->person], r1 = c->run_off[v0->person + 1];
                        yy[nobs] = (unsigned char)in_job_or_education(styr_status_at(c, r0, r1, t, kind));
                        ww[nobs] = v0->person;
                        nobs++;
                    }
                }
                s = e;
            }
            fit_model(&m, xx, yy, ww, nobs);
            push_model(out, &mcap, &m);
            free(yy);
            free(ww);
        }
        free(xx);
        a = z;
    }
    free(ref);
}

void styr_prog_result_free(styr_prog_result *r)
{
    if (!r) return;
    free(r->rows);
    free(r->models);
    memset(r, 0, sizeof *r);
}
