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
#include "../core/week.h"
#include "../out/effect_diag.h"
#include "../out/figout.h"
#include "../synth/truth.h"
#include "../out/outfile.h"
#include "../out/table.h"
#include "cli.h"
#include "cmds.h"
#include "select.h"

static const char help_da[] =
    "Brug: styr effect [-w ARBEJDSOMRÅDE] [--ydelse G,...] [--tilbud T,...] [--periode P]\n"
    "                  [--pris T=KR,...] [--diagnostik] [--sand FIL]\n"
    "                  [--format table|json|csv] [-o FIL]\n"
    "\n"
    "Et SKØN over tilbuddenes effekt på andelen i job (og selvforsørget) 4, 13, 26 og 52\n"
    "uger efter start, ved dynamisk eksakt matchning: personer, der starter forløbets\n"
    "første tilbud i uge w af forløbet, sammenlignes med forløb på samme ydelse, der har\n"
    "nået uge w uden tilbud endnu, i samme stratum (forløbsuge: uge 1-13 hver for sig,\n"
    "14-26, 27-52, 53+; alder 16-29, 30-39, 40-49, 50-66; køn; klynge; og ugens\n"
    "visitation og oprindelse, hvor panelet har dem). Hver kontroluge tæller én gang; et\n"
    "forløb, der får tilbud senere, er kontrol indtil da. Effekten er altså forskellen\n"
    "mellem at starte tilbuddet nu og ikke at starte det nu (men måske senere). Den er\n"
    "det vægtede gennemsnit af forskellen i strataene, med et 95 pct. konfidensinterval,\n"
    "hvis standardfejl er klynget på person (en person med flere forløb og uger tæller\n"
    "ikke som uafhængige observationer). Et stratum skal have mindst 10 kontrolforløb;\n"
    "ellers slås strata, der kun er forskellige i visitation og oprindelse, sammen, og\n"
    "har de stadig for få, udelades de behandlede dér (og tælles). Et skøn vises kun med\n"
    "mindst 30 matchede behandlede (ellers \"-\"). Den rå forskel (alle behandlede mod\n"
    "alle kontroluger, umatchet) står ved siden af: den blander tilbuddets effekt med,\n"
    "hvem der fik det. Skønnet bygger på antagelsen, at hvem der starter et tilbud i uge\n"
    "w, inden for et stratum ikke afhænger af andet, der påvirker udfaldet.\n"
    "\n"
    "  --periode P   ugerne, hvor tilbud startes og kontroller observeres (standard: året\n"
    "                før panelets sidste hele år, så udfald efter 52 uger kan måles)\n"
    "  --pris T=KR   pris pr. tilbud; giver nettoudgiften pr. ekstra person i job: (pris -\n"
    "                sparede ydelsesuger x kommunens nettoudgift pr. uge) / effekt\n"
    "  --diagnostik  også placebo (\"effekten\" på at være i job 13 uger før forløbet;\n"
    "                bør være 0), balance på det, der ikke matches på, andelen matchet,\n"
    "                strata puljet og udeladt, og skønnet ved tre valg af bånd\n"
    "  --sand FIL    hold skønnene op mod den sande effekt fra styr synth --effekt\n"
    "                (sand-effekt.csv): kolonnerne sand effekt og om intervallet rummer den\n";
