/* styr noegletal: a municipality's key figures against its cluster. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/query.h"
#include "../core/num.h"
#include "../out/figtext.h"
#include "../out/table.h"
#include "../ws/catalog.h"
#include "cli.h"
#include "select.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr noegletal [-w ARBEJDSOMRÅDE] --kommune KODE [--periode P] [--intern]\n"
    "\n"
    "Viser kommunens nøgletal for hver ydelse og for offentligt forsørgede i alt ved\n"
    "siden af klyngens (klyngen som ét område: summen af tællere over summen af\n"
    "nævnere): fuldtidspersoner, andel af befolkningen 16-66 år, aktiveringsgrad og\n"
    "personer. Tal, der hviler på færre end 5 personer, vises som \"..\".\n"
    "\n"
    "  --kommune KODE   kommunen, kode eller navn (standard: arbejdsområdets egen)\n"
    "  --periode P      2024, 2024K2, 2024M03, 2024U05, 2024M03R12 eller 2024M06AATD\n"
    "                   (standard: panelets sidste hele år)\n"
    "  --intern         vis egen kommunes tal uden diskretion (kun for\n"
    "                   arbejdsområdets egen kommune)\n"
    "  --kilde K        auto (standard): panelets tal og, hvor panelet ikke har\n"
    "                   kommunen i perioden, jobindsats.dk's; jobindsats: kun dem;\n"
    "                   panel: kun panelets\n";
static const char help_en[] =
    "Usage: styr noegletal [-w WORKSPACE] --kommune CODE [--periode P] [--intern]\n"
    "\n"
    "Shows the municipality's key figures for each benefit group and for all public\n"
    "support beside its cluster's (the cluster as one area: sum of numerators over sum\n"
    "of denominators): full-time recipients, share of the population aged 16-66,\n"
    "activation rate and persons. Figures resting on fewer than 5 persons show \"..\".\n"
    "\n"
    "  --kommune CODE   the municipality, code or name (default: the workspace's own)\n"
    "  --periode P      2024, 2024K2, 2024M03, 2024U05, 2024M03R12 or 2024M06AATD\n"
    "                   (default: the panel's last whole year)\n"
    "  --intern         show the own municipality's figures without discretion (only\n"
    "                   for the workspace's own municipality)\n"
    "  --kilde K        auto (default): the panel's figures and, where the panel lacks\n"
    "                   the municipality for the period, jobindsats.dk's; jobindsats:\n"
    "                   only those; panel: only the panel's\n";

/* ".." when discretion hides it, "-" when there is nothing to compute from. */
static void text(char *buf, size_t cap, const styr_figval *v, int pct)
{
    if (v->state == STYR_FV_SUPPRESSED) snprintf(buf, cap, "..");
    else if (v->state == STYR_FV_NONE) snprintf(buf, cap, "-");
    else if (v->state == STYR_FV_NA) snprintf(buf, cap, ".");
    else if (pct) styr_fmt_pct(buf, cap, v->v, 1);
    else styr_fmt_num(buf, cap, v->v, 1);
}

static void add_source(const char **v, int *n, const char *s)
{
    for (int i = 0; i < *n; i++)
        if (!strcmp(v[i], s)) return;
    if (*n < 16) v[(*n)++] = s;
}

/* The cluster where some member's figures are published ones: full-time
 * persons summed over the members' rows and their share of the cluster's
 * population; any member without a value makes the sum that state (a
 * suppressed member "..", none "-"); what the published tables do not carry
 * is "-". */
static void cluster_from_rows(const styr_qresult *res, const int *members, int nm, int r, int ng, double cpop,
                              styr_figval cv[STYR_NFIG])
{
    int any = 0;
    for (int j = 0; j < nm && !any; j++) any = res->rows[(size_t)members[j] * (size_t)ng + (size_t)r].kilde != NULL;
    if (!any) return;
    styr_figval ft = {0, STYR_FV_OK};
    for (int j = 0; j < nm; j++) {
        const styr_figval *x = &res->rows[(size_t)members[j] * (size_t)ng + (size_t)r].v[FIG_FULDTIDSPERSONER];
        if (x->state == STYR_FV_OK) ft.v += x->v;
        else if (ft.state != STYR_FV_SUPPRESSED) ft.state = x->state;
    }
    for (int f = 0; f < STYR_NFIG; f++)
        if (cv[f].state != STYR_FV_NA) cv[f] = (styr_figval){0, STYR_FV_NONE};
    if (cv[FIG_FULDTIDSPERSONER].state != STYR_FV_NA) cv[FIG_FULDTIDSPERSONER] = ft;
    if (cv[FIG_ANDEL].state != STYR_FV_NA)
        cv[FIG_ANDEL] = ft.state != STYR_FV_OK ? ft : cpop > 0 ? (styr_figval){100.0 * ft.v / cpop, STYR_FV_OK}
                                                              : (styr_figval){0, STYR_FV_NONE};
}

