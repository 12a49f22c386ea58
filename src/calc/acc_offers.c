/* acc_offers: offers started and ended, their status after, and the strata of
 * the matched effect estimate (offers.h), in the engine's pass. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/week.h"
#include "../ws/catalog.h"
#include "offers.h"
#include "query.h"

const char *const styr_band_names[STYR_NBANDS] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
                                                  "14-26", "27-52", "53-"};
const char *const styr_age_names[STYR_NAGES] = {"16-29", "30-39", "40-49", "50-66"};

int styr_spell_band(int w)
{
    return w <= 13 ? (w < 1 ? 0 : w - 1) : w <= 26 ? 13 : w <= 52 ? 14 : 15;
}

int styr_age_band(int age) { return age < 30 ? 0 : age < 40 ? 1 : age < 50 ? 2 : 3; }

typedef struct ostate {
    styr_offers dims;            /* sizes (copied from the context) */
    size_t ncell, block;         /* cells in all, and per table (the whole, each category) */
    styr_offer_cell *cell;
    styr_eobs *obs;              /* the effect's observations (offers.h) */
    size_t nobs, cap;
} ostate;

static int ncat_of(int dim, const styr_cols *c)
{
    switch (dim) {
    case STYR_OCAT_VIS: return STYR_NVIS;
    case STYR_OCAT_UNGE:
    case STYR_OCAT_FLYGT: return 2;
    case STYR_OCAT_OPR: return STYR_NOPR;
    case STYR_OCAT_ENH: return c->nenh > 0 ? c->nenh : 1;
    }
    return 0;
}

/* The category (offers.h) of week w of run r of the visited person. */
static int cat_of(const styr_offers *d, const styr_acc_ctx *x, const styr_visit *v, uint64_t r, int w)
{
    const styr_cols *c = v->c;
    switch (d->cat_dim) {
    case STYR_OCAT_VIS: return styr_run_vis(c, r);
    case STYR_OCAT_UNGE: return w < v->w30 ? 0 : 1; /* w30 0: unknown age, never young */
    case STYR_OCAT_FLYGT: {
        int y = styr_person_indrejst(c, v->person), wy = (int)(x->thu[w] / 10000);
        return y && wy >= y && wy - y < 10 ? 0 : 1;
    }
    case STYR_OCAT_OPR: return styr_person_opr(c, v->person);
    case STYR_OCAT_ENH: {
        int e = styr_run_enh(c, r);
        return e < d->ncat ? e : 0;
    }
    }
    return 0;
}

static void init(void *st, const styr_acc_ctx *x)
{
    ostate *s = st;
    const styr_offers *u = x->user;
    s->dims.np = x->ps->n;
    s->dims.nk = x->nk;
    s->dims.ng = x->ng;
    s->dims.no = x->codes->dict.ntb > 0 ? x->codes->dict.ntb : 1;
    s->dims.ncl = u->ncl > 0 ? u->ncl : 1;
    s->dims.cat_dim = u->cat_dim;
    s->dims.ncat = ncat_of(u->cat_dim, x->c);
    s->block = (size_t)s->dims.np * (size_t)s->dims.nk * (size_t)s->dims.ng * (size_t)s->dims.no * STYR_NAGES;
    s->ncell = s->block * (size_t)(1 + s->dims.ncat);
    s->cell = styr_xcalloc(s->ncell ? s->ncell : 1, sizeof *s->cell);
    s->dims.cell = s->cell;
    if (u->effect) s->dims.nstrata = (size_t)s->dims.ng * STYR_NBANDS * STYR_NAGES * STYR_NSEX * (size_t)s->dims.ncl;
}

static int age_at(const styr_acc_ctx *x, uint32_t birth, int w)
{
    if (!birth) return 40; /* unknown: the middle band */
    return styr_age(birth, x->thu[w]);
}

