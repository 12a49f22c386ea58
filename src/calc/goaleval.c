/* goaleval: latest value, path, forecast and status of a result goal. */
#include "goaleval.h"

#include "filter.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../ws/catalog.h"
#include "offers.h"
#include "pubfig.h"

styr_figval styr_goal_forecast(styr_figval ytd, const styr_figval *path, const int *mweeks, int m)
{
    if (ytd.state != STYR_FV_OK) return ytd;
    if (m >= 12) return ytd;
    /* least squares of value on month over the months with a value */
    double sx = 0, sy = 0, sxx = 0, sxy = 0, last = ytd.v;
    int n = 0;
    for (int i = 0; i < m; i++) {
        if (path[i].state != STYR_FV_OK) continue;
        double x = i + 1, y = path[i].v;
        sx += x, sy += y, sxx += x * x, sxy += x * y, n++;
        last = y;
    }
    double a = last, b = 0;
    if (n >= 3) {
        b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        a = (sy - b * sx) / n;
    }
    double wobs = 0, wsum = 0, acc = 0;
    for (int i = 0; i < m; i++) wobs += mweeks[i];
    acc = ytd.v * wobs;
    wsum = wobs;
    for (int i = m; i < 12; i++) {
        double pred = n >= 3 ? a + b * (i + 1) : last;
        acc += pred * mweeks[i];
        wsum += mweeks[i];
    }
    return (styr_figval){wsum > 0 ? acc / wsum : ytd.v, STYR_FV_OK};
}

int styr_goal_meets(styr_goal_kind kind, double pct, int better, double value, double target)
{
    switch (kind) {
    case STYR_GOAL_MAX: return value <= target;
    case STYR_GOAL_MIN: return value >= target;
    case STYR_GOAL_CLUSTER: return better > 0 ? value > target : value < target;
    case STYR_GOAL_CHANGE: return pct < 0 ? value <= target : value >= target;
    }
    return 0;
}

int styr_goal_status(const styr_goal *g, int better, int decimals, int complete, styr_figval latest,
                     styr_figval forecast, styr_figval target)
{
    styr_figval v = complete ? latest : forecast;
    if (v.state != STYR_FV_OK || target.state != STYR_FV_OK) return STYR_GS_UNKNOWN;
    /* better than the cluster means better as shown (at the figure's decimals) */
    double scale = pow(10, decimals);
    int ok = g->kind == STYR_GOAL_CLUSTER ? styr_goal_meets(g->kind, g->value, better, round(v.v * scale), round(target.v * scale))
                                          : styr_goal_meets(g->kind, g->value, better, v.v, target.v);
    if (complete) return ok ? STYR_GS_REACHED : STYR_GS_NOT_REACHED;
    return ok ? STYR_GS_ON_TRACK : STYR_GS_NOT_REACHED;
}

int styr_goal_periods(int aar, int m, styr_period *per)
{
    char s[24];
    int n = 0;
    snprintf(s, sizeof s, "%d", aar);
    if (!styr_period_parse(s, &per[n])) n++;
    snprintf(s, sizeof s, "%d", aar - 1);
    if (!styr_period_parse(s, &per[n])) n++;
    for (int i = 1; i <= m && i <= 12; i++) {
        snprintf(s, sizeof s, "%dM%02d", aar, i);
        if (!styr_period_parse(s, &per[n])) n++;
    }
    if (m < 12) {
        snprintf(s, sizeof s, "%dM%02dAATD", aar, m);
        if (!styr_period_parse(s, &per[n])) n++;
    }
    return n;
}

int styr_goal_months(const styr_panel *p, int aar)
{
    styr_period last;
    if (styr_last_whole_month(p, &last)) return 0;
    if (last.year > aar) return 12;
    if (last.year < aar) return 0;
    return last.sub;
}

int styr_goal_months_pub(const styr_panel *p, const styr_pubfig *pf, int aar)
{
    styr_period last;
    int first, lastw;
    if (!styr_last_whole_month(p, &last) || styr_pubfig_span(pf, &first, &lastw)) return styr_goal_months(p, aar);
    int m = 0;
    for (int i = 1; i <= 12; i++) {
        char s[16];
        styr_period mp;
        snprintf(s, sizeof s, "%dM%02d", aar, i);
        if (!styr_period_parse(s, &mp) && mp.first >= first && mp.last <= lastw) m = i;
    }
    return m;
}

