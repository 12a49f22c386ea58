/* styr afstem: styr's figures against another source's, source by source
 * (--kilde). jobindsats (the default): styr's key figures against
 * jobindsats.dk's (afstem_ji.c). ydelsesrefusion: the state's refusion per
 * person-week against styr's refusion rules (calc/reconcile.h). */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../calc/reconcile.h"
#include "../core/num.h"
#include "../core/week.h"
#include "../out/figout.h"
#include "../out/outfile.h"
#include "../out/table.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr afstem [-w ARBEJDSOMRÅDE] [--kilde jobindsats] [--periode P] [--kommune K]\n"
    "                  [--ydelse G,...] [--taerskel PCT] [--intern] [--format table|csv|json]\n"
    "      styr afstem [-w ARBEJDSOMRÅDE] --kilde ydelsesrefusion [--maaned 2024M06]\n"
    "                  [--kommune K] [--format table|csv|json]\n"
    "\n"
    "Afstemmer styrs tal mod en anden kildes.\n"
    "\n"
    "  --kilde jobindsats  (standard) styrs nøgletal fra panelet ved siden af jobindsats.dk's\n"
    "                   for samme kommune, ydelse og periode (personer, fuldtidspersoner, andel\n"
    "                   af befolkningen; tabellerne med endelsen a02, hentet med styr hent eller\n"
    "                   importeret), med forskellen; afvigelser over tærsklen markeres med !\n"
    "  --periode P      perioden, som jobindsats har den (fx 2024, 2024K1, 2024M03; standard:\n"
    "                   den seneste hentede)\n"
    "  --ydelse G,...   ydelserne (standard: alle og i alt)\n"
    "  --taerskel PCT   afvigelse i pct. af jobindsats' tal, der markeres (standard 5)\n"
    "  --intern         egen kommunes tal uden diskretion\n"
    "  --kilde ydelsesrefusion  statens Ydelsesrefusion (importeret med styr import\n"
    "                   yr-ydelsesrefusion-beregning*.csv) mod styrs refusionsregler: for hver\n"
    "                   personuge satsen og beløbet, staten brugte, mod dem, styrs regler giver\n"
    "                   (refusionstrappen 2016 med personens tælling og genstart efter 52 ugers\n"
    "                   selvforsørgelse inden for 156 uger, som i styr money). Viser ugerne med\n"
    "                   afvigelse og summer pr. måned og ydelse. Refusion for alle ydelser,\n"
    "                   medfinansiering for a-dagpenge. Pseudonymerne er interne.\n"
    "  --maaned 2024M06  kun ugerne i måneden (ugens torsdag)\n"
    "  --kommune K      kun rækker med kommunen som finansierende kommune\n"
    "  --format F       table (standard), csv (dansk Excel) eller json\n"
    "  -w, --workspace  arbejdsområdet (standard ./styr.ws)\n";
