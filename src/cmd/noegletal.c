/* styr noegletal: a municipality's key figures against its cluster. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/level.h"
#include "../core/num.h"
#include "../core/period.h"
#include "../core/week.h"
#include "../out/table.h"
#include "../ws/catalog.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr noegletal [-w ARBEJDSOMRÅDE] --kommune KODE [--periode P] [--intern]\n"
    "\n"
    "Viser kommunens nøgletal for hver ydelse og for offentligt forsørgede i alt ved\n"
    "siden af klyngens (klyngen som ét område: summen af tællere over summen af\n"
    "nævnere): fuldtidspersoner, andel af befolkningen 16-66 år, aktiveringsgrad og\n"
    "personer. Tal, der hviler på færre end 5 personer, vises som \"..\".\n"
    "\n"
    "  --kommune KODE   kommunen (standard: arbejdsområdets egen kommune)\n"
    "  --periode P      2024, 2024K2, 2024M03, 2024U05 eller 2024M03R12\n"
    "                   (standard: panelets sidste hele år)\n"
    "  --intern         vis egen kommunes tal uden diskretion (kun for\n"
    "                   arbejdsområdets egen kommune)\n";
static const char help_en[] =
    "Usage: styr noegletal [-w WORKSPACE] --kommune CODE [--periode P] [--intern]\n"
    "\n"
    "Shows the municipality's key figures for each benefit group and for all public\n"
    "support beside its cluster's (the cluster as one area: sum of numerators over sum\n"
    "of denominators): full-time recipients, share of the population aged 16-66,\n"
    "activation rate and persons. Figures resting on fewer than 5 persons show \"..\".\n"
    "\n"
    "  --kommune CODE   the municipality (default: the workspace's own)\n"
    "  --periode P      2024, 2024K2, 2024M03, 2024U05 or 2024M03R12\n"
    "                   (default: the panel's last whole year)\n"
    "  --intern         show the own municipality's figures without discretion (only\n"
    "                   for the workspace's own municipality)\n";

typedef struct sums { double weeks, active, persons, pop; } sums;

/* ".." when discretion hides it, "-" when there is nothing to divide by. */
static void fmt_share(char *buf, size_t cap, double num, double den, int ok)
{
    if (!ok) snprintf(buf, cap, "..");
    else if (den <= 0) snprintf(buf, cap, "-");
    else styr_fmt_pct(buf, cap, 100.0 * num / den, 1);
}

