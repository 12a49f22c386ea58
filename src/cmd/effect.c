/* styr effect: the matched estimate of each offer's effect, beside the raw
 * difference, with an interval, the numbers matched and the strata dropped;
 * with --pris the cost per extra person in work. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/effect.h"
#include "../calc/figures.h"
#include "../calc/query.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "../out/figout.h"
#include "../out/outfile.h"
#include "../out/table.h"
#include "cli.h"
#include "cmds.h"
#include "select.h"

static const char help_da[] =
    "Brug: styr effect [-w ARBEJDSOMRÅDE] [--ydelse G,...] [--tilbud T,...] [--periode P]\n"
    "                  [--pris T=KR,...] [--format table|json|csv] [-o FIL]\n"
    "\n"
    "Et SKØN over tilbuddenes effekt på andelen i job (og selvforsørget) 4, 13, 26 og 52\n"
    "uger efter start, ved dynamisk eksakt matchning: personer, der starter forløbets\n"
    "første tilbud i uge w af forløbet, sammenlignes med forløb på samme ydelse, der har\n"
    "nået uge w uden noget tilbud, i samme stratum (forløbsuge i bånd 1-4, 5-8, 9-13,\n"
    "14-26, 27-52, 53+; alder 16-29, 30-39, 40-49, 50-66; køn; klynge). Effekten er det\n"
    "vægtede gennemsnit af forskellen i strataene, med et 95 pct. konfidensinterval\n"
    "(normalfordelingstilnærmelse). Strata uden kontroller udelades og tælles. Den rå\n"
    "forskel (alle behandlede mod alle kontrolforløb, umatchet) står ved siden af: den\n"
    "blander tilbuddets effekt med, hvem der fik det. Skønnet bygger på antagelsen, at\n"
    "hvem der starter et tilbud i uge w, inden for et stratum ikke afhænger af andet, der\n"
    "påvirker udfaldet.\n"
    "\n"
    "  --periode P   ugerne, hvor tilbud startes og kontroller observeres (standard: året\n"
    "                før panelets sidste hele år, så udfald efter 52 uger kan måles)\n"
    "  --pris T=KR   pris pr. tilbud; giver nettoudgiften pr. ekstra person i job: (pris -\n"
    "                sparede ydelsesuger x kommunens nettoudgift pr. uge) / effekt\n";
static const char help_en[] =
    "Usage: styr effect [-w WORKSPACE] [--ydelse G,...] [--tilbud K,...] [--periode P]\n"
    "                   [--pris K=DKK,...] [--format table|json|csv] [-o FILE]\n"
    "\n"
    "An ESTIMATE of the offers' effect on the share in work (and self-supporting) 4, 13,\n"
    "26 and 52 weeks after the start, by dynamic exact matching: persons who start their\n"
    "spell's first offer in week w of the spell are compared with spells of the same\n"
    "group that have reached week w without any offer, in the same stratum (spell week in\n"
    "bands 1-4, 5-8, 9-13, 14-26, 27-52, 53+; age 16-29, 30-39, 40-49, 50-66; sex;\n"
    "cluster). The effect is the treated-weighted mean of the differences in the strata,\n"
    "with a 95 pct. confidence interval (normal approximation). Strata without controls\n"
    "are dropped and counted. The raw difference (all treated against all control spells,\n"
    "unmatched) stands beside it: it mixes the offer's effect with who got it. The\n"
    "estimate assumes that, within a stratum, who starts an offer in week w does not\n"
    "depend on anything else that affects the outcome.\n"
    "\n"
    "  --periode P   the weeks in which offers start and controls are observed (default:\n"
    "                the year before the panel's last whole year, so 52-week outcomes exist)\n"
    "  --pris K=DKK  price per offer; gives the net cost per extra person in work: (price -\n"
    "                benefit weeks saved x the municipal net cost per week) / effect\n";

typedef struct row {
    styr_effect e;
    double price, net_week, cost;  /* cost per extra person in work; NAN when none */
    int hidden;
    int no_effect;                 /* priced, but the interval includes 0: no cost per person */
} row;

static int parse_prices(const styr_codes *c, const char *s, double *price)
{
    while (*s) {
        const char *eq = strchr(s, '='), *end = strchr(s, ',');
        if (!end) end = s + strlen(s);
        if (!eq || eq > end) return -1;
        int tb = styr_codes_tilbud(c, s, (size_t)(eq - s));
        double v;
        if (tb <= 0 || styr_parse_amount(eq + 1, (size_t)(end - eq - 1), 1, &v) || v < 0) return -1;
        price[tb] = v;
        s = *end ? end + 1 : end;
    }
    return 0;
}

