/* money: money figures from counts, their column definitions, the potential. */
#include "money.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

double styr_potential(double own, double reference, double population)
{
    double p = (own - reference) * population;
    return p > 0 ? p : 0;
}

static const styr_figdef base[MONEY_STEP0] = {
    [MONEY_BRUTTO] = {"brutto", "Bruttoudgift (kr.)", "Gross cost (DKK)", "Brutto", "Gross", 0, STYR_U_KR, -1},
    [MONEY_REFUSION] = {"refusion", "Refusion (kr.)", "Reimbursement (DKK)", "Refusion", "Reimb.", 0, STYR_U_KR, 0},
    [MONEY_NETTO] = {"netto", "Kommunal nettoudgift (kr.)", "Municipal net cost (DKK)", "Netto", "Net", 0, STYR_U_KR,
                     -1},
    [MONEY_PR_FTE] = {"netto_pr_fuldtidsperson", "Nettoudgift pr. fuldtidsperson (kr.)",
                      "Net cost per full-time recipient (DKK)", "Pr. fuldtid", "Per FT", 0, STYR_U_KR, -1},
    [MONEY_PR_INDB] = {"netto_pr_indbygger", "Nettoudgift pr. indbygger 16-66 år (kr.)",
                       "Net cost per inhabitant aged 16-66 (DKK)", "Pr. 16-66", "Per 16-66", 0, STYR_U_KR, -1},
    [MONEY_PR_INDB_18_64] = {"netto_pr_indbygger_18_64", "Nettoudgift pr. indbygger 18-64 år (kr.)",
                             "Net cost per inhabitant aged 18-64 (DKK)", "Pr. 18-64", "Per 18-64", 0, STYR_U_KR, -1},
    [MONEY_UDEN_SATS] = {"uger_uden_sats", "Personuger uden sats", "Person-weeks without a rate", "Uden sats",
                         "No rate", 0, STYR_U_COUNT, 0},
};

const styr_figdef *styr_money_base_def(const char *key)
{
    for (int i = 0; i < MONEY_STEP0; i++)
        if (base[i].key && !strcmp(base[i].key, key)) return &base[i];
    return NULL;
}

void styr_money_defs_make(styr_money_defs *m, const styr_rules *r)
{
    memset(m, 0, sizeof *m);
    memcpy(m->def, base, sizeof base);
    for (int k = 0; k < r->nsteps; k++) {
        char span[24];
        if (r->step_hi[k] == INT_MAX) snprintf(span, sizeof span, "%d-", r->step_lo[k]);
        else snprintf(span, sizeof span, "%d-%d", r->step_lo[k], r->step_hi[k]);
        for (int w = 0; w < 2; w++) {
            char (*t)[96] = m->text[2 * k + w];
            styr_figdef *d = &m->def[MONEY_STEP0 + (w ? r->nsteps : 0) + k];
            snprintf(t[0], 96, w ? "uger_trin_%d" : "netto_trin_%d", k + 1);
            snprintf(t[1], 96, w ? "Personuger på trappen, uge %s" : "Nettoudgift, uge %s på trappen (kr.)", span);
            snprintf(t[2], 96, w ? "Person-weeks on the staircase, weeks %s" : "Net cost, weeks %s on the staircase (DKK)",
                     span);
            snprintf(t[3], 96, w ? "Uger %s" : "Netto %s", span);
            *d = (styr_figdef){t[0], t[1], t[2], t[3], t[3], 0, w ? STYR_U_COUNT : STYR_U_KR, 0};
        }
    }
    m->n = MONEY_STEP0 + 2 * r->nsteps;
}

static styr_figval val(double v, int suppress)
{
    if (suppress) return (styr_figval){0, STYR_FV_SUPPRESSED};
    return (styr_figval){v, STYR_FV_OK};
}

static styr_figval per(double num, double den, int suppress)
{
    if (suppress) return (styr_figval){0, STYR_FV_SUPPRESSED};
    if (den <= 0) return (styr_figval){0, STYR_FV_NONE};
    return (styr_figval){num / den, STYR_FV_OK};
}

void styr_money_of(const styr_cell *c, const styr_rules *r, int reg, int pweeks, double pop1666, double pop1864,
                   int suppress, styr_figval *out)
{
    double net = c->net[reg];
    out[MONEY_BRUTTO] = val(c->gross, suppress);
    out[MONEY_REFUSION] = val(c->gross - net, suppress);
    out[MONEY_NETTO] = val(net, suppress);
    out[MONEY_PR_FTE] = per(net, (double)c->weeks / pweeks, suppress);
    out[MONEY_PR_INDB] = per(net, pop1666, suppress);
    out[MONEY_PR_INDB_18_64] = per(net, pop1864, suppress);
    out[MONEY_UDEN_SATS] = val(c->weeks_norate, suppress);
    /* the steps belong to the trappe regime (and to auto, where it is in force) */
    int steps = reg == r->trappe_regime || reg == r->nreg;
    for (int k = 0; k < r->nsteps; k++) {
        if (!steps) {
            out[MONEY_STEP0 + k] = out[MONEY_STEP0 + r->nsteps + k] = (styr_figval){0, STYR_FV_NONE};
            continue;
        }
        out[MONEY_STEP0 + k] = val(c->net_step[k], suppress);
        out[MONEY_STEP0 + r->nsteps + k] = val(c->weeks_step[k], suppress);
    }
}