static const char help_en[] =
    "Usage: styr effect [-w WORKSPACE] [--ydelse G,...] [--tilbud K,...] [--periode P]\n"
    "                   [--pris K=DKK,...] [--diagnostik] [--sand FILE]\n"
    "                   [--format table|json|csv] [-o FILE]\n"
    "\n"
    "An ESTIMATE of the offers' effect on the share in work (and self-supporting) 4, 13,\n"
    "26 and 52 weeks after the start, by dynamic exact matching: persons who start their\n"
    "spell's first offer in week w of the spell are compared with spells of the same\n"
    "group that have reached week w without an offer yet, in the same stratum (spell\n"
    "week: weeks 1-13 one by one, 14-26, 27-52, 53+; age 16-29, 30-39, 40-49, 50-66;\n"
    "sex; cluster; and the week's visitation and origin where the panel carries them).\n"
    "Every control week counts once; a spell offered later is a control until then. The\n"
    "effect is thus the difference between starting the offer now and not starting it\n"
    "now (but perhaps later). It is the weighted mean of the differences in the strata,\n"
    "with a 95 pct. confidence interval whose standard error is clustered by person (a\n"
    "person's several spells and weeks are not independent observations). A stratum\n"
    "needs at least 10 control spells; else strata that differ only in visitation and\n"
    "origin are pooled, and if they still have too few, the treated there are left out\n"
    "(and counted). An estimate is shown only with at least 30 matched treated (else\n"
    "\"-\"). The raw difference (all treated against all control weeks, unmatched) stands\n"
    "beside it: it mixes the offer's effect with who got it. The estimate assumes that,\n"
    "within a stratum, who starts an offer in week w does not depend on anything else\n"
    "that affects the outcome.\n"
    "\n"
    "  --periode P   the weeks in which offers start and controls are observed (default:\n"
    "                the year before the panel's last whole year, so 52-week outcomes exist)\n"
    "  --pris K=DKK  price per offer; gives the net cost per extra person in work: (price -\n"
    "                benefit weeks saved x the municipal net cost per week) / effect\n"
    "  --diagnostik  also the placebo (the \"effect\" on being in work 13 weeks before the\n"
    "                spell; should be 0), balance on what is not matched on, the share\n"
    "                matched, strata pooled and left out, and the estimate under three\n"
    "                choices of bands\n"
    "  --sand FILE   hold the estimates against the true effect from styr synth --effekt\n"
    "                (sand-effekt.csv): columns true effect and whether the interval holds it\n";

