/* query: stored counts, the engine, population and discretion into rows. */
#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/week.h"
#include "../ws/catalog.h"
#include "store.h"

int styr_period_pop_year(const styr_period *p) { return styr_week_year(p->last); }

int styr_default_year(const styr_panel *p)
{
    int wmax = styr_panel_week_max(p);
    if (wmax < 0) return 2024;
    int y = styr_week_year(wmax);
    /* the year before when this one is not whole, unless the panel has no week of it
     * (a panel within one year: its year, marked incomplete, rather than a year without data) */
    if (styr_week_from_iso(y, styr_iso_weeks_in_year(y)) > wmax &&
        styr_week_from_iso(y - 1, styr_iso_weeks_in_year(y - 1)) >= styr_panel_week_min(p))
        y--;
    return y;
}

int styr_last_whole_month(const styr_panel *p, styr_period *out)
{
    int wmax = styr_panel_week_max(p);
    if (wmax < 0) return -1;
    int y = styr_week_year(wmax) + 1, m = 12;
    for (int i = 0; i < 36; i++) {
        char s[32];
        snprintf(s, sizeof s, "%04dM%02d", y, m);
        if (!styr_period_parse(s, out) && out->last <= wmax) return 0;
        if (--m == 0) m = 12, y--;
    }
    return -1;
}

int styr_parse_periods(const char *list, styr_period **out, int *n)
{
    *out = NULL;
    *n = 0;
    int cap = 0;
    const char *s = list;
    while (*s) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        char item[64];
        if (len == 0 || len >= sizeof item) goto bad;
        memcpy(item, s, len);
        item[len] = 0;
        char *dots = strstr(item, "..");
        styr_period a, b;
        if (dots) {
            *dots = 0;
            if (styr_period_parse(item, &a) || styr_period_parse(dots + 2, &b) || a.kind != b.kind ||
                b.first < a.first)
                goto bad;
            styr_period *all;
            int m = styr_periods_range(a.kind, a.year, b.year, &all);
            for (int i = 0; i < m; i++) {
                if (all[i].first < a.first || all[i].last > b.last) continue;
                if (*n == cap) *out = styr_xrealloc(*out, (size_t)(cap = cap ? 2 * cap : 64) * sizeof **out);
                (*out)[(*n)++] = all[i];
            }
            free(all);
        } else {
            if (styr_period_parse(item, &a)) goto bad;
            if (*n == cap) *out = styr_xrealloc(*out, (size_t)(cap = cap ? 2 * cap : 64) * sizeof **out);
            (*out)[(*n)++] = a;
        }
        s = e ? e + 1 : s + len;
    }
    return *n ? 0 : -1;
bad:
    free(*out);
    *out = NULL;
    *n = 0;
    return -1;
}

void styr_qresult_free(styr_qresult *r)
{
    if (!r) return;
    styr_pset_free(&r->ps);
    styr_cube_free(&r->cube);
    free(r->computed);
    free(r->pop);
    free(r->ypop);
    styr_pubfig_free(r->pub);
    free(r->outside);
    free(r->rows);
    free(r->span);
    styr_sdc_free(&r->sdc);
    memset(r, 0, sizeof *r);
}

/* A row from the published figures where the panel has no week of the
 * municipality in the period (or where they are asked for): their values,
 * labelled, and "no data" for what they do not carry; with kilde jobindsats
 * and nothing published, no data at all (never the panel's zeros). */
