/* acc_money: benefit cost, refusion and the municipality's net cost
 * (spec/refusion.md), under every regime of the rules and under the regime in
 * force each week, in the same pass as the other figures.
 *
 * Each run of benefit weeks is cut into segments over which nothing that
 * matters changes: the calendar year (the rate), the regime in force, the
 * person's count on the 2016 trappe (derived by the engine) and the week of the
 * spell (sygedagpenge in 2011). A week of a segment costs the rate gross and
 * the rate x s under each regime, s from the first matching rule; each
 * segment is added to the periods it overlaps. Money adds up, so a run is
 * counted in its own municipality and group only; the country and "i alt" are
 * sums made at the end. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/week.h"
#include "engine.h"

/* Per cell, [municipality][group][period]: D doubles (gross, net under each
 * regime, net under auto, net by trappe step under the trappe regime) and W
 * counts of weeks (by trappe step, then without a rate). */
typedef struct money_state {
    size_t ncell;
    int D, W, nreg, nsteps;
    double *amt;
    uint32_t *wk;
} money_state;

static void init(void *st, const styr_acc_ctx *x)
{
    money_state *s = st;
    s->ncell = (size_t)x->ps->n * (size_t)x->nk * (size_t)x->ng;
    s->nreg = x->rules->nreg;
    s->nsteps = x->rules->nsteps;
    s->D = 1 + s->nreg + 1 + s->nsteps;
    s->W = s->nsteps + 1;
    s->amt = styr_xcalloc(s->ncell * (size_t)s->D, sizeof *s->amt);
    s->wk = styr_xcalloc(s->ncell * (size_t)s->W, sizeof *s->wk);
}

static inline void add_cut(int *cuts, int *n, int lo, int hi, int t)
{
    if (t > lo && t <= hi && *n < 64) cuts[(*n)++] = t;
}

/* The money of one week of a segment. */
typedef struct perweek {
    double amt[1 + STYR_MAXREG + 1]; /* gross, net under each regime, net under auto */
    double step_net;                 /* net under the trappe regime, counted at its step */
    int step, norate;
} perweek;

static void visit(void *st, const styr_acc_ctx *x, const styr_visit *v)
{
    money_state *s = st;
    const styr_rules *R = x->rules;
    const styr_cols *c = v->c;
    const size_t np = (size_t)x->ps->n, ng = (size_t)x->ng;
    const int nreg = R->nreg, tr = R->trappe_regime;
    for (uint64_t r = v->r0; r < v->r1; r++) {
        int g = c->yd[r];
        if (!g) continue;
        int a = c->start[r], e = a + c->len[r] - 1, tb = c->tb[r];
        if (e < x->ps->wmin || a > x->ps->wmax) continue;
        if (v->in && !v->in[r - v->r0]) continue;
        if (e < v->fw0 || a > v->fw1) continue;
        const int covered = v->n0[r - v->r0] != UINT32_MAX, spell = v->start_g[r - v->r0];
        const long n0 = covered ? (long)v->n0[r - v->r0] : 0;
        size_t row = ((size_t)c->kom[r] * ng + (size_t)g) * np;
        /* cut the run where the year, the regime or a counter changes */
        int cuts[66], nc = 0;
        cuts[nc++] = a;
        int y0 = (int)(x->thu[a] / 10000), y1 = (int)(x->thu[e] / 10000);
        for (int y = y0 + 1; y <= y1; y++) add_cut(cuts, &nc, a, e, styr_week_from_iso(y, 1));
        for (int i = 0; i < nreg; i++) add_cut(cuts, &nc, a, e, R->reg_first[i]);
        if (covered)
            for (int i = 0; i < R->ncut[STYR_CNT_TRAPPE]; i++)
                add_cut(cuts, &nc, a, e, (int)(a + R->cut[STYR_CNT_TRAPPE][i] - n0 - 1));
        if (R->yd_spellweek[g])
            for (int i = 0; i < R->ncut[STYR_CNT_SPELLWEEK]; i++)
                add_cut(cuts, &nc, a, e, spell + R->cut[STYR_CNT_SPELLWEEK][i] - 1);
        for (int i = 2; i < nc; i++) /* few cuts: insertion sort */
            for (int j = i; j > 1 && cuts[j - 1] > cuts[j]; j--) {
                int t = cuts[j];
                cuts[j] = cuts[j - 1];
                cuts[j - 1] = t;
            }
        cuts[nc] = e + 1;
        for (int i = 0; i < nc; i++) {
            int sa = cuts[i], sb = cuts[i + 1] - 1;
            if (sa < v->fw0) sa = v->fw0; /* the filter's window (filter.h): the counts before it still run */
            if (sb > v->fw1) sb = v->fw1;
            if (sb < sa) continue;
            perweek pw = {.step = -1};
            double rate = styr_rules_rate(R, (int)(x->thu[sa] / 10000), g);
            pw.norate = rate != rate;
            if (!pw.norate) {
                int nt = covered ? (int)(n0 + (sa - a) + 1) : 0, kt = sa - spell + 1;
                pw.amt[0] = rate;
                for (int q = 0; q < nreg; q++) pw.amt[1 + q] = rate * styr_rules_share(R, q, g, tb, kt, nt);
                int in_force = styr_rules_regime_of(R, sa);
                pw.amt[1 + nreg] = in_force >= 0 ? pw.amt[1 + in_force] : rate;
                pw.step = covered && tr >= 0 ? styr_rules_step(R, nt) : -1;
                if (pw.step >= 0) pw.step_net = pw.amt[1 + tr];
            }
            for (int f = 0; f < x->ps->nfam; f++) {
                const styr_pfam *fam = &x->ps->fam[f];
                int m0, m1;
                styr_pfam_overlap(fam, sa, sb, &m0, &m1);
                for (int m = m0; m <= m1; m++) {
                    int lo = sa > fam->first[m] ? sa : fam->first[m];
                    int hi = sb < fam->last[m] ? sb : fam->last[m];
                    size_t cell = row + (size_t)fam->idx[m];
                    uint32_t *wk = &s->wk[cell * (size_t)s->W];
                    double w = hi - lo + 1;
                    if (pw.norate) { wk[s->nsteps] += (uint32_t)w; continue; }
                    double *amt = &s->amt[cell * (size_t)s->D];
                    for (int q = 0; q < 2 + nreg; q++) amt[q] += pw.amt[q] * w;
                    if (pw.step >= 0) {
                        amt[2 + nreg + pw.step] += pw.step_net * w;
                        wk[pw.step] += (uint32_t)w;
                    }
                }
            }
        }
    }
}

