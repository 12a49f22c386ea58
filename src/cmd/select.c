/* select: parsing the --kommune and --ydelse lists every figures command takes. */
#include "select.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/msg.h"
#include "../core/week.h"
#include "../ws/public.h"
#include "cli.h"

/* Parse --kommune: codes, "alle", "land"; indexes into *out. */
int styr_select_kommuner(const styr_codes *c, const char *list, int **out, int *n)
{
    int nk = c->dict.nkom, cap = nk + 1;
    int *v = malloc((size_t)cap * sizeof *v);
    uint8_t seen[STYR_MAX_KOMMUNER + 1] = {0};
    *n = 0;
    const char *s = list;
    while (*s) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        char item[32];
        if (!len || len >= sizeof item) { free(v); return -1; }
        memcpy(item, s, len);
        item[len] = 0;
        if (!strcasecmp(item, "alle")) {
            for (int k = 0; k < nk; k++)
                if (!seen[k]) { seen[k] = 1; v[(*n)++] = k; }
        } else if (!strcasecmp(item, "land") || !strcasecmp(item, "hele-landet") || !strcmp(item, "0")) {
            if (!seen[nk]) { seen[nk] = 1; v[(*n)++] = nk; }
        } else {
            int k = styr_codes_kommune(c, item, len);
            if (k < 0) { free(v); return -1; }
            if (!seen[k]) { seen[k] = 1; v[(*n)++] = k; }
        }
        s = e ? e + 1 : s + len;
    }
    *out = v;
    return *n ? 0 : -1;
}

int styr_select_ydelser(const styr_codes *c, const char *list, int **out, int *n)
{
    int ng = c->dict.nyd;
    int *v = malloc((size_t)(ng + 1) * sizeof *v);
    uint8_t seen[STYR_MAX_CODES] = {0};
    *n = 0;
    const char *s = list;
    while (*s) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        int from, to; /* the groups this item names */
        if (len == 4 && !strncmp(s, "alle", 4)) from = 0, to = ng - 1;
        else if ((len == 5 && !strncmp(s, "i_alt", 5)) || (len == 22 && !strncmp(s, "offentligt_forsoergede", 22)))
            from = to = 0;
        else if ((from = to = styr_codes_ydelse(c, s, len)) <= 0) {
            free(v);
            return -1;
        }
        /* "alle" lists the groups first and "i alt" last */
        for (int k = from; k <= to; k++) {
            int g = from == 0 && to > 0 ? (k + 1) % ng : k;
            /* "alle" is the benefit groups: education (SU, no public support) only when named */
            if (from == 0 && to > 0 && g && !c->yd_public[g]) continue;
            if (!seen[g]) { seen[g] = 1; v[(*n)++] = g; }
        }
        s = e ? e + 1 : s + len;
    }
    *out = v;
    return *n ? 0 : -1;
}


int styr_select_query(styr_ws *ws, const styr_panel *p, const char *cmd, const char *kl, const char *yl,
                      const char *pl, int table, styr_query *q)
{
    const styr_codes *codes = styr_ws_codes(ws);
    int own = styr_ws_egen_kommune(ws), *kom = NULL, *grp = NULL, nk = 0, ng = 0, np = 0, e;
    styr_period *per = NULL;
    if (q->intern && !own) {
        fprintf(stderr, "styr %s: %s\n", cmd,
                styr_tr("--intern kræver en egen kommune (styr init --kommune)",
                        "--intern needs an own municipality (styr init --kommune)"));
        return STYR_EXIT_USAGE;
    }
    char def_k[16], def_p[16];
    if (!kl) {
        if (!table) kl = "alle,land";
        else if (own) snprintf(def_k, sizeof def_k, "%d", own), kl = def_k;
        else kl = "land";
    }
    if (!pl) styr_select_default_period(ws, p, q->kilde, def_p, sizeof def_p), pl = def_p;
    if (styr_select_kommuner(codes, kl, &kom, &nk)) return styr_cli_bad_option(cmd, "--kommune", kl);
    if (styr_select_ydelser(codes, yl ? yl : "alle", &grp, &ng)) {
        free(kom);
        return styr_cli_bad_option(cmd, "--ydelse", yl);
    }
    if (styr_parse_periods(pl, &per, &np)) {
        free(kom);
        free(grp);
        return styr_cli_bad_option(cmd, "--periode", pl);
    }
    if ((e = styr_select_in_source(cmd, ws, p, per, np, q->kilde))) {
        free(kom);
        free(grp);
        free(per);
        return e;
    }
    q->kom = kom;
    q->nkom = nk;
    q->grp = grp;
    q->ngrp = ng;
    q->per = per;
    q->nper = np;
    return STYR_EXIT_OK;
}

void styr_select_free(styr_query *q)
{
    free((void *)q->kom);
    free((void *)q->grp);
    free((void *)q->per);
    q->kom = q->grp = NULL;
    q->per = NULL;
}

void styr_select_span_text(const styr_panel *p, char *buf, size_t cap)
{
    int w0 = styr_panel_week_min(p), w1 = styr_panel_week_max(p);
    if (w0 < 0) {
        snprintf(buf, cap, "%s", styr_tr("panelet er tomt", "the panel is empty"));
        return;
    }
    char a[16], b[16];
    styr_week_format(w0, a);
    styr_week_format(w1, b);
    snprintf(buf, cap, styr_tr("panelet dækker uge %s til %s", "the panel covers weeks %s to %s"), a, b);
}