static void public_row(styr_qresult *r, const styr_query *q, int i, int k, int g, styr_figrow *x,
                       const styr_codes *codes, int with_money)
{
    if (q->kilde == STYR_KILDE_PANEL || (q->money && !with_money)) return; /* published tables carry no money */
    if (q->kilde == STYR_KILDE_AUTO && styr_cube_at(&r->cube, i, k, 0)->weeks) return;
    styr_figval v[STYR_NFIG], ak;
    const char *lab = NULL;
    const styr_period *p = &r->ps.p[i];
    if (styr_pubfig_fill(r->pub, x->ydelse, x->kommune, p->first, p->last, v, &ak, &lab)) {
        memcpy(x->v, v, sizeof v);
        double lf = styr_pubfig_labour(r->pub, x->kommune, styr_period_pop_year(p));
        if (ak.state == STYR_FV_NONE) ak = styr_pubfig_ak(v[FIG_FULDTIDSPERSONER], lf);
        x->ak = ak;
        x->has_ak |= lf > 0 || ak.state != STYR_FV_NONE;
        x->kilde = lab;
        x->incomplete = 0;
    } else if (q->kilde == STYR_KILDE_JOBINDSATS || styr_pubfig_covers(r->pub, p->first, p->last)) {
        /* published figures stand in for the panel here, but not for this group or area: no data, not the
         * panel's zeros */
        for (int f = 0; f < STYR_NFIG; f++) x->v[f] = (styr_figval){0, STYR_FV_NONE};
        x->ak = (styr_figval){0, STYR_FV_NONE};
        x->has_ak = 0;
        x->kilde = styr_tr("jobindsats (intet hentet for ydelsen, området og perioden)",
                           "jobindsats (nothing retrieved for the group, area and period)");
        x->incomplete = 0;
    } else {
        return;
    }
    if (g) styr_figures_na(x->v, codes->yd_na[g]);
}