/* The status in week t, walking r forward (t must not decrease between calls). */
static int status_walk(const styr_cols *c, uint64_t *r, uint64_t r1, int t, const styr_acc_ctx *x)
{
    while (*r < r1 && (int)c->start[*r] + c->len[*r] - 1 < t) (*r)++;
    return styr_status_in(c, *r, r1, t, x->kind_yd);
}

/* Weeks on public support in [a, b] (runs from *r on; a must not decrease). */
static int public_weeks(const styr_cols *c, uint64_t r, uint64_t r1, int a, int b, const uint8_t *pub)
{
    int n = 0;
    for (; r < r1 && (int)c->start[r] <= b; r++) {
        if (!pub[c->yd[r]]) continue;
        int s = c->start[r], e = s + c->len[r] - 1;
        if (e < a) continue;
        n += (e < b ? e : b) - (s > a ? s : a) + 1;
    }
    return n;
}

/* ---- offers: flow and status after the end ------------------------------------------------ */

static void offers_flow(ostate *s, const styr_acc_ctx *x, const styr_visit *v, uint32_t birth)
{
    const styr_cols *c = v->c;
    const styr_offers *d = &s->dims;
    const uint32_t mark = (uint32_t)v->person + 1;
    const int country = d->nk - 1;
    for (uint64_t r = v->r0; r < v->r1; r++) {
        int g = c->yd[r];
        if (!g) continue;
        int a = c->start[r], e = a + c->len[r] - 1;
        const int run_in = !v->in || v->in[r - v->r0]; /* the filter (filter.h) */
        /* person-weeks by kind in each period the run overlaps */
        for (int p = 0; p < d->np && run_in; p++) {
            const styr_period *pp = &x->ps->p[p];
            int lo = a > pp->first ? a : pp->first, hi = e < pp->last ? e : pp->last;
            if (lo < v->fw0) lo = v->fw0;
            if (hi > v->fw1) hi = v->fw1;
            if (lo > hi) continue;
            int ab = styr_age_band(age_at(x, birth, lo));
            styr_offer_at(d, p, c->kom[r], g, c->tb[r], ab)->weeks += (uint32_t)(hi - lo + 1);
            styr_offer_at(d, p, country, g, c->tb[r], ab)->weeks += (uint32_t)(hi - lo + 1);
        }
        /* the same by category, week by week where the category can change within the run */
        for (int p = 0; p < d->np && d->ncat; p++) {
            const styr_period *pp = &x->ps->p[p];
            int lo = a > pp->first ? a : pp->first, hi = e < pp->last ? e : pp->last;
            if (lo > hi) continue;
            int ab = styr_age_band(age_at(x, birth, lo));
            const int byweek = d->cat_dim == STYR_OCAT_UNGE || d->cat_dim == STYR_OCAT_FLYGT;
            for (int w = lo; w <= hi; w = byweek ? w + 1 : hi + 1) {
                uint32_t n = byweek ? 1u : (uint32_t)(hi - lo + 1);
                size_t off = s->block * (size_t)(1 + cat_of(d, x, v, r, w));
                (styr_offer_at(d, p, c->kom[r], g, c->tb[r], ab) + off)->weeks += n;
                (styr_offer_at(d, p, country, g, c->tb[r], ab) + off)->weeks += n;
            }
        }
        if (!c->tb[r]) continue;
        /* an offer starts here unless it continues the previous run */
        if (r > v->r0 && c->yd[r - 1] == g && c->tb[r - 1] == c->tb[r] &&
            (int)c->start[r - 1] + c->len[r - 1] == a)
            continue;
        uint64_t q = r;
        while (q + 1 < v->r1 && c->yd[q + 1] == g && c->tb[q + 1] == c->tb[r] &&
               (int)c->start[q] + c->len[q] == (int)c->start[q + 1])
            q++;
        int oe = c->start[q] + c->len[q] - 1, kind = c->tb[r];
        int band = styr_spell_band(a - v->start_g[r - v->r0] + 1);
        int ab = styr_age_band(age_at(x, birth, a)), ae = styr_age_band(age_at(x, birth, oe));
        int ended = oe < x->panel_last;
        int status[STYR_NHORIZONS];
        if (ended) {
            uint64_t rr = styr_run_after(c, v->r0, v->r1, oe);
            for (int h = 0; h < STYR_NHORIZONS; h++) {
                int t = oe + styr_horizons[h];
                status[h] = t > x->panel_last ? STYR_ST_NOTYET : status_walk(c, &rr, v->r1, t, x);
            }
        }
        /* the whole (block 0, with the engine's filter), and the category of the start's and end's weeks */
        const int cs = d->ncat ? cat_of(d, x, v, r, a) : 0, ce = d->ncat && ended ? cat_of(d, x, v, q, oe) : 0;
        for (int b = 0; b < (d->ncat ? 2 : 1); b++) {
            const size_t os = b ? s->block * (size_t)(1 + cs) : 0, oe_ = b ? s->block * (size_t)(1 + ce) : 0;
            for (int p = 0; p < d->np; p++) {
                const styr_period *pp = &x->ps->p[p];
                const int ks[2] = {c->kom[r], country}, ke[2] = {c->kom[q], country};
                if (a >= pp->first && a <= pp->last && (b || styr_visit_in(v, r, a)))
                    for (int i = 0; i < 2; i++) {
                        styr_offer_cell *cl = styr_offer_at(d, p, ks[i], g, kind, ab) + os;
                        cl->started++;
                        cl->band[band]++;
                        if (cl->stamp_s != mark) cl->stamp_s = mark, cl->started_p++;
                    }
                if (ended && oe >= pp->first && oe <= pp->last && (b || styr_visit_in(v, q, oe)))
                    for (int i = 0; i < 2; i++) {
                        styr_offer_cell *cl = styr_offer_at(d, p, ke[i], g, kind, ae) + oe_;
                        cl->ended++;
                        cl->ended_len += (uint64_t)(oe - a + 1);
                        if (cl->stamp_e != mark) cl->stamp_e = mark, cl->ended_p++;
                        for (int h = 0; h < STYR_NHORIZONS; h++) cl->status[h][status[h]]++;
                    }
            }
        }
    }
}

