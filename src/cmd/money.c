/* styr money: gross cost, refusion and net municipal cost under the refusion regimes. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/money.h"
#include "../calc/query.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "../out/figout.h"
#include "../ws/catalog.h"
#include "cli.h"
#include "cmds.h"
#include "select.h"

static const char help_da[] =
    "Brug: styr money [-w ARBEJDSOMRÅDE] [--regime 2010|2011|2016|auto] [--compare A,B]\n"
    "                 [--kommune K,...] [--ydelse G,...] [--periode P,...]\n"
    "                 [--format table|csv|json|xlsx] [-o FIL] [--intern] [-j N]\n"
    "\n"
    "Bruttoudgift (uger x satsen for året i satser.csv), refusion og kommunens\n"
    "nettoudgift efter refusionsreglerne (refusion.csv): 2010 (aktiv/passiv), 2011\n"
    "(finansieringsomlægningen) og 2016 (refusionstrappen, hvor en persons antal uger\n"
    "på ydelse bestemmer refusionen og starter forfra efter 52 ugers selvforsørgelse\n"
    "inden for 3 år). Nettoudgift pr. fuldtidsperson og pr. indbygger (16-66 og 18-64\n"
    "år) og fordelt på trappens trin. For én kommune: hvad der kunne frigøres, hvis\n"
    "nettoudgiften pr. 18-64-årig var på klyngens niveau.\n"
    "\n"
    "  --regime R       2010, 2011, 2016 eller auto (det regime, der gjaldt hver uge;\n"
    "                   standard)\n"
    "  --compare A,B    de samme data under regime A og B side om side, med forskellen\n"
    "  --kommune, --ydelse, --periode, --format, -o, --intern, -j  som i styr figures\n";
static const char help_en[] =
    "Usage: styr money [-w WORKSPACE] [--regime 2010|2011|2016|auto] [--compare A,B]\n"
    "                  [--kommune K,...] [--ydelse G,...] [--periode P,...]\n"
    "                  [--format table|csv|json|xlsx] [-o FILE] [--intern] [-j N]\n"
    "\n"
    "Gross cost (weeks x the year's rate in satser.csv), reimbursement and the\n"
    "municipality's net cost under the refusion rules (refusion.csv): 2010\n"
    "(active/passive), 2011 (the financing reform) and 2016 (the staircase, where a\n"
    "person's count of weeks on benefit sets the reimbursement and starts over after 52\n"
    "weeks of self-support within 3 years). Net cost per full-time recipient and per\n"
    "inhabitant (16-66 and 18-64) and by step of the staircase. For one municipality:\n"
    "what could be freed if its net cost per 18-64-year-old were at its cluster's level.\n"
    "\n"
    "  --regime R       2010, 2011, 2016 or auto (the regime in force each week;\n"
    "                   default)\n"
    "  --compare A,B    the same data under regime A and B side by side, with the\n"
    "                   difference\n"
    "  --kommune, --ydelse, --periode, --format, -o, --intern, -j  as in styr figures\n";

/* A regime name to its index (auto = nreg), or -1. */
static int regime_index(const styr_rules *r, const char *name)
{
    if (!strcmp(name, "auto")) return r->nreg;
    return styr_rules_find(r, name);
}

