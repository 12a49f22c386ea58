/* followup: budget, actual to date, run-rate forecast and drivers. */
#include "followup.h"

#include <math.h>
#include <string.h>

#include "../core/msg.h"
#include "../core/week.h"

static double or0(double v) { return isnan(v) ? 0 : v; }

/* The driver that contributes most in the direction of the departure. */
static void pick_driver(styr_followup *o, double threshold)
{
    o->main_driver = -1;
    o->diff = o->f_total - o->b_total;
    o->diff_pct = o->b_total > 0 ? 100 * o->diff / o->b_total : NAN;
    double best = 0;
    for (int k = 0; k < STYR_NDRIVERS; k++) {
        double v = o->drv[k] * (o->diff < 0 ? -1 : 1);
        if (v > best) best = v, o->main_driver = k;
    }
    o->warn = o->b_total > 0 && fabs(o->diff) > threshold * o->b_total;
}

void styr_followup_compute(const styr_budget *b, const styr_fu_actual *a, int month, double threshold,
                           styr_followup *o)
{
    memset(o, 0, sizeof *o);
    const int W = styr_iso_weeks_in_year(b->aar);
    o->month = month;
    o->weeks_year = W;
    /* the budget */
    int has_ind = !isnan(b->aktivering) && !isnan(b->udgift_tilbud);
    double A_b = has_ind ? b->aktivering / 100 : 0, C = has_ind ? b->udgift_tilbud : 0;
    o->b_fors = b->fuldtid * b->pris;
    o->b_ind = b->fuldtid * A_b * C;
    o->b_adm = or0(b->sagsbehandlere) * or0(b->udgift_sb);
    o->b_total = o->b_fors + o->b_ind + o->b_adm;
    double psum = 0;
    if (!isnan(b->profil[0]))
        for (int i = 0; i < 12; i++) psum += b->profil[i];
    for (int i = 0; i < 12; i++) {
        double share = psum > 0 ? b->profil[i] / psum : (double)a->mweeks[i] / W;
        o->b_month[i] = o->b_total * share;
        if (i < month) o->b_ytd += o->b_month[i];
    }
    /* the actual to date */
    double weeks = 0, active = 0;
    for (int i = 0; i < month; i++) {
        o->weeks_elapsed += a->mweeks[i];
        weeks += a->weeks[i];
        active += a->active[i];
        o->a_fors += a->net[i];
        o->a_month[i] = a->net[i] + a->active[i] / W * C + o->b_adm * a->mweeks[i] / W;
    }
    o->a_ind = active / W * C;
    o->a_adm = o->b_adm * o->weeks_elapsed / W;
    o->a_total = o->a_fors + o->a_ind + o->a_adm;
    o->a_fte = o->weeks_elapsed ? weeks / o->weeks_elapsed : 0;
    o->a_akt = weeks > 0 ? 100 * active / weeks : NAN;
    o->a_persons = a->persons_ytd;
    /* the forecast: the last three months' run rate for the rest of the year */
    o->window = month < 3 ? month : 3;
    double rw = 0, rnet = 0, rweeks = 0, ractive = 0;
    for (int i = month - o->window; i < month; i++) {
        rw += a->mweeks[i];
        rnet += a->net[i];
        rweeks += a->weeks[i];
        ractive += a->active[i];
    }
    double rem = W - o->weeks_elapsed, per = rw > 0 ? rem / rw : 0;
    double f_weeks = weeks + rweeks * per, f_active = active + ractive * per;
    o->f_fors = o->a_fors + rnet * per;
    o->f_fte = f_weeks / W;
    o->f_akt = f_weeks > 0 ? 100 * f_active / f_weeks : NAN;
    o->f_pris = o->f_fte > 0 ? o->f_fors / o->f_fte : NAN;
    o->f_persons = a->persons_ytd + a->persons_new * per;
    o->f_varighed = o->f_persons > 0 ? o->f_fte * W / o->f_persons : NAN;
    o->f_ind = f_active / W * C;
    o->f_adm = o->b_adm;
    o->f_total = o->f_fors + o->f_ind + o->f_adm;
    /* the drivers (they sum to f_total - b_total) */
    double U_b = b->pris + A_b * C;
    if (!isnan(b->personer) && b->personer > 0 && o->f_persons > 0) {
        double r = o->f_persons / b->personer;
        o->drv[STYR_DRV_PERSONER] = (r - 1) * b->fuldtid * U_b;
        o->drv[STYR_DRV_VARIGHED] = (o->f_fte - b->fuldtid * r) * U_b;
    } else {
        o->drv[STYR_DRV_FULDTID] = (o->f_fte - b->fuldtid) * U_b;
    }
    if (has_ind && f_weeks > 0) o->drv[STYR_DRV_AKTIVERING] = o->f_fte * (o->f_akt / 100 - A_b) * C;
    o->drv[STYR_DRV_PRIS] = o->f_fte > 0 ? o->f_fte * (o->f_pris - b->pris) : o->f_fors;
    o->caseload = isnan(b->sagsbehandlere) || b->sagsbehandlere <= 0 ? NAN : o->f_fte / b->sagsbehandlere;
    o->caseload_budget = !isnan(b->sager_pr_sb) ? b->sager_pr_sb
                       : isnan(b->sagsbehandlere) || b->sagsbehandlere <= 0 ? NAN
                                                                           : b->fuldtid / b->sagsbehandlere;
    pick_driver(o, threshold);
}

