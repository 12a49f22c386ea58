/* styr synth: generate the synthetic national demo population. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/num.h"
#include "../synth/synth.h"
#include "../ws/catalog.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr synth [-w ARBEJDSOMRÅDE] (--persons N | --fuld-skala[=KOMMUNER] | --hele-landet)\n"
    "                 [--stikproeve PCT] [--from ÅR] [--to ÅR] [--seed S] [--indsvingning ÅR]\n"
    "                 [--konjunktur] [--out FIL] [--effekt T=P,... [--effekt-selektion]\n"
    "                 [--sandhed FIL]]\n"
    "\n"
    "Danner en syntetisk befolkning i alle 98 kommuner med forløb på alle ydelser,\n"
    "tilbud, job med timer efter afgang, flytninger og alder, og indlæser den i et nyt\n"
    "arbejdsområde. Kommunernes niveau og rækkefølge følger de offentliggjorte andele på\n"
    "offentlig forsørgelse (data/offentligt_forsoergede.csv); klynger er forskellige i\n"
    "varighed og afgang til job. Simulationen starter ÅR år før --from (indsvingning),\n"
    "så niveau, varighed og langvarige er stabile fra første viste år; de år skrives\n"
    "ikke, og forløb i gang ved starten skæres ved første viste uge. Samme frø giver\n"
    "samme befolkning. Tallene er opdigtede og kun til demonstration og test.\n"
    "\n"
    "Skriver i arbejdsområdet: et nyt panel (panel-NNNNNN.styr) med personuger og\n"
    "personer, tabellen befolkning i katalog.sqlite (de simulerede 16-66-årige pr.\n"
    "kommune, år og alder 1. januar; erstatter referencebefolkningen for årene),\n"
    "tabellen rammevilkaar (illustrative rammevilkår til styr compare --model) og\n"
    "importloggen. Arbejdsområdet skal være tomt (nyt fra styr init).\n"
    "\n"
    "  --persons N   en stikprøve af hele landet: N personer i panelet (med mindst én\n"
    "                uge på ydelse)\n"
    "  --fuld-skala[=KOMMUNER]  kommunerne i fuld størrelse (16-66-årige som i\n"
    "                befolkningstabellen for --to), standard arbejdsområdets egen kommune\n"
    "                og dens klynge; resten af landet som stikprøve (--stikproeve)\n"
    "  --hele-landet alle kommuner i fuld størrelse (ca. 4,5 mio. indbyggere; langsomt)\n"
    "  --stikproeve PCT  med --fuld-skala: resten af landet i PCT pct. af sin\n"
    "                størrelse (standard 10)\n"
    "  --from ÅR     første viste år (standard 2015)\n"
    "  --to ÅR       sidste år (standard 2024)\n"
    "  --seed S      frø (standard 1)\n"
    "  --indsvingning ÅR  år simuleret før --from og ikke skrevet (standard 50; 0: ingen)\n"
    "  --konjunktur  en konjunkturcyklus: finanskrisen (efteråret 2008 til 2013) og\n"
    "                foråret 2020 giver flere afskedigelser og længere forløb på a-dagpenge\n"
    "                (uden: samme niveau alle år)\n"
    "  --out FIL     skriv i stedet den lange CSV til FIL og FIL-personer.csv og\n"
    "                FIL-befolkning.csv ved siden af, til brug med styr import\n"
    "  --effekt T=P,...  plant en effekt: et forløbs første tilbud af slagsen T hæver\n"
    "                andelen i job 13 uger efter starten med P procentpoint, fx\n"
    "                --effekt praktik=10,loentilskud=15 (til test af styr effect). Så får\n"
    "                andre slags tilbud ingen effekt, og hvem der får et tilbud hvornår,\n"
    "                afhænger kun af det, styr effect matcher på (forløbsuge, aldersgruppe,\n"
    "                køn, klynge); P=0: tilbud helt uden effekt. Den sande effekt på de\n"
    "                behandlede (ATT) regnes ud fra simulerede kontrafaktiske forløb (samme\n"
    "                person, samme tilfældige tal, uden tilbuddet den uge) og skrives pr.\n"
    "                ydelse, tilbud, år og uger efter start til sand-effekt.csv i\n"
    "                arbejdsområdet (med --out: FIL-sand-effekt.csv); se styr effect --sand\n"
    "  --effekt-selektion  med --effekt: hvem der får tilbud, afhænger også af en\n"
    "                uobserveret risiko, der også styrer afgangen til job - skønnet bliver\n"
    "                da skævt, som det ville blive i virkeligheden\n"
    "  --sandhed FIL med --effekt: skriv den sande effekt til FIL\n";
static const char help_en[] =
    "Usage: styr synth [-w WORKSPACE] (--persons N | --fuld-skala[=MUNICIPALITIES] | --hele-landet)\n"
    "                  [--stikproeve PCT] [--from YEAR] [--to YEAR] [--seed S] [--indsvingning YEARS]\n"
    "                  [--konjunktur] [--out FILE] [--effekt K=P,... [--effekt-selektion]\n"
    "                  [--sandhed FILE]]\n"
    "\n"
    "Generates a synthetic population across all 98 municipalities with spells of every\n"
    "benefit group, offers, jobs with hours after exits, moves and age, and imports it\n"
    "into a new workspace. The municipalities' levels and order follow the published\n"
    "shares on public support (data/offentligt_forsoergede.csv); clusters differ in\n"
    "duration and job exit. The simulation starts YEARS years before --from (burn-in)\n"
    "so that levels, durations and long spells are stable from the first year shown;\n"
    "those years are not written, and spells in progress at the start are cut at the\n"
    "first shown week. The same seed gives the same population. The numbers are\n"
    "invented, for demonstration and tests only.\n"
    "\n"
    "Writes into the workspace: a new panel (panel-NNNNNN.styr) of person-weeks and\n"
    "persons, the table befolkning in katalog.sqlite (the simulated 16-66-year-olds by\n"
    "municipality, year and age on 1 January; replaces the reference population for\n"
    "those years), the table rammevilkaar (illustrative frame conditions for styr\n"
    "compare --model) and the import log. The workspace must be empty (new from styr init).\n"
    "\n"
    "  --persons N   a sample of the whole country: N persons in the panel (with at\n"
    "                least one benefit week)\n"
    "  --fuld-skala[=MUNICIPALITIES]  these municipalities at full size (16-66-year-olds\n"
    "                as in the population table for --to), by default the workspace's own\n"
    "                and its cluster; the rest of the country as a sample (--stikproeve)\n"
    "  --hele-landet every municipality at full size (about 4.5 million residents; slow)\n"
    "  --stikproeve PCT  with --fuld-skala: the rest of the country at PCT pct. of its\n"
    "                size (default 10)\n"
    "  --from YEAR   first year shown (default 2015)\n"
    "  --to YEAR     last year (default 2024)\n"
    "  --seed S      seed (default 1)\n"
    "  --indsvingning YEARS  years simulated before --from and not written (default 50; 0: none)\n"
    "  --konjunktur  a business cycle: the financial crisis (autumn 2008 to 2013) and the\n"
    "                spring of 2020 bring more layoffs and longer a-dagpenge spells\n"
    "                (without: the same level every year)\n"
    "  --out FILE    instead write the long CSV to FILE, and FILE-personer.csv and\n"
    "                FILE-befolkning.csv beside it, for use with styr import\n"
    "  --effekt K=P,...  plant an effect: a spell's first offer of kind K raises the\n"
    "                share in work 13 weeks after its start by P percentage points, e.g.\n"
    "                --effekt praktik=10,loentilskud=15 (for testing styr effect). Other\n"
    "                kinds of offer then have no effect, and who gets an offer when depends\n"
    "                only on what styr effect matches on (spell week, age band, sex,\n"
    "                cluster); P=0: offers without any effect. The true effect on the\n"
    "                treated (ATT) is computed from simulated counterfactuals (the same\n"
    "                person, the same random numbers, no offer that week) and written per\n"
    "                group, offer, year and weeks after the start to sand-effekt.csv in the\n"
    "                workspace (with --out: FILE-sand-effekt.csv); see styr effect --sand\n"
    "  --effekt-selektion  with --effekt: who gets an offer also depends on an\n"
    "                unobserved risk that also drives exits to work - the estimate is then\n"
    "                biased, as it would be in reality\n"
    "  --sandhed FILE with --effekt: write the true effect to FILE\n";

/* "praktik=10,loentilskud=15": percentage points per offer kind. 0 or -1. */
static int parse_effects(const char *s, styr_synth_opts *o)
{
    while (*s) {
        const char *eq = strchr(s, '='), *end = strchr(s, ',');
        if (!end) end = s + strlen(s);
        if (!eq || eq > end || eq == s || (size_t)(eq - s) >= sizeof o->effekt[0].code || o->neffekt >= 8) return -1;
        double v;
        char mark;
        if (styr_parse_decimal(eq + 1, (size_t)(end - eq - 1), &v, &mark) || v < 0 || v > 90) return -1;
        memcpy(o->effekt[o->neffekt].code, s, (size_t)(eq - s));
        o->effekt[o->neffekt].code[eq - s] = 0;
        o->effekt[o->neffekt].pp = v;
        o->neffekt++;
        s = *end ? end + 1 : end;
    }
    return o->neffekt ? 0 : -1;
}

