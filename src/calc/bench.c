/* bench: values of municipalities and areas, rank, best, development, potential. */
#include "bench.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../ws/catalog.h"

int styr_metric_by_key(const char *key, const styr_money_defs *md, styr_metric *out)
{
    int f = styr_fig_by_key(key);
    if (f >= 0) {
        *out = (styr_metric){&styr_figdefs[f], f, -1};
        return 0;
    }
    if (md)
        for (int i = 0; i < md->n; i++)
            if (!strcmp(md->def[i].key, key)) {
                *out = (styr_metric){&md->def[i], -1, i};
                return 0;
            }
    return -1;
}

styr_rc styr_bdata_load(styr_ws *ws, const styr_period *per, int nper, int money, int own, int threads,
                        styr_bdata *b, styr_diags *d)
{
    return styr_bdata_load_filtered(ws, per, nper, money, own, threads, NULL, b, d);
}

styr_rc styr_bdata_load_filtered(styr_ws *ws, const styr_period *per, int nper, int money, int own, int threads,
                                 const styr_filter *filter, styr_bdata *b, styr_diags *d)
{
    memset(b, 0, sizeof *b);
    b->codes = styr_ws_codes(ws);
    b->nk = b->codes->dict.nkom;
    b->own = own;
    styr_rc rc = STYR_OK;
    if (money) {
        b->rules = styr_xcalloc(1, sizeof *b->rules);
        if ((rc = styr_rules_load(ws, b->rules, d))) return rc;
        styr_money_defs_make(&b->mdefs, b->rules);
    }
    const int nk = b->nk, ng = b->codes->dict.nyd;
    int *kom = styr_xmalloc((size_t)nk * sizeof *kom), *grp = styr_xmalloc((size_t)ng * sizeof *grp);
    for (int k = 0; k < nk; k++) kom[k] = k;
    for (int g = 0; g < ng; g++) grp[g] = g;
    styr_query q = {kom, nk, grp, ng, per, nper, own >= 0, threads, 1, money, STYR_KILDE_AUTO, filter};
    rc = styr_query_run(ws, &q, &b->res, d);
    if (!rc) styr_qresult_public_rows(&b->res, &q, b->codes); /* key figures from published rows with money too */
    free(kom);
    free(grp);
    if (rc || !money) return rc;
    const int nkc = b->res.cube.nk;
    b->pop1864 = styr_xcalloc((size_t)b->res.ps.n * (size_t)nkc, sizeof *b->pop1864);
    for (int i = 0; i < b->res.ps.n && !rc; i++) {
        double *pp = b->pop1864 + (size_t)i * (size_t)nkc;
        rc = styr_cat_population(ws, styr_period_pop_year(&b->res.ps.p[i]), 18, 64, pp, d);
        for (int k = 0; k < nkc - 1; k++) pp[nkc - 1] += pp[k];
    }
    return rc;
}

void styr_bdata_free(styr_bdata *b)
{
    styr_qresult_free(&b->res);
    free(b->rules);
    free(b->pop1864);
    memset(b, 0, sizeof *b);
}

/* The value of a cell with populations; hide: the families the discretion
 * pattern suppresses (sdc.h). */
static styr_figval value_of(const styr_bdata *b, const styr_metric *m, int p, const styr_cell *c, double pop,
                            double ypop, double pop1864, unsigned hide, int g)
{
    int weeks = styr_period_weeks(&b->res.ps.p[p]);
    if (b->res.outside && b->res.outside[p]) { /* no week of the period in the panel: no data, not 0 */
        styr_figval v[STYR_NFIG];
        if (m->fig < 0 || !g) return (styr_figval){0, STYR_FV_NONE};
        for (int f = 0; f < STYR_NFIG; f++) v[f] = (styr_figval){0, STYR_FV_NONE};
        styr_figures_na(v, b->codes->yd_na[g]);
        return v[m->fig];
    }
    if (m->fig >= 0) {
        styr_figval v[STYR_NFIG];
        styr_figures_of(c, weeks, pop, ypop, hide, v);
        if (g) styr_figures_na(v, styr_group_na(b->codes, g, b->res.ps.p[p].last));
        return v[m->fig];
    }
    if (!b->rules) return (styr_figval){0, STYR_FV_NONE};
    styr_figval v[STYR_NMONEY];
    styr_money_of(c, b->rules, b->rules->nreg, weeks, pop, pop1864, (int)(hide >> SDC_MONEY & 1u), v);
    return v[m->money];
}

/* The query's row of municipality k (< nk), group g, period p: every
 * municipality and group was asked for, in order. */
static const styr_figrow *row_of(const styr_bdata *b, int p, int k, int g)
{
    const int ng = b->codes->dict.nyd;
    size_t i = ((size_t)p * (size_t)b->nk + (size_t)k) * (size_t)ng + (size_t)g;
    return i < b->res.nrows ? &b->res.rows[i] : NULL;
}

