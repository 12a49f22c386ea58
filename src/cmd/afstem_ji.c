/* styr afstem --kilde jobindsats: styr's own key figures from the panel
 * beside jobindsats.dk's for the same municipality, group and period (the
 * a02 tables: persons, full-time persons, share of the population), with the
 * difference, flagged where it exceeds a threshold in pct. of jobindsats'
 * value. Only pairs where both are values are compared; the rest are
 * counted (one side missing, or hidden by discretion). */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/pubfig.h"
#include "../calc/query.h"
#include "../core/num.h"
#include "../out/figout.h"
#include "../out/outfile.h"
#include "../out/table.h"
#include "cli.h"
#include "cmds.h"
#include "select.h"

static const int compared[] = {FIG_FULDTIDSPERSONER, FIG_PERSONER, FIG_ANDEL};
#define NCMP ((int)(sizeof compared / sizeof compared[0]))

typedef struct pair {
    const styr_figrow *row;
    int fig;
    double styr, ji;
    double diff, pct; /* pct: NAN when jobindsats' value is 0 */
    int flag;
    const char *kilde;
} pair;

/* The difference in pct. of jobindsats' value; over the threshold is a flag
 * (a value against a published 0 always is). */
static void judge(pair *p, double taerskel)
{
    p->diff = p->styr - p->ji;
    p->pct = p->ji != 0 ? 100.0 * p->diff / fabs(p->ji) : NAN;
    p->flag = p->ji != 0 ? fabs(p->pct) > taerskel : p->styr != 0;
}

static void print_table(const pair *v, size_t n, const styr_period *per, double taerskel, size_t nflag,
                        size_t only_styr, size_t only_ji, size_t hidden)
{
    char a[48], b[48], c[48], d[48], t[32];
    printf(styr_tr("Afstemning af styrs nøgletal mod jobindsats.dk, %s\n\n", "styr's key figures against jobindsats.dk, %s\n\n"),
           per->name);
    styr_fmt_num(t, sizeof t, taerskel, taerskel == styr_round(taerskel, 0) ? 0 : 1);
    printf(styr_tr("%s sammenligninger; %s afviger mere end %s pct. af jobindsats' tal (markeret !).\n",
                   "%s comparisons; %s differ by more than %s pct. of jobindsats' figure (marked !).\n"),
           styr_fmt_int(a, sizeof a, (long long)n), styr_fmt_int(b, sizeof b, (long long)nflag), t);
    printf(styr_tr("Ikke sammenlignet: %s kun i styr, %s kun hos jobindsats, %s skjult af diskretion.\n",
                   "Not compared: %s only in styr, %s only at jobindsats, %s hidden by discretion.\n"),
           styr_fmt_int(a, sizeof a, (long long)only_styr), styr_fmt_int(b, sizeof b, (long long)only_ji),
           styr_fmt_int(c, sizeof c, (long long)hidden));
    if (!n) return;
    printf("\n");
    styr_table *tb = styr_table_new(8, "lllrrrrl");
    const char *h[8] = {styr_tr("Kommune", "Municipality"), styr_tr("Ydelse", "Benefit group"),
                        styr_tr("Nøgletal", "Key figure"),  "styr",
                        "jobindsats",                       styr_tr("Forskel", "Difference"),
                        styr_tr("Forskel %", "Difference %"), ""};
    styr_table_row(tb, h);
    for (size_t i = 0; i < n; i++) {
        const pair *p = &v[i];
        const styr_figdef *fd = &styr_figdefs[p->fig];
        int dec = fd->unit == STYR_U_COUNT ? 0 : fd->decimals;
        styr_fmt_num(a, sizeof a, p->styr, dec);
        styr_fmt_num(b, sizeof b, p->ji, dec);
        styr_fmt_num(c, sizeof c, p->diff, dec);
        if (isnan(p->pct)) snprintf(d, sizeof d, "-");
        else styr_fmt_num(d, sizeof d, p->pct, 1);
        const char *row[8] = {p->row->kommunenavn, p->row->ydelsenavn, styr_tr(fd->da, fd->en), a, b, c, d,
                              p->flag ? "!" : ""};
        styr_table_row(tb, row);
    }
    styr_table_print(tb, stdout);
    styr_table_free(tb);
    printf("\n%s\n", styr_tr("Forskel = styr - jobindsats. Forskel % = i pct. af jobindsats' tal (- når det er 0). "
                             "jobindsats tæller efter sine egne regler (bl.a. fuldtidspersoner efter udbetalte timer), "
                             "så små forskelle er ventede.",
                             "Difference = styr - jobindsats. Difference % = in pct. of jobindsats' figure (- when it is "
                             "0). jobindsats counts by its own rules (e.g. full-time persons by hours paid), so small "
                             "differences are expected."));
    for (size_t i = 0; i < n; i++) {
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++) seen = !strcmp(v[j].kilde, v[i].kilde);
        if (!seen) printf("%s: %s\n", styr_tr("Kilde", "Source"), v[i].kilde);
    }
}

