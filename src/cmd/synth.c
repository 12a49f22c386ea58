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
    "                 [--effekt T=P,...]\n"
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
    "                FIL-befolkning.csv ved siden af, til brug med styr import\n"
    "  --effekt T=P,...  plant en effekt: et forløbs første tilbud af slagsen T hæver\n"
    "                andelen i job 13 uger efter starten med P procentpoint, fx\n"
    "                --effekt praktik=10,loentilskud=15 (til test af styr effect)\n";
static const char help_en[] =
    "Usage: styr synth [-w WORKSPACE] --persons N [--from YEAR] [--to YEAR] [--seed S] [--out FILE]\n"
    "                  [--effekt K=P,...]\n"
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
    "                FILE-befolkning.csv beside it, for use with styr import\n"
    "  --effekt K=P,...  plant an effect: a spell's first offer of kind K raises the\n"
    "                share in work 13 weeks after its start by P percentage points, e.g.\n"
    "                --effekt praktik=10,loentilskud=15 (for testing styr effect)\n";

/* "praktik=10,loentilskud=15": percentage points per offer kind. 0 or -1. */
static int parse_effects(const char *s, styr_synth_opts *o)
{
    while (*s) {
        const char *eq = strchr(s, '='), *end = strchr(s, ',');
        if (!end) end = s + strlen(s);
        if (!eq || eq > end || eq == s || (size_t)(eq - s) >= sizeof o->effekt[0].code || o->neffekt >= 8) return -1;
        double v;
        char mark;
        if (styr_parse_decimal(eq + 1, (size_t)(end - eq - 1), &v, &mark) || v <= 0 || v > 90) return -1;
        memcpy(o->effekt[o->neffekt].code, s, (size_t)(eq - s));
        o->effekt[o->neffekt].code[eq - s] = 0;
        o->effekt[o->neffekt].pp = v;
        o->neffekt++;
        s = *end ? end + 1 : end;
    }
    return o->neffekt ? 0 : -1;
}

int styr_cmd_synth(styr_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"persons", required_argument, 0, 'n'}, {"from", required_argument, 0, 'f'},
                                          {"to", required_argument, 0, 't'},      {"seed", required_argument, 0, 's'},
                                          {"out", required_argument, 0, 'o'},     {"workspace", required_argument, 0, 'w'},
                                          {"effekt", required_argument, 0, 'e'},
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
        case 'e':
            if (parse_effects(optarg, &o)) return styr_cli_bad_option("synth", "--effekt", optarg);
            break;
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
        for (int i = 0; i < o.neffekt; i++) {
            char nb[32], mb[32], eb[32];
            double planted = res.eff_first[i] ? 100.0 * (double)res.eff_moved[i] / (double)res.eff_first[i] : 0;
            printf(styr_tr("Plantet effekt %s: %s første tilbud, %s flyttet i job 13 uger efter start; "
                           "effekt på de behandlede %s pct.-point.\n",
                           "Planted effect %s: %s first offers, %s moved into work 13 weeks after the start; "
                           "effect on the treated %s pp.\n"),
                   o.effekt[i].code, styr_fmt_int(nb, sizeof nb, (long long)res.eff_first[i]),
                   styr_fmt_int(mb, sizeof mb, (long long)res.eff_moved[i]), styr_fmt_num(eb, sizeof eb, planted, 1));
        }
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
    if (e == STYR_EXIT_OK && !o.out) styr_cli_prepare(cli);
    styr_cli_stats(cli);
    return e;
}
