/* styr import: read data files into the workspace, all or nothing. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "../core/num.h"
#include "../ingest/import.h"
#include "../ingest/pubimport.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr import [-w ARBEJDSOMRÅDE] [--check] [--kommune KODE] [--tabel ID] [--maal MÅL] FIL...\n"
    "\n"
    "Indlæser filer i arbejdsområdet. Alle filer i én kommando er én import: finder\n"
    "styr en fejl i en af dem, skrives intet, og alle fejl vises med fil, linje,\n"
    "kolonne, værdien og hvad der var forventet.\n"
    "\n"
    "Formater (genkendes på overskriftslinjen):\n"
    "  lang CSV     person;uge;kommune;ydelse;tilbud[;timer][;visitation][;enhed]  (en uge pr. linje;\n"
    "               visitation: jobparat, aktivitetsparat, uddannelsesparat,\n"
    "               aabenlyst_uddannelsesparat, uoplyst; enhed: teamet, der har sagen)\n"
    "  DREAM        person (eller pnr) og kolonner y_ÅÅUU med branchekoder, evt. kommune,\n"
    "               foedt og koen\n"
    "  personer     person;foedt;koen[;oprindelse][;indrejst]  (fødselsdato eller -år, M/K;\n"
    "               oprindelse: dansk, indvandrer_vestlig, indvandrer_ikke_vestlig,\n"
    "               efterkommer_vestlig, efterkommer_ikke_vestlig; indrejst: år som flygtning\n"
    "               eller familiesammenført)\n"
    "  befolkning   kommune;aar;alder;antal\n"
    "  offentlige tal  tabeller fra jobindsats.dk (API version 2 og 3 som JSON, CSV med\n"
    "               etiketterne som overskrift, JSON-objekter, og hjemmesidens CSV med\n"
    "               perioderne som kolonner), Statistikbankens CSV (koder eller tekster;\n"
    "               FOLK1A erstatter også befolkningstallene) og arbejdsstyrken som\n"
    "               kommune;aar;antal; gemmes som offentlige tal (styr info viser dem)\n"
    "  ydelsesrefusion  statens filer yr-ydelsesrefusion-beregning*.csv (Uge;CPR nummer;\n"
    "               Ydelse;...); CPR-nummeret giver fødselsdato og køn og erstattes af et\n"
    "               pseudonym, før noget gemmes\n"
    "  SAS (.sas7bdat), Stata (.dta), SPSS (.sav, .zsav, .por) og SAS-transport (.xpt)\n"
    "               med de samme kolonner, læst med ReadStat\n"
    "Tekstfiler må være UTF-8 eller Windows-1252, med ; , eller tabulator og decimalkomma\n"
    "eller -punktum; styr finder selv ud af det og siger, hvad den læste.\n"
    "\n"
    "  --check          kontrollér alt uden at skrive noget\n"
    "  --kommune KODE   kommunen for DREAM-filer uden kommunekolonne\n"
    "  --tabel ID       tabellen, når filnavnet ikke siger det (y01a02, y30r21, folk1a)\n"
    "  --maal MÅL       målet i en tabel med perioderne som kolonner uden en målkolonne\n"
    "                   (fx \"Antal fuldtidspersoner\")\n"
    "Offentlige tal og paneldata indlæses i hver sin kommando.\n"
    "  -w, --workspace  arbejdsområdet (standard ./styr.ws)\n";
static const char help_en[] =
    "Usage: styr import [-w WORKSPACE] [--check] [--kommune CODE] [--tabel ID] [--maal MEASURE] FILE...\n"
    "\n"
    "Reads files into the workspace. All files of one command are one import: if styr\n"
    "finds an error in any of them, nothing is written, and every error is shown with\n"
    "file, line, column, the value and what was expected.\n"
    "\n"
    "Formats (recognised by the header line):\n"
    "  long CSV     person;uge;kommune;ydelse;tilbud[;timer][;visitation][;enhed]  (one week per line;\n"
    "               visitation: jobparat, aktivitetsparat, uddannelsesparat,\n"
    "               aabenlyst_uddannelsesparat, uoplyst; enhed: the team that has the case)\n"
    "  DREAM        person (or pnr) and columns y_YYWW of branch codes, optionally\n"
    "               kommune, foedt and koen\n"
    "  persons      person;foedt;koen[;oprindelse][;indrejst]  (birth date or year, M/K;\n"
    "               oprindelse: dansk, indvandrer_vestlig, indvandrer_ikke_vestlig,\n"
    "               efterkommer_vestlig, efterkommer_ikke_vestlig; indrejst: year of arrival\n"
    "               as a refugee or family-reunified)\n"
    "  population   kommune;aar;alder;antal\n"
    "  public figures  jobindsats.dk tables (API versions 2 and 3 as JSON, CSV with the\n"
    "               labels as header, JSON objects, and the website's CSV with the periods\n"
    "               as columns), Statistikbanken CSV (codes or texts; FOLK1A also replaces\n"
    "               the population) and the labour force as kommune;aar;antal; stored as\n"
    "               public figures (styr info lists them)\n"
    "  ydelsesrefusion  the state's files yr-ydelsesrefusion-beregning*.csv (Uge;CPR nummer;\n"
    "               Ydelse;...); the CPR number gives birth date and sex and is replaced\n"
    "               by a pseudonym before anything is kept\n"
    "  SAS (.sas7bdat), Stata (.dta), SPSS (.sav, .zsav, .por) and SAS transport (.xpt)\n"
    "               with the same columns, read through ReadStat\n"
    "Text files may be UTF-8 or Windows-1252, with ; , or tab and a decimal comma or\n"
    "point; styr detects them and says what it read.\n"
    "\n"
    "  --check          check everything without writing\n"
    "  --kommune CODE   the municipality for DREAM files without a kommune column\n"
    "  --tabel ID       the table where the file name does not say (y01a02, y30r21, folk1a)\n"
    "  --maal MEASURE   the measure of a table with the periods as columns and no measure\n"
    "                   column (e.g. \"Antal fuldtidspersoner\")\n"
    "Public figures and panel data are imported in separate commands.\n"
    "  -w, --workspace  the workspace (default ./styr.ws)\n";

static const char *decimal_name(char c)
{
    if (c == ',') return styr_tr("decimalkomma", "decimal comma");
    if (c == '.') return styr_tr("decimalpunktum", "decimal point");
    return styr_tr("ingen decimaler", "no decimals");
}

void styr_print_import_files(const styr_import_result *res)
{
    char n[32], mb[32];
    printf("%s\n", styr_tr("Læst:", "Read:"));
    for (size_t i = 0; i < res->nfiles; i++) {
        const styr_import_file *f = &res->files[i];
        printf("  %s: %s, %s %s, ", f->path, styr_table_kind_name(f->kind), styr_fmt_int(n, sizeof n, (long long)f->rows),
               f->statfile ? styr_tr("observationer", "observations") : styr_tr("linjer", "lines"));
        if (f->statfile) printf("ReadStat");
        else printf("%s, separator %s", styr_encoding_name(f->enc), styr_sep_name(f->sep));
        if (f->kind == STYR_T_LONG) printf(", %s", decimal_name(f->decimal));
        if (f->bytes >= 1000000) printf(", %s MB\n", styr_fmt_num(mb, sizeof mb, (double)f->bytes / 1e6, 1));
        else printf(", %s kB\n", styr_fmt_num(mb, sizeof mb, (double)f->bytes / 1e3, 1));
    }
}

void styr_print_import_result(const styr_import_result *res, int check)
{
    char a[32], b[32], c[32], e[32];
    if (check) {
        printf(styr_tr("Kontrol uden skrivning: ingen fejl. Importen ville tilføje %s personuger og %s nye personer.\n",
                       "Checked without writing: no errors. The import would add %s person-weeks and %s new persons.\n"),
               styr_fmt_int(a, sizeof a, (long long)res->weeks_new), styr_fmt_int(b, sizeof b, (long long)res->persons_new));
        return;
    }
    printf(styr_tr("Importeret: %s nye personuger, %s nye personer",
                   "Imported: %s new person-weeks, %s new persons"),
           styr_fmt_int(a, sizeof a, (long long)res->weeks_new), styr_fmt_int(b, sizeof b, (long long)res->persons_new));
    if (res->pop_rows) printf(styr_tr(", %s befolkningstal", ", %s population rows"), styr_fmt_int(c, sizeof c, (long long)res->pop_rows));
    printf(".\n");
    if (res->yr_rows)
        printf(styr_tr("Ydelsesrefusion: %s rækker med beløb og satser gemt; CPR-numre erstattet af pseudonymer. "
                       "%s personuger har mere end én ydelse (panelets uge er den, der tæller på refusionstrappen, ellers den med størst udbetaling).\n",
                       "Ydelsesrefusion: %s rows with amounts and rates kept; CPR numbers replaced by pseudonyms. "
                       "%s person-weeks have more than one benefit (the panel's week is the one that counts on the refusion staircase, else the one with the largest payment).\n"),
               styr_fmt_int(c, sizeof c, (long long)res->yr_rows), styr_fmt_int(e, sizeof e, (long long)res->yr_multi));
    printf(styr_tr("Panelet (generation %u): %s personer, %s personuger i %s perioder med ens uger.\n",
                   "The panel (generation %u): %s persons, %s person-weeks in %s runs of equal weeks.\n"),
           res->generation, styr_fmt_int(a, sizeof a, (long long)res->persons),
           styr_fmt_int(b, sizeof b, (long long)res->weeks), styr_fmt_int(e, sizeof e, (long long)res->runs));
}

/* styr import of published tables (pubimport.h): all files must be such */
static int import_public(styr_cli *cli, char **files, size_t n, size_t npub, const char *tabel, const char *maal,
                         int check)
{
    styr_diags d;
    styr_diags_init(&d);
    if (npub < n) {
        for (size_t i = 0; i < n; i++)
            if (!styr_pub_recognise(files[i])) styr_diag_add(&d, D_PUB_MIXED, M_NONE, files[i], 0, 0, NULL, NULL, 0);
        int e = styr_cli_fail(cli, STYR_EUSAGE, &d);
        styr_diags_free(&d);
        return e;
    }
    styr_ws *ws = NULL;
    styr_pubimport_result res;
    memset(&res, 0, sizeof res);
    styr_pubimport_opts po = {.tabel = tabel, .maal = maal, .check_only = check, .command = cli->command};
    /* the retrieval date: today, or SOURCE_DATE_EPOCH's day (reproducible outputs, as the report's date) */
    char day[16];
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        time_t t = (time_t)strtoll(sde, NULL, 10);
        struct tm tm;
        if (gmtime_r(&t, &tm) && strftime(day, sizeof day, "%Y-%m-%d", &tm)) po.hentet = day;
    }
    styr_rc rc = styr_ws_open(cli->ws, check ? STYR_WS_READ : STYR_WS_WRITE, &ws, &d);
    if (!rc) rc = styr_pub_import(ws, (const char *const *)files, n, &po, &res, &d);
    int e = STYR_EXIT_OK;
    if (rc) e = styr_cli_fail(cli, rc, &d);
    else {
        char a[32];
        printf("%s\n", styr_tr("Læst:", "Read:"));
        for (size_t i = 0; i < res.nfiles; i++) {
            const styr_pubimport_file *f = &res.files[i];
            printf("  %s: %s %s, %s, %s %s\n", f->path, f->kilde, f->tabel, f->form,
                   styr_fmt_int(a, sizeof a, (long long)f->rows), styr_tr("værdier", "values"));
        }
        if (check)
            printf(styr_tr("Kontrol uden skrivning: ingen fejl. Importen ville gemme %s offentlige tal.\n",
                           "Checked without writing: no errors. The import would store %s public figures.\n"),
                   styr_fmt_int(a, sizeof a, (long long)res.rows));
        else
            printf(styr_tr("Importeret: %s offentlige tal (en værdi med samme kilde, tabel, mål, område, periode og "
                           "dimensioner som før erstatter den gamle).\n",
                           "Imported: %s public figures (a value with the same source, table, measure, area, period "
                           "and dimensions as before replaces the old one).\n"),
                   styr_fmt_int(a, sizeof a, (long long)res.rows));
        if (res.pop_rows) {
            char years[24];
            if (res.pop_from == res.pop_to) snprintf(years, sizeof years, "%d", res.pop_from);
            else snprintf(years, sizeof years, "%d-%d", res.pop_from, res.pop_to);
            printf(styr_tr("Befolkningstallene for %s (%s rækker pr. kommune, år og alder) %s fra Statistikbanken FOLK1A (1. kvartal).\n",
                           "The population for %s (%s rows by municipality, year and age) %s from Statistikbanken FOLK1A (1st quarter).\n"),
                   years, styr_fmt_int(a, sizeof a, (long long)res.pop_rows),
                   check ? styr_tr("ville blive erstattet", "would be replaced") : styr_tr("er erstattet", "is replaced"));
        }
    }
    size_t pop = res.pop_rows;
    styr_pubimport_result_free(&res);
    styr_ws_close(ws);
    styr_diags_free(&d);
    if (!rc && !check && pop) styr_cli_prepare(cli);
    styr_cli_stats(cli);
    return e;
}

