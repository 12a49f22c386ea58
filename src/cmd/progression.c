/* styr progression: assessments of progression in (import) and what they show
 * (changes between assessments, and which indicators predict job or education). */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/progstat.h"
#include "../core/fsutil.h"
#include "../core/num.h"
#include "../core/week.h"
#include "../ingest/progcsv.h"
#include "../out/outfile.h"
#include "../out/progout.h"
#include "../ws/secret.h"
#include "cli.h"
#include "select.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr progression import [-w ARBEJDSOMRÅDE] FIL\n"
    "      styr progression [-w ARBEJDSOMRÅDE] [--kommune K] [--tilbud T] [--samlet]\n"
    "                       [--format table|csv|json] [-o FIL]\n"
    "\n"
    "Progressionsmåling (KL's \"Flere i arbejde\"): borgernes vurderinger på et instrument\n"
    "som BIP (helbredsmestring, hverdagsmestring, tro på job, samarbejdsevne,\n"
    "jobsøgningsadfærd, sagsbehandlers tro på job), typisk hver 3. måned.\n"
    "\n"
    "import læser person;dato;instrument;indikator;score;skala (UTF-8 eller Windows-1252,\n"
    "';' eller ',', decimalkomma; skala er skalaens maksimum, fx 5 eller 10, og skalaen\n"
    "begynder ved 1). Personen er panelets person-id; et CPR-nummer erstattes af sit\n"
    "pseudonym som ved Ydelsesrefusion. Personer, der ikke findes i panelet, afvises (med\n"
    "antal). Alt eller intet: én fejl, og intet gemmes. En ny vurdering med samme person,\n"
    "instrument, indikator og dato erstatter den gamle.\n"
    "\n"
    "Uden import: pr. indikator ændringen mellem to på hinanden følgende vurderinger af\n"
    "samme person (i skalapoint og på 0-100), 95 pct. konfidensinterval (t-fordelingen,\n"
    "klyngerobust pr. person) og andelen, der er forbedret, i alt og efter det tilbud,\n"
    "personen havde mellem vurderingerne. Og hvilke indikatorer der forudsiger job eller\n"
    "uddannelse 6 og 12 måneder efter vurderingen (status i ugen 26 og 52 uger efter):\n"
    "logistisk regression pr. indikator med odds-ratio pr. skalapoint og interval.\n"
    "Vurderinger, hvis horisont ligger efter panelets sidste uge, kan endnu ikke måles.\n"
    "Diskretion: celler med 1-4 personer vises som \"..\".\n"
    "\n"
    "  --kommune K   kun personer i kommunen (standard: arbejdsområdets egen, ellers alle)\n"
    "  --tilbud T    kun ændringer, hvor personen havde tilbuddet T imellem (ingen: intet)\n"
    "  --samlet      også en model med alle instrumentets indikatorer på én gang\n"
    "  --format F    table (standard), csv eller json\n"
    "  -o FIL        skriv til FIL\n";
static const char help_en[] =
    "Usage: styr progression import [-w WORKSPACE] FILE\n"
    "       styr progression [-w WORKSPACE] [--kommune K] [--tilbud T] [--samlet]\n"
    "                        [--format table|csv|json] [-o FILE]\n"
    "\n"
    "Progression measurement (KL's \"Flere i arbejde\"): citizens' assessments on an\n"
    "instrument such as BIP (helbredsmestring, hverdagsmestring, tro på job,\n"
    "samarbejdsevne, jobsøgningsadfærd, the caseworker's belief in a job), usually every\n"
    "3 months.\n"
    "\n"
    "import reads person;dato;instrument;indikator;score;skala (UTF-8 or Windows-1252, ';'\n"
    "or ',', decimal comma; skala is the scale's maximum, e.g. 5 or 10, and the scale\n"
    "begins at 1). The person is the panel's person id; a CPR number is replaced by its\n"
    "pseudonym as for Ydelsesrefusion. Persons not in the panel are refused (with a\n"
    "count). All or nothing: one error and nothing is stored. A new assessment of the\n"
    "same person, instrument, indicator and date replaces the old one.\n"
    "\n"
    "Without import: per indicator the change between two consecutive assessments of the\n"
    "same person (in scale points and on 0-100), a 95 pct. confidence interval (the t\n"
    "distribution, clustered by person) and the share improved, in all and by the offer\n"
    "the person had between the assessments. And which indicators predict job or\n"
    "education 6 and 12 months after the assessment (status in the week 26 and 52 weeks\n"
    "after): logistic regression per indicator with the odds ratio per scale point and\n"
    "its interval. Assessments whose horizon lies after the panel's last week cannot be\n"
    "measured yet. Discretion: cells of 1-4 persons are shown as \"..\".\n"
    "\n"
    "  --kommune K   only persons in the municipality (default: the workspace's own, else all)\n"
    "  --tilbud T    only changes with offer T in between (ingen: none)\n"
    "  --samlet      also a model with all of an instrument's indicators at once\n"
    "  --format F    table (default), csv or json\n"
    "  -o FILE       write to FILE\n";

