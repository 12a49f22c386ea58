/* develop: month by month against the year before, and the year to date. */
#include "develop.h"

#include <stdio.h>
#include <string.h>

#include "../core/week.h"
#include "bench.h"
#include "query.h"

int styr_period_last_month(const styr_period *p, int *year, int *month)
{
    switch (p->kind) {
    case STYR_P_YEAR: *year = p->year, *month = 12; return 0;
    case STYR_P_QUARTER: *year = p->year, *month = 3 * p->sub; return 0;
    case STYR_P_MONTH:
    case STYR_P_ROLLING12:
    case STYR_P_YTD: *year = p->year, *month = p->sub; return 0;
    case STYR_P_WEEK: *year = styr_week_year(p->last), *month = styr_week_month(p->last); return 0;
    }
    return -1;
}

static void month_period(int y, int m, styr_period *out)
{
    char s[16];
    snprintf(s, sizeof s, "%04dM%02d", y, m);
    if (styr_period_parse(s, out)) memset(out, 0, sizeof *out);
}

static void plan(styr_dev *dv, int y, int m, const styr_period *upto, styr_period *per, int *nper);

void styr_dev_plan(const styr_panel *p, const styr_period *upto, int fig, styr_dev *dv, styr_period *per, int *nper)
{
    memset(dv, 0, sizeof *dv);
    dv->fig = fig;
    dv->wmin = styr_panel_week_min(p);
    dv->wmax = styr_panel_week_max(p);
    *nper = 0;
    styr_period last;
    if (styr_last_whole_month(p, &last)) return;
    plan(dv, last.year, last.sub, upto, per, nper);
}

void styr_dev_plan_weeks(int wmin, int wmax, const styr_period *upto, int fig, styr_dev *dv, styr_period *per,
                         int *nper)
{
    memset(dv, 0, sizeof *dv);
    dv->fig = fig;
    dv->wmin = wmin;
    dv->wmax = wmax;
    *nper = 0;
    if (wmin < 0 || wmax < wmin) return;
    int t = styr_week_year(wmax) * 12 + styr_week_month(wmax) - 1;
    for (int i = 0; i < 2; i++, t--) { /* the month of the last week, or the one before when it is not whole */
        styr_period mp;
        month_period(t / 12, t % 12 + 1, &mp);
        if (mp.kind == STYR_P_MONTH && mp.last <= wmax && mp.first >= wmin) {
            plan(dv, t / 12, t % 12 + 1, upto, per, nper);
            return;
        }
    }
}

static void plan(styr_dev *dv, int y, int m, const styr_period *upto, styr_period *per, int *nper)
{
    int uy, um;
    if (upto && !styr_period_last_month(upto, &uy, &um) && uy * 12 + um < y * 12 + m) y = uy, m = um;
    if (y - 2 < 1990) return; /* the year before the first month must be a period */
    /* the 24 months ending with the anchor, and each a year before */
    for (int i = 0; i < STYR_DEV_MONTHS; i++) {
        int t = y * 12 + (m - 1) - (STYR_DEV_MONTHS - 1 - i);
        month_period(t / 12, t % 12 + 1, &dv->month[i]);
        month_period(t / 12 - 1, t % 12 + 1, &dv->month_prev[i]);
    }
    dv->n = STYR_DEV_MONTHS;
    char s[24];
    snprintf(s, sizeof s, "%04dM%02dAATD", y, m);
    styr_period_parse(s, &dv->ytd);
    snprintf(s, sizeof s, "%04dM%02dAATD", y - 1, m);
    styr_period_parse(s, &dv->ytd_prev);
    /* the months a year before the first twelve are not among the 24 */
    for (int i = 0; i < STYR_DEV_MONTHS; i++) {
        if (i < 12) per[(*nper)++] = dv->month_prev[i];
        per[(*nper)++] = dv->month[i];
    }
    per[(*nper)++] = dv->ytd;
    per[(*nper)++] = dv->ytd_prev;
}

static styr_figval look(const styr_dev *dv, const styr_period *per, int g, styr_dev_lookup get, void *ctx)
{
    if (per->first < dv->wmin || per->last > dv->wmax) return (styr_figval){0, STYR_FV_NONE};
    return get(ctx, per, g);
}

void styr_dev_fill(styr_dev *dv, int g, styr_dev_lookup get, void *ctx)
{
    if (dv->ngroups >= STYR_DEV_MAXGROUPS) return;
    styr_dev_group *x = &dv->grp[dv->ngroups++];
    memset(x, 0, sizeof *x);
    x->g = g;
    for (int i = 0; i < dv->n; i++) {
        x->now[i] = look(dv, &dv->month[i], g, get, ctx);
        x->prev[i] = look(dv, &dv->month_prev[i], g, get, ctx);
    }
    if (dv->n) {
        x->ytd = look(dv, &dv->ytd, g, get, ctx);
        x->ytd_prev = look(dv, &dv->ytd_prev, g, get, ctx);
    }
}

styr_figval styr_dev_change(const styr_dev *dv, styr_figval now, styr_figval prev)
{
    return styr_change(now, prev, styr_figdefs[dv->fig].unit);
}