static void print_csv(const pair *v, size_t n, const styr_period *per)
{
    fputs("\xEF\xBB\xBF", stdout);
    printf("%s\r\n", styr_tr("Periode;Kommune;Kommunenavn;Ydelse;Noegletal;styr;jobindsats;Forskel;Forskel pct;Afviger;Kilde",
                             "Period;Municipality;Municipality name;Benefit group;Key figure;styr;jobindsats;Difference;"
                             "Difference pct;Differs;Source"));
    for (size_t i = 0; i < n; i++) {
        const pair *p = &v[i];
        int dec = styr_figdefs[p->fig].unit == STYR_U_COUNT ? 0 : styr_figdefs[p->fig].decimals;
        printf("%s;%d;", per->name, p->row->kommune);
        styr_csv_text(stdout, p->row->kommunenavn);
        printf(";%s;%s;", p->row->ydelse, styr_figdefs[p->fig].key);
        styr_csv_number(stdout, p->styr, dec);
        fputc(';', stdout);
        styr_csv_number(stdout, p->ji, dec);
        fputc(';', stdout);
        styr_csv_number(stdout, p->diff, dec);
        fputc(';', stdout);
        styr_csv_number(stdout, p->pct, 1); /* empty when NaN */
        printf(";%s;", p->flag ? styr_tr("ja", "yes") : styr_tr("nej", "no"));
        styr_csv_text(stdout, p->kilde);
        fputs("\r\n", stdout);
    }
}

static int print_json(const pair *v, size_t n, const styr_period *per, double taerskel, size_t nflag,
                      size_t only_styr, size_t only_ji, size_t hidden)
{
    json_t *o = json_object(), *rows = json_array();
    json_object_set_new(o, "periode", json_string(per->name));
    json_object_set_new(o, "taerskel_pct", json_real(taerskel));
    json_object_set_new(o, "sammenligninger", json_integer((json_int_t)n));
    json_object_set_new(o, "afviger", json_integer((json_int_t)nflag));
    json_object_set_new(o, "kun_styr", json_integer((json_int_t)only_styr));
    json_object_set_new(o, "kun_jobindsats", json_integer((json_int_t)only_ji));
    json_object_set_new(o, "diskretion", json_integer((json_int_t)hidden));
    for (size_t i = 0; i < n; i++) {
        const pair *p = &v[i];
        json_t *x = json_object();
        json_object_set_new(x, "kommune", json_integer(p->row->kommune));
        json_object_set_new(x, "kommunenavn", json_string(p->row->kommunenavn));
        json_object_set_new(x, "ydelse", json_string(p->row->ydelse));
        json_object_set_new(x, "figur", json_string(styr_figdefs[p->fig].key));
        json_object_set_new(x, "styr", json_real(styr_round(p->styr, 6)));
        json_object_set_new(x, "jobindsats", json_real(styr_round(p->ji, 6)));
        json_object_set_new(x, "forskel", json_real(styr_round(p->diff, 6)));
        json_object_set_new(x, "forskel_pct", isnan(p->pct) ? json_null() : json_real(styr_round(p->pct, 2)));
        json_object_set_new(x, "afviger", json_boolean(p->flag));
        json_object_set_new(x, "kilde", json_string(p->kilde));
        json_array_append_new(rows, x);
    }
    json_object_set_new(o, "raekker", rows);
    return styr_json_write(stdout, o);
}