/* "461,851": municipality codes. 0 or -1. */
static int parse_codes(const char *s, int *out, int *n)
{
    *n = 0;
    while (*s) {
        char *end;
        long v = strtol(s, &end, 10);
        if (end == s || v <= 0 || v >= 1000 || *n >= STYR_MAX_KOMMUNER || (*end && *end != ',')) return -1;
        out[(*n)++] = (int)v;
        s = *end ? end + 1 : end;
    }
    return *n ? 0 : -1;
}

/* The workspace's own municipality and the members of its cluster in year. */
static int own_and_cluster(styr_ws *ws, int year, int *out, styr_diags *d)
{
    int own = styr_ws_egen_kommune(ws), n = 0;
    if (!own) return 0;
    const styr_codes *c = styr_ws_codes(ws);
    out[n++] = own;
    styr_clusters cl;
    if (styr_cat_clusters(ws, year, &cl, d) || own >= 1000 || c->kom_idx[own] < 0) return n;
    int mine = cl.of[c->kom_idx[own]];
    for (int k = 0; mine >= 0 && k < c->dict.nkom; k++)
        if (cl.of[k] == mine && c->dict.kom[k] != own) out[n++] = c->dict.kom[k];
    return n;
}

int styr_cmd_synth(styr_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"persons", required_argument, 0, 'n'},
                                         {"from", required_argument, 0, 'f'},
                                         {"to", required_argument, 0, 't'},
                                         {"seed", required_argument, 0, 's'},
                                         {"out", required_argument, 0, 'o'},
                                         {"workspace", required_argument, 0, 'w'},
                                         {"effekt", required_argument, 0, 'e'},
                                         {"fuld-skala", optional_argument, 0, 'F'},
                                         {"hele-landet", no_argument, 0, 'H'},
                                         {"stikproeve", required_argument, 0, 'p'},
                                         {"indsvingning", required_argument, 0, 'b'},
                                         {"konjunktur", no_argument, 0, 'k'},
                                         {"effekt-selektion", no_argument, 0, 'U'},
                                         {"sandhed", required_argument, 0, 'T'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    styr_synth_opts o = {.from = 2015,
                         .to = 2024,
                         .seed = 1,
                         .command = cli->command,
                         .burnin = 50,
                         .rest = 0.10,
                         .progress = styr_cli_progress,
                         .progress_ctx = cli};
    static int full[STYR_MAX_KOMMUNER];
    long long v;
    int c, have_n = 0, want_full = 0, nfull = 0;
    optind = 1;
    while ((c = styr_cli_getopt("synth", argc, argv, "w:h", opts)) != -1) {
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
            if (styr_cli_int(optarg, 0, 0x7FFFFFFFFFFFFFFFLL, &v))
                return styr_cli_bad_option("synth", "--seed", optarg);
            o.seed = (uint64_t)v;
            break;
        case 'o':
            o.out = optarg;
            break;
        case 'e':
            if (parse_effects(optarg, &o)) return styr_cli_bad_option("synth", "--effekt", optarg);
            break;
        case 'F':
            want_full = 1;
            if (optarg && parse_codes(optarg, full, &nfull))
                return styr_cli_bad_option("synth", "--fuld-skala", optarg);
            break;
        case 'H':
            o.whole = 1;
            break;
        case 'k':
            o.konjunktur = 1;
            break;
        case 'U':
            o.effekt_selektion = 1;
            break;
        case 'T':
            o.truth_out = optarg;
            break;
        case 'p':
            if (styr_cli_int(optarg, 1, 100, &v)) return styr_cli_bad_option("synth", "--stikproeve", optarg);
            o.rest = (double)v / 100.0;
            break;
        case 'b':
            if (styr_cli_int(optarg, 0, 60, &v)) return styr_cli_bad_option("synth", "--indsvingning", optarg);
            o.burnin = (int)v;
            break;
        case 'w':
            cli->ws = optarg;
            break;
        case 'h':
            return styr_cli_help(stdout, help_da, help_en);
        default:
            return STYR_EXIT_USAGE;
        }
    }
    if (have_n + want_full + o.whole > 1) {
        fprintf(stderr, "styr synth: %s\n", styr_msg_text(M_SYNTH_EXCLUSIVE));
        return STYR_EXIT_USAGE;
    }
    if (!have_n && !want_full && !o.whole) return styr_cli_bad_option("synth", "--persons", "");
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
    /* a workspace that already has a panel: say so in one line (the same seed would
     * give every week twice, and synthetic persons do not belong beside real ones) */
    const styr_panel *p;
    if (!rc && !o.out && !styr_ws_panel(ws, &p, &d) && styr_panel_cols(p)->npersons > 0) {
        char n[32];
        fprintf(stderr, "styr synth: %s %s (%s %s); %s\n", cli->ws, styr_msg_text(M_SYNTH_FILLED),
                styr_fmt_int(n, sizeof n, (long long)styr_panel_cols(p)->npersons), styr_msg_text(M_SYNTH_PERSONS),
                styr_msg_text(M_SYNTH_NEW_WS));
        styr_ws_close(ws);
        styr_diags_free(&d);
        return STYR_EXIT_WS;
    }
    if (!rc && want_full && !nfull) {
        nfull = own_and_cluster(ws, o.to, full, &d);
        if (!nfull) {
            fprintf(stderr, "styr synth: %s\n", styr_msg_text(M_SYNTH_NO_OWN));
            styr_ws_close(ws);
            styr_diags_free(&d);
            return STYR_EXIT_USAGE;
        }
    }
    o.full = full;
    o.nfull = nfull;
    /* the true effect beside the panel: in the workspace, or beside the CSV files */
    char *truth = NULL;
    if (o.neffekt && !o.truth_out) {
        const char *base = o.out ? o.out : cli->ws;
        size_t n = strlen(base);
        if (o.out && n > 4 && !strcmp(base + n - 4, ".csv")) n -= 4;
        truth = styr_xmalloc(n + 32);
        snprintf(truth, n + 32, "%.*s%s", (int)n, base, o.out ? "-sand-effekt.csv" : "/sand-effekt.csv");
        o.truth_out = truth;
    }
    if (!rc) rc = styr_synth(ws, &o, &res, &ires, &d);
    /* the frame conditions for styr compare --model go with the workspace */
    if (!rc && !o.out) rc = styr_covars_store(ws, &res.cov, &d);
    int e = STYR_EXIT_OK;
    if (rc)
        e = styr_cli_fail(cli, rc, &d);
    else {
        char a[32], b[32], w[32];
        printf(
            styr_tr(
                "Syntetisk befolkning %d-%d (frø %llu): %s indbyggere, heraf %s personer med ydelser, %s personuger.\n",
                "Synthetic population %d-%d (seed %llu): %s residents, of whom %s persons with benefits, %s "
                "person-weeks.\n"),
            o.from, o.to, (unsigned long long)o.seed, styr_fmt_int(a, sizeof a, (long long)res.residents),
            styr_fmt_int(b, sizeof b, (long long)res.persons), styr_fmt_int(w, sizeof w, (long long)res.weeks));
        if (o.whole || nfull) {
            const styr_codes *cc = styr_ws_codes(ws);
            if (o.whole) {
                printf("%s.\n", styr_msg_text(M_SYNTH_WHOLE));
            } else {
                printf("%s: ", styr_msg_text(M_SYNTH_SCALE));
                for (int i = 0; i < nfull; i++)
                    printf("%s%s", i ? ", " : "",
                           full[i] < 1000 && cc->kom_idx[full[i]] >= 0 ? cc->kom_name[cc->kom_idx[full[i]]] : "?");
                printf("; %s %.0f pct.\n", styr_msg_text(M_SYNTH_REST), 100 * o.rest);
            }
        }
        if (o.burnin)
            printf("%s: %d %s (%d-%d); %s.\n", styr_msg_text(M_SYNTH_BURNIN), o.burnin, styr_msg_text(M_SYNTH_YEARS),
                   o.from - o.burnin, o.from - 1, styr_msg_text(M_SYNTH_BURNIN_CUT));
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
        if (o.neffekt)
            printf(styr_tr("Sand effekt på de behandlede (fra kontrafaktiske forløb): %s\n",
                           "True effect on the treated (from counterfactuals): %s\n"),
                   o.truth_out);
        if (o.out) {
            printf(styr_tr("Skrevet: %s, %s, %s\nIndlæs med: styr import -w %s %s %s %s\n",
                           "Written: %s, %s, %s\nImport with: styr import -w %s %s %s %s\n"),
                   res.files[0], res.files[1], res.files[2], cli->ws, res.files[0], res.files[1], res.files[2]);
        } else {
            styr_print_import_result(&ires, 0);
        }
    }
    free(truth);
    styr_synth_result_free(&res);
    styr_import_result_free(&ires);
    styr_ws_close(ws);
    styr_diags_free(&d);
    if (e == STYR_EXIT_OK && !o.out) styr_cli_prepare(cli);
    styr_cli_stats(cli);
    return e;
}