styr_rc styr_query_run(styr_ws *ws, const styr_query *q, styr_qresult *r, styr_diags *d)
{
    memset(r, 0, sizeof *r);
    const styr_panel *p;
    styr_rc rc = styr_ws_panel(ws, &p, d);
    if (rc) return rc;
    const styr_codes *codes = styr_ws_codes(ws);
    if ((rc = styr_pset_build(&r->ps, q->per, q->nper, d))) return rc;
    const int nk = codes->dict.nkom + 1, ng = codes->dict.nyd, np = r->ps.n;
    const int wmin = styr_panel_week_min(p), wmax = styr_panel_week_max(p);
    r->cube = (styr_cube){np, nk, ng, NULL, styr_panel_checksum(p), styr_panel_week_max(p)};
    r->cube.cell = styr_xcalloc((size_t)np * (size_t)nk * (size_t)ng, sizeof *r->cube.cell);
    uint8_t *found = styr_xcalloc((size_t)np, 1);
    r->computed = styr_xcalloc((size_t)np, 1);
    r->money = q->money;
    r->filtered = styr_filter_active(q->filter);
    if (r->filtered) r->filter = *q->filter;
    /* a filter's figures are computed each time (the store holds the unfiltered cube) */
    if (q->use_store && !r->filtered && (rc = styr_store_load(ws, &r->ps, &r->cube, q->money, found, d))) goto out;
    /* compute the periods not stored, in one pass */
    styr_period *missing = styr_xcalloc((size_t)np, sizeof *missing);
    int nm = 0;
    for (int i = 0; i < np; i++)
        if (!found[i]) missing[nm++] = r->ps.p[i];
    if (nm) {
        styr_pset sub;
        styr_cube part;
        styr_rules *rules = NULL;
        if (q->money) {
            rules = styr_xmalloc(sizeof *rules);
            if ((rc = styr_rules_load(ws, rules, d))) {
                free(rules);
                free(missing);
                goto out;
            }
        }
        styr_engine_opts eo = {.threads = q->threads, .rules = rules, .money = rules != NULL,
                               .filter = r->filtered ? &r->filter : NULL};
        if ((rc = styr_pset_build(&sub, missing, nm, d)) || (rc = styr_engine_run(p, codes, &sub, &eo, &part, d))) {
            styr_pset_free(&sub);
            free(rules);
            free(missing);
            goto out;
        }
        for (int i = 0, j = 0; i < np; i++) {
            if (found[i]) continue;
            memcpy(styr_cube_at(&r->cube, i, 0, 0), styr_cube_at(&part, j++, 0, 0),
                   (size_t)nk * (size_t)ng * sizeof(styr_cell));
            r->computed[i] = !r->filtered;
            r->ncomputed += !r->filtered;
        }
        styr_cube_free(&part);
        styr_pset_free(&sub);
        free(rules);
    }
    free(missing);

    /* population of each period's year, per municipality and the country */
    r->pop = styr_xcalloc((size_t)np * (size_t)nk, sizeof *r->pop);
    r->ypop = styr_xcalloc((size_t)np * (size_t)nk, sizeof *r->ypop);
    for (int i = 0; i < np; i++) {
        double *pop = r->pop + (size_t)i * (size_t)nk, *ypop = r->ypop + (size_t)i * (size_t)nk;
        int year = styr_period_pop_year(&r->ps.p[i]);
        if ((rc = styr_cat_population(ws, year, 16, 66, pop, d)) || (rc = styr_cat_population(ws, year, 16, 29, ypop, d)))
            goto out;
        for (int k = 0; k < nk - 1; k++) {
            pop[nk - 1] += pop[k];
            ypop[nk - 1] += ypop[k];
        }
    }

    /* the discretion pattern, and each period's span in it */
    if (r->filtered ? (rc = styr_sdc_get_filtered(ws, q->threads, &r->filter, &r->sdc, &r->sdc_built, d))
                    : (rc = styr_sdc_get(ws, q->threads, &r->sdc, &r->sdc_built, d)))
        goto out;
    r->span = styr_xmalloc((size_t)np * sizeof *r->span);
    for (int i = 0; i < np; i++) r->span[i] = styr_sdc_span(&r->sdc, r->ps.p[i].first, r->ps.p[i].last);

    /* rows: periods in the order asked, then municipalities, then groups */
    r->rows = styr_xcalloc((size_t)np * (size_t)(q->nkom ? q->nkom : 1) * (size_t)(q->ngrp ? q->ngrp : 1),
                           sizeof *r->rows);
    if ((rc = styr_pubfig_load(ws, &r->pub, d))) goto out;
    r->outside = styr_xcalloc((size_t)np, 1);
    for (int i = 0; i < np; i++) r->outside[i] = wmin < 0 || r->ps.p[i].last < wmin || r->ps.p[i].first > wmax;
    int own = styr_ws_egen_kommune(ws);
    r->own_idx = q->intern && own > 0 && own < 1000 ? codes->kom_idx[own] : -1;
    for (int i = 0; i < np; i++)
        for (int a = 0; a < q->nkom; a++)
            for (int b = 0; b < q->ngrp; b++) {
                int k = q->kom[a], g = q->grp[b];
                styr_figrow *x = &r->rows[r->nrows++];
                x->periode = r->ps.p[i].name;
                x->kommune = k == nk - 1 ? 0 : codes->dict.kom[k];
                x->kommunenavn = k == nk - 1 ? styr_tr("Hele landet", "Denmark") : codes->kom_name[k];
                x->ydelse = styr_group_key(codes, g);
                x->ydelsenavn = styr_group_name(codes, g);
                x->cell = styr_cube_at(&r->cube, i, k, g);
                styr_figures_of(x->cell, styr_period_weeks(&r->ps.p[i]), r->pop[(size_t)i * (size_t)nk + (size_t)k],
                                r->ypop[(size_t)i * (size_t)nk + (size_t)k], styr_qresult_hide(r, i, k, g), x->v);
                if (r->outside[i])
                    for (int f = 0; f < STYR_NFIG; f++) x->v[f] = (styr_figval){0, STYR_FV_NONE};
                if (g) styr_figures_na(x->v, styr_group_na(codes, g, r->ps.p[i].last));
                if (r->filtered) {
                    /* a share of the population is a share of everyone 16-66 (16-29 for the
                     * young): fine for visitation and refugees, not for a population we do not
                     * know (an origin, a unit); with unge only the young's share */
                    const styr_filter *f = &r->filter;
                    if (f->opr || f->nenh || f->unge) x->v[FIG_ANDEL] = (styr_figval){0, STYR_FV_NA};
                    if (f->opr || f->nenh) x->v[FIG_U_ANDEL] = (styr_figval){0, STYR_FV_NA};
                }
                x->incomplete = !r->outside[i] && (r->ps.p[i].first < wmin || r->ps.p[i].last > wmax);
                double lf = styr_pubfig_labour(r->pub, x->kommune, styr_period_pop_year(&r->ps.p[i]));
                x->ak = styr_pubfig_ak(x->v[FIG_FULDTIDSPERSONER], lf);
                x->has_ak = lf > 0;
                if (!r->filtered) public_row(r, q, i, k, g, x, codes, 0); /* published tables have no target groups */
                r->any_pub |= x->kilde != NULL;
                r->any_ak |= x->has_ak;
                for (int f = 0; f < STYR_NFIG; f++) x->suppressed |= x->v[f].state == STYR_FV_SUPPRESSED;
            }
out:
    free(found);
    return rc;
}

