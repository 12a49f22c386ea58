/* styr figures: key figures for municipalities, groups and periods. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/develop.h"
#include "../calc/pubfig.h"
#include "../calc/query.h"
#include "../out/devout.h"
#include "../out/figout.h"
#include "cli.h"
#include "cmds.h"
#include "select.h"

static const char help_da[] =
    "Brug: styr figures [-w ARBEJDSOMRÅDE] [--kommune K,...] [--ydelse G,...] [--periode P,...]\n"
    "                   [--format table|csv|json|xlsx] [-o FIL] [--intern] [--taellinger] [-j N]\n"
    "\n"
    "Beregner nøgletallene (spec/measures.md) for hver periode, kommune og ydelse i ét\n"
    "gennemløb af panelet: fuldtidspersoner, personer, aktiveringsgrad, andel af\n"
    "befolkningen, det samme for unge under 30, forløb startet og afsluttet, varighed,\n"
    "langvarige og status 4, 13, 26 og 52 uger efter afsluttede forløb. Tal, der\n"
    "allerede er beregnet for det samme panel, læses fra kataloget.\n"
    "\n"
    "  --kommune K,...   kommunekoder eller -navne, 'alle' og/eller 'land' (hele\n"
    "                    landet). Standard: alle kommuner og landet; i tabelform egen\n"
    "                    kommune eller landet\n"
    "  --ydelse G,...    ydelseskoder, 'alle' eller 'i_alt' (offentligt forsørgede i alt).\n"
    "                    Standard: alle ydelser og i alt\n"
    "  --periode P,...   2024, 2024K2 (2024Q2), 2024M03, 2024U05, 2024M03R12, år til dato 2024M06AATD\n"
    "                    og intervaller som 2015M01..2024M12. Standard: panelets sidste hele år\n"
    "  --format F        table (standard), csv (dansk Excel: ; og decimalkomma),\n"
    "                    json eller xlsx (et ark pr. ydelse; kræver -o)\n"
    "  -o FIL            skriv til FIL i stedet for standardoutput\n"
    "  --intern          egen kommunes tal uden diskretion\n"
    "  --taellinger      tag de bagvedliggende tællinger med (csv og json)\n"
    "  -j N              antal tråde (standard: alle kerner)\n"
    "  --ingen-cache     beregn igen, også det der er gemt\n"
    "  --kilde K         auto (standard): panelets tal, og jobindsats.dk's offentlige tal\n"
    "                    (styr import/hent) for en kommune og periode, panelet ikke har;\n"
    "                    jobindsats: kun de offentlige; panel: kun panelets. Offentlige tal\n"
    "                    står med kilde, tabel og hentedato\n"
    "\n"
    "  --udvikling       udviklingen, som et udvalg følger den: hver af de seneste 24\n"
    "                    måneder mod samme måned året før, og år til dato mod samme\n"
    "                    periode sidste år, for én kommune (standard: egen) og\n"
    "                    ydelserne i scorecards (standard: dagpenge, kontanthjælp,\n"
    "                    sygedagpenge). --periode er den sidste måned (standard:\n"
    "                    panelets sidste hele måned); formater: table, csv, json\n"
    "  --figur F         nøgletallet for --udvikling (standard: fuldtidspersoner)\n";
static const char help_en[] =
    "Usage: styr figures [-w WORKSPACE] [--kommune K,...] [--ydelse G,...] [--periode P,...]\n"
    "                    [--format table|csv|json|xlsx] [-o FILE] [--intern] [--taellinger] [-j N]\n"
    "\n"
    "Computes the key figures (spec/measures.md) for every period, municipality and\n"
    "benefit group in one pass over the panel: full-time recipients, persons, activation\n"
    "rate, share of the population, the same for the young under 30, spells started and\n"
    "ended, duration, long-term share and status 4, 13, 26 and 52 weeks after ended\n"
    "spells. Figures already computed for the same panel are read from the catalog.\n"
    "\n"
    "  --kommune K,...   municipality codes or names, 'alle' and/or 'land'\n"
    "                    (the country). Default: all and the country; as a table the own\n"
    "                    municipality or the country\n"
    "  --ydelse G,...    group codes, 'alle' or 'i_alt' (all public support). Default: all\n"
    "  --periode P,...   2024, 2024K2 (2024Q2), 2024M03, 2024U05, 2024M03R12, year to date 2024M06AATD\n"
    "                    and ranges such as 2015M01..2024M12. Default: the panel's last whole year\n"
    "  --format F        table (default), csv (Danish Excel: ; and decimal comma),\n"
    "                    json or xlsx (one sheet per group; needs -o)\n"
    "  -o FILE           write to FILE instead of standard output\n"
    "  --intern          the own municipality's figures without discretion\n"
    "  --taellinger      include the counts behind the figures (csv and json)\n"
    "  -j N              threads (default: all cores)\n"
    "  --ingen-cache     recompute, also what is stored\n"
    "  --kilde K         auto (default): the panel's figures, and jobindsats.dk's published\n"
    "                    figures (styr import/hent) for a municipality and period the panel\n"
    "                    lacks; jobindsats: only the published; panel: only the panel's.\n"
    "                    Published figures carry their source, table and retrieval date\n"
    "\n"
    "  --udvikling       the development as a committee follows it: each of the last 24\n"
    "                    months against the same month a year before, and the year to\n"
    "                    date against the same period last year, for one municipality\n"
    "                    (default: the own) and the scorecard groups (default: dagpenge,\n"
    "                    kontanthjaelp, sygedagpenge). --periode is the last month\n"
    "                    (default: the panel's last whole month); formats: table, csv, json\n"
    "  --figur F         the figure of --udvikling (default: fuldtidspersoner)\n";

/* --udvikling: a row's value through the query's rows (discretion applied). */
typedef struct devrows { const styr_qresult *res; const styr_codes *codes; int fig; const char *kilde; } devrows;

