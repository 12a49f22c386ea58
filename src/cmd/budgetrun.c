/* budgetrun: the budget follow-up of one municipality through a month. */
#include "budgetrun.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/week.h"
#include "../ws/oevoloft.h"

styr_rc styr_fu_run_compute(styr_ws *ws, int k, const styr_period *month_p, double threshold, int open, styr_fu_run *r,
                            int *found, styr_diags *d)
{
    memset(r, 0, sizeof *r);
    *found = 0;
    const styr_codes *codes = styr_ws_codes(ws);
    const int code = codes->dict.kom[k];
    const styr_period month = *month_p;
    styr_budget *bud = NULL;
    styr_fu_row *rows = NULL;
    styr_rules *rules = styr_xcalloc(1, sizeof *rules);
    size_t nb = 0;
    int *grp = NULL;
    styr_rc rc = styr_rules_load(ws, rules, d);
    if (rc) goto out;
    const int year = month.year, m = month.sub;
    if ((rc = styr_budget_load(ws, code, year, &bud, &nb, d)) || !nb) goto out;
    *found = 1;
    styr_oevo_loft loft;
    if ((rc = styr_oevo_loft_get(ws, year, &loft, d))) goto out;
    snprintf(r->loft_kilde, sizeof r->loft_kilde, "%s", loft.kilde);
    /* the months so far, the year to date, and the year to date three months ago */
    styr_period per[15];
    int np = 0;
    char s[32];
    for (int i = 1; i <= m; i++) {
        snprintf(s, sizeof s, "%04dM%02d", year, i);
        styr_period_parse(s, &per[np++]);
    }
    int ytd = np, before = -1;
    snprintf(s, sizeof s, "%04dM%02dAATD", year, m);
    styr_period_parse(s, &per[np++]);
    if (m > 3) {
        snprintf(s, sizeof s, "%04dM%02dAATD", year, m - 3);
        before = np;
        styr_period_parse(s, &per[np++]);
    }
    grp = styr_xcalloc(nb, sizeof *grp);
    for (size_t i = 0; i < nb; i++) grp[i] = bud[i].grp;
    styr_query q = {.kom = &k, .nkom = 1, .grp = grp, .ngrp = (int)nb, .per = per, .nper = np, .use_store = 1,
                    .money = 1};
    if ((rc = styr_query_run(ws, &q, &r->res, d))) goto out;
    int mweeks[12];
    for (int i = 1; i <= 12; i++) {
        styr_period x;
        snprintf(s, sizeof s, "%04dM%02d", year, i);
        styr_period_parse(s, &x);
        mweeks[i - 1] = styr_period_weeks(&x);
    }
    r->rows = rows = styr_xcalloc(nb + 1, sizeof *rows);
    styr_fu_row *tot = &rows[nb];
    tot->ydelse = "i_alt";
    tot->navn = styr_tr("I alt", "Total");
    styr_fu_cap_total(&tot->cap, (int)loft.state);
    double sum_akt = 0, akt_fte = 0;
    int any_persons = 1;
    for (size_t i = 0; i < nb; i++) {
        styr_fu_row *x = &rows[i];
        const int g = bud[i].grp;
        styr_fu_actual a;
        memset(&a, 0, sizeof a);
        memcpy(a.mweeks, mweeks, sizeof mweeks);
        for (int j = 0; j < m; j++) {
            const styr_cell *c = styr_cube_at(&r->res.cube, j, k, g);
            a.weeks[j] = c->weeks;
            a.active[j] = c->active;
            a.net[j] = c->net[rules->nreg];
        }
        const styr_cell *cy = styr_cube_at(&r->res.cube, ytd, k, g);
        a.persons_ytd = cy->persons;
        a.persons_new = before >= 0 ? cy->persons - styr_cube_at(&r->res.cube, before, k, g)->persons
                                    : cy->started_p < cy->persons ? cy->started_p : cy->persons;
        x->ydelse = codes->dict.yd[g];
        x->navn = styr_lang_get() == STYR_LANG_EN ? codes->yd_name_en[g] : codes->yd_name[g];
        x->b = bud[i];
        styr_followup_compute(&bud[i], &a, m, threshold, &x->f);
        styr_fu_cap_group(&x->cap, (int)loft.state, loft.kr[g], &bud[i], &x->f);
        styr_fu_cap_add(&tot->cap, &x->cap);
        /* the discretion pattern of every period the row shows (the months, the year to
         * date and the year to date three months before), for the level and the money */
        unsigned hide = 0;
        for (int j = 0; j < np; j++) hide |= styr_qresult_hide(&r->res, j, k, g);
        x->suppressed = !open && (hide & (1u << SDC_LEVEL | 1u << SDC_MONEY)) != 0;
        tot->suppressed |= x->suppressed;
        styr_followup_add(&tot->f, &x->f);
        /* the total's assumptions: sums, the activation weighted by full-time recipients */
        tot->b.fuldtid += bud[i].fuldtid;
        if (isnan(bud[i].personer)) any_persons = 0;
        else tot->b.personer += bud[i].personer;
        if (!isnan(bud[i].aktivering)) sum_akt += bud[i].aktivering * bud[i].fuldtid, akt_fte += bud[i].fuldtid;
        tot->b.sagsbehandlere = NAN;
    }
    styr_followup_finish(&tot->f, threshold);
    const int W = styr_iso_weeks_in_year(year);
    if (!any_persons) tot->b.personer = NAN;
    tot->b.varighed = tot->b.personer > 0 ? tot->b.fuldtid * W / tot->b.personer : NAN;
    tot->b.aktivering = akt_fte > 0 ? sum_akt / akt_fte : NAN;
    tot->b.pris = tot->b.fuldtid > 0 ? tot->f.b_fors / tot->b.fuldtid : NAN;
    r->rep = (styr_fu_report){.kommune = code, .kommunenavn = codes->kom_name[k], .aar = year, .month = m,
                              .threshold = threshold, .loft_state = (int)loft.state,
                              .loft_kilde = r->loft_kilde, .rows = rows, .n = nb + 1};
out:
    free(bud);
    free(grp);
    free(rules);
    return rc;
}

void styr_fu_run_free(styr_fu_run *r)
{
    styr_qresult_free(&r->res);
    free(r->rows);
    memset(r, 0, sizeof *r);
}