int styr_select_in_panel(const char *cmd, const styr_panel *p, const styr_period *per, int n)
{
    int w0 = styr_panel_week_min(p), w1 = styr_panel_week_max(p);
    for (int i = 0; i < n; i++) {
        if (w0 >= 0 && per[i].last >= w0 && per[i].first <= w1) continue;
        char span[96];
        styr_select_span_text(p, span, sizeof span);
        fprintf(stderr, styr_tr("styr %s: ingen data for perioden %s: %s. Vælg en periode i det spænd.\n",
                                "styr %s: no data for the period %s: %s. Choose a period within that span.\n"),
                cmd, per[i].name, span);
        return STYR_EXIT_INPUT;
    }
    return STYR_EXIT_OK;
}

void styr_select_default_period(styr_ws *ws, const styr_panel *p, styr_kilde kilde, char *buf, size_t cap)
{
    snprintf(buf, cap, "%d", styr_default_year(p));
    if (kilde == STYR_KILDE_PANEL || (kilde == STYR_KILDE_AUTO && styr_panel_week_min(p) >= 0)) return;
    styr_diags d;
    styr_diags_init(&d);
    styr_pubfig *pf = NULL;
    char name[16];
    if (!styr_pubfig_load(ws, &pf, &d) && !styr_pubfig_latest(pf, name, sizeof name)) snprintf(buf, cap, "%s", name);
    styr_pubfig_free(pf);
    styr_diags_free(&d);
}

int styr_select_in_source(const char *cmd, styr_ws *ws, const styr_panel *p, const styr_period *per, int n,
                          styr_kilde kilde)
{
    if (kilde == STYR_KILDE_PANEL) return styr_select_in_panel(cmd, p, per, n);
    styr_diags d;
    styr_diags_init(&d);
    styr_pubfig *pf = NULL;
    if (styr_pubfig_load(ws, &pf, &d)) pf = NULL;
    styr_diags_free(&d);
    int w0 = styr_panel_week_min(p), w1 = styr_panel_week_max(p), e = STYR_EXIT_OK;
    for (int i = 0; i < n && !e; i++) {
        if (kilde == STYR_KILDE_AUTO && w0 >= 0 && per[i].last >= w0 && per[i].first <= w1) continue;
        if (styr_pubfig_covers(pf, per[i].first, per[i].last)) continue;
        char span[96], latest[16];
        styr_select_span_text(p, span, sizeof span);
        if (!styr_pubfig_any(pf) && styr_pub_any_a02(ws)) {
            /* jobindsats' tables are there, but only in parts (by køn, ...): say so */
            fprintf(stderr,
                    styr_tr("styr %s: ingen data for perioden %s: panelet: %s; de indlæste jobindsats-tabeller (a02) "
                            "er kun opdelt (fx efter køn) uden en total, og styr lægger aldrig dele sammen. Indlæs "
                            "tabellerne med totalen (uden opdeling eller med fx Køn = I alt).\n",
                            "styr %s: no data for the period %s: the panel: %s; the jobindsats tables imported (a02) "
                            "come only in parts (e.g. by sex) without a total, and styr never adds parts together. "
                            "Import the tables with their total (without the split or with e.g. Køn = I alt).\n"),
                    cmd, per[i].name, span);
            e = STYR_EXIT_INPUT;
            continue;
        }
        if (kilde == STYR_KILDE_AUTO && !styr_pubfig_any(pf)) {
            e = styr_select_in_panel(cmd, p, per + i, 1);
            continue;
        }
        if (styr_pubfig_latest(pf, latest, sizeof latest)) snprintf(latest, sizeof latest, "-");
        fprintf(stderr,
                styr_tr("styr %s: ingen data for perioden %s: panelet: %s; de offentlige tal (jobindsats) har ikke "
                        "perioden (den seneste er %s; styr lægger ikke måneder sammen). Vælg en periode, der findes, "
                        "eller hent den med styr hent jobindsats.\n",
                        "styr %s: no data for the period %s: the panel: %s; the published figures (jobindsats) do not "
                        "have the period (the latest is %s; styr does not add months together). Choose a period that "
                        "exists, or fetch it with styr hent jobindsats.\n"),
                cmd, per[i].name, span, latest);
        e = STYR_EXIT_INPUT;
    }
    styr_pubfig_free(pf);
    return e;
}

int styr_select_applies(const char *cmd, const styr_codes *c, int g, const char *figkey)
{
    int f = styr_fig_by_key(figkey);
    if (f < 0 || g <= 0 || !(c->yd_na[g] >> f & 1u)) return STYR_EXIT_OK;
    fprintf(stderr,
            styr_tr("styr %s: %s siger intet for %s og vises ikke for den (data/ydelser.csv, kolonnen ikke_relevant).\n",
                    "styr %s: %s means nothing for %s and is not shown for it (data/ydelser.csv, column ikke_relevant).\n"),
            cmd, figkey, styr_group_name(c, g));
    return STYR_EXIT_USAGE;
}
