/* synth_effekt: the world of planted effects (styr synth --effekt) and its
 * true effect on the treated, from simulated counterfactuals (synth_int.h).
 *
 * The estimator it tests (calc/effect.h) compares a spell's first offer of a
 * kind, started in week w of the spell, with spells that have reached week w
 * without an offer, within strata of spell week, age band, sex and cluster
 * (and visitation and origin). So here:
 *   - the spell is the engine's (spec §4): a new spell of a group within 3
 *     weeks of the last one continues it (its spell week and its first offer
 *     carry on), and a spell never has a gap that would end it; a spell in
 *     progress at the first shown week starts there, as the engine sees it;
 *   - the first offer starts by a weekly hazard that depends only on the
 *     stratum (the engine's spell week in styr effect's bands, the week's age
 *     band, sex, the cluster's activation level) - with --effekt-selektion
 *     also on the person's unobserved risk, which also sets how fast the
 *     person leaves for work, so the estimate is then biased, as it would be;
 *   - offers are drawn from a random stream of their own, so a counterfactual
 *     without the offer has the very same durations, exits and jobs: an offer
 *     without a planted effect has exactly none.
 * The truth is the estimand of dynamic matching: starting the offer now
 * against not starting it now (and perhaps later, as the hazard goes on). */
#include <stdio.h>
#include <string.h>

#include "../calc/offers.h"
#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "synth_int.h"

typedef struct synth_event {
    int t0;
    uint8_t g, kind;
    uint8_t cf[STYR_NHORIZONS];   /* status without the offer (STYR_ST_*) */
} synth_event;

void synth_effekt_person_start(sim *s)
{
    for (int g = 0; g < NGROUPS; g++) s->es_last[g] = s->es_start[g] = NO_WEEK, s->es_off[g] = 0;
    s->nev = 0;
    s->cf = 0;
}

/* The status in week t of the runs v[0..n) (in time order), as the engine reads it
 * (engine.h styr_status_in). */
static int status_of(const synth_ctx *X, const srun *v, size_t n, int t)
{
    for (size_t i = n; i-- > 0;) {
        if (v[i].start > t) continue;
        if (v[i].start + v[i].len <= t) return STYR_ST_SELV; /* runs do not overlap: none covers t */
        int k = X->kind_yd[v[i].yd];
        if (k == STYR_YK_PUBLIC) return STYR_ST_YDELSE;
        if (k == STYR_YK_EDU) return STYR_ST_UDD;
        return v[i].timer > 0 ? STYR_ST_JOB : STYR_ST_SELV;
    }
    return STYR_ST_SELV;
}

/* The weekly chance that a spell without an offer starts its first one in week
 * tw, its engine spell week wobs: by styr effect's bands (calc/offers.h). */
static double hazard(const sim *s, const gparam *p, int wobs, int tw)
{
    if (wobs < 2) return 0;
    int band = styr_spell_band(wobs);
    double f = band < 13 ? 0.05 : band == 13 ? 0.025 : band == 14 ? 0.012 : 0.006;
    int age = synth_age_at(s, tw);
    double a = age < 30 ? 1.6 : age < 40 ? 1.0 : age < 50 ? 0.9 : 0.7;
    double h = p->act * s->X->kp[s->kom].act * f * a * (s->sex == 2 ? 1.1 : 1.0);
    if (s->pl->unobserved) h *= s->risk < 1 ? 1.6 : s->risk > 2 ? 0.5 : 1.0;
    return h > 0.5 ? 0.5 : h;
}

static int tail(sim *s, int g, int D, int hours, int g0, int g1, int w_from, int young);

/* The counterfactual of a first offer of kind tb in spell week w (relative to the
 * simulated spell that started at s->t): the same person from the same state, no
 * offer that week, simulated to 52 weeks after; its status kept as an event. */
static void counterfactual(sim *s, int g, int D, int hours, int g0, int g1, int w, int tb, int young)
{
    const synth_ctx *X = s->X;
    const int t0 = s->t + w;
    sim c = *s;
    c.cf = 1;
    c.v = s->scratch;
    c.n = 0;
    c.cap = s->scap;
    c.ev = NULL;
    c.nev = c.evcap = 0;
    int st = tail(&c, g, D, hours, g0, g1, w + 1, young);
    synth_maybe_move(&c); /* as simulate() does after every state */
    int stop = t0 + 52 < c.tend ? t0 + 52 : c.tend;
    while (c.t <= stop) {
        if (st == S_JOB) st = synth_job(&c);
        else if (st == S_OUT) st = synth_out(&c);
        else st = synth_spell(&c, st, 0);
        synth_maybe_move(&c);
    }
    s->scratch = c.v;
    s->scap = c.cap;
    if (s->nev == s->evcap) {
        s->evcap = s->evcap ? 2 * s->evcap : 8;
        s->ev = styr_xrealloc(s->ev, s->evcap * sizeof *s->ev);
    }
    synth_event *e = &s->ev[s->nev++];
    e->t0 = t0;
    e->g = (uint8_t)g;
    e->kind = (uint8_t)tb;
    for (int h = 0; h < STYR_NHORIZONS; h++) {
        int t = t0 + styr_horizons[h];
        e->cf[h] = (uint8_t)(t > X->last_week ? STYR_ST_NOTYET : status_of(X, c.v, c.n, t));
    }
}

