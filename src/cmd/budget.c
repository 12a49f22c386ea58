/* styr budget: import a budget, export the template, follow up month by month. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/followup.h"
#include "../calc/query.h"
#include "../calc/rules.h"
#include "../core/fsutil.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "../core/week.h"
#include "../ingest/budgetcsv.h"
#include "../out/budgetout.h"
#include "../ws/budget.h"
#include "cli.h"
#include "select.h"
#include "budgetrun.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr budget import [-w ARBEJDSOMRÅDE] FIL.csv...\n"
    "      styr budget export [-w ARBEJDSOMRÅDE] [--kommune K] [--aar ÅR] [--format xlsx|csv] -o FIL\n"
    "      styr budget opfoelgning [-w ARBEJDSOMRÅDE] [--kommune K] [--maaned 2024M06] [--graense PCT]\n"
    "                              [--format table|csv|json] [-o FIL] [--intern]\n"
    "\n"
    "Et budget pr. kommune, år og ydelse med KL's elementer: forsørgelse\n"
    "(fuldtidspersoner, personer, varighed, aktiveringsgrad, pris pr. fuldtidsperson),\n"
    "indsats (udgift pr. helårsplads i tilbud) og administration (sagsbehandlere, sager\n"
    "pr. sagsbehandler, udgift pr. sagsbehandler), og evt. en månedsprofil m01..m12.\n"
    "\n"
    "  import       indlæs budgetfiler (CSV: ; og decimalkomma eller , og decimalpunktum).\n"
    "               Alt eller intet; en række erstatter det budget, der har samme\n"
    "               kommune, år og ydelse\n"
    "  export       skriv budgetskabelonen for et år: det indlæste budget og for de\n"
    "               andre ydelser et forslag ud fra året før. Gem den som CSV og indlæs den\n"
    "  opfoelgning  faktisk år til dato mod budget år til dato, prognose for året ud fra\n"
    "               de seneste tre måneder og en advarsel, når prognosen afviger mere end\n"
    "               grænsen fra budgettet, med den vigtigste årsag (flere personer,\n"
    "               længere varighed, lavere aktiveringsgrad, prisen)\n"
    "\n"
    "  --kommune K    kommunekode eller -navn (standard: egen kommune)\n"
    "  --aar ÅR       budgetåret (export; standard: det seneste budget eller året efter\n"
    "                 panelets sidste hele år)\n"
    "  --maaned M     opfølgning til og med måneden, fx 2024M06 (standard: panelets\n"
    "                 sidste hele måned)\n"
    "  --graense PCT  advar når prognosen afviger mere end PCT pct. (standard 2)\n"
    "  --intern       egen kommunes tal uden diskretion\n";
static const char help_en[] =
    "Usage: styr budget import [-w WORKSPACE] FILE.csv...\n"
    "       styr budget export [-w WORKSPACE] [--kommune K] [--aar YEAR] [--format xlsx|csv] -o FILE\n"
    "       styr budget opfoelgning [-w WORKSPACE] [--kommune K] [--maaned 2024M06] [--graense PCT]\n"
    "                               [--format table|csv|json] [-o FILE] [--intern]\n"
    "\n"
    "A budget per municipality, year and benefit group with KL's elements: benefits\n"
    "(full-time recipients, persons, duration, activation rate, cost per full-time\n"
    "recipient), offers (cost per full-time year in an offer) and administration\n"
    "(caseworkers, cases per caseworker, cost per caseworker), optionally with a monthly\n"
    "profile m01..m12.\n"
    "\n"
    "  import       import budget files (CSV: ; and decimal comma, or , and decimal point).\n"
    "               All or nothing; a row replaces the budget with the same municipality,\n"
    "               year and group\n"
    "  export       write the budget template for a year: the imported budget and for the\n"
    "               other groups a suggestion from the year before. Save it as CSV and import it\n"
    "  opfoelgning  actual year to date against budget year to date, a forecast for the\n"
    "  (follow-up)  year from the last three months and a warning when the forecast departs\n"
    "               from the budget by more than the threshold, with the main driver (more\n"
    "               persons, longer duration, lower activation, the cost)\n"
    "\n"
    "  --kommune K    municipality code or name (default: the own municipality)\n"
    "  --aar YEAR     the budget year (export; default: the latest budget or the year after\n"
    "                 the panel's last whole year)\n"
    "  --maaned M     follow up to the end of the month, e.g. 2024M06 (default: the panel's\n"
    "                 last whole month)\n"
    "  --graense PCT  warn when the forecast departs more than PCT pct. (default 2)\n"
    "  --intern       the own municipality's figures without discretion\n";

typedef struct opts {
    const char *kommune, *maaned, *path;
    int aar, intern;
    double threshold;
    styr_format format;
    int format_set;
} opts;

static int parse(styr_cli *cli, int argc, char **argv, opts *o)
{
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'}, {"aar", required_argument, 0, 'a'},
        {"maaned", required_argument, 0, 'm'},  {"graense", required_argument, 0, 'g'},
        {"format", required_argument, 0, 'f'},  {"intern", no_argument, 0, 'i'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    long long v;
    int c;
    while ((c = styr_cli_getopt("budget", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'k': o->kommune = optarg; break;
        case 'a':
            if (styr_cli_int(optarg, STYR_YEAR_MIN, STYR_YEAR_MAX, &v)) return styr_cli_bad_option("budget", "--aar", optarg);
            o->aar = (int)v;
            break;
        case 'm': o->maaned = optarg; break;
        case 'g': {
            double t;
            if (styr_parse_amount(optarg, strlen(optarg), 1, &t) || t > 1000)
                return styr_cli_bad_option("budget", "--graense", optarg);
            o->threshold = t / 100;
            break;
        }
        case 'f':
            if (styr_format_parse(optarg, &o->format)) return styr_cli_bad_option("budget", "--format", optarg);
            o->format_set = 1;
            break;
        case 'o': o->path = optarg; break;
        case 'i': o->intern = 1; break;
        case 'w': cli->ws = optarg; break;
        case 'h': styr_cli_help(stdout, help_da, help_en); return -1;
        default: return STYR_EXIT_USAGE;
        }
    }
    return 0;
}

/* The municipality index of --kommune or the own municipality; -1 after a message. */
static int pick_kommune(styr_ws *ws, const char *arg)
{
    const styr_codes *c = styr_ws_codes(ws);
    if (arg) {
        int k = styr_codes_kommune(c, arg, strlen(arg));
        if (k < 0) styr_cli_bad_option("budget", "--kommune", arg);
        return k;
    }
    int own = styr_ws_egen_kommune(ws);
    if (own > 0 && own < 1000 && c->kom_idx[own] >= 0) return c->kom_idx[own];
    styr_cli_no_kommune("budget");
    return -1;
}