static int period_index(const styr_bdata *b, const char *name)
{
    for (int i = 0; i < b->res.ps.n; i++)
        if (!strcmp(b->res.ps.p[i].name, name)) return i;
    return -1;
}

void styr_goal_evaluate_with(const styr_goal *g, const styr_figdef *def, styr_goal_value_fn value, void *ctx,
                             int months, styr_goal_eval *o)
{
    const styr_figval none = {0, STYR_FV_NONE};
    memset(o, 0, sizeof *o);
    o->months = months;
    o->status = months ? STYR_GS_UNKNOWN : STYR_GS_NODATA;
    o->latest = o->forecast = o->target = o->baseline = none;
    for (int i = 0; i < 12; i++) o->path[i] = none;
    char s[24];
    int mweeks[12];
    for (int i = 0; i < 12; i++) {
        styr_period p;
        snprintf(s, sizeof s, "%dM%02d", g->aar, i + 1);
        mweeks[i] = styr_period_parse(s, &p) ? 0 : styr_period_weeks(&p);
        if (i < months) o->path[i] = value(ctx, s, 0);
    }
    if (!months) return;
    if (months >= 12) snprintf(s, sizeof s, "%d", g->aar);
    else snprintf(s, sizeof s, "%dM%02dAATD", g->aar, months);
    o->latest = value(ctx, s, 0);
    o->forecast = styr_goal_forecast(o->latest, o->path, mweeks, months);
    switch (g->kind) {
    case STYR_GOAL_MAX:
    case STYR_GOAL_MIN: o->target = (styr_figval){g->value, STYR_FV_OK}; break;
    case STYR_GOAL_CLUSTER: o->target = value(ctx, s, 1); break;
    case STYR_GOAL_CHANGE:
        snprintf(s, sizeof s, "%d", g->aar - 1);
        o->baseline = value(ctx, s, 0);
        if (o->baseline.state == STYR_FV_OK) o->target = (styr_figval){o->baseline.v * (1 + g->value / 100), STYR_FV_OK};
        else o->target = o->baseline;
        break;
    }
    o->status = styr_goal_status(g, def->better, def->decimals, months >= 12, o->latest, o->forecast, o->target);
}

typedef struct bctx_ { const styr_bdata *b; const styr_metric *m; int k, g; const uint8_t *in; } bctx_;

static styr_figval bdata_at(const bctx_ *c, int p, int cluster)
{
    return cluster ? styr_bdata_area(c->b, c->m, p, c->in, c->g) : styr_bdata_value(c->b, c->m, p, c->k, c->g);
}

/* The year to date from published months (jobindsats.dk publishes months and
 * years, not years to date): full-time persons and their share are averages
 * over the weeks, so the months weighted by their weeks give the same figure;
 * a suppressed month makes it suppressed, a missing one no data. */
static styr_figval ytd_from_months(const bctx_ *c, const styr_period *ytd, int cluster)
{
    const styr_figval none = {0, STYR_FV_NONE};
    if (c->m->fig != FIG_FULDTIDSPERSONER && c->m->fig != FIG_ANDEL) return none;
    double acc = 0, w = 0;
    int state = STYR_FV_OK;
    for (int i = 1; i <= ytd->sub; i++) {
        char s[16];
        snprintf(s, sizeof s, "%dM%02d", ytd->year, i);
        int p = period_index(c->b, s);
        if (p < 0) return none;
        if (!cluster && !styr_bdata_kilde(c->b, c->m, p, c->k, c->g)) return none; /* the panel's own: not summed */
        styr_figval v = bdata_at(c, p, cluster);
        if (v.state == STYR_FV_SUPPRESSED) state = STYR_FV_SUPPRESSED;
        else if (v.state != STYR_FV_OK) return none;
        int wk = styr_period_weeks(&c->b->res.ps.p[p]);
        acc += v.v * wk, w += wk;
    }
    if (state != STYR_FV_OK) return (styr_figval){0, state};
    return w > 0 ? (styr_figval){acc / w, STYR_FV_OK} : none;
}