const char *styr_bdata_source(const styr_bdata *b, int p, int k, int g)
{
    if (!b->res.any_pub || p < 0 || k < 0 || k >= b->nk) return NULL;
    const styr_figrow *x = row_of(b, p, k, g);
    return x ? x->kilde : NULL;
}

/* A published row's value: the key figures it carries; no money. */
static styr_figval public_value(const styr_figrow *x, const styr_metric *m)
{
    return m->fig >= 0 ? x->v[m->fig] : (styr_figval){0, STYR_FV_NONE};
}

/* An area some of whose members' figures are published ones: full-time
 * persons and persons summed over the members' rows, the share over the
 * area's population; a member without a value gives the sum its state (a
 * suppressed one ".."); what published tables do not carry is no data. */
static styr_figval public_area(const styr_bdata *b, const styr_metric *m, int p, const uint8_t *in, int g)
{
    int f = m->fig == FIG_ANDEL ? FIG_FULDTIDSPERSONER : m->fig;
    if (f != FIG_FULDTIDSPERSONER && f != FIG_PERSONER) return (styr_figval){0, STYR_FV_NONE};
    styr_figval s = {0, STYR_FV_OK};
    double pop = 0;
    for (int k = 0; k < b->nk; k++) {
        if (!in[k]) continue;
        const styr_figrow *x = row_of(b, p, k, g);
        if (!x) return (styr_figval){0, STYR_FV_NONE};
        if (x->v[f].state == STYR_FV_OK) s.v += x->v[f].v;
        else if (s.state != STYR_FV_SUPPRESSED) s.state = x->v[f].state;
        pop += b->res.pop[(size_t)p * (size_t)b->res.cube.nk + (size_t)k];
    }
    if (s.state != STYR_FV_OK || m->fig != FIG_ANDEL) return s;
    return pop > 0 ? (styr_figval){100.0 * s.v / pop, STYR_FV_OK} : (styr_figval){0, STYR_FV_NONE};
}

styr_figval styr_bdata_value(const styr_bdata *b, const styr_metric *m, int p, int k, int g)
{
    const int nkc = b->res.cube.nk;
    if (b->res.any_pub && k < b->nk) {
        const styr_figrow *x = row_of(b, p, k, g);
        if (x && x->kilde) return public_value(x, m);
    }
    size_t at = (size_t)p * (size_t)nkc + (size_t)k;
    return value_of(b, m, p, styr_cube_at(&b->res.cube, p, k, g), b->res.pop[at], b->res.ypop[at],
                    b->pop1864 ? b->pop1864[at] : 0, styr_qresult_hide(&b->res, p, k, g), g);
}

const char *styr_bdata_kilde(const styr_bdata *b, const styr_metric *m, int p, int k, int g)
{
    if (!b->res.any_pub || k >= b->nk) return NULL;
    const styr_figrow *x = row_of(b, p, k, g);
    if (!x || !x->kilde) return NULL;
    int st = public_value(x, m).state;
    return st == STYR_FV_OK || st == STYR_FV_SUPPRESSED ? x->kilde : NULL;
}

styr_figval styr_bdata_area(const styr_bdata *b, const styr_metric *m, int p, const uint8_t *in, int g)
{
    const int nkc = b->res.cube.nk;
    styr_cell sum;
    memset(&sum, 0, sizeof sum);
    double pop = 0, ypop = 0, p1864 = 0;
    int members[STYR_MAX_KOMMUNER], n = 0;
    if (b->res.any_pub)
        for (int k = 0; k < b->nk; k++) {
            const styr_figrow *x = in[k] ? row_of(b, p, k, g) : NULL;
            if (x && x->kilde) return public_area(b, m, p, in, g);
        }
    for (int k = 0; k < b->nk; k++) {
        if (!in[k]) continue;
        members[n++] = k;
        size_t at = (size_t)p * (size_t)nkc + (size_t)k;
        styr_cell_add(&sum, styr_cube_at(&b->res.cube, p, k, g));
        pop += b->res.pop[at];
        ypop += b->res.ypop[at];
        if (b->pop1864) p1864 += b->pop1864[at];
    }
    return value_of(b, m, p, &sum, pop, ypop, p1864, styr_qresult_hide_set(&b->res, p, members, n, g), g);
}

double styr_bdata_pop(const styr_bdata *b, const styr_metric *m, int p, const uint8_t *in)
{
    const int nkc = b->res.cube.nk;
    double s = 0;
    for (int k = 0; k < b->nk; k++) {
        if (!in[k]) continue;
        size_t at = (size_t)p * (size_t)nkc + (size_t)k;
        if (m->fig == FIG_U_ANDEL) s += b->res.ypop[at];
        else if (m->money == MONEY_PR_INDB_18_64) s += b->pop1864 ? b->pop1864[at] : 0;
        else s += b->res.pop[at];
    }
    return s;
}

/* ---- the pure parts ---------------------------------------------------------------------- */

static int better_than(double a, double b, int better) { return better > 0 ? a > b : a < b; }