static const char help_en[] =
    "Usage: styr afstem [-w WORKSPACE] [--kilde jobindsats] [--periode P] [--kommune K]\n"
    "                   [--ydelse G,...] [--taerskel PCT] [--intern] [--format table|csv|json]\n"
    "       styr afstem [-w WORKSPACE] --kilde ydelsesrefusion [--maaned 2024M06]\n"
    "                   [--kommune K] [--format table|csv|json]\n"
    "\n"
    "Reconciles styr's figures with another source's.\n"
    "\n"
    "  --kilde jobindsats  (default) styr's key figures from the panel beside jobindsats.dk's\n"
    "                   for the same municipality, group and period (persons, full-time\n"
    "                   persons, share of the population; the a02 tables, fetched with styr\n"
    "                   hent or imported), with the difference; differences above the\n"
    "                   threshold are marked !\n"
    "  --periode P      the period as jobindsats has it (e.g. 2024, 2024K1, 2024M03; default:\n"
    "                   the latest retrieved)\n"
    "  --ydelse G,...   the groups (default: all and the total)\n"
    "  --taerskel PCT   the difference in pct. of jobindsats' figure that is marked (default 5)\n"
    "  --intern         the own municipality's figures without discretion\n"
    "  --kilde ydelsesrefusion  the state's Ydelsesrefusion (imported with styr import\n"
    "                   yr-ydelsesrefusion-beregning*.csv) against styr's refusion rules: for\n"
    "                   every person-week the rate and amount the state used against those\n"
    "                   styr's rules give (the 2016 staircase with the person's count and its\n"
    "                   restart after 52 weeks of self-support within 156 weeks, as in styr\n"
    "                   money). Shows the weeks that differ and totals per month and group.\n"
    "                   Refund for every group, co-financing for unemployment insurance\n"
    "                   benefit. The pseudonyms are internal.\n"
    "  --maaned 2024M06  only the weeks of the month (the week's Thursday)\n"
    "  --kommune K      only rows with this municipality as the financing one\n"
    "  --format F       table (default), csv (Danish Excel) or json\n"
    "  -w, --workspace  the workspace (default ./styr.ws)\n";

/* What the command line gave, for every source. */
typedef struct afstem_opts {
    const styr_period *maaned; /* --maaned, or NULL */
    const char *maaned_name;
    int kommune;               /* --kommune code, or 0 */
    styr_format format;
    const char *periode;       /* jobindsats: --periode, or NULL */
    const char *ydelse;        /* jobindsats: --ydelse, or NULL */
    double taerskel;           /* jobindsats: --taerskel */
    int intern;                /* jobindsats: --intern */
} afstem_opts;

static const char *art_name(int medfin)
{
    return medfin ? styr_tr("medfinansiering", "co-financing") : styr_tr("refusion", "refund");
}

static const char *art_key(int medfin) { return medfin ? "medfinansiering" : "refusion"; }

static char *pct(char *buf, size_t cap, double v)
{
    char n[24];
    styr_fmt_num(n, sizeof n, v, v == styr_round(v, 0) ? 0 : 2);
    snprintf(buf, cap, "%s %s", n, styr_tr("pct.", "pct."));
    return buf;
}

static void month_name(char *buf, size_t cap, const styr_recon_total *t)
{
    if (t->month) snprintf(buf, cap, "%04dM%02d", t->year, t->month);
    else snprintf(buf, cap, "%s", styr_tr("I alt", "Total"));
}