/* ---- import -------------------------------------------------------------------------- */

static int cmd_import(styr_cli *cli, int argc, char **argv)
{
    cli->writes = 1;
    if (optind >= argc) {
        fprintf(stderr, "styr budget import: %s\n", styr_tr("angiv mindst én fil", "name at least one file"));
        return STYR_EXIT_USAGE;
    }
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    styr_budget *all = NULL;
    size_t nall = 0;
    int e = STYR_EXIT_OK;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_WRITE, &ws, &d), bad = STYR_OK;
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    for (int i = optind; i < argc; i++) {
        styr_map m;
        styr_budget *rows = NULL;
        size_t n = 0;
        styr_budget_file info;
        if ((rc = styr_map_file(argv[i], &m, &d))) goto fail;
        styr_rc one = styr_budget_read(argv[i], m.data, m.size, codes, &rows, &n, &info, &d);
        styr_unmap(&m);
        if (one) { bad = one; continue; }
        printf(styr_tr("%s: %s, separator %s, %s; %zu %s\n", "%s: %s, separator %s, %s; %zu %s\n"), argv[i],
               styr_encoding_name(info.enc), styr_sep_name(info.sep),
               info.danish ? styr_tr("decimalkomma", "decimal comma") : styr_tr("decimalpunktum", "decimal point"), n,
               n == 1 ? styr_tr("række", "row") : styr_tr("rækker", "rows"));
        all = styr_xrealloc(all, (nall + n) * sizeof *all);
        /* a key in two files is an error too */
        for (size_t j = 0; j < n; j++) {
            for (size_t k = 0; k < nall; k++)
                if (all[k].kommune == rows[j].kommune && all[k].aar == rows[j].aar && all[k].grp == rows[j].grp) {
                    char key[64];
                    snprintf(key, sizeof key, "%d;%d;%s", rows[j].kommune, rows[j].aar, codes->dict.yd[rows[j].grp]);
                    styr_diag_add(&d, D_DUP_ROW, X_UNIQUE, argv[i], 0, 0, NULL, key, strlen(key));
                    bad = STYR_EINPUT;
                }
        }
        memcpy(all + nall, rows, n * sizeof *rows);
        nall += n;
        free(rows);
    }
    if (bad) { rc = bad; goto fail; }
    size_t replaced;
    if ((rc = styr_budget_store(ws, all, nall, argv[optind], &replaced, &d))) goto fail;
    printf(styr_tr("Budget indlæst: %zu %s, heraf %zu der erstattede et tidligere budget.\n",
                   "Budget imported: %zu %s, %zu of them replacing an earlier budget.\n"),
           nall, nall == 1 ? styr_tr("række", "row") : styr_tr("rækker", "rows"), replaced);
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    free(all);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return e;
}

