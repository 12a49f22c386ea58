/* engine: the person walk, spell derivation, threads and merging. */
#include "engine.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/mem.h"
#include "../core/week.h"

const int styr_horizons[STYR_NHORIZONS] = {4, 13, 26, 52};

static const styr_acc *const all_accs[] = {&styr_acc_level, &styr_acc_spells, &styr_acc_long, &styr_acc_money};
#define MAXACC (sizeof all_accs / sizeof all_accs[0])

void styr_cube_free(styr_cube *c)
{
    if (!c) return;
    free(c->cell);
    c->cell = NULL;
}

uint64_t styr_run_after(const styr_cols *c, uint64_t r0, uint64_t r1, int w)
{
    uint64_t lo = r0, hi = r1;
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        if (c->start[mid] <= w) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int styr_status_at(const styr_cols *c, uint64_t r0, uint64_t r1, int t, const uint8_t *kind_yd)
{
    /* the run holding t, if any, is the last one starting at or before t */
    uint64_t r = styr_run_after(c, r0, r1, t);
    if (r == r0) return STYR_ST_SELV;
    r--;
    if (t > (int)c->start[r] + c->len[r] - 1) return STYR_ST_SELV;
    return styr_status_in(c, r, r1, t, kind_yd);
}

void styr_kind_yd(const styr_codes *codes, uint8_t *kind)
{
    memset(kind, 0, STYR_MAX_CODES);
    /* a union is public support only through its parts */
    for (int g = 1; g < codes->dict.nyd; g++)
        kind[g] = codes->yd_public[g] && !codes->yd_is_union[g] ? STYR_YK_PUBLIC
                : codes->yd_edu[g]                             ? STYR_YK_EDU
                                                               : STYR_YK_NONE;
}

/* ---- one person's derived view --------------------------------------------------- */

typedef struct open_spell { int active, start, last; uint8_t kom, sel; } open_spell;

typedef struct scratch {
    styr_spell *spells;
    size_t nspells, cap;
    uint16_t *start_g, *start_all, *start_u;
    uint32_t *n0;
    uint8_t *in;
    size_t runcap;
    open_spell open[STYR_MAX_CODES];
} scratch;

static void push_spell(scratch *s, const open_spell *o, int group, int panel_last)
{
    if (s->nspells == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->spells = styr_xrealloc(s->spells, s->cap * sizeof *s->spells);
    }
    s->spells[s->nspells++] = (styr_spell){(uint16_t)o->start, (uint16_t)o->last, o->kom, (uint8_t)group,
                                           (uint8_t)(o->last >= panel_last - 3), o->sel};
}

/* Feed a run of group g into the open spell o (spec §4: gaps of 1-3 weeks outside
 * the group are bridged, a gap of 4 or more ends the spell). */
static inline void spell_run(scratch *s, open_spell *o, int group, int a, int e, uint8_t kom, int panel_last,
                             unsigned sel)
{
    if (o->active && a - o->last - 1 <= 3) {
        o->last = e;
        o->kom = kom;
        o->sel = (uint8_t)((o->sel & STYR_SEL_START) | (sel & STYR_SEL_END));
        return;
    }
    if (o->active) push_spell(s, o, group, panel_last);
    o->active = 1;
    o->start = a;
    o->last = e;
    o->kom = kom;
    o->sel = (uint8_t)sel;
}

/* Public-support weeks of runs [r0, r) from week lo on (those runs end before run r). */
static int public_weeks(const styr_cols *c, uint64_t r0, uint64_t r, int lo, const uint8_t *public_yd)
{
    int n = 0;
    while (r > r0) {
        r--;
        int a = c->start[r], e = a + c->len[r] - 1;
        if (e < lo) break;
        if (public_yd[c->yd[r]]) n += e - (a > lo ? a : lo) + 1;
    }
    return n;
}

/* The 2016 trappe count (spec refusion.md) before each covered run. The count n
 * belongs to the person, across groups and municipalities: each week in a covered
 * group adds 1 (before the step is read, so the first week has n = 1). It starts
 * over at a covered week when, since the first week of the current count, the
 * person has had 52 whole weeks of self-support (no public support, not in
 * løntilskud) within the 156 weeks before it. Nothing self-supporting happens
 * inside a run of covered weeks, so the test is made where a run begins. */
static void trappe(const styr_acc_ctx *x, uint64_t r0, uint64_t r1, uint32_t *n0)
{
    const styr_cols *c = x->c;
    uint32_t n = 0;
    int fc = -1;
    for (uint64_t r = r0; r < r1; r++) {
        if (!x->codes->yd_trappe[c->yd[r]]) { n0[r - r0] = UINT32_MAX; continue; }
        int a = c->start[r];
        if (fc < 0) fc = a;
        else {
            int lo = a - 156 > fc ? a - 156 : fc, hi = a - 1;
            /* a window shorter than 52 weeks cannot hold 52 weeks of self-support */
            if (hi - lo + 1 >= 52 && (hi - lo + 1) - public_weeks(c, r0, r, lo, x->public_yd) >= 52) {
                n = 0;
                fc = a;
            }
        }
        n0[r - r0] = n;
        n += c->len[r];
    }
}

/* The first week whose Thursday is on or after ymd (nthu when none). */
static int week_from(const uint32_t *thu, int nthu, uint32_t ymd)
{
    int lo = 0, hi = nthu;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (thu[mid] < ymd) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The filter's runs and window for person i (filter.h). */
static void filter_person(scratch *s, const styr_filter *f, const styr_cols *c, const uint32_t *thu, int nthu,
                          uint64_t i, int w30, styr_visit *v)
{
    v->fw0 = 0;
    v->fw1 = INT32_MAX;
    if (f->opr && !(f->opr & 1u << styr_person_opr(c, i))) { v->fw0 = 1; v->fw1 = 0; }
    if (f->unge && w30 - 1 < v->fw1) v->fw1 = w30 - 1; /* unknown age: w30 = 0, never young */
    if (f->flygtninge) {
        int y = styr_person_indrejst(c, i);
        if (!y) { v->fw0 = 1; v->fw1 = 0; }
        else {
            int a = week_from(thu, nthu, (uint32_t)y * 10000u + 101u);
            int b = week_from(thu, nthu, (uint32_t)(y + 10) * 10000u + 101u) - 1;
            if (a > v->fw0) v->fw0 = a;
            if (b < v->fw1) v->fw1 = b;
        }
    }
    if (!f->vis && !f->nenh) return;
    for (uint64_t r = v->r0; r < v->r1; r++) {
        int ok = !f->vis || (f->vis & 1u << styr_run_vis(c, r));
        if (ok && f->nenh) {
            int e = styr_run_enh(c, r), hit = 0;
            for (int j = 0; j < f->nenh && !hit; j++) hit = f->enh[j] == e;
            ok = hit;
        }
        s->in[r - v->r0] = (uint8_t)ok;
    }
    v->in = s->in;
}

static void derive(scratch *s, const styr_acc_ctx *x, const uint32_t *thu, int nthu, uint64_t i, styr_visit *v)
{
    const styr_cols *c = x->c;
    uint64_t r0 = c->run_off[i], r1 = c->run_off[i + 1], n = r1 - r0;
    if (n > s->runcap) {
        s->runcap = n * 2;
        s->start_g = styr_xrealloc(s->start_g, s->runcap * sizeof *s->start_g);
        s->start_all = styr_xrealloc(s->start_all, s->runcap * sizeof *s->start_all);
        s->start_u = styr_xrealloc(s->start_u, s->runcap * sizeof *s->start_u);
        s->n0 = styr_xrealloc(s->n0, s->runcap * sizeof *s->n0);
        s->in = styr_xrealloc(s->in, s->runcap * sizeof *s->in);
    }
    /* the first week whose Thursday is on or after the 30th birthday; a person
     * of unknown age is never counted among the young */
    int w30 = 0;
    if (c->birth[i]) {
        w30 = week_from(thu, nthu, c->birth[i] + 300000u);
        if (w30 >= nthu) w30 = INT32_MAX;
    }
    *v = (styr_visit){i, c, r0, r1, w30, s->spells, 0, s->start_g, s->start_all, s->start_u,
                       x->rules ? s->n0 : NULL, NULL, 0, INT32_MAX, x->filter != NULL};
    if (x->filter) filter_person(s, x->filter, c, thu, nthu, i, w30, v);
    s->nspells = 0;
    for (int g = 0; g < x->ng; g++) s->open[g].active = 0;
    for (uint64_t r = r0; r < r1; r++) {
        int g = c->yd[r];
        s->start_g[r - r0] = s->start_all[r - r0] = s->start_u[r - r0] = 0;
        if (!g) continue;
        int a = c->start[r], e = a + c->len[r] - 1;
        /* with a filter: whether the run's first and last weeks pass (a spell starting or ending here) */
        unsigned sel = !v->filtered ? STYR_SEL_START | STYR_SEL_END
                                    : (styr_visit_in(v, r, a) ? STYR_SEL_START : 0u) | (styr_visit_in(v, r, e) ? STYR_SEL_END : 0u);
        spell_run(s, &s->open[g], g, a, e, c->kom[r], x->panel_last, sel);
        s->start_g[r - r0] = (uint16_t)s->open[g].start;
        int u = x->union_yd[g];
        if (u) { /* the union's spell goes on across a change between its parts */
            spell_run(s, &s->open[u], u, a, e, c->kom[r], x->panel_last, sel);
            s->start_u[r - r0] = (uint16_t)s->open[u].start;
        }
        if (x->public_yd[g]) {
            spell_run(s, &s->open[0], 0, a, e, c->kom[r], x->panel_last, sel);
            s->start_all[r - r0] = (uint16_t)s->open[0].start;
        }
    }
    for (int g = 0; g < x->ng; g++)
        if (s->open[g].active) push_spell(s, &s->open[g], g, x->panel_last);
    v->nspells = (int)s->nspells;
    v->spells = s->spells;
    if (x->rules) trappe(x, r0, r1, s->n0);
}

/* ---- threads -------------------------------------------------------------------- */

typedef struct worker {
    pthread_t th;
    const styr_acc_ctx *x;
    const uint32_t *thu;
    int nthu;
    const uint32_t *order;  /* persons in visiting order */
    uint64_t p0, p1;        /* this worker's slice of the order */
    const styr_acc *const *accs;
    size_t nacc;
    void *state[MAXACC + 1];
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    const styr_cols *c = w->x->c;
    scratch s;
    memset(&s, 0, sizeof s);
    styr_visit v;
    for (uint64_t j = w->p0; j < w->p1; j++) {
        if (j + 4 < w->p1) { /* the persons are not contiguous: fetch ahead */
            uint64_t n = w->order[j + 4];
            __builtin_prefetch(&c->run_off[n]);
            __builtin_prefetch(&c->birth[n]);
        }
        if (j + 2 < w->p1) {
            uint64_t r = c->run_off[w->order[j + 2]];
            __builtin_prefetch(&c->start[r]);
            __builtin_prefetch(&c->len[r]);
            __builtin_prefetch(&c->kom[r]);
            __builtin_prefetch(&c->yd[r]);
            __builtin_prefetch(&c->tb[r]);
            __builtin_prefetch(&c->timer[r]);
        }
        derive(&s, w->x, w->thu, w->nthu, w->order[j], &v);
        for (size_t a = 0; a < w->nacc; a++) w->accs[a]->visit(w->state[a], w->x, &v);
    }
    free(s.spells);
    free(s.start_g);
    free(s.start_all);
    free(s.start_u);
    free(s.n0);
    free(s.in);
    return NULL;
}

styr_rc styr_engine_run(const styr_panel *p, const styr_codes *codes, const styr_pset *ps,
                        const styr_engine_opts *o, styr_cube *out, styr_diags *d)
{
    (void)d;
    const styr_cols *c = styr_panel_cols(p);
    uint8_t public_yd[STYR_MAX_CODES] = {0};
    uint8_t union_yd[STYR_MAX_CODES] = {0};
    /* a union is all public support only through its parts */
    for (int g = 1; g < codes->dict.nyd; g++) public_yd[g] = codes->yd_public[g] && !codes->yd_is_union[g];
    for (int g = 1; g < codes->dict.nyd; g++) union_yd[g] = codes->yd_union[g];
    uint8_t kind_yd[STYR_MAX_CODES];
    styr_kind_yd(codes, kind_yd);
    /* Thursday of every week up to past the panel and the periods, for ages and years */
    int panel_last = styr_panel_week_max(p);
    int nthu = (panel_last > ps->wmax ? panel_last : ps->wmax) + 2;
    if (nthu < 2) nthu = 2;
    uint32_t *thu = styr_xmalloc((size_t)nthu * sizeof *thu);
    for (int w = 0; w < nthu; w++) thu[w] = styr_week_thursday_ymd(w);
    const styr_rules *rules = o ? o->rules : NULL;
    styr_acc_ctx x = {ps,         codes,     c,        codes->dict.nkom + 1, codes->dict.nyd,
                      panel_last, public_yd, union_yd, rules, rules && o ? o->money : 0, thu, NULL, NULL, kind_yd};
    x.user = o ? o->user : NULL;
    x.filter = o && styr_filter_active(o->filter) ? o->filter : NULL;
    const styr_acc *accs[MAXACC + 1];
    size_t nacc = 0;
    if (!(o && o->only_extra))
        for (size_t a = 0; a < (x.money ? MAXACC : MAXACC - 1); a++) accs[nacc++] = all_accs[a];
    if (o && o->extra) accs[nacc++] = o->extra;

    int nt = o && o->threads > 0 ? o->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (nt < 1) nt = 1;
    if (nt > 64) nt = 64;
    if ((uint64_t)nt > c->npersons) nt = c->npersons ? (int)c->npersons : 1;
    worker *w = styr_xcalloc((size_t)nt, sizeof *w);
    /* Visit persons municipality by municipality (by their first run): the cells
     * of one municipality then stay in cache while its persons are counted.
     * Each thread takes a slice with about the same number of runs. */
    uint64_t nk1 = (uint64_t)x.nk + 1;
    uint64_t *cnt = styr_xcalloc(nk1 + 1, sizeof *cnt);
    for (uint64_t i = 0; i < c->npersons; i++) {
        uint64_t r = c->run_off[i];
        cnt[(r < c->run_off[i + 1] ? c->kom[r] : x.nk) + 1]++;
    }
    for (uint64_t k = 0; k < nk1; k++) cnt[k + 1] += cnt[k];
    uint32_t *order = styr_xmalloc((c->npersons ? c->npersons : 1) * sizeof *order);
    for (uint64_t i = 0; i < c->npersons; i++) {
        uint64_t r = c->run_off[i];
        order[cnt[r < c->run_off[i + 1] ? c->kom[r] : x.nk]++] = (uint32_t)i;
    }
    free(cnt);
    uint64_t prev = 0, acc_runs = 0;
    for (int t = 0; t < nt; t++) {
        uint64_t target = c->nruns * (uint64_t)(t + 1) / (uint64_t)nt, j = prev;
        if (t == nt - 1) j = c->npersons;
        else
            while (j < c->npersons && acc_runs < target) {
                acc_runs += c->run_off[order[j] + 1] - c->run_off[order[j]];
                j++;
            }
        w[t] = (worker){.x = &x, .thu = thu, .nthu = nthu, .order = order, .p0 = prev, .p1 = j, .accs = accs, .nacc = nacc};
        prev = j;
        for (size_t a = 0; a < nacc; a++) {
            w[t].state[a] = styr_xcalloc(1, accs[a]->state_size);
            accs[a]->init(w[t].state[a], &x);
        }
    }
    for (int t = 1; t < nt; t++) pthread_create(&w[t].th, NULL, work, &w[t]);
    work(&w[0]);
    for (int t = 1; t < nt; t++) pthread_join(w[t].th, NULL);
    for (int t = 1; t < nt; t++)
        for (size_t a = 0; a < nacc; a++) accs[a]->merge(w[0].state[a], w[t].state[a], &x);

    out->np = ps->n;
    out->nk = x.nk;
    out->ng = x.ng;
    out->cell = styr_xcalloc((size_t)out->np * (size_t)out->nk * (size_t)out->ng, sizeof *out->cell);
    out->panel_checksum = styr_panel_checksum(p);
    out->panel_last = x.panel_last;
    for (size_t a = 0; a < nacc; a++) accs[a]->finish(w[0].state[a], &x, out);
    for (int t = 0; t < nt; t++)
        for (size_t a = 0; a < nacc; a++) {
            accs[a]->free(w[t].state[a]);
            free(w[t].state[a]);
        }
    free(w);
    free(order);
    free(thu);
    return STYR_OK;
}