void styr_qresult_public_rows(styr_qresult *r, const styr_query *q, const styr_codes *codes)
{
    if (!q->money || !r->pub || r->filtered) return;
    const int nk = q->nkom, ng = q->ngrp;
    for (size_t n = 0; n < r->nrows && nk > 0 && ng > 0; n++) {
        int i = (int)(n / ((size_t)nk * (size_t)ng)), k = q->kom[(n / (size_t)ng) % (size_t)nk], g = q->grp[n % (size_t)ng];
        styr_figrow *x = &r->rows[n];
        public_row(r, q, i, k, g, x, codes, 1);
        r->any_pub |= x->kilde != NULL;
        for (int f = 0; f < STYR_NFIG; f++) x->suppressed |= x->v[f].state == STYR_FV_SUPPRESSED;
    }
}

unsigned styr_qresult_hide(const styr_qresult *r, int p, int k, int g)
{
    if (k == r->own_idx) return 0;
    int sp = r->span ? r->span[p] : -1;
    if (sp < 0) return styr_primary_hide(styr_cube_at(&r->cube, p, k, g)); /* outside the panel: empty */
    unsigned h = 0;
    for (int f = 0; f < SDC_NFAM; f++) h |= (unsigned)styr_sdc_suppressed(&r->sdc, (styr_sdc_fam)f, sp, k, g) << f;
    return h;
}

unsigned styr_qresult_hide_set(const styr_qresult *r, int p, const int *kom, int n, int g)
{
    if (n <= 0) return 0;
    if (n == 1) return styr_qresult_hide(r, p, kom[0], g);
    int sp = r->span ? r->span[p] : -1;
    if (sp < 0) return 0; /* outside the panel: empty */
    unsigned h = 0;
    for (int f = 0; f < SDC_NFAM; f++) h |= (unsigned)styr_sdc_set_suppressed(&r->sdc, (styr_sdc_fam)f, sp, kom, n, g) << f;
    return h;
}

styr_rc styr_query_store(const char *wsdir, const styr_qresult *r, styr_diags *d)
{
    if (!r->ncomputed && !r->sdc_built) return STYR_OK;
    styr_ws *ws;
    styr_diags quiet;
    styr_diags_init(&quiet);
    styr_rc rc = styr_ws_open(wsdir, STYR_WS_WRITE, &ws, &quiet);
    styr_diags_free(&quiet);
    if (rc) return STYR_OK; /* busy or read-only: not stored, nothing lost */
    const styr_panel *p;
    rc = styr_ws_panel(ws, &p, d);
    if (!rc && styr_panel_checksum(p) == r->cube.panel_checksum && r->ncomputed)
        rc = styr_store_save(ws, &r->ps, &r->cube, r->computed, r->money, d);
    if (!rc && r->sdc_built && styr_panel_checksum(p) == r->sdc.panel_checksum)
        rc = r->filtered ? styr_sdc_save_filtered(ws, &r->filter, &r->sdc, d) : styr_sdc_save(ws, &r->sdc, d);
    styr_ws_close(ws);
    return rc;
}

styr_rc styr_query_prepare(const char *wsdir, int threads, styr_diags *d)
{
    styr_ws *ws;
    styr_rc rc = styr_ws_open(wsdir, STYR_WS_WRITE, &ws, d);
    if (rc) return rc;
    styr_sdc s;
    int built = 0;
    if (!(rc = styr_sdc_get(ws, threads, &s, &built, d))) {
        if (built) rc = styr_sdc_save(ws, &s, d);
        styr_sdc_free(&s);
    }
    styr_ws_close(ws);
    return rc;
}