typedef struct row {
    styr_effect e;
    double truth;                  /* with --sand: the true effect, pp; NAN none */
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
                      const styr_offers *off, const styr_effect_diag *dg, size_t ndg, int truth)
{
    char t[9][64];
    if (fmt == STYR_FMT_JSON) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++) {
            const styr_effect *e = &r[i].e;
            int hd = r[i].hidden, ns = !e->shown; /* ns: too few matched treated for an estimate */
            json_t *o = json_object();
            json_object_set_new(o, "periode", json_string(win->name));
            json_object_set_new(o, "ydelse", json_string(c->dict.yd[e->g]));
            json_object_set_new(o, "tilbud", json_string(c->dict.tb[e->kind]));
            json_object_set_new(o, "uger", json_integer(styr_horizons[e->h]));
            json_object_set_new(o, "effekt", num(ns ? NAN : e->effect, hd));
            json_object_set_new(o, "ki_lav", num(ns ? NAN : e->lo, hd));
            json_object_set_new(o, "ki_hoej", num(ns ? NAN : e->hi, hd));
            json_object_set_new(o, "standardfejl", num(ns ? NAN : e->se, hd));
            json_object_set_new(o, "matchede", json_integer(e->matched));
            json_object_set_new(o, "personer", json_integer(e->persons));
            if (ns && !hd)
                json_object_set_new(o, "begrundelse", json_string(styr_tr("for få matchede behandlede (under 30)",
                                                                          "too few matched treated (under 30)")));
            json_object_set_new(o, "raa_forskel", num(e->raw, hd));
            json_object_set_new(o, "effekt_selvforsoerget", num(ns ? NAN : e->effect_selv, hd));
            json_object_set_new(o, "ki_lav_selvforsoerget", num(ns ? NAN : e->lo_selv, hd));
            json_object_set_new(o, "ki_hoej_selvforsoerget", num(ns ? NAN : e->hi_selv, hd));
            json_object_set_new(o, "raa_forskel_selvforsoerget", num(e->raw_selv, hd));
            json_object_set_new(o, "behandlede", json_integer(e->treated));
            json_object_set_new(o, "kontrolforloeb", num(e->controls, 0));
            json_object_set_new(o, "andel_job_behandlede", num(e->p_t, hd));
            json_object_set_new(o, "andel_job_kontrol", num(e->p_c, hd));
            json_object_set_new(o, "strata", json_integer(e->strata));
            json_object_set_new(o, "strata_udeladt", json_integer(e->strata_dropped));
            json_object_set_new(o, "strata_puljet", json_integer(e->strata_pooled));
            if (truth) {
                json_object_set_new(o, "sand_effekt", num(r[i].truth, 0));
                json_object_set_new(o, "rummer_sand_effekt", isnan(r[i].truth) || ns || hd ? json_null()
                                                             : json_boolean(e->lo <= r[i].truth && r[i].truth <= e->hi));
            }
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
        if (!dg) return styr_json_write(f, a);
        json_t *top = json_object();
        json_object_set_new(top, "effekter", a);
        json_object_set_new(top, "diagnostik", styr_effect_diag_json(c, dg, ndg));
        return styr_json_write(f, top);
    }
    if (fmt == STYR_FMT_CSV) {
        fputs("\xEF\xBB\xBFperiode;ydelse;tilbud;uger;effekt;ki_lav;ki_hoej;matchede;raa_forskel;effekt_selvforsoerget;"
              "strata_udeladt;sparede_ydelsesuger;nettoudgift_pr_ekstra_i_job;behandlede;standardfejl;strata_puljet;"
              "personer;sand_effekt\r\n",
              f);
        for (size_t i = 0; i < n; i++) {
            const styr_effect *e = &r[i].e;
            int hd = r[i].hidden, ns = !e->shown;
            fprintf(f, "%s;%s;%s;%d;", win->name, c->dict.yd[e->g], c->dict.tb[e->kind], styr_horizons[e->h]);
            csv_num(f, ns ? NAN : e->effect, hd, 2), fputc(';', f), csv_num(f, ns ? NAN : e->lo, hd, 2), fputc(';', f);
            csv_num(f, ns ? NAN : e->hi, hd, 2), fprintf(f, ";%u;", e->matched), csv_num(f, e->raw, hd, 1), fputc(';', f);
            csv_num(f, ns ? NAN : e->effect_selv, hd, 1), fprintf(f, ";%d;", e->strata_dropped);
            csv_num(f, e->ben_saved, hd, 1), fputc(';', f), csv_num(f, r[i].cost, hd, 0);
            fprintf(f, ";%u;", e->treated), csv_num(f, ns ? NAN : e->se, hd, 3);
            fprintf(f, ";%d;%u;", e->strata_pooled, e->persons), csv_num(f, r[i].truth, 0, 3);
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
    int cost = 0, no_effect = 0, few = 0;
    for (size_t i = 0; i < n; i++) {
        cost |= !isnan(r[i].cost) || r[i].no_effect, no_effect |= r[i].no_effect && !r[i].hidden;
        few |= !r[i].e.shown && !r[i].hidden;
    }
    /* columns: the estimate's, then the price's and the truth's where asked for */
    int ncol = 8 + cost + (truth ? 1 : 0);
    styr_table *tb = styr_table_new(ncol, "llrrrrrrrr");
    const char *h[10] = {styr_tr("Ydelse", "Group"), styr_tr("Tilbud", "Offer"), styr_tr("Uger", "Weeks"),
                         styr_tr("Effekt", "Effect"), styr_tr("95 pct. KI", "95 pct. CI"), styr_tr("Rå forskel", "Raw"),
                         styr_tr("Selvforsørget", "Self-supp."), styr_tr("Matchede", "Matched")};
    int hc = 8;
    if (cost) h[hc++] = styr_tr("Kr. pr. ekstra i job", "DKK per extra in work");
    if (truth) h[hc++] = styr_tr("Sand effekt", "True effect");
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
        } else if (!e->shown) {
            snprintf(t[0], 64, "-");
            snprintf(t[1], 64, "-");
            styr_fmt_num(t[2], 64, e->raw, 1);
            snprintf(t[3], 64, "-");
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
        const char *row_[10] = {i && r[i - 1].e.g == e->g ? "" : styr_group_name(c, e->g),
                                i && r[i - 1].e.g == e->g && r[i - 1].e.kind == e->kind ? "" : styr_offer_name(c, e->kind),
                                w, t[0], t[1], t[2], t[3], t[4]};
        int rc_ = 8;
        if (cost) row_[rc_++] = t[5];
        if (truth) {
            if (isnan(r[i].truth)) snprintf(t[6], 64, "-");
            else {
                char a[32];
                styr_fmt_num(a, sizeof a, r[i].truth, 1);
                snprintf(t[6], 64, "%s%s", a, !e->shown || r[i].hidden ? "" : e->lo <= r[i].truth && r[i].truth <= e->hi ? "" : " *");
            }
            row_[rc_++] = t[6];
        }
        styr_table_row(tb, row_);
    }
    styr_table_print(tb, f);
    styr_table_free(tb);
    fprintf(f, "\n%s\n", styr_tr("Interval: 95 pct., standardfejl klynget på person. Rå forskel: alle behandlede mod alle "
                                 "kontroluger, umatchet. .. = diskretion (færre end 5).",
                                 "Interval: 95 pct., standard error clustered by person. Raw: all treated against all "
                                 "control weeks, unmatched. .. = discretion (fewer than 5)."));
    if (few)
        fprintf(f, "%s\n", styr_tr("- = for få matchede behandlede til et skøn (under 30).",
                                  "- = too few matched treated for an estimate (under 30)."));
    if (truth)
        fprintf(f, "%s\n", styr_tr("Sand effekt: fra styr synth --effekt (kontrafaktiske forløb); * = intervallet rummer den "
                                  "ikke.",
                                  "True effect: from styr synth --effekt (counterfactuals); * = the interval does not hold "
                                  "it."));
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
    if (dg && styr_effect_diag_print(f, c, dg, ndg)) return -1;
    return ferror(f) ? -1 : 0;
}