/* ---- export -------------------------------------------------------------------------- */

static int cmd_export(styr_cli *cli, opts *o)
{
    if (!o->path) return styr_cli_needs_o("budget export", "budget.xlsx");
    if (!o->format_set) {
        size_t n = strlen(o->path);
        o->format = n > 4 && !strcmp(o->path + n - 4, ".csv") ? STYR_FMT_CSV : STYR_FMT_XLSX;
    }
    if (o->format != STYR_FMT_XLSX && o->format != STYR_FMT_CSV)
        return styr_cli_bad_option("budget export", "--format", "xlsx|csv");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_budget *have = NULL;
    styr_template_row *rows = NULL;
    styr_rules *rules = styr_xcalloc(1, sizeof *rules);
    styr_qresult res;
    memset(&res, 0, sizeof res);
    size_t nhave = 0, n = 0;
    int e = STYR_EXIT_OK, *grp = NULL;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (!rc) rc = styr_rules_load(ws, rules, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    int k = pick_kommune(ws, o->kommune);
    if (k < 0) { e = STYR_EXIT_USAGE; goto out; }
    int code = codes->dict.kom[k], year = o->aar;
    if (!year && !styr_budget_years(ws, code, &year, 1)) year = styr_default_year(p) + 1;
    if ((rc = styr_budget_load(ws, code, year, &have, &nhave, &d))) goto fail;
    /* last year's actual, for the groups without a budget */
    const int ng = codes->dict.nyd;
    grp = styr_xcalloc((size_t)ng, sizeof *grp);
    for (int g = 1; g < ng; g++) grp[g - 1] = g;
    styr_period prev;
    char pname[16];
    snprintf(pname, sizeof pname, "%d", year - 1);
    styr_period_parse(pname, &prev);
    styr_query q = {.kom = &k, .nkom = 1, .grp = grp, .ngrp = ng - 1, .per = &prev, .nper = 1, .use_store = 1,
                    .money = 1};
    if ((rc = styr_query_run(ws, &q, &res, &d))) goto fail;
    rows = styr_xcalloc((size_t)ng, sizeof *rows);
    int own = styr_ws_egen_kommune(ws) == code && o->intern;
    for (int g = 1; g < ng; g++) {
        size_t j;
        for (j = 0; j < nhave && have[j].grp != g; j++) {}
        if (j < nhave) {
            rows[n++] = (styr_template_row){have[j], 0};
            continue;
        }
        /* a union's money is its parts': budgeted there, never twice */
        if (!codes->yd_public[g] || codes->yd_is_union[g]) continue;
        const styr_cell *c = styr_cube_at(&res.cube, 0, k, g);
        if (!c->weeks || (c->persons < STYR_DISCRETION && !own)) continue;
        styr_template_row *t = &rows[n++];
        memset(t, 0, sizeof *t);
        t->suggested_from = year - 1;
        styr_budget *b = &t->b;
        b->kommune = code;
        b->aar = year;
        b->grp = g;
        double W0 = styr_period_weeks(&prev), W = styr_iso_weeks_in_year(year);
        b->fuldtid = c->weeks / W0;
        b->personer = c->persons;
        b->varighed = b->fuldtid * W / b->personer;
        b->aktivering = 100.0 * c->active / c->weeks;
        double r0 = rules->rate[year - 1 - STYR_RATE_Y0][g], r1 = rules->rate[year - STYR_RATE_Y0][g];
        b->pris = c->net[rules->nreg] / b->fuldtid * (isnan(r0) || isnan(r1) || r0 <= 0 ? 1 : r1 / r0);
        b->udgift_tilbud = b->sagsbehandlere = b->sager_pr_sb = b->udgift_sb = NAN;
        for (int m = 0; m < 12; m++) b->profil[m] = NAN;
    }
    if ((rc = styr_budget_template_write(rows, n, codes, o->format, o->path, &d))) goto fail;
    printf(styr_tr("Budgetskabelon for %s %d skrevet til %s: %zu %s, %zu fra det indlæste budget.\n",
                   "Budget template for %s %d written to %s: %zu %s, %zu from the imported budget.\n"),
           codes->kom_name[k], year, o->path, n, n == 1 ? styr_tr("ydelse", "group") : styr_tr("ydelser", "groups"),
           nhave);
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_qresult_free(&res);
    free(rows);
    free(have);
    free(grp);
    free(rules);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return e;
}

/* ---- follow-up ----------------------------------------------------------------------- */

/* The last month whose weeks the panel holds in full. */
static int cmd_followup(styr_cli *cli, opts *o)
{
    if (!o->format_set) o->format = STYR_FMT_TABLE;
    if (o->format == STYR_FMT_XLSX) return styr_cli_bad_option("budget opfoelgning", "--format", "xlsx");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_fu_run run;
    memset(&run, 0, sizeof run);
    int e = STYR_EXIT_OK, found;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    int k = pick_kommune(ws, o->kommune);
    if (k < 0) { e = STYR_EXIT_USAGE; goto out; }
    int code = codes->dict.kom[k];
    styr_period month;
    if (o->maaned ? styr_period_parse(o->maaned, &month) || month.kind != STYR_P_MONTH : styr_last_whole_month(p, &month)) {
        e = o->maaned ? styr_cli_bad_option("budget opfoelgning", "--maaned", o->maaned) : STYR_EXIT_USAGE;
        if (!o->maaned) fprintf(stderr, "styr budget: %s\n", styr_tr("panelet er tomt", "the panel is empty"));
        goto out;
    }
    styr_period last;
    if (!styr_last_whole_month(p, &last) && month.last > last.last) {
        /* actuals the panel does not have are no data: never 0, ".." or "no deviation" */
        char span[96];
        styr_select_span_text(p, span, sizeof span);
        fprintf(stderr, styr_tr("styr budget: ingen faktiske tal for %s: %s. Den seneste hele måned er %s"
                                " (--maaned %s).\n",
                                "styr budget: no actuals for %s: %s. The last whole month is %s (--maaned %s).\n"),
                month.name, span, last.name, last.name);
        e = STYR_EXIT_INPUT;
        goto out;
    }
    int open = o->intern && styr_ws_egen_kommune(ws) == code;
    if ((rc = styr_fu_run_compute(ws, k, &month, o->threshold, open, &run, &found, &d))) goto fail;
    if (!found) {
        fprintf(stderr, styr_tr("styr budget: intet budget for %s (%d) i %d; indlæs et med styr budget import\n",
                                "styr budget: no budget for %s (%d) in %d; import one with styr budget import\n"),
                codes->kom_name[k], code, month.year);
        e = STYR_EXIT_USAGE;
        goto out;
    }
    if ((rc = styr_followup_write(&run.rep, o->format, o->path, &d))) goto fail;
    styr_ws_close(ws);
    ws = NULL;
    if ((rc = styr_cli_store(cli, &run.res, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_fu_run_free(&run);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return e;
}

int styr_cmd_budget(styr_cli *cli, int argc, char **argv)
{
    opts o = {.threshold = 0.02};
    optind = 1;
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        styr_cli_help(argc < 2 ? stderr : stdout, help_da, help_en);
        return argc < 2 ? STYR_EXIT_USAGE : STYR_EXIT_OK;
    }
    const char *sub = argv[1];
    /* the sub-command's options follow it */
    argc--;
    argv++;
    int r = parse(cli, argc, argv, &o);
    if (r) return r < 0 ? STYR_EXIT_OK : r;
    if (!strcmp(sub, "import")) return cmd_import(cli, argc, argv);
    if (optind < argc) return styr_cli_bad_option("budget", styr_tr("argument", "argument"), argv[optind]);
    int e;
    if (!strcmp(sub, "export")) e = cmd_export(cli, &o);
    else if (!strcmp(sub, "opfoelgning") || !strcmp(sub, "opfølgning") || !strcmp(sub, "follow-up"))
        e = cmd_followup(cli, &o);
    else e = styr_cli_bad_option("budget", styr_tr("underkommando", "sub-command"), sub);
    styr_cli_stats(cli);
    return e;
}