static void print_table(const styr_recon *r, const styr_codes *codes)
{
    char a[48], b[48], c[48], e[48], f[48], g[48], wk[16], n[16];
    printf("%s\n\n", styr_tr("Afstemning af statens Ydelsesrefusion mod styrs refusionsregler",
                             "Reconciliation of the state's Ydelsesrefusion with styr's refusion rules"));
    printf(styr_tr("%s personuger, heraf %s med afvigelse (sats eller beløb).\n",
                   "%s person-weeks, %s of them differing (rate or amount).\n"),
           styr_fmt_int(a, sizeof a, (long long)r->nw), styr_fmt_int(b, sizeof b, (long long)r->ndiff));
    printf("%s\n", styr_tr("Styrs sats: refusionstrappen efter personens tælling af uger med ydelse, med genstart efter "
                           "52 ugers selvforsørgelse inden for 156 uger (refusion.csv). Forskel = statens beløb - styrs.",
                           "styr's rate: the refusion staircase by the person's count of weeks on benefit, restarting "
                           "after 52 weeks of self-support within 156 weeks (refusion.csv). Difference = the state's "
                           "amount - styr's."));
    printf("%s\n", styr_tr("Pseudonymerne er interne: de kan kun føres tilbage til en person med arbejdsområdets nøgle.",
                           "The pseudonyms are internal: only the workspace's key leads back to a person."));
    if (r->ndiff) {
        printf("\n%s\n", styr_tr("Uger med afvigelse", "Weeks that differ"));
        styr_table *t = styr_table_new(12, "lllllrrrrrrr");
        const char *h[12] = {styr_tr("Uge", "Week"), styr_tr("Ydelse", "Benefit"), styr_tr("Kommune", "Municipality"),
                             "Pseudonym", styr_tr("Art", "Type"), styr_tr("Tælling", "Count"),
                             styr_tr("Udbetalt", "Paid"), styr_tr("Statens sats", "State's rate"),
                             styr_tr("Styrs sats", "styr's rate"), styr_tr("Statens beløb", "State's amount"),
                             styr_tr("Styrs beløb", "styr's amount"), styr_tr("Forskel kr.", "Difference DKK")};
        styr_table_row(t, h);
        for (size_t i = 0; i < r->nw; i++) {
            const styr_recon_week *w = &r->w[i];
            if (!w->differs) continue;
            styr_week_format(w->week, wk);
            snprintf(n, sizeof n, "%d", w->n);
            int ki = w->kommune > 0 && w->kommune < 1000 ? codes->kom_idx[w->kommune] : -1;
            const char *row[12] = {wk, styr_group_name(codes, w->yd), ki >= 0 ? codes->kom_name[ki] : "?", w->pseudonym,
                                   art_name(w->medfin), w->n ? n : "-", styr_fmt_num(a, sizeof a, w->udbetalt, 2),
                                   pct(b, sizeof b, w->statens_sats), pct(c, sizeof c, w->styr_sats),
                                   styr_fmt_num(e, sizeof e, w->statens_beloeb, 2),
                                   styr_fmt_num(g, sizeof g, w->styr_beloeb, 2),
                                   styr_fmt_num(f, sizeof f, w->forskel_kr, 2)};
            styr_table_row(t, row);
        }
        styr_table_print(t, stdout);
        styr_table_free(t);
    }
    printf("\n%s\n", styr_tr("I alt pr. måned og ydelse", "Totals per month and benefit"));
    styr_table *t = styr_table_new(9, "lllrrrrrr");
    const char *h[9] = {styr_tr("Måned", "Month"), styr_tr("Ydelse", "Benefit"), styr_tr("Art", "Type"),
                        styr_tr("Personuger", "Person-weeks"), styr_tr("Afvigende", "Differing"),
                        styr_tr("Udbetalt", "Paid"), styr_tr("Statens beløb", "State's amount"),
                        styr_tr("Styrs beløb", "styr's amount"), styr_tr("Forskel kr.", "Difference DKK")};
    styr_table_row(t, h);
    for (size_t i = 0; i < r->nt; i++) {
        const styr_recon_total *x = &r->t[i];
        month_name(wk, sizeof wk, x);
        const char *row[9] = {wk, styr_group_name(codes, x->yd), art_name(x->medfin),
                              styr_fmt_int(a, sizeof a, (long long)x->weeks),
                              styr_fmt_int(b, sizeof b, (long long)x->differing),
                              styr_fmt_num(c, sizeof c, x->udbetalt, 2), styr_fmt_num(e, sizeof e, x->statens_beloeb, 2),
                              styr_fmt_num(f, sizeof f, x->styr_beloeb, 2), styr_fmt_num(g, sizeof g, x->forskel_kr, 2)};
        styr_table_row(t, row);
    }
    styr_table_print(t, stdout);
    styr_table_free(t);
}