/* ---- effect: treated and control observations ---------------------------------------------- */

/* Outcomes of week u into observation ob. rr[0..3] walk to the horizons' weeks,
 * rr[4] to the week after u (u must not decrease between calls with the same rr). */
#define NPTR (STYR_NHORIZONS + 1)
static void observe(styr_eobs *ob, const styr_acc_ctx *x, const styr_visit *v, int u, uint64_t *rr)
{
    const styr_cols *c = v->c;
    for (int h = 0; h < STYR_NHORIZONS; h++) {
        int t = u + styr_horizons[h];
        if (t > x->panel_last) break;
        int s = status_walk(c, &rr[h], v->r1, t, x);
        ob->m[h]++;
        ob->job[h] += s == STYR_ST_JOB;
        ob->selv[h] += s != STYR_ST_YDELSE;
    }
    if (u + 52 <= x->panel_last) {
        uint64_t *r = &rr[STYR_NHORIZONS];
        while (*r < v->r1 && (int)c->start[*r] + c->len[*r] - 1 < u + 1) (*r)++;
        ob->mben++;
        ob->ben += (uint32_t)public_weeks(c, *r, v->r1, u + 1, u + 52, x->public_yd);
    }
}

/* What the spell brings to each of its observations: the placebo (in work 13 weeks
 * before its start, where the panel shows that week) and the weeks on public
 * support in the 52 weeks before it. */
typedef struct spell_pre { int pre_ok, pre_job, prior_ok, prior; } spell_pre;

