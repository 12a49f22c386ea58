/* synth: the life-course simulation behind the demo population. */
#include "synth.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "../core/week.h"
#include "../ws/refdata.h"
#include "rng.h"
#include "synth_attr.h"
#include "synth_int.h"

/* ---- model parameters ------------------------------------------------------------ */

const gparam synth_groups[NGROUPS] = {
    {"dagpenge", 13, 0.9, 104, 0.55,
     {{"vejledning", 45}, {"praktik", 20}, {"loentilskud", 15}, {"uddannelse", 20}}, 0.78,
     {{"kontanthjaelp", 35}, {"OUT", 45}, {"sygedagpenge", 20}}, 0},
    {"kontanthjaelp", 34, 1.0, 0, 0.60,
     {{"vejledning", 35}, {"praktik", 30}, {"nytte", 20}, {"loentilskud", 5}, {"andet", 10}}, 0.34,
     {{"OUT", 50}, {"ressourceforloeb", 18}, {"foertidspension", 6}, {"revalidering", 6}, {"ledighedsydelse", 6}}, 0},
    {"uddannelseshjaelp", 24, 0.9, 0, 0.65,
     {{"uddannelse", 30}, {"praktik", 30}, {"vejledning", 30}, {"nytte", 10}}, 0.32,
     {{"OUT", 70}, {"kontanthjaelp", 30}}, 0},
    {"integration", 60, 0.7, 0, 0.70,
     {{"praktik", 40}, {"vejledning", 40}, {"loentilskud", 10}, {"uddannelse", 10}}, 0.38,
     {{"kontanthjaelp", 60}, {"OUT", 40}}, 0},
    {"sygedagpenge", 7, 1.15, 0, 0.10,
     {{"vejledning", 60}, {"praktik", 40}}, 0.86,
     {{"jobafklaring", 40}, {"dagpenge", 30}, {"foertidspension", 10}, {"OUT", 20}}, 0},
    {"jobafklaring", 45, 0.7, 0, 0.40,
     {{"praktik", 50}, {"vejledning", 50}}, 0.25,
     {{"ressourceforloeb", 35}, {"foertidspension", 20}, {"ledighedsydelse", 20}, {"kontanthjaelp", 25}}, 0},
    {"ressourceforloeb", 90, 0.6, 0, 0.50,
     {{"praktik", 40}, {"vejledning", 40}, {"andet", 20}}, 0.12,
     {{"foertidspension", 35}, {"ledighedsydelse", 25}, {"kontanthjaelp", 40}}, 0},
    {"revalidering", 70, 0.5, 0, 0.80,
     {{"uddannelse", 70}, {"praktik", 30}}, 0.55,
     {{"OUT", 50}, {"kontanthjaelp", 50}}, 0},
    {"ledighedsydelse", 25, 0.9, 0, 0.30,
     {{"praktik", 50}, {"vejledning", 50}}, 0.0,
     {{"fleksjob", 85}, {"foertidspension", 15}}, 0},
    {"fleksjob", 300, 0.8, 0, 0.0, {{0, 0}}, 0.08,
     {{"ledighedsydelse", 60}, {"foertidspension", 25}, {"OUT", 15}}, 18},
    {"foertidspension", 1e6, 0.0, 0, 0.0, {{0, 0}}, 0.0, {{"OUT", 1}}, 0},
    {"oevrige", 36, 0.3, 0, 0.0, {{0, 0}}, 0.85, {{"OUT", 1}}, 0},
};
_Static_assert(sizeof synth_groups / sizeof synth_groups[0] == NGROUPS, "NGROUPS");

int synth_group_by_code(const char *code)
{
    for (size_t i = 0; i < NGROUPS; i++)
        if (!strcmp(synth_groups[i].code, code)) return (int)i;
    return -1;
}

int synth_age_at(const sim *s, int week)
{
    return styr_age(s->birth, s->X->thu[week - s->X->first_week]);
}

static void put(sim *s, int start, int len, int yd, int tb, int timer);

void synth_emit(sim *s, int start, int len, int yd, int tb, int timer)
{
    if (start < s->t) { len -= s->t - start; start = s->t; }
    if (start + len - 1 > s->tend) len = s->tend - start + 1;
    if (len <= 0) return;
    if (yd) s->ben_end = start + len;
    /* the burn-in is never written: a spell in progress at the start is cut there */
    if (start < s->X->show_first) {
        s->cut++;
        len -= s->X->show_first - start;
        start = s->X->show_first;
        if (len <= 0) return;
    }
    const synth_ctx *X = s->X;
    if (yd && X->yd_ny && X->replaced[yd] && start + len > X->reform_week) {
        /* the same person on the same terms, under the new benefit from the reform
         * on; the draws are not touched, so every week before is as it was */
        if (start < X->reform_week) {
            put(s, start, X->reform_week - start, yd, tb, timer);
            len -= X->reform_week - start;
            start = X->reform_week;
        }
        yd = X->yd_ny;
    }
    put(s, start, len, yd, tb, timer);
    if (yd) s->benefit = 1;
}

static void put1(sim *s, int start, int len, int yd, int tb, int timer, int vis, int team)
{
    if (s->n && s->v[s->n - 1].start + s->v[s->n - 1].len == start && s->v[s->n - 1].kom == s->kom &&
        s->v[s->n - 1].yd == yd && s->v[s->n - 1].tb == tb && s->v[s->n - 1].timer == timer &&
        s->v[s->n - 1].vis == vis && s->v[s->n - 1].team == team) {
        s->v[s->n - 1].len += len;
    } else {
        if (s->n == s->cap) {
            s->cap = s->cap ? 2 * s->cap : 64;
            s->v = styr_xrealloc(s->v, s->cap * sizeof *s->v);
        }
        s->v[s->n++] = (srun){start, len, (uint8_t)s->kom, (uint8_t)yd, (uint8_t)tb, (uint8_t)vis, (uint8_t)team,
                              (uint16_t)timer};
    }
}