static const styr_figrow *dev_find(const devrows *c, const char *name, int g)
{
    const char *key = styr_group_key(c->codes, g);
    for (size_t i = 0; i < c->res->nrows; i++) {
        const styr_figrow *r = &c->res->rows[i];
        if (!strcmp(r->periode, name) && !strcmp(r->ydelse, key)) return r;
    }
    return NULL;
}

static styr_figval dev_row(void *ctx, const styr_period *per, int g)
{
    devrows *c = ctx;
    const styr_figrow *r = dev_find(c, per->name, g);
    if (!r) return (styr_figval){0, STYR_FV_NONE};
    if (r->kilde && r->v[c->fig].state != STYR_FV_NONE) c->kilde = r->kilde;
    if (r->v[c->fig].state != STYR_FV_NONE || per->kind != STYR_P_YTD ||
        (c->fig != FIG_FULDTIDSPERSONER && c->fig != FIG_ANDEL))
        return r->v[c->fig];
    /* the year to date from published months (as the report and goals): their week-weighted average */
    double acc = 0, w = 0;
    for (int m = 1; m <= per->sub; m++) {
        char s[16];
        styr_period mp;
        snprintf(s, sizeof s, "%dM%02d", per->year, m);
        const styr_figrow *x = dev_find(c, s, g);
        if (!x || !x->kilde || styr_period_parse(s, &mp)) return r->v[c->fig];
        if (x->v[c->fig].state != STYR_FV_OK) return (styr_figval){0, x->v[c->fig].state};
        acc += x->v[c->fig].v * styr_period_weeks(&mp), w += styr_period_weeks(&mp);
    }
    return w > 0 ? (styr_figval){acc / w, STYR_FV_OK} : r->v[c->fig];
}

