/* styr invest: an investment case for a target group and an offer. */
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/invest.h"
#include "../calc/query.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "../core/week.h"
#include "../out/figout.h"
#include "../out/table.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr invest [-w ARBEJDSOMRÅDE] --ydelse G --tilbud T --personer N --pris KR\n"
    "                  (--effekt-uger U | --effekt-pct P) [--start-uge S] [--varighed D]\n"
    "                  [--kommune K] [--aar ÅR] [--regime R] [--format table|json] [--intern]\n"
    "\n"
    "En investeringscase: N personer i målgruppen (ydelsen) får tilbuddet i uge S af\n"
    "forløbet til KR kr. pr. person. Effekten er U færre uger på ydelse pr. person\n"
    "(eller P pct. af den resterende varighed). De sparede uger er forløbets sidste; de\n"
    "prissættes med årets sats og kommunens andel efter refusionsreglerne, fordelt på\n"
    "trappens trin. Tilbagebetalingstiden er tiden fra tilbuddets start, til den\n"
    "akkumulerede nettobesparelse dækker investeringen.\n"
    "\n"
    "  --varighed D   forløbets varighed uden tilbuddet i uger (standard: gennemsnittet for\n"
    "                 afsluttede forløb på ydelsen i kommunen i året, ellers i hele landet)\n"
    "  --start-uge S  forløbsugen, hvor tilbuddet starter (standard 1)\n"
    "  --aar ÅR       året for sats og regler (standard: panelets sidste hele år)\n"
    "  --regime R     2010, 2011 eller 2016 (standard: det der gjaldt i året)\n";
static const char help_en[] =
    "Usage: styr invest [-w WORKSPACE] --ydelse G --tilbud T --personer N --pris DKK\n"
    "                   (--effekt-uger U | --effekt-pct P) [--start-uge S] [--varighed D]\n"
    "                   [--kommune K] [--aar YEAR] [--regime R] [--format table|json] [--intern]\n"
    "\n"
    "An investment case: N persons in the target group (the benefit group) get the\n"
    "offer in week S of their spell at DKK per person. The effect is U fewer weeks on\n"
    "benefit per person (or P pct. of the remaining duration). The saved weeks are the\n"
    "spell's last; they are priced at the year's rate and the municipality's share under\n"
    "the refusion rules, by step of the staircase. The payback period is the time from\n"
    "the offer's start until the cumulated net saving covers the investment.\n"
    "\n"
    "  --varighed D   the spell's duration without the offer in weeks (default: the mean of\n"
    "                 ended spells in the group in the municipality that year, else the country)\n"
    "  --start-uge S  the week of the spell when the offer starts (default 1)\n"
    "  --aar YEAR     the year of the rate and rules (default: the panel's last whole year)\n"
    "  --regime R     2010, 2011 or 2016 (default: the one in force that year)\n";

typedef struct args {
    const char *kommune, *ydelse, *tilbud, *regime;
    double persons, pris, effekt_uger, effekt_pct, varighed;
    int start, aar, intern;
    styr_format format;
} args;

static int number(const char *opt, const char *s, double lo, double hi, double *out)
{
    if (styr_parse_amount(s, strlen(s), 1, out) || *out < lo || *out > hi) return styr_cli_bad_option("invest", opt, s);
    return 0;
}

