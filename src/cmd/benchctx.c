/* benchctx: the municipality, period, counts and cluster of a benchmark command. */
#include "benchctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/y30r21.h"
#include "../core/mem.h"
#include "select.h"

int styr_bctx_open(styr_cli *cli, const char *cmd, long long kommune, int intern, const char *periode, styr_bctx *x,
                   styr_diags *d)
{
    memset(x, 0, sizeof *x);
    x->p1 = -1;
    if (periode && styr_period_parse(periode, &x->per)) return styr_cli_bad_option(cmd, "--periode", periode);
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &x->ws, d);
    if (!rc) rc = styr_ws_panel(x->ws, &x->p, d);
    if (rc) return styr_cli_fail(cli, rc, d);
    x->codes = styr_ws_codes(x->ws);
    int own = styr_ws_egen_kommune(x->ws);
    if (!kommune) kommune = own;
    x->k = kommune > 0 && kommune < 1000 ? x->codes->kom_idx[kommune] : -1;
    if (x->k < 0) {
        if (!kommune) {
            styr_cli_no_kommune(cmd);
            return STYR_EXIT_USAGE;
        }
        char v[16];
        snprintf(v, sizeof v, "%lld", kommune);
        return styr_cli_bad_option(cmd, "--kommune", v);
    }
    x->kommune = (int)kommune;
    if (intern && kommune != own) {
        return styr_cli_intern_denied(cmd);
    }
    x->intern = intern;
    if (!periode) {
        char yb[16];
        styr_select_default_period(x->ws, x->p, STYR_KILDE_AUTO, yb, sizeof yb);
        styr_period_parse(yb, &x->per);
    }
    int e = styr_select_in_source(cmd, x->ws, x->p, &x->per, 1, STYR_KILDE_AUTO);
    if (e) return e;
    x->has_prev = !styr_period_year_before(&x->per, &x->prev);
    return -1;
}

int styr_bctx_load(styr_cli *cli, const char *cmd, styr_bctx *x, const styr_period *extra, int nextra, int money,
                   styr_diags *d)
{
    styr_period *per = styr_xmalloc((size_t)(nextra + 2) * sizeof *per);
    int n = 0;
    per[n++] = x->per;
    if (x->has_prev) per[n++] = x->prev;
    for (int i = 0; i < nextra; i++) per[n++] = extra[i];
    styr_rc rc = styr_bdata_load(x->ws, per, n, money, x->intern ? x->k : -1, 0, &x->b, d);
    free(per);
    if (!rc) rc = styr_cat_clusters(x->ws, styr_period_pop_year(&x->per), &x->cl, d);
    if (rc) return styr_cli_fail(cli, rc, d);
    x->p0 = styr_bctx_period(x, x->per.name);
    x->p1 = x->has_prev ? styr_bctx_period(x, x->prev.name) : -1;
    if (x->forventet) {
        rc = styr_y30_comparable(x->ws, x->codes, x->k, x->in, x->y30_periode, &x->nin, d);
        if (rc) return styr_cli_fail(cli, rc, d);
        if (!x->nin) {
            fprintf(stderr, "styr %s: %s\n", cmd,
                    styr_msg_text(M_BM_NEED_SHARE));
            return STYR_EXIT_USAGE;
        }
        snprintf(x->klynge_navn, sizeof x->klynge_navn,
                 styr_tr("de %d kommuner, hvis forventede andel ligger nærmest (jobindsats Y30R21, %s)",
                         "the %d municipalities whose expected share is nearest (jobindsats Y30R21, %s)"),
                 x->nin - 1, x->y30_periode);
        return -1;
    }
    x->nin = styr_cluster_members(x->cl.of, x->b.nk, x->k, x->in);
    if (x->nin) snprintf(x->klynge_navn, sizeof x->klynge_navn, "%s", x->cl.name[x->cl.of[x->k]]);
    if (!x->nin) {
        fprintf(stderr, "styr %s: %s\n", cmd,
                styr_tr("kommunen er ikke i nogen klynge det år", "the municipality is in no cluster that year"));
        return STYR_EXIT_USAGE;
    }
    return -1;
}

int styr_bctx_klynge_opt(const char *cmd, const char *value, int *forventet)
{
    if (strcmp(value, "forventet")) {
        fprintf(stderr, "styr %s: --klynge '%s': %s\n", cmd, value,
                styr_msg_text(M_BM_KLYNGE_ONLY));
        return STYR_EXIT_USAGE;
    }
    *forventet = 1;
    return 0;
}

int styr_bctx_period(const styr_bctx *x, const char *name)
{
    for (int i = 0; i < x->b.res.ps.n; i++)
        if (!strcmp(x->b.res.ps.p[i].name, name)) return i;
    return -1;
}

int styr_bctx_close(styr_cli *cli, styr_bctx *x, int e, styr_diags *d)
{
    styr_ws_close(x->ws);
    x->ws = NULL;
    if (e == STYR_EXIT_OK && x->b.res.ncomputed) {
        styr_rc rc = styr_cli_store(cli, &x->b.res, d);
        if (rc) e = styr_cli_fail(cli, rc, d);
    }
    styr_bdata_free(&x->b);
    return e;
}

int styr_bctx_sources(const styr_bctx *x, const char **out, int cap)
{
    int n = 0;
    static const int figs[2] = {FIG_ANDEL, FIG_FULDTIDSPERSONER};
    for (int pi = 0; pi < 2; pi++) {
        int p = pi ? x->p1 : x->p0;
        if (p < 0) continue;
        for (int j = 0; j < x->b.nk; j++) {
            if (j != x->k && !x->in[j]) continue;
            for (int g = 0; g < x->codes->dict.nyd; g++)
                for (int fi = 0; fi < 2; fi++) {
                    styr_metric m = {&styr_figdefs[figs[fi]], figs[fi], -1};
                    const char *s = styr_bdata_kilde(&x->b, &m, p, j, g);
                    int dup = !s;
                    for (int i = 0; i < n && !dup; i++) dup = !strcmp(out[i], s);
                    if (!dup && n < cap) out[n++] = s;
                }
        }
    }
    return n;
}

void styr_bctx_print_sources(FILE *f, const styr_bctx *x)
{
    const char *src[32];
    int n = styr_bctx_sources(x, src, 32);
    if (!n) return;
    fprintf(f, "%s", styr_tr("Offentlige tal (hvor panelet ikke har kommunen i perioden): ",
                             "Published figures (where the panel does not have the municipality in the period): "));
    for (int i = 0; i < n; i++) fprintf(f, "%s%s", i ? "; " : "", src[i]);
    fputs(".\n", f);
    if (styr_panel_week_min(x->p) < 0)
        fprintf(f, "%s\n", styr_tr("Varighed, langvarige, aktiveringsgrad og job efter forløbet (hurtigere og fastholdt i "
                                   "job) kræver personpanel.",
                                   "Duration, long-term, activation and work after the spell (faster into and kept in "
                                   "work) need a person panel."));
}