/* The rest of a simulated spell of group g that started at s->t and lasts D weeks
 * (a bridged gap [g0, g1) or none): offers from spell week w_from (relative, 0-based)
 * on, the planted effect, the weeks written, and where the spell goes. */
static int tail(sim *s, int g, int D, int hours, int g0, int g1, int w_from, int young)
{
    const gparam *p = &synth_groups[g];
    const synth_ctx *X = s->X;
    const kparam *k = &X->kp[s->kom];
    const int yd = X->gyd[g];
    int os[24] = {0}, oe[24] = {0}, ok[24] = {0}, no = 0;
    int w = -1;
    if (!s->es_off[g] && p->act > 0) {
        int base = s->es_start[g] > X->show_first ? s->es_start[g] : X->show_first;
        for (int u = w_from; u < D; u++) {
            if (g0 >= 0 && u >= g0 && u < g1) continue; /* not on the benefit that week */
            if (styr_rng_u01(&s->orng) < hazard(s, p, s->t + u - base + 1, s->t + u)) {
                w = u;
                break;
            }
        }
    }
    if (w >= 0) {
        int kind = synth_pick(&s->orng, p->offer, 5);
        if (!s->cf && s->t + w >= X->show_first) counterfactual(s, g, D, hours, g0, g1, w, X->gof[g][kind], young);
        s->es_off[g] = 1;
        while (w < D && no < 24) {
            const char *code = p->offer[kind].code;
            int L = !strcmp(code, "loentilskud") ? styr_rng_int(&s->orng, 13, 26)
                  : !strcmp(code, "uddannelse")  ? styr_rng_int(&s->orng, 6, 20)
                                                 : styr_rng_int(&s->orng, 4, 13);
            if (w + L > D) L = D - w;
            os[no] = w;
            oe[no] = w + L;
            ok[no] = X->gof[g][kind];
            no++;
            w += L + styr_rng_int(&s->orng, 2, 16);
            kind = synth_pick(&s->orng, p->offer, 5);
        }
    }
    /* the planted effect of the first offer (synth.c's quota: the counterfactual reads it) */
    int boosted = 0;
    if (no > 0 && ok[0] < NPLANT && s->pl->pp[ok[0]] > 0 && s->t + os[0] >= X->show_first) {
        plant *pl = s->pl;
        int kind = ok[0], t0 = s->t + os[0];
        int y = styr_week_year(t0) - STYR_YEAR_MIN;
        if (y < 0) y = 0;
        if (y > STYR_YEAR_MAX - STYR_YEAR_MIN) y = STYR_YEAR_MAX - STYR_YEAR_MIN;
        uint64_t *first = &pl->first_y[kind][g][y], *moved = &pl->moved_y[kind][g][y];
        uint64_t nf = *first + 1;
        if (!s->cf) ++*first, pl->first[kind]++;
        if (D > os[0] + 13 && (double)*moved < pl->pp[kind] / 100.0 * (double)nf) {
            boosted = 1;
            if (!s->cf) ++*moved, pl->moved[kind]++;
            D = os[0] + 13;
            int keep = 0;
            for (int i = 0; i < no; i++) {
                if (os[i] >= D) continue;
                if (oe[i] > D) oe[i] = D;
                os[keep] = os[i], oe[keep] = oe[i], ok[keep] = ok[i], keep++;
            }
            no = keep;
            if (g0 >= D) g0 = g1 = -1;
            s->job_until = t0 + 13 + 52;
        }
    }
    synth_emit_spell(s, D, os, oe, ok, no, g0, g1, yd, hours);
    s->es_last[g] = s->t + D - 1;
    s->t += D;
    if (p->maxlen && D == p->maxlen && !strcmp(p->code, "dagpenge") && styr_rng_u01(&s->rng) < 0.5)
        return synth_group_by_code("kontanthjaelp");
    if (boosted) return S_JOB;
    double pj = p->job * k->job * (s->risk < 1 ? 1.08 : s->risk > 2 ? 0.75 : 1.0) * (young ? 1.35 : 1.0);
    if (pj > 0.97) pj = 0.97;
    if (styr_rng_u01(&s->rng) < pj) return S_JOB;
    return synth_dest_of(p->other[synth_pick(&s->rng, p->other, 5)].code);
}