static void print_csv(const styr_recon *r, const styr_codes *codes)
{
    FILE *f = stdout;
    char wk[16];
    fputs("\xEF\xBB\xBF", f);
    fprintf(f, "%s\r\n",
            styr_tr("Del;Uge;Maaned;Ydelse;Ydelsesnavn;Kommune;Pseudonym;Art;Taelling;Personuger;Afvigende;Udbetalt;"
                    "Statens sats;Styrs sats;Statens beloeb;Styrs beloeb;Forskel kr",
                    "Part;Week;Month;Benefit;Benefit name;Municipality;Pseudonym;Type;Count;Person-weeks;Differing;Paid;"
                    "State's rate;styr's rate;State's amount;styr's amount;Difference DKK"));
    for (size_t i = 0; i < r->nw; i++) {
        const styr_recon_week *w = &r->w[i];
        if (!w->differs) continue;
        styr_week_format(w->week, wk);
        fprintf(f, "%s;%s;%04dM%02d;%s;", styr_tr("afvigelse", "difference"), wk, styr_week_year(w->week),
                styr_week_month(w->week), codes->dict.yd[w->yd]);
        styr_csv_text(f, styr_group_name(codes, w->yd));
        fprintf(f, ";%d;%s;%s;%d;1;1;", w->kommune, w->pseudonym, art_key(w->medfin), w->n);
        styr_csv_number(f, w->udbetalt, 2);
        fputc(';', f);
        styr_csv_number(f, w->statens_sats, 2);
        fputc(';', f);
        styr_csv_number(f, w->styr_sats, 2);
        fputc(';', f);
        styr_csv_number(f, w->statens_beloeb, 2);
        fputc(';', f);
        styr_csv_number(f, w->styr_beloeb, 2);
        fputc(';', f);
        styr_csv_number(f, w->forskel_kr, 2);
        fputs("\r\n", f);
    }
    for (size_t i = 0; i < r->nt; i++) {
        const styr_recon_total *x = &r->t[i];
        char m[16] = "";
        if (x->month) snprintf(m, sizeof m, "%04dM%02d", x->year, x->month);
        fprintf(f, "%s;;%s;%s;", styr_tr("i alt", "total"), m, codes->dict.yd[x->yd]);
        styr_csv_text(f, styr_group_name(codes, x->yd));
        fprintf(f, ";;;%s;;%llu;%llu;", art_key(x->medfin), (unsigned long long)x->weeks,
                (unsigned long long)x->differing);
        styr_csv_number(f, x->udbetalt, 2);
        fputs(";;;", f);
        styr_csv_number(f, x->statens_beloeb, 2);
        fputc(';', f);
        styr_csv_number(f, x->styr_beloeb, 2);
        fputc(';', f);
        styr_csv_number(f, x->forskel_kr, 2);
        fputs("\r\n", f);
    }
}

static json_t *money(double v) { return json_real(styr_round(v, 2)); }