int styr_cmd_effect(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"ydelse", required_argument, 0, 'y'}, {"tilbud", required_argument, 0, 't'},
        {"periode", required_argument, 0, 'p'}, {"pris", required_argument, 0, 'P'},
        {"format", required_argument, 0, 'f'}, {"output", required_argument, 0, 'o'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
        {"diagnostik", no_argument, 0, 'D'}, {"sand", required_argument, 0, 'S'},
        {0, 0, 0, 0}};
    const char *yl = NULL, *tl = NULL, *pl = NULL, *prices = NULL, *out = NULL, *truth_path = NULL;
    int diag = 0;
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
        case 'D': diag = 1; break;
        case 'S': truth_path = optarg; break;
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
    styr_effect *by[STYR_NEB] = {NULL, NULL, NULL};
    styr_effect_diag *dg = NULL;
    size_t ndg = 0;
    styr_truth truth;
    memset(&truth, 0, sizeof truth);
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
    if (truth_path &&
        (rc = styr_truth_load(truth_path, codes, styr_week_year(win.first), styr_week_year(win.last), &truth, &d)))
        goto fail;
    if ((rc = styr_offers_compute(ws, &win, 1, &win, prices != NULL, 0, &off, &cube, &d))) goto fail;
    /* one row per group, offer kind and horizon with treated observations */
    size_t n = 0;
    rows = styr_xcalloc((size_t)ngrp * (size_t)off.no * STYR_NHORIZONS + 1, sizeof *rows);
    for (int s = 0; s < (diag ? STYR_NEB : 1); s++) by[s] = styr_xmalloc((size_t)off.no * STYR_EH * sizeof *by[s]);
    if (diag) dg = styr_xcalloc((size_t)ngrp * (size_t)off.no + 1, sizeof *dg);
    for (int i = 0; i < ngrp; i++) {
        int g = grp[i];
        if (!g) continue;
        for (int s = 0; s < (diag ? STYR_NEB : 1); s++) styr_effect_group(&off, g, s, by[s]);
        for (int k = 1; k < off.no; k++) {
            if (!want_tb[k]) continue;
            if (diag && by[0][k * STYR_EH + 1].treated_all) styr_effect_diag_fill(&dg[ndg++], (const styr_effect *const *)by, k);
            for (int h = 0; h < STYR_NHORIZONS; h++) {
                row *r = &rows[n];
                r->e = by[0][k * STYR_EH + h];
                if (!r->e.treated) continue;
                const styr_truth_cell *tc = truth_path ? styr_truth_at(&truth, g, k, h) : NULL;
                r->truth = tc && tc->n > 0 ? 100 * (tc->j1 - tc->j0) / tc->n : NAN;
                r->hidden = r->e.matched < STYR_DISCRETION || r->e.controls < STYR_DISCRETION;
                r->price = price[k];
                r->cost = NAN;
                /* a cost per extra person in work divides by the effect: only where the
                 * interval says there is one (an effect that may be 0 gives any amount) */
                r->no_effect = !isnan(price[k]) && r->e.shown && !(r->e.lo > 0);
                if (!isnan(price[k]) && r->e.shown && r->e.lo > 0) {
                    r->net_week = off.net_week[g];
                    r->cost = (price[k] - r->e.ben_saved * r->net_week) / (r->e.effect / 100);
                }
                n++;
            }
        }
    }
    if ((rc = styr_dest_open(&dest, out, &d))) goto fail;
    int wrc = write_rows(dest.f, fmt, rows, n, codes, &win, &off, dg, ndg, truth_path != NULL);
    if ((rc = styr_dest_close(&dest, !wrc, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    free(rows);
    free(grp);
    for (int s = 0; s < STYR_NEB; s++) free(by[s]);
    free(dg);
    styr_truth_free(&truth);
    styr_offers_free(&off);
    styr_cube_free(&cube);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
