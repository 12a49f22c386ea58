/* goaleval: latest value, path, forecast and status of a result goal. */
#include "goaleval.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/msg.h"

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

static int period_index(const styr_bdata *b, const char *name)
{
    for (int i = 0; i < b->res.ps.n; i++)
        if (!strcmp(b->res.ps.p[i].name, name)) return i;
    return -1;
}

void styr_goal_evaluate(const styr_bdata *b, const styr_goal *g, const styr_metric *m, int k, const uint8_t *in,
                        int months, styr_goal_eval *o)
{
    const styr_figval none = {0, STYR_FV_NONE};
    memset(o, 0, sizeof *o);
    o->months = months;
    o->latest = o->forecast = o->target = o->baseline = none;
    for (int i = 0; i < 12; i++) o->path[i] = none;
    char s[24];
    int mweeks[12];
    for (int i = 0; i < 12; i++) {
        styr_period p;
        snprintf(s, sizeof s, "%dM%02d", g->aar, i + 1);
        mweeks[i] = styr_period_parse(s, &p) ? 0 : styr_period_weeks(&p);
        int pi = i < months ? period_index(b, s) : -1;
        if (pi >= 0) o->path[i] = styr_bdata_value(b, m, pi, k, g->grp);
    }
    if (months >= 12) snprintf(s, sizeof s, "%d", g->aar);
    else snprintf(s, sizeof s, "%dM%02dAATD", g->aar, months);
    int pl = period_index(b, s);
    if (pl < 0) return;
    o->latest = styr_bdata_value(b, m, pl, k, g->grp);
    o->forecast = styr_goal_forecast(o->latest, o->path, mweeks, months);
    switch (g->kind) {
    case STYR_GOAL_MAX:
    case STYR_GOAL_MIN: o->target = (styr_figval){g->value, STYR_FV_OK}; break;
    case STYR_GOAL_CLUSTER: o->target = styr_bdata_area(b, m, pl, in, g->grp); break;
    case STYR_GOAL_CHANGE:
        snprintf(s, sizeof s, "%d", g->aar - 1);
        int pb = period_index(b, s);
        if (pb >= 0) o->baseline = styr_bdata_value(b, m, pb, k, g->grp);
        if (o->baseline.state == STYR_FV_OK) o->target = (styr_figval){o->baseline.v * (1 + g->value / 100), STYR_FV_OK};
        else o->target = o->baseline;
        break;
    }
    o->status = styr_goal_status(g, m->def->better, m->def->decimals, months >= 12, o->latest, o->forecast, o->target);
}

const char *styr_goal_status_text(int status)
{
    switch (status) {
    case STYR_GS_REACHED: return styr_tr("nået", "reached");
    case STYR_GS_ON_TRACK: return styr_tr("på vej", "on track");
    case STYR_GS_NOT_REACHED: return styr_tr("ikke nået", "not reached");
    default: return styr_tr("ukendt", "unknown");
    }
}

const char *styr_goal_status_key(int status)
{
    static const char *k[] = {"naaet", "paa_vej", "ikke_naaet", "ukendt"};
    return k[status >= 0 && status <= 3 ? status : 3];
}