static int print_json(const styr_recon *r, const styr_codes *codes, const char *maaned, int kommune)
{
    json_t *o = json_object(), *rows = json_array(), *tot = json_array();
    char wk[16];
    json_object_set_new(o, "kilde", json_string("ydelsesrefusion"));
    json_object_set_new(o, "maaned", maaned ? json_string(maaned) : json_null());
    json_object_set_new(o, "kommune", kommune ? json_integer(kommune) : json_null());
    json_object_set_new(o, "personuger", json_integer((json_int_t)r->nw));
    json_object_set_new(o, "afvigende", json_integer((json_int_t)r->ndiff));
    for (size_t i = 0; i < r->nw; i++) {
        const styr_recon_week *w = &r->w[i];
        if (!w->differs) continue;
        styr_week_format(w->week, wk);
        json_t *x = json_object();
        json_object_set_new(x, "uge", json_string(wk));
        json_object_set_new(x, "ydelse", json_string(codes->dict.yd[w->yd]));
        json_object_set_new(x, "pseudonym", json_string(w->pseudonym));
        json_object_set_new(x, "styr_sats", money(w->styr_sats));
        json_object_set_new(x, "statens_sats", money(w->statens_sats));
        json_object_set_new(x, "forskel_kr", money(w->forskel_kr));
        json_object_set_new(x, "kommune", json_integer(w->kommune));
        json_object_set_new(x, "art", json_string(art_key(w->medfin)));
        json_object_set_new(x, "taelling", json_integer(w->n));
        json_object_set_new(x, "udbetalt", money(w->udbetalt));
        json_object_set_new(x, "statens_beloeb", money(w->statens_beloeb));
        json_object_set_new(x, "styr_beloeb", money(w->styr_beloeb));
        json_array_append_new(rows, x);
    }
    for (size_t i = 0; i < r->nt; i++) {
        const styr_recon_total *t = &r->t[i];
        char m[16];
        snprintf(m, sizeof m, "%04dM%02d", t->year, t->month);
        json_t *x = json_object();
        json_object_set_new(x, "maaned", t->month ? json_string(m) : json_string("i_alt"));
        json_object_set_new(x, "ydelse", json_string(codes->dict.yd[t->yd]));
        json_object_set_new(x, "art", json_string(art_key(t->medfin)));
        json_object_set_new(x, "personuger", json_integer((json_int_t)t->weeks));
        json_object_set_new(x, "afvigende", json_integer((json_int_t)t->differing));
        json_object_set_new(x, "udbetalt", money(t->udbetalt));
        json_object_set_new(x, "statens_beloeb", money(t->statens_beloeb));
        json_object_set_new(x, "styr_beloeb", money(t->styr_beloeb));
        json_object_set_new(x, "forskel_kr", money(t->forskel_kr));
        json_array_append_new(tot, x);
    }
    json_object_set_new(o, "uger", rows);
    json_object_set_new(o, "i_alt", tot);
    int rc = json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    fputc('\n', stdout);
    json_decref(o);
    return rc;
}

void styr_info_ydelsesrefusion(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT count(*), count(DISTINCT pseudonym), min(uge), max(uge), count(DISTINCT import_id)"
                           " FROM ydelsesrefusion",
                           -1, &st, NULL) != SQLITE_OK)
        return; /* an older workspace, or none imported */
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0) {
        char a[32], b[32];
        printf(styr_tr("Ydelsesrefusion: %s rækker, %s personer (pseudonymer), %s - %s, fra %d import(er); "
                       "afstem dem med styr afstem --kilde ydelsesrefusion\n",
                       "Ydelsesrefusion: %s rows, %s persons (pseudonyms), %s - %s, from %d import(s); "
                       "reconcile them with styr afstem --kilde ydelsesrefusion\n"),
               styr_fmt_int(a, sizeof a, sqlite3_column_int64(st, 0)), styr_fmt_int(b, sizeof b, sqlite3_column_int64(st, 1)),
               sqlite3_column_text(st, 2), sqlite3_column_text(st, 3), sqlite3_column_int(st, 4));
    }
    sqlite3_finalize(st);
}

/* --kilde ydelsesrefusion */
static int afstem_yr(styr_cli *cli, const afstem_opts *a)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    styr_recon r;
    memset(&r, 0, sizeof r);
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    styr_recon_opts o = {a->maaned, a->kommune, 0};
    if (!rc) rc = styr_reconcile_yr(ws, &o, &r, &d);
    int e = STYR_EXIT_OK;
    if (rc) e = styr_cli_fail(cli, rc, &d);
    else if (!r.has_table) {
        fprintf(stderr, "%s\n", styr_tr("styr afstem: arbejdsområdet har ingen Ydelsesrefusion-data; indlæs statens filer "
                                        "med styr import yr-ydelsesrefusion-beregning*.csv",
                                        "styr afstem: the workspace holds no Ydelsesrefusion data; read the state's files "
                                        "with styr import yr-ydelsesrefusion-beregning*.csv"));
        e = STYR_EXIT_INPUT;
    } else if (a->format == STYR_FMT_JSON) {
        if (print_json(&r, styr_ws_codes(ws), a->maaned_name, a->kommune)) e = STYR_EXIT_SYSTEM;
    } else if (a->format == STYR_FMT_CSV) print_csv(&r, styr_ws_codes(ws));
    else print_table(&r, styr_ws_codes(ws));
    styr_recon_free(&r);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}