static int parse(styr_cli *cli, int argc, char **argv, args *a)
{
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'},   {"ydelse", required_argument, 0, 'y'},
        {"tilbud", required_argument, 0, 't'},    {"personer", required_argument, 0, 'n'},
        {"pris", required_argument, 0, 'p'},      {"effekt-uger", required_argument, 0, 'u'},
        {"effekt-pct", required_argument, 0, 'e'}, {"start-uge", required_argument, 0, 's'},
        {"varighed", required_argument, 0, 'd'},  {"aar", required_argument, 0, 'a'},
        {"regime", required_argument, 0, 'r'},    {"format", required_argument, 0, 'f'},
        {"intern", no_argument, 0, 'i'},          {"workspace", required_argument, 0, 'w'},
        {"help", no_argument, 0, 'h'},            {0, 0, 0, 0}};
    long long v;
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("invest", argc, argv, "w:h", lo)) != -1) {
        int e = 0;
        switch (c) {
        case 'k': a->kommune = optarg; break;
        case 'y': a->ydelse = optarg; break;
        case 't': a->tilbud = optarg; break;
        case 'n': e = number("--personer", optarg, 1, 1e7, &a->persons); break;
        case 'p': e = number("--pris", optarg, 0, 1e9, &a->pris); break;
        case 'u': e = number("--effekt-uger", optarg, 0, 520, &a->effekt_uger); break;
        case 'e': e = number("--effekt-pct", optarg, 0, 100, &a->effekt_pct); break;
        case 'd': e = number("--varighed", optarg, 1, 520, &a->varighed); break;
        case 's':
            if (styr_cli_int(optarg, 1, 520, &v)) return styr_cli_bad_option("invest", "--start-uge", optarg);
            a->start = (int)v;
            break;
        case 'a':
            if (styr_cli_int(optarg, STYR_YEAR_MIN, STYR_YEAR_MAX, &v)) return styr_cli_bad_option("invest", "--aar", optarg);
            a->aar = (int)v;
            break;
        case 'r': a->regime = optarg; break;
        case 'f':
            if (styr_format_parse(optarg, &a->format) || a->format == STYR_FMT_CSV || a->format == STYR_FMT_XLSX)
                return styr_cli_bad_option("invest", "--format", optarg);
            break;
        case 'i': a->intern = 1; break;
        case 'w': cli->ws = optarg; break;
        case 'h': styr_cli_help(stdout, help_da, help_en); return -1;
        default: return STYR_EXIT_USAGE;
        }
        if (e) return e;
    }
    if (optind < argc) return styr_cli_bad_option("invest", styr_tr("argument", "argument"), argv[optind]);
    const char *missing = !a->ydelse ? "--ydelse" : !a->tilbud ? "--tilbud" : isnan(a->persons) ? "--personer"
                        : isnan(a->pris) ? "--pris" : isnan(a->effekt_uger) && isnan(a->effekt_pct) ? "--effekt-uger"
                                                                                                  : NULL;
    if (missing) {
        fprintf(stderr, styr_tr("styr invest: %s mangler (styr invest --help)\n",
                                "styr invest: %s is missing (styr invest --help)\n"),
                missing);
        return STYR_EXIT_USAGE;
    }
    return 0;
}

/* The full stop after an amount, unless the amount ends with one ("kr."). */
static const char *stop(const char *s)
{
    size_t n = strlen(s);
    return n && s[n - 1] == '.' ? "" : ".";
}

static void print_table(const styr_invest *o, const styr_invest_in *in, const char *kom, const char *grp,
                        const char *tb, const char *regime, int year, const char *dur_src)
{
    char a[48], b[48], c[48], s[4][48];
    printf(styr_tr("Investeringscase: %s, %s, %s (satser %d, regime %s)\n",
                   "Investment case: %s, %s, %s (rates %d, regime %s)\n"),
           grp, tb, kom, year, regime);
    styr_fmt_kr(c, sizeof c, o->investment);
    printf(styr_tr("Investering: %s personer x %s = %s%s\n", "Investment: %s persons x %s = %s%s\n"),
           styr_fmt_num(a, sizeof a, in->persons, 0), styr_fmt_kr(b, sizeof b, in->cost_per_person), c, stop(c));
    printf(styr_tr("Effekt: %d færre uger på ydelse pr. person (uge %d-%d af forløbet; tilbud i uge %d; "
                   "varighed uden tilbud %d uger, %s).\n\n",
                   "Effect: %d fewer weeks on benefit per person (weeks %d-%d of the spell; offer in week %d; "
                   "duration without the offer %d weeks, %s).\n\n"),
           o->last_saved - o->first_saved + 1, o->first_saved, o->last_saved, in->start, in->duration, dur_src);
    styr_table *t = styr_table_new(5, "lrrrr");
    const char *h[] = {styr_tr("Trin på trappen", "Step of the staircase"), styr_tr("Sparede uger", "Weeks saved"),
                       styr_tr("Brutto", "Gross"), styr_tr("Refusion", "Reimb."),
                       styr_tr("Netto (kommunen)", "Net (municipality)")};
    styr_table_row(t, h);
    for (int k = 0; k < o->nsteps; k++) {
        char label[40];
        if (o->step_hi[k] == INT_MAX) snprintf(label, sizeof label, "%s %d-", styr_tr("uge", "weeks"), o->step_lo[k]);
        else snprintf(label, sizeof label, "%s %d-%d", styr_tr("uge", "weeks"), o->step_lo[k], o->step_hi[k]);
        const char *row[] = {label, styr_fmt_num(s[0], 48, o->weeks[k], 0), styr_fmt_num(s[1], 48, o->gross[k], 0),
                             styr_fmt_num(s[2], 48, o->gross[k] - o->net[k], 0), styr_fmt_num(s[3], 48, o->net[k], 0)};
        styr_table_row(t, row);
    }
    const char *tot[] = {styr_tr("I alt", "Total"), styr_fmt_num(s[0], 48, o->tot_weeks, 0),
                         styr_fmt_num(s[1], 48, o->tot_gross, 0), styr_fmt_num(s[2], 48, o->tot_gross - o->tot_net, 0),
                         styr_fmt_num(s[3], 48, o->tot_net, 0)};
    styr_table_row(t, tot);
    styr_table_print(t, stdout);
    styr_table_free(t);
    styr_fmt_kr(c, sizeof c, o->result);
    printf(styr_tr("\nNettobesparelse efter refusion %s; investering %s; nettogevinst %s%s\n",
                   "\nNet saving after refusion %s; investment %s; net gain %s%s\n"),
           styr_fmt_kr(a, sizeof a, o->tot_net), styr_fmt_kr(b, sizeof b, o->investment), c, stop(c));
    if (o->payback_weeks >= 0)
        printf(styr_tr("Tilbagebetalingstid: %d uger (%s måneder) fra tilbuddets start.\n",
                       "Payback period: %d weeks (%s months) from the offer's start.\n"),
               o->payback_weeks, styr_fmt_num(a, sizeof a, o->payback_weeks * 12.0 / 52.0, 1));
    else
        printf("%s\n", styr_tr("Investeringen tjener sig ikke hjem på de sparede uger.",
                               "The investment does not pay for itself on the weeks saved."));
}