int styr_cmd_noegletal(styr_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"kommune", required_argument, 0, 'k'}, {"periode", required_argument, 0, 'p'},
                                          {"intern", no_argument, 0, 'i'},        {"workspace", required_argument, 0, 'w'},
                                          {"kilde", required_argument, 0, 'K'},
                                          {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    long long kommune = 0;
    const char *pname = NULL;
    int intern = 0, c;
    styr_kilde kilde = STYR_KILDE_AUTO;
    optind = 1;
    while ((c = styr_cli_getopt("noegletal", argc, argv, "w:h", opts)) != -1) {
        switch (c) {
        case 'k':
            if (styr_cli_kommune("noegletal", optarg, &kommune)) return STYR_EXIT_USAGE;
            break;
        case 'p': pname = optarg; break;
        case 'i': intern = 1; break;
        case 'K':
            if (styr_kilde_parse(optarg, &kilde)) return styr_cli_bad_option("noegletal", "--kilde", optarg);
            break;
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
    styr_qresult res;
    memset(&res, 0, sizeof res);
    int e = STYR_EXIT_OK, *kom = NULL, *grp = NULL;
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
        e = styr_cli_intern_denied("noegletal");
        goto out;
    }
    if (!pname) {
        char yb[16];
        styr_select_default_period(ws, p, kilde, yb, sizeof yb);
        styr_period_parse(yb, &per);
    }
    if ((e = styr_select_in_source("noegletal", ws, p, &per, 1, kilde))) goto out;
    /* every municipality (the cluster is summed from them), every group */
    const int nkom = codes->dict.nkom, ng = codes->dict.nyd;
    kom = malloc((size_t)nkom * sizeof *kom);
    grp = malloc((size_t)ng * sizeof *grp);
    for (int k = 0; k < nkom; k++) kom[k] = k;
    for (int g = 0; g < ng; g++) grp[g] = (g + 1) % ng; /* groups, then "i alt" */
    styr_query q = {kom, nkom, grp, ng, &per, 1, intern, 0, 1, 0, kilde, NULL};
    if ((rc = styr_query_run(ws, &q, &res, &d))) goto fail;
    int k = codes->kom_idx[kommune], year = styr_period_pop_year(&per);
    styr_clusters cl;
    if ((rc = styr_cat_clusters(ws, year, &cl, &d))) goto fail;
    int ci = cl.of[k];
    double pop = res.pop[k], cpop = 0, cypop = 0;
    char a[48], b[48];
    printf(styr_tr("Nøgletal %s for %s Kommune (%lld) mod klyngen\n", "Key figures %s for %s (%lld) against its cluster\n"),
           per.name, codes->kom_name[k], kommune);
    if (ci >= 0) {
        printf(styr_tr("Klynge: %s (%d): ", "Cluster: %s (%d): "), cl.name[ci], cl.year);
        int n = 0;
        for (int j = 0; j < nkom; j++)
            if (cl.of[j] == ci) {
                printf("%s%s", n++ ? ", " : "", codes->kom_name[j]);
                cpop += res.pop[j];
                cypop += res.ypop[j];
            }
        printf(styr_tr(" (%d kommuner)\n", " (%d municipalities)\n"), n);
    } else {
        printf("%s\n", styr_tr("Kommunen er ikke i nogen klynge dette år.", "The municipality is in no cluster that year."));
    }
    printf(styr_tr("Befolkning 16-66 år %d: %s i kommunen, %s i klyngen. Uger i perioden: %d.\n\n",
                   "Population aged 16-66 in %d: %s in the municipality, %s in the cluster. Weeks in the period: %d.\n\n"),
           year, styr_fmt_int(a, sizeof a, (long long)pop), styr_fmt_int(b, sizeof b, (long long)cpop),
           styr_period_weeks(&per));

    styr_table *t = styr_table_new(8, "lrrrrrrr");
    const char *head[8] = {styr_tr("Ydelse", "Benefit group"), styr_tr("Fuldtidspers.", "Full-time"),
                           styr_tr("Andel", "Share"), styr_tr("Klyngen", "Cluster"), styr_tr("Forskel", "Difference"),
                           styr_tr("Akt.grad", "Activation"), styr_tr("Klyngen", "Cluster"),
                           styr_tr("Personer", "Persons")};
    styr_table_row(t, head);
    int suppressed = 0, none = 0, nsrc = 0;
    const char *sources[16];
    for (int r = 0; r < ng; r++) {
        /* rows are ordered municipality by municipality, the groups within each */
        const styr_figrow *own = &res.rows[(size_t)k * (size_t)ng + (size_t)r];
        int g = grp[r];
        if (g && !codes->yd_public[g]) continue; /* education (SU) is no benefit group */
        styr_cell sum = {0};
        int members[STYR_MAX_KOMMUNER], nm = 0;
        for (int j = 0; j < nkom; j++)
            if (ci >= 0 && cl.of[j] == ci) styr_cell_add(&sum, styr_cube_at(&res.cube, 0, j, g)), members[nm++] = j;
        styr_figval cv[STYR_NFIG];
        styr_figures_of(&sum, styr_period_weeks(&per), cpop, cypop, styr_qresult_hide_set(&res, 0, members, nm, g), cv);
        if (g) styr_figures_na(cv, styr_group_na(codes, g, per.last));
        if (res.any_pub) cluster_from_rows(&res, members, nm, r, ng, cpop, cv);
        if (own->kilde) add_source(sources, &nsrc, own->kilde);
        const styr_figval *ov = own->v;
        char c1[48], c2[48], c3[48], c4[48], c5[48], c6[48], c7[48];
        text(c1, sizeof c1, &ov[FIG_FULDTIDSPERSONER], 0);
        text(c2, sizeof c2, &ov[FIG_ANDEL], 1);
        text(c3, sizeof c3, &cv[FIG_ANDEL], 1);
        if (ov[FIG_ANDEL].state == STYR_FV_OK && cv[FIG_ANDEL].state == STYR_FV_OK) {
            /* the difference of the shown (rounded) shares, so the row subtracts */
            double diff = styr_round(ov[FIG_ANDEL].v, 1) - styr_round(cv[FIG_ANDEL].v, 1);
            char zero[16];
            styr_fmt_num(c4, sizeof c4, diff, 1);
            styr_fmt_num(zero, sizeof zero, 0.0, 1);
            if (diff > 0 && strcmp(c4, zero)) { memmove(c4 + 1, c4, strlen(c4) + 1); c4[0] = '+'; }
            strcat(c4, styr_tr(" pct.-point", " pp"));
        } else {
            snprintf(c4, sizeof c4, "%s", ov[FIG_ANDEL].state == STYR_FV_SUPPRESSED || cv[FIG_ANDEL].state == STYR_FV_SUPPRESSED ? ".."
                                          : ov[FIG_ANDEL].state == STYR_FV_NA                                                    ? "."
                                                                                                                                  : "-");
        }
        text(c5, sizeof c5, &ov[FIG_AKTIVERINGSGRAD], 1);
        text(c6, sizeof c6, &cv[FIG_AKTIVERINGSGRAD], 1);
        if (ov[FIG_PERSONER].state == STYR_FV_OK) styr_fmt_int(c7, sizeof c7, (long long)ov[FIG_PERSONER].v);
        else text(c7, sizeof c7, &ov[FIG_PERSONER], 0);
        const char *row[8] = {own->ydelsenavn, c1, c2, c3, c4, c5, c6, c7};
        for (int i = 1; i < 8; i++) {
            suppressed |= !strcmp(row[i], "..");
            none |= !strcmp(row[i], "-");
        }
        styr_table_row(t, row);
    }
    styr_table_print(t, stdout);
    styr_table_free(t);
    printf("\n%s\n", styr_tr("Andel = fuldtidspersoner i pct. af befolkningen 16-66 år. Akt.grad = andel af ugerne med et tilbud.",
                             "Share = full-time recipients as a percentage of the population aged 16-66. Activation = share of weeks with an offer."));
    if (none) printf("%s\n", styr_none_note());
    if (nsrc) {
        printf("%s", styr_tr("Kilde for kommunens tal, hvor panelet ikke har kommunen i perioden: ",
                             "Source of the municipality's figures where the panel lacks it for the period: "));
        for (int i = 0; i < nsrc; i++) printf("%s%s", i ? "; " : "", sources[i]);
        printf(".\n");
    }
    if (suppressed)
        printf("%s\n", styr_discretion_note());
    styr_ws_close(ws);
    ws = NULL;
    if ((rc = styr_cli_store(cli, &res, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_qresult_free(&res);
    free(kom);
    free(grp);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