static int afstem_ji(styr_cli *cli, const afstem_opts *a)
{
    return styr_afstem_jobindsats(cli, a->periode, a->kommune, a->ydelse, a->taerskel, a->intern, a->format);
}

/* The sources afstem reconciles with: one function each (a new source is a
 * row here, its options in the command line below and its help). */
static const struct {
    const char *name;
    int (*run)(styr_cli *cli, const afstem_opts *a);
} kilder[] = {{"jobindsats", afstem_ji}, {"ydelsesrefusion", afstem_yr}};

static int unknown_kilde(const char *v)
{
    char list[128] = "";
    size_t o = 0;
    for (size_t i = 0; i < sizeof kilder / sizeof kilder[0]; i++)
        o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i ? ", " : "", kilder[i].name);
    if (v)
        fprintf(stderr, styr_tr("styr afstem: --kilde %s kendes ikke; styr kan afstemme mod: %s\n",
                                "styr afstem: --kilde %s is not known; styr can reconcile with: %s\n"),
                v, list);
    else
        fprintf(stderr, styr_tr("styr afstem: angiv kilden med --kilde; styr kan afstemme mod: %s (styr afstem --help)\n",
                                "styr afstem: name the source with --kilde; styr can reconcile with: %s (styr afstem --help)\n"),
                list);
    return STYR_EXIT_USAGE;
}

int styr_cmd_afstem(styr_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"kilde", required_argument, 0, 'k'}, {"maaned", required_argument, 0, 'm'},
                                          {"kommune", required_argument, 0, 'K'}, {"format", required_argument, 0, 'f'},
                                          {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
                                          {"periode", required_argument, 0, 'p'}, {"ydelse", required_argument, 0, 'y'},
                                          {"taerskel", required_argument, 0, 't'}, {"intern", no_argument, 0, 'i'},
                                          {0, 0, 0, 0}};
    const char *kilde = "jobindsats", *maaned = NULL, *periode = NULL, *ydelse = NULL;
    double taerskel = 5;
    int intern = 0;
    char mark;
    long long kommune = 0;
    styr_format fmt = STYR_FMT_TABLE;
    styr_period month;
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("afstem", argc, argv, "w:h", opts)) != -1) {
        switch (c) {
        case 'k': kilde = optarg; break;
        case 'm':
            if (styr_period_parse(optarg, &month) || month.kind != STYR_P_MONTH)
                return styr_cli_bad_option("afstem", "--maaned", optarg);
            maaned = month.name;
            break;
        case 'K':
            if (styr_cli_kommune("afstem", optarg, &kommune)) return STYR_EXIT_USAGE;
            break;
        case 'f':
            if (styr_format_parse(optarg, &fmt) || fmt == STYR_FMT_XLSX)
                return styr_cli_bad_option("afstem", "--format", optarg);
            break;
        case 'p': periode = optarg; break;
        case 'y': ydelse = optarg; break;
        case 'i': intern = 1; break;
        case 't':
            if (styr_parse_decimal(optarg, strlen(optarg), &taerskel, &mark) || !(taerskel >= 0 && taerskel <= 1000))
                return styr_cli_bad_option("afstem", "--taerskel", optarg);
            break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "styr afstem: %s: %s (styr afstem --help)\n", styr_tr("ukendt argument", "unknown argument"),
                argv[optind]);
        return STYR_EXIT_USAGE;
    }
    afstem_opts a = {maaned ? &month : NULL, maaned, (int)kommune, fmt, periode, ydelse, taerskel, intern};
    for (size_t i = 0; kilde && i < sizeof kilder / sizeof kilder[0]; i++)
        if (!strcmp(kilde, kilder[i].name)) return kilder[i].run(cli, &a);
    return unknown_kilde(kilde);
}