static void add_week(styr_eobs *ob, const styr_acc_ctx *x, const styr_visit *v, int u, int age, int sweek,
                     const spell_pre *sp, uint64_t *rr)
{
    ob->n++;
    ob->age += (uint32_t)age;
    ob->sweek += (uint32_t)sweek;
    if (sp->pre_ok) {
        ob->m[STYR_EH_PLACEBO]++;
        ob->job[STYR_EH_PLACEBO] += (uint16_t)sp->pre_job;
        ob->selv[STYR_EH_PLACEBO] += (uint16_t)sp->pre_job;
    }
    if (sp->prior_ok) ob->mprior++, ob->prior += (uint32_t)sp->prior;
    observe(ob, x, v, u, rr);
}

static styr_eobs *new_obs(ostate *s, uint32_t person, uint32_t key, int kind)
{
    if (s->nobs == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 4096;
        s->obs = styr_xrealloc(s->obs, s->cap * sizeof *s->obs);
    }
    styr_eobs *ob = &s->obs[s->nobs++];
    memset(ob, 0, sizeof *ob);
    ob->person = person;
    ob->key = key;
    ob->kind = (uint8_t)kind;
    return ob;
}

/* The strata's last index: the cluster, and where the panel carries them the visitation of run
 * r and the person's origin (offers.h). */
static inline int match_cell(const styr_offers *u, int cl, const styr_cols *c, uint64_t r, int opr)
{
    int v = u->nvis > 1 ? styr_run_vis(c, r) : 0;
    return (cl * u->nvis + v) * u->nopr + (u->nopr > 1 ? opr : 0);
}

static void effect_strata(ostate *s, const styr_acc_ctx *x, const styr_visit *v, uint32_t birth, int sex)
{
    const styr_cols *c = v->c;
    const int opr = styr_person_opr(c, v->person);
    const styr_offers *u = x->user;
    const styr_offers *d = &s->dims;
    const uint32_t person = (uint32_t)v->person;
    for (int i = 0; i < v->nspells; i++) {
        const styr_spell *sp = &v->spells[i];
        int g = sp->group;
        if (!g || sp->end < u->win_first || sp->start > u->win_last) continue;
        /* the spell's runs in the group; the first offer's start */
        uint64_t ra = v->r1, rb = v->r1;
        int t_o = -1, kind = 0;
        for (uint64_t r = v->r0; r < v->r1; r++) {
            if (c->yd[r] != g || (int)c->start[r] < sp->start || (int)c->start[r] > sp->end) continue;
            if (ra == v->r1) ra = r;
            rb = r + 1;
            if (t_o < 0 && c->tb[r]) t_o = c->start[r], kind = c->tb[r];
        }
        if (ra == v->r1) continue;
        /* before the spell: in work 13 weeks before, public support in the 52 weeks before */
        spell_pre pre = {0, 0, 0, 0};
        if (sp->start - 13 >= u->panel_first) {
            uint64_t r = v->r0;
            pre.pre_ok = 1;
            pre.pre_job = status_walk(c, &r, v->r1, sp->start - 13, x) == STYR_ST_JOB;
        }
        if (sp->start - 52 >= u->panel_first) {
            pre.prior_ok = 1;
            pre.prior = public_weeks(c, v->r0, v->r1, sp->start - 52, sp->start - 1, x->public_yd);
        }
        /* controls: weeks in the group before the first offer, in the window; consecutive
         * weeks in one stratum make one observation */
        uint64_t rr[NPTR];
        for (int h = 0; h < NPTR; h++) rr[h] = ra;
        styr_eobs *cur = NULL;
        for (uint64_t r = ra; r < rb; r++) {
            if (c->yd[r] != g) continue;
            int a = c->start[r], e = a + c->len[r] - 1;
            if (t_o >= 0 && e >= t_o) e = t_o - 1;
            if (a < u->win_first) a = u->win_first;
            if (e > u->win_last) e = u->win_last;
            int cl = u->cl_of[c->kom[r]];
            if (cl < 0) continue;
            cl = match_cell(u, cl, c, r, opr);
            for (int w = a; w <= e; w++) {
                int sw = w - sp->start + 1, age = age_at(x, birth, w);
                uint32_t key = (uint32_t)styr_stratum(d, g, styr_spell_band(sw), styr_age_band(age), sex, cl);
                if (!cur || cur->key != key || cur->n == UINT16_MAX) cur = new_obs(s, person, key, 0);
                add_week(cur, x, v, w, age, sw, &pre, rr);
            }
        }
        /* treated: the first offer, when it starts in the window */
        if (t_o >= u->win_first && t_o <= u->win_last) {
            uint64_t r = ra;
            while (r < rb && (int)c->start[r] != t_o) r++;
            int cl = u->cl_of[c->kom[r]];
            if (cl < 0) continue;
            cl = match_cell(u, cl, c, r, opr);
            int sw = t_o - sp->start + 1, age = age_at(x, birth, t_o);
            uint32_t key = (uint32_t)styr_stratum(d, g, styr_spell_band(sw), styr_age_band(age), sex, cl);
            for (int h = 0; h < NPTR; h++) rr[h] = r;
            add_week(new_obs(s, person, key, kind), x, v, t_o, age, sw, &pre, rr);
        }
    }
}

