/* styr sample: a reproducible stratified sample of current cases for a case
 * review, with person ids: internal use only, own municipality, --intern. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#include "../calc/review.h"
#include "../calc/sample.h"
#include "../core/mem.h"
#include "../out/outfile.h"
#include "../core/num.h"
#include "../core/week.h"
#include "../out/table.h"
#include "cli.h"
#include "cmds.h"
#include "review.h"
#include "select.h"

static const char help_da[] =
    "Brug: styr sample [-w ARBEJDSOMRÅDE] --ydelse G --intern [-n 25] [--seed S] [-o GENNEMGANG.xlsx|.csv]\n"
    "                  [--laeringspunkter FIL]\n"
    "      styr sample import [-w ARBEJDSOMRÅDE] [--laeringspunkter FIL] GENNEMGANG.xlsx|.csv\n"
    "      styr sample resultat [-w ARBEJDSOMRÅDE] --intern [--format html|xlsx|csv|json] [-o FIL]\n"
    "\n"
    "Træk en stikprøve til sagsgennemgang (som KL's gennemgang af 25 sager) blandt de\n"
    "igangværende forløb på ydelsen i arbejdsområdets egen kommune i panelets sidste uge.\n"
    "Stikprøven er lagdelt efter forløbets længde (1-13, 14-26, 27-52, 53-104, 105+ uger) og\n"
    "tilbudsstatus (i tilbud nu, tidligere tilbud, intet tilbud): hvert lag får sin andel, og\n"
    "mindst én sag når antallet tillader det. Samme panel og frø giver samme stikprøve.\n"
    "\n"
    "Udskriften indeholder person-id'er og er KUN TIL INTERN BRUG: den må ikke indgå i\n"
    "rapporter. Derfor kræves --intern, og kun for arbejdsområdets egen kommune.\n"
    "\n"
    "  -n N        antal sager (standard 25)\n"
    "  --seed S    frø (standard 1)\n"
    "  -o FIL      gennemgangsark (XLSX, eller CSV når navnet ender på .csv) med stikprøvens frø,\n"
    "              panel, ydelse, kommune og referenceuge, og pr. sag Nr., Person, Lag-nr., Gennemgået,\n"
    "              en kolonne pr. læringspunkt (1/0, x/tom, ja/nej) og Note (fri tekst)\n"
    "  --laeringspunkter FIL  læringspunkterne (kode;navn;navn_en); standard data/laeringspunkter.csv\n"
    "\n"
    "styr sample import læser det udfyldte ark (XLSX eller CSV gemt fra det), trækker stikprøven igen\n"
    "med arkets frø og sammenligner id'er og lag; et ark fra et andet panel eller frø, eller med\n"
    "ændrede, manglende eller ekstra sager, afvises med fil, række og kolonne. Alt eller intet.\n"
    "styr sample resultat viser andelen af de gennemgåede sager med hvert læringspunkt, samlet og\n"
    "pr. lag, med 95 pct. konfidensintervaller (Wilson; lagdelt skøn vægtet med forløb pr. lag).\n";
static const char help_en[] =
    "Usage: styr sample [-w WORKSPACE] --ydelse G --intern [-n 25] [--seed S] [-o REVIEW.xlsx|.csv]\n"
    "                  [--laeringspunkter FILE]\n"
    "       styr sample import [-w WORKSPACE] [--laeringspunkter FILE] REVIEW.xlsx|.csv\n"
    "       styr sample resultat [-w WORKSPACE] --intern [--format html|xlsx|csv|json] [-o FILE]\n"
    "\n"
    "Draws a sample for a case review (as KL's review of 25 cases) among the current spells\n"
    "of the group in the workspace's own municipality in the panel's last week. The sample\n"
    "is stratified by spell length (1-13, 14-26, 27-52, 53-104, 105+ weeks) and offer status\n"
    "(in an offer now, earlier offer, no offer): each stratum gets its share, and at least\n"
    "one case when the number allows. The same panel and seed give the same sample.\n"
    "\n"
    "The output holds person ids and is FOR INTERNAL USE ONLY: it must not enter reports.\n"
    "Hence --intern is required, and only for the workspace's own municipality.\n"
    "\n"
    "  -n N        number of cases (default 25)\n"
    "  --seed S    seed (default 1)\n"
    "  -o FILE     review sheet (XLSX, or CSV when the name ends in .csv) with the sample's seed,\n"
    "              panel, group, municipality and reference week, and per case No., Person,\n"
    "              Stratum no., Reviewed, a column per learning point (1/0, x/blank, ja/nej) and Note\n"
    "  --laeringspunkter FILE  the learning points (kode;navn;navn_en); default data/laeringspunkter.csv\n"
    "\n"
    "styr sample import reads the filled sheet (XLSX or CSV saved from it), draws the sample again\n"
    "with the sheet's seed and compares ids and strata; a sheet from another panel or seed, or with\n"
    "changed, missing or extra cases, is refused with file, row and column. All or nothing.\n"
    "styr sample resultat shows the share of reviewed cases with each learning point, overall and\n"
    "by stratum, with 95 pct. confidence intervals (Wilson; a stratified estimate weighted by spells).\n";

static void stratum_text(char *buf, size_t cap, int s) { styr_stratum_text(buf, cap, s); }

/* The review sheet as a grid: the head (title, notice, the label/value rows
 * that identify the sample, the answer key), then the table. num marks the
 * cells an XLSX holds as numbers. */
