/* styr sample import / resultat: the filled review sheet in, its result out. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/review.h"
#include "../core/week.h"
#include "../out/reviewout.h"
#include "cmds.h"
#include "review.h"

static const char help_import_da[] =
    "Brug: styr sample import [-w ARBEJDSOMRÅDE] [--laeringspunkter FIL] GENNEMGANG.xlsx|.csv\n"
    "\n"
    "Indlæs et udfyldt gennemgangsark fra styr sample (XLSX, eller CSV gemt fra det: ';' eller ',',\n"
    "UTF-8 eller Windows-1252). Stikprøven trækkes igen med arkets frø fra arbejdsområdets panel, og\n"
    "arkets sager (Nr., Person, Lag-nr.) skal være de samme; svarene i Gennemgået og læringspunkterne\n"
    "er 1 eller 0, x eller tom, ja eller nej; Note er fri tekst og bliver i arbejdsområdet.\n"
    "En fejl afviser hele arket (med fil, række og kolonne); intet gemmes. En ny indlæsning af samme\n"
    "stikprøve erstatter den forrige.\n"
    "\n"
    "  --laeringspunkter FIL  læringspunkterne, som da arket blev skrevet (standard data/laeringspunkter.csv)\n";
static const char help_import_en[] =
    "Usage: styr sample import [-w WORKSPACE] [--laeringspunkter FILE] REVIEW.xlsx|.csv\n"
    "\n"
    "Imports a filled review sheet from styr sample (XLSX, or CSV saved from it: ';' or ',', UTF-8\n"
    "or Windows-1252). The sample is drawn again with the sheet's seed from the workspace's panel,\n"
    "and the sheet's cases (No., Person, Stratum no.) must be the same; the answers in Reviewed and\n"
    "the learning points are 1 or 0, x or blank, ja/yes or nej/no; Note is free text and stays in\n"
    "the workspace. One error refuses the whole sheet (with file, row and column); nothing is stored.\n"
    "Importing the same sample again replaces the earlier import.\n"
    "\n"
    "  --laeringspunkter FILE  the learning points, as when the sheet was written (default data/laeringspunkter.csv)\n";

static const char help_result_da[] =
    "Brug: styr sample resultat [-w ARBEJDSOMRÅDE] --intern [--format html|xlsx|csv|json] [-o FIL]\n"
    "\n"
    "Den senest indlæste sagsgennemgang: for hvert læringspunkt andelen af de gennemgåede sager, der\n"
    "har det, samlet og pr. lag, med 95 pct. konfidensinterval (Wilson) og et lagdelt skøn, hvor hvert\n"
    "lag vægtes med dets igangværende forløb (forløb/trukne), med standardfejl. Til workshoppens\n"
    "planchesæt: --format html (én side, A4 liggende) eller xlsx. Resultatet er internt (--intern):\n"
    "tællinger på 1-4 sager vises; ingen personer og ingen noter.\n";
static const char help_result_en[] =
    "Usage: styr sample resultat [-w WORKSPACE] --intern [--format html|xlsx|csv|json] [-o FILE]\n"
    "\n"
    "The case review imported last: per learning point the share of reviewed cases that have it,\n"
    "overall and by stratum, with a 95 pct. confidence interval (Wilson) and a stratified estimate\n"
    "weighting each stratum by its current spells (spells/drawn), with its standard error. For the\n"
    "workshop's slides: --format html (one page, A4 landscape) or xlsx. The result is internal\n"
    "(--intern): counts of 1-4 cases are shown; no persons and no notes.\n";

int styr_cmd_sample_import(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {{"laeringspunkter", required_argument, 0, 'l'},
                                       {"workspace", required_argument, 0, 'w'},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
    const char *lpfile = NULL;
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("sample import", argc, argv, "w:h", lo)) != -1) {
        switch (c) {
        case 'l':
            lpfile = optarg;
            break;
        case 'w':
            cli->ws = optarg;
            break;
        case 'h':
            return styr_cli_help(stdout, help_import_da, help_import_en);
        default:
            return STYR_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "styr sample import: %s\n",
                styr_tr("angiv ét udfyldt gennemgangsark", "name one filled review sheet"));
        return STYR_EXIT_USAGE;
    }
    const char *file = argv[optind];
    cli->writes = 1;
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_sheet sh = {0};
    styr_lps lps = {0};
    styr_sample s;
    styr_review r;
    memset(&s, 0, sizeof s);
    memset(&r, 0, sizeof r);
    styr_review_meta meta;
    int e = STYR_EXIT_OK, replaced = 0;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_WRITE, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (!rc) rc = styr_lps_load(lpfile, &lps, &d);
    if (!rc) rc = styr_sheet_read(file, &sh, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    if ((rc = styr_review_sheet_meta(&sh, file, codes, &meta, &d))) goto fail;
    if ((rc = styr_review_check_head(&meta, styr_ws_egen_kommune(ws), p, file, &d))) goto fail;
    if ((rc = styr_sample_draw(ws, meta.grp, codes->kom_idx[meta.kommune], meta.n, meta.seed, &s, &d))) goto fail;
    if ((rc = styr_review_check(&sh, file, &lps, &meta, &s, styr_panel_cols(p), &r, &d))) goto fail;
    if ((rc = styr_review_store(ws, &r, &replaced, &d))) goto fail;
    size_t reviewed = 0;
    for (size_t i = 0; i < r.n; i++)
        reviewed += r.c[i].reviewed != 0;
    printf(styr_tr("%s: %s; %zu sager, %zu gennemgået, %zu læringspunkter\n",
                   "%s: %s; %zu cases, %zu reviewed, %zu learning points\n"),
           file, sh.xlsx ? "XLSX" : "CSV", r.n, reviewed, r.lps.n);
    if (!sh.xlsx)
        printf("  %s %s, %s\n", styr_tr("separator", "separator"), styr_sep_name(sh.sep), styr_encoding_name(sh.enc));
    printf(replaced ? styr_tr("Sagsgennemgang indlæst (erstattede en tidligere indlæsning af samme stikprøve).\n",
                              "Case review imported (replacing an earlier import of the same sample).\n")
                    : styr_tr("Sagsgennemgang indlæst.\n", "Case review imported.\n"));
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_review_free(&r);
    styr_sample_free(&s);
    styr_sheet_free(&sh);
    styr_lps_free(&lps);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}

int styr_cmd_sample_result(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {{"intern", no_argument, 0, 'i'},       {"format", required_argument, 0, 'f'},
                                       {"output", required_argument, 0, 'o'}, {"workspace", required_argument, 0, 'w'},
                                       {"help", no_argument, 0, 'h'},         {0, 0, 0, 0}};
    const char *out = NULL;
    int intern = 0, html = 0, c;
    styr_format fmt = STYR_FMT_TABLE;
    optind = 1;
    while ((c = styr_cli_getopt("sample resultat", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'i':
            intern = 1;
            break;
        case 'o':
            out = optarg;
            break;
        case 'w':
            cli->ws = optarg;
            break;
        case 'f':
            if (!strcmp(optarg, "html"))
                html = 1, fmt = STYR_FMT_TABLE;
            else if (!strcmp(optarg, "xlsx"))
                fmt = STYR_FMT_XLSX;
            else if (!strcmp(optarg, "csv"))
                fmt = STYR_FMT_CSV;
            else if (!strcmp(optarg, "json"))
                fmt = STYR_FMT_JSON;
            else if (!strcmp(optarg, "table") || !strcmp(optarg, "tabel"))
                fmt = STYR_FMT_TABLE;
            else
                return styr_cli_bad_option("sample resultat", "--format", optarg);
            break;
        case 'h':
            return styr_cli_help(stdout, help_result_da, help_result_en);
        default:
            return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("sample resultat", "", argv[optind]);
    if (!intern) {
        fprintf(stderr, "styr sample resultat: %s\n",
                styr_tr("sagsgennemgangen er kommunens egen og intern (tællinger på 1-4 sager vises); angiv --intern",
                        "the case review is the municipality's own and internal (counts of 1-4 cases are shown); give "
                        "--intern"));
        return STYR_EXIT_USAGE;
    }
    if (fmt == STYR_FMT_XLSX && (!out || !strcmp(out, "-")))
        return styr_cli_needs_o("sample resultat", "gennemgang.xlsx");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    styr_review r;
    memset(&r, 0, sizeof r);
    int e = STYR_EXIT_OK, found = 0;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_review_load(ws, 0, &r, &found, &d);
    if (rc) goto fail;
    if (!found) {
        fprintf(
            stderr, "styr sample resultat: %s\n",
            styr_tr("ingen sagsgennemgang er indlæst; træk en stikprøve (styr sample -o ark.xlsx), udfyld arket og "
                    "indlæs det med styr sample import",
                    "no case review has been imported; draw a sample (styr sample -o sheet.xlsx), fill in the sheet "
                    "and import it with styr sample import"));
        e = STYR_EXIT_USAGE;
        goto out;
    }
    if ((rc = styr_review_write(&r, styr_ws_codes(ws), fmt, html, out, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_review_free(&r);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