/* ---- import ------------------------------------------------------------------- */

typedef struct import_ctx {
    const styr_prog *p;
    const styr_cols *c;
} import_ctx;

static styr_rc store_txn(sqlite3 *db, void *ctx, uint32_t generation, uint64_t checksum, styr_diags *d)
{
    (void)generation;
    (void)checksum;
    const import_ctx *x = ctx;
    return styr_prog_store(db, x->p, x->c, d);
}

static int cmd_import(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("progression import", argc, argv, "w:h", lo)) != -1) {
        switch (c) {
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "styr progression import: %s\n",
                styr_tr("angiv én fil med vurderinger (person;dato;instrument;indikator;score;skala)",
                        "give one file of assessments (person;dato;instrument;indikator;score;skala)"));
        return STYR_EXIT_USAGE;
    }
    const char *file = argv[optind];
    cli->writes = 1;
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_map m = {0};
    styr_prog prog;
    memset(&prog, 0, sizeof prog);
    unsigned char key[STYR_CPR_KEYLEN];
    int e = STYR_EXIT_OK, have_key = 0;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_WRITE, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    if (styr_panel_cols(p)->npersons == 0) {
        fprintf(stderr, "styr progression import: %s\n",
                styr_tr("panelet er tomt: vurderingerne knyttes til panelets personer, så indlæs først data (styr import)",
                        "the panel is empty: assessments are tied to the panel's persons, so import data first (styr import)"));
        e = STYR_EXIT_INPUT;
        goto out;
    }
    if ((rc = styr_ws_secret(ws, 1, key, &d))) goto fail;
    have_key = 1;
    if ((rc = styr_map_file(file, &m, &d))) goto fail;
    styr_encoding enc;
    char sep;
    rc = styr_prog_read(file, m.data, m.size, styr_panel_cols(p), key, &prog, &enc, &sep, &d);
    if (rc) goto fail;
    import_ctx x = {&prog, styr_panel_cols(p)};
    if ((rc = styr_ws_commit(ws, NULL, store_txn, &x, &d))) goto fail;
    {
        char a[32], b[32], k[32];
        size_t persons = 0;
        unsigned char *seen = calloc(styr_panel_cols(p)->npersons, 1);
        for (size_t i = 0; seen && i < prog.n; i++)
            if (!seen[prog.v[i].person]) seen[prog.v[i].person] = 1, persons++;
        free(seen);
        size_t nind = 0;
        for (size_t i = 0; i < prog.n; i++)
            if (i == 0 || prog.v[i].instrument != prog.v[i - 1].instrument || prog.v[i].indikator != prog.v[i - 1].indikator)
                nind++;
        printf(styr_tr("%s: %s, separator %s.\n", "%s: %s, separator %s.\n"), file, styr_encoding_name(enc),
               styr_sep_name(sep));
        printf(styr_tr("Progression indlæst: %s %s af %s %s på %s %s.\n", "Progression imported: %s %s of %s %s on %s %s.\n"),
               styr_fmt_int(a, sizeof a, (long long)prog.n),
               prog.n == 1 ? styr_tr("vurdering", "assessment") : styr_tr("vurderinger", "assessments"),
               styr_fmt_int(b, sizeof b, (long long)persons),
               persons == 1 ? styr_tr("person", "person") : styr_tr("personer", "persons"),
               styr_fmt_int(k, sizeof k, (long long)nind),
               nind == 1 ? styr_tr("indikator", "indicator") : styr_tr("indikatorer", "indicators"));
    }
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    if (have_key) styr_cpr_wipe(key, sizeof key);
    styr_prog_free(&prog);
    styr_unmap(&m);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}

/* ---- styr info ---------------------------------------------------------------- */

void styr_info_progression(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT count(*), count(DISTINCT person), count(DISTINCT instrument || ':' || indikator),"
                           " min(dato), max(dato) FROM progression",
                           -1, &st, NULL) != SQLITE_OK)
        return; /* no assessments imported */
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0) {
        char a[32], b[32], c[32];
        printf(styr_tr("Progression: %s vurderinger af %s personer på %s indikatorer, %s - %s; se dem med styr progression\n",
                       "Progression: %s assessments of %s persons on %s indicators, %s - %s; see them with styr progression\n"),
               styr_fmt_int(a, sizeof a, sqlite3_column_int64(st, 0)), styr_fmt_int(b, sizeof b, sqlite3_column_int64(st, 1)),
               styr_fmt_int(c, sizeof c, sqlite3_column_int64(st, 2)), sqlite3_column_text(st, 3),
               sqlite3_column_text(st, 4));
    }
    sqlite3_finalize(st);
}