typedef struct grid { styr_sheet s; size_t cap, width; } grid;

static void gput(grid *g, size_t r, size_t c, const char *text)
{
    while (g->s.n <= r) {
        if (g->s.n == g->cap) g->s.row = styr_xrealloc(g->s.row, (g->cap = g->cap ? 2 * g->cap : 64) * sizeof *g->s.row);
        g->s.row[g->s.n] = (styr_sheet_row){g->s.n + 1, 0, NULL};
        g->s.n++;
    }
    styr_sheet_row *w = &g->s.row[r];
    if (c >= w->n) {
        w->cell = styr_xrealloc(w->cell, (c + 1) * sizeof *w->cell);
        for (size_t i = w->n; i <= c; i++) w->cell[i] = NULL;
        w->n = c + 1;
    }
    free(w->cell[c]);
    w->cell[c] = styr_xstrdup(text);
    if (c + 1 > g->width) g->width = c + 1;
}

enum { HEAD_ROWS = 11 }; /* the table's header is row 11 (index 10) */

static void build_sheet(grid *g, const styr_sample *s, const styr_review_meta *meta, const styr_cols *c,
                        const styr_codes *codes, const styr_lps *lps, const char *title)
{
    char v[96];
    memset(g, 0, sizeof *g);
    gput(g, 0, 0, title);
    gput(g, 1, 0, styr_tr("FORTROLIGT: indeholder person-id'er. Kun til intern sagsgennemgang; må ikke indgå i rapporter.",
                          "CONFIDENTIAL: holds person ids. For the internal case review only; must not enter reports."));
    snprintf(v, sizeof v, "%llu", (unsigned long long)meta->seed);
    gput(g, 2, 0, styr_review_meta_label(STYR_RM_SEED)), gput(g, 2, 1, v);
    styr_hex64(meta->panel, v);
    gput(g, 3, 0, styr_review_meta_label(STYR_RM_PANEL)), gput(g, 3, 1, v);
    gput(g, 4, 0, styr_review_meta_label(STYR_RM_GROUP)), gput(g, 4, 1, codes->dict.yd[meta->grp]);
    snprintf(v, sizeof v, "%d", meta->kommune);
    gput(g, 5, 0, styr_review_meta_label(STYR_RM_KOMMUNE)), gput(g, 5, 1, v);
    styr_week_format(meta->ref, v);
    gput(g, 6, 0, styr_review_meta_label(STYR_RM_WEEK)), gput(g, 6, 1, v);
    snprintf(v, sizeof v, "%zu", meta->n);
    gput(g, 7, 0, styr_review_meta_label(STYR_RM_N)), gput(g, 7, 1, v);
    gput(g, 8, 0, styr_tr("Svar", "Answers"));
    gput(g, 8, 1, styr_tr("Gennemgået og læringspunkterne: 1 eller 0, x eller tom, ja eller nej. Fri tekst i Note "
                          "(vises aldrig i resultatet). Ret ikke Nr., Person og Lag-nr.; indlæs med styr sample import.",
                          "Reviewed and the learning points: 1 or 0, x or blank, ja/yes or nej/no. Free text in Note "
                          "(never shown in the result). Do not change No., Person and Stratum no.; import with styr sample import."));
    size_t h = HEAD_ROWS - 1;
    for (int i = 0; i < STYR_RC_FIXED; i++) gput(g, h, (size_t)i, styr_review_col_label(i));
    for (size_t j = 0; j < lps->n; j++) gput(g, h, STYR_RC_FIXED + j, styr_lp_name(&lps->v[j]));
    gput(g, h, STYR_RC_FIXED + lps->n, styr_review_note_label());
    for (size_t i = 0; i < s->n; i++) {
        const styr_case *k = &s->cases[i];
        size_t r = h + 1 + i, len;
        const char *id = styr_person_id(c, k->person, &len);
        snprintf(v, sizeof v, "%zu", i + 1);
        gput(g, r, STYR_RC_NR, v);
        snprintf(v, sizeof v, "%.*s", (int)(len < 79 ? len : 79), id);
        gput(g, r, STYR_RC_PERSON, v);
        snprintf(v, sizeof v, "%d", k->stratum + 1);
        gput(g, r, STYR_RC_STRATUM, v);
        stratum_text(v, sizeof v, k->stratum);
        gput(g, r, STYR_RC_STRATUM_TEXT, v);
        styr_week_format(k->start, v);
        gput(g, r, STYR_RC_START, v);
        snprintf(v, sizeof v, "%d", k->weeks);
        gput(g, r, STYR_RC_WEEKS, v);
        gput(g, r, STYR_RC_OFFER, k->tb_now ? styr_offer_name(codes, k->tb_now) : "-");
    }
}