void styr_followup_add(styr_followup *t, const styr_followup *g)
{
    t->month = g->month;
    t->weeks_year = g->weeks_year;
    t->weeks_elapsed = g->weeks_elapsed;
    t->window = g->window;
    double *dst[] = {&t->b_fors, &t->b_ind, &t->b_adm, &t->b_total, &t->b_ytd, &t->a_fors, &t->a_ind,
                     &t->a_adm, &t->a_total, &t->a_fte, &t->a_persons, &t->f_fors, &t->f_ind, &t->f_adm,
                     &t->f_total, &t->f_fte, &t->f_persons};
    const double *src[] = {&g->b_fors, &g->b_ind, &g->b_adm, &g->b_total, &g->b_ytd, &g->a_fors, &g->a_ind,
                           &g->a_adm, &g->a_total, &g->a_fte, &g->a_persons, &g->f_fors, &g->f_ind, &g->f_adm,
                           &g->f_total, &g->f_fte, &g->f_persons};
    /* activation weighted by full-time recipients (kept in the pct. fields until finish) */
    t->a_akt = or0(t->a_akt) + (isnan(g->a_akt) ? 0 : g->a_akt * g->a_fte);
    t->f_akt = or0(t->f_akt) + (isnan(g->f_akt) ? 0 : g->f_akt * g->f_fte);
    for (size_t i = 0; i < sizeof dst / sizeof dst[0]; i++) *dst[i] += *src[i];
    for (int i = 0; i < 12; i++) {
        t->b_month[i] += g->b_month[i];
        t->a_month[i] += g->a_month[i];
    }
    for (int k = 0; k < STYR_NDRIVERS; k++) t->drv[k] += g->drv[k];
    t->caseload = t->caseload_budget = NAN;
}

void styr_followup_finish(styr_followup *t, double threshold)
{
    t->a_akt = t->a_fte > 0 ? t->a_akt / t->a_fte : NAN;
    t->f_akt = t->f_fte > 0 ? t->f_akt / t->f_fte : NAN;
    t->f_pris = t->f_fte > 0 ? t->f_fors / t->f_fte : NAN;
    t->f_varighed = t->f_persons > 0 ? t->f_fte * t->weeks_year / t->f_persons : NAN;
    pick_driver(t, threshold);
}

enum { CAP_NA = 0, CAP_NODATA = 1, CAP_VALUE = 2 }; /* as styr_loft_state in ws/oevoloft.h */

static void cap_warn(styr_fu_cap *c)
{
    c->warn_b = c->state == CAP_VALUE && c->ind_b > c->cap_b;
    c->warn_f = c->state == CAP_VALUE && c->ind_f > c->cap_f;
}

void styr_fu_cap_group(styr_fu_cap *c, int state, double kr, const styr_budget *b, const styr_followup *f)
{
    memset(c, 0, sizeof *c);
    c->state = state == CAP_VALUE && isnan(kr) ? CAP_NA : state;
    c->kr = c->state == CAP_VALUE ? kr : NAN;
    if (c->state != CAP_VALUE) {
        c->fte_b = c->fte_f = c->cap_b = c->cap_f = c->ind_b = c->ind_a = c->ind_f = NAN;
        return;
    }
    c->fte_b = b->fuldtid;
    c->fte_f = f->f_fte;
    c->cap_b = kr * c->fte_b;
    c->cap_f = kr * c->fte_f;
    c->ind_b = f->b_ind;
    c->ind_a = f->a_ind;
    c->ind_f = f->f_ind;
    cap_warn(c);
}

void styr_fu_cap_total(styr_fu_cap *t, int year_state)
{
    memset(t, 0, sizeof *t);
    t->state = year_state == CAP_VALUE ? CAP_NODATA : year_state; /* VALUE once a target group is added */
    t->kr = NAN;
    if (t->state != CAP_VALUE) t->fte_b = t->fte_f = t->cap_b = t->cap_f = t->ind_b = t->ind_a = t->ind_f = NAN;
}

void styr_fu_cap_add(styr_fu_cap *t, const styr_fu_cap *g)
{
    if (g->state != CAP_VALUE) return;
    if (t->state != CAP_VALUE) {
        t->state = CAP_VALUE;
        t->fte_b = t->fte_f = t->cap_b = t->cap_f = t->ind_b = t->ind_a = t->ind_f = 0;
        t->kr = g->kr;
    } else if (!(t->kr == g->kr)) {
        t->kr = NAN; /* the groups' amounts differ: the total has none */
    }
    t->fte_b += g->fte_b;
    t->fte_f += g->fte_f;
    t->cap_b += g->cap_b;
    t->cap_f += g->cap_f;
    t->ind_b += g->ind_b;
    t->ind_a += g->ind_a;
    t->ind_f += g->ind_f;
    cap_warn(t);
}

const char *styr_driver_name(int driver, double v)
{
    int up = v >= 0;
    switch (driver) {
    case STYR_DRV_PERSONER: return up ? styr_tr("flere personer", "more persons") : styr_tr("færre personer", "fewer persons");
    case STYR_DRV_VARIGHED:
        return up ? styr_tr("længere varighed", "longer duration") : styr_tr("kortere varighed", "shorter duration");
    case STYR_DRV_FULDTID:
        return up ? styr_tr("flere fuldtidspersoner", "more full-time recipients")
                  : styr_tr("færre fuldtidspersoner", "fewer full-time recipients");
    case STYR_DRV_AKTIVERING:
        return up ? styr_tr("højere aktiveringsgrad", "higher activation rate")
                  : styr_tr("lavere aktiveringsgrad", "lower activation rate");
    case STYR_DRV_PRIS:
        return up ? styr_tr("højere pris pr. fuldtidsperson (sats og refusion)",
                            "higher cost per full-time recipient (rate and refusion)")
                  : styr_tr("lavere pris pr. fuldtidsperson (sats og refusion)",
                            "lower cost per full-time recipient (rate and refusion)");
    }
    return "";
}