/* ---- the analysis ------------------------------------------------------------- */

static int keep_filter(void *ctx, const styr_cols *c, uint64_t person, int week)
{
    return styr_filter_passes(ctx, c, person, week);
}

int styr_cmd_progression(styr_cli *cli, int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "import")) return cmd_import(cli, argc - 1, argv + 1);
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'}, {"tilbud", required_argument, 0, 't'},
        {"samlet", no_argument, 0, 's'},        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},  {"workspace", required_argument, 0, 'w'},
        {"intern", no_argument, 0, 'i'},        {"help", no_argument, 0, 'h'},
        STYR_FILTER_OPTIONS,                    {0, 0, 0, 0}};
    /* --maalgruppe, --oprindelse and --enhed: the assessment's week must pass (opts.keep) */
    styr_filter_args fa = {0};
    styr_filter flt;
    const char *kl = NULL, *tl = NULL, *out = NULL;
    styr_format fmt = STYR_FMT_TABLE;
    int samlet = 0, c;
    optind = 1;
    while ((c = styr_cli_getopt("progression", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'k': kl = optarg; break;
        case 't': tl = optarg; break;
        case 's': samlet = 1; break;
        case 'i': break; /* the API passes it for a municipality's own token; discretion applies all the same */
        case 'f':
            if (styr_format_parse(optarg, &fmt) || fmt == STYR_FMT_XLSX)
                return styr_cli_bad_option("progression", "--format", optarg);
            break;
        case 'o': out = optarg; break;
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
    if (optind < argc) return styr_cli_bad_option("progression", "", argv[optind]);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_prog prog;
    styr_prog_result res;
    memset(&prog, 0, sizeof prog);
    memset(&res, 0, sizeof res);
    styr_dest dest;
    int e = STYR_EXIT_OK, opened = 0;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    styr_prog_opts o = {.kommune = -1, .tilbud = -1, .samlet = samlet};
    int kcode = 0;
    if (kl && strcmp(kl, "alle")) {
        long long k;
        if ((e = styr_cli_kommune("progression", kl, &k))) goto out;
        kcode = (int)k;
    } else if (!kl) {
        kcode = styr_ws_egen_kommune(ws);
    }
    if (kcode) {
        if (codes->kom_idx[kcode] < 0) {
            e = styr_cli_bad_option("progression", "--kommune", kl ? kl : "");
            goto out;
        }
        o.kommune = codes->kom_idx[kcode];
    }
    if (tl) {
        if (!strcmp(tl, "ingen") || !strcmp(tl, "intet") || !strcmp(tl, "none")) o.tilbud = 0;
        else if ((o.tilbud = styr_codes_tilbud(codes, tl, strlen(tl))) <= 0) {
            e = styr_cli_bad_option("progression", "--tilbud", tl);
            goto out;
        }
    }
    const styr_cols *cols = styr_panel_cols(p);
    if ((e = styr_select_filter("progression", p, &fa, &flt))) goto out;
    char flabel[512];
    if (styr_filter_active(&flt)) {
        o.keep = keep_filter;
        o.keep_ctx = &flt;
        styr_filter_label(&flt, cols, flabel, sizeof flabel);
    }
    if ((rc = styr_prog_load(styr_ws_db(ws), cols, &prog, &d))) goto fail;
    if (prog.n == 0 && prog.gone == 0) {
        fprintf(stderr, "styr progression: %s\n",
                styr_tr("arbejdsområdet har ingen vurderinger; indlæs dem med styr progression import FIL",
                        "the workspace holds no assessments; import them with styr progression import FILE"));
        e = STYR_EXIT_INPUT;
        goto out;
    }
    styr_prog_compute(&prog, cols, codes, styr_panel_week_max(p), &o, &res);
    if ((rc = styr_dest_open(&dest, out, &d))) goto fail;
    opened = 1;
    styr_progout info = {.prog = &prog, .codes = codes, .kommune = kcode,
                         .kommunenavn = kcode ? codes->kom_name[codes->kom_idx[kcode]] : NULL,
                         .tilbud = o.tilbud, .gone = prog.gone, .maalgruppe = o.keep ? flabel : NULL};
    int ok = styr_progout_write(dest.f, fmt, &res, &info) == 0;
    rc = styr_dest_close(&dest, ok, &d);
    opened = 0;
    if (rc) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    if (opened) styr_dest_close(&dest, 0, &d);
    styr_prog_result_free(&res);
    styr_prog_free(&prog);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