static styr_rc write_xlsx(const char *path, const grid *g, size_t nlp, styr_diags *d)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp-xlsx", path);
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb) return styr_diag_sys(d, STYR_EIO, "%s: cannot create", path);
    lxw_format *bold = workbook_add_format(wb), *wrap = workbook_add_format(wb), *head = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_bold(head);
    format_set_text_wrap(head);
    format_set_bg_color(head, 0xE8EEF4);
    format_set_text_wrap(wrap);
    lxw_worksheet *ws = workbook_add_worksheet(wb, styr_tr("Sagsgennemgang", "Case review"));
    size_t h = HEAD_ROWS - 1;
    for (size_t r = 0; r < g->s.n; r++) {
        const styr_sheet_row *w = &g->s.row[r];
        for (size_t c = 0; c < w->n; c++) {
            if (!w->cell[c]) continue;
            int number = r > h && (c == STYR_RC_NR || c == STYR_RC_STRATUM || c == STYR_RC_WEEKS);
            if (number)
                worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, strtod(w->cell[c], NULL), NULL);
            else
                worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, w->cell[c],
                                       r == h ? head : r < 2 || (r < h && c == 0) ? bold : NULL);
        }
    }
    worksheet_set_column(ws, 0, 0, 18, NULL);
    worksheet_set_column(ws, 1, 1, 18, NULL);
    worksheet_set_column(ws, 2, 2, 8, NULL);
    worksheet_set_column(ws, 3, 3, 30, NULL);
    worksheet_set_column(ws, 4, 6, 12, NULL);
    worksheet_set_column(ws, STYR_RC_REVIEWED, (lxw_col_t)(STYR_RC_FIXED - 1 + nlp), 14, NULL);
    worksheet_set_column(ws, (lxw_col_t)(STYR_RC_FIXED + nlp), (lxw_col_t)(STYR_RC_FIXED + nlp), 50, wrap);
    worksheet_set_row(ws, (lxw_row_t)h, 45, NULL);
    worksheet_freeze_panes(ws, (lxw_row_t)(h + 1), 2);
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR || rename(tmp, path) != 0) {
        remove(tmp);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, lxw_strerror(e));
    }
    return STYR_OK;
}

/* CSV as Danish Excel saves it: ';', every row as wide as the widest. */
static styr_rc write_csv(const char *path, const grid *g, styr_diags *d)
{
    styr_dest x;
    styr_rc rc = styr_dest_open(&x, path, d);
    if (rc) return rc;
    for (size_t r = 0; r < g->s.n; r++) {
        for (size_t c = 0; c < g->width; c++) {
            if (c) fputc(';', x.f);
            const char *t = styr_sheet_cell(&g->s.row[r], c);
            if (*t) styr_csv_text(x.f, t);
        }
        fputc('\n', x.f);
    }
    return styr_dest_close(&x, !ferror(x.f), d);
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcasecmp(s + n - m, suf);
}