int styr_cmd_import(styr_cli *cli, int argc, char **argv)
{
    cli->writes = 1;
    static const struct option opts[] = {{"check", no_argument, 0, 'c'}, {"kommune", required_argument, 0, 'k'},
                                          {"tabel", required_argument, 0, 't'}, {"maal", required_argument, 0, 'm'},
                                          {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    styr_import_opts o = {.progress = styr_cli_progress, .progress_ctx = cli, .progress_min = 4u << 20,
                          .command = cli->command};
    long long kommune = 0;
    const char *tabel = NULL, *maal = NULL;
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("import", argc, argv, "w:h", opts)) != -1) {
        switch (c) {
        case 'c': o.check_only = 1; break;
        case 'k':
            if (styr_cli_kommune("import", optarg, &kommune)) return STYR_EXIT_USAGE;
            break;
        case 't': tabel = optarg; break;
        case 'm': maal = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "styr import: %s (styr import --help)\n", styr_tr("ingen filer angivet", "no files given"));
        return STYR_EXIT_USAGE;
    }
    o.default_kommune = (int)kommune;
    size_t npub = 0, nfiles = (size_t)(argc - optind);
    for (int i = optind; i < argc; i++) npub += (size_t)styr_pub_recognise(argv[i]);
    if (npub) return import_public(cli, argv + optind, nfiles, npub, tabel, maal, o.check_only);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    styr_import_result res;
    memset(&res, 0, sizeof res);
    styr_rc rc = styr_ws_open(cli->ws, o.check_only ? STYR_WS_READ : STYR_WS_WRITE, &ws, &d);
    if (!rc && kommune && styr_ws_codes(ws)->kom_idx[kommune] < 0) {
        char kv[24];
        snprintf(kv, sizeof kv, "%lld", kommune);
        styr_ws_close(ws);
        styr_diags_free(&d);
        return styr_cli_bad_option("import", "--kommune", kv);
    }
    if (!rc) rc = styr_import(ws, (const char *const *)argv + optind, (size_t)(argc - optind), &o, &res, &d);
    int e = STYR_EXIT_OK;
    if (rc) e = styr_cli_fail(cli, rc, &d);
    else {
        styr_print_import_files(&res);
        styr_print_import_result(&res, o.check_only);
        if (cli->stats) {
            uint64_t bytes = 0;
            for (size_t i = 0; i < res.nfiles; i++) bytes += res.files[i].bytes;
            char a[32], b[32], c2[32], w[32];
            fprintf(stderr, styr_tr("læsning %s s (%s MB/s), sortering og fletning %s s, skrivning %s s\n",
                                    "reading %s s (%s MB/s), sorting and merging %s s, writing %s s\n"),
                    styr_fmt_num(a, sizeof a, res.t_read, 2),
                    styr_fmt_num(b, sizeof b, res.t_read > 0 ? (double)bytes / res.t_read / 1e6 : 0, 0),
                    styr_fmt_num(c2, sizeof c2, res.t_build, 2), styr_fmt_num(w, sizeof w, res.t_write, 2));
        }
    }
    styr_import_result_free(&res);
    styr_ws_close(ws);
    styr_diags_free(&d);
    if (!rc && !o.check_only) styr_cli_prepare(cli);
    styr_cli_stats(cli);
    return e;
}
