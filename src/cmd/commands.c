/* commands: the table of subcommands and the general help. */
#include <stdio.h>

#include "../core/msg.h"
#include "cli.h"
#include "cmds.h"

const styr_cmd styr_commands[] = {
    {"init", styr_cmd_init, "opret et arbejdsområde", "create a workspace"},
    {"import", styr_cmd_import, "indlæs data (lang CSV, DREAM, SAS/Stata/SPSS, personer, befolkning)",
     "import data (long CSV, DREAM, SAS/Stata/SPSS, persons, population)"},
    {"synth", styr_cmd_synth, "dan en syntetisk national befolkning til demo og test",
     "generate a synthetic national population for demos and tests"},
    {"hent", styr_cmd_hent, "hent offentlige tabeller fra jobindsats.dk og Statistikbanken og indlæs dem",
     "download published tables from jobindsats.dk and Statistikbanken and import them"},
    {"info", styr_cmd_info, "vis hvad et arbejdsområde indeholder", "show what a workspace holds"},
    {"figures", styr_cmd_figures, "nøgletal for kommuner, ydelser og perioder (tabel, csv, json, xlsx)",
     "key figures for municipalities, groups and periods (table, csv, json, xlsx)"},
    {"money", styr_cmd_money, "bruttoudgift, refusion og kommunal nettoudgift efter refusionsregimerne",
     "gross cost, reimbursement and municipal net cost under the refusion regimes"},
    {"afstem", styr_cmd_afstem, "afstem styrs tal mod en anden kilde (--kilde ydelsesrefusion: statens refusion pr. personuge)",
     "reconcile styr's figures with another source (--kilde ydelsesrefusion: the state's refund per person-week)"},
    {"budget", styr_cmd_budget, "budget: indlæs, skabelon (xlsx) og månedlig opfølgning med prognose",
     "budget: import, template (xlsx) and monthly follow-up with a forecast"},
    {"invest", styr_cmd_invest, "investeringscase: tilbud, effekt, nettobesparelse efter refusion og tilbagebetaling",
     "investment case: offer, effect, net saving after refusion and payback"},
    {"compare", styr_cmd_compare, "kommunen mod klyngen: niveau, bedste, placering, udvikling, potentiale; --model",
     "the municipality against its cluster: level, best, rank, change, potential; --model"},
    {"scorecard", styr_cmd_scorecard, "scorecard: flere, hurtigere og fastholdt i job mod klyngen",
     "scorecard: more, faster and kept in work against the cluster"},
    {"profil", styr_cmd_profile, "kommunens profil i ord: styrker og udfordringer mod klyngen",
     "the municipality's profile in words: strengths and challenges against the cluster"},
    {"report", styr_cmd_report, "opfølgningsrapport til udvalget: én HTML-fil (og xlsx, pdf)",
     "the committee's follow-up report: one HTML file (and xlsx, pdf)"},
    {"goals", styr_cmd_goals, "resultatmål: opret, vis og følg op (seneste værdi, forløb, prognose, status)",
     "result goals: add, list and follow up (latest value, path, forecast, status)"},
    {"offers", styr_cmd_offers, "tilbud: hvem, hvornår, hvor længe og status efter (rå tal mod klyngen)",
     "offers: who, when, how long and status after (raw figures against the cluster)"},
    {"sample", styr_cmd_sample, "lagdelt stikprøve af igangværende sager til sagsgennemgang (intern)",
     "stratified sample of current cases for a case review (internal)"},
    {"effect", styr_cmd_effect, "effekt af tilbud: skøn ved matchning, rå forskel, interval, pris pr. ekstra i job",
     "effect of offers: matched estimate, raw difference, interval, cost per extra in work"},
    {"serve", styr_cmd_serve, "instrumentbræt og JSON-API i browseren (kun loopback som standard)",
     "dashboard and JSON API in the browser (loopback unless told otherwise)"},
    {"benchmark", styr_cmd_benchmark, "forventet mod faktisk (jobindsats Y30R21): de 98 kommuner og placeringen",
     "expected against actual (jobindsats Y30R21): the 98 municipalities and the rank"},
    {"noegletal", styr_cmd_noegletal, "nøgletal for en kommune mod dens klynge",
     "key figures of a municipality against its cluster"},
    {"progression", styr_cmd_progression, "progressionsmåling: indlæs vurderinger, ændringer og hvad der forudsiger job",
     "progression: import assessments, changes and what predicts a job"},
    {"flows", styr_cmd_flows, "strømme: hvor afsluttede forløb gik hen, hvor nye kom fra, flytninger",
     "flows: where ended spells went, where new ones came from, moves"},
    {0, 0, 0, 0},
};

void styr_cli_usage(FILE *out)
{
    fprintf(out, "%s", styr_tr("styr – styring af beskæftigelsesindsatsen\n\n"
                               "Brug: styr [--lang da|en] [-w ARBEJDSOMRÅDE] KOMMANDO [TILVALG]\n\nKommandoer:\n",
                               "styr – steering the municipal employment effort\n\n"
                               "Usage: styr [--lang da|en] [-w WORKSPACE] COMMAND [OPTIONS]\n\nCommands:\n"));
    for (const styr_cmd *c = styr_commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, styr_tr(c->summary_da, c->summary_en));
    fprintf(out, "%s",
            styr_tr("\nFælles tilvalg:\n"
                    "  -w, --workspace DIR  arbejdsområdet (standard ./styr.ws)\n"
                    "  --lang da|en         sprog for al tekst (standard da)\n"
                    "  --stats              vis tid og største hukommelsesforbrug på stderr\n"
                    "  -h, --help           denne hjælp; styr KOMMANDO --help for en kommando\n"
                    "  --version            vis versionen\n"
                    "\nAfslutningskoder:\n"
                    "  0  ok\n"
                    "  1  forkert brug af kommandoen\n"
                    "  2  fejl i inddata (intet er skrevet)\n"
                    "  3  arbejdsområdet kan ikke bruges (findes ikke, beskadiget, i brug, findes allerede)\n"
                    "  4  systemfejl (ind-/udlæsning, hukommelse, database, en grænse)\n",
                    "\nCommon options:\n"
                    "  -w, --workspace DIR  the workspace (default ./styr.ws)\n"
                    "  --lang da|en         language of all text (default da)\n"
                    "  --stats              show time and peak memory on stderr\n"
                    "  -h, --help           this help; styr COMMAND --help for a command\n"
                    "  --version            show the version\n"
                    "\nExit codes:\n"
                    "  0  ok\n"
                    "  1  wrong use of the command\n"
                    "  2  error in input data (nothing was written)\n"
                    "  3  the workspace cannot be used (missing, damaged, busy, exists)\n"
                    "  4  system error (input/output, memory, database, a limit)\n"));
}