/* Weeks as written, with the visitation and team of each (synth_attr.h). */
static void put(sim *s, int start, int len, int yd, int tb, int timer)
{
    const synth_ctx *X = s->X;
    while (len > 0) {
        int vis = 0, team = 0, seg = len;
        if (yd) {
            int cont = X->yd_ny && yd == X->yd_ny && s->attr.yd > 0 && X->replaced[s->attr.yd];
            styr_sattr_week(&s->attr, yd, X->codes->dict.yd[yd], cont, start, len, synth_age_at(s, start), s->risk, &vis,
                            &team, &seg);
        }
        put1(s, start, seg, yd, tb, timer, vis, team);
        start += seg;
        len -= seg;
    }
}

int synth_pick(styr_rng *r, const wcode *w, int max)
{
    double tot = 0;
    int n = 0;
    for (; n < max && w[n].code; n++) tot += w[n].w;
    double u = styr_rng_u01(r) * tot;
    for (int i = 0; i < n; i++) {
        if (u < w[i].w) return i;
        u -= w[i].w;
    }
    return n - 1;
}

static int pick_cum(styr_rng *r, const double *cum, int n)
{
    double u = styr_rng_u01(r) * cum[n - 1];
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (cum[mid] > u) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

void synth_maybe_move(sim *s)
{
    if (styr_rng_u01(&s->rng) >= 0.012 || s->nmv >= 16) return;
    const synth_ctx *X = s->X;
    int to;
    int reg = X->region_of[s->kom];
    if (styr_rng_u01(&s->rng) < 0.7) to = pick_cum(&s->rng, X->cum_region[reg], X->nkom);
    else to = pick_cum(&s->rng, X->cum, X->nkom);
    if (to == s->kom) return;
    s->kom = to;
    s->mv[s->nmv].week = s->t;
    s->mv[s->nmv].kom = to;
    s->nmv++;
}

/* Destination index: a group, S_JOB or S_OUT. */
int synth_dest_of(const char *code)
{
    if (!strcmp(code, "JOB")) return S_JOB;
    if (!strcmp(code, "OUT")) return S_OUT;
    int g = synth_group_by_code(code);
    return g >= 0 ? g : S_OUT;
}

/* One benefit spell of group g from s->t; returns the next state. */
/* The weeks of a spell of D weeks from s->t as written: no offers (os/oe/ok, [start, end)
 * in spell weeks) and the passive weeks between them, with the gap [g0, g1) cut out (g0 -1:
 * none). */
void synth_emit_spell(sim *s, int D, const int *os, const int *oe, const int *ok, int no, int g0, int g1, int yd,
                      int hours)
{
    int cur = 0;
    for (int i = 0; i <= no; i++) {
        int a = i < no ? os[i] : D, b = i < no ? oe[i] : D;
        int segs[2][3] = {{cur, a, 0}, {a, b, i < no ? ok[i] : 0}};
        for (int j = 0; j < 2; j++) {
            int x = segs[j][0], y = segs[j][1], tb = segs[j][2];
            if (x >= y) continue;
            if (g0 >= 0 && g0 < y && g1 > x) { /* cut the gap out */
                if (g0 > x) synth_emit(s, s->t + x, g0 - x, yd, tb, hours);
                if (g1 < y) synth_emit(s, s->t + g1, y - g1, yd, tb, hours);
            } else {
                synth_emit(s, s->t + x, y - x, yd, tb, hours);
            }
        }
        cur = b;
    }
}

int synth_spell(sim *s, int g, int residual)
{
    if (s->pl) return synth_spell_effekt(s, g, residual);
    const gparam *p = &synth_groups[g];
    const synth_ctx *X = s->X;
    const kparam *k = &X->kp[s->kom];
    int yd = X->gyd[g];
    if (!yd) return S_OUT;
    double riskadj = 0.85 + 0.15 * s->risk;
    int D;
    if (p->median >= 1e5) D = s->tend - s->t + 1;
    else {
        double m = p->median * k->dur * riskadj;
        /* --konjunktur: fewer jobs to go to, so unemployment lasts longer */
        if (X->cyc && X->gyd[g] && !strcmp(p->code, "dagpenge")) m *= 1 + 0.6 * X->cyc[s->t - X->first_week];
        D = (int)ceil(styr_rng_lognormal(&s->rng, m, p->sigma));
        if (residual) D = 1 + (int)(D * styr_rng_u01(&s->rng));
        if (p->maxlen && D > p->maxlen) D = p->maxlen;
    }
    if (D < 1) D = 1;
    if (D > s->tend - s->t + 1) D = s->tend - s->t + 1;
    int hours = p->hours ? styr_rng_int(&s->rng, p->hours - 8, p->hours + 7) * 10 : 0;

    /* offers inside the spell, as [start, end) in spell weeks */
    int os[24] = {0}, oe[24] = {0}, ok[24] = {0}, no = 0;
    if (p->act > 0 && styr_rng_u01(&s->rng) < fmin(0.95, p->act * k->act)) {
        int w = styr_rng_int(&s->rng, 2, 12);
        while (w < D && no < 24) {
            int kind = synth_pick(&s->rng, p->offer, 5);
            const char *code = p->offer[kind].code;
            int L = !strcmp(code, "loentilskud") ? styr_rng_int(&s->rng, 13, 26)
                  : !strcmp(code, "uddannelse")  ? styr_rng_int(&s->rng, 6, 20)
                                                 : styr_rng_int(&s->rng, 4, 13);
            if (w + L > D) L = D - w;
            os[no] = w;
            oe[no] = w + L;
            ok[no] = X->gof[g][kind];
            no++;
            w += L + styr_rng_int(&s->rng, 2, 16);
        }
    }
    /* now and then a short gap (1-3 weeks, bridged) or a 4-week one (ends the spell) */
    int g0 = -1, g1 = -1;
    if (D >= 12 && p->median < 1e5) {
        double u = styr_rng_u01(&s->rng);
        if (u < 0.06) { g0 = styr_rng_int(&s->rng, 3, D - 6); g1 = g0 + styr_rng_int(&s->rng, 1, 3); }
        else if (u < 0.07) { g0 = styr_rng_int(&s->rng, 3, D - 8); g1 = g0 + 4; }
    }
    synth_emit_spell(s, D, os, oe, ok, no, g0, g1, yd, hours);
    s->t += D;
    if (p->maxlen && D == p->maxlen && !strcmp(p->code, "dagpenge") && styr_rng_u01(&s->rng) < 0.5)
        return synth_group_by_code("kontanthjaelp");
    double pj = p->job * k->job * (s->risk < 1 ? 1.08 : s->risk > 2 ? 0.75 : 1.0);
    if (pj > 0.97) pj = 0.97;
    if (styr_rng_u01(&s->rng) < pj) return S_JOB;
    return synth_dest_of(p->other[synth_pick(&s->rng, p->other, 5)].code);
}

/* --konjunktur: the extra weekly layoff hazard of an employed person at the crisis's
 * height. About 1 pct. of the employed a quarter, which roughly doubles the stock on
 * a-dagpenge as 2008-2010 did. */
#define LAYOFF 0.0012

int synth_job(sim *s)
{
    const kparam *k = &s->X->kp[s->kom];
    double mean = 300.0 / (s->risk * k->risk);
    int D = 4 + (int)styr_rng_exp(&s->rng, mean);
    if (s->job_until > s->t && D < s->job_until - s->t) D = s->job_until - s->t;
    s->job_until = NO_WEEK;
    int hours = styr_rng_u01(&s->rng) < 0.8 ? 370 : styr_rng_int(&s->rng, 30, 60) * 5; /* half hours */
    if (D > s->tend - s->t + 1) D = s->tend - s->t + 1;
    /* --konjunktur: layoffs at an extra weekly hazard of LAYOFF x the crisis intensity */
    int laid_off = 0;
    const synth_ctx *X = s->X;
    if (X->cyc && s->t < X->cyc_b && s->t + D > X->cyc_a) {
        double e = styr_rng_exp(&s->rng, 1.0), acc = 0;
        int a = s->t > X->cyc_a ? s->t : X->cyc_a, b = s->t + D < X->cyc_b ? s->t + D : X->cyc_b;
        for (int w = a; w < b; w++) {
            acc += LAYOFF * X->cyc[w - X->first_week];
            if (acc > e) {
                D = w - s->t + 1;
                laid_off = 1;
                break;
            }
        }
    }
    /* hours are recorded for the 52 weeks after a benefit spell (as register data
     * links earnings to benefit histories), enough for status 4-52 weeks after */
    int rec = s->ben_end + 52 - s->t;
    if (rec > 0) synth_emit(s, s->t, rec < D ? rec : D, 0, 0, hours);
    s->t += D;
    if (s->t > s->tend) return S_OUT;
    int age = synth_age_at(s, s->t);
    if (laid_off)
        return s->insured ? synth_group_by_code("dagpenge") : synth_group_by_code(age < 30 ? "uddannelseshjaelp" : "kontanthjaelp");
    double u = styr_rng_u01(&s->rng);
    if (age >= 62 && u < 0.35) return synth_group_by_code("oevrige");
    if (s->sex == 2 && age >= 25 && age <= 40 && u < 0.2) return synth_group_by_code("oevrige");
    u = styr_rng_u01(&s->rng);
    double syg = s->sex == 2 ? 0.42 : 0.35;
    if (u < syg) return synth_group_by_code("sygedagpenge");
    if (u < syg + 0.45) return s->insured ? synth_group_by_code("dagpenge")
                                           : synth_group_by_code(age < 30 ? "uddannelseshjaelp" : "kontanthjaelp");
    return S_OUT;
}

/* Weeks on SU (education, not public support): written as records of the education
 * group, but they neither make the person a benefit recipient nor open the window
 * in which job hours are recorded (ben_end), so the benefit histories are as before. */
static void emit_edu(sim *s, int start, int len)
{
    if (start < s->X->show_first) {
        len -= s->X->show_first - start;
        start = s->X->show_first;
    }
    if (start + len - 1 > s->tend) len = s->tend - start + 1;
    if (len > 0) put(s, start, len, s->X->yd_udd, 0, 0);
}

int synth_out(sim *s)
{
    int D = 2 + (int)styr_rng_exp(&s->rng, 70);
    /* a young person outside benefits and work is often in education (SU): drawn from the
     * attributes' stream, so the benefit histories of a seed do not change */
    if (s->X->yd_udd) {
        int a = synth_age_at(s, s->t);
        if (a < 30 && styr_rng_u01(&s->attr.rng) < (a < 25 ? 0.45 : 0.2)) emit_edu(s, s->t, D);
    }
    s->t += D;
    if (s->t > s->tend) return S_OUT;
    double u = styr_rng_u01(&s->rng);
    int age = synth_age_at(s, s->t);
    if (u < 0.62) return S_JOB;
    if (u < 0.62 + 0.25 * s->risk / (1 + 0.3 * s->risk))
        return synth_group_by_code(age < 30 ? "uddannelseshjaelp" : "kontanthjaelp");
    if (u < 0.92 && s->insured) return synth_group_by_code("dagpenge");
    return S_JOB;
}

/* The first state of a resident entering the window at s->t. */
static int initial(sim *s, int immigrant)
{
    int age = synth_age_at(s, s->t);
    double u = styr_rng_u01(&s->rng);
    if (immigrant) return age >= 18 && age <= 60 ? synth_group_by_code("integration") : S_OUT;
    if (age < 20) return u < 0.75 ? S_OUT : S_JOB;
    double fp = 0.012 * s->risk * (age > 45 ? 2.5 : 1);
    if (u < fp) return synth_group_by_code("foertidspension");
    u -= fp;
    if (u < 0.02) return synth_group_by_code("fleksjob");
    u -= 0.02;
    double kh = 0.015 * s->risk;
    if (u < kh) return synth_group_by_code(age < 30 ? "uddannelseshjaelp" : "kontanthjaelp");
    u -= kh;
    if (u < 0.025) return s->insured ? synth_group_by_code("dagpenge") : S_OUT;
    u -= 0.025;
    if (u < 0.02) return synth_group_by_code("sygedagpenge");
    u -= 0.02;
    if (u < 0.09) return S_OUT;
    return S_JOB;
}

static void simulate(sim *s, int t0, int immigrant)
{
    s->t = t0;
    int st = initial(s, immigrant), first = 1;
    while (s->t <= s->tend) {
        if (st == S_JOB) st = synth_job(s);
        else if (st == S_OUT) st = synth_out(s);
        else {
            st = synth_spell(s, st, first && !immigrant);
        }
        first = 0;
        synth_maybe_move(s);
    }
}

/* ---- setup ------------------------------------------------------------------------ */

/* How a municipality's level (its published share over the national one) moves the
 * model: the share of high- and middle-risk residents, the inflow from jobs and the
 * duration of spells. Chosen so that the simulated shares follow the published ones
 * (bench/synth_levels.sh measures the correlation). */
#define RISK_EXP 0.6
#define DUR_EXP 0.4
#define HIGH_EXP 1.6
#define MID_EXP 0.8

/* X->lvl from the embedded data/offentligt_forsoergede.csv (kommune;andel;kilde):
 * each municipality's share over the refpop-weighted mean of the shares; 1 for a
 * municipality the file does not name. */
static void levels(synth_ctx *X)
{
    const styr_codes *c = X->codes;
    double share[STYR_MAX_KOMMUNER];
    for (int k = 0; k < X->nkom; k++) share[k] = 0, X->lvl[k] = 1;
    const styr_refdata_file *f = styr_refdata_find("offentligt_forsoergede.csv");
    if (!f) return;
    const char *p = (const char *)f->data, *end = p + f->size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) nl = end;
        int code;
        double v;
        char mark;
        const char *semi = memchr(p, ';', (size_t)(nl - p));
        if (*p >= '0' && *p <= '9' && semi && sscanf(p, "%d;", &code) == 1 && code > 0 && code < 1000 &&
            c->kom_idx[code] >= 0) {
            const char *q = semi + 1, *e = memchr(q, ';', (size_t)(nl - q));
            if (!e) e = nl;
            if (!styr_parse_decimal(q, (size_t)(e - q), &v, &mark) && v > 0 && v < 100) share[c->kom_idx[code]] = v;
        }
        p = nl + 1;
    }
    double num = 0, den = 0;
    for (int k = 0; k < X->nkom; k++)
        if (share[k] > 0) num += share[k] * X->refpop[k], den += X->refpop[k];
    if (num <= 0) return;
    for (int k = 0; k < X->nkom; k++)
        if (share[k] > 0) X->lvl[k] = share[k] / (num / den);
}