int styr_rank(const styr_figval *v, int n, int own, int better, int *nranked)
{
    int nr = 0, ahead = 0;
    for (int i = 0; i < n; i++) {
        if (v[i].state != STYR_FV_OK) continue;
        nr++;
        if (v[own].state == STYR_FV_OK && better_than(v[i].v, v[own].v, better)) ahead++;
    }
    *nranked = nr;
    if (!better || v[own].state != STYR_FV_OK) return 0;
    return 1 + ahead;
}

int styr_best(const styr_figval *v, int n, int better)
{
    int best = -1;
    if (!better) return -1;
    for (int i = 0; i < n; i++)
        if (v[i].state == STYR_FV_OK && (best < 0 || better_than(v[i].v, v[best].v, better))) best = i;
    return best;
}

styr_figval styr_change(styr_figval now, styr_figval prev, styr_unit unit)
{
    if (now.state == STYR_FV_SUPPRESSED || prev.state == STYR_FV_SUPPRESSED) return (styr_figval){0, STYR_FV_SUPPRESSED};
    if (now.state != STYR_FV_OK || prev.state != STYR_FV_OK) return (styr_figval){0, STYR_FV_NONE};
    if (unit == STYR_U_PCT || unit == STYR_U_WEEKS) return (styr_figval){now.v - prev.v, STYR_FV_OK};
    if (prev.v == 0) return (styr_figval){0, STYR_FV_NONE};
    return (styr_figval){100.0 * (now.v - prev.v) / prev.v, STYR_FV_OK};
}

styr_unit styr_metric_potential_unit(const styr_metric *m, int *has)
{
    *has = 1;
    if (m->fig == FIG_ANDEL || m->fig == FIG_U_ANDEL) return STYR_U_FTE;
    if (m->money == MONEY_PR_INDB || m->money == MONEY_PR_INDB_18_64) return STYR_U_KR;
    *has = 0;
    return STYR_U_COUNT;
}

styr_figval styr_potential_of(const styr_metric *m, styr_figval own, styr_figval ref, double population)
{
    int has;
    styr_unit u = styr_metric_potential_unit(m, &has);
    if (!has) return (styr_figval){0, STYR_FV_NONE};
    if (own.state == STYR_FV_SUPPRESSED || ref.state == STYR_FV_SUPPRESSED) return (styr_figval){0, STYR_FV_SUPPRESSED};
    if (own.state != STYR_FV_OK || ref.state != STYR_FV_OK) return (styr_figval){0, STYR_FV_NONE};
    double p = styr_potential(own.v, ref.v, population);
    return (styr_figval){u == STYR_U_FTE ? p / 100.0 : p, STYR_FV_OK};
}

int styr_cluster_members(const int *of, int nk, int k, uint8_t *in)
{
    int n = 0;
    memset(in, 0, (size_t)nk);
    if (of[k] < 0) return 0;
    for (int j = 0; j < nk; j++)
        if (of[j] == of[k]) in[j] = 1, n++;
    return n;
}

void styr_bench_make(const styr_bdata *b, const styr_metric *m, int p, int pprev, int k, int g, const uint8_t *in,
                     styr_bench *o)
{
    memset(o, 0, sizeof *o);
    styr_figval v[STYR_MAX_KOMMUNER];
    int idx[STYR_MAX_KOMMUNER] = {0}, n = 0, own = -1;
    for (int j = 0; j < b->nk; j++) {
        if (!in[j]) continue;
        if (j == k) own = n;
        idx[n] = j;
        /* a member is ranked on its published value, the own municipality on its own */
        v[n++] = styr_bdata_value(b, m, p, j, g);
    }
    o->nmembers = n;
    o->own = styr_bdata_value(b, m, p, k, g);
    o->level = styr_bdata_area(b, m, p, in, g);
    int better = m->def->better;
    int best = styr_best(v, n, better);
    o->best_kom = best >= 0 ? idx[best] : -1;
    o->best = best >= 0 ? v[best] : (styr_figval){0, STYR_FV_NONE};
    if (own >= 0) o->rank = styr_rank(v, n, own, better, &o->nranked);
    if (pprev >= 0) {
        o->own_prev = styr_bdata_value(b, m, pprev, k, g);
        o->level_prev = styr_bdata_area(b, m, pprev, in, g);
        o->dev_own = styr_change(o->own, o->own_prev, m->def->unit);
        o->dev_level = styr_change(o->level, o->level_prev, m->def->unit);
    } else {
        o->own_prev = o->level_prev = o->dev_own = o->dev_level = (styr_figval){0, STYR_FV_NONE};
    }
    o->pot_unit = styr_metric_potential_unit(m, &o->has_potential);
    uint8_t self[STYR_MAX_KOMMUNER] = {0};
    self[k] = 1;
    double pop = styr_bdata_pop(b, m, p, self);
    o->pot_level = styr_potential_of(m, o->own, o->level, pop);
    o->pot_best = styr_potential_of(m, o->own, o->best, pop);
}