static void print_json(const styr_invest *o, const styr_invest_in *in, int kommune, const char *ydelse,
                       const char *tilbud, const char *regime, int year)
{
    json_t *j = json_object(), *steps = json_array();
    json_object_set_new(j, "kommune", json_integer(kommune));
    json_object_set_new(j, "ydelse", json_string(ydelse));
    json_object_set_new(j, "tilbud", json_string(tilbud));
    json_object_set_new(j, "aar", json_integer(year));
    json_object_set_new(j, "regime", json_string(regime));
    json_object_set_new(j, "personer", json_real(in->persons));
    json_object_set_new(j, "pris_pr_person", json_real(in->cost_per_person));
    json_object_set_new(j, "start_uge", json_integer(in->start));
    json_object_set_new(j, "varighed", json_integer(in->duration));
    json_object_set_new(j, "sparede_uger_fra", json_integer(o->first_saved));
    json_object_set_new(j, "sparede_uger_til", json_integer(o->last_saved));
    for (int k = 0; k < o->nsteps; k++) {
        json_t *s = json_object();
        json_object_set_new(s, "fra_uge", json_integer(o->step_lo[k]));
        json_object_set_new(s, "til_uge", o->step_hi[k] == INT_MAX ? json_null() : json_integer(o->step_hi[k]));
        json_object_set_new(s, "uger", json_real(o->weeks[k]));
        json_object_set_new(s, "brutto", json_real(round(o->gross[k] * 100) / 100));
        json_object_set_new(s, "netto", json_real(round(o->net[k] * 100) / 100));
        json_array_append_new(steps, s);
    }
    json_object_set_new(j, "trin", steps);
    json_object_set_new(j, "brutto", json_real(round(o->tot_gross * 100) / 100));
    json_object_set_new(j, "netto_besparelse", json_real(round(o->tot_net * 100) / 100));
    json_object_set_new(j, "investering", json_real(round(o->investment * 100) / 100));
    json_object_set_new(j, "nettogevinst", json_real(round(o->result * 100) / 100));
    json_object_set_new(j, "tilbagebetaling_uger", o->payback_weeks >= 0 ? json_integer(o->payback_weeks) : json_null());
    json_dumpf(j, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    fputc('\n', stdout);
    json_decref(j);
}

int styr_cmd_invest(styr_cli *cli, int argc, char **argv)
{
    args a = {.persons = NAN, .pris = NAN, .effekt_uger = NAN, .effekt_pct = NAN, .varighed = NAN, .start = 1,
              .format = STYR_FMT_TABLE};
    int r = parse(cli, argc, argv, &a);
    if (r) return r < 0 ? STYR_EXIT_OK : r;
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_rules *rules = styr_xcalloc(1, sizeof *rules);
    styr_qresult res;
    memset(&res, 0, sizeof res);
    int e = STYR_EXIT_OK;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (!rc) rc = styr_rules_load(ws, rules, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    int own = styr_ws_egen_kommune(ws);
    int k = a.kommune ? styr_codes_kommune(codes, a.kommune, strlen(a.kommune))
          : own > 0 && own < 1000 ? codes->kom_idx[own] : -1;
    if (k < 0) {
        e = a.kommune ? styr_cli_bad_option("invest", "--kommune", a.kommune) : styr_cli_bad_option("invest", "--kommune", "");
        goto out;
    }
    int g = styr_codes_ydelse(codes, a.ydelse, strlen(a.ydelse));
    int tb = styr_codes_tilbud(codes, a.tilbud, strlen(a.tilbud));
    if (g <= 0) { e = styr_cli_bad_option("invest", "--ydelse", a.ydelse); goto out; }
    if (tb <= 0) { e = styr_cli_bad_option("invest", "--tilbud", a.tilbud); goto out; }
    int year = a.aar ? a.aar : styr_default_year(p);
    styr_period py;
    char yname[16];
    snprintf(yname, sizeof yname, "%d", year);
    styr_period_parse(yname, &py);
    int reg = a.regime ? styr_rules_find(rules, a.regime) : styr_rules_regime_of(rules, py.first);
    if (reg < 0) { e = styr_cli_bad_option("invest", "--regime", a.regime ? a.regime : yname); goto out; }
    double rate = styr_rules_rate(rules, year, g);
    if (isnan(rate)) {
        fprintf(stderr, styr_tr("styr invest: ingen sats for %s i %d (satser.csv)\n",
                                "styr invest: no rate for %s in %d (satser.csv)\n"),
                codes->dict.yd[g], year);
        e = STYR_EXIT_USAGE;
        goto out;
    }
    /* the duration without the offer: given, or the mean of ended spells that year */
    const char *dur_src = styr_tr("angivet", "given");
    double dur = a.varighed;
    if (isnan(dur)) {
        int kk[2] = {k, codes->dict.nkom}, gg[1] = {g};
        styr_query q = {.kom = kk, .nkom = 2, .grp = gg, .ngrp = 1, .per = &py, .nper = 1, .use_store = 1};
        if ((rc = styr_query_run(ws, &q, &res, &d))) goto fail;
        const styr_cell *ck = styr_cube_at(&res.cube, 0, k, g), *cl = styr_cube_at(&res.cube, 0, codes->dict.nkom, g);
        int open = a.intern && own == codes->dict.kom[k];
        /* the municipality's varighed where the discretion pattern shows it (or --intern) */
        if (ck->ended && (open || !(styr_qresult_hide(&res, 0, k, g) >> SDC_ENDED & 1u))) {
            dur = (double)ck->ended_len / ck->ended;
            dur_src = styr_tr("kommunens gennemsnit", "the municipality's mean");
        } else if (cl->ended) { /* the national mean (hidden only on a panel of a handful of persons) */
            dur = (double)cl->ended_len / cl->ended;
            dur_src = styr_tr("landets gennemsnit", "the country's mean");
        } else {
            fprintf(stderr, "styr invest: %s\n",
                    styr_tr("ingen afsluttede forløb at beregne varigheden ud fra; angiv --varighed",
                            "no ended spells to take the duration from; give --varighed"));
            e = STYR_EXIT_USAGE;
            goto out;
        }
    }
    styr_invest_in in = {.grp = g, .regime = reg, .rate = rate, .start = a.start, .persons = a.persons,
                         .cost_per_person = a.pris};
    in.duration = (int)lround(dur);
    if (in.duration < in.start) in.duration = in.start;
    double saved = !isnan(a.effekt_uger) ? a.effekt_uger : a.effekt_pct / 100 * (in.duration - in.start + 1);
    in.saved = (int)lround(saved);
    styr_invest o;
    styr_invest_compute(&in, rules, &o);
    const char *kname = codes->kom_name[k];
    const char *gname = styr_lang_get() == STYR_LANG_EN ? codes->yd_name_en[g] : codes->yd_name[g];
    const char *tname = styr_lang_get() == STYR_LANG_EN ? codes->tb_name_en[tb] : codes->tb_name[tb];
    if (a.format == STYR_FMT_JSON)
        print_json(&o, &in, codes->dict.kom[k], codes->dict.yd[g], codes->dict.tb[tb], rules->regname[reg], year);
    else print_table(&o, &in, kname, gname, tname, rules->regname[reg], year, dur_src);
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_qresult_free(&res);
    free(rules);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