static styr_figval bdata_value(void *ctx, const char *period, int cluster)
{
    const bctx_ *c = ctx;
    int p = period_index(c->b, period);
    if (p < 0) return (styr_figval){0, STYR_FV_NONE};
    styr_figval v = bdata_at(c, p, cluster);
    const styr_period *per = &c->b->res.ps.p[p];
    if (v.state == STYR_FV_NONE && c->b->res.any_pub && per->kind == STYR_P_YTD) return ytd_from_months(c, per, cluster);
    return v;
}

void styr_goal_evaluate(const styr_bdata *b, const styr_goal *g, const styr_metric *m, int k, const uint8_t *in,
                        int months, styr_goal_eval *o)
{
    bctx_ c = {b, m, k, g->grp, in};
    styr_goal_evaluate_with(g, m->def, bdata_value, &c, months, o);
}

/* ---- goals on offers: the status after the offers of a kind ended -------------------------- */

int styr_goal_offer_figure(const char *key, int *h, int *selv)
{
    static const char *job[STYR_NHORIZONS] = {"i_job_4uger", "i_job_3mdr", "i_job_6mdr", "i_job_12mdr"};
    static const char *sf[STYR_NHORIZONS] = {"selvforsoerget_4uger", "selvforsoerget_3mdr", "selvforsoerget_6mdr",
                                             "selvforsoerget_12mdr"};
    for (int i = 0; i < STYR_NHORIZONS; i++) {
        if (!strcmp(key, job[i])) return *h = i, *selv = 0, 0;
        if (!strcmp(key, sf[i])) return *h = i, *selv = 1, 0;
    }
    return -1;
}

typedef struct octx {
    const styr_offers *o;
    const styr_period *per;
    int nper, k, g, t, h, selv, suppress;
    const uint8_t *in;
    const int *cl_of;          /* cluster of every municipality (the offer tables' discretion) */
} octx;

static styr_figval offer_value(void *ctx, const char *period, int cluster)
{
    const octx *c = ctx;
    int p = -1;
    for (int i = 0; i < c->nper; i++)
        if (!strcmp(c->per[i].name, period)) p = i;
    if (p < 0) return (styr_figval){0, STYR_FV_NONE};
    double ended = 0, notyet = 0, good = 0;
    for (int k = 0; k < c->o->nk - 1; k++) {
        if (cluster ? !c->in[k] : k != c->k) continue;
        for (int a = 0; a < STYR_NAGES; a++) {
            const styr_offer_cell *x = styr_offer_at(c->o, p, k, c->g, c->t, a);
            ended += x->ended, notyet += x->status[c->h][STYR_ST_NOTYET];
            /* selvforsørget: no public support, education (SU) included (spec §5) */
            good += x->status[c->h][STYR_ST_JOB] +
                    (c->selv ? x->status[c->h][STYR_ST_SELV] + x->status[c->h][STYR_ST_UDD] : 0);
        }
    }
    /* the offer tables' discretion (offers.h): the own municipality exact with --intern */
    if (cluster || c->suppress) {
        int nkc = c->o->nk - 1, area = cluster ? (c->cl_of[c->k] >= 0 ? nkc + 1 + c->cl_of[c->k] : -1) : c->k;
        unsigned h = area < 0 ? STYR_OH_ENDED
                              : styr_offer_hide(c->o, p, c->g, c->t, area, STYR_NAGES, c->cl_of, c->per[p].kind == STYR_P_YEAR);
        if (h & STYR_OH_ENDED) return (styr_figval){0, STYR_FV_SUPPRESSED};
    }
    if (ended - notyet <= 0) return (styr_figval){0, STYR_FV_NONE};
    return (styr_figval){100 * good / (ended - notyet), STYR_FV_OK};
}