/* The potential of one municipality against its cluster, for all public support. */
static void potential(styr_ws *ws, const styr_qresult *res, const styr_rules *rules, int reg, int k,
                      const double *pop1864, int p)
{
    const styr_codes *codes = styr_ws_codes(ws);
    const styr_period *per = &res->ps.p[p];
    styr_clusters cl;
    styr_diags d;
    styr_diags_init(&d);
    if (styr_cat_clusters(ws, styr_period_pop_year(per), &cl, &d) || cl.of[k] < 0 || pop1864[k] <= 0) {
        styr_diags_free(&d);
        return;
    }
    double cnet = 0, cpop = 0;
    int members[STYR_MAX_KOMMUNER], nm = 0;
    for (int j = 0; j < codes->dict.nkom; j++)
        if (cl.of[j] == cl.of[k]) {
            const styr_cell *c = styr_cube_at(&res->cube, p, j, 0);
            cnet += c->net[reg];
            cpop += pop1864[j];
            members[nm++] = j;
        }
    const styr_cell *own = styr_cube_at(&res->cube, p, k, 0);
    if (cpop <= 0 || !own->persons) return;
    /* the discretion pattern of the money figures, for the municipality and its cluster */
    if ((styr_qresult_hide(res, p, k, 0) | styr_qresult_hide_set(res, p, members, nm, 0)) >> SDC_MONEY & 1u) {
        printf(styr_tr("\n%s, %s: potentialet mod klyngen kan ikke vises (diskretion).\n",
                       "\n%s, %s: the potential against the cluster cannot be shown (discretion).\n"),
               per->name, codes->kom_name[k]);
        return;
    }
    double o = own->net[reg] / pop1864[k], c = cnet / cpop;
    char a[32], b[32], m[48];
    printf(styr_tr("\n%s, %s: nettoudgift til offentligt forsørgede pr. 18-64-årig %s kr. mod klyngens %s kr. (%s).\n",
                   "\n%s, %s: net cost of public support per 18-64-year-old DKK %s against the cluster's DKK %s (%s).\n"),
           per->name, codes->kom_name[k], styr_fmt_num(a, sizeof a, o, 0), styr_fmt_num(b, sizeof b, c, 0), cl.name[cl.of[k]]);
    double pot = styr_potential(o, c, pop1864[k]);
    if (pot > 0)
        printf(styr_tr("På klyngens niveau ville det frigøre %s (%s 18-64-årige x %s kr.).\n",
                       "At the cluster's level it would free %s (%s inhabitants aged 18-64 x DKK %s).\n"),
               styr_fmt_mio_kr(m, sizeof m, pot), styr_fmt_int(a, sizeof a, (long long)pop1864[k]),
               styr_fmt_num(b, sizeof b, o - c, 0));
    else
        printf("%s\n", styr_tr("Kommunen ligger på eller under klyngens niveau.",
                               "The municipality is at or below its cluster's level."));
    (void)rules;
}

/* Net cost by step of the trappe for the rows of all public support under one regime. */
static void staircase(const styr_figrow *rows, size_t n, const styr_rules *r, const char *regime)
{
    for (size_t i = 0; i < n; i++) {
        const styr_figrow *x = &rows[i];
        if (strcmp(x->regime, regime) || strcmp(x->ydelse, "offentligt_forsoergede") ||
            x->v[MONEY_STEP0].state != STYR_FV_OK || x->v[MONEY_NETTO].v <= 0)
            continue;
        printf(styr_tr("\n%s, %s: nettoudgift efter trin på refusionstrappen (regime %s)\n",
                       "\n%s, %s: net cost by step of the staircase (regime %s)\n"),
               x->periode, x->kommunenavn, regime);
        double rest = x->v[MONEY_NETTO].v;
        char a[32], b[32], c[32];
        for (int k = 0; k < r->nsteps; k++) {
            char span[24], label[40];
            if (r->step_hi[k] == INT_MAX) snprintf(span, sizeof span, "%d-", r->step_lo[k]);
            else snprintf(span, sizeof span, "%d-%d", r->step_lo[k], r->step_hi[k]);
            snprintf(label, sizeof label, "%s %s", styr_tr("uge", "weeks"), span);
            double net = x->v[MONEY_STEP0 + k].v;
            double weeks = x->v[MONEY_STEP0 + r->nsteps + k].v;
            char e[32], f[64] = "";
            if (weeks > 0)
                snprintf(f, sizeof f, styr_tr("%8s kr. pr. personuge", "DKK %8s per person-week"),
                         styr_fmt_num(e, sizeof e, net / weeks, 0));
            printf(styr_tr("  %-16s %14s kr.  %11s  %12s personuger%s%s\n",
                           "  %-20s DKK %14s  %11s  %12s person-weeks%s%s\n"),
                   label, styr_fmt_num(a, sizeof a, net, 0), styr_fmt_pct(b, sizeof b, 100 * net / x->v[MONEY_NETTO].v, 1),
                   styr_fmt_int(c, sizeof c, (long long)weeks), *f ? "  " : "", f);
            rest -= net;
        }
        /* groups outside the trappe (førtidspension, fleksjob, ...) keep their own rules */
        printf(styr_tr("  %-16s %14s kr.  %11s\n", "  %-20s DKK %14s  %11s\n"),
               styr_tr("uden for trappen", "not on the staircase"), styr_fmt_num(a, sizeof a, rest, 0),
               styr_fmt_pct(b, sizeof b, 100 * rest / x->v[MONEY_NETTO].v, 1));
    }
}