static void visit(void *st, const styr_acc_ctx *x, const styr_visit *v)
{
    ostate *s = st;
    const styr_offers *u = x->user;
    uint32_t birth = v->c->birth[v->person];
    int sex = v->c->sex[v->person];
    if (sex < 0 || sex > 2) sex = 0;
    if (s->dims.np) offers_flow(s, x, v, birth);
    if (u->effect) effect_strata(s, x, v, birth, sex);
}

static void merge(void *into, const void *from, const styr_acc_ctx *x)
{
    ostate *a = into;
    const ostate *b = from;
    const styr_offers *u = x->user;
    for (size_t i = 0; i < a->ncell; i++) {
        styr_offer_cell *p = &a->cell[i];
        const styr_offer_cell *q = &b->cell[i];
        p->started += q->started;
        p->started_p += q->started_p; /* a person is visited by one thread only */
        for (int k = 0; k < STYR_NBANDS; k++) p->band[k] += q->band[k];
        p->ended += q->ended;
        p->ended_p += q->ended_p;
        p->ended_len += q->ended_len;
        for (int h = 0; h < STYR_NHORIZONS; h++)
            for (int k = 0; k < STYR_NSTATUS; k++) p->status[h][k] += q->status[h][k];
        p->weeks += q->weeks;
    }
    if (!u->effect || !b->nobs) return;
    /* each thread's observations keep a person's together (a person is visited by one thread) */
    if (a->nobs + b->nobs > a->cap) {
        a->cap = a->nobs + b->nobs;
        a->obs = styr_xrealloc(a->obs, a->cap * sizeof *a->obs);
    }
    memcpy(a->obs + a->nobs, b->obs, b->nobs * sizeof *b->obs);
    a->nobs += b->nobs;
    /* the merged thread's observations are not needed again: let them go now (the
     * national panel has millions) */
    ostate *bb = (ostate *)(uintptr_t)b;
    free(bb->obs);
    bb->obs = NULL;
    bb->nobs = bb->cap = 0;
}

static void finish(const void *st, const styr_acc_ctx *x, styr_cube *out)
{
    (void)out;
    const ostate *s = st;
    styr_offers *u = x->user;
    u->np = s->dims.np;
    u->nk = s->dims.nk;
    u->ng = s->dims.ng;
    u->no = s->dims.no;
    u->ncat = s->dims.ncat;
    u->nstrata = s->dims.nstrata;
    u->cell = styr_xmalloc((s->ncell ? s->ncell : 1) * sizeof *u->cell);
    memcpy(u->cell, s->cell, s->ncell * sizeof *u->cell);
    if (u->effect) {
        /* the observations move to the caller rather than being copied */
        ostate *ss = (ostate *)(uintptr_t)st;
        u->nobs = ss->nobs;
        u->obs = ss->obs;
        ss->obs = NULL;
        ss->nobs = ss->cap = 0;
    }
}

static void free_state(void *st)
{
    ostate *s = st;
    free(s->cell);
    free(s->obs);
}