int styr_cmd_sample(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"ydelse", required_argument, 0, 'y'}, {"seed", required_argument, 0, 's'},
        {"intern", no_argument, 0, 'i'},       {"output", required_argument, 0, 'o'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
        {"laeringspunkter", required_argument, 0, 'l'}, {0, 0, 0, 0}};
    if (argc >= 2 && !strcmp(argv[1], "import")) return styr_cmd_sample_import(cli, argc - 1, argv + 1);
    if (argc >= 2 && (!strcmp(argv[1], "resultat") || !strcmp(argv[1], "result")))
        return styr_cmd_sample_result(cli, argc - 1, argv + 1);
    const char *yl = NULL, *out = NULL, *lpfile = NULL;
    long long n = 25, seed = 1;
    int intern = 0, c;
    optind = 1;
    while ((c = styr_cli_getopt("sample", argc, argv, "w:o:n:h", lo)) != -1) {
        switch (c) {
        case 'y': yl = optarg; break;
        case 'n':
            if (styr_cli_int(optarg, 1, 10000, &n)) return styr_cli_bad_option("sample", "-n", optarg);
            break;
        case 's':
            if (styr_cli_int(optarg, 0, 0x7FFFFFFFFFFFFFFFLL, &seed)) return styr_cli_bad_option("sample", "--seed", optarg);
            break;
        case 'i': intern = 1; break;
        case 'o': out = optarg; break;
        case 'l': lpfile = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("sample", "", argv[optind]);
    if (!yl) return styr_cli_bad_option("sample", "--ydelse", "");
    if (!intern) {
        fprintf(stderr, "styr sample: %s\n",
                styr_tr("stikprøven viser person-id'er; angiv --intern for at bekræfte intern brug",
                        "the sample shows person ids; give --intern to confirm internal use"));
        return STYR_EXIT_USAGE;
    }
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_sample s;
    memset(&s, 0, sizeof s);
    styr_lps lps = {0};
    grid sheet;
    memset(&sheet, 0, sizeof sheet);
    int e = STYR_EXIT_OK, *grp = NULL, ngrp = 0;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc && out) rc = styr_lps_load(lpfile, &lps, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    int own = styr_ws_egen_kommune(ws);
    if (!own || codes->kom_idx[own] < 0) {
        fprintf(stderr, "styr sample: %s\n",
                styr_tr("stikprøven gælder arbejdsområdets egen kommune (styr init --kommune)",
                        "the sample is for the workspace's own municipality (styr init --kommune)"));
        e = STYR_EXIT_USAGE;
        goto out;
    }
    if (styr_select_ydelser(codes, yl, &grp, &ngrp) || ngrp != 1 || grp[0] == 0) {
        e = styr_cli_bad_option("sample", "--ydelse", yl);
        goto out;
    }
    int g = grp[0], k = codes->kom_idx[own];
    if ((rc = styr_sample_draw(ws, g, k, (size_t)n, (uint64_t)seed, &s, &d))) goto fail;
    const styr_cols *cols = styr_panel_cols(p);
    char wk[12], title[256], a[32], b[32];
    styr_week_format(s.ref, wk);
    snprintf(title, sizeof title, styr_tr("Sagsgennemgang: %s, %s Kommune, forløb i gang i uge %s (frø %lld)",
                                          "Case review: %s, %s, spells in progress in week %s (seed %lld)"),
             styr_group_name(codes, g), codes->kom_name[k], wk, seed);
    printf("%s\n%s\n\n", title,
           styr_tr("FORTROLIGT: person-id'er, kun til intern sagsgennemgang; må ikke indgå i rapporter.",
                   "CONFIDENTIAL: person ids, for the internal case review only; must not enter reports."));
    styr_table *t = styr_table_new(6, "rllrrl");
    const char *h[6] = {"Nr.", styr_tr("Person", "Person"), styr_tr("Lag", "Stratum"), styr_tr("Start", "Start"),
                        styr_tr("Uger", "Weeks"), styr_tr("Tilbud nu", "Offer now")};
    styr_table_row(t, h);
    for (size_t i = 0; i < s.n; i++) {
        size_t len;
        const char *id = styr_person_id(cols, s.cases[i].person, &len);
        char nr[24], idb[80], st[96], start[12], w[16];
        snprintf(nr, sizeof nr, "%zu", i + 1);
        snprintf(idb, sizeof idb, "%.*s", (int)(len < 79 ? len : 79), id);
        stratum_text(st, sizeof st, s.cases[i].stratum);
        styr_week_format(s.cases[i].start, start);
        snprintf(w, sizeof w, "%d", s.cases[i].weeks);
        const char *row[6] = {nr, idb, st, start, w, s.cases[i].tb_now ? styr_offer_name(codes, s.cases[i].tb_now) : "-"};
        styr_table_row(t, row);
    }
    styr_table_print(t, stdout);
    styr_table_free(t);
    printf("\n%s\n", styr_tr("Lag: forløb i gang / trukket", "Strata: spells in progress / drawn"));
    for (int i = 0; i < STYR_NSTRATA_SAMPLE; i++) {
        if (!s.population[i]) continue;
        char st[96];
        stratum_text(st, sizeof st, i);
        printf("  %-48s %8s / %s\n", st, styr_fmt_int(a, sizeof a, (long long)s.population[i]),
               styr_fmt_int(b, sizeof b, (long long)s.drawn[i]));
    }
    if (out) {
        styr_review_meta meta = {.seed = (uint64_t)seed, .panel = styr_panel_checksum(p), .grp = g, .kommune = own,
                                 .ref = s.ref, .n = (size_t)n};
        build_sheet(&sheet, &s, &meta, cols, codes, &lps, title);
        rc = ends_with(out, ".csv") ? write_csv(out, &sheet, &d) : write_xlsx(out, &sheet, lps.n, &d);
        if (rc) goto fail;
        fprintf(stderr, styr_tr("Gennemgangsark skrevet: %s\n", "Review sheet written: %s\n"), out);
    }
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_sample_free(&s);
    styr_sheet_free(&sheet.s);
    styr_lps_free(&lps);
    free(grp);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