/* cell a += cell b */
static void add_cell(money_state *s, size_t a, size_t b)
{
    for (int i = 0; i < s->D; i++) s->amt[a * (size_t)s->D + (size_t)i] += s->amt[b * (size_t)s->D + (size_t)i];
    for (int i = 0; i < s->W; i++) s->wk[a * (size_t)s->W + (size_t)i] += s->wk[b * (size_t)s->W + (size_t)i];
}

static void merge(void *into, const void *from, const styr_acc_ctx *x)
{
    (void)x;
    money_state *a = into;
    const money_state *b = from;
    for (size_t i = 0; i < a->ncell * (size_t)a->D; i++) a->amt[i] += b->amt[i];
    for (size_t i = 0; i < a->ncell * (size_t)a->W; i++) a->wk[i] += b->wk[i];
}

static void finish(const void *st, const styr_acc_ctx *x, styr_cube *out)
{
    money_state *s = (money_state *)st;
    const size_t np = (size_t)x->ps->n, ng = (size_t)x->ng;
    const int nat = x->nk - 1;
#define CELL(k, g, p) (((size_t)(k) * ng + (size_t)(g)) * np + (p))
    /* all public support is the sum of the public groups; the country the sum of
     * the municipalities */
    for (int k = 0; k < nat; k++)
        for (int g = 1; g < x->ng; g++)
            if (x->public_yd[g])
                for (size_t p = 0; p < np; p++) add_cell(s, CELL(k, 0, p), CELL(k, g, p));
    /* a union is the sum of its parts (public_yd never holds a union) */
    for (int k = 0; k < nat; k++)
        for (int g = 1; g < x->ng; g++)
            if (x->union_yd[g])
                for (size_t p = 0; p < np; p++) add_cell(s, CELL(k, x->union_yd[g], p), CELL(k, g, p));
    for (int k = 0; k < nat; k++)
        for (int g = 0; g < x->ng; g++)
            for (size_t p = 0; p < np; p++) add_cell(s, CELL(nat, g, p), CELL(k, g, p));
    for (int k = 0; k < x->nk; k++)
        for (int g = 0; g < x->ng; g++)
            for (size_t p = 0; p < np; p++) {
                size_t i = CELL(k, g, p);
                styr_cell *c = styr_cube_at(out, (int)p, k, g);
                const double *a = &s->amt[i * (size_t)s->D];
                c->gross = a[0];
                for (int r = 0; r <= s->nreg; r++) c->net[r] = a[1 + r];
                const uint32_t *w = &s->wk[i * (size_t)s->W];
                for (int k2 = 0; k2 < s->nsteps; k2++) {
                    c->net_step[k2] = a[2 + s->nreg + k2];
                    c->weeks_step[k2] = w[k2];
                }
                c->weeks_norate = w[s->nsteps];
            }
#undef CELL
}

static void destroy(void *st)
{
    money_state *s = st;
    free(s->amt);
    free(s->wk);
}

const styr_acc styr_acc_money = {"money", sizeof(money_state), init, visit, merge, finish, destroy};