static styr_rc setup(styr_ws *ws, const styr_synth_opts *o, synth_ctx *X, styr_diags *d)
{
    const styr_codes *c = styr_ws_codes(ws);
    memset(X, 0, sizeof *X);
    X->codes = c;
    X->nkom = c->dict.nkom;
    if (!X->nkom) return styr_diag_sys(d, STYR_EWS, "the workspace has no municipalities");
    for (size_t g = 0; g < NGROUPS; g++) {
        int yd = styr_codes_ydelse(c, synth_groups[g].code, strlen(synth_groups[g].code));
        X->gyd[g] = yd > 0 ? yd : 0;
        for (int k = 0; k < 5 && synth_groups[g].offer[k].code; k++) {
            int tb = styr_codes_tilbud(c, synth_groups[g].offer[k].code, strlen(synth_groups[g].offer[k].code));
            X->gof[g][k] = tb > 0 ? tb : 0;
        }
    }
    static const char *const old_kh[] = {"kontanthjaelp", "uddannelseshjaelp", "integration"};
    int ny = styr_codes_ydelse(c, "kontanthjaelp_ny", strlen("kontanthjaelp_ny"));
    X->yd_ny = ny > 0 ? ny : 0;
    int udd = styr_codes_ydelse(X->codes, "uddannelse", 10);
    X->yd_udd = udd > 0 && X->codes->yd_edu[udd] ? udd : 0;
    X->reform_week = styr_week_from_iso(2025, 27); /* the week of 1 July 2025 */
    styr_kind_yd(c, X->kind_yd);
    for (size_t i = 0; i < sizeof old_kh / sizeof *old_kh; i++) {
        int g = styr_codes_ydelse(c, old_kh[i], strlen(old_kh[i]));
        if (g > 0) X->replaced[g] = 1;
    }
    /* the burn-in may start before 1990 (week indexes then go negative; nothing of it
     * is written): ISO week 1 of y0 is the week of 4 January */
    int y0 = o->from - (o->burnin > 0 ? (o->burnin < 100 ? o->burnin : 100) : 0);
    X->first_week = styr_week_of_day(styr_days_from_civil(y0, 1, 4));
    X->show_first = styr_week_from_iso(o->from, 1);
    X->last_week = styr_week_from_iso(o->to, styr_iso_weeks_in_year(o->to));
    int nw = X->last_week - X->first_week + 1;
    X->thu = styr_xmalloc((size_t)nw * sizeof *X->thu);
    for (int w = 0; w < nw; w++) X->thu[w] = styr_week_thursday_ymd(X->first_week + w);
    if (o->konjunktur) {
        /* the financial crisis: from the autumn of 2008, worst in 2009, slowly over by
         * 2013; and the spring of 2020 (corona), briefly */
        X->cyc = styr_xcalloc((size_t)nw, sizeof *X->cyc);
        X->cyc_a = X->last_week + 1;
        X->cyc_b = X->first_week;
        for (int w = 0; w < nw; w++) {
            int y = (int)(X->thu[w] / 10000), m = (int)(X->thu[w] / 100 % 100);
            double ci = y == 2008 ? (m >= 9 ? 0.6 : 0) : y == 2009 ? 1.0 : y == 2010 ? 0.7 : y == 2011 ? 0.4
                     : y == 2012 ? 0.3 : y == 2013 ? 0.15 : y == 2020 && m >= 3 && m <= 6 ? 1.0 : 0;
            X->cyc[w] = ci;
            if (ci > 0 && X->first_week + w < X->cyc_a) X->cyc_a = X->first_week + w;
            if (ci > 0 && X->first_week + w + 1 > X->cyc_b) X->cyc_b = X->first_week + w + 1;
        }
    }

    /* population weights: the reference population aged 16-66 in the last year
     * (so that the municipalities simulated at real size have it in `to`) */
    double *pop = styr_xcalloc((size_t)X->nkom, sizeof *pop);
    sqlite3 *db = styr_ws_db(ws);
    sqlite3_stmt *st;
    int year = o->to;
    if (sqlite3_prepare_v2(db,
                           "SELECT COALESCE((SELECT MAX(aar) FROM befolkning WHERE aar <= ?1),"
                           " (SELECT MIN(aar) FROM befolkning))",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int(st, 1, o->to);
        if (sqlite3_step(st) == SQLITE_ROW) year = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    if (sqlite3_prepare_v2(db,
                           "SELECT kommune, SUM(antal) FROM befolkning WHERE alder BETWEEN 16 AND 66"
                           " AND aar = ?1 GROUP BY kommune",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int(st, 1, year);
        while (sqlite3_step(st) == SQLITE_ROW) {
            int code = sqlite3_column_int(st, 0);
            if (code > 0 && code < 1000 && c->kom_idx[code] >= 0) pop[c->kom_idx[code]] = sqlite3_column_double(st, 1);
        }
        sqlite3_finalize(st);
    }
    /* the scale of each municipality; the draws (and moves) follow refpop x scale, whose
     * distribution the moves keep, so each municipality keeps its scale over the years */
    for (int k = 0; k < X->nkom; k++) {
        X->refpop[k] = pop[k] > 0 ? pop[k] : 0;
        X->scale[k] = o->whole ? 1.0 : o->nfull ? o->rest : 1.0;
    }
    for (int i = 0; i < o->nfull && !o->whole; i++) {
        int code = o->full[i];
        if (code <= 0 || code >= 1000 || c->kom_idx[code] < 0) {
            free(pop);
            return styr_diag_sys(d, STYR_EUSAGE, "--fuld-skala: %d", code);
        }
        X->scale[c->kom_idx[code]] = 1.0;
    }
    for (int k = 0; k < X->nkom; k++) pop[k] = (pop[k] > 0 ? pop[k] : 1) * X->scale[k];
    X->cum = styr_xmalloc((size_t)X->nkom * sizeof *X->cum);
    double acc = 0;
    for (int k = 0; k < X->nkom; k++) X->cum[k] = (acc += pop[k]);
    levels(X);

    /* regions (for moves) */
    X->region_of = styr_xcalloc((size_t)X->nkom, sizeof *X->region_of);
    char names[8][24];
    for (int k = 0; k < X->nkom; k++) {
        int r;
        for (r = 0; r < X->nregions; r++)
            if (!strcmp(names[r], c->kom_region[k])) break;
        if (r == X->nregions && X->nregions < 8) snprintf(names[X->nregions++], 24, "%s", c->kom_region[k]);
        X->region_of[k] = r < 8 ? r : 7;
    }
    for (int r = 0; r < X->nregions; r++) {
        X->cum_region[r] = styr_xmalloc((size_t)X->nkom * sizeof(double));
        double a = 0;
        for (int k = 0; k < X->nkom; k++) X->cum_region[r][k] = (a += X->region_of[k] == r ? pop[k] : 0);
    }
    free(pop);

    /* clusters (of the last year) and municipal differences */
    int cl[STYR_MAX_KOMMUNER];
    memset(cl, 0, sizeof cl);
    if (sqlite3_prepare_v2(db,
                           "SELECT kommune, klynge FROM klynger WHERE aar = (SELECT MAX(aar) FROM klynger"
                           " WHERE aar <= ?1)",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int(st, 1, o->to);
        char seen[32][64];
        int nseen = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            int code = sqlite3_column_int(st, 0);
            const char *name = (const char *)sqlite3_column_text(st, 1);
            int i;
            for (i = 0; i < nseen; i++)
                if (!strcmp(seen[i], name)) break;
            if (i == nseen && nseen < 32) snprintf(seen[nseen++], 64, "%s", name);
            if (code > 0 && code < 1000 && c->kom_idx[code] >= 0) cl[c->kom_idx[code]] = i < 32 ? i : 31;
        }
        sqlite3_finalize(st);
    }
    styr_rng r;
    styr_rng_seed(&r, o->seed, 0xC1u);
    /* with planted effects (the tests of styr effect) the levels are left out and the
     * clusters and municipalities differ at random, as before issue 12 */
    int pl = o->neffekt > 0;
    double crisk[32], cdur[32], cjob[32];
    for (int i = 0; i < 32; i++) {
        crisk[i] = exp((pl ? 0.22 : 0.05) * styr_rng_normal(&r));
        cdur[i] = exp((pl ? 0.12 : 0.06) * styr_rng_normal(&r));
        cjob[i] = exp(0.06 * styr_rng_normal(&r));
    }
    /* the municipality's level (lvl, from the published shares) sets its inflow and
     * duration; the cluster and the municipality add a little noise */
    for (int k = 0; k < X->nkom; k++) {
        kparam *kp = &X->kp[k];
        kp->cluster = cl[k];
        double lv = pl ? 1.0 : X->lvl[k];
        kp->risk = pow(lv, RISK_EXP) * crisk[cl[k]] * exp((pl ? 0.12 : 0.05) * styr_rng_normal(&r));
        kp->dur = pow(lv, DUR_EXP) * cdur[cl[k]] * exp((pl ? 0.10 : 0.05) * styr_rng_normal(&r));
        kp->act = exp(0.25 * styr_rng_normal(&r));
        /* with planted effects, who gets an offer may depend only on what styr effect
         * matches on (cluster, age, spell week), so the activation level is the cluster's */
        if (o->neffekt) kp->act = exp(0.25 * (double)((cl[k] * 7) % 5 - 2) / 2);
        kp->job = cjob[cl[k]] * exp(0.05 * styr_rng_normal(&r));
    }
    return STYR_OK;
}

static void teardown(synth_ctx *X)
{
    free(X->thu);
    free(X->cyc);
    free(X->cum);
    free(X->region_of);
    for (int r = 0; r < 8; r++) free(X->cum_region[r]);
}

/* ---- output: batch or CSV ------------------------------------------------------------ */

typedef struct csvout {
    styr_atomic a;
    char *buf;
    size_t n;
} csvout;

static int cw_flush(csvout *w)
{
    if (w->n && fwrite(w->buf, 1, w->n, w->a.f) != w->n) return -1;
    w->n = 0;
    return 0;
}

static inline int cw_put(csvout *w, const char *s, size_t n)
{
    if (w->n + n > (1u << 20) && cw_flush(w)) return -1;
    memcpy(w->buf + w->n, s, n);
    w->n += n;
    return 0;
}

static char *base_name(const char *out, const char *suffix)
{
    size_t n = strlen(out);
    if (n > 4 && !strcmp(out + n - 4, ".csv")) n -= 4;
    char *p = styr_xmalloc(n + strlen(suffix) + 1);
    memcpy(p, out, n);
    strcpy(p + n, suffix);
    return p;
}

void styr_synth_result_free(styr_synth_result *res)
{
    if (!res) return;
    for (int i = 0; i < 3; i++) free(res->files[i]);
    memset(res, 0, sizeof *res);
}

/* Frame conditions that follow the simulated municipal differences (more
 * inflow and longer spells where fewer have an education, more immigrants,
 * higher local unemployment), with noise, so that the model of styr compare
 * --model finds real but imperfect associations. Illustrative only. */
static void frame_conditions(const synth_ctx *X, const styr_synth_opts *o, styr_covars *cv)
{
    static const char *names[] = {"andel_uden_uddannelse", "andel_indvandrere", "ledighed_pendlingsomraade"};
    styr_rng r;
    styr_rng_seed(&r, o->seed, 0xF7u);
    memset(cv, 0, sizeof *cv);
    cv->n = 3;
    for (int j = 0; j < 3; j++) snprintf(cv->name[j], sizeof cv->name[j], "%s", names[j]);
    snprintf(cv->source, sizeof cv->source,
             "ILLUSTRATIV: dannet af styr synth (frø %llu) ud fra de simulerede kommuneforskelle",
             (unsigned long long)o->seed);
    for (int k = 0; k < X->nkom; k++) {
        const kparam *kp = &X->kp[k];
        double lr = log(kp->risk), ld = log(kp->dur), lj = log(kp->job);
        cv->val[k][0] = round(10 * fmax(5, 22 + 25 * lr + 1.5 * styr_rng_normal(&r))) / 10;
        cv->val[k][1] = round(10 * fmax(1, 9 + 12 * lr + 10 * ld + 2 * styr_rng_normal(&r))) / 10;
        cv->val[k][2] = round(10 * fmax(1, 3.6 - 20 * lj + 4 * lr + 0.4 * styr_rng_normal(&r))) / 10;
        cv->has[k] = 1;
    }
}

styr_rc styr_synth(styr_ws *ws, const styr_synth_opts *o, styr_synth_result *res, styr_import_result *ires,
                   styr_diags *d)
{
    memset(res, 0, sizeof *res);
    memset(ires, 0, sizeof *ires);
    if (o->from < STYR_YEAR_MIN || o->to > STYR_YEAR_MAX || o->from > o->to)
        return styr_diag_sys(d, STYR_EUSAGE, "--from/--to: %d-%d", o->from, o->to);
    synth_ctx X;
    styr_rc rc = setup(ws, o, &X, d);
    if (rc) { teardown(&X); return rc; }
    const styr_codes *c = X.codes;
    frame_conditions(&X, o, &res->cov);
    int nyears = o->to - o->from + 1;
    uint32_t *pop = styr_xcalloc((size_t)X.nkom * (size_t)nyears * 51, sizeof *pop);
    int jan1[STYR_YEAR_MAX - STYR_YEAR_MIN + 2];
    for (int y = o->from; y <= o->to; y++) jan1[y - o->from] = styr_week_of_day(styr_days_from_civil(y, 1, 1));

    styr_batch b;
    styr_batch_init(&b);
    int fidx = styr_batch_file(&b, "synth", 0);
    int team_idx[SYNTH_NTEAMS] = {0};
    sim s;
    memset(&s, 0, sizeof s);
    s.X = &X;
    plant *pl = NULL;
    if (o->neffekt) {
        pl = styr_xcalloc(1, sizeof *pl);
        for (int i = 0; i < o->neffekt; i++) {
            int tb = styr_codes_tilbud(c, o->effekt[i].code, strlen(o->effekt[i].code));
            if (tb <= 0 || tb >= NPLANT) {
                free(pl);
                free(pop);
                teardown(&X);
                return styr_diag_sys(d, STYR_EUSAGE, "--effekt: %s", o->effekt[i].code);
            }
            pl->pp[tb] = o->effekt[i].pp;
        }
        pl->unobserved = o->effekt_selektion;
        pl->year0 = o->from;
        pl->nyears = nyears;
        pl->truth = styr_xcalloc((size_t)NTRUTH_KINDS * NGROUPS * (size_t)nyears * STYR_NHORIZONS, sizeof *pl->truth);
        s.pl = pl;
    }
    csvout cw[3];
    memset(cw, 0, sizeof cw);
    char wname[6000][9];
    int nw = X.last_week - X.show_first + 1; /* shown weeks, at most 110 years: < 6000 */
    if (o->out) {
        res->files[0] = styr_xstrdup(o->out);
        res->files[1] = base_name(o->out, "-personer.csv");
        res->files[2] = base_name(o->out, "-befolkning.csv");
        for (int i = 0; i < 3; i++) {
            if ((rc = styr_atomic_open(&cw[i].a, res->files[i], d))) goto out;
            cw[i].buf = styr_xmalloc(1u << 20);
        }
        static const char *const heads[] = {"person;uge;kommune;ydelse;tilbud;timer;visitation;enhed\n",
                                            "person;foedt;koen;oprindelse;indrejst\n", "kommune;aar;alder;antal\n"};
        for (int i = 0; i < 3; i++) cw_put(&cw[i], heads[i], strlen(heads[i]));
        for (int w = 0; w < nw && w < 6000; w++) styr_week_format(X.show_first + w, wname[w]);
    }

    /* at scale, the number of residents to draw: the scaled reference population over
     * the share of residents that are 16-66 and present on 1 January of `to` (birth
     * years are uniform over the nby years that reach 16-66 in the shown span; 5 pct.
     * immigrate at a uniform time of the simulated span) */
    int scaled = o->whole || o->nfull;
    uint64_t draws = 0;
    if (scaled) {
        double tot = 0;
        for (int k = 0; k < X.nkom; k++) tot += X.refpop[k] * X.scale[k];
        int nby = (o->to - 16) - (o->from - 67) + 1;
        /* an immigrant of age a (simulated from 16 or the start) has arrived with
         * probability about (a - 16) years over the simulated span */
        double span = (X.last_week - X.first_week) / 52.18, imm = 0;
        for (int a = 16; a <= 66; a++) imm += fmin(1.0, (a - 16) / span) / 51.0;
        double cov = 51.0 / nby * (0.95 + 0.05 * imm);
        draws = (uint64_t)(tot / cov + 0.5);
    }
    uint64_t max_residents = scaled ? draws : o->persons * 20 + 1000;
    uint64_t goal = scaled ? draws : o->persons;
    int progress_every = goal >= 200000 ? 50000 : 0;
    for (uint64_t ri = 0; (scaled || res->persons < o->persons) && ri < max_residents; ri++) {
        if (scaled && progress_every && o->progress && ri % (uint64_t)progress_every == 0)
            o->progress(o->progress_ctx, "synth", ri, goal);
        styr_rng_seed(&s.rng, o->seed, ri + 1);
        if (pl) {
            styr_rng_seed(&s.orng, o->seed ^ 0x0FFE4B17ULL, ri + 1);
            synth_effekt_person_start(&s);
        }
        s.n = 0;
        s.cut = 0;
        s.nmv = 0;
        s.job_until = NO_WEEK;
        s.benefit = 0;
        s.ben_end = NO_WEEK;
        s.kom = pick_cum(&s.rng, X.cum, X.nkom);
        int kom0 = s.kom;
        /* birth years: everyone 16-66 on 1 January or on a Thursday of the shown span */
        int by = styr_rng_int(&s.rng, o->from - 67, o->to - 16);
        int bm = styr_rng_int(&s.rng, 1, 12), bd = styr_rng_int(&s.rng, 1, 28);
        s.birth = (uint32_t)(by * 10000 + bm * 100 + bd);
        s.sex = styr_rng_u01(&s.rng) < 0.5 ? 1 : 2;
        /* the share of high- and middle-risk residents follows the municipality's level;
         * with planted effects it is the same everywhere, so that who gets an offer and
         * who leaves for work differ only by what styr effect matches on */
        double u = styr_rng_u01(&s.rng), f = o->neffekt ? 1.0 : X.lvl[s.kom];
        double ph = fmin(0.40, 0.10 * pow(f, HIGH_EXP)), pm = fmin(0.45, 0.30 * pow(f, MID_EXP));
        s.risk = u < ph ? 4.0 : u < ph + pm ? 1.3 : 0.45;
        s.insured = styr_rng_u01(&s.rng) < 0.78;
        int immigrant = styr_rng_u01(&s.rng) < 0.05;
        /* ages 16-66 on the Thursday: first week whose Thursday is on or after the 16th
         * birthday, last week whose Thursday is before the 67th */
        int32_t b16 = styr_days_from_civil(by + 16, bm, bd), b67 = styr_days_from_civil(by + 67, bm, bd);
        int w16 = styr_week_of_day(b16), w67 = styr_week_of_day(b67);
        if (styr_week_thursday(w16) < b16) w16++;
        if (styr_week_thursday(w67) >= b67) w67--;
        int t0 = X.first_week > w16 ? X.first_week : w16;
        if (immigrant) t0 += styr_rng_int(&s.rng, 0, X.last_week - X.first_week);
        s.tend = X.last_week < w67 ? X.last_week : w67;
        if (t0 > s.tend) continue;
        int opr, indrejst;
        styr_sattr_person(&s.attr, o->seed, ri, X.lvl[s.kom], X.refpop[s.kom] > 100000, immigrant,
                          (int)(X.thu[t0 - X.first_week] / 10000), o->from, &opr, &indrejst);
        res->residents++;
        simulate(&s, t0, immigrant);
        if (pl) synth_effekt_person_end(&s);
        res->burnin_runs += s.cut;

        /* the population on 1 January of each year */
        for (int y = 0; y < nyears; y++) {
            int w = jan1[y];
            if (w < t0 || w > s.tend) continue;
            int age = (int)(((uint32_t)(o->from + y) * 10000 + 101 - s.birth) / 10000);
            if (age < 16 || age > 66) continue;
            int k = kom0;
            for (int m = 0; m < s.nmv; m++)
                if (s.mv[m].week <= w) k = s.mv[m].kom;
            pop[((size_t)k * (size_t)nyears + (size_t)y) * 51 + (size_t)(age - 16)]++;
        }
        if (!s.benefit) continue;
        /* ids carry the seed, so populations of several seeds can share a workspace */
        char id[40];
        int idn = snprintf(id, sizeof id, "S%llu-%08llu", (unsigned long long)o->seed,
                           (unsigned long long)res->persons + 1);
        res->persons++;
        res->runs += s.n;
        for (size_t i = 0; i < s.n; i++) res->weeks += (uint64_t)s.v[i].len;
        if (o->out) {
            char line[128];
            char yr[8] = "";
            if (indrejst) snprintf(yr, sizeof yr, "%d", indrejst);
            int n = snprintf(line, sizeof line, "%s;%04u-%02u-%02u;%c;%s;%s\n", id, s.birth / 10000,
                             s.birth / 100 % 100, s.birth % 100, s.sex == 1 ? 'M' : 'K', styr_opr_keys[opr], yr);
            if (cw_put(&cw[1], line, (size_t)n)) goto ioerr;
            for (size_t i = 0; i < s.n; i++) {
                const srun *r = &s.v[i];
                char tail[192];
                int tn;
                const char *vis = r->vis ? styr_vis_keys[r->vis] : "", *team = styr_synth_teams[r->team];
                if (r->timer % 10)
                    tn = snprintf(tail, sizeof tail, ";%d;%s;%s;%d,%d;%s;%s\n", c->dict.kom[r->kom], c->dict.yd[r->yd],
                                  c->dict.tb[r->tb], r->timer / 10, r->timer % 10, vis, team);
                else
                    tn = snprintf(tail, sizeof tail, ";%d;%s;%s;%d;%s;%s\n", c->dict.kom[r->kom], c->dict.yd[r->yd],
                                  c->dict.tb[r->tb], r->timer / 10, vis, team);
                for (int w = r->start; w < r->start + r->len; w++) {
                    if (cw_put(&cw[0], id, (size_t)idn) || cw_put(&cw[0], ";", 1) ||
                        cw_put(&cw[0], wname[w - X.show_first], 8) || cw_put(&cw[0], tail, (size_t)tn))
                        goto ioerr;
                }
            }
        } else {
            int64_t p = styr_batch_person(&b, id, (size_t)idn);
            if (p < 0) goto oom;
            styr_batch_attr(&b, (uint32_t)p, s.birth, (uint8_t)s.sex, (uint8_t)fidx, 0, d);
            styr_batch_pattr(&b, (uint32_t)p, styr_pattr(opr, indrejst), (uint8_t)fidx, 0, d);
            for (size_t i = 0; i < s.n; i++) {
                const srun *r = &s.v[i];
                if (r->team && !team_idx[r->team])
                    team_idx[r->team] = styr_batch_enhed(&b, styr_synth_teams[r->team], strlen(styr_synth_teams[r->team]));
                if (styr_batch_run(&b, (uint32_t)p, r->start, r->len, r->kom, r->yd, r->tb, r->timer,
                                   styr_rattr(r->vis, r->team ? team_idx[r->team] : 0), (uint8_t)fidx, 0))
                    goto oom;
            }
        }
        if (!scaled && progress_every && o->progress && res->persons % (uint64_t)progress_every == 0)
            o->progress(o->progress_ctx, "synth", res->persons, o->persons);
    }
    if (progress_every && o->progress) o->progress(o->progress_ctx, "synth", goal, goal);

    for (int k = 0; k < X.nkom; k++)
        for (int y = 0; y < nyears; y++)
            for (int a = 0; a < 51; a++) {
                uint32_t n = pop[((size_t)k * (size_t)nyears + (size_t)y) * 51 + (size_t)a];
                if (o->out) {
                    char line[64];
                    int ln = snprintf(line, sizeof line, "%u;%d;%d;%u\n", c->dict.kom[k], o->from + y, a + 16, n);
                    if (cw_put(&cw[2], line, (size_t)ln)) goto ioerr;
                } else if (styr_batch_pop(&b, c->dict.kom[k], (uint16_t)(o->from + y), (uint16_t)(a + 16), n,
                                          (uint8_t)fidx, 0)) {
                    goto oom;
                }
            }
    if (pl && o->truth_out && (rc = synth_effekt_write(&X, pl, o->truth_out, d))) goto out;
    if (o->out) {
        for (int i = 0; i < 3; i++) {
            if (cw_flush(&cw[i])) goto ioerr;
            if ((rc = styr_atomic_commit(&cw[i].a, d))) goto out;
        }
    } else {
        char src[160];
        snprintf(src, sizeof src, "SYNTETISK befolkning fra styr synth (frø %llu): ingen rigtige tal",
                 (unsigned long long)o->seed);
        styr_import_opts io = {.command = o->command, .pop_source = src};
        rc = styr_import_batch(ws, &b, &io, ires, d);
    }
    goto out;
ioerr:
    rc = styr_diag_sys(d, STYR_EIO, "%s", strerror(errno));
    goto out;
oom:
    rc = styr_diag_sys(d, STYR_ENOMEM, "synth: out of memory");
out:
    for (int i = 0; i < 3; i++) {
        if (cw[i].a.f) styr_atomic_abort(&cw[i].a);
        free(cw[i].buf);
    }
    for (int i = 0; pl && i < o->neffekt && i < 8; i++) {
        int tb = styr_codes_tilbud(c, o->effekt[i].code, strlen(o->effekt[i].code));
        res->eff_first[i] = pl->first[tb];
        res->eff_moved[i] = pl->moved[tb];
    }
    if (pl) free(pl->truth);
    free(pl);
    free(s.v);
    free(s.ev);
    free(s.scratch);
    free(pop);
    styr_batch_free(&b);
    teardown(&X);
    return rc;
}