int synth_spell_effekt(sim *s, int g, int residual)
{
    const gparam *p = &synth_groups[g];
    const synth_ctx *X = s->X;
    const kparam *k = &X->kp[s->kom];
    if (!X->gyd[g]) return S_OUT;
    const int young = synth_age_at(s, s->t) < 30;
    double riskadj = 0.85 + 0.15 * s->risk;
    int D;
    if (p->median >= 1e5) D = s->tend - s->t + 1;
    else {
        double m = p->median * k->dur * riskadj * (young ? 0.7 : 1.0);
        if (X->cyc && !strcmp(p->code, "dagpenge")) m *= 1 + 0.6 * X->cyc[s->t - X->first_week];
        D = (int)ceil(styr_rng_lognormal(&s->rng, m, p->sigma));
        if (residual) D = 1 + (int)(D * styr_rng_u01(&s->rng));
        if (p->maxlen && D > p->maxlen) D = p->maxlen;
    }
    if (D < 1) D = 1;
    if (D > s->tend - s->t + 1) D = s->tend - s->t + 1;
    int hours = p->hours ? styr_rng_int(&s->rng, p->hours - 8, p->hours + 7) * 10 : 0;
    /* now and then a short gap (1-3 weeks), bridged by the engine; never one that ends the spell */
    int g0 = -1, g1 = -1;
    if (D >= 12 && p->median < 1e5 && styr_rng_u01(&s->rng) < 0.06) {
        g0 = styr_rng_int(&s->rng, 3, D - 6);
        g1 = g0 + styr_rng_int(&s->rng, 1, 3);
    }
    /* the engine's spell: a new one unless within 3 weeks of the group's last week */
    if (s->es_last[g] == NO_WEEK || s->t - s->es_last[g] - 1 > 3) {
        s->es_start[g] = s->t;
        s->es_off[g] = 0;
    }
    return tail(s, g, D, hours, g0, g1, 0, young);
}

void synth_effekt_person_end(sim *s)
{
    const synth_ctx *X = s->X;
    plant *pl = s->pl;
    for (size_t i = 0; i < s->nev; i++) {
        const synth_event *e = &s->ev[i];
        int y = styr_week_year(e->t0) - pl->year0;
        if (y < 0 || y >= pl->nyears || e->kind >= NTRUTH_KINDS) continue;
        for (int h = 0; h < STYR_NHORIZONS; h++) {
            int t = e->t0 + styr_horizons[h];
            if (t > X->last_week) continue;
            int y1 = status_of(X, s->v, s->n, t), y0 = e->cf[h];
            truth_cell *c = &pl->truth[(((size_t)e->kind * NGROUPS + e->g) * (size_t)pl->nyears + (size_t)y) *
                                           STYR_NHORIZONS + (size_t)h];
            c->n++;
            c->j1 += y1 == STYR_ST_JOB;
            c->j0 += y0 == STYR_ST_JOB;
            c->s1 += y1 != STYR_ST_YDELSE;
            c->s0 += y0 != STYR_ST_YDELSE;
        }
    }
    s->nev = 0;
}

/* v with three decimals and a decimal comma, as styr's CSV files write numbers */
static void put_num(FILE *f, double v)
{
    char b[64];
    snprintf(b, sizeof b, "%.3f", v);
    for (char *q = b; *q; q++)
        if (*q == '.') *q = ',';
    fputs(b, f);
}

styr_rc synth_effekt_write(const synth_ctx *X, const plant *pl, const char *path, styr_diags *d)
{
    styr_atomic a;
    styr_rc rc = styr_atomic_open(&a, path, d);
    if (rc) return rc;
    const styr_codes *c = X->codes;
    fputs("\xEF\xBB\xBFydelse;tilbud;aar;uger;behandlede;i_job;i_job_uden_tilbud;sand_effekt;selvforsoerget;"
          "selvforsoerget_uden_tilbud;sand_effekt_selvforsoerget\r\n",
          a.f);
    for (int g = 0; g < NGROUPS; g++) {
        if (!X->gyd[g]) continue;
        for (int k = 1; k < NTRUTH_KINDS && k < c->dict.ntb; k++)
            for (int y = 0; y < pl->nyears; y++)
                for (int h = 0; h < STYR_NHORIZONS; h++) {
                    const truth_cell *t =
                        &pl->truth[(((size_t)k * NGROUPS + (size_t)g) * (size_t)pl->nyears + (size_t)y) * STYR_NHORIZONS +
                                   (size_t)h];
                    if (!t->n) continue;
                    double n = (double)t->n;
                    fprintf(a.f, "%s;%s;%d;%d;%llu;%llu;%llu;", c->dict.yd[X->gyd[g]], c->dict.tb[k], pl->year0 + y,
                            styr_horizons[h], (unsigned long long)t->n, (unsigned long long)t->j1,
                            (unsigned long long)t->j0);
                    put_num(a.f, 100.0 * ((double)t->j1 - (double)t->j0) / n);
                    fprintf(a.f, ";%llu;%llu;", (unsigned long long)t->s1, (unsigned long long)t->s0);
                    put_num(a.f, 100.0 * ((double)t->s1 - (double)t->s0) / n);
                    fputs("\r\n", a.f);
                }
    }
    if (ferror(a.f)) {
        styr_atomic_abort(&a);
        return styr_diag_sys(d, STYR_EIO, "%s: write failed", path);
    }
    return styr_atomic_commit(&a, d);
}