static json_t *num(double v, int hidden) { return hidden || isnan(v) ? json_null() : json_real(round(v * 1e4) / 1e4); }

static void csv_num(FILE *f, double v, int hidden, int dec)
{
    if (hidden) fputs("..", f);
    else if (!isnan(v)) styr_csv_number(f, v, dec);
}

static int write_rows(FILE *f, styr_format fmt, const row *r, size_t n, const styr_codes *c, const styr_period *win,
                      const styr_offers *off)
{
    char t[8][64];
    if (fmt == STYR_FMT_JSON) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++) {
            const styr_effect *e = &r[i].e;
            int hd = r[i].hidden;
            json_t *o = json_object();
            json_object_set_new(o, "periode", json_string(win->name));
            json_object_set_new(o, "ydelse", json_string(c->dict.yd[e->g]));
            json_object_set_new(o, "tilbud", json_string(c->dict.tb[e->kind]));
            json_object_set_new(o, "uger", json_integer(styr_horizons[e->h]));
            json_object_set_new(o, "effekt", num(e->effect, hd));
            json_object_set_new(o, "ki_lav", num(e->lo, hd));
            json_object_set_new(o, "ki_hoej", num(e->hi, hd));
            json_object_set_new(o, "matchede", json_integer(e->matched));
            json_object_set_new(o, "raa_forskel", num(e->raw, hd));
            json_object_set_new(o, "effekt_selvforsoerget", num(e->effect_selv, hd));
            json_object_set_new(o, "ki_lav_selvforsoerget", num(e->lo_selv, hd));
            json_object_set_new(o, "ki_hoej_selvforsoerget", num(e->hi_selv, hd));
            json_object_set_new(o, "raa_forskel_selvforsoerget", num(e->raw_selv, hd));
            json_object_set_new(o, "behandlede", json_integer(e->treated));
            json_object_set_new(o, "kontrolforloeb", num(e->controls, 0));
            json_object_set_new(o, "andel_job_behandlede", num(e->p_t, hd));
            json_object_set_new(o, "andel_job_kontrol", num(e->p_c, hd));
            json_object_set_new(o, "strata", json_integer(e->strata));
            json_object_set_new(o, "strata_udeladt", json_integer(e->strata_dropped));
            json_object_set_new(o, "sparede_ydelsesuger", num(e->ben_saved, hd));
            json_object_set_new(o, "pris_pr_tilbud", num(r[i].price, 0));
            json_object_set_new(o, "nettoudgift_pr_ekstra_i_job", num(r[i].cost, hd));
            if (r[i].no_effect && !hd)
                json_object_set_new(o, "nettoudgift_begrundelse",
                                    json_string(styr_tr("ingen påvist positiv effekt (intervallet rummer 0 eller ligger under 0)",
                                                        "no shown positive effect (the interval includes 0 or lies below 0)")));
            json_object_set_new(o, "diskretion", json_boolean(hd));
            json_array_append_new(a, o);
        }
        return styr_json_write(f, a);
    }
    if (fmt == STYR_FMT_CSV) {
        fputs("\xEF\xBB\xBFperiode;ydelse;tilbud;uger;effekt;ki_lav;ki_hoej;matchede;raa_forskel;effekt_selvforsoerget;"
              "strata_udeladt;sparede_ydelsesuger;nettoudgift_pr_ekstra_i_job\r\n",
              f);
        for (size_t i = 0; i < n; i++) {
            const styr_effect *e = &r[i].e;
            int hd = r[i].hidden;
            fprintf(f, "%s;%s;%s;%d;", win->name, c->dict.yd[e->g], c->dict.tb[e->kind], styr_horizons[e->h]);
            csv_num(f, e->effect, hd, 1), fputc(';', f), csv_num(f, e->lo, hd, 1), fputc(';', f);
            csv_num(f, e->hi, hd, 1), fprintf(f, ";%u;", e->matched), csv_num(f, e->raw, hd, 1), fputc(';', f);
            csv_num(f, e->effect_selv, hd, 1), fprintf(f, ";%d;", e->strata_dropped);
            csv_num(f, e->ben_saved, hd, 1), fputc(';', f), csv_num(f, r[i].cost, hd, 0);
            fputs("\r\n", f);
        }
        return ferror(f) ? -1 : 0;
    }
    fprintf(f, styr_tr("Effekt af tilbud (SKØN ved dynamisk eksakt matchning), tilbud startet i %s\n",
                       "Effect of offers (ESTIMATE by dynamic exact matching), offers started in %s\n"),
            win->name);
    fprintf(f, "%s", styr_tr("Forskel i andelen i job efter start, i procentpoint, mod forløb på samme ydelse uden tilbud "
                             "endnu, i samme forløbsuge, alder, køn og klynge",
                             "Difference in the share in work after the start, in percentage points, against spells of "
                             "the same group without an offer yet, in the same spell week, age, sex and cluster"));
    /* where the panel carries them, also the week's visitation and the origin (issue 14) */
    if (off->nvis > 1 && off->nopr > 1) fputs(styr_tr(" samt visitation og oprindelse", ", visitation and origin"), f);
    else if (off->nvis > 1) fputs(styr_tr(" samt visitation", " and visitation"), f);
    else if (off->nopr > 1) fputs(styr_tr(" samt oprindelse", " and origin"), f);
    fputs(".\n\n", f);
    int cost = 0, no_effect = 0;
    for (size_t i = 0; i < n; i++) cost |= !isnan(r[i].cost) || r[i].no_effect, no_effect |= r[i].no_effect && !r[i].hidden;
    styr_table *tb = styr_table_new(cost ? 9 : 8, "llrrrrrrr");
    const char *h[9] = {styr_tr("Ydelse", "Group"), styr_tr("Tilbud", "Offer"), styr_tr("Uger", "Weeks"),
                        styr_tr("Effekt", "Effect"), styr_tr("95 pct. KI", "95 pct. CI"), styr_tr("Rå forskel", "Raw"),
                        styr_tr("Selvforsørget", "Self-supp."), styr_tr("Matchede", "Matched"),
                        styr_tr("Kr. pr. ekstra i job", "DKK per extra in work")};
    styr_table_row(tb, h);
    for (size_t i = 0; i < n; i++) {
        const styr_effect *e = &r[i].e;
        char w[8];
        snprintf(w, sizeof w, "%d", styr_horizons[e->h]);
        if (r[i].hidden) {
            snprintf(t[0], 64, "..");
            snprintf(t[1], 64, "..");
            snprintf(t[2], 64, "..");
            snprintf(t[3], 64, "..");
        } else {
            styr_fmt_num(t[0], 64, e->effect, 1);
            char a[32], b[32];
            snprintf(t[1], 64, "%s; %s", styr_fmt_num(a, sizeof a, e->lo, 1), styr_fmt_num(b, sizeof b, e->hi, 1));
            styr_fmt_num(t[2], 64, e->raw, 1);
            styr_fmt_num(t[3], 64, e->effect_selv, 1);
        }
        styr_fmt_int(t[4], 64, e->matched);
        if (r[i].hidden || isnan(r[i].cost)) snprintf(t[5], 64, "%s", r[i].hidden ? ".." : r[i].no_effect ? styr_tr("i.e.", "n.e.") : "-");
        else styr_fmt_kr(t[5], 64, r[i].cost);
        const char *row_[9] = {i && r[i - 1].e.g == e->g ? "" : styr_group_name(c, e->g),
                               i && r[i - 1].e.g == e->g && r[i - 1].e.kind == e->kind ? "" : styr_offer_name(c, e->kind),
                               w, t[0], t[1], t[2], t[3], t[4], t[5]};
        styr_table_row(tb, row_);
    }
    styr_table_print(tb, f);
    styr_table_free(tb);
    fprintf(f, "\n%s\n", styr_tr("Interval: normalfordelingstilnærmelse, observationer behandlet som uafhængige. Rå forskel: "
                                 "alle behandlede mod alle kontrolforløb, umatchet. .. = diskretion (færre end 5).",
                                 "Interval: normal approximation, observations treated as independent. Raw: all treated "
                                 "against all control spells, unmatched. .. = discretion (fewer than 5)."));
    if (cost)
        fprintf(f, "%s\n", styr_tr("Kr. pr. ekstra i job: (pris - sparede ydelsesuger i 52 uger x kommunal nettoudgift pr. "
                                   "uge) / effekt.",
                                   "DKK per extra in work: (price - benefit weeks saved in 52 weeks x municipal net cost "
                                   "per week) / effect."));
    if (no_effect)
        fprintf(f, "%s\n", styr_tr("i.e. = ingen påvist positiv effekt: intervallet rummer 0 eller ligger under 0, så der er "
                                   "ingen ekstra i job at dele prisen på (en pris pr. person kunne blive et hvilket som "
                                   "helst beløb).",
                                   "n.e. = no shown positive effect: the interval includes 0 or lies below 0, so there is "
                                   "no extra person in work to divide the price by (a price per person could come out as "
                                   "any amount)."));
    return ferror(f) ? -1 : 0;
}

