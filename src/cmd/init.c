/* styr init: create a workspace with the reference tables. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../core/num.h"
#include "../ws/workspace.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr init [ARBEJDSOMRÅDE] [--data MAPPE] [--kommune KODE]\n"
    "\n"
    "Opretter et arbejdsområde (standard ./styr.ws): en katalogdatabase med kommuner,\n"
    "klynger, ydelser, tilbud, DREAM-koder, satser og befolkning, og et tomt panel.\n"
    "Referencetabellerne er bygget ind i styr; --data læser dem fra en mappe i stedet.\n"
    "\n"
    "  --data MAPPE      læs kommuner.csv, klynger.csv, ... fra MAPPE\n"
    "  --kommune KODE    arbejdsområdets egen kommune (fx 461 eller Odense); dens egne tal kan\n"
    "                    vises uden diskretion med --intern\n"
    "  -w, --workspace   arbejdsområdet (i stedet for det første argument)\n";
static const char help_en[] =
    "Usage: styr init [WORKSPACE] [--data DIR] [--kommune CODE]\n"
    "\n"
    "Creates a workspace (default ./styr.ws): a catalog database with municipalities,\n"
    "clusters, benefit groups, offers, DREAM codes, rates and population, and an empty\n"
    "panel. The reference tables are built into styr; --data reads them from a directory.\n"
    "\n"
    "  --data DIR        read kommuner.csv, klynger.csv, ... from DIR\n"
    "  --kommune CODE    the workspace's own municipality (e.g. 461 or Odense); its own figures\n"
    "                    can be shown without discretion with --intern\n"
    "  -w, --workspace   the workspace (instead of the first argument)\n";

int styr_cmd_init(styr_cli *cli, int argc, char **argv)
{
    cli->writes = 1;
    static const struct option opts[] = {{"data", required_argument, 0, 'd'}, {"kommune", required_argument, 0, 'k'},
                                          {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    const char *data = NULL, *ws = NULL;
    long long kommune = 0;
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("init", argc, argv, "w:h", opts)) != -1) {
        switch (c) {
        case 'd': data = optarg; break;
        case 'k':
            if (styr_cli_kommune("init", optarg, &kommune)) return STYR_EXIT_USAGE;
            break;
        case 'w': ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) ws = argv[optind++];
    if (optind < argc) return styr_cli_bad_option("init", styr_tr("argument", "argument"), argv[optind]);
    if (!ws) ws = cli->ws;
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = styr_ws_init(ws, data, (int)kommune, &d);
    if (rc) {
        int e = styr_cli_fail(cli, rc, &d);
        styr_diags_free(&d);
        return e;
    }
    styr_ws *w;
    if ((rc = styr_ws_open(ws, STYR_WS_READ, &w, &d))) {
        int e = styr_cli_fail(cli, rc, &d);
        styr_diags_free(&d);
        return e;
    }
    const styr_codes *codes = styr_ws_codes(w);
    printf(styr_tr("Arbejdsområdet %s er oprettet: %d kommuner, %d ydelser, %d tilbud.\n",
                   "Created the workspace %s: %d municipalities, %d benefit groups, %d offers.\n"),
           ws, codes->dict.nkom, codes->dict.nyd - 1, codes->dict.ntb - 1);
    printf(styr_tr("Indlæs data med: styr import -w %s FIL...  (eller en demo: styr synth -w %s --persons 100000)\n",
                   "Import data with: styr import -w %s FILE...  (or a demo: styr synth -w %s --persons 100000)\n"),
           ws, ws);
    styr_ws_close(w);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return STYR_EXIT_OK;
}
