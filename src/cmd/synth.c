/* styr synth: generate the synthetic national demo population. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../core/num.h"
#include "../synth/synth.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr synth [-w ARBEJDSOMRÅDE] --persons N [--from ÅR] [--to ÅR] [--seed S] [--out FIL]\n"
    "\n"
    "Danner en syntetisk befolkning i alle 98 kommuner i forhold til deres befolkning,\n"
    "med forløb på alle ydelser, tilbud, job med timer efter afgang, flytninger og\n"
    "alder, og indlæser den. Kommuner og klynger er forskellige i tilgang, varighed,\n"
    "aktivering og afgang til job. Samme frø giver samme befolkning. Tallene er\n"
    "opdigtede og kun til demonstration og test.\n"
    "\n"
    "  --persons N   antal personer i panelet (med mindst én uge på ydelse)\n"
    "  --from ÅR     første år (standard 2015)\n"
    "  --to ÅR       sidste år (standard 2024)\n"
    "  --seed S      frø (standard 1)\n"
    "  --out FIL     skriv i stedet den lange CSV til FIL og FIL-personer.csv og\n"
    "                FIL-befolkning.csv ved siden af, til brug med styr import\n";
static const char help_en[] =
    "Usage: styr synth [-w WORKSPACE] --persons N [--from YEAR] [--to YEAR] [--seed S] [--out FILE]\n"
    "\n"
    "Generates a synthetic population across all 98 municipalities in proportion to\n"
    "their population, with spells of every benefit group, offers, jobs with hours after\n"
    "exits, moves and age, and imports it. Municipalities and clusters differ in inflow,\n"
    "duration, activation and job exit. The same seed gives the same population. The\n"
    "numbers are invented, for demonstration and tests only.\n"
    "\n"
    "  --persons N   persons in the panel (with at least one benefit week)\n"
    "  --from YEAR   first year (default 2015)\n"
    "  --to YEAR     last year (default 2024)\n"
    "  --seed S      seed (default 1)\n"
    "  --out FILE    instead write the long CSV to FILE, and FILE-personer.csv and\n"
    "                FILE-befolkning.csv beside it, for use with styr import\n";

int styr_cmd_synth(styr_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"persons", required_argument, 0, 'n'}, {"from", required_argument, 0, 'f'},
                                          {"to", required_argument, 0, 't'},      {"seed", required_argument, 0, 's'},
                                          {"out", required_argument, 0, 'o'},     {"workspace", required_argument, 0, 'w'},
                                          {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    styr_synth_opts o = {.from = 2015, .to = 2024, .seed = 1, .command = cli->command,
                         .progress = styr_cli_progress, .progress_ctx = cli};
    long long v;
    int c, have_n = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "w:h", opts, NULL)) != -1) {
        switch (c) {
        case 'n':
            if (styr_cli_int(optarg, 1, 100000000, &v)) return styr_cli_bad_option("synth", "--persons", optarg);
            o.persons = (uint64_t)v;
            have_n = 1;
            break;
        case 'f':
            if (styr_cli_int(optarg, 1991, 2099, &v)) return styr_cli_bad_option("synth", "--from", optarg);
            o.from = (int)v;
            break;
        case 't':
            if (styr_cli_int(optarg, 1991, 2099, &v)) return styr_cli_bad_option("synth", "--to", optarg);
            o.to = (int)v;
            break;
        case 's':
            if (styr_cli_int(optarg, 0, 0x7FFFFFFFFFFFFFFFLL, &v)) return styr_cli_bad_option("synth", "--seed", optarg);
            o.seed = (uint64_t)v;
            break;
        case 'o': o.out = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (!have_n) return styr_cli_bad_option("synth", "--persons", "");
    if (o.from > o.to) return styr_cli_bad_option("synth", "--from/--to", argv[0]);
    if (optind < argc) return styr_cli_bad_option("synth", styr_tr("argument", "argument"), argv[optind]);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    styr_synth_result res;
    styr_import_result ires;
    memset(&res, 0, sizeof res);
    memset(&ires, 0, sizeof ires);
    styr_rc rc = styr_ws_open(cli->ws, o.out ? STYR_WS_READ : STYR_WS_WRITE, &ws, &d);
    if (!rc) rc = styr_synth(ws, &o, &res, &ires, &d);
    /* the frame conditions for styr compare --model go with the workspace */
    if (!rc && !o.out) rc = styr_covars_store(ws, &res.cov, &d);
    int e = STYR_EXIT_OK;
    if (rc) e = styr_cli_fail(cli, rc, &d);
    else {
        char a[32], b[32], w[32];
        printf(styr_tr("Syntetisk befolkning %d-%d (frø %llu): %s indbyggere, heraf %s personer med ydelser, %s personuger.\n",
                       "Synthetic population %d-%d (seed %llu): %s residents, of whom %s persons with benefits, %s person-weeks.\n"),
               o.from, o.to, (unsigned long long)o.seed, styr_fmt_int(a, sizeof a, (long long)res.residents),
               styr_fmt_int(b, sizeof b, (long long)res.persons), styr_fmt_int(w, sizeof w, (long long)res.weeks));
        if (o.out) {
            printf(styr_tr("Skrevet: %s, %s, %s\nIndlæs med: styr import -w %s %s %s %s\n",
                           "Written: %s, %s, %s\nImport with: styr import -w %s %s %s %s\n"),
                   res.files[0], res.files[1], res.files[2], cli->ws, res.files[0], res.files[1], res.files[2]);
        } else {
            styr_print_import_result(&ires, 0);
        }
    }
    styr_synth_result_free(&res);
    styr_import_result_free(&ires);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