styr_rc styr_goals_evaluate_all(styr_ws *ws, const styr_panel *p, const styr_bdata *b, const styr_goal *g, size_t n,
                                int k, int intern, styr_goal_eval *out, styr_diags *d)
{
    styr_rc rc = STYR_OK;
    styr_period *per = NULL;
    int nper = 0, offer_goals = 0;
    for (size_t i = 0; i < n; i++) offer_goals += g[i].tilbud > 0;
    styr_offers off;
    memset(&off, 0, sizeof off);
    if (offer_goals) { /* one more pass for the offer tables of every period the goals need */
        per = styr_xmalloc(n * 16 * sizeof *per);
        for (size_t i = 0; i < n; i++) {
            if (g[i].tilbud <= 0) continue;
            styr_period tmp[16];
            int m = styr_goal_months(p, g[i].aar), t = styr_goal_periods(g[i].aar, m ? m : 1, tmp);
            for (int j = 0; j < t; j++) {
                int dup = 0;
                for (int q = 0; q < nper && !dup; q++) dup = !strcmp(per[q].name, tmp[j].name);
                if (!dup) per[nper++] = tmp[j];
            }
        }
        styr_cube cube;
        rc = styr_offers_compute(ws, per, nper, NULL, 0, 0, &off, &cube, d);
        styr_cube_free(&cube);
        if (rc) goto out;
    }
    for (size_t i = 0; i < n; i++) {
        memset(&out[i], 0, sizeof out[i]);
        out[i].status = STYR_GS_UNKNOWN;
        styr_clusters cl;
        if ((rc = styr_cat_clusters(ws, g[i].aar, &cl, d))) goto out;
        uint8_t in[STYR_MAX_KOMMUNER];
        styr_cluster_members(cl.of, b->nk, k, in);
        int cl_of[STYR_MAX_KOMMUNER];
        for (int j = 0; j < b->nk; j++) cl_of[j] = cl.of[j];
        int months = styr_goal_months_pub(p, b->res.pub, g[i].aar), f = styr_fig_by_key(g[i].figur);
        if (f < 0) continue;
        if (g[i].tilbud > 0) {
            octx c = {&off, per, nper, k, g[i].grp, g[i].tilbud, 0, 0, !intern, in, cl_of};
            if (styr_goal_offer_figure(g[i].figur, &c.h, &c.selv)) continue;
            styr_goal_evaluate_with(&g[i], &styr_figdefs[f], offer_value, &c, months, &out[i]);
        } else {
            styr_metric m = {&styr_figdefs[f], f, -1};
            styr_goal_evaluate(b, &g[i], &m, k, in, months, &out[i]);
        }
    }
out:
    styr_offers_free(&off);
    free(per);
    return rc;
}

const char *styr_goal_status_text(int status)
{
    switch (status) {
    case STYR_GS_REACHED: return styr_tr("nået", "reached");
    case STYR_GS_ON_TRACK: return styr_tr("på vej", "on track");
    case STYR_GS_NOT_REACHED: return styr_tr("ikke nået", "not reached");
    case STYR_GS_NODATA: return styr_tr("ingen data", "no data");
    default: return styr_tr("ukendt", "unknown");
    }
}

const char *styr_goal_status_key(int status)
{
    static const char *k[] = {"naaet", "paa_vej", "ikke_naaet", "ukendt", "ingen_data"};
    return k[status >= 0 && status <= 4 ? status : 3];
}

styr_rc styr_goals_by_unit(styr_ws *ws, const styr_panel *p, const styr_period *per, int nper, const styr_goal *g,
                           size_t n, int k, int intern, styr_goal_eval *ev, uint8_t *in_panel, styr_diags *d)
{
    const styr_cols *c = styr_panel_cols(p);
    styr_goal *sub = styr_xmalloc((n ? n : 1) * sizeof *sub);
    styr_goal_eval *sev = styr_xcalloc(n ? n : 1, sizeof *sev);
    size_t *idx = styr_xmalloc((n ? n : 1) * sizeof *idx);
    styr_rc rc = STYR_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        if (!g[i].enhed[0] || in_panel[i]) continue;
        styr_filter f = {0};
        char bad[8];
        if (styr_filter_add_enhed(&f, c, g[i].enhed, bad, sizeof bad) || f.nenh != 1) continue;
        size_t m = 0;
        for (size_t j = i; j < n; j++)
            if (!strcmp(g[j].enhed, g[i].enhed)) { idx[m] = j; sub[m++] = g[j]; }
        styr_bdata b;
        if ((rc = styr_bdata_load_filtered(ws, per, nper, 0, intern ? k : -1, 0, &f, &b, d))) break;
        rc = styr_goals_evaluate_all(ws, p, &b, sub, m, k, intern, sev, d);
        styr_bdata_free(&b);
        for (size_t j = 0; j < m && !rc; j++) {
            ev[idx[j]] = sev[j];
            in_panel[idx[j]] = 1;
        }
    }
    free(sub);
    free(sev);
    free(idx);
    return rc;
}
