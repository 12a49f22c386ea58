/* reportmaal: computing the report's target-group section (reportmaal.h). */
#include "reportmaal.h"

#include <string.h>

#include "../calc/filter.h"

/* Whether any run carries a visitation, any person a year of arrival. */
static void carried(const styr_cols *c, int *vis, int *indrejst)
{
    *vis = *indrejst = 0;
    for (uint64_t r = 0; r < c->nruns && !*vis; r++) *vis = styr_run_vis(c, r) != 0;
    for (uint64_t i = 0; i < c->npersons && !*indrejst; i++) *indrejst = styr_person_indrejst(c, i) != 0;
}

styr_rc styr_rp_maal_fill(const styr_bctx *x, int threads, styr_rp_maal *out, styr_bdata *keep, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    if (!x->p || styr_panel_week_min(x->p) < 0) return STYR_OK;
    int vis, indrejst;
    carried(styr_panel_cols(x->p), &vis, &indrejst);
    styr_filter f[STYR_RP_NMAAL] = {{.unge = 1}, {.vis = 1u << STYR_VIS_AKTIVITETSPARAT}, {.flygtninge = 1}};
    const int known[STYR_RP_NMAAL] = {1, vis, indrejst};
    styr_period per[2] = {x->per, x->prev};
    int nper = x->has_prev ? 2 : 1;
    for (int i = 0; i < STYR_RP_NMAAL; i++) {
        styr_rp_maalrow *w = &out->row[i];
        if (!(w->known = known[i])) continue;
        styr_bdata *bp = &keep[i], b;
        styr_rc rc = styr_bdata_load_filtered(x->ws, per, nper, 0, x->intern ? x->k : -1, threads, &f[i], bp, d);
        if (rc) return rc;
        b = *bp;
        const int figs[3] = {FIG_FULDTIDSPERSONER, FIG_JOB_3MDR, i == STYR_RP_UNGE ? FIG_U_ANDEL : FIG_ANDEL};
        for (int j = 0; j < 3; j++) {
            styr_metric m = {&styr_figdefs[figs[j]], figs[j], -1};
            styr_bench bb;
            styr_bench_make(&b, &m, 0, nper > 1 ? 1 : -1, x->k, 0, x->in, &bb);
            if (j == 0) {
                w->fte = bb.own, w->fte_cl = bb.level, w->dev = bb.dev_own, w->dev_cl = bb.dev_level;
            } else if (j == 1) {
                w->job3 = bb.own, w->job3_cl = bb.level;
            } else {
                w->andel = bb.own, w->andel_cl = bb.level;
            }
        }
    }
    out->present = 1;
    return STYR_OK;
}
