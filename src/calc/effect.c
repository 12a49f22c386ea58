/* effect: dynamic exact matching by strata, with a normal-approximation interval. */
#include "effect.h"

#include <math.h>
#include <string.h>

void styr_effect_estimate(const styr_offers *o, int g, int kind, int h, styr_effect *e)
{
    memset(e, 0, sizeof *e);
    e->g = g;
    e->kind = kind;
    e->h = h;
    if (!o->ctrl || !o->trt || g < 0 || g >= o->ng || kind <= 0 || kind >= o->no) return;
    const size_t per_g = STYR_NBANDS * STYR_NAGES * STYR_NSEX * (size_t)o->ncl;
    const size_t s0 = (size_t)g * per_g;
    double n = 0, d = 0, ds = 0, v = 0, vs = 0, pt = 0, pc = 0;
    double tn = 0, tj = 0, tse = 0, cw = 0, cj = 0, cse = 0;
    double bt = 0, bc = 0, bn = 0;
    for (size_t s = s0; s < s0 + per_g; s++) {
        const styr_strat *t = &o->trt[(size_t)kind * o->nstrata + s], *c = &o->ctrl[s];
        tn += t->w[h], tj += t->job[h], tse += t->selv[h];
        cw += c->w[h], cj += c->job[h], cse += c->selv[h];
        if (t->w[h] <= 0) continue;
        e->strata++;
        e->treated += (uint32_t)llround(t->w[h]);
        if (c->w[h] <= 0) {
            e->strata_dropped++;
            continue;
        }
        double nt = t->w[h], wc = c->w[h];
        double a = t->job[h] / nt, b = c->job[h] / wc, as = t->selv[h] / nt, bs = c->selv[h] / wc;
        n += nt;
        d += nt * (a - b);
        ds += nt * (as - bs);
        pt += nt * a;
        pc += nt * b;
        v += nt * nt * (a * (1 - a) / nt + b * (1 - b) / wc);
        vs += nt * nt * (as * (1 - as) / nt + bs * (1 - bs) / wc);
        e->matched += (uint32_t)llround(nt);
        e->controls += wc;
        /* benefit weeks in the 52 weeks after, where both are measurable */
        if (t->wben > 0 && c->wben > 0) {
            bt += t->wben * (t->ben / t->wben);
            bc += t->wben * (c->ben / c->wben);
            bn += t->wben;
        }
    }
    if (tn > 0 && cw > 0) {
        e->raw = 100 * (tj / tn - cj / cw);
        e->raw_selv = 100 * (tse / tn - cse / cw);
    }
    if (n <= 0) return;
    e->ok = 1;
    e->p_t = 100 * pt / n;
    e->p_c = 100 * pc / n;
    e->effect = 100 * d / n;
    double se = 100 * sqrt(v) / n, ses = 100 * sqrt(vs) / n;
    e->lo = e->effect - 1.96 * se;
    e->hi = e->effect + 1.96 * se;
    e->effect_selv = 100 * ds / n;
    e->lo_selv = e->effect_selv - 1.96 * ses;
    e->hi_selv = e->effect_selv + 1.96 * ses;
    e->ben_saved = bn > 0 ? (bc - bt) / bn : 0;
}
