/* effect: dynamic exact matching with an interval clustered by person (effect.h). */
#include "effect.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

/* Sums of a stratum's observations (controls, or the treated of one kind). */
typedef struct cst {
    double m[STYR_EH], job[STYR_EH], selv[STYR_EH];
    double mben, ben, n, age, sweek, mprior, prior;
    uint32_t nobs;
} cst;

static const uint8_t band_map[STYR_NEB][STYR_NBANDS] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 4, 5},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2},
};

static void add(cst *c, const styr_eobs *o)
{
    for (int h = 0; h < STYR_EH; h++) c->m[h] += o->m[h], c->job[h] += o->job[h], c->selv[h] += o->selv[h];
    c->mben += o->mben, c->ben += o->ben, c->n += o->n, c->age += o->age, c->sweek += o->sweek;
    c->mprior += o->mprior, c->prior += o->prior;
    c->nobs++;
}

typedef struct grp {
    const styr_offers *o;
    size_t per_g, pool, ncoarse, ncell;
    size_t band_stride;
    int bands;
    cst *ctrl, *trt;                /* [ncell], [no][ncell]: fine cells, then pooled ones */
    uint8_t *state;                 /* [no][ncoarse]: 0 fine, 1 pooled, 2 dropped */
} grp;

/* The fine cell (within the group, bands remapped) of a key of group g. */
static size_t fine_of(const grp *G, uint32_t key, int g)
{
    size_t rem = key - (size_t)g * G->per_g;
    size_t band = rem / G->band_stride;
    return (size_t)band_map[G->bands][band] * G->band_stride + rem % G->band_stride;
}

/* The cell kind k's treated in fine cell f are matched in, or -1. */
static long cell_of(const grp *G, int k, size_t f)
{
    size_t cc = f / G->pool;
    switch (G->state[(size_t)k * G->ncoarse + cc]) {
    case 0: return (long)f;
    case 1: return (long)(G->per_g + cc);
    }
    return -1;
}

/* The share (0-1) of outcome h in work, or self-supporting. */
static inline double share(const cst *c, int h, int selv) { return (selv ? c->selv[h] : c->job[h]) / c->m[h]; }

typedef struct est { double N, tau, tau_s, V, Vs, xs, thin, thin_s; uint32_t G; } est;