int styr_afstem_jobindsats(styr_cli *cli, const char *periode, int kommune, const char *ydelse, double taerskel,
                           int intern, styr_format fmt)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_pubfig *pf = NULL;
    styr_qresult res;
    memset(&res, 0, sizeof res);
    styr_query q = {.use_store = 1, .intern = intern, .kilde = STYR_KILDE_PANEL};
    pair *v = NULL;
    int e = STYR_EXIT_OK;
    char def[16], kl[16];
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (!rc) rc = styr_pubfig_load(ws, &pf, &d);
    if (rc) goto fail;
    if (!styr_pubfig_any(pf)) {
        fprintf(stderr, "%s\n",
                styr_tr("styr afstem: arbejdsområdet har ingen tal fra jobindsats.dk at afstemme mod (styr import eller "
                        "styr hent jobindsats).",
                        "styr afstem: the workspace has no figures from jobindsats.dk to reconcile with (styr import or "
                        "styr hent jobindsats)."));
        e = STYR_EXIT_INPUT;
        goto out;
    }
    if (!periode && !styr_pubfig_latest(pf, def, sizeof def)) periode = def;
    if (kommune) snprintf(kl, sizeof kl, "%d", kommune);
    if ((e = styr_select_query(ws, p, "afstem", kommune ? kl : "alle,land", ydelse, periode, 0, &q))) goto out;
    if (!styr_pubfig_covers(pf, q.per[0].first, q.per[0].last)) {
        fprintf(stderr,
                styr_tr("styr afstem: jobindsats-tallene har ikke perioden %s; vælg en, der er hentet (styr info viser "
                        "dem).\n",
                        "styr afstem: the jobindsats figures do not have the period %s; choose one retrieved (styr info "
                        "lists them).\n"),
                q.per[0].name);
        e = STYR_EXIT_INPUT;
        goto out;
    }
    if ((rc = styr_query_run(ws, &q, &res, &d))) goto fail;
    size_t n = 0, nflag = 0, only_styr = 0, only_ji = 0, hidden = 0;
    v = calloc(res.nrows * NCMP + 1, sizeof *v);
    if (!v) {
        rc = styr_diag_sys(&d, STYR_ENOMEM, "afstem");
        goto fail;
    }
    /* only the groups jobindsats has for the period take part */
    int8_t grp_has[256];
    memset(grp_has, -1, sizeof grp_has);
    for (size_t r = 0; r < res.nrows; r++) {
        const styr_figrow *x = &res.rows[r];
        const styr_period *per = &res.ps.p[0];
        int gi = (int)(r % (size_t)q.ngrp);
        if (gi < 256 && grp_has[gi] < 0) grp_has[gi] = (int8_t)styr_pubfig_has_group(pf, x->ydelse, per->first, per->last);
        if (gi < 256 && !grp_has[gi]) continue;
        styr_figval pv[STYR_NFIG], ak;
        const char *lab = NULL;
        int has = styr_pubfig_fill(pf, x->ydelse, x->kommune, per->first, per->last, pv, &ak, &lab);
        for (int i = 0; i < NCMP; i++) {
            int f = compared[i];
            styr_figval s = x->v[f], j = has ? pv[f] : (styr_figval){0, STYR_FV_NONE};
            if (s.state == STYR_FV_NA) continue;
            if (s.state == STYR_FV_SUPPRESSED || j.state == STYR_FV_SUPPRESSED) {
                hidden += s.state != STYR_FV_NONE || j.state != STYR_FV_NONE;
                continue;
            }
            if (s.state != STYR_FV_OK || j.state != STYR_FV_OK) {
                only_styr += s.state == STYR_FV_OK;
                only_ji += j.state == STYR_FV_OK;
                continue;
            }
            pair *y = &v[n++];
            *y = (pair){x, f, s.v, j.v, 0, 0, 0, lab};
            judge(y, taerskel);
            nflag += y->flag;
        }
    }
    int ok = 1;
    if (fmt == STYR_FMT_CSV) print_csv(v, n, &res.ps.p[0]);
    else if (fmt == STYR_FMT_JSON) ok = !print_json(v, n, &res.ps.p[0], taerskel, nflag, only_styr, only_ji, hidden);
    else print_table(v, n, &res.ps.p[0], taerskel, nflag, only_styr, only_ji, hidden);
    if (!ok || fflush(stdout)) e = STYR_EXIT_SYSTEM;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    free(v);
    styr_qresult_free(&res);
    styr_select_free(&q);
    styr_pubfig_free(pf);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return e;
}