static int udvikling(styr_cli *cli, const char *kl, const char *yl, const char *pl, const char *fig,
                     const styr_figout_opts *fo, styr_query *q)
{
    int fi = styr_fig_by_key(fig ? fig : "fuldtidspersoner");
    if (fi < 0) return styr_cli_bad_option("figures", "--figur", fig);
    if (fo->format == STYR_FMT_XLSX) return styr_cli_bad_option("figures", "--format", "xlsx");
    styr_period anchor;
    if (pl && styr_period_parse(pl, &anchor)) return styr_cli_bad_option("figures", "--periode", pl);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    int e = STYR_EXIT_OK, *ks = NULL, *gs = NULL, nk = 0, ng = 0;
    styr_qresult res;
    memset(&res, 0, sizeof res);
    styr_period per[2 * STYR_DEV_MONTHS + 2];
    static styr_dev dv;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    int own = styr_ws_egen_kommune(ws);
    char ownb[8];
    snprintf(ownb, sizeof ownb, "%d", own);
    if (!kl && !own) {
        e = styr_cli_bad_option("figures", "--kommune", "");
        goto out;
    }
    if (styr_select_kommuner(codes, kl ? kl : ownb, &ks, &nk) || nk != 1) {
        e = styr_cli_bad_option("figures", "--kommune", kl ? kl : "");
        goto out;
    }
    if (styr_select_ydelser(codes, yl ? yl : "dagpenge,kontanthjaelp,sygedagpenge", &gs, &ng)) {
        e = styr_cli_bad_option("figures", "--ydelse", yl ? yl : "");
        goto out;
    }
    int code = ks[0] < codes->dict.nkom ? codes->dict.kom[ks[0]] : 0;
    if (q->intern && (!own || code != own)) {
        e = styr_cli_intern_denied("figures");
        goto out;
    }
    int nper = 0, pfirst, plast;
    styr_pubfig *pub = NULL;
    if (styr_panel_week_min(p) < 0 && !(rc = styr_pubfig_load(ws, &pub, &d)) && !styr_pubfig_span(pub, &pfirst, &plast))
        styr_dev_plan_weeks(pfirst, plast, pl ? &anchor : NULL, fi, &dv, per, &nper); /* no panel: the published months */
    else
        styr_dev_plan(p, pl ? &anchor : NULL, fi, &dv, per, &nper);
    styr_pubfig_free(pub);
    if (rc) goto fail;
    if (dv.n) {
        q->kom = ks, q->nkom = 1, q->grp = gs, q->ngrp = ng, q->per = per, q->nper = nper;
        rc = styr_query_run(ws, q, &res, &d);
        q->kom = q->grp = NULL, q->per = NULL;
        if (rc) goto fail;
        devrows c = {&res, codes, fi, NULL};
        for (int i = 0; i < ng; i++) {
            c.kilde = NULL;
            styr_dev_fill(&dv, gs[i], dev_row, &c);
            dv.grp[dv.ngroups - 1].kilde = c.kilde;
        }
    } else {
        fprintf(stderr, "styr figures: %s\n", styr_msg_text(M_DEV_NONE));
    }
    if ((rc = styr_devout_write(&dv, codes, code, ks[0] < codes->dict.nkom ? codes->kom_name[ks[0]] : styr_tr("Hele landet", "The whole country"),
                                fo->format, fo->path, &d)))
        goto fail;
    styr_ws_close(ws);
    ws = NULL;
    if ((rc = styr_cli_store(cli, &res, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_qresult_free(&res);
    free(ks);
    free(gs);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}

int styr_cmd_figures(styr_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"kommune", required_argument, 0, 'k'}, {"ydelse", required_argument, 0, 'y'},
        {"periode", required_argument, 0, 'p'}, {"format", required_argument, 0, 'f'},
        {"intern", no_argument, 0, 'i'},        {"taellinger", no_argument, 0, 't'},
        {"ingen-cache", no_argument, 0, 'n'},   {"workspace", required_argument, 0, 'w'},
        {"udvikling", no_argument, 0, 'U'},     {"figur", required_argument, 0, 'F'},
        {"kilde", required_argument, 0, 'K'},   {"help", no_argument, 0, 'h'},
        STYR_FILTER_OPTIONS,                    {0, 0, 0, 0}};
    styr_filter_args fa = {0};
    const char *kl = NULL, *yl = NULL, *pl = NULL, *fig = NULL;
    int dev = 0;
    styr_figout_opts fo = {.format = STYR_FMT_TABLE};
    styr_query q = {.use_store = 1};
    long long v;
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("figures", argc, argv, "w:o:j:h", opts)) != -1) {
        switch (c) {
        case 'k': kl = optarg; break;
        case 'y': yl = optarg; break;
        case 'p': pl = optarg; break;
        case 'f':
            if (styr_format_parse(optarg, &fo.format)) return styr_cli_bad_option("figures", "--format", optarg);
            break;
        case 'o': fo.path = optarg; break;
        case 'i': q.intern = 1; break;
        case 't': fo.counts = 1; break;
        case 'n': q.use_store = 0; break;
        case 'U': dev = 1; break;
        case 'F': fig = optarg; break;
        case 'K':
            if (styr_kilde_parse(optarg, &q.kilde)) return styr_cli_bad_option("figures", "--kilde", optarg);
            break;
        case 'j':
            if (styr_cli_int(optarg, 1, 64, &v)) return styr_cli_bad_option("figures", "-j", optarg);
            q.threads = (int)v;
            break;
        case 'w': cli->ws = optarg; break;
        case 'h':
            styr_cli_help(stdout, help_da, help_en);
            fputs(styr_select_filter_help(), stdout);
            return STYR_EXIT_OK;
        default:
            if (styr_filter_arg(&fa, c, optarg)) break;
            return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("figures", styr_tr("argument", "argument"), argv[optind]);
    if (dev && (fa.maal || fa.opr || fa.enh))
        return styr_cli_bad_option("figures", fa.maal ? "--maalgruppe" : fa.opr ? "--oprindelse" : "--enhed",
                                   fa.maal ? fa.maal : fa.opr ? fa.opr : fa.enh);
    if (dev) return udvikling(cli, kl, yl, pl, fig, &fo, &q);
    if (fig) return styr_cli_bad_option("figures", "--figur", fig);
    if (fo.format == STYR_FMT_XLSX && !fo.path) return styr_cli_needs_o("figures", "noegletal.xlsx");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    int e = STYR_EXIT_OK;
    styr_qresult res;
    memset(&res, 0, sizeof res);
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    styr_filter flt;
    char flabel[512];
    if ((e = styr_select_filter("figures", p, &fa, &flt))) goto out;
    if (styr_filter_active(&flt)) {
        if (q.kilde == STYR_KILDE_JOBINDSATS) {
            e = styr_cli_bad_option("figures", "--kilde", "jobindsats");
            goto out;
        }
        q.filter = &flt;
        styr_filter_label(&flt, styr_panel_cols(p), flabel, sizeof flabel);
        fo.maalgruppe = flabel;
    }
    if ((e = styr_select_query(ws, p, "figures", kl, yl, pl, fo.format == STYR_FMT_TABLE, &q))) goto out;
    if ((rc = styr_query_run(ws, &q, &res, &d))) goto fail;
    if ((rc = styr_figout_write(res.rows, res.nrows, &fo, &d))) goto fail;
    styr_ws_close(ws);
    ws = NULL;
    if ((rc = styr_cli_store(cli, &res, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_qresult_free(&res);
    styr_select_free(&q);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