int styr_cmd_effect(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"ydelse", required_argument, 0, 'y'}, {"tilbud", required_argument, 0, 't'},
        {"periode", required_argument, 0, 'p'}, {"pris", required_argument, 0, 'P'},
        {"format", required_argument, 0, 'f'}, {"output", required_argument, 0, 'o'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *yl = NULL, *tl = NULL, *pl = NULL, *prices = NULL, *out = NULL;
    styr_format fmt = STYR_FMT_TABLE;
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("effect", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'y': yl = optarg; break;
        case 't': tl = optarg; break;
        case 'p': pl = optarg; break;
        case 'P': prices = optarg; break;
        case 'f':
            if (styr_format_parse(optarg, &fmt) || fmt == STYR_FMT_XLSX) return styr_cli_bad_option("effect", "--format", optarg);
            break;
        case 'o': out = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("effect", "", argv[optind]);
    styr_period win;
    if (pl && styr_period_parse(pl, &win)) return styr_cli_bad_option("effect", "--periode", pl);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_offers off;
    styr_cube cube;
    memset(&off, 0, sizeof off);
    memset(&cube, 0, sizeof cube);
    int e = STYR_EXIT_OK, *grp = NULL, ngrp = 0;
    row *rows = NULL;
    double price[256];
    for (int i = 0; i < 256; i++) price[i] = NAN;
    uint8_t want_tb[256] = {0};
    styr_dest dest;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    if (styr_select_ydelser(codes, yl ? yl : "alle", &grp, &ngrp)) {
        e = styr_cli_bad_option("effect", "--ydelse", yl);
        goto out;
    }
    if (tl) {
        for (const char *s = tl; *s;) {
            const char *end = strchr(s, ',');
            size_t len = end ? (size_t)(end - s) : strlen(s);
            int tb = styr_codes_tilbud(codes, s, len);
            if (tb <= 0) { e = styr_cli_bad_option("effect", "--tilbud", tl); goto out; }
            want_tb[tb] = 1;
            s += len + (end ? 1 : 0);
        }
    } else {
        memset(want_tb, 1, sizeof want_tb);
    }
    if (prices && parse_prices(codes, prices, price)) { e = styr_cli_bad_option("effect", "--pris", prices); goto out; }
    if (!pl) {
        char yb[16];
        snprintf(yb, sizeof yb, "%d", styr_default_year(p) - 1);
        styr_period_parse(yb, &win);
    }
    if ((rc = styr_offers_compute(ws, &win, 1, &win, prices != NULL, 0, &off, &cube, &d))) goto fail;
    /* one row per group, offer kind and horizon with treated observations */
    size_t n = 0;
    rows = styr_xcalloc((size_t)ngrp * (size_t)off.no * STYR_NHORIZONS + 1, sizeof *rows);
    for (int i = 0; i < ngrp; i++) {
        int g = grp[i];
        if (!g) continue;
        for (int k = 1; k < off.no; k++) {
            if (!want_tb[k]) continue;
            for (int h = 0; h < STYR_NHORIZONS; h++) {
                row *r = &rows[n];
                styr_effect_estimate(&off, g, k, h, &r->e);
                if (!r->e.treated) continue;
                r->hidden = r->e.matched < STYR_DISCRETION || r->e.controls < STYR_DISCRETION;
                r->price = price[k];
                r->cost = NAN;
                /* a cost per extra person in work divides by the effect: only where the
                 * interval says there is one (an effect that may be 0 gives any amount) */
                r->no_effect = !isnan(price[k]) && r->e.ok && !(r->e.lo > 0);
                if (!isnan(price[k]) && r->e.ok && r->e.lo > 0) {
                    r->net_week = off.net_week[g];
                    r->cost = (price[k] - r->e.ben_saved * r->net_week) / (r->e.effect / 100);
                }
                n++;
            }
        }
    }
    if ((rc = styr_dest_open(&dest, out, &d))) goto fail;
    int wrc = write_rows(dest.f, fmt, rows, n, codes, &win, &off);
    if ((rc = styr_dest_close(&dest, !wrc, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    free(rows);
    free(grp);
    styr_offers_free(&off);
    styr_cube_free(&cube);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