int styr_cmd_noegletal(styr_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"kommune", required_argument, 0, 'k'}, {"periode", required_argument, 0, 'p'},
                                          {"intern", no_argument, 0, 'i'},        {"workspace", required_argument, 0, 'w'},
                                          {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    long long kommune = 0;
    const char *pname = NULL;
    int intern = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "w:h", opts, NULL)) != -1) {
        switch (c) {
        case 'k':
            if (styr_cli_int(optarg, 1, 999, &kommune)) return styr_cli_bad_option("noegletal", "--kommune", optarg);
            break;
        case 'p': pname = optarg; break;
        case 'i': intern = 1; break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    styr_period per;
    if (pname && styr_period_parse(pname, &per)) return styr_cli_bad_option("noegletal", "--periode", pname);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_level lv = {0};
    int e = STYR_EXIT_OK;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    if (!kommune) kommune = styr_ws_egen_kommune(ws);
    if (!kommune || codes->kom_idx[kommune] < 0) {
        char v[16];
        snprintf(v, sizeof v, "%lld", kommune);
        e = styr_cli_bad_option("noegletal", "--kommune", v);
        goto out;
    }
    if (intern && kommune != styr_ws_egen_kommune(ws)) {
        fprintf(stderr, "styr noegletal: %s\n",
                styr_tr("--intern gælder kun arbejdsområdets egen kommune (styr init --kommune)",
                        "--intern applies only to the workspace's own municipality (styr init --kommune)"));
        e = STYR_EXIT_USAGE;
        goto out;
    }
    if (!pname) {
        int wmax = styr_panel_week_max(p);
        int y = wmax >= 0 ? styr_week_year(wmax) : 2024;
        char yb[8];
        if (wmax >= 0 && styr_week_from_iso(y, styr_iso_weeks_in_year(y)) > wmax) y--;
        snprintf(yb, sizeof yb, "%d", y);
        styr_period_parse(yb, &per);
    }
    if ((rc = styr_level_compute(p, codes, &per, &lv, &d))) goto fail;
    int k = codes->kom_idx[kommune];
    int year = per.kind == STYR_P_WEEK ? per.year : styr_week_year(per.last);
    styr_clusters cl;
    double *pop = calloc((size_t)codes->dict.nkom, sizeof *pop);
    if ((rc = styr_cat_clusters(ws, year, &cl, &d)) || (rc = styr_cat_population(ws, year, 16, 66, pop, &d))) {
        free(pop);
        goto fail;
    }
    int ci = cl.of[k];
    char a[48], b[48];
    printf(styr_tr("Nøgletal %s for %s Kommune (%lld) mod klyngen\n", "Key figures %s for %s (%lld) against its cluster\n"),
           per.name, codes->kom_name[k], kommune);
    if (ci >= 0) {
        printf(styr_tr("Klynge: %s (%d): ", "Cluster: %s (%d): "), cl.name[ci], cl.year);
        int n = 0;
        for (int j = 0; j < codes->dict.nkom; j++)
            if (cl.of[j] == ci) printf("%s%s", n++ ? ", " : "", codes->kom_name[j]);
        printf(styr_tr(" (%d kommuner)\n", " (%d municipalities)\n"), n);
    } else {
        printf("%s\n", styr_tr("Kommunen er ikke i nogen klynge dette år.", "The municipality is in no cluster that year."));
    }
    double cpop = 0;
    for (int j = 0; j < codes->dict.nkom; j++)
        if (ci >= 0 && cl.of[j] == ci) cpop += pop[j];
    printf(styr_tr("Befolkning 16-66 år %d: %s i kommunen, %s i klyngen. Uger i perioden: %d.\n\n",
                   "Population aged 16-66 in %d: %s in the municipality, %s in the cluster. Weeks in the period: %d.\n\n"),
           year, styr_fmt_int(a, sizeof a, (long long)pop[k]), styr_fmt_int(b, sizeof b, (long long)cpop), lv.pweeks);

    styr_table *t = styr_table_new(8, "lrrrrrrr");
    const char *head[8] = {styr_tr("Ydelse", "Benefit group"), styr_tr("Fuldtidspers.", "Full-time"),
                           styr_tr("Andel", "Share"), styr_tr("Klyngen", "Cluster"), styr_tr("Forskel", "Difference"),
                           styr_tr("Akt.grad", "Activation"), styr_tr("Klyngen", "Cluster"),
                           styr_tr("Personer", "Persons")};
    styr_table_row(t, head);
    int suppressed = 0;
    for (int yy = 1; yy <= codes->dict.nyd; yy++) {
        int y = yy == codes->dict.nyd ? 0 : yy; /* "i alt" last */
        const styr_level_cell *own = styr_level_at(&lv, k, y);
        sums cs = {0};
        for (int j = 0; j < codes->dict.nkom; j++)
            if (ci >= 0 && cl.of[j] == ci) {
                const styr_level_cell *x = styr_level_at(&lv, j, y);
                cs.weeks += (double)x->weeks;
                cs.active += (double)x->active;
                cs.persons += (double)x->persons;
            }
        int ok = intern || own->persons >= STYR_DISCRETION;
        int cok = cs.persons >= STYR_DISCRETION;
        suppressed |= !ok || !cok;
        double fte = (double)own->weeks / lv.pweeks, cfte = cs.weeks / lv.pweeks;
        char c1[48], c2[48], c3[48], c4[48], c5[48], c6[48], c7[48];
        if (ok) styr_fmt_num(c1, sizeof c1, fte, 1); else snprintf(c1, sizeof c1, "..");
        fmt_share(c2, sizeof c2, fte, pop[k], ok);
        fmt_share(c3, sizeof c3, cfte, cpop, cok);
        if (ok && cok && pop[k] > 0 && cpop > 0) {
            double diff = 100.0 * fte / pop[k] - 100.0 * cfte / cpop;
            styr_fmt_num(c4, sizeof c4, diff, 1);
            char zero[16];
            styr_fmt_num(zero, sizeof zero, 0.0, 1);
            if (diff > 0 && strcmp(c4, zero)) { memmove(c4 + 1, c4, strlen(c4) + 1); c4[0] = '+'; }
            strcat(c4, styr_tr(" pct.-point", " pp"));
        } else snprintf(c4, sizeof c4, "..");
        fmt_share(c5, sizeof c5, (double)own->active, (double)own->weeks, ok);
        fmt_share(c6, sizeof c6, cs.active, cs.weeks, cok);
        if (ok) styr_fmt_int(c7, sizeof c7, (long long)own->persons); else snprintf(c7, sizeof c7, "..");
        const char *name = y ? (styr_lang_get() == STYR_LANG_EN ? codes->yd_name_en[y] : codes->yd_name[y])
                             : styr_tr("Offentligt forsørgede i alt", "All public support");
        const char *row[8] = {name, c1, c2, c3, c4, c5, c6, c7};
        styr_table_row(t, row);
    }
    styr_table_print(t, stdout);
    styr_table_free(t);
    printf("\n%s\n", styr_tr("Andel = fuldtidspersoner i pct. af befolkningen 16-66 år. Akt.grad = andel af ugerne med et tilbud.\n"
                             "- = intet at beregne ud fra.",
                             "Share = full-time recipients as a percentage of the population aged 16-66. Activation = share of weeks with an offer.\n"
                             "- = nothing to compute from."));
    if (suppressed)
        printf("%s\n", styr_tr(".. = diskretion: tallet hviler på færre end 5 personer.",
                               ".. = discretion: the figure rests on fewer than 5 persons."));
    free(pop);
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_level_free(&lv);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