const styr_acc styr_acc_offers = {"offers", sizeof(ostate), init, visit, merge, finish, free_state};

styr_offers styr_offers_category(const styr_offers *o, int c)
{
    styr_offers v = *o;
    size_t block = (size_t)o->np * (size_t)o->nk * (size_t)o->ng * (size_t)o->no * STYR_NAGES;
    v.cell = o->cell + block * (size_t)(1 + c);
    v.ncat = 0;
    v.obs = NULL;
    v.nobs = 0;
    v.effect = 0;
    return v;
}

void styr_offers_free(styr_offers *o)
{
    free(o->cell);
    free(o->obs);
    o->cell = NULL;
    o->obs = NULL;
    o->nobs = 0;
}

static styr_rc compute(styr_ws *ws, const styr_period *per, int nper, const styr_period *window, int money,
                       int cat_dim, int threads, styr_offers *out, styr_cube *cube, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    out->cat_dim = cat_dim;
    memset(cube, 0, sizeof *cube);
    const styr_panel *p;
    styr_rc rc = styr_ws_panel(ws, &p, d);
    if (rc) return rc;
    const styr_codes *codes = styr_ws_codes(ws);
    memset(out->cl_of, -1, sizeof out->cl_of);
    if (window) {
        styr_clusters cl;
        if ((rc = styr_cat_clusters(ws, styr_period_pop_year(window), &cl, d))) return rc;
        out->effect = 1;
        out->win_first = window->first;
        out->win_last = window->last;
        out->panel_first = styr_panel_week_min(p);
        out->ncl = cl.n > 0 ? cl.n : 1;
        for (int k = 0; k < codes->dict.nkom && k < 256; k++) out->cl_of[k] = (int8_t)(cl.n > 0 ? cl.of[k] : 0);
        /* matched on the week's visitation and the person's origin where the panel carries them */
        const styr_cols *c = styr_panel_cols(p);
        out->nvis = out->nopr = 1;
        for (uint64_t r = 0; r < c->nruns && out->nvis == 1; r++)
            if (styr_run_vis(c, r)) out->nvis = STYR_NVIS;
        for (uint64_t i = 0; i < c->npersons && out->nopr == 1; i++)
            if (styr_person_opr(c, i)) out->nopr = STYR_NOPR;
        out->ncl *= out->nvis * out->nopr;
    }
    styr_pset ps;
    if ((rc = styr_pset_build(&ps, per, nper, d))) return rc;
    styr_rules *rules = NULL;
    if (money) {
        rules = styr_xcalloc(1, sizeof *rules);
        if ((rc = styr_rules_load(ws, rules, d))) goto out;
    }
    styr_engine_opts eo = {.threads = threads, .rules = rules, .money = money, .extra = &styr_acc_offers, .user = out,
                           .only_extra = !money};
    rc = styr_engine_run(p, codes, &ps, &eo, cube, d);
    if (!rc && money && cube->np > 0)
        for (int g = 1; g < cube->ng && g < 256; g++) {
            const styr_cell *c = styr_cube_at(cube, 0, cube->nk - 1, g);
            out->net_week[g] = c->weeks ? c->net[rules->nreg] / c->weeks : 0;
        }
out:
    free(rules);
    styr_pset_free(&ps);
    return rc;
}

styr_rc styr_offers_compute(styr_ws *ws, const styr_period *per, int nper, const styr_period *window, int money,
                            int threads, styr_offers *out, styr_cube *cube, styr_diags *d)
{
    return compute(ws, per, nper, window, money, STYR_OCAT_NONE, threads, out, cube, d);
}

styr_rc styr_offers_compute_cat(styr_ws *ws, const styr_period *per, int nper, int cat_dim, int threads,
                                styr_offers *out, styr_diags *d)
{
    styr_cube cube;
    styr_rc rc = compute(ws, per, nper, NULL, 0, cat_dim, threads, out, &cube, d);
    styr_cube_free(&cube);
    return rc;
}