void styr_effect_group(const styr_offers *o, int g, int bands, styr_effect *out)
{
    const int no = o->no, EH = STYR_EH;
    memset(out, 0, (size_t)no * EH * sizeof *out);
    for (int k = 0; k < no; k++)
        for (int h = 0; h < EH; h++) out[k * EH + h].g = g, out[k * EH + h].kind = k, out[k * EH + h].h = h;
    if (!o->obs || g <= 0 || g >= o->ng || no < 2) return;
    grp G = {.o = o, .bands = bands};
    G.per_g = STYR_NBANDS * STYR_NAGES * STYR_NSEX * (size_t)o->ncl;
    G.band_stride = STYR_NAGES * STYR_NSEX * (size_t)o->ncl;
    G.pool = (size_t)(o->nvis > 0 ? o->nvis : 1) * (size_t)(o->nopr > 0 ? o->nopr : 1);
    G.ncoarse = G.per_g / G.pool;
    G.ncell = G.per_g + G.ncoarse;
    G.ctrl = styr_xcalloc(G.ncell, sizeof *G.ctrl);
    G.trt = styr_xcalloc(G.ncell * (size_t)no, sizeof *G.trt);
    G.state = styr_xcalloc(G.ncoarse * (size_t)no, 1);
    const uint32_t k0 = (uint32_t)((size_t)g * G.per_g), k1 = (uint32_t)((size_t)(g + 1) * G.per_g);
    /* the treated's spread (for the standardised differences) */
    double sx[64][STYR_NBAL] = {{0}}, sxx[64][STYR_NBAL] = {{0}}, sn[64][STYR_NBAL] = {{0}};

    /* 1. the strata's sums, fine and pooled */
    for (size_t i = 0; i < o->nobs; i++) {
        const styr_eobs *ob = &o->obs[i];
        if (ob->key < k0 || ob->key >= k1 || ob->kind >= no) continue;
        size_t f = fine_of(&G, ob->key, g), cc = G.per_g + f / G.pool;
        cst *base = ob->kind ? G.trt + (size_t)ob->kind * G.ncell : G.ctrl;
        add(&base[f], ob);
        add(&base[cc], ob);
        if (ob->kind && ob->kind < 64) {
            double x[STYR_NBAL] = {ob->age, ob->sweek, ob->prior};
            for (int b = 0; b < STYR_NBAL; b++) {
                if (b == STYR_BAL_PRIOR && !ob->mprior) continue;
                sx[ob->kind][b] += x[b], sxx[ob->kind][b] += x[b] * x[b], sn[ob->kind][b]++;
            }
        }
    }
    /* 2. which strata are matched as they are, pooled, or left out */
    for (int k = 1; k < no; k++) {
        const cst *t = G.trt + (size_t)k * G.ncell;
        uint8_t *st = G.state + (size_t)k * G.ncoarse;
        for (size_t f = 0; f < G.per_g; f++)
            if (t[f].nobs && G.ctrl[f].nobs < STYR_EFFECT_MIN_CONTROLS) st[f / G.pool] = 1;
        for (size_t cc = 0; cc < G.ncoarse; cc++)
            if (st[cc] == 1 && G.ctrl[G.per_g + cc].nobs < STYR_EFFECT_MIN_CONTROLS) st[cc] = 2;
    }
    /* 3. the estimates */
    est *E = styr_xcalloc((size_t)no * EH, sizeof *E);
    for (int k = 1; k < no; k++) {
        const cst *t = G.trt + (size_t)k * G.ncell;
        const uint8_t *st = G.state + (size_t)k * G.ncoarse;
        double bt = 0, bc = 0, bn = 0, nt_all = 0, nt_m = 0;
        double balt[STYR_NBAL] = {0}, baln[STYR_NBAL] = {0}, balc[STYR_NBAL] = {0};
        for (size_t c = 0; c < G.ncell; c++) {
            int pooled = c >= G.per_g;
            size_t cc = pooled ? c - G.per_g : c / G.pool;
            if (!t[c].nobs) continue;
            if (!pooled) nt_all += t[c].n;
            if (st[cc] == 2 && pooled) {
                for (int h = 0; h < EH; h++) {
                    out[k * EH + h].strata += t[c].m[h] > 0;
                    out[k * EH + h].strata_dropped += t[c].m[h] > 0;
                }
                continue;
            }
            if (st[cc] != pooled) continue; /* a fine cell of a pooled stratum, or a pooled of a fine */
            const cst *cs = &G.ctrl[c];
            nt_m += t[c].n;
            for (int h = 0; h < EH; h++) {
                styr_effect *e = &out[k * EH + h];
                double nt = t[c].m[h];
                if (nt <= 0) continue;
                e->strata++;
                e->strata_pooled += pooled;
                if (cs->m[h] <= 0) {
                    e->strata_dropped++;
                    continue;
                }
                double a = share(&t[c], h, 0), b = share(cs, h, 0);
                est *x = &E[k * EH + h];
                x->N += nt;
                x->tau += nt * (a - b);
                x->tau_s += nt * (share(&t[c], h, 1) - share(cs, h, 1));
                x->xs += t[c].selv[h];
                /* a thin stratum: its controls' share is uncertain beyond what the spread
                 * between persons shows; add its binomial variance over its control spells
                 * (one success and one failure added) - effect.h */
                if (cs->nobs < STYR_EFFECT_THIN) {
                    double pj = (cs->job[h] + 1) / (cs->m[h] + 2), ps = (cs->selv[h] + 1) / (cs->m[h] + 2);
                    x->thin += nt * nt * pj * (1 - pj) / cs->nobs;
                    x->thin_s += nt * nt * ps * (1 - ps) / cs->nobs;
                }
                e->p_t += nt * a;
                e->p_c += nt * b;
                e->controls += cs->m[h];
            }
            if (t[c].mben > 0 && cs->mben > 0) {
                bt += t[c].ben;
                bc += t[c].mben * (cs->ben / cs->mben);
                bn += t[c].mben;
            }
            /* balance: the matched treated and their controls, weighted by the treated */
            double xt[STYR_NBAL] = {t[c].age, t[c].sweek, t[c].prior};
            double nn[STYR_NBAL] = {t[c].n, t[c].n, t[c].mprior};
            double xc[STYR_NBAL] = {cs->n ? cs->age / cs->n : NAN, cs->n ? cs->sweek / cs->n : NAN,
                                    cs->mprior ? cs->prior / cs->mprior : NAN};
            for (int b = 0; b < STYR_NBAL; b++)
                if (nn[b] > 0 && !isnan(xc[b])) balt[b] += xt[b], baln[b] += nn[b], balc[b] += nn[b] * xc[b];
        }
        /* unmatched: all treated against all control weeks */
        double rt[STYR_EH][3] = {{0}}, rc[STYR_EH][3] = {{0}}, craw[STYR_NBAL] = {0}, crawn[STYR_NBAL] = {0};
        for (size_t f = 0; f < G.per_g; f++) {
            for (int h = 0; h < EH; h++) {
                rt[h][0] += t[f].m[h], rt[h][1] += t[f].job[h], rt[h][2] += t[f].selv[h];
                rc[h][0] += G.ctrl[f].m[h], rc[h][1] += G.ctrl[f].job[h], rc[h][2] += G.ctrl[f].selv[h];
            }
            if (k == 1) {
                craw[0] += G.ctrl[f].age, craw[1] += G.ctrl[f].sweek, craw[2] += G.ctrl[f].prior;
                crawn[0] += G.ctrl[f].n, crawn[1] += G.ctrl[f].n, crawn[2] += G.ctrl[f].mprior;
            }
        }
        for (int h = 0; h < EH; h++) {
            styr_effect *e = &out[k * EH + h];
            est *x = &E[k * EH + h];
            e->treated = (uint32_t)llround(rt[h][0]);
            e->matched = (uint32_t)llround(x->N);
            e->treated_all = (uint32_t)llround(nt_all);
            e->matched_all = (uint32_t)llround(nt_m);
            if (rt[h][0] > 0 && rc[h][0] > 0) {
                e->raw = 100 * (rt[h][1] / rt[h][0] - rc[h][1] / rc[h][0]);
                e->raw_selv = 100 * (rt[h][2] / rt[h][0] - rc[h][2] / rc[h][0]);
            }
            if (x->N > 0) {
                x->tau /= x->N;
                x->tau_s /= x->N;
                e->p_t = 100 * e->p_t / x->N;
                e->p_c = 100 * e->p_c / x->N;
            }
            e->ben_saved = bn > 0 ? (bc - bt) / bn : 0;
            for (int b = 0; b < STYR_NBAL; b++) {
                e->bal_t[b] = baln[b] > 0 ? balt[b] / baln[b] : NAN;
                e->bal_c[b] = baln[b] > 0 ? balc[b] / baln[b] : NAN;
                e->bal_raw[b] = NAN;
                double n = k < 64 ? sn[k][b] : 0;
                e->bal_sd[b] = n > 1 ? sqrt(fmax(0, (sxx[k][b] - sx[k][b] * sx[k][b] / n) / (n - 1))) : NAN;
            }
        }
        if (k == 1) /* all controls' means, the same for every kind: kept in out[1] and copied below */
            for (int b = 0; b < STYR_NBAL; b++)
                for (int h = 0; h < EH; h++) out[EH + h].bal_raw[b] = crawn[b] > 0 ? craw[b] / crawn[b] : NAN;
    }
    for (int k = 2; k < no; k++)
        for (int h = 0; h < EH; h++) memcpy(out[k * EH + h].bal_raw, out[EH + h].bal_raw, sizeof out->bal_raw);

    /* 4. the variance, clustered by person: each person's influence on every estimate */
    double *inf = styr_xcalloc((size_t)no * EH * 2, sizeof *inf);
    uint8_t *touched = styr_xcalloc((size_t)no * EH, 1);
    int *tl = styr_xmalloc((size_t)no * EH * sizeof *tl), ntl = 0;
    int *kinds = styr_xmalloc((size_t)no * sizeof *kinds), nk = 0;
    for (int k = 1; k < no; k++)
        for (int h = 0; h < EH; h++)
            if (E[k * EH + h].N > 0) {
                kinds[nk++] = k;
                break;
            }
    for (size_t i = 0; i <= o->nobs; i++) {
        const styr_eobs *ob = i < o->nobs ? &o->obs[i] : NULL;
        if (!ob || (i > 0 && ob->person != o->obs[i - 1].person)) {
            for (int j = 0; j < ntl; j++) {
                int x = tl[j];
                E[x].V += inf[2 * x] * inf[2 * x];
                E[x].Vs += inf[2 * x + 1] * inf[2 * x + 1];
                E[x].G++;
                inf[2 * x] = inf[2 * x + 1] = 0;
                touched[x] = 0;
            }
            ntl = 0;
        }
        if (!ob || ob->key < k0 || ob->key >= k1 || ob->kind >= no) continue;
        size_t f = fine_of(&G, ob->key, g);
        if (ob->kind) {
            long c = cell_of(&G, ob->kind, f);
            if (c < 0) continue;
            const cst *cs = &G.ctrl[c];
            for (int h = 0; h < EH; h++) {
                int x = ob->kind * EH + h;
                if (!ob->m[h] || E[x].N <= 0 || cs->m[h] <= 0) continue;
                inf[2 * x] += (ob->job[h] - share(cs, h, 0) - E[x].tau) / E[x].N;
                inf[2 * x + 1] += (ob->selv[h] - share(cs, h, 1) - E[x].tau_s) / E[x].N;
                if (!touched[x]) touched[x] = 1, tl[ntl++] = x;
            }
            continue;
        }
        for (int j = 0; j < nk; j++) {
            int k = kinds[j];
            long c = cell_of(&G, k, f);
            if (c < 0) continue;
            const cst *cs = &G.ctrl[c], *t = &G.trt[(size_t)k * G.ncell + (size_t)c];
            for (int h = 0; h < EH; h++) {
                int x = k * EH + h;
                if (!ob->m[h] || t->m[h] <= 0 || E[x].N <= 0 || cs->m[h] <= 0) continue;
                double a = t->m[h] / (E[x].N * cs->m[h]);
                inf[2 * x] -= a * (ob->job[h] - ob->m[h] * share(cs, h, 0));
                inf[2 * x + 1] -= a * (ob->selv[h] - ob->m[h] * share(cs, h, 1));
                if (!touched[x]) touched[x] = 1, tl[ntl++] = x;
            }
        }
    }
    for (int k = 1; k < no; k++)
        for (int h = 0; h < EH; h++) {
            styr_effect *e = &out[k * EH + h];
            const est *x = &E[k * EH + h];
            if (x->N <= 0) continue;
            e->ok = 1;
            e->shown = e->matched >= STYR_EFFECT_MIN_TREATED;
            e->persons = x->G;
            double cf = x->G > 1 ? (double)x->G / (x->G - 1) : 1;
            /* never narrower than the treated share's own binomial variance with one success
             * and one failure added (Agresti-Caffo): 0 of 49 in work is not certainty */
            double pj = (e->p_t / 100 * x->N + 1) / (x->N + 2), ps = (x->xs + 1) / (x->N + 2);
            double V = fmax(x->V * cf, pj * (1 - pj) / (x->N + 2)), Vs = fmax(x->Vs * cf, ps * (1 - ps) / (x->N + 2));
            V += x->thin / (x->N * x->N);
            Vs += x->thin_s / (x->N * x->N);
            e->effect = 100 * x->tau;
            e->se = 100 * sqrt(V);
            e->lo = e->effect - 1.96 * e->se;
            e->hi = e->effect + 1.96 * e->se;
            e->effect_selv = 100 * x->tau_s;
            double ses = 100 * sqrt(Vs);
            e->lo_selv = e->effect_selv - 1.96 * ses;
            e->hi_selv = e->effect_selv + 1.96 * ses;
        }
    free(inf);
    free(touched);
    free(tl);
    free(kinds);
    free(E);
    free(G.ctrl);
    free(G.trt);
    free(G.state);
}

void styr_effect_estimate(const styr_offers *o, int g, int kind, int h, styr_effect *out)
{
    memset(out, 0, sizeof *out);
    out->g = g, out->kind = kind, out->h = h;
    if (!o->obs || g <= 0 || g >= o->ng || kind <= 0 || kind >= o->no || h < 0 || h >= STYR_EH) return;
    styr_effect *all = styr_xmalloc((size_t)o->no * STYR_EH * sizeof *all);
    styr_effect_group(o, g, STYR_EB_STD, all);
    *out = all[kind * STYR_EH + h];
    free(all);
}