int styr_cmd_money(styr_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"regime", required_argument, 0, 'r'},  {"compare", required_argument, 0, 'c'},
        {"kommune", required_argument, 0, 'k'}, {"ydelse", required_argument, 0, 'y'},
        {"periode", required_argument, 0, 'p'}, {"format", required_argument, 0, 'f'},
        {"intern", no_argument, 0, 'i'},        {"workspace", required_argument, 0, 'w'},
        {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    const char *kl = NULL, *yl = NULL, *pl = NULL, *regname = "auto", *compare = NULL;
    styr_figout_opts fo = {.format = STYR_FMT_TABLE};
    styr_query q = {.use_store = 1, .money = 1};
    long long v;
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("money", argc, argv, "w:o:j:h", opts)) != -1) {
        switch (c) {
        case 'r': regname = optarg; break;
        case 'c': compare = optarg; break;
        case 'k': kl = optarg; break;
        case 'y': yl = optarg; break;
        case 'p': pl = optarg; break;
        case 'f':
            if (styr_format_parse(optarg, &fo.format)) return styr_cli_bad_option("money", "--format", optarg);
            break;
        case 'o': fo.path = optarg; break;
        case 'i': q.intern = 1; break;
        case 'j':
            if (styr_cli_int(optarg, 1, 64, &v)) return styr_cli_bad_option("money", "-j", optarg);
            q.threads = (int)v;
            break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("money", styr_tr("argument", "argument"), argv[optind]);
    if (fo.format == STYR_FMT_XLSX && !fo.path) return styr_cli_needs_o("money", "penge.xlsx");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_rules *rules = styr_xcalloc(1, sizeof *rules);
    int e = STYR_EXIT_OK, regs[2], nregs = 1;
    styr_figrow *rows = NULL;
    double *pop1864 = NULL;
    styr_qresult res;
    memset(&res, 0, sizeof res);
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (!rc) rc = styr_rules_load(ws, rules, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    if (compare) {
        char a[32] = "", b[32] = "";
        const char *comma = strchr(compare, ',');
        if (comma && (size_t)(comma - compare) < sizeof a && strlen(comma + 1) < sizeof b) {
            memcpy(a, compare, (size_t)(comma - compare));
            strcpy(b, comma + 1);
        }
        regs[0] = regime_index(rules, a);
        regs[1] = regime_index(rules, b);
        nregs = 2;
        if (regs[0] < 0 || regs[1] < 0 || regs[0] == regs[1]) { e = styr_cli_bad_option("money", "--compare", compare); goto out; }
    } else if ((regs[0] = regime_index(rules, regname)) < 0) {
        e = styr_cli_bad_option("money", "--regime", regname);
        goto out;
    }
    if ((e = styr_select_query(ws, p, "money", kl, yl, pl, fo.format == STYR_FMT_TABLE, &q))) goto out;
    const int *kom = q.kom, *grps = q.grp, nk = q.nkom, ng = q.ngrp;
    if ((rc = styr_query_run(ws, &q, &res, &d))) goto fail;

    /* the population aged 18-64 of each period's year (KL's cost per inhabitant) */
    const int nkc = res.cube.nk;
    pop1864 = styr_xcalloc((size_t)res.ps.n * (size_t)nkc, sizeof *pop1864);
    for (int i = 0; i < res.ps.n; i++) {
        double *pp = pop1864 + (size_t)i * (size_t)nkc;
        if ((rc = styr_cat_population(ws, styr_period_pop_year(&res.ps.p[i]), 18, 64, pp, &d))) goto fail;
        for (int k = 0; k < nkc - 1; k++) pp[nkc - 1] += pp[k];
    }
    /* one row per figure row and regime, and with --compare the difference */
    size_t nrows = res.nrows * (size_t)(nregs == 2 ? 3 : 1), o = 0;
    rows = styr_xcalloc(nrows ? nrows : 1, sizeof *rows);
    char diffname[40];
    if (nregs == 2)
        snprintf(diffname, sizeof diffname, "%s-%s", regs[1] == rules->nreg ? "auto" : rules->regname[regs[1]],
                 regs[0] == rules->nreg ? "auto" : rules->regname[regs[0]]);
    for (size_t i = 0; i < res.nrows; i++) {
        const styr_figrow *fr = &res.rows[i];
        int pi = (int)(i / ((size_t)nk * (size_t)ng)), k = kom[(i / (size_t)ng) % (size_t)nk], g = grps[i % (size_t)ng];
        int suppress = (int)(styr_qresult_hide(&res, pi, k, g) >> SDC_MONEY & 1u);
        size_t first = o;
        for (int j = 0; j < nregs; j++) {
            styr_figrow *x = &rows[o++];
            *x = *fr;
            x->regime = regs[j] == rules->nreg ? "auto" : rules->regname[regs[j]];
            x->suppressed = 0;
            styr_money_of(fr->cell, rules, regs[j], styr_period_weeks(&res.ps.p[pi]), res.pop[(size_t)pi * (size_t)nkc + (size_t)k],
                          pop1864[(size_t)pi * (size_t)nkc + (size_t)k], suppress, x->v);
            if (res.outside[pi]) /* the panel has no week of the period: no data, not 0 kr. */
                for (int f = 0; f < STYR_NMONEY; f++) x->v[f] = (styr_figval){0, STYR_FV_NONE};
        }
        if (nregs == 2) {
            styr_figrow *x = &rows[o++];
            *x = rows[first];
            x->regime = diffname;
            for (int f = 0; f < STYR_NMONEY; f++) {
                const styr_figval *a = &rows[first].v[f], *b = &rows[first + 1].v[f];
                x->v[f] = a->state == STYR_FV_OK && b->state == STYR_FV_OK
                              ? (styr_figval){b->v - a->v, STYR_FV_OK}
                              : (styr_figval){0, a->state == STYR_FV_SUPPRESSED || b->state == STYR_FV_SUPPRESSED
                                                     ? STYR_FV_SUPPRESSED : STYR_FV_NONE};
            }
        }
        for (size_t j = first; j < o; j++)
            for (int f = 0; f < STYR_NMONEY; f++) rows[j].suppressed |= rows[j].v[f].state == STYR_FV_SUPPRESSED;
    }
    styr_money_defs md;
    styr_money_defs_make(&md, rules);
    static const int table_cols[] = {MONEY_BRUTTO, MONEY_REFUSION, MONEY_NETTO, MONEY_PR_FTE, MONEY_PR_INDB_18_64};
    fo.defs = md.def;
    fo.ndefs = md.n;
    fo.table_cols = table_cols;
    fo.ntable = (int)(sizeof table_cols / sizeof table_cols[0]);
    if ((rc = styr_figout_write(rows, o, &fo, &d))) goto fail;
    if (fo.format == STYR_FMT_TABLE) {
        /* the staircase, and for one municipality the potential */
        if (o) staircase(rows, o, rules, rows[nregs - 1].regime);
        if (nk == 1 && kom[0] < codes->dict.nkom)
            for (int i = 0; i < res.ps.n; i++)
                potential(ws, &res, rules, regs[nregs - 1], kom[0], pop1864 + (size_t)i * (size_t)nkc, i);
    }
    styr_ws_close(ws);
    ws = NULL;
    if ((rc = styr_cli_store(cli, &res, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_qresult_free(&res);
    free(rows);
    free(pop1864);
    free(rules);
    styr_select_free(&q);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
